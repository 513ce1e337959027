/* test_bignum.c - exact integers: known values, products and quotients against slow references, text, roots. */
#include "eshkol.h"
#include "num_check.h"

#include <stdlib.h>


/* ---- helpers -------------------------------------------------------------- */
static char text_buf[4][20000];
static int text_slot;

static const char *text(esk_val v, int radix) {
    char *b = text_buf[text_slot++ & 3];
    esk_big_to_cstring(v, radix, b, sizeof text_buf[0]);
    return b;
}

static esk_val parse(const char *s, int radix) {
    int neg = *s == '-';
    esk_val v = esk_big_parse(s + neg, strlen(s + neg), radix);
    return neg ? esk_big_neg(v) : v;
}

/* A random integer of up to `bits` bits (sometimes all ones, sometimes a
 * power of two: the carry and normalisation edge cases), random sign. */
static esk_val random_int(int bits) {
    esk_val v = ESK_FIX(0);
    int b, shape = (int)(check_rand() % 8);
    if (shape == 0) v = esk_big_sub(esk_big_shift(ESK_FIX(1), bits), ESK_FIX(1));
    else if (shape == 1) v = esk_big_shift(ESK_FIX(1), bits - 1);
    else
        for (b = 0; b < bits; b += 32) {
            uint32_t limb = (uint32_t)check_rand();
            if (bits - b < 32) limb &= (1u << (bits - b)) - 1;
            v = esk_big_add(esk_big_shift(v, 32), esk_big_from_u64(limb, 0));
        }
    return check_rand() & 1 ? esk_big_neg(v) : v;
}

static int random_bits(void) {
    static const int sizes[] = {1, 2, 31, 32, 33, 61, 62, 63, 64, 65, 96, 127, 128, 129, 300, 1279, 1281, 2600};
    return sizes[check_rand() % (sizeof sizes / sizeof sizes[0])];
}

/* The normalisation invariant: a bignum never holds a fixnum's value. */
static int normalised(esk_val v) {
    int64_t x;
    if (ESK_IS_FIXNUM(v)) return 1;
    return !(esk_big_to_i64(v, &x) && x >= ESK_FIXNUM_MIN && x <= ESK_FIXNUM_MAX);
}

/* ---- tests ----------------------------------------------------------------- */
static void test_known_values(void) {
    esk_val f = ESK_FIX(1);
    int i;
    for (i = 2; i <= 30; i++) f = esk_big_mul(f, ESK_FIX(i));
    CHECK_STR(text(f, 10), "265252859812191058636308480000000");
    CHECK_STR(text(esk_big_pow(ESK_FIX(2), 100), 10), "1267650600228229401496703205376");
    CHECK_STR(text(esk_big_pow(ESK_FIX(2), 64), 16), "10000000000000000");
    CHECK_STR(text(esk_big_pow(ESK_FIX(-3), 41), 10), "-36472996377170786403");
    CHECK_STR(text(parse("-zz", 36), 10), "-1295");
    CHECK_STR(text(ESK_FIX(0), 2), "0");
    CHECK(esk_big_add(ESK_FIX(ESK_FIXNUM_MAX), ESK_FIX(1)) != ESK_FIX(0));
    CHECK(ESK_IS_BIGNUM(esk_big_add(ESK_FIX(ESK_FIXNUM_MAX), ESK_FIX(1))));
    CHECK(esk_big_sub(esk_big_add(ESK_FIX(ESK_FIXNUM_MAX), ESK_FIX(1)), ESK_FIX(1)) == ESK_FIX(ESK_FIXNUM_MAX));
    CHECK(ESK_IS_BIGNUM(esk_big_neg(ESK_FIX(ESK_FIXNUM_MIN))));
    CHECK(esk_big_neg(esk_big_neg(ESK_FIX(ESK_FIXNUM_MIN))) == ESK_FIX(ESK_FIXNUM_MIN));
    CHECK(esk_big_sub(ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(1)) != ESK_FIX(0));
    CHECK_STR(text(esk_big_sub(ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(1)), 10), "-4611686018427387905");
    CHECK(esk_big_mul(esk_big_pow(ESK_FIX(2), 40), esk_big_pow(ESK_FIX(2), 20)) == ESK_FIX((intptr_t)1 << 60));
    CHECK(esk_big_shift(ESK_FIX(-5), -1) == ESK_FIX(-3)); /* floor */
    CHECK(esk_big_shift(ESK_FIX(5), -1) == ESK_FIX(2));
    CHECK(esk_big_shift(esk_big_pow(ESK_FIX(2), 200), -199) == ESK_FIX(2));
    CHECK(esk_big_bit_length(ESK_FIX(0)) == 0 && esk_big_bit_length(ESK_FIX(-8)) == 4);
}

