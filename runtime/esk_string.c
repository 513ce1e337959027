/* esk_string.c - strings: storage that widens from Latin-1 to UTF-32 in place, UTF-8, printing, the string procedures. */
#include "eshkol.h"

#include <string.h>

/* ---- storage ---------------------------------------------------------------
 * A fresh string is one block: the esk_string, then its data. Widening
 * gives it a new data block; the object itself never moves. */

static void *esk_str_alloc_data(const esk_string *s, size_t bytes) {
    /* beside the string, in its region: the data lives exactly as long */
    esk_arena *a = esk_arena_of(s);
    return esk_alloc_buffer_in(a ? a : esk_cur_arena, bytes, ESK_T_BYTES);
}

esk_val esk_string_alloc(size_t length, uint32_t width) {
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(0, "string: too long", ESK_UNSPECIFIED);
    esk_string *s = esk_alloc_obj(ESK_T_STRING, (uint32_t)(length * width), sizeof(esk_string) + length * width);
    s->length = (uint32_t)length;
    s->width = width;
    s->data = s + 1;
    memset(s->data, 0, length * width);
    return ESK_FROM_HEAP(s);
}

static void esk_str_widen(esk_string *s) {
    uint32_t *wide = esk_str_alloc_data(s, (size_t)s->length * 4);
    const uint8_t *narrow = s->data;
    for (size_t i = 0; i < s->length; ++i) wide[i] = narrow[i];
    s->data = wide;
    s->width = 4;
#ifndef ESK_NO_GC
    esk_gc_write_object(s);  /* an old string's new buffer is young: the barrier */
#endif
}

static void esk_str_put(esk_string *s, size_t i, uint32_t c) {
    if (s->width == 1 && c > 0xFF) esk_str_widen(s);
    if (s->width == 1) ((uint8_t *)s->data)[i] = (uint8_t)c;
    else ((uint32_t *)s->data)[i] = c;
}

void esk_string_put_char(esk_val s, size_t i, uint32_t c) {
    esk_str_put(ESK_STRING(s), i, c);
}

/* The largest code point of s[from, to). */
static uint32_t esk_str_max_char(const esk_string *s, size_t from, size_t to) {
    uint32_t max = 0;
    if (s->width == 1) return to > from ? 0xFF : 0;
    for (size_t i = from; i < to; ++i)
        if (((const uint32_t *)s->data)[i] > max) max = ((const uint32_t *)s->data)[i];
    return max;
}

/* Copies src[from, to) over dst[at, ...), widening dst when needed; the two
 * may be the same string and overlap. */
static void esk_str_move(esk_string *dst, size_t at, const esk_string *src, size_t from, size_t to) {
    if (dst->width == 1 && src->width == 4 && esk_str_max_char(src, from, to) > 0xFF) esk_str_widen(dst);
    if (dst->width == src->width) {
        memmove((char *)dst->data + at * dst->width, (const char *)src->data + from * src->width,
                (to - from) * src->width);
        return;
    }
    for (size_t i = from; i < to; ++i) esk_str_put(dst, at + i - from, esk_string_char_at(src, i));
}

/* A new string of s[from, to), narrow when its characters allow. */
static esk_val esk_str_slice(const esk_string *s, size_t from, size_t to) {
    uint32_t width = esk_str_max_char(s, from, to) > 0xFF ? 4 : 1;
    esk_val r = esk_string_alloc(to - from, width);
    esk_str_move(ESK_STRING(r), 0, s, from, to);
    return r;
}

esk_val esk_string_from_latin1(const char *bytes, size_t length) {
    esk_val r = esk_string_alloc(length, 1);
    if (length) memcpy(ESK_STRING(r)->data, bytes, length);
    return r;
}

esk_val esk_string_from_utf32(const uint32_t *chars, size_t length) {
    uint32_t width = 1;
    for (size_t i = 0; i < length; ++i)
        if (chars[i] > 0xFF) width = 4;
    esk_val r = esk_string_alloc(length, width);
    esk_string *s = ESK_STRING(r);
    for (size_t i = 0; i < length; ++i) esk_str_put(s, i, chars[i]);
    return r;
}

