// cg_calls.cpp: calls and returns, variadics, alloca, atomics, intrinsics,
// inline asm and debug hooks of the public CG API.
//
// A call asks the TargetABI for the classification (cfree_abi_classify_call)
// and hands the target one CGArg per argument with its ABI parts; before the
// call every value still on the stack is spilled (all allocatable registers
// are caller-saved at -O0) and deferred loads are performed, since the
// callee may write any memory.
#include "api/cg_internal.h"

using namespace cfree;

namespace {

// A call; with `chain`, a static chain value sits between the callee and
// the arguments (GNU nested functions).
void call_impl(CfreeCg* cg, CfreeType fn_type, size_t n_args, const CfreeType* arg_types, bool chain) {
  api(cg, [&] {
    CfreeCompiler* cc = cg_compiler(cg);
    CfreeTypeInfo fi;
    cfree_type_info(cc, fn_type, &fi);
    CfreeTypeInfo ri;
    cfree_type_info(cc, fn_type ? fi.elem : 0, &ri);
    bool has_ret = ri.kind != CFREE_TY_VOID && ri.kind != CFREE_TY_NONE;
    if (cg_virtual(cg, n_args + 1 + (chain ? 1 : 0), has_ret ? 1 : 0)) {
      if (cg->mode == CFREE_CG_DUMP) {
        std::string s;
        if (arg_types)
          for (size_t i = 0; i < n_args; i++) s += (i ? ", " : " (") + dump_type(cg, arg_types[i]);
        if (arg_types && n_args) s += ")";
        dump_line(cg, "call%s %s args=%zu%s", chain ? "_chain" : "", dump_type(cg, fn_type).c_str(), n_args,
                  s.c_str());
      }
      return;
    }
    CfreeAbiCallInfo info;
    if (cfree_abi_classify_call(cc, fn_type, arg_types, n_args, &info) != CFREE_OK)
      cg_misuse(cg, "cannot classify a call");
    size_t nops = n_args + 1 + (chain ? 1 : 0);
    if (cg->stack.size() < nops) cg_misuse(cg, "value stack underflow in call");
    size_t base = cg->stack.size() - nops;
    // Everything below the call's operands goes to memory.
    {
      std::vector<SValue> ops(cg->stack.begin() + static_cast<std::ptrdiff_t>(base), cg->stack.end());
      cg->stack.resize(base);
      cg_spill_all(cg);
      for (SValue& v : ops) cg->stack.push_back(v);
    }
    // The static chain leaves the stack (its register stays allocated until
    // the call has read its operands).
    SValue chv;
    if (chain) {
      SValue& c = cg->stack[base + 1];
      if (c.kind != SV::Reg && c.kind != SV::Const) cg_to_reg(cg, c);
      chv = c;
      cg->stack.erase(cg->stack.begin() + static_cast<std::ptrdiff_t>(base + 1));
    }
    std::vector<CGArg> args(n_args);
    CGCallDesc d;
    {
      SValue& cv = cg->stack[base];
      if (!(cv.kind == SV::SymAddr && cv.o.off == 0) && cv.kind != SV::Mem) cg_to_reg(cg, cv);
    }
    // Aggregates are passed as memory; their addresses stay symbolic when
    // they are slots or symbols.
    for (size_t i = 0; i < n_args; i++) {
      CfreeType at = arg_types ? arg_types[i] : cfree_type_func_param(cc, fn_type, i);
      CGArg& a = args[i];
      a.abi = &info.args[i];
      if (cg_is_aggregate(cg, at)) {
        a.aggregate = true;
        a.size = cfree_type_size(cc, at);
        a.align = cfree_type_align(cc, at);
        SValue& v = cg->stack[base + 1 + i];
        if (v.kind != SV::SlotAddr && v.kind != SV::SymAddr) {
          // A computed address: copy the aggregate into a frame slot now, so
          // that no register stays tied up per argument (with many aggregate
          // arguments, a later one would spill an earlier one's address).
          CGSlot slot = cg->target->frame_slot(a.size ? a.size : 1, a.align ? a.align : 1, 0);
          Opd src = cg_addr_to_mem(cg, v);
          cg->target->copy_bytes(Opd::frame(slot, 0), src, a.size, a.align);
          cg_free_value(cg, v);
          SValue nv;
          nv.kind = SV::SlotAddr;
          nv.mt = MT::U64;
          nv.type = v.type;
          nv.o = Opd::frame(slot, 0);
          v = nv;
        }
      } else {
        a.mt = cg_mt(cg, at);
        SValue& v = cg->stack[base + 1 + i];
        // Label addresses and x87/binary128 constants need a home first
        // (the latter a temporary slot, never a register).
        if (v.kind == SV::LabelAddr || (cg_class(a.mt) == RC::Mem && v.kind == SV::Const)) cg_to_reg(cg, v);
      }
    }
    // Operands now need no further registers: read them off the stack.
    for (size_t i = 0; i < n_args; i++) {
      SValue& v = cg->stack[base + 1 + i];
      CGArg& a = args[i];
      if (a.aggregate) {
        if (v.kind == SV::Reg) a.val = Opd::ind(v.o.reg, 0);
        else if (v.kind == SV::SlotAddr || v.kind == SV::SymAddr) a.val = v.o;
        else cg_misuse(cg, "aggregate argument address was spilled");
      } else if (v.kind == SV::SlotAddr || v.kind == SV::SymAddr) {
        a.val = v.o;
        a.addr = true;
      } else {
        a.val = v.o;  // Const (bits), Reg, or memory
      }
    }
    SValue& cv = cg->stack[base];
    if (cv.kind == SV::SymAddr && cv.o.off == 0) {
      d.callee = cv.o;
      d.direct = true;
    }
    else if (cv.kind == SV::Reg || cv.kind == SV::Mem) d.callee = cv.o;  // register or memory
    else cg_misuse(cg, "bad callee");
    d.fn_type = fn_type;
    d.abi = &info;
    d.args = args.data();
    d.n_args = n_args;
    d.variadic = fi.variadic != 0;
    if (chain) {
      d.has_chain = true;
      d.chain = chv.o;
    }
    CfreeType rt = fi.elem;
    std::vector<SValue> popped(cg->stack.begin() + static_cast<std::ptrdiff_t>(base), cg->stack.end());
    cg->stack.resize(base);
    for (SValue& v : popped) cg_free_value(cg, v);
    if (chain) cg_free_value(cg, chv);
    SValue result;
    if (has_ret) {
      if (cg_is_aggregate(cg, rt)) {
        u64 size = cfree_type_size(cc, rt);
        u32 align = cfree_type_align(cc, rt);
        CGSlot s = cg->target->frame_slot(size ? size : 1, align < 16 ? 16 : align, 0);
        d.ret_aggregate = true;
        d.ret_mem = Opd::frame(s, 0);
        d.ret_size = size;
        result.kind = SV::SlotAddr;
        result.mt = MT::U64;
        result.o = d.ret_mem;
      } else {
        d.ret_mt = cg_mt(cg, rt);
        d.ret = cg_dest(cg, d.ret_mt);
        result = cg_value_at(cg, d.ret, d.ret_mt, rt);
      }
    }
    cg->target->call(d);
    if (has_ret) cg_push(cg, result);
  });
}

}  // namespace

