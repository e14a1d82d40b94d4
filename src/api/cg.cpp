// cg.cpp: the CfreeCg lifecycle, symbols, data definitions, functions and
// frame slots of the public code-generation API (include/cfree/cg.h).
//
// Every entry point runs inside api(): an exception (a fatal diagnostic, an
// internal error) is turned into a sticky failed status, reported by
// cfree_cg_finish, and never crosses the C API.  The modes split here: in
// OBJECT mode operations reach the CGTarget through the value stack
// (cg_stack.cpp, cg_ops.cpp); DUMP prints each call (cg_dump.cpp);
// SYNTAX_ONLY only counts the stack depth.
#include "api/cg_internal.h"

#include "abi/types.h"

#include <cstdarg>

using namespace cfree;

CfreeCg::CfreeCg(Compiler& comp, CfreeCgMode m) : c(comp), mode(m) {}
CfreeCg::~CfreeCg() = default;

namespace cfree {

[[noreturn]] void cg_misuse(CfreeCg* cg, const char* what) {
  (void)cg;
  internal_error(__FILE__, __LINE__, what);
}

bool cg_virtual(CfreeCg* cg, size_t pops, size_t pushes) {
  if (cg->mode == CFREE_CG_OBJECT) return false;
  if (cg->depth < pops) cg_misuse(cg, "value stack underflow");
  cg->depth = cg->depth - pops + pushes;
  return true;
}

// The machine type of a type id: hot (every load, store, operation and
// call asks), so it reads the type table's node directly rather than going
// through the guarded public cfree_type_info.
MT cg_mt(CfreeCg* cg, CfreeType t) {
  const abi::TypeTable& tt = abi::TypeTable::of(cg->c);
  if (!tt.valid(t)) return MT::U64;
  const abi::TypeNode& n = tt.node(t);
  switch (n.kind) {
    case CFREE_TY_BOOL: return MT::U8;
    case CFREE_TY_INT:
      switch (n.bits) {
        case 8: return n.is_signed ? MT::S8 : MT::U8;
        case 16: return n.is_signed ? MT::S16 : MT::U16;
        case 32: return n.is_signed ? MT::S32 : MT::U32;
        case 64: return n.is_signed ? MT::S64 : MT::U64;
        case 128: return n.is_signed ? MT::S128 : MT::U128;
        default: break;
      }
      break;
    case CFREE_TY_FLOAT:
      return n.bits == 32 ? MT::F32 : n.bits == 64 ? MT::F64 : n.bits == 80 ? MT::F80 : MT::F128;
    case CFREE_TY_PTR:
    case CFREE_TY_FUNC:
      return MT::U64;
    default:
      break;
  }
  return MT::U64;
}

// cfree_type_align without the guard (every load and store asks).
u32 cg_align(CfreeCg* cg, CfreeType t) {
  const abi::TypeTable& tt = abi::TypeTable::of(cg->c);
  if (!tt.valid(t)) return 1;
  const abi::TypeNode& n = tt.node(t);
  if (n.kind == CFREE_TY_VOID || n.kind == CFREE_TY_FUNC) return 1;
  if (n.kind == CFREE_TY_RECORD && !n.complete) return 1;
  return tt.align(t);
}

bool cg_is_aggregate(CfreeCg* cg, CfreeType t) {
  const abi::TypeTable& tt = abi::TypeTable::of(cg->c);
  if (!tt.valid(t)) return false;
  CfreeTypeKind k = tt.node(t).kind;
  return k == CFREE_TY_RECORD || k == CFREE_TY_ARRAY || k == CFREE_TY_COMPLEX || k == CFREE_TY_VECTOR;
}

CfreeCompiler* cg_compiler(CfreeCg* cg) { return &static_cast<CfreeCompiler&>(cg->c); }

const char* mt_name(MT t) {
  static const char* const names[] = {"s8", "u8", "s16", "u16", "s32", "u32", "s64",
                                      "u64", "s128", "u128", "f32", "f64", "f80", "f128"};
  return names[u8(t)];
}

namespace {

SymType obj_type(CfreeSymKind k) {
  return k == CFREE_SYM_FUNC ? SymType::Func : k == CFREE_SYM_TLS ? SymType::Tls : SymType::Object;
}
SymBind obj_bind(CfreeBinding b) {
  return b == CFREE_BIND_LOCAL ? SymBind::Local : b == CFREE_BIND_WEAK ? SymBind::Weak : SymBind::Global;
}

void sync_obj_symbol(CfreeCg* cg, CgSymbol& s) {
  if (cg->mode != CFREE_CG_OBJECT) return;
  if (!s.obj) {
    if (s.bind == CFREE_BIND_LOCAL) {
      ObjSymbol os;
      os.name = s.name;
      os.bind = SymBind::Local;
      s.obj = cg->ob->symbol(os);
    } else {
      s.obj = cg->ob->global(s.name);
    }
  }
  ObjSymbol& os = cg->ob->sym(s.obj);
  os.bind = obj_bind(s.bind);
  // Undefined references stay NOTYPE (as GCC writes them), except TLS.
  if (s.defined || s.kind == CFREE_SYM_TLS) os.type = obj_type(s.kind);
}

struct SecChoice {
  const char* name;
  SecKind kind;
};

SecChoice section_for(const CfreeDataDesc* d) {
  switch (d->section) {
    case CFREE_SEC_TEXT: return {".text", SecKind::Text};
    case CFREE_SEC_DATA: return {".data", SecKind::Data};
    case CFREE_SEC_RODATA: return {".rodata", SecKind::RoData};
    case CFREE_SEC_BSS: return {".bss", SecKind::Bss};
    case CFREE_SEC_TDATA: return {".tdata", SecKind::TData};
    case CFREE_SEC_TBSS: return {".tbss", SecKind::TBss};
    case CFREE_SEC_NAMED: break;
  }
  const char* n = d->name ? d->name : ".data";
  auto pre = [&](const char* p) { return std::strncmp(n, p, std::strlen(p)) == 0; };
  if (pre(".text")) return {n, SecKind::Text};
  if (pre(".rodata")) return {n, SecKind::RoData};
  if (pre(".bss")) return {n, SecKind::Bss};
  if (pre(".tbss")) return {n, SecKind::TBss};
  if (pre(".tdata")) return {n, SecKind::TData};
  if (pre(".init_array") || pre(".fini_array") || pre(".preinit_array") || pre(".ctors") ||
      pre(".dtors"))
    return {n, SecKind::Other};
  return {n, SecKind::Data};
}

ObjSecId open_section(CfreeCg* cg, SecChoice sc, ObjSymId comdat_sym) {
  ObjBuilder& ob = *cg->ob;
  if (!comdat_sym) {
    if (sc.kind != SecKind::Other) return ob.section_named(sc.name, sc.kind);
    Sym name = ob.syms().intern(sc.name);
    ObjSecId s = ob.find_section(name);
    if (s) return s;
    ObjSecDesc d;
    d.name = sc.name;
    d.kind = SecKind::Other;
    d.flags = SECF_ALLOC | SECF_WRITE;
    d.align = 8;
    const char* n = sc.name;
    if (!std::strncmp(n, ".init_array", 11)) d.sem = SecSem::InitArray;
    else if (!std::strncmp(n, ".fini_array", 11)) d.sem = SecSem::FiniArray;
    else if (!std::strncmp(n, ".preinit_array", 14)) d.sem = SecSem::PreinitArray;
    return ob.section(d);
  }
  ObjSecDesc d;
  d.name = sc.name;
  d.kind = sc.kind;
  d.sem = sc.kind == SecKind::Bss || sc.kind == SecKind::TBss ? SecSem::NoBits : SecSem::ProgBits;
  d.group = ob.group(comdat_sym);
  ObjSecId s = ob.section(d);
  ob.group_add(d.group, s);
  return s;
}

}  // namespace
}  // namespace cfree

