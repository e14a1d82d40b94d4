// obj_test.cpp: unit tests for src/obj -- chunked section storage, the
// ELF64 writer and reader (the seed's invariant: read(write(ob)) is
// equivalent to ob), malformed-input handling, and MCEmitter fixups.
#include "arch/mc.h"
#include "core/compiler.h"
#include "obj/archive.h"
#include "obj/elf.h"
#include "obj/obj.h"
#include "unit.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace cfree;

namespace {

struct Diags {
  std::vector<std::string> msgs;
  static void report(void* ctx, const CfreeDiagnostic* d) {
    static_cast<Diags*>(ctx)->msgs.push_back(d->rendered);
  }
};

CfreeEnv env_for(Diags* d) {
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {d, Diags::report};
  return env;
}

CfreeTarget x64() { return CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF}; }

// A builder exercising every feature the writer handles.
void build_sample(ObjBuilder& ob) {
  Interner& in = ob.syms();
  ObjSecId text = ob.section_named(".text", SecKind::Text);
  ObjSecId data = ob.section_named(".data", SecKind::Data);
  ObjSecId bss = ob.section_named(".bss", SecKind::Bss);
  ObjSecId ro = ob.section_named(".rodata.str1.1", SecKind::RoData);
  ObjSecId tdata = ob.section_named(".tdata", SecKind::TData);
  ob.section_mut(ro).flags |= SECF_MERGE | SECF_STRINGS;
  ob.section_mut(ro).entsize = 1;
  ObjSymbol file;
  file.name = in.intern("sample.c");
  file.type = SymType::File;
  file.place = SymPlace::Abs;
  ob.symbol(file);
  static const u8 code[] = {0x55, 0x48, 0x89, 0xe5, 0xe8, 0, 0, 0, 0, 0x5d, 0xc3};
  ob.align_to(text, 16);
  ob.write(text, code, sizeof code);
  ObjSymId f = ob.global(in.intern("f"));
  ob.sym(f).type = SymType::Func;
  ob.define(f, text, 0, sizeof code);
  ObjSymId ext = ob.global(in.intern("callee"));
  ob.reloc(text, 5, RelocKind::Plt32, ext, -4);
  ob.write(ro, "hi\0", 3);
  ob.write_le(data, 0, 8);
  ob.reloc(data, 0, RelocKind::Abs64, ob.section_symbol(ro), 0);
  ObjSymbol local;
  local.name = in.intern("counter");
  local.type = SymType::Object;
  u64 off = ob.reserve_bss(bss, 4, 4);
  ObjSymId c = ob.symbol(local);
  ob.define(c, bss, off, 4);
  ob.write_le(tdata, 7, 4);
  ObjSymId t = ob.global(in.intern("tls_var"));
  ob.sym(t).type = SymType::Tls;
  ob.sym(t).vis = SymVis::Hidden;
  ob.define(t, tdata, 0, 4);
  ObjSymbol com;
  com.name = in.intern("common_var");
  com.bind = SymBind::Global;
  com.type = SymType::Object;
  com.place = SymPlace::Common;
  com.value = 16;
  com.size = 64;
  ob.symbol(com);
  ObjSymId w = ob.global(in.intern("weak_ref"));
  ob.sym(w).bind = SymBind::Weak;
  // A COMDAT group with a function and its relocated data.
  ObjSymId sig = ob.global(in.intern("inline_fn"));
  ObjGroupId g = ob.group(sig);
  ObjSecDesc d;
  d.name = ".text.inline_fn";
  d.kind = SecKind::Text;
  d.group = g;
  ObjSecId gt = ob.section(d);
  ob.write(gt, code, sizeof code);
  ob.sym(sig).type = SymType::Func;
  ob.define(sig, gt, 0, sizeof code);
  ob.reloc(gt, 5, RelocKind::Pc32, c, -4);
  obj_add_standard_sections(ob, "cfree test");
  ob.finalize();
}

