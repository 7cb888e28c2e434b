// Self-modifying code in user mode, for the translator's code-write
// watching. Prints one line per call of code written into an RWX page.
//
// Without arguments: a function called, rewritten (with and without
// __builtin___clear_cache) and called again; a hot loop rewritten; a
// rewritten branch under a chained block; code written by the kernel
// (read()), across mprotect and by a new mapping at the same address. The
// output must equal qemu-aarch64's.
//
// With the argument "same-block": code that stores into the block that is
// running, ahead of itself, once and on every iteration of a loop. Without
// an ISB the architecture allows either the old or the new instruction to
// execute; qemu-aarch64 executes the old one (it has no precise SMC for Arm
// guests), a64sim the new one on every engine, as the interpreter fetches
// each instruction after the previous one retired: compared with the
// checked-in self_modifying_same_block.expected.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef uint64_t (*Fn)(uint64_t, uint64_t);

// A64 encodings (32-bit forms, Rd = W0 unless named).
static uint32_t movz_w(unsigned rd, unsigned imm16) { return 0x52800000u | imm16 << 5 | rd; }
static uint32_t movk_w_hi(unsigned rd, unsigned imm16) { return 0x72a00000u | imm16 << 5 | rd; }
static uint32_t add_w0_imm(unsigned imm12) { return 0x11000000u | imm12 << 10; }
static uint32_t b_to(int insns) { return 0x14000000u | ((uint32_t)insns & 0x3ffffff); }
static uint32_t bne_to(int insns) { return 0x54000001u | ((uint32_t)insns & 0x7ffff) << 5; }
#define RET 0xd65f03c0u
#define NOP 0xd503201fu
#define STR_W1_X0 0xb9000001u       // str w1, [x0]
#define STR_W3_X1 0xb9000023u       // str w3, [x1]
#define ADD_W3_1024 0x11100063u     // add w3, w3, #1024 (imm12 + 1 of an ADD word)
#define SUBS_W2_1 0x71000442u       // subs w2, w2, #1
#define MOV_W2_W0 0x2a0003e2u       // mov w2, w0

static volatile uint32_t* page;
static size_t page_size;

static void put(unsigned index, const uint32_t* words, unsigned n, int clear_cache) {
  for (unsigned i = 0; i < n; ++i) page[index + i] = words[i];
  if (clear_cache)
    __builtin___clear_cache((char*)(page + index), (char*)(page + index + n));
}

static uint64_t call(unsigned index, uint64_t a, uint64_t b) {
  Fn f = (Fn)(uintptr_t)(page + index);
  return f(a, b);
}

static void report(const char* what, uint64_t got) { printf("%-40s %llu\n", what, (unsigned long long)got); }

