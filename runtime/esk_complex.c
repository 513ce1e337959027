/* esk_complex.c - complex numbers (R7RS 6.2, (scheme complex)): rectangular, both parts exact or both flonums. */
#include "eshkol.h"

#include <string.h>

/* A compnum holds two real parts of the same exactness: exact (fixnum,
 * bignum or ratnum) or two flonums. A number whose imaginary part is exact
 * 0 is its real part (never a compnum), so = and eqv? on exact numbers
 * still compare representations; an inexact 0.0 imaginary part is kept
 * (R7RS: (real? -2.5+0i) is #t, (real? -2.5+0.0i) is #f), as Chez Scheme
 * and Racket do.
 *
 * Only the generic slow paths of esk_num.c come here: a program that makes
 * no complex number runs the fixnum and flonum fast paths unchanged.
 * Exact arithmetic (+ - * /, integer powers, sqrt of perfect squares,
 * magnitude of Pythagorean pairs) stays exact; the transcendental
 * functions compute in doubles with the principal values and branch cuts
 * of R7RS (those of Common Lisp). */

/* ---- construction ---------------------------------------------------------------------- */
static esk_val esk_cpx_alloc(esk_val re, esk_val im) {
    esk_compnum *c = esk_alloc_obj(ESK_T_COMPNUM, 0, sizeof *c);
    c->h.type = ESK_T_COMPNUM;
    c->h.size = 0;
    c->re = re;
    c->im = im;
    return ESK_FROM_HEAP(c);
}

esk_val esk_cpx_make(esk_val re, esk_val im) {
    int fre = ESK_IS_FLONUM(re), fim = ESK_IS_FLONUM(im);
    if (im == ESK_FIX(0)) return re; /* (real? -2.5+0i) is #t */
    if (!fre && !fim) return esk_cpx_alloc(re, im);
    if (!fre) re = esk_make_flonum(esk_num_to_double(re));
    if (!fim) im = esk_make_flonum(esk_num_to_double(im));
    return esk_cpx_alloc(re, im);
}

static esk_val esk_cpx_flo(double re, double im) { return esk_cpx_alloc(esk_make_flonum(re), esk_make_flonum(im)); }

/* The parts of any number: a real x is x + 0i (exact 0). */
static void esk_cpx_parts(esk_val z, esk_val *re, esk_val *im) {
    if (ESK_IS_COMPNUM(z)) {
        *re = ESK_COMPNUM(z)->re;
        *im = ESK_COMPNUM(z)->im;
    } else {
        *re = z;
        *im = ESK_FIX(0);
    }
}

/* In doubles, for the functions computed inexactly. */
typedef struct esk_cd {
    double re, im;
} esk_cd;

static esk_cd esk_cpx_cd(esk_val z) {
    esk_val re, im;
    esk_cd c;
    esk_cpx_parts(z, &re, &im);
    c.re = esk_num_to_double(re);
    c.im = esk_num_to_double(im);
    return c;
}

static esk_val esk_cpx_of_cd(esk_cd c) { return esk_cpx_flo(c.re, c.im); }

static double esk_cpx_fabs(double x) { return x < 0 || (x == 0 && 1 / x < 0) ? -x : x; }

static int esk_cpx_is_nan(double x) { return x != x; }

static int esk_cpx_is_inf(double x) { return x == x && x - x != 0; }

static double esk_cpx_copysign(double x, double sign) {
    uint64_t a, b;
    memcpy(&a, &x, sizeof a);
    memcpy(&b, &sign, sizeof b);
    a = (a & ~((uint64_t)1 << 63)) | (b & ((uint64_t)1 << 63));
    memcpy(&x, &a, sizeof x);
    return x;
}

static const double esk_cpx_pi = 3.141592653589793;