std::string describe_sym(const ObjBuilder& ob, ObjSymId id) {
  const ObjSymbol& s = ob.symbol_get(id);
  std::string r = ob.symbol_name(id);
  if (s.type == SymType::Section) r = std::string("[sec ") + ob.section_name(s.sec) + "]";
  r += "/" + std::to_string(int(s.bind)) + std::to_string(int(s.type)) + std::to_string(int(s.vis)) +
       std::to_string(int(s.place));
  if (s.place == SymPlace::Section) r += std::string("@") + ob.section_name(s.sec);
  r += "+" + std::to_string(s.value) + "," + std::to_string(s.size);
  return r;
}

// Equivalence: same sections in order (all properties and bytes), same
// symbols as a set, same relocations (symbols compared by description).
void check_equivalent(const ObjBuilder& a, const ObjBuilder& b) {
  CHECK_EQ(a.num_sections(), b.num_sections());
  if (a.num_sections() != b.num_sections()) return;
  for (ObjSecId s = 1; s <= a.num_sections(); s++) {
    const ObjSection& x = a.section_get(s);
    const ObjSection& y = b.section_get(s);
    CHECK_EQ(std::string(a.section_name(s)), std::string(b.section_name(s)));
    CHECK(x.kind == y.kind);
    CHECK(x.sem == y.sem);
    CHECK_EQ(x.flags, y.flags);
    CHECK_EQ(x.align, y.align);
    CHECK_EQ(x.entsize, y.entsize);
    CHECK_EQ(x.size, y.size);
    CHECK(a.bytes(s) == b.bytes(s));
    CHECK_EQ(x.group != 0, y.group != 0);
    auto ra = a.relocs(s), rb = b.relocs(s);
    CHECK_EQ(ra.size(), rb.size());
    for (size_t i = 0; i < ra.size() && i < rb.size(); i++) {
      CHECK_EQ(ra[i].offset, rb[i].offset);
      CHECK_EQ(ra[i].type, rb[i].type);
      CHECK(ra[i].kind == rb[i].kind);
      CHECK_EQ(ra[i].addend, rb[i].addend);
      CHECK_EQ(describe_sym(a, ra[i].sym), describe_sym(b, rb[i].sym));
    }
  }
  std::vector<std::string> sa, sb;
  for (ObjSymId i = 1; i <= a.num_symbols(); i++) sa.push_back(describe_sym(a, i));
  for (ObjSymId i = 1; i <= b.num_symbols(); i++) sb.push_back(describe_sym(b, i));
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  CHECK(sa == sb);
  CHECK_EQ(a.num_groups(), b.num_groups());
  for (ObjGroupId g = 1; g <= a.num_groups() && g <= b.num_groups(); g++) {
    CHECK_EQ(describe_sym(a, a.group_get(g).signature), describe_sym(b, b.group_get(g).signature));
    CHECK_EQ(a.group_get(g).members.size(), b.group_get(g).members.size());
    CHECK_EQ(a.group_get(g).flags, b.group_get(g).flags);
  }
}

}  // namespace

TEST(obj_chunks_append_and_patch) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder ob(c, x64());
  ObjSecId s = ob.section_named(".data", SecKind::Data);
  std::vector<u8> ref;
  for (u32 i = 0; i < 300000; i++) {
    u8 b = static_cast<u8>(i * 7 + (i >> 8));
    ref.push_back(b);
    ob.write_u8(s, b);
  }
  // Patch across a chunk boundary (256+512 = 768) and a big-chunk boundary.
  u8 p[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  for (u64 off : {u64(764), u64(65280 - 3), u64(130816 - 4), u64(196352 - 2)}) {
    ob.patch(s, off, p, 8);
    std::memcpy(&ref[off], p, 8);
  }
  CHECK(ob.bytes(s) == ref);
  CHECK_EQ(ob.read_le(s, 764, 4), u64(0x04030201));
  size_t idx;
  u64 in;
  ObjBuilder::chunk_of(0, &idx, &in);
  CHECK_EQ(idx, size_t(0));
  ObjBuilder::chunk_of(256, &idx, &in);
  CHECK_EQ(idx, size_t(1));
  CHECK_EQ(in, u64(0));
  ObjBuilder::chunk_of(65280 + 65536 + 5, &idx, &in);  // 8 small chunks hold 65280
  CHECK_EQ(idx, size_t(9));
  CHECK_EQ(in, u64(5));
}

