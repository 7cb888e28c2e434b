#include "devices/virtio_dma.h"

#include <algorithm>
#include <cstring>

namespace a64 {
namespace {

constexpr uint64_t kPageSize = 4096;  // RAM regions are 4 KiB aligned

// Bytes from `pa` to the end of its 4 KiB page, at most `len`.
uint64_t PageChunk(uint64_t pa, uint64_t len) {
  return std::min<uint64_t>(len, kPageSize - (pa & (kPageSize - 1)));
}

}  // namespace

bool IsGuestRamRange(const PhysicalMemory& mem, uint64_t pa, uint64_t len) {
  if (len == 0) return true;
  if (pa + (len - 1) < pa) return false;  // wraps around
  while (len > 0) {
    if (!mem.HostPointer(pa)) return false;
    const uint64_t n = PageChunk(pa, len);
    pa += n;
    len -= n;
  }
  return true;
}

bool ReadGuestRam(const PhysicalMemory& mem, uint64_t pa, void* dst, size_t len) {
  if (!IsGuestRamRange(mem, pa, len)) return false;
  uint8_t* out = static_cast<uint8_t*>(dst);
  while (len > 0) {
    const uint64_t n = PageChunk(pa, len);
    std::memcpy(out, mem.HostPointer(pa), n);
    pa += n;
    out += n;
    len -= n;
  }
  return true;
}

bool WriteGuestRam(const PhysicalMemory& mem, uint64_t pa, const void* src, size_t len) {
  if (!IsGuestRamRange(mem, pa, len)) return false;
  mem.NotifyWrite(pa, len);
  const uint8_t* in = static_cast<const uint8_t*>(src);
  while (len > 0) {
    const uint64_t n = PageChunk(pa, len);
    std::memcpy(mem.HostPointer(pa), in, n);
    pa += n;
    in += n;
    len -= n;
  }
  return true;
}

}  // namespace a64
