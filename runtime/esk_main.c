/* esk_main.c - start-up and exit: the program runs on a large stack whose overflow is a clear error. */
#include "eshkol.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Deep non-tail recursion (a million frames of (cons x (build (- n 1))))
 * needs far more than the usual 8 MB, so the program runs on a thread with
 * a large stack: reserved address space, only touched pages cost memory.
 *
 * Overflow costs nothing until it happens: below the stack lies a guard
 * region of inaccessible pages, so the first frame past the end faults
 * (SIGSEGV), in generated code and in the runtime's own recursion alike
 * (printing, equal?). The handler runs on an alternate signal stack, sees
 * that the faulting address lies in the stack's reserved range or its
 * guard, and reports "Error: stack overflow" (exit status 1). The guard is
 * far larger than any frame, so no frame can step over it. */
#define ESK_MAIN_STACK_BYTES ((size_t)1 << 30)
#define ESK_MAIN_GUARD_BYTES ((size_t)16 << 20)
#define ESK_MAIN_ALT_STACK_BYTES ((size_t)64 << 10)

int esk_main_argc;
char **esk_main_argv;
static void (*esk_main_program)(void);
/* The program's stack: [esk_main_stack_low, esk_main_stack_high), guard
 * included; a fault inside it is an overflow. */
static char *esk_main_stack_low, *esk_main_stack_high;
static char esk_main_alt_stack[ESK_MAIN_ALT_STACK_BYTES];

/* Async-signal-safe apart from the flush, which is what exit would do:
 * the output printed before the overflow is kept. */
static void esk_main_on_fault(int sig, siginfo_t *info, void *context) {
    static const char message[] = "Error: stack overflow\n";
    /* _exit through a pointer the compiler cannot see is noreturn: ASan
     * instruments calls of noreturn functions and warns when the stack in
     * use is as deep as an overflow's. */
    void (*volatile quit)(int) = _exit;
    char *addr = (char *)info->si_addr;
    (void)context;
    if (addr >= esk_main_stack_low && addr < esk_main_stack_high) {
        fflush(NULL);
        if (write(2, message, sizeof message - 1) < 0) quit(1);
        quit(1);
    }
    /* Not an overflow: the default action (a crash) for what the runtime
     * must never do. */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Called on the program's stack, near its top. */
static void esk_main_watch_stack(size_t stack_bytes) {
    char here;
    stack_t alt;
    struct sigaction action;
    esk_main_stack_high = &here;
    esk_main_stack_low = &here - stack_bytes - ESK_MAIN_GUARD_BYTES;
    alt.ss_sp = esk_main_alt_stack;
    alt.ss_size = sizeof esk_main_alt_stack;
    alt.ss_flags = 0;
    if (sigaltstack(&alt, NULL) != 0) return;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = esk_main_on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, NULL);
    sigaction(SIGBUS, &action, NULL);
}

_Noreturn void esk_exit(int status) {
    fflush(stdout);
    fflush(stderr);
    esk_alloc_free_all();
    exit(status);
}

#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>

static void *esk_main_thread(void *unused) {
#ifndef ESK_NO_GC
    char top;
    esk_gc_stack_top(&top + 1);  /* this thread's oldest frame */
#endif
    (void)unused;
    esk_main_watch_stack(ESK_MAIN_STACK_BYTES);
    esk_main_program();
    esk_exit(0);
}

ESK_STATIC int esk_main_run(void) { /* unused with --no-main */
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, ESK_MAIN_STACK_BYTES) == 0 &&
        pthread_attr_setguardsize(&attr, ESK_MAIN_GUARD_BYTES) == 0 && pthread_create(&thread, &attr, esk_main_thread, NULL) == 0) {
        pthread_join(thread, NULL); /* never returns: the thread exits the process */
        return 0;
    }
    return -1;
}
#else
ESK_STATIC int esk_main_run(void) { /* unused with --no-main */ return -1; }
#endif

/* eshkol_init of a program compiled with --no-main: on the caller's stack,
 * assumed to be the usual 8 MB. */
void esk_main_init(int argc, char **argv) {
    esk_main_argc = argc;
    esk_main_argv = argv;
    esk_main_watch_stack((size_t)8 << 20);
}

/* The interactive session (eshkolc --repl): its thread's stack is watched
 * as a program's is, and scanned by the collector from stack_top down. */
void esk_repl_start(void *stack_top, size_t stack_bytes) {
    esk_eval_session_global = esk_repl_global;
#ifndef ESK_NO_GC
    esk_gc_stack_top(stack_top);
#endif
    (void)stack_top;
    esk_main_watch_stack(stack_bytes);
}

int esk_main(int argc, char **argv, void (*program)(void)) {
    esk_main_argc = argc;
    esk_main_argv = argv;
    esk_main_program = program;
    if (esk_main_run() == 0) return 0;
#ifndef ESK_NO_GC
    esk_gc_stack_top(&argc + 1);
#endif
    /* No threads here: run on the ordinary stack, assumed to be 8 MB. */
    esk_main_watch_stack((size_t)8 << 20);
    program();
    esk_exit(0);
}

#undef ESK_MAIN_STACK_BYTES
#undef ESK_MAIN_GUARD_BYTES
#undef ESK_MAIN_ALT_STACK_BYTES
