/* esk_gc.c - the collector of the root region: mark-sweep in place,
 * generational by sticky mark bits, with bump allocation into the free runs
 * it leaves.
 *
 * What reaches it. Most objects never do: stack objects die with their
 * frame, a with-region's arena is freed in one step, shared values by their
 * counts, explicit arenas by destroy-arena. What is left is the root region
 * (allocation outside every region, and what regions promote into it), and
 * that is what this file collects. docs/memory.md says why this design.
 *
 * Walking a block. Every object in a root block starts either with a
 * header, whose type code ends in the nibble 0xB, or is a pair, whose car is
 * a value and never ends so; every header tells its object's size; buffers
 * that are no Scheme object carry a header too (esk_alloc_raw, _bytes); and
 * what a shrinking object gives back is a free run. So a block parses from
 * its first byte to its used mark, object by object.
 *
 * Generations. Marks stay set after a collection: a marked object is old,
 * an unmarked one was allocated since the last collection (young). What is
 * young lies in known ranges: the holes allocation entered and each block's
 * tail past what the last sweep saw (esk_block.swept).
 *
 * A collection, which runs inside an allocation of the root region:
 *   1. seal: the allocation hole in use becomes a free run, so every block
 *      parses; then the start bitmap is built: of every block (major, which
 *      also clears every mark) or of the young ranges (minor).
 *   2. mark, from the roots: precisely from the program's globals and
 *      constants (esk_gc_add_roots), from shared values' payloads and from
 *      the fields of every newly marked object; conservatively (any word
 *      that points into an object, interior pointers included, keeps it:
 *      the start bitmap finds the object) from the C stack and the
 *      registers (spilled by setjmp), the runtime's buffers
 *      (esk_gc_add_root_range), the memory of every other live arena
 *      (regions, explicit arenas, the immortal one: they may point into the
 *      root region), and the slots and callbacks live regions remember. An
 *      explicit mark stack: a list of ten million pairs needs no C stack.
 *      Marking stops at a marked object, so a minor collection never traces
 *      the old ones; it adds as roots the write barrier's log (slots of old
 *      objects that got a young value, and old objects whose raw pointers
 *      changed), the object allocated last before the last collection (code
 *      fills a new object with plain stores after at most one more
 *      allocation, which may have collected), and rescans old raw buffers
 *      the conservative scan meets (C writes those directly).
 *   3. sweep: the blocks (major) or the young ranges (minor) are walked
 *      again; runs of unmarked objects become free runs, the long ones
 *      holes that allocation bumps into (the arena's cur and end point into
 *      a hole, so allocation stays the inline pointer bump); a block with
 *      nothing marked goes back (minor: only a block entirely young).
 * Nothing moves, so eq? hash tables need no rehash and C may keep
 * pointers.
 *
 * The write barrier is the store check (esk_store_check, ESK_STORE; the
 * runtime's own ESK_GC_STORE): a pointer stored into an object outside the
 * current arena's newest objects reaches esk_gc_write, which logs the slot
 * if the object is old and the value young. The log is deduplicated when
 * it fills.
 *
 * When. A minor collection every ESHKOL_GC_NURSERY MB (default 4) of
 * allocation; it is major instead once the old data has grown by
 * ESHKOL_GC_GROWTH (default 2) times what the last major left live (at
 * least ESK_GC_MIN_TRIGGER more). ESHKOL_GC_GENERATIONAL=0: every
 * collection major, when the region has handed out GROWTH times the live
 * bytes (the collector before generations). ESHKOL_HEAP_MAX (MB) caps the
 * root region's blocks (a collection near it is major), exhaustion is
 * "Error: out of memory (heap limit N MB)"; ESHKOL_GC_STRESS=N collects
 * every N root-region slow paths (a slow path is taken at least every time
 * a hole or block fills, and with stress every allocation takes it), every
 * ESK_GC_STRESS_MAJOR-th of them major. At most one collection runs per
 * allocation. Promotion runs with collection inhibited: its copies are only
 * in its own tables until it is done. */
#include "eshkol.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ESK_GC_CHUNK_SHIFT 16
#define ESK_GC_MIN_TRIGGER ((size_t)8 << 20)
#define ESK_GC_MIN_HOLE 64u
#define ESK_GC_NURSERY ((size_t)4 << 20)
#define ESK_GC_STRESS_MAJOR 16u

#if defined(__GNUC__) || defined(__clang__)
/* Conservative scanning reads whole frames, redzones and all. */
#define ESK_GC_NO_SANITIZE __attribute__((no_sanitize_address, noinline))
#else
#define ESK_GC_NO_SANITIZE
#endif

int esk_gc_enabled = 1;
unsigned esk_gc_inhibit;
void (*esk_gc_report)(FILE *out);
void (*esk_gc_shared_roots)(void (*visit)(esk_val v));

typedef struct esk_gc_hole {
    unsigned char *start, *end;
} esk_gc_hole;

typedef struct esk_gc_range {
    const unsigned char *start;
    size_t bytes;
} esk_gc_range;

static struct {
    int configured;
    double growth;
    size_t heap_max;           /* bytes; 0: none */
    unsigned long stress, stress_count;
    unsigned char *stress_end;
    esk_arena *root;
    /* every block of the root region, and the chunk -> block map */
    esk_block **blocks;
    size_t block_count, block_room;
    esk_block **map[(size_t)1 << 16];
    size_t heap_bytes;         /* bytes of the root region's blocks */
    /* holes left by the last sweep, in address order within each block */
    esk_gc_hole *holes;
    size_t hole_count, hole_next, hole_room;
    int in_hole;               /* cur/end point into a hole, not the newest block's tail */
    unsigned char *tail_cur, *tail_end;   /* the newest block's tail while in a hole */
    size_t hole_keep;          /* holes[0, hole_keep): passed over as too small, still free */
    size_t since;              /* bytes handed to allocation since the last collection */
    size_t trigger;
    /* generations: a marked object is old (sticky mark bits) */
    int generational;          /* 0: every collection is major (ESHKOL_GC_GENERATIONAL=0) */
    size_t nursery;            /* bytes allocated between minor collections */
    size_t old_bytes;          /* bytes of marked objects */
    size_t major_trigger;      /* old_bytes at which the next collection is major */
    unsigned long stress_collections;
    esk_gc_hole *young;        /* holes allocation entered since the last collection, then (at one) the tails */
    size_t young_count, young_room, young_holes;
    unsigned char *last_big;   /* the newest big object (a block of its own) */
    unsigned char *alloc_end;  /* cur when the allocation in progress came to the slow path */
    uintptr_t retrace[2];      /* allocated last before the last collection: retraced at the next minor */
    uintptr_t *log;            /* the write barrier's log: slots, and objects | 1 */
    size_t log_count, log_room;
    int minor;                 /* a minor collection is marking */
    uintptr_t *raws;           /* old raw buffers a minor collection met: rescanned */
    size_t raw_count, raw_room;
    /* roots */
    esk_val *const **tables;
    size_t *table_sizes;
    size_t table_count, table_room;
    esk_gc_range *ranges;
    size_t range_count, range_room;
    unsigned char *stack_top;
    /* the mark stack */
    esk_val *stack;
    size_t depth, room;
    esk_gc_stats stats;
} esk_gc;

