/* esk_num.c - the numeric tower: generic arithmetic and comparison, exact rationals, the built-ins of esk_num.def. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* Exact numbers are fixnums, bignums (esk_bignum.c) and ratnums (here);
 * inexact numbers are flonums (esk_flonum.c). An operation with any
 * inexact operand converts the exact ones to the nearest double first
 * (R7RS contagion); comparisons between exact and inexact numbers are
 * exact, so = < <= stay transitive. Complex numbers (compnums) are handed
 * to esk_complex.c, after every real case has been tried: where R7RS
 * returns one from real arguments, (sqrt -4), (log -1), (expt -8 1/3),
 * (asin 2), esk_complex.c computes it too. */

enum { ESK_NUM_FIX, ESK_NUM_BIG, ESK_NUM_RAT, ESK_NUM_FLO, ESK_NUM_CPX, ESK_NUM_NONE };

static int esk_num_kind(esk_val v) {
    if (ESK_IS_FIXNUM(v)) return ESK_NUM_FIX;
    if (!ESK_IS_HEAP(v)) return ESK_NUM_NONE;
    switch (ESK_HEAP(v)->type) {
    case ESK_T_BIGNUM: return ESK_NUM_BIG;
    case ESK_T_RATNUM: return ESK_NUM_RAT;
    case ESK_T_FLONUM: return ESK_NUM_FLO;
    case ESK_T_COMPNUM: return ESK_NUM_CPX;
    default: return ESK_NUM_NONE;
    }
}

int esk_is_number(esk_val v) { return esk_num_kind(v) != ESK_NUM_NONE; }

/* The kind of a number argument of who; raises a type error otherwise. */
static int esk_num_arg(int loc, const char *who, esk_val *v) {
    int k = esk_num_kind(*v);
    if (ESK_UNLIKELY(ESK_REFUSE(*v, (k = esk_num_kind(*v)) == ESK_NUM_NONE))) esk_type_error(loc, who, "a number", *v);
    return k;
}

/* The kind of a real number argument of who; raises a type error otherwise
 * ("a number" for what is not one, "a real number" for a complex one). */
static int esk_num_real_arg(int loc, const char *who, esk_val *v) {
    int k = esk_num_arg(loc, who, v);
    if (ESK_UNLIKELY(k == ESK_NUM_CPX)) esk_type_error(loc, who, "a real number", *v);
    return k;
}

static int esk_num_is_exact_int_kind(int k) { return k == ESK_NUM_FIX || k == ESK_NUM_BIG; }

static esk_val esk_num_flo(double d) { return esk_make_flonum(d); }

static int esk_num_signbit(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return (int)(u >> 63);
}

double esk_num_to_double(esk_val n) {
    switch (esk_num_kind(n)) {
    case ESK_NUM_FIX: return (double)ESK_FIXVAL(n);
    case ESK_NUM_BIG: return esk_big_to_double(n);
    case ESK_NUM_RAT: return esk_big_ratio_to_double(ESK_RATNUM(n)->num, ESK_RATNUM(n)->den);
    case ESK_NUM_FLO: return ESK_FLONUM(n);
    default: return 0.0;
    }
}

/* ---- exact rationals -------------------------------------------------------- */
static void esk_num_parts(esk_val q, esk_val *num, esk_val *den) {
    if (ESK_IS_RATNUM(q)) {
        *num = ESK_RATNUM(q)->num;
        *den = ESK_RATNUM(q)->den;
    } else {
        *num = q;
        *den = ESK_FIX(1);
    }
}

/* n/d for coprime n, d with d > 0. */
static esk_val esk_num_ratnum(esk_val n, esk_val d) {
    esk_ratnum *r;
    if (d == ESK_FIX(1)) return n;
    r = esk_alloc_obj(ESK_T_RATNUM, 0, sizeof *r);
    r->h.type = ESK_T_RATNUM;
    r->h.size = 0;
    r->num = n;
    r->den = d;
    return ESK_FROM_HEAP(r);
}

/* n/d in lowest terms, d nonzero. */
static esk_val esk_num_ratio(esk_val n, esk_val d) {
    esk_val g;
    if (esk_big_sign(d) < 0) {
        n = esk_big_neg(n);
        d = esk_big_neg(d);
    }
    g = esk_big_gcd(n, d);
    if (g != ESK_FIX(1)) {
        esk_big_divmod(n, g, &n, NULL);
        esk_big_divmod(d, g, &d, NULL);
    }
    return esk_num_ratnum(n, d);
}

esk_val esk_num_make_ratio(int loc, esk_val n, esk_val d) {
    if (d == ESK_FIX(0)) esk_error(loc, "/: division by zero", ESK_UNSPECIFIED);
    return esk_num_ratio(n, d);
}

/* a/b + c/d = (a d + c b) / (b d) */
static esk_val esk_num_exact_add(esk_val x, esk_val y, int subtract) {
    esk_val a, b, c, d, top;
    if (ESK_IS_EXACT_INTEGER(x) && ESK_IS_EXACT_INTEGER(y)) return subtract ? esk_big_sub(x, y) : esk_big_add(x, y);
    esk_num_parts(x, &a, &b);
    esk_num_parts(y, &c, &d);
    if (b == d) {
        top = subtract ? esk_big_sub(a, c) : esk_big_add(a, c);
        return esk_num_ratio(top, b);
    }
    top = subtract ? esk_big_sub(esk_big_mul(a, d), esk_big_mul(c, b)) : esk_big_add(esk_big_mul(a, d), esk_big_mul(c, b));
    return esk_num_ratio(top, esk_big_mul(b, d));
}

static esk_val esk_num_exact_mul(esk_val x, esk_val y) {
    esk_val a, b, c, d;
    if (ESK_IS_EXACT_INTEGER(x) && ESK_IS_EXACT_INTEGER(y)) return esk_big_mul(x, y);
    esk_num_parts(x, &a, &b);
    esk_num_parts(y, &c, &d);
    return esk_num_ratio(esk_big_mul(a, c), esk_big_mul(b, d));
}

/* x / y, y nonzero */
static esk_val esk_num_exact_div(esk_val x, esk_val y) {
    esk_val a, b, c, d;
    esk_num_parts(x, &a, &b);
    esk_num_parts(y, &c, &d);
    return esk_num_ratio(esk_big_mul(a, d), esk_big_mul(b, c));
}

static int esk_num_exact_cmp(esk_val x, esk_val y) {
    esk_val a, b, c, d;
    if (ESK_IS_EXACT_INTEGER(x) && ESK_IS_EXACT_INTEGER(y)) return esk_big_cmp(x, y);
    esk_num_parts(x, &a, &b);
    esk_num_parts(y, &c, &d);
    return esk_big_cmp(esk_big_mul(a, d), esk_big_mul(c, b));
}

static int esk_num_exact_sign(esk_val x) {
    return esk_big_sign(ESK_IS_RATNUM(x) ? ESK_RATNUM(x)->num : x);
}

static esk_val esk_num_exact_neg(esk_val x) {
    if (ESK_IS_RATNUM(x)) return esk_num_ratnum(esk_big_neg(ESK_RATNUM(x)->num), ESK_RATNUM(x)->den);
    return esk_big_neg(x);
}

