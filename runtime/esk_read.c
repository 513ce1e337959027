/* esk_read.c - read: the R7RS datum reader at run time, over a textual input port. */
#include "eshkol.h"

#include <string.h>

/* The same lexical syntax as the compiler's reader (compiler/read/reader.cpp):
 * comments ; #| |# #;, #!fold-case and #!no-fold-case, strings and |symbols|
 * with every escape, characters, numbers in every syntax string->number
 * takes, vectors, bytevectors, dotted lists, ' ` , ,@, [ ] as parentheses,
 * and datum labels #n= #n# (which may build cycles). Nesting recurses in C,
 * with the stack check every procedure has: deep enough input is a clean
 * "stack overflow", never a crash. */

/* What esk_rd_item returns besides a datum: a '.' or a closing bracket. */
#define ESK_RD_DOT ESK_TAIL_CALL
#define ESK_RD_CLOSE ESK_UNDEFINED
/* A token start: '#' consumed, the character after it not. */
#define ESK_RD_HASH 0x200000
#define ESK_RD_SMALL 128

typedef struct esk_rd_text {  /* code points of the token being read */
    uint32_t *chars;
    size_t length, room;
    uint32_t small[ESK_RD_SMALL];
} esk_rd_text;

typedef struct esk_rd_label {
    uint32_t number;
    int32_t state;        /* 0: free slot; 1: being read; 2: done */
    esk_val placeholder;  /* a fresh box standing for the datum until it is read */
    esk_val value;
    int referenced;       /* #n# used while its datum was being read */
} esk_rd_label;

typedef struct esk_rd {
    int loc;
    esk_port *in;
    int32_t closer;       /* the bracket behind the latest ESK_RD_CLOSE */
    esk_rd_text text;
    esk_rd_label *labels; /* open addressing by number; NULL until a label */
    size_t label_room, label_count;
} esk_rd;

static esk_val esk_rd_item(esk_rd *rd, int32_t c);

/* ---- errors: read-error? conditions ------------------------------------------ */
static _Noreturn void esk_rd_fail(esk_rd *rd, const char *what, esk_val irritant) {
    char message[160];
    snprintf(message, sizeof message, "read: %s", what);
    esk_raise(rd->loc, esk_make_condition(ESK_COND_READ, rd->loc, esk_string_from_utf8(message, strlen(message)),
                                          irritant == ESK_UNSPECIFIED ? ESK_NIL : esk_cons(irritant, ESK_NIL)));
}

/* The token read so far, as a string for messages. */
static esk_val esk_rd_token(esk_rd *rd) { return esk_string_from_utf32(rd->text.chars, rd->text.length); }

/* ---- characters ---------------------------------------------------------------- */
static int32_t esk_rd_get(esk_rd *rd) { return esk_port_read_char(rd->in, 0); }
static int32_t esk_rd_peek(esk_rd *rd) { return esk_port_read_char(rd->in, 1); }

