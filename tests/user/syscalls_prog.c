// Self-checking test of the user-mode syscall emulation; prints one line per
// failed check and exits with the number of failures. Built static.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int failures;
#define CHECK(c)                                                  \
  do {                                                            \
    if (!(c)) {                                                   \
      printf("FAIL line %d: %s (errno %d)\n", __LINE__, #c, errno); \
      ++failures;                                                 \
    }                                                             \
  } while (0)

int main(int argc, char** argv) {
  if (argc > 1 && !strcmp(argv[1], "print-entropy")) {
    // Deterministic unless the seed changes.
    uint64_t r;
    getrandom(&r, sizeof(r), 0);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    printf("%016llx %lld\n", (unsigned long long)r, (long long)ts.tv_sec);
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "print-env")) {
    extern char** environ;
    for (char** e = environ; *e; ++e) puts(*e);
    return 0;
  }
  const char* dir = argc > 1 ? argv[1] : "/tmp";
  char path[4096];
  snprintf(path, sizeof(path), "%s/a64sim_syscalls_%d", dir, getpid());

  // Files.
  int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
  CHECK(fd >= 0);
  CHECK(write(fd, "hello world", 11) == 11);
  CHECK(lseek(fd, 6, SEEK_SET) == 6);
  char buf[64] = {0};
  CHECK(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "world", 5));
  CHECK(pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5));
  struct stat st;
  CHECK(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode) && st.st_nlink == 1);
  CHECK(stat(path, &st) == 0 && st.st_size == 11 && (st.st_mode & 0777) == 0600);
  CHECK(ftruncate(fd, 3) == 0 && fstat(fd, &st) == 0 && st.st_size == 3);
  CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
  CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND));
  int fd2 = dup(fd);
  CHECK(fd2 > fd && close(fd2) == 0);
  CHECK(close(fd) == 0);
  CHECK(read(fd, buf, 1) == -1 && errno == EBADF);
  // O_DIRECTORY differs between arm64 and x86-64.
  CHECK(open(path, O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR);
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  CHECK(dfd >= 0);
  close(dfd);
  CHECK(access(path, R_OK) == 0);
  char link[4200];
  snprintf(link, sizeof(link), "%s.lnk", path);
  CHECK(symlink(path, link) == 0);
  ssize_t n = readlink(link, buf, sizeof(buf));
  CHECK(n == (ssize_t)strlen(path) || n == (ssize_t)sizeof(buf));
  CHECK(unlink(link) == 0 && unlink(path) == 0);
  CHECK(stat(path, &st) == -1 && errno == ENOENT);
  CHECK(readlink("/proc/self/exe", buf, sizeof(buf)) > 0);
  // Directories.
  DIR* d = opendir(dir);
  CHECK(d != NULL);
  int entries = 0;
  while (d && readdir(d)) ++entries;
  CHECK(entries >= 2);
  if (d) closedir(d);
  CHECK(getcwd(path, sizeof(path)) != NULL);
  CHECK(getcwd(buf, 1) == NULL && errno == ERANGE);
  // Pipes.
  int p[2];
  CHECK(pipe2(p, O_CLOEXEC) == 0);
  CHECK(write(p[1], "xy", 2) == 2 && read(p[0], buf, 2) == 2 && buf[1] == 'y');
  close(p[0]);
  close(p[1]);
  // Bad pointers give EFAULT, not a crash.
  CHECK(syscall(SYS_write, 1, (void*)16, 4) == -1 && errno == EFAULT);
  CHECK(syscall(SYS_uname, (void*)8) == -1 && errno == EFAULT);

  // Memory.
  char* m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(m != MAP_FAILED);
  m[0] = 1;
  m[8191] = 2;
  CHECK(madvise(m, 8192, MADV_DONTNEED) == 0 && m[0] == 0 && m[8191] == 0);
  m[4096] = 5;
  char* m2 = mremap(m, 3 * 4096, 64 * 4096, MREMAP_MAYMOVE);
  CHECK(m2 != MAP_FAILED && m2[4096] == 5 && m2[63 * 4096] == 0);
  CHECK(mprotect(m2, 4096, PROT_READ) == 0);
  CHECK(munmap(m2, 64 * 4096) == 0);
  char* fixed = mmap((void*)0x200000000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  CHECK(fixed == (void*)0x200000000);
  CHECK(mmap(fixed, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) ==
            MAP_FAILED && errno == EEXIST);
  int efd = open("/proc/self/exe", O_RDONLY);
  CHECK(efd >= 0);
  unsigned char* fm = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, efd, 0);
  CHECK(fm != MAP_FAILED && fm[0] == 0x7f && fm[1] == 'E' && fm[2] == 'L' && fm[3] == 'F');
  CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, efd, 1) == MAP_FAILED && errno == EINVAL);
  CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF);
  close(efd);
  void* b0 = sbrk(0);
  CHECK(sbrk(100000) == b0 && sbrk(0) == (char*)b0 + 100000);
  ((char*)b0)[99999] = 1;
  char* big = malloc(10 << 20);
  CHECK(big != NULL);
  memset(big, 7, 10 << 20);
  free(big);

  // Time, identity, limits.
  struct timespec t1, t2;
  CHECK(clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
  struct timespec req = {0, 5000000};
  CHECK(nanosleep(&req, NULL) == 0);
  CHECK(clock_gettime(CLOCK_MONOTONIC, &t2) == 0);
  CHECK((t2.tv_sec - t1.tv_sec) * 1000000000LL + t2.tv_nsec - t1.tv_nsec >= 5000000);
  struct timeval tv;
  CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec > 1700000000);
  struct utsname u;
  CHECK(uname(&u) == 0 && !strcmp(u.machine, "aarch64"));
  CHECK(getpid() == syscall(SYS_gettid));
  struct rlimit rl;
  CHECK(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur == 8 << 20);
  CHECK(getrlimit(99, &rl) == -1 && errno == EINVAL);
  cpu_set_t cs;
  CHECK(sched_getaffinity(0, sizeof(cs), &cs) == 0 && CPU_COUNT(&cs) >= 1);
  sigset_t ss;
  sigemptyset(&ss);
  sigaddset(&ss, SIGUSR1);
  CHECK(sigprocmask(SIG_BLOCK, &ss, NULL) == 0);
  CHECK(raise(SIGUSR1) == 0);  // stays pending while blocked
  CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR && raise(SIGUSR2) == 0);
  CHECK(kill(0x3ffffff0, 0) == -1 && errno == ESRCH);  // no such process

  printf("%d failures\n", failures);
  return failures;
}
