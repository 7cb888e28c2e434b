// Loads a static AArch64 Linux executable (ET_EXEC, or static-pie ET_DYN)
// into a UserMemory. Dynamic executables (PT_INTERP) are rejected.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "user/user_memory.h"

namespace a64::user {

// Where static-pie executables are loaded (as qemu-user does); no relocation
// is applied: static-pie startup code relocates itself.
constexpr uint64_t kPieLoadBase = 0x55'0000'0000;

struct ElfSegment {
  uint64_t vaddr = 0;   // already biased
  uint64_t memsz = 0;
  uint64_t offset = 0;  // file offset of the first byte
  uint64_t filesz = 0;
  uint8_t prot = 0;     // kProtRead/Write/Exec
};

struct ElfImage {
  uint64_t entry = 0;       // biased
  uint64_t phdr_addr = 0;   // guest address of the program headers (AT_PHDR)
  uint64_t phent = 0;
  uint64_t phnum = 0;
  uint64_t bias = 0;        // 0 for ET_EXEC
  uint64_t end = 0;         // highest mapped segment end (initial brk, page-aligned)
  bool exec_stack = false;  // PT_GNU_STACK has PF_X (or is absent)
  std::vector<ElfSegment> segments;
};

// Validates the headers of `file` and computes the layout. On failure returns
// false with a one-line reason in *error.
bool ParseElf(const std::vector<uint8_t>& file, ElfImage* image, std::string* error);

// Maps the segments of a parsed image and copies their file bytes; the rest
// of each segment (bss) is zero.
bool MapElf(const std::vector<uint8_t>& file, const ElfImage& image, UserMemory& mem,
            std::string* error);

}  // namespace a64::user
