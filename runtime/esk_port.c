/* esk_port.c - ports: files, strings and bytevectors; byte and character I/O; the current ports. */
#include "eshkol.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes a file input port reads ahead. */
#define ESK_PORT_BUFFER 4096

/* Where the built-in being run was called: low-level I/O failures report it. */
static int esk_port_loc;

/* ---- file input buffers --------------------------------------------------
 * malloc'd, one per open file input port, freed by close-port. They hang
 * on one list so that memory still in use at exit stays reachable (leak
 * checkers look from static roots; the port objects themselves die with
 * the arena first). */
typedef struct esk_port_block {
    struct esk_port_block *prev, *next;
    unsigned char bytes[ESK_PORT_BUFFER];
} esk_port_block;

static esk_port_block *esk_port_blocks;

static unsigned char *esk_port_block_new(void) {
    esk_port_block *b = malloc(sizeof(esk_port_block));
    if (!b) esk_error(esk_port_loc, "opening a file: out of memory", ESK_UNSPECIFIED);
    b->prev = NULL;
    b->next = esk_port_blocks;
    if (esk_port_blocks) esk_port_blocks->prev = b;
    esk_port_blocks = b;
    return b->bytes;
}

static void esk_port_block_free(unsigned char *bytes) {
    esk_port_block *b = (esk_port_block *)(void *)(bytes - offsetof(esk_port_block, bytes));
    if (b->prev) b->prev->next = b->next;
    else esk_port_blocks = b->next;
    if (b->next) b->next->prev = b->prev;
    free(b);
}

/* ---- the standard streams ------------------------------------------------ */
static esk_port esk_port_std[3]; /* 8-byte aligned, as esk_val needs: the struct holds pointers */
static unsigned char esk_port_stdin_buffer[ESK_PORT_BUFFER];

esk_port *esk_port_stdio(int which) {
    esk_port *p = &esk_port_std[which];
    if (p->h.type != ESK_T_PORT) {
        p->h.type = ESK_T_PORT;
        p->flags = ESK_PORT_OPEN | ESK_PORT_FILE | (which == 0 ? ESK_PORT_INPUT : ESK_PORT_OUTPUT);
        p->file = which == 0 ? stdin : which == 1 ? stdout : stderr;
        p->fd = which;
        p->buf = which == 0 ? esk_port_stdin_buffer : NULL;
        p->data = ESK_FALSE;
        p->name = ESK_FALSE;
    }
    return p;
}

/* ---- errors ------------------------------------------------------------------ */
/* A file-error? condition: "who: what (reason)" with the file name. */
static _Noreturn void esk_port_file_error(int loc, const char *who, const char *what, int err, esk_val name) {
    char message[512];
    const char *reason = err ? strerror(err) : NULL;
    if (reason) snprintf(message, sizeof message, "%s: %s (%s)", who, what, reason);
    else snprintf(message, sizeof message, "%s: %s", who, what);
    esk_raise(loc, esk_make_condition(ESK_COND_FILE, loc, esk_string_from_utf8(message, strlen(message)),
                                      name == ESK_FALSE ? ESK_NIL : esk_cons(name, ESK_NIL)));
}

/* ---- output ---------------------------------------------------------------- */
/* The one store into a port after it is made: store-checked, as the port
 * may be older than the region making the new bytes. */
void esk_port_set_data(esk_port *p, esk_val bytevector) { ESK_STORE(p, &p->data, bytevector); }

/* Memory output grows by doubling: the bytes so far move to a new bytevector. */
static uint8_t *esk_port_room(esk_port *p, size_t n) {
    size_t have = p->data == ESK_FALSE ? 0 : ESK_BYTEVECTOR(p->data)->length;
    if (p->end + n > have) {
        size_t want = have ? have : 64;
        esk_val bigger;
        while (want < p->end + n) want *= 2;
        if (want > ESK_SEQ_MAX_LENGTH) {
            if (p->end + n > ESK_SEQ_MAX_LENGTH) esk_error(esk_port_loc, "output port: string or bytevector too long", ESK_UNSPECIFIED);
            want = ESK_SEQ_MAX_LENGTH;
        }
        bigger = esk_bytevector_alloc(want, 0);
        if (p->end) memcpy(ESK_BYTEVECTOR(bigger)->bytes, ESK_BYTEVECTOR(p->data)->bytes, p->end);
        esk_port_set_data(p, bigger);
    }
    return ESK_BYTEVECTOR(p->data)->bytes + p->end;
}

