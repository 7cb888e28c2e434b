#include "jit/fault_recovery.h"

#include <signal.h>
#include <ucontext.h>

#include <cstdio>
#include <cstdlib>

namespace a64::jit {
namespace {

thread_local const FaultRecovery* current = nullptr;
struct sigaction previous;  // the disposition before ours

void OnSegv(int sig, siginfo_t* info, void* context) {
  auto* uc = static_cast<ucontext_t*>(context);
  uintptr_t resume;
  if (const FaultRecovery* r = current;
      r && r->Recover(static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RIP]), &resume)) {
    uc->uc_mcontext.gregs[REG_RIP] = static_cast<greg_t>(resume);
    return;
  }
  // Not generated code's fault: what would have happened without us.
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(sig, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  } else {
    signal(sig, SIG_DFL);  // returning re-runs the instruction: the default action
  }
}

void InstallOnce() {
  static const bool installed = [] {
    struct sigaction sa = {};
    sa.sa_sigaction = &OnSegv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, &previous) != 0) {
      std::perror("a64sim: sigaction(SIGSEGV)");
      std::abort();
    }
    return true;
  }();
  (void)installed;
}

}  // namespace

FaultRecoveryScope::FaultRecoveryScope(const FaultRecovery* recovery) : saved_(current) {
  InstallOnce();
  current = recovery;
}

FaultRecoveryScope::~FaultRecoveryScope() { current = saved_; }

}  // namespace a64::jit
