// cg_stack.cpp: the -O0 value stack (TinyCC's vstack, over a CGTarget).
//
// Each entry is an SValue (cg_internal.h).  Registers come from the target
// (alloc_reg); when it has none left, the deepest register-holding entry is
// spilled to a temporary frame slot and becomes a memory value, so an
// expression of any depth compiles with a handful of registers and nothing
// is quadratic: a spill scans from the bottom but each entry is spilled at
// most once.  Deferred loads (SV::Mem) are forced into registers before any
// store, copy or call that might change the memory they read.
#include "api/cg_internal.h"

namespace cfree {

SValue& cg_top(CfreeCg* cg, size_t i) {
  if (cg->stack.size() <= i) cg_misuse(cg, "value stack underflow");
  return cg->stack[cg->stack.size() - 1 - i];
}

SValue cg_pop(CfreeCg* cg) {
  if (cg->stack.empty()) cg_misuse(cg, "value stack underflow");
  SValue v = cg->stack.back();
  cg->stack.pop_back();
  return v;
}

void cg_push(CfreeCg* cg, const SValue& v) { cg->stack.push_back(v); }

RC cg_class(MT t) {
  if (t == MT::F80 || t == MT::F128) return RC::Mem;
  return mt_is_float(t) ? RC::Fpr : RC::Gpr;
}

static bool is_pair(MT t) { return t == MT::S128 || t == MT::U128; }

CGSlot cg_temp_slot(CfreeCg* cg, u32 size) {
  size = size <= 8 ? 8 : 16;
  for (size_t i = cg->free_temps.size(); i-- > 0;) {
    if (cg->free_temps[i].size == size) {
      CGSlot s = cg->free_temps[i].slot;
      cg->free_temps[i] = cg->free_temps.back();
      cg->free_temps.pop_back();
      return s;
    }
  }
  return cg->target->frame_slot(size, size, 0);
}

void cg_release_temp(CfreeCg* cg, CGSlot s, u32 size) {
  cg->free_temps.push_back({s, size <= 8 ? 8u : 16u});
}

void cg_free_value(CfreeCg* cg, const SValue& v) {
  switch (v.kind) {
    case SV::Reg:
      cg->target->free_reg(v.o.reg);
      if (v.o.reg2) cg->target->free_reg(v.o.reg2);
      break;
    case SV::Mem:
      if (v.o.kind == OK::Indirect) cg->target->free_reg(v.o.reg);
      else if (v.spilled) cg_release_temp(cg, v.o.id, mt_size(v.mt));
      break;
    default:
      break;
  }
}

// Spill one stack entry out of its registers.
static void spill_entry(CfreeCg* cg, SValue& v) {
  CGTarget& t = *cg->target;
  if (v.kind == SV::Mem && v.o.kind == OK::Indirect) {
    // A deferred load through a register: do the load, then spill the value.
    RC cls = cg_class(v.mt);
    CGReg base = v.o.reg;
    if (cls == RC::Gpr && !is_pair(v.mt)) {
      t.load(v.mt, Opd::r(base), v.o, v.ma);
      v.kind = SV::Reg;
      v.o = Opd::r(base);
    } else if (cls == RC::Mem) {
      CGSlot s = cg_temp_slot(cg, 16);
      t.copy_bytes(Opd::frame(s, 0), v.o, mt_size(v.mt), 8);
      t.free_reg(base);
      v.o = Opd::frame(s, 0);
      v.spilled = true;
      return;
    } else {
      // Float or pair: load into fresh registers of their class.
      CGReg r = t.alloc_reg(cls);
      CGReg r2 = 0;
      if (!r) {
        // Free the base first by spilling it as a plain pointer is not
        // possible; load the low part through it into the base itself.
        cg_misuse(cg, "out of registers while spilling");
      }
      if (is_pair(v.mt)) r2 = t.alloc_reg(RC::Gpr);
      t.load(v.mt, Opd::r(r, r2), v.o, v.ma);
      t.free_reg(base);
      v.kind = SV::Reg;
      v.o = Opd::r(r, r2);
      return;  // the base register is free now
    }
  }
  if (v.kind != SV::Reg) return;
  CGSlot s = cg_temp_slot(cg, mt_size(v.mt));
  t.spill(v.o.reg, is_pair(v.mt) ? MT::U64 : v.mt, s);
  t.free_reg(v.o.reg);
  if (v.o.reg2) {
    // Pairs always get a 16-byte slot: the high half goes at +8.
    t.store(MT::U64, Opd::frame(s, 8), Opd::r(v.o.reg2), MemAccess{8, 8, 0});
    t.free_reg(v.o.reg2);
  }
  v.kind = SV::Mem;
  v.spilled = true;
  v.o = Opd::frame(s, 0);
  v.ma = MemAccess{mt_size(v.mt), 8, 0};
}

void cg_spill_value(CfreeCg* cg, SValue& v) { spill_entry(cg, v); }

static bool holds_class(CfreeCg* cg, const SValue& v, RC cls) {
  if (v.kind == SV::Reg) return cg->target->reg_class_of(v.o.reg) == cls;
  if (v.kind == SV::Mem && v.o.kind == OK::Indirect) return cls == RC::Gpr;
  return false;
}

CGReg cg_alloc(CfreeCg* cg, RC cls) {
  for (;;) {
    CGReg r = cg->target->alloc_reg(cls);
    if (r) return r;
    bool spilled = false;
    size_t n = cg->stack.size() > cg->pinned ? cg->stack.size() - cg->pinned : 0;
    for (size_t i = 0; i < n; i++) {
      SValue& v = cg->stack[i];
      if (holds_class(cg, v, cls)) {
        spill_entry(cg, v);
        spilled = true;
        break;
      }
    }
    if (!spilled) cg_misuse(cg, "out of registers");
  }
}

Opd cg_dest(CfreeCg* cg, MT mt) {
  RC cls = cg_class(mt);
  if (cls == RC::Mem) return Opd::frame(cg_temp_slot(cg, 16), 0);
  CGReg r = cg_alloc(cg, cls);
  CGReg r2 = is_pair(mt) ? cg_alloc(cg, RC::Gpr) : 0;
  return Opd::r(r, r2);
}

SValue cg_value_at(CfreeCg* cg, Opd dst, MT mt, CfreeType type) {
  (void)cg;
  SValue v;
  v.mt = mt;
  v.type = type;
  if (dst.kind == OK::Reg) {
    v.kind = SV::Reg;
    v.o = dst;
  } else {
    v.kind = SV::Mem;
    v.spilled = true;
    v.o = dst;
    v.ma = MemAccess{mt_size(mt), 16, 0};
  }
  return v;
}

Opd cg_to_reg(CfreeCg* cg, SValue& v) {
  CGTarget& t = *cg->target;
  RC cls = cg_class(v.mt);
  if (cls == RC::Mem) {
    // x87/binary128 values live in CG temporaries.
    if (v.kind == SV::Mem && v.spilled) return v.o;
    Opd d = Opd::frame(cg_temp_slot(cg, 16), 0);
    if (v.kind == SV::Const) {
      u8 bytes[16];
      std::memcpy(bytes, &v.o.off, 8);
      std::memcpy(bytes + 8, &v.o.hi, 8);
      t.load_const(v.mt, d, bytes);
    } else if (v.kind == SV::Mem) {
      t.copy_bytes(d, v.o, mt_size(v.mt), 1);
      cg_free_value(cg, v);
    } else {
      cg_misuse(cg, "bad x87 value");
    }
    v = cg_value_at(cg, d, v.mt, v.type);
    return d;
  }
  switch (v.kind) {
    case SV::Reg:
      return v.o;
    case SV::Cmp:
      cg_misuse(cg, "pending comparison used as an operand");
    case SV::Const: {
      Opd d = cg_dest(cg, v.mt);
      if (mt_is_float(v.mt) || is_pair(v.mt)) {
        u8 bytes[16];
        std::memcpy(bytes, &v.o.off, 8);
        std::memcpy(bytes + 8, &v.o.hi, 8);
        t.load_const(v.mt, d, bytes);
      } else {
        t.move(v.mt, d, v.o);
      }
      v.kind = SV::Reg;
      v.o = d;
      return d;
    }
    case SV::SlotAddr:
    case SV::SymAddr: {
      Opd d = Opd::r(cg_alloc(cg, RC::Gpr));
      t.addr_of(d, v.o);
      v.kind = SV::Reg;
      v.o = d;
      return d;
    }
    case SV::LabelAddr: {
      Opd d = Opd::r(cg_alloc(cg, RC::Gpr));
      t.move(MT::U64, d, v.o);
      v.kind = SV::Reg;
      v.o = d;
      return d;
    }
    case SV::Mem: {
      Opd d;
      if (v.o.kind == OK::Indirect && cls == RC::Gpr && !is_pair(v.mt)) {
        d = Opd::r(v.o.reg);  // load through the pointer into itself
        t.load(v.mt, d, v.o, v.ma);
      } else {
        d = cg_dest(cg, v.mt);
        t.load(v.mt, d, v.o, v.ma);
        cg_free_value(cg, v);
      }
      v.kind = SV::Reg;
      v.spilled = false;
      v.o = d;
      return d;
    }
  }
  return v.o;
}

Opd cg_source(CfreeCg* cg, SValue& v) {
  switch (v.kind) {
    case SV::Const:
      if (mt_is_float(v.mt) || is_pair(v.mt)) return cg_to_reg(cg, v);
      return v.o;
    case SV::Reg:
      return v.o;
    case SV::Mem:
      return v.o;
    default:
      return cg_to_reg(cg, v);
  }
}

Opd cg_addr_to_mem(CfreeCg* cg, SValue& a) {
  switch (a.kind) {
    case SV::SlotAddr:
    case SV::SymAddr:
      return a.o;
    case SV::Const:
      if (a.o.off >= INT32_MIN && a.o.off <= INT32_MAX) {
        // An absolute address: materialize it (x86 could encode it, others cannot).
      }
      [[fallthrough]];
    default: {
      if (cg_class(a.mt) != RC::Gpr || mt_size(a.mt) != 8)
        cg_misuse(cg, "an address operand is not a pointer or integer value");
      Opd r = cg_to_reg(cg, a);
      return Opd::ind(r.reg, 0);
    }
  }
}

// Perform a deferred load now.  A load from a frame slot or symbol is
// copied memory to memory into a CG temporary, which needs no allocatable
// register: the operands of the operation that asked (a call's arguments,
// say) may hold all of them.
static void snapshot_mem(CfreeCg* cg, SValue& v) {
  if (v.o.kind == OK::Indirect) {
    cg_to_reg(cg, v);
    return;
  }
  u32 size = mt_size(v.mt);
  CGSlot s = cg_temp_slot(cg, size);
  cg->target->copy_bytes(Opd::frame(s, 0), v.o, size, v.ma.align);
  v.o = Opd::frame(s, 0);
  v.spilled = true;
  v.ma = MemAccess{size, 8, 0};
}

void cg_materialize_mem(CfreeCg* cg) {
  for (SValue& v : cg->stack)
    if (v.kind == SV::Mem && !v.spilled) snapshot_mem(cg, v);
}

void cg_spill_all(CfreeCg* cg) {
  for (SValue& v : cg->stack) {
    if (v.kind == SV::Mem && !v.spilled) snapshot_mem(cg, v);
    if (v.kind == SV::Reg) spill_entry(cg, v);
  }
}

CGLabel cg_target_label(CfreeCg* cg, CfreeCgLabel l) {
  if (l == 0 || l >= cg->labels.size()) cg_misuse(cg, "unknown label");
  return cg->labels[l];
}

void cg_note_slot(CfreeCg* cg, CfreeCgSlot s) {
  if (cg->slot_level.size() <= s) cg->slot_level.resize(s + 1, static_cast<u8>(cg->level));
  cg->slot_level[s] = static_cast<u8>(cg->level);
}

void cg_note_label(CfreeCg* cg, CfreeCgLabel l) {
  if (cg->label_level.size() <= l) cg->label_level.resize(l + 1, static_cast<u8>(cg->level));
  cg->label_level[l] = static_cast<u8>(cg->level);
}

void cg_use_chain(CfreeCg* cg, unsigned up) {
  if (cg->chain_used.size() <= cg->level) cg->chain_used.resize(cg->level + 1, 0);
  for (unsigned i = 0; i < up && i < cg->level; i++) cg->chain_used[cg->level - i] = 1;
}

}  // namespace cfree
