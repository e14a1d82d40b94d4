// archive_api.cpp: cfree.h archive entry points over src/obj/archive (GNU ar
// format).  Names are copied so they can be handed out NUL-terminated.
#include "core/compiler.h"
#include "obj/archive.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

using namespace cfree;

struct CfreeArchive {
  Archive ar;
  std::vector<std::string> names, syms;
  std::vector<size_t> sym_member;
};

extern "C" {

int cfree_is_archive(const void* data, size_t size) {
  return is_archive(static_cast<const u8*>(data), size) ? 1 : 0;
}

CfreeStatus cfree_archive_open(CfreeCompiler* c, const char* name, const void* data, size_t size,
                               CfreeArchive** out) {
  *out = nullptr;
  return guard(c, [&] {
    auto a = std::make_unique<CfreeArchive>();
    if (!ar_read(*c, name, static_cast<const u8*>(data), size, &a->ar)) return CFREE_ERR_COMPILE;
    std::unordered_map<u64, size_t> by_off;
    for (size_t i = 0; i < a->ar.members.size(); i++) {
      a->names.emplace_back(a->ar.members[i].name);
      by_off[a->ar.members[i].header_offset] = i;
    }
    for (const ArSymbol& s : a->ar.symbols) {
      auto it = by_off.find(s.header_offset);
      if (it == by_off.end()) {
        c->error(0, "%s: malformed archive: symbol index entry for '%.*s' names no member", name,
                 static_cast<int>(s.name.size()), s.name.data());
        return CFREE_ERR_COMPILE;
      }
      a->syms.emplace_back(s.name);
      a->sym_member.push_back(it->second);
    }
    *out = a.release();
    return CFREE_OK;
  });
}

size_t cfree_archive_member_count(const CfreeArchive* a) { return a->ar.members.size(); }

void cfree_archive_member(const CfreeArchive* a, size_t i, CfreeArchiveMember* out) {
  const ArMember& m = a->ar.members[i];
  out->name = a->names[i].c_str();
  out->data = m.data;
  out->size = m.size;
  out->mtime = static_cast<int64_t>(m.date);
  out->uid = m.uid;
  out->gid = m.gid;
  out->mode = m.mode;
}

int cfree_archive_is_thin(const CfreeArchive*) { return 0; }

size_t cfree_archive_symbol_count(const CfreeArchive* a) { return a->syms.size(); }

const char* cfree_archive_symbol(const CfreeArchive* a, size_t i, size_t* member) {
  if (member) *member = a->sym_member[i];
  return a->syms[i].c_str();
}

void cfree_archive_free(CfreeArchive* a) { delete a; }

CfreeStatus cfree_archive_write(CfreeCompiler* c, const CfreeArchiveMember* members, size_t n,
                                int symbol_index, CfreeWriter* out) {
  return guard(c, [&] {
    std::vector<ArWriteMember> ms(n);
    for (size_t i = 0; i < n; i++) {
      ms[i].name = members[i].name;
      ms[i].data = static_cast<const u8*>(members[i].data);
      ms[i].size = members[i].size;
      ms[i].mode = members[i].mode;
      if (symbol_index &&
          !ar_defined_symbols(*c, members[i].name, ms[i].data, ms[i].size, &ms[i].symbols))
        return CFREE_ERR_COMPILE;
    }
    std::vector<u8> bytes;
    ar_write(ms, symbol_index != 0, &bytes);
    if (out->write(out->ctx, bytes.data(), bytes.size()) != 0) {
      c->error(0, "cannot write the archive");
      return CFREE_ERR_IO;
    }
    return CFREE_OK;
  });
}

}  // extern "C"
