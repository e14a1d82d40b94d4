// dwarf_line.cpp: `.file N` / `.loc` and the .debug_line section built from
// them, byte for byte as GNU as 2.40 does (gas/dwarf2dbg.c; DWARF 5
// §6.2 "Line Number Information", DWARF 3/4 for the older header).
//
// Each `.loc` sets the current location; the row is recorded at the start
// of the next instruction, at the next `.loc`, or at once when the `.loc`
// names a view.  Rows are kept per code section in order of first use.
// Location views (`view .LVUn`, DWARF 6 proposal as implemented by gas):
// a row's view is 0 when its address is past the previous row's, else the
// previous view plus one; `view -0` forces 0 (and, when the address did
// not change in gas's fragment terms, a DW_LNE_set_address).  The `.LVUn`
// symbols become constants once code addresses are final (layout.cpp
// relaxes code sections first), so `.uleb128 .LVU12` in .debug_loclists
// resolves.  The line program then goes into .debug_line (when gcc left it
// empty and wrote a .debug_info), with the header version gas uses (3 by
// default, 5 after `.file 0`), the directory and file tables (DWARF 5:
// strings appended to .debug_line_str and referenced with R_X86_64_32),
// one sequence per section from DW_LNE_set_address to
// DW_LNE_end_sequence, and gas's choice among special opcodes,
// DW_LNS_const_add_pc and DW_LNS_advance_pc (emit_inc_line_addr).
#include "asm/internal.h"

#include <cctype>
#include <climits>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <string>

