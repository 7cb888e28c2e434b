// printf: integer and floating-point conversions with flags, widths and
// precisions; %f %e %g %a on special and ordinary doubles; snprintf
// truncation; strtod/strtol round trips.
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  static const double d[] = {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 123.456, -9876.54321,
                             1e-5, 1e-300, 1e300, DBL_MAX, DBL_MIN, 4.9e-324, 2.2250738585072009e-308,
                             M_PI, M_E, 1e15 + 0.3, 0.000123456789, 5e-324 * 3, 1e22, 1e23,
                             9007199254740993.0, 0.1 + 0.2, INFINITY, -INFINITY, NAN};
  const unsigned n = sizeof d / sizeof d[0];
  for (unsigned i = 0; i < n; ++i) {
    double x = d[i];
    printf("%u: %f|%.0f|%.3f|%15.2f|%-12.1f|%+f\n", i, x, x, x, x, x, x);
    printf("   %e|%.0e|%.10e|%E|%+.2e\n", x, x, x, x, x);
    printf("   %g|%.0g|%.10g|%G|%#g|%.17g\n", x, x, x, x, x, x);
    printf("   %a|%.3a|%A|%.0a\n", x, x, x, x);
    float f = (float)x;
    printf("   float %g %a %.9g\n", f, f, f);
  }
  static const long long ints[] = {0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483648LL,
                                   9223372036854775807LL, -9223372036854775807LL - 1};
  for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; ++i) {
    long long v = ints[i];
    printf("%lld|%+lld|% lld|%20lld|%-20lld|%020lld|%llx|%#llx|%llX|%llo|%#llo|%llu\n", v, v, v, v, v,
           v, v, v, v, v, v, (unsigned long long)v);
    printf("   %d|%5d|%-5d|%05d|%.3d|%hd|%hhd|%hu|%hhu|%x|%c\n", (int)v, (int)v, (int)v, (int)v, (int)v,
           (short)v, (signed char)v, (unsigned short)v, (unsigned char)v, (unsigned)v,
           'A' + (int)(v & 15));
  }
  printf("%s|%10s|%-10s|%.2s|%%|%5.1s|\n", "str", "right", "left", "precision", "xyz");
  printf("%" PRId8 " %" PRIu16 " %" PRIx32 " %" PRId64 " %zu %td\n", (int8_t)-5, (uint16_t)60000,
         (uint32_t)0xdeadbeef, (int64_t)-1234567890123, (size_t)12345, (ptrdiff_t)-99);
  char small[8];
  const char* volatile fmt = "%d-%s";  // not a literal: the truncation is intended
  int w = snprintf(small, sizeof small, fmt, 123456, "abcdef");
  printf("snprintf %d '%s'\n", w, small);
  static const char* nums[] = {"3.14159", "-2.5e-3", "1e308", "1e309", "0x1.8p1", "  42abc", "nan",
                               "-inf", "0.1", "123456789012345678901234567890"};
  for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; ++i) {
    char* end;
    double v = strtod(nums[i], &end);
    long l = strtol(nums[i], NULL, 0);
    printf("strtod(%s) = %.17g rest='%s' strtol=%ld\n", nums[i], v, end, l);
  }
  double acc = 0;
  for (int i = 1; i <= 100; ++i) acc += sqrt((double)i) * sin(i) / (1.0 + cos(i) * cos(i));
  printf("acc=%.15g floor=%g ceil=%g round=%g trunc=%g fmod=%g\n", acc, floor(-2.5), ceil(-2.5),
         round(-2.5), trunc(-2.5), fmod(10.5, 3.0));
  return 0;
}
