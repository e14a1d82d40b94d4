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

constexpr Form mk(Mn m, u8 pfx, u8 map, u8 op, int ext, u16 fl, u8 sz, u8 mrm, OT a = OT::None,
                  Enc ea = Enc::None, OT b = OT::None, Enc eb = Enc::None, OT c = OT::None,
                  Enc ec = Enc::None) {
  return Form{m, pfx, map, op, static_cast<i8>(ext), fl, {a, b, c}, {ea, eb, ec}, sz, mrm};
}

constexpr Enc R = Enc::Reg, RM = Enc::Rm, O = Enc::OpReg, I = Enc::Imm, L = Enc::Rel,
              IM = Enc::Implicit;
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

struct Index {
  std::array<u16, 4 * 256 + 1> start{};
  std::array<u16, 4096> list{};
};

constexpr Index build_index() {
  Index ix;
  std::array<u16, 4 * 256> count{};
  for (const Form& f : kForms)
    for (unsigned k = 0; k < span_of(f); k++) count[f.map * 256 + ((f.op + k) & 0xff)]++;
  u16 pos = 0;
  for (size_t i = 0; i < count.size(); i++) {
    ix.start[i] = pos;
    pos = static_cast<u16>(pos + count[i]);
  }
  ix.start[count.size()] = pos;
  std::array<u16, 4 * 256> fillp{};
  for (size_t i = 0; i < count.size(); i++) fillp[i] = ix.start[i];
  for (size_t fi = 0; fi < kNumForms; fi++) {
    const Form& f = kForms[fi];
    for (unsigned k = 0; k < span_of(f); k++) {
      size_t key = f.map * 256 + ((f.op + k) & 0xff);
      ix.list[fillp[key]++] = static_cast<u16>(fi);
    }
  }
  return ix;
}

constexpr Index kIndex = build_index();
static_assert(kIndex.start[4 * 256] <= 4096, "grow Index::list");

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
    for (int k = 0; k < 3; k++) n[i].need[k] = form_need(kForms[i], k);
  return n;
}
constexpr std::array<FormNeed, kNumForms> kNeeds = build_needs();
static_assert(unsigned(OT::Rel32) < kBitI8S16, "operand types overlap the size bits");

}  // namespace

std::span<const Form> forms() { return kForms; }
std::span<const FormNeed> form_needs() { return kNeeds; }

std::span<const u16> forms_of(Mn m) {
  size_t k = size_t(m);
  return std::span<const u16>(kMnIndex.list.data() + kMnIndex.start[k], kMnIndex.start[k + 1] - kMnIndex.start[k]);
}

std::span<const u16> forms_for(unsigned map, u8 op) {
  size_t key = map * 256 + op;
  return std::span<const u16>(kIndex.list.data() + kIndex.start[key],
                              kIndex.start[key + 1] - kIndex.start[key]);
}

}  // namespace cfree::x86
