// Advanced SIMD vector x indexed element, floating point, single and double
// precision (ARM ARM C4.1.101, C7.2): FMUL, FMLA, FMLS, FMULX (by element).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

// size 10: single, index = H:L; size 11: double, index = H (L == 1 and Q == 0
// are reserved, rejected by the table). Rm = M:Rm (bits 20:16) for both.
template <FpBinOp K>
ExecStatus ExecByElement(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const unsigned index = size == 3 ? Bit(w, 11) : (Bit(w, 11) << 1 | Bit(w, 21));
  const uint64_t element2 = GetLane(c.st.v[Bits(w, 20, 16)], size, index);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  const uint32_t fpcr = c.st.fpcr;
  uint32_t& fpsr = c.st.fpsr;
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpBinElement(K, GetLane(n, size, e), element2, GetLane(d, size, e), f, fpcr, fpsr);
  });
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpElem(ExecTable& t) {
  t.Set(Op::FMUL_asimdelem_R_SD, &ExecByElement<FpBinOp::kMul>);
  t.Set(Op::FMLA_asimdelem_R_SD, &ExecByElement<FpBinOp::kMla>);
  t.Set(Op::FMLS_asimdelem_R_SD, &ExecByElement<FpBinOp::kMls>);
  t.Set(Op::FMULX_asimdelem_R_SD, &ExecByElement<FpBinOp::kMulX>);
}

}  // namespace a64