extern "C" {

void cfree_cg_call(CfreeCg* cg, CfreeType fn_type, size_t n_args, const CfreeType* arg_types) {
  call_impl(cg, fn_type, n_args, arg_types, false);
}

void cfree_cg_call_chain(CfreeCg* cg, CfreeType fn_type, size_t n_args, const CfreeType* arg_types) {
  call_impl(cg, fn_type, n_args, arg_types, true);
}

void cfree_cg_ret(CfreeCg* cg) {
  api(cg, [&] {
    CfreeCompiler* cc = cg_compiler(cg);
    CfreeTypeInfo fi, ri;
    cfree_type_info(cc, cg->func.type, &fi);
    cfree_type_info(cc, fi.elem, &ri);
    bool has_ret = ri.kind != CFREE_TY_VOID && ri.kind != CFREE_TY_NONE;
    if (cg_virtual(cg, has_ret ? 1 : 0, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "ret%s", has_ret ? " value" : "");
      return;
    }
    CGRetDesc d;
    SValue v;
    if (has_ret) {
      d.has_value = true;
      SValue& t = cg_top(cg);
      if (cg_is_aggregate(cg, fi.elem)) {
        d.aggregate = true;
        d.size = cfree_type_size(cc, fi.elem);
        d.val = cg_addr_to_mem(cg, t);
      } else {
        d.mt = cg_mt(cg, fi.elem);
        d.val = cg_source(cg, t);
      }
      v = cg_pop(cg);
    }
    cg->target->ret(d);
    if (has_ret) cg_free_value(cg, v);
  });
}

/* ---- Variadics, alloca ------------------------------------------------------------------- */

void cfree_cg_va_start(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "va_start");
      return;
    }
    Opd a = cg_to_reg(cg, cg_top(cg));
    cg->target->va_start_(a);
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_va_arg(CfreeCg* cg, CfreeType type) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "va_arg %s", dump_type(cg, type).c_str());
      return;
    }
    CfreeCompiler* cc = cg_compiler(cg);
    cg_materialize_mem(cg);
    Opd a = cg_to_reg(cg, cg_top(cg));
    Pin pin(cg, 1);
    if (cg_is_aggregate(cg, type)) {
      u64 size = cfree_type_size(cc, type);
      u32 align = cfree_type_align(cc, type);
      CGSlot s = cg->target->frame_slot(size ? size : 1, align < 16 ? 16 : align, 0);
      cg->target->va_arg_(a, MT::U64, true, type, Opd::frame(s, 0));
      cg_free_value(cg, cg_pop(cg));
      SValue v;
      v.kind = SV::SlotAddr;
      v.mt = MT::U64;
      v.o = Opd::frame(s, 0);
      cg_push(cg, v);
      return;
    }
    MT mt = cg_mt(cg, type);
    Opd d = cg_dest(cg, mt);
    cg->target->va_arg_(a, mt, false, type, d);
    cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, mt, type));
  });
}

