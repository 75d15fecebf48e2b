// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs a script interpreter as a child process group.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace scnn::hardware::pynn {

/**
 * @brief A child process in its own process group, with its output read line by line.
 *
 * The child gets its own process group, so cancelling ends it and every
 * process it started (a simulator's compiler, a toolchain's helpers). The
 * caller's thread blocks in run(), polling the output pipes every 20 ms,
 * so a stop request is honoured within that time plus the kill.
 *
 * @code
 * PynnProcess::Spec spec{"/usr/bin/python3", {"run_phase.py", "out"}, runDir, {{"PYTHONUNBUFFERED", "1"}}};
 * auto outcome = PynnProcess::run(spec, [](const std::string& line, bool err) { log(line); },
 *                                 [&] { return cancel.load(); });
 * @endcode
 */
class PynnProcess
{
public:
    struct Spec
    {
        std::string program;                 ///< Path, or a name looked up on PATH
        std::vector<std::string> args;       ///< Arguments after the program name
        std::filesystem::path workingDir;    ///< Empty: the caller's
        std::vector<std::pair<std::string, std::string>> env; ///< Added to (or replacing in) the caller's environment
        double timeoutSeconds = 0.0;         ///< 0: no limit
    };

    struct Outcome
    {
        int exitStatus = -1;   ///< Exit status when the process exited, else -1
        int signal = 0;        ///< Signal that ended it, else 0
        bool timedOut = false; ///< Killed because timeoutSeconds passed
        bool stopped = false;  ///< Killed because shouldStop() returned true
        std::vector<std::string> stderrTail; ///< Last lines written to stderr (at most 40)
    };

    using LineHandler = std::function<void(const std::string& line, bool fromStderr)>;

    /// Starts `spec` and waits for it. Throws model::Error when it cannot be started
    /// (the message says whether the program was not found or is not executable).
    static Outcome run(const Spec& spec, const LineHandler& onLine, const std::function<bool()>& shouldStop);
};

/**
 * @brief One Python interpreter kept running for several scripts, so the
 * interpreter start and the simulator import (several seconds for PyNN and
 * Brian 2) are paid once instead of once per script.
 *
 * Each script runs as `python SCRIPT ARGS…` would (runpy, `__main__`, its
 * own namespace, sys.argv, working folder); its exit status is what it
 * passed to sys.exit (1 and a traceback on stderr for an exception). After
 * each script PyNN's simulator state is cleared. The scripts are the same
 * ones PynnProcess runs, so the results are the same. The interpreter is
 * started again after `maxScripts` scripts (bounding what the simulator
 * keeps alive between them), after a cancel or a timeout (the process group
 * is killed, as PynnProcess does), and when it died.
 */
class PynnServer
{
public:
    /// `spec.program` is the interpreter, `spec.args` its options (before the
    /// driver), `spec.env` its environment (workingDir is not used); `preload` is imported once at start
    /// (e.g. "pyNN.brian2"); a failing import is left for the scripts to report.
    PynnServer(PynnProcess::Spec spec, std::string preload, int maxScripts = 25);
    ~PynnServer();
    PynnServer(const PynnServer&) = delete;
    PynnServer& operator=(const PynnServer&) = delete;

    /// Runs one script; outcome and errors as PynnProcess::run.
    PynnProcess::Outcome run(const std::filesystem::path& script, const std::vector<std::string>& args,
                             const std::filesystem::path& workingDir, double timeoutSeconds,
                             const PynnProcess::LineHandler& onLine, const std::function<bool()>& shouldStop);

    /// Interpreters started so far.
    int starts() const;
    /// Ends the interpreter (its process group).
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace scnn::hardware::pynn