extern "C" {

CfreeCg* cfree_cg_new(CfreeCompiler* c, const CfreeCompileOptions* opts, CfreeCgMode mode,
                      const char* source_name) {
  CfreeCg* cg = nullptr;
  CfreeStatus st = guard(c, [&] {
    auto owned = std::make_unique<CfreeCg>(*c, mode);
    if (opts) owned->opts = *opts;
    owned->opts.include_dirs = nullptr;
    owned->opts.macro_ops = nullptr;
    owned->opts.extra_args = nullptr;
    owned->source_name = source_name ? source_name : "";
    owned->syms.emplace_back();  // id 0: none
    owned->errors_at_start = c->diags.errors();
    if (mode == CFREE_CG_OBJECT) {
      if (c->target.arch != CFREE_ARCH_X86_64) {
        c->diags.reportf(CFREE_SEV_ERROR, 0, "code generation for %s is not implemented yet",
                         cfree_target_triple(c->target));
        return CFREE_ERR_UNSUPPORTED;
      }
      owned->ob = std::make_unique<ObjBuilder>(*c, c->target);
      owned->mc = std::make_unique<MCEmitter>(*owned->ob);
      CGOptions o;
      o.pic = owned->opts.pic;
      o.pie = owned->opts.pie;
      o.opt_level = owned->opts.opt_level;
      owned->target = cgtarget_new(*c, *owned->mc, o);
      if (!owned->target) return CFREE_ERR_UNSUPPORTED;
      owned->mc->switch_section(owned->ob->section_named(".text", SecKind::Text));
    }
    cg = owned.release();
    return CFREE_OK;
  });
  if (st != CFREE_OK) return nullptr;
  return cg;
}

void cfree_cg_free(CfreeCg* cg) { delete cg; }

CfreeCompiler* cfree_cg_compiler(CfreeCg* cg) { return cg_compiler(cg); }

CfreeStatus cfree_cg_finish(CfreeCg* cg, CfreeWriter* out) {
  if (cg->failed != CFREE_OK) {
    // The dump up to the failure helps whoever debugs the frontend.
    if (cg->failed_in_dump && out) out->write(out->ctx, cg->out.data(), cg->out.size());
    return cg->failed;
  }
  CfreeStatus st = guard(&cg->c, [&] {
    if (cg->in_func) cg_misuse(cg, "cfree_cg_finish inside a function");
    if (cg->c.diags.errors() != cg->errors_at_start) return CFREE_ERR_COMPILE;
    if (cg->mode == CFREE_CG_SYNTAX_ONLY || !out) return CFREE_OK;
    if (cg->mode == CFREE_CG_DUMP) {
      if (out->write(out->ctx, cg->out.data(), cg->out.size()) != 0) return CFREE_ERR_IO;
      return CFREE_OK;
    }
    cg->target->finalize();
    for (auto [alias, target] : cg->aliases) {
      const ObjSymbol t = cg->ob->sym(cg->syms[target].obj);
      if (t.place != SymPlace::Section) {
        cg->c.diags.reportf(CFREE_SEV_ERROR, 0, "alias target '%s' is not defined in this file",
                            cg->c.syms.str(cg->syms[target].name));
        return CFREE_ERR_COMPILE;
      }
      ObjSymId a = cg->syms[alias].obj;
      cg->ob->define(a, t.sec, t.value, t.size);
      cg->ob->sym(a).type = t.type;
    }
    obj_add_standard_sections(*cg->ob);
    cg->mc->finalize();
    if (cg->opts.emit_asm) return cg_write_asm(cg, out);
    return elf_write(*cg->ob, out) ? CFREE_OK : CFREE_ERR_IO;
  });
  return st;
}

void cfree_cg_set_loc(CfreeCg* cg, CfreeLoc loc) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) {
      if (loc != cg->last_loc && loc) {
        CfreePresumedLoc p;
        if (cfree_source_presumed(cg_compiler(cg), loc, &p))
          dump_line(cg, "loc %u:%u", p.line, p.column);
      }
      cg->last_loc = loc;
      return;
    }
    if (cg->mode == CFREE_CG_OBJECT) cg->target->set_loc(loc);
    cg->last_loc = loc;
  });
}

