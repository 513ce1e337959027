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
#define ESK_PRIM_VALUE(name, code)
constexpr Primitive runtime_table[] = {
#include "../runtime/esk_core.def"
#include "../runtime/esk_num.def"
#include "../runtime/esk_string.def"
#include "../runtime/esk_hash.def"
#include "../runtime/esk_port.def"
#include "../runtime/esk_shared.def"
#include "../runtime/esk_ffi.def"
    Primitive{"", "", 0, 0},  // keeps the array non-empty
};
#undef ESK_PRIM
#undef ESK_PRIM_VALUE

// Built-ins whose value is a closure over the runtime's own code.
struct ValueCode {
    std::string_view name, code;
};
#define ESK_PRIM(name, c_function, min, max)
#define ESK_PRIM_VALUE(name, code) ValueCode{name, #code},
constexpr ValueCode value_codes[] = {
#include "../runtime/esk_hash.def"
};
#undef ESK_PRIM
#undef ESK_PRIM_VALUE

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

std::vector<const Primitive*> all_primitives() {
    std::vector<const Primitive*> out;
    for (const Primitive& p : open_coded) out.push_back(&p);
    for (const Primitive& p : runtime_table)
        if (!p.name.empty()) out.push_back(&p);
    return out;
}

bool needs_eval_table(std::string_view name) {
    return name == "eval" || name == "environment" || name == "interaction-environment" ||
           name == "scheme-report-environment" || name == "null-environment";
}

const Primitive* find_primitive(std::string_view name) {
    auto it = index().find(name);
    return it == index().end() ? nullptr : it->second;
}

std::string_view primitive_value_code(std::string_view name) {
    for (const ValueCode& v : value_codes)
        if (v.name == name) return v.code;
    return {};
}

}  // namespace eshkol