/* sqrt(x^2 + y^2) without overflow or underflow on the way. */
static double esk_cpx_hypot(double x, double y) {
    double r;
    x = esk_cpx_fabs(x);
    y = esk_cpx_fabs(y);
    if (esk_cpx_is_inf(x) || esk_cpx_is_inf(y)) return 1.0 / 0.0;
    if (esk_cpx_is_nan(x) || esk_cpx_is_nan(y)) return x + y;
    if (x < y) r = x, x = y, y = r;
    if (x == 0) return 0.0;
    if (x < 1e150 && y > 1e-150) return esk_flo_sqrt(x * x + y * y);
    r = y / x;
    return x * esk_flo_sqrt(1 + r * r);
}

/* sinh and cosh by exp; sinh by its series near 0, where exp cancels. */
static double esk_cpx_sinh(double x) {
    double e;
    if (esk_cpx_fabs(x) < 0.5) {
        double x2 = x * x, term = x, sum = x;
        int k;
        for (k = 1; k <= 8; k++) {
            term *= x2 / ((2.0 * k) * (2.0 * k + 1));
            sum += term;
        }
        return sum;
    }
    e = esk_flo_exp(x);
    return (e - 1 / e) / 2;
}

static double esk_cpx_cosh(double x) {
    double e = esk_flo_exp(esk_cpx_fabs(x));
    return (e + 1 / e) / 2;
}

static esk_cd esk_cpx_cd_make(double re, double im) {
    esk_cd r;
    r.re = re;
    r.im = im;
    return r;
}

static esk_cd esk_cpx_cd_mul(esk_cd a, esk_cd b) { return esk_cpx_cd_make(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re); }

static esk_cd esk_cpx_cd_div(esk_cd p, esk_cd q) {
    double r, t;
    if (esk_cpx_fabs(q.re) >= esk_cpx_fabs(q.im)) {
        r = q.im / q.re;
        t = q.re + q.im * r;
        return esk_cpx_cd_make((p.re + p.im * r) / t, (p.im - p.re * r) / t);
    }
    r = q.re / q.im;
    t = q.re * r + q.im;
    return esk_cpx_cd_make((p.re * r + p.im) / t, (p.im * r - p.re) / t);
}

/* ---- arithmetic ------------------------------------------------------------------------ */
esk_val esk_cpx_add(int loc, esk_val a, esk_val b, int subtract) {
    esk_val ar, ai, br, bi;
    esk_cpx_parts(a, &ar, &ai);
    esk_cpx_parts(b, &br, &bi);
    if (subtract) return esk_cpx_make(esk_num_sub(loc, ar, br), esk_num_sub(loc, ai, bi));
    return esk_cpx_make(esk_num_add(loc, ar, br), esk_num_add(loc, ai, bi));
}

/* (a + bi)(c + di) = (ac - bd) + (ad + bc)i; a real factor scales each
 * part (so (* 2.0 +inf.0i) has no NaN from inf * 0). */
esk_val esk_cpx_mul(int loc, esk_val x, esk_val y) {
    esk_val a, b, c, d;
    if (!ESK_IS_COMPNUM(x)) return esk_cpx_make(esk_num_mul(loc, x, ESK_COMPNUM(y)->re), esk_num_mul(loc, x, ESK_COMPNUM(y)->im));
    if (!ESK_IS_COMPNUM(y)) return esk_cpx_make(esk_num_mul(loc, ESK_COMPNUM(x)->re, y), esk_num_mul(loc, ESK_COMPNUM(x)->im, y));
    esk_cpx_parts(x, &a, &b);
    esk_cpx_parts(y, &c, &d);
    return esk_cpx_make(esk_num_sub(loc, esk_num_mul(loc, a, c), esk_num_mul(loc, b, d)),
                        esk_num_add(loc, esk_num_mul(loc, a, d), esk_num_mul(loc, b, c)));
}

/* x / y, y not exact 0. Exact: (a + bi)(c - di) / (c^2 + d^2). Inexact:
 * Smith's algorithm, which scales by the larger of |c|, |d| first. */
