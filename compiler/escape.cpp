// Escape analysis: for every allocation site (cons, list, vector, closures,
// the other constructors), where can its value go? The answer picks the
// tier the emitter allocates it in:
//
//   none     it never leaves the C frame that made it      -> stack
//   return   it leaves as a result, through a loop variable, a local set!,
//            a tail call, or stored inside another object   -> region
//   closure  a closure captures it                          -> region
//   global   it reaches a global variable (set!, define)   -> root
//            or an unknown procedure or object               -> region
//
// The program becomes one graph. Nodes are sites and local variables; an
// edge says "the value of A may become the value of B" (a let binding, an
// argument bound to a known procedure's parameter, a loop variable); events
// say what happens to a node's value (returned, captured, stored, passed to
// a procedure nobody knows). A site's class is the worst event reachable
// from it. Because arguments flow into the callee's parameters, a list
// passed to a procedure that only reads it (length, a fold written in
// Scheme) stays on the caller's stack.
//
// Stack safety rests on three rules: a stored value is never on the stack
// (so nothing read out of a container is), a tail call out of the frame that
// made a value is an escape (the frame is gone when the callee runs), and a
// value made inside a loop that reaches the loop's next iteration is an
// escape (its storage is reused by that iteration).
#include <algorithm>
#include <functional>
#include <set>
#include <string_view>

#include "escape.hpp"
#include "lower.hpp"
#include "passes.hpp"
#include "primitives.hpp"

