// File and file-descriptor system calls. Guest file descriptors are the host
// process's descriptors; paths are host paths (no chroot), except that
// /proc/self/exe names the guest executable.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <vector>

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

// arm64 and the host disagree on a few O_* bits (see linux_abi.h).
struct FlagPair {
  uint32_t guest;
  int host;
};
constexpr FlagPair kOpenFlags[] = {
    {abi::kO_CREAT, O_CREAT},       {abi::kO_EXCL, O_EXCL},
    {abi::kO_NOCTTY, O_NOCTTY},     {abi::kO_TRUNC, O_TRUNC},
    {abi::kO_APPEND, O_APPEND},     {abi::kO_NONBLOCK, O_NONBLOCK},
    {abi::kO_DSYNC, O_DSYNC},       {abi::kO_ASYNC, O_ASYNC},
    {abi::kO_DIRECTORY, O_DIRECTORY}, {abi::kO_NOFOLLOW, O_NOFOLLOW},
    {abi::kO_DIRECT, O_DIRECT},     {abi::kO_LARGEFILE, O_LARGEFILE},
    {abi::kO_NOATIME, O_NOATIME},   {abi::kO_CLOEXEC, O_CLOEXEC},
    {abi::kO_SYNC, O_SYNC & ~O_DSYNC},       {abi::kO_PATH, O_PATH},
    {abi::kO_TMPFILE, O_TMPFILE & ~O_DIRECTORY},
};

int HostOpenFlags(uint32_t g) {
  int h = g & abi::kO_ACCMODE;
  for (const FlagPair& f : kOpenFlags)
    if (g & f.guest) h |= f.host;
  return h;
}

uint32_t GuestOpenFlags(int h) {
  uint32_t g = h & O_ACCMODE;
  for (const FlagPair& f : kOpenFlags)
    if (h & f.host) g |= f.guest;
  return g;
}

abi::Stat GuestStat(const struct stat& s) {
  abi::Stat g{};
  g.st_dev = s.st_dev;
  g.st_ino = s.st_ino;
  g.st_mode = s.st_mode;
  g.st_nlink = static_cast<uint32_t>(s.st_nlink);
  g.st_uid = s.st_uid;
  g.st_gid = s.st_gid;
  g.st_rdev = s.st_rdev;
  g.st_size = s.st_size;
  g.st_blksize = static_cast<int32_t>(s.st_blksize);
  g.st_blocks = s.st_blocks;
  g.st_atime_sec = s.st_atim.tv_sec;
  g.st_atime_nsec = s.st_atim.tv_nsec;
  g.st_mtime_sec = s.st_mtim.tv_sec;
  g.st_mtime_nsec = s.st_mtim.tv_nsec;
  g.st_ctime_sec = s.st_ctim.tv_sec;
  g.st_ctime_nsec = s.st_ctim.tv_nsec;
  return g;
}

}  // namespace

bool IsSelfExe(const std::string& path) {
  return path == "/proc/self/exe" || path == "/proc/" + std::to_string(getpid()) + "/exe";
}

