// types.h: the type table behind cfree_type_* (include/cfree/cg.h, part 1).
//
// Types are machine-level and target-neutral: integers of a width and
// signedness, IEEE/x87 floats, pointers, arrays, records, complex and
// function types.  Structural types are interned, so equal types are equal
// ids and comparing types is comparing u32s; a record's identity is its
// creation (two `struct S` in different scopes are different types).  Type
// ids are the public CfreeType values: 0 is "no type", and ids index `nodes_`.
//
// The table lives on the Compiler (Compiler::types, created lazily by
// TypeTable::of) together with the TargetABI of the compiler's target, which
// supplies every target fact: the C scalar profile, sizes and alignments,
// record layout (layout.cpp) and call classification (abi.h).  Sizes and
// alignments of non-record types are computed when the type is interned;
// a record's when it is completed.  Nothing here is global.
#pragma once

#include "core/base.h"
#include "core/compiler.h"

#include <cfree/cg.h>

#include <algorithm>
#include <map>
#include <span>
#include <unordered_map>
#include <vector>

namespace cfree::abi {

struct TargetABI;
using TypeId = CfreeType;

// One field of a completed record: what the frontend gave (name, type,
// bit_width, align, flags) and where the layout put it.  For bit-fields,
// `offset`/`bit_offset`/`storage_size` describe a load/store unit (1, 2, 4,
// 8 or 16 bytes) that contains the whole field, LSB-first; `bit_pos` is the
// field's first bit counted from the start of the record.
struct FieldInfo {
  Sym name = 0;
  TypeId type = 0;
  u32 bit_width = 0;     // bit-fields only
  u32 user_align = 0;    // aligned(N) / _Alignas on the member, bytes
  u32 flags = 0;         // CfreeFieldFlags
  u64 offset = 0;        // bytes; for bit-fields: of the storage unit
  u64 bit_pos = 0;       // bit-fields: first bit from the record start
  u32 bit_offset = 0;    // bit-fields: first bit within the unit
  u32 storage_size = 0;  // bit-fields: unit bytes
  u32 decl_align_bits = 8;  // GCC's DECL_ALIGN after layout (AAPCS64 argument alignment)

  bool is_bitfield() const { return flags & CFREE_FIELD_BITFIELD; }
};

struct TypeNode {
  CfreeTypeKind kind = CFREE_TY_NONE;
  u32 bits = 0;            // INT: width; FLOAT: 32/64/80/128
  bool is_signed = false;  // INT
  bool flexible = false;   // ARRAY: C11 flexible array member
  bool is_union = false;   // RECORD
  bool complete = false;   // RECORD: completed; others: always (ARRAY: elem complete)
  bool variadic = false;   // FUNC
  bool has_flex = false;   // RECORD: ends in a flexible array (directly or nested)
  bool transparent_union = false;
  TypeId elem = 0;         // PTR/ARRAY/COMPLEX/VECTOR: element; FUNC: return type
  u64 count = 0;           // ARRAY/VECTOR: element count
  Sym tag = 0;             // RECORD
  u32 first = 0;           // FUNC: index into params_; RECORD: into fields_
  u32 n = 0;               // FUNC: parameter count; RECORD: field count
  u64 size = 0;            // bytes per the target ABI (0 while incomplete)
  u32 align = 1;           // bytes
};

class TypeTable : public Subsystem {
 public:
  TypeTable(Compiler& c);
  ~TypeTable() override;

  // The table of `c`, created on first use (with the TargetABI of c.target).
  static TypeTable& of(Compiler& c);

  Compiler& compiler() const { return c_; }
  const TargetABI& target() const { return *abi_; }

  // Interned constructors.  Invalid requests (an int of 12 bits, an array of
  // void) are internal errors: the frontend diagnoses before asking.
  TypeId void_type() { return void_; }
  TypeId bool_type() { return bool_; }
  TypeId int_type(u32 bits, bool is_signed);
  TypeId float_type(u32 bits);
  TypeId ptr(TypeId elem);
  TypeId array(TypeId elem, u64 count);
  TypeId flex_array(TypeId elem);
  TypeId complex(TypeId elem);
  TypeId vector(TypeId elem, u64 count);  // GCC vector_size; count a power of 2
  TypeId func(TypeId ret, const TypeId* params, size_t n, bool variadic);

