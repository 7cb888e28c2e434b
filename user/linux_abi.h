// Linux arm64 user ABI: structure layouts and constants as the guest sees
// them (include/uapi/asm-generic/*.h, which arm64 uses; LP64). The host may
// lay its own structures out differently (x86-64 struct stat does), so every
// structure crossing the syscall boundary is converted field by field.
#pragma once

#include <cstddef>
#include <cstdint>

namespace a64::user::abi {

// ---- errno (asm-generic/errno-base.h, errno.h) -----------------------------
// Numerically equal on every Linux architecture we host on (x86-64, arm64),
// so host errno values are returned unchanged.

// ---- open flags (asm-generic/fcntl.h as arm64 overrides it) ----------------
// arm64 defines O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE differently from
// x86-64 (arch/arm64/include/uapi/asm/fcntl.h).
constexpr uint32_t kO_ACCMODE = 03;
constexpr uint32_t kO_CREAT = 0100;
constexpr uint32_t kO_EXCL = 0200;
constexpr uint32_t kO_NOCTTY = 0400;
constexpr uint32_t kO_TRUNC = 01000;
constexpr uint32_t kO_APPEND = 02000;
constexpr uint32_t kO_NONBLOCK = 04000;
constexpr uint32_t kO_DSYNC = 010000;
constexpr uint32_t kO_ASYNC = 020000;
constexpr uint32_t kO_DIRECTORY = 040000;
constexpr uint32_t kO_NOFOLLOW = 0100000;
constexpr uint32_t kO_DIRECT = 0200000;
constexpr uint32_t kO_LARGEFILE = 0400000;
constexpr uint32_t kO_NOATIME = 01000000;
constexpr uint32_t kO_CLOEXEC = 02000000;
constexpr uint32_t kO_SYNC = 04000000;  // __O_SYNC; O_SYNC = __O_SYNC | O_DSYNC
constexpr uint32_t kO_PATH = 010000000;
constexpr uint32_t kO_TMPFILE = 020000000;  // __O_TMPFILE

// ---- struct stat (asm-generic/stat.h): 128 bytes ---------------------------
struct Stat {
  uint64_t st_dev;
  uint64_t st_ino;
  uint32_t st_mode;
  uint32_t st_nlink;
  uint32_t st_uid;
  uint32_t st_gid;
  uint64_t st_rdev;
  uint64_t pad1;
  int64_t st_size;
  int32_t st_blksize;
  int32_t pad2;
  int64_t st_blocks;
  int64_t st_atime_sec;
  uint64_t st_atime_nsec;
  int64_t st_mtime_sec;
  uint64_t st_mtime_nsec;
  int64_t st_ctime_sec;
  uint64_t st_ctime_nsec;
  uint32_t unused4;
  uint32_t unused5;
};
static_assert(sizeof(Stat) == 128);
static_assert(offsetof(Stat, st_size) == 48);
static_assert(offsetof(Stat, st_atime_sec) == 72);

// struct statx (uapi/linux/stat.h) is architecture-independent: 256 bytes,
// copied unchanged.
constexpr size_t kStatxSize = 256;

struct Timespec {
  int64_t tv_sec;
  int64_t tv_nsec;
};
struct Timeval {
  int64_t tv_sec;
  int64_t tv_usec;
};
struct Timezone {
  int32_t tz_minuteswest;
  int32_t tz_dsttime;
};

struct Utsname {
  char sysname[65];
  char nodename[65];
  char release[65];
  char version[65];
  char machine[65];
  char domainname[65];
};
static_assert(sizeof(Utsname) == 390);

struct Rlimit {
  uint64_t rlim_cur;
  uint64_t rlim_max;
};
constexpr uint64_t kRlimInfinity = ~uint64_t{0};
constexpr unsigned kRlimNlimits = 16;
constexpr unsigned kRlimitStack = 3;

struct Sysinfo {
  int64_t uptime;
  uint64_t loads[3];
  uint64_t totalram;
  uint64_t freeram;
  uint64_t sharedram;
  uint64_t bufferram;
  uint64_t totalswap;
  uint64_t freeswap;
  uint16_t procs;
  uint16_t pad;
  uint32_t pad2;
  uint64_t totalhigh;
  uint64_t freehigh;
  uint32_t mem_unit;
  uint32_t pad3;  // char _f[20 - 2 * sizeof(long) - sizeof(int)] is empty; padding
};
static_assert(sizeof(Sysinfo) == 112);

struct Iovec {
  uint64_t iov_base;
  uint64_t iov_len;
};
constexpr unsigned kIovMax = 1024;

// struct linux_dirent64 (d_ino u64, d_off s64, d_reclen u16, d_type u8,
// d_name[]) has one layout on every 64-bit Linux: getdents64 output is
// passed through unchanged.

// ---- termios (asm-generic/termbits.h): 36 bytes ----------------------------
constexpr unsigned kNccs = 19;
struct Termios {
  uint32_t c_iflag;
  uint32_t c_oflag;
  uint32_t c_cflag;
  uint32_t c_lflag;
  uint8_t c_line;
  uint8_t c_cc[kNccs];
};
static_assert(sizeof(Termios) == 36);

struct Winsize {
  uint16_t ws_row;
  uint16_t ws_col;
  uint16_t ws_xpixel;
  uint16_t ws_ypixel;
};

// ioctl requests (asm-generic/ioctls.h).
constexpr uint32_t kTCGETS = 0x5401;
constexpr uint32_t kTCSETS = 0x5402;
constexpr uint32_t kTCSETSW = 0x5403;
constexpr uint32_t kTCSETSF = 0x5404;
constexpr uint32_t kTIOCGPGRP = 0x540f;
constexpr uint32_t kTIOCSPGRP = 0x5410;
constexpr uint32_t kTIOCGWINSZ = 0x5413;
constexpr uint32_t kTIOCSWINSZ = 0x5414;
constexpr uint32_t kFIONREAD = 0x541b;
constexpr uint32_t kFIONBIO = 0x5421;
constexpr uint32_t kFIONCLEX = 0x5450;
constexpr uint32_t kFIOCLEX = 0x5451;

struct Rusage {
  Timeval ru_utime;
  Timeval ru_stime;
  int64_t fields[14];  // ru_maxrss .. ru_nivcsw
};
static_assert(sizeof(Rusage) == 144);

struct Tms {
  int64_t tms_utime;
  int64_t tms_stime;
  int64_t tms_cutime;
  int64_t tms_cstime;
};

// struct sigaction as the arm64 rt_sigaction syscall takes it (sa_handler,
// sa_flags, sa_restorer, sa_mask; renamed: glibc defines sa_* as macros).
struct Sigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};
constexpr uint64_t kSigDfl = 0;
constexpr uint64_t kSigIgn = 1;
constexpr unsigned kNsig = 64;

