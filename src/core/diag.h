// diag.h: the diagnostics engine.
//
// Renders diagnostics the way GCC and Clang print them:
//
//   In file included from main.c:3:
//   util.h:7:12: error: expected ';' after expression
//       7 |   return x
//         |           ^
//         |           ;
//
// (cfree prints the GCC 9+ layout: "file:line:col: severity: message
// [-Wflag]", then the source line with a gutter and a caret line, with `~`
// under the highlighted range.)  Macro locations get a "note: in expansion of
// macro" line.  Warning policy lives here too: -w, -Werror, -Werror=X,
// -Wno-X, -Wall/-Wextra groups, and the error limit.  The rendered text and
// the structured fields go to the host's CfreeDiagSink; colour is used only
// if the host asked for it (it decides by isatty).
#pragma once

#include "core/source.h"

#include <cfree.h>
#include <cstdarg>
#include <string>
#include <unordered_map>

namespace cfree {

class DiagEngine {
 public:
  DiagEngine(const CfreeDiagSink& sink, SourceManager& sm) : sink_(sink), sm_(sm) {}

  void set_options(const CfreeDiagOptions& o) { opts_ = o; }
  const CfreeDiagOptions& options() const { return opts_; }
  // "-W" flag text without the -W; false if it is not a warning flag.
  bool set_warning_flag(const char* flag);
  bool warning_enabled(const char* option) const;

  // Returns the severity reported, or -1 if suppressed.  Throws Fatal when the
  // severity is FATAL or the error limit is reached.
  int report(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
             const char* fmt, va_list ap);
  int reportf(CfreeSeverity sev, Loc loc, const char* fmt, ...);
  int reportr(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
              const char* fmt, ...);

  u32 errors() const { return errors_; }
  u32 warnings() const { return warnings_; }

 private:
  void render_location_chain(std::string& out, Loc loc);
  void render_snippet(std::string& out, Loc loc, Loc rbegin, Loc rend);
  void emit(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
            const std::string& msg, bool show_include_chain);

  CfreeDiagSink sink_;
  SourceManager& sm_;
  CfreeDiagOptions opts_{};
  // Per-warning state: 0 default, 1 enabled, 2 disabled, plus error bit.
  std::unordered_map<std::string, int> flags_;
  bool wall_ = false, wextra_ = false;
  FileId last_include_chain_ = 0;
  u32 errors_ = 0, warnings_ = 0;
};

}  // namespace cfree
