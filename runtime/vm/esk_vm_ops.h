/* esk_vm_ops.h - the VM's instruction set: the one table behind the
 * compiler's enum (C++), the simulator's dispatch and the disassemblers.
 *
 * Encoding. Every instruction is one 64-bit word: the opcode in the low
 * byte, a signed 56-bit operand A above it.
 *
 *    63                                         8 7            0
 *   +--------------------------------------------+--------------+
 *   |             A (signed, 56 bits)            |    opcode    |
 *   +--------------------------------------------+--------------+
 *
 *   word = A * 256 + opcode     opcode = word & 0xFF     A = word >> 8
 *
 * Two instructions read more than A:
 *   LITW   the literal is the next word (constants that need all 64 bits):
 *          +-------------+  +---------------------------+
 *          |  0  |  LITW |  |   value (64 bits)         |
 *          +-------------+  +---------------------------+
 *   ENTER  A packs two counts: A = need * 65536 + locals.
 *
 * The stack grows down; sp addresses the top word. A frame, for a
 * procedure of n parameters:
 *
 *   fp + 1 + n   argument 1         (pushed first by the caller)
 *   ...
 *   fp + 2       argument n
 *   fp + 1       return pc          (pushed by CALL)
 *   fp + 0       caller's fp        (pushed by CALL)   <- fp
 *   fp - 1       local 0            (reserved by ENTER)
 *   ...
 *   fp - k       local k-1
 *                operand stack ...                     <- sp
 *
 * Table columns: X(NAME, OPERAND, POP, PUSH, what it does). POP and PUSH
 * are the words an instruction takes from and leaves on the operand stack
 * (CALL, RET, ENTER and HALT are special-cased by the compiler).
 */
#ifndef ESK_VM_OPS_H
#define ESK_VM_OPS_H

#include <stdint.h>

/* What operand A means, for the disassemblers. */
enum esk_vm_operand {
    ESK_VM_A_NONE,    /* A is 0 */
    ESK_VM_A_INT,     /* a constant */
    ESK_VM_A_WORD,    /* the next word is the constant (LITW) */
    ESK_VM_A_SLOT,    /* a frame offset from fp */
    ESK_VM_A_GLOBAL,  /* the address of a global slot */
    ESK_VM_A_CODE,    /* a code address */
    ESK_VM_A_FRAME,   /* need * 65536 + locals (ENTER) */
    ESK_VM_A_COUNT    /* a number of arguments (RET) */
};

