// Ownership: the compile-time check of owned (linear) values, SPEC section 5.
//
// The forms. (owned e) makes an owned value; (move x) hands x's value on;
// (consume x) and (close x) end it; (borrow x body ...) lends it to body
// (expanded into a let whose variable, also named x, holds the value lent);
// (with-resource (x e) body ...) owns e's value for body and consumes it
// however body exits. owned, move, consume and close are built-in
// procedures (runtime/esk_owned.c); borrow and with-resource come from
// expand_owned.cpp.
//
// The rules, on every path that returns (if/cond/case/and/or/when/unless
// branches, let bodies, loops):
//   - a variable bound to an owned value (by let, define, a parameter that
//     receives one) is consumed or moved exactly once before its scope ends;
//   - a moved or consumed variable is not used again;
//   - a borrowed value is not consumed or moved, nor is an owned one while
//     a borrow of it (or the with-resource holding it) is in progress.
// What counts as what:
//   - built-in procedures borrow their arguments (close-port and its kin
//     consume them); so do if tests. Record constructors and setters are
//     user procedures: the owned value they are given moves into the record;
//   - passing an owned variable to a known user procedure moves it, and that
//     parameter is owned in the callee, which must consume it; passing a
//     borrowed one (inside borrow or with-resource, a borrowed parameter)
//     lends it, and that parameter is borrowed in the callee. A parameter
//     both moved into and lent to is an error at the lending call;
//   - binding an owned variable to another name (let, set!, define) or
//     returning it moves it; a procedure whose body returns an owned value
//     returns an owned value. Binding or returning a borrowed value makes
//     another borrowed name for it (an alias), not a move;
//   - raise, error, exit and escape continuations (the parameter k of
//     (call/cc (lambda (k) ...))) do not return: their paths need nothing;
//   - passing an owned variable to a procedure the checker cannot see (a
//     parameter, a computed procedure) is an error: borrow it or move it.
// Closures: a procedure that is only ever called by name (a named let or do
// loop, a local or global define used only in calls) may use the owned
// variables of enclosing scopes: each call counts as the uses its body makes
// (a loop that closes the port when it ends consumes it at the call that
// starts it), and calling it after the variable was moved away is a use
// after move. Any other closure (passed to for-each, stored, returned) may
// run at any time, any number of times: it may only borrow them, so
// consuming, moving or assigning them there is an error, and a call after
// they were consumed is the run-time error. The procedures built-ins call
// once, at once (the thunks of dynamic-wind, with-resource, with-region,
// parameterize, the guard body, the receivers of call/cc and
// call-with-values) are checked in place, as if their bodies were written
// there.
//
// Run time, and what the check cannot see. An owned value is a cell with a
// consumed flag (esk_owned in runtime/eshkol.h): owned variables hold the
// cell, and where a built-in borrows one the emitter passes the value inside
// with esk_owned_ref, which checks the flag (Ownership::refs says where).
// An owned value moved into a built-in (stored in a vector, a global) or an
// unknown procedure leaves the check's sight; consume, move, borrow and
// every unwrap check the flag, so using a consumed value there is the error
// "use of consumed value", never undefined behaviour.
//
// How: an abstract interpretation of each procedure body along its paths,
// with a state per owned or borrowed variable (live, moved, consumed, and
// the borrows in progress), joined at every if. Procedure summaries (which
// parameters are owned or borrowed, whether the result is owned, what a call
// does to the owned variables of enclosing scopes) come from every call site
// and body, so the program is checked in rounds until they settle; the last
// round's errors are reported.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "ownership.hpp"
#include "passes.hpp"
#include "primitives.hpp"

