// Alignment (ARM ARM B2.5.2), with the MMU on:
// - load exclusive and load-acquire/store-release instructions give an
//   Alignment fault (DFSC 0b100001) on unaligned addresses in Normal memory
//   (without FEAT_LSE2), while ordinary accesses do not (SCTLR_EL1.A = 0);
// - DC ZVA zeroes exactly the naturally aligned block of 4 << DCZID_EL0.BS
//   bytes containing the address; at EL0 with SCTLR_EL1.DZE = 0 it traps
//   (EC 0x18).
// Device memory alignment and STXR are in mmu_arch_only.c: QEMU 7.2 does
// not check them.
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define WINDOW 0x80000000ul
#define NORMAL_VA (WINDOW + 0 * PAGE)

__attribute__((section(".pagetables"), aligned(4096))) static u64 l1[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];

u64 try_ldr_w(u64), try_ldrh(u64), try_ldp_x(u64), try_ldxr(u64), try_ldaxr_w(u64);
u64 try_ldxp(u64), try_ldar(u64);
void try_str_w(u64, u64), try_stxr(u64, u64), try_stlr_w(u64, u64), try_dc_zva(u64);
void el0_dc_zva(u64);

#define EXPECT(name, call, va, esr) \
  do {                              \
    reset_exc();                    \
    (void)call;                     \
    expect_fault(name, esr, va);    \
  } while (0)

int main(void) {
  l1[1] = leaf(RAM, DESC_BLOCK);
  l1[2] = table(l2);
  l2[0] = table(l3);
  l3[0] = leaf((u64)page_a, DESC_TABLE) | AP_EL0;
  mmu_on(TCR_T0SZ(25) | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(2), (u64)l1, 0);
  puts_("mmu on\n");

  const u64 al = ESR_DABT_EL1 | FSC_ALIGNMENT, al_w = al | ESR_WNR;
  // Normal memory, SCTLR_EL1.A = 0: ordinary unaligned accesses are fine.
  EXPECT("normal ldr x +1", try_load(NORMAL_VA + 1), NORMAL_VA + 1, 0);
  EXPECT("normal str w +2", try_str_w(NORMAL_VA + 2, 0), NORMAL_VA + 2, 0);
  // Exclusives and acquire/release on Normal memory.
  EXPECT("ldxr x +4", try_ldxr(NORMAL_VA + 4), NORMAL_VA + 4, al);
  EXPECT("ldxr x +8", try_ldxr(NORMAL_VA + 8), NORMAL_VA + 8, 0);
  EXPECT("ldaxr w +2", try_ldaxr_w(NORMAL_VA + 2), NORMAL_VA + 2, al);
  EXPECT("ldxp x +8", try_ldxp(NORMAL_VA + 8), NORMAL_VA + 8, al);
  EXPECT("ldxp x +16", try_ldxp(NORMAL_VA + 16), NORMAL_VA + 16, 0);
  EXPECT("ldar x +1", try_ldar(NORMAL_VA + 1), NORMAL_VA + 1, al);
  EXPECT("stlr w +2", try_stlr_w(NORMAL_VA + 2, 0), NORMAL_VA + 2, al_w);

  // DC ZVA.
  const u64 dczid = READ_SYSREG(dczid_el0);
  println("dczid", dczid);
  const u64 block = 4ul << (dczid & 0xf);
  for (int i = 0; i < 512; ++i) page_a[i] = 0xaaaa0000ul + (u64)i;
  EXPECT("dc zva", try_dc_zva(NORMAL_VA + block + 8), NORMAL_VA, 0);
  u64 first = 512, last = 0;
  for (u64 i = 0; i < 512; ++i) {
    if (page_a[i] == 0) {
      if (i < first) first = i;
      last = i;
    }
  }
  println("dc zva first zero byte", first * 8);
  println("dc zva last zero byte", last * 8 + 7);
  check(first * 8 == block && last * 8 + 8 == 2 * block, "dc zva block");
  // SCTLR_EL1.DZE = 0 (start.S): DC ZVA at EL0 traps to EL1 with EC 0x18,
  // ISS = Op0 1, Op2 1, Op1 3, CRn 7, Rt 0, CRm 4, Direction 0 (D17.2.37).
  reset_exc();
  run_at_el0_arg(el0_dc_zva, NORMAL_VA);
  println("el0 dc zva dze=0 esr", last_exc.esr);
  check(last_exc.count == 1 && last_exc.esr == 0x6212dc08, "el0 dc zva trap");
  return finish();
}
