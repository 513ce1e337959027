// The C interface's forms (docs/ffi.md), rewritten into definitions and
// calls of four built-ins that compiler/emit_ffi.cpp open-codes:
//
//   (c-include "<string.h>")             => (%c-include "<string.h>")
//   (define-c-procedure f "cf" (T ...) R) => (define f (lambda (x ...)
//                                               (%c-call "cf" "R(T,...)" "f" x ...)))
//   (define-c-callback cb (T ...) R proc) => (define cb (%c-callback "R(T,...)" "cb" proc))
//   (define-c-export f "cf" (T ...) R)    => (%c-export "cf" "R(T,...)" "f" f), at the
//                                            end of the program, when f is defined
//
// So the rest of the compiler sees ordinary procedures, and a C function
// is called directly wherever the procedure is known. The types are
// checked here, with the form's location; their canonical text (the
// signature) is what the emitter and the run-time checks of callbacks read.
#include <cctype>

#include "expand.hpp"

namespace eshkol::expand {

namespace {

constexpr std::string_view scalar_types[] = {"int",    "long",  "unsigned", "size_t", "int64",      "uint64", "double",
                                             "float",  "bool",  "char",     "string", "bytevector", "pointer"};

enum class Place { argument, result, callback_argument, callback_result, export_argument, export_result };

}  // namespace

// The canonical text of a C interface type, or "" after an error.
std::string Expander::c_type(const Datum* t, int place) {
    Place where = static_cast<Place>(place);
    auto fail = [&](const std::string& what) {
        error(t, what);
        return std::string();
    };
    std::string written = write_datum(t);
    if (t->kind == DatumKind::symbol) {
        std::string_view n = t->text;
        if (n == "void") {
            if (where == Place::result || where == Place::callback_result || where == Place::export_result) return "void";
            return fail("void is only a result type");
        }
        bool known = false;
        for (std::string_view s : scalar_types) known |= n == s;
        if (!known)
            return fail(fmt::format("unknown C type '{}' (expected int long unsigned size_t int64 uint64 double float "
                                    "bool char string bytevector pointer void, (pointer NAME), (const pointer) or "
                                    "(function RESULT ARG ...))",
                                    written));
        if (n == "bytevector" && where != Place::argument)
            return fail("bytevector is only an argument type of define-c-procedure (C gets a pointer to its bytes)");
        if (n == "string" && where == Place::callback_result)
            return fail("a callback cannot return a string (C would not know when to free it)");
        return std::string(n);
    }
    if (t->is_proper_list() && t->items.size() == 2 && t->items[0]->is_symbol("pointer") &&
        t->items[1]->kind == DatumKind::symbol)
        return "pointer:" + t->items[1]->text;
    if (t->is_proper_list() && t->items.size() == 2 && t->items[0]->is_symbol("const")) {
        const Datum* inner = t->items[1];
        if (inner->is_symbol("pointer")) return "const-pointer";
        if (inner->is_proper_list() && inner->items.size() == 2 && inner->items[0]->is_symbol("pointer") &&
            inner->items[1]->kind == DatumKind::symbol)
            return "const-pointer:" + inner->items[1]->text;
        return fail(fmt::format("malformed C type '{}': const applies to pointer or (pointer NAME)", written));
    }
    if (t->is_proper_list() && t->items.size() >= 2 && t->items[0]->is_symbol("function")) {
        if (where != Place::argument)
            return fail("a function type is only an argument type of define-c-procedure (pass a define-c-callback)");
        std::string result = c_type(t->items[1], static_cast<int>(Place::callback_result));
        if (result.empty()) return "";
        std::string sig = result + "(";
        for (size_t i = 2; i < t->items.size(); ++i) {
            std::string a = c_type(t->items[i], static_cast<int>(Place::callback_argument));
            if (a.empty()) return "";
            sig += (i > 2 ? "," : "") + a;
        }
        return "fn:" + sig + ")";
    }
    return fail(fmt::format("malformed C type '{}'", written));
}

// "R(T,...)" from the argument list and result of a form, or "".
std::string Expander::c_signature(const Datum* form, const Datum* args, const Datum* result, int arg_place,
                                  int result_place) {
    if (!args->is_proper_list()) {
        error(args, fmt::format("malformed {}: expected a list of argument types", form_name(form)));
        return "";
    }
    std::string r = c_type(result, result_place);
    if (r.empty()) return "";
    std::string sig = r + "(";
    for (size_t i = 0; i < args->items.size(); ++i) {
        std::string a = c_type(args->items[i], arg_place);
        if (a.empty()) return "";
        sig += (i ? "," : "") + a;
    }
    return sig + ")";
}

// A C identifier, as a define-c-procedure or define-c-export names it.
static bool c_identifier(std::string_view s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

// The forms of (c-include ...), (define-c-procedure ...),
// (define-c-callback ...), (define-c-export ...) as a begin of what they
// mean; null after an error.
const Datum* Expander::c_interface(const Datum* d, bool top) {
    std::string_view head = form_keyword(d);
    Loc loc = d->loc;
    auto sym = [&](const std::string& s) { return core_id(s, loc); };
    auto list = [&](std::vector<Datum*> items) {
        Datum* x = prog_.constants.make(DatumKind::list, loc);
        x->items = std::move(items);
        return x;
    };
    auto text = [&](const std::string& s) {
        Datum* x = prog_.constants.make(DatumKind::string, loc);
        x->text = s;
        return x;
    };
    auto fail = [&](const Datum* at, const std::string& what) -> const Datum* {
        error(at, what);
        return nullptr;
    };
    if (!d->is_proper_list()) return fail(d, fmt::format("malformed {}: a dotted list", head));
    const auto& it = d->items;
    if (head == "c-include") {
        if (it.size() < 2) return fail(d, "malformed c-include: expected (c-include \"<header.h>\" ...)");
        std::vector<Datum*> out{sym("begin")};
        for (size_t i = 1; i < it.size(); ++i) {
            const Datum* h = it[i];
            if (h->kind != DatumKind::string || h->text.empty() || h->text.find_first_of("\n\"") != std::string::npos)
                return fail(h, "malformed c-include: expected a header name string such as \"<string.h>\" or \"mylib.h\"");
            std::string name = h->text.front() == '<' ? h->text : "\"" + h->text + "\"";
            if (name.front() == '<' && name.back() != '>') return fail(h, "malformed c-include: '<' without '>'");
            out.push_back(list({sym("%c-include"), text(name)}));
        }
        return list(std::move(out));
    }
    if (head == "define-c-procedure") {
        if (it.size() != 5 || it[1]->kind != DatumKind::symbol || it[2]->kind != DatumKind::string)
            return fail(d, "malformed define-c-procedure: expected (define-c-procedure name \"c_function\" (type ...) result)");
        if (!c_identifier(it[2]->text)) return fail(it[2], fmt::format("'{}' is not a C identifier", it[2]->text));
        std::string sig = c_signature(d, it[3], it[4], static_cast<int>(Place::argument), static_cast<int>(Place::result));
        if (sig.empty()) return nullptr;
        if (sig.starts_with("fn:")) return fail(it[4], "a C function cannot return a function pointer here");
        if (top) c_procedures_[it[1]->text] = {it[2]->text, sig, it[3]->items.size(), d, it[1]->loc};
        std::vector<Datum*> params;
        std::vector<Datum*> call{sym("%c-call"), text(it[2]->text), text(sig), text(it[1]->text)};
        for (size_t i = 0; i < it[3]->items.size(); ++i) {
            params.push_back(sym(fmt::format("%x{}", i + 1)));
            call.push_back(params.back());
        }
        return list({sym("begin"), list({sym("define"), const_cast<Datum*>(it[1]),
                                          list({sym("lambda"), list(params), list(std::move(call))})})});
    }
    if (head == "define-c-callback") {
        if (!top) return fail(d, "define-c-callback is only allowed at the top level of a program");
        if (it.size() != 5 || it[1]->kind != DatumKind::symbol)
            return fail(d, "malformed define-c-callback: expected (define-c-callback name (type ...) result procedure)");
        std::string sig = c_signature(d, it[2], it[3], static_cast<int>(Place::callback_argument),
                                      static_cast<int>(Place::callback_result));
        if (sig.empty()) return nullptr;
        return list({sym("begin"), list({sym("define"), const_cast<Datum*>(it[1]),
                                          list({sym("%c-callback"), text(sig), text(it[1]->text),
                                                const_cast<Datum*>(it[4])})})});
    }
    // define-c-export
    if (!top) return fail(d, "define-c-export is only allowed at the top level of a program");
    if (it.size() != 5 || it[1]->kind != DatumKind::symbol || it[2]->kind != DatumKind::string)
        return fail(d, "malformed define-c-export: expected (define-c-export procedure \"c_name\" (type ...) result)");
    if (!c_identifier(it[2]->text)) return fail(it[2], fmt::format("'{}' is not a C identifier", it[2]->text));
    if (!c_export_names_.insert(it[2]->text).second)
        return fail(it[2], fmt::format("'{}' is exported twice", it[2]->text));
    std::string sig = c_signature(d, it[3], it[4], static_cast<int>(Place::export_argument),
                                  static_cast<int>(Place::export_result));
    if (sig.empty()) return nullptr;
    if (sig.find("fn:") != std::string::npos) return fail(d, "an export cannot take or return a function pointer");
    // the procedure may be defined after the export: the export's run-time
    // form goes to the end of the program (Expander::program)
    c_exports_.push_back(
        list({sym("%c-export"), text(it[2]->text), text(sig), text(it[1]->text), const_cast<Datum*>(it[1])}));
    return list({sym("begin")});
}

// A call of a top-level define-c-procedure with the right number of
// arguments calls the C function in place, with the call's location for
// its errors; null when (f arg ...) is not one.
ExprPtr Expander::c_call(const Datum* d, const Expr& fn, std::vector<ExprPtr>& args) {
    auto* r = std::get_if<Ref>(&fn.node);
    if (!r || !r->var->global) return nullptr;
    auto it = c_procedures_.find(r->var->name);
    // the very variable the define-c-procedure bound (a library's private
    // definition of the same name is another variable)
    if (it == c_procedures_.end() || it->second.arity != args.size()) return nullptr;
    const Loc& at = it->second.name_loc;
    if (r->var->loc.file != at.file || r->var->loc.line != at.line || r->var->loc.col != at.col) return nullptr;
    for (auto& a : args)
        if (!a) return nullptr;
    c_called_.insert(r->var);
    std::vector<ExprPtr> all;
    all.push_back(string_constant(d->loc, it->second.c_name));
    all.push_back(string_constant(d->loc, it->second.signature));
    all.push_back(string_constant(d->loc, r->var->name));
    for (auto& a : args) all.push_back(std::move(a));
    return builtin_call(d->loc, "%c-call", std::move(all));
}

// Calls were open-coded on the promise that the name keeps its C function.
void Expander::check_c_procedures() {
    for (const Var* v : c_called_)
        if (v->assigned)
            diags_.error(c_procedures_[v->name].form->loc,
                         fmt::format("'{}' is defined by define-c-procedure and must not be assigned or redefined",
                                     v->name));
}

}  // namespace eshkol::expand
