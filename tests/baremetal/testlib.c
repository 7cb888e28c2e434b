#include "testlib.h"

volatile struct exc_record last_exc;
void (*volatile irq_hook)(struct exc_frame* f, u64 kind);
void (*volatile sync_hook)(struct exc_frame* f, u64 kind);
static int failures;

// The compiler may emit calls to these.
void* memset(void* d, int c, unsigned long n) {
  unsigned char* p = d;
  while (n--) *p++ = (unsigned char)c;
  return d;
}
void* memcpy(void* d, const void* s, unsigned long n) {
  unsigned char* p = d;
  const unsigned char* q = s;
  while (n--) *p++ = *q++;
  return d;
}

// Semihosting call (HLT #0xF000): operation in w0, parameter in x1.
static u64 semihost(u64 op, u64 param) {
  register u64 x0 __asm__("x0") = op;
  register u64 x1 __asm__("x1") = param;
  __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
  return x0;
}

void puts_(const char* s) { semihost(0x04, (u64)s); }  // SYS_WRITE0

void put_hex(u64 v) {
  char buf[19];
  int i = 18;
  buf[i] = 0;
  do {
    buf[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  buf[--i] = 'x';
  buf[--i] = '0';
  puts_(buf + i);
}

void put_dec(u64 v) {
  char buf[21];
  int i = 20;
  buf[i] = 0;
  do {
    buf[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  puts_(buf + i);
}

void println(const char* label, u64 v) {
  puts_(label);
  puts_(": ");
  put_hex(v);
  puts_("\n");
}

void exit(int code) {
  // SYS_EXIT with ADP_Stopped_ApplicationExit and the status (AArch64 form:
  // X1 addresses the two-word parameter block).
  static volatile u64 block[2];
  block[0] = 0x20026;
  block[1] = (u64)code;
  for (;;) semihost(0x18, (u64)block);
}

void reset_exc(void) {
  last_exc.count = 0;
  last_exc.kind = last_exc.esr = last_exc.far = last_exc.elr = last_exc.spsr = ~0ul;
}

void check(int ok, const char* what) {
  if (ok) return;
  ++failures;
  puts_("FAIL: ");
  puts_(what);
  puts_("\n");
}

int finish(void) {
  puts_(failures ? "FAIL\n" : "PASS\n");
  return failures ? 1 : 0;
}

// start.S / el0.S
extern char el0_resume[];

void on_exception(struct exc_frame* f, u64 kind) {
  const u64 esr = READ_SYSREG(esr_el1);
  const u64 ec = esr >> 26;
  const u64 type = kind & 3;
  // SVC #0xfff from EL0: the end of run_at_el0.
  if (kind == 8 && ec == 0x15 && (esr & 0xffff) == 0xfff) {
    f->elr = (u64)el0_resume;
    f->spsr = 0x3c5;  // EL1h, DAIF masked
    return;
  }
  if (type != kVecSync) {
    if (irq_hook && (type == kVecIrq || type == kVecFiq)) {
      irq_hook(f, kind);
      return;
    }
    puts_("unexpected asynchronous exception, vector ");
    put_dec(kind);
    puts_("\nFAIL\n");
    exit(1);
  }
  if (sync_hook) sync_hook(f, kind);
  last_exc.count++;
  last_exc.kind = kind;
  last_exc.esr = esr;
  last_exc.far = READ_SYSREG(far_el1);
  last_exc.elr = f->elr;
  last_exc.spsr = f->spsr;
  if (ec == 0x15 || ec == 0x16 || ec == 0x17) return;  // ELR is the next instruction
  if (last_exc.count > 100) {
    puts_("exception loop\nFAIL\n");
    exit(1);
  }
  f->elr = f->x[30];
  f->spsr &= ~(1ul << 20);                     // PSTATE.IL
  if (kind < 8) f->spsr = (f->spsr & ~0xful) | 0x5;  // back to EL1h
}
