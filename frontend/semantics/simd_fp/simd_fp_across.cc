// Advanced SIMD across lanes, floating point (ARM ARM C4.1.94, C7.2):
// FMAXV, FMINV, FMAXNMV, FMINNMV on .4s (the only single/double form).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

enum class Kind { kMax, kMin, kMaxNum, kMinNum };

uint64_t Op2(Kind k, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t& fpsr) {
  switch (k) {
    case Kind::kMax: return FpMax(a, b, kFpSingle, fpcr, fpsr);
    case Kind::kMin: return FpMin(a, b, kFpSingle, fpcr, fpsr);
    case Kind::kMaxNum: return FpMaxNum(a, b, kFpSingle, fpcr, fpsr);
    default: return FpMinNum(a, b, kFpSingle, fpcr, fpsr);
  }
}

// Reduce(op, input, esize) (shared/functions/vector): the input is split in
// halves recursively and combined as op(lo, hi), i.e. for four lanes
// op(op(e0, e1), op(e2, e3)); hi is evaluated before lo (the order only
// matters for the cumulative flags, which are ORed anyway).
uint64_t Reduce(Kind k, const VReg& v, unsigned first, unsigned count, uint32_t fpcr,
                uint32_t& fpsr) {
  if (count == 1) return v.s[first];
  const unsigned half = count / 2;
  const uint64_t hi = Reduce(k, v, first + half, half, fpcr, fpsr);
  const uint64_t lo = Reduce(k, v, first, half, fpcr, fpsr);
  return Op2(k, lo, hi, fpcr, fpsr);
}

// V[d] = Reduce(...): the 32-bit scalar zero-extended to 128 bits.
template <Kind K>
ExecStatus ExecAcross(Cpu& c, uint32_t w) {
  const VReg n = c.st.v[Rn(w)];
  const uint64_t r = Reduce(K, n, 0, 4, c.st.fpcr, c.st.fpsr);
  WriteV128(c, Rd(w), r, 0);
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpAcross(ExecTable& t) {
  t.Set(Op::FMAXV_asimdall_only_SD, &ExecAcross<Kind::kMax>);
  t.Set(Op::FMINV_asimdall_only_SD, &ExecAcross<Kind::kMin>);
  t.Set(Op::FMAXNMV_asimdall_only_SD, &ExecAcross<Kind::kMaxNum>);
  t.Set(Op::FMINNMV_asimdall_only_SD, &ExecAcross<Kind::kMinNum>);
}

}  // namespace a64
