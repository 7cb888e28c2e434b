// Linux arm64 system call emulation for user mode.
#pragma once

#include "user/user_process.h"

namespace a64::user {

// Performs the system call the guest requested with SVC #0: number in X8,
// arguments in X0..X5, result (or -errno) written to X0. May end the process
// (p.exited).
void DoSyscall(UserProcess& p);

}  // namespace a64::user
