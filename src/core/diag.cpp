// diag.cpp: rendering and warning policy (see diag.h).
#include "core/diag.h"

#include "core/fatal.h"

#include <cctype>
#include <cstdio>
#include <iterator>

namespace cfree {

namespace {

// Warnings enabled only by -Wall / -Wextra (everything else is on by default,
// as in GCC, unless it is listed as off by default).
const char* const kWallGroup[] = {
    "unused-variable", "unused-function", "unused-label", "unused-value", "unused-but-set-variable",
    "format", "format-security", "parentheses", "sign-compare-c", "uninitialized",
    "maybe-uninitialized", "missing-braces", "return-type", "switch", "char-subscripts",
    "sequence-point", "strict-aliasing", "comment", "trigraphs", "unused-result",
    "implicit-fallthrough-all", "address", "bool-compare", "array-bounds", "nonnull",
    "misleading-indentation", "enum-compare", "pointer-sign", "int-in-bool-context",
    "dangling-else", "frame-address", "unused-local-typedefs"};
const char* const kWextraGroup[] = {"unused-parameter", "sign-compare", "missing-field-initializers",
                                    "type-limits", "empty-body", "old-style-declaration",
                                    "implicit-fallthrough", "cast-function-type",
                                    "unused-but-set-parameter"};

bool in_group(const char* const* g, size_t n, const std::string& s) {
  for (size_t i = 0; i < n; i++)
    if (s == g[i]) return true;
  return false;
}

const char* sev_name(CfreeSeverity s) {
  switch (s) {
    case CFREE_SEV_NOTE: return "note";
    case CFREE_SEV_REMARK: return "remark";
    case CFREE_SEV_WARNING: return "warning";
    case CFREE_SEV_ERROR: return "error";
    case CFREE_SEV_FATAL: return "fatal error";
  }
  return "error";
}

const char* sev_color(CfreeSeverity s) {
  switch (s) {
    case CFREE_SEV_NOTE: return "\033[1;36m";
    case CFREE_SEV_REMARK: return "\033[1;34m";
    case CFREE_SEV_WARNING: return "\033[1;35m";
    default: return "\033[1;31m";
  }
}

constexpr int kEnabled = 1, kDisabled = 2, kAsError = 4, kNotError = 8;

}  // namespace

bool DiagEngine::set_warning_flag(const char* flag) {
  std::string f = flag;
  if (f == "all") { wall_ = true; return true; }
  if (f == "extra") { wextra_ = true; return true; }
  if (f == "error") { opts_.warnings_as_errors = 1; return true; }
  if (f == "no-error") { opts_.warnings_as_errors = 0; return true; }
  if (f.empty()) return false;
  if (f.rfind("error=", 0) == 0) {
    int& s = flags_[f.substr(6)];
    s = (s & ~kNotError) | kAsError | kEnabled;
    s &= ~kDisabled;
    return true;
  }
  if (f.rfind("no-error=", 0) == 0) {
    int& s = flags_[f.substr(9)];
    s = (s & ~kAsError) | kNotError;
    return true;
  }
  if (f.rfind("no-", 0) == 0) {
    int& s = flags_[f.substr(3)];
    s = (s & ~kEnabled) | kDisabled;
    return true;
  }
  // A plain -Wfoo: GCC accepts any spelling it knows; we accept any
  // identifier-like flag so build systems' flags do not fail the build.
  for (char ch : f) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '=' ||
          ch == '.'))
      return false;
  }
  int& s = flags_[f];
  s = (s & ~kDisabled) | kEnabled;
  return true;
}

bool DiagEngine::warning_enabled(const char* option) const {
  if (opts_.suppress_warnings) return false;
  if (!option) return true;
  std::string o = option;
  auto it = flags_.find(o);
  if (it != flags_.end()) {
    if (it->second & kDisabled) return false;
    if (it->second & kEnabled) return true;
  }
  if (in_group(kWallGroup, std::size(kWallGroup), o)) return wall_;
  if (in_group(kWextraGroup, std::size(kWextraGroup), o)) return wextra_;
  return true;
}

int DiagEngine::reportf(CfreeSeverity sev, Loc loc, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = report(sev, loc, 0, 0, nullptr, fmt, ap);
  va_end(ap);
  return r;
}

int DiagEngine::reportr(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
                        const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r;
  try {
    r = report(sev, loc, rbegin, rend, option, fmt, ap);
  } catch (...) {
    va_end(ap);
    throw;
  }
  va_end(ap);
  return r;
}

