// cc.cpp: `cfree cc`, the gcc-compatible compiler driver.
//
// Parses gcc's command line into CfreeCompileOptions and a list of inputs,
// then runs each phase through the public API: -E (preprocess), -fsyntax-only,
// -S, -c, and linking.  Phases whose library support has not landed yet say
// so and exit non-zero; they never pretend to succeed.
#include "driver.h"
#include "cc_options.h"

#include <cfree/frontend.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace driver {

namespace {

const char* const kTool = "cc";


void print_help() {
  std::printf(
      "Usage: cfree cc [options] file...\n"
      "\n"
      "Phases:\n"
      "  -E                 preprocess only, to stdout or -o\n"
      "  -fsyntax-only      check syntax and semantics only\n"
      "  -S                 compile to GNU assembly (.s)\n"
      "  -c                 compile and assemble to an object (.o)\n"
      "  -emit-cg           print the code-generation calls (for tests), to stdout or -o\n"
      "  (none)             compile and link an executable (a.out)\n"
      "  -o FILE            write the output to FILE\n"
      "\n"
      "Preprocessor:\n"
      "  -D NAME[=VALUE] -U NAME -include FILE -imacros FILE\n"
      "  -I DIR -iquote DIR -isystem DIR -idirafter DIR -nostdinc --sysroot=DIR\n"
      "  -P -C -dM -dD -M -MM -MD -MMD -MF FILE -MT T -MQ T -MP -trigraphs\n"
      "\n"
      "Code generation:\n"
      "  -std=STD           c89 c99 c11 c17 gnu89 gnu99 gnu11 gnu17 (default gnu17)\n"
      "  -O0 -O1 -O2 -O3 -Os optimisation level (the optimizer is not built yet:\n"
      "                     every level currently produces -O0 code)\n"
      "  -g                 emit DWARF debug information\n"
      "  -fPIC -fPIE -fno-pic -fno-pie   position independence (PIE is the default)\n"
      "  --target=TRIPLE    x86_64-linux-gnu, aarch64-linux-gnu, riscv64-linux-gnu\n"
      "\n"
      "Diagnostics:\n"
      "  -w -Wall -Wextra -Werror -Werror=X -Wno-X -fmax-errors=N\n"
      "  -fcolor-diagnostics -fno-color-diagnostics\n"
      "\n"
      "Linking:\n"
      "  -L DIR -l LIB -static -shared -pie -no-pie -nostdlib -nostartfiles\n"
      "  -Wl,ARGS -Xlinker ARG -rdynamic -pthread\n");
}

CfreeLang lang_for_path(const std::string& p, bool* linker_input) {
  *linker_input = false;
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return p.size() >= n && p.compare(p.size() - n, n, s) == 0;
  };
  if (ends(".c") || ends(".i") || ends(".h")) return CFREE_LANG_C;
  if (ends(".s")) return CFREE_LANG_ASM;
  if (ends(".S") || ends(".sx")) return CFREE_LANG_ASM_CPP;
  if (ends(".toy")) return CFREE_LANG_TOY;
  *linker_input = true;
  return CFREE_LANG_C;
}

bool lang_from_x(const char* x, CfreeLang* out) {
  if (!std::strcmp(x, "c") || !std::strcmp(x, "cpp-output") || !std::strcmp(x, "c-header")) {
    *out = CFREE_LANG_C;
  } else if (!std::strcmp(x, "assembler")) {
    *out = CFREE_LANG_ASM;
  } else if (!std::strcmp(x, "assembler-with-cpp")) {
    *out = CFREE_LANG_ASM_CPP;
  } else if (!std::strcmp(x, "toy")) {
    *out = CFREE_LANG_TOY;
  } else {
    return false;
  }
  return true;
}

