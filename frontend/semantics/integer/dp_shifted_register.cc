// Semantics of logical (shifted register), add/subtract (shifted register),
// add/subtract (extended register) and add/subtract (with carry): ARM ARM
// C4.1.88.3-6, instructions AND..BICS, ADD/ADDS/SUB/SUBS, ADC/ADCS/SBC/SBCS.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64 {
namespace {

unsigned DataSize(uint32_t insn) { return Bit(insn, 31) ? 64 : 32; }

// opc (30:29) selects AND/ORR/EOR/ANDS, N (21) inverts operand2; shift 23:22 and
// imm6 15:10 go to ShiftReg. Rd == 31 is ZR.
ExecStatus ExecLogicalShift(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0);
  const uint64_t mask = Ones(datasize);
  const uint64_t operand1 = ReadX(cpu, Bits(insn, 9, 5)) & mask;
  uint64_t operand2 =
      ShiftReg(datasize, ReadX(cpu, Bits(insn, 20, 16)), Bits(insn, 23, 22), Bits(insn, 15, 10));
  if (Bit(insn, 21)) operand2 = ~operand2 & mask;
  uint64_t result = 0;
  switch (Bits(insn, 30, 29)) {
    case 0: result = operand1 & operand2; break;
    case 1: result = operand1 | operand2; break;
    case 2: result = operand1 ^ operand2; break;
    case 3:
      result = operand1 & operand2;
      cpu.st.nzcv = LogicalFlags(datasize, result);
      break;
  }
  WriteX(cpu, d, result);
  return ExecStatus::kNext;
}

ExecStatus ExecAddSubShift(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const bool sub_op = Bit(insn, 30), setflags = Bit(insn, 29);
  const uint64_t operand1 = ReadX(cpu, Bits(insn, 9, 5));
  const uint64_t operand2 =
      ShiftReg(datasize, ReadX(cpu, Bits(insn, 20, 16)), Bits(insn, 23, 22), Bits(insn, 15, 10));
  const AddResult r = sub_op ? AddWithCarry(datasize, operand1, ~operand2, true)
                             : AddWithCarry(datasize, operand1, operand2, false);
  if (setflags) cpu.st.nzcv = r.nzcv;
  WriteX(cpu, Bits(insn, 4, 0), r.result);
  return ExecStatus::kNext;
}

// Rn == 31 reads SP; Rd == 31 writes SP unless the flags are set (then ZR).
ExecStatus ExecAddSubExt(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0);
  const bool sub_op = Bit(insn, 30), setflags = Bit(insn, 29);
  const uint64_t operand1 = ReadXSp(cpu, Bits(insn, 9, 5));
  const uint64_t operand2 =
      ExtendReg(datasize, ReadX(cpu, Bits(insn, 20, 16)), Bits(insn, 15, 13), Bits(insn, 12, 10));
  const AddResult r = sub_op ? AddWithCarry(datasize, operand1, ~operand2, true)
                             : AddWithCarry(datasize, operand1, operand2, false);
  if (setflags) {
    cpu.st.nzcv = r.nzcv;
    WriteX(cpu, d, r.result);
  } else {
    WriteXSp(cpu, d, r.result);
  }
  return ExecStatus::kNext;
}

// ADC: X[n] + X[m] + C; SBC: X[n] + NOT(X[m]) + C.
ExecStatus ExecAddSubCarry(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const bool sub_op = Bit(insn, 30), setflags = Bit(insn, 29);
  const bool carry = cpu.st.nzcv & kFlagC;
  const uint64_t operand1 = ReadX(cpu, Bits(insn, 9, 5));
  uint64_t operand2 = ReadX(cpu, Bits(insn, 20, 16));
  if (sub_op) operand2 = ~operand2;
  const AddResult r = AddWithCarry(datasize, operand1, operand2, carry);
  if (setflags) cpu.st.nzcv = r.nzcv;
  WriteX(cpu, Bits(insn, 4, 0), r.result);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterDpShiftedRegister(ExecTable& t) {
  for (Op op : {Op::AND_32_log_shift, Op::BIC_32_log_shift, Op::ORR_32_log_shift,
                Op::ORN_32_log_shift, Op::EOR_32_log_shift, Op::EON_32_log_shift,
                Op::ANDS_32_log_shift, Op::BICS_32_log_shift, Op::AND_64_log_shift,
                Op::BIC_64_log_shift, Op::ORR_64_log_shift, Op::ORN_64_log_shift,
                Op::EOR_64_log_shift, Op::EON_64_log_shift, Op::ANDS_64_log_shift,
                Op::BICS_64_log_shift})
    t.Set(op, &ExecLogicalShift);
  for (Op op : {Op::ADD_32_addsub_shift, Op::ADDS_32_addsub_shift, Op::SUB_32_addsub_shift,
                Op::SUBS_32_addsub_shift, Op::ADD_64_addsub_shift, Op::ADDS_64_addsub_shift,
                Op::SUB_64_addsub_shift, Op::SUBS_64_addsub_shift})
    t.Set(op, &ExecAddSubShift);
  for (Op op : {Op::ADD_32_addsub_ext, Op::ADDS_32S_addsub_ext, Op::SUB_32_addsub_ext,
                Op::SUBS_32S_addsub_ext, Op::ADD_64_addsub_ext, Op::ADDS_64S_addsub_ext,
                Op::SUB_64_addsub_ext, Op::SUBS_64S_addsub_ext})
    t.Set(op, &ExecAddSubExt);
  for (Op op : {Op::ADC_32_addsub_carry, Op::ADCS_32_addsub_carry, Op::SBC_32_addsub_carry,
                Op::SBCS_32_addsub_carry, Op::ADC_64_addsub_carry, Op::ADCS_64_addsub_carry,
                Op::SBC_64_addsub_carry, Op::SBCS_64_addsub_carry})
    t.Set(op, &ExecAddSubCarry);
}

}  // namespace a64
