// Instrumentation hooks of the translator: when an observer asks for an
// event class, generated code calls it; when none does, nothing is emitted.
// (The events layer -- instruction counts per block for BBVs, memory traces
// -- builds on these.)
#pragma once

#include <cstdint>

namespace a64::jit {

enum ObserverEvents : uint32_t {
  kObserveBlocks = 1,    // OnBlock before each translated block runs
  kObserveAccesses = 2,  // OnAccess for each load/store done in line
};

class ExecutionObserver {
 public:
  virtual ~ExecutionObserver() = default;
  // The block at `pc` with `instructions` guest instructions starts.
  virtual void OnBlock(uint64_t pc, uint32_t instructions) {}
  // An in-line load or store of `size` bytes at virtual address `va` is
  // about to happen (it passed translation and permission checks). Guest
  // registers in CpuState may lag behind during the call. Accesses
  // made by the semantics functions (slow paths and instructions without an
  // in-line form) are not reported here.
  virtual void OnAccess(uint64_t va, uint32_t size, bool write) {}
};

// What generated code needs to call an observer.
struct ObserverHooks {
  ExecutionObserver* observer = nullptr;
  uint32_t events = 0;
};

}  // namespace a64::jit