namespace eshkol {

namespace {

constexpr int no_tail = INT_MAX;  // an expression whose value is no scope's value
// Rounds: facts travel down calls in program order within a round, against
// it one call per round; a program needs as many rounds as its longest such
// chain, plus a few. Past the limit the last round is reported as it is.
constexpr size_t min_rounds_limit = 30, max_rounds_limit = 2000;

// Where a value goes.
enum class Flow {
    discard,  // nowhere: a body expression before the last
    borrow,   // read and left: a built-in's argument, a test
    take,     // kept: a binding, a procedure's argument, the caller
};

// The ownership errors, each with its message.
enum class Problem {
    not_consumed,
    use_after_move,
    use_after_consume,
    consumed_twice,
    consumed_while_borrowed,
    moved_while_borrowed,
    lent_to_owner,
    in_closure,
    passed_to_unknown,
    discarded,
    overwritten,
    not_owned_value,
};

std::string message(Problem p, std::string_view name, std::string_view other = {}) {
    switch (p) {
    case Problem::not_consumed: return fmt::format("owned value '{}' is not consumed on every path", name);
    case Problem::use_after_move: return fmt::format("use of moved value '{}'", name);
    case Problem::use_after_consume: return fmt::format("use of consumed value '{}'", name);
    case Problem::consumed_twice: return fmt::format("owned value '{}' is consumed twice", name);
    case Problem::consumed_while_borrowed: return fmt::format("owned value '{}' is consumed while borrowed", name);
    case Problem::moved_while_borrowed: return fmt::format("owned value '{}' is moved while borrowed", name);
    case Problem::lent_to_owner:
        return fmt::format("borrowed value '{}' is passed to '{}', which takes ownership of it", name, other);
    case Problem::in_closure:
        return fmt::format("owned value '{}' is {} inside a closure, which may only borrow it", name, other);
    case Problem::passed_to_unknown:
        return fmt::format("owned value '{0}' is passed to a procedure the checker cannot see: "
                           "lend it with (borrow {0} ...) or hand it over with (move {0})", name);
    case Problem::discarded: return "owned value is discarded without being consumed";
    case Problem::overwritten: return fmt::format("owned value '{}' is overwritten before it is consumed", name);
    case Problem::not_owned_value: return fmt::format("owned variable '{}' is assigned a value that is not owned", name);
    }
    return "";
}

// What the check knows of a variable on the current path.
struct Slot {
    enum class Kind : uint8_t {
        owned,     // holds an owned value: consume or move it exactly once
        borrowed,  // holds a value lent to it: read only
        captured,  // an owned variable seen from a closure that may run any time: read only
    };
    enum class Status : uint8_t { live, moved, consumed };
    const Var* var = nullptr;
    Kind kind = Kind::owned;
    Status status = Status::live;
    Loc gone_at;              // where it was moved or consumed
    int borrows = 0;          // owned: borrows (or a with-resource) in progress
    Loc borrowed_at;          // where the innermost borrow began
    std::string borrow_note;  // what to say there
    Loc origin;               // an owned parameter: a call that passes it an owned value
    const Var* root = nullptr;  // borrowed: the owned variable it borrows, when known here
    int depth = 0;            // scope depth, for the wording of notes
    bool outer = false;       // bound outside the procedure being checked
    bool failed = false;      // an error about it was found: say nothing more
    bool conflict = false;    // consumed on one path and not on another
};

struct State {
    std::map<uint32_t, Slot> slots;  // by Var id, for a deterministic order
    bool dead = false;               // no path that returns reaches here
};

// How the check treats a lambda.
enum class Role {
    known,     // bound to a variable that is only ever called: its calls count
    escaping,  // a closure value that may run at any time
    in_place,  // called once, at once, by a built-in: checked where it is
};

bool same(Loc a, Loc b) { return a.file == b.file && a.line == b.line && a.col == b.col; }
bool same(bool a, bool b) { return a == b; }
bool same(std::optional<Holding> a, std::optional<Holding> b) { return a == b; }
bool merge(bool a, bool b) { return a || b; }
Loc merge(Loc a, Loc b) { return a.known() ? a : b; }
std::optional<Holding> merge(std::optional<Holding> a, std::optional<Holding> b) {
    if (a == Holding::owned || b == Holding::owned) return Holding::owned;
    return a ? a : b;
}

// A fact about a procedure that a round finds and the next round assumes:
// rounds go on until every fact found is the fact assumed. Within a round
// the check uses what is assumed merged with what is found so far, so that
// facts travel down a chain of calls in one round; in the last round, what
// is found is what was assumed, so every part of it saw the same facts.
template <typename T>
struct Fact {
    T assumed{}, found{};
    T now() const { return merge(assumed, found); }
    // Ends a round: whether the fact changed.
    bool settle() {
        bool changed = !same(assumed, found);
        assumed = found;
        found = T{};
        return changed;
    }
};

// An owned variable of an enclosing scope that a procedure uses.
struct Captured {
    Fact<bool> in_use;         // the body uses it, or calls a procedure that does
    bool consumes = false;     // assumed: each call consumes it (else leaves it live)
    int changes = 0;           // of the assumptions, bounded so that rounds end
    Fact<bool> touches;        // the body consumes, moves or assigns it somewhere
    Fact<bool> failed;         // an error about it was found in the body: calls say nothing more
    bool held = false;         // assumed: every call from outside is made while it is borrowed
    int held_changes = 0;
    bool seen_held = false;    // this round: a call from outside while borrowed
    bool seen_free = false;    // this round: a call from outside while not borrowed
    Loc held_at;               // a call made while it is borrowed
    Loc first_use;             // the first use in the body
    bool first_use_consumes = false;
    Loc first_touch;           // the first consume, move or assignment in the body
};

struct Summary {
    Role role = Role::escaping;
    std::vector<Fact<std::optional<Holding>>> params;  // from the calls that name it
    std::vector<Fact<Loc>> moved_in, lent_in;          // the first such call, per parameter
    Fact<bool> returns_owned;
    std::map<uint32_t, Captured> captured;             // by Var id
};

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

bool is_builtin(const Var& v) { return v.global && !v.defined && v.primitive; }

bool is_unspecified(const Expr* e) {
    auto* c = e ? std::get_if<Const>(&e->node) : nullptr;
    return !e || (c && !c->datum);
}

// The built-ins that call a procedure argument once, before they return:
// which arguments, and which one's value is the call's value.
bool in_place_argument(std::string_view builtin, size_t i) {
    if (builtin == "dynamic-wind") return i <= 2;
    if (builtin == "call-with-values") return i <= 1;
    if (builtin == "call/cc" || builtin == "call-with-current-continuation") return i == 0;
    if (builtin == "with-exception-handler") return i == 1;
    if (builtin == "%parameterize" || builtin == "%with-region") return i == 2;
    if (builtin == "%guard" || builtin == "%with-resource") return i == 0;
    return false;
}

size_t result_argument(std::string_view builtin) {
    if (builtin == "dynamic-wind" || builtin == "call-with-values" || builtin == "with-exception-handler") return 1;
    if (builtin == "%parameterize" || builtin == "%with-region") return 2;
    return 0;
}

bool diverges(std::string_view builtin) {
    return builtin == "raise" || builtin == "error" || builtin == "exit" || builtin == "emergency-exit";
}

bool consumes_argument(std::string_view builtin) {
    return builtin == "close-port" || builtin == "close-input-port" || builtin == "close-output-port";
}

// The built-ins behind record constructors and setters, which are user
// procedures: an owned value they store moves into the record.
bool stores_argument(std::string_view builtin) { return builtin == "%make-record" || builtin == "%record-set!"; }

// The expression a body's value comes from, for "returns without" notes.
const Expr& tail_of(const Expr& body) {
    if (auto* s = std::get_if<Seq>(&body.node)) return tail_of(*s->body.back());
    return body;
}

class Checker {
public:
    Checker(const Program& program, Diagnostics& diags) : prog_(program), diags_(diags) {}
    Ownership run();

private:
    using Kind = Slot::Kind;
    using Status = Slot::Status;

    const Program& prog_;
    Diagnostics& diags_;
    std::unordered_map<const Lambda*, Summary> lambdas_;
    std::vector<const Lambda*> units_;  // every lambda not checked in place, in program order
    std::unordered_set<const Lambda*> in_place_;
    std::unordered_set<const Var*> continuations_;
    std::unordered_map<const Var*, int> value_refs_;
    // How variables were bound, and the globals bound to owned values: found
    // by a round, assumed by the next.
    std::unordered_map<uint32_t, Holding> holding_, holding_found_;
    std::set<uint32_t> owned_globals_, owned_globals_found_;
    std::set<uint32_t> globals_misused_, globals_misused_found_;  // owned globals a procedure consumes
    bool changed_ = false;  // a summary changed this round

    // This round.
    Ownership out_;
    std::vector<Diagnostic> found_;
    Diagnostic sink_;  // errors on paths that never return go here
    // The procedure being checked (null: the top level) and its state.
    const Lambda* unit_ = nullptr;
    State st_;
    int depth_ = 0;