// -f flags accepted and handed to the frontend, or accepted as no-ops because
// they only tune GCC's own optimizer or output.
bool is_known_f_flag(const char* f) {
  static const char* const kPrefixes[] = {
      "no-", "wrapv", "gnu89-inline", "signed-char", "unsigned-char", "short-enums",
      "common", "strict-aliasing", "builtin", "inline", "omit-frame-pointer", "stack-protector",
      "exceptions", "asynchronous-unwind-tables", "unwind-tables", "ident", "trapv",
      "instrument-functions", "dollars-in-identifiers", "ms-extensions", "asm", "freestanding",
      "hosted", "visibility", "data-sections", "function-sections", "stack-clash-protection",
      "cf-protection", "plt", "merge-constants", "math-errno", "fast-math", "diagnostics-",
      "message-length", "max-errors", "strict-overflow", "delete-null-pointer-checks",
      "semantic-interposition", "debug-prefix-map", "file-prefix-map", "macro-prefix-map",
      "optimize-sibling-calls", "tree-", "align-", "unroll-", "lto", "sanitize", "PIC", "PIE",
      "pic", "pie", "extended-identifiers", "preprocessed", "working-directory",
      "show-column", "caret-diagnostics", "allow-", "permissive", "keep-", "zero-initialized",
      "trivial-auto-var-init", "var-tracking", "record-gcc-switches", "verbose-asm",
      "pack-struct", "leading-underscore", "syntax-only", "color-diagnostics", "strict-flex-arrays",
      "single-precision-constant", "float-store", "excess-precision", "rounding-math",
      "signaling-nans", "trapping-math", "finite-math-only", "gnu-keywords", "threadsafe-statics",
      "split-stack", "stack-check", "profile", "test-coverage", "branch-probabilities",
      "ipa-", "inline-", "early-inlining", "peephole", "schedule-", "gcse", "expensive-optimizations",
      "reorder-", "crossjumping", "defer-pop", "guess-branch-probability", "if-conversion",
      "jump-tables", "keep-inline-functions", "prefetch-loop-arrays", "regmove", "rename-registers",
      "sched-", "strength-reduce", "thread-jumps", "web", "vect-cost-model", "predictive-commoning",
      "split-", "toplevel-reorder", "aggressive-loop-optimizations", "isolate-erroneous-paths",
      "code-hoisting", "store-merging", "shrink-wrap", "caller-saves", "cprop-registers",
      "dce", "dse", "forward-propagate", "ira-", "lra-", "loop-", "move-loop-invariants",
      "partial-inlining", "sel-sched-", "ssa-", "tracer", "combine-stack-adjustments",
      "compare-elim", "auto-inc-dec", "hoist-adjacent-loads", "indirect-inlining",
      "devirtualize", "ipa", "strict-volatile-bitfields", "pcc-struct-return", "reg-struct-return",
      "sync-libcalls", "exec-charset", "input-charset", "wide-exec-charset", "tabstop",
      "constant-string-class", "template-depth", "sized-deallocation", "new-inheriting-ctors",
      "openmp", "openacc", "cilkplus", "gnu-tm", "non-call-exceptions", "emit-cg"};
  for (const char* p : kPrefixes)
    if (std::strncmp(f, p, std::strlen(p)) == 0) return true;
  return false;
}

