/* esk_char.c - characters: Unicode classes and case mappings, (scheme char) procedures, #\ notation. */
#include "eshkol.h"

#include <string.h>

/* ---- lookups in the generated tables (esk_unicode.c) ---------------------- */
#define ESK_CHAR_RANGE_SHIFT 11
#define ESK_CHAR_RANGE_MASK 0x7FFu
#define ESK_CHAR_RUN_START(packed) ((packed) & 0x1FFFFFu)

/* The index of the last range starting at or before c, or -1. */
static long esk_char_range_at(const esk_ucd_ranges *r, uint32_t c) {
    uint32_t lo = 0, hi = r->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((r->words[mid] >> ESK_CHAR_RANGE_SHIFT) <= c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return -1;
    uint32_t w = r->words[lo - 1];
    return c - (w >> ESK_CHAR_RANGE_SHIFT) <= (w & ESK_CHAR_RANGE_MASK) ? (long)lo - 1 : -1;
}

static int esk_char_in(const esk_ucd_ranges *r, uint32_t c) {
    return esk_char_range_at(r, c) >= 0;
}

static uint32_t esk_char_map(const esk_ucd_case_map *m, uint32_t c) {
    uint32_t lo = 0, hi = m->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ESK_CHAR_RUN_START(m->runs[mid].packed) <= c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return c;
    const esk_ucd_case_run *run = &m->runs[lo - 1];
    uint32_t offset = c - ESK_CHAR_RUN_START(run->packed);
    uint32_t stride = 1u + ((run->packed >> 21) & 1u);
    uint32_t count = (run->packed >> 22) + 1u;
    if (offset % stride != 0 || offset / stride >= count) return c;
    return (uint32_t)((int32_t)c + run->delta);
}

static const esk_ucd_special *esk_char_special(const esk_ucd_specials *s, uint32_t c) {
    uint32_t lo = 0, hi = s->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->items[mid].c < c) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->count && s->items[lo].c == c ? &s->items[lo] : NULL;
}

/* ---- classes ------------------------------------------------------------ */
int esk_uni_is_alphabetic(uint32_t c) {
    if (c < 0x80) return (c | 0x20u) - 'a' < 26;
    return esk_char_in(&esk_ucd_alphabetic, c);
}

int esk_uni_is_white_space(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    return esk_char_in(&esk_ucd_white_space, c);
}

/* Uppercase: has a lowercase mapping, with the stored corrections. */
int esk_uni_is_upper(uint32_t c) {
    if (c < 0x80) return c - 'A' < 26;
    if (esk_char_in(&esk_ucd_uppercase_extra, c)) return 1;
    return esk_char_map(&esk_ucd_downcase, c) != c && !esk_char_in(&esk_ucd_uppercase_except, c);
}

/* Lowercase: has an uppercase mapping, with the stored corrections. */
int esk_uni_is_lower(uint32_t c) {
    if (c < 0x80) return c - 'a' < 26;
    if (esk_char_in(&esk_ucd_lowercase_extra, c)) return 1;
    return esk_char_map(&esk_ucd_upcase, c) != c && !esk_char_in(&esk_ucd_lowercase_except, c);
}

int esk_uni_is_cased(uint32_t c) {
    return esk_uni_is_upper(c) || esk_uni_is_lower(c) || esk_char_in(&esk_ucd_cased_extra, c);
}

int esk_uni_is_case_ignorable(uint32_t c) {
    return esk_char_in(&esk_ucd_case_ignorable, c);
}

int esk_uni_digit_value(uint32_t c) {
    if (c < 0x80) return c - '0' < 10 ? (int)(c - '0') : -1;
    long i = esk_char_range_at(&esk_ucd_decimal, c);
    if (i < 0) return -1;
    return (int)((c - (esk_ucd_decimal.words[i] >> ESK_CHAR_RANGE_SHIFT)) % 10);
}

/* ---- case mappings ------------------------------------------------------ */
uint32_t esk_uni_upcase(uint32_t c) {
    if (c < 0x80) return c - 'a' < 26 ? c - 0x20 : c;
    return esk_char_map(&esk_ucd_upcase, c);
}