void esk_port_write(esk_port *p, const void *bytes, size_t n) {
    if (n == 0) return;
    if (p->flags & ESK_PORT_FILE) {
        fwrite(bytes, 1, n, p->file);
        return;
    }
    memcpy(esk_port_room(p, n), bytes, n);
    p->end += n;
}

void esk_port_puts(esk_port *p, const char *s) { esk_port_write(p, s, strlen(s)); }

void esk_port_putc(esk_port *p, int byte) {
    if (p->flags & ESK_PORT_FILE) {
        putc(byte, p->file);
        return;
    }
    *esk_port_room(p, 1) = (uint8_t)byte;
    p->end += 1;
}

void esk_port_flush(esk_port *p) {
    if ((p->flags & (ESK_PORT_FILE | ESK_PORT_OUTPUT | ESK_PORT_OPEN)) != (ESK_PORT_FILE | ESK_PORT_OUTPUT | ESK_PORT_OPEN))
        return;
    if (fflush(p->file) != 0 || ferror(p->file)) {
        int err = errno;
        clearerr(p->file);
        esk_port_file_error(esk_port_loc, "flush-output-port", "cannot write to file", err, p->name);
    }
}

/* ---- input --------------------------------------------------------------------
 * The unread bytes of a port are [pos, end) of its buffer (files) or of its
 * bytevector (memory). */
static const unsigned char *esk_port_base(const esk_port *p) {
    return p->flags & ESK_PORT_FILE ? p->buf : ESK_BYTEVECTOR(p->data)->bytes;
}

/* Makes at least want bytes readable unless the input ends first; returns
 * how many are (0: end of input). A file refills with read(2), which
 * returns what a pipe or terminal has, so interactive input is not held up. */
static size_t esk_port_available(esk_port *p, size_t want, const unsigned char **at) {
    if (p->flags & ESK_PORT_AFTER_CR) { /* see esk_port_after_cr */
        p->flags &= ~(uint32_t)ESK_PORT_AFTER_CR;
        if (esk_port_available(p, 1, at) > 0 && **at == '\n') p->pos++;
    }
    if ((p->flags & ESK_PORT_FILE) && p->end - p->pos < want) {
        if (p->pos > 0) {
            memmove(p->buf, p->buf + p->pos, p->end - p->pos);
            p->end -= p->pos;
            p->pos = 0;
        }
        while (p->end < want) {
            ssize_t got = read(p->fd, p->buf + p->end, ESK_PORT_BUFFER - p->end);
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) esk_port_file_error(esk_port_loc, "read", "cannot read from file", errno, p->name);
            if (got == 0) break;
            p->end += (size_t)got;
        }
    }
    *at = esk_port_base(p) + p->pos;
    return p->end - p->pos;
}

int esk_port_read_byte(esk_port *p, int peek) {
    const unsigned char *at;
    if (esk_port_available(p, 1, &at) == 0) return -1;
    if (!peek) p->pos++;
    return at[0];
}

/* One UTF-8 character; an ill-formed byte reads as U+FFFD and is skipped
 * alone, as string conversion does. */
int32_t esk_port_read_char(esk_port *p, int peek) {
    const unsigned char *at;
    size_t n = esk_port_available(p, 1, &at), length, used;
    uint32_t c = 0xFFFD;
    if (n == 0) return -1;
    if (at[0] < 0x80) {
        if (!peek) p->pos++;
        return at[0];
    }
    length = at[0] >= 0xF0 ? 4 : at[0] >= 0xE0 ? 3 : at[0] >= 0xC0 ? 2 : 1;
    if (n < length) n = esk_port_available(p, length, &at);
    used = esk_utf8_decode(at, n < length ? n : length, &c);
    if (used == 0) c = 0xFFFD, used = 1;
    if (!peek) p->pos += used;
    return (int32_t)c;
}

/* Copies up to n bytes into out, fewer only at the end of input. */
static size_t esk_port_read_bytes(esk_port *p, uint8_t *out, size_t n) {
    size_t done = 0;
    while (done < n) {
        const unsigned char *at;
        size_t have = esk_port_available(p, 1, &at), take = n - done < have ? n - done : have;
        if (have == 0) break;
        memcpy(out + done, at, take);
        p->pos += take;
        done += take;
    }
    return done;
}

/* Is input waiting (or the end of it)? Memory always; a file when bytes are
 * buffered or poll(2) says a read would not block. */
