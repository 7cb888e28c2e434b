// The memory interface the semantics use: virtual addresses in the current
// translation regime. Implementations: user-mode flat memory (user/), and the
// full-system MMU (mmu/).
#pragma once

#include <cstddef>
#include <cstdint>

#include "frontend/exception.h"

namespace a64 {

enum class AccessType : uint8_t { kRead, kWrite, kFetch };

class GuestMemory {
 public:
  virtual ~GuestMemory() = default;

  // Copies `size` bytes (1..64) at virtual address `va`. Returns kNone on
  // success; otherwise nothing is written to `dst` / guest memory and
  // `*fault_va` is the first faulting byte's address.
  virtual FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type,
                         uint64_t* fault_va) = 0;
  virtual FaultKind Write(uint64_t va, const void* src, size_t size, uint64_t* fault_va) = 0;
};

}  // namespace a64
