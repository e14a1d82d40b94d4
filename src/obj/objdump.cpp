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
#include "obj/elf_dyn.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <string>

namespace cfree {

namespace {

// A name objdump can label an address with: a symbol of the file, or a
// synthetic one ("printf@plt").
struct SymAt {
  u64 addr;
  ObjSecId sec;  // OBJ_SEC_NONE: absolute
  bool global;
  std::string name;        // as printed (with @version for dynamic symbols)
  bool synthetic = false;  // name@plt
  bool func = false, object = false, local = false;
  u64 size = 0;
  std::string raw;         // the bare name, for sorting
};

// One entry of BFD's section list: a model section or a group section.
struct View {
  ObjSecId sec = OBJ_SEC_NONE;
  ObjGroupId group = OBJ_GROUP_NONE;
  u32 file_index = 0;
};

// "name@version" as objdump prints a dynamic symbol in -R and comments.
std::string dyn_name(const DynInfo& dyn, u32 i) {
  if (!i || i >= dyn.syms.size()) return "*ABS*";
  const DynSymbol& d = dyn.syms[i];
  if (d.version.empty()) return d.name;
  bool def_default = !d.hidden && d.sym.place != SymPlace::Undef;
  return d.name + (def_default ? "@@" : "@") + d.version;
}

// Symbol lookup for addresses, as binutils' objdump does it (objdump.c:
// compare_symbols, find_symbol_for_address, objdump_print_addr_with_sym),
// so that labels and <sym+off> annotations match GNU objdump's.
struct Finder {
  const ObjBuilder* ob;
  std::vector<SymAt> syms;  // sorted by compare() for the current section
  ObjSecId cur = OBJ_SEC_NONE;
  bool relocatable = false;
  // Dynamic relocations by address: (address, printed name, defined, value).
  struct Rel {
    u64 addr;
    std::string name;
    bool defined;
    u64 value;
  };
  const std::vector<Rel>* rels = nullptr;

  const char* secname(ObjSecId s) const { return s ? ob->section_name(s) : "*ABS*"; }
  bool in_cur(const SymAt& a) const { return !std::strcmp(secname(a.sec), secname(cur)); }

  // compare_symbols with compare_section = cur.
  bool less(const SymAt& a, const SymAt& b) const {
    if (a.addr != b.addr) return a.addr < b.addr;
    bool as = in_cur(a), bs = in_cur(b);
    if (as != bs) return as;
    auto fileish = [](const std::string& n) {
      size_t l = n.size();
      return l > 2 && n[l - 2] == '.' && (n[l - 1] == 'o' || n[l - 1] == 'a');
    };
    bool af = fileish(a.raw), bf = fileish(b.raw);
    if (af != bf) return !af;
    if (a.func != b.func) return a.func;
    if (a.object != b.object) return a.object;
    if (a.local != b.local) return !a.local;
    if (a.global != b.global) return a.global;
    u64 asz = a.synthetic ? 0 : a.size, bsz = b.synthetic ? 0 : b.size;
    if (asz != bsz) return asz > bsz;
    bool ad = !a.raw.empty() && a.raw[0] == '.', bd = !b.raw.empty() && b.raw[0] == '.';
    if (ad != bd) return !ad;
    return a.raw < b.raw;
  }
  void sort_for(ObjSecId section) {
    cur = section;
    std::stable_sort(syms.begin(), syms.end(), [&](const SymAt& a, const SymAt& b) { return less(a, b); });
  }

