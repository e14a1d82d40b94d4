// layout.cpp: record layout exactly as GCC lays out C structs and unions.
//
// This follows GCC's stor-layout.c for targets where PCC_BITFIELD_TYPE_MATTERS
// holds (x86-64, aarch64 and riscv64 all do), which is also what the SysV
// psABI §3.1.2 ("Bit-Fields"), AAPCS64 §10.1.8 and the RISC-V psABI
// describe, plus the GNU extensions (attribute packed/aligned, #pragma pack,
// zero-length and flexible arrays, empty records of size 0):
//   - a field's alignment ("desired_align") is its type's, raised by a
//     member aligned(N), dropped to 1 byte by packed (record or member)
//     unless the member carries aligned(N), capped by #pragma pack;
//   - a non-zero-width bit-field has no alignment of its own; it is bumped
//     to its type's alignment only when it would straddle more units of that
//     alignment than the type has ("excess_unit_span"), and never when
//     packed or under #pragma pack;  a bit-field whose width is a machine
//     integer mode and that happens to sit aligned is promoted to that mode
//     (which matters only for packed cases and record alignment);
//   - a named bit-field raises the record alignment to its type's alignment
//     (capped by pack/packed); an unnamed one does not (unless the target's
//     TARGET_ALIGN_ANON_BITFIELD says so); a zero-width bit-field aligns the
//     next field to its type's alignment, ignoring pack and packed;
//   - the record's alignment is the maximum of its fields' (and its own
//     aligned(N)); its size is the end of the last field rounded up to it.
// Positions are computed in bits.  Bit-field access units (CfreeFieldLayout
// storage_size) are chosen afterwards: the naturally aligned unit of the
// declared type when it contains the field and lies inside the record, else
// the smallest power-of-two unit that does.
#include "abi/abi.h"

#include <algorithm>

