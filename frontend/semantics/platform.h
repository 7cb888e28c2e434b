// What the system instructions need from the machine around the PE: the MMU's
// translation caches, address translation for AT, the firmware behind
// HVC/SMC (PSCI), and the interrupt lines. A full-system machine implements
// it; user mode has none (cpu.platform == nullptr), because every
// instruction that needs it is UNDEFINED at EL0.
#pragma once

#include <cstdint>

#include "mmu/guest_memory.h"

namespace a64 {

struct Cpu;

// What a TLBI instruction names (ARM ARM C5.5 "A64 system instructions for TLB
// maintenance"). The inner-shareable forms behave as the local ones on a
// single PE.
enum class TlbiScope : uint8_t {
  kAll,         // VMALLE1(IS): every entry of the EL1&0 regime
  kAsid,        // ASIDE1(IS): entries of one ASID (non-global)
  kVa,          // VAE1(IS): one VA, one ASID, plus global entries
  kVaLastLevel, // VALE1(IS)
  kVaAllAsid,   // VAAE1(IS): one VA, any ASID
  kVaAllAsidLastLevel,  // VAALE1(IS)
};

class Platform {
 public:
  virtual ~Platform() = default;

  // TLBI: `asid` and `va` as decoded from Xt (va already shifted: VA<55:12> << 12).
  virtual void TlbInvalidate(Cpu& cpu, TlbiScope scope, uint16_t asid, uint64_t va) = 0;

  // AT S1E{0,1}{R,W} (ARM ARM C5.5): the PAR_EL1 value the translation
  // produces. Returns false, with `*abort` filled, when the walk took a
  // synchronous External abort: that is taken as a Data Abort, not reported
  // in PAR_EL1 (ARM ARM D5.2.11).
  virtual bool AddressTranslate(Cpu& cpu, uint64_t va, bool as_el0, bool write, uint64_t* par,
                                MemFault* abort) = 0;

  // IC IALLU(IS) / IC IVAU: instruction caches (and translated code) for the
  // given VA, or everything when `all`.
  virtual void InstructionCacheInvalidate(Cpu& cpu, bool all, uint64_t va) = 0;

  // HVC/SMC with the conduit the firmware owns (PSCI, SMCCC). Returns false
  // when no firmware handles it (the instruction then behaves as the
  // architecture says without EL2/EL3: UNDEFINED).
  virtual bool FirmwareCall(Cpu& cpu, bool smc, uint16_t imm) = 0;

  // Physical and virtual count (CNTPCT_EL0, CNTVCT_EL0): derived from retired
  // instructions unless the machine runs on host time.
  virtual uint64_t CounterValue(const Cpu& cpu) const = 0;
  virtual uint64_t CounterFrequency() const = 0;

  // A write to a timer register (CNTV_*/CNTP_*) changed when the timer fires.
  virtual void TimerChanged(Cpu& cpu) = 0;
};

}  // namespace a64