void cfree_cg_va_end(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "va_end");
      return;
    }
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_va_copy(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "va_copy");
      return;
    }
    cg_materialize_mem(cg);
    Opd d = cg_to_reg(cg, cg_top(cg, 1));
    Pin pin(cg, 2);
    Opd s = cg_to_reg(cg, cg_top(cg, 0));
    d = cg_top(cg, 1).o;
    cg->target->va_copy_(d, s);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_alloca(CfreeCg* cg, uint32_t align) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "alloca align=%u", align);
      return;
    }
    Opd s = cg_to_reg(cg, cg_top(cg));
    Pin pin(cg, 1);
    Opd d = cg_dest(cg, MT::U64);
    cg->target->alloca_(d, s, align ? align : 16);
    cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, MT::U64, 0));
  });
}

void cfree_cg_stack_save(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "stack_save");
      return;
    }
    Opd d = cg_dest(cg, MT::U64);
    cg->target->stack_save(d);
    cg_push(cg, cg_value_at(cg, d, MT::U64, 0));
  });
}

void cfree_cg_stack_restore(CfreeCg* cg) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "stack_restore");
      return;
    }
    Opd s = cg_to_reg(cg, cg_top(cg));
    cg->target->stack_restore(s);
    cg_free_value(cg, cg_pop(cg));
  });
}

/* ---- Atomics ---------------------------------------------------------------------------------- */

void cfree_cg_atomic_load(CfreeCg* cg, CfreeType type, CfreeMemOrder order) {
  api(cg, [&] {
    if (cg_virtual(cg, 1, 1)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "atomic_load %s %s", dump_type(cg, type).c_str(), dump_order(order));
      return;
    }
    MT mt = cg_mt(cg, type);
    Opd a = cg_to_reg(cg, cg_top(cg));
    Pin pin(cg, 1);
    Opd d = cg_dest(cg, mt);
    cg->target->atomic_load(mt, d, a, order);
    cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, mt, type));
  });
}

void cfree_cg_atomic_store(CfreeCg* cg, CfreeType type, CfreeMemOrder order) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "atomic_store %s %s", dump_type(cg, type).c_str(), dump_order(order));
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue v = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, v);
    cg_to_reg(cg, cg_top(cg, 0));
    Pin pin(cg, 1);
    Opd a = cg_to_reg(cg, cg_top(cg, 1));
    Opd s = cg_top(cg, 0).o;
    cg->target->atomic_store(mt, a, s, order);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
  });
}

void cfree_cg_atomic_rmw(CfreeCg* cg, CfreeAtomicOp op, CfreeType type, CfreeMemOrder order) {
  api(cg, [&] {
    if (cg_virtual(cg, 2, 1)) {
      if (cg->mode == CFREE_CG_DUMP) {
        static const char* const n[] = {"xchg", "add", "sub", "and", "or", "xor", "nand"};
        dump_line(cg, "atomic_rmw %s %s %s", n[op], dump_type(cg, type).c_str(), dump_order(order));
      }
      return;
    }
    MT mt = cg_mt(cg, type);
    SValue v = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, v);
    cg_to_reg(cg, cg_top(cg, 0));
    Pin pin(cg, 1);
    cg_to_reg(cg, cg_top(cg, 1));
    Pin pin2(cg, 2);
    Opd d = cg_dest(cg, mt);
    cg->target->atomic_rmw(op, mt, d, cg_top(cg, 1).o, cg_top(cg, 0).o, order);
    cg_free_value(cg, cg_pop(cg));
    cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, mt, type));
  });
}

