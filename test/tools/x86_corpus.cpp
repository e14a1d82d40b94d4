// x86_corpus.cpp: writes the generated instruction corpus (test/unit/
// x86_corpus.h) for the differential test against GNU as and objdump
// (test/objdump/x86-encode-vs-gnu.test):
//   OUT.o    an ELF object whose .text holds every instruction, encoded by
//            cfree's encoder (symbol `corpus` at 0; branches jump to it)
//   OUT.txt  one line per instruction: hex bytes, a tab, cfree's AT&T text
//   OUT.s    cfree's text of every non-branch instruction, for GNU as
// Test-only: it links libcfree's internals directly.
#include "arch/x86_64/disasm.h"
#include "core/compiler.h"
#include "obj/obj.h"
#include "../unit/x86_corpus.h"

#include <cstdio>
#include <string>

using namespace cfree;
using namespace cfree::x86;

static bool lookup(void*, u64 addr, std::string* name) {
  char b[64];
  if (addr == 0) *name = "corpus";
  else {
    std::snprintf(b, sizeof b, "corpus+0x%llx", static_cast<unsigned long long>(addr));
    *name = b;
  }
  return true;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cfree-x86-corpus OUT\n");
    return 2;
  }
  std::string out = argv[1];
  CfreeEnv env{};
  env.heap = libc_heap();
  Compiler c(env, CfreeTarget{CFREE_ARCH_X86_64, CFREE_OS_LINUX, CFREE_OBJ_ELF});
  ObjBuilder ob(c, c.target);
  MCEmitter mc(ob);
  Encoder enc(mc);
  ObjSecId text = ob.section_named(".text", SecKind::Text);
  mc.switch_section(text);
  ObjSymId sym = ob.global(c.syms.intern("corpus"));
  MCLabel top = mc.label_new();
  mc.label_place(top);
  std::vector<u64> starts;
  for (const Insn& in : x86corpus::generate(6, top)) {
    u64 at = mc.offset();
    if (enc.try_emit(in)) starts.push_back(at);
  }
  ob.define(sym, text, 0, mc.offset());
  mc.finalize();
  std::vector<u8> img;
  elf_write_bytes(ob, &img);
  std::vector<u8> code = ob.bytes(text);
  FILE* fo = std::fopen((out + ".o").c_str(), "wb");
  FILE* ft = std::fopen((out + ".txt").c_str(), "w");
  FILE* fs = std::fopen((out + ".s").c_str(), "w");
  if (!fo || !ft || !fs) return 1;
  std::fwrite(img.data(), 1, img.size(), fo);
  std::fprintf(fs, "\t.text\n");
  starts.push_back(code.size());
  for (size_t i = 0; i + 1 < starts.size(); i++) {
    u64 a = starts[i], n = starts[i + 1] - a;
    Decoded d;
    std::string t;
    if (x86_decode(&code[a], n, &d) != n) {
      t = "(bad)";
    } else {
      x86_format(d, a, SymLookup{nullptr, lookup}, &t);
    }
    for (u64 k = 0; k < n; k++) std::fprintf(ft, "%s%02x", k ? " " : "", code[a + k]);
    std::fprintf(ft, "\t%s\n", t.c_str());
    bool branch = d.rel_size != 0;
    if (!branch) {
      std::string s = t.substr(0, t.find('#'));
      std::fprintf(fs, "\t%s\n", s.c_str());
    }
  }
  std::fclose(fo);
  std::fclose(ft);
  std::fclose(fs);
  return 0;
}
