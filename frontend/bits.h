// Bit-field helpers shared by the decoder, disassembler and semantics.
#pragma once

#include <cstdint>

namespace a64 {

// word<hi:lo>, as the ARM ARM writes it.
constexpr uint32_t Bits(uint32_t word, unsigned hi, unsigned lo) {
  return (word >> lo) & ((hi - lo == 31) ? 0xffffffffu : ((1u << (hi - lo + 1)) - 1));
}
constexpr bool Bit(uint32_t word, unsigned n) { return (word >> n) & 1; }

// SignExtend(x<bits-1:0>) to 64 bits.
constexpr int64_t SignExtend(uint64_t x, unsigned bits) {
  return bits >= 64 ? static_cast<int64_t>(x)
                    : static_cast<int64_t>(x << (64 - bits)) >> (64 - bits);
}

// Ones(n) for 0 <= n <= 64 (n == 64 is the case that is undefined in C++).
constexpr uint64_t Ones(unsigned n) { return n >= 64 ? ~0ull : ((1ull << n) - 1); }

}  // namespace a64
