#include "mmu/walker.h"

namespace a64 {
namespace {

constexpr uint64_t Bit(uint64_t v, unsigned n) { return (v >> n) & 1; }
constexpr uint64_t Field(uint64_t v, unsigned lo, unsigned width) {
  return (v >> lo) & ((1ull << width) - 1);
}
// Bits [hi:lo] of v in place.
constexpr uint64_t BitsInPlace(uint64_t v, unsigned hi, unsigned lo) {
  return v & (((hi == 63 ? 0 : 1ull << (hi + 1)) - 1) & ~((1ull << lo) - 1));
}

// TCR_EL1 fields of one VA range (TTBR0 or TTBR1 half).
struct RangeParams {
  unsigned txsz;
  unsigned grain;   // log2 of the granule: 12, 14 or 16
  bool epd;
  bool hpd;
};

// TG0 and TG1 encode the granule differently (ARM ARM D17.2.131). The
// reserved encodings are IMPLEMENTATION DEFINED as one of the supported
// sizes; this PE treats them as 4 KiB.
RangeParams ParamsFor(uint64_t tcr, bool upper) {
  RangeParams p;
  if (upper) {
    p.txsz = Field(tcr, 16, 6);
    p.epd = Bit(tcr, 23);
    p.hpd = Bit(tcr, 42);
    switch (Field(tcr, 30, 2)) {
      case 1: p.grain = 14; break;
      case 3: p.grain = 16; break;
      default: p.grain = 12; break;  // 0b10 = 4K, 0b00 reserved
    }
  } else {
    p.txsz = Field(tcr, 0, 6);
    p.epd = Bit(tcr, 7);
    p.hpd = Bit(tcr, 41);
    switch (Field(tcr, 14, 2)) {
      case 1: p.grain = 16; break;
      case 2: p.grain = 14; break;
      default: p.grain = 12; break;  // 0b00 = 4K, 0b11 reserved
    }
  }
  // TxSZ outside [16, 39] is CONSTRAINED UNPREDICTABLE (ARM ARM D8.1.9,
  // RESTnSZ): this PE forces it into range rather than faulting.
  if (p.txsz < 16) p.txsz = 16;
  if (p.txsz > 39) p.txsz = 39;
  return p;
}

// TCR_EL1.IPS -> PA size in bits, limited to PAMax (AArch64.PAMax,
// ARM ARM D8.1.8): 0b110 (52 bits) and the reserved 0b111 give 48 here.
unsigned OutputSize(uint64_t tcr) {
  static constexpr unsigned kIps[8] = {32, 36, 40, 42, 44, 48, 48, 48};
  unsigned s = kIps[Field(tcr, 32, 3)];
  return s < kPaBits ? s : kPaBits;
}

bool OutOfPaRange(uint64_t addr, unsigned outputsize) {
  return BitsInPlace(addr, 47, outputsize) != 0;
}

WalkResult Fault(WalkFault f, unsigned level) {
  WalkResult r;
  r.fault = f;
  r.level = static_cast<uint8_t>(level);
  return r;
}

// AArch64.TranslateAddressS1Off: PA = VA. Data accesses are Device-nGnRnE;
// instruction fetches are Normal, Write-Through cacheable when SCTLR.I is set,
// else Non-cacheable; all Outer Shareable.
WalkResult MmuOff(const TranslationRegs& r, uint64_t va, bool fetch) {
  const unsigned top = AddrTop(r.tcr, va, fetch);
  const uint64_t above = top == 63 ? va : va & ((1ull << 56) - 1);
  if (above >> kPaBits) return Fault(WalkFault::kAddressSize, 0);
  WalkResult w;
  w.mmu_off = true;
  w.pa = va & ((1ull << kPaBits) - 1);
  w.block_shift = 12;
  w.attr = fetch ? ((r.sctlr & kSctlrI) ? 0xaa : 0x44) : 0x00;
  w.sh = 2;
  w.global = true;
  w.ap_el0 = true;
  return w;
}

}  // namespace

unsigned AddrTop(uint64_t tcr, uint64_t va, bool fetch) {
  const bool upper = Bit(va, 55);
  const bool tbi = upper ? Bit(tcr, 38) : Bit(tcr, 37);
  const bool tbid = upper ? Bit(tcr, 52) : Bit(tcr, 51);
  if (fetch && tbid) return 63;
  return tbi ? 55 : 63;
}

uint64_t CanonicalVa(uint64_t tcr, uint64_t va, bool fetch) {
  if (AddrTop(tcr, va, fetch) == 63) return va;
  return Bit(va, 55) ? va | 0xff00000000000000ull : va & 0x00ffffffffffffffull;
}

uint16_t CurrentAsid(const TranslationRegs& r) {
  const uint64_t ttbr = (r.tcr & kTcrA1) ? r.ttbr1 : r.ttbr0;
  const uint16_t asid = static_cast<uint16_t>(ttbr >> 48);
  return (r.tcr & kTcrAs) ? asid : asid & 0xff;
}

WalkResult Stage1Translate(const PhysicalMemory& pm, const TranslationRegs& r, uint64_t va,
                           bool fetch) {
  if (!(r.sctlr & kSctlrM)) return MmuOff(r, va, fetch);

  // VA range selection by VA<55> (AArch64.GetVARange) and the input address
  // size check (AArch64.VAIsOutOfRange): VA<top:inputsize> must be all zeros
  // for TTBR0 and all ones for TTBR1, else a level 0 Translation fault, as for
  // a range disabled by EPDx.
  const bool upper = Bit(va, 55);
  const RangeParams p = ParamsFor(r.tcr, upper);
  const unsigned inputsize = 64 - p.txsz;
  const unsigned top = AddrTop(r.tcr, va, fetch);
  const unsigned width = top - inputsize + 1;
  const uint64_t high = Field(va, inputsize, width);
  const uint64_t expect = upper ? (1ull << width) - 1 : 0;
  if (high != expect || p.epd) return Fault(WalkFault::kTranslation, 0);

  const unsigned grain = p.grain;
  const unsigned stride = grain - 3;
  // Initial lookup level from the number of VA bits the tables resolve
  // (ARM ARM D8.2.6).
  const unsigned start = 4 - (inputsize - grain + stride - 1) / stride;
  // Block descriptors exist at level 1 and 2 for 4K, at level 2 only for
  // 16K and 64K (without FEAT_LPA2).
  const unsigned first_block_level = grain == 12 ? 1 : 2;
  const unsigned outputsize = OutputSize(r.tcr);

  const uint64_t ttbr = upper ? r.ttbr1 : r.ttbr0;
  // The initial table is aligned to its size, and to at least 64 bytes
  // (TTBR BADDR bits below that are RES0 and ignored here). An out-of-range
  // base is a level 0 Address size fault.
  unsigned base_lsb = 3 + inputsize - ((3 - start) * stride + grain);
  if (base_lsb < 6) base_lsb = 6;
  if (OutOfPaRange(BitsInPlace(ttbr, 47, 1), outputsize))
    return Fault(WalkFault::kAddressSize, 0);
  uint64_t table = BitsInPlace(ttbr, 47, base_lsb);

  // Hierarchical attributes accumulated from table descriptors (ARM ARM
  // D8.4.2); ignored when TCR_EL1.HPDx is set (FEAT_HPDS).
  bool ap_table_ro = false, ap_table_no_el0 = false, uxn_table = false, pxn_table = false;
  for (unsigned level = start;; ++level) {
    const unsigned bottom = (3 - level) * stride + grain;
    const unsigned index_bits = level == start ? inputsize - bottom : stride;
    const uint64_t descaddr = table + Field(va, bottom, index_bits) * 8;
    uint64_t desc;
    if (!pm.Read(descaddr, &desc, 8)) return Fault(WalkFault::kExternalOnWalk, level);
    if (r.sctlr & kSctlrEe) desc = __builtin_bswap64(desc);  // big-endian walks

    if (!Bit(desc, 0)) return Fault(WalkFault::kTranslation, level);
    const bool table_or_page = Bit(desc, 1);
    if (table_or_page && level < 3) {
      table = BitsInPlace(desc, 47, grain);
      if (OutOfPaRange(table, outputsize)) return Fault(WalkFault::kAddressSize, level);
      if (!p.hpd) {
        pxn_table |= Bit(desc, 59);
        uxn_table |= Bit(desc, 60);
        ap_table_no_el0 |= Bit(desc, 61);
        ap_table_ro |= Bit(desc, 62);
      }
      continue;
    }
    // A block descriptor at level 3 is reserved, and blocks below the first
    // block level are invalid: both are Translation faults.
    if (!table_or_page && (level == 3 || level < first_block_level))
      return Fault(WalkFault::kTranslation, level);

    const uint64_t oa = BitsInPlace(desc, 47, bottom);
    if (OutOfPaRange(oa, outputsize)) return Fault(WalkFault::kAddressSize, level);
    // No FEAT_HAFDBS: a descriptor with AF == 0 gives an Access flag fault.
    if (!Bit(desc, 10)) return Fault(WalkFault::kAccessFlag, level);

    WalkResult w;
    w.level = static_cast<uint8_t>(level);
    w.pa = oa | (va & ((1ull << bottom) - 1));
    w.block_shift = static_cast<uint8_t>(bottom);
    w.attr = static_cast<uint8_t>(r.mair >> (8 * Field(desc, 2, 3)));
    w.sh = static_cast<uint8_t>(Field(desc, 8, 2));
    w.global = !Bit(desc, 11);
    w.ap_ro = Bit(desc, 7) || ap_table_ro;
    w.ap_el0 = Bit(desc, 6) && !ap_table_no_el0;
    w.uxn = Bit(desc, 54) || uxn_table;
    w.pxn = Bit(desc, 53) || pxn_table;
    return w;
  }
}

}  // namespace a64