static int esk_rd_is_space(int32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of input counts as a delimiter. */
static int esk_rd_is_delimiter(int32_t c) {
    return c < 0 || esk_rd_is_space(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';' ||
           c == '|';
}

static int esk_rd_hex_value(int32_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void esk_rd_add(esk_rd *rd, uint32_t c) {
    esk_rd_text *t = &rd->text;
    if (t->length == t->room) {
        uint32_t *bigger = esk_alloc_bytes(t->room * 2 * sizeof(uint32_t));
        memcpy(bigger, t->chars, t->length * sizeof(uint32_t));
        t->chars = bigger;
        t->room *= 2;
    }
    t->chars[t->length++] = c;
}

/* Adds characters up to the next delimiter (not consumed) to the token. */
static void esk_rd_add_rest(esk_rd *rd) {
    while (!esk_rd_is_delimiter(esk_rd_peek(rd))) esk_rd_add(rd, (uint32_t)esk_rd_get(rd));
}

static uint32_t esk_rd_ascii_lower(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* Is the token text (ASCII, compared without case when fold) equal to word? */
static int esk_rd_token_is(esk_rd *rd, size_t from, const char *word, int fold) {
    size_t n = strlen(word), i;
    if (rd->text.length - from != n) return 0;
    for (i = 0; i < n; ++i) {
        uint32_t c = rd->text.chars[from + i];
        if ((fold ? esk_rd_ascii_lower(c) : c) != (uint32_t)(unsigned char)word[i]) return 0;
    }
    return 1;
}

/* ---- atmosphere: white space, comments, directives ----------------------------------- */
static esk_val esk_rd_required(esk_rd *rd, const char *after);

static void esk_rd_block_comment(esk_rd *rd) {
    size_t depth = 1;
    while (depth > 0) {
        int32_t c = esk_rd_get(rd);
        if (c < 0) esk_rd_fail(rd, "unterminated block comment #|", ESK_UNSPECIFIED);
        if (c == '|' && esk_rd_peek(rd) == '#') {
            esk_rd_get(rd);
            --depth;
        } else if (c == '#' && esk_rd_peek(rd) == '|') {
            esk_rd_get(rd);
            ++depth;
        }
    }
}

/* #!fold-case or #!no-fold-case (after the "#!"). */
static void esk_rd_directive(esk_rd *rd) {
    rd->text.length = 0;
    esk_rd_add_rest(rd);
    if (esk_rd_token_is(rd, 0, "fold-case", 0)) rd->in->flags |= ESK_PORT_FOLD_CASE;
    else if (esk_rd_token_is(rd, 0, "no-fold-case", 0)) rd->in->flags &= ~(uint32_t)ESK_PORT_FOLD_CASE;
    else esk_rd_fail(rd, "unknown directive #!", esk_rd_token(rd));
}

/* Skips atmosphere; returns the next token's first character, consumed (or
 * ESK_RD_HASH), or -1 at the end of input. */
static int32_t esk_rd_token_start(esk_rd *rd) {
    for (;;) {
        int32_t c = esk_rd_get(rd);
        if (c < 0) return -1;
        if (esk_rd_is_space(c)) continue;
        if (c == ';') {
            while ((c = esk_rd_peek(rd)) >= 0 && c != '\n' && c != '\r') esk_rd_get(rd);
            continue;
        }
        if (c != '#') return c;
        c = esk_rd_peek(rd);
        if (c == '|') {
            esk_rd_get(rd);
            esk_rd_block_comment(rd);
        } else if (c == ';') {
            esk_rd_get(rd);
            esk_rd_required(rd, "#;");
        } else if (c == '!') {
            esk_rd_get(rd);
            esk_rd_directive(rd);
        } else {
            return ESK_RD_HASH;
        }
    }
}

/* The datum that must come next (after names what came before it). */
static esk_val esk_rd_required(esk_rd *rd, const char *after) {
    char what[64];
    int32_t c = esk_rd_token_start(rd);
    esk_val v;
    snprintf(what, sizeof what, "expected a datum after %s", after);
    if (c < 0) esk_rd_fail(rd, what, ESK_UNSPECIFIED);
    v = esk_rd_item(rd, c);
    if (v == ESK_RD_DOT || v == ESK_RD_CLOSE) esk_rd_fail(rd, what, ESK_UNSPECIFIED);
    return v;
}

/* ---- lists, vectors, bytevectors, abbreviations ---------------------------------------- */
static void esk_rd_check_closer(esk_rd *rd, int32_t closer) {
    if (rd->closer != closer) esk_rd_fail(rd, closer == ')' ? "expected ')', got" : "expected ']', got", ESK_CHAR(rd->closer));
}

/* After the opening bracket, up to its closer. */
static esk_val esk_rd_list(esk_rd *rd, int32_t closer) {
    esk_val head = ESK_NIL, tail = ESK_NIL;
    for (;;) {
        int32_t c = esk_rd_token_start(rd);
        esk_val v, pair;
        if (c < 0) esk_rd_fail(rd, "unexpected end of input in a list", ESK_UNSPECIFIED);
        v = esk_rd_item(rd, c);
        if (v == ESK_RD_CLOSE) {
            esk_rd_check_closer(rd, closer);
            return head;
        }
        if (v == ESK_RD_DOT) {
            if (head == ESK_NIL) esk_rd_fail(rd, "'.' at the start of a list", ESK_UNSPECIFIED);
            esk_val rest = esk_rd_required(rd, "'.' in a list");
            ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), rest);  /* (tail may be old by now: the barrier) */
            c = esk_rd_token_start(rd);
            if (c < 0) esk_rd_fail(rd, "unexpected end of input in a list", ESK_UNSPECIFIED);
            if (esk_rd_item(rd, c) != ESK_RD_CLOSE) esk_rd_fail(rd, "more than one datum after '.' in a list", ESK_UNSPECIFIED);
            esk_rd_check_closer(rd, closer);
            return head;
        }
        pair = esk_cons(v, ESK_NIL);
        if (head == ESK_NIL) head = pair;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), pair);
        tail = pair;
    }
}

