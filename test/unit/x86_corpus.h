// x86_corpus.h: a generated batch of x86-64 instructions covering every
// form of the encoding table with several operand combinations (registers
// needing and not needing REX, every addressing mode, immediates at the
// edges of their widths, every condition code).  Shared by the round-trip
// unit test (x86_test.cpp) and the differential tool against GNU as and
// objdump (test/tools/x86_corpus.cpp).
#pragma once

#include "arch/x86_64/table.h"

#include <vector>

namespace x86corpus {

using namespace cfree;
using namespace cfree::x86;

inline std::vector<Operand> candidates(OT t, unsigned sz, bool evex = false) {
  std::vector<Operand> mems = {
      mem(sz, Reg::RAX, 0),        mem(sz, Reg::RBP, -8),           mem(sz, Reg::R13, 0),
      mem(sz, Reg::R12, 0),        mem(sz, Reg::RSP, 0x10),         mem(sz, Reg::RAX, Reg::RBX, 4, 0x12345),
      mem(sz, Reg::None, Reg::RCX, 8, 0x10), mem(sz, Reg::RIP, 0x100), mem(sz, Reg::R8, Reg::R15, 2, 0),
      mem(sz, Reg::RDX, 0x80),     mem(sz, Reg::RSI, -0x80),        mem(sz, Reg::None, 0x1000),
  };
  auto regs = [](std::initializer_list<Reg> rs) {
    std::vector<Operand> v;
    for (Reg r : rs) v.push_back(reg(r));
    return v;
  };
  auto plus = [](std::vector<Operand> a, const std::vector<Operand>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  auto vec = [&](RegClass c, std::initializer_list<unsigned> nums) {
    std::vector<Operand> v;
    for (unsigned n : nums) v.push_back(reg(make_reg(c, n)));
    return v;
  };
  if (evex) {  // EVEX reaches registers 16..31
    switch (t) {
      case OT::X: return vec(RegClass::Xmm, {17, 0, 28, 9, 20});
      case OT::Y: return vec(RegClass::Ymm, {0, 9, 17, 31});
      case OT::Z: return vec(RegClass::Zmm, {0, 9, 16, 31});
      case OT::XM8: case OT::XM16: case OT::XM32: case OT::XM64: case OT::XM128:
        return plus(vec(RegClass::Xmm, {1, 20}), mems);
      case OT::YM256: return plus(vec(RegClass::Ymm, {2, 29}), mems);
      case OT::ZM512: return plus(vec(RegClass::Zmm, {3, 24}), mems);
      default: break;
    }
  }
  switch (t) {
    case OT::Z: return vec(RegClass::Zmm, {0, 9, 15});
    case OT::ZM512: return plus(vec(RegClass::Zmm, {2, 13}), mems);
    case OT::M512: return mems;
    case OT::KR: return vec(RegClass::K, {1, 7, 0, 3});
    case OT::G8: return regs({Reg::CL, Reg::SIL, Reg::R9B, Reg::DL, Reg::AH});
    case OT::G16: return regs({Reg::DX, Reg::R10W, Reg::SI});
    case OT::G32: return regs({Reg::EBX, Reg::R13D, Reg::ESP, Reg::EDI});
    case OT::G64: return regs({Reg::RCX, Reg::R12, Reg::RSP, Reg::RBP, Reg::R8});
    case OT::E8: return plus(candidates(OT::G8, 1), mems);
    case OT::E16: return plus(candidates(OT::G16, 2), mems);
    case OT::E32: return plus(candidates(OT::G32, 4), mems);
    case OT::E64: return plus(candidates(OT::G64, 8), mems);
    case OT::M: case OT::M8: case OT::M16: case OT::M32: case OT::M64: case OT::M80: case OT::M128:
      return mems;
    case OT::I8: return {imm(0x7f), imm(-128), imm(5)};
    case OT::I16: return {imm(0x1234), imm(-0x1234)};
    case OT::I32: return {imm(0x12345), imm(-0x12345), imm(0x7fffffff)};
    case OT::I64: return {imm(0x123456789aLL), imm(-0x123456789aLL)};
    case OT::I8S: return {imm(1), imm(-3), imm(127)};
    case OT::U8: return {imm(3), imm(0x80)};
    case OT::One: return {imm(1)};
    case OT::AL: return regs({Reg::AL});
    case OT::AX: return regs({Reg::AX});
    case OT::EAX: return regs({Reg::EAX});
    case OT::RAX: return regs({Reg::RAX});
    case OT::CL: return regs({Reg::CL});
    case OT::DX: return regs({Reg::DX});
    case OT::X: return regs({Reg::XMM0, Reg::XMM9, Reg::XMM15, Reg::XMM3});
    case OT::XM8: case OT::XM16: case OT::XM32: case OT::XM64: case OT::XM128:
      return plus(regs({Reg::XMM1, Reg::XMM12}), mems);
    case OT::XMM0: return regs({Reg::XMM0});
    case OT::Y: return regs({Reg::YMM0, Reg::YMM9, Reg::YMM15, Reg::YMM3});
    case OT::YM256: return plus(regs({Reg::YMM2, Reg::YMM13}), mems);
    case OT::M256: return mems;
    case OT::R32M8: case OT::R32M16: return plus(regs({Reg::EBX, Reg::R13D}), mems);
    case OT::MVX: case OT::MVY: {
      RegClass c = t == OT::MVX ? RegClass::Xmm : RegClass::Ymm;
      return {mem(sz, Reg::RAX, make_reg(c, 1), 4, 0x10), mem(sz, Reg::R8, make_reg(c, 9), 8, 0),
              mem(sz, Reg::RBP, make_reg(c, 4), 2, -8), mem(sz, Reg::None, make_reg(c, 15), 1, 0x100),
              mem(sz, Reg::R13, make_reg(c, 0), 1, 0)};
    }
    case OT::ST0: return regs({Reg::ST0});
    case OT::STI: return regs({Reg::ST1, Reg::ST3, Reg::ST7});
    default: return {};
  }
}

inline unsigned mem_width(OT t, unsigned form_sz) {
  switch (t) {
    case OT::E8: case OT::M8: case OT::XM8: case OT::R32M8: return 1;
    case OT::E16: case OT::M16: case OT::XM16: case OT::R32M16: return 2;
    case OT::YM256: case OT::M256: return 32;
    case OT::ZM512: case OT::M512: return 64;
    case OT::MVX: case OT::MVY: return 0;
    case OT::E32: case OT::M32: case OT::XM32: return 4;
    case OT::E64: case OT::M64: case OT::XM64: return 8;
    case OT::M80: return 10;
    case OT::XM128: case OT::M128: return 16;
    default: return form_sz;
  }
}

// Up to `per_form` instructions for each encodable form, with label
// operands for branches (the caller supplies the label).
inline std::vector<Insn> generate(unsigned per_form, MCLabel branch_label) {
  std::vector<Insn> out;
  for (const Form& f : forms()) {
    if (f.flags & F_DISASM_ONLY) continue;
    if (f.ot[0] == OT::Rel8) continue;  // reached through relaxation of the Rel32 form
    std::vector<std::vector<Operand>> cands;
    for (OT t : f.ot) {
      if (t == OT::None) break;
      if (t == OT::Rel32) {
        cands.push_back({label(branch_label)});
        continue;
      }
      cands.push_back(candidates(t, mem_width(t, f.sz), f.flags & F_EVEX));
    }
    for (unsigned i = 0; i < per_form; i++) {
      Insn in;
      in.mn = f.mn;
      in.cc = Cond(i % 16);
      if (f.flags & F_STR) {
        in.opsize = f.sz;
        if (i & 1) in.prefixes = PFX_REP;
      }
      in.nops = static_cast<u8>(cands.size());
      for (size_t k = 0; k < cands.size(); k++) {
        const auto& c = cands[k];
        in.ops[k] = c[(i * (k + 1) + k) % c.size()];
      }
      // AVX-512 decorations: opmasks, zeroing, embedded broadcast.
      if (f.flags & F_KMASK) {
        in.kmask = static_cast<u8>(i % 4);
        in.kzero = (f.flags & F_ZMASK) && in.kmask && (i & 1);
      }
      if ((f.flags & F_BCST) && i % 3 == 0)
        for (int k = 0; k < in.nops; k++)
          if (in.ops[k].kind == OpKind::Mem) {
            in.bcst = true;
            in.ops[k].size = f.sz;
          }
      // pclmulqdq immediates objdump prints as a mnemonic (pclmulhqhqdq)
      // must be the ones gas reads back the same way.
      if (f.mn == Mn::PCLMULQDQ || f.mn == Mn::VPCLMULQDQ) in.ops[in.nops - 1] = imm((i & 1) ? 0x10 : 0x01);
      // Gathers: destination, index and mask must be distinct registers.
      if (f.ot[1] == OT::MVX || f.ot[1] == OT::MVY) {
        unsigned d = reg_num(in.ops[0].reg), x = reg_num(in.ops[1].index), m = reg_num(in.ops[2].reg);
        if (d == x || d == m || x == m) continue;
      }
      if ((f.mn == Mn::ADD || f.mn == Mn::XADD || f.mn == Mn::CMPXCHG) && in.ops[0].kind == OpKind::Mem && (i & 1))
        in.prefixes |= PFX_LOCK;
      out.push_back(in);
    }
  }
  return out;
}

}  // namespace x86corpus
