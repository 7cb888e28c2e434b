// An MMIO device of 32-bit registers on a 32-bit APB bus, as the PrimeCell
// peripherals (PL011, PL031): 1-, 2- and 4-byte accesses within the
// register window. A narrow access at byte k of a register covers its bits
// [8k+size*8-1 : 8k]; a narrow write at k > 0 writes zeros to the other
// bits, as the bus carries the whole word. 8-byte accesses are refused
// (External abort).
#pragma once

#include <cstdint>

#include "mmu/physical_memory.h"

namespace a64 {

class ApbDevice : public MmioDevice {
 public:
  bool Read(uint64_t offset, unsigned size, uint64_t* value) final;
  bool Write(uint64_t offset, unsigned size, uint64_t value) final;

 protected:
  explicit ApbDevice(uint64_t window_bytes) : window_bytes_(window_bytes) {}

  // The register at word-aligned offset `reg`.
  virtual uint32_t ReadRegister(uint64_t reg) = 0;
  virtual void WriteRegister(uint64_t reg, uint32_t value) = 0;

 private:
  const uint64_t window_bytes_;
};

}  // namespace a64
