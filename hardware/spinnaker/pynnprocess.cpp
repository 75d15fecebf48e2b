// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs a script interpreter as a child process group.
#include "hardware/spinnaker/pynnprocess.h"

#include "model/error.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <nlohmann/json.hpp>
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
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(Fd&& o) noexcept : fd(o.fd) { o.fd = -1; }
    Fd& operator=(Fd&& o) noexcept
    {
        if (this != &o) {
            close();
            fd = o.fd;
            o.fd = -1;
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
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

/// A started child in its own process group, with its pipes.
struct Child
{
    pid_t pid = -1;
    Fd out, err, in; ///< Read ends of stdout/stderr; write end of stdin (when asked for)
};

/// Starts `spec` in its own process group (stdin from /dev/null unless `withStdin`).
/// Throws model::Error saying why it could not start.
Child spawnChild(const PynnProcess::Spec& spec, bool withStdin)
{
    int outPipe[2];
    int errPipe[2];
    int inPipe[2] = {-1, -1};
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        throw model::Error(std::string("cannot create a pipe: ") + std::strerror(errno), spec.program);
    Fd outRead{outPipe[0]}, outWrite{outPipe[1]};
    if (::pipe2(errPipe, O_CLOEXEC) != 0)
        throw model::Error(std::string("cannot create a pipe: ") + std::strerror(errno), spec.program);
    Fd errRead{errPipe[0]}, errWrite{errPipe[1]};
    if (withStdin && ::pipe2(inPipe, O_CLOEXEC) != 0)
        throw model::Error(std::string("cannot create a pipe: ") + std::strerror(errno), spec.program);
    Fd inRead{inPipe[0]}, inWrite{inPipe[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outWrite.fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errWrite.fd, STDERR_FILENO);
    if (withStdin)
        posix_spawn_file_actions_adddup2(&actions, inRead.fd, STDIN_FILENO);
    else
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
    ::fcntl(outRead.fd, F_SETFL, ::fcntl(outRead.fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(errRead.fd, F_SETFL, ::fcntl(errRead.fd, F_GETFL) | O_NONBLOCK);
    Child c;
    c.pid = pid;
    c.out = std::move(outRead);
    c.err = std::move(errRead);
    c.in = std::move(inWrite);
    return c;
}

} // namespace

PynnProcess::Outcome PynnProcess::run(const Spec& spec, const LineHandler& onLine,
                                      const std::function<bool()>& shouldStop)
{
    Child child = spawnChild(spec, false);
    const pid_t pid = child.pid;
    Fd& outRead = child.out;
    Fd& errRead = child.err;

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

// ------------------------------------------------------------------ PynnServer

namespace {

constexpr const char* kDoneMark = "\x1e" "scnn-server-done ";

/// The interpreter's side: runs one script per request line (a JSON list
/// [script, working folder, args...]) and ends each with the mark and its status.
constexpr const char* kDriver = R"PY(import gc, json, os, runpy, sys, traceback
MARK = "\x1e" "scnn-server-done"
PRELOAD = sys.argv[1] if len(sys.argv) > 1 else ""
if PRELOAD:
    try:
        __import__(PRELOAD)
    except Exception:
        pass


def brian2_objects():
    """Brian 2's named objects (ids), to rename what a script leaves alive."""
    names = sys.modules.get("brian2.core.names")
    if names is None:
        return []
    return [r() for r in names.Nameable.__instances__() if r() is not None]


KEEP = set(id(o) for o in brian2_objects())
count = 0
for line in sys.stdin:
    request = json.loads(line)
    script, folder, args = request[0], request[1], request[2:]
    status = 0
    try:
        os.chdir(folder)
        sys.argv = [script] + args
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        status = 0 if e.code is None else (e.code if isinstance(e.code, int) else 1)
        if not isinstance(e.code, (int, type(None))):
            sys.stderr.write("%s\n" % e.code)
    except BaseException:
        traceback.print_exc()
        status = 1
    simulator = sys.modules.get(PRELOAD + ".simulator") if PRELOAD else None
    try:
        if simulator is not None:
            simulator.state.clear()
    except Exception:
        pass
    gc.collect()
    # Objects a script leaves alive would push the next script's Brian 2 names
    # to neurongroup_1, _2 ..., and new names mean new generated code, compiled
    # again; renaming them keeps the names (and the compiled code) the same.
    count += 1
    try:
        for o in brian2_objects():
            if id(o) not in KEEP and not o._name.startswith("scnn_stale_"):
                o._name = "scnn_stale_%d_%s" % (count, o._name)
    except Exception:
        pass
    sys.stderr.flush()
    sys.stdout.write("%s %d\n" % (MARK, status))
    sys.stdout.flush()
)PY";

} // namespace

struct PynnServer::Impl
{
    PynnProcess::Spec spec;
    std::string preload;
    int maxScripts = 25;
    Child child;
    bool running = false;
    int scripts = 0;
    int starts = 0;

    void kill()
    {
        if (!running)
            return;
        ::kill(-child.pid, SIGKILL);
        int status = 0;
        while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
        }
        child = Child{};
        running = false;
    }

    void start()
    {
        PynnProcess::Spec s = spec;
        s.args.insert(s.args.end(), {"-u", "-c", kDriver});
        if (!preload.empty())
            s.args.push_back(preload);
        s.workingDir.clear();
        child = spawnChild(s, true);
        running = true;
        scripts = 0;
        ++starts;
    }
};

PynnServer::PynnServer(PynnProcess::Spec spec, std::string preload, int maxScripts) : m_impl(std::make_unique<Impl>())
{
    m_impl->spec = std::move(spec);
    m_impl->preload = std::move(preload);
    m_impl->maxScripts = std::max(1, maxScripts);
}

PynnServer::~PynnServer()
{
    stop();
}

int PynnServer::starts() const
{
    return m_impl->starts;
}

void PynnServer::stop()
{
    m_impl->kill();
}

PynnProcess::Outcome PynnServer::run(const std::filesystem::path& script, const std::vector<std::string>& args,
                                     const std::filesystem::path& workingDir, double timeoutSeconds,
                                     const PynnProcess::LineHandler& onLine,
                                     const std::function<bool()>& shouldStop)
{
    Impl& m = *m_impl;
    if (m.running && m.scripts >= m.maxScripts)
        m.kill();
    if (m.running) {
        int status = 0;
        if (::waitpid(m.child.pid, &status, WNOHANG) == m.child.pid) { // died in between
            m.child = Child{};
            m.running = false;
        }
    }
    if (!m.running)
        m.start();
    ++m.scripts;

    nlohmann::json request = nlohmann::json::array({script.string(), workingDir.string()});
    for (const std::string& a : args)
        request.push_back(a);
    const std::string line = request.dump() + "\n";
    for (std::size_t done = 0; done < line.size();) {
        const ssize_t n = ::write(m.child.in.fd, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m.kill();
            throw model::Error("the interpreter ended before it took the script", m.spec.program);
        }
        done += std::size_t(n);
    }

    PynnProcess::Outcome outcome;
    std::deque<std::string> tail;
    LineSplitter outSplit, errSplit;
    errSplit.fromStderr = true;
    errSplit.tail = &tail;
    bool finished = false;
    const std::string mark(kDoneMark);
    const PynnProcess::LineHandler onOut = [&](const std::string& l, bool fromStderr) {
        if (!fromStderr && l.rfind(mark, 0) == 0) {
            outcome.exitStatus = std::atoi(l.c_str() + mark.size());
            finished = true;
            return;
        }
        if (onLine)
            onLine(l, fromStderr);
    };
    const auto start = std::chrono::steady_clock::now();
    try {
        while (!finished) {
            pollfd fds[2] = {{m.child.out.fd, POLLIN, 0}, {m.child.err.fd, POLLIN, 0}};
            ::poll(fds, 2, kPollMs);
            const bool outOpen = m.child.out.fd >= 0 && drain(m.child.out, outSplit, onOut);
            if (m.child.err.fd >= 0)
                drain(m.child.err, errSplit, onOut);
            if (finished)
                break;
            if (!outOpen) { // the interpreter ended without finishing the script
                int status = 0;
                while (::waitpid(m.child.pid, &status, 0) < 0 && errno == EINTR) {
                }
                if (m.child.err.fd >= 0)
                    drain(m.child.err, errSplit, onOut);
                ::kill(-m.child.pid, SIGKILL);
                if (WIFEXITED(status))
                    outcome.exitStatus = WEXITSTATUS(status);
                else if (WIFSIGNALED(status))
                    outcome.signal = WTERMSIG(status);
                m.child = Child{};
                m.running = false;
                break;
            }
            if (shouldStop && shouldStop()) {
                outcome.stopped = true;
                m.kill();
                break;
            }
            if (timeoutSeconds > 0 &&
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeoutSeconds) {
                outcome.timedOut = true;
                m.kill();
                break;
            }
        }
        if (finished && m.child.err.fd >= 0)
            drain(m.child.err, errSplit, onOut); // stderr was flushed before the mark
    } catch (...) {
        m.kill();
        throw;
    }
    // Partial lines belong to this script.
    if (!errSplit.pending.empty())
        errSplit.finish(onOut);
    if (!outSplit.pending.empty())
        outSplit.finish(onOut);
    outcome.stderrTail.assign(tail.begin(), tail.end());
    return outcome;
}

} // namespace scnn::hardware::pynn
