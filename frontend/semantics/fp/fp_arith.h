// Scalar floating-point arithmetic as the ARM ARM pseudocode defines it
// (shared/functions/float: FPUnpack, FPRound, FPProcessNaNs, FPToFixed, ...),
// on raw IEEE bit patterns of half, single and double precision. Every
// function reads FPCR and ORs the cumulative exception bits it raises into
// `fpsr` (floating-point exception traps are not implemented: FPCR's trap
// enable bits are treated as zero).
#pragma once

#include <cstdint>

namespace a64 {

struct FpFormat {
  unsigned n;  // total width: 16, 32 or 64
  unsigned e;  // exponent bits
  unsigned f;  // fraction bits
};
inline constexpr FpFormat kFpHalf{16, 5, 10};
inline constexpr FpFormat kFpSingle{32, 8, 23};
inline constexpr FpFormat kFpDouble{64, 11, 52};

// FPSR cumulative exception bits.
inline constexpr uint32_t kFpsrIOC = 1u << 0;
inline constexpr uint32_t kFpsrDZC = 1u << 1;
inline constexpr uint32_t kFpsrOFC = 1u << 2;
inline constexpr uint32_t kFpsrUFC = 1u << 3;
inline constexpr uint32_t kFpsrIXC = 1u << 4;
inline constexpr uint32_t kFpsrIDC = 1u << 7;
// FPCR control bits.
inline constexpr uint32_t kFpcrAHP = 1u << 26;
inline constexpr uint32_t kFpcrDN = 1u << 25;
inline constexpr uint32_t kFpcrFZ = 1u << 24;

enum class FpRounding : uint8_t { kTieEven, kPosInf, kNegInf, kZero, kTieAway };

// FPRoundingMode(): FPCR.RMode.
inline FpRounding FpcrRounding(uint32_t fpcr) { return static_cast<FpRounding>((fpcr >> 22) & 3); }

enum class FpType : uint8_t { kZero, kNonzero, kInfinity, kQNaN, kSNaN };

// FPUnpack: for kNonzero the value is (-1)^sign * mant * 2^exp exactly.
struct FpValue {
  FpType type;
  bool sign;
  int exp;
  uint64_t mant;
};
// Denormal inputs of single and double precision are flushed to zero (with
// IDC) when FPCR.FZ is set; half-precision inputs never are (FZ16 only
// applies to FEAT_FP16 arithmetic, which is not implemented).
FpValue FpUnpack(uint64_t bits, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);

uint64_t FpZero(bool sign, FpFormat fmt);
uint64_t FpInfinity(bool sign, FpFormat fmt);
uint64_t FpMaxNormal(bool sign, FpFormat fmt);
uint64_t FpDefaultNaN(FpFormat fmt);
inline bool FpIsNaN(FpType t) { return t == FpType::kQNaN || t == FpType::kSNaN; }

// FPRound: rounds (-1)^sign * (mant + sticky*epsilon) * 2^exp (mant != 0) to
// `fmt`. Honours FPCR.FZ for single/double (half: FPRoundCV ignores FZ16).
uint64_t FpRound(bool sign, int exp, uint64_t mant, bool sticky, FpFormat fmt, uint32_t fpcr,
                 FpRounding rounding, uint32_t& fpsr);

// FPProcessNaN / FPProcessNaNs / FPProcessNaNs3. Return true and set *result
// when an operand is a NaN.
uint64_t FpProcessNaN(FpType type, uint64_t op, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
bool FpProcessNaNs(const FpValue& v1, const FpValue& v2, uint64_t op1, uint64_t op2, FpFormat fmt,
                   uint32_t fpcr, uint32_t& fpsr, uint64_t* result);
bool FpProcessNaNs3(const FpValue& v1, const FpValue& v2, const FpValue& v3, uint64_t op1,
                    uint64_t op2, uint64_t op3, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr,
                    uint64_t* result);

// FPAdd, FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd (addend + op1 * op2).
uint64_t FpAdd(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpSub(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpMul(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpDiv(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpSqrt(uint64_t op, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpMulAdd(uint64_t addend, uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr,
                  uint32_t& fpsr);

// FPMax, FPMin, FPMaxNum, FPMinNum.
uint64_t FpMax(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpMin(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpMaxNum(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);
uint64_t FpMinNum(uint64_t op1, uint64_t op2, FpFormat fmt, uint32_t fpcr, uint32_t& fpsr);

// FPCompare: returns NZCV in bits 3:0.
uint32_t FpCompare(uint64_t op1, uint64_t op2, bool signal_nans, FpFormat fmt, uint32_t fpcr,
                   uint32_t& fpsr);

// FPRoundInt (FRINT*): `exact` raises Inexact (FRINTX).
uint64_t FpRoundInt(uint64_t op, FpFormat fmt, uint32_t fpcr, FpRounding rounding, bool exact,
                    uint32_t& fpsr);

// FPToFixed: `m` is the integer width (32 or 64); the result is zero-extended.
uint64_t FpToFixed(uint64_t op, FpFormat fmt, unsigned fbits, bool is_unsigned, unsigned m,
                   uint32_t fpcr, FpRounding rounding, uint32_t& fpsr);
// FixedToFP: `m`-bit integer `op` with `fbits` fraction bits.
uint64_t FixedToFp(uint64_t op, unsigned m, unsigned fbits, bool is_unsigned, FpFormat fmt,
                   uint32_t fpcr, FpRounding rounding, uint32_t& fpsr);

// FPConvert between precisions (FCVT). Honours FPCR.AHP (alternative
// half-precision format) for a 16-bit operand or result.
uint64_t FpConvert(uint64_t op, FpFormat from, FpFormat to, uint32_t fpcr, FpRounding rounding,
                   uint32_t& fpsr);

// VFPExpandImm.
uint64_t FpExpandImm(unsigned imm8, FpFormat fmt);

}  // namespace a64
