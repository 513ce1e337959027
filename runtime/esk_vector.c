/* esk_vector.c - vectors, bytevectors, and the index/range/list checks every sequence procedure shares. */
#include "eshkol.h"

#include <string.h>

/* ---- argument checks --------------------------------------------------------- */
/* Not an exact integer: a type error. A negative one, a bignum, or one at or
 * past limit: out of range. */
size_t esk_seq_index(int loc, const char *who, esk_val index, size_t limit, esk_val object) {
    if (ESK_LIKELY(ESK_IS_FIXNUM(index))) {
        if (ESK_FIXVAL(index) >= 0 && (uintptr_t)ESK_FIXVAL(index) < limit) return (size_t)ESK_FIXVAL(index);
    } else if (!ESK_HAS_TYPE(index, ESK_T_BIGNUM)) {
        esk_type_error(loc, who, "an exact integer", index);
    }
    esk_range_error(loc, who, index, object);
}

void esk_seq_range(int loc, const char *who, esk_val object, size_t length, esk_val start, esk_val end,
                   size_t *from, size_t *to) {
    *from = start == ESK_DEFAULT ? 0 : esk_seq_index(loc, who, start, length + 1, object);
    if (end == ESK_DEFAULT) {
        *to = length;
        return;
    }
    /* end runs from start to length: below start is out of range too */
    size_t e = esk_seq_index(loc, who, end, length + 1, object);
    if (e < *from) esk_range_error(loc, who, end, object);
    *to = e;
}

/* Floyd's cycle check keeps circular lists from looping forever. */
size_t esk_seq_list_length(int loc, const char *who, esk_val list) {
    esk_val slow = list, fast = list;
    size_t n = 0;
    for (;;) {
        if (fast == ESK_NIL) return n;
        if (!ESK_IS_PAIR(fast)) break;
        fast = ESK_CDR(fast), ++n;
        if (fast == ESK_NIL) return n;
        if (!ESK_IS_PAIR(fast)) break;
        fast = ESK_CDR(fast), ++n;
        slow = ESK_CDR(slow);
        if (fast == slow) break;
    }
    esk_type_error(loc, who, "a proper list", list);
}

size_t esk_seq_length_arg(int loc, const char *who, esk_val k) {
    if (ESK_UNLIKELY(ESK_REFUSE(k, !ESK_IS_FIXNUM(k) || ESK_FIXVAL(k) < 0 || (uintptr_t)ESK_FIXVAL(k) > ESK_SEQ_MAX_LENGTH)))
        esk_type_error(loc, who, "a length (an exact integer from 0 to 2147483647)", k);
    return (size_t)ESK_FIXVAL(k);
}

/* ---- vectors: storage ------------------------------------------------------------
 * Every store of a value into a vector goes through esk_vec_store: the one
 * place for the region store check. */
ESK_INLINE void esk_vec_store(esk_vector *v, size_t i, esk_val x) {
    ESK_STORE(v, &v->items[i], x);
    if (ESK_UNLIKELY(esk_shared_note_hook != NULL) && ESK_IS_SHARED(x)) esk_shared_note_hook(ESK_FROM_HEAP(v), x);
}

esk_val esk_vector_alloc(size_t length, esk_val fill) {
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(0, "vector: too long", ESK_UNSPECIFIED);
    esk_vector *v = esk_alloc_obj(ESK_T_VECTOR, (uint32_t)length, sizeof(esk_vector) + length * sizeof(esk_val));
    v->h.type = ESK_T_VECTOR;
    v->h.size = (uint32_t)length;
    for (size_t i = 0; i < length; ++i) v->items[i] = fill;
    return ESK_FROM_HEAP(v);
}

esk_val esk_vector_from(size_t length, const esk_val *items) {
    esk_val r = esk_vector_alloc(length, ESK_FALSE);
    for (size_t i = 0; i < length; ++i) esk_vec_store(ESK_VECTOR(r), i, items[i]);
    return r;
}

static esk_vector *esk_vec_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_VECTOR)))) esk_type_error(loc, who, "a vector", v);
    return ESK_VECTOR(v);
}

/* ---- vectors: procedures -------------------------------------------------------- */
esk_val esk_vector_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_VECTOR));
}

