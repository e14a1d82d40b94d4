// parse_init.cpp: initializers (C11 6.7.9), static and automatic.
//
// One walker handles brace lists, brace elision, designators (nested, and
// GNU array ranges `[a ... b]`), string literals for character arrays and
// incomplete arrays whose size the initializer fixes.  In static mode each
// scalar must be an arithmetic or address constant and lands in a byte
// buffer with relocations (InitBuf), emitted once as a data definition; in
// local mode the object's slot is zero-filled and each scalar is stored as
// it is parsed (later designators override earlier stores, 6.7.9p19).
// A local array of unknown size is sized by a dry run over the recorded
// tokens of its initializer (quiet, no code), then initialized for real.
#include "c/parse.h"

#include <algorithm>

namespace cfree::c {

static bool is_char_like(Parser* p, CType* t) {
  t = t->unq;
  if (Parser::is_integer(t)) return p->size_of(t) == 1 || t == p->t_wchar->unq || t == p->t_char16 || t == p->t_char32;
  return false;
}

void Parser::store_static_scalar(CType* ty, Val v, u64 off, InitBuf* buf, const Field* bf, CfreeLoc loc) {
  u64 size = bf ? (bf->storage ? bf->storage : size_of(ty)) : size_of(ty);
  if (buf->bytes.size() < off + size) buf->bytes.resize(off + size, 0);
  u8* p = buf->bytes.data() + off;
  if (v.k == Val::Const) {
    if (bf) {
      u64 unit = 0;
      for (u64 i = 0; i < size && i < 8; i++) unit |= static_cast<u64>(p[i]) << (8 * i);
      u64 mask = bf->bit_width >= 64 ? ~0ULL : ((1ULL << bf->bit_width) - 1);
      unit &= ~(mask << bf->bit_offset);
      unit |= (v.i & mask) << bf->bit_offset;
      for (u64 i = 0; i < size && i < 8; i++) p[i] = static_cast<u8>(unit >> (8 * i));
      return;
    }
    u64 x = v.i;
    u64 hi = is_int128(ty->unq) ? v.hi : 0;
    for (u64 i = 0; i < size; i++) p[i] = i < 8 ? static_cast<u8>(x >> (8 * i)) : i < 16 ? static_cast<u8>(hi >> (8 * (i - 8))) : 0;
    return;
  }
  if (v.k == Val::FConst) {
    if (ty->k == TK::Complex && !is_float(ty->base)) {
      u64 es = size_of(ty->base);
      Val re = cx_part(v, false), im = cx_part(v, true);
      for (u64 i = 0; i < es && i < 8; i++) p[i] = static_cast<u8>(re.i >> (8 * i));
      if (size >= 2 * es)
        for (u64 i = 0; i < es && i < 8; i++) p[es + i] = static_cast<u8>(im.i >> (8 * i));
      return;
    }
    if (ty->k == TK::Complex) {
      u8 b[16];
      float_bytes(ty->base, v.f, b);
      u64 es = size_of(ty->base);
      std::memcpy(p, b, es < 16 ? es : 16);
      float_bytes(ty->base, v.fi, b);
      if (size >= 2 * es) std::memcpy(p + es, b, es < 16 ? es : 16);
      return;
    }
    u8 b[16];
    float_bytes(ty, v.f, b);
    std::memcpy(p, b, size < 16 ? size : 16);
    return;
  }
  if (v.k == Val::Addr && (v.base == Base::Sym || v.base == Base::Label) && !v.nonconst) {
    if (size != 8 && size != 4) {
      error(loc, "initializer element is not computable at load time");
      return;
    }
    InitBuf::Reloc r{off, 0, v.off, static_cast<u32>(size), 0};
    if (v.base == Base::Label) r.label = v.slot;
    else r.sym = v.sym ? v.sym : (v.d ? decl_sym(v.d) : 0);
    buf->relocs.push_back(r);
    return;
  }
  if (v.k == Val::Addr && v.base == Base::None) {
    u64 x = static_cast<u64>(v.off);
    for (u64 i = 0; i < size; i++) p[i] = static_cast<u8>(x >> (8 * i));
    return;
  }
  if (v.k == Val::Lval && (is_record(ty) || ty->k == TK::Complex)) {
    error(loc, "initializer element is not constant");
    return;
  }
  error(loc, "initializer element is not constant");
  discard(v);
}

void Parser::init_scalar(CType* ty, u64 off, const Field* bf) {
  CfreeLoc loc = tok.loc;
  Val v = assign_expr();
  v = assign_convert(v, ty, loc, "initialization");
  if (init_static_mode_) {
    store_static_scalar(ty, v, off, init_buf_, bf, loc);
    return;
  }
  Val lv;
  lv.k = Val::Lval;
  lv.base = Base::Slot;
  lv.slot = init_slot_;
  lv.off = static_cast<i64>(off);
  lv.ty = ty;
  if (bf) {
    lv.bitfield = true;
    lv.bf = bf;
  }
  assign_to(lv, v, loc, false);
}

// A string literal initializing a character array (6.7.9p14).
bool Parser::init_string(CType* ty, u64 off) {
  if (ty->k != TK::Array || !is_char_like(this, ty->base) || tok.kind != Tok::String) return false;
  CfreeLoc loc = tok.loc;
  Val s = string_literal();
  CType* st = s.ty->base;
  u32 unit = last_str_unit_;
  u64 es = size_of(ty->base);
  if (es != unit && !(es == 1 && unit == 1)) {
    if (!(size_of(st) == es)) error(loc, "array of inappropriate type initialized from string constant");
  }
  i64 n = static_cast<i64>(last_str_.size() / unit);
  if (ty->count < 0) {
    init_array_len_ = n + 1;
  } else if (n > ty->count) {
    pedwarn(loc, nullptr, "initializer-string for array of '%s' is too long", type_str(ty->base).c_str());
    n = ty->count;
  }
  u64 bytes = static_cast<u64>(n) * unit;
  if (init_static_mode_) {
    u64 total = ty->count < 0 ? bytes + unit : static_cast<u64>(ty->count) * es;
    if (init_buf_->bytes.size() < off + total) init_buf_->bytes.resize(off + total, 0);
    std::memcpy(init_buf_->bytes.data() + off, last_str_.data(), bytes);
  } else if (g.on()) {
    // The slot was zero-filled; copy the characters from the literal's data.
    u64 total = ty->count < 0 ? bytes + unit : static_cast<u64>(ty->count) * es;
    u64 copy = bytes + unit <= total ? bytes + unit : bytes;
    if (copy) {
      g.push_slot(init_slot_, static_cast<i64>(off), cg_ptr);
      g.push_sym(s.sym, 0, cg_ptr);
      g.copy(copy, 1);
    }
  }
  return true;
}

void Parser::init_copy_elem(u64 dst_off, u64 src_off, u64 size) {
  if (init_static_mode_) {
    InitBuf* b = init_buf_;
    if (b->bytes.size() < dst_off + size) b->bytes.resize(dst_off + size, 0);
    std::memmove(b->bytes.data() + dst_off, b->bytes.data() + src_off, size);
    size_t n = b->relocs.size();
    for (size_t i = 0; i < n; i++) {
      InitBuf::Reloc r = b->relocs[i];
      if (r.off >= src_off && r.off < src_off + size) {
        r.off = r.off - src_off + dst_off;
        b->relocs.push_back(r);
      }
    }
    return;
  }
  g.push_slot(init_slot_, static_cast<i64>(dst_off), cg_ptr);
  g.push_slot(init_slot_, static_cast<i64>(src_off), cg_ptr);
  g.copy(size, 1);
}

// Parse one designator chain and the initializer after it.  Returns true if
// a designator was present; *next_idx / *next_field receive the position to
// continue from at this level.
bool Parser::designation(CType* ty, u64 off, i64* next_idx, u32* next_field) {
  if (tok.kind != Tok::LBracket && tok.kind != Tok::Dot) {
    // GNU old-style `field: value`
    if (is_record(ty) && tok.kind == Tok::Identifier && peek().kind == Tok::Colon) {
      CfreeSym name = tok.sym;
      advance();
      advance();
      for (u32 i = 0; i < ty->rec->n_fields; i++)
        if (ty->rec->fields[i].name == name) {
          const Field* f = &ty->rec->fields[i];
          init_value(f->ty, off + f->offset, f->bitfield ? f : nullptr);
          *next_field = i + 1;
          return true;
        }
      error(tok.loc, "unknown field '%s' specified in initializer", sym_str(name));
      return true;
    }
    return false;
  }
  CfreeLoc loc = tok.loc;
  CType* sub = nullptr;
  u64 sub_off = 0;
  const Field* bf = nullptr;
  i64 lo = 0, hi = 0;
  bool range = false;
  if (tok.kind == Tok::LBracket) {
    advance();
    if (ty->k != TK::Array) {
      error(loc, "array index in non-array initializer");
      skip_balanced();
      return true;
    }
    loc = tok.loc;
    lo = hi = const_int("array index in initializer");
    if (accept(Tok::Ellipsis)) {
      hi = const_int("array index in initializer");
      range = true;
    }
    expect(Tok::RBracket);
    if (lo < 0 || (ty->count >= 0 && hi >= ty->count)) {
      error(loc, "array index in initializer exceeds array bounds");
      lo = hi = 0;
    }
    sub = ty->base;
    sub_off = off + static_cast<u64>(lo) * size_of(sub);
    *next_idx = hi + 1;
    if (ty->count < 0 && hi + 1 > init_array_len_) init_array_len_ = hi + 1;
  } else {
    advance();
    if (!is_record(ty)) {
      error(loc, "field name not in record or union initializer");
      if (tok.kind == Tok::Identifier) advance();
      return true;
    }
    if (tok.kind != Tok::Identifier) {
      error(tok.loc, "expected identifier before %s", tok_desc(tok).c_str());
      return true;
    }
    CfreeSym name = tok.sym;
    CfreeLoc nloc = tok.loc;
    advance();
    // Find the field, descending through anonymous members.
    Record* r = ty->rec;
    bool found = false;
    for (u32 i = 0; i < r->n_fields && !found; i++) {
      const Field* f = &r->fields[i];
      if (f->name == name) {
        sub = f->ty;
        sub_off = off + f->offset;
        if (f->bitfield) bf = f;
        *next_field = i + 1;
        found = true;
      } else if (f->anon && is_record(f->ty)) {
        u64 o = 0;
        const Field* g2 = find_field(f->ty->rec, name, &o);
        if (g2) {
          sub = g2->ty;
          sub_off = off + f->offset + o;
          if (g2->bitfield) bf = g2;
          *next_field = i + 1;
          found = true;
        }
      }
    }
    if (!found) {
      error(nloc, "'%s' has no member named '%s'", type_str(ty->unq).c_str(), sym_str(name));
      if (accept(Tok::Equal) || true) {
        g.nocode++;
        if (tok.kind == Tok::LBrace) skip_balanced();
        else assign_expr();
        g.nocode--;
      }
      return true;
    }
  }
  if (tok.kind == Tok::LBracket || tok.kind == Tok::Dot) {
    i64 ni = 0;
    u32 nf = 0;
    designation(sub, sub_off, &ni, &nf);
  } else {
    if (!accept(Tok::Equal)) {
      pedwarn(tok.loc, "pedantic", "obsolete use of designated initializer without '='");
    }
    init_value(sub, sub_off, bf);
  }
  if (range) {
    u64 es = size_of(sub);
    for (i64 i = lo + 1; i <= hi; i++) init_copy_elem(off + static_cast<u64>(i) * es, sub_off, es);
  }
  return true;
}

void Parser::init_brace(CType* ty, u64 off) {
  CfreeLoc loc = tok.loc;
  advance();  // {
  if (tok.kind == Tok::RBrace) {
    // `{}`: zero (GNU, C23); GCC 12 rejects it for scalars.
    if (!is_aggregate(ty)) error(loc, "empty scalar initializer");
    advance();
    if (ty->k == TK::Array && ty->count < 0) init_array_len_ = 0;
    return;
  }
  if (!is_aggregate(ty) || ty->k == TK::Complex) {
    // Scalar in braces (6.7.9p11).
    if (tok.kind == Tok::LBrace) {
      warn(tok.loc, nullptr, "braces around scalar initializer");
      init_brace(ty, off);
    } else if (tok.kind == Tok::LBracket || tok.kind == Tok::Dot) {
      i64 ni = 0;
      u32 nf = 0;
      designation(ty, off, &ni, &nf);
    } else {
      init_scalar(ty, off, nullptr);
    }
    accept(Tok::Comma);
    if (tok.kind != Tok::RBrace) {
      warn(tok.loc, nullptr, "excess elements in scalar initializer");
      while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) {
        g.nocode++;
        if (tok.kind == Tok::LBrace) skip_balanced();
        else assign_expr();
        g.nocode--;
        if (!accept(Tok::Comma)) break;
      }
    }
    expect(Tok::RBrace);
    (void)loc;
    return;
  }
  init_elems(ty, off, true);
  if (!accept(Tok::Comma) && tok.kind != Tok::RBrace) {
    expect(Tok::RBrace);
    while (tok.kind != Tok::RBrace && tok.kind != Tok::Semi && tok.kind != Tok::Eof) advance();
    accept(Tok::RBrace);
    return;
  }
  if (tok.kind != Tok::RBrace) {
    warn(tok.loc, nullptr, "excess elements in %s initializer", ty->k == TK::Array ? "array" : ty->k == TK::Vector ? "vector" : ty->k == TK::Struct ? "struct" : "union");
    while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) {
      g.nocode++;
      if (tok.kind == Tok::LBrace) skip_balanced();
      else {
        Val v = assign_expr();
        (void)v;
      }
      g.nocode--;
      if (!accept(Tok::Comma)) break;
    }
  }
  expect(Tok::RBrace);
}