#define ESK_VM_OPS(X) \
    X(HALT,  ESK_VM_A_NONE,   1, 0, "stop; the top word is the program's result") \
    X(LIT,   ESK_VM_A_INT,    0, 1, "push A") \
    X(LITW,  ESK_VM_A_WORD,   0, 1, "push the next word; skip it") \
    X(DUP,   ESK_VM_A_NONE,   1, 2, "push the top word again") \
    X(POP,   ESK_VM_A_NONE,   1, 0, "drop the top word") \
    X(LDL,   ESK_VM_A_SLOT,   0, 1, "push mem[fp + A] (a parameter or local)") \
    X(STL,   ESK_VM_A_SLOT,   1, 0, "pop into mem[fp + A]") \
    X(LDG,   ESK_VM_A_GLOBAL, 0, 1, "push mem[A] (a global)") \
    X(STG,   ESK_VM_A_GLOBAL, 1, 0, "pop into mem[A] (a global)") \
    X(ADDI,  ESK_VM_A_INT,    1, 1, "top + A, wrapping") \
    X(ADD,   ESK_VM_A_NONE,   2, 1, "a + b, wrapping at 64 bits") \
    X(SUB,   ESK_VM_A_NONE,   2, 1, "a - b, wrapping") \
    X(MUL,   ESK_VM_A_NONE,   2, 1, "a * b, wrapping") \
    X(DIV,   ESK_VM_A_NONE,   2, 1, "a / b truncated; b = 0 traps") \
    X(MOD,   ESK_VM_A_NONE,   2, 1, "a % b, sign of a; b = 0 traps") \
    X(NEG,   ESK_VM_A_NONE,   1, 1, "-a, wrapping") \
    X(EQ,    ESK_VM_A_NONE,   2, 1, "a = b: 1 or 0") \
    X(NE,    ESK_VM_A_NONE,   2, 1, "a != b") \
    X(LT,    ESK_VM_A_NONE,   2, 1, "a < b") \
    X(GT,    ESK_VM_A_NONE,   2, 1, "a > b") \
    X(LE,    ESK_VM_A_NONE,   2, 1, "a <= b") \
    X(GE,    ESK_VM_A_NONE,   2, 1, "a >= b") \
    X(NOT,   ESK_VM_A_NONE,   1, 1, "1 if a = 0, else 0") \
    X(BAND,  ESK_VM_A_NONE,   2, 1, "bitwise and") \
    X(BOR,   ESK_VM_A_NONE,   2, 1, "bitwise or") \
    X(BXOR,  ESK_VM_A_NONE,   2, 1, "bitwise exclusive or") \
    X(BNOT,  ESK_VM_A_NONE,   1, 1, "bitwise complement") \
    X(SHL,   ESK_VM_A_NONE,   2, 1, "a << (b mod 64)") \
    X(SHR,   ESK_VM_A_NONE,   2, 1, "a >> (b mod 64), sign-filling") \
    X(LOAD,  ESK_VM_A_NONE,   1, 1, "push mem[addr]; addr outside memory traps") \
    X(STORE, ESK_VM_A_NONE,   2, 1, "mem[addr] = v, leaving v; code segment or live stack traps") \
    X(PRINT, ESK_VM_A_NONE,   1, 1, "print 'DEBUG: <top>', leaving it") \
    X(JMP,   ESK_VM_A_CODE,   0, 0, "pc = A") \
    X(JZ,    ESK_VM_A_CODE,   1, 0, "pop; if it was 0, pc = A") \
    X(JNZ,   ESK_VM_A_CODE,   1, 0, "pop; if it was not 0, pc = A") \
    X(JZK,   ESK_VM_A_CODE,   1, 0, "if top = 0, pc = A keeping it; else pop (and)") \
    X(JNZK,  ESK_VM_A_CODE,   1, 0, "if top != 0, pc = A keeping it; else pop (or)") \
    X(JEQ,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a = b, pc = A (fused tests)") \
    X(JNE,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a != b, pc = A") \
    X(JLT,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a < b, pc = A") \
    X(JGE,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a >= b, pc = A") \
    X(JGT,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a > b, pc = A") \
    X(JLE,   ESK_VM_A_CODE,   2, 0, "pop b, a; if a <= b, pc = A") \
    X(CALL,  ESK_VM_A_CODE,   0, 0, "push pc, push fp; fp = sp; pc = A") \
    X(ENTER, ESK_VM_A_FRAME,  0, 0, "check the stack has need words; reserve locals") \
    X(RET,   ESK_VM_A_COUNT,  1, 1, "return the top word; drop the frame and A arguments")

enum esk_vm_op {
#define ESK_VM_ENUM(name, operand, pop, push, doc) ESK_OP_##name,
    ESK_VM_OPS(ESK_VM_ENUM)
#undef ESK_VM_ENUM
    ESK_OP_COUNT
};

/* Encoding helpers, written so that no step is undefined behaviour in C:
 * A is recovered by an arithmetic shift spelled out for negative words. */
#define ESK_VM_OPCODE(word) ((int)((word) & 0xFF))
#define ESK_VM_SAR(x, n) ((x) < 0 ? ~(~(x) >> (n)) : (x) >> (n))
#define ESK_VM_OPERAND(word) ESK_VM_SAR((word), 8)

/* The operand range of the one-word form; LIT falls back to LITW outside it. */
#define ESK_VM_OPERAND_MAX (((int64_t)1 << 55) - 1)
#define ESK_VM_OPERAND_MIN (-((int64_t)1 << 55))

/* One instruction word, as generated programs spell their code segment:
 * ESK_VM_INSN(LIT, 42), ESK_VM_INSN(ENTER, ESK_VM_FRAME(7, 2)). */
#define ESK_VM_INSN(name, a) ((int64_t)(a) * 256 + ESK_OP_##name)
#define ESK_VM_FRAME(need, locals) ((int64_t)(need) * 65536 + (locals))

/* ENTER's packed operand. */
#define ESK_VM_FRAME_LOCALS(a) ((a) & 0xFFFF)
#define ESK_VM_FRAME_NEED(a) ((a) >> 16)

#endif /* ESK_VM_OPS_H */
