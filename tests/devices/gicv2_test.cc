// The GICv2 model through its MMIO frames, as a driver sees it (register
// behaviour per ARM IHI 0048B).
#include "devices/gicv2.h"

#include <gtest/gtest.h>

namespace a64 {
namespace {

// Distributor offsets.
constexpr uint64_t CTLR = 0x000, TYPER = 0x004, IIDR = 0x008, IGROUPR = 0x080,
                   ISENABLER = 0x100, ICENABLER = 0x180, ISPENDR = 0x200, ICPENDR = 0x280,
                   ISACTIVER = 0x300, ICACTIVER = 0x380, IPRIORITYR = 0x400, ITARGETSR = 0x800,
                   ICFGR = 0xC00, SGIR = 0xF00, CPENDSGIR = 0xF10, SPENDSGIR = 0xF20;
// CPU interface offsets.
constexpr uint64_t C_CTLR = 0x00, PMR = 0x04, BPR = 0x08, IAR = 0x0C, EOIR = 0x10, RPR = 0x14,
                   HPPIR = 0x18, ABPR = 0x1C, AIAR = 0x20, AHPPIR = 0x28, APR0 = 0xD0,
                   C_IIDR = 0xFC, DIR = 0x1000;

class Gicv2Test : public ::testing::Test {
 protected:
  explicit Gicv2Test(unsigned cpus = 1) : gic_(cpus, 256) {
    gic_.SetChangeCallback([this] { ++changes_; });
  }

  uint32_t DR(uint64_t off, unsigned size = 4) {
    uint64_t v = 0xdeadbeef;
    EXPECT_TRUE(gic_.distributor()->Read(off, size, &v));
    return static_cast<uint32_t>(v);
  }
  void DW(uint64_t off, uint32_t v, unsigned size = 4) {
    EXPECT_TRUE(gic_.distributor()->Write(off, size, v));
  }
  uint32_t CR(uint64_t off) {
    uint64_t v = 0xdeadbeef;
    EXPECT_TRUE(gic_.cpu_interface()->Read(off, 4, &v));
    return static_cast<uint32_t>(v);
  }
  void CW(uint64_t off, uint32_t v) { EXPECT_TRUE(gic_.cpu_interface()->Write(off, 4, v)); }

  // Enables Group 0 in the Distributor and the CPU interface, PMR 0xF0.
  void EnableAll() {
    DW(CTLR, 1);
    CW(C_CTLR, 1);
    CW(PMR, 0xF0);
  }
  void Setup(unsigned id, uint8_t priority, bool edge) {
    DW(IPRIORITYR + id, priority, 1);
    uint32_t cfg = DR(ICFGR + id / 16 * 4);
    const unsigned bit = 2 * (id % 16) + 1;
    cfg = edge ? cfg | (1u << bit) : cfg & ~(1u << bit);
    DW(ICFGR + id / 16 * 4, cfg);
    DW(ISENABLER + id / 32 * 4, 1u << (id % 32));
  }
  bool Bit(uint64_t reg, unsigned id) { return (DR(reg + id / 32 * 4) >> (id % 32)) & 1; }

