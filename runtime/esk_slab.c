/* esk_slab.c - fixed-size objects from lock-free free lists, safe under concurrent alloc and free. */
#include "eshkol.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* A slab serves objects of one size. Its memory comes in chunks of
 * ESK_SLAB_CHUNK_SLOTS slots, never given back before esk_slab_destroy, so a
 * slot's address stays valid (and readable) for the slab's whole life: the
 * shared cells rely on that for their weak references.
 *
 * Every slot has a global index: chunk number * ESK_SLAB_CHUNK_SLOTS + slot.
 * The free list is a Treiber stack of indices whose links live in a side
 * array of each chunk (link[i]: index + 1 of the next free slot, 0 at the
 * end), never inside the objects, so what a user writes into an object can
 * never race with a link read: every access to a link or to the head is a
 * C11 atomic, which keeps ThreadSanitizer quiet and the C memory model happy.
 *
 * ABA. A pop reads the head (slot A, whose link says B) and then swings the
 * head to B with a compare-and-swap. Between the two, other threads may pop
 * A, pop B, and push A back: the head is A again but its link is no longer
 * B, and a CAS on the index alone would install a stale B. So the head is
 * one 64-bit word, version << 32 | (index + 1), and every push and pop
 * increments the version: the stale CAS sees another version and retries.
 * A 64-bit CAS is lock-free on x86-64 (cmpxchg) and aarch64 (ldaxr/stlxr or
 * casal), unlike the 128-bit CAS a pointer + counter pair would need, and
 * indices, unlike tagged pointers, need no assumption about how many bits
 * of an address are free. The version wraps after 2^32 operations; a thread
 * would have to sleep between its read and its CAS through exactly a
 * multiple of 2^32 other pushes and pops to be fooled.
 *
 * Ordering: a push writes the slot's link (relaxed), then publishes it with
 * a release CAS of the head; a pop reads the head with acquire, so the link
 * it then reads is at least as new as that push's. A pop whose slot was
 * taken meanwhile may read a newer link (even the in-use mark), but then the
 * head's version has moved on and its CAS fails.
 *
 * Each slot starts with an 8-byte prefix holding its index (written before
 * the chunk is published, read-only afterwards), so esk_slab_free finds the
 * index of an object in O(1). An allocated slot's link holds
 * ESK_SLAB_IN_USE, which catches double frees and lets esk_slab_each find
 * the live objects. */
#define ESK_SLAB_CHUNK_SLOTS 1024u
#define ESK_SLAB_MAX_CHUNKS 65536u /* 2^26 objects per slab: indices fit 32 bits */
#define ESK_SLAB_IN_USE 0xFFFFFFFFu
#define ESK_SLAB_FREEING 0xFFFFFFFEu
#define ESK_SLAB_MAGIC 0x5AB5u

/* The C test builds this file with ESK_SLAB_STRESS: a pop then often yields
 * between reading the head and swinging it, where ABA would strike. */
#ifdef ESK_SLAB_STRESS
#include <sched.h>
static _Atomic unsigned esk_slab_stress_count;
#define ESK_SLAB_RACE_WINDOW()                                                 \
    do {                                                                       \
        if ((atomic_fetch_add(&esk_slab_stress_count, 1u) & 15u) == 0) sched_yield(); \
    } while (0)
#else
#define ESK_SLAB_RACE_WINDOW() ((void)0)
#endif

typedef struct esk_slab_prefix {
    uint32_t index;
    uint32_t magic;
} esk_slab_prefix;

typedef struct esk_slab_chunk {
    _Atomic uint32_t link[ESK_SLAB_CHUNK_SLOTS];
    _Alignas(16) unsigned char slots[]; /* slot_size bytes each */
} esk_slab_chunk;

struct esk_slab {
    _Atomic uint64_t head;              /* version << 32 | (index + 1); low half 0: empty */
    _Atomic uint32_t chunk_count;       /* chunks reserved (some may not be published yet) */
    _Atomic size_t live;                /* objects allocated and not freed */
    size_t object_size, slot_size;
    _Atomic(esk_slab_chunk *) chunks[ESK_SLAB_MAX_CHUNKS];
};

static _Noreturn void esk_slab_fail(const char *message) {
    fflush(stdout);
    fprintf(stderr, "Error: %s\n", message);
    exit(1);
}

esk_slab *esk_slab_new(size_t object_size) {
    esk_slab *s = calloc(1, sizeof(esk_slab));
    if (!s) esk_slab_fail("out of memory");
    s->object_size = object_size;
    s->slot_size = (sizeof(esk_slab_prefix) + object_size + 15u) & ~(size_t)15u;
    return s;
}

void esk_slab_destroy(esk_slab *s) {
    uint32_t k, n;
    if (!s) return;
    n = atomic_load(&s->chunk_count);
    for (k = 0; k < n && k < ESK_SLAB_MAX_CHUNKS; ++k) free(atomic_load(&s->chunks[k]));
    free(s);
}

static esk_slab_chunk *esk_slab_chunk_of(esk_slab *s, uint32_t index) {
    return atomic_load_explicit(&s->chunks[index / ESK_SLAB_CHUNK_SLOTS], memory_order_acquire);
}

static _Atomic uint32_t *esk_slab_link(esk_slab *s, uint32_t index) {
    return &esk_slab_chunk_of(s, index)->link[index % ESK_SLAB_CHUNK_SLOTS];
}

static void *esk_slab_object(esk_slab *s, esk_slab_chunk *c, uint32_t slot) {
    return c->slots + (size_t)slot * s->slot_size + sizeof(esk_slab_prefix);
}

