// jit.cpp: map a LinkImage into fresh memory and make it runnable (seed
// §5.5.1, "JIT run and debug").
//
// The JIT links its inputs exactly as `cfree cc -shared` would (the same
// Linker, the same LinkImage), so every reference to a symbol the program
// does not define -- libc, libm, the embedding host -- is a dynamic
// relocation record in the image (R_X86_64_GLOB_DAT, JUMP_SLOT, 64) and
// every absolute address is an R_X86_64_RELATIVE record.  Mapping is then
// what ld.so does for one library, with the host's CfreeExecMem vtable:
//   1. map the whole span of the PT_LOAD segments read-write (W, never X),
//   2. copy the section bytes to base + address,
//   3. apply the image's dynamic relocation records at base + vaddr,
//      resolving names in order: the image's own definitions, the symbols
//      the host added (cfree_jit_add_symbol), then the host resolver
//      (dlsym over the process and the -l libraries, in driver/),
//   4. switch each page to its final protection: RX for code, R for
//      read-only data and RELRO, RW for data.  No page is ever writable and
//      executable at once (a page both segments would want W and X is a
//      layout error, reported rather than mapped).
// Lazy binding is never used: JUMP_SLOT entries are written eagerly.
//
// Whether the OS lets RW pages become RX at all is probed once per session
// (map, write a `ret`, mprotect to RX, unmap: the probe page is never
// executed, see seeds/003) and a refusal is a clear diagnostic.
//
// _Thread_local: the image gets its own per-thread TLS block (tls.cpp);
// TLS relocation records are applied against it and cfree's initial-exec
// access sequences are rewritten to reach it before the code turns RX.
#include "jit/jit.h"

#include "core/compiler.h"
#include "obj/elf.h"

#include <algorithm>
#include <cstring>

using namespace cfree;
using namespace cfree::elf;

namespace {

constexpr u64 kPage = 4096;  // x86-64 base page (psABI §5.1)
constexpr u8 PF_X = 1, PF_W = 2;
constexpr u32 R_64 = 1, R_GLOB_DAT = 6, R_JUMP_SLOT = 7, R_RELATIVE = 8, R_DTPMOD64 = 16,
              R_DTPOFF64 = 17, R_TPOFF64 = 18, R_IRELATIVE = 37;

u64 page_down(u64 v) { return v & ~(kPage - 1); }
u64 page_up(u64 v) { return (v + kPage - 1) & ~(kPage - 1); }

}  // namespace

namespace cfree {

bool jit_probe_exec_mem(const CfreeExecMem& m) {
  if (!m.map || !m.protect || !m.unmap) return false;
  void* p = m.map(m.ctx, kPage);
  if (!p) return false;
  static_cast<u8*>(p)[0] = 0xc3;  // ret; written, never executed
  bool ok = m.protect(m.ctx, p, kPage, CFREE_PROT_RX) == 0;
  m.unmap(m.ctx, p, kPage);
  return ok;
}

}  // namespace cfree

CfreeJit::~CfreeJit() {
  if (base) mem.unmap(mem.ctx, base, span);
}

u64 CfreeJit::lookup(const char* name) const {
  auto it = exports.find(name);
  return it == exports.end() ? 0 : it->second;
}

bool CfreeJit::symbolize(u64 addr, const char** name, u64* off) const {
  if (!base || addr < reinterpret_cast<u64>(base) || addr >= reinterpret_cast<u64>(base) + span)
    return false;
  // funcs is sorted by address: the last function starting at or below addr.
  size_t lo = 0, hi = funcs.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (funcs[mid].addr <= addr) lo = mid + 1; else hi = mid;
  }
  if (lo == 0) {
    *name = nullptr;
    *off = addr - reinterpret_cast<u64>(base);
    return true;
  }
  const JitFunc& f = funcs[lo - 1];
  *name = f.name;
  *off = addr - f.addr;
  return true;
}

