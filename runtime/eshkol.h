/* eshkol.h - the eshkol runtime's one public header.
 *
 * Every Scheme value is one machine word, an esk_val. The low three bits say
 * what it is; fixnums need no allocation and add without untagging, pairs
 * need no header.
 *
 *   word (low bits)   what                 payload
 *   ---------------   ------------------   -----------------------------------
 *   ...........0      fixnum               63-bit signed integer: word >> 1
 *   .........001      heap object          pointer to an esk_header: word - 1
 *   .........011      immediate constant   kind in bits 4..11 (see ESK_IMM)
 *   .........101      pair                 pointer to an esk_pair: word - 5
 *   .........111      character            Unicode code point: word >> 8
 *
 *   Heap objects and pairs are 8-byte aligned, so the low 3 bits are free.
 *   Immediates: #f #t '() unspecified eof default-object (a missing optional
 *   argument) undefined (a variable read before its definition) and the
 *   tail-call marker the trampoline uses (never a Scheme value).
 *
 * A heap object starts with an esk_header whose type says the layout; its
 * size field is type-specific (a length, a slot count). Every allocation goes
 * through esk_alloc (one front door).
 *
 * Calling conventions
 *   - A procedure value is an esk_closure: code + captured slots. Its code
 *     takes (self, argc, argv) and checks nothing: callers check arity
 *     (esk_call) before entering.
 *   - A call in tail position does not call: it stores the callee and its
 *     arguments in the trampoline registers and returns ESK_TAIL_CALL. A
 *     non-tail call site that may receive ESK_TAIL_CALL runs esk_trampoline,
 *     which keeps calling until a real value comes back. The C stack never
 *     grows for tail calls, whatever compiles the C.
 *   - Built-in procedures are C functions esk_<name>(int loc, args...) with
 *     a fixed argument list (missing optional arguments are ESK_DEFAULT), or
 *     esk_<name>(int loc, int argc, esk_val *argv) when variadic. loc
 *     indexes esk_locs, for the "  at FILE:LINE:COL" of run-time errors.
 *     The compiler's table of built-ins is the runtime's X-macro .def files.
 */
#ifndef ESHKOL_H
#define ESHKOL_H

/* POSIX and XSI for threads, signals and the alternate signal stack; must
 * come before any system header. */
#if !defined(_XOPEN_SOURCE) && !defined(_GNU_SOURCE)
#define _XOPEN_SOURCE 700
#endif
#if !defined(_DEFAULT_SOURCE) && !defined(_GNU_SOURCE)
#define _DEFAULT_SOURCE 1 /* and anonymous mappings (mmap MAP_ANONYMOUS) */
#endif

#include <stddef.h>
#include <stdint.h>
#include <math.h> /* HUGE_VAL and NAN only: nothing that needs libm */
#include <stdio.h>
#include <setjmp.h> /* the C interface's exports (esk_ffi_frame) */
#include <limits.h> /* the C interface's range checks */

typedef uintptr_t esk_val;

/* Inline helpers: embedded into each program, so unused ones must not warn. */
#if defined(__GNUC__) || defined(__clang__)
#define ESK_INLINE static inline __attribute__((unused))
#define ESK_PROC static __attribute__((unused)) /* generated procedures */
#define ESK_STATIC static __attribute__((unused)) /* generated globals */
#define ESK_LIKELY(c) __builtin_expect(!!(c), 1)
#define ESK_UNLIKELY(c) __builtin_expect(!!(c), 0)
#else
#define ESK_INLINE static inline
#define ESK_PROC static
#define ESK_STATIC static
#define ESK_LIKELY(c) (c)
#define ESK_UNLIKELY(c) (c)
#endif

/* ---- fixnums ---------------------------------------------------------- */
#define ESK_FIXNUM_MAX (INTPTR_MAX >> 1)
#define ESK_FIXNUM_MIN (INTPTR_MIN >> 1)
#define ESK_IS_FIXNUM(v) (((v) & 1u) == 0)
#define ESK_BOTH_FIXNUM(a, b) ((((a) | (b)) & 1u) == 0)
#define ESK_FIX(n) ((esk_val)((uintptr_t)(intptr_t)(n) << 1))
#define ESK_FIXVAL(v) ((intptr_t)(v) >> 1)
/* v as an index: its value when v is a fixnum >= 0; otherwise above any
 * length, since rotating the tag bit to the top leaves the top bit (not a
 * fixnum) or the one below it (a negative fixnum) set. So one unsigned
 * comparison checks type, sign and bound. */
#define ESK_FIX_INDEX(v) ((uintptr_t)(v) >> 1 | (uintptr_t)(v) << (sizeof(uintptr_t) * 8 - 1))

/* ---- immediates ------------------------------------------------------- */
#define ESK_IMM(kind) ((esk_val)(((kind) << 4) | 0x3u))
#define ESK_FALSE ESK_IMM(0)
#define ESK_TRUE ESK_IMM(1)
#define ESK_NIL ESK_IMM(2)
#define ESK_UNSPECIFIED ESK_IMM(3)
#define ESK_EOF ESK_IMM(4)
#define ESK_DEFAULT ESK_IMM(5)
#define ESK_UNDEFINED ESK_IMM(6)
#define ESK_TAIL_CALL ESK_IMM(7)
#define ESK_IS_IMMEDIATE(v) (((v) & 0x7u) == 0x3u)
#define ESK_BOOL(c) ((c) ? ESK_TRUE : ESK_FALSE)
#define ESK_TRUTHY(v) ((v) != ESK_FALSE)

#define ESK_IS_CHAR(v) (((v) & 0x7u) == 0x7u)
#define ESK_CHAR(c) ((esk_val)(((esk_val)(c) << 8) | 0x7u))
#define ESK_CHARVAL(v) ((uint32_t)((v) >> 8))

/* ---- pairs -------------------------------------------------------------- */
typedef struct esk_pair {
    esk_val car, cdr;
} esk_pair;

#define ESK_IS_PAIR(v) (((v) & 0x7u) == 0x5u)
#define ESK_PAIR(v) ((esk_pair *)((v) - 5u))
#define ESK_FROM_PAIR(p) ((esk_val)(p) + 5u)
#define ESK_CAR(v) (ESK_PAIR(v)->car)
#define ESK_CDR(v) (ESK_PAIR(v)->cdr)

/* ---- heap objects ----------------------------------------------------- */
/* A type code's low four bits are 0xB, a pattern no esk_val has (fixnums
 * end in 0, pointers in 1 or 5, immediates in 0011, chars in 111): a word
 * read from the start of an object tells a header from a pair's car, so
 * the collector can walk a block object by object (esk_gc.c). */
#define ESK_TYPE_CODE(n) (((n) << 4) | 0xBu)
#define ESK_TYPE_INDEX(t) ((unsigned)(t) >> 4)
typedef enum esk_type {
    ESK_T_FLONUM = ESK_TYPE_CODE(0),       /* esk_flonum */
    ESK_T_BIGNUM = ESK_TYPE_CODE(1),       /* esk_bignum; size: limbs */
    ESK_T_RATNUM = ESK_TYPE_CODE(2),       /* reserved for exact rationals */
    ESK_T_STRING = ESK_TYPE_CODE(3),       /* esk_string; size: bytes of its inline data */
    ESK_T_SYMBOL = ESK_TYPE_CODE(4),       /* esk_symbol */
    ESK_T_VECTOR = ESK_TYPE_CODE(5),       /* esk_vector; size: length */
    ESK_T_BYTEVECTOR = ESK_TYPE_CODE(6),   /* esk_bytevector; size: length of its own bytes */
    ESK_T_CLOSURE = ESK_TYPE_CODE(7),      /* esk_closure; size: captured slots */
    ESK_T_BOX = ESK_TYPE_CODE(8),          /* esk_box */
    ESK_T_RECORD = ESK_TYPE_CODE(9),       /* esk_record; size: fields */
    ESK_T_RECORD_TYPE = ESK_TYPE_CODE(10),  /* esk_record_type */
    ESK_T_PROMISE = ESK_TYPE_CODE(11),      /* esk_promise */
    ESK_T_VALUES = ESK_TYPE_CODE(12),       /* esk_values: several return values; size: count */
    ESK_T_CONDITION = ESK_TYPE_CODE(13),    /* esk_condition: what error and friends raise */
    ESK_T_CONTINUATION = ESK_TYPE_CODE(14), /* esk_continuation (an escape-only continuation) */
    ESK_T_PORT = ESK_TYPE_CODE(15),         /* esk_port: an input or output port */
    ESK_T_OWNED = ESK_TYPE_CODE(16),        /* esk_owned: an owned (linear) value and its consumed flag */
    ESK_T_EOF_OBJECT = ESK_TYPE_CODE(17),   /* unused: eof is an immediate */
    ESK_T_ARENA = ESK_TYPE_CODE(18),        /* esk_arena_handle: what make-arena returns */
    ESK_T_HASH_TABLE = ESK_TYPE_CODE(19),   /* esk_hash_table */
    ESK_T_SHARED = ESK_TYPE_CODE(20),       /* a shared (reference-counted) cell, esk_shared.c; outside regions */
    ESK_T_WEAK = ESK_TYPE_CODE(21),         /* a weak reference to a shared cell, esk_shared.c */
    ESK_T_COMPNUM = ESK_TYPE_CODE(22),      /* esk_compnum: a complex number, esk_complex.c */
    ESK_T_POINTER = ESK_TYPE_CODE(23),      /* esk_pointer: a C pointer or callback, esk_ffi.c */
    ESK_T_RAW = ESK_TYPE_CODE(24),         /* esk_alloc_raw: words the collector scans conservatively; size: bytes */
    ESK_T_BYTES = ESK_TYPE_CODE(25),       /* esk_alloc_bytes: bytes it never scans; size: bytes */
    ESK_T_FREE = ESK_TYPE_CODE(26),        /* a free run left by the collector; size: 8-byte words, header included */
    ESK_T_COUNT = 27                    /* how many codes there are (not itself a code) */
} esk_type;

typedef struct esk_header {
    uint32_t type; /* an esk_type */
    uint32_t size; /* type-specific: a length or a slot count */
} esk_header;

#define ESK_IS_HEAP(v) (((v) & 0x7u) == 0x1u)
#define ESK_HEAP(v) ((esk_header *)((v) - 1u))
#define ESK_FROM_HEAP(p) ((esk_val)(p) + 1u)
#define ESK_HAS_TYPE(v, t) (ESK_IS_HEAP(v) && ESK_HEAP(v)->type == (uint32_t)(t))

typedef struct esk_flonum {
    esk_header h;
    double value;
} esk_flonum;

/* Exact integers outside the fixnum range; never holds a fixnum's value. */
typedef struct esk_bignum {
    esk_header h;       /* size: number of limbs, > 0, top limb nonzero */
    int32_t negative;
    uint32_t limbs[];   /* little-endian base 2^32 magnitude */
} esk_bignum;

/* A string: code points stored one byte each while all are below 256, four
 * bytes each once any is not, so string-ref is O(1). string-set! of a wide
 * character widens the storage in place (data moves; the object does not). */
typedef struct esk_string {
    esk_header h;
    uint32_t length;    /* in characters */
    uint32_t width;     /* 1: uint8_t code points (Latin-1); 4: uint32_t */
    void *data;
} esk_string;

typedef struct esk_symbol {
    esk_header h;
    uint32_t hash;
    uint32_t length;         /* bytes of name, UTF-8 */
    const char *name;        /* NUL-terminated UTF-8 */
    struct esk_symbol *next; /* intern table chain */
} esk_symbol;

typedef struct esk_vector {
    esk_header h;       /* size: length */
    esk_val items[];
} esk_vector;

/* The bytes follow the object (data), except for a bytevector of an
 * explicit arena (arena-alloc): the object lives in the current region and
 * its bytes in the arena (esk_arena_of(bytes)), so using it after
 * destroy-arena is a clear error. h.size is the length when the bytes are
 * the object's own and 0 otherwise: the inline fast paths check only the
 * header, then index data, so out-of-line bytes always take the slow path.
 * Everything else reads length and bytes. */
typedef struct esk_bytevector {
    esk_header h;       /* size: length if bytes == data, else 0 */
    size_t length;
    uint8_t *bytes;     /* data, or bytes elsewhere (an explicit arena's) */
    uint8_t data[];
} esk_bytevector;

typedef esk_val (*esk_code)(esk_val self, int argc, esk_val *argv);
typedef struct esk_closure {
    esk_header h;       /* size: number of captured slots */
    esk_code code;
    int32_t arity;      /* required arguments */
    int32_t variadic;   /* 1: extra arguments allowed (rest list or optionals) */
    const char *name;   /* for messages; NULL when anonymous */
    esk_val slots[];
} esk_closure;

typedef struct esk_box {
    esk_header h;
    esk_val value;
} esk_box;

typedef struct esk_record_type {
    esk_header h;       /* size: number of fields */
    esk_val name;       /* a symbol */
    esk_val fields;     /* list of field-name symbols */
} esk_record_type;

typedef struct esk_record {
    esk_header h;       /* size: number of fields */
    esk_val type;       /* its esk_record_type */
    esk_val fields[];
} esk_record;

