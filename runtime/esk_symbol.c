/* esk_symbol.c - symbols: the intern table, printing with |bars| when needed, the symbol procedures. */
#include "eshkol.h"

#include <string.h>

/* ---- the intern table: chained buckets, doubled when as full as long ----- */
#define ESK_SYM_INITIAL_BUCKETS 256u

static esk_symbol **esk_sym_buckets;
static size_t esk_sym_bucket_count;
static size_t esk_sym_count;

/* FNV-1a over the UTF-8 name. */
static uint32_t esk_sym_hash(const char *name, size_t length) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; ++i) h = (h ^ (unsigned char)name[i]) * 16777619u;
    return h;
}

/* Symbols live as long as the program: the table never forgets them. */
static void *esk_sym_alloc(size_t bytes) {
    return esk_alloc_immortal_bytes(bytes);
}

static void esk_sym_grow(void) {
    size_t count = esk_sym_bucket_count ? esk_sym_bucket_count * 2 : ESK_SYM_INITIAL_BUCKETS;
    esk_symbol **buckets = esk_sym_alloc(count * sizeof *buckets);
    memset(buckets, 0, count * sizeof *buckets);
    for (size_t i = 0; i < esk_sym_bucket_count; ++i) {
        esk_symbol *s = esk_sym_buckets[i];
        while (s) {
            esk_symbol *next = s->next;
            s->next = buckets[s->hash & (count - 1)];
            buckets[s->hash & (count - 1)] = s;
            s = next;
        }
    }
    esk_sym_buckets = buckets;
    esk_sym_bucket_count = count;
}

static esk_symbol *esk_sym_make(const char *utf8, size_t length, uint32_t hash) {
    esk_symbol *s = esk_sym_alloc(sizeof(esk_symbol) + length + 1);
    char *name = (char *)(s + 1);
    if (length) memcpy(name, utf8, length);
    name[length] = 0;
    s->h.type = ESK_T_SYMBOL;
    s->h.size = 0;
    s->hash = hash;
    s->length = (uint32_t)length;
    s->name = name;
    s->next = NULL;
    return s;
}

esk_val esk_intern(const char *utf8, size_t length) {
    uint32_t hash = esk_sym_hash(utf8, length);
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(0, "string->symbol: name too long", ESK_UNSPECIFIED);
    if (esk_sym_bucket_count) {
        for (esk_symbol *s = esk_sym_buckets[hash & (esk_sym_bucket_count - 1)]; s; s = s->next)
            if (s->hash == hash && s->length == length && memcmp(s->name, utf8, length) == 0)
                return ESK_FROM_HEAP(s);
    }
    if (esk_sym_count >= esk_sym_bucket_count) esk_sym_grow();
    esk_symbol *s = esk_sym_make(utf8, length, hash);
    s->next = esk_sym_buckets[hash & (esk_sym_bucket_count - 1)];
    esk_sym_buckets[hash & (esk_sym_bucket_count - 1)] = s;
    ++esk_sym_count;
    return ESK_FROM_HEAP(s);
}

/* ---- printing --------------------------------------------------------------
 * write prints a symbol bare only when the reader would read those
 * characters back as the same symbol: R7RS identifier syntax (every
 * non-ASCII character counting as a letter, as in eshkol's reader), not a
 * number, and nothing that hides in print (controls, white space). */

static int esk_sym_is_initial(uint32_t c) {
    return (c | 0x20u) - 'a' < 26 || c >= 0x80 || (c && strchr("!$%&*/:<=>?^_~", (int)c) != NULL);
}

static int esk_sym_is_sign(uint32_t c) {
    return c == '+' || c == '-';
}

static int esk_sym_is_subsequent(uint32_t c) {
    return esk_sym_is_initial(c) || c - '0' < 10 || esk_sym_is_sign(c) || c == '.' || c == '@';
}

static int esk_sym_is_sign_subsequent(uint32_t c) {
    return esk_sym_is_initial(c) || esk_sym_is_sign(c) || c == '@';
}

/* +inf.0 -nan.0 +i ... look like identifiers but read as numbers. */
static int esk_sym_reads_as_number(const uint32_t *c, size_t n) {
    static const char *const esk_sym_specials[] = {"inf.0", "nan.0"};
    if (n < 2 || !esk_sym_is_sign(c[0])) return 0;
    if (n == 2 && (c[1] | 0x20u) == 'i') return 1;
    for (size_t k = 0; k < 2; ++k) {
        size_t i = 0;
        while (i < 5 && 1 + i < n && (c[1 + i] | 0x20u) == (uint32_t)esk_sym_specials[k][i]) ++i;
        if (i == 5) return 1;
    }
    return 0;
}

/* <identifier> → <initial> <subsequent>* | <peculiar identifier>; c holds
 * the n code points of the name. */
