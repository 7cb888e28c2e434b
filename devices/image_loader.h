// Loads a bare-metal program into physical memory: an AArch64 ELF executable
// (every PT_LOAD segment at its physical address, p_paddr) or, for any other
// file, a raw binary image at a fixed address.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mmu/physical_memory.h"

namespace a64 {

struct LoadedImage {
  uint64_t entry = 0;
  bool is_elf = false;
  uint64_t low = 0;   // lowest and one past the highest loaded address
  uint64_t high = 0;
};

// Reads a whole file into *data (replacing its contents). False with strerror
// (or "read error") in *error.
bool ReadWholeFile(const std::string& path, std::vector<uint8_t>* data, std::string* error);

// True when `file` starts with the ELF magic (\x7f "ELF").
bool IsElfFile(const std::vector<uint8_t>& file);

// Loads the AArch64 ELF executable held in `file`: every PT_LOAD segment at
// its p_paddr (p_filesz bytes copied, the rest up to p_memsz zeroed), entry
// e_entry. Every byte must land in RAM. False with a one-line reason.
bool LoadElfImage(const std::vector<uint8_t>& file, PhysicalMemory* memory, LoadedImage* image,
                  std::string* error);

// `raw_address` is where a raw binary goes (and is entered). Every byte must
// land in RAM. On failure returns false with a one-line reason in *error.
bool LoadImage(const std::string& path, PhysicalMemory* memory, uint64_t raw_address,
               LoadedImage* image, std::string* error);

}  // namespace a64