/* A promise points at a state pair (done? . value-or-thunk) that forcing may
 * share between promises, so chains of delay-force run in constant space. */
typedef struct esk_promise {
    esk_header h;
    esk_val state;
} esk_promise;

typedef struct esk_values {
    esk_header h;       /* size: count (never 1) */
    esk_val items[];
} esk_values;

/* An escape-only continuation's state: its catch frame while live. */
typedef struct esk_continuation {
    esk_header h;
    struct esk_ctl_catch *frame;
    int32_t live;
} esk_continuation;

/* What raise receives from error: message, irritants and a kind. */
typedef enum esk_condition_kind {
    ESK_COND_ERROR,     /* (error msg irritant ...) and run-time errors */
    ESK_COND_FILE,      /* file-error? */
    ESK_COND_READ       /* read-error? */
} esk_condition_kind;
typedef struct esk_condition {
    esk_header h;
    int32_t kind;       /* an esk_condition_kind */
    int32_t loc;        /* where it was raised, 0 if unknown */
    esk_val message;    /* a string */
    esk_val irritants;  /* a list */
} esk_condition;

/* A hash table (esk_hash.c): open addressing with linear probing. One
 * storage block, in the table's own arena, holds capacity slots (key,
 * value) followed by capacity 32-bit hashes; a hash below ESK_HASH_LIVE
 * marks a slot with no association (0 empty: a probe stops there; 1
 * deleted: a probe goes on), so only slots whose hash is at least
 * ESK_HASH_LIVE hold keys and values. Promotion moves keys, and a key hashed
 * by its address then hashes differently: whatever moves a key sets stale,
 * and the table rehashes itself before its next lookup. */
typedef struct esk_hash_slot {
    esk_val key, value;
} esk_hash_slot;
typedef struct esk_hash_table {
    esk_header h;         /* size: unused */
    uint8_t equiv_kind;   /* an esk_hash_kind: how keys are compared */
    uint8_t hash_kind;    /* an esk_hash_kind: how keys are hashed */
    size_t count;         /* associations */
    size_t used;          /* associations and deleted slots */
    size_t capacity;      /* slots: 0 (no storage yet) or a power of two */
    esk_hash_slot *slots; /* the storage block (esk_hash_alloc_storage) */
    uint32_t *hashes;     /* inside the same block, after the slots */
    uint8_t stale;        /* 1: keys moved since their hashes were stored */
    esk_val equiv;        /* the equivalence procedure given, or #f */
    esk_val hash;         /* the hash function given, or #f */
    struct esk_region *rehash_on;  /* the latest region asked to set stale when it exits */
} esk_hash_table;
#define ESK_HASH_LIVE 2u
typedef enum esk_hash_kind {
    ESK_HASH_EQ, ESK_HASH_EQV, ESK_HASH_EQUAL, ESK_HASH_STRING, ESK_HASH_STRING_CI,
    ESK_HASH_CUSTOM       /* a procedure of the program's */
} esk_hash_kind;
#define ESK_HASH_TABLE(v) ((esk_hash_table *)ESK_HEAP(v))
/* An owned value (owned expr): a cell around the value, so that using it
 * after it was consumed is an error even where the compiler's ownership
 * check cannot see (a cell kept in a data structure). See esk_owned.c. */
typedef struct esk_owned {
    esk_header h;
    esk_val value;
    int32_t consumed;     /* 1 once consumed (consume, close, with-resource exit) */
    int32_t consumed_loc; /* where it was consumed, an esk_locs index (0: unknown) */
} esk_owned;

#define ESK_FLONUM(v) (((esk_flonum *)ESK_HEAP(v))->value)
#define ESK_STRING(v) ((esk_string *)ESK_HEAP(v))
#define ESK_SYMBOL(v) ((esk_symbol *)ESK_HEAP(v))
#define ESK_VECTOR(v) ((esk_vector *)ESK_HEAP(v))
#define ESK_BYTEVECTOR(v) ((esk_bytevector *)ESK_HEAP(v))
#define ESK_CLOSURE(v) ((esk_closure *)ESK_HEAP(v))
#define ESK_BOX(v) ((esk_box *)ESK_HEAP(v))
#define ESK_RECORD(v) ((esk_record *)ESK_HEAP(v))

/* ---- source locations for run-time errors ------------------------------ */
typedef struct esk_loc {
    const char *file;
    int line, col;
} esk_loc;

/* Locations indexed by the small ids that generated code passes to
 * procedures that may fail; 0 is "unknown". The generated program points it
 * at its own table first thing (a pointer, not an array the program defines,
 * so that the runtime library has no undefined symbols); until then it is a
 * table of the one unknown location. */
extern const esk_loc *esk_locs;

/* ---- memory: tiers, arenas, regions ------------------------------------- *
 * Every allocation goes through esk_alloc (one front door): a bump in the
 * current arena, the arena of the innermost active region. Arenas are chains
 * of 64 KiB-aligned blocks; a chunk map (esk_arena_of) finds the arena of
 * any heap address, so region exit can promote exactly the objects that live
 * in the dying region and the store check can tell a younger object from an
 * older one. Depth orders lifetimes: 0 lives as long as the program
 * (symbols), 1 is the root region, n+1 a region entered inside one of depth
 * n. Objects on the C stack (escape analysis, tier "stack") are in no arena:
 * esk_arena_of says NULL. See esk_alloc.c and docs/memory.md. */
typedef struct esk_block esk_block;
typedef struct esk_region esk_region;
/* A block: 64 KiB-aligned, a whole number of 64 KiB chunks, its objects
 * after this header (esk_alloc.c; the collector walks them). */
struct esk_block {
    esk_block *next;
    size_t size;      /* bytes, header included: a multiple of 64 KiB */
    size_t used;      /* bytes handed out; the newest block's is its arena's cur */
    uint64_t *marks;  /* root region: the collector's bitmaps (esk_gc.c); NULL elsewhere */
    size_t swept;     /* root region: bytes the last collection swept; [swept, used) is young */
};
#define ESK_BLOCK_DATA(b) ((unsigned char *)(b) + sizeof(esk_block))
typedef struct esk_arena {
    unsigned char *cur, *end;  /* bump pointer and limit in the newest block */
    esk_block *blocks;         /* newest first */
    size_t next_size;          /* bytes of the next block */
    uint32_t depth;            /* lifetime order, see above */
    uint32_t kind;             /* an esk_arena_kind */
    size_t objects;            /* allocations made here */
    size_t bytes;              /* bytes in retired blocks (see esk_arena_bytes) */
    esk_region *region;        /* the region it belongs to, if any */
    unsigned char *first;      /* where the newest block's objects start: [first, cur) is its newest objects */
} esk_arena;
typedef enum esk_arena_kind {
    ESK_ARENA_IMMORTAL,        /* symbols: freed at exit */
    ESK_ARENA_REGION,          /* the root region or a with-region */
    ESK_ARENA_EXPLICIT,        /* make-arena: freed by destroy-arena */
    ESK_ARENA_DESTROYED        /* an explicit arena after destroy-arena */
} esk_arena_kind;

extern esk_arena *esk_cur_arena;   /* where esk_alloc allocates */
extern uint32_t esk_region_depth;  /* depth of the current region: 1 outside any with-region */
void *esk_alloc_slow(esk_arena *a, size_t bytes);
void *esk_alloc_in(esk_arena *a, size_t bytes);  /* 8-byte aligned, never NULL */
esk_arena *esk_arena_of(const void *p);          /* NULL: not in any arena (the C stack) */
esk_arena *esk_arena_of_val(esk_val v);          /* NULL also for non-pointers */
void esk_alloc_free_all(void);                   /* at exit */

/* 8-byte aligned, never NULL: in the current region. */
ESK_INLINE void *esk_alloc(size_t bytes) {
    esk_arena *a = esk_cur_arena;
    bytes = (bytes + 7u) & ~(size_t)7u;
    if (ESK_LIKELY((size_t)(a->end - a->cur) >= bytes)) {
        void *p = a->cur;
        a->cur += bytes;
        a->objects++;
        return p;
    }
    return esk_alloc_slow(a, bytes);
}

/* Every object in an arena starts with its header, written by the
 * allocation itself: the collector may walk the block at the very next
 * allocation (esk_gc.c). Pairs need none (their car is a value, never a
 * type code). Buffers that are no Scheme object get a header too: scanned
 * word by word for pointers (raw) or never (bytes). */
ESK_INLINE void *esk_alloc_obj(uint32_t type, uint32_t size, size_t bytes) {
    esk_header *h = (esk_header *)esk_alloc(bytes);
    h->type = type;
    h->size = size;
    return h;
}
void *esk_alloc_buffer_in(esk_arena *a, size_t bytes, uint32_t type);  /* the bytes after the header */
void esk_alloc_fill(void *p, size_t bytes);      /* the end of a shrunk object: a free run */
ESK_INLINE void *esk_alloc_raw(size_t bytes) { return esk_alloc_buffer_in(esk_cur_arena, bytes, ESK_T_RAW); }
ESK_INLINE void *esk_alloc_bytes(size_t bytes) { return esk_alloc_buffer_in(esk_cur_arena, bytes, ESK_T_BYTES); }

/* ---- the collector of the root region (esk_gc.c; absent with --no-gc) ----
 * Mark-sweep in place, generational by sticky mark bits: precise for
 * objects, conservative for the C stack, the registers and the memory of
 * every other live arena. A minor collection runs inside an allocation of
 * the root region every ESHKOL_GC_NURSERY MB and collects only what was
 * allocated since the last one; a major one once the old data has grown by
 * ESHKOL_GC_GROWTH times what the last major left. Never moves an object. */
typedef struct esk_gc_stats {
    size_t collections, reclaimed_bytes, live_bytes, heap_bytes;
    double total_pause_ms, max_pause_ms;
    size_t minor_collections, major_collections;
    double minor_total_ms, minor_max_ms, major_total_ms, major_max_ms;
} esk_gc_stats;
extern int esk_gc_enabled;                        /* 0: never collect (--no-gc, esk_gc_disable) */
extern unsigned esk_gc_inhibit;                   /* > 0: not now (promotion in progress) */
void esk_gc_add_roots(esk_val *const *slots, size_t n);  /* a program's globals and constants */
void esk_gc_add_root_range(void *start, size_t bytes);   /* memory scanned conservatively */
void esk_gc_stack_top(void *top);                 /* the oldest frame that may hold values */
void esk_gc_collect(void);                        /* a full (major) collection now */
void esk_gc_collect_minor(void);                  /* a minor collection now: what was allocated since the last one */
void esk_gc_write(const void *container, esk_val *slot, esk_val v);  /* the barrier's slow path (esk_store_slow) */
void esk_gc_write_object(const void *object);     /* object's raw pointers changed: retrace it at the next minor */
esk_gc_stats esk_gc_statistics(void);             /* what the memory report prints */
void *esk_gc_alloc_slow(esk_arena *root, size_t bytes); /* esk_alloc_slow of the root region */
void esk_gc_note_block(esk_block *b, int added);  /* a root-region block came or went */
void esk_gc_free_all(void);
extern void (*esk_gc_report)(FILE *out);          /* the memory report's lines, if collecting */
extern void (*esk_gc_shared_roots)(void (*visit)(esk_val v));  /* shared values' payloads (esk_shared.c) */
/* esk_alloc.c's side: */
void *esk_alloc_slow_blocks(esk_arena *a, size_t bytes);
void esk_alloc_give_back(esk_block *b);
void esk_alloc_gc_roots(void (*range)(const void *start, size_t bytes), void (*word)(uintptr_t w));

/* The store check: after a store of v into a slot of an object (or a global,
 * container NULL), a v younger than the container is remembered by its
 * region, and promoted and the slot updated when that region exits. Nothing
 * to do outside regions, or for values that are not pointers. */