esk_val esk_cpx_div(int loc, esk_val x, esk_val y) {
    esk_val a, b, c, d, den;
    if (!ESK_IS_COMPNUM(y)) return esk_cpx_make(esk_num_div(loc, ESK_COMPNUM(x)->re, y), esk_num_div(loc, ESK_COMPNUM(x)->im, y));
    esk_cpx_parts(x, &a, &b);
    esk_cpx_parts(y, &c, &d);
    if (!ESK_IS_FLONUM(c) && !ESK_IS_FLONUM(a) && !ESK_IS_FLONUM(b)) {
        den = esk_num_add(loc, esk_num_mul(loc, c, c), esk_num_mul(loc, d, d));
        return esk_cpx_make(esk_num_div(loc, esk_num_add(loc, esk_num_mul(loc, a, c), esk_num_mul(loc, b, d)), den),
                            esk_num_div(loc, esk_num_sub(loc, esk_num_mul(loc, b, c), esk_num_mul(loc, a, d)), den));
    }
    return esk_cpx_of_cd(esk_cpx_cd_div(esk_cpx_cd(x), esk_cpx_cd(y)));
}

/* = on numbers at least one of which is complex. */
int esk_cpx_equal(int loc, esk_val a, esk_val b) {
    esk_val ar, ai, br, bi;
    esk_cpx_parts(a, &ar, &ai);
    esk_cpx_parts(b, &br, &bi);
    return esk_num_equal(loc, "=", ar, br) && esk_num_equal(loc, "=", ai, bi);
}

int esk_cpx_eqv(esk_val a, esk_val b) {
    return esk_num_eqv(ESK_COMPNUM(a)->re, ESK_COMPNUM(b)->re) && esk_num_eqv(ESK_COMPNUM(a)->im, ESK_COMPNUM(b)->im);
}

/* ---- the functions of (scheme complex) ----------------------------------------------------- */
static esk_val esk_cpx_real_arg(int loc, const char *who, esk_val x) {
    if (ESK_UNLIKELY(ESK_REFUSE(x, !esk_is_number(x) || ESK_IS_COMPNUM(x)))) esk_type_error(loc, who, "a real number", x);
    return x;
}

static esk_val esk_cpx_number_arg(int loc, const char *who, esk_val z) {
    if (ESK_UNLIKELY(ESK_REFUSE(z, !esk_is_number(z)))) esk_type_error(loc, who, "a number", z);
    return z;
}

esk_val esk_make_rectangular(int loc, esk_val x1, esk_val x2) {
    return esk_cpx_make(esk_cpx_real_arg(loc, "make-rectangular", x1), esk_cpx_real_arg(loc, "make-rectangular", x2));
}

/* m (cos a + i sin a); an exact angle 0 gives m itself. */
esk_val esk_make_polar(int loc, esk_val x3, esk_val x4) {
    double m, a;
    x3 = esk_cpx_real_arg(loc, "make-polar", x3);
    x4 = esk_cpx_real_arg(loc, "make-polar", x4);
    if (x4 == ESK_FIX(0)) return x3;
    m = esk_num_to_double(x3);
    a = esk_num_to_double(x4);
    return esk_cpx_flo(m * esk_flo_cos(a), m * esk_flo_sin(a));
}

esk_val esk_real_part(int loc, esk_val z) {
    z = esk_cpx_number_arg(loc, "real-part", z);
    return ESK_IS_COMPNUM(z) ? ESK_COMPNUM(z)->re : z;
}

esk_val esk_imag_part(int loc, esk_val z) {
    z = esk_cpx_number_arg(loc, "imag-part", z);
    return ESK_IS_COMPNUM(z) ? ESK_COMPNUM(z)->im : ESK_FIX(0);
}

esk_val esk_magnitude(int loc, esk_val z) {
    esk_val re, im;
    z = esk_cpx_number_arg(loc, "magnitude", z);
    if (!ESK_IS_COMPNUM(z)) return esk_abs(loc, z);
    esk_cpx_parts(z, &re, &im);
    if (ESK_IS_FLONUM(re)) return esk_make_flonum(esk_cpx_hypot(ESK_FLONUM(re), ESK_FLONUM(im)));
    return esk_sqrt(loc, esk_num_add(loc, esk_num_mul(loc, re, re), esk_num_mul(loc, im, im)));
}

