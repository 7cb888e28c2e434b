// The AES round functions of the ARM ARM (shared/functions/crypto: AESSubBytes,
// AESShiftRows, AESMixColumns and their inverses) on a 128-bit state held as
// 16 bytes, byte i = bits 8i+7:8i. The state matrix is column-major as in
// FIPS-197: byte 4c+r is row r of column c.
#pragma once

#include <array>
#include <cstdint>

namespace a64 {

using AesState = std::array<uint8_t, 16>;

AesState AesSubBytes(const AesState& s);
AesState AesInvSubBytes(const AesState& s);
AesState AesShiftRows(const AesState& s);
AesState AesInvShiftRows(const AesState& s);
AesState AesMixColumns(const AesState& s);
AesState AesInvMixColumns(const AesState& s);

}  // namespace a64