/* The exact value of a finite double. */
static esk_val esk_num_flo_to_exact(double d) {
    uint64_t m;
    int e, tz = 0;
    if (d == 0) return ESK_FIX(0);
    esk_flo_decompose(d, &m, &e);
    if (e >= 0) return esk_big_from_double(d);
    while (tz < -e && !(m & 1u)) m >>= 1, tz++;
    e += tz;
    if (e == 0) return esk_big_from_u64(m, d < 0);
    return esk_num_ratnum(esk_big_from_u64(m, d < 0), esk_big_shift(ESK_FIX(1), -e));
}

/* ---- comparison ---------------------------------------------------------------- */
#define ESK_NUM_UNORDERED 2

static int esk_num_cmp_double(double x, double y) {
    if (x < y) return -1;
    if (x > y) return 1;
    return x == y ? 0 : ESK_NUM_UNORDERED;
}

/* Exact e against double f, exactly. */
static int esk_num_cmp_exact_flo(esk_val e, double f) {
    if (f != f) return ESK_NUM_UNORDERED;
    if (f - f != 0) return f > 0 ? -1 : 1;
    if (ESK_IS_FIXNUM(e) && ESK_FIXVAL(e) < ((intptr_t)1 << 53) && ESK_FIXVAL(e) > -((intptr_t)1 << 53))
        return esk_num_cmp_double((double)ESK_FIXVAL(e), f);
    return esk_num_exact_cmp(e, esk_num_flo_to_exact(f));
}

/* -1, 0, 1, or ESK_NUM_UNORDERED (a NaN); type errors name who. */
static int esk_num_compare(int loc, const char *who, esk_val a, esk_val b) {
    int ka, kb, c;
    if (ESK_IS_FLONUM(a) && ESK_IS_FLONUM(b)) return esk_num_cmp_double(ESK_FLONUM(a), ESK_FLONUM(b));
    ka = esk_num_arg(loc, who, &a);
    kb = esk_num_arg(loc, who, &b);
    if (ESK_UNLIKELY(ka == ESK_NUM_CPX || kb == ESK_NUM_CPX)) {
        /* only = and zero? compare complex numbers: equal or not */
        if (strcmp(who, "=") && strcmp(who, "zero?")) esk_type_error(loc, who, "a real number", ka == ESK_NUM_CPX ? a : b);
        return esk_cpx_equal(loc, a, b) ? 0 : ESK_NUM_UNORDERED;
    }
    if (ka == ESK_NUM_FLO && kb == ESK_NUM_FLO) return esk_num_cmp_double(ESK_FLONUM(a), ESK_FLONUM(b));
    if (ka == ESK_NUM_FLO) {
        c = esk_num_cmp_exact_flo(b, ESK_FLONUM(a));
        return c == ESK_NUM_UNORDERED ? c : -c;
    }
    if (kb == ESK_NUM_FLO) return esk_num_cmp_exact_flo(a, ESK_FLONUM(b));
    return esk_num_exact_cmp(a, b);
}

int esk_num_lt(int loc, const char *who, esk_val a, esk_val b) { return esk_num_compare(loc, who, a, b) == -1; }

int esk_num_le(int loc, const char *who, esk_val a, esk_val b) {
    int c = esk_num_compare(loc, who, a, b);
    return c == -1 || c == 0;
}

int esk_num_equal(int loc, const char *who, esk_val a, esk_val b) { return esk_num_compare(loc, who, a, b) == 0; }

int esk_num_eqv(esk_val a, esk_val b) {
    int ka = esk_num_kind(a), kb = esk_num_kind(b);
    uint64_t x, y;
    if (ka != kb) return 0;
    switch (ka) {
    case ESK_NUM_FIX: return a == b;
    case ESK_NUM_BIG: return esk_big_cmp(a, b) == 0;
    case ESK_NUM_RAT: return esk_num_eqv(ESK_RATNUM(a)->num, ESK_RATNUM(b)->num) && esk_num_eqv(ESK_RATNUM(a)->den, ESK_RATNUM(b)->den);
    case ESK_NUM_FLO:
        if (ESK_FLONUM(a) != ESK_FLONUM(a) && ESK_FLONUM(b) != ESK_FLONUM(b)) return 1; /* NaNs */
        memcpy(&x, &ESK_FLONUM(a), sizeof x);
        memcpy(&y, &ESK_FLONUM(b), sizeof y);
        return x == y; /* tells 0.0 from -0.0 */
    case ESK_NUM_CPX: return esk_cpx_eqv(a, b);
    default: return 0;
    }
}

/* ---- the slow paths of the double helpers in eshkol.h ---------------------------- */
double esk_flo_num_slow(int loc, const char *who, esk_val x) {
    esk_num_real_arg(loc, who, &x);
    return esk_num_to_double(x);
}

int esk_flo_compare_slow(int loc, const char *who, double a, esk_val x) {
    return esk_num_compare(loc, who, esk_num_flo(a), x);
}

_Noreturn void esk_flo_not_flonum(int loc, esk_val x) { esk_type_error(loc, "application", "a flonum", x); }

/* ---- overflow tests without compiler builtins (see eshkol.h) --------------------- */
int esk_add_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    if ((b > 0 && a > INTPTR_MAX - b) || (b < 0 && a < INTPTR_MIN - b)) return 1;
    *r = a + b;
    return 0;
}

int esk_sub_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    if ((b < 0 && a > INTPTR_MAX + b) || (b > 0 && a < INTPTR_MIN + b)) return 1;
    *r = a - b;
    return 0;
}

int esk_mul_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    if (a > 0 ? (b > 0 ? a > INTPTR_MAX / b : b < INTPTR_MIN / a)
              : (b > 0 ? a < INTPTR_MIN / b : a != 0 && b < INTPTR_MAX / a))
        return 1;
    *r = a * b;
    return 0;
}

/* ---- arithmetic ------------------------------------------------------------------- */
esk_val esk_num_add(int loc, esk_val a, esk_val b) {
    int ka, kb;
    if (ESK_IS_FLONUM(a) && ESK_IS_FLONUM(b)) return esk_num_flo(ESK_FLONUM(a) + ESK_FLONUM(b));
    ka = esk_num_arg(loc, "+", &a);
    kb = esk_num_arg(loc, "+", &b);
    if (ka == ESK_NUM_CPX || kb == ESK_NUM_CPX) return esk_cpx_add(loc, a, b, 0);
    if (a == ESK_FIX(0) && kb == ESK_NUM_FLO) return b; /* exact 0 is the identity: (+ 0 -0.0) is -0.0 */
    if (b == ESK_FIX(0) && ka == ESK_NUM_FLO) return a;
    if (ka == ESK_NUM_FLO || kb == ESK_NUM_FLO) return esk_num_flo(esk_num_to_double(a) + esk_num_to_double(b));
    return esk_num_exact_add(a, b, 0);
}

esk_val esk_num_sub(int loc, esk_val a, esk_val b) {
    int ka, kb;
    if (ESK_IS_FLONUM(a) && ESK_IS_FLONUM(b)) return esk_num_flo(ESK_FLONUM(a) - ESK_FLONUM(b));
    ka = esk_num_arg(loc, "-", &a);
    kb = esk_num_arg(loc, "-", &b);
    if (ka == ESK_NUM_CPX || kb == ESK_NUM_CPX) return esk_cpx_add(loc, a, b, 1);
    if (a == ESK_FIX(0) && kb == ESK_NUM_FLO) return esk_num_flo(-ESK_FLONUM(b)); /* (- x): (- 0.0) is -0.0 */
    if (ka == ESK_NUM_FLO || kb == ESK_NUM_FLO) return esk_num_flo(esk_num_to_double(a) - esk_num_to_double(b));
    return esk_num_exact_add(a, b, 1);
}

