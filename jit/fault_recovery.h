// Host faults of generated code that accesses guest memory directly
// (CodePort::DirectBase, user mode). The host protection of a guest page is
// what the guest may do there, so an access the guest may not make -- to an
// unmapped page, a write to a read-only or watched code page, beyond the
// address space -- raises SIGSEGV on the host at the access's x86
// instruction. The handler asks the FaultRecovery of the thread's running
// engine where that instruction's slow path is and resumes there; the slow
// path runs the instruction's semantics, which raise the guest fault (or, for
// a watched page, drop the translations and write).
//
// Process-wide state, by the nature of signals: the SIGSEGV disposition
// (installed once; faults that are not generated code's go to the previous
// disposition) and one thread-local pointer to the engine running on the
// thread. Several machines may live in one process; each thread runs one
// engine at a time. A program embedding a64sim that installs its own SIGSEGV
// handler after an engine first ran must pass the faults it does not
// recognise to the handler it replaced (as this one does).
#pragma once

#include <cstdint>

namespace a64::jit {

class FaultRecovery {
 public:
  // Where generated code faulting at host address `pc` continues, or false
  // when `pc` is not an access site of generated code. Called from the
  // signal handler: must not allocate or lock.
  virtual bool Recover(uintptr_t pc, uintptr_t* resume) const = 0;

 protected:
  ~FaultRecovery() = default;
};

// While it lives, host faults on this thread are offered to `recovery`
// (scopes nest). The first one installs the SIGSEGV handler.
class FaultRecoveryScope {
 public:
  explicit FaultRecoveryScope(const FaultRecovery* recovery);
  ~FaultRecoveryScope();
  FaultRecoveryScope(const FaultRecoveryScope&) = delete;
  FaultRecoveryScope& operator=(const FaultRecoveryScope&) = delete;

 private:
  const FaultRecovery* saved_;
};

}  // namespace a64::jit
