#include <cinttypes>
#include <cstdio>

#include "frontend/disasm/disasm_context.h"

namespace a64 {

std::string XReg(unsigned n) { return n == 31 ? "xzr" : "x" + std::to_string(n); }
std::string XRegSp(unsigned n) { return n == 31 ? "sp" : "x" + std::to_string(n); }
std::string WReg(unsigned n) { return n == 31 ? "wzr" : "w" + std::to_string(n); }
std::string WRegSp(unsigned n) { return n == 31 ? "wsp" : "w" + std::to_string(n); }
std::string GpReg(bool is64, unsigned n) { return is64 ? XReg(n) : WReg(n); }
std::string GpRegSp(bool is64, unsigned n) { return is64 ? XRegSp(n) : WRegSp(n); }

std::string ImmDec(int64_t v) { return "#" + std::to_string(v); }

std::string Hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

std::string ImmHex(uint64_t v) { return "#" + Hex(v); }

std::string VRegArr(unsigned n, const char* arrangement) {
  return "v" + std::to_string(n) + "." + arrangement;
}

std::string VRegScalar(char size, unsigned n) { return size + std::to_string(n); }

const char* CondName(unsigned cond) {
  static constexpr const char* kNames[16] = {"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
                                             "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
  return kNames[cond & 15];
}

const char* ShiftName(unsigned shift) {
  static constexpr const char* kNames[4] = {"lsl", "lsr", "asr", "ror"};
  return kNames[shift & 3];
}

}  // namespace a64
