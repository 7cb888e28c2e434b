// PSTATE as a whole: the SPSR encoding and the stack pointer selection.
#pragma once

#include <cstdint>

#include "frontend/cpu_state.h"

namespace a64 {

// Index into CpuState::sp_el of the stack pointer PSTATE selects: SP_EL0 at
// EL0 or with SPSel == 0, SP_EL1 otherwise (ARM ARM D1.6.2).
inline unsigned SelectedSp(const ProcState& p) { return p.el != 0 && p.sp != 0; }

// Changes PSTATE.EL and PSTATE.SP, moving the live SP to its bank and
// loading the newly selected one.
inline void SetElAndSp(CpuState& st, unsigned el, unsigned spsel) {
  st.sp_el[SelectedSp(st.pstate)] = st.sp;
  st.pstate.el = static_cast<uint8_t>(el);
  st.pstate.sp = static_cast<uint8_t>(spsel);
  st.sp = st.sp_el[SelectedSp(st.pstate)];
}

// Reads SP_EL0 / SP_EL1 whichever is live.
inline uint64_t ReadSpEl(const CpuState& st, unsigned el) {
  return SelectedSp(st.pstate) == el ? st.sp : st.sp_el[el];
}
inline void WriteSpEl(CpuState& st, unsigned el, uint64_t v) {
  if (SelectedSp(st.pstate) == el) st.sp = v; else st.sp_el[el] = v;
}

// SPSR_ELx bit positions for exceptions taken from AArch64 (ARM ARM C5.2.18).
constexpr uint64_t kSpsrUao = 1ull << 23;
constexpr uint64_t kSpsrPan = 1ull << 22;
constexpr uint64_t kSpsrSs = 1ull << 21;
constexpr uint64_t kSpsrIl = 1ull << 20;
constexpr unsigned kSpsrDaifShift = 6;
constexpr uint64_t kSpsrM4 = 1ull << 4;  // 1: AArch32 (never taken by this PE)

// GetPSRFromPSTATE() for AArch64.
inline uint64_t SpsrFromPstate(const CpuState& st) {
  const ProcState& p = st.pstate;
  return (st.nzcv & 0xf0000000u) | (p.uao ? kSpsrUao : 0) | (p.pan ? kSpsrPan : 0) |
         (p.ss ? kSpsrSs : 0) | (p.il ? kSpsrIl : 0) |
         (static_cast<uint64_t>(p.daif & 15) << kSpsrDaifShift) | (p.el << 2) | p.sp;
}

}  // namespace a64
