// PL011 register behaviour through its MMIO interface, with a fake backend
// and a fake interrupt controller.
#include "devices/pl011.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

namespace a64 {
namespace {

class FakeBackend : public CharBackend {
 public:
  void Write(const uint8_t* data, size_t size) override { output.append(data, data + size); }
  bool TryRead(uint8_t* byte) override {
    ++polls;
    if (input.empty()) return false;
    *byte = input.front();
    input.pop_front();
    return true;
  }
  void Type(const std::string& s) { input.insert(input.end(), s.begin(), s.end()); }

  std::string output;
  std::deque<uint8_t> input;
  unsigned polls = 0;
};

class FakeSink : public InterruptSink {
 public:
  void SetLevel(unsigned intid, bool level) override { calls.push_back({intid, level}); }
  bool Level() const { return !calls.empty() && calls.back().second; }
  std::vector<std::pair<unsigned, bool>> calls;
};

constexpr unsigned kIntid = 33;

class Pl011Test : public ::testing::Test {
 protected:
  uint32_t Rd(uint64_t off, unsigned size = 4) {
    uint64_t v = ~uint64_t{0};
    EXPECT_TRUE(uart.Read(off, size, &v));
    return static_cast<uint32_t>(v);
  }
  void Wr(uint64_t off, uint32_t v, unsigned size = 4) { EXPECT_TRUE(uart.Write(off, size, v)); }
  // As Linux's pl011_startup: FIFOs on, UART, TX and RX enabled.
  void Enable(bool fifo = true) {
    Wr(Pl011::kLCR_H, (3u << 5) | (fifo ? Pl011::kLcrFEN : 0));  // 8 bits
    Wr(Pl011::kCR, Pl011::kCrUARTEN | Pl011::kCrTXE | Pl011::kCrRXE);
  }

