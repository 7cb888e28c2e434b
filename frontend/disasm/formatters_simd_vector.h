// Formatters of the Advanced SIMD vector classes and structure loads/stores.
#pragma once

#include <string>

#include "frontend/disasm/disasm_context.h"

namespace a64 {

// ---- Shared helpers (fmt_simd_common.cc) ------------------------------------
// Arrangement of an integer vector: size (0..3) and Q -> "8b".."2d" ("1d" too).
const char* SimdArr(unsigned size, bool q);
// Arrangement of an FP vector: sz (0 single, 1 double) and Q.
const char* SimdFpArr(unsigned sz, bool q);
// Element size letter for size 0..3: b, h, s, d.
char SimdElemChar(unsigned size);
// "v3.s[1]"
std::string VRegLane(unsigned n, char elem, unsigned index);
// "{ v0.16b, v1.16b }" with register numbers wrapping modulo 32.
std::string VRegList(unsigned first, unsigned count, const std::string& arrangement);
// Appends "2" to the mnemonic of a Q == 1 narrowing/lengthening form.
void SimdMnemonicQ2(Disasm& d);

// ---- Three same, permute, extract, table (fmt_simd_same.cc) ----------------
void FmtVSame(Disasm& d);
void FmtVSameB(Disasm& d);
void FmtVOrr(Disasm& d);
void FmtVSameFp(Disasm& d);
void FmtVFcmla(Disasm& d);
void FmtVFcadd(Disasm& d);
void FmtVExt(Disasm& d);
void FmtVTbl(Disasm& d);

// ---- Two-register misc, across lanes (fmt_simd_misc.cc) --------------------
void FmtVMisc(Disasm& d);
void FmtVMiscB(Disasm& d);
void FmtVNot(Disasm& d);
void FmtVMiscZero(Disasm& d);
void FmtVMiscLongPair(Disasm& d);
void FmtVMiscNarrow(Disasm& d);
void FmtVShll(Disasm& d);
void FmtVMiscFp(Disasm& d);
void FmtVMiscFpZero(Disasm& d);
void FmtVFcvtn(Disasm& d);
void FmtVFcvtl(Disasm& d);
void FmtVAcross(Disasm& d);
void FmtVAcrossLong(Disasm& d);
void FmtVAcrossFp(Disasm& d);

// ---- Three different (fmt_simd_diff.cc) --------------------------------------
void FmtVDiffL(Disasm& d);
void FmtVDiffW(Disasm& d);
void FmtVDiffN(Disasm& d);

// ---- Modified immediate, shift by immediate (fmt_simd_imm.cc) --------------
void FmtVImmByte(Disasm& d);
void FmtVImmShifted(Disasm& d);
void FmtVImmMsl(Disasm& d);
void FmtVImmD(Disasm& d);
void FmtVImmFmov(Disasm& d);
void FmtVShr(Disasm& d);
void FmtVShl(Disasm& d);
void FmtVShrNarrow(Disasm& d);
void FmtVShllImm(Disasm& d);

// ---- By element, copy (fmt_simd_elem.cc) -----------------------------------
void FmtVElem(Disasm& d);
void FmtVElemLong(Disasm& d);
void FmtVElemFp(Disasm& d);
void FmtVElemFcmla(Disasm& d);
void FmtVDupElem(Disasm& d);
void FmtVDupGen(Disasm& d);
void FmtVInsGen(Disasm& d);
void FmtVInsElem(Disasm& d);
void FmtVUmov(Disasm& d);
void FmtVSmov(Disasm& d);

// ---- Structure loads/stores (fmt_simd_ldst.cc) -------------------------------
void FmtLdStMulti(Disasm& d);
void FmtLdStSingle(Disasm& d);
void FmtLdStRep(Disasm& d);

}  // namespace a64
