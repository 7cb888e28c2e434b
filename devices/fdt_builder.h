// Builds the flattened device tree (DTB) that describes a board to the
// kernel (Devicetree Specification v0.4; Linux's bindings under
// Documentation/devicetree/bindings), with libfdt's sequential-write API.
//
// The layout and node names follow QEMU's virt board so that kernels and
// tools written for it find the same tree (/pl011@9000000, /intc@8000000,
// /virtio_mmio@a000000, ...).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace a64 {

// A memory-mapped device with one SPI (GIC INTID = 32 + spi).
struct FdtMmioDevice {
  uint64_t base = 0;
  uint64_t size = 0;
  unsigned spi = 0;
};

struct FdtBoard {
  uint64_t ram_base = 0;
  uint64_t ram_size = 0;
  uint64_t gicd_base = 0, gicd_size = 0;
  uint64_t gicc_base = 0, gicc_size = 0;
  FdtMmioDevice uart;          // PL011
  FdtMmioDevice rtc;           // PL031
  std::vector<FdtMmioDevice> virtio;  // virtio-mmio transports
  // Generic timer PPIs (PPI numbers, INTID - 16): secure physical,
  // non-secure physical, virtual, hypervisor, in the binding's order.
  unsigned timer_ppi[4] = {13, 14, 11, 10};
  uint32_t apb_clock_hz = 24'000'000;

  // /chosen.
  std::string bootargs;
  bool has_initrd = false;
  uint64_t initrd_start = 0, initrd_end = 0;  // [start, end)
};

// Returns the DTB, or an empty vector with *error set.
std::vector<uint8_t> BuildDeviceTree(const FdtBoard& board, std::string* error);

// Checks that `blob` is a device tree libfdt can read (header, sizes,
// structure). False with a one-line reason otherwise.
bool CheckDeviceTree(const std::vector<uint8_t>& blob, std::string* error);

// Sets /chosen properties in an existing DTB (for --dtb FILE): bootargs
// (when non-empty) and the initrd range. Grows the blob as needed.
bool PatchChosen(std::vector<uint8_t>* blob, const FdtBoard& board, std::string* error);

}  // namespace a64
