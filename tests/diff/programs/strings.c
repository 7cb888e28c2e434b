// String and memory routines (glibc's optimized AArch64 versions: they use
// SIMD, unaligned and overlapping accesses) on many sizes and alignments.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned char src[600], dst[600];
static uint32_t seed = 12345;
static unsigned char rnd(void) {
  seed = seed * 1103515245u + 12345u;
  return (unsigned char)(seed >> 16);
}
static uint32_t hash(const unsigned char* p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 16777619u;
  return h;
}
static void fill(unsigned char* p, size_t n, int nonzero) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = rnd();
    p[i] = nonzero ? (unsigned char)('a' + c % 26) : c;
  }
}

int main(void) {
  uint32_t total = 0;
  static const size_t sizes[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65,
                                 100, 127, 128, 129, 200, 255, 256, 257, 300, 511};
  const unsigned nsizes = sizeof sizes / sizeof sizes[0];
  for (unsigned si = 0; si < nsizes; ++si) {
    size_t n = sizes[si];
    for (unsigned sa = 0; sa < 16; sa += 3) {
      for (unsigned da = 0; da < 16; da += 5) {
        fill(src, sizeof src, 0);
        fill(dst, sizeof dst, 0);
        memcpy(dst + da, src + sa, n);
        uint32_t h1 = hash(dst, sizeof dst);
        memmove(dst + da + 1, dst + da, n);  // overlapping forward
        uint32_t h2 = hash(dst, sizeof dst);
        memmove(dst + sa, dst + sa + 3, n);  // overlapping backward
        uint32_t h3 = hash(dst, sizeof dst);
        memset(dst + da, (int)(n & 0xff), n);
        uint32_t h4 = hash(dst, sizeof dst);
        int c = memcmp(src + sa, src + da, n);
        printf("n=%zu sa=%u da=%u %08x %08x %08x %08x cmp=%d\n", n, sa, da, h1, h2, h3, h4,
               (c > 0) - (c < 0));
        total += h1 ^ h2 ^ h3 ^ h4;
      }
    }
    // C strings: text of length n at offset n % 16, terminated.
    unsigned off = (unsigned)(n % 16);
    char* s = (char*)src + off;
    fill((unsigned char*)s, n, 1);
    s[n] = 0;
    char* t = (char*)dst + (n * 7) % 16;
    strcpy(t, s);
    size_t len = strlen(s);
    char needle = n ? s[n / 2] : 'q';
    char* ch = strchr(s, needle);
    char* rch = strrchr(s, needle);
    int eq = strcmp(s, t);
    if (n) t[n - 1] ^= 1;
    int ne = strcmp(s, t), nne = strncmp(s, t, n ? n - 1 : 0);
    char sub[8];
    size_t sl = n > 6 ? 5 : n / 2;
    memcpy(sub, s + n / 3, sl);
    sub[sl] = 0;
    char* st = strstr(s, sub);
    void* mc = memchr(s, needle, n);
    printf("str n=%zu len=%zu chr=%td rchr=%td eq=%d ne=%d nne=%d strstr=%td memchr=%td spn=%zu cspn=%zu\n",
           n, len, ch ? ch - s : -1, rch ? rch - s : -1, eq, (ne > 0) - (ne < 0), nne,
           st ? st - s : -1, mc ? (char*)mc - s : -1, strspn(s, "abcdefghijklm"), strcspn(s, "xyz"));
    total += (uint32_t)len;
  }
  char buf[64];
  strcpy(buf, "hello");
  strcat(buf, ", world");
  strncat(buf, "!!!!!!", 2);
  printf("%s %zu %d %d\n", buf, strlen(buf), strncmp(buf, "hello, there", 7) == 0,
         strcasecmp("HeLLo", "hello"));
  printf("total=%08x\n", total);
  return (int)(total % 251);
}
