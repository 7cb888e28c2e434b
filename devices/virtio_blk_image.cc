#include "devices/virtio_blk_image.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace a64 {

std::unique_ptr<VirtioBlkImage> VirtioBlkImage::Open(const std::string& path, bool readonly,
                                                     bool snapshot, std::string* error) {
  const bool write_file = !readonly && !snapshot;
  const int fd = ::open(path.c_str(), (write_file ? O_RDWR : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    *error = "cannot open disk image '" + path + "'" + (write_file ? " for writing" : "") +
             ": " + std::strerror(e);
    if (write_file && (e == EACCES || e == EROFS || e == EPERM))
      *error += " (use readonly or snapshot)";
    return nullptr;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *error = "disk image '" + path + "' is not a regular file";
    ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<VirtioBlkImage>(
      new VirtioBlkImage(fd, static_cast<uint64_t>(st.st_size), readonly, snapshot));
}

VirtioBlkImage::VirtioBlkImage(int fd, uint64_t file_size, bool readonly, bool snapshot)
    : fd_(fd),
      file_size_(file_size),
      sectors_(file_size / kSectorSize),
      readonly_(readonly),
      snapshot_(snapshot) {}

VirtioBlkImage::~VirtioBlkImage() {
  Flush();
  ::close(fd_);
}

bool VirtioBlkImage::InRange(uint64_t offset, size_t len) const {
  const uint64_t capacity = sectors_ * kSectorSize;
  return offset <= capacity && len <= capacity - offset;
}

bool VirtioBlkImage::ReadFile(uint64_t offset, uint8_t* dst, size_t len) {
  while (len > 0) {
    if (offset >= file_size_) {
      std::memset(dst, 0, len);
      return true;
    }
    const ssize_t n = ::pread(fd_, dst, std::min<uint64_t>(len, file_size_ - offset),
                              static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    dst += n;
    offset += n;
    len -= n;
  }
  return true;
}

bool VirtioBlkImage::Read(uint64_t offset, void* dst, size_t len) {
  if (!InRange(offset, len)) return false;
  uint8_t* out = static_cast<uint8_t*>(dst);
  if (overlay_.empty()) return ReadFile(offset, out, len);
  while (len > 0) {
    const uint64_t block = offset / kBlockSize;
    const uint64_t in_block = offset % kBlockSize;
    const size_t n = std::min<uint64_t>(len, kBlockSize - in_block);
    auto it = overlay_.find(block);
    if (it != overlay_.end()) std::memcpy(out, it->second->data() + in_block, n);
    else if (!ReadFile(offset, out, n)) return false;
    out += n;
    offset += n;
    len -= n;
  }
  return true;
}

bool VirtioBlkImage::Write(uint64_t offset, const void* src, size_t len) {
  if (readonly_ || !InRange(offset, len)) return false;
  const uint8_t* in = static_cast<const uint8_t*>(src);
  if (!snapshot_) {
    dirty_ = true;
    while (len > 0) {
      const ssize_t n = ::pwrite(fd_, in, len, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      in += n;
      offset += n;
      len -= n;
    }
    return true;
  }
  while (len > 0) {
    const uint64_t block = offset / kBlockSize;
    const uint64_t in_block = offset % kBlockSize;
    const size_t n = std::min<uint64_t>(len, kBlockSize - in_block);
    std::unique_ptr<Block>& b = overlay_[block];
    if (!b) {
      b = std::make_unique<Block>();
      // A partial block starts from the file's contents.
      if (n != kBlockSize && !ReadFile(block * kBlockSize, b->data(), kBlockSize)) {
        overlay_.erase(block);
        return false;
      }
    }
    std::memcpy(b->data() + in_block, in, n);
    in += n;
    offset += n;
    len -= n;
  }
  return true;
}

bool VirtioBlkImage::Flush() {
  if (snapshot_ || readonly_ || !dirty_) return true;
  if (::fsync(fd_) != 0) return false;
  dirty_ = false;
  return true;
}

}  // namespace a64
