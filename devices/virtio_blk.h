// virtio-blk (virtio-v1.1 section 5.2) on a raw image file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "devices/virtio_blk_image.h"
#include "devices/virtio_device.h"

namespace a64 {

struct VirtioBlkOptions {
  std::string path;
  bool readonly = false;  // VIRTIO_BLK_F_RO; OUT requests fail with IOERR
  bool snapshot = false;  // writes stay in memory; the file is never written
  std::string serial = "a64sim-disk";  // GET_ID answer (at most 20 bytes used)
};

class VirtioBlk final : public VirtioDevice {
 public:
  // Feature bits (section 5.2.3).
  static constexpr uint64_t kFSizeMax = uint64_t{1} << 1;
  static constexpr uint64_t kFSegMax = uint64_t{1} << 2;
  static constexpr uint64_t kFRo = uint64_t{1} << 5;
  static constexpr uint64_t kFBlkSize = uint64_t{1} << 6;
  static constexpr uint64_t kFFlush = uint64_t{1} << 9;
  // Request types and status values (section 5.2.6).
  static constexpr uint32_t kTIn = 0;
  static constexpr uint32_t kTOut = 1;
  static constexpr uint32_t kTFlush = 4;
  static constexpr uint32_t kTGetId = 8;
  static constexpr uint8_t kSOk = 0;
  static constexpr uint8_t kSIoErr = 1;
  static constexpr uint8_t kSUnsupp = 2;
  static constexpr size_t kIdBytes = 20;  // VIRTIO_BLK_ID_BYTES
  static constexpr uint16_t kQueueSize = 256;
  // Advertised limits: the largest segment and segments per request.
  static constexpr uint32_t kSizeMax = 1u << 20;
  static constexpr uint32_t kSegMax = kQueueSize - 2;  // header and status take two
  static constexpr size_t kConfigSize = 0x3c;  // struct virtio_blk_config up to 1.1

  // Opens the image; null with *error set (a message naming the file) on failure.
  static std::unique_ptr<VirtioBlk> Create(const VirtioBlkOptions& options, std::string* error);

  uint32_t DeviceId() const override { return kVirtioIdBlock; }
  uint64_t DeviceFeatures() const override;
  unsigned NumQueues() const override { return 1; }
  uint16_t QueueMaxSize() const override { return kQueueSize; }
  size_t ConfigSize() const override { return kConfigSize; }
  void ReadConfig(size_t offset, void* dst, size_t len) const override;
  bool Process(unsigned queue, const DescriptorChain& chain, PhysicalMemory& mem,
               uint32_t* written) override;

  uint64_t sectors() const { return image_->sectors(); }

 private:
  VirtioBlk(std::unique_ptr<VirtioBlkImage> image, std::string serial);
  uint8_t DoIn(const DescriptorChain& chain, PhysicalMemory& mem, uint64_t sector,
               uint64_t* data_written);
  uint8_t DoOut(const DescriptorChain& chain, PhysicalMemory& mem, uint64_t sector);

  std::unique_ptr<VirtioBlkImage> image_;
  std::string serial_;
  uint8_t config_[kConfigSize] = {};
};

}  // namespace a64
