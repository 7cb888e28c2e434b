// The virtio-mmio transport: identity, feature negotiation, status, queue
// registers and the interrupt line, driven through MMIO like a guest.
#include "devices/virtio_mmio.h"

#include <gtest/gtest.h>

#include <memory>

#include "devices/virtio_rng.h"
#include "tests/devices/virtio_fake_driver.h"

namespace a64 {
namespace {

using testing::FakeVirtioDriver;
using testing::RecordingSink;
using M = VirtioMmio;

constexpr uint64_t kVersion1 = uint64_t{1} << 32;

struct RngFixture : ::testing::Test {
  PhysicalMemory mem;
  RecordingSink sink;
  VirtioMmio transport{mem, &sink, FakeVirtioDriver::kIntid, std::make_unique<VirtioRng>()};
  FakeVirtioDriver drv{mem, &transport};
};

TEST_F(RngFixture, IdentityRegisters) {
  EXPECT_EQ(drv.Get(M::kRegMagicValue), 0x74726976u);
  EXPECT_EQ(drv.Get(M::kRegVersion), 2u);
  EXPECT_EQ(drv.Get(M::kRegDeviceId), 4u);
  EXPECT_EQ(drv.Get(M::kRegVendorId), 0x554D4551u);
  EXPECT_EQ(drv.Get(M::kRegConfigGeneration), 0u);
}

TEST(VirtioMmioEmptySlot, ReadsDeviceIdZeroAndIgnoresWrites) {
  PhysicalMemory mem;
  VirtioMmio slot(mem, nullptr, 49, nullptr);
  FakeVirtioDriver drv(mem, &slot);
  EXPECT_EQ(drv.Get(M::kRegMagicValue), 0x74726976u);
  EXPECT_EQ(drv.Get(M::kRegVersion), 2u);
  EXPECT_EQ(drv.Get(M::kRegDeviceId), 0u);
  drv.Set(M::kRegStatus, 1);
  drv.Set(M::kRegQueueNotify, 0);
  EXPECT_EQ(drv.Get(M::kRegStatus), 0u);
  EXPECT_EQ(drv.Get(M::kRegQueueNumMax), 0u);
  EXPECT_EQ(drv.Get(0x100), 0u);
}

TEST_F(RngFixture, OutsideWindowAndOddWidths) {
  uint64_t v = 1;
  EXPECT_FALSE(transport.Read(0x200, 4, &v));
  EXPECT_FALSE(transport.Write(0x200, 4, 0));
  // Control registers: 32-bit only; others read as zero.
  EXPECT_TRUE(transport.Read(0x000, 1, &v));
  EXPECT_EQ(v, 0u);
  EXPECT_TRUE(transport.Read(0x000, 8, &v));
  EXPECT_EQ(v, 0u);
  EXPECT_TRUE(transport.Write(M::kRegStatus, 1, 1));
  EXPECT_EQ(transport.status(), 0u);
  // The rng has no configuration space.
  EXPECT_TRUE(transport.Read(0x100, 4, &v));
  EXPECT_EQ(v, 0u);
}

TEST_F(RngFixture, DeviceFeaturesOfferVersion1AndIndirect) {
  const uint64_t f = drv.DeviceFeatures();
  EXPECT_EQ(f, kVersion1 | kVirtioRingFIndirectDesc);
  drv.Set(M::kRegDeviceFeaturesSel, 2);
  EXPECT_EQ(drv.Get(M::kRegDeviceFeatures), 0u);
}

TEST_F(RngFixture, FeaturesOkRequiresVersion1) {
  EXPECT_FALSE(drv.Negotiate(0));  // legacy driver refused
  EXPECT_EQ(drv.Status() & M::kStatusFeaturesOk, 0u);
  EXPECT_FALSE(drv.Negotiate(kVersion1 | kVirtioRingFEventIdx));  // not offered
  EXPECT_FALSE(drv.Negotiate(kVersion1 | (uint64_t{1} << 40)));
  EXPECT_TRUE(drv.Negotiate(kVersion1));
  EXPECT_TRUE(drv.Negotiate(kVersion1 | kVirtioRingFIndirectDesc));
  // Features are frozen once FEATURES_OK is set.
  drv.Set(M::kRegDriverFeaturesSel, 1);
  drv.Set(M::kRegDriverFeatures, 0);
  drv.Set(M::kRegStatus, drv.Status() | M::kStatusDriverOk);
  EXPECT_NE(drv.Status() & M::kStatusFeaturesOk, 0u);
}

TEST_F(RngFixture, QueueRegisters) {
  ASSERT_TRUE(drv.Negotiate(kVersion1));
  drv.Set(M::kRegQueueSel, 0);
  EXPECT_EQ(drv.Get(M::kRegQueueNumMax), 256u);
  EXPECT_EQ(drv.Get(M::kRegQueueReady), 0u);
  drv.Set(M::kRegQueueSel, 1);  // the rng has one queue
  EXPECT_EQ(drv.Get(M::kRegQueueNumMax), 0u);
  drv.Set(M::kRegQueueReady, 1);
  EXPECT_EQ(drv.Get(M::kRegQueueReady), 0u);
  EXPECT_TRUE(drv.SetupQueue(0, 8));
  // Disabling reads back as 0 (Linux's vm_del_vq checks it).
  drv.Set(M::kRegQueueReady, 0);
  EXPECT_EQ(drv.Get(M::kRegQueueReady), 0u);
}

TEST_F(RngFixture, UsedBufferInterruptAndAck) {
  drv.Start();
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 32, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
  EXPECT_EQ(drv.Get(M::kRegInterruptStatus), M::kIntUsedBuffer);
  EXPECT_TRUE(sink.level[FakeVirtioDriver::kIntid]);
  drv.Set(M::kRegInterruptAck, M::kIntUsedBuffer);
  EXPECT_EQ(drv.Get(M::kRegInterruptStatus), 0u);
  EXPECT_FALSE(sink.level[FakeVirtioDriver::kIntid]);
}

TEST_F(RngFixture, NoInterruptFlagSuppressesNotification) {
  drv.Start();
  drv.SetAvailFlags(1);
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 32, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
  EXPECT_EQ(drv.Get(M::kRegInterruptStatus), 0u);
  EXPECT_EQ(sink.changes, 0);
}

TEST_F(RngFixture, BuffersBeforeDriverOkWaitForIt) {
  ASSERT_TRUE(drv.Negotiate(kVersion1));
  ASSERT_TRUE(drv.SetupQueue(0, 4));
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 8, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 0);
  drv.DriverOk();
  EXPECT_EQ(drv.UsedIdx(), 1);
}

TEST_F(RngFixture, ResetClearsEverything) {
  drv.Start();
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 8, 2);
  drv.Offer(0);
  ASSERT_TRUE(sink.level[FakeVirtioDriver::kIntid]);
  drv.Set(M::kRegStatus, 0);
  EXPECT_EQ(drv.Status(), 0u);
  EXPECT_EQ(drv.Get(M::kRegInterruptStatus), 0u);
  EXPECT_FALSE(sink.level[FakeVirtioDriver::kIntid]);
  drv.Set(M::kRegQueueSel, 0);
  EXPECT_EQ(drv.Get(M::kRegQueueReady), 0u);
  // And the device works again from scratch.
  drv.Fill(FakeVirtioDriver::kUsed, 0, 64);
  drv.Start();
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 8, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
}

TEST_F(RngFixture, QueuesDoNotRunWithoutFeaturesOk) {
  ASSERT_FALSE(drv.Negotiate(0));
  drv.SetupQueue(0, 4);
  drv.Set(M::kRegStatus, M::kStatusAcknowledge | M::kStatusDriver | M::kStatusDriverOk);
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 8, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 0);
}

}  // namespace
}  // namespace a64
