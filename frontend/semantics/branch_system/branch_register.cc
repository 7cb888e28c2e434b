// BR, BLR, RET (ARM ARM C6.2). The pointer-authentication forms (BRAA, BLRAAZ,
// RETAA, ...) are not registered and so are UNDEFINED: ARM ARM C6.2 BRAA etc.
// decode with "if !HavePACExt() then UNDEFINED" and this PE does not implement
// FEAT_PAuth. ERETAA/AB (FEAT_PAuth too; ERET is exception_return.cc) and DRPS
// (UNDEFINED when not in Debug state) are not registered either.
#include "frontend/bits.h"
#include "frontend/semantics/branch_system/branch_target.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {

namespace {

// BR Xn: BranchTo(X[n], BranchType_INDIR).
ExecStatus ExecBR(Cpu& cpu, uint32_t insn) { return BranchTo(cpu, ReadX(cpu, Bits(insn, 9, 5))); }

// BLR Xn: the target is read before X30 is written, so BLR X30 branches to
// the old X30.
ExecStatus ExecBLR(Cpu& cpu, uint32_t insn) {
  const uint64_t target = ReadX(cpu, Bits(insn, 9, 5));
  WriteX(cpu, 30, cpu.st.pc + 4);
  return BranchTo(cpu, target);
}

// RET {Xn}: BranchTo(X[n], BranchType_RET); n defaults to 30.
ExecStatus ExecRET(Cpu& cpu, uint32_t insn) { return BranchTo(cpu, ReadX(cpu, Bits(insn, 9, 5))); }

}  // namespace

void RegisterBranchRegister(ExecTable& t) {
  t.Set(Op::BR_64_branch_reg, &ExecBR);
  t.Set(Op::BLR_64_branch_reg, &ExecBLR);
  t.Set(Op::RET_64R_branch_reg, &ExecRET);
}

}  // namespace a64
