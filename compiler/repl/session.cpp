// The interactive session's compiler: see session.hpp.
#include "session.hpp"

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

std::optional<std::string> Session::compile(const std::vector<Datum*>& forms) {
    diags_.clear();
    for (auto& e : program_.body) done_.push_back(std::move(e));
    program_.body.clear();
    // A form's C sees the headers earlier forms included (c-include
    // expands to no definitions, so it can be expanded again).
    std::vector<Datum*> data = c_includes_;
    data.insert(data.end(), forms.begin(), forms.end());
    expander_->more(data);
    if (diags_.has_errors()) return std::nullopt;
    for (Datum* d : forms)
        if (d->kind == DatumKind::list && !d->items.empty() && d->items[0]->is_symbol("c-include"))
            c_includes_.push_back(d);
    if (diags_.has_errors()) return std::nullopt;
    return compile_expanded();
}

std::optional<std::string> Session::compile_expanded() {
    // Every global may be redefined by a later form, whose callers must
    // see the new value: none is a known procedure across forms, and what
    // this form defines is called through its cell like any other.
    for (Var& v : program_.vars)
        if (v.global) v.known_lambda = nullptr;
    for (auto& e : program_.body)
        if (auto* def = std::get_if<Define>(&e->node); def && !expander_->is_c_procedure(def->var->name))
            def->var->assigned = true;
    // The value of the form's last expression is the form's value.
    if (!program_.body.empty() && !std::holds_alternative<Define>(program_.body.back()->node)) {
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