/* ---- UTF-8 -------------------------------------------------------------- */
int esk_utf8_encode(uint32_t c, unsigned char out[4]) {
    if (!ESK_IS_SCALAR_VALUE(c)) c = 0xFFFD;
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | c >> 6);
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | c >> 12);
        out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | c >> 18);
    out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

size_t esk_utf8_decode(const unsigned char *p, size_t n, uint32_t *c) {
    size_t length;
    uint32_t cp, min;
    if (n == 0) return 0;
    if (p[0] < 0x80) {
        *c = p[0];
        return 1;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) length = 2, cp = p[0] & 0x1Fu, min = 0x80;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) length = 3, cp = p[0] & 0x0Fu, min = 0x800;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) length = 4, cp = p[0] & 0x07u, min = 0x10000;
    else return 0;
    if (n < length) return 0;
    for (size_t i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    if (cp < min || !ESK_IS_SCALAR_VALUE(cp)) return 0;
    *c = cp;
    return length;
}

void esk_put_utf8(esk_port *out, uint32_t c) {
    unsigned char bytes[4];
    int n = esk_utf8_encode(c, bytes);
    esk_port_write(out, bytes, (size_t)n);
}

/* Decodes bytes[0, n): counts the characters and finds the largest. Strict:
 * returns the offset of the first ill-formed sequence, or n. Lenient: an
 * ill-formed byte counts as U+FFFD. */
static size_t esk_str_scan_utf8(const unsigned char *bytes, size_t n, int strict, size_t *count,
                                uint32_t *max) {
    size_t i = 0;
    *count = 0;
    *max = 0;
    while (i < n) {
        uint32_t c = 0xFFFD;
        size_t step = esk_utf8_decode(bytes + i, n - i, &c);
        if (step == 0) {
            if (strict) return i;
            step = 1;
        }
        if (c > *max) *max = c;
        ++*count;
        i += step;
    }
    return n;
}

static esk_val esk_str_decode_utf8(const unsigned char *bytes, size_t n, size_t count, uint32_t max) {
    esk_val r = esk_string_alloc(count, max > 0xFF ? 4 : 1);
    esk_string *s = ESK_STRING(r);
    size_t i = 0;
    for (size_t k = 0; k < count; ++k) {
        uint32_t c = 0xFFFD;
        size_t step = esk_utf8_decode(bytes + i, n - i, &c);
        esk_str_put(s, k, c);
        i += step ? step : 1;
    }
    return r;
}

esk_val esk_string_from_utf8(const char *utf8, size_t length) {
    size_t count;
    uint32_t max;
    esk_str_scan_utf8((const unsigned char *)utf8, length, 0, &count, &max);
    return esk_str_decode_utf8((const unsigned char *)utf8, length, count, max);
}

