// Formatters of the scalar floating-point, Advanced SIMD scalar and crypto
// classes (fp_scalar.inc, simd_scalar.inc, crypto.inc).
#pragma once

#include "frontend/disasm/disasm_context.h"

namespace a64 {

// Register letter of a scalar FP ftype field (00 s, 01 d, 11 h).
char FpTypeLetter(unsigned ftype);
// Register letter of an element size log2 (0 b, 1 h, 2 s, 3 d, 4 q).
char SizeLetter(unsigned size_log2);

// Scalar floating-point (fmt_fp_scalar.cc).
void FmtFpFixed(Disasm& d);
void FmtFpInt(Disasm& d);
void FmtFpMovTop(Disasm& d);
void FmtFpRR(Disasm& d);
void FmtFpCvt(Disasm& d);
void FmtFpCmp(Disasm& d);
void FmtFpCmpZero(Disasm& d);
void FmtFpImm(Disasm& d);
void FmtFpCcmp(Disasm& d);
void FmtFpRRR(Disasm& d);
void FmtFpCsel(Disasm& d);
void FmtFpRRRR(Disasm& d);

// Advanced SIMD scalar (fmt_simd_scalar.cc).
void FmtSisdDup(Disasm& d);
void FmtSisdSame(Disasm& d);
void FmtSisdSameFp(Disasm& d);
void FmtSisdMisc(Disasm& d);
void FmtSisdMiscZero(Disasm& d);
void FmtSisdMiscNarrow(Disasm& d);
void FmtSisdFcvtxn(Disasm& d);
void FmtSisdMiscFp(Disasm& d);
void FmtSisdMiscFpZero(Disasm& d);
void FmtSisdPair(Disasm& d);
void FmtSisdPairFp(Disasm& d);
void FmtSisdDiff(Disasm& d);
void FmtSisdShiftR(Disasm& d);
void FmtSisdShiftL(Disasm& d);
void FmtSisdShiftN(Disasm& d);
void FmtSisdShiftFcvt(Disasm& d);
void FmtSisdElem(Disasm& d);
void FmtSisdElemLong(Disasm& d);
void FmtSisdElemFp(Disasm& d);

// Cryptographic extension (fmt_crypto.cc).
void FmtCryptoAes(Disasm& d);
void FmtCryptoShaQsv(Disasm& d);
void FmtCryptoShaQqv(Disasm& d);
void FmtCryptoShaVvv(Disasm& d);
void FmtCryptoShaSs(Disasm& d);
void FmtCryptoShaVv(Disasm& d);

}  // namespace a64
