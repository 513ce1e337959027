/* test_string.c - strings: widening in place, UTF-8 round trips, case mapping, comparison, printing. */
#include "eshkol.h"
#include "check.h"

#include <string.h>


#define NO ESK_DEFAULT

static esk_val str(const char *latin1) {
    return esk_string_from_latin1(latin1, strlen(latin1));
}

static esk_val utf8(const char *text) {
    return esk_string_from_utf8(text, strlen(text));
}

static int same_text(esk_val s, const char *expected_utf8) {
    size_t n;
    const char *got = esk_string_to_utf8_cstr(s, &n);
    return n == strlen(expected_utf8) && memcmp(got, expected_utf8, n) == 0;
}

/* What a printing function wrote onto a memory port, NUL-ended in buf. */
static const char *port_text(esk_val port, char *buf, size_t size) {
    esk_port *p = ESK_PORT(port);
    size_t n = p->end < size - 1 ? p->end : size - 1;
    if (n) memcpy(buf, ESK_BYTEVECTOR(p->data)->bytes, n);
    buf[n] = 0;
    return buf;
}

static const char *printed(void (*print)(esk_port *, esk_val, int), esk_val v, int escaped, char *buf, size_t size) {
    esk_val port = esk_port_open_memory_output(0);
    print(ESK_PORT(port), v, escaped);
    return port_text(port, buf, size);
}

static const char *char_written(uint32_t c, char *buf, size_t size) {
    esk_val port = esk_port_open_memory_output(0);
    esk_char_write(ESK_PORT(port), c);
    return port_text(port, buf, size);
}

static void test_widening(void) {
    esk_val s = str("hello");
    esk_string *p = ESK_STRING(s);
    CHECK_EQ_U(p->width, 1);
    esk_string_set_x(0, s, ESK_FIX(4), ESK_CHAR(0xE9)); /* é still fits a byte */
    CHECK_EQ_U(p->width, 1);
    esk_string_set_x(0, s, ESK_FIX(1), ESK_CHAR(0x3BB)); /* λ does not */
    CHECK(ESK_STRING(s) == p);
    CHECK_EQ_U(p->width, 4);
    CHECK_EQ_U(p->length, 5);
    CHECK(same_text(s, "h\xce\xbbll\xc3\xa9"));
    CHECK(esk_string_ref(0, s, ESK_FIX(0)) == ESK_CHAR('h'));
    CHECK(esk_string_ref(0, s, ESK_FIX(1)) == ESK_CHAR(0x3BB));
    esk_string_set_x(0, s, ESK_FIX(2), ESK_CHAR(0x1D11E));
    CHECK(esk_string_ref(0, s, ESK_FIX(2)) == ESK_CHAR(0x1D11E));
    CHECK(esk_string_length(0, s) == ESK_FIX(5));
}

static void test_fill_and_copy(void) {
    esk_val s = str("abcdef");
    esk_string_fill_x(0, s, ESK_CHAR(0x3BB), ESK_FIX(2), ESK_FIX(4));
    CHECK(same_text(s, "ab\xce\xbb\xce\xbb" "ef"));
    /* a slice of a wide string without wide characters is narrow again */
    esk_val t = esk_substring(0, s, ESK_FIX(4), ESK_FIX(6));
    CHECK_EQ_U(ESK_STRING(t)->width, 1);
    CHECK(same_text(t, "ef"));
    /* copying wide characters into a narrow string widens it */
    esk_val d = str("xxxxx");
    esk_string_copy_x(0, d, ESK_FIX(1), s, ESK_FIX(1), ESK_FIX(4));
    CHECK_EQ_U(ESK_STRING(d)->width, 4);
    CHECK(same_text(d, "xb\xce\xbb\xce\xbbx"));
    /* narrow characters of a wide string copy into a narrow one as bytes */
    esk_val n = str("....");
    esk_string_copy_x(0, n, ESK_FIX(0), s, ESK_FIX(4), NO);
    CHECK_EQ_U(ESK_STRING(n)->width, 1);
    CHECK(same_text(n, "ef.."));
    /* overlapping copies within one string, both directions */
    esk_val o = str("abcdefg");
    esk_string_copy_x(0, o, ESK_FIX(2), o, ESK_FIX(0), ESK_FIX(4));
    CHECK(same_text(o, "ababcdg"));
    esk_string_copy_x(0, o, ESK_FIX(0), o, ESK_FIX(3), NO);
    CHECK(same_text(o, "bcdgcdg"));
}

