// Helpers of mmu_align.c: one access each (a faulting one returns to the
// caller through X30).
  .text
  .macro FN name
  .global \name
  .type \name, %function
\name:
  .endm

FN try_ldr_w
  ldr w0, [x0]
  ret
FN try_ldrh
  ldrh w0, [x0]
  ret
FN try_str_w
  str w1, [x0]
  ret
FN try_ldp_x
  ldp x2, x3, [x0]
  ret
FN try_ldxr
  ldxr x0, [x0]
  clrex
  ret
FN try_ldaxr_w
  ldaxr w0, [x0]
  clrex
  ret
FN try_stxr
  stxr w2, x1, [x0]
  ret
FN try_ldxp
  ldxp x2, x3, [x0]
  clrex
  ret
FN try_ldar
  ldar x0, [x0]
  ret
FN try_stlr_w
  stlr w1, [x0]
  ret
FN try_dc_zva
  dc zva, x0
  ret
FN el0_dc_zva
  dc zva, x0
  ret
