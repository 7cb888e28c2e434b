#include "devices/psci.h"

namespace a64 {
namespace {

// Function IDs (SMCCC 2.5 "Function Identifier"): bit 31 fast call, bit 30
// SMC64 (0: SMC32, arguments in W registers), bits 29:24 the owning entity
// (0 Arm architecture, 4 standard secure service = PSCI), bits 15:0 the
// function number.
constexpr uint32_t kSmc64 = 1u << 30;

constexpr uint32_t kSmcccVersion = 0x8000'0000;
constexpr uint32_t kSmcccArchFeatures = 0x8000'0001;

constexpr uint32_t kPsciVersion = 0x8400'0000;
constexpr uint32_t kCpuOff = 0x8400'0002;
constexpr uint32_t kCpuOn = 0x8400'0003;
constexpr uint32_t kAffinityInfo = 0x8400'0004;
constexpr uint32_t kMigrateInfoType = 0x8400'0006;
constexpr uint32_t kSystemOff = 0x8400'0008;
constexpr uint32_t kSystemReset = 0x8400'0009;
constexpr uint32_t kPsciFeatures = 0x8400'000a;

// PSCI 1.1 and SMCCC 1.1: major in bits 31:16, minor in bits 15:0.
constexpr int64_t kPsciVersion11 = 0x0001'0001;
constexpr int64_t kSmcccVersion11 = 0x0001'0001;

// AFFINITY_INFO results (PSCI 5.1.5).
constexpr int64_t kAffinityOn = 0;

// MIGRATE_INFO_TYPE 2: "Trusted OS is either not present or does not require
// migration" (PSCI 5.1.7).
constexpr int64_t kMigrateNotRequired = 2;

// The MPIDR_EL1 affinity fields Aff3:Aff2:Aff1:Aff0 (bits 39:32, 23:0) of
// this PE: all zero.
constexpr uint64_t kMpidrAffinityMask = 0xff'00ff'ffffull;
constexpr uint64_t kThisPeAffinity = 0;

// Whether `id` is one of the calls this firmware implements (PSCI_FEATURES,
// PSCI 5.1.14: 0 means "implemented", with no feature flags for these).
bool Implemented(uint32_t id) {
  switch (id) {
    case kPsciVersion: case kCpuOff: case kCpuOn: case kCpuOn | kSmc64:
    case kAffinityInfo: case kAffinityInfo | kSmc64: case kMigrateInfoType:
    case kSystemOff: case kSystemReset: case kPsciFeatures:
    case kSmcccVersion:
      return true;
    default:
      return false;
  }
}

}  // namespace

PsciAction PsciCall(Cpu& cpu, uint16_t imm) {
  CpuState& st = cpu.st;
  const uint32_t id = static_cast<uint32_t>(st.x[0]);
  // SMC32 calls pass 32-bit arguments: the upper halves are ignored.
  const bool smc64 = id & kSmc64;
  auto arg = [&](int n) { return smc64 ? st.x[n] : static_cast<uint32_t>(st.x[n]); };
  int64_t ret = kPsciNotSupported;
  PsciAction action = PsciAction::kNone;
  if (imm != 0) {
    st.x[0] = static_cast<uint64_t>(ret);
    return action;
  }
  switch (id) {
    case kPsciVersion:
      ret = kPsciVersion11;
      break;
    case kCpuOff:
      // Success does not return: the only PE is off and the machine stops.
      ret = kPsciSuccess;
      action = PsciAction::kCpuOff;
      break;
    case kCpuOn:
    case kCpuOn | kSmc64:
      // X1 target MPIDR: the only PE is the caller, already on (PSCI 5.1.4).
      ret = (arg(1) & kMpidrAffinityMask) == kThisPeAffinity ? kPsciAlreadyOn
                                                              : kPsciInvalidParameters;
      break;
    case kAffinityInfo:
    case kAffinityInfo | kSmc64:
      // X1 target affinity, X2 lowest affinity level: only level 0 (PSCI
      // 1.0 and later need no other).
      ret = (arg(1) & kMpidrAffinityMask) == kThisPeAffinity && arg(2) == 0
                ? kAffinityOn
                : kPsciInvalidParameters;
      break;
    case kMigrateInfoType:
      ret = kMigrateNotRequired;
      break;
    case kSystemOff:
      ret = kPsciSuccess;
      action = PsciAction::kSystemOff;
      break;
    case kSystemReset:
      ret = kPsciSuccess;
      action = PsciAction::kSystemReset;
      break;
    case kPsciFeatures:
      ret = Implemented(static_cast<uint32_t>(arg(1))) ? kPsciSuccess : kPsciNotSupported;
      break;
    case kSmcccVersion:
      ret = kSmcccVersion11;
      break;
    case kSmcccArchFeatures: {
      const uint32_t f = static_cast<uint32_t>(arg(1));
      ret = f == kSmcccVersion || f == kSmcccArchFeatures ? kPsciSuccess : kPsciNotSupported;
      break;
    }
    default:
      break;
  }
  st.x[0] = static_cast<uint64_t>(ret);
  return action;
}

}  // namespace a64
