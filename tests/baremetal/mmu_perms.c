// Stage 1 permissions of the EL1&0 regime (ARM ARM D8.4, pseudocode
// AArch64.CheckPermission): AP[2:1] for EL1 and EL0 reads and writes, PXN and
// UXN, the implicit PXN of EL0-writable memory, EL0 execute-only memory
// (AP[1] = 0, UXN = 0), SCTLR_EL1.WXN, and the hierarchical APTable,
// PXNTable and UXNTable of table descriptors (D8.4.2). Permission faults
// report the level of the final descriptor, even when a table descriptor's
// limit caused them.
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define WINDOW 0x80000000ul

__attribute__((section(".pagetables"), aligned(4096))) static u64 l1[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2_ram[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_ram[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2_win[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_win[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_t_ro[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_t_noel0[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_t_pxn[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_t_uxn[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2_t_ro[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];
__attribute__((aligned(4096))) static volatile u32 code_page[1024];
extern char __rw_start[];

static u64 ap_bits(int ap) { return (ap & 2 ? AP_RO : 0) | (ap & 1 ? AP_EL0 : 0); }

// The windows: l2_win[n] covers WINDOW + n * 2MB.
#define DATA_VA(ap) (WINDOW + (u64)(ap) * PAGE)
#define CODE_VA(i) (WINDOW + (4 + (u64)(i)) * PAGE)
#define TABLE_VA(n) (WINDOW + (u64)(n) * 0x200000)

static void map_ram(void) {
  // The first 2MB of RAM by pages: code and read-only data read-only (so
  // that WXN leaves them executable), the rest read/write and PXN; then
  // 2MB blocks.
  l1[1] = table(l2_ram);
  l2_ram[0] = table(l3_ram);
  for (u64 i = 0; i < 512; ++i) {
    const u64 pa = RAM + i * PAGE;
    l3_ram[i] = leaf(pa, DESC_TABLE) | (pa < (u64)__rw_start ? AP_RO : PXN);
  }
  for (u64 i = 1; i < 512; ++i) l2_ram[i] = leaf(RAM + i * 0x200000, DESC_BLOCK) | PXN;
}

int main(void) {
  map_ram();
  l1[2] = table(l2_win);
  l2_win[0] = table(l3_win);
  for (int ap = 0; ap < 4; ++ap) l3_win[ap] = leaf((u64)page_a, DESC_TABLE) | ap_bits(ap);
  const u64 code = leaf((u64)code_page, DESC_TABLE);
  l3_win[4] = code;                         // EL1 RW, executable at EL1 and EL0
  l3_win[5] = code | PXN;
  l3_win[6] = code | UXN;
  l3_win[7] = code | AP_EL0;                // EL0 RW: implicitly PXN
  l3_win[8] = code | AP_RO;                 // EL1 read-only
  l3_win[9] = code | AP_RO | AP_EL0 | UXN | PXN;
  l2_win[1] = table(l3_t_ro) | AP_TABLE_RO;
  l3_t_ro[0] = leaf((u64)page_a, DESC_TABLE) | AP_EL0;
  l2_win[2] = table(l3_t_noel0) | AP_TABLE_NO_EL0;
  l3_t_noel0[0] = leaf((u64)page_a, DESC_TABLE) | AP_EL0;
  l2_win[3] = table(l3_t_pxn) | PXN_TABLE;
  l3_t_pxn[0] = code;
  l2_win[4] = table(l3_t_uxn) | UXN_TABLE;
  l3_t_uxn[0] = code;
  // APTable at level 1 limiting a level 2 block.
  l1[3] = table(l2_t_ro) | AP_TABLE_RO;
  l2_t_ro[0] = leaf(RAM, DESC_BLOCK);

  mmu_on(TCR_T0SZ(25) | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(2), (u64)l1, 0);
  puts_("mmu on\n");
  put_ret(code_page);

  // AP[2:1] (ARM ARM D8.4.1, Table "Data access permissions"):
  // 00 EL1 RW, EL0 none; 01 EL1 RW, EL0 RW; 10 EL1 RO, EL0 none;
  // 11 EL1 RO, EL0 RO.
  static const char* names[4][4] = {
      {"ap00 el1 read", "ap00 el1 write", "ap00 el0 read", "ap00 el0 write"},
      {"ap01 el1 read", "ap01 el1 write", "ap01 el0 read", "ap01 el0 write"},
      {"ap10 el1 read", "ap10 el1 write", "ap10 el0 read", "ap10 el0 write"},
      {"ap11 el1 read", "ap11 el1 write", "ap11 el0 read", "ap11 el0 write"},
  };
  const u64 perm = FSC_PERMISSION(3);
  for (int ap = 0; ap < 4; ++ap) {
    const u64 va = DATA_VA(ap);
    const int el1_w = !(ap & 2), el0_r = ap & 1, el0_w = ap == 1;
    expect_load(names[ap][0], va, 0);
    expect_store(names[ap][1], va, el1_w ? 0 : ESR_DABT_EL1 | ESR_WNR | perm);
    expect_el0(names[ap][2], el0_load, va, el0_r ? 0 : ESR_DABT_EL0 | perm);
    expect_el0(names[ap][3], el0_store, va, el0_w ? 0 : ESR_DABT_EL0 | ESR_WNR | perm);
  }

  // Execute permissions.
  expect_call("el1 exec ap00", CODE_VA(0), 0);
  expect_el0("el0 exec ap00 (execute-only)", el0_call, CODE_VA(0), 0);
  expect_el0("el0 read ap00 (execute-only)", el0_load, CODE_VA(0), ESR_DABT_EL0 | perm);
  expect_call("el1 exec pxn", CODE_VA(1), ESR_IABT_EL1 | perm);
  expect_el0("el0 exec pxn", el0_call, CODE_VA(1), 0);
  expect_call("el1 exec uxn", CODE_VA(2), 0);
  expect_el0("el0 exec uxn", el0_call, CODE_VA(2), ESR_IABT_EL0 | perm);
  expect_call("el1 exec el0-writable", CODE_VA(3), ESR_IABT_EL1 | perm);
  expect_el0("el0 exec el0-writable", el0_call, CODE_VA(3), 0);
  expect_call("el1 exec read-only", CODE_VA(4), 0);
  expect_call("el1 exec uxn pxn", CODE_VA(5), ESR_IABT_EL1 | perm);
  expect_el0("el0 exec uxn pxn", el0_call, CODE_VA(5), ESR_IABT_EL0 | perm);

  // Hierarchical controls.
  expect_load("aptable ro el1 read", TABLE_VA(1), 0);
  expect_store("aptable ro el1 write", TABLE_VA(1), ESR_DABT_EL1 | ESR_WNR | perm);
  expect_el0("aptable ro el0 read", el0_load, TABLE_VA(1), 0);
  expect_el0("aptable ro el0 write", el0_store, TABLE_VA(1), ESR_DABT_EL0 | ESR_WNR | perm);
  expect_store("aptable no-el0 el1 write", TABLE_VA(2), 0);
  expect_el0("aptable no-el0 el0 read", el0_load, TABLE_VA(2), ESR_DABT_EL0 | perm);
  expect_call("pxntable el1 exec", TABLE_VA(3), ESR_IABT_EL1 | perm);
  expect_el0("pxntable el0 exec", el0_call, TABLE_VA(3), 0);
  expect_call("uxntable el1 exec", TABLE_VA(4), 0);
  expect_el0("uxntable el0 exec", el0_call, TABLE_VA(4), ESR_IABT_EL0 | perm);
  expect_load("aptable ro l1 read", 0xc0000000ul + 0x1000, 0);
  expect_store("aptable ro l1 write (l2 block)", 0xc0000000ul + 0x1000,
               ESR_DABT_EL1 | ESR_WNR | FSC_PERMISSION(2));

  // SCTLR_EL1.WXN: memory writable at an EL is execute-never there. WXN may
  // be cached in TLB entries (ARM ARM D17.2.118), hence the invalidation.
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | SCTLR_WXN);
  tlbi_all();
  puts_("wxn on\n");
  expect_call("wxn el1 exec writable", CODE_VA(0), ESR_IABT_EL1 | perm);
  expect_call("wxn el1 exec read-only", CODE_VA(4), 0);
  expect_el0("wxn el0 exec el1-writable", el0_call, CODE_VA(0), 0);
  expect_el0("wxn el0 exec el0-writable", el0_call, CODE_VA(3), ESR_IABT_EL0 | perm);
  expect_call("wxn el1 exec uxn", CODE_VA(2), ESR_IABT_EL1 | perm);
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) & ~SCTLR_WXN);
  tlbi_all();
  expect_call("wxn off el1 exec writable", CODE_VA(0), 0);
  return finish();
}
