// MMU behaviour QEMU 7.2 does not model, checked against values from the
// ARM ARM (mmu_arch_only.expected):
// - a block descriptor at level 0 with the 4KB granule is invalid without
//   FEAT_LPA2: a level 0 Translation fault (D8.3.1); QEMU uses it as a 512GB
//   block (likewise a level 1 block with the 16KB granule: not tested here);
// - any unaligned access to Device memory (MAIR attribute 0b0000dd00) gives
//   an Alignment fault (DFSC 0b100001), whatever SCTLR_EL1.A (B2.5.2);
// - STXR at an unaligned address gives an Alignment fault whether or not the
//   monitor would pass (AArch64.ExclusiveMonitorsPass checks alignment
//   first); QEMU just fails the store;
// - FEAT_LSE atomics at unaligned addresses give Alignment faults (no
//   FEAT_LSE2; QEMU's Cortex-A57 has no LSE).
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define WINDOW 0x80000000ul  // l0[0] -> l1[2] -> l2 -> l3
#define NORMAL_VA (WINDOW + 0 * PAGE)
#define DEVICE_VA (WINDOW + 1 * PAGE)

__attribute__((section(".pagetables"), aligned(4096))) static u64 l0[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];
__attribute__((aligned(4096))) static volatile u64 page_b[512];

u64 try_ldr_w(u64), try_ldrh(u64), try_ldp_x(u64);
void try_str_w(u64, u64), try_stxr(u64, u64);
void try_ldadd_x(u64, u64), try_cas_w(u64, u64), try_swp_x(u64, u64);

#define EXPECT(name, call, va, esr) \
  do {                              \
    reset_exc();                    \
    (void)call;                     \
    expect_fault(name, esr, va);    \
  } while (0)

int main(void) {
  l0[0] = table(l1);
  l0[1] = leaf(RAM, DESC_BLOCK);  // a (reserved) level 0 block
  l1[1] = leaf(RAM, DESC_BLOCK);
  l1[2] = table(l2);
  l2[0] = table(l3);
  l3[0] = leaf((u64)page_a, DESC_TABLE);
  l3[1] = (u64)page_b | DESC_TABLE | ATTR_DEVICE | (2ul << 8) | AF;
  mmu_on(TCR_T0SZ(16) | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(2), (u64)l0, 0);
  puts_("mmu on\n");

  EXPECT("4k level 0 block", try_load(0x8000000000ul + 0x1000), 0x8000000000ul + 0x1000,
         ESR_DABT_EL1 | FSC_TRANSLATION(0));

  const u64 al = ESR_DABT_EL1 | FSC_ALIGNMENT, al_w = al | ESR_WNR;
  EXPECT("device ldr x +0", try_load(DEVICE_VA), DEVICE_VA, 0);
  EXPECT("device ldr x +4", try_load(DEVICE_VA + 4), DEVICE_VA + 4, al);
  EXPECT("device ldr w +2", try_ldr_w(DEVICE_VA + 2), DEVICE_VA + 2, al);
  EXPECT("device ldr w +4", try_ldr_w(DEVICE_VA + 4), DEVICE_VA + 4, 0);
  EXPECT("device ldrh +1", try_ldrh(DEVICE_VA + 1), DEVICE_VA + 1, al);
  EXPECT("device str x +1", try_store(DEVICE_VA + 1, 0), DEVICE_VA + 1, al_w);
  EXPECT("device str w +6", try_str_w(DEVICE_VA + 6, 0), DEVICE_VA + 6, al_w);
  EXPECT("device ldp x +8", try_ldp_x(DEVICE_VA + 8), DEVICE_VA + 8, 0);
  EXPECT("device ldp x +4", try_ldp_x(DEVICE_VA + 4), DEVICE_VA + 4, al);
  EXPECT("stxr x +4", try_stxr(NORMAL_VA + 4, 0), NORMAL_VA + 4, al_w);
  // Atomics: ESR_EL1.WnR is 0 when a read of the address would have
  // generated the fault (D17.2.37, ISS WnR), as an Alignment fault would.
  EXPECT("ldadd x +4", try_ldadd_x(NORMAL_VA + 4, 0), NORMAL_VA + 4, al);
  EXPECT("cas w +2", try_cas_w(NORMAL_VA + 2, 0), NORMAL_VA + 2, al);
  EXPECT("swp x +12", try_swp_x(NORMAL_VA + 12, 0), NORMAL_VA + 12, al);
  EXPECT("ldadd x +8", try_ldadd_x(NORMAL_VA + 8, 0), NORMAL_VA + 8, 0);
  return finish();
}
