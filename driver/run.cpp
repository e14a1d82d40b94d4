// run.cpp: `cfree run`, compile and link C in memory and call main in-process
// (cfree's answer to `tcc -run`).
//
//   cfree run a.c [b.c x.o libx.a ...] [-Idir -Dx -lfoo -O1 ...] [-- args]
//
// The flags are `cfree cc`'s (cc_options.h).  Program arguments follow `--`;
// without it, the arguments after a script that starts with `#!` (so that
// `#!/usr/bin/env -S cfree run` works) or after the first argument that is
// not a source/object file are the program's.  The `#!` line itself is
// blanked (kept as a line, so line numbers stay right).
//
// This file is the host side of the JIT: the dynamic loader lives here
// (dlopen for -l libraries and .so inputs, dlsym for imports), as do the
// signal handlers that turn a crash in JIT code into "signal in function
// +offset" and exit status 128+signal.  Static state here is the driver's
// (one run per process), never libcfree's.
#include "cc_options.h"
#include "driver.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <pthread.h>
#include <string>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace driver {

namespace {

const char* const kTool = "run";

// The loaded libraries, searched in order by the resolver, then the process.
struct Loader {
  std::vector<void*> handles;
  static void* resolve(void* ctx, const char* name) {
    Loader* l = static_cast<Loader*>(ctx);
    for (void* h : l->handles)
      if (void* p = ::dlsym(h, name)) return p;
    return ::dlsym(RTLD_DEFAULT, name);
  }
};

// Thread-specific storage for _Thread_local in JIT code: pthread keys.
int tls_key_create(void*, void (*dtor)(void*), uintptr_t* key) {
  pthread_key_t k;
  int e = ::pthread_key_create(&k, dtor);
  *key = static_cast<uintptr_t>(k);
  return e;
}
void tls_key_delete(void*, uintptr_t key) { ::pthread_key_delete(static_cast<pthread_key_t>(key)); }
void* tls_get(void*, uintptr_t key) { return ::pthread_getspecific(static_cast<pthread_key_t>(key)); }
int tls_set(void*, uintptr_t key, void* v) { return ::pthread_setspecific(static_cast<pthread_key_t>(key), v); }

// The one JIT of this process, for the crash handler and exit-time fini.
CfreeJit* g_jit = nullptr;

void write_str(const char* s) {
  size_t n = std::strlen(s);
  while (n) {
    ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}

const char* signal_name(int sig) {
  switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGABRT: return "SIGABRT";
  }
  return "signal";
}

void crash_handler(int sig, siginfo_t* info, void* uctx) {
  ucontext_t* uc = static_cast<ucontext_t*>(uctx);
  uintptr_t pc = static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RIP]);
  uintptr_t sp = static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RSP]);
  char buf[512];
  const char* name = nullptr;
  uint64_t off = 0;
  int n = std::snprintf(buf, sizeof buf, "cfree run: program terminated by %s (%s)", signal_name(sig),
                        strsignal(sig));
  bool in_jit = g_jit && cfree_jit_symbolize(g_jit, pc, &name, &off), called = false;
  if (!in_jit && g_jit) {
    // Outside JIT code (abort() in libc): the innermost JIT return address
    // on the stack names the caller.
    for (uintptr_t p = sp & ~uintptr_t(7), k = 0; k < 4096; k++, p += 8) {
      uintptr_t v = *reinterpret_cast<uintptr_t*>(p);
      if (cfree_jit_symbolize(g_jit, v, &name, &off)) {
        n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), " called from");
        in_jit = called = true;
        break;
      }
      if (((p + 8) & 4095) == 0 && k > 512) break;  // stay within a few pages
    }
  }
  if (in_jit)
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "%s function '%s' at offset 0x%llx",
                       called ? "" : " in", name ? name : "??", static_cast<unsigned long long>(off));
  else
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), " at 0x%llx (outside JIT code)",
                       static_cast<unsigned long long>(pc));
  if (sig == SIGSEGV || sig == SIGBUS)
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ", fault address 0x%llx",
                       static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(info->si_addr)));
  std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), "\n");
  write_str(buf);
  ::_exit(128 + sig);
}

