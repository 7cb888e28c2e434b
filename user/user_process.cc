#include "user/user_process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "frontend/disasm/disassembler.h"
#include "user/initial_stack.h"
#include "user/syscalls.h"

namespace a64::user {

namespace {

constexpr uint64_t kMaxElfSize = 1ull << 30;
constexpr uint64_t kRunChunk = 1ull << 24;  // instructions per Interpreter::Run call

bool ReadWholeFile(const std::string& path, std::vector<uint8_t>* out, std::string* error) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *error = "not a regular file";
    return false;
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxElfSize) {
    close(fd);
    *error = "file too large";
    return false;
  }
  out->resize(st.st_size);
  uint64_t got = 0;
  while (got < out->size()) {
    const ssize_t n = read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      *error = "read error";
      return false;
    }
    got += n;
  }
  close(fd);
  return true;
}

std::string Hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

UserProcess::UserProcess(UserOptions options)
    : clock(options.host_time), random(options.seed), options_(std::move(options)) {
  cpu.mem = &mem;
}

void UserProcess::WarnOnce(const std::string& key, const std::string& message) {
  if (!warned_.insert(key).second) return;
  std::fprintf(stderr, "a64sim: %s\n", message.c_str());
}

bool UserProcess::Load(std::string* error) {
  if (!mem.ok()) {
    *error = "cannot reserve the guest address space";
    return false;
  }
  std::vector<uint8_t> file;
  if (!ReadWholeFile(options_.elf_path, &file, error)) return false;
  ElfImage image;
  if (!ParseElf(file, &image, error) || !MapElf(file, image, mem, error)) return false;

  char resolved[PATH_MAX];
  exe_path = realpath(options_.elf_path.c_str(), resolved) ? resolved : options_.elf_path;
  brk_start = brk = image.end;

  const uint8_t stack_prot = kProtRead | kProtWrite | (image.exec_stack ? kProtExec : 0);
  if (!mem.Map(kStackTop - kStackSize, kStackSize, stack_prot | kAnonymous)) {
    *error = "cannot map the stack";
    return false;
  }
  InitialStackInput in;
  in.argv = options_.argv;
  in.envp = options_.envp;
  in.execfn = options_.elf_path;
  random.Fill(in.random.data(), in.random.size());
  in.uid = getuid();
  in.euid = geteuid();
  in.gid = getgid();
  in.egid = getegid();
  // Linux limits the strings to a quarter of the stack limit.
  const uint64_t sp = BuildInitialStack(mem, kStackTop, kStackSize / 4, image, in);
  if (sp == 0) {
    *error = "arguments and environment too large";
    return false;
  }
  cpu.st = CpuState{};
  cpu.st.sp = sp;
  cpu.st.pc = image.entry;

  for (unsigned i = 0; i < abi::kRlimNlimits; ++i) {
    rlimit h;
    if (getrlimit(static_cast<__rlimit_resource>(i), &h) == 0)
      rlimits[i] = abi::Rlimit{h.rlim_cur == RLIM_INFINITY ? abi::kRlimInfinity : h.rlim_cur,
                               h.rlim_max == RLIM_INFINITY ? abi::kRlimInfinity : h.rlim_max};
    else
      rlimits[i] = abi::Rlimit{abi::kRlimInfinity, abi::kRlimInfinity};
  }
  rlimits[abi::kRlimitStack].rlim_cur = kStackSize;  // the stack we mapped
  const std::string base = options_.elf_path.substr(options_.elf_path.rfind('/') + 1);
  std::strncpy(comm, base.c_str(), sizeof(comm) - 1);
  return true;
}

int UserProcess::HandleException() {
  const PendingException& e = cpu.exc;
  const uint64_t pc = cpu.st.pc;
  switch (e.ec) {
    case ExceptionClass::kSvc64:
      // Linux ignores the SVC immediate.
      DoSyscall(*this);
      return exited ? exit_status : -1;
    case ExceptionClass::kUnknown: {
      uint32_t word = 0;
      uint64_t fva;
      mem.Read(pc, &word, 4, AccessType::kFetch, &fva);
      std::fprintf(stderr, "a64sim: UNDEFINED instruction at PC %s: word 0x%08x (%s)\n",
                   Hex(pc).c_str(), word, Disassemble(word, pc).c_str());
      return kExitSigill;
    }
    case ExceptionClass::kDataAbortLower:
    case ExceptionClass::kDataAbortSame:
    case ExceptionClass::kInstAbortLower:
    case ExceptionClass::kInstAbortSame:
      if (e.fault == FaultKind::kAlignment) {
        std::fprintf(stderr, "a64sim: bus error (alignment) at %s (pc %s)\n", Hex(e.far).c_str(),
                     Hex(pc).c_str());
        return kExitSigbus;
      }
      std::fprintf(stderr, "a64sim: segmentation fault at %s (pc %s)\n", Hex(e.far).c_str(),
                   Hex(pc).c_str());
      return kExitSigsegv;
    case ExceptionClass::kPcAlignment:
    case ExceptionClass::kSpAlignment:
      std::fprintf(stderr, "a64sim: bus error (%s alignment) at pc %s\n",
                   e.ec == ExceptionClass::kPcAlignment ? "PC" : "SP", Hex(pc).c_str());
      return kExitSigbus;
    case ExceptionClass::kBrk64:
      std::fprintf(stderr, "a64sim: trace/breakpoint trap (BRK #0x%x) at pc %s\n", e.iss & 0xffff,
                   Hex(pc).c_str());
      return kExitSigtrap;
    case ExceptionClass::kFpException64:
      std::fprintf(stderr, "a64sim: floating-point exception at pc %s\n", Hex(pc).c_str());
      return kExitSigfpe;
    case ExceptionClass::kWfx:
      // Linux does not trap WFI/WFE at EL0: they complete (as hints here).
      cpu.st.pc += 4;
      return -1;
    default:
      std::fprintf(stderr, "a64sim: illegal instruction (exception class 0x%02x) at pc %s\n",
                   static_cast<unsigned>(e.ec), Hex(pc).c_str());
      return kExitSigill;
  }
}

int UserProcess::Run() {
  const auto start = std::chrono::steady_clock::now();
  int status = -1;
  while (status < 0) {
    uint64_t budget = kRunChunk;
    if (options_.max_insns) {
      const uint64_t left = options_.max_insns - std::min(options_.max_insns, interp.retired());
      if (left == 0) {
        std::fprintf(stderr, "a64sim: instruction limit %llu reached at pc %s\n",
                     static_cast<unsigned long long>(options_.max_insns), Hex(cpu.st.pc).c_str());
        status = kExitInsnLimit;
        break;
      }
      budget = std::min(budget, left);
    }
    if (interp.Run(cpu, budget) == StopReason::kException) status = HandleException();
  }
  if (options_.stats) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double n = static_cast<double>(interp.retired());
    std::fprintf(stderr, "a64sim: %llu instructions retired in %.3f s (%.2f MIPS)\n",
                 static_cast<unsigned long long>(interp.retired()), secs,
                 secs > 0 ? n / secs / 1e6 : 0.0);
  }
  return status;
}

}  // namespace a64::user
