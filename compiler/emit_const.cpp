// C emission of quoted constants: immediates inline; strings, symbols,
// lists, vectors, bytevectors and big or inexact numbers are built once at
// start-up (esk_init_constants) into static variables, with shared and
// circular structure (datum labels) preserved.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "emit.hpp"

namespace eshkol::emit {

namespace {

// Decodes UTF-8 (already validated by the reader) into code points.
std::vector<uint32_t> decode_utf8(std::string_view s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        uint32_t cp = extra == 0 ? c : (c & (0x3Fu >> extra));
        for (++i; extra > 0 && i < s.size(); --extra, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
        out.push_back(cp);
    }
    return out;
}

}  // namespace

// A C double literal that reads back exactly.
std::string double_literal(double d) {
    if (std::isnan(d)) return "NAN";
    if (std::isinf(d)) return d > 0 ? "HUGE_VAL" : "(-HUGE_VAL)";
    std::string s = fmt::format("{}", d);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

Code Emitter::constant(const Expr&, const Datum* d) {
    std::string v = constant_expr(d);
    return {"", v, true};
}

std::string Emitter::constant_expr(const Datum* d) {
    if (!d) return "ESK_UNSPECIFIED";  // what the expander writes for "no value"
    switch (d->kind) {
    case DatumKind::boolean: return d->boolean ? "ESK_TRUE" : "ESK_FALSE";
    case DatumKind::character: return fmt::format("ESK_CHAR(0x{:x})", static_cast<uint32_t>(d->character));
    case DatumKind::number:
        if (d->number.is_exact_integer()) {
            BigInt limit = BigInt(int64_t{1} << 61) * BigInt(2);  // 2^62: the fixnum range
            if (compare(d->number.num, limit) < 0 && compare(d->number.num, -limit) >= 0)
                return fmt::format("ESK_FIX({})", d->number.num.to_string());
        }
        break;
    case DatumKind::list:
        if (d->is_null()) return "ESK_NIL";
        break;
    default: break;
    }
    auto it = constants_.find(d);
    if (it != constants_.end()) return it->second;
    if (constants_in_progress_.count(d)) return "";  // a cycle: patched after
    return build_constant(d);
}

// An exact integer beyond the fixnum range, built from 32-bit pieces:
// acc = acc * 2^32 + piece, most significant first.
std::string Emitter::number_constant(const Number& n) {
    if (n.polar) return fmt::format("esk_make_polar(0, {}, {})", number_constant(n.parts->first), number_constant(n.parts->second));
    if (n.is_complex()) return fmt::format("esk_cpx_make({}, {})", number_constant(n.parts->first), number_constant(n.parts->second));
    if (!n.exact) return fmt::format("esk_make_flonum({})", double_literal(n.flo));
    auto integer = [](const BigInt& v) {
        std::string hex = (v.negative() ? -v : v).to_string(16);
        while (hex.size() % 8) hex.insert(hex.begin(), '0');
        std::string acc = "ESK_FIX(0)";
        for (size_t i = 0; i < hex.size(); i += 8)
            acc = fmt::format("esk_num_add(0, esk_num_mul(0, {}, ESK_FIX(4294967296)), ESK_FIX(0x{}))", acc, hex.substr(i, 8));
        return v.negative() ? fmt::format("esk_num_sub(0, ESK_FIX(0), {})", acc) : acc;
    };
    if (n.den == BigInt(1)) return integer(n.num);
    return fmt::format("esk_num_div(0, {}, {})", integer(n.num), integer(n.den));
}

std::string Emitter::build_constant(const Datum* d) {
    std::string name = fmt::format("k{}", constants_.size() + constants_in_progress_.size() + 1);
    while (file_statics_.find("static esk_val " + name + ";") != std::string::npos) name += "_";
    constants_in_progress_.insert(d);
    std::string init;
    switch (d->kind) {
    case DatumKind::number: init = fmt::format("    {} = {};\n", name, number_constant(d->number)); break;
    case DatumKind::string: {
        std::vector<uint32_t> chars = decode_utf8(d->text);
        bool narrow = std::all_of(chars.begin(), chars.end(), [](uint32_t c) { return c < 256; });
        if (narrow) {
            std::string bytes(chars.begin(), chars.end());
            init = fmt::format("    {} = esk_string_from_latin1({}, {});\n", name, c_string_literal(bytes), chars.size());
        } else {
            file_statics_ += fmt::format("static const uint32_t {}_chars[] = {{{}}};\n", name, fmt::join(chars, ", "));
            init = fmt::format("    {0} = esk_string_from_utf32({0}_chars, {1});\n", name, chars.size());
        }
        break;
    }
    case DatumKind::symbol:
        init = fmt::format("    {} = esk_intern({}, {});\n", name, c_string_literal(d->text), d->text.size());
        break;
    case DatumKind::bytevector: {
        std::vector<unsigned> bytes(d->bytes.begin(), d->bytes.end());
        if (!bytes.empty()) file_statics_ += fmt::format("static const uint8_t {}_bytes[] = {{{}}};\n", name, fmt::join(bytes, ", "));
        init = fmt::format("    {0} = esk_make_bytevector_from({1}, {2});\n", name, bytes.empty() ? "NULL" : name + "_bytes",
                           bytes.size());
        break;
    }
    case DatumKind::vector: {
        std::vector<std::string> items;
        for (const Datum* item : d->items) items.push_back(constant_expr(item));
        init = fmt::format("    {} = esk_make_vector_filled({}, ESK_UNSPECIFIED);\n", name, items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            std::string place = fmt::format("ESK_VECTOR({})->items[{}]", name, i);
            if (items[i].empty()) fixups_.push_back({place, d->items[i]});  // a cycle back to an enclosing datum
            else init += fmt::format("    {} = {};\n", place, items[i]);
        }
        break;
    }
    case DatumKind::list: {
        std::string tail = d->tail ? constant_expr(d->tail) : "ESK_NIL";
        std::vector<std::string> items;
        for (const Datum* item : d->items) items.push_back(constant_expr(item));
        init = fmt::format("    {} = {};\n", name, tail.empty() ? "ESK_NIL" : tail);
        for (size_t i = items.size(); i-- > 0;)
            init += fmt::format("    {0} = esk_cons({1}, {0});\n", name, items[i].empty() ? "ESK_UNSPECIFIED" : items[i]);
        // Cycles back to enclosing datums are patched once those exist.
        std::string pair = name;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].empty()) fixups_.push_back({fmt::format("ESK_CAR({})", pair), d->items[i]});
            if (i + 1 < items.size()) pair = fmt::format("ESK_CDR({})", pair);
        }
        if (tail.empty()) fixups_.push_back({fmt::format("ESK_CDR({})", pair), d->tail});
        break;
    }
    default: break;
    }
    constants_in_progress_.erase(d);
    constants_[d] = name;
    file_statics_ += fmt::format("static esk_val {};\n", name);
    constant_init_ += init;
    for (size_t i = 0; i < fixups_.size();) {
        auto target = constants_.find(fixups_[i].target);
        if (target == constants_.end()) {
            ++i;
            continue;
        }
        constant_init_ += fmt::format("    {} = {};\n", fixups_[i].place, target->second);
        fixups_.erase(fixups_.begin() + static_cast<long>(i));
    }
    return name;
}

}  // namespace eshkol::emit