  // find_symbol_for_address; returns the index or -1, and may instead name
  // a dynamic relocation (then *rel is set).
  long find(u64 vma, bool require_sec, const Rel** rel) const {
    *rel = nullptr;
    long n = static_cast<long>(syms.size());
    if (n < 1) return -1;
    long min = 0, max = n, place;
    while (min + 1 < max) {
      place = (max + min) / 2;
      if (syms[place].addr > vma) max = place;
      else if (syms[place].addr < vma) min = place;
      else {
        min = place;
        break;
      }
    }
    place = min;
    while (place > 0 && syms[place].addr == syms[place - 1].addr) --place;
    for (min = place; min < max && syms[min].addr == syms[place].addr; ++min)
      if (in_cur(syms[min])) return min;
    const ObjSection& cs = ob->section_get(cur);
    bool want = require_sec || (relocatable && vma >= cs.addr && vma < cs.addr + cs.size);
    auto ok = [&](long i) { return !want || in_cur(syms[i]); };
    if (!ok(place)) {
      long newplace = n;
      for (long i = min - 1; i >= 0; i--) {
        if (!ok(i)) continue;
        if (newplace == n) newplace = i;
        if (syms[i].addr != syms[newplace].addr) break;
        newplace = i;
      }
      if (newplace != n) {
        place = newplace;
      } else {
        for (long i = place + 1; i < n; i++)
          if (ok(i)) {
            place = i;
            break;
          }
      }
      if (!ok(place)) return -1;
    }
    if (!want && syms[place].addr != vma && rels && !rels->empty() && (*rels)[0].addr <= vma &&
        rels->back().addr >= vma && !syms[place].synthetic) {
      auto it = std::lower_bound(rels->begin(), rels->end(), vma,
                                 [](const Rel& r, u64 a) { return r.addr < a; });
      if (it != rels->end() && it->addr == vma) *rel = &*it;
    }
    return place;
  }

