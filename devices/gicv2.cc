#include "devices/gicv2.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <string_view>

namespace a64 {
namespace {

// Distributor register map (IHI 0048B 4.1.2, Table 4-1).
constexpr uint64_t kGicdCtlr = 0x000;
constexpr uint64_t kGicdTyper = 0x004;
constexpr uint64_t kGicdIidr = 0x008;
constexpr uint64_t kGicdBitRegsStart = 0x080;  // IGROUPR .. ICACTIVER
constexpr uint64_t kGicdBitRegsEnd = 0x400;
constexpr uint64_t kGicdIpriorityr = 0x400;
constexpr uint64_t kGicdItargetsr = 0x800;
constexpr uint64_t kGicdIcfgr = 0xC00;
constexpr uint64_t kGicdNsacr = 0xE00;
constexpr uint64_t kGicdSgir = 0xF00;
constexpr uint64_t kGicdCpendsgir = 0xF10;
constexpr uint64_t kGicdSpendsgir = 0xF20;
constexpr uint64_t kGicdIdRegs = 0xFD0;

// The bit-per-interrupt registers, in 0x80-byte blocks from 0x080.
enum BitRegister : unsigned {
  kIgroupr = 1,
  kIsenabler = 2,
  kIcenabler = 3,
  kIspendr = 4,
  kIcpendr = 5,
  kIsactiver = 6,
  kIcactiver = 7,
};

// CPU interface register map (IHI 0048B 4.1.3, Table 4-2).
constexpr uint64_t kGiccCtlr = 0x00;
constexpr uint64_t kGiccPmr = 0x04;
constexpr uint64_t kGiccBpr = 0x08;
constexpr uint64_t kGiccIar = 0x0C;
constexpr uint64_t kGiccEoir = 0x10;
constexpr uint64_t kGiccRpr = 0x14;
constexpr uint64_t kGiccHppir = 0x18;
constexpr uint64_t kGiccAbpr = 0x1C;
constexpr uint64_t kGiccAiar = 0x20;
constexpr uint64_t kGiccAeoir = 0x24;
constexpr uint64_t kGiccAhppir = 0x28;
constexpr uint64_t kGiccApr = 0xD0;
constexpr uint64_t kGiccNsapr = 0xE0;
constexpr uint64_t kGiccIidr = 0xFC;
constexpr uint64_t kGiccDir = 0x1000;

// GICD_CTLR without the Security Extensions (4.3.1).
constexpr uint32_t kGicdCtlrEnableGrp0 = 1u << 0;
constexpr uint32_t kGicdCtlrEnableGrp1 = 1u << 1;

// GICC_CTLR without the Security Extensions has the layout of the Secure
// copy (4.4.1, Table 4-31).
constexpr uint32_t kGiccCtlrEnableGrp0 = 1u << 0;
constexpr uint32_t kGiccCtlrEnableGrp1 = 1u << 1;
constexpr uint32_t kGiccCtlrAckCtl = 1u << 2;
constexpr uint32_t kGiccCtlrFiqEn = 1u << 3;
constexpr uint32_t kGiccCtlrCbpr = 1u << 4;
constexpr uint32_t kGiccCtlrEoiModeS = 1u << 9;
constexpr uint32_t kGiccCtlrEoiModeNs = 1u << 10;
constexpr uint32_t kGiccCtlrMask = 0x7FF;  // bits 5-8: the bypass disables

constexpr uint32_t kMinBpr = 0;   // GICC_BPR with 8 priority bits
constexpr uint32_t kMinAbpr = 1;  // GICC_ABPR: one more (4.4.3, 4.4.4)

// GIC-400 identification (GIC-400 TRM; QEMU reports the same for GICv2).
constexpr uint32_t kGicdIidrValue = 0x0200143B;
constexpr uint32_t kGiccIidrValue = 0x0202143B;
// GICD_PIDR4..7, PIDR0..3, CIDR0..3 at 0xFD0..0xFFC; PIDR2[7:4] = 2 is the
// architecture version.
constexpr uint8_t kIdRegs[12] = {0x04, 0x00, 0x00, 0x00, 0x90, 0xB4,
                                 0x2B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};

constexpr unsigned kNumSgis = 16;
constexpr unsigned kNumPrivate = 32;
constexpr unsigned kMaxIrqs = 1020;  // INTIDs 1020-1023 are special

bool IsByteAccessible(uint64_t offset) {
  return (offset >= kGicdIpriorityr && offset < kGicdIcfgr) ||
         (offset >= kGicdCpendsgir && offset < kGicdSpendsgir + 16);
}

}  // namespace

Gicv2::Gicv2(unsigned num_cpus, unsigned num_spis) {
  num_cpus = std::clamp(num_cpus, 1u, kMaxCpus);
  num_irqs_ = std::min(kNumPrivate + num_spis, kMaxIrqs);
  cpus_.resize(num_cpus);
  spis_.resize(num_irqs_ - kNumPrivate);
  spi_targets_.resize(num_irqs_ - kNumPrivate);
  Reset();
}

void Gicv2::Reset() {
  dist_ctlr_ = 0;
  for (CpuInterface& c : cpus_) {
    CpuInterface fresh;
    for (unsigned i = 0; i < kNumPrivate; ++i) fresh.private_irqs[i].line = c.private_irqs[i].line;
    // SGIs: always enabled and edge-triggered (see gicv2.h).
    for (unsigned i = 0; i < kNumSgis; ++i) {
      fresh.private_irqs[i].enabled = true;
      fresh.private_irqs[i].edge = true;
    }
    fresh.bpr = kMinBpr;
    fresh.abpr = kMinAbpr;
    c = fresh;
  }
  for (IrqState& s : spis_) s = IrqState{.line = s.line};
  std::fill(spi_targets_.begin(), spi_targets_.end(), 0);
  Update();
}

void Gicv2::SetAccessingCpu(unsigned cpu) {
  if (cpu >= cpus_.size()) {
    LogOnce("accessing CPU out of range, ignored", cpu);
    return;
  }
  accessing_cpu_ = cpu;
}

void Gicv2::LogOnce(const char* what, uint64_t offset) {
  const uint64_t key = std::hash<std::string_view>()(what) ^ offset;
  if (!logged_.insert(key).second) return;
  std::fprintf(stderr, "gicv2: %s (0x%llx)\n", what, static_cast<unsigned long long>(offset));
}

// ---------------------------------------------------------------------------
// Input lines.

// Level-sensitive interrupts are pending while the line is high (or while a
// GICD_ISPENDR write holds them); edge-triggered ones latch the pending state
// on a rising edge (3.2.4 "Interrupt handling state machine").
void Gicv2::SetLevel(unsigned intid, bool level) {
  if (intid < kNumPrivate) {
    SetPpiLevel(0, intid, level);
    return;
  }
  if (intid >= num_irqs_) {
    LogOnce("SetLevel of an unimplemented INTID, ignored", intid);
    return;
  }
  IrqState& s = spis_[intid - kNumPrivate];
  if (s.line == level) return;
  s.line = level;
  if (level && s.edge) s.latched = true;
  Update();
}

void Gicv2::SetPpiLevel(unsigned cpu, unsigned intid, bool level) {
  if (cpu >= cpus_.size() || intid < kNumSgis || intid >= kNumPrivate) {
    LogOnce("SetPpiLevel of a non-PPI or a missing CPU, ignored", (uint64_t{cpu} << 32) | intid);
    return;
  }
  IrqState& s = cpus_[cpu].private_irqs[intid];
  if (s.line == level) return;
  s.line = level;
  if (level && s.edge) s.latched = true;
  Update();
}

// ---------------------------------------------------------------------------
// State queries.

Gicv2::IrqState& Gicv2::Irq(unsigned cpu, unsigned intid) {
  return intid < kNumPrivate ? cpus_[cpu].private_irqs[intid] : spis_[intid - kNumPrivate];
}

bool Gicv2::IsPending(unsigned cpu, unsigned intid) {
  if (intid < kNumSgis) return cpus_[cpu].sgi_sources[intid] != 0;
  const IrqState& s = Irq(cpu, intid);
  return s.latched || (!s.edge && s.line);
}

bool Gicv2::Targets(unsigned cpu, unsigned intid) const {
  if (intid < kNumPrivate || cpus_.size() == 1) return true;
  return (spi_targets_[intid - kNumPrivate] >> cpu) & 1;
}

// The group priority: the priority with its subpriority bits cleared, as
// selected by the binary point of the interrupt's group (4.4.3, 3.3.3
// "Priority grouping"). Group 1 uses GICC_ABPR - 1 unless CBPR is set.
uint32_t Gicv2::GroupPriority(unsigned cpu, unsigned intid) {
  const CpuInterface& c = cpus_[cpu];
  const IrqState& s = Irq(cpu, intid);
  const uint32_t n = (s.group1 && !(c.ctlr & kGiccCtlrCbpr)) ? c.abpr - 1 : c.bpr;
  return s.priority & (0xFFu << (n + 1)) & 0xFF;
}

// The running priority is the group priority of the highest-priority active
// interrupt (4.4.6), i.e. of the lowest set preemption level in the active
// priorities registers.
unsigned Gicv2::RunningPriority(unsigned cpu) const {
  const CpuInterface& c = cpus_[cpu];
  for (unsigned i = 0; i < kNumAprs; ++i) {
    const uint32_t bits = c.apr[i] | c.nsapr[i];
    if (bits) return (i * 32 + std::countr_zero(bits)) * 2;
  }
  return 0x100;
}

// The highest-priority interrupt the Distributor forwards to `cpu` whose
// group the CPU interface has enabled: enabled, pending, not active (an
// active and pending interrupt waits for its deactivation), targeting the
// CPU. Ties go to the lowest INTID.
unsigned Gicv2::HighestPending(unsigned cpu) {
  const CpuInterface& c = cpus_[cpu];
  const bool grp0 = (dist_ctlr_ & kGicdCtlrEnableGrp0) && (c.ctlr & kGiccCtlrEnableGrp0);
  const bool grp1 = (dist_ctlr_ & kGicdCtlrEnableGrp1) && (c.ctlr & kGiccCtlrEnableGrp1);
  if (!grp0 && !grp1) return kSpuriousId;
  unsigned best = kSpuriousId;
  unsigned best_priority = 0x100;
  for (unsigned id = 0; id < num_irqs_; ++id) {
    const IrqState& s = Irq(cpu, id);
    if (!s.enabled || s.active || s.priority >= best_priority) continue;
    if (!(s.group1 ? grp1 : grp0) || !IsPending(cpu, id) || !Targets(cpu, id)) continue;
    best = id;
    best_priority = s.priority;
  }
  return best;
}

// An interrupt is signalled when its priority is higher than the priority
// mask and its group priority higher than the running priority (3.3.1,
// 3.3.3 "Preemption").
bool Gicv2::CanSignal(unsigned cpu, unsigned intid) {
  return Irq(cpu, intid).priority < cpus_[cpu].pmr &&
         GroupPriority(cpu, intid) < RunningPriority(cpu);
}

unsigned Gicv2::LowestSgiSource(unsigned cpu, unsigned intid) const {
  const uint8_t sources = cpus_[cpu].sgi_sources[intid];
  return sources ? std::countr_zero(sources) : 0;
}

// GICC_IAR/HPPIR layout: INTID in bits 9:0, for SGIs the source CPU in
// bits 12:10 (4.4.4).
uint32_t Gicv2::InterruptIdValue(unsigned cpu, unsigned intid) const {
  if (intid < kNumSgis) return intid | (LowestSgiSource(cpu, intid) << 10);
  return intid;
}

void Gicv2::Update() {
  bool changed = false;
  for (unsigned cpu = 0; cpu < cpus_.size(); ++cpu) {
    CpuInterface& c = cpus_[cpu];
    bool irq = false;
    bool fiq = false;
    const unsigned id = HighestPending(cpu);
    if (id != kSpuriousId && CanSignal(cpu, id)) {
      // Group 0 interrupts are FIQs when FIQEn is set (3.6.1); everything
      // else is an IRQ.
      if (!Irq(cpu, id).group1 && (c.ctlr & kGiccCtlrFiqEn)) {
        fiq = true;
      } else {
        irq = true;
      }
    }
    changed |= irq != c.irq_out || fiq != c.fiq_out;
    c.irq_out = irq;
    c.fiq_out = fiq;
  }
  if (changed && on_change_) on_change_();
}

// ---------------------------------------------------------------------------
// CPU interface operations.

// GICC_IAR (4.4.4) and, for Group 1 only, GICC_AIAR (4.4.9): activates the
// signalled interrupt. A Group 1 interrupt read through GICC_IAR returns 1022
// and stays pending unless AckCtl is set.
uint32_t Gicv2::Acknowledge(unsigned cpu, bool group1_alias) {
  CpuInterface& c = cpus_[cpu];
  const unsigned id = HighestPending(cpu);
  if (id == kSpuriousId || !CanSignal(cpu, id)) return kSpuriousId;
  IrqState& s = Irq(cpu, id);
  if (group1_alias && !s.group1) return kSpuriousId;
  if (!group1_alias && s.group1 && !(c.ctlr & kGiccCtlrAckCtl)) return kGroup1SpuriousId;
  const uint32_t value = InterruptIdValue(cpu, id);
  if (id < kNumSgis) {
    c.sgi_sources[id] &= ~(1u << LowestSgiSource(cpu, id));
  } else {
    s.latched = false;  // a level-sensitive one stays pending while its line is high
  }
  s.active = true;
  const unsigned level = GroupPriority(cpu, id) >> 1;
  uint32_t* aprs = s.group1 ? c.nsapr : c.apr;
  aprs[level / 32] |= 1u << (level % 32);
  Update();
  return value;
}

// GICC_HPPIR (4.4.8) / GICC_AHPPIR: the interrupt GICC_IAR would return if it
// had sufficient priority; only the priority mask is considered.
uint32_t Gicv2::HighestPendingValue(unsigned cpu, bool group1_alias) {
  const unsigned id = HighestPending(cpu);
  if (id == kSpuriousId || Irq(cpu, id).priority >= cpus_[cpu].pmr) return kSpuriousId;
  const bool group1 = Irq(cpu, id).group1;
  if (group1_alias && !group1) return kSpuriousId;
  if (!group1_alias && group1 && !(cpus_[cpu].ctlr & kGiccCtlrAckCtl)) return kGroup1SpuriousId;
  return InterruptIdValue(cpu, id);
}

// GICC_EOIR (4.4.5) / GICC_AEOIR (4.4.10): priority drop, that is clearing
// the highest active priority, and with EOImode 0 the deactivation of the
// interrupt too. EOImodeS controls GICC_EOIR, EOImodeNS GICC_AEOIR.
void Gicv2::EndOfInterrupt(unsigned cpu, uint32_t value, bool group1_alias) {
  CpuInterface& c = cpus_[cpu];
  const unsigned id = value & 0x3FF;
  if (id >= num_irqs_) return;  // spurious or unimplemented IDs are ignored
  unsigned i = 0;
  while (i < kNumAprs && !(c.apr[i] | c.nsapr[i])) ++i;
  if (i == kNumAprs) {
    LogOnce("EOI with no active interrupt, ignored", id);
    return;
  }
  const uint32_t lowest = (c.apr[i] | c.nsapr[i]) & -(c.apr[i] | c.nsapr[i]);
  c.apr[i] &= ~lowest;
  c.nsapr[i] &= ~lowest;
  const uint32_t split = group1_alias ? kGiccCtlrEoiModeNs : kGiccCtlrEoiModeS;
  if (!(c.ctlr & split)) Irq(cpu, id).active = false;
  Update();
}

// GICC_DIR (4.4.15): deactivation alone, for EOImode 1. With both EOImode
// bits clear the write is UNPREDICTABLE; it is ignored.
void Gicv2::Deactivate(unsigned cpu, uint32_t value) {
  const unsigned id = value & 0x3FF;
  if (id >= num_irqs_) return;
  if (!(cpus_[cpu].ctlr & (kGiccCtlrEoiModeS | kGiccCtlrEoiModeNs))) {
    LogOnce("GICC_DIR write with EOImode 0, ignored", id);
    return;
  }
  Irq(cpu, id).active = false;
  Update();
}

// ---------------------------------------------------------------------------
// Distributor registers.

uint32_t Gicv2::ReadBitRegister(unsigned cpu, unsigned kind, unsigned word) {
  uint32_t value = 0;
  for (unsigned bit = 0; bit < 32; ++bit) {
    const unsigned id = word * 32 + bit;
    if (id >= num_irqs_) break;
    const IrqState& s = Irq(cpu, id);
    bool set = false;
    switch (kind) {
      case kIgroupr: set = s.group1; break;
      case kIsenabler:
      case kIcenabler: set = s.enabled; break;
      case kIspendr:
      case kIcpendr: set = IsPending(cpu, id); break;
      case kIsactiver:
      case kIcactiver: set = s.active; break;
    }
    value |= uint32_t{set} << bit;
  }
  return value;
}

void Gicv2::WriteBitRegister(unsigned cpu, unsigned kind, unsigned word, uint32_t value) {
  for (unsigned bit = 0; bit < 32; ++bit) {
    const unsigned id = word * 32 + bit;
    if (id >= num_irqs_) break;
    const bool one = (value >> bit) & 1;
    IrqState& s = Irq(cpu, id);
    switch (kind) {
      case kIgroupr: s.group1 = one; break;
      // SGI enables are RAO/WI.
      case kIsenabler: if (one && id >= kNumSgis) s.enabled = true; break;
      case kIcenabler: if (one && id >= kNumSgis) s.enabled = false; break;
      // The SGI bits of GICD_ISPENDR0/ICPENDR0 are WI in GICv2: SGIs are set
      // and cleared through GICD_SPENDSGIRn/CPENDSGIRn (4.3.7, 4.3.8).
      // Clearing leaves a level-sensitive interrupt pending while its line
      // is high.
      case kIspendr: if (one && id >= kNumSgis) s.latched = true; break;
      case kIcpendr: if (one && id >= kNumSgis) s.latched = false; break;
      case kIsactiver: if (one) s.active = true; break;
      case kIcactiver: if (one) s.active = false; break;
    }
  }
}

// GICD_ICFGRn (4.3.13): two bits per interrupt, bit 2F+1 = edge-triggered,
// bit 2F reserved (RAZ/WI). SGIs are edge-triggered, read-only.
uint32_t Gicv2::ReadConfig(unsigned cpu, unsigned word) {
  uint32_t value = 0;
  for (unsigned f = 0; f < 16; ++f) {
    const unsigned id = word * 16 + f;
    if (id >= num_irqs_) break;
    value |= uint32_t{Irq(cpu, id).edge} << (2 * f + 1);
  }
  return value;
}

void Gicv2::WriteConfig(unsigned cpu, unsigned word, uint32_t value) {
  for (unsigned f = 0; f < 16; ++f) {
    const unsigned id = word * 16 + f;
    if (id >= num_irqs_) break;
    if (id < kNumSgis) continue;
    Irq(cpu, id).edge = (value >> (2 * f + 1)) & 1;
  }
}

// GICD_SGIR (4.3.15): SGIINTID bits 3:0, CPUTargetList bits 23:16,
// TargetListFilter bits 25:24 (0 = the list, 1 = all but the requester,
// 2 = the requester only, 3 = reserved). NSATT is ignored without the
// Security Extensions.
void Gicv2::GenerateSgi(unsigned cpu, uint32_t value) {
  const unsigned id = value & 0xF;
  const unsigned all = (1u << cpus_.size()) - 1;
  unsigned targets = 0;
  switch ((value >> 24) & 3) {
    case 0: targets = (value >> 16) & 0xFF & all; break;
    case 1: targets = all & ~(1u << cpu); break;
    case 2: targets = 1u << cpu; break;
    default: LogOnce("GICD_SGIR with the reserved TargetListFilter 3, ignored", kGicdSgir); return;
  }
  for (unsigned t = 0; t < cpus_.size(); ++t) {
    if ((targets >> t) & 1) cpus_[t].sgi_sources[id] |= 1u << cpu;
  }
}

uint8_t Gicv2::DistReadByte(unsigned cpu, uint64_t offset) {
  if (offset >= kGicdIpriorityr && offset < kGicdItargetsr) {
    const uint64_t id = offset - kGicdIpriorityr;
    return id < num_irqs_ ? Irq(cpu, id).priority : 0;
  }
  if (offset >= kGicdItargetsr && offset < kGicdIcfgr) {
    // GICD_ITARGETSR0-7 are read-only and return the reading CPU's own bit
    // (4.3.12).
    const uint64_t id = offset - kGicdItargetsr;
    if (id >= num_irqs_) return 0;
    if (id < kNumPrivate) return 1u << cpu;
    return cpus_.size() == 1 ? 1 : spi_targets_[id - kNumPrivate];
  }
  if (offset >= kGicdCpendsgir && offset < kGicdSpendsgir + 16) {
    // Both register sets read the pending sources of SGI (offset & 15).
    return cpus_[cpu].sgi_sources[offset & 15];
  }
  return 0;
}

void Gicv2::DistWriteByte(unsigned cpu, uint64_t offset, uint8_t value) {
  if (offset >= kGicdIpriorityr && offset < kGicdItargetsr) {
    const uint64_t id = offset - kGicdIpriorityr;
    if (id < num_irqs_) Irq(cpu, id).priority = value;
    return;
  }
  if (offset >= kGicdItargetsr && offset < kGicdIcfgr) {
    const uint64_t id = offset - kGicdItargetsr;
    if (id >= kNumPrivate && id < num_irqs_ && cpus_.size() > 1) {
      spi_targets_[id - kNumPrivate] = value & ((1u << cpus_.size()) - 1);
    }
    return;
  }
  if (offset >= kGicdCpendsgir && offset < kGicdSpendsgir) {
    cpus_[cpu].sgi_sources[offset & 15] &= ~value;
    return;
  }
  if (offset >= kGicdSpendsgir && offset < kGicdSpendsgir + 16) {
    cpus_[cpu].sgi_sources[offset & 15] |= value & ((1u << cpus_.size()) - 1);
  }
}

uint32_t Gicv2::DistReadWord(unsigned cpu, uint64_t offset, bool* known) {
  *known = true;
  if (offset == kGicdCtlr) return dist_ctlr_;
  if (offset == kGicdTyper) {
    // ITLinesNumber = lines / 32 - 1, CPUNumber = CPUs - 1, SecurityExtn 0
    // (4.3.2).
    const uint32_t it_lines = (num_irqs_ + 31) / 32 - 1;
    return it_lines | (static_cast<uint32_t>(cpus_.size() - 1) << 5);
  }
  if (offset == kGicdIidr) return kGicdIidrValue;
  if (offset >= kGicdBitRegsStart && offset < kGicdBitRegsEnd) {
    return ReadBitRegister(cpu, offset / 0x80, (offset & 0x7F) / 4);
  }
  if (offset >= kGicdIcfgr && offset < kGicdIcfgr + 0x100) {
    return ReadConfig(cpu, (offset - kGicdIcfgr) / 4);
  }
  // GICD_NSACRn are RAZ/WI without the Security Extensions (4.3.14); GICD_SGIR
  // is write-only.
  if ((offset >= kGicdNsacr && offset < kGicdNsacr + 0x100) || offset == kGicdSgir) return 0;
  if (offset >= kGicdIdRegs && offset < kDistributorSize) return kIdRegs[(offset - kGicdIdRegs) / 4];
  *known = false;
  return 0;
}

void Gicv2::DistWriteWord(unsigned cpu, uint64_t offset, uint32_t value, bool* known) {
  *known = true;
  if (offset == kGicdCtlr) {
    dist_ctlr_ = value & (kGicdCtlrEnableGrp0 | kGicdCtlrEnableGrp1);
  } else if (offset == kGicdTyper || offset == kGicdIidr ||
             (offset >= kGicdIdRegs && offset < kDistributorSize) ||
             (offset >= kGicdNsacr && offset < kGicdNsacr + 0x100)) {
    // Read-only or RAZ/WI.
  } else if (offset >= kGicdBitRegsStart && offset < kGicdBitRegsEnd) {
    WriteBitRegister(cpu, offset / 0x80, (offset & 0x7F) / 4, value);
  } else if (offset >= kGicdIcfgr && offset < kGicdIcfgr + 0x100) {
    WriteConfig(cpu, (offset - kGicdIcfgr) / 4, value);
  } else if (offset == kGicdSgir) {
    GenerateSgi(cpu, value);
  } else {
    *known = false;
  }
}

bool Gicv2::DistRead(uint64_t offset, unsigned size, uint64_t* value) {
  *value = 0;
  const unsigned cpu = accessing_cpu_;
  if (IsByteAccessible(offset)) {
    if (size != 1 && size != 4) {
      LogOnce("GICD access of an unsupported size, RAZ/WI", offset);
      return true;
    }
    for (unsigned i = 0; i < size; ++i) *value |= uint64_t{DistReadByte(cpu, offset + i)} << (8 * i);
    return true;
  }
  if (size != 4) {
    LogOnce("GICD non-word access to a word register, RAZ/WI", offset);
    return true;
  }
  bool known;
  *value = DistReadWord(cpu, offset, &known);
  if (!known) LogOnce("GICD read of a reserved offset, RAZ", offset);
  return true;
}

bool Gicv2::DistWrite(uint64_t offset, unsigned size, uint64_t value) {
  const unsigned cpu = accessing_cpu_;
  if (IsByteAccessible(offset)) {
    if (size != 1 && size != 4) {
      LogOnce("GICD access of an unsupported size, RAZ/WI", offset);
      return true;
    }
    for (unsigned i = 0; i < size; ++i) DistWriteByte(cpu, offset + i, (value >> (8 * i)) & 0xFF);
    Update();
    return true;
  }
  if (size != 4) {
    LogOnce("GICD non-word access to a word register, RAZ/WI", offset);
    return true;
  }
  bool known;
  DistWriteWord(cpu, offset, static_cast<uint32_t>(value), &known);
  if (!known) LogOnce("GICD write to a reserved offset, WI", offset);
  Update();
  return true;
}

// ---------------------------------------------------------------------------
// CPU interface registers (word accesses only).

bool Gicv2::CpuRead(uint64_t offset, unsigned size, uint64_t* value) {
  *value = 0;
  if (size != 4) {
    LogOnce("GICC non-word access, RAZ/WI", offset);
    return true;
  }
  const unsigned cpu = accessing_cpu_;
  const CpuInterface& c = cpus_[cpu];
  if (offset >= kGiccApr && offset < kGiccApr + 4 * kNumAprs) {
    *value = c.apr[(offset - kGiccApr) / 4];
  } else if (offset >= kGiccNsapr && offset < kGiccNsapr + 4 * kNumAprs) {
    *value = c.nsapr[(offset - kGiccNsapr) / 4];
  } else {
    switch (offset) {
      case kGiccCtlr: *value = c.ctlr; break;
      case kGiccPmr: *value = c.pmr; break;
      case kGiccBpr: *value = c.bpr; break;
      case kGiccAbpr: *value = c.abpr; break;
      case kGiccIar: *value = Acknowledge(cpu, false); break;
      case kGiccAiar: *value = Acknowledge(cpu, true); break;
      case kGiccHppir: *value = HighestPendingValue(cpu, false); break;
      case kGiccAhppir: *value = HighestPendingValue(cpu, true); break;
      case kGiccRpr: *value = std::min(RunningPriority(cpu), 0xFFu); break;
      case kGiccIidr: *value = kGiccIidrValue; break;
      case kGiccEoir:
      case kGiccAeoir:
      case kGiccDir: break;  // write-only
      default: LogOnce("GICC read of a reserved offset, RAZ", offset); break;
    }
  }
  return true;
}

bool Gicv2::CpuWrite(uint64_t offset, unsigned size, uint64_t value64) {
  if (size != 4) {
    LogOnce("GICC non-word access, RAZ/WI", offset);
    return true;
  }
  const unsigned cpu = accessing_cpu_;
  CpuInterface& c = cpus_[cpu];
  const uint32_t value = static_cast<uint32_t>(value64);
  if (offset >= kGiccApr && offset < kGiccApr + 4 * kNumAprs) {
    c.apr[(offset - kGiccApr) / 4] = value;
  } else if (offset >= kGiccNsapr && offset < kGiccNsapr + 4 * kNumAprs) {
    c.nsapr[(offset - kGiccNsapr) / 4] = value;
  } else {
    switch (offset) {
      case kGiccCtlr: c.ctlr = value & kGiccCtlrMask; break;
      case kGiccPmr: c.pmr = value & 0xFF; break;
      // A binary point below the minimum sets the minimum (4.4.3).
      case kGiccBpr: c.bpr = std::max(value & 7, kMinBpr); break;
      case kGiccAbpr: c.abpr = std::max(value & 7, kMinAbpr); break;
      case kGiccEoir: EndOfInterrupt(cpu, value, false); return true;
      case kGiccAeoir: EndOfInterrupt(cpu, value, true); return true;
      case kGiccDir: Deactivate(cpu, value); return true;
      case kGiccIar:
      case kGiccAiar:
      case kGiccHppir:
      case kGiccAhppir:
      case kGiccRpr:
      case kGiccIidr: break;  // read-only
      default: LogOnce("GICC write to a reserved offset, WI", offset); break;
    }
  }
  Update();
  return true;
}

}  // namespace a64
