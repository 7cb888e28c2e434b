#include "devices/pl011.h"

namespace a64 {

namespace {

// UARTPeriphID0-3 and UARTPCellID0-3 (DDI 0183): part number
// 0x011, designer 0x41 (ARM), revision 1 (r1p4 per QEMU), then the PrimeCell
// identification 0xB105F00D.
constexpr uint8_t kIdRegisters[8] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

// Reset values (DDI 0183, Summary of registers).
constexpr uint32_t kCrReset = Pl011::kCrTXE | Pl011::kCrRXE;  // 0x0300
constexpr uint32_t kIflsReset = 0x12;                          // both at 1/2

}  // namespace

Pl011::Pl011(CharBackend* backend, InterruptSink* irq, unsigned intid)
    : ApbDevice(kMmioSize), backend_(backend), irq_(irq), intid_(intid) {
  Reset();
}

void Pl011::Reset() {
  rx_head_ = 0;
  rx_count_ = 0;
  for (uint16_t& entry : rx_fifo_) entry = 0;
  overrun_pending_ = false;
  rsr_ = 0;
  ilpr_ = 0;
  ibrd_ = 0;
  fbrd_ = 0;
  lcr_h_ = 0;
  cr_ = kCrReset;
  ifls_ = kIflsReset;
  imsc_ = 0;
  ris_ = 0;
  dmacr_ = 0;
  UpdateInterrupt();
}

uint32_t Pl011::ReadRegister(uint64_t reg) {
  if (reg >= kPeriphID0) return kIdRegisters[(reg - kPeriphID0) / 4];
  switch (reg) {
    case kDR:
      PollInput();
      return PopRx();
    case kRSR:
      return rsr_;
    case kFR: {
      PollInput();
      uint32_t fr = kFrTXFE;  // transmission is instantaneous
      if (rx_count_ == 0) fr |= kFrRXFE;
      if (rx_count_ >= RxDepth()) fr |= kFrRXFF;
      return fr;
    }
    case kILPR:
      return ilpr_;
    case kIBRD:
      return ibrd_;
    case kFBRD:
      return fbrd_;
    case kLCR_H:
      return lcr_h_;
    case kCR:
      return cr_;
    case kIFLS:
      return ifls_;
    case kIMSC:
      return imsc_;
    case kRIS:
      return ris_;
    case kMIS:
      return ris_ & imsc_;
    case kDMACR:
      return dmacr_;
    default:
      return 0;  // UARTICR (write-only) and reserved offsets
  }
}

void Pl011::WriteRegister(uint64_t reg, uint32_t value) {
  switch (reg) {
    case kDR:
      Transmit(static_cast<uint8_t>(value));
      break;
    case kRSR:  // UARTECR: any write clears the error flags
      rsr_ = 0;
      break;
    case kILPR:
      ilpr_ = value & 0xff;
      break;
    case kIBRD:
      ibrd_ = value & 0xffff;
      break;
    case kFBRD:
      fbrd_ = value & 0x3f;
      break;
    case kLCR_H:
      lcr_h_ = value & 0xff;
      break;
    case kCR:
      cr_ = value & 0xffff;
      PollInput();  // enabling the receiver lets waiting input in
      break;
    case kIFLS:
      ifls_ = value & 0x3f;
      break;
    case kIMSC:
      imsc_ = value & kIntAll;
      UpdateInterrupt();
      break;
    case kICR:
      ris_ &= ~value;
      UpdateInterrupt();
      break;
    case kDMACR:
      dmacr_ = value & 0x7;  // no DMA controller is connected
      break;
    default:
      break;  // UARTFR, UARTRIS, UARTMIS, the ID registers: read-only
  }
}

// UARTTXINTR: the transmit interrupt is asserted when the transmit FIFO goes to or
// below its trigger level (with FIFOs disabled: when the holding register
// empties). Our FIFO drains as soon as it is written, so every write asserts
// it; only UARTICR or reset clears it.
void Pl011::Transmit(uint8_t byte) {
  ris_ |= kIntTX;
  if (cr_ & kCrLBE) {
    Receive(byte);  // loopback: UARTTXD is fed to UARTRXD
  } else if (backend_ != nullptr) {
    backend_->Write(&byte, 1);
  }
  UpdateInterrupt();
}

void Pl011::PollInput() {
  if (backend_ == nullptr || !ReceiverEnabled()) return;
  uint8_t byte;
  while (rx_count_ < RxDepth() && backend_->TryRead(&byte)) Receive(byte);
}

void Pl011::Receive(uint8_t byte) {
  if (!ReceiverEnabled()) return;
  if (rx_count_ >= RxDepth()) {
    // UARTDR.OE/UARTRSR.OE: overrun. The FIFO keeps its contents; the character is
    // lost; OE is reported at once in UARTRSR and with the next character
    // stored.
    rsr_ |= kRsrOE;
    ris_ |= kIntOE;
    overrun_pending_ = true;
  } else {
    uint16_t entry = byte;
    if (overrun_pending_) entry |= kDrOE;
    overrun_pending_ = false;
    rx_fifo_[(rx_head_ + rx_count_) % kFifoDepth] = entry;
    ++rx_count_;
    // UARTRXINTR asserts when the FIFO reaches the trigger
    // level (with FIFOs disabled: when the holding register fills).
    if (rx_count_ >= RxTrigger()) ris_ |= kIntRX;
  }
  // UARTRTINTR: the receive timeout asserts when the FIFO is not empty and no
  // further data arrives for 32 bit periods. On an infinitely fast line the
  // gap after any character already counts as that idle period.
  if (rx_count_ != 0) ris_ |= kIntRT;
  UpdateInterrupt();
}

uint32_t Pl011::PopRx() {
  if (rx_count_ == 0) return 0;  // empty FIFO: no character, no error bits
  uint32_t entry = rx_fifo_[rx_head_];
  rx_head_ = (rx_head_ + 1) % kFifoDepth;
  --rx_count_;
  // UARTRSR holds the break/parity/framing status of the character
  // just read; OE is set as soon as an overrun happens and stays until
  // UARTECR is written.
  rsr_ = (rsr_ & kRsrOE) | ((entry >> 8) & 0xf);
  // UARTRXINTR clears when the FIFO goes below the trigger
  // level; UARTRTINTR clears when the FIFO empties.
  if (rx_count_ < RxTrigger()) ris_ &= ~kIntRX;
  if (rx_count_ == 0) ris_ &= ~kIntRT;
  UpdateInterrupt();
  return entry;
}

bool Pl011::ReceiverEnabled() const {
  return (cr_ & kCrUARTEN) && (cr_ & kCrRXE);
}

unsigned Pl011::RxDepth() const { return (lcr_h_ & kLcrFEN) ? kFifoDepth : 1; }

// UARTIFLS.RXIFLSEL : 1/8, 1/4, 1/2, 3/4, 7/8 full; the reserved
// encodings 0b101-0b111 behave as the reset value (1/2).
unsigned Pl011::RxTrigger() const {
  if (!(lcr_h_ & kLcrFEN)) return 1;
  switch ((ifls_ >> 3) & 7) {
    case 0: return kFifoDepth / 8;
    case 1: return kFifoDepth / 4;
    case 3: return kFifoDepth * 3 / 4;
    case 4: return kFifoDepth * 7 / 8;
    default: return kFifoDepth / 2;
  }
}

// UARTINTR is the OR of the masked interrupt status bits (UARTINTR).
void Pl011::UpdateInterrupt() {
  bool level = (ris_ & imsc_) != 0;
  if (level == irq_level_) return;
  irq_level_ = level;
  if (irq_ != nullptr) irq_->SetLevel(intid_, level);
}

}  // namespace a64
