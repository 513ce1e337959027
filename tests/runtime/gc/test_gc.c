/* test_gc.c - the root region's collector (runtime/esk_gc.c), driven from C.
 *
 * Each test builds structures in the root region, makes some of them
 * reachable only in one way (a global, a stack word pointing inside an
 * object, a region's object, a shared value's payload, a register across
 * allocations), collects, then churns garbage so that anything wrongly
 * freed is overwritten, and checks every kept object value by value. The
 * sweep writes a free-run header over the first word of whatever it frees,
 * so a wrongly freed pair or vector is caught even before reuse.
 *
 * The stack is scanned conservatively, so a test never insists that one
 * particular object was freed (a stale word may keep it); it checks that
 * nearly all of a large amount of garbage was. */
#include "eshkol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

static int failures, checks;
static size_t churn_scale = 1;  /* under ESHKOL_GC_STRESS: less churn, the collections come anyway */

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

/* The program's globals, as eshkolc registers its own. */
static esk_val kept_cycle, kept_list, kept_tree;
static esk_val old_vector, old_pair, old_table;
static esk_val *const globals[] = {&kept_cycle, &kept_list, &kept_tree, &old_vector, &old_pair, &old_table};

/* Garbage: n pairs nobody keeps. */
static NOINLINE void churn(size_t n) {
    esk_val l = ESK_NIL;
    for (size_t i = 0; i < n; ++i) {
        l = esk_cons(ESK_FIX((intptr_t)i), (i % 64u) ? l : ESK_NIL);
    }
}

static NOINLINE esk_val make_list(intptr_t n) {
    esk_val l = ESK_NIL;
    for (intptr_t i = n - 1; i >= 0; --i) l = esk_cons(ESK_FIX(i), l);
    return l;
}

/* 1 if l is exactly (0 1 ... n-1). */
static NOINLINE int is_iota(esk_val l, intptr_t n) {
    for (intptr_t i = 0; i < n; ++i, l = ESK_CDR(l))
        if (!ESK_IS_PAIR(l) || ESK_CAR(l) != ESK_FIX(i)) return 0;
    return l == ESK_NIL;
}

/* A ring of n pairs, 0 .. n-1, the last cdr pointing back at the first. */
static NOINLINE esk_val make_ring(intptr_t n) {
    esk_val head = esk_cons(ESK_FIX(0), ESK_NIL), last = head;
    for (intptr_t i = 1; i < n; ++i) {
        esk_val p = esk_cons(ESK_FIX(i), ESK_NIL);
        ESK_PAIR(last)->cdr = p;
        last = p;
    }
    ESK_PAIR(last)->cdr = head;
    return head;
}

static NOINLINE void drop_rings(int count, intptr_t n) {
    for (int i = 0; i < count; ++i) (void)make_ring(n);
}

static void test_cycles(void) {
    esk_gc_stats before, after;
    esk_val p;
    intptr_t i;
    kept_cycle = make_ring(1000);
    drop_rings(200, 1000);  /* 200 garbage rings of 16,000 bytes */
    before = esk_gc_statistics();
    esk_gc_collect();
    after = esk_gc_statistics();
    churn(200000);
    CHECK(after.collections == before.collections + 1);
    /* a reference count would never free a ring; the collector frees nearly all */
    CHECK(after.reclaimed_bytes - before.reclaimed_bytes >= (size_t)180 * 1000 * sizeof(esk_pair));
    for (i = 0, p = kept_cycle; i < 1000; ++i, p = ESK_CDR(p)) {
        if (!ESK_IS_PAIR(p) || ESK_CAR(p) != ESK_FIX(i)) break;
    }
    CHECK(i == 1000);
    CHECK(p == kept_cycle);
    kept_cycle = ESK_NIL;
}

/* Marking never recurses on the C stack: a list of ten million pairs, and
 * a tree a million deep through its cars. */
