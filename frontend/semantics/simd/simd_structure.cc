// Advanced SIMD structure loads and stores: LD1-LD4/ST1-ST4 (multiple
// structures, single structure) and LD1R-LD4R, with and without post-index
// (ARM ARM C4.1.45-48; pseudocode of LD1 (multiple structures) and LD1
// (single structure) in C7.2).
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/exception/sp_alignment.h"
#include "frontend/semantics/simd/simd_lanes.h"

namespace a64 {
namespace {

using simd::GetLane;
using simd::Q;
using simd::SetLane;

unsigned Rt(uint32_t w) { return Bits(w, 4, 0); }

// Base address: X[n], or SP when n == 31. Each handler first calls
// CheckSPAlignment ("if n == 31 then CheckSPAlignment(); address = SP[];").
uint64_t BaseAddress(const Cpu& c, uint32_t w) { return ReadXSp(c, Bits(w, 9, 5)); }

// Post-index writeback (bit 23): offs is the transfer size when Rm == 31,
// X[m] otherwise.
void WriteBack(Cpu& c, uint32_t w, uint64_t address, uint64_t transfer_bytes) {
  if (!Bit(w, 23)) return;
  const unsigned m = Bits(w, 20, 16);
  const uint64_t offs = m == 31 ? transfer_bytes : ReadX(c, m);
  WriteXSp(c, Bits(w, 9, 5), address + offs);
}

// opcode (bits 15:12) -> rpt (register repeats) and selem (structure size).
struct MultiShape {
  unsigned rpt, selem;
};
MultiShape Shape(unsigned opcode) {
  switch (opcode) {
    case 0x0: return {1, 4};
    case 0x2: return {4, 1};
    case 0x4: return {1, 3};
    case 0x6: return {3, 1};
    case 0x7: return {1, 1};
    case 0x8: return {1, 2};
    default: return {2, 1};  // 0xa
  }
}

// Multiple structures: for r < rpt, e < elements, s < selem, the element at
// byte offset ((r * elements + e) * selem + s) * ebytes belongs to lane e of
// V[(t + r + s) MOD 32]. The whole block is transferred with one access so a
// fault leaves every register unchanged.
template <bool kLoad>
ExecStatus ExecMultiple(Cpu& c, uint32_t w) {
  const MultiShape sh = Shape(Bits(w, 15, 12));
  const unsigned size = Bits(w, 11, 10), ebytes = 1u << size;
  const unsigned elements = simd::Lanes(Q(w), size);
  const unsigned regs = sh.rpt * sh.selem;
  const uint64_t total = regs * elements * ebytes;
  if (!CheckSpAlignment(c, Bits(w, 9, 5))) return ExecStatus::kException;
  const uint64_t address = BaseAddress(c, w);
  uint8_t buf[64];
  VReg v[4];
  for (unsigned i = 0; i < regs; ++i) v[i] = kLoad ? VReg{} : c.st.v[(Rt(w) + i) % 32];
  if (kLoad && !MemRead(c, address, buf, total)) return ExecStatus::kException;
  for (unsigned r = 0; r < sh.rpt; ++r) {
    for (unsigned e = 0; e < elements; ++e) {
      for (unsigned s = 0; s < sh.selem; ++s) {
        uint8_t* p = buf + ((r * elements + e) * sh.selem + s) * ebytes;
        VReg& reg = v[r + s];
        if (kLoad) {
          uint64_t x = 0;
          std::memcpy(&x, p, ebytes);
          SetLane(reg, size, e, x);
        } else {
          const uint64_t x = GetLane(reg, size, e);
          std::memcpy(p, &x, ebytes);
        }
      }
    }
  }
  if (!kLoad && !MemWrite(c, address, buf, total)) return ExecStatus::kException;
  if (kLoad)
    for (unsigned i = 0; i < regs; ++i) simd::WriteVec(c, (Rt(w) + i) % 32, v[i], Q(w));
  WriteBack(c, w, address, total);
  return ExecStatus::kNext;
}

// Single structure: selem = opcode<0>:R + 1, scale = opcode<2:1>; index is
// Q:S:size with the low bits the element size needs dropped. Other lanes and
// the upper half of the registers are kept (the pseudocode uses 128-bit rval).
template <bool kLoad>
ExecStatus ExecSingle(Cpu& c, uint32_t w) {
  const unsigned selem = (Bit(w, 13) << 1 | Bit(w, 21)) + 1;
  const unsigned qss = Bit(w, 30) << 3 | Bit(w, 12) << 2 | Bits(w, 11, 10);
  unsigned scale = Bits(w, 15, 14), index = qss;
  if (scale == 1) index = qss >> 1;
  if (scale == 2) {
    if (Bit(w, 10)) {
      scale = 3;
      index = qss >> 3;
    } else {
      index = qss >> 2;
    }
  }
  const unsigned ebytes = 1u << scale;
  const uint64_t total = selem * ebytes;
  if (!CheckSpAlignment(c, Bits(w, 9, 5))) return ExecStatus::kException;
  const uint64_t address = BaseAddress(c, w);
  uint8_t buf[32];
  VReg v[4];
  for (unsigned s = 0; s < selem; ++s) v[s] = c.st.v[(Rt(w) + s) % 32];
  if (kLoad && !MemRead(c, address, buf, total)) return ExecStatus::kException;
  for (unsigned s = 0; s < selem; ++s) {
    uint64_t x = 0;
    if (kLoad) {
      std::memcpy(&x, buf + s * ebytes, ebytes);
      SetLane(v[s], scale, index, x);
    } else {
      x = GetLane(v[s], scale, index);
      std::memcpy(buf + s * ebytes, &x, ebytes);
    }
  }
  if (!kLoad && !MemWrite(c, address, buf, total)) return ExecStatus::kException;
  if (kLoad)
    for (unsigned s = 0; s < selem; ++s) simd::WriteVec(c, (Rt(w) + s) % 32, v[s], true);
  WriteBack(c, w, address, total);
  return ExecStatus::kNext;
}

// LD1R-LD4R: each of selem consecutive elements is replicated to every lane
// of its register (datasize 64 clears the upper half).
ExecStatus ExecReplicate(Cpu& c, uint32_t w) {
  const unsigned selem = (Bit(w, 13) << 1 | Bit(w, 21)) + 1;
  const unsigned size = Bits(w, 11, 10), ebytes = 1u << size;
  const uint64_t total = selem * ebytes;
  if (!CheckSpAlignment(c, Bits(w, 9, 5))) return ExecStatus::kException;
  const uint64_t address = BaseAddress(c, w);
  uint8_t buf[32];
  if (!MemRead(c, address, buf, total)) return ExecStatus::kException;
  for (unsigned s = 0; s < selem; ++s) {
    uint64_t x = 0;
    std::memcpy(&x, buf + s * ebytes, ebytes);
    VReg r{};
    for (unsigned i = 0; i < simd::Lanes(true, size); ++i) SetLane(r, size, i, x);
    simd::WriteVec(c, (Rt(w) + s) % 32, r, Q(w));
  }
  WriteBack(c, w, address, total);
  return ExecStatus::kNext;
}

}  // namespace

// Every encoding of the structure load/store classes (fixed bits 31, 29:25 of
// the pattern = 0 0110 and bit 24 selecting single/multiple) gets its handler
// from the pattern's fixed bits: bit 22 = L, opcode<2:1> = 11 = replicate.
void RegisterSimdStructure(ExecTable& t) {
  const Encoding* table = EncodingTable();
  for (unsigned i = 0; i < EncodingCount(); ++i) {
    const Encoding& e = table[i];
    if ((e.mask & 0xbf000000u) != 0xbf000000u) continue;
    const uint32_t cls = e.value & 0xbf000000u;
    if (cls != 0x0c000000u && cls != 0x0d000000u) continue;
    const bool load = Bit(e.value, 22);
    if (cls == 0x0c000000u) {
      t.Set(e.op, load ? &ExecMultiple<true> : &ExecMultiple<false>);
    } else if (Bits(e.value, 15, 14) == 3) {
      t.Set(e.op, &ExecReplicate);
    } else {
      t.Set(e.op, load ? &ExecSingle<true> : &ExecSingle<false>);
    }
  }
}

}  // namespace a64
