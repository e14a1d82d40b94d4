// driver.h: shared declarations of the multi-call driver.
//
// The driver owns command-line policy and host I/O: it turns flags into
// public API options, supplies the CfreeEnv vtables (heap, diagnostics to
// stderr, files, executable memory), and resolves paths into byte buffers and
// writers.  It sees only include/.
#pragma once

#include <cfree.h>

#include <string>
#include <vector>

namespace driver {

// Exit statuses shared by every tool.
enum Exit { kExitOk = 0, kExitError = 1, kExitUsage = 2, kExitNotBuilt = 3 };

struct ToolInfo {
  const char* name;
  const char* summary;
  int (*main)(int argc, char** argv);  // argv[0] is the tool name ("cc")
};

const ToolInfo* tools(size_t* count);

// A host environment for the command-line tools.
struct Host {
  explicit Host(bool color);
  CfreeEnv env{};
  bool color;
};

// Colour decision for -fcolor-diagnostics / -fno-color-diagnostics / auto.
bool stderr_is_color_terminal();

// Read a whole file; returns false and fills err (strerror text) on failure.
bool read_file(const std::string& path, std::string* out, std::string* err);

// A whole file mapped read-only (no copy), NUL-terminated, released on
// destruction.  open() returns false and fills err (strerror text) on failure.
class FileData {
 public:
  FileData() = default;
  FileData(const FileData&) = delete;
  FileData& operator=(const FileData&) = delete;
  ~FileData();
  bool open(const std::string& path, std::string* err);
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// An output file written to a temporary beside the destination and renamed
// into place on commit(), so a failed tool never leaves a partial file.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();  // discards unless committed
  bool open(std::string* err);
  CfreeWriter* writer() { return &writer_; }
  bool commit(std::string* err);
  void discard();
  bool is_stdout() const { return path_ == "-"; }

 private:
  static int write_cb(void* ctx, const void* data, size_t size);
  std::string path_, tmp_;
  void* fp_ = nullptr;
  bool failed_ = false;
  bool direct_ = false;  // writing a non-regular file in place (e.g. /dev/null)
  CfreeWriter writer_{};
};

// "cfree <tool>: error: ..." on stderr (for driver-level errors that have no
// source location).
void error(const char* tool, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void warning(const char* tool, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

// A tool that exists in the command set but has no implementation yet.
int not_built(const char* tool);

int cc_main(int argc, char** argv);
int objdump_main(int argc, char** argv);
int as_main(int argc, char** argv);
int ld_main(int argc, char** argv);
// Link with GNU ld arguments (what `cfree cc` passes, as gcc does to collect2).
int ld_run(const std::vector<std::string>& args);
// The system library directories for a target triple that exist here.
std::vector<std::string> system_lib_dirs(const char* triple);
int ar_main(int argc, char** argv);
int run_main(int argc, char** argv);

}  // namespace driver