static _Noreturn void esk_gc_fail(const char *message) {
    fflush(stdout);
    fprintf(stderr, "Error: %s\n", message);
    exit(1);
}

static void *esk_gc_grow(void *p, size_t *room, size_t size) {
    *room = *room ? *room * 2 : 64;
    p = realloc(p, *room * size);
    if (!p) esk_gc_fail("out of memory");
    return p;
}

static void esk_gc_configure(void) {
    const char *s;
    if (esk_gc.configured) return;
    esk_gc.configured = 1;
    esk_gc.growth = 2.0;
    if ((s = getenv("ESHKOL_GC_GROWTH")) && *s) {
        double g = strtod(s, NULL);
        if (g > 1.0) esk_gc.growth = g;
    }
    if ((s = getenv("ESHKOL_HEAP_MAX")) && *s) esk_gc.heap_max = (size_t)strtoull(s, NULL, 10) << 20;
    if ((s = getenv("ESHKOL_GC_STRESS")) && *s) esk_gc.stress = strtoul(s, NULL, 10);
    esk_gc.generational = 1;
    if ((s = getenv("ESHKOL_GC_GENERATIONAL")) && *s) esk_gc.generational = atoi(s) != 0;
    esk_gc.nursery = ESK_GC_NURSERY;
    if ((s = getenv("ESHKOL_GC_NURSERY")) && *s) {
        double mb = strtod(s, NULL);
        if (mb > 0.0) esk_gc.nursery = (size_t)(mb * 1048576.0);
    }
    esk_gc.trigger = esk_gc.generational ? esk_gc.nursery : ESK_GC_MIN_TRIGGER;
    esk_gc.major_trigger = ESK_GC_MIN_TRIGGER;
}

/* ---- roots registered by the program and the runtime ----------------------- */
void esk_gc_add_roots(esk_val *const *slots, size_t n) {
    if (esk_gc.table_count == esk_gc.table_room) {
        esk_gc.tables = esk_gc_grow(esk_gc.tables, &esk_gc.table_room, sizeof *esk_gc.tables);
        esk_gc.table_sizes = realloc(esk_gc.table_sizes, esk_gc.table_room * sizeof *esk_gc.table_sizes);
        if (!esk_gc.table_sizes) esk_gc_fail("out of memory");
    }
    esk_gc.tables[esk_gc.table_count] = slots;
    esk_gc.table_sizes[esk_gc.table_count++] = n;
}

void esk_gc_add_root_range(void *start, size_t bytes) {
    if (esk_gc.range_count == esk_gc.range_room)
        esk_gc.ranges = esk_gc_grow(esk_gc.ranges, &esk_gc.range_room, sizeof *esk_gc.ranges);
    esk_gc.ranges[esk_gc.range_count].start = start;
    esk_gc.ranges[esk_gc.range_count++].bytes = bytes;
}

void esk_gc_stack_top(void *top) {
    if ((unsigned char *)top > esk_gc.stack_top) esk_gc.stack_top = top;
}

/* ---- blocks ------------------------------------------------------------------ */
static size_t esk_gc_bitmap_words(const esk_block *b) { return b->size / 8u / 64u; }
static uint64_t *esk_gc_starts(const esk_block *b) { return b->marks + esk_gc_bitmap_words(b); }

static void esk_gc_map_block(esk_block *b, esk_block *to) {
    uintptr_t first = (uintptr_t)b >> ESK_GC_CHUNK_SHIFT, n = b->size >> ESK_GC_CHUNK_SHIFT;
    for (uintptr_t c = first; c < first + n; ++c) {
        uintptr_t hi = c >> 16;
        if (!esk_gc.map[hi]) {
            esk_gc.map[hi] = calloc((size_t)1 << 16, sizeof(esk_block *));
            if (!esk_gc.map[hi]) esk_gc_fail("out of memory");
        }
        esk_gc.map[hi][c & 0xffffu] = to;
    }
}

void esk_gc_note_block(esk_block *b, int added) {
    if (added) {
        b->marks = calloc(2 * esk_gc_bitmap_words(b), sizeof(uint64_t));
        if (!b->marks) esk_gc_fail("out of memory");
        if (esk_gc.block_count == esk_gc.block_room)
            esk_gc.blocks = esk_gc_grow(esk_gc.blocks, &esk_gc.block_room, sizeof *esk_gc.blocks);
        esk_gc.blocks[esk_gc.block_count++] = b;
        esk_gc_map_block(b, b);
        esk_gc.heap_bytes += b->size;
    } else {
        for (size_t i = 0; i < esk_gc.block_count; ++i)
            if (esk_gc.blocks[i] == b) {
                esk_gc.blocks[i] = esk_gc.blocks[--esk_gc.block_count];
                break;
            }
        esk_gc_map_block(b, NULL);
        esk_gc.heap_bytes -= b->size;
        free(b->marks);
        b->marks = NULL;
    }
}

/* The root-region block holding address p, or NULL. */
static esk_block *esk_gc_block_of(uintptr_t p) {
    uintptr_t c = p >> ESK_GC_CHUNK_SHIFT, hi = c >> 16;
    esk_block **level2;
    if (hi >= ((uintptr_t)1 << 16)) return NULL;
    level2 = esk_gc.map[hi];
    return level2 ? level2[c & 0xffffu] : NULL;
}

/* ---- walking a block ------------------------------------------------------------ */
static int esk_gc_is_header(const void *p) { return (*(const uint32_t *)p & 0xFu) == 0xBu; }

static size_t esk_gc_round(size_t n) { return (n + 7u) & ~(size_t)7u; }

