// frontend_api.cpp: cfree/frontend.h entry points -- arenas, symbols,
// sources, diagnostics at locations, and frontend registration.
#include "core/compiler.h"

#include <cstdarg>

using namespace cfree;

struct CfreeArena : cfree::Arena {
  using cfree::Arena::Arena;
};

extern "C" {

CfreeArena* cfree_arena_new(CfreeCompiler* c) {
  try {
    return new CfreeArena(c->env.heap);
  } catch (...) {
    return nullptr;
  }
}

void* cfree_arena_alloc(CfreeArena* a, size_t size, size_t align) {
  try {
    return a->alloc(size, align ? align : 1);
  } catch (...) {
    return nullptr;
  }
}

void cfree_arena_reset(CfreeArena* a) { a->reset(); }
void cfree_arena_free(CfreeArena* a) { delete a; }

uint32_t cfree_sym_hash(const char* s, size_t len) { return fnv1a(s, len); }

CfreeSym cfree_sym_intern(CfreeCompiler* c, const char* s, size_t len) {
  return c->syms.intern(s, len);
}

CfreeSym cfree_sym_intern_hashed(CfreeCompiler* c, const char* s, size_t len, uint32_t hash) {
  return c->syms.intern(s, len, hash);
}

const char* cfree_sym_str(const CfreeCompiler* c, CfreeSym sym, size_t* len) {
  if (len) *len = c->syms.len(sym);
  return c->syms.str(sym);
}

CfreeFileId cfree_source_add(CfreeCompiler* c, const char* name, const char* data, size_t size,
                             CfreeLoc include_loc, CfreeFileKind kind, CfreeLoc* base) {
  return c->sources.add_file(name, data, size, include_loc, kind, base);
}

CfreeLoc cfree_source_add_expansion(CfreeCompiler* c, CfreeLoc spelling, uint32_t size,
                                    CfreeLoc exp_begin, CfreeLoc exp_end) {
  return c->sources.add_expansion(spelling, size, exp_begin, exp_end);
}

void cfree_source_line_directive(CfreeCompiler* c, CfreeLoc loc, uint32_t line, const char* name) {
  c->sources.add_line_directive(loc, line, name);
}

int cfree_source_presumed(CfreeCompiler* c, CfreeLoc loc, CfreePresumedLoc* out) {
  SourceManager::Presumed p;
  if (!c->sources.presumed(loc, &p)) return 0;
  out->file = p.file;
  out->line = p.line;
  out->column = p.column;
  out->id = p.id;
  out->include_loc = p.include_loc;
  return 1;
}

CfreeLoc cfree_source_spelling(CfreeCompiler* c, CfreeLoc loc) { return c->sources.spelling(loc); }
CfreeLoc cfree_source_expansion(CfreeCompiler* c, CfreeLoc loc) { return c->sources.expansion(loc); }
const char* cfree_source_name(CfreeCompiler* c, CfreeFileId id) { return c->sources.file_name(id); }
uint32_t cfree_source_count(CfreeCompiler* c) { return c->sources.file_count(); }
CfreeLoc cfree_source_include_loc(CfreeCompiler* c, CfreeFileId id) {
  return c->sources.file_include_loc(id);
}

static int diag_v(CfreeCompiler* c, CfreeSeverity sev, CfreeLoc loc, CfreeLoc rb, CfreeLoc re,
                  const char* option, const char* fmt, va_list ap) {
  int result = -1;
  try {
    result = c->diags.report(sev, loc, rb, re, option, fmt, ap);
  } catch (const Fatal&) {
    // The frontend learns of it from the return value; nothing unwinds
    // across the C boundary.
    result = CFREE_SEV_FATAL;
  } catch (...) {
    result = CFREE_SEV_FATAL;
  }
  return result;
}

int cfree_diag(CfreeCompiler* c, CfreeSeverity sev, CfreeLoc loc, const char* option,
               const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = diag_v(c, sev, loc, 0, 0, option, fmt, ap);
  va_end(ap);
  return r;
}

int cfree_diag_range(CfreeCompiler* c, CfreeSeverity sev, CfreeLoc loc, CfreeLoc rb,
                     CfreeLoc re, const char* option, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = diag_v(c, sev, loc, rb, re, option, fmt, ap);
  va_end(ap);
  return r;
}

int cfree_warning_enabled(CfreeCompiler* c, const char* option) {
  return c->diags.warning_enabled(option);
}

const CfreeEnv* cfree_compiler_env(CfreeCompiler* c) { return &c->env; }

CfreeStatus cfree_register_frontend(CfreeCompiler* c, const CfreeFrontend* f) {
  if (!c || !f || static_cast<size_t>(f->lang) >= c->frontends.size()) return CFREE_ERR_USAGE;
  c->frontends[f->lang] = *f;
  c->has_frontend[f->lang] = true;
  return CFREE_OK;
}

const CfreeFrontend* cfree_frontend_for(CfreeCompiler* c, CfreeLang lang) {
  if (!c || static_cast<size_t>(lang) >= c->frontends.size() || !c->has_frontend[lang])
    return nullptr;
  return &c->frontends[lang];
}

}  // extern "C"
