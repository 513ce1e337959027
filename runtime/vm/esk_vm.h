/* esk_vm.h - the simulator's inside: the machine state shared by the
 * dispatch loop (esk_vm.c) and the tracer and disassembler (esk_vm_debug.c).
 *
 * eshkolc --target=vm pastes esk_vm_config.h, esk_vm_ops.h, this header,
 * esk_vm_debug.c and esk_vm.c into each program, in that order, followed by
 * the program's code segment and a main() that calls esk_vm_main. Everything
 * is static: the output is one self-contained translation unit.
 */
#ifndef ESK_VM_H
#define ESK_VM_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#include "esk_vm_config.h"
#include "esk_vm_ops.h"

/* One machine word: every value, address and instruction. */
typedef int64_t esk_word;

struct esk_vm {
    esk_word *mem;         /* ESK_VM_MEMORY_WORDS words */
    int64_t code_words;    /* bytecode length; global slots follow it */
    int64_t stack_floor;   /* the lowest address the stack may use */
    int trace;             /* ESHKOL_VM_TRACE: one stderr line per instruction */
};

/* Writes the instruction at pc as text ("LDL -2", "JZ 40"); returns the
 * number of words it occupies (2 for LITW, else 1). */
static int esk_vm_disasm_one(char *buf, size_t size, const esk_word *code, int64_t pc);

/* Prints every instruction of code[0, words) with its address. */
static void esk_vm_disasm_all(FILE *out, const esk_word *code, int64_t words);

/* One trace line: the instruction about to run and the machine state. */
static void esk_vm_trace_step(const struct esk_vm *vm, int64_t pc, int64_t sp, int64_t fp);

#endif /* ESK_VM_H */
