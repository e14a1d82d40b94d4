// ar.cpp: `cfree ar`, a GNU-compatible archiver.
//
//   cfree ar [-]{r|q|t|x|d|s|p}[c][v][u][s][S][D][U] archive [member...]
//
// r replaces or adds members (u: only if the file is newer), q appends, t
// lists (v: GNU's long listing), x extracts, d deletes, p prints, s only
// rebuilds the symbol index (like ranlib).  Archives are written in GNU
// format with a "/" symbol index (unless S) and a "//" long-name table, in
// deterministic mode by default (zero dates, uids and gids, mode 644, as
// Debian's binutils does).  The format
// work is libcfree's (cfree_archive_*); this file does files and options.
#include "driver.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace driver {

namespace {

const char* const kTool = "ar";

struct Member {
  std::string name;
  std::string data;
  int64_t mtime = 0;
  uint32_t uid = 0, gid = 0, mode = 0644;
};

std::string base_name(const std::string& p) {
  size_t s = p.rfind('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}

void print_help() {
  std::printf(
      "Usage: cfree ar [-]{r|q|t|x|d|s|p}[modifiers] archive [member...]\n"
      " commands:\n"
      "  r   replace existing members or insert new ones\n"
      "  q   quick append members\n"
      "  t   list the members\n"
      "  x   extract members (all if none named)\n"
      "  d   delete members\n"
      "  p   print members to standard output\n"
      "  s   write the symbol index only (as ranlib)\n"
      " modifiers:\n"
      "  c   do not warn when the archive is created\n"
      "  v   verbose\n"
      "  u   with r: replace only members older than the files\n"
      "  s   write a symbol index (the default)\n"
      "  S   do not write a symbol index\n"
      "  D   deterministic: zero dates, uids and gids (always)\n");
}

std::string mode_string(uint32_t mode) {
  std::string s = "---------";
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; i++)
    if (mode & (0400u >> i)) s[static_cast<size_t>(i)] = rwx[i];
  return s;
}

bool write_archive(CfreeCompiler* c, const std::string& path, const std::vector<Member>& ms,
                   bool index) {
  std::vector<CfreeArchiveMember> v;
  for (const Member& m : ms)
    v.push_back({m.name.c_str(), m.data.data(), m.data.size(), m.mtime, m.uid, m.gid, m.mode});
  OutputFile out(path);
  std::string err;
  if (!out.open(&err)) {
    error(kTool, "%s: %s", path.c_str(), err.c_str());
    return false;
  }
  if (cfree_archive_write(c, v.data(), v.size(), index, out.writer()) != CFREE_OK) return false;
  if (!out.commit(&err)) {
    error(kTool, "%s: %s", path.c_str(), err.c_str());
    return false;
  }
  return true;
}

}  // namespace

int ar_main(int argc, char** argv) {
  int i = 1;
  for (; i < argc; i++) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      print_help();
      return kExitOk;
    }
    if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-V")) {
      std::printf("cfree ar %s (GNU ar compatible)\n", cfree_version());
      return kExitOk;
    }
    if (!std::strncmp(argv[i], "--plugin", 8)) {
      if (!std::strchr(argv[i], '=')) i++;
      continue;
    }
    break;
  }
  if (i >= argc) {
    error(kTool, "no operation specified");
    print_help();
    return kExitUsage;
  }
  const char* keys = argv[i++];
  if (*keys == '-') keys++;
  char op = 0;
  bool create_quiet = false, verbose = false, update = false, index = true, real = false;
  bool index_only_mod = false;
  for (const char* k = keys; *k; k++) {
    switch (*k) {
      case 'r': case 'q': case 't': case 'x': case 'd': case 'p':
        if (op && op != *k) {
          error(kTool, "two different operation options specified");
          return kExitUsage;
        }
        op = *k;
        break;
      case 's': index_only_mod = true; index = true; break;
      case 'S': index = false; break;
      case 'c': create_quiet = true; break;
      case 'v': verbose = true; break;
      case 'u': update = true; break;
      case 'D': real = false; break;
      case 'U':
        warning(kTool, "'U' is not supported: archives are always written deterministically");
        break;
      case 'o': case 'f': case 'P': case 'l': break;  // accepted, no effect
      default:
        error(kTool, "invalid option -- '%c'", *k);
        return kExitUsage;
    }
  }
  if (!op) {
    if (!index_only_mod) {
      error(kTool, "no operation specified");
      return kExitUsage;
    }
    op = 's';
  }
  if (i >= argc) {
    error(kTool, "no archive specified");
    return kExitUsage;
  }
  std::string archive = argv[i++];
  std::vector<std::string> files(argv + i, argv + argc);

  Host host(false);
  CfreeCompiler* c = cfree_compiler_new(&host.env, cfree_target_host());
  if (!c) return kExitError;
  struct Free {
    CfreeCompiler* c;
    ~Free() { cfree_compiler_free(c); }
  } free_c{c};

  // Load the existing archive, if any.
  std::vector<Member> members;
  std::string bytes, err;
  struct stat ast;
  bool exists = ::stat(archive.c_str(), &ast) == 0;
  if (exists) {
    if (!read_file(archive, &bytes, &err)) {
      error(kTool, "%s: %s", archive.c_str(), err.c_str());
      return kExitError;
    }
    CfreeArchive* a = nullptr;
    if (cfree_archive_open(c, archive.c_str(), bytes.data(), bytes.size(), &a) != CFREE_OK)
      return kExitError;
    if (cfree_archive_is_thin(a)) {
      cfree_archive_free(a);
      error(kTool, "%s: thin archives are not supported", archive.c_str());
      return kExitError;
    }
    for (size_t k = 0; k < cfree_archive_member_count(a); k++) {
      CfreeArchiveMember m;
      cfree_archive_member(a, k, &m);
      members.push_back({m.name, std::string(static_cast<const char*>(m.data), m.size), m.mtime,
                         m.uid, m.gid, m.mode});
    }
    cfree_archive_free(a);
  } else if (op == 't' || op == 'x' || op == 'd' || op == 'p' || op == 's') {
    error(kTool, "%s: %s", archive.c_str(), std::strerror(errno));
    return kExitError;
  }

  auto find = [&](const std::string& name) -> int {
    for (size_t k = 0; k < members.size(); k++)
      if (members[k].name == name) return static_cast<int>(k);
    return -1;
  };
  auto selected = [&](const Member& m) {
    if (files.empty()) return true;
    for (const std::string& f : files)
      if (base_name(f) == m.name) return true;
    return false;
  };

  switch (op) {
    case 't':
      for (const Member& m : members) {
        if (!selected(m)) continue;
        if (verbose) {
          time_t t = static_cast<time_t>(m.mtime);
          char date[64];
          std::strftime(date, sizeof date, "%b %e %H:%M %Y", std::localtime(&t));
          std::printf("%s %u/%u %6zu %s %s\n", mode_string(m.mode).c_str(), m.uid, m.gid,
                      m.data.size(), date, m.name.c_str());
        } else {
          std::printf("%s\n", m.name.c_str());
        }
      }
      return kExitOk;
    case 'p':
      for (const Member& m : members) {
        if (!selected(m)) continue;
        if (verbose) std::printf("\n<%s>\n\n", m.name.c_str());
        std::fwrite(m.data.data(), 1, m.data.size(), stdout);
      }
      return kExitOk;
    case 'x': {
      int status = kExitOk;
      for (const std::string& f : files)
        if (find(base_name(f)) < 0) {
          error(kTool, "%s: not found in archive", f.c_str());
          status = kExitError;
        }
      for (const Member& m : members) {
        if (!selected(m)) continue;
        if (verbose) std::printf("x - %s\n", m.name.c_str());
        OutputFile out(m.name);
        if (!out.open(&err) || out.writer()->write(out.writer()->ctx, m.data.data(), m.data.size()) ||
            !out.commit(&err)) {
          error(kTool, "%s: %s", m.name.c_str(), err.empty() ? "write error" : err.c_str());
          status = kExitError;
          continue;
        }
        if (real) ::chmod(m.name.c_str(), m.mode & 07777);
      }
      return status;
    }
    case 'd': {
      for (const std::string& f : files) {
        int k = find(base_name(f));
        if (k < 0) continue;
        if (verbose) std::printf("d - %s\n", members[static_cast<size_t>(k)].name.c_str());
        members.erase(members.begin() + k);
      }
      return write_archive(c, archive, members, index) ? kExitOk : kExitError;
    }
    case 's':
      return write_archive(c, archive, members, true) ? kExitOk : kExitError;
    case 'r':
    case 'q': {
      if (!exists && !create_quiet) std::fprintf(stderr, "cfree ar: creating %s\n", archive.c_str());
      for (const std::string& f : files) {
        Member m;
        m.name = base_name(f);
        struct stat st;
        if (::stat(f.c_str(), &st) != 0 || !read_file(f, &m.data, &err)) {
          error(kTool, "%s: %s", f.c_str(), std::strerror(errno ? errno : ENOENT));
          return kExitError;
        }
        if (real) {
          m.mtime = st.st_mtime;
          m.uid = st.st_uid;
          m.gid = st.st_gid;
          m.mode = st.st_mode & 0777;
        }
        int k = op == 'r' ? find(m.name) : -1;
        if (k >= 0) {
          Member& old = members[static_cast<size_t>(k)];
          if (update && old.mtime >= static_cast<int64_t>(st.st_mtime) && old.mtime != 0) continue;
          if (verbose) std::printf("r - %s\n", m.name.c_str());
          old = std::move(m);
        } else {
          if (verbose) std::printf("a - %s\n", m.name.c_str());
          members.push_back(std::move(m));
        }
      }
      return write_archive(c, archive, members, index) ? kExitOk : kExitError;
    }
  }
  return kExitUsage;
}

}  // namespace driver
