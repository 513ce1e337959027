// C emission of ownership for shared values (docs/shared.md). A program
// that never calls `shared` gets none of it. One that does tracks, on the
// runtime's owner stack, which variables and temporaries own a reference:
// this file decides where marks are needed and which variables may hold a
// shared value (so everything else stays as fast as before), and writes the
// pieces of C for bindings, assignments, container stores and scope exits.
#include <fmt/format.h>

#include <functional>

#include "emit.hpp"

namespace eshkol::emit {

namespace {

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

bool is_builtin(const Var* v) { return v->global && !v->defined && v->primitive; }

// Visits e and everything inside it, the bodies of nested lambdas included.
void walk_all(const Expr& e, const std::function<void(const Expr&)>& f) {
    f(e);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                walk_all(*n.value, f);
            } else if constexpr (std::is_same_v<T, If>) {
                walk_all(*n.test, f);
                walk_all(*n.then, f);
                if (n.otherwise) walk_all(*n.otherwise, f);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) walk_all(*x, f);
            } else if constexpr (std::is_same_v<T, Call>) {
                walk_all(*n.fn, f);
                for (auto& x : n.args) walk_all(*x, f);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& x : n.inits) walk_all(*x, f);
                walk_all(*n.body, f);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                walk_all(*n->body, f);
            }
        },
        e.node);
}

// Built-ins whose result is never a shared value: numbers, characters,
// booleans, strings, fresh containers, the unspecified value.
bool never_shared(std::string_view name) {
    static const std::unordered_set<std::string_view> names{
        "+", "-", "*", "/", "=", "<", ">", "<=", ">=", "cons", "list", "vector", "make-vector", "make-list",
        "length", "append", "reverse", "list-copy", "list->vector", "vector->list", "vector-copy", "vector-append",
        "vector-length", "string-length", "string-ref", "string", "make-string", "string-append", "substring",
        "string-copy", "list->string", "string->list", "symbol->string", "string->symbol", "number->string",
        "string->number", "char->integer", "integer->char", "exact", "inexact", "abs", "quotient", "remainder",
        "modulo", "min", "max", "gcd", "lcm", "expt", "sqrt", "square", "floor", "ceiling", "round", "truncate",
        "numerator", "denominator", "make-rectangular", "make-polar", "real-part", "imag-part", "magnitude", "angle", "exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "display", "write",
        "newline", "write-char", "write-string", "weak-ref", "ref-count", "eof-object", "not",
        "error", "raise", "exit", "emergency-exit"};  // the last ones never return
    return name.ends_with('?') || name.ends_with('!') || names.count(name) != 0;
}

// Built-ins that make shared values or call procedures: what they return
// (or what the procedures they call leave) may sit on the owner stack.
// (raise, error and exit call handlers too, but never return.)
bool pushing(std::string_view name) {
    static const std::unordered_set<std::string_view> names{
        "shared", "strong-ref", "apply", "call/cc", "call-with-current-continuation", "call-with-values",
        "dynamic-wind", "force", "%guard", "with-exception-handler", "raise-continuable", "%parameterize",
        "make-parameter", "vector-map", "vector-for-each", "string-map", "string-for-each", "member", "assoc",
        "hash-table-update!", "hash-table-update!/default", "hash-table-walk"};
    return names.count(name) != 0;
}

}  // namespace

// Built-ins that store arguments into a container: the container (-1: the
// result) and the stored arguments (from first to last; -1: to the end).
const StoreSpec* Emitter::store_spec(std::string_view name) {
    static const StoreSpec table[] = {
        {"cons", -1, 0, 1},         {"list", -1, 0, -1},        {"vector", -1, 0, -1},
        {"make-vector", -1, 1, 1},  {"make-list", -1, 1, 1},
        {"%make-record", -1, 1, -1}, {"make-promise", -1, 0, 0}, {"make-parameter", -1, 0, 0},
        {"set-car!", 0, 1, 1},      {"set-cdr!", 0, 1, 1},      {"vector-set!", 0, 2, 2},
        {"%record-set!", 0, 3, 3},
    };
    for (const StoreSpec& s : table)
        if (s.name == name) return &s;
    return nullptr;
}

// ---- analyses -------------------------------------------------------------------

bool Emitter::params_from_calls(const Lambda& l) const {
    const LambdaPlan& p = low_.plan(&l);
    return p.kind == LambdaPlan::Kind::contified || (p.kind == LambdaPlan::Kind::direct && !p.needs_closure);
}