/* Pushes the chain first..last (already linked to each other) in one CAS. */
static void esk_slab_push_chain(esk_slab *s, uint32_t first, uint32_t last) {
    uint64_t old = atomic_load_explicit(&s->head, memory_order_relaxed), new_head;
    do {
        atomic_store_explicit(esk_slab_link(s, last), (uint32_t)old, memory_order_relaxed);
        new_head = (((old >> 32) + 1u) << 32) | (uint64_t)(first + 1u);
    } while (!atomic_compare_exchange_weak_explicit(&s->head, &old, new_head, memory_order_release,
                                                    memory_order_relaxed));
}

/* A fresh chunk: its first slot is returned (in use), the others go onto
 * the free list. Concurrent growers each add their own chunk. */
static uint32_t esk_slab_grow(esk_slab *s) {
    uint32_t k = atomic_fetch_add(&s->chunk_count, 1u), i, base;
    esk_slab_chunk *c;
    if (k >= ESK_SLAB_MAX_CHUNKS) esk_slab_fail("out of memory (slab full)");
    c = calloc(1, sizeof(esk_slab_chunk) + ESK_SLAB_CHUNK_SLOTS * s->slot_size);
    if (!c) esk_slab_fail("out of memory");
    base = k * ESK_SLAB_CHUNK_SLOTS;
    for (i = 0; i < ESK_SLAB_CHUNK_SLOTS; ++i) {
        esk_slab_prefix *p = (esk_slab_prefix *)(c->slots + (size_t)i * s->slot_size);
        p->index = base + i;
        p->magic = ESK_SLAB_MAGIC;
        atomic_init(&c->link[i], i + 1 < ESK_SLAB_CHUNK_SLOTS ? base + i + 2u : 0u);
    }
    atomic_init(&c->link[0], ESK_SLAB_IN_USE);
    atomic_store_explicit(&s->chunks[k], c, memory_order_release);
    esk_slab_push_chain(s, base + 1u, base + ESK_SLAB_CHUNK_SLOTS - 1u);
    return base;
}

void *esk_slab_alloc(esk_slab *s) {
    uint64_t old = atomic_load_explicit(&s->head, memory_order_acquire);
    uint32_t index;
    for (;;) {
        uint32_t top = (uint32_t)old, next;
        if (top == 0) {
            index = esk_slab_grow(s);
            break;
        }
        next = atomic_load_explicit(esk_slab_link(s, top - 1u), memory_order_relaxed);
        ESK_SLAB_RACE_WINDOW();
        if (atomic_compare_exchange_weak_explicit(&s->head, &old, (((old >> 32) + 1u) << 32) | next,
                                                  memory_order_acquire, memory_order_acquire)) {
            index = top - 1u;
            atomic_store_explicit(esk_slab_link(s, index), ESK_SLAB_IN_USE, memory_order_relaxed);
            break;
        }
    }
    atomic_fetch_add_explicit(&s->live, 1u, memory_order_relaxed);
    return esk_slab_object(s, esk_slab_chunk_of(s, index), index % ESK_SLAB_CHUNK_SLOTS);
}

void esk_slab_free(esk_slab *s, void *object) {
    esk_slab_prefix *p = (esk_slab_prefix *)((unsigned char *)object - sizeof(esk_slab_prefix));
    uint32_t previous;
    if (p->magic != ESK_SLAB_MAGIC || p->index >= atomic_load(&s->chunk_count) * ESK_SLAB_CHUNK_SLOTS)
        esk_slab_fail("slab: freeing an object the slab did not allocate");
    previous = atomic_exchange_explicit(esk_slab_link(s, p->index), ESK_SLAB_FREEING, memory_order_relaxed);
    if (previous != ESK_SLAB_IN_USE) esk_slab_fail("slab: object freed twice");
    atomic_fetch_sub_explicit(&s->live, 1u, memory_order_relaxed);
    esk_slab_push_chain(s, p->index, p->index);
}

size_t esk_slab_live(esk_slab *s) { return atomic_load_explicit(&s->live, memory_order_relaxed); }

size_t esk_slab_capacity(esk_slab *s) {
    uint32_t k, n = atomic_load(&s->chunk_count), published = 0;
    for (k = 0; k < n && k < ESK_SLAB_MAX_CHUNKS; ++k) published += atomic_load(&s->chunks[k]) != NULL;
    return (size_t)published * ESK_SLAB_CHUNK_SLOTS;
}

size_t esk_slab_bytes(esk_slab *s) {
    return esk_slab_capacity(s) / ESK_SLAB_CHUNK_SLOTS * (sizeof(esk_slab_chunk) + ESK_SLAB_CHUNK_SLOTS * s->slot_size);
}

/* The allocated objects in index order (deterministic for one thread). */
void esk_slab_each(esk_slab *s, void (*fn)(void *object, void *arg), void *arg) {
    uint32_t k, i, n = atomic_load(&s->chunk_count);
    for (k = 0; k < n && k < ESK_SLAB_MAX_CHUNKS; ++k) {
        esk_slab_chunk *c = atomic_load_explicit(&s->chunks[k], memory_order_acquire);
        if (!c) continue;
        for (i = 0; i < ESK_SLAB_CHUNK_SLOTS; ++i)
            if (atomic_load_explicit(&c->link[i], memory_order_relaxed) == ESK_SLAB_IN_USE)
                fn(esk_slab_object(s, c, i), arg);
    }
}

#undef ESK_SLAB_CHUNK_SLOTS
#undef ESK_SLAB_MAX_CHUNKS
#undef ESK_SLAB_IN_USE
#undef ESK_SLAB_FREEING
#undef ESK_SLAB_MAGIC
#undef ESK_SLAB_RACE_WINDOW
