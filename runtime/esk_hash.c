/* esk_hash.c - hash tables (SRFI 69 names): open addressing, growth, the eq/eqv/equal/string hash functions. */
#include "eshkol.h"

#include <string.h>

/* ---- storage -----------------------------------------------------------------
 * A table's slots live in one block: capacity slots, then capacity hashes,
 * in the table's own arena, so the table and its block live and die
 * together (a table of the root region that grows inside a with-region
 * keeps its block in the root region). */
void *esk_hash_alloc_storage(esk_hash_table *t, size_t bytes) {
    esk_arena *home = esk_arena_of(t);
    return esk_alloc_buffer_in(home ? home : esk_cur_arena, bytes, ESK_T_RAW);
}

/* The block the table used before it grew or was cleared. An arena frees
 * only as a whole, so this forgets it; the store check may still patch its
 * slots when a region exits, which is harmless while the arena lives. */
static void esk_hash_release_storage(esk_hash_table *t, void *block, size_t bytes) {
    (void)t;
    (void)block;
    (void)bytes;
}

#define ESK_HASH_MIN_CAPACITY 8u
#define ESK_HASH_MAX_CAPACITY ((size_t)1 << 31)
#define ESK_HASH_EMPTY 0u
#define ESK_HASH_DELETED 1u
/* How many nodes of a pair or vector structure equal-hash looks at: bounded
 * work on deep and circular structure. */
#define ESK_HASH_EQUAL_BUDGET 64
/* The bound passed to a program's hash function that takes two arguments. */
#define ESK_HASH_USER_BOUND ((intptr_t)1 << 30)

static size_t esk_hash_block_bytes(size_t capacity) {
    return capacity * (sizeof(esk_hash_slot) + sizeof(uint32_t));
}

static void esk_hash_set_block(esk_hash_table *t, unsigned char *block, size_t capacity) {
    t->slots = (esk_hash_slot *)block;
    t->hashes = (uint32_t *)(block + capacity * sizeof(esk_hash_slot));
    t->capacity = capacity;
#ifndef ESK_NO_GC
    esk_gc_write_object(t);  /* an old table's new block is young: the barrier */
#endif
}

/* Gives t empty storage of capacity slots (a power of two). */
static void esk_hash_new_storage(esk_hash_table *t, size_t capacity) {
    esk_hash_set_block(t, esk_hash_alloc_storage(t, esk_hash_block_bytes(capacity)), capacity);
    memset(t->hashes, 0, capacity * sizeof(uint32_t));
    t->used = 0;
}

size_t esk_hash_relocate(esk_hash_table *t, esk_arena *to) {
    size_t bytes = esk_hash_block_bytes(t->capacity);
    unsigned char *block;
    t->rehash_on = NULL;
    if (!t->slots) return 0;
    block = esk_alloc_buffer_in(to, bytes, ESK_T_RAW);
    memcpy(block, t->slots, bytes);
    esk_hash_set_block(t, block, t->capacity);
    return bytes;
}

/* ---- hash functions ----------------------------------------------------------
 * Each kind hashes to 64 bits; esk_hash_final mixes that into the 32 bits a
 * table stores. Everything eq? hashes by its word, except symbols, which
 * carry a hash of their name (so the order of a table of symbols does not
 * depend on addresses). */
static uint64_t esk_hash_mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9u;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBu;
    x ^= x >> 31;
    return x;
}

static uint64_t esk_hash_combine(uint64_t h, uint64_t x) { return esk_hash_mix(h + 0x9E3779B97F4A7C15u + x); }

static uint32_t esk_hash_public(uint64_t raw) { return (uint32_t)(esk_hash_mix(raw) >> 32); }

static uint32_t esk_hash_final(uint64_t raw) {
    uint32_t h = esk_hash_public(raw);
    return h < ESK_HASH_LIVE ? h + ESK_HASH_LIVE : h;
}

static uint64_t esk_hash_eq_word(esk_val v) {
    if (ESK_HAS_TYPE(v, ESK_T_SYMBOL)) return 0x5359u ^ ((uint64_t)ESK_SYMBOL(v)->hash << 16);
    return (uint64_t)v;
}

/* eqv? tells numbers apart by value: flonums by their bits (every NaN is
 * eqv? to every other), bignums by limbs, ratios by both parts. */
static uint64_t esk_hash_eqv_word(esk_val v) {
    if (!ESK_IS_HEAP(v)) return (uint64_t)v;
    switch (ESK_HEAP(v)->type) {
    case ESK_T_FLONUM: {
        double d = ESK_FLONUM(v);
        uint64_t bits;
        if (d != d) return 0x7FF8DEADu;
        memcpy(&bits, &d, sizeof bits);
        return esk_hash_combine(0xF10u, bits);
    }
    case ESK_T_BIGNUM: {
        const esk_bignum *b = ESK_BIGNUM(v);
        uint64_t h = b->negative ? 0xB16u : 0xB17u;
        uint32_t i;
        for (i = 0; i < b->h.size; ++i) h = esk_hash_combine(h, b->limbs[i]);
        return h;
    }
    case ESK_T_RATNUM:
        return esk_hash_combine(esk_hash_eqv_word(ESK_RATNUM(v)->num), esk_hash_eqv_word(ESK_RATNUM(v)->den));
    case ESK_T_COMPNUM:
        return esk_hash_combine(esk_hash_eqv_word(ESK_COMPNUM(v)->re), esk_hash_eqv_word(ESK_COMPNUM(v)->im) ^ 0xC0u);
    default: return esk_hash_eq_word(v);
    }
}

