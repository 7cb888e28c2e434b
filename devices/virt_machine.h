// The `virt` board: QEMU's virt machine memory map and interrupt numbers
// (hw/arm/virt.c) so that kernels written for it run unchanged, with one
// Cortex-A57-like PE (EL0/EL1), a GICv2, the generic timer on its PPIs, a
// PL011 UART, 32 virtio-mmio transports and PSCI over HVC.
//
//   0x0800_0000  GICv2 distributor (4 KiB)
//   0x0801_0000  GICv2 CPU interface (8 KiB)
//   0x0900_0000  PL011 UART            SPI 1  (INTID 33)
//   0x0901_0000  PL031 RTC             SPI 2  (INTID 34)
//   0x0a00_0000  virtio-mmio n at + n * 0x200, SPI 16 + n (INTID 48 + n)
//   0x4000_0000  RAM
// Generic timer PPIs: secure physical 13 (INTID 29), non-secure physical 14
// (INTID 30), virtual 11 (INTID 27), hypervisor 10 (INTID 26); without EL2
// and EL3 only the EL1 physical and virtual timers can assert theirs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "devices/char_backend.h"
#include "devices/fdt_builder.h"
#include "devices/gicv2.h"
#include "devices/linux_loader.h"
#include "devices/pl011.h"
#include "devices/pl031.h"
#include "devices/psci.h"
#include "devices/single_pe_board.h"
#include "devices/virtio_device.h"
#include "devices/virtio_mmio.h"

namespace a64 {

// The memory map and interrupt assignment.
struct VirtLayout {
  static constexpr uint64_t kRamBase = 0x4000'0000;
  static constexpr uint64_t kGicdBase = 0x0800'0000;
  static constexpr uint64_t kGiccBase = 0x0801'0000;
  static constexpr uint64_t kUartBase = 0x0900'0000;
  static constexpr uint64_t kRtcBase = 0x0901'0000;
  static constexpr uint64_t kPl0xxSize = 0x1000;
  static constexpr uint64_t kVirtioBase = 0x0a00'0000;
  static constexpr uint64_t kVirtioStride = 0x200;
  static constexpr unsigned kVirtioCount = 32;
  static constexpr unsigned kUartSpi = 1;
  static constexpr unsigned kRtcSpi = 2;
  static constexpr unsigned kVirtioFirstSpi = 16;
  static constexpr unsigned kSpiBase = 32;  // INTID of SPI 0
  static constexpr unsigned kPpiBase = 16;  // INTID of PPI 0
  static constexpr unsigned kPpiSecurePhysTimer = 13;
  static constexpr unsigned kPpiPhysTimer = 14;
  static constexpr unsigned kPpiVirtTimer = 11;
  static constexpr unsigned kPpiHypTimer = 10;
  static constexpr unsigned kNumSpis = 64;  // as QEMU's virt board (NUM_IRQS)
};

struct VirtMachineConfig {
  uint64_t ram_size = 512ull << 20;
  bool host_time = false;
  bool semihosting = false;
  EngineOptions engine;
  // The UART's host end (not owned; null: the UART is not connected).
  CharBackend* console = nullptr;
  // WFI with no timer armed: blocks until host input for the console may be
  // available (true) or no input can ever come (false: the run stops with
  // kWaitForever). Null: no input to wait for.
  std::function<bool()> wait_for_input;
};

// How the guest ended the run (PSCI), for the exit status.
enum class VirtPowerEvent : uint8_t { kNone, kSystemOff, kSystemReset, kCpuOff };

class VirtMachine final : public SinglePeBoard {
 public:
  explicit VirtMachine(const VirtMachineConfig& config);
  ~VirtMachine() override;

  // Creates the RAM and maps the devices. False with a reason on error.
  bool Init(std::string* error);

  // Attaches a virtio device to transport `slot` (0..31); call before Init.
  // The DT lists every transport, empty ones report DeviceID 0.
  bool AttachVirtio(unsigned slot, std::unique_ptr<VirtioDevice> device, std::string* error);

  const VirtMachineConfig& config() const { return config_; }
  RamRange ram() const { return {VirtLayout::kRamBase, config_.ram_size}; }

  // The board description the device tree is built from (/chosen empty).
  FdtBoard DescribeBoard() const;

  // Cold reset into EL1h at `entry` (SinglePeBoard::ResetPe) with X0 = `x0`
  // (the DTB address for Linux), and of the devices.
  void Reset(uint64_t entry, uint64_t x0);

  VirtPowerEvent power_event() const { return power_event_; }

  // Platform.
  bool FirmwareCall(Cpu& cpu, bool smc, uint16_t imm) override;

  // InterruptSource.
  uint64_t Update(Cpu& cpu) override;
  bool IrqLine() const override { return gic_.IrqPending(0); }
  bool FiqLine() const override { return gic_.FiqPending(0); }
  bool WaitForEvent(Cpu& cpu) override;

 private:
  // Nanoseconds since reset on the board's clock (virtual or host time).
  uint64_t NowNs() const;
  // Drives the timer PPIs from the timer registers; returns the instruction
  // count at which one of them rises next.
  uint64_t UpdateTimers(const Cpu& cpu);

  VirtMachineConfig config_;
  Gicv2 gic_;
  Pl011 uart_;
  Pl031 rtc_;
  std::vector<std::unique_ptr<VirtioDevice>> pending_virtio_;  // by slot, until Init
  std::vector<std::unique_ptr<VirtioMmio>> virtio_;
  VirtPowerEvent power_event_ = VirtPowerEvent::kNone;
};

}  // namespace a64