/* After "#(" or "#u8(": the items up to ')'. bytes: each must be a byte. */
static esk_val esk_rd_sequence(esk_rd *rd, int bytes) {
    esk_val items = ESK_NIL, result;
    size_t n = 0, i;
    for (;;) {
        int32_t c = esk_rd_token_start(rd);
        esk_val v;
        if (c < 0) esk_rd_fail(rd, bytes ? "unexpected end of input in a bytevector" : "unexpected end of input in a vector",
                               ESK_UNSPECIFIED);
        v = esk_rd_item(rd, c);
        if (v == ESK_RD_CLOSE) {
            esk_rd_check_closer(rd, ')');
            break;
        }
        if (v == ESK_RD_DOT) esk_rd_fail(rd, bytes ? "'.' in a bytevector" : "'.' in a vector", ESK_UNSPECIFIED);
        if (bytes && (!ESK_IS_FIXNUM(v) || ESK_FIXVAL(v) < 0 || ESK_FIXVAL(v) > 255))
            esk_rd_fail(rd, "a bytevector element must be a byte (0 to 255), got", v);
        items = esk_cons(v, items);
        ++n;
    }
    result = bytes ? esk_bytevector_alloc(n, 0) : esk_vector_alloc(n, ESK_FALSE);
    for (i = n; i-- > 0; items = ESK_CDR(items)) {
        if (bytes) ESK_BYTEVECTOR(result)->bytes[i] = (uint8_t)ESK_FIXVAL(ESK_CAR(items));
        else ESK_VECTOR(result)->items[i] = ESK_CAR(items);
    }
    return result;
}

static esk_val esk_rd_abbreviation(esk_rd *rd, const char *name, const char *after) {
    esk_val symbol = esk_intern(name, strlen(name));
    return esk_cons(symbol, esk_cons(esk_rd_required(rd, after), ESK_NIL));
}

/* ---- strings and |symbols| -------------------------------------------------------- */
/* After "\x": hex digits and ';'. */
static uint32_t esk_rd_hex_escape(esk_rd *rd) {
    uint32_t value = 0;
    int digits = 0, d;
    while ((d = esk_rd_hex_value(esk_rd_peek(rd))) >= 0) {
        esk_rd_get(rd);
        if (value < 0x110000) value = value * 16 + (uint32_t)d;
        ++digits;
    }
    if (digits == 0 || esk_rd_get(rd) != ';') esk_rd_fail(rd, "malformed hex escape (expected \\x<hex digits>;)", ESK_UNSPECIFIED);
    if (!ESK_IS_SCALAR_VALUE(value)) esk_rd_fail(rd, "hex escape is not a Unicode scalar value", ESK_UNSPECIFIED);
    return value;
}

/* The character a mnemonic escape (after the backslash) stands for, or -1. */
static int32_t esk_rd_mnemonic(int32_t c) {
    switch (c) {
    case 'a': return 7;
    case 'b': return 8;
    case 't': return 9;
    case 'n': return 10;
    case 'r': return 13;
    case '"': return '"';
    case '\\': return '\\';
    case '|': return '|';
    default: return -1;
    }
}

/* After a backslash and intraline white space c in a string: the rest of a
 * line continuation. */
static void esk_rd_line_continuation(esk_rd *rd, int32_t c) {
    while (c == ' ' || c == '\t') c = esk_rd_get(rd);
    if (c == '\r' && esk_rd_peek(rd) == '\n') c = esk_rd_get(rd);
    if (c != '\n' && c != '\r') esk_rd_fail(rd, "invalid escape in a string (a backslash before spaces must end the line)", ESK_UNSPECIFIED);
    while ((c = esk_rd_peek(rd)) == ' ' || c == '\t') esk_rd_get(rd);
}