bool Emitter::may_be_shared(const Expr& e) const {
    if (rep_.flonum(e)) return false;  // a flonum (in a C double, perhaps)
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ref>) {
                return !is_builtin(n.var) && may_hold_.count(n.var) != 0;
            } else if constexpr (std::is_same_v<T, If>) {
                return may_be_shared(*n.then) || (n.otherwise && may_be_shared(*n.otherwise));
            } else if constexpr (std::is_same_v<T, Seq>) {
                return may_be_shared(*n.body.back());
            } else if constexpr (std::is_same_v<T, Let>) {
                return may_be_shared(*n.body);
            } else if constexpr (std::is_same_v<T, Call>) {
                auto* ref = std::get_if<Ref>(&n.fn->node);
                if (ref && is_builtin(ref->var)) return !never_shared(ref->var->primitive->name);
                const Lambda* g = ref ? low_.known_lambda(ref->var) : nullptr;
                if (!g) return true;
                auto it = returns_shared_.find(g);
                return it != returns_shared_.end() && it->second;
            } else {
                return false;  // constants, lambdas, set!, define
            }
        },
        e.node);
}

// A variable that takes a reference on the owner stack (not through a box).
bool Emitter::owns_on_stack(const Var* v, bool rec) const {
    return may_hold_.count(v) && !borrowed_.count(v) && !(v->captured && (v->assigned || rec));
}

// Whether evaluating e can release a reference or look at a count: set!,
// calls of procedures, built-ins that call procedures or count.
bool Emitter::quiet(const Expr& e) const {
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                return false;
            } else if constexpr (std::is_same_v<T, If>) {
                return quiet(*n.test) && quiet(*n.then) && (!n.otherwise || quiet(*n.otherwise));
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body)
                    if (!quiet(*x)) return false;
                return true;
            } else if constexpr (std::is_same_v<T, Call>) {
                auto* ref = std::get_if<Ref>(&n.fn->node);
                if (!ref || !is_builtin(ref->var) || pushing(ref->var->primitive->name) ||
                    ref->var->primitive->name == "ref-count")
                    return false;
                for (auto& a : n.args)
                    if (!quiet(*a)) return false;
                return true;
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& x : n.inits)
                    if (!quiet(*x)) return false;
                return quiet(*n.body);
            } else {
                return true;  // constants, references, making a closure
            }
        },
        e.node);
}

// Whether e reads an element of a container: a pair, vector or record
// (through its accessor) holds a reference in its region until the region
// is freed, which cannot happen while a scope inside the region runs.
bool Emitter::container_read(const Expr& e) const {
    static const std::unordered_set<std::string_view> readers{
        "car", "cdr", "caar", "cadr", "cdar", "cddr", "caddr", "cdddr", "cadddr", "list-ref", "vector-ref",
        "%record-ref", "hash-table-ref", "hash-table-ref/default"};
    auto* call = std::get_if<Call>(&e.node);
    auto* ref = call ? std::get_if<Ref>(&call->fn->node) : nullptr;
    if (!ref) return false;
    if (is_builtin(ref->var)) return readers.count(ref->var->primitive->name) != 0;
    const Lambda* g = low_.known_lambda(ref->var);  // a record accessor
    auto* body = g && !g->rest ? std::get_if<Call>(&g->body->node) : nullptr;
    auto* prim = body ? std::get_if<Ref>(&body->fn->node) : nullptr;
    return prim && is_builtin(prim->var) && readers.count(prim->var->primitive->name) != 0;
}

// A let variable borrows instead of owning when its value is read from a
// container, or when nothing in its scope can release the value's other
// owners or look at its count: either way the value stays alive, and every
// count is what it would be if the variable owned it.
void Emitter::find_borrowed(const Let& n) {
    bool quiet_scope = quiet(*n.body);
    for (size_t i = 0; quiet_scope && n.rec && i < n.inits.size(); ++i) quiet_scope = quiet(*n.inits[i]);
    for (size_t i = 0; i < n.vars.size(); ++i) {
        const Var* v = n.vars[i];
        if (!v->assigned && ((quiet_scope && !v->captured) || container_read(*n.inits[i]))) borrowed_.insert(v);
    }
}

bool Emitter::call_pushes(const Call& n) const {
    auto* ref = std::get_if<Ref>(&n.fn->node);
    if (!ref) return true;
    if (is_builtin(ref->var)) return pushing(ref->var->primitive->name);
    const Lambda* g = low_.known_lambda(ref->var);
    if (!g) return true;
    if (low_.plan(g).kind == LambdaPlan::Kind::contified) return false;  // a jump
    auto it = pushes_.find(g);
    return it != pushes_.end() && it->second;
}

