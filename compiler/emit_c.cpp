// C emission: the resolved, lowered AST to one self-contained, readable C
// file. This file lays out the program and its functions; the expression,
// built-in and constant parts live in emit_expr.cpp, emit_prim.cpp and
// emit_const.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "c_check.hpp"
#include "emit.hpp"
#include "emit_ffi.hpp"
#include "runtime_select.hpp"

namespace eshkol {

namespace emit {

constexpr const char* compiler_version = "0.1.0";

// Scheme names to C identifier fragments: make-counter -> make_counter,
// list->vector -> list_to_vector, null? -> null_p, set-car! -> set_car_x.
std::string mangle(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (std::isalnum(c) && c < 0x80) out += static_cast<char>(c);
        else if (c == '-' && i + 1 < name.size() && name[i + 1] == '>') out += "_to_", ++i;
        else if (c == '-' || c == '_') out += '_';
        else if (c == '?') out += "_p";
        else if (c == '!') out += "_x";
        else if (c == '*') out += "_star";
        else if (c == '+') out += "_plus";
        else if (c == '/') out += "_slash";
        else if (c == '<') out += "_lt";
        else if (c == '>') out += "_gt";
        else if (c == '=') out += "_eq";
        else if (c == '%') out += "_pct";
        else out += fmt::format("_{:02x}", c);
    }
    return out;
}

// A C string literal holding exactly these bytes; non-ASCII as octal.
std::string c_string_literal(std::string_view bytes) {
    std::string out = "\"";
    for (unsigned char c : bytes) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c >= 0x20 && c < 0x7F && c != '?') out += static_cast<char>(c);  // '?' avoids trigraphs
        else out += fmt::format("\\{:03o}", c);
    }
    return out + "\"";
}

