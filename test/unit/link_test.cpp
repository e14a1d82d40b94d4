// link_test.cpp: unit tests of src/link -- the linker-script reader, and a
// whole link of hand-built ObjBuilders into an image (no files, no gcc).
#include "core/compiler.h"
#include "link/link.h"
#include "obj/elf.h"
#include "unit.h"

#include <string>
#include <vector>

using namespace cfree;

namespace {

struct Collect : ScriptSink {
  std::vector<std::string> log;
  bool file(const std::string& p, bool as_needed) override {
    log.push_back((as_needed ? "N:" : "F:") + p);
    return true;
  }
  void group(bool begin) override { log.push_back(begin ? "(" : ")"); }
};

CfreeEnv quiet_env() {
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {nullptr, [](void*, const CfreeDiagnostic*) {}};
  return env;
}

}  // namespace

TEST(link_script_libc_stub) {
  CfreeEnv env = quiet_env();
  Compiler c(env, cfree_target_host());
  const char* s =
      "/* GNU ld script */\nOUTPUT_FORMAT(elf64-x86-64)\n"
      "GROUP ( /lib/libc.so.6 /usr/lib/libc_nonshared.a  AS_NEEDED ( /lib64/ld.so.2 ) )\n"
      "INPUT(-lfoo)\n";
  Collect k;
  CHECK(link_parse_script(c, "libc.so", s, std::strlen(s), k));
  std::vector<std::string> want = {"(", "F:/lib/libc.so.6", "F:/usr/lib/libc_nonshared.a",
                                   "N:/lib64/ld.so.2", ")", "F:-lfoo"};
  CHECK(k.log == want);
  Collect bad;
  const char* b = "SECTIONS { . = 0x1000; }";
  CHECK(!link_parse_script(c, "x.ld", b, std::strlen(b), bad));
  CHECK_EQ(c.diags.errors(), 1u);
}

TEST(link_static_image_from_builders) {
  CfreeEnv env = quiet_env();
  Compiler c(env, cfree_target_host());
  // a.o: _start: call f; ret   (f in b.o, reached through R_X86_64_PLT32)
  auto a = std::make_unique<ObjBuilder>(c, c.target);
  ObjSecId ta = a->section_named(".text", SecKind::Text);
  const u8 code[] = {0xe8, 0, 0, 0, 0, 0xc3};
  a->write(ta, code, sizeof code);
  ObjSymId start = a->global(c.syms.intern("_start"));
  a->define(start, ta, 0, sizeof code);
  ObjSymId f = a->global(c.syms.intern("f"));
  a->reloc(ta, 1, RelocKind::Plt32, f, -4);
  a->finalize();
  auto b = std::make_unique<ObjBuilder>(c, c.target);
  ObjSecId tb = b->section_named(".text", SecKind::Text);
  const u8 ret[] = {0xc3};
  b->write(tb, ret, 1);
  b->define(b->global(c.syms.intern("f")), tb, 0, 1);
  b->finalize();
  LinkOptions o;
  o.output = LinkOutput::Exec;
  o.static_link = true;
  Linker l(c, o);
  CHECK(l.add_object(std::move(a), "a.o"));
  CHECK(l.add_object(std::move(b), "b.o"));
  std::unique_ptr<LinkImage> img = l.link();
  CHECK(img != nullptr);
  const LinkSection* text = nullptr;
  for (const LinkSection& s : img->sections)
    if (s.name == ".text") text = &s;
  CHECK(text != nullptr);
  CHECK_EQ(img->entry, text->addr);
  // The call lands on f, right after _start's 6 bytes: rel32 = 6 - 5 = 1.
  CHECK_EQ(text->bytes.size(), size_t(7));
  CHECK_EQ(elf::get32(text->bytes.data() + 1), 1u);
  CHECK_EQ(img->elf_type, u16(elf::ET_EXEC));
}

TEST(link_undefined_and_duplicate_are_errors) {
  CfreeEnv env = quiet_env();
  Compiler c(env, cfree_target_host());
  auto mk = [&](const char* def, const char* ref) {
    auto ob = std::make_unique<ObjBuilder>(c, c.target);
    ObjSecId t = ob->section_named(".text", SecKind::Text);
    const u8 code[] = {0xe8, 0, 0, 0, 0};
    ob->write(t, code, sizeof code);
    ob->define(ob->global(c.syms.intern(def)), t, 0, 5);
    if (ref) ob->reloc(t, 1, RelocKind::Plt32, ob->global(c.syms.intern(ref)), -4);
    ob->finalize();
    return ob;
  };
  LinkOptions o;
  o.output = LinkOutput::Exec;
  o.static_link = true;
  {
    Linker l(c, o);
    CHECK(l.add_object(mk("_start", "nowhere"), "a.o"));
    bool threw = false;
    try {
      l.link();
    } catch (const Fatal&) {
      threw = true;
    }
    CHECK(threw);
    CHECK_EQ(c.diags.errors(), 1u);
  }
  {
    Linker l(c, o);
    l.add_object(mk("_start", nullptr), "a.o");
    l.add_object(mk("_start", nullptr), "b.o");
    CHECK_EQ(c.diags.errors(), 2u);  // one more: multiple definition
  }
}
