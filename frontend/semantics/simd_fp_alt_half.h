// Conversions from and to the alternative half-precision format selected by
// FPCR.AHP (ARM ARM A1.5.4 "Alternative half-precision format"; FPConvert,
// FPUnpackCV and FPRoundBase with alt_hp): no infinities or NaNs, biased
// exponent 31 encodes normal numbers up to 131008.
#pragma once

#include <cstdint>

namespace a64 {

// FPConvert(alternative half -> single/double): exact, never raises flags.
uint64_t FpConvertFromAltHalf(uint64_t op, bool to_double, uint32_t fpcr, uint32_t& fpsr);
// FPConvert(single/double -> alternative half) with FPRoundingMode(fpcr).
uint64_t FpConvertToAltHalf(uint64_t op, bool from_double, uint32_t fpcr, uint32_t& fpsr);

}  // namespace a64
