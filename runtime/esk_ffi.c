/* esk_ffi.c - the C interface: converting arguments and results of C functions, pointers, callbacks and exports. */
#include "eshkol.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* What define-c-procedure, define-c-callback and define-c-export generate
 * calls here: every Scheme value going to C is checked (type and range)
 * and a wrong one raises the usual error at the call's location, never
 * undefined behaviour. Strings go to C as fresh NUL-ended UTF-8 copies
 * that live until the C function returns (esk_ffi_mark/esk_ffi_release);
 * bytevectors as a pointer to their own bytes. A C pointer is a heap
 * object holding the address and, for (pointer NAME), the name, checked
 * when it goes back to C; NULL is #f both ways. */

/* ---- pointers ------------------------------------------------------------------------ */
static esk_val esk_ffi_make_pointer(void *address, esk_ffi_fn function, const char *tag) {
    esk_pointer *p = esk_alloc_obj(ESK_T_POINTER, 0, sizeof *p);
    p->h.type = ESK_T_POINTER;
    p->h.size = 0;
    p->address = address;
    p->function = function;
    p->tag = tag;
    return ESK_FROM_HEAP(p);
}

esk_val esk_ffi_pointer(void *address, const char *tag) {
    return address ? esk_ffi_make_pointer(address, NULL, tag) : ESK_FALSE;
}

esk_val esk_ffi_function_pointer(esk_ffi_fn function, const char *signature) {
    return esk_ffi_make_pointer(NULL, function, signature);
}

static _Noreturn void esk_ffi_expected(int loc, const char *who, const char *format, const char *tag, esk_val got) {
    char text[160];
    snprintf(text, sizeof text, format, tag);
    esk_type_error(loc, who, text, got);
}

/* (pointer NAME) wants a pointer made with that NAME (an untyped one from
 * C is refused: it is not known to be a NAME), or #f for NULL. tag NULL:
 * any data pointer. */
void *esk_ffi_pointer_arg(int loc, const char *who, esk_val v, const char *tag) {
    const esk_pointer *p;
    if (v == ESK_FALSE) return NULL;
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_POINTER) || ((esk_pointer *)ESK_HEAP(v))->function)))
        esk_ffi_expected(loc, who, tag ? "a (pointer %s) or #f" : "a pointer or #f%s", tag ? tag : "", v);
    p = (const esk_pointer *)ESK_HEAP(v);
    if (tag && (!p->tag || strcmp(p->tag, tag) != 0)) esk_ffi_expected(loc, who, "a (pointer %s) or #f", tag, v);
    return p->address;
}

/* A callback made by define-c-callback with this signature. */
esk_ffi_fn esk_ffi_function_arg(int loc, const char *who, esk_val v, const char *signature) {
    const esk_pointer *p;
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_POINTER) || !((esk_pointer *)ESK_HEAP(v))->function)))
        esk_ffi_expected(loc, who, "a C callback of type %s", signature, v);
    p = (const esk_pointer *)ESK_HEAP(v);
    if (strcmp(p->tag, signature) != 0) esk_ffi_expected(loc, who, "a C callback of type %s", signature, v);
    return p->function;
}

static const esk_pointer *esk_ffi_pointer_of(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_POINTER)))) esk_type_error(loc, who, "a pointer", v);
    return (const esk_pointer *)ESK_HEAP(v);
}

esk_val esk_pointer_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(esk_see_through(x), ESK_T_POINTER));
}

/* #f is the null pointer; a pointer object never is. */
esk_val esk_pointer_null_p(int loc, esk_val p) {
    if (p == ESK_FALSE) return ESK_TRUE;
    esk_ffi_pointer_of(loc, "pointer-null?", p);
    return ESK_FALSE;
}

esk_val esk_pointer_to_integer(int loc, esk_val p) {
    const esk_pointer *q;
    if (p == ESK_FALSE) return ESK_FIX(0);
    q = esk_ffi_pointer_of(loc, "pointer->integer", p);
    return esk_big_from_u64(q->function ? 0 : (uint64_t)(uintptr_t)q->address, 0);
}

