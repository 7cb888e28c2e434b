// Known-answer tests of whole algorithms on the engine under test
// (tests/support/test_machine.h), one instruction at a time (the glue the
// real code does with EOR/ADD/MOV is done here in C++, so only the crypto
// instructions are exercised):
//   AES-128 encryption (AESE/AESMC chain) and decryption (AESD/AESIMC chain)
//     against FIPS-197 Appendix B and C.1;
//   SHA-256("abc") with SHA256H/SHA256H2/SHA256SU0/SHA256SU1 and SHA-1("abc")
//     with SHA1C/SHA1P/SHA1M/SHA1H/SHA1SU0/SHA1SU1 against FIPS 180-2
//     Appendix B.1 / A.1.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>

#include "frontend/semantics/crypto/crypto_aes.h"
#include "tests/support/test_machine.h"

namespace a64 {
namespace {

using Block = std::array<uint8_t, 16>;

class Crypto : public ::testing::Test {
 protected:
  // Executes one instruction; fails the test on an exception.
  void Exec(uint32_t word) {
    m_.LoadCode({word});
    ASSERT_EQ(m_.Run(1), StopReason::kInsnLimit) << std::hex << word;
  }
  void SetBlock(unsigned v, const Block& b) { std::memcpy(m_.cpu.st.v[v].b, b.data(), 16); }
  Block GetBlock(unsigned v) {
    Block b;
    std::memcpy(b.data(), m_.cpu.st.v[v].b, 16);
    return b;
  }
  VReg& V(unsigned n) { return m_.cpu.st.v[n]; }

