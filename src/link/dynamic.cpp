// dynamic.cpp: the sections the dynamic linker reads -- .dynsym/.dynstr,
// .gnu.hash, .gnu.version/.gnu.version_r, .rela.dyn/.rela.plt, .got,
// .got.plt, .plt and .dynamic.
//
// References: gABI "Dynamic Section" and "Symbol Versioning" (the LSB's
// Verneed/Vernaux layout), the GNU hash table as glibc's dl-lookup.c reads
// it (bloom filter of 64-bit words with shift 6, buckets, then a chain of
// hashes with the low bit marking the end), x86-64 psABI §5.2 for the GOT
// (.got.plt[0] = _DYNAMIC).  Imported symbols come first in .dynsym, then
// the hashed (defined or canonical-PLT) ones sorted by bucket.
#include "link/impl.h"
#include "obj/elf.h"

#include <algorithm>

namespace cfree {

using namespace elf;

namespace {

u32 gnu_hash(const char* s) {
  u32 h = 5381;
  for (; *s; s++) h = h * 33 + static_cast<u8>(*s);
  return h;
}

u32 elf_hash(const char* s) {
  u32 h = 0;
  for (; *s; s++) {
    h = (h << 4) + static_cast<u8>(*s);
    u32 g = h & 0xf0000000u;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

enum : u64 {
  DT_NULL = 0, DT_NEEDED = 1, DT_PLTRELSZ = 2, DT_PLTGOT = 3, DT_STRTAB = 5, DT_SYMTAB = 6,
  DT_RELA = 7, DT_RELASZ = 8, DT_RELAENT = 9, DT_STRSZ = 10, DT_SYMENT = 11, DT_INIT = 12,
  DT_FINI = 13, DT_SONAME = 14, DT_PLTREL = 20, DT_DEBUG = 21, DT_TEXTREL = 22, DT_JMPREL = 23,
  DT_INIT_ARRAY = 25, DT_FINI_ARRAY = 26, DT_INIT_ARRAYSZ = 27, DT_FINI_ARRAYSZ = 28,
  DT_RUNPATH = 29, DT_FLAGS = 30, DT_PREINIT_ARRAY = 32, DT_PREINIT_ARRAYSZ = 33,
  DT_GNU_HASH = 0x6ffffef5, DT_VERSYM = 0x6ffffff0, DT_RELACOUNT = 0x6ffffff9,
  DT_FLAGS_1 = 0x6ffffffb, DT_VERNEED = 0x6ffffffe, DT_VERNEEDNUM = 0x6fffffff,
};

}  // namespace

u32 LinkerImpl::add_dynstr(const std::string& s) {
  if (dynstr.empty()) dynstr.push_back(0);
  if (s.empty()) return 0;
  auto it = dynstr_map.find(s);
  if (it != dynstr_map.end()) return it->second;
  u32 off = static_cast<u32>(dynstr.size());
  dynstr.insert(dynstr.end(), s.begin(), s.end());
  dynstr.push_back(0);
  dynstr_map.emplace(s, off);
  return off;
}

void LinkerImpl::build_dynsym() {
  if (!dynamic()) return;
  add_dynstr("");
  for (InFile& f : files)
    if (f.kind == InFile::Dso && f.needed) add_dynstr(f.soname);
  if (!opts.soname.empty()) add_dynstr(opts.soname);
  if (!opts.rpath.empty()) {
    std::string rp;
    for (const std::string& r : opts.rpath) rp += (rp.empty() ? "" : ":") + r;
    add_dynstr(rp);
  }
  // Exports.
  bool shared = opts.output == LinkOutput::Shared;
  for (u32 i = 1; i < syms.size(); i++) {
    Symbol& s = syms[i];
    bool defined = s.state == Symbol::Defined || s.state == Symbol::Common;
    if (defined && (s.vis == 0 || s.vis == 3) &&
        (shared || opts.export_dynamic || s.dso_ref))
      s.flags |= EXPORT;
    if (s.state == Symbol::Shared && s.referenced) s.flags |= IMPORT;
    if (shared && s.state == Symbol::Undef && s.referenced) s.flags |= IMPORT;
  }
  std::vector<u32> imports, hashed;
  for (u32 i = 1; i < syms.size(); i++) {
    Symbol& s = syms[i];
    if (s.flags & (NEEDS_COPY | CANON_PLT)) {
      if (s.flags & NEEDS_COPY) {
        // Only the names that are used (or aliases some library uses).
        if (std::find(copies.begin(), copies.end(), i) == copies.end()) continue;
      }
      hashed.push_back(i);
    } else if ((s.flags & EXPORT) && s.state != Symbol::Shared && s.state != Symbol::Undef) {
      hashed.push_back(i);
    } else if ((s.flags & IMPORT) && (s.state == Symbol::Shared || s.state == Symbol::Undef)) {
      imports.push_back(i);
    }
  }
  u32 nhashed = static_cast<u32>(hashed.size());
  u32 nbuckets = nhashed ? std::max(1u, nhashed / 4) : 1;
  std::stable_sort(hashed.begin(), hashed.end(), [&](u32 a, u32 b) {
    return gnu_hash(str(syms[a].name)) % nbuckets < gnu_hash(str(syms[b].name)) % nbuckets;
  });
  dynsyms = imports;
  dynsyms.insert(dynsyms.end(), hashed.begin(), hashed.end());
  dynsym_first_hashed = static_cast<u32>(imports.size() + 1);
  for (u32 k = 0; k < dynsyms.size(); k++) {
    syms[dynsyms[k]].dynidx = k + 1;
    add_dynstr(str(syms[dynsyms[k]].name));
  }
  // Versions needed from each library.
  versyms.assign(dynsyms.size() + 1, 0);
  std::vector<int> vn_of_file(files.size(), -1);
  u16 next_index = 2;
  for (u32 k = 0; k < dynsyms.size(); k++) {
    Symbol& s = syms[dynsyms[k]];
    u16 v = 1;
    if (s.state == Symbol::Shared) {
      InFile& f = files[s.file - 1];
      Sym ver = f.dsyms[s.osym].version;
      if (ver && f.needed) {
        int& vi = vn_of_file[s.file - 1];
        if (vi < 0) {
          vi = static_cast<int>(verneeds.size());
          verneeds.push_back(VerNeed{s.file - 1, {}});
        }
        VerNeed& vn = verneeds[static_cast<size_t>(vi)];
        u16 idx = 0;
        for (auto& [name, i2] : vn.vers)
          if (name == ver) idx = i2;
        if (!idx) {
          idx = next_index++;
          vn.vers.emplace_back(ver, idx);
          add_dynstr(str(ver));
        }
        v = idx;
      }
    }
    versyms[k + 1] = v;
  }
  // nbuckets is recomputed identically in size_dynamic / fill_dynamic.
}

void LinkerImpl::fill_got_plt() {
  // .got
  if (o_got) {
    OutSec& g = outs[o_got];
    g.data.assign(g.size, 0);
    auto slot_put = [&](u32 slot, u64 v) { put64(g.data.data() + 8ull * slot, v); };
    for (u32 i = 1; i < syms.size(); i++) {
      Symbol& s = syms[i];
      bool pre = preemptible(s) || s.state == Symbol::Shared;
      if (s.got != ~0u) {
        u64 a = gsym_addr(s);
        bool absolute = s.state == Symbol::Undef ||
                        (s.state == Symbol::Defined &&
                         files[s.file - 1].ob->symbol_get(s.osym).place == SymPlace::Abs);
        if (pre) {
          if (dynamic()) dynrels.push_back(DynRel{got_addr(s.got), x86_64::R_GLOB_DAT, i, 0});
        } else {
          slot_put(s.got, a);
          if (pic() && !absolute && dynamic())
            dynrels.push_back(DynRel{got_addr(s.got), x86_64::R_RELATIVE, 0, static_cast<i64>(a)});
        }
      }
      if (s.gd != ~0u) {
        if (pre) {
          dynrels.push_back(DynRel{got_addr(s.gd), x86_64::R_DTPMOD64, i, 0});
          dynrels.push_back(DynRel{got_addr(s.gd + 1), x86_64::R_DTPOFF64, i, 0});
        } else {
          dynrels.push_back(DynRel{got_addr(s.gd), x86_64::R_DTPMOD64, 0, 0});
          slot_put(s.gd + 1, dtp_offset(gsym_addr(s)));
        }
      }
      if (s.gottp != ~0u) {
        if (pre) {
          if (dynamic()) dynrels.push_back(DynRel{got_addr(s.gottp), x86_64::R_TPOFF64, i, 0});
        } else if (opts.output != LinkOutput::Shared) {
          slot_put(s.gottp, tp_offset(gsym_addr(s)));
        } else {
          dynrels.push_back(DynRel{got_addr(s.gottp), x86_64::R_TPOFF64, 0,
                                   static_cast<i64>(dtp_offset(gsym_addr(s)))});
        }
      }
    }
    for (const LocalGot& lg : local_gots) {
      const InFile& f = files[lg.file];
      u64 a = sym_addr(f, lg.osym);
      const ObjSymbol& os = f.ob->symbol_get(lg.osym);
      bool absolute = os.place == SymPlace::Abs;
      if (lg.kind == 2) {
        dynrels.push_back(DynRel{got_addr(lg.slot), x86_64::R_DTPMOD64, 0, 0});
        slot_put(lg.slot + 1, dtp_offset(a));
      } else if (lg.kind == 1) {
        if (opts.output != LinkOutput::Shared)
          slot_put(lg.slot, tp_offset(a));
        else
          dynrels.push_back(DynRel{got_addr(lg.slot), x86_64::R_TPOFF64, 0,
                                   static_cast<i64>(dtp_offset(a))});
      } else {
        slot_put(lg.slot, a);
        if (pic() && !absolute && dynamic())
          dynrels.push_back(DynRel{got_addr(lg.slot), x86_64::R_RELATIVE, 0, static_cast<i64>(a)});
      }
    }
    if (tlsld_got != ~0u) dynrels.push_back(DynRel{got_addr(tlsld_got), x86_64::R_DTPMOD64, 0, 0});
  }
  // .got.plt and .plt
  if (o_gotplt) {
    OutSec& gp = outs[o_gotplt];
    gp.data.assign(gp.size, 0);
    if (o_dynamic) put64(gp.data.data(), outs[o_dynamic].addr);
  }
  if (o_plt) {
    OutSec& p = outs[o_plt];
    p.data.assign(p.size, 0);
    for (u32 i : plt_syms) {
      Symbol& s = syms[i];
      u64 slot = outs[o_gotplt].addr + 8ull * (3 + s.plt);
      x86_64::write_plt(p.data.data() + u64(x86_64::kPltSize) * s.plt, plt_addr(s.plt), slot);
      pltrels.push_back(DynRel{slot, x86_64::R_JUMP_SLOT, i, 0});
    }
  }
  for (u32 i : copies) {
    Symbol& s = syms[i];
    // One R_X86_64_COPY per copied address (aliases share it).
    bool first = true;
    for (u32 k : copies)
      if (k < i && syms[k].lout == s.lout && syms[k].loff == s.loff) first = false;
    if (first) dynrels.push_back(DynRel{gsym_addr(s), x86_64::R_COPY, i, 0});
  }
}

void LinkerImpl::fill_dynamic() {
  if (!o_dynamic) return;
  // Dynamic relocations: RELATIVE first (DT_RELACOUNT), then the rest.
  std::stable_sort(dynrels.begin(), dynrels.end(), [](const DynRel& a, const DynRel& b) {
    return (a.type == x86_64::R_RELATIVE) > (b.type == x86_64::R_RELATIVE);
  });
  if (dynrels.size() > ndynrel) {
    c.error(0, "internal linker error: %zu dynamic relocations, %u reserved", dynrels.size(), ndynrel);
    throw Fatal{};
  }
  u32 relcount = 0;
  for (const DynRel& r : dynrels) relcount += r.type == x86_64::R_RELATIVE;
  auto put_rela = [&](u8* p, const DynRel& r) {
    put64(p, r.vaddr);
    put64(p + 8, (u64(r.sym ? syms[r.sym].dynidx : 0) << 32) | r.type);
    put64(p + 16, static_cast<u64>(r.addend));
  };
  OutSec& rd = outs[o_reladyn];
  rd.data.assign(rd.size, 0);
  for (size_t i = 0; i < dynrels.size(); i++) put_rela(rd.data.data() + 24 * i, dynrels[i]);
  // Unused reserved entries stay R_X86_64_NONE; shrink the visible size.
  rd.size = 24ull * dynrels.size();
  rd.data.resize(rd.size);
  if (o_relaplt) {
    OutSec& rp = outs[o_relaplt];
    rp.data.assign(rp.size, 0);
    for (size_t i = 0; i < pltrels.size(); i++) put_rela(rp.data.data() + 24 * i, pltrels[i]);
  }
  // .dynsym
  OutSec& ds = outs[o_dynsym];
  ds.data.assign(ds.size, 0);
  for (u32 k = 0; k < dynsyms.size(); k++) {
    Symbol& s = syms[dynsyms[k]];
    u8* p = ds.data.data() + 24ull * (k + 1);
    put32(p, add_dynstr(str(s.name)));
    u8 bind = s.weak_def || (s.state == Symbol::Undef) ? STB_WEAK : STB_GLOBAL;
    if (s.state == Symbol::Shared && !(s.flags & NEEDS_COPY)) bind = STB_GLOBAL;
    if (s.state == Symbol::Undef && s.strong_ref) bind = STB_GLOBAL;
    u8 type = s.type;
    if (s.state == Symbol::Shared && (s.flags & NEEDS_COPY)) type = STT_OBJECT;
    p[4] = static_cast<u8>(bind << 4 | type);
    p[5] = s.vis == 3 ? 3 : 0;
    u16 shndx = SHN_UNDEF;
    u64 value = 0, size = s.size;
    if (s.state == Symbol::Defined || s.state == Symbol::Common || (s.flags & NEEDS_COPY)) {
      value = gsym_addr(s);
      u32 oi = 0;
      if (s.state == Symbol::Defined) {
        const InFile& f = files[s.file - 1];
        const ObjSymbol& os = f.ob->symbol_get(s.osym);
        oi = os.place == SymPlace::Section ? f.out[os.sec] : 0;
        if (os.place == SymPlace::Abs) shndx = SHN_ABS;
      } else {
        oi = s.lout;
      }
      if (oi) shndx = static_cast<u16>(outs[oi].index);
    } else if (s.flags & CANON_PLT) {
      value = plt_addr(s.plt);
    }
    if (type == STT_TLS && shndx != SHN_UNDEF) value = dtp_offset(value);
    put16(p + 6, shndx);
    put64(p + 8, value);
    put64(p + 16, size);
  }
  // .dynstr is complete now (names were added in build_dynsym).
  OutSec& dstr = outs[o_dynstr];
  dstr.data = dynstr;
  dstr.data.resize(dstr.size, 0);
  // .gnu.hash
  {
    OutSec& h = outs[o_gnuhash];
    u32 nsyms = static_cast<u32>(dynsyms.size() + 1);
    u32 nhashed = nsyms - dynsym_first_hashed;
    u32 nbuckets = nhashed ? std::max(1u, nhashed / 4) : 1;
    u32 bloom = 1;
    while (bloom * 64 < nhashed * 2) bloom <<= 1;
    h.data.assign(h.size, 0);
    u8* p = h.data.data();
    put32(p, nbuckets);
    put32(p + 4, dynsym_first_hashed);
    put32(p + 8, bloom);
    put32(p + 12, 6);
    u8* bl = p + 16;
    u8* buckets = bl + 8ull * bloom;
    u8* chain = buckets + 4ull * nbuckets;
    for (u32 k = dynsym_first_hashed; k < nsyms; k++) {
      u32 hv = gnu_hash(str(syms[dynsyms[k - 1]].name));
      u64 word = get64(bl + 8ull * ((hv / 64) % bloom));
      word |= u64(1) << (hv % 64);
      word |= u64(1) << ((hv >> 6) % 64);
      put64(bl + 8ull * ((hv / 64) % bloom), word);
      u32 b = hv % nbuckets;
      if (!get32(buckets + 4ull * b)) put32(buckets + 4ull * b, k);
      bool last = k + 1 == nsyms || gnu_hash(str(syms[dynsyms[k]].name)) % nbuckets != b;
      put32(chain + 4ull * (k - dynsym_first_hashed), last ? (hv | 1) : (hv & ~1u));
    }
  }
  // Versions.
  if (o_versym) {
    OutSec& v = outs[o_versym];
    v.data.assign(v.size, 0);
    for (size_t k = 0; k < versyms.size(); k++) put16(v.data.data() + 2 * k, versyms[k]);
    OutSec& vr = outs[o_verneed];
    vr.data.assign(vr.size, 0);
    u8* p = vr.data.data();
    for (size_t i = 0; i < verneeds.size(); i++) {
      const VerNeed& vn = verneeds[i];
      put16(p, 1);
      put16(p + 2, static_cast<u16>(vn.vers.size()));
      put32(p + 4, add_dynstr(files[vn.file].soname));
      put32(p + 8, 16);
      u32 size = 16 + 16 * static_cast<u32>(vn.vers.size());
      put32(p + 12, i + 1 < verneeds.size() ? size : 0);
      u8* a = p + 16;
      for (size_t k = 0; k < vn.vers.size(); k++) {
        const char* nm = str(vn.vers[k].first);
        put32(a, elf_hash(nm));
        put16(a + 4, 0);
        put16(a + 6, vn.vers[k].second);
        put32(a + 8, add_dynstr(nm));
        put32(a + 12, k + 1 < vn.vers.size() ? 16 : 0);
        a += 16;
      }
      p += size;
    }
  }
  // .dynamic
  OutSec& d = outs[o_dynamic];
  d.data.assign(d.size, 0);
  u8* p = d.data.data();
  u8* end = p + d.size;
  auto ent = [&](u64 tag, u64 val) {
    CFREE_ASSERT(p + 16 <= end);
    put64(p, tag);
    put64(p + 8, val);
    p += 16;
  };
  for (InFile& f : files)
    if (f.kind == InFile::Dso && f.needed) ent(DT_NEEDED, add_dynstr(f.soname));
  if (!opts.soname.empty()) ent(DT_SONAME, add_dynstr(opts.soname));
  if (!opts.rpath.empty()) {
    std::string rp;
    for (const std::string& r : opts.rpath) rp += (rp.empty() ? "" : ":") + r;
    ent(DT_RUNPATH, add_dynstr(rp));
  }
  auto sym_def = [&](const char* n) -> const Symbol* {
    u32 gi = find_sym(S(n));
    return gi && syms[gi].state == Symbol::Defined ? &syms[gi] : nullptr;
  };
  if (const Symbol* s = sym_def("_init")) ent(DT_INIT, gsym_addr(*s));
  if (const Symbol* s = sym_def("_fini")) ent(DT_FINI, gsym_addr(*s));
  if (o_initarr) {
    ent(DT_INIT_ARRAY, outs[o_initarr].addr);
    ent(DT_INIT_ARRAYSZ, outs[o_initarr].size);
  }
  if (o_finiarr) {
    ent(DT_FINI_ARRAY, outs[o_finiarr].addr);
    ent(DT_FINI_ARRAYSZ, outs[o_finiarr].size);
  }
  if (o_preinit && opts.output != LinkOutput::Shared) {
    ent(DT_PREINIT_ARRAY, outs[o_preinit].addr);
    ent(DT_PREINIT_ARRAYSZ, outs[o_preinit].size);
  }
  ent(DT_GNU_HASH, outs[o_gnuhash].addr);
  ent(DT_STRTAB, outs[o_dynstr].addr);
  ent(DT_SYMTAB, outs[o_dynsym].addr);
  ent(DT_STRSZ, outs[o_dynstr].size);
  ent(DT_SYMENT, 24);
  if (opts.output != LinkOutput::Shared) ent(DT_DEBUG, 0);
  if (o_gotplt) ent(DT_PLTGOT, outs[o_gotplt].addr);
  if (o_relaplt) {
    ent(DT_PLTRELSZ, outs[o_relaplt].size);
    ent(DT_PLTREL, DT_RELA);
    ent(DT_JMPREL, outs[o_relaplt].addr);
  }
  ent(DT_RELA, outs[o_reladyn].addr);
  ent(DT_RELASZ, outs[o_reladyn].size);
  ent(DT_RELAENT, 24);
  if (relcount) ent(DT_RELACOUNT, relcount);
  if (textrel) ent(DT_TEXTREL, 0);
  ent(DT_FLAGS, 8 | (textrel ? 4 : 0));  // DF_BIND_NOW (| DF_TEXTREL)
  ent(DT_FLAGS_1, 1 | (opts.output == LinkOutput::Pie ? 0x08000000 : 0));  // DF_1_NOW | DF_1_PIE
  if (o_verneed) {
    ent(DT_VERNEED, outs[o_verneed].addr);
    ent(DT_VERNEEDNUM, verneeds.size());
    ent(DT_VERSYM, outs[o_versym].addr);
  }
  ent(DT_NULL, 0);
}

}  // namespace cfree
