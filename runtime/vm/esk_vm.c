/* esk_vm.c - the 64K-word machine: memory, traps, the dispatch loop and main. */
#include <stdlib.h>
#include <string.h>

#include "esk_vm.h"

static esk_word esk_vm_memory[ESK_VM_MEMORY_WORDS];

/* Computed goto where the C compiler has it (GNU C), a switch otherwise.
 * -std=gnu11 -pedantic still gets the goto: its warnings are silenced
 * around the dispatch loop only. */
#if defined(__GNUC__) && !defined(__STRICT_ANSI__)
#define ESK_VM_COMPUTED_GOTO 1
#endif

#if defined(__GNUC__)
#define ESK_VM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define ESK_VM_UNLIKELY(x) (x)
#endif

/* Prints "VM error: <what> at pc <n>" and stops the machine with status 1. */
static _Noreturn void esk_vm_trap(int64_t pc, const char *what)
{
    fflush(stdout);
    fprintf(stderr, "VM error: %s at pc %" PRId64 "\n", what, pc);
    exit(1);
}

/* The same for a memory access: "VM error: <what> (address <a>) at pc <n>". */
static _Noreturn void esk_vm_trap_at(int64_t pc, const char *what, int64_t address)
{
    fflush(stdout);
    fprintf(stderr, "VM error: %s (address %" PRId64 ") at pc %" PRId64 "\n", what, address, pc);
    exit(1);
}

/* Two's-complement wrapping without relying on implementation-defined
 * conversions: compilers turn this into nothing. */
static inline esk_word esk_vm_wrap(uint64_t u)
{
    return u <= (uint64_t)INT64_MAX ? (esk_word)u : -(esk_word)~u - 1;
}

/* Truncating division; the one overflowing case, INT64_MIN / -1, wraps. */
static inline esk_word esk_vm_div(esk_word a, esk_word b)
{
    return b == -1 ? esk_vm_wrap(0u - (uint64_t)a) : a / b;
}

static inline esk_word esk_vm_mod(esk_word a, esk_word b)
{
    return b == -1 ? 0 : a % b;
}

#ifdef ESK_VM_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

/* Runs from pc 0 until HALT; returns the program's result. Registers live
 * in locals; sp addresses the top word of the stack (see esk_vm_ops.h). */
