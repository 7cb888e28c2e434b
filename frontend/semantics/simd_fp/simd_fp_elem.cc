// Advanced SIMD vector x indexed element, floating point, single and double
// precision (ARM ARM C4.1.101, C7.2): FMUL, FMLA, FMLS, FMULX (by element).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"
#include "frontend/semantics/simd_fp/simd_fp_element_ops.h"

namespace a64 {
namespace {

using namespace vfp;

enum class Kind { kMul, kMla, kMls, kMulX };

// size 10: single, index = H:L; size 11: double, index = H (L == 1 and Q == 0
// are reserved, rejected by the table). Rm = M:Rm (bits 20:16) for both.
template <Kind K>
ExecStatus ExecByElement(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const unsigned index = size == 3 ? Bit(w, 11) : (Bit(w, 11) << 1 | Bit(w, 21));
  const uint64_t element2 = GetLane(c.st.v[Bits(w, 20, 16)], size, index);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  const uint32_t fpcr = c.st.fpcr;
  uint32_t& fpsr = c.st.fpsr;
  ForEachLane(c, w, size, [&](unsigned e) -> uint64_t {
    const uint64_t element1 = GetLane(n, size, e);
    switch (K) {
      case Kind::kMul: return FpMul(element1, element2, f, fpcr, fpsr);
      case Kind::kMulX: return FpMulX(element1, element2, f, fpcr, fpsr);
      case Kind::kMla: return FpMulAdd(GetLane(d, size, e), element1, element2, f, fpcr, fpsr);
      case Kind::kMls:
        return FpMulAdd(GetLane(d, size, e), FpNeg(element1, f), element2, f, fpcr, fpsr);
    }
    return 0;
  });
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpElem(ExecTable& t) {
  t.Set(Op::FMUL_asimdelem_R_SD, &ExecByElement<Kind::kMul>);
  t.Set(Op::FMLA_asimdelem_R_SD, &ExecByElement<Kind::kMla>);
  t.Set(Op::FMLS_asimdelem_R_SD, &ExecByElement<Kind::kMls>);
  t.Set(Op::FMULX_asimdelem_R_SD, &ExecByElement<Kind::kMulX>);
}

}  // namespace a64
