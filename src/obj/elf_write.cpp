// elf_write.cpp: serialise a relocatable ObjBuilder as ELF64 (gABI, ch.
// "Object Files"), for any target in the machine table of elf.cpp.
//
// Layout, as GNU as lays it out: ELF header; section contents in section
// order, each at its alignment; then .symtab, .strtab and .shstrtab; then
// the section header table.  Section header order is: the null section;
// the SHT_GROUP sections (the gABI requires a group section to precede its
// members); each builder section, right after it its .rela section;
// finally .symtab, .strtab, .shstrtab.  (GNU as puts all group sections
// first, which satisfies the gABI rule; so do we.)  The symbol table holds the null
// symbol, then every local (file, section and other local symbols in
// builder order), then every global and weak symbol; sh_info is the index
// of the first non-local.  The writer streams to the CfreeWriter: contents
// are never copied into one big buffer.
#include "obj/elf.h"

#include "core/compiler.h"

#include <string>
#include <unordered_map>

namespace cfree {

using namespace elf;

namespace {

class StrTab {
 public:
  StrTab() { data_.push_back(0); }
  u32 add(const char* s, size_t n) {
    if (!n) return 0;
    std::string key(s, n);
    auto it = map_.find(key);
    if (it != map_.end()) return it->second;
    u32 off = static_cast<u32>(data_.size());
    data_.insert(data_.end(), s, s + n);
    data_.push_back(0);
    map_.emplace(std::move(key), off);
    return off;
  }
  u32 add(const char* s) { return add(s, std::strlen(s)); }
  const std::vector<u8>& data() const { return data_; }

 private:
  std::vector<u8> data_;
  std::unordered_map<std::string, u32> map_;
};

// A byte sink: a CfreeWriter or a vector; tracks the file offset.
struct Sink {
  CfreeWriter* w = nullptr;
  std::vector<u8>* v = nullptr;
  u64 pos = 0;
  bool failed = false;
  void put(const void* p, size_t n) {
    if (!n) return;
    pos += n;
    if (v) {
      v->insert(v->end(), static_cast<const u8*>(p), static_cast<const u8*>(p) + n);
    } else if (!failed && w->write(w->ctx, p, n) != 0) {
      failed = true;
    }
  }
  void pad_to(u64 off) {
    static const u8 zeros[64] = {};
    while (pos < off) put(zeros, static_cast<size_t>(off - pos < 64 ? off - pos : 64));
  }
};

struct OutSec {
  enum Kind { Content, Group, Rela, SymTab, StrTab, ShStrTab } kind;
  u32 id;  // ObjSecId (Content, Rela) or ObjGroupId (Group)
  Shdr sh{};
};

class ElfWriter {
 public:
  explicit ElfWriter(const ObjBuilder& ob) : ob_(ob) {}
  bool run(Sink& out);

 private:
  void plan();
  void build_symtab();
  u64 group_size(ObjGroupId g) const { return 4 + 4 * u64(group_members(g)); }
  size_t group_members(ObjGroupId g) const;

  const ObjBuilder& ob_;
  std::vector<OutSec> out_;
  std::vector<u32> sec_index_;    // ObjSecId -> ELF section index
  std::vector<u32> rela_index_;   // ObjSecId -> ELF index of its .rela (0: none)
  std::vector<u32> group_index_;  // ObjGroupId -> ELF index
  std::vector<u32> sym_index_;    // ObjSymId -> ELF symbol index
  std::vector<ObjSymId> order_;   // ELF symbol order (without the null symbol)
  u32 first_global_ = 1;
  StrTab strtab_, shstrtab_;
  u32 symtab_index_ = 0;
};

size_t ElfWriter::group_members(ObjGroupId g) const {
  size_t n = 0;
  for (ObjSecId s : ob_.group_get(g).members) n += 1 + (ob_.relocs(s).empty() ? 0 : 1);
  return n;
}

void ElfWriter::plan() {
  u32 nsec = ob_.num_sections(), ngroup = ob_.num_groups();
  sec_index_.assign(nsec + 1, 0);
  rela_index_.assign(nsec + 1, 0);
  group_index_.assign(ngroup + 1, 0);
  out_.push_back(OutSec{OutSec::Content, 0});  // the null section
  for (ObjGroupId g = 1; g <= ngroup; g++) {
    group_index_[g] = static_cast<u32>(out_.size());
    out_.push_back(OutSec{OutSec::Group, g});
  }
  for (ObjSecId s = 1; s <= nsec; s++) {
    sec_index_[s] = static_cast<u32>(out_.size());
    out_.push_back(OutSec{OutSec::Content, s});
    if (!ob_.relocs(s).empty()) {
      rela_index_[s] = static_cast<u32>(out_.size());
      out_.push_back(OutSec{OutSec::Rela, s});
    }
  }
  symtab_index_ = static_cast<u32>(out_.size());
  out_.push_back(OutSec{OutSec::SymTab, 0});
  out_.push_back(OutSec{OutSec::StrTab, 0});
  out_.push_back(OutSec{OutSec::ShStrTab, 0});
}

void ElfWriter::build_symtab() {
  u32 nsym = ob_.num_symbols();
  sym_index_.assign(nsym + 1, 0);
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) first_global_ = static_cast<u32>(order_.size() + 1);
    for (ObjSymId id = 1; id <= nsym; id++) {
      bool local = ob_.symbol_get(id).bind == SymBind::Local;
      if (local != (pass == 0)) continue;
      sym_index_[id] = static_cast<u32>(order_.size() + 1);
      order_.push_back(id);
    }
  }
}

