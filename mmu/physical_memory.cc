#include "mmu/physical_memory.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

namespace a64 {

PhysicalMemory::~PhysicalMemory() {
  for (const Region& r : regions_)
    if (r.host) munmap(r.host, r.size);
}

bool PhysicalMemory::Insert(const Region& r) {
  if (r.size == 0 || r.base + r.size < r.base) return false;
  auto it = std::lower_bound(regions_.begin(), regions_.end(), r.base,
                             [](const Region& a, uint64_t b) { return a.base < b; });
  if (it != regions_.end() && it->base < r.base + r.size) return false;
  if (it != regions_.begin() && std::prev(it)->base + std::prev(it)->size > r.base) return false;
  regions_.insert(it, r);
  return true;
}

bool PhysicalMemory::AddRam(uint64_t base, uint64_t size) {
  if ((base | size) & 0xfff) return false;
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return false;
  if (!Insert(Region{base, size, static_cast<uint8_t*>(p), nullptr})) {
    munmap(p, size);
    return false;
  }
  return true;
}

bool PhysicalMemory::AddMmio(uint64_t base, uint64_t size, MmioDevice* device) {
  if (!device) return false;
  return Insert(Region{base, size, nullptr, device});
}

const PhysicalMemory::Region* PhysicalMemory::Find(uint64_t pa) const {
  auto it = std::upper_bound(regions_.begin(), regions_.end(), pa,
                             [](uint64_t a, const Region& r) { return a < r.base; });
  if (it == regions_.begin()) return nullptr;
  --it;
  return pa - it->base < it->size ? &*it : nullptr;
}

uint8_t* PhysicalMemory::HostPointer(uint64_t pa) const {
  const Region* r = Find(pa);
  return r && r->host ? r->host + (pa - r->base) : nullptr;
}

unsigned PhysicalMemory::DevicePiece(uint64_t pa, size_t size) {
  unsigned n = 8;
  while (n > 1 && ((pa & (n - 1)) != 0 || n > size)) n >>= 1;
  return n;
}

bool PhysicalMemory::Read(uint64_t pa, void* dst, size_t size) const {
  uint8_t* out = static_cast<uint8_t*>(dst);
  while (size > 0) {
    const Region* r = Find(pa);
    if (!r) return false;
    const uint64_t off = pa - r->base;
    size_t n = std::min<uint64_t>(size, r->size - off);
    if (r->host) {
      std::memcpy(out, r->host + off, n);
    } else {
      n = DevicePiece(pa, n);
      uint64_t v = 0;
      if (!r->device->Read(off, n, &v)) return false;
      std::memcpy(out, &v, n);  // little-endian host
    }
    pa += n;
    out += n;
    size -= n;
  }
  return true;
}

bool PhysicalMemory::Write(uint64_t pa, const void* src, size_t size) {
  NotifyWrite(pa, size);
  const uint8_t* in = static_cast<const uint8_t*>(src);
  while (size > 0) {
    const Region* r = Find(pa);
    if (!r) return false;
    const uint64_t off = pa - r->base;
    size_t n = std::min<uint64_t>(size, r->size - off);
    if (r->host) {
      std::memcpy(r->host + off, in, n);
    } else {
      n = DevicePiece(pa, n);
      uint64_t v = 0;
      std::memcpy(&v, in, n);
      if (!r->device->Write(off, n, v)) return false;
    }
    pa += n;
    in += n;
    size -= n;
  }
  return true;
}

void PhysicalMemory::SetWriteWatch(uint64_t pa, bool watched) {
  if (watched) watched_pages_.insert(pa >> 12);
  else watched_pages_.erase(pa >> 12);
}

}  // namespace a64
