// One user-mode guest process: its address space, its CPU, the interpreter
// that runs it, and the kernel-side state the emulated syscalls keep. Nothing
// here is global, so several processes may live in one host process (their
// file descriptors, cwd and umask are the host process's, though: see
// user/README.md).
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "frontend/semantics/cpu.h"
#include "jit/user_engine.h"
#include "user/elf_loader.h"
#include "user/guest_clock.h"
#include "user/linux_abi.h"
#include "user/random_stream.h"
#include "user/user_memory.h"

namespace a64::user {

// Exit statuses the runtime itself produces (the guest's own exit status
// otherwise propagates): 128 + the signal Linux would deliver, as a shell
// reports it.
constexpr int kExitLoadError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInsnLimit = 124;   // --max-insns reached (as timeout(1))
constexpr int kExitVerifyFailed = 123;  // --verify-jit found a difference
constexpr int kExitDeadlock = 125;    // a wait nothing can end (FUTEX_WAIT, no timeout)
constexpr int kExitSigill = 132;      // UNDEFINED instruction
constexpr int kExitSigtrap = 133;     // BRK
constexpr int kExitSigbus = 135;      // alignment faults
constexpr int kExitSigfpe = 136;
constexpr int kExitSigsegv = 139;     // data or instruction abort

// SIGKILL and SIGSTOP can be neither blocked, caught nor ignored.
constexpr uint64_t kUnblockableSignals = (uint64_t{1} << (9 - 1)) | (uint64_t{1} << (19 - 1));

struct UserOptions {
  std::string elf_path;
  std::vector<std::string> argv;  // the guest's argv; argv[0] is the path as given
  std::vector<std::string> envp;
  uint64_t max_insns = 0;  // 0: no limit
  uint64_t seed = 0;
  bool host_time = false;
  bool stats = false;
  EngineOptions engine;
};

// Guest layout (39-bit address space).
constexpr uint64_t kStackTop = kGuestVaLimit - kPageSize;  // one guard page above
constexpr uint64_t kStackSize = 8ull << 20;                 // RLIMIT_STACK default
constexpr uint64_t kMmapTop = kStackTop - kStackSize - (1ull << 30);  // gap below stack
constexpr uint64_t kMmapBottom = 0x1'0000'0000;             // mmap(NULL) stays above 4 GiB

class UserProcess {
 public:
  explicit UserProcess(UserOptions options);

  // Reads and maps the ELF, builds the stack. False with a one-line reason.
  bool Load(std::string* error);
  // Reads and validates a static AArch64 ELF (nothing changes). False with a
  // one-line reason.
  static bool ReadProgram(const std::string& path, std::vector<uint8_t>* file, ElfImage* image,
                          std::string* error);
  // Maps a validated image into the (empty) address space and builds the
  // initial stack and CPU state. `path` is the path as given (AT_EXECFN).
  bool StartImage(const std::vector<uint8_t>& file, const ElfImage& image, const std::string& path,
                  const std::vector<std::string>& argv, const std::vector<std::string>& envp,
                  std::string* error);
  // Runs to completion; returns the exit status.
  int Run();

  // ---- State the syscall emulation uses ----
  const UserOptions& options() const { return options_; }
  UserMemory mem;
  Cpu cpu;
  UserEngine engine;
  GuestClock clock;
  RandomStream random;

  uint64_t brk_start = 0;  // initial program break (page-aligned end of the image)
  uint64_t brk = 0;        // current program break
  std::string exe_path;    // absolute path of the ELF (for /proc/self/exe)
  std::array<abi::Sigaction, abi::kNsig + 1> sigactions{};
  uint64_t sigmask = 0;     // bit n-1: signal n blocked
  uint64_t sigpending = 0;  // generated, not yet delivered
  std::array<abi::Siginfo, abi::kNsig + 1> siginfo{};  // of each pending signal
  uint64_t saved_sigmask = 0;      // rt_sigsuspend: the mask to restore
  bool has_saved_sigmask = false;  //   after the signal is handled
  uint64_t sigtramp = 0;    // the rt_sigreturn trampoline page (0: not mapped yet)
  abi::Stack sigaltstack{0, abi::kSsDisable, 0, 0};
  std::array<abi::Rlimit, abi::kRlimNlimits> rlimits{};
  char comm[abi::kTaskCommLen] = {};  // PR_SET_NAME
  uint64_t clear_child_tid = 0;       // set_tid_address
  // A child made by clone(CLONE_VFORK) holds the write end of a pipe its
  // parent reads until EOF: closed at execve or exit (see syscalls_exec.cc).
  int vfork_fd = -1;

  bool exited = false;
  int exit_status = 0;
  int term_signal = 0;  // the signal the process died of (0: it exited)
  void Exit(int status) {
    exited = true;
    exit_status = status;
  }
  void KillBySignal(int sig) {
    Exit(128 + sig);
    term_signal = sig;
  }
  // Prints "a64sim: MESSAGE" to stderr only the first time `key` is seen.
  void WarnOnce(const std::string& key, const std::string& message);

 private:
  int HandleException();  // -1: continue running; else the exit status
  int HandleFault();      // a fault: signal handler or death
  UserOptions options_;
  std::set<std::string> warned_;
};

}  // namespace a64::user
