/* esk_alloc.c - memory: arenas of aligned blocks, the chunk map, regions,
 * promotion, the store check and the memory report.
 *
 * Tiers (docs/memory.md): stack objects are the compiler's business (C
 * locals it declares); everything else is bumped from the current arena.
 *
 * Blocks are 64 KiB-aligned and a whole number of 64 KiB chunks, so one
 * table entry per chunk maps any address to its arena (esk_arena_of): two
 * levels indexed by address bits 47..32 and 31..16. An address in no block
 * (the C stack, static data) maps to NULL.
 *
 * A region is an arena with a depth. Leaving it copies what its result
 * reaches inside it into the parent (esk_promote: sharing and cycles kept,
 * older objects untouched so eq? holds), does the same for every slot of an
 * older object the store check remembered, then gives its blocks back: to a
 * small cache for the next region, the rest to free(). */
#include "eshkol.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define ESK_CHUNK_SHIFT 16
#define ESK_CHUNK ((size_t)1 << ESK_CHUNK_SHIFT)
#define ESK_FIRST_BLOCK ESK_CHUNK
#define ESK_MAX_BLOCK ((size_t)64 << 20)
/* The collected root region's blocks stop doubling here: a collection can
 * only start in a slow path, which a block this size reaches soon. */
#define ESK_MAX_ROOT_BLOCK ((size_t)1 << 20)
/* Under AddressSanitizer freed blocks go straight back to free(), so a
 * dangling reference into a dead region is reported, not read. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ESK_ALLOC_NO_CACHE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ESK_ALLOC_NO_CACHE)
#define ESK_BLOCK_CACHE_LIMIT ((size_t)0)
#else
#define ESK_BLOCK_CACHE_LIMIT ((size_t)16 << 20)
#endif


/* A slot of an older object (or a global) that holds a younger region's
 * object: patched when that region exits. */
typedef struct esk_remembered {
    esk_val *slot;
    uint32_t depth;   /* the container's depth; 0 for globals */
} esk_remembered;

typedef struct esk_at_free {
    void (*fn)(void *);
    void *arg;
} esk_at_free;

struct esk_region {
    esk_arena arena;
    esk_region *parent;
    const char *name;
    esk_remembered *remembered;   /* open addressing on slot; NULL slot = empty */
    size_t remembered_count, remembered_room;
    esk_at_free *at_free;
    size_t at_free_count, at_free_room;
    size_t outer_bytes;           /* bytes the enclosing regions (not the root) held when it was entered */
};

/* Promotion's copies are only in its own tables until it is done: no
 * collection meanwhile. */
#ifndef ESK_NO_GC
#define ESK_GC_HOLD() (esk_gc_inhibit++)
#define ESK_GC_RELEASE() (esk_gc_inhibit--)
#else
#define ESK_GC_HOLD() ((void)0)
#define ESK_GC_RELEASE() ((void)0)
#endif

static _Noreturn void esk_alloc_out_of_memory(void) {
    fflush(stdout);
    fputs("Error: out of memory\n", stderr);
    exit(1);
}

static void *esk_alloc_malloc(size_t bytes) {
    void *p = malloc(bytes);
    if (!p) esk_alloc_out_of_memory();
    return p;
}

/* ---- the chunk map --------------------------------------------------------- */
static esk_arena **esk_alloc_map[(size_t)1 << 16];

esk_arena *esk_arena_of(const void *p) {
    uintptr_t chunk = (uintptr_t)p >> ESK_CHUNK_SHIFT;
    uintptr_t hi = chunk >> 16;
    esk_arena **level2;
    if (hi >= ((uintptr_t)1 << 16)) return NULL;
    level2 = esk_alloc_map[hi];
    return level2 ? level2[chunk & 0xffffu] : NULL;
}

esk_arena *esk_arena_of_val(esk_val v) {
    if ((v & 3u) != 1u) return NULL;
    return esk_arena_of(ESK_IS_PAIR(v) ? (const void *)ESK_PAIR(v) : (const void *)ESK_HEAP(v));
}

static void esk_alloc_map_block(esk_block *b, esk_arena *a) {
    uintptr_t first = (uintptr_t)b >> ESK_CHUNK_SHIFT, n = b->size >> ESK_CHUNK_SHIFT;
    for (uintptr_t c = first; c < first + n; ++c) {
        uintptr_t hi = c >> 16;
        if (hi >= ((uintptr_t)1 << 16)) {
            fputs("Error: memory above 2^48 is not supported by the eshkol runtime\n", stderr);
            exit(1);
        }
        if (!esk_alloc_map[hi]) {
            esk_alloc_map[hi] = calloc((size_t)1 << 16, sizeof(esk_arena *));
            if (!esk_alloc_map[hi]) esk_alloc_out_of_memory();
        }
        esk_alloc_map[hi][c & 0xffffu] = a;
    }
}

static esk_region esk_alloc_root;  /* the root region (below) */

/* ---- blocks ---------------------------------------------------------------- */
static esk_block *esk_alloc_cache;   /* free blocks kept for the next region */
static size_t esk_alloc_cache_bytes;

/* An explicit arena's block: mapped from the system, 64 KiB-aligned by
 * trimming an oversized mapping. */