namespace cfree::as {

namespace {

constexpr u8 LINE_IS_STMT = 1, LINE_BASIC_BLOCK = 2, LINE_PROLOGUE_END = 4,
             LINE_EPILOGUE_BEGIN = 8;
constexpr int LINE_BASE = -5, LINE_RANGE = 14;
constexpr u32 MAX_SPECIAL_ADDR_DELTA = (255 - 13) / LINE_RANGE;  // 17
// DW_LNS_* / DW_LNE_* / DW_LNCT_* / DW_FORM_* (DWARF 5 §7.22, §7.5.6).
enum : u8 {
  LNS_copy = 1, LNS_advance_pc = 2, LNS_advance_line = 3, LNS_set_file = 4, LNS_set_column = 5,
  LNS_negate_stmt = 6, LNS_set_basic_block = 7, LNS_const_add_pc = 8,
  LNS_set_prologue_end = 10, LNS_set_epilogue_begin = 11, LNS_set_isa = 12,
  LNE_end_sequence = 1, LNE_set_address = 2, LNE_set_discriminator = 4,
  LNCT_path = 1, LNCT_directory_index = 2, LNCT_MD5 = 5,
  FORM_udata = 0x0f, FORM_data16 = 0x1e, FORM_line_strp = 0x1f,
};

unsigned uleb_size(u64 v) {
  unsigned n = 1;
  while (v >>= 7) n++;
  return n;
}

void put_uleb(std::vector<u8>& b, u64 v) {
  do {
    u8 x = v & 0x7f;
    v >>= 7;
    b.push_back(v ? static_cast<u8>(x | 0x80) : x);
  } while (v);
}

void put_sleb(std::vector<u8>& b, i64 v) {
  for (;;) {
    u8 x = v & 0x7f;
    v >>= 7;
    bool done = (v == 0 && !(x & 0x40)) || (v == -1 && (x & 0x40));
    b.push_back(done ? x : static_cast<u8>(x | 0x80));
    if (done) return;
  }
}

// gas's emit_inc_line_addr: a line and an address advance, as short as
// possible.  line_delta INT_MAX: DW_LNE_end_sequence.
void inc_line_addr(std::vector<u8>& b, int line_delta, u64 addr_delta) {
  if (line_delta == INT_MAX) {
    if (addr_delta == MAX_SPECIAL_ADDR_DELTA) {
      b.push_back(LNS_const_add_pc);
    } else if (addr_delta) {
      b.push_back(LNS_advance_pc);
      put_uleb(b, addr_delta);
    }
    b.push_back(0);
    b.push_back(1);
    b.push_back(LNE_end_sequence);
    return;
  }
  unsigned tmp = static_cast<unsigned>(line_delta - LINE_BASE);
  bool need_copy = false;
  if (tmp >= static_cast<unsigned>(LINE_RANGE)) {
    b.push_back(LNS_advance_line);
    put_sleb(b, line_delta);
    line_delta = 0;
    tmp = static_cast<unsigned>(-LINE_BASE);
    need_copy = true;
  }
  if (line_delta == 0 && addr_delta == 0) {
    b.push_back(LNS_copy);
    return;
  }
  tmp += 13;
  if (addr_delta < 256 + MAX_SPECIAL_ADDR_DELTA) {
    u64 op = tmp + addr_delta * LINE_RANGE;
    if (op <= 255) {
      b.push_back(static_cast<u8>(op));
      return;
    }
    op = tmp + (addr_delta - MAX_SPECIAL_ADDR_DELTA) * LINE_RANGE;
    if (op <= 255) {
      b.push_back(LNS_const_add_pc);
      b.push_back(static_cast<u8>(op));
      return;
    }
  }
  b.push_back(LNS_advance_pc);
  put_uleb(b, addr_delta);
  b.push_back(need_copy ? static_cast<u8>(LNS_copy) : static_cast<u8>(tmp));
}

std::string_view basename_of(std::string_view path) {
  size_t k = path.rfind('/');
  std::string_view f = k == std::string_view::npos ? path : path.substr(k + 1);
  if (f.data() == path.data() + 1) return path;  // "/x": keep the slash (gas get_basename)
  return f;
}

std::string current_dir() {
  std::error_code ec;
  std::string d = std::filesystem::current_path(ec).string();
  return ec ? std::string(".") : d;
}

// gas's get_directory_table_entry.
u32 dir_entry(DwarfLine& d, std::string_view dirname, const std::string* file0_dir, size_t dirlen,
              bool can_use_zero) {
  if (dirlen == 0) return 0;
  if (dirname[dirlen - 1] == '/') {
    if (--dirlen == 0) return 0;
  }
  std::string_view want = dirname.substr(0, dirlen);
  u32 n = static_cast<u32>(d.dirs.size());
  for (u32 i = 0; i < n; i++)
    if (d.has_dir[i] && d.dirs[i] == want) return i;
  u32 k = n;
  if (can_use_zero) {
    if (d.dirs.empty() || !d.has_dir[0]) {
      std::string pwd = file0_dir ? *file0_dir : current_dir();
      if (d.level >= 5 && dirname != pwd) {
        dir_entry(d, pwd, file0_dir, pwd.size(), true);
        k = 1;
      } else {
        k = 0;
      }
    }
  } else if (k == 0) {
    k = 1;
  }
  if (d.dirs.size() <= k) {
    d.dirs.resize(k + 1);
    d.has_dir.resize(k + 1);
  }
  d.dirs[k] = std::string(want);
  d.has_dir[k] = true;
  return k;
}

}  // namespace

// .file N ["dir"] "name" [md5 VALUE]  (gas dwarf2_directive_filename and
// allocate_filename_to_slot).
bool Assembler::file_directive(const char* p) {
  if (inline_mode_) return true;
  DwarfLine& d = dl_;
  Expr* e = parse_expr(p);
  i64 num = 0;
  if (!e) return true;
  if (!eval_const(e, &num)) {
    error("file number must be an absolute expression");
    return true;
  }
  if (num < 1) {
    if (num == 0 && d.level < 5) d.level = 5;
    if (num < 0 || d.level < 5) {
      error("file number less than one");
      return true;
    }
  }
  std::string dirname, filename;
  bool has_dirname = false, with_md5 = false;
  u8 md5[16] = {};
  if (!parse_string(p, &filename)) return true;
  if (d.level > 4) {
    skip_ws(p);
    if (*p == '"') {
      dirname = std::move(filename);
      filename.clear();
      has_dirname = true;
      if (!parse_string(p, &filename)) return true;
    }
    if (std::string_view(p).substr(0, 3) == "md5") {
      p += 3;
      skip_ws(p);
      // A 128-bit constant; gas stores its bytes least significant first.
      std::string digits;
      if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        while (std::isxdigit(static_cast<unsigned char>(*p))) digits.push_back(*p++);
      }
      size_t first = digits.find_first_not_of('0');
      if (digits.empty() || first == std::string::npos || digits.size() - first <= 16) {
        error("md5 value too small or not a constant");
        return true;
      }
      for (size_t i = 0; i < 32 && i < digits.size(); i++) {
        char h = digits[digits.size() - 1 - i];
        unsigned v = static_cast<unsigned>(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
        md5[i / 2] |= static_cast<u8>(v << (4 * (i % 2)));
      }
      with_md5 = true;
      skip_ws(p);
    }
  }
  if (!at_end(p)) {
    error("junk at end of line, first unrecognized character is `%c'", *p);
    return true;
  }
  u32 n = static_cast<u32>(num);
  if (num > 1000000) {
    error("file number %lld is too big", static_cast<long long>(num));
    return true;
  }
  if (n < d.files.size() && d.files[n].set) {
    // The slot is taken: the same file again is fine.
    const DwarfLine::File& f = d.files[n];
    const std::string* dir = f.dir < d.dirs.size() && d.has_dir[f.dir] ? &d.dirs[f.dir] : nullptr;
    bool same;
    if (has_dirname) same = (!dir || *dir == dirname) && filename == f.name;
    else if (dir) same = filename == *dir + "/" + f.name;
    else same = basename_of(filename) == f.name;
    if (with_md5 && std::memcmp(md5, f.md5, 16) != 0) same = false;
    if (!same) error("file table slot %u is already occupied by a different file", n);
    return true;
  }
  std::string_view dn, file;
  size_t dirlen;
  const std::string* file0_dir = nullptr;
  if (n == 0) {
    if (has_dirname) file0_dir = &dirname;
    file = basename_of(filename);
    if (has_dirname && file.data() == filename.data()) {
      dn = dirname;
      dirlen = dirname.size();
    } else {
      dn = filename;
      dirlen = static_cast<size_t>(file.data() - filename.data());
    }
  } else if (!has_dirname) {
    dn = filename;
    file = basename_of(filename);
    dirlen = static_cast<size_t>(file.data() - filename.data());
  } else {
    dn = dirname;
    dirlen = dirname.size();
    file = filename;
  }
  u32 dir = dir_entry(d, dn, file0_dir, dirlen, n == 0);
  if (d.files.size() <= n) d.files.resize(n + 1);
  DwarfLine::File& f = d.files[n];
  f.name = std::string(file);
  f.dir = dir;
  f.set = true;
  std::memcpy(f.md5, md5, 16);
  return true;
}

// .loc FILE LINE [COLUMN] [basic_block] [prologue_end] [epilogue_begin]
//      [is_stmt V] [isa V] [discriminator V] [view V]  (dwarf2_directive_loc).
bool Assembler::loc_directive(const char* p) {
  if (inline_mode_) return true;
  DwarfLine& d = dl_;
  if (d.loc_seen) line_row();
  i64 file = 0, line = 0;
  Expr* e = parse_expr(p);
  if (!e || !eval_const(e, &file)) {
    if (e) error("file number must be an absolute expression");
    return true;
  }
  skip_ws(p);
  e = parse_expr(p);
  if (!e || !eval_const(e, &line)) {
    if (e) error("line number must be an absolute expression");
    return true;
  }
  if (file < 1) {
    if (file == 0 && d.level < 5) d.level = 5;
    if (file < 0 || d.level < 5) {
      error("file number less than one");
      return true;
    }
  }
  if (static_cast<u64>(file) >= d.files.size() || !d.files[static_cast<size_t>(file)].set) {
    error("unassigned file number %lld", static_cast<long long>(file));
    return true;
  }
  LineRow& c = d.cur;
  c.file = static_cast<u32>(file);
  c.line = static_cast<u32>(line);
  c.disc = 0;
  bool has_view = false;
  skip_ws(p);
  if (*p >= '0' && *p <= '9') {
    i64 col = 0;
    e = parse_expr(p);
    if (!e || !eval_const(e, &col)) return true;
    c.column = static_cast<u32>(col);
    skip_ws(p);
  }
  auto value = [&](i64* v) {
    skip_ws(p);
    Expr* x = parse_expr(p);
    if (!x) return false;
    if (!eval_const(x, v)) {
      error("bad or irreducible absolute expression");
      return false;
    }
    return true;
  };
  while (std::isalpha(static_cast<unsigned char>(*p))) {
    std::string_view w = read_ident(p);
    i64 v = 0;
    if (w == "basic_block") {
      c.flags |= LINE_BASIC_BLOCK;
    } else if (w == "prologue_end") {
      c.flags |= LINE_PROLOGUE_END;
    } else if (w == "epilogue_begin") {
      c.flags |= LINE_EPILOGUE_BEGIN;
    } else if (w == "is_stmt") {
      if (!value(&v)) return true;
      if (v == 0) c.flags &= static_cast<u8>(~LINE_IS_STMT);
      else if (v == 1) c.flags |= LINE_IS_STMT;
      else return error("is_stmt value not 0 or 1"), true;
    } else if (w == "isa") {
      if (!value(&v)) return true;
      if (v < 0) return error("isa number less than zero"), true;
      c.isa = static_cast<u32>(v);
    } else if (w == "discriminator") {
      if (!value(&v)) return true;
      if (v < 0) return error("discriminator less than zero"), true;
      c.disc = static_cast<u32>(v);
    } else if (w == "view") {
      skip_ws(p);
      if ((*p >= '0' && *p <= '9') || *p == '-') {
        bool reset = *p == '-';
        if (!value(&v)) return true;
        if (v != 0) return error("numeric view can only be asserted to zero"), true;
        c.view = 0;
        c.reset = reset;
        c.check_zero = !reset;
      } else {
        std::string_view n = read_ident(p);
        if (n.empty()) return error("expected a view symbol"), true;
        SymIdx s = sym_lookup(n);
        if (syms_[s].defined || syms_[s].equ) {
          error("symbol `%s' is already defined", sym_str(s));
          return true;
        }
        c.view = s;
        c.reset = c.check_zero = false;
      }
      has_view = true;
    } else {
      error("unknown .loc sub-directive `%.*s'", static_cast<int>(w.size()), w.data());
      return true;
    }
    skip_ws(p);
  }
  if (!at_end(p)) {
    error("junk at end of line, first unrecognized character is `%c'", *p);
    return true;
  }
  d.loc_seen = d.any_loc = true;
  if (has_view) line_row();
  return true;
}

// dwarf2_emit_insn + dwarf2_consume_line_info: record the current location
// as a row at the current address of the current section.
void Assembler::line_row() {
  DwarfLine& d = dl_;
  LineRow r = d.cur;
  d.loc_seen = false;
  d.cur.flags &= static_cast<u8>(~(LINE_BASIC_BLOCK | LINE_PROLOGUE_END | LINE_EPILOGUE_BEGIN));
  d.cur.disc = 0;
  d.cur.view = 0;
  d.cur.reset = d.cur.check_zero = false;
  if (r.line == 0) return;
  if ((cur().flags & 0x6) != 0x6) {
    warning("dwarf line number information for %s ignored", c_.syms.str(cur().name));
    return;
  }
  r.frag = static_cast<u32>(cur().frags.size() - 1);
  r.off = frag_off();
  r.label = sym_temp_here();
  syms_[r.label].loc = line_loc_;
  if (d.rows.size() <= cur_) d.rows.resize(cur_ + 1);
  if (d.rows[cur_].empty()) d.secs.push_back(cur_);
  d.rows[cur_].push_back(r);
}

// ---- gas's fragment obstack ------------------------------------------------
//
// Whether gas emits DW_LNE_set_address for a `view -0` row depends on gas's
// fragments (process_entries), and gas also closes a fragment whenever the
// obstack chunk holding it has no room for the next emission (frags.c
// frag_grow, frag_append_1_char).  This models that: each chunk is 4064
// bytes (obstack's default) with a 16-byte header, each fragment header
// takes 160 bytes (gas 2.40 on x86-64; calibrated against GNU as) after
// aligning to 8; FRAG_APPEND_1_CHAR needs 2 bytes of room, frag_more(n) n
// (else new fragments until it fits, in chunks of at least 2n + 160), and
// frag_var(max) reserves its maximum.  Only code sections are modelled.
namespace {
constexpr u32 kChunk = 4064, kChunkHdr = 16, kFragHdr = 160;
}

void Assembler::gas_wane() {
  // A row recorded exactly here ends its gas fragment.
  if (cur_ >= dl_.rows.size() || dl_.rows[cur_].empty()) return;
  LineRow& r = dl_.rows[cur_].back();
  if (r.frag == cur().frags.size() - 1 && r.off == frag_off()) r.gas_end = true;
}

void Assembler::gas_new_frag(u32 chunk) {
  Section& s = cur();
  s.g_pos = std::min((s.g_pos + 7) & ~7u, s.g_limit);
  if (s.g_limit - s.g_pos < kFragHdr) {
    s.g_limit = std::max(chunk, kFragHdr + 100);
    s.g_pos = kChunkHdr + kFragHdr;
  } else {
    s.g_pos += kFragHdr;
  }
}

void Assembler::gas_append1() {
  Section& s = cur();
  if (!s.code()) return;
  if (s.g_limit - s.g_pos <= 1) {
    gas_wane();
    gas_new_frag(kChunk);
  }
  s.g_pos += 1;
}

void Assembler::gas_more(u32 n) {
  if (!cur().code()) return;
  gas_grow(n);
  cur().g_pos += n;
}

void Assembler::gas_grow(u32 n) {
  Section& s = cur();
  if (!s.code()) return;
  if (s.g_limit - s.g_pos < n) {
    u32 chunk = std::max(kChunk, (n < 0x10000 ? 2 * n : n + 0x10000) + kFragHdr);
    while (s.g_limit - s.g_pos < n) {
      gas_wane();
      gas_new_frag(chunk);
    }
  }
}

void Assembler::gas_var(u32 max_chars) {
  if (!cur().code()) return;
  gas_more(max_chars);
  gas_new_frag(kChunk);
}

// An instruction as tc-i386.c output_insn emits it: each legacy prefix and
// REX byte, a one-byte opcode and ModRM/SIB one at a time; a VEX prefix, a
// multi-byte opcode, each displacement and immediate with frag_more.
void Assembler::gas_insn(const u8* b, unsigned len, bool has_mem) {
  if (!cur().code()) return;
  unsigned i = 0;
  auto is_legacy = [](u8 x) {
    return x == 0xF0 || x == 0xF2 || x == 0xF3 || x == 0x2E || x == 0x36 || x == 0x3E || x == 0x26 ||
           x == 0x64 || x == 0x65 || x == 0x66 || x == 0x67;
  };
  while (i < len && is_legacy(b[i])) gas_append1(), i++;
  if (i < len && (b[i] & 0xF0) == 0x40) gas_append1(), i++;
  bool vex = false;
  if (i < len && (b[i] == 0xC4 || b[i] == 0xC5)) {
    unsigned v = b[i] == 0xC4 ? 3 : 2;
    gas_more(v);
    i += v;
    vex = true;
  }
  if (i >= len) return;
  u8 op = b[i];
  unsigned j = 1;
  bool modrm = true;
  if (!vex && op == 0x0F && i + 1 < len) {
    u8 o2 = b[i + 1];
    j = (o2 == 0x38 || o2 == 0x3A) ? 3 : 2;
    if (j == 2 && ((o2 >= 0xC8 && o2 <= 0xCF) || o2 == 0x05 || o2 == 0x0B || o2 == 0xA2 || o2 == 0x31 ||
                   o2 == 0xA0 || o2 == 0xA1 || o2 == 0xA8 || o2 == 0xA9 || o2 == 0x77 || (o2 >= 0x80 && o2 <= 0x8F)))
      modrm = false;
  } else if (!vex && op >= 0xD8 && op <= 0xDF && i + 1 < len && b[i + 1] >= 0xC0) {
    j = 2;  // x87 register forms: a two-byte opcode, no ModRM
    modrm = false;
  } else if (!vex) {
    static constexpr u8 kNoModrm[] = {0x04, 0x05, 0x0C, 0x0D, 0x14, 0x15, 0x1C, 0x1D, 0x24, 0x25, 0x2C,
                                      0x2D, 0x34, 0x35, 0x3C, 0x3D, 0x68, 0x6A, 0x6C, 0x6D, 0x6E, 0x6F,
                                      0x98, 0x99, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA8, 0xA9, 0xC2, 0xC3,
                                      0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xE4, 0xE5, 0xE6, 0xE7, 0xEC,
                                      0xED, 0xEE, 0xEF, 0xF4, 0xF5, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD};
    if ((op >= 0x50 && op <= 0x5F) || (op >= 0x90 && op <= 0x97) || (op >= 0xA0 && op <= 0xAF) ||
        (op >= 0xB0 && op <= 0xBF))
      modrm = false;
    for (u8 x : kNoModrm)
      if (op == x) modrm = false;
  }
  if (j == 1) gas_append1();
  else gas_more(j);
  i += j;
  if (i >= len) return;
  unsigned disp = 0;
  if (modrm || has_mem) {
    u8 m = b[i];
    gas_append1();
    i++;
    unsigned mod = m >> 6, rm = m & 7;
    if (mod != 3 && rm == 4 && i < len) {
      u8 sib = b[i];
      gas_append1();
      i++;
      if (mod == 0 && (sib & 7) == 5) disp = 4;
    }
    if (mod == 1) disp = 1;
    else if (mod == 2) disp = 4;
    else if (mod == 0 && rm == 5) disp = 4;
  }
  if (disp && i + disp <= len) {
    gas_more(disp);
    i += disp;
  }
  if (i < len) gas_more(len - i);  // the immediate
}

// After the code sections are laid out: view numbers, then .debug_line.
void Assembler::finish_debug_line() {
  DwarfLine& d = dl_;
  if (errors_) return;
  auto row_addr = [&](u32 si, const LineRow& r) { return secs_[si].frags[r.frag].addr + r.off; };
  // Views (gas set_or_check_view, evaluated with the final addresses).
  for (u32 si : d.secs) {
    u32 pv = 0;
    u64 pa = 0;
    const std::vector<LineRow>& rows = d.rows[si];
    for (size_t k = 0; k < rows.size(); k++) {
      const LineRow& r = rows[k];
      u64 a = row_addr(si, r);
      u32 v = (k == 0 || r.reset || a > pa) ? 0 : pv + 1;
      if (r.check_zero) {
        if (v) {
          line_loc_ = syms_[r.label].loc;
          error("view number mismatch");
        }
        v = 0;
      }
      if (r.view) syms_[r.view].equ = num_expr(v);
      pv = v;
      pa = a;
    }
  }
  // gas emits .debug_line when there are rows or a .debug_info, and the
  // compiler left .debug_line empty.
  auto find = [&](const char* name) -> int {
    Sym nm = c_.syms.intern(name, std::strlen(name));
    for (u32 i = 0; i < secs_.size(); i++)
      if (secs_[i].name == nm && !secs_[i].group) return static_cast<int>(i);
    return -1;
  };
  auto nonempty = [&](int si) {
    if (si < 0) return false;
    for (const Frag& f : secs_[static_cast<u32>(si)].frags)
      if (f.len || f.kind != FragKind::None) return true;
    return false;
  };
  bool info = nonempty(find(".debug_info"));
  int line_si = find(".debug_line");
  bool line_empty = !nonempty(line_si);
  bool rows = !d.secs.empty();
  if (rows && !line_empty && d.any_loc) {
    error("duplicate .debug_line sections");
    return;
  }
  if ((!rows && !info) || (info && !line_empty)) return;

  u32 save = cur_;
  u32 ver = d.level;
  if (line_si < 0) line_si = static_cast<int>(get_section(".debug_line", 1, 0, 0, 0, false, true));
  u32 lsi = static_cast<u32>(line_si);
  std::vector<u8> b;
  struct Rel {
    size_t off;
    u8 size;
    SymIdx sym;
  };
  std::vector<Rel> rels;
  auto put = [&](u64 v, unsigned n) {
    for (unsigned i = 0; i < n; i++) b.push_back(static_cast<u8>(v >> (8 * i)));
  };
  // Strings for DW_FORM_line_strp go to the end of .debug_line_str.
  u32 str_si = 0;
  auto line_strp = [&](std::string_view s) {
    cur_ = str_si;
    SymIdx at = sym_temp_here();
    emit_bytes(s.data(), s.size());
    emit_byte(0);
    rels.push_back(Rel{b.size(), 4, at});
    put(0, 4);
    return at;
  };
  put(0, 4);  // unit_length
  put(ver, 2);
  if (ver >= 5) {
    b.push_back(8);  // address_size
    b.push_back(0);  // segment_selector_size
  }
  size_t hlen_at = b.size();
  put(0, 4);  // header_length
  b.push_back(1);  // minimum_instruction_length
  if (ver >= 4) b.push_back(1);  // maximum_operations_per_instruction
  b.push_back(1);  // default_is_stmt
  b.push_back(static_cast<u8>(LINE_BASE));
  b.push_back(LINE_RANGE);
  b.push_back(ver == 2 ? 10 : 13);  // opcode_base
  static constexpr u8 kLens[12] = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};
  b.insert(b.end(), kLens, kLens + (ver >= 3 ? 12 : 9));

