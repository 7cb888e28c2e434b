// A minimal virtio-mmio guest driver for tests: it lays out a split queue in
// a PhysicalMemory RAM region and drives the transport with MMIO accesses,
// as Linux's virtio_mmio/virtio_ring do.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "devices/interrupt_sink.h"
#include "devices/virtio_mmio.h"
#include "mmu/physical_memory.h"

namespace a64::testing {

struct RecordingSink : InterruptSink {
  std::map<unsigned, bool> level;
  int changes = 0;
  void SetLevel(unsigned intid, bool l) override {
    level[intid] = l;
    ++changes;
  }
};

class FakeVirtioDriver {
 public:
  static constexpr uint64_t kRam = 0x40000000;
  static constexpr uint64_t kRamSize = 1 << 20;
  static constexpr uint64_t kMmio = 0x0a000000;
  static constexpr unsigned kIntid = 48;
  static constexpr uint64_t kDesc = kRam + 0x1000;
  static constexpr uint64_t kAvail = kRam + 0x2000;
  static constexpr uint64_t kUsed = kRam + 0x3000;
  static constexpr uint64_t kIndirect = kRam + 0x4000;
  static constexpr uint64_t kData = kRam + 0x10000;

  // Maps RAM and `transport` (not owned) at kMmio.
  FakeVirtioDriver(PhysicalMemory& mem, VirtioMmio* transport) : mem_(mem) {
    mem_.AddRam(kRam, kRamSize);
    mem_.AddMmio(kMmio, VirtioMmio::kWindowSize, transport);
  }

  uint32_t Get(uint64_t off) {
    uint32_t v = 0xdeadbeef;
    EXPECT_TRUE(mem_.Read(kMmio + off, &v, 4));
    return v;
  }
  void Set(uint64_t off, uint32_t v) { EXPECT_TRUE(mem_.Write(kMmio + off, &v, 4)); }

  // Section 3.1.1 steps 1-6; true when the device kept FEATURES_OK.
  bool Negotiate(uint64_t features) {
    Set(VirtioMmio::kRegStatus, 0);
    Set(VirtioMmio::kRegStatus, VirtioMmio::kStatusAcknowledge);
    Set(VirtioMmio::kRegStatus, VirtioMmio::kStatusAcknowledge | VirtioMmio::kStatusDriver);
    Set(VirtioMmio::kRegDriverFeaturesSel, 0);
    Set(VirtioMmio::kRegDriverFeatures, static_cast<uint32_t>(features));
    Set(VirtioMmio::kRegDriverFeaturesSel, 1);
    Set(VirtioMmio::kRegDriverFeatures, static_cast<uint32_t>(features >> 32));
    Set(VirtioMmio::kRegStatus, VirtioMmio::kStatusAcknowledge | VirtioMmio::kStatusDriver |
                                    VirtioMmio::kStatusFeaturesOk);
    return (Get(VirtioMmio::kRegStatus) & VirtioMmio::kStatusFeaturesOk) != 0;
  }
  uint64_t DeviceFeatures() {
    Set(VirtioMmio::kRegDeviceFeaturesSel, 0);
    uint64_t lo = Get(VirtioMmio::kRegDeviceFeatures);
    Set(VirtioMmio::kRegDeviceFeaturesSel, 1);
    return lo | uint64_t{Get(VirtioMmio::kRegDeviceFeatures)} << 32;
  }
  // Configures queue `q` with the standard areas; returns QueueReady.
  bool SetupQueue(unsigned q, uint32_t num, uint64_t desc = kDesc, uint64_t avail = kAvail,
                  uint64_t used = kUsed) {
    num_ = num;
    avail_idx_ = 0;
    // Like a real driver, start from zeroed rings.
    for (uint64_t area : {desc, avail, used})
      if (area >= kRam && area % 0x1000 == 0 && area < kRam + kRamSize) Fill(area, 0, 0x1000);
    Set(VirtioMmio::kRegQueueSel, q);
    Set(VirtioMmio::kRegQueueNum, num);
    Set(VirtioMmio::kRegQueueDescLow, static_cast<uint32_t>(desc));
    Set(VirtioMmio::kRegQueueDescHigh, static_cast<uint32_t>(desc >> 32));
    Set(VirtioMmio::kRegQueueDriverLow, static_cast<uint32_t>(avail));
    Set(VirtioMmio::kRegQueueDriverHigh, static_cast<uint32_t>(avail >> 32));
    Set(VirtioMmio::kRegQueueDeviceLow, static_cast<uint32_t>(used));
    Set(VirtioMmio::kRegQueueDeviceHigh, static_cast<uint32_t>(used >> 32));
    Set(VirtioMmio::kRegQueueReady, 1);
    return Get(VirtioMmio::kRegQueueReady) == 1;
  }
  void DriverOk() {
    Set(VirtioMmio::kRegStatus, VirtioMmio::kStatusAcknowledge | VirtioMmio::kStatusDriver |
                                    VirtioMmio::kStatusFeaturesOk | VirtioMmio::kStatusDriverOk);
  }
  // Negotiate(VERSION_1 | extra) + queue 0 of `num` + DRIVER_OK.
  void Start(uint64_t extra_features = 0, uint32_t num = 16) {
    ASSERT_TRUE(Negotiate((uint64_t{1} << 32) | extra_features));
    ASSERT_TRUE(SetupQueue(0, num));
    DriverOk();
  }

  void SetDesc(uint64_t table, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
               uint16_t next = 0) {
    uint8_t d[16];
    std::memcpy(d, &addr, 8);
    std::memcpy(d + 8, &len, 4);
    std::memcpy(d + 12, &flags, 2);
    std::memcpy(d + 14, &next, 2);
    Poke(table + 16ull * i, d, 16);
  }
  // Makes `head` available on queue `q` and notifies.
  void Offer(uint16_t head, unsigned q = 0) {
    Poke(kAvail + 4 + 2 * (avail_idx_ % num_), &head, 2);
    ++avail_idx_;
    Poke(kAvail + 2, &avail_idx_, 2);
    Set(VirtioMmio::kRegQueueNotify, q);
  }
  void SetAvailFlags(uint16_t f) { Poke(kAvail, &f, 2); }
  uint16_t UsedIdx() { return Peek<uint16_t>(kUsed + 2); }
  uint32_t UsedId(unsigned i) { return Peek<uint32_t>(kUsed + 4 + 8 * (i % num_)); }
  uint32_t UsedLen(unsigned i) { return Peek<uint32_t>(kUsed + 8 + 8 * (i % num_)); }
  uint32_t Status() { return Get(VirtioMmio::kRegStatus); }
  bool NeedsReset() { return (Status() & VirtioMmio::kStatusDeviceNeedsReset) != 0; }

  template <typename T>
  T Peek(uint64_t pa) {
    T v{};
    EXPECT_TRUE(mem_.Read(pa, &v, sizeof v));
    return v;
  }
  std::vector<uint8_t> PeekBytes(uint64_t pa, size_t n) {
    std::vector<uint8_t> v(n);
    EXPECT_TRUE(mem_.Read(pa, v.data(), n));
    return v;
  }
  void Poke(uint64_t pa, const void* src, size_t n) { EXPECT_TRUE(mem_.Write(pa, src, n)); }
  void Fill(uint64_t pa, uint8_t byte, size_t n) {
    std::vector<uint8_t> v(n, byte);
    Poke(pa, v.data(), n);
  }

 private:
  PhysicalMemory& mem_;
  uint32_t num_ = 1;
  uint16_t avail_idx_ = 0;
};

}  // namespace a64::testing
