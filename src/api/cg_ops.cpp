// cg_ops.cpp: the value-stack operations of include/cfree/cg.h -- pushes,
// stack manipulation, memory, arithmetic, comparison, conversion and
// control flow -- in OBJECT, DUMP and SYNTAX_ONLY mode.
#include "api/cg_internal.h"

using namespace cfree;

namespace {

SValue make_const(CfreeCg* cg, CfreeType type, u64 lo, u64 hi) {
  SValue v;
  v.kind = SV::Const;
  v.type = type;
  v.mt = cg_mt(cg, type);
  v.o = Opd::imm(static_cast<i64>(lo), hi);
  return v;
}

MemAccess mem_access(CfreeCg* cg, CfreeType type, MT mt, const CfreeMemAccess* m) {
  MemAccess a;
  a.size = mt_size(mt);
  if (mt == MT::F80) a.size = 10;
  a.align = m && m->align ? m->align : cg_align(cg, type);
  a.flags = m ? m->flags : 0;
  return a;
}

// Push the result of an operation.
void push_result(CfreeCg* cg, Opd dst, MT mt, CfreeType type) { cg_push(cg, cg_value_at(cg, dst, mt, type)); }

// Reuse a's register for the result when it is a plain register of the right class.
Opd dest_reusing(CfreeCg* cg, SValue& a, MT mt, bool* reused) {
  *reused = false;
  bool pair = mt == MT::S128 || mt == MT::U128;
  if (a.kind == SV::Reg && cg_class(a.mt) == cg_class(mt) && (a.o.reg2 != 0) == pair) {
    *reused = true;
    return a.o;
  }
  return cg_dest(cg, mt);
}

BinOp binop_of(CfreeBinop op) {
  static const BinOp m[] = {BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::SDiv, BinOp::UDiv,
                            BinOp::SRem, BinOp::URem, BinOp::And, BinOp::Or, BinOp::Xor,
                            BinOp::Shl, BinOp::LShr, BinOp::AShr, BinOp::FAdd, BinOp::FSub,
                            BinOp::FMul, BinOp::FDiv};
  return m[op];
}

// Control flow: values live across it must be in memory.
void before_control_flow(CfreeCg* cg) {
  if (!cg->stack.empty()) cg_spill_all(cg);
}

}  // namespace

extern "C" {

/* ---- Pushing operands --------------------------------------------------------- */

void cfree_cg_push_int(CfreeCg* cg, CfreeType type, uint64_t bits) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "push_int %s %lld", dump_type(cg, type).c_str(), (long long)bits);
      return;
    }
    MT mt = cg_mt(cg, type);
    u64 hi = (mt == MT::S128 && static_cast<i64>(bits) < 0) ? ~u64(0) : 0;
    cg_push(cg, make_const(cg, type, bits, hi));
  });
}

void cfree_cg_push_int128(CfreeCg* cg, CfreeType type, uint64_t lo, uint64_t hi) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "push_int128 %s 0x%016llx%016llx", dump_type(cg, type).c_str(),
                  (unsigned long long)hi, (unsigned long long)lo);
      return;
    }
    cg_push(cg, make_const(cg, type, lo, hi));
  });
}

void cfree_cg_push_float(CfreeCg* cg, CfreeType type, const void* bytes) {
  api(cg, [&] {
    u64 parts[2] = {0, 0};
    CfreeTypeInfo ti;
    cfree_type_info(cg_compiler(cg), type, &ti);
    size_t n = ti.bits == 32 ? 4 : ti.bits == 64 ? 8 : ti.bits == 80 ? 10 : 16;
    std::memcpy(parts, bytes, n);
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP) {
        if (n == 8) {
          double d;
          std::memcpy(&d, parts, 8);
          dump_line(cg, "push_float %s %g", dump_type(cg, type).c_str(), d);
        } else if (n == 4) {
          float f;
          std::memcpy(&f, parts, 4);
          dump_line(cg, "push_float %s %g", dump_type(cg, type).c_str(), static_cast<double>(f));
        } else {
          dump_line(cg, "push_float %s 0x%016llx%016llx", dump_type(cg, type).c_str(),
                    (unsigned long long)parts[1], (unsigned long long)parts[0]);
        }
      }
      return;
    }
    cg_push(cg, make_const(cg, type, parts[0], parts[1]));
  });
}