/* FNV-1a over code points, so a string hashes the same whatever its width. */
static uint64_t esk_hash_string_chars(const esk_string *s) {
    uint64_t h = 0xCBF29CE484222325u;
    size_t i;
    if (s->width == 1) {
        const uint8_t *p = s->data;
        for (i = 0; i < s->length; ++i) h = (h ^ p[i]) * 0x100000001B3u;
    } else {
        const uint32_t *p = s->data;
        for (i = 0; i < s->length; ++i) h = (h ^ p[i]) * 0x100000001B3u;
    }
    return h;
}

/* Over the full case folding, as string-ci=? compares ("Straße" and
 * "STRASSE" hash alike). */
static uint64_t esk_hash_string_ci_chars(const esk_string *s) {
    uint64_t h = 0xCBF29CE484222325u;
    size_t i;
    for (i = 0; i < s->length; ++i) {
        uint32_t folded[3];
        int n = esk_uni_full_foldcase(esk_string_char_at(s, i), folded), j;
        for (j = 0; j < n; ++j) h = (h ^ folded[j]) * 0x100000001B3u;
    }
    return h;
}

static uint64_t esk_hash_bytes(const esk_bytevector *b) {
    uint64_t h = 0x84222325CBF29CE4u;
    size_t i;
    for (i = 0; i < b->length; ++i) h = (h ^ b->bytes[i]) * 0x100000001B3u;
    return h;
}

/* equal? compares structure: pairs and vectors by their elements, strings
 * and bytevectors by contents, everything else as eqv?. Only the first
 * ESK_HASH_EQUAL_BUDGET nodes count, visited in an order that depends on
 * the structure alone, so equal? values hash alike and cycles end. */
static uint64_t esk_hash_equal_walk(esk_val v, int *budget) {
    if (--*budget < 0) return 0xC07u;
    if (ESK_IS_PAIR(v)) {
        uint64_t h = esk_hash_combine(0x9A1Bu, esk_hash_equal_walk(ESK_CAR(v), budget));
        return esk_hash_combine(h, esk_hash_equal_walk(ESK_CDR(v), budget));
    }
    if (!ESK_IS_HEAP(v)) return (uint64_t)v;
    switch (ESK_HEAP(v)->type) {
    case ESK_T_VECTOR: {
        const esk_vector *vec = ESK_VECTOR(v);
        uint64_t h = esk_hash_combine(0xFEC7u, vec->h.size);
        uint32_t i;
        for (i = 0; i < vec->h.size && *budget > 0; ++i) h = esk_hash_combine(h, esk_hash_equal_walk(vec->items[i], budget));
        return h;
    }
    case ESK_T_STRING: return esk_hash_string_chars(ESK_STRING(v));
    case ESK_T_BYTEVECTOR: return esk_hash_bytes(ESK_BYTEVECTOR(v));
    default: return esk_hash_eqv_word(v);
    }
}

static uint64_t esk_hash_equal_raw(esk_val v) {
    int budget = ESK_HASH_EQUAL_BUDGET;
    return esk_hash_equal_walk(v, &budget);
}

static const esk_string *esk_hash_string_arg(int loc, const char *who, esk_val s) {
    if (!ESK_HAS_TYPE(s, ESK_T_STRING)) esk_type_error(loc, who, "a string", s);
    return ESK_STRING(s);
}

/* A hash function of the program's: its result must be an exact
 * non-negative integer. It is called with the key alone when it takes one
 * argument, else with the key and a bound, as SRFI 69 allows. */
static uint64_t esk_hash_call_user(int loc, const char *who, esk_val fn, esk_val key) {
    esk_closure *c = ESK_CLOSURE(fn);
    int one = c->variadic ? c->arity <= 1 : c->arity == 1;
    esk_val r = one ? esk_call1(loc, fn, key) : esk_call2(loc, fn, key, ESK_FIX(ESK_HASH_USER_BOUND));
    if (!(ESK_IS_FIXNUM(r) && ESK_FIXVAL(r) >= 0) && !(ESK_IS_BIGNUM(r) && !ESK_BIGNUM(r)->negative)) {
        char message[160];
        snprintf(message, sizeof message, "%s: the hash function must return an exact non-negative integer, got", who);
        esk_raise_error(loc, message, esk_cons(r, ESK_NIL));
    }
    return esk_hash_eqv_word(r);
}

static uint64_t esk_hash_raw(int loc, const char *who, const esk_hash_table *t, esk_val key) {
    switch ((esk_hash_kind)t->hash_kind) {
    case ESK_HASH_EQ: return esk_hash_eq_word(key);
    case ESK_HASH_EQV: return esk_hash_eqv_word(key);
    case ESK_HASH_EQUAL: return esk_hash_equal_raw(key);
    case ESK_HASH_STRING: return esk_hash_string_chars(esk_hash_string_arg(loc, who, key));
    case ESK_HASH_STRING_CI: return esk_hash_string_ci_chars(esk_hash_string_arg(loc, who, key));
    case ESK_HASH_CUSTOM: break;
    }
    return esk_hash_call_user(loc, who, t->hash, key);
}

