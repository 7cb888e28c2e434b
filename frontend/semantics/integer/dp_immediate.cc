// Semantics of ARM ARM C4.1.86 Data Processing -- Immediate (C6.2: ADR, ADRP,
// ADD/SUB (immediate), AND/ORR/EOR/ANDS (immediate), MOVN/MOVZ/MOVK, SBFM/BFM/
// UBFM, EXTR). Fields are decoded from the word as in each instruction's decode
// pseudocode; one function serves the 32- and 64-bit encodings.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64 {
namespace {

unsigned DataSize(uint32_t insn) { return Bit(insn, 31) ? 64 : 32; }

// ADR: X[d] = PC + imm; ADRP: X[d] = PC<63:12>:Zeros(12) + imm:Zeros(12).
ExecStatus ExecPcRelAddr(Cpu& cpu, uint32_t insn) {
  const bool page = Bit(insn, 31);
  const uint64_t imm = static_cast<uint64_t>(
      SignExtend((Bits(insn, 23, 5) << 2) | Bits(insn, 30, 29), 21));
  const uint64_t base = page ? cpu.st.pc & ~uint64_t{0xfff} : cpu.st.pc;
  WriteX(cpu, Bits(insn, 4, 0), base + (page ? imm << 12 : imm));
  return ExecStatus::kNext;
}

ExecStatus ExecAddSubImm(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0), n = Bits(insn, 9, 5);
  const bool sub_op = Bit(insn, 30), setflags = Bit(insn, 29);
  uint64_t imm = Bits(insn, 21, 10);
  if (Bit(insn, 22)) imm <<= 12;
  const uint64_t operand1 = ReadXSp(cpu, n);
  const AddResult r =
      sub_op ? AddWithCarry(datasize, operand1, ~imm, true) : AddWithCarry(datasize, operand1, imm, false);
  if (setflags) {
    cpu.st.nzcv = r.nzcv;
    WriteX(cpu, d, r.result);
  } else {
    WriteXSp(cpu, d, r.result);
  }
  return ExecStatus::kNext;
}

ExecStatus ExecLogicalImm(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0), n = Bits(insn, 9, 5);
  BitMasks m{};
  if (!DecodeBitMasks(Bit(insn, 22), Bits(insn, 15, 10), Bits(insn, 21, 16), true, datasize, &m))
    return Undefined(cpu);
  const uint64_t operand1 = ReadX(cpu, n) & Ones(datasize);
  uint64_t result = 0;
  switch (Bits(insn, 30, 29)) {
    case 0: result = operand1 & m.wmask; break;  // AND
    case 1: result = operand1 | m.wmask; break;  // ORR
    case 2: result = operand1 ^ m.wmask; break;  // EOR
    case 3:                                      // ANDS
      result = operand1 & m.wmask;
      cpu.st.nzcv = LogicalFlags(datasize, result);
      WriteX(cpu, d, result);
      return ExecStatus::kNext;
  }
  WriteXSp(cpu, d, result);
  return ExecStatus::kNext;
}

// MOVN/MOVZ/MOVK: opc 00/10/11 (01 is unallocated and not in the table).
ExecStatus ExecMoveWide(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0), pos = Bits(insn, 22, 21) * 16;
  const unsigned opc = Bits(insn, 30, 29);
  const uint64_t imm16 = Bits(insn, 20, 5);
  uint64_t result = opc == 3 ? ReadX(cpu, d) : 0;
  result = (result & ~(uint64_t{0xffff} << pos)) | (imm16 << pos);
  if (opc == 0) result = ~result;
  WriteX(cpu, d, result & Ones(datasize));
  return ExecStatus::kNext;
}

// SBFM (opc 00: inzero, extend), BFM (01), UBFM (10: inzero).
ExecStatus ExecBitfield(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), d = Bits(insn, 4, 0), n = Bits(insn, 9, 5);
  const unsigned opc = Bits(insn, 30, 29), r = Bits(insn, 21, 16), s = Bits(insn, 15, 10);
  const bool inzero = opc != 1, extend = opc == 0;
  BitMasks m{};
  if (!DecodeBitMasks(Bit(insn, 22), s, r, false, datasize, &m)) return Undefined(cpu);
  const uint64_t mask = Ones(datasize);
  const uint64_t dst = inzero ? 0 : ReadX(cpu, d) & mask;
  const uint64_t src = ReadX(cpu, n) & mask;
  const uint64_t bot = (dst & ~m.wmask) | (RotateRight(datasize, src, r) & m.wmask);
  const uint64_t top = extend ? (((src >> s) & 1) ? mask : 0) : dst;  // Replicate(src<S>)
  WriteX(cpu, d, ((top & ~m.tmask) | (bot & m.tmask)) & mask);
  return ExecStatus::kNext;
}

// EXTR: (X[n]:X[m])<lsb+datasize-1:lsb>.
ExecStatus ExecExtract(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn), lsb = Bits(insn, 15, 10);
  const uint64_t mask = Ones(datasize);
  const uint64_t hi = ReadX(cpu, Bits(insn, 9, 5)) & mask;
  const uint64_t lo = ReadX(cpu, Bits(insn, 20, 16)) & mask;
  const uint64_t result = lsb == 0 ? lo : ((lo >> lsb) | (hi << (datasize - lsb))) & mask;
  WriteX(cpu, Bits(insn, 4, 0), result);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterDpImmediate(ExecTable& t) {
  t.Set(Op::ADR_only_pcreladdr, &ExecPcRelAddr);
  t.Set(Op::ADRP_only_pcreladdr, &ExecPcRelAddr);
  for (Op op : {Op::ADD_32_addsub_imm, Op::ADDS_32S_addsub_imm, Op::SUB_32_addsub_imm,
                Op::SUBS_32S_addsub_imm, Op::ADD_64_addsub_imm, Op::ADDS_64S_addsub_imm,
                Op::SUB_64_addsub_imm, Op::SUBS_64S_addsub_imm})
    t.Set(op, &ExecAddSubImm);
  for (Op op : {Op::AND_32_log_imm, Op::ORR_32_log_imm, Op::EOR_32_log_imm, Op::ANDS_32S_log_imm,
                Op::AND_64_log_imm, Op::ORR_64_log_imm, Op::EOR_64_log_imm, Op::ANDS_64S_log_imm})
    t.Set(op, &ExecLogicalImm);
  for (Op op : {Op::MOVN_32_movewide, Op::MOVZ_32_movewide, Op::MOVK_32_movewide,
                Op::MOVN_64_movewide, Op::MOVZ_64_movewide, Op::MOVK_64_movewide})
    t.Set(op, &ExecMoveWide);
  for (Op op : {Op::SBFM_32M_bitfield, Op::BFM_32M_bitfield, Op::UBFM_32M_bitfield,
                Op::SBFM_64M_bitfield, Op::BFM_64M_bitfield, Op::UBFM_64M_bitfield})
    t.Set(op, &ExecBitfield);
  t.Set(Op::EXTR_32_extract, &ExecExtract);
  t.Set(Op::EXTR_64_extract, &ExecExtract);
}

}  // namespace a64
