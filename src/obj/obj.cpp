// obj.cpp: ObjBuilder storage -- sections in chunks, symbols, relocations
// and groups (the model is described in obj.h, seed §5.5).
//
// Chunk i of a section holds 256 << i bytes for the first eight chunks and
// 64 KiB after that, so small sections (thousands of them with
// -ffunction-sections) stay small while big ones append in O(1) without
// copying.  Chunks come from the builder's arena and are freed with it.
#include "obj/obj.h"

#include "core/compiler.h"

#include <cstring>

namespace cfree {

ObjBuilder::ObjBuilder(Compiler& c, CfreeTarget target)
    : c_(c), target_(target), mem_(c.env.heap, 256 * 1024) {
  secs_.emplace_back();  // id 0: none
  relocs_.emplace_back();
  syms_.emplace_back();
  groups_.emplace_back();
}

ObjBuilder::~ObjBuilder() = default;

Interner& ObjBuilder::syms() const { return c_.syms; }

void ObjBuilder::check_writable() const { CFREE_ASSERT(!finalized_); }

// ---- Sections ---------------------------------------------------------

static u64 default_flags(SecKind k) {
  switch (k) {
    case SecKind::Text: return SECF_ALLOC | SECF_EXEC;
    case SecKind::Data: return SECF_ALLOC | SECF_WRITE;
    case SecKind::RoData: return SECF_ALLOC;
    case SecKind::Bss: return SECF_ALLOC | SECF_WRITE;
    case SecKind::TData: return SECF_ALLOC | SECF_WRITE | SECF_TLS;
    case SecKind::TBss: return SECF_ALLOC | SECF_WRITE | SECF_TLS;
    default: return 0;
  }
}

ObjSecId ObjBuilder::section(const ObjSecDesc& d) {
  check_writable();
  ObjSection s;
  s.name = d.name ? c_.syms.intern(d.name) : d.sym;
  s.kind = d.kind;
  s.sem = d.sem;
  if ((d.kind == SecKind::Bss || d.kind == SecKind::TBss) && d.sem == SecSem::ProgBits)
    s.sem = SecSem::NoBits;
  s.raw_type = d.raw_type;
  s.flags = d.flags == ~u64(0) ? default_flags(d.kind) : d.flags;
  CFREE_ASSERT(d.align && (d.align & (d.align - 1)) == 0);
  s.align = d.align;
  s.entsize = d.entsize;
  secs_.push_back(std::move(s));
  relocs_.emplace_back();
  ObjSecId id = static_cast<ObjSecId>(secs_.size() - 1);
  if (d.group != OBJ_GROUP_NONE) group_add(d.group, id);
  return id;
}

ObjSecId ObjBuilder::find_section(Sym name) const {
  for (ObjSecId i = 1; i < secs_.size(); i++)
    if (secs_[i].name == name) return i;
  return OBJ_SEC_NONE;
}

static bool starts_with(const char* s, const char* p) { return std::strncmp(s, p, std::strlen(p)) == 0; }

ObjSecId ObjBuilder::section_named(const char* name, SecKind kind) {
  Sym n = c_.syms.intern(name);
  if (ObjSecId s = find_section(n)) return s;
  ObjSecDesc d;
  d.sym = n;
  d.kind = kind;
  if (!std::strcmp(name, ".init_array")) d.sem = SecSem::InitArray;
  if (!std::strcmp(name, ".fini_array")) d.sem = SecSem::FiniArray;
  if (!std::strcmp(name, ".preinit_array")) d.sem = SecSem::PreinitArray;
  if (d.sem == SecSem::InitArray || d.sem == SecSem::FiniArray || d.sem == SecSem::PreinitArray) {
    d.flags = SECF_ALLOC | SECF_WRITE;
    d.align = 8;
    d.entsize = 8;
  }
  if (starts_with(name, ".note") && kind == SecKind::Note && std::strcmp(name, ".note.GNU-stack"))
    d.sem = SecSem::Note;
  return section(d);
}

const char* ObjBuilder::section_name(ObjSecId s) const { return c_.syms.str(secs_[s].name); }

void ObjBuilder::chunk_of(u64 off, size_t* idx, u64* in) {
  constexpr u64 small_total = kFirstChunk * ((u64(1) << kSmallChunks) - 1);
  if (off < small_total) {
    u64 q = off / kFirstChunk + 1;  // chunk k covers q in [2^k, 2^(k+1))
    size_t k = 63 - static_cast<size_t>(__builtin_clzll(q));
    *idx = k;
    *in = off - kFirstChunk * ((u64(1) << k) - 1);
  } else {
    u64 rest = off - small_total;
    *idx = kSmallChunks + static_cast<size_t>(rest / kBigChunk);
    *in = rest % kBigChunk;
  }
}

u8* ObjBuilder::grow(ObjSection& sec, size_t idx) {
  while (sec.chunks.size() <= idx) {
    size_t n = static_cast<size_t>(chunk_size(sec.chunks.size()));
    sec.chunks.push_back(static_cast<u8*>(mem_.alloc(n, 16)));
  }
  return sec.chunks[idx];
}

u64 ObjBuilder::write_slow(ObjSecId s, const void* data, size_t n) {
  check_writable();
  ObjSection& sec = secs_[s];
  CFREE_ASSERT(sec.sem != SecSem::NoBits);
  u64 start = sec.size;
  const u8* p = static_cast<const u8*>(data);
  while (n) {
    size_t idx;
    u64 in;
    chunk_of(sec.size, &idx, &in);
    u8* chunk = idx < sec.chunks.size() ? sec.chunks[idx] : grow(sec, idx);
    size_t room = static_cast<size_t>(chunk_size(idx) - in);
    size_t k = n < room ? n : room;
    if (p) {
      std::memcpy(chunk + in, p, k);
      p += k;
    } else {
      std::memset(chunk + in, 0, k);
    }
    sec.size += k;
    n -= k;
    sec.tail = chunk + in + k;
    sec.room = chunk_size(idx) - in - k;
  }
  return start;
}

u64 ObjBuilder::write_le(ObjSecId s, u64 v, unsigned nbytes) {
  u8 b[8];
  for (unsigned i = 0; i < nbytes; i++) b[i] = static_cast<u8>(v >> (8 * i));
  return write(s, b, nbytes);
}

u64 ObjBuilder::write_zeros(ObjSecId s, u64 n) {
  if (secs_[s].sem == SecSem::NoBits) return reserve_bss(s, n);
  return write(s, nullptr, static_cast<size_t>(n));
}

u64 ObjBuilder::write_fill(ObjSecId s, u64 n, u8 byte) {
  u64 start = secs_[s].size;
  u8 buf[256];
  std::memset(buf, byte, sizeof buf);
  while (n) {
    size_t k = n < sizeof buf ? static_cast<size_t>(n) : sizeof buf;
    write(s, buf, k);
    n -= k;
  }
  return start;
}

void ObjBuilder::align_to(ObjSecId s, u64 align, int fill) {
  ObjSection& sec = secs_[s];
  CFREE_ASSERT(align && (align & (align - 1)) == 0);
  if (align > sec.align) sec.align = align;
  u64 pad = align_up(sec.size, align) - sec.size;
  if (!pad) return;
  if (sec.sem == SecSem::NoBits) {
    reserve_bss(s, pad);
  } else if (fill < 0) {
    // Callers wanting nops go through MCEmitter::align; here: zeros.
    write_zeros(s, pad);
  } else {
    write_fill(s, pad, static_cast<u8>(fill));
  }
}

u64 ObjBuilder::reserve_bss(ObjSecId s, u64 n, u64 align) {
  check_writable();
  ObjSection& sec = secs_[s];
  CFREE_ASSERT(sec.sem == SecSem::NoBits);
  if (align > sec.align) sec.align = align;
  sec.size = align_up(sec.size, align);
  u64 start = sec.size;
  sec.size += n;
  return start;
}

void ObjBuilder::patch(ObjSecId s, u64 off, const void* data, size_t n) {
  ObjSection& sec = secs_[s];
  CFREE_ASSERT(sec.sem != SecSem::NoBits && off + n <= sec.size);
  const u8* p = static_cast<const u8*>(data);
  while (n) {
    size_t idx;
    u64 in;
    chunk_of(off, &idx, &in);
    size_t room = static_cast<size_t>(chunk_size(idx) - in);
    size_t k = n < room ? n : room;
    std::memcpy(sec.chunks[idx] + in, p, k);
    p += k;
    off += k;
    n -= k;
  }
}

void ObjBuilder::patch_le(ObjSecId s, u64 off, u64 v, unsigned nbytes) {
  u8 b[8];
  for (unsigned i = 0; i < nbytes; i++) b[i] = static_cast<u8>(v >> (8 * i));
  patch(s, off, b, nbytes);
}

void ObjBuilder::read(ObjSecId s, u64 off, void* out, size_t n) const {
  const ObjSection& sec = secs_[s];
  CFREE_ASSERT(sec.sem != SecSem::NoBits && off + n <= sec.size);
  u8* p = static_cast<u8*>(out);
  while (n) {
    size_t idx;
    u64 in;
    chunk_of(off, &idx, &in);
    size_t room = static_cast<size_t>(chunk_size(idx) - in);
    size_t k = n < room ? n : room;
    std::memcpy(p, sec.chunks[idx] + in, k);
    p += k;
    off += k;
    n -= k;
  }
}

u64 ObjBuilder::read_le(ObjSecId s, u64 off, unsigned nbytes) const {
  u8 b[8];
  read(s, off, b, nbytes);
  u64 v = 0;
  for (unsigned i = 0; i < nbytes; i++) v |= u64(b[i]) << (8 * i);
  return v;
}

std::vector<u8> ObjBuilder::bytes(ObjSecId s) const {
  std::vector<u8> v;
  v.reserve(static_cast<size_t>(secs_[s].sem == SecSem::NoBits ? 0 : secs_[s].size));
  for_each_chunk(s, [&](const u8* p, size_t n) { v.insert(v.end(), p, p + n); });
  return v;
}

// ---- Symbols ----------------------------------------------------------

static u32 sym_hash(Sym s) { return s * 2654435761u; }

ObjSymId ObjBuilder::find_global(Sym name) const {
  if (global_index_.empty()) return OBJ_SYM_NONE;
  u32 mask = static_cast<u32>(global_index_.size() - 1);
  for (u32 i = sym_hash(name) & mask;; i = (i + 1) & mask) {
    u32 id = global_index_[i];
    if (!id) return OBJ_SYM_NONE;
    if (syms_[id].name == name) return id;
  }
}

ObjSymId ObjBuilder::symbol(const ObjSymbol& s) {
  check_writable();
  syms_.push_back(s);
  ObjSymId id = static_cast<ObjSymId>(syms_.size() - 1);
  if (s.bind != SymBind::Local && s.name && !find_global(s.name)) {
    if ((global_count_ + 1) * 2 > global_index_.size()) {
      std::vector<u32> old = std::move(global_index_);
      global_index_.assign(old.empty() ? 64 : old.size() * 2, 0);
      u32 mask = static_cast<u32>(global_index_.size() - 1);
      for (u32 g : old) {
        if (!g) continue;
        u32 i = sym_hash(syms_[g].name) & mask;
        while (global_index_[i]) i = (i + 1) & mask;
        global_index_[i] = g;
      }
    }
    u32 mask = static_cast<u32>(global_index_.size() - 1);
    u32 i = sym_hash(s.name) & mask;
    while (global_index_[i]) i = (i + 1) & mask;
    global_index_[i] = id;
    global_count_++;
  }
  return id;
}

ObjSymId ObjBuilder::global(Sym name) {
  if (ObjSymId id = find_global(name)) return id;
  ObjSymbol s;
  s.name = name;
  s.bind = SymBind::Global;
  return symbol(s);
}

void ObjBuilder::define(ObjSymId id, ObjSecId sec, u64 value, u64 size) {
  check_writable();
  ObjSymbol& s = syms_[id];
  s.place = SymPlace::Section;
  s.sec = sec;
  s.value = value;
  if (size) s.size = size;
}

ObjSymbol& ObjBuilder::sym(ObjSymId id) {
  CFREE_ASSERT(id && id < syms_.size());
  return syms_[id];
}

ObjSymId ObjBuilder::section_symbol(ObjSecId s) {
  if (secs_[s].sym) return secs_[s].sym;
  ObjSymbol sym;
  sym.type = SymType::Section;
  sym.place = SymPlace::Section;
  sym.sec = s;
  ObjSymId id = symbol(sym);
  secs_[s].sym = id;
  return id;
}

const char* ObjBuilder::symbol_name(ObjSymId id) const { return c_.syms.str(syms_[id].name); }

// ---- Relocations and groups --------------------------------------------

void ObjBuilder::reloc(ObjSecId s, u64 offset, RelocKind kind, ObjSymId sym, i64 addend) {
  check_writable();
  u32 type = type_of(kind);
  CFREE_ASSERT(type != 0 || kind == RelocKind::None);
  relocs_[s].push_back(ObjReloc{offset, type, kind, sym, addend});
}

void ObjBuilder::reloc_raw(ObjSecId s, u64 offset, u32 type, ObjSymId sym, i64 addend) {
  check_writable();
  relocs_[s].push_back(ObjReloc{offset, type, kind_of(type), sym, addend});
}

ObjGroupId ObjBuilder::group(ObjSymId signature, u32 flags) {
  check_writable();
  ObjGroup g;
  g.name = c_.syms.intern(".group");
  g.signature = signature;
  g.flags = flags;
  groups_.push_back(std::move(g));
  return static_cast<ObjGroupId>(groups_.size() - 1);
}

void ObjBuilder::group_add(ObjGroupId g, ObjSecId s) {
  check_writable();
  groups_[g].members.push_back(s);
  secs_[s].group = g;
  secs_[s].flags |= SECF_GROUP;
}

void ObjBuilder::finalize() { finalized_ = true; }

RelocKind ObjBuilder::kind_of(u32 type) const {
  for (const RelocName& r : reloc_table(target_.arch))
    if (r.type == type) return r.kind;
  return RelocKind::Other;
}

u32 ObjBuilder::type_of(RelocKind kind) const {
  if (kind == RelocKind::Other) return 0;
  for (const RelocName& r : reloc_table(target_.arch))
    if (r.kind == kind) return r.type;
  return 0;
}

}  // namespace cfree
