// Hints and barriers (ARM ARM C6.2). On this model most of them have no
// architecturally visible effect; each registration says why.
#include "frontend/semantics/branch_system/system_traps.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {

namespace {

ExecStatus ExecNoEffect(Cpu&, uint32_t) { return ExecStatus::kNext; }

// CLREX: ClearExclusiveLocal(ProcessorID()) - the local monitor goes to Open
// Access (ARM ARM B2.9, exclusive access instructions). CRm is ignored.
ExecStatus ExecCLREX(Cpu& cpu, uint32_t) {
  cpu.monitor.valid = false;
  return ExecStatus::kNext;
}

// WFI, WFE (ARM ARM C6.2 WFI, WFE; D1.16 "Mechanisms for entering a
// low-power state"): complete and let the PE wait (kWait) for an interrupt or
// event; the run loop decides whether to sleep. At EL0 with SCTLR_EL1.nTWI
// (nTWE) == 0 they trap to EL1 with EC 0x01, ISS CV = 1, COND = 0b1110, TI =
// 0 for WFI, 1 for WFE (D17.2.37). The ARM ARM traps only when the
// instruction would have entered the low-power state; this model cannot see
// a pending interrupt or the Event Register here and always traps, which
// differs only when a wake-up was already pending.
template <bool kWfe>
ExecStatus ExecWaitFor(Cpu& cpu, uint32_t) {
  const uint64_t no_trap = kWfe ? kSctlrNTwe : kSctlrNTwi;
  if (cpu.st.pstate.el == 0 && !(cpu.st.sys.sctlr_el1 & no_trap))
    return RaiseSync(cpu, ExceptionClass::kWfx, kIssCvCondAl | (kWfe ? 1u : 0u));
  return ExecStatus::kWait;
}

}  // namespace

void RegisterHintsAndBarriers(ExecTable& t) {
  // NOP, and the hints without an instruction of their own: ARM ARM C6.2 HINT,
  // "hint instructions ... that are not implemented ... behave as NOP". That
  // covers the v8.4/v8.5 hints in this space (PSB CSYNC, TSB CSYNC, BTI)
  // which this PE does not implement.
  t.Set(Op::NOP_HI_hints, &ExecNoEffect);
  t.Set(Op::HINT_HM_hints, &ExecNoEffect);
  // YIELD only signals that the thread could be swapped out: no effect on a
  // model that runs one PE.
  t.Set(Op::YIELD_HI_hints, &ExecNoEffect);
  t.Set(Op::WFE_HI_hints, &ExecWaitFor<true>);
  t.Set(Op::WFI_HI_hints, &ExecWaitFor<false>);
  // SEV, SEVL: set the Event Register of PEs (this one for SEVL). A single
  // PE whose WFE may always complete does not need the Event Register: a
  // WFE after SEVL completes, as the architecture requires.
  t.Set(Op::SEV_HI_hints, &ExecNoEffect);
  t.Set(Op::SEVL_HI_hints, &ExecNoEffect);
  // DGH: "If FEAT_DGH is not implemented, this instruction executes as a NOP".
  t.Set(Op::DGH_HI_hints, &ExecNoEffect);
  // ESB: without FEAT_RAS the instruction executes as a NOP (C6.2 ESB).
  t.Set(Op::ESB_HI_hints, &ExecNoEffect);
  // CSDB only constrains speculative execution; a functional model does not
  // speculate, so there is nothing to constrain.
  t.Set(Op::CSDB_HI_hints, &ExecNoEffect);
  // The pointer-authentication hints: their pseudocode only acts
  // "if HavePACExt()" (ARM ARM C6.2 PACIA/PACIB/AUTIA/AUTIB/XPACLRI, the
  // 1716/SP/Z forms), so on a PE without FEAT_PAuth (this one: ID_AA64ISAR1_EL1
  // APA = API = GPA = GPI = 0) they execute as NOPs. This is what makes
  // PAC-enabled binaries run on v8.0 cores.
  for (Op op : {Op::XPACLRI_HI_hints, Op::PACIA1716_HI_hints, Op::PACIB1716_HI_hints,
                Op::AUTIA1716_HI_hints, Op::AUTIB1716_HI_hints, Op::PACIAZ_HI_hints,
                Op::PACIASP_HI_hints, Op::PACIBZ_HI_hints, Op::PACIBSP_HI_hints,
                Op::AUTIAZ_HI_hints, Op::AUTIASP_HI_hints, Op::AUTIBZ_HI_hints,
                Op::AUTIBSP_HI_hints})
    t.Set(op, &ExecNoEffect);

  // Barriers: this is a single-PE, in-order functional model whose every
  // memory access completes (and is visible) before the next instruction
  // starts, and whose instruction fetch always sees the current memory, so
  // DMB, DSB, ISB and the speculative store bypass barriers SSBB/PSSBB have
  // nothing left to order (ARM ARM B2.3 ordering; C6.2 DMB, DSB, ISB).
  t.Set(Op::DMB_BO_barriers, &ExecNoEffect);
  t.Set(Op::DSB_BO_barriers, &ExecNoEffect);
  t.Set(Op::ISB_BI_barriers, &ExecNoEffect);
  t.Set(Op::SSBB_only_barriers, &ExecNoEffect);
  t.Set(Op::PSSBB_only_barriers, &ExecNoEffect);
  t.Set(Op::CLREX_BN_barriers, &ExecCLREX);
}

}  // namespace a64
