// The memory interface the semantics use: virtual addresses in the current
// translation regime. Implementations: user-mode memory (user/user_memory.h),
// the full-system MMU (mmu/mmu.h), and flat test memory.
#pragma once

#include <cstddef>
#include <cstdint>

#include "frontend/exception.h"

namespace a64 {

// kReadUnprivileged / kWriteUnprivileged: LDTR/STTR and friends (ARM ARM
// C3.2.5), checked with EL0 permissions when executed at EL1 with
// PSTATE.UAO == 0, as ordinary accesses otherwise.
enum class AccessType : uint8_t { kRead, kWrite, kFetch, kReadUnprivileged, kWriteUnprivileged };

// Where and how an access failed, beyond its FaultKind.
struct MemFault {
  uint64_t va = 0;       // the FAR: first byte of the faulting access or page
  uint8_t level = 0;     // translation table level of a translation, address
                         // size, access flag or permission fault, or of an
                         // External abort on a table walk
  bool on_walk = false;  // External abort on the stage 1 table walk
};

class GuestMemory {
 public:
  virtual ~GuestMemory() = default;

  // Copies `size` bytes (1..64) at virtual address `va`. Returns kNone on
  // success; otherwise nothing is written to `dst` / guest memory and
  // `*fault` describes the abort.
  virtual FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type, MemFault* fault) = 0;
  virtual FaultKind Write(uint64_t va, const void* src, size_t size, AccessType type,
                          MemFault* fault) = 0;
};

}  // namespace a64
