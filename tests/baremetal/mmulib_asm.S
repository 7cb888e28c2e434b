// Single-instruction accesses of the MMU tests (see mmulib.h). A faulting
// access returns to the caller through X30 (testlib's handler).
  .text
  .macro FN name
  .global \name
  .type \name, %function
\name:
  .endm

FN try_load
  ldr x0, [x0]
  ret

FN try_store
  str x1, [x0]
  ret

// A tail call: the target's RET returns to our caller, and so does the
// handler after an instruction abort on the target.
FN try_call
  br x0

FN el0_load
  ldr x0, [x0]
  ret

FN el0_store
  str x0, [x0]
  ret

FN el0_call
  br x0