namespace eshkol {

const char* escape_class_name(EscapeClass c) {
    switch (c) {
    case EscapeClass::none: return "none";
    case EscapeClass::return_: return "return";
    case EscapeClass::closure: return "closure";
    case EscapeClass::global: return "global";
    }
    return "?";
}

const char* escape_tier_name(EscapeTier t) {
    switch (t) {
    case EscapeTier::stack: return "stack";
    case EscapeTier::region: return "region";
    case EscapeTier::shared: return "shared";
    case EscapeTier::root: return "root";
    }
    return "?";
}

namespace {

// How built-ins treat their arguments.
enum class PrimUse {
    inspect,     // reads its arguments; keeps none, returns none of them
    tail_of,     // returns (a tail of) its list argument, maybe itself: list-tail
                 // (the first argument), memq memv member (the second)
    rest_of,     // returns what follows its argument's first pair: cdr (part of
                 // the argument's allocation only when one site made several pairs)
    calls,       // calls its procedure arguments during the call, keeps nothing
    mutate,      // stores its last argument into its first
    allocate,    // a site: stores its arguments into a fresh object
    apply,       // (apply f a ... list): calls f with a ... and list's elements
    unknown,     // anything else: its arguments may go anywhere
};

// Maximum words of one stack object.
constexpr uint32_t stack_limit = 16;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The numeric, character and string built-ins (and vectors and
// bytevectors, which share the string table's file).
#define ESK_PRIM(name, c_function, min, max) std::string_view{name},
#define ESK_PRIM_VALUE(name, code)
constexpr std::string_view reading_tables[] = {
#include "../runtime/esk_num.def"
#include "../runtime/esk_string.def"
};
#undef ESK_PRIM
#undef ESK_PRIM_VALUE

PrimUse prim_use(std::string_view n) {
    if (one_of(n, {"cons", "list", "vector", "make-vector", "make-list", "make-string", "string", "string-append",
                   "string-copy", "substring", "list-copy", "vector-copy", "list->vector", "vector->list",
                   "string->list", "list->string", "reverse", "%make-record", "vector-append", "string->vector",
                   "vector->string", "make-bytevector", "bytevector", "bytevector-copy", "bytevector-append",
                   "number->string", "symbol->string", "string-upcase", "string-downcase", "string-foldcase",
                   "utf8->string", "string->utf8"}))
        return PrimUse::allocate;
    if (one_of(n, {"cdr", "cddr", "cdddr", "cddddr"})) return PrimUse::rest_of;
    if (one_of(n, {"list-tail", "memq", "memv", "member"})) return PrimUse::tail_of;
    if (one_of(n, {"set-car!", "set-cdr!", "vector-set!", "%record-set!", "vector-fill!"})) return PrimUse::mutate;
    if (one_of(n, {"vector-map", "vector-for-each", "string-map", "string-for-each", "call-with-values",
                   "dynamic-wind", "call/cc", "call-with-current-continuation", "with-exception-handler", "%guard",
                   "%with-region", "hash-table-walk", "hash-table-count",
                   "%with-resource"}))
        return PrimUse::calls;
    if (n == "apply") return PrimUse::apply;
    if (one_of(n, {"values", "raise", "raise-continuable", "error", "append", "make-parameter",
                   "%parameterize", "%make-lazy", "make-promise", "force", "exit", "append-reverse!", "reverse!",
                   "list-set!", "%make-record-type", "string-copy!", "vector-copy!", "bytevector-copy!",
                   "owned", "shared"}))  // owned keeps its argument in a cell, shared its payload and destructor
        return PrimUse::unknown;
    // Hash tables keep their keys, values and procedures, and some return
    // an argument (a default) or what a procedure argument returned.
    if (one_of(n, {"make-hash-table", "alist->hash-table", "hash-table-set!", "hash-table-ref",
                   "hash-table-ref/default", "hash-table-update!", "hash-table-update!/default", "hash-table-fold",
                   "hash-table-merge!"}))
        return PrimUse::unknown;
    // What only reads: numbers, characters and strings (their tables hold
    // nothing else), predicates, accessors (what they return was stored, so
    // never on the stack), output. A built-in not named here may keep or
    // return its arguments: unknown, which is always safe.
    if (std::find(std::begin(reading_tables), std::end(reading_tables), n) != std::end(reading_tables))
        return PrimUse::inspect;
    if (one_of(n, {"+", "-", "*", "/", "=", "<", ">", "<=", ">=", "car", "caar", "cadr", "cdar", "caaar", "caadr",
                   "cadar", "caddr", "cdaar", "cdadr", "cddar", "caaaar", "caaadr", "caadar", "caaddr", "cadaar",
                   "cadadr", "caddar", "cadddr", "cdaaar", "cdaadr", "cdadar", "cdaddr", "cddaar", "cddadr",
                   "cdddar", "pair?", "null?", "list?", "length", "list-ref", "assq", "assv", "assoc", "not",
                   "boolean?", "boolean=?", "eq?", "eqv?", "equal?", "procedure?", "eof-object", "eof-object?",
                   "error-object?", "error-object-message", "error-object-irritants", "file-error?", "read-error?",
                   "%record?", "%record-ref", "promise?", "display", "write", "newline", "write-char",
                   "write-string", "flush-output-port", "write-shared", "write-simple", "hash-table?",
                   "hash-table-delete!", "hash-table-exists?", "hash-table-contains?", "hash-table-size",
                   "hash-table-keys", "hash-table-values", "hash-table->alist", "hash-table-copy",
                   "hash-table-clear!", "hash-table-equivalence-function", "hash-table-hash-function", "hash",
                   "equal-hash", "string-hash", "string-ci-hash", "eq-hash", "hash-by-identity", "eqv-hash",
                   "arena?", "destroy-arena", "copy-to-arena", "arena-alloc", "make-arena"}))
        return PrimUse::inspect;
    // Ports read their arguments (string and bytevector ports copy theirs);
    // a file port keeps its file name, so the open-...-file built-ins stay
    // unknown.
    if (one_of(n, {"port?", "input-port?", "output-port?", "textual-port?", "binary-port?", "input-port-open?",
                   "output-port-open?", "close-port", "close-input-port", "close-output-port", "open-input-string",
                   "open-output-string", "get-output-string", "open-input-bytevector", "open-output-bytevector",
                   "get-output-bytevector", "file-exists?", "delete-file", "read-char", "peek-char", "char-ready?",
                   "read-line", "read-string", "read-all", "read", "read-u8", "peek-u8", "u8-ready?",
                   "read-bytevector", "read-bytevector!", "write-u8", "write-bytevector"}))
        return PrimUse::inspect;
    return PrimUse::unknown;
}

enum class Ev { ret, tail, capture, unknown, global_var, set_local, backedge, stored };

struct Event {
    Ev kind;
    const Lambda* fn;    // the C function it happens in (nullptr: the program body)
    const Lambda* loop;  // backedge: the loop
};

struct Node {
    std::vector<int> flows;      // nodes this value may become
    std::vector<int> rest_flows; // ... as the rest of a list this value begins (cdr): followed
                                 // only from sites that make several pairs (list, make-list ...)
    std::vector<Event> events;
    std::vector<int> stored_in;  // sites that hold this value
    // sites only
    const Expr* expr = nullptr;
    const Lambda* fn = nullptr;
    std::vector<const Lambda*> loops;  // contified loops around the site (same function)
};

class Analyzer {
public:
    Analyzer(const Program& prog, const Lowering& low) : prog_(prog), low_(low) {}
    Escape run();

private:
    const Program& prog_;
    const Lowering& low_;
    std::vector<Node> nodes_;
    std::unordered_map<const Var*, int> var_nodes_;
    std::unordered_map<const Expr*, int> site_nodes_;
    std::unordered_map<const Expr*, std::string> kinds_;
    std::unordered_map<const Expr*, uint32_t> words_;
    const Lambda* fn_ = nullptr;
    std::vector<const Lambda*> loops_;  // contified lambdas being visited

    int var_node(const Var* v) {
        auto [it, fresh] = var_nodes_.try_emplace(v, 0);
        if (fresh) {
            it->second = static_cast<int>(nodes_.size());
            nodes_.emplace_back();
        }
        return it->second;
    }
    int site(const Expr& e, std::string kind, uint32_t words) {
        int id = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        nodes_.back().expr = &e;
        nodes_.back().fn = fn_;
        nodes_.back().loops = loops_;
        site_nodes_[&e] = id;
        kinds_[&e] = std::move(kind);
        words_[&e] = words;
        return id;
    }
    void event(const std::vector<int>& ns, Ev kind, const Lambda* loop = nullptr) {
        for (int n : ns) nodes_[n].events.push_back({kind, fn_, loop});
    }
    void flow(const std::vector<int>& ns, int to) {
        for (int n : ns) nodes_[n].flows.push_back(to);
    }
    void store(const std::vector<int>& ns, int into) {
        for (int n : ns) nodes_[n].stored_in.push_back(into);
    }

    std::vector<int> visit(const Expr& e, bool tail);
    std::vector<int> visit_call(const Expr& e, const Call& c, bool tail);
    std::vector<int> visit_let(const Expr& e, const Let& n, bool tail);
    void visit_function(const Lambda& l);
    const Lambda* contified(const Expr& e) const;
};

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

const Lambda* Analyzer::contified(const Expr& e) const {
    const Lambda* l = lambda_of(e);
    return l && low_.plan(l).kind == LambdaPlan::Kind::contified ? l : nullptr;
}

void Analyzer::visit_function(const Lambda& l) {
    const Lambda* saved_fn = fn_;
    auto saved_loops = std::move(loops_);
    loops_.clear();
    fn_ = &l;
    // A closure's captured variables are stored into it.
    for (const Var* v : low_.plan(&l).slots) event({var_node(v)}, Ev::capture);
    event(visit(*l.body, true), Ev::ret);
    fn_ = saved_fn;
    loops_ = std::move(saved_loops);
}

std::vector<int> Analyzer::visit(const Expr& e, bool tail) {
    return std::visit(
        [&](const auto& n) -> std::vector<int> {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return {};
            } else if constexpr (std::is_same_v<T, Ref>) {
                if (n.var->global) return {};
                return {var_node(n.var)};
            } else if constexpr (std::is_same_v<T, Set>) {
                std::vector<int> v = visit(*n.value, false);
                if (n.var->global) {
                    event(v, Ev::global_var);
                } else {
                    event(v, n.var->captured ? Ev::capture : Ev::set_local);
                    flow(v, var_node(n.var));
                }
                return {};
            } else if constexpr (std::is_same_v<T, Define>) {
                event(visit(*n.value, false), Ev::global_var);
                return {};
            } else if constexpr (std::is_same_v<T, If>) {
                visit(*n.test, false);
                std::vector<int> out = visit(*n.then, tail);
                if (n.otherwise) {
                    std::vector<int> more = visit(*n.otherwise, tail);
                    out.insert(out.end(), more.begin(), more.end());
                }
                return out;
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (size_t i = 0; i + 1 < n.body.size(); ++i) visit(*n.body[i], false);
                return visit(*n.body.back(), tail);
            } else if constexpr (std::is_same_v<T, Call>) {
                return visit_call(e, n, tail);
            } else if constexpr (std::is_same_v<T, Let>) {
                return visit_let(e, n, tail);
            } else {
                const Lambda& l = *n;
                const LambdaPlan& p = low_.plan(&l);
                visit_function(l);
                if (!p.makes_closure()) return {};
                return {site(e, "closure", static_cast<uint32_t>(p.slots.size()))};
            }
        },
        e.node);
}

std::vector<int> Analyzer::visit_let(const Expr& e, const Let& n, bool tail) {
    std::vector<int> out;
    std::vector<const Lambda*> loops;
    for (size_t i = 0; i < n.vars.size(); ++i) {
        if (const Lambda* l = contified(*n.inits[i])) {
            loops.push_back(l);
            continue;
        }
        std::vector<int> v = visit(*n.inits[i], false);
        flow(v, var_node(n.vars[i]));
    }
    // A loop's body runs in this frame; what it returns is the let's value.
    for (const Lambda* l : loops) {
        loops_.push_back(l);
        std::vector<int> v = visit(*l->body, tail);
        out.insert(out.end(), v.begin(), v.end());
        loops_.pop_back();
    }
    std::vector<int> body = visit(*n.body, tail);
    out.insert(out.end(), body.begin(), body.end());
    (void)e;
    return out;
}

std::vector<int> Analyzer::visit_call(const Expr& e, const Call& c, bool tail) {
    std::vector<std::vector<int>> args;
    const Var* callee = nullptr;
    if (auto* r = std::get_if<Ref>(&c.fn->node)) callee = r->var;

    // A built-in.
    if (callee && callee->global && callee->primitive) {
        for (auto& a : c.args) args.push_back(visit(*a, false));
        std::string_view name = callee->primitive->name;
        switch (prim_use(name)) {
        case PrimUse::inspect:
        case PrimUse::calls:
            return {};
        case PrimUse::tail_of: {
            // (list-tail LIST K), (memv KEY LIST [COMPARE])
            size_t list = name == "list-tail" ? 0 : 1;
            // member's COMPARE is called with the key: it may keep it
            if (args.size() > 2) event(args[0], Ev::unknown);
            return list < args.size() ? args[list] : std::vector<int>{};
        }
        case PrimUse::rest_of: {
            // A single cons's cdr is another object (stored in it, so never on
            // the stack): reading it does not make the cons flow anywhere.
            if (args.empty()) return {};
            int rest = static_cast<int>(nodes_.size());
            nodes_.emplace_back();
            for (int n : args[0]) nodes_[n].rest_flows.push_back(rest);
            return {rest};
        }
        case PrimUse::mutate:
            for (size_t i = 1; i < args.size(); ++i) event(args[i], Ev::unknown);
            return {};
        case PrimUse::allocate: {
            uint32_t words = 0;
            std::string kind(name);
            if (name == "cons") {
                words = 1;
            } else if (name == "list" || name == "vector") {
                words = static_cast<uint32_t>(c.args.size());
                if (name == "list" && words == 0) words = stack_limit + 1;  // '(): nothing to allocate
            } else if (name == "make-vector" && !c.args.empty()) {
                words = stack_limit + 1;
                if (auto* k = std::get_if<Const>(&c.args[0]->node)) {
                    const Datum* d = k->datum;
                    if (d->kind == DatumKind::number && d->number.is_exact_integer() && !(d->number.num < BigInt(0)) &&
                        d->number.num < BigInt(static_cast<int64_t>(stack_limit) + 1))
                        words = static_cast<uint32_t>(d->number.num.to_int64());
                }
            } else {
                words = stack_limit + 1;  // other constructors: never on the stack
            }
            int s = site(e, kind, words);
            for (auto& a : args) store(a, s);
            return {s};
        }
        case PrimUse::unknown:
            for (auto& a : args) event(a, Ev::unknown);
            return {};
        case PrimUse::apply:
            // In tail position the call happens after this frame is gone.
            if (tail)
                for (auto& a : args) event(a, Ev::tail);
            for (size_t i = 1; i + 1 < args.size(); ++i) event(args[i], Ev::unknown);
            return {};
        }
        return {};
    }

    // A jump to a loop: the arguments become the loop's variables.
    if (callee && !callee->global) {
        if (const Lambda* l = low_.known_lambda(callee); l && low_.plan(l).kind == LambdaPlan::Kind::contified) {
            bool back = std::find(loops_.begin(), loops_.end(), l) != loops_.end();
            for (size_t i = 0; i < c.args.size(); ++i) {
                std::vector<int> v = visit(*c.args[i], false);
                if (back) event(v, Ev::backedge, l);
                if (i < l->params.size()) flow(v, var_node(l->params[i]));
                else event(v, Ev::unknown);
            }
            return {};
        }
    }

    std::vector<int> fn = visit(*c.fn, false);
    for (auto& a : c.args) args.push_back(visit(*a, false));
    const Lambda* known = callee ? low_.known_lambda(callee) : nullptr;
    // A tail call usually runs after this frame is gone (the trampoline, or
    // a jump back to the top of this very function): nothing of the frame
    // may go with it. A plain C call to another known procedure that never
    // bounces back a pending call returns into this frame first.
    bool frame_lives = false;
    if (known && fn_ && known != fn_) {
        const LambdaPlan& p = low_.plan(known);
        frame_lives = p.kind == LambdaPlan::Kind::direct && !p.may_bounce && !low_.trampolined(fn_, known);
    }
    if (tail && !frame_lives) {
        event(fn, Ev::tail);
        for (auto& a : args) event(a, Ev::tail);
    }
    if (known && c.args.size() >= known->params.size()) {
        for (size_t i = 0; i < args.size(); ++i) {
            if (i < known->params.size()) flow(args[i], var_node(known->params[i]));
            else event(args[i], Ev::stored);  // into the rest list
        }
    } else {
        for (auto& a : args) event(a, Ev::unknown);
    }
    return {};
}

Escape Analyzer::run() {
    fn_ = nullptr;
    for (auto& form : prog_.body) visit(*form, false);

    // Each site: the worst event reachable along value flows.
    std::vector<EscapeClass> cls(nodes_.size(), EscapeClass::none);
    std::vector<bool> root(nodes_.size(), false), stored(nodes_.size(), false);
    auto worse = [](EscapeClass a, EscapeClass b) { return static_cast<int>(a) < static_cast<int>(b) ? b : a; };
    // Sites that make several pairs at once: their cdr is of the same allocation.
    auto several_pairs = [&](const Expr* e) {
        const std::string& k = kinds_[e];
        return k == "list" || k == "make-list" || k == "list-copy" || k == "reverse" || k == "vector->list" ||
               k == "string->list";
    };
    for (auto& [expr, id] : site_nodes_) {
        const Node& s = nodes_[id];
        bool rests = several_pairs(expr);
        std::vector<bool> seen(nodes_.size(), false);
        std::vector<int> todo{id};
        seen[id] = true;
        EscapeClass c = EscapeClass::none;
        while (!todo.empty()) {
            int n = todo.back();
            todo.pop_back();
            for (const Event& ev : nodes_[n].events) {
                switch (ev.kind) {
                case Ev::ret: c = worse(c, EscapeClass::return_); break;
                case Ev::tail:
                    if (ev.fn == s.fn) c = worse(c, EscapeClass::return_);
                    break;
                case Ev::backedge:
                    if (std::find(s.loops.begin(), s.loops.end(), ev.loop) != s.loops.end())
                        c = worse(c, EscapeClass::return_);
                    break;
                case Ev::set_local:
                case Ev::stored: c = worse(c, EscapeClass::return_); break;
                case Ev::capture: c = worse(c, EscapeClass::closure); break;
                case Ev::unknown: c = worse(c, EscapeClass::global); break;
                case Ev::global_var:
                    c = worse(c, EscapeClass::global);
                    root[id] = true;
                    break;
                }
            }
            for (int m : nodes_[n].flows)
                if (!seen[m]) {
                    seen[m] = true;
                    todo.push_back(m);
                }
            for (int m : nodes_[n].rest_flows)
                if (rests && !seen[m]) {
                    seen[m] = true;
                    todo.push_back(m);
                }
            for (int holder : nodes_[n].stored_in) {
                (void)holder;
                stored[id] = true;
            }
        }
        cls[id] = c;
    }
    // A value stored in an object lives as long as that object, and may be
    // read out of it: at least "return", and as bad as its holder (the
    // holders' own classes may depend on their holders: iterate).
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& [expr, id] : site_nodes_) {
            if (!stored[id]) continue;
            bool rests = several_pairs(expr);
            std::vector<bool> seen(nodes_.size(), false);
            std::vector<int> todo{id};
            seen[id] = true;
            EscapeClass c = worse(cls[id], EscapeClass::return_);
            bool r = root[id];
            while (!todo.empty()) {
                int n = todo.back();
                todo.pop_back();
                for (int holder : nodes_[n].stored_in) {
                    c = worse(c, cls[holder]);
                    r = r || root[holder];
                }
                for (int m : nodes_[n].flows)
                    if (!seen[m]) {
                        seen[m] = true;
                        todo.push_back(m);
                    }
                for (int m : nodes_[n].rest_flows)
                    if (rests && !seen[m]) {
                        seen[m] = true;
                        todo.push_back(m);
                    }
            }
            if (c != cls[id] || r != root[id]) {
                cls[id] = c;
                root[id] = r;
                changed = true;
            }
        }
    }

