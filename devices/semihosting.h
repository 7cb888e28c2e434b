// ARM semihosting ("Semihosting for AArch32 and AArch64", version 2.0) for
// A64 programs: HLT #0xF000 with the operation in W0 and the parameter (or
// the address of a parameter block of 64-bit fields) in X1; the result goes
// to X0. Implemented: the console output calls, opening the console ":tt",
// and the exit calls. Host files are not offered: SYS_OPEN of any other name
// fails (returns -1).
#pragma once

#include <cstdint>
#include <cstdio>

#include "jit/system_runner.h"

namespace a64 {

class Semihosting : public SemihostingHandler {
 public:
  // Console output goes to `out`; handles opened on ":tt" for writing with a
  // mode of 8..11 ("a" modes) go to `err`.
  Semihosting(std::FILE* out, std::FILE* err) : out_(out), err_(err) {}

  bool Call(Cpu& cpu, int* exit_code) override;

 private:
  // Results written to X0.
  uint64_t Open(Cpu& cpu, uint64_t block);
  uint64_t Write(Cpu& cpu, uint64_t block);
  void WriteString(Cpu& cpu, uint64_t va);
  // The exit calls; false when the parameter block cannot be read.
  bool Exit(Cpu& cpu, uint64_t block, int* exit_code);

  std::FILE* out_;
  std::FILE* err_;
  // Handles returned by SYS_OPEN(":tt"): 1 for output, 2 for the error
  // stream, 3 for input; a handle is usable once opened.
  bool open_[4] = {};
};

}  // namespace a64
