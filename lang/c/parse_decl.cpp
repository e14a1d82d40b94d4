// parse_decl.cpp: declarations (C11 6.7) and GNU attributes.
//
// Declaration specifiers are accumulated chibicc-style (a count per basic
// specifier, resolved once), declarators are parsed into a short list of
// derivation steps (pointer, array, function) and applied inside-out, so no
// token is ever re-read.  Array sizes that are not constant make a VLA whose
// element count is saved in a frame slot when the declarator is parsed
// (6.7.6.2p5: size expressions are evaluated where the declarator appears).
// Struct and union bodies are laid out by the target ABI (cfree_type_record_
// complete); enums pick their underlying type as GCC does.
#include "c/parse.h"

#include "c/literal.h"

#include <string>

namespace cfree::c {

bool Parser::is_type_start(const Token& t) {
  switch (t.kind) {
    case Tok::KwVoid: case Tok::KwChar: case Tok::KwShort: case Tok::KwInt: case Tok::KwLong:
    case Tok::KwFloat: case Tok::KwDouble: case Tok::KwSigned: case Tok::KwUnsigned:
    case Tok::KwBool: case Tok::KwComplex: case Tok::KwStruct: case Tok::KwUnion: case Tok::KwEnum:
    case Tok::KwConst: case Tok::KwVolatile: case Tok::KwRestrict: case Tok::KwAtomic:
    case Tok::KwAlignas: case Tok::KwTypeof: case Tok::KwTypeofUnqual: case Tok::KwInt128:
    case Tok::KwFloat128: case Tok::KwFloat16: case Tok::KwFloat32: case Tok::KwFloat64:
    case Tok::KwFloat32x: case Tok::KwFloat64x: case Tok::KwDecimal32: case Tok::KwDecimal64:
    case Tok::KwDecimal128: case Tok::KwBuiltinVaList: case Tok::KwAttribute: case Tok::KwTypedef:
    case Tok::KwExtern: case Tok::KwStatic: case Tok::KwAuto: case Tok::KwRegister:
    case Tok::KwThreadLocal: case Tok::KwInline: case Tok::KwNoreturn: case Tok::KwAutoType:
    case Tok::KwImaginary: case Tok::KwConstexpr:
      return true;
    case Tok::Identifier: return is_typedef_name(t);
    default: return false;
  }
}

CType* Parser::with_align(CType* t, u32 align) {
  CType* v = new_type(t->k);
  *v = *t;
  v->align = align;
  v->unq = v;
  v->variants = nullptr;
  v->next_variant = nullptr;
  v->ptr = nullptr;
  v->align_cache = 0;
  return v;
}

// ---- Attributes (GCC "Attribute Syntax") --------------------------------------

static bool attr_is(const char* name, size_t n, const char* want) {
  size_t w = std::strlen(want);
  if (n == w && !std::memcmp(name, want, n)) return true;
  return n == w + 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_' &&
         !std::memcmp(name + 2, want, w);
}

void Parser::parse_attributes(Attrs* a) {
  for (;;) {
    if (tok.kind == Tok::KwAttribute) {
      advance();
      if (!expect(Tok::LParen)) return;
      if (!expect(Tok::LParen)) return;
      attribute_list(a);
      expect(Tok::RParen);
      expect(Tok::RParen);
    } else if (tok.kind == Tok::LBracket && peek().kind == Tok::LBracket) {
      // C23 [[...]]: accepted and ignored.
      advance();
      skip_balanced();
      expect(Tok::RBracket);
    } else {
      return;
    }
  }
}

void Parser::attribute_list(Attrs* a) {
  while (tok.kind != Tok::RParen && tok.kind != Tok::Eof) {
    if (tok.kind == Tok::Comma) {
      advance();
      continue;
    }
    if (!tok.sym) {
      error(tok.loc, "expected identifier before %s", tok_desc(tok).c_str());
      skip_balanced();
      continue;
    }
    size_t n = 0;
    const char* name = cfree_sym_str(c, tok.sym, &n);
    CfreeLoc loc = tok.loc;
    advance();
    bool has_args = tok.kind == Tok::LParen;
    auto str_arg = [&]() -> CfreeSym {
      if (tok.kind != Tok::String) return 0;
      std::vector<Token> toks;
      while (tok.kind == Tok::String) {
        toks.push_back(tok);
        advance();
      }
      std::vector<u8> bytes;
      Encoding enc;
      u32 ub;
      decode_strings(c, toks.data(), toks.size(), 4, &bytes, &enc, &ub);
      return cfree_sym_intern(c, reinterpret_cast<const char*>(bytes.data()), bytes.size());
    };
    if (attr_is(name, n, "aligned")) {
      u32 al = 16;
      if (has_args) {
        advance();
        al = static_cast<u32>(const_int("alignment"));
        expect(Tok::RParen);
      }
      if (al == 0 || (al & (al - 1))) error(loc, "requested alignment '%u' is not a positive power of 2", al);
      else if (al > a->aligned) a->aligned = al;
      continue;
    }
    if (has_args && attr_is(name, n, "mode")) {
      advance();
      if (tok.sym) {
        size_t mn;
        const char* m = cfree_sym_str(c, tok.sym, &mn);
        std::string ms(m, mn);
        while (ms.size() > 2 && ms[0] == '_' && ms[1] == '_') ms = ms.substr(2);
        while (ms.size() > 2 && ms[ms.size() - 1] == '_' && ms[ms.size() - 2] == '_') ms.resize(ms.size() - 2);
        a->has_mode = true;
        if (ms == "QI") a->mode = 'Q';
        else if (ms == "HI") a->mode = 'H';
        else if (ms == "SI") a->mode = 'S';
        else if (ms == "DI") a->mode = 'D';
        else if (ms == "TI") a->mode = 'T';
        else if (ms == "SF") a->mode = 'f';
        else if (ms == "DF") a->mode = 'd';
        else if (ms == "XF") a->mode = 'x';
        else if (ms == "TF") a->mode = 't';
        else if (ms == "word") a->mode = 'w';
        else if (ms == "pointer") a->mode = 'p';
        else if (ms == "byte") a->mode = 'Q';
        else {
          error(tok.loc, "unknown machine mode '%s'", ms.c_str());
          a->has_mode = false;
        }
        advance();
      }
      expect(Tok::RParen);
      continue;
    }
    if (has_args && (attr_is(name, n, "section") || attr_is(name, n, "alias") ||
                     attr_is(name, n, "visibility"))) {
      advance();
      CfreeSym s = str_arg();
      if (attr_is(name, n, "section")) a->section = s;
      else if (attr_is(name, n, "alias")) a->alias = s;
      else {
        const char* v = sym_str(s);
        if (!std::strcmp(v, "hidden")) a->visibility = 1 + CFREE_VIS_HIDDEN;
        else if (!std::strcmp(v, "protected")) a->visibility = 1 + CFREE_VIS_PROTECTED;
        else if (!std::strcmp(v, "internal")) a->visibility = 1 + CFREE_VIS_INTERNAL;
        else if (!std::strcmp(v, "default")) a->visibility = 1 + CFREE_VIS_DEFAULT;
        else error(loc, "attribute 'visibility' argument must be one of 'default', 'hidden', 'protected' or 'internal'");
      }
      expect(Tok::RParen);
      continue;
    }
    if (has_args && attr_is(name, n, "cleanup")) {
      advance();
      if (tok.kind == Tok::Identifier) {
        a->cleanup = tok.sym;
        advance();
      }
      expect(Tok::RParen);
      continue;
    }
    if (has_args && attr_is(name, n, "format")) {
      advance();
      if (tok.sym) {
        a->format_kind = tok.sym;
        advance();
      }
      if (accept(Tok::Comma)) a->format_idx = static_cast<int>(const_int("format index"));
      if (accept(Tok::Comma)) a->format_first = static_cast<int>(const_int("format index"));
      expect(Tok::RParen);
      continue;
    }
    if (has_args && attr_is(name, n, "vector_size")) {
      advance();
      CfreeLoc vloc = tok.loc;
      bool ok = true;
      i64 v = const_int_msg("'vector_size' attribute argument is not an integer constant", vloc, &ok);
      if (ok && v <= 0) {
        error(vloc, v == 0 ? "zero vector size" : "'vector_size' attribute argument value '%lld' is negative", static_cast<long long>(v));
        ok = false;
      }
      if (ok) {
        a->vector = true;
        a->vector_size = static_cast<u64>(v);
      }
      expect(Tok::RParen);
      continue;
    }
    if (attr_is(name, n, "packed")) a->packed = true;
    else if (attr_is(name, n, "noreturn")) a->noreturn = true;
    else if (attr_is(name, n, "weak")) a->weak = true;
    else if (attr_is(name, n, "used")) a->used = true;
    else if (attr_is(name, n, "unused")) a->unused = true;
    else if (attr_is(name, n, "constructor")) a->constructor = true;
    else if (attr_is(name, n, "destructor")) a->destructor = true;
    else if (attr_is(name, n, "always_inline")) a->always_inline = true;
    else if (attr_is(name, n, "noinline")) a->noinline = true;
    else if (attr_is(name, n, "no_instrument_function")) a->no_instrument = true;
    else if (attr_is(name, n, "deprecated")) a->deprecated = true;
    else if (attr_is(name, n, "transparent_union")) a->transparent_union = true;
    else if (attr_is(name, n, "returns_twice")) a->returns_twice = true;
    if (has_args) skip_balanced();
  }
}

CType* Parser::apply_mode(CType* t, const Attrs& a, CfreeLoc loc) {
  if (!a.has_mode) return t;
  bool sgn = is_integer(t) ? is_signed_t(t) : true;
  CType* r = t;
  switch (a.mode) {
    case 'Q': r = sgn ? t_schar : t_uchar; break;
    case 'H': r = sgn ? t_short : t_ushort; break;
    case 'S': r = sgn ? t_int : t_uint; break;
    case 'D': case 'w': case 'p': r = sgn ? t_long : t_ulong; break;
    case 'T': r = sgn ? t_int128 : t_uint128; break;
    case 'f': r = t_float; break;
    case 'd': r = t_double; break;
    case 'x': r = t_ldouble; break;
    case 't': r = t_float128; break;
  }
  if (t->k == TK::Complex) r = complex_of(a.mode == 'f' || a.mode == 'd' || a.mode == 'x' || a.mode == 't' ? r : t->base);
  (void)loc;
  return qualify(r, t->q);
}

// ---- Declaration specifiers (6.7.1-6.7.5) ------------------------------------------

enum : u32 {
  SP_VOID = 1u << 0, SP_BOOL = 1u << 1, SP_CHAR = 1u << 2, SP_SHORT = 1u << 3, SP_INT = 1u << 4,
  SP_FLOAT = 1u << 5, SP_DOUBLE = 1u << 6, SP_SIGNED = 1u << 7, SP_UNSIGNED = 1u << 8,
  SP_INT128 = 1u << 9, SP_COMPLEX = 1u << 10, SP_OTHER = 1u << 11, SP_FLOAT128 = 1u << 12
};

bool Parser::declaration_specifiers(DeclSpec* ds, bool allow_sc) {
  u32 spec = 0;
  int longs = 0;
  u8 q = 0;
  CType* other = nullptr;
  bool any = false;
  int n_specs = 0;
  CfreeLoc second_loc = 0;
  ds->loc = tok.loc;
  if (lead_attrs_) {
    // Attributes a block item started with (`__attribute__((vector_size(16))) float v;`).
    ds->attrs = *lead_attrs_;
    lead_attrs_ = nullptr;
  }
  for (;;) {
    CfreeLoc loc = tok.loc;
    Tok k = tok.kind;
    switch (k) {
      case Tok::KwVoid: case Tok::KwBool: case Tok::KwChar: case Tok::KwShort: case Tok::KwInt:
      case Tok::KwLong: case Tok::KwFloat: case Tok::KwDouble: case Tok::KwSigned: case Tok::KwUnsigned:
      case Tok::KwInt128: case Tok::KwComplex: case Tok::KwStruct: case Tok::KwUnion: case Tok::KwEnum:
        if (++n_specs == 2) second_loc = loc;
        break;
      default: break;
    }
    auto set_sc = [&](u8 sc) {
      if (!allow_sc) error(loc, "storage class specified for %s", "unnamed parameter");
      else if (ds->sc != SC_NONE && !(ds->sc == sc)) error(ds->loc, "multiple storage classes in declaration specifiers");
      ds->sc = sc;
    };
    switch (k) {
      case Tok::KwTypedef: set_sc(SC_TYPEDEF); break;
      case Tok::KwExtern: set_sc(SC_EXTERN); break;
      case Tok::KwStatic: set_sc(SC_STATIC); break;
      case Tok::KwAuto: set_sc(SC_AUTO); break;
      case Tok::KwRegister: set_sc(SC_REGISTER); break;
      case Tok::KwThreadLocal: ds->tls = true; break;
      case Tok::KwInline: ds->is_inline = true; break;
      case Tok::KwNoreturn: ds->noreturn = true; break;
      case Tok::KwConstexpr: break;
      case Tok::KwConst: q |= Q_CONST; break;
      case Tok::KwVolatile: q |= Q_VOLATILE; break;
      case Tok::KwRestrict: q |= Q_RESTRICT; break;
      case Tok::KwExtension: break;
      case Tok::KwAtomic:
        if (peek().kind == Tok::LParen) {
          advance();
          advance();
          CType* t = type_name();
          expect(Tok::RParen);
          if (spec || other) error(loc, "two or more data types in declaration specifiers");
          other = qualify(t, static_cast<u8>(t->q | Q_ATOMIC));
          spec |= SP_OTHER;
          any = true;
          continue;
        }
        q |= Q_ATOMIC;
        break;
      case Tok::KwAlignas: {
        advance();
        expect(Tok::LParen);
        u32 al;
        if (is_type_start(tok)) al = align_of(type_name());
        else al = static_cast<u32>(const_int("alignment"));
        expect(Tok::RParen);
        if (al > ds->align) ds->align = al;
        any = true;
        continue;
      }
      case Tok::KwAttribute:
        parse_attributes(&ds->attrs);
        any = true;
        continue;
      case Tok::KwVoid: spec |= SP_VOID; break;
      case Tok::KwBool: spec |= SP_BOOL; break;
      case Tok::KwChar: spec |= SP_CHAR; break;
      case Tok::KwShort: spec |= SP_SHORT; break;
      case Tok::KwInt:
        if (spec & SP_INT) error(loc, "two or more data types in declaration specifiers");
        spec |= SP_INT;
        break;
      case Tok::KwLong:
        if (++longs > 2) error(loc, "'long long long' is too long for GCC");
        break;
      case Tok::KwFloat: case Tok::KwFloat32: spec |= SP_FLOAT; break;
      case Tok::KwDouble: case Tok::KwFloat64: case Tok::KwFloat32x: spec |= SP_DOUBLE; break;
      case Tok::KwFloat64x: spec |= SP_DOUBLE; longs = 1; break;
      case Tok::KwFloat128: spec |= SP_FLOAT128; break;
      case Tok::KwSigned: spec |= SP_SIGNED; break;
      case Tok::KwUnsigned: spec |= SP_UNSIGNED; break;
      case Tok::KwInt128: spec |= SP_INT128; break;
      case Tok::KwComplex: spec |= SP_COMPLEX; break;
      case Tok::KwImaginary: error(loc, "imaginary types are not supported"); break;
      case Tok::KwFloat16: case Tok::KwDecimal32: case Tok::KwDecimal64: case Tok::KwDecimal128:
        error(loc, "'%s' is not supported on this target", tok_name(k));
        spec |= SP_FLOAT;
        break;
      case Tok::KwBuiltinVaList:
        if (spec || other) error(loc, "two or more data types in declaration specifiers");
        other = t_va_list;
        spec |= SP_OTHER;
        break;
      case Tok::KwAutoType:
        if (spec || other) error(loc, "two or more data types in declaration specifiers");
        spec |= SP_OTHER;
        other = nullptr;
        ds->auto_type = true;  // the type comes from the initializer
        break;
      case Tok::KwStruct: case Tok::KwUnion: case Tok::KwEnum: case Tok::KwTypeof:
      case Tok::KwTypeofUnqual: {
        if (spec || other) error(loc, "two or more data types in declaration specifiers");
        CType* t;
        if (k == Tok::KwEnum) t = enum_specifier();
        else if (k == Tok::KwTypeof || k == Tok::KwTypeofUnqual) {
          t = typeof_specifier();
          if (k == Tok::KwTypeofUnqual) t = t->unq;
        } else t = struct_or_union(k == Tok::KwUnion, &ds->attrs);
        other = t;
        spec |= SP_OTHER;
        any = true;
        continue;
      }
      case Tok::Identifier: {
        if (spec || other || longs) goto done;
        Decl* d = lookup(tok.sym);
        if (!d || d->kind != DK::Typedef) goto done;
        // `T x` where T is a typedef, unless T is being redeclared in a
        // parameter list / member as the declarator itself (`T;` handled by caller).
        other = d->ty;
        d->used = true;
        spec |= SP_OTHER;
        break;
      }
      default: goto done;
    }
    any = true;
    advance();
  }
done:
  if (!any) return false;
  CType* t = nullptr;
  ds->had_type = spec != 0 || longs != 0;
  if (spec & SP_OTHER) {
    if ((spec & ~SP_OTHER) || longs) error(second_loc ? second_loc : ds->loc, "two or more data types in declaration specifiers");
    t = other;
    if (!t) t = t_int;  // __auto_type placeholder
  } else {
    u32 base = spec & ~(SP_SIGNED | SP_UNSIGNED | SP_COMPLEX);
    bool uns = spec & SP_UNSIGNED;
    if ((spec & SP_SIGNED) && uns) error(second_loc ? second_loc : ds->loc, "both 'signed' and 'unsigned' in declaration specifiers");
    auto bad = [&]() { error(second_loc ? second_loc : ds->loc, "two or more data types in declaration specifiers"); };
    if (base == SP_VOID) t = t_void;
    else if (base == SP_BOOL) t = t_bool;
    else if (base == SP_CHAR) t = (spec & SP_SIGNED) ? t_schar : uns ? t_uchar : t_char;
    else if (base == SP_SHORT || base == (SP_SHORT | SP_INT)) t = uns ? t_ushort : t_short;
    else if (base == SP_FLOAT) t = t_float;
    else if (base == SP_DOUBLE) t = longs ? t_ldouble : t_double;
    else if (base == SP_FLOAT128) t = t_float128;
    else if (base == SP_INT128) t = uns ? t_uint128 : t_int128;
    else if (base == SP_INT || base == 0) {
      if (base == 0 && !(spec & (SP_SIGNED | SP_UNSIGNED | SP_COMPLEX)) && !longs) {
        // implicit int
        t = t_int;
        ds->had_type = false;
      } else if (longs == 2) t = uns ? t_ullong : t_llong;
      else if (longs == 1) t = uns ? t_ulong : t_long;
      else t = uns ? t_uint : t_int;
      if (base == 0 && (spec & SP_COMPLEX) && !(spec & (SP_SIGNED | SP_UNSIGNED)) && !longs) t = t_double;
    } else {
      bad();
      t = t_int;
    }
    if (longs && base != SP_INT && base != 0 && base != SP_DOUBLE) bad();
    if (spec & SP_COMPLEX) t = complex_of(t);
  }
  if (ds->attrs.has_mode) t = apply_mode(t, ds->attrs, ds->loc);
  if (ds->attrs.vector) t = apply_vector(t, ds->attrs, ds->loc);
  if (q) t = qualify(t, static_cast<u8>(t->q | q));
  if (ds->align) t = with_align(t, ds->align);
  ds->ty = t;
  return true;
}

CType* Parser::typeof_specifier() {
  advance();
  expect(Tok::LParen);
  CType* t;
  if (is_type_start(tok)) {
    t = type_name();
  } else {
    g.nocode++;
    Val v = expr();
    g.nocode--;
    t = v.ty ? v.ty : t_int;
  }
  expect(Tok::RParen);
  return t;
}

CType* Parser::type_name() {
  DeclSpec ds;
  if (!declaration_specifiers(&ds, false)) {
    error(tok.loc, "expected specifier-qualifier-list before '%s'", tok_text(tok));
    return t_int;
  }
  Declarator d;
  declarator(ds.ty, &d, true, false);
  return d.ty;
}

// ---- Struct, union, enum (6.7.2.1-6.7.2.3) --------------------------------------------

CType* Parser::struct_or_union(bool is_union, Attrs* outer) {
  CfreeLoc kw_loc = tok.loc;
  advance();
  Attrs a;
  parse_attributes(&a);
  CfreeSym tag = 0;
  CfreeLoc tag_loc = tok.loc;
  if (tok.kind == Tok::Identifier) {
    tag = tok.sym;
    advance();
  }
  TK kind = is_union ? TK::Union : TK::Struct;
  auto make = [&]() {
    CType* t = new_type(kind);
    t->rec = static_cast<Record*>(cfree_arena_alloc(arena, sizeof(Record), alignof(Record)));
    *t->rec = Record{};
    t->rec->tag = tag;
    t->rec->is_union = is_union;
    t->rec->loc = tag_loc;
    t->rec->cg = cfree_type_record(c, is_union, tag);
    t->cg = t->rec->cg;
    return t;
  };
  if (tok.kind != Tok::LBrace) {
    if (!tag) {
      error(tok.loc, "expected '{' before %s", tok_desc(tok).c_str());
      return make();
    }
    Tag* tg = lookup_tag(tag);
    bool decl_only = tok.kind == Tok::Semi;
    if (tg && (!decl_only || tg->depth == depth)) {
      if (tg->ty->k != kind) {
        error(tag_loc, "'%s' defined as wrong kind of tag", sym_str(tag));
        return make();
      }
      return tg->ty;
    }
    CType* t = make();
    bind_tag(tag, t, tag_loc);
    return t;
  }
  // Definition.
  CType* t = nullptr;
  if (tag) {
    Tag* tg = lookup_tag(tag);
    if (tg && tg->depth == depth) {
      if (tg->ty->k != kind) {
        error(tag_loc, "'%s %s' defined as wrong kind of tag", is_union ? "union" : "struct", sym_str(tag));
      } else if (tg->ty->rec->complete) {
        error(tag_loc, "redefinition of '%s %s'", is_union ? "union" : "struct", sym_str(tag));
        note(tg->ty->rec->loc, "originally defined here");
      } else {
        t = tg->ty;
      }
    }
    if (!t) {
      t = make();
      bind_tag(tag, t, tag_loc);
    }
  } else {
    t = make();
    t->rec->loc = kw_loc;
  }
  t->rec->loc = tag ? tag_loc : kw_loc;
  advance();  // {
  std::vector<Field> fields;
  while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) {
    if (tok.kind == Tok::KwStaticAssert) {
      static_assert_decl();
      continue;
    }
    if (tok.kind == Tok::Semi) {
      pedwarn(tok.loc, "pedantic", "extra semicolon in struct or union specified");
      advance();
      continue;
    }
    DeclSpec ds;
    CfreeLoc mloc = tok.loc;
    if (!declaration_specifiers(&ds, false)) {
      error(tok.loc, "expected specifier-qualifier-list before '%s'", tok_text(tok));
      skip_to_semi();
      continue;
    }
    if (tok.kind == Tok::Semi) {
      // Anonymous struct/union member (C11 6.7.2.1p13).
      if (is_record(ds.ty) && (!ds.ty->rec->tag || true)) {
        if (ds.ty->rec->tag && ds.ty->rec->tag != 0) {
          // gcc: a tagged struct here declares nothing (unless -fms-extensions)
          pedwarn(mloc, nullptr, "declaration does not declare anything");
        } else {
          Field f{};
          f.ty = ds.ty;
          f.anon = true;
          f.loc = mloc;
          fields.push_back(f);
        }
      } else {
        pedwarn(mloc, nullptr, "declaration does not declare anything");
      }
      advance();
      continue;
    }
    for (;;) {
      Declarator d;
      Field f{};
      f.loc = tok.loc;
      if (tok.kind != Tok::Colon) {
        declarator(ds.ty, &d, false, true);
        f.name = d.name;
        f.loc = d.loc;
      } else {
        d.ty = ds.ty;
      }
      CType* ft = d.ty;
      if (tok.kind == Tok::Colon) {
        CfreeLoc bl = tok.loc;
        advance();
        i64 w = const_int("bit-field width");
        if (!is_integer(ft)) {
          error(f.loc, "bit-field '%s' has invalid type", f.name ? sym_str(f.name) : "<anonymous>");
          ft = t_int;
        }
        if (w < 0) {
          error(f.name ? f.loc : bl, "negative width in bit-field '%s'", f.name ? sym_str(f.name) : "<anonymous>");
          w = 1;
        } else if (static_cast<u64>(w) > bits_of(ft) && ft->k != TK::Bool) {
          error(f.name ? f.loc : bl, "width of '%s' exceeds its type", f.name ? sym_str(f.name) : "<anonymous>");
          w = bits_of(ft);
        } else if (w == 0 && f.name) {
          error(f.loc, "zero width for bit-field '%s'", sym_str(f.name));
          w = 1;
        }
        f.bitfield = true;
        f.bit_width = static_cast<u32>(w);
      }
      parse_attributes(&d.attrs);
      // `int __attribute__((aligned(8))) a;`: an aligned attribute among the
      // specifiers belongs to each member declared, as GCC applies it.
      if (ds.attrs.aligned > d.attrs.aligned) d.attrs.aligned = ds.attrs.aligned;
      if (d.attrs.aligned) ft = with_align(ft, d.attrs.aligned > align_of(ft) || d.attrs.packed ? d.attrs.aligned : align_of(ft));
      if (d.attrs.packed) f.storage = 1;
      if (d.attrs.has_mode) ft = apply_mode(ft, d.attrs, f.loc);
      if (d.attrs.vector) ft = apply_vector(ft, d.attrs, f.loc);
      f.ty = ft;
      if (ft->k == TK::Func) {
        error(f.loc, "field '%s' declared as a function", sym_str(f.name));
        f.ty = pointer_to(ft);
      } else if (!is_complete(ft) && !(ft->k == TK::Array && ft->count < 0)) {
        error(f.loc, "field '%s' has incomplete type", f.name ? sym_str(f.name) : "<anonymous>");
        f.ty = t_int;
      } else if (ft->vla && !fn_) {
        error(f.loc, "variably modified '%s' at file scope", f.name ? sym_str(f.name) : "<anonymous>");
        f.ty = t_int;
      }
      if (ft->q & Q_CONST) t->rec->has_const = true;
      if (is_record(ft) && ft->rec->has_const) t->rec->has_const = true;
      if (f.name) {
        for (const Field& o : fields)
          if (o.name == f.name) {
            error(f.loc, "duplicate member '%s'", sym_str(f.name));
            break;
          }
      }
      fields.push_back(f);
      if (!accept(Tok::Comma)) break;
    }
    if (!expect(Tok::Semi)) skip_to_semi();
  }
  CfreeLoc rb = tok.loc;
  expect(Tok::RBrace);
  parse_attributes(&a);
  if (outer) {
    // Attributes after the closing brace may also land in the outer specifiers.
    if (outer->packed) a.packed = true;
    if (outer->aligned > a.aligned) a.aligned = outer->aligned;
    if (outer->transparent_union) a.transparent_union = true;
  }
  // Flexible array members: only last, not alone (6.7.2.1p18).
  for (size_t i = 0; i < fields.size(); i++) {
    CType* ft = fields[i].ty;
    if (ft->k == TK::Array && ft->count < 0) {
      if (i + 1 != fields.size()) {
        error(fields[i].loc, "flexible array member not at end of struct");
      } else if (is_union) {
        t->rec->flex = true;  // GNU: allowed in unions
      } else {
        t->rec->flex = true;
      }
      CType* flex = new_type(TK::Array);
      *flex = *ft;
      flex->unq = flex;
      flex->variants = nullptr;
      flex->count = -1;
      flex->cg = cfree_type_flex_array(c, cgt(ft->base));
      fields[i].ty = flex;
    }
    if (is_record(ft) && ft->rec->flex && !is_union)
      if (i + 1 != fields.size()) pedwarn(fields[i].loc, "pedantic", "invalid use of structure with flexible array member");
  }
  (void)rb;
  complete_record(t, fields, a, pack_);
  return t;
}

