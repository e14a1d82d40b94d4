// impl.h: the linker's private state, shared by its passes (input.cpp
// resolves, layout.cpp places, scan.cpp decides GOT/PLT/TLS/dynamic policy,
// apply.cpp relocates, dynamic.cpp builds the dynamic sections, x86_64.cpp
// is the target).  The pass list is LinkerImpl::link in layout.cpp.
#pragma once

#include "core/compiler.h"
#include "link/link.h"
#include "obj/archive.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace cfree {

// A symbol defined by a shared library's .dynsym.
struct DsoSym {
  Sym name = 0;
  Sym version = 0;  // verdef name of its (default) version, 0 if none
  u64 value = 0, size = 0;
  u8 type = 0;      // STT_*
  bool weak = false;
};

struct InFile {
  enum Kind : u8 { Obj, Dso } kind = Obj;
  std::string name;
  // Obj
  std::unique_ptr<ObjBuilder> ob;
  std::vector<u32> symmap;   // ObjSymId -> global symbol index (0: local)
  std::vector<u8> discarded; // per section: COMDAT loser / excluded
  std::vector<u8> live;      // per section: kept by --gc-sections
  std::vector<u32> out;      // per section: output section index (0: none)
  std::vector<u64> off;      // per section: offset in the output section
  // Dso
  std::string soname;
  bool as_needed = false, needed = false;
  std::vector<DsoSym> dsyms;
};

enum SymFlag : u32 {
  NEEDS_GOT = 1, NEEDS_PLT = 2, NEEDS_COPY = 4, NEEDS_TLSGD = 8, NEEDS_GOTTP = 16,
  CANON_PLT = 32, EXPORT = 64, IMPORT = 128, NEEDS_DYNREL_ABS = 256,
};

struct Symbol {
  Sym name = 0;
  enum State : u8 { Undef, Defined, Common, Shared, Linker } state = Undef;
  bool weak_def = false;     // the definition is weak
  bool referenced = false;   // by a regular object
  bool strong_ref = false;   // by a non-weak undefined reference
  bool dso_ref = false;      // a shared library references it
  u8 vis = 0;                // most restrictive STV_* seen
  u8 type = 0;               // STT_* of the definition
  u32 file = 0;              // defining InFile index + 1
  u32 osym = 0;              // ObjSymId (Obj) or dsyms index (Dso)
  u64 size = 0, align = 1;   // COMMON: size and alignment
  u32 ref_file = 0;          // first referencing InFile + 1
  // Linker-defined: output section (index) and offset; out == 0: absolute.
  u32 lout = 0;
  u64 loff = 0;
  // Scan results.
  u32 flags = 0;
  u32 got = ~0u, plt = ~0u, gd = ~0u, gottp = ~0u;
  u32 dynidx = 0;
  u64 value = 0;  // final address
  bool resolved_value = false;
};

// A piece of an output section: an input section, or a synthetic block.
struct Piece {
  u32 file;       // InFile index, or ~0u for synthetic
  u32 sec;        // ObjSecId (or synthetic id)
  u64 off = 0, size = 0, align = 1;
};

struct OutSec {
  Sym name = 0;
  u32 type = 0;
  u64 flags = 0, align = 1, entsize = 0;
  int rank = 0;
  std::vector<Piece> pieces;
  u64 addr = 0, offset = 0, size = 0;
  std::vector<u8> data;
  u32 index = 0;  // final ELF section index
  u32 link = 0, info = 0;  // OutSec indices (for sh_link/sh_info)
  bool synthetic = false;
};

struct DynRel {
  u64 vaddr;
  u32 type;
  u32 sym;  // global symbol index (0: none)
  i64 addend;
};

struct ArchiveIn {
  std::string name;
  std::vector<u8> bytes;
  Archive ar;
  std::vector<u8> loaded;
  std::vector<u32> sym_member;  // per index symbol: member index
};

class LinkerImpl {
 public:
  LinkerImpl(Compiler& c, const LinkOptions& o);

  // ---- input.cpp
  bool add_object(std::unique_ptr<ObjBuilder> ob, const std::string& name);
  bool add_object_bytes(const std::string& name, const u8* d, size_t n);
  bool add_archive_bytes(const std::string& name, const u8* d, size_t n, bool whole);
  bool add_shared_bytes(const std::string& name, const u8* d, size_t n, bool as_needed);
  void group_begin() { in_group_ = true; group_.clear(); }
  void group_end();
  u32 intern_sym(Sym name);
  u32 find_sym(Sym name) const;
  bool scan_archive(ArchiveIn& a);

  // ---- layout.cpp
  std::unique_ptr<LinkImage> link();
  void define_linker_symbols();
  void check_undefined();
  void gc_sections();
  void assign_sections();
  void layout();
  u32 out_for(Sym name, u32 type, u64 flags, int rank);
  u64 sym_addr(const InFile& f, u32 osym) const;
  u64 gsym_addr(const Symbol& s) const;
  std::unique_ptr<LinkImage> make_image();

  // ---- scan.cpp
  void scan_relocs();
  bool preemptible(const Symbol& s) const;
  bool is_import(const Symbol& s) const { return s.state == Symbol::Shared; }

  // ---- apply.cpp
  void apply_relocs();
  void copy_sections();

  // ---- dynamic.cpp
  void build_dynsym();
  void size_dynamic();
  void fill_dynamic();
  void fill_got_plt();

