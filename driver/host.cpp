// host.cpp: the command-line tools' CfreeEnv and file helpers.
//
// Diagnostics go to stderr as libcfree renders them; files are read whole;
// executable memory comes from mmap/mprotect and is never writable and
// executable at once; output files are written beside their destination and
// renamed into place only on success.
#include "driver.h"

#include <cerrno>
#include <cstddef>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace driver {

namespace {

void* heap_alloc(void*, size_t size, size_t align) {
  if (align <= alignof(std::max_align_t)) return std::malloc(size ? size : 1);
  size_t s = (size + align - 1) / align * align;
  return std::aligned_alloc(align, s ? s : align);
}
void heap_free(void*, void* p, size_t) { std::free(p); }

void diag_report(void*, const CfreeDiagnostic* d) {
  std::fputs(d->rendered, stderr);
}

// Files are mapped, not copied: a regular file whose size is not a multiple of
// the page size is mapped read-only and the zero fill after its end gives the
// trailing NUL the lexers rely on; anything else (pipes, page-multiple sizes,
// empty files) is read into an anonymous mapping of size+1 bytes.  Either
// way the release is one munmap of the rounded size.
size_t page_size() {
  long p = ::sysconf(_SC_PAGESIZE);
  return p > 0 ? static_cast<size_t>(p) : 4096;
}

size_t mapped_size(size_t n) {
  size_t pg = page_size();
  return (n + 1 + pg - 1) / pg * pg;
}

int file_read_all(void*, const char* path, const char** data, size_t* size) {
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno ? errno : EIO;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return e;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return EISDIR;
  }
  size_t pg = page_size();
  if (S_ISREG(st.st_mode) && st.st_size > 0 && static_cast<size_t>(st.st_size) % pg != 0) {
    size_t n = static_cast<size_t>(st.st_size);
    void* m = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      ::close(fd);
      *data = static_cast<const char*>(m);
      *size = n;
      return 0;
    }
  }
  size_t cap = mapped_size(S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 65536);
  auto anon = [](size_t bytes) -> char* {
    void* m = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return m == MAP_FAILED ? nullptr : static_cast<char*>(m);
  };
  char* buf = anon(cap);
  if (!buf) {
    ::close(fd);
    return ENOMEM;
  }
  size_t n = 0;
  for (;;) {
    if (n + 1 >= cap) {
      char* nb = anon(cap * 2);
      if (!nb) {
        ::munmap(buf, cap);
        ::close(fd);
        return ENOMEM;
      }
      std::memcpy(nb, buf, n);
      ::munmap(buf, cap);
      buf = nb;
      cap *= 2;
    }
    ssize_t r = ::read(fd, buf + n, cap - 1 - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::munmap(buf, cap);
      ::close(fd);
      return e;
    }
    if (r == 0) break;
    n += static_cast<size_t>(r);
  }
  ::close(fd);
  // Give back the unused tail so that release can compute the size from n.
  size_t keep = mapped_size(n);
  if (keep < cap) ::munmap(buf + keep, cap - keep);
  buf[n] = 0;
  *data = buf;
  *size = n;
  return 0;
}

void file_release(void*, const char* data, size_t size) {
  if (data) ::munmap(const_cast<char*>(data), mapped_size(size));
}

