/* A full disk for tests (issue 16: "a database on a full disk when the kiosk starts"), preloaded
 * with LD_PRELOAD. With TRAINER_TEST_DISK_FULL=DIR set, every write that would make a regular file
 * under DIR longer fails with ENOSPC, as on a full disk: rewriting bytes a file already has still
 * works, and so does creating an empty file (a full disk usually still has free inodes). Files
 * elsewhere (the screenshot, the text dump, the terminal) are written as usual.
 * With TRAINER_TEST_DISK_FULL_FLAG=FILE set too, the disk is full only while FILE exists: a test
 * fills the disk after the program started (`touch FILE`) and gives the space back (`rm FILE`).
 * Not built with the sanitizers: it only forwards to the next definition (ASan's interceptor or
 * libc), found with dlsym(RTLD_NEXT). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* True when fd is a regular file under $TRAINER_TEST_DISK_FULL that would grow past its size if
 * `count` bytes were written at `offset` (-1: the file position). */
static int would_grow(int fd, off_t offset, size_t count) {
    const char* dir = getenv("TRAINER_TEST_DISK_FULL");
    if (!dir || !*dir || count == 0) return 0;
    const char* flag = getenv("TRAINER_TEST_DISK_FULL_FLAG");
    if (flag && *flag && access(flag, F_OK) != 0) return 0;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = '\0';
    const size_t len = strlen(dir);
    if (strncmp(path, dir, len) != 0 || (path[len] != '/' && path[len] != '\0')) return 0;
    if (offset < 0) {
        if (fcntl(fd, F_GETFL) & O_APPEND) return 1;
        offset = lseek(fd, 0, SEEK_CUR);
        if (offset < 0) return 0;
    }
    return (off_t)(offset + (off_t)count) > st.st_size;
}

static size_t iov_bytes(const struct iovec* iov, int n) {
    size_t total = 0;
    for (int i = 0; i < n; ++i) total += iov[i].iov_len;
    return total;
}

/* The next definition of `name` (ISO C has no cast from dlsym's void* to a function pointer). */
#define NEXT(var, name)                           \
    __typeof__(&name) var;                        \
    do {                                          \
        void* found_ = dlsym(RTLD_NEXT, #name);   \
        memcpy(&var, &found_, sizeof var);        \
    } while (0)
#define REFUSE()       \
    do {               \
        errno = ENOSPC; \
        return -1;     \
    } while (0)

ssize_t write(int fd, const void* buf, size_t count) {
    if (would_grow(fd, -1, count)) REFUSE();
    NEXT(next, write);
    return next(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
    if (would_grow(fd, offset, count)) REFUSE();
    NEXT(next, pwrite);
    return next(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
    if (would_grow(fd, (off_t)offset, count)) REFUSE();
    NEXT(next, pwrite64);
    return next(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int n) {
    if (would_grow(fd, -1, iov_bytes(iov, n))) REFUSE();
    NEXT(next, writev);
    return next(fd, iov, n);
}

ssize_t pwritev(int fd, const struct iovec* iov, int n, off_t offset) {
    if (would_grow(fd, offset, iov_bytes(iov, n))) REFUSE();
    NEXT(next, pwritev);
    return next(fd, iov, n, offset);
}

int fallocate(int fd, int mode, off_t offset, off_t len) {
    if (len > 0 && would_grow(fd, offset, (size_t)len)) REFUSE();
    NEXT(next, fallocate);
    return next(fd, mode, offset, len);
}

int posix_fallocate(int fd, off_t offset, off_t len) {
    /* posix_fallocate returns the error instead of setting errno */
    if (len > 0 && would_grow(fd, offset, (size_t)len)) return ENOSPC;
    NEXT(next, posix_fallocate);
    return next(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len) {
    if (len > 0 && would_grow(fd, (off_t)offset, (size_t)len)) return ENOSPC;
    NEXT(next, posix_fallocate64);
    return next(fd, offset, len);
}
