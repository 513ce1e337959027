// The opcode table seen from C++, instruction encoding, the assembler and
// the --dump=bytecode disassembler.
#include "bytecode.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace eshkol::vm {

namespace {

constexpr OpInfo op_table[] = {
#define ESK_VM_INFO(name, operand, pop, push, doc) {#name, operand, pop, push},
    ESK_VM_OPS(ESK_VM_INFO)
#undef ESK_VM_INFO
};
static_assert(std::size(op_table) == ESK_OP_COUNT);

}  // namespace

const OpInfo& op_info(Op op) { return op_table[op]; }

bool operand_fits(int64_t a) { return a >= ESK_VM_OPERAND_MIN && a <= ESK_VM_OPERAND_MAX; }

Word encode(Op op, int64_t a) {
    if (!operand_fits(a)) throw std::logic_error("vm: operand out of range");
    return static_cast<Word>((static_cast<uint64_t>(a) << 8) | static_cast<uint64_t>(op));
}

void Assembler::emit(Op op, int64_t a) {
    code_.push_back(encode(op, a));
    const OpInfo& info = op_info(op);
    depth_ += info.push - info.pop;
    note_depth(depth_);
}

void Assembler::literal(int64_t value) {
    if (operand_fits(value)) {
        emit(ESK_OP_LIT, value);
    } else {
        emit(ESK_OP_LITW);
        code_.push_back(value);
    }
}

Assembler::Label Assembler::new_label() {
    label_at_.push_back(-1);
    return label_at_.size() - 1;
}

void Assembler::bind(Label label) { label_at_.at(label) = static_cast<int64_t>(here()); }

void Assembler::jump(Op op, Label label) {
    label_uses_.emplace_back(here(), label);
    emit(op, 0);
}

bool Assembler::resolve_labels() {
    for (auto [at, label] : label_uses_) {
        if (label_at_.at(label) < 0) return false;
        patch(at, static_cast<Op>(code_[at] & 0xFF), label_at_[label]);
    }
    label_uses_.clear();
    return true;
}

Instruction decode(const Image& image, size_t pc) {
    Word w = image.code.at(pc);
    int opcode = ESK_VM_OPCODE(w);
    if (opcode >= ESK_OP_COUNT) throw std::logic_error("vm: not an instruction");
    auto op = static_cast<Op>(opcode);
    Instruction insn{op, ESK_VM_OPERAND(w), 1, {}};
    switch (op_info(op).operand) {
    case ESK_VM_A_WORD:
        insn.a = image.code.at(pc + 1);
        insn.words = 2;
        break;
    case ESK_VM_A_FRAME:
        insn.note = fmt::format("locals {}, need {}", ESK_VM_FRAME_LOCALS(insn.a), ESK_VM_FRAME_NEED(insn.a));
        break;
    case ESK_VM_A_GLOBAL:
        if (insn.a >= static_cast<int64_t>(image.code.size()) && insn.a < static_cast<int64_t>(image.words()))
            insn.note = image.globals[static_cast<size_t>(insn.a) - image.code.size()];
        break;
    case ESK_VM_A_CODE:
        if (auto it = image.procedures.find(insn.a); it != image.procedures.end()) insn.note = it->second;
        break;
    default: break;
    }
    return insn;
}

std::string disassemble(const Image& image) {
    size_t globals = image.globals.size();
    std::string out = fmt::format("; {} words of bytecode, {} global slot{}, {} words of the code segment free\n",
                                  image.code.size(), globals, globals == 1 ? "" : "s",
                                  ESK_VM_CODE_WORDS - image.words());
    for (size_t pc = 0; pc < image.code.size();) {
        if (pc == 0) out += "\n; top level\n";
        if (auto it = image.procedures.find(static_cast<int64_t>(pc)); it != image.procedures.end())
            out += fmt::format("\n; procedure {}\n", it->second);
        Instruction insn = decode(image, pc);
        const OpInfo& info = op_info(insn.op);
        std::string operand;
        if (info.operand == ESK_VM_A_FRAME)
            operand = fmt::format("{} {}", ESK_VM_FRAME_LOCALS(insn.a), ESK_VM_FRAME_NEED(insn.a));
        else if (info.operand != ESK_VM_A_NONE)
            operand = fmt::format("{}", insn.a);
        std::string line = fmt::format("{:>6}  {:<6} {:<10}", pc, info.name, operand);
        if (!insn.note.empty()) line += " ; " + insn.note;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        pc += insn.words;
    }
    if (!image.globals.empty()) out += "\n; globals\n";
    for (size_t i = 0; i < image.globals.size(); ++i)
        out += fmt::format("{:>6}  {}\n", image.code.size() + i, image.globals[i]);
    return out;
}

}  // namespace eshkol::vm