    // Setting up.
    void scan(const Expr& e);
    void classify();
    void round();
    void check_top_level();
    void check_unit(const Lambda& l);
    void enter_unit(const Lambda& l);
    void leave_unit(const Lambda& l);
    void end_round();

    // Expressions.
    bool eval(const Expr& e, Flow flow, int tail);
    bool eval_ref(const Expr& e, const Var* v, Flow flow);
    bool eval_if(const If& n, Flow flow, int tail);
    bool eval_let(const Expr& e, const Let& n, Flow flow, int tail);
    bool eval_borrow(const Expr& e, const Let& n, Flow flow, int tail);
    bool eval_call(const Expr& e, const Call& c, Flow flow, int tail);
    bool eval_builtin(const Expr& e, const Call& c, std::string_view name, Flow flow, int tail);
    bool eval_with_in_place(const Call& c, std::string_view name, Flow flow, int tail);
    bool eval_with_resource(const Expr& e, const Call& c, Flow flow, int tail);
    bool eval_known_call(const Expr& e, const Call& c, const Lambda& g, Flow flow);
    bool run_in_place(const Lambda& l, Flow flow, int tail, bool first_param_owned);
    bool apply_lambda(const Expr& e, const Call& c, const Lambda& l, Flow flow, int tail);
    void eval_assign(const Expr& e, const Var* v, const Expr& value);
    void create_closure(const Expr& e, const Lambda& l);
    void pass_to_parameter(const Expr& arg, const Lambda& g, size_t i);
    void pass_to_unknown(const Expr& arg);
    void apply_captured(const Expr& call, const Lambda& g);
    void join(State then, const If& n, int tail);

    // Variables.
    Slot* find(const Var* v);
    Slot* find(uint32_t id);
    Slot* ref_slot(const Expr& e);
    void add_slot(const Var* v, Kind kind, Loc borrowed_at = {}, std::string note = {});
    void bind(const Var* v, const Expr& init);
    void leave_scope(const std::vector<Var*>& vars, const Expr& body);
    bool movable(const Slot& s) const { return s.kind == Kind::owned && s.borrows == 0; }
    bool usable(Slot& s, Loc at);
    void read_slot(Slot& s, const Expr& e);
    bool move_slot(Slot& s, const Expr& e);
    void consume_slot(Slot& s, const Expr& e, OwnedUse use);
    void touch(Slot& s, Loc at);
    void note_use(Slot& s, Loc at, bool consumes);
    bool bound_outside(const Var* v, const Lambda* l) const;
    void need_captured(uint32_t id);
    void record(const Expr& e, OwnedUse use) { out_.refs[e.id] = use; }
    void produced(const Expr& e, Flow flow, const Lambda* from = nullptr);

    // Errors.
    Diagnostic& error(Loc loc, std::string text);
    void borrowed_error(Slot& s, Loc at, Problem p);
    void closure_error(Slot& s, Loc at, std::string_view what);
    void gone_at_call(Slot& s, const Expr& call, const Lambda& g, const Captured& cap);
    void report(Slot& s, Diagnostic& d) const;
};

// ---- setting up ----------------------------------------------------------------

// Finds every lambda, the built-in calls that run one in place, escape
// continuations, and how often each variable is used other than called.
void Checker::scan(const Expr& e) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ref>) {
                ++value_refs_[n.var];
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                scan(*n.value);
            } else if constexpr (std::is_same_v<T, If>) {
                scan(*n.test);
                scan(*n.then);
                if (n.otherwise) scan(*n.otherwise);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) scan(*x);
            } else if constexpr (std::is_same_v<T, Call>) {
                auto* fn = std::get_if<Ref>(&n.fn->node);
                const Lambda* direct = lambda_of(*n.fn);
                if (direct) in_place_.insert(direct);
                if (fn && is_builtin(*fn->var)) {
                    std::string_view name = fn->var->primitive->name;
                    for (size_t i = 0; i < n.args.size(); ++i)
                        if (const Lambda* l = lambda_of(*n.args[i]); l && in_place_argument(name, i)) {
                            in_place_.insert(l);
                            if ((name == "call/cc" || name == "call-with-current-continuation") && !l->params.empty())
                                continuations_.insert(l->params[0]);
                        }
                }
                if (!fn) scan(*n.fn);  // a called name is no value use
                for (auto& a : n.args) scan(*a);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& x : n.inits) scan(*x);
                scan(*n.body);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                Summary& s = lambdas_[n.get()];
                s.role = in_place_.count(n.get()) ? Role::in_place : Role::escaping;
                s.params.resize(n->params.size());
                s.moved_in.resize(n->params.size());
                s.lent_in.resize(n->params.size());
                if (s.role != Role::in_place) units_.push_back(n.get());
                scan(*n->body);
            }
        },
        e.node);
}

void Checker::classify() {
    for (auto& e : prog_.body) scan(*e);
    for (const Var& v : prog_.vars)
        if (v.known_lambda && !v.assigned && value_refs_[&v] == 0 && lambdas_.count(v.known_lambda) &&
            lambdas_[v.known_lambda].role == Role::escaping)
            lambdas_[v.known_lambda].role = Role::known;
}

Ownership Checker::run() {
    classify();
    size_t limit = std::clamp(units_.size() + 10, min_rounds_limit, max_rounds_limit);
    for (size_t i = 0; i < limit; ++i) {
        changed_ = false;
        round();
        if (!changed_) break;
    }
    if (changed_)
        diags_.warning({}, fmt::format("the ownership check did not settle in {} rounds: it may have missed errors", limit));
    std::stable_sort(found_.begin(), found_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
    });
    std::set<std::tuple<uint32_t, uint32_t, uint32_t, std::string>> seen;
    for (Diagnostic& d : found_) {
        if (diags_.saturated()) break;
        if (!seen.insert({d.loc.file, d.loc.line, d.loc.col, d.message}).second) continue;
        diags_.error(d.loc, d.message).notes = std::move(d.notes);
    }
    for (auto& [l, s] : lambdas_) {
        if (s.role != Role::known || s.captured.empty()) continue;
        auto& list = out_.captured[l->id];
        for (auto& [id, cap] : s.captured)
            if (cap.in_use.now()) list.emplace_back(id, cap.consumes);
    }
    return std::move(out_);
}

