// Advanced SIMD three same, floating point, single and double precision
// lanes (ARM ARM C4.1.95, C7.2): FADD ... FRSQRTS, the compares
// FCMEQ/FCMGE/FCMGT/FACGE/FACGT (register) and the pairwise
// FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP. Every lane uses the bit-exact FP
// functions of fp_arith.h; FPSR flags accumulate over the lanes.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"

namespace a64 {
namespace {

using namespace vfp;

template <FpBinOp K>
ExecStatus ExecThreeSame(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)], d = c.st.v[Rd(w)];
  const uint32_t fpcr = c.st.fpcr;
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpBinElement(K, GetLane(n, size, e), GetLane(m, size, e), GetLane(d, size, e), f,
                        fpcr, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// Pairwise: concat = operand2:operand1 (Vm above Vn, each datasize bits);
// result element e = op(Elem[concat, 2e], Elem[concat, 2e+1]).
template <FpBinOp K>
ExecStatus ExecPairwise(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const unsigned lanes = Lanes(Q(w), size);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)];
  const uint32_t fpcr = c.st.fpcr;
  auto concat = [&](unsigned i) {
    return i < lanes ? GetLane(n, size, i) : GetLane(m, size, i - lanes);
  };
  ForEachLane(c, w, size, [&](unsigned e) {
    return FpBinElement(K, concat(2 * e), concat(2 * e + 1), 0, f, fpcr, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpThreeSame(ExecTable& t) {
  t.Set(Op::FADD_asimdsame_only, &ExecThreeSame<FpBinOp::kAdd>);
  t.Set(Op::FSUB_asimdsame_only, &ExecThreeSame<FpBinOp::kSub>);
  t.Set(Op::FMUL_asimdsame_only, &ExecThreeSame<FpBinOp::kMul>);
  t.Set(Op::FDIV_asimdsame_only, &ExecThreeSame<FpBinOp::kDiv>);
  t.Set(Op::FMLA_asimdsame_only, &ExecThreeSame<FpBinOp::kMla>);
  t.Set(Op::FMLS_asimdsame_only, &ExecThreeSame<FpBinOp::kMls>);
  t.Set(Op::FMAX_asimdsame_only, &ExecThreeSame<FpBinOp::kMax>);
  t.Set(Op::FMIN_asimdsame_only, &ExecThreeSame<FpBinOp::kMin>);
  t.Set(Op::FMAXNM_asimdsame_only, &ExecThreeSame<FpBinOp::kMaxNum>);
  t.Set(Op::FMINNM_asimdsame_only, &ExecThreeSame<FpBinOp::kMinNum>);
  t.Set(Op::FABD_asimdsame_only, &ExecThreeSame<FpBinOp::kAbd>);
  t.Set(Op::FMULX_asimdsame_only, &ExecThreeSame<FpBinOp::kMulX>);
  t.Set(Op::FRECPS_asimdsame_only, &ExecThreeSame<FpBinOp::kRecps>);
  t.Set(Op::FRSQRTS_asimdsame_only, &ExecThreeSame<FpBinOp::kRsqrts>);
  t.Set(Op::FCMEQ_asimdsame_only, &ExecThreeSame<FpBinOp::kCmeq>);
  t.Set(Op::FCMGE_asimdsame_only, &ExecThreeSame<FpBinOp::kCmge>);
  t.Set(Op::FCMGT_asimdsame_only, &ExecThreeSame<FpBinOp::kCmgt>);
  t.Set(Op::FACGE_asimdsame_only, &ExecThreeSame<FpBinOp::kAcge>);
  t.Set(Op::FACGT_asimdsame_only, &ExecThreeSame<FpBinOp::kAcgt>);
  t.Set(Op::FADDP_asimdsame_only, &ExecPairwise<FpBinOp::kAdd>);
  t.Set(Op::FMAXP_asimdsame_only, &ExecPairwise<FpBinOp::kMax>);
  t.Set(Op::FMINP_asimdsame_only, &ExecPairwise<FpBinOp::kMin>);
  t.Set(Op::FMAXNMP_asimdsame_only, &ExecPairwise<FpBinOp::kMaxNum>);
  t.Set(Op::FMINNMP_asimdsame_only, &ExecPairwise<FpBinOp::kMinNum>);
}

}  // namespace a64