static size_t esk_str_utf8_size(const esk_string *s, size_t from, size_t to) {
    size_t bytes = 0;
    for (size_t i = from; i < to; ++i) {
        uint32_t c = esk_string_char_at(s, i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return bytes;
}

static void esk_str_encode(const esk_string *s, size_t from, size_t to, unsigned char *out) {
    for (size_t i = from; i < to; ++i) out += esk_utf8_encode(esk_string_char_at(s, i), out);
}

char *esk_string_to_utf8_cstr(esk_val sv, size_t *length) {
    const esk_string *s = ESK_STRING(sv);
    size_t bytes = esk_str_utf8_size(s, 0, s->length);
    unsigned char *out = esk_alloc_bytes(bytes + 1);
    esk_str_encode(s, 0, s->length, out);
    out[bytes] = 0;
    if (length) *length = bytes;
    return (char *)out;
}

/* ---- printing and equality ---------------------------------------------------- */
static void esk_str_write_char(esk_port *out, uint32_t c) {
    char hex[16];
    switch (c) {
    case '"': esk_port_puts(out, "\\\""); return;
    case '\\': esk_port_puts(out, "\\\\"); return;
    case '\n': esk_port_puts(out, "\\n"); return;
    case '\t': esk_port_puts(out, "\\t"); return;
    case '\r': esk_port_puts(out, "\\r"); return;
    case '\a': esk_port_puts(out, "\\a"); return;
    case '\b': esk_port_puts(out, "\\b"); return;
    default: break;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        snprintf(hex, sizeof hex, "\\x%x;", (unsigned)c);
        esk_port_puts(out, hex);
    } else {
        esk_put_utf8(out, c);
    }
}

void esk_string_print(esk_port *out, esk_val sv, int escaped) {
    const esk_string *s = ESK_STRING(sv);
    if (escaped) esk_port_putc(out, '"');
    if (!escaped && s->width == 1) { /* runs of ASCII in one write */
        const uint8_t *d = s->data;
        size_t i = 0;
        while (i < s->length) {
            size_t j = i;
            while (j < s->length && d[j] < 0x80) ++j;
            if (j > i) esk_port_write(out, d + i, j - i);
            if (j < s->length) esk_put_utf8(out, d[j++]);
            i = j;
        }
        return;
    }
    for (size_t i = 0; i < s->length; ++i) {
        uint32_t c = esk_string_char_at(s, i);
        if (escaped) esk_str_write_char(out, c);
        else if (c < 0x80) esk_port_putc(out, (int)c);
        else esk_put_utf8(out, c);
    }
    if (escaped) esk_port_putc(out, '"');
}

/* Compares code point by code point: <0, 0 or >0. */
static int esk_str_compare(const esk_string *a, const esk_string *b) {
    size_t n = a->length < b->length ? a->length : b->length;
    if (a->width == 1 && b->width == 1) {
        int r = n ? memcmp(a->data, b->data, n) : 0;
        if (r) return r;
    } else {
        for (size_t i = 0; i < n; ++i) {
            uint32_t x = esk_string_char_at(a, i), y = esk_string_char_at(b, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return a->length < b->length ? -1 : a->length > b->length;
}

int esk_string_equal(esk_val a, esk_val b) {
    const esk_string *x = ESK_STRING(a), *y = ESK_STRING(b);
    return x->length == y->length && esk_str_compare(x, y) == 0;
}

/* ---- basic procedures ----------------------------------------------------------- */
static esk_string *esk_str_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_STRING)))) esk_type_error(loc, who, "a string", v);
    return ESK_STRING(v);
}

static uint32_t esk_str_char_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_CHAR(v)))) esk_type_error(loc, who, "a character", v);
    return ESK_CHARVAL(v);
}

esk_val esk_string_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_STRING));
}

/* (make-string k [char]): the fill defaults to a space. */
esk_val esk_make_string(int loc, esk_val k, esk_val fill) {
    size_t n = esk_seq_length_arg(loc, "make-string", k);
    uint32_t c = fill == ESK_DEFAULT ? ' ' : esk_str_char_arg(loc, "make-string", fill);
    esk_val r = esk_string_alloc(n, c > 0xFF ? 4 : 1);
    for (size_t i = 0; i < n; ++i) esk_str_put(ESK_STRING(r), i, c);
    return r;
}

esk_val esk_string_of(int loc, int argc, esk_val *argv) {
    esk_val r = esk_string_alloc((size_t)argc, 1);
    for (int i = 0; i < argc; ++i) esk_str_put(ESK_STRING(r), (size_t)i, esk_str_char_arg(loc, "string", argv[i]));
    return r;
}

esk_val esk_string_length(int loc, esk_val s) {
    return ESK_FIX(esk_str_arg(loc, "string-length", s)->length);
}

esk_val esk_string_ref(int loc, esk_val sv, esk_val k) {
    esk_string *s = esk_str_arg(loc, "string-ref", sv);
    return ESK_CHAR(esk_string_char_at(s, esk_seq_index(loc, "string-ref", k, s->length, sv)));
}