void Checker::round() {
    out_ = Ownership{};
    found_.clear();
    check_top_level();
    for (const Lambda* l : units_) check_unit(*l);
    end_round();
}

// What this round found becomes what the next assumes. A captured variable
// borrowed at every call from outside a procedure is borrowed in its body too.
void Checker::end_round() {
    for (auto& [l, s] : lambdas_) {
        for (auto& p : s.params) changed_ |= p.settle();
        for (auto& m : s.moved_in) changed_ |= m.settle();
        for (auto& m : s.lent_in) changed_ |= m.settle();
        changed_ |= s.returns_owned.settle();
        for (auto& [id, cap] : s.captured) {
            changed_ |= cap.in_use.settle();
            changed_ |= cap.touches.settle();
            changed_ |= cap.failed.settle();
            bool held = cap.seen_held && !cap.seen_free;
            if (held != cap.held && cap.held_changes < 4) {
                cap.held = held;
                ++cap.held_changes;
                changed_ = true;
            }
            cap.seen_held = cap.seen_free = false;
        }
    }
    changed_ |= holding_ != holding_found_ || owned_globals_ != owned_globals_found_ ||
                globals_misused_ != globals_misused_found_;
    holding_ = std::move(holding_found_);
    owned_globals_ = std::move(owned_globals_found_);
    globals_misused_ = std::move(globals_misused_found_);
    holding_found_.clear();
    owned_globals_found_.clear();
    globals_misused_found_.clear();
}

void Checker::check_top_level() {
    unit_ = nullptr;
    st_ = State{};
    depth_ = 0;
    const Expr* last = nullptr;
    for (auto& e : prog_.body) {
        eval(*e, Flow::discard, no_tail);
        last = e.get();
    }
    if (st_.dead) return;
    for (auto& [id, s] : st_.slots) {
        if (s.kind != Kind::owned || s.status != Status::live || s.failed) continue;
        Diagnostic& d = error(s.var->loc, message(Problem::not_consumed, s.var->name));
        d.notes.push_back({last->loc, fmt::format("the program ends without consuming '{}'", s.var->name)});
    }
}

void Checker::check_unit(const Lambda& l) {
    Summary& sum = lambdas_.at(&l);
    unit_ = &l;
    st_ = State{};
    depth_ = 0;
    enter_unit(l);
    depth_ = 1;
    if (eval(*l.body, Flow::take, 0)) sum.returns_owned.found = true;
    leave_unit(l);
}

// The state a procedure's body starts in: the owned globals and enclosing
// variables it can see, its owned and borrowed parameters.
void Checker::enter_unit(const Lambda& l) {
    Summary& sum = lambdas_.at(&l);
    for (const auto* globals : {&owned_globals_, &owned_globals_found_})
        for (uint32_t id : *globals) add_slot(&prog_.vars[id - 1], Kind::captured);
    for (const Var* v : l.free) {
        auto h = holding_found_.find(v->id);
        if (h == holding_found_.end() && (h = holding_.find(v->id)) == holding_.end()) continue;
        if (h->second == Holding::borrowed) add_slot(v, Kind::borrowed, v->loc, fmt::format("'{}' is borrowed here", v->name));
        else sum.captured[v->id].in_use.found = true;
    }
    for (auto& [id, cap] : sum.captured) {
        if (!cap.in_use.now()) continue;
        const Var* v = &prog_.vars[id - 1];
        add_slot(v, sum.role == Role::known ? Kind::owned : Kind::captured);
        Slot& s = *find(v);
        s.outer = true;
        if (sum.role == Role::known && cap.held) {
            s.borrows = 1;
            s.borrowed_at = cap.held_at;
            s.borrow_note = fmt::format("'{}' is borrowed when this call is made", v->name);
        }
    }
    depth_ = 1;
    for (size_t i = 0; i < l.params.size(); ++i) {
        if (sum.params[i].now() == Holding::owned) {
            add_slot(l.params[i], Kind::owned);
            find(l.params[i])->origin = sum.moved_in[i].now();
        } else if (sum.params[i].now() == Holding::borrowed) {
            add_slot(l.params[i], Kind::borrowed, sum.lent_in[i].now(),
                     fmt::format("'{}' is lent by this call", l.params[i]->name));
        }
    }
}

// At the end of a body: owned parameters consumed, and what calls do to the
// enclosing owned variables it uses.
void Checker::leave_unit(const Lambda& l) {
    Summary& sum = lambdas_.at(&l);
    leave_scope(l.params, *l.body);
    if (sum.role != Role::known || st_.dead) return;
    for (auto& [id, cap] : sum.captured) {
        Slot* s = find(id);
        if (!s) continue;
        cap.failed.found = s->failed || s->conflict;
        if (s->conflict) {
            if (cap.changes < 2) cap.consumes = !cap.consumes, ++cap.changes, changed_ = true;
            continue;
        }
        bool gone = s->status != Status::live;
        if (gone == cap.consumes || s->failed) continue;
        if (cap.changes < 4) {
            cap.consumes = gone;
            ++cap.changes;
            changed_ = true;
        } else {
            Diagnostic& d = error(s->var->loc, message(Problem::not_consumed, s->var->name));
            d.notes.push_back({tail_of(*l.body).loc, fmt::format("this procedure consumes '{}' on some calls only", s->var->name)});
        }
    }
}

// ---- expressions ---------------------------------------------------------------
// Each returns whether the value is an owned value handed to whoever gets it.

bool Checker::eval(const Expr& e, Flow flow, int tail) {
    return std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return false;
            } else if constexpr (std::is_same_v<T, Ref>) {
                return eval_ref(e, n.var, flow);
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                eval_assign(e, n.var, *n.value);
                return false;
            } else if constexpr (std::is_same_v<T, If>) {
                return eval_if(n, flow, tail);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (size_t i = 0; i + 1 < n.body.size(); ++i) eval(*n.body[i], Flow::discard, no_tail);
                return eval(*n.body.back(), flow, tail);
            } else if constexpr (std::is_same_v<T, Call>) {
                return eval_call(e, n, flow, tail);
            } else if constexpr (std::is_same_v<T, Let>) {
                return eval_let(e, n, flow, tail);
            } else {
                create_closure(e, *n);
                return false;
            }
        },
        e.node);
}

