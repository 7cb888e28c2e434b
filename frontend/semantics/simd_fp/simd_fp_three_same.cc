// Advanced SIMD three same, floating point, single and double precision
// lanes (ARM ARM C4.1.95, C7.2): FADD ... FRSQRTS, the compares
// FCMEQ/FCMGE/FCMGT/FACGE/FACGT (register) and the pairwise
// FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP. Every lane uses the bit-exact FP
// functions of fp_arith.h; FPSR flags accumulate over the lanes.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/simd_fp/simd_fp_common.h"
#include "frontend/semantics/simd_fp/simd_fp_element_ops.h"

namespace a64 {
namespace {

using namespace vfp;

enum class Kind {
  kAdd, kSub, kMul, kDiv, kMla, kMls, kMax, kMin, kMaxNum, kMinNum, kAbd, kMulX, kRecps,
  kRsqrts, kCmeq, kCmge, kCmgt, kAcge, kAcgt
};

// FPCompareEQ is quiet (Invalid Operation for signalling NaNs only);
// FPCompareGE/GT signal on any NaN. FpCompare returns NZCV: 0110 equal,
// 1000 less, 0010 greater, 0011 unordered. FACGE/FACGT compare FPAbs values.
bool Compare(Kind k, uint64_t a, uint64_t b, FpFormat f, uint32_t fpcr, uint32_t& fpsr) {
  if (k == Kind::kAcge || k == Kind::kAcgt) {
    a = FpAbs(a, f);
    b = FpAbs(b, f);
  }
  const uint32_t nzcv = FpCompare(a, b, k != Kind::kCmeq, f, fpcr, fpsr);
  switch (k) {
    case Kind::kCmeq: return nzcv == 0b0110;
    case Kind::kCmge:
    case Kind::kAcge: return nzcv == 0b0110 || nzcv == 0b0010;
    default: return nzcv == 0b0010;
  }
}

// One lane: `acc` is Elem[V[d], e] for FMLA/FMLS (FPMulAdd(acc, e1, e2),
// with e1 negated by FPNeg for FMLS, so a NaN e1 propagates negated).
uint64_t Lane(Kind k, uint64_t a, uint64_t b, uint64_t acc, FpFormat f, uint32_t fpcr,
              uint32_t& fpsr) {
  switch (k) {
    case Kind::kAdd: return FpAdd(a, b, f, fpcr, fpsr);
    case Kind::kSub: return FpSub(a, b, f, fpcr, fpsr);
    case Kind::kMul: return FpMul(a, b, f, fpcr, fpsr);
    case Kind::kDiv: return FpDiv(a, b, f, fpcr, fpsr);
    case Kind::kMla: return FpMulAdd(acc, a, b, f, fpcr, fpsr);
    case Kind::kMls: return FpMulAdd(acc, FpNeg(a, f), b, f, fpcr, fpsr);
    case Kind::kMax: return FpMax(a, b, f, fpcr, fpsr);
    case Kind::kMin: return FpMin(a, b, f, fpcr, fpsr);
    case Kind::kMaxNum: return FpMaxNum(a, b, f, fpcr, fpsr);
    case Kind::kMinNum: return FpMinNum(a, b, f, fpcr, fpsr);
    case Kind::kAbd: return FpAbs(FpSub(a, b, f, fpcr, fpsr), f);
    case Kind::kMulX: return FpMulX(a, b, f, fpcr, fpsr);
    case Kind::kRecps: return FpStepFused(false, a, b, f, fpcr, fpsr);
    case Kind::kRsqrts: return FpStepFused(true, a, b, f, fpcr, fpsr);
    default: return Compare(k, a, b, f, fpcr, fpsr) ? Ones(f.n) : 0;
  }
}

template <Kind K>
ExecStatus ExecThreeSame(Cpu& c, uint32_t w) {
  const unsigned size = SzSize(w);
  const FpFormat f = FmtOfSize(size);
  const VReg n = c.st.v[Rn(w)], m = c.st.v[Rm(w)], d = c.st.v[Rd(w)];
  const uint32_t fpcr = c.st.fpcr;
  ForEachLane(c, w, size, [&](unsigned e) {
    return Lane(K, GetLane(n, size, e), GetLane(m, size, e), GetLane(d, size, e), f, fpcr,
                c.st.fpsr);
  });
  return ExecStatus::kNext;
}

// Pairwise: concat = operand2:operand1 (Vm above Vn, each datasize bits);
// result element e = op(Elem[concat, 2e], Elem[concat, 2e+1]).
template <Kind K>
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
    return Lane(K, concat(2 * e), concat(2 * e + 1), 0, f, fpcr, c.st.fpsr);
  });
  return ExecStatus::kNext;
}

}  // namespace

void RegisterSimdFpThreeSame(ExecTable& t) {
  t.Set(Op::FADD_asimdsame_only, &ExecThreeSame<Kind::kAdd>);
  t.Set(Op::FSUB_asimdsame_only, &ExecThreeSame<Kind::kSub>);
  t.Set(Op::FMUL_asimdsame_only, &ExecThreeSame<Kind::kMul>);
  t.Set(Op::FDIV_asimdsame_only, &ExecThreeSame<Kind::kDiv>);
  t.Set(Op::FMLA_asimdsame_only, &ExecThreeSame<Kind::kMla>);
  t.Set(Op::FMLS_asimdsame_only, &ExecThreeSame<Kind::kMls>);
  t.Set(Op::FMAX_asimdsame_only, &ExecThreeSame<Kind::kMax>);
  t.Set(Op::FMIN_asimdsame_only, &ExecThreeSame<Kind::kMin>);
  t.Set(Op::FMAXNM_asimdsame_only, &ExecThreeSame<Kind::kMaxNum>);
  t.Set(Op::FMINNM_asimdsame_only, &ExecThreeSame<Kind::kMinNum>);
  t.Set(Op::FABD_asimdsame_only, &ExecThreeSame<Kind::kAbd>);
  t.Set(Op::FMULX_asimdsame_only, &ExecThreeSame<Kind::kMulX>);
  t.Set(Op::FRECPS_asimdsame_only, &ExecThreeSame<Kind::kRecps>);
  t.Set(Op::FRSQRTS_asimdsame_only, &ExecThreeSame<Kind::kRsqrts>);
  t.Set(Op::FCMEQ_asimdsame_only, &ExecThreeSame<Kind::kCmeq>);
  t.Set(Op::FCMGE_asimdsame_only, &ExecThreeSame<Kind::kCmge>);
  t.Set(Op::FCMGT_asimdsame_only, &ExecThreeSame<Kind::kCmgt>);
  t.Set(Op::FACGE_asimdsame_only, &ExecThreeSame<Kind::kAcge>);
  t.Set(Op::FACGT_asimdsame_only, &ExecThreeSame<Kind::kAcgt>);
  t.Set(Op::FADDP_asimdsame_only, &ExecPairwise<Kind::kAdd>);
  t.Set(Op::FMAXP_asimdsame_only, &ExecPairwise<Kind::kMax>);
  t.Set(Op::FMINP_asimdsame_only, &ExecPairwise<Kind::kMin>);
  t.Set(Op::FMAXNMP_asimdsame_only, &ExecPairwise<Kind::kMaxNum>);
  t.Set(Op::FMINNMP_asimdsame_only, &ExecPairwise<Kind::kMinNum>);
}

}  // namespace a64
