#include "user/user_process.h"

#include <fcntl.h>
#include <signal.h>
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
#include "user/host_signals.h"
#include "user/initial_stack.h"
#include "user/linux_el1_state.h"
#include "user/signal_delivery.h"
#include "user/syscalls.h"

namespace a64::user {

namespace {

constexpr uint64_t kMaxElfSize = 1ull << 30;
// Instructions per Interpreter::Run call: also the latency of asynchronous
// (host) signals.
constexpr uint64_t kRunChunk = 1ull << 20;

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
    : engine(mem, options.engine),
      clock(options.host_time),
      random(options.seed),
      options_(std::move(options)) {
  cpu.mem = &mem;
}

void UserProcess::WarnOnce(const std::string& key, const std::string& message) {
  if (!warned_.insert(key).second) return;
  std::fprintf(stderr, "a64sim: %s\n", message.c_str());
}

bool UserProcess::ReadProgram(const std::string& path, std::vector<uint8_t>* file,
                              ElfImage* image, std::string* error) {
  return ReadWholeFile(path, file, error) && ParseElf(*file, image, error);
}

bool UserProcess::Load(std::string* error) {
  if (!mem.ok()) {
    *error = "cannot reserve the guest address space";
    return false;
  }
  std::vector<uint8_t> file;
  ElfImage image;
  if (!ReadProgram(options_.elf_path, &file, &image, error)) return false;
  for (unsigned i = 0; i < abi::kRlimNlimits; ++i) {
    rlimit h;
    if (getrlimit(static_cast<__rlimit_resource>(i), &h) == 0)
      rlimits[i] = abi::Rlimit{h.rlim_cur == RLIM_INFINITY ? abi::kRlimInfinity : h.rlim_cur,
                               h.rlim_max == RLIM_INFINITY ? abi::kRlimInfinity : h.rlim_max};
    else
      rlimits[i] = abi::Rlimit{abi::kRlimInfinity, abi::kRlimInfinity};
  }
  rlimits[abi::kRlimitStack].rlim_cur = kStackSize;  // the stack we mapped
  // Dispositions inherited from the host (a parent that ignores SIGINT...).
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig); ++sig) {
    struct sigaction h;
    if (sig != SIGPIPE && sigaction(sig, nullptr, &h) == 0 && h.sa_handler == SIG_IGN)
      sigactions[sig].handler = abi::kSigIgn;
  }
  return StartImage(file, image, options_.elf_path, options_.argv, options_.envp, error);
}

bool UserProcess::StartImage(const std::vector<uint8_t>& file, const ElfImage& image,
                             const std::string& path, const std::vector<std::string>& argv,
                             const std::vector<std::string>& envp, std::string* error) {
  if (!MapElf(file, image, mem, error)) return false;
  char resolved[PATH_MAX];
  exe_path = realpath(path.c_str(), resolved) ? resolved : path;
  brk_start = brk = image.end;

  const uint8_t stack_prot = kProtRead | kProtWrite | (image.exec_stack ? kProtExec : 0);
  if (!mem.Map(kStackTop - kStackSize, kStackSize, stack_prot | kAnonymous)) {
    *error = "cannot map the stack";
    return false;
  }
  InitialStackInput in;
  in.argv = argv;
  in.envp = envp;
  in.execfn = path;
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
  SetLinuxUserEl1State(cpu.st);
  cpu.st.sp = sp;
  cpu.st.pc = image.entry;
  const std::string base = path.substr(path.rfind('/') + 1);
  std::memset(comm, 0, sizeof(comm));
  std::strncpy(comm, base.c_str(), sizeof(comm) - 1);
  return true;
}