static void test_make_append_convert(void) {
    CHECK(same_text(esk_make_string(0, ESK_FIX(3), NO), "   "));
    esk_val wide = esk_make_string(0, ESK_FIX(2), ESK_CHAR(0x1D11E));
    CHECK(same_text(wide, "\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"));
    esk_val parts[3] = {str("ab"), wide, str("")};
    esk_val all = esk_string_append(0, 3, parts);
    CHECK(same_text(all, "ab\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"));
    CHECK(esk_string_append(0, 0, parts) != parts[2]);
    esk_val list = esk_string_to_list(0, all, ESK_FIX(1), ESK_FIX(3));
    CHECK(ESK_CAR(list) == ESK_CHAR('b') && ESK_CAR(ESK_CDR(list)) == ESK_CHAR(0x1D11E));
    CHECK(ESK_CDR(ESK_CDR(list)) == ESK_NIL);
    CHECK(same_text(esk_list_to_string(0, list), "b\xf0\x9d\x84\x9e"));
    esk_val v = esk_string_to_vector(0, all, NO, NO);
    CHECK(ESK_VECTOR(v)->h.size == 4 && ESK_VECTOR(v)->items[3] == ESK_CHAR(0x1D11E));
    CHECK(same_text(esk_vector_to_string(0, v, ESK_FIX(2), NO), "\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"));
    esk_val chars[2] = {ESK_CHAR('o'), ESK_CHAR(0xE9)};
    esk_val s = esk_string_of(0, 2, chars);
    CHECK(same_text(s, "o\xc3\xa9") && ESK_STRING(s)->width == 1);
}

static void test_utf8_every_scalar(void) {
    unsigned char bytes[4];
    int bad = 0;
    for (uint32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c == 0xD800) c = 0xE000;
        int n = esk_utf8_encode(c, bytes);
        uint32_t back = 0xFFFFFFFF;
        int expected = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (n != expected || esk_utf8_decode(bytes, (size_t)n, &back) != (size_t)n || back != c) ++bad;
        if (n > 1 && esk_utf8_decode(bytes, (size_t)n - 1, &back) != 0) ++bad; /* truncated */
    }
    CHECK_EQ_U(bad, 0);
}

static void test_utf8_ill_formed(void) {
    static const char *const bad[] = {
        "\x80",             /* stray continuation */
        "\xc0\x80",         /* overlong NUL */
        "\xc1\xbf",         /* overlong */
        "\xe0\x80\x80",     /* overlong */
        "\xe0\x9f\xbf",     /* overlong U+07FF */
        "\xed\xa0\x80",     /* surrogate D800 */
        "\xed\xbf\xbf",     /* surrogate DFFF */
        "\xf0\x8f\xbf\xbf", /* overlong U+FFFF */
        "\xf4\x90\x80\x80", /* above U+10FFFF */
        "\xf5\x80\x80\x80", /* no such lead byte */
        "\xe2\x82",         /* truncated */
        "\xe2\x28\xa1",     /* bad continuation */
    };
    uint32_t c;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i)
        CHECK_EQ_U(esk_utf8_decode((const unsigned char *)bad[i], strlen(bad[i]), &c), 0);
    esk_val s = esk_string_from_utf8("a\xff" "b\xed\xa0\x80", 6);
    CHECK_EQ_U(ESK_STRING(s)->length, 6); /* a, U+FFFD, b, then 3 x U+FFFD */
    CHECK(esk_string_ref(0, s, ESK_FIX(1)) == ESK_CHAR(0xFFFD));
}

static void test_utf8_procedures(void) {
    esk_val s = utf8("a\xce\xbb\xf0\x9d\x84\x9e\xc3\xa9");
    CHECK_EQ_U(ESK_STRING(s)->length, 4);
    esk_val bv = esk_string_to_utf8(0, s, NO, NO);
    CHECK_EQ_U(ESK_BYTEVECTOR(bv)->h.size, 1 + 2 + 4 + 2);
    CHECK(memcmp(ESK_BYTEVECTOR(bv)->bytes, "a\xce\xbb\xf0\x9d\x84\x9e\xc3\xa9", 9) == 0);
    CHECK(esk_string_equal(esk_utf8_to_string(0, bv, NO, NO), s));
    esk_val part = esk_string_to_utf8(0, s, ESK_FIX(2), ESK_FIX(3));
    CHECK_EQ_U(ESK_BYTEVECTOR(part)->h.size, 4);
    CHECK(same_text(esk_utf8_to_string(0, bv, ESK_FIX(3), ESK_FIX(7)), "\xf0\x9d\x84\x9e"));
}

static void test_case(void) {
    CHECK(same_text(esk_string_upcase(0, utf8("stra\xc3\x9f" "e")), "STRASSE"));
    CHECK(same_text(esk_string_upcase(0, utf8("\xef\xac\x81x")), "FIX")); /* the ligature fi */
    CHECK(same_text(esk_string_downcase(0, utf8("\xce\xa7\xce\x91\xce\x9f\xce\xa3")), "\xcf\x87\xce\xb1\xce\xbf\xcf\x82"));
    CHECK(same_text(esk_string_downcase(0, utf8("\xce\xa3")), "\xcf\x83")); /* a lone sigma is not final */
    CHECK(same_text(esk_string_downcase(0, utf8("A\xce\xa3.")), "a\xcf\x82."));
    CHECK(same_text(esk_string_downcase(0, utf8("A\xce\xa3" "B")), "a\xcf\x83" "b"));
    CHECK(same_text(esk_string_downcase(0, utf8("\xc4\xb0")), "i\xcc\x87")); /* U+0130 */
    CHECK(same_text(esk_string_foldcase(0, utf8("Stra\xc3\x9f" "e")), "strasse"));
    CHECK(same_text(esk_string_upcase(0, str("hello")), "HELLO"));
    esk_val a[2] = {utf8("Stra\xc3\x9f" "e"), str("STRASSE")};
    CHECK(esk_string_ci_eq_p(0, 2, a) == ESK_TRUE);
    CHECK(esk_string_eq_p(0, 2, a) == ESK_FALSE);
    esk_val b[3] = {str("abc"), str("ABD"), str("abE")};
    CHECK(esk_string_ci_lt_p(0, 3, b) == ESK_TRUE);
    CHECK(esk_string_lt_p(0, 3, b) == ESK_FALSE);
}