  Gicv2 gic_;
  int changes_ = 0;
};

class Gicv2SmpTest : public Gicv2Test {
 protected:
  Gicv2SmpTest() : Gicv2Test(2) {}
};

TEST_F(Gicv2Test, Identification) {
  EXPECT_EQ(DR(TYPER), 8u);  // 288 lines: ITLinesNumber 8, CPUNumber 0, no SecurityExtn
  EXPECT_EQ(DR(IIDR), 0x0200143Bu);
  EXPECT_EQ(DR(0xFE8), 0x2Bu);  // GICD_PIDR2: architecture version 2
  EXPECT_EQ(DR(0xFE0), 0x90u);
  EXPECT_EQ(DR(0xFF0), 0x0Du);
  EXPECT_EQ(DR(0xFFC), 0xB1u);
  EXPECT_EQ(CR(C_IIDR), 0x0202143Bu);
  Gicv2 small(4, 64);
  uint64_t v = 0;
  small.distributor()->Read(TYPER, 4, &v);
  EXPECT_EQ(v, 2u | (3u << 5));
}

TEST_F(Gicv2Test, ResetState) {
  EXPECT_EQ(DR(ISENABLER), 0x0000FFFFu);  // SGIs always enabled
  EXPECT_EQ(DR(ICFGR), 0xAAAAAAAAu);      // SGIs edge-triggered
  EXPECT_EQ(DR(ICFGR + 4), 0u);
  EXPECT_EQ(CR(PMR), 0u);
  EXPECT_EQ(CR(BPR), 0u);
  EXPECT_EQ(CR(ABPR), 1u);
  EXPECT_EQ(CR(RPR), 0xFFu);
  EXPECT_EQ(CR(IAR), 1023u);
  DW(ICENABLER, 0xFFFFFFFF);
  EXPECT_EQ(DR(ISENABLER), 0x0000FFFFu);
  DW(ICFGR, 0);
  EXPECT_EQ(DR(ICFGR), 0xAAAAAAAAu);
}

TEST_F(Gicv2Test, EnableDisable) {
  Setup(40, 0x10, false);
  gic_.SetLevel(40, true);
  EXPECT_FALSE(gic_.IrqPending(0));  // nothing enabled yet
  EnableAll();
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_GT(changes_, 0);
  EXPECT_TRUE(Bit(ISENABLER, 40));
  DW(ICENABLER + 4, 1u << 8);
  EXPECT_FALSE(Bit(ISENABLER, 40));
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_TRUE(Bit(ISPENDR, 40));  // still pending, just not forwarded
  DW(ISENABLER + 4, 1u << 8);
  EXPECT_TRUE(gic_.IrqPending(0));
  DW(CTLR, 0);  // Distributor off
  EXPECT_FALSE(gic_.IrqPending(0));
  DW(CTLR, 1);
  CW(C_CTLR, 0);  // CPU interface off
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 1023u);
}

TEST_F(Gicv2Test, PriorityMask) {
  EnableAll();
  Setup(50, 0xF0, true);
  gic_.SetLevel(50, true);
  EXPECT_FALSE(gic_.IrqPending(0));  // priority must be strictly higher than PMR
  EXPECT_EQ(CR(HPPIR), 1023u);
  EXPECT_EQ(CR(IAR), 1023u);
  CW(PMR, 0xF1);
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(CR(HPPIR), 50u);
  CW(PMR, 0);
  EXPECT_FALSE(gic_.IrqPending(0));
}

TEST_F(Gicv2Test, AcknowledgeAndEndOfInterrupt) {
  EnableAll();
  Setup(33, 0x80, true);
  gic_.SetLevel(33, true);
  ASSERT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 33u);
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_TRUE(Bit(ISACTIVER, 33));
  EXPECT_FALSE(Bit(ISPENDR, 33));
  EXPECT_EQ(CR(RPR), 0x80u);
  EXPECT_EQ(CR(APR0 + 8), 1u);  // preemption level 0x80 >> 1 = 64
  EXPECT_EQ(CR(IAR), 1023u);
  CW(EOIR, 33);
  EXPECT_FALSE(Bit(ISACTIVER, 33));
  EXPECT_EQ(CR(RPR), 0xFFu);
  EXPECT_EQ(CR(IAR), 1023u);
  CW(EOIR, 1023);  // spurious EOIs are ignored
  EXPECT_EQ(CR(RPR), 0xFFu);
}