static int esk_port_ready(esk_port *p) {
    struct pollfd fds;
    if ((p->flags & ESK_PORT_AFTER_CR) && p->pos < p->end) {
        p->flags &= ~(uint32_t)ESK_PORT_AFTER_CR;
        if (esk_port_base(p)[p->pos] == '\n') p->pos++;
    }
    if (!(p->flags & ESK_PORT_FILE) || p->pos < p->end) return 1;
    fds.fd = p->fd;
    fds.events = POLLIN;
    fds.revents = 0;
    return poll(&fds, 1, 0) != 0;
}

/* ---- a growable byte buffer for reading text of unknown length ------------- */
typedef struct esk_port_text {
    uint8_t *bytes;
    size_t length, room;
} esk_port_text;

static void esk_port_text_add(esk_port_text *t, const void *bytes, size_t n) {
    if (n == 0) return;
    if (t->length + n > t->room) {
        size_t room = t->room ? t->room * 2 : 256;
        uint8_t *bigger;
        while (room < t->length + n) room *= 2;
        bigger = realloc(t->bytes, room);
        if (!bigger) {
            free(t->bytes);
            esk_error(esk_port_loc, "read: out of memory", ESK_UNSPECIFIED);
        }
        t->bytes = bigger;
        t->room = room;
    }
    memcpy(t->bytes + t->length, bytes, n);
    t->length += n;
}

/* The first line ending (a linefeed or a carriage return) in [at, at + n), or NULL. */
static const unsigned char *esk_port_find_eol(const unsigned char *at, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (at[i] == '\n' || at[i] == '\r') return at + i;
    return NULL;
}

/* Appends to t the bytes up to the next line ending (lines: 1), which is
 * consumed and returned, or all the rest (lines: 0); -1 at the end. */
static int esk_port_read_until(esk_port *p, int lines, esk_port_text *t) {
    for (;;) {
        const unsigned char *at, *hit;
        size_t have = esk_port_available(p, 1, &at), take;
        if (have == 0) return -1;
        hit = lines ? esk_port_find_eol(at, have) : NULL;
        take = hit ? (size_t)(hit - at) : have;
        esk_port_text_add(t, at, take);
        p->pos += take + (hit ? 1 : 0);
        if (hit) return *hit;
    }
}

/* ---- constructors ----------------------------------------------------------- */
static esk_port *esk_port_new(uint32_t flags) {
    esk_port *p = esk_alloc_obj(ESK_T_PORT, 0, sizeof(esk_port));
    p->h.type = ESK_T_PORT;
    p->h.size = 0;
    p->flags = flags | ESK_PORT_OPEN;
    p->fd = -1;
    p->file = NULL;
    p->buf = NULL;
    p->pos = p->end = 0;
    p->data = ESK_FALSE;
    p->name = ESK_FALSE;
    return p;
}

/* An input port over a bytevector nothing else holds. */
static esk_val esk_port_open_data(esk_val bytevector, uint32_t binary) {
    esk_port *p = esk_port_new(ESK_PORT_INPUT | binary);
    p->data = bytevector;
    p->end = ESK_BYTEVECTOR(bytevector)->length;
    return ESK_FROM_HEAP(p);
}

esk_val esk_port_open_bytes(const uint8_t *bytes, size_t n, uint32_t binary) {
    return esk_port_open_data(esk_bytevector_from(bytes, n), binary);
}

esk_val esk_port_open_memory_output(uint32_t binary) { return ESK_FROM_HEAP(esk_port_new(ESK_PORT_OUTPUT | binary)); }

/* A file name argument as a C string (no NUL inside). */
static const char *esk_port_path(int loc, const char *who, esk_val name) {
    size_t n;
    const char *path;
    if (ESK_UNLIKELY(ESK_REFUSE(name, !ESK_HAS_TYPE(name, ESK_T_STRING)))) esk_type_error(loc, who, "a file name (a string)", name);
    path = esk_string_to_utf8_cstr(name, &n);
    if (strlen(path) != n) esk_port_file_error(loc, who, "file name contains a null character", 0, name);
    return path;
}

