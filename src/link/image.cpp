// image.cpp: linker-defined symbol values, section numbering, the LinkImage
// and its ELF serialisation.
//
// The ELF file (gABI "ELF Header", "Program Header", "Sections"): the
// header and program headers at offset 0 inside the first PT_LOAD, section
// contents at offset = address - base, then non-allocated sections, then
// .symtab/.strtab/.shstrtab and the section header table.  --build-id is a
// GNU note whose descriptor is a hash of the whole file computed with the
// descriptor zeroed (binutils' ld does the same with SHA-1; the id only has
// to be stable for identical output).
#include "link/impl.h"
#include "obj/elf.h"

#include <algorithm>
#include <unordered_map>

namespace cfree {

using namespace elf;

void bind_linker_symbols(LinkerImpl& L);

void bind_linker_symbols(LinkerImpl& L) {
  auto out_of = [&](const char* n) -> u32 {
    auto it = L.out_by_name.find(L.c.syms.intern(n));
    return it == L.out_by_name.end() ? 0 : it->second;
  };
  u64 edata = 0, end = 0;
  for (u32 i = 1; i < L.outs.size(); i++) {
    const OutSec& o = L.outs[i];
    if (!(o.flags & SECF_ALLOC) || !(o.flags & SECF_WRITE) || (o.flags & SECF_TLS)) continue;
    end = std::max(end, o.addr + o.size);
    if (o.type != SHT_NOBITS) edata = std::max(edata, o.addr + o.size);
  }
  if (!end) end = edata = L.base;
  for (Symbol& s : L.syms) {
    if (s.state != Symbol::Linker || !s.name) continue;
    std::string n = L.str(s.name);
    auto at = [&](u32 oi, bool at_end) {
      if (!oi) {
        s.lout = 0;
        s.loff = 0;
        return;
      }
      s.lout = oi;
      s.loff = at_end ? ~0ull : 0;
    };
    auto abs_addr = [&](u64 a) {
      s.lout = 0;
      s.loff = a - L.base;
    };
    if (n == "__ehdr_start" || n == "__executable_start") abs_addr(L.base);
    else if (n == "_GLOBAL_OFFSET_TABLE_") at(L.o_gotplt ? L.o_gotplt : L.o_got, false);
    else if (n == "_DYNAMIC") at(L.o_dynamic, false);
    else if (n == "__init_array_start") at(L.o_initarr, false);
    else if (n == "__init_array_end") at(L.o_initarr, true);
    else if (n == "__fini_array_start") at(L.o_finiarr, false);
    else if (n == "__fini_array_end") at(L.o_finiarr, true);
    else if (n == "__preinit_array_start") at(L.o_preinit, false);
    else if (n == "__preinit_array_end") at(L.o_preinit, true);
    else if (n == "_etext" || n == "etext" || n == "__etext") at(L.o_text, true);
    else if (n == "_edata" || n == "edata") abs_addr(edata);
    else if (n == "_end" || n == "end") abs_addr(end);
    else if (n == "__bss_start") { if (L.o_bss) at(L.o_bss, false); else abs_addr(edata); }
    else if (n == "__rela_iplt_start" || n == "__rela_iplt_end") abs_addr(L.base);
    else if (n == "__GNU_EH_FRAME_HDR") at(L.o_ehhdr, false);
    else if (n == "__dso_handle") continue;  // placed in assign_sections
    else if (n.rfind("__start_", 0) == 0) at(out_of(n.c_str() + 8), false);
    else if (n.rfind("__stop_", 0) == 0) at(out_of(n.c_str() + 7), true);
  }
}

void assign_section_indices(LinkerImpl& L);

void assign_section_indices(LinkerImpl& L) {
  std::vector<u32> order;
  for (u32 i = 1; i < L.outs.size(); i++) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](u32 a, u32 b) {
    const OutSec &x = L.outs[a], &y = L.outs[b];
    bool xa = x.flags & SECF_ALLOC, ya = y.flags & SECF_ALLOC;
    if (xa != ya) return xa;
    if (xa) return x.addr < y.addr || (x.addr == y.addr && x.rank < y.rank);
    return x.offset < y.offset;
  });
  u32 idx = 1;
  for (u32 i : order) L.outs[i].index = idx++;
}

