// encode.cpp: x86-64 instruction encoding from the form table.
//
// x86_encode() walks the mnemonic's forms in table order and takes the first
// whose operand types accept the operands, then lays the instruction out as
// the Intel SDM vol. 2 §2.1 describes: legacy prefixes (segment, 66, lock or
// rep, then the mandatory prefix), REX (§2.2.1: W, R = ModRM.reg bit 3,
// X = SIB.index bit 3, B = ModRM.rm / SIB.base / opcode-register bit 3),
// escape bytes, opcode, ModRM, SIB (§2.1.5, tables 2-2 and 2-3: rsp/r12 as a
// base need a SIB, rbp/r13 as a base need a displacement, no base means
// disp32 with SIB base 101), displacement and immediate.  VEX-encoded
// forms (§2.3) replace the mandatory prefix, REX and escape bytes with a
// C5 or C4 prefix carrying the extra register operand (vvvv) and the
// vector length; gathers take a vector index register (VSIB, §2.3.12).
//
// At most one field is relocated: a RIP-relative or absolute displacement
// against a symbol or label, an immediate against a symbol, or a branch
// displacement.  PC-relative addends follow the psABI convention: the field
// is S + A - P with A = user addend - (bytes from the field to the end of
// the instruction).
#include "arch/x86_64/table.h"

#include "core/base.h"

#include <initializer_list>
#include <utility>