void Parser::init_value(CType* ty, u64 off, const Field* bf) {
  if (tok.kind == Tok::LBrace) {
    init_brace(ty, off);
    return;
  }
  if (init_string(ty, off)) return;
  if (ty->k == TK::Array || is_record(ty) || is_vector(ty)) {
    // A struct- or vector-typed expression initializes the whole member;
    // anything else starts brace elision.  Decide by the expression's type
    // (dry run).
    bool maybe_expr = (is_record(ty) || is_vector(ty)) &&
                      (tok.kind == Tok::Identifier || tok.kind == Tok::LParen || tok.kind == Tok::Star);
    if (maybe_expr) {
      std::vector<Token> rec;
      std::vector<Token>* prev = begin_record(&rec);
      quiet_++;
      g.nocode++;
      Val v = assign_expr();
      g.nocode--;
      quiet_--;
      replay_from(&rec, prev);
      bool whole = v.ty && (is_record(ty) ? is_record(v.ty) && compatible(v.ty->unq, ty->unq, true)
                                          : vec_convertible(v.ty, ty));
      if (whole) {
        CfreeLoc loc = tok.loc;
        Val e = assign_expr();
        if (init_static_mode_ && is_vector(ty) && init_static_literal(e, off)) return;
        if (init_static_mode_) {
          error(loc, "initializer element is not constant");
          discard(e);
          return;
        }
        Val lv;
        lv.k = Val::Lval;
        lv.base = Base::Slot;
        lv.slot = init_slot_;
        lv.off = static_cast<i64>(off);
        lv.ty = ty;
        assign_to(lv, e, loc, false);
        return;
      }
    }
    init_elems(ty, off, false);
    return;
  }
  init_scalar(ty, off, bf);
}

