// The address space of one user-mode guest process.
//
// The guest has a 39-bit virtual address space (Linux arm64 with
// CONFIG_ARM64_VA_BITS_39: TASK_SIZE = 2^39). One host region of that size
// (plus a guard) is reserved with PROT_NONE; a guest page at VA v lives at
// host address base + v. Pages the guest maps are host-mapped (zero-filled,
// allocated lazily by the host). The guest's R/W/X permissions live in a
// two-level byte table, which the accessors below check in software, so
// they never fault on the host; and the host protection of every page is
// what the guest may do with it (no access when unmapped, no write while its
// code is watched), so that generated code can access guest memory directly
// and let the host fault (jit/fault_recovery.h). As on Linux arm64 without
// EPAN, PROT_WRITE and PROT_EXEC make a page readable too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <unordered_set>
#include <memory>
#include <vector>

#include "jit/code_port.h"
#include "mmu/guest_memory.h"

namespace a64::user {

constexpr uint64_t kPageSize = 4096;
constexpr unsigned kPageShift = 12;
constexpr unsigned kGuestVaBits = 39;
constexpr uint64_t kGuestVaLimit = uint64_t{1} << kGuestVaBits;

inline uint64_t PageDown(uint64_t v) { return v & ~(kPageSize - 1); }
inline uint64_t PageUp(uint64_t v) { return (v + kPageSize - 1) & ~(kPageSize - 1); }

// Per-page flags.
enum PageFlag : uint8_t {
  kProtRead = 1,    // same values as Linux PROT_READ/WRITE/EXEC
  kProtWrite = 2,
  kProtExec = 4,
  kMapped = 8,      // a VMA covers the page (possibly with no permission)
  kAnonymous = 16,  // content is zero-fill-on-demand (MADV_DONTNEED zeroes it)
};
constexpr uint8_t kProtMask = kProtRead | kProtWrite | kProtExec;

// The accesses a page with flags `f` allows: Linux arm64 maps PROT_WRITE
// pages PAGE_READONLY (private, copy on write) or PAGE_SHARED, and PROT_EXEC
// pages PAGE_READONLY_EXEC (execute-only needs EPAN, Linux 6.2 and later),
// so both are readable.
inline uint8_t Allowed(uint8_t f) {
  return f & (kProtWrite | kProtExec) ? f | kProtRead : f;
}

class UserMemory final : public GuestMemory, public CodePort {
 public:
  UserMemory();
  ~UserMemory() override;
  UserMemory(const UserMemory&) = delete;
  UserMemory& operator=(const UserMemory&) = delete;

  // False when the host refused the reservation (then nothing else works).
  bool ok() const { return host_base_ != nullptr; }

  // GuestMemory. Data accesses ignore the top address byte (Linux enables
  // TCR_EL1.TBI0 for EL0; ARM ARM D8.8 "Memory tagging"/"Address tagging").
  FaultKind Read(uint64_t va, void* dst, size_t size, AccessType type, MemFault* fault) override;
  FaultKind Write(uint64_t va, const void* src, size_t size, AccessType type,
                  MemFault* fault) override;

  // ---- Mapping (all addresses and lengths page-aligned, non-zero length) ----
  // Maps zero-filled pages over [va, va+len), replacing whatever was there.
  // `flags` is prot plus kAnonymous for anonymous memory. False if the range
  // leaves the guest address space or the host refused.
  bool Map(uint64_t va, uint64_t len, uint8_t flags);
  // Unmaps every page in the range (mapped or not).
  void Unmap(uint64_t va, uint64_t len);
  // Unmaps the whole address space (execve).
  void UnmapAll();
  // Sets the protection of [va, va+len); false (nothing changed) if some page
  // in the range is unmapped.
  bool Protect(uint64_t va, uint64_t len, uint8_t prot);
  // Re-zeroes the anonymous pages of the range (MADV_DONTNEED semantics);
  // file-backed private pages keep their content (see README).
  void Discard(uint64_t va, uint64_t len);
  // Moves the pages [from, from+len) to [to, to+len) (must be unmapped, and
  // not overlapping), keeping content and flags.
  bool Move(uint64_t from, uint64_t to, uint64_t len);

  // True when every page of [va, va+len) is mapped (any permission).
  bool IsMapped(uint64_t va, uint64_t len) const;
  // True when no page of [va, va+len) is mapped.
  bool IsFree(uint64_t va, uint64_t len) const;
  // The highest free page-aligned range of `len` bytes lying entirely within
  // [lo, hi), or 0 if none.
  uint64_t FindFreeTopDown(uint64_t len, uint64_t lo, uint64_t hi) const;
  uint8_t PageFlags(uint64_t va) const;