// Whether evaluating e does anything with the owner stack: bindings that
// own, calls that may leave something. Nested lambdas' bodies are their own
// functions, except contified ones, whose code is inline.
bool Emitter::touches(const Expr& e) const {
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                return touches(*n.value);
            } else if constexpr (std::is_same_v<T, If>) {
                return touches(*n.test) || touches(*n.then) || (n.otherwise && touches(*n.otherwise));
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body)
                    if (touches(*x)) return true;
                return false;
            } else if constexpr (std::is_same_v<T, Call>) {
                if (call_pushes(n) || (!std::holds_alternative<Ref>(n.fn->node) && touches(*n.fn))) return true;
                for (auto& a : n.args)
                    if (touches(*a)) return true;
                return false;
            } else if constexpr (std::is_same_v<T, Let>) {
                for (size_t i = 0; i < n.vars.size(); ++i) {
                    const Lambda* l = lambda_of(*n.inits[i]);
                    if (l && low_.plan(l).kind == LambdaPlan::Kind::contified) {
                        if (fn_touches(*l)) return true;
                    } else if (owns_on_stack(n.vars[i], n.rec) || touches(*n.inits[i])) {
                        return true;
                    }
                }
                return touches(*n.body);
            } else {
                return false;  // constants, references, lambdas
            }
        },
        e.node);
}

// Whether evaluating e may leave entries on the owner stack for whoever
// evaluates it to clean up.
bool Emitter::leaves(const Expr& e) const {
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                return !may_hold_.count(n.var) && leaves(*n.value);
            } else if constexpr (std::is_same_v<T, If>) {
                return leaves(*n.test) || leaves(*n.then) || (n.otherwise && leaves(*n.otherwise));
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body)
                    if (leaves(*x)) return true;
                return false;
            } else if constexpr (std::is_same_v<T, Call>) {
                if (call_pushes(n) || (!std::holds_alternative<Ref>(n.fn->node) && leaves(*n.fn))) return true;
                for (auto& a : n.args)
                    if (leaves(*a)) return true;
                return false;
            } else if constexpr (std::is_same_v<T, Let>) {
                return touches(e) && may_be_shared(*n.body);  // a let keeps only its result
            } else {
                return false;
            }
        },
        e.node);
}

bool Emitter::fn_touches(const Lambda& l) const {
    for (const Var* p : l.params)
        if (may_hold_.count(p) && p->assigned && !p->captured) return true;
    return touches(*l.body);
}

void Emitter::analyse_ownership() {
    std::vector<const Lambda*> lambdas;
    for (auto& top : prog_.body)
        walk_all(*top, [&](const Expr& e) {
            if (auto* r = std::get_if<Ref>(&e.node); r && is_builtin(r->var) && r->var->primitive->name == "shared")
                counting_ = true;
            if (const Lambda* l = lambda_of(e)) lambdas.push_back(l);
        });
    if (!counting_) return;
    // A local procedure that is only ever called, and only from its own
    // scope, cannot outlive what it captures: its closure borrows.
    for (auto& [var, l] : low_.known) {
        const LambdaPlan& p = low_.plan(l);
        if (!var->global && !var->captured && p.kind == LambdaPlan::Kind::direct && !p.needs_closure)
            borrowing_closures_.insert(l);
    }
    for (const Lambda* l : lambdas)
        if (!params_from_calls(*l)) may_hold_.insert(l->params.begin(), l->params.end());
    for (auto& top : prog_.body)
        walk_all(*top, [&](const Expr& e) {
            if (auto* let = std::get_if<Let>(&e.node)) find_borrowed(*let);
        });
    // Grow the sets until nothing changes: each only ever gains members.
    for (size_t before = SIZE_MAX, after = 0; before != after;) {
        before = after;
        for (auto& top : prog_.body)
            walk_all(*top, [&](const Expr& e) {
                if (auto* let = std::get_if<Let>(&e.node)) {
                    for (size_t i = 0; i < let->vars.size(); ++i)
                        if (may_be_shared(*let->inits[i])) may_hold_.insert(let->vars[i]);
                } else if (auto* set = std::get_if<Set>(&e.node)) {
                    if (may_be_shared(*set->value)) may_hold_.insert(set->var);
                } else if (auto* def = std::get_if<Define>(&e.node)) {
                    if (may_be_shared(*def->value)) may_hold_.insert(def->var);
                } else if (auto* call = std::get_if<Call>(&e.node)) {
                    auto* ref = std::get_if<Ref>(&call->fn->node);
                    const Lambda* g = ref ? low_.known_lambda(ref->var) : nullptr;
                    if (g && params_from_calls(*g))
                        for (size_t i = 0; i < call->args.size() && i < g->params.size(); ++i)
                            if (may_be_shared(*call->args[i])) may_hold_.insert(g->params[i]);
                }
            });
        after = may_hold_.size();
        for (const Lambda* l : lambdas) {
            bool& returns = returns_shared_[l];
            returns = returns || may_be_shared(*l->body);
            bool& pushes = pushes_[l];
            pushes = pushes || (fn_touches(*l) && (returns || low_.plan(l).may_bounce));
            after += returns + pushes;
        }
    }
}

