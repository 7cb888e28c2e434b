#include "devices/virtio_mmio.h"

#include <cstdio>
#include <cstring>

namespace a64 {

VirtioMmio::VirtioMmio(PhysicalMemory& mem, InterruptSink* irq, unsigned intid,
                       std::unique_ptr<VirtioDevice> device)
    : mem_(mem), irq_(irq), intid_(intid), device_(std::move(device)) {
  if (device_) {
    queues_.reserve(device_->NumQueues());
    for (unsigned i = 0; i < device_->NumQueues(); ++i)
      queues_.emplace_back(mem_, device_->QueueMaxSize());
  }
}

uint64_t VirtioMmio::OfferedFeatures() const {
  // VERSION_1 always (modern device only); indirect descriptors supported;
  // EVENT_IDX not offered, so used_event/avail_event are never used.
  return device_->DeviceFeatures() | kVirtioFVersion1 | kVirtioRingFIndirectDesc;
}

// Section 4.2.2.2: the driver uses only 32-bit aligned accesses to the control
// registers; the configuration space takes 8-, 16-, 32- and 64-bit accesses.
// Other accesses, unknown offsets and reads of write-only registers are
// read-as-zero / writes-ignored, as in QEMU (not an External abort).
bool VirtioMmio::Read(uint64_t offset, unsigned size, uint64_t* value) {
  *value = 0;
  if (offset >= kWindowSize) return false;
  if (offset < kRegConfig) {
    if (size == 4 && offset % 4 == 0) *value = ReadRegister(offset);
    return true;
  }
  if (!device_) return true;
  const size_t config_offset = offset - kRegConfig;
  const size_t config_size = device_->ConfigSize();
  if (config_offset < config_size && size <= config_size - config_offset) {
    uint8_t bytes[8] = {};
    device_->ReadConfig(config_offset, bytes, size);
    std::memcpy(value, bytes, size);  // little-endian host and guest
  }
  return true;
}

bool VirtioMmio::Write(uint64_t offset, unsigned size, uint64_t value) {
  if (offset >= kWindowSize) return false;
  // No device type here has a writable configuration field (no CONFIG_WCE).
  if (offset < kRegConfig && size == 4 && offset % 4 == 0 && device_)
    WriteRegister(offset, static_cast<uint32_t>(value));
  return true;
}

uint32_t VirtioMmio::ReadRegister(uint64_t offset) const {
  switch (offset) {
    case kRegMagicValue: return kMagicValue;
    case kRegVersion: return 2;
    case kRegDeviceId: return device_ ? device_->DeviceId() : 0;
    case kRegVendorId: return kVendorId;
  }
  if (!device_) return 0;
  switch (offset) {
    case kRegDeviceFeatures:
      if (device_features_sel_ > 1) return 0;
      return static_cast<uint32_t>(OfferedFeatures() >> (32 * device_features_sel_));
    case kRegQueueNumMax:
      return queue_sel_ < queues_.size() ? queues_[queue_sel_].max_size() : 0;
    case kRegQueueReady:
      return queue_sel_ < queues_.size() && queues_[queue_sel_].ready() ? 1 : 0;
    case kRegInterruptStatus: return interrupt_status_;
    case kRegStatus: return status_;
    // The configuration never changes after construction.
    case kRegConfigGeneration: return 0;
  }
  return 0;
}

Virtqueue* VirtioMmio::SelectedQueue() {
  return queue_sel_ < queues_.size() ? &queues_[queue_sel_] : nullptr;
}

static uint64_t WithLow(uint64_t old, uint32_t v) { return (old & ~0xffffffffull) | v; }
static uint64_t WithHigh(uint64_t old, uint32_t v) {
  return (old & 0xffffffffull) | (uint64_t{v} << 32);
}

void VirtioMmio::WriteRegister(uint64_t offset, uint32_t value) {
  Virtqueue* q = SelectedQueue();
  switch (offset) {
    case kRegDeviceFeaturesSel: device_features_sel_ = value; return;
    case kRegDriverFeatures:
      // Section 3.1.1: features are fixed once FEATURES_OK is set.
      if (status_ & kStatusFeaturesOk) return;
      if (driver_features_sel_ == 0) driver_features_ = WithLow(driver_features_, value);
      else if (driver_features_sel_ == 1) driver_features_ = WithHigh(driver_features_, value);
      return;
    case kRegDriverFeaturesSel: driver_features_sel_ = value; return;
    case kRegQueueSel: queue_sel_ = value; return;
    case kRegQueueNum: if (q) q->SetSize(value); return;
    case kRegQueueReady:
      if (!q) return;
      if (value == 0) {
        q->Disable();
      } else if (!q->ready() && !q->Enable((driver_features_ & kVirtioRingFIndirectDesc) != 0)) {
        SetNeedsReset("queue " + std::to_string(queue_sel_) + ": " + q->error());
      }
      return;
    case kRegQueueNotify:
      // Without VIRTIO_F_NOTIFICATION_DATA the value is the queue index.
      if (value < queues_.size()) ProcessQueue(value);
      return;
    case kRegInterruptAck:
      interrupt_status_ &= ~value;
      UpdateLine();
      return;
    case kRegStatus: WriteStatus(value); return;
    case kRegQueueDescLow: if (q) q->SetDescAddr(WithLow(q->desc_addr(), value)); return;
    case kRegQueueDescHigh: if (q) q->SetDescAddr(WithHigh(q->desc_addr(), value)); return;
    case kRegQueueDriverLow: if (q) q->SetDriverAddr(WithLow(q->driver_addr(), value)); return;
    case kRegQueueDriverHigh: if (q) q->SetDriverAddr(WithHigh(q->driver_addr(), value)); return;
    case kRegQueueDeviceLow: if (q) q->SetDeviceAddr(WithLow(q->device_addr(), value)); return;
    case kRegQueueDeviceHigh: if (q) q->SetDeviceAddr(WithHigh(q->device_addr(), value)); return;
  }
}

void VirtioMmio::WriteStatus(uint32_t value) {
  if (value == 0) {
    DeviceReset();
    return;
  }
  // DEVICE_NEEDS_RESET belongs to the device: the driver cannot set or clear it.
  uint32_t next = (value & 0xff & ~kStatusDeviceNeedsReset) | (status_ & kStatusDeviceNeedsReset);
  if ((next & kStatusFeaturesOk) && !(status_ & kStatusFeaturesOk)) {
    // Section 3.1.1 step 6 / 6.1: refuse a feature set we did not offer, and
    // (a modern-only device) any driver that does not accept VERSION_1; the
    // driver sees FEATURES_OK clear when it reads the status back.
    const bool acceptable = (driver_features_ & kVirtioFVersion1) != 0 &&
                            (driver_features_ & ~OfferedFeatures()) == 0;
    if (!acceptable) next &= ~kStatusFeaturesOk;
  }
  const bool became_live = !QueuesLive();
  status_ = next;
  // Buffers made available before DRIVER_OK are processed once it is set.
  if (became_live && QueuesLive())
    for (unsigned i = 0; i < queues_.size(); ++i) ProcessQueue(i);
}

bool VirtioMmio::QueuesLive() const {
  // Section 3.1.2: no buffer is used before DRIVER_OK; nothing after a fault.
  return (status_ & kStatusDriverOk) && (status_ & kStatusFeaturesOk) &&
         !(status_ & (kStatusDeviceNeedsReset | kStatusFailed));
}

void VirtioMmio::DeviceReset() {
  status_ = 0;
  device_features_sel_ = 0;
  driver_features_sel_ = 0;
  driver_features_ = 0;
  queue_sel_ = 0;
  for (Virtqueue& q : queues_) q.Reset();
  interrupt_status_ = 0;
  UpdateLine();
  device_->Reset();
}

void VirtioMmio::ProcessQueue(unsigned index) {
  Virtqueue& q = queues_[index];
  if (!QueuesLive() || !q.ready()) return;
  DescriptorChain chain;
  bool used = false;
  // Each Pop consumes one available entry and at most `size` are pending.
  for (uint32_t n = 0; n < q.size(); ++n) {
    const Virtqueue::PopStatus s = q.Pop(&chain);
    if (s == Virtqueue::PopStatus::kEmpty) break;
    if (s == Virtqueue::PopStatus::kError) {
      SetNeedsReset("queue " + std::to_string(index) + ": " + q.error());
      break;
    }
    uint32_t written = 0;
    if (!device_->Process(index, chain, mem_, &written)) {
      SetNeedsReset("queue " + std::to_string(index) + ": malformed request");
      break;
    }
    if (!q.PushUsed(chain.head, written)) {
      SetNeedsReset("queue " + std::to_string(index) + ": " + q.error());
      break;
    }
    used = true;
  }
  if (used && q.DriverWantsInterrupt()) RaiseInterrupt(kIntUsedBuffer);
}

void VirtioMmio::SetNeedsReset(const std::string& why) {
  last_error_ = why;
  std::fprintf(stderr, "virtio-mmio (intid %u): device needs reset: %s\n", intid_, why.c_str());
  status_ |= kStatusDeviceNeedsReset;
  // Section 2.1.2: with DRIVER_OK set, a configuration change notification.
  if (status_ & kStatusDriverOk) RaiseInterrupt(kIntConfigChange);
}

void VirtioMmio::RaiseInterrupt(uint32_t bits) {
  interrupt_status_ |= bits;
  UpdateLine();
}

void VirtioMmio::UpdateLine() {
  const bool level = interrupt_status_ != 0;
  if (level == line_level_) return;
  line_level_ = level;
  if (irq_) irq_->SetLevel(intid_, level);
}

}  // namespace a64