int DiagEngine::report(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
                       const char* fmt, va_list ap) {
  if (sev == CFREE_SEV_WARNING) {
    if (!warning_enabled(option)) return -1;
    bool as_error = opts_.warnings_as_errors;
    if (option) {
      auto it = flags_.find(option);
      if (it != flags_.end()) {
        if (it->second & kAsError) as_error = true;
        if (it->second & kNotError) as_error = false;
      }
    }
    if (as_error) sev = CFREE_SEV_ERROR;
  }
  char buf[1024];
  va_list ap2;
  va_copy(ap2, ap);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap2);
  va_end(ap2);
  std::string msg;
  if (n >= static_cast<int>(sizeof buf)) {
    msg.resize(static_cast<size_t>(n) + 1);
    std::vsnprintf(msg.data(), msg.size(), fmt, ap);
    msg.resize(static_cast<size_t>(n));
  } else {
    msg = buf;
  }
  // A warning turned into an error by -Werror names its flag as GCC does.
  std::string opt_text;
  const char* shown_option = option;
  if (option && sev == CFREE_SEV_ERROR && option[0]) {
    opt_text = std::string("-Werror=") + option;
    shown_option = opt_text.c_str();
  } else if (option && option[0]) {
    opt_text = std::string("-W") + option;
    shown_option = opt_text.c_str();
  } else {
    shown_option = nullptr;
  }
  emit(sev, loc, rbegin, rend, shown_option, msg, sev != CFREE_SEV_NOTE);
  if (sev == CFREE_SEV_WARNING) warnings_++;
  if (sev >= CFREE_SEV_ERROR) errors_++;
  if (sev == CFREE_SEV_FATAL) throw Fatal{CFREE_ERR_COMPILE};
  if (sev == CFREE_SEV_ERROR && opts_.max_errors && errors_ >= opts_.max_errors) {
    std::string m = "too many errors emitted, stopping now";
    emit(CFREE_SEV_FATAL, 0, 0, 0, nullptr, m, false);
    throw Fatal{CFREE_ERR_COMPILE};
  }
  return sev;
}

void DiagEngine::render_location_chain(std::string& out, Loc loc) {
  // "In file included from a.c:3,\n                 from b.h:2:\n"
  SourceManager::Presumed p;
  if (!sm_.presumed(loc, &p)) return;
  if (p.id == last_include_chain_) return;
  last_include_chain_ = p.id;
  Loc inc = p.include_loc;
  bool first = true;
  int guard = 0;
  while (inc && guard++ < 1000) {
    SourceManager::Presumed q;
    if (!sm_.presumed(inc, &q)) break;
    out += first ? "In file included from " : "                 from ";
    out += q.file;
    out += ':';
    out += std::to_string(q.line);
    inc = q.include_loc;
    out += inc ? ",\n" : ":\n";
    first = false;
  }
}

void DiagEngine::render_snippet(std::string& out, Loc loc, Loc rbegin, Loc rend) {
  Loc eloc = sm_.expansion(loc);
  const char* text;
  size_t len;
  if (!sm_.line_text(eloc, &text, &len)) return;
  SourceManager::Presumed p;
  if (!sm_.presumed(eloc, &p)) return;
  FileId id;
  u32 off;
  sm_.file_offset(eloc, &id, &off);
  u32 line_start = off - (p.column - 1);
  std::string ln = std::to_string(p.line);
  std::string gutter(ln.size() < 5 ? 5 - ln.size() : 0, ' ');
  out += gutter;
  out += ln;
  out += " | ";
  // Tabs are kept (the caret line copies them so columns line up).
  out.append(text, len);
  out += '\n';
  out.append(gutter.size() + ln.size(), ' ');
  out += " | ";
  std::string marks;
  u32 col0 = p.column - 1;
  u32 rb = col0, re = col0 + 1;
  if (rbegin && rend) {
    FileId bid, eid;
    u32 boff, eoff;
    Loc b = sm_.expansion(rbegin), e = sm_.expansion(rend);
    if (sm_.file_offset(b, &bid, &boff) && sm_.file_offset(e, &eid, &eoff) && bid == id &&
        eid == id && boff >= line_start && eoff > boff) {
      rb = boff - line_start;
      re = eoff - line_start;
      if (re > len) re = static_cast<u32>(len);
      if (rb > col0) rb = col0;
      if (re <= col0) re = col0 + 1;
    }
  }
  for (u32 i = 0; i < re; i++) {
    char c = i < len ? text[i] : ' ';
    if (i < rb) {
      marks += c == '\t' ? '\t' : ' ';
    } else if (i == col0) {
      marks += '^';
    } else {
      marks += '~';
    }
  }
  if (opts_.color) out += "\033[1;32m";
  out += marks;
  if (opts_.color) out += "\033[0m";
  out += '\n';
}

void DiagEngine::emit(CfreeSeverity sev, Loc loc, Loc rbegin, Loc rend, const char* option,
                      const std::string& msg, bool show_include_chain) {
  std::string out;
  SourceManager::Presumed p;
  bool has_loc = loc && sm_.presumed(loc, &p);
  if (has_loc && show_include_chain) render_location_chain(out, loc);
  if (opts_.color) out += "\033[1m";
  if (has_loc) {
    out += p.file;
    out += ':';
    out += std::to_string(p.line);
    out += ':';
    out += std::to_string(p.column);
    out += ": ";
  } else {
    out += "cfree: ";
  }
  if (opts_.color) {
    out += sev_color(sev);
    out += sev_name(sev);
    out += ":\033[0m ";
    out += "\033[1m";
    out += msg;
    out += "\033[0m";
  } else {
    out += sev_name(sev);
    out += ": ";
    out += msg;
  }
  if (option) {
    out += " [";
    out += option;
    out += ']';
  }
  out += '\n';
  if (has_loc) render_snippet(out, loc, rbegin, rend);
  CfreeDiagnostic d;
  d.severity = sev;
  d.file = has_loc ? p.file : nullptr;
  d.line = has_loc ? p.line : 0;
  d.column = has_loc ? p.column : 0;
  d.message = msg.c_str();
  d.option = option;
  d.rendered = out.c_str();
  if (sink_.report) sink_.report(sink_.ctx, &d);
}

}  // namespace cfree