void cfree_cg_push_sym_addr(CfreeCg* cg, CfreeCgSym sym, int64_t addend) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "push_sym_addr %s%+lld", dump_sym(cg, sym).c_str(), (long long)addend);
      return;
    }
    SValue v;
    v.kind = SV::SymAddr;
    v.mt = MT::U64;
    v.o = Opd::global(cg->syms[sym].obj, addend);
    cg_push(cg, v);
  });
}

void cfree_cg_push_slot_addr(CfreeCg* cg, CfreeCgSlot slot, int64_t offset) {
  api(cg, [&] {
    // A slot of an enclosing function (GNU nested functions): through the
    // static chain.
    unsigned up = 0;
    if (slot < cg->slot_level.size() && cg->slot_level[slot] < cg->level && cg->slot_level[slot] > 0)
      up = cg->level - cg->slot_level[slot];
    if (up) cg_use_chain(cg, up);
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "push_slot_addr %%s%u%+lld%s", slot, (long long)offset, up ? " (outer)" : "");
      return;
    }
    SValue v;
    if (up) {
      CGReg r = cg_alloc(cg, RC::Gpr);
      cg->target->outer_slot_addr(r, up, slot, offset);
      v.kind = SV::Reg;
      v.mt = MT::U64;
      v.o = Opd::r(r);
      cg_push(cg, v);
      return;
    }
    v.kind = SV::SlotAddr;
    v.mt = MT::U64;
    v.o = Opd::frame(slot, offset);
    cg_push(cg, v);
  });
}

void cfree_cg_push_label_addr(CfreeCg* cg, CfreeCgLabel label) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "push_label_addr L%u", label);
      return;
    }
    SValue v;
    v.kind = SV::LabelAddr;
    v.mt = MT::U64;
    v.o = Opd::label(cg_target_label(cg, label));
    cg_push(cg, v);
  });
}

/* ---- Stack manipulation --------------------------------------------------------- */

void cfree_cg_dup(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 2)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "dup");
      return;
    }
    SValue& top = cg_top(cg);
    if (top.kind == SV::Reg || (top.kind == SV::Mem && (top.o.kind == OK::Indirect || top.spilled))) {
      cg_to_reg(cg, top);
      SValue copy = cg_top(cg);
      Opd d = cg_dest(cg, copy.mt);
      cg->target->move(copy.mt, d, cg_top(cg).o);
      copy.o = d;
      cg_push(cg, copy);
      return;
    }
    SValue copy = top;
    cg_push(cg, copy);
  });
}

void cfree_cg_swap(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 2)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "swap");
      return;
    }
    std::swap(cg_top(cg, 0), cg_top(cg, 1));
  });
}

void cfree_cg_pop(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "pop");
      return;
    }
    SValue v = cg_pop(cg);
    // A volatile load was already performed when it was pushed.
    cg_free_value(cg, v);
  });
}

void cfree_cg_rotate(CfreeCg* cg, unsigned depth) {
  api(cg, [&] {
    if (cg_virtual(cg, depth + 1, depth + 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "rotate %u", depth);
      return;
    }
    if (cg->stack.size() <= depth) cg_misuse(cg, "value stack underflow");
    size_t i = cg->stack.size() - 1 - depth;
    SValue v = cg->stack[i];
    cg->stack.erase(cg->stack.begin() + static_cast<std::ptrdiff_t>(i));
    cg->stack.push_back(v);
  });
}

size_t cfree_cg_depth(CfreeCg* cg) {
  return cg->mode == CFREE_CG_OBJECT ? cg->stack.size() : cg->depth;
}

