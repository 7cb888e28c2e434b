/* Crypto and CRC32 intrinsics: AESE/AESD/AESMC/AESIMC, SHA1C/P/M/H/SU0/SU1,
 * SHA256H/H2/SU0/SU1, PMULL/PMULL2 (64x64 -> 128), CRC32B/H/W/X and
 * CRC32C*. Chained over many iterations so every round feeds the next; the
 * state is printed as hex after each stage. */
#include <arm_acle.h>
#include <arm_neon.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define OPAQUE(x) __asm__ volatile("" : "+w"(x))
static void show(const char *name, const void *p, size_t n) {
  const uint8_t *b = p;
  printf("%-14s", name);
  for (size_t i = n; i-- > 0;) printf("%02x%s", b[i], i % 8 == 0 && i ? "_" : "");
  printf("\n");
}
#define SHOW(name, v)               \
  do {                              \
    __typeof__(v) t_ = (v);         \
    show(name, &t_, sizeof t_);     \
  } while (0)

static uint8_t data[4096];

int main(void) {
  uint32_t seed = 0x12345678;
  for (size_t i = 0; i < sizeof data; i++) {
    seed = seed * 1103515245 + 12345;
    data[i] = (uint8_t)(seed >> 16);
  }
  /* AES: 1000 chained encryption and decryption rounds. */
  uint8x16_t st = vld1q_u8(data), key = vld1q_u8(data + 16), dec;
  for (int i = 0; i < 1000; i++) {
    OPAQUE(key);
    st = vaesmcq_u8(vaeseq_u8(st, key));
    key = veorq_u8(key, vextq_u8(st, key, 3));
    if (i % 200 == 0) SHOW("aese+aesmc", st);
  }
  st = vaeseq_u8(st, key);
  SHOW("aese", st);
  dec = st;
  for (int i = 0; i < 1000; i++) {
    OPAQUE(key);
    dec = vaesimcq_u8(vaesdq_u8(dec, key));
    key = vaddq_u8(key, dec);
    if (i % 200 == 0) SHOW("aesd+aesimc", dec);
  }
  /* SHA-1: the four-round functions over the data. */
  uint32x4_t abcd = vld1q_u32((const uint32_t *)data);
  uint32_t e = 0xc3d2e1f0;
  for (int blk = 0; blk + 64 <= (int)sizeof data; blk += 64) {
    uint32x4_t w0 = vld1q_u32((const uint32_t *)(data + blk)), w1 = vld1q_u32((const uint32_t *)(data + blk + 16));
    uint32x4_t w2 = vld1q_u32((const uint32_t *)(data + blk + 32)), w3 = vld1q_u32((const uint32_t *)(data + blk + 48));
    uint32_t e1 = vsha1h_u32(vgetq_lane_u32(abcd, 0));
    abcd = vsha1cq_u32(abcd, e, vaddq_u32(w0, vdupq_n_u32(0x5a827999)));
    w0 = vsha1su1q_u32(vsha1su0q_u32(w0, w1, w2), w3);
    uint32_t e2 = vsha1h_u32(vgetq_lane_u32(abcd, 0));
    abcd = vsha1pq_u32(abcd, e1, vaddq_u32(w1, w0));
    abcd = vsha1mq_u32(abcd, e2, vaddq_u32(w2, vdupq_n_u32(0x8f1bbcdc)));
    e = e1 ^ e2 ^ vgetq_lane_u32(w3, 2);
    if (blk % 1024 == 0) SHOW("sha1", abcd);
  }
  printf("sha1 e %08" PRIx32 "\n", e);
  /* SHA-256 rounds and schedule. */
  uint32x4_t s0 = vld1q_u32((const uint32_t *)(data + 100)), s1 = vld1q_u32((const uint32_t *)(data + 200));
  for (int blk = 0; blk + 64 <= (int)sizeof data; blk += 64) {
    uint32x4_t m0 = vld1q_u32((const uint32_t *)(data + blk)), m1 = vld1q_u32((const uint32_t *)(data + blk + 16));
    uint32x4_t m2 = vld1q_u32((const uint32_t *)(data + blk + 32)), m3 = vld1q_u32((const uint32_t *)(data + blk + 48));
    for (int r = 0; r < 4; r++) {
      uint32x4_t save = s0;
      s0 = vsha256hq_u32(s0, s1, m0);
      s1 = vsha256h2q_u32(s1, save, m0);
      m0 = vsha256su1q_u32(vsha256su0q_u32(m0, m1), m2, m3);
      uint32x4_t t = m0;
      m0 = m1; m1 = m2; m2 = m3; m3 = t;
    }
    if (blk % 1024 == 0) { SHOW("sha256 s0", s0); SHOW("sha256 s1", s1); }
  }
  SHOW("sha256 s0", s0);
  SHOW("sha256 s1", s1);
  /* PMULL 64x64 and PMULL2. */
  poly64x2_t acc = vreinterpretq_p64_u8(vld1q_u8(data + 32));
  for (int i = 0; i < 64; i++) {
    poly64x2_t x = vreinterpretq_p64_u8(vld1q_u8(data + 48 + 16 * i));
    poly128_t lo = vmull_p64(vgetq_lane_p64(acc, 0), vgetq_lane_p64(x, 1));
    poly128_t hi = vmull_high_p64(acc, x);
    acc = vreinterpretq_p64_u8(veorq_u8(vreinterpretq_u8_p128(lo), vrev64q_u8(vreinterpretq_u8_p128(hi))));
    if (i % 16 == 0) { SHOW("pmull", lo); SHOW("pmull2", hi); }
  }
  SHOW("pmull acc", acc);
  /* CRC32 and CRC32C of every width over the data. */
  uint32_t c = 0xffffffff, cc = 0;
  for (size_t i = 0; i < sizeof data; i += 16) {
    uint64_t d;
    memcpy(&d, data + i, 8);
    c = __crc32b(c, data[i]);
    c = __crc32h(c, (uint16_t)(d >> 8));
    c = __crc32w(c, (uint32_t)(d >> 16));
    c = __crc32d(c, d ^ i);
    cc = __crc32cb(cc, data[i + 9]);
    cc = __crc32ch(cc, (uint16_t)(d >> 24));
    cc = __crc32cw(cc, (uint32_t)d);
    cc = __crc32cd(cc, d + i);
    if (i % 512 == 0) printf("crc32 %08" PRIx32 " crc32c %08" PRIx32 "\n", c, cc);
  }
  printf("crc32 %08" PRIx32 " crc32c %08" PRIx32 "\n", ~c, cc);
  return 0;
}
