// Operand spellings shared by the Advanced SIMD vector formatters.
#include "frontend/disasm/formatters_simd_vector.h"

namespace a64 {

const char* SimdArr(unsigned size, bool q) {
  static constexpr const char* kArr[8] = {"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"};
  return kArr[(size & 3) * 2 + (q ? 1 : 0)];
}

const char* SimdFpArr(unsigned sz, bool q) { return SimdArr(2 + (sz & 1), q); }

char SimdElemChar(unsigned size) { return "bhsd"[size & 3]; }

std::string VRegLane(unsigned n, char elem, unsigned index) {
  return "v" + std::to_string(n) + "." + elem + "[" + std::to_string(index) + "]";
}

std::string VRegList(unsigned first, unsigned count, const std::string& arrangement) {
  std::string s = "{ ";
  for (unsigned i = 0; i < count; ++i) {
    if (i) s += ", ";
    s += "v" + std::to_string((first + i) % 32) + "." + arrangement;
  }
  return s + " }";
}

void SimdMnemonicQ2(Disasm& d) {
  if (d.Bit(30)) d.Mnemonic(std::string(d.enc->mnemonic) + "2");
}

}  // namespace a64
