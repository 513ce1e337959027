// Representation: finds the local variables that only ever hold flonums and
// keeps those in C doubles, so flonum arithmetic allocates nothing until a
// value escapes.
//
//   - An expression is a flonum when it is a flonum literal, a flonum
//     variable, (exact->inexact x), + - * / with at least one flonum operand
//     (R7RS contagion: the result is a flonum or an error), sqrt abs floor
//     ceiling round truncate square of a flonum, or an if/begin/let whose
//     every result is one.
//   - A variable is a flonum variable when every value bound to it is a
//     flonum expression: the init of a let (not letrec: those can be read
//     before their init), every set!, and for the parameters of loops
//     (contified lambdas) and of known procedures only ever called directly,
//     the argument of every call. Loops depend on themselves (zr feeds
//     zr's update), so this is a greatest fixpoint: assume every candidate,
//     drop those with an assignment that is not a flonum, repeat.
//   - A flonum variable is held as a C double (unboxed) when all its uses
//     are in one C function (not captured by a closure with code of its
//     own) and it is read as a number at least as often as it escapes (each
//     escaping read boxes anew).
#include <unordered_map>

#include "lower.hpp"
#include "passes.hpp"
#include "primitives.hpp"
#include "represent.hpp"

namespace eshkol {

FlonumOp flonum_op(std::string_view n) {
    if (n == "+" || n == "-" || n == "*" || n == "/") return FlonumOp::arithmetic;
    if (n == "=" || n == "<" || n == ">" || n == "<=" || n == ">=") return FlonumOp::comparison;
    if (n == "inexact" || n == "exact->inexact") return FlonumOp::inexact;
    if (n == "sqrt" || n == "abs" || n == "floor" || n == "ceiling" || n == "round" || n == "truncate" || n == "square")
        return FlonumOp::unary;
    if (n == "zero?" || n == "positive?" || n == "negative?") return FlonumOp::sign;
    return FlonumOp::none;
}

const Primitive* called_primitive(const Call& call) {
    auto* ref = std::get_if<Ref>(&call.fn->node);
    if (!ref || !ref->var->global || ref->var->defined) return nullptr;
    return ref->var->primitive;
}

namespace {

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

class Representer {
public:
    Representer(const Program& program, const Lowering& lowering) : prog_(program), low_(lowering) {}
    Representation run();

private:
    const Program& prog_;
    const Lowering& low_;
    Representation out_;
    std::unordered_set<const Var*> candidates_;
    std::unordered_map<const Var*, std::vector<const Expr*>> bound_;  // every value bound to a local
    std::unordered_set<const Var*> escapes_;  // used from a C function other than its own
    std::unordered_map<const Expr*, bool> memo_;
    struct Uses {
        int number = 0;  // read as an operand of flonum arithmetic (or bound to a flonum variable)
        int boxed = 0;   // read as a Scheme value
    };
    std::unordered_map<const Var*, Uses> uses_;
    enum class Context { boxed, number, effect };

    const Lambda* c_function(const Lambda* l) const;
    bool unboxable_params(const Lambda* l) const;
    void collect(const Expr& e, const Lambda* in);
    void note_use(const Var* v, const Lambda* in);
    bool typed(const Expr& e);
    bool typed_call(const Call& c);
    void count(const Expr& e, Context context);
    void count_call(const Call& c);
    void mark(const Expr& e);
};

// The lambda whose C function holds l's code: loops live in their parent's.
const Lambda* Representer::c_function(const Lambda* l) const {
    while (l && low_.plan(l).kind == LambdaPlan::Kind::contified) l = l->parent;
    return l;
}

// A procedure's parameters can be typed by its call sites when every call
// is one the emitter sees: a loop, or a known procedure never used as a
// value. One whose body is a single built-in call is open-coded at its call
// sites instead (emit_expr.cpp's inline_call), from boxed arguments.
bool Representer::unboxable_params(const Lambda* l) const {
    const LambdaPlan& p = low_.plan(l);
    if (l->rest) return false;
    if (p.kind == LambdaPlan::Kind::contified) return true;
    if (p.kind != LambdaPlan::Kind::direct || p.needs_closure) return false;
    auto* call = std::get_if<Call>(&l->body->node);
    return !(call && called_primitive(*call));
}

void Representer::note_use(const Var* v, const Lambda* in) {
    if (!v->global && c_function(in) != c_function(v->owner)) escapes_.insert(v);
}

// Finds the candidates, what is bound to them, and where they are used.
void Representer::collect(const Expr& e, const Lambda* in) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ref>) {
                note_use(n.var, in);
            } else if constexpr (std::is_same_v<T, Set>) {
                note_use(n.var, in);
                if (!n.var->global) bound_[n.var].push_back(n.value.get());
                collect(*n.value, in);
            } else if constexpr (std::is_same_v<T, Define>) {
                collect(*n.value, in);
            } else if constexpr (std::is_same_v<T, If>) {
                collect(*n.test, in);
                collect(*n.then, in);
                if (n.otherwise) collect(*n.otherwise, in);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) collect(*x, in);
            } else if constexpr (std::is_same_v<T, Call>) {
                if (auto* ref = std::get_if<Ref>(&n.fn->node))
                    if (const Lambda* g = low_.known_lambda(ref->var); g && n.args.size() == g->params.size())
                        for (size_t i = 0; i < n.args.size(); ++i) bound_[g->params[i]].push_back(n.args[i].get());
                collect(*n.fn, in);
                for (auto& x : n.args) collect(*x, in);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (size_t i = 0; i < n.vars.size(); ++i) {
                    if (!n.rec && !lambda_of(*n.inits[i])) candidates_.insert(n.vars[i]);
                    bound_[n.vars[i]].push_back(n.inits[i].get());
                }
                for (auto& x : n.inits) collect(*x, in);
                collect(*n.body, in);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                if (unboxable_params(n.get()))
                    for (const Var* p : n->params) candidates_.insert(p);
                collect(*n->body, n.get());
            }
        },
        e.node);
}