struct Stack {  // stack_t
  uint64_t ss_sp;
  int32_t ss_flags;
  int32_t pad;
  uint64_t ss_size;
};
constexpr int32_t kSsOnstack = 1;
constexpr int32_t kSsDisable = 2;
constexpr int32_t kSsAutodisarm = int32_t(1u << 31);
constexpr uint64_t kMinSigstksz = 5120;  // arm64 MINSIGSTKSZ

// sa_flags (asm-generic/signal.h; arm64 defines SA_RESTORER too).
constexpr uint64_t kSaNocldstop = 0x00000001;
constexpr uint64_t kSaNocldwait = 0x00000002;
constexpr uint64_t kSaSiginfo = 0x00000004;
constexpr uint64_t kSaRestorer = 0x04000000;
constexpr uint64_t kSaOnstack = 0x08000000;
constexpr uint64_t kSaRestart = 0x10000000;
constexpr uint64_t kSaNodefer = 0x40000000;
constexpr uint64_t kSaResethand = 0x80000000;

// siginfo_t (asm-generic/siginfo.h, LP64): 128 bytes; the union starts at 16.
struct Siginfo {
  int32_t si_signo;
  int32_t si_errno;
  int32_t si_code;
  int32_t pad0;
  union {
    struct {  // kill, sigqueue, SIGCHLD
      int32_t pid;
      uint32_t uid;
      int32_t status;  // SIGCHLD: exit status or signal
      int32_t pad1;
      int64_t utime;
      int64_t stime;
    } proc;
    struct {  // SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP
      uint64_t addr;
    } fault;
    uint8_t bytes[112];
  } u;
};
static_assert(sizeof(Siginfo) == 128);
constexpr int32_t kSiUser = 0;
constexpr int32_t kSiKernel = 0x80;
constexpr int32_t kSiTkill = -6;
constexpr int32_t kSegvMaperr = 1;
constexpr int32_t kSegvAccerr = 2;
constexpr int32_t kBusAdraln = 1;
constexpr int32_t kIllIllopc = 1;
constexpr int32_t kTrapBrkpt = 1;
constexpr int32_t kFpeFltinv = 7;

// The arm64 signal frame (arch/arm64/include/uapi/asm/sigcontext.h,
// ucontext.h; arch/arm64/kernel/signal.c struct rt_sigframe).
struct Sigcontext {
  uint64_t fault_address;
  uint64_t regs[31];
  uint64_t sp;
  uint64_t pc;
  uint64_t pstate;
  uint64_t pad;  // __reserved is 16-byte aligned
  uint8_t reserved[4096];
};
static_assert(offsetof(Sigcontext, reserved) == 288);
struct Ucontext {
  uint64_t uc_flags;
  uint64_t uc_link;
  Stack uc_stack;
  uint64_t uc_sigmask;
  uint8_t unused[1024 / 8 - 8];
  uint64_t pad;  // uc_mcontext is 16-byte aligned
  Sigcontext uc_mcontext;
};
static_assert(offsetof(Ucontext, uc_mcontext) == 176);
struct RtSigframe {
  Siginfo info;
  Ucontext uc;
};
static_assert(sizeof(RtSigframe) == 4688);
// Records in Sigcontext::reserved: {u32 magic, u32 size} headers; a zero
// header ends the list.
constexpr uint32_t kFpsimdMagic = 0x46508001;
constexpr uint32_t kFpsimdContextSize = 528;  // header, fpsr, fpcr, vregs[32]
constexpr uint32_t kEsrMagic = 0x45535201;
constexpr uint32_t kEsrContextSize = 16;