/* mode: "r", "w" or "a" (fopen's); flags: ESK_PORT_BINARY or 0. */
static esk_val esk_port_open_file(int loc, const char *who, esk_val name, const char *mode, uint32_t flags) {
    const char *path = esk_port_path(loc, who, name);
    int input = mode[0] == 'r';
    FILE *f = fopen(path, mode);
    struct stat info;
    esk_port *p;
    if (!f) esk_port_file_error(loc, who, "cannot open file", errno, name);
    if (input && fstat(fileno(f), &info) == 0 && S_ISDIR(info.st_mode)) {
        fclose(f);
        esk_port_file_error(loc, who, "cannot open file", EISDIR, name);
    }
    p = esk_port_new(flags | ESK_PORT_FILE | ESK_PORT_OWNS_FILE | (input ? ESK_PORT_INPUT : ESK_PORT_OUTPUT));
    p->file = f;
    p->name = name;
    if (input) {
        p->fd = fileno(f);
        p->buf = esk_port_block_new();
    }
    return ESK_FROM_HEAP(p);
}

/* ---- the current ports: parameter objects, made on first use --------------- */
static esk_val esk_port_params[3];

/* The converter of a current-port parameter: the new value must be a port
 * of the right direction. */
static esk_val esk_port_check_input(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    if (!ESK_IS_PORT(argv[0]) || !(ESK_PORT(argv[0])->flags & ESK_PORT_INPUT))
        esk_type_error(esk_call_loc, "current-input-port", "an input port", argv[0]);
    return argv[0];
}

static esk_val esk_port_check_output(esk_val self, int argc, esk_val *argv) {
    (void)self;
    (void)argc;
    if (!ESK_IS_PORT(argv[0]) || !(ESK_PORT(argv[0])->flags & ESK_PORT_OUTPUT))
        esk_type_error(esk_call_loc, "current-output-port", "an output port", argv[0]);
    return argv[0];
}

esk_val esk_port_current(int which) {
    if (esk_port_params[which]) return ESK_CLOSURE(esk_port_params[which])->slots[0];
    return ESK_FROM_HEAP(esk_port_stdio(which));
}

/* (%port-parameter which): the parameter current-input-port (0),
 * current-output-port (1) or current-error-port (2) is bound to. */
esk_val esk_port_parameter(int loc, esk_val which) {
    static const char *const names[3] = {"current-input-port", "current-output-port", "current-error-port"};
    int i;
    if (ESK_UNLIKELY(ESK_REFUSE(which, !ESK_IS_FIXNUM(which) || ESK_FIXVAL(which) < 0 || ESK_FIXVAL(which) > 2)))
        esk_type_error(loc, "%port-parameter", "0, 1 or 2", which);
    i = (int)ESK_FIXVAL(which);
    if (!esk_port_params[i]) {
        esk_val check = esk_make_closure(i == 0 ? esk_port_check_input : esk_port_check_output, 1, 0, names[i], 0);
        esk_port_params[i] = esk_make_parameter(loc, ESK_FROM_HEAP(esk_port_stdio(i)), check);
#ifndef ESK_NO_GC
        esk_gc_add_root_range(&esk_port_params[i], sizeof esk_port_params[i]);
#endif
    }
    return esk_port_params[i];
}

/* ---- argument checks ------------------------------------------------------------ */
esk_port *esk_port_arg(int loc, const char *who, esk_val v, uint32_t direction, int binary) {
    static const char *const expected[2][3] = {
        {"a textual input port", "a binary input port", "an input port"},
        {"a textual output port", "a binary output port", "an output port"},
    };
    esk_port *p;
    int out = direction == ESK_PORT_OUTPUT;
    esk_port_loc = loc;
    if (v == ESK_DEFAULT) v = esk_port_current(out ? 1 : 0);
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_PORT(v)))) esk_type_error(loc, who, expected[out][binary < 0 ? 2 : binary], v);
    p = ESK_PORT(v);
    if (!(p->flags & direction) || (binary >= 0 && !(p->flags & ESK_PORT_BINARY) != !binary))
        esk_type_error(loc, who, expected[out][binary < 0 ? 2 : binary], v);
    if (!(p->flags & ESK_PORT_OPEN)) {
        char message[128];
        snprintf(message, sizeof message, "%s: port is closed", who);
        esk_raise_error(loc, message, esk_cons(v, ESK_NIL));
    }
    return p;
}

static esk_port *esk_port_any(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_PORT(v)))) esk_type_error(loc, who, "a port", v);
    return ESK_PORT(v);
}

/* ---- built-ins: predicates --------------------------------------------------------- */
static esk_val esk_port_has(esk_val v, uint32_t flags, uint32_t want) {
    return ESK_BOOL(ESK_IS_PORT(v) && (ESK_PORT(v)->flags & flags) == want);
}

