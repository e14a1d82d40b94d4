// reader.cpp: the assembler's input side -- physical lines from files and
// expansions, comments, statement separators, labels, macros (.macro/.endm
// with \param, \@ and defaults), repetition (.rept .irp .irpc) and
// conditional assembly (.if* .else .elseif .endif), as GNU as reads them
// (gas manual, "Syntax" and "Assembler Directives").
//
// Comments: `#` to end of line (so cpp line markers in .S output are
// comments too) and C-style /* */ comments, which may span lines; `;`
// separates statements on one line.
#include "asm/internal.h"

#include <cstdarg>
#include <cstdio>

namespace cfree::as {

void Assembler::error(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  errors_ = true;
  c_.diags.reportf(CFREE_SEV_ERROR, line_loc_, "%s", buf);
}

void Assembler::warning(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  c_.diags.reportf(CFREE_SEV_WARNING, line_loc_, "%s", buf);
}

void Assembler::push_text(std::string text, Loc loc) {
  if (srcs_.size() > 200) {
    error("macros nested too deeply");
    return;
  }
  Source s;
  s.owned = std::move(text);
  s.owned.push_back('\n');
  s.base = loc;
  s.cond_depth = static_cast<int>(conds_.size());
  s.size = s.owned.size();
  srcs_.push_back(std::move(s));
}

// One physical line (comments removed, /* */ joined), without the newline.
bool Assembler::next_line(std::string& line, Loc* loc) {
  line.clear();
  while (!srcs_.empty()) {
    Source& s = srcs_.back();
    if (s.pos >= s.size) {
      srcs_.pop_back();
      continue;
    }
    const char* begin = s.data();
    const char* end = begin + s.size;
    *loc = s.is_file ? s.base + static_cast<Loc>(s.pos) : s.base;
    const char* p = begin + s.pos;
    bool in_str = false;
    while (p < end && *p != '\n') {
      char ch = *p;
      if (in_str) {
        line.push_back(ch);
        if (ch == '\\' && p + 1 < end && p[1] != '\n') {
          line.push_back(p[1]);
          p += 2;
          continue;
        }
        if (ch == '"') in_str = false;
        p++;
        continue;
      }
      if (ch == '"') {
        in_str = true;
      } else if (ch == '#') {
        while (p < end && *p != '\n') p++;
        break;
      } else if (ch == '/' && p + 1 < end && p[1] == '*') {
        p += 2;
        while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) p++;
        p = p + 2 <= end ? p + 2 : end;
        line.push_back(' ');
        continue;
      } else if (ch == '\'' && p + 1 < end && p[1] != '\n') {
        // A character constant: 'c or '\n (GNU as); copy as is.
        line.push_back(ch);
        line.push_back(p[1]);
        p += 2;
        if (p[-1] == '\\' && p < end && *p != '\n') line.push_back(*p++);
        continue;
      }
      line.push_back(ch);
      p++;
    }
    s.pos = static_cast<size_t>((p < end ? p + 1 : end) - begin);
    return true;
  }
  return false;
}

// Split a line into statements at `;` (outside strings) and run each.
void Assembler::run_sources() {
  std::string line;
  Loc loc = 0;
  while (next_line(line, &loc)) {
    line_loc_ = loc;
    size_t i = 0, start = 0;
    bool in_str = false;
    for (; i <= line.size(); i++) {
      char ch = i < line.size() ? line[i] : ';';
      if (in_str) {
        if (ch == '\\' && i + 1 < line.size()) i++;
        else if (ch == '"') in_str = false;
        continue;
      }
      if (ch == '"') {
        in_str = true;
        continue;
      }
      if (ch == '\'' && i + 1 < line.size()) {
        i++;
        if (line[i] == '\\' && i + 1 < line.size()) i++;
        continue;
      }
      if (ch == ';') {
        std::string st = line.substr(start, i - start);
        start = i + 1;
        size_t before = srcs_.size();
        statement(st.c_str());
        // A statement that pushed a new source (macro call, .rept, .include)
        // must run that source before the rest of this line; gas does the same
        // only for whole lines, and sources never share a line, so stop here.
        if (srcs_.size() != before) {
          if (start < line.size()) {
            // Keep the rest of the line behind the expansion.
            Source pushed = std::move(srcs_.back());
            srcs_.pop_back();
            push_text(line.substr(start), loc);
            srcs_.push_back(std::move(pushed));
          }
          break;
        }
      }
    }
  }
}