/* ---- Symbols ---------------------------------------------------------------- */

CfreeCgSym cfree_cg_symbol(CfreeCg* cg, CfreeSym name, CfreeSymKind kind, CfreeBinding bind,
                           int unique) {
  CfreeCgSym id = 0;
  api(cg, [&] {
    if (!unique) {
      auto it = cg->sym_by_name.find(name);
      if (it != cg->sym_by_name.end()) {
        id = it->second;
        CgSymbol& s = cg->syms[id];
        // Upgrades: extern -> definition; local stays local; weak on request.
        if (bind == CFREE_BIND_WEAK || (bind == CFREE_BIND_LOCAL && !s.defined)) s.bind = bind;
        if (kind == CFREE_SYM_TLS) s.kind = kind;
        else if (s.kind != CFREE_SYM_TLS) s.kind = kind;
        if (cg->mode == CFREE_CG_OBJECT && s.obj && bind == CFREE_BIND_LOCAL &&
            cg->ob->sym(s.obj).bind != SymBind::Local) {
          // A static declared after an extern reference: keep one symbol, made local.
          cg->ob->sym(s.obj).bind = SymBind::Local;
        }
        sync_obj_symbol(cg, s);
        return;
      }
    }
    CgSymbol s;
    s.name = name;
    s.kind = kind;
    s.bind = bind;
    id = static_cast<CfreeCgSym>(cg->syms.size());
    cg->syms.push_back(s);
    if (!unique) cg->sym_by_name[name] = id;
    sync_obj_symbol(cg, cg->syms.back());
    if (cg->mode == CFREE_CG_DUMP)
      dump_line(cg, "symbol %s %s %s%s", dump_sym(cg, id).c_str(),
                kind == CFREE_SYM_FUNC ? "func" : kind == CFREE_SYM_TLS ? "tls" : "object",
                bind == CFREE_BIND_LOCAL ? "local" : bind == CFREE_BIND_WEAK ? "weak" : "global",
                unique ? " unique" : "");
  });
  return id;
}