/* Bytes of the object at p as allocated. */
static size_t esk_gc_bytes(const void *p) {
    const esk_header *h = p;
    if (!esk_gc_is_header(p)) return sizeof(esk_pair);
    switch ((esk_type)h->type) {
    case ESK_T_FLONUM: return sizeof(esk_flonum);
    case ESK_T_BIGNUM: return esk_gc_round(sizeof(esk_bignum) + (h->size ? h->size : 1) * sizeof(uint32_t));
    case ESK_T_RATNUM: return esk_gc_round(sizeof(esk_ratnum));
    case ESK_T_COMPNUM: return esk_gc_round(sizeof(esk_compnum));
    case ESK_T_STRING: return esk_gc_round(sizeof(esk_string) + h->size);
    case ESK_T_SYMBOL: return esk_gc_round(sizeof(esk_symbol));
    case ESK_T_VECTOR: return sizeof(esk_vector) + h->size * sizeof(esk_val);
    case ESK_T_BYTEVECTOR: return esk_gc_round(sizeof(esk_bytevector) + h->size);
    case ESK_T_ARENA: return esk_gc_round(sizeof(esk_arena_handle));
    case ESK_T_CLOSURE: return sizeof(esk_closure) + h->size * sizeof(esk_val);
    case ESK_T_BOX: return sizeof(esk_box);
    case ESK_T_RECORD: return sizeof(esk_record) + h->size * sizeof(esk_val);
    case ESK_T_RECORD_TYPE: return sizeof(esk_record_type);
    case ESK_T_PROMISE: return sizeof(esk_promise);
    case ESK_T_VALUES: return sizeof(esk_values) + h->size * sizeof(esk_val);
    case ESK_T_CONDITION: return esk_gc_round(sizeof(esk_condition));
    case ESK_T_CONTINUATION: return esk_gc_round(sizeof(esk_continuation));
    case ESK_T_HASH_TABLE: return esk_gc_round(sizeof(esk_hash_table));
    case ESK_T_PORT: return esk_gc_round(sizeof(esk_port));
    case ESK_T_OWNED: return esk_gc_round(sizeof(esk_owned));
    case ESK_T_WEAK: return esk_gc_round(sizeof(esk_weak));
    case ESK_T_POINTER: return esk_gc_round(sizeof(esk_pointer));
    case ESK_T_RAW: case ESK_T_BYTES: case ESK_T_FREE: return (size_t)h->size * 8u;
    default: break;
    }
    fflush(stdout);
    fprintf(stderr, "eshkol runtime: internal error: the collector met an object of unknown type %u at %p\n",
            (unsigned)h->type, p);
    abort();
}

static size_t esk_gc_used(const esk_block *b) {
    esk_arena *a = esk_gc.root;
    if (b == a->blocks) {
        const unsigned char *cur = esk_gc.in_hole ? esk_gc.tail_cur : a->cur;
        if (cur >= ESK_BLOCK_DATA(b) && cur <= (const unsigned char *)b + b->size)
            return (size_t)(cur - ESK_BLOCK_DATA(b));
    }
    return b->used;
}

/* The start bitmap of b, and a check that its objects tile it exactly. */
static void esk_gc_index(esk_block *b) {
    uint64_t *starts = esk_gc_starts(b);
    unsigned char *p = ESK_BLOCK_DATA(b), *end = p + esk_gc_used(b);
    memset(starts, 0, esk_gc_bitmap_words(b) * sizeof(uint64_t));
    memset(b->marks, 0, esk_gc_bitmap_words(b) * sizeof(uint64_t));
    while (p < end) {
        size_t bit = (size_t)(p - (unsigned char *)b) >> 3, n = esk_gc_bytes(p);
        starts[bit >> 6] |= (uint64_t)1 << (bit & 63u);
        if (n == 0 || p + n > end) {
            fflush(stdout);
            fprintf(stderr, "eshkol runtime: internal error: a root-region block does not parse at %p\n", (void *)p);
            abort();
        }
        p += n;
    }
}

/* ---- marking --------------------------------------------------------------------- */
static void esk_gc_push(esk_val v) {
    if (esk_gc.depth == esk_gc.room) esk_gc.stack = esk_gc_grow(esk_gc.stack, &esk_gc.room, sizeof(esk_val));
    esk_gc.stack[esk_gc.depth++] = v;
}

/* Marks the object at p of block b; 1 if it was not marked yet. */
static int esk_gc_set_mark(esk_block *b, const void *p) {
    size_t bit = (size_t)((const unsigned char *)p - (const unsigned char *)b) >> 3;
    uint64_t m = (uint64_t)1 << (bit & 63u), *w = &b->marks[bit >> 6];
    if (*w & m) return 0;
    *w |= m;
    return 1;
}

static unsigned esk_gc_top_bit(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return 63u - (unsigned)__builtin_clzll(x);
#else
    unsigned n = 0;
    while (x >>= 1) n++;
    return n;
#endif
}

static int esk_gc_is_free(const void *obj) {
    return esk_gc_is_header(obj) && ((const esk_header *)obj)->type == ESK_T_FREE;
}

static void esk_gc_mark_object(esk_block *b, unsigned char *obj) {
    if (esk_gc_set_mark(b, obj)) esk_gc_push(esk_gc_is_header(obj) ? ESK_FROM_HEAP(obj) : ESK_FROM_PAIR(obj));
}

/* A value from a precise place: a field, a global. It must point at an
 * object's start, which the start bitmap confirms (a field the program has
 * not written yet may hold anything). */
static void esk_gc_mark(esk_val v) {
    uintptr_t p = v & ~(uintptr_t)7u;
    esk_block *b;
    size_t bit;
    if ((v & 3u) != 1u) return;
    b = esk_gc_block_of(p);
    if (!b || p < (uintptr_t)ESK_BLOCK_DATA(b) || p >= (uintptr_t)ESK_BLOCK_DATA(b) + esk_gc_used(b)) return;
    bit = (size_t)(p - (uintptr_t)b) >> 3;
    if (!((esk_gc_starts(b)[bit >> 6] >> (bit & 63u)) & 1u) || esk_gc_is_free((void *)p)) return;
    esk_gc_mark_object(b, (unsigned char *)p);
}

/* The object a word points into, anywhere inside it; NULL if none (or a
 * free run). */
static unsigned char *esk_gc_object_at(uintptr_t w, esk_block **block) {
    esk_block *b = esk_gc_block_of(w);
    const uint64_t *starts;
    size_t bit, k;
    uint64_t bits;
    unsigned char *obj;
    if (!b) return NULL;
    if (w < (uintptr_t)ESK_BLOCK_DATA(b) || w >= (uintptr_t)ESK_BLOCK_DATA(b) + esk_gc_used(b)) return NULL;
    starts = esk_gc_starts(b);
    bit = (size_t)(w - (uintptr_t)b) >> 3;
    k = bit >> 6;
    bits = starts[k] & (~(uint64_t)0 >> (63u - (bit & 63u)));
    while (!bits) {
        if (k == 0) return NULL;
        bits = starts[--k];
    }
    obj = (unsigned char *)b + ((k << 6) + esk_gc_top_bit(bits)) * 8u;
    if (w >= (uintptr_t)obj + esk_gc_bytes(obj) || esk_gc_is_free(obj)) return NULL;
    *block = b;
    return obj;
}

