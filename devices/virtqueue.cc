#include "devices/virtqueue.h"

#include <algorithm>
#include <cstring>

#include "devices/virtio_dma.h"

namespace a64 {
namespace {

// struct virtq_desc (section 2.6.5), little-endian like the host.
struct RawDesc {
  uint64_t addr;
  uint32_t len;
  uint16_t flags;
  uint16_t next;
};
static_assert(sizeof(RawDesc) == 16);

// A driver must not add a chain longer than 2^32 bytes in total (2.6.13.1).
constexpr uint64_t kMaxChainBytes = uint64_t{1} << 32;

}  // namespace

bool DescriptorChain::Transfer(const PhysicalMemory& mem, bool writable, uint64_t offset,
                               uint8_t* buf, size_t len, bool to_guest) const {
  const uint64_t stream_len = writable ? writable_len : readable_len;
  if (offset > stream_len || len > stream_len - offset) return false;
  for (const VirtqSegment& s : segments) {
    if (len == 0) break;
    if (s.device_writable != writable) continue;
    if (offset >= s.len) {
      offset -= s.len;
      continue;
    }
    const size_t n = std::min<uint64_t>(len, s.len - offset);
    const bool ok = to_guest ? WriteGuestRam(mem, s.addr + offset, buf, n)
                             : ReadGuestRam(mem, s.addr + offset, buf, n);
    if (!ok) return false;
    buf += n;
    len -= n;
    offset = 0;
  }
  return len == 0;
}

bool DescriptorChain::ReadReadable(const PhysicalMemory& mem, uint64_t offset, void* dst,
                                   size_t len) const {
  return Transfer(mem, false, offset, static_cast<uint8_t*>(dst), len, false);
}

bool DescriptorChain::WriteWritable(const PhysicalMemory& mem, uint64_t offset,
                                    const void* src, size_t len) const {
  return Transfer(mem, true, offset, const_cast<uint8_t*>(static_cast<const uint8_t*>(src)),
                  len, true);
}

bool Virtqueue::Fail(std::string why) {
  error_ = std::move(why);
  return false;
}

bool Virtqueue::Enable(bool indirect_desc) {
  if (ready_) return true;
  // Section 2.6: the queue size is a power of 2 (at most 32768); the device
  // offers at most max_size.
  if (num_ == 0 || num_ > max_size_ || (num_ & (num_ - 1)) != 0)
    return Fail("queue size " + std::to_string(num_) + " is not a power of 2 in 1.." +
                std::to_string(max_size_));
  // Section 2.6 alignment: descriptor table 16, available ring 2, used ring 4.
  if (desc_addr_ % 16 || driver_addr_ % 2 || device_addr_ % 4)
    return Fail("misaligned queue area");
  // Without VIRTIO_F_EVENT_IDX there is no used_event/avail_event field.
  if (!IsGuestRamRange(mem_, desc_addr_, 16ull * num_) ||
      !IsGuestRamRange(mem_, driver_addr_, 4 + 2ull * num_) ||
      !IsGuestRamRange(mem_, device_addr_, 4 + 8ull * num_))
    return Fail("queue area outside guest RAM");
  indirect_desc_ = indirect_desc;
  last_avail_idx_ = 0;
  used_idx_ = 0;
  ready_ = true;
  error_.clear();
  return true;
}

void Virtqueue::Disable() {
  ready_ = false;
  last_avail_idx_ = 0;
  used_idx_ = 0;
}

void Virtqueue::Reset() {
  Disable();
  num_ = 0;
  desc_addr_ = driver_addr_ = device_addr_ = 0;
  indirect_desc_ = false;
  error_.clear();
}

Virtqueue::PopStatus Virtqueue::Pop(DescriptorChain* chain) {
  if (!ready_) return PopStatus::kEmpty;
  auto fail = [&](std::string why) {
    Fail(std::move(why));
    return PopStatus::kError;
  };
  // struct virtq_avail: le16 flags; le16 idx; le16 ring[num].
  uint16_t avail_idx;
  if (!ReadGuestRam(mem_, driver_addr_ + 2, &avail_idx, 2))
    return fail("available ring not in guest RAM");
  const uint16_t pending = static_cast<uint16_t>(avail_idx - last_avail_idx_);
  if (pending == 0) return PopStatus::kEmpty;
  if (pending > num_) return fail("available index moved by more than the queue size");
  uint16_t head;
  if (!ReadGuestRam(mem_, driver_addr_ + 4 + 2ull * (last_avail_idx_ % num_), &head, 2))
    return fail("available ring not in guest RAM");
  if (head >= num_) return fail("head descriptor index " + std::to_string(head) +
                                " >= queue size " + std::to_string(num_));

  chain->head = head;
  chain->segments.clear();
  chain->readable_len = 0;
  chain->writable_len = 0;

  uint64_t table = desc_addr_;
  uint32_t table_size = num_;
  uint32_t limit = num_;  // descriptors visited in the current table
  uint32_t visited = 0;
  bool in_indirect = false;
  uint32_t index = head;
  for (;;) {
    if (index >= table_size) return fail("descriptor index " + std::to_string(index) +
                                         " out of range");
    if (++visited > limit) return fail("descriptor chain loops");
    RawDesc d;
    if (!ReadGuestRam(mem_, table + 16ull * index, &d, sizeof d))
      return fail("descriptor table not in guest RAM");
    if (d.flags & kDescFIndirect) {
      // Section 2.6.5.3.1: only with VIRTIO_RING_F_INDIRECT_DESC, never inside
      // an indirect table, never together with NEXT; the table length is a
      // multiple of 16. The WRITE flag of this descriptor is ignored.
      if (!indirect_desc_) return fail("indirect descriptor without INDIRECT_DESC");
      if (in_indirect) return fail("nested indirect descriptor");
      if (d.flags & kDescFNext) return fail("indirect descriptor with NEXT");
      if (d.len == 0 || d.len % 16 != 0 || d.len / 16 > kMaxIndirectDescriptors)
        return fail("bad indirect table length " + std::to_string(d.len));
      if (d.addr % 16 != 0 || !IsGuestRamRange(mem_, d.addr, d.len))
        return fail("indirect table outside guest RAM");
      table = d.addr;
      table_size = limit = d.len / 16;
      visited = 0;
      in_indirect = true;
      index = 0;
      continue;
    }
    const bool writable = (d.flags & kDescFWrite) != 0;
    // Section 2.6.4.2: device-writable descriptors follow the readable ones.
    if (!writable && chain->writable_len != 0)
      return fail("device-readable descriptor after a device-writable one");
    if (!IsGuestRamRange(mem_, d.addr, d.len)) return fail("buffer outside guest RAM");
    uint64_t& part = writable ? chain->writable_len : chain->readable_len;
    part += d.len;
    if (chain->readable_len + chain->writable_len > kMaxChainBytes)
      return fail("descriptor chain longer than 2^32 bytes");
    if (d.len != 0) chain->segments.push_back(VirtqSegment{d.addr, d.len, writable});
    if (!(d.flags & kDescFNext)) break;
    index = d.next;
  }
  ++last_avail_idx_;
  return PopStatus::kChain;
}

bool Virtqueue::PushUsed(uint16_t head, uint32_t written) {
  if (!ready_) return Fail("push to a disabled queue");
  // struct virtq_used: le16 flags; le16 idx; struct { le32 id; le32 len; } ring[num].
  const uint32_t elem[2] = {head, written};
  if (!WriteGuestRam(mem_, device_addr_ + 4 + 8ull * (used_idx_ % num_), elem, sizeof elem))
    return Fail("used ring not in guest RAM");
  // Section 2.6.8.2: the element is visible before the index moves (the
  // simulator runs the guest and the device in one thread, in order).
  const uint16_t next = static_cast<uint16_t>(used_idx_ + 1);
  if (!WriteGuestRam(mem_, device_addr_ + 2, &next, 2)) return Fail("used ring not in guest RAM");
  used_idx_ = next;
  return true;
}

bool Virtqueue::DriverWantsInterrupt() const {
  uint16_t flags = 0;
  if (!ReadGuestRam(mem_, driver_addr_, &flags, 2)) return true;
  return (flags & kAvailFNoInterrupt) == 0;
}

}  // namespace a64
