// link.h: the Linker and the LinkImage it produces (seed §5.5.1).
//
// A Linker takes inputs in command-line order -- relocatable objects (bytes
// or ObjBuilders), archives, shared libraries -- and resolves symbols as
// GNU ld does: an archive member is extracted only for a symbol that is
// undefined when the archive is reached (or anywhere in an enclosing
// --start-group/--end-group, which is rescanned until nothing changes);
// --whole-archive takes every member; a strong definition beats weak and
// COMMON ones and two strong ones are an error; COMDAT groups keep their
// first instance; a shared library satisfies what no object defines.
//
// link() then lays out and relocates everything into a LinkImage: output
// sections with their final addresses and bytes, program headers, the
// symbol table and the entry point.  The image is the shared currency of
// file emission (link_write_elf) and, later, the JIT: nothing in it is
// file-specific except the section/segment description every consumer
// needs anyway.  Dynamic relocations the image still needs at load time
// are kept as records as well as in .rela.dyn, so a JIT can apply them.
//
// Policy lives here once, generic over RelocKind (STYLE.md point 3): which
// references need a GOT slot, a PLT entry, a copy relocation, a dynamic
// relocation, or a TLS model change.  The target file (x86_64.cpp) only
// supplies PLT bytes, relocation numbers and instruction rewrites.
#pragma once

#include "core/base.h"
#include "core/intern.h"
#include "obj/obj.h"

#include <cfree.h>
#include <memory>
#include <string>
#include <vector>

namespace cfree {

struct Compiler;

enum class LinkOutput : u8 { Exec, Pie, Shared };

struct LinkOptions {
  LinkOutput output = LinkOutput::Pie;
  bool static_link = false;          // no PT_INTERP/.dynamic (Exec only)
  std::string entry;                 // "" -> _start (none for shared)
  std::string interp;                // "" -> the target's dynamic linker
  std::vector<std::string> rpath;    // DT_RUNPATH
  std::string soname;                // DT_SONAME (shared)
  bool gc_sections = false;
  bool export_dynamic = false;       // -rdynamic / -E
  int build_id = 0;                  // 0 none, else bytes of the id (8, 16 or 20)
  bool eh_frame_hdr = true;
  bool strip_all = false;            // -s
  bool allow_undefined = false;      // shared: undefined symbols become imports
  u64 image_base = 0;                // 0: 0x400000 for Exec, 0 otherwise
  std::vector<std::string> undefined;  // -u symbols (must be set before inputs)
};

// One output section of the image.
struct LinkSection {
  std::string name;
  u32 type = 0;       // ELF sh_type
  u64 flags = 0;      // SHF_*
  u64 addr = 0, offset = 0, size = 0, align = 1, entsize = 0;
  u32 link = 0, info = 0;  // section indices (ELF numbering: 1-based)
  std::vector<u8> bytes;   // empty for NOBITS
};

struct LinkSegment {
  u32 type = 0, flags = 0;
  u64 offset = 0, vaddr = 0, filesz = 0, memsz = 0, align = 0;
};

struct LinkSymbol {
  std::string name;
  u64 value = 0, size = 0;
  u8 info = 0, other = 0;
  u16 shndx = 0;  // section index (1-based) or SHN_ABS / SHN_UNDEF
};

// A relocation the loader (ld.so or a JIT) still has to apply.
struct LinkDynReloc {
  u64 vaddr = 0;
  u32 type = 0;       // target relocation number
  std::string sym;    // "" for none
  i64 addend = 0;
};

struct LinkImage {
  CfreeTarget target{};
  u16 elf_type = 0;  // ET_EXEC / ET_DYN
  u64 entry = 0;
  u64 base = 0;
  std::vector<LinkSection> sections;  // [0] is the null section
  std::vector<LinkSegment> segments;
  std::vector<LinkSymbol> symbols;    // .symtab ([0] is the null symbol)
  u32 first_global = 1;
  std::vector<LinkDynReloc> dynrelocs;
  u64 file_size = 0;  // end of section contents (before the headers the writer appends)
  u64 build_id_offset = 0, build_id_size = 0;  // file offset of the id bytes
};

class LinkerImpl;

class Linker {
 public:
  Linker(Compiler& c, const LinkOptions& opts);
  ~Linker();
  Linker(const Linker&) = delete;
  Linker& operator=(const Linker&) = delete;

  // Inputs, resolved as they arrive.  Each returns false after an error
  // diagnostic (malformed input); the bytes are copied where needed later.
  bool add_object(std::unique_ptr<ObjBuilder> ob, const std::string& name);
  bool add_object_bytes(const std::string& name, const u8* data, size_t n);
  bool add_archive_bytes(const std::string& name, const u8* data, size_t n, bool whole_archive);
  bool add_shared_bytes(const std::string& name, const u8* data, size_t n, bool as_needed);
  // Any of the above, by content (ELF type or archive magic).
  bool add_bytes(const std::string& name, const u8* data, size_t n, bool whole_archive,
                 bool as_needed);
  void group_begin();
  void group_end();

  // Resolve, lay out and relocate.  Throws Fatal after diagnostics.
  std::unique_ptr<LinkImage> link();

 private:
  std::unique_ptr<LinkerImpl> impl_;
};

// Serialise an image as an ELF file.
bool link_write_elf(Compiler& c, const LinkImage& img, CfreeWriter* out);

// Parse a GNU ld script of the kind libc.so is (INPUT, GROUP, AS_NEEDED,
// OUTPUT_FORMAT, OUTPUT_ARCH, SEARCH_DIR): calls `add` for each file in
// order, with as_needed, and `group` bracketing GROUP contents.  False after
// a diagnostic if the script says something else.
struct ScriptSink {
  virtual ~ScriptSink() = default;
  virtual bool file(const std::string& path, bool as_needed) = 0;  // "-lfoo" for -l
  virtual void group(bool begin) = 0;
};
bool link_parse_script(Compiler& c, const char* name, const char* text, size_t n, ScriptSink& sink);

}  // namespace cfree
