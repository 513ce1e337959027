/* esk_bignum.c - exact integers of any size: fixnums and bignums, normalised after every operation. */
#include "eshkol.h"

#include <string.h>

/* A magnitude is an array of base-2^32 limbs, little-endian, with no zero
 * top limb (length 0 for zero). Operations take a view of each operand (a
 * fixnum's view borrows two limbs of storage in the view itself), compute
 * the magnitude into a fresh esk_bignum, then normalise: trim zero limbs
 * and turn the result into a fixnum when it fits. All limb arithmetic is
 * unsigned (uint32_t limbs, uint64_t intermediates). */

typedef struct esk_big_view {
    const uint32_t *d;
    size_t n;
    int neg;
    uint32_t small[2];
} esk_big_view;

#define ESK_BIG_FIX_MAX ((uint64_t)ESK_FIXNUM_MAX)

static void esk_big_view_u64(esk_big_view *v, uint64_t mag, int neg) {
    v->small[0] = (uint32_t)mag;
    v->small[1] = (uint32_t)(mag >> 32);
    v->d = v->small;
    v->n = mag == 0 ? 0 : v->small[1] ? 2 : 1;
    v->neg = neg && mag != 0;
}

/* A view of an exact integer; v must not be copied (it may point into itself). */
static void esk_big_view_of(esk_val a, esk_big_view *v) {
    if (ESK_IS_FIXNUM(a)) {
        intptr_t x = ESK_FIXVAL(a);
        esk_big_view_u64(v, x < 0 ? 0 - (uint64_t)(int64_t)x : (uint64_t)x, x < 0);
    } else {
        const esk_bignum *b = ESK_BIGNUM(a);
        v->d = b->limbs;
        v->n = b->h.size;
        v->neg = b->negative != 0;
    }
}

/* Bytes of a bignum of n limbs as allocated (8-byte aligned). */
static size_t esk_big_bytes(size_t n) { return (sizeof(esk_bignum) + (n ? n : 1) * sizeof(uint32_t) + 7u) & ~(size_t)7u; }

static esk_bignum *esk_big_alloc(size_t limbs) {
    esk_bignum *b = esk_alloc_obj(ESK_T_BIGNUM, (uint32_t)limbs, sizeof(esk_bignum) + (limbs ? limbs : 1) * sizeof(uint32_t));
    b->h.type = ESK_T_BIGNUM;
    b->h.size = (uint32_t)limbs;
    b->negative = 0;
    return b;
}