/* The angle of a real is 0 (exact for an exact x >= 0) or pi. */
esk_val esk_angle(int loc, esk_val z) {
    esk_cd c;
    z = esk_cpx_number_arg(loc, "angle", z);
    if (!ESK_IS_COMPNUM(z) && !ESK_IS_FLONUM(z)) {
        if (esk_num_lt(loc, "angle", z, ESK_FIX(0))) return esk_make_flonum(esk_cpx_pi);
        return ESK_FIX(0);
    }
    c = esk_cpx_cd(z);
    return esk_make_flonum(esk_flo_atan2(c.im, c.re));
}

/* ---- sqrt, exp, log ------------------------------------------------------------------------- */
static esk_cd esk_cpx_sqrt_cd(esk_cd z) {
    esk_cd r;
    double t;
    if (esk_cpx_is_inf(z.im)) {
        r.re = 1.0 / 0.0;
        r.im = z.im;
        return r;
    }
    if (z.re == 0 && z.im == 0) {
        r.re = 0.0;
        r.im = z.im;
        return r;
    }
    t = esk_flo_sqrt((esk_cpx_hypot(z.re, z.im) + esk_cpx_fabs(z.re)) / 2);
    if (z.re >= 0) {
        r.re = t;
        r.im = z.im / (2 * t);
    } else {
        r.re = esk_cpx_fabs(z.im) / (2 * t);
        r.im = esk_cpx_copysign(t, z.im);
    }
    return r;
}

/* The principal square root of a complex number or a negative real. An
 * exact argument whose root is exact gets the exact root: (sqrt -4) is +2i,
 * (sqrt -3+4i) is 1+2i. */
esk_val esk_cpx_sqrt(int loc, esk_val z) {
    esk_val re, im, m, a, b;
    esk_cpx_parts(z, &re, &im);
    if (!ESK_IS_FLONUM(re)) {
        if (im == ESK_FIX(0)) { /* a negative exact real */
            b = esk_sqrt(loc, esk_num_sub(loc, ESK_FIX(0), re));
            if (!ESK_IS_FLONUM(b)) return esk_cpx_make(ESK_FIX(0), b);
        } else {
            m = esk_magnitude(loc, z);
            if (!ESK_IS_FLONUM(m)) {
                a = esk_sqrt(loc, esk_num_div(loc, esk_num_add(loc, m, re), ESK_FIX(2)));
                b = esk_sqrt(loc, esk_num_div(loc, esk_num_sub(loc, m, re), ESK_FIX(2)));
                if (!ESK_IS_FLONUM(a) && !ESK_IS_FLONUM(b) && !ESK_IS_COMPNUM(a) && !ESK_IS_COMPNUM(b))
                    return esk_cpx_make(a, esk_num_lt(loc, "sqrt", im, ESK_FIX(0)) ? esk_num_sub(loc, ESK_FIX(0), b) : b);
            }
        }
    }
    return esk_cpx_of_cd(esk_cpx_sqrt_cd(esk_cpx_cd(z)));
}

static esk_cd esk_cpx_exp_cd(esk_cd z) {
    esk_cd r;
    double e = esk_flo_exp(z.re);
    if (z.im == 0) {
        r.re = e;
        r.im = z.im;
        return r;
    }
    r.re = e * esk_flo_cos(z.im);
    r.im = e * esk_flo_sin(z.im);
    return r;
}

esk_val esk_cpx_exp(int loc, esk_val z) {
    (void)loc;
    return esk_cpx_of_cd(esk_cpx_exp_cd(esk_cpx_cd(z)));
}

static esk_cd esk_cpx_log_cd(esk_cd z) {
    esk_cd r;
    r.re = esk_flo_log(esk_cpx_hypot(z.re, z.im));
    r.im = esk_flo_atan2(z.im, z.re);
    return r;
}

/* log |z| + i angle(z): a complex number or a negative real. */
esk_val esk_cpx_log(int loc, esk_val z) {
    esk_cd c = esk_cpx_cd(z), r;
    esk_val m;
    if (!ESK_IS_COMPNUM(z)) { /* log |x| from the real log, exact huge values included */
        m = esk_log(loc, esk_num_sub(loc, ESK_FIX(0), z), ESK_DEFAULT);
        return esk_cpx_flo(ESK_FLONUM(m), esk_cpx_pi);
    }
    r = esk_cpx_log_cd(c);
    return esk_cpx_of_cd(r);
}

