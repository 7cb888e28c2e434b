#include "devices/virt_machine.h"

#include <algorithm>


namespace a64 {

VirtMachine::VirtMachine(const VirtMachineConfig& config)
    : SinglePeBoard(config.host_time, config.semihosting, config.engine),
      config_(config),
      gic_(1, VirtLayout::kNumSpis),
      uart_(config.console, &gic_, VirtLayout::kSpiBase + VirtLayout::kUartSpi),
      rtc_([this] { return NowNs(); }, &gic_, VirtLayout::kSpiBase + VirtLayout::kRtcSpi),
      pending_virtio_(VirtLayout::kVirtioCount) {
  // A change of the GIC's outputs (a device line, a register write) is seen
  // before the next instruction.
  gic_.SetChangeCallback([this] { attention = 0; });
}

VirtMachine::~VirtMachine() = default;

bool VirtMachine::AttachVirtio(unsigned slot, std::unique_ptr<VirtioDevice> device,
                               std::string* error) {
  if (slot >= VirtLayout::kVirtioCount || pending_virtio_[slot] || !virtio_.empty()) {
    *error = "no free virtio-mmio transport";
    return false;
  }
  pending_virtio_[slot] = std::move(device);
  return true;
}

bool VirtMachine::Init(std::string* error) {
  if (!config_.ram_size || (config_.ram_size & 0xfff)) {
    *error = "the RAM size must be a non-zero multiple of 4 KiB";
    return false;
  }
  if (!phys_.AddRam(VirtLayout::kRamBase, config_.ram_size)) {
    *error = "cannot allocate the RAM";
    return false;
  }
  bool ok = phys_.AddMmio(VirtLayout::kGicdBase, Gicv2::kDistributorSize, gic_.distributor()) &&
            phys_.AddMmio(VirtLayout::kGiccBase, Gicv2::kCpuInterfaceSize, gic_.cpu_interface()) &&
            phys_.AddMmio(VirtLayout::kUartBase, Pl011::kMmioSize, &uart_) &&
            phys_.AddMmio(VirtLayout::kRtcBase, Pl031::kMmioSize, &rtc_);
  for (unsigned n = 0; ok && n < VirtLayout::kVirtioCount; ++n) {
    virtio_.push_back(std::make_unique<VirtioMmio>(
        phys_, &gic_, VirtLayout::kSpiBase + VirtLayout::kVirtioFirstSpi + n,
        std::move(pending_virtio_[n])));
    ok = phys_.AddMmio(VirtLayout::kVirtioBase + n * VirtLayout::kVirtioStride,
                       VirtioMmio::kWindowSize, virtio_.back().get());
  }
  if (!ok) {
    *error = "the device map overlaps the RAM";
    return false;
  }
  return true;
}

FdtBoard VirtMachine::DescribeBoard() const {
  FdtBoard b;
  b.ram_base = VirtLayout::kRamBase;
  b.ram_size = config_.ram_size;
  b.gicd_base = VirtLayout::kGicdBase;
  // QEMU describes 64 KiB frames for a GICv2; the registers occupy the
  // first 4 KiB (GICD) and 8 KiB (GICC).
  b.gicd_size = 0x10000;
  b.gicc_base = VirtLayout::kGiccBase;
  b.gicc_size = 0x10000;
  b.uart = {VirtLayout::kUartBase, VirtLayout::kPl0xxSize, VirtLayout::kUartSpi};
  b.rtc = {VirtLayout::kRtcBase, VirtLayout::kPl0xxSize, VirtLayout::kRtcSpi};
  for (unsigned n = 0; n < VirtLayout::kVirtioCount; ++n)
    b.virtio.push_back({VirtLayout::kVirtioBase + n * VirtLayout::kVirtioStride,
                        VirtLayout::kVirtioStride, VirtLayout::kVirtioFirstSpi + n});
  b.timer_ppi[0] = VirtLayout::kPpiSecurePhysTimer;
  b.timer_ppi[1] = VirtLayout::kPpiPhysTimer;
  b.timer_ppi[2] = VirtLayout::kPpiVirtTimer;
  b.timer_ppi[3] = VirtLayout::kPpiHypTimer;
  return b;
}

void VirtMachine::Reset(uint64_t entry, uint64_t x0) {
  // booting.rst: EL1h (no EL2 here), DAIF masked, MMU and D-cache off,
  // x0 = the DTB's physical address, x1-x3 = 0.
  ResetPe(entry);
  cpu_.st.x[0] = x0;
  gic_.Reset();
  uart_.Reset();
  rtc_.Reset();
  power_event_ = VirtPowerEvent::kNone;
  stop_requested = false;
  attention = 0;
}

// PSCI is reached through HVC, the conduit the DT names; SMC has no firmware
// behind it and stays UNDEFINED (no EL3).
bool VirtMachine::FirmwareCall(Cpu& cpu, bool smc, uint16_t imm) {
  if (smc) return false;
  VirtPowerEvent event = VirtPowerEvent::kNone;
  switch (PsciCall(cpu, imm)) {
    case PsciAction::kNone: return true;
    case PsciAction::kSystemOff: event = VirtPowerEvent::kSystemOff; break;
    case PsciAction::kSystemReset: event = VirtPowerEvent::kSystemReset; break;
    case PsciAction::kCpuOff: event = VirtPowerEvent::kCpuOff; break;
  }
  power_event_ = event;
  stop_requested = true;
  attention = 0;
  return true;
}

uint64_t VirtMachine::UpdateTimers(const Cpu& cpu) {
  const TimerOutputs t = EvaluateTimers(cpu);
  gic_.SetPpiLevel(0, VirtLayout::kPpiBase + VirtLayout::kPpiVirtTimer, t.virt);
  gic_.SetPpiLevel(0, VirtLayout::kPpiBase + VirtLayout::kPpiPhysTimer, t.phys);
  return t.next;
}

uint64_t VirtMachine::NowNs() const {
  return timer_.Counter(cpu_.icount) * GenericTimer::kNsPerTick;
}

uint64_t VirtMachine::Update(Cpu& cpu) {
  uart_.PollInput();
  rtc_.Update();
  uint64_t next = UpdateTimers(cpu);
  // The RTC's next match, at 1 ns per instruction (virtual time; with host
  // time an approximation the next Update corrects).
  const uint64_t rtc_ns = rtc_.NextEventNs();
  if (rtc_ns != Pl031::kNever) {
    const uint64_t now = NowNs();
    next = std::min(next, cpu.icount + (rtc_ns > now ? rtc_ns - now : 1));
  }
  return next;
}

bool VirtMachine::WaitForEvent(Cpu& cpu) {
  if (SleepUntilTimer(cpu)) return true;
  return config_.wait_for_input && config_.wait_for_input();  // no timer armed
}

}  // namespace a64
