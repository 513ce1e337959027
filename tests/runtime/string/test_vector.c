/* test_vector.c - vectors and bytevectors: copies that overlap, conversions, appends, ranges. */
#include "eshkol.h"
#include "check.h"

#include <string.h>


#define NO ESK_DEFAULT

static esk_val iota_vector(int n) {
    esk_val v = esk_vector_alloc((size_t)n, ESK_FALSE);
    for (int i = 0; i < n; ++i) ESK_VECTOR(v)->items[i] = ESK_FIX(i);
    return v;
}

static int vector_is(esk_val v, int n, const int *expected) {
    if (ESK_VECTOR(v)->h.size != (uint32_t)n) return 0;
    for (int i = 0; i < n; ++i)
        if (ESK_VECTOR(v)->items[i] != ESK_FIX(expected[i])) return 0;
    return 1;
}

static void test_copy(void) {
    esk_val v = iota_vector(6);
    esk_vector_copy_x(0, v, ESK_FIX(2), v, ESK_FIX(0), ESK_FIX(4)); /* forward overlap */
    CHECK(vector_is(v, 6, (const int[]){0, 1, 0, 1, 2, 3}));
    esk_vector_copy_x(0, v, ESK_FIX(0), v, ESK_FIX(2), NO); /* backward overlap */
    CHECK(vector_is(v, 6, (const int[]){0, 1, 2, 3, 2, 3}));
    esk_val c = esk_vector_copy(0, v, ESK_FIX(1), ESK_FIX(3));
    CHECK(vector_is(c, 2, (const int[]){1, 2}));
    CHECK(ESK_VECTOR(esk_vector_copy(0, v, ESK_FIX(6), NO))->h.size == 0);
    esk_vector_fill_x(0, v, ESK_FIX(9), ESK_FIX(4), NO);
    CHECK(vector_is(v, 6, (const int[]){0, 1, 2, 3, 9, 9}));
}

static void test_lists_and_append(void) {
    esk_val list = esk_vector_to_list(0, iota_vector(5), ESK_FIX(1), ESK_FIX(4));
    CHECK(ESK_CAR(list) == ESK_FIX(1) && ESK_CAR(ESK_CDR(ESK_CDR(list))) == ESK_FIX(3));
    CHECK(esk_seq_list_length(0, "test", list) == 3);
    CHECK(vector_is(esk_list_to_vector(0, list), 3, (const int[]){1, 2, 3}));
    CHECK(ESK_VECTOR(esk_list_to_vector(0, ESK_NIL))->h.size == 0);
    esk_val parts[3] = {iota_vector(2), iota_vector(0), iota_vector(3)};
    CHECK(vector_is(esk_vector_append(0, 3, parts), 5, (const int[]){0, 1, 0, 1, 2}));
    esk_val items[2] = {ESK_TRUE, ESK_NIL};
    esk_val v = esk_vector_of(0, 2, items);
    CHECK(ESK_VECTOR(v)->items[0] == ESK_TRUE && ESK_VECTOR(v)->items[1] == ESK_NIL);
    CHECK(esk_vector_ref(0, v, ESK_FIX(1)) == ESK_NIL);
    esk_vector_set_x(0, v, ESK_FIX(1), ESK_FIX(42));
    CHECK(esk_vector_ref(0, v, ESK_FIX(1)) == ESK_FIX(42));
    CHECK(ESK_VECTOR(esk_make_vector(0, ESK_FIX(3), NO))->items[2] == ESK_FALSE);
}

static void test_bytevectors(void) {
    esk_val b = esk_bytevector_from((const uint8_t *)"abcdef", 6);
    esk_bytevector_copy_x(0, b, ESK_FIX(1), b, ESK_FIX(0), ESK_FIX(3));
    CHECK(memcmp(ESK_BYTEVECTOR(b)->bytes, "aabcef", 6) == 0);
    esk_bytevector_copy_x(0, b, ESK_FIX(0), b, ESK_FIX(2), NO);
    CHECK(memcmp(ESK_BYTEVECTOR(b)->bytes, "bcefef", 6) == 0);
    esk_val c = esk_bytevector_copy(0, b, ESK_FIX(2), ESK_FIX(4));
    CHECK(ESK_BYTEVECTOR(c)->h.size == 2 && memcmp(ESK_BYTEVECTOR(c)->bytes, "ef", 2) == 0);
    esk_val bytes[3] = {ESK_FIX(0), ESK_FIX(255), ESK_FIX(7)};
    esk_val d = esk_bytevector_of(0, 3, bytes);
    CHECK(esk_bytevector_u8_ref(0, d, ESK_FIX(1)) == ESK_FIX(255));
    esk_bytevector_u8_set_x(0, d, ESK_FIX(2), ESK_FIX(128));
    esk_val parts[2] = {c, d};
    esk_val e = esk_bytevector_append(0, 2, parts);
    CHECK(ESK_BYTEVECTOR(e)->h.size == 5 && memcmp(ESK_BYTEVECTOR(e)->bytes, "ef\0\xff\x80", 5) == 0);
    CHECK(esk_bytevector_length(0, esk_make_bytevector(0, ESK_FIX(4), ESK_FIX(3))) == ESK_FIX(4));
    CHECK(ESK_BYTEVECTOR(esk_make_bytevector(0, ESK_FIX(4), ESK_FIX(3)))->bytes[3] == 3);
}

static void test_ranges(void) {
    size_t from = 99, to = 99;
    esk_seq_range(0, "test", ESK_FALSE, 5, NO, NO, &from, &to);
    CHECK(from == 0 && to == 5);
    esk_seq_range(0, "test", ESK_FALSE, 5, ESK_FIX(5), NO, &from, &to);
    CHECK(from == 5 && to == 5);
    esk_seq_range(0, "test", ESK_FALSE, 5, ESK_FIX(2), ESK_FIX(2), &from, &to);
    CHECK(from == 2 && to == 2);
    CHECK(esk_seq_index(0, "test", ESK_FIX(4), 5, ESK_FALSE) == 4);
    CHECK(esk_seq_length_arg(0, "test", ESK_FIX(0)) == 0);
}

int main(void) {
    test_copy();
    test_lists_and_append();
    test_bytevectors();
    test_ranges();
    return check_report("test_vector");
}
