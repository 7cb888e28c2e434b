// Bit manipulation: clz/ctz/popcount/parity, rbit and rev, variable shifts and
// rotates on 32/64 bits, bitfield extraction.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t rbit64(uint64_t x) {
  uint64_t r;
  __asm__("rbit %0, %1" : "=r"(r) : "r"(x));
  return r;
}
static uint32_t rbit32(uint32_t x) {
  uint32_t r;
  __asm__("rbit %w0, %w1" : "=r"(r) : "r"(x));
  return r;
}
static uint64_t rol64(uint64_t x, unsigned n) { return (x << (n & 63)) | (x >> ((64 - n) & 63)); }
static uint32_t ror32(uint32_t x, unsigned n) { return (x >> (n & 31)) | (x << ((32 - n) & 31)); }

int main(void) {
  uint64_t x = 0x0123456789abcdefull, h = 0;
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t v = x >> (i % 61);
    uint32_t w = (uint32_t)(x >> 17);
    unsigned s = (unsigned)(x >> 58);
    int clz = v ? __builtin_clzll(v) : 64, ctz = v ? __builtin_ctzll(v) : 64;
    int clz32 = w ? __builtin_clz(w) : 32;
    int clrsb = __builtin_clrsbll((int64_t)v);
    printf("%016" PRIx64 " clz=%d ctz=%d clz32=%d clrsb=%d pop=%d par=%d pop32=%d rbit=%016" PRIx64
           " rbit32=%08x rev=%016" PRIx64 " rev32=%08x rev16=%04x\n",
           v, clz, ctz, clz32, clrsb, __builtin_popcountll(v), __builtin_parityll(v),
           __builtin_popcount(w), rbit64(v), rbit32(w), __builtin_bswap64(v), __builtin_bswap32(w),
           __builtin_bswap16((uint16_t)w));
    volatile unsigned vs = s, vs32 = s & 31;
    printf("  shl=%016" PRIx64 " lsr=%016" PRIx64 " asr=%016" PRIx64 " rol=%016" PRIx64
           " w: shl=%08x lsr=%08x asr=%08x ror=%08x\n",
           v << vs, v >> vs, (uint64_t)((int64_t)v >> vs), rol64(v, vs), w << vs32, w >> vs32,
           (uint32_t)((int32_t)w >> vs32), ror32(w, vs32));
    // Bitfields: extract/insert with non-constant positions via masks.
    unsigned lsb = s % 40, width = 1 + (unsigned)(x % 24);
    uint64_t field = (v >> lsb) & ((1ull << width) - 1);
    int64_t sfield = (int64_t)(field << (64 - width)) >> (64 - width);
    uint64_t ins = (v & ~(((1ull << width) - 1) << lsb)) | ((w & ((1ull << width) - 1)) << lsb);
    printf("  bf lsb=%u w=%u u=%" PRIx64 " s=%" PRId64 " ins=%016" PRIx64 "\n", lsb, width, field, sfield,
           ins);
    h ^= v + rbit64(v) + (uint64_t)clz;
  }
  struct {
    unsigned a : 3, b : 7, c : 13;
    int d : 5, e : 20;
  } bf = {5, 100, 4000, -7, -300000};
  for (int i = 0; i < 20; ++i) {
    bf.a += 3;
    bf.b ^= (unsigned)i * 11;
    bf.c -= 777;
    bf.d += 5;
    bf.e *= 3;
    printf("struct bf %u %u %u %d %d\n", bf.a, bf.b, bf.c, bf.d, bf.e);
  }
  printf("h=%016" PRIx64 "\n", h);
  return (int)(h % 200);
}
