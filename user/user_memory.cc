#include "user/user_memory.h"

#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace a64::user {

namespace {

// Linux EL0 runs with TBI0 set: bits 63:56 of a data address are ignored
// when bit 55 selects TTBR0 (ARM ARM D8.8.1). An address with bit 55 set
// belongs to the kernel half and stays out of range.
inline uint64_t StripTag(uint64_t va) {
  return (va >> 55) & 1 ? va : va & 0x00ff'ffff'ffff'ffffull;
}

// memcpy with the common access sizes as constants, so that they compile to
// single moves instead of a library call.
inline void CopySmall(void* dst, const void* src, size_t n) {
  switch (n) {
    case 1: std::memcpy(dst, src, 1); return;
    case 2: std::memcpy(dst, src, 2); return;
    case 4: std::memcpy(dst, src, 4); return;
    case 8: std::memcpy(dst, src, 8); return;
    case 16: std::memcpy(dst, src, 16); return;
    default: std::memcpy(dst, src, n); return;
  }
}

}  // namespace

UserMemory::UserMemory() : leaves_(kLeaves), leaf_count_(kLeaves, 0) {
  void* p = mmap(nullptr, kGuestVaLimit + kGuardBytes, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p != MAP_FAILED) host_base_ = static_cast<uint8_t*>(p);
}

UserMemory::~UserMemory() {
  if (host_base_) munmap(host_base_, kGuestVaLimit + kGuardBytes);
}

void UserMemory::SetFlags(uint64_t page, uint8_t f) {
  if (!code_pages_.empty()) NotifyCodeWrite(page << kPageShift, kPageSize);
  TlbFastEntry& e = fast_[page & (kTlbEntries - 1)];
  if (((e.read_tag | e.write_tag | e.fetch_tag) & kTlbPageMask) == page << kPageShift)
    e = TlbFastEntry{};
  const uint64_t l = page >> kLeafBits;
  auto& leaf = leaves_[l];
  if (!leaf) {
    if (f == 0) return;
    leaf = std::make_unique<uint8_t[]>(size_t{1} << kLeafBits);  // zeroed
  }
  uint8_t& slot = leaf[page & ((1u << kLeafBits) - 1)];
  const bool was = slot & kMapped, now = f & kMapped;
  slot = f;
  if (was != now) {
    leaf_count_[l] += now ? 1 : -1;
    if (leaf_count_[l] == 0) leaf.reset();
  }
}

uint8_t UserMemory::PageFlags(uint64_t va) const {
  return va < kGuestVaLimit ? Flags(va >> kPageShift) : 0;
}

FaultKind UserMemory::Check(uint64_t va, size_t size, uint8_t need,
                            uint64_t* fault_va) const {
  // size <= 64 < page size: the access touches one or two pages.
  uint64_t page_va = va;
  const uint64_t last = va + size - 1;
  for (int i = 0; i < 2; ++i) {
    if (page_va >= kGuestVaLimit) {
      *fault_va = page_va;
      return FaultKind::kTranslation;
    }
    const uint8_t f = Flags(page_va >> kPageShift);
    if ((Allowed(f) & need) != need) {
      *fault_va = page_va;
      return f & kMapped ? FaultKind::kPermission : FaultKind::kTranslation;
    }
    if ((page_va >> kPageShift) == (last >> kPageShift)) break;
    page_va = PageDown(page_va) + kPageSize;
  }
  return FaultKind::kNone;
}

// The fast paths hit the fast table, as generated code does (the tag of the
// page of the last byte: a page-crossing access misses); everything else
// goes through the out-of-line slow paths (keeping the fast paths free of
// register spills).
FaultKind UserMemory::Read(uint64_t va, void* dst, size_t size, AccessType type,
                           MemFault* fault) {
  const bool fetch = type == AccessType::kFetch;
  if (!fetch) va = StripTag(va);
  const TlbFastEntry& e = fast_[TlbIndex(va)];
  if (((va + size - 1) & kTlbPageMask) == (fetch ? e.fetch_tag : e.read_tag)) {
    CopySmall(dst, host_base_ + va, size);
    return FaultKind::kNone;
  }
  return ReadSlow(va, dst, size, type, fault);
}

