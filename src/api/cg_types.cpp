// cg_types.cpp: the public cfree_type_* and cfree_abi_* entry points of
// include/cfree/cg.h (part 1).  Each is a guard()ed call into the type table
// and TargetABI of src/abi; bad ids and misuse come back as 0 / a status,
// never as an exception across the C API.
#include "abi/abi.h"

using namespace cfree;
using namespace cfree::abi;

namespace {

template <class T, class Fn>
T guarded(CfreeCompiler* c, T fallback, Fn&& fn) {
  if (!c) return fallback;
  T r = fallback;
  guard(c, [&] {
    r = fn(TypeTable::of(*c));
    return CFREE_OK;
  });
  return r;
}

}  // namespace

namespace cfree::abi {

void to_public(const ABIValue& in, CfreeAbiValue& out) {
  out = CfreeAbiValue{};
  out.n_parts = in.n_parts;
  for (u32 i = 0; i < in.n_parts; i++) {
    const ABIPart& p = in.parts[i];
    CfreeAbiPart& q = out.parts[i];
    q.kind = p.kind;
    q.reg = p.kind == CFREE_ABI_INDIRECT && p.on_stack ? 0xffffffffu : p.reg;
    q.offset = p.offset;
    q.size = p.size;
    q.type = p.type;
    q.stack_offset = p.stack_offset;
  }
}

}  // namespace cfree::abi

extern "C" {

CfreeType cfree_type_void(CfreeCompiler* c) {
  return guarded<CfreeType>(c, 0, [](TypeTable& t) { return t.void_type(); });
}

CfreeType cfree_type_bool(CfreeCompiler* c) {
  return guarded<CfreeType>(c, 0, [](TypeTable& t) { return t.bool_type(); });
}

CfreeType cfree_type_int(CfreeCompiler* c, unsigned bits, int is_signed) {
  if (bits != 8 && bits != 16 && bits != 32 && bits != 64 && bits != 128) return 0;
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) { return t.int_type(bits, is_signed != 0); });
}

CfreeType cfree_type_float(CfreeCompiler* c, unsigned bits) {
  if (bits != 32 && bits != 64 && bits != 80 && bits != 128) return 0;
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) { return t.float_type(bits); });
}

CfreeType cfree_type_ptr(CfreeCompiler* c, CfreeType elem) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) { return t.valid(elem) ? t.ptr(elem) : 0; });
}

CfreeType cfree_type_array(CfreeCompiler* c, CfreeType elem, uint64_t count) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(elem)) return 0;
    auto k = t.kind(elem);
    if (k == CFREE_TY_VOID || k == CFREE_TY_FUNC) return 0;
    return t.array(elem, count);
  });
}

CfreeType cfree_type_flex_array(CfreeCompiler* c, CfreeType elem) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(elem)) return 0;
    auto k = t.kind(elem);
    if (k == CFREE_TY_VOID || k == CFREE_TY_FUNC) return 0;
    return t.flex_array(elem);
  });
}

CfreeType cfree_type_complex(CfreeCompiler* c, CfreeType elem) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(elem)) return 0;
    auto k = t.kind(elem);
    if (k != CFREE_TY_FLOAT && k != CFREE_TY_INT) return 0;
    return t.complex(elem);
  });
}

CfreeType cfree_type_vector(CfreeCompiler* c, CfreeType elem, uint64_t count) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(elem)) return 0;
    auto k = t.kind(elem);
    if (k != CFREE_TY_FLOAT && k != CFREE_TY_INT && k != CFREE_TY_BOOL) return 0;
    if (count == 0 || (count & (count - 1)) != 0 || count > (1u << 20)) return 0;
    return t.vector(elem, count);
  });
}

CfreeType cfree_type_func(CfreeCompiler* c, CfreeType ret, const CfreeType* params, size_t n_params,
                          int variadic) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(ret) || (n_params && !params)) return 0;
    for (size_t i = 0; i < n_params; i++)
      if (!t.valid(params[i])) return 0;
    return t.func(ret, params, n_params, variadic != 0);
  });
}

CfreeType cfree_type_c_scalar(CfreeCompiler* c, CfreeCScalar s) {
  if (s < 0 || s >= CFREE_C_SCALAR_COUNT) return 0;
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) { return t.c_scalar(s); });
}

CfreeType cfree_type_va_list(CfreeCompiler* c) {
  return guarded<CfreeType>(c, 0, [](TypeTable& t) { return t.va_list_type(); });
}

CfreeType cfree_type_record(CfreeCompiler* c, int is_union, CfreeSym tag) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) { return t.record(is_union != 0, tag); });
}

CfreeStatus cfree_type_record_complete(CfreeCompiler* c, CfreeType record, const CfreeField* fields,
                                       size_t n_fields, const CfreeRecordAttrs* attrs) {
  if (!c || (n_fields && !fields)) return CFREE_ERR_USAGE;
  return guard(c, [&] {
    CfreeRecordAttrs a = attrs ? *attrs : CfreeRecordAttrs{};
    return TypeTable::of(*c).complete_record(record, fields, n_fields, a) ? CFREE_OK
                                                                          : CFREE_ERR_USAGE;
  });
}

