// types.cpp: interning of structural types and the per-target scalar profile.
//
// Every structural type is a TypeNode in one vector; a hash map from the
// node's structural key to its id makes construction idempotent (function
// types key on a hash of their parameter list and compare the list on a
// hit).  Sizes and alignments come from the TargetABI at interning time;
// records get theirs at completion (layout.cpp).
#include "abi/types.h"

#include "abi/abi.h"

#include <algorithm>

namespace cfree::abi {

size_t TypeTable::KeyHash::operator()(const Key& k) const {
  u64 h = 1469598103934665603ull;
  auto mix = [&](u64 v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  mix(k.kind);
  mix(k.a);
  mix(k.b);
  mix(k.c);
  mix(k.d);
  return static_cast<size_t>(h ^ (h >> 29));
}

TypeTable::TypeTable(Compiler& c)
    : scratch(c.env.heap, 16 * 1024), c_(c), abi_(&target_abi(c.target.arch)) {
  nodes_.reserve(256);
  nodes_.push_back(TypeNode{});  // id 0: no type
  TypeNode v;
  v.kind = CFREE_TY_VOID;
  v.complete = false;
  v.size = 0;
  v.align = 1;
  void_ = intern(Key{CFREE_TY_VOID, 0, 0, 0, 0}, v);
  TypeNode b;
  b.kind = CFREE_TY_BOOL;
  b.bits = 8;
  b.size = 1;
  b.align = 1;
  b.complete = true;
  bool_ = intern(Key{CFREE_TY_BOOL, 0, 0, 0, 0}, b);
}

TypeTable::~TypeTable() = default;

TypeTable& TypeTable::of(Compiler& c) {
  if (!c.types) c.types = std::make_unique<TypeTable>(c);
  return static_cast<TypeTable&>(*c.types);
}

TypeId TypeTable::intern(const Key& k, const TypeNode& n) {
  auto it = map_.find(k);
  if (it != map_.end()) return it->second;
  TypeId id = static_cast<TypeId>(nodes_.size());
  nodes_.push_back(n);
  map_.emplace(k, id);
  return id;
}

TypeId TypeTable::int_type(u32 bits, bool is_signed) {
  CFREE_ASSERT(bits == 8 || bits == 16 || bits == 32 || bits == 64 || bits == 128);
  TypeNode n;
  n.kind = CFREE_TY_INT;
  n.bits = bits;
  n.is_signed = is_signed;
  n.size = bits / 8;
  n.align = bits / 8;  // 16 for __int128 on all three targets
  n.complete = true;
  return intern(Key{CFREE_TY_INT, bits, is_signed, 0, 0}, n);
}

TypeId TypeTable::float_type(u32 bits) {
  CFREE_ASSERT(bits == 32 || bits == 64 || bits == 80 || bits == 128);
  TypeNode n;
  n.kind = CFREE_TY_FLOAT;
  n.bits = bits;
  n.size = abi_->float_size(bits);
  n.align = abi_->float_align(bits);
  n.complete = true;
  return intern(Key{CFREE_TY_FLOAT, bits, 0, 0, 0}, n);
}

TypeId TypeTable::ptr(TypeId elem) {
  CFREE_ASSERT(valid(elem));
  TypeNode n;
  n.kind = CFREE_TY_PTR;
  n.elem = elem;
  n.size = 8;
  n.align = 8;
  n.complete = true;
  return intern(Key{CFREE_TY_PTR, elem, 0, 0, 0}, n);
}

bool TypeTable::is_complete(TypeId t) const {
  const TypeNode& n = node(t);
  switch (n.kind) {
    case CFREE_TY_VOID:
    case CFREE_TY_FUNC:
    case CFREE_TY_NONE: return false;
    case CFREE_TY_RECORD: return n.complete;
    case CFREE_TY_ARRAY: return !n.flexible && is_complete(n.elem);
    default: return true;
  }
}

TypeId TypeTable::array(TypeId elem, u64 count) {
  CFREE_ASSERT(valid(elem));
  const TypeNode& e = node(elem);
  CFREE_ASSERT(e.kind != CFREE_TY_VOID && e.kind != CFREE_TY_FUNC);
  TypeNode n;
  n.kind = CFREE_TY_ARRAY;
  n.elem = elem;
  n.count = count;
  // size()/align() read arrays through the element (which may be a record
  // completed later); the cached values only serve the common case.
  n.complete = is_complete(elem);
  n.size = n.complete ? e.size * count : 0;
  n.align = n.complete ? e.align : 1;
  return intern(Key{CFREE_TY_ARRAY, elem, 0, 0, count}, n);
}

TypeId TypeTable::flex_array(TypeId elem) {
  CFREE_ASSERT(valid(elem));
  TypeNode n;
  n.kind = CFREE_TY_ARRAY;
  n.elem = elem;
  n.flexible = true;
  n.complete = is_complete(elem);
  n.size = 0;
  n.align = n.complete ? node(elem).align : 1;
  return intern(Key{CFREE_TY_ARRAY, elem, 1, 0, 0}, n);
}

TypeId TypeTable::complex(TypeId elem) {
  CFREE_ASSERT(valid(elem));
  const TypeNode& e = node(elem);
  CFREE_ASSERT(e.kind == CFREE_TY_FLOAT || e.kind == CFREE_TY_INT);
  TypeNode n;
  n.kind = CFREE_TY_COMPLEX;
  n.elem = elem;
  n.size = e.size * 2;
  n.align = e.align;
  n.complete = true;
  return intern(Key{CFREE_TY_COMPLEX, elem, 0, 0, 0}, n);
}

TypeId TypeTable::vector(TypeId elem, u64 count) {
  CFREE_ASSERT(valid(elem));
  const TypeNode& e = node(elem);
  CFREE_ASSERT(e.kind == CFREE_TY_FLOAT || e.kind == CFREE_TY_INT || e.kind == CFREE_TY_BOOL);
  CFREE_ASSERT(count != 0 && (count & (count - 1)) == 0);
  TypeNode n;
  n.kind = CFREE_TY_VECTOR;
  n.elem = elem;
  n.count = count;
  n.size = e.size * count;
  n.align = abi_->vector_align(n.size);
  n.complete = true;
  return intern(Key{CFREE_TY_VECTOR, elem, 0, 0, count}, n);
}

TypeId TypeTable::func(TypeId ret, const TypeId* params, size_t np, bool variadic) {
  CFREE_ASSERT(valid(ret));
  u64 h = 1469598103934665603ull;
  for (size_t i = 0; i < np; i++) {
    CFREE_ASSERT(valid(params[i]));
    h = (h ^ params[i]) * 1099511628211ull;
  }
  Key k{CFREE_TY_FUNC, ret, variadic, static_cast<u32>(np), h};
  auto [lo, hi] = map_.equal_range(k);
  for (auto it = lo; it != hi; ++it) {
    const TypeNode& n = nodes_[it->second];
    if (std::equal(params, params + np, params_.begin() + n.first)) return it->second;
  }
  TypeNode n;
  n.kind = CFREE_TY_FUNC;
  n.elem = ret;
  n.variadic = variadic;
  n.first = static_cast<u32>(params_.size());
  n.n = static_cast<u32>(np);
  n.size = 0;
  n.align = 1;
  params_.insert(params_.end(), params, params + np);
  TypeId id = static_cast<TypeId>(nodes_.size());
  nodes_.push_back(n);
  map_.emplace(k, id);
  return id;
}

TypeId TypeTable::record(bool is_union, Sym tag) {
  TypeNode n;
  n.kind = CFREE_TY_RECORD;
  n.is_union = is_union;
  n.tag = tag;
  n.complete = false;
  TypeId id = static_cast<TypeId>(nodes_.size());
  nodes_.push_back(n);
  return id;
}

bool TypeTable::complete_record(TypeId rec, const CfreeField* fields, size_t n,
                                const CfreeRecordAttrs& attrs) {
  if (!valid(rec) || kind(rec) != CFREE_TY_RECORD || node(rec).complete) return false;
  return layout_record(*this, rec, fields, n, attrs);
}

std::span<const TypeId> TypeTable::params(TypeId fn) const {
  const TypeNode& n = node(fn);
  CFREE_ASSERT(n.kind == CFREE_TY_FUNC);
  return {params_.data() + n.first, n.n};
}

std::span<const FieldInfo> TypeTable::fields(TypeId rec) const {
  const TypeNode& n = node(rec);
  CFREE_ASSERT(n.kind == CFREE_TY_RECORD);
  if (!n.complete) return {};
  return {fields_.data() + n.first, n.n};
}

TypeId TypeTable::c_scalar(CfreeCScalar s) {
  CFREE_ASSERT(s >= 0 && s < CFREE_C_SCALAR_COUNT);
  if (scalars_[s]) return scalars_[s];
  const ScalarDesc& d = abi_->scalars[s];
  TypeId t = 0;
  switch (d.kind) {
    case CFREE_TY_BOOL: t = bool_; break;
    case CFREE_TY_INT: t = int_type(d.bits, d.is_signed); break;
    case CFREE_TY_FLOAT: t = float_type(d.bits); break;
    default: CFREE_UNREACHABLE("bad scalar profile entry");
  }
  scalars_[s] = t;
  return t;
}

TypeId TypeTable::va_list_type() {
  if (!va_list_) va_list_ = abi_->make_va_list(*this);
  return va_list_;
}

}  // namespace cfree::abi