void cfree_cg_atomic_cas(CfreeCg* cg, CfreeType type, int weak, CfreeMemOrder success,
                         CfreeMemOrder failure, CfreeType result_type) {
  api(cg, [&] {
    if (cg_virtual(cg, 3, 1)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "atomic_cas %s%s %s %s -> %s", dump_type(cg, type).c_str(), weak ? " weak" : "",
                  dump_order(success), dump_order(failure), dump_type(cg, result_type).c_str());
      return;
    }
    MT mt = cg_mt(cg, type), rt = cg_mt(cg, result_type);
    SValue v = cg_pop(cg);
    cg_materialize_mem(cg);
    cg_push(cg, v);
    cg_to_reg(cg, cg_top(cg, 0));
    Pin p1(cg, 1);
    cg_to_reg(cg, cg_top(cg, 1));
    Pin p2(cg, 2);
    cg_to_reg(cg, cg_top(cg, 2));
    Pin p3(cg, 3);
    Opd d = cg_dest(cg, rt);
    cg->target->atomic_cas(mt, d, rt, cg_top(cg, 2).o, cg_top(cg, 1).o, cg_top(cg, 0).o, success, failure);
    for (int i = 0; i < 3; i++) cg_free_value(cg, cg_pop(cg));
    cg_push(cg, cg_value_at(cg, d, rt, result_type));
  });
}

void cfree_cg_fence(CfreeCg* cg, CfreeMemOrder order) {
  api(cg, [&] {
    if (cg_virtual(cg, 0, 0)) {
      if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "fence %s", dump_order(order));
      return;
    }
    cg_materialize_mem(cg);
    cg->target->fence(order);
  });
}

/* ---- Intrinsics ------------------------------------------------------------------------------------ */

void cfree_cg_intrinsic(CfreeCg* cg, CfreeIntrinsic id, CfreeType type) {
  api(cg, [&] {
    size_t pops = 0, pushes = 0;
    switch (id) {
      case CFREE_INTR_TRAP: case CFREE_INTR_UNREACHABLE: break;
      case CFREE_INTR_PREFETCH: pops = 1; break;
      case CFREE_INTR_ADD_OVERFLOW: case CFREE_INTR_SUB_OVERFLOW: case CFREE_INTR_MUL_OVERFLOW:
        pops = 2; pushes = 2; break;
      default: pops = 1; pushes = 1; break;
    }
    if (cg_virtual(cg, pops, pushes)) {
      if (cg->mode == CFREE_CG_DUMP) {
        static const char* const n[] = {"bswap", "clz", "ctz", "popcount", "parity", "ffs", "clrsb",
                                        "trap", "unreachable", "frame_address", "return_address",
                                        "add_overflow", "sub_overflow", "mul_overflow", "prefetch",
                                        "sqrt", "fabs"};
        dump_line(cg, "intrinsic %s %s", n[id], type ? dump_type(cg, type).c_str() : "-");
      }
      return;
    }
    MT mt = type ? cg_mt(cg, type) : MT::U64;
    Opd a, b, d, d2;
    if (id == CFREE_INTR_ADD_OVERFLOW || id == CFREE_INTR_SUB_OVERFLOW || id == CFREE_INTR_MUL_OVERFLOW) {
      // The target reads the operands from anywhere into its own scratch
      // registers; 128-bit ones go to memory so the result pair and the
      // flag always find registers.
      for (size_t i = 0; i < 2; i++) {
        SValue& v = cg_top(cg, i);
        if (v.kind == SV::SlotAddr || v.kind == SV::SymAddr || v.kind == SV::LabelAddr) cg_to_reg(cg, v);
        if (mt_size(mt) == 16 && (v.kind == SV::Reg || (v.kind == SV::Mem && v.o.kind == OK::Indirect)))
          cg_spill_value(cg, v);
      }
      Pin pin(cg, 2);
      d = cg_dest(cg, mt);
      d2 = cg_dest(cg, MT::S32);
      cg->target->intrinsic(id, mt, d, cg_top(cg, 1).o, cg_top(cg, 0).o, d2);
      for (size_t i = 0; i < 2; i++) cg_free_value(cg, cg_pop(cg));
      cg_push(cg, cg_value_at(cg, d, mt, type));
      cg_push(cg, cg_value_at(cg, d2, MT::S32, cfree_type_int(cg_compiler(cg), 32, 1)));
      return;
    }
    if (pops >= 1) a = cg_to_reg(cg, cg_top(cg, pops - 1));
    Pin p1(cg, pops >= 1 ? 1 : 0);
    if (pops == 2) {
      cg->pinned = 2;
      b = cg_to_reg(cg, cg_top(cg, 0));
      a = cg_top(cg, 1).o;
    }
    cg->pinned = pops;
    // Result types: counting intrinsics give int; address intrinsics a pointer.
    MT rt = mt;
    if (id == CFREE_INTR_CLZ || id == CFREE_INTR_CTZ || id == CFREE_INTR_POPCOUNT ||
        id == CFREE_INTR_PARITY || id == CFREE_INTR_FFS || id == CFREE_INTR_CLRSB)
      rt = MT::S32;
    if (pushes >= 1) d = cg_dest(cg, rt);
    if (pushes == 2) d2 = cg_dest(cg, MT::S32);
    cg->target->intrinsic(id, mt, d, a, b, d2);
    for (size_t i = 0; i < pops; i++) cg_free_value(cg, cg_pop(cg));
    CfreeType int_t = cfree_type_int(cg_compiler(cg), 32, 1);
    if (pushes >= 1) cg_push(cg, cg_value_at(cg, d, rt, rt == MT::S32 && mt != MT::S32 ? int_t : type));
    if (pushes == 2) cg_push(cg, cg_value_at(cg, d2, MT::S32, int_t));
  });
}

