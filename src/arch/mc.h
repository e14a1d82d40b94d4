// mc.h: the MCEmitter, machine-level emission into an ObjBuilder (seed §5.2).
//
// Everything that writes machine code or data goes through here: the
// CGTargets, the assembler, and (through them) every frontend.  The emitter
// owns the current section (with a push/pop stack, as `.pushsection` needs),
// raw byte output, alignment and fill (executable sections are padded with
// the target's recommended nop sequences), machine labels, label
// references resolved at finalize, relocations at explicit offsets against
// ObjSymIds, and the sticky source location that becomes the debug line
// table.
//
// Labels.  A label is a small id, placed once at an offset in some section.
// A reference to a label ("fixup") is recorded with the offset of the field,
// its width and an addend, and is resolved when both ends are known:
//   Pc8/Pc32:  value = L + addend - P   (P = the field's own offset; for
//              an x86 branch, addend = -(bytes from P to the end of the
//              instruction), exactly as an ELF PC32 relocation's addend)
//   Abs32/Abs64: the label's address; always becomes a relocation against
//              the label's section symbol (resolved by the linker)
//   Diff32:    L - base + addend (jump tables: `.long .L3-.L4`)
// A PC-relative reference to a label in another section also becomes a
// relocation against that section's symbol.  Fixups whose labels are placed
// can be resolved early with resolve() (a CGTarget may call it at the end of
// each function and then reuse label ids with labels_reset()).
//
// Branch relaxation.  branch() takes the short and long encodings of a
// jump.  A label already placed (a backward branch) gets the short form
// when it fits; an unplaced label (a forward branch) currently always gets
// the long form (rel32).  GNU as-identical relaxation of forward branches is
// future work (issue 8) and will slot in behind this same call.
#pragma once

#include "obj/obj.h"

#include "core/source.h"

#include <span>
#include <vector>

namespace cfree {

using MCLabel = u32;
inline constexpr MCLabel MC_LABEL_NONE = 0;

enum class FixupKind : u8 { Pc8, Pc32, Abs32, Abs64, Diff32 };

// One row of the line table: from `offset` on in `sec`, code comes from `loc`.
struct MCLineRow {
  ObjSecId sec;
  u64 offset;
  Loc loc;
};

class MCEmitter {
 public:
  explicit MCEmitter(ObjBuilder& ob);
  ObjBuilder& obj() { return ob_; }
  CfreeArch arch() const { return arch_; }

  // ---- Sections ------------------------------------------------------
  void switch_section(ObjSecId s);
  ObjSecId section() const { return cur_; }
  void push_section(ObjSecId s);
  void pop_section();
  u64 offset() const { return ob_.size(cur_); }

  // ---- Bytes ---------------------------------------------------------
  void emit(const void* data, size_t n);
  void emit_u8(u8 v) { emit(&v, 1); }
  void emit_le(u64 v, unsigned nbytes);
  void emit_zeros(u64 n);
  void fill(u64 n, u8 byte);
  // Pad to `align` with `fill`, or with nops when fill < 0 (the default in
  // executable sections: pass -1).  NoBits sections just reserve.
  void align(u64 align, int fill = -1);
  void patch_le(u64 off, u64 v, unsigned nbytes) { ob_.patch_le(cur_, off, v, nbytes); }

  // ---- Symbols -------------------------------------------------------
  // Define `sym` at the current offset of the current section.
  void define_here(ObjSymId sym, u64 size = 0);

  // ---- Labels and fixups ---------------------------------------------
  MCLabel label_new();
  void label_place(MCLabel l);  // at the current offset of the current section
  bool label_placed(MCLabel l) const { return labels_[l].sec != OBJ_SEC_NONE; }
  ObjSecId label_section(MCLabel l) const { return labels_[l].sec; }
  u64 label_offset(MCLabel l) const { return labels_[l].offset; }
  // Record a reference at `at` (current section) to label `l`.
  void fixup(u64 at, MCLabel l, FixupKind k, i64 addend, MCLabel base = MC_LABEL_NONE);
  // Emit a jump to `l`: `short_op` + rel8, or `long_op` + rel32 (see above).
  // Returns true if the short form was chosen.
  bool branch(MCLabel l, std::span<const u8> short_op, std::span<const u8> long_op);
  // Resolve every fixup whose label(s) are placed.
  void resolve();
  // After resolve(), forget all labels (ids restart); internal error if a
  // fixup is still pending.
  void labels_reset();

  // ---- Relocations (at explicit offsets in the current section) --------
  void reloc(u64 at, RelocKind kind, ObjSymId sym, i64 addend) { ob_.reloc(cur_, at, kind, sym, addend); }
  void reloc_raw(u64 at, u32 type, ObjSymId sym, i64 addend) { ob_.reloc_raw(cur_, at, type, sym, addend); }

  // ---- Source locations ----------------------------------------------
  // Sticky: applies to everything emitted until the next set_loc.  A row is
  // added to the line table when bytes are first emitted under a new loc.
  void set_loc(Loc loc) { loc_ = loc; }
  Loc loc() const { return loc_; }
  std::span<const MCLineRow> line_rows() const { return lines_; }

  // Resolve all fixups (an unplaced referenced label is an internal error)
  // and finalize the builder.  Nothing may be emitted afterwards.
  void finalize();

 private:
  struct LabelRec {
    ObjSecId sec = OBJ_SEC_NONE;
    u64 offset = 0;
  };
  struct Fixup {
    ObjSecId sec;
    u64 at;
    MCLabel label, base;
    FixupKind kind;
    i64 addend;
  };
  bool try_resolve(const Fixup& f);
  void note_bytes();

  ObjBuilder& ob_;
  CfreeArch arch_;
  ObjSecId cur_ = OBJ_SEC_NONE;
  std::vector<ObjSecId> stack_;
  std::vector<LabelRec> labels_;
  std::vector<Fixup> fixups_;
  std::vector<MCLineRow> lines_;
  Loc loc_ = 0, last_row_loc_ = 0;
  ObjSecId last_row_sec_ = OBJ_SEC_NONE;
};

// The target's recommended padding: n bytes of nops (x86: the multi-byte
// 0F 1F forms GNU as uses).  Writes exactly n bytes to out.
void mc_nop_fill(CfreeArch arch, u8* out, size_t n);

}  // namespace cfree