esk_val esk_num_mul(int loc, esk_val a, esk_val b) {
    int ka, kb;
    if (ESK_IS_FLONUM(a) && ESK_IS_FLONUM(b)) return esk_num_flo(ESK_FLONUM(a) * ESK_FLONUM(b));
    ka = esk_num_arg(loc, "*", &a);
    kb = esk_num_arg(loc, "*", &b);
    if (ka == ESK_NUM_CPX || kb == ESK_NUM_CPX) return esk_cpx_mul(loc, a, b);
    if (ka == ESK_NUM_FLO || kb == ESK_NUM_FLO) return esk_num_flo(esk_num_to_double(a) * esk_num_to_double(b));
    return esk_num_exact_mul(a, b);
}

esk_val esk_num_div(int loc, esk_val a, esk_val b) {
    int ka, kb;
    if (ESK_IS_FLONUM(a) && ESK_IS_FLONUM(b)) return esk_num_flo(ESK_FLONUM(a) / ESK_FLONUM(b));
    ka = esk_num_arg(loc, "/", &a);
    kb = esk_num_arg(loc, "/", &b);
    if (b == ESK_FIX(0)) esk_error(loc, "/: division by zero", ESK_UNSPECIFIED);
    if (ka == ESK_NUM_CPX || kb == ESK_NUM_CPX) {
        if (kb != ESK_NUM_CPX) return esk_cpx_div(loc, a, b);
        if (ka != ESK_NUM_CPX) return esk_cpx_div(loc, esk_cpx_make(a, ESK_IS_FLONUM(ESK_COMPNUM(b)->re) ? esk_num_flo(0.0) : ESK_FIX(0)), b);
        return esk_cpx_div(loc, a, b);
    }
    if (ka == ESK_NUM_FLO || kb == ESK_NUM_FLO) return esk_num_flo(esk_num_to_double(a) / esk_num_to_double(b));
    return esk_num_exact_div(a, b);
}

/* ---- predicates ------------------------------------------------------------------ */
esk_val esk_number_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(esk_num_kind(x) != ESK_NUM_NONE);
}

esk_val esk_complex_p(int loc, esk_val x) { return esk_number_p(loc, x); }

esk_val esk_real_p(int loc, esk_val x) {
    int k = esk_num_kind(x);
    (void)loc;
    return ESK_BOOL(k < ESK_NUM_CPX);
}

esk_val esk_rational_p(int loc, esk_val x) {
    int k = esk_num_kind(x);
    (void)loc;
    if (k == ESK_NUM_FLO) return ESK_BOOL(ESK_FLONUM(x) - ESK_FLONUM(x) == 0);
    return ESK_BOOL(k < ESK_NUM_FLO);
}

esk_val esk_integer_p(int loc, esk_val x) {
    int k = esk_num_kind(x);
    (void)loc;
    if (k == ESK_NUM_FLO) return ESK_BOOL(esk_flo_is_integer(ESK_FLONUM(x)));
    return ESK_BOOL(esk_num_is_exact_int_kind(k));
}

/* A complex number is as exact as its parts (both the same). */
static int esk_num_is_inexact(int k, esk_val z) { return k == ESK_NUM_FLO || (k == ESK_NUM_CPX && ESK_IS_FLONUM(ESK_COMPNUM(z)->re)); }

esk_val esk_exact_p(int loc, esk_val z) { return ESK_BOOL(!esk_num_is_inexact(esk_num_arg(loc, "exact?", &z), z)); }

esk_val esk_inexact_p(int loc, esk_val z) { return ESK_BOOL(esk_num_is_inexact(esk_num_arg(loc, "inexact?", &z), z)); }

esk_val esk_exact_integer_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_IS_EXACT_INTEGER(x));
}

esk_val esk_exact_rational_p(int loc, esk_val x) {
    int k = esk_num_kind(x);
    (void)loc;
    return ESK_BOOL(k < ESK_NUM_FLO);
}

/* nan?, infinite? and finite? of a complex number: of either part (finite?: of both). */
static int esk_num_either_part(int loc, esk_val (*test)(int, esk_val), esk_val z) {
    return test(loc, ESK_COMPNUM(z)->re) == ESK_TRUE || test(loc, ESK_COMPNUM(z)->im) == ESK_TRUE;
}

esk_val esk_nan_p(int loc, esk_val x) {
    int k = esk_num_arg(loc, "nan?", &x);
    if (k == ESK_NUM_CPX) return ESK_BOOL(esk_num_either_part(loc, esk_nan_p, x));
    if (k != ESK_NUM_FLO) return ESK_FALSE;
    return ESK_BOOL(ESK_FLONUM(x) != ESK_FLONUM(x));
}

esk_val esk_infinite_p(int loc, esk_val x) {
    double d;
    int k = esk_num_arg(loc, "infinite?", &x);
    if (k == ESK_NUM_CPX) return ESK_BOOL(esk_num_either_part(loc, esk_infinite_p, x));
    if (k != ESK_NUM_FLO) return ESK_FALSE;
    d = ESK_FLONUM(x);
    return ESK_BOOL(d == d && d - d != 0);
}

esk_val esk_finite_p(int loc, esk_val x) {
    int k = esk_num_arg(loc, "finite?", &x);
    if (k == ESK_NUM_CPX) return ESK_BOOL(esk_finite_p(loc, ESK_COMPNUM(x)->re) == ESK_TRUE && esk_finite_p(loc, ESK_COMPNUM(x)->im) == ESK_TRUE);
    if (k != ESK_NUM_FLO) return ESK_TRUE;
    return ESK_BOOL(ESK_FLONUM(x) - ESK_FLONUM(x) == 0);
}

/* -1, 0, 1 or ESK_NUM_UNORDERED for NaN. */
static int esk_num_sign(int loc, const char *who, esk_val x) {
    if (esk_num_real_arg(loc, who, &x) == ESK_NUM_FLO) return esk_num_cmp_double(ESK_FLONUM(x), 0.0);
    return esk_num_exact_sign(x);
}

esk_val esk_zero_p(int loc, esk_val z) {
    if (ESK_IS_COMPNUM(z)) return ESK_FALSE; /* an exact one has a nonzero imaginary part */
    return ESK_BOOL(esk_num_sign(loc, "zero?", z) == 0);
}

esk_val esk_positive_p(int loc, esk_val x) { return ESK_BOOL(esk_num_sign(loc, "positive?", x) == 1); }

esk_val esk_negative_p(int loc, esk_val x) { return ESK_BOOL(esk_num_sign(loc, "negative?", x) == -1); }

/* An integer argument (exact, or an integral flonum) as an exact integer;
 * *inexact is set when it was a flonum. */
static esk_val esk_num_int_arg(int loc, const char *who, esk_val n, int *inexact) {
    int k = esk_num_kind(n);
    if (esk_num_is_exact_int_kind(k)) return n;
    if (k == ESK_NUM_FLO && esk_flo_is_integer(ESK_FLONUM(n))) {
        *inexact = 1;
        return esk_big_from_double(ESK_FLONUM(n));
    }
    esk_type_error(loc, who, "an integer", n);
}

esk_val esk_odd_p(int loc, esk_val n) {
    int inexact = 0;
    return ESK_BOOL(esk_big_is_odd(esk_num_int_arg(loc, "odd?", n, &inexact)));
}

esk_val esk_even_p(int loc, esk_val n) {
    int inexact = 0;
    return ESK_BOOL(!esk_big_is_odd(esk_num_int_arg(loc, "even?", n, &inexact)));
}

