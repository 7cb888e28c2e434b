// What an instruction's semantics operate on: the architectural state, the
// memory of the current translation regime, and the exclusives monitor.
#pragma once

#include <bitset>
#include <cstdint>
#include <cstring>

#include "frontend/cpu_state.h"
#include "frontend/exception.h"
#include "frontend/semantics/platform.h"
#include "mmu/guest_memory.h"

namespace a64 {

// Local exclusives monitor (ARM ARM B2.9): one tagged address range.
struct ExclusiveMonitor {
  bool valid = false;
  uint64_t addr = 0;
  uint64_t size = 0;
};

struct Cpu {
  CpuState st{};
  GuestMemory* mem = nullptr;
  Platform* platform = nullptr;  // null in user mode
  ExclusiveMonitor monitor;
  uint64_t icount = 0;   // instructions retired since reset
  PendingException exc;  // set when an ExecFn returns kException
  // System-register / system-instruction encodings (insn bits 20:5) already
  // logged as unimplemented (frontend/semantics/branch_system).
  std::bitset<1u << 16> reported_sysregs;
};

enum class ExecStatus : uint8_t {
  kNext,       // PC advances by 4
  kBranch,     // the instruction wrote PC
  kException,  // cpu.exc describes it; PC still addresses the instruction
  kWait,       // WFI/WFE completed (PC += 4 by the caller); the PE may sleep
               // until an interrupt or event (ARM ARM D1.16 "Wait for Interrupt")
};

// The semantics of one encoding. `insn` is the 32-bit word.
using ExecFn = ExecStatus (*)(Cpu& cpu, uint32_t insn);

// ---- Helpers every semantics file uses -------------------------------------

// X[n] reads as zero for n == 31 (XZR); XSP reads SP.
inline uint64_t ReadX(const Cpu& c, unsigned n) { return n == 31 ? 0 : c.st.x[n]; }
inline uint64_t ReadXSp(const Cpu& c, unsigned n) { return n == 31 ? c.st.sp : c.st.x[n]; }
// Writes of W registers zero-extend (callers pass the 32-bit value widened).
inline void WriteX(Cpu& c, unsigned n, uint64_t v) {
  if (n != 31) c.st.x[n] = v;
}
inline void WriteXSp(Cpu& c, unsigned n, uint64_t v) {
  if (n == 31) c.st.sp = v; else c.st.x[n] = v;
}

// SIMD&FP register writes of a scalar or 64-bit vector clear the upper bits of
// the 128-bit register (ARM ARM C2.3.1 / V[] assignment with width < 128).
inline void WriteVLow64(Cpu& c, unsigned n, uint64_t v) {
  c.st.v[n].d[0] = v;
  c.st.v[n].d[1] = 0;
}
inline void WriteV128(Cpu& c, unsigned n, uint64_t lo, uint64_t hi) {
  c.st.v[n].d[0] = lo;
  c.st.v[n].d[1] = hi;
}

inline ExecStatus Undefined(Cpu& c) {
  c.exc = PendingException{ExceptionClass::kUnknown, 0, 0, FaultKind::kNone, false};
  return ExecStatus::kException;
}

// Memory access with the abort described in cpu.exc on failure.
// An abort on an access (EC: data or instruction abort; TakeException turns
// "lower EL" into "same EL" when taken from EL1).
inline void RecordAbort(Cpu& c, ExceptionClass ec, FaultKind kind, const MemFault& f,
                        bool is_write) {
  c.exc = PendingException{ec, 0, f.va, kind, is_write};
  c.exc.level = f.level;
  c.exc.on_walk = f.on_walk;
}
inline bool MemRead(Cpu& c, uint64_t va, void* dst, size_t size,
                    AccessType type = AccessType::kRead) {
  MemFault f;
  const FaultKind k = c.mem->Read(va, dst, size, type, &f);
  if (k == FaultKind::kNone) return true;
  RecordAbort(c, ExceptionClass::kDataAbortLower, k, f, false);
  return false;
}
inline bool MemWrite(Cpu& c, uint64_t va, const void* src, size_t size,
                     AccessType type = AccessType::kWrite) {
  MemFault f;
  const FaultKind k = c.mem->Write(va, src, size, type, &f);
  if (k == FaultKind::kNone) return true;
  RecordAbort(c, ExceptionClass::kDataAbortLower, k, f, true);
  return false;
}
template <typename T>
inline bool MemReadT(Cpu& c, uint64_t va, T* v) { return MemRead(c, va, v, sizeof(T)); }
template <typename T>
inline bool MemWriteT(Cpu& c, uint64_t va, T v) { return MemWrite(c, va, &v, sizeof(T)); }

}  // namespace a64