uint32_t esk_uni_downcase(uint32_t c) {
    if (c < 0x80) return c - 'A' < 26 ? c + 0x20 : c;
    return esk_char_map(&esk_ucd_downcase, c);
}

uint32_t esk_uni_foldcase(uint32_t c) {
    if (c < 0x80) return c - 'A' < 26 ? c + 0x20 : c;
    return esk_char_map(&esk_ucd_foldcase, c);
}

static int esk_char_full(const esk_ucd_specials *s, uint32_t c, uint32_t simple, uint32_t out[3]) {
    const esk_ucd_special *sp = s->count && c >= s->items[0].c ? esk_char_special(s, c) : NULL;
    if (!sp) {
        out[0] = simple;
        return 1;
    }
    memcpy(out, sp->to, sizeof sp->to);
    return sp->to[2] ? 3 : 2;
}

int esk_uni_full_upcase(uint32_t c, uint32_t out[3]) {
    return esk_char_full(&esk_ucd_full_upcase, c, esk_uni_upcase(c), out);
}

int esk_uni_full_downcase(uint32_t c, uint32_t out[3]) {
    return esk_char_full(&esk_ucd_full_downcase, c, esk_uni_downcase(c), out);
}

int esk_uni_full_foldcase(uint32_t c, uint32_t out[3]) {
    return esk_char_full(&esk_ucd_full_foldcase, c, esk_uni_foldcase(c), out);
}

/* ---- #\ notation ---------------------------------------------------------- */
static const struct {
    uint32_t c;
    const char *name;
} esk_char_names[] = {
    {0x07, "alarm"}, {0x08, "backspace"}, {0x7F, "delete"}, {0x1B, "escape"}, {0x0A, "newline"},
    {0x00, "null"},  {0x0D, "return"},    {0x20, "space"},  {0x09, "tab"},
};

/* Named characters by name; the rest of the controls and the white space
 * (which would not read back) in hex; everything else as itself. */
void esk_char_write(esk_port *out, uint32_t c) {
    char hex[24];
    esk_port_puts(out, "#\\");
    for (size_t i = 0; i < sizeof esk_char_names / sizeof esk_char_names[0]; ++i) {
        if (esk_char_names[i].c == c) {
            esk_port_puts(out, esk_char_names[i].name);
            return;
        }
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || esk_uni_is_white_space(c) || !ESK_IS_SCALAR_VALUE(c)) {
        snprintf(hex, sizeof hex, "x%lx", (unsigned long)c);
        esk_port_puts(out, hex);
        return;
    }
    esk_put_utf8(out, c);
}

/* ---- built-ins -------------------------------------------------------------- */
static uint32_t esk_char_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_CHAR(v)))) esk_type_error(loc, who, "a character", v);
    return ESK_CHARVAL(v);
}

esk_val esk_char_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_IS_CHAR(x));
}

esk_val esk_char_to_integer(int loc, esk_val c) {
    return ESK_FIX(esk_char_arg(loc, "char->integer", c));
}

esk_val esk_integer_to_char(int loc, esk_val n) {
    if (ESK_UNLIKELY(ESK_REFUSE(n, !ESK_IS_FIXNUM(n) || ESK_FIXVAL(n) < 0 || !ESK_IS_SCALAR_VALUE((uintptr_t)ESK_FIXVAL(n)))))
        esk_type_error(loc, "integer->char", "a Unicode scalar value", n);
    return ESK_CHAR((uint32_t)ESK_FIXVAL(n));
}

typedef enum esk_char_order { ESK_CHAR_EQ, ESK_CHAR_LT, ESK_CHAR_GT, ESK_CHAR_LE, ESK_CHAR_GE } esk_char_order;

/* (char<? c1 c2 c3 ...): every argument is checked, then each adjacent pair
 * compared, folded first for the -ci variants. */