static uint32_t esk_hash_key_slow(int loc, const char *who, esk_hash_table *t, esk_val key) {
    /* keys are compared as they are: a shared value is a key of its own */
    if ((t->equiv_kind == ESK_HASH_STRING || t->equiv_kind == ESK_HASH_STRING_CI) && !ESK_HAS_TYPE(key, ESK_T_STRING))
        esk_type_error(loc, who, "a string key", key);
    return esk_hash_final(esk_hash_raw(loc, who, t, key));
}

/* Every built-in kind hashes a fixnum by its word: that case inline. */
#define ESK_HASH_KEY(loc, who, t, key)                                                                     \
    (ESK_IS_FIXNUM(key) && (t)->hash_kind <= ESK_HASH_EQUAL ? esk_hash_final((uint64_t)(key))            \
                                                             : esk_hash_key_slow((loc), (who), (t), (key)))

uint32_t esk_hash_key(int loc, const char *who, esk_hash_table *t, esk_val key) { return ESK_HASH_KEY(loc, who, t, key); }

/* ---- finding keys --------------------------------------------------------- */
static int esk_hash_same(int loc, esk_hash_table *t, esk_val a, esk_val b) {
    esk_val pair[2];
    switch ((esk_hash_kind)t->equiv_kind) {
    case ESK_HASH_EQ: return 0;
    case ESK_HASH_EQV: return esk_eqv(a, b);
    case ESK_HASH_EQUAL: return (ESK_IS_PAIR(a) || ESK_IS_HEAP(a)) && esk_equal(a, b);
    case ESK_HASH_STRING: return esk_string_equal(a, b);
    case ESK_HASH_STRING_CI:
        pair[0] = a;
        pair[1] = b;
        return esk_string_ci_eq_p(loc, 2, pair) != ESK_FALSE;
    case ESK_HASH_CUSTOM: break;
    }
    return esk_call2(loc, t->equiv, a, b) != ESK_FALSE;
}

/* The slot holding key (whose hash is h), or -1. The program's equivalence
 * procedure may run here; if it replaces the table's storage, the probe
 * cannot go on. */
static intptr_t esk_hash_find(int loc, const char *who, esk_hash_table *t, esk_val key, uint32_t h) {
    esk_hash_slot *storage = t->slots;
    size_t mask, i;
    if (t->capacity == 0) return -1;
    mask = t->capacity - 1;
    for (i = h & mask;; i = (i + 1) & mask) {
        uint32_t stored = t->hashes[i];
        if (stored == ESK_HASH_EMPTY) return -1;
        if (stored != h) continue;
        if (t->slots[i].key == key) return (intptr_t)i;
        if (esk_hash_same(loc, t, t->slots[i].key, key)) {
            if (t->slots != storage) break;
            return (intptr_t)i;
        }
        if (t->slots != storage) break;
    }
    {
        char message[128];
        snprintf(message, sizeof message, "%s: the equivalence procedure changed the table", who);
        esk_raise_error(loc, message, ESK_NIL);
    }
}

/* Adds an association for a key known to be absent: the first deleted or
 * empty slot of its probe sequence. */
static void esk_hash_insert_new(esk_hash_table *t, esk_val key, esk_val value, uint32_t h) {
    size_t mask = t->capacity - 1, i;
    for (i = h & mask; t->hashes[i] >= ESK_HASH_LIVE; i = (i + 1) & mask) {
    }
    if (t->hashes[i] == ESK_HASH_EMPTY) t->used++;
    t->hashes[i] = h;
    ESK_STORE(t, &t->slots[i].key, key);
    ESK_STORE(t, &t->slots[i].value, value);
    /* A table in an explicit arena gets a copy of a region's key at once. */
    if (ESK_UNLIKELY(t->slots[i].key != key)) t->stale = 1;
    t->count++;
}

/* New storage for count + 1 associations at most half full; the deleted
 * slots go. Stored hashes are reused: no hash function runs. */
static void esk_hash_resize(int loc, const char *who, esk_hash_table *t) {
    esk_hash_slot *old_slots = t->slots;
    uint32_t *old_hashes = t->hashes;
    size_t old_capacity = t->capacity, capacity = ESK_HASH_MIN_CAPACITY, i;
    while (capacity < 2 * (t->count + 1)) {
        if (capacity >= ESK_HASH_MAX_CAPACITY) {
            char message[128];
            snprintf(message, sizeof message, "%s: hash table too large", who);
            esk_raise_error(loc, message, ESK_NIL);
        }
        capacity *= 2;
    }
    esk_hash_new_storage(t, capacity);
    t->count = 0;
    for (i = 0; i < old_capacity; ++i)
        if (old_hashes[i] >= ESK_HASH_LIVE) esk_hash_insert_new(t, old_slots[i].key, old_slots[i].value, old_hashes[i]);
    if (old_slots) esk_hash_release_storage(t, old_slots, esk_hash_block_bytes(old_capacity));
}

/* ---- keys that move --------------------------------------------------------------
 * A region's exit moves the objects of the region that older ones keep
 * (promotion). A key hashed by its address (eq? hashing of a pair, a
 * string, a record ...) then has another hash: the table is marked stale
 * when the key's region exits, and rehashes itself before its next use. */

