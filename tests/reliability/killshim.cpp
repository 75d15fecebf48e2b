// SPDX-License-Identifier: GPL-3.0-or-later
// Preloaded into a saving process: SIGKILLs it just before its K-th file-system change.
//
// SCNN_KILL_AT_STEP=K counts every call that changes files (open for writing,
// write, fsync, mkdir, mkdtemp, rename, link, unlink, remove, rmdir, chmod) and, at
// the K-th, kills the process for real with SIGKILL before the call runs.
// SCNN_KILL_NO_EXCHANGE=1 makes renameat2(RENAME_EXCHANGE) fail with EINVAL,
// as on a file system without it, so the two-rename fallback runs.
// SCNN_KILL_TRACE prints each counted call to stderr.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace {

long g_step = 0;

void step(const char* what)
{
    static const long killAt = [] {
        const char* v = std::getenv("SCNN_KILL_AT_STEP");
        return v ? std::atol(v) : 0L;
    }();
    static const bool trace = std::getenv("SCNN_KILL_TRACE") != nullptr;
    if (killAt <= 0)
        return;
    ++g_step;
    if (trace)
        std::fprintf(stderr, "step %ld: %s\n", g_step, what);
    if (g_step == killAt)
        ::kill(::getpid(), SIGKILL);
}

template<typename F>
F real(const char* name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

/// The mode argument an open() call carries only when it may create a file.
mode_t modeArg(int flags, va_list ap)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? mode_t(va_arg(ap, int)) : 0;
}

/// An open for writing changes the file system; one for reading does not.
void countOpen(const char* what, int flags)
{
    if (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC))
        step(what);
}

} // namespace

extern "C" {

int open(const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    countOpen("open", flags);
    static auto f = real<int (*)(const char*, int, ...)>("open");
    return f(path, flags, mode);
}

int open64(const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    countOpen("open64", flags);
    static auto f = real<int (*)(const char*, int, ...)>("open64");
    return f(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    countOpen("openat", flags);
    static auto f = real<int (*)(int, const char*, int, ...)>("openat");
    return f(dirfd, path, flags, mode);
}

ssize_t write(int fd, const void* buf, size_t n)
{
    if (fd > 2)
        step("write");
    static auto f = real<ssize_t (*)(int, const void*, size_t)>("write");
    return f(fd, buf, n);
}

int fsync(int fd)
{
    step("fsync");
    static auto f = real<int (*)(int)>("fsync");
    return f(fd);
}

int mkdir(const char* path, mode_t mode)
{
    step("mkdir");
    static auto f = real<int (*)(const char*, mode_t)>("mkdir");
    return f(path, mode);
}

int mkdirat(int dirfd, const char* path, mode_t mode)
{
    step("mkdirat");
    static auto f = real<int (*)(int, const char*, mode_t)>("mkdirat");
    return f(dirfd, path, mode);
}

char* mkdtemp(char* tmpl)
{
    step("mkdtemp");
    static auto f = real<char* (*)(char*)>("mkdtemp");
    return f(tmpl);
}

int rename(const char* from, const char* to)
{
    step("rename");
    static auto f = real<int (*)(const char*, const char*)>("rename");
    return f(from, to);
}

int renameat(int fromDir, const char* from, int toDir, const char* to)
{
    step("renameat");
    static auto f = real<int (*)(int, const char*, int, const char*)>("renameat");
    return f(fromDir, from, toDir, to);
}

int renameat2(int fromDir, const char* from, int toDir, const char* to, unsigned int flags)
{
    step("renameat2");
    const char* noExchange = std::getenv("SCNN_KILL_NO_EXCHANGE");
    if ((flags & RENAME_EXCHANGE) && noExchange && *noExchange == '1') {
        errno = EINVAL;
        return -1;
    }
    static auto f = real<int (*)(int, const char*, int, const char*, unsigned int)>("renameat2");
    return f(fromDir, from, toDir, to, flags);
}

int link(const char* from, const char* to)
{
    step("link");
    static auto f = real<int (*)(const char*, const char*)>("link");
    return f(from, to);
}

int linkat(int fromDir, const char* from, int toDir, const char* to, int flags)
{
    step("linkat");
    static auto f = real<int (*)(int, const char*, int, const char*, int)>("linkat");
    return f(fromDir, from, toDir, to, flags);
}

int unlink(const char* path)
{
    step("unlink");
    static auto f = real<int (*)(const char*)>("unlink");
    return f(path);
}

int unlinkat(int dirfd, const char* path, int flags)
{
    step("unlinkat");
    static auto f = real<int (*)(int, const char*, int)>("unlinkat");
    return f(dirfd, path, flags);
}

int remove(const char* path)
{
    step("remove");
    static auto f = real<int (*)(const char*)>("remove");
    return f(path);
}

int rmdir(const char* path)
{
    step("rmdir");
    static auto f = real<int (*)(const char*)>("rmdir");
    return f(path);
}

int chmod(const char* path, mode_t mode)
{
    step("chmod");
    static auto f = real<int (*)(const char*, mode_t)>("chmod");
    return f(path, mode);
}

} // extern "C"