/* A word that may point into an object, anywhere inside it. */
static void esk_gc_mark_word(uintptr_t w) {
    esk_block *b;
    unsigned char *obj = esk_gc_object_at(w, &b);
    if (!obj) return;
    if (!esk_gc_set_mark(b, obj)) {
        /* An old raw buffer (the reader's stacks and tables, scratch space
         * of the runtime) is written by C without the barrier: a minor
         * collection rescans those it meets. */
        if (esk_gc.minor && esk_gc_is_header(obj) && ((const esk_header *)obj)->type == ESK_T_RAW) {
            if (esk_gc.raw_count == esk_gc.raw_room)
                esk_gc.raws = esk_gc_grow(esk_gc.raws, &esk_gc.raw_room, sizeof *esk_gc.raws);
            esk_gc.raws[esk_gc.raw_count++] = (uintptr_t)obj;
        }
        return;
    }
    esk_gc_push(esk_gc_is_header(obj) ? ESK_FROM_HEAP(obj) : ESK_FROM_PAIR(obj));
}

ESK_GC_NO_SANITIZE static void esk_gc_scan(const void *start, size_t bytes) {
    const unsigned char *p = (const unsigned char *)(((uintptr_t)start + 7u) & ~(uintptr_t)7u);
    const unsigned char *end = (const unsigned char *)start + bytes;
    for (; p + sizeof(uintptr_t) <= end; p += sizeof(uintptr_t)) {
        uintptr_t w;
        memcpy(&w, p, sizeof w);
        esk_gc_mark_word(w);
    }
}

static void esk_gc_trace(esk_val v) {
    esk_header *h;
    if (ESK_IS_PAIR(v)) {
        esk_gc_mark(ESK_CAR(v));
        esk_gc_mark(ESK_CDR(v));
        return;
    }
    h = ESK_HEAP(v);
    switch ((esk_type)h->type) {
    case ESK_T_RATNUM: esk_gc_mark(((esk_ratnum *)h)->num); esk_gc_mark(((esk_ratnum *)h)->den); break;
    case ESK_T_COMPNUM: esk_gc_mark(((esk_compnum *)h)->re); esk_gc_mark(((esk_compnum *)h)->im); break;
    case ESK_T_STRING: {
        esk_string *s = (esk_string *)h;
        if (s->data != (void *)(s + 1)) esk_gc_mark_word((uintptr_t)s->data);
        break;
    }
    case ESK_T_BYTEVECTOR: {
        esk_bytevector *b = (esk_bytevector *)h;
        if (b->bytes != b->data) esk_gc_mark_word((uintptr_t)b->bytes);
        break;
    }
    case ESK_T_VECTOR:
        for (uint32_t i = 0; i < h->size; ++i) esk_gc_mark(((esk_vector *)h)->items[i]);
        break;
    case ESK_T_CLOSURE:
        for (uint32_t i = 0; i < h->size; ++i) esk_gc_mark(((esk_closure *)h)->slots[i]);
        break;
    case ESK_T_RECORD:
        esk_gc_mark(((esk_record *)h)->type);
        for (uint32_t i = 0; i < h->size; ++i) esk_gc_mark(((esk_record *)h)->fields[i]);
        break;
    case ESK_T_VALUES:
        for (uint32_t i = 0; i < h->size; ++i) esk_gc_mark(((esk_values *)h)->items[i]);
        break;
    case ESK_T_BOX: esk_gc_mark(((esk_box *)h)->value); break;
    case ESK_T_RECORD_TYPE: esk_gc_mark(((esk_record_type *)h)->name); esk_gc_mark(((esk_record_type *)h)->fields); break;
    case ESK_T_PROMISE: esk_gc_mark(((esk_promise *)h)->state); break;
    case ESK_T_CONDITION: esk_gc_mark(((esk_condition *)h)->message); esk_gc_mark(((esk_condition *)h)->irritants); break;
    case ESK_T_PORT: esk_gc_mark(((esk_port *)h)->data); esk_gc_mark(((esk_port *)h)->name); break;
    case ESK_T_OWNED: esk_gc_mark(((esk_owned *)h)->value); break;
    case ESK_T_HASH_TABLE: {
        esk_hash_table *t = (esk_hash_table *)h;
        esk_gc_mark(t->equiv);
        esk_gc_mark(t->hash);
        if (t->slots) esk_gc_mark_word((uintptr_t)t->slots);  /* a raw block: scanned below */
        break;
    }
    case ESK_T_RAW: esk_gc_scan(h + 1, (size_t)h->size * 8u - sizeof *h); break;
    default: break;  /* no values inside */
    }
}

static void esk_gc_drain(void) {
    while (esk_gc.depth > 0) esk_gc_trace(esk_gc.stack[--esk_gc.depth]);
}

/* The registers are spilled into a jmp_buf on this frame; the stack from
 * here to the oldest frame is scanned. */
ESK_GC_NO_SANITIZE static void esk_gc_scan_stack(void) {
    jmp_buf registers;
    volatile unsigned char here = 0;
    if (setjmp(registers) != 0) return;
    esk_gc_scan(&registers, sizeof registers);
    if (esk_gc.stack_top && esk_gc.stack_top > (unsigned char *)&here)
        esk_gc_scan((const void *)&here, (size_t)(esk_gc.stack_top - (unsigned char *)&here));
}

/* Sorts n words (heapsort: no recursion, no allocation). The collector's
 * own, not the C library's: the raw buffers' addresses come from the
 * conservative scan, and memcheck's complaints about those are suppressed
 * in esk_gc_* functions only. */
static void esk_gc_sift(uintptr_t *a, size_t root, size_t n) {
    for (;;) {
        size_t child = 2 * root + 1;
        uintptr_t t;
        if (child >= n) return;
        if (child + 1 < n && a[child + 1] > a[child]) child++;
        if (a[root] >= a[child]) return;
        t = a[root], a[root] = a[child], a[child] = t;
        root = child;
    }
}

static void esk_gc_sort_words(uintptr_t *a, size_t n) {
    for (size_t i = n / 2; i-- > 0;) esk_gc_sift(a, i, n);
    for (size_t end = n; end-- > 1;) {
        uintptr_t t = a[0];
        a[0] = a[end], a[end] = t;
        esk_gc_sift(a, 0, end);
    }
}

