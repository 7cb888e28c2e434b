#include "frontend/semantics/crypto/crypto_exec.h"
#include "frontend/semantics/dispatch.h"

namespace a64 {

void RegisterFpJscvt(ExecTable& t);  // fp_jscvt.cc

// Cryptographic extension: AES, SHA1, SHA256. PMULL with 64-bit elements
// shares its Op (PMULL_asimddiff_L) with the 8-bit form and is provided as
// ExecPmull64 in crypto_pmull.h for that handler to call. Also registers
// FJCVTZS (fp_jscvt.cc), which has no class registration of its own.
void RegisterCrypto(ExecTable& t) {
  t.Set(Op::AESE_B_cryptoaes, &ExecAese);
  t.Set(Op::AESD_B_cryptoaes, &ExecAesd);
  t.Set(Op::AESMC_B_cryptoaes, &ExecAesmc);
  t.Set(Op::AESIMC_B_cryptoaes, &ExecAesimc);
  t.Set(Op::SHA1C_QSV_cryptosha3, &ExecSha1c);
  t.Set(Op::SHA1P_QSV_cryptosha3, &ExecSha1p);
  t.Set(Op::SHA1M_QSV_cryptosha3, &ExecSha1m);
  t.Set(Op::SHA1SU0_VVV_cryptosha3, &ExecSha1su0);
  t.Set(Op::SHA256H_QQV_cryptosha3, &ExecSha256h);
  t.Set(Op::SHA256H2_QQV_cryptosha3, &ExecSha256h2);
  t.Set(Op::SHA256SU1_VVV_cryptosha3, &ExecSha256su1);
  t.Set(Op::SHA1H_SS_cryptosha2, &ExecSha1h);
  t.Set(Op::SHA1SU1_VV_cryptosha2, &ExecSha1su1);
  t.Set(Op::SHA256SU0_VV_cryptosha2, &ExecSha256su0);
  RegisterFpJscvt(t);
}

}  // namespace a64