/* Whether key's hash, as t computes it, depends on addresses: eq-hashing
 * of objects other than symbols (which never move), and the parts of a key
 * equal-hash looks at that it hashes by identity. */
static int esk_hash_by_address(int kind, esk_val key, int *budget) {
    if ((key & 3u) != 1u) return 0;
    if (ESK_IS_PAIR(key)) {
        if (kind != ESK_HASH_EQUAL) return 1;
        if (--*budget < 0) return 0;
        return esk_hash_by_address(kind, ESK_CAR(key), budget) || esk_hash_by_address(kind, ESK_CDR(key), budget);
    }
    switch (ESK_HEAP(key)->type) {
    case ESK_T_SYMBOL: return 0;
    case ESK_T_FLONUM: case ESK_T_BIGNUM: case ESK_T_RATNUM: case ESK_T_COMPNUM: return kind == ESK_HASH_EQ;
    case ESK_T_STRING: case ESK_T_BYTEVECTOR: return kind != ESK_HASH_EQUAL && kind < ESK_HASH_STRING;
    case ESK_T_VECTOR:
        if (kind != ESK_HASH_EQUAL) return 1;
        if (--*budget < 0) return 0;
        for (uint32_t i = 0; i < ESK_HEAP(key)->size && *budget > 0; ++i)
            if (esk_hash_by_address(kind, ESK_VECTOR(key)->items[i], budget)) return 1;
        return 0;
    default: return kind != ESK_HASH_STRING && kind != ESK_HASH_STRING_CI;
    }
}

static void esk_hash_mark_stale(void *table) {
    esk_hash_table *t = table;
    esk_arena *home = esk_arena_of(t);
    if (home && home->kind == ESK_ARENA_DESTROYED) return;
    t->stale = 1;
    t->rehash_on = NULL;
}

/* After storing key into t inside a region: a key younger than the table
 * will move when its region exits, which matters when it is hashed by its
 * address (a program's hash function may do that too). */
static void esk_hash_watch(esk_hash_table *t, esk_val key) {
    esk_arena *ka = esk_arena_of_val(key), *ta;
    int budget = ESK_HASH_EQUAL_BUDGET;
    if (!ka || ka->kind != ESK_ARENA_REGION || !ka->region || ka->region == t->rehash_on) return;
    ta = esk_arena_of(t);
    if (ta && ta->kind == ESK_ARENA_REGION && ta->depth >= ka->depth) return;
    if (t->hash_kind != ESK_HASH_CUSTOM && !esk_hash_by_address(t->hash_kind, key, &budget)) return;
    t->rehash_on = ka->region;
    esk_region_at_free(ka->region, esk_hash_mark_stale, t);
}

/* Every live key hashed again, into a fresh block of the same size. */
static void esk_hash_rehash(int loc, const char *who, esk_hash_table *t) {
    esk_hash_slot *old_slots = t->slots;
    uint32_t *old_hashes = t->hashes;
    size_t capacity = t->capacity, i;
    t->stale = 0;
    esk_hash_new_storage(t, capacity);
    t->count = 0;
    for (i = 0; i < capacity; ++i) {
        esk_hash_slot *fresh = t->slots;
        uint32_t h;
        if (old_hashes[i] < ESK_HASH_LIVE) continue;
        h = ESK_HASH_KEY(loc, who, t, old_slots[i].key);
        if (t->slots != fresh) {  /* the program's hash function changed the table */
            char message[128];
            snprintf(message, sizeof message, "%s: the hash function changed the table", who);
            esk_raise_error(loc, message, ESK_NIL);
        }
        esk_hash_insert_new(t, old_slots[i].key, old_slots[i].value, h);
    }
    esk_hash_release_storage(t, old_slots, esk_hash_block_bytes(capacity));
}

/* ---- the table object --------------------------------------------------------- */
static esk_hash_table *esk_hash_arg(int loc, const char *who, esk_val table) {
    esk_hash_table *t;
    if (ESK_UNLIKELY(ESK_REFUSE(table, !ESK_HAS_TYPE(table, ESK_T_HASH_TABLE)))) esk_type_error(loc, who, "a hash table", table);
    t = ESK_HASH_TABLE(table);
    if (ESK_UNLIKELY(t->stale)) esk_hash_rehash(loc, who, t);
    return t;
}

static void esk_hash_proc_arg(int loc, const char *who, esk_val f) {
    if (ESK_UNLIKELY(ESK_REFUSE(f, !ESK_HAS_TYPE(f, ESK_T_CLOSURE)))) esk_type_error(loc, who, "a procedure", f);
}

static esk_hash_kind esk_hash_equiv_kind(esk_val f) {
    esk_code code = ESK_CLOSURE(f)->code;
    if (code == esk_value_eq_p) return ESK_HASH_EQ;
    if (code == esk_value_eqv_p) return ESK_HASH_EQV;
    if (code == esk_value_equal_p) return ESK_HASH_EQUAL;
    if (code == esk_value_string_eq_p) return ESK_HASH_STRING;
    if (code == esk_value_string_ci_eq_p) return ESK_HASH_STRING_CI;
    return ESK_HASH_CUSTOM;
}