// Text safe inside a C comment.
std::string comment_text(std::string_view s) {
    std::string out(s);
    for (size_t p; (p = out.find("*/")) != std::string::npos;) out.replace(p, 2, "* /");
    for (size_t p; (p = out.find("/*")) != std::string::npos;) out.replace(p, 2, "/ *");
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

int Emitter::loc_id(Loc loc) {
    if (!loc.known()) return 0;
    locs_.push_back(loc);
    return static_cast<int>(locs_.size() - 1) + (options_.session ? options_.session->loc_base - 1 : 0);
}

std::string Emitter::line(Loc loc) const {
    if (!options_.line_directives || !loc.known()) return "";
    return fmt::format("#line {} {}\n", loc.line, c_string_literal(sources_.file(loc.file).path));
}

std::string Emitter::source_comment(Loc loc) const {
    if (!loc.known()) return "";
    const SourceFile& f = sources_.file(loc.file);
    std::string_view text = f.line_text(loc.line);
    size_t skip = text.find_first_not_of(" \t");
    text = skip == std::string_view::npos ? "" : text.substr(skip);
    if (text.size() > 100) text = text.substr(0, 100);
    return fmt::format("/* {}:{}: {} */\n", f.path, loc.line, comment_text(text));
}

void Emitter::declare(const std::string& name) {
    if (fn_->declared.insert(name).second) fn_->decls += fmt::format("    esk_val {};\n", name);
}

void Emitter::declare_double(const std::string& name) {
    if (fn_->declared.insert(name).second) fn_->decls += fmt::format("    double {};\n", name);
}

// A local of this C function, in the representation it was given.
void Emitter::declare_var(const Var* v) {
    if (rep_.is_unboxed(v)) declare_double(var_name(v));
    else declare(var_name(v));
}

std::string Emitter::temp(std::string_view hint) {
    std::string name = fmt::format("t{}_{}", ++next_temp_, hint);
    declare(name);
    return name;
}

std::string Emitter::var_name(const Var* v) const {
    if (v->global && options_.session) return fmt::format("(*g{}_{})", v->id, mangle(v->name));  // a session cell
    return fmt::format("{}{}_{}", v->global ? "g" : "v", v->id, mangle(v->name));
}

// The variable's own storage: the value, or its box when boxed.
std::string Emitter::raw_var(const Var* v) const {
    const Lambda* here = fn_->lambda;
    if (!v->global && here) {
        // Locals of contified lambdas live in the function that holds them.
        const Lambda* owner = v->owner;
        while (owner && owner != here && low_.plans.at(owner).kind == LambdaPlan::Kind::contified)
            owner = owner->parent;
        if (owner != here) {
            const std::vector<const Var*>& slots = low_.plans.at(here).slots;
            auto it = std::find(slots.begin(), slots.end(), v);
            if (it == slots.end()) {
                // Lowering and the emitter disagree: no C name holds it here.
                diags_.internal(v->loc, fmt::format("'{}' is used in '{}' but is not stored in its closure "
                                                    "(a bug in eshkolc, please report it)",
                                                    v->name, here->name.empty() ? "lambda" : here->name));
                return "ESK_UNSPECIFIED";
            }
            return fmt::format("ESK_CLOSURE(self)->slots[{}]", it - slots.begin());
        }
    }
    return var_name(v);
}

std::string Emitter::read_var(const Var* v, Loc loc) {
    if (v->global && !v->defined && v->primitive) return primitive_value(*v->primitive);
    if (v->global) return fmt::format("ESK_GLOBAL({}, {}, {})", var_name(v), loc_id(loc), c_string_literal(v->name));
    if (rep_.is_unboxed(v)) return fmt::format("esk_make_flonum({})", raw_var(v));  // it escapes here
    return is_boxed(v) ? fmt::format("ESK_BOX({})->value", raw_var(v)) : raw_var(v);
}

std::string Emitter::write_var(const Var* v, const std::string& value) {
    // The store check (eshkol.h) keeps a younger region's object stored in
    // an older box or a global alive past its region.
    if (is_boxed(v)) return fmt::format("    ESK_STORE(ESK_BOX({0}), &ESK_BOX({0})->value, {1});\n", raw_var(v), value);
    if (v->global) return fmt::format("    ESK_STORE(NULL, &{}, {});\n", raw_var(v), value);
    return fmt::format("    {} = {};\n", raw_var(v), value);
}

std::string Emitter::function_name(const Lambda& l) const {
    return fmt::format("f{}_{}", l.id, mangle(l.name.empty() ? "lambda" : l.name));
}

std::string Emitter::label_name(const Lambda& l) const {
    return fmt::format("L{}_{}", l.id, mangle(l.name.empty() ? "lambda" : l.name));
}

// Parameters captured by a closure and assigned live in boxes: a fresh box
// on every entry (and every loop iteration).
std::string Emitter::params_prologue(const Lambda& l) {
    std::string s;
    auto box = [&](const Var* p) {
        if (!p || rep_.is_unboxed(p)) return;  // a C double, in one C function
        if (counting_ && may_hold_.count(p) && p->assigned) {  // it owns what it holds: set! releases
            if (p->captured) boxed_.insert(p);
            s += own_parameter(l, p);
            return;
        }
        if (!p->captured || !p->assigned) return;
        boxed_.insert(p);
        if (p->reads > 0) s += fmt::format("    {0} = esk_make_box({0});\n", var_name(p));
    };
    for (const Var* p : l.params) box(p);
    box(l.rest);
    return s;
}

// A closure-only lambda takes (self, argc, argv); a direct one takes its
// parameters (and self when it captures variables), plus an entry for
// calls through its closure.
std::string Emitter::emit_function(const Lambda& l) {
    const LambdaPlan& plan = low_.plan(&l);
    Function f;
    f.lambda = &l;
    f.direct = plan.kind == LambdaPlan::Kind::direct;
    Function* saved = fn_;
    fn_ = &f;
    if (counting_ && fn_touches(l)) {  // the owner stack's depth at entry: what the call owns lies above
        f.mark = "m_fn";
        f.declared.insert(f.mark);
        f.decls += "    size_t m_fn = esk_shared_depth;\n";
    }
    std::vector<std::string> params;
    if (f.direct && plan.has_self) params.push_back("esk_val self");
    for (size_t i = 0; i < l.params.size(); ++i) {
        std::string name = var_name(l.params[i]);
        f.declared.insert(name);
        if (f.direct) params.push_back((rep_.is_unboxed(l.params[i]) ? "double " : "esk_val ") + name);
        else if (l.params[i]->reads > 0) f.decls += fmt::format("    esk_val {} = argv[{}];\n", name, i);
    }
    if (l.rest) {
        std::string name = var_name(l.rest);
        f.declared.insert(name);
        if (f.direct) params.push_back("esk_val " + name);
        else if (l.rest->reads > 0 || (counting_ && may_hold_.count(l.rest)))
            f.decls += fmt::format("    esk_val {} = {}(argc, argv, {});\n", name,
                                   counting_ ? "esk_shared_rest_list" : "esk_rest_list", l.params.size());
    }
    std::string prologue = params_prologue(l);
    std::string body = emit_to(*l.body, Dest::ret());
    if (body.find("return ") == std::string::npos) body += "    return ESK_UNSPECIFIED; /* not reached: every path loops or exits */\n";
    fn_ = saved;
    std::string name = function_name(l);
    std::string signature =
        f.direct ? fmt::format("ESK_PROC esk_val {}({})", name, params.empty() ? "void" : fmt::format("{}", fmt::join(params, ", ")))
                 : fmt::format("ESK_PROC esk_val {}(esk_val self, int argc, esk_val *argv)", name);
    prototypes_ += signature + ";\n";
    std::string unused;
    if (!f.direct) unused = "    (void)self;\n    (void)argc;\n    (void)argv;\n";
    if (f.direct && plan.has_self) unused = "    (void)self;\n";  // its self calls may all be jumps
    for (size_t i = 0; f.direct && i < l.params.size(); ++i)
        if (l.params[i]->reads == 0) unused += fmt::format("    (void){};\n", var_name(l.params[i]));
    if (f.direct && l.rest && l.rest->reads == 0) unused += fmt::format("    (void){};\n", var_name(l.rest));
    if (!f.mark.empty()) unused += fmt::format("    (void){};\n", f.mark);  // a body that only loops or exits
    std::string out = fmt::format("{}{}\n{{\n{}{}{}{}{}}}\n\n", source_comment(l.body->loc),
                                  signature, f.decls, unused, f.loops ? "top:\n" : "", prologue, body);
    if (f.direct && plan.makes_closure()) {
        // The entry for calls through the closure: unpack argv.
        std::vector<std::string> args;
        if (plan.has_self) args.push_back("self");
        for (size_t i = 0; i < l.params.size(); ++i)
            args.push_back(rep_.is_unboxed(l.params[i]) ? fmt::format("esk_flo_unbox(0, argv[{}])", i) : fmt::format("argv[{}]", i));
        if (l.rest)
            args.push_back(fmt::format("{}(argc, argv, {})", counting_ ? "esk_shared_rest_list" : "esk_rest_list", l.params.size()));
        std::string entry = fmt::format("ESK_PROC esk_val {}_entry(esk_val self, int argc, esk_val *argv)", name);
        prototypes_ += entry + ";\n";
        out += fmt::format("{}\n{{\n    (void)self;\n    (void)argc;\n    (void)argv;\n    return {}({});\n}}\n\n", entry,
                           name, fmt::join(args, ", "));
    }
    return out;
}

std::string Emitter::program_function() {
    Function f;
    fn_ = &f;
    std::string body;
    for (auto& e : prog_.body) body += "\n" + source_comment(e->loc) + line(e->loc) + statement(*e);
    fn_ = nullptr;
    std::string start, end;
    if (counting_) {  // shared values: at the end, globals and the root region let go of theirs
        size_t globals = 0;
        file_statics_ += globals_table(globals, &start);
        start += fmt::format("    esk_shared_init(esk_shared_globals_table, {});\n", globals);
        end = "    esk_shared_finish();\n";
    }
    if (options_.session) return session_function(f.decls, body, start);
    if (options_.no_main)  // the C side calls eshkol_init, then the exports; the program's values stay
        return fmt::format("static void esk_program(void)\n{{\n{}    esk_locs = esk_program_locs;\n{}    esk_init_constants();\n{}}}\n\n"
                           "void eshkol_init(int argc, char **argv)\n{{\n    esk_ffi_frame frame;\n"
                           "    if (setjmp(frame.jump)) return;\n    esk_ffi_enter(&frame);\n"
                           "    esk_main_init(argc, argv);\n    esk_program();\n    esk_ffi_leave(&frame);\n}}\n\n"
                           "void eshkol_set_error_handler(eshkol_error_handler handler, void *data)\n{{\n"
                           "    esk_ffi_set_error_handler(handler, data);\n}}\n",
                           f.decls, start, body);
    return fmt::format("static void esk_program(void)\n{{\n{}    esk_locs = esk_program_locs;\n{}    esk_init_constants();\n{}{}}}\n\n"
                       "int main(int argc, char **argv)\n{{\n    return esk_main(argc, argv, esk_program);\n}}\n",
                       f.decls, start, body, end);
}

// --repl: the form's body runs in the session's scratch region; the cells
// of the globals it names are found first, outside it.
std::string Emitter::session_function(const std::string& decls, const std::string& body, const std::string& start) {
    std::set<const Var*, bool (*)(const Var*, const Var*)> named(
        [](const Var* a, const Var* b) { return a->id < b->id; });
    std::function<void(const Expr&)> walk = [&](const Expr& e) {
        if (auto* r = std::get_if<Ref>(&e.node); r && r->var->global) named.insert(r->var);
        if (auto* s = std::get_if<Set>(&e.node); s && s->var->global) named.insert(s->var);
        if (auto* d = std::get_if<Define>(&e.node)) named.insert(d->var);
        for_each_child(e, walk);
    };
    for (const auto& e : prog_.body) walk(*e);
    named.insert(options_.session->value);
    std::string cells;
    for (const Var* v : named) {
        if (!v->defined) continue;  // a built-in
        std::string c_name = fmt::format("g{}_{}", v->id, mangle(v->name));
        globals_ += fmt::format("static esk_cell {};\n", c_name);
        cells += fmt::format("    {} = esk_repl_cell({});\n", c_name, c_string_literal(session_cell_key(v)));
    }
    options_.session->locs_used = static_cast<int>(locs_.size() - 1);
    return fmt::format("static void esk_repl_body(void)\n{{\n{}{}}}\n\n"
                       "int esk_repl_form(void)\n{{\n    esk_repl_locs(esk_program_locs, {}, {});\n{}{}    esk_init_constants();\n"
                       "    return esk_repl_run(esk_repl_body, &{});\n}}\n",
                       decls, body, options_.session->loc_base, locs_.size(), cells, start,
                       var_name(options_.session->value));
}

// A program that names eval (or environment, ...): every standard binding
// by name -- the built-ins as values, the library's procedures -- and the
// program's own globals for interaction-environment (runtime/esk_eval.c).
void Emitter::eval_table() {
    const Var* named = nullptr;
    for (const Var& v : prog_.vars)
        if (!named && v.global && !v.defined && v.primitive && needs_eval_table(v.name) && v.reads > 0) named = &v;
    if (!named) return;
    if (options_.session) {  // the Vars live on across a session's forms: is it named in this one?
        const Expr* use = nullptr;
        std::function<void(const Expr&)> walk = [&](const Expr& e) {
            if (auto* r = std::get_if<Ref>(&e.node); r && !use && r->var->global && !r->var->defined &&
                                                    needs_eval_table(r->var->name))
                use = &e;
            for_each_child(e, walk);
        };
        for (const auto& e : prog_.body) walk(*e);
        if (!use) return;
    }
    std::vector<std::string> rows;
    std::string cells;  // a session's: the library's cells, found when the form is loaded
    for (const Primitive* p : all_primitives())
        if (!p->name.starts_with("%"))
            rows.push_back(fmt::format("{{{}, &{}, 1}}", c_string_literal(p->name), primitive_value(*p)));
    for (const Var& v : prog_.vars) {
        if (!v.global || !v.defined || v.name.empty() || v.name.starts_with("%")) continue;
        bool standard = v.loc.known() ? sources_.file(v.loc.file).path.starts_with("stdlib/") : true;
        if (options_.session) {  // the session's own globals eval finds through esk_repl_global
            if (!standard) continue;
            cells += fmt::format("    esk_eval_bindings[{}].value = esk_repl_cell({});\n", rows.size(),
                                 c_string_literal(session_cell_key(&v)));
            rows.push_back(fmt::format("{{{}, NULL, 1}}", c_string_literal(v.name)));
            continue;
        }
        rows.push_back(fmt::format("{{{}, &{}, {}}}", c_string_literal(v.name), var_name(&v), standard ? 1 : 0));
    }
    file_statics_ += fmt::format("/* eval's bindings: name, value, standard (1) or the program's own (0) */\n"
                                 "static {}esk_eval_binding esk_eval_bindings[] = {{\n    {}\n}};\n",
                                 options_.session ? "" : "const ", fmt::join(rows, ",\n    "));
    constant_init_ += cells + fmt::format("    esk_eval_register(esk_eval_bindings, {});\n", rows.size());
}

// The name of a global's cell in a session: its Var's, which outlives forms.
std::string Emitter::session_cell_key(const Var* v) const { return fmt::format("{}#{}", v->name, v->id); }

// --header: the prototypes a C program needs to call the exports.
std::string Emitter::header_text(const std::string& prototypes) const {
    std::string source = prog_.body.empty() ? "" : sources_.file(prog_.body.front()->loc.file).path;
    return fmt::format(
        "/* Generated by eshkolc {} from {}: the C functions it exports. */\n"
        "#ifndef ESHKOL_EXPORTS_{}\n#define ESHKOL_EXPORTS_{}\n\n#include <stddef.h>\n#include <stdint.h>\n\n"
        "#ifdef __cplusplus\nextern \"C\" {{\n#endif\n\n"
        "/* Runs the program's top level once; call it before any export. */\n"
        "void eshkol_init(int argc, char **argv);\n"
        "/* An error nobody handles inside an export goes to handler (if set):\n"
        "   the export then returns 0, 0.0, NULL or nothing. Without one the\n"
        "   error is printed as usual and the process exits with status 1. */\n"
        "typedef void (*eshkol_error_handler)(const char *message, void *data);\n"
        "void eshkol_set_error_handler(eshkol_error_handler handler, void *data);\n\n{}\n"
        "#ifdef __cplusplus\n}}\n#endif\n\n#endif\n",
        compiler_version, comment_text(source), options_.header_guard, options_.header_guard, prototypes);
}

std::string Emitter::run() {
    CInterface ffi;
    ffi_ = &ffi;
    analyse_ownership();
    for (const Var& v : prog_.vars)
        if (v.global && v.defined && !options_.session)
            globals_ += fmt::format("ESK_STATIC esk_val {} = ESK_UNDEFINED;\n", var_name(&v));
    std::string program = program_function();
    eval_table();
    std::string locs = "static const esk_loc esk_program_locs[] = {\n    {\"\", 0, 0},\n";
    for (size_t i = 1; i < locs_.size(); ++i)
        locs += fmt::format("    {{{}, {}, {}}},\n", c_string_literal(sources_.file(locs_[i].file).path), locs_[i].line,
                            locs_[i].col);
    locs += "};\n";
    std::string source = prog_.body.empty() ? "" : sources_.file(prog_.body.front()->loc.file).path;
    std::string build = options_.external_runtime ? " $(pkg-config --cflags --libs eshkol-runtime)" : "";
    std::string out = fmt::format("/* Generated by eshkolc {} from {}: do not edit.\n   Build with: cc {}{} */\n\n",
                                  compiler_version, comment_text(source), comment_text(options_.output_name), build);
    // A Scheme procedure may recurse until a base case exits or raises: the C
    // compiler's "infinite recursion" guess says nothing about the program.
    out += "#if defined(__clang__)\n#pragma clang diagnostic ignored \"-Winfinite-recursion\"\n"
           "#elif defined(__GNUC__) && __GNUC__ >= 12\n#pragma GCC diagnostic ignored \"-Winfinite-recursion\"\n#endif\n\n";
    std::string program_text = "\n/* ---- program ---- */\n";
    if (!ffi.includes().empty()) program_text += fmt::format("/* ---- c-include ---- */\n{}\n", ffi.includes());
    program_text += fmt::format("/* ---- globals ---- */\n{}{}\n", globals_, ffi.statics());
    program_text += fmt::format("/* ---- procedures ---- */\n{}\n", prototypes_);
    program_text += fmt::format("/* ---- quoted constants, built at start-up ---- */\n{}\nstatic void esk_init_constants(void)\n{{\n{}}}\n\n",
                                file_statics_, constant_init_);
    program_text += reindent(functions_);
    if (!ffi.definitions().empty())
        program_text += fmt::format("/* ---- the C interface: callbacks and exports ---- */\n{}", ffi.definitions());
    if (options_.header) *options_.header = header_text(ffi.prototypes());
    program_text += fmt::format("/* ---- source locations for run-time errors ---- */\n{}\n{}", locs, reindent(program));
    program_text = with_gc_roots(program_text);
    check_names(program_text);
    // --runtime=external: the installed library holds the runtime, and its
    // header declares everything the program names.
    if (!options_.gc && !options_.external_runtime) out += "#define ESK_NO_GC 1 /* --no-gc: no collector */\n";
    out += options_.external_runtime ? "#include <eshkol.h>\n" : select_runtime(program_text, options_.gc);
    out += program_text;
    return out;
}

// The collector's precise roots: every file-scope esk_val the program
// declares (globals, quoted constants, primitive closures, the C
// interface's holders), registered when the program starts.
std::string Emitter::with_gc_roots(const std::string& program_text) const {
    const std::string anchor = "    esk_init_constants();\n";
    size_t at = program_text.find(anchor);
    if (at == std::string::npos) return program_text;
    std::string table, call;
    if (options_.gc) {
        std::vector<std::string> slots;
        for (size_t line = 0; line < program_text.size();) {
            size_t end = program_text.find('\n', line);
            if (end == std::string::npos) end = program_text.size();
            std::string_view text(program_text.data() + line, end - line);
            line = end + 1;
            for (std::string_view lead : {"static esk_val ", "ESK_STATIC esk_val "}) {
                if (!text.starts_with(lead) || !text.ends_with(";") || text.find_first_of("([") != std::string_view::npos)
                    continue;
                std::string_view name = text.substr(lead.size());
                name = name.substr(0, name.find_first_of(" ;"));
                slots.push_back(fmt::format("&{}", name));
            }
        }
        if (slots.empty()) return program_text;
        table = fmt::format("/* ---- the collector's roots: every global value ---- */\n"
                            "static esk_val *const esk_program_roots[] = {{\n    {}\n}};\n\n",
                            fmt::join(slots, ",\n    "));
        call = fmt::format("    esk_gc_add_roots(esk_program_roots, {});\n", slots.size());
    } else if (options_.external_runtime) {
        call = "    esk_gc_enabled = 0; /* --no-gc */\n";
    }
    std::string out = program_text;
    out.insert(at, call);
    size_t locs = out.find("/* ---- source locations for run-time errors ---- */");
    out.insert(locs == std::string::npos ? 0 : locs, table);
    return out;
}

// The C text read back (c_check.hpp): a name used but never declared is a
// bug here, reported at the Scheme variable or procedure it stands for.
void Emitter::check_names(const std::string& program_text) {
    for (const CNameProblem& p : check_c_names(program_text)) {
        Loc loc;
        std::string what;
        unsigned id = 0;
        if (std::sscanf(p.name.c_str() + 1, "%u", &id) == 1 && (p.name[0] == 'v' || p.name[0] == 'g')) {
            for (const Var& v : prog_.vars)
                if (v.id == id) loc = v.loc, what = fmt::format(" (the variable '{}')", v.name);
        } else if (id != 0 && p.name[0] == 'f') {
            for (auto& [l, plan] : low_.plans)
                if (l->id == id) loc = l->loc, what = fmt::format(" (the procedure '{}')", l->name.empty() ? "lambda" : l->name);
        }
        std::string where = p.function.empty() ? "at file scope" : fmt::format("in the C function {}", p.function);
        diags_.internal(loc, p.label ? fmt::format("the generated C jumps to a label '{}' it never defines {} "
                                                   "(a bug in eshkolc, please report it)", p.name, where)
                                     : fmt::format("the generated C uses '{}'{} {} without declaring it "
                                                   "(a bug in eshkolc, please report it)", p.name, what, where));
    }
}

// The emitter writes every statement four spaces in; this indents each
// line by its brace depth instead (labels one level out, #line at column
// 0), so nested ifs and loops read as C. Braces inside string and character
// literals and comments do not count.
std::string reindent(const std::string& code) {
    std::string out;
    out.reserve(code.size() + code.size() / 4);
    int depth = 0;
    bool in_comment = false;
    size_t start = 0, last_line_directive = std::string::npos;
    while (start < code.size()) {
        size_t end = code.find('\n', start);
        if (end == std::string::npos) end = code.size();
        std::string_view line(code.data() + start, end - start);
        start = end + 1;
        size_t first = line.find_first_not_of(" \t");
        if (line.starts_with("#line ") && last_line_directive != std::string::npos) {
            out.resize(last_line_directive);  // only the last of consecutive #lines counts
        }
        last_line_directive = line.starts_with("#line ") ? out.size() : std::string::npos;
        if (first == std::string_view::npos || line[first] == '#' || in_comment) {
            out.append(line);
        } else {
            std::string_view text = line.substr(first);
            int level = depth - (text[0] == '}' ? 1 : 0);
            bool label = text.back() == ':' && text.find(' ') == std::string_view::npos && text != "default:";
            if (label) level -= 1;
            out.append(static_cast<size_t>(std::max(level, 0)) * 4, ' ');
            out.append(text);
        }
        out += '\n';
        if (first == std::string_view::npos || line[first] == '#') continue;
        for (size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            if (in_comment) {
                if (c == '*' && i + 1 < line.size() && line[i + 1] == '/') in_comment = false, ++i;
            } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '*') {
                in_comment = true;
                ++i;
            } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
                break;
            } else if (c == '"' || c == '\'') {
                for (++i; i < line.size() && line[i] != c; ++i)
                    if (line[i] == '\\') ++i;
            } else if (c == '{') {
                ++depth;
            } else if (c == '}') {
                --depth;
            }
        }
    }
    if (!code.empty() && code.back() != '\n') out.pop_back();
    return out;
}

// After Scheme code, #line must point back at the C file itself.
std::string restore_c_lines(std::string text, const std::string& output_name, bool enabled) {
    if (!enabled) return text;
    std::string out;
    size_t c_line = 1;
    bool in_scheme = false;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view ln(text.data() + pos, (nl == std::string::npos ? text.size() : nl + 1) - pos);
        pos += ln.size();
        if (ln.starts_with("#line ")) {
            in_scheme = true;
        } else if (in_scheme && (ln.starts_with("}") || ln.starts_with("/* ----"))) {
            out += fmt::format("#line {} {}\n", c_line + 1, c_string_literal(output_name));
            ++c_line;
            in_scheme = false;
        }
        out += ln;
        ++c_line;
    }
    return out;
}

}  // namespace emit

std::string emit_c(const Program& program, const Lowering& lowering, const Escape& escape,
                   const Ownership& ownership, const Representation& representation, const SourceManager& sources,
                   const EmitOptions& options, Diagnostics& diags) {
    emit::Emitter emitter(program, lowering, escape, ownership, representation, sources, options, diags);
    return emit::restore_c_lines(emitter.run(), options.output_name, options.line_directives);
}

}  // namespace eshkol