std::unique_ptr<LinkImage> LinkerImpl::make_image() {
  auto img = std::make_unique<LinkImage>();
  img->target = c.target;
  img->elf_type = opts.output == LinkOutput::Exec ? ET_EXEC : ET_DYN;
  img->entry = entry;
  img->base = base;
  img->segments = segs;
  std::vector<u32> by_index(outs.size(), 0);
  for (u32 i = 1; i < outs.size(); i++) by_index[outs[i].index] = i;
  img->sections.resize(outs.size());
  auto idx = [&](u32 oi) -> u32 { return oi ? outs[oi].index : 0; };
  u64 file_end = 0;
  for (u32 k = 1; k < outs.size(); k++) {
    OutSec& o = outs[by_index[k]];
    LinkSection& s = img->sections[k];
    s.name = str(o.name);
    s.type = o.type;
    s.flags = o.flags;
    s.addr = o.addr;
    s.offset = o.offset;
    s.size = o.size;
    s.align = o.align;
    s.entsize = o.entsize;
    if (o.type != SHT_NOBITS) {
      s.bytes = std::move(o.data);
      s.bytes.resize(o.size, 0);
      file_end = std::max(file_end, o.offset + o.size);
    }
  }
  auto set_link = [&](u32 oi, u32 link, u32 info) {
    if (!oi) return;
    img->sections[outs[oi].index].link = link;
    img->sections[outs[oi].index].info = info;
  };
  set_link(o_dynsym, idx(o_dynstr), dynsym_first_hashed);
  set_link(o_gnuhash, idx(o_dynsym), 0);
  set_link(o_versym, idx(o_dynsym), 0);
  set_link(o_verneed, idx(o_dynstr), static_cast<u32>(verneeds.size()));
  set_link(o_reladyn, idx(o_dynsym), 0);
  set_link(o_relaplt, idx(o_dynsym), idx(o_gotplt));
  set_link(o_dynamic, idx(o_dynstr), 0);
  for (const LinkSegment& sg : segs) file_end = std::max(file_end, sg.offset + sg.filesz);
  img->file_size = file_end;
  if (o_buildid) {
    LinkSection& b = img->sections[outs[o_buildid].index];
    b.bytes.assign(b.size, 0);
    put32(b.bytes.data(), 4);
    put32(b.bytes.data() + 4, static_cast<u32>(opts.build_id));
    put32(b.bytes.data() + 8, 3);  // NT_GNU_BUILD_ID
    std::memcpy(b.bytes.data() + 12, "GNU", 4);
    img->build_id_offset = b.offset + 16;
    img->build_id_size = static_cast<u64>(opts.build_id);
  }
  // Dynamic relocation records for other consumers (JIT).
  for (const DynRel& r : dynrels)
    img->dynrelocs.push_back(LinkDynReloc{r.vaddr, r.type, r.sym ? str(syms[r.sym].name) : "", r.addend});
  for (const DynRel& r : pltrels)
    img->dynrelocs.push_back(LinkDynReloc{r.vaddr, r.type, r.sym ? str(syms[r.sym].name) : "", r.addend});
  // .symtab: locals, then globals.
  img->symbols.emplace_back();
  if (!opts.strip_all) {
    for (u32 fi = 0; fi < files.size(); fi++) {
      const InFile& f = files[fi];
      if (f.kind != InFile::Obj) continue;
      for (ObjSymId id = 1; id <= f.ob->num_symbols(); id++) {
        const ObjSymbol& os = f.ob->symbol_get(id);
        if (os.bind != SymBind::Local || !os.name || os.type == SymType::Section ||
            os.type == SymType::File)
          continue;
        const char* n = f.ob->symbol_name(id);
        if (n[0] == '.' && n[1] == 'L') continue;
        if (os.place == SymPlace::Section && !f.out[os.sec]) continue;
        LinkSymbol ls;
        ls.name = n;
        ls.value = sym_addr(f, id);
        if (os.type == SymType::Tls) ls.value = dtp_offset(ls.value);
        ls.size = os.size;
        ls.info = static_cast<u8>(STB_LOCAL << 4 | st_type_of(os.type));
        ls.shndx = os.place == SymPlace::Section ? static_cast<u16>(outs[f.out[os.sec]].index)
                   : os.place == SymPlace::Abs ? u16(SHN_ABS) : u16(SHN_UNDEF);
        img->symbols.push_back(std::move(ls));
      }
    }
  }
  std::vector<LinkSymbol> globals;
  for (u32 i = 1; i < syms.size(); i++) {
    const Symbol& s = syms[i];
    if (!s.name) continue;
    if (s.state == Symbol::Undef && !s.referenced) continue;
    if (s.state == Symbol::Shared && !s.referenced && !(s.flags & NEEDS_COPY)) continue;
    if (opts.strip_all && !(s.flags & (EXPORT | IMPORT))) continue;
    LinkSymbol ls;
    ls.name = str(s.name);
    bool local = s.vis == 1 || s.vis == 2;
    u8 bind = local ? STB_LOCAL : s.weak_def || (s.state == Symbol::Undef && !s.strong_ref) ? STB_WEAK : STB_GLOBAL;
    u8 type = s.type;
    u16 shndx = SHN_UNDEF;
    u64 value = 0;
    switch (s.state) {
      case Symbol::Defined: {
        const InFile& f = files[s.file - 1];
        const ObjSymbol& os = f.ob->symbol_get(s.osym);
        value = gsym_addr(s);
        if (os.type == SymType::Tls) value = dtp_offset(value);
        shndx = os.place == SymPlace::Abs ? u16(SHN_ABS) : static_cast<u16>(outs[f.out[os.sec]].index);
        break;
      }
      case Symbol::Common:
        value = gsym_addr(s);
        shndx = static_cast<u16>(outs[s.lout].index);
        type = STT_OBJECT;
        break;
      case Symbol::Linker:
        value = gsym_addr(s);
        shndx = s.lout ? static_cast<u16>(outs[s.lout].index) : u16(SHN_ABS);
        if (!s.lout && opts.output != LinkOutput::Exec) {
          // Relative to the image: attach to the first section.
          shndx = 1;
        }
        type = STT_NOTYPE;
        break;
      case Symbol::Shared:
        if (s.flags & NEEDS_COPY) {
          value = gsym_addr(s);
          shndx = static_cast<u16>(outs[s.lout].index);
          type = STT_OBJECT;
        } else if (s.flags & CANON_PLT) {
          value = plt_addr(s.plt);
        }
        break;
      case Symbol::Undef:
        break;
    }
    ls.value = value;
    ls.size = s.size;
    ls.info = static_cast<u8>(bind << 4 | type);
    ls.other = s.vis;
    ls.shndx = shndx;
    if (local) img->symbols.push_back(std::move(ls));
    else globals.push_back(std::move(ls));
  }
  img->first_global = static_cast<u32>(img->symbols.size());
  for (LinkSymbol& g : globals) img->symbols.push_back(std::move(g));
  return img;
}