/* ---- max, min, abs ---------------------------------------------------------------- */
/* The largest (want 1) or smallest (want -1) argument; inexact when any is. */
static esk_val esk_num_extreme(int loc, const char *who, int argc, esk_val *argv, int want) {
    esk_val best = argv[0];
    int inexact = esk_num_real_arg(loc, who, &best) == ESK_NUM_FLO, i, nan = 0;
    for (i = 1; i < argc; i++) {
        int c = esk_num_compare(loc, who, argv[i], best);
        inexact |= esk_num_kind(argv[i]) == ESK_NUM_FLO;
        if (c == ESK_NUM_UNORDERED) nan = 1;
        else if (c == want) best = argv[i];
    }
    if (nan)
        for (i = 0; i < argc; i++)
            if (ESK_IS_FLONUM(argv[i]) && ESK_FLONUM(argv[i]) != ESK_FLONUM(argv[i])) return argv[i];
    if (inexact && !ESK_IS_FLONUM(best)) return esk_num_flo(esk_num_to_double(best));
    return best;
}

esk_val esk_max(int loc, int argc, esk_val *argv) { return esk_num_extreme(loc, "max", argc, argv, 1); }

esk_val esk_min(int loc, int argc, esk_val *argv) { return esk_num_extreme(loc, "min", argc, argv, -1); }

esk_val esk_abs(int loc, esk_val x) {
    int k = esk_num_real_arg(loc, "abs", &x);
    if (k == ESK_NUM_FLO) return esk_num_signbit(ESK_FLONUM(x)) ? esk_num_flo(-ESK_FLONUM(x)) : x;
    return esk_num_exact_sign(x) < 0 ? esk_num_exact_neg(x) : x;
}

/* ---- integer division ------------------------------------------------------------ */
/* n1 / n2 on integers, truncated (floored when floored is set): the
 * quotient and remainder, inexact when either argument is. */
static void esk_num_divide(int loc, const char *who, const char *by_zero, esk_val n1, esk_val n2, int floored,
                           esk_val *q, esk_val *r) {
    int inexact = 0;
    esk_val a = esk_num_int_arg(loc, who, n1, &inexact), b = esk_num_int_arg(loc, who, n2, &inexact);
    if (b == ESK_FIX(0)) esk_error(loc, by_zero, ESK_UNSPECIFIED);
    esk_big_divmod(a, b, q, r);
    if (floored && *r != ESK_FIX(0) && esk_big_sign(*r) != esk_big_sign(b)) {
        *q = esk_big_sub(*q, ESK_FIX(1));
        *r = esk_big_add(*r, b);
    }
    if (inexact) {
        *q = esk_num_flo(esk_big_to_double(*q));
        *r = esk_num_flo(esk_big_to_double(*r));
        /* a zero remainder takes the sign the remainder has: n1's or n2's */
        if (ESK_FLONUM(*r) == 0 && esk_num_signbit(esk_num_to_double(floored ? n2 : n1))) *r = esk_num_flo(-0.0);
    }
}

static esk_val esk_num_quotient_of(int loc, const char *who, const char *by_zero, esk_val n1, esk_val n2, int floored) {
    esk_val q, r;
    esk_num_divide(loc, who, by_zero, n1, n2, floored, &q, &r);
    return q;
}

static esk_val esk_num_remainder_of(int loc, const char *who, const char *by_zero, esk_val n1, esk_val n2, int floored) {
    esk_val q, r;
    esk_num_divide(loc, who, by_zero, n1, n2, floored, &q, &r);
    return r;
}

esk_val esk_quotient(int loc, esk_val n1, esk_val n2) {
    return esk_num_quotient_of(loc, "quotient", "quotient: division by zero", n1, n2, 0);
}

esk_val esk_remainder(int loc, esk_val n1, esk_val n2) {
    return esk_num_remainder_of(loc, "remainder", "remainder: division by zero", n1, n2, 0);
}

esk_val esk_modulo(int loc, esk_val n1, esk_val n2) {
    return esk_num_remainder_of(loc, "modulo", "modulo: division by zero", n1, n2, 1);
}

esk_val esk_truncate_quotient(int loc, esk_val n1, esk_val n2) {
    return esk_num_quotient_of(loc, "truncate-quotient", "truncate-quotient: division by zero", n1, n2, 0);
}

esk_val esk_truncate_remainder(int loc, esk_val n1, esk_val n2) {
    return esk_num_remainder_of(loc, "truncate-remainder", "truncate-remainder: division by zero", n1, n2, 0);
}

esk_val esk_floor_quotient(int loc, esk_val n1, esk_val n2) {
    return esk_num_quotient_of(loc, "floor-quotient", "floor-quotient: division by zero", n1, n2, 1);
}

esk_val esk_floor_remainder(int loc, esk_val n1, esk_val n2) {
    return esk_num_remainder_of(loc, "floor-remainder", "floor-remainder: division by zero", n1, n2, 1);
}

esk_val esk_floor_slash(int loc, esk_val n1, esk_val n2) {
    esk_val qr[2];
    esk_num_divide(loc, "floor/", "floor/: division by zero", n1, n2, 1, &qr[0], &qr[1]);
    return esk_make_values(2, qr);
}

esk_val esk_truncate_slash(int loc, esk_val n1, esk_val n2) {
    esk_val qr[2];
    esk_num_divide(loc, "truncate/", "truncate/: division by zero", n1, n2, 0, &qr[0], &qr[1]);
    return esk_make_values(2, qr);
}

/* gcd (lcm when lcm is set) of integer arguments; inexact when any is. */
static esk_val esk_num_gcd_lcm(int loc, const char *who, int argc, esk_val *argv, int lcm) {
    esk_val acc = ESK_FIX(lcm ? 1 : 0);
    int inexact = 0, i;
    for (i = 0; i < argc; i++) {
        esk_val n = esk_big_abs(esk_num_int_arg(loc, who, argv[i], &inexact)), g = esk_big_gcd(acc, n);
        if (!lcm) acc = g;
        else if (n == ESK_FIX(0) || acc == ESK_FIX(0)) acc = ESK_FIX(0);
        else {
            esk_big_divmod(n, g, &n, NULL);
            acc = esk_big_mul(acc, n);
        }
    }
    return inexact ? esk_num_flo(esk_big_to_double(acc)) : acc;
}

esk_val esk_gcd(int loc, int argc, esk_val *argv) { return esk_num_gcd_lcm(loc, "gcd", argc, argv, 0); }

esk_val esk_lcm(int loc, int argc, esk_val *argv) { return esk_num_gcd_lcm(loc, "lcm", argc, argv, 1); }

/* ---- numerator, denominator, rounding ----------------------------------------------- */
/* A rational argument as an exact number; *inexact set for a flonum. */
static esk_val esk_num_rational_arg(int loc, const char *who, esk_val q, int *inexact) {
    int k = esk_num_real_arg(loc, who, &q);
    if (k != ESK_NUM_FLO) return q;
    if (ESK_UNLIKELY(ESK_REFUSE(q, ESK_FLONUM(q) - ESK_FLONUM(q) != 0))) esk_type_error(loc, who, "a rational number", q);
    *inexact = 1;
    return esk_num_flo_to_exact(ESK_FLONUM(q));
}

