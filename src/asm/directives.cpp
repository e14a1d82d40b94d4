// directives.cpp: statements and the GNU as directives (gas manual,
// "Assembler Directives"; ELF section flags and types as in obj-elf.c):
// sections (.text .data .bss .section with flags, types, entity sizes,
// groups; .pushsection .popsection .previous), symbols (.globl .local .weak
// .hidden .protected .internal .type .size .comm .lcomm .set .equ =), data
// (.byte .short .value .word .long .int .quad .octa .2byte .4byte .8byte,
// .ascii .asciz .string, .zero .skip .space .fill, .uleb128 .sleb128),
// alignment (.align .balign .p2align with fill and max-skip), .org, .file,
// .ident, .include and the error/print directives.  .loc and the .cfi_*
// family live in cfi.cpp.
#include "asm/internal.h"

#include <cstdio>
#include <string>

namespace cfree::as {

bool block_directive(Assembler& as, std::string_view d, const char* p);

namespace {

constexpr u32 SHT_PROGBITS = 1, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_INIT_ARRAY = 14,
              SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16, SHT_X86_64_UNWIND = 0x70000001;
constexpr u64 SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXEC = 4, SHF_MERGE = 0x10, SHF_STRINGS = 0x20,
              SHF_LINK_ORDER = 0x80, SHF_GROUP = 0x200, SHF_TLS = 0x400,
              SHF_GNU_RETAIN = 0x200000, SHF_EXCLUDE = 0x80000000;

bool starts(std::string_view s, std::string_view pre) { return s.substr(0, pre.size()) == pre; }

// gas's defaults for well-known section names (obj-elf.c special_sections).
void name_defaults(std::string_view n, u32* type, u64* flags) {
  auto is = [&](std::string_view base) {
    return n == base || (starts(n, base) && n.size() > base.size() && n[base.size()] == '.');
  };
  *type = SHT_PROGBITS;
  *flags = 0;
  if (is(".text")) *flags = SHF_ALLOC | SHF_EXEC;
  else if (is(".data") || is(".data1") || starts(n, ".data.rel.ro")) *flags = SHF_ALLOC | SHF_WRITE;
  else if (is(".bss")) { *type = SHT_NOBITS; *flags = SHF_ALLOC | SHF_WRITE; }
  else if (is(".rodata") || is(".rodata1")) *flags = SHF_ALLOC;
  else if (is(".tdata")) *flags = SHF_ALLOC | SHF_WRITE | SHF_TLS;
  else if (is(".tbss")) { *type = SHT_NOBITS; *flags = SHF_ALLOC | SHF_WRITE | SHF_TLS; }
  else if (is(".init_array")) { *type = SHT_INIT_ARRAY; *flags = SHF_ALLOC | SHF_WRITE; }
  else if (is(".fini_array")) { *type = SHT_FINI_ARRAY; *flags = SHF_ALLOC | SHF_WRITE; }
  else if (is(".preinit_array")) { *type = SHT_PREINIT_ARRAY; *flags = SHF_ALLOC | SHF_WRITE; }
  else if (starts(n, ".note")) *type = SHT_NOTE;
  else if (n == ".comment") *flags = SHF_MERGE | SHF_STRINGS;
  else if (n == ".eh_frame") *flags = SHF_ALLOC;
  else if (is(".init") || is(".fini")) *flags = SHF_ALLOC | SHF_EXEC;
  else if (starts(n, ".gnu.linkonce.t")) *flags = SHF_ALLOC | SHF_EXEC;
  else if (starts(n, ".gnu.linkonce.d")) *flags = SHF_ALLOC | SHF_WRITE;
  else if (starts(n, ".gnu.linkonce.r")) *flags = SHF_ALLOC;
}

}  // namespace

void Assembler::new_frag() {
  Section& s = cur();
  Frag f;
  f.begin = s.data.size();
  s.frags.push_back(f);
}

void Assembler::emit_bytes(const void* p, size_t n) {
  Section& s = cur();
  const u8* b = static_cast<const u8*>(p);
  s.data.insert(s.data.end(), b, b + n);
  s.frags.back().len += n;
}

void Assembler::emit_le(u64 v, unsigned n) {
  u8 b[16] = {};
  for (unsigned i = 0; i < n && i < 8; i++) b[i] = static_cast<u8>(v >> (8 * i));
  if (n > 8)
    for (unsigned i = 8; i < n; i++) b[i] = static_cast<i64>(v) < 0 ? 0xff : 0;
  emit_bytes(b, n);
}

void Assembler::add_fixup(u32 off, u8 size, Expr* e, bool pcrel, i64 adj) {
  Fixup fx{};
  fx.frag = static_cast<u32>(cur().frags.size() - 1);
  fx.off = off;
  fx.size = size;
  fx.pcrel = pcrel;
  fx.adj = adj;
  fx.e = e;
  fx.loc = line_loc_;
  cur().fixups.push_back(fx);
}

u32 Assembler::get_section(std::string_view name, u32 type, u64 flags, u64 entsize, Sym group,
                           bool comdat, bool explicit_flags) {
  Sym nm = c_.syms.intern(name.data(), name.size());
  for (u32 i = 0; i < secs_.size(); i++)
    if (secs_[i].name == nm && secs_[i].group == group) return i;
  Section s;
  s.name = nm;
  u32 dt;
  u64 df;
  name_defaults(name, &dt, &df);
  if (explicit_flags) {
    s.type = type ? type : dt;
    s.flags = flags;
    // gas keeps the special section's type and adds its mandatory flags.
    if (!type && dt != SHT_PROGBITS) s.type = dt;
  } else {
    s.type = type ? type : dt;
    s.flags = df;
  }
  if (group) s.flags |= SHF_GROUP;
  s.entsize = entsize;
  s.group = group;
  s.comdat = comdat;
  if (inline_mode_ && !group) {
    // Inline asm switching sections: append to the object's section.
    s.id = ob_.find_section(nm);
    if (s.id) s.base = ob_.size(s.id);
  }
  secs_.push_back(std::move(s));
  u32 idx = static_cast<u32>(secs_.size() - 1);
  u32 save = cur_;
  cur_ = idx;
  new_frag();
  cur_ = save;
  return idx;
}

bool Assembler::parse_string(const char*& p, std::string* out) {
  skip_ws(p);
  if (*p != '"') {
    error("expected a string");
    return false;
  }
  p++;
  while (*p && *p != '"') {
    char ch = *p++;
    if (ch != '\\') {
      out->push_back(ch);
      continue;
    }
    char e = *p++;
    switch (e) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'v': out->push_back('\v'); break;
      case 'a': out->push_back('\a'); break;
      case 'x':
      case 'X': {
        unsigned v = 0;
        while (std::isxdigit(static_cast<unsigned char>(*p))) {
          char h = *p++;
          v = v * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
        }
        out->push_back(static_cast<char>(v));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          unsigned v = static_cast<unsigned>(e - '0');
          for (int k = 0; k < 2 && *p >= '0' && *p <= '7'; k++) v = v * 8 + static_cast<unsigned>(*p++ - '0');
          out->push_back(static_cast<char>(v));
        } else if (e == 0) {
          p--;
        } else {
          out->push_back(e);
        }
    }
  }
  if (*p != '"') {
    error("missing closing '\"' in string");
    return false;
  }
  p++;
  skip_ws(p);
  return true;
}

