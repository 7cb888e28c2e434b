// B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ (ARM ARM C6.2). Every target is the
// instruction's own address plus a signed word offset; the branch is taken by
// writing PC and returning kBranch.
#include "frontend/bits.h"
#include "frontend/semantics/branch_system/branch_target.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64 {

namespace {

// B: offset = SignExtend(imm26:'00', 64); BranchTo(PC[] + offset, BranchType_DIR).
ExecStatus ExecB(Cpu& cpu, uint32_t insn) {
  return BranchTo(cpu, cpu.st.pc + SignExtend(uint64_t{Bits(insn, 25, 0)} << 2, 28));
}

// BL: X[30] = PC[] + 4, then as B.
ExecStatus ExecBL(Cpu& cpu, uint32_t insn) {
  const uint64_t target = cpu.st.pc + SignExtend(uint64_t{Bits(insn, 25, 0)} << 2, 28);
  WriteX(cpu, 30, cpu.st.pc + 4);
  return BranchTo(cpu, target);
}

// B.cond: taken when ConditionHolds(cond); offset = SignExtend(imm19:'00').
ExecStatus ExecBCond(Cpu& cpu, uint32_t insn) {
  if (!ConditionHolds(Bits(insn, 3, 0), cpu.st.nzcv)) return ExecStatus::kNext;
  return BranchTo(cpu, cpu.st.pc + SignExtend(uint64_t{Bits(insn, 23, 5)} << 2, 21));
}

// CBZ/CBNZ: operand = X[t] (datasize bits); taken when IsZero(operand) != op.
template <unsigned kDatasize, bool kNonZero>
ExecStatus ExecCompareBranch(Cpu& cpu, uint32_t insn) {
  const uint64_t operand = ReadX(cpu, Bits(insn, 4, 0)) & Ones(kDatasize);
  if ((operand == 0) == kNonZero) return ExecStatus::kNext;
  return BranchTo(cpu, cpu.st.pc + SignExtend(uint64_t{Bits(insn, 23, 5)} << 2, 21));
}

// TBZ/TBNZ: bit_pos = b5:b40 (b5 also selects the X register, so bits 32..63
// exist only for X); taken when operand<bit_pos> == op.
template <bool kNonZero>
ExecStatus ExecTestBranch(Cpu& cpu, uint32_t insn) {
  const unsigned bit_pos = (Bits(insn, 31, 31) << 5) | Bits(insn, 23, 19);
  const bool bit = (ReadX(cpu, Bits(insn, 4, 0)) >> bit_pos) & 1;
  if (bit != kNonZero) return ExecStatus::kNext;
  return BranchTo(cpu, cpu.st.pc + SignExtend(uint64_t{Bits(insn, 18, 5)} << 2, 16));
}

}  // namespace

void RegisterBranchImmediate(ExecTable& t) {
  t.Set(Op::B_only_branch_imm, &ExecB);
  t.Set(Op::BL_only_branch_imm, &ExecBL);
  t.Set(Op::B_only_condbranch, &ExecBCond);
  t.Set(Op::CBZ_32_compbranch, &ExecCompareBranch<32, false>);
  t.Set(Op::CBNZ_32_compbranch, &ExecCompareBranch<32, true>);
  t.Set(Op::CBZ_64_compbranch, &ExecCompareBranch<64, false>);
  t.Set(Op::CBNZ_64_compbranch, &ExecCompareBranch<64, true>);
  t.Set(Op::TBZ_only_testbranch, &ExecTestBranch<false>);
  t.Set(Op::TBNZ_only_testbranch, &ExecTestBranch<true>);
}

}  // namespace a64
