// Test helper: builds VMSAv8-64 translation tables by hand in a
// PhysicalMemory RAM region.
#pragma once

#include <cstdint>

#include "mmu/physical_memory.h"

namespace a64::test {

// Descriptor bits (ARM ARM D8.3).
constexpr uint64_t kAf = 1ull << 10;
constexpr uint64_t kNg = 1ull << 11;
constexpr uint64_t kShInner = 3ull << 8;
constexpr uint64_t kApEl0 = 1ull << 6;    // AP[1]
constexpr uint64_t kApRo = 1ull << 7;     // AP[2]
constexpr uint64_t kPxn = 1ull << 53;
constexpr uint64_t kUxn = 1ull << 54;
constexpr uint64_t kPxnTable = 1ull << 59;
constexpr uint64_t kUxnTable = 1ull << 60;
constexpr uint64_t kApTableNoEl0 = 1ull << 61;
constexpr uint64_t kApTableRo = 1ull << 62;
constexpr uint64_t Attr(unsigned idx) { return static_cast<uint64_t>(idx) << 2; }

class PageTables {
 public:
  // Tables for a range with granule 2^grain and 64 - txsz VA bits, allocated
  // upwards from `pool` (RAM).
  PageTables(PhysicalMemory& pm, uint64_t pool, unsigned grain, unsigned txsz)
      : pm_(pm), next_(pool), grain_(grain), inputsize_(64 - txsz) {
    const unsigned stride = grain - 3;
    start_ = 4 - (inputsize_ - grain + stride - 1) / stride;
    root_ = Alloc();
  }

  uint64_t root() const { return root_; }
  unsigned start_level() const { return start_; }

  // Writes `desc` into the level-`level` slot for `va`, creating the tables
  // above it (with `table_bits` ORed into each new table descriptor).
  uint64_t SetDesc(uint64_t va, unsigned level, uint64_t desc, uint64_t table_bits = 0) {
    uint64_t table = root_;
    for (unsigned l = start_;; ++l) {
      const uint64_t slot = table + Index(va, l) * 8;
      if (l == level) {
        pm_.Write(slot, &desc, 8);
        return slot;
      }
      uint64_t d = 0;
      pm_.Read(slot, &d, 8);
      if ((d & 3) != 3) {
        d = Alloc() | 3 | table_bits;
        pm_.Write(slot, &d, 8);
      }
      table = d & 0x0000ffffffffffffull & ~((1ull << grain_) - 1);
    }
  }
  // Maps a page (level 3) or block (lower level) with leaf attributes.
  uint64_t Map(uint64_t va, uint64_t pa, unsigned level, uint64_t attrs = kAf | kShInner,
               uint64_t table_bits = 0) {
    return SetDesc(va, level, pa | (level == 3 ? 3 : 1) | attrs, table_bits);
  }
  // The address of the level-`level` table descriptor slot for va (tables must exist).
  uint64_t SlotOf(uint64_t va, unsigned level) {
    uint64_t table = root_;
    for (unsigned l = start_;; ++l) {
      const uint64_t slot = table + Index(va, l) * 8;
      if (l == level) return slot;
      uint64_t d = 0;
      pm_.Read(slot, &d, 8);
      table = d & 0x0000ffffffffffffull & ~((1ull << grain_) - 1);
    }
  }

 private:
  uint64_t Index(uint64_t va, unsigned level) const {
    const unsigned stride = grain_ - 3;
    const unsigned bottom = (3 - level) * stride + grain_;
    const unsigned bits = level == start_ ? inputsize_ - bottom : stride;
    return (va >> bottom) & ((1ull << bits) - 1);
  }
  uint64_t Alloc() {
    const uint64_t t = next_;
    next_ += 1ull << grain_;
    static const uint8_t zeros[1 << 16] = {};
    pm_.Write(t, zeros, 1ull << grain_);
    return t;
  }

  PhysicalMemory& pm_;
  uint64_t next_;
  unsigned grain_;
  unsigned inputsize_;
  unsigned start_;
  uint64_t root_;
};

// TCR_EL1 builders. TG0: 4K=0, 64K=1, 16K=2. TG1: 16K=1, 4K=2, 64K=3.
constexpr uint64_t kTg0_4k = 0, kTg0_64k = 1, kTg0_16k = 2;
constexpr uint64_t kTg1_16k = 1, kTg1_4k = 2, kTg1_64k = 3;
constexpr uint64_t Tcr(uint64_t t0sz, uint64_t tg0, uint64_t t1sz, uint64_t tg1, uint64_t ips = 5) {
  return t0sz | tg0 << 14 | t1sz << 16 | tg1 << 30 | ips << 32;
}
constexpr uint64_t kTcrEpd0 = 1ull << 7;
constexpr uint64_t kTcrEpd1 = 1ull << 23;
constexpr uint64_t kTcrTbi0 = 1ull << 37;
constexpr uint64_t kTcrTbi1 = 1ull << 38;
constexpr uint64_t kTcrHpd0 = 1ull << 41;
constexpr uint64_t kTcrTbid0 = 1ull << 51;

// MAIR_EL1: index 0 Normal WB, 1 Device-nGnRnE, 2 Normal NC, 3 Device-nGnRE.
constexpr uint64_t kMair = 0xff | 0x00ull << 8 | 0x44ull << 16 | 0x04ull << 24;

}  // namespace a64::test
