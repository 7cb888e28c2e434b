// In-line scalar floating point: moves, FMOV immediate, and FADD, FSUB,
// FMUL, FDIV and FCMP(E) in single and double precision.
//
// The arithmetic runs on SSE only in blocks compiled for FPCR.{RMode, FZ,
// DN} == 0 (kBlockFpcrDefault), where IEEE round-to-nearest-even gives the
// ARM result, and only while nothing but "inexact" happens: any other x86
// exception flag (invalid, denormal operand, divide by zero, overflow,
// underflow), a NaN result, or a result in the smallest normal binade (where
// ARM's before-rounding tininess could report an underflow x86 does not)
// sends the instruction to its semantics function, which does the ARM ARM
// pseudocode (FPProcessNaNs, FPRound, FPSR flags).
#include "jit/emitter.h"

namespace a64::jit {
namespace {

constexpr int32_t kCtxMxcsrClean = offsetof(JitContext, mxcsr_clean);
constexpr int32_t kCtxMxcsrOut = offsetof(JitContext, mxcsr_out);
constexpr uint32_t kFpsrIxc = 1u << 4;

x86::Mem V(unsigned n, unsigned size, int32_t disp = 0) {
  return x86::ptr(x86::rbx, static_cast<int32_t>(offsetof(CpuState, v) + n * 16) + disp, size);
}

// Writes the low `bytes` of xmm0 to V[d], clearing the rest of the register.
void StoreScalar(Emitter& e, unsigned d, bool dbl) {
  if (dbl) {
    e.a.movsd(V(d, 8), x86::xmm0);
  } else {
    e.a.movss(V(d, 4), x86::xmm0);
    e.a.mov(V(d, 4, 4), 0);
  }
  e.a.mov(V(d, 8, 8), 0);
}

// ARM ARM VFPExpandImm.
uint64_t ExpandImm(unsigned imm8, bool dbl) {
  const uint64_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, top = (imm8 >> 4) & 3, frac = imm8 & 15;
  if (dbl) {
    const uint64_t exp = ((b6 ^ 1) << 10) | ((b6 ? 0xffull : 0) << 2) | top;
    return sign << 63 | exp << 52 | frac << 48;
  }
  const uint64_t exp = ((b6 ^ 1) << 7) | ((b6 ? 0x1full : 0) << 2) | top;
  return sign << 31 | exp << 23 | frac << 19;
}

bool Move(Emitter& e) {
  const uint32_t w = e.word;
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5);
  x86::Assembler& a = e.a;
  switch (e.op) {
    case Op::FMOV_S_floatdp1:
      a.mov(x86::eax, V(n, 4));
      a.mov(V(d, 8), x86::rax);
      a.mov(V(d, 8, 8), 0);
      return true;
    case Op::FMOV_D_floatdp1:
      a.mov(x86::rax, V(n, 8));
      a.mov(V(d, 8), x86::rax);
      a.mov(V(d, 8, 8), 0);
      return true;
    case Op::FMOV_32S_float2int:  // Wd = Sn
      a.mov(x86::eax, V(n, 4));
      e.StoreX(d, x86::rax);
      return true;
    case Op::FMOV_64D_float2int:  // Xd = Dn
      a.mov(x86::rax, V(n, 8));
      e.StoreX(d, x86::rax);
      return true;
    case Op::FMOV_64VX_float2int:  // Xd = Vn.D[1]
      a.mov(x86::rax, V(n, 8, 8));
      e.StoreX(d, x86::rax);
      return true;
    case Op::FMOV_S32_float2int:  // Sd = Wn
    case Op::FMOV_D64_float2int:  // Dd = Xn
      e.LoadX(x86::rax, n, e.op == Op::FMOV_D64_float2int);
      a.mov(V(d, 8), x86::rax);
      a.mov(V(d, 8, 8), 0);
      return true;
    case Op::FMOV_V64I_float2int:  // Vd.D[1] = Xn, D[0] unchanged
      e.LoadX(x86::rax, n, true);
      a.mov(V(d, 8, 8), x86::rax);
      return true;
    case Op::FMOV_S_floatimm:
    case Op::FMOV_D_floatimm:
      e.StoreImm(V(d, 8), ExpandImm(Bits(w, 20, 13), e.op == Op::FMOV_D_floatimm));
      a.mov(V(d, 8, 8), 0);
      return true;
    default:
      return false;
  }
}

// The fast-path checks after an SSE operation whose result is in xmm0
// (MXCSR was loaded clean before it).
void CheckResult(Emitter& e, bool dbl, Label slow) {
  x86::Assembler& a = e.a;
  a.stmxcsr(x86::dword_ptr(x86::r12, kCtxMxcsrOut));
  a.test(x86::dword_ptr(x86::r12, kCtxMxcsrOut), 0x1f);  // IE DE ZE OE UE
  a.jnz(slow);
  // The result's exponent field: all ones (an infinity from an infinite
  // operand, or a NaN: which NaN is the semantics' business) or one (the
  // smallest binade) go to the semantics.
  const x86::Gp bits = dbl ? x86::Gp(x86::rax) : x86::Gp(x86::eax);
  if (dbl) a.movq(x86::rax, x86::xmm0);
  else a.movd(x86::eax, x86::xmm0);
  a.shl(bits, 1);  // drop the sign; the exponent field is then at the top
  a.shr(bits, dbl ? 53 : 24);
  a.cmp(x86::eax, 1);
  a.je(slow);
  a.cmp(x86::eax, dbl ? 0x7ff : 0xff);
  a.je(slow);
}

bool Arithmetic(Emitter& e) {
  if (!(e.block.flags & kBlockFpcrDefault)) return false;
  const uint32_t w = e.word;
  const unsigned d = Bits(w, 4, 0), n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  bool dbl;
  unsigned kind;  // 0 add, 1 sub, 2 mul, 3 div
  switch (e.op) {
    case Op::FADD_S_floatdp2: dbl = false; kind = 0; break;
    case Op::FADD_D_floatdp2: dbl = true; kind = 0; break;
    case Op::FSUB_S_floatdp2: dbl = false; kind = 1; break;
    case Op::FSUB_D_floatdp2: dbl = true; kind = 1; break;
    case Op::FMUL_S_floatdp2: dbl = false; kind = 2; break;
    case Op::FMUL_D_floatdp2: dbl = true; kind = 2; break;
    case Op::FDIV_S_floatdp2: dbl = false; kind = 3; break;
    case Op::FDIV_D_floatdp2: dbl = true; kind = 3; break;
    default: return false;
  }
  x86::Assembler& a = e.a;
  Label resume = a.newLabel();
  Label slow = e.AddSlowPath(resume);
  a.ldmxcsr(x86::dword_ptr(x86::r12, kCtxMxcsrClean));
  if (dbl) {
    a.movsd(x86::xmm0, V(n, 8));
    switch (kind) {
      case 0: a.addsd(x86::xmm0, V(m, 8)); break;
      case 1: a.subsd(x86::xmm0, V(m, 8)); break;
      case 2: a.mulsd(x86::xmm0, V(m, 8)); break;
      default: a.divsd(x86::xmm0, V(m, 8)); break;
    }
  } else {
    a.movss(x86::xmm0, V(n, 4));
    switch (kind) {
      case 0: a.addss(x86::xmm0, V(m, 4)); break;
      case 1: a.subss(x86::xmm0, V(m, 4)); break;
      case 2: a.mulss(x86::xmm0, V(m, 4)); break;
      default: a.divss(x86::xmm0, V(m, 4)); break;
    }
  }
  CheckResult(e, dbl, slow);
  // Inexact (x86 PE, bit 5) accumulates into FPSR.IXC.
  Label exact = a.newLabel();
  a.test(x86::dword_ptr(x86::r12, kCtxMxcsrOut), 0x20);
  a.jz(exact);
  a.or_(Emitter::Field(offsetof(CpuState, fpsr), 4), kFpsrIxc);
  a.bind(exact);
  StoreScalar(e, d, dbl);
  a.bind(resume);
  return true;
}

// FCMP/FCMPE: NZCV = 0110 equal, 1000 less, 0010 greater; unordered (a
// NaN operand, and FPSR.IOC) is left to the semantics.
bool Compare(Emitter& e) {
  bool dbl, zero;
  switch (e.op) {
    case Op::FCMP_S_floatcmp: case Op::FCMPE_S_floatcmp: dbl = false; zero = false; break;
    case Op::FCMP_SZ_floatcmp: case Op::FCMPE_SZ_floatcmp: dbl = false; zero = true; break;
    case Op::FCMP_D_floatcmp: case Op::FCMPE_D_floatcmp: dbl = true; zero = false; break;
    case Op::FCMP_DZ_floatcmp: case Op::FCMPE_DZ_floatcmp: dbl = true; zero = true; break;
    default: return false;
  }
  // With FPCR.FZ = 1 denormal operands compare as zero: the semantics'.
  if (!(e.block.flags & kBlockFpcrDefault)) return false;
  const uint32_t w = e.word;
  const unsigned n = Bits(w, 9, 5), m = Bits(w, 20, 16);
  x86::Assembler& a = e.a;
  Label resume = a.newLabel();
  Label slow = e.AddSlowPath(resume);
  if (zero) {
    a.xorps(x86::xmm1, x86::xmm1);
  } else if (dbl) {
    a.movsd(x86::xmm1, V(m, 8));
  } else {
    a.movss(x86::xmm1, V(m, 4));
  }
  if (dbl) {
    a.movsd(x86::xmm0, V(n, 8));
    a.ucomisd(x86::xmm0, x86::xmm1);
  } else {
    a.movss(x86::xmm0, V(n, 4));
    a.ucomiss(x86::xmm0, x86::xmm1);
  }
  a.jp(slow);
  a.mov(x86::eax, 0x20000000u);  // greater: C
  a.mov(x86::ecx, 0x60000000u);  // equal: Z C
  a.cmove(x86::eax, x86::ecx);
  a.mov(x86::ecx, 0x80000000u);  // less: N
  a.cmovb(x86::eax, x86::ecx);
  a.mov(Emitter::Nzcv(), x86::eax);
  a.bind(resume);
  return true;
}

}  // namespace

bool EmitFpInline(Emitter& e, bool* ends_block) {
  *ends_block = false;
  return Move(e) || Arithmetic(e) || Compare(e);
}

}  // namespace a64::jit
