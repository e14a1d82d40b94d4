# lit configuration for cfree.  Suites live in test/<tool>/; each test file
# carries its own RUN and CHECK lines.
import os
import shutil
import subprocess
import lit.formats

config.name = "cfree"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".test", ".s", ".S", ".toy", ".ll"]
config.excludes = ["Inputs", "include-boundary.test.py", "CMakeLists.txt", "unit", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cfree_bin_dir, "test")

bindir = config.cfree_bin_dir
config.environment["PATH"] = os.pathsep.join(
    [bindir, os.path.dirname(config.filecheck), config.environment.get("PATH", os.environ.get("PATH", ""))])
# Diagnostics never carry colour in tests unless a test asks for it.
config.environment.pop("TERM", None)
config.environment["LC_ALL"] = "C"

# Longer names first: lit substitutes in order.
config.substitutions.append(("%cfree_build", config.cfree_bin_dir))
config.substitutions.append(("%cfree", os.path.join(bindir, "cfree")))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%srcroot", config.cfree_src_root))

# Oracles (never part of cfree's pipeline): tests that compare against them
# declare REQUIRES: gcc / gnu-objdump / qemu-aarch64 ...
for tool, feature in [("gcc", "gcc"), ("objdump", "gnu-objdump"), ("as", "gnu-as"),
                      ("ar", "gnu-ar"), ("ld", "gnu-ld"), ("qemu-aarch64", "qemu-aarch64"),
                      ("qemu-riscv64", "qemu-riscv64"),
                      ("aarch64-linux-gnu-gcc", "gcc-aarch64"),
                      ("riscv64-linux-gnu-gcc", "gcc-riscv64")]:
    if shutil.which(tool):
        config.available_features.add(feature)

# gdb as an oracle only where it can run a program here (ptrace may be
# refused in containers).
if shutil.which("gdb") and os.path.exists("/bin/true"):
    try:
        probe = subprocess.run(["gdb", "-nx", "-batch", "-ex", "run", "/bin/true"],
                               capture_output=True, text=True, timeout=60)
        if "exited normally" in probe.stdout:
            config.available_features.add("gdb")
    except (OSError, subprocess.SubprocessError):
        pass

# The differential corpus (../shared/corpus/fetch.sh), when it has been fetched.
corpus_dir = os.environ.get("CFREE_CORPUS", "/tmp/corpus")
if os.path.isdir(os.path.join(corpus_dir, "src")):
    config.available_features.add("corpus")
    config.substitutions.append(("%corpus", corpus_dir))

# The shared corpus scripts (torture.sh, programs.sh) beside the checkout, as
# on the development machine; CFREE_SHARED overrides.
shared_dir = os.environ.get("CFREE_SHARED",
                            os.path.join(config.cfree_src_root, "..", "shared"))
if not os.path.isdir(shared_dir):
    shared_dir = "/work/shared"
if "corpus" in config.available_features and \
        os.path.isfile(os.path.join(shared_dir, "corpus", "programs.sh")):
    config.available_features.add("corpus-scripts")
    config.substitutions.append(("%shared", os.path.abspath(shared_dir)))

# Csmith differential batch (test/csmith/): Debian csmith + libcsmith-dev.
if shutil.which("csmith") and os.path.isfile("/usr/include/csmith/csmith.h"):
    config.available_features.add("csmith")