bool cfree::jit_map_image(Compiler& c, CfreeJit& j, const JitResolver& resolve, const CfreeJitHost& host) {
  LinkImage& img = *j.img;
  // 1. The span of the loadable segments.
  u64 lo = ~0ull, hi = 0;
  for (const LinkSegment& s : img.segments) {
    if (s.type != PT_LOAD) continue;
    lo = std::min(lo, page_down(s.vaddr));
    hi = std::max(hi, page_up(s.vaddr + s.memsz));
  }
  if (hi <= lo) {
    lo = 0;
    hi = kPage;
  }
  // Per-page protection; a page wanted both W and X is a layout error.
  size_t npages = static_cast<size_t>((hi - lo) / kPage);
  std::vector<u8> pflags(npages, 0);
  for (const LinkSegment& s : img.segments) {
    if (s.type != PT_LOAD || !s.memsz) continue;
    for (u64 p = page_down(s.vaddr); p < s.vaddr + s.memsz; p += kPage)
      pflags[static_cast<size_t>((p - lo) / kPage)] |= static_cast<u8>(s.flags | 4);
  }
  for (u8 f : pflags)
    if ((f & PF_W) && (f & PF_X)) {
      c.error(0, "JIT image layout puts writable and executable data on one page");
      return false;
    }
  if (!jit_tls_init(c, j, host)) return false;
  // Thread-local access stubs live in pages after the image (tls.cpp).
  size_t stub_pages = j.tls ? static_cast<size_t>(page_up(jit_tls_stub_space()) / kPage) : 0;
  pflags.resize(npages + stub_pages, PF_X | 4);
  npages += stub_pages;
  j.span = static_cast<size_t>(hi - lo) + stub_pages * kPage;
  void* mem = j.mem.map(j.mem.ctx, j.span);
  if (!mem) {
    c.error(0, "cannot map %zu bytes of memory for JIT code", j.span);
    return false;
  }
  j.base = static_cast<u8*>(mem);
  std::memset(j.base, 0, j.span);
  const u64 B = reinterpret_cast<u64>(j.base) - lo;  // load bias
  j.bias = B;
  // 2. Section bytes.
  for (const LinkSection& s : img.sections) {
    if (!(s.flags & SECF_ALLOC) || s.type == SHT_NOBITS || (s.flags & SECF_TLS) || s.bytes.empty())
      continue;
    if (s.addr < lo || s.addr + s.bytes.size() > hi) continue;  // (stub pages follow hi)
    std::memcpy(reinterpret_cast<u8*>(B + s.addr), s.bytes.data(), s.bytes.size());
  }
  // Exported (defined, global) symbols and functions for symbolize().
  for (size_t i = 1; i < img.symbols.size(); i++) {
    const LinkSymbol& s = img.symbols[i];
    u8 type = s.info & 0xf, bind = s.info >> 4;
    if (s.shndx == SHN_UNDEF || s.name.empty()) continue;
    u64 addr = s.shndx == SHN_ABS ? s.value : B + s.value;
    if (type == STT_FUNC || type == STT_GNU_IFUNC) j.funcs.push_back(JitFunc{addr, s.name.c_str()});
    if (bind != STB_LOCAL && type != STT_TLS) j.exports.emplace(s.name, addr);
  }
  std::sort(j.funcs.begin(), j.funcs.end(),
            [](const JitFunc& a, const JitFunc& b) { return a.addr < b.addr; });
  std::unordered_map<std::string, bool> weak_undef;
  for (size_t i = img.first_global; i < img.symbols.size(); i++) {
    const LinkSymbol& s = img.symbols[i];
    if (s.shndx == SHN_UNDEF && (s.info >> 4) == STB_WEAK) weak_undef.emplace(s.name, true);
  }
  // 3. Dynamic relocations.
  std::unordered_map<std::string, u64> cache;
  bool ok = true;
  auto sym_value = [&](const std::string& name, u64* out) -> bool {
    auto ci = cache.find(name);
    if (ci != cache.end()) {
      *out = ci->second;
      return true;
    }
    u64 v = j.lookup(name.c_str());
    if (!v && j.tls && name == "__tls_get_addr") v = reinterpret_cast<u64>(&jit_tls_get_addr);
    if (!v) v = resolve(name.c_str());
    if (!v && !weak_undef.count(name)) {
      c.error(0, "undefined reference to '%s'", name.c_str());
      ok = false;
      cache.emplace(name, 0);
      return false;
    }
    cache.emplace(name, v);
    *out = v;
    return true;
  };
  // The dtv-relative value of a TLS symbol: its offset in the block.
  auto tls_value = [&](const LinkDynReloc& r, u64* out) -> bool {
    if (r.sym.empty()) {
      *out = static_cast<u64>(r.addend);
      return true;
    }
    for (size_t i = 1; i < img.symbols.size(); i++) {
      const LinkSymbol& s = img.symbols[i];
      if ((s.info & 0xf) == STT_TLS && s.shndx != SHN_UNDEF && s.name == r.sym && (s.info >> 4) != STB_LOCAL) {
        *out = s.value + static_cast<u64>(r.addend);
        return true;
      }
    }
    c.error(0, "undefined reference to thread-local '%s'", r.sym.c_str());
    ok = false;
    return false;
  };
  std::vector<u64> tpoff_slots;
  for (const LinkDynReloc& r : img.dynrelocs) {
    if (r.vaddr < lo || r.vaddr + 8 > hi) {
      c.error(0, "JIT relocation outside the image at 0x%llx", static_cast<unsigned long long>(r.vaddr));
      ok = false;
      continue;
    }
    u8* loc = reinterpret_cast<u8*>(B + r.vaddr);
    u64 S = 0;
    switch (r.type) {
      case R_RELATIVE:
        put64(loc, B + static_cast<u64>(r.addend));
        break;
      case R_64: case R_GLOB_DAT: case R_JUMP_SLOT:
        if (!r.sym.empty() && !sym_value(r.sym, &S)) break;
        put64(loc, S + static_cast<u64>(r.type == R_64 ? r.addend : 0));
        break;
      case R_DTPMOD64:
        put64(loc, reinterpret_cast<u64>(j.tls.get()));
        break;
      case R_DTPOFF64: case R_TPOFF64:
        if (!tls_value(r, &S)) break;
        put64(loc, S);
        if (r.type == R_TPOFF64) tpoff_slots.push_back(r.vaddr);
        break;
      case R_IRELATIVE:
      default:
        c.error(0, "unsupported dynamic relocation type %u in JIT image", r.type);
        ok = false;
        break;
    }
  }
  if (!ok) return false;
  if (j.tls && !jit_tls_rewrite(c, j, B, j.base + (hi - lo), reinterpret_cast<u64>(j.base) + (hi - lo), tpoff_slots))
    return false;
  // 4. Final protections: RX code, R read-only data, RW data; RELRO last.
  std::vector<u8> prot(npages);
  for (size_t i = 0; i < npages; i++)
    prot[i] = (pflags[i] & PF_X) ? CFREE_PROT_RX : (pflags[i] & PF_W) ? CFREE_PROT_RW : CFREE_PROT_R;
  for (const LinkSegment& s : img.segments) {
    if (s.type != PT_GNU_RELRO) continue;
    for (u64 p = page_down(s.vaddr); p + kPage <= s.vaddr + s.memsz; p += kPage)
      if (p >= lo && p < hi && prot[static_cast<size_t>((p - lo) / kPage)] == CFREE_PROT_RW)
        prot[static_cast<size_t>((p - lo) / kPage)] = CFREE_PROT_R;
  }
  for (size_t i = 0; i < npages;) {
    size_t k = i;
    while (k < npages && prot[k] == prot[i]) k++;
    if (prot[i] != CFREE_PROT_RW &&
        j.mem.protect(j.mem.ctx, j.base + i * kPage, (k - i) * kPage, static_cast<CfreeProt>(prot[i])) != 0) {
      c.error(0, "the system refused to make JIT memory %s (mprotect failed)",
              prot[i] == CFREE_PROT_RX ? "executable" : "read-only");
      return false;
    }
    i = k;
  }
  // Constructors and destructors: .preinit_array, .init_array, .fini_array.
  for (const LinkSection& s : img.sections) {
    std::vector<u64>* v = s.type == SHT_PREINIT_ARRAY ? &j.preinit
                          : s.type == SHT_INIT_ARRAY  ? &j.init
                          : s.type == SHT_FINI_ARRAY  ? &j.fini
                                                      : nullptr;
    if (!v) continue;
    for (u64 a = s.addr; a + 8 <= s.addr + s.size; a += 8) {
      u64 fn = get64(reinterpret_cast<const u8*>(B + a));
      if (fn && fn != ~0ull) v->push_back(fn);
    }
  }
  return true;
}