/* (make-vector k [fill]): the fill defaults to #f. */
esk_val esk_make_vector(int loc, esk_val k, esk_val fill) {
    size_t n = esk_seq_length_arg(loc, "make-vector", k);
    return esk_vector_alloc(n, fill == ESK_DEFAULT ? ESK_FALSE : fill);
}

esk_val esk_vector_of(int loc, int argc, esk_val *argv) {
    (void)loc;
    return esk_vector_from((size_t)argc, argv);
}

esk_val esk_vector_length(int loc, esk_val v) {
    return ESK_FIX(esk_vec_arg(loc, "vector-length", v)->h.size);
}

esk_val esk_vector_ref(int loc, esk_val vv, esk_val k) {
    esk_vector *v = esk_vec_arg(loc, "vector-ref", vv);
    return v->items[esk_seq_index(loc, "vector-ref", k, v->h.size, vv)];
}

esk_val esk_vector_set_x(int loc, esk_val vv, esk_val k, esk_val x) {
    esk_vector *v = esk_vec_arg(loc, "vector-set!", vv);
    esk_vec_store(v, esk_seq_index(loc, "vector-set!", k, v->h.size, vv), x);
    return ESK_UNSPECIFIED;
}

esk_val esk_vector_to_list(int loc, esk_val vv, esk_val start, esk_val end) {
    esk_vector *v = esk_vec_arg(loc, "vector->list", vv);
    size_t from, to;
    esk_seq_range(loc, "vector->list", vv, v->h.size, start, end, &from, &to);
    esk_val list = ESK_NIL;
    while (to > from) list = esk_cons(v->items[--to], list);
    return list;
}

esk_val esk_list_to_vector(int loc, esk_val list) {
    size_t n = esk_seq_list_length(loc, "list->vector", list = esk_see_through(list));
    esk_val r = esk_vector_alloc(n, ESK_FALSE);
    for (size_t i = 0; i < n; ++i, list = ESK_CDR(list)) esk_vec_store(ESK_VECTOR(r), i, ESK_CAR(list));
    return r;
}

esk_val esk_vector_fill_x(int loc, esk_val vv, esk_val x, esk_val start, esk_val end) {
    esk_vector *v = esk_vec_arg(loc, "vector-fill!", vv);
    size_t from, to;
    esk_seq_range(loc, "vector-fill!", vv, v->h.size, start, end, &from, &to);
    for (size_t i = from; i < to; ++i) esk_vec_store(v, i, x);
    return ESK_UNSPECIFIED;
}

esk_val esk_vector_copy(int loc, esk_val vv, esk_val start, esk_val end) {
    esk_vector *v = esk_vec_arg(loc, "vector-copy", vv);
    size_t from, to;
    esk_seq_range(loc, "vector-copy", vv, v->h.size, start, end, &from, &to);
    return esk_vector_from(to - from, v->items + from);
}

/* (vector-copy! to at from [start end]): overlapping ranges copy correctly. */
esk_val esk_vector_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end) {
    esk_vector *dst = esk_vec_arg(loc, "vector-copy!", to);
    esk_vector *src = esk_vec_arg(loc, "vector-copy!", from);
    size_t i = esk_seq_index(loc, "vector-copy!", at, (size_t)dst->h.size + 1, to), lo, hi;
    esk_seq_range(loc, "vector-copy!", from, src->h.size, start, end, &lo, &hi);
    if (hi - lo > dst->h.size - i) esk_range_error(loc, "vector-copy!", at, to);
    if (dst == src && i > lo) {
        for (size_t k = hi - lo; k-- > 0;) esk_vec_store(dst, i + k, src->items[lo + k]);
    } else {
        for (size_t k = 0; k < hi - lo; ++k) esk_vec_store(dst, i + k, src->items[lo + k]);
    }
    return ESK_UNSPECIFIED;
}

esk_val esk_vector_append(int loc, int argc, esk_val *argv) {
    size_t length = 0, at = 0;
    for (int i = 0; i < argc; ++i) length += esk_vec_arg(loc, "vector-append", argv[i] = esk_see_through(argv[i]))->h.size;
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(loc, "vector-append: result too long", ESK_FIX((intptr_t)length));
    esk_val r = esk_vector_alloc(length, ESK_FALSE);
    for (int i = 0; i < argc; ++i) {
        esk_vector *v = ESK_VECTOR(argv[i]);
        for (size_t k = 0; k < v->h.size; ++k) esk_vec_store(ESK_VECTOR(r), at++, v->items[k]);
    }
    return r;
}

