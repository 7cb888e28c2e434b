// Helpers of mmu_pan.c: unprivileged loads and stores, PSTATE.PAN/UAO
// writes (MSR immediate) and reads, and an SVC.
  .arch armv8.2-a
  .text
  .macro FN name
  .global \name
  .type \name, %function
\name:
  .endm

FN try_ldtr
  ldtr x0, [x0]
  ret

FN try_sttr
  sttr x1, [x0]
  ret

FN set_pan
  cbz x0, 1f
  msr pan, #1
  ret
1:msr pan, #0
  ret

FN set_uao
  cbz x0, 1f
  msr uao, #1
  ret
1:msr uao, #0
  ret

FN read_pan
  mrs x0, pan
  ret

FN read_uao
  mrs x0, uao
  ret

FN do_svc
  svc #1
  ret