void Parser::init_elems(CType* ty, u64 off, bool braced) {
  if (ty->k == TK::Array || ty->k == TK::Vector) {
    if (init_string(ty, off)) return;
    CType* et = ty->base;
    u64 es = size_of(et);
    i64 idx = 0;
    bool first = true;
    for (;;) {
      if (tok.kind == Tok::RBrace || tok.kind == Tok::Eof) break;
      if (!first) {
        if (tok.kind != Tok::Comma) break;
        const Token& nx = peek();
        if (nx.kind == Tok::RBrace) break;
        if (!braced && (nx.kind == Tok::LBracket || nx.kind == Tok::Dot)) break;
        advance();
      }
      first = false;
      if (tok.kind == Tok::LBracket || tok.kind == Tok::Dot) {
        if (!braced) break;
        designation(ty, off, &idx, nullptr);
        continue;
      }
      if (ty->count >= 0 && idx >= ty->count) {
        if (!braced) break;
        warn(tok.loc, nullptr, "excess elements in array initializer");
        g.nocode++;
        if (tok.kind == Tok::LBrace) skip_balanced();
        else assign_expr();
        g.nocode--;
        idx++;
        continue;
      }
      init_value(et, off + static_cast<u64>(idx) * es, nullptr);
      idx++;
      if (ty->count < 0 && idx > init_array_len_) init_array_len_ = idx;
      if (!braced && ty->count >= 0 && idx >= ty->count) break;
    }
    return;
  }
  if (is_record(ty)) {
    Record* r = ty->rec;
    if (!r->complete) {
      error(tok.loc, "variable has incomplete type '%s'", type_str(ty).c_str());
      skip_balanced();
      return;
    }
    u32 fi = 0;
    bool first = true;
    bool is_union = ty->k == TK::Union;
    bool done_union = false;
    for (;;) {
      if (tok.kind == Tok::RBrace || tok.kind == Tok::Eof) break;
      if (!first) {
        if (tok.kind != Tok::Comma) break;
        const Token& nx = peek();
        if (nx.kind == Tok::RBrace) break;
        if (!braced && (nx.kind == Tok::LBracket || nx.kind == Tok::Dot)) break;
        advance();
      }
      first = false;
      if (tok.kind == Tok::Dot || tok.kind == Tok::LBracket || (tok.kind == Tok::Identifier && peek().kind == Tok::Colon)) {
        if (!braced) break;
        designation(ty, off, nullptr, &fi);
        if (is_union) done_union = true;
        continue;
      }
      // skip unnamed bit-fields
      while (fi < r->n_fields && r->fields[fi].bitfield && !r->fields[fi].name) fi++;
      if (fi >= r->n_fields || (is_union && done_union)) {
        if (!braced) break;
        warn(tok.loc, nullptr, "excess elements in %s initializer", is_union ? "union" : "struct");
        g.nocode++;
        if (tok.kind == Tok::LBrace) skip_balanced();
        else assign_expr();
        g.nocode--;
        continue;
      }
      const Field* f = &r->fields[fi];
      if (f->ty->k == TK::Array && f->ty->count < 0) {
        // flexible array member initialization (GNU)
        init_array_len_ = 0;
        if (init_static_mode_) {
          i64 saved = init_array_len_;
          init_value(f->ty, off + f->offset, nullptr);
          init_array_len_ = saved;
        } else {
          error(tok.loc, "non-static initialization of a flexible array member");
          g.nocode++;
          if (tok.kind == Tok::LBrace) skip_balanced();
          else assign_expr();
          g.nocode--;
        }
        fi++;
        continue;
      }
      init_value(f->ty, off + f->offset, f->bitfield ? f : nullptr);
      fi++;
      if (is_union) done_union = true;
      while (fi < r->n_fields && r->fields[fi].bitfield && !r->fields[fi].name) fi++;
      if (!braced && (fi >= r->n_fields || is_union)) break;
    }
    return;
  }
  init_scalar(ty, off, nullptr);
}

