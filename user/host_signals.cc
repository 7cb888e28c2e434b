#include "user/host_signals.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>

#include "user/linux_abi.h"

namespace a64::user {

namespace {

// The one process-wide mutable object of user mode (see the header).
std::atomic<uint64_t> g_recorded{0};
static_assert(std::atomic<uint64_t>::is_always_lock_free,
              "the host signal handler needs a lock-free word");

void RecordSignal(int sig) {
  g_recorded.fetch_or(uint64_t{1} << (sig - 1), std::memory_order_relaxed);
}

bool SimulatorOwned(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP ||
         sig == SIGPIPE || sig == SIGKILL || sig == SIGSTOP || sig == 32 || sig == 33;
}

}  // namespace

void SyncHostDisposition(int sig, uint64_t guest_handler) {
  if (sig < 1 || sig > 64 || SimulatorOwned(sig)) return;
  struct sigaction sa {};
  sigfillset(&sa.sa_mask);
  if (guest_handler == abi::kSigDfl) {
    sa.sa_handler = SIG_DFL;
  } else if (guest_handler == abi::kSigIgn) {
    sa.sa_handler = SIG_IGN;
  } else {
    // No SA_RESTART: a blocking host call returns EINTR, and the syscall
    // layer restarts it or not as the guest's SA_RESTART says.
    sa.sa_handler = RecordSignal;
  }
  sigaction(sig, &sa, nullptr);
}

void PrepareHostExec(const uint64_t guest_handlers[65], uint64_t guest_mask) {
  sigset_t mask;
  sigemptyset(&mask);
  for (int sig = 1; sig <= 64; ++sig) {
    if (sig == SIGKILL || sig == SIGSTOP || sig == 32 || sig == 33) continue;
    struct sigaction sa {};
    sa.sa_handler = guest_handlers[sig] == abi::kSigIgn ? SIG_IGN : SIG_DFL;
    sigaction(sig, &sa, nullptr);
    if (guest_mask & (uint64_t{1} << (sig - 1))) sigaddset(&mask, sig);
  }
  sigprocmask(SIG_SETMASK, &mask, nullptr);
}

uint64_t TakeHostSignals() { return g_recorded.exchange(0, std::memory_order_relaxed); }

bool HostSignalsPending() { return g_recorded.load(std::memory_order_relaxed) != 0; }

void ClearHostSignals() { g_recorded.store(0, std::memory_order_relaxed); }

void DieBySignal(int sig) {
  std::fflush(nullptr);
  prctl(PR_SET_DUMPABLE, 0);  // no core file of the simulator
  struct sigaction sa {};
  sa.sa_handler = SIG_DFL;
  sigaction(sig, &sa, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
  _exit(128 + sig);
}

}  // namespace a64::user