    Escape out;
    for (auto& [expr, id] : site_nodes_) {
        EscapeSite s;
        s.expr = expr;
        s.kind = kinds_[expr];
        s.cls = cls[id];
        s.words = words_[expr];
        bool stackable = (s.kind == "cons" || s.kind == "list" || s.kind == "vector" || s.kind == "make-vector" ||
                          s.kind == "closure") &&
                         s.words <= stack_limit;
        if (s.cls == EscapeClass::none && !stored[id] && stackable) s.tier = EscapeTier::stack;
        else if (root[id] && (s.kind == "cons" || s.kind == "list")) s.tier = EscapeTier::root;
        else s.tier = EscapeTier::region;
        out.sites.emplace(expr, s);
    }
    for (auto& [expr, s] : out.sites) out.order.push_back(&s);
    std::sort(out.order.begin(), out.order.end(), [](const EscapeSite* a, const EscapeSite* b) {
        const Loc &x = a->expr->loc, &y = b->expr->loc;
        if (x.file != y.file) return x.file < y.file;
        if (x.line != y.line) return x.line < y.line;
        if (x.col != y.col) return x.col < y.col;
        return a->expr->id < b->expr->id;
    });
    return out;
}

}  // namespace

Escape analyze_escape(const Program& program, const Lowering& lowering) {
    return Analyzer(program, lowering).run();
}

std::string dump_escape(const Escape& escape, const SourceManager& sources, const std::vector<uint32_t>& library_files) {
    static const std::string inferred_region_kind = "inferred-region";
    std::string out;
    for (const EscapeSite* s : escape.order) {
        const Loc& loc = s->expr->loc;
        // the library's own sites are not the user's
        if (!loc.known() || std::find(library_files.begin(), library_files.end(), loc.file) != library_files.end())
            continue;
        // the closure of an inferred region's body stands for the region
        auto* lam = std::get_if<std::unique_ptr<Lambda>>(&s->expr->node);
        const std::string& kind = lam && (*lam)->inferred_region ? inferred_region_kind : s->kind;
        out += sources.file(loc.file).path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col) + " " + kind +
               " " + escape_class_name(s->cls) + " " + escape_tier_name(s->tier) + "\n";
    }
    return out;
}

}  // namespace eshkol
