// Support for the bare-metal test programs: console output and exit through
// ARM semihosting, exception recording, running code at EL0, and checks.
#pragma once

typedef unsigned long u64;
typedef unsigned int u32;

// The frame start.S builds for on_exception.
struct exc_frame {
  u64 x[31];
  u64 elr;
  u64 spsr;
  u64 pad;
};

// Vector index: 0-3 current EL with SP_EL0, 4-7 current EL with SP_ELx, 8-11
// lower EL AArch64; within each, 0 synchronous, 1 IRQ, 2 FIQ, 3 SError.
enum { kVecSync = 0, kVecIrq = 1, kVecFiq = 2, kVecSError = 3 };

// The last exception taken (other than the EL0 return call).
struct exc_record {
  u64 count;
  u64 kind;
  u64 esr;
  u64 far;
  u64 elr;
  u64 spsr;
};
extern volatile struct exc_record last_exc;

// An IRQ/FIQ handler; when null, an interrupt is a test failure.
extern void (*volatile irq_hook)(struct exc_frame* f, u64 kind);

// Called first for every synchronous exception (but the EL0 return call)
// when set; the exception is then recorded and returned from as usual.
extern void (*volatile sync_hook)(struct exc_frame* f, u64 kind);

// Synchronous exceptions other than SVC/HVC/SMC return to the address in
// X30 (the faulting code is a leaf function called with BL) at the EL it was
// taken from, with PSTATE.IL cleared; at EL1 the stack pointer selection
// goes back to SP_EL1.

void puts_(const char* s);  // no newline added
void put_hex(u64 v);        // 0x..., no leading zeros
void put_dec(u64 v);
void println(const char* label, u64 hex_value);  // "label: 0x...\n"
void exit(int code) __attribute__((noreturn));

// Runs fn() at EL0 (SP_EL0 = an EL0 stack, DAIF clear) and comes back to
// EL1 when it returns.
void run_at_el0(void (*fn)(void));

// Clears last_exc.
void reset_exc(void);

// Records a failed check (prints "FAIL: what") and counts it.
void check(int ok, const char* what);
// Prints the final "PASS" or "FAIL" line; returns the exit status.
int finish(void);

#define READ_SYSREG(name)                              \
  ({                                                   \
    u64 v_;                                            \
    __asm__ volatile("mrs %0, " #name : "=r"(v_));     \
    v_;                                                \
  })
#define WRITE_SYSREG(name, v) __asm__ volatile("msr " #name ", %0" ::"r"((u64)(v)) : "memory")
#define ISB() __asm__ volatile("isb" ::: "memory")