namespace {

// Path for a syscall that follows /proc/self/exe to the guest executable.
int ReadExePath(const UserProcess& p, uint64_t va, std::string* out) {
  const int r = ReadPath(p, va, out);
  if (r == 0 && IsSelfExe(*out)) *out = p.exe_path;
  return r;
}

// The writable (for reads into the guest) or readable prefix of a buffer;
// -EFAULT when even the first byte is inaccessible.
int64_t GuestBuffer(UserProcess& p, uint64_t va, uint64_t len, uint8_t prot, uint8_t** host) {
  if (len == 0) {
    *host = p.mem.HostRange(0, 0, prot);
    return 0;
  }
  const uint64_t n = p.mem.AccessibleLength(va, len, prot);
  if (n == 0) return -EFAULT;
  *host = p.mem.HostRange(va, n, prot);
  return static_cast<int64_t>(n);
}

int64_t IoVectors(UserProcess& p, uint64_t iov_va, int count, uint8_t prot,
                  std::vector<iovec>* out) {
  if (count < 0 || count > static_cast<int>(abi::kIovMax)) return -EINVAL;
  std::vector<abi::Iovec> g(count);
  if (!p.mem.CopyFromGuest(g.data(), iov_va, count * sizeof(abi::Iovec))) return -EFAULT;
  out->resize(count);
  uint64_t total = 0;
  for (int i = 0; i < count; ++i) {
    if (g[i].iov_len > static_cast<uint64_t>(SSIZE_MAX) - total) return -EINVAL;
    total += g[i].iov_len;
    uint8_t* h = p.mem.HostRange(g[i].iov_base, g[i].iov_len, prot);
    if (!h) return -EFAULT;
    (*out)[i] = iovec{h, g[i].iov_len};
  }
  return 0;
}

int64_t Ioctl(UserProcess& p, int fd, uint64_t req, uint64_t arg) {
  switch (req) {
    case abi::kTCGETS: {
      struct termios t;
      if (ioctl(fd, TCGETS, &t) != 0) return -errno;
      abi::Termios g{};
      g.c_iflag = t.c_iflag;
      g.c_oflag = t.c_oflag;
      g.c_cflag = t.c_cflag;
      g.c_lflag = t.c_lflag;
      g.c_line = t.c_line;
      std::memcpy(g.c_cc, t.c_cc, abi::kNccs);
      return PutGuest(p, arg, g) ? 0 : -EFAULT;
    }
    case abi::kTCSETS:
    case abi::kTCSETSW:
    case abi::kTCSETSF: {
      abi::Termios g;
      if (!GetGuest(p, arg, &g)) return -EFAULT;
      struct termios t{};
      t.c_iflag = g.c_iflag;
      t.c_oflag = g.c_oflag;
      t.c_cflag = g.c_cflag;
      t.c_lflag = g.c_lflag;
      t.c_line = g.c_line;
      std::memcpy(t.c_cc, g.c_cc, abi::kNccs);
      const unsigned long host_req =
          req == abi::kTCSETS ? TCSETS : req == abi::kTCSETSW ? TCSETSW : TCSETSF;
      return ioctl(fd, host_req, &t) != 0 ? -errno : 0;
    }
    case abi::kTIOCGWINSZ: {
      struct winsize w;
      if (ioctl(fd, TIOCGWINSZ, &w) != 0) return -errno;
      const abi::Winsize g{w.ws_row, w.ws_col, w.ws_xpixel, w.ws_ypixel};
      return PutGuest(p, arg, g) ? 0 : -EFAULT;
    }
    case abi::kTIOCSWINSZ: {
      abi::Winsize g;
      if (!GetGuest(p, arg, &g)) return -EFAULT;
      struct winsize w{g.ws_row, g.ws_col, g.ws_xpixel, g.ws_ypixel};
      return ioctl(fd, TIOCSWINSZ, &w) != 0 ? -errno : 0;
    }
    case abi::kTIOCGPGRP:
    case abi::kFIONREAD: {
      int v;
      if (ioctl(fd, req == abi::kFIONREAD ? FIONREAD : TIOCGPGRP, &v) != 0) return -errno;
      const int32_t g = v;
      return PutGuest(p, arg, g) ? 0 : -EFAULT;
    }
    case abi::kTIOCSPGRP:
    case abi::kFIONBIO: {
      int32_t g;
      if (!GetGuest(p, arg, &g)) return -EFAULT;
      int v = g;
      return ioctl(fd, req == abi::kFIONBIO ? FIONBIO : TIOCSPGRP, &v) != 0 ? -errno : 0;
    }
    case abi::kFIOCLEX:
    case abi::kFIONCLEX:
      return ioctl(fd, req == abi::kFIOCLEX ? FIOCLEX : FIONCLEX) != 0 ? -errno : 0;
    default:
      // Linux answers a request no driver knows with -ENOTTY; a bad fd first.
      if (fcntl(fd, F_GETFD) < 0) return -EBADF;
      return -ENOTTY;
  }
}

int64_t Fcntl(int fd, int cmd, uint64_t arg, UserProcess& p) {
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_GETFD:
    case F_SETFD:
    case F_GETOWN:
    case F_SETOWN:
    case F_GETSIG:
    case F_SETSIG:
    case F_GETPIPE_SZ:
    case F_SETPIPE_SZ:
    case F_GET_SEALS:
    case F_ADD_SEALS:
    case F_GETLEASE:
    case F_SETLEASE:
    case F_NOTIFY:
      return HostResult(fcntl(fd, cmd, static_cast<int>(arg)));
    case F_GETFL: {
      const int r = fcntl(fd, F_GETFL);
      return r < 0 ? -errno : GuestOpenFlags(r);
    }
    case F_SETFL:
      return HostResult(fcntl(fd, F_SETFL, HostOpenFlags(static_cast<uint32_t>(arg))));
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW: {
      // struct flock: short, short, off_t, off_t, pid_t on both ABIs (32 bytes).
      static_assert(sizeof(struct flock) == 32);
      struct flock fl;
      if (!GetGuest(p, arg, &fl)) return -EFAULT;
      if (fcntl(fd, cmd, &fl) != 0) return -errno;
      if ((cmd == F_GETLK || cmd == F_OFD_GETLK) && !PutGuest(p, arg, fl)) return -EFAULT;
      return 0;
    }
    default:
      return -EINVAL;
  }
}

