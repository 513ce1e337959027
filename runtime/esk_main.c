/* esk_main.c - start-up and exit: the program runs on a large stack whose depth is checked. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* Deep non-tail recursion (a million frames of (cons x (build (- n 1))))
 * needs far more than the usual 8 MB, so the program runs on a thread with
 * a large stack: reserved address space, only touched pages cost memory.
 * Every procedure compares its frame with esk_stack_limit, leaving a margin
 * for the runtime's own C code below the last checked frame. */
#define ESK_MAIN_STACK_BYTES ((size_t)1 << 30)
#define ESK_MAIN_STACK_MARGIN ((size_t)4 << 20)

char *esk_stack_limit;
int esk_main_argc;
char **esk_main_argv;
static void (*esk_main_program)(void);

static void esk_main_set_limit(size_t stack_bytes) {
    char here;
    esk_stack_limit = (char *)((uintptr_t)&here - (stack_bytes - ESK_MAIN_STACK_MARGIN));
}

_Noreturn void esk_exit(int status) {
    fflush(stdout);
    fflush(stderr);
    esk_alloc_free_all();
    exit(status);
}

void esk_stack_overflow(void) {
    /* Called through a pointer the compiler cannot see is exit, for the
     * reason given in eshkol.h. */
    void (*volatile quit)(int) = exit;
    esk_stack_limit = NULL; /* the error path itself needs stack */
    fflush(stdout);
    fputs("Error: stack overflow\n", stderr);
    fflush(stderr);
    esk_alloc_free_all();
    quit(1);
}

#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>

static void *esk_main_thread(void *unused) {
    (void)unused;
    esk_main_set_limit(ESK_MAIN_STACK_BYTES);
    esk_main_program();
    esk_exit(0);
}

static int esk_main_run(void) {
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, ESK_MAIN_STACK_BYTES) == 0 &&
        pthread_create(&thread, &attr, esk_main_thread, NULL) == 0) {
        pthread_join(thread, NULL); /* never returns: the thread exits the process */
        return 0;
    }
    return -1;
}
#else
static int esk_main_run(void) { return -1; }
#endif

int esk_main(int argc, char **argv, void (*program)(void)) {
    esk_main_argc = argc;
    esk_main_argv = argv;
    esk_main_program = program;
    if (esk_main_run() == 0) return 0;
    /* No threads here: run on the ordinary stack, assumed to be 8 MB. */
    esk_main_set_limit((size_t)8 << 20);
    program();
    esk_exit(0);
}

#undef ESK_MAIN_STACK_BYTES
#undef ESK_MAIN_STACK_MARGIN
