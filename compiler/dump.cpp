// --dump=expand: the core AST printed as S-expressions. Local variables are
// shown as name.ID so that resolution (which binding a name refers to) shows.
#include <fmt/format.h>

#include "passes.hpp"

namespace eshkol {

namespace {

std::string var_text(const Var* v) {
    return v->global ? v->name : fmt::format("{}.{}", v->name, v->id);
}

void dump(const Expr& e, std::string& out);

void dump_lambda(const Lambda& l, std::string& out) {
    out += "(lambda ";
    if (!l.name.empty()) out += l.name + " ";
    out += "(";
    for (size_t i = 0; i < l.params.size(); ++i) out += (i ? " " : "") + var_text(l.params[i]);
    if (l.rest) out += (l.params.empty() ? ". " : " . ") + var_text(l.rest);
    out += ") ";
    if (!l.free.empty()) {
        out += "#|captures:";
        for (const Var* v : l.free) out += " " + var_text(v);
        out += "|# ";
    }
    dump(*l.body, out);
    out += ")";
}

void dump(const Expr& e, std::string& out) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                if (!n.datum) {
                    out += "#<unspecified>";
                    return;
                }
                bool self_evaluating = n.datum->kind != DatumKind::symbol && n.datum->kind != DatumKind::list;
                out += self_evaluating ? write_datum(n.datum) : "(quote " + write_datum(n.datum) + ")";
            } else if constexpr (std::is_same_v<T, Ref>) {
                out += var_text(n.var);
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                out += fmt::format("({} {} ", std::is_same_v<T, Set> ? "set!" : "define", var_text(n.var));
                dump(*n.value, out);
                out += ")";
            } else if constexpr (std::is_same_v<T, If>) {
                out += "(if ";
                dump(*n.test, out);
                out += " ";
                dump(*n.then, out);
                if (n.otherwise) out += " ", dump(*n.otherwise, out);
                out += ")";
            } else if constexpr (std::is_same_v<T, Seq>) {
                out += "(begin";
                for (auto& x : n.body) out += " ", dump(*x, out);
                out += ")";
            } else if constexpr (std::is_same_v<T, Call>) {
                out += "(";
                dump(*n.fn, out);
                for (auto& x : n.args) out += " ", dump(*x, out);
                out += ")";
            } else if constexpr (std::is_same_v<T, Let>) {
                out += n.rec ? "(letrec* (" : "(let (";
                for (size_t i = 0; i < n.vars.size(); ++i) {
                    out += fmt::format("{}({} ", i ? " " : "", var_text(n.vars[i]));
                    dump(*n.inits[i], out);
                    out += ")";
                }
                out += ") ";
                dump(*n.body, out);
                out += ")";
            } else {
                dump_lambda(*n, out);
            }
        },
        e.node);
}

}  // namespace

std::string dump_ast(const Program& program) {
    std::string out;
    for (auto& e : program.body) {
        dump(*e, out);
        out += "\n";
    }
    return out;
}

}  // namespace eshkol
