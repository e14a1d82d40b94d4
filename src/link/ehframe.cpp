// ehframe.cpp: .eh_frame editing and the .eh_frame_hdr lookup table.
//
// .eh_frame is a sequence of CIE and FDE records (LSB 5.0 "Exception Frames";
// DWARF 4 §6.4.1 for the CIE/FDE fields, the LSB's augmentation letters
// z/R/P/L/S for the pointer encodings).  FDEs describing code that was
// discarded (a losing COMDAT copy, or garbage-collected) are dropped before
// layout, fixing the CIE pointers of the FDEs that follow.  After
// relocation, .eh_frame_hdr gets the binary-search table the unwinder uses
// (PT_GNU_EH_FRAME): version 1, eh_frame_ptr (pcrel|sdata4), fde_count
// (udata4), and (initial location, FDE address) pairs (datarel|sdata4)
// sorted by location.
#include "link/impl.h"
#include "obj/elf.h"

#include <algorithm>

namespace cfree {

using namespace elf;

namespace {

u64 uleb(const u8* d, u64 n, u64* p) {
  u64 v = 0;
  int sh = 0;
  while (*p < n) {
    u8 b = d[(*p)++];
    if (sh < 64) v |= u64(b & 0x7f) << sh;
    sh += 7;
    if (!(b & 0x80)) break;
  }
  return v;
}

// Read an encoded pointer at d+p (address `addr` of that byte).
bool read_ptr(const u8* d, u64 n, u64* p, u8 enc, u64 addr, u64* out) {
  if (enc == 0xff) return false;
  u64 v;
  u64 at = *p;
  switch (enc & 0x0f) {
    case 0x00: case 0x04: case 0x0c:
      if (at + 8 > n) return false;
      v = get64(d + at);
      *p += 8;
      break;
    case 0x03:
      if (at + 4 > n) return false;
      v = get32(d + at);
      *p += 4;
      break;
    case 0x0b:
      if (at + 4 > n) return false;
      v = static_cast<u64>(static_cast<i64>(static_cast<i32>(get32(d + at))));
      *p += 4;
      break;
    case 0x02:
      if (at + 2 > n) return false;
      v = get16(d + at);
      *p += 2;
      break;
    case 0x0a:
      if (at + 2 > n) return false;
      v = static_cast<u64>(static_cast<i64>(static_cast<i16>(get16(d + at))));
      *p += 2;
      break;
    default:
      return false;
  }
  if ((enc & 0x70) == 0x10) v += addr;
  *out = v;
  return true;
}

// The FDE pointer encoding a CIE declares ('R'), or absptr.
u8 cie_fde_encoding(const u8* d, u64 n, u64 cie) {
  u64 p = cie + 8;
  if (p >= n) return 0;
  p++;  // version
  const char* aug = reinterpret_cast<const char*>(d + p);
  u64 auglen = 0;
  while (p + auglen < n && d[p + auglen]) auglen++;
  p += auglen + 1;
  uleb(d, n, &p);  // code alignment
  uleb(d, n, &p);  // data alignment (sleb, same length)
  if (d[cie + 8] == 1) p++; else uleb(d, n, &p);  // return address register
  if (auglen == 0 || aug[0] != 'z') return 0;
  uleb(d, n, &p);  // augmentation data length
  for (u64 i = 1; i < auglen; i++) {
    switch (aug[i]) {
      case 'R': return p < n ? d[p] : 0;
      case 'L': p++; break;
      case 'P': {
        if (p >= n) return 0;
        u8 e = d[p++];
        u64 dummy;
        if (!read_ptr(d, n, &p, e & 0x7f, 0, &dummy)) return 0;
        break;
      }
      default: break;
    }
  }
  return 0;
}

}  // namespace

void LinkerImpl::filter_eh_frame() {
  for (u32 fi = 0; fi < files.size(); fi++) {
    InFile& f = files[fi];
    if (f.kind != InFile::Obj) continue;
    ObjBuilder& o = *f.ob;
    for (ObjSecId s = 1; s <= o.num_sections(); s++) {
      if (f.discarded[s] || std::strcmp(o.section_name(s), ".eh_frame") || !o.has_bytes(s)) continue;
      std::vector<u8> b = o.bytes(s);
      std::vector<ObjReloc>& rels = o.relocs_mut(s);
      // Relocations in offset order (an assembler writes them so; sort if not),
      // so that finding the one at an FDE's PC field is a binary search and
      // copying each kept record's relocations is one forward walk.
      if (!std::is_sorted(rels.begin(), rels.end(),
                          [](const ObjReloc& a, const ObjReloc& b) { return a.offset < b.offset; }))
        std::stable_sort(rels.begin(), rels.end(),
                         [](const ObjReloc& a, const ObjReloc& b) { return a.offset < b.offset; });
      auto first_at_or_after = [&](u64 off) {
        return std::lower_bound(rels.begin(), rels.end(), off,
                                [](const ObjReloc& r, u64 v) { return r.offset < v; });
      };
      auto dead_at = [&](u64 off) -> bool {
        for (auto it = first_at_or_after(off); it != rels.end() && it->offset == off; ++it) {
          const ObjReloc& r = *it;
          if (!r.sym) continue;
          u32 gi = gsym_of(f, r.sym);
          if (gi) {
            const Symbol& g = syms[gi];
            if (g.state != Symbol::Defined) return false;
            const ObjSymbol& d = files[g.file - 1].ob->symbol_get(g.osym);
            const InFile& df = files[g.file - 1];
            return d.place == SymPlace::Section && (df.discarded[d.sec] || !df.live[d.sec]);
          }
          const ObjSymbol& os = o.symbol_get(r.sym);
          return os.place == SymPlace::Section && (f.discarded[os.sec] || !f.live[os.sec]);
        }
        return false;
      };
      // Records: [start, end), kept?
      struct Rec { u64 start, end; bool cie, keep; u64 cie_at; };
      std::vector<Rec> recs;
      bool any_dead = false;
      for (u64 p = 0; p + 4 <= b.size();) {
        u32 len = get32(&b[p]);
        if (len == 0 || len == 0xffffffffu || p + 4 + len > b.size()) break;
        u64 end = p + 4 + len;
        bool cie = get32(&b[p + 4]) == 0;
        Rec r{p, end, cie, true, cie ? 0 : p + 4 - get32(&b[p + 4])};
        if (!cie && dead_at(p + 8)) {
          r.keep = false;
          any_dead = true;
        }
        recs.push_back(r);
        p = end;
      }
      if (!any_dead) continue;
      std::vector<u8> nb;
      std::vector<u64> new_start(recs.size());
      std::vector<ObjReloc> nrels;
      for (size_t i = 0; i < recs.size(); i++) {
        const Rec& r = recs[i];
        if (!r.keep) continue;
        new_start[i] = nb.size();
        nb.insert(nb.end(), b.begin() + static_cast<long>(r.start), b.begin() + static_cast<long>(r.end));
        if (!r.cie) {
          // The CIE precedes its FDEs: find it among the records before this one.
          auto cie = std::lower_bound(recs.begin(), recs.begin() + static_cast<long>(i), r.cie_at,
                                      [](const Rec& x, u64 v) { return x.start < v; });
          u64 ncie = cie != recs.begin() + static_cast<long>(i) && cie->start == r.cie_at
                         ? new_start[static_cast<size_t>(cie - recs.begin())]
                         : 0;
          put32(&nb[new_start[i] + 4], static_cast<u32>(new_start[i] + 4 - ncie));
        }
        for (auto it = first_at_or_after(r.start); it != rels.end() && it->offset < r.end; ++it) {
          ObjReloc x = *it;
          x.offset = it->offset - r.start + new_start[i];
          nrels.push_back(x);
        }
      }
      // Rewrite in place: the new contents are never longer.
      o.patch(s, 0, nb.data(), nb.size());
      o.section_mut(s).size = nb.size();
      rels = std::move(nrels);
    }
  }
}

void LinkerImpl::build_eh_frame_hdr() {
  if (!o_ehhdr || !o_ehframe) return;
  OutSec& eh = outs[o_ehframe];
  OutSec& hdr = outs[o_ehhdr];
  const u8* d = eh.data.data();
  u64 n = eh.data.size();
  std::vector<std::pair<u64, u64>> table;
  for (u64 p = 0; p + 8 <= n;) {
    u32 len = get32(d + p);
    if (len == 0 || len == 0xffffffffu || p + 4 + len > n) break;
    u32 id = get32(d + p + 4);
    if (id) {
      u64 cie = p + 4 - id;
      if (cie < n) {
        u8 enc = cie_fde_encoding(d, n, cie);
        u64 q = p + 8, loc;
        if (read_ptr(d, n, &q, enc, eh.addr + p + 8, &loc)) table.emplace_back(loc, eh.addr + p);
      }
    }
    p += 4 + u64(len);
  }
  std::sort(table.begin(), table.end());
  hdr.data.assign(hdr.size, 0);
  u8* h = hdr.data.data();
  h[0] = 1;
  h[1] = 0x1b;
  h[2] = 0x03;
  h[3] = 0x3b;
  put32(h + 4, static_cast<u32>(eh.addr - (hdr.addr + 4)));
  size_t count = std::min<size_t>(table.size(), (hdr.size - 12) / 8);
  put32(h + 8, static_cast<u32>(count));
  for (size_t i = 0; i < count; i++) {
    put32(h + 12 + 8 * i, static_cast<u32>(table[i].first - hdr.addr));
    put32(h + 16 + 8 * i, static_cast<u32>(table[i].second - hdr.addr));
  }
}

}  // namespace cfree
