// Exclusives, load-acquire/store-release, compare-and-swap and atomic memory
// operations, spelled as llvm-mc prints them.
#include <string>

#include "frontend/disasm/formatters_loadstore.h"

namespace a64 {
namespace {

// "[xn|sp]": the base of every form in this file, with no offset.
std::string BaseOnly(const Disasm& d) { return "[" + XRegSp(d.Bits(9, 5)) + "]"; }

// The data registers are X when size (bits 31:30) is 11, W otherwise.
bool SizeIs64(const Disasm& d) { return d.Bits(31, 30) == 3; }

}  // namespace

void FmtLsStoreExclusive(Disasm& d) {
  d.Operand(WReg(d.Bits(20, 16)));
  d.Operand(GpReg(SizeIs64(d), d.Bits(4, 0)));
  d.Operand(BaseOnly(d));
}

void FmtLsStoreExclusivePair(Disasm& d) {
  const bool x = d.Bit(30);
  d.Operand(WReg(d.Bits(20, 16)));
  d.Operand(GpReg(x, d.Bits(4, 0)));
  d.Operand(GpReg(x, d.Bits(14, 10)));
  d.Operand(BaseOnly(d));
}

void FmtLsLoadOrdered(Disasm& d) {
  d.Operand(GpReg(SizeIs64(d), d.Bits(4, 0)));
  d.Operand(BaseOnly(d));
}

void FmtLsLoadExclusivePair(Disasm& d) {
  const bool x = d.Bit(30);
  d.Operand(GpReg(x, d.Bits(4, 0)));
  d.Operand(GpReg(x, d.Bits(14, 10)));
  d.Operand(BaseOnly(d));
}

void FmtLsCompareAndSwap(Disasm& d) {
  d.Operand(GpReg(SizeIs64(d), d.Bits(20, 16)));
  d.Operand(GpReg(SizeIs64(d), d.Bits(4, 0)));
  d.Operand(BaseOnly(d));
}

// CASP: the pairs are <Rs, Rs+1> and <Rt, Rt+1>; bit 30 selects X registers.
void FmtLsCompareAndSwapPair(Disasm& d) {
  const bool x = d.Bit(30);
  const unsigned s = d.Bits(20, 16), t = d.Bits(4, 0);
  d.Operand(GpReg(x, s));
  d.Operand(GpReg(x, s + 1));
  d.Operand(GpReg(x, t));
  d.Operand(GpReg(x, t + 1));
  d.Operand(BaseOnly(d));
}

// LD<op>{L}{B,H} with Rt = ZR and no acquire prints as ST<op>{L}{B,H} (ARM ARM
// C6.2: "STADD ... is an alias of LDADD ... when A == '0' && Rt == '11111'").
// SWP has no such alias.
void FmtLsAtomic(Disasm& d) {
  const bool x = SizeIs64(d);
  const unsigned t = d.Bits(4, 0);
  const bool is_swp = d.Bit(15);
  if (!is_swp && t == 31 && !d.Bit(23)) {
    d.Mnemonic("st" + std::string(d.enc->mnemonic).substr(2));
    d.Operand(GpReg(x, d.Bits(20, 16)));
    d.Operand(BaseOnly(d));
    return;
  }
  d.Operand(GpReg(x, d.Bits(20, 16)));
  d.Operand(GpReg(x, t));
  d.Operand(BaseOnly(d));
}

}  // namespace a64
