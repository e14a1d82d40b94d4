// objdump.cpp: `cfree objdump`, printing an ObjBuilder read from an ELF file
// in GNU objdump's layout (binutils 2.40: objdump.c and bfd's ELF back end
// decide the spellings copied here: section flag words, the seven symbol
// flag columns, relocation VALUE syntax, the -s hex dump, the -d address
// column that drops leading zeros in groups of four).
//
// objdump's section list is BFD's: every ELF section but the null section,
// the symbol and string tables and, in relocatable files, the relocation
// sections; group sections are listed at their place in the file.  Symbols
// are printed in symbol-table order.  The disassembler is the target's own
// (x86-64: arch/x86_64/disasm), labelled with the symbols of the section.
#include "obj/objdump.h"

#include "arch/x86_64/disasm.h"
#include "core/compiler.h"
#include "obj/archive.h"
#include "obj/elf.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <string>

namespace cfree {

namespace {

// One entry of BFD's section list: a model section or a group section.
struct View {
  ObjSecId sec = OBJ_SEC_NONE;
  ObjGroupId group = OBJ_GROUP_NONE;
  u32 file_index = 0;
};

class Dumper {
 public:
  Dumper(const ObjBuilder& ob, const CfreeObjdumpOptions& o, const char* name, CfreeWriter* w,
         const ArMember* member)
      : ob_(ob), o_(o), name_(name), w_(w), member_(member) {}
  bool run();