void Assembler::data_values(const char* p, unsigned size) {
  skip_ws(p);
  if (at_end(p)) return;
  for (;;) {
    Expr* e = parse_expr(p);
    if (!e) return;
    Val v = eval(e, false);
    if (v.constant() && v.rk == RelocKind::None) {
      if (size < 8) {
        i64 lo = -(i64(1) << (8 * size - 1)), hi = (i64(1) << (8 * size)) - 1;
        if (v.c < lo || v.c > hi)
          warning("value 0x%llx truncated to 0x%llx", static_cast<unsigned long long>(v.c),
                  static_cast<unsigned long long>(v.c & ((i64(1) << (8 * size)) - 1)));
      }
      gas_more(size);
      emit_le(static_cast<u64>(v.c), size);
    } else {
      if (size > 8) return error("expression too complex for .octa");
      gas_more(size);
      u32 off = frag_off();
      emit_le(0, size);
      add_fixup(off, static_cast<u8>(size), e, false, 0);
    }
    skip_ws(p);
    if (*p != ',') break;
    p++;
  }
  if (!at_end(p)) error("junk at end of line, first unrecognized character is `%c'", *p);
}

void Assembler::string_values(const char* p, bool zero) {
  for (;;) {
    std::string s;
    if (!parse_string(p, &s)) return;
    for (size_t k = 0; k < s.size() + (zero ? 1 : 0); k++) gas_append1();
    emit_bytes(s.data(), s.size());
    if (zero) emit_byte(0);
    skip_ws(p);
    if (*p != ',') break;
    p++;
  }
  if (!at_end(p)) error("junk at end of line, first unrecognized character is `%c'", *p);
}