void esk_store_slow(const void *container, esk_val *slot, esk_val v);
ESK_INLINE void esk_store_check(const void *container, esk_val *slot, esk_val v) {
    /* A container among the newest objects of the current region -- the
     * youngest there is -- cannot hold anything younger: nothing to do
     * for the stores that build fresh structures. With the collector it is
     * also its write barrier: outside regions, a pointer stored into an
     * old root-region object is logged (esk_gc_write). */
#ifdef ESK_NO_GC
    if (ESK_UNLIKELY(esk_region_depth > 1) && (v & 3u) == 1u &&
#else
    if ((v & 3u) == 1u &&
#endif
        !((const unsigned char *)container >= esk_cur_arena->first && (const unsigned char *)container < esk_cur_arena->cur))
        esk_store_slow(container, slot, v);
}
#define ESK_STORE(container, slot, v)                                       \
    do {                                                                    \
        esk_val esk_store_v_ = (v);                                         \
        *(slot) = esk_store_v_;                                             \
        esk_store_check((container), (slot), esk_store_v_);                 \
    } while (0)

/* The collector's write barrier alone, for the runtime's own stores that
 * the region store check has never seen (building a fresh list, swapping a
 * parameter's value): an old container gets a young value logged. A
 * container among the current arena's newest objects is young or not in
 * the root region at all. */
ESK_INLINE void esk_gc_store_check(const void *container, esk_val *slot, esk_val v) {
#ifndef ESK_NO_GC
    if ((v & 3u) == 1u &&
        !((const unsigned char *)container >= esk_cur_arena->first && (const unsigned char *)container < esk_cur_arena->cur))
        esk_gc_write(container, slot, v);
#else
    (void)container, (void)slot, (void)v;
#endif
}
#define ESK_GC_STORE(container, slot, v)                                    \
    do {                                                                    \
        esk_val esk_store_v_ = (v);                                         \
        *(slot) = esk_store_v_;                                             \
        esk_gc_store_check((container), (slot), esk_store_v_);              \
    } while (0)

/* Regions (with-region): enter, leave with the result promoted into the
 * enclosing region, and leave by a non-local exit (raise, continuation),
 * promoting the value in flight. esk_with_region is the primitive. */
esk_region *esk_region_enter(const char *name, size_t size_hint);
esk_val esk_region_leave(esk_region *r, esk_val result);
esk_val esk_with_region(int loc, esk_val name, esk_val size_hint, esk_val thunk);
void esk_region_at_free(esk_region *r, void (*fn)(void *), void *arg);
esk_region *esk_region_of(esk_val v);            /* NULL: not in a region's arena */
esk_region *esk_current_region(void);

/* One deep-copy routine (intern/promote): copies what of v lives in arena
 * from into arena to, preserving sharing and cycles; the rest is shared.
 * from NULL: copies everything not already in to (symbols excepted). */
esk_val esk_promote(esk_val v, esk_arena *from, esk_arena *to);
void *esk_alloc_immortal_bytes(size_t bytes);    /* lives until exit: symbols */
void esk_memstats_print(FILE *out);
extern void (*esk_memstats_extra)(FILE *out);    /* more lines for the report */

/* Explicit arenas (make-arena): blocks mapped from the system, given back
 * by destroy-arena and left inaccessible, so a stale reference faults and
 * is reported ("an object of a destroyed arena") instead of read. */
esk_arena *esk_arena_create(size_t size);
void esk_arena_destroy(esk_arena *a);
typedef struct esk_arena_handle {
    esk_header h;
    esk_arena *arena;
} esk_arena_handle;

/* Stack tier: the compiler declares the storage and counts it. */
extern size_t esk_mem_stack_objects, esk_mem_stack_bytes;
#define ESK_STACK_COUNT(bytes) (esk_mem_stack_objects++, esk_mem_stack_bytes += (bytes))
/* The constructors of stack objects: storage is the caller's C local. */
#define ESK_CLOSURE_WORDS ((sizeof(esk_closure) + sizeof(esk_val) - 1) / sizeof(esk_val))
#define ESK_VECTOR_WORDS ((sizeof(esk_vector) + sizeof(esk_val) - 1) / sizeof(esk_val))
ESK_INLINE esk_val esk_stack_cons(esk_pair *p, esk_val car, esk_val cdr) {
    p->car = car;
    p->cdr = cdr;
    ESK_STACK_COUNT(sizeof *p);
    return ESK_FROM_PAIR(p);
}
ESK_INLINE esk_val esk_stack_vector(esk_val *mem, uint32_t n, esk_val fill) {
    esk_vector *v = (esk_vector *)(void *)mem;
    v->h.type = ESK_T_VECTOR;
    v->h.size = n;
    for (uint32_t i = 0; i < n; ++i) v->items[i] = fill;
    ESK_STACK_COUNT(sizeof(esk_vector) + n * sizeof(esk_val));
    return ESK_FROM_HEAP(v);
}

/* Root tier: escape analysis found a value stored where only the root
 * region lives long enough; its fields are store-checked. */
esk_val esk_cons_root(esk_val car, esk_val cdr);
esk_val esk_make_flonum(double d);
esk_val esk_cons(esk_val car, esk_val cdr);
intptr_t esk_list_length(esk_val list);  /* -1 when improper or circular */

esk_val esk_make_vector_filled(size_t n, esk_val fill);
esk_val esk_make_bytevector_from(const uint8_t *bytes, size_t n);

/* car and cdr, open-coded by the compiler: the pair check inline. */
esk_val esk_car(int loc, esk_val p);
esk_val esk_cdr(int loc, esk_val p);
ESK_INLINE esk_val esk_car_i(int loc, esk_val p) { return ESK_LIKELY(ESK_IS_PAIR(p)) ? ESK_CAR(p) : esk_car(loc, p); }
ESK_INLINE esk_val esk_cdr_i(int loc, esk_val p) { return ESK_LIKELY(ESK_IS_PAIR(p)) ? ESK_CDR(p) : esk_cdr(loc, p); }

/* ---- slab allocator (esk_slab.c): fixed-size objects, any thread ------ */
typedef struct esk_slab esk_slab;         /* one size class */
esk_slab *esk_slab_new(size_t object_size);
void esk_slab_destroy(esk_slab *s);       /* frees every chunk */
void *esk_slab_alloc(esk_slab *s);        /* 8-byte aligned, never NULL; contents as left */
void esk_slab_free(esk_slab *s, void *object);
size_t esk_slab_live(esk_slab *s);        /* objects allocated, not freed */
size_t esk_slab_capacity(esk_slab *s);    /* slots in published chunks */
size_t esk_slab_bytes(esk_slab *s);       /* memory of its chunks */
/* Calls fn on every allocated object, in slot order; not while other
 * threads allocate or free. */
void esk_slab_each(esk_slab *s, void (*fn)(void *object, void *arg), void *arg);

/* ---- shared values (esk_shared.c) ---------------------------------------
 * (shared expr [destructor]) makes a cell outside regions holding expr's
 * value, with an atomic count of its owning references. Ownership as the
 * generated code tracks it (docs/shared.md tells users):
 *   - the owner stack: entries for let-bound variables (the value, or for a
 *     variable that set! assigns, the variable's address) and temporaries
 *     (what (shared ...), strong-ref and a scope's result pass on). Marks
 *     are depths; leaving a scope releases what lies above its mark, except
 *     the entry that owns the scope's result, which moves down and becomes a
 *     temporary of the enclosing scope. Non-local exits unwind it too.
 *   - globals and boxed variables own their value exactly (set! releases).
 *   - a region holds one reference to each shared value stored into any of
 *     its containers (pairs, vectors, records, closures ...), released when
 *     the region is freed: the root region at exit.
 * Procedure arguments are borrowed: passing a value does not count. */
/* Whether v is a shared cell. Reading a header is safe unless v is a stale
 * reference into a destroyed explicit arena (unreadable memory): once any
 * arena was destroyed, the slow path asks the chunk map first. */
extern size_t esk_arenas_destroyed;
int esk_shared_is_cell_slow(esk_val v);
ESK_INLINE int esk_is_shared(esk_val v) {
    if (!ESK_IS_HEAP(v)) return 0;
    if (ESK_LIKELY(esk_arenas_destroyed == 0)) return ESK_HEAP(v)->type == ESK_T_SHARED;
    return esk_shared_is_cell_slow(v);
}
#define ESK_IS_SHARED(v) esk_is_shared(v)
/* A shared value stands for its contents wherever a built-in wants a type
 * the cell is not (docs/shared.md): the contents, through nested cells. */
esk_val esk_shared_contents(esk_val v);
ESK_INLINE esk_val esk_see_through(esk_val v) { return ESK_UNLIKELY(ESK_IS_SHARED(v)) ? esk_shared_contents(v) : v; }
/* The argument check of a built-in: true (refused) when `fails` holds for v
 * and for v's contents; when v is a shared value whose contents pass, v
 * becomes its contents. The test runs again only on the failing path. */
#define ESK_REFUSE(v, fails) ((fails) && !(ESK_IS_SHARED(v) && ((v) = esk_shared_contents(v), !(fails))))
typedef struct esk_shared esk_shared;  /* a cell (esk_shared.c): never in an arena, never promoted */
/* A weak reference: an ordinary object of its region, without value fields. */
typedef struct esk_weak {
    esk_header h;                 /* type ESK_T_WEAK */
    esk_shared *cell;
    uint64_t generation;          /* the cell's generation when the reference was made */
} esk_weak;
extern size_t esk_shared_depth;     /* entries on the owner stack */
extern size_t esk_tc_mark;          /* owner-stack depth below a pending tail call's own entries */
/* Set when the program makes shared values: the runtime's own stores call
 * the first, escapes (call/cc, guard) unwind the owner stack with the second. */
extern void (*esk_shared_note_hook)(esk_val container, esk_val shared);
extern void (*esk_shared_unwind_hook)(size_t mark, int count, const esk_val *keep);

/* The generated code's side (marks are esk_shared_depth values). */
void esk_shared_init(esk_val *const *globals, size_t count);  /* program start */
void esk_shared_finish(void);                                   /* program end, (exit) */
void esk_shared_bind(size_t mark, esk_val v);          /* a let variable takes v */
void esk_shared_bind_slot(size_t mark, esk_val *slot); /* an assigned let variable takes *slot */
void esk_shared_adopt_slot(size_t mark, esk_val *slot);/* an assigned parameter takes *slot */
void esk_shared_set(size_t mark, esk_val *slot, esk_val v);  /* set! of a local */
void esk_shared_store(size_t mark, const void *container, esk_val *slot, esk_val v);  /* a box's or global's */
esk_val esk_shared_box(size_t mark, esk_val v);        /* a box for a captured, assigned variable */
esk_val esk_shared_adopt_box(size_t mark, esk_val v);  /* the same for a parameter */
void esk_shared_leave(size_t mark, esk_val result);    /* unwind, keeping result (or a pending tail call) */
void esk_shared_jump(size_t mark, int argc, const esk_val *argv);  /* a loop's next iteration */
void esk_shared_note_container(esk_val container, esk_val shared);
esk_val esk_shared_trampoline(esk_val r);
esk_val esk_shared_rest_list(int argc, esk_val *argv, int from);
void esk_memstats_shared(FILE *out);   /* the shared part of ESHKOL_MEMSTATS */

ESK_INLINE void esk_shared_bind_i(size_t mark, esk_val v) {
    if (ESK_UNLIKELY(esk_shared_depth != mark || ESK_IS_SHARED(v))) esk_shared_bind(mark, v);
}
ESK_INLINE void esk_shared_set_i(size_t mark, esk_val *slot, esk_val v) {
    if (ESK_UNLIKELY(esk_shared_depth != mark || ESK_IS_SHARED(v) || ESK_IS_SHARED(*slot))) esk_shared_set(mark, slot, v);
    else *slot = v;
}
ESK_INLINE void esk_shared_store_i(size_t mark, const void *container, esk_val *slot, esk_val v) {
    if (ESK_UNLIKELY(esk_shared_depth != mark || ESK_IS_SHARED(v) || ESK_IS_SHARED(*slot)))
        esk_shared_store(mark, container, slot, v);
    else
        ESK_STORE(container, slot, v);
}
ESK_INLINE esk_val esk_shared_return_i(size_t mark, esk_val r) {
    esk_tc_mark = mark;
    if (ESK_UNLIKELY(esk_shared_depth != mark)) esk_shared_leave(mark, r);
    return r;
}
ESK_INLINE esk_val esk_shared_leave_i(size_t mark, esk_val r) {
    if (ESK_UNLIKELY(esk_shared_depth != mark)) esk_shared_leave(mark, r);
    return r;
}
ESK_INLINE void esk_shared_drop_i(size_t mark) {
    if (ESK_UNLIKELY(esk_shared_depth != mark)) esk_shared_leave(mark, ESK_FALSE);
}
ESK_INLINE void esk_shared_note_i(esk_val container, esk_val v) {
    if (ESK_UNLIKELY(ESK_IS_SHARED(v))) esk_shared_note_container(container, v);
}

/* The C side: any thread may retain, release and upgrade. A cell made by
 * esk_shared_new starts with one reference, owned by the caller; its C
 * destructor (or NULL) runs on the thread that releases the last one. */
esk_val esk_shared_new(esk_val value, void (*destructor)(esk_val value));
void esk_shared_retain(esk_val s);
void esk_shared_release(esk_val s);
uint32_t esk_shared_count(esk_val s);
esk_val esk_shared_weak(esk_val s);      /* a weak reference (allocated with esk_alloc) */
esk_val esk_shared_upgrade(esk_val w);   /* the cell with one more reference, or ESK_FALSE */

/* ---- start-up, exit, errors ---------------------------------------------- */
/* Runs program() on a thread with a large stack; returns the exit status. */
int esk_main(int argc, char **argv, void (*program)(void));
_Noreturn void esk_exit(int status);
/* A hook a module installs at start-up (NULL otherwise): what (exit)
 * releases before it exits (shared values). */
extern void (*esk_at_exit_release)(void);

/* Raises an error condition "who: message" with irritants (a list, or
 * ESK_NIL). Uncaught, it prints "Error: message irritant ..." and
 * "  at FILE:LINE:COL" and exits 1. */
_Noreturn void esk_raise_error(int loc, const char *message, esk_val irritants);
_Noreturn void esk_error(int loc, const char *message, esk_val irritant);  /* one irritant, or ESK_UNSPECIFIED for none */
_Noreturn void esk_type_error(int loc, const char *who, const char *expected, esk_val got);
_Noreturn void esk_range_error(int loc, const char *who, esk_val index, esk_val object);
_Noreturn void esk_arity_error(int loc, esk_val proc, int given);
_Noreturn esk_val esk_undefined_global(int loc, const char *name);

_Noreturn void esk_raise(int loc, esk_val obj);
esk_val esk_raise_continuable(int loc, esk_val obj);
esk_val esk_make_condition(int kind, int loc, esk_val message, esk_val irritants);
extern esk_val esk_handlers;  /* current exception handlers, innermost first */
extern esk_val esk_winders;   /* active dynamic-wind (before . after) pairs, innermost first */

/* Stack overflow needs no check at procedure entry: the program's stack
 * ends in a guard region whose fault handler reports "Error: stack
 * overflow" and exits 1 (esk_main.c). */

/* Reading a global: its definition must have run. */
#define ESK_GLOBAL(g, loc, name) ((g) != ESK_UNDEFINED ? (g) : esk_undefined_global((loc), (name)))

/* ---- procedures, calls and tail calls --------------------------------- */
esk_val esk_make_closure(esk_code code, int arity, int variadic, const char *name, int nslots);
/* A closure on the C stack (escape analysis): mem has ESK_CLOSURE_WORDS + nslots words. */
ESK_INLINE esk_val esk_stack_closure(esk_val *mem, esk_code code, int arity, int variadic, const char *name, int nslots) {
    esk_closure *c = (esk_closure *)(void *)mem;
    c->h.type = ESK_T_CLOSURE;
    c->h.size = (uint32_t)nslots;
    c->code = code;
    c->arity = arity;
    c->variadic = variadic;
    c->name = name;
    ESK_STACK_COUNT(sizeof(esk_closure) + (size_t)nslots * sizeof(esk_val));
    return ESK_FROM_HEAP(c);
}
esk_val esk_make_box(esk_val value);

/* The trampoline registers: the pending tail call. */
extern esk_val esk_tc_proc;
extern int esk_tc_argc;
extern int esk_tc_loc;
extern esk_val *esk_tc_argv;     /* room for esk_tc_room arguments */
extern int esk_tc_room;
void esk_tc_grow(int argc);      /* makes room for argc arguments */

/* Keeps calling while r says a tail call is pending. */
esk_val esk_trampoline(esk_val r);

/* The location of the latest call through a closure: built-ins used as
 * values report their errors there. */
extern int esk_call_loc;

/* f itself when a procedure, a shared value's procedure (*fp becomes it),
 * a type error otherwise. */
esk_val esk_procedure_of(int loc, esk_val f);
ESK_INLINE esk_closure *esk_check_call(int loc, esk_val *fp, int argc) {
    esk_closure *c;
    esk_val f = *fp;
    esk_call_loc = loc;
    if (ESK_UNLIKELY(!ESK_HAS_TYPE(f, ESK_T_CLOSURE))) *fp = f = esk_procedure_of(loc, f);
    c = (esk_closure *)(f - 1u);
    if (ESK_UNLIKELY(c->variadic ? argc < c->arity : argc != c->arity)) esk_arity_error(loc, f, argc);
    return c;
}

/* A non-tail call of a procedure value; the result may be ESK_TAIL_CALL. */
ESK_INLINE esk_val esk_call(int loc, esk_val f, int argc, esk_val *argv) {
    esk_closure *c = esk_check_call(loc, &f, argc);  /* before reading f: it may become a shared value's procedure */
    return c->code(f, argc, argv);
}

/* A tail call: the arguments are already in esk_tc_argv[0..argc). */
ESK_INLINE esk_val esk_tail_call(int loc, esk_val f, int argc) {
    esk_tc_proc = f;
    esk_tc_argc = argc;
    esk_tc_loc = loc;
    return ESK_TAIL_CALL;
}

/* Calls a procedure from C and returns its final value (no pending tail). */
esk_val esk_apply_proc(int loc, esk_val f, int argc, esk_val *argv);
esk_val esk_call0(int loc, esk_val f);
esk_val esk_call1(int loc, esk_val f, esk_val a);
esk_val esk_call2(int loc, esk_val f, esk_val a, esk_val b);

/* (apply f a ... list): argv[argc-1] is the list. */
esk_val esk_apply(int loc, int argc, esk_val *argv);
esk_val esk_apply_tail(int loc, int argc, esk_val *argv);

/* A rest parameter: the list of argv[from..argc). */
esk_val esk_rest_list(int argc, esk_val *argv, int from);

/* ---- ports (esk_port.c, esk_print.c, esk_read.c) ----------------------
 * A port moves bytes; a textual port's characters are UTF-8 (ill-formed
 * input reads as U+FFFD). Three backings:
 *   file output   a stdio FILE*: stdio buffers it.
 *   file input    the file's descriptor, read(2) into the port's own buffer,
 *                 so char-ready? and u8-ready? know what is waiting.
 *   memory        a bytevector (data): an input port's bytes, or an output
 *                 port's bytes so far, replaced by a bigger one as it grows.
 * The C resources (FILE*, the input buffer) are released by close-port, or
 * at exit for ports never closed (a port object dying with its region
 * leaves its file open until exit). data and name are Scheme values,
 * forwarded by promotion; the runtime stores into data through
 * esk_port_set_data only. */
enum {
    ESK_PORT_INPUT = 1,
    ESK_PORT_OUTPUT = 2,
    ESK_PORT_BINARY = 4,       /* else textual */
    ESK_PORT_OPEN = 8,
    ESK_PORT_FILE = 16,        /* else memory */
    ESK_PORT_OWNS_FILE = 32,   /* close-port closes the FILE (not the standard streams) */
    ESK_PORT_FOLD_CASE = 64,   /* read: #!fold-case seen */
    ESK_PORT_AFTER_CR = 128    /* read-line ended at a carriage return: a linefeed next is skipped */
};
typedef struct esk_port {
    esk_header h;
    uint32_t flags;            /* ESK_PORT_... */
    int32_t fd;                /* file input: the descriptor read(2) reads */
    FILE *file;                /* file ports; NULL once closed */
    unsigned char *buf;        /* file input: read-ahead buffer (malloc'd, freed by close-port) */
    size_t pos, end;           /* input: unread bytes [pos, end) of buf or data; memory output: end = length */
    esk_val data;              /* memory ports: a bytevector; ESK_FALSE otherwise */
    esk_val name;              /* file ports: the file name (a string); ESK_FALSE otherwise */
} esk_port;                    /* data and name are adjacent: promotion forwards both */
#define ESK_PORT(v) ((esk_port *)ESK_HEAP(v))
#define ESK_IS_PORT(v) ESK_HAS_TYPE(v, ESK_T_PORT)

/* The standard streams as ports (0 stdin, 1 stdout, 2 stderr), static
 * objects; and the current port of each, the value of the parameter that
 * current-input-port (-output-, -error-) name. */
esk_port *esk_port_stdio(int which);
esk_val esk_port_current(int which);
/* (make-parameter value [converter]) (esk_control.c): the current ports are
 * parameters made by it. */
esk_val esk_make_parameter(int loc, esk_val value, esk_val converter);

/* Output to an open output port, no checks: bytes, a C string, a byte. */
void esk_port_write(esk_port *p, const void *bytes, size_t n);
void esk_port_puts(esk_port *p, const char *s);
void esk_port_putc(esk_port *p, int byte);
void esk_port_flush(esk_port *p);
/* Input from an open input port, no checks: the next byte or character
 * (consumed unless peek), -1 at end of input. */
int esk_port_read_byte(esk_port *p, int peek);
int32_t esk_port_read_char(esk_port *p, int peek);
/* Checks that v is an open port for who: direction ESK_PORT_INPUT or
 * ESK_PORT_OUTPUT; binary 1, textual 0, either -1. ESK_DEFAULT stands for
 * the current input or output port. */
esk_port *esk_port_arg(int loc, const char *who, esk_val v, uint32_t direction, int binary);
/* A fresh port reading the given bytes, or writing to memory. */
esk_val esk_port_open_bytes(const uint8_t *bytes, size_t n, uint32_t binary);
esk_val esk_port_open_memory_output(uint32_t binary);
esk_val esk_get_output_string(int loc, esk_val port);  /* a memory output port's text so far */
void esk_port_set_data(esk_port *p, esk_val bytevector);

/* display and write onto a port. esk_write_to labels cycles (#0= #0#),
 * esk_write_shared_to labels all shared pairs and vectors, esk_write_simple_to
 * labels nothing. */
void esk_display_to(esk_port *out, esk_val v);
void esk_write_to(esk_port *out, esk_val v);
void esk_write_shared_to(esk_port *out, esk_val v);
void esk_write_simple_to(esk_port *out, esk_val v);
/* ---- owned values (esk_owned.c) --------------------------------------
 * Where the compiler's ownership check says a built-in borrows an owned
 * variable, it passes esk_owned_ref(loc, x): the value inside the cell, or
 * the error "use of consumed value". A value that is not a cell passes
 * through (a parameter may receive owned and plain arguments). */
_Noreturn esk_val esk_owned_dead(int loc, esk_val cell);
ESK_INLINE esk_val esk_owned_ref(int loc, esk_val v) {
    if (ESK_LIKELY(!ESK_HAS_TYPE(v, ESK_T_OWNED))) return v;
    if (ESK_UNLIKELY(((esk_owned *)ESK_HEAP(v))->consumed)) esk_owned_dead(loc, v);
    return ((esk_owned *)ESK_HEAP(v))->value;
}
/* A built-in that consumes its argument (close-port) gets esk_owned_take:
 * the value, with the cell marked consumed. */
esk_val esk_owned_take(int loc, esk_val v);
/* Built-ins of esk_core.def: owned, move, consume, close, and what borrow
 * and with-resource expand to. */
esk_val esk_owned_make(int loc, esk_val v);
esk_val esk_owned_move(int loc, esk_val v);
esk_val esk_owned_consume(int loc, esk_val v);
esk_val esk_owned_close(int loc, esk_val v);
esk_val esk_owned_borrow(int loc, esk_val v);
esk_val esk_with_resource(int loc, esk_val thunk, esk_val cell);


/* Appends the external representation of a number to buf (NUL-ended), at
 * most size bytes; returns the length it needs (like snprintf). */
int esk_number_to_cstring(esk_val n, int radix, char *buf, size_t size);
/* Writes a string's characters as UTF-8, raw (display) or escaped (write). */
void esk_string_print(esk_port *out, esk_val s, int escaped);
void esk_char_write(esk_port *out, uint32_t c);        /* #\a #\space #\x3bb ... */
void esk_put_utf8(esk_port *out, uint32_t c);

/* The datum reader (esk_read.c): the next datum of a textual input port,
 * ESK_EOF at its end; malformed input raises a read-error? condition. */
esk_val esk_read_datum(int loc, esk_port *in);

/* ---- equivalence and multiple values ----------------------------------- */
int esk_eqv(esk_val a, esk_val b);
int esk_equal(esk_val a, esk_val b);
int esk_num_eqv(esk_val a, esk_val b);        /* both numbers: eqv? */
int esk_string_equal(esk_val a, esk_val b);   /* both strings: same characters */
esk_val esk_eq_p(int loc, esk_val a, esk_val b);      /* the built-ins eq? eqv? equal? */
esk_val esk_eqv_p(int loc, esk_val a, esk_val b);
esk_val esk_equal_p(int loc, esk_val a, esk_val b);
esk_val esk_make_values(int n, const esk_val *items);  /* n == 1: the item itself */

/* ---- symbols --------------------------------------------------------------- */
void esk_symbol_print(esk_port *out, esk_val sym, int escaped);  /* write uses |a b| when needed */

/* ---- constants built at start-up ------------------------------------- */
esk_val esk_string_from_latin1(const char *bytes, size_t length);
esk_val esk_string_from_utf32(const uint32_t *chars, size_t length);
esk_val esk_intern(const char *utf8, size_t length);  /* a symbol */

/* ---- fixnum fast paths, inline; everything else out of line ------------ */
/* Overflow tests in plain C, for compilers without the builtins (tcc, which
 * compiles the forms of eshkolc --repl): esk_num.c. */
int esk_add_overflows(intptr_t a, intptr_t b, intptr_t *r);
int esk_sub_overflows(intptr_t a, intptr_t b, intptr_t *r);
int esk_mul_overflows(intptr_t a, intptr_t b, intptr_t *r);
#if defined(__GNUC__) || defined(__clang__)
#define ESK_ADD_OVERFLOWS(a, b, r) __builtin_add_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_SUB_OVERFLOWS(a, b, r) __builtin_sub_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_MUL_OVERFLOWS(a, b, r) __builtin_mul_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#else
#define ESK_ADD_OVERFLOWS(a, b, r) esk_add_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_SUB_OVERFLOWS(a, b, r) esk_sub_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_MUL_OVERFLOWS(a, b, r) esk_mul_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#endif

/* Generic arithmetic on any numbers (fixnum, bignum, flonum): the slow paths
 * of the inline operations below, and what the built-ins call. */
esk_val esk_num_add(int loc, esk_val a, esk_val b);
esk_val esk_num_sub(int loc, esk_val a, esk_val b);
esk_val esk_num_mul(int loc, esk_val a, esk_val b);
esk_val esk_num_div(int loc, esk_val a, esk_val b);  /* (/ a b) */
/* Comparisons: who names the procedure for type errors ("<", ">=", ...).
 * Any comparison with a NaN is false. */
int esk_num_lt(int loc, const char *who, esk_val a, esk_val b);     /* a < b */
int esk_num_le(int loc, const char *who, esk_val a, esk_val b);     /* a <= b */
int esk_num_equal(int loc, const char *who, esk_val a, esk_val b);  /* a = b */
int esk_is_number(esk_val v);

ESK_INLINE esk_val esk_add(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b)) && !ESK_ADD_OVERFLOWS(a, b, &r)) return (esk_val)r;
    return esk_num_add(loc, a, b);
}
ESK_INLINE esk_val esk_sub(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b)) && !ESK_SUB_OVERFLOWS(a, b, &r)) return (esk_val)r;
    return esk_num_sub(loc, a, b);
}
ESK_INLINE esk_val esk_mul(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b)) && !ESK_MUL_OVERFLOWS(ESK_FIXVAL(a), b, &r)) return (esk_val)r;
    return esk_num_mul(loc, a, b);
}
ESK_INLINE int esk_lt(int loc, const char *who, esk_val a, esk_val b) {
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b))) return (intptr_t)a < (intptr_t)b;
    return esk_num_lt(loc, who, a, b);
}
ESK_INLINE int esk_le(int loc, const char *who, esk_val a, esk_val b) {
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b))) return (intptr_t)a <= (intptr_t)b;
    return esk_num_le(loc, who, a, b);
}
ESK_INLINE int esk_numeq(int loc, const char *who, esk_val a, esk_val b) {
    if (ESK_LIKELY(ESK_BOTH_FIXNUM(a, b))) return a == b;
    return esk_num_equal(loc, who, a, b);
}

