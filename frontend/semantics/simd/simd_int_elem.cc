// Advanced SIMD vector x indexed element, integer non-long forms (ARM ARM
// C4.1.102, C7.2): MUL, MLA, MLS, SQDMULH, SQRDMULH, SQRDMLAH, SQRDMLSH (by
// element). The long forms are in simd_int_long.cc.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd/simd_int_common.h"

namespace a64 {
namespace {

using namespace simd;

enum class ElemOp { kMul, kMla, kMls, kQdmulh, kQrdmulh, kQrdmlah, kQrdmlsh };

// Every lane of V[n] (datasize 64 or 128) is combined with the one indexed
// element of V[m]; V[d] is an input of the accumulating forms.
template <ElemOp K>
ExecStatus ExecByElement(Cpu& c, uint32_t w) {
  const unsigned size = Size(w), esize = 8u << size;
  const simd::ElemOperand e = simd::IndexedElement(w);
  const uint64_t ub = GetLane(c.st.v[e.m], size, e.index);
  const int64_t sb = GetLaneS(c.st.v[e.m], size, e.index);
  const VReg n = c.st.v[Rn(w)], d = c.st.v[Rd(w)];
  VReg r{};
  for (unsigned i = 0; i < Lanes(Q(w), size); ++i) {
    const uint64_t ua = GetLane(n, size, i), ud = GetLane(d, size, i);
    const int64_t sa = GetLaneS(n, size, i), sd = GetLaneS(d, size, i);
    uint64_t x = 0;
    switch (K) {
      case ElemOp::kMul: x = ua * ub; break;
      case ElemOp::kMla: x = ud + ua * ub; break;
      case ElemOp::kMls: x = ud - ua * ub; break;
      case ElemOp::kQdmulh: x = sisd::SatDoublingMulHigh(c, sa, sb, esize, false, 0, 0); break;
      case ElemOp::kQrdmulh: x = sisd::SatDoublingMulHigh(c, sa, sb, esize, true, 0, 0); break;
      case ElemOp::kQrdmlah: x = sisd::SatDoublingMulHigh(c, sa, sb, esize, true, 1, sd); break;
      case ElemOp::kQrdmlsh: x = sisd::SatDoublingMulHigh(c, sa, sb, esize, true, -1, sd); break;
    }
    SetLane(r, size, i, x);
  }
  WriteVec(c, Rd(w), r, Q(w));
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdIntElem(ExecTable& t) {
  t.Set(Op::MUL_asimdelem_R, &ExecByElement<ElemOp::kMul>);
  t.Set(Op::MLA_asimdelem_R, &ExecByElement<ElemOp::kMla>);
  t.Set(Op::MLS_asimdelem_R, &ExecByElement<ElemOp::kMls>);
  t.Set(Op::SQDMULH_asimdelem_R, &ExecByElement<ElemOp::kQdmulh>);
  t.Set(Op::SQRDMULH_asimdelem_R, &ExecByElement<ElemOp::kQrdmulh>);
  t.Set(Op::SQRDMLAH_asimdelem_R, &ExecByElement<ElemOp::kQrdmlah>);
  t.Set(Op::SQRDMLSH_asimdelem_R, &ExecByElement<ElemOp::kQrdmlsh>);
}

}  // namespace a64
