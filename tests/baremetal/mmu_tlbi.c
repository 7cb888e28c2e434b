// TLB maintenance (ARM ARM D8.13, D8.14): only what the architecture
// guarantees is checked, never that a stale entry remains (a TLB need not
// cache anything).
// - After a descriptor change, TLBI (VAE1, VALE1, VAAE1, VAALE1, ASIDE1,
//   VMALLE1 and their Inner Shareable forms) + DSB + ISB, the new mapping is
//   used.
// - Descriptors that give a Translation or Access flag fault are never
//   cached (D8.13.1), so making one valid needs no TLBI.
// - ASIDs: nG mappings of two address spaces at the same VA, switched by
//   writing TTBR0_EL1.ASID (8-bit and 16-bit ASIDs, TCR_EL1.AS), each sees
//   its own mapping without TLBI; TLBI ASIDE1 / VAE1 of one ASID make that
//   ASID's new mapping visible.
#include "mmulib.h"

#define PAGE 4096ul
#define RAM 0x40000000ul
#define WINDOW 0x80000000ul

// Two address spaces sharing the global RAM block.
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1_a[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1_b[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2_a[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2_b[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_a[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_b[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3_c[512];
__attribute__((aligned(4096))) static volatile u64 pages[4][512];

static u64 page_of(int n) { return leaf((u64)pages[n], DESC_TABLE) | NG; }
static u64 value_of(int n) { return 0x1000ul * (u64)(n + 1); }

#define TLBI(op, arg) __asm__ volatile("dsb ishst; tlbi " op ", %0; dsb ish; isb" ::"r"(arg) : "memory")
#define TLBI0(op) __asm__ volatile("dsb ishst; tlbi " op "; dsb ish; isb" ::: "memory")
#define UPDATE() __asm__ volatile("dsb ishst; isb" ::: "memory")

static void set_space(u64 l1, u64 asid) {
  WRITE_SYSREG(ttbr0_el1, l1 | asid << 48);
  ISB();
}

static void expect_value(const char* name, u64 va, int n) {
  reset_exc();
  const u64 v = try_load(va);
  puts_(name);
  puts_(": ");
  if (last_exc.count) {
    puts_("fault esr ");
    put_hex(last_exc.esr);
  } else {
    put_hex(v);
  }
  puts_("\n");
  check(last_exc.count == 0 && v == value_of(n), name);
}

// The operand of TLBI VAE1 & co.: ASID in [63:48], VA[55:12] in [43:0].
static u64 va_op(u64 va, u64 asid) { return asid << 48 | (va >> 12 & 0xfffffffffffull); }

int main(void) {
  for (int n = 0; n < 4; ++n) pages[n][0] = value_of(n);
  l1_a[1] = l1_b[1] = leaf(RAM, DESC_BLOCK);
  l1_a[2] = table(l2_a);
  l1_b[2] = table(l2_b);
  l2_a[0] = table(l3_a);
  l2_b[0] = table(l3_b);
  l2_a[1] = leaf(RAM, DESC_BLOCK) | NG;  // a 2MB block, later replaced by a table
  l3_a[0] = page_of(0);
  l3_a[1] = page_of(0);
  l3_b[0] = page_of(1);
  l3_c[0] = page_of(2);

  mmu_on(TCR_T0SZ(25) | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(2), (u64)l1_a | 1ul << 48, 0);
  puts_("mmu on, asid 1\n");
  expect_value("asid 1", WINDOW, 0);

  // One VA per TLBI form: change the descriptor, invalidate, read.
  l3_a[0] = page_of(1);
  TLBI("vae1", va_op(WINDOW, 1));
  expect_value("tlbi vae1", WINDOW, 1);
  l3_a[0] = page_of(2);
  TLBI("vale1", va_op(WINDOW, 1));
  expect_value("tlbi vale1", WINDOW, 2);
  l3_a[0] = page_of(3);
  TLBI("vaae1", va_op(WINDOW, 0));
  expect_value("tlbi vaae1", WINDOW, 3);
  l3_a[0] = page_of(0);
  TLBI("vaale1", va_op(WINDOW, 0));
  expect_value("tlbi vaale1", WINDOW, 0);
  l3_a[0] = page_of(1);
  TLBI("aside1", 1ul << 48);
  expect_value("tlbi aside1", WINDOW, 1);
  l3_a[0] = page_of(2);
  TLBI0("vmalle1");
  expect_value("tlbi vmalle1", WINDOW, 2);
  l3_a[0] = page_of(3);
  TLBI("vae1is", va_op(WINDOW, 1));
  expect_value("tlbi vae1is", WINDOW, 3);
  l3_a[0] = page_of(0);
  TLBI0("vmalle1is");
  expect_value("tlbi vmalle1is", WINDOW, 0);
  l3_a[0] = page_of(1);
  TLBI("aside1is", 1ul << 48);
  expect_value("tlbi aside1is", WINDOW, 1);

  // A 2MB block replaced by a table (break-before-make).
  expect_value("2mb block", WINDOW + 0x200000 + ((u64)pages[3] - RAM), 3);
  l2_a[1] = 0;
  TLBI("vae1", va_op(WINDOW + 0x200000, 1));
  l2_a[1] = table(l3_c);
  TLBI("vae1", va_op(WINDOW + 0x200000, 1));
  expect_value("block replaced by table", WINDOW + 0x200000, 2);

  // Invalid and Access-flag-faulting descriptors are not cached.
  reset_exc();
  (void)try_load(WINDOW + 2 * PAGE);
  check(last_exc.count == 1, "invalid page faults");
  l3_a[2] = page_of(3) & ~AF;
  UPDATE();
  reset_exc();
  (void)try_load(WINDOW + 2 * PAGE);
  check(last_exc.count == 1, "access flag faults");
  l3_a[2] = page_of(3);
  UPDATE();
  expect_value("valid after fault without tlbi", WINDOW + 2 * PAGE, 3);

  // Address spaces: ASID 1 (l1_a) sees page 1 at WINDOW, ASID 2 (l1_b)
  // page 1 too until changed.
  set_space((u64)l1_b, 2);
  expect_value("asid 2", WINDOW, 1);
  l3_b[0] = page_of(2);
  TLBI("vae1", va_op(WINDOW, 2));
  expect_value("asid 2 after tlbi vae1 asid 2", WINDOW, 2);
  set_space((u64)l1_a, 1);
  expect_value("back to asid 1", WINDOW, 1);
  // Change ASID 1's mapping while running ASID 2, invalidate ASID 1 only.
  set_space((u64)l1_b, 2);
  l3_a[0] = page_of(3);
  TLBI("aside1", 1ul << 48);
  expect_value("asid 2 after tlbi aside1 asid 1", WINDOW, 2);
  set_space((u64)l1_a, 1);
  expect_value("asid 1 after tlbi aside1 asid 1", WINDOW, 3);

  // 16-bit ASIDs (TCR_EL1.AS = 1): ASIDs 0x0102 and 0x0202 differ only in
  // bits [15:8]. TCR_EL1.AS may be cached in TLB entries: invalidate all.
  WRITE_SYSREG(tcr_el1, READ_SYSREG(tcr_el1) | TCR_AS);
  set_space((u64)l1_a, 0x0102);
  TLBI0("vmalle1");
  expect_value("asid 0x0102", WINDOW, 3);
  set_space((u64)l1_b, 0x0202);
  expect_value("asid 0x0202", WINDOW, 2);
  l3_b[0] = page_of(0);
  TLBI("aside1", 0x0202ul << 48);
  expect_value("asid 0x0202 after tlbi aside1", WINDOW, 0);
  set_space((u64)l1_a, 0x0102);
  expect_value("asid 0x0102 again", WINDOW, 3);
  return finish();
}
