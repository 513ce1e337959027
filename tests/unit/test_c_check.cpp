// The emitted C read back: undeclared emitter names and missing labels.
#include <doctest/doctest.h>

#include "c_check.hpp"
#include "diag.hpp"

using namespace eshkol;

namespace {

std::vector<std::string> names(std::string_view c) {
    std::vector<std::string> out;
    for (const CNameProblem& p : check_c_names(c)) out.push_back(p.function + ":" + p.name + (p.label ? ":label" : ""));
    return out;
}

}  // namespace

TEST_CASE("declared locals, parameters, globals and prototypes pass") {
    CHECK(names("static esk_val g1_x = ESK_UNDEFINED;\n"
                "ESK_PROC esk_val f2_f(esk_val self, esk_val v3_a);\n"
                "static esk_val k1;\n"
                "ESK_PROC esk_val f2_f(esk_val self, esk_val v3_a)\n{\n"
                "    esk_val t4_tmp;\n    double d5_y;\n    esk_val a6[2];\n"
                "top:\n    t4_tmp = f2_f(self, v3_a);\n    d5_y = 1.0 * d5_y;\n"
                "    a6[0] = ESK_CLOSURE(self)->slots[0];\n    if (t4_tmp) goto top;\n"
                "    return c ? g1_x : k1;\n}\n")
              .empty());
}

TEST_CASE("a name used but never declared is found, with its function") {
    CHECK(names("ESK_PROC esk_val f1_f(esk_val v2_a)\n{\n    return v6_f;\n}\n") ==
          std::vector<std::string>{"f1_f:v6_f"});
    // a parameter of one function is not visible in the next
    CHECK(names("ESK_PROC esk_val f1_f(esk_val v2_a)\n{\n    return v2_a;\n}\n"
                "ESK_PROC esk_val f3_g(esk_val v4_b)\n{\n    return v2_a;\n}\n") ==
          std::vector<std::string>{"f3_g:v2_a"});
    // nor a prototype's parameter, nor a local of an inner block after it closes
    CHECK(names("ESK_PROC esk_val f1_f(esk_val v2_a);\nstatic void esk_program(void)\n{\n"
                "    { esk_val t1_x; t1_x = 0; }\n    (void)v2_a;\n    (void)t1_x;\n}\n") ==
          std::vector<std::string>{"esk_program:v2_a", "esk_program:t1_x"});
    // an undeclared function
    CHECK(names("static void esk_program(void)\n{\n    f9_g(ESK_FIX(1));\n}\n") ==
          std::vector<std::string>{"esk_program:f9_g"});
}

TEST_CASE("comments, strings, characters and preprocessor lines are not code") {
    CHECK(names("/* v1_x */\n// v2_y\n#line 3 \"v3_z.scm\"\nstatic void esk_program(void)\n{\n"
                "    esk_display(0, \"v4_w \\\" v5_q\", ESK_CHAR('v'));\n}\n")
              .empty());
}

TEST_CASE("a goto without its label is found") {
    CHECK(names("static void esk_program(void)\n{\n    goto J1_join;\n    J2_join:;\n}\n") ==
          std::vector<std::string>{"esk_program:J1_join:label"});
    CHECK(names("static void esk_program(void)\n{\n    goto J1_join;\n    J1_join:;\n}\n").empty());
}

TEST_CASE("an internal diagnostic counts as an error and renders as an internal error") {
    SourceManager sm;
    uint32_t id = sm.add("p.scm", "(f x)\n");
    Diagnostics d;
    d.internal(Loc{id, 1, 2}, "broken");
    CHECK(d.has_errors());
    CHECK(d.has_internal());
    CHECK(d.render(sm).rfind("p.scm:1:2: internal error: broken\n", 0) == 0);
}
