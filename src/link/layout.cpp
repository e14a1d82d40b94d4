// layout.cpp: the link pipeline and the layout of the image.
//
// Output sections follow GNU ld's default script for x86-64 (ld --verbose):
// read-only headers (.interp, notes, .gnu.hash, .dynsym, .dynstr,
// .gnu.version*, .rela.*), then code (.init, .plt, .text, .fini), then
// read-only data (.rodata, .eh_frame_hdr, .eh_frame), then the writable
// segment: the RELRO part (.tdata, .tbss, init/fini arrays, .data.rel.ro,
// .dynamic, .got, .got.plt) padded to a page, then .data and .bss.  Each of
// the four permission classes starts on a new page (-z separate-code) and
// file offsets equal addresses minus the image base, so every PT_LOAD is
// congruent modulo the page size as the gABI requires.
#include "link/impl.h"
#include "obj/elf.h"

#include <algorithm>

namespace cfree {

using namespace elf;

namespace {

constexpr u64 kPage = 4096;

const char* const kMergePrefixes[] = {
    ".text", ".rodata", ".data.rel.ro", ".data", ".bss", ".tdata", ".tbss",
    ".gcc_except_table", ".init_array", ".fini_array", ".preinit_array",
};

bool starts_with(const char* s, const char* p) { return !std::strncmp(s, p, std::strlen(p)); }

// The output section an input section of this name goes to.
std::string out_name(const char* n) {
  for (const char* p : kMergePrefixes) {
    size_t l = std::strlen(p);
    if (!std::strncmp(n, p, l) && (n[l] == 0 || n[l] == '.')) return p;
  }
  return n;
}

int rank_of(const char* n, u32 type, u64 flags) {
  if (!(flags & SECF_ALLOC)) return 100;
  bool w = flags & SECF_WRITE, x = flags & SECF_EXEC;
  if (type == SHT_NOTE) return 2;
  if (x) {
    if (!std::strcmp(n, ".init")) return 10;
    if (!std::strcmp(n, ".plt")) return 11;
    if (!std::strcmp(n, ".fini")) return 14;
    return 12;
  }
  if (!w) {
    if (!std::strcmp(n, ".rodata")) return 20;
    if (!std::strcmp(n, ".eh_frame_hdr")) return 22;
    if (!std::strcmp(n, ".eh_frame")) return 23;
    if (!std::strcmp(n, ".gcc_except_table")) return 24;
    return 21;
  }
  if (flags & SECF_TLS) return type == SHT_NOBITS ? 31 : 30;
  if (type == SHT_PREINIT_ARRAY) return 32;
  if (type == SHT_INIT_ARRAY) return 33;
  if (type == SHT_FINI_ARRAY) return 34;
  if (!std::strcmp(n, ".data.rel.ro")) return 35;
  if (type == SHT_NOBITS) return 50;
  return !std::strcmp(n, ".data") ? 40 : 41;
}

// Permission class of a rank: 0 headers (R), 1 code (RX), 2 R, 3 RW.
int class_of(int rank) { return rank < 10 ? 0 : rank < 20 ? 1 : rank < 30 ? 2 : 3; }
bool is_relro(int rank) { return rank >= 30 && rank < 40; }

// Init-array priority from a ".init_array.NNNNN" name (65536 without one).
u32 priority(const char* n) {
  const char* dot = std::strrchr(n, '.');
  if (!dot || dot == n) return 65536;
  u32 v = 0;
  for (const char* p = dot + 1; *p; p++) {
    if (*p < '0' || *p > '9') return 65536;
    v = v * 10 + static_cast<u32>(*p - '0');
  }
  return v;
}

bool c_ident(const char* s) {
  if (!*s) return false;
  for (const char* p = s; *p; p++)
    if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
      return false;
  return !(*s >= '0' && *s <= '9');
}

}  // namespace

u32 LinkerImpl::out_for(Sym name, u32 type, u64 flags, int rank) {
  auto it = out_by_name.find(name);
  if (it != out_by_name.end()) {
    OutSec& o = outs[it->second];
    o.flags |= flags & (SECF_WRITE | SECF_EXEC);
    if (o.type == SHT_NOBITS && type != SHT_NOBITS) o.type = type;
    return it->second;
  }
  OutSec o;
  o.name = name;
  o.type = type;
  o.flags = flags & ~u64(SECF_GROUP | SECF_LINK_ORDER | SECF_INFO_LINK);
  o.rank = rank;
  outs.push_back(std::move(o));
  u32 id = static_cast<u32>(outs.size() - 1);
  out_by_name.emplace(name, id);
  return id;
}

// ---- The pipeline -------------------------------------------------------

std::unique_ptr<LinkImage> LinkerImpl::link() {
  if (c.diags.errors()) throw Fatal{};
  base = opts.image_base ? opts.image_base : opts.output == LinkOutput::Exec ? 0x400000 : 0;
  if (!dynamic() && opts.output == LinkOutput::Shared) opts.static_link = false;
  // DSOs nothing binds to are dropped under --as-needed.
  define_linker_symbols();
  if (opts.gc_sections) gc_sections();
  filter_eh_frame();
  assign_sections();
  scan_relocs();
  if (c.diags.errors()) throw Fatal{};
  for (Symbol& s : syms)
    if (s.state == Symbol::Shared && (s.referenced || (s.flags & (NEEDS_COPY | CANON_PLT))))
      files[s.file - 1].needed = true;
  for (InFile& f : files)
    if (f.kind == InFile::Dso && !f.as_needed) f.needed = true;
  build_dynsym();
  size_dynamic();
  layout();
  copy_sections();
  fill_got_plt();
  apply_relocs();
  if (c.diags.errors()) throw Fatal{};
  fill_dynamic();
  build_eh_frame_hdr();
  return make_image();
}

// ---- Linker-defined symbols ----------------------------------------------

void LinkerImpl::define_linker_symbols() {
  static const char* const kNames[] = {
      "__ehdr_start", "__executable_start", "_GLOBAL_OFFSET_TABLE_", "_DYNAMIC",
      "__init_array_start", "__init_array_end", "__fini_array_start", "__fini_array_end",
      "__preinit_array_start", "__preinit_array_end", "_etext", "etext", "__etext", "_edata",
      "edata", "_end", "end", "__bss_start", "__rela_iplt_start", "__rela_iplt_end",
      "__GNU_EH_FRAME_HDR", "__dso_handle",
  };
  for (const char* n : kNames) {
    u32 gi = find_sym(S(n));
    if (!gi) continue;
    Symbol& s = syms[gi];
    if (s.state != Symbol::Undef && s.state != Symbol::Shared) continue;
    if (!s.referenced && !s.dso_ref) continue;
    if (!std::strcmp(n, "_DYNAMIC") && !dynamic()) continue;
    if (!std::strcmp(n, "__dso_handle")) has_dso_handle = true;
    s.state = Symbol::Linker;
    s.vis = 2;  // hidden, as GNU ld makes them
    s.weak_def = false;
  }
  // __start_SEC / __stop_SEC for sections named like C identifiers.
  for (Symbol& s : syms) {
    if (s.state != Symbol::Undef || !s.name) continue;
    const char* n = str(s.name);
    const char* sec = starts_with(n, "__start_") ? n + 8 : starts_with(n, "__stop_") ? n + 7 : nullptr;
    if (sec && c_ident(sec)) {
      s.state = Symbol::Linker;
      s.vis = 2;
    }
  }
}

// ---- --gc-sections ----------------------------------------------------------

void LinkerImpl::gc_sections() {
  for (InFile& f : files)
    if (f.kind == InFile::Obj) std::fill(f.live.begin(), f.live.end(), 0);
  std::vector<std::pair<u32, u32>> work;
  auto mark = [&](u32 fi, u32 s) {
    InFile& f = files[fi];
    if (!s || f.live[s] || f.discarded[s]) return;
    f.live[s] = 1;
    work.emplace_back(fi, s);
  };
  auto mark_sym = [&](const Symbol& s) {
    if (s.state != Symbol::Defined) return;
    const ObjSymbol& os = files[s.file - 1].ob->symbol_get(s.osym);
    if (os.place == SymPlace::Section) mark(s.file - 1, os.sec);
  };
  std::string entry = opts.entry.empty() ? "_start" : opts.entry;
  if (u32 e = find_sym(S(entry.c_str()))) mark_sym(syms[e]);
  for (const std::string& u : opts.undefined)
    if (u32 e = find_sym(S(u.c_str()))) mark_sym(syms[e]);
  for (Symbol& s : syms)
    if (s.state == Symbol::Defined &&
        (s.dso_ref || opts.export_dynamic || (opts.output == LinkOutput::Shared && s.vis == 0)))
      mark_sym(s);
  for (u32 fi = 0; fi < files.size(); fi++) {
    InFile& f = files[fi];
    if (f.kind != InFile::Obj) continue;
    for (ObjSecId s = 1; s <= f.ob->num_sections(); s++) {
      const ObjSection& sec = f.ob->section_get(s);
      const char* n = f.ob->section_name(s);
      if (!(sec.flags & SECF_ALLOC)) {
        f.live[s] = !f.discarded[s];
        continue;
      }
      bool root = sec.sem == SecSem::InitArray || sec.sem == SecSem::FiniArray ||
                  sec.sem == SecSem::PreinitArray || sec.sem == SecSem::Note ||
                  (sec.flags & SECF_GNU_RETAIN) || !std::strcmp(n, ".init") ||
                  !std::strcmp(n, ".fini") || starts_with(n, ".ctors") || starts_with(n, ".dtors") ||
                  starts_with(n, ".init_array") || starts_with(n, ".fini_array") ||
                  starts_with(n, ".preinit_array") || starts_with(n, ".gcc_except_table") ||
                  c_ident(n);
      if (root) mark(fi, s);
      if (!std::strcmp(n, ".eh_frame") && !f.discarded[s]) {
        f.live[s] = 1;  // kept; FDEs of dead code are dropped by filter_eh_frame
        // Personality routines and LSDAs (non-code targets) stay alive.
        for (const ObjReloc& r : f.ob->relocs(s)) {
          if (!r.sym) continue;
          const ObjSymbol& os = f.ob->symbol_get(r.sym);
          u32 gi = gsym_of(f, r.sym);
          if (gi) {
            if (syms[gi].state == Symbol::Defined) {
              const ObjSymbol& d = files[syms[gi].file - 1].ob->symbol_get(syms[gi].osym);
              if (d.place == SymPlace::Section &&
                  !(files[syms[gi].file - 1].ob->section_get(d.sec).flags & SECF_EXEC))
                mark(syms[gi].file - 1, d.sec);
            }
          } else if (os.place == SymPlace::Section && !(f.ob->section_get(os.sec).flags & SECF_EXEC)) {
            mark(fi, os.sec);
          }
        }
      }
    }
  }
  while (!work.empty()) {
    auto [fi, s] = work.back();
    work.pop_back();
    InFile& f = files[fi];
    for (const ObjReloc& r : f.ob->relocs(s)) {
      if (!r.sym) continue;
      u32 gi = gsym_of(f, r.sym);
      if (gi) {
        mark_sym(syms[gi]);
      } else {
        const ObjSymbol& os = f.ob->symbol_get(r.sym);
        if (os.place == SymPlace::Section) mark(fi, os.sec);
      }
    }
  }
}

// ---- Output sections ----------------------------------------------------------

void LinkerImpl::assign_sections() {
  // Collect input sections per output section, in input order.
  for (u32 fi = 0; fi < files.size(); fi++) {
    InFile& f = files[fi];
    if (f.kind != InFile::Obj) continue;
    ObjBuilder& o = *f.ob;
    for (ObjSecId s = 1; s <= o.num_sections(); s++) {
      if (f.discarded[s] || !f.live[s]) continue;
      const ObjSection& sec = o.section_get(s);
      const char* n = o.section_name(s);
      if (!std::strcmp(n, ".note.GNU-stack") || !std::strcmp(n, ".note.gnu.property") ||
          sec.sem == SecSem::Group || sec.sem == SecSem::SymTab || sec.sem == SecSem::StrTab ||
          sec.sem == SecSem::Rela || sec.sem == SecSem::Rel) {
        continue;
      }
      if (!(sec.flags & SECF_ALLOC) && opts.strip_all && starts_with(n, ".debug")) continue;
      std::string on = out_name(n);
      u32 type = sh_type_of(sec);
      if (!std::strcmp(n, ".eh_frame")) type = SHT_PROGBITS;
      if (starts_with(n, ".init_array")) type = SHT_INIT_ARRAY;
      if (starts_with(n, ".fini_array")) type = SHT_FINI_ARRAY;
      if (starts_with(n, ".preinit_array")) type = SHT_PREINIT_ARRAY;
      u32 oi = out_for(S(on.c_str()), type, sec.flags, rank_of(on.c_str(), type, sec.flags));
      OutSec& out = outs[oi];
      if (sec.flags & SECF_MERGE && out.pieces.empty()) out.entsize = sec.entsize;
      if (out.entsize != sec.entsize) out.entsize = 0;
      if (!(sec.flags & SECF_MERGE)) out.flags &= ~u64(SECF_MERGE | SECF_STRINGS);
      out.pieces.push_back(Piece{fi, s, 0, sec.size, sec.align ? sec.align : 1});
      f.out[s] = oi;
    }
  }
  o_bss = out_by_name.count(S(".bss")) ? out_by_name[S(".bss")] : 0;
  // COMMON symbols go to .bss.
  for (u32 i = 1; i < syms.size(); i++) {
    Symbol& s = syms[i];
    if (s.state != Symbol::Common) continue;
    if (!o_bss) o_bss = out_for(S(".bss"), SHT_NOBITS, SECF_ALLOC | SECF_WRITE, 50);
    commons.push_back(i);
    outs[o_bss].pieces.push_back(Piece{~0u, i, 0, s.size, s.align});
  }
  if (has_dso_handle) {
    u32 od = out_for(S(".data"), SHT_PROGBITS, SECF_ALLOC | SECF_WRITE, 40);
    outs[od].pieces.push_back(Piece{~0u, 0xfffffff0u, 0, 8, 8});
    u32 gi = find_sym(S("__dso_handle"));
    syms[gi].lout = od;
  }
  if (out_by_name.count(S(".eh_frame"))) {
    o_ehframe = out_by_name[S(".eh_frame")];
    outs[o_ehframe].pieces.push_back(Piece{~0u, 0xfffffff1u, 0, 4, 4});  // terminator
  }
  // Init/fini arrays run in priority order.
  for (const char* n : {".init_array", ".fini_array"}) {
    auto it = out_by_name.find(S(n));
    if (it == out_by_name.end()) continue;
    std::vector<Piece>& ps = outs[it->second].pieces;
    std::stable_sort(ps.begin(), ps.end(), [&](const Piece& a, const Piece& b) {
      return priority(files[a.file].ob->section_name(a.sec)) <
             priority(files[b.file].ob->section_name(b.sec));
    });
  }
  // Piece offsets.
  for (u32 oi = 1; oi < outs.size(); oi++) {
    OutSec& o = outs[oi];
    u64 off = 0;
    for (Piece& p : o.pieces) {
      off = align_up(off, p.align);
      p.off = off;
      off += p.size;
      if (p.align > o.align) o.align = p.align;
      if (p.file != ~0u) {
        files[p.file].off[p.sec] = p.off;
      } else if (p.sec == 0xfffffff0u) {
        dso_handle_off = p.off;
        syms[find_sym(S("__dso_handle"))].loff = p.off;
      } else if (p.sec < syms.size() && syms[p.sec].state == Symbol::Common) {
        syms[p.sec].lout = oi;
        syms[p.sec].loff = p.off;
      }
    }
    o.size = off;
  }
  auto find = [&](const char* n) -> u32 {
    auto it = out_by_name.find(S(n));
    return it == out_by_name.end() ? 0 : it->second;
  };
  o_text = find(".text");
  o_tdata = find(".tdata");
  o_tbss = find(".tbss");
  o_init = find(".init");
  o_fini = find(".fini");
  o_initarr = find(".init_array");
  o_finiarr = find(".fini_array");
  o_preinit = find(".preinit_array");
}

// Add a synthetic output section.
static u32 add_synth(LinkerImpl& L, const char* name, u32 type, u64 flags, u64 align, u64 size,
                     u64 entsize, int rank) {
  u32 oi = L.out_for(L.c.syms.intern(name), type, flags, rank);
  OutSec& o = L.outs[oi];
  o.synthetic = true;
  o.align = align;
  o.size = size;
  o.entsize = entsize;
  return oi;
}

void LinkerImpl::size_dynamic() {
  bool dyn = dynamic() && (opts.output != LinkOutput::Exec || !files.empty());
  bool has_dso = false;
  for (InFile& f : files) has_dso |= f.kind == InFile::Dso && f.needed;
  dyn = dynamic() && (has_dso || opts.output != LinkOutput::Exec);
  if (!dyn) opts.static_link = opts.output == LinkOutput::Exec ? opts.static_link : false;
  bool make_dynamic = dynamic();
  if (make_dynamic && opts.output != LinkOutput::Shared) {
    std::string interp = opts.interp.empty() ? "/lib64/ld-linux-x86-64.so.2" : opts.interp;
    o_interp = add_synth(*this, ".interp", SHT_PROGBITS, SECF_ALLOC, 1, interp.size() + 1, 0, 1);
    outs[o_interp].data.assign(interp.begin(), interp.end());
    outs[o_interp].data.push_back(0);
  }
  if (opts.build_id)
    o_buildid = add_synth(*this, ".note.gnu.build-id", SHT_NOTE, SECF_ALLOC, 4,
                          16 + static_cast<u64>(opts.build_id), 0, 2);
  if (make_dynamic) {
    u32 nsyms = static_cast<u32>(dynsyms.size() + 1);
    u32 nhashed = nsyms - dynsym_first_hashed;
    u32 nbuckets = nhashed ? std::max(1u, nhashed / 4) : 1;
    u32 bloom = 1;
    while (bloom * 64 < nhashed * 2) bloom <<= 1;
    o_gnuhash = add_synth(*this, ".gnu.hash", SHT_GNU_HASH, SECF_ALLOC, 8,
                          16 + 8ull * bloom + 4ull * nbuckets + 4ull * nhashed, 0, 3);
    outs[o_gnuhash].info = nbuckets;  // stash: bucket count
    outs[o_gnuhash].entsize = 0;
    o_dynsym = add_synth(*this, ".dynsym", SHT_DYNSYM, SECF_ALLOC, 8, 24ull * nsyms, 24, 4);
    o_dynstr = add_synth(*this, ".dynstr", SHT_STRTAB, SECF_ALLOC, 1, dynstr.size(), 0, 5);
    if (!verneeds.empty()) {
      o_versym = add_synth(*this, ".gnu.version", SHT_GNU_VERSYM, SECF_ALLOC, 2, 2ull * nsyms, 2, 6);
      u64 vn = 0;
      for (const VerNeed& v : verneeds) vn += 16 + 16 * v.vers.size();
      o_verneed = add_synth(*this, ".gnu.version_r", SHT_GNU_VERNEED, SECF_ALLOC, 8, vn, 0, 7);
    }
    o_reladyn = add_synth(*this, ".rela.dyn", SHT_RELA, SECF_ALLOC, 8, 0, 24, 8);
    if (plt_count)
      o_relaplt = add_synth(*this, ".rela.plt", SHT_RELA, SECF_ALLOC | SECF_INFO_LINK, 8,
                            24ull * plt_count, 24, 9);
    o_dynamic = add_synth(*this, ".dynamic", SHT_DYNAMIC, SECF_ALLOC | SECF_WRITE, 8, 0, 16, 36);
  }
  if (plt_count)
    o_plt = add_synth(*this, ".plt", SHT_PROGBITS, SECF_ALLOC | SECF_EXEC, 16,
                      u64(x86_64::kPltSize) * plt_count, 0, 11);
  if (got_count)
    o_got = add_synth(*this, ".got", SHT_PROGBITS, SECF_ALLOC | SECF_WRITE, 8, 8ull * got_count, 8, 37);
  if (plt_count || find_sym(S("_GLOBAL_OFFSET_TABLE_")) || make_dynamic)
    o_gotplt = add_synth(*this, ".got.plt", SHT_PROGBITS, SECF_ALLOC | SECF_WRITE, 8,
                         8ull * (3 + plt_count), 8, 38);
  if (o_ehframe && opts.eh_frame_hdr) {
    // Upper bound: one table entry per FDE; sized exactly in build_eh_frame_hdr.
    u64 fdes = 0;
    for (u32 fi = 0; fi < files.size(); fi++) {
      InFile& f = files[fi];
      if (f.kind != InFile::Obj) continue;
      for (ObjSecId s = 1; s <= f.ob->num_sections(); s++)
        if (f.out[s] == o_ehframe) {
          std::vector<u8> b = f.ob->bytes(s);
          for (u64 p = 0; p + 8 <= b.size();) {
            u32 len = get32(&b[p]);
            if (!len || len == 0xffffffffu) break;
            if (get32(&b[p + 4])) fdes++;
            p += 4 + u64(len);
          }
        }
    }
    o_ehhdr = add_synth(*this, ".eh_frame_hdr", SHT_PROGBITS, SECF_ALLOC, 4, 12 + 8 * fdes, 0, 22);
  }
  // Dynamic relocation count (decided in scan) and the .dynamic size.
  if (o_reladyn) outs[o_reladyn].size = 24ull * ndynrel;
  if (o_dynamic) {
    u64 n = 0;
    for (const InFile& f : files) n += f.kind == InFile::Dso && f.needed;
    // Every other entry fill_dynamic may write, at most once each: SONAME, INIT, FINI,
    // INIT_ARRAY(SZ), FINI_ARRAY(SZ), PREINIT_ARRAY(SZ), GNU_HASH, STRTAB, SYMTAB, STRSZ,
    // SYMENT, DEBUG, PLTGOT, PLTRELSZ, PLTREL, JMPREL, RELA, RELASZ, RELAENT, RELACOUNT,
    // TEXTREL, FLAGS, FLAGS_1, VERNEED, VERNEEDNUM, VERSYM, NULL.  Unused slots stay DT_NULL.
    n += 30;
    n += opts.rpath.empty() ? 0 : 1;
    outs[o_dynamic].size = 16 * n;
  }
}

void LinkerImpl::layout() {
  // Order: by rank, then creation order.
  std::vector<u32> order;
  for (u32 i = 1; i < outs.size(); i++) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](u32 a, u32 b) { return outs[a].rank < outs[b].rank; });
  // Program header count.
  bool classes[4] = {true, false, false, false};
  bool tls = false, relro = false, notes = false;
  for (u32 i : order) {
    const OutSec& o = outs[i];
    if (!(o.flags & SECF_ALLOC)) continue;
    classes[class_of(o.rank)] = true;
    tls |= (o.flags & SECF_TLS) != 0;
    relro |= is_relro(o.rank);
    notes |= o.type == SHT_NOTE;
  }
  bool dyn = o_dynamic != 0;
  u32 nph = 0;
  nph += dyn ? 1 : 0;            // PHDR
  nph += o_interp ? 1 : 0;       // INTERP
  for (bool b : classes) nph += b;
  nph += dyn ? 1 : 0;            // DYNAMIC
  nph += notes ? 1 : 0;
  nph += o_ehhdr ? 1 : 0;
  nph += 1;                      // GNU_STACK
  nph += relro && dyn ? 1 : 0;
  nph += tls ? 1 : 0;
  u64 addr = base + kEhdrSize + u64(nph) * kPhdrSize;
  int prev_class = 0;
  bool in_relro = false, relro_done = false;
  u64 relro_start = 0, relro_end = 0;
  for (u32 i : order) {
    OutSec& o = outs[i];
    if (!(o.flags & SECF_ALLOC)) continue;
    int cls = class_of(o.rank);
    if (cls != prev_class) addr = align_up(addr, kPage);
    prev_class = cls;
    if (is_relro(o.rank) && !in_relro && !relro_done) {
      in_relro = true;
      relro_start = align_up(addr, o.align);
    }
    if (!is_relro(o.rank) && in_relro) {
      in_relro = false;
      relro_done = true;
      relro_end = addr;
      addr = align_up(addr, kPage);
    }
    addr = align_up(addr, o.align);
    o.addr = addr;
    o.offset = addr - base;
    if (o.flags & SECF_TLS) {
      if (!tls_addr) tls_addr = addr;
      if (o.align > tls_align) tls_align = o.align;
      tls_memsz = addr + o.size - tls_addr;
      if (o.type != SHT_NOBITS) tls_filesz = addr + o.size - tls_addr;
    }
    if (!(o.type == SHT_NOBITS && (o.flags & SECF_TLS))) addr += o.size;
  }
  if (in_relro) relro_end = addr;
  u64 file_end = addr - base;
  // The file end is the end of the last section with contents.
  file_end = 0;
  for (u32 i : order) {
    const OutSec& o = outs[i];
    if ((o.flags & SECF_ALLOC) && o.type != SHT_NOBITS) file_end = std::max(file_end, o.offset + o.size);
  }
  file_end = std::max<u64>(file_end, kEhdrSize + u64(nph) * kPhdrSize);
  for (u32 i : order) {
    OutSec& o = outs[i];
    if (o.flags & SECF_ALLOC) continue;
    file_end = align_up(file_end, o.align);
    o.addr = 0;
    o.offset = file_end;
    file_end += o.size;
  }
  // Program headers.
  segs.clear();
  auto seg = [&](u32 type, u32 flags, u64 vaddr, u64 filesz, u64 memsz, u64 align) {
    LinkSegment s;
    s.type = type;
    s.flags = flags;
    s.vaddr = vaddr;
    s.offset = vaddr - base;
    s.filesz = filesz;
    s.memsz = memsz;
    s.align = align;
    segs.push_back(s);
  };
  if (dyn) seg(PT_PHDR, 4, base + kEhdrSize, u64(nph) * kPhdrSize, u64(nph) * kPhdrSize, 8);
  if (o_interp) seg(PT_INTERP, 4, outs[o_interp].addr, outs[o_interp].size, outs[o_interp].size, 1);
  for (int cls = 0; cls < 4; cls++) {
    if (!classes[cls]) continue;
    u64 lo = ~0ull, hi = 0, fhi = 0;
    if (cls == 0) lo = base, hi = fhi = base + kEhdrSize + u64(nph) * kPhdrSize;
    for (u32 i : order) {
      const OutSec& o = outs[i];
      if (!(o.flags & SECF_ALLOC) || class_of(o.rank) != cls) continue;
      lo = std::min(lo, o.addr);
      bool tbss = o.type == SHT_NOBITS && (o.flags & SECF_TLS);
      if (!tbss) hi = std::max(hi, o.addr + o.size);
      if (o.type != SHT_NOBITS) fhi = std::max(fhi, o.addr + o.size);
    }
    if (lo == ~0ull) continue;
    if (fhi < lo) fhi = lo;
    if (hi < lo) hi = lo;
    u32 fl = cls == 1 ? 5 : cls == 3 ? 6 : 4;
    seg(PT_LOAD, fl, lo, fhi - lo, hi - lo, kPage);
  }
  if (dyn) seg(PT_DYNAMIC, 6, outs[o_dynamic].addr, outs[o_dynamic].size, outs[o_dynamic].size, 8);
  if (notes) {
    u64 lo = ~0ull, hi = 0;
    for (u32 i : order)
      if (outs[i].type == SHT_NOTE && (outs[i].flags & SECF_ALLOC)) {
        lo = std::min(lo, outs[i].addr);
        hi = std::max(hi, outs[i].addr + outs[i].size);
      }
    seg(PT_NOTE, 4, lo, hi - lo, hi - lo, 4);
  }
  if (o_ehhdr) seg(PT_GNU_EH_FRAME, 4, outs[o_ehhdr].addr, outs[o_ehhdr].size, outs[o_ehhdr].size, 4);
  seg(PT_GNU_STACK, 6, base, 0, 0, 16);
  segs.back().offset = 0;
  segs.back().vaddr = 0;
  if (relro && dyn) seg(PT_GNU_RELRO, 4, relro_start, relro_end - relro_start, relro_end - relro_start, 1);
  if (tls) seg(PT_TLS, 4, tls_addr, tls_filesz, tls_memsz, tls_align);
  CFREE_ASSERT(segs.size() == nph);
  bind_linker_symbols(*this);
  assign_section_indices(*this);
  // Entry point.
  if (opts.output != LinkOutput::Shared || !opts.entry.empty()) {
    std::string e = opts.entry.empty() ? "_start" : opts.entry;
    u32 gi = find_sym(S(e.c_str()));
    if (gi && (syms[gi].state == Symbol::Defined || syms[gi].state == Symbol::Linker)) {
      entry = gsym_addr(syms[gi]);
    } else if (opts.output != LinkOutput::Shared) {
      u64 fallback = o_text ? outs[o_text].addr : base;
      c.diags.reportf(CFREE_SEV_WARNING, 0, "cannot find entry symbol %s; defaulting to %016llx",
                      e.c_str(), static_cast<unsigned long long>(fallback));
      entry = fallback;
    }
  }
}

