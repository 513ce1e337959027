/* esk_shared.c - shared values: reference-counted cells outside regions, weak references, the owner stack. */
#include "eshkol.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* A shared cell. Its memory comes from a slab of its own, never given back
 * to the system, so a weak reference can always read the generation of the
 * cell it points at, even after the slot was reused: the generation changes
 * when a cell is released, and a weak reference remembers the one it saw.
 * The counts are atomic, so C code on any thread may retain and release;
 * the rest (the owner stack, holds) belongs to the thread running Scheme. */
typedef struct esk_shared_hold esk_shared_hold;
struct esk_shared {
    esk_header h;                 /* type ESK_T_SHARED */
    _Atomic uint32_t strong;      /* owning references; 0 once released */
    int32_t site;                 /* esk_locs index of the (shared ...) form; 0 from C */
    _Atomic uint64_t generation;  /* bumped when released */
    esk_val value;                /* the payload */
    esk_val destructor;           /* a procedure of one argument, or #f */
    esk_val home;                 /* ESK_FALSE, or a root pair (value . destructor) holding them */
    void (*c_destructor)(esk_val value);
    esk_shared_hold *holds;       /* the regions holding a reference */
};

/* One region's reference to one cell: however many of the region's
 * containers hold the cell, the region holds one reference. */
struct esk_shared_hold {
    esk_shared *cell;
    void *region;                 /* NULL: the root region */
    esk_shared_hold *next;        /* the cell's other holds */
};

/* Something to run when a region is freed (root region: at exit). */
typedef struct esk_shared_free_action {
    void (*fn)(void *arg);
    void *arg;
    struct esk_shared_free_action *next;
} esk_shared_free_action;

#define ESK_SHARED_CELL(v) ((esk_shared *)ESK_HEAP(v))
#define ESK_SHARED_WEAK(v) ((esk_weak *)ESK_HEAP(v))

size_t esk_shared_depth;
size_t esk_tc_mark;
void (*esk_shared_note_hook)(esk_val container, esk_val shared);
void (*esk_shared_unwind_hook)(size_t mark, int count, const esk_val *keep);

static esk_slab *_Atomic esk_shared_cells;
static esk_slab *_Atomic esk_shared_holds;
static _Atomic size_t esk_shared_created;
static _Atomic size_t esk_shared_freed;
static uintptr_t *esk_shared_stack;            /* the owner stack (see eshkol.h) */
static size_t esk_shared_room;
static esk_val *const *esk_shared_globals;     /* in definition order */
static size_t esk_shared_global_count;
static esk_shared_free_action *esk_shared_root_actions;  /* newest first */

/* ---- cells ------------------------------------------------------------------ */
int esk_shared_is_cell_slow(esk_val v) {
    esk_arena *a = esk_arena_of(ESK_HEAP(v));
    if (a && a->kind == ESK_ARENA_DESTROYED) return 0;  /* unreadable, and certainly no cell */
    return ESK_HEAP(v)->type == ESK_T_SHARED;
}

static esk_slab *esk_shared_slab(esk_slab *_Atomic *slot, size_t size) {
    esk_slab *s = atomic_load_explicit(slot, memory_order_acquire), *expected = NULL;
    if (s) return s;
    s = esk_slab_new(size);
    if (atomic_compare_exchange_strong(slot, &expected, s)) return s;
    esk_slab_destroy(s);  /* another thread made it first */
    return expected;
}

static int esk_shared_in_region(esk_val v) {
    esk_arena *a = esk_arena_of_val(v);
    return a && a->kind == ESK_ARENA_REGION && a->depth > 1;
}

static esk_val esk_shared_payload(const esk_shared *c) { return c->home != ESK_FALSE ? ESK_CAR(c->home) : c->value; }

#ifndef ESK_NO_GC
/* For the collector: every cell's payload, destructor and home pair. */
ESK_STATIC void (*esk_shared_visit)(esk_val v);
ESK_STATIC void esk_shared_visit_cell(void *object, void *arg) {
    esk_shared *c = object;
    (void)arg;
    esk_shared_visit(c->value);
    esk_shared_visit(c->destructor);
    esk_shared_visit(c->home);
}
ESK_STATIC void esk_shared_gc_roots(void (*visit)(esk_val v)) {
    esk_slab *cells = atomic_load(&esk_shared_cells);
    esk_shared_visit = visit;
    if (cells) esk_slab_each(cells, esk_shared_visit_cell, NULL);
}
#endif