// ---- pieces of C ---------------------------------------------------------------------

std::string Emitter::new_mark(uint32_t id, std::string_view hint) {
    std::string name = fmt::format("m{}_{}", id, hint);
    if (fn_->declared.insert(name).second) fn_->decls += fmt::format("    size_t {};\n", name);
    return name;
}

std::string Emitter::mark_here(const std::string& mark) { return fmt::format("    {} = esk_shared_depth;\n", mark); }

// The mark that ownership inside lambda l's code is relative to: its loop's
// for a contified lambda, its function's otherwise ("" when it has none).
std::string Emitter::mark_of(const Lambda& l) const {
    if (low_.plan(&l).kind == LambdaPlan::Kind::contified) {
        auto it = loop_marks_.find(&l);
        return it == loop_marks_.end() ? "" : it->second;
    }
    return fn_->mark;
}

// Parameters captured and assigned live in boxes that own their value;
// other assigned parameters get an owner-stack entry. A loop's arguments
// from the previous iteration are adopted, not counted twice.
std::string Emitter::own_parameter(const Lambda& l, const Var* p) {
    std::string mark = mark_of(l);
    if (mark.empty()) mark = "esk_shared_depth";
    if (p->captured) return fmt::format("    {0} = esk_shared_adopt_box({1}, {0});\n", var_name(p), mark);
    return fmt::format("    esk_shared_adopt_slot({}, &{});\n", mark, var_name(p));
}

// The statements after init's code that bind v to value.
std::string Emitter::bind_owned(const Var* v, const std::string& mark, const std::string& value, bool rec) {
    std::string var = var_name(v);
    if (is_boxed(v)) {
        if (rec) return fmt::format("    esk_shared_store_i({0}, ESK_BOX({1}), &ESK_BOX({1})->value, {2});\n", mark, var, value);
        return fmt::format("    {} = esk_shared_box({}, {});\n", var, mark, value);
    }
    std::string s = fmt::format("    {} = {};\n", var, value);
    if (v->assigned) return s + fmt::format("    esk_shared_bind_slot({}, &{});\n", mark, var);
    return s + fmt::format("    esk_shared_bind_i({}, {});\n", mark, var);
}

// set! or define of a variable that may hold a shared value.
Code Emitter::assign_owned(const Expr& e, const Var* v, const Expr& value) {
    std::string mark = new_mark(e.id, "set");
    std::string s = line(e.loc) + mark_here(mark);
    Code c = expr(value);
    s += c.stmts;
    if (v->global)  // the store check watches globals and boxes
        s += fmt::format("    esk_shared_store_i({}, NULL, &{}, {});\n", mark, var_name(v), c.value);
    else if (is_boxed(v))
        s += fmt::format("    esk_shared_store_i({0}, ESK_BOX({1}), &ESK_BOX({1})->value, {2});\n", mark, raw_var(v), c.value);
    else
        s += fmt::format("    esk_shared_set_i({}, &{}, {});\n", mark, raw_var(v), c.value);
    return {s, "ESK_UNSPECIFIED"};
}

// Leaving a scope whose result is value (ESK_FALSE: none).
std::string Emitter::leave(const std::string& mark, const std::string& value) {
    if (value == "ESK_FALSE") return fmt::format("    esk_shared_drop_i({});\n", mark);
    return fmt::format("    (void)esk_shared_leave_i({}, {});\n", mark, value);
}

