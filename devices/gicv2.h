// A GICv2 interrupt controller (ARM IHI 0048B, "ARM Generic Interrupt
// Controller Architecture Specification, version 2.0") without the Security
// Extensions or the Virtualization Extensions: the Distributor (GICD, 4 KiB)
// and the CPU interfaces (GICC, 8 KiB; one per connected PE, the banked copy
// selected by the PE making the access, see SetAccessingCpu).
//
// Model choices (IMPLEMENTATION DEFINED in the spec; values as GIC-400 or as
// QEMU's GICv2 where they differ from nothing):
//  - 8 priority bits (256 levels); the minimum binary point is 0 for
//    GICC_BPR and 1 for GICC_ABPR, so there are 128 preemption levels and
//    their active state lives in GICC_APR0-3 (Group 0) and GICC_NSAPR0-3
//    (Group 1), bit n = preemption level n (group priority n * 2).
//  - SGIs are permanently enabled (GICD_ISENABLER0[15:0] RAO/WI) and
//    edge-triggered (GICD_ICFGR0 reads 0xAAAAAAAA); PPI and SPI
//    configurations are programmable and reset to level-sensitive.
//  - With one CPU interface every interrupt targets it: the GICD_ITARGETSRn
//    fields read as 0x01 and ignore writes (as QEMU; the spec's
//    uniprocessor option is RAZ/WI, but Linux derives the CPU's SGI target
//    mask from these registers and would then lose its IPIs to itself).
//  - Reserved or unimplemented offsets, and accesses of a size the register
//    does not support, are RAZ/WI (logged once per offset); no access is an
//    External abort.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

#include "devices/interrupt_sink.h"
#include "mmu/physical_memory.h"

namespace a64 {

class Gicv2 : public InterruptSink {
 public:
  static constexpr uint64_t kDistributorSize = 0x1000;
  static constexpr uint64_t kCpuInterfaceSize = 0x2000;
  static constexpr unsigned kMaxCpus = 8;
  static constexpr unsigned kSpuriousId = 1023;
  // Returned by GICC_IAR/HPPIR for a Group 1 interrupt while AckCtl is 0.
  static constexpr unsigned kGroup1SpuriousId = 1022;

  // `num_cpus` CPU interfaces (1..8) and `num_spis` shared peripheral
  // interrupts (INTIDs 32..32+num_spis-1, at most 988). GICD_TYPER reports
  // the number rounded up to a multiple of 32; the extra lines are RAZ/WI.
  explicit Gicv2(unsigned num_cpus = 1, unsigned num_spis = 256);

  // Cold reset of every register (the input line levels are kept: they
  // belong to the devices driving them).
  void Reset();

  // The two register frames to map with PhysicalMemory::AddMmio (sizes
  // kDistributorSize and kCpuInterfaceSize).
  MmioDevice* distributor() { return &distributor_; }
  MmioDevice* cpu_interface() { return &cpu_interface_; }

  // The PE whose banked registers (SGI/PPI state, the CPU interface) the
  // following MMIO accesses use, and the source of SGIs it writes.
  void SetAccessingCpu(unsigned cpu);

  // Called whenever IrqPending or FiqPending of some CPU changes.
  void SetChangeCallback(std::function<void()> on_change) { on_change_ = std::move(on_change); }

  // InterruptSink: SPIs, and the PPIs of CPU 0. SGIs have no input line.
  void SetLevel(unsigned intid, bool level) override;
  // The PPI `intid` (16..31) of CPU `cpu`.
  void SetPpiLevel(unsigned cpu, unsigned intid, bool level);

  // The IRQ and FIQ outputs of CPU interface `cpu`.
  bool IrqPending(unsigned cpu) const { return cpu < cpus_.size() && cpus_[cpu].irq_out; }
  bool FiqPending(unsigned cpu) const { return cpu < cpus_.size() && cpus_[cpu].fiq_out; }

  unsigned num_cpus() const { return static_cast<unsigned>(cpus_.size()); }
  // Implemented INTIDs: 0 .. num_irqs()-1.
  unsigned num_irqs() const { return num_irqs_; }