static esk_block *esk_alloc_map_explicit(size_t size) {
    size_t span = size + ESK_CHUNK;
    unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *start;
    if (p == MAP_FAILED) esk_alloc_out_of_memory();
    start = (unsigned char *)(((uintptr_t)p + ESK_CHUNK - 1) & ~(uintptr_t)(ESK_CHUNK - 1));
    if (start > p) munmap(p, (size_t)(start - p));
    if (start + size < p + span) munmap(start + size, (size_t)(p + span - (start + size)));
    return (esk_block *)start;
}

static esk_block *esk_alloc_block(size_t size, esk_arena *a) {
    esk_block *b, **link;
    if (a->kind == ESK_ARENA_EXPLICIT) {
        b = esk_alloc_map_explicit(size);
        b->size = size;
        b->next = NULL;
        b->used = 0;
        esk_alloc_map_block(b, a);
        return b;
    }
    for (link = &esk_alloc_cache; (b = *link) != NULL; link = &b->next)
        if (b->size >= size && b->size <= 4 * size) {
            *link = b->next;
            esk_alloc_cache_bytes -= b->size;
            break;
        }
    if (!b) {
        b = aligned_alloc(ESK_CHUNK, size);
        if (!b) esk_alloc_out_of_memory();
        b->size = size;
    }
    b->next = NULL;
    b->used = 0;
    b->marks = NULL;
    b->swept = 0;
    esk_alloc_map_block(b, a);
#ifndef ESK_NO_GC
    if (a == &esk_alloc_root.arena) esk_gc_note_block(b, 1);
#endif
    return b;
}

static void esk_alloc_release_block(esk_block *b) {
    if (esk_alloc_cache_bytes + b->size <= ESK_BLOCK_CACHE_LIMIT) {
        esk_alloc_map_block(b, NULL);
        b->next = esk_alloc_cache;
        esk_alloc_cache = b;
        esk_alloc_cache_bytes += b->size;
    } else {
        esk_alloc_map_block(b, NULL);
        free(b);
    }
}

void esk_alloc_give_back(esk_block *b) { esk_alloc_release_block(b); }

static size_t esk_alloc_round(size_t bytes) { return (bytes + ESK_CHUNK - 1) & ~(ESK_CHUNK - 1); }

/* ---- arenas ---------------------------------------------------------------- */
static void esk_arena_init(esk_arena *a, uint32_t depth, uint32_t kind, size_t first_block) {
    memset(a, 0, sizeof *a);
    a->depth = depth;
    a->kind = kind;
    a->next_size = first_block < ESK_FIRST_BLOCK ? ESK_FIRST_BLOCK : esk_alloc_round(first_block);
    if (a->next_size > ESK_MAX_BLOCK) a->next_size = ESK_MAX_BLOCK;
    /* cur == end == NULL: the first allocation takes the slow path */
}

static void esk_arena_sync(esk_arena *a) {
    /* (the root region's cur may be in a hole the collector left elsewhere) */
    if (a->blocks && a->cur >= ESK_BLOCK_DATA(a->blocks) && a->cur <= (unsigned char *)a->blocks + a->blocks->size)
        a->blocks->used = (size_t)(a->cur - ESK_BLOCK_DATA(a->blocks));
}

void *esk_alloc_slow(esk_arena *a, size_t bytes) {
#ifndef ESK_NO_GC
    if (a == &esk_alloc_root.arena && esk_gc_enabled) return esk_gc_alloc_slow(a, bytes);
#endif
    return esk_alloc_slow_blocks(a, bytes);
}

void *esk_alloc_slow_blocks(esk_arena *a, size_t bytes) {
    esk_block *b;
    size_t need = bytes + sizeof(esk_block);
    a->objects++;
    esk_arena_sync(a);
    if (need > a->next_size / 2 && a->blocks) {
        /* A big object gets a block of its own, behind the current one. */
        b = esk_alloc_block(esk_alloc_round(need), a);
        b->used = bytes;
        b->next = a->blocks->next;
        a->blocks->next = b;
        return ESK_BLOCK_DATA(b);
    }
    while (a->next_size < need) a->next_size *= 2;
    b = esk_alloc_block(a->next_size, a);
    if (a->next_size < ESK_MAX_BLOCK) a->next_size *= 2;
#ifndef ESK_NO_GC
    if (a == &esk_alloc_root.arena && esk_gc_enabled && a->next_size > ESK_MAX_ROOT_BLOCK)
        a->next_size = ESK_MAX_ROOT_BLOCK;
#endif
    b->next = a->blocks;
    a->blocks = b;
    a->first = ESK_BLOCK_DATA(b);
    a->cur = ESK_BLOCK_DATA(b) + bytes;
    a->end = (unsigned char *)b + b->size;
    return ESK_BLOCK_DATA(b);
}

void *esk_alloc_buffer_in(esk_arena *a, size_t bytes, uint32_t type) {
    size_t words = (bytes + 7u) / 8u + 1u;
    esk_header *h;
    if (words > UINT32_MAX) esk_alloc_out_of_memory();
    h = esk_alloc_in(a, words * 8u);
    h->type = type;
    h->size = (uint32_t)words;
    return h + 1;
}

