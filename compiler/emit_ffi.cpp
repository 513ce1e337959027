// C emission of the C interface (emit_ffi.hpp): conversions between Scheme
// values and C types on the way in and out of C functions, callbacks and
// exports. Every conversion into C is checked by the runtime (esk_ffi.c).
#include "emit_ffi.hpp"

#include <fmt/format.h>

namespace eshkol::emit {

namespace {

// The text of a string constant argument (what the expander wrote).
const std::string& text_arg(const Call& n, size_t i) {
    auto* k = std::get_if<Const>(&n.args[i]->node);
    if (!k || !k->datum || k->datum->kind != DatumKind::string)
        throw std::logic_error("the C interface's internal call has no string constant where it needs one");
    return k->datum->text;
}

// Splits "a,b,fn:r(c,d)" at its top-level commas.
std::vector<std::string> split_types(std::string_view s) {
    std::vector<std::string> out;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') ++depth;
        if (s[i] == ')') --depth;
        if (s[i] == ',' && depth == 0) {
            out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    if (start < s.size()) out.emplace_back(s.substr(start));
    return out;
}

std::string tag_of(std::string_view type) {  // (pointer NAME): "NAME"; else ""
    size_t colon = type.find(':');
    return colon == std::string_view::npos ? "" : std::string(type.substr(colon + 1));
}

bool is_pointer(std::string_view t) { return t.starts_with("pointer") || t.starts_with("const-pointer"); }

// C declarator: the type T of a value named name ("int x", "int (*x)(void)").
std::string declarator(std::string_view type, const std::string& name) {
    if (type.starts_with("fn:")) {
        CSignature s = parse_signature(type.substr(3));
        std::vector<std::string> args;
        for (auto& a : s.args) args.push_back(declarator(a, ""));
        std::string params = args.empty() ? "void" : fmt::format("{}", fmt::join(args, ", "));
        return fmt::format("{} (*{})({})", declarator(s.result, ""), name, params);
    }
    std::string c;
    if (type == "int") c = "int";
    else if (type == "long") c = "long";
    else if (type == "unsigned") c = "unsigned int";
    else if (type == "size_t") c = "size_t";
    else if (type == "int64") c = "int64_t";
    else if (type == "uint64") c = "uint64_t";
    else if (type == "double") c = "double";
    else if (type == "float") c = "float";
    else if (type == "bool") c = "_Bool";
    else if (type == "char") c = "char";
    else if (type == "string") c = "const char *";
    else if (type == "bytevector") c = "uint8_t *";
    else if (type == "void") c = "void";
    else if (type.starts_with("const-pointer")) c = "const void *";
    else if (type.starts_with("pointer")) c = "void *";
    else throw std::logic_error(fmt::format("unknown C interface type '{}'", type));
    if (name.empty()) return c;
    return c.back() == '*' ? c + name : c + " " + name;
}

// A Scheme value (C expression v) as the C type, checked.
std::string to_c(std::string_view type, const std::string& v, int loc, const std::string& who) {
    std::string w = c_string_literal(who);
    if (type == "int") return fmt::format("(int)esk_ffi_integer({}, {}, \"int\", {}, INT_MIN, INT_MAX)", loc, w, v);
    if (type == "long") return fmt::format("(long)esk_ffi_integer({}, {}, \"long\", {}, LONG_MIN, LONG_MAX)", loc, w, v);
    if (type == "int64")
        return fmt::format("(int64_t)esk_ffi_integer({}, {}, \"int64\", {}, INT64_MIN, INT64_MAX)", loc, w, v);
    if (type == "unsigned")
        return fmt::format("(unsigned int)esk_ffi_unsigned({}, {}, \"unsigned\", {}, UINT_MAX)", loc, w, v);
    if (type == "size_t") return fmt::format("(size_t)esk_ffi_unsigned({}, {}, \"size_t\", {}, SIZE_MAX)", loc, w, v);
    if (type == "uint64")
        return fmt::format("(uint64_t)esk_ffi_unsigned({}, {}, \"uint64\", {}, UINT64_MAX)", loc, w, v);
    if (type == "double") return fmt::format("esk_ffi_double({}, {}, {})", loc, w, v);
    if (type == "float") return fmt::format("(float)esk_ffi_double({}, {}, {})", loc, w, v);
    if (type == "bool") return fmt::format("({} != ESK_FALSE)", v);
    if (type == "char") return fmt::format("esk_ffi_char({}, {}, {})", loc, w, v);
    if (type == "string") return fmt::format("esk_ffi_string({}, {}, {})", loc, w, v);
    if (type == "bytevector") return fmt::format("esk_ffi_bytes({}, {}, {})", loc, w, v);
    if (type.starts_with("fn:"))
        return fmt::format("({})esk_ffi_function_arg({}, {}, {}, {})", declarator(type, ""), loc, w, v,
                           c_string_literal(type.substr(3)));
    if (is_pointer(type)) {
        std::string tag = tag_of(type);
        std::string p = fmt::format("esk_ffi_pointer_arg({}, {}, {}, {})", loc, w, v,
                                    tag.empty() ? "NULL" : c_string_literal(tag));
        return type.starts_with("const") ? "(const void *)" + p : p;
    }
    throw std::logic_error(fmt::format("no conversion to the C type '{}'", type));
}

// A C value (expression c) of the type as a Scheme value.
std::string from_c(std::string_view type, const std::string& c) {
    if (type == "int" || type == "long" || type == "int64") return fmt::format("esk_ffi_from_integer((long long)({}))", c);
    if (type == "unsigned" || type == "size_t" || type == "uint64")
        return fmt::format("esk_ffi_from_unsigned((unsigned long long)({}))", c);
    if (type == "double" || type == "float") return fmt::format("esk_make_flonum((double)({}))", c);
    if (type == "bool") return fmt::format("ESK_BOOL({})", c);
    if (type == "char") return fmt::format("ESK_CHAR((unsigned char)({}))", c);
    if (type == "string") return fmt::format("esk_ffi_from_string((const char *)({}))", c);  // unsigned char * too
    if (is_pointer(type)) {
        std::string tag = tag_of(type);
        return fmt::format("esk_ffi_pointer((void *)({}), {})", c, tag.empty() ? "NULL" : c_string_literal(tag));
    }
    throw std::logic_error(fmt::format("no conversion from the C type '{}'", type));
}

// What a C function of the type returns after an error the C side handled.
std::string zero_of(std::string_view type) {
    if (type == "void") return "";
    if (type == "string" || is_pointer(type)) return " NULL";
    return " 0";
}

}  // namespace

CSignature parse_signature(std::string_view sig) {
    size_t open = sig.find('(');
    if (open == std::string_view::npos || sig.back() != ')')
        throw std::logic_error(fmt::format("malformed C interface signature '{}'", sig));
    CSignature s;
    s.result = std::string(sig.substr(0, open));
    s.args = split_types(sig.substr(open + 1, sig.size() - open - 2));
    return s;
}

// (%c-include "<string.h>"): once per header, in the order of first use.
Code CInterface::include(const Call& n) {
    const std::string& header = text_arg(n, 0);
    bool seen = false;
    for (const std::string& h : included_) seen |= h == header;
    if (!seen) {
        included_.push_back(header);
        includes_ += "#include " + header + "\n";
    }
    return {"", "ESK_UNSPECIFIED"};
}

// (%c-call "cf" "sig" "name" arg ...): converts each argument, calls cf,
// converts the result. String arguments are copies freed after the call.
Code CInterface::call(const Call& n, const std::vector<Code>& args, int loc, const Declare& declare) {
    const std::string& c_name = text_arg(n, 0);
    CSignature sig = parse_signature(text_arg(n, 1));
    const std::string& who = text_arg(n, 2);
    std::string stmts;
    for (auto& a : args) stmts += a.stmts;
    bool copies = false;
    std::vector<std::string> converted;
    for (size_t i = 0; i < sig.args.size(); ++i) {
        copies |= sig.args[i] == "string";
        converted.push_back(to_c(sig.args[i], args[i + 3].value, loc, who));
    }
    std::string c_call = fmt::format("{}({})", c_name, fmt::join(converted, ", "));
    std::string mark;
    if (copies) {
        mark = declare("size_t", "copies");
        stmts += fmt::format("    {} = esk_ffi_mark();\n", mark);
    }
    std::string value;
    if (sig.result == "void") {
        stmts += fmt::format("    {};\n", c_call);
        value = "ESK_UNSPECIFIED";
    } else if (copies) {
        value = declare("esk_val", "c");
        stmts += fmt::format("    {} = {};\n", value, from_c(sig.result, c_call));
    } else {
        value = from_c(sig.result, c_call);
    }
    if (copies) stmts += fmt::format("    esk_ffi_release({});\n", mark);
    return {stmts, value, false};
}

// (%c-callback "sig" "name" proc): a C function with the signature that
// calls proc; the value is a pointer to it. proc is kept in a file-level
// variable (define-c-callback is a top-level form: it runs once).
Code CInterface::callback(const Call& n, const std::vector<Code>& args, int loc) {
    std::string signature = text_arg(n, 0);
    CSignature sig = parse_signature(signature);
    const std::string& who = text_arg(n, 1);
    int id = ++next_;
    std::string holder = fmt::format("esk_callback_proc_{}", id);
    std::string fn = fmt::format("esk_callback_{}", id);
    statics_ += fmt::format("static esk_val {} = ESK_UNDEFINED;\n", holder);
    std::vector<std::string> params, lines, types;
    for (size_t i = 0; i < sig.args.size(); ++i) {
        types.push_back(declarator(sig.args[i], ""));
        params.push_back(declarator(sig.args[i], fmt::format("arg{}", i + 1)));
        lines.push_back(fmt::format("    argv[{}] = {};\n", i, from_c(sig.args[i], fmt::format("arg{}", i + 1))));
    }
    std::string argv = sig.args.empty() ? "NULL" : "argv";
    std::string body = sig.args.empty() ? "" : fmt::format("    esk_val argv[{}];\n", sig.args.size());
    for (auto& l : lines) body += l;
    std::string call = fmt::format("esk_ffi_call({}, {}, {}, {})", loc, holder, sig.args.size(), argv);
    if (sig.result == "void") body += fmt::format("    (void){};\n", call);
    else body += fmt::format("    return {};\n", to_c(sig.result, call, loc, who));
    std::string params_text = params.empty() ? "void" : fmt::format("{}", fmt::join(params, ", "));
    std::string head = fmt::format("static {}({})", declarator(sig.result, fn), params_text);
    statics_ += fmt::format("static {}({});\n", declarator(sig.result, fn),
                            types.empty() ? "void" : fmt::format("{}", fmt::join(types, ", ")));
    definitions_ += fmt::format("/* define-c-callback {} */\n{}\n{{\n{}}}\n\n", comment_text(who), head, body);
    std::string stmts = args[2].stmts + fmt::format("    {} = {};\n", holder, args[2].value);
    return {stmts, fmt::format("esk_ffi_function_pointer((esk_ffi_fn){}, {})", fn, c_string_literal(signature)), false};
}

// (%c-export "cf" "sig" "name" proc): a C function cf that converts its
// arguments, calls proc and converts the result; an error nobody handles
// inside goes to the C side's handler when it set one.
Code CInterface::export_function(const Call& n, const std::vector<Code>& args, int loc) {
    const std::string& c_name = text_arg(n, 0);
    CSignature sig = parse_signature(text_arg(n, 1));
    const std::string& who = text_arg(n, 2);
    int id = ++next_;
    std::string holder = fmt::format("esk_export_proc_{}", id);
    std::string body_fn = fmt::format("esk_export_{}", id);
    statics_ += fmt::format("static esk_val {} = ESK_UNDEFINED;\n", holder);
    std::string result_type = sig.result == "string" ? "char *" : declarator(sig.result, "");
    auto with_name = [&](const std::string& name) {
        return result_type.back() == '*' ? result_type + name : result_type + " " + name;
    };
    std::vector<std::string> params, names;
    for (size_t i = 0; i < sig.args.size(); ++i) {
        params.push_back(declarator(sig.args[i], fmt::format("arg{}", i + 1)));
        names.push_back(fmt::format("arg{}", i + 1));
    }
    std::string params_text = params.empty() ? "void" : fmt::format("{}", fmt::join(params, ", "));
    std::string inner_params = "esk_ffi_frame *frame" + (params.empty() ? "" : ", " + fmt::format("{}", fmt::join(params, ", ")));
    std::string body = sig.args.empty() ? "" : fmt::format("    esk_val argv[{}];\n", sig.args.size());
    body += "    esk_val r;\n";
    if (sig.result != "void") body += fmt::format("    {};\n", with_name("out"));
    for (size_t i = 0; i < sig.args.size(); ++i)
        body += fmt::format("    argv[{}] = {};\n", i, from_c(sig.args[i], names[i]));
    body += fmt::format("    if ({} == ESK_UNDEFINED) esk_error({}, \"{} was called before eshkol_init\", ESK_UNSPECIFIED);\n",
                        holder, loc, c_name);
    body += fmt::format("    r = esk_ffi_call({}, {}, {}, {});\n", loc, holder, sig.args.size(), sig.args.empty() ? "NULL" : "argv");
    if (sig.result == "void") body += "    (void)r;\n";
    else if (sig.result == "string") body += fmt::format("    out = esk_ffi_string_copy({}, {}, r);\n", loc, c_string_literal(c_name));
    else body += fmt::format("    out = {};\n", to_c(sig.result, "r", loc, c_name));
    body += "    esk_ffi_leave(frame);\n";
    body += sig.result == "void" ? "" : "    return out;\n";
    std::string proto = fmt::format("{}({})", with_name(c_name), params_text);
    prototypes_ += proto + ";\n";
    std::string call_args = "&frame" + (names.empty() ? "" : ", " + fmt::format("{}", fmt::join(names, ", ")));
    definitions_ += fmt::format(
        "/* define-c-export {} */\nstatic {}({})\n{{\n{}}}\n\n{}\n{{\n    esk_ffi_frame frame;\n"
        "    if (setjmp(frame.jump)) return{};\n    esk_ffi_enter(&frame);\n    {}{}({});\n}}\n\n",
        comment_text(who), with_name(body_fn), inner_params, body, proto, zero_of(sig.result),
        sig.result == "void" ? "" : "return ", body_fn, call_args);
    std::string stmts = args[3].stmts + fmt::format("    {} = {};\n", holder, args[3].value);
    return {stmts, "ESK_UNSPECIFIED", false};
}

// The Emitter's side: the C interface's built-ins, with the statements of
// their arguments and the C function's temporaries.
Code Emitter::c_interface(const Expr& e, const Primitive& p, std::vector<Code>& args) {
    const Call& n = std::get<Call>(e.node);
    int loc = loc_id(e.loc);
    Code c;
    if (p.name == "%c-include") {
        c = ffi_->include(n);
    } else if (p.name == "%c-call") {
        c = ffi_->call(n, args, loc, [&](std::string_view type, std::string_view hint) {
            std::string name = fmt::format("t{}_{}", ++next_temp_, hint);
            if (fn_->declared.insert(name).second) fn_->decls += fmt::format("    {} {};\n", type, name);
            return name;
        });
    } else if (p.name == "%c-callback") {
        c = ffi_->callback(n, args, loc);
    } else {
        c = ffi_->export_function(n, args, loc);
    }
    c.stmts = line(e.loc) + c.stmts;
    return c;
}

}  // namespace eshkol::emit
