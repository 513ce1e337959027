// The VM target: instruction encoding shared with the simulator, code
// generation, diagnostics.
#include <doctest/doctest.h>

#include <string>

#include "vm/bytecode.hpp"
#include "vm/vm.hpp"

using namespace eshkol;

namespace {

struct Compiled {
    std::optional<vm::Output> out;
    std::string diagnostics;
};

Compiled compile(const std::string& text, const std::string& dump = "bytecode") {
    SourceManager sources;
    uint32_t id = sources.add("t.lisp", text);
    Diagnostics diags;
    Compiled c;
    c.out = vm::compile(sources, id, {dump}, diags);
    c.diagnostics = diags.render(sources);
    return c;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("every instruction word decodes to its opcode and operand") {
    const int64_t operands[] = {0, 1, -1, 16384, -65536, ESK_VM_OPERAND_MAX, ESK_VM_OPERAND_MIN};
    for (int op = 0; op < ESK_OP_COUNT; ++op) {
        for (int64_t a : operands) {
            vm::Word w = vm::encode(static_cast<vm::Op>(op), a);
            CHECK(ESK_VM_OPCODE(w) == op);
            CHECK(ESK_VM_OPERAND(w) == a);
        }
    }
    CHECK(vm::operand_fits(ESK_VM_OPERAND_MAX));
    CHECK_FALSE(vm::operand_fits(ESK_VM_OPERAND_MAX + 1));
    CHECK_FALSE(vm::operand_fits(ESK_VM_OPERAND_MIN - 1));
}

TEST_CASE("the generated C's ESK_VM_INSN spells the words the compiler makes") {
    CHECK(vm::encode(ESK_OP_LIT, -5) == ESK_VM_INSN(LIT, -5));
    CHECK(vm::encode(ESK_OP_JLT, 12000) == ESK_VM_INSN(JLT, 12000));
    CHECK(vm::encode(ESK_OP_ENTER, ESK_VM_FRAME(7, 2)) == ESK_VM_INSN(ENTER, ESK_VM_FRAME(7, 2)));
    CHECK(ESK_VM_FRAME_NEED(ESK_VM_FRAME(7, 2)) == 7);
    CHECK(ESK_VM_FRAME_LOCALS(ESK_VM_FRAME(7, 2)) == 2);
}

TEST_CASE("the opcode table fits the encoding's byte and names each opcode once") {
    static_assert(ESK_OP_COUNT <= 256);
    for (int a = 0; a < ESK_OP_COUNT; ++a)
        for (int b = a + 1; b < ESK_OP_COUNT; ++b)
            CHECK(std::string(vm::op_info(static_cast<vm::Op>(a)).name) !=
                  vm::op_info(static_cast<vm::Op>(b)).name);
}

TEST_CASE("a procedure call: arguments, CALL, a frame, RET") {
    Compiled c = compile("(define (twice x) (+ x x))\n(twice 21)\n");
    REQUIRE(c.out);
    CHECK(c.out->code_words == 9);
    CHECK(contains(c.out->text, "     0  ENTER  0 3        ; locals 0, need 3\n"
                                "     1  LIT    21\n"
                                "     2  CALL   4          ; twice\n"
                                "     3  HALT\n"));
    CHECK(contains(c.out->text, "     5  LDL    2\n     6  LDL    2\n     7  ADD\n     8  RET    1\n"));
}

TEST_CASE("literals wider than an operand take a second word") {
    Compiled c = compile("9223372036854775807");
    REQUIRE(c.out);
    CHECK(contains(c.out->text, "LITW   9223372036854775807"));
    CHECK(c.out->code_words == 4);  // ENTER, LITW + its word, HALT
}

TEST_CASE("locals get slots below fp, reused once their scope ends") {
    Compiled c = compile("(define (f a)\n  (do (do (define x 1) x)\n      (do (define y 2) y)))\n(f 0)\n");
    REQUIRE(c.out);
    CHECK(contains(c.out->text, "ENTER  1 "));  // x and y share one slot
    CHECK(contains(c.out->text, "STL    -1"));
}

TEST_CASE("errors carry file:line:col and every one is reported") {
    Compiled c = compile("(print y)\n(f 1)\n");
    CHECK_FALSE(c.out);
    CHECK(contains(c.diagnostics, "t.lisp:1:8: error: unbound variable 'y'\n"));
    CHECK(contains(c.diagnostics, "t.lisp:2:2: error: unknown procedure 'f'\n"));
}

TEST_CASE("unused procedures are checked but not emitted") {
    Compiled used = compile("(define (unused) 1)\n(define (used) 2)\n(used)\n");
    REQUIRE(used.out);
    CHECK(contains(used.out->text, "; procedure used\n"));
    CHECK_FALSE(contains(used.out->text, "unused"));
    Compiled broken = compile("(define (unused) zz)\n1\n");
    CHECK_FALSE(broken.out);
    CHECK(contains(broken.diagnostics, "unbound variable 'zz'"));
}

TEST_CASE("the emitted C holds the simulator and the code segment") {
    Compiled c = compile("(print 42)\n", "");
    REQUIRE(c.out);
    CHECK(contains(c.out->text, "static esk_word esk_vm_run("));
    CHECK(contains(c.out->text, "ESK_VM_INSN(LIT, 42),"));
    CHECK(contains(c.out->text, "int main(int argc, char **argv)"));
    CHECK_FALSE(contains(c.out->text, "#include \"esk_vm"));
}
