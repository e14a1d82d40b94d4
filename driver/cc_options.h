// cc_options.h: the gcc-style command line shared by `cfree cc` and
// `cfree run` (same flags, same diagnostics).  cc.cpp parses; run.cpp reuses.
#pragma once

#include "driver.h"

#include <cfree/frontend.h>

#include <string>
#include <vector>

namespace driver {

enum class Phase { Preprocess, SyntaxOnly, EmitCg, Assembly, Object, Link };

struct Input {
  std::string path;
  CfreeLang lang;
  bool is_linker_input;  // .o, .a, .so, -l
};

struct CcOptions {
  Phase phase = Phase::Link;
  std::string output;
  std::vector<Input> inputs;
  std::vector<std::string> link_args;  // -l, -L, -Wl, in order
  std::vector<CfreeIncludeDir> include_dirs;
  std::vector<CfreeMacroOp> macro_ops;
  std::vector<std::string> strings;  // storage kept alive for the pointers above
  std::vector<const char*> extra_args;
  std::vector<std::string> warning_flags;
  CfreeCompileOptions copts{};
  CfreePreprocessOptions ppopts{};
  std::vector<std::string> deps_targets;
  std::string deps_file;
  bool deps_md = false;  // -MD/-MMD: deps as a side effect of compiling
  int color = -1;        // -1 auto
  bool suppress_warnings = false;
  bool werror = false;
  bool verbose = false;
  std::string target;
  const char* forced_lang = nullptr;  // -x
  bool is_shared = false, is_static = false;
};

// Parse gcc's argv (argv[0] is the tool) into o.  Returns -1 to continue, or
// an exit status (after a diagnostic, or --help/--version).
int cc_parse_args(int argc, char** argv, CcOptions& o);
// Append cfree's own and the system's include directories for `target`.
// The path of one of cfree's runtime archives for `triple` (e.g.
// "libcfree_rt.a"), or "" if it is not there (cc.cpp says where it looks).
std::string rt_lib_path(const char* triple, const char* name);
// Whether diagnostics get colour (-f[no-]color-diagnostics, else a terminal).
bool cc_color(const CcOptions& o);
// The compiler cc and run both use: diagnostic options and -W flags applied,
// the built-in frontends registered, the system include directories added.
// `host` must outlive it.  On failure returns NULL after reporting as `tool`
// and sets *exit_status.
CfreeCompiler* cc_new_compiler(CcOptions& o, CfreeTarget target, Host& host, const char* tool,
                               int* exit_status);

}  // namespace driver