static size_t esk_big_trim(const uint32_t *d, size_t n) {
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

/* The value of the magnitude b->limbs[0..n) with sign neg, normalised. */
static esk_val esk_big_finish(esk_bignum *b, size_t n, int neg) {
    n = esk_big_trim(b->limbs, n);
    if (n <= 2) {
        uint64_t mag = n == 0 ? 0 : n == 1 ? b->limbs[0] : ((uint64_t)b->limbs[1] << 32 | b->limbs[0]);
        if (mag <= ESK_BIG_FIX_MAX) return ESK_FIX(neg ? -(intptr_t)mag : (intptr_t)mag);
        if (neg && mag == ESK_BIG_FIX_MAX + 1) return ESK_FIX(ESK_FIXNUM_MIN);
    }
    if (n < b->h.size) {
        /* the limbs given back stay walkable for the collector: a free run */
        size_t had = esk_big_bytes(b->h.size), has = esk_big_bytes(n);
        if (had > has) esk_alloc_fill((unsigned char *)b + has, had - has);
    }
    b->h.size = (uint32_t)n;
    b->negative = neg;
    return ESK_FROM_HEAP(b);
}

static esk_val esk_big_from_mag(const uint32_t *d, size_t n, int neg) {
    esk_bignum *b = esk_big_alloc(n);
    if (n) memcpy(b->limbs, d, n * sizeof(uint32_t));
    return esk_big_finish(b, n, neg);
}

esk_val esk_big_from_u64(uint64_t magnitude, int negative) {
    esk_big_view v;
    esk_big_view_u64(&v, magnitude, negative);
    return esk_big_from_mag(v.d, v.n, v.neg);
}

esk_val esk_big_from_i64(int64_t n) {
    return esk_big_from_u64(n < 0 ? 0 - (uint64_t)n : (uint64_t)n, n < 0);
}

int esk_big_to_i64(esk_val a, int64_t *out) {
    esk_big_view v;
    uint64_t mag;
    if (ESK_IS_FIXNUM(a)) return *out = (int64_t)ESK_FIXVAL(a), 1;
    esk_big_view_of(a, &v);
    if (v.n > 2) return 0;
    mag = v.n == 1 ? v.d[0] : ((uint64_t)v.d[1] << 32 | v.d[0]);
    if (v.neg ? mag > (uint64_t)INT64_MAX + 1 : mag > (uint64_t)INT64_MAX) return 0;
    *out = v.neg ? (int64_t)(0 - mag) : (int64_t)mag;
    return 1;
}

/* ---- magnitudes ------------------------------------------------------------- */
static int esk_big_mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    while (an-- > 0)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

/* r = a + b (r has room for max(an, bn) + 1 limbs; r may alias a or b). */
static size_t esk_big_mag_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    uint64_t carry = 0;
    size_t i, n = an > bn ? an : bn;
    for (i = 0; i < n; i++) {
        carry += (uint64_t)(i < an ? a[i] : 0) + (i < bn ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[n] = (uint32_t)carry;
    return n + 1;
}

/* r[0..rn) += b[0..bn), bn <= rn, when the sum fits in rn limbs. */
static void esk_big_mag_add_into(uint32_t *r, size_t rn, const uint32_t *b, size_t bn) {
    uint64_t carry = 0;
    size_t i;
    for (i = 0; i < rn && (i < bn || carry); i++) {
        carry += (uint64_t)r[i] + (i < bn ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

/* r = a - b for a >= b (r has room for an limbs; may alias a). */
static size_t esk_big_mag_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    uint64_t borrow = 0;
    size_t i;
    for (i = 0; i < an; i++) {
        uint64_t sub = (uint64_t)(i < bn ? b[i] : 0) + borrow;
        borrow = a[i] < sub;
        r[i] = (uint32_t)((uint64_t)a[i] - sub);
    }
    return an;
}

/* r += a * m at r (r has room for an + 1 limbs beyond any carry). */
static void esk_big_mag_addmul(uint32_t *r, const uint32_t *a, size_t an, uint32_t m) {
    uint64_t carry = 0;
    size_t i;
    for (i = 0; i < an; i++) {
        carry += (uint64_t)a[i] * m + r[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; carry; i++) {
        carry += r[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

/* Schoolbook product r = a * b, r zeroed with an + bn limbs. */
static void esk_big_mag_mul_school(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    size_t j;
    for (j = 0; j < bn; j++)
        if (b[j]) esk_big_mag_addmul(r + j, a, an, b[j]);
}

#define ESK_BIG_KARATSUBA_MIN 40

static void esk_big_mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* Karatsuba for an >= bn > h (h = an/2 rounded up):
 * a b = z2 B^2h + ((a0+a1)(b0+b1) - z0 - z2) B^h + z0. r zeroed, an + bn. */
static void esk_big_mag_karatsuba(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    size_t h = (an + 1) / 2, sn, tn, mn;
    uint32_t *s = esk_alloc_bytes((h + 1) * sizeof(uint32_t) * 2 + (2 * h + 2) * sizeof(uint32_t));
    uint32_t *t = s + h + 1, *m = t + h + 1;
    sn = esk_big_trim(s, esk_big_mag_add(s, a, h, a + h, an - h));
    tn = esk_big_trim(t, esk_big_mag_add(t, b, h, b + h, bn - h));
    memset(m, 0, (2 * h + 2) * sizeof(uint32_t));
    esk_big_mag_mul(m, s, sn, t, tn);
    mn = esk_big_trim(m, 2 * h + 2);
    esk_big_mag_mul(r, a, h, b, h);                        /* z0 at r[0..2h) */
    esk_big_mag_mul(r + 2 * h, a + h, an - h, b + h, bn - h); /* z2 at r[2h..) */
    mn = esk_big_mag_sub(m, m, mn, r, esk_big_trim(r, 2 * h));
    mn = esk_big_mag_sub(m, m, mn, r + 2 * h, esk_big_trim(r + 2 * h, an + bn - 2 * h));
    mn = esk_big_trim(m, mn);
    esk_big_mag_add_into(r + h, an + bn - h, m, mn);
}

/* r = a * b, r zeroed with an + bn limbs (neither operand aliases r). */
static void esk_big_mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an < bn) {
        const uint32_t *t = a;
        size_t tn = an;
        a = b, an = bn, b = t, bn = tn;
    }
    if (bn < ESK_BIG_KARATSUBA_MIN) {
        esk_big_mag_mul_school(r, a, an, b, bn);
    } else if (bn > (an + 1) / 2) {
        esk_big_mag_karatsuba(r, a, an, b, bn);
    } else { /* lopsided: multiply bn-limb slices of a and add them up */
        uint32_t *part = esk_alloc_bytes(2 * bn * sizeof(uint32_t));
        size_t i, len;
        for (i = 0; i < an; i += bn) {
            len = an - i < bn ? an - i : bn;
            memset(part, 0, 2 * bn * sizeof(uint32_t));
            esk_big_mag_mul(part, a + i, len, b, bn);
            esk_big_mag_add_into(r + i, an + bn - i, part, esk_big_trim(part, len + bn));
        }
    }
}

/* q = a / d (q has an limbs; may alias a); returns the remainder. */
static uint32_t esk_big_mag_divmod_small(uint32_t *q, const uint32_t *a, size_t an, uint32_t d) {
    uint64_t rem = 0;
    while (an-- > 0) {
        uint64_t cur = rem << 32 | a[an];
        q[an] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

static int esk_big_clz32(uint32_t x) {
    int n = 0;
    while (!(x & 0x80000000u)) n++, x <<= 1;
    return n;
}

/* r = a << s for 0 <= s < 32 (r has an + 1 limbs; may alias a). */
static void esk_big_mag_shl_small(uint32_t *r, const uint32_t *a, size_t an, int s) {
    uint32_t carry = 0;
    size_t i;
    for (i = 0; i < an; i++) {
        uint32_t x = a[i];
        r[i] = s ? (x << s) | carry : x;
        carry = s ? x >> (32 - s) : 0;
    }
    r[an] = carry;
}

/* One step of Knuth's algorithm D: the digit q of u[j..j+n] / v, with u
 * reduced by q*v in place. v is normalised (top bit set), n >= 2. */
static uint32_t esk_big_divide_step(uint32_t *u, const uint32_t *v, size_t n, size_t j) {
    uint64_t num = (uint64_t)u[j + n] << 32 | u[j + n - 1];
    uint64_t qhat = num / v[n - 1], rhat = num % v[n - 1], carry = 0, borrow = 0, sub, cur;
    size_t i;
    while (qhat > 0xFFFFFFFFu || qhat * v[n - 2] > (rhat << 32 | u[j + n - 2])) {
        qhat--;
        rhat += v[n - 1];
        if (rhat > 0xFFFFFFFFu) break;
    }
    for (i = 0; i < n; i++) { /* u[j..] -= qhat * v */
        uint64_t p = qhat * v[i] + carry;
        carry = p >> 32;
        sub = (p & 0xFFFFFFFFu) + borrow;
        cur = u[i + j];
        u[i + j] = (uint32_t)(cur - sub);
        borrow = cur < sub;
    }
    sub = carry + borrow;
    cur = u[j + n];
    u[j + n] = (uint32_t)(cur - sub);
    if (cur < sub) { /* qhat was one too big: add v back */
        qhat--;
        carry = 0;
        for (i = 0; i < n; i++) {
            carry += (uint64_t)u[i + j] + v[i];
            u[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        u[j + n] += (uint32_t)carry;
    }
    return (uint32_t)qhat;
}

/* q = a / b, r = a % b for an >= bn >= 2 (q: an - bn + 1 limbs, r: bn). */
static void esk_big_mag_divmod(uint32_t *q, uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    int s = esk_big_clz32(b[bn - 1]);
    uint32_t *u = esk_alloc_bytes((an + 1 + bn + 1) * sizeof(uint32_t)), *v = u + an + 1;
    size_t j, i;
    esk_big_mag_shl_small(u, a, an, s);
    esk_big_mag_shl_small(v, b, bn, s);
    for (j = an - bn + 1; j-- > 0;) q[j] = esk_big_divide_step(u, v, bn, j);
    for (i = 0; i < bn; i++) /* r = u >> s */
        r[i] = s ? (u[i] >> s) | (u[i + 1] << (32 - s)) : u[i];
}

/* ---- arithmetic on values --------------------------------------------------- */
int esk_big_sign(esk_val a) {
    if (ESK_IS_FIXNUM(a)) return ESK_FIXVAL(a) < 0 ? -1 : ESK_FIXVAL(a) > 0;
    return ESK_BIGNUM(a)->negative ? -1 : 1;
}

int esk_big_is_odd(esk_val a) {
    if (ESK_IS_FIXNUM(a)) return (ESK_FIXVAL(a) & 1) != 0;
    return ESK_BIGNUM(a)->limbs[0] & 1u;
}

int esk_big_cmp(esk_val a, esk_val b) {
    esk_big_view x, y;
    int c;
    if (ESK_BOTH_FIXNUM(a, b)) return (intptr_t)a < (intptr_t)b ? -1 : (intptr_t)a > (intptr_t)b;
    esk_big_view_of(a, &x);
    esk_big_view_of(b, &y);
    if (x.neg != y.neg) return x.neg ? -1 : 1;
    c = esk_big_mag_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

esk_val esk_big_neg(esk_val a) {
    esk_big_view x;
    esk_big_view_of(a, &x);
    return esk_big_from_mag(x.d, x.n, !x.neg);
}

esk_val esk_big_abs(esk_val a) { return esk_big_sign(a) < 0 ? esk_big_neg(a) : a; }

/* x + (negate_y ? -y : y) */
static esk_val esk_big_add_signed(esk_val a, esk_val b, int negate_b) {
    esk_big_view x, y;
    esk_bignum *r;
    int yneg;
    esk_big_view_of(a, &x);
    esk_big_view_of(b, &y);
    yneg = negate_b ? !y.neg : y.neg;
    r = esk_big_alloc((x.n > y.n ? x.n : y.n) + 1);
    if (x.neg == yneg) return esk_big_finish(r, esk_big_mag_add(r->limbs, x.d, x.n, y.d, y.n), x.neg);
    if (esk_big_mag_cmp(x.d, x.n, y.d, y.n) >= 0)
        return esk_big_finish(r, esk_big_mag_sub(r->limbs, x.d, x.n, y.d, y.n), x.neg);
    return esk_big_finish(r, esk_big_mag_sub(r->limbs, y.d, y.n, x.d, x.n), yneg);
}

esk_val esk_big_add(esk_val a, esk_val b) {
    if (ESK_BOTH_FIXNUM(a, b)) return esk_big_from_i64((int64_t)ESK_FIXVAL(a) + (int64_t)ESK_FIXVAL(b));
    return esk_big_add_signed(a, b, 0);
}

esk_val esk_big_sub(esk_val a, esk_val b) {
    if (ESK_BOTH_FIXNUM(a, b)) return esk_big_from_i64((int64_t)ESK_FIXVAL(a) - (int64_t)ESK_FIXVAL(b));
    return esk_big_add_signed(a, b, 1);
}

esk_val esk_big_mul(esk_val a, esk_val b) {
    esk_big_view x, y;
    esk_bignum *r;
    esk_big_view_of(a, &x);
    esk_big_view_of(b, &y);
    if (x.n == 0 || y.n == 0) return ESK_FIX(0);
    r = esk_big_alloc(x.n + y.n);
    memset(r->limbs, 0, (x.n + y.n) * sizeof(uint32_t));
    esk_big_mag_mul(r->limbs, x.d, x.n, y.d, y.n);
    return esk_big_finish(r, x.n + y.n, x.neg != y.neg);
}

static void esk_big_divmod_fix(intptr_t a, intptr_t b, esk_val *q, esk_val *r) {
    /* 63-bit operands: a / b cannot overflow an int64_t */
    int64_t x = a, y = b;
    if (q) *q = esk_big_from_i64(x / y);
    if (r) *r = ESK_FIX((intptr_t)(x % y));
}

void esk_big_divmod(esk_val a, esk_val b, esk_val *q, esk_val *r) {
    esk_big_view x, y;
    esk_bignum *qb, *rb;
    if (ESK_BOTH_FIXNUM(a, b)) {
        esk_big_divmod_fix(ESK_FIXVAL(a), ESK_FIXVAL(b), q, r);
        return;
    }
    esk_big_view_of(a, &x);
    esk_big_view_of(b, &y);
    if (esk_big_mag_cmp(x.d, x.n, y.d, y.n) < 0) {
        if (q) *q = ESK_FIX(0);
        if (r) *r = a;
        return;
    }
    qb = esk_big_alloc(x.n);
    if (y.n == 1) {
        uint32_t rem = esk_big_mag_divmod_small(qb->limbs, x.d, x.n, y.d[0]);
        if (q) *q = esk_big_finish(qb, x.n, x.neg != y.neg);
        if (r) *r = esk_big_from_u64(rem, x.neg);
        return;
    }
    rb = esk_big_alloc(y.n);
    esk_big_mag_divmod(qb->limbs, rb->limbs, x.d, x.n, y.d, y.n);
    if (q) *q = esk_big_finish(qb, x.n - y.n + 1, x.neg != y.neg);
    if (r) *r = esk_big_finish(rb, y.n, x.neg);
}

static uint64_t esk_big_gcd_u64(uint64_t a, uint64_t b) {
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

esk_val esk_big_gcd(esk_val a, esk_val b) {
    esk_val r;
    a = esk_big_abs(a);
    b = esk_big_abs(b);
    while (!(ESK_BOTH_FIXNUM(a, b))) {
        if (b == ESK_FIX(0)) return a;
        esk_big_divmod(a, b, NULL, &r);
        a = b;
        b = r;
    }
    return esk_big_from_u64(esk_big_gcd_u64((uint64_t)ESK_FIXVAL(a), (uint64_t)ESK_FIXVAL(b)), 0);
}

esk_val esk_big_pow(esk_val base, uint64_t e) {
    esk_val result = ESK_FIX(1);
    while (e) {
        if (e & 1u) result = esk_big_mul(result, base);
        e >>= 1;
        if (e) base = esk_big_mul(base, base);
    }
    return result;
}

uint64_t esk_big_bit_length(esk_val a) {
    esk_big_view x;
    esk_big_view_of(a, &x);
    if (x.n == 0) return 0;
    return 32 * (uint64_t)x.n - (uint64_t)esk_big_clz32(x.d[x.n - 1]);
}

/* |a| >> k with a flag for nonzero bits shifted out. */
static esk_val esk_big_shr_mag(const esk_big_view *x, uint64_t k, int *lost) {
    size_t limbs = (size_t)(k / 32), n, i;
    int s = (int)(k % 32);
    esk_bignum *r;
    *lost = 0;
    for (i = 0; i < x->n && i < limbs; i++) *lost |= x->d[i] != 0;
    if (limbs >= x->n) return ESK_FIX(0);
    if (s && (x->d[limbs] & ((1u << s) - 1))) *lost = 1;
    n = x->n - limbs;
    r = esk_big_alloc(n);
    for (i = 0; i < n; i++) {
        uint32_t lo = x->d[limbs + i], hi = limbs + i + 1 < x->n ? x->d[limbs + i + 1] : 0;
        r->limbs[i] = s ? (lo >> s) | (hi << (32 - s)) : lo;
    }
    return esk_big_finish(r, n, 0);
}

esk_val esk_big_shift(esk_val a, int64_t k) {
    esk_big_view x;
    esk_bignum *r;
    size_t limbs;
    int lost;
    esk_val m;
    esk_big_view_of(a, &x);
    if (x.n == 0 || k == 0) return a;
    if (k < 0) { /* floor(a / 2^-k) */
        m = esk_big_shr_mag(&x, (uint64_t)-k, &lost);
        if (!x.neg) return m;
        return esk_big_neg(lost ? esk_big_add(m, ESK_FIX(1)) : m);
    }
    limbs = (size_t)(k / 32);
    r = esk_big_alloc(x.n + limbs + 1);
    memset(r->limbs, 0, limbs * sizeof(uint32_t));
    esk_big_mag_shl_small(r->limbs + limbs, x.d, x.n, (int)(k % 32));
    return esk_big_finish(r, x.n + limbs + 1, x.neg);
}

/* ---- conversions to and from doubles ------------------------------------------ */
/* The top 64 bits of |a| (as the integer they spell) and whether any bit
 * below them is set; *exp2 gets the weight of the lowest kept bit. */
static uint64_t esk_big_top64(esk_val a, int64_t *exp2, int *sticky) {
    uint64_t bits = esk_big_bit_length(a);
    esk_big_view x;
    esk_val top;
    int64_t v;
    esk_big_view_of(a, &x);
    if (bits <= 64) {
        *exp2 = 0;
        *sticky = 0;
        return x.n == 0 ? 0 : x.n == 1 ? x.d[0] : ((uint64_t)x.d[1] << 32 | x.d[0]);
    }
    top = esk_big_shr_mag(&x, bits - 63, sticky); /* 63 bits: a fixnum-sized value */
    *exp2 = (int64_t)(bits - 63);
    esk_big_to_i64(top, &v);
    return (uint64_t)v;
}

double esk_big_to_double(esk_val a) {
    int64_t e;
    int sticky;
    uint64_t m = esk_big_top64(a, &e, &sticky);
    return esk_flo_make(esk_big_sign(a) < 0, m, e, sticky);
}

/* n/d with n/d scaled by 2^s into [2^62, 2^64): q = floor(n 2^s / d) keeps
 * 62+ bits and the remainder says whether anything is below. */
double esk_big_ratio_to_double(esk_val n, esk_val d) {
    int neg = esk_big_sign(n) < 0;
    int64_t s;
    esk_val q, r, num = esk_big_abs(n), den = d;
    int64_t qv;
    if (n == ESK_FIX(0)) return 0.0;
    s = 63 - (int64_t)esk_big_bit_length(num) + (int64_t)esk_big_bit_length(den);
    if (s > 0) num = esk_big_shift(num, s);
    else if (s < 0) den = esk_big_shift(den, -s);
    esk_big_divmod(num, den, &q, &r);
    if (!esk_big_to_i64(q, &qv)) { /* q >= 2^63: halve it, keeping the lost bit sticky */
        int odd = esk_big_is_odd(q);
        esk_big_to_i64(esk_big_shift(q, -1), &qv);
        return esk_flo_make(neg, (uint64_t)qv, 1 - s, odd || r != ESK_FIX(0));
    }
    return esk_flo_make(neg, (uint64_t)qv, -s, r != ESK_FIX(0));
}

esk_val esk_big_from_double(double d) {
    uint64_t m;
    int e;
    if (d == 0) return ESK_FIX(0);
    esk_flo_decompose(d, &m, &e);
    if (e < 0) return esk_big_from_u64(m >> -e, d < 0); /* integral: only zeros shift out */
    return esk_big_shift(esk_big_from_u64(m, d < 0), e);
}

/* ---- roots ----------------------------------------------------------------------- */
/* floor(a^(1/k)) for a > 0, k >= 2, by Newton's method from above:
 * x' = ((k-1) x + a / x^(k-1)) / k decreases until x is the root. */
static esk_val esk_big_root(esk_val a, uint64_t k) {
    uint64_t bits = esk_big_bit_length(a);
    esk_val x, next, q, kv = esk_big_from_u64(k, 0), km1 = esk_big_from_u64(k - 1, 0);
    if (bits <= k) return ESK_FIX(1); /* a < 2^k */
    x = esk_big_shift(ESK_FIX(1), (int64_t)((bits + k - 1) / k)); /* >= the root */
    for (;;) {
        esk_big_divmod(a, esk_big_pow(x, k - 1), &q, NULL);
        esk_big_divmod(esk_big_add(esk_big_mul(km1, x), q), kv, &next, NULL);
        if (esk_big_cmp(next, x) >= 0) return x;
        x = next;
    }
}

esk_val esk_big_isqrt(esk_val a, esk_val *rem) {
    esk_val root;
    if (ESK_IS_FIXNUM(a) && ESK_FIXVAL(a) < ((intptr_t)1 << 52)) {
        intptr_t v = ESK_FIXVAL(a), s = (intptr_t)esk_flo_sqrt((double)v); /* exact below 2^52 */
        while (s * s > v) s--;
        while ((s + 1) * (s + 1) <= v) s++;
        if (rem) *rem = ESK_FIX(v - s * s);
        return ESK_FIX(s);
    }
    root = esk_big_root(a, 2);
    if (rem) *rem = esk_big_sub(a, esk_big_mul(root, root));
    return root;
}

esk_val esk_big_exact_root(esk_val a, uint64_t k) {
    esk_val r;
    if (a == ESK_FIX(0) || a == ESK_FIX(1) || k == 1) return a;
    r = k == 2 ? esk_big_isqrt(a, NULL) : esk_big_root(a, k);
    return esk_big_cmp(esk_big_pow(r, k), a) == 0 ? r : ESK_FALSE;
}

/* ---- text ------------------------------------------------------------------------- */
static const char esk_big_digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* The largest power of radix that fits a limb, and its exponent. */
static uint32_t esk_big_chunk(int radix, int *digits) {
    uint64_t p = (uint64_t)radix;
    *digits = 1;
    while (p * (uint64_t)radix <= 0xFFFFFFFFu) p *= (uint64_t)radix, (*digits)++;
    return (uint32_t)p;
}

/* Digits of |a| (nonzero), least significant first, into out; returns the count. */
static size_t esk_big_digits_reversed(const esk_big_view *x, int radix, char *out) {
    int per;
    uint32_t chunk = esk_big_chunk(radix, &per);
    uint32_t *work = esk_alloc_bytes(x->n * sizeof(uint32_t));
    size_t n = x->n, count = 0;
    memcpy(work, x->d, n * sizeof(uint32_t));
    while (n > 0) {
        uint32_t part = esk_big_mag_divmod_small(work, work, n, chunk);
        int i;
        n = esk_big_trim(work, n);
        for (i = 0; i < per && (n > 0 || part); i++) {
            out[count++] = esk_big_digit_chars[part % (uint32_t)radix];
            part /= (uint32_t)radix;
        }
    }
    return count;
}

/* Digits of a nonzero magnitude below 2^64, least significant first. */
static size_t esk_big_small_digits_reversed(uint64_t mag, int radix, char *out) {
    size_t count = 0;
    for (; mag; mag /= (uint64_t)radix) out[count++] = esk_big_digit_chars[mag % (uint64_t)radix];
    return count;
}

int esk_big_to_cstring(esk_val a, int radix, char *buf, size_t size) {
    esk_big_view x;
    char small[72], *text = small;
    size_t count, len, i;
    esk_big_view_of(a, &x);
    if (x.n == 0) {
        if (size > 1) buf[0] = '0', buf[1] = 0;
        else if (size == 1) buf[0] = 0;
        return 1;
    }
    if (x.n <= 2) {
        count = esk_big_small_digits_reversed(x.n == 1 ? x.d[0] : ((uint64_t)x.d[1] << 32 | x.d[0]), radix, text + 1);
    } else {
        text = esk_alloc_bytes(x.n * 32 + 2); /* radix 2 at most: 32 digits per limb */
        count = esk_big_digits_reversed(&x, radix, text + 1);
    }
    len = count + (size_t)x.neg;
    if (size > 0) {
        size_t room = size - 1, at = 0;
        if (x.neg && at < room) buf[at++] = '-';
        for (i = 0; i < count && at < room; i++) buf[at++] = text[count - i];
        buf[at] = 0;
    }
    return (int)len;
}

static int esk_big_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

esk_val esk_big_parse(const char *digits, size_t n, int radix) {
    int per;
    esk_bignum *r;
    (void)esk_big_chunk(radix, &per);
    r = esk_big_alloc(n / (size_t)per + 2);
    size_t len = 0, i = 0;
    while (i < n) {
        uint32_t part = 0, scale = 1;
        int k;
        for (k = 0; k < per && i < n; k++, i++) {
            part = part * (uint32_t)radix + (uint32_t)esk_big_digit_value(digits[i]);
            scale *= (uint32_t)radix;
        }
        /* r = r * scale + part */
        r->limbs[len] = 0;
        {
            uint64_t carry = part;
            size_t j;
            for (j = 0; j < len; j++) {
                carry += (uint64_t)r->limbs[j] * scale;
                r->limbs[j] = (uint32_t)carry;
                carry >>= 32;
            }
            if (carry) r->limbs[len++] = (uint32_t)carry;
        }
    }
    return esk_big_finish(r, len, 0);
}

#undef ESK_BIG_FIX_MAX
#undef ESK_BIG_KARATSUBA_MIN