static unsigned leb_size(i64 v, bool sign) {
  unsigned n = 0;
  u64 u = static_cast<u64>(v);
  for (;;) {
    n++;
    if (sign) {
      i64 rest = v >> 7;
      bool done = (rest == 0 && !(v & 0x40)) || (rest == -1 && (v & 0x40));
      v = rest;
      if (done) return n;
    } else {
      u >>= 7;
      if (!u) return n;
    }
  }
}

void Assembler::leb_values(const char* p, bool sign) {
  for (;;) {
    Expr* e = parse_expr(p);
    if (!e) return;
    Val v = eval(e, false);
    if (v.constant()) {
      i64 x = v.c;
      u64 u = static_cast<u64>(x);
      for (;;) {
        u8 b = static_cast<u8>(sign ? (x & 0x7f) : (u & 0x7f));
        bool done;
        if (sign) {
          i64 rest = x >> 7;
          done = (rest == 0 && !(x & 0x40)) || (rest == -1 && (x & 0x40));
          x = rest;
        } else {
          u >>= 7;
          done = u == 0;
        }
        emit_byte(done ? b : static_cast<u8>(b | 0x80));
        if (done) break;
      }
      (void)leb_size;
    } else {
      frag().kind = FragKind::Leb;
      frag().e = e;
      frag().sign = sign;
      frag().var = 1;
      frag().loc = line_loc_;
      new_frag();
    }
    skip_ws(p);
    if (*p != ',') break;
    p++;
  }
}

unsigned leb128_size(i64 v, bool sign) { return leb_size(v, sign); }

namespace {

// Parse a comma-separated symbol name list and apply f to each.
template <class F>
void each_symbol(Assembler& as, const char* p, F f) {
  for (;;) {
    skip_ws(p);
    std::string_view n = read_ident(p);
    if (n.empty()) return as.error("expected a symbol name");
    f(as.sym_lookup(n));
    skip_ws(p);
    if (*p != ',') return;
    p++;
  }
}

bool parse_abs(Assembler& as, const char*& p, i64* out, const char* what) {
  Expr* e = as.parse_expr(p);
  if (!e) return false;
  if (!as.eval_const(e, out)) {
    as.error("%s must be an absolute expression", what);
    return false;
  }
  return true;
}

}  // namespace

static void do_align(Assembler& as, u64 align, int fill, u32 max) {
  Section& s = as.cur();
  if (align > s.align) s.align = align;
  if (align <= 1) return;
  // gas frag_align_code reserves 2^n - 1 bytes, frag_align one.
  as.gas_var(fill < 0 ? static_cast<u32>(align - 1) : 1);
  Frag& f = as.frag();
  f.kind = FragKind::Align;
  f.align = static_cast<u32>(align);
  f.fill = fill;
  f.max = max;
  f.loc = as.line_loc_;
  as.new_frag();
}