/* After the opening quote or bar, up to the same closing one. */
static void esk_rd_quoted(esk_rd *rd, int32_t quote) {
    rd->text.length = 0;
    for (;;) {
        int32_t c = esk_rd_get(rd), e;
        if (c < 0) esk_rd_fail(rd, quote == '"' ? "unterminated string" : "unterminated |symbol|", ESK_UNSPECIFIED);
        if (c == quote) return;
        if (c == '\r' && quote == '"') { /* a raw line ending reads as a newline */
            if (esk_rd_peek(rd) == '\n') esk_rd_get(rd);
            c = '\n';
        } else if (c == '\\') {
            c = esk_rd_get(rd);
            e = esk_rd_mnemonic(c);
            if (e >= 0) {
                c = e;
            } else if (c == 'x') {
                c = (int32_t)esk_rd_hex_escape(rd);
            } else if (quote == '"' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                esk_rd_line_continuation(rd, c);
                continue;
            } else {
                char what[64];
                snprintf(what, sizeof what, "invalid escape in a %s", quote == '"' ? "string" : "|symbol|");
                esk_rd_fail(rd, what, c < 0 ? ESK_UNSPECIFIED : ESK_CHAR(c));
            }
        }
        esk_rd_add(rd, (uint32_t)c);
    }
}

static esk_val esk_rd_symbol(esk_rd *rd) {
    unsigned char small[4 * ESK_RD_SMALL], *bytes = small;
    size_t n = 0, i;
    if (rd->text.length > ESK_RD_SMALL) bytes = esk_alloc_bytes(rd->text.length * 4);
    for (i = 0; i < rd->text.length; ++i) n += (size_t)esk_utf8_encode(rd->text.chars[i], bytes + n);
    return esk_intern((const char *)bytes, n);
}

/* ---- characters: #\a #\space #\x41 (after the "#\") -------------------------------------- */
static esk_val esk_rd_character(esk_rd *rd) {
    static const struct {
        const char *name;
        uint32_t c;
    } names[] = {{"alarm", 7},  {"backspace", 8}, {"delete", 127}, {"escape", 27}, {"newline", 10},
                 {"null", 0},   {"return", 13},   {"space", 32},   {"tab", 9}};
    int fold = (rd->in->flags & ESK_PORT_FOLD_CASE) != 0;
    int32_t first = esk_rd_get(rd);
    size_t i;
    uint32_t value = 0;
    if (first < 0) esk_rd_fail(rd, "unexpected end of input after #\\", ESK_UNSPECIFIED);
    rd->text.length = 0;
    esk_rd_add(rd, (uint32_t)first);
    esk_rd_add_rest(rd);
    if (rd->text.length == 1) return ESK_CHAR(first);
    for (i = 0; i < sizeof names / sizeof names[0]; ++i)
        if (esk_rd_token_is(rd, 0, names[i].name, fold)) return ESK_CHAR(names[i].c);
    if ((fold ? esk_rd_ascii_lower((uint32_t)first) : (uint32_t)first) == 'x') {
        for (i = 1; i < rd->text.length; ++i) {
            int d = esk_rd_hex_value((int32_t)rd->text.chars[i]);
            if (d < 0) break;
            if (value < 0x110000) value = value * 16 + (uint32_t)d;
        }
        if (i == rd->text.length && ESK_IS_SCALAR_VALUE(value)) return ESK_CHAR(value);
    }
    esk_rd_fail(rd, "unknown character name", esk_rd_token(rd));
}

