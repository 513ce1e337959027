// The table of built-in procedures: the emitter's open-coded ones, then the
// runtime's X-macro tables, so a built-in is declared once, beside its C.
#include "primitives.hpp"

#include <unordered_map>

namespace eshkol {

namespace {

// Variadic arithmetic and comparison are folded into binary operations by
// the emitter; as values they get generated entries.
constexpr Primitive open_coded[] = {
    {"+", "", 0, -1},  {"-", "", 1, -1},  {"*", "", 0, -1},  {"/", "", 1, -1},
    {"=", "", 1, -1},  {"<", "", 1, -1},  {">", "", 1, -1},  {"<=", "", 1, -1},
    {">=", "", 1, -1},
};

#define ESK_PRIM(name, c_function, min, max) Primitive{name, #c_function, min, max},
constexpr Primitive runtime_table[] = {
#include "../runtime/esk_core.def"
#include "../runtime/esk_num.def"
#include "../runtime/esk_string.def"
    Primitive{"", "", 0, 0},  // keeps the array non-empty
};
#undef ESK_PRIM

const std::unordered_map<std::string_view, const Primitive*>& index() {
    static const auto table = [] {
        std::unordered_map<std::string_view, const Primitive*> t;
        for (const Primitive& p : open_coded) t.emplace(p.name, &p);
        for (const Primitive& p : runtime_table)
            if (!p.name.empty()) t.emplace(p.name, &p);
        return t;
    }();
    return table;
}

}  // namespace

const Primitive* find_primitive(std::string_view name) {
    auto it = index().find(name);
    return it == index().end() ? nullptr : it->second;
}

}  // namespace eshkol