/* ---- text and sequences (esk_string.c, esk_char.c, esk_symbol.c, esk_vector.c) ---- */

/* Unicode character data, generated into the build tree as esk_unicode.c by
 * tools/gen_unicode.py (which explains the packing). Ranges: sorted words
 * start << 11 | (length - 1). Case runs: start | (stride == 2) << 21 |
 * (count - 1) << 22, mapping by delta. Specials: mappings to 2 or 3 code
 * points (unused slots 0). */
typedef struct esk_ucd_ranges {
    uint32_t count;
    const uint32_t *words;
} esk_ucd_ranges;
typedef struct esk_ucd_case_run {
    uint32_t packed;
    int32_t delta;
} esk_ucd_case_run;
typedef struct esk_ucd_case_map {
    uint32_t count;
    const esk_ucd_case_run *runs;
} esk_ucd_case_map;
typedef struct esk_ucd_special {
    uint32_t c;
    uint32_t to[3];
} esk_ucd_special;
typedef struct esk_ucd_specials {
    uint32_t count;
    const esk_ucd_special *items;
} esk_ucd_specials;
extern const esk_ucd_ranges esk_ucd_alphabetic, esk_ucd_white_space, esk_ucd_decimal,
    esk_ucd_uppercase_extra, esk_ucd_uppercase_except, esk_ucd_lowercase_extra,
    esk_ucd_lowercase_except, esk_ucd_cased_extra, esk_ucd_case_ignorable;
