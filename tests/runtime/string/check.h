/* check.h - the few assertion macros the string module's C tests share. */
#ifndef ESK_STRING_TEST_CHECK_H
#define ESK_STRING_TEST_CHECK_H

#include <stdio.h>

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

#define CHECK_EQ_U(a, b)                                                                     \
    do {                                                                                     \
        unsigned long check_a_ = (unsigned long)(a), check_b_ = (unsigned long)(b);         \
        ++check_count;                                                                       \
        if (check_a_ != check_b_) {                                                          \
            ++check_failures;                                                                \
            fprintf(stderr, "%s:%d: %s == %s: 0x%lx != 0x%lx\n", __FILE__, __LINE__, #a, #b, \
                    check_a_, check_b_);                                                     \
        }                                                                                    \
    } while (0)

static int check_report(const char *name) {
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
