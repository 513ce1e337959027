/* test_flonum.c - libm-free flonum math against libm: ulp errors, exact rounding functions, printing round trips. */
#include "eshkol.h"
#include "num_check.h"

#include <math.h>
#include <stdlib.h>


static uint64_t bits_of(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static double from_bits(uint64_t u) {
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static int same(double a, double b) { return (isnan(a) && isnan(b)) || bits_of(a) == bits_of(b); }

/* Any double, from random bits (NaNs and infinities included). */
static double random_double(void) { return from_bits(check_rand()); }

static double uniform(double lo, double hi) { return lo + (hi - lo) * ((double)(check_rand() >> 11) / 9007199254740992.0); }

/* Spread over orders of magnitude: +-exp(uniform(log lo, log hi)). */
static double spread(double lo, double hi) {
    double x = exp(uniform(log(lo), log(hi)));
    return check_rand() & 1 ? -x : x;
}

/* Error of got in ulps of the double nearest ref (ref: long double libm,
 * 11 bits more precise than a double). */
static double ulp_error(double got, long double ref) {
    double r = (double)ref, ulp;
    int e;
    if (isnan(r) || isinf(r) || isnan(got) || isinf(got)) return same(got, r) ? 0 : 1e9;
    frexp(r, &e);
    ulp = ldexp(1.0, (e - 53 < -1074 ? -1074 : e - 53));
    return (double)(fabsl((long double)got - ref) / ulp);
}

/* ---- transcendental functions vs libm ------------------------------------------ */
typedef double (*fn1)(double);
typedef long double (*ref1)(long double);

static double measure1(const char *name, fn1 f, ref1 ref, double lo, double hi, int log_spread, int n) {
    double worst = 0, worst_x = 0;
    int i;
    for (i = 0; i < n; i++) {
        double x = log_spread ? spread(lo, hi) : uniform(lo, hi);
        double e = ulp_error(f(x), ref(x));
        if (e > worst) worst = e, worst_x = x;
    }
    printf("  %-5s on %s[%g, %g]: max error %.3f ulp (at %.17g)\n", name, log_spread ? "+-" : "", lo, hi, worst, worst_x);
    return worst;
}

static long double atan1l(long double x) { return atanl(x); }

static void test_accuracy(void) {
    const int n = 20000;
    double worst = 0, e;
    int i;
    printf("ulp errors against long double libm, %d points each:\n", n);
#define ESK_TEST_MEASURE(name, f, ref, lo, hi, lg)                     \
    e = measure1(name, f, ref, lo, hi, lg, n);                         \
    worst = e > worst ? e : worst;                                     \
    CHECK(e <= 1.0)
    ESK_TEST_MEASURE("exp", esk_flo_exp, expl, -745.0, 709.7, 0);
    ESK_TEST_MEASURE("exp", esk_flo_exp, expl, -1.0, 1.0, 0);
    ESK_TEST_MEASURE("log", esk_flo_log, logl, 1e-320, 1e308, 1);
    ESK_TEST_MEASURE("log", esk_flo_log, logl, 0.5, 2.0, 0);
    ESK_TEST_MEASURE("sin", esk_flo_sin, sinl, -10.0, 10.0, 0);
    ESK_TEST_MEASURE("sin", esk_flo_sin, sinl, 1e-10, 1e300, 1);
    ESK_TEST_MEASURE("cos", esk_flo_cos, cosl, -10.0, 10.0, 0);
    ESK_TEST_MEASURE("cos", esk_flo_cos, cosl, 1e-10, 1e300, 1);
    ESK_TEST_MEASURE("tan", esk_flo_tan, tanl, -10.0, 10.0, 0);
    ESK_TEST_MEASURE("tan", esk_flo_tan, tanl, 1e-10, 1e300, 1);
    ESK_TEST_MEASURE("asin", esk_flo_asin, asinl, -1.0, 1.0, 0);
    ESK_TEST_MEASURE("acos", esk_flo_acos, acosl, -1.0, 1.0, 0);
    ESK_TEST_MEASURE("atan", esk_flo_atan, atan1l, -4.0, 4.0, 0);
    ESK_TEST_MEASURE("atan", esk_flo_atan, atan1l, 1e-300, 1e300, 1);
#undef ESK_TEST_MEASURE
    {
        double w2 = 0, wp = 0;
        for (i = 0; i < n; i++) {
            double y = uniform(-5, 5), x = uniform(-5, 5), a = spread(1e-200, 1e200), b = spread(1e-200, 1e200);
            double e1 = ulp_error(esk_flo_atan2(y, x), atan2l(y, x)), e2 = ulp_error(esk_flo_atan2(a, b), atan2l(a, b));
            w2 = e1 > w2 ? e1 : w2;
            w2 = e2 > w2 ? e2 : w2;
        }
        for (i = 0; i < n; i++) {
            double x = exp(uniform(-50, 50)), y = uniform(-20, 20), xi = uniform(-10, 10);
            double k = (double)(int)uniform(-30, 30);
            double e1 = ulp_error(esk_flo_pow(x, y), powl(x, y));
            double e2 = ulp_error(esk_flo_pow(xi, k), powl(xi, k));
            wp = e1 > wp ? e1 : wp;
            wp = e2 > wp ? e2 : wp;
        }
        printf("  atan2 on [-5, 5]^2 and +-[1e-200, 1e200]^2: max error %.3f ulp\n", w2);
        printf("  pow   on [e^-50, e^50] x [-20, 20] and [-10, 10] x integers: max error %.3f ulp\n", wp);
        CHECK(w2 <= 1.0);
        CHECK(wp <= 1.0);
        worst = w2 > worst ? w2 : worst;
        worst = wp > worst ? wp : worst;
    }
    printf("worst: %.3f ulp\n", worst);
}

static void test_exact_cases(void) {
    CHECK(esk_flo_exp(0) == 1.0 && esk_flo_log(1) == 0.0 && esk_flo_sin(0) == 0.0 && esk_flo_cos(0) == 1.0);
    CHECK(same(esk_flo_sin(-0.0), -0.0) && same(esk_flo_tan(-0.0), -0.0) && same(esk_flo_atan(-0.0), -0.0));
    CHECK(same(esk_flo_asin(-0.0), -0.0) && esk_flo_acos(1) == 0.0);
    CHECK(esk_flo_exp(1) == 2.718281828459045);
    CHECK(esk_flo_atan2(1, 1) == 0.7853981633974483 && esk_flo_atan(1) * 4 == 3.141592653589793);
    CHECK(esk_flo_log(100) / esk_flo_log(10) == 2.0);
    CHECK(esk_flo_pow(2, 10) == 1024.0 && esk_flo_pow(10, -2) == 0.01 && esk_flo_pow(2, 0.5) == esk_flo_sqrt(2));
    CHECK(esk_flo_pow(-2, 3) == -8.0 && isnan(esk_flo_pow(-2, 0.5)) && esk_flo_pow(0.0, -1) == INFINITY);
    CHECK(same(esk_flo_pow(-0.0, 3), -0.0) && esk_flo_pow(1, NAN) == 1.0 && esk_flo_pow(NAN, 0) == 1.0);
    CHECK(esk_flo_pow(0.5, INFINITY) == 0.0 && esk_flo_pow(2, -INFINITY) == 0.0 && esk_flo_pow(-1, INFINITY) == 1.0);
    CHECK(esk_flo_pow(-INFINITY, 3) == -INFINITY && same(esk_flo_pow(-INFINITY, -3), -0.0));
    CHECK(esk_flo_pow(1e300, 1e300) == INFINITY && esk_flo_pow(1e-300, 1e300) == 0.0);
    CHECK(esk_flo_exp(710) == INFINITY && esk_flo_exp(-746) == 0.0 && esk_flo_exp(-745) == 4.9406564584124654e-324);
    CHECK(esk_flo_log(0) == -INFINITY && isnan(esk_flo_log(-1)) && esk_flo_log(INFINITY) == INFINITY);
    CHECK(isnan(esk_flo_sin(INFINITY)) && isnan(esk_flo_asin(1.5)) && esk_flo_atan(INFINITY) == 1.5707963267948966);
    CHECK(esk_flo_atan2(0.0, -1) == 3.141592653589793 && esk_flo_atan2(-0.0, -1) == -3.141592653589793);
    CHECK(same(esk_flo_atan2(-0.0, 1), -0.0) && esk_flo_atan2(INFINITY, -INFINITY) == 2.356194490192345);
    CHECK(esk_flo_sin(1e22) == -0.8522008497671888);
}

/* ---- bit-exact functions: libm's are correctly rounded too -------------------------- */
static void test_bit_exact(void) {
    int i, bad_sqrt = 0, bad_round = 0, bad_ldexp = 0, bad_make = 0;
    for (i = 0; i < 200000; i++) {
        double x = random_double(), y = i % 2 ? x : ldexp(uniform(-4, 4), (int)(check_rand() % 120) - 60);
        int64_t k = (int64_t)(check_rand() % 4400) - 2200;
        if (!same(esk_flo_sqrt(fabs(x)), sqrt(fabs(x)))) bad_sqrt++;
        if (!same(esk_flo_floor(y), floor(y)) || !same(esk_flo_ceil(y), ceil(y))) bad_round++;
        if (!same(esk_flo_trunc(y), trunc(y)) || !same(esk_flo_round(y), rint(y))) bad_round++;
        if (!same(esk_flo_ldexp(x, k), ldexp(x, (int)k))) bad_ldexp++;
    }
    for (i = 0; i < 200000; i++) { /* magnitude * 2^e: a 64-bit magnitude is exact in a long double */
        uint64_t m = check_rand() >> (check_rand() % 64);
        int64_t e = (int64_t)(check_rand() % 2300) - 1200;
        if (m == 0) continue;
        if (!same(esk_flo_make(0, m, e, 0), (double)ldexpl((long double)m, (int)e))) bad_make++;
    }
    for (i = 1; i < 100000; i++) { /* perfect squares, also scaled into the subnormals */
        double r = (double)i * (double)(check_rand() >> 55); /* r*r exact: below 2^52 */
        if (esk_flo_sqrt(r * r) != r || esk_flo_sqrt(ldexp(r * r, -1060)) != ldexp(r, -530)) bad_sqrt++;
    }
    CHECK(bad_sqrt == 0);
    CHECK(bad_round == 0);
    CHECK(bad_ldexp == 0);
    CHECK(bad_make == 0);
    CHECK(same(esk_flo_sqrt(-0.0), -0.0) && isnan(esk_flo_sqrt(-1)) && esk_flo_sqrt(INFINITY) == INFINITY);
    CHECK(esk_flo_round(2.5) == 2.0 && esk_flo_round(3.5) == 4.0 && same(esk_flo_round(-0.5), -0.0));
    CHECK(esk_flo_round(4503599627370495.5) == 4503599627370496.0 && esk_flo_round(0.49999999999999994) == 0.0);
    CHECK(esk_flo_make(0, 1, 1024, 0) == INFINITY && esk_flo_make(1, 3, -1076, 0) == -4.9406564584124654e-324);
    CHECK(esk_flo_make(0, 1, -1075, 1) == 4.9406564584124654e-324 && esk_flo_make(0, 1, -1075, 0) == 0.0);
    CHECK(esk_flo_is_integer(1e300) && !esk_flo_is_integer(0.5) && !esk_flo_is_integer(INFINITY));
}

/* ---- printing ---------------------------------------------------------------------------- */
static const char *spelled(double x) {
    static char buf[64];
    esk_flo_to_cstring(x, buf, sizeof buf);
    return buf;
}

/* Significant digits of a spelling, without leading or trailing zeros. */
static int significant_digits(const char *s) {
    char digits[64];
    int n = 0, start = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') digits[n++] = *s;
    while (start < n && digits[start] == '0') start++;
    while (n > start && digits[n - 1] == '0') n--;
    return n - start;
}

/* The reference: the first precision from 1 up that reads back. */
static int shortest_reference(double x) {
    char text[40];
    int p;
    for (p = 1; p < 17; p++) {
        snprintf(text, sizeof text, "%.*e", p - 1, x);
        if (strtod(text, NULL) == x) break;
    }
    snprintf(text, sizeof text, "%.*e", p - 1, x);
    return significant_digits(text);
}

static void test_printing(void) {
    int i, bad = 0;
    char buf[64];
    CHECK_STR(spelled(0.1), "0.1");
    CHECK_STR(spelled(0.1 + 0.2), "0.30000000000000004");
    CHECK_STR(spelled(100.0), "100.0");
    CHECK_STR(spelled(1e21), "1e21");
    CHECK_STR(spelled(1e20), "100000000000000000000.0");
    CHECK_STR(spelled(1e-7), "1e-7");
    CHECK_STR(spelled(1.5e-7), "1.5e-7");
    CHECK_STR(spelled(1e-6), "0.000001");
    CHECK_STR(spelled(-0.0), "-0.0");
    CHECK_STR(spelled(0.0), "0.0");
    CHECK_STR(spelled(INFINITY), "+inf.0");
    CHECK_STR(spelled(-INFINITY), "-inf.0");
    CHECK_STR(spelled(NAN), "+nan.0");
    CHECK_STR(spelled(-1.7976931348623157e308), "-1.7976931348623157e308");
    CHECK_STR(spelled(5e-324), "5e-324");
    CHECK_STR(spelled(3.14), "3.14");
    CHECK_STR(spelled(-123456.789), "-123456.789");
    CHECK(esk_flo_to_cstring(0.30000000000000004, buf, 5) == 19);
    CHECK_STR(buf, "0.30");
    for (i = 0; i < 100000; i++) { /* reads back, through strtod and through string->number */
        double x = i % 3 ? random_double() : i % 2 ? spread(1e-30, 1e30) : spread(1e-323, 1e-300);
        esk_val back;
        const char *s = spelled(x);
        if (!same(strtod(s[0] == '+' ? s + 1 : s, NULL), x) && !isnan(x)) bad++;
        back = esk_num_parse(s, strlen(s), 10);
        if (!ESK_IS_FLONUM(back) || !same(ESK_FLONUM(back), x)) bad++;
        if (strlen(s) > 25) bad++; /* -0.0000012345678901234567 is the longest */
        if (x == x && x - x == 0 && x != 0 && significant_digits(s) != shortest_reference(fabs(x))) bad++;
    }
    CHECK(bad == 0);
}

int main(void) {
    test_accuracy();
    test_exact_cases();
    test_bit_exact();
    test_printing();
    return check_report("flonum");
}
