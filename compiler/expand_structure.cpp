// Program structure (R7RS 4.2.1, 4.1.7, 5.1, 5.2): include and include-ci,
// cond-expand, and import: of the standard libraries (always all there: an
// import names what it uses, and prefix and rename give names other names)
// and of the program's own (expand_library.cpp: only what they export).
// At the top level and in bodies include and cond-expand splice their forms
// (scan in expand.cpp); where an expression is expected they are a begin.
#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "expand.hpp"
#include "primitives.hpp"

namespace eshkol::expand {

namespace {

// The (scheme NAME) libraries of R7RS-small eshkol provides.
constexpr std::string_view scheme_libraries[] = {
    "base", "case-lambda", "char", "complex", "cxr", "eval", "file", "inexact", "lazy", "process-context", "read", "r5rs",
    "repl", "time", "write",
};

bool is_form(const Datum* d, std::string_view name) {
    return d->is_proper_list() && d->items.size() == 2 && d->items[0]->is_symbol(name);
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec1, ec2;
    return std::filesystem::weakly_canonical(a, ec1) == std::filesystem::weakly_canonical(b, ec2) && !ec1 && !ec2;
}

}  // namespace

LibraryName builtin_library(const Datum* name, std::string& why_not) {
    std::string written = write_datum(name);
    if (!name->is_proper_list() || name->items.empty()) {
        why_not = fmt::format("malformed library name '{}': expected (identifier ...)", written);
        return LibraryName::malformed;
    }
    for (const Datum* part : name->items)
        if (part->kind != DatumKind::symbol && !(part->kind == DatumKind::number && part->number.is_exact_integer() &&
                                                 !part->number.num.negative())) {
            why_not = fmt::format("malformed library name '{}': its parts are identifiers and exact "
                                  "non-negative integers", written);
            return LibraryName::malformed;
        }
    if (name->items.size() == 2 && name->items[0]->is_symbol("scheme") && name->items[1]->kind == DatumKind::symbol) {
        std::string_view part = name->items[1]->text;
        for (std::string_view lib : scheme_libraries)
            if (part == lib) return LibraryName::builtin;
        if (part == "load") {
            why_not = fmt::format("library {} is not supported: a compiled program has no load", written);
            return LibraryName::unsupported;
        }
    }
    // SRFI 1's list procedures (those SPEC section 3 names) and SRFI 69's hash tables
    if (name->items.size() == 2 && name->items[0]->is_symbol("srfi") && name->items[1]->kind == DatumKind::number &&
        (name->items[1]->number.num == BigInt(1) || name->items[1]->number.num == BigInt(69)))
        return LibraryName::builtin;
    why_not = fmt::format("unknown library {}", written);
    return LibraryName::other;
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

// The feature identifiers: the list (features) returns, from its
// definition in stdlib/system.scm, so the two always agree.
const Datum* Expander::features() const {
    auto def = library_.definitions.find("features");
    const Datum* d = def == library_.definitions.end() ? nullptr : def->second;
    // (define (features) (quote (feature ...)))
    if (!d || d->items.size() != 3 || !is_form(d->items[2], "quote") || !d->items[2]->items[1]->is_proper_list())
        throw std::logic_error("stdlib/system.scm: (define (features) '(feature ...)) is missing");
    return d->items[2]->items[1];
}

// <feature requirement>: identifier | (library name) | (and req ...) | (or req ...) | (not req)
bool Expander::feature_holds(const Datum* r, bool& ok) {
    if (r->kind == DatumKind::symbol) {
        for (const Datum* f : features()->items)
            if (f->is_symbol(r->text)) return true;
        return false;
    }
    if (r->is_proper_list() && !r->items.empty() && r->items[0]->kind == DatumKind::symbol) {
        std::string_view op = r->items[0]->text;
        size_t n = r->items.size() - 1;
        if (op == "library" && n == 1 && r->items[1]->is_proper_list() && !r->items[1]->items.empty()) {
            std::string why;
            LibraryName kind = builtin_library(r->items[1], why);
            return kind == LibraryName::builtin || (kind == LibraryName::other && find_library(r->items[1], r, false));
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

// (import import-set ...) at the top level of the program or a library:
// every standard library is always there, so an import only has to name
// ones eshkol provides, and those that rename (prefix, rename) are kept for
// denote_in; one of the program's own libraries is scanned (once) and the
// names the set gives its exports are bound at this top level.
bool Expander::check_import(const Datum* d) {
    if (d->items.size() < 2 || d->tail) return !!error(d, "malformed import: expected (import import-set ...)");
    bool ok = true;
    for (size_t i = 1; i < d->items.size(); ++i) {
        auto set = std::make_unique<ImportSet>();
        if (!parse_import_set(d->items[i], *set)) {
            ok = false;
        } else if (set->root()) {
            ExportMap names;
            ok = import_bindings(*set, names) && add_imports(names, d->items[i]) && ok;
        } else if (set->renames_any) {
            top_->renaming.push_back(std::move(set));
        }
    }
    return ok;
}

// import-set: library-name | (only set id ...) | (except set id ...)
//           | (prefix set id) | (rename set (old new) ...)
bool Expander::parse_import_set(const Datum* d, ImportSet& out) {
    static const std::pair<std::string_view, ImportSet::Kind> kinds[] = {
        {"only", ImportSet::Kind::only}, {"except", ImportSet::Kind::except},
        {"prefix", ImportSet::Kind::prefix}, {"rename", ImportSet::Kind::rename}};
    const Datum* head = d->is_proper_list() && d->items.size() >= 2 ? d->items[0] : nullptr;
    auto kind = std::find_if(std::begin(kinds), std::end(kinds), [&](auto& k) { return head && head->is_symbol(k.first); });
    out.form = d;
    if (kind == std::end(kinds)) {
        std::string why;
        LibraryName name = builtin_library(d, why);
        if (name == LibraryName::builtin) return true;
        if (name != LibraryName::other) return !!error(d, why);
        out.user = find_library(d, d, true);
        return out.user && instantiate(*out.user, d);
    }
    out.kind = kind->second;
    out.inner = std::make_unique<ImportSet>();
    if (!parse_import_set(d->items[1], *out.inner)) return false;
    out.renames_any = out.inner->renames_any || out.kind == ImportSet::Kind::prefix || out.kind == ImportSet::Kind::rename;
    auto malformed = [&](const Datum* at) {
        return !!error(at, fmt::format("malformed import set: expected (only set id ...), (except set id ...), "
                                       "(prefix set id) or (rename set (old new) ...)"));
    };
    if (out.kind == ImportSet::Kind::prefix) {
        if (d->items.size() != 3 || d->items[2]->kind != DatumKind::symbol) return malformed(d);
        out.prefix = d->items[2]->text;
        return true;
    }
    for (size_t i = 2; i < d->items.size(); ++i) {
        const Datum* x = d->items[i];
        if (out.kind != ImportSet::Kind::rename) {
            if (x->kind != DatumKind::symbol) return malformed(x);
            out.names.push_back(x->text);
        } else if (x->is_proper_list() && x->items.size() == 2 && x->items[0]->kind == DatumKind::symbol &&
                   x->items[1]->kind == DatumKind::symbol) {
            out.renames.emplace_back(x->items[0]->text, x->items[1]->text);
        } else {
            return malformed(x);
        }
    }
    return true;
}

// A name the standard libraries export: a special form, a built-in or a
// library procedure (one library stands for all of them here).
bool Expander::is_standard_name(std::string_view name) const {
    return special_forms.count(name) || find_primitive(name) || library_.definitions.count(std::string(name));
}

// The standard name `name` stands for through an import set, if any.
std::optional<std::string_view> Expander::imported(const ImportSet& set, std::string_view name) const {
    auto listed = [&](std::string_view n) { return std::find(set.names.begin(), set.names.end(), n) != set.names.end(); };
    switch (set.kind) {
    case ImportSet::Kind::library:
        if (is_standard_name(name)) return name;
        return std::nullopt;
    case ImportSet::Kind::only: return listed(name) ? imported(*set.inner, name) : std::nullopt;
    case ImportSet::Kind::except: return listed(name) ? std::nullopt : imported(*set.inner, name);
    case ImportSet::Kind::prefix:
        if (!name.starts_with(set.prefix)) return std::nullopt;
        return imported(*set.inner, name.substr(set.prefix.size()));
    case ImportSet::Kind::rename:
        for (const auto& [old_name, new_name] : set.renames)
            if (new_name == name) return imported(*set.inner, old_name);
        for (const auto& [old_name, new_name] : set.renames)
            if (old_name == name) return std::nullopt;
        return imported(*set.inner, name);
    }
    return std::nullopt;
}

// What a free identifier of the program is another name for, through the
// imports that rename; nullopt when it is not one.
std::optional<std::string_view> Expander::imported_name(const TopLevel& top, std::string_view name) const {
    for (const auto& set : top.renaming)
        if (auto standard = imported(*set, name); standard && *standard != name) return standard;
    return std::nullopt;
}

// import or define-library anywhere else.
ExprPtr Expander::expand_import(const Datum* d) {
    if (form_name(d) == "import") return error(d, "import is only allowed at the top level of a program or library");
    return error(d, "define-library is only allowed at the top level of a program or of a library file");
}

}  // namespace eshkol::expand
