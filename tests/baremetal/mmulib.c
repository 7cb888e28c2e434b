#include "mmulib.h"

void tlbi_all(void) { __asm__ volatile("dsb ishst; tlbi vmalle1; dsb ish; isb" ::: "memory"); }

void mmu_on(u64 tcr, u64 ttbr0, u64 ttbr1) {
  WRITE_SYSREG(mair_el1, MAIR_VALUE);
  WRITE_SYSREG(tcr_el1, tcr);
  WRITE_SYSREG(ttbr0_el1, ttbr0);
  WRITE_SYSREG(ttbr1_el1, ttbr1);
  ISB();
  tlbi_all();
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | SCTLR_M);
  ISB();
}

u64 at(int op, u64 va) {
  switch (op) {
    case 0: __asm__ volatile("at s1e1r, %0" ::"r"(va)); break;
    case 1: __asm__ volatile("at s1e1w, %0" ::"r"(va)); break;
    case 2: __asm__ volatile("at s1e0r, %0" ::"r"(va)); break;
    default: __asm__ volatile("at s1e0w, %0" ::"r"(va)); break;
  }
  ISB();
  return READ_SYSREG(par_el1);
}

u64 par_printable(u64 par) { return (par & 1) ? par : par & ~(1ul << 9); }

void expect_fault(const char* name, u64 esr, u64 va) {
  puts_(name);
  if (last_exc.count == 0) {
    puts_(": ok\n");
  } else {
    puts_(": esr ");
    put_hex(last_exc.esr);
    puts_(" far ");
    put_hex(last_exc.far);
    puts_("\n");
  }
  if (esr == 0)
    check(last_exc.count == 0, name);
  else
    check(last_exc.count == 1 && last_exc.esr == esr && last_exc.far == va, name);
}

void expect_load(const char* name, u64 va, u64 esr) {
  reset_exc();
  (void)try_load(va);
  expect_fault(name, esr, va);
}

void expect_store(const char* name, u64 va, u64 esr) {
  reset_exc();
  try_store(va, 0);
  expect_fault(name, esr, va);
}

void expect_call(const char* name, u64 va, u64 esr) {
  reset_exc();
  try_call(va);
  expect_fault(name, esr, va);
}

void expect_el0(const char* name, void (*fn)(u64), u64 va, u64 esr) {
  reset_exc();
  run_at_el0_arg(fn, va);
  expect_fault(name, esr, va);
}

void put_ret(volatile u32* code) {
  code[0] = 0xd65f03c0;  // ret
  // Make the new instruction visible to fetch (ARM ARM B2.4.4).
  __asm__ volatile("dc cvau, %0; dsb ish; ic ivau, %0; dsb ish; isb" ::"r"(code) : "memory");
}
