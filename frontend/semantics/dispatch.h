// Op -> semantics. Each encoding class registers its handlers; an encoding
// with no handler executes as UNDEFINED.
#pragma once

#include "frontend/decode_table.h"
#include "frontend/semantics/cpu.h"

namespace a64 {

class ExecTable {
 public:
  static const ExecTable& Instance();
  ExecFn Lookup(Op op) const { return fns_[static_cast<unsigned>(op)]; }
  bool Implemented(Op op) const;
  void Set(Op op, ExecFn fn) { fns_[static_cast<unsigned>(op)] = fn; }

 private:
  ExecTable();
  ExecFn fns_[kNumOps];
};

ExecStatus ExecUndefined(Cpu& cpu, uint32_t insn);

// One registration function per encoding class (frontend/semantics/*.cc).
void RegisterDataProcessing(ExecTable& t);
void RegisterBranchSystem(ExecTable& t);
void RegisterLoadStore(ExecTable& t);
void RegisterFpScalar(ExecTable& t);
void RegisterSimd(ExecTable& t);
void RegisterSimdScalar(ExecTable& t);
void RegisterSimdFp(ExecTable& t);
void RegisterCrypto(ExecTable& t);

}  // namespace a64