CType* Parser::enum_specifier() {
  advance();
  Attrs a;
  parse_attributes(&a);
  CfreeSym tag = 0;
  CfreeLoc tag_loc = tok.loc;
  if (tok.kind == Tok::Identifier) {
    tag = tok.sym;
    advance();
  }
  auto make = [&]() {
    CType* t = new_type(TK::Enum);
    t->en = static_cast<EnumInfo*>(cfree_arena_alloc(arena, sizeof(EnumInfo), alignof(EnumInfo)));
    *t->en = EnumInfo{tag, false, tag_loc};
    t->base = t_uint;
    return t;
  };
  if (tok.kind != Tok::LBrace) {
    if (!tag) {
      error(tok.loc, "expected '{' before %s", tok_desc(tok).c_str());
      return t_int;
    }
    Tag* tg = lookup_tag(tag);
    if (tg) {
      if (tg->ty->k != TK::Enum) error(tag_loc, "'enum %s' defined as wrong kind of tag", sym_str(tag));
      else return tg->ty;
    }
    CType* t = make();
    bind_tag(tag, t, tag_loc);
    return t;
  }
  CType* t = nullptr;
  if (tag) {
    Tag* tg = lookup_tag(tag);
    if (tg && tg->depth == depth && tg->ty->k == TK::Enum) {
      if (tg->ty->en->complete) {
        error(tag_loc, "redeclaration of 'enum %s'", sym_str(tag));
        note(tg->ty->en->loc, "originally defined here");
      } else {
        t = tg->ty;
      }
    }
    if (!t) {
      t = make();
      bind_tag(tag, t, tag_loc);
    }
  } else {
    t = make();
  }
  advance();
  i64 val = 0;
  i64 lo = 0, hi = 0;
  bool first = true;
  std::vector<Decl*> consts;
  while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) {
    if (tok.kind != Tok::Identifier) {
      error(tok.loc, "expected identifier before %s", tok_desc(tok).c_str());
      skip_to_semi();
      return t;
    }
    CfreeSym name = tok.sym;
    CfreeLoc loc = tok.loc;
    advance();
    Attrs ea;
    parse_attributes(&ea);
    if (accept(Tok::Equal)) {
      std::string m = std::string("enumerator value for '") + sym_str(name) + "' is not an integer constant";
      val = const_int_msg(m.c_str(), loc, nullptr);
    }
    Decl* prev = lookup(name);
    if (prev && prev->depth == depth) {
      if (prev->kind == DK::EnumConst) {
        error(loc, "redeclaration of enumerator '%s'", sym_str(name));
        note(prev->loc, "previous definition of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
      } else {
        error(loc, "'%s' redeclared as different kind of symbol", sym_str(name));
        note(prev->loc, "previous declaration of '%s' with type '%s'", sym_str(name), type_str(prev->ty).c_str());
      }
    }
    bool fits_int = val >= INT32_MIN && val <= INT32_MAX;
    Decl* d = bind(name, DK::EnumConst, fits_int ? t_int : (val < 0 ? t_long : t_long), loc);
    d->value = val;
    consts.push_back(d);
    if (first || val < lo) lo = val;
    if (first || val > hi) hi = val;
    first = false;
    val++;
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RBrace);
  parse_attributes(&a);
  CType* u;
  if (a.packed) {
    if (lo >= 0) u = hi <= 0xff ? t_uchar : hi <= 0xffff ? t_ushort : hi <= 0xffffffffLL ? t_uint : t_ulong;
    else u = lo >= -128 && hi <= 127 ? t_schar : lo >= -32768 && hi <= 32767 ? t_short : lo >= INT32_MIN && hi <= INT32_MAX ? t_int : t_long;
  } else if (lo >= 0) {
    u = static_cast<u64>(hi) <= 0xffffffffULL ? t_uint : t_ulong;
  } else {
    u = lo >= INT32_MIN && hi <= INT32_MAX ? t_int : t_long;
  }
  if (a.has_mode) u = apply_mode(u, a, tag_loc);
  t->base = u;
  t->cg = 0;
  t->size_cache = 0;
  t->align_cache = 0;
  t->en->complete = true;
  for (Decl* d : consts)
    if (d->ty != t_int) d->ty = t;
  return t;
}