FaultKind UserMemory::ReadSlow(uint64_t va, void* dst, size_t size, AccessType type,
                               MemFault* fault) {
  const bool fetch = type == AccessType::kFetch;
  const FaultKind f = Check(va, size, fetch ? kProtExec : kProtRead, &fault->va);
  if (f != FaultKind::kNone) return f;
  FillFast(va >> kPageShift);
  CopySmall(dst, host_base_ + va, size);
  return FaultKind::kNone;
}

FaultKind UserMemory::Write(uint64_t va, const void* src, size_t size, AccessType,
                            MemFault* fault) {
  va = StripTag(va);
  if (((va + size - 1) & kTlbPageMask) == fast_[TlbIndex(va)].write_tag) {
    CopySmall(host_base_ + va, src, size);
    return FaultKind::kNone;
  }
  return WriteSlow(va, src, size, fault);
}

FaultKind UserMemory::WriteSlow(uint64_t va, const void* src, size_t size, MemFault* fault) {
  const FaultKind f = Check(va, size, kProtWrite, &fault->va);
  if (f != FaultKind::kNone) return f;
  if (!code_pages_.empty()) NotifyCodeWrite(va, size);
  FillFast(va >> kPageShift);
  CopySmall(host_base_ + va, src, size);
  return FaultKind::kNone;
}

