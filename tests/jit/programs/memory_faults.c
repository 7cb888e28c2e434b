// Guest memory permissions and faults in user mode, for the translator's
// direct memory accesses (generated code lets the host fault; see
// jit/fault_recovery.h). Each case runs a load or store in a loop, so that
// it is translated and chained, and prints what happened: the value, or the
// SIGSEGV with its code, its address relative to the test's pages, and the
// destination registers as the handler saw them.
//
// Without arguments the output must equal qemu-aarch64's. With "straddle":
// whether a pair store that faults on its second page wrote its first half.
// The architecture leaves that memory UNKNOWN; a64sim writes nothing on
// every engine (qemu-aarch64 writes the first half): compared with the
// checked-in memory_faults_straddle.expected.
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile uintptr_t base;  // the test pages
static volatile int fault_code;
static volatile uintptr_t fault_addr;
static volatile uint64_t fault_x2, fault_x3;
static volatile int show_registers;  // the case is a load_pair
static long page;

static void on_segv(int sig, siginfo_t* si, void* ctx) {
  (void)sig;
  const ucontext_t* uc = ctx;
  fault_code = si->si_code;
  fault_addr = (uintptr_t)si->si_addr;
  fault_x2 = uc->uc_mcontext.regs[2];
  fault_x3 = uc->uc_mcontext.regs[3];
  siglongjmp(env, 1);
}

static void faulted(const char* what) {
  const uintptr_t a = fault_addr;
  const char* code =
      fault_code == SEGV_MAPERR ? "MAPERR" : fault_code == SEGV_ACCERR ? "ACCERR" : "?";
  if (a >= base && a < base + 16 * page)
    printf("%-34s SIGSEGV %s at base+0x%lx", what, code, (unsigned long)(a - base));
  else
    printf("%-34s SIGSEGV %s at 0x%lx", what, code, (unsigned long)a);
  if (show_registers)
    printf(" x2=%llu x3=%llu", (unsigned long long)fault_x2, (unsigned long long)fault_x3);
  printf("\n");
}

// Loads/stores through inline assembly, repeated so that the loop is hot.
static uint64_t load64(uintptr_t a) {
  uint64_t v = 0, sum = 0;
  for (int i = 0; i < 100; ++i) {
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
    sum += v;
  }
  return sum / 100;
}
static void store64(uintptr_t a, uint64_t v) {
  for (int i = 0; i < 100; ++i) __asm__ volatile("str %0, [%1]" : : "r"(v), "r"(a) : "memory");
}
static uint64_t load8(uintptr_t a) {
  uint64_t v = 0;
  for (int i = 0; i < 100; ++i) __asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
  return v;
}
// LDP x2, x3 with x2 = 111, x3 = 222 beforehand: a fault must leave both.
static uint64_t load_pair(uintptr_t a) {
  show_registers = 1;
  uint64_t s = 0;
  for (int i = 0; i < 100; ++i) {
    register uint64_t x2 __asm__("x2") = 111;
    register uint64_t x3 __asm__("x3") = 222;
    __asm__ volatile("ldp x2, x3, [%2]" : "+r"(x2), "+r"(x3) : "r"(a) : "memory");
    s = x2 + x3;
  }
  show_registers = 0;
  return s;
}
static void store_pair(uintptr_t a, uint64_t v) {
  for (int i = 0; i < 100; ++i)
    __asm__ volatile("stp %0, %0, [%1]" : : "r"(v), "r"(a) : "memory");
}

#define TRY(what, expr)                                        \
  do {                                                         \
    show_registers = 0;                                        \
    if (sigsetjmp(env, 1) == 0) {                              \
      const unsigned long long v_ = (unsigned long long)(expr); \
      printf("%-34s ok %llu\n", what, v_);                     \
    } else {                                                   \
      faulted(what);                                           \
    }                                                          \
  } while (0)

static uintptr_t at(int page_index, long offset) { return base + page_index * page + offset; }

