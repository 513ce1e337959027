// Bytecode for the 64K-word machine: the opcode table (shared with the C
// simulator through runtime/vm/esk_vm_ops.h), an assembler with labels and
// stack-depth accounting, and the compiled image with its disassembly.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "../source.hpp"
#include "../../runtime/vm/esk_vm_config.h"
#include "../../runtime/vm/esk_vm_ops.h"

namespace eshkol::vm {

using Word = int64_t;
using Op = esk_vm_op;

struct OpInfo {
    const char* name;
    esk_vm_operand operand;
    int pop;   // words taken from the operand stack
    int push;  // words left on it
};
const OpInfo& op_info(Op op);

// One instruction word: A * 256 + opcode (see the drawing in esk_vm_ops.h).
Word encode(Op op, int64_t a);
bool operand_fits(int64_t a);

// A compiled program: the code segment's bytecode, the global slots that
// follow it, and names for the disassembly.
struct Image {
    std::vector<Word> code;
    std::vector<std::string> globals;           // slot i lives at code.size() + i
    std::map<int64_t, std::string> procedures;  // entry address -> name
    std::map<int64_t, Loc> forms;               // where each statement's code starts
    size_t words() const { return code.size() + globals.size(); }
};

// One instruction read back from an image.
struct Instruction {
    Op op;
    int64_t a;         // the operand (LITW: the literal word)
    size_t words;      // 2 for LITW, else 1
    std::string note;  // what the operand names: a global, a procedure, ENTER's counts
};
Instruction decode(const Image& image, size_t pc);

// --dump=bytecode: every instruction with its address, procedures and
// globals named.
std::string disassemble(const Image& image);

// Emits instructions for one procedure at a time, tracking the operand
// stack's depth so each ENTER can reserve exactly what its frame needs.
class Assembler {
public:
    using Label = size_t;

    explicit Assembler(std::vector<Word>& code) : code_(code) {}

    size_t here() const { return code_.size(); }
    void emit(Op op, int64_t a = 0);
    void literal(int64_t value);  // LIT, or LITW when it does not fit
    Label new_label();
    void bind(Label label);
    void jump(Op op, Label label);  // any instruction taking a code address
    // Patches every jump to its label; returns false if one was never bound.
    bool resolve_labels();

    // The operand depth, for code the table cannot describe (calls,
    // branches that rejoin). note_depth raises the recorded maximum.
    int depth() const { return depth_; }
    void set_depth(int depth) { depth_ = depth; note_depth(depth); }
    void note_depth(int depth) { max_depth_ = std::max(max_depth_, depth); }
    int max_depth() const { return max_depth_; }
    void reset_depth() { depth_ = max_depth_ = 0; }

    void patch(size_t at, Op op, int64_t a) { code_[at] = encode(op, a); }

private:
    std::vector<Word>& code_;
    std::vector<int64_t> label_at_;                    // -1 while unbound
    std::vector<std::pair<size_t, Label>> label_uses_; // (instruction, label)
    int depth_ = 0;
    int max_depth_ = 0;
};

}  // namespace eshkol::vm