static void section_directive(Assembler& as, const char* p, bool push) {
  skip_ws(p);
  std::string name;
  if (*p == '"') {
    if (!as.parse_string(p, &name)) return;
  } else {
    const char* s = p;
    while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
    name.assign(s, static_cast<size_t>(p - s));
  }
  if (name.empty()) return as.error("expected a section name");
  skip_ws(p);
  u64 flags = 0, entsize = 0;
  u32 type = 0;
  bool explicit_flags = false, comdat = false;
  Sym group = 0;
  if (*p == ',') {
    p++;
    skip_ws(p);
    if (*p == '"') {
      std::string fl;
      if (!as.parse_string(p, &fl)) return;
      explicit_flags = true;
      for (char ch : fl) {
        switch (ch) {
          case 'a': flags |= SHF_ALLOC; break;
          case 'w': flags |= SHF_WRITE; break;
          case 'x': flags |= SHF_EXEC; break;
          case 'M': flags |= SHF_MERGE; break;
          case 'S': flags |= SHF_STRINGS; break;
          case 'G': flags |= SHF_GROUP; break;
          case 'T': flags |= SHF_TLS; break;
          case 'o': flags |= SHF_LINK_ORDER; break;
          case 'R': flags |= SHF_GNU_RETAIN; break;
          case 'e': flags |= SHF_EXCLUDE; break;
          case '?': break;
          default: return as.error("unknown section flag '%c'", ch);
        }
      }
      skip_ws(p);
      if (*p == ',') {
        p++;
        skip_ws(p);
        if (*p == '@' || *p == '%') {
          p++;
          std::string_view t = read_ident(p);
          if (t == "progbits") type = SHT_PROGBITS;
          else if (t == "nobits") type = SHT_NOBITS;
          else if (t == "note") type = SHT_NOTE;
          else if (t == "init_array") type = SHT_INIT_ARRAY;
          else if (t == "fini_array") type = SHT_FINI_ARRAY;
          else if (t == "preinit_array") type = SHT_PREINIT_ARRAY;
          else if (t == "unwind") type = SHT_X86_64_UNWIND;
          else return as.error("unrecognized section type");
          skip_ws(p);
        }
        if ((flags & SHF_MERGE) && *p == ',') {
          p++;
          i64 es;
          if (!parse_abs(as, p, &es, "entity size")) return;
          entsize = static_cast<u64>(es);
        }
        if ((flags & SHF_LINK_ORDER) && *p == ',') {
          p++;
          skip_ws(p);
          read_ident(p);
          skip_ws(p);
        }
        if ((flags & SHF_GROUP) && *p == ',') {
          p++;
          skip_ws(p);
          std::string_view g = read_ident(p);
          group = as.c_.syms.intern(g.data(), g.size());
          skip_ws(p);
          if (*p == ',') {
            p++;
            skip_ws(p);
            std::string_view k = read_ident(p);
            comdat = k == "comdat";
          }
        }
      }
    }
  }
  if ((flags & SHF_GROUP) && !group) flags &= ~SHF_GROUP;
  u32 idx = as.get_section(name, type, flags, entsize, group, comdat || group, explicit_flags);
  if (push) as.sec_stack_.push_back({as.cur_, as.prev_});
  as.prev_ = as.cur_;
  as.cur_ = idx;
}

static void set_type(Assembler& as, SymIdx s, std::string_view t) {
  u8 type = 0;
  if (t == "function" || t == "STT_FUNC") type = u8(SymType::Func);
  else if (t == "object" || t == "STT_OBJECT") type = u8(SymType::Object);
  else if (t == "tls_object" || t == "STT_TLS") type = u8(SymType::Tls);
  else if (t == "notype" || t == "STT_NOTYPE") type = u8(SymType::NoType);
  else if (t == "common" || t == "STT_COMMON") type = u8(SymType::Common);
  else if (t == "gnu_indirect_function" || t == "STT_GNU_IFUNC") type = u8(SymType::GnuIFunc);
  else if (t == "gnu_unique_object") {
    type = u8(SymType::Object);
    as.syms_[s].global = true;
  } else return as.error("unrecognized symbol type \"%.*s\"", static_cast<int>(t.size()), t.data());
  as.syms_[s].type = type;
}

