/* hashtable -- C twin of hashtable.scm: open addressing with linear
 * probing over power-of-two arrays that double when three quarters full;
 * long keys in one table, malloc'd string keys (FNV-1a) in another, with
 * deletion by tombstones. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 1000000 /* smoke: 1000 */
#define STRING_N 200000 /* smoke: 200 */

/* ---- long keys ---- */
typedef struct { long key, value; int used; } int_slot;
typedef struct { int_slot *slots; size_t capacity, count; } int_table;

static size_t mix(uint64_t x)
{
    x ^= x >> 30; x *= 0xBF58476D1CE4E5B9u;
    x ^= x >> 27; x *= 0x94D049BB133111EBu;
    return (size_t)(x ^ (x >> 31));
}

static int_slot *int_find(int_table *t, long key)
{
    size_t mask = t->capacity - 1, i = mix((uint64_t)key) & mask;
    while (t->slots[i].used && t->slots[i].key != key) i = (i + 1) & mask;
    return &t->slots[i];
}

static void int_set(int_table *t, long key, long value);

static void int_grow(int_table *t)
{
    int_table bigger = { calloc(t->capacity * 2, sizeof(int_slot)), t->capacity * 2, 0 };
    for (size_t i = 0; i < t->capacity; ++i)
        if (t->slots[i].used) int_set(&bigger, t->slots[i].key, t->slots[i].value);
    free(t->slots);
    *t = bigger;
}

static void int_set(int_table *t, long key, long value)
{
    if ((t->count + 1) * 4 > t->capacity * 3) int_grow(t);
    int_slot *s = int_find(t, key);
    if (!s->used) { s->used = 1; s->key = key; t->count++; }
    s->value = value;
}

static void fixnum_keys(long n)
{
    int_table t = { calloc(8, sizeof(int_slot)), 8, 0 };
    for (long i = 0; i < n; ++i) int_set(&t, i * 3, i);
    long hits = 0, sum = 0;
    for (long k = 0; k < n; ++k) {
        int_slot *s = int_find(&t, k);
        if (s->used) { hits++; sum += s->value; }
    }
    printf("(%zu %ld %ld)\n", t.count, hits, sum);
    free(t.slots);
}

/* ---- string keys; state 0 empty, 1 live, 2 deleted ---- */
typedef struct { char *key; long value; size_t hash; int state; } str_slot;
typedef struct { str_slot *slots; size_t capacity, count, used; } str_table;

static size_t fnv(const char *s)
{
    uint64_t h = 0xCBF29CE484222325u;
    for (; *s; ++s) h = (h ^ (unsigned char)*s) * 0x100000001B3u;
    return mix(h);
}

static str_slot *str_find(str_table *t, const char *key, size_t h)
{
    size_t mask = t->capacity - 1, i = h & mask;
    for (; t->slots[i].state != 0; i = (i + 1) & mask)
        if (t->slots[i].state == 1 && t->slots[i].hash == h && strcmp(t->slots[i].key, key) == 0) return &t->slots[i];
    return &t->slots[i];
}

static void str_insert_new(str_table *t, char *key, long value, size_t h)
{
    size_t mask = t->capacity - 1, i = h & mask;
    while (t->slots[i].state == 1) i = (i + 1) & mask;
    if (t->slots[i].state == 0) t->used++;
    t->slots[i] = (str_slot){ key, value, h, 1 };
    t->count++;
}

static void str_grow(str_table *t)
{
    str_table bigger = { calloc(t->capacity * 2, sizeof(str_slot)), t->capacity * 2, 0, 0 };
    for (size_t i = 0; i < t->capacity; ++i)
        if (t->slots[i].state == 1) str_insert_new(&bigger, t->slots[i].key, t->slots[i].value, t->slots[i].hash);
    free(t->slots);
    *t = bigger;
}

static void str_set(str_table *t, const char *key, long value)
{
    size_t h = fnv(key);
    str_slot *s = str_find(t, key, h);
    if (s->state == 1) { s->value = value; return; }
    if ((t->used + 1) * 4 > t->capacity * 3) str_grow(t);
    str_insert_new(t, strdup(key), value, h);
}

static void str_delete(str_table *t, const char *key)
{
    str_slot *s = str_find(t, key, fnv(key));
    if (s->state != 1) return;
    free(s->key);
    s->state = 2;
    t->count--;
}

static void string_keys(long n)
{
    str_table t = { calloc(8, sizeof(str_slot)), 8, 0, 0 };
    char key[32];
    for (long i = 0; i < n; ++i) {
        snprintf(key, sizeof key, "key-%ld", i);
        str_set(&t, key, i);
    }
    long sum = 0, present = 0;
    for (long i = 0; i < n; ++i) {
        snprintf(key, sizeof key, "key-%ld", i);
        str_slot *s = str_find(&t, key, fnv(key));
        if (s->state == 1) sum += s->value;
    }
    for (long i = 0; i < n; i += 2) {
        snprintf(key, sizeof key, "key-%ld", i);
        str_delete(&t, key);
    }
    for (long i = 0; i < n; ++i) {
        snprintf(key, sizeof key, "key-%ld", i);
        if (str_find(&t, key, fnv(key))->state == 1) present++;
    }
    printf("(%zu %ld %ld)\n", t.count, sum, present);
    for (size_t i = 0; i < t.capacity; ++i)
        if (t.slots[i].state == 1) free(t.slots[i].key);
    free(t.slots);
}

int main(void)
{
    volatile long n = N, string_n = STRING_N;
    fixnum_keys(n);
    string_keys(string_n);
    return 0;
}