TEST_F(Gicv2Test, HighestPriorityFirstThenLowestId) {
  EnableAll();
  Setup(60, 0x40, true);
  Setup(61, 0x20, true);
  Setup(62, 0x20, true);
  gic_.SetLevel(60, true);
  gic_.SetLevel(62, true);
  gic_.SetLevel(61, true);
  CW(BPR, 7);  // no preemption at all: one interrupt at a time
  EXPECT_EQ(CR(IAR), 61u);
  CW(EOIR, 61);
  EXPECT_EQ(CR(IAR), 62u);
  CW(EOIR, 62);
  EXPECT_EQ(CR(IAR), 60u);
  CW(EOIR, 60);
  EXPECT_EQ(CR(IAR), 1023u);
}

TEST_F(Gicv2Test, RunningPriorityAndPreemption) {
  EnableAll();
  CW(BPR, 4);  // group priority = priority & 0xE0
  Setup(40, 0x90, true);
  Setup(41, 0x88, true);
  Setup(42, 0x70, true);
  gic_.SetLevel(40, true);
  EXPECT_EQ(CR(IAR), 40u);
  EXPECT_EQ(CR(RPR), 0x80u);
  gic_.SetLevel(41, true);  // same group priority: no preemption
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 1023u);
  EXPECT_EQ(CR(HPPIR), 41u);
  gic_.SetLevel(42, true);  // group priority 0x60 preempts
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 42u);
  EXPECT_EQ(CR(RPR), 0x60u);
  CW(EOIR, 42);
  EXPECT_EQ(CR(RPR), 0x80u);
  EXPECT_FALSE(gic_.IrqPending(0));
  CW(EOIR, 40);
  EXPECT_EQ(CR(RPR), 0xFFu);
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 41u);
  CW(EOIR, 41);
}

TEST_F(Gicv2Test, LevelSensitive) {
  EnableAll();
  Setup(45, 0x10, false);
  gic_.SetLevel(45, true);
  EXPECT_EQ(CR(IAR), 45u);
  // Active and pending while the line stays high, but not signalled again.
  EXPECT_TRUE(Bit(ISACTIVER, 45));
  EXPECT_TRUE(Bit(ISPENDR, 45));
  EXPECT_FALSE(gic_.IrqPending(0));
  gic_.SetLevel(45, false);
  EXPECT_FALSE(Bit(ISPENDR, 45));
  CW(EOIR, 45);
  EXPECT_FALSE(gic_.IrqPending(0));
  // Line high across the EOI: pending again at once.
  gic_.SetLevel(45, true);
  EXPECT_EQ(CR(IAR), 45u);
  CW(EOIR, 45);
  EXPECT_TRUE(gic_.IrqPending(0));
  // GICD_ICPENDR cannot clear a level interrupt whose line is high.
  DW(ICPENDR + 4, 1u << 13);
  EXPECT_TRUE(Bit(ISPENDR, 45));
  gic_.SetLevel(45, false);
  EXPECT_FALSE(gic_.IrqPending(0));
  // Software pending holds with the line low until cleared or acknowledged.
  DW(ISPENDR + 4, 1u << 13);
  EXPECT_TRUE(gic_.IrqPending(0));
  DW(ICPENDR + 4, 1u << 13);
  EXPECT_FALSE(gic_.IrqPending(0));
  DW(ISPENDR + 4, 1u << 13);
  EXPECT_EQ(CR(IAR), 45u);
  EXPECT_FALSE(Bit(ISPENDR, 45));
  CW(EOIR, 45);
  EXPECT_FALSE(gic_.IrqPending(0));
}