int64_t Stat(UserProcess& p, int dirfd, uint64_t path_va, uint64_t buf, int flags) {
  std::string path;
  if (int r = ReadExePath(p, path_va, &path)) return r;
  struct stat s;
  if (fstatat(dirfd, path.c_str(), &s, flags) != 0) return -errno;
  return PutGuest(p, buf, GuestStat(s)) ? 0 : -EFAULT;
}

}  // namespace

int ReadPath(const UserProcess& p, uint64_t va, std::string* out) {
  std::vector<char> s;
  const int r = p.mem.ReadCString(va, PATH_MAX - 1, &s);
  if (r != 0) return r;
  out->assign(s.data());
  return 0;
}

static bool FileSyscallNoSigpipe(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  std::string path, path2;
  uint8_t* h = nullptr;
  switch (nr) {
    case kSysRead:
    case kSysPread64: {
      const int64_t n = GuestBuffer(p, a[1], a[2], kProtWrite, &h);
      if (n < 0) return r = n, true;
      r = HostResult(nr == kSysRead ? read(a.Int(0), h, n) : pread(a.Int(0), h, n, a[3]));
      return true;
    }
    case kSysWrite:
    case kSysPwrite64: {
      const int64_t n = GuestBuffer(p, a[1], a[2], kProtRead, &h);
      if (n < 0) return r = n, true;
      r = HostResult(nr == kSysWrite ? write(a.Int(0), h, n) : pwrite(a.Int(0), h, n, a[3]));
      return true;
    }
    case kSysReadv:
    case kSysWritev:
    case kSysPreadv:
    case kSysPwritev: {
      const bool is_read = nr == kSysReadv || nr == kSysPreadv;
      std::vector<iovec> iov;
      r = IoVectors(p, a[1], a.Int(2), is_read ? kProtWrite : kProtRead, &iov);
      if (r < 0) return true;
      if (nr == kSysReadv) r = HostResult(readv(a.Int(0), iov.data(), iov.size()));
      if (nr == kSysWritev) r = HostResult(writev(a.Int(0), iov.data(), iov.size()));
      if (nr == kSysPreadv) r = HostResult(preadv(a.Int(0), iov.data(), iov.size(), a[3]));
      if (nr == kSysPwritev) r = HostResult(pwritev(a.Int(0), iov.data(), iov.size(), a[3]));
      return true;
    }
    case kSysOpenat:
      if ((r = ReadExePath(p, a[1], &path))) return true;
      r = HostResult(openat(a.Int(0), path.c_str(), HostOpenFlags(a[2]), static_cast<mode_t>(a[3])));
      return true;
    case kSysClose:
      r = HostResult(close(a.Int(0)));
      return true;
    case kSysLseek:
      r = HostResult(lseek(a.Int(0), static_cast<off_t>(a[1]), a.Int(2)));
      return true;
    case kSysFstat: {
      struct stat s;
      if (fstat(a.Int(0), &s) != 0) return r = -errno, true;
      r = PutGuest(p, a[1], GuestStat(s)) ? 0 : -EFAULT;
      return true;
    }
    case kSysNewfstatat:
      r = Stat(p, a.Int(0), a[1], a[2], a.Int(3));
      return true;
    case kSysStatx: {
      if ((r = ReadExePath(p, a[1], &path))) return true;
      uint8_t buf[abi::kStatxSize];
      if (syscall(SYS_statx, a.Int(0), path.c_str(), a.Int(2), static_cast<unsigned>(a[3]), buf) != 0)
        return r = -errno, true;
      r = p.mem.CopyToGuest(a[4], buf, sizeof(buf)) ? 0 : -EFAULT;
      return true;
    }
    case kSysStatfs:
    case kSysFstatfs: {
      // struct statfs has the same 120-byte LP64 layout on arm64 and x86-64.
      static_assert(sizeof(struct statfs) == 120);
      struct statfs s;
      if (nr == kSysStatfs) {
        if ((r = ReadPath(p, a[0], &path))) return true;
        if (statfs(path.c_str(), &s) != 0) return r = -errno, true;
      } else if (fstatfs(a.Int(0), &s) != 0) {
        return r = -errno, true;
      }
      r = PutGuest(p, a[1], s) ? 0 : -EFAULT;
      return true;
    }
    case kSysGetdents64: {
      const int64_t n = GuestBuffer(p, a[1], a[2], kProtWrite, &h);
      if (n < 0) return r = n, true;
      r = HostResult(syscall(SYS_getdents64, a.Int(0), h, n));
      return true;
    }
    case kSysReadlinkat: {
      if ((r = ReadPath(p, a[1], &path))) return true;
      if (static_cast<int64_t>(a[3]) <= 0) return r = -EINVAL, true;
      std::string target;
      if (IsSelfExe(path)) {
        target = p.exe_path;
      } else {
        std::vector<char> buf(PATH_MAX);
        const ssize_t n = readlinkat(a.Int(0), path.c_str(), buf.data(), buf.size());
        if (n < 0) return r = -errno, true;
        target.assign(buf.data(), n);
      }
      const uint64_t n = std::min<uint64_t>(target.size(), a[3]);
      r = p.mem.CopyToGuest(a[2], target.data(), n) ? static_cast<int64_t>(n) : -EFAULT;
      return true;
    }
    case kSysFaccessat:
    case kSysFaccessat2:
      if ((r = ReadExePath(p, a[1], &path))) return true;
      if (nr == kSysFaccessat)
        r = HostResult(syscall(SYS_faccessat, a.Int(0), path.c_str(), a.Int(2)));
      else
        r = HostResult(faccessat(a.Int(0), path.c_str(), a.Int(2), a.Int(3)));
      return true;
    case kSysMkdirat:
      if ((r = ReadPath(p, a[1], &path))) return true;
      r = HostResult(mkdirat(a.Int(0), path.c_str(), static_cast<mode_t>(a[2])));
      return true;
    case kSysMknodat:
      if ((r = ReadPath(p, a[1], &path))) return true;
      r = HostResult(mknodat(a.Int(0), path.c_str(), static_cast<mode_t>(a[2]), a[3]));
      return true;
    case kSysUnlinkat:
      if ((r = ReadPath(p, a[1], &path))) return true;
      r = HostResult(unlinkat(a.Int(0), path.c_str(), a.Int(2)));
      return true;
    case kSysRenameat:
    case kSysRenameat2:
      if ((r = ReadPath(p, a[1], &path)) || (r = ReadPath(p, a[3], &path2))) return true;
      r = HostResult(syscall(SYS_renameat2, a.Int(0), path.c_str(), a.Int(2), path2.c_str(),
                             nr == kSysRenameat ? 0u : static_cast<unsigned>(a[4])));
      return true;
    case kSysLinkat:
      if ((r = ReadPath(p, a[1], &path)) || (r = ReadPath(p, a[3], &path2))) return true;
      r = HostResult(linkat(a.Int(0), path.c_str(), a.Int(2), path2.c_str(), a.Int(4)));
      return true;
    case kSysSymlinkat:
      if ((r = ReadPath(p, a[0], &path)) || (r = ReadPath(p, a[2], &path2))) return true;
      r = HostResult(symlinkat(path.c_str(), a.Int(1), path2.c_str()));
      return true;
    case kSysFchmod:
      r = HostResult(fchmod(a.Int(0), static_cast<mode_t>(a[1])));
      return true;
    case kSysFchmodat:
      if ((r = ReadPath(p, a[1], &path))) return true;
      r = HostResult(syscall(SYS_fchmodat, a.Int(0), path.c_str(), static_cast<mode_t>(a[2])));
      return true;
    case kSysFchown:
      r = HostResult(fchown(a.Int(0), static_cast<uid_t>(a[1]), static_cast<gid_t>(a[2])));
      return true;
    case kSysFchownat:
      if ((r = ReadPath(p, a[1], &path))) return true;
      r = HostResult(fchownat(a.Int(0), path.c_str(), static_cast<uid_t>(a[2]),
                              static_cast<gid_t>(a[3]), a.Int(4)));
      return true;
    case kSysFtruncate:
      r = HostResult(ftruncate(a.Int(0), static_cast<off_t>(a[1])));
      return true;
    case kSysTruncate:
      if ((r = ReadPath(p, a[0], &path))) return true;
      r = HostResult(truncate(path.c_str(), static_cast<off_t>(a[1])));
      return true;
    case kSysFallocate:
      r = HostResult(fallocate(a.Int(0), a.Int(1), static_cast<off_t>(a[2]), static_cast<off_t>(a[3])));
      return true;
    case kSysFadvise64:
      r = -posix_fadvise(a.Int(0), static_cast<off_t>(a[1]), static_cast<off_t>(a[2]), a.Int(3));
      return true;
    case kSysFsync:
      r = HostResult(fsync(a.Int(0)));
      return true;
    case kSysFdatasync:
      r = HostResult(fdatasync(a.Int(0)));
      return true;
    case kSysSync:
      sync();
      r = 0;
      return true;
    case kSysFlock:
      r = HostResult(flock(a.Int(0), a.Int(1)));
      return true;
    case kSysDup:
      r = HostResult(dup(a.Int(0)));
      return true;
    case kSysDup3:
      if (a[2] & ~uint64_t{abi::kO_CLOEXEC}) return r = -EINVAL, true;
      r = HostResult(dup3(a.Int(0), a.Int(1), a[2] ? O_CLOEXEC : 0));
      return true;
    case kSysFcntl:
      r = Fcntl(a.Int(0), a.Int(1), a[2], p);
      return true;
    case kSysIoctl:
      r = Ioctl(p, a.Int(0), static_cast<uint32_t>(a[1]), a[2]);
      return true;
    case kSysPipe2: {
      if (a[1] & ~uint64_t{abi::kO_CLOEXEC | abi::kO_NONBLOCK | abi::kO_DIRECT})
        return r = -EINVAL, true;
      int fds[2];
      if (pipe2(fds, HostOpenFlags(static_cast<uint32_t>(a[1]))) != 0) return r = -errno, true;
      const int32_t g[2] = {fds[0], fds[1]};
      if (!p.mem.CopyToGuest(a[0], g, sizeof(g))) {
        close(fds[0]);
        close(fds[1]);
        return r = -EFAULT, true;
      }
      r = 0;
      return true;
    }
    case kSysSendfile: {
      off_t off = 0;
      const bool has_off = a[2] != 0;
      if (has_off && !GetGuest(p, a[2], &off)) return r = -EFAULT, true;
      r = HostResult(sendfile(a.Int(0), a.Int(1), has_off ? &off : nullptr, a[3]));
      if (r >= 0 && has_off && !PutGuest(p, a[2], off)) r = -EFAULT;
      return true;
    }
    case kSysPpoll: {
      // struct pollfd and the POLL* bits are the same on every Linux ABI.
      const uint64_t nfds = a[1];
      if (nfds > 65536) return r = -EINVAL, true;
      pollfd* fds = reinterpret_cast<pollfd*>(
          p.mem.HostRange(a[0], nfds * sizeof(pollfd), kProtRead | kProtWrite));
      if (!fds) return r = -EFAULT, true;
      abi::Timespec t;
      timespec ht;
      if (a[2] && !GetGuest(p, a[2], &t)) return r = -EFAULT, true;
      ht = timespec{t.tv_sec, t.tv_nsec};
      // The signal mask argument is not applied (see README: Signals).
      r = HostResult(ppoll(fds, nfds, a[2] ? &ht : nullptr, nullptr));
      return true;
    }
    case kSysPselect6: {
      const int n = a.Int(0);
      if (n < 0 || n > FD_SETSIZE) return r = -EINVAL, true;
      fd_set* sets[3];
      for (int i = 0; i < 3; ++i) {
        sets[i] = nullptr;
        if (a[1 + i]) {
          sets[i] = reinterpret_cast<fd_set*>(
              p.mem.HostRange(a[1 + i], (n + 63) / 64 * 8, kProtRead | kProtWrite));
          if (!sets[i]) return r = -EFAULT, true;
        }
      }
      // The kernel accesses the first n bits of each set, rounded up to longs.
      abi::Timespec t;
      timespec ht;
      if (a[4] && !GetGuest(p, a[4], &t)) return r = -EFAULT, true;
      ht = timespec{t.tv_sec, t.tv_nsec};
      r = HostResult(syscall(SYS_pselect6, n, sets[0], sets[1], sets[2], a[4] ? &ht : nullptr,
                             nullptr));
      return true;
    }
    case kSysGetcwd: {
      std::vector<char> buf(PATH_MAX);
      const long n = syscall(SYS_getcwd, buf.data(), buf.size());
      if (n < 0) return r = -errno, true;
      if (static_cast<uint64_t>(n) > a[1]) return r = -ERANGE, true;
      r = p.mem.CopyToGuest(a[0], buf.data(), n) ? n : -EFAULT;
      return true;
    }
    case kSysChdir:
      if ((r = ReadPath(p, a[0], &path))) return true;
      r = HostResult(chdir(path.c_str()));
      return true;
    case kSysFchdir:
      r = HostResult(fchdir(a.Int(0)));
      return true;
    case kSysUmask:
      r = umask(static_cast<mode_t>(a[0] & 0777));
      return true;
    case kSysUtimensat: {
      const char* pp = nullptr;
      if (a[1]) {
        if ((r = ReadPath(p, a[1], &path))) return true;
        pp = path.c_str();
      }
      abi::Timespec t[2];
      timespec ht[2];
      if (a[2]) {
        if (!p.mem.CopyFromGuest(t, a[2], sizeof(t))) return r = -EFAULT, true;
        for (int i = 0; i < 2; ++i) ht[i] = timespec{t[i].tv_sec, t[i].tv_nsec};
      }
      r = HostResult(syscall(SYS_utimensat, a.Int(0), pp, a[2] ? ht : nullptr, a.Int(3)));
      return true;
    }
    default:
      return false;
  }
}

bool FileSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  const bool known = FileSyscallNoSigpipe(p, nr, a, result);
  // Writing to a pipe nobody reads fails with EPIPE and raises SIGPIPE
  // (the host process ignores SIGPIPE so the guest decides).
  if (known && *result == -EPIPE &&
      (nr == kSysWrite || nr == kSysWritev || nr == kSysPwrite64 || nr == kSysPwritev ||
       nr == kSysSendfile))
    RaiseSignal(p, 13 /*SIGPIPE*/);
  return known;
}

}  // namespace a64::user
