// source.h: the source manager, the one authority for locations.
//
// Every buffer the compiler reads (a file, each #include of a file, a
// built-in or command-line buffer) and every macro expansion gets a range of
// one 32-bit location space, as in clang: a location is a plain u32, and
// decomposing one is a binary search over entry bases (allocated in
// increasing order).  File entries carry their include location, so
// diagnostics print "In file included from" chains and -M output walks
// include edges; expansion entries map each location to a spelling location
// and record where the macro was expanded.  Line tables are built lazily, on
// the first decomposition that needs one.  #line directives are recorded per
// file entry and applied when computing presumed locations.
#pragma once

#include "core/base.h"

#include <cfree/frontend.h>
#include <string>
#include <vector>

namespace cfree {

using Loc = u32;
using FileId = u32;

class SourceManager {
 public:
  SourceManager();

  FileId add_file(const char* name, const char* data, size_t size, Loc include_loc,
                  CfreeFileKind kind, Loc* base);
  Loc add_expansion(Loc spelling, u32 size, Loc exp_begin, Loc exp_end);
  void add_line_directive(Loc loc, u32 line, const char* name);

  struct Presumed {
    const char* file = nullptr;
    u32 line = 0, column = 0;
    FileId id = 0;
    Loc include_loc = 0;
  };
  // Follows macro locations to their expansion point.
  bool presumed(Loc loc, Presumed* out);
  Loc spelling(Loc loc) const;
  Loc expansion(Loc loc) const;
  bool is_macro(Loc loc) const;
  // The file entry and byte offset of a (spelling) file location.
  bool file_offset(Loc loc, FileId* id, u32* offset) const;
  // The text of the line containing a file location, without the newline.
  bool line_text(Loc loc, const char** begin, size_t* len);

  u32 file_count() const { return static_cast<u32>(files_.size() - 1); }
  const char* file_name(FileId id) const { return files_[id].name.c_str(); }
  Loc file_include_loc(FileId id) const { return files_[id].include_loc; }
  CfreeFileKind file_kind(FileId id) const { return files_[id].kind; }
  Loc file_base(FileId id) const { return files_[id].base; }
  const char* file_data(FileId id) const { return files_[id].data; }
  u32 file_size(FileId id) const { return files_[id].size; }

 private:
  struct LineDirective {
    u32 offset;     // the directive applies to lines starting after this offset
    u32 line;       // presumed line number of the line after the directive
    u32 phys_line;  // physical line of the line after the directive
    std::string name;
  };
  struct File {
    std::string name;
    const char* data = nullptr;
    u32 size = 0;
    Loc base = 0;
    Loc include_loc = 0;
    CfreeFileKind kind = CFREE_FILE_USER;
    std::vector<u32> line_starts;  // built lazily
    std::vector<LineDirective> lines;
  };
  struct Expansion {
    Loc base;
    u32 size;
    Loc spelling;
    Loc exp_begin, exp_end;
  };
  // Entry table: ordered by base.  kind bit says file or expansion.
  struct Entry {
    Loc base;
    u32 index;  // high bit set: expansion
  };
  const Entry* find(Loc loc) const;
  void build_lines(File& f);
  u32 line_of(File& f, u32 offset);

  std::vector<File> files_;  // [0] unused
  std::vector<Expansion> exps_;
  std::vector<Entry> entries_;
  Loc next_ = 1;
};

}  // namespace cfree