static esk_shared *esk_shared_alloc(esk_val value, esk_val destructor, void (*c_destructor)(esk_val), int site) {
    esk_shared *c = esk_slab_alloc(esk_shared_slab(&esk_shared_cells, sizeof(esk_shared)));
#ifndef ESK_NO_GC
    esk_gc_shared_roots = esk_shared_gc_roots;
#endif
    c->h.type = ESK_T_SHARED;
    c->h.size = 0;
    c->site = site;
    c->value = value;
    c->destructor = destructor;
    c->home = ESK_FALSE;
    /* A payload (or destructor) made in a region must outlive the region, as
     * an object a global holds would: a pair of the root region holds them,
     * and the store check promotes them when their region exits. */
    if (ESK_UNLIKELY(esk_region_depth > 1) && (esk_shared_in_region(value) || esk_shared_in_region(destructor)))
        c->home = esk_cons_root(value, destructor);
    c->c_destructor = c_destructor;
    c->holds = NULL;
    /* The generation stays as the slot's last user left it. */
    if (ESK_IS_SHARED(value)) esk_shared_retain(value);  /* a cell holding a cell owns it */
    atomic_store_explicit(&c->strong, 1u, memory_order_release);
    atomic_fetch_add_explicit(&esk_shared_created, 1u, memory_order_relaxed);
    return c;
}

void esk_shared_retain(esk_val s) { atomic_fetch_add_explicit(&ESK_SHARED_CELL(s)->strong, 1u, memory_order_relaxed); }

uint32_t esk_shared_count(esk_val s) { return atomic_load_explicit(&ESK_SHARED_CELL(s)->strong, memory_order_acquire); }

/* A destructor is Scheme code run in the middle of anything, a tail call
 * included: the trampoline registers survive it, and whatever it leaves on
 * the owner stack is released. */
static void esk_shared_call_destructor(int site, esk_val destructor, esk_val value) {
    esk_val proc = esk_tc_proc, small[16], *args = small;
    int argc = esk_tc_argc, tc_loc = esk_tc_loc, call_loc = esk_call_loc, i;
    size_t mark = esk_tc_mark, depth = esk_shared_depth;
    if (argc > 16) args = esk_alloc_raw((size_t)argc * sizeof(esk_val));
    for (i = 0; i < argc; ++i) args[i] = esk_tc_argv[i];
    esk_call1(site, destructor, value);
    if (esk_shared_depth != depth) esk_shared_leave(depth, ESK_FALSE);
    for (i = 0; i < argc; ++i) esk_tc_argv[i] = args[i];
    esk_tc_proc = proc;
    esk_tc_argc = argc;
    esk_tc_loc = tc_loc;
    esk_call_loc = call_loc;
    esk_tc_mark = mark;
}

/* The last reference went: the slot is recycled at once (a new generation
 * keeps old weak references from seeing the newcomer), then the destructor
 * runs, then what the cell held is released. */
static void esk_shared_destroy(esk_shared *c) {
    esk_val value = esk_shared_payload(c), destructor = c->home != ESK_FALSE ? ESK_CDR(c->home) : c->destructor;
    void (*c_destructor)(esk_val) = c->c_destructor;
    int site = c->site;
    atomic_fetch_add_explicit(&c->generation, 1u, memory_order_release);
    atomic_fetch_add_explicit(&esk_shared_freed, 1u, memory_order_relaxed);
    esk_slab_free(atomic_load(&esk_shared_cells), c);
    if (c_destructor) c_destructor(value);
    if (destructor != ESK_FALSE) esk_shared_call_destructor(site, destructor, value);
    if (ESK_IS_SHARED(value)) esk_shared_release(value);
}

void esk_shared_release(esk_val s) {
    esk_shared *c = ESK_SHARED_CELL(s);
    uint32_t before = atomic_fetch_sub_explicit(&c->strong, 1u, memory_order_release);
    if (before > 1u) return;
    if (before == 0) {
        fflush(stdout);
        fputs("Error: internal error: a shared value was released more often than it was retained\n", stderr);
        exit(3);
    }
    atomic_thread_fence(memory_order_acquire);
    esk_shared_destroy(c);
}

esk_val esk_shared_new(esk_val value, void (*destructor)(esk_val value)) {
    return ESK_FROM_HEAP(esk_shared_alloc(value, ESK_FALSE, destructor, 0));
}