u64 LinkerImpl::tp_offset(u64 addr) const {
  return addr - (tls_addr + align_up(tls_memsz, tls_align));
}

u64 LinkerImpl::plt_addr(u32 i) const { return outs[o_plt].addr + u64(x86_64::kPltSize) * i; }

// ---- Symbol values --------------------------------------------------------------

u64 LinkerImpl::sym_addr(const InFile& f, u32 osym) const {
  u32 gi = gsym_of(f, osym);
  if (gi) return gsym_addr(syms[gi]);
  const ObjSymbol& s = f.ob->symbol_get(osym);
  if (s.place == SymPlace::Abs) return s.value;
  if (s.place != SymPlace::Section) return 0;
  u32 oi = f.out[s.sec];
  if (!oi) return 0;  // discarded
  return outs[oi].addr + f.off[s.sec] + s.value;
}

u64 LinkerImpl::gsym_addr(const Symbol& s) const {
  switch (s.state) {
    case Symbol::Undef: return 0;
    case Symbol::Defined: {
      const InFile& f = files[s.file - 1];
      const ObjSymbol& os = f.ob->symbol_get(s.osym);
      if (os.place == SymPlace::Abs) return os.value;
      u32 oi = f.out[os.sec];
      return oi ? outs[oi].addr + f.off[os.sec] + os.value : 0;
    }
    case Symbol::Common: return outs[s.lout].addr + s.loff;
    case Symbol::Shared:
      if (s.flags & NEEDS_COPY) return outs[s.lout].addr + s.loff;
      if (s.flags & CANON_PLT) return plt_addr(s.plt);
      return 0;
    case Symbol::Linker:
      if (!s.lout) return base + s.loff;
      return outs[s.lout].addr + (s.loff == ~0ull ? outs[s.lout].size : s.loff);
  }
  return 0;
}

}  // namespace cfree
