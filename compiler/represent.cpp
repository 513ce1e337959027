// Representation: finds the local variables that only ever hold flonums and
// keeps those in C doubles, so flonum arithmetic allocates nothing until a
// value escapes.
//
//   - An expression is a flonum when it is a flonum literal, a flonum
//     variable, (exact->inexact x), + - * / with at least one flonum operand
//     (R7RS contagion: the result is a flonum or an error), abs floor
//     ceiling round truncate square of a flonum, sqrt of a flonum known to
//     be >= 0, or an if/begin/let whose every result is one.
//   - Complex numbers break contagion: (+ 1.0 z) is complex when z is. A
//     program that cannot make a complex number -- no complex literal, no
//     make-rectangular make-polar string->number read, no sqrt log expt
//     asin acos whose argument might take it off the reals -- has only real
//     numbers, and the rules above hold as they are. In one that can, an
//     operand or the argument of exact->inexact must be known real as well
//     (a flonum expression, a real literal, the result of length, abs,
//     floor, magnitude, ...), so those programs pay where they mix.
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
#include <unordered_set>

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
    bool complex_ = false;  // the program may make complex numbers

    bool makes_complex(const Expr& e);
    bool real(const Expr& e);
    bool nonnegative(const Expr& e);

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
    case FlonumOp::arithmetic: {
        bool any = false;
        for (auto& a : c.args) {
            bool flonum = typed(*a);
            if (!flonum && complex_ && !real(*a)) return false;
            any |= flonum;
        }
        return any;
    }
    case FlonumOp::inexact: return c.args.size() == 1 && (!complex_ || real(*c.args[0]));
    case FlonumOp::unary:
        return c.args.size() == 1 && typed(*c.args[0]) && (p->name != "sqrt" || nonnegative(*c.args[0]));
    default: return false;
    }
}

// ---- complex numbers ----------------------------------------------------------

// Does a quoted datum hold a complex number? Iterative, each node once:
// datum labels make data shared or cyclic.
bool has_complex(const Datum* root) {
    std::vector<const Datum*> todo{root};
    std::unordered_set<const Datum*> seen;
    while (!todo.empty()) {
        const Datum* d = todo.back();
        todo.pop_back();
        if (!d || !seen.insert(d).second) continue;
        if (d->kind == DatumKind::number && d->number.is_complex()) return true;
        todo.insert(todo.end(), d->items.begin(), d->items.end());
        todo.push_back(d->tail);
    }
    return false;
}

// Is e surely a real number (or an error), whatever the program holds?
bool Representer::real(const Expr& e) {
    if (!complex_) return true;  // while complex_ is being decided: every number is real
    if (typed(e)) return true;
    if (auto* k = std::get_if<Const>(&e.node))
        return k->datum && k->datum->kind == DatumKind::number && k->datum->number.is_real();
    if (auto* i = std::get_if<If>(&e.node)) return i->otherwise && real(*i->then) && real(*i->otherwise);
    if (auto* q = std::get_if<Seq>(&e.node)) return real(*q->body.back());
    if (auto* l = std::get_if<Let>(&e.node)) return real(*l->body);
    auto* c = std::get_if<Call>(&e.node);
    const Primitive* p = c ? called_primitive(*c) : nullptr;
    if (!p) return false;
    static const std::unordered_set<std::string_view> real_results = {
        "length", "vector-length", "string-length", "bytevector-length", "char->integer", "bytevector-u8-ref",
        "quotient", "remainder", "modulo", "floor-quotient", "floor-remainder", "truncate-quotient",
        "truncate-remainder", "floor", "ceiling", "round", "truncate", "abs", "magnitude", "real-part",
        "imag-part", "angle", "numerator", "denominator", "max", "min", "gcd", "lcm", "exact-integer-sqrt"};
    if (real_results.count(p->name)) return true;
    if (p->name == "+" || p->name == "-" || p->name == "*" || p->name == "square" || p->name == "exact" ||
        p->name == "inexact" || p->name == "exact->inexact" || p->name == "inexact->exact") {
        for (auto& a : c->args)
            if (!real(*a)) return false;
        return true;
    }
    return false;
}