esk_val esk_port_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_IS_PORT(v));
}
esk_val esk_input_port_p(int loc, esk_val v) { (void)loc; return esk_port_has(v, ESK_PORT_INPUT, ESK_PORT_INPUT); }
esk_val esk_output_port_p(int loc, esk_val v) { (void)loc; return esk_port_has(v, ESK_PORT_OUTPUT, ESK_PORT_OUTPUT); }
esk_val esk_textual_port_p(int loc, esk_val v) { (void)loc; return esk_port_has(v, ESK_PORT_BINARY, 0); }
esk_val esk_binary_port_p(int loc, esk_val v) { (void)loc; return esk_port_has(v, ESK_PORT_BINARY, ESK_PORT_BINARY); }

esk_val esk_input_port_open_p(int loc, esk_val v) {
    esk_port *p = esk_port_any(loc, "input-port-open?", v);
    return ESK_BOOL((p->flags & (ESK_PORT_INPUT | ESK_PORT_OPEN)) == (ESK_PORT_INPUT | ESK_PORT_OPEN));
}

esk_val esk_output_port_open_p(int loc, esk_val v) {
    esk_port *p = esk_port_any(loc, "output-port-open?", v);
    return ESK_BOOL((p->flags & (ESK_PORT_OUTPUT | ESK_PORT_OPEN)) == (ESK_PORT_OUTPUT | ESK_PORT_OPEN));
}

/* ---- built-ins: opening and closing ------------------------------------------------ */
esk_val esk_open_input_file(int loc, esk_val name) { return esk_port_open_file(loc, "open-input-file", name, "r", 0); }
esk_val esk_open_output_file(int loc, esk_val name) { return esk_port_open_file(loc, "open-output-file", name, "w", 0); }

esk_val esk_open_binary_input_file(int loc, esk_val name) {
    return esk_port_open_file(loc, "open-binary-input-file", name, "r", ESK_PORT_BINARY);
}

esk_val esk_open_binary_output_file(int loc, esk_val name) {
    return esk_port_open_file(loc, "open-binary-output-file", name, "w", ESK_PORT_BINARY);
}

/* (open-file path mode): mode "r" (input), "w" (output, truncating) or "a"
 * (output, appending); a textual port. */
esk_val esk_open_file(int loc, esk_val name, esk_val mode) {
    const esk_string *m = ESK_HAS_TYPE(mode, ESK_T_STRING) ? ESK_STRING(mode) : NULL;
    uint32_t c = m && m->length == 1 ? esk_string_char_at(m, 0) : 0;
    if (c != 'r' && c != 'w' && c != 'a') esk_type_error(loc, "open-file", "a mode \"r\", \"w\" or \"a\"", mode);
    return esk_port_open_file(loc, "open-file", name, c == 'r' ? "r" : c == 'w' ? "w" : "a", 0);
}

esk_val esk_open_input_string(int loc, esk_val s) {
    if (ESK_UNLIKELY(ESK_REFUSE(s, !ESK_HAS_TYPE(s, ESK_T_STRING)))) esk_type_error(loc, "open-input-string", "a string", s);
    return esk_port_open_data(esk_string_to_utf8(loc, s, ESK_DEFAULT, ESK_DEFAULT), 0);
}

esk_val esk_open_output_string(int loc) {
    (void)loc;
    return esk_port_open_memory_output(0);
}

/* The port reads a copy: changing the bytevector later does not show. */
esk_val esk_open_input_bytevector(int loc, esk_val bv) {
    if (ESK_UNLIKELY(ESK_REFUSE(bv, !ESK_HAS_TYPE(bv, ESK_T_BYTEVECTOR)))) esk_type_error(loc, "open-input-bytevector", "a bytevector", bv);
    return esk_port_open_bytes(ESK_BYTEVECTOR(bv)->bytes, ESK_BYTEVECTOR(bv)->length, ESK_PORT_BINARY);
}

esk_val esk_open_output_bytevector(int loc) {
    (void)loc;
    return esk_port_open_memory_output(ESK_PORT_BINARY);
}

/* A memory output port (open or closed: its bytes stay readable). */
static esk_port *esk_port_memory_output(int loc, const char *who, esk_val v, uint32_t binary) {
    esk_port *p;
    v = esk_see_through(v);
    p = ESK_IS_PORT(v) ? ESK_PORT(v) : NULL;
    if (!p || (p->flags & (ESK_PORT_OUTPUT | ESK_PORT_FILE | ESK_PORT_BINARY)) != (ESK_PORT_OUTPUT | binary))
        esk_type_error(loc, who, binary ? "a port made by open-output-bytevector" : "a port made by open-output-string", v);
    return p;
}

