// disasm.cpp: decode x86-64 machine code with the encoder's form table and
// print it the way GNU objdump -d does (AT&T syntax).  See disasm.h.
//
// Decoding follows the Intel SDM vol. 2 §2.1-2.2: legacy prefixes (66, F2,
// F3, F0, segment overrides), REX, escape bytes 0F / 0F 38 / 0F 3A, opcode,
// ModRM/SIB/displacement, immediates.  A mandatory prefix (66/F2/F3 of an
// SSE form) is consumed by the form; otherwise 66 is the operand-size
// prefix and F2/F3 are repeat prefixes.  A C4/C5 byte starts a VEX prefix
// (§2.3.5) whose pp, mmmmm, W and L select among the VEX forms of the
// table; its R X B bits act as REX's and vvvv names one more register.
#include "arch/x86_64/disasm.h"

#include <cstdio>

namespace cfree::x86 {

namespace {

struct Prefixes {
  bool opsize = false, lock = false;
  u8 rep = 0;  // 0xF2 or 0xF3, the last one seen
  u8 seg = 0;
  u8 rex = 0;  // REX, or VEX's W R X B in REX's bit positions
  bool vex = false;
  u8 vvvv = 0;  // VEX.vvvv, un-inverted (EVEX: with V' as bit 4)
  // EVEX: R' (bit 4 of ModRM.reg), z, b, L'L and aaa.
  bool evex = false, rr = false, z = false, b = false;
  u8 ll = 0, aaa = 0;
};

unsigned imm_size(OT t) {
  switch (t) {
    case OT::I8: case OT::I8S: case OT::U8: case OT::Rel8: return 1;
    case OT::I16: return 2;
    case OT::I32: case OT::Rel32: return 4;
    case OT::I64: return 8;
    default: return 0;
  }
}

RegClass gpr_class(OT t) {
  switch (t) {
    case OT::G8: case OT::E8: return RegClass::Gpr8;
    case OT::G16: case OT::E16: return RegClass::Gpr16;
    case OT::G32: case OT::E32: return RegClass::Gpr32;
    case OT::G64: case OT::E64: return RegClass::Gpr64;
    case OT::R32M8: case OT::R32M16: return RegClass::Gpr32;
    case OT::X: case OT::XM8: case OT::XM16: case OT::XM32: case OT::XM64: case OT::XM128: case OT::XMM0:
      return RegClass::Xmm;
    case OT::Y: case OT::YM256: return RegClass::Ymm;
    case OT::Z: case OT::ZM512: return RegClass::Zmm;
    case OT::KR: return RegClass::K;
    default: return RegClass::None;
  }
}

unsigned mem_size(OT t) {
  switch (t) {
    case OT::E8: case OT::M8: case OT::XM8: case OT::R32M8: return 1;
    case OT::E16: case OT::M16: case OT::XM16: case OT::R32M16: return 2;
    case OT::YM256: case OT::M256: return 32;
    case OT::ZM512: case OT::M512: return 64;
    case OT::E32: case OT::M32: case OT::XM32: return 4;
    case OT::E64: case OT::M64: case OT::XM64: return 8;
    case OT::M80: return 10;
    case OT::XM128: case OT::M128: return 16;
    default: return 0;
  }
}

bool reg_only(OT t) {
  return t == OT::G8 || t == OT::G16 || t == OT::G32 || t == OT::G64 || t == OT::X || t == OT::Y ||
         t == OT::Z || t == OT::KR;
}
bool mem_only(OT t) {
  return t == OT::M || t == OT::M8 || t == OT::M16 || t == OT::M32 || t == OT::M64 ||
         t == OT::M80 || t == OT::M128 || t == OT::M256 || t == OT::M512 || t == OT::MVX || t == OT::MVY;
}

Reg fixed_reg(OT t) {
  switch (t) {
    case OT::AL: return Reg::AL;
    case OT::AX: return Reg::AX;
    case OT::EAX: return Reg::EAX;
    case OT::RAX: return Reg::RAX;
    case OT::CL: return Reg::CL;
    case OT::DX: return Reg::DX;
    case OT::ST0: return Reg::ST0;
    case OT::XMM0: return Reg::XMM0;
    default: return Reg::None;
  }
}

// A GPR operand from a hardware number; 8-bit numbers 4..7 without REX are
// ah..bh.
Reg make_gpr(RegClass c, unsigned num, bool rex) {
  if (c == RegClass::Gpr8 && !rex && num >= 4 && num < 8) return make_reg(RegClass::Gpr8Hi, num);
  return make_reg(c, num);
}

// Try one form; on success fill out and return the length.
size_t try_form(const Form& f, const u8* p, size_t n, size_t at, const Prefixes& px,
                bool pfx_consumed, Decoded* out) {
  bool w = px.rex & 8;
  bool opsize = px.opsize && !(pfx_consumed && f.pfx == 0x66);
  if (px.vex) {
    // The caller matched pp, map, L and W.
  } else if (f.flags & F_W) {
    if (!w) return 0;
  } else if (w && !(f.flags & (F_D64 | F_STI | F_FIXED))) {
    bool gpr = false;
    for (OT t : f.ot) gpr |= gpr_class(t) >= RegClass::Gpr8 && gpr_class(t) <= RegClass::Gpr64;
    if (gpr || f.sz) return 0;
  }
  if (!px.vex && bool(f.flags & F_OS16) != opsize) {
    // A 66 that REX.W overrides, or on a byte operation, is ignored
    // (objdump prints it as data16).
    bool rel = f.enc[0] == Enc::Rel;
    if (!(opsize && (f.sz == 1 || (f.flags & F_W) || rel))) return 0;
  }
  bool has_opreg = false, has_rm = false, has_reg = false, has_v = false;
  OT rmt = OT::None;
  for (int k = 0; k < 4; k++) {
    Enc e = f.enc[k];
    has_opreg |= e == Enc::OpReg;
    has_rm |= e == Enc::Rm;
    has_reg |= e == Enc::Reg;
    has_v |= e == Enc::Vvvv;
    if (e == Enc::Rm) rmt = f.ot[k];
  }
  if (px.vex && !has_v && px.vvvv) return 0;  // VEX.vvvv must be 1111 when unused
  if (px.evex) {
    if ((px.aaa && !(f.flags & F_KMASK)) || (px.z && !(f.flags & F_ZMASK)) || (px.z && !px.aaa)) return 0;
  }
  (void)has_opreg;
  bool vsib = rmt == OT::MVX || rmt == OT::MVY;
  bool has_modrm = has_rm || has_reg || f.ext >= 0 || (f.flags & (F_FIXED | F_STI));
  u8 opbyte = p[at - 1];
  Insn& in = out->insn;
  in = Insn{};
  in.mn = f.mn;
  if (f.flags & F_CC) in.cc = Cond(opbyte & 15);
  if (f.flags & F_STR) in.opsize = f.sz;
  size_t pos = at;
  u8 modrm = 0;
  unsigned mod = 0, regf = 0, rmf = 0;
  if (has_modrm) {
    if (pos >= n) return 0;
    modrm = p[pos++];
    mod = modrm >> 6;
    regf = (modrm >> 3) & 7;
    rmf = modrm & 7;
    if (f.flags & F_FIXED) {
      if (modrm != f.mrm) return 0;
    } else if (f.flags & F_STI) {
      if ((modrm & 0xF8) != f.mrm) return 0;
    } else if (f.ext >= 0 && regf != unsigned(f.ext)) {
      return 0;
    }
  }
  // Memory operand.
  Operand memop;
  bool is_mem = has_modrm && !(f.flags & (F_FIXED | F_STI)) && mod != 3;
  out->rip = false;
  if (is_mem) {
    memop.kind = OpKind::Mem;
    unsigned base = rmf;
    bool sib = rmf == 4;
    if (sib) {
      if (pos >= n) return 0;
      u8 s = p[pos++];
      unsigned idx = ((s >> 3) & 7) | ((px.rex & 2) ? 8 : 0);
      base = s & 7;
      if (vsib) {
        memop.index = make_reg(rmt == OT::MVX ? RegClass::Xmm : RegClass::Ymm, idx);
        memop.scale = static_cast<u8>(1u << (s >> 6));
      } else if (idx != 4) {
        memop.index = make_reg(RegClass::Gpr64, idx);
        memop.scale = static_cast<u8>(1u << (s >> 6));
      } else {
        memop.scale = static_cast<u8>(1u << (s >> 6));
      }
      if (base == 5 && mod == 0) {
        memop.base = Reg::None;
      } else {
        memop.base = make_reg(RegClass::Gpr64, base | ((px.rex & 1) ? 8 : 0));
      }
    } else if (vsib) {
      return 0;  // VSIB needs a SIB byte
    } else if (rmf == 5 && mod == 0) {
      memop.base = Reg::RIP;
      out->rip = true;
    } else {
      memop.base = make_reg(RegClass::Gpr64, rmf | ((px.rex & 1) ? 8 : 0));
    }
    unsigned dsz = mod == 1 ? 1 : mod == 2 ? 4 : (memop.base == Reg::None || memop.base == Reg::RIP) ? 4 : 0;
    if (pos + dsz > n) return 0;
    if (dsz == 1) {
      memop.imm = static_cast<i8>(p[pos]);
      if (px.evex) {  // compressed disp8 (SDM §2.6.5)
        unsigned vl = 16u << px.ll;
        memop.imm *= f.mrm ? f.mrm : px.b ? f.sz : vl;
      }
    }
    if (dsz == 4) memop.imm = static_cast<i32>(p[pos] | p[pos + 1] << 8 | p[pos + 2] << 16 | u32(p[pos + 3]) << 24);
    // Remember whether a zero displacement was encoded (objdump prints 0x0).
    memop.rkind = dsz ? RelocKind::Abs32S : RelocKind::None;
    memop.sym = 0;
    pos += dsz;
    // fs/gs are real in 64-bit mode and print inside the operand; cs, ds,
    // es and ss overrides are ignored and objdump prints them as prefixes.
    if (px.seg == 0x64) memop.seg = Reg::FS;
    if (px.seg == 0x65) memop.seg = Reg::GS;
  }
  out->rel_size = 0;
  for (int k = 0; k < 4; k++) {
    OT t = f.ot[k];
    Operand& o = in.ops[k];
    if (t == OT::None) break;
    in.nops = static_cast<u8>(k + 1);
    switch (f.enc[k]) {
      case Enc::Reg: {
        unsigned num = regf | ((px.rex & 4) ? 8 : 0);
        RegClass c = gpr_class(t);
        if (c == RegClass::None) return 0;
        if (c == RegClass::K) {
          if (num > 7) return 0;
        } else if (px.rr) {
          if (c != RegClass::Xmm && c != RegClass::Ymm && c != RegClass::Zmm) return 0;
          num |= 16;
        }
        o = reg(make_gpr(c, num, px.rex != 0));
        break;
      }
      case Enc::Rm:
        if (f.flags & F_STI) {
          o = reg(make_reg(RegClass::St, rmf));
        } else if (mod == 3) {
          if (mem_only(t)) return 0;
          RegClass c = gpr_class(t);
          if (c == RegClass::None) return 0;
          unsigned num = rmf | ((px.rex & 1) ? 8 : 0);
          if (c == RegClass::K) {
            if (num > 7) return 0;
          } else if (px.evex && (px.rex & 2)) {  // EVEX.X extends a vector r/m register
            if (c != RegClass::Xmm && c != RegClass::Ymm && c != RegClass::Zmm) return 0;
            num |= 16;
          }
          o = reg(make_gpr(c, num, px.rex != 0));
        } else {
          if (reg_only(t) || (f.flags & F_NOMEM)) return 0;
          o = memop;
          o.size = static_cast<u8>(mem_size(t));
          if (px.b) {  // embedded broadcast of one element
            if (!(f.flags & F_BCST)) return 0;
            in.bcst = true;
            o.size = f.sz;
          }
        }
        break;
      case Enc::OpReg: {
        unsigned num = (opbyte & 7) | ((px.rex & 1) ? 8 : 0);
        o = reg(make_gpr(gpr_class(t), num, px.rex != 0));
        break;
      }
      case Enc::Imm: {
        unsigned sz = imm_size(t);
        if (pos + sz > n) return 0;
        u64 v = 0;
        for (unsigned i = 0; i < sz; i++) v |= u64(p[pos + i]) << (8 * i);
        pos += sz;
        i64 sv;
        if (t == OT::I8S) sv = static_cast<i8>(v);
        else if (t == OT::U8 || t == OT::I8) sv = static_cast<i64>(v & 0xff);
        else if (t == OT::I16) sv = static_cast<i64>(v & 0xffff);
        else if (t == OT::I32) sv = f.sz == 8 ? static_cast<i32>(v) : static_cast<i64>(v & 0xffffffff);
        else sv = static_cast<i64>(v);
        o = imm(sv);
        break;
      }
      case Enc::Rel: {
        unsigned sz = imm_size(t);
        if (pos + sz > n) return 0;
        i64 d = sz == 1 ? static_cast<i8>(p[pos])
                        : static_cast<i32>(p[pos] | p[pos + 1] << 8 | p[pos + 2] << 16 | u32(p[pos + 3]) << 24);
        pos += sz;
        o.kind = OpKind::Imm;  // displacement from the end of the instruction
        o.imm = d;
        out->rel_size = static_cast<u8>(sz);
        break;
      }
      case Enc::Vvvv: {
        RegClass c = gpr_class(t);
        if (c == RegClass::None) return 0;
        bool vec = c == RegClass::Xmm || c == RegClass::Ymm || c == RegClass::Zmm;
        if ((c == RegClass::K && px.vvvv > 7) || (!vec && px.vvvv > 15)) return 0;
        o = reg(make_reg(c, px.vvvv));
        break;
      }
      case Enc::Is4: {
        if (pos >= n) return 0;
        RegClass c = gpr_class(t);
        if (c == RegClass::None) return 0;
        o = reg(make_reg(c, p[pos++] >> 4));
        break;
      }
      case Enc::Implicit:
        if (t == OT::One) {
          o = imm(1);
        } else {
          o = reg(fixed_reg(t));
          if (o.reg == Reg::None) return 0;
        }
        break;
      case Enc::None: return 0;
    }
  }
  // 90 is nop, not xchg eax,eax (but 66 90 is xchg ax,ax and 41 90 xchg r8).
  if (f.mn == Mn::XCHG && f.op == 0x90 && (opbyte & 7) == 0 && !(px.rex & 1) && !opsize) return 0;
  if (px.evex) {
    if (px.b && !in.bcst) return 0;  // rounding / SAE forms are not in the table
    in.kmask = px.aaa;
    in.kzero = px.z;
  }
  if (px.lock) in.prefixes |= PFX_LOCK;
  if (px.rep == 0xF3 && !pfx_consumed) in.prefixes |= PFX_REP;
  if (px.rep == 0xF2 && !pfx_consumed) in.prefixes |= PFX_REPNE;
  out->form = &f;
  out->has_modrm_mem = is_mem;
  out->seg = px.seg;
  return pos;
}

// Which legacy prefixes objdump spells out as words (in byte order):
// every 66 but the one the form uses, and the ignored segment overrides.
void prefix_words(const u8* p, size_t pfx_end, unsigned n66, const Form& f, u8 rex, Decoded* out) {
  bool uses66 = (f.flags & F_OS16) || (f.pfx == 0x66 && !(f.flags & F_VEX));
  unsigned seen66 = 0;
  out->nwords = 0;
  for (size_t k = 0; k < pfx_end; k++) {
    u8 b = p[k];
    bool word;
    if (b == 0x66) {
      seen66++;
      word = !(uses66 && seen66 == n66);
    } else {
      word = b == 0x2E || b == 0x36 || b == 0x26 || (b == 0x3E && !(f.flags & F_STR));
    }
    if (word && out->nwords < 4) out->words[out->nwords++] = b;
  }
  // REX.W on a default-64-bit form has no effect: objdump says rex.W.
  if ((f.flags & F_D64) && (rex & 8) && !(f.flags & F_VEX) && out->nwords < 4) out->words[out->nwords++] = 0x48;
}

// A VEX-prefixed instruction at p[i] (C4 or C5), after legacy prefixes px.
size_t decode_vex(const u8* p, size_t n, size_t i, Prefixes px, Decoded* out) {
  size_t pfx_end = i;
  // 66, F2, F3, F0 or REX before VEX are #UD.
  if (px.opsize || px.rep || px.lock) return 0;
  unsigned map, pp;
  bool l, w;
  if (p[i] == 0xC5) {
    if (i + 2 >= n) return 0;
    u8 b1 = p[i + 1];
    px.rex = static_cast<u8>(0x40 | ((b1 & 0x80) ? 0 : 4));
    px.vvvv = static_cast<u8>((~b1 >> 3) & 15);
    l = b1 & 4;
    pp = b1 & 3;
    map = 1;
    w = false;
    i += 2;
  } else {
    if (i + 3 >= n) return 0;
    u8 b1 = p[i + 1], b2 = p[i + 2];
    map = b1 & 31;
    if (map < 1 || map > 3) return 0;
    w = b2 & 0x80;
    px.rex = static_cast<u8>(0x40 | (w ? 8 : 0) | ((b1 & 0x80) ? 0 : 4) | ((b1 & 0x40) ? 0 : 2) |
                             ((b1 & 0x20) ? 0 : 1));
    px.vvvv = static_cast<u8>((~b2 >> 3) & 15);
    l = b2 & 4;
    pp = b2 & 3;
    i += 3;
  }
  px.vex = true;
  static const u8 kPp[] = {0, 0x66, 0xF3, 0xF2};
  u8 pfx = kPp[pp];
  u8 op = p[i++];
  const Form* all = forms().data();
  for (u16 fi : forms_for(map + 3, op)) {
    const Form& f = all[fi];
    if (f.pfx != pfx) continue;
    if (!(f.flags & F_LIG) && bool(f.flags & F_VL) != l) continue;
    if (!(f.flags & F_WIG) && bool(f.flags & F_W) != w) continue;
    size_t len = try_form(f, p, n, i, px, true, out);
    if (len) {
      out->len = static_cast<u8>(len);
      prefix_words(p, pfx_end, 0, f, 0, out);
      return len;
    }
  }
  return 0;
}

// An EVEX-prefixed instruction at p[i] (62), after legacy prefixes px.
size_t decode_evex(const u8* p, size_t n, size_t i, Prefixes px, Decoded* out) {
  size_t pfx_end = i;
  if (px.opsize || px.rep || px.lock || i + 4 >= n) return 0;
  u8 p0 = p[i + 1], p1 = p[i + 2], p2 = p[i + 3];
  unsigned map = p0 & 7;
  if ((p0 & 8) || !(p1 & 4) || map < 1 || map > 3) return 0;
  bool w = p1 & 0x80;
  px.rex = static_cast<u8>(0x40 | (w ? 8 : 0) | ((p0 & 0x80) ? 0 : 4) | ((p0 & 0x40) ? 0 : 2) |
                           ((p0 & 0x20) ? 0 : 1));
  px.rr = !(p0 & 0x10);
  px.vvvv = static_cast<u8>(((~p1 >> 3) & 15) | ((p2 & 8) ? 0 : 16));
  px.z = p2 & 0x80;
  px.ll = (p2 >> 5) & 3;
  px.b = p2 & 0x10;
  px.aaa = p2 & 7;
  px.vex = px.evex = true;
  if (px.ll == 3) return 0;
  static const u8 kPp[] = {0, 0x66, 0xF3, 0xF2};
  u8 pfx = kPp[p1 & 3];
  i += 4;
  u8 op = p[i++];
  const Form* all = forms().data();
  for (u16 fi : forms_for(map + 6, op)) {
    const Form& f = all[fi];
    if (f.pfx != pfx) continue;
    unsigned fl = (f.flags & F_VL512) ? 2 : (f.flags & F_VL) ? 1 : 0;
    if (fl != px.ll) continue;
    if (!(f.flags & F_WIG) && bool(f.flags & F_W) != w) continue;
    size_t len = try_form(f, p, n, i, px, true, out);
    if (len) {
      out->len = static_cast<u8>(len);
      prefix_words(p, pfx_end, 0, f, 0, out);
      return len;
    }
  }
  return 0;
}

}  // namespace

size_t x86_decode(const u8* p, size_t n, Decoded* out) {
  Prefixes px;
  size_t i = 0;
  u8 last_mand = 0;  // last of 66/F2/F3 (the one a mandatory-prefix form uses)
  unsigned n66 = 0;
  for (; i < n && i < 14; i++) {
    u8 b = p[i];
    if (b == 0x66) { n66++; px.opsize = true; if (!last_mand) last_mand = 0x66; }
    else if (b == 0xF2 || b == 0xF3) { px.rep = b; last_mand = b; }
    else if (b == 0xF0) px.lock = true;
    else if (b == 0x2E || b == 0x36 || b == 0x3E || b == 0x26 || b == 0x64 || b == 0x65) px.seg = b;
    else break;
  }
  size_t pfx_end = i;
  if (i < n && (p[i] == 0xC4 || p[i] == 0xC5)) return decode_vex(p, n, i, px, out);
  if (i < n && p[i] == 0x62) return decode_evex(p, n, i, px, out);
  if (i < n && (p[i] & 0xF0) == 0x40) px.rex = p[i++];
  if (i >= n) return 0;
  unsigned map = 0;
  if (p[i] == 0x0F) {
    map = 1;
    i++;
    if (i < n && p[i] == 0x38) { map = 2; i++; }
    else if (i < n && p[i] == 0x3A) { map = 3; i++; }
  }
  if (i >= n) return 0;
  u8 op = p[i++];
  auto cands = forms_for(map, op);
  const Form* all = forms().data();
  // Pass 1: forms that consume a mandatory prefix; pass 2: the others.
  for (int pass = 0; pass < 2; pass++) {
    for (u16 fi : cands) {
      const Form& f = all[fi];
      if (pass == 0) {
        if (!f.pfx) continue;
        if (f.pfx == 0x66 ? !px.opsize : px.rep != f.pfx) continue;
        if (f.pfx != 0x66 && px.rep != last_mand && px.opsize) continue;
      } else if (f.pfx) {
        continue;
      }
      Prefixes q = px;
      if (pass == 0 && f.pfx != 0x66) q.rep = 0;
      size_t len = try_form(f, p, n, i, q, pass == 0, out);
      if (len) {
        out->len = static_cast<u8>(len);
        prefix_words(p, pfx_end, n66, f, px.rex, out);
        return len;
      }
    }
  }
  return 0;
}

// ---- Printing ---------------------------------------------------------

namespace {

void hex(std::string* s, u64 v) {
  char b[24];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  *s += b;
}
void shex(std::string* s, i64 v) {
  if (v < 0) {
    *s += '-';
    hex(s, static_cast<u64>(-v));
  } else {
    hex(s, static_cast<u64>(v));
  }
}

char suffix_for(unsigned sz) {
  switch (sz) {
    case 1: return 'b';
    case 2: return 'w';
    case 4: return 'l';
    case 8: return 'q';
    default: return 0;
  }
}

// SSE / AVX compare predicates (imm8 of cmpps & co.); SSE has the first 8.
const char* const kCmpPred[32] = {
    "eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord", "eq_uq", "nge", "ngt", "false", "neq_oq",
    "ge", "gt", "true", "eq_os", "lt_oq", "le_oq", "unord_s", "neq_us", "nlt_uq", "nle_uq", "ord_s",
    "eq_us", "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq", "gt_oq", "true_us"};

// For cmpps-style mnemonics: the suffix ("ps") and how many predicates
// fold into the mnemonic; 0 for other mnemonics.
unsigned cmp_family(Mn m, const char** base) {
  switch (m) {
    case Mn::CMPSD_SSE: *base = "sd"; return 8;
    case Mn::CMPSS: *base = "ss"; return 8;
    case Mn::CMPPS: *base = "ps"; return 8;
    case Mn::CMPPD: *base = "pd"; return 8;
    case Mn::VCMPSD: *base = "sd"; return 32;
    case Mn::VCMPSS: *base = "ss"; return 32;
    case Mn::VCMPPS: *base = "ps"; return 32;
    case Mn::VCMPPD: *base = "pd"; return 32;
    default: return 0;
  }
}

// pclmulqdq immediates objdump folds into the mnemonic (i386-dis.c
// PCLMUL_Fixup): 0..3, 0x10 and 0x11; -1 for the others.
int pclmul_type(i64 imm) {
  if (imm == 0x10) return 2;
  if (imm == 0x11) return 3;
  return imm >= 0 && imm < 4 ? int(imm) : -1;
}

bool vpcmp_family(Mn m) {
  return m == Mn::VPCMPB || m == Mn::VPCMPUB || m == Mn::VPCMPW || m == Mn::VPCMPUW || m == Mn::VPCMPD ||
         m == Mn::VPCMPUD || m == Mn::VPCMPQ || m == Mn::VPCMPUQ;
}

u64 mask_to(i64 v, unsigned sz) {
  if (sz >= 8) return static_cast<u64>(v);
  return static_cast<u64>(v) & ((u64(1) << (8 * sz)) - 1);
}

// The printed mnemonic (without prefixes).
std::string mnemonic(const Decoded& d) {
  const Insn& in = d.insn;
  const Form& f = *d.form;
  std::string m;
  for (const char* p = mn_name(in.mn); *p; p++) m += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  bool has_gpr = false, has_mem = false;
  unsigned memsz = 0;
  for (int k = 0; k < in.nops; k++) {
    const Operand& o = in.ops[k];
    if (o.kind == OpKind::Reg && reg_class(o.reg) >= RegClass::Gpr8 && reg_class(o.reg) <= RegClass::Gpr64 &&
        f.ot[k] != OT::CL && f.ot[k] != OT::DX)
      has_gpr = true;
    if (o.kind == OpKind::Mem) { has_mem = true; memsz = o.size; }
  }
  switch (in.mn) {
    case Mn::JCC: return std::string("j") + cond_name(in.cc);
    case Mn::SETCC: return std::string("set") + cond_name(in.cc);
    case Mn::CMOVCC: return std::string("cmov") + cond_name(in.cc);
    case Mn::CBW: return "cbtw";
    case Mn::CWDE: return "cwtl";
    case Mn::CDQE: return "cltq";
    case Mn::CWD: return "cwtd";
    case Mn::CDQ: return "cltd";
    case Mn::CQO: return "cqto";
    case Mn::MOVSXD: return "movslq";
    case Mn::MOVZX: case Mn::MOVSX: {
      std::string r = in.mn == Mn::MOVZX ? "movz" : "movs";
      r += suffix_for(f.ot[1] == OT::E8 ? 1 : 2);
      r += suffix_for(f.sz);
      return r;
    }
    case Mn::CMPSD_SSE: case Mn::CMPSS: case Mn::CMPPS: case Mn::CMPPD:
    case Mn::VCMPSD: case Mn::VCMPSS: case Mn::VCMPPS: case Mn::VCMPPD: {
      const char* base = "";
      unsigned npred = cmp_family(in.mn, &base);
      const char* v = f.flags & F_VEX ? "vcmp" : "cmp";
      i64 pr = in.ops[in.nops - 1].imm;
      if (pr >= 0 && pr < i64(npred)) return std::string(v) + kCmpPred[pr] + base;
      return std::string(v) + base;
    }
    case Mn::CVTSI2SS: case Mn::CVTSI2SD: case Mn::VCVTSI2SS: case Mn::VCVTSI2SD:
      if (has_mem) m += suffix_for(f.sz);
      return m;
    case Mn::VCVTPD2PS: case Mn::VCVTTPD2DQ: case Mn::VCVTPD2DQ:
      if (has_mem) m += (f.flags & F_VL) ? 'y' : 'x';
      return m;
    case Mn::VPCMPB: case Mn::VPCMPUB: case Mn::VPCMPW: case Mn::VPCMPUW: case Mn::VPCMPD:
    case Mn::VPCMPUD: case Mn::VPCMPQ: case Mn::VPCMPUQ: {
      // i386-dis-evex VPCMP_Fixup: predicates 0 1 2 4 5 6 become part of the name.
      i64 pr = in.ops[in.nops - 1].imm;
      if (pr >= 0 && pr < 8 && pr != 3 && pr != 7) return "vpcmp" + std::string(kCmpPred[pr]) + m.substr(5);
      return m;
    }
    case Mn::CRC32:
      if (has_mem) m += suffix_for(f.sz);
      return m;
    case Mn::PCLMULQDQ: case Mn::VPCLMULQDQ: {
      int t = pclmul_type(in.ops[in.nops - 1].imm);
      if (t < 0) return m;
      static const char* const kPart[] = {"lqlq", "hqlq", "lqhq", "hqhq"};
      return std::string(in.mn == Mn::VPCLMULQDQ ? "vpclmul" : "pclmul") + kPart[t] + "dq";
    }
    case Mn::MOVS: case Mn::CMPS: case Mn::LODS: case Mn::SCAS: case Mn::STOS:
      if (in.mn == Mn::MOVS || in.mn == Mn::CMPS) m += suffix_for(f.sz);
      return m;
    case Mn::FILD: case Mn::FIST: case Mn::FISTP: case Mn::FISTTP: case Mn::FIADD: case Mn::FIMUL:
    case Mn::FICOM: case Mn::FICOMP: case Mn::FISUB: case Mn::FISUBR: case Mn::FIDIV: case Mn::FIDIVR:
      if (has_mem) m += memsz == 2 ? "s" : memsz == 4 ? "l" : "ll";
      return m;
    case Mn::FLD: case Mn::FST: case Mn::FSTP: case Mn::FADD: case Mn::FMUL: case Mn::FSUB:
    case Mn::FSUBR: case Mn::FDIV: case Mn::FDIVR: case Mn::FCOM: case Mn::FCOMP:
      if (has_mem) m += memsz == 4 ? "s" : memsz == 8 ? "l" : "t";
      return m;
    case Mn::PUSH: case Mn::POP: case Mn::CALL: case Mn::JMP: 
      return m;
    default: break;
  }
  bool gpr_form = f.sz >= 1 && f.sz <= 8 && (gpr_class(f.ot[0]) != RegClass::Xmm) &&
                  !(f.pfx) && !(f.flags & F_VEX) && in.mn != Mn::LEA && in.mn != Mn::MOVD && in.mn != Mn::MOVQ &&
                  in.mn != Mn::FNSTCW && in.mn != Mn::FLDCW && in.mn != Mn::FNSTSW;
  if (gpr_form && has_mem && !has_gpr) m += suffix_for(f.sz);
  return m;
}

void print_mem(const Operand& o, std::string* s) {
  if (o.seg != Reg::None) {
    *s += '%';
    *s += reg_name(o.seg);
    *s += ':';
  }
  bool has_disp = o.rkind != RelocKind::None;  // a displacement was encoded
  if (o.base == Reg::None && o.index == Reg::None) {
    hex(s, static_cast<u64>(o.imm));
    return;
  }
  if (has_disp || o.imm) shex(s, o.imm);
  *s += '(';
  if (o.base != Reg::None) {
    *s += '%';
    *s += reg_name(o.base);
  }
  if (o.index != Reg::None) {
    *s += ",%";
    *s += reg_name(o.index);
    *s += ',';
    *s += static_cast<char>('0' + o.scale);
  } else if (o.base == Reg::None) {
    *s += ",%riz,";
    *s += static_cast<char>('0' + o.scale);
  }
  *s += ')';
}

void print_target(u64 target, const SymLookup& syms, std::string* s) {
  char b[32];
  std::snprintf(b, sizeof b, "%llx", static_cast<unsigned long long>(target));
  *s += b;
  std::string name;
  if (syms.lookup && syms.lookup(syms.ctx, target, &name)) {
    *s += " <";
    *s += name;
    *s += '>';
  }
}

}  // namespace

void x86_format(const Decoded& d, u64 addr, const SymLookup& syms, std::string* out) {
  const Insn& in = d.insn;
  const Form& f = *d.form;
  std::string m;
  bool str = f.flags & F_STR;
  for (unsigned k = 0; k < d.nwords; k++) {
    switch (d.words[k]) {
      case 0x66: m += "data16 "; break;
      case 0x2E: m += "cs "; break;
      case 0x36: m += "ss "; break;
      case 0x3E:  // CET: a 3E prefix on an indirect branch is notrack
        m += (in.mn == Mn::JMP || in.mn == Mn::CALL) && f.enc[0] == Enc::Rm ? "notrack " : "ds ";
        break;
      case 0x26: m += "es "; break;
      case 0x48: m += "rex.W "; break;
      default: break;
    }
  }
  if (in.prefixes & PFX_LOCK) m += "lock ";
  if (in.prefixes & PFX_REP) m += str && in.mn != Mn::CMPS && in.mn != Mn::SCAS ? "rep " : "repz ";
  if (in.prefixes & PFX_REPNE) m += (f.ot[0] == OT::Rel32 || f.ot[0] == OT::Rel8 || in.mn == Mn::RET) ? "bnd " : "repnz ";
  m += mnemonic(d);
  std::string ops;
  // AT&T: operands in reverse order; the implicit shift-by-one is not shown.
  for (int k = in.nops - 1; k >= 0; k--) {
    const Operand& o = in.ops[k];
    if (f.ot[k] == OT::One) continue;
    const char* cbase;
    unsigned npred = cmp_family(in.mn, &cbase);
    bool cmp_pred = npred && k == in.nops - 1 && o.imm >= 0 && o.imm < i64(npred);
    if (cmp_pred) continue;  // folded into the mnemonic (cmpltsd)
    if ((in.mn == Mn::PCLMULQDQ || in.mn == Mn::VPCLMULQDQ) && k == in.nops - 1 && pclmul_type(o.imm) >= 0)
      continue;
    if (vpcmp_family(in.mn) && k == in.nops - 1 && o.imm >= 0 && o.imm < 8 && o.imm != 3 && o.imm != 7) continue;
    if (!ops.empty()) ops += ',';
    if (f.enc[k] == Enc::Rel) {
      print_target(addr + d.len + static_cast<u64>(o.imm), syms, &ops);
      continue;
    }
    switch (o.kind) {
      case OpKind::Reg:
        if ((in.mn == Mn::CALL || in.mn == Mn::JMP) && f.enc[k] == Enc::Rm) ops += '*';
        ops += '%';
        if (f.ot[k] == OT::STI) {
          ops += "st(";
          ops += static_cast<char>('0' + reg_num(o.reg));
          ops += ')';
        } else {
          ops += reg_name(o.reg);
        }
        break;
      case OpKind::Imm: {
        ops += '$';
        unsigned sz = f.ot[k] == OT::U8 ? 1 : f.ot[k] == OT::I16 ? 2 : f.sz ? f.sz : 8;
        if (f.ot[k] == OT::I8) sz = 1;
        hex(&ops, mask_to(o.imm, sz));
        break;
      }
      case OpKind::Mem:
        if (in.mn == Mn::CALL || in.mn == Mn::JMP) ops += '*';
        print_mem(o, &ops);
        if (in.bcst && f.sz) {
          unsigned vl = (f.flags & F_VL512) ? 64 : (f.flags & F_VL) ? 32 : 16;
          char b[16];
          std::snprintf(b, sizeof b, "{1to%u}", vl / f.sz);
          ops += b;
        }
        break;
      default: break;
    }
  }
  // AVX-512 masking decorates the destination (printed last).
  if (in.kmask) {
    ops += "{%k";
    ops += static_cast<char>('0' + in.kmask);
    ops += '}';
    if (in.kzero) ops += "{z}";
  }
  // Implicit operands objdump shows.
  if (in.mn == Mn::MONITOR) ops = "%rax,%ecx,%edx";
  if (in.mn == Mn::MWAIT) ops = "%eax,%ecx";
  // String instructions print their implicit operands as objdump does.
  if (str) {
    const char* acc = f.sz == 1 ? "%al" : f.sz == 2 ? "%ax" : f.sz == 4 ? "%eax" : "%rax";
    switch (in.mn) {
      case Mn::MOVS: ops = "%ds:(%rsi),%es:(%rdi)"; break;
      case Mn::CMPS: ops = "%es:(%rdi),%ds:(%rsi)"; break;
      case Mn::STOS: ops = std::string(acc) + ",%es:(%rdi)"; break;
      case Mn::LODS: ops = std::string("%ds:(%rsi),") + acc; break;
      case Mn::SCAS: ops = std::string("%es:(%rdi),") + acc; break;
      default: break;
    }
  }
  if (in.mn == Mn::FADDP || in.mn == Mn::FMULP || in.mn == Mn::FSUBP || in.mn == Mn::FSUBRP ||
      in.mn == Mn::FDIVP || in.mn == Mn::FDIVRP) {
    // objdump shows st(0) as "%st".
  }
  *out += m;
  if (!ops.empty()) {
    if (m.size() < 6) out->append(6 - m.size(), ' ');
    *out += ' ';
    *out += ops;
  }
  if (d.rip) {
    for (int k = 0; k < in.nops; k++) {
      const Operand& o = in.ops[k];
      if (o.kind != OpKind::Mem || o.base != Reg::RIP) continue;
      u64 target = addr + d.len + static_cast<u64>(o.imm);
      *out += "        # ";
      std::string name;
      if (syms.lookup && syms.lookup(syms.ctx, target, &name)) {
        char b[32];
        std::snprintf(b, sizeof b, "%llx <", static_cast<unsigned long long>(target));
        *out += b;
        *out += name;
        *out += '>';
      } else {
        hex(out, target);
      }
    }
  }
}

}  // namespace cfree::x86
