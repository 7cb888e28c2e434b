// The physical address space of the machine: RAM regions backed by host
// memory and MMIO regions dispatched to devices. Every access to a physical
// address that no region covers, or that a device refuses, is an External
// abort reported to the caller (never a host crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

namespace a64 {

// A memory-mapped device. `offset` is relative to the region base; `size` is
// 1, 2, 4 or 8 and the access is naturally aligned. Returning false makes the
// access an External abort.
class MmioDevice {
 public:
  virtual ~MmioDevice() = default;
  virtual bool Read(uint64_t offset, unsigned size, uint64_t* value) = 0;
  virtual bool Write(uint64_t offset, unsigned size, uint64_t value) = 0;
};

class PhysicalMemory {
 public:
  PhysicalMemory() = default;
  ~PhysicalMemory();
  PhysicalMemory(const PhysicalMemory&) = delete;
  PhysicalMemory& operator=(const PhysicalMemory&) = delete;

  // Adds a zero-filled RAM region. `base` and `size` must be multiples of
  // 4 KiB and the region must not overlap another one. False on error.
  bool AddRam(uint64_t base, uint64_t size);
  // Adds an MMIO region (any alignment, no overlap). The device is not owned.
  bool AddMmio(uint64_t base, uint64_t size, MmioDevice* device);

  // The host address of `pa` when it is RAM, else nullptr. RAM regions are
  // 4 KiB aligned, so the pointer is valid up to the end of pa's 4 KiB page.
  uint8_t* HostPointer(uint64_t pa) const;
  bool IsRam(uint64_t pa) const { return HostPointer(pa) != nullptr; }

  // Physical reads/writes of any size, split across regions and into
  // naturally aligned device accesses of at most 8 bytes. False: some byte is
  // unmapped or a device refused (External abort); for writes, bytes before
  // the failing piece may have been written.
  bool Read(uint64_t pa, void* dst, size_t size) const;
  bool Write(uint64_t pa, const void* src, size_t size);

  // Pages (4 KiB, by physical address) whose writes a JIT wants to observe
  // (self-modifying code). The MMU sends writes to these through its slow path.
  void SetWriteWatch(uint64_t pa, bool watched);
  bool IsWriteWatched(uint64_t pa) const {
    return !watched_pages_.empty() && watched_pages_.count(pa >> 12) != 0;
  }
  // Called with the page address before a write to a watched page; it may
  // unwatch the page.
  void SetWriteWatchHandler(std::function<void(uint64_t pa_page)> handler) {
    watch_handler_ = std::move(handler);
  }
  // Every writer of RAM calls this before writing [pa, pa + size): Write
  // below, the MMU's slow path, device DMA (devices/virtio_dma.h).
  void NotifyWrite(uint64_t pa, uint64_t size) const {
    if (watched_pages_.empty() || size == 0) return;
    for (uint64_t p = pa >> 12, e = (pa + size - 1) >> 12; p <= e; ++p)
      if (watched_pages_.count(p) && watch_handler_) watch_handler_(p << 12);
  }

 private:
  struct Region {
    uint64_t base;
    uint64_t size;
    uint8_t* host;        // RAM: the mmap'd backing store
    MmioDevice* device;   // MMIO
  };
  const Region* Find(uint64_t pa) const;
  bool Insert(const Region& r);
  // Largest naturally aligned piece (1, 2, 4 or 8 bytes) at `pa` within `size`.
  static unsigned DevicePiece(uint64_t pa, size_t size);

  std::vector<Region> regions_;  // sorted by base, disjoint
  std::unordered_set<uint64_t> watched_pages_;
  std::function<void(uint64_t)> watch_handler_;
};

}  // namespace a64
