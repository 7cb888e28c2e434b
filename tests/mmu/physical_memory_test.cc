// The physical address space: RAM, MMIO dispatch, External aborts.
#include "mmu/physical_memory.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace a64::test {
namespace {

// A device that records accesses; registers are offset * 0x0101..
struct RecordingDevice : MmioDevice {
  struct Access { bool write; uint64_t offset; unsigned size; uint64_t value; };
  std::vector<Access> log;
  bool fail = false;
  bool Read(uint64_t offset, unsigned size, uint64_t* value) override {
    log.push_back({false, offset, size, 0});
    *value = 0x0807060504030201ull + offset * 0x0101010101010101ull;
    return !fail;
  }
  bool Write(uint64_t offset, unsigned size, uint64_t value) override {
    log.push_back({true, offset, size, value});
    return !fail;
  }
};

TEST(PhysicalMemoryTest, RamReadWriteAndHostPointer) {
  PhysicalMemory pm;
  ASSERT_TRUE(pm.AddRam(0x80000000, 0x10000));
  const uint64_t v = 0x1122334455667788;
  ASSERT_TRUE(pm.Write(0x80000ffc, &v, 8));  // crosses a page inside the region
  uint64_t r = 0;
  ASSERT_TRUE(pm.Read(0x80000ffc, &r, 8));
  EXPECT_EQ(r, v);
  uint8_t* host = pm.HostPointer(0x80001000);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host[0], 0x44);
  EXPECT_EQ(pm.HostPointer(0x80010000), nullptr);
  EXPECT_TRUE(pm.IsRam(0x8000ffff));
}

TEST(PhysicalMemoryTest, RejectsOverlapAndMisalignedRam) {
  PhysicalMemory pm;
  RecordingDevice dev;
  ASSERT_TRUE(pm.AddRam(0x1000, 0x2000));
  EXPECT_FALSE(pm.AddRam(0x2000, 0x1000));
  EXPECT_FALSE(pm.AddRam(0x0, 0x2000));
  EXPECT_FALSE(pm.AddRam(0x10800, 0x1000));
  EXPECT_FALSE(pm.AddMmio(0x2ff0, 0x20, &dev));
  EXPECT_TRUE(pm.AddMmio(0x3000, 0x20, &dev));
  EXPECT_TRUE(pm.AddRam(0x0, 0x1000));
}

TEST(PhysicalMemoryTest, UnmappedIsExternalAbort) {
  PhysicalMemory pm;
  ASSERT_TRUE(pm.AddRam(0x1000, 0x1000));
  uint32_t v = 0;
  EXPECT_FALSE(pm.Read(0x5000, &v, 4));
  EXPECT_FALSE(pm.Write(0xffffffffffff0000, &v, 4));
  // Partly mapped: the access fails.
  EXPECT_FALSE(pm.Read(0x1ffe, &v, 4));
}

TEST(PhysicalMemoryTest, MmioDispatch) {
  PhysicalMemory pm;
  RecordingDevice dev;
  ASSERT_TRUE(pm.AddMmio(0x9000000, 0x1000, &dev));
  uint32_t w = 0;
  ASSERT_TRUE(pm.Read(0x9000010, &w, 4));
  ASSERT_EQ(dev.log.size(), 1u);
  EXPECT_FALSE(dev.log[0].write);
  EXPECT_EQ(dev.log[0].offset, 0x10u);
  EXPECT_EQ(dev.log[0].size, 4u);
  EXPECT_EQ(w, 0x14131211u);
  const uint64_t v = 0xaabbccddeeff0011;
  ASSERT_TRUE(pm.Write(0x9000020, &v, 8));
  EXPECT_TRUE(dev.log[1].write);
  EXPECT_EQ(dev.log[1].size, 8u);
  EXPECT_EQ(dev.log[1].value, v);
  // 16 bytes at an 8-aligned address: two 8-byte accesses.
  uint8_t buf[16];
  dev.log.clear();
  ASSERT_TRUE(pm.Read(0x9000008, buf, 16));
  ASSERT_EQ(dev.log.size(), 2u);
  EXPECT_EQ(dev.log[1].offset, 0x10u);
  // Unaligned: split into naturally aligned pieces 1 + 2 + 1.
  dev.log.clear();
  ASSERT_TRUE(pm.Write(0x9000001, &w, 4));
  ASSERT_EQ(dev.log.size(), 3u);
  EXPECT_EQ(dev.log[0].size, 1u);
  EXPECT_EQ(dev.log[1].size, 2u);
  EXPECT_EQ(dev.log[1].offset, 2u);
  EXPECT_EQ(dev.log[2].size, 1u);
  // A device refusing the access: External abort.
  dev.fail = true;
  EXPECT_FALSE(pm.Read(0x9000000, &w, 4));
  EXPECT_FALSE(pm.Write(0x9000000, &w, 4));
}

TEST(PhysicalMemoryTest, WriteWatch) {
  PhysicalMemory pm;
  EXPECT_FALSE(pm.IsWriteWatched(0x1234));
  pm.SetWriteWatch(0x1000, true);
  EXPECT_TRUE(pm.IsWriteWatched(0x1fff));
  EXPECT_FALSE(pm.IsWriteWatched(0x2000));
  pm.SetWriteWatch(0x1000, false);
  EXPECT_FALSE(pm.IsWriteWatched(0x1000));
}

}  // namespace
}  // namespace a64::test
