// pp-output.cpp: `cc -E` text output, -dM/-dD macro dumps and -M
// dependency rules.
//
// The printer reproduces GCC's c-ppoutput.cc state machine, because users
// (and our differential tests) diff `cfree cc -E` against `gcc -E`: line
// markers `# N "file" flags` on file changes and jumps of 8 lines or more,
// blank lines for smaller jumps, a token's original column restored at the
// start of a line, one space where the source had white space or where two
// tokens would otherwise paste together (driven by the padding tokens the
// expander produces), and a line marker whenever the "system header"-ness of
// consecutive tokens changes.
#include "c/pp-impl.h"

#include <algorithm>
#include <cstdio>

namespace cfree::c {

namespace {

// GCC's cpp_avoid_paste: would printing b right after a change the tokens?
bool avoid_paste(const Token& a, const Token& b) {
  Tok ak = a.kind, bk = b.kind;
  char c = 0;
  if (is_punct(bk) || bk == Tok::Unknown) c = b.len ? b.text[0] : 0;
  if (bk == Tok::Unknown) c = 0;
  bool b_plain_char = bk == Tok::CharConst && b.text[0] == '\'';
  bool b_plain_str = bk == Tok::String && b.text[0] == '"';
  bool a_name = a.sym != 0;
  bool b_name = b.sym != 0;
  if (c == '=') {
    switch (ak) {
      case Tok::Equal: case Tok::Bang: case Tok::Greater: case Tok::Less: case Tok::Plus:
      case Tok::Minus: case Tok::Star: case Tok::Slash: case Tok::Percent: case Tok::Amp:
      case Tok::Pipe: case Tok::Caret: case Tok::GreaterGreater: case Tok::LessLess:
        return true;
      default: break;
    }
  }
  if (a_name) return (bk == Tok::Number) || b_name || b_plain_char || b_plain_str;
  switch (ak) {
    case Tok::Greater: return c == '>';
    case Tok::Less: return c == '<' || c == '%' || c == ':';
    case Tok::Plus: return c == '+';
    case Tok::Minus: return c == '-' || c == '>';
    case Tok::Slash: return c == '/' || c == '*';
    case Tok::Percent: return c == ':' || c == '%';
    case Tok::Amp: return c == '&';
    case Tok::Pipe: return c == '|';
    case Tok::Colon: return c == ':' || c == '>';
    case Tok::Arrow: return c == '*';
    case Tok::Dot: return c == '.' || c == '%' || bk == Tok::Number;
    case Tok::Hash: return c == '#' || c == '%';
    case Tok::Number:
      return bk == Tok::Number || b_name || b_plain_char || c == '.' || c == '+' || c == '-';
    case Tok::Unknown:
      if (a.len && a.text[0] == '\\' && b_name) return true;
      return false;
    default: break;
  }
  return false;
}

class Printer final : public PrintHooks {
 public:
  Printer(Preprocessor::Impl* pp, const CfreePreprocessOptions* o, CfreeWriter* w)
      : pp_(pp), opts_(o), w_(w) {
    buf_.reserve(1 << 17);
    no_markers_ = o && o->no_line_markers;
    adjust_ = !pp->asm_mode && !no_markers_;
  }

  void run();
  bool flush() {
    if (!buf_.empty() && w_ && w_->write(w_->ctx, buf_.data(), buf_.size()) != 0) failed_ = true;
    buf_.clear();
    return !failed_;
  }
  bool failed() const { return failed_; }

  // PrintHooks.
  void line_change(const Token& t, const Source& s) override {
    u32 line, col;
    locate(s, t.loc, &line, &col);  // (a -C comment token may end lines later)
    do_line_change(line, col, s);
  }
  void file_change(int reason, const Source& s, u32 line) override;
  void pragma_verbatim(const Source& s, u32 line, const char* text, size_t len) override {
    if (dump_only_) return;
    maybe_print_line(presumed(s, line), s);
    out("#pragma ");
    buf_.append(text, len);
    buf_ += '\n';
    printed_ = false;
    src_line_++;
  }
  void pragma_line_change(const Token& name_tok, const Source& s) override {
    if (dump_only_) return;
    // GCC calls its line-change hook after an internal pragma with the
    // pragma's name token (column - 2 spaces, then a newline later).
    u32 col = static_cast<u32>(name_tok.text - s.line_start) + 1;
    if (name_tok.text < s.begin || name_tok.text > s.end) col = 1;
    do_line_change(presumed(s, s.line), col, s);
  }
  void after_pragma_operator() override {
    has_prev_ = false;
    src_set_ = false;
    src_white_ = false;
  }
  void define(Macro* m, bool undef) override {
    if (!dump_defines_) return;
    const Source& s = *pp_->cur_file();
    maybe_print_line(presumed(s, pp_->directive_line), s);
    if (undef) {
      size_t len;
      const char* n = cfree_sym_str(pp_->c, m->name, &len);
      out("#undef ");
      buf_.append(n, len);
    } else {
      out("#define ");
      definition(m, &buf_);
    }
    buf_ += '\n';
    printed_ = false;
    src_line_++;
  }
  void ident(const Source& s, u32 line, const char* text, size_t len) override {
    if (dump_only_) return;
    maybe_print_line(presumed(s, line), s);
    out("#ident ");
    buf_.append(text, len);
    buf_ += '\n';
    src_line_++;
  }

