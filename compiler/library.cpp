// Loading the embedded Scheme library and indexing its definitions.
#include "library.hpp"

#include <fmt/format.h>

#include "embedded.hpp"
#include "read/reader.hpp"

namespace eshkol {

namespace {

// The name a top-level (define name ...) or (define (name . formals) ...) defines.
const Datum* defined_name(const Datum* d) {
    if (d->kind != DatumKind::list || d->items.size() < 2 || !d->items[0]->is_symbol("define")) return nullptr;
    const Datum* target = d->items[1];
    while (target->kind == DatumKind::list && !target->is_null()) target = target->items[0];
    return target->kind == DatumKind::symbol ? target : nullptr;
}

}  // namespace

Library load_library(SourceManager& sources, DatumPool& pool, Diagnostics& diags) {
    Library library;
    for (const auto& file : embedded::stdlib_files()) {
        if (file.name.empty()) continue;
        uint32_t id = sources.add(fmt::format("stdlib/{}", file.name), std::string(file.text));
        library.files.push_back(id);
        for (const Datum* d : read_file(sources, id, pool, diags)) {
            const Datum* name = defined_name(d);
            if (!name) {
                diags.error(d->loc, "the library may hold only definitions");
                continue;
            }
            if (!library.definitions.emplace(name->text, d).second)
                diags.error(name->loc, fmt::format("'{}' is defined twice in the library", name->text));
        }
    }
    return library;
}

}  // namespace eshkol