bool UserMemory::HostMapZero(uint64_t va, uint64_t len) {
  void* p = mmap(host_base_ + va, len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  return p != MAP_FAILED;
}

int UserMemory::HostProt(uint64_t page) const {
  const uint8_t f = Allowed(Flags(page));
  if (!(f & kMapped) || !(f & kProtRead)) return PROT_NONE;
  if (!(f & kProtWrite) || (!code_pages_.empty() && code_pages_.count(page))) return PROT_READ;
  return PROT_READ | PROT_WRITE;
}

// Every change of a page's flags or watch ends here (after the change:
// the code-write handler may run in between and see the old flags).
void UserMemory::SyncHostProt(uint64_t va, uint64_t len) {
  uint64_t p = va >> kPageShift;
  const uint64_t end = std::min((va + len + kPageSize - 1) >> kPageShift, kPages);
  while (p < end) {
    const int prot = HostProt(p);
    uint64_t q = p + 1;
    while (q < end && HostProt(q) == prot) ++q;
    mprotect(host_base_ + (p << kPageShift), (q - p) << kPageShift, prot);
    p = q;
  }
}

bool UserMemory::Map(uint64_t va, uint64_t len, uint8_t flags) {
  if (va >= kGuestVaLimit || len > kGuestVaLimit - va) return false;
  if (!HostMapZero(va, len)) return false;
  for (uint64_t p = va >> kPageShift, e = (va + len) >> kPageShift; p < e; ++p)
    SetFlags(p, flags | kMapped);
  SyncHostProt(va, len);
  return true;
}

void UserMemory::Unmap(uint64_t va, uint64_t len) {
  if (va >= kGuestVaLimit) return;
  len = std::min(len, kGuestVaLimit - va);
  for (uint64_t p = va >> kPageShift, e = (va + len) >> kPageShift; p < e; ++p)
    if (Flags(p)) SetFlags(p, 0);
  // Back to a PROT_NONE reservation; the host frees the pages.
  mmap(host_base_ + va, len, PROT_NONE,
       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
}

void UserMemory::UnmapAll() {
  if (!host_base_) return;
  if (!code_pages_.empty()) {
    const std::unordered_set<uint64_t> pages = code_pages_;
    for (uint64_t p : pages) NotifyCodeWrite(p << kPageShift, kPageSize);
  }
  for (TlbFastEntry& e : fast_) e = TlbFastEntry{};
  for (auto& leaf : leaves_) leaf.reset();
  std::fill(leaf_count_.begin(), leaf_count_.end(), 0);
  mmap(host_base_, kGuestVaLimit, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
       -1, 0);
}

bool UserMemory::Protect(uint64_t va, uint64_t len, uint8_t prot) {
  if (!IsMapped(va, len)) return false;
  for (uint64_t p = va >> kPageShift, e = (va + len) >> kPageShift; p < e; ++p)
    SetFlags(p, (Flags(p) & ~kProtMask) | (prot & kProtMask));
  SyncHostProt(va, len);
  return true;
}

void UserMemory::Discard(uint64_t va, uint64_t len) {
  const uint64_t end = std::min((va + len) >> kPageShift, kPages);
  for (uint64_t p = va >> kPageShift; p < end;) {
    if (!(Flags(p) & kAnonymous)) {
      ++p;
      continue;
    }
    uint64_t q = p + 1;  // a run of anonymous pages
    while (q < end && (Flags(q) & kAnonymous)) ++q;
    HostMapZero(p << kPageShift, (q - p) << kPageShift);
    SyncHostProt(p << kPageShift, (q - p) << kPageShift);
    p = q;
  }
}

bool UserMemory::Move(uint64_t from, uint64_t to, uint64_t len) {
  if (!IsMapped(from, len) || !IsFree(to, len)) return false;
  void* p = mremap(host_base_ + from, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, host_base_ + to);
  if (p == MAP_FAILED) return false;
  // The host left a hole at `from`: restore the reservation there.
  mmap(host_base_ + from, len, PROT_NONE,
       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
  const uint64_t n = len >> kPageShift;
  for (uint64_t i = 0; i < n; ++i) {
    SetFlags((to >> kPageShift) + i, Flags((from >> kPageShift) + i));
    SetFlags((from >> kPageShift) + i, 0);
  }
  SyncHostProt(to, len);
  SyncHostProt(from, len);
  return true;
}

bool UserMemory::IsMapped(uint64_t va, uint64_t len) const {
  if (va >= kGuestVaLimit || len > kGuestVaLimit - va) return false;
  for (uint64_t p = va >> kPageShift, e = (va + len) >> kPageShift; p < e; ++p)
    if (!(Flags(p) & kMapped)) return false;
  return true;
}

bool UserMemory::IsFree(uint64_t va, uint64_t len) const {
  if (va >= kGuestVaLimit || len > kGuestVaLimit - va) return false;
  uint64_t p = va >> kPageShift;
  const uint64_t e = (va + len) >> kPageShift;
  while (p < e) {
    if (!leaves_[p >> kLeafBits]) {  // a whole free leaf
      p = ((p >> kLeafBits) + 1) << kLeafBits;
      continue;
    }
    if (Flags(p) & kMapped) return false;
    ++p;
  }
  return true;
}

uint64_t UserMemory::FindFreeTopDown(uint64_t len, uint64_t lo, uint64_t hi) const {
  lo = PageUp(lo);
  hi = PageDown(std::min(hi, kGuestVaLimit));
  if (len == 0 || hi < lo || hi - lo < len) return 0;
  // Walk down from the top, counting the run of free pages ending at `end`.
  uint64_t end = hi;  // exclusive end of the current free run
  uint64_t p = hi >> kPageShift;
  const uint64_t lo_page = lo >> kPageShift;
  while (p > lo_page) {
    const uint64_t leaf = (p - 1) >> kLeafBits;
    if (!leaves_[leaf]) {
      const uint64_t leaf_start = std::max(leaf << kLeafBits, lo_page);
      p = leaf_start;
    } else if (Flags(p - 1) & kMapped) {
      --p;
      end = p << kPageShift;
      continue;
    } else {
      --p;
    }
    if (end - (p << kPageShift) >= len) return end - len;
  }
  return 0;
}

uint64_t UserMemory::AccessibleLength(uint64_t va, uint64_t len, uint8_t prot) const {
  if (va >= kGuestVaLimit) return 0;
  len = std::min(len, kGuestVaLimit - va);
  uint64_t done = 0;
  while (done < len) {
    const uint64_t cur = va + done;
    if ((Allowed(Flags(cur >> kPageShift)) & prot) != prot) break;
    done += std::min(len - done, PageDown(cur) + kPageSize - cur);
  }
  return done;
}

uint8_t* UserMemory::HostRange(uint64_t va, uint64_t len, uint8_t prot) {
  if (va > kGuestVaLimit) return nullptr;
  if (len == 0) return host_base_ + va;
  if (AccessibleLength(va, len, prot) != len) return nullptr;
  if ((prot & kProtWrite) && !code_pages_.empty()) NotifyCodeWrite(va, len);
  return host_base_ + va;
}

bool UserMemory::CopyFromGuest(void* dst, uint64_t va, uint64_t len) const {
  if (len == 0) return true;
  if (AccessibleLength(va, len, kProtRead) != len) return false;
  std::memcpy(dst, host_base_ + va, len);
  return true;
}

bool UserMemory::CopyToGuest(uint64_t va, const void* src, uint64_t len) {
  if (len == 0) return true;
  if (AccessibleLength(va, len, kProtWrite) != len) return false;
  if (!code_pages_.empty()) NotifyCodeWrite(va, len);
  std::memcpy(host_base_ + va, src, len);
  return true;
}

bool UserMemory::Poke(uint64_t va, const void* src, uint64_t len) {
  if (len == 0) return true;
  if (AccessibleLength(va, len, kMapped) != len) return false;
  if (!code_pages_.empty()) NotifyCodeWrite(va, len);
  // The host protection is the guest's: open the pages for the copy.
  const uint64_t first = PageDown(va), span = PageUp(va + len) - first;
  mprotect(host_base_ + first, span, PROT_READ | PROT_WRITE);
  std::memcpy(host_base_ + va, src, len);
  SyncHostProt(first, span);
  return true;
}

bool UserMemory::TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) {
  uint64_t fault_va;
  if (Check(va, 4, kProtExec, &fault_va) != FaultKind::kNone) return false;
  *pa_page = PageDown(va);
  *host_page = host_base_ + PageDown(va);
  return true;
}

void UserMemory::WatchCode(uint64_t pa_page, bool watched) {
  const uint64_t page = pa_page >> kPageShift;
  if (watched) {
    if (!code_pages_.insert(page).second) return;
    TlbFastEntry& e = fast_[page & (kTlbEntries - 1)];
    if (e.write_tag == pa_page) e.write_tag = kTlbInvalid;
  } else if (!code_pages_.erase(page)) {
    return;
  }
  if (Flags(page) & kProtWrite) SyncHostProt(pa_page, kPageSize);
}

void UserMemory::NotifyCodeWrite(uint64_t va, uint64_t len) {
  if (len == 0) return;
  for (uint64_t p = va >> kPageShift, e = (va + len - 1) >> kPageShift; p <= e; ++p) {
    if (!code_pages_.count(p)) continue;
    if (code_write_handler_) code_write_handler_(p << kPageShift);
    WatchCode(p << kPageShift, false);  // the write below needs the page writable
  }
}

void UserMemory::FillFast(uint64_t page) {
  const uint8_t f = Flags(page);
  const uint64_t tag = page << kPageShift;
  TlbFastEntry e;
  if (Allowed(f) & kProtRead) e.read_tag = tag;
  if ((f & kProtWrite) && !code_pages_.count(page)) e.write_tag = tag;  // watched: slow
  if (f & kProtExec) e.fetch_tag = tag;
  e.addend = reinterpret_cast<uint64_t>(host_base_);
  fast_[TlbIndex(tag)] = e;
}

int UserMemory::ReadCString(uint64_t va, size_t max_len, std::vector<char>* out) const {
  out->clear();
  for (;;) {
    if (va >= kGuestVaLimit || !(Allowed(Flags(va >> kPageShift)) & kProtRead)) return -EFAULT;
    const uint64_t chunk = PageDown(va) + kPageSize - va;
    const char* s = reinterpret_cast<const char*>(host_base_ + va);
    const void* nul = std::memchr(s, 0, chunk);
    const size_t n = nul ? static_cast<const char*>(nul) - s : chunk;
    if (out->size() + n > max_len) return -ENAMETOOLONG;
    out->insert(out->end(), s, s + n);
    if (nul) {
      out->push_back('\0');
      return 0;
    }
    va += chunk;
  }
}

}  // namespace a64::user