  void definition(const Macro* m, std::string* o) const;
  // GCC prints the UCNs of an identifier in the long form \UXXXXXXXX.
  void append_ucn_identifier(const Token& t) {
    for (u32 i = 0; i < t.len; i++) {
      if (t.text[i] == '\\' && i + 1 < t.len && (t.text[i + 1] == 'u' || t.text[i + 1] == 'U')) {
        u32 n = t.text[i + 1] == 'u' ? 4 : 8;
        buf_ += "\\U";
        for (u32 k = n; k < 8; k++) buf_ += '0';
        for (u32 k = 0; k < n && i + 2 + k < t.len; k++) {
          char ch = t.text[i + 2 + k];
          buf_ += (ch >= 'A' && ch <= 'F') ? static_cast<char>(ch - 'A' + 'a') : ch;
        }
        i += 1 + n;
        continue;
      }
      buf_ += t.text[i];
    }
  }
  bool dump_only_ = false;     // -dM: no text output
  bool dump_defines_ = false;  // -dD

 private:
  static u32 presumed(const Source& s, u32 phys) {
    if (s.cmdline) return 0;
    i64 l = static_cast<i64>(phys) + s.line_delta;
    return l < 0 ? 0 : static_cast<u32>(l);
  }
  static int sysp_of(const Source& s) { return s.sysp; }
  void out(const char* s) { buf_ += s; }
  void maybe_flush() {
    if (buf_.size() >= (1 << 16)) flush();
  }
  bool maybe_print_line(u32 line, const Source& s) {
    return maybe_print_line(line, s.name, sysp_of(s));
  }
  bool maybe_print_line(u32 line, const char* file, int sysp) {
    bool emitted = false;
    if (printed_) {
      buf_ += '\n';
      src_line_++;
      printed_ = false;
    }
    if (!no_markers_ && line >= src_line_ && line < src_line_ + 8 && src_file_ && file &&
        std::strcmp(file, src_file_) == 0) {
      while (line > src_line_) {
        buf_ += '\n';
        src_line_++;
      }
    } else {
      emitted = print_line(line, file, sysp, "");
    }
    return emitted;
  }
  bool print_line(u32 line, const char* file, int sysp, const char* flags) {
    if (printed_) buf_ += '\n';
    printed_ = false;
    if (no_markers_) return false;
    src_line_ = line;
    src_file_ = file;
    char num[16];
    std::snprintf(num, sizeof num, "%u", line);
    buf_ += "# ";
    buf_ += num;
    buf_ += " \"";
    for (const char* p = file; *p; p++) {
      if (*p == '\\' || *p == '"') buf_ += '\\';
      if (*p == '\n') {
        buf_ += "\\n";
        continue;
      }
      buf_ += *p;
    }
    buf_ += '"';
    buf_ += flags;
    if (sysp == 2) buf_ += " 3 4";
    else if (sysp == 1) buf_ += " 3";
    buf_ += '\n';
    return true;
  }
  bool do_line_change(u32 line, u32 col, const Source& s) {
    if (dump_only_) return false;
    bool emitted = maybe_print_line(line, s);
    has_prev_ = false;
    src_set_ = false;
    src_white_ = false;
    printed_ = true;
    for (int spaces = static_cast<int>(col) - 2; spaces > 0; spaces--) buf_ += ' ';
    return emitted;
  }

  Preprocessor::Impl* pp_;
  const CfreePreprocessOptions* opts_;
  CfreeWriter* w_;
  std::string buf_;
  bool failed_ = false;
  bool no_markers_ = false;
  bool adjust_ = true;
  bool printed_ = false;
  bool first_time_ = true;
  u32 src_line_ = 1;
  const char* src_file_ = nullptr;
  bool has_prev_ = false;
  Token prev_;
  bool src_set_ = false, src_white_ = false;  // print.source (non-NULL?) and its PREV_WHITE
  bool prev_was_system_ = false;
  bool line_marker_emitted_ = false;
  CfreeLoc top_loc_ = 0;
  u32 top_line_ = 0, top_col_ = 1;