TEST_F(Gicv2Test, EdgeTriggered) {
  EnableAll();
  Setup(70, 0x10, true);
  EXPECT_TRUE((DR(ICFGR + 70 / 16 * 4) >> (2 * (70 % 16) + 1)) & 1);
  gic_.SetLevel(70, true);
  gic_.SetLevel(70, false);  // the pulse is latched
  EXPECT_TRUE(gic_.IrqPending(0));
  DW(ICPENDR + 8, 1u << 6);
  EXPECT_FALSE(gic_.IrqPending(0));
  gic_.SetLevel(70, true);
  EXPECT_EQ(CR(IAR), 70u);
  EXPECT_FALSE(Bit(ISPENDR, 70));  // the high line does not re-pend an edge interrupt
  gic_.SetLevel(70, false);
  gic_.SetLevel(70, true);  // a new edge while active: active and pending
  EXPECT_TRUE(Bit(ISPENDR, 70));
  EXPECT_FALSE(gic_.IrqPending(0));
  CW(EOIR, 70);
  EXPECT_EQ(CR(IAR), 70u);
  CW(EOIR, 70);
  EXPECT_EQ(CR(IAR), 1023u);
}

TEST_F(Gicv2Test, PpiLines) {
  EnableAll();
  Setup(27, 0x20, false);
  gic_.SetLevel(27, true);  // CPU 0's PPI
  EXPECT_EQ(CR(IAR), 27u);
  gic_.SetPpiLevel(0, 27, false);
  CW(EOIR, 27);
  EXPECT_FALSE(gic_.IrqPending(0));
  gic_.SetLevel(5, true);  // SGIs have no line: ignored
  EXPECT_FALSE(Bit(ISPENDR, 5));
  gic_.SetLevel(2000, true);  // out of range: ignored
}

TEST_F(Gicv2Test, SgiToSelf) {
  EnableAll();
  DW(IPRIORITYR + 3, 0x10, 1);
  DW(SGIR, (2u << 24) | 3);  // TargetListFilter 2: the requester only
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(DR(SPENDSGIR), 0x01000000u);  // SGI 3 pending from CPU 0
  EXPECT_EQ(CR(IAR), 3u);
  EXPECT_EQ(DR(SPENDSGIR), 0u);
  CW(EOIR, 3);
  DW(SGIR, (1u << 16) | 4);  // filter 0, list {CPU 0}
  EXPECT_TRUE(Bit(ISPENDR, 4));
  DW(ISPENDR, 0xFFFF);  // SGI bits of ISPENDR0/ICPENDR0 are WI
  EXPECT_EQ(DR(ISPENDR) & 0xFFFF, 1u << 4);
  DW(ICPENDR, 0xFFFF);
  EXPECT_EQ(DR(ISPENDR) & 0xFFFF, 1u << 4);
  DW(CPENDSGIR + 4, 1, 1);  // clear SGI 4 from CPU 0
  EXPECT_EQ(DR(ISPENDR) & 0xFFFF, 0u);
  DW(SPENDSGIR + 6, 0xFF, 1);  // only CPU 0 exists
  EXPECT_EQ(DR(SPENDSGIR + 4), 0x00010000u);
  EXPECT_EQ(DR(SPENDSGIR + 6, 1), 0x01u);
  EXPECT_EQ(CR(IAR), 6u);
  CW(EOIR, 6);
  DW(SGIR, (1u << 24) | 7);  // all but the requester: nobody here
  DW(SGIR, (3u << 24) | 7);  // reserved filter: ignored
  EXPECT_EQ(CR(IAR), 1023u);
}

TEST_F(Gicv2SmpTest, SgiBetweenCpus) {
  for (unsigned cpu = 0; cpu < 2; ++cpu) {
    gic_.SetAccessingCpu(cpu);
    CW(C_CTLR, 1);
    CW(PMR, 0xFF);
  }
  gic_.SetAccessingCpu(0);
  DW(CTLR, 1);
  DW(SGIR, (0x2u << 16) | 5);  // CPU 0 -> CPU 1
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_TRUE(gic_.IrqPending(1));
  gic_.SetAccessingCpu(1);
  EXPECT_EQ(CR(HPPIR), 5u);
  DW(SGIR, (1u << 24) | 5);  // CPU 1 -> all others (CPU 0)
  DW(SGIR, (2u << 24) | 5);  // CPU 1 -> itself: now from both
  EXPECT_EQ(DR(SPENDSGIR + 5, 1), 0x3u);
  EXPECT_EQ(CR(IAR), 5u);             // source CPU 0 first
  EXPECT_EQ(DR(SPENDSGIR + 5, 1), 0x2u);
  CW(EOIR, 5);
  EXPECT_EQ(CR(IAR), 5u | (1u << 10));  // then CPU 1
  CW(EOIR, 5);
  gic_.SetAccessingCpu(0);
  EXPECT_EQ(CR(IAR), 5u | (1u << 10));
  CW(EOIR, 5 | (1u << 10));
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_FALSE(gic_.IrqPending(1));
}