void Parser::static_initializer(Decl* d, CType** ty, InitBuf* buf) {
  (void)d;
  bool saved_mode = init_static_mode_;
  InitBuf* saved_buf = init_buf_;
  i64 saved_len = init_array_len_;
  init_static_mode_ = true;
  init_buf_ = buf;
  init_array_len_ = 0;
  static_init_++;
  g.nocode++;
  CType* t = *ty;
  if (is_complete(t)) buf->bytes.resize(size_of(t), 0);
  if (t->k == TK::Array && t->count < 0) {
    init_value(t, 0, nullptr);
    CType* nt = array_of(t->base, init_array_len_);
    nt = qualify(nt, t->q);
    if (t->align) nt = with_align(nt, t->align);
    *ty = nt;
  } else if (tok.kind == Tok::LBrace || init_string(t, 0)) {
    if (tok.kind == Tok::LBrace) init_value(t, 0, nullptr);
  } else if (is_record(t) || is_vector(t)) {
    init_value(t, 0, nullptr);
  } else {
    init_scalar(t, 0, nullptr);
  }
  // A flexible array member's initializer (GNU) lies past sizeof.
  buf->bytes.resize(std::max<u64>(size_of(*ty), buf->bytes.size()), 0);
  g.nocode--;
  static_init_--;
  init_static_mode_ = saved_mode;
  init_buf_ = saved_buf;
  init_array_len_ = saved_len;
}