 private:
  // The state of one interrupt (for SGIs and PPIs, one CPU's banked copy).
  struct IrqState {
    uint8_t priority = 0;
    bool group1 = false;
    bool enabled = false;
    bool edge = false;      // GICD_ICFGR Int_config[1]: 1 = edge-triggered
    bool latched = false;   // pending from an edge or a GICD_ISPENDR write
    bool line = false;      // the input level (PPIs and SPIs)
    bool active = false;
  };
  static constexpr unsigned kNumAprs = 4;  // 128 preemption levels
  struct CpuInterface {
    IrqState private_irqs[32];   // SGIs 0-15, PPIs 16-31
    uint8_t sgi_sources[16] = {};  // pending SGIs: bit n = from CPU n
    uint32_t ctlr = 0;
    uint32_t pmr = 0;
    uint32_t bpr = 0;
    uint32_t abpr = 0;
    uint32_t apr[kNumAprs] = {};    // active Group 0 preemption levels
    uint32_t nsapr[kNumAprs] = {};  // active Group 1 preemption levels
    bool irq_out = false;
    bool fiq_out = false;
  };

  // One of the two MMIO frames: forwards to the GIC's handlers for it.
  class Frame final : public MmioDevice {
   public:
    using ReadFn = bool (Gicv2::*)(uint64_t offset, unsigned size, uint64_t* value);
    using WriteFn = bool (Gicv2::*)(uint64_t offset, unsigned size, uint64_t value);
    Frame(Gicv2* gic, ReadFn read, WriteFn write) : gic_(gic), read_(read), write_(write) {}
    bool Read(uint64_t offset, unsigned size, uint64_t* value) override {
      return (gic_->*read_)(offset, size, value);
    }
    bool Write(uint64_t offset, unsigned size, uint64_t value) override {
      return (gic_->*write_)(offset, size, value);
    }
   private:
    Gicv2* const gic_;
    const ReadFn read_;
    const WriteFn write_;
  };

  // State queries.
  IrqState& Irq(unsigned cpu, unsigned intid);
  bool IsPending(unsigned cpu, unsigned intid);
  bool Targets(unsigned cpu, unsigned intid) const;
  uint32_t GroupPriority(unsigned cpu, unsigned intid);
  unsigned RunningPriority(unsigned cpu) const;  // 0x100 when idle
  unsigned HighestPending(unsigned cpu);         // kSpuriousId when none
  bool CanSignal(unsigned cpu, unsigned intid);
  unsigned LowestSgiSource(unsigned cpu, unsigned intid) const;
  uint32_t InterruptIdValue(unsigned cpu, unsigned intid) const;

  // CPU interface operations.
  uint32_t Acknowledge(unsigned cpu, bool group1_alias);
  uint32_t HighestPendingValue(unsigned cpu, bool group1_alias);
  void EndOfInterrupt(unsigned cpu, uint32_t value, bool group1_alias);
  void Deactivate(unsigned cpu, uint32_t value);

  // Register frames.
  uint32_t DistReadWord(unsigned cpu, uint64_t offset, bool* known);
  void DistWriteWord(unsigned cpu, uint64_t offset, uint32_t value, bool* known);
  uint8_t DistReadByte(unsigned cpu, uint64_t offset);
  void DistWriteByte(unsigned cpu, uint64_t offset, uint8_t value);
  uint32_t ReadBitRegister(unsigned cpu, unsigned kind, unsigned word);
  void WriteBitRegister(unsigned cpu, unsigned kind, unsigned word, uint32_t value);
  uint32_t ReadConfig(unsigned cpu, unsigned word);
  void WriteConfig(unsigned cpu, unsigned word, uint32_t value);
  void GenerateSgi(unsigned cpu, uint32_t value);
  bool DistRead(uint64_t offset, unsigned size, uint64_t* value);
  bool DistWrite(uint64_t offset, unsigned size, uint64_t value);
  bool CpuRead(uint64_t offset, unsigned size, uint64_t* value);
  bool CpuWrite(uint64_t offset, unsigned size, uint64_t value);

  // Recomputes every CPU's outputs and reports a change.
  void Update();
  void LogOnce(const char* what, uint64_t offset);

  unsigned num_irqs_;
  unsigned accessing_cpu_ = 0;
  uint32_t dist_ctlr_ = 0;
  std::vector<CpuInterface> cpus_;
  std::vector<IrqState> spis_;       // INTID 32 + index
  std::vector<uint8_t> spi_targets_;
  Frame distributor_{this, &Gicv2::DistRead, &Gicv2::DistWrite};
  Frame cpu_interface_{this, &Gicv2::CpuRead, &Gicv2::CpuWrite};
  std::function<void()> on_change_;
  std::unordered_set<uint64_t> logged_;
};

}  // namespace a64