/* Product by shifting and adding, one bit of |b| at a time. */
static esk_val slow_mul(esk_val a, esk_val b) {
    esk_val acc = ESK_FIX(0), m = esk_big_abs(b);
    uint64_t i, n = esk_big_bit_length(m);
    for (i = 0; i < n; i++)
        if (esk_big_is_odd(esk_big_shift(m, -(int64_t)i))) acc = esk_big_add(acc, esk_big_shift(a, (int64_t)i));
    return esk_big_sign(b) < 0 ? esk_big_neg(acc) : acc;
}

static void test_products(void) {
    int i, bad = 0;
    for (i = 0; i < 150; i++) {
        esk_val a = random_int(random_bits()), b = random_int(i % 10 == 0 ? 2600 : random_bits());
        esk_val p = esk_big_mul(a, b);
        if (esk_big_cmp(p, slow_mul(a, b)) != 0 || !normalised(p)) bad++;
        if (esk_big_cmp(p, esk_big_mul(b, a)) != 0) bad++;
    }
    CHECK(bad == 0);
    /* (a + b)^2 = a^2 + 2ab + b^2 on Karatsuba-sized operands */
    for (i = 0; i < 40; i++) {
        esk_val a = random_int(4000 + i * 97), b = random_int(3000), s = esk_big_add(a, b);
        esk_val lhs = esk_big_mul(s, s);
        esk_val rhs = esk_big_add(esk_big_add(esk_big_mul(a, a), esk_big_shift(esk_big_mul(a, b), 1)), esk_big_mul(b, b));
        if (esk_big_cmp(lhs, rhs) != 0) bad++;
    }
    CHECK(bad == 0);
}

/* Divisors with awkward top limbs make Knuth's qhat estimate need fixing. */
static esk_val awkward_divisor(void) {
    switch (check_rand() % 6) {
    case 0: return esk_big_sub(esk_big_shift(ESK_FIX(1), 32 * (int64_t)(1 + check_rand() % 5)), ESK_FIX(1));
    case 1: return esk_big_add(esk_big_shift(ESK_FIX(1), 64 + (int64_t)(check_rand() % 64)), ESK_FIX(1));
    case 2: return esk_big_shift(ESK_FIX(0x7FFFFFFF), 32 * (int64_t)(1 + check_rand() % 3));
    default: {
        esk_val d = random_int(random_bits());
        return d == ESK_FIX(0) ? ESK_FIX(7) : d;
    }
    }
}

static void test_division(void) {
    int i, bad = 0;
    for (i = 0; i < 3000; i++) {
        esk_val a = random_int(random_bits()), b = awkward_divisor(), q, r;
        if (check_rand() % 4 == 0) a = esk_big_add(esk_big_mul(b, random_int(random_bits())), random_int(8));
        esk_big_divmod(a, b, &q, &r);
        if (esk_big_cmp(esk_big_add(esk_big_mul(q, b), r), a) != 0) bad++;
        if (esk_big_cmp(esk_big_abs(r), esk_big_abs(b)) >= 0) bad++;
        if (r != ESK_FIX(0) && esk_big_sign(r) != esk_big_sign(a)) bad++;
        if (!normalised(q) || !normalised(r)) bad++;
    }
    CHECK(bad == 0);
    {
        esk_val q, r;
        esk_big_divmod(ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(-1), &q, &r);
        CHECK(ESK_IS_BIGNUM(q) && r == ESK_FIX(0));
        esk_big_divmod(ESK_FIX(-7), ESK_FIX(2), &q, &r);
        CHECK(q == ESK_FIX(-3) && r == ESK_FIX(-1));
        esk_big_divmod(parse("-100000000000000000000000000000000000007", 10), parse("10000000000000000000", 10), &q, &r);
        CHECK_STR(text(q, 10), "-10000000000000000000");
        CHECK_STR(text(r, 10), "-7");
    }
}

static void test_text(void) {
    int i, bad = 0;
    for (i = 0; i < 600; i++) {
        esk_val a = random_int(random_bits());
        int radix = 2 + (int)(check_rand() % 35);
        const char *t = text(a, radix);
        if (esk_big_cmp(parse(t, radix), a) != 0) bad++;
        if (esk_big_to_cstring(a, radix, NULL, 0) != (int)strlen(t)) bad++;
    }
    CHECK(bad == 0);
    {
        char small[6];
        int need = esk_big_to_cstring(esk_big_pow(ESK_FIX(10), 30), 10, small, sizeof small);
        CHECK(need == 31);
        CHECK_STR(small, "10000");
        CHECK(parse("000000000000000000000000000000000000042", 10) == ESK_FIX(42));
        CHECK(parse("FfFf", 16) == ESK_FIX(65535));
    }
}

