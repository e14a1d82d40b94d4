// cfi.cpp: .cfi_* directives and the .eh_frame they produce, laid out as
// GNU as's dw2gencfi.c lays it out (DWARF 5 §6.4 call frame information;
// the .eh_frame format of the LSB core spec, "Exception Frames").
//
// Each .cfi_startproc opens an FDE whose program starts with the x86-64
// initial instructions (DW_CFA_def_cfa rsp+8, DW_CFA_offset rip at cfa-8);
// every directive appends its encoded instruction, preceded by an advance
// marker when code was emitted since the previous one.  When .eh_frame is
// built (after relaxation, so advances are final), each FDE's leading
// instructions up to its first advance / remember_state / escape form its
// CIE's initial instructions; a CIE is shared with an earlier FDE when those
// match, and written just before the first FDE that uses it.  CIEs and FDEs
// are padded with DW_CFA_nop to 4 bytes (the last FDE to 8); pc_begin is a 32-bit PC-relative
// field (augmentation "zR", FDE encoding DW_EH_PE_pcrel|sdata4).
#include "asm/internal.h"

#include <string>

namespace cfree::as {

namespace {

enum : u8 {
  CFA_advance_loc = 0x40, CFA_offset = 0x80, CFA_restore = 0xc0,
  CFA_advance_loc1 = 0x02, CFA_advance_loc2 = 0x03, CFA_advance_loc4 = 0x04,
  CFA_offset_extended = 0x05, CFA_restore_extended = 0x06, CFA_undefined = 0x07,
  CFA_same_value = 0x08, CFA_register = 0x09, CFA_remember_state = 0x0a,
  CFA_restore_state = 0x0b, CFA_def_cfa = 0x0c, CFA_def_cfa_register = 0x0d,
  CFA_def_cfa_offset = 0x0e, CFA_offset_extended_sf = 0x11, CFA_def_cfa_sf = 0x12,
  CFA_def_cfa_offset_sf = 0x13, CFA_GNU_window_save = 0x2d,
  // Markers (never written): an advance, an escape.
  MARK_ADVANCE = 0xfe, MARK_ESCAPE = 0xfd,
};

void uleb(std::string& s, u64 v) {
  do {
    u8 b = v & 0x7f;
    v >>= 7;
    if (v) b |= 0x80;
    s.push_back(static_cast<char>(b));
  } while (v);
}
void sleb(std::string& s, i64 v) {
  for (;;) {
    u8 b = v & 0x7f;
    i64 rest = v >> 7;
    bool done = (rest == 0 && !(b & 0x40)) || (rest == -1 && (b & 0x40));
    if (!done) b |= 0x80;
    s.push_back(static_cast<char>(b));
    v = rest;
    if (done) break;
  }
}

// DWARF register numbers for x86-64 (psABI §3.6.2, figure 3.36).
int dwarf_reg(std::string_view n) {
  static const char* const k[] = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
                                  "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15", "rip"};
  for (int i = 0; i < 17; i++)
    if (n == k[i]) return i;
  static const char* const k32[] = {"eax", "edx", "ecx", "ebx", "esi", "edi", "ebp", "esp"};
  for (int i = 0; i < 8; i++)
    if (n == k32[i]) return i;
  if (n.substr(0, 3) == "xmm") {
    int v = std::atoi(std::string(n.substr(3)).c_str());
    if (v >= 0 && v < 16) return 17 + v;
  }
  if (n.substr(0, 2) == "st") {
    if (n == "st") return 33;
  }
  return -1;
}

}  // namespace

struct CfiState {
  i64 cfa_off = 8;
  u32 cfa_reg = 7;
};

