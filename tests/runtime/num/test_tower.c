/* test_tower.c - the numeric tower: contagion, normalisation, exact comparisons, eqv?, reading and writing, built-ins. */
#include "eshkol.h"
#include "num_check.h"

#include <stdlib.h>


#define NO ESK_DEFAULT

static esk_val num(const char *s) {
    esk_val v = esk_num_parse(s, strlen(s), 10);
    if (v == ESK_FALSE) fprintf(stderr, "not a number: %s\n", s);
    return v;
}

static const char *text(esk_val v) {
    static char buf[4][4096];
    static int slot;
    char *b = buf[slot++ & 3];
    esk_number_to_cstring(v, 10, b, sizeof buf[0]);
    return b;
}

/* The first of several values. */
static esk_val first(esk_val v) { return ESK_HAS_TYPE(v, ESK_T_VALUES) ? ((esk_values *)ESK_HEAP(v))->items[0] : v; }
static esk_val second(esk_val v) { return ((esk_values *)ESK_HEAP(v))->items[1]; }

static void test_arithmetic(void) {
    CHECK_STR(text(esk_num_add(0, num("1/2"), num("1/3"))), "5/6");
    CHECK_STR(text(esk_num_sub(0, num("1/2"), num("1/2"))), "0");
    CHECK(esk_num_sub(0, num("1/2"), num("1/2")) == ESK_FIX(0));
    CHECK(esk_num_mul(0, num("2/3"), num("3/2")) == ESK_FIX(1));
    CHECK_STR(text(esk_num_div(0, ESK_FIX(7), ESK_FIX(2))), "7/2");
    CHECK_STR(text(esk_num_div(0, ESK_FIX(6), ESK_FIX(-4))), "-3/2");
    CHECK(esk_num_div(0, ESK_FIX(6), ESK_FIX(3)) == ESK_FIX(2));
    CHECK_STR(text(esk_num_add(0, num("1/2"), num("0.5"))), "1.0");
    CHECK_STR(text(esk_num_mul(0, ESK_FIX(3), num("1.5"))), "4.5");
    CHECK_STR(text(esk_num_div(0, num("1.0"), num("0.0"))), "+inf.0");
    CHECK_STR(text(esk_add(0, ESK_FIX(ESK_FIXNUM_MAX), ESK_FIX(1))), "4611686018427387904");
    CHECK_STR(text(esk_mul(0, ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(-1))), "4611686018427387904");
    CHECK_STR(text(esk_sub(0, ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(1))), "-4611686018427387905");
    CHECK(esk_sub(0, esk_add(0, ESK_FIX(ESK_FIXNUM_MAX), ESK_FIX(1)), ESK_FIX(1)) == ESK_FIX(ESK_FIXNUM_MAX));
    CHECK_STR(text(esk_num_add(0, num("123456789012345678901234567890"), num("1/3"))), "370370367037037036703703703671/3");
    CHECK_STR(text(esk_num_mul(0, num("1/123456789012345678901"), num("123456789012345678901"))), "1");
    CHECK_STR(text(esk_num_sub(0, num("-1/2"), num("-1/2"))), "0");
    CHECK_STR(text(esk_sub(0, ESK_FIX(0), num("0.0"))), "-0.0"); /* (- x) is (- 0 x) */
    CHECK_STR(text(esk_add(0, ESK_FIX(0), num("-0.0"))), "-0.0");
    CHECK_STR(text(esk_sub(0, num("-0.0"), ESK_FIX(0))), "-0.0");
}

static void test_comparison(void) {
    CHECK(esk_num_lt(0, "<", num("1/3"), num("1/2")));
    CHECK(!esk_num_lt(0, "<", num("1/3"), num("0.3333333333333333")));
    CHECK(esk_num_lt(0, "<", num("0.3333333333333333"), num("1/3")));
    CHECK(!esk_num_equal(0, "=", num("9007199254740993"), num("9007199254740992.0")));
    CHECK(esk_num_lt(0, "<", num("9007199254740992.0"), num("9007199254740993")));
    CHECK(esk_num_equal(0, "=", num("1/2"), num("0.5")) && esk_num_equal(0, "=", num("0.0"), num("-0.0")));
    CHECK(!esk_num_lt(0, "<", ESK_FIX(1), num("+nan.0")) && !esk_num_le(0, "<=", num("+nan.0"), num("+nan.0")));
    CHECK(!esk_num_equal(0, "=", num("+nan.0"), num("+nan.0")));
    CHECK(esk_num_lt(0, "<", num("-inf.0"), num("-100000000000000000000000000000000000000000000000000")));
    CHECK(esk_num_lt(0, "<", num("1e308"), esk_big_pow(ESK_FIX(10), 400)));
    CHECK(esk_num_le(0, "<=", ESK_FIX(5), num("5.0")) && esk_num_le(0, "<=", num("-1/2"), num("-1/2")));
    CHECK(esk_lt(0, "<", num("-100000000000000000000000"), ESK_FIX(-5)));
}

