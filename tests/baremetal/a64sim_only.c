// Exceptions QEMU's cortex-a57 model does not produce like the architecture
// says, checked against values from the ARM ARM:
// - SP alignment checking (D1.8.2): QEMU does not check SCTLR_EL1.SA/SA0;
// - HVC with no EL2 and no firmware: UNDEFINED (C6.2 HVC); QEMU's virt board
//   answers HVC with its PSCI emulation instead.
#include "testlib.h"

void do_sp_align(void), do_hvc(void);
extern char sp_align_insn[], hvc_insn[];

static void expect(const char* name, void (*fn)(void), u64 kind, u64 esr, u64 elr) {
  reset_exc();
  fn();
  puts_(name);
  puts_(": vector ");
  put_dec(last_exc.kind);
  puts_(" esr ");
  put_hex(last_exc.esr);
  puts_(" elr-insn ");
  put_hex(last_exc.elr - elr);
  puts_("\n");
  check(last_exc.count == 1 && last_exc.kind == kind && last_exc.esr == esr &&
            last_exc.elr == elr,
        name);
}

int main(void) {
  // start.S sets SCTLR_EL1.SA; the load uses SP_EL0 (EL1t): vector 0.
  // EC 0x26, IL = 1, ISS 0.
  expect("sp alignment", do_sp_align, 0, 0x9a000000, (u64)sp_align_insn);
  // EC 0x00 (UNDEFINED), preferred return = the HVC itself.
  expect("hvc", do_hvc, 4, 0x02000000, (u64)hvc_insn);
  return finish();
}
