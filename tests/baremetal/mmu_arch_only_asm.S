// FEAT_LSE atomics of mmu_arch_only.c (one access each).
  .arch armv8.1-a
  .text
  .global try_ldadd_x
  .type try_ldadd_x, %function
try_ldadd_x:
  ldadd x1, x2, [x0]
  ret
  .global try_cas_w
  .type try_cas_w, %function
try_cas_w:
  cas w1, w2, [x0]
  ret
  .global try_swp_x
  .type try_swp_x, %function
try_swp_x:
  swp x1, x2, [x0]
  ret