void cfree_type_info(CfreeCompiler* c, CfreeType ty, CfreeTypeInfo* out) {
  if (!out) return;
  *out = CfreeTypeInfo{};
  guarded<int>(c, 0, [&](TypeTable& t) {
    if (!t.valid(ty)) return 0;
    const TypeNode& n = t.node(ty);
    out->kind = n.kind;
    out->bits = n.bits;
    out->is_signed = n.is_signed;
    out->elem = n.elem;
    out->count = n.count;
    out->flexible = n.flexible;
    out->is_union = n.is_union;
    out->complete = n.kind == CFREE_TY_ARRAY ? t.is_complete(n.elem) : t.is_complete(ty);
    out->tag = n.tag;
    out->n_params = n.kind == CFREE_TY_FUNC ? n.n : 0;
    out->variadic = n.variadic;
    out->n_fields = n.kind == CFREE_TY_RECORD && n.complete ? n.n : 0;
    return 0;
  });
}

CfreeType cfree_type_func_param(CfreeCompiler* c, CfreeType fn, size_t i) {
  return guarded<CfreeType>(c, 0, [&](TypeTable& t) -> CfreeType {
    if (!t.valid(fn) || t.kind(fn) != CFREE_TY_FUNC) return 0;
    auto p = t.params(fn);
    return i < p.size() ? p[i] : 0;
  });
}

uint64_t cfree_type_size(CfreeCompiler* c, CfreeType ty) {
  return guarded<uint64_t>(c, 0, [&](TypeTable& t) -> uint64_t {
    return t.valid(ty) && t.is_complete(ty) ? t.size(ty) : 0;
  });
}

uint32_t cfree_type_align(CfreeCompiler* c, CfreeType ty) {
  return guarded<uint32_t>(c, 1, [&](TypeTable& t) -> uint32_t {
    if (!t.valid(ty)) return 1;
    auto k = t.kind(ty);
    if (k == CFREE_TY_VOID || k == CFREE_TY_FUNC) return 1;
    if (k == CFREE_TY_RECORD && !t.node(ty).complete) return 1;
    return t.align(ty);
  });
}

CfreeStatus cfree_type_field(CfreeCompiler* c, CfreeType record, size_t i, CfreeFieldLayout* out) {
  if (!c || !out) return CFREE_ERR_USAGE;
  return guard(c, [&] {
    TypeTable& t = TypeTable::of(*c);
    if (!t.valid(record) || t.kind(record) != CFREE_TY_RECORD) return CFREE_ERR_USAGE;
    auto fields = t.fields(record);
    if (i >= fields.size()) return CFREE_ERR_USAGE;
    const FieldInfo& f = fields[i];
    *out = CfreeFieldLayout{};
    out->name = f.name;
    out->type = f.type;
    out->offset = f.offset;
    out->flags = f.flags;
    if (f.is_bitfield()) {
      out->bit_offset = f.bit_offset;
      out->bit_width = f.bit_width;
      out->storage_size = f.storage_size;
    }
    return CFREE_OK;
  });
}

CfreeStatus cfree_abi_classify_call(CfreeCompiler* c, CfreeType fn, const CfreeType* arg_types,
                                    size_t n_args, CfreeAbiCallInfo* out) {
  if (!c || !out) return CFREE_ERR_USAGE;
  return guard(c, [&] {
    TypeTable& t = TypeTable::of(*c);
    if (!t.valid(fn) || t.kind(fn) != CFREE_TY_FUNC) return CFREE_ERR_USAGE;
    const TypeNode& fnode = t.node(fn);
    size_t np = fnode.n;
    if (arg_types) {
      if (n_args < np) return CFREE_ERR_USAGE;
      for (size_t i = 0; i < n_args; i++)
        if (!t.valid(arg_types[i]) || (t.kind(arg_types[i]) != CFREE_TY_VOID &&
                                       t.is_aggregate(arg_types[i]) && !t.is_complete(arg_types[i])))
          return CFREE_ERR_USAGE;
    }
    for (TypeId p : t.params(fn))
      if (t.is_aggregate(p) && !t.is_complete(p)) return CFREE_ERR_USAGE;
    TypeId rt = fnode.elem;
    if (t.is_aggregate(rt) && !t.is_complete(rt)) return CFREE_ERR_USAGE;
    // The cache key: fn, then the argument types (none: the parameters).
    TypeId small[16];
    std::vector<TypeId> big;
    size_t nk = 1 + (arg_types ? n_args : 0);
    TypeId* kp = small;
    if (nk > 16) {
      big.resize(nk);
      kp = big.data();
    }
    kp[0] = fn;
    for (size_t i = 1; i < nk; i++) kp[i] = arg_types[i - 1];
    std::span<const TypeId> key(kp, nk);
    auto hit = t.call_cache.find(key);
    if (hit != t.call_cache.end()) {
      *out = hit->second;
      return CFREE_OK;
    }
    ABIFuncInfo info;
    t.scratch.reset();
    t.target().classify_call(t, fn, arg_types, arg_types ? n_args : np, t.scratch, info);
    *out = CfreeAbiCallInfo{};
    to_public(info.ret, out->ret);
    out->sret = info.sret;
    out->sret_reg = info.sret_reg;
    out->stack_size = info.stack_size;
    out->n_gpr = info.n_gpr;
    out->n_fpr = info.n_fpr;
    out->n_args = info.n_args;
    out->args = c->perm.alloc_array<CfreeAbiValue>(info.n_args);
    for (size_t i = 0; i < info.n_args; i++) to_public(info.args[i], out->args[i]);
    t.call_cache.emplace(std::vector<TypeId>(key.begin(), key.end()), *out);
    return CFREE_OK;
  });
}

}  // extern "C"
