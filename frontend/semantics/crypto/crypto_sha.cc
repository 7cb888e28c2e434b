// SHA1C/SHA1P/SHA1M/SHA1H/SHA1SU0/SHA1SU1 and SHA256H/SHA256H2/SHA256SU0/
// SHA256SU1 (ARM ARM C7.2), with the helper functions of shared/functions/
// crypto (SHAchoose, SHAparity, SHAmajority, SHAhashSIGMA0/1, SHA256hash).
// A 128-bit vector is handled as four 32-bit elements, element 0 = bits 31:0.
#include <array>
#include <bit>

#include "frontend/bits.h"
#include "frontend/semantics/crypto/crypto_exec.h"

namespace a64 {
namespace {

using Vec4 = std::array<uint32_t, 4>;

Vec4 ReadVec(const Cpu& c, unsigned n) {
  const VReg& v = c.st.v[n];
  return {v.s[0], v.s[1], v.s[2], v.s[3]};
}
void WriteVec(Cpu& c, unsigned d, const Vec4& x) {
  VReg& v = c.st.v[d];
  for (int i = 0; i < 4; ++i) v.s[i] = x[i];
}

unsigned Rd(uint32_t insn) { return Bits(insn, 4, 0); }
unsigned Rn(uint32_t insn) { return Bits(insn, 9, 5); }
unsigned Rm(uint32_t insn) { return Bits(insn, 20, 16); }

uint32_t Rol(uint32_t x, int n) { return std::rotl(x, n); }
uint32_t Ror(uint32_t x, int n) { return std::rotr(x, n); }

uint32_t ShaChoose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
uint32_t ShaParity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
uint32_t ShaMajority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }
uint32_t ShaHashSigma0(uint32_t x) { return Ror(x, 2) ^ Ror(x, 13) ^ Ror(x, 22); }
uint32_t ShaHashSigma1(uint32_t x) { return Ror(x, 6) ^ Ror(x, 11) ^ Ror(x, 25); }

// <Y, X> = ROL(Y : X, 32) for a 32-bit Y and a 128-bit X: the elements move up
// one place, the old Y becomes X<31:0> and the old X<127:96> the new Y.
void RotateYX(uint32_t& y, Vec4& x) {
  const uint32_t top = x[3];
  x = {y, x[0], x[1], x[2]};
  y = top;
}
// <Y, X> = ROL(Y : X, 32) for two 128-bit values.
void RotateYX(Vec4& y, Vec4& x) {
  const uint32_t x_top = x[3];
  x = {y[3], x[0], x[1], x[2]};
  y = {x_top, y[0], y[1], y[2]};
}

// SHA1C/SHA1P/SHA1M:
//   X = V[d]; Y = V[n]<31:0>; W = V[m];
//   for e = 0 to 3
//     t = f(X<63:32>, X<95:64>, X<127:96>);
//     Y = Y + ROL(X<31:0>, 5) + t + Elem[W, e, 32];
//     X<63:32> = ROL(X<63:32>, 30);
//     <Y, X> = ROL(Y : X, 32);
//   V[d] = X;
template <uint32_t (*F)(uint32_t, uint32_t, uint32_t)>
ExecStatus Sha1Hash(Cpu& cpu, uint32_t insn) {
  Vec4 x = ReadVec(cpu, Rd(insn));
  uint32_t y = cpu.st.v[Rn(insn)].s[0];
  const Vec4 w = ReadVec(cpu, Rm(insn));
  for (int e = 0; e < 4; ++e) {
    const uint32_t t = F(x[1], x[2], x[3]);
    y = y + Rol(x[0], 5) + t + w[e];
    x[1] = Rol(x[1], 30);
    RotateYX(y, x);
  }
  WriteVec(cpu, Rd(insn), x);
  return ExecStatus::kNext;
}

// SHA256hash(X, Y, W, part1).
Vec4 Sha256Hash(Vec4 x, Vec4 y, const Vec4& w, bool part1) {
  for (int e = 0; e < 4; ++e) {
    const uint32_t chs = ShaChoose(y[0], y[1], y[2]);
    const uint32_t maj = ShaMajority(x[0], x[1], x[2]);
    const uint32_t t = y[3] + ShaHashSigma1(y[0]) + chs + w[e];
    x[3] = t + x[3];
    y[3] = t + ShaHashSigma0(x[0]) + maj;
    RotateYX(y, x);
  }
  return part1 ? x : y;
}

}  // namespace

ExecStatus ExecSha1c(Cpu& cpu, uint32_t insn) { return Sha1Hash<ShaChoose>(cpu, insn); }
ExecStatus ExecSha1p(Cpu& cpu, uint32_t insn) { return Sha1Hash<ShaParity>(cpu, insn); }
ExecStatus ExecSha1m(Cpu& cpu, uint32_t insn) { return Sha1Hash<ShaMajority>(cpu, insn); }