// ---- clone, wait -------------------------------------------------------------
constexpr uint64_t kCsignal = 0x000000ff;
constexpr uint64_t kCloneVm = 0x00000100;
constexpr uint64_t kCloneFs = 0x00000200;
constexpr uint64_t kCloneFiles = 0x00000400;
constexpr uint64_t kCloneSighand = 0x00000800;
constexpr uint64_t kClonePidfd = 0x00001000;
constexpr uint64_t kClonePtrace = 0x00002000;
constexpr uint64_t kCloneVfork = 0x00004000;
constexpr uint64_t kCloneParent = 0x00008000;
constexpr uint64_t kCloneThread = 0x00010000;
constexpr uint64_t kCloneSettls = 0x00080000;
constexpr uint64_t kCloneParentSettid = 0x00100000;
constexpr uint64_t kCloneChildCleartid = 0x00200000;
constexpr uint64_t kCloneDetached = 0x00400000;
constexpr uint64_t kCloneUntraced = 0x00800000;
constexpr uint64_t kCloneChildSettid = 0x01000000;


// ---- mmap (asm-generic/mman-common.h, mman.h) ------------------------------
constexpr uint32_t kMapShared = 0x01;
constexpr uint32_t kMapPrivate = 0x02;
constexpr uint32_t kMapSharedValidate = 0x03;
constexpr uint32_t kMapTypeMask = 0x0f;
constexpr uint32_t kMapFixed = 0x10;
constexpr uint32_t kMapAnonymous = 0x20;
constexpr uint32_t kMapFixedNoreplace = 0x100000;
constexpr uint32_t kMremapMaymove = 1;
constexpr uint32_t kMremapFixed = 2;
constexpr uint32_t kMremapDontunmap = 4;
constexpr int kMadvDontneed = 4;
constexpr int kMadvFree = 8;
constexpr int kMadvRemove = 9;

// ---- futex (uapi/linux/futex.h) ---------------------------------------------
constexpr int kFutexWait = 0;
constexpr int kFutexWake = 1;
constexpr int kFutexRequeue = 3;
constexpr int kFutexCmpRequeue = 4;
constexpr int kFutexWaitBitset = 9;
constexpr int kFutexWakeBitset = 10;
constexpr int kFutexPrivateFlag = 128;
constexpr int kFutexClockRealtime = 256;

// ---- prctl -------------------------------------------------------------------
constexpr int kPrSetName = 15;
constexpr int kPrGetName = 16;
constexpr size_t kTaskCommLen = 16;

// ---- auxv tags (uapi/linux/auxvec.h) -----------------------------------------
constexpr uint64_t kAtNull = 0;
constexpr uint64_t kAtPhdr = 3;
constexpr uint64_t kAtPhent = 4;
constexpr uint64_t kAtPhnum = 5;
constexpr uint64_t kAtPagesz = 6;
constexpr uint64_t kAtBase = 7;
constexpr uint64_t kAtFlags = 8;
constexpr uint64_t kAtEntry = 9;
constexpr uint64_t kAtUid = 11;
constexpr uint64_t kAtEuid = 12;
constexpr uint64_t kAtGid = 13;
constexpr uint64_t kAtEgid = 14;
constexpr uint64_t kAtPlatform = 15;
constexpr uint64_t kAtHwcap = 16;
constexpr uint64_t kAtClktck = 17;
constexpr uint64_t kAtSecure = 23;
constexpr uint64_t kAtRandom = 25;
constexpr uint64_t kAtHwcap2 = 26;
constexpr uint64_t kAtExecfn = 31;

// arm64 AT_HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h).
// AT_HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h).
constexpr uint64_t kHwcapFp = 1u << 0;
constexpr uint64_t kHwcapAsimd = 1u << 1;
constexpr uint64_t kHwcapAes = 1u << 3;       // AESE/AESD/AESMC/AESIMC
constexpr uint64_t kHwcapPmull = 1u << 4;     // PMULL/PMULL2 .1Q
constexpr uint64_t kHwcapSha1 = 1u << 5;
constexpr uint64_t kHwcapSha2 = 1u << 6;      // SHA256*
constexpr uint64_t kHwcapCrc32 = 1u << 7;
constexpr uint64_t kHwcapAtomics = 1u << 8;   // LSE
constexpr uint64_t kHwcapAsimdRdm = 1u << 12; // SQRDMLAH/SQRDMLSH
constexpr uint64_t kHwcapJscvt = 1u << 13;    // FJCVTZS
constexpr uint64_t kHwcapFcma = 1u << 14;     // FCMLA/FCADD
constexpr uint64_t kHwcapLrcpc = 1u << 15;    // LDAPR
constexpr uint64_t kHwcapDcpop = 1u << 16;    // DC CVAP

}  // namespace a64::user::abi
