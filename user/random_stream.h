// The guest's source of randomness (AT_RANDOM, getrandom): a deterministic
// stream from a 64-bit seed (SplitMix64), so runs are reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace a64::user {

class RandomStream {
 public:
  explicit RandomStream(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  void Fill(void* dst, size_t n) {
    auto* d = static_cast<uint8_t*>(dst);
    while (n > 0) {
      const uint64_t r = Next();
      const size_t k = n < 8 ? n : 8;
      std::memcpy(d, &r, k);
      d += k;
      n -= k;
    }
  }

 private:
  uint64_t state_;
};

}  // namespace a64::user
