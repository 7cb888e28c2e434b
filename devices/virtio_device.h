// A virtio device type (block, entropy, ...) as the transport sees it: its
// identity, features, configuration space and request handling. Transports
// (virtio_mmio.h) own the queues and the device status.
#pragma once

#include <cstddef>
#include <cstdint>

#include "devices/virtqueue.h"
#include "mmu/physical_memory.h"

namespace a64 {

// Reserved feature bits (virtio-v1.1 section 6).
inline constexpr uint64_t kVirtioRingFIndirectDesc = uint64_t{1} << 28;
inline constexpr uint64_t kVirtioRingFEventIdx = uint64_t{1} << 29;
inline constexpr uint64_t kVirtioFVersion1 = uint64_t{1} << 32;

// Device IDs (section 5).
inline constexpr uint32_t kVirtioIdBlock = 2;
inline constexpr uint32_t kVirtioIdEntropy = 4;

class VirtioDevice {
 public:
  virtual ~VirtioDevice() = default;
  virtual uint32_t DeviceId() const = 0;
  // Device-type feature bits (0-23); the transport adds the reserved ones.
  virtual uint64_t DeviceFeatures() const = 0;
  virtual unsigned NumQueues() const = 0;
  virtual uint16_t QueueMaxSize() const { return 256; }
  // The configuration space (section 4.2.2, offset 0x100 on MMIO).
  virtual size_t ConfigSize() const = 0;
  // Copies config bytes [offset, offset + len), which lie inside ConfigSize().
  virtual void ReadConfig(size_t offset, void* dst, size_t len) const = 0;
  // Device reset (status written 0).
  virtual void Reset() {}
  // Handles one request of queue `queue`; *written = bytes written into the
  // device-writable part. False: the request is malformed in a way the device
  // cannot report to the driver (the transport sets DEVICE_NEEDS_RESET).
  virtual bool Process(unsigned queue, const DescriptorChain& chain, PhysicalMemory& mem,
                       uint32_t* written) = 0;
};

}  // namespace a64
