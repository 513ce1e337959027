/* esk_alloc.c - the one front door for memory: the root arena, pairs, boxes. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* Until regions arrive, everything lives in the root arena: a chain of
 * blocks growing by doubling, all freed at exit. */
typedef struct esk_block {
    struct esk_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} esk_block;

static esk_block *esk_alloc_blocks;
static size_t esk_alloc_next_size = 64 * 1024;

static void *esk_alloc_take(esk_block *b, size_t bytes) {
    void *p = b->data + b->used;
    b->used += bytes;
    return p;
}

static _Noreturn void esk_alloc_out_of_memory(void) {
    fflush(stdout);
    fputs("Error: out of memory\n", stderr);
    exit(1);
}

void *esk_alloc(size_t bytes) {
    esk_block *b = esk_alloc_blocks;
    bytes = (bytes + 7u) & ~(size_t)7u;
    if (ESK_LIKELY(b && b->size - b->used >= bytes)) return esk_alloc_take(b, bytes);
    while (esk_alloc_next_size < bytes) esk_alloc_next_size *= 2;
    b = malloc(sizeof(esk_block) + esk_alloc_next_size);
    if (!b) esk_alloc_out_of_memory();
    b->next = esk_alloc_blocks;
    b->size = esk_alloc_next_size;
    b->used = 0;
    esk_alloc_blocks = b;
    if (esk_alloc_next_size < ((size_t)64 << 20)) esk_alloc_next_size *= 2;
    return esk_alloc_take(b, bytes);
}

void esk_alloc_free_all(void) {
    while (esk_alloc_blocks) {
        esk_block *next = esk_alloc_blocks->next;
        free(esk_alloc_blocks);
        esk_alloc_blocks = next;
    }
}

esk_val esk_cons(esk_val car, esk_val cdr) {
    esk_pair *p = esk_alloc(sizeof(esk_pair));
    p->car = car;
    p->cdr = cdr;
    return ESK_FROM_PAIR(p);
}

esk_val esk_make_box(esk_val value) {
    esk_box *b = esk_alloc(sizeof(esk_box));
    b->h.type = ESK_T_BOX;
    b->h.size = 1;
    b->value = value;
    return ESK_FROM_HEAP(b);
}

esk_val esk_make_vector_filled(size_t n, esk_val fill) {
    esk_vector *v = esk_alloc(sizeof(esk_vector) + n * sizeof(esk_val));
    size_t i;
    v->h.type = ESK_T_VECTOR;
    v->h.size = (uint32_t)n;
    for (i = 0; i < n; ++i) v->items[i] = fill;
    return ESK_FROM_HEAP(v);
}

esk_val esk_make_bytevector_from(const uint8_t *bytes, size_t n) {
    esk_bytevector *b = esk_alloc(sizeof(esk_bytevector) + n);
    b->h.type = ESK_T_BYTEVECTOR;
    b->h.size = (uint32_t)n;
    if (n > 0) memcpy(b->bytes, bytes, n);
    return ESK_FROM_HEAP(b);
}