/* ---- trigonometry ------------------------------------------------------------------------- */
/* sin(a + bi) = sin a cosh b + i cos a sinh b */
esk_val esk_cpx_sin(int loc, esk_val z) {
    esk_cd c = esk_cpx_cd(z);
    (void)loc;
    return esk_cpx_flo(esk_flo_sin(c.re) * esk_cpx_cosh(c.im), esk_flo_cos(c.re) * esk_cpx_sinh(c.im));
}

/* cos(a + bi) = cos a cosh b - i sin a sinh b */
esk_val esk_cpx_cos(int loc, esk_val z) {
    esk_cd c = esk_cpx_cd(z);
    (void)loc;
    return esk_cpx_flo(esk_flo_cos(c.re) * esk_cpx_cosh(c.im), -(esk_flo_sin(c.re) * esk_cpx_sinh(c.im)));
}

/* tan(a + bi) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b); tends to
 * +-i as |b| grows, where cosh overflows. */
esk_val esk_cpx_tan(int loc, esk_val z) {
    esk_cd c = esk_cpx_cd(z);
    double d;
    (void)loc;
    if (esk_cpx_fabs(c.im) > 40) return esk_cpx_flo(0.0 * esk_flo_sin(2 * c.re), esk_cpx_copysign(1.0, c.im));
    d = esk_flo_cos(2 * c.re) + esk_cpx_cosh(2 * c.im);
    return esk_cpx_flo(esk_flo_sin(2 * c.re) / d, esk_cpx_sinh(2 * c.im) / d);
}

/* asin z = -i log(iz + sqrt(1 - z^2)) */
static esk_cd esk_cpx_asin_cd(esk_cd z) {
    /* for a real z beyond [-1, 1], 1 - z^2 lies on the cut of sqrt: its
     * imaginary part is +0.0, so asin 2 is pi/2 - 1.317i (as in Chez Scheme) */
    esk_cd one_minus = esk_cpx_cd_make(1 - (z.re * z.re - z.im * z.im), z.im == 0 ? 0.0 : -(2 * z.re * z.im));
    esk_cd root = esk_cpx_sqrt_cd(one_minus), l;
    l = esk_cpx_log_cd(esk_cpx_cd_make(root.re - z.im, root.im + z.re));
    return esk_cpx_cd_make(l.im, -l.re);
}

esk_val esk_cpx_asin(int loc, esk_val z) {
    (void)loc;
    return esk_cpx_of_cd(esk_cpx_asin_cd(esk_cpx_cd(z)));
}

/* acos z = pi/2 - asin z */
esk_val esk_cpx_acos(int loc, esk_val z) {
    esk_cd a = esk_cpx_asin_cd(esk_cpx_cd(z));
    (void)loc;
    return esk_cpx_flo(esk_cpx_pi / 2 - a.re, -a.im);
}

/* atan z = (log(1 + iz) - log(1 - iz)) / 2i; an error at +-i, where it has
 * poles. */
esk_val esk_cpx_atan(int loc, esk_val z) {
    esk_cd c = esk_cpx_cd(z), p, q, d;
    if (c.re == 0 && (c.im == 1 || c.im == -1)) esk_error(loc, "atan: division by zero (a pole of atan)", z);
    p = esk_cpx_log_cd(esk_cpx_cd_make(1 - c.im, c.re));
    q = esk_cpx_log_cd(esk_cpx_cd_make(1 + c.im, -c.re));
    d = esk_cpx_cd_make(p.re - q.re, p.im - q.im);
    return esk_cpx_flo(d.im / 2, -d.re / 2);
}

/* ---- expt ----------------------------------------------------------------------------------- */
#define ESK_CPX_MAX_EXPT_BITS ((uint64_t)1 << 26)

