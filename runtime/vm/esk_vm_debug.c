/* esk_vm_debug.c - disassembly and execution tracing, driven by the opcode table. */
#include "esk_vm.h"

static const char *const esk_vm_op_names[ESK_OP_COUNT] = {
#define ESK_VM_NAME(name, operand, pop, push, doc) #name,
    ESK_VM_OPS(ESK_VM_NAME)
#undef ESK_VM_NAME
};

static const unsigned char esk_vm_op_operands[ESK_OP_COUNT] = {
#define ESK_VM_OPERAND_KIND(name, operand, pop, push, doc) operand,
    ESK_VM_OPS(ESK_VM_OPERAND_KIND)
#undef ESK_VM_OPERAND_KIND
};

static int esk_vm_disasm_one(char *buf, size_t size, const esk_word *code, int64_t pc)
{
    esk_word w = code[pc];
    int op = ESK_VM_OPCODE(w);
    int64_t a = ESK_VM_OPERAND(w);
    if (op >= ESK_OP_COUNT) {
        snprintf(buf, size, "(data %" PRId64 ")", w);
        return 1;
    }
    const char *name = esk_vm_op_names[op];
    switch (esk_vm_op_operands[op]) {
    case ESK_VM_A_NONE:
        snprintf(buf, size, "%s", name);
        return 1;
    case ESK_VM_A_WORD:
        snprintf(buf, size, "%-6s %" PRId64, name, code[pc + 1]);
        return 2;
    case ESK_VM_A_FRAME:
        snprintf(buf, size, "%-6s %" PRId64 " %" PRId64, name, ESK_VM_FRAME_LOCALS(a),
                 ESK_VM_FRAME_NEED(a));
        return 1;
    default:
        snprintf(buf, size, "%-6s %" PRId64, name, a);
        return 1;
    }
}

static void esk_vm_disasm_all(FILE *out, const esk_word *code, int64_t words)
{
    char text[64];
    int64_t pc = 0;
    while (pc < words) {
        int n = esk_vm_disasm_one(text, sizeof text, code, pc);
        fprintf(out, "%6" PRId64 "  %s\n", pc, text);
        pc += n;
    }
}

static void esk_vm_trace_step(const struct esk_vm *vm, int64_t pc, int64_t sp, int64_t fp)
{
    char text[64];
    esk_vm_disasm_one(text, sizeof text, vm->mem, pc);
    fprintf(stderr, "trace: %6" PRId64 "  %-20s sp %" PRId64 " fp %" PRId64 " [", pc, text, sp, fp);
    for (int64_t i = sp; i < ESK_VM_MEMORY_WORDS && i < sp + 4; ++i)
        fprintf(stderr, i == sp ? "%" PRId64 : " %" PRId64, vm->mem[i]);
    fprintf(stderr, "%s]\n", sp + 4 < ESK_VM_MEMORY_WORDS ? " ..." : "");
}
