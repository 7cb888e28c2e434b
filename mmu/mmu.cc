#include "mmu/mmu.h"

#include <algorithm>
#include <cstring>

namespace a64 {
namespace {

uint8_t FscOf(const WalkResult& w) {
  switch (w.fault) {
    case WalkFault::kTranslation: return kFscTranslation | w.level;
    case WalkFault::kAddressSize: return kFscAddressSize | w.level;
    case WalkFault::kAccessFlag: return kFscAccessFlag | w.level;
    case WalkFault::kExternalOnWalk: return kFscExternalOnWalk | w.level;
    case WalkFault::kNone: break;
  }
  return 0;
}

// Device memory requires accesses aligned to their size (ARM ARM B2.5.2);
// the MMU sees the total size of an access only, so the element size is
// taken as the largest power of two dividing it, at most 8 (LDP X: 8 bytes).
bool AlignedForDevice(uint64_t va, size_t size) {
  const uint64_t unit = std::min<uint64_t>(size & (~size + 1), 8);
  return (va & (unit - 1)) == 0;
}

constexpr uint64_t kSctlrCached = kSctlrM | kSctlrI | kSctlrWxn | kSctlrEe;
constexpr uint64_t kParRes1 = 1ull << 11;

}  // namespace

FaultKind Mmu::ToFaultKind(uint8_t fsc) {
  if (fsc == kFscAlignment) return FaultKind::kAlignment;
  if (fsc == kFscExternal) return FaultKind::kExternal;
  switch (fsc & 0x3c) {
    case kFscAddressSize: return FaultKind::kAddressSize;
    case kFscTranslation: return FaultKind::kTranslation;
    case kFscAccessFlag: return FaultKind::kAccessFlag;
    case kFscPermission: return FaultKind::kPermission;
    case kFscExternalOnWalk: return FaultKind::kExternal;
  }
  return FaultKind::kExternal;
}

FaultKind Mmu::Fail(MemFault* fault, uint64_t va, uint8_t fsc, uint8_t level, bool walk) {
  fault->va = va;
  fault->level = level;
  fault->on_walk = walk;
  return ToFaultKind(fsc);
}

TlbContext Mmu::ContextFor(const ProcState& ps, AccessType type) {
  if (ps.el == 0) return kTlbEl0;
  switch (type) {
    case AccessType::kFetch:
      return kTlbEl1;
    case AccessType::kRead:
    case AccessType::kWrite:
      return ps.pan ? kTlbEl1Pan : kTlbEl1;
    case AccessType::kReadUnprivileged:
    case AccessType::kWriteUnprivileged:
      // FEAT_UAO: with PSTATE.UAO set, LDTR/STTR at EL1 are ordinary
      // privileged accesses (PAN applies); otherwise EL0 permissions.
      if (!ps.uao) return kTlbEl0;
      return ps.pan ? kTlbEl1Pan : kTlbEl1;
  }
  return kTlbEl1;
}

void Mmu::Sync() {
  synced_generation_ = st_.translation_generation;
  const TranslationRegs r = TranslationRegs::From(st_.sys);
  if (!synced_ || ((r.sctlr ^ regs_.sctlr) & kSctlrCached) || r.tcr != regs_.tcr ||
      r.mair != regs_.mair)
    tlb_.InvalidateAll();
  regs_ = r;
  synced_ = true;
  tlb_.SetAsid(CurrentAsid(r));
}

void Mmu::ComputeTags(const TlbMapping& m, uint64_t tags[kTlbContexts][3]) const {
  const bool wxn = regs_.sctlr & kSctlrWxn;
  const bool data_slow = !m.host || IsDeviceAttr(m.walk.attr);
  const uint64_t watched = pm_.IsWriteWatched(m.pa_page) ? kTlbWatched : 0;
  for (unsigned c = 0; c < kTlbContexts; ++c) {
    const Permissions p = Stage1Permissions(m.walk, c != kTlbEl0, c == kTlbEl1Pan, wxn);
    const uint64_t data = m.va_page | (data_slow ? kTlbSlow : 0);
    tags[c][0] = p.read ? data : kTlbInvalid;
    tags[c][1] = p.write ? data | watched : kTlbInvalid;
    // Instruction fetches from Device memory are treated as Normal
    // Non-cacheable (AArch64.S1Translate), so only MMIO makes them slow.
    tags[c][2] = p.exec ? m.va_page | (m.host ? 0 : kTlbSlow) : kTlbInvalid;
  }
}

FaultKind Mmu::TranslatePiece(Piece& p, uint64_t va, size_t size, Kind kind, TlbContext ctx,
                         MemFault* fault) {
  const bool fetch = kind == Kind::kFetch;
  const uint64_t key = CanonicalVa(regs_.tcr, p.va, fetch);
  const TlbMapping* m = tlb_.Find(key);
  TlbMapping fresh;
  bool walked = false;
  for (;;) {
    if (!m) {
      const WalkResult w = Stage1Translate(pm_, regs_, p.va, fetch);
      ++walks_;
      if (w.fault != WalkFault::kNone)
        return Fail(fault, p.va, FscOf(w), w.level, w.fault == WalkFault::kExternalOnWalk);
      fresh.va_page = key & kTlbPageMask;
      fresh.pa_page = w.pa & kTlbPageMask;
      fresh.host = pm_.HostPointer(fresh.pa_page);
      fresh.asid = tlb_.asid();
      fresh.walk = w;
      uint64_t tags[kTlbContexts][3];
      ComputeTags(fresh, tags);
      tlb_.Insert(fresh, tags);
      m = &fresh;
      walked = true;
    }
    // Fault priority as in AArch64.FirstStageTranslate: walk faults and the
    // Access flag fault (in the walker), then alignment for Device memory,
    // then permissions.
    if (!fetch && IsDeviceAttr(m->walk.attr) && !AlignedForDevice(va, size))
      return Fail(fault, va, kFscAlignment, 0, false);
    const Permissions perm = Stage1Permissions(m->walk, ctx != kTlbEl0, ctx == kTlbEl1Pan,
                                               (regs_.sctlr & kSctlrWxn) != 0);
    const bool ok = fetch ? perm.exec : kind == Kind::kWrite ? perm.write : perm.read;
    if (ok) break;
    // A cached entry may be older than a relaxation of the tables: walk
    // again before reporting a Permission fault.
    if (!walked) {
      m = nullptr;
      continue;
    }
    return Fail(fault, p.va, kFscPermission | m->walk.level, m->walk.level, false);
  }
  p.pa = m->pa_page | (p.va & 0xfff);
  p.host = m->host ? m->host + (p.va & 0xfff) : nullptr;
  return FaultKind::kNone;
}

FaultKind Mmu::Translate(uint64_t va, size_t size, Kind kind, TlbContext ctx, Piece pieces[2],
                    unsigned* count, MemFault* fault) {
  const size_t first = std::min<size_t>(size, 0x1000 - (va & 0xfff));
  pieces[0] = Piece{va, first, 0, nullptr};
  *count = 1;
  if (first < size) {
    pieces[1] = Piece{va + first, size - first, 0, nullptr};
    *count = 2;
  }
  for (unsigned i = 0; i < *count; ++i)
    if (FaultKind k = TranslatePiece(pieces[i], va, size, kind, ctx, fault); k != FaultKind::kNone)
      return k;
  return FaultKind::kNone;
}

FaultKind Mmu::Read(uint64_t va, void* dst, size_t size, AccessType type, MemFault* fault) {
  if (st_.translation_generation != synced_generation_) Sync();
  const Kind kind = type == AccessType::kFetch ? Kind::kFetch : Kind::kRead;
  const TlbContext ctx = ContextFor(st_.pstate, type);
  if ((va & 0xfff) + size <= 0x1000) {
    const TlbFastEntry& e = tlb_.FastTable(ctx)[TlbIndex(va)];
    if ((va & kTlbPageMask) == (kind == Kind::kFetch ? e.fetch_tag : e.read_tag)) {
      std::memcpy(dst, reinterpret_cast<const void*>(va + e.addend), size);
      return FaultKind::kNone;
    }
  }
  Piece pieces[2];
  unsigned n = 0;
  if (FaultKind k = Translate(va, size, kind, ctx, pieces, &n, fault); k != FaultKind::kNone)
    return k;
  uint8_t buf[0x1000 * 2];
  uint8_t* out = size <= sizeof(buf) ? buf : static_cast<uint8_t*>(dst);
  for (unsigned i = 0; i < n; ++i) {
    const Piece& p = pieces[i];
    if (p.host) {
      std::memcpy(out + (p.va - va), p.host, p.size);
    } else if (!pm_.Read(p.pa, out + (p.va - va), p.size)) {
      // Synchronous External abort on the access itself (not on the walk).
      return Fail(fault, p.va, kFscExternal, 0, false);
    }
  }
  if (out == buf) std::memcpy(dst, buf, size);
  return FaultKind::kNone;
}

FaultKind Mmu::Write(uint64_t va, const void* src, size_t size, AccessType type,
                     MemFault* fault) {
  if (st_.translation_generation != synced_generation_) Sync();
  const TlbContext ctx = ContextFor(st_.pstate, type);
  if ((va & 0xfff) + size <= 0x1000) {
    const TlbFastEntry& e = tlb_.FastTable(ctx)[TlbIndex(va)];
    if ((va & kTlbPageMask) == e.write_tag) {
      std::memcpy(reinterpret_cast<void*>(va + e.addend), src, size);
      return FaultKind::kNone;
    }
  }
  Piece pieces[2];
  unsigned n = 0;
  if (FaultKind k = Translate(va, size, Kind::kWrite, ctx, pieces, &n, fault);
      k != FaultKind::kNone)
    return k;
  const uint8_t* in = static_cast<const uint8_t*>(src);
  for (unsigned i = 0; i < n; ++i) {
    const Piece& p = pieces[i];
    pm_.NotifyWrite(p.pa, p.size);
    if (p.host) {
      std::memcpy(p.host, in + (p.va - va), p.size);
    } else if (!pm_.Write(p.pa, in + (p.va - va), p.size)) {
      return Fail(fault, p.va, kFscExternal, 0, false);
    }
  }
  return FaultKind::kNone;
}

void Mmu::TlbInvalidate(TlbiScope scope, uint16_t asid, uint64_t va) {
  Sync();
  // With 8-bit ASIDs (TCR_EL1.AS == 0) the upper ASID bits of the operand
  // are ignored; the VA operand holds VA<55:12>, bits 63:56 follow VA<55>.
  if (!(regs_.tcr & kTcrAs)) asid &= 0xff;
  va = ((va >> 55) & 1) ? va | 0xff00000000000000ull : va & 0x00ffffffffffffffull;
  va &= kTlbPageMask;
  // Only leaf entries are cached, so the last-level forms invalidate the
  // same entries as the others (ARM ARM D8.14: invalidating more is allowed).
  bool all = false;
  switch (scope) {
    case TlbiScope::kAll: tlb_.InvalidateAll(); all = true; break;
    case TlbiScope::kAsid: tlb_.InvalidateAsid(asid); all = true; break;
    case TlbiScope::kVa:
    case TlbiScope::kVaLastLevel: tlb_.InvalidateVa(va, asid, false); break;
    case TlbiScope::kVaAllAsid:
    case TlbiScope::kVaAllAsidLastLevel: tlb_.InvalidateVa(va, 0, true); break;
  }
  if (translation_change_handler_) translation_change_handler_(all, va);
}

bool Mmu::AddressTranslate(uint64_t va, bool as_el0, bool write, uint64_t* par,
                           MemFault* abort) {
  const TranslationRegs r = TranslationRegs::From(st_.sys);
  const WalkResult w = Stage1Translate(pm_, r, va, false);
  if (w.fault == WalkFault::kExternalOnWalk) {
    *abort = MemFault{va, w.level, true};
    return false;
  }
  uint8_t fsc = 0;
  bool failed = w.fault != WalkFault::kNone;
  if (failed) {
    fsc = FscOf(w);
  } else {
    // AT S1E1R/W are not affected by PSTATE.PAN (only the FEAT_PAN2 AT
    // S1E1RP/WP forms are).
    const Permissions p = Stage1Permissions(w, !as_el0, false, (r.sctlr & kSctlrWxn) != 0);
    if (!(write ? p.write : p.read)) {
      failed = true;
      fsc = kFscPermission | w.level;
    }
  }
  // PAR_EL1 (ARM ARM D17.2.113). Failure: F, FST[6:1], PTW (a stage 2 fault
  // on the stage 1 walk: never, without stage 2) and S (stage 2: never).
  if (failed) {
    *par = kParRes1 | static_cast<uint64_t>(fsc) << 1 | 1;
    return true;
  }
  // Success: PA[47:12], SH[8:7], NS[9], ATTR[63:56] in MAIR format; Device
  // and Normal Non-cacheable memory report Outer Shareable; Device ATTR is
  // reported as 0b0000dd00. NS is UNKNOWN for a Non-secure regime: this PE
  // (no EL3) runs Non-secure and reports 1, as qemu-system-aarch64 does.
  const bool device = IsDeviceAttr(w.attr);
  const uint64_t attr = device ? (w.attr & 0x0c) : w.attr;
  const uint64_t sh = device || w.attr == 0x44 ? 2 : w.sh;
  constexpr uint64_t kParNs = 1ull << 9;
  *par = attr << 56 | (w.pa & 0x0000fffffffff000ull) | kParRes1 | kParNs | sh << 7;
  return true;
}

bool Mmu::TranslateFetch(uint64_t va, uint64_t* pa_page, const uint8_t** host_page) {
  if (st_.translation_generation != synced_generation_) Sync();
  Piece pieces[2];
  unsigned n = 0;
  MemFault fault;
  if (Translate(va, 4, Kind::kFetch, ContextFor(st_.pstate, AccessType::kFetch), pieces, &n,
                &fault) != FaultKind::kNone ||
      !pieces[0].host)
    return false;
  *pa_page = pieces[0].pa & kTlbPageMask;
  *host_page = pieces[0].host - (pieces[0].pa & 0xfff);
  return true;
}

bool Mmu::DataIsRam(uint64_t va, size_t size) {
  if (st_.translation_generation != synced_generation_) Sync();
  Piece pieces[2];
  unsigned n = 0;
  MemFault fault;
  if (Translate(va, size, Kind::kRead, ContextFor(st_.pstate, AccessType::kRead), pieces, &n,
                &fault) != FaultKind::kNone)
    return true;
  for (unsigned i = 0; i < n; ++i)
    if (!pieces[i].host) return false;
  return true;
}

void Mmu::WatchPage(uint64_t pa, bool watched) {
  pm_.SetWriteWatch(pa, watched);
  tlb_.InvalidatePa(pa);
}

}  // namespace a64