TEST(obj_elf_roundtrip) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder a(c, x64());
  build_sample(a);
  std::vector<u8> img;
  elf_write_bytes(a, &img);
  ObjBuilder b(c, x64());
  CHECK(elf_read(b, "sample.o", img.data(), img.size()));
  check_equivalent(a, b);
  // Writing what we read gives the same bytes again.
  std::vector<u8> img2;
  elf_write_bytes(b, &img2);
  CHECK(img == img2);
  CHECK(d.msgs.empty());
}

TEST(obj_elf_layout) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder a(c, x64());
  build_sample(a);
  std::vector<u8> img;
  elf_write_bytes(a, &img);
  using namespace elf;
  CHECK_EQ(get16(&img[16]), u16(ET_REL));
  CHECK_EQ(get16(&img[18]), u16(EM_X86_64));
  // The symbol table's sh_info is one past the last local.
  u64 shoff = get64(&img[40]);
  u16 shnum = get16(&img[60]);
  bool saw_group = false, saw_symtab = false;
  for (u16 i = 1; i < shnum; i++) {
    Shdr sh = read_shdr(&img[shoff + u64(i) * 64]);
    if (sh.type == SHT_GROUP) {
      saw_group = true;
      CHECK_EQ(get32(&img[sh.offset]), u32(GRP_COMDAT));
      CHECK_EQ(sh.size, u64(12));  // flag, section, its .rela
    }
    if (sh.type == SHT_SYMTAB) {
      saw_symtab = true;
      for (u64 k = 1; k < sh.size / 24; k++) {
        u8 bind = img[sh.offset + k * 24 + 4] >> 4;
        CHECK_EQ(bind == STB_LOCAL, k < sh.info);
      }
    }
  }
  CHECK(saw_group);
  CHECK(saw_symtab);
}

TEST(obj_elf_malformed_inputs_are_diagnosed) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder a(c, x64());
  build_sample(a);
  std::vector<u8> img;
  elf_write_bytes(a, &img);
  // Every truncation fails cleanly with a diagnostic.
  for (size_t n = 0; n < img.size(); n += 7) {
    ObjBuilder b(c, x64());
    d.msgs.clear();
    bool ok = elf_read(b, "t.o", img.data(), n);
    CHECK(!ok);
    CHECK(!d.msgs.empty() && d.msgs[0].find("malformed ELF") != std::string::npos);
  }
  // Byte corruption anywhere never crashes (it may or may not be rejected).
  u32 seed = 12345;
  for (int iter = 0; iter < 3000; iter++) {
    std::vector<u8> bad = img;
    for (int k = 0; k < 4; k++) {
      seed = seed * 1103515245 + 12345;
      size_t pos = (seed >> 8) % bad.size();
      seed = seed * 1103515245 + 12345;
      bad[pos] = static_cast<u8>(seed >> 16);
    }
    ObjBuilder b(c, x64());
    bool ok = elf_read(b, "f.o", bad.data(), bad.size());
    if (ok) {
      std::vector<u8> again;
      elf_write_bytes(b, &again);
      CHECK(!again.empty());
    }
  }
  ObjBuilder e(c, x64());
  d.msgs.clear();
  CHECK(!elf_read(e, "x.o", reinterpret_cast<const u8*>("!<arch>\n"), 8));
  CHECK(!d.msgs.empty() && d.msgs[0].find("x.o: malformed ELF") != std::string::npos);
}