bool Checker::eval_ref(const Expr& e, const Var* v, Flow flow) {
    Slot* s = find(v);
    if (!s) return false;
    if (flow == Flow::take && movable(*s)) return move_slot(*s, e);
    read_slot(*s, e);  // a borrowed or captured value taken is another name for it
    return false;
}

bool Checker::eval_if(const If& n, Flow flow, int tail) {
    eval(*n.test, Flow::borrow, no_tail);
    State before = st_;
    bool then_owned = eval(*n.then, flow, tail);
    State after_then = std::move(st_);
    st_ = std::move(before);
    bool else_owned = n.otherwise ? eval(*n.otherwise, flow, tail) : false;
    join(std::move(after_then), n, tail);
    return then_owned || else_owned;
}

// Merges the state after the then branch into st_ (after the else branch):
// a variable consumed on one branch only is an error.
void Checker::join(State then, const If& n, int tail) {
    if (then.dead) return;
    if (st_.dead) {
        st_ = std::move(then);
        return;
    }
    for (auto& [id, t] : then.slots) {
        auto it = st_.slots.find(id);
        if (it == st_.slots.end()) continue;
        Slot& s = it->second;
        s.failed = s.failed || t.failed;
        s.conflict = s.conflict || t.conflict;
        bool then_live = t.status == Status::live, else_live = s.status == Status::live;
        if (then_live == else_live) continue;
        if (!s.failed && s.kind == Kind::owned) {
            const std::string& name = s.var->name;
            Diagnostic& d = error(s.var->loc, message(Problem::not_consumed, name));
            const Expr* branch = then_live ? n.then.get() : n.otherwise.get();
            if (is_unspecified(branch))
                d.notes.push_back({n.test->loc, fmt::format("when this is {}, '{}' is not consumed", then_live ? "true" : "false", name)});
            else if (s.depth >= tail)
                d.notes.push_back({branch->loc, fmt::format("this branch returns without consuming '{}'", name)});
            else
                d.notes.push_back({branch->loc, fmt::format("this branch does not consume '{}'", name)});
            report(s, d);
        }
        s.failed = s.conflict = true;
        if (else_live) s.status = t.status, s.gone_at = t.gone_at;
    }
}

bool Checker::eval_let(const Expr& e, const Let& n, Flow flow, int tail) {
    if (n.vars.size() == 1) {
        auto* call = std::get_if<Call>(&n.inits[0]->node);
        auto* fn = call ? std::get_if<Ref>(&call->fn->node) : nullptr;
        if (fn && is_builtin(*fn->var) && fn->var->primitive->name == "%borrow" && call->args.size() == 1 &&
            std::holds_alternative<Ref>(call->args[0]->node))
            return eval_borrow(e, n, flow, tail);
    }
    ++depth_;
    for (size_t i = 0; i < n.vars.size(); ++i) bind(n.vars[i], *n.inits[i]);
    bool owned = eval(*n.body, flow, std::min(tail, depth_));
    leave_scope(n.vars, *n.body);
    --depth_;
    return owned;
}

// (let ((x (%borrow x))) body): the outer x is borrowed while body runs.
bool Checker::eval_borrow(const Expr& e, const Let& n, Flow flow, int tail) {
    const Expr& arg = *std::get<Call>(n.inits[0]->node).args[0];
    const Var* outer = std::get<Ref>(arg.node).var;
    Loc saved_at;
    std::string saved_note;
    bool lent = false;
    if (Slot* s = find(outer)) {
        note_use(*s, arg.loc, false);
        usable(*s, arg.loc);
        record(arg, OwnedUse::read);  // %borrow unwraps it
        if (s->kind == Kind::owned) {
            lent = true;
            ++s->borrows;
            saved_at = s->borrowed_at, saved_note = s->borrow_note;
            s->borrowed_at = e.loc;
            s->borrow_note = fmt::format("'{}' is borrowed here", outer->name);
        }
    }
    ++depth_;
    add_slot(n.vars[0], Kind::borrowed, e.loc, fmt::format("'{}' is borrowed here", outer->name));
    find(n.vars[0])->root = lent ? outer : nullptr;
    bool owned = eval(*n.body, flow, std::min(tail, depth_));
    leave_scope(n.vars, *n.body);
    --depth_;
    if (Slot* s = find(outer); s && lent) {
        --s->borrows;
        s->borrowed_at = saved_at, s->borrow_note = saved_note;
    }
    return owned;
}

bool Checker::eval_call(const Expr& e, const Call& c, Flow flow, int tail) {
    if (const Lambda* l = lambda_of(*c.fn)) return apply_lambda(e, c, *l, flow, tail);
    if (auto* r = std::get_if<Ref>(&c.fn->node)) {
        const Var* f = r->var;
        if (is_builtin(*f)) return eval_builtin(e, c, f->primitive->name, flow, tail);
        if (continuations_.count(f)) {  // an escape: the path ends here
            for (auto& a : c.args) eval(*a, Flow::take, no_tail);
            st_.dead = true;
            return false;
        }
        if (f->known_lambda && !find(f) && lambdas_.count(f->known_lambda))
            return eval_known_call(e, c, *f->known_lambda, flow);
    }
    eval(*c.fn, Flow::borrow, no_tail);
    for (auto& a : c.args) pass_to_unknown(*a);
    return false;
}

bool Checker::eval_builtin(const Expr& e, const Call& c, std::string_view name, Flow flow, int tail) {
    const Expr* arg = c.args.size() == 1 ? c.args[0].get() : nullptr;
    if ((name == "owned" || name == "move") && arg) {
        if (Slot* s = ref_slot(*arg)) move_slot(*s, *arg);
        else eval(*arg, Flow::take, no_tail);
        produced(e, flow);
        return true;
    }
    if ((name == "consume" || name == "close") && arg) {
        if (Slot* s = ref_slot(*arg)) consume_slot(*s, *arg, OwnedUse::consume);
        else eval(*arg, Flow::take, no_tail);
        return false;
    }
    if (consumes_argument(name)) {
        for (auto& a : c.args) {
            if (Slot* s = ref_slot(*a)) consume_slot(*s, *a, OwnedUse::release);
            else eval(*a, Flow::borrow, no_tail);
        }
        return false;
    }
    if (stores_argument(name)) {
        for (auto& a : c.args) {
            Slot* s = ref_slot(*a);
            if (s && movable(*s)) move_slot(*s, *a);
            else eval(*a, s ? Flow::borrow : Flow::take, no_tail);
        }
        return false;
    }
    if (name == "%with-resource" && c.args.size() == 2) return eval_with_resource(e, c, flow, tail);
    if (diverges(name)) {
        for (auto& a : c.args) eval(*a, Flow::borrow, no_tail);
        st_.dead = true;
        return false;
    }
    return eval_with_in_place(c, name, flow, tail);
}