// ---- ELF writer -------------------------------------------------------------

namespace {

struct Strs {
  std::vector<u8> d{0};
  u32 add(const std::string& s) {
    if (s.empty()) return 0;
    u32 off = static_cast<u32>(d.size());
    d.insert(d.end(), s.begin(), s.end());
    d.push_back(0);
    return off;
  }
};

// The build ID: a content hash of the whole file (the ID field still zero),
// four independent 64-bit lanes fed a word at a time so that hashing costs
// little next to writing the file.  Not a cryptographic hash, as GNU ld's
// default sha1 is not needed for identity.
void build_id_hash(const u8* p, size_t n, u8 out[32]) {
  u64 lane[4] = {0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull, 0x082efa98ec4e6c89ull};
  const u64 k = 0x9e3779b97f4a7c15ull;
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int j = 0; j < 4; j++) {
      u64 w;
      std::memcpy(&w, p + i + 8 * j, 8);
      lane[j] = (lane[j] ^ w) * k;
      lane[j] ^= lane[j] >> 29;
    }
  for (; i < n; i++) lane[i & 3] = (lane[i & 3] ^ p[i]) * k;
  for (int j = 0; j < 4; j++) {
    u64 h = lane[j] ^ (n + static_cast<u64>(j));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    h ^= lane[(j + 1) & 3];
    for (int b = 0; b < 8; b++) out[8 * j + b] = static_cast<u8>(h >> (8 * b));
  }
}

}  // namespace