void cfree_cg_retype(CfreeCg* cg, CfreeType type) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "retype %s", dump_type(cg, type).c_str());
      return;
    }
    SValue& v = cg_top(cg);
    MT mt = cg_mt(cg, type);
    if (mt_is_int(mt) && mt_is_int(v.mt) && mt_size(mt) == mt_size(v.mt) && mt_size(mt) < 4 &&
        mt != v.mt) {
      // i8 <-> u8, i16 <-> u16: the register convention extends by signedness.
      if (v.kind == SV::Const) {
        u64 x = static_cast<u64>(v.o.off);
        unsigned bits = mt_size(mt) * 8;
        x &= (u64(1) << bits) - 1;
        if (mt_is_signed(mt) && (x >> (bits - 1)) & 1) x |= ~u64(0) << bits;
        v.o.off = static_cast<i64>(x);
      } else if (v.kind == SV::Reg) {
        cg->target->convert(CFREE_CONV_TRUNC, mt, v.o, v.mt, v.o);
      }
      v.type = type;
      v.mt = mt;
      return;
    }
    if (mt_size(mt) != mt_size(v.mt) || cg_class(mt) != cg_class(v.mt)) {
      // Same size, different class or signedness: keep bits.
      if (v.kind == SV::Reg && cg_class(mt) != cg_class(v.mt)) {
        Opd d = cg_dest(cg, mt);
        cg->target->convert(CFREE_CONV_BITCAST, mt, d, v.mt, v.o);
        cg_free_value(cg, v);
        v.o = d;
      }
    }
    v.type = type;
    v.mt = mt;
  });
}

/* ---- Memory ----------------------------------------------------------------------------- */

void cfree_cg_load(CfreeCg* cg, CfreeType type, const CfreeMemAccess* mem) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "load %s%s", dump_type(cg, type).c_str(), dump_mem(mem).c_str());
      return;
    }
    SValue& a = cg_top(cg);
    MT mt = cg_mt(cg, type);
    Opd m = cg_addr_to_mem(cg, a);
    SValue v;
    v.kind = SV::Mem;
    v.mt = mt;
    v.type = type;
    v.o = m;
    v.ma = mem_access(cg, type, mt, mem);
    a = v;
    // Volatile and atomic loads happen exactly here, not when used.
    if (v.ma.flags & (CFREE_MEM_VOLATILE | CFREE_MEM_ATOMIC)) cg_to_reg(cg, a);
  });
}

void cfree_cg_store(CfreeCg* cg, CfreeType type, const CfreeMemAccess* mem) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "store %s%s", dump_type(cg, type).c_str(), dump_mem(mem).c_str());
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue& val = cg_top(cg, 0);
    if (val.kind == SV::Mem && !val.spilled && cg_class(mt) != RC::Mem) cg_to_reg(cg, val);
    // Deferred loads deeper in the stack must see the old contents.
    SValue v = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, v);
    SValue& a = cg_top(cg, 1);
    Opd m = cg_addr_to_mem(cg, a);
    SValue& vv = cg_top(cg, 0);
    Opd src = cg_source(cg, vv);
    cg->target->store(mt, m, src, mem_access(cg, type, mt, mem));
    SValue value = cg_pop(cg);
    SValue addr = cg_pop(cg);
    cg_free_value(cg, value);
    cg_free_value(cg, addr);
  });
}

void cfree_cg_copy(CfreeCg* cg, uint64_t size, uint32_t align) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "copy %llu align=%u", (unsigned long long)size, align);
      return;
    }
    SValue s = cg_pop(cg), d = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, d);
    cg_push(cg, s);
    Opd dm = cg_addr_to_mem(cg, cg_top(cg, 1));
    Opd sm = cg_addr_to_mem(cg, cg_top(cg, 0));
    cg->target->copy_bytes(dm, sm, size, align);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_fill(CfreeCg* cg, uint64_t size, uint32_t align) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "fill %llu align=%u", (unsigned long long)size, align);
      return;
    }
    SValue b = cg_pop(cg), d = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, d);
    cg_push(cg, b);
    Opd dm = cg_addr_to_mem(cg, cg_top(cg, 1));
    Opd bv = cg_source(cg, cg_top(cg, 0));
    if (bv.kind != OK::Imm) bv = cg_to_reg(cg, cg_top(cg, 0));
    cg->target->set_bytes(dm, bv, size, align);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