static int rewrites(void* p) {
  // 1. A function, rewritten with and without cache maintenance.
  uint32_t f[] = {movz_w(0, 11), RET};
  put(0, f, 2, 1);
  report("first call", call(0, 0, 0));
  report("same code again", call(0, 0, 0));
  f[0] = movz_w(0, 22);
  put(0, f, 2, 1);
  report("rewritten, cache cleared", call(0, 0, 0));
  f[0] = movz_w(0, 33);
  put(0, f, 2, 0);
  report("rewritten, no cache maintenance", call(0, 0, 0));
  page[0] = movz_w(0, 44);  // a single store
  report("one store", call(0, 0, 0));

  // 2. A loop, hot before it is rewritten: w0 = 100 * imm.
  uint32_t loop[] = {movz_w(0, 0), movz_w(2, 100), add_w0_imm(3), SUBS_W2_1, bne_to(-2), RET};
  put(16, loop, 6, 1);
  for (int i = 0; i < 3; ++i) report("loop +3", call(16, 0, 0));
  page[18] = add_w0_imm(5);
  report("loop rewritten to +5", call(16, 0, 0));
  page[18] = add_w0_imm(7);
  __builtin___clear_cache((char*)(page + 18), (char*)(page + 19));
  report("loop rewritten to +7, cache cleared", call(16, 0, 0));

  // 3. A branch rewritten under a chained block: 64 branches to 66 or 68.
  uint32_t br[] = {b_to(2), NOP, movz_w(0, 100), RET, movz_w(0, 200), RET};
  put(64, br, 6, 1);
  for (int i = 0; i < 3; ++i) report("branch to +2", call(64, 0, 0));
  page[64] = b_to(4);
  report("branch rewritten to +4", call(64, 0, 0));
  page[64] = b_to(2);
  report("branch rewritten back", call(64, 0, 0));

  // 4. The kernel writes the code: read() from a pipe into the page.
  int fds[2];
  if (pipe(fds) != 0) return 1;
  uint32_t from_pipe[] = {movz_w(0, 88), RET};
  if (write(fds[1], from_pipe, sizeof from_pipe) != sizeof from_pipe) return 1;
  report("before read()", call(0, 0, 0));
  if (read(fds[0], (void*)page, sizeof from_pipe) != sizeof from_pipe) return 1;
  report("code from read()", call(0, 0, 0));

  // 5. mprotect to read+exec and back; then a new mapping at the address.
  if (mprotect(p, page_size, PROT_READ | PROT_EXEC) != 0) return 1;
  report("read+exec", call(0, 0, 0));
  if (mprotect(p, page_size, PROT_READ | PROT_WRITE | PROT_EXEC) != 0) return 1;
  page[0] = movz_w(0, 99);
  report("writable again, rewritten", call(0, 0, 0));
  void* q = mmap(p, page_size, PROT_READ | PROT_WRITE | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if (q != p) return 1;
  uint32_t fresh[] = {movz_w(0, 123), RET};
  put(0, fresh, 2, 0);
  report("new mapping at the same address", call(0, 0, 0));
  munmap(p, page_size);
  return 0;
}

static void same_block(void) {
  // 1. The running block stores into itself: str w1, [x0] with x0 = the
  // next instruction, then with x0 two instructions ahead.
  uint32_t next[] = {STR_W1_X0, movz_w(0, 1), RET};
  put(32, next, 3, 1);
  report("store to the next insn", call(32, (uint64_t)(uintptr_t)(page + 33), movz_w(0, 55)));
  report("store to the next insn again", call(32, (uint64_t)(uintptr_t)(page + 33), movz_w(0, 66)));
  uint32_t ahead[] = {STR_W1_X0, NOP, movz_w(0, 2), RET};
  put(40, ahead, 4, 1);
  report("store two insns ahead", call(40, (uint64_t)(uintptr_t)(page + 42), movz_w(0, 77)));

  // 2. A loop rewriting the instruction after its store on every
  // iteration to add w0, w0, #k for k = 1..n, so w0 = n (n + 1) / 2.
  // x0 = n, x1 = the rewritten instruction (index 53).
  const uint32_t add1 = add_w0_imm(1);
  uint32_t self[] = {
      MOV_W2_W0,                 // 48: the count
      movz_w(3, add1 & 0xffff),  // 49: w3 = add w0, w0, #1
      movk_w_hi(3, add1 >> 16),  // 50
      movz_w(0, 0),              // 51
      STR_W3_X1,                 // 52: loop
      add_w0_imm(0),             // 53: rewritten by 52
      ADD_W3_1024,               // 54: the next immediate
      SUBS_W2_1,                 // 55
      bne_to(-4),                // 56: to 52
      RET,                       // 57
  };
  put(48, self, 10, 1);
  report("self-rewriting loop, n = 10", call(48, 10, (uint64_t)(uintptr_t)(page + 53)));
  report("self-rewriting loop, n = 300", call(48, 300, (uint64_t)(uintptr_t)(page + 53)));
  report("last immediate written", (page[53] >> 10) & 0xfff);
}

int main(int argc, char** argv) {
  page_size = (size_t)sysconf(_SC_PAGESIZE);
  void* p = mmap(NULL, page_size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS,
                 -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  page = p;
  if (argc > 1 && strcmp(argv[1], "same-block") == 0) {
    same_block();
    return 0;
  }
  return rewrites(p);
}
