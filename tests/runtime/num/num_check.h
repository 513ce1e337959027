/* num_check.h - assertion macros and a random source shared by the num module's C tests. */
#ifndef ESK_NUM_TEST_CHECK_H
#define ESK_NUM_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        ++check_count;                                                               \
        if (!(cond)) {                                                               \
            ++check_failures;                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STR(got, want)                                                                     \
    do {                                                                                         \
        const char *check_g_ = (got), *check_w_ = (want);                                        \
        ++check_count;                                                                           \
        if (strcmp(check_g_, check_w_) != 0) {                                                   \
            ++check_failures;                                                                    \
            fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                    check_g_, check_w_);                                                         \
        }                                                                                        \
    } while (0)

static inline int check_report(const char *name) {
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

/* xorshift64: deterministic, so a failure reproduces. */
static uint64_t check_rng_state = 0x9E3779B97F4A7C15u;
static inline uint64_t check_rand(void) {
    check_rng_state ^= check_rng_state << 13;
    check_rng_state ^= check_rng_state >> 7;
    check_rng_state ^= check_rng_state << 17;
    return check_rng_state;
}

#endif