// Parse argv into opts.  Returns -1 to continue, or an exit status.
int parse_args(int argc, char** argv, CcOptions& o) {
  o.strings.reserve(static_cast<size_t>(argc) * 2 + 16);
  auto keep = [&](std::string s) -> const char* {
    o.strings.push_back(std::move(s));
    return o.strings.back().c_str();
  };
  auto need_arg = [&](int& i, const char* opt, const char* joined) -> const char* {
    if (joined && *joined) return joined;
    if (i + 1 >= argc) {
      error(kTool, "missing argument to '%s'", opt);
      return nullptr;
    }
    return argv[++i];
  };
  o.copts.opt_level = 0;
  o.copts.pie = 1;
  o.copts.pic = 2;
  bool phase_set_c = false, phase_set_S = false, phase_set_E = false, phase_set_syntax = false;
  bool phase_set_emit_cg = false;
  for (int i = 1; i < argc; i++) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == 0) {
      Input in;
      in.path = a;
      bool linker_input;
      in.lang = lang_for_path(in.path, &linker_input);
      in.is_linker_input = linker_input;
      if (o.forced_lang) {
        lang_from_x(o.forced_lang, &in.lang);
        in.is_linker_input = false;
      }
      if (std::strcmp(a, "-") == 0 && !o.forced_lang) {
        error(kTool, "-E or -x required when input is from standard input");
        return kExitUsage;
      }
      o.inputs.push_back(in);
      // Linker order: inputs and link options in command-line order; a
      // source file is a "\x01" marker the link phase replaces by its object.
      o.link_args.push_back(in.is_linker_input ? std::string(a) : std::string("\x01") + a);
      continue;
    }
    std::string s = a;
    auto starts = [&](const char* p) { return std::strncmp(a, p, std::strlen(p)) == 0; };
    const char* v = nullptr;
    if (s == "--help" || s == "-help") {
      print_help();
      return kExitOk;
    } else if (s == "--version") {
      std::printf("cfree cc %s\nTarget: %s\n", cfree_version(),
                  cfree_target_triple(cfree_target_host()));
      return kExitOk;
    } else if (s == "-v") {
      o.verbose = true;
    } else if (s == "-c") {
      phase_set_c = true;
    } else if (s == "-S") {
      phase_set_S = true;
    } else if (s == "-E") {
      phase_set_E = true;
    } else if (s == "-fsyntax-only") {
      phase_set_syntax = true;
    } else if (s == "-emit-cg" || s == "-femit-cg") {
      // Print the CG call stream (cfree/cg.h DUMP mode) to -o or stdout.
      phase_set_emit_cg = true;
    } else if (starts("-o")) {
      if (!(v = need_arg(i, "-o", a + 2))) return kExitUsage;
      o.output = v;
    } else if (s == "-P") {
      o.ppopts.no_line_markers = 1;
    } else if (s == "-C" || s == "-CC") {
      o.ppopts.keep_comments = 1;
    } else if (s == "-dM") {
      o.ppopts.dump_macros = 1;
    } else if (s == "-dD") {
      o.ppopts.dump_macros = 2;
    } else if (s == "-M") {
      o.ppopts.deps_mode = 1;
    } else if (s == "-MM") {
      o.ppopts.deps_mode = 2;
    } else if (s == "-MD") {
      o.ppopts.deps_mode = 1;
      o.deps_md = true;
    } else if (s == "-MMD") {
      o.ppopts.deps_mode = 2;
      o.deps_md = true;
    } else if (s == "-MP") {
      o.ppopts.deps_phony = 1;
    } else if (starts("-MF")) {
      if (!(v = need_arg(i, "-MF", a + 3))) return kExitUsage;
      o.deps_file = v;
    } else if (starts("-MT") || starts("-MQ")) {
      if (!(v = need_arg(i, a[2] == 'T' ? "-MT" : "-MQ", a + 3))) return kExitUsage;
      if (a[2] == 'T') {
        o.deps_targets.push_back(v);
      } else {
        // -MQ quotes characters special to make (as GCC's mkdeps does).
        std::string q;
        for (const char* p = v; *p; p++) {
          if (*p == '$') q += '$';
          if (*p == ' ' || *p == '\t') {
            for (const char* b = p; b > v && b[-1] == '\\'; b--) q += '\\';
            q += '\\';
          }
          if (*p == '#') q += '\\';
          q += *p;
        }
        o.deps_targets.push_back(q);
      }
    } else if (starts("-I")) {
      if (!(v = need_arg(i, "-I", a + 2))) return kExitUsage;
      o.include_dirs.push_back({keep(v), CFREE_INC_ANGLED});
    } else if (starts("-iquote")) {
      if (!(v = need_arg(i, "-iquote", a + 7))) return kExitUsage;
      o.include_dirs.push_back({keep(v), CFREE_INC_QUOTE});
    } else if (starts("-isystem")) {
      if (!(v = need_arg(i, "-isystem", a + 8))) return kExitUsage;
      o.include_dirs.push_back({keep(v), CFREE_INC_SYSTEM});
    } else if (starts("-idirafter")) {
      if (!(v = need_arg(i, "-idirafter", a + 10))) return kExitUsage;
      o.include_dirs.push_back({keep(v), CFREE_INC_AFTER});
    } else if (s == "-include" || s == "-imacros") {
      if (!(v = need_arg(i, a, nullptr))) return kExitUsage;
      o.macro_ops.push_back({s == "-include" ? CFREE_MACRO_INCLUDE : CFREE_MACRO_IMACROS, keep(v)});
    } else if (s == "-nostdinc") {
      o.copts.nostdinc = 1;
    } else if (starts("--sysroot=")) {
      o.copts.sysroot = keep(a + 10);
    } else if (s == "--sysroot" || s == "-isysroot") {
      if (!(v = need_arg(i, a, nullptr))) return kExitUsage;
      o.copts.sysroot = keep(v);
    } else if (starts("-D")) {
      if (!(v = need_arg(i, "-D", a + 2))) return kExitUsage;
      o.macro_ops.push_back({CFREE_MACRO_DEFINE, keep(v)});
    } else if (starts("-U")) {
      if (!(v = need_arg(i, "-U", a + 2))) return kExitUsage;
      o.macro_ops.push_back({CFREE_MACRO_UNDEF, keep(v)});
    } else if (starts("-std=")) {
      o.copts.std = keep(a + 5);
    } else if (s == "-ansi") {
      o.copts.std = "c89";
    } else if (starts("-O")) {
      const char* l = a + 2;
      if (!*l) {
        o.copts.opt_level = 1;
      } else if (!std::strcmp(l, "s") || !std::strcmp(l, "z")) {
        o.copts.opt_level = 2;
        o.extra_args.push_back(keep(s));  // the preprocessor defines __OPTIMIZE_SIZE__
      } else if (!std::strcmp(l, "g")) {
        o.copts.opt_level = 1;
      } else if (!std::strcmp(l, "fast")) {
        o.copts.opt_level = 3;
      } else if (l[0] >= '0' && l[0] <= '9' && !l[1]) {
        o.copts.opt_level = l[0] - '0' > 3 ? 3 : l[0] - '0';
      } else {
        error(kTool, "argument to '-O' should be a non-negative integer, 'g', 's', 'z' or 'fast'");
        return kExitUsage;
      }
    } else if (s == "-g" || s == "-ggdb" || s == "-g1" || s == "-g2" || s == "-g3" ||
               s == "-ggdb3" || starts("-gdwarf")) {
      o.copts.debug_info = 1;
    } else if (s == "-g0") {
      o.copts.debug_info = 0;
    } else if (s == "-w") {
      o.suppress_warnings = true;
    } else if (s == "-Werror") {
      o.werror = true;
    } else if (s == "-pedantic" || s == "-pedantic-errors" || s == "-Wpedantic") {
      o.extra_args.push_back(keep(s));
    } else if (starts("-Wl,")) {
      o.link_args.push_back(s);
    } else if (starts("-Wp,") || starts("-Wa,")) {
      o.extra_args.push_back(keep(s));
    } else if (starts("-W")) {
      o.warning_flags.push_back(a + 2);
    } else if (s == "-Xlinker") {
      if (!(v = need_arg(i, a, nullptr))) return kExitUsage;
      o.link_args.push_back(std::string("-Wl,") + v);
    } else if (s == "-fcolor-diagnostics" || s == "-fdiagnostics-color" ||
               s == "-fdiagnostics-color=always") {
      o.color = 1;
    } else if (s == "-fno-color-diagnostics" || s == "-fno-diagnostics-color" ||
               s == "-fdiagnostics-color=never") {
      o.color = 0;
    } else if (s == "-fdiagnostics-color=auto") {
      o.color = -1;
    } else if (s == "-fPIC" || s == "-fpic") {
      o.copts.pic = s == "-fPIC" ? 2 : 1;
      o.copts.pie = 0;
    } else if (s == "-fPIE" || s == "-fpie") {
      o.copts.pic = s == "-fPIE" ? 2 : 1;
      o.copts.pie = 1;
    } else if (s == "-fno-pic" || s == "-fno-PIC" || s == "-fno-pie" || s == "-fno-PIE") {
      o.copts.pic = 0;
      o.copts.pie = 0;
    } else if (starts("-f")) {
      if (!is_known_f_flag(a + 2)) {
        error(kTool, "unrecognized command-line option '%s'", a);
        return kExitUsage;
      }
      o.extra_args.push_back(keep(s));
    } else if (s == "-m64" || starts("-march=") || starts("-mtune=") || starts("-mcpu=") ||
               starts("-mabi=") || s == "-mno-red-zone" || starts("-mcmodel=") ||
               s == "-msse" || s == "-msse2" || s == "-mfpmath=sse" || s == "-mno-omit-leaf-frame-pointer") {
      o.extra_args.push_back(keep(s));
    } else if (starts("--target=")) {
      o.target = a + 9;
    } else if (s == "-target") {
      if (!(v = need_arg(i, a, nullptr))) return kExitUsage;
      o.target = v;
    } else if (starts("-x")) {
      if (!(v = need_arg(i, "-x", a + 2))) return kExitUsage;
      if (!std::strcmp(v, "none")) {
        o.forced_lang = nullptr;
      } else {
        CfreeLang l;
        if (!lang_from_x(v, &l)) {
          error(kTool, "language %s not recognized", v);
          return kExitUsage;
        }
        o.forced_lang = keep(v);
      }
    } else if (starts("-L")) {
      if (!(v = need_arg(i, "-L", a + 2))) return kExitUsage;
      o.link_args.push_back(std::string("-L") + v);
    } else if (starts("-l")) {
      if (!(v = need_arg(i, "-l", a + 2))) return kExitUsage;
      o.link_args.push_back(std::string("-l") + v);
      o.inputs.push_back({std::string("-l") + v, CFREE_LANG_C, true});
    } else if (s == "-static") {
      o.is_static = true;
      o.link_args.push_back(s);
    } else if (s == "-shared") {
      o.is_shared = true;
      o.link_args.push_back(s);
    } else if (s == "-pie" || s == "-no-pie" || s == "-nostdlib" || s == "-nostartfiles" ||
               s == "-nodefaultlibs" || s == "-rdynamic" || s == "-s" || s == "-static-pie" ||
               s == "-static-libgcc") {
      o.link_args.push_back(s);
    } else if (s == "-pthread") {
      o.macro_ops.push_back({CFREE_MACRO_DEFINE, "_REENTRANT"});
      o.link_args.push_back("-lpthread");
    } else if (s == "-trigraphs" || s == "-traditional-cpp" || s == "-undef" || s == "-H" ||
               s == "-remap" || s == "-pipe" || s == "-save-temps") {
      o.extra_args.push_back(keep(s));
    } else {
      error(kTool, "unrecognized command-line option '%s'", a);
      return kExitUsage;
    }
  }
  int nphase = phase_set_c + phase_set_S + phase_set_E + phase_set_syntax;
  (void)nphase;
  // gcc picks the earliest stopping phase when several are given.
  if (phase_set_E) {
    o.phase = Phase::Preprocess;
  } else if (phase_set_syntax) {
    o.phase = Phase::SyntaxOnly;
  } else if (phase_set_emit_cg) {
    o.phase = Phase::EmitCg;
    o.extra_args.push_back("-femit-cg");
  } else if (phase_set_S) {
    o.phase = Phase::Assembly;
  } else if (phase_set_c) {
    o.phase = Phase::Object;
  }
  // -M/-MM without -MD imply -E.
  if (o.ppopts.deps_mode && !o.deps_md) o.phase = Phase::Preprocess;
  o.copts.include_dirs = o.include_dirs.data();
  o.copts.n_include_dirs = o.include_dirs.size();
  o.copts.macro_ops = o.macro_ops.data();
  o.copts.n_macro_ops = o.macro_ops.size();
  o.copts.extra_args = o.extra_args.data();
  o.copts.n_extra_args = o.extra_args.size();
  return -1;
}

bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// cfree's freestanding headers: <bindir>/../lib/cfree/include when installed,
// else the source tree's rt/include baked in at build time.
std::string rt_include_dir() {
  if (const char* env = std::getenv("CFREE_RT_INCLUDE_DIR")) return env;  // tests, relocated installs
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    size_t slash = exe.rfind('/');
    if (slash != std::string::npos) {
      std::string d = exe.substr(0, slash) + "/../lib/cfree/include";
      if (is_dir(d)) return d;
    }
  }
  return CFREE_RT_INCLUDE_DIR;
}

}  // namespace

// cfree's runtime archives (built by cfree from rt/, see rt/CMakeLists.txt):
// <dir>/<triple>/<name>, where <dir> is $CFREE_RT_LIB_DIR, else
// <exe dir>/../lib/cfree when installed, else <exe dir>/lib/cfree (the build
// tree).  Empty when the archive does not exist.
std::string rt_lib_path(const char* triple, const char* name) {
  auto exists = [](const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  std::string tail = std::string("/") + triple + "/" + name;
  if (const char* env = std::getenv("CFREE_RT_LIB_DIR")) return exists(env + tail) ? env + tail : "";
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string exe(buf, static_cast<size_t>(n));
  size_t slash = exe.rfind('/');
  if (slash == std::string::npos) return "";
  for (const char* rel : {"/../lib/cfree", "/lib/cfree"}) {
    std::string p = exe.substr(0, slash) + rel + tail;
    if (exists(p)) return p;
  }
  return "";
}

namespace {

// The system include directories, discovered at run time (GCC's order after
// its own include directory): /usr/local/include, the multiarch directory,
// /usr/include; for a cross target the Debian cross layout /usr/<triple>/include.
void add_system_include_dirs(CcOptions& o, CfreeTarget target) {
  if (o.copts.nostdinc) return;
  std::string sysroot = o.copts.sysroot ? o.copts.sysroot : "";
  std::string triple = cfree_target_triple(target);
  bool cross = target.arch != cfree_target_host().arch;
  std::vector<std::string> dirs;
  dirs.push_back(rt_include_dir());
  if (o.is_static) {
    // -static links cfree's own C library (rt/libc): its headers replace the
    // system's (installed beside the freestanding ones as lib/cfree/libc/include).
    dirs.push_back(rt_include_dir() + "/../libc/include");
    for (const std::string& d : dirs) {
      o.strings.push_back(d);
      o.include_dirs.push_back({o.strings.back().c_str(), CFREE_INC_SYSTEM});
    }
    o.copts.include_dirs = o.include_dirs.data();
    o.copts.n_include_dirs = o.include_dirs.size();
    return;
  }
  if (!cross && is_dir(sysroot + "/usr/local/include")) dirs.push_back(sysroot + "/usr/local/include");
  if (cross && is_dir(sysroot + "/usr/" + triple + "/include"))
    dirs.push_back(sysroot + "/usr/" + triple + "/include");
  bool multiarch = is_dir(sysroot + "/usr/include/" + triple);
  if (multiarch) dirs.push_back(sysroot + "/usr/include/" + triple);
  if (!cross || multiarch) dirs.push_back(sysroot + "/usr/include");
  for (const std::string& d : dirs) {
    o.strings.push_back(d);
    o.include_dirs.push_back({o.strings.back().c_str(), CFREE_INC_SYSTEM});
  }
  o.copts.include_dirs = o.include_dirs.data();
  o.copts.n_include_dirs = o.include_dirs.size();
}

std::string replace_ext(const std::string& path, const char* ext) {
  size_t slash = path.rfind('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot != std::string::npos) base.resize(dot);
  return base + ext;
}

// ---- The link phase ----------------------------------------------------
//
// What gcc does through collect2: compile each source to an object (here a
// temporary file, removed on every exit path), then link with the C
// library's start files and libraries, found in the system's multiarch
// directories at run time.  Nothing from gcc's own installation is used:
// crtbegin/crtend's job (__dso_handle, the .eh_frame terminator) is done by
// cfree's linker, and libgcc's helpers are to come from cfree's rt/.

struct TempFiles {
  std::vector<std::string> paths;
  ~TempFiles() {
    for (const std::string& p : paths) std::remove(p.c_str());
  }
};

}  // namespace
static CfreeStatus assemble_input(CfreeCompiler* c, CcOptions& o, CfreeInput input,
                                  const CfreeFrontend* cpp, const std::string& out_path);
namespace {

int link_phase(CcOptions& o, CfreeCompiler* c) {
  TempFiles temps;
  std::vector<std::string> objs;  // per source marker, in order
  int status = kExitOk;
  for (const Input& in : o.inputs) {
    if (in.is_linker_input) continue;
    bool is_asm = in.lang == CFREE_LANG_ASM || in.lang == CFREE_LANG_ASM_CPP;
    const CfreeFrontend* fe = cfree_frontend_for(c, is_asm ? CFREE_LANG_C : in.lang);
    if (!is_asm && (!fe || !fe->compile)) return not_built("cc (compilation of this input language)");
    std::string data, err;
    if (!read_file(in.path == "-" ? "/dev/stdin" : in.path, &data, &err)) {
      error(kTool, "%s: %s", in.path.c_str(), err.c_str());
      status = kExitError;
      objs.emplace_back();
      continue;
    }
    char tmpl[] = "/tmp/cfree-XXXXXX.o";
    int fd = ::mkstemps(tmpl, 2);
    if (fd < 0) {
      error(kTool, "cannot create a temporary file: %s", std::strerror(errno));
      return kExitError;
    }
    ::close(fd);
    temps.paths.push_back(tmpl);
    objs.push_back(tmpl);
    if (is_asm) {
      CfreeInput ain{in.path.c_str(), data.data(), data.size(), in.lang};
      CfreeStatus st = assemble_input(c, o, ain, fe, tmpl);
      if (st == CFREE_ERR_UNSUPPORTED) return kExitNotBuilt;
      if (st != CFREE_OK) status = st == CFREE_ERR_USAGE ? kExitUsage : kExitError;
      continue;
    }
    OutputFile out(tmpl);
    if (!out.open(&err)) {
      error(kTool, "cannot open output file %s: %s", tmpl, err.c_str());
      return kExitError;
    }
    CfreeInput input{in.path == "-" ? "<stdin>" : in.path.c_str(), data.data(), data.size(), in.lang};
    o.copts.emit_asm = 0;
    CfreeStatus st = fe->compile(fe->ctx, c, &o.copts, &input, out.writer());
    if (st == CFREE_OK && !out.commit(&err)) {
      error(kTool, "cannot write %s: %s", tmpl, err.c_str());
      st = CFREE_ERR_IO;
    }
    if (st == CFREE_ERR_UNSUPPORTED) return kExitNotBuilt;
    if (st != CFREE_OK) status = st == CFREE_ERR_USAGE ? kExitUsage : kExitError;
  }
  if (status != kExitOk) return status;

  bool shared = false, stat = false, pie = true, nostart = false, nolibs = false;
  for (const std::string& a : o.link_args) {
    if (a == "-shared") shared = true;
    else if (a == "-static") stat = true;
    else if (a == "-no-pie") pie = false;
    else if (a == "-pie") pie = true;
    else if (a == "-nostdlib") nostart = nolibs = true;
    else if (a == "-nostartfiles") nostart = true;
    else if (a == "-nodefaultlibs") nolibs = true;
  }
  if (shared || stat) pie = false;
  const char* triple = cfree_target_triple(cfree_compiler_target(c));
  std::vector<std::string> dirs = system_lib_dirs(triple);
  auto crt = [&](const char* name) -> std::string {
    for (const std::string& d : dirs) {
      std::string p = d + "/" + name;
      struct stat st;
      if (::stat(p.c_str(), &st) == 0) return p;
    }
    return "";
  };
  std::vector<std::string> args;
  args.push_back("-o");
  args.push_back(o.output.empty() ? "a.out" : o.output);
  args.push_back("--eh-frame-hdr");
  args.push_back("--build-id");
  if (shared) {
    args.push_back("-shared");
  } else if (stat) {
    args.push_back("-static");
  } else {
    if (pie) args.push_back("-pie");
    args.push_back("-dynamic-linker");
    args.push_back("/lib64/ld-linux-x86-64.so.2");
  }
  // -static: cfree's own C library (rt/libc) and start file, from the
  // runtime directory, which is searched first for -lc and -lm.
  std::string rt_dir;
  if (stat) {
    std::string crt1 = rt_lib_path(triple, "crt1.o");
    std::string libc = rt_lib_path(triple, "libc.a");
    if (crt1.empty() || libc.empty()) {
      error(kTool, "-static needs cfree's C library (crt1.o, libc.a for %s), which is not built", triple);
      return kExitError;
    }
    rt_dir = crt1.substr(0, crt1.rfind('/'));
    args.push_back("-L" + rt_dir);
    if (!nostart) args.push_back(crt1);
  }
  if (!nostart && !stat) {
    const char* first = shared ? nullptr : pie ? "Scrt1.o" : "crt1.o";
    for (const char* f : {first, "crti.o"}) {
      if (!f) continue;
      std::string p = crt(f);
      if (p.empty()) {
        error(kTool, "cannot find %s in the system library directories", f);
        return kExitError;
      }
      args.push_back(p);
    }
  }
  size_t src = 0;
  for (const std::string& a : o.link_args) {
    if (!a.empty() && a[0] == '\x01') {
      args.push_back(objs[src++]);
    } else if (a.rfind("-Wl,", 0) == 0) {
      size_t start = 4;
      for (;;) {
        size_t comma = a.find(',', start);
        args.push_back(a.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "-rdynamic") {
      args.push_back("--export-dynamic");
    } else if (a == "-s" || a.rfind("-l", 0) == 0 || a.rfind("-L", 0) == 0) {
      args.push_back(a);
    } else if (a[0] == '-') {
      // -static, -shared, -pie, ... were handled above.
    } else {
      args.push_back(a);
    }
  }
  if (!nolibs) {
    // libcfree_rt.a is cfree's libgcc: after the user's inputs, around -lc as
    // gcc places -lgcc (libc's own objects may need it too).  A build tree
    // whose runtime is not built yet links without it.
    std::string rt = rt_lib_path(triple, "libcfree_rt.a");
    if (stat) args.push_back("--start-group");
    if (!rt.empty()) args.push_back(rt);
    args.push_back("-lc");
    if (!rt.empty() && !stat) args.push_back(rt);
    if (stat) args.push_back("--end-group");
  }
  if (!nostart && !stat) {
    std::string p = crt("crtn.o");
    if (p.empty()) {
      error(kTool, "cannot find crtn.o in the system library directories");
      return kExitError;
    }
    args.push_back(p);
  }
  if (o.verbose) {
    std::fprintf(stderr, " cfree ld");
    for (const std::string& a : args) std::fprintf(stderr, " %s", a.c_str());
    std::fprintf(stderr, "\n");
  }
  return ld_run(args);
}

}  // namespace

// Assemble one .s / .S input to an object (.S: preprocessed first with the
// C frontend's preprocess hook into memory).
static CfreeStatus assemble_input(CfreeCompiler* c, CcOptions& o, CfreeInput input,
                                  const CfreeFrontend* cpp, const std::string& out_path) {
  std::string pp;
  if (input.lang == CFREE_LANG_ASM_CPP) {
    if (!cpp || !cpp->preprocess) return not_built("cc (preprocessing of .S files)"), CFREE_ERR_UNSUPPORTED;
    CfreeWriter w{&pp, [](void* ctx, const void* d, size_t n) {
                    static_cast<std::string*>(ctx)->append(static_cast<const char*>(d), n);
                    return 0;
                  }};
    CfreeStatus st = cpp->preprocess(cpp->ctx, c, &o.copts, &o.ppopts, &input, &w);
    if (st != CFREE_OK) return st;
    input.data = pp.data();
    input.size = pp.size();
    input.lang = CFREE_LANG_ASM;
  }
  OutputFile out(out_path);
  std::string err;
  if (!out.open(&err)) {
    error(kTool, "cannot open output file %s: %s", out_path.c_str(), err.c_str());
    return CFREE_ERR_IO;
  }
  CfreeStatus st = cfree_assemble(c, &input, out.writer());
  if (st == CFREE_OK && !out.commit(&err)) {
    error(kTool, "cannot write %s: %s", out_path.c_str(), err.c_str());
    st = CFREE_ERR_IO;
  }
  return st;
}

int cc_parse_args(int argc, char** argv, CcOptions& o) { return parse_args(argc, argv, o); }

bool cc_color(const CcOptions& o) { return o.color < 0 ? stderr_is_color_terminal() : o.color == 1; }

CfreeCompiler* cc_new_compiler(CcOptions& o, CfreeTarget target, Host& host, const char* tool,
                               int* exit_status) {
  CfreeCompiler* c = cfree_compiler_new(&host.env, target);
  if (!c) {
    error(tool, "out of memory");
    *exit_status = kExitError;
    return nullptr;
  }
  CfreeDiagOptions dopts{};
  dopts.suppress_warnings = o.suppress_warnings;
  dopts.warnings_as_errors = o.werror;
  dopts.color = host.color;
  cfree_set_diag_options(c, &dopts);
  for (const std::string& w : o.warning_flags) {
    if (cfree_set_warning_flag(c, w.c_str()) != CFREE_OK) {
      error(tool, "unrecognized command-line option '-W%s'", w.c_str());
      cfree_compiler_free(c);
      *exit_status = kExitUsage;
      return nullptr;
    }
  }
  cfree_register_frontend(c, cfree_lang_c_frontend());
  cfree_register_frontend(c, cfree_lang_toy_frontend());
  add_system_include_dirs(o, target);
  return c;
}

int cc_main(int argc, char** argv) {
  CcOptions o;
  int r = parse_args(argc, argv, o);
  if (r >= 0) return r;
  if (o.inputs.empty()) {
    error(kTool, "no input files");
    return kExitUsage;
  }

  CfreeTarget target = cfree_target_host();
  if (!o.target.empty() && cfree_target_parse(o.target.c_str(), &target) != CFREE_OK) {
    error(kTool, "unknown target triple '%s'", o.target.c_str());
    return kExitUsage;
  }
  Host host(cc_color(o));
  int exit_status;
  CfreeCompiler* c = cc_new_compiler(o, target, host, kTool, &exit_status);
  if (!c) return exit_status;
  struct Free {
    CfreeCompiler* c;
    ~Free() { cfree_compiler_free(c); }
  } free_c{c};
  std::string deps_target_joined;
  for (const std::string& t : o.deps_targets) {
    if (!deps_target_joined.empty()) deps_target_joined += ' ';
    deps_target_joined += t;
  }
  if (!o.deps_targets.empty()) o.ppopts.deps_target = deps_target_joined.c_str();

  size_t n_sources = 0;
  for (const Input& in : o.inputs) n_sources += !in.is_linker_input;
  if (!o.output.empty() && n_sources > 1 && o.phase != Phase::Link &&
      o.phase != Phase::Preprocess) {
    error(kTool, "cannot specify '-o' with '-c', '-S' or '-E' with multiple files");
    return kExitUsage;
  }

  if (o.phase == Phase::Link) return link_phase(o, c);

  int status = kExitOk;
  for (const Input& in : o.inputs) {
    if (in.is_linker_input) {
      if (o.phase != Phase::Link)
        warning(kTool, "%s: linker input file unused because linking not done", in.path.c_str());
      continue;
    }
    const CfreeFrontend* fe = cfree_frontend_for(c, in.lang == CFREE_LANG_ASM_CPP && (o.phase == Phase::Preprocess || o.phase == Phase::Object) ? CFREE_LANG_C : in.lang);
    std::string data, err;
    if (!read_file(in.path == "-" ? "/dev/stdin" : in.path, &data, &err)) {
      error(kTool, "%s: %s", in.path.c_str(), err.c_str());
      status = kExitError;
      continue;
    }
    CfreeInput input{in.path == "-" ? "<stdin>" : in.path.c_str(), data.data(), data.size(), in.lang};
    std::string out_path = o.output;
    CfreeStatus st;
    if ((in.lang == CFREE_LANG_ASM || in.lang == CFREE_LANG_ASM_CPP) && o.phase == Phase::Object) {
      // Assembly: .S through the C preprocessor first, then the assembler.
      st = assemble_input(c, o, input, fe, out_path.empty() ? replace_ext(in.path, ".o") : out_path);
    } else if (o.phase == Phase::Preprocess) {
      if (!fe || !fe->preprocess) return not_built("cc -E (the preprocessor)");
      if (out_path.empty()) out_path = "-";
      OutputFile out(out_path);
      if (!out.open(&err)) {
        error(kTool, "cannot open output file %s: %s", out_path.c_str(), err.c_str());
        return kExitError;
      }
      // Dependency output: -M/-MM write the rule to -MF or the output;
      // -MD/-MMD to -MF or <output or input base>.d beside the -E output.
      std::string dpath = o.deps_file;
      if (o.ppopts.deps_mode && o.deps_md && dpath.empty())
        dpath = o.output.empty() ? replace_ext(in.path, ".d")
                                 : o.output.substr(0, o.output.rfind('.')) + ".d";
      OutputFile dout(dpath.empty() ? "-" : dpath);
      o.ppopts.deps_out = nullptr;
      if (o.ppopts.deps_mode && !dpath.empty()) {
        if (!dout.open(&err)) {
          error(kTool, "cannot open output file %s: %s", dpath.c_str(), err.c_str());
          return kExitError;
        }
        o.ppopts.deps_out = dout.writer();
      }
      st = fe->preprocess(fe->ctx, c, &o.copts, &o.ppopts, &input, out.writer());
      if (st == CFREE_OK && !out.commit(&err)) {
        error(kTool, "cannot write %s: %s", out_path.c_str(), err.c_str());
        st = CFREE_ERR_IO;
      }
      if (st == CFREE_OK && o.ppopts.deps_out && !dout.commit(&err)) {
        error(kTool, "cannot write %s: %s", dpath.c_str(), err.c_str());
        st = CFREE_ERR_IO;
      }
    } else {
      if (!fe || !fe->compile) return not_built("cc (compilation of this input language)");
      if (o.phase == Phase::SyntaxOnly) {
        st = fe->compile(fe->ctx, c, &o.copts, &input, nullptr);
      } else {
        if (out_path.empty())
          out_path = o.phase == Phase::EmitCg ? "-" : replace_ext(in.path, o.phase == Phase::Assembly ? ".s" : ".o");
        OutputFile out(out_path);
        if (!out.open(&err)) {
          error(kTool, "cannot open output file %s: %s", out_path.c_str(), err.c_str());
          return kExitError;
        }
        o.copts.emit_asm = o.phase == Phase::Assembly;
        st = fe->compile(fe->ctx, c, &o.copts, &input, out.writer());
        if (st == CFREE_OK && !out.commit(&err)) {
          error(kTool, "cannot write %s: %s", out_path.c_str(), err.c_str());
          st = CFREE_ERR_IO;
        }
      }
    }
    if (st == CFREE_ERR_UNSUPPORTED) return kExitNotBuilt;
    if (st != CFREE_OK) status = st == CFREE_ERR_USAGE ? kExitUsage : kExitError;
  }
  return status;
}

}  // namespace driver