void install_crash_handlers() {
  static char altstack[64 * 1024];  // stack overflows still get a report
  stack_t ss{};
  ss.ss_sp = altstack;
  ss.ss_size = sizeof altstack;
  ::sigaltstack(&ss, nullptr);
  struct sigaction sa{};
  sa.sa_sigaction = crash_handler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::sigaction(sig, &sa, nullptr);
}

void fini_at_exit() {
  if (g_jit) cfree_jit_run_fini(g_jit);
}

bool has_input_ext(const char* a) {
  const char* dot = std::strrchr(a, '.');
  if (!dot) return false;
  for (const char* e : {".c", ".i", ".h", ".s", ".S", ".sx", ".o", ".a", ".so", ".toy"})
    if (!std::strcmp(dot, e)) return true;
  return std::strstr(a, ".so.") != nullptr;
}

bool starts_with_shebang(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  char b[2] = {0, 0};
  size_t n = std::fread(b, 1, 2, f);
  std::fclose(f);
  return n == 2 && b[0] == '#' && b[1] == '!';
}

// Options whose value is the next argument when not joined.
bool takes_separate_arg(const char* a) {
  static const char* const k[] = {"-I", "-D", "-U", "-L", "-l", "-o", "-x", "-include", "-imacros",
                                  "-isystem", "-iquote", "-idirafter", "-MF", "-MT", "-MQ",
                                  "-Xlinker", "-target", "--sysroot", "-isysroot"};
  for (const char* o : k)
    if (!std::strcmp(a, o)) return true;
  return false;
}

// Split argv into the compile part (with argv[0]) and the program part.
void split_args(int argc, char** argv, std::vector<char*>& cc, std::vector<char*>& prog) {
  cc.push_back(argv[0]);
  int i = 1;
  bool seen_source = false;
  for (; i < argc; i++) {
    char* a = argv[i];
    if (!std::strcmp(a, "--")) {
      i++;
      break;
    }
    if (a[0] == '-' && a[1]) {
      cc.push_back(a);
      if (takes_separate_arg(a) && i + 1 < argc) cc.push_back(argv[++i]);
      continue;
    }
    if (seen_source && !has_input_ext(a)) break;  // tcc -run style: the program's args
    cc.push_back(a);
    seen_source = true;
    if (starts_with_shebang(a)) {
      i++;
      break;
    }
  }
  for (; i < argc; i++) prog.push_back(argv[i]);
}

struct LibDirs {
  std::vector<std::string> dirs;
};

bool ends_with(const std::string& s, const char* e) {
  size_t n = std::strlen(e);
  return s.size() >= n && s.compare(s.size() - n, n, e) == 0;
}

