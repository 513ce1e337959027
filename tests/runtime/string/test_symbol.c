/* test_symbol.c - symbols: interning identity (through table growth), conversions, |bars| in write. */
#include "eshkol.h"
#include "check.h"

#include <string.h>


static esk_val sym(const char *utf8) {
    return esk_intern(utf8, strlen(utf8));
}

/* What write (escaped) or display prints for symbol s, NUL-ended in buf. */
static const char *written(esk_val s, int escaped, char *buf, size_t size) {
    esk_val port = esk_port_open_memory_output(0);
    esk_port *p = ESK_PORT(port);
    size_t n;
    esk_symbol_print(p, s, escaped);
    n = p->end < size - 1 ? p->end : size - 1;
    if (n) memcpy(buf, ESK_BYTEVECTOR(p->data)->bytes, n);
    buf[n] = 0;
    return buf;
}

static void test_identity(void) {
    enum { N = 20000 };
    static esk_val first[N];
    char name[32];
    int same = 1, distinct = 1;
    for (int i = 0; i < N; ++i) {
        snprintf(name, sizeof name, "sym-%d", i);
        first[i] = sym(name);
    }
    for (int i = 0; i < N; ++i) {
        snprintf(name, sizeof name, "sym-%d", i);
        if (sym(name) != first[i]) same = 0;
        if (i && first[i] == first[i - 1]) distinct = 0;
    }
    CHECK(same);
    CHECK(distinct);
    CHECK(ESK_HAS_TYPE(first[7], ESK_T_SYMBOL));
    CHECK(strcmp(ESK_SYMBOL(first[7])->name, "sym-7") == 0);
    CHECK(sym("") == esk_intern("", 0));
    CHECK(esk_intern("ab\0c", 4) != sym("ab")); /* names may hold NUL */
    CHECK(esk_intern("ab\0c", 4) == esk_intern("ab\0c", 4));
}

static void test_conversions(void) {
    esk_val lambda = sym("\xce\xbb-x");
    esk_val s = esk_symbol_to_string(0, lambda);
    CHECK_EQ_U(ESK_STRING(s)->length, 3);
    CHECK(esk_string_ref(0, s, ESK_FIX(0)) == ESK_CHAR(0x3BB));
    CHECK(esk_string_to_symbol(0, s) == lambda);
    /* a string built character by character interns to the same symbol */
    esk_val chars[3] = {ESK_CHAR(0x3BB), ESK_CHAR('-'), ESK_CHAR('x')};
    CHECK(esk_string_to_symbol(0, esk_string_of(0, 3, chars)) == lambda);
    /* long names go through a heap buffer */
    esk_val big = esk_make_string(0, ESK_FIX(300), ESK_CHAR(0x1D11E));
    esk_val big_sym = esk_string_to_symbol(0, big);
    CHECK_EQ_U(ESK_SYMBOL(big_sym)->length, 1200);
    CHECK(esk_string_to_symbol(0, esk_symbol_to_string(0, big_sym)) == big_sym);
    esk_val pair[3] = {lambda, lambda, lambda};
    CHECK(esk_symbol_eq_p(0, 3, pair) == ESK_TRUE);
    pair[2] = sym("y");
    CHECK(esk_symbol_eq_p(0, 3, pair) == ESK_FALSE);
}

static void test_write(void) {
    static const char *const cases[][2] = {
        {"abc", "abc"},
        {"hello world", "|hello world|"},
        {"", "||"},
        {"1abc", "|1abc|"},
        {"+", "+"},
        {"-", "-"},
        {"...", "..."},
        {".", "|.|"},
        {"->x", "->x"},
        {"+5", "|+5|"},
        {"+.5", "|+.5|"},
        {"+.a", "+.a"},
        {"-inf.0", "|-inf.0|"},
        {"+nan.0", "|+nan.0|"},
        {"+i", "|+i|"},
        {"+inf", "+inf"},
        {"a|b", "|a\\|b|"},
        {"a\\b", "|a\\\\b|"},
        {"tab\there", "|tab\\there|"},
        {"x\x01", "|x\\x1;|"},
        {"#foo", "|#foo|"},
        {"a#b", "|a#b|"},
        {"'q", "|'q|"},
        {"\xce\xbb", "\xce\xbb"},
        {"Hello", "Hello"},
        {"set-car!", "set-car!"},
        {"<=?", "<=?"},
        {"a.b@c", "a.b@c"},
        {"@x", "|@x|"},
        {"x\xc2\xa0y", "|x\\xa0;y|"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const char *got = written(sym(cases[i][0]), 1, buf, sizeof buf);
        if (strcmp(got, cases[i][1]) != 0) fprintf(stderr, "write of '%s': got %s\n", cases[i][0], got);
        CHECK(strcmp(got, cases[i][1]) == 0);
    }
    CHECK(strcmp(written(sym("hello world"), 0, buf, sizeof buf), "hello world") == 0);
}

int main(void) {
    test_identity();
    test_conversions();
    test_write();
    return check_report("test_symbol");
}
