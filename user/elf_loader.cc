#include "user/elf_loader.h"

#include <elf.h>

#include <algorithm>
#include <cstring>

namespace a64::user {

namespace {

bool Fail(std::string* error, const std::string& why) {
  *error = why;
  return false;
}

uint8_t ProtFromPFlags(uint32_t f) {
  return (f & PF_R ? kProtRead : 0) | (f & PF_W ? kProtWrite : 0) | (f & PF_X ? kProtExec : 0);
}

}  // namespace

bool ParseElf(const std::vector<uint8_t>& file, ElfImage* image, std::string* error) {
  *image = ElfImage{};
  const uint64_t size = file.size();
  Elf64_Ehdr eh;
  if (size < sizeof(eh)) return Fail(error, "not an ELF file (too short)");
  std::memcpy(&eh, file.data(), sizeof(eh));
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) return Fail(error, "not an ELF file");
  if (eh.e_ident[EI_CLASS] != ELFCLASS64) return Fail(error, "not a 64-bit ELF file");
  if (eh.e_ident[EI_DATA] != ELFDATA2LSB) return Fail(error, "not a little-endian ELF file");
  if (eh.e_ident[EI_VERSION] != EV_CURRENT || eh.e_version != EV_CURRENT)
    return Fail(error, "unsupported ELF version");
  if (eh.e_machine != EM_AARCH64)
    return Fail(error, "not an AArch64 executable (e_machine " + std::to_string(eh.e_machine) + ")");
  if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
    return Fail(error, "not an executable (e_type " + std::to_string(eh.e_type) + ")");
  if (eh.e_phentsize != sizeof(Elf64_Phdr))
    return Fail(error, "corrupt ELF header: e_phentsize " + std::to_string(eh.e_phentsize));
  if (eh.e_phnum == 0 || eh.e_phnum == PN_XNUM)
    return Fail(error, "corrupt ELF header: e_phnum " + std::to_string(eh.e_phnum));
  const uint64_t ph_bytes = uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  if (eh.e_phoff > size || ph_bytes > size - eh.e_phoff)
    return Fail(error, "corrupt ELF header: program headers lie outside the file");

  std::vector<Elf64_Phdr> ph(eh.e_phnum);
  std::memcpy(ph.data(), file.data() + eh.e_phoff, ph_bytes);

  uint64_t min_vaddr = UINT64_MAX, max_end = 0;
  bool have_phdr = false;
  uint64_t phdr_vaddr = 0;
  image->exec_stack = true;  // no PT_GNU_STACK: executable stack (Linux default)
  for (const Elf64_Phdr& p : ph) {
    switch (p.p_type) {
      case PT_INTERP:
        return Fail(error, "dynamically linked executable (has PT_INTERP); only static "
                           "executables are supported");
      case PT_GNU_STACK:
        image->exec_stack = (p.p_flags & PF_X) != 0;
        break;
      case PT_PHDR:
        have_phdr = true;
        phdr_vaddr = p.p_vaddr;
        break;
      case PT_LOAD: {
        if (p.p_memsz == 0) break;
        if (p.p_filesz > p.p_memsz)
          return Fail(error, "corrupt program header: p_filesz > p_memsz");
        if (p.p_offset > size || p.p_filesz > size - p.p_offset)
          return Fail(error, "corrupt program header: segment lies outside the file");
        if ((p.p_vaddr & (kPageSize - 1)) != (p.p_offset & (kPageSize - 1)))
          return Fail(error, "corrupt program header: p_vaddr and p_offset differ modulo the "
                             "page size");
        if (p.p_vaddr >= kGuestVaLimit || p.p_memsz > kGuestVaLimit - p.p_vaddr)
          return Fail(error, "program header outside the 39-bit address space");
        min_vaddr = std::min(min_vaddr, p.p_vaddr);
        max_end = std::max(max_end, p.p_vaddr + p.p_memsz);
        image->segments.push_back(
            ElfSegment{p.p_vaddr, p.p_memsz, p.p_offset, p.p_filesz, ProtFromPFlags(p.p_flags)});
        break;
      }
      default:
        break;  // PT_TLS, PT_NOTE, PT_GNU_*: glibc reads them itself
    }
  }
  if (image->segments.empty()) return Fail(error, "no loadable segment");

  if (eh.e_type == ET_DYN) image->bias = kPieLoadBase - PageDown(min_vaddr);
  if (max_end - PageDown(min_vaddr) > kGuestVaLimit - (PageDown(min_vaddr) + image->bias))
    return Fail(error, "segments do not fit in the 39-bit address space");
  for (ElfSegment& s : image->segments) s.vaddr += image->bias;
  image->end = PageUp(max_end + image->bias);
  image->entry = eh.e_entry + image->bias;
  image->phent = sizeof(Elf64_Phdr);
  image->phnum = eh.e_phnum;
  if (have_phdr) {
    image->phdr_addr = phdr_vaddr + image->bias;
  } else {
    // The PT_LOAD whose file image holds the program headers; Linux's
    // fallback when there is none is the first segment's address + e_phoff.
    image->phdr_addr = image->segments[0].vaddr - image->segments[0].offset + eh.e_phoff;
    for (const ElfSegment& s : image->segments) {
      if (eh.e_phoff >= s.offset && eh.e_phoff + ph_bytes <= s.offset + s.filesz) {
        image->phdr_addr = s.vaddr + (eh.e_phoff - s.offset);
        break;
      }
    }
  }
  return true;
}

bool MapElf(const std::vector<uint8_t>& file, const ElfImage& image, UserMemory& mem,
            std::string* error) {
  for (const ElfSegment& s : image.segments) {
    const uint64_t start = PageDown(s.vaddr), end = PageUp(s.vaddr + s.memsz);
    // Pages shared with an earlier segment keep their content and get the
    // union of both permissions; runs of new pages are mapped zero-filled.
    uint64_t va = start;
    while (va < end) {
      if (mem.PageFlags(va) & kMapped) {
        mem.Protect(va, kPageSize, (mem.PageFlags(va) & kProtMask) | s.prot);
        va += kPageSize;
        continue;
      }
      uint64_t run_end = va + kPageSize;
      while (run_end < end && !(mem.PageFlags(run_end) & kMapped)) run_end += kPageSize;
      if (!mem.Map(va, run_end - va, s.prot))
        return Fail(error, "cannot map a segment (host mmap failed)");
      va = run_end;
    }
    if (!mem.Poke(s.vaddr, file.data() + s.offset, s.filesz))
      return Fail(error, "cannot fill segment");
  }
  return true;
}

}  // namespace a64::user