TEST_F(Gicv2SmpTest, BankedAndTargets) {
  EXPECT_EQ(DR(TYPER), 8u | (1u << 5));
  // ITARGETSR0-7 return the reader's own mask.
  EXPECT_EQ(DR(ITARGETSR), 0x01010101u);
  EXPECT_EQ(DR(ITARGETSR + 31, 1), 0x01u);
  gic_.SetAccessingCpu(1);
  EXPECT_EQ(DR(ITARGETSR + 4), 0x02020202u);
  DW(ITARGETSR, 0);
  EXPECT_EQ(DR(ITARGETSR), 0x02020202u);
  // SPI targets: byte writes, unimplemented CPUs masked.
  DW(ITARGETSR + 33, 0xFF, 1);
  EXPECT_EQ(DR(ITARGETSR + 32), 0x00000300u);
  DW(ITARGETSR + 36, 0x02010201);
  EXPECT_EQ(DR(ITARGETSR + 37, 1), 0x02u);
  // A PPI per CPU.
  for (unsigned cpu = 0; cpu < 2; ++cpu) {
    gic_.SetAccessingCpu(cpu);
    CW(C_CTLR, 1);
    CW(PMR, 0xFF);
  }
  DW(CTLR, 1);
  gic_.SetAccessingCpu(1);
  DW(ISENABLER, 1u << 27);
  gic_.SetAccessingCpu(0);
  EXPECT_FALSE(Bit(ISENABLER, 27));
  gic_.SetPpiLevel(0, 27, true);
  EXPECT_FALSE(gic_.IrqPending(0));  // disabled in CPU 0's bank
  gic_.SetPpiLevel(1, 27, true);
  EXPECT_TRUE(gic_.IrqPending(1));
  // SPI 36 targets CPU 0 only, 37 CPU 1 only.
  DW(ISENABLER + 4, 0x30);
  gic_.SetLevel(36, true);
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_EQ(CR(IAR), 36u);
  gic_.SetAccessingCpu(1);
  gic_.SetLevel(37, true);
  EXPECT_EQ(CR(IAR), 27u);  // lowest ID among equal priorities
  gic_.SetPpiLevel(1, 27, false);
  CW(EOIR, 27);
  EXPECT_EQ(CR(IAR), 37u);
}

TEST_F(Gicv2Test, ByteAccessesToPriorityAndTargets) {
  DW(IPRIORITYR + 41, 0xA5, 1);
  EXPECT_EQ(DR(IPRIORITYR + 40), 0x0000A500u);
  DW(IPRIORITYR + 44, 0x44332211);
  EXPECT_EQ(DR(IPRIORITYR + 46, 1), 0x33u);
  EXPECT_EQ(DR(IPRIORITYR + 44), 0x44332211u);
  DW(IPRIORITYR + 16, 0x12, 1);  // banked PPI priority
  EXPECT_EQ(DR(IPRIORITYR + 16, 1), 0x12u);
  // Unimplemented INTIDs (288 and up) are RAZ/WI.
  DW(IPRIORITYR + 300, 0x55, 1);
  EXPECT_EQ(DR(IPRIORITYR + 300, 1), 0u);
  // Halfword accesses are not supported: RAZ/WI.
  DW(IPRIORITYR + 40, 0xFFFF, 2);
  EXPECT_EQ(DR(IPRIORITYR + 40, 2), 0u);
  EXPECT_EQ(DR(IPRIORITYR + 40), 0x0000A500u);
  // One CPU interface: every target reads as CPU 0, writes are ignored.
  EXPECT_EQ(DR(ITARGETSR), 0x01010101u);
  EXPECT_EQ(DR(ITARGETSR + 40), 0x01010101u);
  DW(ITARGETSR + 41, 0, 1);
  EXPECT_EQ(DR(ITARGETSR + 41, 1), 0x01u);
  // Word registers ignore byte accesses.
  DW(CTLR, 1, 1);
  EXPECT_EQ(DR(CTLR), 0u);
}