 private:
  void pr(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  void flush();
  bool selected(const char* secname) const;
  const char* view_name(const View& v) const;
  u64 view_size(const View& v) const;
  std::string sym_label(ObjSymId id) const;
  void file_header();
  void archive_header();
  void section_headers();
  void program_headers();
  void symbol_table();
  void relocations();
  void contents();
  void disassemble();
  void disassemble_section(ObjSecId s);

  const ObjBuilder& ob_;
  const CfreeObjdumpOptions& o_;
  const char* name_;
  CfreeWriter* w_;
  const ArMember* member_;
  std::string buf_;
  bool failed_ = false;
  std::vector<View> views_;
};

void Dumper::pr(const char* fmt, ...) {
  char tmp[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if (static_cast<size_t>(n) < sizeof tmp) {
    buf_.append(tmp, static_cast<size_t>(n));
  } else {
    std::string big(static_cast<size_t>(n) + 1, '\0');
    va_start(ap, fmt);
    std::vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.pop_back();
    buf_ += big;
  }
  if (buf_.size() > 65536) flush();
}

void Dumper::flush() {
  if (!buf_.empty() && !failed_ && w_->write(w_->ctx, buf_.data(), buf_.size()) != 0) failed_ = true;
  buf_.clear();
}

bool Dumper::selected(const char* secname) const {
  if (!o_.only_sections || !o_.num_only_sections) return true;
  for (size_t i = 0; i < o_.num_only_sections; i++)
    if (!std::strcmp(o_.only_sections[i], secname)) return true;
  return false;
}

const char* Dumper::view_name(const View& v) const {
  return v.sec ? ob_.section_name(v.sec) : ob_.syms().str(ob_.group_get(v.group).name);
}

u64 Dumper::view_size(const View& v) const {
  if (v.sec) return ob_.size(v.sec);
  size_t n = 0;
  for (ObjSecId s : ob_.group_get(v.group).members) n += 1 + (ob_.relocs(s).empty() ? 0 : 1);
  return 4 + 4 * n;
}

const char* arch_name(CfreeArch a) {
  switch (a) {
    case CFREE_ARCH_X86_64: return "i386:x86-64";
    case CFREE_ARCH_AARCH64: return "aarch64";
    case CFREE_ARCH_RISCV64: return "riscv:rv64";
    default: return "unknown";
  }
}
const char* format_name(CfreeArch a) {
  switch (a) {
    case CFREE_ARCH_X86_64: return "elf64-x86-64";
    case CFREE_ARCH_AARCH64: return "elf64-littleaarch64";
    case CFREE_ARCH_RISCV64: return "elf64-littleriscv";
    default: return "elf64-little";
  }
}

bool Dumper::run() {
  for (ObjSecId s = 1; s <= ob_.num_sections(); s++)
    views_.push_back(View{s, OBJ_GROUP_NONE, ob_.section_get(s).file_index});
  for (ObjGroupId g = 1; g <= ob_.num_groups(); g++)
    views_.push_back(View{OBJ_SEC_NONE, g, ob_.group_get(g).file_index});
  std::stable_sort(views_.begin(), views_.end(),
                   [](const View& a, const View& b) { return a.file_index < b.file_index; });
  pr("\n%s:     file format %s\n", name_, format_name(ob_.target().arch));
  if (o_.archive_headers) {
    if (member_) archive_header();
    else pr("%s\n", name_);
  }
  // The order and blank lines of binutils' dump_bfd().
  if (o_.file_headers) file_header();
  if (o_.private_headers) program_headers();
  pr("\n");
  if (o_.section_headers) section_headers();
  if (o_.syms) symbol_table();
  if (o_.relocs && !(o_.disassemble || o_.disassemble_all)) relocations();
  if (o_.full_contents) contents();
  if (o_.disassemble || o_.disassemble_all) disassemble();
  flush();
  return !failed_;
}

// ---- -a ------------------------------------------------------------------

// bfd's print_arelt_descr: "rw-r--r-- 0/0   1960 Jan  1 00:00 1970 name".
void Dumper::archive_header() {
  const ArMember& m = *member_;
  char mode[10];
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; i++) mode[i] = (m.mode >> (8 - i)) & 1 ? rwx[i] : '-';
  mode[9] = 0;
  // Civil date from days since the epoch (H. Hinnant's algorithm).
  i64 secs = static_cast<i64>(m.date), days = secs / 86400, rem = secs % 86400;
  i64 z = days + 719468, era = z / 146097, doe = z - era * 146097;
  i64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  i64 y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  i64 dd = doy - (153 * mp + 2) / 5 + 1, mm = mp < 10 ? mp + 3 : mp - 9;
  if (mm <= 2) y++;
  static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  pr("%s %u/%u %6zu %s %2d %02d:%02d %lld %s\n", mode, m.uid, m.gid, m.size, kMon[mm - 1], int(dd),
     int(rem / 3600), int(rem / 60 % 60), (long long)y, std::string(m.name).c_str());
}

// ---- -f ------------------------------------------------------------------

void Dumper::file_header() {
  bool rel = ob_.file_type() == ObjFileType::Rel;
  bool has_reloc = false;
  for (ObjSecId s = 1; s <= ob_.num_sections(); s++) has_reloc |= !ob_.relocs(s).empty();
  u32 flags = 0;
  std::string words;
  auto add = [&](u32 bit, const char* w) {
    flags |= bit;
    if (!words.empty()) words += ", ";
    words += w;
  };
  if (has_reloc && rel) add(0x1, "HAS_RELOC");
  if (ob_.file_type() == ObjFileType::Exec) add(0x2, "EXEC_P");
  if (ob_.num_symbols()) add(0x10, "HAS_SYMS");
  if (ob_.file_type() == ObjFileType::Dyn) add(0x40, "DYNAMIC");
  if (!rel && !ob_.segments().empty()) add(0x100, "D_PAGED");
  pr("architecture: %s, flags 0x%08x:\n%s\n", arch_name(ob_.target().arch), flags, words.c_str());
  pr("start address 0x%016llx\n", static_cast<unsigned long long>(ob_.entry()));
}

// ---- -p ------------------------------------------------------------------

void Dumper::program_headers() {
  if (ob_.segments().empty()) return;
  pr("\nProgram Header:\n");
  for (const ObjSegment& s : ob_.segments()) {
    const char* t;
    char tb[32];
    switch (s.type) {
      case elf::PT_NULL: t = "NULL"; break;
      case elf::PT_LOAD: t = "LOAD"; break;
      case elf::PT_DYNAMIC: t = "DYNAMIC"; break;
      case elf::PT_INTERP: t = "INTERP"; break;
      case elf::PT_NOTE: t = "NOTE"; break;
      case elf::PT_PHDR: t = "PHDR"; break;
      case elf::PT_TLS: t = "TLS"; break;
      case elf::PT_GNU_EH_FRAME: t = "EH_FRAME"; break;
      case elf::PT_GNU_STACK: t = "STACK"; break;
      case elf::PT_GNU_RELRO: t = "RELRO"; break;
      default: std::snprintf(tb, sizeof tb, "0x%x", s.type); t = tb; break;
    }
    unsigned al = 0;
    while (al < 63 && (u64(1) << al) < s.align) al++;
    pr("%8s off    0x%016llx vaddr 0x%016llx paddr 0x%016llx align 2**%u\n", t,
       (unsigned long long)s.offset, (unsigned long long)s.vaddr, (unsigned long long)s.paddr, al);
    pr("         filesz 0x%016llx memsz 0x%016llx flags %c%c%c\n", (unsigned long long)s.filesz,
       (unsigned long long)s.memsz, (s.flags & 4) ? 'r' : '-', (s.flags & 2) ? 'w' : '-',
       (s.flags & 1) ? 'x' : '-');
  }
  pr("\n");
}

// ---- -h ------------------------------------------------------------------

void Dumper::section_headers() {
  pr("Sections:\nIdx Name          Size      VMA               LMA               File off  Algn\n");
  bool rel = ob_.file_type() == ObjFileType::Rel;
  for (size_t i = 0; i < views_.size(); i++) {
    const View& v = views_[i];
    const char* name = view_name(v);
    if (!selected(name)) continue;
    u64 addr = 0, off, align;
    std::string fl;
    auto add = [&](const char* w) {
      if (!fl.empty()) fl += ", ";
      fl += w;
    };
    if (v.group) {
      off = ob_.group_get(v.group).file_off;
      align = 4;
      add("CONTENTS");
      add("READONLY");
      add("GROUP");
      add("LINK_ONCE_DISCARD");
    } else {
      const ObjSection& s = ob_.section_get(v.sec);
      addr = s.addr;
      off = s.file_off;
      align = s.align;
      bool nobits = s.sem == SecSem::NoBits;
      bool alloc = s.flags & SECF_ALLOC;
      if (!nobits) add("CONTENTS");
      if (alloc) add("ALLOC");
      if (alloc && !nobits) add("LOAD");
      if (rel && !ob_.relocs(v.sec).empty()) add("RELOC");
      if (!(s.flags & SECF_WRITE) && !nobits) add("READONLY");
      if (s.flags & SECF_EXEC) add("CODE");
      else if (alloc && !nobits) add("DATA");
      if (s.flags & SECF_TLS) add("THREAD_LOCAL");
      if (s.kind == SecKind::Debug && !alloc) add("DEBUGGING");
      if (s.flags & SECF_EXCLUDE) add("EXCLUDE");
    }
    unsigned al = 0;
    while (al < 63 && (u64(1) << al) < align) al++;
    pr("%3zu %-13s %08llx  %016llx  %016llx  %08llx  2**%u\n", i, name,
       (unsigned long long)view_size(v), (unsigned long long)addr, (unsigned long long)addr,
       (unsigned long long)off, al);
    pr("                  %s\n", fl.c_str());
  }
}

// ---- -t ------------------------------------------------------------------

std::string Dumper::sym_label(ObjSymId id) const {
  const ObjSymbol& s = ob_.symbol_get(id);
  if (s.type == SymType::Section && s.place == SymPlace::Section) return ob_.section_name(s.sec);
  return ob_.symbol_name(id);
}

void Dumper::symbol_table() {
  pr("SYMBOL TABLE:\n");
  bool versioned = false;
  for (ObjSecId i = 1; i <= ob_.num_sections(); i++) versioned |= ob_.section_get(i).sem == SecSem::VerSym;
  if (!ob_.num_symbols()) {
    pr("no symbols\n");
  }
  for (ObjSymId id = 1; id <= ob_.num_symbols(); id++) {
    const ObjSymbol& s = ob_.symbol_get(id);
    bool local = s.bind == SymBind::Local;
    char c1 = local ? 'l' : s.bind == SymBind::Global ? 'g' : s.bind == SymBind::GnuUnique ? 'u' : ' ';
    if ((s.place == SymPlace::Undef || s.place == SymPlace::Common) && !local) c1 = ' ';
    char c2 = s.bind == SymBind::Weak ? 'w' : ' ';
    char c5 = s.type == SymType::GnuIFunc ? 'i' : ' ';
    char c6 = (s.type == SymType::Section || s.type == SymType::File) ? 'd' : ' ';
    char c7 = s.type == SymType::Func || s.type == SymType::GnuIFunc ? 'F'
            : s.type == SymType::File ? 'f'
            : s.type == SymType::Object || (s.type == SymType::Common) ? 'O' : ' ';
    const char* secname = s.place == SymPlace::Undef ? "*UND*"
                        : s.place == SymPlace::Abs ? "*ABS*"
                        : s.place == SymPlace::Common ? "*COM*" : ob_.section_name(s.sec);
    u64 value = s.value;
    if (s.place == SymPlace::Section) value += ob_.section_get(s.sec).addr;
    // bfd_elf_print_symbol: a version column when the file has symbol
    // versions, then st_other, then the name.
    char other[16] = "";
    u8 st_other = static_cast<u8>(s.other | static_cast<u8>(s.vis));
    switch (st_other) {
      case 0: break;
      case 1: std::snprintf(other, sizeof other, " .internal"); break;
      case 2: std::snprintf(other, sizeof other, " .hidden"); break;
      case 3: std::snprintf(other, sizeof other, " .protected"); break;
      default: std::snprintf(other, sizeof other, " 0x%02x", st_other); break;
    }
    pr("%016llx %c%c  %c%c%c %s\t%016llx%s%s %s\n", (unsigned long long)value, c1, c2, c5, c6, c7,
       secname, (unsigned long long)s.size, versioned ? "  " "           " : "", other,
       sym_label(id).c_str());
  }
  pr("\n\n");
}

// ---- -r ------------------------------------------------------------------

void Dumper::relocations() {
  for (const View& v : views_) {
    if (!v.sec || ob_.relocs(v.sec).empty() || !selected(ob_.section_name(v.sec))) continue;
    pr("RELOCATION RECORDS FOR [%s]:\nOFFSET           TYPE              VALUE\n", ob_.section_name(v.sec));
    for (const ObjReloc& r : ob_.relocs(v.sec)) {
      const char* tn = reloc_name(ob_.target().arch, r.type);
      char tb[32];
      if (!tn) {
        std::snprintf(tb, sizeof tb, "unknown %u", r.type);
        tn = tb;
      }
      std::string val = r.sym ? sym_label(r.sym) : "*ABS*";
      char ab[40] = "";
      if (r.addend > 0) std::snprintf(ab, sizeof ab, "+0x%016llx", (unsigned long long)r.addend);
      if (r.addend < 0) std::snprintf(ab, sizeof ab, "-0x%016llx", (unsigned long long)(-(u64)r.addend));
      pr("%016llx %-16s  %s%s\n", (unsigned long long)r.offset, tn, val.c_str(), ab);
    }
    pr("\n\n");
  }
}

// ---- -s ------------------------------------------------------------------

void Dumper::contents() {
  for (const View& v : views_) {
    const char* name = view_name(v);
    if (!selected(name)) continue;
    std::vector<u8> bytes;
    u64 addr = 0;
    if (v.sec) {
      if (ob_.section_get(v.sec).sem == SecSem::NoBits) continue;
      bytes = ob_.bytes(v.sec);
      addr = ob_.section_get(v.sec).addr;
    } else {
      // The group section as the file holds it: flags, then the ELF indices
      // of its members and of their relocation sections.
      const ObjGroup& g = ob_.group_get(v.group);
      auto put32 = [&](u32 x) {
        for (int k = 0; k < 4; k++) bytes.push_back(static_cast<u8>(x >> (8 * k)));
      };
      put32(g.flags);
      for (ObjSecId m : g.members) {
        put32(ob_.section_get(m).file_index);
        if (!ob_.relocs(m).empty()) put32(ob_.section_get(m).rela_file_index);
      }
    }
    if (bytes.empty()) continue;
    u64 start = 0, stop = bytes.size();
    if (o_.has_start_address && o_.start_address > addr) start = std::min<u64>(o_.start_address - addr, stop);
    if (o_.has_stop_address && o_.stop_address < addr + stop) stop = o_.stop_address > addr ? o_.stop_address - addr : 0;
    if (start >= stop) continue;
    pr("Contents of section %s:\n", name);
    auto digits = [](u64 a) {
      int n = 1;
      while (a >>= 4) n++;
      return n;
    };
    int width = std::max({4, digits(addr + start), digits(addr + stop - 1)});
    for (u64 off = start; off < stop; off += 16) {
      char line[128];
      int p = std::snprintf(line, sizeof line, " %0*llx ", width, (unsigned long long)(addr + off));
      for (u64 j = 0; j < 16; j++) {
        if (off + j < stop) p += std::snprintf(line + p, sizeof line - p, "%02x", bytes[off + j]);
        else p += std::snprintf(line + p, sizeof line - p, "  ");
        if ((j & 3) == 3) line[p++] = ' ';
      }
      line[p++] = ' ';
      for (u64 j = 0; j < 16; j++) {
        u8 c = off + j < stop ? bytes[off + j] : ' ';
        line[p++] = (off + j < stop) ? ((c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.') : ' ';
      }
      line[p] = 0;
      pr("%s\n", line);
    }
  }
}

// ---- -d ------------------------------------------------------------------

struct SymAt {
  u64 addr;
  ObjSymId id;
};

struct LookupCtx {
  const ObjBuilder* ob;
  const std::vector<SymAt>* labels;  // this section's labels, by address
  const std::vector<SymAt>* all;     // linked images: every symbol, by address
};

// The section of a linked image holding `addr`, or NONE.
ObjSecId section_at(const ObjBuilder& ob, u64 addr) {
  for (ObjSecId s = 1; s <= ob.num_sections(); s++) {
    const ObjSection& x = ob.section_get(s);
    if ((x.flags & SECF_ALLOC) && addr >= x.addr && addr < x.addr + x.size) return s;
  }
  return OBJ_SEC_NONE;
}

void name_with_offset(const ObjBuilder& ob, const SymAt& s, u64 addr, std::string* name) {
  *name = ob.symbol_name(s.id);
  if (addr != s.addr) {
    char b[32];
    std::snprintf(b, sizeof b, "+0x%llx", (unsigned long long)(addr - s.addr));
    *name += b;
  }
}

// objdump's choice: in a relocatable file the nearest preceding symbol of
// the same section; in a linked image the nearest preceding symbol of the
// section holding the address, else the nearest preceding symbol at all.
bool lookup_sym(void* ctx, u64 addr, std::string* name) {
  const LookupCtx& c = *static_cast<const LookupCtx*>(ctx);
  auto before = [](const std::vector<SymAt>& v, u64 a) {
    return std::upper_bound(v.begin(), v.end(), a, [](u64 x, const SymAt& s) { return x < s.addr; });
  };
  if (!c.all) {
    const std::vector<SymAt>& v = *c.labels;
    auto it = before(v, addr);
    if (it == v.begin()) return false;
    name_with_offset(*c.ob, *(it - 1), addr, name);
    return true;
  }
  const std::vector<SymAt>& v = *c.all;
  auto it = before(v, addr);
  if (it == v.begin()) return false;
  ObjSecId sec = section_at(*c.ob, addr);
  for (auto j = it; j != v.begin() && sec; --j) {
    const SymAt& s = *(j - 1);
    if (c.ob->symbol_get(s.id).sec == sec) {
      name_with_offset(*c.ob, s, addr, name);
      return true;
    }
    if (s.addr < c.ob->section_get(sec).addr) break;
  }
  name_with_offset(*c.ob, *(it - 1), addr, name);
  return true;
}

// A symbol objdump can label code with (not a section or file symbol).
bool labels_code(const ObjSymbol& y) {
  return y.place == SymPlace::Section && y.type != SymType::Section && y.type != SymType::File;
}

// Sort by address; at one address locals first, so a global is "last".
void sort_syms(const ObjBuilder& ob, std::vector<SymAt>* v) {
  std::stable_sort(v->begin(), v->end(), [&](const SymAt& a, const SymAt& b) {
    if (a.addr != b.addr) return a.addr < b.addr;
    bool ga = ob.symbol_get(a.id).bind != SymBind::Local, gb = ob.symbol_get(b.id).bind != SymBind::Local;
    return ga < gb;
  });
  std::vector<SymAt> one;
  for (size_t i = 0; i < v->size(); i++)
    if (i + 1 == v->size() || (*v)[i + 1].addr != (*v)[i].addr) one.push_back((*v)[i]);
  *v = std::move(one);
}

void Dumper::disassemble() {
  for (const View& v : views_) {
    if (!v.sec) continue;
    const ObjSection& s = ob_.section_get(v.sec);
    bool code = s.flags & SECF_EXEC;
    if (!(code || (o_.disassemble_all && s.sem != SecSem::NoBits))) continue;
    if (!selected(ob_.section_name(v.sec))) continue;
    disassemble_section(v.sec);
  }
}

void Dumper::disassemble_section(ObjSecId sid) {
  const ObjSection& s = ob_.section_get(sid);
  pr("\nDisassembly of section %s:\n", ob_.section_name(sid));
  std::vector<u8> bytes = ob_.bytes(sid);
  // The section's symbols (no section or file symbols), one per address.
  std::vector<SymAt> labels, all;
  for (ObjSymId id = 1; id <= ob_.num_symbols(); id++) {
    const ObjSymbol& y = ob_.symbol_get(id);
    if (!labels_code(y)) continue;
    u64 a = ob_.section_get(y.sec).addr + y.value;
    if (y.sec == sid) labels.push_back(SymAt{a, id});
    all.push_back(SymAt{a, id});
  }
  sort_syms(ob_, &labels);
  sort_syms(ob_, &all);
  bool linked = ob_.file_type() != ObjFileType::Rel;
  LookupCtx lc{&ob_, &labels, linked ? &all : nullptr};
  x86::SymLookup lk{&lc, lookup_sym};
  if (labels.empty()) {
    // objdump labels an unlabelled section with its own name.
    pr("\n%016llx <%s>:\n", (unsigned long long)s.addr, ob_.section_name(sid));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)(s.addr + bytes.size()));
  int skip = 0;
  while (buf[skip] == '0') skip++;
  if (buf[skip] == 0 && s.addr != 0) skip = 0;
  if (skip) skip = (skip - 1) & ~3;
  auto addr_col = [&](u64 a) {
    char b[32];
    std::snprintf(b, sizeof b, "%016llx", (unsigned long long)a);
    char* p = b + skip;
    char* q = p;
    while (*q == '0') *q++ = ' ';
    if (!*q) *--q = '0';
    return std::string(p);
  };
  auto relocs = ob_.relocs(sid);
  std::vector<ObjReloc> rs(relocs.begin(), relocs.end());
  std::stable_sort(rs.begin(), rs.end(), [](const ObjReloc& a, const ObjReloc& b) { return a.offset < b.offset; });
  size_t ri = 0;
  size_t li = 0;
  u64 off = 0;
  u64 lo = 0, hi = bytes.size();
  if (o_.has_start_address && o_.start_address > s.addr) lo = std::min<u64>(o_.start_address - s.addr, hi);
  if (o_.has_stop_address && o_.stop_address < s.addr + hi) hi = o_.stop_address > s.addr ? o_.stop_address - s.addr : 0;
  off = lo;
  bool x86 = ob_.target().arch == CFREE_ARCH_X86_64;
  while (off < hi) {
    while (li < labels.size() && labels[li].addr - s.addr < off) li++;
    u64 next_label = li < labels.size() ? labels[li].addr - s.addr : hi;
    if (li < labels.size() && labels[li].addr - s.addr == off) {
      pr("\n%016llx <%s>:\n", (unsigned long long)(s.addr + off), ob_.symbol_name(labels[li].id));
      li++;
      next_label = li < labels.size() ? labels[li].addr - s.addr : hi;
    }
    u64 end = std::min(next_label, hi);
    // Runs of zeros: objdump prints "..." for 8 or more (3 at the end).
    u64 z = off;
    while (z < end && bytes[z] == 0) z++;
    if (z - off >= 8 || (z == end && z - off >= 4 && end == hi && false)) {
      if (z == end || z - off >= 8) {
        pr("\t...\n");
        off = z;
        continue;
      }
    }
    x86::Decoded d;
    size_t n = x86 ? x86::x86_decode(&bytes[off], static_cast<size_t>(end - off), &d) : 0;
    std::string text;
    if (n) {
      x86::x86_format(d, s.addr + off, lk, &text);
    } else {
      n = 1;
      text = "(bad)";
    }
    // Up to 7 bytes on the first line, the rest on continuation lines.
    for (u64 k = 0; k < n; k += 7) {
      std::string hex;
      for (u64 j = k; j < k + 7 && j < n; j++) {
        char hb[4];
        std::snprintf(hb, sizeof hb, "%02x ", bytes[off + j]);
        hex += hb;
      }
      if (k == 0) {
        pr("%s:\t%-21s\t%s\n", addr_col(s.addr + off).c_str(), hex.c_str(), text.c_str());
      } else {
        pr("%s:\t%s\n", addr_col(s.addr + off + k).c_str(), hex.c_str());
      }
    }
    if (o_.relocs) {
      while (ri < rs.size() && rs[ri].offset < off) ri++;
      for (; ri < rs.size() && rs[ri].offset < off + n; ri++) {
        const ObjReloc& r = rs[ri];
        const char* tn = reloc_name(ob_.target().arch, r.type);
        std::string val = r.sym ? sym_label(r.sym) : "*ABS*";
        char ab[40] = "";
        if (r.addend > 0) std::snprintf(ab, sizeof ab, "+0x%llx", (unsigned long long)r.addend);
        if (r.addend < 0) std::snprintf(ab, sizeof ab, "-0x%llx", (unsigned long long)(-(u64)r.addend));
        pr("\t\t\t%llx: %s\t%s%s\n", (unsigned long long)(s.addr + r.offset), tn ? tn : "unknown",
           val.c_str(), ab);
      }
    }
    off += n;
  }
}

}  // namespace

bool objdump(const ObjBuilder& ob, const CfreeObjdumpOptions& opts, const char* name, CfreeWriter* out,
             const ArMember* member) {
  Dumper d(ob, opts, name, out, member);
  return d.run();
}

CfreeArch elf_peek_arch(const u8* data, size_t n) {
  if (n < 20 || std::memcmp(data, "\x7f" "ELF", 4)) return CFREE_ARCH_NONE;
  return elf::arch_of(elf::get16(data + 18));
}

}  // namespace cfree

using namespace cfree;

extern "C" CfreeStatus cfree_objdump(CfreeCompiler* c, const CfreeObjdumpOptions* opts, const char* name,
                                     const void* data, size_t size, CfreeWriter* out) {
  return guard(c, [&]() -> CfreeStatus {
    const u8* p = static_cast<const u8*>(data);
    auto dump_one = [&](const char* shown, const u8* bytes, size_t n, const ArMember* m) -> CfreeStatus {
      CfreeArch arch = elf_peek_arch(bytes, n);
      CfreeTarget t = c->target;
      if (arch != CFREE_ARCH_NONE) t.arch = arch;
      ObjBuilder ob(*c, t);
      if (!elf_read(ob, shown, bytes, n)) return CFREE_ERR_COMPILE;
      if (!objdump(ob, *opts, shown, out, m)) {
        c->error(0, "%s: cannot write output", name);
        return CFREE_ERR_IO;
      }
      return CFREE_OK;
    };
    if (!is_archive(p, size) && !(size >= 8 && !std::memcmp(p, "!<thin>\n", 8)))
      return dump_one(name, p, size, nullptr);
    Archive ar;
    if (!ar_read(*c, name, p, size, &ar)) return CFREE_ERR_COMPILE;
    static const char kIn[] = "In archive ";
    std::string head = std::string(kIn) + name + ":\n";
    if (out->write(out->ctx, head.data(), head.size()) != 0) return CFREE_ERR_IO;
    CfreeStatus st = CFREE_OK;
    for (const ArMember& m : ar.members) {
      std::string mname(m.name);
      CfreeStatus r = dump_one(mname.c_str(), m.data, m.size, &m);
      if (r == CFREE_ERR_IO) return r;
      if (r != CFREE_OK) st = r;
    }
    return st;
  });
}

extern "C" CfreeStatus cfree_object_rewrite(CfreeCompiler* c, const char* name, const void* data,
                                            size_t size, CfreeWriter* out) {
  return guard(c, [&]() -> CfreeStatus {
    const u8* p = static_cast<const u8*>(data);
    CfreeArch arch = elf_peek_arch(p, size);
    CfreeTarget t = c->target;
    if (arch != CFREE_ARCH_NONE) t.arch = arch;
    ObjBuilder ob(*c, t);
    if (!elf_read(ob, name, p, size)) return CFREE_ERR_COMPILE;
    if (ob.file_type() != ObjFileType::Rel) {
      c->error(0, "%s: not a relocatable object", name);
      return CFREE_ERR_COMPILE;
    }
    if (!elf_write(ob, out)) return CFREE_ERR_IO;
    return CFREE_OK;
  });
}
