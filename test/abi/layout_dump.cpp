// layout_dump.cpp: cfree's side of the record-layout differential test.
//
// Reads the textual type descriptions written by layout_diff.py, builds
// each record through the public API (cfree_type_record /
// cfree_type_record_complete) for the requested target, and prints what
// cfree computes, one fact per line, in the same form layout_diff.py derives
// from gcc's object file:
//   T<id> size <n> / T<id> align <n> / T<id> off <member> <bytes> /
//   T<id> bf <member> <first bit from the record start> <width>
// Description lines:
//   R <id> <struct|union> <packed> <align> <pack> <anon>   start a record
//   F <name|-> <type> <width|-> <align> <flags>            a field
//   E                                                      complete it
//   C <id> <variadic> <n_named> <ret> <arg>...             classify a call
// with types: char schar uchar short ushort int uint long ulong llong ullong
// int128 uint128 bool float double ldouble ptr cfloat cdouble cldouble void,
// T<id>, A<n>:<type>, X:<type>.  A call prints, per argument and for the
// result, where each piece travels (call_diff.py derives the same from
// gcc's assembly):
//   C<id> arg<k> <loc>@<offset>,...   (loc: register, st0/st1, stack<N>, &reg)
//   C<id> ret <loc>@<offset>,... | sret | -     C<id> fprs <n>
#include <cfree/cg.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

void* heap_alloc(void*, size_t size, size_t align) {
  if (align <= alignof(std::max_align_t)) return std::malloc(size ? size : 1);
  return std::aligned_alloc(align, (size + align - 1) / align * align);
}
void heap_free(void*, void* p, size_t) { std::free(p); }
void diag(void*, const CfreeDiagnostic* d) { std::fputs(d->rendered, stderr); }

struct Dumper {
  CfreeCompiler* c;
  std::map<int, CfreeType> records;
  std::map<int, bool> anon;
  std::map<CfreeType, int> ids;

  CfreeType parse_type(const char* s) {
    static const struct {
      const char* name;
      CfreeCScalar s;
    } scalars[] = {{"char", CFREE_C_CHAR},     {"schar", CFREE_C_SCHAR},   {"uchar", CFREE_C_UCHAR},
                   {"short", CFREE_C_SHORT},   {"ushort", CFREE_C_USHORT}, {"int", CFREE_C_INT},
                   {"uint", CFREE_C_UINT},     {"long", CFREE_C_LONG},     {"ulong", CFREE_C_ULONG},
                   {"llong", CFREE_C_LLONG},   {"ullong", CFREE_C_ULLONG}, {"int128", CFREE_C_INT128},
                   {"uint128", CFREE_C_UINT128}, {"bool", CFREE_C_BOOL},   {"float", CFREE_C_FLOAT},
                   {"double", CFREE_C_DOUBLE}, {"ldouble", CFREE_C_LDOUBLE}};
    if (s[0] == 'T') return records.at(std::atoi(s + 1));
    if (s[0] == 'A') {
      char* end;
      unsigned long n = std::strtoul(s + 1, &end, 10);
      return cfree_type_array(c, parse_type(end + 1), n);
    }
    if (s[0] == 'X') return cfree_type_flex_array(c, parse_type(s + 2));
    if (s[0] == 'V') {  // V<bytes>:<element>: a GCC vector_size(bytes) vector
      char* end;
      unsigned long bytes = std::strtoul(s + 1, &end, 10);
      CfreeType e = parse_type(end + 1);
      return cfree_type_vector(c, e, bytes / cfree_type_size(c, e));
    }
    if (!std::strcmp(s, "void")) return cfree_type_void(c);
    if (!std::strcmp(s, "ptr")) return cfree_type_ptr(c, cfree_type_void(c));
    if (!std::strcmp(s, "cfloat")) return cfree_type_complex(c, cfree_type_c_scalar(c, CFREE_C_FLOAT));
    if (!std::strcmp(s, "cdouble")) return cfree_type_complex(c, cfree_type_c_scalar(c, CFREE_C_DOUBLE));
    if (!std::strcmp(s, "cldouble"))
      return cfree_type_complex(c, cfree_type_c_scalar(c, CFREE_C_LDOUBLE));
    for (auto& e : scalars)
      if (!std::strcmp(s, e.name)) return cfree_type_c_scalar(c, e.s);
    std::fprintf(stderr, "layout_dump: bad type '%s'\n", s);
    std::exit(2);
  }

