// Code generation for the VM: the word-level Lisp to stack-machine bytecode.
//
// Every expression is compiled either for its value (it leaves one word on
// the operand stack) or for effect (it leaves nothing). Procedures get a
// frame (see esk_vm_ops.h); the top-level code runs in a frame of its own,
// where loop variables and micro parameters live. Globals are slots after
// the bytecode, patched in once the code's length is known.
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "passes.hpp"

namespace eshkol::vm {

namespace {

enum class Want { value, effect };

// Where an expression sits: a top-level sequence (procedure definitions and
// micros allowed), a body sequence (a define scopes to the rest of it), or
// any other position (a define there scopes to itself).
enum class Pos { top, body, expr };

// Built-in operators: (name arg ...) compiles to the args and the op.
struct Operator {
    std::string_view name;
    int min_args, max_args;    // max -1: any number
    Op fold;                   // combines two (or more, left to right)
    Op unary;                  // applied to a single argument; ESK_OP_COUNT: none
    int64_t identity;          // the value of (name) when min_args is 0
};

constexpr Op none = ESK_OP_COUNT;
constexpr Operator operators[] = {
    {"+", 0, -1, ESK_OP_ADD, none, 0},          {"*", 0, -1, ESK_OP_MUL, none, 1},
    {"-", 1, -1, ESK_OP_SUB, ESK_OP_NEG, 0},    {"/", 2, -1, ESK_OP_DIV, none, 0},
    {"%", 2, 2, ESK_OP_MOD, none, 0},           {"<", 2, 2, ESK_OP_LT, none, 0},
    {">", 2, 2, ESK_OP_GT, none, 0},            {"=", 2, 2, ESK_OP_EQ, none, 0},
    {"<=", 2, 2, ESK_OP_LE, none, 0},           {">=", 2, 2, ESK_OP_GE, none, 0},
    {"!=", 2, 2, ESK_OP_NE, none, 0},           {"bit-and", 2, -1, ESK_OP_BAND, none, 0},
    {"bit-or", 2, -1, ESK_OP_BOR, none, 0},     {"bit-xor", 2, -1, ESK_OP_BXOR, none, 0},
    {"bit-not", 1, 1, none, ESK_OP_BNOT, 0},    {"shift-left", 2, 2, ESK_OP_SHL, none, 0},
    {"shift-right", 2, 2, ESK_OP_SHR, none, 0}, {"not", 1, 1, none, ESK_OP_NOT, 0},
    {"print", 1, 1, none, ESK_OP_PRINT, 0},     {"mem-read", 1, 1, none, ESK_OP_LOAD, 0},
    {"mem-write", 2, 2, ESK_OP_STORE, none, 0},
};

const Operator* find_operator(std::string_view name) {
    for (const Operator& op : operators)
        if (op.name == name) return &op;
    return nullptr;
}

// A comparison's fused jumps: taken when the comparison holds, or fails.
struct Comparison {
    std::string_view name;
    Op if_true, if_false;
};
constexpr Comparison comparisons[] = {
    {"=", ESK_OP_JEQ, ESK_OP_JNE}, {"!=", ESK_OP_JNE, ESK_OP_JEQ}, {"<", ESK_OP_JLT, ESK_OP_JGE},
    {">=", ESK_OP_JGE, ESK_OP_JLT}, {">", ESK_OP_JGT, ESK_OP_JLE}, {"<=", ESK_OP_JLE, ESK_OP_JGT},
};

const char* kind_name(const Datum* d) {
    switch (d->kind) {
    case DatumKind::string: return "a string";
    case DatumKind::character: return "a character";
    case DatumKind::vector: return "a vector";
    case DatumKind::bytevector: return "a bytevector";
    default: return "the empty list";
    }
}

std::string arity_text(int min, int max) {
    if (min == max) return fmt::format("{} argument{}", min, min == 1 ? "" : "s");
    if (max < 0) return fmt::format("at least {} argument{}", min, min == 1 ? "" : "s");
    return fmt::format("{} to {} arguments", min, max);
}

// Micro expansions nested deeper than this are runaway expansions.
constexpr size_t max_micro_depth = 100;

class Codegen {
public:
    // every_procedure: compile them all (for their diagnostics); else only
    // those the program can call, in the order it first calls them.
    Codegen(const Unit& unit, Diagnostics& diags, bool every_procedure)
        : unit_(unit), diags_(diags), every_procedure_(every_procedure), global_seen_(unit.globals.size(), false) {}
    Image run();

private:
    struct Scope {
        std::vector<std::pair<std::string, int64_t>> vars;  // name -> frame offset
        bool barrier;        // a micro's body sees nothing of its use site
        int64_t slot_mark;   // locals to free when the scope ends
    };
    struct Frame {
        bool main = true;
        std::vector<Scope> scopes;
        int64_t next_slot = 0, max_slots = 0;
        size_t micro_depth = 0;
    };
    using Items = std::vector<Datum*>;
    using Label = Assembler::Label;

