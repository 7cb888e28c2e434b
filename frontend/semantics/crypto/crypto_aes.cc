// AESE, AESD, AESMC, AESIMC (ARM ARM C7.2) and the AES round functions they
// use. The S-boxes are computed from their FIPS-197 definition (5.1.1:
// multiplicative inverse in GF(2^8) followed by the affine transformation).
#include "frontend/semantics/crypto/crypto_aes.h"

#include "frontend/bits.h"
#include "frontend/semantics/crypto/crypto_exec.h"

namespace a64 {
namespace {

// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2).
constexpr uint8_t GfMul(uint8_t a, uint8_t b) {
  uint8_t p = 0;
  for (int i = 0; i < 8; ++i) {
    if (b & 1) p ^= a;
    const bool carry = a & 0x80;
    a = static_cast<uint8_t>(a << 1);
    if (carry) a ^= 0x1b;
    b >>= 1;
  }
  return p;
}

constexpr uint8_t Rotl8(uint8_t x, int n) {
  return static_cast<uint8_t>((x << n) | (x >> (8 - n)));
}

struct SBoxes {
  uint8_t fwd[256];
  uint8_t inv[256];
};

constexpr SBoxes MakeSBoxes() {
  // Inverses through the powers of the generator {03}: x = g^i, x^-1 = g^(255-i).
  uint8_t pow[255] = {};
  uint8_t log[256] = {};
  uint8_t p = 1;
  for (int i = 0; i < 255; ++i) {
    pow[i] = p;
    log[p] = static_cast<uint8_t>(i);
    p = GfMul(p, 0x03);
  }
  SBoxes t{};
  for (int x = 0; x < 256; ++x) {
    const uint8_t b = x == 0 ? 0 : pow[(255 - log[x]) % 255];  // 0 maps to 0
    const uint8_t s = static_cast<uint8_t>(b ^ Rotl8(b, 1) ^ Rotl8(b, 2) ^ Rotl8(b, 3) ^
                                           Rotl8(b, 4) ^ 0x63);
    t.fwd[x] = s;
    t.inv[s] = static_cast<uint8_t>(x);
  }
  return t;
}

constexpr SBoxes kSBoxes = MakeSBoxes();
static_assert(kSBoxes.fwd[0x00] == 0x63 && kSBoxes.fwd[0x53] == 0xed);

// Column c of the state, rows 0..3, multiplied by the circulant matrix whose
// first row is m.
AesState MixWith(const AesState& s, const uint8_t (&m)[4]) {
  AesState r{};
  for (int c = 0; c < 4; ++c) {
    for (int row = 0; row < 4; ++row) {
      uint8_t acc = 0;
      for (int k = 0; k < 4; ++k) acc ^= GfMul(m[(k - row + 4) % 4], s[4 * c + k]);
      r[4 * c + row] = acc;
    }
  }
  return r;
}

AesState ReadState(const Cpu& c, unsigned n) {
  AesState s;
  for (int i = 0; i < 16; ++i) s[i] = c.st.v[n].b[i];
  return s;
}
void WriteState(Cpu& c, unsigned d, const AesState& s) {
  for (int i = 0; i < 16; ++i) c.st.v[d].b[i] = s[i];
}

unsigned Rd(uint32_t insn) { return Bits(insn, 4, 0); }
unsigned Rn(uint32_t insn) { return Bits(insn, 9, 5); }

// operand1 EOR operand2 (AESE/AESD: V[d] EOR V[n]).
AesState XorState(const Cpu& c, unsigned d, unsigned n) {
  AesState s = ReadState(c, d);
  const AesState k = ReadState(c, n);
  for (int i = 0; i < 16; ++i) s[i] ^= k[i];
  return s;
}

}  // namespace

AesState AesSubBytes(const AesState& s) {
  AesState r;
  for (int i = 0; i < 16; ++i) r[i] = kSBoxes.fwd[s[i]];
  return r;
}
AesState AesInvSubBytes(const AesState& s) {
  AesState r;
  for (int i = 0; i < 16; ++i) r[i] = kSBoxes.inv[s[i]];
  return r;
}
// Row r is rotated left by r columns: s'[r, c] = s[r, (c + r) mod 4].
AesState AesShiftRows(const AesState& s) {
  AesState r;
  for (int c = 0; c < 4; ++c)
    for (int row = 0; row < 4; ++row) r[4 * c + row] = s[4 * ((c + row) % 4) + row];
  return r;
}
AesState AesInvShiftRows(const AesState& s) {
  AesState r;
  for (int c = 0; c < 4; ++c)
    for (int row = 0; row < 4; ++row) r[4 * ((c + row) % 4) + row] = s[4 * c + row];
  return r;
}
// FIPS-197 5.1.3: a(x) = {03}x^3 + {01}x^2 + {01}x + {02}.
AesState AesMixColumns(const AesState& s) {
  static constexpr uint8_t kRow0[4] = {0x02, 0x03, 0x01, 0x01};
  return MixWith(s, kRow0);
}
// FIPS-197 5.3.3: a^-1(x) = {0b}x^3 + {0d}x^2 + {09}x + {0e}.
AesState AesInvMixColumns(const AesState& s) {
  static constexpr uint8_t kRow0[4] = {0x0e, 0x0b, 0x0d, 0x09};
  return MixWith(s, kRow0);
}

// AESE: V[d] = AESSubBytes(AESShiftRows(V[d] EOR V[n])).
ExecStatus ExecAese(Cpu& cpu, uint32_t insn) {
  WriteState(cpu, Rd(insn), AesSubBytes(AesShiftRows(XorState(cpu, Rd(insn), Rn(insn)))));
  return ExecStatus::kNext;
}
// AESD: V[d] = AESInvSubBytes(AESInvShiftRows(V[d] EOR V[n])).
ExecStatus ExecAesd(Cpu& cpu, uint32_t insn) {
  WriteState(cpu, Rd(insn), AesInvSubBytes(AesInvShiftRows(XorState(cpu, Rd(insn), Rn(insn)))));
  return ExecStatus::kNext;
}
// AESMC: V[d] = AESMixColumns(V[n]).
ExecStatus ExecAesmc(Cpu& cpu, uint32_t insn) {
  WriteState(cpu, Rd(insn), AesMixColumns(ReadState(cpu, Rn(insn))));
  return ExecStatus::kNext;
}
// AESIMC: V[d] = AESInvMixColumns(V[n]).
ExecStatus ExecAesimc(Cpu& cpu, uint32_t insn) {
  WriteState(cpu, Rd(insn), AesInvMixColumns(ReadState(cpu, Rn(insn))));
  return ExecStatus::kNext;
}

}  // namespace a64
