// assembler.cpp: the assembler's entry points (asm.h) -- whole files and
// inline-asm blocks -- and the sequence parse -> relax -> .eh_frame ->
// output shared by both.
#include "asm/internal.h"

#include <string>

namespace cfree::as {

Assembler::Assembler(Compiler& c, ObjBuilder& ob) : c_(c), ob_(ob), arena_(c.env.heap) {
  syms_.emplace_back();  // index 0: none
}

bool Assembler::run_file(const char* name, const char* data, size_t size) {
  Loc base = 0;
  c_.sources.add_file(name, data, size, 0, CFREE_FILE_USER, &base);
  // gas always has .text, .data and .bss, in that order.
  get_section(".text", 0, 0, 0, 0, false, false);
  get_section(".data", 0, 0, 0, 0, false, false);
  get_section(".bss", 0, 0, 0, 0, false, false);
  cur_ = prev_ = 0;
  Source s;
  s.ext = data;
  s.size = size;
  s.base = base;
  s.is_file = true;
  srcs_.push_back(std::move(s));
  run_sources();
  if (!conds_.empty()) error("end of file in conditional (missing .endif)");
  if (errors_) return false;
  // Numeric labels referenced forward but never defined.
  for (SymIdx i = 1; i < syms_.size(); i++) {
    const Symbol& sy = syms_[i];
    if (sy.name && !sy.defined && c_.syms.str(sy.name)[0] == '\x02') {
      // Find a use for the location: report once.
      std::string n = c_.syms.str(sy.name) + 1;
      n = n.substr(0, n.find('\x03'));
      error("local label `%s' is not defined", n.c_str());
      return false;
    }
  }
  // Local commons (.local x; .comm x,...) go to the end of .bss, in order.
  for (SymIdx i : comms_) {
    Symbol& sy = syms_[i];
    if (!sy.common || !sy.local_dir || sy.defined) continue;
    u32 save = cur_;
    cur_ = get_section(".bss", 0, 0, 0, 0, false, false);
    if (sy.common_align > 1) directive(".balign", std::to_string(sy.common_align).c_str());
    define_label(i);
    syms_[i].common = false;
    if (!syms_[i].type) syms_[i].type = u8(SymType::Object);
    std::vector<u8> z(sy.common_size);
    emit_bytes(z.data(), z.size());
    syms_[i].size = num_expr(static_cast<i64>(syms_[i].common_size));
    cur_ = save;
  }
  relax();
  if (!ident_.empty()) {
    u32 save = cur_;
    cur_ = get_section(".comment", 1, 0x30, 1, 0, false, true);
    emit_byte(0);
    emit_bytes(ident_.data(), ident_.size());
    cur_ = save;
  }
  build_eh_frame();
  if (errors_) return false;
  if (!emit_object()) return false;
  ob_.finalize();
  return !errors_ && c_.diags.errors() == 0;
}

bool assemble_file(Compiler& c, ObjBuilder& ob, const char* name, const char* data, size_t size) {
  Assembler as(c, ob);
  return as.run_file(name, data, size);
}

}  // namespace cfree::as
