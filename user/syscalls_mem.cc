// Address-space system calls: brk, mmap, munmap, mremap, mprotect, madvise.
// File-backed mappings are private copies read at mmap time.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

constexpr uint64_t kProtKnown = kProtRead | kProtWrite | kProtExec;
// PROT_SEM (0x8) is accepted and ignored by Linux; PROT_BTI (0x10) and
// PROT_MTE (0x20) need features we do not advertise.
constexpr uint64_t kProtSem = 0x8;

int64_t Brk(UserProcess& p, uint64_t want) {
  // Linux returns the unchanged break for any request it cannot satisfy.
  if (want < p.brk_start) return static_cast<int64_t>(p.brk);
  const uint64_t old_end = PageUp(p.brk), new_end = PageUp(want);
  if (new_end > old_end) {
    if (new_end > kGuestVaLimit || !p.mem.IsFree(old_end, new_end - old_end))
      return static_cast<int64_t>(p.brk);
    if (!p.mem.Map(old_end, new_end - old_end, kProtRead | kProtWrite | kAnonymous))
      return static_cast<int64_t>(p.brk);
  } else if (new_end < old_end) {
    p.mem.Unmap(new_end, old_end - new_end);
  }
  p.brk = want;
  return static_cast<int64_t>(want);
}

int64_t Mmap(UserProcess& p, uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags,
             int fd, uint64_t offset) {
  const uint32_t type = flags & abi::kMapTypeMask;
  if (type != abi::kMapPrivate && type != abi::kMapShared && type != abi::kMapSharedValidate)
    return -EINVAL;
  if (prot & ~(kProtKnown | kProtSem)) return -EINVAL;
  if (len == 0) return -EINVAL;
  if (offset & (kPageSize - 1)) return -EINVAL;
  const uint64_t size = PageUp(len);
  if (size == 0 || size > kGuestVaLimit) return -ENOMEM;
  const bool anon = flags & abi::kMapAnonymous;
  const bool fixed = flags & (abi::kMapFixed | abi::kMapFixedNoreplace);
  if (!anon && type != abi::kMapPrivate && (prot & kProtWrite)) {
    // A shared writable file mapping would have to write back to the file.
    p.WarnOnce("mmap-shared", "writable MAP_SHARED file mappings are not supported (-ENODEV)");
    return -ENODEV;
  }
  uint64_t va;
  if (fixed) {
    if (addr & (kPageSize - 1)) return -EINVAL;
    if (addr >= kGuestVaLimit || size > kGuestVaLimit - addr) return -ENOMEM;
    if ((flags & abi::kMapFixedNoreplace) && !p.mem.IsFree(addr, size)) return -EEXIST;
    va = addr;
  } else {
    va = 0;
    // A hint is honoured when the range is free, as Linux does.
    addr = PageDown(addr);
    if (addr >= kMmapBottom && addr < kGuestVaLimit && size <= kGuestVaLimit - addr &&
        p.mem.IsFree(addr, size))
      va = addr;
    if (!va) va = p.mem.FindFreeTopDown(size, kMmapBottom, kMmapTop);
    if (!va) va = p.mem.FindFreeTopDown(size, kPageSize * 16, kMmapBottom);
    if (!va) return -ENOMEM;
  }
  uint64_t file_bytes = 0;
  if (!anon) {
    struct stat st;
    if (fstat(fd, &st) != 0) return -errno;
    if (!S_ISREG(st.st_mode)) return -ENODEV;  // devices are not mappable here
    const int fl = fcntl(fd, F_GETFL);
    if ((fl & O_ACCMODE) == O_WRONLY || (fl & O_PATH)) return -EACCES;
    const uint64_t fsize = static_cast<uint64_t>(st.st_size);
    file_bytes = offset < fsize ? std::min(size, fsize - offset) : 0;
  }
  const uint8_t guest_prot = static_cast<uint8_t>(prot & kProtKnown);
  // A file mapping is writable while the file is read in (the host
  // protection is the guest's); then it gets the guest's protection.
  if (!p.mem.Map(va, size, anon ? guest_prot | kAnonymous : kProtRead | kProtWrite))
    return -ENOMEM;
  if (anon) return static_cast<int64_t>(va);
  // Private file mapping: a copy of the file made now. Whole pages past EOF
  // read as zero (Linux would raise SIGBUS on them).
  uint8_t* host = p.mem.HostRange(va, size, kProtWrite);
  uint64_t got = 0;
  while (got < file_bytes) {
    const ssize_t n = pread(fd, host + got, file_bytes - got, offset + got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int e = errno;
      p.mem.Unmap(va, size);
      return -e;
    }
    if (n == 0) break;
    got += n;
  }
  p.mem.Protect(va, size, guest_prot);
  return static_cast<int64_t>(va);
}