static void dynamic_mem(CfreeCg* cg, bool fill) {
  cg_spill_all(cg);
  // dst, (src | size), (size | byte): all three as register values.
  Opd a = cg_to_reg(cg, cg_top(cg, 2));
  Opd b = cg_to_reg(cg, cg_top(cg, 1));
  Opd c = cg_to_reg(cg, cg_top(cg, 0));
  if (fill) cg->target->fill_dynamic(a, b, c);
  else cg->target->copy_dynamic(a, b, c);
  for (int i = 0; i < 3; i++) cg_free_value(cg, cg_pop(cg));
}

void cfree_cg_fill_dynamic(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 3, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "fill_dynamic");
      return;
    }
    dynamic_mem(cg, true);
  });
}

void cfree_cg_copy_dynamic(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 3, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "copy_dynamic");
      return;
    }
    dynamic_mem(cg, false);
  });
}

void cfree_cg_bitfield_load(CfreeCg* cg, CfreeType type, const CfreeBitField* bf,
                            const CfreeMemAccess* mem) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "bitfield_load %s unit=%u offset=%u width=%u %s%s", dump_type(cg, type).c_str(),
                  bf->storage_size, bf->bit_offset, bf->bit_width, bf->is_signed ? "signed" : "unsigned",
                  dump_mem(mem).c_str());
      return;
    }
    MT mt = cg_mt(cg, type);
    Opd m = cg_addr_to_mem(cg, cg_top(cg));
    SValue a = cg_pop(cg);
    Opd d = cg_dest(cg, mt);
    cg->target->bitfield_load(mt, d, m, *bf);
    cg_free_value(cg, a);
    push_result(cg, d, mt, type);
  });
}

void cfree_cg_bitfield_store(CfreeCg* cg, CfreeType type, const CfreeBitField* bf,
                             const CfreeMemAccess* mem) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "bitfield_store %s unit=%u offset=%u width=%u%s", dump_type(cg, type).c_str(),
                  bf->storage_size, bf->bit_offset, bf->bit_width, dump_mem(mem).c_str());
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue v = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, v);
    Opd src = cg_to_reg(cg, cg_top(cg, 0));
    Opd m = cg_addr_to_mem(cg, cg_top(cg, 1));
    cg->target->bitfield_store(mt, m, src, *bf);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

/* ---- Arithmetic ------------------------------------------------------------------------- */

void cfree_cg_binop(CfreeCg* cg, CfreeBinop op, CfreeType type) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "binop %s %s", dump_binop(op), dump_type(cg, type).c_str());
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue& b = cg_top(cg, 0);
    SValue& a0 = cg_top(cg, 1);
    // Constant folding of integer operations on two constants.
    if (a0.kind == SV::Const && b.kind == SV::Const && mt_is_int(mt) && mt_size(mt) <= 8) {
      u64 x = static_cast<u64>(a0.o.off), y = static_cast<u64>(b.o.off), r;
      bool ok = true;
      switch (op) {
        case CFREE_OP_ADD: r = x + y; break;
        case CFREE_OP_SUB: r = x - y; break;
        case CFREE_OP_MUL: r = x * y; break;
        case CFREE_OP_AND: r = x & y; break;
        case CFREE_OP_OR: r = x | y; break;
        case CFREE_OP_XOR: r = x ^ y; break;
        default: ok = false; r = 0; break;
      }
      if (ok) {
        unsigned bits = mt_size(mt) * 8;
        if (bits < 64) {
          r &= (u64(1) << bits) - 1;
          if (mt_is_signed(mt) && (r >> (bits - 1)) & 1) r |= ~u64(0) << bits;
        }
        cg_pop(cg);
        cg_pop(cg);
        cg_push(cg, make_const(cg, type, r, 0));
        return;
      }
    }
    bool shift = op == CFREE_OP_SHL || op == CFREE_OP_LSHR || op == CFREE_OP_ASHR;
    Opd sb = shift && b.kind != SV::Const ? cg_to_reg(cg, b) : cg_source(cg, cg_top(cg, 0));
    SValue& a = cg_top(cg, 1);
    if (a.kind != SV::Reg) cg_to_reg(cg, a);
    sb = cg_source(cg, cg_top(cg, 0));
    Pin pin(cg, 2);
    bool reused;
    Opd d = dest_reusing(cg, cg_top(cg, 1), mt, &reused);
    Opd sa = cg_top(cg, 1).o;
    cg->target->binop(binop_of(op), mt, d, sa, sb);
    SValue bv = cg_pop(cg), av = cg_pop(cg);
    cg_free_value(cg, bv);
    if (!reused) cg_free_value(cg, av);
    push_result(cg, d, mt, type);
  });
}