static void test_long_list(void) {
    esk_val t = ESK_NIL, p;
    intptr_t depth = 0;
    kept_list = make_list(10000000);
    for (intptr_t i = 0; i < 1000000; ++i) t = esk_cons(t, ESK_FIX(i));
    kept_tree = t;
    t = ESK_NIL;
    esk_gc_collect();
    churn(1000000);
    esk_gc_collect();
    CHECK(is_iota(kept_list, 10000000));
    for (p = kept_tree; ESK_IS_PAIR(p); p = ESK_CAR(p)) {
        if (ESK_CDR(p) != ESK_FIX(999999 - depth)) break;
        depth++;
    }
    CHECK(depth == 1000000);
    CHECK(p == ESK_NIL);
    kept_list = kept_tree = ESK_NIL;
}

/* Only an interior pointer held by C: into a vector's items, and into a
 * string's characters. */
static NOINLINE esk_val *vector_middle(void) {
    esk_vector *v = (esk_vector *)ESK_HEAP(esk_make_vector_filled(100, ESK_FALSE));
    for (intptr_t i = 0; i < 100; ++i) v->items[i] = ESK_FIX(i * 3);
    return &v->items[50];
}

static NOINLINE const char *string_middle(void) {
    esk_string *s = (esk_string *)ESK_HEAP(esk_string_from_latin1("abcdefghijklmnopqrstuvwxyz0123456789", 36));
    return (const char *)s->data + 20;
}

static void test_interior_pointers(void) {
    esk_val *volatile mid = vector_middle();
    const char *volatile text = string_middle();
    esk_gc_collect();
    churn(300000);
    esk_gc_collect();
    churn(300000);
    int ok = 1;
    for (intptr_t i = -50; i < 50; ++i) ok &= mid[i] == ESK_FIX((50 + i) * 3);
    CHECK(ok);
    CHECK(ESK_HEAP(ESK_FROM_HEAP((esk_header *)(mid - 50) - 1))->type == ESK_T_VECTOR);
    CHECK(memcmp(text, "uvwxyz0123456789", 16) == 0);
}

/* A root-region object that only a live region's object points to. */
static NOINLINE void store_root_list(esk_val vector) {
    esk_val l = esk_cons_root(ESK_FIX(1), esk_cons_root(ESK_FIX(2), esk_cons_root(ESK_FIX(3), ESK_NIL)));
    ESK_STORE(ESK_HEAP(vector), &((esk_vector *)ESK_HEAP(vector))->items[2], l);
}

static NOINLINE void churn_root(size_t n) {
    for (size_t i = 0; i < n; ++i) (void)esk_cons_root(ESK_FIX((intptr_t)i), ESK_NIL);
}

static void test_region_roots(void) {
    esk_region *r = esk_region_enter("test", 0);
    esk_val v = esk_make_vector_filled(4, ESK_FALSE), l;
    CHECK(esk_region_of(v) == r);
    store_root_list(v);
    CHECK(esk_region_of(((esk_vector *)ESK_HEAP(v))->items[2]) != r);  /* the root region's */
    esk_gc_collect();
    churn_root(300000);
    esk_gc_collect();
    churn_root(300000);
    l = ((esk_vector *)ESK_HEAP(v))->items[2];
    CHECK(ESK_IS_PAIR(l) && ESK_CAR(l) == ESK_FIX(1));
    CHECK(ESK_IS_PAIR(ESK_CDR(l)) && ESK_CAR(ESK_CDR(l)) == ESK_FIX(2));
    CHECK(ESK_IS_PAIR(ESK_CDR(ESK_CDR(l))) && ESK_CAR(ESK_CDR(ESK_CDR(l))) == ESK_FIX(3));
    CHECK(ESK_CDR(ESK_CDR(ESK_CDR(l))) == ESK_NIL);
    (void)esk_region_leave(r, ESK_FALSE);
}

/* A list only a shared value's payload holds; and the order destructors
 * run in, which collections do not touch. */