/* Reading and writing memory through a data pointer: (pointer-s32-ref p
 * offset) reads the int32_t at p + offset bytes. The memory is C's: the
 * program says it is there, nothing checks it. */
static unsigned char *esk_ffi_at(int loc, const char *who, esk_val p, esk_val offset) {
    void *address = esk_ffi_pointer_arg(loc, who, p, NULL);
    if (!address) esk_error(loc, "pointer access through a null pointer", ESK_FALSE);
    if (ESK_UNLIKELY(!ESK_IS_FIXNUM(offset))) esk_type_error(loc, who, "a byte offset (a fixnum)", offset);
    return (unsigned char *)address + ESK_FIXVAL(offset);
}

/* (pointer-ref p offset [NAME]): the pointer stored at p + offset, as a
 * (pointer NAME) when NAME (a symbol) is given: how a C function's out
 * parameter (sqlite3 **) is read back. */
esk_val esk_pointer_ref(int loc, esk_val p, esk_val k, esk_val name) {
    void *v;
    const char *tag = NULL;
    if (name != ESK_DEFAULT) {
        if (ESK_UNLIKELY(!ESK_HAS_TYPE(name, ESK_T_SYMBOL))) esk_type_error(loc, "pointer-ref", "a symbol (the pointer's type name)", name);
        tag = ESK_SYMBOL(name)->name;
    }
    memcpy(&v, esk_ffi_at(loc, "pointer-ref", p, k), sizeof v);
    return esk_ffi_pointer(v, tag);
}

/* The NUL-ended UTF-8 text at p, as a fresh string (#f for NULL). */
esk_val esk_pointer_to_string(int loc, esk_val p) {
    return esk_ffi_from_string((const char *)esk_ffi_pointer_arg(loc, "pointer->string", p, NULL));
}

esk_val esk_pointer_u8_ref(int loc, esk_val p, esk_val k) { return ESK_FIX(*esk_ffi_at(loc, "pointer-u8-ref", p, k)); }

esk_val esk_pointer_s32_ref(int loc, esk_val p, esk_val k) {
    int32_t v;
    memcpy(&v, esk_ffi_at(loc, "pointer-s32-ref", p, k), sizeof v);
    return ESK_FIX(v);
}

esk_val esk_pointer_s64_ref(int loc, esk_val p, esk_val k) {
    int64_t v;
    memcpy(&v, esk_ffi_at(loc, "pointer-s64-ref", p, k), sizeof v);
    return esk_big_from_i64(v);
}

esk_val esk_pointer_f64_ref(int loc, esk_val p, esk_val k) {
    double v;
    memcpy(&v, esk_ffi_at(loc, "pointer-f64-ref", p, k), sizeof v);
    return esk_make_flonum(v);
}

esk_val esk_pointer_set(int loc, esk_val p, esk_val k, esk_val q) {
    unsigned char *at = esk_ffi_at(loc, "pointer-set!", p, k);
    void *v = esk_ffi_pointer_arg(loc, "pointer-set!", q, NULL);
    memcpy(at, &v, sizeof v);
    return ESK_UNSPECIFIED;
}

esk_val esk_pointer_u8_set(int loc, esk_val p, esk_val k, esk_val x) {
    unsigned char *at = esk_ffi_at(loc, "pointer-u8-set!", p, k);
    *at = (unsigned char)esk_ffi_unsigned(loc, "pointer-u8-set!", "uint8", x, UCHAR_MAX);
    return ESK_UNSPECIFIED;
}

esk_val esk_pointer_s32_set(int loc, esk_val p, esk_val k, esk_val x) {
    unsigned char *at = esk_ffi_at(loc, "pointer-s32-set!", p, k);
    int32_t v = (int32_t)esk_ffi_integer(loc, "pointer-s32-set!", "int32", x, INT32_MIN, INT32_MAX);
    memcpy(at, &v, sizeof v);
    return ESK_UNSPECIFIED;
}

