// source.cpp: location decomposition, line tables and #line (see source.h).
#include "core/source.h"

#include <algorithm>

namespace cfree {

static constexpr u32 kExpBit = 0x80000000u;

SourceManager::SourceManager() { files_.emplace_back(); }

FileId SourceManager::add_file(const char* name, const char* data, size_t size, Loc include_loc,
                               CfreeFileKind kind, Loc* base) {
  File f;
  f.name = name ? name : "";
  f.data = data;
  f.size = static_cast<u32>(size);
  f.base = next_;
  f.include_loc = include_loc;
  f.kind = kind;
  FileId id = static_cast<FileId>(files_.size());
  entries_.push_back({next_, id});
  next_ += static_cast<u32>(size) + 1;  // +1: the end-of-file position
  if (base) *base = f.base;
  files_.push_back(std::move(f));
  return id;
}

Loc SourceManager::add_expansion(Loc spelling, u32 size, Loc exp_begin, Loc exp_end) {
  Expansion e{next_, size ? size : 1, spelling, exp_begin, exp_end};
  entries_.push_back({next_, static_cast<u32>(exps_.size()) | kExpBit});
  exps_.push_back(e);
  next_ += e.size;
  return e.base;
}

const SourceManager::Entry* SourceManager::find(Loc loc) const {
  if (loc == 0 || loc >= next_) return nullptr;
  auto it = std::upper_bound(entries_.begin(), entries_.end(), loc,
                             [](Loc l, const Entry& e) { return l < e.base; });
  if (it == entries_.begin()) return nullptr;
  return &*(it - 1);
}

bool SourceManager::is_macro(Loc loc) const {
  const Entry* e = find(loc);
  return e && (e->index & kExpBit);
}

Loc SourceManager::spelling(Loc loc) const {
  for (int depth = 0; depth < 10000; depth++) {
    const Entry* e = find(loc);
    if (!e || !(e->index & kExpBit)) return loc;
    const Expansion& x = exps_[e->index & ~kExpBit];
    loc = x.spelling + (loc - x.base);
  }
  return 0;
}

Loc SourceManager::expansion(Loc loc) const {
  for (int depth = 0; depth < 10000; depth++) {
    const Entry* e = find(loc);
    if (!e || !(e->index & kExpBit)) return loc;
    loc = exps_[e->index & ~kExpBit].exp_begin;
  }
  return 0;
}

bool SourceManager::file_offset(Loc loc, FileId* id, u32* offset) const {
  const Entry* e = find(loc);
  if (!e || (e->index & kExpBit)) return false;
  *id = e->index;
  *offset = loc - e->base;
  return true;
}

void SourceManager::build_lines(File& f) {
  f.line_starts.push_back(0);
  const char* d = f.data;
  for (u32 i = 0; i < f.size; i++) {
    if (d[i] == '\n') f.line_starts.push_back(i + 1);
  }
}

u32 SourceManager::line_of(File& f, u32 offset) {
  if (f.line_starts.empty()) build_lines(f);
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  return static_cast<u32>(it - f.line_starts.begin());  // 1-based
}

void SourceManager::add_line_directive(Loc loc, u32 line, const char* name) {
  FileId id;
  u32 off;
  if (!file_offset(spelling(loc), &id, &off)) return;
  File& f = files_[id];
  LineDirective d;
  d.offset = off;
  d.line = line;
  d.phys_line = line_of(f, off) + 1;
  if (name) {
    d.name = name;
  } else if (!f.lines.empty()) {
    d.name = f.lines.back().name;
  } else {
    d.name = f.name;
  }
  f.lines.push_back(std::move(d));
}

bool SourceManager::presumed(Loc loc, Presumed* out) {
  loc = expansion(loc);
  FileId id;
  u32 off;
  if (!file_offset(loc, &id, &off)) return false;
  File& f = files_[id];
  u32 line = line_of(f, off);
  u32 col = off - f.line_starts[line - 1] + 1;
  out->file = f.name.c_str();
  out->line = line;
  out->column = col;
  out->id = id;
  out->include_loc = f.include_loc;
  if (!f.lines.empty()) {
    // The last directive at or before this offset applies.
    auto it = std::upper_bound(f.lines.begin(), f.lines.end(), off,
                               [](u32 o, const LineDirective& d) { return o < d.offset; });
    if (it != f.lines.begin()) {
      const LineDirective& d = *(it - 1);
      out->file = d.name.c_str();
      out->line = d.line + (line - d.phys_line);
    }
  }
  return true;
}

bool SourceManager::line_text(Loc loc, const char** begin, size_t* len) {
  FileId id;
  u32 off;
  if (!file_offset(loc, &id, &off)) return false;
  File& f = files_[id];
  u32 line = line_of(f, off);
  u32 start = f.line_starts[line - 1];
  u32 end = start;
  while (end < f.size && f.data[end] != '\n') end++;
  if (end > start && f.data[end - 1] == '\r') end--;
  *begin = f.data + start;
  *len = end - start;
  return true;
}

}  // namespace cfree
