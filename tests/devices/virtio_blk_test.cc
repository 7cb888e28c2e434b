// virtio-blk on a raw image: read, write, flush, get-id, read-only and
// snapshot modes, bounds, unsupported requests.
#include "devices/virtio_blk.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "devices/virtio_mmio.h"
#include "tests/devices/virtio_fake_driver.h"

namespace a64 {
namespace {

using testing::FakeVirtioDriver;
using testing::RecordingSink;
using D = FakeVirtioDriver;

constexpr uint64_t kSectors = 64;
constexpr uint64_t kHeader = D::kData;            // 16-byte request header
constexpr uint64_t kBuf = D::kData + 0x1000;      // data
constexpr uint64_t kStatus = D::kData + 0x800;    // status byte

std::string TempPath(const char* name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/" + name;
}

// An image whose byte i is (i * 7 + i / 512) & 0xff.
uint8_t Pattern(uint64_t i) { return static_cast<uint8_t>(i * 7 + i / 512); }
std::string MakeImage(const char* name, uint64_t bytes = kSectors * 512) {
  const std::string path = TempPath(name);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  for (uint64_t i = 0; i < bytes; ++i) f.put(static_cast<char>(Pattern(i)));
  return path;
}
std::vector<uint8_t> FileBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

struct Blk {
  PhysicalMemory mem;
  RecordingSink sink;
  std::unique_ptr<VirtioMmio> transport;
  std::unique_ptr<D> drv;
  VirtioBlk* blk = nullptr;

  explicit Blk(const VirtioBlkOptions& o) {
    std::string error;
    std::unique_ptr<VirtioBlk> dev = VirtioBlk::Create(o, &error);
    EXPECT_NE(dev, nullptr) << error;
    blk = dev.get();
    transport = std::make_unique<VirtioMmio>(mem, &sink, D::kIntid, std::move(dev));
    drv = std::make_unique<D>(mem, transport.get());
    drv->Start(kVirtioRingFIndirectDesc, 16);
  }