int main(int argc, char** argv) {
  page = sysconf(_SC_PAGESIZE);
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, NULL);
  char* m = mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return 1;
  base = (uintptr_t)m;
  for (int i = 0; i < 16; ++i) m[i * page] = (char)(i + 1);

  if (argc > 1 && strcmp(argv[1], "straddle") == 0) {
    // Page 1 RW, page 2 read-only: the pair's second half faults.
    mprotect(m + 2 * page, page, PROT_READ);
    store64(at(1, page - 8), 5);
    TRY("stp across rw|ro", (store_pair(at(1, page - 8), 9), 0));
    printf("first half after the fault: %llu\n", (unsigned long long)load64(at(1, page - 8)));
    mprotect(m + 4 * page, page, PROT_NONE);
    store64(at(3, page - 8), 6);
    TRY("stp across rw|none", (store_pair(at(3, page - 8), 8), 0));
    printf("first half after the fault: %llu\n", (unsigned long long)load64(at(3, page - 8)));
    return 0;
  }

  TRY("rw load", load8(at(0, 0)));
  TRY("rw store then load", (store64(at(0, 64), 77), load64(at(0, 64))));

  mprotect(m + 1 * page, page, PROT_READ);
  TRY("ro load", load8(at(1, 0)));
  TRY("ro store", (store64(at(1, 8), 1), 0));
  mprotect(m + 1 * page, page, PROT_READ | PROT_WRITE);
  TRY("ro made rw, store then load", (store64(at(1, 8), 42), load64(at(1, 8))));
  mprotect(m + 1 * page, page, PROT_READ);
  TRY("rw made ro again, store", (store64(at(1, 8), 43), 0));
  TRY("value kept", load64(at(1, 8)));

  mprotect(m + 2 * page, page, PROT_NONE);
  TRY("none load", load8(at(2, 16)));
  TRY("none store", (store64(at(2, 16), 1), 0));
  mprotect(m + 2 * page, page, PROT_READ);
  TRY("none made ro, data kept", load8(at(2, 0)));

  mprotect(m + 3 * page, page, PROT_WRITE);
  TRY("write-only store then load", (store64(at(3, 0), 12), load64(at(3, 0))));
  mprotect(m + 4 * page, page, PROT_EXEC);
  TRY("exec-only load", load8(at(4, 0)));
  TRY("exec-only store", (store64(at(4, 0), 1), 0));

  munmap(m + 5 * page, page);
  TRY("unmapped load", load8(at(5, 100)));
  TRY("unmapped store", (store64(at(5, 100), 1), 0));
  if (mmap(m + 5 * page, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
           -1, 0) == MAP_FAILED)
    return 1;
  TRY("remapped load (zero)", load8(at(5, 0)));

  // Unaligned and pair accesses that cross from an accessible page into a
  // PROT_NONE one (page 7).
  mprotect(m + 7 * page, page, PROT_NONE);
  store64(at(6, page - 16), 1);
  store64(at(6, page - 8), 2);
  TRY("ldr across rw|none", load64(at(6, page - 4)));
  TRY("str across rw|none", (store64(at(6, page - 4), 1), 0));
  TRY("ldp within rw", load_pair(at(6, page - 16)));
  TRY("ldp across rw|none", load_pair(at(6, page - 8)));
  TRY("stp across rw|none", (store_pair(at(6, page - 8), 3), 0));

  // Tagged addresses (TBI): the top byte is ignored.
  TRY("tagged load", load8(at(8, 0) | 0x5a00000000000000ull));
  TRY("tagged store then load",
      (store64(at(8, 8) | 0x3c00000000000000ull, 99), load64(at(8, 8))));

  // Far outside anything mapped (not 2^47 and above: qemu-aarch64 reports
  // address 0 there, Linux the address).
  TRY("load at 2^39 - 8", load64((1ull << 39) - 8));
  TRY("load at 2^39", load64(1ull << 39));
  TRY("load at 2^64 - 4", load64(~0ull - 3));
  return 0;
}