namespace cfree::abi {
namespace {

// Bit positions need more than 64 bits: a record may be up to 2^63 bytes.
using Bits = unsigned __int128;

Bits round_up_bits(Bits v, Bits a) { return a <= 1 ? v : (v + a - 1) / a * a; }
Bits lowest_bit(Bits v) { return v & (~v + 1); }

// GCC's excess_unit_span: does a field of `size` bits at `pos` span more
// `align`-bit units than its type (of `type_size` bits) has?
bool excess_unit_span(Bits pos, Bits size, Bits align, Bits type_size) {
  Bits off = pos % align;
  return (off + size + align - 1) / align > type_size / align;
}

// Pick the load/store unit of a bit-field (see the file comment).
void choose_unit(FieldInfo& f, u64 type_bytes, u64 rec_bytes) {
  u64 p = f.bit_pos, w = f.bit_width;
  auto fits = [&](u64 off, u64 u) { return off * 8 <= p && p + w <= (off + u) * 8 && off + u <= rec_bytes; };
  auto set = [&](u64 off, u64 u) {
    f.offset = off;
    f.bit_offset = static_cast<u32>(p - off * 8);
    f.storage_size = static_cast<u32>(u);
  };
  if (w == 0) {
    f.offset = p / 8;
    f.bit_offset = 0;
    f.storage_size = 0;
    return;
  }
  u64 natural = p / (type_bytes * 8) * type_bytes;
  if (fits(natural, type_bytes)) return set(natural, type_bytes);
  for (u64 u = 1; u <= 16; u *= 2)
    if (fits(p / 8, u)) return set(p / 8, u);
  for (u64 u = 1; u <= 16; u *= 2)
    if (rec_bytes >= u && fits(std::min(p / 8, rec_bytes - u), u))
      return set(std::min(p / 8, rec_bytes - u), u);
  // A packed record too small for any power-of-two unit around the field
  // (e.g. 3 bytes with a 20-bit field): the unit reaches past the record.
  u64 u = 1;
  while ((p % 8 + w) > u * 8) u *= 2;
  set(p / 8, u);
}

}  // namespace

bool layout_record(TypeTable& t, TypeId rec, const CfreeField* fields, size_t n,
                   const CfreeRecordAttrs& attrs) {
  const TargetABI& abi = t.target();
  // Validate first: nothing changes on failure.
  for (size_t i = 0; i < n; i++) {
    const CfreeField& f = fields[i];
    if (!t.valid(f.type) || f.type == rec) return false;
    const TypeNode& ft = t.node(f.type);
    if (f.flags & CFREE_FIELD_BITFIELD) {
      if (ft.kind != CFREE_TY_INT && ft.kind != CFREE_TY_BOOL) return false;
      if (f.bit_width > (ft.kind == CFREE_TY_BOOL ? 1u : ft.bits)) return false;
    } else {
      bool flex = ft.kind == CFREE_TY_ARRAY && ft.flexible && t.is_complete(ft.elem);
      if (!flex && !t.is_complete(f.type)) return false;
    }
    if (f.align & (f.align - 1)) return false;
  }
  if (attrs.align & (attrs.align - 1)) return false;
  if (attrs.max_field_align & (attrs.max_field_align - 1)) return false;

  bool is_union = t.node(rec).is_union;
  const u64 mfa = u64(attrs.max_field_align) * 8;
  u64 record_align = 8;
  Bits pos = 0;        // struct: next free bit
  u64 union_bytes = 0; // union: largest member
  bool has_flex = false;

  std::vector<FieldInfo>& store = t.field_storage();
  u32 first = static_cast<u32>(store.size());
  for (size_t i = 0; i < n; i++) {
    const CfreeField& in = fields[i];
    FieldInfo f;
    f.name = in.name;
    f.type = in.type;
    f.bit_width = in.bit_width;
    f.user_align = in.align;
    f.flags = in.flags;
    const TypeNode& ft = t.node(in.type);
    const u64 type_align = u64(t.align(in.type)) * 8;
    const Bits type_size = Bits(t.size(in.type)) * 8;
    const u64 user_align = u64(in.align) * 8;
    const bool bitfield = in.flags & CFREE_FIELD_BITFIELD;
    // DECL_PACKED: packed on the member or the record, for bit-fields and
    // members whose type is aligned above a byte (c-decl.c finish_struct).
    bool decl_packed = ((in.flags & CFREE_FIELD_PACKED) || attrs.packed) && (bitfield || type_align > 8);
    const u64 known_align = is_union ? 0 : static_cast<u64>(std::min<Bits>(lowest_bit(pos), Bits(1) << 63));

    u64 desired;
    bool still_bitfield = bitfield;
    const bool zero_width = bitfield && in.bit_width == 0;
    if (zero_width) {
      decl_packed = false;
      desired = std::max(user_align ? user_align : 1, type_align);
    } else if (bitfield) {
      desired = user_align ? user_align : 1;
      const u64 w = in.bit_width;
      if (w == 8 || w == 16 || w == 32 || w == 64 || w == 128) {
        u64 xalign = w;  // the alignment of QI/HI/SI/DI/TImode
        if (!(xalign > 8 && decl_packed) && (known_align == 0 || known_align >= xalign)) {
          desired = std::max(xalign, desired);
          still_bitfield = false;
        }
      }
      if (decl_packed && !user_align) desired = std::min<u64>(desired, 8);
    } else if (decl_packed && user_align) {
      desired = user_align;
    } else {
      desired = std::max(user_align, type_align);
      if (decl_packed && !user_align) desired = std::min<u64>(desired, 8);
    }
    if (!zero_width && mfa) desired = std::min(desired, mfa);

    // update_alignment_for_field
    if (bitfield && type_size != 0) {
      if (in.name != 0 || abi.layout.anon_bitfield_aligns_record) {
        u64 ta = type_align;
        if (zero_width) {
        } else if (mfa) {
          ta = std::min(ta, mfa);
        } else if (decl_packed) {
          ta = std::min<u64>(ta, 8);
        }
        record_align = std::max({record_align, desired, ta});
      }
    } else {
      record_align = std::max(record_align, desired);
    }

    if (is_union) {
      f.bit_pos = 0;
      u64 bytes = bitfield ? (in.bit_width + 7) / 8 : t.size(in.type);
      union_bytes = std::max(union_bytes, bytes);
    } else {
      if (known_align < desired) pos = round_up_bits(pos, desired);
      if (still_bitfield && (!decl_packed || type_align <= 8) && mfa == 0 && !zero_width) {
        if (excess_unit_span(pos, in.bit_width, type_align, type_size) && !decl_packed)
          pos = round_up_bits(pos, type_align);
      }
      f.bit_pos = static_cast<u64>(pos);
      f.offset = static_cast<u64>(pos / 8);
      pos += bitfield ? in.bit_width : type_size;
    }
    if (is_union) f.offset = 0;
    f.decl_align_bits = static_cast<u32>(desired);
    if (!bitfield) {
      bool flex_here = (ft.kind == CFREE_TY_ARRAY && ft.flexible) ||
                       (ft.kind == CFREE_TY_RECORD && ft.has_flex);
      if (flex_here && (is_union || i + 1 == n)) has_flex = true;
    }
    store.push_back(f);
  }

  u64 align = std::max<u64>(record_align, u64(attrs.align) * 8);
  Bits unpadded = is_union ? Bits(union_bytes) * 8 : pos;
  Bits size_bits = round_up_bits(unpadded, align);

  TypeNode& node = t.mutable_node(rec);
  node.size = static_cast<u64>(size_bits / 8);
  node.align = static_cast<u32>(align / 8);
  node.first = first;
  node.n = static_cast<u32>(n);
  node.has_flex = has_flex;
  node.transparent_union = attrs.transparent_union != 0;
  node.complete = true;
  for (size_t i = 0; i < n; i++) {
    FieldInfo& f = store[first + i];
    if (f.is_bitfield()) choose_unit(f, std::max<u64>(t.size(f.type), 1), node.size);
  }
  return true;
}

}  // namespace cfree::abi
