// inline.cpp: GCC extended-asm templates (GCC manual, "Extended Asm" --
// "Input Operands", "Output Operands", "Goto Labels" and the x86 operand
// modifiers of "x86 Operand Modifiers"), expanded to AT&T text and then
// assembled by the same parser and encoder as whole files.
//
// Template syntax: %N and %[name] print operand N; %lN / %l[name] print an
// asm goto label; %% is a literal %, %= a number unique to this asm
// instance; %{ %| %} are literal braces and bar, and an unescaped
// {att|intel} dialect group keeps its first (AT&T) alternative.
// Modifiers: b w k q (register at 8/16/32/64 bits), h (high byte: ah..bh),
// c and P (a constant or symbol without `$`), n (the negated constant),
// a (an address as a memory reference), z (the size suffix b/w/l/q of the
// operand), l (a label).
#include "asm/internal.h"

#include <string>

namespace cfree::as {

namespace {

const char* goto_label_prefix() { return ".Lcfree_goto_"; }

void print_reg(std::string& o, x86::Reg r) {
  o.push_back('%');
  o += x86::reg_name(r);
}

}  // namespace

bool expand_inline(Compiler& c, const InlineAsm& in, std::string* out) {
  std::string& o = *out;
  const char* t = in.text;
  const char* end = in.text + in.len;
  auto err = [&](const char* msg) {
    c.diags.reportf(CFREE_SEV_ERROR, in.loc, "%s", msg);
    return false;
  };
  auto sym_name = [&](ObjSymId id) -> std::string {
    if (in.ob) return in.ob->symbol_name(id);
    return "sym" + std::to_string(id);
  };
  int brace = 0;  // inside {att|intel}: 1 = keeping, 2 = skipping
  while (t < end) {
    char ch = *t++;
    if (ch == '{') {
      brace = 1;
      continue;
    }
    if (brace && ch == '|') {
      brace = 2;
      continue;
    }
    if (brace && ch == '}') {
      brace = 0;
      continue;
    }
    if (brace == 2) continue;
    if (ch != '%') {
      o.push_back(ch);
      continue;
    }
    if (t >= end) return err("invalid 'asm': '%' at end of template");
    char m = *t;
    if (m == '%' || m == '{' || m == '|' || m == '}') {
      o.push_back(m);
      t++;
      continue;
    }
    if (m == '=') {
      o += std::to_string(in.unique);
      t++;
      continue;
    }
    char mod = 0;
    if ((m >= 'a' && m <= 'z') || (m >= 'A' && m <= 'Z')) {
      mod = m;
      t++;
      if (t >= end) return err("invalid 'asm': operand number missing after %-letter");
    }
    // Operand reference: digits or [name].
    size_t idx = 0;
    bool have = false;
    if (*t == '[') {
      const char* s = ++t;
      while (t < end && *t != ']') t++;
      if (t >= end) return err("invalid 'asm': missing ']' in operand name");
      std::string_view nm(s, static_cast<size_t>(t - s));
      t++;
      Sym want = c.syms.intern(nm.data(), nm.size());
      if (mod == 'l') {
        for (size_t k = 0; k < in.goto_names.size(); k++)
          if (in.goto_names[k] == want) {
            idx = in.ops.size() + k;
            have = true;
          }
      } else {
        for (size_t k = 0; k < in.ops.size(); k++)
          if (in.ops[k].name == want) {
            idx = k;
            have = true;
          }
      }
      if (!have) return err("invalid 'asm': undefined named operand");
    } else if (*t >= '0' && *t <= '9') {
      while (t < end && *t >= '0' && *t <= '9') idx = idx * 10 + static_cast<size_t>(*t++ - '0');
      have = true;
    } else {
      return err("invalid 'asm': operand number missing after %-letter");
    }
    if (mod == 'l' || idx >= in.ops.size()) {
      size_t g = idx - in.ops.size();
      if (idx < in.ops.size() || g >= in.goto_labels.size())
        return err("invalid 'asm': operand number out of range");
      o += goto_label_prefix() + std::to_string(g);
      continue;
    }
    const InlineOperand& io = in.ops[idx];
    const x86::Operand& op = io.op;
    unsigned size = io.size ? io.size : op.size;
    switch (mod) {
      case 'z':
        if (size == 1) o.push_back('b');
        else if (size == 2) o.push_back('w');
        else if (size == 4) o.push_back('l');
        else if (size == 8) o.push_back('q');
        else return err("invalid 'asm': invalid operand size for '%z'");
        continue;
      default:
        break;
    }
    if (op.kind == x86::OpKind::Reg && mod == 'a') {
      // %a of a register: the address it holds, as a memory reference.
      o.push_back('(');
      print_reg(o, x86::is_gpr(op.reg) ? x86::gpr(x86::reg_num(op.reg), 8) : op.reg);
      o.push_back(')');
      continue;
    }
    if (op.kind == x86::OpKind::Reg) {
      x86::Reg r = op.reg;
      if (x86::is_gpr(r)) {
        unsigned num = x86::reg_num(r);
        if (x86::reg_class(r) == x86::RegClass::Gpr8Hi) num -= 4;
        unsigned w = mod == 'b' ? 1 : mod == 'w' ? 2 : mod == 'k' ? 4 : mod == 'q' ? 8 : size;
        if (mod == 'h') {
          if (num > 3) return err("invalid 'asm': no high-byte form of this register");
          r = x86::make_reg(x86::RegClass::Gpr8Hi, num + 4);
        } else if (w == 1 || w == 2 || w == 4 || w == 8) {
          r = x86::gpr(num, w);
        }
      }
      print_reg(o, r);
      continue;
    }
    if (op.kind == x86::OpKind::Imm) {
      std::string v;
      if (op.sym) {
        v = sym_name(op.sym);
        if (op.imm) v += (op.imm > 0 ? "+" : "") + std::to_string(op.imm);
      } else {
        v = std::to_string(mod == 'n' ? -op.imm : op.imm);
      }
      if (mod == 'a') {
        o += op.sym ? v + "(%rip)" : v;
      } else {
        if (mod != 'c' && mod != 'P' && mod != 'n') o.push_back('$');
        o += v;
      }
      continue;
    }
    if (op.kind == x86::OpKind::Mem) {
      if (op.seg != x86::Reg::None) {
        print_reg(o, op.seg);
        o.push_back(':');
      }
      if (op.sym) {
        o += sym_name(op.sym);
        if (op.imm) o += (op.imm > 0 ? "+" : "") + std::to_string(op.imm);
      } else if (op.imm || (op.base == x86::Reg::None && op.index == x86::Reg::None)) {
        o += std::to_string(op.imm);
      }
      if (op.base != x86::Reg::None || op.index != x86::Reg::None) {
        o.push_back('(');
        if (op.base != x86::Reg::None) print_reg(o, op.base);
        if (op.index != x86::Reg::None) {
          o.push_back(',');
          print_reg(o, op.index);
          o += "," + std::to_string(op.scale);
        }
        o.push_back(')');
      }
      continue;
    }
    if (op.kind == x86::OpKind::Label) {
      return err("invalid 'asm': a label operand must be used with %l");
    }
    return err("invalid 'asm': operand has no printable form");
  }
  return true;
}

}  // namespace cfree::as