/* ---- Inline asm -------------------------------------------------------------------------------------- */

void cfree_cg_asm(CfreeCg* cg, const CfreeAsmDesc* desc) {
  api(cg, [&] {
    size_t n = desc->n_outputs + desc->n_inputs;
    if (cg_virtual(cg, cg->in_func ? n : 0, 0)) {
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "asm \"%s\" outputs=%zu inputs=%zu clobbers=%zu%s", desc->tmpl, desc->n_outputs,
                  desc->n_inputs, desc->n_clobbers, desc->is_volatile ? " volatile" : "");
      return;
    }
    std::vector<CGAsmOperand> outs(desc->n_outputs), ins(desc->n_inputs);
    if (cg->in_func) {
      size_t base = cg->stack.size() - n;
      {
        std::vector<SValue> ops(cg->stack.begin() + static_cast<std::ptrdiff_t>(base), cg->stack.end());
        cg->stack.resize(base);
        cg_spill_all(cg);
        for (SValue& v : ops) cg->stack.push_back(v);
      }
      Pin pin(cg, n);
      for (size_t i = 0; i < desc->n_outputs; i++) {
        outs[i].constraint = desc->outputs[i].constraint;
        outs[i].mt = cg_mt(cg, desc->outputs[i].type);
        outs[i].opd = cg_addr_to_mem(cg, cg->stack[base + i]);
      }
      for (size_t i = 0; i < desc->n_inputs; i++) {
        SValue& v = cg->stack[base + desc->n_outputs + i];
        ins[i].constraint = desc->inputs[i].constraint;
        const char* c = ins[i].constraint;
        bool mem = std::strchr(c, 'm') && !std::strchr(c, 'r') && !std::strchr(c, 'i');
        ins[i].mt = mem ? MT::U64 : cg_mt(cg, desc->inputs[i].type);
        ins[i].opd = mem ? cg_addr_to_mem(cg, v) : cg_source(cg, v);
      }
      for (size_t i = 0; i < desc->n_outputs; i++) {
        SValue& v = cg->stack[base + i];
        if (v.kind == SV::Reg) outs[i].opd = Opd::ind(v.o.reg, 0);
      }
    }
    std::vector<CGLabel> gl(desc->n_goto_labels);
    for (size_t i = 0; i < desc->n_goto_labels; i++) gl[i] = cg_target_label(cg, desc->goto_labels[i]);
    cg->target->asm_block(*desc, outs.data(), ins.data(), gl.data());
    if (cg->in_func)
      for (size_t i = 0; i < n; i++) cg_free_value(cg, cg_pop(cg));
  });
}

/* ---- Debug info hooks --------------------------------------------------------------------------------- */

void cfree_cg_debug_type_name(CfreeCg* cg, CfreeType type, const char* name) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "debug_type %s \"%s\"", dump_type(cg, type).c_str(), name);
  });
}

void cfree_cg_debug_local(CfreeCg* cg, CfreeSym name, CfreeType type, CfreeCgSlot slot, CfreeLoc loc) {
  (void)loc;
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP)
      dump_line(cg, "debug_local %s %s %%s%u", cg->c.syms.str(name), dump_type(cg, type).c_str(), slot);
  });
}

void cfree_cg_debug_scope_begin(CfreeCg* cg) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "debug_scope_begin");
  });
}

void cfree_cg_debug_scope_end(CfreeCg* cg) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "debug_scope_end");
  });
}

}  // extern "C"