static esk_word esk_vm_run(const struct esk_vm *vm)
{
    esk_word *const mem = vm->mem;
    const int64_t stack_floor = vm->stack_floor;
    int64_t pc = 0, sp = ESK_VM_MEMORY_WORDS, fp = ESK_VM_MEMORY_WORDS;
    esk_word w, a, b;

#ifdef ESK_VM_COMPUTED_GOTO
#define ESK_VM_LABEL(name, operand, pop, push, doc) &&op_##name,
#define ESK_VM_TRACED(name, operand, pop, push, doc) &&traced,
    static const void *const run_table[ESK_OP_COUNT] = {ESK_VM_OPS(ESK_VM_LABEL)};
    static const void *const trace_table[ESK_OP_COUNT] = {ESK_VM_OPS(ESK_VM_TRACED)};
    const void *const *const dispatch = vm->trace ? trace_table : run_table;
#define CASE(name) op_##name:
#define NEXT do { w = mem[pc++]; goto *dispatch[ESK_VM_OPCODE(w)]; } while (0)
    NEXT;
traced:
    esk_vm_trace_step(vm, pc - 1, sp, fp);
    goto *run_table[ESK_VM_OPCODE(w)];
#else
#define CASE(name) case ESK_OP_##name:
#define NEXT continue
    for (;;) {
        w = mem[pc++];
        if (ESK_VM_UNLIKELY(vm->trace)) esk_vm_trace_step(vm, pc - 1, sp, fp);
        switch (ESK_VM_OPCODE(w)) {
#endif
#define A ESK_VM_OPERAND(w)
#define BINARY(expr) b = mem[sp++]; a = mem[sp]; mem[sp] = (expr); NEXT;
#define BRANCH(cond) b = mem[sp++]; a = mem[sp++]; if (cond) pc = A; NEXT;

    CASE(HALT)  return mem[sp];
    CASE(LIT)   mem[--sp] = A; NEXT;
    CASE(LITW)  mem[--sp] = mem[pc++]; NEXT;
    CASE(DUP)   b = mem[sp]; mem[--sp] = b; NEXT;
    CASE(POP)   sp++; NEXT;
    CASE(LDL)   b = mem[fp + A]; mem[--sp] = b; NEXT;
    CASE(STL)   mem[fp + A] = mem[sp++]; NEXT;
    CASE(LDG)   mem[--sp] = mem[A]; NEXT;
    CASE(STG)   mem[A] = mem[sp++]; NEXT;
    CASE(ADDI)  mem[sp] = esk_vm_wrap((uint64_t)mem[sp] + (uint64_t)A); NEXT;
    CASE(ADD)   BINARY(esk_vm_wrap((uint64_t)a + (uint64_t)b))
    CASE(SUB)   BINARY(esk_vm_wrap((uint64_t)a - (uint64_t)b))
    CASE(MUL)   BINARY(esk_vm_wrap((uint64_t)a * (uint64_t)b))
    CASE(DIV)   if (mem[sp] == 0) esk_vm_trap(pc - 1, "division by zero");
                BINARY(esk_vm_div(a, b))
    CASE(MOD)   if (mem[sp] == 0) esk_vm_trap(pc - 1, "division by zero");
                BINARY(esk_vm_mod(a, b))
    CASE(NEG)   mem[sp] = esk_vm_wrap(0u - (uint64_t)mem[sp]); NEXT;
    CASE(EQ)    BINARY(a == b)
    CASE(NE)    BINARY(a != b)
    CASE(LT)    BINARY(a < b)
    CASE(GT)    BINARY(a > b)
    CASE(LE)    BINARY(a <= b)
    CASE(GE)    BINARY(a >= b)
    CASE(NOT)   mem[sp] = mem[sp] == 0; NEXT;
    CASE(BAND)  BINARY(a & b)
    CASE(BOR)   BINARY(a | b)
    CASE(BXOR)  BINARY(a ^ b)
    CASE(BNOT)  mem[sp] = ~mem[sp]; NEXT;
    CASE(SHL)   BINARY(esk_vm_wrap((uint64_t)a << (b & 63)))
    CASE(SHR)   BINARY(ESK_VM_SAR(a, b & 63))
    CASE(LOAD)  a = mem[sp];
                if ((uint64_t)a >= ESK_VM_MEMORY_WORDS) esk_vm_trap_at(pc - 1, "out-of-range access", a);
                mem[sp] = mem[a]; NEXT;
    CASE(STORE) b = mem[sp++]; a = mem[sp];
                if ((uint64_t)a >= ESK_VM_MEMORY_WORDS) esk_vm_trap_at(pc - 1, "out-of-range access", a);
                if (a < ESK_VM_CODE_WORDS) esk_vm_trap_at(pc - 1, "write into the code segment", a);
                if (a >= sp) esk_vm_trap_at(pc - 1, "write into the live stack", a);
                mem[a] = b; mem[sp] = b; NEXT;
    CASE(PRINT) printf("DEBUG: %" PRId64 "\n", mem[sp]);
                if (vm->trace) fflush(stdout);
                NEXT;
    CASE(JMP)   pc = A; NEXT;
    CASE(JZ)    if (mem[sp++] == 0) pc = A; NEXT;
    CASE(JNZ)   if (mem[sp++] != 0) pc = A; NEXT;
    CASE(JZK)   if (mem[sp] == 0) pc = A; else sp++; NEXT;
    CASE(JNZK)  if (mem[sp] != 0) pc = A; else sp++; NEXT;
    CASE(JEQ)   BRANCH(a == b)
    CASE(JNE)   BRANCH(a != b)
    CASE(JLT)   BRANCH(a < b)
    CASE(JGE)   BRANCH(a >= b)
    CASE(JGT)   BRANCH(a > b)
    CASE(JLE)   BRANCH(a <= b)
    CASE(CALL)  mem[--sp] = pc; mem[--sp] = fp; fp = sp; pc = A; NEXT;
    CASE(ENTER) a = A;
                if (sp - ESK_VM_FRAME_NEED(a) < stack_floor) esk_vm_trap(pc - 1, "stack overflow");
                sp -= ESK_VM_FRAME_LOCALS(a); NEXT;
    CASE(RET)   b = mem[sp]; sp = fp; fp = mem[sp]; pc = mem[sp + 1];
                sp += 1 + A; mem[sp] = b; NEXT;

#ifndef ESK_VM_COMPUTED_GOTO
        default: esk_vm_trap(pc - 1, "invalid instruction");
        }
    }
#endif
#undef A
#undef BINARY
#undef BRANCH
#undef CASE
#undef NEXT
}

#ifdef ESK_VM_COMPUTED_GOTO
#pragma GCC diagnostic pop
#endif

/* The stack size in words: ESHKOL_VM_STACK, or the default. */
static int64_t esk_vm_stack_words(void)
{
    const char *text = getenv("ESHKOL_VM_STACK");
    if (!text || !*text) return ESK_VM_STACK_DEFAULT;
    char *end = NULL;
    long long words = strtoll(text, &end, 10);
    if (*end != '\0' || words < ESK_VM_STACK_MIN || words > ESK_VM_STACK_MAX) {
        fprintf(stderr, "VM error: ESHKOL_VM_STACK=%s: expected a number of words from %d to %d\n",
                text, ESK_VM_STACK_MIN, ESK_VM_STACK_MAX);
        exit(1);
    }
    return words;
}

/* Loads the code segment and runs it. `prog --disasm` lists the code. */
static int esk_vm_main(int argc, char **argv, const esk_word *code, int64_t code_words)
{
    if (argc > 1 && strcmp(argv[1], "--disasm") == 0) {
        esk_vm_disasm_all(stdout, code, code_words);
        return 0;
    }
    const char *trace = getenv("ESHKOL_VM_TRACE");
    struct esk_vm vm;
    vm.mem = esk_vm_memory;
    vm.code_words = code_words;
    vm.stack_floor = ESK_VM_MEMORY_WORDS - esk_vm_stack_words();
    vm.trace = trace && *trace && strcmp(trace, "0") != 0;
    memcpy(vm.mem, code, (size_t)code_words * sizeof *code);
    esk_word result = esk_vm_run(&vm);
    printf("Final result: %" PRId64 "\n", result);
    return 0;
}
