// archive.cpp: GNU ar reading and writing (format notes in archive.h).
#include "obj/archive.h"

#include "core/compiler.h"
#include "obj/elf.h"

#include <cstdarg>
#include <cstdio>

namespace cfree {

namespace {

struct BadArchive {};

constexpr size_t kHdr = 60;

[[noreturn]] void bad(Compiler& c, const char* name, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
void bad(Compiler& c, const char* name, const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  c.error(0, "%s: malformed archive: %s", name, buf);
  throw BadArchive{};
}

// A decimal or octal number in a space-padded header field.
bool field_num(const u8* p, size_t n, unsigned base, u64* out) {
  u64 v = 0;
  size_t i = 0;
  while (i < n && p[i] == ' ') i++;
  if (i == n) {
    *out = 0;
    return true;
  }
  size_t digits = 0;
  for (; i < n && p[i] != ' '; i++, digits++) {
    unsigned d = p[i] - '0';
    if (d >= base) return false;
    if (v > (~u64(0) - d) / base) return false;
    v = v * base + d;
  }
  for (; i < n; i++)
    if (p[i] != ' ') return false;
  *out = v;
  return digits > 0;
}

u64 be(const u8* p, unsigned n) {
  u64 v = 0;
  for (unsigned i = 0; i < n; i++) v = v << 8 | p[i];
  return v;
}

}  // namespace

bool is_archive(const u8* data, size_t n) { return n >= 8 && !std::memcmp(data, "!<arch>\n", 8); }

bool ar_read(Compiler& c, const char* name, const u8* d, size_t n, Archive* out) {
  try {
    if (n >= 8 && !std::memcmp(d, "!<thin>\n", 8)) bad(c, name, "thin archives are not supported");
    if (!is_archive(d, n)) bad(c, name, "not an archive (bad magic)");
    std::string_view longnames;
    const u8* index = nullptr;
    size_t index_size = 0;
    bool index64 = false;
    size_t pos = 8;
    while (pos < n) {
      if (n - pos < kHdr) bad(c, name, "truncated member header at offset %zu", pos);
      const u8* h = d + pos;
      if (h[58] != '`' || h[59] != '\n') bad(c, name, "bad member header magic at offset %zu", pos);
      u64 size, date, uid, gid, mode;
      if (!field_num(h + 48, 10, 10, &size)) bad(c, name, "bad member size at offset %zu", pos);
      if (!field_num(h + 16, 12, 10, &date) || !field_num(h + 28, 6, 10, &uid) ||
          !field_num(h + 34, 6, 10, &gid) || !field_num(h + 40, 8, 8, &mode))
        bad(c, name, "bad member header fields at offset %zu", pos);
      if (size > n - pos - kHdr) bad(c, name, "member at offset %zu extends past the end", pos);
      const u8* data = h + kHdr;
      std::string_view raw(reinterpret_cast<const char*>(h), 16);
      while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
      if (raw == "/" || raw == "/SYM64/") {
        index = data;
        index_size = static_cast<size_t>(size);
        index64 = raw != "/";
      } else if (raw == "//") {
        longnames = std::string_view(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
      } else if (raw == "__.SYMDEF" || raw == "__.SYMDEF SORTED") {
        // BSD symbol table: ignored (the linker rebuilds what it needs).
      } else {
        ArMember m;
        if (raw.size() > 1 && raw[0] == '/') {
          u64 off;
          if (!field_num(h + 1, 15, 10, &off) || off >= longnames.size())
            bad(c, name, "bad long-name reference at offset %zu", pos);
          std::string_view rest = longnames.substr(static_cast<size_t>(off));
          size_t end = rest.find('\n');
          if (end == std::string_view::npos) bad(c, name, "unterminated long name at offset %zu", pos);
          rest = rest.substr(0, end);
          if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
          m.name = rest;
        } else {
          if (!raw.empty() && raw.back() == '/') raw.remove_suffix(1);
          m.name = raw;
        }
        m.data = data;
        m.size = static_cast<size_t>(size);
        m.header_offset = pos;
        m.date = date;
        m.uid = static_cast<u32>(uid);
        m.gid = static_cast<u32>(gid);
        m.mode = static_cast<u32>(mode);
        out->members.push_back(m);
      }
      pos += kHdr + static_cast<size_t>(size);
      if (pos & 1) pos++;
    }
    if (index) {
      unsigned w = index64 ? 8 : 4;
      if (index_size < w) bad(c, name, "symbol index too small");
      u64 count = be(index, w);
      if (count > (index_size - w) / w) bad(c, name, "symbol index count %llu too large", (unsigned long long)count);
      const char* names = reinterpret_cast<const char*>(index + w + count * w);
      size_t left = index_size - w - static_cast<size_t>(count) * w;
      for (u64 i = 0; i < count; i++) {
        const void* nul = std::memchr(names, 0, left);
        if (!nul) bad(c, name, "symbol index names are not terminated");
        size_t len = static_cast<size_t>(static_cast<const char*>(nul) - names);
        out->symbols.push_back(ArSymbol{std::string_view(names, len), be(index + w + i * w, w)});
        names += len + 1;
        left -= len + 1;
      }
      out->has_index = true;
    }
  } catch (const BadArchive&) {
    return false;
  }
  return true;
}

bool ar_defined_symbols(Compiler& c, const char* name, const u8* data, size_t n,
                        std::vector<std::string>* out) {
  if (n < 4 || std::memcmp(data, "\x7f" "ELF", 4)) return true;
  CfreeTarget t = c.target;
  if (n >= 20) {
    CfreeArch a = elf::arch_of(elf::get16(data + 18));
    if (a != CFREE_ARCH_NONE) t.arch = a;
  }
  ObjBuilder ob(c, t);
  if (!elf_read(ob, name, data, n)) return false;
  for (ObjSymId id = 1; id <= ob.num_symbols(); id++) {
    const ObjSymbol& s = ob.symbol_get(id);
    if (s.bind == SymBind::Local || s.place == SymPlace::Undef || !s.name) continue;
    out->push_back(ob.symbol_name(id));
  }
  return true;
}

namespace {

void header(std::vector<u8>* out, const std::string& name, u64 size, u32 mode) {
  char h[kHdr + 1];
  std::snprintf(h, sizeof h, "%-16s%-12u%-6u%-6u%-8o%-10llu`\n", name.c_str(), 0u, 0u, 0u, mode,
                static_cast<unsigned long long>(size));
  out->insert(out->end(), h, h + kHdr);
}

}  // namespace

void ar_write(const std::vector<ArWriteMember>& members, bool index, std::vector<u8>* out) {
  out->assign({'!', '<', 'a', 'r', 'c', 'h', '>', '\n'});
  // Long names: members whose name (plus the '/') does not fit in 16.
  std::string longnames;
  std::vector<std::string> hdr_names;
  for (const ArWriteMember& m : members) {
    if (m.name.size() + 1 > 16) {
      hdr_names.push_back("/" + std::to_string(longnames.size()));
      longnames += m.name + "/\n";
    } else {
      hdr_names.push_back(m.name + "/");
    }
  }
  if (longnames.size() & 1) longnames += '\n';
  // Symbol index: needs the final member offsets, which depend on its size.
  size_t nsyms = 0, strbytes = 0;
  for (const ArWriteMember& m : members) {
    nsyms += m.symbols.size();
    for (const std::string& s : m.symbols) strbytes += s.size() + 1;
  }
  bool want_index = index;
  // GNU ar pads the index to an even size with a NUL counted in its size.
  size_t index_size = align_up(4 + 4 * nsyms + strbytes, 2);
  size_t index_total = want_index ? kHdr + index_size : 0;
  u64 pos = 8 + index_total + (longnames.empty() ? 0 : kHdr + longnames.size());
  std::vector<u64> offsets;
  for (const ArWriteMember& m : members) {
    offsets.push_back(pos);
    pos += kHdr + m.size + (m.size & 1);
  }
  if (want_index) {
    header(out, "/", index_size, 0);
    auto put_be = [&](u64 v) {
      for (int i = 3; i >= 0; i--) out->push_back(static_cast<u8>(v >> (8 * i)));
    };
    put_be(nsyms);
    for (size_t i = 0; i < members.size(); i++)
      for (size_t k = 0; k < members[i].symbols.size(); k++) put_be(offsets[i]);
    for (const ArWriteMember& m : members)
      for (const std::string& s : m.symbols) out->insert(out->end(), s.c_str(), s.c_str() + s.size() + 1);
    if ((4 + 4 * nsyms + strbytes) & 1) out->push_back(0);
  }
  if (!longnames.empty()) {
    header(out, "//", longnames.size(), 0);
    // The long-name member has blank date/uid/gid/mode fields in GNU ar.
    std::memset(out->data() + out->size() - kHdr + 16, ' ', 32);
    out->insert(out->end(), longnames.begin(), longnames.end());
  }
  for (size_t i = 0; i < members.size(); i++) {
    const ArWriteMember& m = members[i];
    header(out, hdr_names[i], m.size, m.mode);
    out->insert(out->end(), m.data, m.data + m.size);
    if (m.size & 1) out->push_back('\n');
  }
}

}  // namespace cfree