/* ---- numbers and identifiers ------------------------------------------------------------- */
static int esk_rd_initial(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || (c && strchr("!$%&*/:<=>?^_~", (int)c));
}
static int esk_rd_subsequent(uint32_t c) {
    return esk_rd_initial(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == '@';
}
static int esk_rd_sign_subsequent(uint32_t c) { return esk_rd_initial(c) || c == '+' || c == '-' || c == '@'; }
static int esk_rd_dot_subsequent(uint32_t c) { return esk_rd_sign_subsequent(c) || c == '.'; }

/* <identifier> of R7RS 7.1.1, peculiar identifiers included. */
static int esk_rd_is_identifier(const uint32_t *t, size_t n) {
    size_t from;
    if (esk_rd_initial(t[0])) from = 1;
    else if ((t[0] == '+' || t[0] == '-') && n == 1) return 1;
    else if ((t[0] == '+' || t[0] == '-') && esk_rd_sign_subsequent(t[1])) from = 2;
    else if ((t[0] == '+' || t[0] == '-') && t[1] == '.' && n > 2 && esk_rd_dot_subsequent(t[2])) from = 3;
    else if (t[0] == '.' && n > 1 && esk_rd_dot_subsequent(t[1])) from = 2;
    else return 0;
    for (; from < n; ++from)
        if (!esk_rd_subsequent(t[from])) return 0;
    return 1;
}

/* Meant as a number: a digit after an optional sign and point (as the
 * compiler's reader decides between "malformed number" and identifier). */
static int esk_rd_looks_numeric(const uint32_t *t, size_t n) {
    size_t p = 0;
    if (p < n && (t[p] == '+' || t[p] == '-')) ++p;
    if (p < n && t[p] == '.') ++p;
    return p < n && t[p] >= '0' && t[p] <= '9';
}

/* The number the token spells, or ESK_FALSE. */
static esk_val esk_rd_number(esk_rd *rd) {
    char small[ESK_RD_SMALL], *text = small;
    size_t i, n = rd->text.length;
    if (n > sizeof small) text = esk_alloc_bytes(n);
    for (i = 0; i < n; ++i) {
        if (rd->text.chars[i] >= 0x80) return ESK_FALSE;
        text[i] = (char)rd->text.chars[i];
    }
    return esk_num_parse(text, n, 10);
}

/* A token running to the next delimiter: '.', a number or an identifier. */
static esk_val esk_rd_atom(esk_rd *rd, int32_t first) {
    const uint32_t *t;
    size_t n, i;
    esk_val number;
    rd->text.length = 0;
    esk_rd_add(rd, (uint32_t)first);
    esk_rd_add_rest(rd);
    t = rd->text.chars;
    n = rd->text.length;
    if (n == 1 && t[0] == '.') return ESK_RD_DOT;
    number = esk_rd_number(rd);
    if (number != ESK_FALSE) return number;
    if (esk_rd_looks_numeric(t, n)) esk_rd_fail(rd, "malformed number", esk_rd_token(rd));
    if (!esk_rd_is_identifier(t, n)) esk_rd_fail(rd, "invalid identifier", esk_rd_token(rd));
    if (rd->in->flags & ESK_PORT_FOLD_CASE)
        for (i = 0; i < n; ++i) rd->text.chars[i] = esk_rd_ascii_lower(rd->text.chars[i]);
    return esk_rd_symbol(rd);
}

/* ---- datum labels -------------------------------------------------------------------------- */
static esk_rd_label *esk_rd_find_label(esk_rd *rd, uint32_t number, int add) {
    size_t i;
    if (add && (rd->label_count + 1) * 2 > rd->label_room) {
        esk_rd_label *old = rd->labels;
        size_t old_room = rd->label_room, k;
        rd->label_room = old_room ? old_room * 2 : 16;
        rd->labels = esk_alloc_raw(rd->label_room * sizeof(esk_rd_label));
        memset(rd->labels, 0, rd->label_room * sizeof(esk_rd_label));
        rd->label_count = 0;
        for (k = 0; k < old_room; ++k)
            if (old[k].state) {
                *esk_rd_find_label(rd, old[k].number, 1) = old[k];
            }
    }
    if (rd->label_room == 0) return NULL;
    for (i = (number * 0x9E3779B1u) & (rd->label_room - 1);; i = (i + 1) & (rd->label_room - 1)) {
        esk_rd_label *l = &rd->labels[i];
        if (l->state && l->number == number) return l;
        if (!l->state) {
            if (!add) return NULL;
            l->number = number;
            l->state = 1;
            rd->label_count++;
            return l;
        }
    }
}

/* A small set of pairs and vectors, for the walk below. */
typedef struct esk_rd_seen {
    esk_val *slots;
    size_t room, count;
} esk_rd_seen;

static int esk_rd_seen_add(esk_rd_seen *s, esk_val v) {
    size_t i;
    if ((s->count + 1) * 2 > s->room) {
        esk_rd_seen bigger = {NULL, s->room ? s->room * 2 : 64, 0};
        size_t k;
        bigger.slots = esk_alloc_raw(bigger.room * sizeof(esk_val));
        memset(bigger.slots, 0, bigger.room * sizeof(esk_val));
        for (k = 0; k < s->room; ++k)
            if (s->slots[k]) esk_rd_seen_add(&bigger, s->slots[k]);
        *s = bigger;
    }
    for (i = (size_t)(v >> 3) * 0x9E3779B1u & (s->room - 1);; i = (i + 1) & (s->room - 1)) {
        if (s->slots[i] == v) return 0;
        if (!s->slots[i]) break;
    }
    s->slots[i] = v;
    s->count++;
    return 1;
}

/* Replaces every reference to placeholder inside root by value, walking
 * pairs and vectors once each (the datum may hold cycles already). */
static void esk_rd_patch(esk_val root, esk_val placeholder, esk_val value) {
    esk_rd_seen seen = {NULL, 0, 0};
    size_t depth = 0, room = 64;
    esk_val *stack = esk_alloc_raw(room * sizeof(esk_val));
    stack[depth++] = root;
    esk_rd_seen_add(&seen, root);
    while (depth > 0) {
        esk_val v = stack[--depth];
        esk_val *slots = ESK_IS_PAIR(v) ? &ESK_CAR(v) : ESK_VECTOR(v)->items;
        size_t n = ESK_IS_PAIR(v) ? 2 : ESK_VECTOR(v)->h.size, i;
        for (i = 0; i < n; ++i) {
            esk_val x = slots[i];
            if (x == placeholder) {
                ESK_GC_STORE(ESK_IS_PAIR(v) ? (const void *)ESK_PAIR(v) : (const void *)ESK_VECTOR(v), &slots[i], value);
            } else if ((ESK_IS_PAIR(x) || ESK_HAS_TYPE(x, ESK_T_VECTOR)) && esk_rd_seen_add(&seen, x)) {
                if (depth == room) {
                    esk_val *bigger = esk_alloc_raw(room * 2 * sizeof(esk_val));
                    memcpy(bigger, stack, room * sizeof(esk_val));
                    stack = bigger;
                    room *= 2;
                }
                stack[depth++] = x;
            }
        }
    }
}

/* After "#" and the first digit: #n= datum, or #n#. */
static esk_val esk_rd_labelled(esk_rd *rd, int32_t first) {
    uint32_t number = (uint32_t)(first - '0');
    int32_t c;
    esk_rd_label *l;
    esk_val value;
    while ((c = esk_rd_get(rd)) >= '0' && c <= '9') {
        if (number > 99999999u) esk_rd_fail(rd, "datum label too large", ESK_UNSPECIFIED);
        number = number * 10 + (uint32_t)(c - '0');
    }
    if (c != '=' && c != '#') esk_rd_fail(rd, "malformed datum label (expected #n= or #n#)", ESK_FIX((intptr_t)number));
    l = esk_rd_find_label(rd, number, 0);
    if (c == '#') {
        if (!l) esk_rd_fail(rd, "reference to an undefined datum label", ESK_FIX((intptr_t)number));
        if (l->state == 2) return l->value;
        l->referenced = 1;
        return l->placeholder;
    }
    if (l) esk_rd_fail(rd, "datum label defined twice", ESK_FIX((intptr_t)number));
    l = esk_rd_find_label(rd, number, 1);
    l->placeholder = esk_make_box(ESK_FALSE);
    l->referenced = 0;
    l->value = ESK_FALSE;
    value = esk_rd_required(rd, "a datum label");
    l = esk_rd_find_label(rd, number, 0); /* the table may have moved */
    if (value == l->placeholder) esk_rd_fail(rd, "a datum label cannot stand for itself", ESK_FIX((intptr_t)number));
    if (l->referenced && (ESK_IS_PAIR(value) || ESK_HAS_TYPE(value, ESK_T_VECTOR))) esk_rd_patch(value, l->placeholder, value);
    l->state = 2;
    l->value = value;
    return value;
}

/* ---- '#' syntax (after the '#') ---------------------------------------------------------------- */
static esk_val esk_rd_hash(esk_rd *rd) {
    int32_t c = esk_rd_peek(rd);
    esk_val number;
    if (c == '(') {
        esk_rd_get(rd);
        return esk_rd_sequence(rd, 0);
    }
    if (c == '\\') {
        esk_rd_get(rd);
        return esk_rd_character(rd);
    }
    if (c >= '0' && c <= '9') return esk_rd_labelled(rd, esk_rd_get(rd));
    if (c == 'u') {
        esk_rd_get(rd);
        if (esk_rd_peek(rd) == '8') {
            esk_rd_get(rd);
            if (esk_rd_get(rd) == '(') return esk_rd_sequence(rd, 1);
        }
        esk_rd_fail(rd, "invalid syntax (expected #u8( for a bytevector)", ESK_UNSPECIFIED);
    }
    rd->text.length = 0;
    esk_rd_add(rd, '#');
    esk_rd_add_rest(rd);
    if (esk_rd_token_is(rd, 0, "#t", 1) || esk_rd_token_is(rd, 0, "#true", 1)) return ESK_TRUE;
    if (esk_rd_token_is(rd, 0, "#f", 1) || esk_rd_token_is(rd, 0, "#false", 1)) return ESK_FALSE;
    number = esk_rd_number(rd);
    if (number != ESK_FALSE) return number;
    if (rd->text.length > 1 && rd->text.chars[1] < 0x80 && rd->text.chars[1] && strchr("xbodeiXBODEI", (int)rd->text.chars[1]))
        esk_rd_fail(rd, "malformed number", esk_rd_token(rd));
    esk_rd_fail(rd, "invalid syntax", esk_rd_token(rd));
}

/* One item: a datum, or ESK_RD_DOT / ESK_RD_CLOSE; c is its first character. */
static esk_val esk_rd_item(esk_rd *rd, int32_t c) {
    switch (c) {
    case '(': return esk_rd_list(rd, ')');
    case '[': return esk_rd_list(rd, ']');
    case ')': case ']':
        rd->closer = c;
        return ESK_RD_CLOSE;
    case '\'': return esk_rd_abbreviation(rd, "quote", "'");
    case '`': return esk_rd_abbreviation(rd, "quasiquote", "`");
    case ',':
        if (esk_rd_peek(rd) == '@') {
            esk_rd_get(rd);
            return esk_rd_abbreviation(rd, "unquote-splicing", ",@");
        }
        return esk_rd_abbreviation(rd, "unquote", ",");
    case '"':
        esk_rd_quoted(rd, '"');
        return esk_string_from_utf32(rd->text.chars, rd->text.length);
    case '|':
        esk_rd_quoted(rd, '|');
        return esk_rd_symbol(rd);
    case ESK_RD_HASH: return esk_rd_hash(rd);
    default: return esk_rd_atom(rd, c);
    }
}

esk_val esk_read_datum(int loc, esk_port *in) {
    esk_rd rd;
    int32_t c;
    esk_val v;
    rd.loc = loc;
    rd.in = in;
    rd.closer = 0;
    rd.text.chars = rd.text.small;
    rd.text.length = 0;
    rd.text.room = ESK_RD_SMALL;
    rd.labels = NULL;
    rd.label_room = rd.label_count = 0;
    c = esk_rd_token_start(&rd);
    if (c < 0) return ESK_EOF;
    v = esk_rd_item(&rd, c);
    if (v == ESK_RD_DOT) esk_rd_fail(&rd, "unexpected '.'", ESK_UNSPECIFIED);
    if (v == ESK_RD_CLOSE) esk_rd_fail(&rd, "unexpected closing bracket", ESK_CHAR(rd.closer));
    return v;
}

#undef ESK_RD_DOT
#undef ESK_RD_CLOSE
#undef ESK_RD_HASH
#undef ESK_RD_SMALL
