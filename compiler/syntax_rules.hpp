// syntax-rules transformers: parsed once where the macro is defined,
// then matched against each use and transcribed into a new datum.
//
// This module knows nothing of scopes. Whatever depends on bindings is asked
// of a MacroContext: whether an identifier is `...` or `_` where the macro
// was defined, whether an input identifier matches a literal
// (free-identifier=?), and what a template identifier becomes in one
// expansion (the expander renames it, see compiler/expand_syntax.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "datum.hpp"
#include "diag.hpp"

namespace eshkol {

class MacroContext {
public:
    virtual ~MacroContext() = default;
    // Identifiers with equal keys are the same identifier (bound-identifier=?).
    virtual std::string_view key(const Datum* id) const = 0;
    // Whether id, where the macro is defined, is the unbound identifier `name`.
    virtual bool is_free(const Datum* id, std::string_view name) const = 0;
    // free-identifier=?: the literal where the macro is defined, input at the use.
    virtual bool literal_matches(const Datum* literal, const Datum* input) const = 0;
    // What a template identifier becomes in the current expansion; asked
    // once per distinct identifier per expansion.
    virtual Datum* rename(const Datum* id) = 0;
    // A new datum for the output (or a list built while matching).
    virtual Datum* make(DatumKind kind, Loc loc) = 0;
    // Accounts for one more datum in the output (a list element or a new
    // node); false when expansion must stop because it has grown too large
    // (the caller reports that).
    virtual bool charge() = 0;
};

class SyntaxRules {
public:
    struct Pattern;
    struct Template;
    struct Rule;

    SyntaxRules();
    SyntaxRules(SyntaxRules&&) noexcept;
    SyntaxRules& operator=(SyntaxRules&&) noexcept;
    ~SyntaxRules();

    // Parses (syntax-rules [ellipsis] (literal ...) (pattern template) ...),
    // checking patterns and templates; reports what is malformed at its place.
    static std::optional<SyntaxRules> parse(const Datum* spec, const MacroContext& context, Diagnostics& diags);

    // The expansion of use by the first rule whose pattern matches it; nullptr
    // when no pattern matches, or when the matching rule's template cannot be
    // built from this use (subtemplates repeated by ellipses of different
    // lengths, or charge refused), which *error then describes.
    const Datum* expand(const Datum* use, MacroContext& context, std::string* error) const;

private:
    std::vector<Rule> rules_;
};

}  // namespace eshkol