/* Each old raw buffer met once, until no more turn up. */
static void esk_gc_rescan_raws(void) {
    size_t done = 0;
    while (esk_gc.raw_count > done) {
        size_t k = done;
        esk_gc_sort_words(esk_gc.raws + done, esk_gc.raw_count - done);
        for (size_t i = done; i < esk_gc.raw_count; ++i) {
            int seen = (k > done && esk_gc.raws[k - 1] == esk_gc.raws[i]);
            for (size_t j = 0; !seen && j < done; ++j) seen = esk_gc.raws[j] == esk_gc.raws[i];
            if (!seen) esk_gc.raws[k++] = esk_gc.raws[i];
        }
        esk_gc.raw_count = k;
        for (size_t i = done; i < k; ++i) esk_gc_trace(ESK_FROM_HEAP((void *)esk_gc.raws[i]));
        done = k;
        esk_gc_drain();
    }
    esk_gc.raw_count = 0;
}

static void esk_gc_mark_roots(void) {
    for (size_t t = 0; t < esk_gc.table_count; ++t)
        for (size_t i = 0; i < esk_gc.table_sizes[t]; ++i) esk_gc_mark(*esk_gc.tables[t][i]);
    for (size_t r = 0; r < esk_gc.range_count; ++r) esk_gc_scan(esk_gc.ranges[r].start, esk_gc.ranges[r].bytes);
    esk_gc_mark(esk_tc_proc);
    esk_gc_mark(esk_handlers);
    esk_gc_mark(esk_winders);
    esk_gc_scan(esk_tc_argv, (size_t)esk_tc_room * sizeof(esk_val));
    if (esk_gc_shared_roots) esk_gc_shared_roots(esk_gc_mark);
    esk_alloc_gc_roots(esk_gc_scan, esk_gc_mark_word);
    esk_gc_drain();
    esk_gc_scan_stack();
    esk_gc_drain();
    esk_gc_rescan_raws();
}

/* ---- the write barrier ----------------------------------------------------------- */
static int esk_gc_marked(const esk_block *b, const unsigned char *p) {
    size_t bit = (size_t)(p - (const unsigned char *)b) >> 3;
    return (int)((b->marks[bit >> 6] >> (bit & 63u)) & 1u);
}

/* The log holds each place once per cycle at most twice over: when it is
 * full it is sorted and deduplicated, and grows only if that left it more
 * than half full (a loop storing into one old vector keeps it small). */
static void esk_gc_log(uintptr_t entry) {
    if (esk_gc.log_count == esk_gc.log_room) {
        size_t k = 0;
        if (esk_gc.log_count > 0) {
            esk_gc_sort_words(esk_gc.log, esk_gc.log_count);
            for (size_t i = 0; i < esk_gc.log_count; ++i)
                if (k == 0 || esk_gc.log[k - 1] != esk_gc.log[i]) esk_gc.log[k++] = esk_gc.log[i];
        }
        esk_gc.log_count = k;
        if (k * 2 > esk_gc.log_room || esk_gc.log_room == 0)
            esk_gc.log = esk_gc_grow(esk_gc.log, &esk_gc.log_room, sizeof *esk_gc.log);
    }
    esk_gc.log[esk_gc.log_count++] = entry;
}

/* After v was stored into *slot of container (NULL: unknown): an old
 * root-region object that now points to a young one is logged. Young means
 * unmarked: marks stay set between collections (sticky). */
void esk_gc_write(const void *container, esk_val *slot, esk_val v) {
    uintptr_t p = v & ~(uintptr_t)7u;
    esk_block *b;
    if (esk_gc.stats.collections == 0 || (v & 3u) != 1u) return;  /* nothing is old yet */
    b = esk_gc_block_of(p);
    if (!b || p < (uintptr_t)ESK_BLOCK_DATA(b) || esk_gc_marked(b, (const unsigned char *)p)) return;
    b = esk_gc_block_of((uintptr_t)(container ? container : (const void *)slot));
    if (!b) return;  /* globals, the stack, other arenas: scanned as roots */
    if (container && !esk_gc_marked(b, container)) return;
    esk_gc_log((uintptr_t)slot);
}

/* A raw pointer inside object changed (a hash table's slots, a string's
 * characters): the whole object is retraced at the next minor collection. */
void esk_gc_write_object(const void *object) {
    esk_block *b = esk_gc_block_of((uintptr_t)object);
    if (esk_gc.stats.collections == 0 || !b || !esk_gc_marked(b, object)) return;
    esk_gc_log((uintptr_t)object | 1u);
}

static esk_val esk_gc_value_at(unsigned char *obj) {
    return esk_gc_is_header(obj) ? ESK_FROM_HEAP(obj) : ESK_FROM_PAIR(obj);
}

/* Minor collection: the log's places, and the objects allocated last
 * before the last collection. The runtime and the emitted C fill a new
 * object with plain stores after at most one more allocation (a list built
 * front to back: the new pair, then the old tail's cdr); that allocation
 * may have collected and made the object old. Stores after two or more
 * allocations go through the barrier. */
static void esk_gc_mark_remembered(void) {
    for (size_t i = 0; i < esk_gc.log_count; ++i) {
        uintptr_t e = esk_gc.log[i];
        if (e & 1u) esk_gc_trace(esk_gc_value_at((unsigned char *)(e & ~(uintptr_t)1u)));
        else esk_gc_mark(*(esk_val *)e);
    }
    for (size_t i = 0; i < 2; ++i) {
        unsigned char *p = (unsigned char *)esk_gc.retrace[i];
        esk_block *b = p ? esk_gc_block_of((uintptr_t)p) : NULL;
        if (b && esk_gc_marked(b, p)) esk_gc_trace(esk_gc_value_at(p));
    }
    esk_gc_drain();
}

/* ---- sweeping -------------------------------------------------------------------- */
static void esk_gc_set_start(esk_block *b, const unsigned char *p) {
    size_t bit = (size_t)(p - (const unsigned char *)b) >> 3;
    esk_gc_starts(b)[bit >> 6] |= (uint64_t)1 << (bit & 63u);
}

/* The start bitmap of [p, end) in b, which must tile exactly. Young
 * memory has no marks and no start bits yet but a free run's (a sweep
 * leaves only those, esk_gc_sweep_range; a block's tail was never
 * indexed). */
static void esk_gc_index_range(esk_block *b, unsigned char *p, unsigned char *end) {
    while (p < end) {
        size_t n = esk_gc_bytes(p);
        esk_gc_set_start(b, p);
        if (n == 0 || p + n > end) {
            fflush(stdout);
            fprintf(stderr, "eshkol runtime: internal error: a root-region block does not parse at %p\n", (void *)p);
            abort();
        }
        p += n;
    }
}