bool Representer::typed_call(const Call& c) {
    const Primitive* p = called_primitive(c);
    if (!p) return false;
    switch (flonum_op(p->name)) {
    case FlonumOp::arithmetic:
        for (auto& a : c.args)
            if (typed(*a)) return true;
        return false;
    case FlonumOp::inexact: return c.args.size() == 1;
    case FlonumOp::unary: return c.args.size() == 1 && typed(*c.args[0]);
    default: return false;
    }
}

// Is e a flonum expression, given the current flonum variables?
bool Representer::typed(const Expr& e) {
    auto it = memo_.find(&e);
    if (it != memo_.end()) return it->second;
    bool result = std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return n.datum && n.datum->kind == DatumKind::number && !n.datum->number.exact;
            } else if constexpr (std::is_same_v<T, Ref>) {
                return out_.flonum_vars.count(n.var) != 0;
            } else if constexpr (std::is_same_v<T, If>) {
                return n.otherwise && typed(*n.then) && typed(*n.otherwise);
            } else if constexpr (std::is_same_v<T, Seq>) {
                return typed(*n.body.back());
            } else if constexpr (std::is_same_v<T, Let>) {
                return typed(*n.body);
            } else if constexpr (std::is_same_v<T, Call>) {
                return typed_call(n);
            } else {
                return false;
            }
        },
        e.node);
    memo_[&e] = result;
    return result;
}

void Representer::count_call(const Call& c) {
    const Var* callee = nullptr;
    if (auto* ref = std::get_if<Ref>(&c.fn->node)) callee = ref->var;
    const Primitive* p = called_primitive(c);
    const Lambda* g = callee ? low_.known_lambda(callee) : nullptr;
    for (size_t i = 0; i < c.args.size(); ++i) {
        bool number = (p && flonum_op(p->name) != FlonumOp::none) ||
                      (g && i < g->params.size() && out_.flonum_vars.count(g->params[i]));
        count(*c.args[i], number ? Context::number : Context::boxed);
    }
    if (!callee) count(*c.fn, Context::boxed);
}

// Counts how each flonum variable is read: as a number or as a value.
void Representer::count(const Expr& e, Context context) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ref>) {
                if (!out_.flonum_vars.count(n.var) || context == Context::effect) return;
                if (context == Context::number) ++uses_[n.var].number;
                else ++uses_[n.var].boxed;
            } else if constexpr (std::is_same_v<T, Set>) {
                count(*n.value, out_.flonum_vars.count(n.var) ? Context::number : Context::boxed);
            } else if constexpr (std::is_same_v<T, Define>) {
                count(*n.value, Context::boxed);
            } else if constexpr (std::is_same_v<T, If>) {
                count(*n.test, Context::boxed);
                count(*n.then, context);
                if (n.otherwise) count(*n.otherwise, context);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (size_t i = 0; i + 1 < n.body.size(); ++i) count(*n.body[i], Context::effect);
                count(*n.body.back(), context);
            } else if constexpr (std::is_same_v<T, Call>) {
                count_call(n);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (size_t i = 0; i < n.vars.size(); ++i)
                    count(*n.inits[i], out_.flonum_vars.count(n.vars[i]) ? Context::number : Context::boxed);
                count(*n.body, context);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                count(*n->body, Context::boxed);
            }
        },
        e.node);
}

// Records every flonum expression for the emitter.
void Representer::mark(const Expr& e) {
    if (typed(e)) out_.flonum_exprs.insert(&e);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                mark(*n.value);
            } else if constexpr (std::is_same_v<T, If>) {
                mark(*n.test);
                mark(*n.then);
                if (n.otherwise) mark(*n.otherwise);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) mark(*x);
            } else if constexpr (std::is_same_v<T, Call>) {
                mark(*n.fn);
                for (auto& x : n.args) mark(*x);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& x : n.inits) mark(*x);
                mark(*n.body);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                mark(*n->body);
            }
        },
        e.node);
}

Representation Representer::run() {
    for (auto& top : prog_.body) collect(*top, nullptr);
    out_.flonum_vars = candidates_;
    for (bool changed = true; changed;) {
        changed = false;
        memo_.clear();
        for (const Var* v : candidates_) {
            if (!out_.flonum_vars.count(v)) continue;
            for (const Expr* value : bound_[v]) {
                if (typed(*value)) continue;
                out_.flonum_vars.erase(v);
                changed = true;
                memo_.clear();
                break;
            }
        }
    }
    memo_.clear();
    for (auto& top : prog_.body) mark(*top);
    for (auto& top : prog_.body) count(*top, Context::effect);
    for (const Var* v : out_.flonum_vars) {
        const Uses& u = uses_[v];
        if (v->reads > 0 && !escapes_.count(v) && u.number >= u.boxed) out_.unboxed.insert(v);
    }
    return std::move(out_);
}

}  // namespace

Representation represent_program(const Program& program, const Lowering& lowering) {
    return Representer(program, lowering).run();
}

}  // namespace eshkol
