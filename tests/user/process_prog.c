// Process creation and signal delivery in user mode. Each mode prints a
// deterministic transcript:
//   signals, fork: compared with qemu-aarch64 byte for byte;
//   exec: execve of itself, "#!" scripts and close-on-exec (qemu-user cannot
//         run an AArch64 execve target without binfmt_misc, so this mode
//         checks its own results and prints "exec: N failures").
// Built static.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

extern char** environ;

static int failures;
#define CHECK(c)                                                    \
  do {                                                              \
    if (!(c)) {                                                     \
      printf("FAIL line %d: %s (errno %d)\n", __LINE__, #c, errno); \
      ++failures;                                                   \
    }                                                               \
  } while (0)

static void describe_status(const char* what, int st) {
  if (WIFEXITED(st))
    printf("%s: exited %d\n", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st))
    printf("%s: signaled %d\n", what, WTERMSIG(st));
  else
    printf("%s: status 0x%x\n", what, st);
  fflush(stdout);
}

// ---- signals -------------------------------------------------------------------

static volatile int usr1_count;
static volatile int usr1_code, usr1_pid_ok, usr1_masked_self, usr1_masked_usr2;
static volatile uint32_t fp_magic, fp_size;

static void usr1_handler(int sig, siginfo_t* si, void* ctx) {
  ucontext_t* uc = ctx;
  ++usr1_count;
  usr1_code = si->si_code;
  usr1_pid_ok = si->si_pid == getpid() && si->si_signo == sig;
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  usr1_masked_self = sigismember(&cur, SIGUSR1);
  usr1_masked_usr2 = sigismember(&cur, SIGUSR2);
  const uint32_t* head = (const uint32_t*)uc->uc_mcontext.__reserved;
  fp_magic = head[0];
  fp_size = head[1];
}

static volatile uintptr_t segv_addr, segv_fault_address;
static volatile int segv_code;

static void segv_handler(int sig, siginfo_t* si, void* ctx) {
  ucontext_t* uc = ctx;
  (void)sig;
  segv_addr = (uintptr_t)si->si_addr;
  segv_code = si->si_code;
  segv_fault_address = uc->uc_mcontext.fault_address;
  uc->uc_mcontext.pc += 4;         // skip the faulting store
  uc->uc_mcontext.regs[1] = 4242;  // and hand a value back through x1
}

static char altstack[65536];
static volatile int alt_on_stack, alt_flags;

static void alt_handler(int sig) {
  (void)sig;
  char local;
  alt_on_stack = &local >= altstack && &local < altstack + sizeof(altstack);
  stack_t cur;
  sigaltstack(NULL, &cur);
  alt_flags = cur.ss_flags;
}

static volatile int plain_count, nodefer_masked;

static void plain_handler(int sig) {
  ++plain_count;
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  nodefer_masked = sigismember(&cur, sig);
}

static int run_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = usr1_handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGUSR2);
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("usr1: count %d code %d pid_ok %d masked self %d usr2 %d\n", usr1_count, usr1_code,
         usr1_pid_ok, usr1_masked_self, usr1_masked_usr2);
  printf("fpsimd record: magic 0x%x size %u\n", fp_magic, fp_size);
  kill(getpid(), SIGUSR1);
  printf("usr1 by kill: count %d code %d\n", usr1_count, usr1_code);
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("mask restored: usr1 %d usr2 %d\n", sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2));

  // Blocked: pending until unblocked, then delivered on the sigprocmask.
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigprocmask(SIG_BLOCK, &s, NULL);
  raise(SIGUSR1);
  sigset_t pend;
  sigpending(&pend);
  printf("blocked: count %d pending %d\n", usr1_count, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &s, NULL);
  printf("unblocked: count %d\n", usr1_count);

  // A fault: the handler sees the address and moves the PC past the store.
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = segv_handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  register uint64_t x0 __asm__("x0") = 0x10;
  register uint64_t x1 __asm__("x1") = 1;
  __asm__ volatile("str xzr, [x0]" : "+r"(x1) : "r"(x0) : "memory");
  printf("segv: addr 0x%lx fault_address 0x%lx code %d x1 %lu\n", (unsigned long)segv_addr,
         (unsigned long)segv_fault_address, segv_code, (unsigned long)x1);

  // SA_ONSTACK on an alternate stack.
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0};
  CHECK(sigaltstack(&ss, NULL) == 0);
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = alt_handler;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  stack_t old;
  sigaltstack(NULL, &old);
  printf("altstack: on %d flags in handler %d flags after %d\n", alt_on_stack, alt_flags,
         old.ss_flags);

  // SA_RESETHAND | SA_NODEFER.
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = plain_handler;
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigaction(SIGHUP, &sa, NULL);
  raise(SIGHUP);
  struct sigaction now;
  sigaction(SIGHUP, NULL, &now);
  printf("resethand: count %d masked %d now default %d\n", plain_count, nodefer_masked,
         now.sa_handler == SIG_DFL);

  // Ignored signals vanish; a default-fatal one ends a child.
  signal(SIGTERM, SIG_IGN);
  raise(SIGTERM);
  printf("ignored SIGTERM survived\n");
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGTERM, SIG_DFL);
    raise(SIGTERM);
    _exit(99);
  }
  int st;
  waitpid(pid, &st, 0);
  describe_status("child raise(SIGTERM)", st);
  pid = fork();
  if (pid == 0) {
    signal(SIGSEGV, SIG_DFL);
    *(volatile int*)8 = 1;
    _exit(98);
  }
  waitpid(pid, &st, 0);
  describe_status("child segv", st);
  printf("signals: %d failures\n", failures);
  return failures;
}