static esk_hash_kind esk_hash_function_kind(esk_val f) {
    esk_code code = ESK_CLOSURE(f)->code;
    if (code == esk_value_eq_hash) return ESK_HASH_EQ;
    if (code == esk_value_eqv_hash) return ESK_HASH_EQV;
    if (code == esk_value_hash) return ESK_HASH_EQUAL;
    if (code == esk_value_string_hash) return ESK_HASH_STRING;
    if (code == esk_value_string_ci_hash) return ESK_HASH_STRING_CI;
    return ESK_HASH_CUSTOM;
}

static esk_hash_table *esk_hash_new(void) {
    esk_hash_table *t = esk_alloc_obj(ESK_T_HASH_TABLE, 0, sizeof(esk_hash_table));
    t->h.type = ESK_T_HASH_TABLE;
    t->h.size = 0;
    t->equiv_kind = ESK_HASH_EQUAL;
    t->hash_kind = ESK_HASH_EQUAL;
    t->count = t->used = t->capacity = 0;
    t->slots = NULL;
    t->hashes = NULL;
    t->stale = 0;
    t->equiv = ESK_FALSE;
    t->hash = ESK_FALSE;
    t->rehash_on = NULL;
    return t;
}

/* Equivalence procedure and hash function (both optional): a hash function
 * defaults to the one that goes with the equivalence, and to equal-hash for
 * a procedure of the program's (SRFI 69: right for any predicate finer than
 * equal?; coarser ones need their own). */
static esk_hash_table *esk_hash_make(int loc, const char *who, esk_val equiv, esk_val hash) {
    esk_hash_table *t = esk_hash_new();
    if (equiv != ESK_DEFAULT) {
        esk_hash_proc_arg(loc, who, equiv);
        t->equiv = equiv;
        t->equiv_kind = (uint8_t)esk_hash_equiv_kind(equiv);
        t->hash_kind = t->equiv_kind == ESK_HASH_CUSTOM ? ESK_HASH_EQUAL : t->equiv_kind;
    }
    if (hash != ESK_DEFAULT) {
        esk_hash_proc_arg(loc, who, hash);
        t->hash = hash;
        t->hash_kind = (uint8_t)esk_hash_function_kind(hash);
    }
    return t;
}

esk_val esk_make_hash_table(int loc, esk_val equiv, esk_val hash) {
    return ESK_FROM_HEAP(esk_hash_make(loc, "make-hash-table", equiv, hash));
}

esk_val esk_hash_table_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_HASH_TABLE));
}

/* ---- lookups and updates --------------------------------------------------------- */
static void esk_hash_put(int loc, const char *who, esk_hash_table *t, esk_val key, esk_val value) {
    uint32_t h;
    intptr_t i;
    if (ESK_UNLIKELY(esk_shared_note_hook != NULL)) {  /* the table's region holds shared keys and values */
        if (ESK_IS_SHARED(key)) esk_shared_note_hook(ESK_FROM_HEAP(t), key);
        if (ESK_IS_SHARED(value)) esk_shared_note_hook(ESK_FROM_HEAP(t), value);
    }
    if (ESK_UNLIKELY(t->stale)) esk_hash_rehash(loc, who, t);
    h = ESK_HASH_KEY(loc, who, t, key);
    i = esk_hash_find(loc, who, t, key, h);
    if (i >= 0) {
        ESK_STORE(t, &t->slots[i].value, value);
        return;
    }
    if ((t->used + 1) * 4 > t->capacity * 3) esk_hash_resize(loc, who, t);
    esk_hash_insert_new(t, key, value, h);
    if (ESK_UNLIKELY(esk_region_depth > 1)) esk_hash_watch(t, key);
}

esk_val esk_hash_lookup(int loc, const char *who, esk_val table, esk_val key, esk_val missing) {
    esk_hash_table *t = esk_hash_arg(loc, who, table);
    intptr_t i = esk_hash_find(loc, who, t, key, ESK_HASH_KEY(loc, who, t, key));
    return i >= 0 ? t->slots[i].value : missing;
}

esk_val esk_hash_table_set_x(int loc, esk_val t, esk_val key, esk_val value) {
    esk_hash_put(loc, "hash-table-set!", esk_hash_arg(loc, "hash-table-set!", t), key, value);
    return ESK_UNSPECIFIED;
}

static _Noreturn void esk_hash_missing(int loc, const char *who, esk_val key) {
    char message[128];
    snprintf(message, sizeof message, "%s: key not found:", who);
    esk_raise_error(loc, message, esk_cons(key, ESK_NIL));
}

/* (hash-table-ref table key [failure-thunk [success]]) */
esk_val esk_hash_table_ref(int loc, esk_val t, esk_val key, esk_val thunk, esk_val success) {
    /* ESK_TAIL_CALL is never a value, so it can mark "no association". */
    esk_val v = esk_hash_lookup(loc, "hash-table-ref", t, key, ESK_TAIL_CALL);
    if (v == ESK_TAIL_CALL) {
        if (thunk == ESK_DEFAULT) esk_hash_missing(loc, "hash-table-ref", key);
        return esk_call0(loc, thunk);
    }
    return success == ESK_DEFAULT ? v : esk_call1(loc, success, v);
}

esk_val esk_hash_table_ref_default(int loc, esk_val t, esk_val key, esk_val fallback) {
    return esk_hash_lookup(loc, "hash-table-ref/default", t, key, fallback);
}

