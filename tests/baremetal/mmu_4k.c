// VMSAv8-64 stage 1 with the 4KB granule (ARM ARM D8): a 39-bit VA space
// starting at level 1, with a 1GB block for RAM and level 2/3 tables for a
// test window at 0x80000000. Checks translation, access flag and permission
// faults at each level (ESR_EL1, FAR_EL1), an instruction abort, an EL0
// permission fault, AT S1E1R/S1E1W/S1E0R into PAR_EL1, the effect of TLBI
// VAE1 after a descriptor change, and DC ZVA.
#include "testlib.h"

#define PAGE 4096ul
__attribute__((section(".pagetables"), aligned(4096))) static u64 l1[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l2[512];
__attribute__((section(".pagetables"), aligned(4096))) static u64 l3[512];
__attribute__((aligned(4096))) static volatile u64 page_a[512];
__attribute__((aligned(4096))) static volatile u64 page_b[512];
__attribute__((aligned(4096))) static volatile u32 code_page[1024];

// Descriptor bits (ARM ARM D8.3): valid, table/page, AttrIndx (MAIR index
// 0 = Normal write-back), AP[2:1], SH = inner shareable, AF, PXN.
#define VALID 1ul
#define TABLE 3ul
#define PAGE_DESC 3ul
#define ATTR_NORMAL (0ul << 2)
#define AP_EL0 (1ul << 6)
#define AP_RO (1ul << 7)
#define SH_INNER (3ul << 8)
#define AF (1ul << 10)
#define PXN (1ul << 53)

#define WINDOW 0x80000000ul

static u64 page(u64 pa) { return pa | PAGE_DESC | ATTR_NORMAL | SH_INNER | AF; }

static u64 load(u64 va) { return *(volatile u64*)va; }
static void store(u64 va, u64 v) { *(volatile u64*)va = v; }

static void report(const char* name) {
  puts_(name);
  puts_(": esr ");
  put_hex(last_exc.esr);
  puts_(" far ");
  put_hex(last_exc.far);
  puts_("\n");
}

// Each access is in its own non-inlined function so that a fault returns to
// its caller (the handler resumes at X30).
__attribute__((noinline)) static void try_load(u64 va) { (void)load(va); }
__attribute__((noinline)) static void try_store(u64 va) { store(va, 1); }

static void expect_load(const char* name, u64 va, u64 esr) {
  reset_exc();
  try_load(va);
  report(name);
  check(last_exc.count == 1 && last_exc.esr == esr && last_exc.far == va, name);
}
static void expect_store(const char* name, u64 va, u64 esr) {
  reset_exc();
  try_store(va);
  report(name);
  check(last_exc.count == 1 && last_exc.esr == esr && last_exc.far == va, name);
}

static u64 at(int kind, u64 va) {
  switch (kind) {
    case 0: __asm__ volatile("at s1e1r, %0" ::"r"(va)); break;
    case 1: __asm__ volatile("at s1e1w, %0" ::"r"(va)); break;
    default: __asm__ volatile("at s1e0r, %0" ::"r"(va)); break;
  }
  ISB();
  return READ_SYSREG(par_el1);
}

static void el0_load(void) { (void)load(WINDOW); }

int main(void) {
  // RAM: one 1GB level 1 block, identity mapped.
  l1[1] = 0x40000000ul | VALID | ATTR_NORMAL | SH_INNER | AF;
  l1[2] = (u64)l2 | TABLE;  // the test window 0x80000000..
  l2[0] = (u64)l3 | TABLE;  // 0x80000000..0x801fffff; l2[1] stays invalid
  l3[0] = page((u64)page_a);
  // l3[1] invalid
  l3[2] = page((u64)page_a) & ~AF;
  l3[3] = page((u64)page_a) | AP_RO;
  l3[4] = page((u64)page_a) | AP_EL0;
  l3[5] = page((u64)code_page) | PXN;

  WRITE_SYSREG(mair_el1, 0x00fful);  // attr0 Normal WB, attr1 Device-nGnRnE
  // T0SZ = 25, IRGN0 = ORGN0 = WB, SH0 inner, TG0 4KB, EPD1 = 1, IPS 40 bits.
  WRITE_SYSREG(tcr_el1, 25ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 23 | 2ul << 32);
  WRITE_SYSREG(ttbr0_el1, (u64)l1);
  __asm__ volatile("dsb ish; tlbi vmalle1; dsb ish; isb" ::: "memory");
  WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | 1);  // M
  ISB();
  puts_("mmu on\n");

  page_a[0] = 0x1111;
  page_b[0] = 0x2222;
  println("window read", load(WINDOW));
  check(load(WINDOW) == 0x1111, "window maps page a");

  // Data aborts from EL1: EC 0x25, IL = 1, DFSC = fault type | level.
  expect_load("translation l3", WINDOW + 1 * PAGE, 0x96000007);
  expect_load("translation l2", WINDOW + 0x200000, 0x96000006);
  expect_load("translation l1", 0xc0000000ul, 0x96000005);
  expect_load("access flag l3", WINDOW + 2 * PAGE, 0x9600000b);
  expect_store("permission l3 (ro)", WINDOW + 3 * PAGE, 0x9600004f);
  reset_exc();
  try_load(WINDOW + 3 * PAGE);
  check(last_exc.count == 0, "read-only page is readable");

  // Instruction abort, PXN: EC 0x21, IFSC permission level 3.
  code_page[0] = 0xd65f03c0;  // ret
  reset_exc();
  ((void (*)(void))(WINDOW + 5 * PAGE))();
  puts_("pxn fetch: esr ");
  put_hex(last_exc.esr);
  puts_(" far ");
  put_hex(last_exc.far);
  puts_("\n");
  check(last_exc.esr == 0x8600000f && last_exc.far == WINDOW + 5 * PAGE, "pxn fetch");

  // EL0 data access to an EL1-only page: EC 0x24 (lower EL).
  reset_exc();
  run_at_el0(el0_load);
  report("el0 permission");
  check(last_exc.esr == 0x9200000f && last_exc.far == WINDOW, "el0 permission");

  // AT: PAR_EL1.F = 0 with PA and attributes, or F = 1 with FST.
  const u64 par_ok = at(0, WINDOW + 0x123);
  println("at s1e1r ok", par_ok);
  check((par_ok & 1) == 0 && (par_ok & 0xfffffffff000ul) == (u64)page_a, "at pa");
  println("at s1e1r unmapped", at(0, WINDOW + PAGE));
  println("at s1e1r access flag", at(0, WINDOW + 2 * PAGE));
  println("at s1e1w read-only", at(1, WINDOW + 3 * PAGE));
  println("at s1e0r el1-only", at(2, WINDOW));
  const u64 par_el0 = at(2, WINDOW + 4 * PAGE);
  println("at s1e0r el0 page", par_el0);
  check((par_el0 & 1) == 0, "el0 page translates for el0");

  // TLBI VAE1: after changing l3[0] to page b and invalidating, the window
  // reads page b.
  (void)load(WINDOW);
  l3[0] = page((u64)page_b);
  __asm__ volatile("dsb ishst; tlbi vae1, %0; dsb ish; isb" ::"r"(WINDOW >> 12) : "memory");
  println("after tlbi vae1", load(WINDOW));
  check(load(WINDOW) == 0x2222, "tlbi vae1 takes effect");
  l3[0] = page((u64)page_a);
  __asm__ volatile("dsb ishst; tlbi vmalle1; dsb ish; isb" ::: "memory");
  println("after tlbi vmalle1", load(WINDOW));
  check(load(WINDOW) == 0x1111, "tlbi vmalle1 takes effect");

  // DC ZVA zeroes the aligned block of 4 << DCZID_EL0.BS bytes.
  const u64 dczid = READ_SYSREG(dczid_el0);
  println("dczid", dczid);
  for (int i = 0; i < 32; ++i) page_a[i] = 0xaaaa0000ul + (u64)i;
  __asm__ volatile("dc zva, %0" ::"r"(WINDOW + 0x48) : "memory");
  println("dc zva [0x38]", page_a[7]);
  println("dc zva [0x40]", page_a[8]);
  println("dc zva [0x78]", page_a[15]);
  println("dc zva [0x80]", page_a[16]);
  check(page_a[7] == 0xaaaa0007 && page_a[8] == 0 && page_a[15] == 0 &&
            page_a[16] == 0xaaaa0010,
        "dc zva zeroes 64 bytes");
  return finish();
}