void cfree_cg_symbol_set_visibility(CfreeCg* cg, CfreeCgSym sym, CfreeVisibility vis) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP) {
      static const char* const n[] = {"default", "hidden", "protected", "internal"};
      dump_line(cg, "visibility %s %s", dump_sym(cg, sym).c_str(), n[vis]);
    }
    if (cg->mode != CFREE_CG_OBJECT) return;
    static const SymVis v[] = {SymVis::Default, SymVis::Hidden, SymVis::Protected, SymVis::Internal};
    cg->ob->sym(cg->syms[sym].obj).vis = v[vis];
  });
}

void cfree_cg_symbol_alias(CfreeCg* cg, CfreeCgSym sym, CfreeCgSym target) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP)
      dump_line(cg, "alias %s = %s", dump_sym(cg, sym).c_str(), dump_sym(cg, target).c_str());
    cg->syms[sym].defined = true;
    if (cg->mode != CFREE_CG_OBJECT) return;
    sync_obj_symbol(cg, cg->syms[sym]);
    cg->aliases.push_back({sym, target});
  });
}

void cfree_cg_symbol_common(CfreeCg* cg, CfreeCgSym sym, uint64_t size, uint32_t align) {
  api(cg, [&] {
    if (cg->mode == CFREE_CG_DUMP)
      dump_line(cg, "common %s size=%llu align=%u", dump_sym(cg, sym).c_str(),
                (unsigned long long)size, align);
    if (cg->mode != CFREE_CG_OBJECT) return;
    CgSymbol& s = cg->syms[sym];
    sync_obj_symbol(cg, s);
    ObjSymbol& os = cg->ob->sym(s.obj);
    os.place = SymPlace::Common;
    os.type = SymType::Object;
    os.value = align ? align : 1;
    os.size = size;
  });
}

/* ---- Data --------------------------------------------------------------------- */

