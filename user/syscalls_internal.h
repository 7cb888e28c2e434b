// Shared by the syscall group files (syscalls_*.cc). Each group handles the
// numbers it knows and returns false for others.
#pragma once

#include <cerrno>
#include <cstdint>
#include <string>

#include "user/user_process.h"

namespace a64::user {

struct SyscallArgs {
  uint64_t a[6];
  uint64_t operator[](int i) const { return a[i]; }
  int Int(int i) const { return static_cast<int>(a[i]); }  // an `int` argument
};

bool FileSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);
bool MemorySyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);
bool TimeSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);
bool ProcessSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);
bool SignalSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);
bool ExecSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result);

// A host call's result as the guest sees it: the value, or -errno.
inline int64_t HostResult(int64_t r) { return r < 0 ? -static_cast<int64_t>(errno) : r; }

// Reads a path argument (at most PATH_MAX - 1 bytes): 0, -EFAULT or
// -ENAMETOOLONG.
int ReadPath(const UserProcess& p, uint64_t va, std::string* out);

// Copies a value to/from guest memory; false on a bad pointer (-EFAULT).
template <typename T>
bool PutGuest(UserProcess& p, uint64_t va, const T& v) {
  return p.mem.CopyToGuest(va, &v, sizeof(T));
}
template <typename T>
bool GetGuest(const UserProcess& p, uint64_t va, T* v) {
  return p.mem.CopyFromGuest(v, va, sizeof(T));
}

// Generates signal `sig` for the process itself as the kernel does (SIGPIPE
// on EPIPE): it is acted on when the syscall returns.
void RaiseSignal(UserProcess& p, int sig);

// True for the guest's view of /proc/self/exe (or /proc/<pid>/exe).
bool IsSelfExe(const std::string& path);

}  // namespace a64::user
