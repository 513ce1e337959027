// Program structure (R7RS 4.2.1, 4.1.7, 5.1, 5.2): include and include-ci,
// cond-expand, and import of the standard libraries. At the top level and
// in bodies these splice their forms (scan in expand.cpp); where an
// expression is expected they are a begin of them.
#include <filesystem>

#include "expand.hpp"

namespace eshkol::expand {

namespace {

// What cond-expand's feature identifiers test: R7RS appendix B names that
// hold for every program eshkolc compiles. (features) returns the same list
// (stdlib/system.scm); tests/golden/structure/features checks they agree.
constexpr std::string_view features[] = {
    "r7rs", "exact-closed", "ratios", "full-unicode", "ieee-float", "posix", "eshkol",
};

// The (scheme NAME) libraries of R7RS-small eshkol provides.
constexpr std::string_view scheme_libraries[] = {
    "base", "case-lambda", "char", "cxr", "file", "inexact", "lazy", "process-context", "read", "r5rs", "time", "write",
};

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec1, ec2;
    return std::filesystem::weakly_canonical(a, ec1) == std::filesystem::weakly_canonical(b, ec2) && !ec1 && !ec2;
}

}  // namespace

bool known_library(const Datum* name, std::string& why_not) {
    std::string written = write_datum(name);
    if (!name->is_proper_list() || name->items.empty()) {
        why_not = fmt::format("malformed library name '{}': expected (identifier ...)", written);
        return false;
    }
    if (name->items.size() == 2 && name->items[0]->is_symbol("scheme") && name->items[1]->kind == DatumKind::symbol) {
        std::string_view part = name->items[1]->text;
        for (std::string_view lib : scheme_libraries)
            if (part == lib) return true;
        if (part == "eval" || part == "repl" || part == "load") {
            why_not = fmt::format("library {} is not supported: a compiled program has no eval", written);
            return false;
        }
        if (part == "complex") {
            why_not = fmt::format("library {} is not supported: eshkol has no complex numbers", written);
            return false;
        }
    }
    // SRFI 1 (the list procedures of the README) and SRFI 69 (hash tables)
    if (name->items.size() == 2 && name->items[0]->is_symbol("srfi") && name->items[1]->kind == DatumKind::number &&
        name->items[1]->number.is_exact_integer() &&
        (name->items[1]->number.num == BigInt(1) || name->items[1]->number.num == BigInt(69)))
        return true;
    why_not = fmt::format("unknown library {}: eshkol provides the R7RS-small (scheme ...) libraries, (srfi 1) "
                          "and (srfi 69)", written);
    return false;
}

// ---- include -----------------------------------------------------------------------

// (include "file" ...) and (include-ci "file" ...): the datums of each
// file, named relative to the file holding the name (include-ci folds case
// as #!fold-case does).
bool Expander::include_files(const Datum* d, std::vector<const Datum*>& out) {
    namespace fs = std::filesystem;
    if (d->items.size() < 2 || d->tail)
        return !!error(d, fmt::format("malformed {0}: expected ({0} \"file\" ...)", form_name(d)));
    bool fold_case = form_name(d) == "include-ci";
    bool ok = true;
    for (size_t i = 1; i < d->items.size(); ++i) {
        const Datum* name = d->items[i];
        if (name->kind != DatumKind::string) {
            ok = !!error(name, fmt::format("malformed {}: expected a file name string", form_name(d)));
            continue;
        }
        fs::path path(name->text);
        if (path.is_relative() && name->loc.known()) path = fs::path(sources_.file(name->loc.file).path).parent_path() / path;
        path = path.lexically_normal();
        bool cycle = false;
        for (uint32_t f = name->loc.file;;) {
            if ((cycle = same_file(sources_.file(f).path, path))) break;
            auto parent = included_from_.find(f);
            if (parent == included_from_.end()) break;
            f = parent->second;
        }
        if (cycle) {
            ok = !!error(name, fmt::format("include cycle: '{}' is already being included", path.string()));
            continue;
        }
        std::error_code ec;
        uint32_t id = 0;
        std::string why;
        // Special files (a directory, /dev/zero, a pipe) are never source.
        if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) why = "not a regular file";
        if (!why.empty() || !sources_.load(path.string(), id, why)) {
            ok = !!error(name, fmt::format("cannot include '{}': {}", path.string(), why));
            continue;
        }
        included_from_[id] = name->loc.file;
        for (const Datum* x : read_file(sources_, id, prog_.constants, diags_, fold_case)) out.push_back(x);
    }
    return ok;
}