static esk_val esk_num_numerator_or_denominator(int loc, const char *who, esk_val q, int want_den) {
    int inexact = 0;
    esk_val num, den;
    esk_num_parts(esk_num_rational_arg(loc, who, q, &inexact), &num, &den);
    if (want_den) num = den;
    return inexact ? esk_num_flo(esk_big_to_double(num)) : num;
}

esk_val esk_numerator(int loc, esk_val q) { return esk_num_numerator_or_denominator(loc, "numerator", q, 0); }

esk_val esk_denominator(int loc, esk_val q) { return esk_num_numerator_or_denominator(loc, "denominator", q, 1); }

enum { ESK_NUM_FLOOR, ESK_NUM_CEILING, ESK_NUM_TRUNCATE, ESK_NUM_ROUND };

/* A ratnum n/d (never an integer) rounded to an integer. */
static esk_val esk_num_round_ratio(esk_val n, esk_val d, int mode) {
    esk_val q, r, twice;
    int c;
    esk_big_divmod(n, d, &q, &r); /* truncated; r != 0 */
    if (mode == ESK_NUM_TRUNCATE) return q;
    if (esk_big_sign(r) < 0) { /* to floor */
        q = esk_big_sub(q, ESK_FIX(1));
        r = esk_big_add(r, d);
    }
    if (mode == ESK_NUM_FLOOR) return q;
    if (mode == ESK_NUM_CEILING) return esk_big_add(q, ESK_FIX(1));
    twice = esk_big_add(r, r);
    c = esk_big_cmp(twice, d);
    return c > 0 || (c == 0 && esk_big_is_odd(q)) ? esk_big_add(q, ESK_FIX(1)) : q;
}

static esk_val esk_num_round_to_integer(int loc, const char *who, esk_val x, int mode) {
    int k = esk_num_real_arg(loc, who, &x);
    if (k == ESK_NUM_FLO) {
        double d = ESK_FLONUM(x);
        switch (mode) {
        case ESK_NUM_FLOOR: return esk_num_flo(esk_flo_floor(d));
        case ESK_NUM_CEILING: return esk_num_flo(esk_flo_ceil(d));
        case ESK_NUM_TRUNCATE: return esk_num_flo(esk_flo_trunc(d));
        default: return esk_num_flo(esk_flo_round(d));
        }
    }
    if (k == ESK_NUM_RAT) return esk_num_round_ratio(ESK_RATNUM(x)->num, ESK_RATNUM(x)->den, mode);
    return x;
}

esk_val esk_floor(int loc, esk_val x) { return esk_num_round_to_integer(loc, "floor", x, ESK_NUM_FLOOR); }

esk_val esk_ceiling(int loc, esk_val x) { return esk_num_round_to_integer(loc, "ceiling", x, ESK_NUM_CEILING); }

esk_val esk_truncate(int loc, esk_val x) { return esk_num_round_to_integer(loc, "truncate", x, ESK_NUM_TRUNCATE); }

esk_val esk_round(int loc, esk_val x) { return esk_num_round_to_integer(loc, "round", x, ESK_NUM_ROUND); }

/* ---- exactness ---------------------------------------------------------------------- */
esk_val esk_exact(int loc, esk_val z) {
    double d;
    int k = esk_num_arg(loc, "exact", &z);
    if (k == ESK_NUM_CPX) {
        if (esk_finite_p(loc, z) != ESK_TRUE) esk_type_error(loc, "exact", "a finite number", z);
        return esk_cpx_make(esk_exact(loc, ESK_COMPNUM(z)->re), esk_exact(loc, ESK_COMPNUM(z)->im));
    }
    if (k != ESK_NUM_FLO) return z;
    d = ESK_FLONUM(z);
    if (d - d != 0) esk_type_error(loc, "exact", "a finite number", z);
    return esk_num_flo_to_exact(d);
}

esk_val esk_inexact(int loc, esk_val z) {
    int k = esk_num_arg(loc, "inexact", &z);
    if (k == ESK_NUM_CPX) return esk_cpx_make(esk_inexact(loc, ESK_COMPNUM(z)->re), esk_inexact(loc, ESK_COMPNUM(z)->im));
    if (k == ESK_NUM_FLO) return z;
    return esk_num_flo(esk_num_to_double(z));
}

/* ---- square, sqrt ------------------------------------------------------------------ */
esk_val esk_square(int loc, esk_val z) {
    esk_num_arg(loc, "square", &z);
    return esk_num_mul(loc, z, z);
}

/* sqrt(p/q) correctly rounded, p, q > 0: with 4^k scaling the radicand to
 * about 122 bits, s = isqrt(floor(p 4^k / q)) has 61-62 bits and the two
 * remainders say whether anything lies below it. */
static double esk_num_sqrt_ratio(esk_val p, esk_val q) {
    int64_t d = (int64_t)esk_big_bit_length(p) - (int64_t)esk_big_bit_length(q), e = 122 - d, k, root;
    esk_val num = p, den = q, t, rem, s;
    int sticky;
    k = e >= 0 ? (e + 1) / 2 : -(-e / 2);
    if (k > 0) num = esk_big_shift(p, 2 * k);
    else if (k < 0) den = esk_big_shift(q, -2 * k);
    esk_big_divmod(num, den, &t, &rem);
    sticky = rem != ESK_FIX(0);
    s = esk_big_isqrt(t, &rem);
    sticky |= rem != ESK_FIX(0);
    esk_big_to_i64(s, &root);
    return esk_flo_make(0, (uint64_t)root, -k, sticky);
}

/* The exact root of an exact q >= 0, or ESK_FALSE when it is irrational. */
static esk_val esk_num_exact_sqrt(esk_val q) {
    esk_val num, den, rn, rd, rem;
    esk_num_parts(q, &num, &den);
    rn = esk_big_isqrt(num, &rem);
    if (rem != ESK_FIX(0)) return ESK_FALSE;
    rd = esk_big_isqrt(den, &rem);
    if (rem != ESK_FIX(0)) return ESK_FALSE;
    return esk_num_ratnum(rn, rd); /* roots of coprime numbers are coprime */
}

esk_val esk_sqrt(int loc, esk_val z) {
    esk_val root, num, den;
    int k = esk_num_arg(loc, "sqrt", &z);
    if (k == ESK_NUM_FLO) {
        if (ESK_FLONUM(z) < 0) return esk_cpx_sqrt(loc, z);
        return esk_num_flo(esk_flo_sqrt(ESK_FLONUM(z)));
    }
    if (k == ESK_NUM_CPX || esk_num_exact_sign(z) < 0) return esk_cpx_sqrt(loc, z);
    if (ESK_IS_FIXNUM(z) && ESK_FIXVAL(z) < ((intptr_t)1 << 53)) {
        intptr_t n = ESK_FIXVAL(z), s = (intptr_t)esk_flo_sqrt((double)n);
        return s * s == n ? ESK_FIX(s) : esk_num_flo(esk_flo_sqrt((double)n));
    }
    root = esk_num_exact_sqrt(z);
    if (root != ESK_FALSE) return root;
    esk_num_parts(z, &num, &den);
    return esk_num_flo(esk_num_sqrt_ratio(num, den));
}

esk_val esk_exact_integer_sqrt(int loc, esk_val k) {
    esk_val sr[2];
    if (ESK_UNLIKELY(ESK_REFUSE(k, !ESK_IS_EXACT_INTEGER(k) || esk_big_sign(k) < 0))) esk_type_error(loc, "exact-integer-sqrt", "a nonnegative exact integer", k);
    sr[0] = esk_big_isqrt(k, &sr[1]);
    return esk_make_values(2, sr);
}

