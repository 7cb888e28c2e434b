// The host end of a serial line: what a UART model transmits to and receives
// from. The board gives each UART one (devices/console.h for the terminal;
// tests use an in-memory fake).
#pragma once

#include <cstddef>
#include <cstdint>

namespace a64 {

class CharBackend {
 public:
  virtual ~CharBackend() = default;

  // Bytes the guest transmitted, in order. Never blocks for long: the UART
  // models an infinitely fast line.
  virtual void Write(const uint8_t* data, size_t size) = 0;

  // Takes the next received byte if one is available now; never blocks.
  // A UART calls it only when its receiver can accept the byte, so a byte
  // taken is never dropped. Whether a byte is available at a given call is
  // the backend's business: a scripted source makes it a pure function of
  // the call sequence (deterministic runs), a host pipe or terminal does not.
  virtual bool TryRead(uint8_t* byte) = 0;
};

}  // namespace a64
