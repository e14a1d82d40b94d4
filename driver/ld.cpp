// ld.cpp: `cfree ld`, a linker taking GNU ld's common options.
//
//   cfree ld [options] file... -lNAME ... -o OUT
//
// The driver's part is the command line and the file system: it parses the
// options, searches -L directories (then the system's multiarch library
// directories) for -lNAME (libNAME.so before libNAME.a unless -Bstatic/
// -static), reads each input, expands linker-script stubs such as glibc's
// libc.so (GROUP/INPUT/AS_NEEDED) through cfree_link_script, and hands
// bytes to libcfree's linker (cfree_linker_*).  The output is written
// beside its destination and renamed into place only if the link
// succeeded, so a failed link leaves no file behind.  `cfree cc` links
// through ld_run with the arguments gcc would pass to collect2.
#include "driver.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace driver {

namespace {

const char* const kTool = "ld";

struct LdState {
  CfreeCompiler* c = nullptr;
  CfreeLinker* l = nullptr;
  std::vector<std::string> lib_dirs;
  bool bstatic = false;
  bool whole = false;
  bool as_needed = false;
  int depth = 0;
  bool ok = true;
};

bool file_exists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string find_lib(const LdState& st, const std::string& name, bool* found) {
  *found = false;
  for (const std::string& d : st.lib_dirs) {
    if (!name.empty() && name[0] == ':') {
      std::string p = d + "/" + name.substr(1);
      if (file_exists(p)) return *found = true, p;
      continue;
    }
    if (!st.bstatic) {
      std::string so = d + "/lib" + name + ".so";
      if (file_exists(so)) return *found = true, so;
    }
    std::string a = d + "/lib" + name + ".a";
    if (file_exists(a)) return *found = true, a;
  }
  return "";
}

bool add_file(LdState& st, const std::string& path, bool as_needed);

struct ScriptCtx {
  LdState* st;
  std::string script;
};

int script_file(void* ctx, const char* path, int as_needed) {
  ScriptCtx* sc = static_cast<ScriptCtx*>(ctx);
  std::string p = path;
  if (p.rfind("-l", 0) == 0) {
    bool found;
    std::string f = find_lib(*sc->st, p.substr(2), &found);
    if (!found) {
      error(kTool, "cannot find %s (named in %s)", path, sc->script.c_str());
      return 0;
    }
    p = f;
  } else if (!file_exists(p) && p[0] != '/') {
    for (const std::string& d : sc->st->lib_dirs)
      if (file_exists(d + "/" + p)) {
        p = d + "/" + p;
        break;
      }
  }
  return add_file(*sc->st, p, as_needed || sc->st->as_needed) ? 1 : 0;
}

void script_group(void* ctx, int begin) {
  ScriptCtx* sc = static_cast<ScriptCtx*>(ctx);
  cfree_linker_group(sc->st->l, begin);
}

bool add_file(LdState& st, const std::string& path, bool as_needed) {
  FileData data;
  std::string err;
  if (!data.open(path, &err)) {
    error(kTool, "cannot open %s: %s", path.c_str(), err.c_str());
    return false;
  }
  if (cfree_is_linker_script(data.data(), data.size())) {
    if (++st.depth > 16) {
      error(kTool, "%s: linker scripts nested too deeply", path.c_str());
      return false;
    }
    ScriptCtx sc{&st, path};
    CfreeScriptSink sink{&sc, script_file, script_group};
    bool ok = cfree_link_script(st.c, path.c_str(), data.data(), data.size(), &sink) == CFREE_OK;
    st.depth--;
    return ok;
  }
  return cfree_linker_add(st.l, path.c_str(), data.data(), data.size(), st.whole, as_needed) == CFREE_OK;
}

void print_help() {
  std::printf(
      "Usage: cfree ld [options] file...\n"
      "Options (GNU ld spelling):\n"
      "  -o FILE                 output file (default a.out)\n"
      "  -lNAME, -l:FILE         search for libNAME.so / libNAME.a (or FILE)\n"
      "  -L DIR                  add DIR to the library search path\n"
      "  -static, -Bstatic       link static archives only; -Bdynamic to undo\n"
      "  -shared                 make a shared library\n"
      "  -pie, -no-pie           position-independent executable (default: -no-pie)\n"
      "  -e SYMBOL               entry point (default _start)\n"
      "  --dynamic-linker PATH   the program interpreter\n"
      "  -rpath DIR              add DIR to DT_RUNPATH\n"
      "  -soname NAME            DT_SONAME of a shared library\n"
      "  --start-group ... --end-group   search archives repeatedly\n"
      "  --whole-archive, --no-whole-archive\n"
      "  --as-needed, --no-as-needed\n"
      "  --gc-sections           drop unreferenced sections\n"
      "  --export-dynamic, -E    export all symbols\n"
      "  --build-id[=STYLE]      add a build-id note\n"
      "  -s, --strip-all         omit the symbol table\n"
      "  -u SYMBOL               treat SYMBOL as undefined\n"
      "  -m EMULATION, -z KEYWORD, --hash-style=, -O, --eh-frame-hdr: accepted\n");
}

}  // namespace