void cfree_cg_unop(CfreeCg* cg, CfreeUnop op, CfreeType type) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "unop %s %s", dump_unop(op), dump_type(cg, type).c_str());
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue& a = cg_top(cg);
    if (a.kind == SV::Const && mt_is_int(mt) && mt_size(mt) <= 8 && op != CFREE_OP_FNEG) {
      u64 x = static_cast<u64>(a.o.off);
      u64 r = op == CFREE_OP_NEG ? u64(0) - x : ~x;
      unsigned bits = mt_size(mt) * 8;
      if (bits < 64) {
        r &= (u64(1) << bits) - 1;
        if (mt_is_signed(mt) && (r >> (bits - 1)) & 1) r |= ~u64(0) << bits;
      }
      a.o.off = static_cast<i64>(r);
      return;
    }
    Opd s = cg_to_reg(cg, a);
    Pin pin(cg, 1);
    bool reused;
    Opd d = dest_reusing(cg, cg_top(cg), mt, &reused);
    static const UnOp m[] = {UnOp::Neg, UnOp::Not, UnOp::FNeg};
    cg->target->unop(m[op], mt, d, s);
    SValue av = cg_pop(cg);
    if (!reused) cg_free_value(cg, av);
    push_result(cg, d, mt, type);
  });
}

void cfree_cg_cmp(CfreeCg* cg, CfreeCmp cmp, CfreeType operand_type, CfreeType result_type) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "cmp %s %s -> %s", dump_cmp(cmp), dump_type(cg, operand_type).c_str(),
                  dump_type(cg, result_type).c_str());
      return;
    }
    MT mt = cg_mt(cg, operand_type), rt = cg_mt(cg, result_type);
    cg_source(cg, cg_top(cg, 0));
    if (cg_top(cg, 1).kind != SV::Reg) cg_to_reg(cg, cg_top(cg, 1));
    Pin pin(cg, 2);
    Opd sb = cg_source(cg, cg_top(cg, 0));
    Opd sa = cg_top(cg, 1).o;
    if (cg_class(mt) != RC::Mem && mt != MT::S128 && mt != MT::U128) {
      // Keep it pending: a branch right after fuses it.
      cg->pending.b = cg_pop(cg);
      cg->pending.b.o = sb;
      cg->pending.a = cg_pop(cg);
      cg->pending.cmp = cmp;
      cg->pending.mt = mt;
      cg->pending.active = true;
      SValue p;
      p.kind = SV::Cmp;
      p.mt = rt;
      p.type = result_type;
      cg_push(cg, p);
      return;
    }
    Opd d = cg_dest(cg, rt);
    cg->target->cmp(cmp, mt, d, rt, sa, sb);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
    push_result(cg, d, rt, result_type);
  });
}