  // ---- Access for the kernel side (syscalls, loader) -----------------------
  // How many bytes from `va` (at most `len`) are accessible with all of `prot`
  // (tagged addresses are not accepted here: Linux syscalls reject them
  // unless the tagged address ABI is enabled).
  uint64_t AccessibleLength(uint64_t va, uint64_t len, uint8_t prot) const;
  // The host address of guest `va` if [va, va+len) is accessible with `prot`,
  // else nullptr. len == 0 returns a valid pointer for any va inside the space.
  uint8_t* HostRange(uint64_t va, uint64_t len, uint8_t prot);
  // Copies honouring the guest permissions (R for reads, W for writes).
  bool CopyFromGuest(void* dst, uint64_t va, uint64_t len) const;
  bool CopyToGuest(uint64_t va, const void* src, uint64_t len);
  // Writes regardless of guest permissions (pages must be mapped): the loader
  // fills read-only segments this way.
  bool Poke(uint64_t va, const void* src, uint64_t len);
  // ---- CodePort (jit/code_port.h): VA = PA here -----------------------------
  // Pages with translated code are watched: a guest store, a syscall or
  // loader write, or any change of the page's mapping or permissions calls
  // the handler first, and ends the watch.
  bool TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) override;
  const TlbFastEntry* FastTable(TlbContext) const override { return fast_; }
  TlbContext DataContext(const ProcState&) const override { return kTlbEl0; }
  void WatchCode(uint64_t pa_page, bool watched) override;
  void SetCodeWriteHandler(std::function<void(uint64_t pa_page)> handler) override {
    code_write_handler_ = std::move(handler);
  }
  // Mapping changes reach translated code as writes to its pages (above).
  void SetTranslationChangeHandler(std::function<void(bool, uint64_t)>) override {}
  uint8_t* DirectBase() const override { return host_base_; }
  unsigned DirectVaBits() const override { return kGuestVaBits; }

  // Reads a NUL-terminated string of at most max_len bytes (excluding the
  // NUL). Returns 0 and fills *out, -EFAULT, or -ENAMETOOLONG.
  int ReadCString(uint64_t va, size_t max_len, std::vector<char>* out) const;

 private:
  static constexpr unsigned kLeafBits = 12;  // pages per leaf table: 4096
  static constexpr uint64_t kPages = kGuestVaLimit >> kPageShift;
  static constexpr uint64_t kLeaves = kPages >> kLeafBits;
  // PROT_NONE beyond the space: a direct access of up to 64 bytes starting
  // below kGuestVaLimit faults there instead of reaching other host memory.
  static constexpr uint64_t kGuardBytes = 64 * 1024;

  uint8_t Flags(uint64_t page) const {
    const uint8_t* leaf = leaves_[page >> kLeafBits].get();
    return leaf ? leaf[page & ((1u << kLeafBits) - 1)] : 0;
  }
  void SetFlags(uint64_t page, uint8_t f);
  // Checks [va, va+size) for `need`; on failure sets *fault_va.
  FaultKind Check(uint64_t va, size_t size, uint8_t need, uint64_t* fault_va) const;
  bool HostMapZero(uint64_t va, uint64_t len);
  // The host protection page `page` must have, and setting it over a range.
  int HostProt(uint64_t page) const;
  void SyncHostProt(uint64_t va, uint64_t len);
  [[gnu::noinline]] FaultKind ReadSlow(uint64_t va, void* dst, size_t size, AccessType type,
                                       MemFault* fault);
  [[gnu::noinline]] FaultKind WriteSlow(uint64_t va, const void* src, size_t size,
                                        MemFault* fault);

  // Calls the code-write handler for the watched pages of [va, va + len).
  void NotifyCodeWrite(uint64_t va, uint64_t len);
  // Makes `page` the one its fast-table entry shows, with its permissions
  // (no write tag while its code is watched).
  void FillFast(uint64_t page);

  uint8_t* host_base_ = nullptr;
  // The fast table of Read/Write and of generated code: filled by accesses
  // that passed the checks; any flag change of a page clears its entry.
  TlbFastEntry fast_[kTlbEntries];
  std::unordered_set<uint64_t> code_pages_;  // watched page numbers
  std::function<void(uint64_t)> code_write_handler_;
  std::vector<std::unique_ptr<uint8_t[]>> leaves_;
  std::vector<uint32_t> leaf_count_;  // mapped pages per leaf, to free leaves
};

}  // namespace a64::user