bool ElfWriter::run(Sink& out) {
  plan();
  build_symtab();
  Interner& syms = ob_.syms();

  // Section headers (offsets filled in below).
  for (OutSec& o : out_) {
    Shdr& sh = o.sh;
    switch (o.kind) {
      case OutSec::Content: {
        if (!o.id) break;
        const ObjSection& s = ob_.section_get(o.id);
        sh.name = shstrtab_.add(syms.str(s.name), syms.len(s.name));
        sh.type = sh_type_of(s);
        sh.flags = s.flags;
        sh.addr = s.addr;
        sh.size = s.size;
        sh.link = s.link ? sec_index_[s.link] : 0;
        sh.info = s.info;
        sh.addralign = s.align;
        sh.entsize = s.entsize;
        break;
      }
      case OutSec::Group: {
        const ObjGroup& g = ob_.group_get(o.id);
        sh.name = shstrtab_.add(syms.str(g.name), syms.len(g.name));
        sh.type = SHT_GROUP;
        sh.size = group_size(o.id);
        sh.link = symtab_index_;
        sh.info = sym_index_[g.signature];
        sh.addralign = 4;
        sh.entsize = 4;
        break;
      }
      case OutSec::Rela: {
        const ObjSection& s = ob_.section_get(o.id);
        std::string name = std::string(".rela") + syms.str(s.name);
        sh.name = shstrtab_.add(name.c_str());
        sh.type = SHT_RELA;
        sh.flags = u64(SECF_INFO_LINK) | (s.group ? u64(SECF_GROUP) : 0);
        sh.size = ob_.relocs(o.id).size() * kRelaSize;
        sh.link = symtab_index_;
        sh.info = sec_index_[o.id];
        sh.addralign = 8;
        sh.entsize = kRelaSize;
        break;
      }
      case OutSec::SymTab:
        sh.name = shstrtab_.add(".symtab");
        sh.type = SHT_SYMTAB;
        sh.size = (order_.size() + 1) * kSymSize;
        sh.link = symtab_index_ + 1;
        sh.info = first_global_;
        sh.addralign = 8;
        sh.entsize = kSymSize;
        break;
      case OutSec::StrTab:
        sh.name = shstrtab_.add(".strtab");
        sh.type = SHT_STRTAB;
        sh.addralign = 1;
        break;
      case OutSec::ShStrTab:
        sh.name = shstrtab_.add(".shstrtab");
        sh.type = SHT_STRTAB;
        sh.addralign = 1;
        break;
    }
  }

  // The symbol table bytes (names go into .strtab as we go).
  std::vector<u8> symtab((order_.size() + 1) * kSymSize, 0);
  for (size_t i = 0; i < order_.size(); i++) {
    const ObjSymbol& s = ob_.symbol_get(order_[i]);
    u8* p = &symtab[(i + 1) * kSymSize];
    u32 name = s.type == SymType::Section ? 0 : strtab_.add(syms.str(s.name), syms.len(s.name));
    u16 shndx = SHN_UNDEF;
    u64 value = s.value;
    switch (s.place) {
      case SymPlace::Undef: break;
      case SymPlace::Abs: shndx = SHN_ABS; break;
      case SymPlace::Common: shndx = SHN_COMMON; break;
      case SymPlace::Section: {
        u32 idx = sec_index_[s.sec];
        if (idx >= SHN_LORESERVE) {
          ob_.compiler().error(0, "object has too many sections for ELF without SHN_XINDEX");
          return false;
        }
        shndx = static_cast<u16>(idx);
        break;
      }
    }
    put32(p, name);
    p[4] = static_cast<u8>(st_bind_of(s.bind) << 4 | st_type_of(s.type));
    p[5] = static_cast<u8>((s.other & ~3u) | static_cast<u8>(s.vis));
    put16(p + 6, shndx);
    put64(p + 8, value);
    put64(p + 16, s.size);
  }
  for (OutSec& o : out_)
    if (o.kind == OutSec::StrTab) o.sh.size = strtab_.data().size();
  for (OutSec& o : out_)
    if (o.kind == OutSec::ShStrTab) o.sh.size = shstrtab_.data().size();
  u32 shstrndx = static_cast<u32>(out_.size() - 1);
  if (out_.size() >= SHN_LORESERVE) {
    ob_.compiler().error(0, "object has too many sections for ELF without SHN_XINDEX");
    return false;
  }

  // File offsets.
  u64 off = kEhdrSize;
  for (OutSec& o : out_) {
    if (o.kind == OutSec::Content && !o.id) continue;
    u64 a = o.sh.addralign ? o.sh.addralign : 1;
    off = align_up(off, a);
    o.sh.offset = off;
    if (o.sh.type != SHT_NOBITS) off += o.sh.size;
  }
  u64 shoff = align_up(off, 8);

  // ELF header.
  u8 eh[kEhdrSize] = {0x7f, 'E', 'L', 'F', 2 /*64-bit*/, 1 /*LE*/, 1 /*version*/, 0 /*SysV*/};
  put16(eh + 16, ET_REL);
  put16(eh + 18, machine_of(ob_.target().arch));
  put32(eh + 20, 1);
  put64(eh + 24, 0);  // entry
  put64(eh + 32, 0);  // phoff
  put64(eh + 40, shoff);
  put32(eh + 48, ob_.elf_flags());
  put16(eh + 52, kEhdrSize);
  put16(eh + 54, 0);
  put16(eh + 56, 0);
  put16(eh + 58, kShdrSize);
  put16(eh + 60, static_cast<u16>(out_.size()));
  put16(eh + 62, static_cast<u16>(shstrndx));
  out.put(eh, sizeof eh);

  // Contents.
  for (OutSec& o : out_) {
    if ((o.kind == OutSec::Content && !o.id) || o.sh.type == SHT_NOBITS) continue;
    out.pad_to(o.sh.offset);
    switch (o.kind) {
      case OutSec::Content:
        ob_.for_each_chunk(o.id, [&](const u8* p, size_t n) { out.put(p, n); });
        break;
      case OutSec::Group: {
        const ObjGroup& g = ob_.group_get(o.id);
        u8 b[4];
        put32(b, g.flags);
        out.put(b, 4);
        for (ObjSecId s : g.members) {
          put32(b, sec_index_[s]);
          out.put(b, 4);
          if (rela_index_[s]) {
            put32(b, rela_index_[s]);
            out.put(b, 4);
          }
        }
        break;
      }
      case OutSec::Rela:
        for (const ObjReloc& r : ob_.relocs(o.id)) {
          u8 b[kRelaSize];
          put64(b, r.offset);
          put64(b + 8, u64(r.sym ? sym_index_[r.sym] : 0) << 32 | r.type);
          put64(b + 16, static_cast<u64>(r.addend));
          out.put(b, sizeof b);
        }
        break;
      case OutSec::SymTab: out.put(symtab.data(), symtab.size()); break;
      case OutSec::StrTab: out.put(strtab_.data().data(), strtab_.data().size()); break;
      case OutSec::ShStrTab: out.put(shstrtab_.data().data(), shstrtab_.data().size()); break;
    }
  }
  out.pad_to(shoff);
  for (OutSec& o : out_) {
    u8 b[kShdrSize];
    write_shdr(b, o.sh);
    out.put(b, sizeof b);
  }
  return !out.failed;
}

}  // namespace

bool elf_write(const ObjBuilder& ob, CfreeWriter* w) {
  Sink s;
  s.w = w;
  ElfWriter ew(ob);
  if (!ew.run(s)) {
    if (s.failed) ob.compiler().error(0, "cannot write object file");
    return false;
  }
  return true;
}

void elf_write_bytes(const ObjBuilder& ob, std::vector<u8>* out) {
  Sink s;
  s.v = out;
  ElfWriter ew(ob);
  if (!ew.run(s)) throw Fatal{};
}

}  // namespace cfree
