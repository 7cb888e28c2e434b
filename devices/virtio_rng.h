// virtio-rng, the entropy device (virtio-v1.1 section 5.4). Its bytes come
// from a deterministic generator seeded by the board, so runs reproduce.
#pragma once

#include <cstdint>

#include "devices/virtio_device.h"

namespace a64 {

// xoshiro256** (Blackman and Vigna), its state seeded from a 64-bit seed with
// splitmix64, as the authors recommend.
class Xoshiro256StarStar {
 public:
  explicit Xoshiro256StarStar(uint64_t seed);
  // Starts from an explicit state (not all zero), for reference vectors.
  static Xoshiro256StarStar FromState(uint64_t s0, uint64_t s1, uint64_t s2, uint64_t s3);
  uint64_t Next();
  // Fills `len` bytes with the stream (each output word little-endian;
  // leftover bytes of a word are carried over to the next call).
  void Fill(uint8_t* dst, size_t len);

 private:
  uint64_t s_[4];
  uint64_t pending_ = 0;       // unused bytes of the last output word
  unsigned pending_bytes_ = 0;
};

class VirtioRng final : public VirtioDevice {
 public:
  static constexpr uint64_t kDefaultSeed = 0x61353473696d2121ull;  // "!!mis46a"
  // At most this many bytes per request (section 5.4.6.2: the device may use
  // less than the whole buffer), which bounds the work a huge buffer causes.
  static constexpr uint32_t kMaxBytesPerRequest = 64 * 1024;

  explicit VirtioRng(uint64_t seed = kDefaultSeed) : prng_(seed) {}

  uint32_t DeviceId() const override { return kVirtioIdEntropy; }
  uint64_t DeviceFeatures() const override { return 0; }
  unsigned NumQueues() const override { return 1; }  // requestq
  size_t ConfigSize() const override { return 0; }
  void ReadConfig(size_t, void*, size_t) const override {}
  bool Process(unsigned queue, const DescriptorChain& chain, PhysicalMemory& mem,
               uint32_t* written) override;

 private:
  Xoshiro256StarStar prng_;
  uint8_t buffer_[kMaxBytesPerRequest];
};

}  // namespace a64
