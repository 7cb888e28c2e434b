// Signal system calls. Dispositions, the mask and the alternate stack are
// recorded; there is no asynchronous delivery and no signal frame: a signal
// the process sends itself is ignored, left pending while blocked, or ends
// the process with status 128 + signal (as a shell reports a signal death).
#include <unistd.h>

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

constexpr int kSigKill = 9;
constexpr int kSigStop = 19;
constexpr uint64_t kUnblockable = (uint64_t{1} << (kSigKill - 1)) | (uint64_t{1} << (kSigStop - 1));

bool DefaultIgnored(int sig) {
  return sig == 17 /*SIGCHLD*/ || sig == 18 /*SIGCONT*/ || sig == 23 /*SIGURG*/ ||
         sig == 28 /*SIGWINCH*/;
}
bool DefaultStops(int sig) { return sig >= 19 && sig <= 22; }  // STOP, TSTP, TTIN, TTOU

void DeliverPending(UserProcess& p) {
  uint64_t ready = p.sigpending & ~p.sigmask;
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig) && ready && !p.exited; ++sig) {
    const uint64_t bit = uint64_t{1} << (sig - 1);
    if (!(ready & bit)) continue;
    p.sigpending &= ~bit;
    ready &= ~bit;
    RaiseSignal(p, sig);
  }
}

bool IsSelf(int64_t pid) { return pid == 0 || pid == getpid(); }

}  // namespace

void RaiseSignal(UserProcess& p, int sig) {
  const uint64_t bit = uint64_t{1} << (sig - 1);
  const uint64_t handler = p.sigactions[sig].handler;
  const bool catchable = !(bit & kUnblockable);
  if (catchable && handler == abi::kSigIgn) return;
  if (catchable && (p.sigmask & bit)) {
    p.sigpending |= bit;
    return;
  }
  if (!catchable || handler == abi::kSigDfl) {
    if (DefaultIgnored(sig)) return;
    if (DefaultStops(sig)) {
      p.WarnOnce("stop-signal", "stop signals are ignored (no job control)");
      return;
    }
    p.Exit(128 + sig);
    return;
  }
  p.WarnOnce("sig-handler", "signal " + std::to_string(sig) +
                                " has a guest handler, but signal delivery is not implemented; "
                                "terminating");
  p.Exit(128 + sig);
}

bool SignalSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  switch (nr) {
    case kSysRtSigaction: {
      const int sig = a.Int(0);
      if (a[3] != 8) return r = -EINVAL, true;
      if (sig < 1 || sig > static_cast<int>(abi::kNsig)) return r = -EINVAL, true;
      abi::Sigaction act;
      if (a[1]) {
        if (sig == kSigKill || sig == kSigStop) return r = -EINVAL, true;
        if (!GetGuest(p, a[1], &act)) return r = -EFAULT, true;
      }
      if (a[2] && !PutGuest(p, a[2], p.sigactions[sig])) return r = -EFAULT, true;
      if (a[1]) {
        act.mask &= ~kUnblockable;
        p.sigactions[sig] = act;
        // Setting SIG_IGN discards a pending instance (POSIX).
        if (act.handler == abi::kSigIgn) p.sigpending &= ~(uint64_t{1} << (sig - 1));
      }
      r = 0;
      return true;
    }
    case kSysRtSigprocmask: {
      if (a[3] != 8) return r = -EINVAL, true;
      const int how = a.Int(0);
      uint64_t set = 0;
      if (a[1]) {
        if (how < 0 || how > 2) return r = -EINVAL, true;
        if (!GetGuest(p, a[1], &set)) return r = -EFAULT, true;
      }
      if (a[2] && !PutGuest(p, a[2], p.sigmask)) return r = -EFAULT, true;
      if (a[1]) {
        if (how == 0) p.sigmask |= set;        // SIG_BLOCK
        if (how == 1) p.sigmask &= ~set;       // SIG_UNBLOCK
        if (how == 2) p.sigmask = set;         // SIG_SETMASK
        p.sigmask &= ~kUnblockable;
        DeliverPending(p);
      }
      r = 0;
      return true;
    }
    case kSysRtSigpending:
      if (a[1] != 8) return r = -EINVAL, true;
      r = PutGuest(p, a[0], p.sigpending & p.sigmask) ? 0 : -EFAULT;
      return true;
    case kSysSigaltstack: {
      abi::Stack ss;
      if (a[0] && !GetGuest(p, a[0], &ss)) return r = -EFAULT, true;
      if (a[1] && !PutGuest(p, a[1], p.sigaltstack)) return r = -EFAULT, true;
      if (a[0]) {
        if (ss.ss_flags & ~abi::kSsDisable) return r = -EINVAL, true;
        if (!(ss.ss_flags & abi::kSsDisable) && ss.ss_size < abi::kMinSigstksz)
          return r = -ENOMEM, true;
        p.sigaltstack = ss;
      }
      r = 0;
      return true;
    }
    case kSysKill:
    case kSysTkill:
    case kSysTgkill: {
      int64_t target;
      int sig;
      if (nr == kSysTgkill) {
        if (static_cast<int>(a[0]) != getpid()) return r = -ESRCH, true;
        target = static_cast<int>(a[1]);
        sig = a.Int(2);
      } else {
        target = static_cast<int>(a[0]);
        sig = a.Int(1);
      }
      if (sig < 0 || sig > static_cast<int>(abi::kNsig)) return r = -EINVAL, true;
      if (nr == kSysKill ? !IsSelf(target) : target != getpid()) {
        // Signals to other host processes are refused.
        return r = nr == kSysKill ? -EPERM : -ESRCH, true;
      }
      r = 0;
      if (sig != 0) RaiseSignal(p, sig);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace a64::user