static void test_eqv(void) {
    CHECK(!esk_num_eqv(num("0.0"), num("-0.0")));
    CHECK(esk_num_eqv(num("+nan.0"), num("+nan.0")));
    CHECK(!esk_num_eqv(ESK_FIX(2), num("2.0")));
    CHECK(esk_num_eqv(esk_big_pow(ESK_FIX(2), 100), esk_big_pow(ESK_FIX(2), 100)));
    CHECK(esk_num_eqv(num("1/2"), esk_num_div(0, ESK_FIX(2), ESK_FIX(4))));
    CHECK(!esk_num_eqv(num("1/2"), num("1/3")) && esk_num_eqv(num("1.5"), num("1.5")));
}

static void test_reading(void) {
    static const char *const same[][2] = {
        {"#xff", "255"}, {"#b-1010", "-10"}, {"#o777", "511"}, {"#e1.5", "3/2"}, {"#e1e3", "1000"},
        {"#i1/3", "0.3333333333333333"}, {"#i-0", "-0.0"}, {"#x#e10", "16"}, {"#e#x10", "16"}, {".5", "0.5"},
        {"-5.", "-5.0"}, {"1E-3", "0.001"}, {"+inf.0", "+inf.0"}, {"-INF.0", "-inf.0"}, {"-nan.0", "+nan.0"},
        {"#e-0.125", "-1/8"}, {"#x1/A", "1/10"}, {"6/4", "3/2"}, {"1e400", "+inf.0"}, {"-1e-400", "-0.0"},
        {"#e1.2e-3", "3/2500"}, {"00012", "12"}, {"#i#b101", "5.0"}, {"#e0e99999999999", "0"},
        {"123456789012345678901234567890", "123456789012345678901234567890"},
        {"1+2i", "1+2i"}, {"-i", "-i"}, {"+i", "+i"}, {"#x1+fi", "1+15i"}, {"1@0", "1"}, {"-2.5+0i", "-2.5"},
        {"-2.5+0.0i", "-2.5+0.0i"}, {"#e1.5-.5i", "3/2-1/2i"}, {"+inf.0-inf.0i", "+inf.0-inf.0i"},
    };
    static const char *const bad[] = {"", "+", "-", ".", "..", "abc", "1.2.3", "1e", "e5", "1/0", "1/", "/2",
                                      "1/2/3", "#x", "#x#x1", "#e#i1", "#q1", "#e+inf.0", "inf.0", "+inf.1",
                                      "1+2ii", "1@", "#x1.5", "1 ", " 1", "12a", "#b2", "--1", "1e1.5", "#e1e10001",
                                      "#", "1/2.0", "+.e1", "#i#"};
    size_t i;
    for (i = 0; i < sizeof same / sizeof same[0]; i++) {
        esk_val v = esk_num_parse(same[i][0], strlen(same[i][0]), 10);
        CHECK_STR(v == ESK_FALSE ? "#f" : text(v), same[i][1]);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        esk_val v = esk_num_parse(bad[i], strlen(bad[i]), 10);
        if (v != ESK_FALSE) fprintf(stderr, "accepted \"%s\" as %s\n", bad[i], text(v));
        CHECK(v == ESK_FALSE);
    }
    CHECK(esk_num_parse("ff", 2, 16) == ESK_FIX(255) && esk_num_parse("#d10", 4, 16) == ESK_FIX(10));
    CHECK(esk_num_parse("12", 2, 2) == ESK_FALSE && esk_num_parse("-101", 4, 2) == ESK_FIX(-5));
}

