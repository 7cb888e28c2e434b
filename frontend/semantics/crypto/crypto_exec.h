// Semantics of the cryptographic extension (ARM ARM C7.2, FEAT_AES,
// FEAT_SHA1, FEAT_SHA256), registered by register_crypto.cc.
#pragma once

#include "frontend/semantics/cpu.h"

namespace a64 {

// crypto_aes.cc
ExecStatus ExecAese(Cpu& cpu, uint32_t insn);
ExecStatus ExecAesd(Cpu& cpu, uint32_t insn);
ExecStatus ExecAesmc(Cpu& cpu, uint32_t insn);
ExecStatus ExecAesimc(Cpu& cpu, uint32_t insn);

// crypto_sha.cc
ExecStatus ExecSha1c(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha1p(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha1m(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha1h(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha1su0(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha1su1(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha256h(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha256h2(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha256su0(Cpu& cpu, uint32_t insn);
ExecStatus ExecSha256su1(Cpu& cpu, uint32_t insn);

}  // namespace a64