extern const esk_ucd_case_map esk_ucd_upcase, esk_ucd_downcase, esk_ucd_foldcase;
extern const esk_ucd_specials esk_ucd_full_upcase, esk_ucd_full_downcase, esk_ucd_full_foldcase;

/* Character classes and case mappings of code points (esk_char.c). The
 * simple mappings give one code point; the full ones write 1 to 3 into out
 * and return how many. */
int esk_uni_is_alphabetic(uint32_t c);
int esk_uni_is_white_space(uint32_t c);
int esk_uni_is_upper(uint32_t c);
int esk_uni_is_lower(uint32_t c);
int esk_uni_is_cased(uint32_t c);
int esk_uni_is_case_ignorable(uint32_t c);
int esk_uni_digit_value(uint32_t c);     /* 0..9 for a decimal digit (Nd), else -1 */
uint32_t esk_uni_upcase(uint32_t c);
uint32_t esk_uni_downcase(uint32_t c);
uint32_t esk_uni_foldcase(uint32_t c);
int esk_uni_full_upcase(uint32_t c, uint32_t out[3]);
int esk_uni_full_downcase(uint32_t c, uint32_t out[3]);
int esk_uni_full_foldcase(uint32_t c, uint32_t out[3]);
#define ESK_MAX_CODE_POINT 0x10FFFFu
#define ESK_IS_SCALAR_VALUE(c) ((c) <= ESK_MAX_CODE_POINT && ((c) < 0xD800u || (c) > 0xDFFFu))

/* UTF-8. encode: writes 1 to 4 bytes, returns how many. decode: the length
 * of the well-formed sequence at p (at most n bytes), or 0 when it is not
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation). */
int esk_utf8_encode(uint32_t c, unsigned char out[4]);
size_t esk_utf8_decode(const unsigned char *p, size_t n, uint32_t *c);

/* Strings from C. esk_string_alloc: length characters of the given width (1
 * or 4), all U+0000. from_utf8 replaces ill-formed bytes with U+FFFD.
 * esk_string_to_utf8_cstr: a fresh NUL-ended UTF-8 copy (length in bytes
 * stored when length is not NULL). */
esk_val esk_string_alloc(size_t length, uint32_t width);
esk_val esk_string_from_utf8(const char *utf8, size_t length);
char *esk_string_to_utf8_cstr(esk_val s, size_t *length);
void esk_string_put_char(esk_val s, size_t i, uint32_t c);  /* widens when c > 255 */
ESK_INLINE uint32_t esk_string_char_at(const esk_string *s, size_t i) {
    return s->width == 1 ? ((const uint8_t *)s->data)[i] : ((const uint32_t *)s->data)[i];
}

/* Vectors and bytevectors from C. */
esk_val esk_vector_alloc(size_t length, esk_val fill);
esk_val esk_vector_from(size_t length, const esk_val *items);
esk_val esk_bytevector_alloc(size_t length, uint8_t fill);
esk_val esk_bytevector_from(const uint8_t *bytes, size_t length);

/* Argument checks shared by the sequence procedures: an index below limit;
 * optional start and end (ESK_DEFAULT: 0 and length) with
 * 0 <= start <= end <= length; the length of a proper list (else a type
 * error: improper and circular lists alike). */
size_t esk_seq_index(int loc, const char *who, esk_val index, size_t limit, esk_val object);
void esk_seq_range(int loc, const char *who, esk_val object, size_t length, esk_val start, esk_val end,
                   size_t *from, size_t *to);
size_t esk_seq_list_length(int loc, const char *who, esk_val list);
/* A length argument (make-string, make-vector ...): an exact integer in
 * 0..ESK_SEQ_MAX_LENGTH. */
#define ESK_SEQ_MAX_LENGTH 0x7FFFFFFFu
size_t esk_seq_length_arg(int loc, const char *who, esk_val k);

/* Built-ins of esk_string.def: (scheme char). */
esk_val esk_char_p(int loc, esk_val x);
esk_val esk_char_to_integer(int loc, esk_val c);
esk_val esk_integer_to_char(int loc, esk_val n);
esk_val esk_char_eq_p(int loc, int argc, esk_val *argv);
esk_val esk_char_lt_p(int loc, int argc, esk_val *argv);
esk_val esk_char_gt_p(int loc, int argc, esk_val *argv);
esk_val esk_char_le_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ge_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ci_eq_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ci_lt_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ci_gt_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ci_le_p(int loc, int argc, esk_val *argv);
esk_val esk_char_ci_ge_p(int loc, int argc, esk_val *argv);
esk_val esk_char_alphabetic_p(int loc, esk_val c);
esk_val esk_char_numeric_p(int loc, esk_val c);
esk_val esk_char_whitespace_p(int loc, esk_val c);
esk_val esk_char_upper_case_p(int loc, esk_val c);
esk_val esk_char_lower_case_p(int loc, esk_val c);
esk_val esk_digit_value(int loc, esk_val c);
esk_val esk_char_upcase(int loc, esk_val c);
esk_val esk_char_downcase(int loc, esk_val c);
esk_val esk_char_foldcase(int loc, esk_val c);

/* Built-ins of esk_string.def: strings. */
esk_val esk_string_p(int loc, esk_val x);
esk_val esk_make_string(int loc, esk_val k, esk_val fill);
esk_val esk_string_of(int loc, int argc, esk_val *argv);  /* (string char ...) */
esk_val esk_string_length(int loc, esk_val s);
esk_val esk_string_ref(int loc, esk_val s, esk_val k);
esk_val esk_string_set_x(int loc, esk_val s, esk_val k, esk_val c);
esk_val esk_substring(int loc, esk_val s, esk_val start, esk_val end);
esk_val esk_string_append(int loc, int argc, esk_val *argv);
esk_val esk_string_copy(int loc, esk_val s, esk_val start, esk_val end);
esk_val esk_string_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end);
esk_val esk_string_fill_x(int loc, esk_val s, esk_val c, esk_val start, esk_val end);
esk_val esk_string_to_list(int loc, esk_val s, esk_val start, esk_val end);
esk_val esk_list_to_string(int loc, esk_val list);
esk_val esk_string_to_vector(int loc, esk_val s, esk_val start, esk_val end);
esk_val esk_vector_to_string(int loc, esk_val v, esk_val start, esk_val end);
esk_val esk_string_eq_p(int loc, int argc, esk_val *argv);
esk_val esk_string_lt_p(int loc, int argc, esk_val *argv);
esk_val esk_string_gt_p(int loc, int argc, esk_val *argv);
esk_val esk_string_le_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ge_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ci_eq_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ci_lt_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ci_gt_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ci_le_p(int loc, int argc, esk_val *argv);
esk_val esk_string_ci_ge_p(int loc, int argc, esk_val *argv);
esk_val esk_string_upcase(int loc, esk_val s);
esk_val esk_string_downcase(int loc, esk_val s);
esk_val esk_string_foldcase(int loc, esk_val s);
esk_val esk_string_map(int loc, int argc, esk_val *argv);
esk_val esk_string_for_each(int loc, int argc, esk_val *argv);
esk_val esk_string_to_utf8(int loc, esk_val s, esk_val start, esk_val end);
esk_val esk_utf8_to_string(int loc, esk_val bv, esk_val start, esk_val end);

/* Built-ins of esk_string.def: symbols. */
esk_val esk_symbol_p(int loc, esk_val x);
esk_val esk_symbol_to_string(int loc, esk_val sym);
esk_val esk_string_to_symbol(int loc, esk_val s);
esk_val esk_symbol_eq_p(int loc, int argc, esk_val *argv);

/* Built-ins of esk_string.def: vectors and bytevectors. */
esk_val esk_vector_p(int loc, esk_val x);
esk_val esk_make_vector(int loc, esk_val k, esk_val fill);
esk_val esk_vector_of(int loc, int argc, esk_val *argv);  /* (vector obj ...) */
esk_val esk_vector_length(int loc, esk_val v);
esk_val esk_vector_ref(int loc, esk_val v, esk_val k);
esk_val esk_vector_set_x(int loc, esk_val v, esk_val k, esk_val x);
esk_val esk_vector_to_list(int loc, esk_val v, esk_val start, esk_val end);
esk_val esk_list_to_vector(int loc, esk_val list);
esk_val esk_vector_fill_x(int loc, esk_val v, esk_val x, esk_val start, esk_val end);
esk_val esk_vector_copy(int loc, esk_val v, esk_val start, esk_val end);
esk_val esk_vector_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end);
esk_val esk_vector_append(int loc, int argc, esk_val *argv);
esk_val esk_vector_map(int loc, int argc, esk_val *argv);
esk_val esk_vector_for_each(int loc, int argc, esk_val *argv);
esk_val esk_bytevector_p(int loc, esk_val x);
esk_val esk_make_bytevector(int loc, esk_val k, esk_val fill);
esk_val esk_bytevector_of(int loc, int argc, esk_val *argv);  /* (bytevector byte ...) */
esk_val esk_bytevector_length(int loc, esk_val bv);
esk_val esk_bytevector_u8_ref(int loc, esk_val bv, esk_val k);
esk_val esk_bytevector_u8_set_x(int loc, esk_val bv, esk_val k, esk_val byte);
esk_val esk_bytevector_copy(int loc, esk_val bv, esk_val start, esk_val end);
esk_val esk_bytevector_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end);
esk_val esk_bytevector_append(int loc, int argc, esk_val *argv);

/* ---- hash tables (esk_hash.c, built-ins in esk_hash.def) ---------------- */
/* The storage of a table's slots: allocated where the table lives. */
void *esk_hash_alloc_storage(esk_hash_table *t, size_t bytes);
/* Promotion copied table t into arena to: gives it a copy of its storage
 * there (returns the bytes). The promoter then forwards the keys and values
 * of the live slots and sets stale when a key moved. */
size_t esk_hash_relocate(esk_hash_table *t, esk_arena *to);
/* The hash of a key as the table's hash kind computes it (never below
 * ESK_HASH_LIVE); may call the program's hash function. */