esk_val esk_string_set_x(int loc, esk_val sv, esk_val k, esk_val c) {
    esk_string *s = esk_str_arg(loc, "string-set!", sv);
    size_t i = esk_seq_index(loc, "string-set!", k, s->length, sv);
    esk_str_put(s, i, esk_str_char_arg(loc, "string-set!", c));
    return ESK_UNSPECIFIED;
}

/* (substring s start [end]): end is optional here, as in string-copy. */
esk_val esk_substring(int loc, esk_val sv, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "substring", sv);
    size_t from, to;
    esk_seq_range(loc, "substring", sv, s->length, start, end, &from, &to);
    return esk_str_slice(s, from, to);
}

esk_val esk_string_copy(int loc, esk_val sv, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "string-copy", sv);
    size_t from, to;
    esk_seq_range(loc, "string-copy", sv, s->length, start, end, &from, &to);
    return esk_str_slice(s, from, to);
}

esk_val esk_string_append(int loc, int argc, esk_val *argv) {
    size_t length = 0;
    uint32_t width = 1;
    for (int i = 0; i < argc; ++i) {
        esk_string *s = esk_str_arg(loc, "string-append", argv[i] = esk_see_through(argv[i]));
        length += s->length;
        if (s->width == 4 && esk_str_max_char(s, 0, s->length) > 0xFF) width = 4;
    }
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(loc, "string-append: result too long", ESK_FIX((intptr_t)length));
    esk_val r = esk_string_alloc(length, width);
    size_t at = 0;
    for (int i = 0; i < argc; ++i) {
        esk_string *s = ESK_STRING(argv[i]);
        esk_str_move(ESK_STRING(r), at, s, 0, s->length);
        at += s->length;
    }
    return r;
}

/* (string-copy! to at from [start end]) */
esk_val esk_string_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end) {
    esk_string *dst = esk_str_arg(loc, "string-copy!", to);
    esk_string *src = esk_str_arg(loc, "string-copy!", from);
    size_t i = esk_seq_index(loc, "string-copy!", at, (size_t)dst->length + 1, to), lo, hi;
    esk_seq_range(loc, "string-copy!", from, src->length, start, end, &lo, &hi);
    if (hi - lo > dst->length - i) esk_range_error(loc, "string-copy!", at, to);
    esk_str_move(dst, i, src, lo, hi);
    return ESK_UNSPECIFIED;
}

esk_val esk_string_fill_x(int loc, esk_val sv, esk_val c, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "string-fill!", sv);
    uint32_t ch = esk_str_char_arg(loc, "string-fill!", c);
    size_t from, to;
    esk_seq_range(loc, "string-fill!", sv, s->length, start, end, &from, &to);
    for (size_t i = from; i < to; ++i) esk_str_put(s, i, ch);
    return ESK_UNSPECIFIED;
}

/* ---- conversions ------------------------------------------------------------- */
esk_val esk_string_to_list(int loc, esk_val sv, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "string->list", sv);
    size_t from, to;
    esk_seq_range(loc, "string->list", sv, s->length, start, end, &from, &to);
    esk_val list = ESK_NIL;
    while (to > from) list = esk_cons(ESK_CHAR(esk_string_char_at(s, --to)), list);
    return list;
}

esk_val esk_list_to_string(int loc, esk_val list) {
    size_t n = esk_seq_list_length(loc, "list->string", list = esk_see_through(list));
    esk_val r = esk_string_alloc(n, 1);
    for (size_t i = 0; i < n; ++i, list = ESK_CDR(list))
        esk_str_put(ESK_STRING(r), i, esk_str_char_arg(loc, "list->string", ESK_CAR(list)));
    return r;
}

