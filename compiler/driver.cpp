// The driver: parses the command line and runs the passes in order, stopping
// after the first pass that reports errors.
#include "driver.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>

#include "escape.hpp"
#include "library.hpp"
#include "lower.hpp"
#include "ownership.hpp"
#include "represent.hpp"
#include "passes.hpp"
#include "vm/vm.hpp"

namespace eshkol {

namespace {

constexpr const char* version_text = "eshkolc 0.1.0\n";

constexpr const char* help_text = R"(usage: eshkolc [options] INPUT [-o OUTPUT]

Compiles the Scheme program INPUT to one self-contained C file:
    eshkolc prog.scm -o prog.c && cc prog.c -o prog && ./prog
or, with --runtime=external, to C that uses the installed runtime library:
    cc prog.c $(pkg-config --cflags --libs eshkol-runtime) -o prog

options:
  -o FILE                output C file ('-' for stdout; default: INPUT with .c)
  -I DIR                 where import looks for the program's own libraries,
                         after the importing file's folder: (import (a b))
                         reads DIR/a/b.sld or DIR/a/b.scm (repeatable, in order)
  --run [ARGS...]        compile the C with $CC (default cc) and run it with ARGS
  --dump=PASS            print the program after PASS (read, expand, ownership,
                         escape; with --target=vm: read, bytecode) and stop
  --dump-escape          print each allocation site as FILE:LINE:COL KIND
                         CLASS TIER (escape analysis) and stop; a call given
                         a region of its own shows as KIND inferred-region
  --no-main              emit no main: the C has eshkol_init(argc, argv), which
                         runs the program's top level, and its define-c-export
                         functions, for a C program to link with
  --header FILE          also write FILE, a C header declaring eshkol_init,
                         eshkol_set_error_handler and the exports
  --no-line-directives   omit #line directives from the C
  --no-gc                no collector for the root region: what is allocated
                         outside every region lives until exit (the C has
                         none of the collector; see docs/memory.md)
  --no-region-inference  give no call a region the program text does not
                         write (see docs/memory.md, "Region inference")
  -MD                    also write a make-style depfile listing every file
                         read (INPUT, what it includes and the library files
                         it imports); its name is OUTPUT with .d, or the one
                         -MF gives
  -MF FILE               with -MD: the depfile's name
  --runtime=embed        paste the parts of the runtime the program uses into
                         the C, so that it needs no flags to build (the default;
                         --runtime=embedded is the same)
  --runtime=external     #include <eshkol.h> instead, and link with the
                         installed library: pkg-config --cflags --libs
                         eshkol-runtime (--run does)
  --target=c             native C (the default)
  --target=vm            INPUT is in the word-level Lisp of the 64K-word
                         machine; the C holds its bytecode and a simulator
  --stats                with --target=vm: print 'Bytecode: N words' to stderr
  --repl                 an interactive session instead (-I DIR and
                         --no-region-inference apply): each form is compiled
                         and run at once; ,help lists its commands
  --version              print the version and exit
  --help                 print this help and exit

exit status: 0 success, 1 the program has errors, 2 bad usage, 3 internal error
)";

struct CommandLine {
    std::string input;
    std::string output;
    bool run = false;
    bool vm = false;     // --target=vm
    bool stats = false;  // --stats
    bool depfile = false;       // -MD
    std::string depfile_name;   // -MF
    std::string header;         // --header
    std::vector<std::string> run_args;
    CompileOptions options;
};

// Parses argv; returns an error message for bad usage, "" when fine.
std::string parse_command_line(const std::vector<std::string>& args, CommandLine& cl, bool& done,
                               std::ostream& out) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") { out << help_text; done = true; return ""; }
        if (a == "--version") { out << version_text; done = true; return ""; }
        if (a == "-o") {
            if (i + 1 >= args.size()) return "-o needs a file name";
            cl.output = args[++i];
        } else if (a == "-I" || (a.starts_with("-I") && a.size() > 2)) {
            if (a == "-I" && i + 1 >= args.size()) return "-I needs a folder name";
            cl.options.search_path.push_back(a == "-I" ? args[++i] : a.substr(2));
        } else if (a == "--run") {
            cl.run = true;
            if (cl.input.empty() && i + 1 < args.size()) cl.input = args[++i];
            cl.run_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        } else if (a.starts_with("--dump=")) {
            cl.options.dump_after = a.substr(7);
            if (cl.options.dump_after != "read" && cl.options.dump_after != "expand" &&
                cl.options.dump_after != "ownership" && cl.options.dump_after != "escape" &&
                cl.options.dump_after != "bytecode")
                return fmt::format("--dump: unknown pass '{}' (available: read, expand, ownership, escape, bytecode)",
                                   cl.options.dump_after);
        } else if (a == "--dump-escape") {
            cl.options.dump_after = "escape";
        } else if (a == "--no-main") {
            cl.options.no_main = true;
        } else if (a == "--header") {
            if (i + 1 >= args.size()) return "--header needs a file name";
            cl.header = args[++i];
        } else if (a == "--no-line-directives") {
            cl.options.line_directives = false;
        } else if (a == "--no-gc") {
            cl.options.gc = false;
        } else if (a == "--no-region-inference") {
            cl.options.region_inference = false;
        } else if (a == "--runtime=embed" || a == "--runtime=embedded" || a == "--runtime=external") {
            cl.options.external_runtime = a == "--runtime=external";
        } else if (a.starts_with("--runtime=")) {
            return fmt::format("{}: unknown runtime mode (available: embed, external)", a);
        } else if (a == "--target=c" || a == "--target=vm") {
            cl.vm = a == "--target=vm";
        } else if (a.starts_with("--target=")) {
            return fmt::format("{}: unknown target (available: c, vm)", a);
        } else if (a == "--stats") {
            cl.stats = true;
        } else if (a == "-MD") {
            cl.depfile = true;
        } else if (a == "-MF") {
            if (i + 1 >= args.size()) return "-MF needs a file name";
            cl.depfile_name = args[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            return fmt::format("unknown option '{}' (see eshkolc --help)", a);
        } else if (!cl.input.empty()) {
            return fmt::format("more than one input file ('{}' and '{}')", cl.input, a);
        } else {
            cl.input = a;
        }
    }
    if (!done && cl.input.empty()) return "no input file (see eshkolc --help)";
    if (!cl.depfile_name.empty() && !cl.depfile) return "-MF needs -MD";
    if (cl.vm && (cl.options.no_main || !cl.header.empty()))
        return fmt::format("{}: not available with --target=vm", cl.options.no_main ? "--no-main" : "--header");
    if (!cl.vm && (cl.stats || cl.options.dump_after == "bytecode"))
        return fmt::format("{} needs --target=vm", cl.stats ? "--stats" : "--dump=bytecode");
    if (cl.vm && cl.options.external_runtime)
        return "--runtime=external: not available with --target=vm (its simulator is always embedded)";
    if (cl.vm && (cl.options.dump_after == "expand" || cl.options.dump_after == "ownership" ||
                  cl.options.dump_after == "escape"))
        return fmt::format("--dump={}: not available with --target=vm", cl.options.dump_after);
    return "";
}

