// FEAT_PAN and FEAT_UAO (ARM ARM D8.4.3, C5.2.11 PAN, C5.2.19 UAO):
// - MSR PAN, #imm and the PAN register; PSTATE.PAN is set on exception entry
//   to EL1 when SCTLR_EL1.SPAN == 0, kept when SPAN == 1, saved in SPSR_EL1
//   bit 22 and restored by ERET;
// - with PAN == 1, EL1 data accesses to EL0-accessible memory (AP[1] = 1)
//   give Permission faults; instruction fetches and AT S1E1R/W are not
//   affected; LDTR/STTR are checked with EL0 permissions and are not
//   affected by PAN (AArch64.CheckPermission: PAN applies to privileged
//   accesses only);
// - with PSTATE.UAO == 1, LDTR/STTR at EL1 are checked as privileged
//   accesses (so PAN applies to them); UAO is cleared on exception entry.
// QEMU's Cortex-A57 has neither: compared with QEMU's "max" CPU.
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define WINDOW 0x80000000ul
#define EL1_RW (WINDOW + 0 * PAGE)
#define EL0_RW (WINDOW + 1 * PAGE)
#define EL0_RO (WINDOW + 2 * PAGE)
#define EL0_RO_CODE (WINDOW + 3 * PAGE)
#define EL1_RO (WINDOW + 4 * PAGE)

__attribute__((section(".pagetables"), aligned(4096))) static u64 l1[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];
__attribute__((aligned(4096))) static volatile u32 code_page[1024];

u64 try_ldtr(u64 va);
void try_sttr(u64 va, u64 v);
void set_pan(u64 on), set_uao(u64 on), do_svc(void);
u64 read_pan(void), read_uao(void);

static volatile u64 pan_in_handler, uao_in_handler;
static void record_pstate(struct exc_frame* f, u64 kind) {
  (void)f;
  (void)kind;
  pan_in_handler = read_pan();
  uao_in_handler = read_uao();
}

static void expect_ldtr(const char* name, u64 va, u64 esr) {
  reset_exc();
  (void)try_ldtr(va);
  expect_fault(name, esr, va);
}
static void expect_sttr(const char* name, u64 va, u64 esr) {
  reset_exc();
  try_sttr(va, 0);
  expect_fault(name, esr, va);
}

static void svc_with(const char* name, u64 span, u64 pan) {
  u64 sctlr = READ_SYSREG(sctlr_el1);
  WRITE_SYSREG(sctlr_el1, span ? sctlr | SCTLR_SPAN : sctlr & ~SCTLR_SPAN);
  ISB();
  set_pan(pan);
  reset_exc();
  do_svc();
  const u64 after = read_pan();
  puts_(name);
  puts_(": pan in handler ");
  put_hex(pan_in_handler);
  puts_(" spsr.pan ");
  put_hex(last_exc.spsr & (1ul << 22));
  puts_(" pan after eret ");
  put_hex(after);
  puts_("\n");
  check(pan_in_handler == ((pan || !span) ? 1ul << 22 : 0), name);
  check((last_exc.spsr & (1ul << 22)) == (pan ? 1ul << 22 : 0), name);
  check(after == (pan ? 1ul << 22 : 0), name);
  set_pan(0);
}

int main(void) {
  l1[1] = leaf(RAM, DESC_BLOCK);
  l1[2] = table(l2);
  l2[0] = table(l3);
  l3[0] = leaf((u64)page_a, DESC_TABLE);
  l3[1] = leaf((u64)page_a, DESC_TABLE) | AP_EL0;
  l3[2] = leaf((u64)page_a, DESC_TABLE) | AP_EL0 | AP_RO;
  l3[3] = leaf((u64)code_page, DESC_TABLE) | AP_EL0 | AP_RO;
  l3[4] = leaf((u64)page_a, DESC_TABLE) | AP_RO;
  mmu_on(TCR_T0SZ(25) | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(2), (u64)l1, 0);
  puts_("mmu on\n");
  put_ret(code_page);
  sync_hook = record_pstate;
  const u64 perm = FSC_PERMISSION(3);

  println("pan", read_pan());
  set_pan(1);
  println("pan after msr pan, #1", read_pan());
  check(read_pan() == 1ul << 22, "msr pan");

  expect_load("pan el1 read el1 page", EL1_RW, 0);
  expect_load("pan el1 read el0 page", EL0_RW, ESR_DABT_EL1 | perm);
  expect_store("pan el1 write el0 page", EL0_RW, ESR_DABT_EL1 | ESR_WNR | perm);
  expect_load("pan el1 read el0 read-only page", EL0_RO, ESR_DABT_EL1 | perm);
  expect_ldtr("pan ldtr el0 page", EL0_RW, 0);
  expect_sttr("pan sttr el0 page", EL0_RW, 0);
  expect_ldtr("pan ldtr el1 page", EL1_RW, ESR_DABT_EL1 | perm);
  expect_sttr("pan sttr el0 read-only page", EL0_RO, ESR_DABT_EL1 | ESR_WNR | perm);
  expect_call("pan fetch el0 read-only page", EL0_RO_CODE, 0);
  const u64 par = at(0, EL0_RW);
  println("pan at s1e1r el0 page", par_printable(par));
  check((par & 1) == 0, "pan at s1e1r");
  expect_el0("pan el0 read el0 page", el0_load, EL0_RW, 0);
  set_pan(0);
  expect_load("no pan el1 read el0 page", EL0_RW, 0);
  expect_ldtr("no pan ldtr el1 page", EL1_RW, ESR_DABT_EL1 | perm);

  svc_with("span=1 pan=0", 1, 0);
  svc_with("span=1 pan=1", 1, 1);
  svc_with("span=0 pan=0", 0, 0);
  svc_with("span=0 pan=1", 0, 1);
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | SCTLR_SPAN);
  ISB();

  set_uao(1);
  println("uao after msr uao, #1", read_uao());
  check(read_uao() == 1ul << 23, "msr uao");
  expect_ldtr("uao ldtr el1 page", EL1_RW, 0);
  expect_sttr("uao sttr el1 read-only page", EL1_RO, ESR_DABT_EL1 | ESR_WNR | perm);
  expect_sttr("uao sttr el0 page", EL0_RW, 0);
  set_pan(1);
  expect_ldtr("uao pan ldtr el0 page", EL0_RW, ESR_DABT_EL1 | perm);
  set_pan(0);
  reset_exc();
  do_svc();
  const u64 uao_after = read_uao();
  println("uao in handler", uao_in_handler);
  println("uao after eret", uao_after);
  check(uao_in_handler == 0 && uao_after == 1ul << 23 && (last_exc.spsr & (1ul << 23)),
        "uao on exception entry");
  set_uao(0);
  expect_ldtr("no uao ldtr el1 page", EL1_RW, ESR_DABT_EL1 | perm);
  sync_hook = 0;
  return finish();
}
