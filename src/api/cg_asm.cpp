// cg_asm.cpp: `cc -S` output, printed from the finished object.
//
// There is one encoder: code is generated into the ObjBuilder exactly as for
// -c, and this file prints that object as GNU assembler input.  Every byte
// is written with .byte (instructions carry their AT&T disassembly as a
// comment, from the same table the encoder used), every relocation with a
// .reloc directive at its offset, and symbols, sections, alignment, COMDAT
// groups and common symbols with the usual directives.  So `as` turns the
// text back into the same bytes and relocations -- the round trip that
// test/cg/asm-output.c checks -- while a reader still sees the instructions.
// A printer that spells operands symbolically (so the text can be edited) is
// future work.
#include "api/cg_internal.h"
#include "arch/x86_64/disasm.h"

#include <algorithm>
#include <cstdarg>

namespace cfree {

namespace {

void flags_of(const ObjSection& s, std::string* f) {
  if (s.flags & SECF_ALLOC) *f += 'a';
  if (s.flags & SECF_WRITE) *f += 'w';
  if (s.flags & SECF_EXEC) *f += 'x';
  if (s.flags & SECF_MERGE) *f += 'M';
  if (s.flags & SECF_STRINGS) *f += 'S';
  if (s.flags & SECF_TLS) *f += 'T';
  if (s.group) *f += 'G';
}

const char* type_of(const ObjSection& s) {
  switch (s.sem) {
    case SecSem::NoBits: return "@nobits";
    case SecSem::Note: return "@note";
    case SecSem::InitArray: return "@init_array";
    case SecSem::FiniArray: return "@fini_array";
    case SecSem::PreinitArray: return "@preinit_array";
    default: return "@progbits";
  }
}

void appendf(std::string* s, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void appendf(std::string* s, const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= static_cast<int>(sizeof buf)) n = sizeof buf - 1;
  s->append(buf, static_cast<size_t>(n));
}

std::string sym_expr(const ObjBuilder& ob, ObjSymId id, i64 addend) {
  std::string s;
  if (!id) {
    s = "0";
  } else {
    const ObjSymbol& sym = ob.symbol_get(id);
    if (sym.type == SymType::Section) s = ob.section_name(sym.sec);
    else s = ob.symbol_name(id);
  }
  if (addend) {
    char b[32];
    std::snprintf(b, sizeof b, "%+lld", static_cast<long long>(addend));
    s += b;
  }
  return s;
}

void bytes_line(std::string* out, const u8* p, size_t n) {
  *out += "\t.byte ";
  for (size_t i = 0; i < n; i++) appendf(out, i ? ",0x%02x" : "0x%02x", p[i]);
}

}  // namespace

CfreeStatus cg_write_asm(CfreeCg* cg, CfreeWriter* out) {
  const ObjBuilder& ob = *cg->ob;
  std::string s;
  appendf(&s, "\t.file\t\"%s\"\n", cg->source_name.c_str());
  // Symbols by section, and the symbol-level directives.
  std::vector<std::vector<std::pair<u64, ObjSymId>>> at(ob.num_sections() + 1);
  for (ObjSymId id = 1; id <= ob.num_symbols(); id++) {
    const ObjSymbol& y = ob.symbol_get(id);
    if (y.type == SymType::Section || y.type == SymType::File) continue;
    const char* name = ob.symbol_name(id);
    if (!name || !*name) continue;
    if (y.place == SymPlace::Common) {
      appendf(&s, "\t.comm\t%s,%llu,%llu\n", name, (unsigned long long)y.size, (unsigned long long)y.value);
      continue;
    }
    if (y.bind == SymBind::Global) appendf(&s, "\t.globl\t%s\n", name);
    if (y.bind == SymBind::Weak) appendf(&s, "\t.weak\t%s\n", name);
    if (y.vis == SymVis::Hidden) appendf(&s, "\t.hidden\t%s\n", name);
    if (y.vis == SymVis::Protected) appendf(&s, "\t.protected\t%s\n", name);
    if (y.vis == SymVis::Internal) appendf(&s, "\t.internal\t%s\n", name);
    if (y.place != SymPlace::Section) continue;
    const char* ty = y.type == SymType::Func ? "@function" : y.type == SymType::Object ? "@object"
                   : y.type == SymType::Tls ? "@tls_object" : nullptr;
    if (ty) appendf(&s, "\t.type\t%s,%s\n", name, ty);
    if (y.size) appendf(&s, "\t.size\t%s,%llu\n", name, (unsigned long long)y.size);
    at[y.sec].push_back({y.value, id});
  }
  for (ObjSecId sid = 1; sid <= ob.num_sections(); sid++) {
    const ObjSection& sec = ob.section_get(sid);
    std::string fl;
    flags_of(sec, &fl);
    if (!std::strcmp(ob.section_name(sid), ".comment")) {
      // GNU as has its own idea of .comment's attributes: use its default.
      s += "\t.section\t.comment\n";
    } else
    appendf(&s, "\t.section\t%s,\"%s\",%s", ob.section_name(sid), fl.c_str(), type_of(sec));
    if (std::strcmp(ob.section_name(sid), ".comment")) {
      if (sec.flags & SECF_MERGE) appendf(&s, ",%llu", (unsigned long long)sec.entsize);
      if (sec.group) {
        const ObjGroup& g = ob.group_get(sec.group);
        appendf(&s, ",%s,comdat", ob.symbol_name(g.signature));
      }
      s += '\n';
    }
    if (sec.align > 1) appendf(&s, "\t.balign\t%llu\n", (unsigned long long)sec.align);
    auto& syms = at[sid];
    std::sort(syms.begin(), syms.end());
    std::vector<ObjReloc> rel(ob.relocs(sid).begin(), ob.relocs(sid).end());
    std::sort(rel.begin(), rel.end(), [](const ObjReloc& a, const ObjReloc& b) { return a.offset < b.offset; });
    size_t si = 0, ri = 0;
    auto labels_upto = [&](u64 off) {
      while (si < syms.size() && syms[si].first <= off) {
        appendf(&s, "%s:\n", ob.symbol_name(syms[si].second));
        si++;
      }
    };
    if (!ob.has_bytes(sid)) {
      u64 off = 0;
      for (; si < syms.size();) {
        u64 next = syms[si].first;
        if (next > off) appendf(&s, "\t.zero\t%llu\n", (unsigned long long)(next - off));
        off = next;
        labels_upto(off);
      }
      if (sec.size > off) appendf(&s, "\t.zero\t%llu\n", (unsigned long long)(sec.size - off));
      continue;
    }
    std::vector<u8> bytes = ob.bytes(sid);
    bool code = (sec.flags & SECF_EXEC) && ob.target().arch == CFREE_ARCH_X86_64;
    u64 off = 0, n = bytes.size();
    while (off < n) {
      labels_upto(off);
      // The next chunk: one instruction, or up to 16 data bytes stopping at
      // the next symbol.
      u64 len = 0;
      std::string comment;
      if (code) {
        x86::Decoded d;
        len = x86::x86_decode(bytes.data() + off, n - off, &d);
        if (len) {
          x86::SymLookup none;
          x86::x86_format(d, off, none, &comment);
        }
      }
      if (!len) {
        len = std::min<u64>(16, n - off);
        if (si < syms.size() && syms[si].first > off) len = std::min<u64>(len, syms[si].first - off);
      }
      while (ri < rel.size() && rel[ri].offset < off + len) {
        const ObjReloc& r = rel[ri++];
        const char* rn = reloc_name(ob.target().arch, r.type);
        appendf(&s, "\t.reloc\t.+%llu, %s, %s\n", (unsigned long long)(r.offset - off), rn ? rn : "R_X86_64_NONE",
                sym_expr(ob, r.sym, r.addend).c_str());
      }
      bytes_line(&s, bytes.data() + off, static_cast<size_t>(len));
      if (!comment.empty()) s += "\t# " + comment;
      s += '\n';
      off += len;
    }
    labels_upto(~u64(0));
  }
  if (out->write(out->ctx, s.data(), s.size()) != 0) return CFREE_ERR_IO;
  return CFREE_OK;
}

}  // namespace cfree
