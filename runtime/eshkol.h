/* eshkol.h - the eshkol runtime's one public header.
 *
 * Every Scheme value is one machine word, an esk_val. The low bits say what
 * it is; fixnums need no allocation and add without untagging.
 *
 *   word (low bits)      what                    payload
 *   ------------------   ---------------------   ------------------------------
 *   ..............0      fixnum                  63-bit signed integer: word >> 1
 *   ............001      heap object             pointer to esk_header (word - 1)
 *   ............011      immediate constant      kind in bits 4..7, see below
 *   ............101      (reserved: pairs)
 *   ............111      character               Unicode code point: word >> 8
 *
 *   Heap objects are 8-byte aligned, so a pointer's low 3 bits are free.
 *
 *   immediate constants: #f, #t, '(), unspecified, eof, default-object,
 *   undefined (a letrec variable read before its initialisation).
 *
 * Heap objects start with an esk_header whose type field says the layout.
 * All of a program's memory comes from esk_alloc (one front door), so the
 * debug counters can prove that nothing leaked.
 */
#ifndef ESHKOL_H
#define ESHKOL_H

#include <stddef.h>
#include <stdint.h>

typedef uintptr_t esk_val;

/* Inline helpers: embedded into each program, so unused ones must not warn. */
#if defined(__GNUC__) || defined(__clang__)
#define ESK_INLINE static inline __attribute__((unused))
#else
#define ESK_INLINE static inline
#endif

/* ---- fixnums ---------------------------------------------------------- */
#define ESK_FIXNUM_BITS 63
#define ESK_FIXNUM_MAX (INTPTR_MAX >> 1)
#define ESK_FIXNUM_MIN (INTPTR_MIN >> 1)
#define ESK_IS_FIXNUM(v) (((v) & 1u) == 0)
#define ESK_BOTH_FIXNUM(a, b) ((((a) | (b)) & 1u) == 0)
#define ESK_FIX(n) ((esk_val)(intptr_t)(n) << 1)
#define ESK_FIXVAL(v) ((intptr_t)(v) >> 1)

/* ---- immediates ------------------------------------------------------- */
#define ESK_IMM(kind) ((esk_val)(((kind) << 4) | 0x3u))
#define ESK_FALSE ESK_IMM(0)
#define ESK_TRUE ESK_IMM(1)
#define ESK_NIL ESK_IMM(2)
#define ESK_UNSPECIFIED ESK_IMM(3)
#define ESK_EOF ESK_IMM(4)
#define ESK_DEFAULT ESK_IMM(5)
#define ESK_UNDEFINED ESK_IMM(6)
#define ESK_BOOL(c) ((c) ? ESK_TRUE : ESK_FALSE)
#define ESK_TRUTHY(v) ((v) != ESK_FALSE)

#define ESK_IS_CHAR(v) (((v) & 0x7u) == 0x7u)
#define ESK_CHAR(c) ((esk_val)(((esk_val)(c) << 8) | 0x7u))
#define ESK_CHARVAL(v) ((uint32_t)((v) >> 8))

/* ---- heap objects ----------------------------------------------------- */
typedef enum esk_type {
    ESK_T_STRING,
    ESK_T_CLOSURE,
    ESK_T_BOX
} esk_type;

typedef struct esk_header {
    uint32_t type;  /* an esk_type */
    uint32_t size;  /* type-specific: string bytes, closure slots */
} esk_header;

#define ESK_IS_HEAP(v) (((v) & 0x7u) == 0x1u)
#define ESK_HEAP(v) ((esk_header *)((v) - 1u))
#define ESK_FROM_HEAP(p) ((esk_val)(p) + 1u)
#define ESK_HAS_TYPE(v, t) (ESK_IS_HEAP(v) && ESK_HEAP(v)->type == (t))

/* A string literal or a string built at run time: UTF-8 bytes, NUL ended. */
typedef struct esk_string {
    esk_header h;      /* size: byte length */
    uint32_t length;   /* in characters */
    const char *bytes;
} esk_string;

/* A procedure: code plus captured variables. The code receives the closure
 * itself so it can reach its captured variables. */
typedef esk_val (*esk_code)(esk_val self, int argc, const esk_val *argv);
typedef struct esk_closure {
    esk_header h;      /* size: number of captured slots */
    esk_code code;
    int32_t arity;     /* required arguments */
    int32_t variadic;  /* 1 when extra arguments become a rest list */
    const char *name;
    esk_val slots[];
} esk_closure;

/* A mutable cell for a variable that is both captured and assigned. */
typedef struct esk_box {
    esk_header h;
    esk_val value;
} esk_box;

