#include "devices/console.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace a64 {

namespace {

// What RestoreTerminal needs, reachable from atexit and signal handlers. Only
// one Console owns the terminal at a time.
struct termios g_saved_termios;
int g_saved_fd = -1;
volatile sig_atomic_t g_raw_active = 0;

constexpr int kRestoreSignals[] = {SIGINT,  SIGTERM, SIGHUP, SIGQUIT, SIGABRT,
                                   SIGSEGV, SIGBUS,  SIGFPE, SIGILL};

// Restores the terminal, then lets the signal take its default action
// (SA_RESETHAND made the disposition SIG_DFL on entry; the re-raised signal is
// delivered when the handler returns; a fault re-executes and faults again).
void RestoreOnSignal(int sig) {
  Console::RestoreTerminal();
  raise(sig);
}

void RestoreAtExit() { Console::RestoreTerminal(); }

}  // namespace

ConsoleEscape::Action ConsoleEscape::Feed(uint8_t byte, uint8_t* out) {
  if (!after_escape_) {
    if (byte == kEscapeChar) {
      after_escape_ = true;
      return Action::kNone;
    }
    *out = byte;
    return Action::kDeliver;
  }
  after_escape_ = false;
  switch (byte) {
    case kEscapeChar:
      *out = byte;
      return Action::kDeliver;
    case 'x':
      return Action::kQuit;
    case 'h':
    case '?':
      return Action::kHelp;
    default:
      return Action::kNone;  // unknown commands are dropped, as in QEMU
  }
}

bool ConsoleEscape::FeedAll(const uint8_t* data, size_t size, std::vector<uint8_t>* delivered,
                            unsigned* help) {
  for (size_t i = 0; i < size; ++i) {
    uint8_t out;
    switch (Feed(data[i], &out)) {
      case Action::kDeliver:
        delivered->push_back(out);
        break;
      case Action::kQuit:
        return true;
      case Action::kHelp:
        if (help != nullptr) ++*help;
        break;
      case Action::kNone:
        break;
    }
  }
  return false;
}

const char* ConsoleEscape::HelpText() {
  return "\r\nC-a h    print this help\r\n"
         "C-a x    exit emulator\r\n"
         "C-a C-a  sends C-a\r\n";
}

bool ReadConsoleScript(const std::string& path, std::vector<uint8_t>* bytes, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  bytes->clear();
  uint8_t buffer[4096];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = path + ": " + std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) break;
    bytes->insert(bytes->end(), buffer, buffer + n);
  }
  close(fd);
  return true;
}

Console::Console(ConsoleOptions options) : options_(std::move(options)) {
  if (options_.input != ConsoleOptions::Input::kStdin) return;
  int fd = options_.input_fd;
  if (isatty(fd)) {
    // A background job must not touch its controlling terminal (SIGTTIN,
    // SIGTTOU). tcgetpgrp fails on a terminal that is not the controlling one.
    pid_t foreground = tcgetpgrp(fd);
    if (foreground != -1 && foreground != getpgrp()) return;
    host_input_ = true;
    EnterRawMode();
  } else {
    host_input_ = true;
  }
}

Console::~Console() { LeaveRawMode(); }

void Console::EnterRawMode() {
  struct termios saved;
  if (tcgetattr(options_.input_fd, &saved) != 0) return;
  struct termios raw = saved;
  // Raw input as QEMU's stdio backend sets it with signals off: no input
  // translation or flow control, no echo, no canonical mode, no signal keys;
  // output post-processing stays on.
  raw.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  raw.c_oflag |= OPOST;
  raw.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN | ISIG);
  raw.c_cflag &= ~(CSIZE | PARENB);
  raw.c_cflag |= CS8;
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;

  g_saved_termios = saved;
  g_saved_fd = options_.input_fd;
  g_raw_active = 1;
  static bool atexit_registered = false;
  if (!atexit_registered) {
    std::atexit(RestoreAtExit);
    atexit_registered = true;
  }
  for (int sig : kRestoreSignals) {
    struct sigaction old_action;
    if (sigaction(sig, nullptr, &old_action) != 0 || old_action.sa_handler != SIG_DFL) continue;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = RestoreOnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(sig, &action, nullptr);
  }
  if (tcsetattr(options_.input_fd, TCSAFLUSH, &raw) != 0) {
    LeaveRawMode();
    return;
  }
  raw_ = true;
}

void Console::LeaveRawMode() {
  if (!g_raw_active || g_saved_fd != options_.input_fd) return;
  RestoreTerminal();
  for (int sig : kRestoreSignals) {
    struct sigaction current;
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == RestoreOnSignal) {
      signal(sig, SIG_DFL);
    }
  }
  raw_ = false;
}

void Console::RestoreTerminal() {
  if (!g_raw_active) return;
  g_raw_active = 0;
  tcsetattr(g_saved_fd, TCSAFLUSH, &g_saved_termios);
}

void Console::Write(const uint8_t* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(options_.output_fd, data, size);
    if (n > 0) {
      data += n;
      size -= static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd p = {options_.output_fd, POLLOUT, 0};
      poll(&p, 1, -1);
    } else {
      return;  // the output is gone (closed pipe, ...): drop the bytes
    }
  }
}

bool Console::input_open() const {
  if (quit_requested_) return false;
  switch (options_.input) {
    case ConsoleOptions::Input::kNone:
      return false;
    case ConsoleOptions::Input::kScript:
      return script_pos_ < options_.script.size();
    case ConsoleOptions::Input::kStdin:
      return host_input_ && (!eof_ || !pending_.empty());
  }
  return false;
}

bool Console::TryRead(uint8_t* byte) {
  if (quit_requested_) return false;
  if (options_.input == ConsoleOptions::Input::kScript) {
    if (script_pos_ >= options_.script.size()) return false;
    *byte = options_.script[script_pos_++];
    return true;
  }
  if (!host_input_) return false;
  if (pending_.empty()) FillFromHost(0);
  if (pending_.empty() || quit_requested_) return false;
  *byte = pending_.front();
  pending_.pop_front();
  return true;
}

bool Console::WaitForInput(int timeout_ms) {
  if (!input_open()) return quit_requested_;
  if (options_.input == ConsoleOptions::Input::kScript || !pending_.empty()) return true;
  FillFromHost(timeout_ms);
  return !pending_.empty() || quit_requested_;
}

void Console::FillFromHost(int timeout_ms) {
  if (eof_) return;
  struct pollfd p = {options_.input_fd, POLLIN, 0};
  int ready = poll(&p, 1, timeout_ms);
  if (ready <= 0) return;  // nothing yet (or EINTR: try again next time)
  uint8_t buffer[256];
  ssize_t n = read(options_.input_fd, buffer, sizeof buffer);
  if (n < 0) {
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) eof_ = true;
    return;
  }
  if (n == 0) {
    eof_ = true;  // end of the pipe or file: input just stops
    return;
  }
  if (!raw_) {
    pending_.insert(pending_.end(), buffer, buffer + n);
    return;
  }
  for (ssize_t i = 0; i < n && !quit_requested_; ++i) {
    uint8_t out;
    switch (escape_.Feed(buffer[i], &out)) {
      case ConsoleEscape::Action::kDeliver:
        pending_.push_back(out);
        break;
      case ConsoleEscape::Action::kQuit:
        quit_requested_ = true;
        break;
      case ConsoleEscape::Action::kHelp: {
        const char* help = ConsoleEscape::HelpText();
        Write(reinterpret_cast<const uint8_t*>(help), std::strlen(help));
        break;
      }
      case ConsoleEscape::Action::kNone:
        break;
    }
  }
}

}  // namespace a64