// Default library directories (what GNU ld searches on a multiarch system).
std::vector<std::string> system_lib_dirs(const char* triple) {
  std::string t = triple;
  std::vector<std::string> v = {"/usr/local/lib/" + t, "/lib/" + t, "/usr/lib/" + t,
                                "/usr/local/lib64", "/lib64", "/usr/lib64",
                                "/usr/local/lib", "/lib", "/usr/lib"};
  std::vector<std::string> out;
  for (const std::string& d : v) {
    struct stat st;
    if (::stat(d.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) out.push_back(d);
  }
  return out;
}

int ld_run(const std::vector<std::string>& args) {
  CfreeLinkOptions lo{};
  std::string output = "a.out", entry, interp, soname;
  std::vector<std::string> rpath, undefined;
  std::vector<std::string> user_dirs;
  bool pie = false, shared = false, stat = false;
  // First pass: options that shape the link (they may follow the inputs).
  struct Item { int kind; std::string v; };  // 0 file, 1 -l, 2 group(, 3 group), 4..: state toggles
  std::vector<Item> items;
  auto need = [&](size_t& i, const std::string& a) -> const std::string* {
    if (i + 1 >= args.size()) {
      error(kTool, "option '%s' requires an argument", a.c_str());
      return nullptr;
    }
    return &args[++i];
  };
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    auto val = [&](const char* opt, std::string* out) -> int {  // 1 matched, 0 no, -1 error
      size_t n = std::strlen(opt);
      if (a == opt) {
        const std::string* v = need(i, a);
        if (!v) return -1;
        *out = *v;
        return 1;
      }
      if (a.size() > n && a.compare(0, n, opt) == 0 && a[n] == '=') {
        *out = a.substr(n + 1);
        return 1;
      }
      return 0;
    };
    std::string v;
    int r;
    if (a == "--help") {
      print_help();
      return kExitOk;
    } else if (a == "--version" || a == "-v" || a == "-V") {
      std::printf("cfree ld %s (compatible with GNU ld)\n", cfree_version());
      return kExitOk;
    } else if (a.size() > 1 && a[0] != '-') {
      items.push_back({0, a});
    } else if (a == "-o" || (a.rfind("-o", 0) == 0 && a.size() > 2 && a[2] != 'u')) {
      if (a == "-o") {
        const std::string* p = need(i, a);
        if (!p) return kExitUsage;
        output = *p;
      } else {
        output = a.substr(2);
      }
    } else if ((r = val("--output", &output))) {
      if (r < 0) return kExitUsage;
    } else if (a == "-l" || (a.rfind("-l", 0) == 0 && a.size() > 2)) {
      if (a == "-l") {
        const std::string* p = need(i, a);
        if (!p) return kExitUsage;
        items.push_back({1, *p});
      } else {
        items.push_back({1, a.substr(2)});
      }
    } else if ((r = val("--library", &v))) {
      if (r < 0) return kExitUsage;
      items.push_back({1, v});
    } else if (a == "-L" || (a.rfind("-L", 0) == 0 && a.size() > 2)) {
      if (a == "-L") {
        const std::string* p = need(i, a);
        if (!p) return kExitUsage;
        user_dirs.push_back(*p);
      } else {
        user_dirs.push_back(a.substr(2));
      }
    } else if ((r = val("--library-path", &v))) {
      if (r < 0) return kExitUsage;
      user_dirs.push_back(v);
    } else if (a == "-e" || a == "--entry" || a.rfind("--entry=", 0) == 0 || (a.rfind("-e", 0) == 0 && a.size() > 2)) {
      if (a == "-e" || a == "--entry") {
        const std::string* p = need(i, a);
        if (!p) return kExitUsage;
        entry = *p;
      } else {
        entry = a.rfind("--entry=", 0) == 0 ? a.substr(8) : a.substr(2);
      }
    } else if (a == "-static" || a == "-Bstatic" || a == "-dn" || a == "-non_shared") {
      if (a == "-static") stat = true;
      items.push_back({4, ""});
    } else if (a == "-Bdynamic" || a == "-dy" || a == "-call_shared") {
      items.push_back({5, ""});
    } else if (a == "-shared" || a == "-Bshareable") {
      shared = true;
    } else if (a == "-pie" || a == "--pie" || a == "-pic-executable") {
      pie = true;
    } else if (a == "-no-pie" || a == "--no-pie") {
      pie = false;
    } else if ((r = val("--dynamic-linker", &interp)) || (r = val("-dynamic-linker", &interp))) {
      if (r < 0) return kExitUsage;
    } else if (a == "-I" && i + 1 < args.size()) {
      interp = args[++i];
    } else if ((r = val("-rpath", &v)) || (r = val("--rpath", &v)) || (r = val("-R", &v))) {
      if (r < 0) return kExitUsage;
      rpath.push_back(v);
    } else if ((r = val("-soname", &soname)) || (r = val("--soname", &soname)) || (r = val("-h", &soname))) {
      if (r < 0) return kExitUsage;
    } else if (a == "--start-group" || a == "-(") {
      items.push_back({2, ""});
    } else if (a == "--end-group" || a == "-)") {
      items.push_back({3, ""});
    } else if (a == "--whole-archive") {
      items.push_back({6, ""});
    } else if (a == "--no-whole-archive") {
      items.push_back({7, ""});
    } else if (a == "--as-needed") {
      items.push_back({8, ""});
    } else if (a == "--no-as-needed") {
      items.push_back({9, ""});
    } else if (a == "--push-state") {
      items.push_back({10, ""});
    } else if (a == "--pop-state") {
      items.push_back({11, ""});
    } else if (a == "--gc-sections") {
      lo.gc_sections = 1;
    } else if (a == "--no-gc-sections") {
      lo.gc_sections = 0;
    } else if (a == "--export-dynamic" || a == "-E" || a == "-export-dynamic") {
      lo.export_dynamic = 1;
    } else if (a == "--no-export-dynamic") {
      lo.export_dynamic = 0;
    } else if (a == "--build-id" || a.rfind("--build-id=", 0) == 0) {
      std::string style = a.size() > 11 ? a.substr(11) : "sha1";
      lo.build_id = style == "none" ? 0 : style == "md5" || style == "uuid" ? 16 : style == "fast" ? 8 : 20;
    } else if (a == "--eh-frame-hdr") {
      lo.no_eh_frame_hdr = 0;
    } else if (a == "--no-eh-frame-hdr") {
      lo.no_eh_frame_hdr = 1;
    } else if (a == "-s" || a == "--strip-all") {
      lo.strip_all = 1;
    } else if (a == "-S" || a == "--strip-debug" || a == "-g" || a == "--no-undefined" ||
               a == "--allow-shlib-undefined" || a == "--no-allow-shlib-undefined" ||
               a == "--fatal-warnings" || a == "--warn-common" || a == "--sort-common" ||
               a == "--enable-new-dtags" || a == "--disable-new-dtags" || a == "-nostdlib" ||
               a == "--no-add-needed" || a == "--copy-dt-needed-entries" ||
               a == "--no-copy-dt-needed-entries" || a == "-Bsymbolic-functions" ||
               a == "--discard-locals" || a == "-X" || a == "-x" || a == "--discard-all" ||
               a == "-O1" || a == "-O2" || a == "-O0" || a == "-O" || a.rfind("--hash-style", 0) == 0 ||
               a.rfind("-plugin-opt", 0) == 0 || a == "-t" || a == "--trace" || a == "-d" ||
               a == "-dc" || a == "-dp" || a == "--relax" || a == "--no-relax") {
      // accepted, no effect
    } else if (a == "-m" || a == "-z" || a == "-plugin" || a == "--plugin" || a == "-Y" ||
               a == "-a" || a == "--sysroot" || a == "--wrap") {
      if (!need(i, a)) return kExitUsage;
      if (a == "-z" && args[i] == "defs") {
      }
    } else if (a.rfind("-m", 0) == 0 || a.rfind("-z", 0) == 0 || a.rfind("--sysroot=", 0) == 0 ||
               a.rfind("-plugin", 0) == 0) {
      // -melf_x86_64, -znow ...: accepted
    } else if ((r = val("-u", &v)) || (r = val("--undefined", &v))) {
      if (r < 0) return kExitUsage;
      undefined.push_back(v);
    } else if (a.rfind("-u", 0) == 0 && a.size() > 2) {
      undefined.push_back(a.substr(2));
    } else {
      error(kTool, "unrecognized option '%s'", a.c_str());
      return kExitUsage;
    }
  }
  if (items.empty()) {
    error(kTool, "no input files");
    return kExitUsage;
  }
  lo.output = shared ? CFREE_LINK_SHARED : pie ? CFREE_LINK_PIE : CFREE_LINK_EXEC;
  lo.static_link = stat && !shared;
  lo.entry = entry.empty() ? nullptr : entry.c_str();
  lo.interp = interp.empty() ? nullptr : interp.c_str();
  std::vector<const char*> rp, und;
  for (const std::string& r2 : rpath) rp.push_back(r2.c_str());
  for (const std::string& u : undefined) und.push_back(u.c_str());
  lo.rpath = rp.data();
  lo.n_rpath = rp.size();
  lo.undefined = und.data();
  lo.n_undefined = und.size();
  lo.soname = soname.empty() ? nullptr : soname.c_str();

  Host host(stderr_is_color_terminal());
  CfreeCompiler* c = cfree_compiler_new(&host.env, cfree_target_host());
  if (!c) return kExitError;
  struct Free {
    CfreeCompiler* c;
    CfreeLinker* l = nullptr;
    ~Free() {
      if (l) cfree_linker_free(l);
      cfree_compiler_free(c);
    }
  } fr{c};
  LdState st;
  st.c = c;
  st.l = cfree_linker_new(c, &lo);
  fr.l = st.l;
  if (!st.l) return kExitError;
  st.lib_dirs = user_dirs;
  for (const std::string& d : system_lib_dirs(cfree_target_triple(cfree_target_host())))
    st.lib_dirs.push_back(d);
  struct Saved { bool bstatic, whole, as_needed; };
  std::vector<Saved> stack;
  bool ok = true;
  for (const Item& it : items) {
    switch (it.kind) {
      case 0:
        ok = add_file(st, it.v, st.as_needed) && ok;
        break;
      case 1: {
        bool found;
        std::string p = find_lib(st, it.v, &found);
        if (!found) {
          error(kTool, "cannot find -l%s", it.v.c_str());
          ok = false;
          break;
        }
        ok = add_file(st, p, st.as_needed) && ok;
        break;
      }
      case 2: cfree_linker_group(st.l, 1); break;
      case 3: cfree_linker_group(st.l, 0); break;
      case 4: st.bstatic = true; break;
      case 5: st.bstatic = false; break;
      case 6: st.whole = true; break;
      case 7: st.whole = false; break;
      case 8: st.as_needed = true; break;
      case 9: st.as_needed = false; break;
      case 10: stack.push_back({st.bstatic, st.whole, st.as_needed}); break;
      case 11:
        if (!stack.empty()) {
          st.bstatic = stack.back().bstatic;
          st.whole = stack.back().whole;
          st.as_needed = stack.back().as_needed;
          stack.pop_back();
        }
        break;
    }
    if (!ok) break;
  }
  if (!ok) return kExitError;
  OutputFile out(output);
  std::string err;
  if (!out.open(&err)) {
    error(kTool, "cannot open output file %s: %s", output.c_str(), err.c_str());
    return kExitError;
  }
  if (cfree_linker_link(st.l, out.writer()) != CFREE_OK) return kExitError;
  if (!out.commit(&err)) {
    error(kTool, "cannot write %s: %s", output.c_str(), err.c_str());
    return kExitError;
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(output.c_str(), 0777 & ~mask);
  return kExitOk;
}

int ld_main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return ld_run(args);
}

}  // namespace driver
