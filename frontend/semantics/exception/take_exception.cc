#include "frontend/semantics/exception/take_exception.h"

#include "frontend/semantics/exception/pstate.h"

namespace a64 {
namespace {

bool IsAbort(ExceptionClass ec) {
  return ec == ExceptionClass::kDataAbortLower || ec == ExceptionClass::kDataAbortSame ||
         ec == ExceptionClass::kInstAbortLower || ec == ExceptionClass::kInstAbortSame;
}

bool IsDataAbort(ExceptionClass ec) {
  return ec == ExceptionClass::kDataAbortLower || ec == ExceptionClass::kDataAbortSame;
}

// FAR_EL1 is written for Instruction and Data Aborts and PC alignment faults
// (ARM ARM D17.2.40); for other exceptions it is UNKNOWN and left unchanged.
bool WritesFar(ExceptionClass ec) { return IsAbort(ec) || ec == ExceptionClass::kPcAlignment; }

// The same-EL and lower-EL forms of an abort differ only in EC.
ExceptionClass ForTargetEl1(ExceptionClass ec, unsigned from_el) {
  if (from_el == 0) return ec;
  if (ec == ExceptionClass::kDataAbortLower) return ExceptionClass::kDataAbortSame;
  if (ec == ExceptionClass::kInstAbortLower) return ExceptionClass::kInstAbortSame;
  return ec;
}

constexpr uint64_t kSctlrSpan = 1ull << 23;

}  // namespace

uint32_t FaultStatusCode(const PendingException& e) {
  const uint32_t level = e.level & 3;
  switch (e.fault) {
    case FaultKind::kTranslation: return 0x04 | level;
    case FaultKind::kAccessFlag: return 0x08 | level;
    case FaultKind::kPermission: return 0x0c | level;
    case FaultKind::kAlignment: return 0x21;
    case FaultKind::kExternal: return e.on_walk ? 0x14 | level : 0x10;
    case FaultKind::kAddressSize: return level;
    case FaultKind::kNone: break;
  }
  return 0;
}

uint32_t SyndromeOf(const PendingException& e) {
  uint32_t iss = e.iss;
  if (IsAbort(e.ec)) {
    iss = FaultStatusCode(e);
    // WnR. S1PTW (bit 7) stays 0: it reports stage 2 faults on a stage 1
    // walk, and this PE has no stage 2 (ARM ARM D17.2.37).
    if (IsDataAbort(e.ec)) iss |= (e.is_write ? 1u << 6 : 0) | (e.cache_maintenance ? 1u << 8 : 0);
  }
  return static_cast<uint32_t>(e.ec) << 26 | 1u << 25 | (iss & 0x1ffffff);
}

void TakeException(CpuState& st, ExceptionType type, const PendingException* sync,
                   uint64_t preferred_return) {
  const unsigned from_el = st.pstate.el;
  // Vector offsets (ARM ARM D1.10.2): current EL with SP_EL0, current EL with
  // SP_ELx, lower EL using AArch64; plus 0x80 per exception type.
  uint64_t offset = from_el < 1 ? 0x400 : (st.pstate.sp ? 0x200 : 0x0);
  offset += static_cast<uint64_t>(type) * 0x80;

  st.sys.spsr_el1 = SpsrFromPstate(st);
  st.sys.elr_el1 = preferred_return;
  if (sync) {
    PendingException e = *sync;
    e.ec = ForTargetEl1(e.ec, from_el);
    st.sys.esr_el1 = SyndromeOf(e);
    if (WritesFar(e.ec)) st.sys.far_el1 = e.far;
  }

  SetElAndSp(st, 1, 1);
  st.pstate.daif = kDaifD | kDaifA | kDaifI | kDaifF;
  st.pstate.ss = 0;
  st.pstate.il = 0;
  // FEAT_PAN: PSTATE.PAN is set on entry when SCTLR_EL1.SPAN is 0. FEAT_UAO:
  // PSTATE.UAO is cleared on entry.
  if (!(st.sys.sctlr_el1 & kSctlrSpan)) st.pstate.pan = 1;
  st.pstate.uao = 0;
  st.pc = (st.sys.vbar_el1 & ~0x7ffull) + offset;
}

}  // namespace a64
