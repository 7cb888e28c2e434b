// A minimal machine for unit tests of the semantics: flat RAM at a fixed base,
// a Cpu at EL0 configured as Linux runs user space, and the interpreter.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "frontend/semantics/cpu.h"
#include "jit/interpreter.h"
#include "mmu/guest_memory.h"
#include "user/linux_el1_state.h"

namespace a64::testing {

class FlatMemory : public GuestMemory {
 public:
  FlatMemory(uint64_t base, size_t size) : base_(base), bytes_(size) {}

  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType, MemFault* fault) override {
    if (!Contains(va, size, fault)) return FaultKind::kTranslation;
    std::memcpy(dst, &bytes_[va - base_], size);
    return FaultKind::kNone;
  }
  FaultKind Write(uint64_t va, const void* src, size_t size, AccessType,
                  MemFault* fault) override {
    if (!Contains(va, size, fault)) return FaultKind::kTranslation;
    std::memcpy(&bytes_[va - base_], src, size);
    return FaultKind::kNone;
  }

  uint8_t* host(uint64_t va) { return &bytes_[va - base_]; }
  uint64_t base() const { return base_; }

 private:
  bool Contains(uint64_t va, size_t size, MemFault* fault) const {
    if (va >= base_ && va - base_ <= bytes_.size() && size <= bytes_.size() - (va - base_))
      return true;
    fault->va = va < base_ || va - base_ >= bytes_.size() ? va : base_ + bytes_.size();
    return false;
  }
  uint64_t base_;
  std::vector<uint8_t> bytes_;
};

// Code at kCodeBase, data at kDataBase (both inside one 1 MiB RAM).
class TestMachine {
 public:
  static constexpr uint64_t kCodeBase = 0x10000;
  static constexpr uint64_t kDataBase = 0x80000;

  TestMachine() : mem_(kCodeBase, 1 << 20) {
    cpu.mem = &mem_;
    cpu.st.pc = kCodeBase;
    // EL0 code runs under the EL1 configuration Linux gives user space.
    user::SetLinuxUserEl1State(cpu.st);
  }

  void LoadCode(const std::vector<uint32_t>& words) {
    std::memcpy(mem_.host(kCodeBase), words.data(), words.size() * 4);
    cpu.st.pc = kCodeBase;
  }
  // Runs the loaded code for `n` instructions (or until an exception).
  StopReason Run(uint64_t n) { return interp_.Run(cpu, n); }
  uint8_t* data(uint64_t offset = 0) { return mem_.host(kDataBase + offset); }

  Cpu cpu;

 private:
  FlatMemory mem_;
  Interpreter interp_;
};

}  // namespace a64::testing
