#include <cstdio>

#include "tools/a64sim/commands.h"

namespace a64 {

int RunUserCommand(int, char**) {
  std::fputs("a64sim user: not built yet\n", stderr);
  return 2;
}

}  // namespace a64
