// 4KB granule (ARM ARM D8.2): a 48-bit TTBR0 space (T0SZ = 16, starting at
// level 0) with level 1 (1GB) and level 2 (2MB) blocks and level 3 pages,
// and a 39-bit TTBR1 space (T1SZ = 25, starting at level 1). Faults at each
// level, with ESR_EL1.DFSC/IFSC = type | level and FAR_EL1 = the VA:
// Translation (invalid descriptor, a VA outside both ranges), Access flag,
// Address size (output address or next-level table beyond TCR_EL1.IPS = 40
// bits), and a synchronous External abort on the
// walk (a table at PA 0x50000000: beyond the 128MB of RAM, unmapped on
// a64sim's bare machine and on QEMU's virt board).
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define UNMAPPED_PA 0x50000000ul
#define BEYOND_IPS (1ul << 40)

__attribute__((section(".pagetables"), aligned(4096))) static u64 l0[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1a[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1b[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];
__attribute__((aligned(4096))) static volatile u32 code_page[1024];

#define L1_BLOCK_VA 0x8000000000ul        // l0[1] -> l1b[0]
#define L2_BLOCK_VA 0x8040000000ul        // l1b[1] -> l2[0]
#define L3_VA 0x8040200000ul              // l2[1] -> l3
#define UPPER(pa) (0xffffff8000000000ul + (pa))  // TTBR1 -> l1a

int main(void) {
  l0[0] = table(l1a);
  l1a[1] = leaf(RAM, DESC_BLOCK);  // identity map of RAM: 1GB block
  l0[1] = table(l1b);
  l1b[0] = leaf(RAM, DESC_BLOCK);
  l1b[1] = table(l2);
  l2[0] = leaf(RAM, DESC_BLOCK);
  l2[1] = table(l3);
  l3[0] = leaf((u64)page_a, DESC_TABLE);
  // l3[1] invalid
  l3[2] = leaf((u64)page_a, DESC_TABLE) & ~AF;
  l3[3] = leaf(BEYOND_IPS, DESC_TABLE);
  l3[4] = leaf(UNMAPPED_PA, DESC_TABLE);
  l3[5] = leaf((u64)code_page, DESC_TABLE);
  // l2[2] invalid
  l2[3] = leaf(RAM, DESC_BLOCK) & ~AF;
  l2[4] = leaf(BEYOND_IPS, DESC_BLOCK);
  l2[5] = UNMAPPED_PA | DESC_TABLE;
  l2[6] = BEYOND_IPS | DESC_TABLE;
  // l1b[2] invalid
  l1b[3] = leaf(RAM, DESC_BLOCK) & ~AF;
  l1b[4] = leaf(BEYOND_IPS, DESC_BLOCK);
  l1b[5] = UNMAPPED_PA | DESC_TABLE;
  // l0[2] invalid. (A block descriptor at level 0, a Translation fault
  // without FEAT_LPA2, is in mmu_arch_only.c: QEMU 7.2 accepts it.)
  l0[4] = UNMAPPED_PA | DESC_TABLE;
  l0[5] = BEYOND_IPS | DESC_TABLE;

  mmu_on(TCR_T0SZ(16) | TCR_WB0 | TCR_TG0_4K | TCR_T1SZ(25) | TCR_WB1 | TCR_TG1_4K | TCR_IPS(2),
         (u64)l0, (u64)l1a);
  puts_("mmu on\n");

  page_a[0] = 0x1111;
  page_a[1] = 0x2222;
  const u64 off = (u64)page_a - RAM;
  println("l1 block", try_load(L1_BLOCK_VA + off));
  check(try_load(L1_BLOCK_VA + off) == 0x1111, "l1 block");
  println("l2 block", try_load(L2_BLOCK_VA + off));
  check(try_load(L2_BLOCK_VA + off) == 0x1111, "l2 block");
  println("l3 page", try_load(L3_VA + 8));
  check(try_load(L3_VA + 8) == 0x2222, "l3 page");
  println("ttbr1", try_load(UPPER((u64)page_a) + 8));
  check(try_load(UPPER((u64)page_a) + 8) == 0x2222, "ttbr1");

  expect_load("translation l0", 0x10000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  expect_load("translation l0 va range", 0x1000000000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  expect_load("translation l1", L1_BLOCK_VA + 0x80000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(1));
  expect_load("translation l2", L2_BLOCK_VA + 0x400000, ESR_DABT_EL1 | FSC_TRANSLATION(2));
  expect_load("translation l3", L3_VA + PAGE, ESR_DABT_EL1 | FSC_TRANSLATION(3));
  expect_store("translation l3 store", L3_VA + PAGE + 8,
               ESR_DABT_EL1 | ESR_WNR | FSC_TRANSLATION(3));

  expect_load("access flag l1", L1_BLOCK_VA + 0xc0000000ul, ESR_DABT_EL1 | FSC_ACCESS(1));
  expect_load("access flag l2", L2_BLOCK_VA + 0x600000, ESR_DABT_EL1 | FSC_ACCESS(2));
  expect_store("access flag l3", L3_VA + 2 * PAGE, ESR_DABT_EL1 | ESR_WNR | FSC_ACCESS(3));

  expect_load("address size l0", 0x28000000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(0));
  expect_load("address size l1", L1_BLOCK_VA + 0x100000000ul, ESR_DABT_EL1 | FSC_ADDR_SIZE(1));
  expect_load("address size l2", L2_BLOCK_VA + 0x800000, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l2 table", L2_BLOCK_VA + 0xc00000, ESR_DABT_EL1 | FSC_ADDR_SIZE(2));
  expect_load("address size l3", L3_VA + 3 * PAGE, ESR_DABT_EL1 | FSC_ADDR_SIZE(3));

  expect_load("external walk l1", 0x20000000000ul, ESR_DABT_EL1 | FSC_EXTERNAL_WALK(1));
  expect_load("external walk l2", L1_BLOCK_VA + 0x140000000ul,
              ESR_DABT_EL1 | FSC_EXTERNAL_WALK(2));
  expect_load("external walk l3", L2_BLOCK_VA + 0xa00000, ESR_DABT_EL1 | FSC_EXTERNAL_WALK(3));
  expect_load("external access", L3_VA + 4 * PAGE, ESR_DABT_EL1 | FSC_EXTERNAL);

  // TTBR1 (T1SZ = 25): VA<63:39> must be all ones, else a level 0
  // Translation fault (AArch64.VAIsOutOfRange).
  expect_load("ttbr1 va range", 0xffffff0040000000ul, ESR_DABT_EL1 | FSC_TRANSLATION(0));
  expect_load("ttbr1 translation l1", UPPER(0x80000000ul), ESR_DABT_EL1 | FSC_TRANSLATION(1));

  // Instruction fetches through each range, and an instruction abort.
  put_ret(code_page);
  expect_call("fetch l3 page", L3_VA + 5 * PAGE, 0);
  expect_call("fetch ttbr1", UPPER((u64)code_page), 0);
  expect_call("fetch translation l3", L3_VA + PAGE, ESR_IABT_EL1 | FSC_TRANSLATION(3));
  expect_call("fetch translation l0", 0x10000000000ul, ESR_IABT_EL1 | FSC_TRANSLATION(0));

  // A TTBR1 base beyond IPS: Address size fault at level 0, whatever the
  // initial lookup level (AArch64.TranslationTableWalk).
  WRITE_SYSREG(ttbr1_el1, BEYOND_IPS);
  tlbi_all();
  expect_load("address size ttbr1 base", UPPER((u64)page_a), ESR_DABT_EL1 | FSC_ADDR_SIZE(0));
  return finish();
}
