// Gathering a VM program: reading, splicing includes, collecting the
// procedures, micros and globals its top level defines.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>

#include "../read/reader.hpp"
#include "unit.hpp"

namespace eshkol::vm {

namespace {

constexpr std::array builtin_names = {
    "do", "define", "set", "if", "while", "for", "and", "or", "not", "+", "-", "*", "/", "%",
    "<", ">", "=", "<=", ">=", "!=", "bit-and", "bit-or", "bit-xor", "bit-not", "shift-left",
    "shift-right", "print", "mem-read", "mem-write", "defmicro", "include",
};

// Include nesting deeper than this is surely a generated chain gone wrong.
constexpr size_t max_include_depth = 64;

class Gatherer {
public:
    Gatherer(SourceManager& sources, DatumPool& pool, Diagnostics& diags)
        : sources_(sources), pool_(pool), diags_(diags) {}

    Unit run(uint32_t file_id);

private:
    std::vector<Datum*> read(uint32_t file_id, size_t depth);
    std::vector<Datum*> splice(const std::vector<Datum*>& forms, size_t depth);
    void include(const Datum* form, std::vector<Datum*>& out, size_t depth);
    void collect_sequence(const std::vector<Datum*>& forms, size_t first);
    void collect_globals(const Datum* d);
    void add_procedure(const Datum* form, bool micro);
    bool check_name(const Datum* d, const char* what);

