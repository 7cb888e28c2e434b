// Puts a kernel, its initramfs and its device tree into RAM as Linux's
// Documentation/arch/arm64/booting.rst asks a boot loader to:
//
// Kernel formats, recognized by content:
//   gzip        decompressed first, then recognized again (Debian's vmlinuz
//               may be an Image.gz)
//   arm64 Image magic "ARM\x64" at offset 0x38: loaded text_offset bytes
//               above the 2 MiB aligned RAM base (image_size bytes reserved,
//               BSS included), entered at its first byte
//   ELF         every PT_LOAD segment at its physical address, entered at
//               e_entry (devices/image_loader)
//   otherwise   a raw binary at RAM base + 0x80000, entered there (as QEMU)
//
// The initramfs and the DTB go at the top of the first 512 MiB of RAM (or of
// RAM if smaller): the DTB 8-byte aligned alone in the last 2 MiB block (it
// must not exceed 2 MiB and shares no 2 MiB block with memory the kernel maps
// otherwise), the initramfs page aligned just below it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "devices/image_loader.h"  // ReadWholeFile, LoadElfImage
#include "mmu/physical_memory.h"

namespace a64 {

enum class KernelFormat : uint8_t { kImage, kElf, kRaw };

struct LoadedKernel {
  KernelFormat format = KernelFormat::kRaw;
  bool gzip = false;      // the file was gzip-compressed
  uint64_t entry = 0;
  uint64_t low = 0;       // [low, high): memory the kernel occupies (BSS included)
  uint64_t high = 0;
};

struct RamRange {
  uint64_t base = 0;
  uint64_t size = 0;
};

// Loads the kernel at `path` into `ram` of `mem`. False with a one-line
// reason.
bool LoadKernel(const std::string& path, PhysicalMemory* mem, const RamRange& ram,
                LoadedKernel* kernel, std::string* error);

// Where the initramfs (of `initrd_size` bytes, 0 for none) and a DTB of at
// most 2 MiB go, above the kernel. False when they do not fit.
struct BootBlobLayout {
  uint64_t initrd_start = 0, initrd_end = 0;
  uint64_t dtb = 0;
};
bool PlanBootBlobs(const RamRange& ram, const LoadedKernel& kernel, uint64_t initrd_size,
                   BootBlobLayout* layout, std::string* error);

// The largest DTB booting.rst allows.
constexpr uint64_t kMaxDtbSize = 2ull << 20;

}  // namespace a64
