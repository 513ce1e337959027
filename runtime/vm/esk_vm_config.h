/* esk_vm_config.h - the 64K-word machine's limits, each with its reason.
 *
 * Shared by the simulator (C) and the compiler (C++), so both agree on the
 * memory map:
 *
 *   address             what
 *   -----------------   ---------------------------------------------------
 *   [0, 16384)          code segment: bytecode, then one slot per global
 *   [16384, 65536)      heap: the program's own (allocators are written in
 *                       the Lisp itself)
 *   [65536 - S, 65536)  the stack, growing down from 65536; S words
 *                       (ESHKOL_VM_STACK, default 16384) at the top of the heap
 */
#ifndef ESK_VM_CONFIG_H
#define ESK_VM_CONFIG_H

/* The machine has 65,536 words of 64-bit signed integers: small enough that
 * a program's whole memory is one array, large enough for real allocators. */
#define ESK_VM_MEMORY_WORDS 65536

/* Code and global slots share the first 16K words; the heap starts here.
 * Programs may read the code segment but never write it (except globals,
 * through the global-store instruction). */
#define ESK_VM_CODE_WORDS 16384
#define ESK_VM_HEAP_START ESK_VM_CODE_WORDS

/* Default stack size in words (ESHKOL_VM_STACK overrides it): a quarter of
 * memory, enough for recursion a few thousand calls deep. */
#define ESK_VM_STACK_DEFAULT 16384

/* The stack may take the whole heap but never reach the code segment; a
 * handful of words is the least that runs any program. */
#define ESK_VM_STACK_MAX (ESK_VM_MEMORY_WORDS - ESK_VM_CODE_WORDS)
#define ESK_VM_STACK_MIN 16

#endif /* ESK_VM_CONFIG_H */