// Collect raw lines up to the matching `end_dir`, counting nested openers.
void Assembler::collect_block(std::string* body, const char* end_dir, const char* nest_a,
                              const char* nest_b, const char* nest_c) {
  int depth = 1;
  std::string line;
  Loc loc, start = line_loc_;
  auto first_word = [](const std::string& l) {
    size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) i++;
    // Skip a label.
    size_t j = i;
    while (j < l.size() && is_ident_char(l[j])) j++;
    if (j < l.size() && l[j] == ':' && j > i) {
      i = j + 1;
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) i++;
      j = i;
      while (j < l.size() && is_ident_char(l[j])) j++;
    }
    std::string w = l.substr(i, j - i);
    for (char& ch : w) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    return w;
  };
  while (next_line(line, &loc)) {
    std::string w = first_word(line);
    if (w == end_dir || (std::string(end_dir) == ".endr" && w == ".endm" && false)) {
      if (--depth == 0) return;
    } else if (w == nest_a || w == nest_b || (nest_c && w == nest_c)) {
      depth++;
    } else if (std::string(end_dir) == ".endr" && (w == ".irp" || w == ".irpc" || w == ".rept")) {
      depth++;
    }
    body->append(line);
    body->push_back('\n');
  }
  line_loc_ = start;
  error("end of file inside a block (missing %s)", end_dir);
}

// Split macro arguments: by commas, or by blanks when no commas are used.
static std::vector<std::string> split_args(const char* p) {
  std::vector<std::string> out;
  skip_ws(p);
  if (!*p) return out;
  std::string cur;
  int paren = 0;
  bool in_str = false;
  bool comma_mode = false;
  for (const char* q = p; *q; q++) {
    if (*q == '"') in_str = !in_str;
    if (!in_str && *q == ',') comma_mode = true;
  }
  for (; *p; p++) {
    char ch = *p;
    if (in_str) {
      cur.push_back(ch);
      if (ch == '"') in_str = false;
      continue;
    }
    if (ch == '"') {
      in_str = true;
      cur.push_back(ch);
      continue;
    }
    if (ch == '(') paren++;
    if (ch == ')') paren--;
    bool sep = paren == 0 && (ch == ',' || (!comma_mode && (ch == ' ' || ch == '\t')));
    if (sep) {
      while (!cur.empty() && (cur.back() == ' ' || cur.back() == '\t')) cur.pop_back();
      if (!comma_mode && cur.empty()) continue;
      out.push_back(cur);
      cur.clear();
      p++;
      skip_ws(p);
      p--;
      continue;
    }
    cur.push_back(ch);
  }
  while (!cur.empty() && (cur.back() == ' ' || cur.back() == '\t')) cur.pop_back();
  if (!cur.empty() || comma_mode) out.push_back(cur);
  return out;
}

