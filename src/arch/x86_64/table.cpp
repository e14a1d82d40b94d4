// table.cpp: the x86-64 instruction forms as constexpr data (see table.h).
//
// Opcodes are from the Intel SDM vol. 2 (instruction pages and appendix A
// opcode maps).  Each row is one form: mnemonic, mandatory prefix, opcode
// map (0 one-byte, 1 = 0F, 2 = 0F 38, 3 = 0F 3A), opcode, ModRM.reg
// extension (-1 none), flags, operand size, fixed ModRM byte, and up to
// three (operand type, where encoded) pairs in Intel order.  Rows of one
// mnemonic are ordered as GNU as chooses: sign-extended imm8 before
// accumulator forms before full immediates, MR before RM for
// register-register moves, and so on -- the encoder takes the first row
// that matches.  x87 mnemonics follow GNU as's AT&T naming (fsubp is
// DE E0+i, as gas assembles it).
//
// The disassembler's index (forms_for) is built from the same rows at
// compile time.
#include "arch/x86_64/table.h"

#include <array>

namespace cfree::x86 {

namespace {

constexpr Form mk(Mn m, u8 pfx, u8 map, u8 op, int ext, u32 fl, u8 sz, u8 mrm, OT a = OT::None,
                  Enc ea = Enc::None, OT b = OT::None, Enc eb = Enc::None, OT c = OT::None,
                  Enc ec = Enc::None, OT d = OT::None, Enc ed = Enc::None) {
  return Form{m, pfx, map, op, static_cast<i8>(ext), fl, {a, b, c, d}, {ea, eb, ec, ed}, sz, mrm};
}

constexpr Enc R = Enc::Reg, RM = Enc::Rm, O = Enc::OpReg, I = Enc::Imm, L = Enc::Rel,
              IM = Enc::Implicit, V = Enc::Vvvv, I4 = Enc::Is4;
using enum OT;

// The four widths of a general-purpose instruction: flags, size, types.
#define W16 F_OS16, 2
#define W32 0, 4
#define W64 F_W, 8

// ALU group (add/or/adc/sbb/and/sub/xor/cmp): SDM "ADD" and appendix A
// group 1.  n is the ModRM extension and the opcode row.
#define ALU_W(MN, n, WW, E, G, A, IMM)                                  \
  mk(Mn::MN, 0, 0, 0x83, n, WW, 0, E, RM, I8S, I),                     \
  mk(Mn::MN, 0, 0, 0x05 + 8 * n, -1, WW, 0, A, IM, IMM, I),             \
  mk(Mn::MN, 0, 0, 0x81, n, WW, 0, E, RM, IMM, I),                      \
  mk(Mn::MN, 0, 0, 0x01 + 8 * n, -1, WW, 0, E, RM, G, R),               \
  mk(Mn::MN, 0, 0, 0x03 + 8 * n, -1, WW, 0, G, R, E, RM)
#define ALU(MN, n)                                                       \
  mk(Mn::MN, 0, 0, 0x04 + 8 * n, -1, 0, 1, 0, AL, IM, I8, I),           \
  mk(Mn::MN, 0, 0, 0x80, n, 0, 1, 0, E8, RM, I8, I),                    \
  mk(Mn::MN, 0, 0, 0x00 + 8 * n, -1, 0, 1, 0, E8, RM, G8, R),           \
  mk(Mn::MN, 0, 0, 0x02 + 8 * n, -1, 0, 1, 0, G8, R, E8, RM),           \
  ALU_W(MN, n, W16, E16, G16, AX, I16), ALU_W(MN, n, W32, E32, G32, EAX, I32), \
  ALU_W(MN, n, W64, E64, G64, RAX, I32)

// One-operand group 3 / 4 / 5 forms: F6/F7 /n, FE/FF /n.
#define UNARY(MN, op8, op, n)                                     \
  mk(Mn::MN, 0, 0, op8, n, 0, 1, 0, E8, RM),                      \
  mk(Mn::MN, 0, 0, op, n, W16, 0, E16, RM), mk(Mn::MN, 0, 0, op, n, W32, 0, E32, RM), \
  mk(Mn::MN, 0, 0, op, n, W64, 0, E64, RM)

// Shifts and rotates, group 2.
#define SHIFT_W(MN, n, WW, E)                                      \
  mk(Mn::MN, 0, 0, 0xD1, n, WW, 0, E, RM, One, IM),                \
  mk(Mn::MN, 0, 0, 0xC1, n, WW, 0, E, RM, U8, I),                  \
  mk(Mn::MN, 0, 0, 0xD3, n, WW, 0, E, RM, CL, IM)
#define SHIFT(MN, n)                                               \
  mk(Mn::MN, 0, 0, 0xD0, n, 0, 1, 0, E8, RM, One, IM),             \
  mk(Mn::MN, 0, 0, 0xC0, n, 0, 1, 0, E8, RM, U8, I),               \
  mk(Mn::MN, 0, 0, 0xD2, n, 0, 1, 0, E8, RM, CL, IM),              \
  SHIFT_W(MN, n, W16, E16), SHIFT_W(MN, n, W32, E32), SHIFT_W(MN, n, W64, E64)

// G, E forms of 16/32/64 bits in map 0F (cmov, bsf, imul...).
#define GE(MN, pfx, map, op, FLX)                                                 \
  mk(Mn::MN, pfx, map, op, -1, F_OS16 | FLX, 2, 0, G16, R, E16, RM),               \
  mk(Mn::MN, pfx, map, op, -1, FLX, 4, 0, G32, R, E32, RM),                        \
  mk(Mn::MN, pfx, map, op, -1, F_W | FLX, 8, 0, G64, R, E64, RM)
#define EG(MN, pfx, map, op)                                                       \
  mk(Mn::MN, pfx, map, op, -1, F_OS16, 2, 0, E16, RM, G16, R),                     \
  mk(Mn::MN, pfx, map, op, -1, 0, 4, 0, E32, RM, G32, R),                          \
  mk(Mn::MN, pfx, map, op, -1, F_W, 8, 0, E64, RM, G64, R)
#define EU8(MN, map, op, n)                                                        \
  mk(Mn::MN, 0, map, op, n, F_OS16, 2, 0, E16, RM, U8, I),                         \
  mk(Mn::MN, 0, map, op, n, 0, 4, 0, E32, RM, U8, I),                              \
  mk(Mn::MN, 0, map, op, n, F_W, 8, 0, E64, RM, U8, I)

// SSE: xmm, xmm/m forms and their store counterparts.
#define SSE(MN, pfx, op, XM) mk(Mn::MN, pfx, 1, op, -1, 0, 0, 0, X, R, XM, RM)
#define SSE_ST(MN, pfx, op, XM) mk(Mn::MN, pfx, 1, op, -1, 0, 0, 0, XM, RM, X, R)
// The four float flavours of an SSE arithmetic opcode: ps, pd, ss, sd.
#define SSE4(PS, PD, SS, SD, op)                                               \
  SSE(PS, 0, op, XM128), SSE(PD, 0x66, op, XM128), SSE(SS, 0xF3, op, XM32),     \
  SSE(SD, 0xF2, op, XM64)

// String instructions: byte form and the 16/32/64 forms.
#define STR(MN, op)                                                             \
  mk(Mn::MN, 0, 0, op, -1, F_STR, 1, 0), mk(Mn::MN, 0, 0, op + 1, -1, F_STR | F_OS16, 2, 0), \
  mk(Mn::MN, 0, 0, op + 1, -1, F_STR, 4, 0), mk(Mn::MN, 0, 0, op + 1, -1, F_STR | F_W, 8, 0)

// x87 forms.
#define X87M(MN, op, n, SZ, T) mk(Mn::MN, 0, 0, op, n, 0, SZ, 0, T, RM)
#define X87S(MN, op, base, A, B) \
  mk(Mn::MN, 0, 0, op, -1, F_STI, 0, base, A, A == STI ? RM : IM, B, B == STI ? RM : IM)
#define X87S1(MN, op, base) mk(Mn::MN, 0, 0, op, -1, F_STI, 0, base, STI, RM)
#define FIXED(MN, pfx, map, op, byte) mk(Mn::MN, pfx, map, op, -1, F_FIXED, 0, byte)

// SSE forms in any map (0F 38 / 0F 3A SSSE3 and SSE4 instructions).
#define SSEM(MN, pfx, map, op, XM) mk(Mn::MN, pfx, map, op, -1, 0, 0, 0, X, R, XM, RM)
#define SSEMI(MN, pfx, map, op, XM) mk(Mn::MN, pfx, map, op, -1, 0, 0, 0, X, R, XM, RM, U8, I)
// A legacy SSE integer/float op and its VEX counterpart (128 and 256 bits).
#define SV3(MN, pfx, map, op) SSEM(MN, pfx, map, op, XM128), V3(V##MN, pfx, map, op)
#define SV2(MN, pfx, map, op) SSEM(MN, pfx, map, op, XM128), V2(V##MN, pfx, map, op, F_WIG)

// VEX forms (SDM vol. 2 §2.3).  V3: dst, src1 in VEX.vvvv, src2 in r/m, as
// xmm (VEX.128) and ymm (VEX.256); V2: no vvvv operand; ...I: an imm8
// follows; ...S: the scalar (LIG) form with a memory operand of that width.
#define VF(fl) (F_VEX | (fl))
#define V3(MN, pfx, map, op)                                                       \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG), 0, 0, X, R, X, V, XM128, RM),            \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG | F_VL), 0, 0, Y, R, Y, V, YM256, RM)
#define V3W(MN, pfx, map, op, W)                                                   \
  mk(Mn::MN, pfx, map, op, -1, VF(W), 0, 0, X, R, X, V, XM128, RM),                \
  mk(Mn::MN, pfx, map, op, -1, VF(W | F_VL), 0, 0, Y, R, Y, V, YM256, RM)
#define V3X(MN, pfx, map, op) mk(Mn::MN, pfx, map, op, -1, VF(F_WIG), 0, 0, X, R, X, V, XM128, RM)
#define V3S(MN, pfx, map, op, XM, W) mk(Mn::MN, pfx, map, op, -1, VF(F_LIG | W), 0, 0, X, R, X, V, XM, RM)
#define V3I(MN, pfx, map, op, W)                                                   \
  mk(Mn::MN, pfx, map, op, -1, VF(W), 0, 0, X, R, X, V, XM128, RM, U8, I),         \
  mk(Mn::MN, pfx, map, op, -1, VF(W | F_VL), 0, 0, Y, R, Y, V, YM256, RM, U8, I)
#define V3SI(MN, pfx, map, op, XM) mk(Mn::MN, pfx, map, op, -1, VF(F_LIG | F_WIG), 0, 0, X, R, X, V, XM, RM, U8, I)
#define V2(MN, pfx, map, op, W)                                                    \
  mk(Mn::MN, pfx, map, op, -1, VF(W), 0, 0, X, R, XM128, RM),                      \
  mk(Mn::MN, pfx, map, op, -1, VF(W | F_VL), 0, 0, Y, R, YM256, RM)
#define V2ST(MN, pfx, map, op)                                                     \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG), 0, 0, XM128, RM, X, R),                  \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG | F_VL), 0, 0, YM256, RM, Y, R)
#define V2I(MN, pfx, map, op, W)                                                   \
  mk(Mn::MN, pfx, map, op, -1, VF(W), 0, 0, X, R, XM128, RM, U8, I),               \
  mk(Mn::MN, pfx, map, op, -1, VF(W | F_VL), 0, 0, Y, R, YM256, RM, U8, I)
// Widening moves: the source is an xmm or memory of a fraction of the destination.
#define V2WIDE(MN, pfx, map, op, W, XMS, XML)                                      \
  mk(Mn::MN, pfx, map, op, -1, VF(W), 0, 0, X, R, XMS, RM),                        \
  mk(Mn::MN, pfx, map, op, -1, VF(W | F_VL), 0, 0, Y, R, XML, RM)
// Narrowing conversions: xmm destination, xmm or ymm source.
#define V2NARROW(MN, pfx, map, op)                                                 \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG), 0, 0, X, R, XM128, RM),                  \
  mk(Mn::MN, pfx, map, op, -1, VF(F_WIG | F_VL), 0, 0, X, R, YM256, RM)
// Shift by an immediate: VEX.vvvv is the destination, ModRM.rm the source.
#define VSHI(MN, op, n)                                                            \
  mk(Mn::MN, 0x66, 1, op, n, VF(F_WIG | F_NOMEM), 0, 0, X, V, X, RM, U8, I),       \
  mk(Mn::MN, 0x66, 1, op, n, VF(F_WIG | F_VL | F_NOMEM), 0, 0, Y, V, Y, RM, U8, I)
// Shift by an xmm count.
#define VSHX(MN, op)                                                               \
  mk(Mn::MN, 0x66, 1, op, -1, VF(F_WIG), 0, 0, X, R, X, V, XM128, RM),             \
  mk(Mn::MN, 0x66, 1, op, -1, VF(F_WIG | F_VL), 0, 0, Y, R, Y, V, XM128, RM)
// The four float flavours of a VEX arithmetic opcode.
#define V4(PS, PD, SS, SD, op)                                                     \
  V3(PS, 0, 1, op), V3(PD, 0x66, 1, op), V3S(SS, 0xF3, 1, op, XM32, F_WIG),        \
  V3S(SD, 0xF2, 1, op, XM64, F_WIG)
// FMA3: ps/ss are VEX.W0, pd/sd VEX.W1 (66 0F 38).
#define FMA3(NAME, n, opp, ops)                                                    \
  V3W(NAME##n##PS, 0x66, 2, opp, 0), V3W(NAME##n##PD, 0x66, 2, opp, F_W),           \
  V3S(NAME##n##SS, 0x66, 2, ops, XM32, 0), V3S(NAME##n##SD, 0x66, 2, ops, XM64, F_W)
#define FMA3ALL(n, b)                                                              \
  FMA3(VFMADD, n, b + 2, b + 3), FMA3(VFMSUB, n, b + 4, b + 5),                     \
  FMA3(VFNMADD, n, b + 6, b + 7), FMA3(VFNMSUB, n, b + 8, b + 9),                   \
  V3W(VFMADDSUB##n##PS, 0x66, 2, b, 0), V3W(VFMADDSUB##n##PD, 0x66, 2, b, F_W),      \
  V3W(VFMSUBADD##n##PS, 0x66, 2, b + 1, 0), V3W(VFMSUBADD##n##PD, 0x66, 2, b + 1, F_W)
// FMA4 (AMD; 66 0F 3A, the fourth operand in imm8[7:4]): W1 takes the
// memory operand fourth (GNU as's choice for registers), W0 third.
#define FMA4P(MN, op)                                                              \
  mk(Mn::MN, 0x66, 3, op, -1, VF(F_W), 0, 0, X, R, X, V, X, I4, XM128, RM),         \
  mk(Mn::MN, 0x66, 3, op, -1, VF(F_W | F_VL), 0, 0, Y, R, Y, V, Y, I4, YM256, RM),   \
  mk(Mn::MN, 0x66, 3, op, -1, VF(0), 0, 0, X, R, X, V, XM128, RM, X, I4),           \
  mk(Mn::MN, 0x66, 3, op, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, Y, I4)
#define FMA4S(MN, op, XM)                                                          \
  mk(Mn::MN, 0x66, 3, op, -1, VF(F_LIG | F_W), 0, 0, X, R, X, V, X, I4, XM, RM),    \
  mk(Mn::MN, 0x66, 3, op, -1, VF(F_LIG), 0, 0, X, R, X, V, XM, RM, X, I4)
#define FMA4(NAME, op)                                                             \
  FMA4P(NAME##PS, op), FMA4P(NAME##PD, op + 1), FMA4S(NAME##SS, op + 2, XM32),      \
  FMA4S(NAME##SD, op + 3, XM64)
// BMI: 32-bit (VEX.W0) and 64-bit (VEX.W1) forms with three operand roles.
#define BMI(MN, pfx, map, op, ext, A, EA, B, EB, C, EC)                            \
  mk(Mn::MN, pfx, map, op, ext, VF(0), 4, 0, A##32, EA, B##32, EB, C##32, EC),       \
  mk(Mn::MN, pfx, map, op, ext, VF(F_W), 8, 0, A##64, EA, B##64, EB, C##64, EC)

// EVEX forms (SDM vol. 2 §2.6) in the three vector lengths.  E3: dst,
// src1 in EVEX.vvvv, src2 in r/m; EK3: the same with an opmask destination;
// E2L / E2S: loads and stores; ...I: an imm8 follows.  FL carries W/WIG,
// masking and broadcast flags, BS the broadcast element size.
#define EF(fl) (F_EVEX | (fl))
#define EMZ (F_KMASK | F_ZMASK)
#define E3(MN, pfx, map, op, FL, BS)                                                   \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ), BS, 0, X, R, X, V, XM128, RM),            \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL), BS, 0, Y, R, Y, V, YM256, RM),     \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL512), BS, 0, Z, R, Z, V, ZM512, RM)
#define E3I(MN, pfx, map, op, FL, BS)                                                  \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ), BS, 0, X, R, X, V, XM128, RM, U8, I),     \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL), BS, 0, Y, R, Y, V, YM256, RM, U8, I), \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL512), BS, 0, Z, R, Z, V, ZM512, RM, U8, I)
#define EK3(MN, pfx, map, op, FL, BS)                                                  \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK), BS, 0, KR, R, X, V, XM128, RM),       \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL), BS, 0, KR, R, Y, V, YM256, RM), \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL512), BS, 0, KR, R, Z, V, ZM512, RM)
#define EK3I(MN, pfx, map, op, FL, BS)                                                 \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK), BS, 0, KR, R, X, V, XM128, RM, U8, I), \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL), BS, 0, KR, R, Y, V, YM256, RM, U8, I), \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL512), BS, 0, KR, R, Z, V, ZM512, RM, U8, I)
#define E2L(MN, pfx, map, op, FL)                                                      \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ), 0, 0, X, R, XM128, RM),                   \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL), 0, 0, Y, R, YM256, RM),            \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | EMZ | F_VL512), 0, 0, Z, R, ZM512, RM)
#define E2S(MN, pfx, map, op, FL)                                                      \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK), 0, 0, XM128, RM, X, R),               \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL), 0, 0, YM256, RM, Y, R),        \
  mk(Mn::MN, pfx, map, op, -1, EF(FL | F_KMASK | F_VL512), 0, 0, ZM512, RM, Z, R)
#define E2LS(MN, pfx, ld, st, FL) E2L(MN, pfx, 1, ld, FL), E2S(MN, pfx, 1, st, FL)
// Broadcast of one element (tuple T1S: disp8 scaled by the element size N).
#define EBC(MN, op, W, XM, N)                                                          \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ), 0, N, X, R, XM, RM),                        \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ | F_VL), 0, N, Y, R, XM, RM),                 \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ | F_VL512), 0, N, Z, R, XM, RM)
#define EBCG(MN, op, W, G)                                                             \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ | F_NOMEM), 0, 0, X, R, G, RM),               \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ | F_VL | F_NOMEM), 0, 0, Y, R, G, RM),        \
  mk(Mn::MN, 0x66, 2, op, -1, EF(W | EMZ | F_VL512 | F_NOMEM), 0, 0, Z, R, G, RM)
// Opmask instructions (VEX): the b/w/d/q flavours differ in pp and W.
#define KOP(B, W_, D, Q, op, L, SHAPE)                                                 \
  SHAPE(B, 0x66, op, L), SHAPE(W_, 0, op, L), SHAPE(D, 0x66, op, L | F_W), SHAPE(Q, 0, op, L | F_W)
#define K3(MN, pfx, op, FL) mk(Mn::MN, pfx, 1, op, -1, VF(FL), 0, 0, KR, R, KR, V, KR, RM)
#define K2(MN, pfx, op, FL) mk(Mn::MN, pfx, 1, op, -1, VF(FL), 0, 0, KR, R, KR, RM)

constexpr Form kForms[] = {
    ALU(ADD, 0), ALU(OR, 1), ALU(ADC, 2), ALU(SBB, 3), ALU(AND, 4), ALU(SUB, 5), ALU(XOR, 6),
    ALU(CMP, 7),

    // TEST: accumulator forms first, as GNU as picks them.
    mk(Mn::TEST, 0, 0, 0xA8, -1, 0, 1, 0, AL, IM, I8, I),
    mk(Mn::TEST, 0, 0, 0xA9, -1, W16, 0, AX, IM, I16, I),
    mk(Mn::TEST, 0, 0, 0xA9, -1, W32, 0, EAX, IM, I32, I),
    mk(Mn::TEST, 0, 0, 0xA9, -1, W64, 0, RAX, IM, I32, I),
    mk(Mn::TEST, 0, 0, 0xF6, 0, 0, 1, 0, E8, RM, I8, I),
    mk(Mn::TEST, 0, 0, 0xF7, 0, W16, 0, E16, RM, I16, I),
    mk(Mn::TEST, 0, 0, 0xF7, 0, W32, 0, E32, RM, I32, I),
    mk(Mn::TEST, 0, 0, 0xF7, 0, W64, 0, E64, RM, I32, I),
    mk(Mn::TEST, 0, 0, 0x84, -1, 0, 1, 0, E8, RM, G8, R),
    EG(TEST, 0, 0, 0x85),

    UNARY(NOT, 0xF6, 0xF7, 2), UNARY(NEG, 0xF6, 0xF7, 3), UNARY(MUL, 0xF6, 0xF7, 4),
    UNARY(DIV, 0xF6, 0xF7, 6), UNARY(IDIV, 0xF6, 0xF7, 7), UNARY(INC, 0xFE, 0xFF, 0),
    UNARY(DEC, 0xFE, 0xFF, 1),
    // IMUL: two-operand, three-operand with imm8 / imm16/32, one-operand.
    GE(IMUL, 0, 1, 0xAF, 0),
    mk(Mn::IMUL, 0, 0, 0x6B, -1, W16, 0, G16, R, E16, RM, I8S, I),
    mk(Mn::IMUL, 0, 0, 0x6B, -1, W32, 0, G32, R, E32, RM, I8S, I),
    mk(Mn::IMUL, 0, 0, 0x6B, -1, W64, 0, G64, R, E64, RM, I8S, I),
    mk(Mn::IMUL, 0, 0, 0x69, -1, W16, 0, G16, R, E16, RM, I16, I),
    mk(Mn::IMUL, 0, 0, 0x69, -1, W32, 0, G32, R, E32, RM, I32, I),
    mk(Mn::IMUL, 0, 0, 0x69, -1, W64, 0, G64, R, E64, RM, I32, I),
    UNARY(IMUL, 0xF6, 0xF7, 5),

    SHIFT(ROL, 0), SHIFT(ROR, 1), SHIFT(RCL, 2), SHIFT(RCR, 3), SHIFT(SHL, 4), SHIFT(SHR, 5),
    SHIFT(SAR, 7),
    mk(Mn::SHLD, 0, 1, 0xA4, -1, W32, 0, E32, RM, G32, R, U8, I),
    mk(Mn::SHLD, 0, 1, 0xA4, -1, W64, 0, E64, RM, G64, R, U8, I),
    mk(Mn::SHLD, 0, 1, 0xA5, -1, W32, 0, E32, RM, G32, R, CL, IM),
    mk(Mn::SHLD, 0, 1, 0xA5, -1, W64, 0, E64, RM, G64, R, CL, IM),
    mk(Mn::SHRD, 0, 1, 0xAC, -1, W32, 0, E32, RM, G32, R, U8, I),
    mk(Mn::SHRD, 0, 1, 0xAC, -1, W64, 0, E64, RM, G64, R, U8, I),
    mk(Mn::SHRD, 0, 1, 0xAD, -1, W32, 0, E32, RM, G32, R, CL, IM),
    mk(Mn::SHRD, 0, 1, 0xAD, -1, W64, 0, E64, RM, G64, R, CL, IM),

    // MOV: MR before RM (GNU as uses 89 for register moves).
    mk(Mn::MOV, 0, 0, 0x88, -1, 0, 1, 0, E8, RM, G8, R),
    mk(Mn::MOV, 0, 0, 0x8A, -1, 0, 1, 0, G8, R, E8, RM),
    EG(MOV, 0, 0, 0x89), GE(MOV, 0, 0, 0x8B, 0),
    mk(Mn::MOV, 0, 0, 0xB0, -1, 0, 1, 0, G8, O, I8, I),
    mk(Mn::MOV, 0, 0, 0xB8, -1, W16, 0, G16, O, I16, I),
    mk(Mn::MOV, 0, 0, 0xB8, -1, W32, 0, G32, O, I32, I),
    mk(Mn::MOV, 0, 0, 0xC6, 0, 0, 1, 0, E8, RM, I8, I),
    mk(Mn::MOV, 0, 0, 0xC7, 0, W16, 0, E16, RM, I16, I),
    mk(Mn::MOV, 0, 0, 0xC7, 0, W32, 0, E32, RM, I32, I),
    mk(Mn::MOV, 0, 0, 0xC7, 0, W64, 0, E64, RM, I32, I),
    mk(Mn::MOVABS, 0, 0, 0xB8, -1, W64, 0, G64, O, I64, I),
    mk(Mn::MOVZX, 0, 1, 0xB6, -1, W16, 0, G16, R, E8, RM),
    mk(Mn::MOVZX, 0, 1, 0xB6, -1, W32, 0, G32, R, E8, RM),
    mk(Mn::MOVZX, 0, 1, 0xB6, -1, W64, 0, G64, R, E8, RM),
    mk(Mn::MOVZX, 0, 1, 0xB7, -1, W32, 0, G32, R, E16, RM),
    mk(Mn::MOVZX, 0, 1, 0xB7, -1, W64, 0, G64, R, E16, RM),
    mk(Mn::MOVSX, 0, 1, 0xBE, -1, W16, 0, G16, R, E8, RM),
    mk(Mn::MOVSX, 0, 1, 0xBE, -1, W32, 0, G32, R, E8, RM),
    mk(Mn::MOVSX, 0, 1, 0xBE, -1, W64, 0, G64, R, E8, RM),
    mk(Mn::MOVSX, 0, 1, 0xBF, -1, W32, 0, G32, R, E16, RM),
    mk(Mn::MOVSX, 0, 1, 0xBF, -1, W64, 0, G64, R, E16, RM),
    mk(Mn::MOVSXD, 0, 0, 0x63, -1, W64, 0, G64, R, E32, RM),
    mk(Mn::LEA, 0, 0, 0x8D, -1, W16, 0, G16, R, M, RM),
    mk(Mn::LEA, 0, 0, 0x8D, -1, W32, 0, G32, R, M, RM),
    mk(Mn::LEA, 0, 0, 0x8D, -1, W64, 0, G64, R, M, RM),
    GE(CMOVCC, 0, 1, 0x40, F_CC),
    mk(Mn::SETCC, 0, 1, 0x90, 0, F_CC, 1, 0, E8, RM),
    // XCHG: the accumulator short forms (never for eax,eax: 90 is nop);
    // the encoder also tries the operands swapped (xchg is symmetric).
    mk(Mn::XCHG, 0, 0, 0x90, -1, W16, 0, G16, O, AX, IM),
    mk(Mn::XCHG, 0, 0, 0x90, -1, W32, 0, G32, O, EAX, IM),
    mk(Mn::XCHG, 0, 0, 0x90, -1, W64, 0, G64, O, RAX, IM),
    mk(Mn::XCHG, 0, 0, 0x86, -1, 0, 1, 0, E8, RM, G8, R),
    EG(XCHG, 0, 0, 0x87),
    mk(Mn::BSWAP, 0, 1, 0xC8, -1, W32, 0, G32, O),
    mk(Mn::BSWAP, 0, 1, 0xC8, -1, W64, 0, G64, O),
    GE(BSF, 0, 1, 0xBC, 0), GE(BSR, 0, 1, 0xBD, 0), GE(LZCNT, 0xF3, 1, 0xBD, 0),
    GE(TZCNT, 0xF3, 1, 0xBC, 0), GE(POPCNT, 0xF3, 1, 0xB8, 0),
    EG(BT, 0, 1, 0xA3), EG(BTS, 0, 1, 0xAB), EG(BTR, 0, 1, 0xB3), EG(BTC, 0, 1, 0xBB),
    EU8(BT, 1, 0xBA, 4), EU8(BTS, 1, 0xBA, 5), EU8(BTR, 1, 0xBA, 6), EU8(BTC, 1, 0xBA, 7),

    // Stack and control transfer.
    mk(Mn::PUSH, 0, 0, 0x50, -1, F_D64, 8, 0, G64, O),
    mk(Mn::PUSH, 0, 0, 0x50, -1, F_OS16, 2, 0, G16, O),
    mk(Mn::PUSH, 0, 0, 0x6A, -1, F_D64, 8, 0, I8S, I),
    mk(Mn::PUSH, 0, 0, 0x68, -1, F_D64, 8, 0, I32, I),
    mk(Mn::PUSH, 0, 0, 0xFF, 6, F_D64, 8, 0, E64, RM),
    mk(Mn::POP, 0, 0, 0x58, -1, F_D64, 8, 0, G64, O),
    mk(Mn::POP, 0, 0, 0x58, -1, F_OS16, 2, 0, G16, O),
    mk(Mn::POP, 0, 0, 0x8F, 0, F_D64, 8, 0, E64, RM),
    mk(Mn::CALL, 0, 0, 0xE8, -1, F_D64, 8, 0, Rel32, L),
    mk(Mn::CALL, 0, 0, 0xFF, 2, F_D64, 8, 0, E64, RM),
    mk(Mn::JMP, 0, 0, 0xEB, -1, F_D64, 8, 0, Rel8, L),
    mk(Mn::JMP, 0, 0, 0xE9, -1, F_D64, 8, 0, Rel32, L),
    mk(Mn::JMP, 0, 0, 0xFF, 4, F_D64, 8, 0, E64, RM),
    mk(Mn::JCC, 0, 0, 0x70, -1, F_CC | F_D64, 8, 0, Rel8, L),
    mk(Mn::JCC, 0, 1, 0x80, -1, F_CC | F_D64, 8, 0, Rel32, L),
    mk(Mn::RET, 0, 0, 0xC3, -1, F_D64, 8, 0),
    mk(Mn::RET, 0, 0, 0xC2, -1, F_D64, 8, 0, I16, I),
    mk(Mn::LEAVE, 0, 0, 0xC9, -1, F_D64, 8, 0),
    mk(Mn::CBW, 0, 0, 0x98, -1, W16, 0), mk(Mn::CWDE, 0, 0, 0x98, -1, W32, 0),
    mk(Mn::CDQE, 0, 0, 0x98, -1, W64, 0), mk(Mn::CWD, 0, 0, 0x99, -1, W16, 0),
    mk(Mn::CDQ, 0, 0, 0x99, -1, W32, 0), mk(Mn::CQO, 0, 0, 0x99, -1, W64, 0),
    STR(MOVS, 0xA4), STR(CMPS, 0xA6), STR(STOS, 0xAA), STR(LODS, 0xAC), STR(SCAS, 0xAE),

    // SSE / SSE2 moves.
    SSE(MOVSS, 0xF3, 0x10, XM32), SSE_ST(MOVSS, 0xF3, 0x11, XM32),
    SSE(MOVSD, 0xF2, 0x10, XM64), SSE_ST(MOVSD, 0xF2, 0x11, XM64),
    SSE(MOVUPS, 0, 0x10, XM128), SSE_ST(MOVUPS, 0, 0x11, XM128),
    SSE(MOVUPD, 0x66, 0x10, XM128), SSE_ST(MOVUPD, 0x66, 0x11, XM128),
    SSE(MOVAPS, 0, 0x28, XM128), SSE_ST(MOVAPS, 0, 0x29, XM128),
    SSE(MOVAPD, 0x66, 0x28, XM128), SSE_ST(MOVAPD, 0x66, 0x29, XM128),
    SSE(MOVDQA, 0x66, 0x6F, XM128), SSE_ST(MOVDQA, 0x66, 0x7F, XM128),
    SSE(MOVDQU, 0xF3, 0x6F, XM128), SSE_ST(MOVDQU, 0xF3, 0x7F, XM128),
    mk(Mn::MOVD, 0x66, 1, 0x6E, -1, 0, 4, 0, X, R, E32, RM),
    mk(Mn::MOVD, 0x66, 1, 0x7E, -1, 0, 4, 0, E32, RM, X, R),
    SSE(MOVQ, 0xF3, 0x7E, XM64), SSE_ST(MOVQ, 0x66, 0xD6, XM64),
    mk(Mn::MOVQ, 0x66, 1, 0x6E, -1, F_W, 8, 0, X, R, E64, RM),
    mk(Mn::MOVQ, 0x66, 1, 0x7E, -1, F_W, 8, 0, E64, RM, X, R),
    mk(Mn::MOVHLPS, 0, 1, 0x12, -1, F_NOMEM, 0, 0, X, R, X, RM),
    mk(Mn::MOVLHPS, 0, 1, 0x16, -1, F_NOMEM, 0, 0, X, R, X, RM),
    mk(Mn::MOVLPS, 0, 1, 0x12, -1, 0, 0, 0, X, R, M64, RM),
    mk(Mn::MOVLPS, 0, 1, 0x13, -1, 0, 0, 0, M64, RM, X, R),
    mk(Mn::MOVHPS, 0, 1, 0x16, -1, 0, 0, 0, X, R, M64, RM),
    mk(Mn::MOVHPS, 0, 1, 0x17, -1, 0, 0, 0, M64, RM, X, R),
    mk(Mn::MOVLPD, 0x66, 1, 0x12, -1, 0, 0, 0, X, R, M64, RM),
    mk(Mn::MOVLPD, 0x66, 1, 0x13, -1, 0, 0, 0, M64, RM, X, R),
    mk(Mn::MOVHPD, 0x66, 1, 0x16, -1, 0, 0, 0, X, R, M64, RM),
    mk(Mn::MOVHPD, 0x66, 1, 0x17, -1, 0, 0, 0, M64, RM, X, R),
    mk(Mn::MOVMSKPS, 0, 1, 0x50, -1, F_NOMEM, 4, 0, G32, R, X, RM),
    mk(Mn::MOVMSKPD, 0x66, 1, 0x50, -1, F_NOMEM, 4, 0, G32, R, X, RM),

    // SSE arithmetic.
    SSE4(ADDPS, ADDPD, ADDSS, ADDSD, 0x58), SSE4(MULPS, MULPD, MULSS, MULSD, 0x59),
    SSE4(SUBPS, SUBPD, SUBSS, SUBSD, 0x5C), SSE4(MINPS, MINPD, MINSS, MINSD, 0x5D),
    SSE4(DIVPS, DIVPD, DIVSS, DIVSD, 0x5E), SSE4(MAXPS, MAXPD, MAXSS, MAXSD, 0x5F),
    SSE4(SQRTPS, SQRTPD, SQRTSS, SQRTSD, 0x51),
    SSE(ANDPS, 0, 0x54, XM128), SSE(ANDPD, 0x66, 0x54, XM128),
    SSE(ANDNPS, 0, 0x55, XM128), SSE(ANDNPD, 0x66, 0x55, XM128),
    SSE(ORPS, 0, 0x56, XM128), SSE(ORPD, 0x66, 0x56, XM128),
    SSE(XORPS, 0, 0x57, XM128), SSE(XORPD, 0x66, 0x57, XM128),
    SSE(PXOR, 0x66, 0xEF, XM128), SSE(POR, 0x66, 0xEB, XM128), SSE(PAND, 0x66, 0xDB, XM128),
    SSE(PANDN, 0x66, 0xDF, XM128), SSE(PADDB, 0x66, 0xFC, XM128), SSE(PADDW, 0x66, 0xFD, XM128),
    SSE(PADDD, 0x66, 0xFE, XM128), SSE(PADDQ, 0x66, 0xD4, XM128), SSE(PSUBB, 0x66, 0xF8, XM128),
    SSE(PSUBW, 0x66, 0xF9, XM128), SSE(PSUBD, 0x66, 0xFA, XM128), SSE(PSUBQ, 0x66, 0xFB, XM128),
    SSE(PCMPEQB, 0x66, 0x74, XM128), SSE(PCMPEQD, 0x66, 0x76, XM128),
    SSE(PUNPCKLBW, 0x66, 0x60, XM128), SSE(PUNPCKLDQ, 0x66, 0x62, XM128),
    SSE(PUNPCKLQDQ, 0x66, 0x6C, XM128),
    mk(Mn::PMOVMSKB, 0x66, 1, 0xD7, -1, F_NOMEM, 4, 0, G32, R, X, RM),
    mk(Mn::PSHUFD, 0x66, 1, 0x70, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::PSHUFLW, 0xF2, 1, 0x70, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::PSHUFHW, 0xF3, 1, 0x70, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::PEXTRW, 0x66, 1, 0xC5, -1, F_NOMEM, 4, 0, G32, R, X, RM, U8, I),
    SSE(PSLLQ, 0x66, 0xF3, XM128), mk(Mn::PSLLQ, 0x66, 1, 0x73, 6, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSRLQ, 0x66, 0xD3, XM128), mk(Mn::PSRLQ, 0x66, 1, 0x73, 2, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSLLD, 0x66, 0xF2, XM128), mk(Mn::PSLLD, 0x66, 1, 0x72, 6, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSRLD, 0x66, 0xD2, XM128), mk(Mn::PSRLD, 0x66, 1, 0x72, 2, F_NOMEM, 0, 0, X, RM, U8, I),
    mk(Mn::PSLLDQ, 0x66, 1, 0x73, 7, F_NOMEM, 0, 0, X, RM, U8, I),
    mk(Mn::PSRLDQ, 0x66, 1, 0x73, 3, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(UCOMISS, 0, 0x2E, XM32), SSE(UCOMISD, 0x66, 0x2E, XM64),
    SSE(COMISS, 0, 0x2F, XM32), SSE(COMISD, 0x66, 0x2F, XM64),
    mk(Mn::CMPPS, 0, 1, 0xC2, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::CMPPD, 0x66, 1, 0xC2, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::CMPSS, 0xF3, 1, 0xC2, -1, 0, 0, 0, X, R, XM32, RM, U8, I),
    mk(Mn::CMPSD_SSE, 0xF2, 1, 0xC2, -1, 0, 0, 0, X, R, XM64, RM, U8, I),

    // Conversions.
    mk(Mn::CVTSI2SS, 0xF3, 1, 0x2A, -1, 0, 4, 0, X, R, E32, RM),
    mk(Mn::CVTSI2SS, 0xF3, 1, 0x2A, -1, F_W, 8, 0, X, R, E64, RM),
    mk(Mn::CVTSI2SD, 0xF2, 1, 0x2A, -1, 0, 4, 0, X, R, E32, RM),
    mk(Mn::CVTSI2SD, 0xF2, 1, 0x2A, -1, F_W, 8, 0, X, R, E64, RM),
    SSE(CVTSS2SD, 0xF3, 0x5A, XM32), SSE(CVTSD2SS, 0xF2, 0x5A, XM64),
    mk(Mn::CVTTSS2SI, 0xF3, 1, 0x2C, -1, 0, 4, 0, G32, R, XM32, RM),
    mk(Mn::CVTTSS2SI, 0xF3, 1, 0x2C, -1, F_W, 8, 0, G64, R, XM32, RM),
    mk(Mn::CVTTSD2SI, 0xF2, 1, 0x2C, -1, 0, 4, 0, G32, R, XM64, RM),
    mk(Mn::CVTTSD2SI, 0xF2, 1, 0x2C, -1, F_W, 8, 0, G64, R, XM64, RM),
    mk(Mn::CVTSS2SI, 0xF3, 1, 0x2D, -1, 0, 4, 0, G32, R, XM32, RM),
    mk(Mn::CVTSS2SI, 0xF3, 1, 0x2D, -1, F_W, 8, 0, G64, R, XM32, RM),
    mk(Mn::CVTSD2SI, 0xF2, 1, 0x2D, -1, 0, 4, 0, G32, R, XM64, RM),
    mk(Mn::CVTSD2SI, 0xF2, 1, 0x2D, -1, F_W, 8, 0, G64, R, XM64, RM),
    SSE(CVTDQ2PD, 0xF3, 0xE6, XM64), SSE(CVTDQ2PS, 0, 0x5B, XM128),
    SSE(CVTPS2PD, 0, 0x5A, XM64), SSE(CVTPD2PS, 0x66, 0x5A, XM128),
    SSE(CVTTPS2DQ, 0xF3, 0x5B, XM128), SSE(CVTTPD2DQ, 0x66, 0xE6, XM128),
    SSE(UNPCKLPS, 0, 0x14, XM128), SSE(UNPCKLPD, 0x66, 0x14, XM128),
    SSE(UNPCKHPS, 0, 0x15, XM128), SSE(UNPCKHPD, 0x66, 0x15, XM128),
    mk(Mn::SHUFPS, 0, 1, 0xC6, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::SHUFPD, 0x66, 1, 0xC6, -1, 0, 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::ROUNDSS, 0x66, 3, 0x0A, -1, 0, 0, 0, X, R, XM32, RM, U8, I),
    mk(Mn::ROUNDSD, 0x66, 3, 0x0B, -1, 0, 0, 0, X, R, XM64, RM, U8, I),

    // x87 (SDM vol. 2 "FLD" ... and appendix A.4 escape opcode maps).
    X87M(FLD, 0xD9, 0, 4, M32), X87M(FLD, 0xDD, 0, 8, M64), X87M(FLD, 0xDB, 5, 10, M80),
    X87S1(FLD, 0xD9, 0xC0),
    X87M(FST, 0xD9, 2, 4, M32), X87M(FST, 0xDD, 2, 8, M64), X87S1(FST, 0xDD, 0xD0),
    X87M(FSTP, 0xD9, 3, 4, M32), X87M(FSTP, 0xDD, 3, 8, M64), X87M(FSTP, 0xDB, 7, 10, M80),
    X87S1(FSTP, 0xDD, 0xD8),
    X87M(FILD, 0xDF, 0, 2, M16), X87M(FILD, 0xDB, 0, 4, M32), X87M(FILD, 0xDF, 5, 8, M64),
    X87M(FIST, 0xDF, 2, 2, M16), X87M(FIST, 0xDB, 2, 4, M32),
    X87M(FISTP, 0xDF, 3, 2, M16), X87M(FISTP, 0xDB, 3, 4, M32), X87M(FISTP, 0xDF, 7, 8, M64),
    X87M(FISTTP, 0xDF, 1, 2, M16), X87M(FISTTP, 0xDB, 1, 4, M32), X87M(FISTTP, 0xDD, 1, 8, M64),
    X87M(FADD, 0xD8, 0, 4, M32), X87M(FADD, 0xDC, 0, 8, M64),
    X87S(FADD, 0xD8, 0xC0, ST0, STI), X87S(FADD, 0xDC, 0xC0, STI, ST0),
    X87M(FMUL, 0xD8, 1, 4, M32), X87M(FMUL, 0xDC, 1, 8, M64),
    X87S(FMUL, 0xD8, 0xC8, ST0, STI), X87S(FMUL, 0xDC, 0xC8, STI, ST0),
    X87M(FSUB, 0xD8, 4, 4, M32), X87M(FSUB, 0xDC, 4, 8, M64),
    X87S(FSUB, 0xD8, 0xE0, ST0, STI), X87S(FSUB, 0xDC, 0xE0, STI, ST0),
    X87M(FSUBR, 0xD8, 5, 4, M32), X87M(FSUBR, 0xDC, 5, 8, M64),
    X87S(FSUBR, 0xD8, 0xE8, ST0, STI), X87S(FSUBR, 0xDC, 0xE8, STI, ST0),
    X87M(FDIV, 0xD8, 6, 4, M32), X87M(FDIV, 0xDC, 6, 8, M64),
    X87S(FDIV, 0xD8, 0xF0, ST0, STI), X87S(FDIV, 0xDC, 0xF0, STI, ST0),
    X87M(FDIVR, 0xD8, 7, 4, M32), X87M(FDIVR, 0xDC, 7, 8, M64),
    X87S(FDIVR, 0xD8, 0xF8, ST0, STI), X87S(FDIVR, 0xDC, 0xF8, STI, ST0),
    X87S(FADDP, 0xDE, 0xC0, STI, ST0), X87S(FMULP, 0xDE, 0xC8, STI, ST0),
    X87S(FSUBP, 0xDE, 0xE0, STI, ST0), X87S(FSUBRP, 0xDE, 0xE8, STI, ST0),
    X87S(FDIVP, 0xDE, 0xF0, STI, ST0), X87S(FDIVRP, 0xDE, 0xF8, STI, ST0),
    X87S(FUCOMI, 0xDB, 0xE8, ST0, STI), X87S(FUCOMIP, 0xDF, 0xE8, ST0, STI),
    X87S(FCOMI, 0xDB, 0xF0, ST0, STI), X87S(FCOMIP, 0xDF, 0xF0, ST0, STI),
    X87S1(FXCH, 0xD9, 0xC8),
    FIXED(FUCOMPP, 0, 0, 0xDA, 0xE9), FIXED(FCHS, 0, 0, 0xD9, 0xE0), FIXED(FABS, 0, 0, 0xD9, 0xE1),
    FIXED(FLD1, 0, 0, 0xD9, 0xE8), FIXED(FLDZ, 0, 0, 0xD9, 0xEE), FIXED(FPREM, 0, 0, 0xD9, 0xF8),
    FIXED(FSQRT, 0, 0, 0xD9, 0xFA), FIXED(FRNDINT, 0, 0, 0xD9, 0xFC),
    FIXED(FNINIT, 0, 0, 0xDB, 0xE3),
    mk(Mn::FNSTSW, 0, 0, 0xDF, -1, F_FIXED, 0, 0xE0, AX, IM),
    X87M(FNSTSW, 0xDD, 7, 2, M16), X87M(FNSTCW, 0xD9, 7, 2, M16), X87M(FLDCW, 0xD9, 5, 2, M16),
    mk(Mn::FWAIT, 0, 0, 0x9B, -1, 0, 0, 0),

    // Atomics, fences and the rest.
    mk(Mn::CMPXCHG, 0, 1, 0xB0, -1, 0, 1, 0, E8, RM, G8, R), EG(CMPXCHG, 0, 1, 0xB1),
    mk(Mn::CMPXCHG16B, 0, 1, 0xC7, 1, F_W, 16, 0, M128, RM),
    mk(Mn::XADD, 0, 1, 0xC0, -1, 0, 1, 0, E8, RM, G8, R), EG(XADD, 0, 1, 0xC1),
    FIXED(MFENCE, 0, 1, 0xAE, 0xF0), FIXED(LFENCE, 0, 1, 0xAE, 0xE8),
    FIXED(SFENCE, 0, 1, 0xAE, 0xF8), FIXED(ENDBR64, 0xF3, 1, 0x1E, 0xFA),
    mk(Mn::PAUSE, 0xF3, 0, 0x90, -1, 0, 0, 0),
    mk(Mn::NOP, 0, 0, 0x90, -1, 0, 0, 0),
    mk(Mn::NOP, 0, 1, 0x1F, 0, W16, 0, E16, RM), mk(Mn::NOP, 0, 1, 0x1F, 0, W32, 0, E32, RM),
    mk(Mn::UD2, 0, 1, 0x0B, -1, 0, 0, 0), mk(Mn::SYSCALL, 0, 1, 0x05, -1, 0, 0, 0),
    mk(Mn::HLT, 0, 0, 0xF4, -1, 0, 0, 0), mk(Mn::INT3, 0, 0, 0xCC, -1, 0, 0, 0),
    mk(Mn::CPUID, 0, 1, 0xA2, -1, 0, 0, 0), mk(Mn::RDTSC, 0, 1, 0x31, -1, 0, 0, 0),
    mk(Mn::CLD, 0, 0, 0xFC, -1, 0, 0, 0), mk(Mn::STD, 0, 0, 0xFD, -1, 0, 0, 0),
    mk(Mn::SAHF, 0, 0, 0x9E, -1, 0, 0, 0), mk(Mn::LAHF, 0, 0, 0x9F, -1, 0, 0, 0),
    mk(Mn::CLC, 0, 0, 0xF8, -1, 0, 0, 0), mk(Mn::STC, 0, 0, 0xF9, -1, 0, 0, 0),
    mk(Mn::CMC, 0, 0, 0xF5, -1, 0, 0, 0),

    // ---- SSE1-SSE4.2, SSSE3, AES, CLMUL (legacy encodings) ----------------
    SSE_ST(MOVNTPS, 0, 0x2B, M128), SSE_ST(MOVNTPD, 0x66, 0x2B, M128), SSE_ST(MOVNTDQ, 0x66, 0xE7, M128),
    SSEM(MOVNTDQA, 0x66, 2, 0x2A, M128),
    mk(Mn::MOVNTI, 0, 1, 0xC3, -1, 0, 4, 0, M32, RM, G32, R),
    mk(Mn::MOVNTI, 0, 1, 0xC3, -1, F_W, 8, 0, M64, RM, G64, R),
    SSE(RCPPS, 0, 0x53, XM128), SSE(RCPSS, 0xF3, 0x53, XM32), SSE(RSQRTPS, 0, 0x52, XM128),
    SSE(RSQRTSS, 0xF3, 0x52, XM32), SSE(CVTPS2DQ, 0x66, 0x5B, XM128), SSE(CVTPD2DQ, 0xF2, 0xE6, XM128),
    SSE(PADDSB, 0x66, 0xEC, XM128), SSE(PADDSW, 0x66, 0xED, XM128), SSE(PADDUSB, 0x66, 0xDC, XM128),
    SSE(PADDUSW, 0x66, 0xDD, XM128), SSE(PSUBSB, 0x66, 0xE8, XM128), SSE(PSUBSW, 0x66, 0xE9, XM128),
    SSE(PSUBUSB, 0x66, 0xD8, XM128), SSE(PSUBUSW, 0x66, 0xD9, XM128), SSE(PAVGB, 0x66, 0xE0, XM128),
    SSE(PAVGW, 0x66, 0xE3, XM128), SSE(PMAXSW, 0x66, 0xEE, XM128), SSE(PMAXUB, 0x66, 0xDE, XM128),
    SSE(PMINSW, 0x66, 0xEA, XM128), SSE(PMINUB, 0x66, 0xDA, XM128), SSE(PMULHUW, 0x66, 0xE4, XM128),
    SSE(PMULHW, 0x66, 0xE5, XM128), SSE(PMULLW, 0x66, 0xD5, XM128), SSE(PMULUDQ, 0x66, 0xF4, XM128),
    SSE(PMADDWD, 0x66, 0xF5, XM128), SSE(PSADBW, 0x66, 0xF6, XM128), SSE(PCMPEQW, 0x66, 0x75, XM128),
    SSE(PCMPGTB, 0x66, 0x64, XM128), SSE(PCMPGTW, 0x66, 0x65, XM128), SSE(PCMPGTD, 0x66, 0x66, XM128),
    SSE(PACKSSWB, 0x66, 0x63, XM128), SSE(PACKSSDW, 0x66, 0x6B, XM128), SSE(PACKUSWB, 0x66, 0x67, XM128),
    SSE(PUNPCKHBW, 0x66, 0x68, XM128), SSE(PUNPCKHWD, 0x66, 0x69, XM128), SSE(PUNPCKHDQ, 0x66, 0x6A, XM128),
    SSE(PUNPCKHQDQ, 0x66, 0x6D, XM128), SSE(PUNPCKLWD, 0x66, 0x61, XM128),
    SSE(PSLLW, 0x66, 0xF1, XM128), mk(Mn::PSLLW, 0x66, 1, 0x71, 6, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSRAW, 0x66, 0xE1, XM128), mk(Mn::PSRAW, 0x66, 1, 0x71, 4, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSRLW, 0x66, 0xD1, XM128), mk(Mn::PSRLW, 0x66, 1, 0x71, 2, F_NOMEM, 0, 0, X, RM, U8, I),
    SSE(PSRAD, 0x66, 0xE2, XM128), mk(Mn::PSRAD, 0x66, 1, 0x72, 4, F_NOMEM, 0, 0, X, RM, U8, I),
    mk(Mn::PINSRW, 0x66, 1, 0xC4, -1, 0, 0, 0, X, R, R32M16, RM, U8, I),
    mk(Mn::PEXTRW, 0x66, 3, 0x15, -1, 0, 0, 0, R32M16, RM, X, R, U8, I),
    SSE(ADDSUBPS, 0xF2, 0xD0, XM128), SSE(ADDSUBPD, 0x66, 0xD0, XM128), SSE(HADDPS, 0xF2, 0x7C, XM128),
    SSE(HADDPD, 0x66, 0x7C, XM128), SSE(HSUBPS, 0xF2, 0x7D, XM128), SSE(HSUBPD, 0x66, 0x7D, XM128),
    SSE(LDDQU, 0xF2, 0xF0, M128), SSE(MOVDDUP, 0xF2, 0x12, XM64), SSE(MOVSHDUP, 0xF3, 0x16, XM128),
    SSE(MOVSLDUP, 0xF3, 0x12, XM128),
    SV3(PSHUFB, 0x66, 2, 0x00), SV3(PHADDW, 0x66, 2, 0x01), SV3(PHADDD, 0x66, 2, 0x02),
    SV3(PHADDSW, 0x66, 2, 0x03), SV3(PMADDUBSW, 0x66, 2, 0x04), SV3(PHSUBW, 0x66, 2, 0x05),
    SV3(PHSUBD, 0x66, 2, 0x06), SV3(PHSUBSW, 0x66, 2, 0x07), SV3(PSIGNB, 0x66, 2, 0x08),
    SV3(PSIGNW, 0x66, 2, 0x09), SV3(PSIGND, 0x66, 2, 0x0A), SV3(PMULHRSW, 0x66, 2, 0x0B),
    SV2(PABSB, 0x66, 2, 0x1C), SV2(PABSW, 0x66, 2, 0x1D), SV2(PABSD, 0x66, 2, 0x1E),
    SSEMI(PALIGNR, 0x66, 3, 0x0F, XM128), V3I(VPALIGNR, 0x66, 3, 0x0F, F_WIG),
    mk(Mn::PBLENDVB, 0x66, 2, 0x10, -1, 0, 0, 0, X, R, XM128, RM, XMM0, IM),
    mk(Mn::BLENDVPS, 0x66, 2, 0x14, -1, 0, 0, 0, X, R, XM128, RM, XMM0, IM),
    mk(Mn::BLENDVPD, 0x66, 2, 0x15, -1, 0, 0, 0, X, R, XM128, RM, XMM0, IM),
    SV2(PTEST, 0x66, 2, 0x17),
    SSEM(PMOVSXBW, 0x66, 2, 0x20, XM64), SSEM(PMOVSXBD, 0x66, 2, 0x21, XM32),
    SSEM(PMOVSXBQ, 0x66, 2, 0x22, XM16), SSEM(PMOVSXWD, 0x66, 2, 0x23, XM64),
    SSEM(PMOVSXWQ, 0x66, 2, 0x24, XM32), SSEM(PMOVSXDQ, 0x66, 2, 0x25, XM64),
    SSEM(PMOVZXBW, 0x66, 2, 0x30, XM64), SSEM(PMOVZXBD, 0x66, 2, 0x31, XM32),
    SSEM(PMOVZXBQ, 0x66, 2, 0x32, XM16), SSEM(PMOVZXWD, 0x66, 2, 0x33, XM64),
    SSEM(PMOVZXWQ, 0x66, 2, 0x34, XM32), SSEM(PMOVZXDQ, 0x66, 2, 0x35, XM64),
    V2WIDE(VPMOVSXBW, 0x66, 2, 0x20, F_WIG, XM64, XM128), V2WIDE(VPMOVSXBD, 0x66, 2, 0x21, F_WIG, XM32, XM64),
    V2WIDE(VPMOVSXBQ, 0x66, 2, 0x22, F_WIG, XM16, XM32), V2WIDE(VPMOVSXWD, 0x66, 2, 0x23, F_WIG, XM64, XM128),
    V2WIDE(VPMOVSXWQ, 0x66, 2, 0x24, F_WIG, XM32, XM64), V2WIDE(VPMOVSXDQ, 0x66, 2, 0x25, F_WIG, XM64, XM128),
    V2WIDE(VPMOVZXBW, 0x66, 2, 0x30, F_WIG, XM64, XM128), V2WIDE(VPMOVZXBD, 0x66, 2, 0x31, F_WIG, XM32, XM64),
    V2WIDE(VPMOVZXBQ, 0x66, 2, 0x32, F_WIG, XM16, XM32), V2WIDE(VPMOVZXWD, 0x66, 2, 0x33, F_WIG, XM64, XM128),
    V2WIDE(VPMOVZXWQ, 0x66, 2, 0x34, F_WIG, XM32, XM64), V2WIDE(VPMOVZXDQ, 0x66, 2, 0x35, F_WIG, XM64, XM128),
    SV3(PMULDQ, 0x66, 2, 0x28), SV3(PCMPEQQ, 0x66, 2, 0x29), SV3(PACKUSDW, 0x66, 2, 0x2B),
    SV3(PCMPGTQ, 0x66, 2, 0x37), SV3(PMINSB, 0x66, 2, 0x38), SV3(PMINSD, 0x66, 2, 0x39),
    SV3(PMINUW, 0x66, 2, 0x3A), SV3(PMINUD, 0x66, 2, 0x3B), SV3(PMAXSB, 0x66, 2, 0x3C),
    SV3(PMAXSD, 0x66, 2, 0x3D), SV3(PMAXUW, 0x66, 2, 0x3E), SV3(PMAXUD, 0x66, 2, 0x3F),
    SV3(PMULLD, 0x66, 2, 0x40),
    SSEM(PHMINPOSUW, 0x66, 2, 0x41, XM128), mk(Mn::VPHMINPOSUW, 0x66, 2, 0x41, -1, VF(F_WIG), 0, 0, X, R, XM128, RM),
    SSEMI(ROUNDPS, 0x66, 3, 0x08, XM128), SSEMI(ROUNDPD, 0x66, 3, 0x09, XM128),
    SSEMI(BLENDPS, 0x66, 3, 0x0C, XM128), SSEMI(BLENDPD, 0x66, 3, 0x0D, XM128),
    SSEMI(PBLENDW, 0x66, 3, 0x0E, XM128),
    mk(Mn::PEXTRB, 0x66, 3, 0x14, -1, 0, 0, 0, R32M8, RM, X, R, U8, I),
    mk(Mn::PEXTRD, 0x66, 3, 0x16, -1, 0, 4, 0, E32, RM, X, R, U8, I),
    mk(Mn::PEXTRQ, 0x66, 3, 0x16, -1, F_W, 8, 0, E64, RM, X, R, U8, I),
    mk(Mn::EXTRACTPS, 0x66, 3, 0x17, -1, 0, 4, 0, E32, RM, X, R, U8, I),
    mk(Mn::PINSRB, 0x66, 3, 0x20, -1, 0, 0, 0, X, R, R32M8, RM, U8, I),
    SSEMI(INSERTPS, 0x66, 3, 0x21, XM32),
    mk(Mn::PINSRD, 0x66, 3, 0x22, -1, 0, 4, 0, X, R, E32, RM, U8, I),
    mk(Mn::PINSRQ, 0x66, 3, 0x22, -1, F_W, 8, 0, X, R, E64, RM, U8, I),
    SSEMI(DPPS, 0x66, 3, 0x40, XM128), SSEMI(DPPD, 0x66, 3, 0x41, XM128), SSEMI(MPSADBW, 0x66, 3, 0x42, XM128),
    SSEMI(PCLMULQDQ, 0x66, 3, 0x44, XM128),
    SSEMI(PCMPESTRM, 0x66, 3, 0x60, XM128), SSEMI(PCMPESTRI, 0x66, 3, 0x61, XM128),
    SSEMI(PCMPISTRM, 0x66, 3, 0x62, XM128), SSEMI(PCMPISTRI, 0x66, 3, 0x63, XM128),
    SSEM(AESIMC, 0x66, 2, 0xDB, XM128), SSEM(AESENC, 0x66, 2, 0xDC, XM128),
    SSEM(AESENCLAST, 0x66, 2, 0xDD, XM128), SSEM(AESDEC, 0x66, 2, 0xDE, XM128),
    SSEM(AESDECLAST, 0x66, 2, 0xDF, XM128), SSEMI(AESKEYGENASSIST, 0x66, 3, 0xDF, XM128),
    mk(Mn::CRC32, 0xF2, 2, 0xF0, -1, 0, 1, 0, G32, R, E8, RM),
    mk(Mn::CRC32, 0xF2, 2, 0xF0, -1, F_W, 1, 0, G64, R, E8, RM),
    mk(Mn::CRC32, 0xF2, 2, 0xF1, -1, F_OS16, 2, 0, G32, R, E16, RM),
    mk(Mn::CRC32, 0xF2, 2, 0xF1, -1, 0, 4, 0, G32, R, E32, RM),
    mk(Mn::CRC32, 0xF2, 2, 0xF1, -1, F_W, 8, 0, G64, R, E64, RM),
    mk(Mn::MOVBE, 0, 2, 0xF0, -1, F_OS16, 2, 0, G16, R, M16, RM),
    mk(Mn::MOVBE, 0, 2, 0xF0, -1, 0, 4, 0, G32, R, M32, RM),
    mk(Mn::MOVBE, 0, 2, 0xF0, -1, F_W, 8, 0, G64, R, M64, RM),
    mk(Mn::MOVBE, 0, 2, 0xF1, -1, F_OS16, 2, 0, M16, RM, G16, R),
    mk(Mn::MOVBE, 0, 2, 0xF1, -1, 0, 4, 0, M32, RM, G32, R),
    mk(Mn::MOVBE, 0, 2, 0xF1, -1, F_W, 8, 0, M64, RM, G64, R),
    mk(Mn::LDMXCSR, 0, 1, 0xAE, 2, 0, 0, 0, M32, RM), mk(Mn::STMXCSR, 0, 1, 0xAE, 3, 0, 0, 0, M32, RM),

    // ---- AVX / AVX2 (VEX) --------------------------------------------------
    mk(Mn::VMOVSS, 0xF3, 1, 0x10, -1, VF(F_WIG | F_LIG), 0, 0, X, R, M32, RM),
    mk(Mn::VMOVSS, 0xF3, 1, 0x10, -1, VF(F_WIG | F_LIG), 0, 0, X, R, X, V, X, RM),
    mk(Mn::VMOVSS, 0xF3, 1, 0x11, -1, VF(F_WIG | F_LIG), 0, 0, M32, RM, X, R),
    mk(Mn::VMOVSS, 0xF3, 1, 0x11, -1, VF(F_WIG | F_LIG), 0, 0, X, RM, X, V, X, R),
    mk(Mn::VMOVSD, 0xF2, 1, 0x10, -1, VF(F_WIG | F_LIG), 0, 0, X, R, M64, RM),
    mk(Mn::VMOVSD, 0xF2, 1, 0x10, -1, VF(F_WIG | F_LIG), 0, 0, X, R, X, V, X, RM),
    mk(Mn::VMOVSD, 0xF2, 1, 0x11, -1, VF(F_WIG | F_LIG), 0, 0, M64, RM, X, R),
    mk(Mn::VMOVSD, 0xF2, 1, 0x11, -1, VF(F_WIG | F_LIG), 0, 0, X, RM, X, V, X, R),
    V2(VMOVUPS, 0, 1, 0x10, F_WIG), V2ST(VMOVUPS, 0, 1, 0x11),
    V2(VMOVUPD, 0x66, 1, 0x10, F_WIG), V2ST(VMOVUPD, 0x66, 1, 0x11),
    V2(VMOVAPS, 0, 1, 0x28, F_WIG), V2ST(VMOVAPS, 0, 1, 0x29),
    V2(VMOVAPD, 0x66, 1, 0x28, F_WIG), V2ST(VMOVAPD, 0x66, 1, 0x29),
    V2(VMOVDQA, 0x66, 1, 0x6F, F_WIG), V2ST(VMOVDQA, 0x66, 1, 0x7F),
    V2(VMOVDQU, 0xF3, 1, 0x6F, F_WIG), V2ST(VMOVDQU, 0xF3, 1, 0x7F),
    mk(Mn::VMOVD, 0x66, 1, 0x6E, -1, VF(0), 4, 0, X, R, E32, RM),
    mk(Mn::VMOVD, 0x66, 1, 0x7E, -1, VF(0), 4, 0, E32, RM, X, R),
    mk(Mn::VMOVQ, 0xF3, 1, 0x7E, -1, VF(F_WIG), 0, 0, X, R, XM64, RM),
    mk(Mn::VMOVQ, 0x66, 1, 0xD6, -1, VF(F_WIG), 0, 0, XM64, RM, X, R),
    mk(Mn::VMOVQ, 0x66, 1, 0x6E, -1, VF(F_W), 8, 0, X, R, E64, RM),
    mk(Mn::VMOVQ, 0x66, 1, 0x7E, -1, VF(F_W), 8, 0, E64, RM, X, R),
    mk(Mn::VMOVHLPS, 0, 1, 0x12, -1, VF(F_WIG), 0, 0, X, R, X, V, X, RM),
    mk(Mn::VMOVLHPS, 0, 1, 0x16, -1, VF(F_WIG), 0, 0, X, R, X, V, X, RM),
    mk(Mn::VMOVLPS, 0, 1, 0x12, -1, VF(F_WIG), 0, 0, X, R, X, V, M64, RM),
    mk(Mn::VMOVLPS, 0, 1, 0x13, -1, VF(F_WIG), 0, 0, M64, RM, X, R),
    mk(Mn::VMOVHPS, 0, 1, 0x16, -1, VF(F_WIG), 0, 0, X, R, X, V, M64, RM),
    mk(Mn::VMOVHPS, 0, 1, 0x17, -1, VF(F_WIG), 0, 0, M64, RM, X, R),
    mk(Mn::VMOVLPD, 0x66, 1, 0x12, -1, VF(F_WIG), 0, 0, X, R, X, V, M64, RM),
    mk(Mn::VMOVLPD, 0x66, 1, 0x13, -1, VF(F_WIG), 0, 0, M64, RM, X, R),
    mk(Mn::VMOVHPD, 0x66, 1, 0x16, -1, VF(F_WIG), 0, 0, X, R, X, V, M64, RM),
    mk(Mn::VMOVHPD, 0x66, 1, 0x17, -1, VF(F_WIG), 0, 0, M64, RM, X, R),
    mk(Mn::VMOVMSKPS, 0, 1, 0x50, -1, VF(F_WIG), 4, 0, G32, R, X, RM),
    mk(Mn::VMOVMSKPS, 0, 1, 0x50, -1, VF(F_WIG | F_VL), 4, 0, G32, R, Y, RM),
    mk(Mn::VMOVMSKPD, 0x66, 1, 0x50, -1, VF(F_WIG), 4, 0, G32, R, X, RM),
    mk(Mn::VMOVMSKPD, 0x66, 1, 0x50, -1, VF(F_WIG | F_VL), 4, 0, G32, R, Y, RM),
    mk(Mn::VPMOVMSKB, 0x66, 1, 0xD7, -1, VF(F_WIG), 4, 0, G32, R, X, RM),
    mk(Mn::VPMOVMSKB, 0x66, 1, 0xD7, -1, VF(F_WIG | F_VL), 4, 0, G32, R, Y, RM),
    mk(Mn::VMOVNTPS, 0, 1, 0x2B, -1, VF(F_WIG), 0, 0, M128, RM, X, R),
    mk(Mn::VMOVNTPS, 0, 1, 0x2B, -1, VF(F_WIG | F_VL), 0, 0, M256, RM, Y, R),
    mk(Mn::VMOVNTPD, 0x66, 1, 0x2B, -1, VF(F_WIG), 0, 0, M128, RM, X, R),
    mk(Mn::VMOVNTPD, 0x66, 1, 0x2B, -1, VF(F_WIG | F_VL), 0, 0, M256, RM, Y, R),
    mk(Mn::VMOVNTDQ, 0x66, 1, 0xE7, -1, VF(F_WIG), 0, 0, M128, RM, X, R),
    mk(Mn::VMOVNTDQ, 0x66, 1, 0xE7, -1, VF(F_WIG | F_VL), 0, 0, M256, RM, Y, R),
    mk(Mn::VMOVNTDQA, 0x66, 2, 0x2A, -1, VF(F_WIG), 0, 0, X, R, M128, RM),
    mk(Mn::VMOVNTDQA, 0x66, 2, 0x2A, -1, VF(F_WIG | F_VL), 0, 0, Y, R, M256, RM),
    mk(Mn::VLDDQU, 0xF2, 1, 0xF0, -1, VF(F_WIG), 0, 0, X, R, M128, RM),
    mk(Mn::VLDDQU, 0xF2, 1, 0xF0, -1, VF(F_WIG | F_VL), 0, 0, Y, R, M256, RM),
    V2WIDE(VMOVDDUP, 0xF2, 1, 0x12, F_WIG, XM64, YM256), V2(VMOVSHDUP, 0xF3, 1, 0x16, F_WIG),
    V2(VMOVSLDUP, 0xF3, 1, 0x12, F_WIG),
    V4(VADDPS, VADDPD, VADDSS, VADDSD, 0x58), V4(VMULPS, VMULPD, VMULSS, VMULSD, 0x59),
    V4(VSUBPS, VSUBPD, VSUBSS, VSUBSD, 0x5C), V4(VMINPS, VMINPD, VMINSS, VMINSD, 0x5D),
    V4(VDIVPS, VDIVPD, VDIVSS, VDIVSD, 0x5E), V4(VMAXPS, VMAXPD, VMAXSS, VMAXSD, 0x5F),
    V2(VSQRTPS, 0, 1, 0x51, F_WIG), V2(VSQRTPD, 0x66, 1, 0x51, F_WIG),
    V3S(VSQRTSS, 0xF3, 1, 0x51, XM32, F_WIG), V3S(VSQRTSD, 0xF2, 1, 0x51, XM64, F_WIG),
    V3(VANDPS, 0, 1, 0x54), V3(VANDPD, 0x66, 1, 0x54), V3(VANDNPS, 0, 1, 0x55), V3(VANDNPD, 0x66, 1, 0x55),
    V3(VORPS, 0, 1, 0x56), V3(VORPD, 0x66, 1, 0x56), V3(VXORPS, 0, 1, 0x57), V3(VXORPD, 0x66, 1, 0x57),
    V2(VRCPPS, 0, 1, 0x53, F_WIG), V3S(VRCPSS, 0xF3, 1, 0x53, XM32, F_WIG),
    V2(VRSQRTPS, 0, 1, 0x52, F_WIG), V3S(VRSQRTSS, 0xF3, 1, 0x52, XM32, F_WIG),
    V3(VADDSUBPS, 0xF2, 1, 0xD0), V3(VADDSUBPD, 0x66, 1, 0xD0), V3(VHADDPS, 0xF2, 1, 0x7C),
    V3(VHADDPD, 0x66, 1, 0x7C), V3(VHSUBPS, 0xF2, 1, 0x7D), V3(VHSUBPD, 0x66, 1, 0x7D),
    V3I(VCMPPS, 0, 1, 0xC2, F_WIG), V3I(VCMPPD, 0x66, 1, 0xC2, F_WIG),
    V3SI(VCMPSS, 0xF3, 1, 0xC2, XM32), V3SI(VCMPSD, 0xF2, 1, 0xC2, XM64),
    mk(Mn::VUCOMISS, 0, 1, 0x2E, -1, VF(F_WIG | F_LIG), 0, 0, X, R, XM32, RM),
    mk(Mn::VUCOMISD, 0x66, 1, 0x2E, -1, VF(F_WIG | F_LIG), 0, 0, X, R, XM64, RM),
    mk(Mn::VCOMISS, 0, 1, 0x2F, -1, VF(F_WIG | F_LIG), 0, 0, X, R, XM32, RM),
    mk(Mn::VCOMISD, 0x66, 1, 0x2F, -1, VF(F_WIG | F_LIG), 0, 0, X, R, XM64, RM),
    mk(Mn::VCVTSI2SS, 0xF3, 1, 0x2A, -1, VF(F_LIG), 4, 0, X, R, X, V, E32, RM),
    mk(Mn::VCVTSI2SS, 0xF3, 1, 0x2A, -1, VF(F_LIG | F_W), 8, 0, X, R, X, V, E64, RM),
    mk(Mn::VCVTSI2SD, 0xF2, 1, 0x2A, -1, VF(F_LIG), 4, 0, X, R, X, V, E32, RM),
    mk(Mn::VCVTSI2SD, 0xF2, 1, 0x2A, -1, VF(F_LIG | F_W), 8, 0, X, R, X, V, E64, RM),
    V3S(VCVTSS2SD, 0xF3, 1, 0x5A, XM32, F_WIG), V3S(VCVTSD2SS, 0xF2, 1, 0x5A, XM64, F_WIG),
    mk(Mn::VCVTTSS2SI, 0xF3, 1, 0x2C, -1, VF(F_LIG), 4, 0, G32, R, XM32, RM),
    mk(Mn::VCVTTSS2SI, 0xF3, 1, 0x2C, -1, VF(F_LIG | F_W), 8, 0, G64, R, XM32, RM),
    mk(Mn::VCVTTSD2SI, 0xF2, 1, 0x2C, -1, VF(F_LIG), 4, 0, G32, R, XM64, RM),
    mk(Mn::VCVTTSD2SI, 0xF2, 1, 0x2C, -1, VF(F_LIG | F_W), 8, 0, G64, R, XM64, RM),
    mk(Mn::VCVTSS2SI, 0xF3, 1, 0x2D, -1, VF(F_LIG), 4, 0, G32, R, XM32, RM),
    mk(Mn::VCVTSS2SI, 0xF3, 1, 0x2D, -1, VF(F_LIG | F_W), 8, 0, G64, R, XM32, RM),
    mk(Mn::VCVTSD2SI, 0xF2, 1, 0x2D, -1, VF(F_LIG), 4, 0, G32, R, XM64, RM),
    mk(Mn::VCVTSD2SI, 0xF2, 1, 0x2D, -1, VF(F_LIG | F_W), 8, 0, G64, R, XM64, RM),
    V2WIDE(VCVTDQ2PD, 0xF3, 1, 0xE6, F_WIG, XM64, XM128), V2(VCVTDQ2PS, 0, 1, 0x5B, F_WIG),
    V2WIDE(VCVTPS2PD, 0, 1, 0x5A, F_WIG, XM64, XM128), V2NARROW(VCVTPD2PS, 0x66, 1, 0x5A),
    V2(VCVTTPS2DQ, 0xF3, 1, 0x5B, F_WIG), V2NARROW(VCVTTPD2DQ, 0x66, 1, 0xE6),
    V2(VCVTPS2DQ, 0x66, 1, 0x5B, F_WIG), V2NARROW(VCVTPD2DQ, 0xF2, 1, 0xE6),
    V2WIDE(VCVTPH2PS, 0x66, 2, 0x13, 0, XM64, XM128),
    mk(Mn::VCVTPS2PH, 0x66, 3, 0x1D, -1, VF(0), 0, 0, XM64, RM, X, R, U8, I),
    mk(Mn::VCVTPS2PH, 0x66, 3, 0x1D, -1, VF(F_VL), 0, 0, XM128, RM, Y, R, U8, I),
    V3(VUNPCKLPS, 0, 1, 0x14), V3(VUNPCKLPD, 0x66, 1, 0x14), V3(VUNPCKHPS, 0, 1, 0x15),
    V3(VUNPCKHPD, 0x66, 1, 0x15), V3I(VSHUFPS, 0, 1, 0xC6, F_WIG), V3I(VSHUFPD, 0x66, 1, 0xC6, F_WIG),
    V2I(VROUNDPS, 0x66, 3, 0x08, F_WIG), V2I(VROUNDPD, 0x66, 3, 0x09, F_WIG),
    V3SI(VROUNDSS, 0x66, 3, 0x0A, XM32), V3SI(VROUNDSD, 0x66, 3, 0x0B, XM64),
    V3I(VBLENDPS, 0x66, 3, 0x0C, F_WIG), V3I(VBLENDPD, 0x66, 3, 0x0D, F_WIG),
    V3I(VPBLENDW, 0x66, 3, 0x0E, F_WIG), V3I(VPBLENDD, 0x66, 3, 0x02, 0),
    mk(Mn::VBLENDVPS, 0x66, 3, 0x4A, -1, VF(0), 0, 0, X, R, X, V, XM128, RM, X, I4),
    mk(Mn::VBLENDVPS, 0x66, 3, 0x4A, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, Y, I4),
    mk(Mn::VBLENDVPD, 0x66, 3, 0x4B, -1, VF(0), 0, 0, X, R, X, V, XM128, RM, X, I4),
    mk(Mn::VBLENDVPD, 0x66, 3, 0x4B, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, Y, I4),
    mk(Mn::VPBLENDVB, 0x66, 3, 0x4C, -1, VF(0), 0, 0, X, R, X, V, XM128, RM, X, I4),
    mk(Mn::VPBLENDVB, 0x66, 3, 0x4C, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, Y, I4),
    V3I(VDPPS, 0x66, 3, 0x40, F_WIG),
    mk(Mn::VDPPD, 0x66, 3, 0x41, -1, VF(F_WIG), 0, 0, X, R, X, V, XM128, RM, U8, I),
    V3I(VMPSADBW, 0x66, 3, 0x42, F_WIG),
    mk(Mn::VINSERTPS, 0x66, 3, 0x21, -1, VF(F_WIG), 0, 0, X, R, X, V, XM32, RM, U8, I),
    mk(Mn::VEXTRACTPS, 0x66, 3, 0x17, -1, VF(F_WIG), 4, 0, E32, RM, X, R, U8, I),
    V3(VPXOR, 0x66, 1, 0xEF), V3(VPOR, 0x66, 1, 0xEB), V3(VPAND, 0x66, 1, 0xDB), V3(VPANDN, 0x66, 1, 0xDF),
    V3(VPADDB, 0x66, 1, 0xFC), V3(VPADDW, 0x66, 1, 0xFD), V3(VPADDD, 0x66, 1, 0xFE), V3(VPADDQ, 0x66, 1, 0xD4),
    V3(VPSUBB, 0x66, 1, 0xF8), V3(VPSUBW, 0x66, 1, 0xF9), V3(VPSUBD, 0x66, 1, 0xFA), V3(VPSUBQ, 0x66, 1, 0xFB),
    V3(VPADDSB, 0x66, 1, 0xEC), V3(VPADDSW, 0x66, 1, 0xED), V3(VPADDUSB, 0x66, 1, 0xDC),
    V3(VPADDUSW, 0x66, 1, 0xDD), V3(VPSUBSB, 0x66, 1, 0xE8), V3(VPSUBSW, 0x66, 1, 0xE9),
    V3(VPSUBUSB, 0x66, 1, 0xD8), V3(VPSUBUSW, 0x66, 1, 0xD9), V3(VPAVGB, 0x66, 1, 0xE0),
    V3(VPAVGW, 0x66, 1, 0xE3), V3(VPMAXSW, 0x66, 1, 0xEE), V3(VPMAXUB, 0x66, 1, 0xDE),
    V3(VPMINSW, 0x66, 1, 0xEA), V3(VPMINUB, 0x66, 1, 0xDA), V3(VPMULHUW, 0x66, 1, 0xE4),
    V3(VPMULHW, 0x66, 1, 0xE5), V3(VPMULLW, 0x66, 1, 0xD5), V3(VPMULUDQ, 0x66, 1, 0xF4),
    V3(VPMADDWD, 0x66, 1, 0xF5), V3(VPSADBW, 0x66, 1, 0xF6),
    V3(VPCMPEQB, 0x66, 1, 0x74), V3(VPCMPEQW, 0x66, 1, 0x75), V3(VPCMPEQD, 0x66, 1, 0x76),
    V3(VPCMPGTB, 0x66, 1, 0x64), V3(VPCMPGTW, 0x66, 1, 0x65), V3(VPCMPGTD, 0x66, 1, 0x66),
    V3(VPACKSSWB, 0x66, 1, 0x63), V3(VPACKSSDW, 0x66, 1, 0x6B), V3(VPACKUSWB, 0x66, 1, 0x67),
    V3(VPUNPCKLBW, 0x66, 1, 0x60), V3(VPUNPCKLWD, 0x66, 1, 0x61), V3(VPUNPCKLDQ, 0x66, 1, 0x62),
    V3(VPUNPCKLQDQ, 0x66, 1, 0x6C), V3(VPUNPCKHBW, 0x66, 1, 0x68), V3(VPUNPCKHWD, 0x66, 1, 0x69),
    V3(VPUNPCKHDQ, 0x66, 1, 0x6A), V3(VPUNPCKHQDQ, 0x66, 1, 0x6D),
    VSHX(VPSLLW, 0xF1), VSHX(VPSLLD, 0xF2), VSHX(VPSLLQ, 0xF3), VSHX(VPSRLW, 0xD1), VSHX(VPSRLD, 0xD2),
    VSHX(VPSRLQ, 0xD3), VSHX(VPSRAW, 0xE1), VSHX(VPSRAD, 0xE2),
    VSHI(VPSLLW, 0x71, 6), VSHI(VPSRLW, 0x71, 2), VSHI(VPSRAW, 0x71, 4), VSHI(VPSLLD, 0x72, 6),
    VSHI(VPSRLD, 0x72, 2), VSHI(VPSRAD, 0x72, 4), VSHI(VPSLLQ, 0x73, 6), VSHI(VPSRLQ, 0x73, 2),
    VSHI(VPSLLDQ, 0x73, 7), VSHI(VPSRLDQ, 0x73, 3),
    V2I(VPSHUFD, 0x66, 1, 0x70, F_WIG), V2I(VPSHUFLW, 0xF2, 1, 0x70, F_WIG), V2I(VPSHUFHW, 0xF3, 1, 0x70, F_WIG),
    mk(Mn::VPEXTRB, 0x66, 3, 0x14, -1, VF(F_WIG), 0, 0, R32M8, RM, X, R, U8, I),
    mk(Mn::VPEXTRW, 0x66, 1, 0xC5, -1, VF(F_WIG | F_NOMEM), 4, 0, G32, R, X, RM, U8, I),
    mk(Mn::VPEXTRW, 0x66, 3, 0x15, -1, VF(F_WIG), 0, 0, R32M16, RM, X, R, U8, I),
    mk(Mn::VPEXTRD, 0x66, 3, 0x16, -1, VF(0), 4, 0, E32, RM, X, R, U8, I),
    mk(Mn::VPEXTRQ, 0x66, 3, 0x16, -1, VF(F_W), 8, 0, E64, RM, X, R, U8, I),
    mk(Mn::VPINSRB, 0x66, 3, 0x20, -1, VF(F_WIG), 0, 0, X, R, X, V, R32M8, RM, U8, I),
    mk(Mn::VPINSRW, 0x66, 1, 0xC4, -1, VF(F_WIG), 0, 0, X, R, X, V, R32M16, RM, U8, I),
    mk(Mn::VPINSRD, 0x66, 3, 0x22, -1, VF(0), 4, 0, X, R, X, V, E32, RM, U8, I),
    mk(Mn::VPINSRQ, 0x66, 3, 0x22, -1, VF(F_W), 8, 0, X, R, X, V, E64, RM, U8, I),
    mk(Mn::VPCLMULQDQ, 0x66, 3, 0x44, -1, VF(F_WIG), 0, 0, X, R, X, V, XM128, RM, U8, I),
    mk(Mn::VPCMPESTRM, 0x66, 3, 0x60, -1, VF(F_WIG), 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::VPCMPESTRI, 0x66, 3, 0x61, -1, VF(F_WIG), 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::VPCMPISTRM, 0x66, 3, 0x62, -1, VF(F_WIG), 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::VPCMPISTRI, 0x66, 3, 0x63, -1, VF(F_WIG), 0, 0, X, R, XM128, RM, U8, I),
    mk(Mn::VAESIMC, 0x66, 2, 0xDB, -1, VF(F_WIG), 0, 0, X, R, XM128, RM),
    V3X(VAESENC, 0x66, 2, 0xDC), V3X(VAESENCLAST, 0x66, 2, 0xDD), V3X(VAESDEC, 0x66, 2, 0xDE),
    V3X(VAESDECLAST, 0x66, 2, 0xDF),
    mk(Mn::VAESKEYGENASSIST, 0x66, 3, 0xDF, -1, VF(F_WIG), 0, 0, X, R, XM128, RM, U8, I),
    V2WIDE(VBROADCASTSS, 0x66, 2, 0x18, 0, XM32, XM32),
    mk(Mn::VBROADCASTSD, 0x66, 2, 0x19, -1, VF(F_VL), 0, 0, Y, R, XM64, RM),
    mk(Mn::VBROADCASTF128, 0x66, 2, 0x1A, -1, VF(F_VL), 0, 0, Y, R, M128, RM),
    mk(Mn::VBROADCASTI128, 0x66, 2, 0x5A, -1, VF(F_VL), 0, 0, Y, R, M128, RM),
    mk(Mn::VINSERTF128, 0x66, 3, 0x18, -1, VF(F_VL), 0, 0, Y, R, Y, V, XM128, RM, U8, I),
    mk(Mn::VEXTRACTF128, 0x66, 3, 0x19, -1, VF(F_VL), 0, 0, XM128, RM, Y, R, U8, I),
    mk(Mn::VINSERTI128, 0x66, 3, 0x38, -1, VF(F_VL), 0, 0, Y, R, Y, V, XM128, RM, U8, I),
    mk(Mn::VEXTRACTI128, 0x66, 3, 0x39, -1, VF(F_VL), 0, 0, XM128, RM, Y, R, U8, I),
    mk(Mn::VPERM2F128, 0x66, 3, 0x06, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, U8, I),
    mk(Mn::VPERM2I128, 0x66, 3, 0x46, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM, U8, I),
    V3W(VPERMILPS, 0x66, 2, 0x0C, 0), V2I(VPERMILPS, 0x66, 3, 0x04, 0),
    V3W(VPERMILPD, 0x66, 2, 0x0D, 0), V2I(VPERMILPD, 0x66, 3, 0x05, 0),
    mk(Mn::VMASKMOVPS, 0x66, 2, 0x2C, -1, VF(0), 0, 0, X, R, X, V, M128, RM),
    mk(Mn::VMASKMOVPS, 0x66, 2, 0x2C, -1, VF(F_VL), 0, 0, Y, R, Y, V, M256, RM),
    mk(Mn::VMASKMOVPS, 0x66, 2, 0x2E, -1, VF(0), 0, 0, M128, RM, X, V, X, R),
    mk(Mn::VMASKMOVPS, 0x66, 2, 0x2E, -1, VF(F_VL), 0, 0, M256, RM, Y, V, Y, R),
    mk(Mn::VMASKMOVPD, 0x66, 2, 0x2D, -1, VF(0), 0, 0, X, R, X, V, M128, RM),
    mk(Mn::VMASKMOVPD, 0x66, 2, 0x2D, -1, VF(F_VL), 0, 0, Y, R, Y, V, M256, RM),
    mk(Mn::VMASKMOVPD, 0x66, 2, 0x2F, -1, VF(0), 0, 0, M128, RM, X, V, X, R),
    mk(Mn::VMASKMOVPD, 0x66, 2, 0x2F, -1, VF(F_VL), 0, 0, M256, RM, Y, V, Y, R),
    mk(Mn::VPMASKMOVD, 0x66, 2, 0x8C, -1, VF(0), 0, 0, X, R, X, V, M128, RM),
    mk(Mn::VPMASKMOVD, 0x66, 2, 0x8C, -1, VF(F_VL), 0, 0, Y, R, Y, V, M256, RM),
    mk(Mn::VPMASKMOVD, 0x66, 2, 0x8E, -1, VF(0), 0, 0, M128, RM, X, V, X, R),
    mk(Mn::VPMASKMOVD, 0x66, 2, 0x8E, -1, VF(F_VL), 0, 0, M256, RM, Y, V, Y, R),
    mk(Mn::VPMASKMOVQ, 0x66, 2, 0x8C, -1, VF(F_W), 0, 0, X, R, X, V, M128, RM),
    mk(Mn::VPMASKMOVQ, 0x66, 2, 0x8C, -1, VF(F_W | F_VL), 0, 0, Y, R, Y, V, M256, RM),
    mk(Mn::VPMASKMOVQ, 0x66, 2, 0x8E, -1, VF(F_W), 0, 0, M128, RM, X, V, X, R),
    mk(Mn::VPMASKMOVQ, 0x66, 2, 0x8E, -1, VF(F_W | F_VL), 0, 0, M256, RM, Y, V, Y, R),
    V2(VTESTPS, 0x66, 2, 0x0E, 0), V2(VTESTPD, 0x66, 2, 0x0F, 0),
    mk(Mn::VZEROUPPER, 0, 1, 0x77, -1, VF(F_WIG), 0, 0), mk(Mn::VZEROALL, 0, 1, 0x77, -1, VF(F_WIG | F_VL), 0, 0),
    mk(Mn::VLDMXCSR, 0, 1, 0xAE, 2, VF(F_WIG), 0, 0, M32, RM),
    mk(Mn::VSTMXCSR, 0, 1, 0xAE, 3, VF(F_WIG), 0, 0, M32, RM),
    V2WIDE(VPBROADCASTB, 0x66, 2, 0x78, 0, XM8, XM8), V2WIDE(VPBROADCASTW, 0x66, 2, 0x79, 0, XM16, XM16),
    V2WIDE(VPBROADCASTD, 0x66, 2, 0x58, 0, XM32, XM32), V2WIDE(VPBROADCASTQ, 0x66, 2, 0x59, 0, XM64, XM64),
    mk(Mn::VPERMQ, 0x66, 3, 0x00, -1, VF(F_W | F_VL), 0, 0, Y, R, YM256, RM, U8, I),
    mk(Mn::VPERMPD, 0x66, 3, 0x01, -1, VF(F_W | F_VL), 0, 0, Y, R, YM256, RM, U8, I),
    mk(Mn::VPERMD, 0x66, 2, 0x36, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM),
    mk(Mn::VPERMPS, 0x66, 2, 0x16, -1, VF(F_VL), 0, 0, Y, R, Y, V, YM256, RM),
    V3W(VPSLLVD, 0x66, 2, 0x47, 0), V3W(VPSLLVQ, 0x66, 2, 0x47, F_W), V3W(VPSRLVD, 0x66, 2, 0x45, 0),
    V3W(VPSRLVQ, 0x66, 2, 0x45, F_W), V3W(VPSRAVD, 0x66, 2, 0x46, 0),
    // Gathers: dst, VSIB memory, mask (VEX.vvvv).
    mk(Mn::VPGATHERDD, 0x66, 2, 0x90, -1, VF(0), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VPGATHERDD, 0x66, 2, 0x90, -1, VF(F_VL), 0, 0, Y, R, MVY, RM, Y, V),
    mk(Mn::VPGATHERDQ, 0x66, 2, 0x90, -1, VF(F_W), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VPGATHERDQ, 0x66, 2, 0x90, -1, VF(F_W | F_VL), 0, 0, Y, R, MVX, RM, Y, V),
    mk(Mn::VPGATHERQD, 0x66, 2, 0x91, -1, VF(0), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VPGATHERQD, 0x66, 2, 0x91, -1, VF(F_VL), 0, 0, X, R, MVY, RM, X, V),
    mk(Mn::VPGATHERQQ, 0x66, 2, 0x91, -1, VF(F_W), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VPGATHERQQ, 0x66, 2, 0x91, -1, VF(F_W | F_VL), 0, 0, Y, R, MVY, RM, Y, V),
    mk(Mn::VGATHERDPS, 0x66, 2, 0x92, -1, VF(0), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VGATHERDPS, 0x66, 2, 0x92, -1, VF(F_VL), 0, 0, Y, R, MVY, RM, Y, V),
    mk(Mn::VGATHERDPD, 0x66, 2, 0x92, -1, VF(F_W), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VGATHERDPD, 0x66, 2, 0x92, -1, VF(F_W | F_VL), 0, 0, Y, R, MVX, RM, Y, V),
    mk(Mn::VGATHERQPS, 0x66, 2, 0x93, -1, VF(0), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VGATHERQPS, 0x66, 2, 0x93, -1, VF(F_VL), 0, 0, X, R, MVY, RM, X, V),
    mk(Mn::VGATHERQPD, 0x66, 2, 0x93, -1, VF(F_W), 0, 0, X, R, MVX, RM, X, V),
    mk(Mn::VGATHERQPD, 0x66, 2, 0x93, -1, VF(F_W | F_VL), 0, 0, Y, R, MVY, RM, Y, V),
    FMA3ALL(132, 0x96), FMA3ALL(213, 0xA6), FMA3ALL(231, 0xB6),
    FMA4(VFMADD, 0x68), FMA4(VFMSUB, 0x6C), FMA4(VFNMADD, 0x78), FMA4(VFNMSUB, 0x7C),
    FMA4P(VFMADDSUBPS, 0x5C), FMA4P(VFMADDSUBPD, 0x5D), FMA4P(VFMSUBADDPS, 0x5E), FMA4P(VFMSUBADDPD, 0x5F),

    // ---- BMI1 / BMI2 -------------------------------------------------------
    BMI(ANDN, 0, 2, 0xF2, -1, G, R, G, V, E, RM), BMI(BEXTR, 0, 2, 0xF7, -1, G, R, E, RM, G, V),
    mk(Mn::BLSR, 0, 2, 0xF3, 1, VF(0), 4, 0, G32, V, E32, RM),
    mk(Mn::BLSR, 0, 2, 0xF3, 1, VF(F_W), 8, 0, G64, V, E64, RM),
    mk(Mn::BLSMSK, 0, 2, 0xF3, 2, VF(0), 4, 0, G32, V, E32, RM),
    mk(Mn::BLSMSK, 0, 2, 0xF3, 2, VF(F_W), 8, 0, G64, V, E64, RM),
    mk(Mn::BLSI, 0, 2, 0xF3, 3, VF(0), 4, 0, G32, V, E32, RM),
    mk(Mn::BLSI, 0, 2, 0xF3, 3, VF(F_W), 8, 0, G64, V, E64, RM),
    BMI(BZHI, 0, 2, 0xF5, -1, G, R, E, RM, G, V), BMI(MULX, 0xF2, 2, 0xF6, -1, G, R, G, V, E, RM),
    BMI(PDEP, 0xF2, 2, 0xF5, -1, G, R, G, V, E, RM), BMI(PEXT, 0xF3, 2, 0xF5, -1, G, R, G, V, E, RM),
    mk(Mn::RORX, 0xF2, 3, 0xF0, -1, VF(0), 4, 0, G32, R, E32, RM, U8, I),
    mk(Mn::RORX, 0xF2, 3, 0xF0, -1, VF(F_W), 8, 0, G64, R, E64, RM, U8, I),
    BMI(SARX, 0xF3, 2, 0xF7, -1, G, R, E, RM, G, V), BMI(SHLX, 0x66, 2, 0xF7, -1, G, R, E, RM, G, V),
    BMI(SHRX, 0xF2, 2, 0xF7, -1, G, R, E, RM, G, V),

    // ---- x87 beyond the core -----------------------------------------------
    FIXED(FXAM, 0, 0, 0xD9, 0xE5), FIXED(FNCLEX, 0, 0, 0xDB, 0xE2), FIXED(FPATAN, 0, 0, 0xD9, 0xF3),
    FIXED(FSCALE, 0, 0, 0xD9, 0xFD), FIXED(F2XM1, 0, 0, 0xD9, 0xF0), FIXED(FYL2X, 0, 0, 0xD9, 0xF1),
    FIXED(FPTAN, 0, 0, 0xD9, 0xF2), FIXED(FXTRACT, 0, 0, 0xD9, 0xF4), FIXED(FPREM1, 0, 0, 0xD9, 0xF5),
    FIXED(FDECSTP, 0, 0, 0xD9, 0xF6), FIXED(FINCSTP, 0, 0, 0xD9, 0xF7), FIXED(FYL2XP1, 0, 0, 0xD9, 0xF9),
    FIXED(FSINCOS, 0, 0, 0xD9, 0xFB), FIXED(FSIN, 0, 0, 0xD9, 0xFE), FIXED(FCOS, 0, 0, 0xD9, 0xFF),
    FIXED(FTST, 0, 0, 0xD9, 0xE4), FIXED(FLDL2T, 0, 0, 0xD9, 0xE9), FIXED(FLDL2E, 0, 0, 0xD9, 0xEA),
    FIXED(FLDPI, 0, 0, 0xD9, 0xEB), FIXED(FLDLG2, 0, 0, 0xD9, 0xEC), FIXED(FLDLN2, 0, 0, 0xD9, 0xED),
    FIXED(FNOP, 0, 0, 0xD9, 0xD0), FIXED(FCOMPP, 0, 0, 0xDE, 0xD9),
    X87M(FNSTENV, 0xD9, 6, 0, M), X87M(FLDENV, 0xD9, 4, 0, M), X87M(FNSAVE, 0xDD, 6, 0, M),
    X87M(FRSTOR, 0xDD, 4, 0, M),
    X87S(FCMOVB, 0xDA, 0xC0, ST0, STI), X87S(FCMOVE, 0xDA, 0xC8, ST0, STI),
    X87S(FCMOVBE, 0xDA, 0xD0, ST0, STI), X87S(FCMOVU, 0xDA, 0xD8, ST0, STI),
    X87S(FCMOVNB, 0xDB, 0xC0, ST0, STI), X87S(FCMOVNE, 0xDB, 0xC8, ST0, STI),
    X87S(FCMOVNBE, 0xDB, 0xD0, ST0, STI), X87S(FCMOVNU, 0xDB, 0xD8, ST0, STI),
    X87S1(FUCOM, 0xDD, 0xE0), X87S1(FUCOMP, 0xDD, 0xE8), X87S1(FFREE, 0xDD, 0xC0),
    X87M(FCOM, 0xD8, 2, 4, M32), X87M(FCOM, 0xDC, 2, 8, M64), X87S1(FCOM, 0xD8, 0xD0),
    X87M(FCOMP, 0xD8, 3, 4, M32), X87M(FCOMP, 0xDC, 3, 8, M64), X87S1(FCOMP, 0xD8, 0xD8),
    X87M(FIADD, 0xDE, 0, 2, M16), X87M(FIADD, 0xDA, 0, 4, M32), X87M(FIMUL, 0xDE, 1, 2, M16),
    X87M(FIMUL, 0xDA, 1, 4, M32), X87M(FICOM, 0xDE, 2, 2, M16), X87M(FICOM, 0xDA, 2, 4, M32),
    X87M(FICOMP, 0xDE, 3, 2, M16), X87M(FICOMP, 0xDA, 3, 4, M32), X87M(FISUB, 0xDE, 4, 2, M16),
    X87M(FISUB, 0xDA, 4, 4, M32), X87M(FISUBR, 0xDE, 5, 2, M16), X87M(FISUBR, 0xDA, 5, 4, M32),
    X87M(FIDIV, 0xDE, 6, 2, M16), X87M(FIDIV, 0xDA, 6, 4, M32), X87M(FIDIVR, 0xDE, 7, 2, M16),
    X87M(FIDIVR, 0xDA, 7, 4, M32),

    // ---- System, prefetch, state save, TSX, random numbers -----------------
    FIXED(RDTSCP, 0, 1, 0x01, 0xF9), FIXED(XGETBV, 0, 1, 0x01, 0xD0), FIXED(XTEST, 0, 1, 0x01, 0xD6),
    FIXED(XEND, 0, 1, 0x01, 0xD5), FIXED(SERIALIZE, 0, 1, 0x01, 0xE8), FIXED(MONITOR, 0, 1, 0x01, 0xC8),
    FIXED(MWAIT, 0, 1, 0x01, 0xC9),
    mk(Mn::RDPMC, 0, 1, 0x33, -1, 0, 0, 0), mk(Mn::SYSENTER, 0, 1, 0x34, -1, 0, 0, 0),
    mk(Mn::INT, 0, 0, 0xCD, -1, 0, 0, 0, U8, I), mk(Mn::INT1, 0, 0, 0xF1, -1, 0, 0, 0),
    mk(Mn::XBEGIN, 0, 0, 0xC7, -1, F_FIXED | F_D64, 8, 0xF8, Rel32, L),
    mk(Mn::XABORT, 0, 0, 0xC6, -1, F_FIXED, 0, 0xF8, U8, I),
    mk(Mn::RDRAND, 0, 1, 0xC7, 6, F_OS16 | F_NOMEM, 2, 0, G16, RM),
    mk(Mn::RDRAND, 0, 1, 0xC7, 6, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::RDRAND, 0, 1, 0xC7, 6, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::RDSEED, 0, 1, 0xC7, 7, F_OS16 | F_NOMEM, 2, 0, G16, RM),
    mk(Mn::RDSEED, 0, 1, 0xC7, 7, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::RDSEED, 0, 1, 0xC7, 7, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::RDPID, 0xF3, 1, 0xC7, 7, F_NOMEM | F_D64, 8, 0, G64, RM),
    mk(Mn::CMPXCHG8B, 0, 1, 0xC7, 1, 0, 0, 0, M64, RM),
    // The REX.W ("64") forms come first: the decoder would take REX.W as
    // ignorable on the plain forms.
    mk(Mn::XSAVEC64, 0, 1, 0xC7, 4, F_W, 0, 0, M, RM), mk(Mn::XSAVEC, 0, 1, 0xC7, 4, 0, 0, 0, M, RM),
    mk(Mn::XRSTORS, 0, 1, 0xC7, 3, 0, 0, 0, M, RM), mk(Mn::XSAVES, 0, 1, 0xC7, 5, 0, 0, 0, M, RM),
    mk(Mn::PREFETCHNTA, 0, 1, 0x18, 0, 0, 0, 0, M8, RM), mk(Mn::PREFETCHT0, 0, 1, 0x18, 1, 0, 0, 0, M8, RM),
    mk(Mn::PREFETCHT1, 0, 1, 0x18, 2, 0, 0, 0, M8, RM), mk(Mn::PREFETCHT2, 0, 1, 0x18, 3, 0, 0, 0, M8, RM),
    mk(Mn::PREFETCHW, 0, 1, 0x0D, 1, 0, 0, 0, M8, RM),
    mk(Mn::FXSAVE64, 0, 1, 0xAE, 0, F_W, 0, 0, M, RM), mk(Mn::FXSAVE, 0, 1, 0xAE, 0, 0, 0, 0, M, RM),
    mk(Mn::FXRSTOR64, 0, 1, 0xAE, 1, F_W, 0, 0, M, RM), mk(Mn::FXRSTOR, 0, 1, 0xAE, 1, 0, 0, 0, M, RM),
    mk(Mn::XSAVE64, 0, 1, 0xAE, 4, F_W, 0, 0, M, RM), mk(Mn::XSAVE, 0, 1, 0xAE, 4, 0, 0, 0, M, RM),
    mk(Mn::XRSTOR64, 0, 1, 0xAE, 5, F_W, 0, 0, M, RM), mk(Mn::XRSTOR, 0, 1, 0xAE, 5, 0, 0, 0, M, RM),
    mk(Mn::XSAVEOPT, 0, 1, 0xAE, 6, 0, 0, 0, M, RM), mk(Mn::CLFLUSH, 0, 1, 0xAE, 7, 0, 0, 0, M8, RM),
    mk(Mn::CLFLUSHOPT, 0x66, 1, 0xAE, 7, 0, 0, 0, M8, RM), mk(Mn::CLWB, 0x66, 1, 0xAE, 6, 0, 0, 0, M8, RM),
    mk(Mn::RDFSBASE, 0xF3, 1, 0xAE, 0, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::RDFSBASE, 0xF3, 1, 0xAE, 0, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::RDGSBASE, 0xF3, 1, 0xAE, 1, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::RDGSBASE, 0xF3, 1, 0xAE, 1, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::WRFSBASE, 0xF3, 1, 0xAE, 2, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::WRFSBASE, 0xF3, 1, 0xAE, 2, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::WRGSBASE, 0xF3, 1, 0xAE, 3, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::WRGSBASE, 0xF3, 1, 0xAE, 3, F_W | F_NOMEM, 8, 0, G64, RM),
    GE(UD1, 0, 1, 0xB9, 0),
    X87S1(FFREEP, 0xDF, 0xC0), FIXED(RDPKRU, 0, 1, 0x01, 0xEE), FIXED(WRPKRU, 0, 1, 0x01, 0xEF),
    mk(Mn::JRCXZ, 0, 0, 0xE3, -1, F_D64, 8, 0, Rel8, L),
    // CET shadow stack (F3 prefix; checked before lfence / endbr64 forms).
    mk(Mn::INCSSPQ, 0xF3, 1, 0xAE, 5, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::INCSSPD, 0xF3, 1, 0xAE, 5, F_NOMEM, 4, 0, G32, RM),
    mk(Mn::RDSSPQ, 0xF3, 1, 0x1E, 1, F_W | F_NOMEM, 8, 0, G64, RM),
    mk(Mn::RDSSPD, 0xF3, 1, 0x1E, 1, F_NOMEM, 4, 0, G32, RM),

    // ---- AVX-512 (EVEX) and opmask instructions ----------------------------
    E2LS(VMOVDQU8, 0xF2, 0x6F, 0x7F, 0), E2LS(VMOVDQU16, 0xF2, 0x6F, 0x7F, F_W),
    E2LS(VMOVDQU32, 0xF3, 0x6F, 0x7F, 0), E2LS(VMOVDQU64, 0xF3, 0x6F, 0x7F, F_W),
    E2LS(VMOVDQA32, 0x66, 0x6F, 0x7F, 0), E2LS(VMOVDQA64, 0x66, 0x6F, 0x7F, F_W),
    E2LS(VMOVUPS, 0, 0x10, 0x11, 0), E2LS(VMOVUPD, 0x66, 0x10, 0x11, F_W),
    E2LS(VMOVAPS, 0, 0x28, 0x29, 0), E2LS(VMOVAPD, 0x66, 0x28, 0x29, F_W),
    mk(Mn::VMOVNTDQ, 0x66, 1, 0xE7, -1, EF(0), 0, 0, M128, RM, X, R),
    mk(Mn::VMOVNTDQ, 0x66, 1, 0xE7, -1, EF(F_VL), 0, 0, M256, RM, Y, R),
    mk(Mn::VMOVNTDQ, 0x66, 1, 0xE7, -1, EF(F_VL512), 0, 0, M512, RM, Z, R),
    mk(Mn::VMOVNTDQA, 0x66, 2, 0x2A, -1, EF(0), 0, 0, X, R, M128, RM),
    mk(Mn::VMOVNTDQA, 0x66, 2, 0x2A, -1, EF(F_VL), 0, 0, Y, R, M256, RM),
    mk(Mn::VMOVNTDQA, 0x66, 2, 0x2A, -1, EF(F_VL512), 0, 0, Z, R, M512, RM),
    mk(Mn::VMOVD, 0x66, 1, 0x6E, -1, EF(0), 4, 4, X, R, E32, RM),
    mk(Mn::VMOVD, 0x66, 1, 0x7E, -1, EF(0), 4, 4, E32, RM, X, R),
    // EVEX vmovq: GNU as loads and stores memory with 6E / 7E (W1).
    mk(Mn::VMOVQ, 0x66, 1, 0x6E, -1, EF(F_W), 8, 8, X, R, E64, RM),
    mk(Mn::VMOVQ, 0x66, 1, 0x7E, -1, EF(F_W), 8, 8, E64, RM, X, R),
    mk(Mn::VMOVQ, 0xF3, 1, 0x7E, -1, EF(F_W), 0, 8, X, R, XM64, RM),
    mk(Mn::VMOVQ, 0x66, 1, 0xD6, -1, EF(F_W | F_DISASM_ONLY), 0, 8, XM64, RM, X, R),
    EK3(VPCMPEQB, 0x66, 1, 0x74, F_WIG, 0), EK3(VPCMPEQW, 0x66, 1, 0x75, F_WIG, 0),
    EK3(VPCMPEQD, 0x66, 1, 0x76, F_BCST, 4), EK3(VPCMPEQQ, 0x66, 2, 0x29, F_W | F_BCST, 8),
    EK3(VPCMPGTB, 0x66, 1, 0x64, F_WIG, 0), EK3(VPCMPGTW, 0x66, 1, 0x65, F_WIG, 0),
    EK3(VPCMPGTD, 0x66, 1, 0x66, F_BCST, 4), EK3(VPCMPGTQ, 0x66, 2, 0x37, F_W | F_BCST, 8),
    EK3(VPTESTMB, 0x66, 2, 0x26, 0, 0), EK3(VPTESTMW, 0x66, 2, 0x26, F_W, 0),
    EK3(VPTESTMD, 0x66, 2, 0x27, F_BCST, 4), EK3(VPTESTMQ, 0x66, 2, 0x27, F_W | F_BCST, 8),
    EK3(VPTESTNMB, 0xF3, 2, 0x26, 0, 0), EK3(VPTESTNMW, 0xF3, 2, 0x26, F_W, 0),
    EK3(VPTESTNMD, 0xF3, 2, 0x27, F_BCST, 4), EK3(VPTESTNMQ, 0xF3, 2, 0x27, F_W | F_BCST, 8),
    EK3I(VPCMPB, 0x66, 3, 0x3F, 0, 0), EK3I(VPCMPUB, 0x66, 3, 0x3E, 0, 0),
    EK3I(VPCMPW, 0x66, 3, 0x3F, F_W, 0), EK3I(VPCMPUW, 0x66, 3, 0x3E, F_W, 0),
    EK3I(VPCMPD, 0x66, 3, 0x1F, F_BCST, 4), EK3I(VPCMPUD, 0x66, 3, 0x1E, F_BCST, 4),
    EK3I(VPCMPQ, 0x66, 3, 0x1F, F_W | F_BCST, 8), EK3I(VPCMPUQ, 0x66, 3, 0x1E, F_W | F_BCST, 8),
    E3(VPXORD, 0x66, 1, 0xEF, F_BCST, 4), E3(VPXORQ, 0x66, 1, 0xEF, F_W | F_BCST, 8),
    E3(VPORD, 0x66, 1, 0xEB, F_BCST, 4), E3(VPORQ, 0x66, 1, 0xEB, F_W | F_BCST, 8),
    E3(VPANDD, 0x66, 1, 0xDB, F_BCST, 4), E3(VPANDQ, 0x66, 1, 0xDB, F_W | F_BCST, 8),
    E3(VPANDND, 0x66, 1, 0xDF, F_BCST, 4), E3(VPANDNQ, 0x66, 1, 0xDF, F_W | F_BCST, 8),
    E3(VPADDB, 0x66, 1, 0xFC, F_WIG, 0), E3(VPADDW, 0x66, 1, 0xFD, F_WIG, 0),
    E3(VPADDD, 0x66, 1, 0xFE, F_BCST, 4), E3(VPADDQ, 0x66, 1, 0xD4, F_W | F_BCST, 8),
    E3(VPSUBB, 0x66, 1, 0xF8, F_WIG, 0), E3(VPSUBW, 0x66, 1, 0xF9, F_WIG, 0),
    E3(VPSUBD, 0x66, 1, 0xFA, F_BCST, 4), E3(VPSUBQ, 0x66, 1, 0xFB, F_W | F_BCST, 8),
    E3(VPMINUB, 0x66, 1, 0xDA, F_WIG, 0), E3(VPMINUW, 0x66, 2, 0x3A, F_WIG, 0),
    E3(VPMINUD, 0x66, 2, 0x3B, F_BCST, 4), E3(VPMINUQ, 0x66, 2, 0x3B, F_W | F_BCST, 8),
    E3(VPMAXUB, 0x66, 1, 0xDE, F_WIG, 0), E3(VPMAXUD, 0x66, 2, 0x3F, F_BCST, 4),
    E3(VPMAXUQ, 0x66, 2, 0x3F, F_W | F_BCST, 8),
    E3(VPSHUFB, 0x66, 2, 0x00, F_WIG, 0),
    E3I(VPTERNLOGD, 0x66, 3, 0x25, F_BCST, 4), E3I(VPTERNLOGQ, 0x66, 3, 0x25, F_W | F_BCST, 8),
    EBC(VPBROADCASTB, 0x78, 0, XM8, 1), EBC(VPBROADCASTW, 0x79, 0, XM16, 2),
    EBC(VPBROADCASTD, 0x58, 0, XM32, 4), EBC(VPBROADCASTQ, 0x59, F_W, XM64, 8),
    EBCG(VPBROADCASTB, 0x7A, 0, G32), EBCG(VPBROADCASTW, 0x7B, 0, G32), EBCG(VPBROADCASTD, 0x7C, 0, G32),
    EBCG(VPBROADCASTQ, 0x7C, F_W, G64),
    EBC(VBROADCASTSS, 0x18, 0, XM32, 4),
    // Opmask registers (VEX-encoded).
    mk(Mn::KMOVW, 0, 1, 0x90, -1, VF(0), 0, 0, KR, R, KR, RM), mk(Mn::KMOVW, 0, 1, 0x90, -1, VF(0), 0, 0, KR, R, M16, RM),
    mk(Mn::KMOVW, 0, 1, 0x91, -1, VF(0), 0, 0, M16, RM, KR, R),
    mk(Mn::KMOVW, 0, 1, 0x92, -1, VF(F_NOMEM), 4, 0, KR, R, G32, RM),
    mk(Mn::KMOVW, 0, 1, 0x93, -1, VF(F_NOMEM), 4, 0, G32, R, KR, RM),
    mk(Mn::KMOVB, 0x66, 1, 0x90, -1, VF(0), 0, 0, KR, R, KR, RM), mk(Mn::KMOVB, 0x66, 1, 0x90, -1, VF(0), 0, 0, KR, R, M8, RM),
    mk(Mn::KMOVB, 0x66, 1, 0x91, -1, VF(0), 0, 0, M8, RM, KR, R),
    mk(Mn::KMOVB, 0x66, 1, 0x92, -1, VF(F_NOMEM), 4, 0, KR, R, G32, RM),
    mk(Mn::KMOVB, 0x66, 1, 0x93, -1, VF(F_NOMEM), 4, 0, G32, R, KR, RM),
    mk(Mn::KMOVD, 0x66, 1, 0x90, -1, VF(F_W), 0, 0, KR, R, KR, RM), mk(Mn::KMOVD, 0x66, 1, 0x90, -1, VF(F_W), 0, 0, KR, R, M32, RM),
    mk(Mn::KMOVD, 0x66, 1, 0x91, -1, VF(F_W), 0, 0, M32, RM, KR, R),
    mk(Mn::KMOVD, 0xF2, 1, 0x92, -1, VF(F_NOMEM), 4, 0, KR, R, G32, RM),
    mk(Mn::KMOVD, 0xF2, 1, 0x93, -1, VF(F_NOMEM), 4, 0, G32, R, KR, RM),
    mk(Mn::KMOVQ, 0, 1, 0x90, -1, VF(F_W), 0, 0, KR, R, KR, RM), mk(Mn::KMOVQ, 0, 1, 0x90, -1, VF(F_W), 0, 0, KR, R, M64, RM),
    mk(Mn::KMOVQ, 0, 1, 0x91, -1, VF(F_W), 0, 0, M64, RM, KR, R),
    mk(Mn::KMOVQ, 0xF2, 1, 0x92, -1, VF(F_W | F_NOMEM), 8, 0, KR, R, G64, RM),
    mk(Mn::KMOVQ, 0xF2, 1, 0x93, -1, VF(F_W | F_NOMEM), 8, 0, G64, R, KR, RM),
    KOP(KORTESTB, KORTESTW, KORTESTD, KORTESTQ, 0x98, 0, K2), KOP(KTESTB, KTESTW, KTESTD, KTESTQ, 0x99, 0, K2),
    KOP(KNOTB, KNOTW, KNOTD, KNOTQ, 0x44, 0, K2),
    KOP(KANDB, KANDW, KANDD, KANDQ, 0x41, F_VL, K3), KOP(KANDNB, KANDNW, KANDND, KANDNQ, 0x42, F_VL, K3),
    KOP(KORB, KORW, KORD, KORQ, 0x45, F_VL, K3), KOP(KXNORB, KXNORW, KXNORD, KXNORQ, 0x46, F_VL, K3),
    KOP(KXORB, KXORW, KXORD, KXORQ, 0x47, F_VL, K3),
    K3(KUNPCKBW, 0x66, 0x4B, F_VL), K3(KUNPCKWD, 0, 0x4B, F_VL), K3(KUNPCKDQ, 0, 0x4B, F_VL | F_W),
};

constexpr size_t kNumForms = sizeof kForms / sizeof kForms[0];

// How many opcode bytes a form occupies in the index: 16 for condition
// forms, 8 for register-in-opcode forms, 1 otherwise.
constexpr unsigned span_of(const Form& f) {
  if (f.flags & F_CC) return 16;
  for (Enc e : f.enc)
    if (e == Enc::OpReg) return 8;
  return 1;
}

// Index maps: 0..3 legacy (none, 0F, 0F 38, 0F 3A), 4..6 VEX and 7..9
// EVEX (0F, 0F 38, 0F 3A).
constexpr unsigned index_map(const Form& f) {
  return (f.flags & F_EVEX) ? f.map + 6u : (f.flags & F_VEX) ? f.map + 3u : f.map;
}
constexpr unsigned kIndexMaps = 10;

constexpr size_t index_entries() {
  size_t n = 0;
  for (const Form& f : kForms) n += span_of(f);
  return n;
}

struct Index {
  std::array<u16, kIndexMaps * 256 + 1> start{};
  std::array<u16, index_entries()> list{};
};

constexpr Index build_index() {
  Index ix;
  std::array<u16, kIndexMaps * 256> count{};
  for (const Form& f : kForms)
    for (unsigned k = 0; k < span_of(f); k++) count[index_map(f) * 256 + ((f.op + k) & 0xff)]++;
  u16 pos = 0;
  for (size_t i = 0; i < count.size(); i++) {
    ix.start[i] = pos;
    pos = static_cast<u16>(pos + count[i]);
  }
  ix.start[count.size()] = pos;
  std::array<u16, kIndexMaps * 256> fillp{};
  for (size_t i = 0; i < count.size(); i++) fillp[i] = ix.start[i];
  for (size_t fi = 0; fi < kNumForms; fi++) {
    const Form& f = kForms[fi];
    for (unsigned k = 0; k < span_of(f); k++) {
      size_t key = index_map(f) * 256 + ((f.op + k) & 0xff);
      ix.list[fillp[key]++] = static_cast<u16>(fi);
    }
  }
  return ix;
}

constexpr Index kIndex = build_index();
static_assert(kNumForms < 65536, "form indices are 16-bit");

// Forms of each mnemonic, in table order (the encoder's lookup).
struct MnIndex {
  std::array<u16, size_t(Mn::Count) + 1> start{};
  std::array<u16, kNumForms> list{};
};

constexpr MnIndex build_mn_index() {
  MnIndex ix;
  std::array<u16, size_t(Mn::Count)> count{};
  for (const Form& f : kForms) count[size_t(f.mn)]++;
  u16 pos = 0;
  for (size_t i = 0; i < count.size(); i++) {
    ix.start[i] = pos;
    pos = static_cast<u16>(pos + count[i]);
  }
  ix.start[count.size()] = pos;
  std::array<u16, size_t(Mn::Count)> fillp{};
  for (size_t i = 0; i < count.size(); i++) fillp[i] = ix.start[i];
  for (size_t fi = 0; fi < kNumForms; fi++) ix.list[fillp[size_t(kForms[fi].mn)]++] = static_cast<u16>(fi);
  return ix;
}

constexpr MnIndex kMnIndex = build_mn_index();

constexpr std::array<FormNeed, kNumForms> build_needs() {
  std::array<FormNeed, kNumForms> n{};
  for (size_t i = 0; i < kNumForms; i++)
    for (int k = 0; k < 4; k++) n[i].need[k] = form_need(kForms[i], k);
  return n;
}
constexpr std::array<FormNeed, kNumForms> kNeeds = build_needs();
static_assert(unsigned(OT::KR) < kBitI8S16, "operand types overlap the size bits");

}  // namespace

std::span<const Form> forms() { return kForms; }
std::span<const FormNeed> form_needs() { return kNeeds; }

std::span<const u16> forms_of(Mn m) {
  size_t k = size_t(m);
  return std::span<const u16>(kMnIndex.list.data() + kMnIndex.start[k], kMnIndex.start[k + 1] - kMnIndex.start[k]);
}

std::span<const u16> forms_for(unsigned map, u8 op) {
  if (map >= kIndexMaps) return {};
  size_t key = map * 256 + op;
  return std::span<const u16>(kIndex.list.data() + kIndex.start[key],
                              kIndex.start[key + 1] - kIndex.start[key]);
}

}  // namespace cfree::x86