uint32_t esk_hash_key(int loc, const char *who, esk_hash_table *t, esk_val key);
/* The value under key, or missing when there is none. */
esk_val esk_hash_lookup(int loc, const char *who, esk_val table, esk_val key, esk_val missing);
esk_val esk_make_hash_table(int loc, esk_val equiv, esk_val hash);
esk_val esk_hash_table_p(int loc, esk_val x);
esk_val esk_hash_table_set_x(int loc, esk_val t, esk_val key, esk_val value);
esk_val esk_hash_table_ref(int loc, esk_val t, esk_val key, esk_val thunk, esk_val success);
esk_val esk_hash_table_ref_default(int loc, esk_val t, esk_val key, esk_val fallback);
esk_val esk_hash_table_update_x(int loc, esk_val t, esk_val key, esk_val proc, esk_val thunk);
esk_val esk_hash_table_update_x_default(int loc, esk_val t, esk_val key, esk_val proc, esk_val fallback);
esk_val esk_hash_table_delete_x(int loc, esk_val t, esk_val key);
esk_val esk_hash_table_exists_p(int loc, esk_val t, esk_val key);
esk_val esk_hash_table_size(int loc, esk_val t);
esk_val esk_hash_table_count(int loc, esk_val a, esk_val b);
esk_val esk_hash_table_keys(int loc, esk_val t);
esk_val esk_hash_table_values(int loc, esk_val t);
esk_val esk_hash_table_to_alist(int loc, esk_val t);
esk_val esk_hash_table_walk(int loc, esk_val t, esk_val proc);
esk_val esk_hash_table_fold(int loc, esk_val a, esk_val b, esk_val c);
esk_val esk_hash_table_copy(int loc, esk_val t, esk_val mutable_p);
esk_val esk_hash_table_clear_x(int loc, esk_val t);
esk_val esk_hash_table_merge_x(int loc, esk_val t1, esk_val t2);
esk_val esk_alist_to_hash_table(int loc, esk_val alist, esk_val equiv, esk_val hash);
esk_val esk_hash_table_equivalence_function(int loc, esk_val t);
esk_val esk_hash_table_hash_function(int loc, esk_val t);
esk_val esk_hash(int loc, esk_val obj, esk_val bound);            /* hash, equal-hash */
esk_val esk_string_hash(int loc, esk_val s, esk_val bound);
esk_val esk_string_ci_hash(int loc, esk_val s, esk_val bound);
esk_val esk_eq_hash(int loc, esk_val obj, esk_val bound);         /* eq-hash, hash-by-identity */
esk_val esk_eqv_hash(int loc, esk_val obj, esk_val bound);
/* The built-in equivalence and hash procedures as values: closures with
 * these codes are the ones make-hash-table recognises (the compiler uses
 * them for the names listed with ESK_PRIM_VALUE in esk_hash.def). */
esk_val esk_value_eq_p(esk_val self, int argc, esk_val *argv);
esk_val esk_value_eqv_p(esk_val self, int argc, esk_val *argv);
esk_val esk_value_equal_p(esk_val self, int argc, esk_val *argv);
esk_val esk_value_string_eq_p(esk_val self, int argc, esk_val *argv);
esk_val esk_value_string_ci_eq_p(esk_val self, int argc, esk_val *argv);
esk_val esk_value_hash(esk_val self, int argc, esk_val *argv);
esk_val esk_value_string_hash(esk_val self, int argc, esk_val *argv);
esk_val esk_value_string_ci_hash(esk_val self, int argc, esk_val *argv);
esk_val esk_value_eq_hash(esk_val self, int argc, esk_val *argv);
esk_val esk_value_eqv_hash(esk_val self, int argc, esk_val *argv);

/* ---- process context and time (esk_system.c) ----------------------------- */
extern int esk_main_argc;       /* main's arguments, kept by esk_main */
extern char **esk_main_argv;
esk_val esk_command_line(int loc);
esk_val esk_get_environment_variable(int loc, esk_val name);
esk_val esk_get_environment_variables(int loc);
esk_val esk_current_second(int loc);
esk_val esk_current_jiffy(int loc);
esk_val esk_jiffies_per_second(int loc);

/* ---- built-ins of esk_core.def, esk_port.def and esk_shared.def ---------
 * What generated code calls by name (the numeric, text and hash-table
 * built-ins are declared with their modules). A program built against the
 * installed library (--runtime=external) sees only this header, so every
 * function the library exports is declared here: the runtime is compiled
 * with -Werror=missing-prototypes to keep it so. Unary built-ins take
 * (int loc, esk_val x). */
/* pairs, lists, booleans (esk_list.c) */
esk_val esk_prim_cons(int loc, esk_val a, esk_val b);
esk_val esk_set_car(int loc, esk_val p, esk_val v), esk_set_cdr(int loc, esk_val p, esk_val v);
esk_val esk_caar(int, esk_val), esk_cadr(int, esk_val), esk_cdar(int, esk_val), esk_cddr(int, esk_val),
    esk_caaar(int, esk_val), esk_caadr(int, esk_val), esk_cadar(int, esk_val), esk_caddr(int, esk_val),
    esk_cdaar(int, esk_val), esk_cdadr(int, esk_val), esk_cddar(int, esk_val), esk_cdddr(int, esk_val),
    esk_caaaar(int, esk_val), esk_caaadr(int, esk_val), esk_caadar(int, esk_val), esk_caaddr(int, esk_val),
    esk_cadaar(int, esk_val), esk_cadadr(int, esk_val), esk_caddar(int, esk_val), esk_cadddr(int, esk_val),
    esk_cdaaar(int, esk_val), esk_cdaadr(int, esk_val), esk_cdadar(int, esk_val), esk_cdaddr(int, esk_val),
    esk_cddaar(int, esk_val), esk_cddadr(int, esk_val), esk_cdddar(int, esk_val), esk_cddddr(int, esk_val);
esk_val esk_pair_p(int, esk_val), esk_null_p(int, esk_val), esk_list_p(int, esk_val), esk_not(int, esk_val),
    esk_boolean_p(int, esk_val), esk_eof_object_p(int, esk_val);
esk_val esk_length(int, esk_val), esk_reverse(int, esk_val), esk_list_copy(int, esk_val), esk_reverse_x(int, esk_val);
esk_val esk_list(int loc, int argc, esk_val *argv), esk_append(int loc, int argc, esk_val *argv),
    esk_boolean_eq(int loc, int argc, esk_val *argv);
esk_val esk_make_list(int loc, esk_val k, esk_val fill);
esk_val esk_list_tail(int loc, esk_val list, esk_val k), esk_list_ref(int loc, esk_val list, esk_val k);
esk_val esk_memq(int loc, esk_val x, esk_val list), esk_memv(int loc, esk_val x, esk_val list),
    esk_assq(int loc, esk_val x, esk_val alist), esk_assv(int loc, esk_val x, esk_val alist);
esk_val esk_member(int loc, esk_val x, esk_val list, esk_val pred), esk_assoc(int loc, esk_val x, esk_val alist, esk_val pred);
esk_val esk_append_reverse_x(int loc, esk_val head, esk_val tail);
esk_val esk_eof_object(int loc);
/* control (esk_control.c) and errors (esk_error.c) */
esk_val esk_prim_values(int loc, int argc, esk_val *argv);
esk_val esk_call_with_values(int loc, esk_val producer, esk_val consumer);
esk_val esk_call_cc(int loc, esk_val proc);
esk_val esk_guard(int loc, esk_val body, esk_val select, esk_val run);
esk_val esk_dynamic_wind(int loc, esk_val before, esk_val thunk, esk_val after);
esk_val esk_prim_exit(int loc, esk_val code), esk_emergency_exit(int loc, esk_val code);
esk_val esk_procedure_p(int, esk_val);
esk_val esk_parameterize(int loc, esk_val params, esk_val values, esk_val thunk);
esk_val esk_prim_error(int loc, int argc, esk_val *argv);
esk_val esk_prim_raise(int loc, esk_val obj), esk_prim_raise_continuable(int loc, esk_val obj);
esk_val esk_with_exception_handler(int loc, esk_val handler, esk_val thunk);
esk_val esk_error_object_p(int, esk_val), esk_error_object_message(int, esk_val),
    esk_error_object_irritants(int, esk_val), esk_file_error_p(int, esk_val), esk_read_error_p(int, esk_val);
/* records and promises (esk_record.c) */
esk_val esk_make_record_type(int loc, esk_val name, esk_val fields);
esk_val esk_make_record(int loc, int argc, esk_val *argv);
esk_val esk_record_p(int loc, esk_val obj, esk_val type);
esk_val esk_record_ref(int loc, esk_val obj, esk_val type, esk_val index, esk_val who);
esk_val esk_record_set(int loc, esk_val obj, esk_val type, esk_val index, esk_val value, esk_val who);
esk_val esk_make_lazy(int loc, esk_val thunk), esk_make_promise(int, esk_val), esk_promise_p(int, esk_val),
    esk_force(int, esk_val);
/* explicit arenas (esk_arena.c) */
esk_val esk_make_arena(int loc, esk_val size), esk_arena_p(int, esk_val), esk_destroy_arena(int loc, esk_val arena);
esk_val esk_arena_alloc(int loc, esk_val arena, esk_val n), esk_copy_to_arena(int loc, esk_val value, esk_val arena);
/* shared values (esk_shared.c) */
esk_val esk_prim_shared(int loc, esk_val value, esk_val destructor);
esk_val esk_prim_weak_ref(int, esk_val), esk_prim_strong_ref(int, esk_val), esk_prim_ref_count(int, esk_val),
    esk_prim_shared_value(int, esk_val), esk_prim_shared_p(int, esk_val), esk_prim_weak_ref_p(int, esk_val);
/* ports (esk_port.c) and printing (esk_print.c); port ESK_DEFAULT: the current one */
esk_val esk_port_parameter(int loc, esk_val which);
esk_val esk_port_p(int, esk_val), esk_input_port_p(int, esk_val), esk_output_port_p(int, esk_val),
    esk_textual_port_p(int, esk_val), esk_binary_port_p(int, esk_val), esk_input_port_open_p(int, esk_val),
    esk_output_port_open_p(int, esk_val);
esk_val esk_open_input_file(int loc, esk_val name), esk_open_output_file(int loc, esk_val name),
    esk_open_binary_input_file(int loc, esk_val name), esk_open_binary_output_file(int loc, esk_val name),
    esk_file_exists_p(int loc, esk_val name), esk_delete_file(int loc, esk_val name);
esk_val esk_open_file(int loc, esk_val name, esk_val mode);
esk_val esk_open_input_string(int loc, esk_val s), esk_open_input_bytevector(int loc, esk_val bv);
esk_val esk_open_output_string(int loc), esk_open_output_bytevector(int loc);
esk_val esk_get_output_string(int loc, esk_val port), esk_get_output_bytevector(int loc, esk_val port),
    esk_close_port(int loc, esk_val port), esk_close_input_port(int loc, esk_val port),
    esk_close_output_port(int loc, esk_val port), esk_flush_output_port(int loc, esk_val port);
esk_val esk_read_char(int loc, esk_val port), esk_peek_char(int loc, esk_val port),
    esk_char_ready_p(int loc, esk_val port), esk_read_line(int loc, esk_val port),
    esk_read_all(int loc, esk_val port), esk_read(int loc, esk_val port), esk_read_u8(int loc, esk_val port),
    esk_peek_u8(int loc, esk_val port), esk_u8_ready_p(int loc, esk_val port);
esk_val esk_read_string(int loc, esk_val k, esk_val port), esk_read_bytevector(int loc, esk_val k, esk_val port);
esk_val esk_read_bytevector_x(int loc, esk_val bv, esk_val port, esk_val start, esk_val end);
esk_val esk_newline(int loc, esk_val port), esk_write_char(int loc, esk_val c, esk_val port),
    esk_write_u8(int loc, esk_val byte, esk_val port);
esk_val esk_write_string(int loc, esk_val s, esk_val port, esk_val start, esk_val end),
    esk_write_bytevector(int loc, esk_val bv, esk_val port, esk_val start, esk_val end);
esk_val esk_display(int loc, esk_val v, esk_val port), esk_write(int loc, esk_val v, esk_val port),
    esk_write_shared(int loc, esk_val v, esk_val port), esk_write_simple(int loc, esk_val v, esk_val port);

/* ---- numbers (esk_num.c, esk_bignum.c, esk_flonum.c) ---- */

/* The numeric tower: fixnum < bignum < ratnum (exact) and flonum (inexact).
 * Every exact result is normalised, so eqv? and = on exact numbers compare
 * representations: a bignum never holds a fixnum's value, and a ratnum is
 * an exact non-integer num/den in lowest terms with den > 1 (num and den
 * are fixnums or bignums). A compnum (esk_complex.c) is a complex number
 * with a nonzero imaginary part: two exact reals or two flonums. */