  // Records: created incomplete, completed once (layout.cpp).
  TypeId record(bool is_union, Sym tag);
  // Returns false (and changes nothing) if already complete or a field's
  // type is incomplete/invalid.
  bool complete_record(TypeId rec, const CfreeField* fields, size_t n, const CfreeRecordAttrs& attrs);

  // The C scalar profile and va_list of the target.
  TypeId c_scalar(CfreeCScalar s);
  TypeId va_list_type();

  // Queries.  `valid(t)` is false for 0 and out-of-range ids.
  bool valid(TypeId t) const { return t != 0 && t < nodes_.size(); }
  const TypeNode& node(TypeId t) const {
    CFREE_ASSERT(valid(t));
    return nodes_[t];
  }
  CfreeTypeKind kind(TypeId t) const { return node(t).kind; }
  // Arrays read through their element, so an array of a record interned
  // before the record was completed has the right size afterwards.
  u64 size(TypeId t) const {
    const TypeNode& n = node(t);
    if (n.kind == CFREE_TY_ARRAY) return n.flexible ? 0 : size(n.elem) * n.count;
    return n.size;
  }
  u32 align(TypeId t) const {
    const TypeNode& n = node(t);
    return n.kind == CFREE_TY_ARRAY ? align(n.elem) : n.align;
  }
  bool is_complete(TypeId t) const;
  std::span<const TypeId> params(TypeId fn) const;
  std::span<const FieldInfo> fields(TypeId rec) const;
  bool is_integer(TypeId t) const {  // INT or BOOL
    auto k = kind(t);
    return k == CFREE_TY_INT || k == CFREE_TY_BOOL;
  }
  bool is_float(TypeId t) const { return kind(t) == CFREE_TY_FLOAT; }
  bool is_aggregate(TypeId t) const {
    auto k = kind(t);
    return k == CFREE_TY_RECORD || k == CFREE_TY_ARRAY || k == CFREE_TY_COMPLEX || k == CFREE_TY_VECTOR;
  }

  // cfree_abi_classify_call results, one per distinct (function type,
  // argument types): a TU makes many calls with few signatures, and the
  // public result must live as long as the compiler.  `scratch` holds the
  // internal ABIFuncInfo while it is converted.
  struct CallKeyHash {
    using is_transparent = void;
    size_t operator()(std::span<const TypeId> k) const {
      u64 h = 0xcbf29ce484222325ull;
      for (TypeId t : k) h = (h ^ t) * 0x100000001b3ull;
      return static_cast<size_t>(h ^ (h >> 32));
    }
    size_t operator()(const std::vector<TypeId>& k) const { return (*this)(std::span<const TypeId>(k)); }
  };
  struct CallKeyEq {
    using is_transparent = void;
    bool operator()(std::span<const TypeId> a, std::span<const TypeId> b) const {
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
  };
  // Looked up by a span (no allocation on a hit).
  std::unordered_map<std::vector<TypeId>, CfreeAbiCallInfo, CallKeyHash, CallKeyEq> call_cache;
  Arena scratch;

  // Used by layout.cpp to store a completed record.
  std::vector<FieldInfo>& field_storage() { return fields_; }
  TypeNode& mutable_node(TypeId t) {
    CFREE_ASSERT(valid(t));
    return nodes_[t];
  }

 private:
  struct Key {
    u32 kind, a, b, c;
    u64 d;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  TypeId intern(const Key& k, const TypeNode& n);

  Compiler& c_;
  const TargetABI* abi_;
  std::vector<TypeNode> nodes_;
  std::vector<TypeId> params_;
  std::vector<FieldInfo> fields_;
  std::unordered_multimap<Key, TypeId, KeyHash> map_;  // funcs: d = hash of params
  TypeId void_ = 0, bool_ = 0, va_list_ = 0;
  TypeId scalars_[CFREE_C_SCALAR_COUNT] = {};
};

}  // namespace cfree::abi