namespace cfree::as {

bool assemble_inline(Compiler& c, MCEmitter& mc, const InlineAsm& in0) {
  InlineAsm in = in0;
  in.ob = &mc.obj();
  std::string text;
  if (!expand_inline(c, in, &text)) return false;
  Assembler as(c, mc.obj());
  return as.run_inline(mc, text.data(), text.size(), in.loc, in);
}

bool Assembler::run_inline(MCEmitter& mc, const char* text, size_t len, Loc loc, const InlineAsm& in) {
  inline_mode_ = true;
  inline_mc_ = &mc;
  inline_ = &in;
  ObjSecId home = mc.section();
  const ObjSection& hs = ob_.section_get(home);
  Section s;
  s.name = hs.name;
  s.flags = hs.flags;
  s.type = hs.sem == SecSem::NoBits ? 8 : 1;
  s.id = home;
  s.base = mc.offset();
  secs_.push_back(std::move(s));
  cur_ = prev_ = 0;
  new_frag();
  for (size_t k = 0; k < in.goto_labels.size(); k++) {
    SymIdx g = sym_lookup(std::string(".Lcfree_goto_") + std::to_string(k));
    syms_[g].mclabel = in.goto_labels[k];
  }
  // Symbol operands (a static variable's "m", an "i" address) are the
  // CG's own symbols: bind their printed names to them.
  for (const InlineOperand& op : in.ops) {
    if (!op.op.sym) continue;
    std::string nm = ob_.symbol_name(op.op.sym);
    SymIdx si = sym_lookup(nm);
    if (!syms_[si].defined) syms_[si].id = op.op.sym;
  }
  line_loc_ = loc;
  push_text(std::string(text, len), loc);
  run_sources();
  if (!conds_.empty()) error("end of asm in conditional (missing .endif)");
  if (errors_) return false;
  relax();
  bool ok = emit_object();
  mc.switch_section(home);
  return ok && !errors_;
}

}  // namespace cfree::as