// ---- fork ------------------------------------------------------------------------

static volatile int chld_count;
static void chld_handler(int sig) {
  (void)sig;
  ++chld_count;
}
static volatile int child_usr1;
static void child_usr1_handler(int sig) {
  (void)sig;
  child_usr1 = 1;
}

static int run_fork(void) {
  // Pipe between parent and child; exit status through wait.
  int fds[2];
  CHECK(pipe(fds) == 0);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const char msg[] = "hello through the pipe";
    write(fds[1], msg, sizeof(msg));
    _exit(3);
  }
  close(fds[1]);
  char buf[64] = {0};
  ssize_t n = read(fds[0], buf, sizeof(buf));
  printf("read %zd: %s\n", n, buf);
  close(fds[0]);
  int st;
  struct rusage ru;
  CHECK(wait4(pid, &st, 0, &ru) == pid);
  describe_status("pipe child", st);

  // Copy-on-write: the child's writes stay in the child.
  static int shared_value = 1;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    shared_value = 2;
    _exit(shared_value);
  }
  waitpid(pid, &st, 0);
  printf("after child: value %d, child exit %d\n", shared_value, WEXITSTATUS(st));

  // SIGCHLD from the host, handled while waiting in sigsuspend.
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = chld_handler;
  sigaction(SIGCHLD, &sa, NULL);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  fflush(stdout);
  pid = fork();
  if (pid == 0) _exit(5);
  while (chld_count == 0) sigsuspend(&old);
  waitpid(pid, &st, 0);
  printf("sigchld: count %d, exit %d\n", chld_count, WEXITSTATUS(st));

  // A signal sent by the parent runs the child's handler.
  signal(SIGUSR1, child_usr1_handler);
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    while (!child_usr1) sigsuspend(&old);
    _exit(7);
  }
  CHECK(kill(pid, SIGUSR1) == 0);
  waitpid(pid, &st, 0);
  describe_status("child with SIGUSR1 handler", st);

  // A child killed by the parent.
  pid = fork();
  if (pid == 0) {
    sigprocmask(SIG_SETMASK, &old, NULL);
    for (;;) pause();
  }
  CHECK(kill(pid, SIGKILL) == 0);
  waitpid(pid, &st, 0);
  describe_status("killed child", st);
  sigprocmask(SIG_SETMASK, &old, NULL);

  // WNOHANG with nothing to wait for; ECHILD.
  CHECK(waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);

  // popen runs /bin/sh (a host program: passed to the host).
  FILE* f = popen("echo from the shell", "r");
  CHECK(f != NULL);
  if (f) {
    char line[64] = {0};
    fgets(line, sizeof(line), f);
    printf("popen: %s", line);
    printf("pclose: %d\n", pclose(f));
  }
  printf("fork: %d failures\n", failures);
  return failures;
}

// ---- exec ------------------------------------------------------------------------

static int run_and_wait(char* const argv[], const char* path) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    execve(path, argv, environ);
    _exit(120 + errno % 8);
  }
  int st;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 256 + WTERMSIG(st);
}

