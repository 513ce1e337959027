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

static esk_repl_name *esk_repl_names; /* open addressing, a power of two */
static size_t esk_repl_name_room, esk_repl_name_count;
static esk_val *esk_repl_chunk;       /* the chunk being filled */
static size_t esk_repl_chunk_used = ESK_REPL_CHUNK;

static size_t esk_repl_hash(const char *s) {
    size_t h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

static void esk_repl_fail(void) {
    fputs("Error: out of memory (the session's globals)\n", stderr);
    esk_exit(1);
}

static esk_repl_name *esk_repl_slot(esk_repl_name *table, size_t room, const char *name) {
    size_t i = esk_repl_hash(name) & (room - 1);
    while (table[i].name && strcmp(table[i].name, name) != 0) i = (i + 1) & (room - 1);
    return &table[i];
}

static void esk_repl_grow(void) {
    size_t room = esk_repl_name_room ? esk_repl_name_room * 2 : 256, i;
    esk_repl_name *table = calloc(room, sizeof *table);
    if (!table) esk_repl_fail();
    for (i = 0; i < esk_repl_name_room; ++i)
        if (esk_repl_names[i].name) *esk_repl_slot(table, room, esk_repl_names[i].name) = esk_repl_names[i];
    free(esk_repl_names);
    esk_repl_names = table;
    esk_repl_name_room = room;
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

/* By plain name ("map", not "map#12"): the cell the latest form that
 * defined or named it uses, for eval's interaction environment. */
static esk_repl_name *esk_repl_plain;
static size_t esk_repl_plain_room, esk_repl_plain_count;

static void esk_repl_note_plain(const char *key, esk_val *cell) {
    const char *hash = strrchr(key, '#');
    size_t n = hash ? (size_t)(hash - key) : strlen(key), i;
    esk_repl_name *slot;
    char *name;
    if (2 * (esk_repl_plain_count + 1) > esk_repl_plain_room) {
        size_t room = esk_repl_plain_room ? esk_repl_plain_room * 2 : 256;
        esk_repl_name *table = calloc(room, sizeof *table);
        if (!table) esk_repl_fail();
        for (i = 0; i < esk_repl_plain_room; ++i)
            if (esk_repl_plain[i].name) *esk_repl_slot(table, room, esk_repl_plain[i].name) = esk_repl_plain[i];
        free(esk_repl_plain);
        esk_repl_plain = table;
        esk_repl_plain_room = room;
    }
    name = malloc(n + 1);
    if (!name) esk_repl_fail();
    memcpy(name, key, n);
    name[n] = '\0';
    slot = esk_repl_slot(esk_repl_plain, esk_repl_plain_room, name);
    if (slot->name) {
        free(name);
    } else {
        slot->name = name;
        ++esk_repl_plain_count;
    }
    slot->cell = cell;
}

esk_val *esk_repl_global(const char *name) {
    esk_repl_name *slot;
    if (!esk_repl_plain_room) return NULL;
    slot = esk_repl_slot(esk_repl_plain, esk_repl_plain_room, name);
    return slot->name ? slot->cell : NULL;
}

esk_val *esk_repl_cell(const char *name) {
    esk_repl_name *slot;
    if (2 * (esk_repl_name_count + 1) > esk_repl_name_room) esk_repl_grow();
    slot = esk_repl_slot(esk_repl_names, esk_repl_name_room, name);
    if (!slot->name) {
        size_t n = strlen(name) + 1;
        slot->name = malloc(n);
        if (!slot->name) esk_repl_fail();
        memcpy(slot->name, name, n);
        slot->cell = esk_repl_new_cell();
        ++esk_repl_name_count;
        esk_repl_note_plain(name, slot->cell);
    }
    return slot->cell;
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
