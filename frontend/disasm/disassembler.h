#pragma once

#include <cstdint>
#include <string>

namespace a64 {

// LLVM-style assembly text of one word ("add x0, x1, #16"; one space after the
// mnemonic), or "<invalid>" for an unallocated or unsupported word. `pc` is the
// word's address, used for PC-relative targets.
std::string Disassemble(uint32_t word, uint64_t pc = 0);

}  // namespace a64