/* ---- expt ---------------------------------------------------------------------------- */
#define ESK_NUM_MAX_EXPT_BITS ((uint64_t)1 << 26)

/* base^e for an exact base and an exact integer e. */
static esk_val esk_num_expt_exact(int loc, esk_val base, esk_val e) {
    esk_val num, den, pn, pd;
    int64_t k;
    uint64_t mag;
    if (e == ESK_FIX(0) || base == ESK_FIX(1)) return ESK_FIX(1);
    if (base == ESK_FIX(0)) {
        if (esk_big_sign(e) < 0) esk_error(loc, "expt: division by zero", ESK_UNSPECIFIED);
        return base;
    }
    if (base == ESK_FIX(-1)) return esk_big_is_odd(e) ? base : ESK_FIX(1);
    esk_num_parts(base, &num, &den);
    if (!esk_big_to_i64(e, &k) || k > (int64_t)ESK_NUM_MAX_EXPT_BITS || k < -(int64_t)ESK_NUM_MAX_EXPT_BITS)
        esk_error(loc, "expt: result too large", e);
    mag = k < 0 ? 0 - (uint64_t)k : (uint64_t)k;
    if ((esk_big_bit_length(num) + esk_big_bit_length(den) - 1) * mag > ESK_NUM_MAX_EXPT_BITS)
        esk_error(loc, "expt: result too large", e);
    pn = esk_big_pow(num, mag);
    pd = esk_big_pow(den, mag);
    if (k > 0) return esk_num_ratnum(pn, pd);
    if (esk_big_sign(pn) < 0) return esk_num_ratnum(esk_big_neg(pd), esk_big_neg(pn));
    return esk_num_ratnum(pd, pn);
}

/* base^(p/q) when the q-th root of an exact base >= 0 is exact; else ESK_FALSE. */
static esk_val esk_num_expt_root(int loc, esk_val base, esk_val exponent) {
    esk_val num, den, rn, rd;
    int64_t q;
    if (esk_num_exact_sign(base) < 0 || !esk_big_to_i64(ESK_RATNUM(exponent)->den, &q)) return ESK_FALSE;
    esk_num_parts(base, &num, &den);
    rn = esk_big_exact_root(num, (uint64_t)q);
    if (rn == ESK_FALSE) return ESK_FALSE;
    rd = esk_big_exact_root(den, (uint64_t)q);
    if (rd == ESK_FALSE) return ESK_FALSE;
    return esk_num_expt_exact(loc, esk_num_ratnum(rn, rd), ESK_RATNUM(exponent)->num);
}

esk_val esk_expt(int loc, esk_val z1, esk_val z2) {
    int k1 = esk_num_arg(loc, "expt", &z1), k2 = esk_num_arg(loc, "expt", &z2);
    double x, y;
    if (k1 == ESK_NUM_CPX || k2 == ESK_NUM_CPX) return esk_cpx_expt(loc, z1, z2);
    if (k1 != ESK_NUM_FLO && esk_num_is_exact_int_kind(k2)) return esk_num_expt_exact(loc, z1, z2);
    if (k1 != ESK_NUM_FLO && k2 == ESK_NUM_RAT) {
        esk_val r = esk_num_expt_root(loc, z1, z2);
        if (r != ESK_FALSE) return r;
    }
    x = esk_num_to_double(z1);
    y = esk_num_to_double(z2);
    if (x < 0 && !esk_flo_is_integer(y) && y - y == 0) return esk_cpx_expt(loc, z1, z2);
    return esk_num_flo(esk_flo_pow(x, y));
}

/* ---- exp, log, trigonometry ---------------------------------------------------------- */
esk_val esk_exp(int loc, esk_val z) {
    if (esk_num_arg(loc, "exp", &z) == ESK_NUM_CPX) return esk_cpx_exp(loc, z);
    return esk_num_flo(esk_flo_exp(esk_num_to_double(z)));
}

/* log of an exact q > 0 beyond the doubles: q = x 2^k with x near 1
 * (rounded from the top bits), then log x + k log 2 in one rounding. */
static double esk_num_log_huge(esk_val q) {
    esk_val num, den;
    int64_t k;
    esk_num_parts(q, &num, &den);
    k = (int64_t)esk_big_bit_length(num) - (int64_t)esk_big_bit_length(den);
    if (k > 0) den = esk_big_shift(den, k);
    else num = esk_big_shift(num, -k);
    return esk_flo_log_scaled(esk_big_ratio_to_double(num, den), k);
}

/* Does (log z) need a complex result: z complex or negative? */
static int esk_num_log_is_complex(int loc, esk_val z) {
    int k = esk_num_arg(loc, "log", &z);
    if (k == ESK_NUM_CPX) return 1;
    return k == ESK_NUM_FLO ? ESK_FLONUM(z) < 0 : esk_num_exact_sign(z) < 0;
}

/* log of a real z >= 0 */
static double esk_num_log1(int loc, esk_val z) {
    int k = esk_num_arg(loc, "log", &z);
    double d = esk_num_to_double(z);
    if (k != ESK_NUM_FLO && z != ESK_FIX(0) && (d - d != 0 || d < 2.2250738585072014e-308)) return esk_num_log_huge(z);
    return esk_flo_log(d);
}

/* (log z b) for exact integers z = b^k: exactly k. */
static int esk_num_log_exact_power(esk_val z, esk_val b, double guess, double *out) {
    double k = esk_flo_round(guess);
    if (!ESK_IS_EXACT_INTEGER(z) || !ESK_IS_EXACT_INTEGER(b) || esk_big_cmp(b, ESK_FIX(1)) <= 0 ||
        esk_big_sign(z) <= 0 || k < 0 || k > 4096 || esk_big_cmp(esk_big_pow(b, (uint64_t)k), z) != 0)
        return 0;
    *out = k;
    return 1;
}

esk_val esk_log(int loc, esk_val z1, esk_val z2) {
    double l, q;
    if (esk_num_log_is_complex(loc, z1) || (z2 != ESK_DEFAULT && esk_num_log_is_complex(loc, z2))) {
        esk_val l1 = esk_num_log_is_complex(loc, z1) ? esk_cpx_log(loc, z1) : esk_num_flo(esk_num_log1(loc, z1));
        if (z2 == ESK_DEFAULT) return l1;
        return esk_num_div(loc, l1, esk_num_log_is_complex(loc, z2) ? esk_cpx_log(loc, z2) : esk_num_flo(esk_num_log1(loc, z2)));
    }
    l = esk_num_log1(loc, z1);
    if (z2 == ESK_DEFAULT) return esk_num_flo(l);
    q = l / esk_num_log1(loc, z2);
    esk_num_log_exact_power(z1, z2, q, &q);
    return esk_num_flo(q);
}

esk_val esk_sin(int loc, esk_val z) {
    if (esk_num_arg(loc, "sin", &z) == ESK_NUM_CPX) return esk_cpx_sin(loc, z);
    return esk_num_flo(esk_flo_sin(esk_num_to_double(z)));
}

esk_val esk_cos(int loc, esk_val z) {
    if (esk_num_arg(loc, "cos", &z) == ESK_NUM_CPX) return esk_cpx_cos(loc, z);
    return esk_num_flo(esk_flo_cos(esk_num_to_double(z)));
}

esk_val esk_tan(int loc, esk_val z) {
    if (esk_num_arg(loc, "tan", &z) == ESK_NUM_CPX) return esk_cpx_tan(loc, z);
    return esk_num_flo(esk_flo_tan(esk_num_to_double(z)));
}

