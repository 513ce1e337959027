/* esk_repl.c - the interactive session's state: the cells of its globals and its source locations. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* Every form of a session is a C unit of its own, so a global cannot be a
 * C variable: it is a cell here, found by name once when the form is
 * loaded. Cells live in chunks that never move (a form keeps pointers to
 * them), each chunk a precise root table of the collector. */
#define ESK_REPL_CHUNK 256

typedef struct esk_repl_name {
    char *name;
    esk_val *cell;
} esk_repl_name;

/* Names to cells: open addressing, room a power of two. */
typedef struct esk_repl_table {
    esk_repl_name *slots;
    size_t room, count;
} esk_repl_table;

static esk_repl_table esk_repl_keys;  /* by key, "map#12": one cell each */
static esk_repl_table esk_repl_plain; /* by plain name, "map": the newest key's cell (eval) */
static esk_val *esk_repl_chunk;       /* the chunk being filled */
static size_t esk_repl_chunk_used = ESK_REPL_CHUNK;

static size_t esk_repl_hash(const char *s, size_t n) {
    size_t h = 5381;
    while (n-- > 0) h = h * 33 + (unsigned char)*s++;
    return h;
}

static void esk_repl_fail(void) {
    fputs("Error: out of memory (the session's globals)\n", stderr);
    esk_exit(1);
}

/* The slot of the first n bytes of name: its entry, or the empty one it would take. */
static esk_repl_name *esk_repl_slot(const esk_repl_table *t, const char *name, size_t n) {
    size_t i = esk_repl_hash(name, n) & (t->room - 1);
    while (t->slots[i].name && (strncmp(t->slots[i].name, name, n) != 0 || t->slots[i].name[n] != '\0'))
        i = (i + 1) & (t->room - 1);
    return &t->slots[i];
}

/* The entry of the first n bytes of name, made (with no cell) if new. */
static esk_repl_name *esk_repl_enter(esk_repl_table *t, const char *name, size_t n) {
    esk_repl_name *slot;
    if (2 * (t->count + 1) > t->room) {
        esk_repl_table grown = {NULL, t->room ? t->room * 2 : 256, t->count};
        size_t i;
        grown.slots = calloc(grown.room, sizeof *grown.slots);
        if (!grown.slots) esk_repl_fail();
        for (i = 0; i < t->room; ++i)
            if (t->slots[i].name) *esk_repl_slot(&grown, t->slots[i].name, strlen(t->slots[i].name)) = t->slots[i];
        free(t->slots);
        *t = grown;
    }
    slot = esk_repl_slot(t, name, n);
    if (!slot->name) {
        slot->name = malloc(n + 1);
        if (!slot->name) esk_repl_fail();
        memcpy(slot->name, name, n);
        slot->name[n] = '\0';
        slot->cell = NULL;
        ++t->count;
    }
    return slot;
}

static esk_val *esk_repl_new_cell(void) {
    if (esk_repl_chunk_used == ESK_REPL_CHUNK) {
        esk_val **roots = malloc(ESK_REPL_CHUNK * sizeof *roots);
        size_t i;
        esk_repl_chunk = malloc(ESK_REPL_CHUNK * sizeof *esk_repl_chunk);
        if (!esk_repl_chunk || !roots) esk_repl_fail();
        for (i = 0; i < ESK_REPL_CHUNK; ++i) {
            esk_repl_chunk[i] = ESK_UNDEFINED;
            roots[i] = &esk_repl_chunk[i];
        }
#ifndef ESK_NO_GC
        esk_gc_add_roots(roots, ESK_REPL_CHUNK);
#endif
        esk_repl_chunk_used = 0;
    }
    return &esk_repl_chunk[esk_repl_chunk_used++];
}

esk_val *esk_repl_cell(const char *key) {
    esk_repl_name *slot = esk_repl_enter(&esk_repl_keys, key, strlen(key));
    if (!slot->cell) {
        const char *hash = strrchr(key, '#');
        slot->cell = esk_repl_new_cell();
        esk_repl_enter(&esk_repl_plain, key, hash ? (size_t)(hash - key) : strlen(key))->cell = slot->cell;
    }
    return slot->cell;
}

esk_val *esk_repl_global(const char *name) {
    esk_repl_name *slot;
    if (!esk_repl_plain.room) return NULL;
    slot = esk_repl_slot(&esk_repl_plain, name, strlen(name));
    return slot->name ? slot->cell : NULL;
}

/* Locations: one numbering for the whole session, since an error may come
 * from code an earlier form compiled while a later one runs. */
static esk_loc *esk_repl_loc_table;
static size_t esk_repl_loc_room;

void esk_repl_locs(const esk_loc *table, int base, int count) {
    size_t need = (size_t)base + (size_t)count, i;
    if (need > esk_repl_loc_room) {
        size_t room = esk_repl_loc_room ? esk_repl_loc_room : 1024;
        esk_loc *grown;
        while (room < need) room *= 2;
        grown = realloc(esk_repl_loc_table, room * sizeof *grown);
        if (!grown) esk_repl_fail();
        if (!esk_repl_loc_table) grown[0] = esk_locs[0];
        esk_repl_loc_table = grown;
        esk_repl_loc_room = room;
    }
    for (i = 1; i < (size_t)count; ++i) esk_repl_loc_table[(size_t)base + i - 1] = table[i];
    esk_locs = esk_repl_loc_table;
}

#undef ESK_REPL_CHUNK
