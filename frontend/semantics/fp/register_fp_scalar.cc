// Registers the semantics of the scalar floating-point encodings. Encodings of
// fp_scalar.inc, simd_scalar.inc and crypto.inc not listed here (FJCVTZS, the
// Advanced SIMD scalar and crypto instructions) execute as UNDEFINED.
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/fp/fp_exec.h"

namespace a64 {

void RegisterFpScalar(ExecTable& t) {
#define A64_FP_SD(prefix, suffix, fn)   \
  t.Set(Op::prefix##_S_##suffix, &fn); \
  t.Set(Op::prefix##_D_##suffix, &fn);
  // Data-processing (1 source).
  A64_FP_SD(FMOV, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FABS, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FNEG, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FSQRT, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTN, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTP, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTM, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTZ, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTA, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTX, floatdp1, ExecFpDataProc1)
  A64_FP_SD(FRINTI, floatdp1, ExecFpDataProc1)
  t.Set(Op::FCVT_DS_floatdp1, &ExecFpConvertPrecision);
  t.Set(Op::FCVT_HS_floatdp1, &ExecFpConvertPrecision);
  t.Set(Op::FCVT_SD_floatdp1, &ExecFpConvertPrecision);
  t.Set(Op::FCVT_HD_floatdp1, &ExecFpConvertPrecision);
  t.Set(Op::FCVT_SH_floatdp1, &ExecFpConvertPrecision);
  t.Set(Op::FCVT_DH_floatdp1, &ExecFpConvertPrecision);
  // Data-processing (2 source).
  A64_FP_SD(FMUL, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FDIV, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FADD, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FSUB, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FMAX, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FMIN, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FMAXNM, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FMINNM, floatdp2, ExecFpDataProc2)
  A64_FP_SD(FNMUL, floatdp2, ExecFpDataProc2)
  // Data-processing (3 source).
  A64_FP_SD(FMADD, floatdp3, ExecFpDataProc3)
  A64_FP_SD(FMSUB, floatdp3, ExecFpDataProc3)
  A64_FP_SD(FNMADD, floatdp3, ExecFpDataProc3)
  A64_FP_SD(FNMSUB, floatdp3, ExecFpDataProc3)
  // Compare, conditional compare, conditional select, immediate.
  A64_FP_SD(FCMP, floatcmp, ExecFpCompare)
  A64_FP_SD(FCMPE, floatcmp, ExecFpCompare)
  t.Set(Op::FCMP_SZ_floatcmp, &ExecFpCompare);
  t.Set(Op::FCMP_DZ_floatcmp, &ExecFpCompare);
  t.Set(Op::FCMPE_SZ_floatcmp, &ExecFpCompare);
  t.Set(Op::FCMPE_DZ_floatcmp, &ExecFpCompare);
  A64_FP_SD(FCCMP, floatccmp, ExecFpCondCompare)
  A64_FP_SD(FCCMPE, floatccmp, ExecFpCondCompare)
  A64_FP_SD(FCSEL, floatsel, ExecFpCondSelect)
  A64_FP_SD(FMOV, floatimm, ExecFpMoveImm)
#undef A64_FP_SD

  // Conversions between floating-point and integer / fixed-point.
#define A64_FP_CVT(prefix, suffix, fn)         \
  t.Set(Op::prefix##_32S_##suffix, &fn);       \
  t.Set(Op::prefix##_32D_##suffix, &fn);       \
  t.Set(Op::prefix##_64S_##suffix, &fn);       \
  t.Set(Op::prefix##_64D_##suffix, &fn);
#define A64_FP_ICVT(prefix, suffix, fn)        \
  t.Set(Op::prefix##_S32_##suffix, &fn);       \
  t.Set(Op::prefix##_D32_##suffix, &fn);       \
  t.Set(Op::prefix##_S64_##suffix, &fn);       \
  t.Set(Op::prefix##_D64_##suffix, &fn);
  A64_FP_CVT(FCVTNS, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTNU, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTAS, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTAU, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTPS, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTPU, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTMS, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTMU, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTZS, float2int, ExecFpToInt)
  A64_FP_CVT(FCVTZU, float2int, ExecFpToInt)
  A64_FP_ICVT(SCVTF, float2int, ExecIntToFp)
  A64_FP_ICVT(UCVTF, float2int, ExecIntToFp)
  A64_FP_CVT(FCVTZS, float2fix, ExecFpToFixed)
  A64_FP_CVT(FCVTZU, float2fix, ExecFpToFixed)
  A64_FP_ICVT(SCVTF, float2fix, ExecFixedToFp)
  A64_FP_ICVT(UCVTF, float2fix, ExecFixedToFp)
#undef A64_FP_CVT
#undef A64_FP_ICVT
  t.Set(Op::FMOV_32S_float2int, &ExecFpMoveGeneral);
  t.Set(Op::FMOV_S32_float2int, &ExecFpMoveGeneral);
  t.Set(Op::FMOV_64D_float2int, &ExecFpMoveGeneral);
  t.Set(Op::FMOV_D64_float2int, &ExecFpMoveGeneral);
  t.Set(Op::FMOV_64VX_float2int, &ExecFpMoveGeneral);
  t.Set(Op::FMOV_V64I_float2int, &ExecFpMoveGeneral);
}

}  // namespace a64
