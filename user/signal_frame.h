// The arm64 Linux signal frame (arch/arm64/kernel/signal.c): what the kernel
// pushes on the user stack before running a handler, and what rt_sigreturn
// reads back.
//
//   higher addresses
//     frame record {x29, x30} of the interrupted code (16-byte aligned)
//     struct rt_sigframe { siginfo_t info; struct ucontext uc; }  <- SP, X1, X2
//   lower addresses
//
// uc.uc_mcontext holds X0..X30, SP, PC, PSTATE (NZCV) and the fault address;
// its __reserved area holds an FPSIMD record (V0..V31, FPSR, FPCR) and an
// empty terminator record.
#pragma once

#include <cstdint>

#include "user/linux_abi.h"
#include "user/user_process.h"

namespace a64::user {

// The alternate-stack flags Linux reports for stack pointer `sp`
// (sas_ss_flags): SS_DISABLE when none is set, SS_ONSTACK when sp is on it.
int32_t AltStackFlags(const UserProcess& p, uint64_t sp);

// Pushes a frame for signal `info.si_signo` handled by `act` and points the
// CPU at the handler: X0 = signal, X1/X2 = &info/&uc (SA_SIGINFO), SP = the
// frame, X29 = the frame record, X30 = the restorer, PC = the handler.
// `old_mask` is the mask the interrupted code ran with. False (nothing
// changed) when the stack is not writable.
bool PushSignalFrame(UserProcess& p, const abi::Siginfo& info, const abi::Sigaction& act,
                     uint64_t old_mask, uint64_t fault_address);

// rt_sigreturn: restores registers, mask and alternate stack from the frame
// at SP. False when the frame is unreadable or invalid (Linux then kills the
// process with SIGSEGV).
bool PopSignalFrame(UserProcess& p);

}  // namespace a64::user