// (include "file" ...) where an expression is expected.
ExprPtr Expander::expand_include(const Datum* d) {
    std::vector<const Datum*> forms;
    if (!include_files(d, forms)) return nullptr;
    std::vector<ExprPtr> body;
    for (const Datum* x : forms) body.push_back(expand(x));
    return make_seq(d->loc, std::move(body));
}

// ---- cond-expand -------------------------------------------------------------------

// <feature requirement>: identifier | (library name) | (and req ...) | (or req ...) | (not req)
bool Expander::feature_holds(const Datum* r, bool& ok) {
    if (r->kind == DatumKind::symbol) {
        for (std::string_view f : features)
            if (r->text == f) return true;
        return false;
    }
    if (r->is_proper_list() && !r->items.empty() && r->items[0]->kind == DatumKind::symbol) {
        std::string_view op = r->items[0]->text;
        size_t n = r->items.size() - 1;
        if (op == "library" && n == 1 && r->items[1]->is_proper_list() && !r->items[1]->items.empty()) {
            std::string why;
            return known_library(r->items[1], why);
        }
        if (op == "not" && n == 1) return !feature_holds(r->items[1], ok);
        if (op == "and" || op == "or") {
            bool all = true, any = false;
            for (size_t i = 1; i <= n; ++i) {
                bool holds = feature_holds(r->items[i], ok);
                all = all && holds;
                any = any || holds;
            }
            return op == "and" ? all : any;
        }
    }
    ok = !!error(r, fmt::format("malformed feature requirement '{}': expected a feature, (library name), "
                                "(and ...), (or ...) or (not ...)", write_datum(r)));
    return false;
}

// (cond-expand (requirement body ...) ... [(else body ...)]): the forms of
// the first clause whose requirement holds (none when no clause does).
bool Expander::cond_expand_clause(const Datum* d, std::vector<const Datum*>& out) {
    if (d->items.size() < 2 || d->tail)
        return !!error(d, "malformed cond-expand: expected (cond-expand (feature-requirement body ...) ...)");
    for (size_t i = 1; i < d->items.size(); ++i) {
        const Datum* c = d->items[i];
        if (!c->is_proper_list() || c->items.empty())
            return !!error(c, "malformed cond-expand clause: expected (feature-requirement body ...)");
        bool ok = true, holds = false;
        if (is_keyword(c->items[0], "else")) {
            if (i + 1 != d->items.size()) return !!error(c, "'else' must be the last cond-expand clause");
            holds = true;
        } else {
            holds = feature_holds(c->items[0], ok);
        }
        if (!ok) return false;
        if (holds) {
            out.insert(out.end(), c->items.begin() + 1, c->items.end());
            return true;
        }
    }
    return true;
}

// cond-expand where an expression is expected.
ExprPtr Expander::expand_cond_expand(const Datum* d) {
    std::vector<const Datum*> forms;
    if (!cond_expand_clause(d, forms)) return nullptr;
    std::vector<ExprPtr> body;
    for (const Datum* x : forms) body.push_back(expand(x));
    return make_seq(d->loc, std::move(body));
}

// ---- import ------------------------------------------------------------------------

// (import import-set ...) at the top level: every standard library is
// always there, so an import only has to name one. only and except are
// accepted (they cannot make a correct program wrong); prefix and rename
// would change names and are not supported.
bool Expander::check_import(const Datum* d) {
    if (d->items.size() < 2 || d->tail) return !!error(d, "malformed import: expected (import import-set ...)");
    bool ok = true;
    for (size_t i = 1; i < d->items.size(); ++i) {
        const Datum* set = d->items[i];
        while (set->is_proper_list() && set->items.size() >= 2 &&
               (set->items[0]->is_symbol("only") || set->items[0]->is_symbol("except")))
            set = set->items[1];
        if (set->is_proper_list() && set->items.size() >= 2 &&
            (set->items[0]->is_symbol("prefix") || set->items[0]->is_symbol("rename"))) {
            ok = !!error(set, fmt::format("import: {} is not supported (libraries are imported under their own names)",
                                          set->items[0]->text));
            continue;
        }
        std::string why;
        if (!known_library(set, why)) ok = !!error(set, why);
    }
    return ok;
}

// import or define-library anywhere else.
ExprPtr Expander::expand_import(const Datum* d) {
    if (form_name(d) == "import") return error(d, "import is only allowed at the top level of a program");
    return error(d, "define-library is not supported: a program is one file and the files it includes");
}

}  // namespace eshkol::expand
