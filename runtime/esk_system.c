/* esk_system.c - (scheme process-context) and (scheme time): the command line, the environment, clocks. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- process context ------------------------------------------------------ */
extern char **environ; /* POSIX: the process's environment */

static esk_val esk_sys_string(const char *text) { return esk_string_from_utf8(text, strlen(text)); }

/* The program's name, then its arguments, as esk_main received them. */
esk_val esk_command_line(int loc) {
    esk_val list = ESK_NIL;
    int i;
    (void)loc;
    for (i = esk_main_argc - 1; i >= 0; --i) list = esk_cons(esk_sys_string(esk_main_argv[i]), list);
    return list;
}

esk_val esk_get_environment_variable(int loc, esk_val name) {
    char *key;
    const char *value;
    if (ESK_UNLIKELY(ESK_REFUSE(name, !ESK_HAS_TYPE(name, ESK_T_STRING)))) esk_type_error(loc, "get-environment-variable", "a string", name);
    key = esk_string_to_utf8_cstr(name, NULL);
    value = getenv(key);
    return value ? esk_sys_string(value) : ESK_FALSE;
}

/* An alist of (name . value) strings, in the environment's order. */
esk_val esk_get_environment_variables(int loc) {
    esk_val list = ESK_NIL, tail = ESK_NIL;
    char **entry;
    (void)loc;
    for (entry = environ; entry && *entry; ++entry) {
        const char *eq = strchr(*entry, '=');
        esk_val cell;
        if (!eq) continue;
        cell = esk_cons(esk_cons(esk_string_from_utf8(*entry, (size_t)(eq - *entry)), esk_sys_string(eq + 1)), ESK_NIL);
        if (tail == ESK_NIL) list = cell;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), cell);
        tail = cell;
    }
    return list;
}

/* ---- time ------------------------------------------------------------------ */
/* POSIX time as a flonum: seconds since 1970 (R7RS's TAI scale is allowed to
 * be this, off by the leap seconds). */
esk_val esk_current_second(int loc) {
    struct timespec now;
    (void)loc;
    clock_gettime(CLOCK_REALTIME, &now);
    return esk_make_flonum((double)now.tv_sec + (double)now.tv_nsec / 1e9);
}

/* Nanoseconds of the monotonic clock since the first call, so jiffies stay
 * fixnums and never go back. */
#define ESK_SYS_JIFFIES_PER_SECOND 1000000000
static struct timespec esk_sys_jiffy_epoch;
static int esk_sys_jiffy_started;

esk_val esk_current_jiffy(int loc) {
    struct timespec now;
    (void)loc;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!esk_sys_jiffy_started) {
        esk_sys_jiffy_epoch = now;
        esk_sys_jiffy_started = 1;
    }
    return ESK_FIX((intptr_t)(now.tv_sec - esk_sys_jiffy_epoch.tv_sec) * ESK_SYS_JIFFIES_PER_SECOND +
                   (intptr_t)(now.tv_nsec - esk_sys_jiffy_epoch.tv_nsec));
}

esk_val esk_jiffies_per_second(int loc) {
    (void)loc;
    return ESK_FIX(ESK_SYS_JIFFIES_PER_SECOND);
}

#undef ESK_SYS_JIFFIES_PER_SECOND