esk_val esk_pointer_s64_set(int loc, esk_val p, esk_val k, esk_val x) {
    unsigned char *at = esk_ffi_at(loc, "pointer-s64-set!", p, k);
    int64_t v = (int64_t)esk_ffi_integer(loc, "pointer-s64-set!", "int64", x, INT64_MIN, INT64_MAX);
    memcpy(at, &v, sizeof v);
    return ESK_UNSPECIFIED;
}

esk_val esk_pointer_f64_set(int loc, esk_val p, esk_val k, esk_val x) {
    unsigned char *at = esk_ffi_at(loc, "pointer-f64-set!", p, k);
    double v = esk_ffi_double(loc, "pointer-f64-set!", x);
    memcpy(at, &v, sizeof v);
    return ESK_UNSPECIFIED;
}

/* ---- numbers, characters, booleans ------------------------------------------------------ */
static _Noreturn void esk_ffi_range(int loc, const char *who, const char *range, esk_val got) {
    esk_type_error(loc, who, range, got);
}

long long esk_ffi_integer(int loc, const char *who, const char *ctype, esk_val v, long long min, long long max) {
    int64_t n;
    char range[128];
    if (ESK_LIKELY(ESK_IS_FIXNUM(v))) {
        n = ESK_FIXVAL(v);
        if (n >= min && n <= max) return n;
    } else if (ESK_IS_BIGNUM(v) && esk_big_to_i64(v, &n) && n >= min && n <= max) {
        return n;
    }
    snprintf(range, sizeof range, "%s %s (an exact integer in [%lld, %lld])", ctype[0] == 'i' ? "an" : "a", ctype, min, max);
    esk_ffi_range(loc, who, range, v);
}

unsigned long long esk_ffi_unsigned(int loc, const char *who, const char *ctype, esk_val v, unsigned long long max) {
    char range[128];
    if (ESK_LIKELY(ESK_IS_FIXNUM(v))) {
        if (ESK_FIXVAL(v) >= 0 && (unsigned long long)ESK_FIXVAL(v) <= max) return (unsigned long long)ESK_FIXVAL(v);
    } else if (ESK_IS_BIGNUM(v) && esk_big_sign(v) > 0 && esk_big_bit_length(v) <= 64) {
        unsigned long long n = 0;
        const esk_bignum *b = ESK_BIGNUM(v);
        uint32_t i;
        for (i = b->h.size; i-- > 0;) n = (n << 32) | b->limbs[i];
        if (n <= max) return n;
    }
    snprintf(range, sizeof range, "%s %s (an exact integer in [0, %llu])", ctype[0] == 'u' ? "an" : "a", ctype, max);
    esk_ffi_range(loc, who, range, v);
}

double esk_ffi_double(int loc, const char *who, esk_val v) {
    if (ESK_LIKELY(ESK_IS_FLONUM(v))) return ESK_FLONUM(v);
    if (ESK_IS_FIXNUM(v)) return (double)ESK_FIXVAL(v);
    if (esk_is_number(v) && !ESK_IS_COMPNUM(v)) return esk_num_to_double(v);
    esk_type_error(loc, who, "a real number", v);
}

char esk_ffi_char(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(!ESK_IS_CHAR(v) || ESK_CHARVAL(v) > 255)) esk_type_error(loc, who, "a character below U+0100", v);
    return (char)ESK_CHARVAL(v);
}

/* ---- strings and bytevectors -------------------------------------------------------------- */
/* The copies made for the arguments of C calls in progress. */
static char **esk_ffi_copies;
static size_t esk_ffi_copy_count, esk_ffi_copy_room;

size_t esk_ffi_mark(void) { return esk_ffi_copy_count; }

void esk_ffi_release(size_t mark) {
    while (esk_ffi_copy_count > mark) free(esk_ffi_copies[--esk_ffi_copy_count]);
}

