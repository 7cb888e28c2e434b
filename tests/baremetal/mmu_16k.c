// 16KB granule (ARM ARM D8.2): TTBR0 with T0SZ = 16 (48-bit VAs): the
// level 0 table has two entries (VA[47]); level 1 has no blocks (without
// FEAT_LPA2), level 2 blocks are 32MB, level 3 pages 16KB. TTBR1 with TG1 =
// 0b01 (16KB; TG0's 0b01 means 64KB) and T1SZ = 16. Faults at each level:
// Translation, Access flag, Address size (IPS = 40 bits). (A block
// descriptor at level 1, a Translation fault, is in mmu_arch_only.c: QEMU
// 7.2 accepts it.)
// QEMU's Cortex-A57 has no 16KB granule (ID_AA64MMFR0_EL1.TGran16 = 0), so
// this program is compared with QEMU's "max" CPU.
#include "mmulib.h"

#define GRANULE 0x4000ul
#define RAM 0x40000000ul
#define BEYOND_IPS (1ul << 40)

__attribute__((section(".pagetables"), aligned(16384))) static u64 l0[2048];
__attribute__((section(".pagetables"), aligned(16384))) static u64 l0_hi[2048];
__attribute__((section(".pagetables"), aligned(16384))) static u64 l1[2048];
__attribute__((section(".pagetables"), aligned(16384))) static u64 l2[2048];
__attribute__((section(".pagetables"), aligned(16384))) static u64 l3[2048];
__attribute__((aligned(16384))) static volatile u64 page16[2048];

// L1 indexes VA[46:36] (64GB each), L2 VA[35:25] (32MB), L3 VA[24:14].
#define L3_VA 0x80000000ul          // l2[64]
#define L2_BLOCK_VA 0x82000000ul    // l2[65]
#define UPPER(pa) (0xffff800000000000ul + (pa))  // TTBR1: l0_hi[1] -> l1

int main(void) {
  l0[0] = table(l1);
  // l0[1] invalid
  l0_hi[1] = table(l1);
  l1[0] = table(l2);
  // l1[1] invalid
  l2[32] = leaf(RAM, DESC_BLOCK);  // identity map of RAM: a 32MB block
  l2[64] = table(l3);
  l2[65] = leaf(RAM, DESC_BLOCK);
  // l2[66] invalid
  l2[67] = leaf(RAM, DESC_BLOCK) & ~AF;
  l2[68] = leaf(BEYOND_IPS, DESC_BLOCK);
  l2[69] = BEYOND_IPS | DESC_TABLE;
  l3[0] = leaf((u64)page16, DESC_TABLE);
  // l3[1] invalid
  l3[2] = leaf((u64)page16, DESC_TABLE) & ~AF;
  l3[3] = leaf(BEYOND_IPS, DESC_TABLE);

  mmu_on(TCR_T0SZ(16) | TCR_WB0 | TCR_TG0_16K | TCR_T1SZ(16) | TCR_WB1 | TCR_TG1_16K |
             TCR_IPS(2),
         (u64)l0, (u64)l0_hi);
  puts_("mmu on\n");

  // The page offset is VA[13:0].
  page16[0] = 0x1111;
  page16[0x3008 / 8] = 0x3333;
  println("l3 page", try_load(L3_VA));
  check(try_load(L3_VA) == 0x1111, "l3 page");
  println("l3 page +0x3008", try_load(L3_VA + 0x3008));
  check(try_load(L3_VA + 0x3008) == 0x3333, "l3 page offset");
  const u64 off = (u64)page16 - RAM;
  println("l2 block", try_load(L2_BLOCK_VA + off + 0x3008));
  check(try_load(L2_BLOCK_VA + off + 0x3008) == 0x3333, "l2 block");
  println("ttbr1", try_load(UPPER((u64)page16) + 0x3008));
  check(try_load(UPPER((u64)page16) + 0x3008) == 0x3333, "ttbr1");

  expect_load("translation l0", 0x800000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  expect_load("translation l1", 0x1000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(1));
  expect_load("translation l2", 0x84000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(2));
  expect_load("translation l3", L3_VA + GRANULE, ESR_DABT_EL1 | FSC_TRANSLATION(3));
  expect_load("access flag l2", 0x86000000ul, ESR_DABT_EL1 | FSC_ACCESS(2));
  expect_store("access flag l3", L3_VA + 2 * GRANULE + 0x10,
               ESR_DABT_EL1 | ESR_WNR | FSC_ACCESS(3));
  expect_load("address size l2", 0x88000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l2 table", 0x8a000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l3", L3_VA + 3 * GRANULE, ESR_DABT_EL1 | FSC_ADDR_SIZE(3));
  expect_load("ttbr1 translation l0", 0xffff000000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  return finish();
}
