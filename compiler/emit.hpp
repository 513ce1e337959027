// The C emitter's internals, shared by its files: emit_c.cpp (the program,
// functions), emit_expr.cpp (expressions and calls), emit_prim.cpp
// (built-ins), emit_flonum.cpp (flonums in C doubles), emit_const.cpp
// (quoted constants).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "escape.hpp"
#include "lower.hpp"
#include "ownership.hpp"
#include "passes.hpp"
#include "primitives.hpp"
#include "represent.hpp"

namespace eshkol::emit {

// What an expression compiles to: statements, then a C expression.
struct Code {
    Code() = default;
    Code(std::string s, std::string v, bool t = true, std::string c = "")
        : stmts(std::move(s)), value(std::move(v)), trivial(t), cond(std::move(c)) {}
    std::string stmts;
    std::string value;    // a C expression of type esk_val (double, from Emitter::flo)
    bool trivial = true;  // value has no effects and cannot fail
    std::string cond;     // when set: a C truth expression equivalent to value
};

// Where an expression's value goes.
struct Dest {
    enum class Kind { ret, value, effect };
    Kind kind = Kind::effect;
    std::string temp;  // value: the C variable to assign
    std::string join;  // when set: jump here after delivering
    bool flo = false;  // value: temp is a C double (the expression is a flonum)
    static Dest ret() { return {Kind::ret, "", "", false}; }
    static Dest to(std::string temp) { return {Kind::value, std::move(temp), "", false}; }
    static Dest to_double(std::string temp) { return {Kind::value, std::move(temp), "", true}; }
    static Dest effect() { return {Kind::effect, "", "", false}; }
};

// Per-function emission state.
struct Function {
    const Lambda* lambda = nullptr;  // null for the program body
    bool direct = false;             // positional C parameters
    std::string decls;               // hoisted declarations
    std::unordered_set<std::string> declared;
    bool loops = false;              // a self tail call jumped to 'top'
    std::string mark;                // owner-stack depth at entry (emit_shared.cpp); "" if unused
    bool inlining = false;           // emitting a copy of its own body (inline_self_call)
};

// A built-in that stores arguments into a container (emit_shared.cpp).
struct StoreSpec {
    std::string_view name;
    int container;  // the argument that is the container; -1: the result
    int first;      // the stored arguments: first..last
    int last;       // -1: to the end
};

std::string mangle(std::string_view name);
std::string c_string_literal(std::string_view bytes);
std::string comment_text(std::string_view s);
std::string reindent(const std::string& code);  // C indented by brace depth
std::string double_literal(double d);

class CInterface;  // emit_ffi.hpp

class Emitter {
public:
    Emitter(const Program& program, const Lowering& lowering, const Escape& escape, const Ownership& ownership,
            const Representation& rep, const SourceManager& sources, const EmitOptions& options, Diagnostics& diags)
        : prog_(program), low_(lowering), esc_(escape), own_(ownership), rep_(rep), sources_(sources),
          options_(options), diags_(diags) {}

    std::string run();

private:
    const Program& prog_;
    const Lowering& low_;
    const Escape& esc_;
    const Ownership& own_;
    const Representation& rep_;
    const SourceManager& sources_;
    const EmitOptions& options_;
    Diagnostics& diags_;

    // file-level pieces
    std::string file_statics_, globals_, prototypes_, functions_;
    std::string constant_init_;  // statements of esk_init_constants()
    std::vector<Loc> locs_{Loc{}};
    std::unordered_map<const Datum*, std::string> constants_;
    std::unordered_set<const Datum*> constants_in_progress_;
    struct Fixup {
        std::string place;     // a C lvalue inside a constant
        const Datum* target;   // the enclosing datum it points back to
    };
    std::vector<Fixup> fixups_;
    std::map<std::string, std::string> primitive_values_;  // name -> C variable
    std::unordered_set<const Var*> boxed_;
    Function* fn_ = nullptr;
    uint32_t next_temp_ = 0;
    CInterface* ffi_ = nullptr;  // the C interface's state, for run()'s length

    Code c_interface(const Expr& e, const Primitive& p, std::vector<Code>& args);  // emit_ffi.cpp
    std::string header_text(const std::string& prototypes) const;

    // emit_c.cpp
    int loc_id(Loc loc);
    std::string line(Loc loc) const;
    std::string source_comment(Loc loc) const;
    std::string temp(std::string_view hint);
    void declare(const std::string& name);
    void declare_double(const std::string& name);
    void declare_var(const Var* v);
    std::string var_name(const Var* v) const;
    std::string raw_var(const Var* v) const;
    void check_names(const std::string& program_text);
    std::string with_gc_roots(const std::string& program_text) const;
    std::string read_var(const Var* v, Loc loc);
    std::string write_var(const Var* v, const std::string& value);
    bool is_boxed(const Var* v) const { return boxed_.count(v) != 0; }
    std::string function_name(const Lambda& l) const;
    std::string label_name(const Lambda& l) const;
    std::string emit_function(const Lambda& l);
    std::string params_prologue(const Lambda& l);
    std::string program_function();
    void eval_table();
    std::string session_cell_key(const Var* v) const;
    std::string session_function(const std::string& decls, const std::string& body, const std::string& start);

