// main.cpp: the multi-call entry point.
//
// `cfree <tool> args...` and `cfree-<tool> args...` (symlinks) reach the same
// tool function.  `cfree --help` lists the tools, `cfree --version` prints the
// version, and an unknown tool is a usage error (exit 2).
#include "driver.h"

#include <cstdio>
#include <cstring>

namespace driver {

int not_built(const char* tool) {
  std::fprintf(stderr, "cfree %s: error: the '%s' tool is not implemented yet in this build\n",
               tool, tool);
  return kExitNotBuilt;
}

static int stub_dbg(int, char**) { return not_built("dbg"); }
static int stub_emu(int, char**) { return not_built("emu"); }

static const ToolInfo kTools[] = {
    {"cc", "C compiler driver: preprocess, compile, assemble and link (gcc-compatible)", cc_main},
    {"as", "assembler: GNU as syntax for x86-64", as_main},
    {"ld", "linker: static and dynamic ELF executables and shared libraries", ld_main},
    {"ar", "archiver: GNU-format static libraries with a symbol index", ar_main},
    {"objdump", "object file inspector and disassembler (GNU objdump layout)", objdump_main},
    {"run", "compile and run C programs in memory (JIT), like tcc -run", run_main},
    {"dbg", "source-level debugger over JIT sessions", stub_dbg},
    {"emu", "run static aarch64 and riscv64 Linux binaries on this host", stub_emu},
};

const ToolInfo* tools(size_t* count) {
  *count = sizeof kTools / sizeof kTools[0];
  return kTools;
}

}  // namespace driver

using namespace driver;

static void print_help(FILE* out) {
  std::fprintf(out,
               "Usage: cfree <tool> [options] [args]\n"
               "       cfree-<tool> [options] [args]\n"
               "\n"
               "cfree is a complete C toolchain in one binary.  Tools:\n");
  size_t n;
  const ToolInfo* t = tools(&n);
  for (size_t i = 0; i < n; i++) std::fprintf(out, "  %-8s %s\n", t[i].name, t[i].summary);
  std::fprintf(out,
               "\n"
               "Options:\n"
               "  --help       show this help\n"
               "  --version    show the version\n"
               "\n"
               "Run 'cfree <tool> --help' for the options of one tool.\n");
}

static const ToolInfo* find_tool(const char* name) {
  size_t n;
  const ToolInfo* t = tools(&n);
  for (size_t i = 0; i < n; i++)
    if (std::strcmp(t[i].name, name) == 0) return &t[i];
  return nullptr;
}

int main(int argc, char** argv) {
  // Dispatch on the program name first: cfree-cc, cfree-as, ...
  const char* prog = argc > 0 ? argv[0] : "cfree";
  const char* base = std::strrchr(prog, '/');
  base = base ? base + 1 : prog;
  if (std::strncmp(base, "cfree-", 6) == 0) {
    const ToolInfo* t = find_tool(base + 6);
    if (!t) {
      std::fprintf(stderr, "cfree: error: unknown tool '%s' (from program name '%s')\n", base + 6,
                   base);
      return kExitUsage;
    }
    argv[0] = const_cast<char*>(t->name);
    return t->main(argc, argv);
  }
  if (argc < 2) {
    print_help(stderr);
    return kExitUsage;
  }
  const char* a = argv[1];
  if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "help")) {
    print_help(stdout);
    return kExitOk;
  }
  if (!std::strcmp(a, "--version") || !std::strcmp(a, "-v")) {
    std::printf("cfree %s\n", cfree_version());
    std::printf("Target: %s\n", cfree_target_triple(cfree_target_host()));
    return kExitOk;
  }
  if (a[0] == '-') {
    std::fprintf(stderr, "cfree: error: unknown option '%s'\n(run 'cfree --help' for usage)\n", a);
    return kExitUsage;
  }
  const ToolInfo* t = find_tool(a);
  if (!t) {
    std::fprintf(stderr, "cfree: error: unknown tool '%s'\n(run 'cfree --help' for the list of tools)\n", a);
    return kExitUsage;
  }
  return t->main(argc - 1, argv + 1);
}
