// C11 atomics on 8/16/32/64-bit objects: fetch_add/sub/and/or/xor, exchange,
// compare_exchange (strong and weak, success and failure), load/store with
// every memory order. Single-threaded: results are deterministic. Built with
// the default -march (LL/SC loops or outline atomics, as gcc chooses).
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define TEST(T, FMT, NAME)                                                                   \
  static uint64_t test_##NAME(void) {                                                         \
    static _Atomic T v;                                                                       \
    uint64_t h = 0;                                                                           \
    atomic_store(&v, (T)0x5a);                                                                \
    for (int i = 0; i < 50; ++i) {                                                            \
      T k = (T)((uint64_t)i * 0x1234567 + 0x89);                                                        \
      T a = atomic_fetch_add(&v, k);                                                          \
      T b = atomic_fetch_sub_explicit(&v, (T)((uint64_t)k >> 1), memory_order_acq_rel);                 \
      T c = atomic_fetch_and_explicit(&v, (T)~(uint64_t)(1ull << (i % (8 * sizeof(T)))),               \
                                      memory_order_release);                                  \
      T d = atomic_fetch_or_explicit(&v, (T)((uint64_t)k << 3), memory_order_acquire);                  \
      T e = atomic_fetch_xor_explicit(&v, (T)((uint64_t)k * 7), memory_order_relaxed);                  \
      T f = atomic_exchange(&v, (T)((uint64_t)e + 1));                                                  \
      T expected = (T)((uint64_t)e + 1);                                                                \
      _Bool ok1 = atomic_compare_exchange_strong(&v, &expected, (T)(i * 3));                  \
      T wrong = (T)((uint64_t)expected + 5);                                                            \
      _Bool ok2 = atomic_compare_exchange_strong_explicit(&v, &wrong, (T)99,                  \
                                                          memory_order_seq_cst,               \
                                                          memory_order_relaxed);              \
      T cur = atomic_load_explicit(&v, memory_order_acquire);                                 \
      while (!atomic_compare_exchange_weak(&v, &cur, (T)((uint64_t)cur * 5 + 1))) {                     \
      }                                                                                       \
      T g = atomic_load(&v);                                                                  \
      printf(#NAME " %d: " FMT " " FMT " " FMT " " FMT " " FMT " " FMT " %d %d " FMT " " FMT \
                   " " FMT "\n",                                                              \
             i, a, b, c, d, e, f, ok1, ok2, expected, wrong, g);                              \
      h = h * 31 + (uint64_t)g + (uint64_t)ok1 + (uint64_t)ok2;                               \
    }                                                                                         \
    return h;                                                                                 \
  }

TEST(uint8_t, "%02x", u8)
TEST(uint16_t, "%04x", u16)
TEST(uint32_t, "%08x", u32)
TEST(uint64_t, "%016" PRIx64, u64)
TEST(int8_t, "%d", s8)
TEST(int32_t, "%d", s32)

int main(void) {
  uint64_t h = test_u8() ^ test_u16() ^ test_u32() ^ test_u64() ^ test_s8() ^ test_s32();
  _Atomic _Bool flag = 0;
  atomic_flag af = ATOMIC_FLAG_INIT;
  printf("flag %d %d %d\n", atomic_exchange(&flag, 1), atomic_flag_test_and_set(&af),
         atomic_flag_test_and_set(&af));
  atomic_thread_fence(memory_order_seq_cst);
  printf("lock-free %d %d %d %d\n", atomic_is_lock_free(&(_Atomic uint8_t){0}),
         atomic_is_lock_free(&(_Atomic uint16_t){0}), atomic_is_lock_free(&(_Atomic uint32_t){0}),
         atomic_is_lock_free(&(_Atomic uint64_t){0}));
  printf("h=%016" PRIx64 "\n", h);
  return (int)(h & 63);
}
