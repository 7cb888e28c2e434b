// The host side of the guest's serial console: the CharBackend the board
// gives the PL011.
//
// Output goes to a file descriptor (stdout) unbuffered: one write per call.
//
// Input, by ConsoleOptions::input:
//  - kStdin on a terminal (in the foreground): the terminal is put in raw
//    mode (no echo, no line editing, no signals from ^C/^Z: they go to the
//    guest) and QEMU's escape applies: Ctrl-A x requests quit, Ctrl-A Ctrl-A
//    sends one Ctrl-A, Ctrl-A h or ? prints the help; any other Ctrl-A
//    sequence is dropped. The saved settings are restored by the destructor,
//    at exit() (atexit), and on a fatal or terminating signal (SIGINT,
//    SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL) whose
//    disposition was the default: the handler restores the terminal and the
//    signal then takes its default action. A board that installs its own
//    handlers calls Console::RestoreTerminal() from them.
//    Global state: the saved termios, its fd and an "active" flag (what an
//    atexit or signal handler can reach); nothing else.
//  - kStdin on a pipe or file: bytes are read as they come (poll, never
//    blocking); end of file just ends input. No escape processing. With a
//    pipe, when a byte becomes available depends on the host, so which guest
//    instruction sees it does not: such runs are not reproducible. A regular
//    file is always readable, so it behaves like kScript.
//  - kScript: the given bytes, each available at once: the UART takes one
//    whenever its receiver has room and it polls the backend (the guest reads
//    UARTFR/UARTDR or the board calls Pl011::PollInput), so delivery depends
//    only on the guest's execution: deterministic.
//  - kNone: no input.
//  - kStdin in a background process group of a terminal: treated as kNone
//    (touching the terminal would stop the process with SIGTTIN/SIGTTOU).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "devices/char_backend.h"

namespace a64 {

// QEMU's console escape (its "mux" character, Ctrl-A) as a state machine
// over input bytes.
class ConsoleEscape {
 public:
  static constexpr uint8_t kEscapeChar = 0x01;  // Ctrl-A

  enum class Action : uint8_t {
    kNone,     // the byte was consumed (escape prefix or an unknown command)
    kDeliver,  // *out is a byte for the guest
    kQuit,     // Ctrl-A x
    kHelp,     // Ctrl-A h or Ctrl-A ?
  };

  Action Feed(uint8_t byte, uint8_t* out);

  // Feeds `size` bytes, appending those for the guest to `delivered`. Stops
  // at Ctrl-A x and returns true (the bytes after it are not processed);
  // counts help requests in *help when `help` is not null.
  bool FeedAll(const uint8_t* data, size_t size, std::vector<uint8_t>* delivered,
               unsigned* help = nullptr);

  // The help text QEMU-style, with CR LF line ends (the terminal is raw).
  static const char* HelpText();

 private:
  bool after_escape_ = false;
};

struct ConsoleOptions {
  enum class Input : uint8_t { kNone, kStdin, kScript };
  Input input = Input::kStdin;
  std::vector<uint8_t> script;  // the bytes for Input::kScript
  int input_fd = 0;             // for Input::kStdin
  int output_fd = 1;
};

// Reads a whole file of scripted input. False with a reason on error.
bool ReadConsoleScript(const std::string& path, std::vector<uint8_t>* bytes, std::string* error);

class Console : public CharBackend {
 public:
  explicit Console(ConsoleOptions options);
  ~Console() override;
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  // CharBackend.
  void Write(const uint8_t* data, size_t size) override;
  bool TryRead(uint8_t* byte) override;

  // Ctrl-A x was typed. Input stops; the board ends the run when it sees it.
  bool quit_requested() const { return quit_requested_; }
  // The terminal is in raw mode (stdin is an interactive terminal).
  bool raw_terminal() const { return raw_; }
  // More input may still come (not kNone, not at end of file or script, no
  // quit requested).
  bool input_open() const;

  // Waits up to `timeout_ms` (-1: without limit) for input from the host; for
  // a board whose guest sleeps with nothing else to wake it. True when
  // TryRead has a byte or quit was requested; false at once when input is
  // closed.
  bool WaitForInput(int timeout_ms);

  // Restores the terminal settings saved when raw mode began, if still
  // active. Async-signal-safe; idempotent.
  static void RestoreTerminal();

 private:
  // Reads what the host has ready (waiting up to timeout_ms) into pending_.
  void FillFromHost(int timeout_ms);
  void EnterRawMode();
  void LeaveRawMode();

  ConsoleOptions options_;
  bool raw_ = false;
  bool host_input_ = false;  // input comes from options_.input_fd
  bool eof_ = false;
  bool quit_requested_ = false;
  size_t script_pos_ = 0;
  ConsoleEscape escape_;
  std::deque<uint8_t> pending_;  // host bytes ready for the guest
};

}  // namespace a64