static int run_exec(const char* self, const char* tmpdir) {
  // execve of /proc/self/exe and of the path itself.
  char* args1[] = {"process_prog", "exit-with", "17", NULL};
  CHECK(run_and_wait(args1, "/proc/self/exe") == 17);
  char* args2[] = {"process_prog", "exit-with", "18", NULL};
  CHECK(run_and_wait(args2, self) == 18);

  // Close-on-exec: the child sees the plain fd only.
  int keep = open("/dev/null", O_RDONLY);
  int drop = open("/dev/null", O_RDONLY | O_CLOEXEC);
  char k[16], d[16];
  snprintf(k, sizeof(k), "%d", keep);
  snprintf(d, sizeof(d), "%d", drop);
  char* args3[] = {"process_prog", "check-fds", k, d, NULL};
  CHECK(run_and_wait(args3, "/proc/self/exe") == 0);
  close(keep);
  close(drop);

  // Handlers become SIG_DFL across exec; ignored signals stay ignored.
  signal(SIGUSR1, child_usr1_handler);
  signal(SIGUSR2, SIG_IGN);
  char* args4[] = {"process_prog", "check-dispositions", NULL};
  CHECK(run_and_wait(args4, "/proc/self/exe") == 0);
  signal(SIGUSR1, SIG_DFL);
  signal(SIGUSR2, SIG_DFL);

  // A "#!" script whose interpreter is this program.
  char script[512];
  snprintf(script, sizeof(script), "%s/script.sh", tmpdir);
  FILE* f = fopen(script, "w");
  CHECK(f != NULL);
  if (f) {
    fprintf(f, "#!%s  script-mode  \nbody\n", self);
    fclose(f);
    chmod(script, 0755);
    char* args5[] = {"ignored-argv0", "extra", NULL};
    CHECK(run_and_wait(args5, script) == 0);
  }

  // Errors reach the guest.
  char* args6[] = {"x", NULL};
  CHECK(execve("/nonexistent/program", args6, environ) == -1 && errno == ENOENT);
  CHECK(execve(tmpdir, args6, environ) == -1 && errno == EACCES);
  char notexec[512];
  snprintf(notexec, sizeof(notexec), "%s/data.bin", tmpdir);
  f = fopen(notexec, "w");
  if (f) {
    fputs("\x01\x02 not a program", f);
    fclose(f);
    chmod(notexec, 0755);
    CHECK(execve(notexec, args6, environ) == -1 && errno == ENOEXEC);
  }

  // posix_spawn (clone with CLONE_VM | CLONE_VFORK) of this program.
  pid_t pid;
  char* args7[] = {"process_prog", "exit-with", "19", NULL};
  CHECK(posix_spawn(&pid, "/proc/self/exe", NULL, NULL, args7, environ) == 0);
  int st;
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 19);

  printf("exec: %d failures\n", failures);
  return failures;
}

// Threads are not supported: clone(CLONE_VM | CLONE_THREAD ...) is -ENOSYS.
static int run_thread(void) {
  static char stack[16384] __attribute__((aligned(16)));
  const long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
  const long r = syscall(SYS_clone, flags, stack + sizeof(stack), NULL, NULL, NULL);
  if (r == 0) syscall(SYS_exit, 0);  // a real thread (on a real kernel) leaves at once
  printf("thread clone: %ld errno %s\n", r, r == -1 && errno == ENOSYS ? "ENOSYS" : "other");
  return r == -1 && errno == ENOSYS ? 0 : 1;
}

int main(int argc, char** argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc >= 3 && !strcmp(argv[1], "exit-with")) return atoi(argv[2]);
  if (argc >= 4 && !strcmp(argv[1], "check-fds")) {
    const int keep = atoi(argv[2]), drop = atoi(argv[3]);
    const int ok = fcntl(keep, F_GETFD) >= 0 && fcntl(drop, F_GETFD) == -1 && errno == EBADF;
    return ok ? 0 : 1;
  }
  if (argc >= 2 && !strcmp(argv[1], "check-dispositions")) {
    struct sigaction a, b;
    sigaction(SIGUSR1, NULL, &a);
    sigaction(SIGUSR2, NULL, &b);
    return a.sa_handler == SIG_DFL && b.sa_handler == SIG_IGN ? 0 : 1;
  }
  // Run as "#!" interpreter: argv = self, "script-mode", script path, extra.
  if (argc >= 2 && !strcmp(argv[1], "script-mode")) {
    const int ok = argc == 4 && strstr(argv[2], "script.sh") && !strcmp(argv[3], "extra");
    return ok ? 0 : 1;
  }
  if (argc >= 2 && !strcmp(argv[1], "signals")) return run_signals();
  if (argc >= 2 && !strcmp(argv[1], "fork")) return run_fork();
  if (argc >= 2 && !strcmp(argv[1], "thread")) return run_thread();
  if (argc >= 3 && !strcmp(argv[1], "exec")) return run_exec(argv[0], argv[2]);
  fprintf(stderr, "usage: process_prog signals|fork|thread|exec TMPDIR\n");
  return 2;
}
