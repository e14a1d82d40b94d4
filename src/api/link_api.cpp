// link_api.cpp: cfree.h linking entry points over src/link.  Every call is
// guard()ed: a failed link reports diagnostics and returns a status, and the
// writer sees nothing unless the whole image was built.
#include "core/compiler.h"
#include "link/link.h"

#include <memory>

using namespace cfree;

struct CfreeLinker {
  CfreeCompiler* c;
  std::unique_ptr<Linker> l;
  bool failed = false;
};

extern "C" {

CfreeLinker* cfree_linker_new(CfreeCompiler* c, const CfreeLinkOptions* o) {
  try {
    LinkOptions lo;
    if (o) {
      lo.output = o->output == CFREE_LINK_SHARED ? LinkOutput::Shared
                  : o->output == CFREE_LINK_PIE  ? LinkOutput::Pie
                                                 : LinkOutput::Exec;
      lo.static_link = o->static_link && o->output != CFREE_LINK_SHARED;
      if (o->entry) lo.entry = o->entry;
      if (o->interp) lo.interp = o->interp;
      for (size_t i = 0; i < o->n_rpath; i++) lo.rpath.push_back(o->rpath[i]);
      if (o->soname) lo.soname = o->soname;
      lo.gc_sections = o->gc_sections;
      lo.export_dynamic = o->export_dynamic;
      lo.build_id = o->build_id;
      lo.eh_frame_hdr = !o->no_eh_frame_hdr;
      lo.strip_all = o->strip_all;
      for (size_t i = 0; i < o->n_undefined; i++) lo.undefined.push_back(o->undefined[i]);
      lo.image_base = o->image_base;
    }
    auto l = std::make_unique<CfreeLinker>();
    l->c = c;
    l->l = std::make_unique<Linker>(*c, lo);
    return l.release();
  } catch (...) {
    return nullptr;
  }
}

CfreeStatus cfree_linker_add(CfreeLinker* l, const char* name, const void* data, size_t size,
                             int whole_archive, int as_needed) {
  return guard(l->c, [&] {
    if (!l->l->add_bytes(name, static_cast<const u8*>(data), size, whole_archive != 0, as_needed != 0)) {
      l->failed = true;
      return CFREE_ERR_COMPILE;
    }
    return CFREE_OK;
  });
}

void cfree_linker_group(CfreeLinker* l, int begin) {
  guard(l->c, [&] {
    if (begin) l->l->group_begin(); else l->l->group_end();
    return CFREE_OK;
  });
}

CfreeStatus cfree_linker_link(CfreeLinker* l, CfreeWriter* out) {
  return guard(l->c, [&] {
    if (l->failed || l->c->diags.errors()) return CFREE_ERR_COMPILE;
    std::unique_ptr<LinkImage> img = l->l->link();
    if (l->c->diags.errors()) return CFREE_ERR_COMPILE;
    return link_write_elf(*l->c, *img, out) ? CFREE_OK : CFREE_ERR_IO;
  });
}

void cfree_linker_free(CfreeLinker* l) { delete l; }

int cfree_is_linker_script(const void* data, size_t size) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  if (size >= 4 && p[0] == 0x7f && p[1] == 'E' && p[2] == 'L' && p[3] == 'F') return 0;
  if (size >= 8 && (std::memcmp(p, "!<arch>\n", 8) == 0 || std::memcmp(p, "!<thin>\n", 8) == 0)) return 0;
  for (size_t i = 0; i < size && i < 4096; i++)
    if (p[i] == 0 || (p[i] < 32 && p[i] != '\n' && p[i] != '\t' && p[i] != '\r')) return 0;
  return size > 0;
}

CfreeStatus cfree_link_script(CfreeCompiler* c, const char* name, const char* text, size_t size,
                              const CfreeScriptSink* sink) {
  struct Sink : ScriptSink {
    const CfreeScriptSink* s;
    bool file(const std::string& path, bool as_needed) override {
      return s->file(s->ctx, path.c_str(), as_needed) != 0;
    }
    void group(bool begin) override { s->group(s->ctx, begin); }
  } k;
  k.s = sink;
  return guard(c, [&] {
    return link_parse_script(*c, name, text, size, k) && !c->diags.errors() ? CFREE_OK : CFREE_ERR_COMPILE;
  });
}

}  // extern "C"