/* [p, p + bytes) becomes one free run: walkable, never scanned. */
void esk_alloc_fill(void *p, size_t bytes) {
    esk_header *h = p;
    h->type = ESK_T_FREE;
    h->size = (uint32_t)(bytes / 8u);
}

void *esk_alloc_in(esk_arena *a, size_t bytes) {
    bytes = (bytes + 7u) & ~(size_t)7u;
    if ((size_t)(a->end - a->cur) >= bytes) {
        void *p = a->cur;
        a->cur += bytes;
        a->objects++;
        return p;
    }
    return esk_alloc_slow(a, bytes);
}

/* Bytes handed out by an arena so far. */
static size_t esk_arena_bytes(esk_arena *a) {
    size_t n = 0;
    esk_arena_sync(a);
    for (esk_block *b = a->blocks; b; b = b->next) n += b->used;
    return n;
}

static void esk_arena_free(esk_arena *a) {
    esk_block *b = a->blocks;
    while (b) {
        esk_block *next = b->next;
        esk_alloc_release_block(b);
        b = next;
    }
    a->blocks = NULL;
    a->first = a->cur = a->end = NULL;
}

/* ---- explicit arenas ------------------------------------------------------------ */
/* Every explicit arena ever made: their structs outlive destroy-arena, so
 * bytevectors and the fault handler can tell a destroyed arena. */
static esk_arena **esk_alloc_explicit;
static size_t esk_alloc_explicit_count;
static size_t esk_alloc_explicit_room;
static struct sigaction esk_alloc_old_segv;
static struct sigaction esk_alloc_old_bus;
static int esk_alloc_handler_installed;

/* A fault on a destroyed arena's memory is a stale reference: say so.
 * Any other fault goes to whatever handled it before. */
static void esk_alloc_fault(int sig, siginfo_t *info, void *context) {
    esk_arena *a = esk_arena_of(info->si_addr);
    if (a && a->kind == ESK_ARENA_DESTROYED) {
        static const char message[] = "Error: use of an object of a destroyed arena (destroy-arena)\n";
        fflush(stdout);
        if (write(2, message, sizeof message - 1) < 0) {}
        _exit(1);
    }
    {
        struct sigaction *old = sig == SIGSEGV ? &esk_alloc_old_segv : &esk_alloc_old_bus;
        if (old->sa_flags & SA_SIGINFO) {
            old->sa_sigaction(sig, info, context);
        } else if (old->sa_handler != SIG_IGN && old->sa_handler != SIG_DFL) {
            old->sa_handler(sig);
        } else {
            sigaction(sig, old, NULL);  /* the fault repeats, handled as before */
        }
    }
}

esk_arena *esk_arena_create(size_t size) {
    esk_arena *a = esk_alloc_malloc(sizeof *a);
    esk_arena_init(a, 0, ESK_ARENA_EXPLICIT, size);
    if (esk_alloc_explicit_count == esk_alloc_explicit_room) {
        esk_alloc_explicit_room = esk_alloc_explicit_room ? 2 * esk_alloc_explicit_room : 8;
        esk_alloc_explicit = realloc(esk_alloc_explicit, esk_alloc_explicit_room * sizeof *esk_alloc_explicit);
        if (!esk_alloc_explicit) esk_alloc_out_of_memory();
    }
    esk_alloc_explicit[esk_alloc_explicit_count++] = a;
    if (!esk_alloc_handler_installed) {
        struct sigaction act;
        memset(&act, 0, sizeof act);
        act.sa_sigaction = esk_alloc_fault;
        act.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&act.sa_mask);
        sigaction(SIGSEGV, &act, &esk_alloc_old_segv);
        sigaction(SIGBUS, &act, &esk_alloc_old_bus);
        esk_alloc_handler_installed = 1;
    }
    return a;
}

/* The memory goes back to the system; the addresses stay reserved and
 * inaccessible, and still map to the (now destroyed) arena. */
size_t esk_arenas_destroyed;