// ---- Declarators (6.7.6) ----------------------------------------------------------------

FuncInfo* Parser::param_list(CfreeLoc lparen) {
  (void)lparen;
  auto* fn = static_cast<FuncInfo*>(cfree_arena_alloc(arena, sizeof(FuncInfo), alignof(FuncInfo)));
  *fn = FuncInfo{};
  // Array sizes in a parameter list generate no code where it is parsed
  // (inside a function: a nested function's or a prototype's parameters);
  // a definition evaluates them at its entry.
  struct NoCode {
    Gen& g;
    explicit NoCode(Gen& gen) : g(gen) { g.nocode++; }
    ~NoCode() { g.nocode--; }
  } nocode(g);
  SmallVec<Param, 8> ps;
  if (tok.kind == Tok::RParen) {
    advance();
    return fn;
  }
  if (tok.kind == Tok::KwVoid && peek().kind == Tok::RParen) {
    advance();
    advance();
    fn->proto = true;
    return fn;
  }
  if (tok.kind == Tok::Identifier && !is_typedef_name(tok) &&
      (peek().kind == Tok::Identifier || peek().kind == Tok::Star)) {
    error(tok.loc, "unknown type name '%s'", sym_str(tok.sym));
    advance();
    fn->proto = true;
    push_scope();
    Declarator d;
    declarator(t_int, &d, true, true);
    ps.push_back(Param{d.name, t_int, d.loc});
    while (tok.kind != Tok::RParen && tok.kind != Tok::Eof && tok.kind != Tok::Semi && tok.kind != Tok::LBrace) advance();
    accept(Tok::RParen);
    pop_scope();
  } else if (tok.kind == Tok::Identifier && !is_typedef_name(tok)) {
    // K&R identifier list.
    fn->knr_ids = true;
    while (tok.kind == Tok::Identifier) {
      ps.push_back(Param{tok.sym, t_int, tok.loc});
      advance();
      if (!accept(Tok::Comma)) break;
    }
    if (!expect(Tok::RParen)) skip_balanced();
  } else {
    fn->proto = true;
    push_scope();
    for (;;) {
      if (tok.kind == Tok::Ellipsis) {
        advance();
        fn->variadic = true;
        if (ps.empty()) pedwarn(tok.loc, "pedantic", "ISO C requires a named argument before '...'");
        break;
      }
      DeclSpec ds;
      CfreeLoc ploc = tok.loc;
      std::vector<Token> rec;
      std::vector<Token>* prev_rec = begin_record(&rec);
      u32 vla_before = vla_exprs_;
      if (!declaration_specifiers(&ds, true)) {
        if (tok.kind == Tok::Identifier) error(tok.loc, "unknown type name '%s'", sym_str(tok.sym));
        else error(tok.loc, "expected declaration specifiers or '...' before %s", tok_desc(tok).c_str());
        ds.ty = t_int;
        if (tok.kind == Tok::Identifier) advance();
        else {
          while (tok.kind != Tok::RParen && tok.kind != Tok::Eof && tok.kind != Tok::Comma && tok.kind != Tok::Semi && tok.kind != Tok::LBrace) advance();
        }
      }
      Declarator d;
      declarator(ds.ty, &d, true, true);
      if (ds.sc != SC_NONE && ds.sc != SC_REGISTER) {
        if (d.name) error(d.loc, "storage class specified for parameter '%s'", sym_str(d.name));
        else error(ploc, "storage class specified for unnamed parameter");
      }
      parse_attributes(&d.attrs);
      end_record(&rec, prev_rec);
      if (vla_exprs_ != vla_before && d.name && !rec.empty()) {
        rec.pop_back();  // the ',' or ')' after the parameter
        vla_params_.push_back(VlaParam{fn, static_cast<u32>(ps.size()), std::move(rec)});
      }
      CType* t = d.ty;
      if (d.attrs.has_mode) t = apply_mode(t, d.attrs, d.loc);
      if (d.attrs.vector) t = apply_vector(t, d.attrs, d.loc);
      if (t->k == TK::Array) t = qualify(pointer_to(t->base), t->q);
      else if (t->k == TK::Func) t = pointer_to(t);
      if (t->k == TK::Void) {
        if (!d.name && ps.empty() && tok.kind == Tok::RParen && !t->q) {
          // (void) handled above; here `(const void)` etc.
        }
        error(ploc, "'void' must be the only parameter");
        t = t_int;
      }
      ps.push_back(Param{d.name, t, d.loc ? d.loc : ploc});
      if (d.name) {
        Decl* pd = bind(d.name, DK::Var, t, d.loc);
        pd->is_param = true;
      }
      if (!accept(Tok::Comma)) break;
    }
    pop_scope();
    if (!expect(Tok::RParen)) {
      while (tok.kind != Tok::RParen && tok.kind != Tok::Eof && tok.kind != Tok::Semi && tok.kind != Tok::LBrace) advance();
      accept(Tok::RParen);
    }
  }
  fn->n_params = static_cast<u32>(ps.size());
  fn->params = static_cast<Param*>(cfree_arena_alloc(arena, sizeof(Param) * (ps.size() + 1), alignof(Param)));
  for (size_t i = 0; i < ps.size(); i++) fn->params[i] = ps[i];
  return fn;
}