static int destroyed[8], destroyed_count;
static void record_destruction(esk_val value) {
    if (destroyed_count < 8) destroyed[destroyed_count++] = (int)ESK_FIXVAL(value);
}

static NOINLINE esk_val shared_list(void) { return esk_shared_new(make_list(1000), NULL); }

static void test_shared_payload(void) {
    esk_val s = shared_list(), a, b, c;
    esk_gc_collect();
    churn(300000);
    esk_gc_collect();
    churn(300000);
    CHECK(is_iota(esk_shared_contents(s), 1000));
    esk_shared_release(s);

    a = esk_shared_new(ESK_FIX(1), record_destruction);
    b = esk_shared_new(ESK_FIX(2), record_destruction);
    c = esk_shared_new(ESK_FIX(3), record_destruction);
    esk_gc_collect();
    churn(300000);
    esk_gc_collect();
    CHECK(destroyed_count == 0);  /* a collection never finalises */
    esk_shared_release(b);
    esk_gc_collect();
    esk_shared_release(c);
    esk_shared_release(a);
    esk_gc_collect();
    CHECK(destroyed_count == 3);
    CHECK(destroyed[0] == 2 && destroyed[1] == 3 && destroyed[2] == 1);
}

/* This file is built with -O2: keep is in a register (or a callee's save
 * slot) while the loop allocates enough to collect several times. */
static NOINLINE int register_across_allocation(void) {
    esk_gc_stats before = esk_gc_statistics();
    esk_val keep = esk_cons(ESK_FIX(41), esk_cons(ESK_FIX(42), ESK_NIL));
    esk_val junk = ESK_NIL;
    for (int i = 0; i < 3000000; ++i) junk = esk_cons(ESK_FIX(i), (i & 7) ? junk : ESK_NIL);
    (void)junk;
    CHECK(esk_gc_statistics().collections > before.collections);
    return ESK_CAR(keep) == ESK_FIX(41) && ESK_CAR(ESK_CDR(keep)) == ESK_FIX(42) &&
           ESK_CDR(ESK_CDR(keep)) == ESK_NIL;
}

static void test_registers(void) { CHECK(register_across_allocation()); }

/* Constant live data, many allocations: the heap stays bounded. */
static void test_bounded_heap(void) {
    esk_gc_stats s;
    kept_list = make_list(100000);
    for (int round = 0; round < 40; ++round) churn(1000000);  /* 640 MB of pairs in all */
    s = esk_gc_statistics();
    CHECK(is_iota(kept_list, 100000));
    CHECK(s.heap_bytes < ((size_t)64 << 20));
    CHECK(s.max_pause_ms > 0.0 && s.total_pause_ms >= s.max_pause_ms);
    kept_list = ESK_NIL;
}

/* ---- generations -------------------------------------------------------------------
 * Objects that survived a collection are old (marked); a minor collection
 * does not trace them, so a young object an old one points to lives only
 * by the write barrier. The old containers are made old, then aged by one
 * more collection: the collector also retraces what was young at the last
 * collection, and the test must not pass by that alone. */
static NOINLINE void make_old_containers(void) {
    old_vector = esk_make_vector(0, ESK_FIX(8), ESK_FALSE);
    old_pair = esk_cons(ESK_NIL, ESK_NIL);
    old_table = esk_make_hash_table(0, ESK_DEFAULT, ESK_DEFAULT);
    esk_hash_table_set_x(0, old_table, ESK_FIX(-1), ESK_FIX(-1));
}

/* The young objects, reachable only through the old containers once this
 * returns. */
static NOINLINE void store_young(void) {
    esk_vector_set_x(0, old_vector, ESK_FIX(3), make_list(1000));
    esk_vector_set_x(0, old_vector, ESK_FIX(5), make_ring(300));  /* a young cycle */
    esk_set_car(0, old_pair, make_list(500));
    esk_set_cdr(0, old_pair, make_list(600));
    /* enough keys to grow the table: its new block is young too */
    for (intptr_t k = 0; k < 200; ++k) esk_hash_table_set_x(0, old_table, ESK_FIX(k), make_list(k % 50 + 1));
}