/* The lookup and the store are separate: proc may change the table. */
esk_val esk_hash_table_update_x(int loc, esk_val t, esk_val key, esk_val proc, esk_val thunk) {
    const char *who = "hash-table-update!";
    esk_val v = esk_hash_lookup(loc, who, t, key, ESK_TAIL_CALL);
    esk_hash_proc_arg(loc, who, proc);
    if (v == ESK_TAIL_CALL) {
        if (thunk == ESK_DEFAULT) esk_hash_missing(loc, who, key);
        v = esk_call0(loc, thunk);
    }
    esk_hash_put(loc, who, ESK_HASH_TABLE(t), key, esk_call1(loc, proc, v));
    return ESK_UNSPECIFIED;
}

esk_val esk_hash_table_update_x_default(int loc, esk_val t, esk_val key, esk_val proc, esk_val fallback) {
    const char *who = "hash-table-update!/default";
    esk_val v = esk_hash_lookup(loc, who, t, key, fallback);
    esk_hash_proc_arg(loc, who, proc);
    esk_hash_put(loc, who, ESK_HASH_TABLE(t), key, esk_call1(loc, proc, v));
    return ESK_UNSPECIFIED;
}

esk_val esk_hash_table_delete_x(int loc, esk_val table, esk_val key) {
    const char *who = "hash-table-delete!";
    esk_hash_table *t = esk_hash_arg(loc, who, table);
    intptr_t i = esk_hash_find(loc, who, t, key, ESK_HASH_KEY(loc, who, t, key));
    if (i >= 0) {
        t->hashes[i] = ESK_HASH_DELETED;
        t->slots[i].key = t->slots[i].value = ESK_FALSE; /* keeps nothing alive */
        t->count--;
    }
    return ESK_UNSPECIFIED;
}

esk_val esk_hash_table_exists_p(int loc, esk_val t, esk_val key) {
    return ESK_BOOL(esk_hash_lookup(loc, "hash-table-exists?", t, key, ESK_TAIL_CALL) != ESK_TAIL_CALL);
}

esk_val esk_hash_table_size(int loc, esk_val t) {
    return ESK_FIX((intptr_t)esk_hash_arg(loc, "hash-table-size", t)->count);
}

esk_val esk_hash_table_clear_x(int loc, esk_val table) {
    esk_hash_table *t = esk_hash_arg(loc, "hash-table-clear!", table);
    if (t->slots) esk_hash_release_storage(t, t->slots, esk_hash_block_bytes(t->capacity));
    t->slots = NULL;
    t->hashes = NULL;
    t->count = t->used = t->capacity = 0;
    return ESK_UNSPECIFIED;
}

/* ---- whole tables ------------------------------------------------------------------
 * Iteration works on a snapshot of the associations taken when it starts,
 * so the procedure it calls may change the table as it likes: it sees every
 * association that was there at the start, with the value it had then. */
static esk_val *esk_hash_snapshot(esk_hash_table *t, size_t *n) {
    esk_val *items = esk_alloc_raw((t->count ? t->count : 1) * 2 * sizeof(esk_val));
    size_t i, k = 0;
    for (i = 0; i < t->capacity; ++i)
        if (t->hashes[i] >= ESK_HASH_LIVE) {
            items[k++] = t->slots[i].key;
            items[k++] = t->slots[i].value;
        }
    *n = k / 2;
    return items;
}

/* what: 0 keys, 1 values, 2 (key . value) pairs. */
static esk_val esk_hash_list(int loc, const char *who, esk_val table, int what) {
    esk_hash_table *t = esk_hash_arg(loc, who, table);
    esk_val list = ESK_NIL;
    size_t i;
    for (i = t->capacity; i-- > 0;) {
        if (t->hashes[i] < ESK_HASH_LIVE) continue;
        list = esk_cons(what == 0   ? t->slots[i].key
                        : what == 1 ? t->slots[i].value
                                    : esk_cons(t->slots[i].key, t->slots[i].value),
                        list);
    }
    return list;
}

esk_val esk_hash_table_keys(int loc, esk_val t) { return esk_hash_list(loc, "hash-table-keys", t, 0); }
esk_val esk_hash_table_values(int loc, esk_val t) { return esk_hash_list(loc, "hash-table-values", t, 1); }
esk_val esk_hash_table_to_alist(int loc, esk_val t) { return esk_hash_list(loc, "hash-table->alist", t, 2); }

esk_val esk_hash_table_walk(int loc, esk_val table, esk_val proc) {
    esk_hash_table *t = esk_hash_arg(loc, "hash-table-walk", table);
    size_t n, i;
    esk_val *items;
    esk_hash_proc_arg(loc, "hash-table-walk", proc);
    items = esk_hash_snapshot(t, &n);
    for (i = 0; i < n; ++i) esk_call2(loc, proc, items[2 * i], items[2 * i + 1]);
    return ESK_UNSPECIFIED;
}

static esk_val esk_hash_fold(int loc, esk_hash_table *t, esk_val kons, esk_val acc) {
    size_t n, i;
    esk_val *items = esk_hash_snapshot(t, &n);
    for (i = 0; i < n; ++i) {
        esk_val args[3];
        args[0] = items[2 * i];
        args[1] = items[2 * i + 1];
        args[2] = acc;
        acc = esk_apply_proc(loc, kons, 3, args);
    }
    return acc;
}