void cfree_cg_data_begin(CfreeCg* cg, CfreeCgSym sym, const CfreeDataDesc* desc) {
  api(cg, [&] {
    if (cg->in_data) cg_misuse(cg, "nested cfree_cg_data_begin");
    cg->in_data = true;
    cg->data_left = desc->size;
    CgSymbol& s = cg->syms[sym];
    s.defined = true;
    if (cg->mode == CFREE_CG_DUMP) {
      static const char* const n[] = {"text", "data", "rodata", "bss", "tdata", "tbss", "named"};
      dump_line(cg, "data_begin %s section=%s%s%s align=%u size=%llu%s", dump_sym(cg, sym).c_str(),
                n[desc->section], desc->section == CFREE_SEC_NAMED ? ":" : "",
                desc->section == CFREE_SEC_NAMED && desc->name ? desc->name : "", desc->align,
                (unsigned long long)desc->size, desc->comdat ? " comdat" : "");
    }
    if (cg->mode != CFREE_CG_OBJECT) return;
    sync_obj_symbol(cg, s);
    SecChoice sc = section_for(desc);
    ObjSecId sec = open_section(cg, sc, desc->comdat ? s.obj : OBJ_SYM_NONE);
    cg->mc->push_section(sec);
    cg->mc->align(desc->align ? desc->align : 1, 0);
    cg->mc->define_here(s.obj, desc->size);
    cg->data_sec = sec;
  });
}

void cfree_cg_data_bytes(CfreeCg* cg, const void* bytes, size_t n) {
  api(cg, [&] {
    if (!cg->in_data || n > cg->data_left) cg_misuse(cg, "data bytes outside a definition or past its size");
    cg->data_left -= n;
    if (cg->mode == CFREE_CG_DUMP) {
      std::string s;
      const u8* p = static_cast<const u8*>(bytes);
      for (size_t i = 0; i < n && i < 64; i++) {
        char b[4];
        std::snprintf(b, sizeof b, "%02x", p[i]);
        s += b;
      }
      if (n > 64) s += "...";
      dump_line(cg, "  bytes %zu %s", n, s.c_str());
    }
    if (cg->mode == CFREE_CG_OBJECT) cg->mc->emit(bytes, n);
  });
}

void cfree_cg_data_zero(CfreeCg* cg, uint64_t n) {
  api(cg, [&] {
    if (!cg->in_data || n > cg->data_left) cg_misuse(cg, "data zeros outside a definition or past its size");
    cg->data_left -= n;
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "  zero %llu", (unsigned long long)n);
    if (cg->mode == CFREE_CG_OBJECT) cg->mc->emit_zeros(n);
  });
}

void cfree_cg_data_addr(CfreeCg* cg, CfreeCgSym target, int64_t addend, uint32_t size) {
  api(cg, [&] {
    if (!size) size = 8;
    if (!cg->in_data || size > cg->data_left) cg_misuse(cg, "data address outside a definition or past its size");
    cg->data_left -= size;
    if (cg->mode == CFREE_CG_DUMP)
      dump_line(cg, "  addr %s%+lld size=%u", dump_sym(cg, target).c_str(), (long long)addend, size);
    if (cg->mode != CFREE_CG_OBJECT) return;
    ObjSymId os = cg->syms[target].obj;
    u64 at = cg->mc->offset();
    cg->mc->reloc(at, size == 8 ? RelocKind::Abs64 : RelocKind::Abs32, os, addend);
    cg->mc->emit_zeros(size);
  });
}

void cfree_cg_data_label_addr(CfreeCg* cg, CfreeCgLabel label) {
  api(cg, [&] {
    if (!cg->in_data || cg->data_left < 8) cg_misuse(cg, "data label address outside a definition");
    cg->data_left -= 8;
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "  label_addr L%u", label);
    if (cg->mode != CFREE_CG_OBJECT) return;
    u64 at = cg->mc->offset();
    cg->mc->emit_zeros(8);
    cg->mc->fixup(at, cg_target_label(cg, label), FixupKind::Abs64, 0);
  });
}

void cfree_cg_data_end(CfreeCg* cg) {
  api(cg, [&] {
    if (!cg->in_data) cg_misuse(cg, "cfree_cg_data_end without data_begin");
    cg->in_data = false;
    if (cg->data_left) cg_misuse(cg, "data definition shorter than its declared size");
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "data_end");
    if (cg->mode == CFREE_CG_OBJECT) cg->mc->pop_section();
  });
}