typedef struct esk_ratnum {
    esk_header h;       /* type ESK_T_RATNUM; size: unused */
    esk_val num;
    esk_val den;
} esk_ratnum;
#define ESK_RATNUM(v) ((esk_ratnum *)ESK_HEAP(v))
#define ESK_BIGNUM(v) ((esk_bignum *)ESK_HEAP(v))
#define ESK_IS_FLONUM(v) ESK_HAS_TYPE(v, ESK_T_FLONUM)
#define ESK_IS_BIGNUM(v) ESK_HAS_TYPE(v, ESK_T_BIGNUM)
#define ESK_IS_RATNUM(v) ESK_HAS_TYPE(v, ESK_T_RATNUM)
#define ESK_IS_EXACT_INTEGER(v) (ESK_IS_FIXNUM(v) || ESK_IS_BIGNUM(v))
typedef struct esk_compnum {
    esk_header h;       /* type ESK_T_COMPNUM; size: unused */
    esk_val re;         /* both exact, or both flonums; */
    esk_val im;         /* exact im is never 0 (the number is re then) */
} esk_compnum;
#define ESK_COMPNUM(v) ((esk_compnum *)ESK_HEAP(v))
#define ESK_IS_COMPNUM(v) ESK_HAS_TYPE(v, ESK_T_COMPNUM)

/* Exact integers (esk_bignum.c): every esk_val argument is a fixnum or a
 * bignum, every result is normalised. */
esk_val esk_big_from_i64(int64_t n);
esk_val esk_big_from_u64(uint64_t magnitude, int negative);
int esk_big_sign(esk_val a);                    /* -1, 0 or 1 */
int esk_big_cmp(esk_val a, esk_val b);          /* -1, 0 or 1 */
int esk_big_is_odd(esk_val a);
int esk_big_to_i64(esk_val a, int64_t *out);    /* 0 when it does not fit */
esk_val esk_big_neg(esk_val a);
esk_val esk_big_abs(esk_val a);
esk_val esk_big_add(esk_val a, esk_val b);
esk_val esk_big_sub(esk_val a, esk_val b);
esk_val esk_big_mul(esk_val a, esk_val b);
/* Truncating division, b nonzero: a = q*b + r, r has a's sign. Either
 * output may be NULL. */
void esk_big_divmod(esk_val a, esk_val b, esk_val *q, esk_val *r);
esk_val esk_big_gcd(esk_val a, esk_val b);      /* >= 0 */
esk_val esk_big_pow(esk_val base, uint64_t e);
esk_val esk_big_shift(esk_val a, int64_t k);    /* a * 2^k, floor for k < 0 */
uint64_t esk_big_bit_length(esk_val a);         /* bits of |a|; 0 for 0 */
/* floor(sqrt(a)) for a >= 0; *rem (if not NULL) gets a - root^2. */
esk_val esk_big_isqrt(esk_val a, esk_val *rem);
/* The integer k-th root when a (>= 0) is a perfect k-th power, else
 * ESK_FALSE. */
esk_val esk_big_exact_root(esk_val a, uint64_t k);
double esk_big_to_double(esk_val a);            /* correctly rounded */
double esk_big_ratio_to_double(esk_val n, esk_val d);  /* n/d rounded; d > 0 */
esk_val esk_big_from_double(double d);          /* d integral and finite */
/* Digits in radix 2..36 (lowercase), '-' first when negative; returns the
 * length needed, like snprintf. */
int esk_big_to_cstring(esk_val a, int radix, char *buf, size_t size);
/* The value of n valid digits in radix 2..36 (no sign). */
esk_val esk_big_parse(const char *digits, size_t n, int radix);

/* Flonums (esk_flonum.c): IEEE double arithmetic done without libm.
 * Rounding is by bit manipulation, sqrt is correctly rounded, and the
 * transcendental functions use double-double evaluation (error < 1 ulp). */
double esk_flo_floor(double x);
double esk_flo_ceil(double x);
double esk_flo_trunc(double x);
double esk_flo_round(double x);                 /* halfway cases to even */
double esk_flo_sqrt(double x);
double esk_flo_exp(double x);
double esk_flo_log(double x);
double esk_flo_log_scaled(double x, int64_t k);  /* log(x * 2^k), for x > 0 */
double esk_flo_pow(double x, double y);
double esk_flo_sin(double x);
double esk_flo_cos(double x);
double esk_flo_tan(double x);
double esk_flo_asin(double x);
double esk_flo_acos(double x);
double esk_flo_atan(double x);
double esk_flo_atan2(double y, double x);
double esk_flo_ldexp(double x, int64_t n);      /* x * 2^n, correctly rounded */
/* The double nearest (ties to even) to magnitude * 2^exp2, plus something
 * below the last bit when sticky; negated when negative. */
double esk_flo_make(int negative, uint64_t magnitude, int64_t exp2, int sticky);
/* x = *mantissa * 2^*exp2 exactly, for finite nonzero x (mantissa < 2^53). */
void esk_flo_decompose(double x, uint64_t *mantissa, int *exp2);
int esk_flo_is_integer(double x);               /* finite and integral */
/* Shortest text that reads back: 100.0 0.1 -0.0 1e21 1.5e-7 +inf.0 +nan.0
 * (returns the length needed, like snprintf). */
int esk_flo_to_cstring(double x, char *buf, size_t size);

/* Generic arithmetic helpers (esk_num.c). */
double esk_num_to_double(esk_val n);            /* any real number */
esk_val esk_num_make_ratio(int loc, esk_val n, esk_val d);  /* normalises; d != 0 */
/* string->number on C text: the number, or ESK_FALSE. */
esk_val esk_num_parse(const char *text, size_t length, int radix);

/* Complex numbers (esk_complex.c): the generic operations' slow paths. */
esk_val esk_cpx_make(esk_val re, esk_val im);   /* reals in; normalised */
esk_val esk_cpx_add(int loc, esk_val a, esk_val b, int subtract);
esk_val esk_cpx_mul(int loc, esk_val a, esk_val b);
esk_val esk_cpx_div(int loc, esk_val a, esk_val b);  /* b not exact 0 */
int esk_cpx_equal(int loc, esk_val a, esk_val b);
int esk_cpx_eqv(esk_val a, esk_val b);              /* both compnums */
esk_val esk_cpx_sqrt(int loc, esk_val z);           /* complex, or a negative real */
esk_val esk_cpx_exp(int loc, esk_val z);
esk_val esk_cpx_log(int loc, esk_val z);            /* complex, or a negative real */
esk_val esk_cpx_sin(int loc, esk_val z);
esk_val esk_cpx_cos(int loc, esk_val z);
esk_val esk_cpx_tan(int loc, esk_val z);
esk_val esk_cpx_asin(int loc, esk_val z);
esk_val esk_cpx_acos(int loc, esk_val z);
esk_val esk_cpx_atan(int loc, esk_val z);
esk_val esk_cpx_expt(int loc, esk_val z1, esk_val z2);
int esk_cpx_to_cstring(esk_val z, int radix, char *buf, size_t size);
esk_val esk_make_rectangular(int loc, esk_val x1, esk_val x2);
esk_val esk_make_polar(int loc, esk_val x3, esk_val x4);
esk_val esk_real_part(int loc, esk_val z);
esk_val esk_imag_part(int loc, esk_val z);
esk_val esk_magnitude(int loc, esk_val z);
esk_val esk_angle(int loc, esk_val z);

/* Built-ins of esk_num.def. */
esk_val esk_number_p(int loc, esk_val x);
esk_val esk_complex_p(int loc, esk_val x);
esk_val esk_real_p(int loc, esk_val x);
esk_val esk_rational_p(int loc, esk_val x);
esk_val esk_integer_p(int loc, esk_val x);
esk_val esk_exact_p(int loc, esk_val z);
esk_val esk_inexact_p(int loc, esk_val z);
esk_val esk_exact_integer_p(int loc, esk_val x);
esk_val esk_exact_rational_p(int loc, esk_val x);
esk_val esk_nan_p(int loc, esk_val x);
esk_val esk_infinite_p(int loc, esk_val x);
esk_val esk_finite_p(int loc, esk_val x);
esk_val esk_zero_p(int loc, esk_val z);
esk_val esk_positive_p(int loc, esk_val x);
esk_val esk_negative_p(int loc, esk_val x);
esk_val esk_odd_p(int loc, esk_val n);
esk_val esk_even_p(int loc, esk_val n);
esk_val esk_max(int loc, int argc, esk_val *argv);
esk_val esk_min(int loc, int argc, esk_val *argv);
esk_val esk_abs(int loc, esk_val x);
esk_val esk_quotient(int loc, esk_val n1, esk_val n2);
esk_val esk_remainder(int loc, esk_val n1, esk_val n2);
esk_val esk_modulo(int loc, esk_val n1, esk_val n2);
esk_val esk_floor_slash(int loc, esk_val n1, esk_val n2);      /* floor/ */
esk_val esk_truncate_slash(int loc, esk_val n1, esk_val n2);   /* truncate/ */
esk_val esk_floor_quotient(int loc, esk_val n1, esk_val n2);
esk_val esk_floor_remainder(int loc, esk_val n1, esk_val n2);
esk_val esk_truncate_quotient(int loc, esk_val n1, esk_val n2);
esk_val esk_truncate_remainder(int loc, esk_val n1, esk_val n2);
esk_val esk_gcd(int loc, int argc, esk_val *argv);
esk_val esk_lcm(int loc, int argc, esk_val *argv);
esk_val esk_numerator(int loc, esk_val q);
esk_val esk_denominator(int loc, esk_val q);
esk_val esk_floor(int loc, esk_val x);
esk_val esk_ceiling(int loc, esk_val x);
esk_val esk_round(int loc, esk_val x);
esk_val esk_truncate(int loc, esk_val x);
esk_val esk_exact(int loc, esk_val z);
esk_val esk_inexact(int loc, esk_val z);
esk_val esk_square(int loc, esk_val z);
esk_val esk_sqrt(int loc, esk_val z);
esk_val esk_exact_integer_sqrt(int loc, esk_val k);
esk_val esk_expt(int loc, esk_val z1, esk_val z2);
esk_val esk_exp(int loc, esk_val z);
esk_val esk_log(int loc, esk_val z1, esk_val z2);
esk_val esk_sin(int loc, esk_val z);
esk_val esk_cos(int loc, esk_val z);
esk_val esk_tan(int loc, esk_val z);
esk_val esk_asin(int loc, esk_val z);
esk_val esk_acos(int loc, esk_val z);
esk_val esk_atan(int loc, esk_val z1, esk_val z2);
esk_val esk_number_to_string(int loc, esk_val z, esk_val radix);
esk_val esk_string_to_number(int loc, esk_val s, esk_val radix);

/* ---- flonums in C doubles ------------------------------------------------
 * The compiler keeps values it proves are flonums in C doubles
 * (compiler/represent.cpp) and open-codes their arithmetic. These helpers
 * are the cases where one operand is still an esk_val: a flonum or fixnum
 * inline, anything else out of line, with the generic operations' results
 * and errors (R7RS contagion: an exact operand converts to the nearest
 * double, except that exact 0 is the identity of + and (- 0 x) is (- x)). */
double esk_flo_num_slow(int loc, const char *who, esk_val x);  /* a non-fixnum number as a double; type error otherwise */
int esk_flo_compare_slow(int loc, const char *who, double a, esk_val x);  /* x not a flonum */
_Noreturn void esk_flo_not_flonum(int loc, esk_val x);

ESK_INLINE double esk_flo_num(int loc, const char *who, esk_val x) {
    if (ESK_LIKELY(ESK_IS_FLONUM(x))) return ESK_FLONUM(x);
    if (ESK_IS_FIXNUM(x)) return (double)ESK_FIXVAL(x);
    return esk_flo_num_slow(loc, who, x);
}
/* (+ a x) and (+ x a): addition of doubles commutes. */
ESK_INLINE double esk_flo_add_dv(int loc, double a, esk_val x) {
    return x == ESK_FIX(0) ? a : a + esk_flo_num(loc, "+", x);
}
ESK_INLINE double esk_flo_sub_dv(int loc, double a, esk_val x) { return a - esk_flo_num(loc, "-", x); }
ESK_INLINE double esk_flo_sub_vd(int loc, esk_val x, double b) {
    return x == ESK_FIX(0) ? -b : esk_flo_num(loc, "-", x) - b;
}
ESK_INLINE double esk_flo_mul_dv(int loc, double a, esk_val x) { return a * esk_flo_num(loc, "*", x); }
ESK_INLINE double esk_flo_div_dv(int loc, double a, esk_val x) {
    double b = esk_flo_num(loc, "/", x);
    if (ESK_UNLIKELY(x == ESK_FIX(0))) esk_error(loc, "/: division by zero", ESK_UNSPECIFIED);
    return a / b;
}
ESK_INLINE double esk_flo_div_vd(int loc, esk_val x, double b) { return esk_flo_num(loc, "/", x) / b; }

/* a against any number x: -1, 0, 1, or 2 when unordered (a NaN). Exact
 * numbers compare exactly, not through a rounded double. */
ESK_INLINE int esk_flo_cmp(int loc, const char *who, double a, esk_val x) {
    double b;
    if (ESK_LIKELY(ESK_IS_FLONUM(x))) b = ESK_FLONUM(x);
    else if (ESK_IS_FIXNUM(x) && ESK_FIXVAL(x) < ((intptr_t)1 << 53) && ESK_FIXVAL(x) > -((intptr_t)1 << 53))
        b = (double)ESK_FIXVAL(x);
    else return esk_flo_compare_slow(loc, who, a, x);
    return a < b ? -1 : a > b ? 1 : a == b ? 0 : 2;
}
ESK_INLINE int esk_flo_lt_dv(int loc, const char *who, double a, esk_val x) { return esk_flo_cmp(loc, who, a, x) == -1; }
ESK_INLINE int esk_flo_gt_dv(int loc, const char *who, double a, esk_val x) { return esk_flo_cmp(loc, who, a, x) == 1; }
ESK_INLINE int esk_flo_le_dv(int loc, const char *who, double a, esk_val x) {
    int c = esk_flo_cmp(loc, who, a, x);
    return c == -1 || c == 0;
}
ESK_INLINE int esk_flo_ge_dv(int loc, const char *who, double a, esk_val x) {
    int c = esk_flo_cmp(loc, who, a, x);
    return c == 1 || c == 0;
}
ESK_INLINE int esk_flo_eq_dv(int loc, const char *who, double a, esk_val x) { return esk_flo_cmp(loc, who, a, x) == 0; }

