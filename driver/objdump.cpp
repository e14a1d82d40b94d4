// objdump.cpp: `cfree objdump`, GNU objdump's common options over
// libcfree's object reader and disassembler (cfree_objdump in cfree.h).
//
// Options: -a -f -p -h -t -T -r -R -s -d -D -x (= -a -f -p -h -r -t), -j NAME,
// --start-address=A, --stop-address=A, and cfree's own --rewrite=OUT (read
// a relocatable object into libcfree's object model and write it back with
// libcfree's ELF writer; used to test the reader and writer against GNU ld).
// Each file is read whole and handed to the library as bytes.  A file that
// cannot be read or parsed is reported and makes the exit status 1; the
// other files are still dumped.
#include "driver.h"

#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace driver {

namespace {

const char* const kTool = "objdump";

void print_help() {
  std::printf(
      "Usage: cfree objdump <option(s)> <file(s)>\n"
      "Display information from ELF object files, archives, executables and shared libraries.\n"
      "At least one of the following switches must be given:\n"
      "  -a, --archive-headers    Display archive header information\n"
      "  -f, --file-headers       Display the contents of the overall file header\n"
      "  -p, --private-headers    Display the program headers of linked files\n"
      "  -h, --section-headers    Display the contents of the section headers\n"
      "  -x, --all-headers        Display the contents of all headers (-f -p -h -r -t)\n"
      "  -d, --disassemble        Display assembler contents of executable sections\n"
      "  -D, --disassemble-all    Display assembler contents of all sections\n"
      "  -s, --full-contents      Display the full contents of all sections requested\n"
      "  -t, --syms               Display the contents of the symbol table(s)\n"
      "  -r, --reloc              Display the relocation entries in the file\n"
      "  -T, --dynamic-syms       Display the contents of the dynamic symbol table\n"
      "  -R, --dynamic-reloc      Display the dynamic relocation entries in the file\n"
      "  --rewrite=FILE           (cfree) read a relocatable object and write it back to FILE\n"
      "Other options:\n"
      "  -j, --section=NAME       Only display information for section NAME\n"
      "  --start-address=ADDR     Only process data whose address is >= ADDR\n"
      "  --stop-address=ADDR      Only process data whose address is < ADDR\n"
      "  --help                   Display this information\n");
}

bool parse_addr(const char* s, uint64_t* out) {
  char* end;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 0);
  if (!*s || *end || errno) return false;
  *out = v;
  return true;
}

}  // namespace