  // Issues header / data / status as three descriptors; returns the status.
  uint8_t Request(uint32_t type, uint64_t sector, uint32_t data_len, bool data_writable) {
    uint8_t h[16] = {};
    std::memcpy(h, &type, 4);
    std::memcpy(h + 8, &sector, 8);
    drv->Poke(kHeader, h, 16);
    const uint8_t poison = 0xee;
    drv->Poke(kStatus, &poison, 1);
    unsigned n = 0;
    drv->SetDesc(D::kDesc, n, kHeader, 16, 1, n + 1), ++n;
    if (data_len) drv->SetDesc(D::kDesc, n, kBuf, data_len, 1 | (data_writable ? 2 : 0), n + 1), ++n;
    drv->SetDesc(D::kDesc, n, kStatus, 1, 2);
    const uint16_t before = drv->UsedIdx();
    drv->Offer(0);
    EXPECT_EQ(drv->UsedIdx(), before + 1);
    EXPECT_FALSE(drv->NeedsReset()) << transport->last_error();
    return drv->Peek<uint8_t>(kStatus);
  }
  uint32_t LastUsedLen() { return drv->UsedLen(drv->UsedIdx() - 1); }
};

VirtioBlkOptions Options(const std::string& path, bool ro = false, bool snap = false) {
  VirtioBlkOptions o;
  o.path = path;
  o.readonly = ro;
  o.snapshot = snap;
  o.serial = "serial-0123456789abcdefXYZ";  // longer than 20 bytes
  return o;
}

TEST(VirtioBlk, CreateReportsMissingFile) {
  std::string error;
  VirtioBlkOptions o;
  o.path = TempPath("does-not-exist.img");
  EXPECT_EQ(VirtioBlk::Create(o, &error), nullptr);
  EXPECT_NE(error.find("does-not-exist.img"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file"), std::string::npos) << error;
}

TEST(VirtioBlk, FeaturesAndConfig) {
  Blk b(Options(MakeImage("cfg.img")));
  const uint64_t f = b.drv->DeviceFeatures();
  EXPECT_TRUE(f & (uint64_t{1} << 32));
  EXPECT_TRUE(f & VirtioBlk::kFFlush);
  EXPECT_TRUE(f & VirtioBlk::kFBlkSize);
  EXPECT_FALSE(f & VirtioBlk::kFRo);
  EXPECT_EQ(b.drv->Get(VirtioMmio::kRegDeviceId), 2u);
  EXPECT_EQ(b.drv->Get(0x100), kSectors);  // capacity low
  EXPECT_EQ(b.drv->Get(0x104), 0u);        // capacity high
  EXPECT_EQ(b.drv->Get(0x114), 512u);      // blk_size
  uint64_t cap = 0;
  ASSERT_TRUE(b.mem.Read(D::kMmio + 0x100, &cap, 8));  // 64-bit config read
  EXPECT_EQ(cap, kSectors);
  uint8_t byte = 0xff;
  ASSERT_TRUE(b.mem.Read(D::kMmio + 0x100, &byte, 1));
  EXPECT_EQ(byte, kSectors);
  Blk ro(Options(MakeImage("cfg_ro.img"), true));
  EXPECT_TRUE(ro.drv->DeviceFeatures() & VirtioBlk::kFRo);
}

TEST(VirtioBlk, ReadSectors) {
  Blk b(Options(MakeImage("read.img")));
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, 3, 1024, true), VirtioBlk::kSOk);
  EXPECT_EQ(b.LastUsedLen(), 1025u);
  std::vector<uint8_t> got = b.drv->PeekBytes(kBuf, 1024);
  for (uint64_t i = 0; i < 1024; ++i) ASSERT_EQ(got[i], Pattern(3 * 512 + i)) << i;
}

TEST(VirtioBlk, WriteGoesToTheFileAndFlushSucceeds) {
  const std::string path = MakeImage("write.img");
  {
    Blk b(Options(path));
    b.drv->Fill(kBuf, 0x5a, 512);
    EXPECT_EQ(b.Request(VirtioBlk::kTOut, 10, 512, false), VirtioBlk::kSOk);
    EXPECT_EQ(b.LastUsedLen(), 1u);
    EXPECT_EQ(b.Request(VirtioBlk::kTFlush, 0, 0, false), VirtioBlk::kSOk);
    // Read back through the device.
    b.drv->Fill(kBuf, 0, 512);
    EXPECT_EQ(b.Request(VirtioBlk::kTIn, 10, 512, true), VirtioBlk::kSOk);
    EXPECT_EQ(b.drv->PeekBytes(kBuf, 512), std::vector<uint8_t>(512, 0x5a));
  }
  const std::vector<uint8_t> file = FileBytes(path);
  ASSERT_EQ(file.size(), kSectors * 512);
  for (uint64_t i = 0; i < file.size(); ++i)
    ASSERT_EQ(file[i], i / 512 == 10 ? 0x5a : Pattern(i)) << i;
}

TEST(VirtioBlk, SnapshotLeavesTheFileUntouched) {
  const std::string path = MakeImage("snap.img");
  const std::vector<uint8_t> original = FileBytes(path);
  {
    Blk b(Options(path, false, true));
    EXPECT_FALSE(b.drv->DeviceFeatures() & VirtioBlk::kFRo);
    // A write straddling two 4 KiB blocks, partial in both.
    b.drv->Fill(kBuf, 0xc3, 1024);
    EXPECT_EQ(b.Request(VirtioBlk::kTOut, 7, 1024, false), VirtioBlk::kSOk);
    EXPECT_EQ(b.Request(VirtioBlk::kTFlush, 0, 0, false), VirtioBlk::kSOk);
    b.drv->Fill(kBuf, 0, 4096);
    EXPECT_EQ(b.Request(VirtioBlk::kTIn, 6, 4096, true), VirtioBlk::kSOk);
    const std::vector<uint8_t> got = b.drv->PeekBytes(kBuf, 4096);
    for (uint64_t i = 0; i < 4096; ++i) {
      const uint64_t sector = 6 + i / 512;
      ASSERT_EQ(got[i], sector == 7 || sector == 8 ? 0xc3 : Pattern(6 * 512 + i)) << i;
    }
  }
  EXPECT_EQ(FileBytes(path), original);
}

TEST(VirtioBlk, ReadonlyRejectsOut) {
  const std::string path = MakeImage("ro.img");
  const std::vector<uint8_t> original = FileBytes(path);
  {
    Blk b(Options(path, true));
    b.drv->Fill(kBuf, 0x11, 512);
    EXPECT_EQ(b.Request(VirtioBlk::kTOut, 0, 512, false), VirtioBlk::kSIoErr);
    EXPECT_EQ(b.Request(VirtioBlk::kTIn, 0, 512, true), VirtioBlk::kSOk);
    EXPECT_EQ(b.drv->Peek<uint8_t>(kBuf + 1), Pattern(1));
    EXPECT_EQ(b.Request(VirtioBlk::kTFlush, 0, 0, false), VirtioBlk::kSOk);
  }
  EXPECT_EQ(FileBytes(path), original);
}

TEST(VirtioBlk, ReadonlyOpensAReadOnlyFile) {
  const std::string path = MakeImage("ro_mode.img");
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  std::string error;
  if (geteuid() != 0) {  // root ignores permissions
    EXPECT_EQ(VirtioBlk::Create(Options(path), &error), nullptr);
    EXPECT_NE(error.find("readonly"), std::string::npos) << error;
  }
  EXPECT_NE(VirtioBlk::Create(Options(path, true), &error), nullptr);
  EXPECT_NE(VirtioBlk::Create(Options(path, false, true), &error), nullptr);
}

TEST(VirtioBlk, SectorOutOfRangeIsIoErr) {
  Blk b(Options(MakeImage("range.img")));
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, kSectors, 512, true), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, kSectors - 1, 1024, true), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTOut, kSectors - 1, 1024, false), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, ~uint64_t{0}, 512, true), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTOut, ~uint64_t{0} / 512, 512, false), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, kSectors - 1, 512, true), VirtioBlk::kSOk);
  // Data not a multiple of 512 bytes.
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, 0, 100, true), VirtioBlk::kSIoErr);
  EXPECT_EQ(b.Request(VirtioBlk::kTOut, 0, 100, false), VirtioBlk::kSIoErr);
}

