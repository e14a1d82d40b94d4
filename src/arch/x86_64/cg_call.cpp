// cg_call.cpp: x86-64 calls and returns (System V AMD64 psABI 1.0 §3.2.3),
// atomics (lock-prefixed instructions; x86-TSO makes plain loads acquire
// and plain stores release, so only seq_cst stores need xchg), intrinsics
// and the inline-asm hook.
//
// Argument setup: stack parts are stored first into the outgoing area
// (rsp is lowered by the call's 16-byte rounded stack size); then every
// register part is computed into rax/xmm0 and pushed, and finally popped
// into its argument register.  The detour through the stack makes the
// parallel move trivially correct (sources may live in rdi/rsi/r8/r9,
// which are also argument registers) at an -O0 cost of a push/pop pair.
#include "arch/x86_64/cg.h"

namespace cfree::x86 {

namespace {
constexpr Reg kArgGpr[] = {Reg::RDI, Reg::RSI, Reg::RDX, Reg::RCX, Reg::R8, Reg::R9};
constexpr Reg kRetGpr[] = {Reg::RAX, Reg::RDX};
Reg xmm(unsigned n) { return make_reg(RegClass::Xmm, n); }
}  // namespace

void X86CG::call(const CGCallDesc& d) {
  const CfreeAbiCallInfo& abi = *d.abi;
  u32 stack = static_cast<u32>(align_up(abi.stack_size, 16));
  if (stack) e_.op(Mn::SUB, reg(Reg::RSP), imm(stack));
  // The callee, if indirect, is pushed first (popped last into r11).
  bool indirect = !d.direct;
  if (indirect) {
    if (d.callee.kind == OK::Reg) e_.op(Mn::PUSH, reg(R(d.callee.reg, 8)));
    else {
      get(Reg::RAX, MT::U64, d.callee);
      e_.op(Mn::PUSH, reg(Reg::RAX));
    }
  }
  // The static chain (nested functions), pushed next (popped into r10).
  if (d.has_chain) {
    get(Reg::RAX, MT::U64, d.chain);
    e_.op(Mn::PUSH, reg(Reg::RAX));
  }
  i64 pushed = (indirect ? 8 : 0) + (d.has_chain ? 8 : 0);
  // Stack parts.
  for (size_t i = 0; i < d.n_args; i++) {
    const CGArg& a = d.args[i];
    for (u32 p = 0; p < a.abi->n_parts; p++) {
      const CfreeAbiPart& part = a.abi->parts[p];
      if (part.kind != CFREE_ABI_STACK) continue;
      i64 at = part.stack_offset + pushed;
      if (a.aggregate) {
        Operand src = mem(a.val.plus(part.offset), 8, Reg::RDX);
        copy_mem(x86::mem(8, Reg::RSP, at), src, part.size);
      } else if (a.mt == MT::F80 || a.mt == MT::F128) {
        Operand src = mem(a.val, 8, Reg::RDX);
        copy_mem(x86::mem(8, Reg::RSP, at), src, 16);
      } else if (a.mt == MT::S128 || a.mt == MT::U128) {
        if (a.val.kind == OK::Reg) {
          e_.op(Mn::MOV, x86::mem(8, Reg::RSP, at), reg(R(a.val.reg, 8)));
          e_.op(Mn::MOV, x86::mem(8, Reg::RSP, at + 8), reg(R(a.val.reg2, 8)));
        } else if (a.val.kind == OK::Imm) {
          mov_imm(Reg::RAX, a.val.off);
          e_.op(Mn::MOV, x86::mem(8, Reg::RSP, at), reg(Reg::RAX));
          mov_imm(Reg::RAX, static_cast<i64>(a.val.hi));
          e_.op(Mn::MOV, x86::mem(8, Reg::RSP, at + 8), reg(Reg::RAX));
        } else {
          copy_mem(x86::mem(8, Reg::RSP, at), mem(a.val, 8, Reg::RDX), 16);
        }
      } else {
        if (a.addr) lea(Reg::RAX, a.val);
        else if (mt_is_float(a.mt)) {
          u64 bits = 0;
          if (a.val.kind == OK::Reg) {
            e_.op(Mn::MOVQ, reg(Reg::RAX), reg(Reg(a.val.reg)));
          } else if (a.val.kind == OK::Imm) {
            bits = static_cast<u64>(a.val.off);
            mov_imm(Reg::RAX, static_cast<i64>(bits));
          } else {
            get(Reg::RAX, a.mt == MT::F32 ? MT::U32 : MT::U64, a.val);
          }
        } else {
          get(Reg::RAX, a.mt, a.val);
          if (mt_size(a.mt) == 4 && mt_is_signed(a.mt)) e_.op(Mn::MOVSXD, reg(Reg::RAX), reg(Reg::EAX));
        }
        e_.op(Mn::MOV, x86::mem(8, Reg::RSP, at), reg(Reg::RAX));
      }
    }
  }
  // Register parts: compute and push, in order.
  struct Pending {
    bool fpr;
    u32 reg;
    bool wide;  // a 16-byte FPR part: two pushes, loaded with movups
  };
  std::vector<Pending> pend;
  u32 n_fpr = 0;
  for (size_t i = 0; i < d.n_args; i++) {
    const CGArg& a = d.args[i];
    for (u32 p = 0; p < a.abi->n_parts; p++) {
      const CfreeAbiPart& part = a.abi->parts[p];
      if (part.kind != CFREE_ABI_GPR && part.kind != CFREE_ABI_FPR) continue;
      bool fpr = part.kind == CFREE_ABI_FPR;
      if (fpr) n_fpr = std::max(n_fpr, part.reg + 1);
      if (a.aggregate && fpr && part.size > 8) {
        // The whole XMM register: the high eightbyte first, so the low one
        // ends up at the lower address.
        load_partial(Reg::RAX, a.val.plus(part.offset + 8), part.size - 8);
        e_.op(Mn::PUSH, reg(Reg::RAX));
        load_partial(Reg::RAX, a.val.plus(part.offset), 8);
        e_.op(Mn::PUSH, reg(Reg::RAX));
        pend.push_back({fpr, part.reg, true});
        continue;
      }
      // rax = the part's bits
      if (a.aggregate) {
        load_partial(Reg::RAX, a.val.plus(part.offset), part.size);
      } else if (a.addr) {
        lea(Reg::RAX, a.val);
      } else if (a.mt == MT::S128 || a.mt == MT::U128) {
        if (a.val.kind == OK::Reg) e_.op(Mn::MOV, reg(Reg::RAX), reg(R(part.offset ? a.val.reg2 : a.val.reg, 8)));
        else if (a.val.kind == OK::Imm) mov_imm(Reg::RAX, part.offset ? static_cast<i64>(a.val.hi) : a.val.off);
        else e_.op(Mn::MOV, reg(Reg::RAX), mem(a.val.plus(part.offset), 8));
      } else if (mt_is_float(a.mt)) {
        if (a.val.kind == OK::Reg && is_xmm(Reg(a.val.reg))) e_.op(Mn::MOVQ, reg(Reg::RAX), reg(Reg(a.val.reg)));
        else if (a.val.kind == OK::Imm) mov_imm(Reg::RAX, a.mt == MT::F32 ? static_cast<u32>(a.val.off) : a.val.off);
        else get(Reg::RAX, a.mt == MT::F32 ? MT::U32 : MT::U64, a.val);
      } else {
        get(Reg::RAX, a.mt, a.val);
        // The psABI leaves upper bits undefined, but GCC and Clang callees
        // rely on 8/16-bit arguments being extended to 32 bits (done).
      }
      e_.op(Mn::PUSH, reg(Reg::RAX));
      pend.push_back({fpr, part.reg, false});
    }
  }
  for (size_t i = pend.size(); i-- > 0;) {
    if (pend[i].wide) {
      e_.op(Mn::MOVUPS, reg(xmm(pend[i].reg)), x86::mem(16, Reg::RSP, 0));
      e_.op(Mn::ADD, reg(Reg::RSP), imm(16));
    } else if (pend[i].fpr) {
      e_.op(Mn::POP, reg(Reg::RAX));
      e_.op(Mn::MOVQ, reg(xmm(pend[i].reg)), reg(Reg::RAX));
    } else {
      e_.op(Mn::POP, reg(kArgGpr[pend[i].reg]));
    }
  }
  if (abi.sret) lea(kArgGpr[abi.sret_reg], d.ret_mem);
  if (d.has_chain) e_.op(Mn::POP, reg(Reg::R10));
  if (indirect) e_.op(Mn::POP, reg(Reg::R11));
  if (d.variadic) mov_imm(Reg::EAX, n_fpr);
  if (indirect) e_.op(Mn::CALL, reg(Reg::R11));
  else e_.call(d.callee.id, RelocKind::Plt32);
  if (stack) e_.op(Mn::ADD, reg(Reg::RSP), imm(stack));
  // The result.
  if (d.ret_aggregate) {
    const CfreeAbiValue& rv = abi.ret;
    if (abi.sret) return;
    for (u32 p = 0; p < rv.n_parts; p++) {
      const CfreeAbiPart& part = rv.parts[p];
      Opd at = d.ret_mem.plus(part.offset);
      switch (part.kind) {
        case CFREE_ABI_GPR:
          e_.op(Mn::MOV, mem(at, 8), reg(kRetGpr[part.reg]));  // slot is rounded to 16
          break;
        case CFREE_ABI_FPR:
          if (part.size > 8) e_.op(Mn::MOVUPS, mem(at, 16), reg(xmm(part.reg)));
          else e_.op(part.size <= 4 ? Mn::MOVSS : Mn::MOVSD, mem(at, part.size <= 4 ? 4 : 8), reg(xmm(part.reg)));
          break;
        case CFREE_ABI_X87:
          e_.op(Mn::FSTP, mem(at, 10));
          break;
        default:
          break;
      }
    }
    return;
  }
  if (d.ret.kind == OK::None) {
    // Discarded x87 results must still be popped.
    if (abi.ret.n_parts && abi.ret.parts[0].kind == CFREE_ABI_X87) e_.op(Mn::FSTP, reg(Reg::ST0));
    return;
  }
  MT t = d.ret_mt;
  if (t == MT::F80 || t == MT::F128) {
    if (t == MT::F80) x87_store(d.ret);
    else e_.op(Mn::MOVUPS, mem(d.ret, 16), reg(Reg::XMM0));
    return;
  }
  if (mt_is_float(t)) {
    get(Reg(d.ret.reg), t, Opd::r(static_cast<CGReg>(Reg::XMM0)));
    return;
  }
  if (t == MT::S128 || t == MT::U128) {
    e_.op(Mn::MOV, reg(R(d.ret.reg, 8)), reg(Reg::RAX));
    e_.op(Mn::MOV, reg(R(d.ret.reg2, 8)), reg(Reg::RDX));
    return;
  }
  Reg dr = R(d.ret.reg, 8);
  switch (t) {
    case MT::S8: e_.op(Mn::MOVSX, reg(resize(dr, 4)), reg(Reg::AL)); break;
    case MT::U8: e_.op(Mn::MOVZX, reg(resize(dr, 4)), reg(Reg::AL)); break;
    case MT::S16: e_.op(Mn::MOVSX, reg(resize(dr, 4)), reg(Reg::AX)); break;
    case MT::U16: e_.op(Mn::MOVZX, reg(resize(dr, 4)), reg(Reg::AX)); break;
    case MT::S32: case MT::U32: e_.op(Mn::MOV, reg(resize(dr, 4)), reg(Reg::EAX)); break;
    default: e_.op(Mn::MOV, reg(dr), reg(Reg::RAX)); break;
  }
}

void X86CG::ret(const CGRetDesc& d) {
  if (d.has_value) {
    const CfreeAbiValue& rv = fabi_->ret;
    if (d.aggregate) {
      if (fabi_->sret) {
        e_.op(Mn::MOV, reg(Reg::RDX), frame_mem(sret_slot_, 0, 8));
        Operand src = mem(d.val, 8, Reg::R11);
        copy_mem(x86::mem(8, Reg::RDX, 0), src, d.size);
        e_.op(Mn::MOV, reg(Reg::RAX), reg(Reg::RDX));
      } else {
        // FPR parts first (they need rax as a scratch), then GPR parts.
        for (u32 p = 0; p < rv.n_parts; p++) {
          const CfreeAbiPart& part = rv.parts[p];
          if (part.kind == CFREE_ABI_FPR && part.size > 8) {
            e_.op(Mn::MOVUPS, reg(xmm(part.reg)), mem(d.val.plus(part.offset), 16));
          } else if (part.kind == CFREE_ABI_FPR) {
            e_.op(part.size <= 4 ? Mn::MOVSS : Mn::MOVSD, reg(xmm(part.reg)),
                  mem(d.val.plus(part.offset), part.size <= 4 ? 4 : 8));
          } else if (part.kind == CFREE_ABI_X87) {
            e_.op(Mn::FLD, mem(d.val.plus(part.offset), 10));
          }
        }
        // GPR parts: rdx first when there are two (load_partial clobbers rcx only).
        for (u32 p = rv.n_parts; p-- > 0;) {
          const CfreeAbiPart& part = rv.parts[p];
          if (part.kind == CFREE_ABI_GPR) load_partial(kRetGpr[part.reg], d.val.plus(part.offset), part.size);
        }
        // With two x87 parts (complex long double) the imaginary part must be in st1.
        if (rv.n_parts == 2 && rv.parts[0].kind == CFREE_ABI_X87 && rv.parts[1].kind == CFREE_ABI_X87)
          e_.op(Mn::FXCH, reg(Reg::ST1));
      }
    } else {
      MT t = d.mt;
      if (t == MT::F80) {
        x87_load(t, d.val);
      } else if (t == MT::F128) {
        e_.op(Mn::MOVUPS, reg(Reg::XMM0), mem(d.val, 16));
      } else if (mt_is_float(t)) {
        get(Reg::XMM0, t, d.val);
      } else if (t == MT::S128 || t == MT::U128) {
        if (d.val.kind == OK::Reg) {
          e_.op(Mn::MOV, reg(Reg::RAX), reg(R(d.val.reg, 8)));
          e_.op(Mn::MOV, reg(Reg::RDX), reg(R(d.val.reg2, 8)));
        } else if (d.val.kind == OK::Imm) {
          mov_imm(Reg::RAX, d.val.off);
          mov_imm(Reg::RDX, static_cast<i64>(d.val.hi));
        } else {
          e_.op(Mn::MOV, reg(Reg::RAX), mem(d.val, 8));
          e_.op(Mn::MOV, reg(Reg::RDX), mem(d.val.plus(8), 8));
        }
      } else {
        get(Reg::RAX, t, d.val);
      }
    }
  }
  e_.op(Mn::LEAVE);
  e_.op(Mn::RET);
}

// ---- Atomics ---------------------------------------------------------------------------------

void X86CG::atomic_load(MT t, Opd dst, Opd addr, CfreeMemOrder) {
  if (mt_size(t) > 8) {
    c_.error(0, "16-byte atomic loads are not supported yet");
    return;
  }
  get(dst.kind == OK::Reg ? R(dst.reg, 8) : Reg::RAX, t, Opd::ind(addr.reg, 0));
}

void X86CG::atomic_store(MT t, Opd addr, Opd v, CfreeMemOrder o) {
  if (mt_size(t) > 8) {
    c_.error(0, "16-byte atomic stores are not supported yet");
    return;
  }
  unsigned sz = mt_size(t);
  if (mt_is_float(t)) e_.op(sz == 4 ? Mn::MOVD : Mn::MOVQ, reg(resize(Reg::RAX, sz)), reg(Reg(v.reg)));
  else get(Reg::RAX, t, v);
  Operand m = x86::mem(sz, R(addr.reg, 8), 0);
  if (o == CFREE_ORDER_SEQ_CST) e_.op(Mn::XCHG, m, reg(resize(Reg::RAX, sz)));
  else e_.op(Mn::MOV, m, reg(resize(Reg::RAX, sz)));
}

void X86CG::atomic_rmw(CfreeAtomicOp op, MT t, Opd dst, Opd addr, Opd v, CfreeMemOrder) {
  unsigned sz = mt_size(t);
  if (sz > 8 || mt_is_float(t)) {
    c_.error(0, "this atomic read-modify-write is not supported yet");
    return;
  }
  Operand m = x86::mem(sz, R(addr.reg, 8), 0);
  Reg d = R(dst.reg, 8);
  switch (op) {
    case CFREE_ATOMIC_XCHG:
      get(d, t, v);
      e_.op(Mn::XCHG, m, reg(resize(d, sz)));
      break;
    case CFREE_ATOMIC_ADD:
    case CFREE_ATOMIC_SUB: {
      get(d, t, v);
      if (op == CFREE_ATOMIC_SUB) e_.op(Mn::NEG, reg(resize(d, sz < 4 ? 4 : sz)));
      Insn i = insn(Mn::XADD, m, reg(resize(d, sz)));
      i.prefixes = PFX_LOCK;
      e_.emit(i);
      break;
    }
    default: {
      // cmpxchg loop: rax = old, rcx = old OP v.
      get(Reg::RDX, t, v);
      MCLabel again = mc_.label_new();
      e_.op(Mn::MOV, reg(resize(Reg::RAX, sz)), m);
      mc_.label_place(again);
      e_.op(Mn::MOV, reg(Reg::RCX), reg(Reg::RAX));
      Mn mn = op == CFREE_ATOMIC_OR ? Mn::OR : op == CFREE_ATOMIC_XOR ? Mn::XOR : Mn::AND;
      e_.op(mn, reg(Reg::RCX), reg(Reg::RDX));
      if (op == CFREE_ATOMIC_NAND) e_.op(Mn::NOT, reg(Reg::RCX));
      Insn i = insn(Mn::CMPXCHG, m, reg(resize(Reg::RCX, sz)));
      i.prefixes = PFX_LOCK;
      e_.emit(i);
      e_.jcc(Cond::NE, again);
      e_.op(Mn::MOV, reg(d), reg(Reg::RAX));
      break;
    }
  }
  extend(d, t);
}

void X86CG::atomic_cas(MT t, Opd dst, MT, Opd addr, Opd expected, Opd desired, CfreeMemOrder,
                       CfreeMemOrder) {
  unsigned sz = mt_size(t);
  if (sz > 8) {
    c_.error(0, "16-byte compare-and-swap is not supported yet");
    return;
  }
  Reg ex = R(expected.reg, 8);
  e_.op(Mn::MOV, reg(resize(Reg::RAX, sz)), x86::mem(sz, ex, 0));
  if (mt_is_float(t)) e_.op(sz == 4 ? Mn::MOVD : Mn::MOVQ, reg(resize(Reg::RCX, sz)), reg(Reg(desired.reg)));
  else get(Reg::RCX, t, desired);
  Insn i = insn(Mn::CMPXCHG, x86::mem(sz, R(addr.reg, 8), 0), reg(resize(Reg::RCX, sz)));
  i.prefixes = PFX_LOCK;
  e_.emit(i);
  e_.setcc(Cond::E, Reg::DL);
  MCLabel ok = mc_.label_new();
  e_.jcc(Cond::E, ok);
  e_.op(Mn::MOV, x86::mem(sz, ex, 0), reg(resize(Reg::RAX, sz)));
  mc_.label_place(ok);
  e_.op(Mn::MOVZX, reg(R(dst.reg, 4)), reg(Reg::DL));
}

void X86CG::fence(CfreeMemOrder o) {
  if (o == CFREE_ORDER_SEQ_CST) e_.op(Mn::MFENCE);
}

// ---- Intrinsics ---------------------------------------------------------------------------------

void X86CG::intrinsic(CfreeIntrinsic id, MT t, Opd dst, Opd a, Opd b, Opd dst2) {
  unsigned sz = isz(t);
  switch (id) {
    case CFREE_INTR_TRAP:
    case CFREE_INTR_UNREACHABLE:
      e_.op(Mn::UD2);
      return;
    case CFREE_INTR_PREFETCH:
      return;
    case CFREE_INTR_BSWAP: {
      Reg d = R(dst.reg, 8);
      get(d, t, a);
      if (mt_size(t) == 2) {
        e_.op(Mn::ROL, reg(resize(d, 2)), imm(8));
        extend(d, t);
      } else {
        e_.op(Mn::BSWAP, reg(resize(d, sz)));
      }
      return;
    }
    case CFREE_INTR_CLZ:
    case CFREE_INTR_CTZ:
    case CFREE_INTR_FFS:
    case CFREE_INTR_POPCOUNT:
    case CFREE_INTR_PARITY:
    case CFREE_INTR_CLRSB: {
      Reg d = R(dst.reg, 4);
      unsigned bits = mt_size(t) * 8;
      get(Reg::RAX, t, a);
      Reg x = resize(Reg::RAX, bits == 64 ? 8 : 4);
      if (bits < 32 && id != CFREE_INTR_CLRSB) {
        // Zero-extend narrow operands for bit counting.
        e_.op(Mn::MOVZX, reg(Reg::EAX), reg(bits == 8 ? Reg::AL : Reg::AX));
      }
      switch (id) {
        case CFREE_INTR_CLZ:
          e_.op(Mn::BSR, reg(x), reg(x));
          e_.op(Mn::XOR, reg(Reg::EAX), imm((bits < 32 ? 32 : bits) - 1));
          if (bits < 32) e_.op(Mn::SUB, reg(Reg::EAX), imm(32 - bits));
          break;
        case CFREE_INTR_CTZ:
          e_.op(Mn::BSF, reg(x), reg(x));
          break;
        case CFREE_INTR_FFS:
          e_.op(Mn::MOV, reg(Reg::ECX), imm(-1));
          e_.op(Mn::BSF, reg(x), reg(x));
          e_.cmovcc(Cond::E, Reg::EAX, reg(Reg::ECX));
          e_.op(Mn::ADD, reg(Reg::EAX), imm(1));
          break;
        case CFREE_INTR_CLRSB: {
          // t = x ^ (x >> (bits-1)); result = clz(t << 1 | 1) within `bits`.
          if (bits < 32) e_.op(Mn::MOVSX, reg(Reg::EAX), reg(bits == 8 ? Reg::AL : Reg::AX));
          Reg w = bits == 64 ? Reg::RAX : Reg::EAX;
          Reg wc = bits == 64 ? Reg::RCX : Reg::ECX;
          unsigned wb = bits == 64 ? 64 : 32;
          e_.op(Mn::MOV, reg(wc), reg(w));
          e_.op(Mn::SAR, reg(wc), imm(wb - 1));
          e_.op(Mn::XOR, reg(w), reg(wc));
          e_.op(Mn::SHL, reg(w), imm(1));
          e_.op(Mn::OR, reg(w), imm(1));
          e_.op(Mn::BSR, reg(w), reg(w));
          e_.op(Mn::XOR, reg(Reg::EAX), imm(wb - 1));
          if (bits < 32) e_.op(Mn::SUB, reg(Reg::EAX), imm(32 - bits));
          break;
        }
        default: {
          // SWAR popcount (no POPCNT in the x86-64 baseline).
          Reg r = bits == 64 ? Reg::RAX : Reg::EAX;
          Reg c = bits == 64 ? Reg::RCX : Reg::ECX;
          Reg k = bits == 64 ? Reg::RDX : Reg::EDX;
          auto kconst = [&](u64 v) { mov_imm(Reg::RDX, static_cast<i64>(bits == 64 ? v : (v & 0xffffffffu))); };
          e_.op(Mn::MOV, reg(c), reg(r));
          e_.op(Mn::SHR, reg(c), imm(1));
          kconst(0x5555555555555555ull);
          e_.op(Mn::AND, reg(c), reg(k));
          e_.op(Mn::SUB, reg(r), reg(c));
          kconst(0x3333333333333333ull);
          e_.op(Mn::MOV, reg(c), reg(r));
          e_.op(Mn::AND, reg(c), reg(k));
          e_.op(Mn::SHR, reg(r), imm(2));
          e_.op(Mn::AND, reg(r), reg(k));
          e_.op(Mn::ADD, reg(r), reg(c));
          e_.op(Mn::MOV, reg(c), reg(r));
          e_.op(Mn::SHR, reg(c), imm(4));
          e_.op(Mn::ADD, reg(r), reg(c));
          kconst(0x0f0f0f0f0f0f0f0full);
          e_.op(Mn::AND, reg(r), reg(k));
          kconst(0x0101010101010101ull);
          e_.op(Mn::IMUL, reg(r), reg(k));
          e_.op(Mn::SHR, reg(r), imm(bits == 64 ? 56 : 24));
          if (id == CFREE_INTR_PARITY) e_.op(Mn::AND, reg(Reg::EAX), imm(1));
          break;
        }
      }
      e_.op(Mn::MOV, reg(d), reg(Reg::EAX));
      return;
    }
    case CFREE_INTR_FRAME_ADDRESS:
    case CFREE_INTR_RETURN_ADDRESS: {
      MCLabel loop = mc_.label_new(), done = mc_.label_new();
      e_.op(Mn::MOV, reg(Reg::RAX), reg(Reg::RBP));
      get(Reg::RCX, MT::U64, a);
      mc_.label_place(loop);
      e_.op(Mn::TEST, reg(Reg::RCX), reg(Reg::RCX));
      e_.jcc(Cond::E, done);
      e_.op(Mn::MOV, reg(Reg::RAX), x86::mem(8, Reg::RAX, 0));
      e_.op(Mn::SUB, reg(Reg::RCX), imm(1));
      e_.jmp(loop);
      mc_.label_place(done);
      if (id == CFREE_INTR_RETURN_ADDRESS) e_.op(Mn::MOV, reg(Reg::RAX), x86::mem(8, Reg::RAX, 8));
      e_.op(Mn::MOV, reg(R(dst.reg, 8)), reg(Reg::RAX));
      return;
    }
    case CFREE_INTR_ADD_OVERFLOW:
    case CFREE_INTR_SUB_OVERFLOW:
    case CFREE_INTR_MUL_OVERFLOW: {
      Reg d = R(dst.reg, 8);
      bool sgn = mt_is_signed(t);
      unsigned bits = mt_size(t) * 8;
      // Operands arrive as values of type t (frontends convert first).
      if (bits == 128) {
        overflow128(id, sgn, dst, a, b, dst2);
        return;
      }
      if (bits >= 32) {
        Reg w = resize(Reg::RAX, bits / 8);
        get(Reg::RAX, t, a);
        get(Reg::RCX, t, b);
        Reg wc = resize(Reg::RCX, bits / 8);
        Cond ov = sgn ? Cond::O : Cond::B;
        if (id == CFREE_INTR_ADD_OVERFLOW) e_.op(Mn::ADD, reg(w), reg(wc));
        else if (id == CFREE_INTR_SUB_OVERFLOW) e_.op(Mn::SUB, reg(w), reg(wc));
        else if (sgn) e_.op(Mn::IMUL, reg(w), reg(wc));
        else {
          e_.op(Mn::MUL, reg(wc));
          ov = Cond::O;
        }
        e_.setcc(ov, Reg::CL);
        e_.op(Mn::MOVZX, reg(R(dst2.reg, 4)), reg(Reg::CL));
        e_.op(Mn::MOV, reg(resize(d, bits / 8)), reg(w));
        return;
      }
      // 8/16-bit: compute in 32 bits, overflow if the result does not round-trip.
      get(Reg::RAX, t, a);
      get(Reg::RCX, t, b);
      if (id == CFREE_INTR_ADD_OVERFLOW) e_.op(Mn::ADD, reg(Reg::EAX), reg(Reg::ECX));
      else if (id == CFREE_INTR_SUB_OVERFLOW) e_.op(Mn::SUB, reg(Reg::EAX), reg(Reg::ECX));
      else e_.op(Mn::IMUL, reg(Reg::EAX), reg(Reg::ECX));
      e_.op(Mn::MOV, reg(Reg::EDX), reg(Reg::EAX));
      extend(Reg::RDX, t);
      e_.op(Mn::CMP, reg(Reg::EDX), reg(Reg::EAX));
      e_.setcc(Cond::NE, Reg::CL);
      e_.op(Mn::MOVZX, reg(R(dst2.reg, 4)), reg(Reg::CL));
      e_.op(Mn::MOV, reg(resize(d, 4)), reg(Reg::EDX));
      return;
    }
    case CFREE_INTR_SQRT:
      if (t == MT::F80) {
        x87_load(t, a);
        e_.op(Mn::FSQRT);
        x87_store(dst);
        return;
      }
      get(Reg::XMM0, t, a);
      e_.op(t == MT::F32 ? Mn::SQRTSS : Mn::SQRTSD, reg(Reg(dst.reg)), reg(Reg::XMM0));
      return;
    case CFREE_INTR_FABS:
      if (t == MT::F80) {
        x87_load(t, a);
        e_.op(Mn::FABS);
        x87_store(dst);
        return;
      }
      get(Reg(dst.reg), t, a);
      if (t == MT::F32) {
        e_.op(Mn::MOVD, reg(Reg::EAX), reg(Reg(dst.reg)));
        e_.op(Mn::AND, reg(Reg::EAX), imm(0x7fffffff));
        e_.op(Mn::MOVD, reg(Reg(dst.reg)), reg(Reg::EAX));
      } else {
        e_.op(Mn::MOVQ, reg(Reg::RAX), reg(Reg(dst.reg)));
        e_.op(Mn::BTR, reg(Reg::RAX), imm(63));
        e_.op(Mn::MOVQ, reg(Reg(dst.reg)), reg(Reg::RAX));
      }
      return;
  }
}

// __builtin_{add,sub,mul}_overflow on 128-bit operands: the result pair in
// dst, 0/1 in flag.  add/sub chain the carry (unsigned: CF, signed: OF of
// the high half).  mul multiplies magnitudes as unsigned -- overflow if both
// high halves are non-zero, a cross product or the sum of the cross products
// and the high half of lo*lo needs more than 64 bits -- and for signed
// operands restores the sign and checks the magnitude against 2^127.
void X86CG::overflow128(CfreeIntrinsic id, bool sgn, Opd dst, Opd a, Opd b, Opd flag) {
  Reg lo = R(dst.reg, 8), hi = R(dst.reg2, 8), f = R(flag.reg, 8), f32 = R(flag.reg, 4);
  move(MT::U128, dst, a);
  get128(Reg::R11, Reg::RCX, b);
  if (id != CFREE_INTR_MUL_OVERFLOW) {
    bool add = id == CFREE_INTR_ADD_OVERFLOW;
    e_.op(add ? Mn::ADD : Mn::SUB, reg(lo), reg(Reg::R11));
    e_.op(add ? Mn::ADC : Mn::SBB, reg(hi), reg(Reg::RCX));
    e_.setcc(sgn ? Cond::O : Cond::B, Reg::AL);
    e_.op(Mn::MOVZX, reg(f32), reg(Reg::AL));
    return;
  }
  // Negate the pair r1:r0 when its sign bit is set (r1 tested first).
  auto abs128 = [&](Reg r0, Reg r1) {
    MCLabel pos = mc_.label_new();
    e_.op(Mn::TEST, reg(r1), reg(r1));
    e_.jcc(Cond::NS, pos);
    e_.op(Mn::NEG, reg(r0));
    e_.op(Mn::ADC, reg(r1), imm(0));
    e_.op(Mn::NEG, reg(r1));
    mc_.label_place(pos);
  };
  if (sgn) {
    // The result's sign (a.hi ^ b.hi) waits on the stack.
    e_.op(Mn::MOV, reg(Reg::RAX), reg(hi));
    e_.op(Mn::XOR, reg(Reg::RAX), reg(Reg::RCX));
    e_.op(Mn::PUSH, reg(Reg::RAX));
    e_.op(Mn::PUSH, reg(Reg::RAX));  // keeps rsp 16-aligned (nothing is called)
    abs128(lo, hi);
    abs128(Reg::R11, Reg::RCX);
  }
  e_.op(Mn::XOR, reg(f32), reg(f32));
  MCLabel one_hi = mc_.label_new();
  e_.op(Mn::TEST, reg(hi), reg(hi));
  e_.jcc(Cond::E, one_hi);
  e_.op(Mn::TEST, reg(Reg::RCX), reg(Reg::RCX));
  e_.jcc(Cond::E, one_hi);
  e_.op(Mn::MOV, reg(f32), imm(1));
  mc_.label_place(one_hi);
  e_.op(Mn::MOV, reg(Reg::RAX), reg(hi));
  e_.op(Mn::MUL, reg(Reg::R11));  // a.hi * b.lo; CF when it needs the high half
  e_.op(Mn::ADC, reg(f), imm(0));
  e_.op(Mn::MOV, reg(hi), reg(Reg::RAX));
  e_.op(Mn::MOV, reg(Reg::RAX), reg(lo));
  e_.op(Mn::MUL, reg(Reg::RCX));  // a.lo * b.hi
  e_.op(Mn::ADC, reg(f), imm(0));
  e_.op(Mn::ADD, reg(hi), reg(Reg::RAX));
  e_.op(Mn::ADC, reg(f), imm(0));
  e_.op(Mn::MOV, reg(Reg::RAX), reg(lo));
  e_.op(Mn::MUL, reg(Reg::R11));  // a.lo * b.lo
  e_.op(Mn::ADD, reg(Reg::RDX), reg(hi));
  e_.op(Mn::ADC, reg(f), imm(0));
  e_.op(Mn::MOV, reg(lo), reg(Reg::RAX));
  e_.op(Mn::MOV, reg(hi), reg(Reg::RDX));
  if (sgn) {
    e_.op(Mn::POP, reg(Reg::RCX));
    e_.op(Mn::POP, reg(Reg::RCX));
    // Magnitude above 2^127-1 overflows unless negative and exactly 2^127.
    MCLabel fits = mc_.label_new(), done = mc_.label_new();
    e_.op(Mn::TEST, reg(hi), reg(hi));
    e_.jcc(Cond::NS, fits);
    e_.op(Mn::TEST, reg(Reg::RCX), reg(Reg::RCX));
    e_.jcc(Cond::NS, done);
    e_.op(Mn::MOV, reg(Reg::RAX), reg(hi));
    e_.op(Mn::SHL, reg(Reg::RAX), imm(1));
    e_.op(Mn::OR, reg(Reg::RAX), reg(lo));
    e_.jcc(Cond::E, fits);  // exactly 2^127, negated below to itself
    mc_.label_place(done);
    e_.op(Mn::MOV, reg(f32), imm(1));
    mc_.label_place(fits);
    MCLabel pos = mc_.label_new();
    e_.op(Mn::TEST, reg(Reg::RCX), reg(Reg::RCX));
    e_.jcc(Cond::NS, pos);
    e_.op(Mn::NEG, reg(lo));
    e_.op(Mn::ADC, reg(hi), imm(0));
    e_.op(Mn::NEG, reg(hi));
    mc_.label_place(pos);
  }
  e_.op(Mn::TEST, reg(f), reg(f));
  e_.setcc(Cond::NE, Reg::AL);
  e_.op(Mn::MOVZX, reg(f32), reg(Reg::AL));
}

}  // namespace cfree::x86

namespace cfree {

std::unique_ptr<CGTarget> cgtarget_new_x86_64(Compiler& c, MCEmitter& mc, const CGOptions& o) {
  return std::make_unique<x86::X86CG>(c, mc, o);
}

}  // namespace cfree
