#include "frontend/semantics/dispatch.h"

namespace a64 {

ExecStatus ExecUndefined(Cpu& cpu, uint32_t) { return Undefined(cpu); }

ExecTable::ExecTable() {
  for (auto& f : fns_) f = &ExecUndefined;
  RegisterDataProcessing(*this);
  RegisterBranchSystem(*this);
  RegisterLoadStore(*this);
  RegisterFpScalar(*this);
  RegisterSimd(*this);
  RegisterSimdScalar(*this);
  RegisterSimdFp(*this);
  RegisterCrypto(*this);
}

const ExecTable& ExecTable::Instance() {
  static const ExecTable table;
  return table;
}

bool ExecTable::Implemented(Op op) const { return Lookup(op) != &ExecUndefined; }

}  // namespace a64