TEST_F(Gicv2Test, ActiveState) {
  EnableAll();
  Setup(90, 0x10, true);
  DW(ISACTIVER + 8, 1u << 26);
  EXPECT_TRUE(Bit(ISACTIVER, 90));
  EXPECT_TRUE(Bit(ICACTIVER, 90));
  gic_.SetLevel(90, true);
  EXPECT_FALSE(gic_.IrqPending(0));  // active: not signalled
  DW(ICACTIVER + 8, 1u << 26);
  EXPECT_FALSE(Bit(ISACTIVER, 90));
  EXPECT_TRUE(gic_.IrqPending(0));
  // SGI active bits are writable (banked).
  DW(ISACTIVER, 1u << 2);
  EXPECT_EQ(DR(ISACTIVER) & 0xFFFF, 1u << 2);
  DW(ICACTIVER, 0xFFFFFFFF);
  EXPECT_EQ(DR(ISACTIVER), 0u);
}

TEST_F(Gicv2Test, SplitEoiWithDir) {
  EnableAll();
  CW(C_CTLR, 1 | (1u << 9));  // EOImodeS
  Setup(48, 0x30, false);
  gic_.SetLevel(48, true);
  EXPECT_EQ(CR(IAR), 48u);
  CW(EOIR, 48);  // priority drop only
  EXPECT_EQ(CR(RPR), 0xFFu);
  EXPECT_EQ(CR(APR0), 0u);
  EXPECT_TRUE(Bit(ISACTIVER, 48));
  EXPECT_FALSE(gic_.IrqPending(0));  // active and pending: waits for DIR
  // Another interrupt can be taken between the drop and the deactivation.
  Setup(49, 0x30, true);
  gic_.SetLevel(49, true);
  EXPECT_EQ(CR(IAR), 49u);
  CW(EOIR, 49);
  CW(DIR, 49);
  gic_.SetLevel(48, false);
  CW(DIR, 48);
  EXPECT_FALSE(Bit(ISACTIVER, 48));
  EXPECT_FALSE(gic_.IrqPending(0));
  gic_.SetLevel(48, true);
  EXPECT_EQ(CR(IAR), 48u);
  CW(EOIR, 48);
  CW(DIR, 48);
  EXPECT_TRUE(gic_.IrqPending(0));  // line still high
  // With EOImode 0, GICC_DIR is ignored and GICC_EOIR deactivates.
  CW(C_CTLR, 1);
  EXPECT_EQ(CR(IAR), 48u);
  CW(DIR, 48);
  EXPECT_TRUE(Bit(ISACTIVER, 48));
  CW(EOIR, 48);
  EXPECT_FALSE(Bit(ISACTIVER, 48));
}

