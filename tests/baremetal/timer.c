// The EL1 virtual and physical timers (ARM ARM D11.2) wired to the PE's IRQ
// input (a64sim's bare machine; QEMU's virt board needs a GIC for this):
// the interrupt is taken when ENABLE = 1, IMASK = 0 and CVAL <= the counter,
// ISTATUS reflects the condition, WFI sleeps until the interrupt, and
// PSTATE.I masks it without stopping WFI from waking.
#include "testlib.h"

static volatile u64 irqs, irq_kind, irq_ctl;
static volatile int which;  // 0: virtual, 1: physical

static void on_irq(struct exc_frame* f, u64 kind) {
  (void)f;
  irqs++;
  irq_kind = kind;
  // Deassert by masking the timer (IMASK = 1), as a driver would.
  if (which == 0) {
    irq_ctl = READ_SYSREG(cntv_ctl_el0);
    WRITE_SYSREG(cntv_ctl_el0, 3);
  } else {
    irq_ctl = READ_SYSREG(cntp_ctl_el0);
    WRITE_SYSREG(cntp_ctl_el0, 3);
  }
  ISB();
}

static void irq_on(void) { __asm__ volatile("msr daifclr, #2" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); }
static void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

int main(void) {
  irq_hook = on_irq;
  println("cntfrq", READ_SYSREG(cntfrq_el0));
  check(READ_SYSREG(cntfrq_el0) == 62500000, "cntfrq is 62.5 MHz");

  // Virtual timer, CVAL 1000 ticks ahead, WFI with IRQs unmasked.
  which = 0;
  u64 cval = READ_SYSREG(cntvct_el0) + 1000;
  WRITE_SYSREG(cntv_cval_el0, cval);
  WRITE_SYSREG(cntv_ctl_el0, 1);
  ISB();
  println("cntv_ctl before", READ_SYSREG(cntv_ctl_el0));
  check(READ_SYSREG(cntv_ctl_el0) == 1, "istatus 0 before the deadline");
  irq_on();
  wfi();
  irq_off();
  println("irqs", irqs);
  println("irq vector", irq_kind);
  println("cntv_ctl in handler", irq_ctl);
  check(irqs == 1, "one virtual timer irq");
  check(irq_kind == 5, "irq from el1h: vector 5 (offset 0x280)");
  check(irq_ctl == 5, "enable and istatus set in the handler");
  check(READ_SYSREG(cntvct_el0) >= cval, "counter reached cval");
  println("cntv_ctl after", READ_SYSREG(cntv_ctl_el0));

  // TVAL: CVAL = counter + TVAL; a busy loop sees the interrupt.
  WRITE_SYSREG(cntv_tval_el0, 200);
  WRITE_SYSREG(cntv_ctl_el0, 1);
  ISB();
  irq_on();
  for (u64 i = 0; i < 1000000 && irqs == 1; ++i) __asm__ volatile("" ::: "memory");
  irq_off();
  println("irqs after tval", irqs);
  check(irqs == 2, "tval irq taken in a busy loop");

  // Masked by PSTATE.I: WFI still wakes, the IRQ is taken only once unmasked.
  which = 1;
  WRITE_SYSREG(cntp_cval_el0, READ_SYSREG(cntpct_el0) + 500);
  WRITE_SYSREG(cntp_ctl_el0, 1);
  ISB();
  wfi();
  println("irqs after masked wfi", irqs);
  println("cntp_ctl after masked wfi", READ_SYSREG(cntp_ctl_el0));
  check(irqs == 2, "no irq while masked");
  check(READ_SYSREG(cntp_ctl_el0) == 5, "physical timer istatus");
  irq_on();
  __asm__ volatile("isb" ::: "memory");
  irq_off();
  println("irqs after unmask", irqs);
  check(irqs == 3, "physical timer irq after unmasking");

  // IMASK = 1: ISTATUS still shows the condition, no interrupt.
  WRITE_SYSREG(cntv_cval_el0, 0);
  WRITE_SYSREG(cntv_ctl_el0, 3);
  ISB();
  irq_on();
  __asm__ volatile("isb" ::: "memory");
  irq_off();
  println("cntv_ctl masked", READ_SYSREG(cntv_ctl_el0));
  check(irqs == 3, "imask blocks the interrupt");
  check(READ_SYSREG(cntv_ctl_el0) == 7, "istatus with imask");
  return finish();
}