  FakeBackend backend;
  FakeSink sink;
  Pl011 uart{&backend, &sink, kIntid};
};

TEST_F(Pl011Test, ResetValues) {
  EXPECT_EQ(Rd(Pl011::kFR), 0x90u);  // TXFE | RXFE
  EXPECT_EQ(Rd(Pl011::kCR), 0x300u);
  EXPECT_EQ(Rd(Pl011::kIFLS), 0x12u);
  EXPECT_EQ(Rd(Pl011::kLCR_H), 0u);
  EXPECT_EQ(Rd(Pl011::kIMSC), 0u);
  EXPECT_EQ(Rd(Pl011::kRIS), 0u);
  EXPECT_EQ(Rd(Pl011::kMIS), 0u);
  EXPECT_EQ(Rd(Pl011::kRSR), 0u);
  EXPECT_TRUE(sink.calls.empty());
}

TEST_F(Pl011Test, IdRegisters) {
  const uint32_t expected[8] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(Rd(0xfe0 + 4 * i), expected[i]) << i;
  // Linux's AMBA bus reads them as 32-bit words and combines the low bytes.
  uint32_t periph = 0, cell = 0;
  for (unsigned i = 0; i < 4; ++i) {
    periph |= (Rd(0xfe0 + 4 * i) & 0xff) << (8 * i);
    cell |= (Rd(0xff0 + 4 * i) & 0xff) << (8 * i);
  }
  EXPECT_EQ(periph, 0x00141011u);
  EXPECT_EQ(cell, 0xb105f00du);
}

TEST_F(Pl011Test, TransmitGoesToBackendEvenWhenDisabled) {
  // Linux's earlycon writes UARTDR with byte stores without enabling the UART.
  Wr(Pl011::kDR, 'h', 1);
  Wr(Pl011::kDR, 'i', 4);
  Wr(Pl011::kDR, 0x100 | '!', 2);  // only bits 7:0 are data
  EXPECT_EQ(backend.output, "hi!");
  EXPECT_EQ(Rd(Pl011::kFR) & (Pl011::kFrTXFE | Pl011::kFrTXFF | Pl011::kFrBUSY), Pl011::kFrTXFE);
}

TEST_F(Pl011Test, RegisterWidths) {
  Wr(Pl011::kILPR, 0x1ab);
  Wr(Pl011::kIBRD, 0x12345);
  Wr(Pl011::kFBRD, 0xff);
  Wr(Pl011::kLCR_H, 0x1ff);
  Wr(Pl011::kCR, 0x1ff80);  // no UARTEN: the receiver stays off
  Wr(Pl011::kIFLS, 0xff);
  Wr(Pl011::kIMSC, 0xffff);
  Wr(Pl011::kDMACR, 0xff);
  EXPECT_EQ(Rd(Pl011::kILPR), 0xabu);
  EXPECT_EQ(Rd(Pl011::kIBRD), 0x2345u);
  EXPECT_EQ(Rd(Pl011::kFBRD), 0x3fu);
  EXPECT_EQ(Rd(Pl011::kLCR_H), 0xffu);
  EXPECT_EQ(Rd(Pl011::kCR), 0xff80u);
  EXPECT_EQ(Rd(Pl011::kIFLS), 0x3fu);
  EXPECT_EQ(Rd(Pl011::kIMSC), 0x7ffu);
  EXPECT_EQ(Rd(Pl011::kDMACR), 0x7u);
  // Narrow reads: bytes of UARTIBRD; reserved space reads as zero.
  EXPECT_EQ(Rd(Pl011::kIBRD, 1), 0x45u);
  EXPECT_EQ(Rd(Pl011::kIBRD + 1, 1), 0x23u);
  EXPECT_EQ(Rd(Pl011::kIBRD, 2), 0x2345u);
  EXPECT_EQ(Rd(0x100), 0u);
  // 8-byte accesses and accesses past the region are refused.
  uint64_t v;
  EXPECT_FALSE(uart.Read(0, 8, &v));
  EXPECT_FALSE(uart.Write(0, 8, 0));
  EXPECT_FALSE(uart.Read(0x1000, 4, &v));
}

TEST_F(Pl011Test, NoInputWhileReceiverDisabled) {
  backend.Type("ab");
  EXPECT_EQ(Rd(Pl011::kFR) & Pl011::kFrRXFE, Pl011::kFrRXFE);  // UARTEN = 0 at reset
  uart.PollInput();
  EXPECT_EQ(uart.rx_count(), 0u);
  EXPECT_EQ(backend.input.size(), 2u);  // the input waits in the backend
  Enable();                            // enabling the receiver lets it in
  EXPECT_EQ(uart.rx_count(), 2u);
}

TEST_F(Pl011Test, FifoFillAndDrain) {
  Enable();
  backend.Type("0123456789abcdefXYZ");  // 19 bytes, 16-entry FIFO
  uint32_t fr = Rd(Pl011::kFR);
  EXPECT_EQ(fr & (Pl011::kFrRXFE | Pl011::kFrRXFF), Pl011::kFrRXFF);
  EXPECT_EQ(uart.rx_count(), 16u);
  EXPECT_EQ(backend.input.size(), 3u);  // no overrun: the rest waits
  std::string got;
  while (!(Rd(Pl011::kFR) & Pl011::kFrRXFE)) got.push_back(static_cast<char>(Rd(Pl011::kDR)));
  EXPECT_EQ(got, "0123456789abcdefXYZ");
  EXPECT_EQ(Rd(Pl011::kRSR), 0u);
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntOE, 0u);
}

TEST_F(Pl011Test, FifoDisabledHoldsOneCharacter) {
  Enable(/*fifo=*/false);
  backend.Type("xy");
  EXPECT_EQ(Rd(Pl011::kFR) & (Pl011::kFrRXFE | Pl011::kFrRXFF), Pl011::kFrRXFF);
  EXPECT_EQ(uart.rx_count(), 1u);
  EXPECT_EQ(Rd(Pl011::kDR), uint32_t{'x'});
  EXPECT_EQ(Rd(Pl011::kDR), uint32_t{'y'});  // pulled in right before the read
  EXPECT_EQ(Rd(Pl011::kFR) & Pl011::kFrRXFE, Pl011::kFrRXFE);
}

TEST_F(Pl011Test, ReceiveInterruptAtTriggerLevel) {
  Enable();
  Wr(Pl011::kIFLS, 2u << 3);  // RX at 1/2 = 8 characters
  Wr(Pl011::kIMSC, Pl011::kIntRX);
  for (int i = 0; i < 7; ++i) uart.Receive('a');
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntRX, 0u);
  EXPECT_FALSE(sink.Level());
  uart.Receive('a');
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntRX, Pl011::kIntRX);
  EXPECT_EQ(Rd(Pl011::kMIS), Pl011::kIntRX);
  ASSERT_FALSE(sink.calls.empty());
  EXPECT_EQ(sink.calls.back(), (std::pair<unsigned, bool>{kIntid, true}));
  // Reading one character takes the FIFO below the level: deasserted.
  Rd(Pl011::kDR);
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntRX, 0u);
  EXPECT_FALSE(sink.Level());
  EXPECT_FALSE(uart.interrupt_level());
}