static void esk_gc_add_hole(unsigned char *start, unsigned char *end) {
    if (esk_gc.hole_count == esk_gc.hole_room)
        esk_gc.holes = esk_gc_grow(esk_gc.holes, &esk_gc.hole_room, sizeof *esk_gc.holes);
    esk_gc.holes[esk_gc.hole_count].start = start;
    esk_gc.holes[esk_gc.hole_count++].end = end;
}

/* [start, end) of b is dead: one free run (its start bit is set). */
static void esk_gc_free_run(unsigned char *start, unsigned char *end) {
    esk_alloc_fill(start, (size_t)(end - start));
    if ((size_t)(end - start) >= ESK_GC_MIN_HOLE) esk_gc_add_hole(start, end);
}

/* Clears bits [from, to) of a block's bitmap, addresses given. */
static void esk_gc_clear_bits(uint64_t *bits, const esk_block *b, const unsigned char *from, const unsigned char *to) {
    size_t i = (size_t)(from - (const unsigned char *)b) >> 3, e = (size_t)(to - (const unsigned char *)b) >> 3;
    if (i >= e) return;
    if ((i >> 6) == (e >> 6)) {
        bits[i >> 6] &= ~((~(uint64_t)0 << (i & 63u)) & (((uint64_t)1 << (e & 63u)) - 1u));
        return;
    }
    bits[i >> 6] &= ~(~(uint64_t)0 << (i & 63u));
    for (size_t w = (i >> 6) + 1; w < (e >> 6); ++w) bits[w] = 0;
    if (e & 63u) bits[e >> 6] &= ~(((uint64_t)1 << (e & 63u)) - 1u);
}

/* The lowest set bit of x (not 0), found by tests: the result is built
 * from constants, never from x's bits, so a mark set because of an
 * uninitialised stack word (the conservative scan reads those) does not
 * make the hole boundaries, and so the allocation pointers, "uninitialised"
 * to valgrind's memcheck. Six tests per survivor. */
static unsigned esk_gc_low_bit(uint64_t x) {
    unsigned n = 0;
    if (!(x & 0xffffffffu)) {
        n += 32;
        x >>= 32;
    }
    if (!(x & 0xffffu)) {
        n += 16;
        x >>= 16;
    }
    if (!(x & 0xffu)) {
        n += 8;
        x >>= 8;
    }
    if (!(x & 0xfu)) {
        n += 4;
        x >>= 4;
    }
    if (!(x & 0x3u)) {
        n += 2;
        x >>= 2;
    }
    if (!(x & 0x1u)) n += 1;
    return n;
}

/* The first marked object at or after p and before end, or end. Marks are
 * set at object starts only, and a dead object has none. */
static unsigned char *esk_gc_next_marked(const esk_block *b, unsigned char *p, unsigned char *end) {
    size_t i = (size_t)(p - (const unsigned char *)b) >> 3, e = (size_t)(end - (const unsigned char *)b) >> 3;
    size_t w = i >> 6;
    uint64_t bits = b->marks[w] & (~(uint64_t)0 << (i & 63u));
    while (!bits) {
        if (++w > ((e - 1) >> 6)) return end;
        bits = b->marks[w];
    }
    i = (w << 6) + esk_gc_low_bit(bits);
    return i >= e ? end : (unsigned char *)b + i * 8u;
}

/* Frees the unmarked objects of [p, end) in b (p an object's start); the
 * bytes still live. It goes from mark to mark in the bitmap, so its cost
 * is the survivors', not the dead's. A run of dead objects keeps only its
 * first start bit (a conservative word must never find a dead object
 * inside a free run), and has no marks. */
static size_t esk_gc_sweep_range(esk_block *b, unsigned char *p, unsigned char *end) {
    uint64_t *starts = esk_gc_starts(b);
    size_t live = 0;
    while (p < end) {
        unsigned char *m = esk_gc_next_marked(b, p, end);
        size_t n;
        if (m > p) {
            esk_gc_clear_bits(starts, b, p + 8, m);
            esk_gc_free_run(p, m);
        }
        if (m >= end) break;
        n = esk_gc_bytes(m);
        live += n;
        p = m + n;
    }
    return live;
}

