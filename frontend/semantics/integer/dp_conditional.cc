// Semantics of conditional compare (register, immediate) and conditional
// select: ARM ARM C4.1.88.9-11 (CCMN, CCMP, CSEL, CSINC, CSINV, CSNEG).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64 {
namespace {

unsigned DataSize(uint32_t insn) { return Bit(insn, 31) ? 64 : 32; }

// If ConditionHolds(cond), NZCV = flags of X[n] + operand2 (CCMN) or X[n] -
// operand2 (CCMP, op = 1); otherwise NZCV = the immediate nzcv. Bit 11 selects
// the immediate form (operand2 = imm5) over the register form (X[m]).
ExecStatus ExecCondCompare(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  uint32_t flags = Bits(insn, 3, 0) << 28;
  if (ConditionHolds(Bits(insn, 15, 12), cpu.st.nzcv)) {
    const uint64_t operand1 = ReadX(cpu, Bits(insn, 9, 5));
    const uint64_t operand2 = Bit(insn, 11) ? Bits(insn, 20, 16) : ReadX(cpu, Bits(insn, 20, 16));
    flags = Bit(insn, 30) ? AddWithCarry(datasize, operand1, ~operand2, true).nzcv
                          : AddWithCarry(datasize, operand1, operand2, false).nzcv;
  }
  cpu.st.nzcv = flags;
  return ExecStatus::kNext;
}

// result = cond ? X[n] : X[m], the latter inverted (op, bit 30) and/or
// incremented (o2, bit 10): CSEL, CSINC, CSINV, CSNEG.
ExecStatus ExecCondSelect(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  uint64_t result;
  if (ConditionHolds(Bits(insn, 15, 12), cpu.st.nzcv)) {
    result = ReadX(cpu, Bits(insn, 9, 5));
  } else {
    result = ReadX(cpu, Bits(insn, 20, 16));
    if (Bit(insn, 30)) result = ~result;
    if (Bit(insn, 10)) result = result + 1;
  }
  WriteX(cpu, Bits(insn, 4, 0), result & Ones(datasize));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterDpConditional(ExecTable& t) {
  for (Op op : {Op::CCMN_32_condcmp_reg, Op::CCMP_32_condcmp_reg, Op::CCMN_64_condcmp_reg,
                Op::CCMP_64_condcmp_reg, Op::CCMN_32_condcmp_imm, Op::CCMP_32_condcmp_imm,
                Op::CCMN_64_condcmp_imm, Op::CCMP_64_condcmp_imm})
    t.Set(op, &ExecCondCompare);
  for (Op op : {Op::CSEL_32_condsel, Op::CSINC_32_condsel, Op::CSINV_32_condsel,
                Op::CSNEG_32_condsel, Op::CSEL_64_condsel, Op::CSINC_64_condsel,
                Op::CSINV_64_condsel, Op::CSNEG_64_condsel})
    t.Set(op, &ExecCondSelect);
}

}  // namespace a64
