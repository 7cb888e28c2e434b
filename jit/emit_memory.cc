// In-line loads and stores: the address computation, the software TLB fast
// path (mmu/tlb.h) or the direct access (user mode, DataPath::direct), and
// the access itself. Anything the fast path does not cover -- a TLB miss,
// MMIO, Device memory, a watched page, a page-crossing access, an SP-based
// access with SP not 16-byte aligned; with direct access, whatever makes the
// host fault -- runs the instruction's semantics instead, which raise any
// fault.
#include "jit/emitter.h"

namespace a64::jit {
namespace {

enum class Kind : uint8_t {
  kStore,
  kLoad,        // zero-extending
  kLoadSigned,  // sign-extending to `dest_bytes`
};

struct Access {
  Kind kind;
  bool vector;           // SIMD&FP register transfer
  unsigned bytes;        // per register
  unsigned dest_bytes;   // integer loads: 4 (W) or 8 (X)
  unsigned count;        // registers transferred, at consecutive addresses
  unsigned t[4];         // those registers
  unsigned n;
  // Addressing. kPost adds `imm`, kPostRegister adds X[m].
  enum Mode : uint8_t { kOffset, kPre, kPost, kPostRegister, kRegister } mode;
  int64_t imm;
  unsigned m, option, shift;  // kRegister, kPostRegister (m)
};

// ldst_pos / immpre / immpost / unscaled / regoff: size = 31:30, V = 26, opc = 23:22.
bool DecodeSingle(uint32_t w, Access* x) {
  const unsigned size = Bits(w, 31, 30), opc = Bits(w, 23, 22);
  x->vector = Bit(w, 26);
  x->count = 1;
  x->t[0] = Bits(w, 4, 0);
  x->n = Bits(w, 9, 5);
  if (x->vector) {
    if (opc >= 2) {
      if (size != 0) return false;
      x->bytes = 16;
      x->kind = opc == 2 ? Kind::kStore : Kind::kLoad;
    } else {
      x->bytes = 1u << size;
      x->kind = opc == 0 ? Kind::kStore : Kind::kLoad;
    }
    x->dest_bytes = x->bytes;
    return true;
  }
  x->bytes = 1u << size;
  switch (opc) {
    case 0: x->kind = Kind::kStore; x->dest_bytes = x->bytes; return true;
    case 1: x->kind = Kind::kLoad; x->dest_bytes = size == 3 ? 8 : 4; return true;
    case 2:  // PRFM when size == 3
      if (size == 3) return false;
      x->kind = Kind::kLoadSigned;
      x->dest_bytes = 8;
      return true;
    default:
      if (size >= 2) return false;
      x->kind = Kind::kLoadSigned;
      x->dest_bytes = 4;
      return true;
  }
}

// ldstpair_*: opc = 31:30, V = 26, L = 22, imm7 = 21:15.
bool DecodePair(uint32_t w, Access* x) {
  const unsigned opc = Bits(w, 31, 30);
  x->vector = Bit(w, 26);
  x->count = 2;
  x->t[0] = Bits(w, 4, 0);
  x->t[1] = Bits(w, 14, 10);
  x->n = Bits(w, 9, 5);
  const bool load = Bit(w, 22);
  if (x->vector) {
    if (opc == 3) return false;
    x->bytes = 4u << opc;
    x->kind = load ? Kind::kLoad : Kind::kStore;
  } else if (opc == 1) {  // LDPSW (STGP has no entry here)
    if (!load) return false;
    x->bytes = 4;
    x->kind = Kind::kLoadSigned;
    x->dest_bytes = 8;
  } else if (opc == 3) {
    return false;
  } else {
    x->bytes = opc == 2 ? 8 : 4;
    x->kind = load ? Kind::kLoad : Kind::kStore;
  }
  if (x->kind != Kind::kLoadSigned) x->dest_bytes = x->bytes;
  x->imm = SignExtend(Bits(w, 21, 15), 7) * static_cast<int64_t>(x->bytes);
  return true;
}

// LD1/ST1 (multiple structures), 1 to 4 registers: 0 Q 001100 post L 0 Rm
// opcode size Rn Rt. On a little-endian PE their bytes are contiguous in
// register order whatever the element size (ARM ARM C7.2, LD1 (multiple
// structures)), so each register is one 8- or 16-byte transfer.
bool DecodeMultiple(uint32_t w, Access* x) {
  switch (Bits(w, 15, 12)) {
    case 0x7: x->count = 1; break;
    case 0xa: x->count = 2; break;
    case 0x6: x->count = 3; break;
    case 0x2: x->count = 4; break;
    default: return false;
  }
  x->vector = true;
  x->kind = Bit(w, 22) ? Kind::kLoad : Kind::kStore;
  x->bytes = x->dest_bytes = Bit(w, 30) ? 16 : 8;
  x->n = Bits(w, 9, 5);
  for (unsigned i = 0; i < x->count; ++i) x->t[i] = (Bits(w, 4, 0) + i) % 32;
  x->imm = 0;
  x->mode = Access::kOffset;
  if (Bit(w, 23)) {  // post-index: by the total size (Rm = 31) or by X[m]
    x->m = Bits(w, 20, 16);
    x->mode = x->m == 31 ? Access::kPost : Access::kPostRegister;
    x->imm = x->count * x->bytes;
  }
  return true;
}

bool Decode(Op op, uint32_t w, Access* x) {
  const std::string_view name = EncodingOf(op).name;
  const auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  if ((name.substr(0, 4) == "LD1_" || name.substr(0, 4) == "ST1_") &&
      (name.find("_asisdlse_") != std::string_view::npos ||
       name.find("_asisdlsep_") != std::string_view::npos))
    return DecodeMultiple(w, x);
  if (ends("_ldstpair_off") || ends("_ldstpair_pre") || ends("_ldstpair_post")) {
    if (!DecodePair(w, x)) return false;
    x->mode = ends("_off") ? Access::kOffset : ends("_pre") ? Access::kPre : Access::kPost;
    return true;
  }
  if (ends("_ldst_pos")) {
    if (!DecodeSingle(w, x)) return false;
    x->mode = Access::kOffset;
    x->imm = static_cast<int64_t>(Bits(w, 21, 10)) * x->bytes;
    return true;
  }
  if (ends("_ldst_immpre") || ends("_ldst_immpost") || ends("_ldst_unscaled")) {
    if (!DecodeSingle(w, x)) return false;
    x->mode = ends("_immpre") ? Access::kPre : ends("_immpost") ? Access::kPost : Access::kOffset;
    x->imm = SignExtend(Bits(w, 20, 12), 9);
    return true;
  }
  if (ends("_ldst_regoff")) {
    if (!DecodeSingle(w, x)) return false;
    x->mode = Access::kRegister;
    x->m = Bits(w, 20, 16);
    x->option = Bits(w, 15, 13);
    unsigned scale = 0;
    while ((1u << scale) < x->bytes) ++scale;
    x->shift = Bit(w, 12) ? scale : 0;
    return (x->option & 2) != 0;  // UXTW, LSL, SXTW, SXTX
  }
  return false;
}

x86::Mem VReg(unsigned n, unsigned size, int32_t disp = 0) {
  return x86::ptr(x86::rbx, static_cast<int32_t>(offsetof(CpuState, v) + n * 16) + disp, size);
}

// The temporary holding register i of a load until every access is done:
// a fault on a later access (direct memory) must leave the registers as
// they were, for the slow path to start over.
x86::Gp IntTemp(unsigned i) { return i == 0 ? x86::rax : x86::rdx; }
x86::Xmm VecTemp(unsigned i) { return x86::xmm(i); }

// Access i of `x` at host [rsi + disp]: a store from its register, or a load
// into its temporary.
void Transfer(Emitter& e, const Access& x, unsigned i, int32_t disp) {
  x86::Assembler& a = e.a;
  const unsigned t = x.t[i];
  const x86::Mem host = x86::ptr(x86::rsi, disp, x.bytes);
  if (x.kind == Kind::kStore) {
    if (x.vector && x.bytes == 16) {
      a.movups(x86::xmm0, VReg(t, 16));
      a.movups(host, x86::xmm0);
      return;
    }
    if (x.vector) a.mov(x86::rax, VReg(t, 8));
    else e.LoadX(x86::rax, t, x.bytes == 8);  // the store writes the low bytes
    switch (x.bytes) {
      case 1: a.mov(host, x86::al); break;
      case 2: a.mov(host, x86::ax); break;
      case 4: a.mov(host, x86::eax); break;
      default: a.mov(host, x86::rax); break;
    }
    return;
  }
  if (x.vector) {  // zero-extended to 128 bits
    const x86::Xmm v = VecTemp(i);
    switch (x.bytes) {
      case 1:
      case 2: a.movzx(x86::ecx, host); a.movd(v, x86::ecx); break;
      case 4: a.movd(v, host); break;
      case 8: a.movq(v, host); break;
      default: a.movups(v, host); break;
    }
    return;
  }
  const x86::Gp r = IntTemp(i);
  const bool wide = x.dest_bytes == 8;
  if (x.kind == Kind::kLoad) {
    if (x.bytes <= 2) a.movzx(r.r32(), host);
    else if (x.bytes == 4) a.mov(r.r32(), host);
    else a.mov(r.r64(), host);
  } else if (x.bytes == 4) {
    a.movsxd(r.r64(), host);
  } else {
    a.movsx(wide ? x86::Gp(r.r64()) : x86::Gp(r.r32()), host);
  }
}

// A load's temporary i into its register.
void Commit(Emitter& e, const Access& x, unsigned i) {
  if (x.vector) e.a.movups(VReg(x.t[i], 16), VecTemp(i));
  else e.StoreX(x.t[i], IntTemp(i));
}

}  // namespace

bool EmitMemoryInline(Emitter& e, bool* ends_block) {
  *ends_block = false;
  if (!e.data.table && !e.data.direct) return false;
  Access x{};
  if (!Decode(e.op, e.word, &x)) return false;
  const bool writeback =
      x.mode == Access::kPre || x.mode == Access::kPost || x.mode == Access::kPostRegister;
  // Register overlaps the ARM ARM makes CONSTRAINED UNPREDICTABLE: leave
  // them to the semantics, so that both engines make the same choice.
  if (!x.vector) {
    for (unsigned i = 0; i < x.count; ++i)
      if (writeback && x.n != 31 && x.t[i] == x.n) return false;
    if (x.count == 2 && x.kind != Kind::kStore && x.t[0] == x.t[1]) return false;
  }
  x86::Assembler& a = e.a;
  const unsigned total = x.count * x.bytes;
  Label resume = a.newLabel();
  Label slow = e.AddSlowPath(resume);

  // rsi = the address; r8 = the new base for writeback.
  e.LoadXSp(x86::rsi, x.n, true);
  if (x.n == 31) {
    // SP alignment checking (ARM ARM D1.8.2) is the semantics' business.
    a.test(x86::sil, 15);
    a.jnz(slow);
  }
  switch (x.mode) {
    case Access::kOffset:
    case Access::kPre:
      if (x.imm) a.add(x86::rsi, static_cast<int32_t>(x.imm));
      if (x.mode == Access::kPre) a.mov(x86::r8, x86::rsi);
      break;
    case Access::kPost:
      a.lea(x86::r8, x86::ptr(x86::rsi, static_cast<int32_t>(x.imm)));
      break;
    case Access::kPostRegister:
      e.LoadX(x86::r8, x.m, true);
      a.add(x86::r8, x86::rsi);
      break;
    case Access::kRegister:
      if (x.m == 31) break;  // XZR: offset 0
      e.LoadX(x86::rcx, x.m, x.option != 2);  // UXTW zero-extends
      if (x.option == 6) a.movsxd(x86::rcx, x86::ecx);  // SXTW
      if (x.shift > 3) {  // beyond the x86 index scales (Q registers)
        a.shl(x86::rcx, x.shift);
        a.add(x86::rsi, x86::rcx);
      } else {
        a.lea(x86::rsi, x86::ptr(x86::rsi, x86::rcx, x.shift));
      }
      break;
  }
  if (e.data.direct && !(e.hooks.events & kObserveAccesses)) {
    // Direct: host kMemoryReg + va. The host protections are the guest's,
    // so only a VA beyond the space (a tagged one too) is checked here;
    // any other access the guest may not make faults on the host and
    // resumes at the slow path (jit/fault_recovery.h). Several stores must
    // not cross a page, lest the first be done when the second faults.
    a.mov(x86::rax, x86::rsi);
    a.shr(x86::rax, e.data.direct_va_bits);
    a.jnz(slow);
    if (x.count > 1 && x.kind == Kind::kStore) {
      a.lea(x86::eax, x86::ptr(x86::rsi, static_cast<int32_t>(total - 1)));
      a.xor_(x86::eax, x86::esi);
      a.test(x86::eax, -4096);
      a.jnz(slow);
    }
    a.add(x86::rsi, Emitter::kMemoryReg);
    Emitter::AccessSite site{a.newLabel(), a.newLabel(), slow};
    a.bind(site.begin);
    for (unsigned i = 0; i < x.count; ++i)
      Transfer(e, x, i, static_cast<int32_t>(i * x.bytes));
    a.bind(site.end);
    e.access_sites.push_back(site);
  } else {
    // The TLB fast path: entry = table[(va >> 12) & mask] (32-byte
    // entries); the page of the last byte must equal the entry's tag (flag
    // bits make it differ, and so does a page-crossing access).
    const size_t tag = x.kind == Kind::kStore ? offsetof(TlbFastEntry, write_tag)
                                              : offsetof(TlbFastEntry, read_tag);
    static_assert(sizeof(TlbFastEntry) == 32);
    a.mov(x86::edi, x86::esi);
    a.shr(x86::edi, 12 - 5);
    a.and_(x86::edi, (kTlbEntries - 1) << 5);
    a.lea(x86::rax, x86::ptr(x86::rsi, static_cast<int32_t>(total - 1)));
    a.and_(x86::rax, -4096);
    a.cmp(x86::rax,
          x86::qword_ptr(Emitter::kMemoryReg, x86::rdi, 0, static_cast<int32_t>(tag)));
    a.jne(slow);
    if (e.hooks.events & kObserveAccesses) {
      a.push(x86::rdi);  // two pushes keep the stack 16-byte aligned
      a.push(x86::r8);
      e.CallOnAccess(total, x.kind == Kind::kStore);
      a.pop(x86::r8);
      a.pop(x86::rdi);
    }
    a.add(x86::rsi, x86::qword_ptr(Emitter::kMemoryReg, x86::rdi, 0,
                                   static_cast<int32_t>(offsetof(TlbFastEntry, addend))));
    for (unsigned i = 0; i < x.count; ++i)
      Transfer(e, x, i, static_cast<int32_t>(i * x.bytes));
  }
  if (x.kind != Kind::kStore)
    for (unsigned i = 0; i < x.count; ++i) Commit(e, x, i);
  if (writeback) e.StoreXSp(x.n, x86::r8);
  a.bind(resume);
  return true;
}

}  // namespace a64::jit