esk_val esk_string_to_vector(int loc, esk_val sv, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "string->vector", sv);
    size_t from, to;
    esk_seq_range(loc, "string->vector", sv, s->length, start, end, &from, &to);
    esk_val r = esk_vector_alloc(to - from, ESK_FALSE);
    for (size_t i = from; i < to; ++i) ESK_VECTOR(r)->items[i - from] = ESK_CHAR(esk_string_char_at(s, i));
    return r;
}

esk_val esk_vector_to_string(int loc, esk_val vv, esk_val start, esk_val end) {
    if (ESK_UNLIKELY(ESK_REFUSE(vv, !ESK_HAS_TYPE(vv, ESK_T_VECTOR)))) esk_type_error(loc, "vector->string", "a vector", vv);
    esk_vector *v = ESK_VECTOR(vv);
    size_t from, to;
    esk_seq_range(loc, "vector->string", vv, v->h.size, start, end, &from, &to);
    esk_val r = esk_string_alloc(to - from, 1);
    for (size_t i = from; i < to; ++i)
        esk_str_put(ESK_STRING(r), i - from, esk_str_char_arg(loc, "vector->string", v->items[i]));
    return r;
}

esk_val esk_string_to_utf8(int loc, esk_val sv, esk_val start, esk_val end) {
    esk_string *s = esk_str_arg(loc, "string->utf8", sv);
    size_t from, to;
    esk_seq_range(loc, "string->utf8", sv, s->length, start, end, &from, &to);
    esk_val r = esk_bytevector_alloc(esk_str_utf8_size(s, from, to), 0);
    esk_str_encode(s, from, to, ESK_BYTEVECTOR(r)->bytes);
    return r;
}

esk_val esk_utf8_to_string(int loc, esk_val bv, esk_val start, esk_val end) {
    if (ESK_UNLIKELY(ESK_REFUSE(bv, !ESK_HAS_TYPE(bv, ESK_T_BYTEVECTOR)))) esk_type_error(loc, "utf8->string", "a bytevector", bv);
    size_t from, to, count;
    uint32_t max;
    esk_seq_range(loc, "utf8->string", bv, ESK_BYTEVECTOR(bv)->length, start, end, &from, &to);
    const unsigned char *bytes = ESK_BYTEVECTOR(bv)->bytes + from;
    size_t bad = esk_str_scan_utf8(bytes, to - from, 1, &count, &max);
    if (bad != to - from) esk_error(loc, "utf8->string: invalid UTF-8 at byte", ESK_FIX((intptr_t)(from + bad)));
    return esk_str_decode_utf8(bytes, to - from, count, max);
}

/* ---- comparison ------------------------------------------------------------------ */
/* Walks a string's full case folding one code point at a time, so the -ci
 * comparisons need no folded copies. */
typedef struct esk_str_folder {
    const esk_string *s;
    size_t next;         /* the next character of s to fold */
    uint32_t pending[3]; /* the rest of the current character's folding */
    int have, used;
} esk_str_folder;

static int esk_str_fold_next(esk_str_folder *f, uint32_t *c) {
    if (f->used == f->have) {
        if (f->next == f->s->length) return 0;
        f->have = esk_uni_full_foldcase(esk_string_char_at(f->s, f->next++), f->pending);
        f->used = 0;
    }
    *c = f->pending[f->used++];
    return 1;
}

static int esk_str_compare_ci(const esk_string *a, const esk_string *b) {
    esk_str_folder x = {a, 0, {0, 0, 0}, 0, 0}, y = {b, 0, {0, 0, 0}, 0, 0};
    for (;;) {
        uint32_t p = 0, q = 0;
        int more_a = esk_str_fold_next(&x, &p), more_b = esk_str_fold_next(&y, &q);
        if (!more_a || !more_b) return more_a - more_b;
        if (p != q) return p < q ? -1 : 1;
    }
}

typedef enum esk_str_order { ESK_STR_EQ, ESK_STR_LT, ESK_STR_GT, ESK_STR_LE, ESK_STR_GE } esk_str_order;

