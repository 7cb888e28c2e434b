// Helpers of the MMU test programs: descriptor bits, turning the MMU on,
// accesses that may fault (each a leaf function, so the handler resumes at
// X30), EL0 accesses, address translation instructions and reports.
#pragma once

#include "testlib.h"

// Stage 1 descriptor bits (ARM ARM D8.3, VMSAv8-64 translation table
// format descriptors).
#define DESC_VALID 1ul
#define DESC_TABLE 3ul  // table (levels 0-2) or page (level 3)
#define DESC_BLOCK 1ul
#define ATTR_IDX(n) ((u64)(n) << 2)
#define AP_EL0 (1ul << 6)  // AP[1]: EL0 access
#define AP_RO (1ul << 7)   // AP[2]: read-only
#define SH_INNER (3ul << 8)
#define AF (1ul << 10)
#define NG (1ul << 11)
#define PXN (1ul << 53)
#define UXN (1ul << 54)
// Table descriptor hierarchical controls (ARM ARM D8.4.2).
#define PXN_TABLE (1ul << 59)
#define UXN_TABLE (1ul << 60)
#define AP_TABLE_NO_EL0 (1ul << 61)
#define AP_TABLE_RO (1ul << 62)

// MAIR_EL1 used by every MMU test: attr0 Normal Write-Back (0xff), attr1
// Device-nGnRnE (0x00), attr2 Normal Non-cacheable (0x44), attr3
// Device-nGnRE (0x04), attr4 Normal Write-Through (0xbb).
#define MAIR_VALUE 0x000000bb044400fful
#define ATTR_NORMAL ATTR_IDX(0)
#define ATTR_DEVICE ATTR_IDX(1)
#define ATTR_NC ATTR_IDX(2)
#define ATTR_DEVICE_NGNRE ATTR_IDX(3)
#define ATTR_WT ATTR_IDX(4)

// A leaf (page or block) mapping of pa: Normal WB, inner shareable, AF set.
static inline u64 leaf(u64 pa, u64 type) { return pa | type | ATTR_NORMAL | SH_INNER | AF; }
static inline u64 table(void* t) { return (u64)t | DESC_TABLE; }

// ESR_ELx values of data and instruction aborts (ARM ARM D17.2.37): EC, IL =
// 1, WnR (bit 6) for writes, and the fault status code.
#define ESR_DABT_EL1 0x96000000ul  // EC 0x25: from the current EL
#define ESR_DABT_EL0 0x92000000ul  // EC 0x24: from a lower EL
#define ESR_IABT_EL1 0x86000000ul  // EC 0x21
#define ESR_IABT_EL0 0x82000000ul  // EC 0x20
#define ESR_WNR 0x40ul
// Fault status codes (DFSC/IFSC/PAR_EL1.FST) with the lookup level in [1:0].
#define FSC_ADDR_SIZE(l) (0x00ul | (l))
#define FSC_TRANSLATION(l) (0x04ul | (l))
#define FSC_ACCESS(l) (0x08ul | (l))
#define FSC_PERMISSION(l) (0x0cul | (l))
#define FSC_EXTERNAL 0x10ul
#define FSC_EXTERNAL_WALK(l) (0x14ul | (l))
#define FSC_ALIGNMENT 0x21ul

// TCR_EL1 fields. TG0 and TG1 encode the granule differently (ARM ARM
// D17.2.131): TG0 0b00 4KB, 0b01 64KB, 0b10 16KB; TG1 0b01 16KB, 0b10 4KB,
// 0b11 64KB.
#define TCR_T0SZ(n) ((u64)(n))
#define TCR_EPD0 (1ul << 7)
#define TCR_WB0 (1ul << 8 | 1ul << 10 | 3ul << 12)  // IRGN0, ORGN0 WB, SH0 inner
#define TCR_TG0_4K (0ul << 14)
#define TCR_TG0_64K (1ul << 14)
#define TCR_TG0_16K (2ul << 14)
#define TCR_T1SZ(n) ((u64)(n) << 16)
#define TCR_A1 (1ul << 22)
#define TCR_EPD1 (1ul << 23)
#define TCR_WB1 (1ul << 24 | 1ul << 26 | 3ul << 28)
#define TCR_TG1_16K (1ul << 30)
#define TCR_TG1_4K (2ul << 30)
#define TCR_TG1_64K (3ul << 30)
#define TCR_IPS(n) ((u64)(n) << 32)  // 0 32 bits, 1 36, 2 40
#define TCR_AS (1ul << 36)

#define SCTLR_M 1ul
#define SCTLR_WXN (1ul << 19)
#define SCTLR_SPAN (1ul << 23)

// Invalidates the whole TLB and turns the stage 1 MMU on.
void mmu_on(u64 tcr, u64 ttbr0, u64 ttbr1);
void tlbi_all(void);

// Accesses that may fault; a faulting one returns to its caller.
u64 try_load(u64 va);
void try_store(u64 va, u64 v);
void try_call(u64 va);  // BLR to va
// Runs at EL0: load, store, call (run_at_el0_arg in el0.S).
void el0_load(u64 va);
void el0_store(u64 va);
void el0_call(u64 va);
void run_at_el0_arg(void (*fn)(u64), u64 arg);

// AT S1E1R (0), S1E1W (1), S1E0R (2), S1E0W (3); returns PAR_EL1.
u64 at(int op, u64 va);
// PAR_EL1 for printing: NS (bit 9) masked when F == 0 (UNKNOWN for the
// Non-secure EL1&0 regime, ARM ARM D17.2.113; QEMU sets it).
u64 par_printable(u64 par);

// Expects one exception with this ESR and FAR = va (or none when esr == 0),
// prints "name: esr ... far ..." or "name: ok".
void expect_fault(const char* name, u64 esr, u64 va);
// The same after calling try_load / try_store / try_call / el0_*.
void expect_load(const char* name, u64 va, u64 esr);
void expect_store(const char* name, u64 va, u64 esr);
void expect_call(const char* name, u64 va, u64 esr);
void expect_el0(const char* name, void (*fn)(u64), u64 va, u64 esr);

// Writes the A64 instruction RET at code (a page used as an executable
// target) and makes it visible to instruction fetch.
void put_ret(volatile u32* code);

#define DSB_ISB() __asm__ volatile("dsb ish; isb" ::: "memory")