int UserProcess::HandleFault() {
  const PendingException& e = cpu.exc;
  const uint64_t pc = cpu.st.pc;
  abi::Siginfo info{};
  uint64_t fault_address = 0;
  switch (e.ec) {
    case ExceptionClass::kUnknown:
      info.si_signo = SIGILL;
      info.si_code = abi::kIllIllopc;
      info.u.fault.addr = pc;
      break;
    case ExceptionClass::kDataAbortLower:
    case ExceptionClass::kDataAbortSame:
    case ExceptionClass::kInstAbortLower:
    case ExceptionClass::kInstAbortSame:
      fault_address = e.far;
      info.u.fault.addr = e.far;
      if (e.fault == FaultKind::kAlignment) {
        info.si_signo = SIGBUS;
        info.si_code = abi::kBusAdraln;
      } else {
        info.si_signo = SIGSEGV;
        info.si_code = e.fault == FaultKind::kPermission ? abi::kSegvAccerr : abi::kSegvMaperr;
      }
      break;
    case ExceptionClass::kPcAlignment:
    case ExceptionClass::kSpAlignment:
      info.si_signo = SIGBUS;
      info.si_code = abi::kBusAdraln;
      info.u.fault.addr = e.ec == ExceptionClass::kPcAlignment ? pc : cpu.st.sp;
      fault_address = info.u.fault.addr;
      break;
    case ExceptionClass::kBrk64:
      info.si_signo = SIGTRAP;
      info.si_code = abi::kTrapBrkpt;
      info.u.fault.addr = pc;
      break;
    case ExceptionClass::kFpException64:
      info.si_signo = SIGFPE;
      info.si_code = abi::kFpeFltinv;
      info.u.fault.addr = pc;
      break;
    default:
      info.si_signo = SIGILL;
      info.si_code = abi::kIllIllopc;
      info.u.fault.addr = pc;
      break;
  }
  if (DeliverFault(*this, info, fault_address)) return -1;
  // The process dies of the signal: say why on stderr.
  switch (e.ec) {
    case ExceptionClass::kUnknown: {
      uint32_t word = 0;
      MemFault fault;
      mem.Read(pc, &word, 4, AccessType::kFetch, &fault);
      std::fprintf(stderr, "a64sim: UNDEFINED instruction at PC %s: word 0x%08x (%s)\n",
                   Hex(pc).c_str(), word, Disassemble(word, pc).c_str());
      break;
    }
    case ExceptionClass::kDataAbortLower:
    case ExceptionClass::kDataAbortSame:
    case ExceptionClass::kInstAbortLower:
    case ExceptionClass::kInstAbortSame:
      if (e.fault == FaultKind::kAlignment)
        std::fprintf(stderr, "a64sim: bus error (alignment) at %s (pc %s)\n", Hex(e.far).c_str(),
                     Hex(pc).c_str());
      else
        std::fprintf(stderr, "a64sim: segmentation fault at %s (pc %s)\n", Hex(e.far).c_str(),
                     Hex(pc).c_str());
      break;
    case ExceptionClass::kPcAlignment:
    case ExceptionClass::kSpAlignment:
      std::fprintf(stderr, "a64sim: bus error (%s alignment) at pc %s\n",
                   e.ec == ExceptionClass::kPcAlignment ? "PC" : "SP", Hex(pc).c_str());
      break;
    case ExceptionClass::kBrk64:
      std::fprintf(stderr, "a64sim: trace/breakpoint trap (BRK #0x%x) at pc %s\n", e.iss & 0xffff,
                   Hex(pc).c_str());
      break;
    case ExceptionClass::kFpException64:
      std::fprintf(stderr, "a64sim: floating-point exception at pc %s\n", Hex(pc).c_str());
      break;
    default:
      std::fprintf(stderr, "a64sim: illegal instruction (exception class 0x%02x) at pc %s\n",
                   static_cast<unsigned>(e.ec), Hex(pc).c_str());
      break;
  }
  return exit_status;
}

int UserProcess::HandleException() {
  switch (cpu.exc.ec) {
    case ExceptionClass::kSvc64:
      // Linux ignores the SVC immediate.
      DoSyscall(*this);
      return exited ? exit_status : -1;
    case ExceptionClass::kWfx:
      // Linux does not trap WFI/WFE at EL0: they complete (as hints here).
      cpu.st.pc += 4;
      return -1;
    default:
      return HandleFault();
  }
}

int UserProcess::Run() {
  const auto start = std::chrono::steady_clock::now();
  int status = -1;
  while (status < 0) {
    uint64_t budget = kRunChunk;
    if (options_.max_insns) {
      const uint64_t left = options_.max_insns - std::min(options_.max_insns, cpu.icount);
      if (left == 0) {
        std::fprintf(stderr, "a64sim: instruction limit %llu reached at pc %s\n",
                     static_cast<unsigned long long>(options_.max_insns), Hex(cpu.st.pc).c_str());
        status = kExitInsnLimit;
        break;
      }
      budget = std::min(budget, left);
    }
    const StopReason stop = engine.Run(cpu, budget);
    if (stop == StopReason::kException) status = HandleException();
    if (stop == StopReason::kVerifyFailed) status = kExitVerifyFailed;
    if (status < 0 && HostSignalsPending()) {
      // Asynchronous signals from the host, taken at a chunk boundary.
      TakeHostSignalsInto(*this);
      DeliverSignals(*this);
      if (exited) status = exit_status;
    }
  }
  if (options_.stats) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double n = static_cast<double>(cpu.icount);
    std::fprintf(stderr, "a64sim: %llu instructions retired in %.3f s (%.2f MIPS)\n",
                 static_cast<unsigned long long>(cpu.icount), secs,
                 secs > 0 ? n / secs / 1e6 : 0.0);
    if (engine.blocks()) jit::PrintStats(engine.blocks()->stats());
  }
  // A guest that dies of a signal makes the host process die of it, so that
  // a parent's wait sees WIFSIGNALED (a shell still reports 128 + signal).
  if (term_signal != 0 && status == exit_status) DieBySignal(term_signal);
  return status;
}

}  // namespace a64::user
