// pp.cpp: placeholder Preprocessor (the real implementation is landing).
#include "c/pp.h"

#include <cstring>

namespace cfree::c {

bool parse_std(const char* std, LangStd* out) {
  *out = LangStd{};
  if (!std) return true;
  return true;
}

struct Preprocessor::Impl {
  CfreeCompiler* c;
  LangStd lang;
};

Preprocessor::Preprocessor(CfreeCompiler* c, const CfreeCompileOptions* opts, const CfreeInput*)
    : impl_(new Impl{c, {}}) {
  parse_std(opts ? opts->std : nullptr, &impl_->lang);
}
Preprocessor::~Preprocessor() { delete impl_; }
bool Preprocessor::next(Token& t) {
  t = Token{};
  return false;
}
CfreeCompiler* Preprocessor::compiler() const { return impl_->c; }
const LangStd& Preprocessor::lang() const { return impl_->lang; }
Tok Preprocessor::keyword_kind(CfreeSym) const { return Tok::Identifier; }

}  // namespace cfree::c