void esk_arena_destroy(esk_arena *a) {
    esk_arenas_destroyed++;  /* from now on, a header may be unreadable (ESK_IS_SHARED) */
    esk_arena_sync(a);
    for (esk_block *b = a->blocks, *next; b; b = next) {
        size_t size = b->size;
        next = b->next;
        mmap(b, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    }
    a->blocks = NULL;
    a->first = a->cur = a->end = NULL;
    a->kind = ESK_ARENA_DESTROYED;
}

/* ---- the root region, the immortal arena, the current region ---------------- */
static esk_region esk_alloc_root = {
    {NULL, NULL, NULL, ESK_FIRST_BLOCK, 1, ESK_ARENA_REGION, 0, 0, &esk_alloc_root, NULL}, NULL, "root",
    NULL, 0, 0, NULL, 0, 0, 0};
static esk_arena esk_alloc_immortal = {NULL, NULL, NULL, ESK_FIRST_BLOCK, 0, ESK_ARENA_IMMORTAL, 0, 0, NULL, NULL};
static esk_region *esk_alloc_current = &esk_alloc_root;
esk_arena *esk_cur_arena = &esk_alloc_root.arena;
uint32_t esk_region_depth = 1;

void *esk_alloc_immortal_bytes(size_t bytes) { return esk_alloc_in(&esk_alloc_immortal, bytes); }

esk_region *esk_current_region(void) { return esk_alloc_current; }

esk_region *esk_region_of(esk_val v) {
    esk_arena *a = esk_arena_of_val(v);
    return a ? a->region : NULL;
}

/* ---- statistics -------------------------------------------------------------- */
/* One definition per declaration: the runtime splitter keeps definitions
 * by name (compiler/runtime_select.cpp). */
size_t esk_mem_stack_objects;
size_t esk_mem_stack_bytes;
static size_t esk_mem_region_objects;
static size_t esk_mem_region_bytes;
static size_t esk_mem_regions;
static size_t esk_mem_peak_region_bytes;
static size_t esk_mem_promoted;
static size_t esk_mem_promoted_bytes;
static size_t esk_mem_store_promoted;

/* ---- promotion ------------------------------------------------------------- */
typedef struct esk_promoter {
    esk_arena *from, *to;  /* from NULL: a deep copy of everything not in to (copy-to-arena) */
    uintptr_t *keys;      /* old addresses; 0 = empty */
    esk_val *values;      /* their copies */
    size_t room, count;
    esk_val *todo;        /* copies whose fields may still point into from */
    size_t todo_count, todo_room;
} esk_promoter;

static size_t esk_prom_hash(uintptr_t key, size_t room) {
    return (size_t)((key >> 3) * (uintptr_t)0x9E3779B97F4A7C15u) & (room - 1);
}

static void esk_prom_put(esk_promoter *pm, uintptr_t key, esk_val copy);

static void esk_prom_grow(esk_promoter *pm) {
    uintptr_t *keys = pm->keys;
    esk_val *values = pm->values;
    size_t room = pm->room;
    pm->room = room ? room * 2 : 64;
    pm->keys = calloc(pm->room, sizeof *pm->keys);
    pm->values = esk_alloc_malloc(pm->room * sizeof *pm->values);
    if (!pm->keys) esk_alloc_out_of_memory();
    pm->count = 0;
    for (size_t i = 0; i < room; ++i)
        if (keys[i]) esk_prom_put(pm, keys[i], values[i]);
    free(keys);
    free(values);
}

static void esk_prom_put(esk_promoter *pm, uintptr_t key, esk_val copy) {
    size_t i;
    if (2 * (pm->count + 1) > pm->room) esk_prom_grow(pm);
    for (i = esk_prom_hash(key, pm->room); pm->keys[i]; i = (i + 1) & (pm->room - 1)) {}
    pm->keys[i] = key;
    pm->values[i] = copy;
    pm->count++;
}

static int esk_prom_get(const esk_promoter *pm, uintptr_t key, esk_val *copy) {
    if (!pm->room) return 0;
    for (size_t i = esk_prom_hash(key, pm->room); pm->keys[i]; i = (i + 1) & (pm->room - 1))
        if (pm->keys[i] == key) {
            *copy = pm->values[i];
            return 1;
        }
    return 0;
}

/* Bytes of a heap object, header included. */
static size_t esk_prom_size(const esk_header *h) {
    switch ((esk_type)h->type) {
    case ESK_T_FLONUM: return sizeof(esk_flonum);
    case ESK_T_BIGNUM: return sizeof(esk_bignum) + (h->size ? h->size : 1) * sizeof(uint32_t);
    case ESK_T_RATNUM: return sizeof(esk_ratnum);
    case ESK_T_COMPNUM: return sizeof(esk_compnum);
    case ESK_T_STRING: {
        const esk_string *s = (const esk_string *)h;
        return sizeof(esk_string) + (s->data == (const void *)(s + 1) ? (size_t)s->length * s->width : 0);
    }
    case ESK_T_SYMBOL: return sizeof(esk_symbol);
    case ESK_T_VECTOR: return sizeof(esk_vector) + h->size * sizeof(esk_val);
    case ESK_T_BYTEVECTOR: {
        const esk_bytevector *b = (const esk_bytevector *)h;
        return sizeof(esk_bytevector) + (b->bytes == b->data ? b->length : 0);
    }
    case ESK_T_ARENA: return sizeof(esk_arena_handle);
    case ESK_T_CLOSURE: return sizeof(esk_closure) + h->size * sizeof(esk_val);
    case ESK_T_BOX: return sizeof(esk_box);
    case ESK_T_RECORD: return sizeof(esk_record) + h->size * sizeof(esk_val);
    case ESK_T_RECORD_TYPE: return sizeof(esk_record_type);
    case ESK_T_PROMISE: return sizeof(esk_promise);
    case ESK_T_VALUES: return sizeof(esk_values) + h->size * sizeof(esk_val);
    case ESK_T_CONDITION: return sizeof(esk_condition);
    case ESK_T_CONTINUATION: return sizeof(esk_continuation);
    case ESK_T_HASH_TABLE: return sizeof(esk_hash_table);  /* the slots: esk_hash_relocate */
    case ESK_T_PORT: return sizeof(esk_port);
    case ESK_T_OWNED: return sizeof(esk_owned);
    case ESK_T_WEAK: return sizeof(esk_weak);
    case ESK_T_POINTER: return sizeof(esk_pointer);
    default: break;
    }
    fprintf(stderr, "eshkol runtime: cannot promote an object of type %u\n", (unsigned)h->type);
    abort();
}

/* The value fields of a heap object: n words from *first. */
static size_t esk_prom_fields(esk_header *h, esk_val **first) {
    switch ((esk_type)h->type) {
    case ESK_T_RATNUM: *first = &((esk_ratnum *)h)->num; return 2;
    case ESK_T_COMPNUM: *first = &((esk_compnum *)h)->re; return 2;
    case ESK_T_VECTOR: *first = ((esk_vector *)h)->items; return h->size;
    case ESK_T_CLOSURE: *first = ((esk_closure *)h)->slots; return h->size;
    case ESK_T_BOX: *first = &((esk_box *)h)->value; return 1;
    case ESK_T_RECORD: *first = &((esk_record *)h)->type; return (size_t)h->size + 1;
    case ESK_T_RECORD_TYPE: *first = &((esk_record_type *)h)->name; return 2;
    case ESK_T_PROMISE: *first = &((esk_promise *)h)->state; return 1;
    case ESK_T_VALUES: *first = ((esk_values *)h)->items; return h->size;
    case ESK_T_CONDITION: *first = &((esk_condition *)h)->message; return 2;
    case ESK_T_PORT: *first = &((esk_port *)h)->data; return 2;
    case ESK_T_OWNED: *first = &((esk_owned *)h)->value; return 1;
    default: return 0;
    }
}

/* Whether the object at p is copied. */
static int esk_prom_moves(const esk_promoter *pm, const void *p) {
    esk_arena *a = esk_arena_of(p);
    if (pm->from) return a == pm->from;
    return a != pm->to && !(a && a->kind == ESK_ARENA_IMMORTAL);
}

/* v itself if it stays, else its copy (made once). */
static esk_val esk_prom_forward(esk_promoter *pm, esk_val v) {
    void *old;
    esk_val copy;
    size_t bytes;
    if ((v & 3u) != 1u) return v;
    old = ESK_IS_PAIR(v) ? (void *)ESK_PAIR(v) : (void *)ESK_HEAP(v);
    if (!esk_prom_moves(pm, old)) return v;
    if (!ESK_IS_PAIR(v) && ((esk_header *)old)->type == ESK_T_SYMBOL) return v;
    if (!ESK_IS_PAIR(v) && ((esk_header *)old)->type == ESK_T_SHARED) return v;  /* outside every arena */
    if (esk_prom_get(pm, (uintptr_t)old, &copy)) return copy;
    bytes = ESK_IS_PAIR(v) ? sizeof(esk_pair) : esk_prom_size(old);
    {
        void *fresh = esk_alloc_in(pm->to, bytes);
        memcpy(fresh, old, bytes);
        if (ESK_IS_PAIR(v)) {
            copy = ESK_FROM_PAIR(fresh);
        } else {
            esk_string *s = fresh;
            copy = ESK_FROM_HEAP(fresh);
            if (s->h.type == ESK_T_BYTEVECTOR) {
                /* inline bytes move with the object; an arena's stay there,
                 * unless this copy is going into an arena itself */
                esk_bytevector *b = fresh;
                const esk_bytevector *o = old;
                if (o->bytes == o->data) {
                    b->bytes = b->data;
                } else if (!pm->from && esk_arena_of(o->bytes) != pm->to) {
                    b->bytes = esk_alloc_buffer_in(pm->to, o->length, ESK_T_BYTES);
                    memcpy(b->bytes, o->bytes, o->length);
                    bytes += o->length;
                }
            }
            if (s->h.type == ESK_T_HASH_TABLE && esk_prom_moves(pm, ((const esk_hash_table *)old)->slots))
                bytes += esk_hash_relocate(fresh, pm->to);
            if (s->h.type == ESK_T_STRING) {
                const esk_string *o = old;
                size_t data = (size_t)o->length * o->width;
                s->h.size = o->data == (const void *)(o + 1) ? o->h.size : 0;  /* its inline bytes */
                if (o->data == (const void *)(o + 1)) {
                    s->data = s + 1;
                } else if (esk_prom_moves(pm, o->data)) {
                    s->data = esk_alloc_buffer_in(pm->to, data, ESK_T_BYTES);
                    memcpy(s->data, o->data, data);
                    bytes += data;
                }
            }
        }
    }
    esk_mem_promoted++;
    esk_mem_promoted_bytes += bytes;
    esk_prom_put(pm, (uintptr_t)old, copy);
    if (pm->todo_count == pm->todo_room) {
        pm->todo_room = pm->todo_room ? pm->todo_room * 2 : 64;
        pm->todo = realloc(pm->todo, pm->todo_room * sizeof *pm->todo);
        if (!pm->todo) esk_alloc_out_of_memory();
    }
    pm->todo[pm->todo_count++] = copy;
    return copy;
}

/* A copy that holds a shared value: its arena's region holds a reference
 * too (the dying region lets go of its own when it is freed). */
static void esk_prom_note_shared(esk_val copy, esk_val v) {
    if (ESK_UNLIKELY(esk_shared_note_hook != NULL) && ESK_IS_SHARED(v)) esk_shared_note_hook(copy, v);
}

/* A hash table's fields: its procedures, and the keys and values of its
 * live slots; a key that moves makes the table rehash (eshkol.h). */
static void esk_prom_hash_table(esk_promoter *pm, esk_hash_table *t) {
    t->equiv = esk_prom_forward(pm, t->equiv);
    t->hash = esk_prom_forward(pm, t->hash);
    for (size_t i = 0; i < t->capacity; ++i) {
        esk_val key;
        if (t->hashes[i] < ESK_HASH_LIVE) continue;
        key = esk_prom_forward(pm, t->slots[i].key);
        if (key != t->slots[i].key) t->stale = 1;
        t->slots[i].key = key;
        t->slots[i].value = esk_prom_forward(pm, t->slots[i].value);
        esk_prom_note_shared(ESK_FROM_HEAP(t), key);
        esk_prom_note_shared(ESK_FROM_HEAP(t), t->slots[i].value);
    }
}

/* Forwards the fields of every copy made so far, and of the copies that
 * makes: iterative, so deep lists and trees need no C stack. */
static void esk_prom_drain(esk_promoter *pm) {
    while (pm->todo_count > 0) {
        esk_val c = pm->todo[--pm->todo_count];
        esk_val *f;
        size_t n;
        if (!ESK_IS_PAIR(c) && ESK_HEAP(c)->type == ESK_T_HASH_TABLE) {
            esk_prom_hash_table(pm, (esk_hash_table *)ESK_HEAP(c));
            continue;
        }
        if (ESK_IS_PAIR(c)) {
            f = &ESK_PAIR(c)->car;
            n = 2;
        } else {
            n = esk_prom_fields(ESK_HEAP(c), &f);
        }
        for (size_t i = 0; i < n; ++i) {
            f[i] = esk_prom_forward(pm, f[i]);
            esk_prom_note_shared(c, f[i]);
        }
    }
}

static void esk_prom_done(esk_promoter *pm) {
    free(pm->keys);
    free(pm->values);
    free(pm->todo);
}

esk_val esk_promote(esk_val v, esk_arena *from, esk_arena *to) {
    esk_promoter pm;
    ESK_GC_HOLD();
    memset(&pm, 0, sizeof pm);
    pm.from = from;
    pm.to = to;
    v = esk_prom_forward(&pm, v);
    esk_prom_drain(&pm);
    esk_prom_done(&pm);
    ESK_GC_RELEASE();
    return v;
}

/* ---- the store check --------------------------------------------------------- */
static void esk_region_remember(esk_region *r, esk_val *slot, uint32_t depth) {
    size_t i;
    if (2 * (r->remembered_count + 1) > r->remembered_room) {
        esk_remembered *old = r->remembered;
        size_t room = r->remembered_room;
        r->remembered_room = room ? room * 2 : 16;
        r->remembered = calloc(r->remembered_room, sizeof *r->remembered);
        if (!r->remembered) esk_alloc_out_of_memory();
        r->remembered_count = 0;
        for (size_t k = 0; k < room; ++k)
            if (old[k].slot) esk_region_remember(r, old[k].slot, old[k].depth);
        free(old);
    }
    for (i = esk_prom_hash((uintptr_t)slot, r->remembered_room); r->remembered[i].slot;
         i = (i + 1) & (r->remembered_room - 1))
        if (r->remembered[i].slot == slot) return;
    r->remembered[i].slot = slot;
    r->remembered[i].depth = depth;
    r->remembered_count++;
}

void esk_store_slow(const void *container, esk_val *slot, esk_val v) {
    esk_arena *va, *ca;
    uint32_t depth;
#ifndef ESK_NO_GC
    esk_gc_write(container, slot, v);
    if (esk_region_depth <= 1) return;  /* the rest is for regions */
#endif
    va = esk_arena_of_val(v);
    if (!va && ESK_IS_SHARED(v)) return;  /* a shared cell lives outside arenas, not on the stack */
    if (!va) {
        if (container && esk_arena_of(container)) {
            fflush(stdout);
            fputs("eshkol runtime: internal error: a stack-allocated object escaped into the heap\n", stderr);
            abort();
        }
        return;
    }
    if (va->kind != ESK_ARENA_REGION || va->depth <= 1) return;
    ca = container ? esk_arena_of(container) : NULL;
    if (container && !ca) return;  /* a stack object: dies before any region it sees */
    depth = ca ? (ca->kind == ESK_ARENA_REGION ? ca->depth : 0) : 0;
    if (ca && ca->kind == ESK_ARENA_EXPLICIT) {
        /* An explicit arena outlives regions: the value is copied there now. */
        *slot = esk_promote(v, NULL, ca);
        return;
    }
    if (va->depth > depth) esk_region_remember(va->region, slot, depth);
}

/* ---- regions --------------------------------------------------------------- */
static esk_region *esk_alloc_spare_regions;

esk_region *esk_region_enter(const char *name, size_t size_hint) {
    esk_region *r = esk_alloc_spare_regions;
    if (r) {
        esk_alloc_spare_regions = r->parent;
    } else {
        r = esk_alloc_malloc(sizeof *r);
        memset(r, 0, sizeof *r);
    }
    esk_arena_init(&r->arena, esk_alloc_current->arena.depth + 1, ESK_ARENA_REGION, size_hint);
    r->arena.region = r;
    r->parent = esk_alloc_current;
    r->name = name;
    r->remembered_count = 0;
    r->at_free_count = 0;
    /* For the peak statistic: while r is current, allocation goes to r (or
     * to the root), so what its ancestors hold stays as it is now. */
    r->outer_bytes = r->parent == &esk_alloc_root ? 0 : r->parent->outer_bytes + esk_arena_bytes(&r->parent->arena);
    esk_alloc_current = r;
    esk_cur_arena = &r->arena;
    esk_region_depth = r->arena.depth;
    esk_mem_regions++;
    return r;
}

void esk_region_at_free(esk_region *r, void (*fn)(void *), void *arg) {
    if (r->at_free_count == r->at_free_room) {
        r->at_free_room = r->at_free_room ? r->at_free_room * 2 : 8;
        r->at_free = realloc(r->at_free, r->at_free_room * sizeof *r->at_free);
        if (!r->at_free) esk_alloc_out_of_memory();
    }
    r->at_free[r->at_free_count].fn = fn;
    r->at_free[r->at_free_count].arg = arg;
    r->at_free_count++;
}

esk_val esk_region_leave(esk_region *r, esk_val result) {
    esk_region *parent = r->parent;
    esk_promoter pm;
    size_t live, before;
    if (r != esk_alloc_current) {
        fputs("eshkol runtime: internal error: regions left out of order\n", stderr);
        abort();
    }
    live = r->outer_bytes + esk_arena_bytes(&r->arena);  /* O(1) in the nesting depth */
    if (live > esk_mem_peak_region_bytes) esk_mem_peak_region_bytes = live;
    esk_mem_region_objects += r->arena.objects;
    esk_mem_region_bytes += esk_arena_bytes(&r->arena);

    esk_alloc_current = parent;
    esk_cur_arena = &parent->arena;
    esk_region_depth = parent->arena.depth;

    ESK_GC_HOLD();
    memset(&pm, 0, sizeof pm);
    pm.from = &r->arena;
    pm.to = &parent->arena;
    result = esk_prom_forward(&pm, result);
    esk_prom_drain(&pm);
    before = esk_mem_promoted;
    for (size_t i = 0; i < r->remembered_room; ++i) {
        esk_remembered *e = &r->remembered[i];
        if (!e->slot) continue;
        *e->slot = esk_prom_forward(&pm, *e->slot);
        esk_prom_drain(&pm);
#ifndef ESK_NO_GC
        esk_gc_write(NULL, e->slot, *e->slot);  /* an old root object may now hold the young copy */
#endif
        if (parent->arena.depth > e->depth && parent != &esk_alloc_root) {
            esk_arena *a = esk_arena_of_val(*e->slot);
            if (a == &parent->arena) esk_region_remember(parent, e->slot, e->depth);
        }
        e->slot = NULL;
    }
    esk_mem_store_promoted += esk_mem_promoted - before;
    esk_prom_done(&pm);
    ESK_GC_RELEASE();

    for (size_t i = 0; i < r->at_free_count; ++i) r->at_free[i].fn(r->at_free[i].arg);
    r->at_free_count = 0;
    r->remembered_count = 0;
    esk_arena_free(&r->arena);
    r->parent = esk_alloc_spare_regions;
    esk_alloc_spare_regions = r;
    return result;
}

/* ---- what the collector of the root region must see ---------------------------- */
/* The memory of every other live arena, scanned word by word (its objects
 * may point into the root region), and the slots and callback arguments
 * live regions remember (they point into objects that must stay). */
static void esk_alloc_scan_arena(esk_arena *a, void (*range)(const void *start, size_t bytes)) {
    esk_arena_sync(a);
    for (esk_block *b = a->blocks; b; b = b->next) range(ESK_BLOCK_DATA(b), b->used);
}

void esk_alloc_gc_roots(void (*range)(const void *start, size_t bytes), void (*word)(uintptr_t w)) {
    esk_alloc_scan_arena(&esk_alloc_immortal, range);
    for (esk_region *r = esk_alloc_current; r && r != &esk_alloc_root; r = r->parent) {
        esk_alloc_scan_arena(&r->arena, range);
        for (size_t i = 0; i < r->remembered_room; ++i)
            if (r->remembered[i].slot) word((uintptr_t)r->remembered[i].slot);
        for (size_t i = 0; i < r->at_free_count; ++i) word((uintptr_t)r->at_free[i].arg);
    }
    for (size_t i = 0; i < esk_alloc_explicit_count; ++i)
        if (esk_alloc_explicit[i]->kind == ESK_ARENA_EXPLICIT) esk_alloc_scan_arena(esk_alloc_explicit[i], range);
}

/* ---- constructors ------------------------------------------------------------ */
esk_val esk_cons(esk_val car, esk_val cdr) {
    esk_pair *p = esk_alloc(sizeof(esk_pair));
    p->car = car;
    p->cdr = cdr;
    return ESK_FROM_PAIR(p);
}

esk_val esk_cons_root(esk_val car, esk_val cdr) {
    esk_pair *p = esk_alloc_in(&esk_alloc_root.arena, sizeof(esk_pair));
    ESK_STORE(p, &p->car, car);
    ESK_STORE(p, &p->cdr, cdr);
    return ESK_FROM_PAIR(p);
}

esk_val esk_make_box(esk_val value) {
    esk_box *b = esk_alloc_obj(ESK_T_BOX, 1, sizeof(esk_box));
    b->h.type = ESK_T_BOX;
    b->h.size = 1;
    b->value = value;
    return ESK_FROM_HEAP(b);
}

esk_val esk_make_vector_filled(size_t n, esk_val fill) {
    esk_vector *v = esk_alloc_obj(ESK_T_VECTOR, (uint32_t)n, sizeof(esk_vector) + n * sizeof(esk_val));
    size_t i;
    v->h.type = ESK_T_VECTOR;
    v->h.size = (uint32_t)n;
    for (i = 0; i < n; ++i) v->items[i] = fill;
    return ESK_FROM_HEAP(v);
}

esk_val esk_make_bytevector_from(const uint8_t *bytes, size_t n) {
    esk_bytevector *b = esk_alloc_obj(ESK_T_BYTEVECTOR, (uint32_t)n, sizeof(esk_bytevector) + n);
    b->h.type = ESK_T_BYTEVECTOR;
    b->h.size = (uint32_t)n;
    b->length = n;
    b->bytes = b->data;
    if (n > 0) memcpy(b->data, bytes, n);
    return ESK_FROM_HEAP(b);
}

/* ---- the memory report and exit -------------------------------------------------- */
void (*esk_memstats_extra)(FILE *out);  /* other modules' lines (shared values) */

/* The process's peak resident set (Linux: VmHWM of /proc/self/status, which
 * unlike getrusage does not count what a parent held before exec). */
static void esk_memstats_peak_rss(FILE *out) {
    char line[256];
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) return;
    while (fgets(line, sizeof line, status))
        if (strncmp(line, "VmHWM:", 6) == 0) {
            unsigned long kib = strtoul(line + 6, NULL, 10);
            fprintf(out, "  peak RSS: %lu KiB\n", kib);
            break;
        }
    fclose(status);
}