static esk_val esk_str_compare_all(int loc, const char *who, int argc, esk_val *argv, esk_str_order order,
                                   int fold) {
    for (int i = 0; i < argc; ++i) esk_str_arg(loc, who, argv[i] = esk_see_through(argv[i]));
    for (int i = 0; i + 1 < argc; ++i) {
        const esk_string *a = ESK_STRING(argv[i]), *b = ESK_STRING(argv[i + 1]);
        if (order == ESK_STR_EQ && !fold && a->length != b->length) return ESK_FALSE;
        int r = fold ? esk_str_compare_ci(a, b) : esk_str_compare(a, b);
        int holds = order == ESK_STR_EQ   ? r == 0
                    : order == ESK_STR_LT ? r < 0
                    : order == ESK_STR_GT ? r > 0
                    : order == ESK_STR_LE ? r <= 0
                                          : r >= 0;
        if (!holds) return ESK_FALSE;
    }
    return ESK_TRUE;
}

esk_val esk_string_eq_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string=?", argc, argv, ESK_STR_EQ, 0);
}
esk_val esk_string_lt_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string<?", argc, argv, ESK_STR_LT, 0);
}
esk_val esk_string_gt_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string>?", argc, argv, ESK_STR_GT, 0);
}
esk_val esk_string_le_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string<=?", argc, argv, ESK_STR_LE, 0);
}
esk_val esk_string_ge_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string>=?", argc, argv, ESK_STR_GE, 0);
}
esk_val esk_string_ci_eq_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string-ci=?", argc, argv, ESK_STR_EQ, 1);
}
esk_val esk_string_ci_lt_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string-ci<?", argc, argv, ESK_STR_LT, 1);
}
esk_val esk_string_ci_gt_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string-ci>?", argc, argv, ESK_STR_GT, 1);
}
esk_val esk_string_ci_le_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string-ci<=?", argc, argv, ESK_STR_LE, 1);
}
esk_val esk_string_ci_ge_p(int loc, int argc, esk_val *argv) {
    return esk_str_compare_all(loc, "string-ci>=?", argc, argv, ESK_STR_GE, 1);
}

/* ---- case conversion: full mappings (ß -> SS), final sigma ------------------ */
#define ESK_STR_CAPITAL_SIGMA 0x3A3u
#define ESK_STR_FINAL_SIGMA 0x3C2u

/* Unicode's Final_Sigma: a cased letter before (case-ignorable characters
 * in between skipped), none after. */
static int esk_str_is_final_sigma(const esk_string *s, size_t at) {
    size_t i = at;
    int before = 0;
    while (i > 0) {
        uint32_t c = esk_string_char_at(s, --i);
        if (esk_uni_is_cased(c)) {
            before = 1;
            break;
        }
        if (!esk_uni_is_case_ignorable(c)) break;
    }
    if (!before) return 0;
    for (i = at + 1; i < s->length; ++i) {
        uint32_t c = esk_string_char_at(s, i);
        if (esk_uni_is_cased(c)) return 0;
        if (!esk_uni_is_case_ignorable(c)) break;
    }
    return 1;
}

typedef int (*esk_str_mapping)(uint32_t c, uint32_t out[3]);

/* The mapping of s[i] (1 to 3 code points in out). */
static int esk_str_map_at(const esk_string *s, size_t i, esk_str_mapping map, int downcase, uint32_t out[3]) {
    uint32_t c = esk_string_char_at(s, i);
    if (downcase && c == ESK_STR_CAPITAL_SIGMA && esk_str_is_final_sigma(s, i)) {
        out[0] = ESK_STR_FINAL_SIGMA;
        return 1;
    }
    return map(c, out);
}