bool Assembler::cfi_directive(std::string_view d, const char* p) {
  skip_ws(p);
  if (inline_mode_) return true;  // the enclosing function's CFI is the CG's
  auto reg = [&](u32* out) {
    skip_ws(p);
    if (*p == '%') {
      p++;
      std::string_view n = read_ident(p);
      int r = dwarf_reg(n);
      if (r < 0) {
        error("bad register expression");
        return false;
      }
      *out = static_cast<u32>(r);
    } else {
      Expr* e = parse_expr(p);
      i64 v;
      if (!e || !eval_const(e, &v)) {
        error("bad register expression");
        return false;
      }
      *out = static_cast<u32>(v);
    }
    skip_ws(p);
    return true;
  };
  auto num = [&](i64* out) {
    skip_ws(p);
    if (*p == ',') p++;
    Expr* e = parse_expr(p);
    if (!e || !eval_const(e, out)) {
      error("expected an absolute expression");
      return false;
    }
    return true;
  };
  if (d == ".cfi_sections") return true;
  if (d == ".cfi_startproc") {
    if (cur_fde_) {
      error("previous CFI entry not closed (missing .cfi_endproc)");
      return true;
    }
    fdes_.emplace_back();
    cur_fde_ = &fdes_.back();
    cur_fde_->sec = cur_ + 1;
    cur_fde_->begin = sym_temp_here();
    std::string_view w = read_ident(p);
    if (w != "simple") {
      CfiInsn a;
      a.op = CFA_def_cfa;
      a.raw = {char(CFA_def_cfa), 7, 8};
      cur_fde_->insns.push_back(a);
      CfiInsn b;
      b.op = CFA_offset;
      b.raw = {char(CFA_offset | 16), 1};
      cur_fde_->insns.push_back(b);
    }
    cfi_state_stack_.clear();
    cur_fde_->ra = 16;
    // The current CFA state rides in the first stack entry.
    cfi_state_stack_.push_back({});
    CfiInsn st;
    st.op = 0;
    st.off = 8;
    st.reg = 7;
    cfi_state_stack_.back().push_back(st);
    return true;
  }
  if (!cur_fde_) {
    error("CFI instruction used without previous .cfi_startproc");
    return true;
  }
  Fde& f = *cur_fde_;
  CfiInsn& state = cfi_state_stack_.back().back();  // off = cfa offset, reg = cfa reg
  if (d == ".cfi_endproc") {
    f.end = sym_temp_here();
    cur_fde_ = nullptr;
    return true;
  }
  // An advance marker when code was emitted since the last instruction.
  auto here = [&]() {
    SymIdx at = sym_temp_here();
    SymIdx last = f.begin;
    for (auto it = f.insns.rbegin(); it != f.insns.rend(); ++it)
      if (it->op == MARK_ADVANCE) {
        last = it->at;
        break;
      }
    const Symbol& a = syms_[at];
    const Symbol& b = syms_[last];
    if (a.frag != b.frag || a.off != b.off || a.sec != b.sec) {
      CfiInsn adv;
      adv.op = MARK_ADVANCE;
      adv.at = at;
      f.insns.push_back(adv);
    }
  };
  CfiInsn in;
  std::string& r = in.raw;
  if (d == ".cfi_def_cfa") {
    u32 rg;
    i64 off;
    if (!reg(&rg) || !num(&off)) return true;
    here();
    in.op = CFA_def_cfa;
    if (off >= 0) {
      r.push_back(char(CFA_def_cfa));
      uleb(r, rg);
      uleb(r, static_cast<u64>(off));
    } else {
      in.op = CFA_def_cfa_sf;
      r.push_back(char(CFA_def_cfa_sf));
      uleb(r, rg);
      sleb(r, off / -8);
    }
    state.reg = rg;
    state.off = off;
  } else if (d == ".cfi_def_cfa_register") {
    u32 rg;
    if (!reg(&rg)) return true;
    here();
    in.op = CFA_def_cfa_register;
    r.push_back(char(CFA_def_cfa_register));
    uleb(r, rg);
    state.reg = rg;
  } else if (d == ".cfi_def_cfa_offset" || d == ".cfi_adjust_cfa_offset") {
    i64 off;
    skip_ws(p);
    Expr* e = parse_expr(p);
    if (!e || !eval_const(e, &off)) {
      error("expected an absolute expression");
      return true;
    }
    if (d == ".cfi_adjust_cfa_offset") off += state.off;
    here();
    in.op = CFA_def_cfa_offset;
    r.push_back(char(CFA_def_cfa_offset));
    uleb(r, static_cast<u64>(off));
    state.off = off;
  } else if (d == ".cfi_offset" || d == ".cfi_rel_offset") {
    u32 rg;
    i64 off;
    if (!reg(&rg) || !num(&off)) return true;
    if (d == ".cfi_rel_offset") off -= state.off;
    here();
    i64 fac = off / -8;
    in.op = CFA_offset;
    if (off % 8 == 0 && fac >= 0 && rg < 64) {
      r.push_back(char(CFA_offset | rg));
      uleb(r, static_cast<u64>(fac));
    } else if (fac >= 0 && off % 8 == 0) {
      r.push_back(char(CFA_offset_extended));
      uleb(r, rg);
      uleb(r, static_cast<u64>(fac));
    } else {
      r.push_back(char(CFA_offset_extended_sf));
      uleb(r, rg);
      sleb(r, fac);
    }
  } else if (d == ".cfi_restore") {
    u32 rg;
    if (!reg(&rg)) return true;
    here();
    in.op = CFA_restore;
    if (rg < 64) r.push_back(char(CFA_restore | rg));
    else {
      r.push_back(char(CFA_restore_extended));
      uleb(r, rg);
    }
  } else if (d == ".cfi_undefined" || d == ".cfi_same_value") {
    u32 rg;
    if (!reg(&rg)) return true;
    here();
    in.op = d == ".cfi_undefined" ? CFA_undefined : CFA_same_value;
    r.push_back(char(in.op));
    uleb(r, rg);
  } else if (d == ".cfi_register") {
    u32 a, b;
    if (!reg(&a)) return true;
    if (*p == ',') p++;
    if (!reg(&b)) return true;
    here();
    in.op = CFA_register;
    r.push_back(char(CFA_register));
    uleb(r, a);
    uleb(r, b);
  } else if (d == ".cfi_remember_state") {
    here();
    in.op = CFA_remember_state;
    r.push_back(char(CFA_remember_state));
    CfiInsn copy = state;
    cfi_state_stack_.back().push_back(copy);
  } else if (d == ".cfi_restore_state") {
    here();
    in.op = CFA_restore_state;
    r.push_back(char(CFA_restore_state));
    if (cfi_state_stack_.back().size() > 1) cfi_state_stack_.back().pop_back();
  } else if (d == ".cfi_escape") {
    here();
    in.op = MARK_ESCAPE;
    for (;;) {
      Expr* e = parse_expr(p);
      i64 v;
      if (!e || !eval_const(e, &v)) {
        error("expected an absolute expression");
        return true;
      }
      r.push_back(static_cast<char>(v));
      skip_ws(p);
      if (*p != ',') break;
      p++;
    }
  } else if (d == ".cfi_signal_frame") {
    f.signal = true;
    return true;
  } else if (d == ".cfi_return_column") {
    u32 rg;
    if (!reg(&rg)) return true;
    f.ra = rg;
    return true;
  } else if (d == ".cfi_window_save") {
    here();
    in.op = CFA_GNU_window_save;
    r.push_back(char(CFA_GNU_window_save));
  } else if (d == ".cfi_personality" || d == ".cfi_lsda") {
    i64 enc;
    Expr* e = parse_expr(p);
    if (!e || !eval_const(e, &enc)) {
      error("expected an encoding");
      return true;
    }
    if (enc == 0xff) {
      if (d == ".cfi_personality") f.per_enc = 0xff;
      else f.lsda_enc = 0xff;
      return true;
    }
    error("%.*s with an encoding other than 0xff is not supported yet", int(d.size()), d.data());
    return true;
  } else {
    error("unknown CFI directive `%.*s'", int(d.size()), d.data());
    return true;
  }
  f.insns.push_back(std::move(in));
  return true;
}

