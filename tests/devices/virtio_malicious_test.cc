// A hostile guest: every malformed queue layout or descriptor chain ends in
// DEVICE_NEEDS_RESET (with a configuration change interrupt) or an error
// status, never in an access outside guest RAM.
#include <gtest/gtest.h>

#include <memory>

#include "devices/virtio_blk.h"
#include "devices/virtio_mmio.h"
#include "devices/virtio_rng.h"
#include "tests/devices/virtio_fake_driver.h"

namespace a64 {
namespace {

using testing::FakeVirtioDriver;
using testing::RecordingSink;
using D = FakeVirtioDriver;
using M = VirtioMmio;

constexpr uint16_t kNext = 1, kWrite = 2, kIndirect = 4;
constexpr uint64_t kVersion1 = uint64_t{1} << 32;

// An MMIO device that counts every access: DMA must never reach it.
struct CountingMmio : MmioDevice {
  int accesses = 0;
  bool Read(uint64_t, unsigned, uint64_t* v) override { ++accesses; *v = 0; return true; }
  bool Write(uint64_t, unsigned, uint64_t) override { ++accesses; return true; }
};

struct Hostile : ::testing::Test {
  PhysicalMemory mem;
  RecordingSink sink;
  CountingMmio neighbour;  // right after RAM
  VirtioMmio transport{mem, &sink, D::kIntid, std::make_unique<VirtioRng>()};
  D drv{mem, &transport};

  void SetUp() override {
    ASSERT_TRUE(mem.AddMmio(D::kRam + D::kRamSize, 0x1000, &neighbour));
  }
  // The device refused the request: NEEDS_RESET, config interrupt, nothing used.
  void ExpectNeedsReset(const char* what) {
    EXPECT_TRUE(drv.NeedsReset()) << what;
    EXPECT_EQ(drv.UsedIdx(), 0) << what;
    EXPECT_TRUE(drv.Get(M::kRegInterruptStatus) & M::kIntConfigChange) << what;
    EXPECT_TRUE(sink.level[D::kIntid]) << what;
    EXPECT_EQ(neighbour.accesses, 0) << what;
    EXPECT_FALSE(transport.last_error().empty());
  }
};

TEST_F(Hostile, HeadIndexOutOfRange) {
  drv.Start(0, 8);
  drv.Offer(8);
  ExpectNeedsReset("head");
}

TEST_F(Hostile, NextIndexOutOfRange) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kData, 16, kWrite | kNext, 200);
  drv.Offer(0);
  ExpectNeedsReset("next");
}

TEST_F(Hostile, DescriptorLoop) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kData, 16, kWrite | kNext, 1);
  drv.SetDesc(D::kDesc, 1, D::kData, 16, kWrite | kNext, 0);
  drv.Offer(0);
  ExpectNeedsReset("loop");
}

TEST_F(Hostile, SelfLoop) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 3, D::kData, 0, kNext, 3);
  drv.Offer(3);
  ExpectNeedsReset("self loop");
}

TEST_F(Hostile, BufferOutsideRam) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, 0x80000000, 16, kWrite);
  drv.Offer(0);
  ExpectNeedsReset("outside");
}

TEST_F(Hostile, BufferStraddlingRamEndIntoMmio) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kRam + D::kRamSize - 16, 32, kWrite);
  drv.Offer(0);
  ExpectNeedsReset("straddle");
}

TEST_F(Hostile, BufferOnTheTransportItself) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kMmio, 0x100, kWrite);
  drv.Offer(0);
  ExpectNeedsReset("transport");
}

TEST_F(Hostile, BufferWrappingAround) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, ~uint64_t{0} - 7, 16, kWrite);
  drv.Offer(0);
  ExpectNeedsReset("wrap");
}

TEST_F(Hostile, HugeLengths) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kData, 0xffffffff, kWrite);
  drv.Offer(0);
  ExpectNeedsReset("huge");
}

TEST_F(Hostile, ChainLongerThan4GiB) {
  // Each buffer is RAM-only by itself being tiny... but their lengths sum
  // past 2^32: the same RAM repeated is still refused by the total bound.
  drv.Start(0, 8);
  for (unsigned i = 0; i < 4; ++i)
    drv.SetDesc(D::kDesc, i, D::kRam, 0xf0000000, kWrite | (i < 3 ? kNext : 0), i + 1);
  drv.Offer(0);
  ExpectNeedsReset("long chain");
}

