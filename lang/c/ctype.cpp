// ctype.cpp: C types (C11 6.2.5, 6.2.7, 6.3.1).
//
// A CType is the C-level view of a type: its kind, qualifiers, element or
// return type, record or enum, prototype.  Unqualified types are shared
// (one `int`, one `int *` per pointee), qualified variants hang off their
// unqualified type.  Every target fact -- widths, char signedness, sizes,
// alignments, record layout with bit-fields -- comes from the target ABI
// through cfree_type_* (cfree/cg.h); this file only adds C's rules on top:
// integer ranks and promotions (6.3.1.1), the usual arithmetic conversions
// (6.3.1.8), compatibility and composite types (6.2.7), and the spelling of
// types in diagnostics as GCC prints them.
#include "c/parse.h"

#include <string>

namespace cfree::c {

CType* Parser::new_type(TK k) {
  auto* t = static_cast<CType*>(cfree_arena_alloc(arena, sizeof(CType), alignof(CType)));
  std::memset(static_cast<void*>(t), 0, sizeof(CType));
  t->k = k;
  t->unq = t;
  t->count = -1;
  return t;
}

CType* Parser::scalar_for(CfreeCScalar s) {
  CfreeType ct = cfree_type_c_scalar(c, s);
  CfreeTypeInfo info{};
  cfree_type_info(c, ct, &info);
  (void)info;
  return nullptr;
}

static const TK kIntKinds[] = {TK::Char, TK::SChar, TK::UChar, TK::Short, TK::UShort, TK::Int,
                               TK::UInt, TK::Long, TK::ULong, TK::LLong, TK::ULLong, TK::Int128,
                               TK::UInt128};
static const CfreeCScalar kIntScalars[] = {CFREE_C_CHAR, CFREE_C_SCHAR, CFREE_C_UCHAR, CFREE_C_SHORT,
                                           CFREE_C_USHORT, CFREE_C_INT, CFREE_C_UINT, CFREE_C_LONG,
                                           CFREE_C_ULONG, CFREE_C_LLONG, CFREE_C_ULLONG,
                                           CFREE_C_INT128, CFREE_C_UINT128};

void Parser::init_types() {
  for (int i = 0; i <= int(TK::Complex); i++) ty_[i] = nullptr;
  auto mk = [&](TK k, CfreeType cg) {
    CType* t = new_type(k);
    t->cg = cg;
    ty_[int(k)] = t;
    CfreeTypeInfo info{};
    if (cg) cfree_type_info(c, cg, &info);
    kbits[int(k)] = static_cast<u8>(info.bits);
    ksigned[int(k)] = info.is_signed != 0;
    return t;
  };
  t_void = mk(TK::Void, cfree_type_void(c));
  t_bool = mk(TK::Bool, cfree_type_bool(c));
  kbits[int(TK::Bool)] = 1;
  for (size_t i = 0; i < sizeof(kIntKinds) / sizeof(kIntKinds[0]); i++)
    mk(kIntKinds[i], cfree_type_c_scalar(c, kIntScalars[i]));
  t_char = ty_[int(TK::Char)];
  t_schar = ty_[int(TK::SChar)];
  t_uchar = ty_[int(TK::UChar)];
  t_short = ty_[int(TK::Short)];
  t_ushort = ty_[int(TK::UShort)];
  t_int = ty_[int(TK::Int)];
  t_uint = ty_[int(TK::UInt)];
  t_long = ty_[int(TK::Long)];
  t_ulong = ty_[int(TK::ULong)];
  t_llong = ty_[int(TK::LLong)];
  t_ullong = ty_[int(TK::ULLong)];
  t_int128 = ty_[int(TK::Int128)];
  t_uint128 = ty_[int(TK::UInt128)];
  t_float = mk(TK::Float, cfree_type_c_scalar(c, CFREE_C_FLOAT));
  t_double = mk(TK::Double, cfree_type_c_scalar(c, CFREE_C_DOUBLE));
  t_ldouble = mk(TK::LDouble, cfree_type_c_scalar(c, CFREE_C_LDOUBLE));
  t_float128 = mk(TK::Float128, cfree_type_float(c, 128));
  // Typedef-like C scalars map onto the kind with the same machine type.
  auto same = [&](CfreeCScalar s) -> CType* {
    CfreeType cg = cfree_type_c_scalar(c, s);
    static const TK order[] = {TK::Int, TK::UInt, TK::Long, TK::ULong, TK::Short, TK::UShort,
                               TK::LLong, TK::ULLong, TK::SChar, TK::UChar};
    for (TK k : order)
      if (ty_[int(k)]->cg == cg) return ty_[int(k)];
    return t_int;
  };
  t_size = same(CFREE_C_SIZE_T);
  t_ptrdiff = same(CFREE_C_PTRDIFF_T);
  t_wchar = same(CFREE_C_WCHAR);
  t_char16 = same(CFREE_C_CHAR16);
  t_char32 = same(CFREE_C_CHAR32);
  t_voidptr = pointer_to(t_void);
  t_charptr = pointer_to(t_char);
  cg_ptr = cgt(t_voidptr);
  // __builtin_va_list: the ABI's type, seen from C as an array of one record
  // (x86-64, aarch64) or as a pointer (riscv64).
  CfreeType va = cfree_type_va_list(c);
  CfreeTypeInfo vi{};
  if (va) cfree_type_info(c, va, &vi);
  if (vi.kind == CFREE_TY_ARRAY) {
    CType* rt = new_type(TK::Struct);
    rt->rec = static_cast<Record*>(cfree_arena_alloc(arena, sizeof(Record), alignof(Record)));
    *rt->rec = Record{};
    rt->rec->tag = cfree_sym_intern(c, "__va_list_tag", 13);
    rt->rec->complete = true;
    rt->rec->cg = vi.elem;
    rt->cg = vi.elem;
    t_va_list = array_of(rt, static_cast<i64>(vi.count));
    t_va_list->cg = va;
  } else {
    t_va_list = new_type(TK::Ptr);
    t_va_list->base = t_void;
    t_va_list->cg = va ? va : cg_ptr;
  }
  t_va_list->is_va_list = true;
}

CType* Parser::qualify(CType* t, u8 q) {
  if (t->k == TK::Array && q) {
    // 6.7.3p9: qualifiers on an array type apply to the element type.
    CType* e = qualify(t->base, static_cast<u8>(t->base->q | q));
    if (e == t->base) return t;
    CType* a = new_type(TK::Array);
    *a = *t;
    a->unq = a;
    a->variants = nullptr;
    a->next_variant = nullptr;
    a->ptr = nullptr;
    a->base = e;
    a->cg = 0;
    return a;
  }
  if (t->q == q) return t;
  CType* u = t->unq;
  if (q == 0) return u;
  for (CType* v = u->variants; v; v = v->next_variant)
    if (v->q == q && v->align == t->align) return v;
  CType* v = new_type(t->k);
  *v = *u;
  v->q = q;
  v->align = t->align;
  v->unq = u;
  v->variants = nullptr;
  v->ptr = nullptr;
  v->next_variant = u->variants;
  u->variants = v;
  return v;
}

CType* Parser::pointer_to(CType* t) {
  if (t->ptr) return t->ptr;
  CType* p = new_type(TK::Ptr);
  p->base = t;
  t->ptr = p;
  return p;
}

CType* Parser::array_of(CType* t, i64 n) {
  CType* a = new_type(TK::Array);
  a->base = t;
  a->count = n;
  a->vla = t->vla;
  return a;
}

CType* Parser::func_type(CType* ret, FuncInfo* fn) {
  CType* f = new_type(TK::Func);
  f->base = ret;
  f->fn = fn;
  return f;
}

CType* Parser::complex_of(CType* t) {
  // One type per basic element type, so equal complex types are equal pointers.
  CType* b = t->unq;
  bool basic = int(b->k) < int(TK::Complex) && b == ty_[int(b->k)];
  if (basic && cx_cache_[int(b->k)]) return cx_cache_[int(b->k)];
  CType* x = new_type(TK::Complex);
  x->base = b;
  if (basic) cx_cache_[int(b->k)] = x;
  return x;
}

CfreeType Parser::cgt(CType* t) {
  if (t->cg) return t->cg;
  CfreeType r = 0;
  switch (t->k) {
    case TK::Enum: r = cgt(t->base); break;
    case TK::Ptr: r = cfree_type_ptr(c, t->base->k == TK::Func ? cgt(t->base) : cgt(t->base)); break;
    case TK::Array:
      r = cfree_type_array(c, cgt(t->base), t->count > 0 && !t->vla ? static_cast<u64>(t->count) : 0);
      break;
    case TK::Func: {
      std::vector<CfreeType> ps;
      if (t->fn)
        for (u32 i = 0; i < t->fn->n_params; i++) {
          CType* pt = t->fn->params[i].ty;
          // K&R definitions receive default-promoted arguments (6.5.2.2p6).
          if (!t->fn->proto) pt = pt->k == TK::Float ? t_double : is_integer(pt) ? promote(pt) : pt;
          ps.push_back(cgt(pt));
        }
      bool variadic = !t->fn || t->fn->variadic || !t->fn->proto;
      r = cfree_type_func(c, cgt(t->base), ps.data(), ps.size(), variadic);
      break;
    }
    case TK::Complex: r = cfree_type_complex(c, cgt(t->base)); break;
    case TK::Vector: r = cfree_type_vector(c, cgt(t->base), static_cast<u64>(t->count)); break;
    case TK::Struct:
    case TK::Union: r = t->rec->cg; break;
    default: r = t->unq->cg; break;
  }
  t->cg = r;
  return r;
}

bool Parser::is_complete(CType* t) {
  switch (t->k) {
    case TK::Void: return false;
    case TK::Array: return t->count >= 0 || t->vla;
    case TK::Struct:
    case TK::Union: return t->rec->complete;
    case TK::Enum: return t->en->complete;
    default: return true;
  }
}

u64 Parser::size_of(CType* t) {
  if (t->size_cache) return t->size_cache - 1;
  u64 s;
  if (t->k == TK::Void || t->k == TK::Func) s = 1;  // GNU: sizeof(void) == 1
  else if (t->k == TK::Array) s = t->count > 0 && !t->vla ? static_cast<u64>(t->count) * size_of(t->base) : 0;
  else if (!is_complete(t)) return 0;
  else s = cfree_type_size(c, cgt(t));
  t->size_cache = s + 1;
  return s;
}

u32 Parser::align_of(CType* t) {
  if (t->align) return t->align;
  if (t->align_cache) return t->align_cache;
  u32 a;
  if (t->k == TK::Array) a = align_of(t->base);
  else if (t->k == TK::Void || t->k == TK::Func) a = 1;
  else a = cfree_type_align(c, cgt(t));
  if (a == 0) a = 1;
  t->align_cache = a;
  return a;
}

// C11 _Alignof as GCC computes it (min_align_of_type): an alignment that is
// not user-specified is capped at BIGGEST_ALIGNMENT, 16 bytes on every
// target (it only matters for GCC vectors over 16 bytes, whose layout
// alignment is their size on x86-64 and riscv64).
u32 Parser::c11_alignof(CType* t) {
  u32 a = align_of(t);
  if (a <= 16 || t->align) return a;
  CType* e = t;
  while (e->k == TK::Array && !e->align) e = e->base;
  if (e->align || (is_record(e) && e->rec->user_align)) return a;
  return 16;
}

int Parser::rank(CType* t) {
  switch (int_underlying(t)->k) {
    case TK::Bool: return 1;
    case TK::Char: case TK::SChar: case TK::UChar: return 2;
    case TK::Short: case TK::UShort: return 3;
    case TK::Int: case TK::UInt: return 4;
    case TK::Long: case TK::ULong: return 5;
    case TK::LLong: case TK::ULLong: return 6;
    case TK::Int128: case TK::UInt128: return 7;
    default: return 0;
  }
}

u32 Parser::bits_of(CType* t) { return kbits[int(int_underlying(t)->k)]; }
bool Parser::is_signed_t(CType* t) {
  t = int_underlying(t);
  if (is_float(t)) return true;
  return ksigned[int(t->k)];
}

CType* Parser::to_unsigned(CType* t) {
  switch (int_underlying(t)->k) {
    case TK::Char: case TK::SChar: case TK::UChar: return t_uchar;
    case TK::Short: case TK::UShort: return t_ushort;
    case TK::Int: case TK::UInt: return t_uint;
    case TK::Long: case TK::ULong: return t_ulong;
    case TK::LLong: case TK::ULLong: return t_ullong;
    case TK::Int128: case TK::UInt128: return t_uint128;
    default: return t;
  }
}

// 6.3.1.1p2: types of rank below int promote to int if int holds all their
// values, else to unsigned int.
CType* Parser::promote(CType* t) {
  CType* u = int_underlying(t->unq);
  if (!is_integer(u)) return t->unq;
  if (rank(u) < 4) {
    if (bits_of(u) < bits_of(t_int) || (bits_of(u) == bits_of(t_int) && is_signed_t(u))) return t_int;
    return t_uint;
  }
  return u;
}

// 6.3.1.8: the usual arithmetic conversions.
CType* Parser::arith_common(CType* a, CType* b) {
  a = a->unq;
  b = b->unq;
  if (a->k == TK::Complex || b->k == TK::Complex) {
    // GCC: a real integer operand is promoted, a complex one is not, and
    // two integer element types meet without promotion (the wider; at
    // equal width the unsigned one): _Complex unsigned char arithmetic wraps
    // in unsigned char.
    CType* ea = a->k == TK::Complex ? a->base : is_integer(a) ? promote(a) : a;
    CType* eb = b->k == TK::Complex ? b->base : is_integer(b) ? promote(b) : b;
    CType* e;
    if (is_integer(ea) && is_integer(eb)) {
      ea = int_underlying(ea)->unq;
      eb = int_underlying(eb)->unq;
      if (bits_of(ea) != bits_of(eb)) e = bits_of(ea) > bits_of(eb) ? ea : eb;
      else if (is_signed_t(ea) != is_signed_t(eb)) e = is_signed_t(ea) ? eb : ea;
      else e = rank(ea) >= rank(eb) ? ea : eb;
    } else {
      e = arith_common(ea, eb);
    }
    if (a->k == TK::Complex && a->base == e) return a;
    if (b->k == TK::Complex && b->base == e) return b;
    return complex_of(e);
  }
  if (is_float(a) || is_float(b)) {
    if (!is_float(a)) return b;
    if (!is_float(b)) return a;
    auto frank = [](TK k) { return k == TK::Float ? 1 : k == TK::Double ? 2 : k == TK::LDouble ? 3 : 4; };
    return frank(a->k) >= frank(b->k) ? a : b;
  }
  a = promote(a);
  b = promote(b);
  if (a == b) return a;
  bool sa = is_signed_t(a), sb = is_signed_t(b);
  if (sa == sb) return rank(a) >= rank(b) ? a : b;
  CType* u = sa ? b : a;
  CType* s = sa ? a : b;
  if (rank(u) >= rank(s)) return u;
  if (bits_of(s) > bits_of(u)) return s;
  return to_unsigned(s);
}

// 6.2.7: compatible types.
bool Parser::compatible(CType* a, CType* b, bool ignore_quals) {
  if (a == b) return true;
  if (!ignore_quals && a->q != b->q) return false;
  a = a->unq;
  b = b->unq;
  if (a == b) return true;
  if (a->k == TK::Enum && b->k != TK::Enum) return compatible(a->base, b, true);
  if (b->k == TK::Enum && a->k != TK::Enum) return compatible(a, b->base, true);
  if (a->k != b->k) return false;
  switch (a->k) {
    case TK::Ptr: return compatible(a->base, b->base);
    case TK::Array:
      if (a->count >= 0 && b->count >= 0 && !a->vla && !b->vla && a->count != b->count) return false;
      return compatible(a->base, b->base);
    case TK::Func: {
      if (!compatible(a->base, b->base)) return false;
      FuncInfo* fa = a->fn;
      FuncInfo* fb = b->fn;
      if (!fa->proto || !fb->proto) return true;
      if (fa->variadic != fb->variadic || fa->n_params != fb->n_params) return false;
      for (u32 i = 0; i < fa->n_params; i++)
        if (!compatible(fa->params[i].ty->unq, fb->params[i].ty->unq)) return false;
      return true;
    }
    case TK::Struct:
    case TK::Union: return a->rec == b->rec;
    case TK::Enum: return a->en == b->en;
    case TK::Complex: return compatible(a->base, b->base);
    case TK::Vector: return a->count == b->count && compatible(a->base, b->base);
    default: return false;
  }
}

CType* Parser::composite(CType* a, CType* b) {
  if (a->k == TK::Array && b->k == TK::Array) {
    if (a->count < 0 && b->count >= 0) return b;
    return a;
  }
  if (a->k == TK::Func && b->k == TK::Func) {
    if (!a->fn->proto && b->fn->proto) return b;
  }
  return a;
}

const Field* Parser::find_field(Record* r, CfreeSym name, u64* off_out) {
  for (u32 i = 0; i < r->n_fields; i++) {
    const Field* f = &r->fields[i];
    if (f->name == name && name) {
      *off_out = f->offset;
      return f;
    }
    if (f->anon && is_record(f->ty)) {
      u64 sub = 0;
      if (const Field* g = find_field(f->ty->rec, name, &sub)) {
        *off_out = f->offset + sub;
        return g;
      }
    }
  }
  return nullptr;
}

void Parser::complete_record(CType* t, std::vector<Field>& fields, const Attrs& a, u32 pack) {
  Record* r = t->rec;
  for (const Field& f : fields)
    if (f.ty->vla) {
      vm_record_layout(t, fields, a, pack);
      return;
    }
  std::vector<CfreeField> cf(fields.size());
  for (size_t i = 0; i < fields.size(); i++) {
    Field& f = fields[i];
    CfreeField& x = cf[i];
    x.name = f.name;
    x.type = cgt(f.ty);
    x.bit_width = f.bit_width;
    x.align = f.ty->align;
    x.flags = (f.bitfield ? CFREE_FIELD_BITFIELD : 0) | (f.anon ? CFREE_FIELD_ANON : 0) |
              (f.storage ? CFREE_FIELD_PACKED : 0);
    f.storage = 0;
  }
  CfreeRecordAttrs ra{};
  ra.packed = a.packed;
  ra.align = a.aligned;
  ra.max_field_align = pack;
  ra.transparent_union = a.transparent_union;
  cfree_type_record_complete(c, r->cg, cf.data(), cf.size(), &ra);
  r->fields = static_cast<Field*>(cfree_arena_alloc(arena, sizeof(Field) * (fields.size() + 1), alignof(Field)));
  for (size_t i = 0; i < fields.size(); i++) {
    Field f = fields[i];
    CfreeFieldLayout fl{};
    if (cfree_type_field(c, r->cg, i, &fl) == CFREE_OK) {
      f.offset = fl.offset;
      f.bit_offset = fl.bit_offset;
      f.storage = fl.storage_size;
    }
    r->fields[i] = f;
  }
  r->n_fields = static_cast<u32>(fields.size());
  r->complete = true;
  r->user_align = a.aligned != 0;
  for (const Field& f : fields) {
    CType* e = f.ty;
    while (e->k == TK::Array && !e->align) e = e->base;
    if (e->align || (is_record(e) && e->rec->user_align)) r->user_align = true;
  }
  t->size_cache = 0;
  t->align_cache = 0;
  for (CType* v = t->unq->variants; v; v = v->next_variant) {
    v->size_cache = 0;
    v->align_cache = 0;
  }
}

// ---- GNU: records with variably modified members ---------------------------
//
// Inside a function GCC accepts members whose type is a VLA (or a record
// holding one): `struct { int a[n]; char b; }`.  Their layout is run-time:
// the record is cut into pieces, each VM member alone and each run of fixed
// members laid out as a record of its own (same packing), and code at the
// definition computes every piece's offset (the running offset aligned up
// to the piece's alignment) into a slot, and the record's size into its
// vla_size slot -- so the record is a VLA type to everything else (sizeof,
// alloca'd locals, arrays and pointer arithmetic, run-time copies).  A
// member's address is its piece's offset slot plus its offset inside the
// piece.  The record's CfreeType is a stand-in with each VM member as a
// zero-length array (for its alignment).  Bit-fields do not share a storage
// unit across a VM member (GCC may, for a bit-field after a char VLA).

void Parser::vm_record_layout(CType* t, std::vector<Field>& fields, const Attrs& a, u32 pack) {
  Record* r = t->rec;
  size_t n = fields.size();
  auto fixed_elem = [](CType* ft) {
    while (ft->k == TK::Array && ft->vla) ft = ft->base;
    return ft;
  };
  auto cfield = [&](const Field& f) {
    CfreeField x{};
    x.name = f.name;
    x.type = f.ty->vla ? cfree_type_array(c, cgt(fixed_elem(f.ty)), 0) : cgt(f.ty);
    x.bit_width = f.bit_width;
    x.align = f.ty->align;
    x.flags = (f.bitfield ? CFREE_FIELD_BITFIELD : 0) | (f.anon ? CFREE_FIELD_ANON : 0) |
              (f.storage ? CFREE_FIELD_PACKED : 0);
    return x;
  };
  std::vector<CfreeField> cf(n);
  for (size_t i = 0; i < n; i++) cf[i] = cfield(fields[i]);
  CfreeRecordAttrs ra{};
  ra.packed = a.packed;
  ra.align = a.aligned;
  ra.max_field_align = pack;
  cfree_type_record_complete(c, r->cg, cf.data(), n, &ra);
  r->fields = static_cast<Field*>(cfree_arena_alloc(arena, sizeof(Field) * (n + 1), alignof(Field)));
  for (size_t i = 0; i < n; i++) {
    Field f = fields[i];
    CfreeFieldLayout fl{};
    if (cfree_type_field(c, r->cg, i, &fl) == CFREE_OK) {
      f.offset = fl.offset;
      f.bit_offset = fl.bit_offset;
      f.storage = fl.storage_size;
    }
    f.off_slot = 0;
    r->fields[i] = f;
  }
  r->n_fields = static_cast<u32>(n);
  r->complete = true;
  u32 rec_align = cfree_type_align(c, r->cg);
  CfreeCgSlot size_slot = 0;
  if (g.on()) {
    CfreeType szt = cgt(t_size);
    CfreeCgSlot cur = g.slot(8, 8);
    auto set_cur = [&](u64 v) {
      g.push_slot(cur, 0, cg_ptr);
      g.push_int(szt, v);
      g.store(szt, 0);
    };
    auto align_cur = [&](u32 al) {
      if (al <= 1) return;
      g.push_slot(cur, 0, cg_ptr);
      g.push_slot(cur, 0, cg_ptr);
      g.load(szt, 0);
      g.push_int(szt, al - 1);
      g.binop(CFREE_OP_ADD, szt);
      g.push_int(szt, ~static_cast<u64>(al - 1));
      g.binop(CFREE_OP_AND, szt);
      g.store(szt, 0);
    };
    auto save_cur = [&]() {
      CfreeCgSlot s = g.slot(8, 8);
      g.push_slot(s, 0, cg_ptr);
      g.push_slot(cur, 0, cg_ptr);
      g.load(szt, 0);
      g.store(szt, 0);
      return s;
    };
    // cur = max(cur, size) for unions, cur += size for structs; size on top.
    auto add_cur = [&](bool is_max) {
      CfreeCgSlot tmp = g.slot(8, 8);
      g.push_slot(tmp, 0, cg_ptr);
      g.swap();
      g.store(szt, 0);
      if (is_max) {
        CfreeCgLabel skip = g.label();
        g.push_slot(tmp, 0, cg_ptr);
        g.load(szt, 0);
        g.push_slot(cur, 0, cg_ptr);
        g.load(szt, 0);
        g.cmp(CFREE_CMP_ULE, szt, cgt(t_int));
        g.branch(true, skip);
        g.push_slot(cur, 0, cg_ptr);
        g.push_slot(tmp, 0, cg_ptr);
        g.load(szt, 0);
        g.store(szt, 0);
        g.place(skip);
        return;
      }
      g.push_slot(cur, 0, cg_ptr);
      g.push_slot(cur, 0, cg_ptr);
      g.load(szt, 0);
      g.push_slot(tmp, 0, cg_ptr);
      g.load(szt, 0);
      g.binop(CFREE_OP_ADD, szt);
      g.store(szt, 0);
    };
    auto member_align = [&](const Field& f) {
      u32 al = (a.packed || f.storage) ? (f.ty->align ? f.ty->align : 1) : align_of(f.ty);
      if (pack && al > pack) al = pack;
      return al ? al : 1;
    };
    if (r->is_union) {
      // Every member at offset 0; the size is the largest member's.
      set_cur(cfree_type_size(c, r->cg));
      CfreeCgSlot zero = g.slot(8, 8);
      g.push_slot(zero, 0, cg_ptr);
      g.push_int(szt, 0);
      g.store(szt, 0);
      for (size_t i = 0; i < n; i++) {
        r->fields[i].off_slot = zero;
        if (!fields[i].ty->vla) continue;
        Val es = elem_size_val(fields[i].ty);
        materialize(es);
        add_cur(true);
      }
    } else {
      set_cur(0);
      size_t i = 0;
      while (i < n) {
        if (fields[i].ty->vla) {
          align_cur(member_align(fields[i]));
          r->fields[i].off_slot = save_cur();
          r->fields[i].offset = 0;
          Val es = elem_size_val(fields[i].ty);
          materialize(es);
          add_cur(false);
          i++;
          continue;
        }
        size_t j = i;
        while (j < n && !fields[j].ty->vla) j++;
        CfreeType sub = cfree_type_record(c, 0, 0);
        cfree_type_record_complete(c, sub, cf.data() + i, j - i, &ra);
        u64 end = cfree_type_size(c, sub);
        if (j < n) {
          // Before a VM member: up to the end of the last member (no tail padding).
          end = 0;
          for (size_t k = i; k < j; k++) {
            CfreeFieldLayout fl{};
            cfree_type_field(c, sub, k - i, &fl);
            u64 e = fields[k].bitfield ? fl.offset + (fl.bit_offset + fl.bit_width + 7) / 8 : fl.offset + size_of(fields[k].ty);
            if (e > end) end = e;
          }
        }
        align_cur(cfree_type_align(c, sub));
        CfreeCgSlot base = save_cur();
        for (size_t k = i; k < j; k++) {
          CfreeFieldLayout fl{};
          cfree_type_field(c, sub, k - i, &fl);
          Field& f = r->fields[k];
          f.off_slot = base;
          f.offset = fl.offset;
          f.bit_offset = fl.bit_offset;
          f.storage = fl.storage_size;
        }
        g.push_int(szt, end);
        add_cur(false);
        i = j;
      }
    }
    align_cur(rec_align);
    size_slot = cur;
  }
  for (CType* v = t->unq; v; v = v == t->unq ? v->variants : v->next_variant) {
    v->vla = true;
    v->vla_size = size_slot;
    v->size_cache = 0;
    v->align_cache = 0;
  }
  if (t != t->unq) {
    t->vla = true;
    t->vla_size = size_slot;
  }
}

void Parser::push_member_offset(const Field* f) {
  if (!g.on()) return;
  g.retype(cg_ptr);
  g.push_slot(f->off_slot, 0, cg_ptr);
  g.load(cgt(t_size), 0);
  g.binop(CFREE_OP_ADD, cg_ptr);
}

// ---- Spelling types as GCC does in diagnostics -----------------------------

static const char* base_name(TK k) {
  switch (k) {
    case TK::Void: return "void";
    case TK::Bool: return "_Bool";
    case TK::Char: return "char";
    case TK::SChar: return "signed char";
    case TK::UChar: return "unsigned char";
    case TK::Short: return "short int";
    case TK::UShort: return "short unsigned int";
    case TK::Int: return "int";
    case TK::UInt: return "unsigned int";
    case TK::Long: return "long int";
    case TK::ULong: return "long unsigned int";
    case TK::LLong: return "long long int";
    case TK::ULLong: return "long long unsigned int";
    case TK::Int128: return "__int128";
    case TK::UInt128: return "__int128 unsigned";
    case TK::Float: return "float";
    case TK::Double: return "double";
    case TK::LDouble: return "long double";
    case TK::Float128: return "_Float128";
    default: return "?";
  }
}

static void quals_str(std::string& s, u8 q) {
  if (q & Q_CONST) s += "const ";
  if (q & Q_VOLATILE) s += "volatile ";
  if (q & Q_RESTRICT) s += "restrict ";
  if (q & Q_ATOMIC) s += "_Atomic ";
}

void Parser::type_str_into(std::string& out, CType* t, const std::string& inner) {
  switch (t->k) {
    case TK::Ptr: {
      std::string in = "*";
      if (t->q) {
        std::string q;
        quals_str(q, t->q);
        q.pop_back();
        in += " " + q;
        if (!inner.empty()) in += " ";
      }
      in += inner;
      if (t->base->k == TK::Array || t->base->k == TK::Func) in = "(" + in + ")";
      type_str_into(out, t->base, in);
      return;
    }
    case TK::Array: {
      std::string in = inner;
      in += "[";
      if (t->count >= 0 && !t->vla) in += std::to_string(t->count);
      else if (t->vla) in += "*";
      in += "]";
      type_str_into(out, t->base, in);
      return;
    }
    case TK::Func: {
      std::string in = inner + "(";
      FuncInfo* f = t->fn;
      if (f && f->proto) {
        if (f->n_params == 0 && !f->variadic) in += "void";
        for (u32 i = 0; i < f->n_params; i++) {
          if (i) in += ", ";
          in += type_str(f->params[i].ty);
        }
        if (f->variadic) in += f->n_params ? ", ..." : "...";
      }
      in += ")";
      type_str_into(out, t->base, in);
      return;
    }
    default: break;
  }
  std::string s;
  quals_str(s, t->q);
  switch (t->k) {
    case TK::Struct:
    case TK::Union:
      s += t->k == TK::Struct ? "struct " : "union ";
      s += t->rec->tag ? sym_str(t->rec->tag) : "<anonymous>";
      break;
    case TK::Enum:
      s += "enum ";
      s += t->en->tag ? sym_str(t->en->tag) : "<anonymous>";
      break;
    case TK::Complex:
      s += "complex ";
      s += base_name(t->base->k);
      break;
    case TK::Vector:  // GCC spells `__vector(4) int`
      s += "__vector(" + std::to_string(t->count) + ") ";
      s += type_str(t->base);
      break;
    default: s += base_name(t->k); break;
  }
  out += s;
  if (!inner.empty()) {
    if (inner[0] != '[' && inner[0] != '(') out += " ";
    else if (inner[0] == '(' && inner.size() > 1 && inner[1] == '*') out += " ";
    out += inner;
  }
}

std::string Parser::type_str(CType* t) {
  std::string s;
  type_str_into(s, t, "");
  return s;
}

}  // namespace cfree::c
