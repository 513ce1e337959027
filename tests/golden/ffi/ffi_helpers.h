/* C functions the golden programs of tests/golden/ffi call: one per C type
 * of the interface, and a resource whose opens and closes are counted. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static inline int twice_int(int x) { return 2 * x; }
static inline unsigned int twice_unsigned(unsigned int x) { return 2u * x; }
static inline int64_t negate_int64(int64_t x) { return -x; }
static inline uint64_t plus_one_uint64(uint64_t x) { return x + 1u; }
static inline float halve_float(float x) { return x / 2.0f; }
static inline double halve_double(double x) { return x / 2.0; }
static inline bool not_bool(bool b) { return !b; }
static inline char next_char(char c) { return (char)(c + 1); }
static inline const char *null_string(void) { return NULL; }
static inline size_t count_byte(const uint8_t *bytes, size_t n, int byte) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += bytes[i] == byte;
    return count;
}
static inline void fill_bytes(uint8_t *bytes, size_t n, int byte) { memset(bytes, byte, n); }

/* A resource: what a database connection or a file would be. */
struct resource {
    char name[32];
    int uses;
};
static int resources_open, resources_closed;
static struct resource resource_pool[4];
static inline struct resource *resource_open(const char *name) {
    struct resource *r = &resource_pool[resources_open++ % 4];
    snprintf(r->name, sizeof r->name, "%s", name);
    r->uses = 0;
    return r;
}
static inline int resource_use(struct resource *r) { return ++r->uses; }
static inline const char *resource_name(const struct resource *r) { return r->name; }
static inline void resource_close(struct resource *r) {
    resources_closed++;
    printf("closed %s after %d uses\n", r->name, r->uses);
}
static inline int resource_count_open(void) { return resources_open - resources_closed; }

/* Calls a Scheme callback from C: a fold over 1..n. */
static inline long fold_range(long n, long (*step)(long, long), long start) {
    long acc = start;
    for (long i = 1; i <= n; i++) acc = step(acc, i);
    return acc;
}
static inline void call_n_times(int n, void (*f)(int)) {
    for (int i = 0; i < n; i++) f(i);
}
