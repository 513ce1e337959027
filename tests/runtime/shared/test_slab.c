/* test_slab.c - the slab allocator under 4 threads: no object handed out twice, counts balance. */
#include "eshkol.h"
#include "check.h"

#include <pthread.h>
#include <string.h>


#define THREADS 4
#define ROUNDS 200000
#define HELD_MAX 64

/* What each thread writes into the objects it holds. */
typedef struct object {
    _Atomic int owner;      /* 0 while free; thread number + 1 while held */
    int serial;
    unsigned char pattern[40];
} object;

typedef struct worker {
    esk_slab *slab;
    start_line *start;
    int id;
    long allocated, freed;
    object *held[HELD_MAX];
    int count;
} worker;

static void fill(object *o, int id, int serial) {
    o->serial = serial;
    memset(o->pattern, (unsigned char)(id * 31 + serial), sizeof o->pattern);
}

static int intact(const object *o, int id) {
    size_t i;
    unsigned char expected = (unsigned char)(id * 31 + o->serial);
    for (i = 0; i < sizeof o->pattern; ++i)
        if (o->pattern[i] != expected) return 0;
    return 1;
}

static void take(worker *w, int serial) {
    object *o = esk_slab_alloc(w->slab);
    int before = atomic_exchange(&o->owner, w->id + 1);
    CHECK(before == 0); /* nobody else holds it */
    CHECK(((uintptr_t)o & 7u) == 0);
    fill(o, w->id, serial);
    w->held[w->count++] = o;
    ++w->allocated;
}

static void give_back(worker *w, int i) {
    object *o = w->held[i];
    CHECK(atomic_load(&o->owner) == w->id + 1);
    CHECK(intact(o, w->id));
    atomic_store(&o->owner, 0);
    w->held[i] = w->held[--w->count];
    esk_slab_free(w->slab, o);
    ++w->freed;
}

static void *run(void *arg) {
    worker *w = arg;
    unsigned state = 2463534242u + (unsigned)w->id * 7919u;
    int round;
    start_line_wait(w->start, THREADS);
    for (round = 0; round < ROUNDS; ++round) {
        unsigned r = next_random(&state);
        if (w->count == 0 || (w->count < HELD_MAX && (r & 1u))) take(w, round);
        else give_back(w, (int)(r >> 1) % w->count);
        /* Bursts of alloc-free-alloc on one slot are where ABA bites. */
        if ((r & 0xF0u) == 0) {
            object *o = esk_slab_alloc(w->slab);
            CHECK(atomic_exchange(&o->owner, w->id + 1) == 0);
            atomic_store(&o->owner, 0);
            esk_slab_free(w->slab, o);
            ++w->allocated;
            ++w->freed;
        }
    }
    return NULL;
}

/* A nearly empty free list and pops and pushes in pairs from every thread:
 * the pattern (pop A, pop B, push A) under which an untagged head would hand
 * out B twice. */
typedef struct churner {
    esk_slab *slab;
    start_line *start;
    int id;
} churner;

static void *churn(void *arg) {
    churner *c = arg;
    int round;
    start_line_wait(c->start, THREADS);
    for (round = 0; round < ROUNDS; ++round) {
        object *a = esk_slab_alloc(c->slab), *b = esk_slab_alloc(c->slab);
        CHECK(a != b);
        CHECK(atomic_exchange(&a->owner, c->id + 1) == 0);
        CHECK(atomic_exchange(&b->owner, c->id + 1) == 0);
        atomic_store(&a->owner, 0);
        esk_slab_free(c->slab, a);
        atomic_store(&b->owner, 0);
        esk_slab_free(c->slab, b);
    }
    return NULL;
}

static void test_aba(void) {
    esk_slab *s = esk_slab_new(sizeof(object));
    object *kept[1024 - 2 * THREADS - 1];
    start_line start = {0};
    churner churners[THREADS];
    pthread_t threads[THREADS];
    size_t i;
    for (i = 0; i < sizeof kept / sizeof kept[0]; ++i) kept[i] = esk_slab_alloc(s);
    for (i = 0; i < THREADS; ++i) {
        churners[i] = (churner){s, &start, (int)i};
        CHECK(pthread_create(&threads[i], NULL, churn, &churners[i]) == 0);
    }
    for (i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    CHECK(esk_slab_live(s) == sizeof kept / sizeof kept[0]);
    CHECK(esk_slab_capacity(s) == 1024); /* never grew: the list stayed sound */
    for (i = 0; i < sizeof kept / sizeof kept[0]; ++i) esk_slab_free(s, kept[i]);
    CHECK(esk_slab_live(s) == 0);
    esk_slab_destroy(s);
}

static void test_single_thread(void) {
    esk_slab *s = esk_slab_new(24);
    void *a = esk_slab_alloc(s), *b = esk_slab_alloc(s), *c;
    CHECK(a != b);
    CHECK(esk_slab_live(s) == 2);
    esk_slab_free(s, a);
    c = esk_slab_alloc(s);
    CHECK(c == a); /* the free list is a stack */
    esk_slab_free(s, b);
    esk_slab_free(s, c);
    CHECK(esk_slab_live(s) == 0);
    CHECK(esk_slab_capacity(s) == 1024);
    esk_slab_destroy(s);
}

static void count_one(void *object, void *arg) {
    (void)object;
    ++*(size_t *)arg;
}

static void test_threads(void) {
    esk_slab *s = esk_slab_new(sizeof(object));
    start_line start = {0};
    worker workers[THREADS];
    pthread_t threads[THREADS];
    long allocated = 0, freed = 0, held = 0;
    size_t seen = 0;
    int i, j;
    memset(workers, 0, sizeof workers);
    for (i = 0; i < THREADS; ++i) {
        workers[i].slab = s;
        workers[i].start = &start;
        workers[i].id = i;
        CHECK(pthread_create(&threads[i], NULL, run, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    for (i = 0; i < THREADS; ++i) {
        allocated += workers[i].allocated;
        freed += workers[i].freed;
        held += workers[i].count;
    }
    CHECK(allocated - freed == held);
    CHECK((long)esk_slab_live(s) == held);
    esk_slab_each(s, count_one, &seen);
    CHECK((long)seen == held);
    /* Every held object is still its holder's, all distinct. */
    for (i = 0; i < THREADS; ++i)
        for (j = 0; j < workers[i].count; ++j) CHECK(atomic_load(&workers[i].held[j]->owner) == i + 1);
    for (i = 0; i < THREADS; ++i)
        while (workers[i].count > 0) give_back(&workers[i], 0);
    CHECK(esk_slab_live(s) == 0);
    CHECK(esk_slab_capacity(s) >= (size_t)(THREADS * HELD_MAX));
    printf("slab: %ld allocations by %d threads, %zu slots\n", allocated, THREADS, esk_slab_capacity(s));
    esk_slab_destroy(s);
}

int main(void) {
    uint64_t word = 0;
    _Atomic uint64_t atomic_word = 0;
    (void)word;
    CHECK(atomic_is_lock_free(&atomic_word)); /* the tagged head needs a lock-free 64-bit CAS */
    test_single_thread();
    test_threads();
    test_aba();
    return check_report("slab");
}
