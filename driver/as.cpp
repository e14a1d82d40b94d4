// as.cpp: `cfree as`, the GNU-as-compatible assembler driver.
//
// Accepts the options gcc passes to as (--64, -o, -I, --noexecstack, -g,
// -W, --version ...) and assembles one source (a file or stdin) into a
// relocatable object through cfree_assemble(); the output is written to a
// temporary and renamed into place only on success (default a.out, as GNU
// as does).
#include "driver.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace driver {

namespace {

const char* const kTool = "as";

void usage(FILE* out) {
  std::fprintf(out,
               "Usage: cfree as [options] [file.s]\n"
               "Assemble GNU as AT&T syntax for x86-64 into an ELF relocatable object.\n"
               "\n"
               "Options:\n"
               "  -o FILE            write the object to FILE (default a.out)\n"
               "  -I DIR             search DIR for .include files\n"
               "  --64               x86-64 (the default and only mode)\n"
               "  --noexecstack      mark the stack non-executable (.note.GNU-stack)\n"
               "  -g, --gen-debug    accepted (no assembler-generated debug info)\n"
               "  -W, --no-warn      suppress warnings\n"
               "  --version          print the version\n"
               "  --help             show this help\n");
}

}  // namespace

int as_main(int argc, char** argv) {
  std::string output = "a.out";
  std::vector<std::string> inputs;
  bool no_warn = false, noexecstack = false;
  for (int i = 1; i < argc; i++) {
    const char* a = argv[i];
    if (!std::strcmp(a, "--help")) {
      usage(stdout);
      return kExitOk;
    }
    if (!std::strcmp(a, "--version") || !std::strcmp(a, "-v") || !std::strcmp(a, "-version")) {
      std::printf("cfree as %s\n", cfree_version());
      if (!std::strcmp(a, "--version")) return kExitOk;
      continue;
    }
    if (!std::strcmp(a, "-o")) {
      if (i + 1 >= argc) {
        error(kTool, "missing argument to '-o'");
        return kExitUsage;
      }
      output = argv[++i];
      continue;
    }
    if (!std::strncmp(a, "-o", 2)) {
      output = a + 2;
      continue;
    }
    if (!std::strcmp(a, "-I")) {
      if (i + 1 >= argc) {
        error(kTool, "missing argument to '-I'");
        return kExitUsage;
      }
      i++;
      continue;
    }
    if (!std::strcmp(a, "-W") || !std::strcmp(a, "--no-warn")) {
      no_warn = true;
      continue;
    }
    if (!std::strcmp(a, "--noexecstack")) {
      noexecstack = true;
      continue;
    }
    if (!std::strcmp(a, "--64") || !std::strcmp(a, "-g") || !std::strcmp(a, "--gen-debug") ||
        !std::strncmp(a, "-I", 2) || !std::strcmp(a, "-Qy") || !std::strcmp(a, "-Qn") ||
        !std::strncmp(a, "-march=", 7) || !std::strncmp(a, "-mtune=", 7) ||
        !std::strncmp(a, "-mrelax-relocations=", 20) || !std::strcmp(a, "--execstack") ||
        !std::strcmp(a, "-Z") || !std::strncmp(a, "--gdwarf", 8) || !std::strcmp(a, "-mx86-used-note=no")) {
      continue;
    }
    if (a[0] == '-' && a[1]) {
      error(kTool, "unrecognized option '%s'", a);
      return kExitUsage;
    }
    inputs.push_back(a);
  }
  if (inputs.size() > 1) {
    error(kTool, "only one input file is supported");
    return kExitUsage;
  }
  std::string path = inputs.empty() ? "-" : inputs[0];
  std::string data, err;
  if (!read_file(path == "-" ? "/dev/stdin" : path, &data, &err)) {
    error(kTool, "can't open %s for reading: %s", path.c_str(), err.c_str());
    return kExitError;
  }
  if (noexecstack) data += "\n\t.section\t.note.GNU-stack,\"\",@progbits\n";
  Host host(stderr_is_color_terminal());
  CfreeCompiler* c = cfree_compiler_new(&host.env, cfree_target_host());
  if (!c) {
    error(kTool, "out of memory");
    return kExitError;
  }
  struct Free {
    CfreeCompiler* c;
    ~Free() { cfree_compiler_free(c); }
  } free_c{c};
  CfreeDiagOptions dopts{};
  dopts.suppress_warnings = no_warn;
  dopts.color = stderr_is_color_terminal();
  cfree_set_diag_options(c, &dopts);
  OutputFile out(output);
  if (!out.open(&err)) {
    error(kTool, "can't open %s for writing: %s", output.c_str(), err.c_str());
    return kExitError;
  }
  CfreeInput in{path == "-" ? "{standard input}" : path.c_str(), data.data(), data.size(), CFREE_LANG_ASM};
  CfreeStatus st = cfree_assemble(c, &in, out.writer());
  if (st != CFREE_OK) {
    out.discard();
    return st == CFREE_ERR_UNSUPPORTED ? kExitNotBuilt : kExitError;
  }
  if (!out.commit(&err)) {
    error(kTool, "can't write %s: %s", output.c_str(), err.c_str());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace driver