void esk_memstats_print(FILE *out) {
    size_t root_bytes = esk_arena_bytes(&esk_alloc_root.arena) + esk_arena_bytes(&esk_alloc_immortal);
    size_t root_objects = esk_alloc_root.arena.objects + esk_alloc_immortal.objects;
    fprintf(out, "eshkol memory report\n");
    fprintf(out, "  %-8s %12s %14s\n", "tier", "objects", "bytes");
    fprintf(out, "  %-8s %12zu %14zu\n", "stack", esk_mem_stack_objects, esk_mem_stack_bytes);
    fprintf(out, "  %-8s %12zu %14zu\n", "region", esk_mem_region_objects, esk_mem_region_bytes);
    fprintf(out, "  %-8s %12zu %14zu\n", "root", root_objects, root_bytes);
    if (esk_memstats_extra) esk_memstats_extra(out);
#ifndef ESK_NO_GC
    if (esk_gc_report) esk_gc_report(out);
#endif
    fprintf(out, "  regions created: %zu\n", esk_mem_regions);
    fprintf(out, "  peak region bytes: %zu\n", esk_mem_peak_region_bytes);
    fprintf(out, "  promotions: %zu objects, %zu bytes (%zu by the store check)\n", esk_mem_promoted,
            esk_mem_promoted_bytes, esk_mem_store_promoted);
    esk_memstats_peak_rss(out);
}