int objdump_main(int argc, char** argv) {
  CfreeObjdumpOptions o{};
  std::vector<std::string> files, sections;
  std::string rewrite;
  bool any = false;
  for (int i = 1; i < argc; i++) {
    const char* a = argv[i];
    if (!std::strcmp(a, "--help")) {
      print_help();
      return kExitOk;
    }
    if (a[0] == '-' && a[1] == '-') {
      const char* eq = std::strchr(a, '=');
      std::string key = eq ? std::string(a, eq - a) : std::string(a);
      const char* val = eq ? eq + 1 : nullptr;
      if (key == "--file-headers") o.file_headers = 1, any = true;
      else if (key == "--archive-headers") o.archive_headers = 1, any = true;
      else if (key == "--private-headers") o.private_headers = 1, any = true;
      else if (key == "--section-headers" || key == "--headers") o.section_headers = 1, any = true;
      else if (key == "--all-headers") o.archive_headers = o.file_headers = o.private_headers = o.section_headers = o.relocs = o.syms = 1, any = true;
      else if (key == "--disassemble") o.disassemble = 1, any = true;
      else if (key == "--disassemble-all") o.disassemble_all = 1, any = true;
      else if (key == "--full-contents") o.full_contents = 1, any = true;
      else if (key == "--syms") o.syms = 1, any = true;
      else if (key == "--reloc") o.relocs = 1, any = true;
      else if (key == "--dynamic-syms") o.dynamic_syms = 1, any = true;
      else if (key == "--dynamic-reloc") o.dynamic_relocs = 1, any = true;
      else if (key == "--wide") {
      } else if (key == "--section") {
        if (!val) { error(kTool, "option '--section' needs a value"); return kExitUsage; }
        sections.push_back(val);
      } else if (key == "--start-address" || key == "--stop-address") {
        uint64_t v;
        if (!val || !parse_addr(val, &v)) {
          error(kTool, "bad address in '%s'", a);
          return kExitUsage;
        }
        if (key == "--start-address") o.has_start_address = 1, o.start_address = v;
        else o.has_stop_address = 1, o.stop_address = v;
      } else if (key == "--rewrite") {
        if (!val || !*val) { error(kTool, "option '--rewrite' needs a file name"); return kExitUsage; }
        rewrite = val;
        any = true;
      } else {
        error(kTool, "unrecognized option '%s'", a);
        return kExitUsage;
      }
      continue;
    }
    if (a[0] == '-' && a[1]) {
      for (const char* p = a + 1; *p; p++) {
        switch (*p) {
          case 'a': o.archive_headers = 1; any = true; break;
          case 'f': o.file_headers = 1; any = true; break;
          case 'p': o.private_headers = 1; any = true; break;
          case 'h': o.section_headers = 1; any = true; break;
          case 'x': o.archive_headers = o.file_headers = o.private_headers = o.section_headers = o.relocs = o.syms = 1; any = true; break;
          case 'd': o.disassemble = 1; any = true; break;
          case 'D': o.disassemble_all = 1; any = true; break;
          case 's': o.full_contents = 1; any = true; break;
          case 't': o.syms = 1; any = true; break;
          case 'r': o.relocs = 1; any = true; break;
          case 'T': o.dynamic_syms = 1; any = true; break;
          case 'R': o.dynamic_relocs = 1; any = true; break;
          case 'w': break;
          case 'j':
            if (p[1]) sections.push_back(p + 1);
            else if (i + 1 < argc) sections.push_back(argv[++i]);
            else { error(kTool, "option '-j' needs a section name"); return kExitUsage; }
            p += std::strlen(p) - 1;
            break;
          default:
            error(kTool, "invalid option -- '%c'", *p);
            return kExitUsage;
        }
      }
      continue;
    }
    files.push_back(a);
  }
  if (!any) {
    error(kTool, "no operation given: use at least one of -a -d -D -f -h -p -r -R -s -t -T -x");
    return kExitUsage;
  }
  if (files.empty()) files.push_back("a.out");
  if (!rewrite.empty() && files.size() != 1) {
    error(kTool, "--rewrite takes exactly one input file");
    return kExitUsage;
  }
  std::vector<const char*> secptrs;
  for (const std::string& s : sections) secptrs.push_back(s.c_str());
  o.only_sections = secptrs.empty() ? nullptr : secptrs.data();
  o.num_only_sections = secptrs.size();

  Host host(stderr_is_color_terminal());
  CfreeCompiler* c = cfree_compiler_new(&host.env, cfree_target_host());
  if (!c) {
    error(kTool, "out of memory");
    return kExitError;
  }
  int rc = kExitOk;
  for (const std::string& f : files) {
    std::string data, err;
    if (!read_file(f, &data, &err)) {
      error(kTool, "'%s': %s", f.c_str(), err.c_str());
      rc = kExitError;
      continue;
    }
    if (!rewrite.empty()) {
      OutputFile out(rewrite);
      if (!out.open(&err)) {
        error(kTool, "cannot open '%s': %s", rewrite.c_str(), err.c_str());
        rc = kExitError;
        break;
      }
      if (cfree_object_rewrite(c, f.c_str(), data.data(), data.size(), out.writer()) != CFREE_OK ||
          !out.commit(&err)) {
        if (!err.empty()) error(kTool, "%s", err.c_str());
        rc = kExitError;
      }
      continue;
    }
    // Dump into memory first, so a malformed file prints nothing but its error.
    std::string text;
    CfreeWriter w{&text, [](void* ctx, const void* p, size_t n) {
                    static_cast<std::string*>(ctx)->append(static_cast<const char*>(p), n);
                    return 0;
                  }};
    if (cfree_objdump(c, &o, f.c_str(), data.data(), data.size(), &w) != CFREE_OK) {
      rc = kExitError;
      continue;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  std::fflush(stdout);
  cfree_compiler_free(c);
  return rc;
}

}  // namespace driver
