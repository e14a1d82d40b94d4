// core_test.cpp: unit tests for src/core -- arenas, interning, the source
// manager and diagnostic rendering.
#include "core/compiler.h"
#include "unit.h"

#include <string>
#include <vector>

using namespace cfree;

namespace {

struct Captured {
  std::vector<std::string> rendered;
  std::vector<CfreeDiagnostic> diags;
  static void report(void* ctx, const CfreeDiagnostic* d) {
    static_cast<Captured*>(ctx)->rendered.push_back(d->rendered);
  }
};

CfreeEnv test_env(Captured* cap) {
  CfreeEnv env{};
  env.heap = libc_heap();
  env.diag = {cap, Captured::report};
  return env;
}

CfreeTarget host() { return CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF}; }

}  // namespace

TEST(arena_alignment_and_growth) {
  Arena a(libc_heap(), 256);
  void* p1 = a.alloc(3, 1);
  void* p2 = a.alloc(8, 8);
  CHECK(p1 != nullptr);
  CHECK_EQ(reinterpret_cast<uintptr_t>(p2) % 8, 0u);
  // Larger than a chunk: served from an oversized chunk.
  char* big = static_cast<char*>(a.alloc(10000, 16));
  std::memset(big, 1, 10000);
  CHECK_EQ(reinterpret_cast<uintptr_t>(big) % 16, 0u);
  // Small allocations keep coming from the current chunk after a big one.
  char* s = static_cast<char*>(a.alloc(16, 1));
  CHECK(s != nullptr);
  a.reset();
  char* d = a.dup("hello", 5);
  CHECK_EQ(std::string(d), std::string("hello"));
}

TEST(interner_identity) {
  Interner in(libc_heap());
  Sym a = in.intern("foo");
  Sym b = in.intern("bar");
  Sym c = in.intern(std::string("foo").c_str());
  CHECK(a != 0);
  CHECK(a != b);
  CHECK_EQ(a, c);
  CHECK_EQ(std::string(in.str(a)), std::string("foo"));
  CHECK_EQ(in.len(b), 3u);
  CHECK_EQ(in.intern("", 0), 0u);
  CHECK_EQ(in.find("bar", 3), b);
  CHECK_EQ(in.find("baz", 3), 0u);
  // Growth keeps identities.
  std::vector<Sym> ids;
  for (int i = 0; i < 20000; i++) ids.push_back(in.intern(("s" + std::to_string(i)).c_str()));
  for (int i = 0; i < 20000; i += 997) CHECK_EQ(in.intern(("s" + std::to_string(i)).c_str()), ids[i]);
  CHECK_EQ(in.intern("foo"), a);
}

TEST(source_manager_lines_and_includes) {
  SourceManager sm;
  const char main_c[] = "int a;\n#include \"x.h\"\nint b;\n";
  const char x_h[] = "int x;\n  int y;\n";
  Loc mb, xb;
  FileId m = sm.add_file("main.c", main_c, sizeof main_c - 1, 0, CFREE_FILE_USER, &mb);
  FileId x = sm.add_file("x.h", x_h, sizeof x_h - 1, mb + 7, CFREE_FILE_USER, &xb);
  CHECK(m != x);
  SourceManager::Presumed p;
  CHECK(sm.presumed(xb + 9, &p));  // "int y" -> line 2, col 3
  CHECK_EQ(std::string(p.file), std::string("x.h"));
  CHECK_EQ(p.line, 2u);
  CHECK_EQ(p.column, 3u);
  CHECK_EQ(p.include_loc, mb + 7);
  CHECK(sm.presumed(mb + 22, &p));  // "int b" on line 3
  CHECK_EQ(p.line, 3u);
  CHECK_EQ(p.column, 1u);
  CHECK(!sm.presumed(0, &p));
  CHECK_EQ(sm.file_count(), 2u);
}

TEST(source_manager_macro_and_line_directive) {
  SourceManager sm;
  const char src[] = "#define N 42\nint a = N;\n#line 100 \"foo.c\"\nint b;\n";
  Loc base;
  sm.add_file("t.c", src, sizeof src - 1, 0, CFREE_FILE_USER, &base);
  // Expansion of N at "int a = N;" (offset 21), spelled at "42" (offset 10).
  Loc exp = sm.add_expansion(base + 10, 2, base + 21, base + 22);
  CHECK(sm.is_macro(exp + 1));
  CHECK_EQ(sm.spelling(exp + 1), base + 11);
  CHECK_EQ(sm.expansion(exp + 1), base + 21);
  SourceManager::Presumed p;
  CHECK(sm.presumed(exp, &p));
  CHECK_EQ(p.line, 2u);
  CHECK_EQ(p.column, 9u);
  // #line on line 3 renames line 4 to foo.c:100.
  sm.add_line_directive(base + 24, 100, "foo.c");
  CHECK(sm.presumed(base + 42, &p));
  CHECK_EQ(std::string(p.file), std::string("foo.c"));
  CHECK_EQ(p.line, 100u);
}

