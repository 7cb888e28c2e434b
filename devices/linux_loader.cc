#include "devices/linux_loader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "devices/image_loader.h"

namespace a64 {
namespace {

constexpr uint64_t k2MiB = 2ull << 20;
constexpr uint64_t kPage = 4096;
// booting.rst: the blobs are best kept within the first 512 MiB of RAM.
constexpr uint64_t kBlobWindow = 512ull << 20;
// A raw binary without the Image header goes where QEMU puts it.
constexpr uint64_t kRawOffset = 0x80000;

// The arm64 Image header (booting.rst, "Call the kernel image"): code0/1 at
// 0, then little-endian text_offset (8), image_size (16), flags (24), res2-4,
// magic "ARM\x64" (0x38), res5.
constexpr size_t kImageHeaderSize = 64;
constexpr uint32_t kImageMagic = 0x644d5241;
// flags: bit 0 kernel endianness (1 = big-endian), bits 2:1 page size,
// bit 3 physical placement (0: 2 MiB aligned base near the start of RAM).
constexpr uint64_t kFlagBigEndian = 1;
// Kernels before 3.17 have image_size 0 and an implied text_offset.
constexpr uint64_t kLegacyTextOffset = 0x80000;

uint64_t AlignUp(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }
uint64_t AlignDown(uint64_t v, uint64_t a) { return v & ~(a - 1); }

template <typename T>
T Get(const std::vector<uint8_t>& f, size_t off) {
  T v;
  std::memcpy(&v, f.data() + off, sizeof v);
  return v;
}

std::string Hex(uint64_t v) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

bool IsGzip(const std::vector<uint8_t>& f) {
  return f.size() >= 3 && f[0] == 0x1f && f[1] == 0x8b && f[2] == 8;
}

// Inflates a gzip member (RFC 1952) of at most `limit` bytes of output.
bool Gunzip(const std::vector<uint8_t>& in, uint64_t limit, std::vector<uint8_t>* out,
            std::string* error) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    *error = "zlib initialization failed";
    return false;
  }
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  out->resize(std::max<size_t>(in.size() * 4, 1 << 20));
  int rc = Z_OK;
  while (rc == Z_OK) {
    if (z.total_out == out->size()) {
      if (out->size() >= limit) {
        inflateEnd(&z);
        *error = "the decompressed kernel is larger than RAM";
        return false;
      }
      out->resize(std::min<uint64_t>(out->size() * 2, limit));
    }
    z.next_out = out->data() + z.total_out;
    z.avail_out = static_cast<uInt>(out->size() - z.total_out);
    rc = inflate(&z, Z_NO_FLUSH);
  }
  const uint64_t n = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END) {
    *error = std::string("corrupt gzip data (") + (z.msg ? z.msg : "truncated") + ")";
    return false;
  }
  out->resize(n);
  return true;
}

bool Fits(const RamRange& ram, uint64_t addr, uint64_t size) {
  return addr >= ram.base && size <= ram.size && addr - ram.base <= ram.size - size;
}

bool LoadArm64Image(const std::vector<uint8_t>& f, PhysicalMemory* mem, const RamRange& ram,
                    LoadedKernel* k, std::string* error) {
  uint64_t text_offset = Get<uint64_t>(f, 8);
  uint64_t image_size = Get<uint64_t>(f, 16);
  const uint64_t flags = Get<uint64_t>(f, 24);
  if (image_size == 0) {
    text_offset = kLegacyTextOffset;
    image_size = f.size();
  } else if (flags & kFlagBigEndian) {
    *error = "big-endian kernel Image (this PE runs little-endian)";
    return false;
  }
  if (image_size < f.size()) {
    *error = "bad arm64 Image header: image_size " + Hex(image_size) + " is smaller than the file";
    return false;
  }
  // Placed text_offset bytes above a 2 MiB aligned base, the lowest one in
  // RAM (required when flags bit 3 is 0, allowed otherwise).
  const uint64_t base = AlignUp(ram.base, k2MiB);
  const uint64_t load = base + text_offset;
  if (text_offset >= ram.size || !Fits(ram, load, image_size)) {
    *error = "the kernel Image (" + Hex(image_size) + " bytes at " + Hex(load) +
             ") does not fit in RAM";
    return false;
  }
  if (!mem->Write(load, f.data(), f.size())) {
    *error = "cannot write the kernel Image to RAM";
    return false;
  }
  k->format = KernelFormat::kImage;
  k->entry = load;
  k->low = load;
  k->high = load + image_size;
  return true;
}