  testing::TestMachine m_;
};

Block Hex(const char* s) {
  Block b{};
  for (int i = 0; i < 16; ++i) b[i] = static_cast<uint8_t>(std::stoul(std::string(s + 2 * i, 2), nullptr, 16));
  return b;
}

// FIPS-197 5.2 KeyExpansion for Nk = 4: eleven round keys, each the 16 bytes
// w[4r..4r+3] in order (the byte order of the state).
std::array<Block, 11> ExpandKey(const Block& key) {
  uint8_t w[44][4];
  std::memcpy(w, key.data(), 16);
  uint8_t rcon = 1;
  for (int i = 4; i < 44; ++i) {
    uint8_t t[4];
    std::memcpy(t, w[i - 1], 4);
    if (i % 4 == 0) {
      AesState s{};
      const uint8_t rot[4] = {t[1], t[2], t[3], t[0]};  // RotWord
      for (int k = 0; k < 4; ++k) s[k] = rot[k];
      s = AesSubBytes(s);  // SubWord
      for (int k = 0; k < 4; ++k) t[k] = s[k];
      t[0] ^= rcon;
      rcon = static_cast<uint8_t>((rcon << 1) ^ ((rcon & 0x80) ? 0x1b : 0));
    }
    for (int k = 0; k < 4; ++k) w[i][k] = w[i - 4][k] ^ t[k];
  }
  std::array<Block, 11> rk;
  for (int r = 0; r < 11; ++r) std::memcpy(rk[r].data(), w[4 * r], 16);
  return rk;
}

Block Xor(Block a, const Block& b) {
  for (int i = 0; i < 16; ++i) a[i] ^= b[i];
  return a;
}

constexpr uint32_t kAese = 0x4e284800, kAesd = 0x4e285800, kAesmc = 0x4e286800,
                   kAesimc = 0x4e287800;
uint32_t Two(uint32_t base, unsigned d, unsigned n) { return base | n << 5 | d; }
uint32_t Three(uint32_t base, unsigned d, unsigned n, unsigned m) {
  return base | m << 16 | n << 5 | d;
}

struct AesVector {
  const char* key;
  const char* plain;
  const char* cipher;
};
constexpr AesVector kAesVectors[] = {
    // FIPS-197 Appendix B.
    {"2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734",
     "3925841d02dc09fbdc118597196a0b32"},
    // FIPS-197 Appendix C.1 (AES-128).
    {"000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
     "69c4e0d86a7b0430d8cdb78070b4c55a"},
};

TEST_F(Crypto, Aes128EncryptFips197) {
  for (const AesVector& t : kAesVectors) {
    const auto rk = ExpandKey(Hex(t.key));
    SetBlock(0, Hex(t.plain));
    // Rounds 1..9: AESE (AddRoundKey, ShiftRows, SubBytes) then AESMC.
    for (int r = 0; r < 9; ++r) {
      SetBlock(1, rk[r]);
      Exec(Two(kAese, 0, 1));
      Exec(Two(kAesmc, 0, 0));
    }
    SetBlock(1, rk[9]);
    Exec(Two(kAese, 0, 1));  // final round: no MixColumns
    EXPECT_EQ(Xor(GetBlock(0), rk[10]), Hex(t.cipher)) << t.key;
  }
}

TEST_F(Crypto, Aes128DecryptFips197) {
  for (const AesVector& t : kAesVectors) {
    const auto rk = ExpandKey(Hex(t.key));
    SetBlock(0, Hex(t.cipher));
    // Equivalent inverse cipher (FIPS-197 5.3.5): AESD with k10, then for
    // r = 9..1 AESIMC and AESD with InvMixColumns(k_r) computed by AESIMC.
    SetBlock(1, rk[10]);
    Exec(Two(kAesd, 0, 1));
    for (int r = 9; r >= 1; --r) {
      SetBlock(2, rk[r]);
      Exec(Two(kAesimc, 1, 2));
      Exec(Two(kAesimc, 0, 0));
      Exec(Two(kAesd, 0, 1));
    }
    EXPECT_EQ(Xor(GetBlock(0), rk[0]), Hex(t.plain)) << t.key;
  }
}

// SHA-256 round constants: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes (FIPS 180-2 4.2.2).
std::array<uint32_t, 64> Sha256K() {
  std::array<uint32_t, 64> k{};
  int found = 0;
  for (int p = 2; found < 64; ++p) {
    bool prime = true;
    for (int q = 2; q * q <= p; ++q) prime = prime && p % q != 0;
    if (!prime) continue;
    const long double c = std::cbrt(static_cast<long double>(p));
    k[found++] = static_cast<uint32_t>(std::ldexp(c - std::floor(c), 32));
  }
  return k;
}

// The padded one-block message "abc" as 16 big-endian words.
std::array<uint32_t, 16> AbcBlock() {
  std::array<uint32_t, 16> w{};
  w[0] = 0x61626380;
  w[15] = 24;  // length in bits
  return w;
}

TEST_F(Crypto, Sha256AbcFips180) {
  const auto k = Sha256K();
  ASSERT_EQ(k[0], 0x428a2f98u);
  ASSERT_EQ(k[63], 0xc67178f2u);
  const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto w = AbcBlock();
  for (int i = 0; i < 4; ++i) {
    V(0).s[i] = h0[i];      // ABCD
    V(1).s[i] = h0[4 + i];  // EFGH
    for (int j = 0; j < 4; ++j) V(4 + j).s[i] = w[4 * j + i];  // W in v4..v7
  }
  for (int g = 0; g < 16; ++g) {
    const unsigned wg = 4 + g % 4;
    for (int i = 0; i < 4; ++i) V(2).s[i] = V(wg).s[i] + k[4 * g + i];
    V(3) = V(0);
    Exec(Three(0x5e004000, 0, 1, 2));  // sha256h q0, q1, v2.4s
    Exec(Three(0x5e005000, 1, 3, 2));  // sha256h2 q1, q3, v2.4s
    if (g < 12) {
      Exec(Two(0x5e282800, wg, 4 + (g + 1) % 4));                       // sha256su0
      Exec(Three(0x5e006000, wg, 4 + (g + 2) % 4, 4 + (g + 3) % 4));  // sha256su1
    }
  }
  const uint32_t expected[8] = {0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
                                0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(V(0).s[i] + h0[i], expected[i]) << i;
    EXPECT_EQ(V(1).s[i] + h0[4 + i], expected[4 + i]) << 4 + i;
  }
}

TEST_F(Crypto, Sha1AbcFips180) {
  const uint32_t h0[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  const uint32_t kK[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
  const auto w = AbcBlock();
  for (int i = 0; i < 4; ++i) {
    V(0).s[i] = h0[i];
    for (int j = 0; j < 4; ++j) V(4 + j).s[i] = w[4 * j + i];
  }
  V(16) = VReg{};
  V(16).s[0] = h0[4];  // E
  unsigned e = 16;
  for (int g = 0; g < 20; ++g) {
    const unsigned wg = 4 + g % 4;
    for (int i = 0; i < 4; ++i) V(2).s[i] = V(wg).s[i] + kK[g / 5];
    const unsigned e_next = e ^ 1;  // v16 / v17
    Exec(Two(0x5e280800, e_next, 0));  // sha1h s<e_next>, s0
    // Rounds 0-19 choose, 20-39 parity, 40-59 majority, 60-79 parity.
    const uint32_t op = g < 5 ? 0x5e000000 : g < 10 ? 0x5e001000 : g < 15 ? 0x5e002000 : 0x5e001000;
    Exec(Three(op, 0, e, 2));
    e = e_next;
    if (g < 16) {
      Exec(Three(0x5e003000, wg, 4 + (g + 1) % 4, 4 + (g + 2) % 4));  // sha1su0
      Exec(Two(0x5e281800, wg, 4 + (g + 3) % 4));                       // sha1su1
    }
  }
  const uint32_t expected[5] = {0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c, 0x9cd0d89d};
  for (int i = 0; i < 4; ++i) EXPECT_EQ(V(0).s[i] + h0[i], expected[i]) << i;
  EXPECT_EQ(V(e).s[0] + h0[4], expected[4]);
}

}  // namespace
}  // namespace a64