static void test_compare(void) {
    esk_val wide = utf8("ab\xce\xbb");
    esk_string_set_x(0, wide, ESK_FIX(2), ESK_CHAR('c')); /* wide storage, narrow characters */
    esk_val v[2] = {wide, str("abc")};
    CHECK(esk_string_eq_p(0, 2, v) == ESK_TRUE);
    CHECK(esk_string_equal(v[0], v[1]));
    esk_val w[3] = {str("ab"), str("abc"), utf8("ab\xce\xbb")};
    CHECK(esk_string_lt_p(0, 3, w) == ESK_TRUE);
    CHECK(esk_string_le_p(0, 3, w) == ESK_TRUE);
    CHECK(esk_string_gt_p(0, 3, w) == ESK_FALSE);
    esk_val e[2] = {str("\xff"), utf8("\xc4\x80")}; /* U+00FF < U+0100 */
    CHECK(esk_string_lt_p(0, 2, e) == ESK_TRUE);
}

static void test_printing(void) {
    char buf[128];
    esk_val s = utf8("a\"b\\c\n\t\r\a\b\x01\x7f\xce\xbb\xc2\x85");
    CHECK(strcmp(printed(esk_string_print, s, 1, buf, sizeof buf),
                 "\"a\\\"b\\\\c\\n\\t\\r\\a\\b\\x1;\\x7f;\xce\xbb\\x85;\"") == 0);
    CHECK(strcmp(printed(esk_string_print, s, 0, buf, sizeof buf), "a\"b\\c\n\t\r\a\b\x01\x7f\xce\xbb\xc2\x85") == 0);
    CHECK(strcmp(char_written('a', buf, sizeof buf), "#\\a") == 0);
    CHECK(strcmp(char_written(' ', buf, sizeof buf), "#\\space") == 0);
    CHECK(strcmp(char_written(0, buf, sizeof buf), "#\\null") == 0);
    CHECK(strcmp(char_written(0x7F, buf, sizeof buf), "#\\delete") == 0);
    CHECK(strcmp(char_written(0x1B, buf, sizeof buf), "#\\escape") == 0);
    CHECK(strcmp(char_written(0x1F, buf, sizeof buf), "#\\x1f") == 0);
    CHECK(strcmp(char_written(0x85, buf, sizeof buf), "#\\x85") == 0);
    CHECK(strcmp(char_written(0xA0, buf, sizeof buf), "#\\xa0") == 0);
    CHECK(strcmp(char_written(0x3BB, buf, sizeof buf), "#\\\xce\xbb") == 0);
    CHECK(strcmp(char_written(0x1D11E, buf, sizeof buf), "#\\\xf0\x9d\x84\x9e") == 0);
}

/* A Scheme procedure written in C: (lambda (c) (char-upcase c)). */
static esk_val upcase_code(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    return esk_char_upcase(0, argv[0]);
}

/* (lambda (a b) (if (char<? a b) a b)) */
static esk_val smaller_code(esk_val self, int argc, esk_val *argv) {
    (void)self;
    return esk_char_lt_p(0, argc, argv) == ESK_TRUE ? argv[0] : argv[1];
}

static esk_val closure(esk_code code, int arity) {
    esk_closure *c = esk_alloc(sizeof(esk_closure));
    c->h.type = ESK_T_CLOSURE;
    c->h.size = 0;
    c->code = code;
    c->arity = arity;
    c->variadic = 0;
    c->name = NULL;
    return ESK_FROM_HEAP(c);
}

static void test_map(void) {
    esk_val one[2] = {closure(upcase_code, 1), utf8("stra\xc3\x9f" "e\xce\xbb")};
    CHECK(same_text(esk_string_map(0, 2, one), "STRA\xc3\x9f" "E\xce\x9b"));
    esk_val two[3] = {closure(smaller_code, 2), str("adcz"), str("bbb")};
    CHECK(same_text(esk_string_map(0, 3, two), "abb"));
}

int main(void) {
    test_widening();
    test_fill_and_copy();
    test_make_append_convert();
    test_utf8_every_scalar();
    test_utf8_ill_formed();
    test_utf8_procedures();
    test_case();
    test_compare();
    test_printing();
    test_map();
    return check_report("test_string");
}