CfreeCgSym cfree_cg_const_data(CfreeCg* cg, const void* bytes, size_t n, uint32_t align) {
  CfreeCgSym id = 0;
  api(cg, [&] {
    std::string key(static_cast<const char*>(bytes), n);
    key.push_back(static_cast<char>(align));
    auto it = cg->const_data.find(key);
    if (it != cg->const_data.end()) {
      id = it->second;
      return;
    }
    char name[32];
    std::snprintf(name, sizeof name, ".LC%zu", cg->const_data.size());
    CgSymbol s;
    s.name = cg->c.syms.intern(name);
    s.kind = CFREE_SYM_OBJECT;
    s.bind = CFREE_BIND_LOCAL;
    s.defined = true;
    id = static_cast<CfreeCgSym>(cg->syms.size());
    cg->syms.push_back(s);
    cg->const_data.emplace(std::move(key), id);
    if (cg->mode == CFREE_CG_DUMP) {
      std::string hex;
      const u8* p = static_cast<const u8*>(bytes);
      for (size_t i = 0; i < n && i < 64; i++) {
        char b[4];
        std::snprintf(b, sizeof b, "%02x", p[i]);
        hex += b;
      }
      dump_line(cg, "const_data %s align=%u %zu %s", name, align, n, hex.c_str());
    }
    if (cg->mode != CFREE_CG_OBJECT) return;
    CgSymbol& cs = cg->syms[id];
    ObjSymbol os;
    os.name = cs.name;
    os.bind = SymBind::Local;
    os.type = SymType::Object;
    cs.obj = cg->ob->symbol(os);
    cg->mc->push_section(cg->ob->section_named(".rodata", SecKind::RoData));
    cg->mc->align(align ? align : 1, 0);
    cg->mc->define_here(cs.obj, n);
    cg->mc->emit(bytes, n);
    cg->mc->pop_section();
  });
  return id;
}

/* ---- Functions and slots ---------------------------------------------------------- */

void cfree_cg_func_begin(CfreeCg* cg, const CfreeFuncDesc* desc) {
  api(cg, [&] {
    bool nested = cg->in_func;
    if (nested) {
      // A GNU nested function: suspend the enclosing one.  Its code goes
      // right here, and the enclosing function jumps over it.
      if (cg->level >= 200) cg_misuse(cg, "nested functions nested too deeply");
      CfreeCg::Suspended o;
      o.func = cg->func;
      o.func_abi = cg->func_abi;
      o.params = std::move(cg->params);
      o.stack = std::move(cg->stack);
      o.free_temps = std::move(cg->free_temps);
      o.pending = cg->pending;
      o.depth = cg->depth;
      o.pinned = cg->pinned;
      o.func_start = cg->func_start;
      o.scope_depth = cg->scope_depth;
      if (cg->mode == CFREE_CG_OBJECT) {
        o.skip = cg->target->label_new();
        cg->target->jump(o.skip);
      }
      cg->outer.push_back(std::move(o));
      cg->pending = CfreeCg::PendingCmp{};
      cg->pinned = 0;
      cg->scope_depth = 0;
    } else {
      cg->labels.assign(1, 0);
      cg->n_slots = 0;
      cg->n_labels = 0;
      cg->slot_level.clear();
      cg->label_level.clear();
    }
    cg->level++;
    cg->chain_used.resize(cg->level + 1, 0);
    cg->chain_used[cg->level] = 0;
    cg->in_func = true;
    cg->func = *desc;
    cg->stack.clear();
    cg->free_temps.clear();
    cg->params.clear();
    cg->depth = 0;
    CgSymbol& s = cg->syms[desc->sym];
    s.defined = true;
    CfreeCompiler* cc = cg_compiler(cg);
    CfreeTypeInfo ti;
    cfree_type_info(cc, desc->type, &ti);
    if (cg->mode == CFREE_CG_DUMP) {
      dump_line(cg, "func_begin %s : %s%s%s", dump_sym(cg, desc->sym).c_str(),
                dump_type(cg, desc->type).c_str(), desc->section ? " section" : "", nested ? " nested" : "");
      for (size_t i = 0; i < ti.n_params; i++) {
        cg->params.push_back(++cg->n_slots);
        cg_note_slot(cg, cg->n_slots);
        dump_line(cg, "param %zu -> %%s%u", i, cg->n_slots);
      }
      return;
    }
    if (cg->mode == CFREE_CG_SYNTAX_ONLY) {
      for (size_t i = 0; i < ti.n_params; i++) {
        cg->params.push_back(++cg->n_slots);
        cg_note_slot(cg, cg->n_slots);
      }
      return;
    }
    if (cfree_abi_classify_call(cc, desc->type, nullptr, ti.n_params, &cg->func_abi) != CFREE_OK)
      cg_misuse(cg, "cannot classify the function's signature");
    sync_obj_symbol(cg, s);
    ObjSecId sec = desc->section ? cg->ob->section_named(desc->section, SecKind::Text)
                                 : cg->ob->section_named(".text", SecKind::Text);
    cg->mc->switch_section(sec);
    cg->mc->align(desc->align > 16 ? desc->align : 16, -1);
    cg->func_start = cg->mc->offset();
    cg->mc->define_here(s.obj, 0);
    CGFuncDesc fd;
    fd.sym = s.obj;
    fd.type = desc->type;
    fd.abi = &cg->func_abi;
    fd.variadic = ti.variadic != 0;
    fd.section = desc->section;
    fd.loc = cg->last_loc;
    fd.nested = nested;
    cg->target->func_begin(fd);
    for (size_t i = 0; i < ti.n_params; i++) {
      CfreeType pt = cfree_type_func_param(cc, desc->type, i);
      u64 size = cfree_type_size(cc, pt);
      u32 align = cfree_type_align(cc, pt);
      // Rounded to eightbytes so the prologue can store whole registers.
      CGSlot slot = cg->target->frame_slot(align_up(size ? size : 1, 8), align ? align : 1, 0);
      cg->target->param(static_cast<u32>(i), slot, cg->func_abi.args[i], size, cg_is_aggregate(cg, pt));
      cg->params.push_back(slot);
      cg_note_slot(cg, slot);
    }
  });
}