void cfree_cg_convert(CfreeCg* cg, CfreeConv conv, CfreeType to) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "convert %s %s", dump_conv(conv), dump_type(cg, to).c_str());
      return;
    }
    MT mt = cg_mt(cg, to);
    SValue& a = cg_top(cg);
    MT from = a.mt;
    // Integer constants convert at compile time.
    if (a.kind == SV::Const && mt_is_int(from) && mt_is_int(mt) && mt_size(mt) <= 8 &&
        (conv == CFREE_CONV_TRUNC || conv == CFREE_CONV_SEXT || conv == CFREE_CONV_ZEXT ||
         conv == CFREE_CONV_BITCAST || conv == CFREE_CONV_TOBOOL)) {
      u64 x = static_cast<u64>(a.o.off);
      unsigned fb = mt_size(from) * 8;
      if (fb < 64) {
        x &= (u64(1) << fb) - 1;
        if (conv == CFREE_CONV_SEXT && (x >> (fb - 1)) & 1) x |= ~u64(0) << fb;
        else if (conv != CFREE_CONV_ZEXT && mt_is_signed(from) && (x >> (fb - 1)) & 1) x |= ~u64(0) << fb;
      }
      if (conv == CFREE_CONV_TOBOOL) x = (x & (fb < 64 ? (u64(1) << fb) - 1 : ~u64(0))) != 0;
      unsigned tb = mt_size(mt) * 8;
      if (tb < 64) {
        x &= (u64(1) << tb) - 1;
        if (mt_is_signed(mt) && (x >> (tb - 1)) & 1) x |= ~u64(0) << tb;
      }
      a.o.off = static_cast<i64>(x);
      a.mt = mt;
      a.type = to;
      return;
    }
    Opd s = cg_class(from) == RC::Mem ? cg_to_reg(cg, a) : cg_source(cg, a);
    if (s.kind == OK::Imm) s = cg_to_reg(cg, a);
    bool reused;
    Pin pin(cg, 1);
    Opd d = dest_reusing(cg, cg_top(cg), mt, &reused);
    if (reused && cg_top(cg).kind != SV::Reg) reused = false;
    cg->target->convert(conv, mt, d, from, cg_top(cg).o);
    SValue av = cg_pop(cg);
    if (!reused) cg_free_value(cg, av);
    push_result(cg, d, mt, to);
  });
}

}  // extern "C"

namespace cfree {

void cg_flush_cmp(CfreeCg* cg) {
  if (!cg->pending.active) return;
  cg->pending.active = false;
  SValue& p = cg_top(cg);
  if (p.kind != SV::Cmp) cg_misuse(cg, "pending comparison is not on top of the stack");
  MT rt = p.mt;
  CfreeType type = p.type;
  cg_pop(cg);
  SValue a = cg->pending.a, b = cg->pending.b;
  Opd d = cg_dest(cg, rt);
  cg->target->cmp(cg->pending.cmp, cg->pending.mt, d, rt, a.o, b.o);
  cg_free_value(cg, b);
  cg_free_value(cg, a);
  push_result(cg, d, rt, type);
}

}  // namespace cfree

extern "C" {

/* ---- Control flow ------------------------------------------------------------------------ */

CfreeCgLabel cfree_cg_label_new(CfreeCg* cg) {
  CfreeCgLabel id = 0;
  api(cg, [&] {
    if (cg->mode != CFREE_CG_OBJECT) {
      id = ++cg->n_labels;
      return;
    }
    id = static_cast<CfreeCgLabel>(cg->labels.size());
    cg->labels.push_back(cg->target->label_new());
  });
  cg_note_label(cg, id);
  return id;
}

void cfree_cg_label_place(CfreeCg* cg, CfreeCgLabel label) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "L%u:", label);
      return;
    }
    before_control_flow(cg);
    cg->target->label_place(cg_target_label(cg, label));
  });
}

