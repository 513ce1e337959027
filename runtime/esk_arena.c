/* esk_arena.c - explicit arenas from Scheme: make-arena, arena-alloc,
 * copy-to-arena, destroy-arena. The memory itself is esk_alloc.c's. */
#include "eshkol.h"

#include <string.h>

static esk_arena *esk_arn_arg(int loc, const char *who, esk_val v) {
    esk_arena *a;
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_ARENA)))) esk_type_error(loc, who, "an arena", v);
    a = ((esk_arena_handle *)ESK_HEAP(v))->arena;
    if (a->kind == ESK_ARENA_DESTROYED) {
        char message[128];
        snprintf(message, sizeof message, "%s: the arena was destroyed", who);
        esk_raise_error(loc, message, ESK_NIL);
    }
    return a;
}

static size_t esk_arn_size_arg(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_FIXNUM(v) || ESK_FIXVAL(v) < 0 || ESK_FIXVAL(v) > (intptr_t)INT32_MAX)))
        esk_type_error(loc, who, "a size (an exact integer from 0 to 2147483647)", v);
    return (size_t)ESK_FIXVAL(v);
}

/* (make-arena size): size is a hint for the first block. */
esk_val esk_make_arena(int loc, esk_val size) {
    size_t hint = size == ESK_DEFAULT ? 0 : esk_arn_size_arg(loc, "make-arena", size);
    esk_arena_handle *h = esk_alloc_obj(ESK_T_ARENA, 0, sizeof *h);
    h->h.type = ESK_T_ARENA;
    h->h.size = 0;
    h->arena = esk_arena_create(hint);
    return ESK_FROM_HEAP(h);
}

esk_val esk_arena_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_ARENA));
}

/* (arena-alloc arena n): a bytevector of n zero bytes living in the arena. */
esk_val esk_arena_alloc(int loc, esk_val arena, esk_val n) {
    esk_arena *a = esk_arn_arg(loc, "arena-alloc", arena);
    size_t length = esk_arn_size_arg(loc, "arena-alloc", n);
    esk_bytevector *b = esk_alloc_obj(ESK_T_BYTEVECTOR, 0, sizeof *b);
    b->h.type = ESK_T_BYTEVECTOR;
    b->h.size = 0;  /* the bytes are not the object's: no inline fast path */
    b->length = length;
    b->bytes = esk_alloc_in(a, length ? length : 1);
    memset(b->bytes, 0, length);
    return ESK_FROM_HEAP(b);
}

/* (copy-to-arena value arena): a deep copy living in the arena (sharing
 * and cycles kept; symbols are shared, being immortal). */
esk_val esk_copy_to_arena(int loc, esk_val value, esk_val arena) {
    esk_arena *a = esk_arn_arg(loc, "copy-to-arena", arena);
    return esk_promote(value, NULL, a);
}

esk_val esk_destroy_arena(int loc, esk_val arena) {
    esk_arena_destroy(esk_arn_arg(loc, "destroy-arena", arena));
    return ESK_UNSPECIFIED;
}