static double esk_gc_now_ms(void) {
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void esk_gc_print_report(FILE *out) {
    const esk_gc_stats *s = &esk_gc.stats;
    fprintf(out, "  collections: %zu (%zu minor, %zu major)\n", s->collections, s->minor_collections, s->major_collections);
    fprintf(out, "  collected: %zu bytes reclaimed, %zu bytes live after the last collection\n",
            s->reclaimed_bytes, s->live_bytes);
    fprintf(out, "  collector pauses: %.3f ms in all, %.3f ms at most; root heap %zu bytes\n",
            s->total_pause_ms, s->max_pause_ms, esk_gc.heap_bytes);
    fprintf(out, "  minor pauses: %.3f ms in all, %.3f ms at most; major pauses: %.3f ms in all, %.3f ms at most\n",
            s->minor_total_ms, s->minor_max_ms, s->major_total_ms, s->major_max_ms);
}

/* ---- a collection -------------------------------------------------------------------- */
static void esk_gc_add_range(esk_gc_hole **list, size_t *count, size_t *room, unsigned char *start, unsigned char *end) {
    if (*count == *room) *list = esk_gc_grow(*list, room, sizeof **list);
    (*list)[*count].start = start;
    (*list)[(*count)++].end = end;
}

/* seal: the hole in use becomes a free run; the tail's end is its used mark */
static void esk_gc_seal(esk_arena *a) {
    if (esk_gc.stress_end) {
        a->end = esk_gc.stress_end;
        esk_gc.stress_end = NULL;
    }
    if (esk_gc.in_hole) {
        if (a->cur < a->end) esk_alloc_fill(a->cur, (size_t)(a->end - a->cur));
        a->cur = esk_gc.tail_cur;
        a->end = esk_gc.tail_end;
        esk_gc.in_hole = 0;
    }
    if (a->blocks) a->blocks->used = (size_t)(a->cur - ESK_BLOCK_DATA(a->blocks));
}

/* What was allocated since the last collection: the holes entered and each
 * block's tail past what the last sweep saw. Into esk_gc.young. */
static size_t esk_gc_young_ranges(esk_arena *a) {
    size_t bytes = 0;
    esk_gc.young_holes = esk_gc.young_count;
    for (esk_block *b = a->blocks; b; b = b->next)
        if (b->used > b->swept)
            esk_gc_add_range(&esk_gc.young, &esk_gc.young_count, &esk_gc.young_room, ESK_BLOCK_DATA(b) + b->swept,
                             ESK_BLOCK_DATA(b) + b->used);
    for (size_t i = 0; i < esk_gc.young_count; ++i) bytes += (size_t)(esk_gc.young[i].end - esk_gc.young[i].start);
    return bytes;
}

/* The major sweep: every block; empty ones go back. */
static size_t esk_gc_sweep_all(esk_arena *a) {
    size_t live = 0;
    esk_gc.hole_count = esk_gc.hole_next = esk_gc.hole_keep = 0;
    for (esk_block **link = &a->blocks, *b; (b = *link) != NULL;) {
        size_t l = esk_gc_sweep_range(b, ESK_BLOCK_DATA(b), ESK_BLOCK_DATA(b) + b->used);
        if (l == 0 && b != a->blocks) {
            size_t holes = esk_gc.hole_count;
            while (holes > 0 && esk_gc.holes[holes - 1].start >= ESK_BLOCK_DATA(b) &&
                   esk_gc.holes[holes - 1].start < (unsigned char *)b + b->size)
                holes--;
            esk_gc.hole_count = holes;
            *link = b->next;
            esk_gc_note_block(b, 0);
            esk_alloc_give_back(b);
            continue;
        }
        b->swept = b->used;
        live += l;
        link = &b->next;
    }
    return live;
}

/* The minor sweep: the young ranges only; the holes not used yet stay. */
static size_t esk_gc_sweep_young(esk_arena *a) {
    size_t live = 0, k = esk_gc.hole_keep;
    for (size_t i = esk_gc.hole_next; i < esk_gc.hole_count; ++i) esk_gc.holes[k++] = esk_gc.holes[i];
    esk_gc.hole_count = k;
    esk_gc.hole_next = esk_gc.hole_keep = 0;
    for (size_t i = 0; i < esk_gc.young_holes; ++i) {  /* the tails: below, block by block */
        unsigned char *start = esk_gc.young[i].start;
        live += esk_gc_sweep_range(esk_gc_block_of((uintptr_t)start), start, esk_gc.young[i].end);
    }
    for (esk_block **link = &a->blocks, *b; (b = *link) != NULL;) {
        size_t holes = esk_gc.hole_count, l = 0;
        if (b->used > b->swept) l = esk_gc_sweep_range(b, ESK_BLOCK_DATA(b) + b->swept, ESK_BLOCK_DATA(b) + b->used);
        if (l == 0 && b->swept == 0 && b != a->blocks) {  /* all young, all dead */
            esk_gc.hole_count = holes;
            *link = b->next;
            esk_gc_note_block(b, 0);
            esk_alloc_give_back(b);
            continue;
        }
        b->swept = b->used;
        live += l;
        link = &b->next;
    }
    return live;
}

/* What the next minor collection retraces (esk_gc_mark_remembered): the
 * object that ended at last_end, the allocation pointer when this
 * collection began, and the newest big object, if they are marked. */
static void esk_gc_keep_last(uintptr_t last_end) {
    esk_block *b;
    unsigned char *p = last_end ? esk_gc_object_at(last_end - 1, &b) : NULL;
    esk_gc.retrace[0] = p && esk_gc_marked(b, p) ? (uintptr_t)p : 0;
    p = esk_gc.last_big;
    b = p ? esk_gc_block_of((uintptr_t)p) : NULL;
    esk_gc.retrace[1] = b && esk_gc_marked(b, p) ? (uintptr_t)p : 0;
    esk_gc.young_count = 0;
}

static void esk_gc_account(int major, double start, size_t before, size_t live) {
    esk_gc_stats *s = &esk_gc.stats;
    double pause = esk_gc_now_ms() - start;
    s->collections++;
    s->reclaimed_bytes += before > live ? before - live : 0;
    if (major) {
        esk_gc.old_bytes = live;
        esk_gc.major_trigger = (size_t)((double)live * esk_gc.growth);
        if (esk_gc.major_trigger < live + ESK_GC_MIN_TRIGGER) esk_gc.major_trigger = live + ESK_GC_MIN_TRIGGER;
        s->major_collections++;
        s->major_total_ms += pause;
        if (pause > s->major_max_ms) s->major_max_ms = pause;
    } else {
        esk_gc.old_bytes += live;
        s->minor_collections++;
        s->minor_total_ms += pause;
        if (pause > s->minor_max_ms) s->minor_max_ms = pause;
    }
    s->live_bytes = esk_gc.old_bytes;
    s->heap_bytes = esk_gc.heap_bytes;
    s->total_pause_ms += pause;
    if (pause > s->max_pause_ms) s->max_pause_ms = pause;
    esk_gc.since = 0;
    if (esk_gc.generational) {
        esk_gc.trigger = esk_gc.nursery;
    } else {
        esk_gc.trigger = (size_t)((double)live * (esk_gc.growth - 1.0));
        if (esk_gc.trigger < ESK_GC_MIN_TRIGGER) esk_gc.trigger = ESK_GC_MIN_TRIGGER;
    }
}

/* A major collection clears every mark and marks from the roots; a minor
 * one keeps the marks (old objects), marks from the roots and the
 * remembered places without tracing into old objects, and sweeps only the
 * young ranges. */
static void esk_gc_run(int major) {
    esk_arena *a = esk_gc.root;
    double start;
    size_t young, live, before = 0;
    uintptr_t last_end;
    if (!a || esk_gc_inhibit || !esk_gc.stack_top) return;  /* no stack bound: roots unknown */
    esk_gc_configure();
    esk_gc_report = esk_gc_print_report;
    start = esk_gc_now_ms();
    last_end = (uintptr_t)(esk_gc.alloc_end ? esk_gc.alloc_end : a->cur);
    esk_gc_seal(a);
    young = esk_gc_young_ranges(a);
    if (major) {
        for (size_t i = 0; i < esk_gc.block_count; ++i) {
            esk_gc_index(esk_gc.blocks[i]);
            before += esk_gc.blocks[i]->used;
        }
    } else {
        for (size_t i = 0; i < esk_gc.young_count; ++i)
            esk_gc_index_range(esk_gc_block_of((uintptr_t)esk_gc.young[i].start), esk_gc.young[i].start,
                               esk_gc.young[i].end);
        esk_gc.minor = 1;
        esk_gc_mark_remembered();
    }
    esk_gc_mark_roots();
    esk_gc.minor = 0;
    esk_gc.log_count = 0;
    live = major ? esk_gc_sweep_all(a) : esk_gc_sweep_young(a);
    esk_gc_keep_last(last_end);
    a->first = a->cur;  /* what the tail holds before it is old now */
    esk_gc_account(major, start, major ? before : young, live);
}

void esk_gc_collect(void) { esk_gc_run(1); }
void esk_gc_collect_minor(void) { esk_gc_run(0); }

/* Major once the old generation has grown by ESHKOL_GC_GROWTH times what
 * the last major left live (at least ESK_GC_MIN_TRIGGER more). */
static void esk_gc_collect_due(void) {
    int major = !esk_gc.generational || esk_gc.old_bytes >= esk_gc.major_trigger;
    if (esk_gc.stress) major = major || ++esk_gc.stress_collections % ESK_GC_STRESS_MAJOR == 0;
    esk_gc_run(major);
}

esk_gc_stats esk_gc_statistics(void) {
    esk_gc_stats s = esk_gc.stats;
    s.heap_bytes = esk_gc.heap_bytes;
    return s;
}

/* ---- allocation -------------------------------------------------------------------- */
static void *esk_gc_from_hole(esk_arena *a, size_t bytes) {
    while (esk_gc.hole_next < esk_gc.hole_count) {
        esk_gc_hole h = esk_gc.holes[esk_gc.hole_next++];
        if ((size_t)(h.end - h.start) < bytes) {  /* stays a free run, and a hole */
            esk_gc.holes[esk_gc.hole_keep++] = h;
            continue;
        }
        if (!esk_gc.in_hole) {
            esk_gc.tail_cur = a->cur;
            esk_gc.tail_end = a->end;
            esk_gc.in_hole = 1;
        }
        esk_gc_add_range(&esk_gc.young, &esk_gc.young_count, &esk_gc.young_room, h.start, h.end);
        esk_gc.since += (size_t)(h.end - h.start);
        a->first = h.start;
        a->cur = h.start + bytes;
        a->end = h.end;
        a->objects++;
        return h.start;
    }
    return NULL;
}

/* Back from the holes to the newest block's tail. */
static void esk_gc_leave_holes(esk_arena *a) {
    if (!esk_gc.in_hole) return;
    a->cur = esk_gc.tail_cur;
    a->end = esk_gc.tail_end;
    a->first = a->blocks ? ESK_BLOCK_DATA(a->blocks) + a->blocks->swept : a->cur;
    if (a->first > a->cur) a->first = a->cur;
    esk_gc.in_hole = 0;
}

static void *esk_gc_alloc(esk_arena *a, size_t bytes, int collected) {
    void *p;
    /* the rest of a hole in use: a free run, then on to the next hole */
    if (esk_gc.in_hole) {
        if ((size_t)(a->end - a->cur) >= bytes) {
            p = a->cur;
            a->cur += bytes;
            a->objects++;
            return p;
        }
        if (a->cur < a->end) esk_alloc_fill(a->cur, (size_t)(a->end - a->cur));
        a->cur = a->end;
    }
    if (!collected && !esk_gc_inhibit && esk_gc_enabled && esk_gc.since >= esk_gc.trigger && a->blocks) {
        /* the heap limit in reach: this one is major */
        if (esk_gc.heap_max && esk_gc.heap_bytes + bytes + ((size_t)1 << 16) > esk_gc.heap_max) esk_gc_run(1);
        else esk_gc_collect_due();
        collected = 1;
    }
    if (bytes <= ((size_t)1 << 15) && (p = esk_gc_from_hole(a, bytes)) != NULL) return p;
    esk_gc_leave_holes(a);
    if ((size_t)(a->end - a->cur) >= bytes) {  /* the newest block's tail still fits it */
        p = a->cur;
        a->cur += bytes;
        a->objects++;
        return p;
    }
    if (esk_gc.heap_max && esk_gc.heap_bytes + bytes + ((size_t)1 << 16) > esk_gc.heap_max) {
        /* at most one collection per allocation (see esk_gc_mark_remembered) */
        if (!collected && !esk_gc_inhibit && esk_gc_enabled) esk_gc_run(1);
        if (bytes <= ((size_t)1 << 15) && (p = esk_gc_from_hole(a, bytes)) != NULL) return p;
        esk_gc_leave_holes(a);
        if (esk_gc.heap_bytes + bytes + ((size_t)1 << 16) > esk_gc.heap_max) {
            char message[96];
            snprintf(message, sizeof message, "out of memory (heap limit %zu MB)", esk_gc.heap_max >> 20);
            esk_gc_fail(message);
        }
    }
    {
        size_t heap = esk_gc.heap_bytes;
        p = esk_alloc_slow_blocks(a, bytes);
        esk_gc.since += esk_gc.heap_bytes - heap;
        if ((unsigned char *)p != a->cur - bytes) esk_gc.last_big = p;  /* a block of its own, behind */
    }
    return p;
}

/* Under ESHKOL_GC_STRESS the arena's end is kept at its cur, so every
 * allocation of the root region comes here; the real end waits in
 * stress_end. Every ESK_GC_STRESS_MAJOR-th stress collection is major,
 * the others minor. */
void *esk_gc_alloc_slow(esk_arena *a, size_t bytes) {
    void *p;
    int collected = 0;
    esk_gc.root = a;
    esk_gc_configure();
    esk_gc.alloc_end = a->cur;  /* where the previous allocation ended (before a hole's rest is filled) */
    if (!esk_gc.stress) {
        p = esk_gc_alloc(a, bytes, 0);
        esk_gc.alloc_end = NULL;
        return p;
    }
    if (esk_gc.stress_end) a->end = esk_gc.stress_end;
    esk_gc.stress_end = NULL;
    if (!esk_gc_inhibit && esk_gc_enabled && ++esk_gc.stress_count >= esk_gc.stress) {
        esk_gc.stress_count = 0;
        if (a->blocks) esk_gc_collect_due();
        collected = a->blocks != NULL;
    }
    p = esk_gc_alloc(a, bytes, collected);
    esk_gc.alloc_end = NULL;
    esk_gc.stress_end = a->end;
    a->end = a->cur;
    return p;
}

void esk_gc_free_all(void) {
    for (size_t i = 0; i < esk_gc.block_count; ++i) {
        esk_gc_map_block(esk_gc.blocks[i], NULL);
        free(esk_gc.blocks[i]->marks);
        esk_gc.blocks[i]->marks = NULL;
    }
    esk_gc.block_count = 0;
    esk_gc.heap_bytes = 0;
    esk_gc.in_hole = 0;
    esk_gc.hole_count = esk_gc.hole_next = esk_gc.hole_keep = 0;
    esk_gc.young_count = esk_gc.log_count = 0;
    esk_gc.retrace[0] = esk_gc.retrace[1] = 0;
    esk_gc.last_big = NULL;
}

#undef ESK_GC_CHUNK_SHIFT
#undef ESK_GC_MIN_TRIGGER
#undef ESK_GC_MIN_HOLE
#undef ESK_GC_NURSERY
#undef ESK_GC_STRESS_MAJOR
#undef ESK_GC_NO_SANITIZE
