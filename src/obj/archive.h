// archive.h: GNU ar archives (static libraries), read and written.
//
// Format (System V / GNU ar, as binutils writes it): the magic "!<arch>\n",
// then members, each a 60-byte text header (name[16] date[12] uid[6] gid[6]
// mode[8] octal, size[10] decimal, "`\n") followed by the data padded to an
// even length with '\n'.  Special members: "/" is the symbol index (a
// big-endian u32 count, that many u32 member-header offsets, then the
// NUL-terminated names), "/SYM64/" the same with u64 fields, "//" the long
// name table ("name/\n" entries; a header name "/123" points into it).
// Short names end with '/'.  Thin archives ("!<thin>\n") are recognised
// and rejected with a diagnostic.
//
// The reader never copies member data: members and names point into the
// caller's buffer, which must outlive them.  Malformed archives are
// diagnosed ("NAME: malformed archive: ...") and rejected, never trusted.
#pragma once

#include "obj/obj.h"

#include <string>
#include <string_view>
#include <vector>

namespace cfree {

struct ArMember {
  std::string_view name;  // resolved through the long-name table, without the '/'
  const u8* data = nullptr;
  size_t size = 0;
  u64 header_offset = 0;  // of the member's header, as the symbol index records it
  u64 date = 0;
  u32 uid = 0, gid = 0, mode = 0;
};

struct ArSymbol {
  std::string_view name;
  u64 header_offset;  // the defining member's header offset
};

struct Archive {
  std::vector<ArMember> members;  // regular members, in order
  std::vector<ArSymbol> symbols;  // the index, if the archive has one
  bool has_index = false;
};

bool is_archive(const u8* data, size_t n);
// Parse; false after an error diagnostic.
bool ar_read(Compiler& c, const char* name, const u8* data, size_t n, Archive* out);

// One member to write.  `symbols` are the global names it defines (for the
// index); ar_defined_symbols computes them for an ELF object.
struct ArWriteMember {
  std::string name;
  const u8* data = nullptr;
  size_t size = 0;
  std::vector<std::string> symbols;
  u32 mode = 0644;
};

// The names an ELF relocatable object defines with global or weak binding
// (including COMMON), in symbol-table order.  A member that is not ELF
// defines nothing; a malformed ELF member is an error (false).
bool ar_defined_symbols(Compiler& c, const char* name, const u8* data, size_t n,
                        std::vector<std::string>* out);

// Write a GNU archive (deterministic: zero dates and ids) with a symbol
// index when `index` is set.
void ar_write(const std::vector<ArWriteMember>& members, bool index, std::vector<u8>* out);

}  // namespace cfree
