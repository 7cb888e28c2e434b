// Synchronous exceptions taken to EL1 from EL1 and EL0: ESR_EL1, ELR_EL1,
// FAR_EL1 (where architecturally written), SPSR_EL1 and the vector used.
#include "testlib.h"

void do_svc(void), do_svc_el0(void), do_brk(void), do_udf(void), do_smc(void);
void do_hlt(void), do_pc_align(void), do_fmov(void), do_simd_add(void);
void do_ldr_q(void), do_mrs_fpcr(void), do_illegal_eret(void);
void do_wfi_el0(void);
extern char svc_insn[], svc_el0_insn[], brk_insn[], udf_insn[], smc_insn[], hlt_insn[];
extern char pc_align_target[], fmov_insn[], simd_insn[], ldr_q_insn[];
extern char mrs_fpcr_insn[], illegal_target[], wfi_insn[];

static void report(const char* name) {
  puts_(name);
  puts_(": vector ");
  put_dec(last_exc.kind);
  puts_(" esr ");
  put_hex(last_exc.esr);
  puts_(" elr ");
  put_hex(last_exc.elr);
  puts_(" spsr ");
  put_hex(last_exc.spsr);
  puts_("\n");
}

static void expect(const char* name, void (*fn)(void), int el0, u64 kind, u64 esr, u64 elr) {
  reset_exc();
  if (el0) run_at_el0(fn); else fn();
  report(name);
  check(last_exc.count == 1, name);
  check(last_exc.kind == kind, name);
  check(last_exc.esr == esr, name);
  check(last_exc.elr == elr, name);
}

static void set_cpacr_fpen(u64 fpen) {
  WRITE_SYSREG(cpacr_el1, fpen << 20);
  ISB();
}

int main(void) {
  // Vector 4: current EL with SP_EL1; vector 8: lower EL, AArch64.
  expect("svc el1", do_svc, 0, 4, 0x56001234, (u64)svc_insn + 4);
  expect("svc el0", do_svc_el0, 1, 8, 0x56000042, (u64)svc_el0_insn + 4);
  expect("brk", do_brk, 0, 4, 0xf2000077, (u64)brk_insn);
  expect("udf", do_udf, 0, 4, 0x02000000, (u64)udf_insn);
  expect("udf el0", do_udf, 1, 8, 0x02000000, (u64)udf_insn);
  // No EL3: SMC is UNDEFINED.
  expect("smc", do_smc, 0, 4, 0x02000000, (u64)smc_insn);
  // HLT is UNDEFINED unless halting debug is enabled (semihosting uses only
  // HLT #0xF000).
  expect("hlt", do_hlt, 0, 4, 0x02000000, (u64)hlt_insn);

  expect("pc alignment", do_pc_align, 0, 4, 0x8a000000, (u64)pc_align_target + 2);
  println("pc alignment far", last_exc.far);
  check(last_exc.far == (u64)pc_align_target + 2, "pc alignment far");

  // CPACR_EL1.FPEN: 00 traps EL0 and EL1, 01 traps EL0 only, 11 nothing.
  // EC 0x07 with ISS CV = 1, COND = 0b1110 (as for the other traps of
  // instructions executed in AArch64 state).
  set_cpacr_fpen(0);
  expect("fp trap fmov", do_fmov, 0, 4, 0x1fe00000, (u64)fmov_insn);
  expect("fp trap simd", do_simd_add, 0, 4, 0x1fe00000, (u64)simd_insn);
  expect("fp trap ldr q", do_ldr_q, 0, 4, 0x1fe00000, (u64)ldr_q_insn);
  expect("fp trap mrs fpcr", do_mrs_fpcr, 0, 4, 0x1fe00000, (u64)mrs_fpcr_insn);
  set_cpacr_fpen(1);
  reset_exc();
  do_fmov();
  check(last_exc.count == 0, "fpen=01 at el1 does not trap");
  expect("fp trap el0", do_fmov, 1, 8, 0x1fe00000, (u64)fmov_insn);
  set_cpacr_fpen(3);
  reset_exc();
  run_at_el0(do_simd_add);
  check(last_exc.count == 0, "fpen=11 at el0 does not trap");

  expect("illegal state", do_illegal_eret, 0, 4, 0x3a000000, (u64)illegal_target);
  check((last_exc.spsr >> 20 & 1) == 1, "spsr.il set");

  // SCTLR_EL1.nTWI = 0: WFI at EL0 traps (EC 0x01; CV = 1, COND = 0b1110,
  // TI = 0).
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) & ~(1ul << 16));
  ISB();
  expect("wfi trap el0", do_wfi_el0, 1, 8, 0x07e00000, (u64)wfi_insn);
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | (1ul << 16));
  ISB();
  return finish();
}
