// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs a script interpreter as a child process group.
#pragma once

#include <filesystem>
#include <functional>
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

} // namespace scnn::hardware::pynn
