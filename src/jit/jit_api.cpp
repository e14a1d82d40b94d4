// jit_api.cpp: the public JIT entry points of include/cfree.h.
//
// A CfreeJitSession is a Linker in "shared library" mode plus the host's
// resolver: sources are compiled position-independent by their registered
// frontend into object bytes, which the Linker reads like any .o; linking
// yields a LinkImage that jit_map_image() maps.  Undefined symbols are
// allowed at link time (as for -shared) and resolved when mapping, so one
// missing name is reported once, as `cfree cc` would ("undefined reference").
// Every entry point is guard()ed: no exception crosses the C API.
#include "core/compiler.h"
#include "jit/jit.h"

#include <cfree/frontend.h>

using namespace cfree;

struct CfreeJitSession {
  CfreeCompiler* c = nullptr;
  CfreeJitHost host{};
  std::unique_ptr<Linker> linker;
  std::unordered_map<std::string, u64> host_syms;
  int probe = -1;  // cached cfree_jit_memory_supported answer
  bool failed = false;
};

namespace {

struct ByteSink {
  std::vector<u8> bytes;
  CfreeWriter w{this, [](void* ctx, const void* d, size_t n) {
                  auto* s = static_cast<ByteSink*>(ctx);
                  s->bytes.insert(s->bytes.end(), static_cast<const u8*>(d), static_cast<const u8*>(d) + n);
                  return 0;
                }};
};

LinkOptions jit_link_options() {
  LinkOptions lo;
  lo.output = LinkOutput::Shared;
  lo.allow_undefined = true;
  lo.eh_frame_hdr = false;
  return lo;
}

}  // namespace

extern "C" {

CfreeJitSession* cfree_jit_session_new(CfreeCompiler* c, const CfreeJitHost* host) {
  try {
    auto s = std::make_unique<CfreeJitSession>();
    s->c = c;
    if (host) s->host = *host;
    s->linker = std::make_unique<Linker>(*c, jit_link_options());
    return s.release();
  } catch (...) {
    return nullptr;
  }
}

void cfree_jit_session_free(CfreeJitSession* s) { delete s; }

CfreeStatus cfree_jit_add_source(CfreeJitSession* s, const CfreeCompileOptions* opts,
                                 const CfreeInput* input) {
  return guard(s->c, [&] {
    const CfreeFrontend* fe = cfree_frontend_for(s->c, input->lang);
    if (!fe || !fe->compile) {
      s->c->error(0, "%s: no frontend registered for this language", input->name);
      s->failed = true;
      return CFREE_ERR_UNSUPPORTED;
    }
    CfreeCompileOptions o{};
    if (opts) o = *opts;
    o.pic = 2;  // everything not defined here is reached through the GOT
    o.pie = 0;
    o.emit_asm = 0;
    ByteSink sink;
    CfreeStatus st = fe->compile(fe->ctx, s->c, &o, input, &sink.w);
    if (st != CFREE_OK) {
      s->failed = true;
      return st;
    }
    if (!s->linker->add_bytes(input->name, sink.bytes.data(), sink.bytes.size(), false, false)) {
      s->failed = true;
      return CFREE_ERR_COMPILE;
    }
    return CFREE_OK;
  });
}

CfreeStatus cfree_jit_add_object(CfreeJitSession* s, const char* name, const void* data, size_t size) {
  return guard(s->c, [&] {
    if (!s->linker->add_bytes(name, static_cast<const u8*>(data), size, false, false)) {
      s->failed = true;
      return CFREE_ERR_COMPILE;
    }
    return CFREE_OK;
  });
}

CfreeStatus cfree_jit_add_symbol(CfreeJitSession* s, const char* name, const void* addr) {
  return guard(s->c, [&] {
    s->host_syms[name] = reinterpret_cast<u64>(addr);
    return CFREE_OK;
  });
}

int cfree_jit_memory_supported(CfreeJitSession* s) {
  if (s->probe < 0) s->probe = jit_probe_exec_mem(s->c->env.exec_mem) ? 1 : 0;
  return s->probe;
}

CfreeStatus cfree_jit_link(CfreeJitSession* s, CfreeJit** out) {
  *out = nullptr;
  return guard(s->c, [&] {
    if (s->failed || s->c->diags.errors()) return CFREE_ERR_COMPILE;
    if (!cfree_jit_memory_supported(s)) {
      s->c->error(0, "the system refuses executable memory for JIT code (mapping writable pages "
                     "and then making them executable failed); use 'cfree cc' and run the executable");
      return CFREE_ERR_UNSUPPORTED;
    }
    auto j = std::make_unique<CfreeJit>();
    j->mem = s->c->env.exec_mem;
    j->img = s->linker->link();
    if (s->c->diags.errors()) return CFREE_ERR_COMPILE;
    auto resolve = [&](const char* name) -> u64 {
      auto it = s->host_syms.find(name);
      if (it != s->host_syms.end()) return it->second;
      if (s->host.resolve) return reinterpret_cast<u64>(s->host.resolve(s->host.ctx, name));
      return 0;
    };
    if (!jit_map_image(*s->c, *j, resolve, s->host)) return CFREE_ERR_COMPILE;
    *out = j.release();
    return CFREE_OK;
  });
}

void* cfree_jit_lookup(const CfreeJit* j, const char* name) {
  try {
    return reinterpret_cast<void*>(j->lookup(name));
  } catch (...) {
    return nullptr;
  }
}

void cfree_jit_run_init(CfreeJit* j, int argc, char** argv, char** envp) {
  if (j->inited) return;
  j->inited = true;
  using Init = void (*)(int, char**, char**);
  for (u64 f : j->preinit) reinterpret_cast<Init>(f)(argc, argv, envp);
  for (u64 f : j->init) reinterpret_cast<Init>(f)(argc, argv, envp);
}

void cfree_jit_run_fini(CfreeJit* j) {
  if (!j->inited || j->finished) return;
  j->finished = true;
  for (size_t i = j->fini.size(); i-- > 0;) reinterpret_cast<void (*)()>(j->fini[i])();
}

int cfree_jit_run_main(CfreeJit* j, int argc, char** argv, char** envp) {
  cfree_jit_run_init(j, argc, argv, envp);
  auto m = reinterpret_cast<int (*)(int, char**, char**)>(j->lookup("main"));
  if (!m) return -1;
  return m(argc, argv, envp);
}

int cfree_jit_symbolize(const CfreeJit* j, uintptr_t addr, const char** name, uint64_t* offset) {
  u64 off = 0;
  if (!j->symbolize(addr, name, &off)) return 0;
  *offset = off;
  return 1;
}

void cfree_jit_free(CfreeJit* j) {
  if (!j) return;
  cfree_jit_run_fini(j);
  delete j;
}

}  // extern "C"