TEST_F(Pl011Test, ReceiveTimeoutBelowTriggerLevel) {
  Enable();
  Wr(Pl011::kIMSC, Pl011::kIntRX | Pl011::kIntRT);  // as Linux
  backend.Type("ls");
  uart.PollInput();
  EXPECT_EQ(Rd(Pl011::kMIS), Pl011::kIntRT);  // 2 < 8: only the timeout
  EXPECT_TRUE(sink.Level());
  Rd(Pl011::kDR);
  EXPECT_TRUE(sink.Level());  // not empty yet
  Rd(Pl011::kDR);
  EXPECT_EQ(Rd(Pl011::kMIS), 0u);  // empty: the timeout clears
  EXPECT_FALSE(sink.Level());
}

TEST_F(Pl011Test, InterruptClearAndMask) {
  Enable();
  uart.Receive('a');
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntRT, Pl011::kIntRT);
  EXPECT_FALSE(sink.Level());  // masked
  Wr(Pl011::kIMSC, Pl011::kIntRT);
  EXPECT_TRUE(sink.Level());
  Wr(Pl011::kICR, Pl011::kIntRT);
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntRT, 0u);
  EXPECT_FALSE(sink.Level());
  EXPECT_EQ(uart.rx_count(), 1u);  // clearing the interrupt keeps the data
  // Level changes only are reported, on the UART's line.
  for (auto& [intid, level] : sink.calls) EXPECT_EQ(intid, kIntid);
  EXPECT_EQ(sink.calls.size(), 2u);
}

TEST_F(Pl011Test, TransmitInterrupt) {
  Enable();
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntTX, 0u);  // no transition through the level yet
  Wr(Pl011::kIMSC, Pl011::kIntTX);
  EXPECT_FALSE(sink.Level());
  Wr(Pl011::kDR, 'A');  // the FIFO empties at once: TX asserts
  EXPECT_EQ(Rd(Pl011::kMIS), Pl011::kIntTX);
  EXPECT_TRUE(sink.Level());
  Wr(Pl011::kICR, Pl011::kIntAll);
  EXPECT_FALSE(sink.Level());
  Wr(Pl011::kIMSC, 0);
  Wr(Pl011::kDR, 'B');
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntTX, Pl011::kIntTX);
  EXPECT_FALSE(sink.Level());
  EXPECT_EQ(backend.output, "AB");
}

TEST_F(Pl011Test, LoopbackAndOverrun) {
  Wr(Pl011::kLCR_H, Pl011::kLcrFEN);
  Wr(Pl011::kCR, Pl011::kCrUARTEN | Pl011::kCrTXE | Pl011::kCrRXE | Pl011::kCrLBE);
  for (int i = 0; i < 17; ++i) Wr(Pl011::kDR, 'a' + i);
  EXPECT_EQ(backend.output, "");  // looped back, not sent
  EXPECT_EQ(uart.rx_count(), 16u);
  EXPECT_EQ(Rd(Pl011::kRSR), Pl011::kRsrOE);
  EXPECT_EQ(Rd(Pl011::kRIS) & Pl011::kIntOE, Pl011::kIntOE);
  EXPECT_EQ(Rd(Pl011::kDR), uint32_t{'a'});  // the FIFO kept its contents
  Wr(Pl011::kDR, 'z');                        // stored with the overrun flag
  for (int i = 1; i < 16; ++i) EXPECT_EQ(Rd(Pl011::kDR), uint32_t('a' + i));
  EXPECT_EQ(Rd(Pl011::kDR), Pl011::kDrOE | 'z');
  Wr(Pl011::kRSR, 0);  // UARTECR
  EXPECT_EQ(Rd(Pl011::kRSR), 0u);
}

TEST_F(Pl011Test, ResetLowersInterrupt) {
  Enable();
  Wr(Pl011::kIMSC, Pl011::kIntTX);
  Wr(Pl011::kDR, 'x');
  EXPECT_TRUE(sink.Level());
  uart.Reset();
  EXPECT_FALSE(sink.Level());
  EXPECT_EQ(Rd(Pl011::kCR), 0x300u);
  EXPECT_EQ(Rd(Pl011::kRIS), 0u);
}

}  // namespace
}  // namespace a64
