// The firmware behind HVC on the virt board: the Arm Power State Coordination
// Interface 1.1 (Arm DEN 0022D) and the SMC Calling Convention 1.1 (Arm DEN
// 0028) architecture calls, for the board's single PE.
//
// Calls (function ID in W0, arguments in X1..X3, result in X0; X1..X17 are
// preserved):
//   PSCI_VERSION        0x84000000        -> 0x00010001 (1.1)
//   CPU_OFF             0x84000002        -> powers the only PE off: the
//                                            machine stops (kCpuOff)
//   CPU_ON              0x84000003/C..3   -> ALREADY_ON for MPIDR 0 (this PE),
//                                            INVALID_PARAMETERS for any other
//   AFFINITY_INFO       0x84000004/C..4   -> ON (0) for MPIDR 0 at level 0,
//                                            INVALID_PARAMETERS otherwise
//   MIGRATE_INFO_TYPE   0x84000006        -> 2: no Trusted OS, MIGRATE not
//                                            needed
//   SYSTEM_OFF          0x84000008        -> the machine stops (kSystemOff)
//   SYSTEM_RESET        0x84000009        -> the machine stops (kSystemReset)
//   PSCI_FEATURES       0x8400000A        -> 0 for the calls above and
//                                            SMCCC_VERSION, NOT_SUPPORTED else
//   SMCCC_VERSION       0x80000000        -> 0x00010001 (1.1)
//   SMCCC_ARCH_FEATURES 0x80000001        -> 0 for SMCCC_VERSION and itself,
//                                            NOT_SUPPORTED for the rest (no
//                                            ARCH_WORKAROUND_*, no SOC_ID)
// Every other function ID, including CPU_SUSPEND and MIGRATE (optional when
// MIGRATE_INFO_TYPE is 2; CPU_SUSPEND is not provided: no idle states are
// described), returns NOT_SUPPORTED (-1). An HVC with a non-zero immediate
// is not an SMCCC call (SMCCC 2.5.3) and also returns NOT_SUPPORTED.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// What the call asks of the machine besides its result in X0.
enum class PsciAction : uint8_t {
  kNone,
  kSystemOff,
  kSystemReset,
  kCpuOff,
};

// PSCI return codes (PSCI 1.1 section 5.2.2).
constexpr int32_t kPsciSuccess = 0;
constexpr int32_t kPsciNotSupported = -1;
constexpr int32_t kPsciInvalidParameters = -2;
constexpr int32_t kPsciDenied = -3;
constexpr int32_t kPsciAlreadyOn = -4;

// Performs the call in X0..X3 of `cpu` (an HVC #imm at EL1).
PsciAction PsciCall(Cpu& cpu, uint16_t imm);

}  // namespace a64