// Replace \name (and \() ) in body with values.
static std::string substitute(const std::string& body, const std::vector<std::string>& names,
                              const std::vector<std::string>& vals, u32 counter) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); i++) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out.push_back(body[i]);
      continue;
    }
    if (body[i + 1] == '(' && i + 2 < body.size() && body[i + 2] == ')') {
      i += 2;
      continue;
    }
    if (body[i + 1] == '@') {
      out += std::to_string(counter);
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < body.size() && is_ident_char(body[j]) && body[j] != '.' && body[j] != '$') j++;
    std::string nm = body.substr(i + 1, j - i - 1);
    bool found = false;
    for (size_t k = 0; k < names.size(); k++)
      if (names[k] == nm) {
        out += vals[k];
        found = true;
        break;
      }
    if (found) {
      i = j - 1;
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

bool Assembler::macro_call(std::string_view name, const char* p) {
  auto it = macros_.find(std::string(name));
  if (it == macros_.end()) return false;
  const Macro& m = it->second;
  std::vector<std::string> args = split_args(p);
  std::vector<std::string> vals(m.params.size());
  size_t pos = 0;
  for (size_t k = 0; k < args.size(); k++) {
    const std::string& a = args[k];
    size_t eq = a.find('=');
    bool named = false;
    if (eq != std::string::npos && eq > 0) {
      std::string key = a.substr(0, eq);
      for (size_t q = 0; q < m.params.size(); q++)
        if (m.params[q] == key) {
          vals[q] = a.substr(eq + 1);
          named = true;
        }
    }
    if (named) continue;
    if (pos < m.params.size()) {
      if (m.vararg[pos]) {
        std::string rest = a;
        for (size_t r = k + 1; r < args.size(); r++) rest += "," + args[r];
        vals[pos] = rest;
        break;
      }
      vals[pos++] = a;
    } else {
      error("too many positional arguments for macro '%.*s'", static_cast<int>(name.size()),
            name.data());
      return true;
    }
  }
  for (size_t q = 0; q < vals.size(); q++)
    if (vals[q].empty()) vals[q] = m.defaults[q];
  push_text(substitute(m.body, m.params, vals, macro_count_++), line_loc_);
  srcs_.back().macro_depth = 1;
  return true;
}

void Assembler::cond_directive(std::string_view d, const char* p) {
  bool parent = !skipping();
  if (d == ".endif") {
    if (conds_.empty()) error(".endif without .if");
    else conds_.pop_back();
    return;
  }
  if (d == ".else") {
    if (conds_.empty()) return error(".else without .if");
    Cond& c = conds_.back();
    c.active = c.parent_active && !c.taken;
    c.taken = true;
    return;
  }
  bool is_elseif = d == ".elseif";
  if (is_elseif) {
    if (conds_.empty()) return error(".elseif without .if");
    parent = conds_.back().parent_active;
    if (conds_.back().taken || !parent) {
      conds_.back().active = false;
      return;
    }
  }
  bool v = false;
  if (parent) {
    skip_ws(p);
    auto expr_val = [&](i64* out) {
      Expr* e = parse_expr(p);
      if (!e) return false;
      if (!eval_const(e, out)) {
        error("non-constant expression in %.*s", static_cast<int>(d.size()), d.data());
        return false;
      }
      return true;
    };
    i64 x = 0;
    std::string_view k = is_elseif ? std::string_view(".if") : d;
    if (k == ".if" || k == ".ifne") { expr_val(&x); v = x != 0; }
    else if (k == ".ifeq") { expr_val(&x); v = x == 0; }
    else if (k == ".ifgt") { expr_val(&x); v = x > 0; }
    else if (k == ".ifge") { expr_val(&x); v = x >= 0; }
    else if (k == ".iflt") { expr_val(&x); v = x < 0; }
    else if (k == ".ifle") { expr_val(&x); v = x <= 0; }
    else if (k == ".ifdef" || k == ".ifndef" || k == ".ifnotdef") {
      std::string_view nm = read_ident(p);
      auto it = sym_by_name_.find(c_.syms.intern(nm.data(), nm.size()));
      bool def = it != sym_by_name_.end() && (syms_[it->second].defined || syms_[it->second].equ);
      v = k == ".ifdef" ? def : !def;
    } else if (k == ".ifb" || k == ".ifnb") {
      bool blank = at_end(p);
      v = k == ".ifb" ? blank : !blank;
    } else if (k == ".ifc" || k == ".ifnc" || k == ".ifeqs" || k == ".ifnes") {
      std::vector<std::string> a = split_args(p);
      auto unq = [](std::string s) {
        if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
        if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
        return s;
      };
      bool eq = a.size() == 2 ? unq(a[0]) == unq(a[1]) : a.empty();
      v = (k == ".ifc" || k == ".ifeqs") ? eq : !eq;
    } else {
      error("unknown conditional directive");
    }
  }
  if (is_elseif) {
    conds_.back().active = v;
    conds_.back().taken = v;
  } else {
    conds_.push_back(Cond{parent && v, parent && v, parent});
  }
}

// The block directives that read lines ahead: .macro, .rept, .irp, .irpc.
bool block_directive(Assembler& as, std::string_view d, const char* p) {
  if (d == ".macro") {
    skip_ws(p);
    std::string_view name = read_ident(p);
    if (name.empty()) {
      as.error("expected a macro name");
      return true;
    }
    Macro m;
    if (*p == ',') p++;
    std::vector<std::string> params = split_args(p);
    for (std::string& prm : params) {
      std::string def;
      bool va = false;
      size_t eq = prm.find('=');
      if (eq != std::string::npos) {
        def = prm.substr(eq + 1);
        prm = prm.substr(0, eq);
      }
      size_t colon = prm.find(':');
      if (colon != std::string::npos) {
        va = prm.substr(colon + 1) == "vararg";
        prm = prm.substr(0, colon);
      }
      while (!prm.empty() && prm.back() == ' ') prm.pop_back();
      m.params.push_back(prm);
      m.defaults.push_back(def);
      m.vararg.push_back(va);
    }
    as.collect_block(&m.body, ".endm", ".macro", ".macro");
    as.macros_[std::string(name)] = std::move(m);
    return true;
  }
  if (d == ".rept") {
    Expr* e = as.parse_expr(p);
    i64 n = 0;
    if (e && !as.eval_const(e, &n)) as.error(".rept count is not a constant");
    std::string body;
    as.collect_block(&body, ".endr", ".rept", ".irp", ".irpc");
    std::string text;
    for (i64 i = 0; i < n && i < 1000000; i++) text += body;
    as.push_text(std::move(text), as.line_loc_);
    return true;
  }
  if (d == ".irp" || d == ".irpc") {
    skip_ws(p);
    std::string_view name = read_ident(p);
    skip_ws(p);
    if (*p == ',') p++;
    std::string body;
    as.collect_block(&body, ".endr", ".rept", ".irp", ".irpc");
    std::vector<std::string> vals;
    if (d == ".irp") {
      vals = split_args(p);
      if (vals.empty()) vals.push_back("");
    } else {
      skip_ws(p);
      for (; *p && *p != ' '; p++) vals.push_back(std::string(1, *p));
    }
    std::string text;
    std::vector<std::string> names{std::string(name)};
    for (const std::string& v : vals) text += substitute(body, names, {v}, as.macro_count_++);
    as.push_text(std::move(text), as.line_loc_);
    return true;
  }
  return false;
}

}  // namespace cfree::as
