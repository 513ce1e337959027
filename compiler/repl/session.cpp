// The interactive session's compiler: see session.hpp.
#include "session.hpp"

#include <algorithm>
#include <unordered_set>

#include "../escape.hpp"
#include "../expand.hpp"
#include "../lower.hpp"
#include "../ownership.hpp"
#include "../passes.hpp"
#include "../represent.hpp"

namespace eshkol {

Session::Session(CompileOptions options) : options_(std::move(options)) {
    library_ = load_library(sources_, pools_.emplace_back(), diags_);
    expander_ = std::make_unique<expand::Expander>(program_, library_, sources_, diags_, options_.search_path);
    // A name no datum reads as: the user cannot refer to it.
    value_ = &program_.vars.emplace_back();
    value_->id = static_cast<uint32_t>(program_.vars.size());
    value_->name = "repl value";
    value_->global = value_->defined = value_->assigned = true;
}

Session::~Session() = default;

bool Session::read(std::string name, uint32_t first_line, std::string text, std::vector<Datum*>& forms) {
    diags_.clear();
    uint32_t file = sources_.add(std::move(name), std::move(text), first_line);
    forms = read_file(sources_, file, pools_.emplace_back(), diags_);
    return !diags_.has_errors();
}

std::vector<std::string> Session::compile(const std::vector<Datum*>& forms) {
    diags_.clear();
    for (auto& e : program_.body) done_.push_back(std::move(e));
    program_.body.clear();
    // A form's C sees the headers earlier forms included (c-include
    // expands to no definitions, so it can be expanded again).
    std::vector<Datum*> data = c_includes_;
    data.insert(data.end(), forms.begin(), forms.end());
    size_t known = program_.vars.size();
    std::vector<Var*> undefined;
    for (Var& v : program_.vars)
        if (v.global && !v.defined) undefined.push_back(&v);
    expander_->more(data);
    // The library procedures the forms pulled in are a unit of their own,
    // run first whatever becomes of the forms: a library definition is
    // expanded once in a session, so it must not be lost with a form that
    // does not compile.
    std::vector<ExprPtr> user;
    std::unordered_set<const Var*> library;
    for (auto& e : program_.body) {
        auto* def = std::get_if<Define>(&e->node);
        bool from_library = def && e->loc.known() &&
                            std::find(library_.files.begin(), library_.files.end(), e->loc.file) != library_.files.end();
        if (from_library) library.insert(def->var);
        else user.push_back(std::move(e));
    }
    std::erase_if(program_.body, [](const ExprPtr& e) { return !e; });
    std::vector<std::string> units;
    if (!program_.body.empty()) {
        Diagnostics forms_diags = std::move(diags_);
        diags_.clear();
        std::optional<std::string> c = compile_expanded(false);
        if (c) units.push_back(std::move(*c));
        if (!diags_.has_errors()) diags_ = std::move(forms_diags);
        for (auto& e : program_.body) done_.push_back(std::move(e));
        program_.body.clear();
    }
    program_.body = std::move(user);
    std::optional<std::string> c;
    if (!diags_.has_errors()) c = compile_expanded(true);
    if (!c) {
        // Nothing of a form with errors runs: what it would have defined is
        // not defined, and a later form may define it.
        for (Var* v : undefined)
            if (!library.count(v)) v->defined = false;
        for (size_t i = known; i < program_.vars.size(); ++i)
            if (program_.vars[i].global && !library.count(&program_.vars[i])) program_.vars[i].defined = false;
        return units;
    }
    for (Datum* d : forms)
        if (d->kind == DatumKind::list && !d->items.empty() && d->items[0]->is_symbol("c-include"))
            c_includes_.push_back(d);
    units.push_back(std::move(*c));
    return units;
}

std::optional<std::string> Session::compile_expanded(bool with_value) {
    // Every global may be redefined by a later form, whose callers must
    // see the new value: none is a known procedure across forms, and what
    // this form defines is called through its cell like any other.
    for (Var& v : program_.vars)
        if (v.global) v.known_lambda = nullptr;
    for (auto& e : program_.body)
        if (auto* def = std::get_if<Define>(&e->node); def && !expander_->is_c_procedure(def->var->name))
            def->var->assigned = true;
    // The value of the form's last expression is the form's value.
    if (with_value && !program_.body.empty() && !std::holds_alternative<Define>(program_.body.back()->node)) {
        ExprPtr& last = program_.body.back();
        Loc loc = last->loc;
        last = std::make_unique<Expr>(Expr{program_.next_expr_id++, loc, Set{value_, std::move(last)}});
    }
    resolve_program(program_, diags_, true);
    if (diags_.has_errors()) return std::nullopt;
    Ownership ownership = check_ownership(program_, diags_);
    if (diags_.has_errors()) return std::nullopt;
    if (options_.region_inference) infer_regions(program_, ownership);
    Lowering lowering = lower_program(program_);
    Escape escape = analyze_escape(program_, lowering);
    Representation representation = represent_program(program_, lowering);
    SessionForm form;
    form.loc_base = loc_base_;
    form.value = value_;
    EmitOptions emit;
    emit.line_directives = false;
    emit.output_name = "repl.c";
    emit.external_runtime = true;
    emit.gc = options_.gc;
    emit.session = &form;
    std::string c = emit_c(program_, lowering, escape, ownership, representation, sources_, emit, diags_);
    if (diags_.has_errors()) return std::nullopt;
    loc_base_ += form.locs_used;
    return c;
}

}  // namespace eshkol
