// Non-local jumps (setjmp/longjmp through several frames, with values kept in
// volatile locals) and variadic functions mixing integer and double arguments
// (more than fit in registers, so some go on the stack), va_copy.
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth, int target) {
  volatile char pad[64];
  pad[depth % 64] = (char)depth;
  depth_reached = depth + pad[depth % 64] - depth;
  if (depth == target || depth > 1000) longjmp(env, target * 10 + 1);
  dive(depth + 1, target);
}

// Format: 'i' int, 'l' int64, 'd' double, 'c' char (promoted to int).
static double sum(const char* fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  double total = 0;
  for (const char* p = fmt; *p; ++p) {
    switch (*p) {
      case 'i': total += va_arg(ap, int); break;
      case 'l': total += (double)va_arg(ap, int64_t); break;
      case 'd': total += va_arg(ap, double); break;
      case 'c': total += va_arg(ap, int) * 0.5; break;
    }
  }
  va_end(ap);
  // Walk the copy again, printing each argument.
  for (const char* p = fmt; *p; ++p) {
    switch (*p) {
      case 'i': printf("i%d ", va_arg(ap2, int)); break;
      case 'l': printf("l%" PRId64 " ", va_arg(ap2, int64_t)); break;
      case 'd': printf("d%.17g ", va_arg(ap2, double)); break;
      case 'c': printf("c%c ", va_arg(ap2, int)); break;
    }
  }
  va_end(ap2);
  printf("= %.17g\n", total);
  return total;
}

static void vlog(const char* fmt, va_list ap) { vprintf(fmt, ap); }
static void logf_(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vlog(fmt, ap);
  va_end(ap);
}

int main(void) {
  volatile int iterations = 0;
  for (volatile int target = 0; target < 12; target += 3) {
    int r = setjmp(env);
    if (r == 0) {
      dive(0, target);
      printf("not reached\n");
    } else {
      iterations = iterations + 1;
      printf("longjmp target=%d r=%d depth=%d iterations=%d\n", target, r, depth_reached, iterations);
    }
  }
  double t = 0;
  t += sum("iiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  t += sum("dddddddddddd", 0.5, 1.5, 2.25, -3.0, 1e10, 1e-10, 3.14159, 2.71828, -0.0, 100.0, 7.0, 8.0);
  t += sum("ididldlcdi", 1, 2.5, 3, -4.5, (int64_t)-5000000000, 6.25, (int64_t)1 << 40, 'x', 1e300,
           42);
  t += sum("");
  logf_("%s %d %ld %.3f %c %5s|%-5s|\n", "vprintf", -17, 1234567890123L, 2.0 / 3, 'z', "ab", "cd");
  printf("t=%.17g\n", t);
  return iterations;
}