int file_exists(void*, const char* path) {
  struct stat st;
  return ::stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void* mem_map(void*, size_t size) {
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

int mem_protect(void*, void* addr, size_t size, CfreeProt prot) {
  int p = prot == CFREE_PROT_RW ? PROT_READ | PROT_WRITE
          : prot == CFREE_PROT_RX ? PROT_READ | PROT_EXEC
                                  : PROT_READ;
  return ::mprotect(addr, size, p) == 0 ? 0 : errno;
}

void mem_unmap(void*, void* addr, size_t size) { ::munmap(addr, size); }

int64_t now(void*) {
  // SOURCE_DATE_EPOCH makes __DATE__/__TIME__ reproducible, as in GCC.
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end;
    long long v = std::strtoll(s, &end, 10);
    if (*s && !*end) return v;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace

Host::Host(bool c) : color(c) {
  env.heap = {nullptr, heap_alloc, heap_free};
  env.diag = {nullptr, diag_report};
  env.file_io = {nullptr, file_read_all, file_release, file_exists};
  env.exec_mem = {nullptr, mem_map, mem_protect, mem_unmap};
  env.now = now;
  env.now_ctx = nullptr;
}

bool stderr_is_color_terminal() {
  if (!isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return term && std::strcmp(term, "dumb") != 0;
}

bool read_file(const std::string& path, std::string* out, std::string* err) {
  FileData f;
  if (!f.open(path, err)) return false;
  out->assign(f.data(), f.size());
  return true;
}

FileData::~FileData() { file_release(nullptr, data_, size_); }

bool FileData::open(const std::string& path, std::string* err) {
  file_release(nullptr, data_, size_);
  data_ = nullptr;
  size_ = 0;
  if (int e = file_read_all(nullptr, path.c_str(), &data_, &size_)) {
    data_ = nullptr;
    size_ = 0;
    *err = std::strerror(e);
    return false;
  }
  return true;
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {}

OutputFile::~OutputFile() { discard(); }

int OutputFile::write_cb(void* ctx, const void* data, size_t size) {
  OutputFile* f = static_cast<OutputFile*>(ctx);
  if (!f->fp_ || f->failed_) return EIO;
  if (size && std::fwrite(data, 1, size, static_cast<FILE*>(f->fp_)) != size) {
    f->failed_ = true;
    return errno ? errno : EIO;
  }
  return 0;
}

bool OutputFile::open(std::string* err) {
  writer_ = {this, write_cb};
  if (is_stdout()) {
    fp_ = stdout;
    return true;
  }
  // A path that exists and is not a regular file (/dev/null, a FIFO, a
  // terminal) is written directly: renaming a temporary over it would
  // replace the device node.
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    fp_ = std::fopen(path_.c_str(), "wb");
    if (!fp_) {
      *err = std::strerror(errno);
      return false;
    }
    direct_ = true;
    return true;
  }
  std::string tmpl = path_ + ".tmpXXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back(0);
  int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  tmp_ = buf.data();
  fp_ = ::fdopen(fd, "wb");
  if (!fp_) {
    *err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp_.c_str());
    tmp_.clear();
    return false;
  }
  return true;
}

bool OutputFile::commit(std::string* err) {
  if (!fp_) {
    *err = "output file is not open";
    return false;
  }
  if (is_stdout()) {
    bool ok = std::fflush(stdout) == 0 && !failed_;
    fp_ = nullptr;
    if (!ok) *err = std::strerror(errno ? errno : EIO);
    return ok;
  }
  FILE* fp = static_cast<FILE*>(fp_);
  fp_ = nullptr;
  if (direct_) {
    bool dok = !failed_ && std::fclose(fp) == 0;
    if (!dok) *err = std::strerror(errno ? errno : EIO);
    return dok;
  }
  bool ok = !failed_ && std::fflush(fp) == 0;
  // New files get the usual mode (0666 & ~umask), as with fopen; mkstemp
  // created it 0600.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(::fileno(fp), 0666 & ~mask);
  if (std::fclose(fp) != 0) ok = false;
  if (!ok) {
    *err = std::strerror(errno ? errno : EIO);
    ::unlink(tmp_.c_str());
    tmp_.clear();
    return false;
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    *err = std::strerror(errno);
    ::unlink(tmp_.c_str());
    tmp_.clear();
    return false;
  }
  tmp_.clear();
  return true;
}

void OutputFile::discard() {
  if (fp_ && !is_stdout()) std::fclose(static_cast<FILE*>(fp_));
  fp_ = nullptr;
  if (!tmp_.empty()) {
    ::unlink(tmp_.c_str());
    tmp_.clear();
  }
}

static void vmsg(const char* tool, const char* kind, const char* fmt, va_list ap) {
  std::fprintf(stderr, "cfree %s: %s: ", tool, kind);
  std::vfprintf(stderr, fmt, ap);
  std::fputc('\n', stderr);
}

void error(const char* tool, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(tool, "error", fmt, ap);
  va_end(ap);
}

void warning(const char* tool, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(tool, "warning", fmt, ap);
  va_end(ap);
}

}  // namespace driver
