// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs a script interpreter as a child process group.
#include "hardware/spinnaker/pynnprocess.h"

#include "model/error.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace scnn::hardware::pynn {

namespace {

constexpr std::size_t kTailLines = 40;
constexpr int kPollMs = 20;

/// Closes a descriptor once.
struct Fd
{
    int fd = -1;
    ~Fd() { close(); }
    void close()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

/// Splits a byte stream into lines.
struct LineSplitter
{
    std::string pending;
    bool fromStderr = false;
    std::deque<std::string>* tail = nullptr;

    void feed(const char* data, std::size_t n, const PynnProcess::LineHandler& onLine)
    {
        pending.append(data, n);
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
            emit(pending.substr(start, nl - start), onLine);
        pending.erase(0, start);
    }
    void finish(const PynnProcess::LineHandler& onLine)
    {
        if (!pending.empty())
            emit(pending, onLine);
        pending.clear();
    }
    void emit(std::string line, const PynnProcess::LineHandler& onLine)
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (tail) {
            tail->push_back(line);
            if (tail->size() > kTailLines)
                tail->pop_front();
        }
        if (onLine)
            onLine(line, fromStderr);
    }
};

/// Reads what is available; returns false at end of file.
bool drain(Fd& fd, LineSplitter& split, const PynnProcess::LineHandler& onLine)
{
    char buf[8192];
    for (;;) {
        const ssize_t n = ::read(fd.fd, buf, sizeof buf);
        if (n > 0) {
            split.feed(buf, std::size_t(n), onLine);
            continue;
        }
        if (n == 0) {
            split.finish(onLine);
            fd.close();
            return false;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return true;
        split.finish(onLine);
        fd.close();
        return false;
    }
}

std::vector<std::string> mergedEnvironment(const std::vector<std::pair<std::string, std::string>>& extra)
{
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry(*e);
        const std::string key = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const auto& [k, v] : extra)
            replaced = replaced || k == key;
        if (!replaced)
            env.push_back(entry);
    }
    for (const auto& [k, v] : extra)
        env.push_back(k + "=" + v);
    return env;
}

} // namespace

PynnProcess::Outcome PynnProcess::run(const Spec& spec, const LineHandler& onLine,
                                      const std::function<bool()>& shouldStop)
{
    int outPipe[2];
    int errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        throw model::Error(std::string("cannot create a pipe: ") + std::strerror(errno), spec.program);
    Fd outRead{outPipe[0]}, outWrite{outPipe[1]};
    if (::pipe2(errPipe, O_CLOEXEC) != 0)
        throw model::Error(std::string("cannot create a pipe: ") + std::strerror(errno), spec.program);
    Fd errRead{errPipe[0]}, errWrite{errPipe[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outWrite.fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errWrite.fd, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    const std::string dir = spec.workingDir.string();
    if (!dir.empty())
        posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0); // its own process group: cancel ends it and its children
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> argStore;
    argStore.push_back(spec.program);
    argStore.insert(argStore.end(), spec.args.begin(), spec.args.end());
    std::vector<char*> argv;
    for (std::string& a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStore = mergedEnvironment(spec.env);
    std::vector<char*> envp;
    for (std::string& e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const bool onPath = spec.program.find('/') == std::string::npos;
    const int rc = onPath ? posix_spawnp(&pid, spec.program.c_str(), &actions, &attr, argv.data(), envp.data())
                          : posix_spawn(&pid, spec.program.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        if (rc == ENOENT && !dir.empty() && !std::filesystem::is_directory(spec.workingDir))
            throw model::Error("the working folder does not exist", dir);
        if (rc == ENOENT)
            throw model::Error(onPath ? "not found on PATH" : "no such program", spec.program);
        if (rc == EACCES)
            throw model::Error("is not executable (permission denied)", spec.program);
        throw model::Error(std::string("cannot be started: ") + std::strerror(rc), spec.program);
    }
    outWrite.close();
    errWrite.close();
    ::fcntl(outRead.fd, F_SETFL, ::fcntl(outRead.fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(errRead.fd, F_SETFL, ::fcntl(errRead.fd, F_GETFL) | O_NONBLOCK);

    Outcome outcome;
    std::deque<std::string> tail;
    LineSplitter outSplit, errSplit;
    errSplit.fromStderr = true;
    errSplit.tail = &tail;

    const auto start = std::chrono::steady_clock::now();
    bool exited = false;
    int status = 0;
    auto killGroup = [&] {
        ::kill(-pid, SIGKILL);
        if (!exited) {
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            exited = true;
        }
    };
    try {
        for (;;) {
            pollfd fds[2];
            int n = 0;
            if (outRead.fd >= 0)
                fds[n++] = {outRead.fd, POLLIN, 0};
            if (errRead.fd >= 0)
                fds[n++] = {errRead.fd, POLLIN, 0};
            if (n > 0)
                ::poll(fds, nfds_t(n), kPollMs);
            if (outRead.fd >= 0)
                drain(outRead, outSplit, onLine);
            if (errRead.fd >= 0)
                drain(errRead, errSplit, onLine);

            if (!exited) {
                const pid_t w = ::waitpid(pid, &status, WNOHANG);
                exited = w == pid;
            }
            if (exited) {
                // Whatever is still buffered in the pipes has been written already.
                if (outRead.fd >= 0)
                    drain(outRead, outSplit, onLine);
                if (errRead.fd >= 0)
                    drain(errRead, errSplit, onLine);
                if (outRead.fd >= 0 || errRead.fd >= 0)
                    ::kill(-pid, SIGKILL); // children left behind hold the pipes open
                break;
            }
            if (n == 0)
                ::usleep(kPollMs * 1000);
            if (shouldStop && shouldStop()) {
                outcome.stopped = true;
                killGroup();
                break;
            }
            if (spec.timeoutSeconds > 0 &&
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
                    spec.timeoutSeconds) {
                outcome.timedOut = true;
                killGroup();
                break;
            }
        }
    } catch (...) {
        killGroup(); // a line handler threw: never leave the child running
        throw;
    }
    outSplit.finish(onLine);
    errSplit.finish(onLine);
    if (WIFEXITED(status))
        outcome.exitStatus = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    outcome.stderrTail.assign(tail.begin(), tail.end());
    return outcome;
}

} // namespace scnn::hardware::pynn