namespace cfree::x86 {

namespace {

bool fits_i8(i64 v) { return v >= -128 && v <= 127; }
bool fits_i32(i64 v) { return v >= INT32_MIN && v <= INT32_MAX; }

// The immediate as the instruction will see it at operand size `sz`.
i64 normalize(i64 v, unsigned sz) {
  switch (sz) {
    case 1: return static_cast<i8>(v);
    case 2: return static_cast<i16>(v);
    case 4: return static_cast<i32>(v);
    default: return v;
  }
}
bool in_width(i64 v, unsigned sz) {
  if (sz >= 8) return true;
  i64 lo = -(i64(1) << (8 * sz - 1)), hi = (i64(1) << (8 * sz)) - 1;
  return v >= lo && v <= hi;
}

// Operand matching is bit tests: each operand is turned once into the set of
// operand types (table.h OT) that accept it, and a form matches when each
// of its types is in the set of the operand in that position.  Immediates
// whose acceptance depends on the form's operand size get extra bits.
constexpr unsigned kI8S16 = kBitI8S16, kI8S32 = kBitI8S32, kI8S64 = kBitI8S64, kI32S64 = kBitI32S64;
constexpr u64 bit(OT t) { return ot_bit(t); }
constexpr u64 bits(std::initializer_list<OT> ts) {
  u64 m = 0;
  for (OT t : ts) m |= bit(t);
  return m;
}

u64 accept(const Operand& o) {
  switch (o.kind) {
    case OpKind::None: return bit(OT::None);
    case OpKind::Reg:
      switch (reg_class(o.reg)) {
        case RegClass::Gpr8: case RegClass::Gpr8Hi:
          return bits({OT::G8, OT::E8}) | (o.reg == Reg::AL ? bit(OT::AL) : 0) | (o.reg == Reg::CL ? bit(OT::CL) : 0);
        case RegClass::Gpr16:
          return bits({OT::G16, OT::E16}) | (o.reg == Reg::AX ? bit(OT::AX) : 0) | (o.reg == Reg::DX ? bit(OT::DX) : 0);
        case RegClass::Gpr32:
          return bits({OT::G32, OT::E32, OT::R32M8, OT::R32M16}) | (o.reg == Reg::EAX ? bit(OT::EAX) : 0);
        case RegClass::Gpr64: return bits({OT::G64, OT::E64}) | (o.reg == Reg::RAX ? bit(OT::RAX) : 0);
        case RegClass::Xmm:
          return bits({OT::X, OT::XM8, OT::XM16, OT::XM32, OT::XM64, OT::XM128}) |
                 (o.reg == Reg::XMM0 ? bit(OT::XMM0) : 0);
        case RegClass::Ymm: return bits({OT::Y, OT::YM256});
        case RegClass::Zmm: return bits({OT::Z, OT::ZM512});
        case RegClass::K: return bit(OT::KR);
        case RegClass::St: return bit(OT::STI) | (o.reg == Reg::ST0 ? bit(OT::ST0) : 0);
        default: return 0;
      }
    case OpKind::Mem:
      // A vector index register makes a VSIB operand (gathers), nothing else.
      if (o.index != Reg::None && reg_class(o.index) == RegClass::Xmm) return bit(OT::MVX);
      if (o.index != Reg::None && reg_class(o.index) == RegClass::Ymm) return bit(OT::MVY);
      switch (o.size) {
        case 0:
          return bits({OT::M, OT::E8, OT::E16, OT::E32, OT::E64, OT::M8, OT::M16, OT::M32, OT::M64, OT::M80,
                       OT::M128, OT::M256, OT::XM8, OT::XM16, OT::XM32, OT::XM64, OT::XM128, OT::YM256,
                       OT::R32M8, OT::R32M16, OT::M512, OT::ZM512});
        case 1: return bits({OT::M, OT::E8, OT::M8, OT::XM8, OT::R32M8});
        case 2: return bits({OT::M, OT::E16, OT::M16, OT::XM16, OT::R32M16});
        case 4: return bits({OT::M, OT::E32, OT::M32, OT::XM32});
        case 8: return bits({OT::M, OT::E64, OT::M64, OT::XM64});
        case 10: return bits({OT::M, OT::M80});
        case 16: return bits({OT::M, OT::M128, OT::XM128});
        case 32: return bits({OT::M, OT::M256, OT::YM256});
        case 64: return bits({OT::M, OT::M512, OT::ZM512});
        default: return bit(OT::M);
      }
    case OpKind::Imm: {
      if (o.sym) {
        if (o.rkind == RelocKind::Abs64 || o.rkind == RelocKind::Pc64) return bit(OT::I64);
        return bit(OT::I32) | (u64(1) << kI32S64);
      }
      i64 v = o.imm;
      u64 m = bit(OT::I64);
      if (in_width(v, 1)) m |= bit(OT::I8);
      if (in_width(v, 2)) m |= bit(OT::I16);
      if (in_width(v, 4)) m |= bit(OT::I32);
      if (fits_i32(v)) m |= u64(1) << kI32S64;
      if (v >= -128 && v <= 255) m |= bit(OT::U8);
      if (v == 1) m |= bit(OT::One);
      if (in_width(v, 2) && fits_i8(normalize(v, 2))) m |= u64(1) << kI8S16;
      if (in_width(v, 4) && fits_i8(normalize(v, 4))) m |= u64(1) << kI8S32;
      if (fits_i8(v)) m |= u64(1) << kI8S64;
      return m;
    }
    case OpKind::Label:
    case OpKind::Sym: return bit(OT::Rel32);
  }
  return 0;
}

// The checks beyond the operand-type bits (the caller tested those).
bool form_matches(const Form& f, const Insn& in) {
  if ((f.flags & F_STR) && in.opsize != f.sz) return false;
  if (f.flags & F_NOMEM)
    for (int k = 0; k < 4; k++)
      if (f.enc[k] == Enc::Rm && in.ops[k].kind == OpKind::Mem) return false;
  // xchg eax, eax must not use the 90 short form (it would be a nop).
  if (in.mn == Mn::XCHG && f.op == 0x90 && in.ops[0].kind == OpKind::Reg &&
      in.ops[1].kind == OpKind::Reg && reg_num(in.ops[0].reg) == 0 && reg_num(in.ops[1].reg) == 0)
    return false;
  return true;
}

struct Buf {
  u8* b;
  u8 n = 0;
  void put(u8 v) { b[n++] = v; }
  void put_le(u64 v, unsigned k) {
    for (unsigned i = 0; i < k; i++) put(static_cast<u8>(v >> (8 * i)));
  }
};

bool needs_rex8(const Operand& o) {
  return o.kind == OpKind::Reg && reg_class(o.reg) == RegClass::Gpr8 && reg_num(o.reg) >= 4;
}
bool is_hi8(const Operand& o) { return o.kind == OpKind::Reg && reg_class(o.reg) == RegClass::Gpr8Hi; }

bool encode_form(const Form& f, const Insn& in, Encoded* out) {
  Buf b{out->bytes};
  const Operand* rm = nullptr;
  const Operand* regop = nullptr;
  const Operand* opreg = nullptr;
  const Operand* immop = nullptr;
  const Operand* relop = nullptr;
  const Operand* vvvv = nullptr;
  const Operand* is4 = nullptr;
  OT immt = OT::None;
  for (int k = 0; k < 4; k++) {
    switch (f.enc[k]) {
      case Enc::Reg: regop = &in.ops[k]; break;
      case Enc::Rm: rm = &in.ops[k]; break;
      case Enc::OpReg: opreg = &in.ops[k]; break;
      case Enc::Imm: immop = &in.ops[k]; immt = f.ot[k]; break;
      case Enc::Rel: relop = &in.ops[k]; break;
      case Enc::Vvvv: vvvv = &in.ops[k]; break;
      case Enc::Is4: is4 = &in.ops[k]; break;
      default: break;
    }
  }
  const bool vex = f.flags & F_VEX, evex = f.flags & F_EVEX;
  // Only EVEX reaches vector registers 16..31 and carries opmasks and
  // broadcasts.
  if (evex) {
    if ((in.kmask && !(f.flags & F_KMASK)) || (in.kzero && !(f.flags & F_ZMASK)) || (in.kzero && !in.kmask))
      return false;
    if (in.bcst && (!(f.flags & F_BCST) || !rm || rm->kind != OpKind::Mem)) return false;
    if (in.prefixes) return false;
  } else {
    if (in.kmask || in.kzero || in.bcst) return false;
    for (int k = 0; k < in.nops; k++) {
      const Operand& o = in.ops[k];
      if (o.kind == OpKind::Reg && is_vec(o.reg) && reg_num(o.reg) >= 16) return false;
      if (o.kind == OpKind::Mem && o.index != Reg::None && reg_num(o.index) >= 16) return false;
    }
  }
  // EVEX compressed displacement (SDM §2.6.5): disp8 counts units of N bytes.
  unsigned dscale = 1;
  if (evex) {
    unsigned vl = (f.flags & F_VL512) ? 64 : (f.flags & F_VL) ? 32 : 16;
    dscale = f.mrm ? f.mrm : in.bcst ? f.sz : vl;
  }
  const bool vsib = rm && (rm->kind == OpKind::Mem) && rm->index != Reg::None && is_vec(rm->index);
  bool has_modrm = rm || regop || f.ext >= 0 || (f.flags & (F_FIXED | F_STI));
  if (f.flags & F_STI) {
    // st(i) rides in the second byte; no ModRM memory form here.
    opreg = rm;
    rm = nullptr;
  }
  // REX.
  u8 rex = (f.flags & F_W) ? 0x48 : 0;
  bool want_rex = rex != 0, hi8 = false;
  for (unsigned k = 0; k < 4; k++) {
    const Operand& o = in.ops[k];
    if (needs_rex8(o)) want_rex = true;
    if (is_hi8(o)) hi8 = true;
  }
  auto regbits = [](const Operand* o) -> unsigned {
    return o && o->kind == OpKind::Reg && reg_class(o->reg) != RegClass::St ? reg_num(o->reg) : 0;
  };
  if (regop && (regbits(regop) & 8)) rex |= 0x44;
  if (!(f.flags & F_STI) && opreg && (regbits(opreg) & 8)) rex |= 0x41;
  if (rm && rm->kind == OpKind::Reg && (regbits(rm) & 8)) rex |= 0x41;
  if (rm && rm->kind == OpKind::Mem) {
    if (rm->base != Reg::None && rm->base != Reg::RIP) {
      if (reg_class(rm->base) != RegClass::Gpr64) return false;
      if (reg_num(rm->base) & 8) rex |= 0x41;
    }
    if (rm->index != Reg::None) {
      if (vsib ? rm->base == Reg::RIP : (reg_class(rm->index) != RegClass::Gpr64 || rm->index == Reg::RSP))
        return false;
      if (reg_num(rm->index) & 8) rex |= 0x42;
      if (rm->scale != 1 && rm->scale != 2 && rm->scale != 4 && rm->scale != 8) return false;
    }
    if (rm->base == Reg::RIP && rm->index != Reg::None) return false;
  }
  if (rex) want_rex = true;
  if (want_rex && hi8) return false;
  if (want_rex && !rex) rex = 0x40;
  if (vex && (in.prefixes & (PFX_LOCK | PFX_REP | PFX_REPNE))) return false;

  // Legacy prefixes: segment, operand size, lock/rep, mandatory prefix.
  if (rm && rm->kind == OpKind::Mem && rm->seg != Reg::None) {
    static const u8 seg[] = {0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65};
    b.put(seg[reg_num(rm->seg)]);
  }
  if (evex) {
    // EVEX (SDM §2.6.1): 62, then P0 = R X B R' 0 0 m m (inverted R..R'),
    // P1 = W vvvv 1 pp, P2 = z L'L b V' aaa.  X also extends a vector r/m
    // register to 5 bits; R' and V' are the fifth bits of reg and vvvv.
    unsigned pp = f.pfx == 0x66 ? 1 : f.pfx == 0xF3 ? 2 : f.pfx == 0xF2 ? 3 : 0;
    unsigned rr = regop && regop->kind == OpKind::Reg ? reg_num(regop->reg) : 0;
    unsigned bx = 0, xb = 0;
    if (rm && rm->kind == OpKind::Reg) {
      bx = (reg_num(rm->reg) >> 3) & 1;
      xb = (reg_num(rm->reg) >> 4) & 1;
    } else if (rm && rm->kind == OpKind::Mem) {
      bx = rex & 1;
      xb = (rex >> 1) & 1;
    }
    unsigned v = vvvv ? reg_num(vvvv->reg) : 0;
    unsigned ll = (f.flags & F_VL512) ? 2 : (f.flags & F_VL) ? 1 : 0;
    b.put(0x62);
    b.put(static_cast<u8>((((rr >> 3) & 1) ? 0 : 0x80) | (xb ? 0 : 0x40) | (bx ? 0 : 0x20) |
                          (((rr >> 4) & 1) ? 0 : 0x10) | f.map));
    b.put(static_cast<u8>(((f.flags & F_W) ? 0x80 : 0) | ((~v & 15) << 3) | 4 | pp));
    b.put(static_cast<u8>((in.kzero ? 0x80 : 0) | ll << 5 | (in.bcst ? 0x10 : 0) | (((v >> 4) & 1) ? 0 : 8) |
                          (in.kmask & 7)));
  } else if (vex) {
    // VEX (SDM §2.3.5): R, X, B and vvvv inverted; the two-byte C5 form
    // when X, B and W are clear and the map is 0F, as GNU as chooses.
    unsigned pp = f.pfx == 0x66 ? 1 : f.pfx == 0xF3 ? 2 : f.pfx == 0xF2 ? 3 : 0;
    unsigned v = vvvv ? reg_num(vvvv->reg) & 15 : 0;
    u8 tail = static_cast<u8>(((~v & 15) << 3) | ((f.flags & F_VL) ? 4 : 0) | pp);
    if (!(rex & 0x0B) && f.map == 1) {
      b.put(0xC5);
      b.put(static_cast<u8>(((rex & 4) ? 0 : 0x80) | tail));
    } else {
      b.put(0xC4);
      b.put(static_cast<u8>(((rex & 4) ? 0 : 0x80) | ((rex & 2) ? 0 : 0x40) | ((rex & 1) ? 0 : 0x20) | f.map));
      b.put(static_cast<u8>(((f.flags & F_W) ? 0x80 : 0) | tail));
    }
  } else {
    if (f.flags & F_OS16) b.put(0x66);
    if (in.prefixes & PFX_LOCK) b.put(0xF0);
    if (in.prefixes & PFX_REP) b.put(0xF3);
    if (in.prefixes & PFX_REPNE) b.put(0xF2);
    if (f.pfx) b.put(f.pfx);
    if (rex) b.put(rex);
    if (f.map == 1) b.put(0x0F);
    if (f.map == 2) { b.put(0x0F); b.put(0x38); }
    if (f.map == 3) { b.put(0x0F); b.put(0x3A); }
  }
  u8 op = f.op;
  if (f.flags & F_CC) op = static_cast<u8>(op + u8(in.cc));
  if (opreg && !(f.flags & F_STI)) op = static_cast<u8>(op + (reg_num(opreg->reg) & 7));
  u8 opcode_at = b.n;
  b.put(op);

  out->has_reloc = out->has_label = out->pcrel = out->branch = false;
  out->short_len = 0;
  i64 user_addend = 0;
  if (has_modrm) {
    if (f.flags & F_FIXED) {
      b.put(f.mrm);
    } else if (f.flags & F_STI) {
      b.put(static_cast<u8>(f.mrm + (opreg ? reg_num(opreg->reg) : 1)));
    } else {
      unsigned regf = f.ext >= 0 ? unsigned(f.ext) : (regbits(regop) & 7);
      if (!rm) return false;
      if (rm->kind == OpKind::Reg) {
        b.put(static_cast<u8>(0xC0 | regf << 3 | (reg_num(rm->reg) & 7)));
      } else {
        const Operand& m = *rm;
        bool reloc = m.sym != OBJ_SYM_NONE || m.label != MC_LABEL_NONE;
        if (m.base == Reg::RIP) {
          b.put(static_cast<u8>(0x05 | regf << 3));
          out->field_off = b.n;
          out->field_size = 4;
          if (reloc) {
            out->pcrel = true;
            user_addend = m.imm;
            if (m.sym) {
              out->has_reloc = true;
              out->sym = m.sym;
              out->rkind = m.rkind == RelocKind::None ? RelocKind::Pc32 : m.rkind;
            } else {
              out->has_label = true;
              out->label = m.label;
            }
            b.put_le(0, 4);
          } else {
            if (!fits_i32(m.imm)) return false;
            b.put_le(static_cast<u64>(m.imm), 4);
          }
        } else {
          if (m.label != MC_LABEL_NONE) return false;
          if (!reloc && !fits_i32(m.imm)) return false;
          bool nobase = m.base == Reg::None;
          unsigned base = nobase ? 5 : reg_num(m.base) & 7;
          unsigned mod;
          if (nobase || reloc) mod = nobase ? 0 : 2;
          else if (m.imm == 0 && base != 5) mod = 0;
          else if (m.imm % i64(dscale) == 0 && fits_i8(m.imm / i64(dscale))) mod = 1;
          else mod = 2;
          bool sib = nobase || m.index != Reg::None || base == 4;
          if (sib) {
            b.put(static_cast<u8>(mod << 6 | regf << 3 | 4));
            unsigned ss = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
            unsigned idx = m.index == Reg::None ? 4 : reg_num(m.index) & 7;
            b.put(static_cast<u8>(ss << 6 | idx << 3 | base));
          } else {
            b.put(static_cast<u8>(mod << 6 | regf << 3 | base));
          }
          if (mod == 1) {
            b.put(static_cast<u8>(m.imm / i64(dscale)));
          } else if (mod == 2 || nobase) {
            out->field_off = b.n;
            out->field_size = 4;
            if (reloc) {
              out->has_reloc = true;
              out->sym = m.sym;
              out->rkind = m.rkind == RelocKind::None ? RelocKind::Abs32S : m.rkind;
              out->addend = m.imm;
              b.put_le(0, 4);
            } else {
              b.put_le(static_cast<u64>(m.imm), 4);
            }
          }
        }
      }
    }
  }
  if (relop) {
    out->field_off = b.n;
    out->field_size = 4;
    out->pcrel = true;
    user_addend = relop->kind == OpKind::Sym ? relop->imm : 0;
    if (relop->kind == OpKind::Sym) {
      out->has_reloc = true;
      out->sym = relop->sym;
      out->rkind = relop->rkind == RelocKind::None ? RelocKind::Plt32 : relop->rkind;
    } else {
      out->has_label = true;
      out->branch = true;
      out->label = relop->label;
    }
    b.put_le(0, 4);
    // The short (rel8) form of the same jump, if the table has one.
    if (out->has_label) {
      for (u16 gi : forms_of(f.mn)) {
        const Form& g = forms()[gi];
        if (g.ot[0] != OT::Rel8) continue;
        u8 sop = static_cast<u8>(g.op + ((g.flags & F_CC) ? u8(in.cc) : 0));
        out->short_bytes[0] = sop;
        out->short_len = 1;
        break;
      }
    }
  }
  if (is4) {
    // A register operand in imm8[7:4] (SDM vol. 2 §2.3.3 "/is4"; AMD APM
    // vol. 4 for FMA4), after any displacement.
    b.put(static_cast<u8>((reg_num(is4->reg) & 15) << 4));
  } else if (immop) {
    unsigned sz = 0;
    switch (immt) {
      case OT::I8: case OT::I8S: case OT::U8: sz = 1; break;
      case OT::I16: sz = 2; break;
      case OT::I32: sz = 4; break;
      case OT::I64: sz = 8; break;
      default: break;
    }
    if (immop->sym) {
      if (out->has_reloc || out->has_label) return false;  // one relocated field only
      out->has_reloc = true;
      out->sym = immop->sym;
      out->rkind = immop->rkind;
      out->addend = immop->imm;
      out->field_off = b.n;
      out->field_size = static_cast<u8>(sz);
      b.put_le(0, sz);
    } else {
      b.put_le(static_cast<u64>(immop->imm), sz);
    }
  }
  out->len = b.n;
  if (out->pcrel) out->addend = user_addend - (b.n - out->field_off);
  (void)opcode_at;
  return true;
}

// GNU as prefers the two-byte VEX prefix: a register-only 0F-map move that
// needs only VEX.B (its r/m register is xmm8..15) is encoded with the
// opposite-direction form, which moves that register into ModRM.reg (R).
bool vex3_only_for_b(const Form& f, const Encoded& e) {
  return (f.flags & F_VEX) && f.map == 1 && e.bytes[0] == 0xC4 && (e.bytes[1] & 0xE0) == 0xC0 &&
         !(e.bytes[2] & 0x80);
}
bool swapped_roles(const Form& f, const Form& g) {
  if (&f == &g || !(g.flags & F_VEX) || g.map != 1 || (g.flags & F_VL) != (f.flags & F_VL)) return false;
  bool any = false;
  for (int k = 0; k < 4; k++) {
    Enc a = f.enc[k], b = g.enc[k];
    if (a == Enc::Rm || a == Enc::Reg) {
      if (b != (a == Enc::Rm ? Enc::Reg : Enc::Rm)) return false;
      any = true;
    } else if (a != b) {
      return false;
    }
  }
  return any;
}

// Form selection: the first form of the mnemonic, in table order, whose
// operand-type bits and extra checks accept the instruction and that
// encode_form() can lay out.  Which forms pass the bit tests and
// form_matches() depends only on (mnemonic, the operands' accept() bits,
// opsize) -- except for xchg's register-number rule -- so the Encoder keeps
// a small direct-mapped cache from that key to the position of the first
// such form in forms_of(mn): a code generator emits the same few hundred
// shapes over and over, and the scan then runs once per shape.  A cached
// position is only a starting point: the scan continues from there, so the
// result is the one an uncached scan gives.  Four-operand instructions
// (VEX is4, imm8 forms) bypass the cache.
bool encode_any(const Insn& in, Encoded* out, bool swapped, SelCache* cache) {
  if (u16(in.mn) >= u16(Mn::Count)) return false;
  if (in.mn == Mn::INT && in.nops == 1 && in.ops[0].kind == OpKind::Imm && in.ops[0].imm == 3 &&
      !in.ops[0].sym)  // int $3 is int3 (CC), as GNU as encodes it
    return encode_any(insn(Mn::INT3), out, false, nullptr);
  const Form* all = forms().data();
  const FormNeed* needs = form_needs().data();
  const bool four = in.ops[3].kind != OpKind::None;
  u64 a0 = accept(in.ops[0]), a1 = accept(in.ops[1]), a2 = accept(in.ops[2]);
  u64 a3 = four ? accept(in.ops[3]) : ot_bit(OT::None);
  if (in.bcst) {  // a broadcast memory operand stands for a whole vector
    Operand any;
    any.kind = OpKind::Mem;
    const u64 m = accept(any);
    if (in.ops[0].kind == OpKind::Mem) a0 = m;
    if (in.ops[1].kind == OpKind::Mem) a1 = m;
    if (in.ops[2].kind == OpKind::Mem) a2 = m;
    if (in.ops[3].kind == OpKind::Mem) a3 = m;
  }
  std::span<const u16> list = forms_of(in.mn);
  size_t start = 0;
  SelCache::Slot* slot = nullptr;
  if (cache && in.mn != Mn::XCHG && !four && !in.kmask && !in.bcst) {
    u64 h = (a0 * 0x9E3779B97F4A7C15ull) ^ (a1 * 0xC2B2AE3D27D4EB4Full) ^ (a2 * 0x165667B19E3779F9ull) ^
            (u64(in.mn) << 8 | in.opsize);
    slot = &cache->slots[(h ^ (h >> 29)) & (SelCache::kSlots - 1)];
    if (slot->mn == u16(in.mn) + 1 && slot->opsize == in.opsize && slot->a[0] == a0 && slot->a[1] == a1 &&
        slot->a[2] == a2) {
      start = slot->pos;
      slot = nullptr;  // hit: nothing to record
    }
  }
  for (size_t p = start; p < list.size(); p++) {
    u16 fi = list[p];
    const FormNeed& n = needs[fi];
    if (!(a0 & n.need[0]) || !(a1 & n.need[1]) || !(a2 & n.need[2]) || !(a3 & n.need[3])) continue;
    const Form& f = all[fi];
    if (!form_matches(f, in)) continue;
    if (slot) {  // miss: remember the first candidate for this shape
      *slot = SelCache::Slot{{a0, a1, a2}, u16(u16(in.mn) + 1), in.opsize, static_cast<u16>(p)};
      slot = nullptr;
    }
    if (!encode_form(f, in, out)) continue;
    if (vex3_only_for_b(f, *out) && in.nops >= 2 && in.ops[0].kind == OpKind::Reg &&
        in.ops[in.nops - 1].kind == OpKind::Reg &&
        reg_class(in.ops[0].reg) == reg_class(in.ops[in.nops - 1].reg)) {
      bool regs = true;
      for (int k = 0; k < in.nops; k++) regs &= in.ops[k].kind == OpKind::Reg;
      for (u16 gi : list) {
        const FormNeed& m = needs[gi];
        const Form& g = all[gi];
        if (!regs || !swapped_roles(f, g)) continue;
        if (!(a0 & m.need[0]) || !(a1 & m.need[1]) || !(a2 & m.need[2]) || !(a3 & m.need[3])) continue;
        Encoded alt;
        if (encode_form(g, in, &alt) && alt.len < out->len) {
          *out = alt;
          break;
        }
      }
    }
    return true;
  }
  if (in.mn == Mn::XCHG && !swapped) {  // symmetric: try r, acc and m, r orders
    Insn m = in;
    std::swap(m.ops[0], m.ops[1]);
    return encode_any(m, out, true, nullptr);
  }
  if (in.mn == Mn::MOV) {  // mov reg64, imm64 is movabs
    Insn m = in;
    m.mn = Mn::MOVABS;
    return encode_any(m, out, false, cache);
  }
  return false;
}

}  // namespace

bool x86_encode(const Insn& in, Encoded* out) { return encode_any(in, out, false, nullptr); }

bool Encoder::try_emit(const Insn& in) {
  Encoded e;
  if (!encode_any(in, &e, false, &sel_)) return false;
  if (e.branch) {
    std::span<const u8> sh(e.short_bytes, e.short_len);
    mc_.branch(e.label, sh, std::span<const u8>(e.bytes, e.len - 4u));
    return true;
  }
  u64 start = mc_.offset();
  mc_.emit(e.bytes, e.len);
  if (e.has_reloc) mc_.reloc(start + e.field_off, e.rkind, e.sym, e.addend);
  if (e.has_label) mc_.fixup(start + e.field_off, e.label, FixupKind::Pc32, e.addend);
  return true;
}

void Encoder::emit(const Insn& in) {
  if (!try_emit(in)) CFREE_UNREACHABLE("x86 encoder: no instruction form matches the operands");
}

// ---- Names ----------------------------------------------------------

const char* mn_name(Mn m) {
  static const char* const kNames[] = {
#define CFREE_X86_MN_NAME(n) #n,
      CFREE_X86_MNEMONICS(CFREE_X86_MN_NAME)
#undef CFREE_X86_MN_NAME
  };
  return u16(m) < u16(Mn::Count) ? kNames[u16(m)] : "?";
}

const char* cond_name(Cond c) {
  static const char* const kCond[] = {"o", "no", "b", "ae", "e", "ne", "be", "a",
                                      "s", "ns", "p", "np", "l", "ge", "le", "g"};
  return kCond[u8(c) & 15];
}

namespace {
// "xmm0".."xmm31", "ymm..", "zmm..", built at compile time.
struct VecNames {
  char name[3][32][6];
};
constexpr VecNames make_vec_names() {
  VecNames v{};
  const char pfx[3] = {'x', 'y', 'z'};
  for (int c = 0; c < 3; c++)
    for (int i = 0; i < 32; i++) {
      char* p = v.name[c][i];
      p[0] = pfx[c];
      p[1] = p[2] = 'm';
      if (i < 10) {
        p[3] = static_cast<char>('0' + i);
      } else {
        p[3] = static_cast<char>('0' + i / 10);
        p[4] = static_cast<char>('0' + i % 10);
      }
    }
  return v;
}
constexpr VecNames kVecNames = make_vec_names();
}  // namespace

const char* reg_name(Reg r) {
  static const char* const k8[] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
                                   "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
  static const char* const k16[] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
                                    "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
  static const char* const k32[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
                                    "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
  static const char* const k64[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
  static const char* const kx[] = {"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                                   "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"};
  static const char* const kst[] = {"st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)"};
  static const char* const khi[] = {"ah", "ch", "dh", "bh"};
  static const char* const kseg[] = {"es", "cs", "ss", "ds", "fs", "gs"};
  unsigned n = reg_num(r);
  switch (reg_class(r)) {
    case RegClass::Gpr8: return k8[n & 15];
    case RegClass::Gpr8Hi: return khi[(n - 4) & 3];
    case RegClass::Gpr16: return k16[n & 15];
    case RegClass::Gpr32: return k32[n & 15];
    case RegClass::Gpr64: return k64[n & 15];
    case RegClass::Xmm: return n < 16 ? kx[n] : kVecNames.name[0][n & 31];
    case RegClass::Ymm: return kVecNames.name[1][n & 31];
    case RegClass::Zmm: return kVecNames.name[2][n & 31];
    case RegClass::K: {
      static const char* const kk[] = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"};
      return kk[n & 7];
    }
    case RegClass::St: return kst[n & 7];
    case RegClass::Seg: return n < 6 ? kseg[n] : "?";
    case RegClass::Rip: return "rip";
    default: return "?";
  }
}

}  // namespace cfree::x86