  // Presumed line and column of text in the current source: on the current
  // line in the common case; behind it after a look-ahead crossed lines.
  static void locate(const Source& s, CfreeLoc loc, u32* line, u32* col) {
    const char* text = loc >= s.base && loc - s.base <= static_cast<size_t>(s.end - s.begin)
                           ? s.begin + (loc - s.base) : nullptr;
    if (!text) {
      *line = presumed(s, s.line);
      *col = 1;
      return;
    }
    if (text >= s.line_start) {
      *line = presumed(s, s.line);
      *col = static_cast<u32>(text - s.line_start) + 1;
      return;
    }
    u32 n = 0;
    for (const char* p = text; p < s.line_start; p++) n += *p == '\n';
    const char* ls = text;
    while (ls > s.begin && ls[-1] != '\n') ls--;
    *line = presumed(s, s.line - n);
    *col = static_cast<u32>(text - ls) + 1;
  }
};

void Printer::file_change(int reason, const Source& s, u32 line) {
  if (dump_only_) return;
  if (reason == 4) {
    // GCC: maybe_print_line(included_from) before entering a file.
    if (!no_markers_) maybe_print_line(presumed(s, line), s);
    return;
  }
  if (no_markers_) return;
  u32 l = presumed(s, line);
  if (reason == 3 || first_time_) {
    first_time_ = false;
    print_line(l, s.name, sysp_of(s), "");
    return;
  }
  const char* flags = reason == 0 ? " 1" : reason == 1 ? " 2" : "";
  print_line(l, s.name, sysp_of(s), flags);
}

void Printer::definition(const Macro* m, std::string* o) const {
  size_t len;
  const char* n = cfree_sym_str(pp_->c, m->name, &len);
  o->append(n, len);
  if (m->funlike) {
    *o += '(';
    for (u32 i = 0; i < m->nparams; i++) {
      if (m->params[i] != pp_->s_va_args) {
        const char* p = cfree_sym_str(pp_->c, m->params[i], &len);
        o->append(p, len);
      }
      if (i + 1 < m->nparams) *o += ',';
      else if (m->variadic) *o += "...";
    }
    *o += ')';
  }
  *o += ' ';
  for (u32 i = 0; i < m->ntoks; i++) {
    const Token& t = m->body[i];
    if (t.flags & kTokSpace) *o += ' ';
    if (t.flags & kTokStringifyArg) *o += '#';
    o->append(t.text, t.len);
    if (t.flags & kTokPasteLeft) *o += " ##";
  }
}

void Printer::run() {
  bool avoid = false;
  bool in_pragma = false;
  Token t;
  for (;;) {
    if (pp_->has_pending) pp_->has_pending = false;
    pp_->get_token(t);
    if (t.kind == kPadding) {
      avoid = true;
      bool pnull = t.flags & kTokPadNull;
      if (!src_set_ || (!src_white_ && pnull)) {
        src_set_ = !pnull;
        src_white_ = (t.flags & kTokSpace) != 0;
      }
      continue;
    }
    if (t.kind == Tok::Eof) break;
    if (dump_only_) continue;
    const Source& s = pp_->stack.back();
    bool from_ctx = pp_->last_from_ctx;
    u32 line, col;
    if (from_ctx) {
      if (pp_->top_exp_loc != top_loc_) {
        top_loc_ = pp_->top_exp_loc;
        locate(s, top_loc_, &top_line_, &top_col_);
      }
      line = top_line_;
      col = top_col_;
    } else {
      locate(s, t.loc, &line, &col);
    }
    if (avoid) {
      if (!src_set_) {
        src_set_ = true;
        src_white_ = (t.flags & kTokSpace) != 0;
      }
      if (line != src_line_ && adjust_ && !in_pragma) {
        line_marker_emitted_ = do_line_change(line, col, s);
        buf_ += ' ';
        printed_ = true;
      } else if (src_white_ || (has_prev_ && avoid_paste(prev_, t)) ||
                 (!has_prev_ && t.kind == Tok::Hash)) {
        buf_ += ' ';
        printed_ = true;
      }
    } else if (t.flags & kTokSpace) {
      if (line != src_line_ && adjust_ && !in_pragma)
        line_marker_emitted_ = do_line_change(line, col, s);
      buf_ += ' ';
      printed_ = true;
    }
    avoid = false;
    src_set_ = false;
    src_white_ = false;
    prev_ = t;
    has_prev_ = true;
    bool sys = (t.flags & kTokSystem) != 0;
    if (adjust_ && !in_pragma && !line_marker_emitted_ && prev_was_system_ != sys &&
        !(t.flags & kTokBuiltinLoc)) {
      // The system-ness changed: mark it with a line marker.
      Source tmp = s;
      tmp.sysp = sys ? 2 : 0;
      // GCC resolves the marker's file and line from the token's location.
      const Source* fs = pp_->cur_file();
      tmp.name = fs ? fs->name : s.name;
      tmp.line_delta = 0;
      tmp.cmdline = false;
      do_line_change(line, col, tmp);
      prev_was_system_ = sys;
    }
    if (t.sym && std::memchr(t.text, '\\', t.len)) {
      append_ucn_identifier(t);
    } else {
      buf_.append(t.text, t.len);
    }
    line_marker_emitted_ = false;
    printed_ = true;
    if (t.kind == Tok::Comment)
      for (u32 k = 0; k < t.len; k++) src_line_ += t.text[k] == '\n';
    maybe_flush();
  }
  // GCC ends the output with a newline if a line is open.
  if (printed_ && !dump_only_) buf_ += '\n';
  printed_ = false;
}

// Quote a target for make (GCC's -MT rules: spaces and '#' escaped, $ doubled
// is the caller's -MQ business).
std::string make_quote(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      for (size_t j = i; j > 0 && s[j - 1] == '\\'; j--) r += '\\';
      r += '\\';
    } else if (c == '#') {
      r += '\\';
    } else if (c == '$') {
      r += '$';
    }
    r += c;
  }
  return r;
}

}  // namespace