  // ---- ehframe.cpp
  void filter_eh_frame();
  void build_eh_frame_hdr();

  Compiler& c;
  LinkOptions opts;
  bool pic() const { return opts.output != LinkOutput::Exec; }
  bool dynamic() const { return !opts.static_link; }

  std::vector<InFile> files;
  std::vector<Symbol> syms;  // [0] unused
  std::unordered_map<Sym, u32> symtab;
  std::unordered_map<Sym, u32> comdats;  // signature -> owning file+1
  std::vector<std::unique_ptr<ArchiveIn>> archives;
  std::vector<ArchiveIn*> group_;
  bool in_group_ = false;

  std::vector<OutSec> outs;  // [0] unused
  std::unordered_map<Sym, u32> out_by_name;
  // Synthetic sections (OutSec indices, 0 if absent).
  u32 o_interp = 0, o_dynsym = 0, o_dynstr = 0, o_gnuhash = 0, o_versym = 0, o_verneed = 0,
      o_reladyn = 0, o_relaplt = 0, o_plt = 0, o_got = 0, o_gotplt = 0, o_dynamic = 0,
      o_ehhdr = 0, o_buildid = 0, o_bss = 0, o_text = 0, o_ehframe = 0, o_tdata = 0, o_tbss = 0,
      o_init = 0, o_fini = 0, o_initarr = 0, o_finiarr = 0, o_preinit = 0;
  // Synthetic pieces in .bss: commons and copy relocations.
  std::vector<u32> commons, copies;
  u64 dso_handle_off = 0;
  bool has_dso_handle = false;

  // GOT/PLT bookkeeping.
  u32 got_count = 0;   // 8-byte entries in .got
  u32 ndynrel = 0;     // .rela.dyn entries reserved by the scan
  u32 plt_count = 0;
  std::vector<u32> got_owner;   // per GOT entry: symbol (0: TLS module / local)
  struct LocalGot { u32 file; u32 osym; u32 slot; u8 kind; };  // kind: 0 address, 1 TP offset, 2 GD pair
  std::vector<LocalGot> local_gots;  // GOT slots of non-global symbols (keyed)
  std::unordered_map<u64, u32> local_got_map;   // (file<<32|osym)*4+kind -> slot
  u32 tlsld_got = ~0u;                          // module-id pair for local dynamic
  std::vector<u32> plt_syms;
  std::vector<DynRel> dynrels, pltrels;
  std::vector<u32> dynsyms;  // global symbol indices in .dynsym order (from 1)
  u32 dynsym_first_hashed = 1;
  std::vector<u8> dynstr;
  std::unordered_map<std::string, u32> dynstr_map;
  u32 add_dynstr(const std::string& s);
  struct VerNeed { u32 file; std::vector<std::pair<Sym, u16>> vers; };
  std::vector<VerNeed> verneeds;
  std::vector<u16> versyms;
  bool textrel = false;
  u64 tls_addr = 0, tls_memsz = 0, tls_align = 1, tls_filesz = 0;
  u64 base = 0;
  u64 entry = 0;
  std::vector<LinkSegment> segs;
  u64 tp_offset(u64 addr) const;   // variant II: addr - end of TLS block
  u64 dtp_offset(u64 addr) const { return addr - tls_addr; }
  u64 got_addr(u32 slot) const { return outs[o_got].addr + 8ull * slot; }
  u64 plt_addr(u32 i) const;
  u32 local_got(u32 file, u32 osym, u8 kind, bool* fresh);

  // Diagnostics helpers.
  std::string where(u32 file, u32 sec, u64 off) const;
  Sym S(const char* s) { return c.syms.intern(s); }
  const char* str(Sym s) const { return c.syms.str(s); }
  // The symbol a relocation refers to: global index (or 0) and, for locals,
  // the object symbol.
  u32 gsym_of(const InFile& f, u32 osym) const { return osym < f.symmap.size() ? f.symmap[osym] : 0; }
};

void bind_linker_symbols(LinkerImpl& L);
void assign_section_indices(LinkerImpl& L);

// ---- x86_64.cpp: the target.
namespace x86_64 {
inline constexpr u32 R_NONE = 0, R_64 = 1, R_PC32 = 2, R_COPY = 5, R_GLOB_DAT = 6, R_JUMP_SLOT = 7,
                     R_RELATIVE = 8, R_DTPMOD64 = 16, R_DTPOFF64 = 17, R_TPOFF64 = 18,
                     R_IRELATIVE = 37;
inline constexpr u32 kPltSize = 16;
void write_plt(u8* p, u64 plt_addr, u64 got_slot_addr);
// Rewrites at a relocation site (loc points at the relocated field).
bool relax_gotpcrelx(u8* sec, u64 off, bool rex);  // mov/call/jmp via GOT -> direct
bool relax_gd_to_le(u8* sec, u64 off, u64 size);  // TLSGD sequence -> LE
bool relax_gd_to_ie(u8* sec, u64 off, u64 size);
bool relax_ld_to_le(u8* sec, u64 off, u64 size);
bool relax_ie_to_le(u8* sec, u64 off);
bool relax_tlsdesc_to_le(u8* sec, u64 off);
bool relax_tlsdesc_to_ie(u8* sec, u64 off);
}  // namespace x86_64

}  // namespace cfree