// Any other built-in: it borrows its arguments, then runs the procedures it
// calls in place, in order.
bool Checker::eval_with_in_place(const Call& c, std::string_view name, Flow flow, int tail) {
    std::vector<const Lambda*> bodies(c.args.size(), nullptr);
    bool owned = false, produced_owned = false;
    for (size_t i = 0; i < c.args.size(); ++i) {
        const Lambda* l = lambda_of(*c.args[i]);
        if (l && lambdas_.at(l).role == Role::in_place) bodies[i] = l;
        else eval(*c.args[i], Flow::borrow, no_tail);
        // (call-with-values producer receiver), producer a procedure that returns an owned value
        auto* r = std::get_if<Ref>(&c.args[i]->node);
        if (name == "call-with-values" && i == 0 && r && r->var->known_lambda && lambdas_.count(r->var->known_lambda))
            produced_owned = lambdas_.at(r->var->known_lambda).returns_owned.now();
    }
    size_t result = result_argument(name);
    for (size_t i = 0; i < bodies.size(); ++i) {
        if (!bodies[i]) continue;
        bool is_result = i == result;
        bool producer = name == "call-with-values" && i == 0;
        bool receiver_owned = name == "call-with-values" && i == 1 && produced_owned && bodies[i]->params.size() == 1 &&
                              !bodies[i]->rest;
        Flow f = is_result ? flow : producer ? Flow::take : Flow::discard;
        bool r = run_in_place(*bodies[i], f, is_result ? tail : no_tail, receiver_owned);
        if (producer) produced_owned = r;
        if (is_result) owned = r;
    }
    return owned;
}

// (%with-resource (lambda () body ...) x): body runs with x held, then x is consumed.
bool Checker::eval_with_resource(const Expr& e, const Call& c, Flow flow, int tail) {
    const Lambda* body = lambda_of(*c.args[0]);
    Slot* s = ref_slot(*c.args[1]);
    if (!body || !s || s->kind != Kind::owned || lambdas_.at(body).role != Role::in_place)
        return eval_with_in_place(c, "%with-resource", flow, tail);
    const Var* v = s->var;
    usable(*s, e.loc);
    ++s->borrows;
    Loc saved_at = s->borrowed_at;
    std::string saved_note = s->borrow_note;
    s->borrowed_at = e.loc;
    s->borrow_note = fmt::format("this with-resource consumes '{}' when its body exits", v->name);
    bool owned = run_in_place(*body, flow, tail, false);
    s = find(v);
    if (!s) return owned;
    --s->borrows;
    s->borrowed_at = saved_at, s->borrow_note = saved_note;
    consume_slot(*s, *c.args[1], OwnedUse::consume);
    return owned;
}

bool Checker::run_in_place(const Lambda& l, Flow flow, int tail, bool first_param_owned) {
    ++depth_;
    if (first_param_owned) add_slot(l.params[0], Kind::owned);
    bool owned = eval(*l.body, flow, std::min(tail, depth_));
    leave_scope(l.params, *l.body);
    --depth_;
    return owned;
}

// ((lambda (param ...) body) arg ...): a let.
bool Checker::apply_lambda(const Expr& e, const Call& c, const Lambda& l, Flow flow, int tail) {
    (void)e;
    ++depth_;
    for (size_t i = 0; i < c.args.size(); ++i) {
        if (i < l.params.size()) bind(l.params[i], *c.args[i]);
        else eval(*c.args[i], Flow::borrow, no_tail);
    }
    bool owned = eval(*l.body, flow, std::min(tail, depth_));
    leave_scope(l.params, *l.body);
    --depth_;
    return owned;
}

bool Checker::eval_known_call(const Expr& e, const Call& c, const Lambda& g, Flow flow) {
    for (size_t i = 0; i < c.args.size(); ++i) {
        if (i < g.params.size()) pass_to_parameter(*c.args[i], g, i);
        else eval(*c.args[i], Flow::borrow, no_tail);  // a rest list is a data structure
    }
    apply_captured(e, g);
    bool owned = lambdas_.at(&g).returns_owned.now();
    if (owned) produced(e, flow, &g);
    return owned;
}

// An argument of a known procedure: an owned variable moves, a borrowed
// one is lent; the parameter becomes owned or borrowed in the callee.
void Checker::pass_to_parameter(const Expr& arg, const Lambda& g, size_t i) {
    Summary& sum = lambdas_.at(&g);
    if (Slot* s = ref_slot(arg); s && !movable(*s)) {
        read_slot(*s, arg);
        if (!sum.lent_in[i].found.known()) sum.lent_in[i].found = arg.loc;
        if (!sum.params[i].found) sum.params[i].found = Holding::borrowed;
        if (sum.params[i].now() == Holding::owned) {
            std::string callee = g.name.empty() ? "the procedure" : g.name;
            Diagnostic& d = error(arg.loc, message(Problem::lent_to_owner, s->var->name, callee));
            d.notes.push_back({sum.moved_in[i].now(),
                               fmt::format("an owned value is passed to its parameter '{}' here", g.params[i]->name)});
        }
        return;
    }
    if (!eval(arg, Flow::take, no_tail)) return;
    if (!sum.moved_in[i].found.known()) sum.moved_in[i].found = arg.loc;
    sum.params[i].found = Holding::owned;
}

void Checker::pass_to_unknown(const Expr& arg) {
    Slot* s = ref_slot(arg);
    if (!s) {
        eval(arg, Flow::take, no_tail);  // an owned value goes where the check cannot follow
        return;
    }
    if (!movable(*s)) {
        read_slot(*s, arg);
        return;
    }
    note_use(*s, arg.loc, true);
    record(arg, OwnedUse::move);
    if (!usable(*s, arg.loc)) return;
    if (!s->failed) report(*s, error(arg.loc, message(Problem::passed_to_unknown, s->var->name)));
    s->failed = true;
}

