// qsort on ints, strings and structs; malloc/calloc/realloc/free stress with
// a deterministic pattern and content checks (no addresses are printed).
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 88172645463325252ull;
static uint64_t xorshift(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static int cmp_int(const void* a, const void* b) {
  int x = *(const int*)a, y = *(const int*)b;
  return (x > y) - (x < y);
}
static int cmp_str(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }
struct rec {
  double key;
  int id;
  char tag[5];
};
static int cmp_rec(const void* a, const void* b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->id - y->id;
}

int main(void) {
  enum { N = 3000 };
  int* a = malloc(N * sizeof *a);
  for (int i = 0; i < N; ++i) a[i] = (int)(xorshift() % 20001) - 10000;
  qsort(a, N, sizeof *a, cmp_int);
  uint64_t h = 0;
  for (int i = 0; i < N; ++i) h = h * 1000003 + (uint64_t)(a[i] + 10000);
  printf("ints: %d %d %d %016" PRIx64 "\n", a[0], a[N / 2], a[N - 1], h);
  free(a);

  char* words[500];
  for (int i = 0; i < 500; ++i) {
    int len = 1 + (int)(xorshift() % 12);
    words[i] = malloc((size_t)len + 1);
    for (int j = 0; j < len; ++j) words[i][j] = (char)('a' + xorshift() % 6);
    words[i][len] = 0;
  }
  qsort(words, 500, sizeof *words, cmp_str);
  for (int i = 0; i < 500; i += 50) printf("word %d %s\n", i, words[i]);
  for (int i = 0; i < 500; ++i) free(words[i]);

  struct rec* r = calloc(700, sizeof *r);
  for (int i = 0; i < 700; ++i) {
    r[i].key = (double)(xorshift() % 50) / 7.0;
    r[i].id = i;
    snprintf(r[i].tag, sizeof r[i].tag, "%04d", i);
  }
  qsort(r, 700, sizeof *r, cmp_rec);
  for (int i = 0; i < 700; i += 70) printf("rec %g %d %s\n", r[i].key, r[i].id, r[i].tag);
  free(r);

  // Allocation stress: 20000 operations over 256 slots, sizes 1 B .. 64 KiB
  // and a few 1 MiB blocks (mmap-backed). Blocks are memset, then a pattern is
  // written and verified at a stride (every byte would take billions of
  // instructions at -O0).
  enum { SLOTS = 256 };
#define STRIDE(n) (1 + (n) / 64)
  unsigned char* slot[SLOTS] = {0};
  size_t size[SLOTS] = {0};
  unsigned long errors = 0, bytes = 0;
  for (int op = 0; op < 20000; ++op) {
    unsigned k = (unsigned)(xorshift() % SLOTS);
    if (slot[k]) {
      for (size_t j = 0; j < size[k]; j += STRIDE(size[k]))
        if (slot[k][j] != (unsigned char)(k + j)) ++errors;
      if (xorshift() % 3 == 0) {
        size_t ns = 1 + (size_t)(xorshift() % 4096);
        unsigned char* p = realloc(slot[k], ns);
        size_t keep = ns < size[k] ? ns : size[k];
        for (size_t j = 0; j < keep; j += STRIDE(size[k]))
          if (p[j] != (unsigned char)(k + j)) ++errors;
        memset(p, 0x5a, ns);
        for (size_t j = 0; j < ns; j += STRIDE(ns)) p[j] = (unsigned char)(k + j);
        slot[k] = p;
        size[k] = ns;
        bytes += ns;
        continue;
      }
      free(slot[k]);
      slot[k] = NULL;
    } else {
      uint64_t x = xorshift();
      size_t s = (x % 100 == 0) ? (1u << 20) : 1 + (size_t)((x >> 8) % (x % 7 == 0 ? 65536 : 256));
      slot[k] = malloc(s);
      size[k] = s;
      memset(slot[k], 0xa5, s);
      for (size_t j = 0; j < s; j += STRIDE(s)) slot[k][j] = (unsigned char)(k + j);
      bytes += s;
    }
  }
  for (unsigned k = 0; k < SLOTS; ++k) free(slot[k]);
  printf("malloc stress: errors=%lu bytes=%lu\n", errors, bytes);
  return errors ? 1 : 0;
}
