// The console: escape parsing (pure), scripted and piped input, output, and
// raw mode on a pseudo-terminal.
#include "devices/console.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace a64 {
namespace {

std::vector<uint8_t> Bytes(const std::string& s) { return {s.begin(), s.end()}; }

std::string Parse(const std::string& in, bool* quit, unsigned* help = nullptr) {
  ConsoleEscape escape;
  std::vector<uint8_t> out;
  std::vector<uint8_t> bytes = Bytes(in);
  *quit = escape.FeedAll(bytes.data(), bytes.size(), &out, help);
  return std::string(out.begin(), out.end());
}

TEST(ConsoleEscapeTest, PlainBytesPassThrough) {
  bool quit;
  EXPECT_EQ(Parse("ls -l\r\x03\x1b[A", &quit), "ls -l\r\x03\x1b[A");
  EXPECT_FALSE(quit);
}

TEST(ConsoleEscapeTest, CtrlAXQuits) {
  bool quit;
  EXPECT_EQ(Parse("ab\x01xcd", &quit), "ab");
  EXPECT_TRUE(quit);
}

TEST(ConsoleEscapeTest, CtrlACtrlASendsOneCtrlA) {
  bool quit;
  EXPECT_EQ(Parse("a\x01\x01" "b", &quit), "a\x01" "b");
  EXPECT_FALSE(quit);
  // The delivered Ctrl-A does not start a new escape.
  EXPECT_EQ(Parse("\x01\x01x", &quit), "\x01x");
  EXPECT_FALSE(quit);
}

TEST(ConsoleEscapeTest, HelpAndUnknownCommands) {
  bool quit;
  unsigned help = 0;
  EXPECT_EQ(Parse("\x01h\x01?\x01z\x01X.", &quit, &help), ".");
  EXPECT_FALSE(quit);
  EXPECT_EQ(help, 2u);
}

TEST(ConsoleEscapeTest, EscapeSplitAcrossCalls) {
  ConsoleEscape escape;
  uint8_t out = 0;
  EXPECT_EQ(escape.Feed(0x01, &out), ConsoleEscape::Action::kNone);
  EXPECT_EQ(escape.Feed('x', &out), ConsoleEscape::Action::kQuit);
  EXPECT_EQ(escape.Feed('x', &out), ConsoleEscape::Action::kDeliver);
  EXPECT_EQ(out, 'x');
}

std::string Drain(Console& console) {
  std::string got;
  uint8_t b;
  while (console.TryRead(&b)) got.push_back(static_cast<char>(b));
  return got;
}

TEST(ConsoleTest, ScriptDeliversEveryByteInOrder) {
  ConsoleOptions options;
  options.input = ConsoleOptions::Input::kScript;
  options.script = Bytes("echo hi\n\x01x");  // no escape processing on scripts
  Console console(options);
  EXPECT_FALSE(console.raw_terminal());
  EXPECT_TRUE(console.input_open());
  EXPECT_TRUE(console.WaitForInput(0));
  EXPECT_EQ(Drain(console), "echo hi\n\x01x");
  EXPECT_FALSE(console.input_open());
  EXPECT_FALSE(console.quit_requested());
}

TEST(ConsoleTest, ReadScriptFile) {
  char path[] = "/tmp/console_test_XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "abc\n", 4), 4);
  close(fd);
  std::vector<uint8_t> bytes;
  std::string error;
  EXPECT_TRUE(ReadConsoleScript(path, &bytes, &error));
  EXPECT_EQ(bytes, Bytes("abc\n"));
  unlink(path);
  EXPECT_FALSE(ReadConsoleScript(path, &bytes, &error));
  EXPECT_NE(error.find(path), std::string::npos);
}

TEST(ConsoleTest, NoInput) {
  ConsoleOptions options;
  options.input = ConsoleOptions::Input::kNone;
  Console console(options);
  uint8_t b;
  EXPECT_FALSE(console.TryRead(&b));
  EXPECT_FALSE(console.input_open());
  EXPECT_FALSE(console.WaitForInput(1000));  // returns at once
}

TEST(ConsoleTest, PipeInputAndOutput) {
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  ConsoleOptions options;
  options.input = ConsoleOptions::Input::kStdin;
  options.input_fd = in[0];
  options.output_fd = out[1];
  {
    Console console(options);
    EXPECT_FALSE(console.raw_terminal());
    uint8_t b;
    EXPECT_FALSE(console.TryRead(&b));  // nothing yet, does not block
    EXPECT_TRUE(console.input_open());
    ASSERT_EQ(write(in[1], "q\x01x", 3), 3);
    EXPECT_TRUE(console.WaitForInput(1000));
    EXPECT_EQ(Drain(console), "q\x01x");  // no escape on a pipe
    close(in[1]);                          // EOF just ends input
    EXPECT_FALSE(console.WaitForInput(1000));
    EXPECT_FALSE(console.input_open());
    EXPECT_FALSE(console.quit_requested());
    const uint8_t text[] = "Booting Linux\r\n";
    console.Write(text, sizeof text - 1);
  }
  char buffer[64] = {};
  ASSERT_EQ(read(out[0], buffer, sizeof buffer), 15);
  EXPECT_EQ(std::string(buffer), "Booting Linux\r\n");
  close(in[0]);
  close(out[0]);
  close(out[1]);
}

TEST(ConsoleTest, TerminalRawModeEscapeAndRestore) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  struct termios before;
  ASSERT_EQ(tcgetattr(slave, &before), 0);
  ASSERT_TRUE(before.c_lflag & ICANON);

  int out[2];
  ASSERT_EQ(pipe(out), 0);
  ConsoleOptions options;
  options.input_fd = slave;
  options.output_fd = out[1];
  {
    Console console(options);
    ASSERT_TRUE(console.raw_terminal());
    struct termios raw;
    ASSERT_EQ(tcgetattr(slave, &raw), 0);
    EXPECT_FALSE(raw.c_lflag & (ICANON | ECHO | ISIG));
    EXPECT_FALSE(raw.c_iflag & (ICRNL | IXON));

    ASSERT_EQ(write(master, "a\x01\x01" "b\x01h", 6), 6);
    std::string got;
    for (int i = 0; i < 100 && got.size() < 3; ++i) {
      console.WaitForInput(50);
      got += Drain(console);
    }
    EXPECT_EQ(got, "a\x01" "b");  // no line buffering: bytes come as typed
    char help[256] = {};
    EXPECT_GT(read(out[0], help, sizeof help - 1), 0);
    EXPECT_NE(std::string(help).find("C-a x"), std::string::npos);

    ASSERT_EQ(write(master, "\x01xz", 3), 3);
    for (int i = 0; i < 100 && !console.quit_requested(); ++i) console.WaitForInput(50);
    EXPECT_TRUE(console.quit_requested());
    uint8_t b;
    EXPECT_FALSE(console.TryRead(&b));  // input stops after quit
  }
  struct termios after;
  ASSERT_EQ(tcgetattr(slave, &after), 0);
  EXPECT_EQ(after.c_lflag, before.c_lflag);
  EXPECT_EQ(after.c_iflag, before.c_iflag);
  close(slave);
  close(master);
  close(out[0]);
  close(out[1]);
}

}  // namespace
}  // namespace a64