static int esk_sym_is_identifier(const uint32_t *c, size_t n) {
    size_t i = 1;
    if (n == 0) return 0;
    if (esk_sym_is_initial(c[0])) {
    } else if (esk_sym_is_sign(c[0])) {
        if (n == 1) return 1;
        if (esk_sym_is_sign_subsequent(c[1])) i = 2;
        else if (c[1] == '.' && n > 2 && (esk_sym_is_sign_subsequent(c[2]) || c[2] == '.')) i = 3;
        else return 0;
    } else if (c[0] == '.') {
        if (n < 2 || !(esk_sym_is_sign_subsequent(c[1]) || c[1] == '.')) return 0;
        i = 2;
    } else {
        return 0;
    }
    for (; i < n; ++i)
        if (!esk_sym_is_subsequent(c[i])) return 0;
    return !esk_sym_reads_as_number(c, n);
}

static int esk_sym_hides(uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || esk_uni_is_white_space(c);
}

/* Decodes the name into code points (esk_alloc'd when long); n: their count. */
static uint32_t *esk_sym_code_points(const esk_symbol *s, uint32_t *buffer, size_t room, size_t *n) {
    uint32_t *c = s->length <= room ? buffer : esk_alloc_bytes(sizeof(uint32_t) * s->length);
    const unsigned char *p = (const unsigned char *)s->name;
    size_t i = 0, k = 0;
    while (i < s->length) {
        size_t step = esk_utf8_decode(p + i, s->length - i, &c[k]);
        if (step == 0) c[k] = 0xFFFD, step = 1;
        i += step, ++k;
    }
    *n = k;
    return c;
}

static void esk_sym_write_barred(esk_port *out, const uint32_t *c, size_t n) {
    char hex[24];
    esk_port_putc(out, '|');
    for (size_t i = 0; i < n; ++i) {
        switch (c[i]) {
        case '|': esk_port_puts(out, "\\|"); break;
        case '\\': esk_port_puts(out, "\\\\"); break;
        case '\n': esk_port_puts(out, "\\n"); break;
        case '\t': esk_port_puts(out, "\\t"); break;
        case '\r': esk_port_puts(out, "\\r"); break;
        case '\a': esk_port_puts(out, "\\a"); break;
        case '\b': esk_port_puts(out, "\\b"); break;
        default:
            if (c[i] != ' ' && esk_sym_hides(c[i])) {
                snprintf(hex, sizeof hex, "\\x%lx;", (unsigned long)c[i]);
                esk_port_puts(out, hex);
            } else {
                esk_put_utf8(out, c[i]);
            }
        }
    }
    esk_port_putc(out, '|');
}

void esk_symbol_print(esk_port *out, esk_val sym, int escaped) {
    const esk_symbol *s = ESK_SYMBOL(sym);
    uint32_t buffer[64];
    size_t n;
    if (!escaped) {
        esk_port_write(out, s->name, s->length);
        return;
    }
    uint32_t *c = esk_sym_code_points(s, buffer, sizeof buffer / sizeof buffer[0], &n);
    int bare = esk_sym_is_identifier(c, n);
    for (size_t i = 0; bare && i < n; ++i)
        if (esk_sym_hides(c[i])) bare = 0;
    if (bare) esk_port_write(out, s->name, s->length);
    else esk_sym_write_barred(out, c, n);
}

/* ---- built-ins ---------------------------------------------------------------- */
static esk_symbol *esk_sym_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_SYMBOL)))) esk_type_error(loc, who, "a symbol", v);
    return ESK_SYMBOL(v);
}

esk_val esk_symbol_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_SYMBOL));
}

esk_val esk_symbol_to_string(int loc, esk_val sym) {
    const esk_symbol *s = esk_sym_arg(loc, "symbol->string", sym);
    return esk_string_from_utf8(s->name, s->length);
}

/* Short names are encoded on the stack: most lookups allocate nothing. */
esk_val esk_string_to_symbol(int loc, esk_val sv) {
    unsigned char buffer[256];
    if (ESK_UNLIKELY(ESK_REFUSE(sv, !ESK_HAS_TYPE(sv, ESK_T_STRING)))) esk_type_error(loc, "string->symbol", "a string", sv);
    const esk_string *s = ESK_STRING(sv);
    if ((size_t)s->length * 4 > sizeof buffer) {
        size_t length;
        char *name = esk_string_to_utf8_cstr(sv, &length);
        return esk_intern(name, length);
    }
    size_t length = 0;
    for (size_t i = 0; i < s->length; ++i) length += (size_t)esk_utf8_encode(esk_string_char_at(s, i), buffer + length);
    return esk_intern((const char *)buffer, length);
}

esk_val esk_symbol_eq_p(int loc, int argc, esk_val *argv) {
    for (int i = 0; i < argc; ++i) esk_sym_arg(loc, "symbol=?", argv[i] = esk_see_through(argv[i]));
    for (int i = 0; i + 1 < argc; ++i)
        if (argv[i] != argv[i + 1]) return ESK_FALSE;
    return ESK_TRUE;
}

#undef ESK_SYM_INITIAL_BUCKETS
