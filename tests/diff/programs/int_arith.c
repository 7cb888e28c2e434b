// Integer arithmetic edge cases: overflow (wrapping via unsigned), division and
// remainder incl. INT64_MIN / -1 (done with inline asm sdiv, which the ARM ARM
// defines as wrapping; in C it would be undefined), 32/64-bit mixes.
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static volatile int64_t v64[] = {0, 1, -1, 2, -2, 3, 7, -7, 100, 255, 256, 65535, 65536,
                                  INT32_MAX, INT32_MIN, (int64_t)INT32_MAX + 1, UINT32_MAX,
                                  INT64_MAX, INT64_MIN, INT64_MIN + 1, 0x123456789abcdef0,
                                  -0x123456789abcdef0};
#define N64 (sizeof(v64) / sizeof(v64[0]))

static int64_t sdiv64(int64_t a, int64_t b) {
  int64_t r;
  __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static uint64_t udiv64(uint64_t a, uint64_t b) {
  uint64_t r;
  __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static int32_t sdiv32(int32_t a, int32_t b) {
  int32_t r;
  __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static uint32_t udiv32(uint32_t a, uint32_t b) {
  uint32_t r;
  __asm__("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

int main(void) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned i = 0; i < N64; ++i) {
    for (unsigned j = 0; j < N64; ++j) {
      int64_t a = v64[i], b = v64[j];
      uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
      uint64_t add = ua + ub, sub = ua - ub, mul = ua * ub;
      int64_t q = sdiv64(a, b);
      uint64_t uq = udiv64(ua, ub);
      int64_t r = (b == 0) ? a : (int64_t)(ua - (uint64_t)q * ub);
      int32_t q32 = sdiv32((int32_t)a, (int32_t)b);
      uint32_t uq32 = udiv32((uint32_t)a, (uint32_t)b);
      int ovf_add = __builtin_add_overflow(a, b, &(int64_t){0});
      int ovf_sub = __builtin_sub_overflow(a, b, &(int64_t){0});
      int ovf_mul = __builtin_mul_overflow(a, b, &(int64_t){0});
      int32_t r32 = 0;
      int ovf_mul32 = __builtin_mul_overflow((int32_t)a, (int32_t)b, &r32);
      int cmp = (a < b) ? -1 : (a > b);
      int ucmp = (ua < ub) ? -1 : (ua > ub);
      printf("%" PRId64 " %" PRId64 ": %" PRIx64 " %" PRIx64 " %" PRIx64 " q=%" PRId64 " r=%" PRId64
             " uq=%" PRIu64 " q32=%d uq32=%u ovf=%d%d%d%d r32=%d cmp=%d,%d\n",
             a, b, add, sub, mul, q, r, uq, q32, uq32, ovf_add, ovf_sub, ovf_mul, ovf_mul32, r32, cmp,
             ucmp);
      h = (h ^ add ^ (mul << 1) ^ (uint64_t)q) * 1099511628211ull;
    }
  }
  // Division by constants (the compiler turns these into multiply-high).
  for (int64_t x = -1000; x <= 1000; x += 37) {
    printf("%" PRId64 ": /3=%" PRId64 " /7=%" PRId64 " %%10=%" PRId64 " u/10=%" PRIu64 "\n", x, x / 3,
           x / 7, x % 10, (uint64_t)x / 10);
  }
  // Narrow types: sign and zero extension.
  for (unsigned i = 0; i < N64; ++i) {
    int64_t a = v64[i];
    printf("ext %d %u %d %u %d\n", (int8_t)a, (uint8_t)a, (int16_t)a, (uint16_t)a, (int32_t)a);
  }
  printf("hash %016" PRIx64 "\n", h);
  return (int)(h & 0x7f);
}