// A call of a known procedure does to the enclosing owned variables it uses
// what its body does: borrows them, or consumes them.
void Checker::apply_captured(const Expr& call, const Lambda& g) {
    Summary& sum = lambdas_.at(&g);
    bool recursive = unit_ == &g;
    for (auto& [id, cap] : sum.captured) {
        if (!cap.in_use.now()) continue;
        Slot* s = find(id);
        if (!s) {
            need_captured(id);
            continue;
        }
        if (s->kind == Kind::borrowed) continue;
        if (!recursive) {
            (s->borrows > 0 ? cap.seen_held : cap.seen_free) = true;
            if (s->borrows > 0 && !cap.held_at.known()) cap.held_at = call.loc;
        }
        note_use(*s, call.loc, cap.consumes);
        if (s->status != Status::live) {
            gone_at_call(*s, call, g, cap);
            continue;
        }
        if (s->kind == Kind::captured) {
            if (cap.touches.now()) closure_error(*s, call.loc, "consumed");
            continue;
        }
        if (s->borrows > 0) {
            if (cap.touches.now() && !cap.held) borrowed_error(*s, call.loc, Problem::consumed_while_borrowed);
            continue;
        }
        if (cap.failed.now() && sum.role == Role::known) {  // reported in its body
            s->failed = true;
            s->status = Status::moved;
            s->gone_at = call.loc;
            continue;
        }
        if (sum.role == Role::known && cap.consumes) {
            s->status = Status::moved;
            s->gone_at = call.loc;
            touch(*s, call.loc);
        } else if (cap.touches.now()) {
            touch(*s, call.loc);
        }
    }
}

void Checker::eval_assign(const Expr& e, const Var* v, const Expr& value) {
    bool owned = eval(value, Flow::take, no_tail);
    Slot* s = find(v);
    if (!s) {
        if (owned && std::holds_alternative<Define>(e.node) && depth_ == 0) {
            add_slot(v, Kind::owned);
            owned_globals_found_.insert(v->id);
            if (globals_misused_.count(v->id)) find(v)->failed = true;  // that error says it all
        }
        return;  // a plain variable: an owned value stored there leaves the check's sight
    }
    if (s->kind == Kind::borrowed) return;
    if (s->kind == Kind::captured) {
        closure_error(*s, e.loc, "assigned");
        return;
    }
    if (s->borrows > 0) {
        borrowed_error(*s, e.loc, Problem::overwritten);
    } else if (s->status == Status::live && !s->failed) {
        report(*s, error(e.loc, message(Problem::overwritten, v->name)));
        s->failed = true;
    }
    if (!owned && !s->failed) {
        error(e.loc, message(Problem::not_owned_value, v->name));
        s->failed = true;
    }
    s->status = Status::live;
    s->gone_at = {};
    touch(*s, e.loc);
}

// A closure value: the enclosing owned variables it uses must be live now.
void Checker::create_closure(const Expr& e, const Lambda& l) {
    Summary& sum = lambdas_.at(&l);
    if (sum.role == Role::known) return;  // its calls count, not its creation
    for (auto& [id, cap] : sum.captured) {
        if (!cap.in_use.now()) continue;
        Slot* s = find(id);
        if (!s) {
            need_captured(id);
            continue;
        }
        note_use(*s, e.loc, false);
        if (s->status != Status::live) gone_at_call(*s, e, l, cap);
        if (cap.touches.now()) s->failed = true;  // the closure's error says it all
    }
}

// ---- variables -------------------------------------------------------------------

Slot* Checker::find(const Var* v) { return find(v->id); }

Slot* Checker::find(uint32_t id) {
    auto it = st_.slots.find(id);
    return it == st_.slots.end() ? nullptr : &it->second;
}

Slot* Checker::ref_slot(const Expr& e) {
    auto* r = std::get_if<Ref>(&e.node);
    return r ? find(r->var) : nullptr;
}

void Checker::add_slot(const Var* v, Kind kind, Loc borrowed_at, std::string note) {
    Slot s;
    s.var = v;
    s.kind = kind;
    s.depth = depth_;
    s.borrowed_at = borrowed_at;
    s.borrow_note = std::move(note);
    st_.slots[v->id] = std::move(s);
    if (kind == Kind::captured) return;
    Holding h = kind == Kind::owned ? Holding::owned : Holding::borrowed;
    out_.vars[v->id] = h;
    auto [it, fresh] = holding_found_.emplace(v->id, h);
    if (!fresh && h == Holding::owned) it->second = h;
}

// A let binding: an owned value makes an owned variable; another name for
// a value that cannot move (borrowed) is borrowed too.
void Checker::bind(const Var* v, const Expr& init) {
    if (Slot* s = ref_slot(init); s && !movable(*s)) {
        read_slot(*s, init);
        Loc at = s->borrowed_at.known() ? s->borrowed_at : init.loc;
        const Var* root = s->kind == Kind::borrowed ? s->root : s->var;
        add_slot(v, Kind::borrowed, at, fmt::format("'{}' is borrowed here", v->name));
        find(v)->root = root;
        return;
    }
    if (eval(init, Flow::take, no_tail)) add_slot(v, Kind::owned);
}

void Checker::leave_scope(const std::vector<Var*>& vars, const Expr& body) {
    for (const Var* v : vars) {
        auto it = st_.slots.find(v->id);
        if (it == st_.slots.end()) continue;
        Slot& s = it->second;
        if (!st_.dead && s.kind == Kind::owned && s.status == Status::live && !s.failed) {
            Diagnostic& d = error(v->loc, message(Problem::not_consumed, v->name));
            d.notes.push_back({tail_of(body).loc, fmt::format("this returns without consuming '{}'", v->name)});
            report(s, d);
        }
        st_.slots.erase(it);
    }
}

// Whether the value may be used: not moved or consumed on this path.
bool Checker::usable(Slot& s, Loc at) {
    if (s.status == Status::live) return true;
    if (!s.failed) {
        bool moved = s.status == Status::moved;
        Diagnostic& d = error(at, message(moved ? Problem::use_after_move : Problem::use_after_consume, s.var->name));
        d.notes.push_back({s.gone_at, fmt::format("'{}' was {} here", s.var->name, moved ? "moved" : "consumed")});
    }
    s.failed = true;
    return false;
}