  // Print the named members of `rec` placed at `base` bytes (anonymous
  // members are flattened, as C name lookup does).
  void members(int id, CfreeType rec, uint64_t base) {
    CfreeTypeInfo info;
    cfree_type_info(c, rec, &info);
    for (size_t i = 0; i < info.n_fields; i++) {
      CfreeFieldLayout f;
      if (cfree_type_field(c, rec, i, &f) != CFREE_OK) std::exit(3);
      if (f.flags & CFREE_FIELD_ANON) {
        members(id, f.type, base + f.offset);
        continue;
      }
      if (!f.name) continue;
      const char* name = cfree_sym_str(c, f.name, nullptr);
      if (f.flags & CFREE_FIELD_BITFIELD) {
        if (f.bit_width == 0) continue;
        if (f.bit_offset + f.bit_width > f.storage_size * 8) {
          std::printf("T%d unit-too-small %s\n", id, name);
        }
        std::printf("T%d bf %s %llu %u\n", id, name,
                    (unsigned long long)((base + f.offset) * 8 + f.bit_offset), f.bit_width);
      } else {
        std::printf("T%d off %s %llu\n", id, name, (unsigned long long)(base + f.offset));
      }
    }
  }

  const char* reg_name(const CfreeAbiPart& p, bool is_ret) {
    static const char* x86[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
    static const char* x86r[] = {"rax", "rdx"};
    static char buf[32];
    CfreeArch arch = cfree_compiler_target(c).arch;
    if (p.kind == CFREE_ABI_X87) return p.reg ? "st1" : "st0";
    if (arch == CFREE_ARCH_X86_64) {
      if (p.kind == CFREE_ABI_FPR) return std::snprintf(buf, sizeof buf, "xmm%u", p.reg), buf;
      return is_ret ? x86r[p.reg & 1] : (p.reg < 6 ? x86[p.reg] : "?");
    }
    if (arch == CFREE_ARCH_AARCH64)
      std::snprintf(buf, sizeof buf, "%s%u", p.kind == CFREE_ABI_FPR ? "v" : "x", p.reg);
    else
      std::snprintf(buf, sizeof buf, "%s%u", p.kind == CFREE_ABI_FPR ? "fa" : "a", p.reg);
    return buf;
  }

  void print_value(const CfreeAbiValue& v, bool is_ret) {
    if (v.n_parts == 0) std::printf("-");
    for (uint32_t i = 0; i < v.n_parts; i++) {
      const CfreeAbiPart& p = v.parts[i];
      if (i) std::printf(",");
      if (p.kind == CFREE_ABI_STACK)
        std::printf("stack%u@%u", p.stack_offset, p.offset);
      else if (p.kind == CFREE_ABI_INDIRECT && p.reg == 0xffffffffu)
        std::printf("&stack%u@0", p.stack_offset);
      else if (p.kind == CFREE_ABI_INDIRECT)
        std::printf("&%s@0", reg_name(p, false));
      else
        std::printf("%s@%u", reg_name(p, is_ret), p.offset);
    }
  }

  void call(char* line) {
    int id = std::atoi(std::strtok(line + 2, " \n"));
    int variadic = std::atoi(std::strtok(nullptr, " \n"));
    size_t named = std::strtoul(std::strtok(nullptr, " \n"), nullptr, 10);
    CfreeType ret = parse_type(std::strtok(nullptr, " \n"));
    std::vector<CfreeType> args;
    while (char* tok = std::strtok(nullptr, " \n")) args.push_back(parse_type(tok));
    CfreeType fn = cfree_type_func(c, ret, args.data(), named, variadic);
    CfreeAbiCallInfo info;
    if (cfree_abi_classify_call(c, fn, args.data(), args.size(), &info) != CFREE_OK) {
      std::printf("C%d refused\n", id);
      return;
    }
    unsigned fprs = 0;
    for (size_t i = 0; i < info.n_args; i++) {
      std::printf("C%d arg%zu ", id, i);
      print_value(info.args[i], false);
      std::printf("\n");
      for (uint32_t k = 0; k < info.args[i].n_parts; k++)
        fprs += info.args[i].parts[k].kind == CFREE_ABI_FPR;
    }
    std::printf("C%d ret ", id);
    if (info.sret)
      std::printf("sret");
    else
      print_value(info.ret, true);
    std::printf("\nC%d fprs %u\n", id, fprs);
  }

  int run(FILE* in) {
    char line[4096];
    int cur = -1;
    std::vector<CfreeField> fields;
    CfreeRecordAttrs attrs{};
    while (std::fgets(line, sizeof line, in)) {
      char kind[16], a[1024], b[64], d[64], e[64], g[64], h[64];
      if (line[0] == 'C') {
        call(line);
      } else if (line[0] == 'R') {
        int id, packed, align, pack, is_anon;
        if (std::sscanf(line, "R %d %15s %d %d %d %d", &id, kind, &packed, &align, &pack, &is_anon) != 6)
          return 2;
        cur = id;
        fields.clear();
        attrs = CfreeRecordAttrs{};
        attrs.packed = packed;
        attrs.align = static_cast<uint32_t>(align);
        attrs.max_field_align = static_cast<uint32_t>(pack);
        records[id] = cfree_type_record(c, !std::strcmp(kind, "union"), 0);
        anon[id] = is_anon;
      } else if (line[0] == 'F') {
        if (std::sscanf(line, "F %1023s %1023s %63s %63s %63s", h, a, b, d, e) != 5) return 2;
        (void)g;
        CfreeField f{};
        f.name = std::strcmp(h, "-") ? cfree_sym_intern(c, h, std::strlen(h)) : 0;
        f.type = parse_type(a);
        f.bit_width = std::strcmp(b, "-") ? static_cast<uint32_t>(std::atoi(b)) : 0;
        f.align = static_cast<uint32_t>(std::atoi(d));
        f.flags = static_cast<uint32_t>(std::atoi(e));
        fields.push_back(f);
      } else if (line[0] == 'E') {
        CfreeType r = records.at(cur);
        if (cfree_type_record_complete(c, r, fields.data(), fields.size(), &attrs) != CFREE_OK) {
          std::printf("T%d refused\n", cur);
          continue;
        }
        if (anon[cur]) continue;
        std::printf("T%d size %llu\n", cur, (unsigned long long)cfree_type_size(c, r));
        std::printf("T%d align %u\n", cur, cfree_type_align(c, r));
        members(cur, r, 0);
      }
    }
    return 0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: cfree-abi-layout <triple> <description-file>\n");
    return 2;
  }
  CfreeTarget target;
  if (cfree_target_parse(argv[1], &target) != CFREE_OK) {
    std::fprintf(stderr, "cfree-abi-layout: unknown target '%s'\n", argv[1]);
    return 2;
  }
  FILE* in = std::fopen(argv[2], "r");
  if (!in) {
    std::perror(argv[2]);
    return 2;
  }
  CfreeEnv env{};
  env.heap = CfreeHeap{nullptr, heap_alloc, heap_free};
  env.diag = CfreeDiagSink{nullptr, diag};
  Dumper d{cfree_compiler_new(&env, target), {}, {}, {}};
  int rc = d.run(in);
  std::fclose(in);
  cfree_compiler_free(d.c);
  return rc;
}
