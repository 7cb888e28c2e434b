// run_at_el0(fn): calls fn at EL0t; fn returns to el0_trampoline, whose
// SVC #0xfff the exception handler turns into a return to el0_resume at
// EL1h.
  .text
  .global run_at_el0
run_at_el0:
  stp x29, x30, [sp, #-96]!
  stp x19, x20, [sp, #16]
  stp x21, x22, [sp, #32]
  stp x23, x24, [sp, #48]
  stp x25, x26, [sp, #64]
  stp x27, x28, [sp, #80]
  ldr x1, =saved_el1_sp
  mov x2, sp
  str x2, [x1]
  msr elr_el1, x0
  msr spsr_el1, xzr
  ldr x1, =__el0_stack_top
  msr sp_el0, x1
  ldr x30, =el0_trampoline
  eret

  .global el0_trampoline
el0_trampoline:
  svc #0xfff

  .global el0_resume
el0_resume:
  ldr x1, =saved_el1_sp
  ldr x2, [x1]
  mov sp, x2
  ldp x19, x20, [sp, #16]
  ldp x21, x22, [sp, #32]
  ldp x23, x24, [sp, #48]
  ldp x25, x26, [sp, #64]
  ldp x27, x28, [sp, #80]
  ldp x29, x30, [sp], #96
  ret

  .bss
  .balign 8
saved_el1_sp:
  .skip 8

// run_at_el0_arg(fn, arg): as run_at_el0, with X0 = arg at EL0 (the EL0
// function may then run without reading memory).
  .text
  .global run_at_el0_arg
run_at_el0_arg:
  stp x29, x30, [sp, #-96]!
  stp x19, x20, [sp, #16]
  stp x21, x22, [sp, #32]
  stp x23, x24, [sp, #48]
  stp x25, x26, [sp, #64]
  stp x27, x28, [sp, #80]
  ldr x2, =saved_el1_sp
  mov x3, sp
  str x3, [x2]
  msr elr_el1, x0
  msr spsr_el1, xzr
  ldr x2, =__el0_stack_top
  msr sp_el0, x2
  mov x0, x1
  ldr x30, =el0_trampoline
  eret
