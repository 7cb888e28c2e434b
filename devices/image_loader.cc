#include "devices/image_loader.h"

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace a64 {
namespace {

// ELF64 header and program header fields used here (System V gABI, "ELF
// Header" and "Program Header"; AArch64 ELF ABI: EM_AARCH64 = 183).
constexpr uint16_t kEmAarch64 = 183;
constexpr uint16_t kEtExec = 2;
constexpr uint32_t kPtLoad = 1;

template <typename T>
T Get(const std::vector<uint8_t>& f, size_t off) {
  T v;
  std::memcpy(&v, f.data() + off, sizeof v);
  return v;
}

bool InRam(const PhysicalMemory& mem, uint64_t pa, uint64_t size) {
  if (size == 0) return true;
  if (pa + size < pa) return false;
  for (uint64_t page = pa & ~0xfffull; page < pa + size; page += 0x1000)
    if (!mem.IsRam(page)) return false;
  return true;
}

std::string Hex(uint64_t v) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

}  // namespace

bool ReadWholeFile(const std::string& path, std::vector<uint8_t>* data, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = std::strerror(errno);
    return false;
  }
  data->clear();
  uint8_t buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data->insert(data->end(), buf, buf + n);
  const bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) {
    *error = "read error";
    return false;
  }
  return true;
}

bool IsElfFile(const std::vector<uint8_t>& file) {
  return file.size() >= 4 && std::memcmp(file.data(), "\x7f" "ELF", 4) == 0;
}

bool LoadElfImage(const std::vector<uint8_t>& f, PhysicalMemory* mem, LoadedImage* image,
                  std::string* error) {
  if (f.size() < 64 || f[4] != 2 /* ELFCLASS64 */ || f[5] != 1 /* ELFDATA2LSB */) {
    *error = "not a 64-bit little-endian ELF file";
    return false;
  }
  if (Get<uint16_t>(f, 18) != kEmAarch64) {
    *error = "not an AArch64 ELF file";
    return false;
  }
  if (Get<uint16_t>(f, 16) != kEtExec) {
    *error = "not an ELF executable (ET_EXEC)";
    return false;
  }
  const uint64_t phoff = Get<uint64_t>(f, 32);
  const uint16_t phentsize = Get<uint16_t>(f, 54);
  const uint16_t phnum = Get<uint16_t>(f, 56);
  if (phentsize < 56 || phoff > f.size() || phnum > (f.size() - phoff) / phentsize) {
    *error = "bad program header table";
    return false;
  }
  image->low = ~uint64_t{0};
  image->high = 0;
  unsigned loaded = 0;
  for (unsigned i = 0; i < phnum; ++i) {
    const size_t ph = phoff + static_cast<size_t>(i) * phentsize;
    if (Get<uint32_t>(f, ph) != kPtLoad) continue;
    const uint64_t offset = Get<uint64_t>(f, ph + 8);
    const uint64_t paddr = Get<uint64_t>(f, ph + 24);
    const uint64_t filesz = Get<uint64_t>(f, ph + 32);
    const uint64_t memsz = Get<uint64_t>(f, ph + 40);
    if (filesz > memsz || offset > f.size() || filesz > f.size() - offset) {
      *error = "segment " + std::to_string(i) + " lies outside the file";
      return false;
    }
    if (!InRam(*mem, paddr, memsz)) {
      *error = "segment " + std::to_string(i) + " at " + Hex(paddr) + " (size " + Hex(memsz) +
               ") is not inside RAM";
      return false;
    }
    if (!mem->Write(paddr, f.data() + offset, filesz)) {
      *error = "cannot write segment " + std::to_string(i);
      return false;
    }
    const std::vector<uint8_t> zeros(memsz - filesz, 0);
    if (!zeros.empty() && !mem->Write(paddr + filesz, zeros.data(), zeros.size())) {
      *error = "cannot clear segment " + std::to_string(i);
      return false;
    }
    if (memsz) {
      image->low = std::min(image->low, paddr);
      image->high = std::max(image->high, paddr + memsz);
    }
    ++loaded;
  }
  if (!loaded) {
    *error = "no loadable segment";
    return false;
  }
  image->entry = Get<uint64_t>(f, 24);
  image->is_elf = true;
  return true;
}

bool LoadImage(const std::string& path, PhysicalMemory* memory, uint64_t raw_address,
               LoadedImage* image, std::string* error) {
  std::vector<uint8_t> data;
  if (!ReadWholeFile(path, &data, error)) return false;
  if (IsElfFile(data)) return LoadElfImage(data, memory, image, error);
  if (data.empty()) {
    *error = "empty file";
    return false;
  }
  if (!InRam(*memory, raw_address, data.size())) {
    *error = "the image (" + std::to_string(data.size()) + " bytes at " + Hex(raw_address) +
             ") does not fit in RAM";
    return false;
  }
  memory->Write(raw_address, data.data(), data.size());
  image->entry = raw_address;
  image->low = raw_address;
  image->high = raw_address + data.size();
  image->is_elf = false;
  return true;
}

}  // namespace a64
