// The storage behind a virtio-blk device: a raw image file, read-only,
// read-write (pwrite, fsync on Flush and on destruction) or in snapshot mode
// (writes kept in a sparse in-memory overlay of 4 KiB blocks; the file is
// opened read-only and never written).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace a64 {

class VirtioBlkImage {
 public:
  static constexpr uint64_t kSectorSize = 512;

  // Opens `path`. On failure returns null and sets *error to a message that
  // names the file and the reason.
  static std::unique_ptr<VirtioBlkImage> Open(const std::string& path, bool readonly,
                                              bool snapshot, std::string* error);
  ~VirtioBlkImage();
  VirtioBlkImage(const VirtioBlkImage&) = delete;
  VirtioBlkImage& operator=(const VirtioBlkImage&) = delete;

  // Capacity in 512-byte sectors (a partial last sector is not addressable).
  uint64_t sectors() const { return sectors_; }
  bool readonly() const { return readonly_; }

  // Byte-addressed transfers inside [0, sectors() * 512). False on an I/O
  // error, an out-of-range access or a write to a read-only image.
  bool Read(uint64_t offset, void* dst, size_t len);
  bool Write(uint64_t offset, const void* src, size_t len);
  // Makes written data durable (fsync); a no-op success in snapshot mode.
  bool Flush();

 private:
  static constexpr uint64_t kBlockSize = 4096;
  using Block = std::array<uint8_t, kBlockSize>;

  VirtioBlkImage(int fd, uint64_t file_size, bool readonly, bool snapshot);
  bool InRange(uint64_t offset, size_t len) const;
  // pread of file bytes; bytes past the end of the file read as zero.
  bool ReadFile(uint64_t offset, uint8_t* dst, size_t len);

  int fd_;
  uint64_t file_size_;
  uint64_t sectors_;
  bool readonly_;
  bool snapshot_;
  bool dirty_ = false;
  std::unordered_map<uint64_t, std::unique_ptr<Block>> overlay_;  // by block number
};

}  // namespace a64