#define ESK_CLOSURE(v) ((esk_closure *)ESK_HEAP(v))
#define ESK_BOX(v) ((esk_box *)ESK_HEAP(v))

/* ---- source locations for run-time errors ------------------------------ */
typedef struct esk_loc {
    const char *file;
    int line, col;
} esk_loc;

/* The generated program fills this in: locations indexed by the small ids
 * that generated code passes to procedures that may fail. */
extern const esk_loc esk_locs[];

/* ---- the runtime's API -------------------------------------------------- */
void esk_init(int argc, char **argv);
_Noreturn void esk_exit(int status);
void *esk_alloc(size_t bytes);

_Noreturn void esk_error(int loc, const char *message, esk_val irritant);
_Noreturn void esk_type_error(int loc, const char *who, const char *expected, esk_val got);
_Noreturn void esk_arity_error(int loc, esk_val proc, int given);
_Noreturn void esk_overflow_error(int loc, const char *who);
_Noreturn esk_val esk_undefined_global(int loc, const char *name);

/* Reading a global: its definition must have run. */
#define ESK_GLOBAL(g, loc, name) ((g) != ESK_UNDEFINED ? (g) : esk_undefined_global((loc), (name)))

/* Calling a procedure value: check it, then enter its code. */
ESK_INLINE esk_val esk_call(int loc, esk_val f, int argc, const esk_val *argv) {
    if (!ESK_HAS_TYPE(f, ESK_T_CLOSURE)) esk_type_error(loc, "application", "a procedure", f);
    esk_closure *c = (esk_closure *)(f - 1u);
    if (c->variadic ? argc < c->arity : argc != c->arity) esk_arity_error(loc, f, argc);
    return c->code(f, argc, argv);
}

esk_val esk_make_closure(esk_code code, int arity, int variadic, const char *name, int nslots);
esk_val esk_make_box(esk_val value);

void esk_display(esk_val v);
void esk_write(esk_val v);
void esk_newline(void);

/* ---- fixnum arithmetic: fast path inline, everything else out of line --- */
#if defined(__GNUC__) || defined(__clang__)
#define ESK_ADD_OVERFLOWS(a, b, r) __builtin_add_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_SUB_OVERFLOWS(a, b, r) __builtin_sub_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_MUL_OVERFLOWS(a, b, r) __builtin_mul_overflow((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#else
int esk_add_overflows(intptr_t a, intptr_t b, intptr_t *r);
int esk_sub_overflows(intptr_t a, intptr_t b, intptr_t *r);
int esk_mul_overflows(intptr_t a, intptr_t b, intptr_t *r);
#define ESK_ADD_OVERFLOWS(a, b, r) esk_add_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_SUB_OVERFLOWS(a, b, r) esk_sub_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#define ESK_MUL_OVERFLOWS(a, b, r) esk_mul_overflows((intptr_t)(a), (intptr_t)(b), (intptr_t *)(r))
#endif

esk_val esk_add_slow(int loc, esk_val a, esk_val b);
esk_val esk_sub_slow(int loc, esk_val a, esk_val b);
esk_val esk_mul_slow(int loc, esk_val a, esk_val b);
int esk_compare_slow(int loc, const char *who, esk_val a, esk_val b);
esk_val esk_quotient(int loc, esk_val a, esk_val b);
esk_val esk_remainder(int loc, esk_val a, esk_val b);
esk_val esk_modulo(int loc, esk_val a, esk_val b);

ESK_INLINE esk_val esk_add(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_BOTH_FIXNUM(a, b) && !ESK_ADD_OVERFLOWS(a, b, &r)) return (esk_val)r;
    return esk_add_slow(loc, a, b);
}
ESK_INLINE esk_val esk_sub(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_BOTH_FIXNUM(a, b) && !ESK_SUB_OVERFLOWS(a, b, &r)) return (esk_val)r;
    return esk_sub_slow(loc, a, b);
}
ESK_INLINE esk_val esk_mul(int loc, esk_val a, esk_val b) {
    intptr_t r;
    if (ESK_BOTH_FIXNUM(a, b) && !ESK_MUL_OVERFLOWS(ESK_FIXVAL(a), b, &r)) return (esk_val)r;
    return esk_mul_slow(loc, a, b);
}
/* Numeric comparison: -1, 0 or 1. */
ESK_INLINE int esk_compare(int loc, const char *who, esk_val a, esk_val b) {
    if (ESK_BOTH_FIXNUM(a, b)) return ((intptr_t)a > (intptr_t)b) - ((intptr_t)a < (intptr_t)b);
    return esk_compare_slow(loc, who, a, b);
}

#endif /* ESHKOL_H */