    void procedure(size_t index);
    void thread_jumps();
    void top_level();
    void open_frame(bool main);
    void close_frame(size_t enter_at, Loc loc);

    void sequence(const Items& items, size_t first, Want want, Pos pos);
    void expr(const Datum* d, Want want, Pos pos = Pos::expr);
    void form(const Datum* d, Want want, Pos pos);
    void finish(Want want) { if (want == Want::effect) as_.emit(ESK_OP_POP); }
    void failed(Want want) { if (want == Want::value) as_.literal(0); }

    void symbol(const Datum* d, Want want);
    void literal(const Datum* d, Want want);
    void do_form(const Datum* d, Want want, Pos pos);
    void define(const Datum* d, Want want, Pos pos);
    void set(const Datum* d, Want want);
    void if_form(const Datum* d, Want want);
    void while_form(const Datum* d, Want want);
    void for_form(const Datum* d, Want want);
    void logic(const Datum* d, Want want);
    void operation(const Datum* d, const Operator& op, Want want);
    void call(const Datum* d, const Procedure& p, Want want);
    void expand_micro(const Datum* d, const Procedure& p, Want want);
    void branch(const Datum* test, bool when, Label target);
    bool fused_branch(const Datum* test, bool when, Label target);

    // Variables.
    enum class VarKind { local, global, none };
    struct Var { VarKind kind; int64_t where; };
    Var lookup(const Datum* name);
    void load(const Var& v);
    void store(const Var& v);
    int64_t new_local(const std::string& name);
    void push_scope(bool barrier = false);
    void pop_scope();
    bool is_global_context() const { return frame_.main && frame_.micro_depth == 0; }
    bool check_arity(const Datum* d, int min, int max, std::string_view name);
    bool check_form(const Datum* d, bool ok, const char* shape);
    bool names_variable(std::string_view name) const;

