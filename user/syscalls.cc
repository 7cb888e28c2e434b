#include "user/syscalls.h"

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

void DoSyscall(UserProcess& p) {
  const uint64_t nr = p.cpu.st.x[8];
  SyscallArgs a;
  for (int i = 0; i < 6; ++i) a.a[i] = p.cpu.st.x[i];
  int64_t r = -ENOSYS;
  const bool known = FileSyscall(p, nr, a, &r) || MemorySyscall(p, nr, a, &r) ||
                     TimeSyscall(p, nr, a, &r) || ProcessSyscall(p, nr, a, &r) ||
                     SignalSyscall(p, nr, a, &r);
  if (!known) {
    const char* name = SyscallName(nr);
    p.WarnOnce("syscall-" + std::to_string(nr),
               "unsupported syscall " + std::to_string(nr) + " (" + (name ? name : "unknown") + ")");
    r = -ENOSYS;
  }
  p.cpu.st.x[0] = static_cast<uint64_t>(r);
}

}  // namespace a64::user