std::string default_output(const std::string& input) {
    std::filesystem::path p(input);
    if (p.extension() == ".scm" || p.extension() == ".ss" || p.extension() == ".lisp") p.replace_extension(".c");
    else p += ".c";
    return p.string();
}

std::string dump_datums(const std::vector<Datum*>& data) {
    std::string out;
    for (const Datum* d : data) out += write_datum(d) + "\n";
    return out;
}

void run_on_large_stack(const std::function<void()>& fn);

// A file name as make and ninja read it in a depfile.
std::string depfile_escape(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (c == ' ' || c == '#') out += '\\';
        if (c == '$') out += '$';
        out += c;
    }
    return out;
}

// -MD: "OUTPUT: INPUT INCLUDED ..." naming every file read from disk.
bool write_depfile(const CommandLine& cl, const SourceManager& sources, std::ostream& err) {
    std::string target = cl.output == "-" ? default_output(cl.input) : cl.output;
    std::string name = cl.depfile_name;
    if (name.empty()) name = std::filesystem::path(target).replace_extension(".d").string();
    std::string text = depfile_escape(target) + ":";
    std::vector<std::string> seen;
    for (size_t id = 0; id < sources.size(); ++id) {
        const SourceFile& f = sources.file(static_cast<uint32_t>(id));
        if (!f.from_disk || std::find(seen.begin(), seen.end(), f.path) != seen.end()) continue;
        seen.push_back(f.path);
        text += " " + depfile_escape(f.path);
    }
    std::ofstream file(name, std::ios::binary);
    file << text << "\n";
    file.close();
    if (file) return true;
    err << fmt::format("eshkolc: error: cannot write '{}'\n", name);
    return false;
}

