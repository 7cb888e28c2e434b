// FJCVTZS (FEAT_JSCVT, ARM ARM C7.2): double-precision to 32-bit signed
// integer with JavaScript semantics, FPToFixedJS of shared/functions/float.
// Registered through RegisterCrypto (register_crypto.cc).
#include <bit>

#include "frontend/bits.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/fp/fp_arith.h"

namespace a64 {
namespace {

struct JsResult {
  uint32_t value;
  bool z;
};

// FPToFixedJS(op, fpcr, TRUE): rounds toward zero, returns the integer modulo
// 2^32 and Z = 1 iff the conversion was exact and in the int32 range. NaN and
// out-of-range operands raise Invalid Operation, inexact ones Inexact; an
// infinity or NaN gives 0. -0.0 and a denormal flushed to zero (FPCR.FZ) give
// Z = 0 without another exception.
JsResult FpToFixedJs(uint64_t op, uint32_t fpcr, uint32_t& fpsr) {
  const FpValue v = FpUnpack(op, kFpDouble, fpcr, fpsr);
  if (FpIsNaN(v.type) || v.type == FpType::kInfinity) {
    fpsr |= kFpsrIOC;
    return {0, false};
  }
  if (v.type == FpType::kZero) {
    // value == 0.0: Z is cleared for -0.0 and for a flushed denormal.
    const bool flushed = (op & Ones(52)) != 0;
    return {0, !v.sign && !flushed};
  }
  // |value| = mant * 2^exp, mant < 2^53. Truncate toward zero (RoundDown, then
  // +1 for a negative inexact value), keeping the low 32 bits and whether the
  // magnitude exceeds the int32 range.
  uint64_t low = 0;      // magnitude of int_result modulo 2^64 (enough for its low 32 bits)
  bool big = false;      // magnitude >= 2^63
  bool inexact = false;
  if (v.exp >= 0) {
    big = v.exp + (64 - std::countl_zero(v.mant)) > 63;
    low = v.exp >= 64 ? 0 : v.mant << v.exp;
  } else if (v.exp > -64) {
    const unsigned shift = static_cast<unsigned>(-v.exp);
    low = v.mant >> shift;
    inexact = (v.mant & Ones(shift)) != 0;
  } else {
    inexact = true;  // |value| < 1
  }
  const uint64_t limit = v.sign ? 1ull << 31 : (1ull << 31) - 1;
  const bool out_of_range = big || low > limit;
  const uint32_t result = static_cast<uint32_t>(v.sign ? 0 - low : low);
  if (out_of_range) {
    fpsr |= kFpsrIOC;
    return {result, false};
  }
  if (inexact) {
    fpsr |= kFpsrIXC;
    return {result, false};
  }
  return {result, true};
}

// FJCVTZS <Wd>, <Dn>: W[d] = FPToFixedJS(V[n]); PSTATE.NZCV = '0':Z:'00'.
ExecStatus ExecFjcvtzs(Cpu& cpu, uint32_t insn) {
  const JsResult r = FpToFixedJs(cpu.st.v[Bits(insn, 9, 5)].d[0], cpu.st.fpcr, cpu.st.fpsr);
  WriteX(cpu, Bits(insn, 4, 0), r.value);
  cpu.st.nzcv = r.z ? kFlagZ : 0;
  return ExecStatus::kNext;
}

}  // namespace

void RegisterFpJscvt(ExecTable& t) { t.Set(Op::FJCVTZS_32D_float2int, &ExecFjcvtzs); }

}  // namespace a64