    const Unit& unit_;
    Diagnostics& diags_;
    bool every_procedure_;
    Image image_;
    Assembler as_{image_.code};
    Frame frame_;
    std::vector<bool> global_seen_;  // top-level code: defined textually before
    std::vector<std::pair<size_t, size_t>> global_uses_;  // (instruction, global)
    std::vector<std::pair<size_t, size_t>> call_uses_;    // (instruction, procedure)
    std::vector<int64_t> entries_;                         // procedure -> address
    std::vector<std::string> expanding_;              // micros being expanded
};

Image Codegen::run() {
    entries_.assign(unit_.procedures.size(), -1);
    top_level();
    if (every_procedure_) {
        for (size_t i = 0; i < unit_.procedures.size(); ++i)
            if (!unit_.procedures[i].micro) procedure(i);
    } else {
        for (size_t use = 0; use < call_uses_.size(); ++use)  // grows as procedures compile
            if (entries_[call_uses_[use].second] < 0) procedure(call_uses_[use].second);
    }
    for (const Global& g : unit_.globals) image_.globals.push_back(g.name);
    if (image_.words() > ESK_VM_CODE_WORDS) {
        Loc where = unit_.top.empty() ? Loc{} : unit_.top.front()->loc;
        diags_.error(where, fmt::format("the program needs {} words of bytecode and globals; the code segment "
                                        "holds {}", image_.words(), ESK_VM_CODE_WORDS));
        return image_;
    }
    for (auto [at, g] : global_uses_)
        as_.patch(at, static_cast<Op>(image_.code[at] & 0xFF), static_cast<int64_t>(image_.code.size() + g));
    for (auto [at, p] : call_uses_) as_.patch(at, ESK_OP_CALL, entries_[p]);
    if (!as_.resolve_labels()) throw std::logic_error("vm: unbound label");
    thread_jumps();
    return image_;
}

// A jump to a RET or HALT becomes a copy of it (the end of an if branch in
// tail position): one dispatch fewer, same effect.
void Codegen::thread_jumps() {
    std::vector<Word>& code = image_.code;
    for (size_t pc = 0; pc < code.size(); pc += decode(image_, pc).words) {
        if (ESK_VM_OPCODE(code[pc]) != ESK_OP_JMP) continue;
        Word target = code[static_cast<size_t>(ESK_VM_OPERAND(code[pc]))];
        if (ESK_VM_OPCODE(target) == ESK_OP_RET || ESK_VM_OPCODE(target) == ESK_OP_HALT) code[pc] = target;
    }
}

// The top-level code: ENTER, the forms, HALT with the last form's value.
void Codegen::top_level() {
    open_frame(true);
    size_t enter_at = as_.here();
    as_.emit(ESK_OP_ENTER);
    sequence(unit_.top, 0, Want::value, Pos::top);
    as_.emit(ESK_OP_HALT);
    close_frame(enter_at, unit_.top.empty() ? Loc{} : unit_.top.front()->loc);
}

// (define (name p ...) body ...): ENTER, the body, RET.
void Codegen::procedure(size_t index) {
    const Procedure& p = unit_.procedures[index];
    entries_[index] = static_cast<int64_t>(as_.here());
    image_.procedures[entries_[index]] = p.name;
    open_frame(false);
    auto n = static_cast<int64_t>(p.params.size());
    for (int64_t i = 0; i < n; ++i) frame_.scopes.back().vars.emplace_back(p.params[i], 1 + n - i);
    size_t enter_at = as_.here();
    as_.emit(ESK_OP_ENTER);
    sequence(p.body, 0, Want::value, Pos::body);
    as_.emit(ESK_OP_RET, n);
    close_frame(enter_at, p.loc);
}

void Codegen::open_frame(bool main) {
    frame_ = Frame{};
    frame_.main = main;
    frame_.scopes.push_back({{}, false, 0});
    as_.reset_depth();
}

// Patches the frame's ENTER with its locals and the stack words it needs.
void Codegen::close_frame(size_t enter_at, Loc loc) {
    int64_t locals = frame_.max_slots;
    int64_t need = locals + as_.max_depth();
    if (locals > 0xFFFF || need > ESK_VM_STACK_MAX) {
        diags_.error(loc, fmt::format("{} needs a frame of {} words; the stack holds at most {}",
                                      frame_.main ? "the top level" : "this procedure", need, ESK_VM_STACK_MAX));
        return;
    }
    as_.patch(enter_at, ESK_OP_ENTER, need * 65536 + locals);
}

void Codegen::sequence(const Items& items, size_t first, Want want, Pos pos) {
    if (first >= items.size()) {
        failed(want);  // an empty sequence is 0
        return;
    }
    for (size_t i = first; i < items.size() && !diags_.saturated(); ++i) {
        image_.forms[static_cast<int64_t>(as_.here())] = items[i]->loc;  // the innermost form wins
        expr(items[i], i + 1 == items.size() ? want : Want::effect, pos == Pos::top ? Pos::top : Pos::body);
    }
}

void Codegen::expr(const Datum* d, Want want, Pos pos) {
    switch (d->kind) {
    case DatumKind::symbol: symbol(d, want); return;
    case DatumKind::number:
    case DatumKind::boolean: literal(d, want); return;
    case DatumKind::list:
        if (d->is_null()) break;
        form(d, want, pos);
        return;
    default: break;
    }
    diags_.error(d->loc, fmt::format("{} is not a VM value: every value is a 64-bit integer", kind_name(d)));
    failed(want);
}

// An integer literal (#t and #f are 1 and 0).
void Codegen::literal(const Datum* d, Want want) {
    int64_t value = 0;
    if (d->kind == DatumKind::boolean) {
        value = d->boolean ? 1 : 0;
    } else if (!d->number.is_exact_integer()) {
        diags_.error(d->loc, fmt::format("'{}' is not an integer: every VM value is a 64-bit integer",
                                         number_to_string(d->number)));
    } else if (!d->number.num.fits_int64()) {
        diags_.error(d->loc, fmt::format("'{}' does not fit in a 64-bit word", number_to_string(d->number)));
    } else {
        value = d->number.num.to_int64();
    }
    if (want == Want::value) as_.literal(value);
}

void Codegen::symbol(const Datum* d, Want want) {
    Var v = lookup(d);
    if (v.kind == VarKind::none) {
        failed(want);
        return;
    }
    if (want == Want::value) load(v);
}

void Codegen::form(const Datum* d, Want want, Pos pos) {
    std::string_view head = head_name(d);
    if (head.empty() || !d->is_proper_list()) {
        diags_.error(d->loc, "expected a form: (name argument ...)");
        return failed(want);
    }
    if (head == "do") return do_form(d, want, pos);
    if (head == "define") return define(d, want, pos);
    if (head == "set") return set(d, want);
    if (head == "if") return if_form(d, want);
    if (head == "while") return while_form(d, want);
    if (head == "for") return for_form(d, want);
    if (head == "and" || head == "or") return logic(d, want);
    if (const Operator* op = find_operator(head)) return operation(d, *op, want);
    if (const Procedure* p = unit_.procedure(head)) return p->micro ? expand_micro(d, *p, want) : call(d, *p, want);
    if (head == "defmicro" || head == "include") {
        // Top-level ones were collected (or spliced in) by gather.
        if (pos != Pos::top) diags_.error(d->loc, fmt::format("{} is only allowed at top level", head));
        return failed(want);
    }
    if (names_variable(head))
        diags_.error(d->items[0]->loc, fmt::format("'{}' is a variable, not a procedure", head));
    else
        diags_.error(d->items[0]->loc, fmt::format("unknown procedure '{}'", head));
    failed(want);
}

// (do e ...): the value of the last e; (do) is 0.
void Codegen::do_form(const Datum* d, Want want, Pos pos) {
    push_scope();
    sequence(d->items, 1, want, pos == Pos::top ? Pos::top : Pos::body);
    pop_scope();
}

// (define name value): a global at top level, else a local whose scope is
// the rest of the enclosing sequence. (define (name p ...) body ...) was
// collected by gather and is only allowed at top level. Its value is value.
void Codegen::define(const Datum* d, Want want, Pos pos) {
    const auto& items = d->items;
    if (items.size() >= 2 && items[1]->kind == DatumKind::list) {
        if (pos != Pos::top) diags_.error(d->loc, "procedures can only be defined at top level");
        return failed(want);
    }
    if (!check_form(d, items.size() == 3 && items[1]->kind == DatumKind::symbol, "(define name value)"))
        return failed(want);
    const Datum* name = items[1];
    if (is_builtin(name->text)) {
        diags_.error(name->loc, fmt::format("'{}' is a built-in form; it cannot be redefined", name->text));
        return failed(want);
    }
    bool scoped_here = pos == Pos::expr && !is_global_context();
    if (scoped_here) push_scope();
    expr(items[2], Want::value);
    if (want == Want::value) as_.emit(ESK_OP_DUP);
    if (is_global_context()) {
        const size_t* g = unit_.global(name->text);
        if (!g) throw std::logic_error("vm: a global that gather did not collect");
        global_seen_[*g] = true;
        store({VarKind::global, static_cast<int64_t>(*g)});
    } else {
        store({VarKind::local, new_local(name->text)});
    }
    if (scoped_here) pop_scope();
}

// (set name value): its value is value.
void Codegen::set(const Datum* d, Want want) {
    if (!check_form(d, d->items.size() == 3 && d->items[1]->kind == DatumKind::symbol, "(set name value)"))
        return failed(want);
    Var v = lookup(d->items[1]);
    expr(d->items[2], Want::value);
    if (want == Want::value) as_.emit(ESK_OP_DUP);
    if (v.kind != VarKind::none) store(v);
    else as_.emit(ESK_OP_POP);
}

// (if test then [else]): without else, a false test gives 0.
void Codegen::if_form(const Datum* d, Want want) {
    const auto& items = d->items;
    if (!check_form(d, items.size() == 3 || items.size() == 4, "(if test then [else])")) return failed(want);
    Label otherwise = as_.new_label(), end = as_.new_label();
    branch(items[1], false, otherwise);
    int depth = as_.depth();
    expr(items[2], want);
    if (items.size() == 3 && want == Want::effect) {
        as_.bind(otherwise);
        return;
    }
    as_.jump(ESK_OP_JMP, end);
    as_.bind(otherwise);
    as_.set_depth(depth);
    if (items.size() == 4) expr(items[3], want);
    else failed(want);
    as_.bind(end);
}

// (while test body ...): 0. The test sits after the body, so each turn
// runs one jump.
void Codegen::while_form(const Datum* d, Want want) {
    if (!check_form(d, d->items.size() >= 2, "(while test body ...)")) return failed(want);
    Label body = as_.new_label(), test = as_.new_label();
    as_.jump(ESK_OP_JMP, test);
    as_.bind(body);
    push_scope();
    sequence(d->items, 2, Want::effect, Pos::body);
    pop_scope();
    as_.bind(test);
    branch(d->items[1], true, body);
    failed(want);
}

// (for (name from to) body ...): name runs from `from` up to `to`
// (exclusive), both evaluated once, before the loop; 0.
void Codegen::for_form(const Datum* d, Want want) {
    const auto& items = d->items;
    const Datum* head = items.size() >= 2 ? items[1] : nullptr;
    if (!check_form(d, head && head->is_proper_list() && head->items.size() == 3 &&
                           head->items[0]->kind == DatumKind::symbol, "(for (name from to) body ...)"))
        return failed(want);
    if (is_builtin(head->items[0]->text)) {
        diags_.error(head->items[0]->loc, fmt::format("'{}' is a built-in form; it cannot be redefined",
                                                       head->items[0]->text));
        return failed(want);
    }
    const Datum* to = head->items[2];
    bool constant_limit = to->kind == DatumKind::number && to->number.is_exact_integer() &&
                          to->number.num.fits_int64() && operand_fits(to->number.num.to_int64());
    push_scope();
    expr(head->items[1], Want::value);
    int64_t limit = 0;
    if (!constant_limit) {
        expr(to, Want::value);
        limit = new_local(" limit");
        store({VarKind::local, limit});
    }
    Var var{VarKind::local, new_local(head->items[0]->text)};
    store(var);
    Label body = as_.new_label(), test = as_.new_label();
    as_.jump(ESK_OP_JMP, test);
    as_.bind(body);
    push_scope();
    sequence(items, 2, Want::effect, Pos::body);
    pop_scope();
    load(var);
    as_.emit(ESK_OP_ADDI, 1);
    store(var);
    as_.bind(test);
    load(var);
    if (constant_limit) as_.literal(to->number.num.to_int64());
    else load({VarKind::local, limit});
    as_.jump(ESK_OP_JLT, body);
    pop_scope();
    failed(want);
}

// (and e ...): 0 at the first e that is 0, else the last e's value; (and) is 1.
// (or e ...): the first e that is not 0, else 0; (or) is 0.
void Codegen::logic(const Datum* d, Want want) {
    bool is_and = head_name(d) == "and";
    const auto& items = d->items;
    Label end = as_.new_label();
    if (want == Want::effect) {
        branch(d, true, end);
        as_.bind(end);
        return;
    }
    if (items.size() == 1) {
        as_.literal(is_and ? 1 : 0);
        return;
    }
    for (size_t i = 1; i < items.size(); ++i) {
        expr(items[i], Want::value);
        if (i + 1 < items.size()) as_.jump(is_and ? ESK_OP_JZK : ESK_OP_JNZK, end);
    }
    as_.bind(end);
}

// (op arg ...) for the built-in operators: the arguments left to right,
// then the operator (folded over more than two). (+ x k) and (- x k) with
// a literal k use ADDI.
void Codegen::operation(const Datum* d, const Operator& op, Want want) {
    const auto& items = d->items;
    int n = static_cast<int>(items.size()) - 1;
    if (!check_arity(d, op.min_args, op.max_args, op.name)) return failed(want);
    if (n == 0) {
        as_.literal(op.identity);
        return finish(want);
    }
    expr(items[1], Want::value);
    if (n == 1 && op.unary != none) as_.emit(op.unary);
    for (size_t i = 2; i < items.size(); ++i) {
        const Datum* arg = items[i];
        bool small = arg->kind == DatumKind::number && arg->number.is_exact_integer() && arg->number.num.fits_int64() &&
                     operand_fits(arg->number.num.to_int64()) && operand_fits(-arg->number.num.to_int64());
        if (small && (op.fold == ESK_OP_ADD || op.fold == ESK_OP_SUB)) {
            int64_t k = arg->number.num.to_int64();
            as_.emit(ESK_OP_ADDI, op.fold == ESK_OP_ADD ? k : -k);
            continue;
        }
        expr(arg, Want::value);
        as_.emit(op.fold);
    }
    finish(want);
}

// (name arg ...): a procedure call. The callee's frame header takes two
// words of this frame's stack.
void Codegen::call(const Datum* d, const Procedure& p, Want want) {
    int n = static_cast<int>(p.params.size());
    if (!check_arity(d, n, n, p.name)) return failed(want);
    for (size_t i = 1; i < d->items.size(); ++i) expr(d->items[i], Want::value);
    as_.note_depth(as_.depth() + 2);
    call_uses_.emplace_back(as_.here(), static_cast<size_t>(&p - unit_.procedures.data()));
    as_.emit(ESK_OP_CALL);
    as_.set_depth(as_.depth() - n + 1);
    finish(want);
}

// A micro's use: the arguments are evaluated once, left to right, into
// fresh locals named by its parameters; the body follows inline and sees
// only those, its own defines and the globals.
void Codegen::expand_micro(const Datum* d, const Procedure& p, Want want) {
    int n = static_cast<int>(p.params.size());
    if (!check_arity(d, n, n, p.name)) return failed(want);
    if (std::find(expanding_.begin(), expanding_.end(), p.name) != expanding_.end() ||
        expanding_.size() >= max_micro_depth) {
        diags_.error(d->loc, fmt::format("micro '{}' expands into itself", p.name)).notes.push_back({p.loc, "defined here"});
        return failed(want);
    }
    for (size_t i = 1; i < d->items.size(); ++i) expr(d->items[i], Want::value);
    push_scope(true);
    std::vector<int64_t> slots;
    for (const std::string& param : p.params) slots.push_back(new_local(param));
    for (auto it = slots.rbegin(); it != slots.rend(); ++it) store({VarKind::local, *it});
    expanding_.push_back(p.name);
    ++frame_.micro_depth;
    sequence(p.body, 0, want, Pos::body);
    --frame_.micro_depth;
    expanding_.pop_back();
    pop_scope();
}

// Jumps to target when the test's truth is `when`, falling through
// otherwise; comparisons, not, and, or become jumps rather than values.
void Codegen::branch(const Datum* test, bool when, Label target) {
    if (fused_branch(test, when, target)) return;
    expr(test, Want::value);
    as_.jump(when ? ESK_OP_JNZ : ESK_OP_JZ, target);
}

bool Codegen::fused_branch(const Datum* test, bool when, Label target) {
    std::string_view head = head_name(test);
    if (head.empty() || !test->is_proper_list() || unit_.procedure(head)) return false;
    const auto& items = test->items;
    if (head == "not" && items.size() == 2) {
        branch(items[1], !when, target);
        return true;
    }
    if (head == "and" || head == "or") {
        // and: any false item decides false; or: any true item decides true.
        bool decides = head == "or";
        Label skip = as_.new_label();
        for (size_t i = 1; i < items.size(); ++i) {
            bool last = i + 1 == items.size();
            if (last) branch(items[i], when, target);
            else branch(items[i], decides, decides == when ? target : skip);
        }
        if (items.size() == 1 && when == !decides) as_.jump(ESK_OP_JMP, target);
        as_.bind(skip);
        return true;
    }
    for (const Comparison& c : comparisons) {
        if (c.name != head || items.size() != 3) continue;
        expr(items[1], Want::value);
        expr(items[2], Want::value);
        as_.jump(when ? c.if_true : c.if_false, target);
        return true;
    }
    return false;
}

// ---------------------------------------------------------------- variables

Codegen::Var Codegen::lookup(const Datum* name) {
    for (auto scope = frame_.scopes.rbegin(); scope != frame_.scopes.rend(); ++scope) {
        for (auto v = scope->vars.rbegin(); v != scope->vars.rend(); ++v)
            if (v->first == name->text) return {VarKind::local, v->second};
        if (scope->barrier) break;
    }
    if (const size_t* g = unit_.global(name->text)) {
        if (!is_global_context() || global_seen_[*g]) return {VarKind::global, static_cast<int64_t>(*g)};
        diags_.error(name->loc, fmt::format("'{}' is used before its definition", name->text))
            .notes.push_back({unit_.globals[*g].loc, "defined here"});
        return {VarKind::none, 0};
    }
    if (const Procedure* p = unit_.procedure(name->text))
        diags_.error(name->loc, fmt::format("'{}' is a {}, not a variable", name->text, p->micro ? "micro" : "procedure"));
    else if (is_builtin(name->text))
        diags_.error(name->loc, fmt::format("'{}' is a built-in form, not a variable", name->text));
    else
        diags_.error(name->loc, fmt::format("unbound variable '{}'", name->text));
    return {VarKind::none, 0};
}

bool Codegen::names_variable(std::string_view name) const {
    for (auto scope = frame_.scopes.rbegin(); scope != frame_.scopes.rend(); ++scope) {
        for (const auto& v : scope->vars)
            if (v.first == name) return true;
        if (scope->barrier) break;
    }
    return unit_.global(name) != nullptr;
}

void Codegen::load(const Var& v) {
    if (v.kind == VarKind::local) {
        as_.emit(ESK_OP_LDL, v.where);
    } else {
        global_uses_.emplace_back(as_.here(), static_cast<size_t>(v.where));
        as_.emit(ESK_OP_LDG);
    }
}

void Codegen::store(const Var& v) {
    if (v.kind == VarKind::local) {
        as_.emit(ESK_OP_STL, v.where);
    } else {
        global_uses_.emplace_back(as_.here(), static_cast<size_t>(v.where));
        as_.emit(ESK_OP_STG);
    }
}

// A new local in the innermost scope; its frame offset.
int64_t Codegen::new_local(const std::string& name) {
    int64_t offset = -1 - frame_.next_slot++;
    frame_.max_slots = std::max(frame_.max_slots, frame_.next_slot);
    frame_.scopes.back().vars.emplace_back(name, offset);
    return offset;
}

void Codegen::push_scope(bool barrier) { frame_.scopes.push_back({{}, barrier, frame_.next_slot}); }

// A scope's locals are dead once it ends: their slots are reused.
void Codegen::pop_scope() {
    frame_.next_slot = frame_.scopes.back().slot_mark;
    frame_.scopes.pop_back();
}

bool Codegen::check_arity(const Datum* d, int min, int max, std::string_view name) {
    int n = static_cast<int>(d->items.size()) - 1;
    if (n >= min && (max < 0 || n <= max)) return true;
    Diagnostic& e = diags_.error(d->loc, fmt::format("'{}' expects {}, got {}", name, arity_text(min, max), n));
    if (const Procedure* p = unit_.procedure(name))
        e.notes.push_back({p->loc, fmt::format("'{}' is defined here", name)});
    return false;
}

bool Codegen::check_form(const Datum* d, bool ok, const char* shape) {
    if (!ok) diags_.error(d->loc, fmt::format("malformed {}: expected {}", head_name(d), shape));
    return ok;
}

}  // namespace

// Every procedure is checked, but a program carries only the procedures it
// can call: including a library costs nothing for what goes unused.
Image generate(const Unit& unit, Diagnostics& diags) {
    Diagnostics found;
    Image checked = Codegen(unit, found, true).run();
    if (!found.has_errors()) return Codegen(unit, diags, false).run();
    // The top level was checked before the procedures: report in source order.
    std::vector<Diagnostic> list = found.all();
    std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
    });
    for (Diagnostic& d : list) {
        if (diags.saturated()) break;
        diags.error(d.loc, std::move(d.message)).notes = std::move(d.notes);
    }
    return checked;
}

}  // namespace eshkol::vm
