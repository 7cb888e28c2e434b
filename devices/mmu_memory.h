// GuestMemory over the full-system Mmu.
// TODO(lead): superseded when mmu/guest_memory.h carries MmuFault (level,
// fault status code) and the unprivileged access types; until then a fault's
// level is lost on the way to PendingException.
#pragma once

#include "mmu/guest_memory.h"
#include "mmu/mmu.h"

namespace a64 {

class MmuMemory : public GuestMemory {
 public:
  explicit MmuMemory(Mmu* mmu) : mmu_(mmu) {}

  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type,
                 uint64_t* fault_va) override {
    MmuFault f;
    const MmuAccessType t = type == AccessType::kFetch ? MmuAccessType::kFetch
                            : type == AccessType::kWrite ? MmuAccessType::kWrite
                                                         : MmuAccessType::kRead;
    const FaultKind k = mmu_->Read(va, dst, size, t, &f);
    if (k != FaultKind::kNone) *fault_va = f.va;
    return k;
  }
  FaultKind Write(uint64_t va, const void* src, size_t size, uint64_t* fault_va) override {
    MmuFault f;
    const FaultKind k = mmu_->Write(va, src, size, MmuAccessType::kWrite, &f);
    if (k != FaultKind::kNone) *fault_va = f.va;
    return k;
  }

 private:
  Mmu* mmu_;
};

}  // namespace a64
