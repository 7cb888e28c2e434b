// ARM PrimeCell UART (PL011), ARM DDI 0183 (r1p4 as QEMU's model reports),
// as Linux's amba-pl011 driver and its earlycon use it.
//
// The line is infinitely fast:
//  - transmit: a byte written to UARTDR goes to the CharBackend at once, so
//    the transmit FIFO is always empty (UARTFR.TXFE = 1, TXFF = BUSY = 0).
//    As in QEMU, bytes are sent even while UARTCR.UARTEN or TXE is 0: Linux's
//    earlycon writes UARTDR without ever enabling the UART.
//  - receive: bytes are pulled from the backend while the receive FIFO has
//    room and UARTCR.UARTEN and RXE are 1 — right before the guest reads
//    UARTFR or UARTDR, and whenever the board calls PollInput(). So input is
//    never lost to an overrun; it waits in the backend.
//
// Interrupts (DDI 0183, Interrupts): one combined output UARTINTR =
// OR(UARTMIS), driven through an InterruptSink. Modem-status, framing, parity
// and break conditions never occur (no physical line); overrun only occurs in
// loopback (UARTCR.LBE).
#pragma once

#include <cstddef>
#include <cstdint>

#include "devices/char_backend.h"
#include "devices/interrupt_sink.h"
#include "devices/apb_device.h"

namespace a64 {

class Pl011 final : public ApbDevice {
 public:
  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr unsigned kFifoDepth = 16;  // PL011 r1px: 16 entries

  // Register offsets (DDI 0183, Summary of registers).
  static constexpr uint64_t kDR = 0x000;
  static constexpr uint64_t kRSR = 0x004;  // read: UARTRSR, write: UARTECR
  static constexpr uint64_t kFR = 0x018;
  static constexpr uint64_t kILPR = 0x020;
  static constexpr uint64_t kIBRD = 0x024;
  static constexpr uint64_t kFBRD = 0x028;
  static constexpr uint64_t kLCR_H = 0x02c;
  static constexpr uint64_t kCR = 0x030;
  static constexpr uint64_t kIFLS = 0x034;
  static constexpr uint64_t kIMSC = 0x038;
  static constexpr uint64_t kRIS = 0x03c;
  static constexpr uint64_t kMIS = 0x040;
  static constexpr uint64_t kICR = 0x044;
  static constexpr uint64_t kDMACR = 0x048;
  static constexpr uint64_t kPeriphID0 = 0xfe0;  // ... kPCellID3 = 0xffc

  // UARTDR receive error bits.
  static constexpr uint32_t kDrFE = 1u << 8;
  static constexpr uint32_t kDrPE = 1u << 9;
  static constexpr uint32_t kDrBE = 1u << 10;
  static constexpr uint32_t kDrOE = 1u << 11;
  // UARTRSR bits.
  static constexpr uint32_t kRsrOE = 1u << 3;
  // UARTFR bits.
  static constexpr uint32_t kFrBUSY = 1u << 3;
  static constexpr uint32_t kFrRXFE = 1u << 4;
  static constexpr uint32_t kFrTXFF = 1u << 5;
  static constexpr uint32_t kFrRXFF = 1u << 6;
  static constexpr uint32_t kFrTXFE = 1u << 7;
  // UARTLCR_H.FEN.
  static constexpr uint32_t kLcrFEN = 1u << 4;
  // UARTCR bits.
  static constexpr uint32_t kCrUARTEN = 1u << 0;
  static constexpr uint32_t kCrLBE = 1u << 7;
  static constexpr uint32_t kCrTXE = 1u << 8;
  static constexpr uint32_t kCrRXE = 1u << 9;
  // Interrupt bits of UARTIMSC/RIS/MIS/ICR.
  static constexpr uint32_t kIntRX = 1u << 4;
  static constexpr uint32_t kIntTX = 1u << 5;
  static constexpr uint32_t kIntRT = 1u << 6;
  static constexpr uint32_t kIntOE = 1u << 10;
  static constexpr uint32_t kIntAll = 0x7ff;

  // `backend` and `irq` are not owned and may be null (no line / no
  // interrupt). `intid` is the line driven on `irq` (SPI 1 = 33 on virt).
  Pl011(CharBackend* backend, InterruptSink* irq, unsigned intid);

  // Registers to their reset values, FIFO emptied, interrupt output low.
  void Reset();

  // MMIO: see ApbDevice. Reserved offsets read as zero and ignore writes,
  // as in QEMU.

  // Pulls available input from the backend into the receive FIFO and updates
  // the interrupt output. The board calls it at deterministic points (e.g.
  // when it updates devices, and while the PE sleeps in WFI) so that an
  // interrupt-driven guest sees input.
  void PollInput();

  // A byte arriving on UARTRXD (also the loopback path). Ignored unless the
  // receiver is enabled; sets the overrun error when the FIFO is full.
  void Receive(uint8_t byte);

  // The level of UARTINTR.
  bool interrupt_level() const { return irq_level_; }
  // Bytes in the receive FIFO.
  unsigned rx_count() const { return rx_count_; }

 private:
  // ApbDevice.
  uint32_t ReadRegister(uint64_t reg) override;
  void WriteRegister(uint64_t reg, uint32_t value) override;
  void Transmit(uint8_t byte);
  uint32_t PopRx();
  bool ReceiverEnabled() const;
  unsigned RxDepth() const;    // 16 with FIFOs enabled, else 1 (holding register)
  unsigned RxTrigger() const;  // the UARTIFLS.RXIFLSEL level, 1 without FIFOs
  void UpdateInterrupt();

  CharBackend* backend_;
  InterruptSink* irq_;
  unsigned intid_;

  uint16_t rx_fifo_[kFifoDepth];  // data plus error bits 11:8
  unsigned rx_head_ = 0;
  unsigned rx_count_ = 0;
  bool overrun_pending_ = false;  // tags the next character stored with OE

  uint32_t rsr_ = 0;
  uint32_t ilpr_ = 0;
  uint32_t ibrd_ = 0;
  uint32_t fbrd_ = 0;
  uint32_t lcr_h_ = 0;
  uint32_t cr_ = 0;
  uint32_t ifls_ = 0;
  uint32_t imsc_ = 0;
  uint32_t ris_ = 0;
  uint32_t dmacr_ = 0;
  bool irq_level_ = false;
};

}  // namespace a64