// SHA1H: V[d] = ROL(V[n]<31:0>, 30), a 32-bit scalar write (bits 127:32 zero).
ExecStatus ExecSha1h(Cpu& cpu, uint32_t insn) {
  WriteV128(cpu, Rd(insn), Rol(cpu.st.v[Rn(insn)].s[0], 30), 0);
  return ExecStatus::kNext;
}

// SHA1SU0: result = (V[n]<63:0> : V[d]<127:64>) EOR V[d] EOR V[m].
ExecStatus ExecSha1su0(Cpu& cpu, uint32_t insn) {
  const Vec4 op1 = ReadVec(cpu, Rd(insn)), op2 = ReadVec(cpu, Rn(insn)), op3 = ReadVec(cpu, Rm(insn));
  const Vec4 t = {op1[2], op1[3], op2[0], op2[1]};
  Vec4 r;
  for (int e = 0; e < 4; ++e) r[e] = t[e] ^ op1[e] ^ op3[e];
  WriteVec(cpu, Rd(insn), r);
  return ExecStatus::kNext;
}

// SHA1SU1: T = V[d] EOR LSR(V[n], 32); each element of the result is
// ROL(T element, 1), and element 3 is also EORed with ROL(T<31:0>, 2).
ExecStatus ExecSha1su1(Cpu& cpu, uint32_t insn) {
  const Vec4 x = ReadVec(cpu, Rd(insn)), y = ReadVec(cpu, Rn(insn));
  const Vec4 t = {x[0] ^ y[1], x[1] ^ y[2], x[2] ^ y[3], x[3]};
  const Vec4 w = {Rol(t[0], 1), Rol(t[1], 1), Rol(t[2], 1), Rol(t[3], 1) ^ Rol(t[0], 2)};
  WriteVec(cpu, Rd(insn), w);
  return ExecStatus::kNext;
}

// SHA256H: V[d] = SHA256hash(V[d], V[n], V[m], TRUE).
ExecStatus ExecSha256h(Cpu& cpu, uint32_t insn) {
  WriteVec(cpu, Rd(insn), Sha256Hash(ReadVec(cpu, Rd(insn)), ReadVec(cpu, Rn(insn)),
                                     ReadVec(cpu, Rm(insn)), true));
  return ExecStatus::kNext;
}
// SHA256H2: V[d] = SHA256hash(V[n], V[d], V[m], FALSE).
ExecStatus ExecSha256h2(Cpu& cpu, uint32_t insn) {
  WriteVec(cpu, Rd(insn), Sha256Hash(ReadVec(cpu, Rn(insn)), ReadVec(cpu, Rd(insn)),
                                     ReadVec(cpu, Rm(insn)), false));
  return ExecStatus::kNext;
}

// SHA256SU0: T = V[n]<31:0> : V[d]<127:32>; element e of the result is
// (ROR(T_e, 7) EOR ROR(T_e, 18) EOR LSR(T_e, 3)) + Elem[V[d], e].
ExecStatus ExecSha256su0(Cpu& cpu, uint32_t insn) {
  const Vec4 op1 = ReadVec(cpu, Rd(insn)), op2 = ReadVec(cpu, Rn(insn));
  const Vec4 t = {op1[1], op1[2], op1[3], op2[0]};
  Vec4 r;
  for (int e = 0; e < 4; ++e) r[e] = (Ror(t[e], 7) ^ Ror(t[e], 18) ^ (t[e] >> 3)) + op1[e];
  WriteVec(cpu, Rd(insn), r);
  return ExecStatus::kNext;
}

// SHA256SU1: T0 = V[m]<31:0> : V[n]<127:32>; elements 0, 1 take sigma1 of
// V[m]<127:64>, elements 2, 3 sigma1 of the result's elements 0, 1.
ExecStatus ExecSha256su1(Cpu& cpu, uint32_t insn) {
  const Vec4 op1 = ReadVec(cpu, Rd(insn)), op2 = ReadVec(cpu, Rn(insn)), op3 = ReadVec(cpu, Rm(insn));
  const Vec4 t0 = {op2[1], op2[2], op2[3], op3[0]};
  auto sigma1 = [](uint32_t x) { return Ror(x, 17) ^ Ror(x, 19) ^ (x >> 10); };
  Vec4 r;
  r[0] = sigma1(op3[2]) + op1[0] + t0[0];
  r[1] = sigma1(op3[3]) + op1[1] + t0[1];
  r[2] = sigma1(r[0]) + op1[2] + t0[2];
  r[3] = sigma1(r[1]) + op1[3] + t0[3];
  WriteVec(cpu, Rd(insn), r);
  return ExecStatus::kNext;
}

}  // namespace a64
