// table.h: the x86-64 instruction-form table, the one description of the
// ISA that the encoder, the disassembler, the assembler and the emulator's
// decoder all read (Intel SDM vol. 2, ch. 2 "Instruction Format" and the
// opcode tables of vol. 2A-2D, appendix A).
//
// A Form is one encoding of one mnemonic: its operand types in Intel order,
// where each operand goes (ModRM.reg, ModRM.rm, low opcode bits, an
// immediate, a relative displacement, or implicit), the opcode bytes after
// any mandatory prefix (66/F2/F3, or VEX.pp) and escape (0F, 0F 38, 0F 3A), a ModRM.reg
// opcode extension, and flags (REX.W, 16-bit operand size, condition code
// in the low nibble, ...).  Forms of one mnemonic are listed shortest first,
// so the encoder takes the first that matches; the disassembler finds
// forms by (opcode map, opcode byte) through an index built at compile time.
#pragma once

#include "arch/x86_64/encode.h"

#include <span>

namespace cfree::x86 {

// Operand types.
enum class OT : u8 {
  None,
  G8, G16, G32, G64,      // general register
  E8, E16, E32, E64,      // general register or memory of that width
  M,                      // memory, width irrelevant (lea, prefetch)
  M8, M16, M32, M64, M80, M128,  // memory only, of that width
  I8, I16, I32, I64,      // immediate, exactly that width
  I8S,                    // imm8 sign-extended to the operand size
  U8,                     // an unsigned 8-bit immediate (shift counts, shuffles)
  One,                    // the constant 1 (shift by one)
  AL, AX, EAX, RAX, CL, DX,  // fixed registers
  X, XM32, XM64, XM128,   // xmm register; xmm register or memory of that width
  ST0, STI,               // x87 st(0); st(i) in the low bits of the second byte
  Rel8, Rel32,            // branch displacement
  XMM0,                   // the implicit xmm0 of blendvps / pblendvb
  XM8, XM16,              // xmm register or memory of 1 / 2 bytes (pmovzxbq, vpbroadcastb)
  Y, YM256, M256,         // ymm register; ymm register or 32-byte memory; memory only
  R32M8, R32M16,          // 32-bit GPR or memory of 1 / 2 bytes (pextrb, pinsrw)
  MVX, MVY,               // VSIB memory: xmm / ymm index register (gathers)
  Z, ZM512, M512,         // zmm register; zmm register or 64-byte memory; memory only
  KR,                     // an AVX-512 opmask register k0..k7
};

// Where an operand is encoded.
// Vvvv: the VEX.vvvv register; Is4: a register in bits 7:4 of an imm8
// (vblendvps, FMA4).
enum class Enc : u8 { None, Reg, Rm, OpReg, Imm, Rel, Implicit, Vvvv, Is4 };

enum FormFlag : u32 {
  F_W = 1,          // REX.W
  F_OS16 = 2,       // 0x66 operand-size prefix (16-bit operand)
  F_CC = 4,         // condition code in the low nibble of the last opcode byte
  F_MODRM = 8,      // has a ModRM byte (implied by Reg/Rm operands or ext)
  F_STI = 16,       // x87 register form: second opcode byte + i
  F_REXB8 = 32,     // byte registers: spl..dil need REX, ah..bh are not allowed
  F_NOMEM = 64,     // Rm operand must be a register
  F_STR = 128,      // string instruction (movs, stos...): size from the form
  F_D64 = 256,      // default 64-bit operand size (push, pop, call, jmp)
  F_DISASM_ONLY = 512,  // decode but never choose when encoding
  F_FIXED = 1024,   // the ModRM byte is fixed (mrm): mfence, fchs, ...
  // VEX forms (SDM vol. 2 §2.3): map 1..3 is VEX.mmmmm (0F, 0F 38, 0F 3A),
  // pfx is VEX.pp, F_W is VEX.W = 1 and F_VL VEX.L = 1.  The encoder writes
  // W = 0 / L = 0 otherwise; the decoder accepts either W for F_WIG forms
  // and either L for F_LIG forms (the SDM's WIG / LIG).
  F_VEX = 2048,
  F_VL = 4096,
  F_WIG = 8192,
  F_LIG = 16384,
  // EVEX forms (SDM vol. 2 §2.6): map, pfx and F_W as for VEX; F_VL is
  // EVEX.L'L = 01 (256 bits), F_VL512 L'L = 10 (512 bits).  F_KMASK: the
  // destination takes an opmask {%kN}; F_ZMASK: and zeroing {z}; F_BCST:
  // the memory operand may be a broadcast of one sz-byte element.  For
  // EVEX forms `mrm` is the disp8 scale N of a fixed-size memory operand
  // (tuple T1S etc.); 0 means the full vector (or sz when broadcasting).
  F_EVEX = 1u << 15,
  F_VL512 = 1u << 16,
  F_KMASK = 1u << 17,
  F_ZMASK = 1u << 18,
  F_BCST = 1u << 19,
};

struct Form {
  Mn mn;
  u8 pfx;      // 0, 0x66, 0xF2, 0xF3: mandatory prefix
  u8 map;      // 0: one-byte, 1: 0F, 2: 0F 38, 3: 0F 3A
  u8 op;       // the opcode byte within the map
  i8 ext;      // ModRM.reg extension 0..7, or -1
  u32 flags;
  OT ot[4];
  Enc enc[4];
  u8 sz;       // operand size for printing suffixes and string forms (1/2/4/8, 0)
  u8 mrm;      // F_STI / F_FIXED: the fixed ModRM byte (st(i) forms: base, i added)
};

// Operand matching is bit tests (encode.cpp): an operand accepts a set of
// operand types, one bit per OT, plus bits for immediates whose acceptance
// depends on the form's operand size.  form_need(f, k) is the bit the k-th
// operand of form f requires (0: never matches, e.g. Rel8, which the
// encoder reaches only through branch relaxation).
inline constexpr unsigned kBitI8S16 = 60, kBitI8S32 = 61, kBitI8S64 = 62, kBitI32S64 = 63;
constexpr u64 ot_bit(OT t) { return u64(1) << unsigned(t); }
constexpr u64 form_need(const Form& f, int k) {
  OT t = f.ot[k];
  if ((f.flags & F_DISASM_ONLY) || t == OT::Rel8) return 0;
  if (t == OT::I8S) return u64(1) << (f.sz == 2 ? kBitI8S16 : f.sz == 4 ? kBitI8S32 : kBitI8S64);
  if (t == OT::I32 && f.sz == 8) return u64(1) << kBitI32S64;
  return ot_bit(t);
}
struct FormNeed {
  u64 need[4];
};

std::span<const Form> forms();
// form_need() of every form, precomputed (parallel to forms()).
std::span<const FormNeed> form_needs();
// Indices (into forms()) of the forms of one mnemonic, in table order.
std::span<const u16> forms_of(Mn m);
// Forms whose (map, opcode byte) are as given; for F_CC forms the base
// opcode (cc = 0) is the key and for OpReg forms the base (reg = 0).  Maps
// 0..3 are the legacy maps (one-byte, 0F, 0F 38, 0F 3A), 4..6 the VEX
// maps 0F, 0F 38, 0F 3A, 7..9 the EVEX ones.
std::span<const u16> forms_for(unsigned map, u8 op);

}  // namespace cfree::x86