bool file_exists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Load a shared library (or the libraries a linker script such as libm.so
// names) into the process for the resolver.
bool load_shared(CfreeCompiler* c, Loader& ld, const std::string& path, const LibDirs& dirs, int depth);

bool load_named(CfreeCompiler* c, Loader& ld, const std::string& name, const LibDirs& dirs, int depth) {
  if (name.rfind("-l", 0) == 0) {
    for (const std::string& d : dirs.dirs) {
      std::string p = d + "/lib" + name.substr(2) + ".so";
      if (file_exists(p)) return load_shared(c, ld, p, dirs, depth);
    }
    error(kTool, "cannot find %s", name.c_str());
    return false;
  }
  if (ends_with(name, ".a") || ends_with(name, "_nonshared.a")) return true;  // static parts of scripts
  return load_shared(c, ld, name, dirs, depth);
}

bool load_shared(CfreeCompiler* c, Loader& ld, const std::string& path, const LibDirs& dirs, int depth) {
  std::string data, err;
  if (!read_file(path, &data, &err)) {
    error(kTool, "%s: %s", path.c_str(), err.c_str());
    return false;
  }
  if (cfree_is_linker_script(data.data(), data.size())) {
    if (depth > 4) return true;
    struct Ctx {
      CfreeCompiler* c;
      Loader* ld;
      const LibDirs* dirs;
      int depth;
      bool ok = true;
    } ctx{c, &ld, &dirs, depth};
    CfreeScriptSink sink{&ctx,
                         [](void* p, const char* f, int as_needed) -> int {
                           Ctx* x = static_cast<Ctx*>(p);
                           if (as_needed) return 1;  // e.g. libmvec: only if needed; dlsym finds what is loaded
                           x->ok = load_named(x->c, *x->ld, f, *x->dirs, x->depth + 1) && x->ok;
                           return 1;
                         },
                         [](void*, int) {}};
    return cfree_link_script(c, path.c_str(), data.data(), data.size(), &sink) == CFREE_OK && ctx.ok;
  }
  void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (!h) {
    error(kTool, "cannot load %s: %s", path.c_str(), ::dlerror());
    return false;
  }
  ld.handles.push_back(h);
  return true;
}

}  // namespace