// --target=vm: the VM backend (compiler/vm), which also answers --stats.
std::optional<std::string> compile_vm(SourceManager& sources, uint32_t file_id, const CommandLine& cl,
                                      Diagnostics& diags, std::ostream& err) {
    std::optional<vm::Output> out;
    std::exception_ptr failure;
    run_on_large_stack([&] {
        try {
            out = vm::compile(sources, file_id, {cl.options.dump_after}, diags);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    if (failure) std::rethrow_exception(failure);
    if (!out) return std::nullopt;
    if (cl.stats) err << fmt::format("Bytecode: {} words\n", out->code_words);
    return std::move(out->text);
}

// Compiles a C file with $CC and runs the result; returns its exit status.
int build_and_run(const std::string& c_text, const CommandLine& cl, std::ostream& err) {
    char dir_template[] = "/tmp/eshkolc-run-XXXXXX";
    if (!mkdtemp(dir_template)) {
        err << "eshkolc: error: cannot create a temporary directory\n";
        return exit_usage;
    }
    std::filesystem::path dir(dir_template);
    std::ofstream(dir / "prog.c") << c_text;
    const char* cc = std::getenv("CC");
    // external: the installed runtime, as its pkg-config file says to link it
    std::string libs = cl.options.external_runtime ? " $(pkg-config --cflags --libs eshkol-runtime)" : "";
    std::string cmd = fmt::format("{} -O2 -o '{}' '{}'{}", cc && *cc ? cc : "cc", (dir / "prog").string(),
                                  (dir / "prog.c").string(), libs);
    int status = std::system(cmd.c_str());
    if (status != 0) {
        err << "eshkolc: error: the C compiler failed: " << cmd << "\n";
        std::filesystem::remove_all(dir);
        return exit_internal;
    }
    std::vector<std::string> argv_storage{(dir / "prog").string()};
    argv_storage.insert(argv_storage.end(), cl.run_args.begin(), cl.run_args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    std::filesystem::remove_all(dir);
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
}

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommandLine cl;
    bool done = false;
    std::string usage = parse_command_line(args, cl, done, out);
    if (!usage.empty()) {
        err << "eshkolc: error: " << usage << "\n";
        return exit_usage;
    }
    if (done) return exit_ok;
    SourceManager sources;
    uint32_t file_id = 0;
    std::string why;
    if (!sources.load(cl.input, file_id, why)) {
        err << fmt::format("eshkolc: error: cannot read '{}': {}\n", cl.input, why);
        return exit_usage;
    }
    if (cl.output.empty()) cl.output = default_output(cl.input);
    Diagnostics diags;
    CompileOptions options = cl.options;
    options.output_name = cl.output == "-" ? default_output(std::filesystem::path(cl.input).filename().string())
                                           : std::filesystem::path(cl.output).filename().string();
    std::string header;
    if (!cl.header.empty()) {
        options.header = &header;
        for (char c : std::filesystem::path(cl.header).filename().string())
            options.header_guard += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
    }
    std::optional<std::string> result = cl.vm ? compile_vm(sources, file_id, cl, diags, err)
                                              : compile_file(sources, file_id, options, diags);
    err << diags.render(sources);
    if (!result) return diags.has_internal() ? exit_internal : exit_program_error;
    if (cl.depfile && !write_depfile(cl, sources, err)) return exit_usage;
    if (!cl.header.empty() && cl.options.dump_after.empty()) {
        std::ofstream file(cl.header, std::ios::binary);
        file << header;
        file.close();
        if (!file) {
            err << fmt::format("eshkolc: error: cannot write '{}'\n", cl.header);
            return exit_usage;
        }
    }
    if (!cl.options.dump_after.empty() || cl.output == "-") {
        out << *result;
        return exit_ok;
    }
    if (cl.run) return build_and_run(*result, cl, err);
    std::ofstream file(cl.output, std::ios::binary);
    file << *result;
    file.close();
    if (!file) {
        err << fmt::format("eshkolc: error: cannot write '{}'\n", cl.output);
        return exit_usage;
    }
    return exit_ok;
}

// Passes recurse over the program's nesting (up to max_datum_depth levels),
// so they run on a thread with a generous stack (reserved, not committed)
// rather than the default 8 MB.
void run_on_large_stack(const std::function<void()>& fn) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size_t{1} << 30);
    pthread_t thread;
    auto trampoline = [](void* p) -> void* {
        (*static_cast<const std::function<void()>*>(p))();
        return nullptr;
    };
    if (pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&fn)) != 0) {
        fn();  // could not make a thread: run here
    } else {
        pthread_join(thread, nullptr);
    }
    pthread_attr_destroy(&attr);
}

}  // namespace