TEST(VirtioBlk, GetIdAndUnsupported) {
  Blk b(Options(MakeImage("id.img")));
  b.drv->Fill(kBuf, 0xff, 32);
  EXPECT_EQ(b.Request(VirtioBlk::kTGetId, 0, 20, true), VirtioBlk::kSOk);
  const std::vector<uint8_t> id = b.drv->PeekBytes(kBuf, 21);
  EXPECT_EQ(std::string(id.begin(), id.begin() + 20), "serial-0123456789abc");
  EXPECT_EQ(id[20], 0xff);
  EXPECT_EQ(b.Request(11 /* DISCARD */, 0, 0, false), VirtioBlk::kSUnsupp);
  EXPECT_EQ(b.Request(12345, 0, 512, true), VirtioBlk::kSUnsupp);
}

TEST(VirtioBlk, AnyLayoutAndIndirect) {
  Blk b(Options(MakeImage("layout.img")));
  // Header split 5 + 11 bytes, data as two 512-byte segments, status glued to
  // the last data segment, all in an indirect table.
  uint8_t h[16] = {};
  const uint64_t sector = 2;
  std::memcpy(h + 8, &sector, 8);  // type IN = 0
  b.drv->Poke(kHeader, h, 16);
  const uint64_t t = D::kIndirect;
  b.drv->SetDesc(t, 0, kHeader, 5, 1, 1);
  b.drv->SetDesc(t, 1, kHeader + 5, 11, 1, 2);
  b.drv->SetDesc(t, 2, kBuf + 0x1000, 512, 2 | 1, 3);
  b.drv->SetDesc(t, 3, kBuf, 513, 2);
  b.drv->SetDesc(D::kDesc, 0, t, 4 * 16, 4);
  b.drv->Offer(0);
  ASSERT_EQ(b.drv->UsedIdx(), 1);
  EXPECT_FALSE(b.drv->NeedsReset()) << b.transport->last_error();
  EXPECT_EQ(b.drv->Peek<uint8_t>(kBuf + 512), VirtioBlk::kSOk);
  EXPECT_EQ(b.drv->Peek<uint8_t>(kBuf + 0x1000), Pattern(2 * 512));
  EXPECT_EQ(b.drv->Peek<uint8_t>(kBuf + 511), Pattern(4 * 512 - 1));
  EXPECT_EQ(b.LastUsedLen(), 1025u);
}

TEST(VirtioBlk, OddSizedImageHasFloorCapacity) {
  Blk b(Options(MakeImage("odd.img", 3 * 512 + 100)));
  EXPECT_EQ(b.blk->sectors(), 3u);
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, 2, 512, true), VirtioBlk::kSOk);
  EXPECT_EQ(b.Request(VirtioBlk::kTIn, 3, 512, true), VirtioBlk::kSIoErr);
}

}  // namespace
}  // namespace a64
