// Calls and returns, for the translator's return-address stack (BL/BLR
// push, RET pops and checks X30): recursion deeper than the stack, mutual
// recursion, calls through pointers, returns through another register,
// returns to somewhere else than the caller, a call whose return address is
// on the next page, and longjmp out of nested calls. Prints one line each.
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>

// Hand-written routines:
//   skip_return: returns 8 bytes past its return address (skipping the
//     caller's next instruction);
//   ret_via_x1: returns through X1 (RET X1) to X30;
//   page_end_caller: calls add_one with BL as the last word of a page, so
//     that the return address is the first word of the next.
__asm__(
    ".text\n"
    ".globl skip_return\n"
    "skip_return:\n"
    "  add x30, x30, #4\n"
    "  ret\n"
    ".globl call_skip\n"
    "call_skip:\n"  // x0 -> x0 + 1 (the +100 is skipped)
    "  stp x29, x30, [sp, #-16]!\n"
    "  bl skip_return\n"
    "  add x0, x0, #100\n"
    "  add x0, x0, #1\n"
    "  ldp x29, x30, [sp], #16\n"
    "  ret\n"
    ".globl ret_via_x1\n"
    "ret_via_x1:\n"
    "  mov x1, x30\n"
    "  add x0, x0, #7\n"
    "  ret x1\n"
    ".globl add_one\n"
    "add_one:\n"
    "  add x0, x0, #1\n"
    "  ret\n"
    ".balign 4096\n"
    ".skip 4096 - 12\n"
    ".globl page_end_caller\n"
    "page_end_caller:\n"
    "  stp x29, x30, [sp, #-16]!\n"
    "  mov x29, sp\n"
    "  bl add_one\n"  // the page's last word
    "  add x0, x0, #1000\n"
    "  ldp x29, x30, [sp], #16\n"
    "  ret\n");
uint64_t call_skip(uint64_t);
uint64_t ret_via_x1(uint64_t);
uint64_t page_end_caller(uint64_t);

__attribute__((noinline)) static uint64_t depth(uint64_t n) {
  if (n == 0) return 0;
  return 1 + depth(n - 1) * 3 % 1000003;
}

__attribute__((noinline)) static int is_odd(unsigned n);
__attribute__((noinline)) static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
__attribute__((noinline)) static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static uint64_t twice(uint64_t x) { return 2 * x; }
static uint64_t square(uint64_t x) { return x * x; }
static uint64_t (*volatile ops[2])(uint64_t) = {twice, square};

static jmp_buf env;
__attribute__((noinline)) static void nested_jump(int level) {
  if (level == 0) longjmp(env, 42);
  nested_jump(level - 1);
  printf("not reached\n");
}

int main(void) {
  for (int round = 0; round < 3; ++round) {  // again, once translated and linked
    printf("round %d\n", round);
    printf("depth 5: %llu, 40: %llu, 300: %llu\n", (unsigned long long)depth(5),
           (unsigned long long)depth(40), (unsigned long long)depth(300));
    printf("even(31) %d odd(31) %d even(100) %d\n", is_even(31), is_odd(31), is_even(100));
    uint64_t acc = 1;
    for (int i = 0; i < 20; ++i) acc = ops[i & 1](acc + i) % 1000000007;
    printf("through pointers: %llu\n", (unsigned long long)acc);
    printf("skip_return: %llu\n", (unsigned long long)call_skip(10));
    printf("ret x1: %llu\n", (unsigned long long)ret_via_x1(10));
    printf("page-end call: %llu\n", (unsigned long long)page_end_caller(10));
    int v = setjmp(env);
    if (v == 0) nested_jump(25);
    printf("longjmp: %d\n", v);
  }
  return 0;
}
