// Atomic memory operations (ARM ARM C6.2 LDADD, LDCLR, LDEOR, LDSET, LDSMAX,
// LDSMIN, LDUMAX, LDUMIN, SWP; FEAT_LSE), all sizes and A/L/AL orderings. The
// ST<op> aliases are the same encodings with Rt = ZR.
#include "frontend/semantics/loadstore/ls_common.h"

namespace a64::ls {
namespace {

// The value written back by MemAtomic(address, op, value): o3(15) opc(14:12).
// Values are the low `bits` bits; the signed comparisons are of that width.
uint64_t AtomicResult(unsigned o3_opc, uint64_t old, uint64_t value, unsigned bits) {
  const int64_t sold = SignExtend(old, bits), svalue = SignExtend(value, bits);
  switch (o3_opc) {
    case 0b0000: return old + value;                         // LDADD
    case 0b0001: return old & ~value;                        // LDCLR
    case 0b0010: return old ^ value;                         // LDEOR
    case 0b0011: return old | value;                         // LDSET
    case 0b0100: return sold > svalue ? old : value;         // LDSMAX
    case 0b0101: return sold > svalue ? value : old;         // LDSMIN
    case 0b0110: return old > value ? old : value;           // LDUMAX
    case 0b0111: return old > value ? value : old;           // LDUMIN
    default: return value;                                   // SWP (o3 = 1, opc = 000)
  }
}

// size(31:30) A(23) R(22) Rs(20:16) o3(15) opc(14:12) Rn Rt: Mem = op(Mem,
// X[s]); X[t] = old value, zero-extended. Unaligned addresses fault.
ExecStatus ExecAtomic(Cpu& c, uint32_t insn) {
  const unsigned size = 1u << Bits(insn, 31, 30), bits = 8 * size;
  if (!CheckSpAlignment(c, Bits(insn, 9, 5))) return ExecStatus::kException;
  const uint64_t address = Base(c, Bits(insn, 9, 5));
  if (!IsAligned(address, size)) return AlignmentFault(c, address, false);
  const uint64_t value = ReadX(c, Bits(insn, 20, 16)) & Ones(bits);
  const unsigned o3_opc = Bits(insn, 15, 12);
  uint8_t old[8];
  const bool ok = AtomicRmw(c, address, size, old, [&](uint8_t* data) {
    StoreLe(data, AtomicResult(o3_opc, LoadLe(data, size), value, bits), size);
    return true;
  });
  if (!ok) return ExecStatus::kException;
  WriteX(c, Bits(insn, 4, 0), LoadLe(old, size));
  return ExecStatus::kNext;
}

// The 16 encodings of one operation: {B, H, 32, 64} x {-, A, AL, L}.
#define A64_LS_ATOMIC_OPS(op)                                                          \
  Op::op##B_32_memop, Op::op##AB_32_memop, Op::op##ALB_32_memop, Op::op##LB_32_memop, \
      Op::op##H_32_memop, Op::op##AH_32_memop, Op::op##ALH_32_memop,                  \
      Op::op##LH_32_memop, Op::op##_32_memop, Op::op##A_32_memop, Op::op##AL_32_memop, \
      Op::op##L_32_memop, Op::op##_64_memop, Op::op##A_64_memop, Op::op##AL_64_memop,  \
      Op::op##L_64_memop

constexpr Op kAtomicOps[] = {
    A64_LS_ATOMIC_OPS(LDADD),  A64_LS_ATOMIC_OPS(LDCLR),  A64_LS_ATOMIC_OPS(LDEOR),
    A64_LS_ATOMIC_OPS(LDSET),  A64_LS_ATOMIC_OPS(LDSMAX), A64_LS_ATOMIC_OPS(LDSMIN),
    A64_LS_ATOMIC_OPS(LDUMAX), A64_LS_ATOMIC_OPS(LDUMIN), A64_LS_ATOMIC_OPS(SWP),
};

#undef A64_LS_ATOMIC_OPS

}  // namespace

void RegisterLsAtomic(ExecTable& t) {
  for (Op op : kAtomicOps) t.Set(op, &ExecAtomic);
}

}  // namespace a64::ls