int64_t Mremap(UserProcess& p, uint64_t old_addr, uint64_t old_len, uint64_t new_len,
               uint64_t flags, uint64_t new_addr) {
  if (old_addr & (kPageSize - 1)) return -EINVAL;
  if (flags & ~uint64_t{abi::kMremapMaymove | abi::kMremapFixed | abi::kMremapDontunmap})
    return -EINVAL;
  if ((flags & abi::kMremapFixed) && !(flags & abi::kMremapMaymove)) return -EINVAL;
  if (flags & abi::kMremapDontunmap) return -EINVAL;  // not supported here
  old_len = PageUp(old_len);
  new_len = PageUp(new_len);
  if (new_len == 0 || old_len == 0) return -EINVAL;
  if (!p.mem.IsMapped(old_addr, old_len)) return -EFAULT;
  const uint8_t flags0 = p.mem.PageFlags(old_addr) & ~kMapped;
  if (flags & abi::kMremapFixed) {
    if (new_addr & (kPageSize - 1)) return -EINVAL;
    if (new_addr >= kGuestVaLimit || new_len > kGuestVaLimit - new_addr) return -ENOMEM;
    if (new_addr < old_addr + old_len && old_addr < new_addr + new_len) return -EINVAL;
    p.mem.Unmap(new_addr, new_len);
    const uint64_t keep = std::min(old_len, new_len);
    if (!p.mem.Move(old_addr, new_addr, keep)) return -ENOMEM;
    if (old_len > keep) p.mem.Unmap(old_addr + keep, old_len - keep);
    if (new_len > keep && !p.mem.Map(new_addr + keep, new_len - keep, flags0)) return -ENOMEM;
    return static_cast<int64_t>(new_addr);
  }
  if (new_len <= old_len) {
    if (new_len < old_len) p.mem.Unmap(old_addr + new_len, old_len - new_len);
    return static_cast<int64_t>(old_addr);
  }
  const uint64_t grow = new_len - old_len;
  if (p.mem.IsFree(old_addr + old_len, grow)) {
    if (!p.mem.Map(old_addr + old_len, grow, flags0)) return -ENOMEM;
    return static_cast<int64_t>(old_addr);
  }
  if (!(flags & abi::kMremapMaymove)) return -ENOMEM;
  const uint64_t to = p.mem.FindFreeTopDown(new_len, kMmapBottom, kMmapTop);
  if (!to || !p.mem.Move(old_addr, to, old_len)) return -ENOMEM;
  if (!p.mem.Map(to + old_len, grow, flags0)) return -ENOMEM;
  return static_cast<int64_t>(to);
}

}  // namespace

bool MemorySyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  switch (nr) {
    case kSysBrk:
      r = Brk(p, a[0]);
      return true;
    case kSysMmap:
      r = Mmap(p, a[0], a[1], a[2], a[3], a.Int(4), a[5]);
      return true;
    case kSysMunmap:
      if ((a[0] & (kPageSize - 1)) || a[1] == 0) return r = -EINVAL, true;
      if (a[0] >= kGuestVaLimit || PageUp(a[1]) > kGuestVaLimit - a[0]) return r = -EINVAL, true;
      p.mem.Unmap(a[0], PageUp(a[1]));
      r = 0;
      return true;
    case kSysMremap:
      r = Mremap(p, a[0], a[1], a[2], a[3], a[4]);
      return true;
    case kSysMprotect: {
      if (a[0] & (kPageSize - 1)) return r = -EINVAL, true;
      if (a[2] & ~(kProtKnown | kProtSem)) return r = -EINVAL, true;
      const uint64_t len = PageUp(a[1]);
      if (len == 0) return r = 0, true;
      if (a[0] >= kGuestVaLimit || len > kGuestVaLimit - a[0]) return r = -ENOMEM, true;
      r = p.mem.Protect(a[0], len, static_cast<uint8_t>(a[2] & kProtKnown)) ? 0 : -ENOMEM;
      return true;
    }
    case kSysMadvise: {
      if (a[0] & (kPageSize - 1)) return r = -EINVAL, true;
      const uint64_t len = PageUp(a[1]);
      if (len == 0) return r = 0, true;
      if (!p.mem.IsMapped(a[0], len)) return r = -ENOMEM, true;
      const int advice = a.Int(2);
      // MADV_DONTNEED (and MADV_FREE/REMOVE, which may behave the same)
      // zero anonymous private pages; other advice changes nothing visible.
      if (advice == abi::kMadvDontneed || advice == abi::kMadvFree || advice == abi::kMadvRemove)
        p.mem.Discard(a[0], len);
      r = 0;
      return true;
    }
    case kSysMsync:
    case kSysMlock:
    case kSysMunlock:
      // Private memory: nothing to write back or pin; the range must exist.
      if (nr == kSysMsync && (a[0] & (kPageSize - 1))) return r = -EINVAL, true;
      r = p.mem.IsMapped(PageDown(a[0]), PageUp(a[0] + a[1]) - PageDown(a[0])) ? 0 : -ENOMEM;
      return true;
    default:
      return false;
  }
}

}  // namespace a64::user
