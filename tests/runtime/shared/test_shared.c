/* test_shared.c - shared cells under 4 threads: counts end exact, each destructor runs exactly once. */
#include "eshkol.h"
#include "check.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>


#define THREADS 4
#define ROUNDS 100000
#define CELLS 2000

static _Atomic int destroyed;          /* destructor runs */
static _Atomic int destroyed_value;    /* what the last one received */

static void count_destruction(esk_val value) {
    atomic_fetch_add(&destroyed, 1);
    atomic_store(&destroyed_value, (int)ESK_FIXVAL(value));
}

typedef struct worker {
    start_line *start;
    int threads;           /* how many meet at the start line */
    int id;
    esk_val cell, weak;
    esk_val *cells;        /* the last-release race: each thread drops one reference of each */
} worker;

/* Retains and releases in bursts, upgrades its weak reference now and then:
 * the main thread's reference keeps the count above 0 throughout. */
static void *hammer(void *arg) {
    worker *w = arg;
    unsigned state = 88172645u + (unsigned)w->id * 104729u;
    int round, k;
    start_line_wait(w->start, w->threads);
    for (round = 0; round < ROUNDS; ++round) {
        unsigned burst = next_random(&state) % 4u + 1u;
        for (k = 0; k < (int)burst; ++k) esk_shared_retain(w->cell);
        CHECK(esk_shared_count(w->cell) >= burst + 1u);
        for (k = 0; k < (int)burst; ++k) esk_shared_release(w->cell);
        if ((round & 15) == 0) {
            esk_val s = esk_shared_upgrade(w->weak);
            CHECK(s == w->cell);
            if (s != ESK_FALSE) esk_shared_release(s);
        }
    }
    return NULL;
}

static void test_counts(void) {
    start_line start = {0};
    worker workers[THREADS];
    pthread_t threads[THREADS];
    esk_val cell = esk_shared_new(ESK_FIX(7), count_destruction);
    esk_val weak = esk_shared_weak(cell);
    int i;
    atomic_store(&destroyed, 0);
    memset(workers, 0, sizeof workers);
    for (i = 0; i < THREADS; ++i) {
        workers[i] = (worker){&start, THREADS, i, cell, weak, NULL};
        CHECK(pthread_create(&threads[i], NULL, hammer, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    CHECK(esk_shared_count(cell) == 1);
    CHECK(atomic_load(&destroyed) == 0);
    esk_shared_release(cell);
    CHECK(atomic_load(&destroyed) == 1);
    CHECK(atomic_load(&destroyed_value) == 7);
    CHECK(esk_shared_upgrade(weak) == ESK_FALSE); /* released: the weak reference sees it */
}

/* Every cell starts with one reference per thread; the threads drop theirs
 * at the same time, some after a failed or successful upgrade: exactly one
 * of them destroys each cell. */
static void *drop_all(void *arg) {
    worker *w = arg;
    unsigned state = 1234567u + (unsigned)w->id * 31337u;
    int i;
    start_line_wait(w->start, w->threads);
    for (i = 0; i < CELLS; ++i) {
        esk_val c = w->cells[i];
        if (next_random(&state) & 1u) {
            esk_shared_release(c);
        } else {
            esk_shared_retain(c);
            esk_shared_release(c);
            esk_shared_release(c);
        }
    }
    return NULL;
}

static void *upgrade_all(void *arg) {
    worker *w = arg;
    int i, got = 0;
    start_line_wait(w->start, w->threads);
    for (i = 0; i < CELLS; ++i) {
        esk_val s = esk_shared_upgrade(w->cells[i]);
        if (s != ESK_FALSE) {
            ++got;
            esk_shared_release(s);
        }
    }
    (void)got;
    return NULL;
}

static void test_last_release(void) {
    start_line start = {0}, start2 = {0};
    worker workers[THREADS], upgrader;
    pthread_t threads[THREADS], upgrade_thread;
    esk_val *cells = malloc(CELLS * sizeof(esk_val)), *weaks = malloc(CELLS * sizeof(esk_val));
    int i, k;
    atomic_store(&destroyed, 0);
    for (i = 0; i < CELLS; ++i) {
        cells[i] = esk_shared_new(ESK_FIX(i), count_destruction);
        weaks[i] = esk_shared_weak(cells[i]);
        for (k = 1; k < THREADS; ++k) esk_shared_retain(cells[i]);
    }
    for (i = 0; i < THREADS; ++i) {
        workers[i] = (worker){&start, THREADS, i, ESK_FALSE, ESK_FALSE, cells};
        CHECK(pthread_create(&threads[i], NULL, drop_all, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    CHECK(atomic_load(&destroyed) == CELLS);
    for (i = 0; i < CELLS; ++i) CHECK(esk_shared_upgrade(weaks[i]) == ESK_FALSE);

    /* Upgrades racing with the last releases: still exactly one destruction each. */
    atomic_store(&destroyed, 0);
    for (i = 0; i < CELLS; ++i) {
        cells[i] = esk_shared_new(ESK_FIX(i), count_destruction);
        weaks[i] = esk_shared_weak(cells[i]);
        for (k = 1; k < THREADS; ++k) esk_shared_retain(cells[i]);
    }
    upgrader = (worker){&start2, THREADS + 1, THREADS, ESK_FALSE, ESK_FALSE, weaks};
    CHECK(pthread_create(&upgrade_thread, NULL, upgrade_all, &upgrader) == 0);
    for (i = 0; i < THREADS; ++i) {
        workers[i] = (worker){&start2, THREADS + 1, i, ESK_FALSE, ESK_FALSE, cells};
        CHECK(pthread_create(&threads[i], NULL, drop_all, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    pthread_join(upgrade_thread, NULL);
    CHECK(atomic_load(&destroyed) == CELLS);
    free(cells);
    free(weaks);
}

/* One thread: a weak reference to a slot reused by a newer cell stays dead. */
static void test_generations(void) {
    esk_val a = esk_shared_new(ESK_FIX(1), NULL), w = esk_shared_weak(a), b, s;
    CHECK(esk_shared_count(a) == 1);
    s = esk_shared_upgrade(w);
    CHECK(s == a && esk_shared_count(a) == 2);
    esk_shared_release(s);
    esk_shared_release(a);
    b = esk_shared_new(ESK_FIX(2), NULL); /* most likely a's slot */
    CHECK(esk_shared_upgrade(w) == ESK_FALSE);
    CHECK(esk_shared_count(b) == 1);
    esk_shared_release(b);
}

int main(void) {
    test_generations();
    test_counts();
    test_last_release();
    return check_report("shared");
}