esk_val esk_shared_weak(esk_val s) {
    esk_weak *w = esk_alloc_obj(ESK_T_WEAK, 0, sizeof(esk_weak));
    w->h.type = ESK_T_WEAK;
    w->h.size = 0;
    w->cell = ESK_SHARED_CELL(s);
    w->generation = atomic_load_explicit(&w->cell->generation, memory_order_acquire);
    return ESK_FROM_HEAP(w);
}

/* One more reference unless the count already reached 0 (never from 0 up:
 * that cell is gone, or being destroyed), and only for the same generation:
 * a reused slot's newcomer gets its reference back. */
esk_val esk_shared_upgrade(esk_val w) {
    esk_weak *weak = ESK_SHARED_WEAK(w);
    esk_shared *c = weak->cell;
    uint32_t n;
    if (atomic_load_explicit(&c->generation, memory_order_acquire) != weak->generation) return ESK_FALSE;
    n = atomic_load_explicit(&c->strong, memory_order_relaxed);
    do {
        if (n == 0) return ESK_FALSE;
    } while (!atomic_compare_exchange_weak_explicit(&c->strong, &n, n + 1u, memory_order_acquire, memory_order_relaxed));
    if (atomic_load_explicit(&c->generation, memory_order_acquire) != weak->generation) {
        esk_shared_release(ESK_FROM_HEAP(c));
        return ESK_FALSE;
    }
    return ESK_FROM_HEAP(c);
}

/* ---- regions holding cells ------------------------------------------------
 * A region's holds are released when it is freed (esk_region_at_free), in
 * the order they were taken. Objects of the root region, of no region (on
 * the C stack, in an explicit arena) are held by the root region, whose
 * holds esk_shared_finish releases at exit, newest first: a stack object or
 * an explicit arena's could not be given a shorter life safely. */
static void esk_shared_at_free(esk_val container, void (*fn)(void *), void *arg) {
    esk_arena *a = esk_arena_of_val(container);
    esk_shared_free_action *action;
    if (a && a->kind == ESK_ARENA_REGION && a->depth > 1) {
        esk_region_at_free(a->region, fn, arg);
        return;
    }
    action = malloc(sizeof *action);  /* freed when it runs */
    if (!action) {
        fputs("Error: out of memory\n", stderr);
        exit(1);
    }
    action->fn = fn;
    action->arg = arg;
    action->next = esk_shared_root_actions;
    esk_shared_root_actions = action;
}

static void esk_shared_release_hold(void *arg) {
    esk_shared_hold *h = arg, **link;
    esk_shared *c = h->cell;
    for (link = &c->holds; *link != h; link = &(*link)->next) {}
    *link = h->next;
    esk_slab_free(atomic_load(&esk_shared_holds), h);
    esk_shared_release(ESK_FROM_HEAP(c));
}

/* container now holds shared: its region holds a reference, once. */
void esk_shared_note_container(esk_val container, esk_val shared) {
    esk_shared *c = ESK_SHARED_CELL(shared);
    esk_arena *a = esk_arena_of_val(container);
    void *region = a && a->kind == ESK_ARENA_REGION && a->depth > 1 ? (void *)a->region : NULL;
    esk_shared_hold *h;
    for (h = c->holds; h; h = h->next)
        if (h->region == region) return;
    h = esk_slab_alloc(esk_shared_slab(&esk_shared_holds, sizeof(esk_shared_hold)));
    h->cell = c;
    h->region = region;
    h->next = c->holds;
    c->holds = h;
    esk_shared_retain(shared);
    esk_shared_at_free(container, esk_shared_release_hold, h);
}

/* A box (a variable captured and assigned) owns its value exactly; what it
 * holds when its region is freed is released then. */
static void esk_shared_release_box(void *arg) {
    esk_box *b = arg;
    esk_val v = b->value;
    b->value = ESK_UNDEFINED;
    if (ESK_IS_SHARED(v)) esk_shared_release(v);
}

/* ---- the owner stack --------------------------------------------------------
 * An entry is a shared cell (tag 001: that reference) or the address of a
 * variable (8-aligned, tag 000: whatever the variable holds). */
#define ESK_SHARED_IS_SLOT(e) (((e) & 7u) == 0)

static esk_val esk_shared_entry_value(uintptr_t e) { return ESK_SHARED_IS_SLOT(e) ? *(esk_val *)e : (esk_val)e; }