/* (hash-table-fold table kons knil) as in SRFI 69, or (hash-table-fold kons
 * knil table) as in SRFI 125; kons takes (key value accumulator). */
esk_val esk_hash_table_fold(int loc, esk_val a, esk_val b, esk_val c) {
    const char *who = "hash-table-fold";
    a = esk_see_through(a), c = esk_see_through(c);
    if (!ESK_HAS_TYPE(a, ESK_T_HASH_TABLE) && ESK_HAS_TYPE(c, ESK_T_HASH_TABLE)) {
        esk_hash_proc_arg(loc, who, a);
        return esk_hash_fold(loc, ESK_HASH_TABLE(c), a, b);
    }
    esk_hash_table *t = esk_hash_arg(loc, who, a);
    esk_hash_proc_arg(loc, who, b);
    return esk_hash_fold(loc, t, b, c);
}

/* (hash-table-count table): the size. (hash-table-count pred table), as
 * in SRFI 125: how many associations satisfy (pred key value). */
esk_val esk_hash_table_count(int loc, esk_val a, esk_val b) {
    const char *who = "hash-table-count";
    esk_hash_table *t;
    size_t n, i, count = 0;
    esk_val *items;
    if (b == ESK_DEFAULT) return ESK_FIX((intptr_t)esk_hash_arg(loc, who, a)->count);
    esk_hash_proc_arg(loc, who, a);
    t = esk_hash_arg(loc, who, b);
    items = esk_hash_snapshot(t, &n);
    for (i = 0; i < n; ++i)
        if (esk_call2(loc, a, items[2 * i], items[2 * i + 1]) != ESK_FALSE) ++count;
    return ESK_FIX((intptr_t)count);
}

/* (hash-table-copy table [mutable?]): every table here is mutable. */
esk_val esk_hash_table_copy(int loc, esk_val table, esk_val mutable_p) {
    esk_hash_table *t = esk_hash_arg(loc, "hash-table-copy", table), *copy = esk_hash_new();
    (void)mutable_p;
    copy->equiv_kind = t->equiv_kind;
    copy->hash_kind = t->hash_kind;
    copy->equiv = t->equiv;
    copy->hash = t->hash;
    copy->stale = t->stale;
    if (t->capacity) {
        esk_hash_new_storage(copy, t->capacity);
        memcpy(copy->slots, t->slots, t->capacity * sizeof(esk_hash_slot));
        memcpy(copy->hashes, t->hashes, t->capacity * sizeof(uint32_t));
        copy->used = t->used;
        copy->count = t->count;
    }
    return ESK_FROM_HEAP(copy);
}

/* (hash-table-merge! t1 t2): t2's associations into t1 (t2's values win). */
esk_val esk_hash_table_merge_x(int loc, esk_val t1, esk_val t2) {
    const char *who = "hash-table-merge!";
    esk_hash_table *into = esk_hash_arg(loc, who, t1);
    size_t n, i;
    esk_val *items = esk_hash_snapshot(esk_hash_arg(loc, who, t2), &n);
    for (i = 0; i < n; ++i) esk_hash_put(loc, who, into, items[2 * i], items[2 * i + 1]);
    return t1;
}

/* (alist->hash-table alist [equiv [hash]]): the first association of a key
 * wins, as in SRFI 69. */
esk_val esk_alist_to_hash_table(int loc, esk_val alist, esk_val equiv, esk_val hash) {
    const char *who = "alist->hash-table";
    esk_hash_table *t;
    esk_val l;
    esk_seq_list_length(loc, who, alist = esk_see_through(alist));
    t = esk_hash_make(loc, who, equiv, hash);
    for (l = alist; ESK_IS_PAIR(l); l = ESK_CDR(l)) {
        esk_val entry = ESK_CAR(l);
        uint32_t h;
        if (!ESK_IS_PAIR(entry)) esk_type_error(loc, who, "a list of pairs", alist);
        h = ESK_HASH_KEY(loc, who, t, ESK_CAR(entry));
        if (esk_hash_find(loc, who, t, ESK_CAR(entry), h) >= 0) continue;
        if ((t->used + 1) * 4 > t->capacity * 3) esk_hash_resize(loc, who, t);
        esk_hash_insert_new(t, ESK_CAR(entry), ESK_CDR(entry), h);
    }
    return ESK_FROM_HEAP(t);
}

/* ---- the procedures a table was made with ------------------------------------------ */
esk_val esk_hash_table_equivalence_function(int loc, esk_val table) {
    esk_hash_table *t = esk_hash_arg(loc, "hash-table-equivalence-function", table);
    if (t->equiv != ESK_FALSE) return t->equiv;
    return esk_make_closure(esk_value_equal_p, 2, 0, "equal?", 0);
}

esk_val esk_hash_table_hash_function(int loc, esk_val table) {
    esk_hash_table *t = esk_hash_arg(loc, "hash-table-hash-function", table);
    if (t->hash != ESK_FALSE) return t->hash;
    switch ((esk_hash_kind)t->hash_kind) {
    case ESK_HASH_EQ: return esk_make_closure(esk_value_eq_hash, 1, 1, "eq-hash", 0);
    case ESK_HASH_EQV: return esk_make_closure(esk_value_eqv_hash, 1, 1, "eqv-hash", 0);
    case ESK_HASH_STRING: return esk_make_closure(esk_value_string_hash, 1, 1, "string-hash", 0);
    case ESK_HASH_STRING_CI: return esk_make_closure(esk_value_string_ci_hash, 1, 1, "string-ci-hash", 0);
    case ESK_HASH_EQUAL: case ESK_HASH_CUSTOM: break;
    }
    return esk_make_closure(esk_value_hash, 1, 1, "hash", 0);
}