  u32 ndirs = static_cast<u32>(d.dirs.size()), nfiles = static_cast<u32>(d.files.size());
  // Directory table.
  if (ver >= 5) {
    b.push_back(1);
    put_uleb(b, LNCT_path);
    put_uleb(b, FORM_line_strp);
    put_uleb(b, ndirs == 0 && nfiles > 0 ? 1 : ndirs);
    if (ndirs > 0 || nfiles > 0) {
      str_si = get_section(".debug_line_str", 1, 0x30, 1, 0, false, true);
      line_strp(ndirs > 0 && d.has_dir[0] ? d.dirs[0] : current_dir());
    }
    for (u32 i = 1; i < ndirs; i++) line_strp(d.dirs[i]);
  } else {
    for (u32 i = 1; i < ndirs; i++) {
      b.insert(b.end(), d.dirs[i].begin(), d.dirs[i].end());
      b.push_back(0);
    }
    b.push_back(0);
  }
  // File table.
  bool md5 = false;
  if (ver >= 5) {
    for (const DwarfLine::File& f : d.files)
      if (f.md5[0]) md5 = true;  // gas looks at the first byte only
    b.push_back(md5 ? 3 : 2);
    put_uleb(b, LNCT_path);
    put_uleb(b, FORM_line_strp);
    put_uleb(b, LNCT_directory_index);
    put_uleb(b, FORM_udata);
    if (md5) {
      put_uleb(b, LNCT_MD5);
      put_uleb(b, FORM_data16);
    }
    put_uleb(b, nfiles);
  }
  SymIdx file0_strp = 0;
  bool file0_is_file1 = false;
  for (u32 i = ver > 4 ? 0 : 1; i < nfiles; i++) {
    DwarfLine::File& f = d.files[i];
    if (!f.set) {
      if (ver < 5 || i != 0) {
        error("unassigned file number %u", i);
        continue;
      }
      // No `.file 0`: entry 0 repeats entry 1 (sharing its string).
      if (nfiles > 1 && d.files[1].set) {
        f.name = d.files[1].name;
        f.dir = d.files[1].dir;
        if (md5) std::memcpy(f.md5, d.files[1].md5, 16);
        file0_is_file1 = true;
      }
    }
    if (ver < 5) {
      b.insert(b.end(), f.name.begin(), f.name.end());
      b.push_back(0);
    } else {
      SymIdx s;
      if (!file0_strp) {
        cur_ = str_si;
        s = line_strp(f.name);
      } else {
        s = file0_strp;
        rels.push_back(Rel{b.size(), 4, s});
        put(0, 4);
      }
      file0_strp = (i == 0 && file0_is_file1) ? s : 0;
    }
    put_uleb(b, f.dir);
    if (ver < 5) {
      put_uleb(b, 0);  // modification time
      put_uleb(b, 0);  // size
    }
    if (md5) b.insert(b.end(), f.md5, f.md5 + 16);
  }
  u64 hlen = b.size() - (hlen_at + 4);
  for (unsigned i = 0; i < 4; i++) b[hlen_at + i] = static_cast<u8>(hlen >> (8 * i));

