#include "user/signal_delivery.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>

#include "user/host_signals.h"
#include "user/signal_frame.h"

namespace a64::user {

namespace {

constexpr uint64_t Bit(int sig) { return uint64_t{1} << (sig - 1); }

bool DefaultIgnored(int sig) {
  return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}
bool DefaultStops(int sig) { return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU; }

bool Ignored(const UserProcess& p, int sig) {
  if (Bit(sig) & kUnblockableSignals) return false;
  const uint64_t h = p.sigactions[sig].handler;
  return h == abi::kSigIgn || (h == abi::kSigDfl && DefaultIgnored(sig));
}

bool HasHandler(const UserProcess& p, int sig) {
  const uint64_t h = p.sigactions[sig].handler;
  return !(Bit(sig) & kUnblockableSignals) && h != abi::kSigDfl && h != abi::kSigIgn;
}

// Runs the handler of `sig` (which has one): frame, then the mask and
// SA_RESETHAND bookkeeping of handle_signal/signal_setup_done.
bool RunHandler(UserProcess& p, const abi::Siginfo& info, uint64_t fault_address) {
  const int sig = info.si_signo;
  const abi::Sigaction act = p.sigactions[sig];
  // After rt_sigsuspend the frame carries the mask from before the call.
  const uint64_t old_mask = p.has_saved_sigmask ? p.saved_sigmask : p.sigmask;
  if (!PushSignalFrame(p, info, act, old_mask, fault_address)) return false;
  p.has_saved_sigmask = false;
  p.sigmask |= act.mask;
  if (!(act.flags & abi::kSaNodefer)) p.sigmask |= Bit(sig);
  p.sigmask &= ~kUnblockableSignals;
  if (act.flags & abi::kSaResethand) {
    p.sigactions[sig].handler = abi::kSigDfl;
    SyncHostDisposition(sig, abi::kSigDfl);
  }
  return true;
}

// The default action of a signal that is not ignored: stop or terminate.
void DefaultAction(UserProcess& p, int sig) {
  if (DefaultStops(sig)) {
    std::fflush(nullptr);
    raise(SIGSTOP);  // the host process is the guest process
    return;
  }
  p.KillBySignal(sig);
}

}  // namespace

abi::Siginfo SelfSiginfo(int sig, int32_t code) {
  abi::Siginfo info{};
  info.si_signo = sig;
  info.si_code = code;
  info.u.proc.pid = getpid();
  info.u.proc.uid = getuid();
  return info;
}

void QueueSignal(UserProcess& p, const abi::Siginfo& info) {
  const int sig = info.si_signo;
  if (sig < 1 || sig > static_cast<int>(abi::kNsig)) return;
  if (Ignored(p, sig)) return;
  if (!(p.sigpending & Bit(sig))) p.siginfo[sig] = info;
  p.sigpending |= Bit(sig);
}

void TakeHostSignalsInto(UserProcess& p) {
  uint64_t got = TakeHostSignals();
  for (int sig = 1; got; ++sig, got >>= 1) {
    // The host handler records only the number: the sender is unknown.
    if (got & 1) QueueSignal(p, SelfSiginfo(sig, abi::kSiUser));
  }
}

int NextHandledSignal(const UserProcess& p) {
  const uint64_t ready = p.sigpending & ~p.sigmask;
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig); ++sig)
    if ((ready & Bit(sig)) && HasHandler(p, sig)) return sig;
  return 0;
}

void DeliverSignals(UserProcess& p) {
  // Each handler's frame nests on the previous one, as Linux does when
  // several signals are pending: the last frame pushed runs first.
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig) && !p.exited; ++sig) {
    const uint64_t bit = Bit(sig);
    if (!(p.sigpending & bit) || ((p.sigmask & bit) && !(bit & kUnblockableSignals))) continue;
    p.sigpending &= ~bit;
    if (Ignored(p, sig)) continue;
    if (!HasHandler(p, sig)) {
      DefaultAction(p, sig);
      continue;
    }
    if (!RunHandler(p, p.siginfo[sig], 0)) {
      std::fprintf(stderr, "a64sim: cannot push a frame for signal %d (bad stack)\n", sig);
      p.KillBySignal(SIGSEGV);
    }
  }
  if (p.has_saved_sigmask) {  // no handler ran: rt_sigsuspend's mask ends
    p.sigmask = p.saved_sigmask;
    p.has_saved_sigmask = false;
  }
}

bool DeliverFault(UserProcess& p, const abi::Siginfo& info, uint64_t fault_address) {
  const int sig = info.si_signo;
  if (HasHandler(p, sig) && !(p.sigmask & Bit(sig)) && RunHandler(p, info, fault_address))
    return true;
  p.KillBySignal(sig);
  return false;
}

uint64_t SigReturn(UserProcess& p) {
  if (!PopSignalFrame(p)) {
    std::fprintf(stderr, "a64sim: rt_sigreturn with a bad frame at sp 0x%llx\n",
                 static_cast<unsigned long long>(p.cpu.st.sp));
    p.KillBySignal(SIGSEGV);
    return 0;
  }
  return p.cpu.st.x[0];
}

void ResetSignalsForExec(UserProcess& p) {
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig); ++sig) {
    abi::Sigaction& a = p.sigactions[sig];
    if (a.handler != abi::kSigIgn) {
      a = abi::Sigaction{};
      SyncHostDisposition(sig, abi::kSigDfl);
    } else {
      a.flags = 0;
      a.mask = 0;
      a.restorer = 0;
    }
  }
  p.sigaltstack = abi::Stack{0, abi::kSsDisable, 0, 0};
  p.sigtramp = 0;
}

}  // namespace a64::user