// A read by a built-in, a test, a lend: the value stays where it is.
void Checker::read_slot(Slot& s, const Expr& e) {
    note_use(s, e.loc, false);
    record(e, s.kind == Kind::borrowed ? OwnedUse::read : OwnedUse::unwrap);
    usable(s, e.loc);
}

// (move x), or x bound, passed or returned: returns whether an owned value moved.
bool Checker::move_slot(Slot& s, const Expr& e) {
    note_use(s, e.loc, true);
    record(e, OwnedUse::move);
    if (!usable(s, e.loc)) return true;
    if (s.kind == Kind::captured) {
        closure_error(s, e.loc, "moved");
        return false;
    }
    if (!movable(s)) {
        borrowed_error(s, e.loc, Problem::moved_while_borrowed);
        return false;
    }
    s.status = Status::moved;
    s.gone_at = e.loc;
    touch(s, e.loc);
    return true;
}

void Checker::consume_slot(Slot& s, const Expr& e, OwnedUse use) {
    note_use(s, e.loc, true);
    record(e, use);
    if (s.status == Status::consumed) {
        if (!s.failed) {
            Diagnostic& d = error(e.loc, message(Problem::consumed_twice, s.var->name));
            d.notes.push_back({s.gone_at, fmt::format("'{}' was first consumed here", s.var->name)});
        }
        s.failed = true;
        return;
    }
    if (!usable(s, e.loc)) return;
    if (s.kind == Kind::captured) {
        closure_error(s, e.loc, "consumed");
        return;
    }
    if (!movable(s)) {
        borrowed_error(s, e.loc, Problem::consumed_while_borrowed);
        return;
    }
    s.status = Status::consumed;
    s.gone_at = e.loc;
    touch(s, e.loc);
}

// Notes, for the summary of the procedure being checked, that its body
// consumes, moves or assigns an enclosing variable.
void Checker::touch(Slot& s, Loc at) {
    if (!s.outer || !unit_) return;
    Captured& cap = lambdas_.at(unit_).captured[s.var->id];
    if (!cap.first_touch.known()) cap.first_touch = at;
    cap.touches.found = true;
}

void Checker::note_use(Slot& s, Loc at, bool consumes) {
    if (!s.outer || !unit_) return;
    Captured& cap = lambdas_.at(unit_).captured[s.var->id];
    if (cap.first_use.known()) return;
    cap.first_use = at;
    cap.first_use_consumes = consumes;
}

// Whether v is bound outside lambda l (and so reaches it as a capture).
bool Checker::bound_outside(const Var* v, const Lambda* l) const {
    if (v->global) return false;
    for (const Lambda* o = v->owner; o; o = o->parent)
        if (o == l) return false;
    return true;
}

// A procedure called or created here uses an enclosing owned variable the
// procedure being checked does not have yet: it uses it too.
void Checker::need_captured(uint32_t id) {
    if (!unit_ || !bound_outside(&prog_.vars[id - 1], unit_)) return;
    lambdas_.at(unit_).captured[id].in_use.found = true;
}

void Checker::produced(const Expr& e, Flow flow, const Lambda* from) {
    if (flow != Flow::discard) return;
    Diagnostic& d = error(e.loc, message(Problem::discarded, ""));
    if (from)
        d.notes.push_back({from->loc, fmt::format("'{}' returns an owned value", from->name.empty() ? "this procedure" : from->name)});
}

// ---- errors ------------------------------------------------------------------------

Diagnostic& Checker::error(Loc loc, std::string text) {
    if (st_.dead) {  // on a path that never returns: not an error
        sink_ = Diagnostic{};
        return sink_;
    }
    found_.push_back(Diagnostic{Severity::error, loc, std::move(text), {}});
    return found_.back();
}

// The extra note of an error about an owned parameter: a call that passes it one.
void Checker::report(Slot& s, Diagnostic& d) const {
    if (s.origin.known()) d.notes.push_back({s.origin, fmt::format("an owned value is passed to '{}' here", s.var->name)});
}

void Checker::borrowed_error(Slot& s, Loc at, Problem p) {
    if (!s.failed) {
        Diagnostic& d = error(at, message(p, s.var->name));
        if (s.borrowed_at.known()) d.notes.push_back({s.borrowed_at, s.borrow_note});
    }
    s.failed = true;
    if (Slot* root = s.root ? find(s.root) : nullptr) root->failed = true;  // one error for one mistake
}

void Checker::closure_error(Slot& s, Loc at, std::string_view what) {
    touch(s, at);  // where the closure is made, its error is enough
    if (s.var->global) globals_misused_found_.insert(s.var->id);
    if (!s.failed) {
        Diagnostic& d = error(at, message(Problem::in_closure, s.var->name, what));
        if (unit_) d.notes.push_back({unit_->loc, "this procedure may be called at any time, any number of times"});
    }
    s.failed = true;
}

// A call (or a closure made) that uses a variable already moved or consumed.
// A loop calling itself again is the previous iteration's move.
void Checker::gone_at_call(Slot& s, const Expr& call, const Lambda& g, const Captured& cap) {
    if (s.failed) return;
    s.failed = true;
    const std::string& name = s.var->name;
    bool moved = s.status == Status::moved;
    if (unit_ == &g && cap.first_use.known()) {
        bool twice = !moved && cap.first_use_consumes;
        Problem p = twice ? Problem::consumed_twice : moved ? Problem::use_after_move : Problem::use_after_consume;
        Diagnostic& d = error(cap.first_use, message(p, name));
        d.notes.push_back({s.gone_at, fmt::format("'{}' was {} here, in the previous iteration of the loop", name,
                                                  moved ? "moved" : twice ? "first consumed" : "consumed")});
        return;
    }
    Diagnostic& d = error(call.loc, message(moved ? Problem::use_after_move : Problem::use_after_consume, name));
    d.notes.push_back({s.gone_at, fmt::format("'{}' was {} here", name, moved ? "moved" : "consumed")});
    if (cap.first_use.known())
        d.notes.push_back({cap.first_use, fmt::format("'{}' uses '{}' here", g.name.empty() ? "the procedure" : g.name, name)});
}

}  // namespace

Ownership check_ownership(const Program& program, Diagnostics& diags) { return Checker(program, diags).run(); }

}  // namespace eshkol