/* ---- hash functions as procedures: (hash obj [bound]) ------------------------------ */
static esk_val esk_hash_bounded(int loc, const char *who, uint64_t raw, esk_val bound) {
    uint32_t h = esk_hash_public(raw);
    if (bound == ESK_DEFAULT || ESK_IS_BIGNUM(bound)) {
        if (ESK_UNLIKELY(ESK_REFUSE(bound, ESK_IS_BIGNUM(bound) && ESK_BIGNUM(bound)->negative))) esk_type_error(loc, who, "a positive integer bound", bound);
        return ESK_FIX((intptr_t)h);
    }
    if (ESK_UNLIKELY(ESK_REFUSE(bound, !ESK_IS_FIXNUM(bound) || ESK_FIXVAL(bound) <= 0))) esk_type_error(loc, who, "a positive integer bound", bound);
    return ESK_FIX((intptr_t)(h % (uint64_t)ESK_FIXVAL(bound)));
}

esk_val esk_hash(int loc, esk_val obj, esk_val bound) {
    return esk_hash_bounded(loc, "hash", esk_hash_equal_raw(obj), bound);
}

esk_val esk_string_hash(int loc, esk_val s, esk_val bound) {
    return esk_hash_bounded(loc, "string-hash", esk_hash_string_chars(esk_hash_string_arg(loc, "string-hash", s)), bound);
}

esk_val esk_string_ci_hash(int loc, esk_val s, esk_val bound) {
    const esk_string *str = esk_hash_string_arg(loc, "string-ci-hash", s);
    return esk_hash_bounded(loc, "string-ci-hash", esk_hash_string_ci_chars(str), bound);
}

esk_val esk_eq_hash(int loc, esk_val obj, esk_val bound) {
    return esk_hash_bounded(loc, "eq-hash", esk_hash_eq_word(obj), bound);
}

esk_val esk_eqv_hash(int loc, esk_val obj, esk_val bound) {
    return esk_hash_bounded(loc, "eqv-hash", esk_hash_eqv_word(obj), bound);
}

/* ---- the built-in procedures as values ---------------------------------------------
 * The compiler makes closures of these codes for the names esk_hash.def
 * lists with ESK_PRIM_VALUE; make-hash-table knows them by their code. The
 * caller checked the argument count against the minimum (esk_check_call). */
#define ESK_HASH_AT_MOST(n)                                               \
    do {                                                                  \
        if (argc > (n)) esk_arity_error(esk_call_loc, self, argc);        \
    } while (0)

esk_val esk_value_eq_p(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    return esk_eq_p(esk_call_loc, argv[0], argv[1]);
}

esk_val esk_value_eqv_p(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    return esk_eqv_p(esk_call_loc, argv[0], argv[1]);
}

esk_val esk_value_equal_p(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    return esk_equal_p(esk_call_loc, argv[0], argv[1]);
}

esk_val esk_value_string_eq_p(esk_val self, int argc, esk_val *argv) {
    (void)self;
    return esk_string_eq_p(esk_call_loc, argc, argv);
}

esk_val esk_value_string_ci_eq_p(esk_val self, int argc, esk_val *argv) {
    (void)self;
    return esk_string_ci_eq_p(esk_call_loc, argc, argv);
}

esk_val esk_value_hash(esk_val self, int argc, esk_val *argv) {
    ESK_HASH_AT_MOST(2);
    return esk_hash(esk_call_loc, argv[0], argc > 1 ? argv[1] : ESK_DEFAULT);
}

esk_val esk_value_string_hash(esk_val self, int argc, esk_val *argv) {
    ESK_HASH_AT_MOST(2);
    return esk_string_hash(esk_call_loc, argv[0], argc > 1 ? argv[1] : ESK_DEFAULT);
}

esk_val esk_value_string_ci_hash(esk_val self, int argc, esk_val *argv) {
    ESK_HASH_AT_MOST(2);
    return esk_string_ci_hash(esk_call_loc, argv[0], argc > 1 ? argv[1] : ESK_DEFAULT);
}

esk_val esk_value_eq_hash(esk_val self, int argc, esk_val *argv) {
    ESK_HASH_AT_MOST(2);
    return esk_eq_hash(esk_call_loc, argv[0], argc > 1 ? argv[1] : ESK_DEFAULT);
}

esk_val esk_value_eqv_hash(esk_val self, int argc, esk_val *argv) {
    ESK_HASH_AT_MOST(2);
    return esk_eqv_hash(esk_call_loc, argv[0], argc > 1 ? argv[1] : ESK_DEFAULT);
}

#undef ESK_HASH_AT_MOST
#undef ESK_HASH_KEY
#undef ESK_HASH_MIN_CAPACITY
#undef ESK_HASH_MAX_CAPACITY
#undef ESK_HASH_EMPTY
#undef ESK_HASH_DELETED
#undef ESK_HASH_EQUAL_BUDGET
#undef ESK_HASH_USER_BOUND