static void test_gcd_and_roots(void) {
    int i, bad = 0;
    for (i = 0; i < 300; i++) {
        esk_val c = random_int(random_bits()), a = esk_big_mul(c, random_int(random_bits())), b = esk_big_mul(c, random_int(200));
        esk_val g = esk_big_gcd(a, b), q1, q2, r1, r2;
        if (g == ESK_FIX(0)) {
            if (a != ESK_FIX(0) || b != ESK_FIX(0)) bad++;
            continue;
        }
        esk_big_divmod(a, g, &q1, &r1);
        esk_big_divmod(b, g, &q2, &r2);
        if (r1 != ESK_FIX(0) || r2 != ESK_FIX(0) || esk_big_sign(g) < 0) bad++;
        if (esk_big_gcd(q1, q2) != ESK_FIX(1)) bad++;
    }
    CHECK(bad == 0);
    CHECK(esk_big_gcd(ESK_FIX(0), ESK_FIX(-12)) == ESK_FIX(12));
    CHECK(esk_big_cmp(esk_big_gcd(ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(0)), esk_big_neg(ESK_FIX(ESK_FIXNUM_MIN))) == 0);
    for (i = 0; i < 300; i++) {
        esk_val n = esk_big_abs(random_int(random_bits())), rem, s = esk_big_isqrt(n, &rem);
        esk_val s1 = esk_big_add(s, ESK_FIX(1));
        if (esk_big_cmp(esk_big_mul(s, s), n) > 0 || esk_big_cmp(esk_big_mul(s1, s1), n) <= 0) bad++;
        if (esk_big_cmp(esk_big_add(esk_big_mul(s, s), rem), n) != 0) bad++;
    }
    CHECK(bad == 0);
    for (i = 0; i < 60; i++) {
        uint64_t k = 2 + check_rand() % 9;
        esk_val r = esk_big_abs(random_int(1 + (int)(check_rand() % 200))), p = esk_big_pow(r, k);
        if (esk_big_cmp(esk_big_exact_root(p, k), r) != 0) bad++;
        if (esk_big_cmp(r, ESK_FIX(1)) > 0 && esk_big_exact_root(esk_big_add(p, ESK_FIX(1)), k) != ESK_FALSE) bad++;
    }
    CHECK(bad == 0);
    CHECK(esk_big_exact_root(ESK_FIX(27), 3) == ESK_FIX(3) && esk_big_exact_root(ESK_FIX(28), 3) == ESK_FALSE);
}

/* Conversions to double against strtod (correctly rounded by glibc). */
static void test_doubles(void) {
    int i, bad = 0;
    char buf[1200];
    for (i = 0; i < 2000; i++) {
        esk_val a = random_int(1 + (int)(check_rand() % 1100));
        if (esk_big_to_double(a) != strtod(text(a, 10), NULL)) bad++;
    }
    CHECK(bad == 0);
    for (i = 0; i < 2000; i++) { /* digits / 10^k */
        esk_val n = esk_big_abs(random_int(1 + (int)(check_rand() % 300)));
        int k = (int)(check_rand() % 400);
        snprintf(buf, sizeof buf, "%se-%d", text(n, 10), k);
        if (esk_big_ratio_to_double(n, esk_big_pow(ESK_FIX(10), (uint64_t)k)) != strtod(buf, NULL)) bad++;
    }
    CHECK(bad == 0);
    CHECK(esk_big_ratio_to_double(ESK_FIX(1), esk_big_shift(ESK_FIX(1), 1075)) == 0.0);            /* tie to even: 0 */
    CHECK(esk_big_ratio_to_double(ESK_FIX(3), esk_big_shift(ESK_FIX(1), 1076)) == 4.9406564584124654e-324);
    CHECK(esk_big_ratio_to_double(ESK_FIX(-1), ESK_FIX(3)) == -1.0 / 3);
    CHECK(esk_big_to_double(esk_big_pow(ESK_FIX(10), 400)) > 1.7976931348623157e308);
    CHECK(esk_big_to_double(esk_big_add(esk_big_pow(ESK_FIX(2), 53), ESK_FIX(1))) == 9007199254740992.0);
    CHECK(esk_big_to_double(esk_big_add(esk_big_pow(ESK_FIX(2), 53), ESK_FIX(3))) == 9007199254740996.0);
    for (i = 0; i < 500; i++) {
        double d = (double)(int64_t)(check_rand() >> 11) * (double)(1u << (check_rand() % 30));
        esk_val e = esk_big_from_double(d * 1e200);
        if (esk_big_to_double(e) != d * 1e200) bad++;
    }
    CHECK(bad == 0);
}

int main(void) {
    test_known_values();
    test_products();
    test_division();
    test_text();
    test_gcd_and_roots();
    test_doubles();
    return check_report("bignum");
}