void cfree_cg_jump(CfreeCg* cg, CfreeCgLabel label) {
  api(cg, [&] {
    unsigned up = 0;
    if (label < cg->label_level.size() && cg->label_level[label] < cg->level && cg->label_level[label] > 0)
      up = cg->level - cg->label_level[label];
    if (up) cg_use_chain(cg, up);
    if (cg_virtual(cg, 0, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "jump L%u%s", label, up ? " (nonlocal)" : "");
      return;
    }
    before_control_flow(cg);
    // A label of an enclosing function: a GNU non-local goto.
    if (up) cg->target->nonlocal_jump(up, cg_target_label(cg, label));
    else cg->target->jump(cg_target_label(cg, label));
  });
}

void cfree_cg_push_frame(CfreeCg* cg, unsigned up) {
  api(cg, [&] {
    if (!cg->in_func || up >= cg->level) cg_misuse(cg, "cfree_cg_push_frame: no such enclosing function");
    if (up) cg_use_chain(cg, up);
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "push_frame %u", up);
      return;
    }
    SValue v;
    CGReg r = cg_alloc(cg, RC::Gpr);
    cg->target->frame_of(r, up);
    v.kind = SV::Reg;
    v.mt = MT::U64;
    v.o = Opd::r(r);
    cg_push(cg, v);
  });
}

void cfree_cg_builtin_setjmp(CfreeCg* cg, CfreeType result_type) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "builtin_setjmp %s", dump_type(cg, result_type).c_str());
      return;
    }
    // Control comes back here with only rbp/rsp restored: everything else
    // lives in memory.
    SValue v = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, v);
    Opd b = cg_to_reg(cg, cg_top(cg));
    Pin pin(cg, 1);
    Opd d = Opd::r(cg_alloc(cg, RC::Gpr));
    cg->target->builtin_setjmp(b, d);
    cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, cg_mt(cg, result_type), result_type));
  });
}

void cfree_cg_builtin_longjmp(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "builtin_longjmp");
      return;
    }
    SValue v = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, v);
    Opd b = cg_to_reg(cg, cg_top(cg));
    cg->target->builtin_longjmp(b);
    cg_free_value(cg, cg_pop(cg));
  });
}

int cfree_cg_func_uses_chain(CfreeCg* cg) {
  return cg->in_func && cg->level < cg->chain_used.size() && cg->chain_used[cg->level];
}