/* z^k for an exact integer k, by squaring; exact stays exact. */
static esk_val esk_cpx_expt_integer(int loc, esk_val z, esk_val k) {
    esk_val result = ESK_FIX(1), base = z, re, im;
    int64_t n;
    uint64_t mag;
    if (!esk_big_to_i64(k, &n)) esk_error(loc, "expt: result too large", k);
    mag = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    esk_cpx_parts(z, &re, &im);
    if (!ESK_IS_FLONUM(re)) {
        uint64_t bits = esk_big_bit_length(ESK_IS_RATNUM(re) ? ESK_RATNUM(re)->num : re) +
                        esk_big_bit_length(ESK_IS_RATNUM(im) ? ESK_RATNUM(im)->num : im) + 1;
        if (mag > ESK_CPX_MAX_EXPT_BITS || bits * mag > ESK_CPX_MAX_EXPT_BITS) esk_error(loc, "expt: result too large", k);
    }
    while (mag) {
        if (mag & 1u) result = esk_num_mul(loc, result, base);
        mag >>= 1;
        if (mag) base = esk_num_mul(loc, base, base);
    }
    return n < 0 ? esk_num_div(loc, ESK_FIX(1), result) : result;
}

/* z1^z2 = exp(z2 log z1) when either is complex, or z1 is negative and z2
 * not an integer. */
esk_val esk_cpx_expt(int loc, esk_val z1, esk_val z2) {
    esk_cd base, l, e;
    esk_val re2, im2;
    if (ESK_IS_EXACT_INTEGER(z2)) return esk_cpx_expt_integer(loc, z1, z2);
    esk_cpx_parts(z2, &re2, &im2);
    if (z1 == ESK_FIX(0) || (ESK_IS_FLONUM(z1) && ESK_FLONUM(z1) == 0)) {
        if (esk_num_lt(loc, "expt", ESK_FIX(0), re2)) return ESK_IS_FLONUM(z1) || ESK_IS_FLONUM(re2) ? esk_make_flonum(0.0) : z1;
        esk_error(loc, "expt: 0 to a power whose real part is not positive", z2);
    }
    base = esk_cpx_cd(z1);
    l = esk_cpx_log_cd(base);
    e = esk_cpx_exp_cd(esk_cpx_cd_mul(esk_cpx_cd(z2), l));
    return esk_cpx_of_cd(e);
}

/* ---- text ------------------------------------------------------------------------------------ */
/* re+imi: the real part left out when it is exact 0; an exact imaginary
 * part of 1 or -1 written as +i, -i. Returns the length needed. */
int esk_cpx_to_cstring(esk_val z, int radix, char *buf, size_t size) {
    esk_val re = ESK_COMPNUM(z)->re, im = ESK_COMPNUM(z)->im;
    char part[128], *out;
    size_t len = 0, need, room;
    int n;
    /* the real part */
    if (re != ESK_FIX(0)) {
        n = esk_number_to_cstring(re, radix, buf, size);
        len = (size_t)n;
    } else if (size > 0) {
        buf[0] = 0;
    }
    /* the imaginary part */
    if (im == ESK_FIX(1) || im == ESK_FIX(-1)) {
        part[0] = im == ESK_FIX(1) ? '+' : '-';
        part[1] = 0;
        n = 1;
        out = part;
    } else {
        n = esk_number_to_cstring(im, radix, part, sizeof part);
        out = part;
        if ((size_t)n >= sizeof part) {
            out = esk_alloc_bytes((size_t)n + 1);
            esk_number_to_cstring(im, radix, out, (size_t)n + 1);
        }
    }
    need = (size_t)n + (out[0] != '-' && out[0] != '+') + 1;
    room = len < size ? size - len : 0;
    if (room > need) {
        char *at = buf + len;
        if (out[0] != '-' && out[0] != '+') *at++ = '+';
        memcpy(at, out, (size_t)n);
        at += n;
        *at++ = 'i';
        *at = 0;
    } else if (size > 0) {
        buf[size - 1] = 0;
    }
    return (int)(len + need);
}

#undef ESK_CPX_MAX_EXPT_BITS
