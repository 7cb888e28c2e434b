// End-to-end program for crypto_user_test: AES-128, SHA-1 and SHA-256 with
// the arm_neon.h crypto intrinsics, FJCVTZS and FCVT with FPCR.AHP = 1. Prints
// results (identical under a64sim and qemu-aarch64 is the test) and checks
// the FIPS known answers itself ("FAIL" lines, exit status 1).
// Build: aarch64-linux-gnu-gcc -static -O2 -march=armv8.3-a+crypto
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void PrintHex(const char* label, const uint8_t* p, size_t n) {
  printf("%s ", label);
  for (size_t i = 0; i < n; ++i) printf("%02x", p[i]);
  printf("\n");
}
static void Check(const char* what, const uint8_t* got, const char* hex) {
  char buf[129];
  size_t n = strlen(hex) / 2;
  for (size_t i = 0; i < n; ++i) sprintf(buf + 2 * i, "%02x", got[i]);
  if (memcmp(buf, hex, 2 * n) != 0) {
    printf("FAIL %s\n", what);
    ++failures;
  } else {
    printf("ok %s\n", what);
  }
}
static void FromHex(uint8_t* out, const char* hex) {
  for (size_t i = 0; hex[2 * i]; ++i) sscanf(hex + 2 * i, "%2hhx", &out[i]);
}

// ---- AES-128 -------------------------------------------------------------
// SubWord(w) with AESE and a zero key: the four columns are equal, so
// ShiftRows leaves them in place and lane 0 is SubBytes of w.
static uint32_t SubWord(uint32_t w) {
  uint8x16_t s = vaeseq_u8(vreinterpretq_u8_u32(vdupq_n_u32(w)), vdupq_n_u8(0));
  return vgetq_lane_u32(vreinterpretq_u32_u8(s), 0);
}
static void ExpandKey(const uint8_t key[16], uint8x16_t rk[11]) {
  uint32_t w[44];
  memcpy(w, key, 16);
  uint32_t rcon = 1;
  for (int i = 4; i < 44; ++i) {
    uint32_t t = w[i - 1];
    if (i % 4 == 0) {
      t = SubWord((t >> 8) | (t << 24)) ^ rcon;  // RotWord on little-endian bytes
      rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
    }
    w[i] = w[i - 4] ^ t;
  }
  for (int r = 0; r < 11; ++r) rk[r] = vld1q_u8((const uint8_t*)&w[4 * r]);
}
static uint8x16_t Encrypt(uint8x16_t s, const uint8x16_t rk[11]) {
  for (int r = 0; r < 9; ++r) s = vaesmcq_u8(vaeseq_u8(s, rk[r]));
  return veorq_u8(vaeseq_u8(s, rk[9]), rk[10]);
}
static uint8x16_t Decrypt(uint8x16_t s, const uint8x16_t rk[11]) {
  s = vaesdq_u8(s, rk[10]);
  for (int r = 9; r >= 1; --r) s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(rk[r]));
  return veorq_u8(s, rk[0]);
}

// ---- SHA-256 -------------------------------------------------------------
static uint32_t kK256[64], kH256[8];
// floor(root * 2^32) mod 2^32 of the first primes, exactly, by integer search.
static uint64_t IRoot(unsigned __int128 v, int cube) {
  uint64_t lo = 0, hi = 1ull << 43;
  while (hi - lo > 1) {
    uint64_t mid = (lo + hi) / 2;
    unsigned __int128 p = (unsigned __int128)mid * mid;
    if (cube) p *= mid;
    if (p <= v) lo = mid; else hi = mid;
  }
  return lo;
}
static void InitSha256Constants(void) {
  int n = 0;
  for (unsigned p = 2; n < 64; ++p) {
    int prime = 1;
    for (unsigned q = 2; q * q <= p; ++q) prime &= p % q != 0;
    if (!prime) continue;
    kK256[n] = (uint32_t)IRoot((unsigned __int128)p << 96, 1);
    if (n < 8) kH256[n] = (uint32_t)IRoot((unsigned __int128)p << 64, 0);
    ++n;
  }
}
static void Sha256Block(uint32_t st[8], const uint8_t* p) {
  uint32x4_t abcd = vld1q_u32(st), efgh = vld1q_u32(st + 4);
  const uint32x4_t abcd0 = abcd, efgh0 = efgh;
  uint32x4_t m[4];
  for (int i = 0; i < 4; ++i) m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
  for (int g = 0; g < 16; ++g) {
    const uint32x4_t t = vaddq_u32(m[g % 4], vld1q_u32(kK256 + 4 * g));
    const uint32x4_t a = abcd;
    abcd = vsha256hq_u32(abcd, efgh, t);
    efgh = vsha256h2q_u32(efgh, a, t);
    if (g < 12)
      m[g % 4] = vsha256su1q_u32(vsha256su0q_u32(m[g % 4], m[(g + 1) % 4]), m[(g + 2) % 4],
                                 m[(g + 3) % 4]);
  }
  vst1q_u32(st, vaddq_u32(abcd, abcd0));
  vst1q_u32(st + 4, vaddq_u32(efgh, efgh0));
}