    // emit_expr.cpp
    Code expr(const Expr& e);
    Code ref_value(const Expr& e, const Var* v);
    std::string emit_to(const Expr& e, const Dest& d);
    std::string deliver(const Code& c, const Dest& d);
    std::string effect(const Expr& e) { return emit_to(e, Dest::effect()); }
    std::string statement(const Expr& e);
    std::string statements(const Code& c);
    Code if_value(const Expr& e, const If& n);
    std::string if_to(const If& n, const Dest& d);
    std::string let_to(const Expr& e, const Let& n, const Dest& d);
    std::string let_bindings(const Let& n);
    Code lambda_value(const Expr& e, const Lambda& l);
    std::vector<Code> operands(const std::vector<ExprPtr>& args, bool all_in_temps = false,
                               const std::vector<bool>& doubles = {});
    std::vector<bool> double_params(const Lambda& g) const;
    Code call_value(const Expr& e, const Call& n);
    bool inline_call(const Expr& e, const Lambda& g, std::vector<Code>& args, Code& out);
    bool inline_self_call(const Expr& e, const Lambda& g, std::vector<Code>& args, bool for_effect, Code& out);
    std::string call_to(const Expr& e, const Call& n, const Dest& d);
    std::string jump_to(const Expr& e, const Lambda& target, const Call& n);
    std::string self_loop(const Expr& e, const Call& n);
    std::string trampoline_call(const Expr& e, const std::string& fn, std::vector<Code>& args);
    Code direct_call(const Expr& e, const Lambda& g, const Var* callee, std::vector<Code>& args);
    Code unknown_call(const Expr& e, const Call& n, std::vector<Code>& args);
    std::string bounce(const std::string& value);

    // emit_prim.cpp
    Code primitive(const Expr& e, const Primitive& p, const std::vector<ExprPtr>& exprs, std::vector<Code>& args,
                   bool tail);
    Code primitive_call(const Expr& e, const Primitive& p, std::vector<Code>& args, bool tail);
    Code open_coded(const Expr& e, const Primitive& p, std::vector<Code>& args, bool& handled);
    std::string primitive_value(const Primitive& p);
    std::string stack_storage(const Expr& e, std::string_view type, const std::string& count);
    bool allocation(const Expr& e, std::string_view name, std::vector<Code>& args, Code& out);

    // emit_shared.cpp: ownership of shared values
    bool counting_ = false;                             // the program makes shared values
    std::unordered_set<const Var*> may_hold_;           // variables that may hold one
    std::unordered_map<const Lambda*, bool> returns_shared_;  // its result may be one
    std::unordered_map<const Lambda*, bool> pushes_;    // a call may leave owner-stack entries
    std::unordered_map<const Lambda*, std::string> loop_marks_;  // contified lambda -> its loop's mark
    std::unordered_set<const Lambda*> borrowing_closures_;  // never outlive what they capture
    std::unordered_set<const Var*> borrowed_;           // let variables that need not own
    static const StoreSpec* store_spec(std::string_view name);
    void analyse_ownership();
    bool params_from_calls(const Lambda& l) const;
    bool may_be_shared(const Expr& e) const;
    bool owns_on_stack(const Var* v, bool rec) const;
    bool quiet(const Expr& e) const;
    bool container_read(const Expr& e) const;
    void find_borrowed(const Let& n);
    bool call_pushes(const Call& n) const;
    bool touches(const Expr& e) const;
    bool leaves(const Expr& e) const;
    bool fn_touches(const Lambda& l) const;
    std::string new_mark(uint32_t id, std::string_view hint);
    std::string mark_here(const std::string& mark);
    std::string mark_of(const Lambda& l) const;
    std::string own_parameter(const Lambda& l, const Var* p);
    std::string bind_owned(const Var* v, const std::string& mark, const std::string& value, bool rec);
    Code assign_owned(const Expr& e, const Var* v, const Expr& value);
    std::string leave(const std::string& mark, const std::string& value);
    std::string jump_unwind(const std::string& mark, const std::vector<Code>& args);
    bool needs_notes(const Primitive& p, const std::vector<ExprPtr>& args) const;
    void settle_operands(const Primitive& p, std::vector<Code>& args);
    Code with_notes(const Primitive& p, const std::vector<ExprPtr>& exprs, std::vector<Code>& args, Code call);
    std::string value_notes(const Primitive& p) const;
    std::string globals_table(size_t& count, std::string* fill) const;
    // emit_flonum.cpp
    std::string double_temp(std::string_view hint);
    Code flo(const Expr& e);
    Code flo_if(const If& n);
    Code flo_call(const Expr& e, const Call& n, const Primitive& p);
    Code flo_arithmetic(const Expr& e, const Call& n, const Primitive& p);
    bool flonum_primitive(const Expr& e, const Call& n, const Primitive& p, Code& out);
    Code flo_comparison(const Expr& e, const Call& n, const Primitive& p);

    // emit_const.cpp
    Code constant(const Expr& e, const Datum* d);
    std::string constant_expr(const Datum* d);
    std::string build_constant(const Datum* d);
    std::string number_constant(const Number& n);
};

}  // namespace eshkol::emit
