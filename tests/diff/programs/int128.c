// 128-bit arithmetic: multiply (umulh/smulh/madd), divide (libgcc __udivti3),
// shifts and comparisons.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

static void put_u128(const char* tag, u128 v) {
  printf("%s=%016" PRIx64 "%016" PRIx64 " ", tag, (uint64_t)(v >> 64), (uint64_t)v);
}

int main(void) {
  static const uint64_t vals[] = {0, 1, 2, 3, 0xffffffff, 0x100000000ull, 0x7fffffffffffffffull,
                                  0x8000000000000000ull, 0xffffffffffffffffull, 0x123456789abcdef1ull,
                                  0xfedcba9876543210ull, 1000000007};
  const unsigned n = sizeof vals / sizeof vals[0];
  u128 acc = 0;
  for (unsigned i = 0; i < n; ++i) {
    for (unsigned j = 0; j < n; ++j) {
      volatile uint64_t a = vals[i], b = vals[j];
      u128 um = (u128)a * b;
      s128 sm = (s128)(int64_t)a * (int64_t)b;
      u128 big = (um << 3) ^ ((u128)b << 64 | a);
      put_u128("umul", um);
      put_u128("smul", (u128)sm);
      if (b) {
        put_u128("udiv", big / b);
        put_u128("umod", big % b);
        put_u128("sdiv", (u128)((s128)big / (s128)(int64_t)b));
      }
      unsigned sh = (unsigned)((a ^ b) & 127);
      put_u128("shl", big << sh);
      put_u128("shr", big >> sh);
      put_u128("sar", (u128)((s128)big >> sh));
      printf("lt=%d slt=%d\n", um < big, (s128)um < (s128)big);
      acc += um ^ big;
    }
  }
  put_u128("acc", acc);
  printf("\n");
  return (int)(acc % 97);
}