namespace {

std::optional<std::string> run_passes(SourceManager& sources, uint32_t file_id, const CompileOptions& options,
                                      Diagnostics& diags) {
    DatumPool pool;
    std::vector<Datum*> data = read_file(sources, file_id, pool, diags);
    if (diags.has_errors()) return std::nullopt;
    if (options.dump_after == "read") return dump_datums(data);
    Library library = load_library(sources, pool, diags);
    if (diags.has_errors()) return std::nullopt;
    Program program = expand_program(data, library, sources, diags, options.search_path);
    if (diags.has_errors()) return std::nullopt;
    resolve_program(program, diags);
    if (diags.has_errors()) return std::nullopt;
    if (options.dump_after == "expand") return dump_ast(program);
    Ownership ownership = check_ownership(program, diags);
    if (diags.has_errors()) return std::nullopt;
    if (options.dump_after == "ownership") return dump_ownership(program, ownership);
    if (options.region_inference) infer_regions(program, ownership);
    Lowering lowering = lower_program(program);
    Escape escape = analyze_escape(program, lowering);
    if (options.dump_after == "escape") return dump_escape(escape, sources, library.files);
    EmitOptions emit{options.line_directives, options.output_name, options.no_main, options.header,
                     options.header_guard, options.external_runtime, options.gc};
    Representation representation = represent_program(program, lowering);
    std::string c = emit_c(program, lowering, escape, ownership, representation, sources, emit, diags);
    if (diags.has_errors()) return std::nullopt;
    return c;
}

}  // namespace

std::optional<std::string> compile_file(SourceManager& sources, uint32_t file_id, const CompileOptions& options,
                                        Diagnostics& diags) {
    std::optional<std::string> result;
    std::exception_ptr failure;
    run_on_large_stack([&] {
        try {
            result = run_passes(sources, file_id, options, diags);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    if (failure) std::rethrow_exception(failure);
    return result;
}

int run_eshkolc(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        return run_command_line(args, out, err);
    } catch (const std::exception& e) {
        err << "eshkolc: internal error: " << e.what() << "\n";
    } catch (...) {
        err << "eshkolc: internal error: unknown exception\n";
    }
    return exit_internal;
}

}  // namespace eshkol