// ---- SHA-1 ---------------------------------------------------------------
static void Sha1Block(uint32_t st[5], const uint8_t* p) {
  static const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
  uint32x4_t abcd = vld1q_u32(st);
  const uint32x4_t abcd0 = abcd;
  uint32_t e = st[4];
  uint32x4_t m[4];
  for (int i = 0; i < 4; ++i) m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
  for (int g = 0; g < 20; ++g) {
    const uint32x4_t t = vaddq_u32(m[g % 4], vdupq_n_u32(k[g / 5]));
    const uint32_t e_next = vsha1h_u32(vgetq_lane_u32(abcd, 0));
    if (g < 5) abcd = vsha1cq_u32(abcd, e, t);
    else if (g < 10 || g >= 15) abcd = vsha1pq_u32(abcd, e, t);
    else abcd = vsha1mq_u32(abcd, e, t);
    e = e_next;
    if (g < 16)
      m[g % 4] = vsha1su1q_u32(vsha1su0q_u32(m[g % 4], m[(g + 1) % 4], m[(g + 2) % 4]),
                               m[(g + 3) % 4]);
  }
  vst1q_u32(st, vaddq_u32(abcd, abcd0));
  st[4] += e;
}

// Merkle-Damgard padding shared by both hashes; `block` is the compression.
static void Hash(const uint8_t* msg, size_t len, uint32_t* st, int words,
                 void (*block)(uint32_t*, const uint8_t*), uint8_t* digest) {
  uint8_t buf[128];
  size_t i = 0;
  for (; i + 64 <= len; i += 64) block(st, msg + i);
  size_t rest = len - i;
  memset(buf, 0, sizeof buf);
  memcpy(buf, msg + i, rest);
  buf[rest] = 0x80;
  size_t total = rest + 9 <= 64 ? 64 : 128;
  uint64_t bits = (uint64_t)len * 8;
  for (int b = 0; b < 8; ++b) buf[total - 1 - b] = (uint8_t)(bits >> (8 * b));
  for (size_t o = 0; o < total; o += 64) block(st, buf + o);
  for (int w = 0; w < words; ++w)
    for (int b = 0; b < 4; ++b) digest[4 * w + b] = (uint8_t)(st[w] >> (24 - 8 * b));
}
static void Sha256(const uint8_t* msg, size_t len, uint8_t out[32]) {
  uint32_t st[8];
  memcpy(st, kH256, sizeof st);
  Hash(msg, len, st, 8, Sha256Block, out);
}
static void Sha1(const uint8_t* msg, size_t len, uint8_t out[20]) {
  uint32_t st[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  Hash(msg, len, st, 5, Sha1Block, out);
}

// ---- FJCVTZS and FCVT with AHP -------------------------------------------
static int32_t Jcvt(double d, unsigned* nzcv) {
  int32_t r;
  uint64_t flags;
  __asm__ volatile("fjcvtzs %w0, %d2\n\tmrs %1, nzcv" : "=r"(r), "=r"(flags) : "w"(d) : "cc");
  *nzcv = (unsigned)(flags >> 28);
  return r;
}
static uint16_t ToHalfAhp(float f, uint64_t* fpsr) {
  uint32_t h;
  __asm__ volatile(
      "mrs x9, fpcr\n\torr x10, x9, #(1 << 26)\n\tmsr fpcr, x10\n\tmsr fpsr, xzr\n\t"
      "fcvt h1, %s2\n\tfmov %w0, s1\n\tmrs %1, fpsr\n\tmsr fpcr, x9"
      : "=r"(h), "=r"(*fpsr) : "w"(f) : "x9", "x10", "v1");
  return (uint16_t)h;
}
static float FromHalfAhp(uint16_t h) {
  float f;
  __asm__ volatile(
      "mrs x9, fpcr\n\torr x10, x9, #(1 << 26)\n\tmsr fpcr, x10\n\t"
      "fmov s1, %w1\n\tfcvt %s0, h1\n\tmsr fpcr, x9"
      : "=w"(f) : "r"((uint32_t)h) : "x9", "x10", "v1");
  return f;
}

int main(void) {
  InitSha256Constants();
  // FIPS-197 Appendix B and C.1.
  static const char* kAes[][3] = {
      {"2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734",
       "3925841d02dc09fbdc118597196a0b32"},
      {"000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
       "69c4e0d86a7b0430d8cdb78070b4c55a"},
  };
  for (int t = 0; t < 2; ++t) {
    uint8_t key[16], pt[16], out[16];
    FromHex(key, kAes[t][0]);
    FromHex(pt, kAes[t][1]);
    uint8x16_t rk[11];
    ExpandKey(key, rk);
    vst1q_u8(out, Encrypt(vld1q_u8(pt), rk));
    PrintHex("aes128-encrypt", out, 16);
    Check("FIPS-197 AES-128 encrypt", out, kAes[t][2]);
    vst1q_u8(out, Decrypt(vld1q_u8(out), rk));
    Check("FIPS-197 AES-128 decrypt", out, kAes[t][1]);
  }
  // AES-128-CBC over 4 KiB, summarized by SHA-256.
  static uint8_t data[4096];
  for (size_t i = 0; i < sizeof data; ++i) data[i] = (uint8_t)(i * 131 + (i >> 7));
  {
    uint8_t key[16];
    FromHex(key, "000102030405060708090a0b0c0d0e0f");
    uint8x16_t rk[11];
    ExpandKey(key, rk);
    uint8x16_t iv = vdupq_n_u8(0xa5);
    for (size_t o = 0; o < sizeof data; o += 16) {
      iv = Encrypt(veorq_u8(vld1q_u8(data + o), iv), rk);
      vst1q_u8(data + o, iv);
    }
    uint8_t d[32];
    Sha256(data, sizeof data, d);
    PrintHex("aes128-cbc-4k-sha256", d, 32);
  }
  uint8_t d[32];
  Sha256((const uint8_t*)"abc", 3, d);
  PrintHex("sha256(abc)", d, 32);
  Check("FIPS 180-2 SHA-256 abc", d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256((const uint8_t*)"", 0, d);
  Check("SHA-256 empty", d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const char* two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  Sha256((const uint8_t*)two, strlen(two), d);
  Check("FIPS 180-2 SHA-256 two blocks", d,
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha1((const uint8_t*)"abc", 3, d);
  PrintHex("sha1(abc)", d, 20);
  Check("FIPS 180-2 SHA-1 abc", d, "a9993e364706816aba3e25717850c26c9cd0d89d");
  Sha1((const uint8_t*)two, strlen(two), d);
  Check("FIPS 180-2 SHA-1 two blocks", d, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  Sha1(data, sizeof data, d);
  PrintHex("sha1(cbc-4k)", d, 20);

  static const double kJs[] = {0.0, -0.0, 1.5, -1.5, 2147483647.0, 2147483648.0, -2147483648.0,
                               -2147483649.0, 4294967296.0 + 5, 9007199254740993.0, 1e300,
                               -1e300, 5e-324, -5e-324, 0.999999, -0.999999, 1e10 + 0.25,
                               __builtin_inf(), -__builtin_inf(), __builtin_nan("")};
  for (size_t i = 0; i < sizeof kJs / sizeof kJs[0]; ++i) {
    unsigned nzcv;
    int32_t r = Jcvt(kJs[i], &nzcv);
    printf("fjcvtzs %a -> %d nzcv=%x\n", kJs[i], r, nzcv);
  }
  static const float kAhp[] = {1.0f, 65504.0f, 65536.0f, 98304.0f, 131008.0f, 131072.0f,
                               -200000.0f, 6e-8f, __builtin_inff(), __builtin_nanf("")};
  for (size_t i = 0; i < sizeof kAhp / sizeof kAhp[0]; ++i) {
    uint64_t fpsr;
    uint16_t h = ToHalfAhp(kAhp[i], &fpsr);
    printf("fcvt-ahp %a -> %04x fpsr=%lx back %a\n", kAhp[i], h, (unsigned long)fpsr,
           FromHalfAhp(h));
  }
  printf("%s\n", failures ? "FAILED" : "all known answers ok");
  return failures ? 1 : 0;
}