/* ---- vector-map, vector-for-each ------------------------------------------------ */
#define ESK_VEC_MAX_INLINE_ARGS 8

/* Checks (proc vector1 vector2 ...) and returns the shortest length. */
static size_t esk_vec_check_walk(int loc, const char *who, int argc, esk_val *argv) {
    size_t shortest = ESK_SEQ_MAX_LENGTH;
    argv[0] = esk_see_through(argv[0]);  /* shared values: their contents */
    if (!ESK_HAS_TYPE(argv[0], ESK_T_CLOSURE)) esk_type_error(loc, who, "a procedure", argv[0]);
    for (int k = 1; k < argc; ++k) {
        esk_vector *v = esk_vec_arg(loc, who, argv[k] = esk_see_through(argv[k]));
        if (v->h.size < shortest) shortest = v->h.size;
    }
    return shortest;
}

static esk_val esk_vec_call_at(int loc, int argc, esk_val *argv, size_t i, esk_val *args) {
    for (int k = 1; k < argc; ++k) args[k - 1] = ESK_VECTOR(argv[k])->items[i];
    return esk_apply_proc(loc, argv[0], argc - 1, args);
}

static esk_val *esk_vec_arg_buffer(int count, esk_val *inline_buffer) {
    return count <= ESK_VEC_MAX_INLINE_ARGS ? inline_buffer : esk_alloc_raw(sizeof(esk_val) * (size_t)count);
}

esk_val esk_vector_map(int loc, int argc, esk_val *argv) {
    esk_val inline_args[ESK_VEC_MAX_INLINE_ARGS];
    size_t n = esk_vec_check_walk(loc, "vector-map", argc, argv);
    esk_val *args = esk_vec_arg_buffer(argc - 1, inline_args);
    esk_val r = esk_vector_alloc(n, ESK_FALSE);
    for (size_t i = 0; i < n; ++i) esk_vec_store(ESK_VECTOR(r), i, esk_vec_call_at(loc, argc, argv, i, args));
    return r;
}

esk_val esk_vector_for_each(int loc, int argc, esk_val *argv) {
    esk_val inline_args[ESK_VEC_MAX_INLINE_ARGS];
    size_t n = esk_vec_check_walk(loc, "vector-for-each", argc, argv);
    esk_val *args = esk_vec_arg_buffer(argc - 1, inline_args);
    for (size_t i = 0; i < n; ++i) esk_vec_call_at(loc, argc, argv, i, args);
    return ESK_UNSPECIFIED;
}

/* ---- bytevectors ------------------------------------------------------------------- */
esk_val esk_bytevector_alloc(size_t length, uint8_t fill) {
    if (length > ESK_SEQ_MAX_LENGTH) esk_error(0, "bytevector: too long", ESK_UNSPECIFIED);
    esk_bytevector *b = esk_alloc_obj(ESK_T_BYTEVECTOR, (uint32_t)length, sizeof(esk_bytevector) + length);
    b->h.type = ESK_T_BYTEVECTOR;
    b->h.size = (uint32_t)length;
    b->length = length;
    b->bytes = b->data;
    memset(b->data, fill, length);
    return ESK_FROM_HEAP(b);
}

esk_val esk_bytevector_from(const uint8_t *bytes, size_t length) {
    esk_val r = esk_bytevector_alloc(length, 0);
    if (length) memcpy(ESK_BYTEVECTOR(r)->bytes, bytes, length);
    return r;
}

/* A bytevector argument whose bytes are still there: out-of-line bytes live
 * in an explicit arena, which destroy-arena may have unmapped. */
static esk_bytevector *esk_vec_bytes_arg(int loc, const char *who, esk_val v) {
    esk_bytevector *b;
    esk_arena *home;
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_BYTEVECTOR)))) esk_type_error(loc, who, "a bytevector", v);
    b = ESK_BYTEVECTOR(v);
    home = b->bytes == b->data ? NULL : esk_arena_of(b->bytes);
    if (ESK_UNLIKELY(home && home->kind == ESK_ARENA_DESTROYED)) {
        char message[160];
        snprintf(message, sizeof message, "%s: the bytevector's arena was destroyed", who);
        esk_raise_error(loc, message, ESK_NIL);
    }
    return b;
}