    SourceManager& sources_;
    DatumPool& pool_;
    Diagnostics& diags_;
    std::set<std::filesystem::path> included_;
    Unit unit_;
};

std::filesystem::path canonical_path(const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
    return ec ? std::filesystem::path(path) : p;
}

Unit Gatherer::run(uint32_t file_id) {
    included_.insert(canonical_path(sources_.file(file_id).path));
    unit_.top = read(file_id, 0);
    collect_sequence(unit_.top, 0);
    return std::move(unit_);
}

std::vector<Datum*> Gatherer::read(uint32_t file_id, size_t depth) {
    std::vector<Datum*> data = read_file(sources_, file_id, pool_, diags_);
    return splice(data, depth);
}

// Top-level sequence positions (the file's forms, the body of a top-level
// do) may hold (include "file" ...); the file's forms take its place.
std::vector<Datum*> Gatherer::splice(const std::vector<Datum*>& forms, size_t depth) {
    std::vector<Datum*> out;
    for (Datum* form : forms) {
        std::string_view head = head_name(form);
        if (head == "include") {
            include(form, out, depth);
        } else if (head == "do" && form->is_proper_list()) {
            Datum* copy = pool_.make(DatumKind::list, form->loc);
            copy->items.push_back(form->items[0]);
            std::vector<Datum*> body = splice({form->items.begin() + 1, form->items.end()}, depth);
            for (Datum* d : body) copy->items.push_back(d);
            out.push_back(copy);
        } else {
            out.push_back(form);
        }
    }
    return out;
}

// (include "file" ...)
void Gatherer::include(const Datum* form, std::vector<Datum*>& out, size_t depth) {
    if (form->items.size() < 2 || !form->is_proper_list()) {
        diags_.error(form->loc, "malformed include: expected (include \"file\" ...)");
        return;
    }
    for (size_t i = 1; i < form->items.size(); ++i) {
        const Datum* name = form->items[i];
        if (name->kind != DatumKind::string) {
            diags_.error(name->loc, "include: expected a file name in a string");
            continue;
        }
        if (depth >= max_include_depth) {
            diags_.error(name->loc, fmt::format("include: nested more than {} deep", max_include_depth));
            return;
        }
        std::filesystem::path base = std::filesystem::path(sources_.file(form->loc.file).path).parent_path();
        std::string path = (base / name->text).string();
        if (!included_.insert(canonical_path(path)).second) continue;  // each file once
        uint32_t id = 0;
        std::string why;
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            diags_.error(name->loc, fmt::format("cannot include '{}': it is a directory", name->text));
            continue;
        }
        if (!sources_.load(path, id, why)) {
            diags_.error(name->loc, fmt::format("cannot include '{}': {}", name->text, why));
            continue;
        }
        for (Datum* d : read(id, depth + 1)) out.push_back(d);
    }
}

void Gatherer::collect_sequence(const std::vector<Datum*>& forms, size_t first) {
    for (size_t i = first; i < forms.size(); ++i) {
        const Datum* form = forms[i];
        std::string_view head = head_name(form);
        if (head == "define" && form->items.size() >= 2 && form->items[1]->kind == DatumKind::list)
            add_procedure(form, false);
        else if (head == "defmicro")
            add_procedure(form, true);
        else if (head == "do")
            collect_sequence({form->items.begin(), form->items.end()}, 1);
        else
            collect_globals(form);
    }
}

// Every (define name value) in top-level code, outside procedure bodies,
// defines a global.
void Gatherer::collect_globals(const Datum* d) {
    if (d->kind != DatumKind::list) return;
    std::string_view head = head_name(d);
    if (head == "defmicro") return;
    if (head == "define" && d->items.size() >= 2) {
        if (d->items[1]->kind == DatumKind::list) return;
        const Datum* name = d->items[1];
        if (d->items.size() == 3 && name->kind == DatumKind::symbol && !is_builtin(name->text) &&
            !unit_.global(name->text)) {
            unit_.global_index.emplace(name->text, unit_.globals.size());
            unit_.globals.push_back({name->text, name->loc});
        }
    }
    for (const Datum* item : d->items) collect_globals(item);
}

bool Gatherer::check_name(const Datum* d, const char* what) {
    if (d->kind != DatumKind::symbol) {
        diags_.error(d->loc, fmt::format("expected a {} name", what));
        return false;
    }
    if (is_builtin(d->text)) {
        diags_.error(d->loc, fmt::format("'{}' is a built-in form; it cannot be redefined", d->text));
        return false;
    }
    return true;
}

// (define (name p ...) body ...), (defmicro (name p ...) body ...),
// (defmicro name (p ...) body ...)
void Gatherer::add_procedure(const Datum* form, bool micro) {
    const char* what = micro ? "defmicro" : "define";
    const auto& items = form->items;
    bool split = micro && items.size() >= 3 && items[1]->kind == DatumKind::symbol;
    size_t body_start = split ? 3 : 2;
    const Datum* signature = split ? items[2] : items.size() >= 2 ? items[1] : nullptr;
    if (!form->is_proper_list() || !signature || signature->kind != DatumKind::list ||
        !signature->is_proper_list() || (!split && signature->items.empty()) || items.size() <= body_start) {
        diags_.error(form->loc, fmt::format("malformed {}: expected ({} (name param ...) body ...)", what, what));
        return;
    }
    const Datum* name = split ? items[1] : signature->items[0];
    if (!check_name(name, micro ? "micro" : "procedure")) return;
    Procedure p{name->text, name->loc, {}, {items.begin() + static_cast<long>(body_start), items.end()}, micro};
    for (size_t i = split ? 0 : 1; i < signature->items.size(); ++i) {
        const Datum* param = signature->items[i];
        if (!check_name(param, "parameter")) return;
        if (std::find(p.params.begin(), p.params.end(), param->text) != p.params.end()) {
            diags_.error(param->loc, fmt::format("duplicate parameter '{}'", param->text));
            return;
        }
        p.params.push_back(param->text);
    }
    if (const Procedure* old = unit_.procedure(p.name)) {
        diags_.error(name->loc, fmt::format("'{}' is already defined", p.name)).notes.push_back({old->loc, "first defined here"});
        return;
    }
    unit_.procedure_index.emplace(p.name, unit_.procedures.size());
    unit_.procedures.push_back(std::move(p));
}

}  // namespace

const Procedure* Unit::procedure(std::string_view name) const {
    auto it = procedure_index.find(name);
    return it == procedure_index.end() ? nullptr : &procedures[it->second];
}

const size_t* Unit::global(std::string_view name) const {
    auto it = global_index.find(name);
    return it == global_index.end() ? nullptr : &it->second;
}

bool is_builtin(std::string_view name) {
    return std::find(builtin_names.begin(), builtin_names.end(), name) != builtin_names.end();
}

std::string_view head_name(const Datum* d) {
    if (d->kind != DatumKind::list || d->items.empty() || d->items[0]->kind != DatumKind::symbol) return {};
    return d->items[0]->text;
}

Unit gather(SourceManager& sources, uint32_t file_id, DatumPool& pool, Diagnostics& diags) {
    Unit unit = Gatherer(sources, pool, diags).run(file_id);
    for (const Global& g : unit.globals)
        if (const Procedure* p = unit.procedure(g.name))
            diags.error(g.loc, fmt::format("'{}' is defined both as a variable and as a {}", g.name,
                                           p->micro ? "micro" : "procedure"))
                .notes.push_back({p->loc, "the other definition"});
    return unit;
}

}  // namespace eshkol::vm