const char *esk_ffi_string(int loc, const char *who, esk_val v) {
    const esk_string *s;
    size_t i, bytes = 0;
    unsigned char *out, *at, utf8[4];
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_STRING)))) esk_type_error(loc, who, "a string", v);
    s = ESK_STRING(v);
    for (i = 0; i < s->length; i++) {
        uint32_t c = esk_string_char_at(s, i);
        if (c == 0) esk_error(loc, "a string with a NUL character cannot go to C", v);
        bytes += (size_t)esk_utf8_encode(c, utf8);
    }
    if (esk_ffi_copy_count == esk_ffi_copy_room) {
        size_t room = esk_ffi_copy_room ? esk_ffi_copy_room * 2 : 16;
        char **grown = realloc(esk_ffi_copies, room * sizeof *grown);
        if (!grown) esk_error(loc, "out of memory", ESK_UNSPECIFIED);
        esk_ffi_copies = grown;
        esk_ffi_copy_room = room;
    }
    out = malloc(bytes + 1);
    if (!out) esk_error(loc, "out of memory", ESK_UNSPECIFIED);
    for (i = 0, at = out; i < s->length; i++) at += esk_utf8_encode(esk_string_char_at(s, i), at);
    *at = 0;
    esk_ffi_copies[esk_ffi_copy_count++] = (char *)out;
    return (const char *)out;
}

esk_val esk_ffi_from_string(const char *s) {
    if (!s) return ESK_FALSE;
    return esk_string_from_utf8(s, strlen(s));
}

uint8_t *esk_ffi_bytes(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_BYTEVECTOR)))) esk_type_error(loc, who, "a bytevector", v);
    return ESK_BYTEVECTOR(v)->bytes;
}

esk_val esk_ffi_from_integer(long long n) { return esk_big_from_i64(n); }

esk_val esk_ffi_from_unsigned(unsigned long long n) { return esk_big_from_u64(n, 0); }

/* The built-ins the compiler open-codes, if a program reaches them as values. */
esk_val esk_ffi_not_a_value(int loc, int argc, esk_val *argv) {
    (void)argc;
    (void)argv;
    esk_error(loc, "the C interface's internal forms are not procedures", ESK_UNSPECIFIED);
}

/* A malloc'd UTF-8 copy, for an export's string result (the caller frees it). */
char *esk_ffi_string_copy(int loc, const char *who, esk_val v) {
    size_t mark = esk_ffi_mark();
    const char *s = esk_ffi_string(loc, who, v);
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy) esk_error(loc, "out of memory", ESK_UNSPECIFIED);
    memcpy(copy, s, n + 1);
    esk_ffi_release(mark);
    return copy;
}

/* ---- callbacks and exports ----------------------------------------------------------------------- */
/* Calls the Scheme procedure behind a callback or an export. */
esk_val esk_ffi_call(int loc, esk_val proc, int argc, esk_val *argv) { return esk_apply_proc(loc, proc, argc, argv); }

/* Exports: an error nobody handles inside a call from C prints as usual
 * and exits, unless the C side set a handler: then the handler gets the
 * message and the export returns (0, 0.0, NULL or nothing). */
static eshkol_error_handler esk_ffi_handler;
static void *esk_ffi_handler_data;
static esk_ffi_frame *esk_ffi_frames; /* the exports being run, innermost first */

void esk_ffi_set_error_handler(eshkol_error_handler handler, void *data) {
    esk_ffi_handler = handler;
    esk_ffi_handler_data = data;
}

static void esk_ffi_on_uncaught(const char *message) {
    esk_ffi_frame *f = esk_ffi_frames;
    if (!f || !esk_ffi_handler) return;
    esk_ffi_frames = f->outer;
    esk_handlers = f->handlers;
    esk_ffi_release(f->copies);
    esk_ffi_handler(message, esk_ffi_handler_data);
    longjmp(f->jump, 1);
}

void esk_ffi_enter(esk_ffi_frame *f) {
#ifndef ESK_NO_GC
    esk_gc_stack_top(f + 1);  /* the C caller's frame: the oldest that may hold the program's values */
#endif
    f->outer = esk_ffi_frames;
    f->handlers = esk_handlers;
    f->copies = esk_ffi_copy_count;
    esk_uncaught_hook = esk_ffi_on_uncaught;
    esk_ffi_frames = f;
}

void esk_ffi_leave(esk_ffi_frame *f) { esk_ffi_frames = f->outer; }