TEST_F(Hostile, ReadableAfterWritable) {
  drv.Start(0, 8);
  drv.SetDesc(D::kDesc, 0, D::kData, 16, kWrite | kNext, 1);
  drv.SetDesc(D::kDesc, 1, D::kData, 16, 0);
  drv.Offer(0);
  ExpectNeedsReset("order");
}

TEST_F(Hostile, IndirectWithoutNegotiation) {
  drv.Start(0, 8);
  drv.SetDesc(D::kIndirect, 0, D::kData, 16, kWrite);
  drv.SetDesc(D::kDesc, 0, D::kIndirect, 16, kIndirect);
  drv.Offer(0);
  ExpectNeedsReset("indirect not negotiated");
}

TEST_F(Hostile, IndirectLoopNestingAndBadTables) {
  struct Case {
    const char* what;
    uint64_t table;
    uint32_t table_len;
    uint16_t flags;
    void (*fill)(D&);
  };
  const Case cases[] = {
      {"indirect loop", D::kIndirect, 32, kIndirect,
       [](D& d) {
         d.SetDesc(D::kIndirect, 0, D::kData, 8, kWrite | kNext, 1);
         d.SetDesc(D::kIndirect, 1, D::kData, 8, kWrite | kNext, 0);
       }},
      {"nested indirect", D::kIndirect, 16, kIndirect,
       [](D& d) { d.SetDesc(D::kIndirect, 0, D::kIndirect, 16, kIndirect); }},
      {"indirect next out of table", D::kIndirect, 16, kIndirect,
       [](D& d) { d.SetDesc(D::kIndirect, 0, D::kData, 8, kWrite | kNext, 1); }},
      {"indirect length not multiple of 16", D::kIndirect, 24, kIndirect, [](D&) {}},
      {"empty indirect table", D::kIndirect, 0, kIndirect, [](D&) {}},
      {"indirect with next", D::kIndirect, 16, kIndirect | kNext, [](D&) {}},
      {"indirect table outside RAM", D::kRam + D::kRamSize - 16, 32, kIndirect, [](D&) {}},
      {"huge indirect table", D::kRam, 0xfffffff0, kIndirect, [](D&) {}},
  };
  for (const Case& c : cases) {
    drv.Set(M::kRegStatus, 0);
    drv.Fill(D::kUsed, 0, 0x100);
    drv.Fill(D::kIndirect, 0, 0x100);
    drv.Start(kVirtioRingFIndirectDesc, 8);
    c.fill(drv);
    drv.SetDesc(D::kDesc, 0, c.table, c.table_len, c.flags);
    drv.Offer(0);
    ExpectNeedsReset(c.what);
  }
}

TEST_F(Hostile, AvailIndexJump) {
  drv.Start(0, 8);
  const uint16_t idx = 100;
  drv.Poke(D::kAvail + 2, &idx, 2);
  drv.Set(M::kRegQueueNotify, 0);
  ExpectNeedsReset("avail idx");
}

TEST_F(Hostile, BadQueueSizes) {
  for (uint32_t num : {0u, 3u, 100u, 512u, 0x10000u, 0xffffffffu}) {
    drv.Set(M::kRegStatus, 0);
    ASSERT_TRUE(drv.Negotiate(kVersion1));
    EXPECT_FALSE(drv.SetupQueue(0, num)) << num;
    EXPECT_TRUE(drv.NeedsReset()) << num;
  }
}

TEST_F(Hostile, BadQueueAreas) {
  struct Case { uint64_t desc, avail, used; };
  const Case cases[] = {
      {D::kDesc + 8, D::kAvail, D::kUsed},                 // misaligned table
      {D::kDesc, D::kAvail + 1, D::kUsed},                 // misaligned avail
      {D::kDesc, D::kAvail, D::kUsed + 2},                 // misaligned used
      {0x80000000, D::kAvail, D::kUsed},                   // not RAM
      {D::kDesc, D::kRam + D::kRamSize - 2, D::kUsed},     // avail runs off RAM
      {D::kDesc, D::kAvail, D::kMmio},                     // used on MMIO
      {~uint64_t{0} & ~uint64_t{15}, D::kAvail, D::kUsed}, // wraps
  };
  for (const Case& c : cases) {
    drv.Set(M::kRegStatus, 0);
    ASSERT_TRUE(drv.Negotiate(kVersion1));
    EXPECT_FALSE(drv.SetupQueue(0, 8, c.desc, c.avail, c.used));
    EXPECT_TRUE(drv.NeedsReset());
  }
  EXPECT_EQ(neighbour.accesses, 0);
}