esk_val esk_get_output_string(int loc, esk_val port) {
    esk_port *p = esk_port_memory_output(loc, "get-output-string", port, 0);
    if (p->end == 0) return esk_string_alloc(0, 1);
    return esk_string_from_utf8((const char *)ESK_BYTEVECTOR(p->data)->bytes, p->end);
}

esk_val esk_get_output_bytevector(int loc, esk_val port) {
    esk_port *p = esk_port_memory_output(loc, "get-output-bytevector", port, ESK_PORT_BINARY);
    return esk_bytevector_from(p->end ? ESK_BYTEVECTOR(p->data)->bytes : NULL, p->end);
}

/* Closing twice does nothing; the standard streams are flushed, not closed. */
static void esk_port_close(int loc, esk_port *p) {
    if (!(p->flags & ESK_PORT_OPEN)) return;
    esk_port_loc = loc;
    if (p->flags & ESK_PORT_OUTPUT) esk_port_flush(p);
    p->flags &= ~(uint32_t)ESK_PORT_OPEN;
    if (p->buf && p->buf != esk_port_stdin_buffer) esk_port_block_free(p->buf);
    p->buf = NULL;
    p->pos = p->end = p->flags & ESK_PORT_FILE ? 0 : p->end;
    if (p->flags & ESK_PORT_OWNS_FILE) {
        FILE *f = p->file;
        p->file = NULL;
        if (fclose(f) != 0 && (p->flags & ESK_PORT_OUTPUT))
            esk_port_file_error(loc, "close-port", "cannot write to file", errno, p->name);
    }
}

esk_val esk_close_port(int loc, esk_val port) {
    esk_port_close(loc, esk_port_any(loc, "close-port", port));
    return ESK_UNSPECIFIED;
}

esk_val esk_close_input_port(int loc, esk_val port) {
    if (ESK_UNLIKELY(ESK_REFUSE(port, !ESK_IS_PORT(port) || !(ESK_PORT(port)->flags & ESK_PORT_INPUT))))
        esk_type_error(loc, "close-input-port", "an input port", port);
    esk_port_close(loc, ESK_PORT(port));
    return ESK_UNSPECIFIED;
}

esk_val esk_close_output_port(int loc, esk_val port) {
    if (ESK_UNLIKELY(ESK_REFUSE(port, !ESK_IS_PORT(port) || !(ESK_PORT(port)->flags & ESK_PORT_OUTPUT))))
        esk_type_error(loc, "close-output-port", "an output port", port);
    esk_port_close(loc, ESK_PORT(port));
    return ESK_UNSPECIFIED;
}

/* ---- built-ins: textual input --------------------------------------------------------- */
esk_val esk_read_char(int loc, esk_val port) {
    int32_t c = esk_port_read_char(esk_port_arg(loc, "read-char", port, ESK_PORT_INPUT, 0), 0);
    return c < 0 ? ESK_EOF : ESK_CHAR(c);
}

esk_val esk_peek_char(int loc, esk_val port) {
    int32_t c = esk_port_read_char(esk_port_arg(loc, "peek-char", port, ESK_PORT_INPUT, 0), 1);
    return c < 0 ? ESK_EOF : ESK_CHAR(c);
}

esk_val esk_char_ready_p(int loc, esk_val port) {
    return ESK_BOOL(esk_port_ready(esk_port_arg(loc, "char-ready?", port, ESK_PORT_INPUT, 0)));
}

static esk_val esk_port_text_string(esk_port_text *t) {
    esk_val s = esk_string_from_utf8((const char *)t->bytes, t->length);
    free(t->bytes);
    return s;
}

/* After a carriage return ending a line: a linefeed right after it belongs
 * to the same line ending. When no byte is buffered yet, the port skips
 * that linefeed on its next read instead, so read-line never waits for
 * input beyond the line it returns. */
static void esk_port_after_cr(esk_port *p) {
    if (p->pos < p->end) {
        if (esk_port_base(p)[p->pos] == '\n') p->pos++;
    } else {
        p->flags |= ESK_PORT_AFTER_CR;
    }
}

/* R7RS: a line ends with a linefeed, a carriage return, or both; or at the
 * end of input. */
