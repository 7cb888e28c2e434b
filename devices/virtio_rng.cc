#include "devices/virtio_rng.h"

#include <algorithm>
#include <cstring>

namespace a64 {
namespace {

uint64_t SplitMix64(uint64_t* x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Xoshiro256StarStar::Xoshiro256StarStar(uint64_t seed) {
  for (uint64_t& s : s_) s = SplitMix64(&seed);
}

Xoshiro256StarStar Xoshiro256StarStar::FromState(uint64_t s0, uint64_t s1, uint64_t s2,
                                                 uint64_t s3) {
  Xoshiro256StarStar g(0);
  g.s_[0] = s0;
  g.s_[1] = s1;
  g.s_[2] = s2;
  g.s_[3] = s3;
  return g;
}

uint64_t Xoshiro256StarStar::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

void Xoshiro256StarStar::Fill(uint8_t* dst, size_t len) {
  while (len > 0) {
    if (pending_bytes_ == 0) {
      pending_ = Next();
      pending_bytes_ = 8;
    }
    *dst++ = static_cast<uint8_t>(pending_);
    pending_ >>= 8;
    --pending_bytes_;
    --len;
  }
}

bool VirtioRng::Process(unsigned queue, const DescriptorChain& chain, PhysicalMemory& mem,
                        uint32_t* written) {
  // Only the device-writable part is filled; a readable part is ignored.
  const uint32_t n = static_cast<uint32_t>(
      std::min<uint64_t>(chain.writable_len, kMaxBytesPerRequest));
  prng_.Fill(buffer_, n);
  if (!chain.WriteWritable(mem, 0, buffer_, n)) return false;
  *written = n;
  return true;
}

}  // namespace a64
