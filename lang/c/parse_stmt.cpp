// parse_stmt.cpp: statements (C11 6.8) and GNU extended asm.
//
// Control flow maps onto CG labels, jumps and branches directly.  A switch
// evaluates its operand into a slot, jumps to a dispatch block placed after
// the body, and hands the collected cases (with GNU ranges) to
// cfree_cg_switch, which picks the table or search strategy.  Labels are
// per function and may be used before their definition (goto, &&label).
#include "c/parse.h"

#include "c/literal.h"

#include <algorithm>
#include <string>

namespace cfree::c {

Label* Parser::find_label(CfreeSym name, CfreeLoc loc, bool define) {
  for (Label& l : fn_->labels) {
    if (l.name != name) continue;
    if (define) {
      if (l.defined) {
        error(loc, "duplicate label '%s'", sym_str(name));
        note(l.loc, "previous definition of '%s' was here", sym_str(name));
      }
      l.defined = true;
      l.loc = loc;
    } else {
      l.used = true;
    }
    return &l;
  }
  // A goto out of a GNU nested function to a label its enclosing function
  // declared with __label__: a non-local goto.
  if (!define)
    for (FuncCtx* f = fn_->parent; f; f = f->parent)
      for (Label& l : f->labels)
        if (l.name == name && l.local_decl) {
          l.used = true;
          return &l;
        }
  Label l{name, g.label(), define, !define, loc, false, {}};
  fn_->labels.push_back(l);
  return &fn_->labels.back();
}

void Parser::cond_jump(bool when_true, CfreeCgLabel l) {
  CfreeLoc loc = tok.loc;
  Val v = expr();
  v = rvalue(v);
  if (!v.ty || !is_scalar(v.ty)) {
    error(loc, "used %s type value where scalar is required", v.ty && is_record(v.ty) ? (v.ty->k == TK::Struct ? "struct" : "union") : v.ty && v.ty->k == TK::Void ? "void" : "non-scalar");
    discard(v);
    return;
  }
  emit_cond_branch(v, when_true, l);
}

void Parser::compound_stmt(bool new_scope) {
  CfreeLoc lb = tok.loc;
  if (!expect(Tok::LBrace)) return;
  if (new_scope) push_scope();
  size_t cleanup_mark = cleanups_.size();
  block_vla_sp_.push_back(0);
  while (tok.kind != Tok::RBrace && tok.kind != Tok::Eof) block_item();
  CfreeCgSlot vla_sp = block_vla_sp_.back();
  block_vla_sp_.pop_back();
  // __attribute__((cleanup(f))): call f(&var) in reverse order.
  while (cleanups_.size() > cleanup_mark) {
    Cleanup cu = cleanups_.back();
    cleanups_.pop_back();
    Decl* f = lookup(cu.d->cleanup);
    if (!f || f->kind != DK::Func) {
      error(cu.d->loc, "cleanup argument not a function");
      continue;
    }
    Val fv = load_var(f, cu.d->loc);
    fv = rvalue(fv);
    materialize(fv);
    Val av = load_var(cu.d, cu.d->loc);
    av = address_of(av, cu.d->loc);
    materialize(av);
    CType* ft = f->ty;
    CfreeType at = cgt(av.ty);
    g.call(cgt(ft), 1, &at, ft->base->k == TK::Void ? 0 : cgt(ft->base));
    if (ft->base->k != TK::Void) g.pop();
  }
  if (vla_sp && g.on()) {
    g.push_slot(vla_sp, 0, cg_ptr);
    g.load(cg_ptr, 0);
    cfree_cg_stack_restore(g.cg);
    g.drop(1);
  }
  if (new_scope) pop_scope();
  if (tok.kind == Tok::Eof) error(tok.loc, "expected declaration or statement at end of input");
  else advance();
  (void)lb;
}

void Parser::block_item() {
  if (tok.kind == Tok::KwStaticAssert) {
    static_assert_decl();
    return;
  }
  if (tok.kind == Tok::KwAttribute) {
    // An attribute declaration: `__attribute__((fallthrough));`
    Attrs a;
    parse_attributes(&a);
    if (accept(Tok::Semi)) return;
    if (!is_type_start(tok)) {
      statement();
      return;
    }
    lead_attrs_ = &a;
    declaration(false);
    lead_attrs_ = nullptr;
    return;
  }
  if (tok.kind == Tok::KwLabel) {
    // __label__ a, b;  (local labels: treated as function labels; nested
    // functions may jump to them)
    advance();
    while (tok.kind == Tok::Identifier) {
      if (fn_) {
        bool found = false;
        for (Label& l : fn_->labels) found |= l.name == tok.sym;
        if (!found) fn_->labels.push_back(Label{tok.sym, g.label(), false, false, tok.loc, true, {}});
      }
      advance();
      if (!accept(Tok::Comma)) break;
    }
    expect(Tok::Semi);
    return;
  }
  bool decl = is_type_start(tok) && !(tok.kind == Tok::Identifier && peek().kind == Tok::Colon);
  if (tok.kind == Tok::KwExtension && is_type_start(peek())) {
    advance();
    decl = true;
  }
  if (decl) {
    if (fn_) cfree_cg_set_loc_if(tok.loc);
    declaration(false);
    unreachable_ = false;
    return;
  }
  statement();
}

void Parser::cfree_cg_set_loc_if(CfreeLoc loc) {
  if (g.on()) cfree_cg_set_loc(g.cg, loc);
}

void Parser::statement() {
  CfreeLoc loc = tok.loc;
  cfree_cg_set_loc_if(loc);
  switch (tok.kind) {
    case Tok::LBrace: compound_stmt(true); return;
    case Tok::Semi: advance(); return;
    case Tok::KwIf: if_stmt(); return;
    case Tok::KwWhile: while_stmt(); return;
    case Tok::KwDo: do_stmt(); return;
    case Tok::KwFor: for_stmt(); return;
    case Tok::KwSwitch: switch_stmt(); return;
    case Tok::KwCase: case_label(); return;
    case Tok::KwDefault: default_label(); return;
    case Tok::KwReturn: return_stmt(); return;
    case Tok::KwGoto: goto_stmt(); return;
    case Tok::KwAsm: asm_stmt(); return;
    case Tok::KwBreak:
      advance();
      if (!fn_ || !fn_->break_label) error(loc, "break statement not within loop or switch");
      else g.jump(fn_->break_label);
      expect(Tok::Semi);
      return;
    case Tok::KwContinue:
      advance();
      if (!fn_ || !fn_->continue_label) error(loc, "continue statement not within a loop");
      else g.jump(fn_->continue_label);
      expect(Tok::Semi);
      return;
    case Tok::Identifier:
      if (peek().kind == Tok::Colon) {
        CfreeSym name = tok.sym;
        advance();
        advance();
        Label* l = find_label(name, loc, true);
        l->vla.clear();
        for (CfreeCgSlot s : block_vla_sp_)
          if (s) l->vla.push_back(s);
        revive();
        g.place(l->id);
        Attrs a;
        parse_attributes(&a);
        if (tok.kind == Tok::RBrace) {
          pedwarn(tok.loc, "pedantic", "label at end of compound statement");
          return;
        }
        if (is_type_start(tok) && !(tok.kind == Tok::Identifier && peek().kind == Tok::Colon)) {
          // C23 allows declarations after labels; GCC 12 accepts with a pedwarn.
          declaration(false);
          return;
        }
        statement();
        return;
      }
      break;
    default: break;
  }
  if (tok.kind == Tok::Eof) {
    error(loc, "expected statement at end of input");
    return;
  }
  if (tok.kind == Tok::RBrace) {
    error(loc, "expected expression before '}' token");
    return;
  }
  if (tok.kind == Tok::KwElse) {
    error(loc, "'else' without a previous 'if'");
    advance();
    statement();
    return;
  }
  if (tok.kind == Tok::Identifier && peek().kind == Tok::Identifier && !lookup(tok.sym)) {
    error(loc, "unknown type name '%s'", sym_str(tok.sym));
    skip_to_semi();
    return;
  }
  discard_ = true;
  Val v = expr();
  discard_ = false;
  decay_in_place(v);
  if (v.k == Val::Lval && !is_aggregate(v.ty) && (v.ty->q & Q_VOLATILE)) v = rvalue(v);
  discard(v);
  if (!expect(Tok::Semi)) skip_to_semi();
}

// A label in statically dead code (an arm of if (constant)) makes the code
// after it live; the live code before the dead region must not fall into it.
void Parser::revive() {
  if (!g.dead) return;
  g.dead = false;
  if (g.dead_skip) g.jump(g.dead_skip);
}

void Parser::if_stmt() {
  advance();
  expect(Tok::LParen);
  CfreeLoc loc = tok.loc;
  Val v = expr();
  v = rvalue(v);
  if (!v.ty || !is_scalar(v.ty)) {
    error(loc, "used %s type value where scalar is required", v.ty && is_record(v.ty) ? (v.ty->k == TK::Struct ? "struct" : "union") : v.ty && v.ty->k == TK::Void ? "void" : "non-scalar");
    discard(v);
    v = mk_const(t_int, 1);
  }
  bool known = v.k == Val::Const || v.k == Val::FConst || (v.k == Val::Addr && v.base == Base::Sym && !v.nonconst && v.d && !v.d->weak);
  if (known) {
    // A constant condition: the dead arm generates no code (GCC folds it
    // away too; tests rely on calls there never being linked).
    bool truth = v.k == Val::Const ? v.i != 0 : v.k == Val::FConst ? v.f != 0 || v.fi != 0 : true;
    expect(Tok::RParen);
    // A label in the dead arm revives it (a goto into it, see revive()):
    // the code before jumps over the arm to dead_skip, and the arms need
    // the usual jump over the else arm.
    bool saved = g.dead;
    CfreeCgLabel saved_skip = g.dead_skip;
    auto enter_dead = [&] {
      g.dead = true;
      if (!saved) g.dead_skip = g.label();
    };
    // At the end of a dead arm: true if a label revived it.
    auto leave_dead = [&]() -> bool {
      bool revived = !g.dead;
      if (revived && !saved) g.place(g.dead_skip);
      g.dead = revived ? false : saved;
      g.dead_skip = saved_skip;
      return revived;
    };
    bool revived = false;
    if (!truth) enter_dead();
    statement();
    CfreeCgLabel lend = 0;
    bool has_else = tok.kind == Tok::KwElse;
    if (!truth) {
      if (!g.dead && has_else) {
        // Revived then arm: skip the else arm after it.
        lend = g.label();
        g.jump(lend);
      }
      revived = leave_dead();
    }
    (void)revived;
    if (has_else) {
      advance();
      if (truth) {
        lend = g.label();
        g.jump(lend);
        enter_dead();
        statement();
        leave_dead();
      } else {
        statement();
      }
      if (lend) g.place(lend);
    }
    return;
  }
  CfreeCgLabel lelse = g.label(), lend = g.label();
  emit_cond_branch(v, false, lelse);
  expect(Tok::RParen);
  statement();
  if (tok.kind == Tok::KwElse) {
    advance();
    g.jump(lend);
    g.place(lelse);
    statement();
    g.place(lend);
  } else {
    g.place(lelse);
  }
}

void Parser::while_stmt() {
  advance();
  expect(Tok::LParen);
  CfreeCgLabel ltop = g.label(), lend = g.label();
  g.place(ltop);
  cond_jump(false, lend);
  expect(Tok::RParen);
  CfreeCgLabel ob = fn_->break_label, oc = fn_->continue_label;
  fn_->break_label = lend;
  fn_->continue_label = ltop;
  if (!lend) fn_->break_label = fn_->continue_label = 1;
  statement();
  fn_->break_label = ob;
  fn_->continue_label = oc;
  g.jump(ltop);
  g.place(lend);
}

void Parser::do_stmt() {
  advance();
  CfreeCgLabel ltop = g.label(), lcont = g.label(), lend = g.label();
  g.place(ltop);
  CfreeCgLabel ob = fn_->break_label, oc = fn_->continue_label;
  fn_->break_label = lend;
  fn_->continue_label = lcont;
  if (!lend) fn_->break_label = fn_->continue_label = 1;
  statement();
  fn_->break_label = ob;
  fn_->continue_label = oc;
  if (!expect(Tok::KwWhile, "while")) {
    skip_to_semi();
    return;
  }
  expect(Tok::LParen);
  g.place(lcont);
  cond_jump(true, ltop);
  expect(Tok::RParen);
  g.place(lend);
  expect(Tok::Semi);
}

void Parser::for_stmt() {
  advance();
  expect(Tok::LParen);
  push_scope();
  if (tok.kind != Tok::Semi) {
    if (is_type_start(tok) || (tok.kind == Tok::KwExtension && is_type_start(peek()))) {
      if (tok.kind == Tok::KwExtension) advance();
      declaration(false);
    } else {
      discard_ = true;
      Val v = expr();
      discard_ = false;
      discard(decay(v));
      expect(Tok::Semi);
    }
  } else {
    advance();
  }
  CfreeCgLabel ltop = g.label(), lcont = g.label(), lend = g.label();
  g.place(ltop);
  if (tok.kind != Tok::Semi) cond_jump(false, lend);
  expect(Tok::Semi);
  // The increment expression is parsed now but must run after the body:
  // record its tokens and replay them after the body.
  std::vector<Token> inc;
  bool has_inc = tok.kind != Tok::RParen;
  if (has_inc) {
    int depth = 0;
    while (tok.kind != Tok::Eof) {
      if (tok.kind == Tok::LParen) depth++;
      else if (tok.kind == Tok::RParen) {
        if (depth == 0) break;
        depth--;
      }
      inc.push_back(tok);
      advance();
    }
  }
  expect(Tok::RParen);
  CfreeCgLabel ob = fn_->break_label, oc = fn_->continue_label;
  fn_->break_label = lend;
  fn_->continue_label = lcont;
  if (!lend) fn_->break_label = fn_->continue_label = 1;
  statement();
  fn_->break_label = ob;
  fn_->continue_label = oc;
  g.place(lcont);
  if (has_inc) {
    inc.push_back(Token{});
    inc.back().kind = Tok::Semi;
    inc.back().loc = inc[inc.size() - 2].loc;
    inc.push_back(tok);
    replay_from(&inc, rec_);
    discard_ = true;
    Val v = expr();
    discard_ = false;
    discard(decay(v));
    if (tok.kind == Tok::Semi) advance();
    else {
      error(tok.loc, "expected ')' before %s", tok_desc(tok).c_str());
      while (tok.kind != Tok::Semi && tok.kind != Tok::Eof) advance();
      advance();
    }
  }
  g.jump(ltop);
  g.place(lend);
  pop_scope();
}

void Parser::switch_stmt() {
  CfreeLoc loc = tok.loc;
  advance();
  expect(Tok::LParen);
  loc = tok.loc;
  Val v = expr();
  v = rvalue(v);
  expect(Tok::RParen);
  CType* t = v.ty ? v.ty->unq : t_int;
  if (!is_integer(t)) {
    error(loc, "switch quantity not an integer");
    discard(v);
    t = t_int;
    v = mk_const(t_int, 0);
  }
  t = promote(t);
  v = convert(v, t);
  CfreeCgSlot s = g.slot(8, 8);
  materialize(v);
  if (g.on()) {
    g.push_slot(s, 0, cg_ptr);
    g.swap();
    g.store(cgt(t), 0);
  }
  CfreeCgLabel ldispatch = g.label(), lend = g.label();
  g.jump(ldispatch);
  SwitchCtx sw;
  sw.ty = t;
  SwitchCtx* osw = fn_->sw;
  CfreeCgLabel ob = fn_->break_label;
  fn_->sw = &sw;
  fn_->break_label = lend ? lend : 1;
  statement();
  fn_->sw = osw;
  fn_->break_label = ob;
  g.jump(lend);
  g.place(ldispatch);
  if (g.on()) {
    g.push_slot(s, 0, cg_ptr);
    g.load(cgt(t), 0);
    cfree_cg_switch(g.cg, cgt(t), sw.cases.data(), sw.cases.size(), sw.default_label ? sw.default_label : lend);
    g.drop(1);
  }
  g.place(lend);
}

void Parser::case_label() {
  CfreeLoc loc = tok.loc;
  advance();
  bool ok = true;
  i64 lo = const_int_msg("case label does not reduce to an integer constant", loc, &ok);
  i64 hi = lo;
  if (tok.kind == Tok::Ellipsis) {
    advance();
    hi = const_int_msg("case label does not reduce to an integer constant", loc, &ok);
  }
  expect(Tok::Colon);
  if (!fn_ || !fn_->sw) {
    error(loc, "case label not within a switch statement");
  } else if (ok) {
    SwitchCtx* sw = fn_->sw;
    u64 l = norm_int(sw->ty, static_cast<u64>(lo)), h = norm_int(sw->ty, static_cast<u64>(hi));
    bool sgn = is_signed_t(sw->ty);
    if (sgn ? static_cast<i64>(l) > static_cast<i64>(h) : l > h) {
      warn(loc, nullptr, "empty range specified");
    } else {
      for (size_t i = 0; i < sw->cases.size(); i++) {
        const CfreeCase& o = sw->cases[i];
        bool overlap = sgn ? !(static_cast<i64>(h) < static_cast<i64>(o.lo) || static_cast<i64>(l) > static_cast<i64>(o.hi))
                           : !(h < o.lo || l > o.hi);
        if (overlap) {
          error(loc, "duplicate case value");
          note(sw->case_locs[i], "previously used here");
          ok = false;
          break;
        }
      }
      if (ok) {
        CfreeCgLabel lab = g.label();
        revive();
        g.place(lab);
        sw->cases.push_back(CfreeCase{l, h, lab});
        sw->case_locs.push_back(loc);
      }
    }
  }
  if (tok.kind == Tok::RBrace) {
    pedwarn(tok.loc, "pedantic", "label at end of compound statement");
    return;
  }
  statement();
}

void Parser::default_label() {
  CfreeLoc loc = tok.loc;
  advance();
  expect(Tok::Colon);
  if (!fn_ || !fn_->sw) {
    error(loc, "'default' label not within a switch statement");
  } else if (fn_->sw->default_label || fn_->sw->default_loc) {
    error(loc, "multiple default labels in one switch");
    note(fn_->sw->default_loc, "this is the first default label");
  } else {
    fn_->sw->default_label = g.label();
    fn_->sw->default_loc = loc;
    revive();
    g.place(fn_->sw->default_label);
  }
  if (tok.kind == Tok::RBrace) {
    pedwarn(tok.loc, "pedantic", "label at end of compound statement");
    return;
  }
  statement();
}

// -finstrument-functions: call name(this function, its return address).
void Parser::profile_hook(const char* name) {
  if (!g.on() || !fn_ || !fn_->decl) return;
  CfreeSym s = cfree_sym_intern(c, name, std::strlen(name));
  Decl* hd = file_scope_decl(s);
  if (!hd || hd->kind != DK::Func) {
    hd = implicit_func(s, fn_->decl->loc, implicit_lib_type(s));
    hd->is_builtin_decl = true;
    if (hd->canon) hd->canon->is_builtin_decl = true;
  }
  hd = hd->canon ? hd->canon : hd;
  Val fv = rvalue(load_var(hd, fn_->decl->loc));
  materialize(fv);
  Val self = convert(rvalue(load_var(fn_->decl, fn_->decl->loc)), t_voidptr);
  materialize(self);
  g.push_int(cgt(t_uint), 0);
  g.intrinsic(CFREE_INTR_RETURN_ADDRESS, cg_ptr, 1, 1, cg_ptr);
  g.call(cgt(hd->ty), 2, nullptr, 0);
}

void Parser::ret(bool has_value) {
  if (fn_ && fn_->instrument) profile_hook("__cyg_profile_func_exit");
  g.ret(has_value);
}

void Parser::return_stmt() {
  CfreeLoc loc = tok.loc;
  advance();
  CType* rt = fn_ ? fn_->ret : t_int;
  if (tok.kind == Tok::Semi) {
    advance();
    if (rt->k != TK::Void) {
      warn(loc, "return-type", "'return' with no value, in function returning non-void");
      if (g.on()) {
        if (is_aggregate(rt)) {
          CfreeCgSlot s = g.slot(size_of(rt), align_of(rt));
          g.push_slot(s, 0, cg_ptr);
        } else {
          Val z = convert(mk_const(t_int, 0), rt);
          materialize(z);
        }
        ret(true);
      }
      return;
    }
    ret(false);
    return;
  }
  CfreeLoc eloc = tok.loc;
  Val v = expr();
  if (rt->k == TK::Void) {
    decay_in_place(v);
    if (v.ty && v.ty->k != TK::Void) pedwarn(loc, nullptr, "'return' with a value, in function returning void");
    discard(rvalue(v));
    ret(false);
  } else {
    v = assign_convert(v, rt, eloc, "return");
    materialize(v);
    ret(true);
  }
  if (!expect(Tok::Semi)) skip_to_semi();
}

void Parser::goto_stmt() {
  CfreeLoc loc = tok.loc;
  advance();
  if (tok.kind == Tok::Star) {
    // GNU computed goto
    advance();
    Val v = expr();
    v = rvalue(v);
    if (!v.ty || v.ty->k != TK::Ptr) error(loc, "computed goto must be pointer type");
    materialize(v);
    if (g.on()) {
      cfree_cg_jump_indirect(g.cg, fn_->addr_labels.data(), fn_->addr_labels.size());
      g.drop(1);
    }
    expect(Tok::Semi);
    return;
  }
  if (tok.kind != Tok::Identifier) {
    error(tok.loc, "expected identifier or '*' before %s", tok_desc(tok).c_str());
    skip_to_semi();
    return;
  }
  Label* l = find_label(tok.sym, loc, false);
  advance();
  // A jump back to before a VLA's declaration frees it (and the VLAs after
  // it in its block): restore the outermost stack level not live at the label.
  bool own = l >= fn_->labels.data() && l < fn_->labels.data() + fn_->labels.size();
  if (own && l->defined && g.on()) {
    for (CfreeCgSlot s : block_vla_sp_) {
      if (!s || std::find(l->vla.begin(), l->vla.end(), s) != l->vla.end()) continue;
      g.push_slot(s, 0, cg_ptr);
      g.load(cg_ptr, 0);
      cfree_cg_stack_restore(g.cg);
      g.drop(1);
      break;
    }
  }
  g.jump(l->id);
  expect(Tok::Semi);
}

// GCC extended asm: asm [volatile|inline|goto] ( template [: outputs [: inputs [: clobbers [: labels]]]] );
void Parser::asm_stmt() {
  CfreeLoc loc = tok.loc;
  advance();
  bool is_volatile = false, is_goto = false;
  for (;;) {
    if (tok.kind == Tok::KwVolatile) is_volatile = true;
    else if (tok.kind == Tok::KwInline) {
    } else if (tok.kind == Tok::KwGoto) is_goto = true;
    else break;
    advance();
  }
  expect(Tok::LParen);
  auto read_str = [&]() -> std::string {
    std::vector<Token> toks;
    while (tok.kind == Tok::String) {
      toks.push_back(tok);
      advance();
    }
    if (toks.empty()) {
      error(tok.loc, "expected string literal before %s", tok_desc(tok).c_str());
      return std::string();
    }
    std::vector<u8> bytes;
    Encoding enc;
    u32 ub;
    decode_strings(c, toks.data(), toks.size(), 4, &bytes, &enc, &ub);
    return std::string(bytes.begin(), bytes.end());
  };
  std::string tmpl = read_str();
  std::vector<std::string> strs;
  strs.reserve(64);
  std::vector<CfreeAsmOperand> outs, ins;
  std::vector<std::string> clobbers;
  std::vector<CfreeCgLabel> labels;
  std::vector<std::string> label_names;
  std::vector<std::pair<Val, CType*>> out_vals;
  int section = 0;
  while (tok.kind == Tok::Colon || tok.kind == Tok::ColonColon) {
    int step = tok.kind == Tok::ColonColon ? 2 : 1;
    advance();
    section += step;
    if (step == 2 && section == 2) {
      // `::` skipped the outputs
    }
    auto operands = [&](bool is_out) {
      while (tok.kind == Tok::String || tok.kind == Tok::LBracket) {
        CfreeAsmOperand op{};
        if (accept(Tok::LBracket)) {
          if (tok.sym) op.name = tok.sym;
          advance();
          expect(Tok::RBracket);
        }
        strs.push_back(read_str());
        expect(Tok::LParen);
        CfreeLoc eloc = tok.loc;
        Val v = expr();
        expect(Tok::RParen);
        if (v.d && v.d->sc == SC_REGISTER && v.d->asm_name && !v.d->global) {
          // A local register variable: the operand is that register ("{r12}").
          std::string& cs = strs.back();
          std::string keep;
          for (char ch : cs)
            if (ch == '=' || ch == '+' || ch == '&') keep.push_back(ch);
          cs = keep + "{" + sym_str(v.d->asm_name) + "}";
        }
        const std::string& cons = strs.back();
        bool mem = cons.find('m') != std::string::npos && cons.find('r') == std::string::npos &&
                   cons.find('g') == std::string::npos;
        if (is_out) {
          if (v.k != Val::Lval) error(eloc, "invalid lvalue in asm output %zu", outs.size());
          op.type = cgt(v.ty ? v.ty->unq : t_int);
          push_address(v);
        } else if (mem) {
          if (v.k == Val::Lval) {
            op.type = cgt(v.ty->unq);
            push_address(v);
          } else {
            v = rvalue(v);
            op.type = cgt(v.ty->unq);
            materialize(v);
          }
        } else {
          v = rvalue(v);
          op.type = v.ty && v.ty->k != TK::Void ? cgt(v.ty->unq) : cgt(t_int);
          materialize(v);
        }
        op.constraint = nullptr;
        (is_out ? outs : ins).push_back(op);
        if (!accept(Tok::Comma)) break;
      }
    };
    if (section == 1) operands(true);
    else if (section == 2) operands(false);
    else if (section == 3) {
      while (tok.kind == Tok::String) {
        clobbers.push_back(read_str());
        if (!accept(Tok::Comma)) break;
      }
    } else if (section == 4) {
      while (tok.kind == Tok::Identifier) {
        if (fn_) labels.push_back(find_label(tok.sym, tok.loc, false)->id);
        label_names.push_back(sym_str(tok.sym));
        advance();
        if (!accept(Tok::Comma)) break;
      }
    }
  }
  expect(Tok::RParen);
  expect(Tok::Semi);
  (void)is_goto;
  if (!g.on()) return;
  // Attach constraint strings in order (strs holds outputs then inputs).
  size_t si = 0;
  for (auto& o : outs) o.constraint = strs[si++].c_str();
  for (auto& i : ins) i.constraint = strs[si++].c_str();
  std::vector<const char*> cl;
  for (auto& s : clobbers) cl.push_back(s.c_str());
  if (section == 0) {
    // Basic asm: the template is literal text (no operands, `%` is itself).
    std::string lit;
    for (char ch : tmpl) {
      if (ch == '%') lit.push_back('%');
      lit.push_back(ch);
    }
    tmpl = std::move(lit);
  } else if (!label_names.empty()) {
    // %l[name] -> %lN: goto labels are numbered after the operands.
    std::string out;
    for (size_t k = 0; k < tmpl.size(); k++) {
      out.push_back(tmpl[k]);
      if (tmpl[k] == '%' && k + 1 < tmpl.size() && tmpl[k + 1] == '%') {
        out.push_back('%');
        k++;
      } else if (tmpl[k] == '%' && k + 2 < tmpl.size() && tmpl[k + 1] == 'l' && tmpl[k + 2] == '[') {
        size_t e = tmpl.find(']', k + 3);
        if (e == std::string::npos) continue;
        std::string nm = tmpl.substr(k + 3, e - (k + 3));
        for (size_t j = 0; j < label_names.size(); j++)
          if (label_names[j] == nm) {
            out += "l" + std::to_string(outs.size() + ins.size() + j);
            k = e;
            break;
          }
      }
    }
    tmpl = std::move(out);
  }
  CfreeAsmDesc d{};
  d.tmpl = tmpl.c_str();
  d.outputs = outs.data();
  d.n_outputs = outs.size();
  d.inputs = ins.data();
  d.n_inputs = ins.size();
  d.clobbers = cl.data();
  d.n_clobbers = cl.size();
  d.goto_labels = labels.data();
  d.n_goto_labels = labels.size();
  d.is_volatile = is_volatile || outs.empty();
  d.loc = loc;
  cfree_cg_asm(g.cg, &d);
  g.drop(outs.size() + ins.size());
}

}  // namespace cfree::c
