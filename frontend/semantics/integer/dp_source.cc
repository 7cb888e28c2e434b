// Semantics of data-processing (1, 2 and 3 source): ARM ARM C4.1.88.1, .2, .12
// (UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32*, RBIT, REV16, REV32, REV, CLZ,
// CLS, MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH). PACGA and the
// 1-source pointer-authentication instructions are not implemented (FEAT_PAuth
// is not provided), so they stay UNDEFINED.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/integer/pseudocode_integer.h"

namespace a64 {
namespace {

unsigned DataSize(uint32_t insn) { return Bit(insn, 31) ? 64 : 32; }

// UDIV/SDIV: division by zero gives zero (no trap); the quotient rounds toward
// zero, so SDIV INT_MIN / -1 = +2^(N-1), which is INT_MIN again in N bits.
ExecStatus ExecDivide(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const bool is_unsigned = !Bit(insn, 10);
  const uint64_t mask = Ones(datasize);
  const uint64_t operand1 = ReadX(cpu, Bits(insn, 9, 5)) & mask;
  const uint64_t operand2 = ReadX(cpu, Bits(insn, 20, 16)) & mask;
  uint64_t result = 0;
  if (operand2 == 0) {
    result = 0;
  } else if (is_unsigned) {
    result = operand1 / operand2;
  } else {
    const int64_t a = SignExtend(operand1, datasize), b = SignExtend(operand2, datasize);
    // Host division INT64_MIN / -1 traps: negate in unsigned arithmetic instead.
    result = b == -1 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a / b);
  }
  WriteX(cpu, Bits(insn, 4, 0), result & mask);
  return ExecStatus::kNext;
}

// LSLV/LSRV/ASRV/RORV: ShiftReg(n, op2, UInt(X[m]) MOD datasize).
ExecStatus ExecShiftVariable(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const unsigned amount = ReadX(cpu, Bits(insn, 20, 16)) % datasize;
  WriteX(cpu, Bits(insn, 4, 0),
         ShiftReg(datasize, ReadX(cpu, Bits(insn, 9, 5)), Bits(insn, 11, 10), amount));
  return ExecStatus::kNext;
}

// BitReverse of the low `width` bits.
unsigned __int128 BitReverse(unsigned __int128 x, unsigned width) {
  unsigned __int128 r = 0;
  for (unsigned i = 0; i < width; ++i) r |= ((x >> i) & 1) << (width - 1 - i);
  return r;
}

// ARM ARM J1 shared/functions/crc/Poly32Mod2: the remainder of data<M-1:0>
// modulo x^32 + poly.
uint32_t Poly32Mod2(unsigned __int128 data, unsigned m, uint32_t poly) {
  for (unsigned i = m - 1; i >= 32; --i)
    if ((data >> i) & 1) data ^= static_cast<unsigned __int128>(poly) << (i - 32);
  return static_cast<uint32_t>(data);
}

// CRC32{C}{B,H,W,X} (ARM ARM C6.2 CRC32B): sz (11:10) gives 8 << sz bits of
// X[m]; C (12) selects the Castagnoli polynomial.
//   tempacc = BitReverse(acc):Zeros(size); tempval = BitReverse(val):Zeros(32)
//   X[d] = BitReverse(Poly32Mod2(tempacc EOR tempval, poly))
ExecStatus ExecCrc32(Cpu& cpu, uint32_t insn) {
  const unsigned size = 8u << Bits(insn, 11, 10);
  const uint32_t poly = Bit(insn, 12) ? 0x1EDC6F41u : 0x04C11DB7u;
  const uint64_t acc = ReadX(cpu, Bits(insn, 9, 5)) & 0xffffffffu;
  const uint64_t val = ReadX(cpu, Bits(insn, 20, 16)) & Ones(size);
  const unsigned __int128 tempacc = BitReverse(acc, 32) << size;
  const unsigned __int128 tempval = BitReverse(val, size) << 32;
  const uint32_t rem = Poly32Mod2(tempacc ^ tempval, 32 + size, poly);
  WriteX(cpu, Bits(insn, 4, 0), static_cast<uint64_t>(BitReverse(rem, 32)));
  return ExecStatus::kNext;
}

// The REV16/REV32/REV pseudocode: reverses the order of the bytes within each
// container of `container_bytes` bytes (REV16: 2, REV32: 4, REV: 8).
uint64_t ReverseBytesInContainers(uint64_t x, unsigned datasize, unsigned container_bytes) {
  uint64_t result = 0;
  for (unsigned base = 0; base < datasize / 8; base += container_bytes)
    for (unsigned i = 0; i < container_bytes; ++i) {
      const uint64_t byte = (x >> (8 * (base + i))) & 0xff;
      result |= byte << (8 * (base + container_bytes - 1 - i));
    }
  return result;
}

// RBIT/REV16/REV32/REV/CLZ/CLS; opcode in 15:10.
ExecStatus ExecDp1Src(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const uint64_t operand = ReadX(cpu, Bits(insn, 9, 5)) & Ones(datasize);
  uint64_t result = 0;
  switch (Bits(insn, 15, 10)) {
    case 0: result = static_cast<uint64_t>(BitReverse(operand, datasize)); break;
    case 1: result = ReverseBytesInContainers(operand, datasize, 2); break;
    case 2: result = ReverseBytesInContainers(operand, datasize, 4); break;  // REV (32), REV32
    case 3: result = ReverseBytesInContainers(operand, datasize, 8); break;  // REV (64)
    case 4: result = CountLeadingZeroBits(datasize, operand); break;
    case 5: result = CountLeadingSignBits(datasize, operand); break;
    default: return Undefined(cpu);
  }
  WriteX(cpu, Bits(insn, 4, 0), result);
  return ExecStatus::kNext;
}

// MADD/MSUB: X[a] +/- X[n] * X[m], truncated to datasize.
ExecStatus ExecMulAdd(Cpu& cpu, uint32_t insn) {
  const unsigned datasize = DataSize(insn);
  const uint64_t product = ReadX(cpu, Bits(insn, 9, 5)) * ReadX(cpu, Bits(insn, 20, 16));
  const uint64_t addend = ReadX(cpu, Bits(insn, 14, 10));
  const uint64_t result = Bit(insn, 15) ? addend - product : addend + product;
  WriteX(cpu, Bits(insn, 4, 0), result & Ones(datasize));
  return ExecStatus::kNext;
}

// {S,U}M{ADD,SUB}L: X[a] +/- W[n] * W[m] with the 32-bit operands sign- or
// zero-extended (U is bit 23).
ExecStatus ExecMulAddLong(Cpu& cpu, uint32_t insn) {
  const bool is_unsigned = Bit(insn, 23);
  const uint64_t n = ReadX(cpu, Bits(insn, 9, 5)) & 0xffffffffu;
  const uint64_t m = ReadX(cpu, Bits(insn, 20, 16)) & 0xffffffffu;
  const uint64_t product = is_unsigned ? n * m
                                       : static_cast<uint64_t>(SignExtend(n, 32) * SignExtend(m, 32));
  const uint64_t addend = ReadX(cpu, Bits(insn, 14, 10));
  WriteX(cpu, Bits(insn, 4, 0), Bit(insn, 15) ? addend - product : addend + product);
  return ExecStatus::kNext;
}

// SMULH/UMULH: bits 127:64 of the 128-bit product.
ExecStatus ExecMulHigh(Cpu& cpu, uint32_t insn) {
  const uint64_t n = ReadX(cpu, Bits(insn, 9, 5)), m = ReadX(cpu, Bits(insn, 20, 16));
  uint64_t result;
  if (Bit(insn, 23)) {
    result = static_cast<uint64_t>((static_cast<unsigned __int128>(n) * m) >> 64);
  } else {
    const __int128 product = static_cast<__int128>(static_cast<int64_t>(n)) * static_cast<int64_t>(m);
    result = static_cast<uint64_t>(static_cast<unsigned __int128>(product) >> 64);
  }
  WriteX(cpu, Bits(insn, 4, 0), result);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterDpSource(ExecTable& t) {
  for (Op op : {Op::UDIV_32_dp_2src, Op::SDIV_32_dp_2src, Op::UDIV_64_dp_2src, Op::SDIV_64_dp_2src})
    t.Set(op, &ExecDivide);
  for (Op op : {Op::LSLV_32_dp_2src, Op::LSRV_32_dp_2src, Op::ASRV_32_dp_2src, Op::RORV_32_dp_2src,
                Op::LSLV_64_dp_2src, Op::LSRV_64_dp_2src, Op::ASRV_64_dp_2src, Op::RORV_64_dp_2src})
    t.Set(op, &ExecShiftVariable);
  for (Op op : {Op::CRC32B_32C_dp_2src, Op::CRC32H_32C_dp_2src, Op::CRC32W_32C_dp_2src,
                Op::CRC32X_64C_dp_2src, Op::CRC32CB_32C_dp_2src, Op::CRC32CH_32C_dp_2src,
                Op::CRC32CW_32C_dp_2src, Op::CRC32CX_64C_dp_2src})
    t.Set(op, &ExecCrc32);
  for (Op op : {Op::RBIT_32_dp_1src, Op::REV16_32_dp_1src, Op::REV_32_dp_1src, Op::CLZ_32_dp_1src,
                Op::CLS_32_dp_1src, Op::RBIT_64_dp_1src, Op::REV16_64_dp_1src,
                Op::REV32_64_dp_1src, Op::REV_64_dp_1src, Op::CLZ_64_dp_1src, Op::CLS_64_dp_1src})
    t.Set(op, &ExecDp1Src);
  for (Op op : {Op::MADD_32A_dp_3src, Op::MSUB_32A_dp_3src, Op::MADD_64A_dp_3src,
                Op::MSUB_64A_dp_3src})
    t.Set(op, &ExecMulAdd);
  for (Op op : {Op::SMADDL_64WA_dp_3src, Op::SMSUBL_64WA_dp_3src, Op::UMADDL_64WA_dp_3src,
                Op::UMSUBL_64WA_dp_3src})
    t.Set(op, &ExecMulAddLong);
  t.Set(Op::SMULH_64_dp_3src, &ExecMulHigh);
  t.Set(Op::UMULH_64_dp_3src, &ExecMulHigh);
}

}  // namespace a64