static void esk_shared_push(uintptr_t e) {
    if (esk_shared_depth == esk_shared_room) {
        size_t room = esk_shared_room ? esk_shared_room * 2 : 64;
        uintptr_t *bigger = realloc(esk_shared_stack, room * sizeof(uintptr_t));  /* freed at exit */
        if (!bigger) {
            fputs("Error: out of memory\n", stderr);
            exit(1);
        }
        esk_shared_stack = bigger;
        esk_shared_room = room;
    }
    esk_shared_stack[esk_shared_depth++] = e;
}

/* Releases the entries above mark, newest first, except one entry for each
 * shared value of keep[0..count): those move down, in keep's order, to just
 * above mark, as temporaries. Destructors may run meanwhile: an entry is
 * popped before it is released, so what they do sees a consistent stack. */
static size_t esk_shared_keep(size_t kept, esk_val v) {
    size_t i;
    if (ESK_HAS_TYPE(v, ESK_T_VALUES)) {  /* several results: each is kept */
        esk_values *values = (esk_values *)ESK_HEAP(v);
        for (i = 0; i < values->h.size; ++i) kept = esk_shared_keep(kept, values->items[i]);
        return kept;
    }
    if (!ESK_IS_SHARED(v)) return kept;
    for (i = kept; i < esk_shared_depth; ++i)
        if (esk_shared_entry_value(esk_shared_stack[i]) == v) break;
    if (i == esk_shared_depth) return kept;  /* borrowed from further out */
    memmove(&esk_shared_stack[kept + 1], &esk_shared_stack[kept], (i - kept) * sizeof(uintptr_t));
    esk_shared_stack[kept] = (uintptr_t)v;
    return kept + 1;
}

static void esk_shared_unwind(size_t mark, int count, const esk_val *keep) {
    size_t kept = mark;
    int j;
    for (j = 0; j < count; ++j) kept = esk_shared_keep(kept, keep[j]);
    while (esk_shared_depth > kept) {
        esk_val v = esk_shared_entry_value(esk_shared_stack[--esk_shared_depth]);
        if (ESK_IS_SHARED(v)) esk_shared_release(v);
    }
}

/* Takes the reference a new owner of v needs: the temporary above mark
 * that owns v if there is one (popped: the caller keeps its reference),
 * else a new one. Other entries above mark are released. */
static void esk_shared_take(size_t mark, esk_val v) {
    esk_shared_unwind(mark, 1, &v);
    if (esk_shared_depth > mark) --esk_shared_depth;
    else if (ESK_IS_SHARED(v)) esk_shared_retain(v);
}

void esk_shared_bind(size_t mark, esk_val v) {
    esk_shared_take(mark, v);
    if (ESK_IS_SHARED(v)) esk_shared_push(v);
}

void esk_shared_bind_slot(size_t mark, esk_val *slot) {
    esk_shared_take(mark, *slot);
    esk_shared_push((uintptr_t)slot);
}

/* For parameters: the entries above mark are the loop's arguments; one that
 * owns the value becomes the variable's, the others stay. */
void esk_shared_adopt_slot(size_t mark, esk_val *slot) {
    esk_val v = *slot;
    size_t i;
    if (ESK_IS_SHARED(v)) {
        for (i = mark; i < esk_shared_depth; ++i)
            if (esk_shared_stack[i] == (uintptr_t)v) {
                esk_shared_stack[i] = (uintptr_t)slot;
                return;
            }
        esk_shared_retain(v);
    }
    esk_shared_push((uintptr_t)slot);
}

void esk_shared_set(size_t mark, esk_val *slot, esk_val v) {
    esk_val old;
    esk_shared_take(mark, v);
    old = *slot;
    *slot = v;
    if (ESK_IS_SHARED(old)) esk_shared_release(old);  /* after the store: a destructor sees the new value */
}

/* The same for a slot of a box or a global (container NULL), which the
 * region store check watches. */
void esk_shared_store(size_t mark, const void *container, esk_val *slot, esk_val v) {
    esk_val old;
    esk_shared_take(mark, v);
    old = *slot;
    ESK_STORE(container, slot, v);
    if (ESK_IS_SHARED(old)) esk_shared_release(old);
}

esk_val esk_shared_box(size_t mark, esk_val v) {
    esk_val box;
    esk_shared_take(mark, v);
    box = esk_make_box(v);
    esk_shared_at_free(box, esk_shared_release_box, ESK_BOX(box));
    return box;
}