static uint8_t esk_vec_byte_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_FIXNUM(v) || ESK_FIXVAL(v) < 0 || ESK_FIXVAL(v) > 255)))
        esk_type_error(loc, who, "a byte (an exact integer from 0 to 255)", v);
    return (uint8_t)ESK_FIXVAL(v);
}

esk_val esk_bytevector_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_BYTEVECTOR));
}

/* (make-bytevector k [byte]): the fill defaults to 0. */
esk_val esk_make_bytevector(int loc, esk_val k, esk_val fill) {
    size_t n = esk_seq_length_arg(loc, "make-bytevector", k);
    return esk_bytevector_alloc(n, fill == ESK_DEFAULT ? 0 : esk_vec_byte_arg(loc, "make-bytevector", fill));
}

esk_val esk_bytevector_of(int loc, int argc, esk_val *argv) {
    esk_val r = esk_bytevector_alloc((size_t)argc, 0);
    for (int i = 0; i < argc; ++i) ESK_BYTEVECTOR(r)->bytes[i] = esk_vec_byte_arg(loc, "bytevector", argv[i]);
    return r;
}

esk_val esk_bytevector_length(int loc, esk_val bv) {
    return ESK_FIX(esk_vec_bytes_arg(loc, "bytevector-length", bv)->length);
}

esk_val esk_bytevector_u8_ref(int loc, esk_val bv, esk_val k) {
    esk_bytevector *b = esk_vec_bytes_arg(loc, "bytevector-u8-ref", bv);
    return ESK_FIX(b->bytes[esk_seq_index(loc, "bytevector-u8-ref", k, b->length, bv)]);
}

esk_val esk_bytevector_u8_set_x(int loc, esk_val bv, esk_val k, esk_val byte) {
    esk_bytevector *b = esk_vec_bytes_arg(loc, "bytevector-u8-set!", bv);
    size_t i = esk_seq_index(loc, "bytevector-u8-set!", k, b->length, bv);
    b->bytes[i] = esk_vec_byte_arg(loc, "bytevector-u8-set!", byte);
    return ESK_UNSPECIFIED;
}

esk_val esk_bytevector_copy(int loc, esk_val bv, esk_val start, esk_val end) {
    esk_bytevector *b = esk_vec_bytes_arg(loc, "bytevector-copy", bv);
    size_t from, to;
    esk_seq_range(loc, "bytevector-copy", bv, b->length, start, end, &from, &to);
    return esk_bytevector_from(b->bytes + from, to - from);
}

/* (bytevector-copy! to at from [start end]) */
esk_val esk_bytevector_copy_x(int loc, esk_val to, esk_val at, esk_val from, esk_val start, esk_val end) {
    esk_bytevector *dst = esk_vec_bytes_arg(loc, "bytevector-copy!", to);
    esk_bytevector *src = esk_vec_bytes_arg(loc, "bytevector-copy!", from);
    size_t i = esk_seq_index(loc, "bytevector-copy!", at, dst->length + 1, to), lo, hi;
    esk_seq_range(loc, "bytevector-copy!", from, src->length, start, end, &lo, &hi);
    if (hi - lo > dst->length - i) esk_range_error(loc, "bytevector-copy!", at, to);
    if (hi > lo) memmove(dst->bytes + i, src->bytes + lo, hi - lo);
    return ESK_UNSPECIFIED;
}

esk_val esk_bytevector_append(int loc, int argc, esk_val *argv) {
    size_t length = 0, at = 0;
    for (int i = 0; i < argc; ++i) length += esk_vec_bytes_arg(loc, "bytevector-append", argv[i] = esk_see_through(argv[i]))->length;
    if (length > ESK_SEQ_MAX_LENGTH)
        esk_error(loc, "bytevector-append: result too long", ESK_FIX((intptr_t)length));
    esk_val r = esk_bytevector_alloc(length, 0);
    for (int i = 0; i < argc; ++i) {
        esk_bytevector *b = ESK_BYTEVECTOR(argv[i]);
        if (b->length) memcpy(ESK_BYTEVECTOR(r)->bytes + at, b->bytes, b->length);
        at += b->length;
    }
    return r;
}

#undef ESK_VEC_MAX_INLINE_ARGS