bool LoadRaw(const std::vector<uint8_t>& f, PhysicalMemory* mem, const RamRange& ram,
             LoadedKernel* k, std::string* error) {
  const uint64_t load = ram.base + kRawOffset;
  if (!Fits(ram, load, f.size())) {
    *error = "the raw kernel image (" + Hex(f.size()) + " bytes at " + Hex(load) +
             ") does not fit in RAM";
    return false;
  }
  if (!mem->Write(load, f.data(), f.size())) {
    *error = "cannot write the kernel to RAM";
    return false;
  }
  k->format = KernelFormat::kRaw;
  k->entry = load;
  k->low = load;
  k->high = load + f.size();
  return true;
}

}  // namespace

bool LoadKernel(const std::string& path, PhysicalMemory* mem, const RamRange& ram,
                LoadedKernel* kernel, std::string* error) {
  std::vector<uint8_t> f;
  if (!ReadWholeFile(path, &f, error)) return false;
  if (f.empty()) {
    *error = "empty file";
    return false;
  }
  *kernel = LoadedKernel{};
  if (IsGzip(f)) {
    std::vector<uint8_t> raw;
    if (!Gunzip(f, ram.size, &raw, error)) return false;
    f.swap(raw);
    kernel->gzip = true;
  }
  if (f.size() >= kImageHeaderSize && Get<uint32_t>(f, 0x38) == kImageMagic)
    return LoadArm64Image(f, mem, ram, kernel, error);
  if (IsElfFile(f)) {
    if (kernel->gzip) {
      *error = "gzip-compressed ELF files are not supported";
      return false;
    }
    LoadedImage image;
    if (!LoadElfImage(f, mem, &image, error)) return false;
    kernel->format = KernelFormat::kElf;
    kernel->entry = image.entry;
    kernel->low = image.low;
    kernel->high = image.high;
    return true;
  }
  return LoadRaw(f, mem, ram, kernel, error);
}

bool PlanBootBlobs(const RamRange& ram, const LoadedKernel& kernel, uint64_t initrd_size,
                   BootBlobLayout* layout, std::string* error) {
  const uint64_t top = ram.base + std::min(ram.size, kBlobWindow);
  const uint64_t dtb = AlignDown(top - std::min(top - ram.base, kMaxDtbSize), k2MiB);
  // The kernel's own footprint when it sits inside RAM (an ELF may not).
  const uint64_t floor = kernel.high > ram.base && kernel.high <= top ? AlignUp(kernel.high, kPage)
                                                                      : ram.base;
  if (dtb < floor || dtb < ram.base) {
    *error = "not enough RAM for the device tree above the kernel (try a larger --memory)";
    return false;
  }
  uint64_t initrd = dtb;
  if (initrd_size) {
    if (initrd_size > dtb - floor) {
      *error = "not enough RAM for the initramfs (" + Hex(initrd_size) +
               " bytes) between the kernel and " + Hex(dtb) + " (try a larger --memory)";
      return false;
    }
    initrd = AlignDown(dtb - initrd_size, kPage);
    if (initrd < floor) {
      *error = "not enough RAM for the initramfs (try a larger --memory)";
      return false;
    }
  }
  layout->dtb = dtb;
  layout->initrd_start = initrd;
  layout->initrd_end = initrd + initrd_size;
  return true;
}

}  // namespace a64
