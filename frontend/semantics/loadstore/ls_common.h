// Helpers shared by the Loads and Stores semantics (frontend/semantics/ls_*.cc):
// base/writeback registers, alignment faults, register transfers, and the one
// read-modify-write primitive behind every atomic.
#pragma once

#include <cstdint>
#include <cstring>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/exception/sp_alignment.h"

namespace a64::ls {

// The base register: SP when n == 31 (ARM ARM: "if n == 31 then
// CheckSPAlignment(); address = SP[]"). Every handler calls CheckSpAlignment
// (frontend/semantics/exception/sp_alignment.h) before reading it, except
// PRFM/PRFUM, whose pseudocode skips the check.
inline uint64_t Base(const Cpu& c, unsigned n) { return ReadXSp(c, n); }
inline void WriteBack(Cpu& c, unsigned n, uint64_t address) { WriteXSp(c, n, address); }

inline bool IsAligned(uint64_t address, unsigned size) { return (address & (size - 1)) == 0; }

// An Alignment fault data abort (ARM ARM D5.10.2, AArch64.AlignmentFault).
inline ExecStatus AlignmentFault(Cpu& c, uint64_t address, bool is_write) {
  c.exc = PendingException{ExceptionClass::kDataAbortLower, 0, address, FaultKind::kAlignment,
                           is_write};
  return ExecStatus::kException;
}

// The little-endian value of `size` (1..8) bytes.
inline uint64_t LoadLe(const uint8_t* p, unsigned size) {
  uint64_t v = 0;
  std::memcpy(&v, p, size);
  return v;
}
inline void StoreLe(uint8_t* p, uint64_t v, unsigned size) { std::memcpy(p, &v, size); }

// X[t] = Extend(data<8*size-1:0>, regsize): sign-extension to 32 bits then a
// W write zero-extends to 64, as the pseudocode's X[t] = SignExtend(data, 32).
inline void WriteLoaded(Cpu& c, unsigned t, uint64_t data, unsigned size, bool is_signed,
                        bool to64) {
  const unsigned bits = 8 * size;
  uint64_t v = is_signed ? static_cast<uint64_t>(SignExtend(data, bits)) : data & Ones(bits);
  if (!to64) v &= 0xffffffffull;
  WriteX(c, t, v);
}

// V[t] = data of `size` bytes: the rest of the 128-bit register is zeroed
// (ARM ARM C2.3.1: a scalar write clears the upper bits).
inline void WriteVBytes(Cpu& c, unsigned t, const uint8_t* data, unsigned size) {
  VReg r{};
  std::memcpy(r.b, data, size);
  c.st.v[t] = r;
}

// ExtendReg(m, extend_type, shift) for the register-offset forms: option<2>
// selects a signed extend, option<1:0> the source width (10: W, 11: X).
inline uint64_t ExtendIndex(const Cpu& c, unsigned m, unsigned option, unsigned shift) {
  uint64_t v = ReadX(c, m);
  if ((option & 3) == 2) {
    v = (option & 4) ? static_cast<uint64_t>(SignExtend(v, 32)) : (v & 0xffffffffull);
  }
  return v << shift;
}

// The read-modify-write of an atomic access of `size` bytes (1..16): reads the
// old value into `old`, lets `update` compute the new bytes in place, and
// writes them back when `update` returns true. A multi-PE or JIT build swaps
// this for a host atomic; semantics call nothing else for atomics.
// Returns false with cpu.exc set if the read or the write faults (then
// nothing was written).
template <typename Update>
bool AtomicRmw(Cpu& c, uint64_t address, unsigned size, uint8_t* old, Update&& update) {
  if (!MemRead(c, address, old, size)) return false;
  uint8_t data[16];
  std::memcpy(data, old, size);
  if (!update(data)) return true;
  return MemWrite(c, address, data, size);
}

// Registration of each semantics file (ls_register.cc, ls_pair.cc,
// ls_exclusive.cc, ls_atomic.cc).
void RegisterLsRegister(ExecTable& t);
void RegisterLsPair(ExecTable& t);
void RegisterLsExclusive(ExecTable& t);
void RegisterLsAtomic(ExecTable& t);

}  // namespace a64::ls