esk_val esk_read_line(int loc, esk_val port) {
    esk_port *p = esk_port_arg(loc, "read-line", port, ESK_PORT_INPUT, 0);
    esk_port_text t = {NULL, 0, 0};
    const unsigned char *at, *hit;
    size_t have = esk_port_available(p, 1, &at);
    int ending;
    hit = have ? esk_port_find_eol(at, have) : NULL;
    if (hit) { /* the whole line is buffered already: no copy */
        size_t n = (size_t)(hit - at);
        esk_val line = esk_string_from_utf8((const char *)at, n);
        p->pos += n + 1;
        if (*hit == '\r') esk_port_after_cr(p);
        return line;
    }
    ending = esk_port_read_until(p, 1, &t);
    if (ending < 0 && t.length == 0) {
        free(t.bytes);
        return ESK_EOF;
    }
    if (ending == '\r') esk_port_after_cr(p);
    return esk_port_text_string(&t);
}

esk_val esk_read_string(int loc, esk_val k, esk_val port) {
    size_t n = esk_seq_length_arg(loc, "read-string", k), got = 0;
    esk_port *p = esk_port_arg(loc, "read-string", port, ESK_PORT_INPUT, 0);
    uint32_t small[256], *chars = n <= 256 ? small : esk_alloc_bytes(n * sizeof(uint32_t));
    if (n == 0) return esk_string_alloc(0, 1);
    for (; got < n; ++got) {
        int32_t c = esk_port_read_char(p, 0);
        if (c < 0) break;
        chars[got] = (uint32_t)c;
    }
    return got == 0 ? ESK_EOF : esk_string_from_utf32(chars, got);
}

/* (read-all [port]): the rest of the input, a string (a bytevector from a
 * binary port); empty at the end. */
esk_val esk_read_all(int loc, esk_val port) {
    esk_port *p = esk_port_arg(loc, "read-all", port, ESK_PORT_INPUT, -1);
    esk_port_text t = {NULL, 0, 0};
    esk_val r;
    esk_port_read_until(p, 0, &t);
    if (!(p->flags & ESK_PORT_BINARY)) return esk_port_text_string(&t);
    r = esk_bytevector_from(t.bytes, t.length);
    free(t.bytes);
    return r;
}

esk_val esk_read(int loc, esk_val port) {
    return esk_read_datum(loc, esk_port_arg(loc, "read", port, ESK_PORT_INPUT, 0));
}

/* ---- built-ins: binary input ------------------------------------------------------ */
esk_val esk_read_u8(int loc, esk_val port) {
    int b = esk_port_read_byte(esk_port_arg(loc, "read-u8", port, ESK_PORT_INPUT, 1), 0);
    return b < 0 ? ESK_EOF : ESK_FIX(b);
}

esk_val esk_peek_u8(int loc, esk_val port) {
    int b = esk_port_read_byte(esk_port_arg(loc, "peek-u8", port, ESK_PORT_INPUT, 1), 1);
    return b < 0 ? ESK_EOF : ESK_FIX(b);
}

esk_val esk_u8_ready_p(int loc, esk_val port) {
    return ESK_BOOL(esk_port_ready(esk_port_arg(loc, "u8-ready?", port, ESK_PORT_INPUT, 1)));
}

esk_val esk_read_bytevector(int loc, esk_val k, esk_val port) {
    size_t n = esk_seq_length_arg(loc, "read-bytevector", k), got;
    esk_port *p = esk_port_arg(loc, "read-bytevector", port, ESK_PORT_INPUT, 1);
    esk_val bv;
    if (n == 0) return esk_bytevector_alloc(0, 0);
    bv = esk_bytevector_alloc(n, 0);
    got = esk_port_read_bytes(p, ESK_BYTEVECTOR(bv)->bytes, n);
    if (got == 0) return ESK_EOF;
    if (got < n) bv = esk_bytevector_from(ESK_BYTEVECTOR(bv)->bytes, got);
    return bv;
}