void cfree_cg_branch(CfreeCg* cg, int when_true, CfreeCgLabel label) {
  api<true>(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "branch %s L%u", when_true ? "true" : "false", label);
      return;
    }
    if (cg->pending.active) {
      CfreeCmp c = cg->pending.cmp;
      bool fuse = true;
      if (!when_true) {
        static const CfreeCmp neg[] = {CFREE_CMP_NE, CFREE_CMP_EQ, CFREE_CMP_SGE, CFREE_CMP_SGT,
                                       CFREE_CMP_SLE, CFREE_CMP_SLT, CFREE_CMP_UGE, CFREE_CMP_UGT,
                                       CFREE_CMP_ULE, CFREE_CMP_ULT, CFREE_CMP_FUNE, CFREE_CMP_FOEQ};
        if (c <= CFREE_CMP_FUNE) c = neg[c];
        else fuse = false;  // ordered float compares have no ordered negation
      }
      if (fuse) {
        cg_pop(cg);  // the placeholder
        cg->pending.active = false;
        SValue a = cg->pending.a, b = cg->pending.b;
        before_control_flow(cg);
        cg->target->cmp_branch(c, cg->pending.mt, a.o, b.o, cg_target_label(cg, label));
        cg_free_value(cg, b);
        cg_free_value(cg, a);
        return;
      }
      cg_flush_cmp(cg);
    }
    SValue v = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, v);
    SValue& t = cg_top(cg);
    if (mt_is_float(t.mt)) {
      CfreeType ft = t.type;
      u8 zero[16] = {};
      cfree_cg_push_float(cg, ft, zero);
      cfree_cg_cmp_branch(cg, when_true ? CFREE_CMP_FUNE : CFREE_CMP_FOEQ, ft, label);
      return;
    }
    if (t.kind == SV::Const) {
      bool nz = t.o.off != 0 || t.o.hi != 0;
      cg_pop(cg);
      if (nz == (when_true != 0)) cg->target->jump(cg_target_label(cg, label));
      return;
    }
    Opd s = cg_source(cg, t);
    if (t.mt == MT::S128 || t.mt == MT::U128) {
      s = cg_to_reg(cg, t);
      cg->target->binop(BinOp::Or, MT::U64, Opd::r(s.reg), Opd::r(s.reg), Opd::r(s.reg2));
      s = Opd::r(s.reg);
      t.mt = MT::U64;
    }
    cg->target->cmp_branch(when_true ? CFREE_CMP_NE : CFREE_CMP_EQ, t.mt, s, Opd::imm(0),
                           cg_target_label(cg, label));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_cmp_branch(CfreeCg* cg, CfreeCmp cmp, CfreeType operand_type, CfreeCgLabel label) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "cmp_branch %s %s L%u", dump_cmp(cmp), dump_type(cg, operand_type).c_str(), label);
      return;
    }
    MT mt = cg_mt(cg, operand_type);
    SValue b = cg_pop(cg), a = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, a);
    cg_push(cg, b);
    cg_source(cg, cg_top(cg, 0));
    if (cg_top(cg, 1).kind != SV::Reg) cg_to_reg(cg, cg_top(cg, 1));
    Opd sb = cg_source(cg, cg_top(cg, 0));
    Opd sa = cg_top(cg, 1).o;
    cg->target->cmp_branch(cmp, mt, sa, sb, cg_target_label(cg, label));
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_jump_indirect(CfreeCg* cg, const CfreeCgLabel* targets, size_t n_targets) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) {
        std::string s;
        for (size_t i = 0; i < n_targets; i++) s += " L" + std::to_string(targets[i]);
        dump_line(cg, "jump_indirect%s", s.c_str());
      }
      return;
    }
    SValue v = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, v);
    Opd a = cg_to_reg(cg, cg_top(cg));
    cg->target->jump_indirect(a);
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_switch(CfreeCg* cg, CfreeType type, const CfreeCase* cases, size_t n_cases,
                     CfreeCgLabel default_label) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) {
        dump_line(cg, "switch %s default=L%u cases=%zu", dump_type(cg, type).c_str(), default_label, n_cases);
        for (size_t i = 0; i < n_cases; i++) {
          if (cases[i].lo == cases[i].hi)
            dump_line(cg, "  case %lld -> L%u", (long long)cases[i].lo, cases[i].label);
          else
            dump_line(cg, "  case %lld...%lld -> L%u", (long long)cases[i].lo, (long long)cases[i].hi,
                      cases[i].label);
        }
      }
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue v = cg_pop(cg);
    before_control_flow(cg);
    cg_push(cg, v);
    Opd r = cg_to_reg(cg, cg_top(cg));
    std::vector<CGCase> cs(n_cases);
    for (size_t i = 0; i < n_cases; i++) cs[i] = {cases[i].lo, cases[i].hi, cg_target_label(cg, cases[i].label)};
    cg->target->switch_(mt, r, cs.data(), cs.size(), cg_target_label(cg, default_label));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_scope_begin(CfreeCg* cg, CfreeScopeKind kind, CfreeCgLabel break_label,
                          CfreeCgLabel continue_label) {
  api(cg, [&] {
    cg->scope_depth++;
    if (cg->mode == CFREE_CG_DUMP) {
      static const char* const n[] = {"block", "loop", "if"};
      dump_line(cg, "scope_begin %s break=L%u continue=L%u", n[kind], break_label, continue_label);
    }
  });
}

void cfree_cg_scope_else(CfreeCg* cg) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "scope_else");
  });
}

void cfree_cg_scope_end(CfreeCg* cg) {
  api(cg, [&] {
    cg->scope_depth--;
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "scope_end");
  });
}

}  // extern "C"
