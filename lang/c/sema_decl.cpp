// sema_decl.cpp: binding declarations (C11 6.2.2 linkages, 6.7p3-4, 6.9).
//
// A declarator becomes a Decl here: typedefs, functions and objects with
// their storage duration and linkage; redeclarations are checked for
// compatible types and merged into a composite (6.2.7p4), conflicts and
// redefinitions report GCC's message with a note at the earlier
// declaration.  Block-scope `extern` declarations and block-scope function
// declarations refer to the file-scope entity of the same name (`canon`).
// Objects with static storage get their CG symbol lazily on first use or
// definition; tentative definitions (6.9.2) are emitted at the end of the
// translation unit as zero-filled .bss data.  Function definitions open the
// CG function, bind parameters to their frame slots and run the body.
#include "c/parse.h"

#include <string>

namespace cfree::c {

CfreeCgSym Parser::decl_sym(Decl* d) {
  if (d->canon && d->canon != d) d = d->canon;
  if (d->cgsym || !g.emit) return d->cgsym;
  CfreeSymKind kind = d->kind == DK::Func ? CFREE_SYM_FUNC : d->is_tls ? CFREE_SYM_TLS : CFREE_SYM_OBJECT;
  CfreeBinding bind = d->sc == SC_STATIC ? CFREE_BIND_LOCAL : d->weak ? CFREE_BIND_WEAK : CFREE_BIND_GLOBAL;
  bool unique = d->sc == SC_STATIC && d->depth > 0;
  d->cgsym = cfree_cg_symbol(g.cg, d->asm_name ? d->asm_name : d->name, kind, bind, unique);
  if (d->visibility) cfree_cg_symbol_set_visibility(g.cg, d->cgsym, static_cast<CfreeVisibility>(d->visibility - 1));
  return d->cgsym;
}

void Parser::finish_decl_attrs(Decl* dl, const Attrs& a) {
  if (a.weak) dl->weak = true;
  if (a.noreturn) dl->noreturn = true;
  if (a.no_instrument) dl->no_instrument = true;
  if (a.aligned && dl->kind == DK::Func && a.aligned > dl->fn_align) dl->fn_align = a.aligned;
  if (a.section) dl->section = a.section;
  if (a.alias) dl->alias = a.alias;
  if (a.visibility) dl->visibility = a.visibility;
  if (a.cleanup) dl->cleanup = a.cleanup;
  if (a.format_kind) {
    dl->format_idx = a.format_idx;
    dl->format_first = a.format_first;
    const char* k = sym_str(a.format_kind);
    dl->format_scanf = std::strstr(k, "scanf") != nullptr;
    if (!std::strstr(k, "printf") && !dl->format_scanf) dl->format_idx = 0;
  }
}

static const char* kind_word(DK k) {
  return k == DK::Typedef ? "typedef" : k == DK::Func ? "function" : "variable";
}

Decl* Parser::declare(DeclSpec& ds, Declarator& d, bool file_scope, bool has_init) {
  CType* t = d.ty;
  CfreeSym name = d.name;
  Attrs a = ds.attrs;
  {
    // Declarator attributes override/extend the specifiers'.
    const Attrs& x = d.attrs;
    if (x.aligned > a.aligned) a.aligned = x.aligned;
    a.packed |= x.packed; a.noreturn |= x.noreturn; a.weak |= x.weak; a.used |= x.used;
    a.constructor |= x.constructor; a.destructor |= x.destructor; a.always_inline |= x.always_inline;
    a.noinline |= x.noinline; a.returns_twice |= x.returns_twice; a.no_instrument |= x.no_instrument;
    if (x.visibility) a.visibility = x.visibility;
    if (x.alias) a.alias = x.alias;
    if (x.section) a.section = x.section;
    if (x.cleanup) a.cleanup = x.cleanup;
    if (x.format_kind) { a.format_kind = x.format_kind; a.format_idx = x.format_idx; a.format_first = x.format_first; }
    if (x.has_mode) { a.has_mode = true; a.mode = x.mode; }
    if (x.vector) {
      a.vector = true;
      a.vector_size = x.vector_size;
    }
  }
  if (d.attrs.has_mode && !ds.attrs.has_mode) t = apply_mode(t, d.attrs, d.loc);
  if (d.attrs.vector && !ds.attrs.vector) t = apply_vector(t, d.attrs, d.loc);
  if (ds.noreturn) a.noreturn = true;
  if (!name) {
    error(d.loc, "expected identifier or '(' before %s", tok_desc(tok).c_str());
    return nullptr;
  }
  Decl* prev = lookup(name);
  bool same_scope = prev && prev->depth == depth;

  // ---- typedef ----
  if (ds.sc == SC_TYPEDEF) {
    if (a.aligned && t->k != TK::Func) t = with_align(t, a.aligned);
    if (same_scope) {
      if (prev->kind == DK::Typedef) {
        if (!compatible(prev->ty, t)) {
          error(d.loc, "conflicting types for '%s'; have '%s'", sym_str(name), type_str(t).c_str());
          note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
        }
        return prev;
      }
      error(d.loc, "'%s' redeclared as different kind of symbol", sym_str(name));
      note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
    }
    Decl* td = bind(name, DK::Typedef, t, d.loc);
    return td;
  }

  // ---- functions ----
  if (t->k == TK::Func) {
    if (!file_scope && ds.sc == SC_STATIC) error(d.loc, "invalid storage class for function '%s'", sym_str(name));
    if (!file_scope && ds.sc == SC_AUTO) error(d.loc, "invalid storage class for function '%s'", sym_str(name));
    Decl* old = file_scope_decl(name);
    if (same_scope) old = prev;
    if (old && old->kind != DK::Func) {
      if (same_scope || file_scope) {
        error(d.loc, "'%s' redeclared as different kind of symbol", sym_str(name));
        note(old->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(old->ty).c_str());
      }
      old = nullptr;
    }
    if (old) {
      old = old->canon ? old->canon : old;
      if (!compatible(old->ty, t)) {
        error(d.loc, "conflicting types for '%s'; have '%s'", sym_str(name), type_str(t).c_str());
        note(old->loc, "previous %s of '%s' with type '%s'", old->defined ? "definition" : "declaration", sym_str(name), type_str(old->ty).c_str());
      } else {
        old->ty = composite(old->ty, t);
        if (t->fn && t->fn->proto && old->ty->fn && !old->ty->fn->proto) old->ty = t;
        // Parameter names of the newest declaration are the ones a definition uses.
        if (has_init) old->ty = t;
      }
      if (ds.sc == SC_STATIC && old->sc != SC_STATIC && file_scope) {
        error(d.loc, "static declaration of '%s' follows non-static declaration", sym_str(name));
        note(old->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(old->ty).c_str());
      }
      if (ds.is_inline) old->is_inline = true;
      finish_decl_attrs(old, a);
      if (a.noreturn) old->noreturn = true;
      if (d.asm_name) old->asm_name = d.asm_name;
      if (old->is_builtin_decl) {
        old->is_builtin_decl = false;
        old->loc = d.loc;
      }
      if (!same_scope) {
        Decl* bd = bind(name, DK::Func, old->ty, d.loc);
        *bd = *old;
        bd->depth = depth;
        bd->shadow = prev;
        bd->canon = old;
        if (depth == 0) ord_[name] = old, file_ord_[name] = old;
        return depth == 0 ? old : bd;
      }
      return old;
    }
    Decl* fd;
    if (file_scope) {
      fd = bind(name, DK::Func, t, d.loc);
    } else {
      // Block-scope function declaration: the entity has file-level linkage.
      u32 saved = depth;
      depth = 0;
      fd = static_cast<Decl*>(cfree_arena_alloc(arena, sizeof(Decl), alignof(Decl)));
      std::memset(static_cast<void*>(fd), 0, sizeof(Decl));
      fd->kind = DK::Func;
      fd->name = name;
      fd->ty = t;
      fd->loc = d.loc;
      if (name >= file_ord_.size()) file_ord_.resize(name * 2 + 16);
      file_ord_[name] = fd;
      depth = saved;
      Decl* bd = bind(name, DK::Func, t, d.loc);
      *bd = *fd;
      bd->depth = depth;
      bd->shadow = prev;
      bd->canon = fd;
      fd->sc = SC_EXTERN;
      finish_decl_attrs(fd, a);
      fd->asm_name = d.asm_name;
      fd->global = true;
      return bd;
    }
    fd->sc = ds.sc == SC_STATIC ? SC_STATIC : SC_EXTERN;
    if (ds.sc == SC_NONE) fd->sc = SC_NONE;
    fd->global = true;
    fd->is_inline = ds.is_inline;
    fd->asm_name = d.asm_name;
    fd->canon = fd;
    finish_decl_attrs(fd, a);
    return fd;
  }

  // ---- objects ----
  if (ds.is_typedef_name && ds.had_type == false && !has_init && t == t_int) {
    // __auto_type without an initializer
  }
  if (t->k == TK::Void) {
    error(d.loc, "variable or field '%s' declared void", sym_str(name));
    t = t_int;
  }
  if (a.aligned) t = with_align(t, a.aligned > align_of(t) ? a.aligned : align_of(t));
  bool is_extern = ds.sc == SC_EXTERN;
  bool is_static = ds.sc == SC_STATIC;
  if (file_scope && (ds.sc == SC_AUTO || ds.sc == SC_REGISTER))
  {
    if (ds.sc == SC_REGISTER && !d.asm_name) error(d.loc, "register name not specified for '%s'", sym_str(name));
    else if (ds.sc == SC_AUTO) error(d.loc, "file-scope declaration of '%s' specifies 'auto'", sym_str(name));
  }
  if (file_scope || is_extern) {
    if (t->vla) error(d.loc, file_scope ? "variably modified '%s' at file scope" : "object with variably modified type must have no linkage", sym_str(name));
    Decl* old = same_scope ? prev : (file_scope ? nullptr : file_scope_decl(name));
    if (!file_scope && !same_scope && old && old->kind != DK::Var) old = nullptr;
    if (old && old->kind != DK::Var) {
      error(d.loc, "'%s' redeclared as different kind of symbol", sym_str(name));
      note(old->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(old->ty).c_str());
      old = nullptr;
    } else if (old && !old->global) {
      error(d.loc, "extern declaration of '%s' follows declaration with no linkage", sym_str(name));
      note(old->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(old->ty).c_str());
      old = nullptr;
    }
    if (old) {
      Decl* o = old->canon ? old->canon : old;
      if (!compatible(o->ty, t)) {
        error(d.loc, "conflicting types for '%s'; have '%s'", sym_str(name), type_str(t).c_str());
        note(o->loc, "previous %s of '%s' with type '%s'", o->defined ? "definition" : "declaration", sym_str(name), type_str(o->ty).c_str());
      } else {
        o->ty = composite(o->ty, t);
      }
      if (has_init && o->defined) {
        error(d.loc, "redefinition of '%s'", sym_str(name));
        note(o->def_loc ? o->def_loc : o->loc, "previous definition of '%s' with type '%s'", sym_str(name), type_str(o->ty).c_str());
      }
      if (file_scope && is_static && o->sc != SC_STATIC) {
        error(d.loc, "static declaration of '%s' follows non-static declaration", sym_str(name));
        note(o->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(o->ty).c_str());
      } else if (file_scope && !is_static && !is_extern && o->sc == SC_STATIC) {
        error(d.loc, "non-static declaration of '%s' follows static declaration", sym_str(name));
        note(o->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(o->ty).c_str());
      }
      if (file_scope && !is_extern) {
        o->tentative = true;
        // `extern int x; int x;`: the later declaration is a (tentative) definition.
        if (o->sc == SC_EXTERN) o->sc = ds.sc;
      }
      if (ds.tls) o->is_tls = true;
      if (d.asm_name) o->asm_name = d.asm_name;
      finish_decl_attrs(o, a);
      if (!same_scope) {
        Decl* bd = bind(name, DK::Var, o->ty, d.loc);
        *bd = *o;
        bd->depth = depth;
        bd->shadow = prev;
        bd->canon = o;
        return bd;
      }
      return o;
    }
    Decl* vd;
    if (!file_scope) {
      // Block-scope extern: the entity lives at file level.
      vd = static_cast<Decl*>(cfree_arena_alloc(arena, sizeof(Decl), alignof(Decl)));
      std::memset(static_cast<void*>(vd), 0, sizeof(Decl));
      vd->kind = DK::Var;
      vd->name = name;
      vd->ty = t;
      vd->loc = d.loc;
      vd->sc = SC_EXTERN;
      vd->global = true;
      vd->is_tls = ds.tls;
      vd->asm_name = d.asm_name;
      vd->canon = vd;
      finish_decl_attrs(vd, a);
      if (name >= file_ord_.size()) file_ord_.resize(name * 2 + 16);
      file_ord_[name] = vd;
      Decl* bd = bind(name, DK::Var, t, d.loc);
      *bd = *vd;
      bd->depth = depth;
      bd->shadow = prev;
      bd->canon = vd;
      return bd;
    }
    vd = bind(name, DK::Var, t, d.loc);
    vd->sc = ds.sc;
    vd->global = true;
    vd->is_tls = ds.tls;
    vd->tentative = !is_extern;
    vd->asm_name = d.asm_name;
    vd->canon = vd;
    finish_decl_attrs(vd, a);
    *globals_tail_ = vd;
    globals_tail_ = &vd->next_global;
    return vd;
  }
  // Block scope, no linkage.
  if (same_scope) {
    if (prev->kind == DK::Var && !prev->global && !is_static) {
      error(d.loc, "redeclaration of '%s' with no linkage", sym_str(name));
      note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
    } else if (prev->kind == DK::Var) {
      error(d.loc, "redefinition of '%s'", sym_str(name));
      note(prev->loc, "previous definition of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
    } else {
      error(d.loc, "'%s' redeclared as different kind of symbol", sym_str(name));
      note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
    }
  }
  Decl* vd = bind(name, DK::Var, t, d.loc);
  vd->sc = ds.sc;
  vd->canon = vd;
  if (ds.sc == SC_REGISTER) vd->asm_name = d.asm_name;  // register int x asm("r12")
  finish_decl_attrs(vd, a);
  if (is_static) {
    vd->global = true;
    vd->is_tls = ds.tls;
    if (t->vla) error(d.loc, "storage size of '%s' isn't constant", sym_str(name));
  } else if (ds.tls) {
    error(d.loc, "function-scope '%s' implicitly auto and declared '_Thread_local'", sym_str(name));
  }
  (void)kind_word;
  return vd;
}

// Allocate a local (automatic) object: a frame slot, or for VLAs a pointer
// slot filled by alloca.
static void alloc_local(Parser* p, Decl* d) {
  CType* t = d->ty;
  if (!p->g.on() && !p->g.emit) return;
  if (!p->g.in_func) return;
  if (t->vla) {
    d->slot = p->g.slot(8, 8);
    if (p->g.on() && !p->block_vla_sp_.empty() && !p->block_vla_sp_.back()) {
      // First VLA of this block: remember the stack level to free it at block exit.
      CfreeCgSlot s = p->g.slot(8, 8);
      p->block_vla_sp_.back() = s;
      p->g.push_slot(s, 0, p->cg_ptr);
      cfree_cg_stack_save(p->g.cg);
      p->g.stack.push_back(p->cg_ptr);
      p->g.store(p->cg_ptr, 0);
    }
    if (p->g.on()) {
      Val sz = p->elem_size_val(t);
      p->materialize(sz);
      p->g.alloca_(p->align_of(t) < 16 ? 16 : p->align_of(t), p->cg_ptr);
      p->g.push_slot(d->slot, 0, p->cg_ptr);
      p->g.swap();
      p->g.store(p->cg_ptr, 0);
    }
    return;
  }
  u32 flags = (t->q & Q_VOLATILE) ? CFREE_SLOT_VOLATILE : 0;
  d->slot = p->g.slot(p->size_of(t), p->align_of(t), flags | CFREE_SLOT_ADDR_TAKEN);
}

bool Parser::declaration(bool file_scope) {
  DeclSpec ds;
  CfreeLoc start = tok.loc;
  if (!declaration_specifiers(&ds, true)) {
    if (file_scope && tok.kind == Tok::Identifier) {
      // Implicit int at file scope (`foo(x) { ... }` or `x;`): GNU89.
      ds.ty = t_int;
      ds.loc = tok.loc;
      if (peek().kind != Tok::LParen) {
        error(tok.loc, "unknown type name '%s'", sym_str(tok.sym));
        skip_to_semi();
        return false;
      }
      warn(tok.loc, "implicit-int", "return type defaults to 'int'");
    } else {
      if (tok.kind == Tok::Eof) error(tok.loc, "expected identifier or '(' at end of input");
      else error(tok.loc, "expected identifier or '(' before %s", tok_desc(tok).c_str());
      skip_to_semi();
      return false;
    }
  } else if (!ds.had_type && !(ds.ty && ds.ty != t_int) && !ds.auto_type) {
    if (tok.kind == Tok::Identifier && file_scope)
      warn(tok.loc, "implicit-int", "type defaults to 'int' in declaration of '%s'", sym_str(tok.sym));
  }
  if (tok.kind == Tok::Semi) {
    advance();
    bool tagged = (is_record(ds.ty) && ds.ty->rec) || ds.ty->k == TK::Enum;
    if (!tagged) pedwarn(start, nullptr, "useless type name in empty declaration");
    else if (ds.sc != SC_NONE && ds.sc != SC_TYPEDEF) warn(start, nullptr, "useless storage class specifier in empty declaration");
    return true;
  }
  bool first = true;
  for (;;) {
    Declarator d;
    if (tok.kind == Tok::Identifier && is_typedef_name(tok) && ds.had_type == false && ds.ty && ds.ty->k != TK::Int) {
      // `T T2;` where T2 is a typedef name being redeclared: handled by declarator.
    }
    declarator(ds.ty, &d, false, true);
    asm_label(&d);
    parse_attributes(&d.attrs);
    if (d.ty->k == TK::Func && first && (tok.kind == Tok::LBrace || (d.fn && d.fn->knr_ids && tok.kind != Tok::Semi && tok.kind != Tok::Comma))) {
      if (!file_scope) nested_function_definition(ds, d);
      else function_definition(ds, d);
      return true;
    }
    first = false;
    bool has_init = tok.kind == Tok::Equal;
    if (!file_scope && fn_ && d.ty->k == TK::Func && ds.sc == SC_AUTO && !has_init) {
      // `auto int f(int);`: forward declaration of a GNU nested function.
      nested_function_decl(ds, d, false);
      if (accept(Tok::Comma)) continue;
      expect(Tok::Semi);
      return true;
    }

    Decl* dl = declare(ds, d, file_scope, has_init);
    if (has_init) {
      CfreeLoc eq = tok.loc;
      advance();
      if (!dl) {
        g.nocode++;
        Val v = assign_expr();
        (void)v;
        g.nocode--;
      } else if (ds.sc == SC_TYPEDEF) {
        error(ds.loc, "typedef '%s' is initialized (use '__typeof__' instead)", sym_str(d.name));
        g.nocode++;
        assign_expr();
        g.nocode--;
      } else if (dl->kind == DK::Func) {
        error(ds.loc, "function '%s' is initialized like a variable", sym_str(d.name));
        g.nocode++;
        assign_expr();
        g.nocode--;
      } else if (dl->global && !(ds.sc == SC_EXTERN && !file_scope)) {
        Decl* o = dl->canon ? dl->canon : dl;
        if (ds.sc == SC_EXTERN && file_scope) warn(d.loc, nullptr, "'%s' initialized and declared 'extern'", sym_str(d.name));
        if (ds.auto_type && tok.kind != Tok::LBrace) {
          // The type comes from the initializer: find it with a dry run.
          std::vector<Token> rec;
          std::vector<Token>* prev = begin_record(&rec);
          quiet_++;
          g.nocode++;
          Val v = rvalue(assign_expr());
          g.nocode--;
          quiet_--;
          replay_from(&rec, prev);
          if (v.ty) o->ty = v.ty->unq;
        }
        InitBuf buf;
        CType* ty = o->ty;
        static_initializer(o, &ty, &buf);
        o->ty = ty;
        dl->ty = ty;
        o->defined = true;
        o->def_loc = d.loc;
        emit_static(o, ty, &buf);
      } else if (ds.sc == SC_EXTERN) {
        error(d.loc, "'%s' has both 'extern' and initializer", sym_str(d.name));
        g.nocode++;
        assign_expr();
        g.nocode--;
      } else {
        // Automatic object.
        if (ds.auto_type && tok.kind != Tok::LBrace) {
          // __auto_type x = expr;
          Spill sp;
          (void)sp;
          Val v = assign_expr();
          v = rvalue(v);
          dl->ty = v.ty;
          alloc_local(this, dl);
          Val lv;
          lv.k = Val::Lval;
          lv.base = Base::Slot;
          lv.slot = dl->slot;
          lv.ty = dl->ty;
          assign_to(lv, v, eq, false);
        } else {
          CType* ty = dl->ty;
          if (ty->vla) {
            error(is_record(ty) && ty->rec->loc ? ty->rec->loc : ds.loc, "variable-sized object may not be initialized");
            alloc_local(this, dl);
            g.nocode++;
            if (tok.kind == Tok::LBrace) skip_balanced();
            else assign_expr();
            g.nocode--;
          } else if (ty->k == TK::Array && ty->count < 0) {
            // Size from the initializer: parse into a temporary description first.
            Val dst;
            dst.k = Val::Lval;
            dst.base = Base::Slot;
            dst.ty = ty;
            local_initializer(dst, &ty);
            dl->ty = ty;
            dl->slot = dst.slot;
          } else {
            alloc_local(this, dl);
            Val dst;
            dst.k = Val::Lval;
            dst.base = Base::Slot;
            dst.slot = dl->slot;
            dst.ty = ty;
            local_initializer(dst, &ty);
          }
        }
        dl->defined = true;
      }
    } else if (dl && dl->kind == DK::Var) {
      if (!dl->global) {
        if (!is_complete(dl->ty)) {
          error(d.loc, "storage size of '%s' isn't known", sym_str(d.name));
          dl->ty = t_int;
        }
        alloc_local(this, dl);
      } else if (!file_scope && dl->sc == SC_STATIC) {
        // static local without initializer: zero-initialised
        if (!is_complete(dl->ty)) error(d.loc, "storage size of '%s' isn't known", sym_str(d.name));
        InitBuf buf;
        dl->defined = true;
        emit_static(dl, dl->ty, &buf);
      }
    }
    if (dl && dl->kind == DK::Var && dl->cleanup && !dl->global) {
      // cleanup(f): called at scope exit -- recorded, run by compound_stmt.
      cleanups_.push_back({dl, depth});
    }
    if (accept(Tok::Comma)) continue;
    if (tok.kind == Tok::Semi) {
      advance();
      return true;
    }
    if (tok.kind == Tok::Eof) error(tok.loc, "expected ',' or ';' at end of input");
    else if (d.ty->k == TK::Func && tok.kind == Tok::LBrace) error(tok.loc, "expected ',' or ';' before '{' token");
    else if (has_init) error(tok.loc, "expected ',' or ';' before %s", tok_desc(tok).c_str());
    else error(tok.loc, "expected '=', ',', ';', 'asm' or '__attribute__' before %s", tok_desc(tok).c_str());
    skip_to_semi();
    return false;
  }
}

void Parser::knr_param_decls(FuncInfo* fn) {
  // 6.9.1p6: declarations of the identifier list's parameters.
  while (tok.kind != Tok::LBrace && tok.kind != Tok::Eof) {
    DeclSpec ds;
    if (!declaration_specifiers(&ds, true)) {
      error(tok.loc, "expected declaration specifiers before '%s'", tok_text(tok));
      skip_to_semi();
      continue;
    }
    for (;;) {
      Declarator d;
      declarator(ds.ty, &d, false, true);
      CType* t = d.ty;
      if (t->k == TK::Array) t = qualify(pointer_to(t->base), t->q);
      else if (t->k == TK::Func) t = pointer_to(t);
      bool found = false;
      for (u32 i = 0; i < fn->n_params; i++)
        if (fn->params[i].name == d.name) {
          fn->params[i].ty = t;
          fn->params[i].loc = d.loc;
          found = true;
        }
      if (!found) error(d.loc, "declaration for parameter '%s' but no such parameter", sym_str(d.name));
      if (!accept(Tok::Comma)) break;
    }
    expect(Tok::Semi);
  }
}

// Evaluate the run-time array sizes in fn's parameter declarations (in
// order, once, at function entry) and give the parameters the resulting
// variably modified types.
void Parser::vla_param_sizes(const FuncInfo* fn) {
  for (VlaParam& vp : vla_params_) {
    if (vp.fn != fn || vp.index >= fn->n_params) continue;
    std::vector<Token> q = vp.toks;
    q.push_back(tok);
    std::vector<Token>* prev = rec_;
    replay_from(&q, prev);
    DeclSpec ds;
    quiet_++;
    declaration_specifiers(&ds, true);
    Declarator d;
    declarator(ds.ty ? ds.ty : t_int, &d, true, true);
    parse_attributes(&d.attrs);
    quiet_--;
    CType* t = d.ty;
    if (t->k == TK::Array) t = qualify(pointer_to(t->base), t->q);
    Decl* pd = lookup(fn->params[vp.index].name);
    if (pd && pd->is_param && pd->depth == depth) pd->ty = t;
  }
}

void Parser::function_definition(DeclSpec& ds, Declarator& d) {
  if (d.fn && d.fn->knr_ids) {
    knr_param_decls(d.fn);
    d.fn->knr_ids = true;
  }
  Decl* fd = declare(ds, d, true, true);
  if (!fd) {
    skip_balanced();
    return;
  }
  Decl* canon = fd->canon ? fd->canon : fd;
  if (canon->defined) {
    error(d.loc, "redefinition of '%s'", sym_str(d.name));
    note(canon->def_loc ? canon->def_loc : canon->loc, "previous definition of '%s' with type '%s'", sym_str(d.name), type_str(canon->ty).c_str());
  }
  canon->defined = true;
  canon->def_loc = d.loc;
  // An `extern inline` definition under gnu89 semantics provides no external definition.
  function_body(ds, d, canon, canon->is_inline && ds.sc == SC_EXTERN && gnu89_inline);
}

// The body of a function definition (file scope or nested): parameters,
// statements, the implicit return.
void Parser::function_body(DeclSpec& ds, Declarator& d, Decl* canon, bool skip_body_emit) {
  CType* ft = d.ty;
  FuncInfo* fn = ft->fn;
  CType* ret = ft->base;
  if (ret->k != TK::Void && !is_complete(ret)) error(d.loc, "return type is an incomplete type");
  FuncCtx ctx;
  ctx.decl = canon;
  ctx.ret = ret;
  ctx.name = sym_str(d.name);
  FuncCtx* saved = fn_;
  ctx.parent = saved;
  fn_ = &ctx;
  fn_level_++;
  bool emit_fn = g.emit && !skip_body_emit;
  if (emit_fn) {
    CfreeFuncDesc desc{};
    desc.sym = decl_sym(canon);
    desc.type = cgt(ft);
    desc.section = canon->section ? sym_str(canon->section) : nullptr;
    desc.no_inline = ds.attrs.noinline || d.attrs.noinline;
    desc.always_inline = ds.attrs.always_inline || d.attrs.always_inline;
    desc.returns_twice = ds.attrs.returns_twice || d.attrs.returns_twice;
    desc.is_noreturn = canon->noreturn;
    desc.align = canon->fn_align;
    cfree_cg_set_loc(g.cg, d.loc);
    cfree_cg_func_begin(g.cg, &desc);
    g.in_func = true;
    g.dead = false;
    g.dead_skip = 0;
    g.stack.clear();
  } else {
    g.nocode++;
  }
  push_scope();
  for (u32 i = 0; fn && i < fn->n_params; i++) {
    Param& p = fn->params[i];
    if (!p.name) {
      if (fn->proto) pedwarn(p.loc, "pedantic", "ISO C does not support omitting parameter names in function definitions before C2X");
      continue;
    }
    Decl* prev = lookup(p.name);
    if (prev && prev->depth == depth) {
      error(p.loc, "redefinition of parameter '%s'", sym_str(p.name));
      note(prev->loc, "previous definition of '%s' with type '%s'", sym_str(p.name), type_str(prev->ty).c_str());
    }
    if (!is_complete(p.ty) && p.ty->k != TK::Array) error(p.loc, "parameter %u ('%s') has incomplete type", i + 1, sym_str(p.name));
    Decl* pd = bind(p.name, DK::Var, p.ty, p.loc);
    pd->is_param = true;
    pd->canon = pd;
    pd->defined = true;
    if (emit_fn) pd->slot = cfree_cg_param_slot(g.cg, i);
    // K&R: arguments arrive default-promoted; narrow into a slot of the declared type.
    if (emit_fn && !fn->proto && g.on()) {
      CType* pt = p.ty->unq;
      CType* promoted = pt->k == TK::Float ? t_double : is_integer(pt) ? promote(pt) : pt;
      if (promoted != pt) {
        CfreeCgSlot ns = g.slot(size_of(pt), align_of(pt), CFREE_SLOT_ADDR_TAKEN);
        g.push_slot(ns, 0, cg_ptr);
        g.push_slot(pd->slot, 0, cg_ptr);
        g.load(cgt(promoted), 0);
        Val pv = convert(mk_stack(promoted), pt);
        materialize(pv);
        g.store(cgt(pt), 0);
        pd->slot = ns;
      }
    }
  }
  if (emit_fn && g.on()) vla_param_sizes(fn);
  if (emit_fn && g.on() && instrument_functions && !canon->no_instrument && !ds.attrs.no_instrument &&
      !d.attrs.no_instrument) {
    ctx.instrument = true;
    profile_hook("__cyg_profile_func_enter");
  }
  unreachable_ = false;
  compound_stmt(false);
  if (emit_fn && g.on()) {
    if (ret->k == TK::Void) {
      this->ret(false);
    } else if (!std::strcmp(ctx.name, "main") && ret->unq == t_int) {
      g.push_int(cgt(t_int), 0);
      this->ret(true);
    } else if (is_aggregate(ret)) {
      CfreeCgSlot s = g.slot(size_of(ret), align_of(ret));
      g.push_slot(s, 0, cg_ptr);
      this->ret(true);
    } else {
      Val z = convert(mk_const(t_int, 0), ret);
      materialize(z);
      this->ret(true);
    }
  }
  pop_scope();
  for (Label& l : ctx.labels)
    if (!l.defined) error(l.loc, "label '%s' used but not defined", sym_str(l.name));
  if (canon->nested_fn) {
    canon->body_done = true;
    canon->chain_free = emit_fn && !cfree_cg_func_uses_chain(g.cg);
  }
  if (emit_fn) {
    cfree_cg_func_end(g.cg);
    g.in_func = false;
    g.stack.clear();
  } else {
    g.nocode--;
  }
  fn_level_--;
  fn_ = saved;
  if (emit_fn && !canon->nested_fn && canon->alias == 0 && (ds.attrs.constructor || d.attrs.constructor || ds.attrs.destructor || d.attrs.destructor)) {
    bool ctor = ds.attrs.constructor || d.attrs.constructor;
    CfreeCgSym arr = cfree_cg_symbol(g.cg, 0, CFREE_SYM_OBJECT, CFREE_BIND_LOCAL, 1);
    CfreeDataDesc dd{};
    dd.section = CFREE_SEC_NAMED;
    dd.name = ctor ? ".init_array" : ".fini_array";
    dd.align = 8;
    dd.size = 8;
    cfree_cg_data_begin(g.cg, arr, &dd);
    cfree_cg_data_addr(g.cg, decl_sym(canon), 0, 8);
    cfree_cg_data_end(g.cg);
  }
}

// ---- GNU nested functions ------------------------------------------------------------------
//
// A function defined inside another gets a local symbol; its body is
// generated on the spot (the CG suspends the enclosing function) and reaches
// the enclosing functions' locals through the static chain.  Direct calls
// pass the chain (cfree_cg_call_chain); any other use of its address makes a
// trampoline through the runtime's __cfree_tramp_new (unless the function
// never uses its chain, when the plain address does).

Decl* Parser::nested_function_decl(DeclSpec& ds, Declarator& d, bool definition) {
  Decl* prev = lookup(d.name);
  if (prev && prev->depth == depth && prev->nested_fn) {
    if (!compatible(prev->ty, d.ty)) {
      error(d.loc, "conflicting types for '%s'; have '%s'", sym_str(d.name), type_str(d.ty).c_str());
      note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(d.name), type_str(prev->ty).c_str());
    } else if (definition) {
      prev->ty = d.ty;
    }
    if (definition && prev->defined) {
      error(d.loc, "redefinition of '%s'", sym_str(d.name));
      note(prev->def_loc ? prev->def_loc : prev->loc, "previous definition of '%s' with type '%s'", sym_str(d.name), type_str(prev->ty).c_str());
    }
    return prev;
  }
  if (prev && prev->depth == depth) {
    error(d.loc, "'%s' redeclared as different kind of symbol", sym_str(d.name));
    note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(d.name), type_str(prev->ty).c_str());
  }
  Decl* nd = bind(d.name, DK::Func, d.ty, d.loc);
  nd->canon = nd;
  nd->sc = SC_STATIC;  // a local (unique) symbol
  nd->nested_fn = true;
  nd->defined = false;
  Attrs a = ds.attrs;
  finish_decl_attrs(nd, d.attrs);
  (void)a;
  if (ds.attrs.noreturn || d.attrs.noreturn) nd->noreturn = true;
  return nd;
}