int run_main(int argc, char** argv) {
  std::vector<char*> cc_argv, prog_args;
  split_args(argc, argv, cc_argv, prog_args);
  CcOptions o;
  int r = cc_parse_args(static_cast<int>(cc_argv.size()), cc_argv.data(), o);
  if (r >= 0) return r;
  if (o.phase != Phase::Link) {
    error(kTool, "-c, -S, -E and -fsyntax-only are 'cfree cc' options");
    return kExitUsage;
  }
  const Input* first = nullptr;
  for (const Input& in : o.inputs)
    if (!in.is_linker_input) {
      first = &in;
      break;
    }
  if (!first) {
    error(kTool, "no input files");
    return kExitUsage;
  }
  // The JIT links against the running process's C library: -static (cfree's
  // own libc and its headers) does not apply.
  o.is_static = false;
  CfreeTarget target = cfree_target_host();
  if (!o.target.empty()) {
    CfreeTarget t;
    if (cfree_target_parse(o.target.c_str(), &t) != CFREE_OK) {
      error(kTool, "unknown target triple '%s'", o.target.c_str());
      return kExitUsage;
    }
    if (t.arch != target.arch) {
      error(kTool, "cannot run code for %s on this host (see 'cfree emu')", o.target.c_str());
      return kExitUsage;
    }
  }
  Host host(cc_color(o));
  int exit_status;
  CfreeCompiler* c = cc_new_compiler(o, target, host, kTool, &exit_status);
  if (!c) return exit_status;
  struct FreeC {
    CfreeCompiler* c;
    ~FreeC() { cfree_compiler_free(c); }
  } free_c{c};

  Loader loader;
  CfreeJitHost jh{&loader, Loader::resolve, tls_key_create, tls_key_delete, tls_get, tls_set};
  CfreeJitSession* s = cfree_jit_session_new(c, &jh);
  if (!s) {
    error(kTool, "out of memory");
    return kExitError;
  }
  struct FreeS {
    CfreeJitSession* s;
    ~FreeS() { cfree_jit_session_free(s); }
  } free_s{s};

  // -L directories (in order), then the system's.
  LibDirs dirs;
  for (const std::string& a : o.link_args)
    if (a.rfind("-L", 0) == 0) dirs.dirs.push_back(a.substr(2));
  for (const std::string& d : system_lib_dirs(cfree_target_triple(target))) dirs.dirs.push_back(d);

  int status = kExitOk;
  for (const Input& in : o.inputs) {
    std::string data, err;
    if (in.is_linker_input && in.path.rfind("-l", 0) == 0) {
      // -lfoo: a static archive is linked in when there is no shared one.
      std::string lib = in.path.substr(2), so, ar;
      for (const std::string& d : dirs.dirs) {
        if (so.empty() && file_exists(d + "/lib" + lib + ".so")) so = d + "/lib" + lib + ".so";
        if (ar.empty() && file_exists(d + "/lib" + lib + ".a")) ar = d + "/lib" + lib + ".a";
      }
      if (!so.empty()) {
        if (!load_shared(c, loader, so, dirs, 0)) status = kExitError;
      } else if (!ar.empty() && read_file(ar, &data, &err)) {
        if (cfree_jit_add_object(s, ar.c_str(), data.data(), data.size()) != CFREE_OK) status = kExitError;
      } else {
        error(kTool, "cannot find -l%s", lib.c_str());
        status = kExitError;
      }
      continue;
    }
    if (!read_file(in.path == "-" ? "/dev/stdin" : in.path, &data, &err)) {
      error(kTool, "%s: %s", in.path.c_str(), err.c_str());
      status = kExitError;
      continue;
    }
    if (in.is_linker_input) {
      if (ends_with(in.path, ".so") || in.path.find(".so.") != std::string::npos) {
        if (!load_shared(c, loader, in.path, dirs, 0)) status = kExitError;
      } else if (cfree_jit_add_object(s, in.path.c_str(), data.data(), data.size()) != CFREE_OK) {
        status = kExitError;
      }
      continue;
    }
    if (data.size() >= 2 && data[0] == '#' && data[1] == '!') data[0] = data[1] = '/';
    CfreeInput input{in.path == "-" ? "<stdin>" : in.path.c_str(), data.data(), data.size(), in.lang};
    CfreeStatus st = cfree_jit_add_source(s, &o.copts, &input);
    if (st == CFREE_ERR_UNSUPPORTED) return kExitNotBuilt;
    if (st != CFREE_OK) status = st == CFREE_ERR_USAGE ? kExitUsage : kExitError;
  }
  // What libc.so's GROUP adds to every link: libc_nonshared.a (atexit,
  // at_quick_exit, the stat wrappers of older glibc ...).
  for (const std::string& d : dirs.dirs) {
    std::string p = d + "/libc_nonshared.a", data, err;
    if (!file_exists(p)) continue;
    if (read_file(p, &data, &err) && cfree_jit_add_object(s, p.c_str(), data.data(), data.size()) != CFREE_OK)
      status = kExitError;
    break;
  }
  // cfree's runtime (libgcc's job: __udivti3 ...), as `cfree cc` links it.
  {
    std::string p = rt_lib_path(cfree_target_triple(target), "libcfree_rt.a"), data, err;
    if (!p.empty() && read_file(p, &data, &err) &&
        cfree_jit_add_object(s, p.c_str(), data.data(), data.size()) != CFREE_OK)
      status = kExitError;
  }
  if (status != kExitOk) return status;
  CfreeJit* jit = nullptr;
  CfreeStatus st = cfree_jit_link(s, &jit);
  if (st != CFREE_OK) return st == CFREE_ERR_UNSUPPORTED ? kExitNotBuilt : kExitError;
  if (!cfree_jit_lookup(jit, "main")) {
    error(kTool, "undefined reference to 'main'");
    cfree_jit_free(jit);
    return kExitError;
  }
  // argv: the program name is the first source, then the program's args.
  std::vector<char*> pargv;
  pargv.push_back(const_cast<char*>(first->path.c_str()));
  for (char* a : prog_args) pargv.push_back(a);
  pargv.push_back(nullptr);
  // The image stays mapped until the process ends: atexit handlers that JIT
  // code registers run after main returns.  fini_at_exit is registered
  // before any constructor runs, so it runs after every handler JIT code adds.
  g_jit = jit;
  std::atexit(fini_at_exit);
  install_crash_handlers();
  std::fflush(stdout);
  int ret = cfree_jit_run_main(jit, static_cast<int>(pargv.size() - 1), pargv.data(), environ);
  std::exit(ret);
}

}  // namespace driver
