// --dump=expand: the core AST printed as S-expressions. Local variables are
// shown as name.ID so that resolution (which binding a name refers to) shows.
// --dump=ownership adds what the ownership check found: a binding that holds
// an owned or borrowed value is name.ID{owned} or name.ID{borrowed}, a
// reference to one says how it is used (name.ID{move}, {consume}, {unwrap}:
// read through its owned cell, {read}: a borrowed value read, {release}:
// consumed by a built-in), and a procedure whose calls consume or borrow
// owned variables of enclosing scopes says so after its captures.
#include <fmt/format.h>

#include "ownership.hpp"
#include "passes.hpp"

namespace eshkol {

namespace {

std::string var_text(const Var* v) {
    return v->global ? v->name : fmt::format("{}.{}", v->name, v->id);
}

class Dumper {
public:
    Dumper(const Program& program, const Ownership* ownership) : prog_(program), own_(ownership) {}

    std::string run() {
        for (auto& e : prog_.body) {
            dump(*e);
            out_ += "\n";
        }
        return std::move(out_);
    }

private:
    const Program& prog_;
    const Ownership* own_;  // null for --dump=expand
    std::string out_;

    void dump(const Expr& e);
    void dump_lambda(const Lambda& l);

    std::string binding(const Var* v) const {
        std::string text = var_text(v);
        auto it = own_ ? own_->vars.find(v->id) : decltype(own_->vars.end()){};
        if (own_ && it != own_->vars.end()) text += it->second == Holding::owned ? "{owned}" : "{borrowed}";
        return text;
    }

    std::string reference(const Expr& e, const Var* v) const {
        static constexpr const char* uses[] = {"unwrap", "read", "move", "consume", "release"};
        std::string text = var_text(v);
        auto it = own_ ? own_->refs.find(e.id) : decltype(own_->refs.end()){};
        if (own_ && it != own_->refs.end()) text += fmt::format("{{{}}}", uses[static_cast<int>(it->second)]);
        return text;
    }
};

void Dumper::dump_lambda(const Lambda& l) {
    out_ += "(lambda ";
    if (!l.name.empty()) out_ += l.name + " ";
    out_ += "(";
    for (size_t i = 0; i < l.params.size(); ++i) out_ += (i ? " " : "") + binding(l.params[i]);
    if (l.rest) out_ += (l.params.empty() ? ". " : " . ") + binding(l.rest);
    out_ += ") ";
    if (!l.free.empty()) {
        out_ += "#|captures:";
        for (const Var* v : l.free) out_ += " " + var_text(v);
        out_ += "|# ";
    }
    if (auto it = own_ ? own_->captured.find(l.id) : decltype(own_->captured.end()){};
        own_ && it != own_->captured.end()) {
        out_ += "#|each call";
        for (auto& [id, consumes] : it->second)
            out_ += fmt::format(" {} {}", consumes ? "consumes" : "borrows", var_text(&prog_.vars[id - 1]));
        out_ += "|# ";
    }
    dump(*l.body);
    out_ += ")";
}

void Dumper::dump(const Expr& e) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                if (!n.datum) {
                    out_ += "#<unspecified>";
                    return;
                }
                bool self_evaluating = n.datum->kind != DatumKind::symbol && n.datum->kind != DatumKind::list;
                out_ += self_evaluating ? write_datum(n.datum) : "(quote " + write_datum(n.datum) + ")";
            } else if constexpr (std::is_same_v<T, Ref>) {
                out_ += reference(e, n.var);
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                out_ += fmt::format("({} {} ", std::is_same_v<T, Set> ? "set!" : "define", binding(n.var));
                dump(*n.value);
                out_ += ")";
            } else if constexpr (std::is_same_v<T, If>) {
                out_ += "(if ";
                dump(*n.test);
                out_ += " ";
                dump(*n.then);
                if (n.otherwise) out_ += " ", dump(*n.otherwise);
                out_ += ")";
            } else if constexpr (std::is_same_v<T, Seq>) {
                out_ += "(begin";
                for (auto& x : n.body) out_ += " ", dump(*x);
                out_ += ")";
            } else if constexpr (std::is_same_v<T, Call>) {
                out_ += "(";
                dump(*n.fn);
                for (auto& x : n.args) out_ += " ", dump(*x);
                out_ += ")";
            } else if constexpr (std::is_same_v<T, Let>) {
                out_ += n.rec ? "(letrec* (" : "(let (";
                for (size_t i = 0; i < n.vars.size(); ++i) {
                    out_ += fmt::format("{}({} ", i ? " " : "", binding(n.vars[i]));
                    dump(*n.inits[i]);
                    out_ += ")";
                }
                out_ += ") ";
                dump(*n.body);
                out_ += ")";
            } else {
                dump_lambda(*n);
            }
        },
        e.node);
}

}  // namespace

std::string dump_ast(const Program& program) { return Dumper(program, nullptr).run(); }

std::string dump_ownership(const Program& program, const Ownership& ownership) {
    return Dumper(program, &ownership).run();
}

}  // namespace eshkol