void Parser::nested_function_definition(DeclSpec& ds, Declarator& d) {
  if (d.fn && d.fn->knr_ids) {
    knr_param_decls(d.fn);
    d.fn->knr_ids = true;
  }
  if (ds.sc != SC_NONE && ds.sc != SC_AUTO) error(d.loc, "invalid storage class for function '%s'", sym_str(d.name));
  Decl* nd = nested_function_decl(ds, d, true);
  nd->defined = true;
  nd->def_loc = d.loc;
  // The enclosing function's code generation state, resumed afterwards.
  std::vector<CfreeType> stack = std::move(g.stack);
  bool dead = g.dead, in_func = g.in_func, unreachable = unreachable_;
  std::vector<Cleanup> cleanups = std::move(cleanups_);
  std::vector<CfreeCgSlot> vla_sp = std::move(block_vla_sp_);
  cleanups_.clear();
  block_vla_sp_.clear();
  // Not generated when the enclosing code is not (dead or unevaluated):
  // then nothing can call it either.
  bool skip = !g.on();
  if (skip) g.nocode++;
  function_body(ds, d, nd, skip);
  if (skip) g.nocode--;
  g.stack = std::move(stack);
  g.dead = dead;
  g.in_func = in_func;
  unreachable_ = unreachable;
  cleanups_ = std::move(cleanups);
  block_vla_sp_ = std::move(vla_sp);
}