/* For parameters: the box takes the loop's argument entry that owns v, if any. */
esk_val esk_shared_adopt_box(size_t mark, esk_val v) {
    esk_val box;
    size_t i;
    if (ESK_IS_SHARED(v)) {
        for (i = mark; i < esk_shared_depth && esk_shared_stack[i] != (uintptr_t)v; ++i) {}
        if (i < esk_shared_depth) {
            memmove(&esk_shared_stack[i], &esk_shared_stack[i + 1], (esk_shared_depth - i - 1) * sizeof(uintptr_t));
            --esk_shared_depth;
        } else {
            esk_shared_retain(v);
        }
    }
    box = esk_make_box(v);
    esk_shared_at_free(box, esk_shared_release_box, ESK_BOX(box));
    return box;
}

void esk_shared_leave(size_t mark, esk_val result) {
    if (result == ESK_TAIL_CALL) {
        esk_shared_unwind(mark, esk_tc_argc, esk_tc_argv);  /* the pending call's arguments */
        esk_tc_mark = mark;
    } else {
        esk_shared_unwind(mark, 1, &result);
    }
}

void esk_shared_jump(size_t mark, int argc, const esk_val *argv) { esk_shared_unwind(mark, argc, argv); }

/* The trampoline of a program that tracks ownership: between bounces, what
 * the finished calls left on the owner stack goes, except what the pending
 * call (or the final result) needs. */
esk_val esk_shared_trampoline(esk_val r) {
    size_t mark = esk_tc_mark < esk_shared_depth ? esk_tc_mark : esk_shared_depth;
    while (r == ESK_TAIL_CALL) {
        esk_val f = esk_tc_proc;
        esk_closure *c = esk_check_call(esk_tc_loc, &f, esk_tc_argc);
        r = c->code(f, esk_tc_argc, esk_tc_argv);
        if (esk_shared_depth != mark) esk_shared_leave(mark, r);
    }
    return r;
}

/* A rest-parameter list is a container of the arguments. */
esk_val esk_shared_rest_list(int argc, esk_val *argv, int from) {
    esk_val list = esk_rest_list(argc, argv, from), p;
    for (p = list; ESK_IS_PAIR(p); p = ESK_CDR(p)) esk_shared_note_i(p, ESK_CAR(p));
    return list;
}

/* ---- built-in procedures ------------------------------------------------- */
static esk_shared *esk_shared_arg(int loc, const char *who, esk_val s) {
    if (!ESK_IS_SHARED(s)) esk_type_error(loc, who, "a shared value", s);
    return ESK_SHARED_CELL(s);
}

/* (shared value [destructor]): the new cell is a temporary on the owner stack. */
esk_val esk_prim_shared(int loc, esk_val value, esk_val destructor) {
    esk_val s;
    if (destructor == ESK_DEFAULT) destructor = ESK_FALSE;
    if (destructor != ESK_FALSE) {
        esk_closure *d = ESK_HAS_TYPE(destructor, ESK_T_CLOSURE) ? ESK_CLOSURE(destructor) : NULL;
        if (!d || (d->variadic ? d->arity > 1 : d->arity != 1))
            esk_type_error(loc, "shared", "a procedure of one argument (the destructor)", destructor);
    }
    s = ESK_FROM_HEAP(esk_shared_alloc(value, destructor, NULL, loc));
    esk_shared_push(s);
    return s;
}

esk_val esk_prim_weak_ref(int loc, esk_val s) {
    esk_shared_arg(loc, "weak-ref", s);
    return esk_shared_weak(s);
}

esk_val esk_prim_strong_ref(int loc, esk_val w) {
    esk_val s;
    if (!ESK_HAS_TYPE(w, ESK_T_WEAK)) esk_type_error(loc, "strong-ref", "a weak reference", w);
    s = esk_shared_upgrade(w);
    if (s != ESK_FALSE) esk_shared_push(s);  /* the new reference is a temporary */
    return s;
}

esk_val esk_prim_ref_count(int loc, esk_val s) {
    return ESK_FIX(atomic_load_explicit(&esk_shared_arg(loc, "ref-count", s)->strong, memory_order_acquire));
}

esk_val esk_prim_shared_value(int loc, esk_val s) { return esk_shared_payload(esk_shared_arg(loc, "shared-value", s)); }

