// A virtio 1.1 split virtqueue (virtio-v1.1 section 2.6), device side.
//
// Everything the guest provides is validated before use: the queue layout
// when the queue is enabled, then, for every request, the available index,
// the head index, each descriptor index, the chain length (loop detection),
// indirect tables (section 2.6.5.3) and every buffer's physical range, which
// must be guest RAM. A violation makes Pop() return kError with a reason; the
// transport then marks the device DEVICE_NEEDS_RESET.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mmu/physical_memory.h"

namespace a64 {

// One buffer of a descriptor chain.
struct VirtqSegment {
  uint64_t addr;
  uint32_t len;
  bool device_writable;
};

// A validated descriptor chain. The device-readable segments come first, then
// the device-writable ones (section 2.6.4.2); each part is seen as one byte
// stream whatever the framing (VIRTIO_F_ANY_LAYOUT is implied by VERSION_1).
class DescriptorChain {
 public:
  uint16_t head = 0;
  std::vector<VirtqSegment> segments;
  uint64_t readable_len = 0;
  uint64_t writable_len = 0;

  // Copies bytes [offset, offset + len) of the readable (resp. writable)
  // stream. False when the range exceeds the stream or is not guest RAM.
  bool ReadReadable(const PhysicalMemory& mem, uint64_t offset, void* dst, size_t len) const;
  bool WriteWritable(const PhysicalMemory& mem, uint64_t offset, const void* src,
                     size_t len) const;

 private:
  bool Transfer(const PhysicalMemory& mem, bool writable, uint64_t offset, uint8_t* buf,
                size_t len, bool to_guest) const;
};

class Virtqueue {
 public:
  // Descriptor flags (section 2.6.5).
  static constexpr uint16_t kDescFNext = 1;
  static constexpr uint16_t kDescFWrite = 2;
  static constexpr uint16_t kDescFIndirect = 4;
  // Available ring flag (section 2.6.7): the driver does not want interrupts.
  static constexpr uint16_t kAvailFNoInterrupt = 1;
  // Largest indirect table accepted, in descriptors.
  static constexpr uint32_t kMaxIndirectDescriptors = 1024;

  Virtqueue(const PhysicalMemory& mem, uint16_t max_size) : mem_(mem), max_size_(max_size) {}

  uint16_t max_size() const { return max_size_; }
  bool ready() const { return ready_; }
  uint32_t size() const { return num_; }
  const std::string& error() const { return error_; }

  // The driver's configuration; ignored while the queue is ready.
  void SetSize(uint32_t num) { if (!ready_) num_ = num; }
  void SetDescAddr(uint64_t a) { if (!ready_) desc_addr_ = a; }
  void SetDriverAddr(uint64_t a) { if (!ready_) driver_addr_ = a; }
  void SetDeviceAddr(uint64_t a) { if (!ready_) device_addr_ = a; }
  uint64_t desc_addr() const { return desc_addr_; }
  uint64_t driver_addr() const { return driver_addr_; }
  uint64_t device_addr() const { return device_addr_; }

  // QueueReady = 1: validates the size (a power of 2, 1..max_size, section
  // 2.6) and the three areas (alignment per section 2.6, inside guest RAM).
  // False (queue stays disabled, error() says why) on a violation.
  bool Enable(bool indirect_desc);
  // QueueReady = 0.
  void Disable();
  // Device reset: the whole queue back to its initial state.
  void Reset();

  enum class PopStatus { kEmpty, kChain, kError };
  // The next available chain. kError: the guest broke the protocol.
  PopStatus Pop(DescriptorChain* chain);
  // Returns a chain through the used ring. False: the used ring is not RAM.
  bool PushUsed(uint16_t head, uint32_t written);
  // Whether the driver wants a used buffer notification (no EVENT_IDX).
  bool DriverWantsInterrupt() const;

 private:
  bool Fail(std::string why);

  const PhysicalMemory& mem_;
  const uint16_t max_size_;
  uint32_t num_ = 0;
  uint64_t desc_addr_ = 0, driver_addr_ = 0, device_addr_ = 0;
  bool ready_ = false;
  bool indirect_desc_ = false;
  uint16_t last_avail_idx_ = 0;
  uint16_t used_idx_ = 0;
  std::string error_;
};

}  // namespace a64