void Parser::push_nested_fn_addr(Decl* d, i64 off) {
  CfreeCgSym s = decl_sym(d);
  if (direct_nested_ || (d->body_done && d->chain_free)) {
    g.push_sym(s, off, cg_ptr);
    return;
  }
  // __cfree_tramp_new(fn, chain): an executable stub that loads the chain
  // and jumps to fn (rt/, freed when the frame is gone).
  if (!tramp_sym_ && g.on())
    tramp_sym_ = cfree_cg_symbol(g.cg, cfree_sym_intern(c, "__cfree_tramp_new", 17), CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
  g.push_sym(tramp_sym_, 0, cg_ptr);
  g.push_sym(s, 0, cg_ptr);
  g.push_frame(fn_level_ - d->fn_level, cg_ptr);
  CfreeType params[2] = {cg_ptr, cg_ptr};
  g.call(cfree_type_func(c, cg_ptr, params, 2, 0), 2, nullptr, cg_ptr);
  if (off) {
    g.push_int(cgt(t_long), static_cast<u64>(off));
    g.binop(CFREE_OP_ADD, cg_ptr);
  }
}

void Parser::emit_tentatives() {
  for (Decl* d = globals_; d; d = d->next_global) {
    if (d->alias && g.emit) {
      Decl* target = file_scope_decl(d->alias);
      CfreeCgSym ts = target ? decl_sym(target) : cfree_cg_symbol(g.cg, d->alias, CFREE_SYM_OBJECT, CFREE_BIND_GLOBAL, 0);
      cfree_cg_symbol_alias(g.cg, decl_sym(d), ts);
      continue;
    }
    if (d->defined || !d->tentative || d->sc == SC_EXTERN) continue;
    CType* t = d->ty;
    if (t->k == TK::Array && t->count < 0) {
      warn(d->loc, nullptr, "array '%s' assumed to have one element", sym_str(d->name));
      t = array_of(t->base, 1);
      d->ty = t;
    }
    if (!is_complete(t)) {
      error(d->loc, "storage size of '%s' isn't known", sym_str(d->name));
      continue;
    }
    d->defined = true;
    InitBuf buf;
    emit_static(d, t, &buf);
  }
  // Function aliases.
  if (!g.emit) return;
  for (size_t s = 1; s < file_ord_.size(); s++) {
    Decl* d = file_ord_[s];
    if (!d || d->kind != DK::Func || !d->alias) continue;
    Decl* target = file_scope_decl(d->alias);
    CfreeCgSym ts = target ? decl_sym(target) : cfree_cg_symbol(g.cg, d->alias, CFREE_SYM_FUNC, CFREE_BIND_GLOBAL, 0);
    cfree_cg_symbol_alias(g.cg, decl_sym(d), ts);
  }
}

}  // namespace cfree::c
