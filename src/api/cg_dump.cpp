// cg_dump.cpp: the text form of the CG call stream (CFREE_CG_DUMP, the
// driver's -emit-cg), one line per call, for FileCheck tests of frontends.
//
// Types print as i32/u8/f64/f80/ptr/void/bool, [N x T], struct NAME,
// union NAME, complex<T> and fn(T, ...) -> T; symbols as @name; frame slots
// as %sN; labels as LN.  Inside a function lines are indented by two spaces.
#include "api/cg_internal.h"

#include <cstdarg>

namespace cfree {

void dump_line(CfreeCg* cg, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (cg->in_func && std::strncmp(buf, "func_", 5) != 0) cg->out += "  ";
  if (n >= static_cast<int>(sizeof buf)) {
    std::string big(static_cast<size_t>(n) + 1, '\0');
    va_start(ap, fmt);
    std::vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.pop_back();
    cg->out += big;
  } else {
    cg->out.append(buf, static_cast<size_t>(n));
  }
  cg->out += '\n';
}

std::string dump_type(CfreeCg* cg, CfreeType t) {
  if (!t) return "none";
  CfreeCompiler* c = cg_compiler(cg);
  CfreeTypeInfo ti;
  cfree_type_info(c, t, &ti);
  char buf[64];
  switch (ti.kind) {
    case CFREE_TY_NONE: return "none";
    case CFREE_TY_VOID: return "void";
    case CFREE_TY_BOOL: return "bool";
    case CFREE_TY_INT:
      std::snprintf(buf, sizeof buf, "%c%u", ti.is_signed ? 'i' : 'u', ti.bits);
      return buf;
    case CFREE_TY_FLOAT:
      std::snprintf(buf, sizeof buf, "f%u", ti.bits);
      return buf;
    case CFREE_TY_PTR: return "ptr";
    case CFREE_TY_ARRAY:
      if (ti.flexible) return "[] " + dump_type(cg, ti.elem);
      std::snprintf(buf, sizeof buf, "[%llu x ", (unsigned long long)ti.count);
      return buf + dump_type(cg, ti.elem) + "]";
    case CFREE_TY_RECORD: {
      std::string s = ti.is_union ? "union " : "struct ";
      if (ti.tag) s += cg->c.syms.str(ti.tag);
      else s += "<anon>";
      return s;
    }
    case CFREE_TY_COMPLEX: return "complex<" + dump_type(cg, ti.elem) + ">";
    case CFREE_TY_VECTOR:
      std::snprintf(buf, sizeof buf, "<%llu x ", (unsigned long long)ti.count);
      return buf + dump_type(cg, ti.elem) + ">";
    case CFREE_TY_FUNC: {
      std::string s = "fn(";
      for (size_t i = 0; i < ti.n_params; i++) {
        if (i) s += ", ";
        s += dump_type(cg, cfree_type_func_param(c, t, i));
      }
      if (ti.variadic) s += ti.n_params ? ", ..." : "...";
      return s + ") -> " + dump_type(cg, ti.elem);
    }
  }
  return "?";
}

std::string dump_sym(CfreeCg* cg, CfreeCgSym s) {
  if (!s || s >= cg->syms.size()) return "@<none>";
  return std::string("@") + cg->c.syms.str(cg->syms[s].name);
}

const char* dump_binop(CfreeBinop op) {
  static const char* const n[] = {"add", "sub", "mul", "sdiv", "udiv", "srem", "urem", "and", "or",
                                  "xor", "shl", "lshr", "ashr", "fadd", "fsub", "fmul", "fdiv"};
  return n[op];
}

const char* dump_unop(CfreeUnop op) {
  static const char* const n[] = {"neg", "not", "fneg"};
  return n[op];
}

const char* dump_cmp(CfreeCmp c) {
  static const char* const n[] = {"eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule",
                                  "ugt", "uge", "foeq", "fune", "folt", "fole", "fogt", "foge"};
  return n[c];
}

const char* dump_conv(CfreeConv c) {
  static const char* const n[] = {"trunc", "sext", "zext", "ftosi", "ftoui", "sitof",
                                  "uitof", "fext", "ftrunc", "bitcast", "tobool"};
  return n[c];
}

const char* dump_order(CfreeMemOrder o) {
  static const char* const n[] = {"relaxed", "consume", "acquire", "release", "acq_rel", "seq_cst"};
  return n[o];
}

std::string dump_mem(const CfreeMemAccess* m) {
  if (!m) return "";
  std::string s;
  if (m->align) s += " align=" + std::to_string(m->align);
  if (m->flags & CFREE_MEM_VOLATILE) s += " volatile";
  if (m->flags & CFREE_MEM_ATOMIC) s += " atomic";
  if (m->flags & CFREE_MEM_UNALIGNED) s += " unaligned";
  if (m->flags & CFREE_MEM_RESTRICT) s += " restrict";
  if (m->flags & CFREE_MEM_READONLY) s += " readonly";
  return s;
}

}  // namespace cfree