esk_val esk_shared_contents(esk_val v) {
    while (ESK_IS_SHARED(v)) v = esk_shared_payload(ESK_SHARED_CELL(v));
    return v;
}

esk_val esk_prim_shared_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_IS_SHARED(x));
}

esk_val esk_prim_weak_ref_p(int loc, esk_val x) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(x, ESK_T_WEAK));
}

/* ---- start and end -------------------------------------------------------- */
void esk_shared_init(esk_val *const *globals, size_t count) {
    esk_shared_globals = globals;
    esk_shared_global_count = count;
    esk_shared_note_hook = esk_shared_note_container;
    esk_shared_unwind_hook = esk_shared_unwind;
    esk_at_exit_release = esk_shared_finish;
    esk_memstats_extra = esk_memstats_shared;
}

/* At the end (or (exit)), every owner lets go, innermost first: the live
 * bindings, then the globals in reverse definition order (a released global
 * reads as undefined afterwards), then the root region's containers. What
 * is still alive after that is listed by the memory report. */
void esk_shared_finish(void) {
    static int finishing;
    size_t i;
    if (finishing) return;
    finishing = 1;
    esk_shared_unwind(0, 0, NULL);
    for (i = esk_shared_global_count; i-- > 0;) {
        esk_val v = *esk_shared_globals[i];
        if (!ESK_IS_SHARED(v)) continue;
        *esk_shared_globals[i] = ESK_UNDEFINED;
        esk_shared_release(v);
    }
    while (esk_shared_root_actions) {
        esk_shared_free_action *a = esk_shared_root_actions;
        esk_shared_root_actions = a->next;
        a->fn(a->arg);
        free(a);
    }
    esk_shared_unwind(0, 0, NULL);
    free(esk_shared_stack);
    esk_shared_stack = NULL;
    esk_shared_room = 0;
}

/* ---- the memory report ------------------------------------------------------ */
typedef struct esk_shared_alive {
    esk_shared **cells;
    size_t count, room;
} esk_shared_alive;

static void esk_shared_collect(void *object, void *arg) {
    esk_shared_alive *a = arg;
    esk_shared *c = object;
    if (atomic_load_explicit(&c->strong, memory_order_acquire) == 0) return;
    if (a->count == a->room) {
        size_t room = a->room ? a->room * 2 : 16;
        esk_shared **bigger = realloc(a->cells, room * sizeof(esk_shared *));
        if (!bigger) return;
        a->cells = bigger;
        a->room = room;
    }
    a->cells[a->count++] = c;
}

static int esk_shared_by_site(const void *x, const void *y) {
    const esk_shared *a = *(esk_shared *const *)x, *b = *(esk_shared *const *)y;
    const esk_loc *la = &esk_locs[a->site], *lb = &esk_locs[b->site];
    int c = strcmp(la->file, lb->file);
    if (c) return c;
    if (la->line != lb->line) return la->line < lb->line ? -1 : 1;
    if (la->col != lb->col) return la->col < lb->col ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* The shared part of the memory report (esk_memstats_print calls it):
 * "shared values: N created, M freed, K alive", then each one alive with the
 * place of its (shared ...) form and its count, by place. */
void esk_memstats_shared(FILE *out) {
    esk_slab *cells = atomic_load(&esk_shared_cells);
    esk_shared_alive alive = {NULL, 0, 0};
    size_t i;
    if (cells) esk_slab_each(cells, esk_shared_collect, &alive);
    if (alive.count > 1) qsort(alive.cells, alive.count, sizeof(esk_shared *), esk_shared_by_site);
    fprintf(out, "  shared values: %zu created, %zu freed, %zu alive\n", atomic_load(&esk_shared_created),
            atomic_load(&esk_shared_freed), alive.count);
    for (i = 0; i < alive.count; ++i) {
        const esk_shared *c = alive.cells[i];
        uint32_t n = atomic_load(&alive.cells[i]->strong);
        if (c->site > 0)
            fprintf(out, "    alive: %s:%d:%d, %u reference%s\n", esk_locs[c->site].file, esk_locs[c->site].line,
                    esk_locs[c->site].col, n, n == 1 ? "" : "s");
        else
            fprintf(out, "    alive: made by C code, %u reference%s\n", n, n == 1 ? "" : "s");
    }
    free(alive.cells);
}

#undef ESK_SHARED_CELL
#undef ESK_SHARED_WEAK
#undef ESK_SHARED_IS_SLOT