ESK_INLINE double esk_flo_sqrt_of(int loc, double a) {
    if (ESK_UNLIKELY(a < 0)) esk_error(loc, "sqrt: a negative number reached flonum code (an eshkol bug)", esk_make_flonum(a)); /* represent.cpp proves a >= 0 */
    return esk_flo_sqrt(a);
}
ESK_INLINE double esk_flo_abs_value(double a) {
    union { double d; uint64_t u; } bits;
    bits.d = a;
    bits.u &= ~((uint64_t)1 << 63);
    return bits.d;
}
/* A flonum argument of a procedure whose parameter is a double. */
ESK_INLINE double esk_flo_unbox(int loc, esk_val x) {
    if (ESK_UNLIKELY(!ESK_IS_FLONUM(x))) esk_flo_not_flonum(loc, x);
    return ESK_FLONUM(x);
}

/* ---- open-coded built-ins: the fast path inline, the rest out of line ----
 * The compiler (compiler/emit_prim.cpp) calls these instead of the runtime's
 * functions of the same names without the _i. */
ESK_INLINE esk_val esk_vector_ref_i(int loc, esk_val v, esk_val k) {
    if (ESK_LIKELY(ESK_HAS_TYPE(v, ESK_T_VECTOR) && ESK_FIX_INDEX(k) < ESK_VECTOR(v)->h.size))
        return ESK_VECTOR(v)->items[ESK_FIX_INDEX(k)];
    return esk_vector_ref(loc, v, k);
}
ESK_INLINE esk_val esk_vector_set_i(int loc, esk_val v, esk_val k, esk_val x) {
    if (ESK_LIKELY(ESK_HAS_TYPE(v, ESK_T_VECTOR) && ESK_FIX_INDEX(k) < ESK_VECTOR(v)->h.size)) {
        ESK_STORE(ESK_VECTOR(v), &ESK_VECTOR(v)->items[ESK_FIX_INDEX(k)], x);
        return ESK_UNSPECIFIED;
    }
    return esk_vector_set_x(loc, v, k, x);
}
ESK_INLINE esk_val esk_vector_length_i(int loc, esk_val v) {
    if (ESK_LIKELY(ESK_HAS_TYPE(v, ESK_T_VECTOR))) return ESK_FIX(ESK_VECTOR(v)->h.size);
    return esk_vector_length(loc, v);
}
ESK_INLINE esk_val esk_string_ref_i(int loc, esk_val s, esk_val k) {
    if (ESK_LIKELY(ESK_HAS_TYPE(s, ESK_T_STRING) && ESK_IS_FIXNUM(k) && (uintptr_t)ESK_FIXVAL(k) < ESK_STRING(s)->length))
        return ESK_CHAR(ESK_STRING(s)->width == 1 ? ((const uint8_t *)ESK_STRING(s)->data)[ESK_FIXVAL(k)]
                                                 : ((const uint32_t *)ESK_STRING(s)->data)[ESK_FIXVAL(k)]);
    return esk_string_ref(loc, s, k);
}
ESK_INLINE esk_val esk_string_length_i(int loc, esk_val s) {
    if (ESK_LIKELY(ESK_HAS_TYPE(s, ESK_T_STRING))) return ESK_FIX(ESK_STRING(s)->length);
    return esk_string_length(loc, s);
}
ESK_INLINE esk_val esk_char_to_integer_i(int loc, esk_val c) {
    return ESK_LIKELY(ESK_IS_CHAR(c)) ? ESK_FIX(ESK_CHARVAL(c)) : esk_char_to_integer(loc, c);
}
ESK_INLINE esk_val esk_bytevector_u8_ref_i(int loc, esk_val b, esk_val k) {
    if (ESK_LIKELY(ESK_HAS_TYPE(b, ESK_T_BYTEVECTOR) && ESK_FIX_INDEX(k) < ESK_BYTEVECTOR(b)->h.size))
        return ESK_FIX(ESK_BYTEVECTOR(b)->data[ESK_FIX_INDEX(k)]);
    return esk_bytevector_u8_ref(loc, b, k);
}
ESK_INLINE esk_val esk_bytevector_u8_set_i(int loc, esk_val b, esk_val k, esk_val x) {
    if (ESK_LIKELY(ESK_HAS_TYPE(b, ESK_T_BYTEVECTOR) && ESK_FIX_INDEX(k) < ESK_BYTEVECTOR(b)->h.size && ESK_FIX_INDEX(x) < 256)) {
        ESK_BYTEVECTOR(b)->data[ESK_FIX_INDEX(k)] = (uint8_t)ESK_FIX_INDEX(x);
        return ESK_UNSPECIFIED;
    }
    return esk_bytevector_u8_set_x(loc, b, k, x);
}
/* Integer division of fixnums; the divisor 0 and the one overflow
 * (most negative / -1) go the slow way. */
#define ESK_DIV_FAST(a, b) (ESK_BOTH_FIXNUM(a, b) && (b) != ESK_FIX(0) && (b) != ESK_FIX(-1))
ESK_INLINE esk_val esk_quotient_i(int loc, esk_val a, esk_val b) {
    return ESK_LIKELY(ESK_DIV_FAST(a, b)) ? ESK_FIX(ESK_FIXVAL(a) / ESK_FIXVAL(b)) : esk_quotient(loc, a, b);
}
ESK_INLINE esk_val esk_remainder_i(int loc, esk_val a, esk_val b) {
    return ESK_LIKELY(ESK_DIV_FAST(a, b)) ? ESK_FIX(ESK_FIXVAL(a) % ESK_FIXVAL(b)) : esk_remainder(loc, a, b);
}
ESK_INLINE esk_val esk_modulo_i(int loc, esk_val a, esk_val b) {
    if (ESK_LIKELY(ESK_DIV_FAST(a, b))) {
        intptr_t m = ESK_FIXVAL(a) % ESK_FIXVAL(b);
        if (m != 0 && ((m < 0) != (ESK_FIXVAL(b) < 0))) m += ESK_FIXVAL(b);
        return ESK_FIX(m);
    }
    return esk_modulo(loc, a, b);
}

/* ---- the C interface (esk_ffi.c) -------------------------------------------
 * What define-c-procedure, define-c-callback and define-c-export emit calls
 * to; docs/ffi.md describes the Scheme side. */
typedef void (*esk_ffi_fn)(void);   /* any C function pointer, cast back before a call */
typedef struct esk_pointer {
    esk_header h;        /* type ESK_T_POINTER */
    void *address;       /* a data pointer, never NULL (NULL is #f) */
    esk_ffi_fn function; /* or a callback's C function (address NULL then) */
    const char *tag;     /* (pointer NAME): NAME; a callback: its signature; else NULL */
} esk_pointer;
esk_val esk_ffi_pointer(void *address, const char *tag);     /* NULL gives #f */
esk_val esk_ffi_function_pointer(esk_ffi_fn function, const char *signature);
void *esk_ffi_pointer_arg(int loc, const char *who, esk_val v, const char *tag);  /* tag NULL: any */
esk_ffi_fn esk_ffi_function_arg(int loc, const char *who, esk_val v, const char *signature);
/* v as a C integer type named ctype (for the message) within [min, max] */
long long esk_ffi_integer(int loc, const char *who, const char *ctype, esk_val v, long long min, long long max);
unsigned long long esk_ffi_unsigned(int loc, const char *who, const char *ctype, esk_val v, unsigned long long max);
double esk_ffi_double(int loc, const char *who, esk_val v);
char esk_ffi_char(int loc, const char *who, esk_val v);
size_t esk_ffi_mark(void);                                   /* before a call's string arguments */
void esk_ffi_release(size_t mark);                           /* after the call: frees their copies */
const char *esk_ffi_string(int loc, const char *who, esk_val v);  /* a UTF-8 copy until release */
uint8_t *esk_ffi_bytes(int loc, const char *who, esk_val v);
esk_val esk_ffi_from_string(const char *s);                  /* a fresh string; NULL gives #f */
esk_val esk_ffi_from_integer(long long n);
esk_val esk_ffi_from_unsigned(unsigned long long n);
esk_val esk_ffi_call(int loc, esk_val proc, int argc, esk_val *argv);
char *esk_ffi_string_copy(int loc, const char *who, esk_val v);   /* malloc'd: an export's string result */
esk_val esk_ffi_not_a_value(int loc, int argc, esk_val *argv);
/* An export's run: an unhandled error goes to eshkol_set_error_handler's
 * handler (if one is set) and longjmps back to the export. */
typedef struct esk_ffi_frame {
    jmp_buf jump;
    struct esk_ffi_frame *outer;
    esk_val handlers;
    size_t copies;
} esk_ffi_frame;
void esk_ffi_enter(esk_ffi_frame *f);
void esk_ffi_leave(esk_ffi_frame *f);
/* Called with the message of an error nobody handles, before it is printed
 * and the program exits; it may longjmp away instead. */
extern void (*esk_uncaught_hook)(const char *message);
typedef void (*eshkol_error_handler)(const char *message, void *data);
void eshkol_set_error_handler(eshkol_error_handler handler, void *data);  /* --no-main programs define it */
void esk_ffi_set_error_handler(eshkol_error_handler handler, void *data);
/* --no-main: sets up the run-time state and runs the program's top level. */
void esk_main_init(int argc, char **argv);
/* Built-ins of esk_ffi.def. */
esk_val esk_pointer_p(int loc, esk_val x);
esk_val esk_pointer_null_p(int loc, esk_val p);
esk_val esk_pointer_to_integer(int loc, esk_val p);
esk_val esk_pointer_ref(int loc, esk_val p, esk_val k, esk_val name);
esk_val esk_pointer_to_string(int loc, esk_val p);
esk_val esk_pointer_u8_ref(int loc, esk_val p, esk_val k);
esk_val esk_pointer_s32_ref(int loc, esk_val p, esk_val k);
esk_val esk_pointer_s64_ref(int loc, esk_val p, esk_val k);
esk_val esk_pointer_f64_ref(int loc, esk_val p, esk_val k);
esk_val esk_pointer_set(int loc, esk_val p, esk_val k, esk_val q);
esk_val esk_pointer_u8_set(int loc, esk_val p, esk_val k, esk_val x);
esk_val esk_pointer_s32_set(int loc, esk_val p, esk_val k, esk_val x);
esk_val esk_pointer_s64_set(int loc, esk_val p, esk_val k, esk_val x);
esk_val esk_pointer_f64_set(int loc, esk_val p, esk_val k, esk_val x);


/* ---- eval (esk_eval.c) ------------------------------------------------------
 * A program that names eval or an environment procedure registers the
 * table of every binding eval may see (the compiler writes it). */
typedef struct esk_eval_binding {
    const char *name;
    esk_val *value;
    int standard;      /* 1: of the standard libraries; 0: the program's own global */
} esk_eval_binding;
void esk_eval_register(const esk_eval_binding *table, size_t count);
esk_val esk_prim_eval(int loc, esk_val expr, esk_val env);
esk_val esk_prim_environment(int loc, int argc, esk_val *argv);
esk_val esk_interaction_environment(int loc);
esk_val esk_scheme_report_environment(int loc, esk_val version);
esk_val esk_null_environment(int loc, esk_val version);

/* ---- the interactive session (eshkolc --repl; esk_repl.c) ----------------
 * Each form the session compiles names the session's globals through cells
 * that outlive it, registers its source locations under one session-wide
 * numbering, and runs in a region of its own (the scratch arena): what the
 * form keeps -- defined values, stores into older objects -- is promoted
 * out by the store check as the region ends; the rest goes with it. */
void esk_report_error(int loc, esk_val obj);      /* prints "Error: ..." and "  at ..." without exiting */
typedef esk_val *esk_cell;                        /* a form's handle on a session global */
esk_val *esk_repl_cell(const char *name);         /* the session's one cell for a global */
esk_val *esk_repl_global(const char *name);       /* by its plain name (eval), or NULL */
extern esk_val *(*esk_eval_session_global)(const char *name); /* esk_repl_global in a session */
void esk_repl_locs(const esk_loc *table, int base, int count); /* table[1..count-1] are ids base.. */
void esk_repl_start(void *stack_top, size_t stack_bytes); /* on the session's thread, near its top */
/* Runs a form's body in the scratch region, then prints the value(s) it
 * stored in *value as write does (nothing for an unspecified value). An
 * error nobody handles is printed instead and the session goes on.
 * Returns 1 when the body ran to its end. */
int esk_repl_run(void (*body)(void), esk_val *value);

#endif /* ESHKOL_H */