static NOINLINE int ring_ok(esk_val ring, intptr_t n) {
    esk_val p = ring;
    for (intptr_t i = 0; i < n; ++i, p = ESK_CDR(p))
        if (!ESK_IS_PAIR(p) || ESK_CAR(p) != ESK_FIX(i)) return 0;
    return p == ring;
}

static NOINLINE int table_ok(void) {
    for (intptr_t k = 0; k < 200; ++k)
        if (!is_iota(esk_hash_table_ref_default(0, old_table, ESK_FIX(k), ESK_FALSE), k % 50 + 1)) return 0;
    return esk_hash_table_ref_default(0, old_table, ESK_FIX(-1), ESK_FALSE) == ESK_FIX(-1);
}

static void test_old_to_young(void) {
    esk_gc_stats before;
    make_old_containers();
    esk_gc_collect();
    churn(1000);
    esk_gc_collect_minor();
    before = esk_gc_statistics();
    store_young();
    esk_gc_collect_minor();
    churn(50000);
    esk_gc_collect_minor();
    churn(2000000 / churn_scale);  /* 32 MB of pairs: minor collections by the nursery's budget */
    esk_gc_collect_minor();
    CHECK(esk_gc_statistics().minor_collections >= before.minor_collections + 3);
    CHECK(esk_gc_statistics().major_collections >= before.major_collections + (churn_scale > 1));
    CHECK(is_iota(ESK_VECTOR(old_vector)->items[3], 1000));
    CHECK(ring_ok(ESK_VECTOR(old_vector)->items[5], 300));
    CHECK(is_iota(ESK_CAR(old_pair), 500));
    CHECK(is_iota(ESK_CDR(old_pair), 600));
    CHECK(table_ok());
    esk_gc_collect();  /* a major sees the same */
    CHECK(is_iota(ESK_VECTOR(old_vector)->items[3], 1000) && table_ok());
    old_vector = old_pair = old_table = ESK_NIL;
}

/* A minor collection frees young garbage, cycles included, and leaves the
 * old data alone. */
static void test_minor_frees(void) {
    esk_gc_stats before, after;
    kept_list = make_list(20000);
    esk_gc_collect();
    before = esk_gc_statistics();
    drop_rings(200, 1000);  /* 200,000 young pairs in cycles: 3.2 MB */
    esk_gc_collect_minor();
    after = esk_gc_statistics();
    CHECK(after.minor_collections == before.minor_collections + 1);
    CHECK(after.reclaimed_bytes - before.reclaimed_bytes >= (size_t)3 << 20);
    CHECK(after.live_bytes < before.live_bytes + ((size_t)1 << 20));
    churn(100000);
    CHECK(is_iota(kept_list, 20000));
    kept_list = ESK_NIL;
}

/* ESHKOL_GC_STRESS set: the tests of generations, with a collection every
 * few allocations (every 16th major). */
static NOINLINE int run_stressed(void) {
    esk_gc_add_roots(globals, sizeof globals / sizeof *globals);
    churn_scale = 100;
    test_old_to_young();
    test_old_to_young();
    printf("runtime-gc (stress): %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}

static NOINLINE int run(void) {
    if (getenv("ESHKOL_GC_STRESS")) return run_stressed();
    esk_gc_add_roots(globals, sizeof globals / sizeof *globals);
    test_cycles();
    test_long_list();
    test_interior_pointers();
    test_region_roots();
    test_shared_payload();
    test_registers();
    test_old_to_young();
    test_minor_frees();
    test_bounded_heap();
    printf("runtime-gc: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}

int main(void) {
    int top = 0;
    esk_gc_stack_top(&top + 1);  /* every frame of run() is below main's */
    return run();
}