bool Assembler::directive(std::string_view d, const char* p) {
  skip_ws(p);
  if (d == ".text" || d == ".data" || d == ".bss") {
    prev_ = cur_;
    cur_ = get_section(d, 0, 0, 0, 0, false, false);
    return true;
  }
  if (d == ".section") { section_directive(*this, p, false); return true; }
  if (d == ".pushsection") { section_directive(*this, p, true); return true; }
  if (d == ".popsection") {
    if (sec_stack_.empty()) { error(".popsection without corresponding .pushsection"); return true; }
    cur_ = sec_stack_.back().first;
    prev_ = sec_stack_.back().second;
    sec_stack_.pop_back();
    return true;
  }
  if (d == ".previous") { std::swap(cur_, prev_); return true; }
  if (d == ".byte") { data_values(p, 1); return true; }
  if (d == ".short" || d == ".value" || d == ".2byte" || d == ".word" || d == ".hword") {
    data_values(p, 2);
    return true;
  }
  if (d == ".long" || d == ".int" || d == ".4byte") { data_values(p, 4); return true; }
  if (d == ".quad" || d == ".8byte") { data_values(p, 8); return true; }
  if (d == ".octa") { data_values(p, 16); return true; }
  if (d == ".ascii") { string_values(p, false); return true; }
  if (d == ".asciz" || d == ".string" || d == ".string8") { string_values(p, true); return true; }
  if (d == ".uleb128") { leb_values(p, false); return true; }
  if (d == ".sleb128") { leb_values(p, true); return true; }
  if (d == ".zero" || d == ".skip" || d == ".space") {
    i64 n, fill = 0;
    if (!parse_abs(*this, p, &n, "size")) return true;
    if (*p == ',') {
      p++;
      if (!parse_abs(*this, p, &fill, "fill")) return true;
    }
    if (n < 0) { error("negative size"); return true; }
    std::vector<u8> b(static_cast<size_t>(n), static_cast<u8>(fill));
    emit_bytes(b.data(), b.size());
    return true;
  }
  if (d == ".fill") {
    i64 rep, size = 1, val = 0;
    if (!parse_abs(*this, p, &rep, "repeat count")) return true;
    if (*p == ',') { p++; if (!parse_abs(*this, p, &size, "size")) return true; }
    if (*p == ',') { p++; if (!parse_abs(*this, p, &val, "value")) return true; }
    if (size > 8) size = 8;
    for (i64 i = 0; i < rep; i++) emit_le(static_cast<u64>(val), static_cast<unsigned>(size));
    return true;
  }
  if (d == ".align" || d == ".balign" || d == ".p2align" || d == ".balignw" || d == ".balignl" ||
      d == ".p2alignw" || d == ".p2alignl") {
    i64 a = 0, fill = -1, max = 0;
    if (!at_end(p) && *p != ',' && !parse_abs(*this, p, &a, "alignment")) return true;
    if (*p == ',') {
      p++;
      skip_ws(p);
      if (*p != ',' && !at_end(p) && !parse_abs(*this, p, &fill, "fill")) return true;
      if (*p == ',') {
        p++;
        if (!parse_abs(*this, p, &max, "max")) return true;
      }
    }
    u64 align;
    if (d.substr(0, 3) == ".p2") {
      if (a > 30) { error("alignment too large"); return true; }
      align = u64(1) << a;
    } else {
      align = a <= 0 ? 1 : static_cast<u64>(a);
      if (align & (align - 1)) { error("alignment not a power of 2"); return true; }
    }
    if (fill < 0 && !cur().code()) fill = 0;
    do_align(*this, align, static_cast<int>(fill), static_cast<u32>(max));
    return true;
  }
  if (d == ".org") {
    Expr* e = parse_expr(p);
    if (!e) return true;
    i64 fill = 0;
    if (*p == ',') { p++; parse_abs(*this, p, &fill, "fill"); }
    frag().kind = FragKind::Org;
    frag().e = e;
    frag().org_fill = static_cast<u8>(fill);
    frag().loc = line_loc_;
    new_frag();
    return true;
  }
  if (d == ".globl" || d == ".global") {
    each_symbol(*this, p, [&](SymIdx s) { syms_[s].global = true; });
    return true;
  }
  if (d == ".local") {
    each_symbol(*this, p, [&](SymIdx s) { syms_[s].local_dir = true; syms_[s].global = false; });
    return true;
  }
  if (d == ".weak") {
    each_symbol(*this, p, [&](SymIdx s) { syms_[s].weak = true; });
    return true;
  }
  if (d == ".hidden" || d == ".protected" || d == ".internal") {
    u8 v = d == ".hidden" ? u8(SymVis::Hidden) : d == ".protected" ? u8(SymVis::Protected)
                                                                     : u8(SymVis::Internal);
    each_symbol(*this, p, [&](SymIdx s) { syms_[s].vis = v; });
    return true;
  }
  if (d == ".type") {
    std::string_view n = read_ident(p);
    if (n.empty()) { error("expected a symbol name"); return true; }
    SymIdx s = sym_lookup(n);
    skip_ws(p);
    if (*p == ',') p++;
    skip_ws(p);
    if (*p == '@' || *p == '%' || *p == '#') p++;
    std::string t;
    if (*p == '"') {
      parse_string(p, &t);
    } else {
      t = std::string(read_ident(p));
    }
    set_type(*this, s, t);
    return true;
  }
  if (d == ".size") {
    std::string_view n = read_ident(p);
    if (n.empty()) { error("expected a symbol name"); return true; }
    SymIdx s = sym_lookup(n);
    skip_ws(p);
    if (*p != ',') { error("expected comma after name in .size"); return true; }
    p++;
    Expr* e = parse_expr(p);
    if (e) syms_[s].size = e;
    return true;
  }
  if (d == ".comm" || d == ".lcomm") {
    std::string_view n = read_ident(p);
    if (n.empty()) { error("expected a symbol name"); return true; }
    SymIdx s = sym_lookup(n);
    skip_ws(p);
    if (*p != ',') { error("expected comma after symbol name"); return true; }
    p++;
    i64 size, align = 0;
    if (!parse_abs(*this, p, &size, "size")) return true;
    if (*p == ',') { p++; if (!parse_abs(*this, p, &align, "alignment")) return true; }
    Symbol& sy = syms_[s];
    if (sy.defined) { error("symbol `%s' is already defined", sym_str(s)); return true; }
    if (d == ".lcomm") sy.local_dir = true;  // gas: a local common, placed at the end
    {
      sy.common = true;
      comms_.push_back(s);
      if (!sy.local_dir) sy.global = true;
      sy.common_size = static_cast<u64>(size);
      if (size > static_cast<i64>(sy.common_size)) sy.common_size = static_cast<u64>(size);
      sy.common_align = align > 0 ? static_cast<u64>(align) : 1;
    }
    return true;
  }
  if (d == ".set" || d == ".equ" || d == ".equiv" || d == ".eqv") {
    std::string_view n = read_ident(p);
    if (n.empty()) { error("expected a symbol name"); return true; }
    skip_ws(p);
    if (*p != ',') { error("expected comma after name in %.*s", int(d.size()), d.data()); return true; }
    p++;
    SymIdx s = sym_lookup(n);
    Expr* e = parse_expr(p);
    if (!e) return true;
    if (syms_[s].defined) { error("symbol `%s' is already defined", sym_str(s)); return true; }
    // A value that is a plain label offset is frozen now (gas evaluates it
    // at this point, so a later `.` is not affected).
    Val v = eval(e, false);
    if (v.constant()) e = num_expr(v.c);
    syms_[s].equ = e;
    syms_[s].loc = line_loc_;
    return true;
  }
  if (d == ".file") {
    if (*p == '"') {
      std::string f;
      if (!parse_string(p, &f)) return true;
      file_sym_ = c_.syms.intern(f.data(), f.size());
      return true;
    }
    return file_directive(p);
  }
  if (d == ".loc") return loc_directive(p);
  if (d == ".loc_mark_labels") return true;  // basic-block marks on labels: not modelled
  if (d == ".ident") {
    std::string s;
    if (!parse_string(p, &s)) return true;
    ident_ += s;
    ident_.push_back('\0');
    return true;
  }
  if (d.substr(0, 5) == ".cfi_") return cfi_directive(d, p);
  if (d == ".include") {
    std::string path;
    if (!parse_string(p, &path)) return true;
    const CfreeFileIO& io = c_.env.file_io;
    const char* data = nullptr;
    size_t size = 0;
    std::string full = path;
    if (!io.read_all || io.read_all(io.ctx, full.c_str(), &data, &size) != 0) {
      // Relative to the including file's directory.
      SourceManager::Presumed pr;
      bool found = false;
      if (c_.sources.presumed(line_loc_, &pr) && pr.file) {
        std::string dir = pr.file;
        size_t slash = dir.rfind('/');
        if (slash != std::string::npos) {
          full = dir.substr(0, slash + 1) + path;
          found = io.read_all && io.read_all(io.ctx, full.c_str(), &data, &size) == 0;
        }
      }
      if (!found) {
        error("can't open %s for reading", path.c_str());
        return true;
      }
    }
    Loc base = 0;
    c_.sources.add_file(full.c_str(), data, size, line_loc_, CFREE_FILE_USER, &base);
    Source s;
    s.ext = data;
    s.size = size;
    s.base = base;
    s.is_file = true;
    s.cond_depth = static_cast<int>(conds_.size());
    srcs_.push_back(std::move(s));
    return true;
  }
  if (d == ".macro" || d == ".rept" || d == ".irp" || d == ".irpc") return block_directive(*this, d, p);
  if (d == ".endm" || d == ".endr") { error("%.*s without a matching opener", int(d.size()), d.data()); return true; }
  if (d == ".exitm") {
    while (!srcs_.empty() && !srcs_.back().macro_depth) srcs_.pop_back();
    if (!srcs_.empty()) {
      conds_.resize(static_cast<size_t>(srcs_.back().cond_depth));
      srcs_.pop_back();
    }
    return true;
  }
  if (d == ".purgem") {
    skip_ws(p);
    macros_.erase(std::string(read_ident(p)));
    return true;
  }
  if (d == ".err") { error(".err encountered"); return true; }
  if (d == ".error" || d == ".warning" || d == ".print") {
    std::string s;
    if (*p == '"') parse_string(p, &s);
    if (d == ".error") error("%s", s.c_str());
    else if (d == ".warning") warning("%s", s.c_str());
    else std::fprintf(stdout, "%s\n", s.c_str());
    return true;
  }
  if (d == ".end") {
    while (!srcs_.empty()) srcs_.pop_back();
    return true;
  }
  if (d == ".code64" || d == ".att_syntax" || d == ".symver" || d == ".addrsig" ||
      d == ".addrsig_sym" || d == ".note" || d == ".version" || d == ".lflags" ||
      d == ".nolist" || d == ".list" || d == ".eject" || d == ".title" || d == ".sbttl" ||
      d == ".psize" || d == ".altmacro" || d == ".noaltmacro") {
    return true;
  }
  if (d == ".intel_syntax" || d == ".code32" || d == ".code16") {
    error("%.*s is not supported", int(d.size()), d.data());
    return true;
  }
  return false;
}