// The next iteration of a loop: what the finished one owned goes, except
// what it passes on.
std::string Emitter::jump_unwind(const std::string& mark, const std::vector<Code>& args) {
    if (mark.empty()) return "";
    if (args.empty()) return fmt::format("    esk_shared_drop_i({});\n", mark);
    std::vector<std::string> values;
    for (auto& a : args) values.push_back(a.value);
    return fmt::format("    if (ESK_UNLIKELY(esk_shared_depth != {0})) {{\n        esk_val keep[] = {{{1}}};\n"
                       "        esk_shared_jump({0}, {2}, keep);\n    }}\n",
                       mark, fmt::join(values, ", "), args.size());
}

// Stored arguments of a built-in in the order of spec, as [from, to).
static std::pair<size_t, size_t> stored_range(const StoreSpec& spec, size_t argc) {
    size_t from = static_cast<size_t>(spec.first);
    size_t to = spec.last < 0 ? argc : std::min(argc, static_cast<size_t>(spec.last) + 1);
    return {std::min(from, to), to};
}

// A built-in that stores its arguments: each stored value that may be
// shared is noted with the container, so the container's region holds it.
bool Emitter::needs_notes(const Primitive& p, const std::vector<ExprPtr>& args) const {
    const StoreSpec* spec = counting_ ? store_spec(p.name) : nullptr;
    if (!spec) return false;
    auto [from, to] = stored_range(*spec, args.size());
    for (size_t i = from; i < to; ++i)
        if (may_be_shared(*args[i])) return true;
    return false;
}

void Emitter::settle_operands(const Primitive& p, std::vector<Code>& args) {
    const StoreSpec* spec = store_spec(p.name);
    auto [from, to] = stored_range(*spec, args.size());
    for (size_t i = 0; i < args.size(); ++i) {
        bool used_again = (i >= from && i < to) || static_cast<int>(i) == spec->container;
        if (!used_again || args[i].trivial) continue;
        std::string t = temp("arg");
        args[i] = Code{args[i].stmts + fmt::format("    {} = {};\n", t, args[i].value), t};
    }
}

Code Emitter::with_notes(const Primitive& p, const std::vector<ExprPtr>& exprs, std::vector<Code>& args, Code call) {
    const StoreSpec* spec = store_spec(p.name);
    auto [from, to] = stored_range(*spec, args.size());
    std::string container, s = call.stmts;
    if (spec->container < 0) {
        container = temp("made");
        s += fmt::format("    {} = {};\n", container, call.value);
    } else {
        container = args[static_cast<size_t>(spec->container)].value;
        s += fmt::format("    (void)({});\n", call.value);
    }
    for (size_t i = from; i < to; ++i)
        if (may_be_shared(*exprs[i])) s += fmt::format("    esk_shared_note_i({}, {});\n", container, args[i].value);
    return {s, spec->container < 0 ? container : "ESK_UNSPECIFIED"};
}

// The notes of a built-in used as a value, in its generated entry.
std::string Emitter::value_notes(const Primitive& p) const {
    const StoreSpec* spec = counting_ ? store_spec(p.name) : nullptr;
    if (!spec) return "";
    std::string container = spec->container < 0 ? "r" : fmt::format("argv[{}]", spec->container);
    std::string last = spec->last < 0 ? "argc" : fmt::format("{}", spec->last + 1);
    return fmt::format("    for (i = {0}; i < {1} && i < argc; ++i) esk_shared_note_i({2}, argv[i]);\n", spec->first,
                       last, container);
}

// The program's globals in definition order, for their release at exit.
std::string Emitter::globals_table(size_t& count, std::string* fill) const {
    std::vector<std::string> slots;
    std::unordered_set<const Var*> seen;
    for (auto& e : prog_.body)
        walk_all(*e, [&](const Expr& x) {
            const Var* v = nullptr;
            if (auto* d = std::get_if<Define>(&x.node)) v = d->var;
            if (auto* s = std::get_if<Set>(&x.node); s && s->var->global) v = s->var;
            if (v && may_hold_.count(v) && seen.insert(v).second) slots.push_back("&" + var_name(v));
        });
    count = slots.size();
    if (slots.empty()) return "static esk_val *const esk_shared_globals_table[1] = {NULL};\n";
    if (options_.session) {  // the session's cells: their addresses are known once the form is loaded
        for (size_t i = 0; i < slots.size(); ++i) *fill += fmt::format("    esk_shared_globals_table[{}] = {};\n", i, slots[i]);
        return fmt::format("static esk_val *esk_shared_globals_table[{}];\n", slots.size());
    }
    return fmt::format("static esk_val *const esk_shared_globals_table[] = {{\n    {}\n}};\n", fmt::join(slots, ",\n    "));
}

}  // namespace eshkol::emit