  // One sequence per section (gas process_entries).
  for (u32 si : d.secs) {
    const Section& s = secs_[si];
    u32 file = 1, line = 1, column = 0, isa = 0;
    u8 flags = LINE_IS_STMT;
    const LineRow* last = nullptr;
    for (const LineRow& r : d.rows[si]) {
      if (file != r.file) {
        file = r.file;
        b.push_back(LNS_set_file);
        put_uleb(b, file);
      }
      if (column != r.column) {
        column = r.column;
        b.push_back(LNS_set_column);
        put_uleb(b, column);
      }
      if (r.disc) {
        b.push_back(0);
        put_sleb(b, 1 + uleb_size(r.disc));
        b.push_back(LNE_set_discriminator);
        put_uleb(b, r.disc);
      }
      if (isa != r.isa) {
        isa = r.isa;
        b.push_back(LNS_set_isa);
        put_uleb(b, isa);
      }
      if ((r.flags ^ flags) & LINE_IS_STMT) {
        flags = r.flags;
        b.push_back(LNS_negate_stmt);
      }
      if (r.flags & LINE_BASIC_BLOCK) b.push_back(LNS_set_basic_block);
      if (r.flags & LINE_PROLOGUE_END) b.push_back(LNS_set_prologue_end);
      if (r.flags & LINE_EPILOGUE_BEGIN) b.push_back(LNS_set_epilogue_begin);
      int line_delta = static_cast<int>(r.line - line);
      // gas restarts the address for a forced view reset at an address it
      // cannot prove advanced: the same spot of one fragment, or the start
      // of a fragment right after the end of the previous row's.
      bool set_addr = !last;
      // (gas keeps a relaxable jump's opcode byte in the fixed part.)
      if (last && r.reset) {
        const Frag& lf = s.frags[last->frag];
        u64 fix = lf.len + (lf.kind == FragKind::Jump ? 1 : 0);
        set_addr = r.frag == last->frag ? last->off == r.off
                                        : (r.off == 0 && (last->off >= fix || last->gas_end));
      }
      if (set_addr) {
        b.push_back(0);
        put_uleb(b, 9);
        b.push_back(LNE_set_address);
        rels.push_back(Rel{b.size(), 8, r.label});
        put(0, 8);
        inc_line_addr(b, line_delta, 0);
      } else {
        inc_line_addr(b, line_delta, row_addr(si, r) - row_addr(si, *last));
      }
      line = r.line;
      last = &r;
    }
    const Frag& end = s.frags.back();
    inc_line_addr(b, INT_MAX, end.addr + end.len - row_addr(si, *last));
  }
  u64 len = b.size() - 4;
  for (unsigned i = 0; i < 4; i++) b[i] = static_cast<u8>(len >> (8 * i));

  cur_ = lsi;
  u32 base = frag_off();
  emit_bytes(b.data(), b.size());
  for (const Rel& r : rels)
    add_fixup(base + static_cast<u32>(r.off), r.size, sym_expr(r.sym), false, 0);
  cur_ = save;
}

}  // namespace cfree::as
