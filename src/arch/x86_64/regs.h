// regs.h: the x86-64 register file as the encoder, disassembler and
// CGTarget name it.
//
// A Reg is a 16-bit value: register class in the high byte, hardware number
// (0..15, as in ModRM/REX: rax=0, rcx=1, rdx=2, rbx=3, rsp=4, rbp=5, rsi=6,
// rdi=7, r8..r15) in the low byte (Intel SDM vol. 2, §2.1.5 and §2.2.1).
// Each width of a GPR is its own class, so `eax` and `rax` are distinct
// values with the same number; the 8-bit class holds al..r15b where 4..7 are
// spl/bpl/sil/dil (they need a REX prefix), and the legacy high-byte
// registers ah/ch/dh/bh have their own class (numbers 4..7, never with REX).
#pragma once

#include "core/base.h"

namespace cfree::x86 {

// Ymm (AVX), Zmm and K (AVX-512 vector and mask registers) come last; Xmm,
// Ymm and Zmm numbers go up to 31 (EVEX reaches xmm16..xmm31).
enum class RegClass : u8 { None = 0, Gpr8, Gpr8Hi, Gpr16, Gpr32, Gpr64, Xmm, St, Seg, Rip, Ymm, Zmm, K };

enum class Reg : u16 {
  None = 0,
#define CFREE_X86_GPR(cls, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                        \
  a = (u16(RegClass::cls) << 8) | 0, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p
  CFREE_X86_GPR(Gpr8, AL, CL, DL, BL, SPL, BPL, SIL, DIL, R8B, R9B, R10B, R11B, R12B, R13B, R14B, R15B),
  CFREE_X86_GPR(Gpr16, AX, CX, DX, BX, SP, BP, SI, DI, R8W, R9W, R10W, R11W, R12W, R13W, R14W, R15W),
  CFREE_X86_GPR(Gpr32, EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI, R8D, R9D, R10D, R11D, R12D, R13D, R14D, R15D),
  CFREE_X86_GPR(Gpr64, RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15),
  CFREE_X86_GPR(Xmm, XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15),
  AH = (u16(RegClass::Gpr8Hi) << 8) | 4, CH, DH, BH,
  ST0 = (u16(RegClass::St) << 8) | 0, ST1, ST2, ST3, ST4, ST5, ST6, ST7,
  ES = (u16(RegClass::Seg) << 8) | 0, CS, SS, DS, FS, GS,
  RIP = (u16(RegClass::Rip) << 8) | 0,
  CFREE_X86_GPR(Ymm, YMM0, YMM1, YMM2, YMM3, YMM4, YMM5, YMM6, YMM7, YMM8, YMM9, YMM10, YMM11, YMM12, YMM13, YMM14, YMM15),
  CFREE_X86_GPR(Zmm, ZMM0, ZMM1, ZMM2, ZMM3, ZMM4, ZMM5, ZMM6, ZMM7, ZMM8, ZMM9, ZMM10, ZMM11, ZMM12, ZMM13, ZMM14, ZMM15),
  K0 = (u16(RegClass::K) << 8) | 0, K1, K2, K3, K4, K5, K6, K7,
};
#undef CFREE_X86_GPR

constexpr RegClass reg_class(Reg r) { return RegClass(u16(r) >> 8); }
constexpr u8 reg_num(Reg r) { return u8(u16(r) & 0xff); }
constexpr Reg make_reg(RegClass c, unsigned num) { return Reg((u16(c) << 8) | num); }
constexpr bool is_gpr(Reg r) {
  RegClass c = reg_class(r);
  return c == RegClass::Gpr8 || c == RegClass::Gpr8Hi || c == RegClass::Gpr16 ||
         c == RegClass::Gpr32 || c == RegClass::Gpr64;
}
constexpr bool is_xmm(Reg r) { return reg_class(r) == RegClass::Xmm; }
// Any vector register (xmm, ymm, zmm).
constexpr bool is_vec(Reg r) {
  RegClass c = reg_class(r);
  return c == RegClass::Xmm || c == RegClass::Ymm || c == RegClass::Zmm;
}
// Width in bytes of a GPR (1, 2, 4, 8), 16/32/64 for xmm/ymm/zmm, 8 for a
// mask register, 10 for x87, 0 otherwise.
constexpr unsigned reg_size(Reg r) {
  switch (reg_class(r)) {
    case RegClass::Gpr8: case RegClass::Gpr8Hi: return 1;
    case RegClass::Gpr16: return 2;
    case RegClass::Gpr32: return 4;
    case RegClass::Gpr64: return 8;
    case RegClass::Xmm: return 16;
    case RegClass::Ymm: return 32;
    case RegClass::Zmm: return 64;
    case RegClass::K: return 8;
    case RegClass::St: return 10;
    default: return 0;
  }
}
// The same GPR at another width (1, 2, 4, 8); ah..bh are not reachable.
constexpr Reg gpr(unsigned num, unsigned size) {
  RegClass c = size == 1 ? RegClass::Gpr8 : size == 2 ? RegClass::Gpr16
             : size == 4 ? RegClass::Gpr32 : RegClass::Gpr64;
  return make_reg(c, num);
}
constexpr Reg resize(Reg r, unsigned size) { return gpr(reg_num(r), size); }

// The AT&T name without '%' ("rax", "xmm3", "ymm17", "k1", "st(1)").
const char* reg_name(Reg r);

}  // namespace cfree::x86