CfreeCgSlot cfree_cg_param_slot(CfreeCg* cg, size_t i) {
  if (i >= cg->params.size()) return 0;
  return cg->params[i];
}

void cfree_cg_func_end(CfreeCg* cg) {
  api(cg, [&] {
    if (!cg->in_func) cg_misuse(cg, "cfree_cg_func_end outside a function");
    if (cg->mode == CFREE_CG_DUMP) dump_line(cg, "func_end");
    if (cg->mode == CFREE_CG_OBJECT) {
      if (!cg->stack.empty()) cg_misuse(cg, "value stack not empty at the end of a function");
      cg->target->func_end();
      ObjSymbol& os = cg->ob->sym(cg->syms[cg->func.sym].obj);
      os.size = cg->mc->offset() - cg->func_start;
      os.type = SymType::Func;
    }
    cg->level--;
    if (cg->outer.empty()) {
      cg->in_func = false;
      return;
    }
    // Back in the enclosing function, after the nested one's code.
    CfreeCg::Suspended& o = cg->outer.back();
    cg->func = o.func;
    cg->func_abi = o.func_abi;
    cg->params = std::move(o.params);
    cg->stack = std::move(o.stack);
    cg->free_temps = std::move(o.free_temps);
    cg->pending = o.pending;
    cg->depth = o.depth;
    cg->pinned = o.pinned;
    cg->func_start = o.func_start;
    cg->scope_depth = o.scope_depth;
    CGLabel skip = o.skip;
    cg->outer.pop_back();
    if (cg->mode == CFREE_CG_OBJECT) cg->target->label_place(skip);
  });
}

CfreeCgSlot cfree_cg_slot(CfreeCg* cg, uint64_t size, uint32_t align, uint32_t flags) {
  CfreeCgSlot id = 0;
  api(cg, [&] {
    if (!cg->in_func) cg_misuse(cg, "cfree_cg_slot outside a function");
    if (cg->mode != CFREE_CG_OBJECT) {
      id = ++cg->n_slots;
      if (cg->mode == CFREE_CG_DUMP)
        dump_line(cg, "slot %%s%u size=%llu align=%u%s%s", id, (unsigned long long)size, align,
                  flags & CFREE_SLOT_ADDR_TAKEN ? " addr_taken" : "",
                  flags & CFREE_SLOT_VOLATILE ? " volatile" : "");
      return;
    }
    id = cg->target->frame_slot(size ? size : 1, align ? align : 1, flags);
  });
  if (cg->in_func) cg_note_slot(cg, id);
  return id;
}

}  // extern "C"
