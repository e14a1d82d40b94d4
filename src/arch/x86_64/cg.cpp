// cg.cpp: the x86-64 CGTarget -- function frame, registers, operands, data
// movement and memory (see cg.h for the register and frame conventions).
//
// Integer registers hold values of types narrower than 64 bits in their low
// 32 bits, extended to 32 bits per the type's signedness, with the upper 32
// bits zero (what `movzx/movsx r32` and every 32-bit operation leave), so a
// 32-bit operation is always correct on them and 8/16-bit results are
// re-extended after arithmetic.
#include "arch/x86_64/cg.h"

namespace cfree::x86 {

namespace {
constexpr Reg kGprPool[] = {Reg::RDI, Reg::RSI, Reg::R8, Reg::R9, Reg::R10};
constexpr Reg kArgGpr[] = {Reg::RDI, Reg::RSI, Reg::RDX, Reg::RCX, Reg::R8, Reg::R9};
}  // namespace

Reg R(CGReg r, unsigned size) {
  Reg x = Reg(r);
  if (is_xmm(x)) return x;
  return resize(x, size);
}

X86CG::X86CG(Compiler& c, MCEmitter& mc, const CGOptions& o)
    : c_(c), mc_(mc), ob_(mc.obj()), e_(mc), opt_(o) {}

// ---- Frame and registers ----------------------------------------------------

CGSlot X86CG::frame_slot(u64 size, u32 align, u32) {
  if (align < 1) align = 1;
  if (align > 16) align = 16;  // rbp is only 16-aligned (over-aligned locals: TODO realign)
  frame_ = align_up(frame_ + size, align);
  if (frame_ > 0x7fff0000) c_.fatal(0, "stack frame too large");
  slots_.push_back({-static_cast<i32>(frame_), static_cast<u32>(size)});
  return static_cast<CGSlot>(slots_.size() - 1);
}

CGSlot X86CG::scratch_slot() {
  if (!scratch_slot_) scratch_slot_ = frame_slot(16, 16, 0);
  return scratch_slot_;
}

CGReg X86CG::alloc_reg(RC cls) {
  if (cls == RC::Gpr) {
    for (Reg r : kGprPool) {
      u32 bit = 1u << reg_num(r);
      if (!(used_ & bit)) {
        used_ |= bit;
        return static_cast<CGReg>(r);
      }
    }
    return 0;
  }
  if (cls == RC::Fpr) {
    for (unsigned n = 2; n < 16; n++) {
      u32 bit = 1u << (16 + n);
      if (!(used_ & bit)) {
        used_ |= bit;
        return static_cast<CGReg>(make_reg(RegClass::Xmm, n));
      }
    }
    return 0;
  }
  CFREE_UNREACHABLE("x86: memory-class registers are CG temporaries");
}

void X86CG::free_reg(CGReg r) {
  Reg x = Reg(r);
  used_ &= ~(1u << (reg_num(x) + (is_xmm(x) ? 16 : 0)));
}

void X86CG::spill(CGReg r, MT t, CGSlot slot) { put(t, frame_mem(slot, 0, mt_size(t)), R(r, isz(t))); }
void X86CG::reload(CGReg r, MT t, CGSlot slot) { get(R(r, 8), t, Opd::frame(slot, 0)); }

void X86CG::func_begin(const CGFuncDesc& d) {
  if (d.nested) {
    outer_.push_back({frame_, sub_at_, used_, sret_slot_, rsa_slot_, scratch_slot_, chain_slot_, fabi_, variadic_,
                      named_gp_, named_fp_, named_stack_, std::move(pads_)});
    pads_.clear();
  } else {
    slots_.assign(1, Slot{0, 0});
    outer_.clear();
    pads_.clear();
  }
  frame_ = 0;
  used_ = 0;
  sret_slot_ = rsa_slot_ = scratch_slot_ = chain_slot_ = 0;
  fabi_ = d.abi;
  variadic_ = d.variadic;
  mc_.set_loc(d.loc);
  e_.op(Mn::PUSH, reg(Reg::RBP));
  e_.op(Mn::MOV, reg(Reg::RBP), reg(Reg::RSP));
  e_.op(Mn::SUB, reg(Reg::RSP), imm(0x10000));  // imm32 form; patched at func_end
  sub_at_ = mc_.offset() - 4;
  if (d.nested) {
    chain_slot_ = frame_slot(8, 8, 0);
    e_.op(Mn::MOV, frame_mem(chain_slot_, 0, 8), reg(Reg::R10));
  }
  // Named-argument register use (va_start) and the incoming stack area.
  named_gp_ = named_fp_ = named_stack_ = 0;
  if (fabi_->sret) {
    named_gp_ = 1;
    sret_slot_ = frame_slot(8, 8, 0);
    e_.op(Mn::MOV, frame_mem(sret_slot_, 0, 8), reg(kArgGpr[fabi_->sret_reg]));
  }
  for (size_t i = 0; i < fabi_->n_args; i++) {
    const CfreeAbiValue& v = fabi_->args[i];
    for (u32 p = 0; p < v.n_parts; p++) {
      const CfreeAbiPart& part = v.parts[p];
      if (part.kind == CFREE_ABI_GPR) named_gp_ = std::max(named_gp_, part.reg + 1);
      if (part.kind == CFREE_ABI_FPR) named_fp_ = std::max(named_fp_, part.reg + 1);
      if (part.kind == CFREE_ABI_STACK)
        named_stack_ = std::max<u32>(named_stack_, static_cast<u32>(align_up(part.stack_offset + part.size, 8)));
    }
  }
  if (variadic_) {
    // The register save area: 6 GPRs then 8 XMMs (psABI §3.5.7, figure 3.33).
    rsa_slot_ = frame_slot(176, 16, 0);
    for (unsigned i = 0; i < 6; i++) e_.op(Mn::MOV, frame_mem(rsa_slot_, i * 8, 8), reg(kArgGpr[i]));
    MCLabel skip = mc_.label_new();
    e_.op(Mn::TEST, reg(Reg::AL), reg(Reg::AL));
    e_.jcc(Cond::E, skip);
    for (unsigned i = 0; i < 8; i++)
      e_.op(Mn::MOVUPS, frame_mem(rsa_slot_, 48 + i * 16, 16), reg(make_reg(RegClass::Xmm, i)));
    mc_.label_place(skip);
  }
}

void X86CG::param(u32 index, CGSlot slot, const CfreeAbiValue& abi, u64 size, bool aggregate) {
  (void)index;
  (void)aggregate;
  for (u32 p = 0; p < abi.n_parts; p++) {
    const CfreeAbiPart& part = abi.parts[p];
    switch (part.kind) {
      case CFREE_ABI_GPR:
        // The slot is rounded to eightbytes: store the whole register (no
        // scratch register: rcx may still hold a later argument).
        e_.op(Mn::MOV, frame_mem(slot, part.offset, 8), reg(kArgGpr[part.reg]));
        break;
      case CFREE_ABI_FPR:
        // A 16-byte part is a whole XMM register (SSE+SSEUP: vectors, __float128 members).
        if (part.size > 8)
          e_.op(Mn::MOVUPS, frame_mem(slot, part.offset, 16), reg(make_reg(RegClass::Xmm, part.reg)));
        else
          e_.op(part.size == 4 ? Mn::MOVSS : Mn::MOVSD, frame_mem(slot, part.offset, part.size == 4 ? 4 : 8),
                reg(make_reg(RegClass::Xmm, part.reg)));
        break;
      case CFREE_ABI_STACK:
        copy_mem(frame_mem(slot, part.offset, 8), x86::mem(8, Reg::RBP, 16 + part.stack_offset),
                 part.size ? part.size : size);
        break;
      case CFREE_ABI_INDIRECT:
        // A pointer to a caller copy: copy the value into the slot.
        if (part.reg < 6) e_.op(Mn::MOV, reg(Reg::RAX), reg(kArgGpr[part.reg]));
        else e_.op(Mn::MOV, reg(Reg::RAX), x86::mem(8, Reg::RBP, 16 + part.stack_offset));
        copy_mem(frame_mem(slot, 0, 8), x86::mem(8, Reg::RAX, 0), size);
        break;
      default:
        break;
    }
  }
}

void X86CG::func_end() {
  // A function that falls off its end returns (C allows it for non-main).
  e_.op(Mn::LEAVE);
  e_.op(Mn::RET);
  u64 frame = align_up(frame_, 16);
  // Non-local goto landing pads: rbp is already this frame's; reset rsp.
  for (auto [pad, l] : pads_) {
    mc_.label_place(pad);
    e_.op(Mn::LEA, reg(Reg::RSP), x86::mem(8, Reg::RBP, -static_cast<i64>(frame)));
    e_.jmp(l);
  }
  mc_.patch_le(sub_at_, frame, 4);
  mc_.resolve();
  if (outer_.empty()) {
    mc_.labels_reset();
    return;
  }
  // Back to the enclosing function (labels stay: it is still open).
  Suspended& o = outer_.back();
  frame_ = o.frame;
  sub_at_ = o.sub_at;
  used_ = o.used;
  sret_slot_ = o.sret;
  rsa_slot_ = o.rsa;
  scratch_slot_ = o.scratch;
  chain_slot_ = o.chain;
  fabi_ = o.fabi;
  variadic_ = o.variadic;
  named_gp_ = o.named_gp;
  named_fp_ = o.named_fp;
  named_stack_ = o.named_stack;
  pads_ = std::move(o.pads);
  outer_.pop_back();
}

// ---- Nested functions ----------------------------------------------------------------

void X86CG::frame_into(Reg dst, unsigned up) {
  if (up == 0) {
    e_.op(Mn::MOV, reg(dst), reg(Reg::RBP));
    return;
  }
  if (!chain_slot_ || up > outer_.size()) CFREE_UNREACHABLE("x86: no enclosing function");
  e_.op(Mn::MOV, reg(dst), frame_mem(chain_slot_, 0, 8));
  // Each enclosing nested function saved its own chain in its frame.
  for (unsigned k = 1; k < up; k++) {
    CGSlot cs = outer_[outer_.size() - k].chain;
    if (!cs) CFREE_UNREACHABLE("x86: enclosing function has no static chain");
    e_.op(Mn::MOV, reg(dst), x86::mem(8, dst, slot_off(cs)));
  }
}

void X86CG::frame_of(CGReg dst, unsigned up) { frame_into(R(dst, 8), up); }

void X86CG::outer_slot_addr(CGReg dst, unsigned up, CGSlot s, i64 off) {
  Reg d = R(dst, 8);
  frame_into(d, up);
  e_.op(Mn::LEA, reg(d), x86::mem(8, d, slot_off(s) + off));
}

void X86CG::nonlocal_jump(unsigned up, CGLabel l) {
  if (up == 0 || up > outer_.size()) CFREE_UNREACHABLE("x86: non-local goto to no enclosing function");
  auto& pads = outer_[outer_.size() - up].pads;
  CGLabel pad = 0;
  for (auto [p, t] : pads)
    if (t == l) pad = p;
  if (!pad) {
    pad = mc_.label_new();
    pads.push_back({pad, l});
  }
  frame_into(Reg::RAX, up);
  e_.op(Mn::MOV, reg(Reg::RBP), reg(Reg::RAX));
  e_.jmp(pad);
}

// GCC's buffer layout: [0] frame pointer, [1] resume address, [2] stack pointer.
void X86CG::builtin_setjmp(Opd buf, Opd dst) {
  Reg b = R(buf.reg, 8), d = R(dst.reg, 4);
  MCLabel resume = mc_.label_new(), done = mc_.label_new();
  e_.op(Mn::MOV, x86::mem(8, b, 0), reg(Reg::RBP));
  e_.op(Mn::LEA, reg(Reg::RAX), rip_label(8, resume, 0));
  e_.op(Mn::MOV, x86::mem(8, b, 8), reg(Reg::RAX));
  e_.op(Mn::MOV, x86::mem(8, b, 16), reg(Reg::RSP));
  e_.op(Mn::XOR, reg(d), reg(d));
  e_.jmp(done);
  mc_.label_place(resume);  // rbp and rsp are back; no register survived
  e_.op(Mn::MOV, reg(d), imm(1));
  mc_.label_place(done);
}

void X86CG::builtin_longjmp(Opd buf) {
  Reg b = R(buf.reg, 8);
  e_.op(Mn::MOV, reg(Reg::R11), x86::mem(8, b, 8));
  e_.op(Mn::MOV, reg(Reg::RBP), x86::mem(8, b, 0));
  e_.op(Mn::MOV, reg(Reg::RSP), x86::mem(8, b, 16));
  e_.op(Mn::JMP, reg(Reg::R11));
}

// ---- Symbols and operands ---------------------------------------------------------

bool X86CG::sym_is_tls(ObjSymId s) const { return ob_.symbol_get(s).type == SymType::Tls; }

bool X86CG::sym_needs_got(ObjSymId s) const {
  const ObjSymbol& os = ob_.symbol_get(s);
  if (os.bind == SymBind::Local) return false;
  if (!opt_.pic) return false;
  if (os.vis == SymVis::Hidden || os.vis == SymVis::Internal) return os.place == SymPlace::Undef && os.bind == SymBind::Weak;
  if (os.bind == SymBind::Weak && os.place != SymPlace::Section) return true;
  if (opt_.pie) return os.place != SymPlace::Section;
  return true;  // -fPIC: default-visibility globals may be preempted
}

Operand X86CG::mem(Opd m, unsigned size, Reg scratch) {
  switch (m.kind) {
    case OK::Frame:
      return x86::mem(size, Reg::RBP, slot_off(m.id) + m.off);
    case OK::Indirect:
      return x86::mem(size, R(m.reg, 8), m.off);
    case OK::Global: {
      ObjSymId s = m.id;
      if (sym_is_tls(s)) {
        const ObjSymbol& os = ob_.symbol_get(s);
        bool local_exec = os.place == SymPlace::Section && !(opt_.pic && !opt_.pie);
        e_.op(Mn::MOV, reg(scratch), with_seg(x86::mem(8, Reg::None, 0), Reg::FS));
        if (local_exec) {
          Operand o = x86::mem(size, scratch, m.off);
          o.sym = s;
          o.rkind = RelocKind::TpOff32;
          return o;
        }
        e_.op(Mn::ADD, reg(scratch), rip(8, s, 0, RelocKind::GotTpOff));
        return x86::mem(size, scratch, m.off);
      }
      if (sym_needs_got(s)) {
        e_.op(Mn::MOV, reg(scratch), rip(8, s, 0, RelocKind::RexGotPcRelX));
        return x86::mem(size, scratch, m.off);
      }
      return rip(size, s, m.off);
    }
    default:
      CFREE_UNREACHABLE("x86: not a memory operand");
  }
}

void X86CG::lea(Reg dst, Opd m) {
  if (m.kind == OK::Global && !sym_is_tls(m.id) && sym_needs_got(m.id)) {
    e_.op(Mn::MOV, reg(dst), rip(8, m.id, 0, RelocKind::RexGotPcRelX));
    if (m.off) {
      if (m.off >= INT32_MIN && m.off <= INT32_MAX) {
        e_.op(Mn::ADD, reg(dst), imm(m.off));
      } else {
        e_.op(Mn::MOVABS, reg(Reg::R11), imm(m.off));
        e_.op(Mn::ADD, reg(dst), reg(Reg::R11));
      }
    }
    return;
  }
  if (m.kind == OK::LabelAddr) {
    e_.op(Mn::LEA, reg(dst), rip_label(8, m.id, 0));
    return;
  }
  e_.op(Mn::LEA, reg(dst), mem(m, 8, dst == Reg::R11 ? Reg::R11 : Reg::R11));
}

void X86CG::mov_imm(Reg dst, i64 v) {
  if (reg_size(dst) == 8) {
    if (v >= 0 && v <= 0xffffffffll) {
      if (v == 0) e_.op(Mn::XOR, reg(resize(dst, 4)), reg(resize(dst, 4)));
      else e_.op(Mn::MOV, reg(resize(dst, 4)), imm(v));
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
      e_.op(Mn::MOV, reg(dst), imm(v));
    } else {
      e_.op(Mn::MOVABS, reg(dst), imm(v));
    }
    return;
  }
  Reg d = resize(dst, 4);
  u32 x = static_cast<u32>(v);
  if (x == 0) e_.op(Mn::XOR, reg(d), reg(d));
  else e_.op(Mn::MOV, reg(d), imm(static_cast<i32>(x)));
}

// Normalize integer constant bits to the register convention of t.
static i64 norm_imm(MT t, i64 v) {
  switch (t) {
    case MT::S8: return static_cast<u32>(static_cast<i32>(static_cast<i8>(v)));
    case MT::U8: return static_cast<u8>(v);
    case MT::S16: return static_cast<u32>(static_cast<i32>(static_cast<i16>(v)));
    case MT::U16: return static_cast<u16>(v);
    case MT::S32: case MT::U32: return static_cast<u32>(v);
    default: return v;
  }
}

void X86CG::extend(Reg r, MT t) {
  Reg d = resize(r, 4);
  switch (t) {
    case MT::S8: e_.op(Mn::MOVSX, reg(d), reg(resize(r, 1))); break;
    case MT::U8: e_.op(Mn::MOVZX, reg(d), reg(resize(r, 1))); break;
    case MT::S16: e_.op(Mn::MOVSX, reg(d), reg(resize(r, 2))); break;
    case MT::U16: e_.op(Mn::MOVZX, reg(d), reg(resize(r, 2))); break;
    default: break;
  }
}

void X86CG::get(Reg dst, MT t, Opd src) {
  if (is_xmm(dst)) {
    Mn mv = t == MT::F32 ? Mn::MOVSS : Mn::MOVSD;
    switch (src.kind) {
      case OK::Reg:
        if (is_xmm(Reg(src.reg))) {
          if (Reg(src.reg) != dst) e_.op(Mn::MOVAPS, reg(dst), reg(Reg(src.reg)));
        } else {
          e_.op(t == MT::F32 ? Mn::MOVD : Mn::MOVQ, reg(dst), reg(R(src.reg, t == MT::F32 ? 4 : 8)));
        }
        return;
      case OK::Imm:
        if (src.off == 0) {
          e_.op(Mn::XORPS, reg(dst), reg(dst));
          return;
        }
        mov_imm(t == MT::F32 ? Reg::EAX : Reg::RAX, t == MT::F32 ? static_cast<u32>(src.off) : src.off);
        e_.op(t == MT::F32 ? Mn::MOVD : Mn::MOVQ, reg(dst), reg(t == MT::F32 ? Reg::EAX : Reg::RAX));
        return;
      default:
        e_.op(mv, reg(dst), mem(src, t == MT::F32 ? 4 : 8));
        return;
    }
  }
  unsigned sz = isz(t);
  Reg d = resize(dst, sz);
  switch (src.kind) {
    case OK::Imm:
      mov_imm(resize(dst, 8), sz == 4 ? norm_imm(t, src.off) : src.off);
      return;
    case OK::Reg: {
      Reg s = Reg(src.reg);
      if (is_xmm(s)) {
        e_.op(sz == 4 ? Mn::MOVD : Mn::MOVQ, reg(d), reg(s));
      } else if (reg_num(s) != reg_num(d)) {
        e_.op(Mn::MOV, reg(d), reg(resize(s, sz)));
      }
      return;
    }
    case OK::LabelAddr:
      e_.op(Mn::LEA, reg(resize(dst, 8)), rip_label(8, src.id, 0));
      return;
    default:
      break;
  }
  Operand m = mem(src, mt_size(t) > 8 ? 8 : mt_size(t), reg_num(dst) == reg_num(Reg::R11) ? Reg::RAX : Reg::R11);
  switch (t) {
    case MT::S8: case MT::S16: e_.op(Mn::MOVSX, reg(d), m); break;
    case MT::U8: case MT::U16: e_.op(Mn::MOVZX, reg(d), m); break;
    default: e_.op(Mn::MOV, reg(d), m); break;
  }
}

void X86CG::put(MT t, Operand m, Reg src) {
  if (is_xmm(src)) {
    m.size = t == MT::F32 ? 4 : 8;
    e_.op(t == MT::F32 ? Mn::MOVSS : Mn::MOVSD, m, reg(src));
    return;
  }
  unsigned sz = mt_size(t) > 8 ? 8 : mt_size(t);
  m.size = static_cast<u8>(sz);
  e_.op(Mn::MOV, m, reg(resize(src, sz)));
}

void X86CG::move(MT t, Opd dst, Opd src) {
  if (dst.kind == OK::Reg && dst.reg2) {
    // 128-bit pair.
    if (src.kind == OK::Imm) {
      mov_imm(R(dst.reg, 8), src.off);
      mov_imm(R(dst.reg2, 8), static_cast<i64>(src.hi));
    } else if (src.kind == OK::Reg) {
      if (src.reg != dst.reg) e_.op(Mn::MOV, reg(R(dst.reg, 8)), reg(R(src.reg, 8)));
      if (src.reg2 != dst.reg2) e_.op(Mn::MOV, reg(R(dst.reg2, 8)), reg(R(src.reg2, 8)));
    } else {
      e_.op(Mn::MOV, reg(R(dst.reg, 8)), mem(src, 8));
      e_.op(Mn::MOV, reg(R(dst.reg2, 8)), mem(src.plus(8), 8));
    }
    return;
  }
  if (dst.kind != OK::Reg) {
    // Memory-class values (x87): copy.
    if (src.is_mem()) copy_bytes(dst, src, 16, 16);
    else store(t, dst, src, MemAccess{mt_size(t), 0, 0});
    return;
  }
  get(R(dst.reg, 8), t, src);
}

void X86CG::load_const(MT t, Opd dst, const void* bytes) {
  if (dst.kind != OK::Reg) {
    // x87 / binary128 into a temporary slot: write the 16 bytes.
    u64 w[2];
    std::memcpy(w, bytes, 16);
    if (t == MT::F80) w[1] &= 0xffff;
    for (int i = 0; i < 2; i++) {
      mov_imm(Reg::RAX, static_cast<i64>(w[i]));
      e_.op(Mn::MOV, mem(dst.plus(i * 8), 8), reg(Reg::RAX));
    }
    return;
  }
  if (dst.reg2) {
    u64 w[2];
    std::memcpy(w, bytes, 16);
    mov_imm(R(dst.reg, 8), static_cast<i64>(w[0]));
    mov_imm(R(dst.reg2, 8), static_cast<i64>(w[1]));
    return;
  }
  u64 v = 0;
  std::memcpy(&v, bytes, t == MT::F32 ? 4 : 8);
  get(R(dst.reg, 8), t, Opd::imm(static_cast<i64>(v)));
}

void X86CG::load(MT t, Opd dst, Opd m, const MemAccess&) {
  if (dst.kind == OK::Reg && dst.reg2) {
    Operand lo = mem(m, 8);
    Operand hi = lo;
    hi.imm += 8;
    // The base may be dst.reg itself: load the high half first then.
    if (lo.base == R(dst.reg, 8)) {
      e_.op(Mn::MOV, reg(R(dst.reg2, 8)), hi);
      e_.op(Mn::MOV, reg(R(dst.reg, 8)), lo);
    } else {
      e_.op(Mn::MOV, reg(R(dst.reg, 8)), lo);
      e_.op(Mn::MOV, reg(R(dst.reg2, 8)), hi);
    }
    return;
  }
  if (dst.kind != OK::Reg) {
    copy_bytes(dst, m, 16, 1);
    return;
  }
  get(R(dst.reg, 8), t, m);
}

void X86CG::store(MT t, Opd m, Opd src, const MemAccess&) {
  if (t == MT::S128 || t == MT::U128) {
    if (src.kind == OK::Imm) {
      mov_imm(Reg::RAX, src.off);
      mov_imm(Reg::RDX, static_cast<i64>(src.hi));
    } else if (src.kind == OK::Reg) {
      e_.op(Mn::MOV, reg(Reg::RAX), reg(R(src.reg, 8)));
      e_.op(Mn::MOV, reg(Reg::RDX), reg(R(src.reg2, 8)));
    } else {
      e_.op(Mn::MOV, reg(Reg::RAX), mem(src, 8));
      e_.op(Mn::MOV, reg(Reg::RDX), mem(src.plus(8), 8));
    }
    Operand lo = mem(m, 8);
    e_.op(Mn::MOV, lo, reg(Reg::RAX));
    lo.imm += 8;
    e_.op(Mn::MOV, lo, reg(Reg::RDX));
    return;
  }
  if (t == MT::F80 || t == MT::F128) {
    if (src.is_mem()) copy_bytes(m, src, t == MT::F80 ? 10 : 16, 1);
    else CFREE_UNREACHABLE("x86: x87 value not in memory");
    return;
  }
  if (mt_is_float(t)) {
    Reg s = Reg::XMM0;
    if (src.kind == OK::Reg && is_xmm(Reg(src.reg))) s = Reg(src.reg);
    else get(s, t, src);
    put(t, mem(m, mt_size(t)), s);
    return;
  }
  unsigned sz = mt_size(t);
  if (src.kind == OK::Imm && (sz < 8 || (src.off >= INT32_MIN && src.off <= INT32_MAX))) {
    Operand d = mem(m, sz);
    i64 v = src.off;
    if (sz == 1) v = static_cast<i8>(v);
    else if (sz == 2) v = static_cast<i16>(v);
    else if (sz == 4) v = static_cast<i32>(v);
    e_.op(Mn::MOV, d, imm(v));
    return;
  }
  Reg s = Reg::RAX;
  if (src.kind == OK::Reg && !is_xmm(Reg(src.reg))) s = R(src.reg, 8);
  else get(Reg::RAX, t, src);
  put(t, mem(m, sz), s);
}

void X86CG::addr_of(Opd dst, Opd m) { lea(R(dst.reg, 8), m); }

// Copy `size` bytes between two memory operands whose bases stay valid
// (rbp, rip, or registers other than rax/rcx).
void X86CG::copy_mem(Operand dst, Operand src, u64 size) {
  u64 off = 0;
  while (size - off >= 8) {
    Operand s = src, d = dst;
    s.imm += off; s.size = 8;
    d.imm += off; d.size = 8;
    e_.op(Mn::MOV, reg(Reg::RAX), s);
    e_.op(Mn::MOV, d, reg(Reg::RAX));
    off += 8;
  }
  for (unsigned w : {4u, 2u, 1u}) {
    if (size - off >= w) {
      Operand s = src, d = dst;
      s.imm += off; s.size = static_cast<u8>(w);
      d.imm += off; d.size = static_cast<u8>(w);
      e_.op(Mn::MOV, reg(resize(Reg::RAX, w)), s);
      e_.op(Mn::MOV, d, reg(resize(Reg::RAX, w)));
      off += w;
    }
  }
}

void X86CG::copy_bytes(Opd dst, Opd src, u64 size, u32) {
  if (size <= 128) {
    // Bases: frame/rip need nothing; GOT/TLS addresses go to r11 and rdx.
    Operand d = mem(dst, 8, Reg::R11);
    Operand s = mem(src, 8, Reg::RDX);
    copy_mem(d, s, size);
    return;
  }
  lea(Reg::RAX, src);
  lea(Reg::RDX, dst);
  e_.op(Mn::PUSH, reg(Reg::RDI));
  e_.op(Mn::PUSH, reg(Reg::RSI));
  e_.op(Mn::MOV, reg(Reg::RDI), reg(Reg::RDX));
  e_.op(Mn::MOV, reg(Reg::RSI), reg(Reg::RAX));
  mov_imm(Reg::RCX, static_cast<i64>(size));
  Insn i = insn(Mn::MOVS);
  i.opsize = 1;
  i.prefixes = PFX_REP;
  e_.emit(i);
  e_.op(Mn::POP, reg(Reg::RSI));
  e_.op(Mn::POP, reg(Reg::RDI));
}

void X86CG::set_bytes(Opd dst, Opd byte, u64 size, u32) {
  // rax = the byte replicated.
  if (byte.kind == OK::Imm) {
    u64 b = static_cast<u8>(byte.off);
    mov_imm(Reg::RAX, static_cast<i64>(b * 0x0101010101010101ull));
  } else {
    e_.op(Mn::MOVZX, reg(Reg::EAX), reg(R(byte.reg, 1)));
    e_.op(Mn::MOVABS, reg(Reg::RCX), imm(0x0101010101010101ll));
    e_.op(Mn::IMUL, reg(Reg::RAX), reg(Reg::RCX));
  }
  if (size <= 128) {
    Operand d = mem(dst, 8, Reg::R11);
    u64 off = 0;
    for (unsigned w : {8u, 4u, 2u, 1u}) {
      while (size - off >= w) {
        Operand x = d;
        x.imm += off;
        x.size = static_cast<u8>(w);
        e_.op(Mn::MOV, x, reg(resize(Reg::RAX, w)));
        off += w;
      }
    }
    return;
  }
  lea(Reg::RDX, dst);
  e_.op(Mn::PUSH, reg(Reg::RDI));
  e_.op(Mn::MOV, reg(Reg::RDI), reg(Reg::RDX));
  mov_imm(Reg::RCX, static_cast<i64>(size));
  Insn i = insn(Mn::STOS);
  i.opsize = 1;
  i.prefixes = PFX_REP;
  e_.emit(i);
  e_.op(Mn::POP, reg(Reg::RDI));
}

void X86CG::copy_dynamic(Opd dst, Opd src, Opd size) {
  e_.op(Mn::PUSH, reg(Reg::RDI));
  e_.op(Mn::PUSH, reg(Reg::RSI));
  e_.op(Mn::MOV, reg(Reg::RAX), reg(R(src.reg, 8)));
  e_.op(Mn::MOV, reg(Reg::RDX), reg(R(dst.reg, 8)));
  e_.op(Mn::MOV, reg(Reg::RCX), reg(R(size.reg, 8)));
  e_.op(Mn::MOV, reg(Reg::RDI), reg(Reg::RDX));
  e_.op(Mn::MOV, reg(Reg::RSI), reg(Reg::RAX));
  Insn i = insn(Mn::MOVS);
  i.opsize = 1;
  i.prefixes = PFX_REP;
  e_.emit(i);
  e_.op(Mn::POP, reg(Reg::RSI));
  e_.op(Mn::POP, reg(Reg::RDI));
}

void X86CG::fill_dynamic(Opd dst, Opd size, Opd byte) {
  e_.op(Mn::PUSH, reg(Reg::RDI));
  e_.op(Mn::MOV, reg(Reg::RDX), reg(R(dst.reg, 8)));
  e_.op(Mn::MOV, reg(Reg::RCX), reg(R(size.reg, 8)));
  e_.op(Mn::MOV, reg(Reg::EAX), reg(R(byte.reg, 4)));
  e_.op(Mn::MOV, reg(Reg::RDI), reg(Reg::RDX));
  Insn i = insn(Mn::STOS);
  i.opsize = 1;
  i.prefixes = PFX_REP;
  e_.emit(i);
  e_.op(Mn::POP, reg(Reg::RDI));
}

// Load exactly `size` (1..8) bytes, zero-extended, into dst (not rcx).
void X86CG::load_partial(Reg dst, Opd m, unsigned size) {
  Operand base = mem(m, 8, Reg::R11);
  auto at = [&](unsigned off, unsigned w) {
    Operand o = base;
    o.imm += off;
    o.size = static_cast<u8>(w);
    return o;
  };
  switch (size) {
    case 1: e_.op(Mn::MOVZX, reg(resize(dst, 4)), at(0, 1)); return;
    case 2: e_.op(Mn::MOVZX, reg(resize(dst, 4)), at(0, 2)); return;
    case 4: e_.op(Mn::MOV, reg(resize(dst, 4)), at(0, 4)); return;
    case 8: e_.op(Mn::MOV, reg(dst), at(0, 8)); return;
    default: break;
  }
  // 3, 5, 6, 7: assemble from the top down.
  e_.op(Mn::XOR, reg(resize(dst, 4)), reg(resize(dst, 4)));
  unsigned off = size;
  while (off > 0) {
    unsigned w = off >= 4 && (off % 4) == 0 ? 4 : off >= 2 && (off % 2) == 0 ? 2 : 1;
    off -= w;
    e_.op(Mn::SHL, reg(dst), imm(w * 8));
    if (w == 4) e_.op(Mn::MOV, reg(Reg::ECX), at(off, 4));
    else e_.op(Mn::MOVZX, reg(Reg::ECX), at(off, w));
    e_.op(Mn::OR, reg(dst), reg(Reg::RCX));
  }
}

// Store the low `size` (1..8) bytes of src (not rcx).
void X86CG::store_partial(Opd m, Reg src, unsigned size) {
  Operand base = mem(m, 8, Reg::R11);
  auto at = [&](unsigned off, unsigned w) {
    Operand o = base;
    o.imm += off;
    o.size = static_cast<u8>(w);
    return o;
  };
  if (size == 1 || size == 2 || size == 4 || size == 8) {
    e_.op(Mn::MOV, at(0, size), reg(resize(src, size)));
    return;
  }
  e_.op(Mn::MOV, reg(Reg::RCX), reg(src));
  unsigned off = 0;
  while (off < size) {
    unsigned left = size - off;
    unsigned w = left >= 4 ? 4 : left >= 2 ? 2 : 1;
    e_.op(Mn::MOV, at(off, w), reg(resize(Reg::RCX, w)));
    e_.op(Mn::SHR, reg(Reg::RCX), imm(w * 8));
    off += w;
  }
}

ObjSymId X86CG::const_sym(const void* bytes, size_t n, u32 align) {
  ObjSymbol os;
  char name[32];
  std::snprintf(name, sizeof name, ".LCX%zu", consts_.size());
  os.name = ob_.syms().intern(name);
  os.bind = SymBind::Local;
  os.type = SymType::Object;
  ObjSymId id = ob_.symbol(os);
  mc_.push_section(ob_.section_named(".rodata", SecKind::RoData));
  mc_.align(align, 0);
  mc_.define_here(id, n);
  mc_.emit(bytes, n);
  mc_.pop_section();
  consts_.push_back(id);
  return id;
}

// ---- Bit-fields ------------------------------------------------------------------

void X86CG::bitfield_load(MT t, Opd dst, Opd m, const CfreeBitField& bf) {
  unsigned u = bf.storage_size;
  Operand src = mem(m, u);
  if (u == 8) e_.op(Mn::MOV, reg(Reg::RAX), src);
  else if (u == 4) e_.op(Mn::MOV, reg(Reg::EAX), src);
  else e_.op(Mn::MOVZX, reg(Reg::EAX), src);
  unsigned left = 64 - bf.bit_offset - bf.bit_width;
  if (left) e_.op(Mn::SHL, reg(Reg::RAX), imm(left));
  e_.op(bf.is_signed ? Mn::SAR : Mn::SHR, reg(Reg::RAX), imm(64 - bf.bit_width));
  Reg d = R(dst.reg, 8);
  if (isz(t) == 4) e_.op(Mn::MOV, reg(resize(d, 4)), reg(Reg::EAX));
  else e_.op(Mn::MOV, reg(d), reg(Reg::RAX));
  extend(d, t);
}

void X86CG::bitfield_store(MT, Opd m, Opd src, const CfreeBitField& bf) {
  unsigned u = bf.storage_size;
  Operand dm = mem(m, u);
  u64 mask = bf.bit_width >= 64 ? ~u64(0) : ((u64(1) << bf.bit_width) - 1);
  // rdx = (value & mask) << offset
  e_.op(Mn::MOV, reg(Reg::RDX), reg(R(src.reg, 8)));
  if (bf.bit_width < 64) {
    mov_imm(Reg::RCX, static_cast<i64>(mask));
    e_.op(Mn::AND, reg(Reg::RDX), reg(Reg::RCX));
  }
  if (bf.bit_offset) e_.op(Mn::SHL, reg(Reg::RDX), imm(bf.bit_offset));
  if (u == 8) e_.op(Mn::MOV, reg(Reg::RAX), dm);
  else if (u == 4) e_.op(Mn::MOV, reg(Reg::EAX), dm);
  else e_.op(Mn::MOVZX, reg(Reg::EAX), dm);
  mov_imm(Reg::RCX, static_cast<i64>(~(mask << bf.bit_offset)));
  e_.op(Mn::AND, reg(Reg::RAX), reg(Reg::RCX));
  e_.op(Mn::OR, reg(Reg::RAX), reg(Reg::RDX));
  e_.op(Mn::MOV, dm, reg(resize(Reg::RAX, u)));
}

// ---- Variadics, alloca, stack -------------------------------------------------------

void X86CG::va_start_(Opd va) {
  Reg p = R(va.reg, 8);
  e_.op(Mn::MOV, x86::mem(4, p, 0), imm(named_gp_ * 8));
  e_.op(Mn::MOV, x86::mem(4, p, 4), imm(48 + named_fp_ * 16));
  e_.op(Mn::LEA, reg(Reg::RAX), x86::mem(8, Reg::RBP, 16 + named_stack_));
  e_.op(Mn::MOV, x86::mem(8, p, 8), reg(Reg::RAX));
  if (rsa_slot_) e_.op(Mn::LEA, reg(Reg::RAX), frame_mem(rsa_slot_, 0, 8));
  else e_.op(Mn::XOR, reg(Reg::EAX), reg(Reg::EAX));
  e_.op(Mn::MOV, x86::mem(8, p, 16), reg(Reg::RAX));
}

void X86CG::va_copy_(Opd d, Opd s) {
  copy_mem(x86::mem(8, R(d.reg, 8), 0), x86::mem(8, R(s.reg, 8), 0), 24);
}

void X86CG::va_arg_(Opd va, MT t, bool aggregate, CfreeType type, Opd dst) {
  CfreeCompiler* cc = static_cast<CfreeCompiler*>(&c_);
  CfreeType fn = cfree_type_func(cc, cfree_type_void(cc), &type, 1, 0);
  CfreeAbiCallInfo info;
  cfree_abi_classify_call(cc, fn, nullptr, 1, &info);
  const CfreeAbiValue& v = info.args[0];
  u64 size = cfree_type_size(cc, type);
  u32 align = cfree_type_align(cc, type);
  Reg p = R(va.reg, 8);
  unsigned ngp = 0, nfp = 0;
  bool in_regs = v.n_parts > 0;
  for (u32 i = 0; i < v.n_parts; i++) {
    if (v.parts[i].kind == CFREE_ABI_GPR) ngp++;
    else if (v.parts[i].kind == CFREE_ABI_FPR) nfp++;
    else in_regs = false;
  }
  MCLabel overflow = mc_.label_new(), done = mc_.label_new();
  Reg dreg = dst.kind == OK::Reg ? R(dst.reg, 8) : Reg::None;
  if (in_regs) {
    if (ngp) {
      e_.op(Mn::CMP, x86::mem(4, p, 0), imm(48 - ngp * 8));
      e_.jcc(Cond::A, overflow);
    }
    if (nfp) {
      e_.op(Mn::CMP, x86::mem(4, p, 4), imm(176 - nfp * 16));
      e_.jcc(Cond::A, overflow);
    }
    // rdx = reg_save_area
    e_.op(Mn::MOV, reg(Reg::RDX), x86::mem(8, p, 16));
    unsigned gi = 0, fi = 0;
    for (u32 i = 0; i < v.n_parts; i++) {
      const CfreeAbiPart& part = v.parts[i];
      // rax = address of this part's saved register
      if (part.kind == CFREE_ABI_GPR) {
        e_.op(Mn::MOV, reg(Reg::EAX), x86::mem(4, p, 0));
        e_.op(Mn::ADD, reg(Reg::RAX), reg(Reg::RDX));
        if (gi) e_.op(Mn::ADD, reg(Reg::RAX), imm(gi * 8));
        gi++;
      } else {
        e_.op(Mn::MOV, reg(Reg::EAX), x86::mem(4, p, 4));
        e_.op(Mn::ADD, reg(Reg::RAX), reg(Reg::RDX));
        if (fi) e_.op(Mn::ADD, reg(Reg::RAX), imm(fi * 16));
        fi++;
      }
      if (aggregate) {
        // slot is 16-aligned and rounded: 8-byte stores are safe; a 16-byte
        // FPR part (a vector in one XMM register) is two of them.
        for (u32 o = 0; o < part.size; o += 8) {
          e_.op(Mn::MOV, reg(Reg::RCX), x86::mem(8, Reg::RAX, o));
          Operand d = mem(dst.plus(part.offset + o), 8);
          d.size = 8;
          e_.op(Mn::MOV, d, reg(Reg::RCX));
        }
      } else if (mt_is_float(t)) {
        e_.op(t == MT::F32 ? Mn::MOVSS : Mn::MOVSD, reg(dreg), x86::mem(t == MT::F32 ? 4 : 8, Reg::RAX, 0));
      } else if (t == MT::S128 || t == MT::U128) {
        e_.op(Mn::MOV, reg(i == 0 ? dreg : R(dst.reg2, 8)), x86::mem(8, Reg::RAX, 0));
      } else {
        get(dreg, t, Opd::ind(static_cast<CGReg>(Reg::RAX), 0));
      }
    }
    if (ngp) e_.op(Mn::ADD, x86::mem(4, p, 0), imm(ngp * 8));
    if (nfp) e_.op(Mn::ADD, x86::mem(4, p, 4), imm(nfp * 16));
    e_.jmp(done);
  }
  mc_.label_place(overflow);
  // rax = overflow_arg_area, aligned
  e_.op(Mn::MOV, reg(Reg::RAX), x86::mem(8, p, 8));
  if (align > 8) {
    e_.op(Mn::ADD, reg(Reg::RAX), imm(15));
    e_.op(Mn::AND, reg(Reg::RAX), imm(-16));
  }
  if (aggregate) {
    e_.op(Mn::MOV, reg(Reg::RDX), reg(Reg::RAX));
    Operand d = mem(dst, 8, Reg::R11);
    // copy_mem uses rax: copy through rcx instead.
    for (u64 off = 0; off < size; off += 8) {
      e_.op(Mn::MOV, reg(Reg::RCX), x86::mem(8, Reg::RDX, static_cast<i64>(off)));
      Operand x = d;
      x.imm += off;
      x.size = 8;
      e_.op(Mn::MOV, x, reg(Reg::RCX));
    }
    e_.op(Mn::MOV, reg(Reg::RAX), reg(Reg::RDX));
  } else if (t == MT::F80 || t == MT::F128) {
    e_.op(Mn::MOV, reg(Reg::RCX), x86::mem(8, Reg::RAX, 0));
    e_.op(Mn::MOV, mem(dst, 8), reg(Reg::RCX));
    e_.op(Mn::MOV, reg(Reg::RCX), x86::mem(8, Reg::RAX, 8));
    e_.op(Mn::MOV, mem(dst.plus(8), 8), reg(Reg::RCX));
  } else if (mt_is_float(t)) {
    e_.op(t == MT::F32 ? Mn::MOVSS : Mn::MOVSD, reg(dreg), x86::mem(t == MT::F32 ? 4 : 8, Reg::RAX, 0));
  } else if (t == MT::S128 || t == MT::U128) {
    e_.op(Mn::MOV, reg(dreg), x86::mem(8, Reg::RAX, 0));
    e_.op(Mn::MOV, reg(R(dst.reg2, 8)), x86::mem(8, Reg::RAX, 8));
  } else {
    get(dreg, t, Opd::ind(static_cast<CGReg>(Reg::RAX), 0));
  }
  // An empty struct (GNU) takes no room in the overflow area.
  if (size || !aggregate) {
    e_.op(Mn::ADD, reg(Reg::RAX), imm(static_cast<i64>(align_up(size ? size : 8, 8))));
    e_.op(Mn::MOV, x86::mem(8, p, 8), reg(Reg::RAX));
  }
  mc_.label_place(done);
}

void X86CG::alloca_(Opd dst, Opd size, u32 align) {
  if (align < 16) align = 16;
  e_.op(Mn::MOV, reg(Reg::RAX), reg(R(size.reg, 8)));
  e_.op(Mn::ADD, reg(Reg::RAX), imm(align - 1));
  e_.op(Mn::AND, reg(Reg::RAX), imm(-static_cast<i64>(align)));
  e_.op(Mn::SUB, reg(Reg::RSP), reg(Reg::RAX));
  if (align > 16) e_.op(Mn::AND, reg(Reg::RSP), imm(-static_cast<i64>(align)));
  e_.op(Mn::MOV, reg(R(dst.reg, 8)), reg(Reg::RSP));
}

void X86CG::stack_save(Opd dst) { e_.op(Mn::MOV, reg(R(dst.reg, 8)), reg(Reg::RSP)); }
void X86CG::stack_restore(Opd v) { e_.op(Mn::MOV, reg(Reg::RSP), reg(R(v.reg, 8))); }

}  // namespace cfree::x86