esk_val esk_asin(int loc, esk_val z) {
    double d;
    if (esk_num_arg(loc, "asin", &z) == ESK_NUM_CPX) return esk_cpx_asin(loc, z);
    d = esk_num_to_double(z);
    if (d > 1 || d < -1) return esk_cpx_asin(loc, z);
    return esk_num_flo(esk_flo_asin(d));
}

esk_val esk_acos(int loc, esk_val z) {
    double d;
    if (esk_num_arg(loc, "acos", &z) == ESK_NUM_CPX) return esk_cpx_acos(loc, z);
    d = esk_num_to_double(z);
    if (d > 1 || d < -1) return esk_cpx_acos(loc, z);
    return esk_num_flo(esk_flo_acos(d));
}

esk_val esk_atan(int loc, esk_val z1, esk_val z2) {
    if (z2 == ESK_DEFAULT) {
        if (esk_num_arg(loc, "atan", &z1) == ESK_NUM_CPX) return esk_cpx_atan(loc, z1);
        return esk_num_flo(esk_flo_atan(esk_num_to_double(z1)));
    }
    esk_num_real_arg(loc, "atan", &z1);
    esk_num_real_arg(loc, "atan", &z2);
    return esk_num_flo(esk_flo_atan2(esk_num_to_double(z1), esk_num_to_double(z2)));
}

/* ---- number->string ------------------------------------------------------------------ */
/* Exact numbers in any radix 2..36, flonums in radix 10 (see esk_flo_to_cstring). */
int esk_number_to_cstring(esk_val n, int radix, char *buf, size_t size) {
    int len, k = esk_num_kind(n);
    size_t at;
    if (k == ESK_NUM_FLO) return esk_flo_to_cstring(ESK_FLONUM(n), buf, size);
    if (k == ESK_NUM_FIX || k == ESK_NUM_BIG) return esk_big_to_cstring(n, radix, buf, size);
    if (k == ESK_NUM_CPX) return esk_cpx_to_cstring(n, radix, buf, size);
    if (k != ESK_NUM_RAT) {
        if (size > 0) buf[0] = 0;
        return 0;
    }
    len = esk_big_to_cstring(ESK_RATNUM(n)->num, radix, buf, size);
    at = (size_t)len;
    if (at + 1 < size) buf[at] = '/', buf[at + 1] = 0;
    len += 1 + esk_big_to_cstring(ESK_RATNUM(n)->den, radix, at + 1 < size ? buf + at + 1 : NULL,
                                  at + 1 < size ? size - at - 1 : 0);
    return len;
}

/* An optional radix argument: 2, 8, 10 or 16 (default 10). */
static int esk_num_radix_arg(int loc, const char *who, esk_val radix) {
    if (radix == ESK_DEFAULT) return 10;
    if (radix == ESK_FIX(2) || radix == ESK_FIX(8) || radix == ESK_FIX(10) || radix == ESK_FIX(16))
        return (int)ESK_FIXVAL(radix);
    esk_type_error(loc, who, "a radix (2, 8, 10 or 16)", radix);
}

esk_val esk_number_to_string(int loc, esk_val z, esk_val radix) {
    int k = esk_num_arg(loc, "number->string", &z), r = esk_num_radix_arg(loc, "number->string", radix), len;
    char small[64], *text = small;
    esk_val s;
    if (esk_num_is_inexact(k, z) && r != 10) esk_error(loc, "number->string: inexact numbers are written in radix 10 only", z);
    len = esk_number_to_cstring(z, r, small, sizeof small);
    if ((size_t)len >= sizeof small) {
        text = esk_alloc_bytes((size_t)len + 1);
        esk_number_to_cstring(z, r, text, (size_t)len + 1);
    }
    s = esk_string_from_latin1(text, (size_t)len);
    return s;
}

/* ---- string->number: R7RS 7.1.1 <number> ----------------------------------------------------- */
/* What a <real R> spelled, before exactness is applied. */
typedef struct esk_num_syntax {
    enum { ESK_NUM_S_INTEGER, ESK_NUM_S_RATIO, ESK_NUM_S_DECIMAL, ESK_NUM_S_INF, ESK_NUM_S_NAN } form;
    int negative;
    const char *digits;      /* integer, numerator, or the whole unsigned decimal */
    size_t ndigits;
    const char *den;         /* ratio */
    size_t nden;
} esk_num_syntax;

static int esk_num_lower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

static int esk_num_digit_in(int c, int radix) {
    int v = c >= '0' && c <= '9' ? c - '0' : esk_num_lower(c) >= 'a' && esk_num_lower(c) <= 'z' ? esk_num_lower(c) - 'a' + 10 : 99;
    return v < radix;
}

static size_t esk_num_scan_digits(const char *s, size_t n, size_t at, int radix) {
    while (at < n && esk_num_digit_in((unsigned char)s[at], radix)) at++;
    return at;
}

/* <decimal 10> after the sign, from s[at]: digits, '.', digits, exponent.
 * Returns the end, or 0 when malformed (at > 0 always holds for a match). */
static size_t esk_num_scan_decimal(const char *s, size_t n, size_t at) {
    size_t start = at, int_end = esk_num_scan_digits(s, n, at, 10), p = int_end, frac_digits = 0;
    if (p < n && s[p] == '.') {
        size_t f = esk_num_scan_digits(s, n, p + 1, 10);
        frac_digits = f - (p + 1);
        p = f;
    }
    if (int_end == start && frac_digits == 0) return 0;
    if (p < n && esk_num_lower((unsigned char)s[p]) == 'e') {
        size_t e = p + 1;
        if (e < n && (s[e] == '+' || s[e] == '-')) e++;
        p = esk_num_scan_digits(s, n, e, 10);
        if (p == e) return 0;
    }
    return p;
}

/* <real R>: the whole of s[0..n) or nothing. */
static int esk_num_scan_real(const char *s, size_t n, int radix, esk_num_syntax *out) {
    size_t at = 0, end;
    int signed_ = n > 0 && (s[0] == '+' || s[0] == '-');
    memset(out, 0, sizeof *out);
    out->negative = signed_ && s[0] == '-';
    at = (size_t)signed_;
    if (signed_ && n - at == 5) {
        char w[6];
        size_t i;
        for (i = 0; i < 5; i++) w[i] = (char)esk_num_lower((unsigned char)s[at + i]);
        w[5] = 0;
        if (!strcmp(w, "inf.0")) return out->form = ESK_NUM_S_INF, 1;
        if (!strcmp(w, "nan.0")) return out->form = ESK_NUM_S_NAN, 1;
    }
    out->digits = s + at;
    end = esk_num_scan_digits(s, n, at, radix);
    out->ndigits = end - at;
    if (end > at && end < n && s[end] == '/') {
        out->den = s + end + 1;
        out->nden = esk_num_scan_digits(s, n, end + 1, radix) - (end + 1);
        out->form = ESK_NUM_S_RATIO;
        return out->nden > 0 && end + 1 + out->nden == n;
    }
    if (end == n) return end > at; /* an integer */
    if (radix != 10) return 0;
    end = esk_num_scan_decimal(s, n, at);
    out->form = ESK_NUM_S_DECIMAL;
    out->ndigits = end - at;
    return end == n;
}

#define ESK_NUM_MAX_EXACT_SCALE 10000