TEST_F(Hostile, NotifyOnUnreadyOrMissingQueue) {
  ASSERT_TRUE(drv.Negotiate(kVersion1));
  drv.DriverOk();
  drv.Set(M::kRegQueueNotify, 0);  // queue 0 never set up
  drv.Set(M::kRegQueueNotify, 1);  // no such queue
  drv.Set(M::kRegQueueNotify, 0xffffffff);
  EXPECT_FALSE(drv.NeedsReset());
  EXPECT_EQ(drv.Get(M::kRegInterruptStatus), 0u);
}

TEST_F(Hostile, QueueRegistersFrozenWhileReady) {
  drv.Start(0, 8);
  drv.Set(M::kRegQueueDescLow, 0x10);  // ignored: the queue is live
  drv.Set(M::kRegQueueNum, 3);
  drv.SetDesc(D::kDesc, 0, D::kData, 8, kWrite);
  drv.Offer(0);
  EXPECT_FALSE(drv.NeedsReset()) << transport.last_error();
  EXPECT_EQ(drv.UsedIdx(), 1);
}

TEST_F(Hostile, NothingRunsUntilResetThenRecovers) {
  drv.Start(0, 8);
  drv.Offer(8);
  ASSERT_TRUE(drv.NeedsReset());
  // The driver cannot clear NEEDS_RESET but by a reset.
  drv.Set(M::kRegStatus, drv.Status() & ~M::kStatusDeviceNeedsReset);
  EXPECT_TRUE(drv.NeedsReset());
  drv.SetDesc(D::kDesc, 0, D::kData, 8, kWrite);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 0);
  drv.Set(M::kRegStatus, 0);
  EXPECT_FALSE(drv.NeedsReset());
  EXPECT_FALSE(sink.level[D::kIntid]);
  drv.Start(0, 8);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
}

TEST(HostileBlk, RequestsWithoutHeaderOrStatus) {
  // A blk request that cannot carry a status byte cannot be answered.
  char path[] = "/tmp/virtio_hostile_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 4096), 0);
  close(fd);
  struct Case { const char* what; uint32_t hdr_len; bool status; };
  for (const Case& c : {Case{"no status", 16, false}, Case{"short header", 8, true},
                        Case{"no header", 0, true}}) {
    PhysicalMemory mem;
    std::string error;
    VirtioBlkOptions o;
    o.path = path;
    auto blk = VirtioBlk::Create(o, &error);
    ASSERT_NE(blk, nullptr) << error;
    VirtioMmio transport(mem, nullptr, 48, std::move(blk));
    D drv(mem, &transport);
    drv.Start(0, 8);
    unsigned n = 0;
    if (c.hdr_len) drv.SetDesc(D::kDesc, n, D::kData, c.hdr_len, c.status ? kNext : 0, n + 1), ++n;
    if (c.status) drv.SetDesc(D::kDesc, n, D::kData + 64, 1, kWrite), ++n;
    drv.Offer(0);
    EXPECT_TRUE(drv.NeedsReset()) << c.what;
    EXPECT_EQ(drv.UsedIdx(), 0) << c.what;
  }
  unlink(path);
}

TEST(HostileBlk, HugeReadIsBoundedByCapacity) {
  char path[] = "/tmp/virtio_hostile_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 4096), 0);
  close(fd);
  PhysicalMemory mem;
  std::string error;
  VirtioBlkOptions o;
  o.path = path;
  VirtioMmio transport(mem, nullptr, 48, VirtioBlk::Create(o, &error));
  D drv(mem, &transport);
  drv.Start(0, 8);
  const uint8_t poison = 0xee;
  drv.Poke(D::kData + 0x20, &poison, 1);  // header (type IN, sector 0) is zeros
  drv.SetDesc(D::kDesc, 0, D::kData, 16, kNext, 1);
  drv.SetDesc(D::kDesc, 1, D::kData + 0x1000, 512 * 1024, kWrite | kNext, 2);
  drv.SetDesc(D::kDesc, 2, D::kData + 0x20, 1, kWrite);
  drv.Offer(0);
  EXPECT_FALSE(drv.NeedsReset());
  EXPECT_EQ(drv.Peek<uint8_t>(D::kData + 0x20), VirtioBlk::kSIoErr);
  unlink(path);
}

}  // namespace
}  // namespace a64
