// cg_arith.cpp: x86-64 arithmetic, comparisons, conversions and branches
// (integer ops on GPRs, SSE scalar float ops, x87 for long double; Intel
// SDM vol. 2 for each instruction's flag behaviour).
//
// Float compares use ucomiss/ucomisd (or fucomip), whose unordered result
// sets ZF, PF and CF: the ordered `<`/`<=` are done as `>`/`>=` with the
// operands swapped (`a` and `ae` are false on unordered), `==` needs ZF and
// not PF, `!=` is ZF clear or PF set.
#include "arch/x86_64/cg.h"

#include <algorithm>

namespace cfree::x86 {

Cond int_cond(CfreeCmp c) {
  switch (c) {
    case CFREE_CMP_EQ: return Cond::E;
    case CFREE_CMP_NE: return Cond::NE;
    case CFREE_CMP_SLT: return Cond::L;
    case CFREE_CMP_SLE: return Cond::LE;
    case CFREE_CMP_SGT: return Cond::G;
    case CFREE_CMP_SGE: return Cond::GE;
    case CFREE_CMP_ULT: return Cond::B;
    case CFREE_CMP_ULE: return Cond::BE;
    case CFREE_CMP_UGT: return Cond::A;
    case CFREE_CMP_UGE: return Cond::AE;
    default: return Cond::E;
  }
}

static bool fits32(i64 v) { return v >= INT32_MIN && v <= INT32_MAX; }

// Flags for a (a register) against b.
void X86CG::int_cmp_flags(MT t, Opd a, Opd b) {
  unsigned sz = isz(t);
  Reg ra = R(a.reg, sz);
  if (b.kind == OK::Imm && (sz == 4 || fits32(b.off))) {
    i64 v = b.off;
    if (sz == 4) {
      // Same normalisation as the register holds.
      switch (t) {
        case MT::S8: v = static_cast<i8>(v); break;
        case MT::U8: v = static_cast<u8>(v); break;
        case MT::S16: v = static_cast<i16>(v); break;
        case MT::U16: v = static_cast<u16>(v); break;
        default: v = static_cast<i32>(v); break;
      }
    }
    if (v == 0) e_.op(Mn::TEST, reg(ra), reg(ra));
    else e_.op(Mn::CMP, reg(ra), imm(v));
    return;
  }
  if (b.kind == OK::Reg) {
    e_.op(Mn::CMP, reg(ra), reg(R(b.reg, sz)));
    return;
  }
  if (b.is_mem() && mt_size(t) >= 4) {
    e_.op(Mn::CMP, reg(ra), mem(b, sz));
    return;
  }
  get(Reg::RCX, t, b);
  e_.op(Mn::CMP, reg(ra), reg(resize(Reg::RCX, sz)));
}

// Flags for a float compare; with swap, compares b against a.
void X86CG::sse_cmp_flags(MT t, Opd a, Opd b, bool swap) {
  if (t == MT::F80) {
    // fucomip compares st0 with st1: load the second operand first.
    x87_load(t, swap ? a : b);
    x87_load(t, swap ? b : a);
    e_.op(Mn::FUCOMIP, reg(Reg::ST0), reg(Reg::ST1));
    e_.op(Mn::FSTP, reg(Reg::ST0));
    return;
  }
  Mn ucom = t == MT::F32 ? Mn::UCOMISS : Mn::UCOMISD;
  Opd x = swap ? b : a, y = swap ? a : b;
  Reg rx;
  if (x.kind == OK::Reg && is_xmm(Reg(x.reg))) {
    rx = Reg(x.reg);
  } else {
    get(Reg::XMM0, t, x);
    rx = Reg::XMM0;
  }
  if (y.kind == OK::Reg && is_xmm(Reg(y.reg))) {
    e_.op(ucom, reg(rx), reg(Reg(y.reg)));
  } else if (y.is_mem()) {
    e_.op(ucom, reg(rx), mem(y, t == MT::F32 ? 4 : 8));
  } else {
    get(Reg::XMM1, t, y);
    e_.op(ucom, reg(rx), reg(Reg::XMM1));
  }
}

// rax:rdx = a 128-bit operand (register pair, constant or memory).
void X86CG::get128(Reg lo, Reg hi, Opd v) {
  if (v.kind == OK::Imm) {
    mov_imm(lo, v.off);
    mov_imm(hi, static_cast<i64>(v.hi));
  } else if (v.kind == OK::Reg) {
    e_.op(Mn::MOV, reg(lo), reg(R(v.reg, 8)));
    e_.op(Mn::MOV, reg(hi), reg(R(v.reg2, 8)));
  } else {
    e_.op(Mn::MOV, reg(lo), mem(v, 8));
    e_.op(Mn::MOV, reg(hi), mem(v.plus(8), 8));
  }
}

// 128-bit multiply and shifts inline; division through libgcc's helpers.
void X86CG::binop128(BinOp op, Opd dst, Opd a, Opd b) {
  Reg dl = R(dst.reg, 8), dh = R(dst.reg2, 8);
  switch (op) {
    case BinOp::Mul:
      get128(Reg::R11, Reg::RCX, b);
      move(MT::U128, dst, a);
      e_.op(Mn::IMUL, reg(Reg::RCX), reg(dl));       // a.lo * b.hi
      e_.op(Mn::MOV, reg(Reg::RAX), reg(dh));
      e_.op(Mn::IMUL, reg(Reg::RAX), reg(Reg::R11));  // a.hi * b.lo
      e_.op(Mn::ADD, reg(Reg::RCX), reg(Reg::RAX));
      e_.op(Mn::MOV, reg(Reg::RAX), reg(dl));
      e_.op(Mn::MUL, reg(Reg::R11));                  // rdx:rax = a.lo * b.lo
      e_.op(Mn::ADD, reg(Reg::RDX), reg(Reg::RCX));
      e_.op(Mn::MOV, reg(dl), reg(Reg::RAX));
      e_.op(Mn::MOV, reg(dh), reg(Reg::RDX));
      return;
    case BinOp::Shl:
    case BinOp::LShr:
    case BinOp::AShr: {
      if (b.kind == OK::Imm) mov_imm(Reg::ECX, b.off & 127);
      else if (b.kind == OK::Reg) e_.op(Mn::MOV, reg(Reg::ECX), reg(R(b.reg, 4)));
      else e_.op(Mn::MOVZX, reg(Reg::ECX), mem(b, 1));
      get128(Reg::RAX, Reg::RDX, a);
      MCLabel done = mc_.label_new();
      if (op == BinOp::Shl) {
        e_.op(Mn::SHLD, reg(Reg::RDX), reg(Reg::RAX), reg(Reg::CL));
        e_.op(Mn::SHL, reg(Reg::RAX), reg(Reg::CL));
        e_.op(Mn::TEST, reg(Reg::CL), imm(64));
        e_.jcc(Cond::E, done);
        e_.op(Mn::MOV, reg(Reg::RDX), reg(Reg::RAX));
        e_.op(Mn::XOR, reg(Reg::EAX), reg(Reg::EAX));
      } else {
        e_.op(Mn::SHRD, reg(Reg::RAX), reg(Reg::RDX), reg(Reg::CL));
        e_.op(op == BinOp::LShr ? Mn::SHR : Mn::SAR, reg(Reg::RDX), reg(Reg::CL));
        e_.op(Mn::TEST, reg(Reg::CL), imm(64));
        e_.jcc(Cond::E, done);
        e_.op(Mn::MOV, reg(Reg::RAX), reg(Reg::RDX));
        if (op == BinOp::LShr) e_.op(Mn::XOR, reg(Reg::EDX), reg(Reg::EDX));
        else e_.op(Mn::SAR, reg(Reg::RDX), imm(63));
      }
      mc_.label_place(done);
      e_.op(Mn::MOV, reg(dl), reg(Reg::RAX));
      e_.op(Mn::MOV, reg(dh), reg(Reg::RDX));
      return;
    }
    default: {
      const char* fn = op == BinOp::SDiv ? "__divti3" : op == BinOp::UDiv ? "__udivti3"
                     : op == BinOp::SRem ? "__modti3" : "__umodti3";
      // Save the live allocatable registers (all caller-saved) around the call.
      std::vector<Reg> saved;
      for (Reg r : {Reg::RDI, Reg::RSI, Reg::R8, Reg::R9, Reg::R10})
        if (used_ & (1u << reg_num(r))) saved.push_back(r);
      for (Reg r : saved) e_.op(Mn::PUSH, reg(r));
      u32 xmm_bytes = 0;
      for (unsigned n = 2; n < 16; n++)
        if (used_ & (1u << (16 + n))) xmm_bytes += 16;
      u32 pad = ((saved.size() * 8 + xmm_bytes) % 16) ? 8 : 0;
      if (xmm_bytes + pad) e_.op(Mn::SUB, reg(Reg::RSP), imm(xmm_bytes + pad));
      u32 xo = 0;
      for (unsigned n = 2; n < 16; n++)
        if (used_ & (1u << (16 + n))) {
          e_.op(Mn::MOVUPS, x86::mem(16, Reg::RSP, xo), reg(make_reg(RegClass::Xmm, n)));
          xo += 16;
        }
      // Operands through the stack (their registers are argument registers).
      get128(Reg::RAX, Reg::RDX, a);
      e_.op(Mn::PUSH, reg(Reg::RDX));
      e_.op(Mn::PUSH, reg(Reg::RAX));
      get128(Reg::RAX, Reg::RDX, b);
      e_.op(Mn::MOV, reg(Reg::RCX), reg(Reg::RDX));
      e_.op(Mn::MOV, reg(Reg::RDX), reg(Reg::RAX));
      e_.op(Mn::POP, reg(Reg::RDI));
      e_.op(Mn::POP, reg(Reg::RSI));
      ObjSymId s = ob_.global(ob_.syms().intern(fn));
      e_.call(s, RelocKind::Plt32);
      xo = 0;
      for (unsigned n = 2; n < 16; n++)
        if (used_ & (1u << (16 + n))) {
          e_.op(Mn::MOVUPS, reg(make_reg(RegClass::Xmm, n)), x86::mem(16, Reg::RSP, xo));
          xo += 16;
        }
      if (xmm_bytes + pad) e_.op(Mn::ADD, reg(Reg::RSP), imm(xmm_bytes + pad));
      for (size_t i = saved.size(); i-- > 0;) e_.op(Mn::POP, reg(saved[i]));
      e_.op(Mn::MOV, reg(dl), reg(Reg::RAX));
      e_.op(Mn::MOV, reg(dh), reg(Reg::RDX));
      return;
    }
  }
}

void X86CG::binop(BinOp op, MT t, Opd dst, Opd a, Opd b) {
  if (t == MT::F80) {
    x87_load(t, a);
    x87_load(t, b);
    Mn m = op == BinOp::FAdd ? Mn::FADDP : op == BinOp::FSub ? Mn::FSUBRP : op == BinOp::FMul ? Mn::FMULP : Mn::FDIVRP;
    // st1 = a, st0 = b.  The encoder follows GNU as's AT&T naming (encode.h):
    // FSUBRP st1, st0 (DE E9) computes st1 = st1 - st0 = a - b, then pops;
    // FSUBP would compute b - a.  Likewise FDIVRP.
    e_.op(m, reg(Reg::ST1), reg(Reg::ST0));
    x87_store(dst);
    return;
  }
  if (mt_is_float(t)) {
    Reg d = Reg(dst.reg);
    Mn m;
    bool s = t == MT::F32;
    switch (op) {
      case BinOp::FAdd: m = s ? Mn::ADDSS : Mn::ADDSD; break;
      case BinOp::FSub: m = s ? Mn::SUBSS : Mn::SUBSD; break;
      case BinOp::FMul: m = s ? Mn::MULSS : Mn::MULSD; break;
      default: m = s ? Mn::DIVSS : Mn::DIVSD; break;
    }
    // b may live in d: keep it in xmm1 first.
    Operand ob;
    if (b.kind == OK::Reg && is_xmm(Reg(b.reg))) {
      if (Reg(b.reg) == d && !(a.kind == OK::Reg && Reg(a.reg) == d)) {
        e_.op(Mn::MOVAPS, reg(Reg::XMM1), reg(d));
        ob = reg(Reg::XMM1);
      } else {
        ob = reg(Reg(b.reg));
      }
    } else if (b.is_mem()) {
      ob = mem(b, s ? 4 : 8);
    } else {
      get(Reg::XMM1, t, b);
      ob = reg(Reg::XMM1);
    }
    get(d, t, a);
    e_.op(m, reg(d), ob);
    return;
  }
  if (t == MT::S128 || t == MT::U128) {
    Reg dl = R(dst.reg, 8), dh = R(dst.reg2, 8);
    Mn lo, hi;
    switch (op) {
      case BinOp::Add: lo = Mn::ADD; hi = Mn::ADC; break;
      case BinOp::Sub: lo = Mn::SUB; hi = Mn::SBB; break;
      case BinOp::And: lo = hi = Mn::AND; break;
      case BinOp::Or: lo = hi = Mn::OR; break;
      case BinOp::Xor: lo = hi = Mn::XOR; break;
      default:
        binop128(op, dst, a, b);
        return;
    }
    // rax:rdx = b
    if (b.kind == OK::Imm) {
      mov_imm(Reg::RAX, b.off);
      mov_imm(Reg::RDX, static_cast<i64>(b.hi));
    } else if (b.kind == OK::Reg) {
      e_.op(Mn::MOV, reg(Reg::RAX), reg(R(b.reg, 8)));
      e_.op(Mn::MOV, reg(Reg::RDX), reg(R(b.reg2, 8)));
    } else {
      e_.op(Mn::MOV, reg(Reg::RAX), mem(b, 8));
      e_.op(Mn::MOV, reg(Reg::RDX), mem(b.plus(8), 8));
    }
    move(t, dst, a);
    e_.op(lo, reg(dl), reg(Reg::RAX));
    e_.op(hi, reg(dh), reg(Reg::RDX));
    return;
  }
  unsigned sz = isz(t);
  Reg d = R(dst.reg, sz);
  auto operand_b = [&](Reg scratch) -> Operand {
    if (b.kind == OK::Imm) {
      i64 v = sz == 4 ? static_cast<i32>(b.off) : b.off;
      if (fits32(v)) return imm(v);
      mov_imm(resize(scratch, 8), v);
      return reg(resize(scratch, sz));
    }
    if (b.kind == OK::Reg) return reg(R(b.reg, sz));
    if (mt_size(t) >= 4) return mem(b, sz);
    get(scratch, t, b);
    return reg(resize(scratch, sz));
  };
  switch (op) {
    case BinOp::Add: case BinOp::Sub: case BinOp::And: case BinOp::Or: case BinOp::Xor: {
      Mn m = op == BinOp::Add ? Mn::ADD : op == BinOp::Sub ? Mn::SUB : op == BinOp::And ? Mn::AND
           : op == BinOp::Or ? Mn::OR : Mn::XOR;
      if (b.kind == OK::Reg && reg_num(Reg(b.reg)) == reg_num(d) && !(a.kind == OK::Reg && a.reg == dst.reg)) {
        get(Reg::RCX, t, b);
        b = Opd::r(static_cast<CGReg>(Reg::RCX));
      }
      Operand ob = operand_b(Reg::RCX);
      get(resize(d, 8), t, a);
      e_.op(m, reg(d), ob);
      break;
    }
    case BinOp::Mul: {
      if (b.kind == OK::Reg && reg_num(Reg(b.reg)) == reg_num(d) && !(a.kind == OK::Reg && a.reg == dst.reg)) {
        get(Reg::RCX, t, b);
        b = Opd::r(static_cast<CGReg>(Reg::RCX));
      }
      if (b.kind == OK::Imm && fits32(sz == 4 ? static_cast<i32>(b.off) : b.off)) {
        get(resize(d, 8), t, a);
        e_.op(Mn::IMUL, reg(d), reg(d), imm(sz == 4 ? static_cast<i32>(b.off) : b.off));
      } else {
        Operand ob = operand_b(Reg::RCX);
        get(resize(d, 8), t, a);
        e_.op(Mn::IMUL, reg(d), ob);
      }
      break;
    }
    case BinOp::SDiv: case BinOp::UDiv: case BinOp::SRem: case BinOp::URem: {
      bool sgn = op == BinOp::SDiv || op == BinOp::SRem;
      Operand ob;
      if (b.kind == OK::Imm || (b.is_mem() && mt_size(t) < 4)) {
        get(Reg::RCX, t, b);
        ob = reg(resize(Reg::RCX, sz));
      } else {
        ob = b.kind == OK::Reg ? reg(R(b.reg, sz)) : mem(b, sz);
      }
      get(Reg::RAX, t, a);
      if (sgn) e_.op(sz == 4 ? Mn::CDQ : Mn::CQO);
      else e_.op(Mn::XOR, reg(Reg::EDX), reg(Reg::EDX));
      e_.op(sgn ? Mn::IDIV : Mn::DIV, ob);
      bool rem = op == BinOp::SRem || op == BinOp::URem;
      e_.op(Mn::MOV, reg(d), reg(resize(rem ? Reg::RDX : Reg::RAX, sz)));
      break;
    }
    case BinOp::Shl: case BinOp::LShr: case BinOp::AShr: {
      Mn m = op == BinOp::Shl ? Mn::SHL : op == BinOp::LShr ? Mn::SHR : Mn::SAR;
      if (b.kind == OK::Imm) {
        get(resize(d, 8), t, a);
        e_.op(m, reg(d), imm(b.off & (sz * 8 - 1)));
      } else {
        if (b.kind == OK::Reg) e_.op(Mn::MOV, reg(Reg::ECX), reg(R(b.reg, 4)));
        else e_.op(Mn::MOVZX, reg(Reg::ECX), mem(b, 1));
        get(resize(d, 8), t, a);
        e_.op(m, reg(d), reg(Reg::CL));
      }
      break;
    }
    default:
      CFREE_UNREACHABLE("x86: float op on integer type");
  }
  if (mt_size(t) < 4) extend(d, t);
}

void X86CG::unop(UnOp op, MT t, Opd dst, Opd a) {
  if (t == MT::F80) {
    x87_load(t, a);
    e_.op(Mn::FCHS);
    x87_store(dst);
    return;
  }
  if (op == UnOp::FNeg || mt_is_float(t)) {
    Reg d = Reg(dst.reg);
    get(d, t, a);
    if (t == MT::F32) {
      e_.op(Mn::MOVD, reg(Reg::EAX), reg(d));
      e_.op(Mn::XOR, reg(Reg::EAX), imm(static_cast<i32>(0x80000000u)));
      e_.op(Mn::MOVD, reg(d), reg(Reg::EAX));
    } else {
      e_.op(Mn::MOVQ, reg(Reg::RAX), reg(d));
      e_.op(Mn::BTC, reg(Reg::RAX), imm(63));
      e_.op(Mn::MOVQ, reg(d), reg(Reg::RAX));
    }
    return;
  }
  if (t == MT::S128 || t == MT::U128) {
    move(t, dst, a);
    Reg dl = R(dst.reg, 8), dh = R(dst.reg2, 8);
    if (op == UnOp::Not) {
      e_.op(Mn::NOT, reg(dl));
      e_.op(Mn::NOT, reg(dh));
    } else {
      e_.op(Mn::NEG, reg(dl));
      e_.op(Mn::ADC, reg(dh), imm(0));
      e_.op(Mn::NEG, reg(dh));
    }
    return;
  }
  unsigned sz = isz(t);
  Reg d = R(dst.reg, sz);
  get(resize(d, 8), t, a);
  e_.op(op == UnOp::Neg ? Mn::NEG : Mn::NOT, reg(d));
  if (mt_size(t) < 4) extend(d, t);
}

void X86CG::cmp(CfreeCmp c, MT t, Opd dst, MT, Opd a, Opd b) {
  Reg d = R(dst.reg, 4);
  if (mt_is_float(t)) {
    switch (c) {
      case CFREE_CMP_FOEQ:
        sse_cmp_flags(t, a, b, false);
        e_.setcc(Cond::E, Reg::AL);
        e_.setcc(Cond::NP, Reg::CL);
        e_.op(Mn::AND, reg(Reg::AL), reg(Reg::CL));
        break;
      case CFREE_CMP_FUNE:
        sse_cmp_flags(t, a, b, false);
        e_.setcc(Cond::NE, Reg::AL);
        e_.setcc(Cond::P, Reg::CL);
        e_.op(Mn::OR, reg(Reg::AL), reg(Reg::CL));
        break;
      case CFREE_CMP_FOGT: sse_cmp_flags(t, a, b, false); e_.setcc(Cond::A, Reg::AL); break;
      case CFREE_CMP_FOGE: sse_cmp_flags(t, a, b, false); e_.setcc(Cond::AE, Reg::AL); break;
      case CFREE_CMP_FOLT: sse_cmp_flags(t, a, b, true); e_.setcc(Cond::A, Reg::AL); break;
      case CFREE_CMP_FOLE: sse_cmp_flags(t, a, b, true); e_.setcc(Cond::AE, Reg::AL); break;
      default: CFREE_UNREACHABLE("x86: integer compare on a float type");
    }
    e_.op(Mn::MOVZX, reg(d), reg(Reg::AL));
    return;
  }
  if (t == MT::S128 || t == MT::U128) {
    // Only equality is inline: xor both halves and or them.
    if (c != CFREE_CMP_EQ && c != CFREE_CMP_NE) {
      // Ordered: compare high halves, then low halves unsigned.
      MCLabel hi_decides = mc_.label_new(), end = mc_.label_new();
      Opd ah = Opd::r(a.reg2), bh = b.kind == OK::Imm ? Opd::imm(static_cast<i64>(b.hi)) : b.kind == OK::Reg ? Opd::r(b.reg2) : b.plus(8);
      Opd bl = b.kind == OK::Reg ? Opd::r(b.reg) : b;
      int_cmp_flags(MT::U64, ah, bh);
      e_.jcc(Cond::NE, hi_decides);
      int_cmp_flags(MT::U64, Opd::r(a.reg), bl);
      CfreeCmp uc = c == CFREE_CMP_SLT ? CFREE_CMP_ULT : c == CFREE_CMP_SLE ? CFREE_CMP_ULE
                  : c == CFREE_CMP_SGT ? CFREE_CMP_UGT : c == CFREE_CMP_SGE ? CFREE_CMP_UGE : c;
      e_.setcc(int_cond(uc), Reg::AL);
      e_.jmp(end);
      mc_.label_place(hi_decides);
      CfreeCmp hc = c == CFREE_CMP_SLE ? CFREE_CMP_SLT : c == CFREE_CMP_SGE ? CFREE_CMP_SGT
                  : c == CFREE_CMP_ULE ? CFREE_CMP_ULT : c == CFREE_CMP_UGE ? CFREE_CMP_UGT : c;
      e_.setcc(int_cond(hc), Reg::AL);
      mc_.label_place(end);
      e_.op(Mn::MOVZX, reg(d), reg(Reg::AL));
      return;
    }
    if (b.kind == OK::Imm) {
      mov_imm(Reg::RAX, b.off);
      mov_imm(Reg::RDX, static_cast<i64>(b.hi));
    } else if (b.kind == OK::Reg) {
      e_.op(Mn::MOV, reg(Reg::RAX), reg(R(b.reg, 8)));
      e_.op(Mn::MOV, reg(Reg::RDX), reg(R(b.reg2, 8)));
    } else {
      e_.op(Mn::MOV, reg(Reg::RAX), mem(b, 8));
      e_.op(Mn::MOV, reg(Reg::RDX), mem(b.plus(8), 8));
    }
    e_.op(Mn::XOR, reg(Reg::RAX), reg(R(a.reg, 8)));
    e_.op(Mn::XOR, reg(Reg::RDX), reg(R(a.reg2, 8)));
    e_.op(Mn::OR, reg(Reg::RAX), reg(Reg::RDX));
    e_.setcc(c == CFREE_CMP_EQ ? Cond::E : Cond::NE, Reg::AL);
    e_.op(Mn::MOVZX, reg(d), reg(Reg::AL));
    return;
  }
  int_cmp_flags(t, a, b);
  e_.setcc(int_cond(c), Reg::AL);
  e_.op(Mn::MOVZX, reg(d), reg(Reg::AL));
}

void X86CG::cmp_branch(CfreeCmp c, MT t, Opd a, Opd b, CGLabel l) {
  if (mt_is_float(t)) {
    switch (c) {
      case CFREE_CMP_FOEQ: {
        MCLabel skip = mc_.label_new();
        sse_cmp_flags(t, a, b, false);
        e_.jcc(Cond::NE, skip);
        e_.jcc(Cond::P, skip);
        e_.jmp(l);
        mc_.label_place(skip);
        return;
      }
      case CFREE_CMP_FUNE:
        sse_cmp_flags(t, a, b, false);
        e_.jcc(Cond::NE, l);
        e_.jcc(Cond::P, l);
        return;
      case CFREE_CMP_FOGT: sse_cmp_flags(t, a, b, false); e_.jcc(Cond::A, l); return;
      case CFREE_CMP_FOGE: sse_cmp_flags(t, a, b, false); e_.jcc(Cond::AE, l); return;
      case CFREE_CMP_FOLT: sse_cmp_flags(t, a, b, true); e_.jcc(Cond::A, l); return;
      case CFREE_CMP_FOLE: sse_cmp_flags(t, a, b, true); e_.jcc(Cond::AE, l); return;
      default: CFREE_UNREACHABLE("x86: integer compare on a float type");
    }
  }
  if (t == MT::S128 || t == MT::U128) {
    Opd d = Opd::r(static_cast<CGReg>(Reg::RCX));
    cmp(c, t, d, MT::S32, a, b);
    e_.op(Mn::TEST, reg(Reg::ECX), reg(Reg::ECX));
    e_.jcc(Cond::NE, l);
    return;
  }
  if (a.kind != OK::Reg) {
    get(Reg::RAX, t, a);
    a = Opd::r(static_cast<CGReg>(Reg::RAX));
  }
  int_cmp_flags(t, a, b);
  e_.jcc(int_cond(c), l);
}

void X86CG::jump_indirect(Opd addr) { e_.op(Mn::JMP, reg(R(addr.reg, 8))); }

// ---- Conversions -----------------------------------------------------------------------

void X86CG::x87_load(MT t, Opd src) {
  if (src.kind == OK::Reg) {
    // An SSE or integer register: go through the scratch slot.
    CGSlot s = scratch_slot();
    if (mt_is_float(t)) put(t, frame_mem(s, 0, mt_size(t)), Reg(src.reg));
    else e_.op(Mn::MOV, frame_mem(s, 0, 8), reg(R(src.reg, 8)));
    src = Opd::frame(s, 0);
  } else if (src.kind == OK::Imm) {
    CGSlot s = scratch_slot();
    mov_imm(Reg::RAX, src.off);
    e_.op(Mn::MOV, frame_mem(s, 0, 8), reg(Reg::RAX));
    src = Opd::frame(s, 0);
  }
  switch (t) {
    case MT::F32: e_.op(Mn::FLD, mem(src, 4)); break;
    case MT::F64: e_.op(Mn::FLD, mem(src, 8)); break;
    case MT::F80: e_.op(Mn::FLD, mem(src, 10)); break;
    case MT::S16: e_.op(Mn::FILD, mem(src, 2)); break;
    case MT::S32: e_.op(Mn::FILD, mem(src, 4)); break;
    default: e_.op(Mn::FILD, mem(src, 8)); break;
  }
}

void X86CG::x87_store(Opd dst) { e_.op(Mn::FSTP, mem(dst, 10)); }

void X86CG::convert(CfreeConv c, MT to, Opd dst, MT from, Opd src) {
  auto tosse = [&](MT t) { return t == MT::F32 || t == MT::F64; };
  switch (c) {
    case CFREE_CONV_TRUNC:
      if (from == MT::S128 || from == MT::U128) {
        if (src.kind == OK::Reg) get(R(dst.reg, 8), MT::U64, Opd::r(src.reg));
        else get(R(dst.reg, 8), MT::U64, src);
        if (mt_size(to) <= 4) {
          Reg d = R(dst.reg, 4);
          if (mt_size(to) == 4) e_.op(Mn::MOV, reg(d), reg(d));
          else extend(d, to);
        }
        return;
      }
      get(R(dst.reg, 8), from, src);
      if (mt_size(to) == 4) {
        Reg d = R(dst.reg, 4);
        e_.op(Mn::MOV, reg(d), reg(d));
      } else {
        extend(R(dst.reg, 8), to);
      }
      return;
    case CFREE_CONV_SEXT:
    case CFREE_CONV_ZEXT: {
      bool sx = c == CFREE_CONV_SEXT;
      MT f = from;
      // Load with the requested extension of the source width.
      unsigned fs = mt_size(from);
      MT lf = fs == 1 ? (sx ? MT::S8 : MT::U8) : fs == 2 ? (sx ? MT::S16 : MT::U16)
            : fs == 4 ? (sx ? MT::S32 : MT::U32) : MT::U64;
      (void)f;
      Reg d = R(dst.reg, 8);
      if (src.kind == OK::Reg) {
        Reg s = R(src.reg, 8);
        if (fs == 1) e_.op(sx ? Mn::MOVSX : Mn::MOVZX, reg(resize(d, 4)), reg(resize(s, 1)));
        else if (fs == 2) e_.op(sx ? Mn::MOVSX : Mn::MOVZX, reg(resize(d, 4)), reg(resize(s, 2)));
        else if (fs == 4 && !sx) e_.op(Mn::MOV, reg(resize(d, 4)), reg(resize(s, 4)));
        else if (fs == 4) {
          if (mt_size(to) >= 8) e_.op(Mn::MOVSXD, reg(d), reg(resize(s, 4)));
          else e_.op(Mn::MOV, reg(resize(d, 4)), reg(resize(s, 4)));
        } else if (reg_num(s) != reg_num(d)) {
          e_.op(Mn::MOV, reg(d), reg(s));
        }
      } else {
        get(d, lf, src);
      }
      // 8/16 -> 64 signed: extend the 32-bit result to 64.
      if (sx && fs < 4 && mt_size(to) >= 8) e_.op(Mn::MOVSXD, reg(d), reg(resize(d, 4)));
      if (sx && fs == 4 && src.kind != OK::Reg && mt_size(to) >= 8) e_.op(Mn::MOVSXD, reg(d), reg(resize(d, 4)));
      // narrow targets (16-bit from 8-bit) keep the 32-bit convention
      if (mt_size(to) < 4) extend(d, to);
      if (to == MT::S128 || to == MT::U128) {
        Reg h = R(dst.reg2, 8);
        if (sx) {
          e_.op(Mn::MOV, reg(h), reg(d));
          e_.op(Mn::SAR, reg(h), imm(63));
        } else {
          e_.op(Mn::XOR, reg(resize(h, 4)), reg(resize(h, 4)));
        }
      }
      return;
    }
    case CFREE_CONV_BITCAST:
    case CFREE_CONV_FEXT:
    case CFREE_CONV_FTRUNC:
      break;
    default:
      break;
  }
  if (c == CFREE_CONV_BITCAST) {
    if (dst.kind != OK::Reg) {
      move(to, dst, src);
      return;
    }
    Reg d = R(dst.reg, 8);
    if (is_xmm(d)) get(d, to, src.kind == OK::Reg && !is_xmm(Reg(src.reg)) ? src : src);
    else if (src.kind == OK::Reg && is_xmm(Reg(src.reg)))
      e_.op(mt_size(to) == 4 ? Mn::MOVD : Mn::MOVQ, reg(resize(d, mt_size(to) == 4 ? 4 : 8)), reg(Reg(src.reg)));
    else get(d, to, src);
    return;
  }
  if (c == CFREE_CONV_TOBOOL) {
    Reg d = R(dst.reg, 4);
    if (mt_is_float(from)) {
      Opd zero = Opd::imm(0);
      if (from == MT::F80) {
        e_.op(Mn::FLDZ);
        x87_load(from, src);
        e_.op(Mn::FUCOMIP, reg(Reg::ST0), reg(Reg::ST1));
        e_.op(Mn::FSTP, reg(Reg::ST0));
      } else {
        e_.op(Mn::XORPS, reg(Reg::XMM1), reg(Reg::XMM1));
        sse_cmp_flags(from, src, Opd::r(static_cast<CGReg>(Reg::XMM1)), false);
      }
      (void)zero;
      e_.setcc(Cond::NE, Reg::AL);
      e_.setcc(Cond::P, Reg::CL);
      e_.op(Mn::OR, reg(Reg::AL), reg(Reg::CL));
    } else if (from == MT::S128 || from == MT::U128) {
      if (src.kind == OK::Reg) {
        e_.op(Mn::MOV, reg(Reg::RAX), reg(R(src.reg, 8)));
        e_.op(Mn::OR, reg(Reg::RAX), reg(R(src.reg2, 8)));
      } else {
        e_.op(Mn::MOV, reg(Reg::RAX), mem(src, 8));
        e_.op(Mn::OR, reg(Reg::RAX), mem(src.plus(8), 8));
      }
      e_.setcc(Cond::NE, Reg::AL);
    } else {
      Opd a = src;
      if (a.kind != OK::Reg) {
        get(Reg::RAX, from, src);
        a = Opd::r(static_cast<CGReg>(Reg::RAX));
      }
      int_cmp_flags(from, a, Opd::imm(0));
      e_.setcc(Cond::NE, Reg::AL);
    }
    e_.op(Mn::MOVZX, reg(d), reg(Reg::AL));
    return;
  }
  // Float <-> float.
  if (c == CFREE_CONV_FEXT || c == CFREE_CONV_FTRUNC) {
    if (tosse(from) && tosse(to)) {
      Reg d = Reg(dst.reg);
      Mn m = from == MT::F32 ? Mn::CVTSS2SD : Mn::CVTSD2SS;
      if (from == to) {
        get(d, to, src);
      } else if (src.is_mem()) {
        e_.op(m, reg(d), mem(src, mt_size(from)));
      } else {
        Reg s = src.kind == OK::Reg && is_xmm(Reg(src.reg)) ? Reg(src.reg) : Reg::XMM0;
        if (s == Reg::XMM0) get(s, from, src);
        e_.op(m, reg(d), reg(s));
      }
      return;
    }
    // Through x87.
    x87_load(from == MT::F128 ? MT::F80 : from, src);
    if (to == MT::F80 || to == MT::F128) {
      x87_store(dst);
    } else {
      CGSlot s = scratch_slot();
      e_.op(Mn::FSTP, frame_mem(s, 0, mt_size(to)));
      get(Reg(dst.reg), to, Opd::frame(s, 0));
    }
    return;
  }
  // Float -> int.
  if (c == CFREE_CONV_FTOSI || c == CFREE_CONV_FTOUI) {
    bool u = c == CFREE_CONV_FTOUI;
    Reg d = R(dst.reg, 8);
    if (from == MT::F80 || from == MT::F128 || (u && mt_size(to) == 8)) {
      if (from == MT::F80 || from == MT::F128 || !u) {
        // x87 fisttp truncates; unsigned 64-bit results via the 2^63 split.
        if (u && mt_size(to) == 8) {
          // x >= 2^63 ? (i64)(x - 2^63) ^ (1 << 63) : (i64)x
          MCLabel big = mc_.label_new(), done = mc_.label_new();
          static const u8 two63_80[16] = {0, 0, 0, 0, 0, 0, 0, 0x80, 0x3e, 0x40};
          ObjSymId k = const_sym(two63_80, 16, 16);
          e_.op(Mn::FLD, rip(10, k));
          x87_load(MT::F80, src);
          e_.op(Mn::FCOMI, reg(Reg::ST0), reg(Reg::ST1));
          e_.jcc(Cond::AE, big);
          e_.op(Mn::FSTP, reg(Reg::ST1));
          CGSlot s = scratch_slot();
          e_.op(Mn::FISTTP, frame_mem(s, 0, 8));
          e_.op(Mn::MOV, reg(d), frame_mem(s, 0, 8));
          e_.jmp(done);
          mc_.label_place(big);
          // st0 = x, st1 = 2^63: FSUBP st1, st0 (AT&T naming, DE E1) makes st1 = x - 2^63.
          e_.op(Mn::FSUBP, reg(Reg::ST1), reg(Reg::ST0));
          e_.op(Mn::FISTTP, frame_mem(s, 0, 8));
          e_.op(Mn::MOV, reg(d), frame_mem(s, 0, 8));
          e_.op(Mn::BTC, reg(d), imm(63));
          mc_.label_place(done);
          return;
        }
        x87_load(MT::F80, src);
        CGSlot s = scratch_slot();
        e_.op(Mn::FISTTP, frame_mem(s, 0, 8));
        get(d, to, Opd::frame(s, 0));
        return;
      }
    }
    Mn cv = from == MT::F32 ? Mn::CVTTSS2SI : Mn::CVTTSD2SI;
    Operand s;
    if (src.is_mem()) s = mem(src, mt_size(from));
    else if (src.kind == OK::Reg && is_xmm(Reg(src.reg))) s = reg(Reg(src.reg));
    else {
      get(Reg::XMM0, from, src);
      s = reg(Reg::XMM0);
    }
    if (u && mt_size(to) == 8) {
      // float/double -> u64.
      MCLabel big = mc_.label_new(), done = mc_.label_new();
      u64 k = from == MT::F32 ? 0x5f000000u : 0x43e0000000000000ull;
      get(Reg::XMM0, from, src);
      mov_imm(Reg::RAX, static_cast<i64>(k));
      e_.op(from == MT::F32 ? Mn::MOVD : Mn::MOVQ, reg(Reg::XMM1), reg(from == MT::F32 ? Reg::EAX : Reg::RAX));
      e_.op(from == MT::F32 ? Mn::UCOMISS : Mn::UCOMISD, reg(Reg::XMM0), reg(Reg::XMM1));
      e_.jcc(Cond::AE, big);
      e_.op(cv, reg(d), reg(Reg::XMM0));
      e_.jmp(done);
      mc_.label_place(big);
      e_.op(from == MT::F32 ? Mn::SUBSS : Mn::SUBSD, reg(Reg::XMM0), reg(Reg::XMM1));
      e_.op(cv, reg(d), reg(Reg::XMM0));
      e_.op(Mn::BTC, reg(d), imm(63));
      mc_.label_place(done);
      return;
    }
    // Signed, or unsigned 32-bit and narrower (through the 64-bit form).
    bool wide = mt_size(to) == 8 || (u && mt_size(to) == 4);
    e_.op(cv, reg(wide ? d : resize(d, 4)), s);
    if (mt_size(to) == 4 && wide) e_.op(Mn::MOV, reg(resize(d, 4)), reg(resize(d, 4)));
    if (mt_size(to) < 4) extend(d, to);
    return;
  }
  // Int -> float.
  if (c == CFREE_CONV_SITOF || c == CFREE_CONV_UITOF) {
    bool u = c == CFREE_CONV_UITOF;
    if (to == MT::F80 || to == MT::F128) {
      // rax = the integer, widened to 64 bits signed if it fits.
      get(Reg::RAX, from, src);
      if (mt_size(from) == 4 && !u) e_.op(Mn::MOVSXD, reg(Reg::RAX), reg(Reg::EAX));
      CGSlot s = scratch_slot();
      e_.op(Mn::MOV, frame_mem(s, 0, 8), reg(Reg::RAX));
      e_.op(Mn::FILD, frame_mem(s, 0, 8));
      if (u && mt_size(from) == 8) {
        // Add 2^64 when the sign bit was set.
        MCLabel ok = mc_.label_new();
        e_.op(Mn::TEST, reg(Reg::RAX), reg(Reg::RAX));
        e_.jcc(Cond::NS, ok);
        static const u8 two64_80[16] = {0, 0, 0, 0, 0, 0, 0, 0x80, 0x3f, 0x40};
        ObjSymId k = const_sym(two64_80, 16, 16);
        e_.op(Mn::FLD, rip(10, k));
        e_.op(Mn::FADDP, reg(Reg::ST1), reg(Reg::ST0));
        mc_.label_place(ok);
      }
      x87_store(dst);
      return;
    }
    Reg d = Reg(dst.reg);
    Mn cv = to == MT::F32 ? Mn::CVTSI2SS : Mn::CVTSI2SD;
    get(Reg::RAX, from, src);
    unsigned fs = mt_size(from);
    if (!u || fs < 4) {
      // Signed (or small unsigned, already zero-extended to 32 bits).
      if (fs == 8) e_.op(cv, reg(d), reg(Reg::RAX));
      else if (!u && fs == 4) e_.op(cv, reg(d), reg(Reg::EAX));
      else e_.op(cv, reg(d), reg(Reg::EAX));
      return;
    }
    if (fs == 4) {
      e_.op(cv, reg(d), reg(Reg::RAX));  // zero-extended in rax: exact as a signed 64-bit
      return;
    }
    // u64 -> float: halve with the low bit kept when the sign bit is set.
    MCLabel big = mc_.label_new(), done = mc_.label_new();
    e_.op(Mn::TEST, reg(Reg::RAX), reg(Reg::RAX));
    e_.jcc(Cond::S, big);
    e_.op(cv, reg(d), reg(Reg::RAX));
    e_.jmp(done);
    mc_.label_place(big);
    e_.op(Mn::MOV, reg(Reg::RCX), reg(Reg::RAX));
    e_.op(Mn::SHR, reg(Reg::RCX), imm(1));
    e_.op(Mn::AND, reg(Reg::EAX), imm(1));
    e_.op(Mn::OR, reg(Reg::RCX), reg(Reg::RAX));
    e_.op(cv, reg(d), reg(Reg::RCX));
    e_.op(to == MT::F32 ? Mn::ADDSS : Mn::ADDSD, reg(d), reg(d));
    mc_.label_place(done);
    return;
  }
  CFREE_UNREACHABLE("x86: unhandled conversion");
}

// ---- Switch ---------------------------------------------------------------------------------

namespace {
struct SwitchCase {
  i64 lo, hi;  // normalized to the register convention, compared signed/unsigned per `sgn`
  MCLabel label;
};
}  // namespace

void X86CG::switch_(MT t, Opd v, const CGCase* cases, size_t n, CGLabel dflt) {
  unsigned sz = isz(t);
  bool sgn = mt_is_signed(t);
  Reg r = R(v.reg, sz);
  auto norm = [&](u64 x) -> i64 {
    switch (t) {
      case MT::S8: return static_cast<i8>(x);
      case MT::U8: return static_cast<u8>(x);
      case MT::S16: return static_cast<i16>(x);
      case MT::U16: return static_cast<u16>(x);
      case MT::S32: return static_cast<i32>(x);
      case MT::U32: return static_cast<u32>(x);
      default: return static_cast<i64>(x);
    }
  };
  std::vector<SwitchCase> cs(n);
  for (size_t i = 0; i < n; i++) cs[i] = {norm(cases[i].lo), norm(cases[i].hi), cases[i].label};
  auto less = [&](i64 a, i64 b) { return sgn ? a < b : static_cast<u64>(a) < static_cast<u64>(b); };
  std::sort(cs.begin(), cs.end(), [&](const SwitchCase& a, const SwitchCase& b) { return less(a.lo, b.lo); });
  auto cmp_imm = [&](i64 k) {
    i64 enc = sz == 4 ? static_cast<i32>(static_cast<u32>(k)) : k;
    if (fits32(enc)) {
      e_.op(Mn::CMP, reg(r), imm(enc));
    } else {
      mov_imm(Reg::RAX, k);
      e_.op(Mn::CMP, reg(r), reg(Reg::RAX));
    }
  };
  Cond lt = sgn ? Cond::L : Cond::B;
  // Dense enough for a table?
  u64 span = n ? static_cast<u64>(cs[n - 1].hi) - static_cast<u64>(cs[0].lo) : 0;
  u64 covered = 0;
  for (auto& c : cs) covered += static_cast<u64>(c.hi) - static_cast<u64>(c.lo) + 1;
  if (n >= 4 && span < (1u << 20) && span / 4 <= covered) {
    // rax = v - lo (64-bit), unsigned range check, then the table of
    // 32-bit offsets from the table's start (position independent).
    if (sz == 4) {
      if (sgn) e_.op(Mn::MOVSXD, reg(Reg::RAX), reg(resize(r, 4)));
      else e_.op(Mn::MOV, reg(Reg::EAX), reg(resize(r, 4)));
    } else {
      e_.op(Mn::MOV, reg(Reg::RAX), reg(resize(r, 8)));
    }
    i64 lo = cs[0].lo;
    if (lo) {
      if (fits32(lo)) {
        e_.op(Mn::SUB, reg(Reg::RAX), imm(lo));
      } else {
        mov_imm(Reg::RCX, lo);
        e_.op(Mn::SUB, reg(Reg::RAX), reg(Reg::RCX));
      }
    }
    if (fits32(static_cast<i64>(span))) e_.op(Mn::CMP, reg(Reg::RAX), imm(static_cast<i64>(span)));
    e_.jcc(Cond::A, dflt);
    MCLabel table = mc_.label_new();
    e_.op(Mn::LEA, reg(Reg::RCX), rip_label(8, table, 0));
    e_.op(Mn::MOVSXD, reg(Reg::RAX), x86::mem(4, Reg::RCX, Reg::RAX, 4, 0));
    e_.op(Mn::ADD, reg(Reg::RAX), reg(Reg::RCX));
    e_.op(Mn::JMP, reg(Reg::RAX));
    mc_.align(4, -1);
    mc_.label_place(table);
    size_t ci = 0;
    for (u64 k = 0; k <= span; k++) {
      i64 val = static_cast<i64>(static_cast<u64>(lo) + k);
      while (ci < n && less(cs[ci].hi, val)) ci++;
      MCLabel target = ci < n && !less(val, cs[ci].lo) ? cs[ci].label : dflt;
      u64 at = mc_.offset();
      mc_.emit_le(0, 4);
      mc_.fixup(at, target, FixupKind::Diff32, 0, table);
    }
    return;
  }
  // Binary search over sorted cases; leaves of up to 3 cases compare linearly.
  struct Range {
    size_t b, e;
    MCLabel label;
  };
  std::vector<Range> work;
  work.push_back({0, n, MC_LABEL_NONE});
  while (!work.empty()) {
    Range rg = work.back();
    work.pop_back();
    if (rg.label) mc_.label_place(rg.label);
    if (rg.e - rg.b <= 3) {
      for (size_t i = rg.b; i < rg.e; i++) {
        if (cs[i].lo == cs[i].hi) {
          cmp_imm(cs[i].lo);
          e_.jcc(Cond::E, cs[i].label);
        } else {
          // (v - lo) <= (hi - lo), unsigned.
          e_.op(Mn::MOV, reg(resize(Reg::RAX, sz)), reg(r));
          mov_imm(Reg::RCX, cs[i].lo);
          e_.op(Mn::SUB, reg(resize(Reg::RAX, sz)), reg(resize(Reg::RCX, sz)));
          mov_imm(Reg::RCX, static_cast<i64>(static_cast<u64>(cs[i].hi) - static_cast<u64>(cs[i].lo)));
          e_.op(Mn::CMP, reg(resize(Reg::RAX, sz)), reg(resize(Reg::RCX, sz)));
          e_.jcc(Cond::BE, cs[i].label);
        }
      }
      e_.jmp(dflt);
      continue;
    }
    size_t mid = rg.b + (rg.e - rg.b) / 2;
    MCLabel right = mc_.label_new();
    cmp_imm(cs[mid].lo);
    e_.jcc(negate(lt), right);  // v >= cases[mid].lo: right half
    work.push_back({mid, rg.e, right});
    work.push_back({rg.b, mid, MC_LABEL_NONE});
  }
}

}  // namespace cfree::x86