// One statement: labels, then a directive, an equate, a macro call or an
// instruction.
void Assembler::statement(const char* p) {
  for (;;) {
    skip_ws(p);
    if (at_end(p)) return;
    const char* s = p;
    if (skipping()) {
      if (*p != '.') return;
      std::string_view w = read_ident(p);
      std::string lw(w);
      for (char& ch : lw) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      if (lw.substr(0, 3) == ".if") conds_.push_back(Cond{false, true, false});
      else if (lw == ".else" || lw == ".elseif" || lw == ".endif") cond_directive(lw, p);
      return;
    }
    // Numeric label "N:".
    if (*p >= '0' && *p <= '9') {
      const char* q = p;
      while (*q >= '0' && *q <= '9') q++;
      if (*q == ':') {
        u32 n = static_cast<u32>(std::strtoul(p, nullptr, 10));
        numeric_[n]++;
        define_label(sym_numeric(n, false));
        p = q + 1;
        continue;
      }
      return error("junk at start of statement");
    }
    std::string_view w;
    std::string quoted;
    if (*p == '"') {
      p++;
      while (*p && *p != '"') quoted.push_back(*p++);
      if (*p == '"') p++;
      w = quoted;
    } else {
      w = read_ident(p);
    }
    if (w.empty()) return error("junk at start of statement, first unrecognized character is `%c'", *s);
    skip_ws(p);
    if (*p == ':' && p[1] != ':') {
      define_label(sym_lookup(w));
      p++;
      continue;
    }
    if (*p == '=' && p[1] != '=') {
      p++;
      std::string st = std::string(w) + "," + p;
      directive(".set", st.c_str());
      return;
    }
    if (macro_call(w, p)) return;
    std::string lw(w);
    for (char& ch : lw) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    if (lw[0] == '.') {
      if (lw.substr(0, 3) == ".if" || lw == ".else" || lw == ".elseif" || lw == ".endif") {
        cond_directive(lw, p);
        return;
      }
      if (!directive(lw, p)) error("unknown pseudo-op: `%s'", lw.c_str());
      return;
    }
    if (dl_.loc_seen) line_row();  // gas: dwarf2_emit_insn at the instruction's start
    instruction(lw, p);
    return;
  }
}

}  // namespace cfree::as
