// The process's initial stack as Linux arm64 builds it (fs/binfmt_elf.c
// create_elf_tables): argc, argv[], NULL, envp[], NULL, auxv pairs ending in
// AT_NULL, with the strings and AT_RANDOM's 16 bytes above them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "user/elf_loader.h"
#include "user/user_memory.h"

namespace a64::user {

// The AT_HWCAP bits a guest may rely on. It must list only features whose
// instructions this simulator implements: glibc and other libraries pick code
// paths from it. Today: FP and ASIMD (bits 0 and 1). Not CPUID (bit 11):
// EL0 reads of the ID registers are not emulated.
uint64_t UserHwcaps();
uint64_t UserHwcaps2();

struct InitialStackInput {
  std::vector<std::string> argv;
  std::vector<std::string> envp;
  std::string execfn;                 // AT_EXECFN
  std::array<uint8_t, 16> random{};   // AT_RANDOM bytes
  uint64_t uid = 0, euid = 0, gid = 0, egid = 0;
};

// Writes the initial stack below `stack_top` (the stack pages must be mapped
// writable) and returns the initial SP (16-byte aligned), or 0 when the
// arguments do not fit in `stack_limit` bytes.
uint64_t BuildInitialStack(UserMemory& mem, uint64_t stack_top, uint64_t stack_limit,
                           const ElfImage& image, const InitialStackInput& in);

}  // namespace a64::user
