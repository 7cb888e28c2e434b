#include "user/syscalls.h"

#include "user/host_signals.h"
#include "user/signal_delivery.h"
#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

// Syscalls Linux ends with -ERESTARTNOHAND or a restart block: interrupted
// by a handled signal they fail with EINTR even under SA_RESTART.
bool RestartsOnlyWithoutHandler(uint64_t nr) {
  return nr == kSysPpoll || nr == kSysPselect6 || nr == kSysNanosleep ||
         nr == kSysClockNanosleep || nr == kSysEpollPwait || nr == kSysRtSigtimedwait;
}

// A host call interrupted by a host signal (EINTR): Linux's -ERESTARTSYS
// rules decide whether the guest sees EINTR or the call is restarted (PC back
// on the SVC, X0 as it was) once the signal has been handled.
bool ShouldRestart(const UserProcess& p, uint64_t nr) {
  // rt_sigreturn "returns" the restored X0, which may well be -EINTR.
  if (nr == kSysRtSigsuspend || nr == kSysRtSigreturn) return false;
  const int sig = NextHandledSignal(p);
  if (sig == 0) return true;  // no handler runs: the interruption is invisible
  if (RestartsOnlyWithoutHandler(nr)) return false;
  return (p.sigactions[sig].flags & abi::kSaRestart) != 0;
}

}  // namespace

void DoSyscall(UserProcess& p) {
  const uint64_t nr = p.cpu.st.x[8];
  SyscallArgs a;
  for (int i = 0; i < 6; ++i) a.a[i] = p.cpu.st.x[i];
  int64_t r = -ENOSYS;
  const bool known = FileSyscall(p, nr, a, &r) || MemorySyscall(p, nr, a, &r) ||
                     TimeSyscall(p, nr, a, &r) || ProcessSyscall(p, nr, a, &r) ||
                     ExecSyscall(p, nr, a, &r) || SignalSyscall(p, nr, a, &r);
  if (!known) {
    const char* name = SyscallName(nr);
    p.WarnOnce("syscall-" + std::to_string(nr),
               "unsupported syscall " + std::to_string(nr) + " (" + (name ? name : "unknown") + ")");
    r = -ENOSYS;
  }
  if (p.exited) return;
  if (HostSignalsPending()) TakeHostSignalsInto(p);
  if (r == -EINTR && ShouldRestart(p, nr)) {
    p.cpu.st.x[0] = a[0];
    p.cpu.st.pc -= 4;
  } else {
    p.cpu.st.x[0] = static_cast<uint64_t>(r);
  }
  // Signals are acted on when the kernel would return to user mode.
  if (p.sigpending) DeliverSignals(p);
}

}  // namespace a64::user