static esk_val esk_str_convert(int loc, const char *who, esk_val sv, esk_str_mapping map, int downcase) {
    esk_string *s = esk_str_arg(loc, who, sv);
    uint32_t out[3], max = 0;
    size_t length = 0;
    for (size_t i = 0; i < s->length; ++i) {
        int n = esk_str_map_at(s, i, map, downcase, out);
        for (int k = 0; k < n; ++k)
            if (out[k] > max) max = out[k];
        length += (size_t)n;
    }
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(loc, "string: too long", ESK_UNSPECIFIED);
    esk_val r = esk_string_alloc(length, max > 0xFF ? 4 : 1);
    size_t at = 0;
    for (size_t i = 0; i < s->length; ++i) {
        int n = esk_str_map_at(s, i, map, downcase, out);
        for (int k = 0; k < n; ++k) esk_str_put(ESK_STRING(r), at++, out[k]);
    }
    return r;
}

esk_val esk_string_upcase(int loc, esk_val s) {
    return esk_str_convert(loc, "string-upcase", s, esk_uni_full_upcase, 0);
}

esk_val esk_string_downcase(int loc, esk_val s) {
    return esk_str_convert(loc, "string-downcase", s, esk_uni_full_downcase, 1);
}

esk_val esk_string_foldcase(int loc, esk_val s) {
    return esk_str_convert(loc, "string-foldcase", s, esk_uni_full_foldcase, 0);
}

/* ---- string-map, string-for-each ---------------------------------------------- */
#define ESK_STR_MAX_INLINE_ARGS 8

/* Checks (proc string1 string2 ...) and returns the shortest length. */
static size_t esk_str_check_walk(int loc, const char *who, int argc, esk_val *argv) {
    size_t shortest = ESK_SEQ_MAX_LENGTH;
    argv[0] = esk_see_through(argv[0]);  /* shared values: their contents */
    if (!ESK_HAS_TYPE(argv[0], ESK_T_CLOSURE)) esk_type_error(loc, who, "a procedure", argv[0]);
    for (int k = 1; k < argc; ++k) {
        esk_string *s = esk_str_arg(loc, who, argv[k] = esk_see_through(argv[k]));
        if (s->length < shortest) shortest = s->length;
    }
    return shortest;
}

/* Calls proc on the i-th characters; the strings may change meanwhile, but
 * never their lengths. */
static esk_val esk_str_call_at(int loc, int argc, esk_val *argv, size_t i, esk_val *args) {
    for (int k = 1; k < argc; ++k) args[k - 1] = ESK_CHAR(esk_string_char_at(ESK_STRING(argv[k]), i));
    return esk_apply_proc(loc, argv[0], argc - 1, args);
}

static esk_val *esk_str_arg_buffer(int count, esk_val *inline_buffer) {
    return count <= ESK_STR_MAX_INLINE_ARGS ? inline_buffer : esk_alloc_raw(sizeof(esk_val) * (size_t)count);
}

esk_val esk_string_map(int loc, int argc, esk_val *argv) {
    esk_val inline_args[ESK_STR_MAX_INLINE_ARGS];
    size_t n = esk_str_check_walk(loc, "string-map", argc, argv);
    esk_val *args = esk_str_arg_buffer(argc - 1, inline_args);
    esk_val r = esk_string_alloc(n, 1);
    for (size_t i = 0; i < n; ++i) {
        esk_val c = esk_str_call_at(loc, argc, argv, i, args);
        if (ESK_UNLIKELY(ESK_REFUSE(c, !ESK_IS_CHAR(c)))) esk_type_error(loc, "string-map", "a character from the procedure", c);
        esk_str_put(ESK_STRING(r), i, ESK_CHARVAL(c));
    }
    return r;
}

esk_val esk_string_for_each(int loc, int argc, esk_val *argv) {
    esk_val inline_args[ESK_STR_MAX_INLINE_ARGS];
    size_t n = esk_str_check_walk(loc, "string-for-each", argc, argv);
    esk_val *args = esk_str_arg_buffer(argc - 1, inline_args);
    for (size_t i = 0; i < n; ++i) esk_str_call_at(loc, argc, argv, i, args);
    return ESK_UNSPECIFIED;
}

#undef ESK_STR_CAPITAL_SIGMA
#undef ESK_STR_FINAL_SIGMA
#undef ESK_STR_MAX_INLINE_ARGS
