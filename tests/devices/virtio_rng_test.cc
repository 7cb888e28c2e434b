// virtio-rng: deterministic bytes from xoshiro256**.
#include "devices/virtio_rng.h"

#include <gtest/gtest.h>

#include <memory>

#include "tests/devices/virtio_fake_driver.h"

namespace a64 {
namespace {

using testing::FakeVirtioDriver;
using testing::RecordingSink;

TEST(Xoshiro256StarStar, ReferenceVector) {
  // Outputs of the authors' reference code for the state {1, 2, 3, 4}.
  Xoshiro256StarStar g = Xoshiro256StarStar::FromState(1, 2, 3, 4);
  EXPECT_EQ(g.Next(), 11520u);
  EXPECT_EQ(g.Next(), 0u);
  EXPECT_EQ(g.Next(), 1509978240u);
  EXPECT_EQ(g.Next(), 1215971899390074240u);
}

TEST(Xoshiro256StarStar, FillIsTheLittleEndianStream) {
  Xoshiro256StarStar a(42), b(42);
  uint8_t bytes[13];
  a.Fill(bytes, 5);
  a.Fill(bytes + 5, 8);
  const uint64_t w0 = b.Next(), w1 = b.Next();
  for (int i = 0; i < 8; ++i) EXPECT_EQ(bytes[i], static_cast<uint8_t>(w0 >> (8 * i)));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(bytes[8 + i], static_cast<uint8_t>(w1 >> (8 * i)));
}

// Runs one request of two writable buffers (100 and 28 bytes) on a fresh rng.
std::vector<uint8_t> Entropy(uint64_t seed, uint32_t* used_len) {
  PhysicalMemory mem;
  RecordingSink sink;
  VirtioMmio transport(mem, &sink, FakeVirtioDriver::kIntid, std::make_unique<VirtioRng>(seed));
  FakeVirtioDriver drv(mem, &transport);
  drv.Start();
  const uint64_t a = FakeVirtioDriver::kData, b = FakeVirtioDriver::kData + 0x1000;
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, a, 100, 2 | 1, 1);
  drv.SetDesc(FakeVirtioDriver::kDesc, 1, b, 28, 2);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
  EXPECT_EQ(drv.UsedId(0), 0u);
  *used_len = drv.UsedLen(0);
  std::vector<uint8_t> out = drv.PeekBytes(a, 100);
  std::vector<uint8_t> tail = drv.PeekBytes(b, 28);
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

TEST(VirtioRng, FillsBuffersDeterministically) {
  uint32_t len1 = 0, len2 = 0, len3 = 0;
  const std::vector<uint8_t> a = Entropy(7, &len1);
  const std::vector<uint8_t> b = Entropy(7, &len2);
  const std::vector<uint8_t> c = Entropy(8, &len3);
  EXPECT_EQ(len1, 128u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // The bytes are exactly the generator's stream.
  Xoshiro256StarStar g(7);
  std::vector<uint8_t> expected(128);
  g.Fill(expected.data(), expected.size());
  EXPECT_EQ(a, expected);
}

TEST(VirtioRng, HugeBufferIsFilledOnlyUpToTheCap) {
  PhysicalMemory mem;
  VirtioMmio transport(mem, nullptr, 48, std::make_unique<VirtioRng>());
  FakeVirtioDriver drv(mem, &transport);
  drv.Start();
  // 512 KiB of RAM is available from kData: the whole range is validated but
  // only kMaxBytesPerRequest bytes are produced.
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 512 * 1024, 2);
  drv.Offer(0);
  EXPECT_FALSE(drv.NeedsReset());
  EXPECT_EQ(drv.UsedLen(0), VirtioRng::kMaxBytesPerRequest);
}

TEST(VirtioRng, ReadableOnlyChainGetsNothing) {
  PhysicalMemory mem;
  VirtioMmio transport(mem, nullptr, 48, std::make_unique<VirtioRng>());
  FakeVirtioDriver drv(mem, &transport);
  drv.Start();
  drv.Fill(FakeVirtioDriver::kData, 0xaa, 16);
  drv.SetDesc(FakeVirtioDriver::kDesc, 0, FakeVirtioDriver::kData, 16, 0);
  drv.Offer(0);
  EXPECT_EQ(drv.UsedIdx(), 1);
  EXPECT_EQ(drv.UsedLen(0), 0u);
  EXPECT_EQ(drv.PeekBytes(FakeVirtioDriver::kData, 16), std::vector<uint8_t>(16, 0xaa));
}

}  // namespace
}  // namespace a64
