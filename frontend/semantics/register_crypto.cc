#include "frontend/semantics/dispatch.h"

namespace a64 {

// Cryptographic extension: AES, SHA1, SHA256 and PMULL.
void RegisterCrypto(ExecTable& t) {}

}  // namespace a64