// Collect a declarator's derivation steps in application order: this
// level's pointers, this level's suffixes from the right, then the nested
// declarator's steps.

void Parser::declarator(CType* base, Declarator* d, bool abstract_ok, bool name_ok) {
  SmallVec<DeclOp, 8> ops;
  declarator_ops(d, &ops, abstract_ok, name_ok);
  CType* t = base;
  for (DeclOp& op : ops) {
    if (op.k == DeclOp::Ptr) {
      t = qualify(pointer_to(t), op.q);
    } else if (op.k == DeclOp::Array) {
      if (t->k == TK::Func) {
        error(d->loc, "declaration of '%s' as array of functions", d->name ? sym_str(d->name) : "type name");
        t = pointer_to(t);
      } else if (t->k == TK::Void) {
        error(d->loc, "declaration of '%s' as array of voids", d->name ? sym_str(d->name) : "type name");
        t = t_int;
      } else if (!is_complete(t) && !(t->k == TK::Array && t->vla)) {
        error(d->loc, "array type has incomplete element type '%s'", type_str(t).c_str());
      }
      CType* a = array_of(t, op.count == -2 ? 0 : op.count);
      if (op.count == -2) {
        a->vla = true;
        a->vla_count = op.count_slot;
      }
      if (a->vla && g.on()) {
        // sizeof at run time: count * sizeof(element).
        a->vla_size = g.slot(8, 8);
        if (a->vla_count) {
          g.push_slot(a->vla_count, 0, cg_ptr);
          g.load(cgt(t_size), 0);
        } else {
          g.push_int(cgt(t_size), static_cast<u64>(a->count));
        }
        Val es = elem_size_val(t);
        materialize(es);
        g.binop(CFREE_OP_MUL, cgt(t_size));
        g.push_slot(a->vla_size, 0, cg_ptr);
        g.swap();
        g.store(cgt(t_size), 0);
      }
      if (op.q) {
        CType* qa = qualify(a, op.q);
        qa->vla = a->vla;
        qa->vla_size = a->vla_size;
        qa->vla_count = a->vla_count;
        t = qa;
      } else {
        t = a;
      }
    } else {
      if (t->k == TK::Func) {
        error(d->loc, "'%s' declared as function returning a function", d->name ? sym_str(d->name) : "type name");
        t = t_int;
      } else if (t->k == TK::Array) {
        error(d->loc, "'%s' declared as function returning an array", d->name ? sym_str(d->name) : "type name");
        t = t_int;
      }
      t = func_type(t, op.fn);
    }
  }
  d->ty = t;
  d->fn = t->k == TK::Func ? t->fn : nullptr;
}

