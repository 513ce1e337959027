// Escape analysis results: for every allocation site, where its value can go
// (its class) and therefore where it is allocated (its tier). The emitter
// reads this side table; --dump-escape prints it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast.hpp"

namespace eshkol {

enum class EscapeClass { none, return_, closure, global };
enum class EscapeTier { stack, region, shared, root };

struct EscapeSite {
    const Expr* expr = nullptr;   // the allocating call, or the lambda
    std::string kind;             // cons, list, vector, closure, ...
    EscapeClass cls = EscapeClass::none;
    EscapeTier tier = EscapeTier::region;
    uint32_t words = 0;           // stack tier: pairs of a list, slots of a vector/closure
};

struct Escape {
    std::unordered_map<const Expr*, EscapeSite> sites;
    std::vector<const EscapeSite*> order;  // in source order

    const EscapeSite* site(const Expr* e) const {
        auto it = sites.find(e);
        return it == sites.end() ? nullptr : &it->second;
    }
    EscapeTier tier(const Expr* e) const {
        const EscapeSite* s = site(e);
        return s ? s->tier : EscapeTier::region;
    }
};

const char* escape_class_name(EscapeClass c);
const char* escape_tier_name(EscapeTier t);

}  // namespace eshkol
