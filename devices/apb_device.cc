#include "devices/apb_device.h"

namespace a64 {
namespace {

bool Accepted(uint64_t offset, unsigned size, uint64_t window) {
  return (size == 1 || size == 2 || size == 4) && offset + size <= window;
}
uint64_t Mask(unsigned size) { return size == 4 ? 0xffff'ffffull : (1ull << (size * 8)) - 1; }

}  // namespace

bool ApbDevice::Read(uint64_t offset, unsigned size, uint64_t* value) {
  if (!Accepted(offset, size, window_bytes_)) return false;
  *value = (ReadRegister(offset & ~uint64_t{3}) >> ((offset & 3) * 8)) & Mask(size);
  return true;
}

bool ApbDevice::Write(uint64_t offset, unsigned size, uint64_t value) {
  if (!Accepted(offset, size, window_bytes_)) return false;
  const uint64_t shifted = (value & Mask(size)) << ((offset & 3) * 8);
  WriteRegister(offset & ~uint64_t{3}, static_cast<uint32_t>(shifted));
  return true;
}

}  // namespace a64