/* (read-bytevector! bv [port start end]): how many bytes were read, or eof. */
esk_val esk_read_bytevector_x(int loc, esk_val bv, esk_val port, esk_val start, esk_val end) {
    size_t from, to, got;
    esk_port *p;
    if (ESK_UNLIKELY(ESK_REFUSE(bv, !ESK_HAS_TYPE(bv, ESK_T_BYTEVECTOR)))) esk_type_error(loc, "read-bytevector!", "a bytevector", bv);
    p = esk_port_arg(loc, "read-bytevector!", port, ESK_PORT_INPUT, 1);
    esk_seq_range(loc, "read-bytevector!", bv, ESK_BYTEVECTOR(bv)->length, start, end, &from, &to);
    if (from == to) return ESK_FIX(0);
    got = esk_port_read_bytes(p, ESK_BYTEVECTOR(bv)->bytes + from, to - from);
    return got == 0 ? ESK_EOF : ESK_FIX((intptr_t)got);
}

/* ---- built-ins: output ------------------------------------------------------------- */
esk_val esk_write_char(int loc, esk_val c, esk_val port) {
    if (ESK_UNLIKELY(ESK_REFUSE(c, !ESK_IS_CHAR(c)))) esk_type_error(loc, "write-char", "a character", c);
    esk_put_utf8(esk_port_arg(loc, "write-char", port, ESK_PORT_OUTPUT, 0), ESK_CHARVAL(c));
    return ESK_UNSPECIFIED;
}

/* (write-string s [port start end]) */
esk_val esk_write_string(int loc, esk_val s, esk_val port, esk_val start, esk_val end) {
    esk_port *p;
    size_t from, to;
    if (ESK_UNLIKELY(ESK_REFUSE(s, !ESK_HAS_TYPE(s, ESK_T_STRING)))) esk_type_error(loc, "write-string", "a string", s);
    p = esk_port_arg(loc, "write-string", port, ESK_PORT_OUTPUT, 0);
    if (start == ESK_DEFAULT && end == ESK_DEFAULT) {
        esk_string_print(p, s, 0);
        return ESK_UNSPECIFIED;
    }
    esk_seq_range(loc, "write-string", s, ESK_STRING(s)->length, start, end, &from, &to);
    for (; from < to; ++from) esk_put_utf8(p, esk_string_char_at(ESK_STRING(s), from));
    return ESK_UNSPECIFIED;
}

esk_val esk_newline(int loc, esk_val port) {
    esk_port_putc(esk_port_arg(loc, "newline", port, ESK_PORT_OUTPUT, 0), '\n');
    return ESK_UNSPECIFIED;
}

esk_val esk_write_u8(int loc, esk_val byte, esk_val port) {
    if (ESK_UNLIKELY(ESK_REFUSE(byte, !ESK_IS_FIXNUM(byte) || ESK_FIXVAL(byte) < 0 || ESK_FIXVAL(byte) > 255)))
        esk_type_error(loc, "write-u8", "a byte (an exact integer from 0 to 255)", byte);
    esk_port_putc(esk_port_arg(loc, "write-u8", port, ESK_PORT_OUTPUT, 1), (int)ESK_FIXVAL(byte));
    return ESK_UNSPECIFIED;
}

/* (write-bytevector bv [port start end]) */
esk_val esk_write_bytevector(int loc, esk_val bv, esk_val port, esk_val start, esk_val end) {
    esk_port *p;
    size_t from, to;
    if (ESK_UNLIKELY(ESK_REFUSE(bv, !ESK_HAS_TYPE(bv, ESK_T_BYTEVECTOR)))) esk_type_error(loc, "write-bytevector", "a bytevector", bv);
    p = esk_port_arg(loc, "write-bytevector", port, ESK_PORT_OUTPUT, 1);
    esk_seq_range(loc, "write-bytevector", bv, ESK_BYTEVECTOR(bv)->length, start, end, &from, &to);
    esk_port_write(p, ESK_BYTEVECTOR(bv)->bytes + from, to - from);
    return ESK_UNSPECIFIED;
}

esk_val esk_flush_output_port(int loc, esk_val port) {
    esk_port_flush(esk_port_arg(loc, "flush-output-port", port, ESK_PORT_OUTPUT, -1));
    return ESK_UNSPECIFIED;
}

/* ---- built-ins: the file system ---------------------------------------------------- */
esk_val esk_file_exists_p(int loc, esk_val name) {
    struct stat info;
    return ESK_BOOL(stat(esk_port_path(loc, "file-exists?", name), &info) == 0);
}

esk_val esk_delete_file(int loc, esk_val name) {
    if (unlink(esk_port_path(loc, "delete-file", name)) != 0)
        esk_port_file_error(loc, "delete-file", "cannot delete file", errno, name);
    return ESK_UNSPECIFIED;
}

#undef ESK_PORT_BUFFER