TEST_F(Gicv2Test, GroupsAckCtlAndFiq) {
  DW(CTLR, 3);
  CW(PMR, 0xFF);
  Setup(55, 0x10, true);
  DW(IGROUPR + 4, 1u << 23);  // SPI 55 in Group 1
  EXPECT_TRUE(Bit(IGROUPR, 55));
  gic_.SetLevel(55, true);
  CW(C_CTLR, 1);  // Group 0 only
  EXPECT_FALSE(gic_.IrqPending(0));
  CW(C_CTLR, 2);  // Group 1 only
  EXPECT_TRUE(gic_.IrqPending(0));
  EXPECT_FALSE(gic_.FiqPending(0));
  EXPECT_EQ(CR(HPPIR), 1022u);
  EXPECT_EQ(CR(IAR), 1022u);  // AckCtl 0: GICC_IAR does not acknowledge Group 1
  EXPECT_EQ(CR(AHPPIR), 55u);
  EXPECT_EQ(CR(AIAR), 55u);
  EXPECT_EQ(CR(0xE0), 1u << (0x10 >> 1));  // GICC_NSAPR0
  CW(0x24, 55);  // GICC_AEOIR
  EXPECT_FALSE(Bit(ISACTIVER, 55));
  CW(C_CTLR, 2 | 4);  // AckCtl
  gic_.SetLevel(55, false);
  gic_.SetLevel(55, true);
  EXPECT_EQ(CR(IAR), 55u);
  CW(EOIR, 55);
  // Group 0 with FIQEn signals FIQ.
  Setup(56, 0x10, true);
  CW(C_CTLR, 1 | 8);
  gic_.SetLevel(56, true);
  EXPECT_TRUE(gic_.FiqPending(0));
  EXPECT_FALSE(gic_.IrqPending(0));
  EXPECT_EQ(CR(AIAR), 1023u);  // Group 0 via the alias: spurious
  EXPECT_EQ(CR(IAR), 56u);
  EXPECT_FALSE(gic_.FiqPending(0));
  CW(EOIR, 56);
}

TEST_F(Gicv2Test, BinaryPointRegisters) {
  CW(BPR, 0xFF);
  EXPECT_EQ(CR(BPR), 7u);
  CW(ABPR, 0);
  EXPECT_EQ(CR(ABPR), 1u);  // below the minimum: the minimum
  CW(C_CTLR, 0xFFFFFFFF);
  EXPECT_EQ(CR(C_CTLR), 0x7FFu);
}

TEST_F(Gicv2Test, ChangeCallback) {
  EnableAll();
  Setup(40, 0x10, false);
  changes_ = 0;
  gic_.SetLevel(40, true);
  EXPECT_EQ(changes_, 1);
  gic_.SetLevel(40, true);  // no change
  EXPECT_EQ(changes_, 1);
  CR(IAR);
  EXPECT_EQ(changes_, 2);
  CR(RPR);
  EXPECT_EQ(changes_, 2);
}

TEST_F(Gicv2Test, ResetKeepsLines) {
  gic_.SetLevel(40, true);
  EnableAll();
  Setup(40, 0x10, false);
  EXPECT_TRUE(gic_.IrqPending(0));
  gic_.Reset();
  EXPECT_FALSE(gic_.IrqPending(0));
  EnableAll();
  Setup(40, 0x10, false);
  EXPECT_TRUE(gic_.IrqPending(0));
}

// No access crashes or aborts, whatever its offset and size.
TEST_F(Gicv2Test, EveryOffsetAndSize) {
  EnableAll();
  for (unsigned size : {1u, 2u, 4u, 8u}) {
    for (uint64_t off = 0; off < Gicv2::kDistributorSize; off += size) {
      uint64_t v;
      ASSERT_TRUE(gic_.distributor()->Read(off, size, &v));
      ASSERT_TRUE(gic_.distributor()->Write(off, size, 0xFFFFFFFFFFFFFFFF));
    }
    for (uint64_t off = 0; off < Gicv2::kCpuInterfaceSize; off += size) {
      uint64_t v;
      ASSERT_TRUE(gic_.cpu_interface()->Read(off, size, &v));
      ASSERT_TRUE(gic_.cpu_interface()->Write(off, size, 0xFFFFFFFFFFFFFFFF));
    }
  }
  gic_.SetAccessingCpu(7);  // out of range: ignored
  EXPECT_EQ(DR(IIDR), 0x0200143Bu);
}

}  // namespace
}  // namespace a64