static void test_writing(void) {
    char small[8];
    CHECK(esk_number_to_cstring(num("-22/7"), 16, small, sizeof small) == 5);
    CHECK_STR(small, "-16/7");
    CHECK(esk_number_to_cstring(num("123456/7"), 10, small, 5) == 8);
    CHECK_STR(small, "1234");
    CHECK(esk_number_to_cstring(num("1234/56789"), 10, small, 6) == 10);
    CHECK_STR(small, "1234/");
    CHECK(esk_number_to_cstring(esk_big_pow(ESK_FIX(2), 100), 2, NULL, 0) == 101);
    CHECK_STR(text(num("-0.0")), "-0.0");
}

static void test_division_family(void) {
    CHECK(esk_quotient(0, ESK_FIX(-7), ESK_FIX(2)) == ESK_FIX(-3) && esk_remainder(0, ESK_FIX(-7), ESK_FIX(2)) == ESK_FIX(-1));
    CHECK(esk_modulo(0, ESK_FIX(-7), ESK_FIX(2)) == ESK_FIX(1) && esk_modulo(0, ESK_FIX(7), ESK_FIX(-2)) == ESK_FIX(-1));
    CHECK(first(esk_floor_slash(0, ESK_FIX(-5), ESK_FIX(2))) == ESK_FIX(-3));
    CHECK(second(esk_floor_slash(0, ESK_FIX(-5), ESK_FIX(2))) == ESK_FIX(1));
    CHECK(first(esk_truncate_slash(0, ESK_FIX(-5), ESK_FIX(2))) == ESK_FIX(-2));
    CHECK_STR(text(esk_modulo(0, num("-7.0"), ESK_FIX(2))), "1.0");
    CHECK_STR(text(esk_remainder(0, num("-6.0"), ESK_FIX(3))), "-0.0");
    CHECK_STR(text(esk_floor_quotient(0, num("-100000000000000000000"), ESK_FIX(7))), "-14285714285714285715");
    CHECK_STR(text(esk_quotient(0, ESK_FIX(ESK_FIXNUM_MIN), ESK_FIX(-1))), "4611686018427387904");
    {
        esk_val args[3] = {ESK_FIX(32), ESK_FIX(-36), ESK_FIX(0)};
        CHECK(esk_gcd(0, 2, args) == ESK_FIX(4) && esk_lcm(0, 2, args) == ESK_FIX(288));
        CHECK(esk_gcd(0, 0, args) == ESK_FIX(0) && esk_lcm(0, 0, args) == ESK_FIX(1) && esk_lcm(0, 3, args) == ESK_FIX(0));
    }
}

static void test_rounding_and_exactness(void) {
    CHECK(esk_round(0, num("7/2")) == ESK_FIX(4) && esk_round(0, num("5/2")) == ESK_FIX(2));
    CHECK(esk_round(0, num("-7/2")) == ESK_FIX(-4) && esk_floor(0, num("-7/2")) == ESK_FIX(-4));
    CHECK(esk_ceiling(0, num("-7/2")) == ESK_FIX(-3) && esk_truncate(0, num("-7/2")) == ESK_FIX(-3));
    CHECK(esk_round(0, num("-1/3")) == ESK_FIX(0) && esk_round(0, num("2/3")) == ESK_FIX(1));
    CHECK_STR(text(esk_round(0, num("-2.5"))), "-2.0");
    CHECK_STR(text(esk_round(0, num("-0.4"))), "-0.0");
    CHECK_STR(text(esk_exact(0, num("0.1"))), "3602879701896397/36028797018963968");
    CHECK_STR(text(esk_exact(0, num("1e30"))), "1000000000000000019884624838656");
    CHECK_STR(text(esk_exact(0, num("-0.75"))), "-3/4");
    CHECK(esk_exact(0, num("-0.0")) == ESK_FIX(0));
    CHECK_STR(text(esk_inexact(0, num("1/3"))), "0.3333333333333333");
    CHECK_STR(text(esk_inexact(0, esk_big_pow(ESK_FIX(10), 400))), "+inf.0");
    CHECK_STR(text(esk_numerator(0, num("0.5"))), "1.0");
    CHECK_STR(text(esk_denominator(0, num("-6/4"))), "2");
}