void Parser::local_initializer(Val& dst, CType** ty) {
  CType* t = *ty;
  bool saved_mode = init_static_mode_;
  InitBuf* saved_buf = init_buf_;
  CfreeCgSlot saved_slot = init_slot_;
  i64 saved_len = init_array_len_;
  if (t->k == TK::Array && t->count < 0) {
    // Size the array: a dry run over the initializer's tokens.
    std::vector<Token> rec;
    std::vector<Token>* prev = begin_record(&rec);
    InitBuf scratch;
    init_static_mode_ = true;
    init_buf_ = &scratch;
    init_array_len_ = 0;
    quiet_++;
    g.nocode++;
    static_init_++;
    init_value(t, 0, nullptr);
    static_init_--;
    g.nocode--;
    quiet_--;
    replay_from(&rec, prev);
    CType* nt = array_of(t->base, init_array_len_);
    nt = qualify(nt, t->q);
    t = nt;
    *ty = t;
    dst.ty = t;
  }
  if (!dst.slot && g.emit && g.in_func) {
    dst.slot = g.slot(size_of(t), align_of(t), CFREE_SLOT_ADDR_TAKEN);
  }
  init_static_mode_ = false;
  init_slot_ = dst.slot;
  init_array_len_ = 0;
  bool braced = tok.kind == Tok::LBrace;
  bool str = tok.kind == Tok::String && t->k == TK::Array;
  if ((braced || str) && is_aggregate(t)) {
    if (g.on()) {
      g.push_slot(dst.slot, 0, cg_ptr);
      g.push_int(cgt(t_int), 0);
      g.fill(size_of(t), align_of(t));
    }
    init_value(t, 0, nullptr);
  } else if (braced) {
    init_value(t, 0, nullptr);
  } else {
    CfreeLoc loc = tok.loc;
    Val v = assign_expr();
    v = rvalue(v);
    if (t->k == TK::Array || (is_record(t) && !(v.ty && compatible(v.ty->unq, t->unq, true)))) {
      error(loc, "invalid initializer");
      discard(v);
      init_static_mode_ = saved_mode;
      init_buf_ = saved_buf;
      init_slot_ = saved_slot;
      init_array_len_ = saved_len;
      return;
    }
    v = assign_convert(v, t, loc, "initialization");
    Val lv;
    lv.k = Val::Lval;
    lv.base = Base::Slot;
    lv.slot = dst.slot;
    lv.ty = t;
    assign_to(lv, v, loc, false);
  }
  init_static_mode_ = saved_mode;
  init_buf_ = saved_buf;
  init_slot_ = saved_slot;
  init_array_len_ = saved_len;
}

