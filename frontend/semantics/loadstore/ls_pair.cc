// Load/store pair (ARM ARM C6.2 LDP/STP/LDPSW/LDNP/STNP, general-purpose and
// SIMD&FP): signed offset, pre-index, post-index and no-allocate offset.
#include "frontend/semantics/loadstore/ls_common.h"

namespace a64::ls {
namespace {

// opc(31:30) V(26) op2(24:23) L(22) imm7(21:15) Rt2 Rn Rt; op2 = 00
// no-allocate (a hint we ignore), 01 post-index, 10 offset, 11 pre-index.
ExecStatus ExecPair(Cpu& c, uint32_t insn) {
  const unsigned opc = Bits(insn, 31, 30), t = Bits(insn, 4, 0), t2 = Bits(insn, 14, 10),
                 n = Bits(insn, 9, 5), op2 = Bits(insn, 24, 23);
  const bool simd = Bit(insn, 26), load = Bit(insn, 22);
  if (!CheckSpAlignment(c, n)) return ExecStatus::kException;
  // GP: opc = 00 W pair, 01 LDPSW (32-bit, sign-extended to X), 10 X pair.
  const unsigned scale = simd ? 2 + opc : (opc == 2 ? 3 : 2);
  const unsigned size = 1u << scale;
  const bool is_signed = !simd && opc == 1, to64 = !simd && opc != 0;
  const uint64_t offset = static_cast<uint64_t>(SignExtend(Bits(insn, 21, 15), 7)) << scale;
  const uint64_t base = Base(c, n);
  const bool postindex = op2 == 1;
  bool wback = op2 == 1 || op2 == 3;
  const uint64_t address = postindex ? base : base + offset;

  // Both elements move in one access of 2 * size bytes, so a fault on either
  // leaves memory and registers untouched.
  uint8_t buf[32];
  if (load) {
    if (!MemRead(c, address, buf, 2 * size)) return ExecStatus::kException;
    // Rt == Rt2 is CONSTRAINED UNPREDICTABLE (Unpredictable_LDPOVERLAP); we
    // choose Constraint_UNKNOWN with the second element as the value.
    if (simd) {
      WriteVBytes(c, t, buf, size);
      WriteVBytes(c, t2, buf + size, size);
    } else {
      WriteLoaded(c, t, LoadLe(buf, size), size, is_signed, to64);
      WriteLoaded(c, t2, LoadLe(buf + size, size), size, is_signed, to64);
      // Writeback to a loaded register (Unpredictable_WBOVERLAPLD):
      // Constraint_WBSUPPRESS.
      if (n != 31 && (n == t || n == t2)) wback = false;
    }
  } else {
    // Storing the base with writeback (Unpredictable_WBOVERLAPST):
    // Constraint_NONE, the values stored are the registers before writeback.
    if (simd) {
      std::memcpy(buf, c.st.v[t].b, size);
      std::memcpy(buf + size, c.st.v[t2].b, size);
    } else {
      StoreLe(buf, ReadX(c, t), size);
      StoreLe(buf + size, ReadX(c, t2), size);
    }
    if (!MemWrite(c, address, buf, 2 * size)) return ExecStatus::kException;
  }
  if (wback) WriteBack(c, n, base + offset);
  return ExecStatus::kNext;
}

constexpr Op kPairOps[] = {
    Op::STNP_32_ldstnapair_offs, Op::LDNP_32_ldstnapair_offs, Op::STNP_64_ldstnapair_offs,
    Op::LDNP_64_ldstnapair_offs, Op::STNP_S_ldstnapair_offs,  Op::LDNP_S_ldstnapair_offs,
    Op::STNP_D_ldstnapair_offs,  Op::LDNP_D_ldstnapair_offs,  Op::STNP_Q_ldstnapair_offs,
    Op::LDNP_Q_ldstnapair_offs,
    Op::STP_32_ldstpair_post, Op::LDP_32_ldstpair_post, Op::LDPSW_64_ldstpair_post,
    Op::STP_64_ldstpair_post, Op::LDP_64_ldstpair_post, Op::STP_S_ldstpair_post,
    Op::LDP_S_ldstpair_post,  Op::STP_D_ldstpair_post,  Op::LDP_D_ldstpair_post,
    Op::STP_Q_ldstpair_post,  Op::LDP_Q_ldstpair_post,
    Op::STP_32_ldstpair_off, Op::LDP_32_ldstpair_off, Op::LDPSW_64_ldstpair_off,
    Op::STP_64_ldstpair_off, Op::LDP_64_ldstpair_off, Op::STP_S_ldstpair_off,
    Op::LDP_S_ldstpair_off,  Op::STP_D_ldstpair_off,  Op::LDP_D_ldstpair_off,
    Op::STP_Q_ldstpair_off,  Op::LDP_Q_ldstpair_off,
    Op::STP_32_ldstpair_pre, Op::LDP_32_ldstpair_pre, Op::LDPSW_64_ldstpair_pre,
    Op::STP_64_ldstpair_pre, Op::LDP_64_ldstpair_pre, Op::STP_S_ldstpair_pre,
    Op::LDP_S_ldstpair_pre,  Op::STP_D_ldstpair_pre,  Op::LDP_D_ldstpair_pre,
    Op::STP_Q_ldstpair_pre,  Op::LDP_Q_ldstpair_pre,
};

}  // namespace

void RegisterLsPair(ExecTable& t) {
  for (Op op : kPairOps) t.Set(op, &ExecPair);
}

}  // namespace a64::ls