/* The exact value of an unsigned decimal: digits[.digits][e[sign]digits]. */
static esk_val esk_num_exact_decimal(const char *s, size_t n) {
    char *mantissa = esk_alloc_bytes(n + 1);
    size_t i = 0, m = 0, frac = 0;
    int64_t exponent = 0, scale;
    int in_frac = 0, negative_exponent = 0;
    esk_val value, power;
    for (; i < n && esk_num_lower((unsigned char)s[i]) != 'e'; i++) {
        if (s[i] == '.') in_frac = 1;
        else mantissa[m++] = s[i], frac += (size_t)in_frac;
    }
    if (i < n) {
        negative_exponent = s[++i] == '-';
        if (s[i] == '+' || s[i] == '-') i++;
        for (; i < n; i++) exponent = exponent < 1000000000 ? exponent * 10 + (s[i] - '0') : exponent;
    }
    value = esk_big_parse(mantissa, m, 10);
    if (value == ESK_FIX(0)) return value;
    scale = (negative_exponent ? -exponent : exponent) - (int64_t)frac;
    if (scale > ESK_NUM_MAX_EXACT_SCALE || scale < -ESK_NUM_MAX_EXACT_SCALE) return ESK_FALSE;
    power = esk_big_pow(ESK_FIX(10), (uint64_t)(scale < 0 ? -scale : scale));
    return scale >= 0 ? esk_big_mul(value, power) : esk_num_ratio(value, power);
}

/* The nearest double to an unsigned decimal (strtod rounds correctly). */
static double esk_num_inexact_decimal(const char *s, size_t n) {
    char small[64], *text = n < sizeof small ? small : esk_alloc_bytes(n + 1);
    memcpy(text, s, n);
    text[n] = 0;
    return strtod(text, NULL);
}

/* +inf.0, -inf.0 or +nan.0 */
static double esk_num_special(int nan, int negative) {
    uint64_t bits = nan ? 0x7FF8000000000000u : negative ? 0xFFF0000000000000u : 0x7FF0000000000000u;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static esk_val esk_num_syntax_value(const esk_num_syntax *syn, int radix, int exactness) {
    esk_val v, den;
    double d;
    switch (syn->form) {
    case ESK_NUM_S_INF:
    case ESK_NUM_S_NAN:
        if (exactness == 'e') return ESK_FALSE;
        return esk_num_flo(esk_num_special(syn->form == ESK_NUM_S_NAN, syn->negative));
    case ESK_NUM_S_DECIMAL:
        if (exactness != 'e') {
            d = esk_num_inexact_decimal(syn->digits, syn->ndigits);
            return esk_num_flo(syn->negative ? -d : d);
        }
        v = esk_num_exact_decimal(syn->digits, syn->ndigits);
        if (v == ESK_FALSE) return v;
        break;
    case ESK_NUM_S_RATIO:
        den = esk_big_parse(syn->den, syn->nden, radix);
        if (den == ESK_FIX(0)) return ESK_FALSE;
        v = esk_num_ratio(esk_big_parse(syn->digits, syn->ndigits, radix), den);
        break;
    default:
        v = esk_big_parse(syn->digits, syn->ndigits, radix);
        break;
    }
    if (syn->negative) v = esk_num_exact_neg(v);
    if (exactness != 'i') return v;
    d = esk_num_to_double(v);
    return esk_num_flo(syn->negative && d == 0 ? -0.0 : d);
}

/* A <real R> that is the whole of s[0..n), or ESK_FALSE. */
static esk_val esk_num_real_text(const char *s, size_t n, int radix, int exactness) {
    esk_num_syntax syn;
    if (n == 0 || !esk_num_scan_real(s, n, radix, &syn)) return ESK_FALSE;
    return esk_num_syntax_value(&syn, radix, exactness);
}

/* The other forms of <complex R>: <real>@<real>, <real>+<ureal>i,
 * <real>-i, +<ureal>i, +i, +inf.0i ... The imaginary part starts at the
 * last sign that does not begin the text or an exponent (in radix 10, 'e'
 * is an exponent marker, elsewhere a digit). */
static esk_val esk_num_parse_complex(const char *s, size_t n, int radix, int exactness) {
    size_t i, split = 0, imn;
    const char *ims;
    esk_val re = ESK_FIX(0), im;
    for (i = 0; i < n; i++)
        if (s[i] == '@') {
            re = esk_num_real_text(s, i, radix, exactness);
            im = esk_num_real_text(s + i + 1, n - i - 1, radix, exactness);
            if (re == ESK_FALSE || im == ESK_FALSE) return ESK_FALSE;
            return esk_make_polar(0, re, im);
        }
    if (n < 2 || esk_num_lower((unsigned char)s[n - 1]) != 'i') return ESK_FALSE;
    n--;
    for (i = n; i-- > 1;)
        if ((s[i] == '+' || s[i] == '-') && !(radix == 10 && esk_num_lower((unsigned char)s[i - 1]) == 'e')) {
            split = i;
            break;
        }
    if (split > 0) {
        re = esk_num_real_text(s, split, radix, exactness);
        if (re == ESK_FALSE) return ESK_FALSE;
    }
    ims = s + split;
    imn = n - split;
    if (ims[0] != '+' && ims[0] != '-') return ESK_FALSE;
    if (imn == 1) im = ESK_FIX(ims[0] == '+' ? 1 : -1);
    else im = esk_num_real_text(ims, imn, radix, exactness);
    if (im == ESK_FALSE) return ESK_FALSE;
    if (exactness == 'i') re = esk_inexact(0, re), im = esk_inexact(0, im);
    return esk_cpx_make(re, im);
}

esk_val esk_num_parse(const char *text, size_t n, int radix) {
    int exactness = 0, radix_seen = 0;
    size_t at = 0;
    esk_num_syntax syn;
    while (at + 1 < n && text[at] == '#') { /* <prefix R>: radix and exactness, each once */
        int c = esk_num_lower((unsigned char)text[at + 1]);
        int r = c == 'x' ? 16 : c == 'b' ? 2 : c == 'o' ? 8 : c == 'd' ? 10 : 0;
        if (r) {
            if (radix_seen) return ESK_FALSE;
            radix_seen = 1;
            radix = r;
        } else if (c == 'e' || c == 'i') {
            if (exactness) return ESK_FALSE;
            exactness = c;
        } else {
            return ESK_FALSE;
        }
        at += 2;
    }
    if (!esk_num_scan_real(text + at, n - at, radix, &syn)) return esk_num_parse_complex(text + at, n - at, radix, exactness);
    return esk_num_syntax_value(&syn, radix, exactness);
}

esk_val esk_string_to_number(int loc, esk_val s, esk_val radix) {
    int r = esk_num_radix_arg(loc, "string->number", radix);
    const esk_string *str;
    char small[64], *text;
    size_t i;
    if (ESK_UNLIKELY(ESK_REFUSE(s, !ESK_HAS_TYPE(s, ESK_T_STRING)))) esk_type_error(loc, "string->number", "a string", s);
    str = ESK_STRING(s);
    text = str->length < sizeof small ? small : esk_alloc_bytes(str->length);
    for (i = 0; i < str->length; i++) {
        uint32_t c = esk_string_char_at(str, i);
        if (c > 127) return ESK_FALSE; /* no number has such a character */
        text[i] = (char)c;
    }
    return esk_num_parse(text, str->length, r);
}

#undef ESK_NUM_UNORDERED
#undef ESK_NUM_MAX_EXPT_BITS
#undef ESK_NUM_MAX_EXACT_SCALE
