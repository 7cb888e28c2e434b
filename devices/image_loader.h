// Loads a bare-metal program into physical memory: an AArch64 ELF executable
// (every PT_LOAD segment at its physical address, p_paddr) or, for any other
// file, a raw binary image at a fixed address.
#pragma once

#include <cstdint>
#include <string>

#include "mmu/physical_memory.h"

namespace a64 {

struct LoadedImage {
  uint64_t entry = 0;
  bool is_elf = false;
  uint64_t low = 0;   // lowest and one past the highest loaded address
  uint64_t high = 0;
};

// `raw_address` is where a raw binary goes (and is entered). Every byte must
// land in RAM. On failure returns false with a one-line reason in *error.
bool LoadImage(const std::string& path, PhysicalMemory* memory, uint64_t raw_address,
               LoadedImage* image, std::string* error);

}  // namespace a64
