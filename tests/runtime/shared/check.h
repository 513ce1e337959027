/* check.h - assertion macros and a thread start line for the shared module's C tests. */
#ifndef ESK_SHARED_TEST_CHECK_H
#define ESK_SHARED_TEST_CHECK_H

#include <stdatomic.h>
#include <stdio.h>

static _Atomic int check_failures;
static _Atomic int check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        atomic_fetch_add(&check_count, 1);                                           \
        if (!(cond)) {                                                               \
            atomic_fetch_add(&check_failures, 1);                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

static int check_report(const char *name) {
    printf("%s: %d checks, %d failed\n", name, atomic_load(&check_count), atomic_load(&check_failures));
    return atomic_load(&check_failures) ? 1 : 0;
}

/* Threads wait here until all of them are ready, so they really overlap. */
typedef struct start_line {
    _Atomic int waiting;
} start_line;

static void start_line_wait(start_line *s, int threads) {
    atomic_fetch_add(&s->waiting, 1);
    while (atomic_load(&s->waiting) < threads) {
    }
}

/* A small xorshift generator per thread. */
static unsigned next_random(unsigned *state) {
    unsigned x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

#endif
