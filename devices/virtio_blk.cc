#include "devices/virtio_blk.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace a64 {
namespace {

constexpr size_t kHeaderSize = 16;  // le32 type; le32 reserved; le64 sector
constexpr size_t kChunk = 64 * 1024;  // bounce buffer for data transfers

template <typename T>
void Put(uint8_t* config, size_t offset, T v) {
  std::memcpy(config + offset, &v, sizeof v);  // little-endian host
}

}  // namespace

std::unique_ptr<VirtioBlk> VirtioBlk::Create(const VirtioBlkOptions& options,
                                             std::string* error) {
  std::unique_ptr<VirtioBlkImage> image =
      VirtioBlkImage::Open(options.path, options.readonly, options.snapshot, error);
  if (!image) return nullptr;
  return std::unique_ptr<VirtioBlk>(new VirtioBlk(std::move(image), options.serial));
}

VirtioBlk::VirtioBlk(std::unique_ptr<VirtioBlkImage> image, std::string serial)
    : image_(std::move(image)), serial_(std::move(serial)) {
  // struct virtio_blk_config (section 5.2.4).
  Put<uint64_t>(config_, 0x00, image_->sectors());  // capacity
  Put<uint32_t>(config_, 0x08, kSizeMax);           // size_max
  Put<uint32_t>(config_, 0x0c, kSegMax);            // seg_max
  Put<uint32_t>(config_, 0x14, VirtioBlkImage::kSectorSize);  // blk_size
}

uint64_t VirtioBlk::DeviceFeatures() const {
  uint64_t f = kFSizeMax | kFSegMax | kFBlkSize | kFFlush;
  if (image_->readonly()) f |= kFRo;
  return f;
}

void VirtioBlk::ReadConfig(size_t offset, void* dst, size_t len) const {
  std::memcpy(dst, config_ + offset, len);
}

uint8_t VirtioBlk::DoIn(const DescriptorChain& chain, PhysicalMemory& mem, uint64_t sector,
                        uint64_t* data_written) {
  const uint64_t len = chain.writable_len - 1;  // the last byte is the status
  const uint64_t ss = VirtioBlkImage::kSectorSize;
  // Section 5.2.6.1: data is a multiple of 512 bytes; sector bounds checked.
  if (len % ss != 0 || sector > image_->sectors() || len / ss > image_->sectors() - sector)
    return kSIoErr;
  std::vector<uint8_t> buf(std::min<uint64_t>(len, kChunk));
  for (uint64_t done = 0; done < len;) {
    const size_t n = std::min<uint64_t>(len - done, kChunk);
    if (!image_->Read(sector * ss + done, buf.data(), n)) return kSIoErr;
    if (!chain.WriteWritable(mem, done, buf.data(), n)) return kSIoErr;
    done += n;
    *data_written = done;
  }
  return kSOk;
}

uint8_t VirtioBlk::DoOut(const DescriptorChain& chain, PhysicalMemory& mem, uint64_t sector) {
  const uint64_t len = chain.readable_len - kHeaderSize;
  const uint64_t ss = VirtioBlkImage::kSectorSize;
  // Section 5.2.6.2: a write to a read-only device fails without writing.
  if (image_->readonly()) return kSIoErr;
  if (len % ss != 0 || sector > image_->sectors() || len / ss > image_->sectors() - sector)
    return kSIoErr;
  std::vector<uint8_t> buf(std::min<uint64_t>(len, kChunk));
  for (uint64_t done = 0; done < len;) {
    const size_t n = std::min<uint64_t>(len - done, kChunk);
    if (!chain.ReadReadable(mem, kHeaderSize + done, buf.data(), n)) return kSIoErr;
    if (!image_->Write(sector * ss + done, buf.data(), n)) return kSIoErr;
    done += n;
  }
  return kSOk;
}

bool VirtioBlk::Process(unsigned queue, const DescriptorChain& chain, PhysicalMemory& mem,
                        uint32_t* written) {
  // Without a readable header and a writable status byte the request cannot
  // even be answered.
  uint8_t header[kHeaderSize];
  if (chain.readable_len < kHeaderSize || chain.writable_len < 1 ||
      !chain.ReadReadable(mem, 0, header, kHeaderSize))
    return false;
  uint32_t type;
  uint64_t sector;
  std::memcpy(&type, header, 4);
  std::memcpy(&sector, header + 8, 8);

  uint8_t status = kSUnsupp;
  uint64_t data_written = 0;
  switch (type) {
    case kTIn:
      status = DoIn(chain, mem, sector, &data_written);
      break;
    case kTOut:
      status = DoOut(chain, mem, sector);
      break;
    case kTFlush:
      status = image_->Flush() ? kSOk : kSIoErr;
      break;
    case kTGetId: {
      // Up to 20 bytes of serial, zero-padded, in the writable data part.
      uint8_t id[kIdBytes] = {};
      std::memcpy(id, serial_.data(), std::min(serial_.size(), kIdBytes));
      const size_t n = std::min<uint64_t>(kIdBytes, chain.writable_len - 1);
      status = chain.WriteWritable(mem, 0, id, n) ? kSOk : kSIoErr;
      if (status == kSOk) data_written = n;
      break;
    }
    default:
      break;  // VIRTIO_BLK_S_UNSUPP
  }
  if (!chain.WriteWritable(mem, chain.writable_len - 1, &status, 1)) return false;
  // The chain holds at most 2^32 bytes, so data plus status fits 32 bits.
  *written = static_cast<uint32_t>(std::min<uint64_t>(data_written + 1, UINT32_MAX));
  return true;
}

}  // namespace a64
