// The bridge between host signals and guest signals.
//
// A guest process is one host process, so a signal another process sends it
// (SIGCHLD when a child ends, SIGINT from the terminal, kill(1)...) arrives as
// a host signal. The host dispositions mirror the guest's: a guest handler
// becomes a host handler that only records the signal number, SIG_IGN stays
// SIG_IGN on the host (so it is inherited by host children and across a host
// exec, as Linux does), SIG_DFL is the host default, whose action is the
// guest's. The recorded signals are turned into guest signals by the run loop
// at the next instruction-chunk boundary or syscall return.
//
// Process-wide state: the recorded set is one lock-free 64-bit atomic word
// (bit n-1: signal n), written by the host handler. A signal handler can only
// reach static storage, so this is the one piece of global mutable state of
// user mode; everything else lives in UserProcess.
#pragma once

#include <cstdint>

namespace a64::user {

// Makes the host disposition of `sig` (1..64) follow a guest disposition
// (abi::kSigDfl, abi::kSigIgn or a handler address). Signals the simulator
// keeps for itself are left alone: synchronous faults (SIGSEGV, SIGBUS,
// SIGILL, SIGFPE, SIGTRAP: a host fault is a simulator bug), SIGPIPE (always
// ignored on the host: a write to a broken pipe returns EPIPE and the guest
// gets its SIGPIPE synchronously), SIGKILL/SIGSTOP, and the host C library's
// internal real-time signals 32 and 33.
void SyncHostDisposition(int sig, uint64_t guest_handler);

// Puts the host dispositions in the state a host execve should inherit from
// the guest: every signal SIG_DFL except those the guest ignores (SIGPIPE
// included), and the host mask equal to the guest mask.
void PrepareHostExec(const uint64_t guest_handlers[65], uint64_t guest_mask);

// Returns and clears the signals recorded since the last call.
uint64_t TakeHostSignals();
// True when some host signal is recorded (cheap; for the run loop).
bool HostSignalsPending();
// Forgets recorded signals (a forked child starts with none pending).
void ClearHostSignals();

// Ends the host process by signal `sig` with its default action, without a
// core dump, so that a waiting parent sees WIFSIGNALED. Falls back to
// _exit(128 + sig) if the signal does not kill.
[[noreturn]] void DieBySignal(int sig);

}  // namespace a64::user
