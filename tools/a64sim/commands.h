// The a64sim subcommands; each returns the process exit status.
#pragma once

namespace a64 {

int RunDisasmCommand(int argc, char** argv);
int RunUserCommand(int argc, char** argv);
int RunBootCommand(int argc, char** argv);

}  // namespace a64
