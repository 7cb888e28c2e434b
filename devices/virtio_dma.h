// Device DMA into guest memory for virtio devices: every access is restricted
// to guest RAM (never MMIO, never an address range that wraps around), so a
// guest-provided address can never make the host touch anything but the RAM
// the guest already owns.
#pragma once

#include <cstddef>
#include <cstdint>

#include "mmu/physical_memory.h"

namespace a64 {

// True when every byte of [pa, pa + len) is guest RAM and the range does not
// wrap around the 64-bit address space. An empty range is valid.
bool IsGuestRamRange(const PhysicalMemory& mem, uint64_t pa, uint64_t len);

// Copies between guest RAM and the host. False (and, for a write, possibly a
// partial copy) when some byte is not RAM; MMIO regions are never accessed.
bool ReadGuestRam(const PhysicalMemory& mem, uint64_t pa, void* dst, size_t len);
bool WriteGuestRam(const PhysicalMemory& mem, uint64_t pa, const void* src, size_t len);

}  // namespace a64