static void test_roots_and_powers(void) {
    CHECK(esk_sqrt(0, ESK_FIX(16)) == ESK_FIX(4));
    CHECK_STR(text(esk_sqrt(0, num("4/9"))), "2/3");
    CHECK_STR(text(esk_sqrt(0, ESK_FIX(2))), "1.4142135623730951");
    CHECK_STR(text(esk_sqrt(0, num("1/2"))), "0.7071067811865476");
    CHECK_STR(text(esk_sqrt(0, esk_big_pow(ESK_FIX(3), 101))), "1.243435789333745e24");
    CHECK_STR(text(esk_sqrt(0, esk_num_add(0, esk_big_pow(ESK_FIX(10), 400), ESK_FIX(1)))), "1e200");
    CHECK_STR(text(esk_sqrt(0, esk_num_div(0, ESK_FIX(1), esk_big_pow(ESK_FIX(10), 401)))), "3.1622776601683792e-201");
    CHECK(first(esk_exact_integer_sqrt(0, ESK_FIX(17))) == ESK_FIX(4));
    CHECK(second(esk_exact_integer_sqrt(0, ESK_FIX(17))) == ESK_FIX(1));
    CHECK_STR(text(esk_expt(0, ESK_FIX(2), ESK_FIX(100))), "1267650600228229401496703205376");
    CHECK_STR(text(esk_expt(0, ESK_FIX(2), ESK_FIX(-3))), "1/8");
    CHECK_STR(text(esk_expt(0, num("-1/2"), ESK_FIX(-3))), "-8");
    CHECK(esk_expt(0, ESK_FIX(0), ESK_FIX(0)) == ESK_FIX(1) && esk_expt(0, ESK_FIX(4), num("1/2")) == ESK_FIX(2));
    CHECK_STR(text(esk_expt(0, num("27/8"), num("-2/3"))), "4/9");
    CHECK_STR(text(esk_expt(0, ESK_FIX(2), num("1/2"))), "1.4142135623730951");
    CHECK_STR(text(esk_expt(0, num("2.0"), ESK_FIX(10))), "1024.0");
    CHECK_STR(text(esk_log(0, ESK_FIX(100), ESK_FIX(10))), "2.0");
    CHECK_STR(text(esk_log(0, ESK_FIX(1000), ESK_FIX(10))), "3.0");
    CHECK_STR(text(esk_log(0, esk_big_pow(ESK_FIX(10), 400), NO)), "921.0340371976183");
    CHECK_STR(text(esk_log(0, esk_num_div(0, ESK_FIX(1), esk_big_pow(ESK_FIX(10), 400)), NO)), "-921.0340371976183");
    CHECK_STR(text(esk_log(0, ESK_FIX(0), NO)), "-inf.0");
    CHECK_STR(text(esk_atan(0, ESK_FIX(1), ESK_FIX(1))), "0.7853981633974483");
    CHECK_STR(text(esk_exp(0, ESK_FIX(0))), "1.0");
}

static void test_predicates(void) {
    CHECK(esk_integer_p(0, num("2.0")) == ESK_TRUE && esk_integer_p(0, num("1/2")) == ESK_FALSE);
    CHECK(esk_rational_p(0, num("+inf.0")) == ESK_FALSE && esk_rational_p(0, num("0.5")) == ESK_TRUE);
    CHECK(esk_exact_rational_p(0, num("1/2")) == ESK_TRUE && esk_exact_integer_p(0, num("1/2")) == ESK_FALSE);
    CHECK(esk_nan_p(0, num("+nan.0")) == ESK_TRUE && esk_finite_p(0, esk_big_pow(ESK_FIX(10), 400)) == ESK_TRUE);
    CHECK(esk_zero_p(0, num("-0.0")) == ESK_TRUE && esk_positive_p(0, num("+nan.0")) == ESK_FALSE);
    CHECK(esk_odd_p(0, esk_num_add(0, esk_big_pow(ESK_FIX(2), 100), ESK_FIX(1))) == ESK_TRUE);
    CHECK(esk_even_p(0, num("-4.0")) == ESK_TRUE && esk_number_p(0, ESK_TRUE) == ESK_FALSE);
    {
        esk_val args[3] = {ESK_FIX(1), num("2.0"), num("1/2")};
        CHECK_STR(text(esk_max(0, 3, args)), "2.0");
        CHECK_STR(text(esk_min(0, 3, args)), "0.5");
        CHECK_STR(text(esk_abs(0, num("-7/2"))), "7/2");
        CHECK_STR(text(esk_abs(0, num("-0.0"))), "0.0");
    }
}

int main(void) {
    test_arithmetic();
    test_comparison();
    test_eqv();
    test_reading();
    test_writing();
    test_division_family();
    test_rounding_and_exactness();
    test_roots_and_powers();
    test_predicates();
    return check_report("tower");
}