void Parser::declarator_ops(Declarator* d, SmallVec<DeclOp, 8>* out, bool abstract_ok, bool name_ok) {
  SmallVec<DeclOp, 4> ptrs;
  while (tok.kind == Tok::Star || tok.kind == Tok::KwAttribute) {
    if (tok.kind == Tok::KwAttribute) {
      parse_attributes(&d->attrs);
      continue;
    }
    advance();
    DeclOp op{};
    op.k = DeclOp::Ptr;
    for (;;) {
      if (tok.kind == Tok::KwConst) op.q |= Q_CONST;
      else if (tok.kind == Tok::KwVolatile) op.q |= Q_VOLATILE;
      else if (tok.kind == Tok::KwRestrict) op.q |= Q_RESTRICT;
      else if (tok.kind == Tok::KwAtomic) op.q |= Q_ATOMIC;
      else if (tok.kind == Tok::KwAttribute) {
        Attrs pa;
        parse_attributes(&pa);
        continue;
      } else break;
      advance();
    }
    ptrs.push_back(op);
  }
  SmallVec<DeclOp, 8> inner;
  bool has_inner = false;
  if (tok.kind == Tok::LParen) {
    const Token& n = peek();
    bool nested = false;
    if (n.kind == Tok::Star || n.kind == Tok::LParen || n.kind == Tok::KwAttribute || n.kind == Tok::Caret) nested = true;
    else if (n.kind == Tok::Identifier && name_ok && !is_typedef_name(n)) nested = true;
    else if (n.kind == Tok::LBracket && abstract_ok) nested = true;
    if (nested) {
      advance();
      declarator_ops(d, &inner, abstract_ok, name_ok);
      has_inner = true;
      expect(Tok::RParen);
    }
  }
  if (!has_inner) {
    if (tok.kind == Tok::Identifier) {
      if (!name_ok) error(tok.loc, "expected ')' before '%s'", sym_str(tok.sym));
      d->name = tok.sym;
      d->loc = tok.loc;
      advance();
    } else if (!abstract_ok) {
      if (tok.kind == Tok::Eof) error(tok.loc, "expected identifier or '(' at end of input");
      else error(tok.loc, "expected identifier or '(' before %s", tok_desc(tok).c_str());
    }
    if (!d->loc) d->loc = tok.loc;
  }
  SmallVec<DeclOp, 4> sufs;
  for (;;) {
    if (tok.kind == Tok::LBracket) {
      CfreeLoc lb = tok.loc;
      advance();
      DeclOp op{};
      op.k = DeclOp::Array;
      op.count = -1;
      for (;;) {
        if (tok.kind == Tok::KwStatic) op.is_static_arr = true;
        else if (tok.kind == Tok::KwConst) op.q |= Q_CONST;
        else if (tok.kind == Tok::KwVolatile) op.q |= Q_VOLATILE;
        else if (tok.kind == Tok::KwRestrict) op.q |= Q_RESTRICT;
        else if (tok.kind == Tok::KwAtomic) op.q |= Q_ATOMIC;
        else break;
        advance();
      }
      if (tok.kind == Tok::Star && peek().kind == Tok::RBracket) {
        advance();
        op.count = -2;
      } else if (tok.kind != Tok::RBracket) {
        Val v = assign_expr();
        v = rvalue(v);
        if (!v.ty || !is_integer(v.ty)) {
          if (d->name) error(d->loc, "size of array '%s' has non-integer type", sym_str(d->name));
          else error(lb, "size of unnamed array has non-integer type");
          if (on_stack(v)) g.pop();
          op.count = 1;
        } else if (v.k == Val::Const) {
          i64 n = static_cast<i64>(v.i);
          if (is_signed_t(v.ty) && n < 0) {
            if (d->name) error(d->loc, "size of array '%s' is negative", sym_str(d->name));
            else error(lb, "size of unnamed array is negative");
            n = 1;
          }
          op.count = n;
        } else {
          // A VLA: save the count now (6.7.6.2p5).
          op.count = -2;
          vla_exprs_++;
          Val cv = convert(v, t_size);
          materialize(cv);
          if (g.on()) {
            op.count_slot = g.slot(8, 8);
            g.push_slot(op.count_slot, 0, cg_ptr);
            g.swap();
            g.store(cgt(t_size), 0);
          }
        }
      }
      expect(Tok::RBracket);
      sufs.push_back(op);
    } else if (tok.kind == Tok::LParen) {
      CfreeLoc lp = tok.loc;
      advance();
      DeclOp op{};
      op.k = DeclOp::Func;
      op.fn = param_list(lp);
      sufs.push_back(op);
    } else {
      break;
    }
  }
  for (DeclOp& op : ptrs) out->push_back(op);
  for (size_t i = sufs.size(); i-- > 0;) out->push_back(sufs[i]);
  for (DeclOp& op : inner) out->push_back(op);
}