TEST(diagnostic_rendering_gcc_style) {
  Captured cap;
  Compiler c(test_env(&cap), host());
  const char h[] = "int f(void) {\n  return x\n}\n";
  const char m[] = "#include \"f.h\"\nint main;\n";
  Loc mb, hb;
  c.sources.add_file("main.c", m, sizeof m - 1, 0, CFREE_FILE_USER, &mb);
  c.sources.add_file("f.h", h, sizeof h - 1, mb, CFREE_FILE_USER, &hb);
  c.diags.reportf(CFREE_SEV_ERROR, hb + 24, "expected '%s' after return statement", ";");
  CHECK_EQ(cap.rendered.size(), 1u);
  CHECK_EQ(cap.rendered[0],
           std::string("In file included from main.c:1:\n"
                       "f.h:2:11: error: expected ';' after return statement\n"
                       "    2 |   return x\n"
                       "      |           ^\n"));
  CHECK_EQ(c.diags.errors(), 1u);
  // Same file again: no repeated include chain, notes have no chain either.
  c.diags.reportf(CFREE_SEV_NOTE, hb + 4, "declared here");
  CHECK_EQ(cap.rendered[1], std::string("f.h:1:5: note: declared here\n"
                                        "    1 | int f(void) {\n"
                                        "      |     ^\n"));
}

TEST(diagnostic_range_and_warning_policy) {
  Captured cap;
  Compiler c(test_env(&cap), host());
  const char s[] = "int v = a + b;\n";
  Loc b;
  c.sources.add_file("r.c", s, sizeof s - 1, 0, CFREE_FILE_USER, &b);
  auto warn = [&](const char* opt) {
    return c.diags.reportr(CFREE_SEV_WARNING, b + 10, b + 8, b + 13, opt, "suspicious");
  };
  CHECK_EQ(warn("unused-value"), -1);  // in -Wall, off by default
  c.diags.set_warning_flag("all");
  CHECK_EQ(warn("unused-value"), CFREE_SEV_WARNING);
  CHECK_EQ(cap.rendered.back(), std::string("r.c:1:11: warning: suspicious [-Wunused-value]\n"
                                            "    1 | int v = a + b;\n"
                                            "      |         ~~^~~\n"));
  c.diags.set_warning_flag("no-unused-value");
  CHECK_EQ(warn("unused-value"), -1);
  c.diags.set_warning_flag("error=overflow");
  CHECK_EQ(warn("overflow"), CFREE_SEV_ERROR);
  CHECK(cap.rendered.back().find("error: suspicious [-Werror=overflow]") != std::string::npos);
  CfreeDiagOptions o{};
  o.suppress_warnings = 1;
  c.diags.set_options(o);
  CHECK_EQ(warn("overflow"), -1);
  CHECK(!c.diags.set_warning_flag("bad flag!"));
}

TEST(diagnostic_fatal_throws_and_error_limit) {
  Captured cap;
  Compiler c(test_env(&cap), host());
  bool thrown = false;
  try {
    c.fatal(0, "cannot open %s", "x.c");
  } catch (const Fatal&) {
    thrown = true;
  }
  CHECK(thrown);
  CHECK_EQ(cap.rendered.back(), std::string("cfree: fatal error: cannot open x.c\n"));
  CfreeDiagOptions o{};
  o.max_errors = 2;
  c.diags.set_options(o);
  thrown = false;
  try {
    c.error(0, "e1");
    c.error(0, "e2");
  } catch (const Fatal&) {
    thrown = true;
  }
  CHECK(thrown);
  CHECK_EQ(cap.rendered.back(), std::string("cfree: fatal error: too many errors emitted, stopping now\n"));
}

TEST(diagnostic_color_only_when_asked) {
  Captured cap;
  Compiler c(test_env(&cap), host());
  CfreeDiagOptions o{};
  o.color = 1;
  c.diags.set_options(o);
  c.diags.reportf(CFREE_SEV_WARNING, 0, "w");
  CHECK(cap.rendered.back().find("\033[") != std::string::npos);
  o.color = 0;
  c.diags.set_options(o);
  c.diags.reportf(CFREE_SEV_WARNING, 0, "w");
  CHECK(cap.rendered.back().find("\033[") == std::string::npos);
}

TEST(guard_converts_exceptions_to_status) {
  Captured cap;
  Compiler c(test_env(&cap), host());
  CHECK_EQ(guard(&c, [&]() -> CfreeStatus { c.fatal(0, "boom"); }), CFREE_ERR_COMPILE);
  CHECK_EQ(guard(&c, [&]() -> CfreeStatus { CFREE_ASSERT(1 == 2); return CFREE_OK; }),
           CFREE_ERR_INTERNAL);
  CHECK(cap.rendered.back().find("internal compiler error") != std::string::npos);
  CHECK_EQ(guard(&c, [&]() -> CfreeStatus { return CFREE_OK; }), CFREE_OK);
}