bool link_write_elf(Compiler& c, const LinkImage& img, CfreeWriter* out) {
  std::vector<u8> f(img.file_size, 0);
  for (size_t i = 1; i < img.sections.size(); i++) {
    const LinkSection& s = img.sections[i];
    if (s.type == SHT_NOBITS || s.bytes.empty()) continue;
    if (f.size() < s.offset + s.bytes.size()) f.resize(s.offset + s.bytes.size(), 0);
    std::memcpy(f.data() + s.offset, s.bytes.data(), s.bytes.size());
  }
  // .symtab / .strtab / .shstrtab
  Strs strtab, shstr;
  std::vector<u8> symtab(kSymSize * img.symbols.size(), 0);
  for (size_t i = 1; i < img.symbols.size(); i++) {
    const LinkSymbol& s = img.symbols[i];
    u8* p = symtab.data() + kSymSize * i;
    put32(p, strtab.add(s.name));
    p[4] = s.info;
    p[5] = s.other;
    put16(p + 6, s.shndx);
    put64(p + 8, s.value);
    put64(p + 16, s.size);
  }
  std::vector<Shdr> sh(img.sections.size());
  for (size_t i = 1; i < img.sections.size(); i++) {
    const LinkSection& s = img.sections[i];
    sh[i] = Shdr{shstr.add(s.name), s.type, s.flags, s.addr, s.offset, s.size, s.link, s.info, s.align, s.entsize};
  }
  u32 symtab_idx = static_cast<u32>(sh.size());
  u64 off = align_up(f.size(), 8);
  f.resize(off, 0);
  sh.push_back(Shdr{shstr.add(".symtab"), SHT_SYMTAB, 0, 0, off, symtab.size(), symtab_idx + 1,
                    img.first_global, 8, kSymSize});
  f.insert(f.end(), symtab.begin(), symtab.end());
  sh.push_back(Shdr{shstr.add(".strtab"), SHT_STRTAB, 0, 0, f.size(), strtab.d.size(), 0, 0, 1, 0});
  f.insert(f.end(), strtab.d.begin(), strtab.d.end());
  u32 shstr_idx = static_cast<u32>(sh.size());
  u32 shstr_name = shstr.add(".shstrtab");
  sh.push_back(Shdr{shstr_name, SHT_STRTAB, 0, 0, f.size(), 0, 0, 0, 1, 0});
  sh.back().size = shstr.d.size();
  f.insert(f.end(), shstr.d.begin(), shstr.d.end());
  u64 shoff = align_up(f.size(), 8);
  f.resize(shoff + kShdrSize * sh.size(), 0);
  for (size_t i = 0; i < sh.size(); i++) {
    if (i == 0) continue;
    write_shdr(f.data() + shoff + kShdrSize * i, sh[i]);
  }
  // ELF header and program headers.
  u8* e = f.data();
  std::memcpy(e, "\x7f" "ELF", 4);
  e[4] = 2;
  e[5] = 1;
  e[6] = 1;
  put16(e + 16, img.elf_type);
  put16(e + 18, machine_of(img.target.arch));
  put32(e + 20, 1);
  put64(e + 24, img.entry);
  put64(e + 32, img.segments.empty() ? 0 : kEhdrSize);
  put64(e + 40, shoff);
  put32(e + 48, 0);
  put16(e + 52, kEhdrSize);
  put16(e + 54, kPhdrSize);
  put16(e + 56, static_cast<u16>(img.segments.size()));
  put16(e + 58, kShdrSize);
  put16(e + 60, static_cast<u16>(sh.size()));
  put16(e + 62, static_cast<u16>(shstr_idx));
  for (size_t i = 0; i < img.segments.size(); i++) {
    const LinkSegment& s = img.segments[i];
    u8* p = e + kEhdrSize + kPhdrSize * i;
    put32(p, s.type);
    put32(p + 4, s.flags);
    put64(p + 8, s.offset);
    put64(p + 16, s.vaddr);
    put64(p + 24, s.vaddr);
    put64(p + 32, s.filesz);
    put64(p + 40, s.memsz);
    put64(p + 48, s.align);
  }
  if (img.build_id_size) {
    u8 id[32] = {};
    build_id_hash(f.data(), f.size(), id);
    std::memcpy(f.data() + img.build_id_offset, id, img.build_id_size);
  }
  if (out->write(out->ctx, f.data(), f.size()) != 0) {
    c.error(0, "cannot write the output file");
    return false;
  }
  return true;
}

}  // namespace cfree
