// jit_test.cpp: the JIT's mapping rules over a fake CfreeExecMem -- the
// probe (never executes, reports refusal), relocation records applied at
// base + vaddr with the image's own symbols first and the host resolver
// next, per-page final protections, and clean failure on undefined names.
#include "core/compiler.h"
#include "jit/jit.h"
#include "obj/elf.h"
#include "unit.h"

#include <cstdlib>
#include <map>

using namespace cfree;

namespace {

struct FakeMem {
  bool refuse_rx = false;
  int maps = 0, unmaps = 0;
  std::map<u64, CfreeProt> prot;  // page address -> last protection
  static void* map(void* ctx, size_t size) {
    auto* m = static_cast<FakeMem*>(ctx);
    m->maps++;
    void* p = std::aligned_alloc(4096, size);
    for (size_t o = 0; o < size; o += 4096) m->prot[reinterpret_cast<u64>(p) + o] = CFREE_PROT_RW;
    return p;
  }
  static int protect(void* ctx, void* addr, size_t size, CfreeProt pr) {
    auto* m = static_cast<FakeMem*>(ctx);
    if (pr == CFREE_PROT_RX && m->refuse_rx) return 13;
    for (size_t o = 0; o < size; o += 4096) m->prot[reinterpret_cast<u64>(addr) + o] = pr;
    return 0;
  }
  static void unmap(void* ctx, void* addr, size_t) {
    static_cast<FakeMem*>(ctx)->unmaps++;
    std::free(addr);
  }
  CfreeExecMem vt() { return CfreeExecMem{this, map, protect, unmap}; }
};

struct Captured {
  std::string text;
  static void report(void* ctx, const CfreeDiagnostic* d) { static_cast<Captured*>(ctx)->text += d->rendered; }
};

CfreeTarget host() { return CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF}; }

// A two-segment image: .text (RX) at 0, .data (RW) at 0x1000 holding a
// RELATIVE slot, a GLOB_DAT slot for `ext` and one for the image's `f`.
std::unique_ptr<LinkImage> sample_image() {
  auto img = std::make_unique<LinkImage>();
  img->sections.emplace_back();
  LinkSection text;
  text.name = ".text";
  text.type = elf::SHT_PROGBITS;
  text.flags = SECF_ALLOC | SECF_EXEC;
  text.addr = 0x100;
  text.size = 4;
  text.bytes = {0x31, 0xc0, 0xc3, 0x90};
  LinkSection data;
  data.name = ".data";
  data.type = elf::SHT_PROGBITS;
  data.flags = SECF_ALLOC | SECF_WRITE;
  data.addr = 0x1000;
  data.size = 24;
  data.bytes.assign(24, 0);
  img->sections.push_back(text);
  img->sections.push_back(data);
  img->segments.push_back(LinkSegment{elf::PT_LOAD, 5, 0, 0, 0x104, 0x104, 0x1000});
  img->segments.push_back(LinkSegment{elf::PT_LOAD, 6, 0x1000, 0x1000, 24, 24, 0x1000});
  LinkSymbol f;
  f.name = "f";
  f.value = 0x100;
  f.size = 3;
  f.info = elf::STB_GLOBAL << 4 | elf::STT_FUNC;
  f.shndx = 1;
  img->symbols.emplace_back();
  img->symbols.push_back(f);
  img->dynrelocs.push_back(LinkDynReloc{0x1000, 8, "", 0x102});
  img->dynrelocs.push_back(LinkDynReloc{0x1008, 6, "ext", 0});
  img->dynrelocs.push_back(LinkDynReloc{0x1010, 6, "f", 0});
  return img;
}

}  // namespace

TEST(jit_probe_reports_refusal_without_executing) {
  FakeMem ok, no;
  no.refuse_rx = true;
  CHECK(jit_probe_exec_mem(ok.vt()));
  CHECK(!jit_probe_exec_mem(no.vt()));
  CHECK_EQ(ok.maps, 1);
  CHECK_EQ(ok.unmaps, 1);  // the probe page is released, never called
  CHECK_EQ(no.unmaps, 1);
}

TEST(jit_maps_relocates_and_protects) {
  Captured cap;
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {&cap, Captured::report};
  Compiler c(env, host());
  FakeMem fm;
  static int ext_object = 7;
  {
    CfreeJit j;
    j.mem = fm.vt();
    j.img = sample_image();
    bool ok = jit_map_image(c, j, [](const char* n) -> u64 {
      return std::strcmp(n, "ext") == 0 ? reinterpret_cast<u64>(&ext_object) : 0;
    }, CfreeJitHost{});
    CHECK(ok);
    CHECK_EQ(cap.text, std::string());
    u64 b = reinterpret_cast<u64>(j.base);
    CHECK_EQ(elf::get64(j.base + 0x1000), b + 0x102);
    CHECK_EQ(elf::get64(j.base + 0x1008), reinterpret_cast<u64>(&ext_object));
    CHECK_EQ(elf::get64(j.base + 0x1010), b + 0x100);  // the image's own f first
    CHECK_EQ(j.lookup("f"), b + 0x100);
    CHECK_EQ(static_cast<int>(fm.prot[b]), static_cast<int>(CFREE_PROT_RX));
    CHECK_EQ(static_cast<int>(fm.prot[b + 0x1000]), static_cast<int>(CFREE_PROT_RW));
    const char* name = nullptr;
    u64 off = 0;
    CHECK(j.symbolize(b + 0x101, &name, &off));
    CHECK_EQ(std::string(name), std::string("f"));
    CHECK_EQ(off, 1u);
    CHECK(!j.symbolize(b + j.span, &name, &off));
  }
  CHECK_EQ(fm.unmaps, 1);
}

TEST(jit_undefined_symbol_is_an_error) {
  Captured cap;
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {&cap, Captured::report};
  Compiler c(env, host());
  FakeMem fm;
  CfreeJit j;
  j.mem = fm.vt();
  j.img = sample_image();
  CHECK(!jit_map_image(c, j, [](const char*) -> u64 { return 0; }, CfreeJitHost{}));
  CHECK(cap.text.find("undefined reference to 'ext'") != std::string::npos);
}