static esk_val esk_char_compare(int loc, const char *who, int argc, esk_val *argv, esk_char_order order,
                                int fold) {
    for (int i = 0; i < argc; ++i) argv[i] = ESK_CHAR(esk_char_arg(loc, who, argv[i]));  /* shared values: their contents */
    for (int i = 0; i + 1 < argc; ++i) {
        uint32_t a = ESK_CHARVAL(argv[i]), b = ESK_CHARVAL(argv[i + 1]);
        if (fold) {
            a = esk_uni_foldcase(a);
            b = esk_uni_foldcase(b);
        }
        int holds = order == ESK_CHAR_EQ   ? a == b
                    : order == ESK_CHAR_LT ? a < b
                    : order == ESK_CHAR_GT ? a > b
                    : order == ESK_CHAR_LE ? a <= b
                                           : a >= b;
        if (!holds) return ESK_FALSE;
    }
    return ESK_TRUE;
}

esk_val esk_char_eq_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char=?", argc, argv, ESK_CHAR_EQ, 0);
}
esk_val esk_char_lt_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char<?", argc, argv, ESK_CHAR_LT, 0);
}
esk_val esk_char_gt_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char>?", argc, argv, ESK_CHAR_GT, 0);
}
esk_val esk_char_le_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char<=?", argc, argv, ESK_CHAR_LE, 0);
}
esk_val esk_char_ge_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char>=?", argc, argv, ESK_CHAR_GE, 0);
}
esk_val esk_char_ci_eq_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char-ci=?", argc, argv, ESK_CHAR_EQ, 1);
}
esk_val esk_char_ci_lt_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char-ci<?", argc, argv, ESK_CHAR_LT, 1);
}
esk_val esk_char_ci_gt_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char-ci>?", argc, argv, ESK_CHAR_GT, 1);
}
esk_val esk_char_ci_le_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char-ci<=?", argc, argv, ESK_CHAR_LE, 1);
}
esk_val esk_char_ci_ge_p(int loc, int argc, esk_val *argv) {
    return esk_char_compare(loc, "char-ci>=?", argc, argv, ESK_CHAR_GE, 1);
}

esk_val esk_char_alphabetic_p(int loc, esk_val c) {
    return ESK_BOOL(esk_uni_is_alphabetic(esk_char_arg(loc, "char-alphabetic?", c)));
}

/* R7RS: numeric means a decimal digit (Numeric_Type=Decimal, category Nd). */
esk_val esk_char_numeric_p(int loc, esk_val c) {
    return ESK_BOOL(esk_uni_digit_value(esk_char_arg(loc, "char-numeric?", c)) >= 0);
}

esk_val esk_char_whitespace_p(int loc, esk_val c) {
    return ESK_BOOL(esk_uni_is_white_space(esk_char_arg(loc, "char-whitespace?", c)));
}

esk_val esk_char_upper_case_p(int loc, esk_val c) {
    return ESK_BOOL(esk_uni_is_upper(esk_char_arg(loc, "char-upper-case?", c)));
}

esk_val esk_char_lower_case_p(int loc, esk_val c) {
    return ESK_BOOL(esk_uni_is_lower(esk_char_arg(loc, "char-lower-case?", c)));
}

esk_val esk_digit_value(int loc, esk_val c) {
    int d = esk_uni_digit_value(esk_char_arg(loc, "digit-value", c));
    return d < 0 ? ESK_FALSE : ESK_FIX(d);
}

esk_val esk_char_upcase(int loc, esk_val c) {
    return ESK_CHAR(esk_uni_upcase(esk_char_arg(loc, "char-upcase", c)));
}

esk_val esk_char_downcase(int loc, esk_val c) {
    return ESK_CHAR(esk_uni_downcase(esk_char_arg(loc, "char-downcase", c)));
}

esk_val esk_char_foldcase(int loc, esk_val c) {
    return ESK_CHAR(esk_uni_foldcase(esk_char_arg(loc, "char-foldcase", c)));
}

#undef ESK_CHAR_RANGE_SHIFT
#undef ESK_CHAR_RANGE_MASK
#undef ESK_CHAR_RUN_START