void Parser::asm_label(Declarator* d) {
  if (tok.kind != Tok::KwAsm) return;
  advance();
  expect(Tok::LParen);
  std::vector<Token> toks;
  while (tok.kind == Tok::String) {
    toks.push_back(tok);
    advance();
  }
  if (!toks.empty()) {
    std::vector<u8> bytes;
    Encoding enc;
    u32 ub;
    decode_strings(c, toks.data(), toks.size(), 4, &bytes, &enc, &ub);
    d->asm_name = cfree_sym_intern(c, reinterpret_cast<const char*>(bytes.data()), bytes.size());
  } else {
    error(tok.loc, "expected string literal before %s", tok_desc(tok).c_str());
  }
  expect(Tok::RParen);
}

void Parser::static_assert_decl() {
  CfreeLoc loc = tok.loc;
  advance();
  expect(Tok::LParen);
  CfreeLoc eloc = tok.loc;
  bool ok = true;
  i64 v = const_int_msg("expression in static assertion is not constant", eloc, &ok);
  std::string msg;
  if (accept(Tok::Comma)) {
    std::vector<Token> toks;
    while (tok.kind == Tok::String) {
      toks.push_back(tok);
      advance();
    }
    if (toks.empty()) error(tok.loc, "expected string literal before %s", tok_desc(tok).c_str());
    else {
      std::vector<u8> bytes;
      Encoding enc;
      u32 ub;
      decode_strings(c, toks.data(), toks.size(), 4, &bytes, &enc, &ub);
      msg.assign(bytes.begin(), bytes.end());
    }
  }
  expect(Tok::RParen);
  if (!accept(Tok::Semi)) expect(Tok::Semi);
  if (ok && v == 0) {
    if (msg.empty()) error(loc, "static assertion failed");
    else error(loc, "static assertion failed: \"%s\"", msg.c_str());
  }
}

void Parser::top_level_asm() {
  CfreeLoc loc = tok.loc;
  advance();
  while (tok.kind == Tok::KwVolatile || tok.kind == Tok::KwInline) advance();
  expect(Tok::LParen);
  std::vector<Token> toks;
  while (tok.kind == Tok::String) {
    toks.push_back(tok);
    advance();
  }
  std::vector<u8> bytes;
  Encoding enc;
  u32 ub;
  if (!toks.empty()) decode_strings(c, toks.data(), toks.size(), 4, &bytes, &enc, &ub);
  expect(Tok::RParen);
  expect(Tok::Semi);
  if (g.emit) {
    // Top-level asm is basic asm: `%` is literal.
    std::vector<u8> lit;
    for (u8 ch : bytes) {
      if (ch == '%') lit.push_back('%');
      lit.push_back(ch);
    }
    bytes = std::move(lit);
    bytes.push_back(0);
    CfreeAsmDesc desc{};
    desc.tmpl = reinterpret_cast<const char*>(bytes.data());
    desc.loc = loc;
    cfree_cg_asm(g.cg, &desc);
  }
}

}  // namespace cfree::c
