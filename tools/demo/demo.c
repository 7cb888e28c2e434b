/* The built-in default program of the README's first command: a little of
 * everything (integer and 128-bit arithmetic, strings, floating-point printf,
 * files, time) so that a new user sees a64sim run a real static glibc program. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char* s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static int cmp_int(const void* a, const void* b) {
  return *(const int*)a - *(const int*)b;
}

int main(int argc, char** argv) {
  printf("hello from AArch64 under a64sim (%d argument%s)\n", argc - 1, argc == 2 ? "" : "s");

  unsigned primes = 0;
  for (unsigned n = 2; n < 20000; ++n) {
    int prime = 1;
    for (unsigned d = 2; d * d <= n; ++d)
      if (n % d == 0) { prime = 0; break; }
    primes += prime;
  }
  printf("primes below 20000: %u\n", primes);

  unsigned __int128 f = 1;
  for (int i = 2; i <= 30; ++i) f *= i;
  printf("30! = %llu%018llu\n", (unsigned long long)(f / 1000000000000000000ull),
         (unsigned long long)(f % 1000000000000000000ull));

  int v[16];
  for (int i = 0; i < 16; ++i) v[i] = (i * 7919) % 31;
  qsort(v, 16, sizeof v[0], cmp_int);
  printf("sorted:");
  for (int i = 0; i < 16; ++i) printf(" %d", v[i]);
  printf("\n");

  printf("fnv1a(\"a64sim\") = %016llx\n", (unsigned long long)fnv1a("a64sim"));
  printf("pi ~ %.10f, e ~ %g, 1/3 = %a\n", 3.14159265358979, 2.718281828459045, 1.0 / 3.0);
  char buf[64];
  snprintf(buf, sizeof buf, "%s-%05d", "item", 42);
  printf("strlen(\"%s\") = %zu\n", buf, strlen(buf));
  return 0;
}
