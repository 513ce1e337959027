// The program's own libraries (R7RS 5.6): define-library, found by name on
// a search path, and imported. A library's top level is a TopLevel of its
// own: its definitions are Vars of their own (private: two libraries may
// both define `helper`), and an importer sees only its exports, under the
// names its import set gives them. The macros it exports keep meaning the
// library's bindings wherever they are used (Alias::home). Everything is
// still one program: a library is scanned once, at its first import, and
// its forms run ahead of the program's, so every later pass sees one whole
// program and the optimisations stay whole-program.
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

#include "expand.hpp"

namespace eshkol::expand {

namespace {

namespace fs = std::filesystem;

// (mylib util) -> mylib/util; (srfi 2) -> srfi/2.
fs::path library_path(const Datum* name) {
    fs::path p;
    for (const Datum* part : name->items) p /= part->kind == DatumKind::symbol ? part->text : write_datum(part);
    return p;
}

bool regular_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

std::string folder_of(const std::string& file) { return fs::path(file).parent_path().string(); }

}  // namespace

// ---- defining and finding libraries ------------------------------------------------

// (define-library name declaration ...) in the program or a library file:
// known by its name from here on, scanned when first imported. root is the
// folder its own imports search besides their file's.
bool Expander::define_library(const Datum* d, const std::string& root) {
    if (d->items.size() < 2 || d->tail)
        return !!error(d, "malformed define-library: expected (define-library (name ...) declaration ...)");
    std::string why;
    if (builtin_library(d->items[1], why) != LibraryName::other) {
        if (why.empty()) why = fmt::format("library {} is built in and cannot be defined again", write_datum(d->items[1]));
        return !!error(d->items[1], why);
    }
    std::string name = write_datum(d->items[1]);
    if (auto it = library_index_.find(name); it != library_index_.end()) {
        Diagnostic& e = diags_.error(d->items[1]->loc, fmt::format("library {} is defined twice", name));
        e.notes.push_back({it->second->form->items[1]->loc, "first defined here"});
        return false;
    }
    UserLibrary& lib = libraries_.emplace_back();
    lib.name = name;
    lib.form = d;
    lib.root = root;
    lib.top.library = &lib;
    library_index_[name] = &lib;
    return true;
}

// Where an import at `at` looks for library files: the importing file's
// folder, the folder the importing library was found under, then each -I
// DIR in order.
std::vector<std::string> Expander::library_search_roots(const Datum* at) const {
    std::vector<std::string> roots{folder_of(sources_.file(at->loc.file).path)};
    if (top_->library) roots.push_back(top_->library->root);
    roots.insert(roots.end(), search_path_.begin(), search_path_.end());
    std::vector<std::string> unique;
    for (const std::string& r : roots) {
        std::string normal = fs::path(r).lexically_normal().string();
        if (normal == ".") normal.clear();
        if (std::find(unique.begin(), unique.end(), normal) == unique.end()) unique.push_back(normal);
    }
    return unique;
}

// The library `name` names: one already defined, or the first file
// ROOT/NAME.sld or ROOT/NAME.scm on the search path (read when found).
// With report, not finding it is an error at `at` listing every path tried.
UserLibrary* Expander::find_library(const Datum* name, const Datum* at, bool report) {
    std::string written = write_datum(name);
    if (auto it = library_index_.find(written); it != library_index_.end()) return it->second;
    std::vector<std::string> tried;
    for (const std::string& root : library_search_roots(at)) {
        for (const char* ext : {".sld", ".scm"}) {
            fs::path file = (fs::path(root) / library_path(name)).lexically_normal();
            file += ext;
            tried.push_back(file.string());
            if (!regular_file(file)) continue;
            if (!load_library_file(file.string(), root, at)) return nullptr;
            if (auto it = library_index_.find(written); it != library_index_.end()) return it->second;
            if (report) error(at, fmt::format("'{}' does not define library {}", file.string(), written));
            return nullptr;
        }
    }
    if (report)
        error(at, fmt::format("unknown library {}: it is not built in and none of these files exists: {}", written,
                              fmt::join(tried, ", ")));
    return nullptr;
}

// Reads a library file: define-library forms, each known by its name.
bool Expander::load_library_file(const std::string& path, const std::string& root, const Datum* at) {
    if (!library_files_.insert(path).second) return true;
    uint32_t id = 0;
    std::string why;
    if (!sources_.load(path, id, why)) return !!error(at, fmt::format("cannot read library file '{}': {}", path, why));
    bool ok = true;
    for (const Datum* d : read_file(sources_, id, prog_.constants, diags_)) {
        if (d->is_proper_list() && !d->items.empty() && d->items[0]->is_symbol("define-library"))
            ok = define_library(d, root) && ok;
        else
            ok = !!error(d, "a library file holds define-library forms only");
    }
    return ok;
}

// ---- scanning a library -------------------------------------------------------------

// Scans a library at its first import: its imports first (so the libraries
// it depends on are scanned, and run, before it), then its body's
// definitions and macros, then its exports. A library importing itself
// through others is an error naming the cycle.
bool Expander::instantiate(UserLibrary& lib, const Datum* at) {
    if (lib.state == UserLibrary::State::loaded) return true;
    if (lib.state == UserLibrary::State::failed) return false;
    if (lib.state == UserLibrary::State::loading) {
        std::string cycle;
        auto first = std::find(loading_.begin(), loading_.end(), &lib);
        for (auto it = first; it != loading_.end(); ++it) cycle += (*it)->name + " imports ";
        return !!error(at, fmt::format("import cycle: {}{}", cycle, lib.name));
    }
    lib.state = UserLibrary::State::loading;
    loading_.push_back(&lib);
    TopLevel* saved_top = top_;
    uint32_t saved_use = current_use_;
    top_ = &lib.top;
    current_use_ = 0;
    std::vector<const Datum*> exports;
    bool ok = true;
    for (size_t i = 2; i < lib.form->items.size() && !diags_.saturated(); ++i)
        ok = library_declaration(lib, lib.form->items[i], exports) && ok;
    ok = ok && resolve_exports(lib, exports);
    top_ = saved_top;
    current_use_ = saved_use;
    loading_.pop_back();
    lib.state = ok ? UserLibrary::State::loaded : UserLibrary::State::failed;
    if (ok) instantiated_.push_back(&lib);
    return ok;
}

// declaration: (export spec ...) | (import set ...) | (begin form ...)
//   | (include "file" ...) | (include-ci "file" ...)
//   | (include-library-declarations "file" ...) | (cond-expand clause ...)
bool Expander::library_declaration(UserLibrary& lib, const Datum* d, std::vector<const Datum*>& exports) {
    const Datum* head = d->is_proper_list() && !d->items.empty() ? d->items[0] : nullptr;
    auto is = [&](std::string_view name) { return head && head->is_symbol(name); };
    std::vector<const Datum*> forms;
    if (is("export")) {
        exports.insert(exports.end(), d->items.begin() + 1, d->items.end());
        return true;
    }
    if (is("import")) return check_import(d);
    if (is("begin")) {
        bool ok = true;
        for (size_t i = 1; i < d->items.size(); ++i) ok = scan(d->items[i], true, lib.forms) && ok;
        return ok;
    }
    if (is("include") || is("include-ci")) {
        bool ok = include_files(d, forms);
        for (const Datum* x : forms) ok = scan(x, true, lib.forms) && ok;
        return ok;
    }
    if (is("include-library-declarations") || is("cond-expand")) {
        bool ok = is("cond-expand") ? cond_expand_clause(d, forms) : include_files(d, forms);
        for (const Datum* x : forms) ok = library_declaration(lib, x, exports) && ok;
        return ok;
    }
    return !!error(d, "malformed library declaration: expected (export ...), (import ...), (begin ...), "
                      "(include ...), (include-ci ...), (include-library-declarations ...) or (cond-expand ...)");
}

// (export spec ...), spec: identifier | (rename internal external): what
// each exported name is bound to in the library.
bool Expander::resolve_exports(UserLibrary& lib, const std::vector<const Datum*>& exports) {
    bool ok = true;
    for (const Datum* spec : exports) {
        const Datum* internal = spec;
        const Datum* external = spec;
        if (spec->is_proper_list() && spec->items.size() == 3 && spec->items[0]->is_symbol("rename") &&
            spec->items[1]->kind == DatumKind::symbol && spec->items[2]->kind == DatumKind::symbol) {
            internal = spec->items[1];
            external = spec->items[2];
        } else if (spec->kind != DatumKind::symbol) {
            ok = !!error(spec, "malformed export spec: expected an identifier or (rename internal external)");
            continue;
        }
        Export e;
        if (auto it = lib.top.defined.find(internal->text); it != lib.top.defined.end()) {
            e.var = it->second.var;
            e.macro = it->second.macro;
        } else {
            Denotation den = free_name(&lib.top, internal->text);
            e.var = den.var;
            e.macro = den.macro;
            if (!den.var && !den.macro) e.name = den.name;
            if (!den.var && !den.macro && !is_standard_name(den.name)) {
                ok = !!error(internal, fmt::format("library {} exports '{}', which it neither defines nor imports",
                                                   lib.name, internal->text));
                continue;
            }
        }
        if (!lib.exports.emplace(external->text, std::move(e)).second)
            ok = !!error(external, fmt::format("'{}' is exported twice", external->text));
    }
    return ok;
}

// ---- importing ----------------------------------------------------------------------

// The names an import set of one of the program's libraries binds, and to what.
bool Expander::import_bindings(const ImportSet& set, ExportMap& out) {
    if (!set.inner) {
        out = set.user->exports;
        return true;
    }
    ExportMap inner;
    if (!import_bindings(*set.inner, inner)) return false;
    auto missing = [&](const std::string& n) {
        return !!error(set.form, fmt::format("'{}' is not among the names this import set gives", n));
    };
    switch (set.kind) {
    case ImportSet::Kind::library: break;
    case ImportSet::Kind::only:
        for (const std::string& n : set.names) {
            auto it = inner.find(n);
            if (it == inner.end()) return missing(n);
            out.insert(*it);
        }
        return true;
    case ImportSet::Kind::except:
        for (const std::string& n : set.names)
            if (!inner.erase(n)) return missing(n);
        out = std::move(inner);
        return true;
    case ImportSet::Kind::prefix:
        for (auto& [n, e] : inner) out.emplace(set.prefix + n, e);
        return true;
    case ImportSet::Kind::rename:
        for (const auto& [old_name, new_name] : set.renames) {
            auto it = inner.find(old_name);
            if (it == inner.end()) return missing(old_name);
            out.emplace(new_name, it->second);
            inner.erase(it);
        }
        for (auto& [n, e] : inner)
            if (auto [it, added] = out.emplace(n, e); !added && !(it->second == e))
                return !!error(set.form, fmt::format("'{}' is imported twice with different bindings", n));
        return true;
    }
    return true;
}

// Binds imported names at the current top level. The same name imported
// twice must be the same binding; an imported name cannot be defined there.
bool Expander::add_imports(const ExportMap& names, const Datum* at) {
    bool ok = true;
    for (const auto& [name, e] : names) {
        auto [it, added] = top_->imported.emplace(name, e);
        if (!added && !(it->second == e)) {
            ok = !!error(at, fmt::format("'{}' is imported twice with different bindings", name));
            continue;
        }
        bool defined = top_->library ? top_->defined.count(name) != 0
                                     : (globals_.count(name) && globals_[name]->defined) || top_level_.count(name);
        if (defined) ok = !!error(at, fmt::format("'{}' is imported here but also defined", name));
    }
    return ok;
}

// A definition of name at the current top level: an error when it is
// imported from one of the program's libraries (R7RS 5.6.1).
bool Expander::is_imported(const Datum* name) {
    if (in_library_ || aliases_.count(name) || !top_->imported.count(name->text)) return false;
    error(name, fmt::format("'{}' is imported and cannot be defined here", name->text));
    return true;
}

// The forms of every library imported, dependencies first, each in its own
// top level.
void Expander::expand_libraries() {
    for (UserLibrary* lib : instantiated_) {
        top_ = &lib->top;
        for (const BodyForm& f : lib->forms) expand_top_level(f);
    }
    top_ = &program_top_;
}

}  // namespace eshkol::expand
