// Signal system calls: dispositions (mirrored on the host, see
// host_signals.h), the mask, the alternate stack, kill/tkill/tgkill,
// rt_sigsuspend and rt_sigreturn. Delivery itself is in signal_delivery.cc.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "user/host_signals.h"
#include "user/signal_delivery.h"
#include "user/signal_frame.h"
#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

constexpr int kSigKill = 9;
constexpr int kSigStop = 19;

// kill(2) semantics for a signal aimed at this very process: generated
// synchronously (delivered when the syscall returns), which keeps
// self-signals deterministic.
int64_t SignalSelf(UserProcess& p, int sig, int32_t code) {
  if (sig != 0) QueueSignal(p, SelfSiginfo(sig, code));
  return 0;
}

// rt_sigsuspend: waits, with `mask` as the signal mask, for a signal that
// runs a handler or ends the process.
int64_t Sigsuspend(UserProcess& p, uint64_t mask) {
  p.saved_sigmask = p.sigmask;
  p.has_saved_sigmask = true;
  p.sigmask = mask & ~kUnblockableSignals;
  sigset_t all, none, old;
  sigfillset(&all);
  sigemptyset(&none);
  for (;;) {
    // Host signals are blocked between the check and the wait, so none is
    // lost; sigsuspend unblocks them atomically.
    sigprocmask(SIG_BLOCK, &all, &old);
    TakeHostSignalsInto(p);
    if (NextHandledSignal(p) != 0 || (p.sigpending & ~p.sigmask)) {
      sigprocmask(SIG_SETMASK, &old, nullptr);
      return -EINTR;
    }
    sigsuspend(&none);
    sigprocmask(SIG_SETMASK, &old, nullptr);
  }
}

}  // namespace

void RaiseSignal(UserProcess& p, int sig) { SignalSelf(p, sig, abi::kSiUser); }

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
        act.mask &= ~kUnblockableSignals;
        p.sigactions[sig] = act;
        SyncHostDisposition(sig, act.handler);
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
        p.sigmask &= ~kUnblockableSignals;
        // Newly unblocked pending signals are delivered on return.
      }
      r = 0;
      return true;
    }
    case kSysRtSigpending:
      if (a[1] != 8) return r = -EINVAL, true;
      TakeHostSignalsInto(p);
      r = PutGuest(p, a[0], p.sigpending & p.sigmask) ? 0 : -EFAULT;
      return true;
    case kSysRtSigsuspend: {
      if (a[1] != 8) return r = -EINVAL, true;
      uint64_t mask;
      if (!GetGuest(p, a[0], &mask)) return r = -EFAULT, true;
      r = Sigsuspend(p, mask);
      return true;
    }
    case kSysRtSigreturn:
      r = static_cast<int64_t>(SigReturn(p));
      return true;
    case kSysSigaltstack: {
      abi::Stack ss;
      if (a[0] && !GetGuest(p, a[0], &ss)) return r = -EFAULT, true;
      if (a[1]) {
        abi::Stack old = p.sigaltstack;
        old.ss_flags = AltStackFlags(p, p.cpu.st.sp) | (p.sigaltstack.ss_flags & abi::kSsAutodisarm);
        if (old.ss_size == 0) old = abi::Stack{0, abi::kSsDisable, 0, 0};
        if (!PutGuest(p, a[1], old)) return r = -EFAULT, true;
      }
      if (a[0]) {
        // do_sigaltstack: no change while running on the alternate stack.
        if (AltStackFlags(p, p.cpu.st.sp) == abi::kSsOnstack) return r = -EPERM, true;
        const int32_t mode = ss.ss_flags & ~abi::kSsAutodisarm;
        if (mode != 0 && mode != abi::kSsDisable && mode != abi::kSsOnstack)
          return r = -EINVAL, true;
        if (mode == abi::kSsDisable) {
          p.sigaltstack = abi::Stack{0, abi::kSsDisable, 0, 0};
        } else {
          if (ss.ss_size < abi::kMinSigstksz) return r = -ENOMEM, true;
          p.sigaltstack = abi::Stack{ss.ss_sp, ss.ss_flags & abi::kSsAutodisarm, 0, ss.ss_size};
        }
      }
      r = 0;
      return true;
    }
    case kSysKill: {
      const int pid = a.Int(0), sig = a.Int(1);
      if (sig < 0 || sig > static_cast<int>(abi::kNsig)) return r = -EINVAL, true;
      // Another process (or a group, which may include this one: the host
      // delivers our copy through the host dispositions).
      r = pid == getpid() ? SignalSelf(p, sig, abi::kSiUser) : HostResult(kill(pid, sig));
      return true;
    }
    case kSysTkill: {
      const int tid = a.Int(0), sig = a.Int(1);
      if (sig < 0 || sig > static_cast<int>(abi::kNsig)) return r = -EINVAL, true;
      if (tid <= 0) return r = -EINVAL, true;
      r = tid == getpid() ? SignalSelf(p, sig, abi::kSiTkill)
                          : HostResult(syscall(SYS_tkill, tid, sig));
      return true;
    }
    case kSysTgkill: {
      const int tgid = a.Int(0), tid = a.Int(1), sig = a.Int(2);
      if (sig < 0 || sig > static_cast<int>(abi::kNsig)) return r = -EINVAL, true;
      if (tgid <= 0 || tid <= 0) return r = -EINVAL, true;
      if (tgid == getpid()) {
        r = tid == getpid() ? SignalSelf(p, sig, abi::kSiTkill) : -ESRCH;  // one thread
      } else {
        r = HostResult(syscall(SYS_tgkill, tgid, tid, sig));
      }
      return true;
    }
    default:
      return false;
  }
}

}  // namespace a64::user
