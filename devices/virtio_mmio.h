// The virtio-mmio transport, version 2 register layout (virtio-v1.1 section
// 4.2.2), as QEMU's virt board maps it (0x200-byte windows). Without a device
// it is an empty slot: DeviceID 0, which drivers skip.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/interrupt_sink.h"
#include "devices/virtio_device.h"
#include "devices/virtqueue.h"
#include "mmu/physical_memory.h"

namespace a64 {

class VirtioMmio final : public MmioDevice {
 public:
  static constexpr uint64_t kWindowSize = 0x200;
  static constexpr uint32_t kMagicValue = 0x74726976;  // "virt"
  static constexpr uint32_t kVendorId = 0x554D4551;    // "QEMU", as QEMU
  // Register offsets (section 4.2.2).
  enum Reg : uint64_t {
    kRegMagicValue = 0x000,
    kRegVersion = 0x004,
    kRegDeviceId = 0x008,
    kRegVendorId = 0x00c,
    kRegDeviceFeatures = 0x010,
    kRegDeviceFeaturesSel = 0x014,
    kRegDriverFeatures = 0x020,
    kRegDriverFeaturesSel = 0x024,
    kRegQueueSel = 0x030,
    kRegQueueNumMax = 0x034,
    kRegQueueNum = 0x038,
    kRegQueueReady = 0x044,
    kRegQueueNotify = 0x050,
    kRegInterruptStatus = 0x060,
    kRegInterruptAck = 0x064,
    kRegStatus = 0x070,
    kRegQueueDescLow = 0x080,
    kRegQueueDescHigh = 0x084,
    kRegQueueDriverLow = 0x090,
    kRegQueueDriverHigh = 0x094,
    kRegQueueDeviceLow = 0x0a0,
    kRegQueueDeviceHigh = 0x0a4,
    kRegConfigGeneration = 0x0fc,
    kRegConfig = 0x100,
  };
  // Device status bits (section 2.1).
  static constexpr uint32_t kStatusAcknowledge = 1;
  static constexpr uint32_t kStatusDriver = 2;
  static constexpr uint32_t kStatusDriverOk = 4;
  static constexpr uint32_t kStatusFeaturesOk = 8;
  static constexpr uint32_t kStatusDeviceNeedsReset = 64;
  static constexpr uint32_t kStatusFailed = 128;
  // InterruptStatus bits.
  static constexpr uint32_t kIntUsedBuffer = 1;
  static constexpr uint32_t kIntConfigChange = 2;

  // `device` null: an empty slot. `irq` may be null (no interrupt line).
  VirtioMmio(PhysicalMemory& mem, InterruptSink* irq, unsigned intid,
             std::unique_ptr<VirtioDevice> device);

  bool Read(uint64_t offset, unsigned size, uint64_t* value) override;
  bool Write(uint64_t offset, unsigned size, uint64_t value) override;

  VirtioDevice* device() const { return device_.get(); }
  uint32_t status() const { return status_; }
  uint32_t interrupt_status() const { return interrupt_status_; }
  // Why the device last entered DEVICE_NEEDS_RESET (or a queue was refused).
  const std::string& last_error() const { return last_error_; }

 private:
  uint32_t ReadRegister(uint64_t offset) const;
  void WriteRegister(uint64_t offset, uint32_t value);
  void WriteStatus(uint32_t value);
  void DeviceReset();
  Virtqueue* SelectedQueue();
  bool QueuesLive() const;
  void ProcessQueue(unsigned index);
  void SetNeedsReset(const std::string& why);
  void RaiseInterrupt(uint32_t bits);
  void UpdateLine();
  uint64_t OfferedFeatures() const;

  PhysicalMemory& mem_;
  InterruptSink* const irq_;
  const unsigned intid_;
  const std::unique_ptr<VirtioDevice> device_;
  std::vector<Virtqueue> queues_;
  uint32_t status_ = 0;
  uint32_t device_features_sel_ = 0;
  uint32_t driver_features_sel_ = 0;
  uint64_t driver_features_ = 0;
  uint32_t queue_sel_ = 0;
  uint32_t interrupt_status_ = 0;
  bool line_level_ = false;
  std::string last_error_;
};

}  // namespace a64
