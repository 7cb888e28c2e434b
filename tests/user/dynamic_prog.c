// A dynamically linked program: user mode must refuse it with one line.
#include <stdio.h>
int main(void) { puts("should not run"); return 0; }
