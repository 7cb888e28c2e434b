// Replays a golden text file recorded on qemu-aarch64 by a generator using
// golden_gen.h: every line is one instruction with its inputs and qemu's
// outputs (layout: golden_case.h). Each case runs on a fresh CpuState of a
// TestMachine for one instruction, and the outputs the layout names must
// match; a mismatch is a gtest failure listing the differing fields.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "tests/support/golden_case.h"

namespace a64::testing {

struct GoldenCaseData {
  uint32_t word = 0;
  GoldenIn in{};
  GoldenOut out{};  // as recorded
};

// Parses one line in `layout`; nullopt if it does not have that shape (or the
// layout has a token golden_case.h does not define).
std::optional<GoldenCaseData> ParseGoldenLine(const std::string& layout, const std::string& line);

// What a suite's golden file holds and how to check it.
struct GoldenSuite {
  std::string path;    // relative to the runfiles root: "tests/fp_scalar/fp_golden.txt"
  std::string layout;  // the generator's layout string
  GoldenComplete complete = nullptr;  // as in the generator
  // A known deviation of the recorded machine from the ARM ARM: may replace
  // the expected outputs of a case by the architected ones (and check the
  // recorded ones are exactly the known deviation). Returns true if it did.
  std::function<bool(const GoldenCaseData&, GoldenOut* expected)> deviation;
  int min_cases = 1;         // fewer cases fail the test (never less than 1)
  size_t min_encodings = 0;  // distinct words
};

struct GoldenReport {
  int cases = 0, failures = 0, deviations = 0;
  size_t encodings = 0;
  std::map<uint32_t, int> failing_words;  // word -> failing cases
};

// Replays every case of the suite, adding a gtest failure for each of the
// first 40 mismatching cases, for an unparsable line, and for fewer cases or
// encodings than the suite asks; prints a summary line and the failing words.
GoldenReport ReplayGolden(const GoldenSuite& suite);

}  // namespace a64::testing