void Assembler::build_eh_frame() {
  if (fdes_.empty()) return;
  if (cur_fde_) {
    error("open CFI at the end of file; missing .cfi_endproc directive");
    return;
  }
  u32 save = cur_;
  cur_ = get_section(".eh_frame", 1, 0x2, 0, 0, false, true);
  Section& eh = cur();
  eh.align = 8;
  struct Cie {
    std::vector<std::string> insns;
    size_t n;
    u32 ra;
    bool signal;
    u64 offset;
  };
  std::vector<Cie> cies;
  auto pad8 = [&](std::string& s, size_t hdr) {
    while ((s.size() + hdr) % 4) s.push_back(0);
  };
  auto put32 = [&](u64 v) { emit_le(v, 4); };
  auto addr_of = [&](SymIdx s) {
    u32 sec;
    u64 a;
    sym_addr(s, &sec, &a, true);
    return a;
  };
  for (Fde& f : fdes_) {
    // A CIE is reused when its initial instructions are a prefix of the
    // FDE's leading ones (before any advance, remember_state or escape);
    // a new CIE takes all of the FDE's leading instructions (gas
    // select_cie_for_fde).
    auto leading = [](const CfiInsn& in) {
      return in.op != MARK_ADVANCE && in.op != CFA_remember_state && in.op != MARK_ESCAPE;
    };
    size_t k = 0;
    const Cie* cie = nullptr;
    for (const Cie& c : cies) {
      if (c.ra != f.ra || c.signal != f.signal || c.n > f.insns.size()) continue;
      bool ok = true;
      for (size_t q = 0; q < c.n && ok; q++)
        ok = leading(f.insns[q]) && f.insns[q].raw == c.insns[q];
      if (ok) {
        cie = &c;
        k = c.n;
        break;
      }
    }
    std::string init;
    std::vector<std::string> init_insns;
    if (!cie) {
      while (k < f.insns.size() && leading(f.insns[k])) {
        init += f.insns[k].raw;
        init_insns.push_back(f.insns[k].raw);
        k++;
      }
    }
    if (!cie) {
      Cie c{init_insns, init_insns.size(), f.ra, f.signal, eh.data.size()};
      std::string body;
      body.append(4, '\0');  // CIE id
      body.push_back(1);     // version
      body += f.signal ? std::string("zRS", 3) : std::string("zR", 2);
      body.push_back(0);
      uleb(body, 1);   // code alignment
      sleb(body, -8);  // data alignment
      body.push_back(static_cast<char>(f.ra));
      uleb(body, 1);   // augmentation data length
      body.push_back(0x1b);  // FDE pointer encoding: pcrel | sdata4
      body += init;
      pad8(body, 4);
      put32(body.size());
      emit_bytes(body.data(), body.size());
      cies.push_back(c);
      cie = &cies.back();
    }
    // The FDE.
    u64 start = eh.data.size();
    u64 cie_ptr = start + 4 - cie->offset;
    std::string prog;
    u64 last = addr_of(f.begin);
    for (; k < f.insns.size(); k++) {
      const CfiInsn& in = f.insns[k];
      if (in.op == MARK_ADVANCE) {
        u64 a = addr_of(in.at);
        u64 delta = a - last;
        last = a;
        if (delta == 0) continue;
        if (delta < 0x40) {
          prog.push_back(static_cast<char>(CFA_advance_loc | delta));
        } else if (delta < 0x100) {
          prog.push_back(char(CFA_advance_loc1));
          prog.push_back(static_cast<char>(delta));
        } else if (delta < 0x10000) {
          prog.push_back(char(CFA_advance_loc2));
          prog.push_back(static_cast<char>(delta));
          prog.push_back(static_cast<char>(delta >> 8));
        } else {
          prog.push_back(char(CFA_advance_loc4));
          for (int b = 0; b < 4; b++) prog.push_back(static_cast<char>(delta >> (8 * b)));
        }
        continue;
      }
      prog += in.raw;
    }
    // length, CIE pointer, pc_begin, pc_range, augmentation length, program.
    std::string tail;
    uleb(tail, 0);
    tail += prog;
    size_t body = 4 + 4 + 4 + tail.size();
    // FDEs end 4-aligned, the last one 8-aligned (gas: EH_FRAME_ALIGNMENT).
    size_t a = &f == &fdes_.back() ? 8 : 4;
    size_t padded = (start + body + 4 + a - 1) / a * a - 4 - start;
    put32(padded);
    put32(cie_ptr);
    u32 off = frag_off();
    put32(0);
    add_fixup(off, 4, sym_expr(f.begin), true, 0);
    put32(addr_of(f.end) - addr_of(f.begin));
    tail.append(padded - body, '\0');
    emit_bytes(tail.data(), tail.size());
  }
  cur_ = save;
}

}  // namespace cfree::as