  // objdump_print_addr_with_sym without the address.
  void name(u64 vma, long i, const Rel* rel, std::string* out) const {
    char b[40];
    if (rel) {
      *out = rel->name;
      if (rel->defined && rel->value != vma) {
        if (rel->value > vma) std::snprintf(b, sizeof b, "-0x%llx", (unsigned long long)(rel->value - vma));
        else std::snprintf(b, sizeof b, "+0x%llx", (unsigned long long)(vma - rel->value));
        *out += b;
      }
      return;
    }
    if (i < 0) {
      *out = secname(cur);
      u64 sa = ob->section_get(cur).addr;
      if (vma < sa) std::snprintf(b, sizeof b, "-0x%llx", (unsigned long long)(sa - vma));
      else if (vma > sa) std::snprintf(b, sizeof b, "+0x%llx", (unsigned long long)(vma - sa));
      else b[0] = 0;
      *out += b;
      return;
    }
    const SymAt& y = syms[static_cast<size_t>(i)];
    *out = y.name;
    if (y.addr > vma) std::snprintf(b, sizeof b, "-0x%llx", (unsigned long long)(y.addr - vma));
    else if (vma > y.addr) std::snprintf(b, sizeof b, "+0x%llx", (unsigned long long)(vma - y.addr));
    else b[0] = 0;
    *out += b;
  }
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
  void dynamic_section();
  void version_tables();
  void symbol_table();
  void relocations();
  void dynamic_symbols();
  void dynamic_relocations();
  void print_symbol(const ObjSymbol& s, const std::string& label, bool dynamic, bool versioned,
                    const std::string& version, bool hidden);
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
  DynInfo dyn_;
  Finder finder_;
  std::vector<Finder::Rel> rels_;
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
  if (o_.dynamic_syms) dynamic_symbols();
  if (o_.relocs && !(o_.disassemble || o_.disassemble_all)) relocations();
  if (o_.dynamic_relocs && !(o_.disassemble || o_.disassemble_all)) dynamic_relocations();
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
  bool dynsyms = false;
  for (ObjSecId s = 1; s <= ob_.num_sections(); s++)
    dynsyms |= ob_.section_get(s).sem == SecSem::DynSym && ob_.size(s) > elf::kSymSize;
  if (ob_.num_symbols() || dynsyms) add(0x10, "HAS_SYMS");
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
  dynamic_section();
  version_tables();
}

// The dynamic section as objdump -p prints it (gABI "Dynamic Section").
void Dumper::dynamic_section() {
  ObjSecId dyn = OBJ_SEC_NONE;
  for (ObjSecId s = 1; s <= ob_.num_sections() && !dyn; s++)
    if (ob_.section_get(s).sem == SecSem::Dynamic) dyn = s;
  if (!dyn) return;
  static const struct { u64 tag; const char* name; } kTags[] = {
      {1, "NEEDED"}, {2, "PLTRELSZ"}, {3, "PLTGOT"}, {4, "HASH"}, {5, "STRTAB"}, {6, "SYMTAB"},
      {7, "RELA"}, {8, "RELASZ"}, {9, "RELAENT"}, {10, "STRSZ"}, {11, "SYMENT"}, {12, "INIT"},
      {13, "FINI"}, {14, "SONAME"}, {15, "RPATH"}, {16, "SYMBOLIC"}, {17, "REL"}, {18, "RELSZ"},
      {19, "RELENT"}, {20, "PLTREL"}, {21, "DEBUG"}, {22, "TEXTREL"}, {23, "JMPREL"},
      {24, "BIND_NOW"}, {25, "INIT_ARRAY"}, {26, "FINI_ARRAY"}, {27, "INIT_ARRAYSZ"},
      {28, "FINI_ARRAYSZ"}, {29, "RUNPATH"}, {30, "FLAGS"}, {32, "PREINIT_ARRAY"},
      {33, "PREINIT_ARRAYSZ"}, {35, "RELRSZ"}, {36, "RELR"}, {37, "RELRENT"},
      {0x6ffffef5, "GNU_HASH"}, {0x6ffffff0, "VERSYM"}, {0x6ffffff9, "RELACOUNT"},
      {0x6ffffffa, "RELCOUNT"}, {0x6ffffffb, "FLAGS_1"}, {0x6ffffffc, "VERDEF"},
      {0x6ffffffd, "VERDEFNUM"}, {0x6ffffffe, "VERNEED"}, {0x6fffffff, "VERNEEDNUM"},
      {0x7ffffffd, "AUXILIARY"}, {0x7fffffff, "FILTER"},
  };
  std::vector<u8> b = ob_.bytes(dyn), strs;
  if (ObjSecId l = ob_.section_get(dyn).link) strs = ob_.bytes(l);
  pr("\nDynamic Section:\n");
  for (size_t o = 0; o + 16 <= b.size(); o += 16) {
    u64 tag = elf::get64(&b[o]), val = elf::get64(&b[o + 8]);
    if (tag == 0) break;
    const char* name = nullptr;
    for (const auto& t : kTags)
      if (t.tag == tag) name = t.name;
    char nb[32];
    if (!name) {
      std::snprintf(nb, sizeof nb, "0x%016llx", (unsigned long long)tag);
      name = nb;
    }
    bool str = tag == 1 || tag == 14 || tag == 15 || tag == 29 || tag == 0x7ffffffd || tag == 0x7fffffff;
    if (str && val < strs.size() && std::memchr(&strs[val], 0, strs.size() - val))
      pr("  %-20s %s\n", name, reinterpret_cast<const char*>(&strs[val]));
    else
      pr("  %-20s 0x%016llx\n", name, (unsigned long long)val);
  }
}

// Version definitions and references (LSB symbol versioning).
void Dumper::version_tables() {
  for (ObjSecId sid = 1; sid <= ob_.num_sections(); sid++) {
    const ObjSection& x = ob_.section_get(sid);
    if (x.sem != SecSem::VerDef && x.sem != SecSem::VerNeed) continue;
    std::vector<u8> b = ob_.bytes(sid), strs;
    if (x.link) strs = ob_.bytes(x.link);
    auto str = [&](u64 off) -> std::string {
      if (off >= strs.size()) return "";
      const char* p = reinterpret_cast<const char*>(&strs[off]);
      const void* nul = std::memchr(p, 0, strs.size() - off);
      return nul ? std::string(p, static_cast<const char*>(nul) - p) : "";
    };
    auto has = [&](u64 off, u64 n) { return off <= b.size() && n <= b.size() - off; };
    u64 off = 0;
    if (x.sem == SecSem::VerDef) {
      pr("\nVersion definitions:\n");
      for (int guard = 0; guard < 65536 && has(off, 20); guard++) {
        u16 flags = elf::get16(&b[off + 2]), ndx = elf::get16(&b[off + 4]), cnt = elf::get16(&b[off + 6]);
        u32 hash = elf::get32(&b[off + 8]), aux = elf::get32(&b[off + 12]), next = elf::get32(&b[off + 16]);
        u64 a = off + aux;
        for (u16 k = 0; k < cnt && has(a, 8); k++) {
          if (k == 0) pr("%u 0x%02x 0x%08x %s\n", ndx, flags, hash, str(elf::get32(&b[a])).c_str());
          else pr("\t%s \n", str(elf::get32(&b[a])).c_str());
          u32 an = elf::get32(&b[a + 4]);
          if (!an) break;
          a += an;
        }
        if (!next) break;
        off += next;
      }
    } else {
      pr("\nVersion References:\n");
      for (int guard = 0; guard < 65536 && has(off, 16); guard++) {
        u16 cnt = elf::get16(&b[off + 2]);
        u32 file = elf::get32(&b[off + 4]), aux = elf::get32(&b[off + 8]), next = elf::get32(&b[off + 12]);
        pr("  required from %s:\n", str(file).c_str());
        u64 a = off + aux;
        for (u16 k = 0; k < cnt && has(a, 16); k++) {
          pr("    0x%08x 0x%02x %02u %s\n", elf::get32(&b[a]), elf::get16(&b[a + 4]), elf::get16(&b[a + 6]),
             str(elf::get32(&b[a + 8])).c_str());
          u32 an = elf::get32(&b[a + 12]);
          if (!an) break;
          a += an;
        }
        if (!next) break;
        off += next;
      }
    }
  }
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

// One line of -t / -T (bfd_elf_print_symbol).
void Dumper::print_symbol(const ObjSymbol& s, const std::string& label, bool dynamic, bool versioned,
                          const std::string& version, bool hidden) {
  bool local = s.bind == SymBind::Local;
  char c1 = local ? 'l' : s.bind == SymBind::Global ? 'g' : s.bind == SymBind::GnuUnique ? 'u' : ' ';
  if ((s.place == SymPlace::Undef || s.place == SymPlace::Common) && !local) c1 = ' ';
  char c2 = s.bind == SymBind::Weak ? 'w' : ' ';
  char c5 = s.type == SymType::GnuIFunc ? 'i' : ' ';
  char c6 = (s.type == SymType::Section || s.type == SymType::File) ? 'd' : dynamic ? 'D' : ' ';
  char c7 = s.type == SymType::Func ? 'F'
          : s.type == SymType::File ? 'f'
          : s.type == SymType::Object || (s.type == SymType::Common) ? 'O' : ' ';
  const char* secname = s.place == SymPlace::Undef ? "*UND*"
                      : s.place == SymPlace::Abs ? "*ABS*"
                      : s.place == SymPlace::Common ? "*COM*" : ob_.section_name(s.sec);
  u64 value = s.value;
  if (s.place == SymPlace::Section) value += ob_.section_get(s.sec).addr;
  // A version column when the file has symbol versions, then st_other,
  // then the name.
  std::string ver;
  if (versioned) {
    char b[64];
    if (!hidden) {
      std::snprintf(b, sizeof b, "  %-11s", version.c_str());
    } else {
      std::snprintf(b, sizeof b, " (%s)", version.c_str());
      for (int i = 10 - static_cast<int>(version.size()); i > 0; --i) std::strncat(b, " ", sizeof b - std::strlen(b) - 1);
    }
    ver = b;
  }
  char other[16] = "";
  u8 st_other = static_cast<u8>(s.other | static_cast<u8>(s.vis));
  switch (st_other) {
    case 0: break;
    case 1: std::snprintf(other, sizeof other, " .internal"); break;
    case 2: std::snprintf(other, sizeof other, " .hidden"); break;
    case 3: std::snprintf(other, sizeof other, " .protected"); break;
    default: std::snprintf(other, sizeof other, " 0x%02x", st_other); break;
  }
  pr("%016llx %c%c  %c%c%c %s\t%016llx%s%s %s\n", (unsigned long long)value, c1, c2, c5, c6, c7, secname,
     (unsigned long long)s.size, ver.c_str(), other, label.c_str());
}

void Dumper::symbol_table() {
  pr("SYMBOL TABLE:\n");
  bool versioned = false;
  for (ObjSecId i = 1; i <= ob_.num_sections(); i++) versioned |= ob_.section_get(i).sem == SecSem::VerSym;
  if (!ob_.num_symbols()) pr("no symbols\n");
  for (ObjSymId id = 1; id <= ob_.num_symbols(); id++)
    print_symbol(ob_.symbol_get(id), sym_label(id), false, versioned, "", false);
  pr("\n\n");
}

void Dumper::dynamic_symbols() {
  DynInfo dyn;
  elf_dynamic_info(ob_, &dyn);
  pr("DYNAMIC SYMBOL TABLE:\n");
  if (dyn.syms.size() <= 1) pr("no symbols\n");
  for (size_t i = 1; i < dyn.syms.size(); i++) {
    const DynSymbol& d = dyn.syms[i];
    print_symbol(d.sym, d.name, true, dyn.versioned, d.version, d.hidden);
  }
  pr("\n\n");
}

void Dumper::dynamic_relocations() {
  DynInfo dyn;
  elf_dynamic_info(ob_, &dyn);
  pr("DYNAMIC RELOCATION RECORDS\nOFFSET           TYPE              VALUE\n");
  for (const DynReloc& r : dyn.relocs) {
    const char* tn = reloc_name(ob_.target().arch, r.type);
    char tb[32];
    if (!tn) {
      std::snprintf(tb, sizeof tb, "unknown %u", r.type);
      tn = tb;
    }
    std::string val = dyn_name(dyn, r.sym);
    char ab[40] = "";
    if (r.addend > 0) std::snprintf(ab, sizeof ab, "+0x%016llx", (unsigned long long)r.addend);
    if (r.addend < 0) std::snprintf(ab, sizeof ab, "-0x%016llx", (unsigned long long)(-(u64)r.addend));
    pr("%016llx %-16s  %s%s\n", (unsigned long long)r.offset, tn, val.c_str(), ab);
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

bool lookup_sym(void* ctx, u64 addr, std::string* name) {
  const Finder& f = *static_cast<const Finder*>(ctx);
  if (f.syms.empty()) return false;
  const Finder::Rel* rel;
  long i = f.find(addr, false, &rel);
  f.name(addr, i, rel, name);
  return true;
}

void Dumper::disassemble() {
  // The symbols objdump sorts (remove_useless_symbols): named, not section
  // or file symbols, not undefined or common; the static symbol table, or
  // the dynamic one if there is none; plus synthetic name@plt symbols.
  bool linked = ob_.file_type() != ObjFileType::Rel;
  auto add = [&](const ObjSymbol& y, std::string printed, std::string raw) {
    if (raw.empty() || y.type == SymType::Section || y.type == SymType::File) return;
    if (y.place == SymPlace::Undef || y.place == SymPlace::Common) return;
    SymAt a;
    a.sec = y.place == SymPlace::Section ? y.sec : OBJ_SEC_NONE;
    a.addr = (a.sec ? ob_.section_get(a.sec).addr : 0) + y.value;
    a.global = y.bind == SymBind::Global;
    a.local = y.bind == SymBind::Local;
    a.func = y.type == SymType::Func;
    a.object = y.type == SymType::Object || y.type == SymType::Tls;
    a.size = y.size;
    a.name = std::move(printed);
    a.raw = std::move(raw);
    finder_.syms.push_back(std::move(a));
  };
  if (linked) elf_dynamic_info(ob_, &dyn_);
  if (ob_.num_symbols()) {
    for (ObjSymId id = 1; id <= ob_.num_symbols(); id++) add(ob_.symbol_get(id), ob_.symbol_name(id), ob_.symbol_name(id));
  } else {
    for (u32 i = 1; i < dyn_.syms.size(); i++) add(dyn_.syms[i].sym, dyn_name(dyn_, i), dyn_.syms[i].name);
  }
  if (linked) {
    // name@plt: decode each PLT entry's jmp *slot(%rip) and name the
    // dynamic relocation of that slot (bfd's get_synthetic_symtab).
    for (const DynReloc& r : dyn_.relocs) {
      if (!r.sym || r.sym >= dyn_.syms.size()) continue;
      const DynSymbol& d = dyn_.syms[r.sym];
      bool defined = d.sym.place == SymPlace::Section;
      u64 value = defined ? ob_.section_get(d.sym.sec).addr + d.sym.value : 0;
      rels_.push_back(Finder::Rel{r.offset, dyn_name(dyn_, r.sym), defined, value});
    }
    std::stable_sort(rels_.begin(), rels_.end(), [](const Finder::Rel& a, const Finder::Rel& b) { return a.addr < b.addr; });
    for (ObjSecId sid = 1; sid <= ob_.num_sections(); sid++) {
      const char* nm = ob_.section_name(sid);
      unsigned esz = !std::strcmp(nm, ".plt") || !std::strcmp(nm, ".plt.sec") ? 16
                   : !std::strcmp(nm, ".plt.got") ? 8 : 0;
      if (!esz || ob_.section_get(sid).sem == SecSem::NoBits) continue;
      std::vector<u8> b = ob_.bytes(sid);
      u64 base = ob_.section_get(sid).addr;
      for (u64 e = 0; e + esz <= b.size(); e += esz) {
        for (u64 k = e; k + 6 <= e + esz; k++) {
          if (b[k] != 0xff || b[k + 1] != 0x25) continue;
          i32 disp = static_cast<i32>(elf::get32(&b[k + 2]));
          u64 slot = base + k + 6 + static_cast<u64>(static_cast<i64>(disp));
          for (const DynReloc& r : dyn_.relocs) {
            if (r.offset != slot) continue;
            // An IFUNC slot (R_X86_64_IRELATIVE, no symbol) is named after
            // its resolver's address, as bfd does: *ABS*+0x1234@plt.
            std::string nm;
            if (r.sym && r.sym < dyn_.syms.size()) {
              nm = dyn_.syms[r.sym].name + "@plt";
            } else if (!r.sym && r.type == 37 && ob_.target().arch == CFREE_ARCH_X86_64) {
              char buf[48];
              std::snprintf(buf, sizeof buf, "*ABS*+0x%llx@plt", static_cast<unsigned long long>(r.addend));
              nm = buf;
            } else {
              continue;
            }
            SymAt a;
            a.addr = base + e;
            a.sec = sid;
            a.global = true;
            a.synthetic = true;
            a.func = true;
            a.raw = a.name = nm;
            finder_.syms.push_back(std::move(a));
            break;
          }
          break;
        }
      }
    }
  }
  finder_.ob = &ob_;
  finder_.relocatable = !linked;
  finder_.rels = &rels_;
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
  finder_.sort_for(sid);
  x86::SymLookup lk{&finder_, lookup_sym};
  // Label addresses: each distinct address of a symbol of this section
  // (objdump labels them with find_symbol_for_address(require_sec)).
  std::vector<u64> labels;
  for (const SymAt& a : finder_.syms)
    if (finder_.in_cur(a) && a.addr >= s.addr && a.addr < s.addr + s.size &&
        (labels.empty() || labels.back() != a.addr))
      labels.push_back(a.addr);
  auto label_at = [&](u64 vma) {
    const Finder::Rel* rel;
    long i = finder_.find(vma, true, &rel);
    std::string nm;
    finder_.name(vma, i, nullptr, &nm);
    pr("\n%016llx <%s>:\n", (unsigned long long)vma, nm.c_str());
  };
  if (labels.empty() || labels[0] != s.addr) label_at(s.addr);
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
    while (li < labels.size() && labels[li] - s.addr < off) li++;
    u64 next_label = li < labels.size() ? labels[li] - s.addr : hi;
    if (li < labels.size() && labels[li] - s.addr == off) {
      label_at(s.addr + off);
      li++;
      next_label = li < labels.size() ? labels[li] - s.addr : hi;
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
