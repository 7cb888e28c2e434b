// A synchronous exception raised by an instruction, described by its ESR_ELx
// exception class and syndrome (ARM ARM D17.2.37 ESR_EL1).
#pragma once

#include <cstdint>

namespace a64 {

enum class ExceptionClass : uint8_t {
  kUnknown = 0x00,          // UNDEFINED instruction
  kWfx = 0x01,
  kFpAccess = 0x07,         // CPACR_EL1.FPEN trap
  kIllegalState = 0x0e,
  kSvc64 = 0x15,
  kHvc64 = 0x16,
  kSmc64 = 0x17,
  kSysReg = 0x18,           // MSR/MRS/SYS trap
  kInstAbortLower = 0x20,
  kInstAbortSame = 0x21,
  kPcAlignment = 0x22,
  kDataAbortLower = 0x24,
  kDataAbortSame = 0x25,
  kSpAlignment = 0x26,
  kFpException64 = 0x2c,
  kSError = 0x2f,
  kBrk64 = 0x3c,
};

// Why a memory access failed; mapped to a DFSC/IFSC by the exception code.
enum class FaultKind : uint8_t {
  kNone,
  kTranslation,   // no mapping (user mode: no VMA)
  kPermission,
  kAccessFlag,
  kAlignment,
  kExternal,      // unmapped physical address / device error
  kAddressSize,   // output or table address beyond the configured PA size
};

struct PendingException {
  ExceptionClass ec = ExceptionClass::kUnknown;
  uint32_t iss = 0;        // ESR_ELx.ISS
  uint64_t far = 0;        // faulting virtual address, for aborts
  FaultKind fault = FaultKind::kNone;
  bool is_write = false;   // for data aborts (ESR.ISS.WnR)
  uint8_t level = 0;       // translation table level of a translation, access
                           // flag or permission fault
  bool on_walk = false;    // external abort on a stage 1 translation table walk
  bool cache_maintenance = false;  // the abort came from a cache maintenance
                                   // or AT instruction (ESR.ISS.CM)
};

// For SVC, HVC and SMC the preferred return address is the next instruction
// (ARM ARM D1.10.1); for every other synchronous exception it is the
// instruction itself, which was therefore not executed.
constexpr bool ExceptionRetiresInstruction(ExceptionClass ec) {
  return ec == ExceptionClass::kSvc64 || ec == ExceptionClass::kHvc64 ||
         ec == ExceptionClass::kSmc64;
}

}  // namespace a64