// Is e surely a real number >= 0 (or NaN, or an error)?
bool Representer::nonnegative(const Expr& e) {
    if (auto* k = std::get_if<Const>(&e.node)) {
        if (!k->datum || k->datum->kind != DatumKind::number || !k->datum->number.is_real()) return false;
        const Number& n = k->datum->number;
        return n.exact ? !n.num.negative() : !(n.flo < 0);
    }
    if (auto* i = std::get_if<If>(&e.node)) return i->otherwise && nonnegative(*i->then) && nonnegative(*i->otherwise);
    if (auto* q = std::get_if<Seq>(&e.node)) return nonnegative(*q->body.back());
    if (auto* l = std::get_if<Let>(&e.node)) return nonnegative(*l->body);
    auto* c = std::get_if<Call>(&e.node);
    const Primitive* p = c ? called_primitive(*c) : nullptr;
    if (!p) return false;
    std::string_view n = p->name;
    if (n == "abs" || n == "magnitude" || n == "length" || n == "vector-length" || n == "string-length" ||
        n == "bytevector-length")
        return true;
    if (c->args.empty()) return false;
    auto all = [&](auto pred) {
        for (auto& a : c->args)
            if (!pred(*a)) return false;
        return true;
    };
    if (n == "square" || n == "exp") return c->args.size() == 1 && real(*c->args[0]);
    if (n == "*" && c->args.size() == 2) {  // (* x x)
        auto* a = std::get_if<Ref>(&c->args[0]->node);
        auto* b = std::get_if<Ref>(&c->args[1]->node);
        if (a && b && a->var == b->var && real(*c->args[0])) return true;
    }
    if (n == "+" || n == "*" || n == "/" || n == "sqrt" || n == "exact" || n == "inexact" || n == "exact->inexact" ||
        n == "inexact->exact")
        return all([&](const Expr& a) { return nonnegative(a); });
    return false;
}

// Can e make a complex number out of real ones (or hold one as a literal)?
// Decided with every number assumed real, which is what holds until the
// first complex number is made.
bool Representer::makes_complex(const Expr& e) {
    bool found = false;
    auto visit = [&](auto& self, const Expr& x) -> void {
        if (found) return;
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Const>) {
                    found = has_complex(n.datum);
                } else if constexpr (std::is_same_v<T, Ref>) {
                    static const std::unordered_set<std::string_view> sources = {
                        "make-rectangular", "make-polar", "string->number", "read", "sqrt", "log",
                        "expt", "asin", "acos"};
                    found = n.var->global && !n.var->defined && n.var->primitive && sources.count(n.var->primitive->name);
                } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                    self(self, *n.value);
                } else if constexpr (std::is_same_v<T, If>) {
                    self(self, *n.test);
                    self(self, *n.then);
                    if (n.otherwise) self(self, *n.otherwise);
                } else if constexpr (std::is_same_v<T, Seq>) {
                    for (auto& b : n.body) self(self, *b);
                } else if constexpr (std::is_same_v<T, Call>) {
                    const Primitive* p = called_primitive(n);
                    std::string_view name = p ? std::string_view(p->name) : std::string_view();
                    bool safe = false;
                    if ((name == "sqrt" || name == "log") && n.args.size() == 1) safe = nonnegative(*n.args[0]);
                    if (name == "expt" && n.args.size() == 2) {
                        auto* k = std::get_if<Const>(&n.args[1]->node);
                        safe = nonnegative(*n.args[0]) ||
                               (k && k->datum && k->datum->kind == DatumKind::number && k->datum->number.is_exact_integer());
                    }
                    if (!safe) self(self, *n.fn);
                    for (auto& a : n.args) self(self, *a);
                } else if constexpr (std::is_same_v<T, Let>) {
                    for (auto& i : n.inits) self(self, *i);
                    self(self, *n.body);
                } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                    self(self, *n->body);
                }
            },
            x.node);
    };
    visit(visit, e);
    return found;
}

// Is e a flonum expression, given the current flonum variables?
bool Representer::typed(const Expr& e) {
    auto it = memo_.find(&e);
    if (it != memo_.end()) return it->second;
    bool result = std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return n.datum && n.datum->kind == DatumKind::number && n.datum->number.is_flonum();
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
    for (auto& top : prog_.body) complex_ = complex_ || makes_complex(*top);
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