void Parser::emit_static(Decl* d, CType* ty, InitBuf* buf) {
  if (!g.emit) return;
  u64 size = std::max<u64>(size_of(ty), buf->bytes.size());  // + flexible array data
  buf->bytes.resize(size, 0);
  CfreeCgSym sym = d->cgsym ? d->cgsym : decl_sym(d);
  bool zero = buf->relocs.empty();
  if (zero)
    for (u8 b : buf->bytes)
      if (b) {
        zero = false;
        break;
      }
  CfreeDataDesc desc{};
  u32 al = align_of(ty);
  desc.align = al;
  desc.size = size;
  bool is_const = (ty->q & Q_CONST) || (ty->k == TK::Array && (ty->base->q & Q_CONST));
  if (d->section) {
    desc.section = CFREE_SEC_NAMED;
    desc.name = sym_str(d->section);
  } else if (d->is_tls) {
    desc.section = zero ? CFREE_SEC_TBSS : CFREE_SEC_TDATA;
  } else if (zero && !is_const) {
    desc.section = CFREE_SEC_BSS;
  } else if (is_const && buf->relocs.empty()) {
    desc.section = CFREE_SEC_RODATA;
  } else {
    desc.section = CFREE_SEC_DATA;
  }
  cfree_cg_data_begin(g.cg, sym, &desc);
  if (desc.section == CFREE_SEC_BSS || desc.section == CFREE_SEC_TBSS) {
    cfree_cg_data_zero(g.cg, size);
    cfree_cg_data_end(g.cg);
    return;
  }
  std::sort(buf->relocs.begin(), buf->relocs.end(), [](const InitBuf::Reloc& a, const InitBuf::Reloc& b) { return a.off < b.off; });
  u64 pos = 0;
  for (const InitBuf::Reloc& r : buf->relocs) {
    if (r.off < pos) continue;
    if (r.off > pos) cfree_cg_data_bytes(g.cg, buf->bytes.data() + pos, r.off - pos);
    if (r.label) cfree_cg_data_label_addr(g.cg, r.label);
    else cfree_cg_data_addr(g.cg, r.sym, r.add, r.size);
    pos = r.off + r.size;
  }
  if (pos < size) cfree_cg_data_bytes(g.cg, buf->bytes.data() + pos, size - pos);
  cfree_cg_data_end(g.cg);
}

}  // namespace cfree::c