CfreeStatus preprocess_to_writer(CfreeCompiler* c, const CfreeCompileOptions* opts,
                                 const CfreePreprocessOptions* ppo, const CfreeInput* input,
                                 CfreeWriter* out) {
  try {
    Preprocessor pp(c, opts, input);
    Preprocessor::Impl* impl = pp.impl();
    impl->want_padding = true;
    impl->keep_comments = ppo && ppo->keep_comments;
    bool deps = ppo && ppo->deps_mode;
    Printer printer(impl, ppo, out);
    if (ppo && ppo->dump_macros == 1) printer.dump_only_ = true;
    if (ppo && ppo->dump_macros == 2) printer.dump_defines_ = true;
    if (deps && !ppo->deps_out) printer.dump_only_ = true;  // -M/-MM: rules only
    impl->print = &printer;
    impl->start();
    printer.run();
    if (ppo && ppo->dump_macros == 1) {
      std::string o;
      for (CfreeSym s = 0; s < impl->syms.size(); s++) {
        Macro* m = impl->syms[s].macro;
        if (!m || m->builtin != Builtin::None) continue;
        o += "#define ";
        printer.definition(m, &o);
        o += '\n';
      }
      if (out && !o.empty() && out->write(out->ctx, o.data(), o.size()) != 0) return CFREE_ERR_IO;
    }
    if (deps) {
      // Dependency rule: target: main file and (for -M) every header, (for
      // -MM) the user headers.
      std::string target;
      if (ppo->deps_target) {
        target = ppo->deps_target;
      } else {
        std::string base = input->name;
        size_t slash = base.rfind('/');
        if (slash != std::string::npos) base = base.substr(slash + 1);
        size_t dot = base.rfind('.');
        if (dot != std::string::npos) base.resize(dot);
        target = make_quote(base + ".o");
      }
      std::vector<std::string> files;
      files.push_back(input->name);
      for (const auto& d : impl->deps)
        if (ppo->deps_mode == 1 || !d.system) files.push_back(d.path);
      std::string o = target + ":";
      size_t col = o.size();
      // GCC's layout (mkdeps.cc): a name that would pass column 72 starts a
      // continuation line.
      for (const std::string& f : files) {
        std::string q = make_quote(f);
        if (col && col + q.size() > 72) {
          o += " \\\n";
          col = 0;
        }
        col++;
        o += ' ';
        o += q;
        col += q.size();
      }
      o += '\n';
      if (ppo->deps_phony) {
        for (size_t i = 1; i < files.size(); i++) {
          o += make_quote(files[i]);
          o += ":\n";
        }
      }
      CfreeWriter* dw = ppo->deps_out ? ppo->deps_out : out;
      if (dw && dw->write(dw->ctx, o.data(), o.size()) != 0) return CFREE_ERR_IO;
    }
    if (!printer.flush()) return CFREE_ERR_IO;
  } catch (const Fatal&) {
    return CFREE_ERR_COMPILE;
  }
  return cfree_error_count(c) ? CFREE_ERR_COMPILE : CFREE_OK;
}

}  // namespace cfree::c
