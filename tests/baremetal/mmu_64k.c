// 64KB granule (ARM ARM D8.2): TTBR0 with T0SZ = 16 (48-bit VAs, starting
// at level 1 with a 64-entry table), 512MB level 2 blocks and 64KB level 3
// pages; TTBR1 with TG1 = 0b11 (64KB; TG0's 0b11 is reserved) and T1SZ = 22
// (42-bit VAs, starting at level 2). Faults at each level: Translation,
// Access flag, Address size (IPS = 40 bits).
#include "mmulib.h"

#define GRANULE 0x10000ul
#define RAM 0x40000000ul
#define BEYOND_IPS (1ul << 40)

__attribute__((section(".pagetables"), aligned(65536))) static u64 l1[8192];
__attribute__((section(".pagetables"), aligned(65536))) static u64 l2[8192];
__attribute__((section(".pagetables"), aligned(65536))) static u64 l3[8192];
__attribute__((aligned(65536))) static volatile u64 page64[8192];

// l1[0] -> l2: L2 indexes VA[41:29] (512MB each); l2[4] -> l3: L3 indexes
// VA[28:16].
#define L3_VA 0x80000000ul
#define L2_BLOCK_VA 0xa0000000ul
#define UPPER(pa) (0xfffffc0000000000ul + (pa))  // TTBR1 -> l2

int main(void) {
  l1[0] = table(l2);
  l2[2] = leaf(RAM, DESC_BLOCK);  // identity map of RAM: a 512MB block
  l2[4] = table(l3);
  l2[5] = leaf(RAM, DESC_BLOCK);
  // l2[6] invalid
  l2[7] = leaf(RAM, DESC_BLOCK) & ~AF;
  l2[8] = leaf(BEYOND_IPS, DESC_BLOCK);
  l2[9] = BEYOND_IPS | DESC_TABLE;
  l3[0] = leaf((u64)page64, DESC_TABLE);
  // l3[1] invalid
  l3[2] = leaf((u64)page64, DESC_TABLE) & ~AF;
  l3[3] = leaf(BEYOND_IPS, DESC_TABLE);
  // l1[1] invalid

  mmu_on(TCR_T0SZ(16) | TCR_WB0 | TCR_TG0_64K | TCR_T1SZ(22) | TCR_WB1 | TCR_TG1_64K |
             TCR_IPS(2),
         (u64)l1, (u64)l2);
  puts_("mmu on\n");

  // The page offset is VA[15:0].
  page64[0] = 0x1111;
  page64[0x9008 / 8] = 0x9999;
  println("l3 page", try_load(L3_VA));
  check(try_load(L3_VA) == 0x1111, "l3 page");
  println("l3 page +0x9008", try_load(L3_VA + 0x9008));
  check(try_load(L3_VA + 0x9008) == 0x9999, "l3 page offset");
  const u64 off = (u64)page64 - RAM;
  println("l2 block", try_load(L2_BLOCK_VA + off + 0x9008));
  check(try_load(L2_BLOCK_VA + off + 0x9008) == 0x9999, "l2 block");
  println("ttbr1", try_load(UPPER((u64)page64) + 0x9008));
  check(try_load(UPPER((u64)page64) + 0x9008) == 0x9999, "ttbr1");

  expect_load("translation l1", 0x40000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(1));
  expect_load("translation l2", 0xc0000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(2));
  expect_load("translation l3", L3_VA + GRANULE, ESR_DABT_EL1 | FSC_TRANSLATION(3));
  expect_load("access flag l2", 0xe0000000ul, ESR_DABT_EL1 | FSC_ACCESS(2));
  expect_store("access flag l3", L3_VA + 2 * GRANULE + 0x10,
               ESR_DABT_EL1 | ESR_WNR | FSC_ACCESS(3));
  expect_load("address size l2", 0x100000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l2 table", 0x120000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l3", L3_VA + 3 * GRANULE, ESR_DABT_EL1 | FSC_ADDR_SIZE(3));
  // TTBR1, T1SZ = 22: VA<63:42> must be all ones.
  expect_load("ttbr1 va range", 0xfffff80040000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  expect_load("ttbr1 translation l2", UPPER(0xc0000000ul), ESR_DABT_EL1 | FSC_TRANSLATION(2));
  return finish();
}
