// SYS (ARM ARM C6.2 SYS) and its aliases DC, IC, AT, TLBI (C5.3 "A64 System
// instructions for cache maintenance, address translation, TLB
// maintenance"): a table of the operations this PE implements, each with
// its EL0 access rule. EL1 may use all of them. An operation not listed is
// UNDEFINED (and reported once); SYSL has no defined operation and stays
// UNDEFINED (unregistered).
#include <cstdint>

#include "frontend/bits.h"
#include "frontend/disasm/formatters_branch_system.h"  // SysRegEncoding
#include "frontend/semantics/branch_system/sysreg_table.h"
#include "frontend/semantics/branch_system/system_state.h"
#include "frontend/semantics/branch_system/system_traps.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {

namespace {

using SysOpFn = ExecStatus (*)(Cpu& cpu, uint64_t xt);

struct SysOpRow {
  uint16_t enc;  // SysRegEncoding(1, op1, CRn, CRm, op2)
  const char* name;
  SysOpFn fn;
  SysRegGate el0;  // at EL1 every listed operation is permitted
  bool needs_platform;
};

// DC ZVA, Xt: zeroes the DCZID_EL0-sized block containing Xt, aligned down
// (ARM ARM C6.2 DC ZVA); it is checked and faults as a write of the whole
// block.
ExecStatus DcZva(Cpu& cpu, uint64_t va) {
  static constexpr uint8_t kZeros[kDcZvaBlockBytes] = {};
  const uint64_t block = va & ~(kDcZvaBlockBytes - 1);
  if (!MemWrite(cpu, block, kZeros, kDcZvaBlockBytes)) return ExecStatus::kException;
  return ExecStatus::kNext;
}

// DC IVAC/CVAC/CVAU/CVAP/CIVAC, IC IVAU by VA: the model keeps no cached
// copies, memory is always coherent and instruction fetch always reads
// memory, so there is no data to clean or invalidate. The access is still
// checked, as on hardware a cache maintenance to an unmapped address takes a
// Data Abort (ARM ARM D4.4.8: cache maintenance by VA generates the faults of
// a read; the ESR reports CM = 1, WnR = 1). The probe reads one byte; for
// device memory a side-effect-free translation would be better.
ExecStatus CacheMaintenanceByVa(Cpu& cpu, uint64_t va) {
  uint8_t byte;
  if (MemRead(cpu, va, &byte, 1)) return ExecStatus::kNext;
  cpu.exc.is_write = true;  // WnR: cache maintenance reports 1
  cpu.exc.cache_maintenance = true;
  return ExecStatus::kException;
}

// IC IVAU: checked as above; translated code for the line must go, which
// the platform (the JIT's code cache) handles. Guest self-modifying code
// announces itself here.
ExecStatus IcIvau(Cpu& cpu, uint64_t va) {
  const ExecStatus s = CacheMaintenanceByVa(cpu, va);
  if (s == ExecStatus::kNext && cpu.platform)
    cpu.platform->InstructionCacheInvalidate(cpu, false, va);
  return s;
}

// IC IALLU, IC IALLUIS: every instruction cache of the PE (Xt ignored).
ExecStatus IcIallu(Cpu& cpu, uint64_t) {
  cpu.platform->InstructionCacheInvalidate(cpu, true, 0);
  return ExecStatus::kNext;
}

// DC ISW/CSW/CISW: set/way operations. With no cached lines there is no set
// or way holding data, so they complete without effect.
ExecStatus DcSetWay(Cpu&, uint64_t) { return ExecStatus::kNext; }

// TLBI <op>{IS}, Xt: Xt<63:48> is the ASID, Xt<43:0> is VA<55:12> (ARM ARM
// C5.5, "TLB maintenance instructions"). The inner-shareable forms act as the
// local ones on a single PE.
template <TlbiScope kScope>
ExecStatus Tlbi(Cpu& cpu, uint64_t xt) {
  const auto asid = static_cast<uint16_t>(xt >> 48);
  const uint64_t va = (xt & ((1ull << 44) - 1)) << 12;
  cpu.platform->TlbInvalidate(cpu, kScope, asid, va);
  return ExecStatus::kNext;
}

// AT S1E{0,1}{R,W}, Xt: stage 1 translation of Xt as EL0 or EL1 would make
// a read or write; the result goes to PAR_EL1 (ARM ARM C5.5 "AT"). An
// External abort on the walk is a Data Abort with CM = 1 and WnR = 1.
template <bool kAsEl0, bool kWrite>
ExecStatus At(Cpu& cpu, uint64_t va) {
  MemFault abort;
  if (cpu.platform->AddressTranslate(cpu, va, kAsEl0, kWrite, &cpu.st.sys.par_el1, &abort))
    return ExecStatus::kNext;
  RecordAbort(cpu, ExceptionClass::kDataAbortLower, FaultKind::kExternal, abort, true);
  cpu.exc.cache_maintenance = true;
  return ExecStatus::kException;
}

constexpr uint16_t S(unsigned op1, unsigned crn, unsigned crm, unsigned op2) {
  return SysRegEncoding(1, op1, crn, crm, op2);
}
constexpr SysRegGate U = SysRegGate::kUndefined;

const SysOpRow kSysOps[] = {
    {S(0, 7, 1, 0), "IC IALLUIS", &IcIallu, U, true},
    {S(0, 7, 5, 0), "IC IALLU", &IcIallu, U, true},
    // IC IVAU at EL0 needs SCTLR_EL1.UCI.
    {S(3, 7, 5, 1), "IC IVAU", &IcIvau, SysRegGate::kSctlrUci, false},
    // DC IVAC at EL0 is UNDEFINED (it could discard data).
    {S(0, 7, 6, 1), "DC IVAC", &CacheMaintenanceByVa, U, false},
    {S(0, 7, 6, 2), "DC ISW", &DcSetWay, U, false},
    {S(0, 7, 10, 2), "DC CSW", &DcSetWay, U, false},
    {S(0, 7, 14, 2), "DC CISW", &DcSetWay, U, false},
    // DC ZVA at EL0 needs SCTLR_EL1.DZE; DC CVAC/CVAU/CVAP/CIVAC need UCI.
    {S(3, 7, 4, 1), "DC ZVA", &DcZva, SysRegGate::kSctlrDze, false},
    {S(3, 7, 10, 1), "DC CVAC", &CacheMaintenanceByVa, SysRegGate::kSctlrUci, false},
    {S(3, 7, 11, 1), "DC CVAU", &CacheMaintenanceByVa, SysRegGate::kSctlrUci, false},
    {S(3, 7, 12, 1), "DC CVAP", &CacheMaintenanceByVa, SysRegGate::kSctlrUci, false},
    {S(3, 7, 14, 1), "DC CIVAC", &CacheMaintenanceByVa, SysRegGate::kSctlrUci, false},
    {S(0, 7, 8, 0), "AT S1E1R", &At<false, false>, U, true},
    {S(0, 7, 8, 1), "AT S1E1W", &At<false, true>, U, true},
    {S(0, 7, 8, 2), "AT S1E0R", &At<true, false>, U, true},
    {S(0, 7, 8, 3), "AT S1E0W", &At<true, true>, U, true},
    {S(0, 8, 3, 0), "TLBI VMALLE1IS", &Tlbi<TlbiScope::kAll>, U, true},
    {S(0, 8, 3, 1), "TLBI VAE1IS", &Tlbi<TlbiScope::kVa>, U, true},
    {S(0, 8, 3, 2), "TLBI ASIDE1IS", &Tlbi<TlbiScope::kAsid>, U, true},
    {S(0, 8, 3, 3), "TLBI VAAE1IS", &Tlbi<TlbiScope::kVaAllAsid>, U, true},
    {S(0, 8, 3, 5), "TLBI VALE1IS", &Tlbi<TlbiScope::kVaLastLevel>, U, true},
    {S(0, 8, 3, 7), "TLBI VAALE1IS", &Tlbi<TlbiScope::kVaAllAsidLastLevel>, U, true},
    {S(0, 8, 7, 0), "TLBI VMALLE1", &Tlbi<TlbiScope::kAll>, U, true},
    {S(0, 8, 7, 1), "TLBI VAE1", &Tlbi<TlbiScope::kVa>, U, true},
    {S(0, 8, 7, 2), "TLBI ASIDE1", &Tlbi<TlbiScope::kAsid>, U, true},
    {S(0, 8, 7, 3), "TLBI VAAE1", &Tlbi<TlbiScope::kVaAllAsid>, U, true},
    {S(0, 8, 7, 5), "TLBI VALE1", &Tlbi<TlbiScope::kVaLastLevel>, U, true},
    {S(0, 8, 7, 7), "TLBI VAALE1", &Tlbi<TlbiScope::kVaAllAsidLastLevel>, U, true},
};

// SYS #op1, Cn, Cm, #op2, Xt
ExecStatus ExecSYS(Cpu& cpu, uint32_t insn) {
  const auto enc = static_cast<uint16_t>(Bits(insn, 20, 5));
  for (const SysOpRow& op : kSysOps) {
    if (op.enc != enc) continue;
    if (CurrentEL(cpu) == 0) {
      const ExecStatus s = CheckSysRegGate(cpu, op.el0, insn);
      if (s != ExecStatus::kNext) return s;
    }
    if (op.needs_platform && !cpu.platform) break;
    return op.fn(cpu, ReadX(cpu, Bits(insn, 4, 0)));
  }
  ReportUnimplementedSystemAccess(cpu, insn);
  return Undefined(cpu);
}

}  // namespace

void RegisterSystemInstructions(ExecTable& t) { t.Set(Op::SYS_CR_systeminstrs, &ExecSYS); }

}  // namespace a64