void esk_alloc_free_all(void) {
    static int done;
    const char *stats = getenv("ESHKOL_MEMSTATS");
    if (done) return;
    done = 1;
    if (stats && *stats && strcmp(stats, "0") != 0) {
        fflush(stdout);
        esk_memstats_print(stderr);
    }
    while (esk_alloc_current != &esk_alloc_root) {
        esk_region *r = esk_alloc_current;
        esk_alloc_current = r->parent;
        esk_arena_free(&r->arena);
        free(r->remembered);
        free(r->at_free);
        free(r);
    }
#ifndef ESK_NO_GC
    esk_gc_free_all();
#endif
    esk_arena_free(&esk_alloc_root.arena);
    esk_arena_free(&esk_alloc_immortal);
    while (esk_alloc_cache) {
        esk_block *b = esk_alloc_cache;
        esk_alloc_cache = b->next;
        free(b);
    }
    for (size_t i = 0; i < esk_alloc_explicit_count; ++i) {
        esk_arena *x = esk_alloc_explicit[i];
        for (esk_block *b = x->blocks, *next; b; b = next) {
            next = b->next;
            munmap(b, b->size);
        }
        free(x);
    }
    free(esk_alloc_explicit);
    esk_alloc_explicit = NULL;
    esk_alloc_explicit_count = 0;
    while (esk_alloc_spare_regions) {
        esk_region *r = esk_alloc_spare_regions;
        esk_alloc_spare_regions = r->parent;
        free(r->remembered);
        free(r->at_free);
        free(r);
    }
}

#undef ESK_CHUNK_SHIFT
#undef ESK_CHUNK
#undef ESK_FIRST_BLOCK
#undef ESK_MAX_BLOCK
#undef ESK_MAX_ROOT_BLOCK
#undef ESK_BLOCK_CACHE_LIMIT
#undef ESK_ALLOC_NO_CACHE
#undef ESK_GC_HOLD
#undef ESK_GC_RELEASE