TEST(mc_labels_fixups_and_relaxation) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder ob(c, x64());
  MCEmitter mc(ob);
  ObjSecId text = ob.section_named(".text", SecKind::Text);
  ObjSecId ro = ob.section_named(".rodata", SecKind::RoData);
  mc.switch_section(text);
  MCLabel top = mc.label_new(), fwd = mc.label_new(), far = mc.label_new();
  mc.label_place(top);
  mc.emit_u8(0x90);
  static const u8 jmp8[] = {0xeb}, jmp32[] = {0xe9};
  CHECK(mc.branch(top, jmp8, jmp32));   // backward, close: short
  CHECK(!mc.branch(fwd, jmp8, jmp32));  // forward: long for now
  mc.label_place(fwd);
  mc.align(16);
  CHECK_EQ(mc.offset(), u64(16));
  // A rip-relative reference to a label in another section -> relocation.
  mc.push_section(ro);
  mc.label_place(far);
  mc.emit_le(0x1234, 4);
  mc.pop_section();
  u64 at = mc.offset();
  mc.emit_le(0, 4);
  mc.fixup(at, far, FixupKind::Pc32, -4);
  mc.finalize();
  std::vector<u8> b = ob.bytes(text);
  CHECK_EQ(b[1], u8(0xeb));
  CHECK_EQ(b[2], u8(0xfd));  // -3: back to offset 0
  CHECK_EQ(b[3], u8(0xe9));
  CHECK_EQ(ob.read_le(text, 4, 4), u64(0));  // fwd is right after the jump
  CHECK_EQ(b[8], u8(0x0f));                  // 8 bytes of nop padding: 0f 1f 84 ...
  CHECK_EQ(ob.relocs(text).size(), size_t(1));
  CHECK(ob.relocs(text)[0].kind == RelocKind::Pc32);
  CHECK_EQ(ob.relocs(text)[0].addend, i64(-4));
  CHECK_EQ(ob.relocs(text)[0].offset, at);
}

TEST(obj_archive_write_read) {
  Diags d;
  Compiler c(env_for(&d), x64());
  ObjBuilder a(c, x64());
  build_sample(a);
  std::vector<u8> img;
  elf_write_bytes(a, &img);
  std::vector<ArWriteMember> ms(3);
  ms[0].name = "sample.o";
  ms[0].data = img.data();
  ms[0].size = img.size();
  CHECK(ar_defined_symbols(c, "sample.o", img.data(), img.size(), &ms[0].symbols));
  // f, tls_var, common_var, weak_ref is undefined, inline_fn; callee undefined.
  CHECK_EQ(ms[0].symbols.size(), size_t(4));
  static const u8 odd[] = {'x', 'y', 'z'};
  ms[1].name = "a-member-name-longer-than-sixteen.txt";
  ms[1].data = odd;
  ms[1].size = 3;
  ms[2].name = "another-long-member-name.o";
  ms[2].data = img.data();
  ms[2].size = img.size();
  ms[2].symbols = {"f2"};
  std::vector<u8> ar;
  ar_write(ms, true, &ar);
  Archive r;
  CHECK(ar_read(c, "t.a", ar.data(), ar.size(), &r));
  CHECK_EQ(r.members.size(), size_t(3));
  CHECK(r.has_index);
  CHECK_EQ(r.symbols.size(), size_t(5));
  if (r.members.size() == 3 && r.symbols.size() == 5) {
    CHECK(r.members[1].name == "a-member-name-longer-than-sixteen.txt");
    CHECK(r.members[2].name == "another-long-member-name.o");
    CHECK_EQ(r.members[1].size, size_t(3));
    CHECK(std::memcmp(r.members[0].data, img.data(), img.size()) == 0);
    CHECK(r.symbols[0].name == "f");
    CHECK_EQ(r.symbols[0].header_offset, r.members[0].header_offset);
    CHECK(r.symbols[4].name == "f2");
    CHECK_EQ(r.symbols[4].header_offset, r.members[2].header_offset);
    CHECK_EQ(r.members[0].mode, u32(0644));
  }
  // Truncations are diagnosed, never trusted.
  for (size_t n = 8; n < ar.size(); n += 13) {
    Archive t;
    d.msgs.clear();
    bool ok = ar_read(c, "t.a", ar.data(), n, &t);
    if (!ok) CHECK(!d.msgs.empty() && d.msgs[0].find("malformed archive") != std::string::npos);
  }
  Archive bad;
  CHECK(!ar_read(c, "bad.a", reinterpret_cast<const u8*>("!<arch>\nxx"), 10, &bad));
}
