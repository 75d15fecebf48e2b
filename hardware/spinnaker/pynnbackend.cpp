// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs phases through generated PyNN scripts.
#include "hardware/spinnaker/pynnbackend.h"

#include "hardware/spinnaker/pynnprocess.h"
#include "model/error.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace scnn::hardware {

namespace {

std::string installHint(PynnTarget t)
{
    switch (t) {
    case PynnTarget::Brian2:
        return "install Brian 2 for that interpreter (Debian: apt install python3-brian; pip: pip install brian2)";
    case PynnTarget::Nest:
        return "install NEST with its Python module for that interpreter (Debian 12 has no package; "
               "see the NEST installation guide)";
    case PynnTarget::Spinnaker:
        return "install sPyNNaker for that interpreter (pip install sPyNNaker, then "
               "python -m spynnaker.pyNN.setup_pynn)";
    }
    return {};
}

/// The last `n` non-empty lines, joined.
std::string lastLines(const std::vector<std::string>& lines, std::size_t n)
{
    std::vector<std::string> kept;
    for (auto it = lines.rbegin(); it != lines.rend() && kept.size() < n; ++it)
        if (it->find_first_not_of(" \t") != std::string::npos)
            kept.push_back(*it);
    std::string s;
    for (auto it = kept.rbegin(); it != kept.rend(); ++it)
        s += (s.empty() ? "" : "\n") + *it;
    return s;
}

/// "error: ..." line written by the script's fail(), or the last line.
std::string scriptMessage(const std::vector<std::string>& lines)
{
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (it->rfind("error: ", 0) == 0)
            return it->substr(7);
    return lastLines(lines, 1);
}

/// Progress lines the script prints: "progress DONE/TOTAL ms".
bool parseProgress(const std::string& line, double& done, double& total)
{
    if (line.rfind("progress ", 0) != 0)
        return false;
    char* end = nullptr;
    done = std::strtod(line.c_str() + 9, &end);
    if (!end || *end != '/')
        return false;
    total = std::strtod(end + 1, &end);
    return end && std::strncmp(end, " ms", 3) == 0;
}

std::string machineText(const SpinnakerSettings& s)
{
    if (!s.boardHost.empty())
        return "board " + s.boardHost;
    if (!s.spallocServer.empty())
        return "spalloc server " + s.spallocServer + ":" + std::to_string(s.spallocPort);
    return "virtual board";
}

} // namespace

PynnBackend::PynnBackend(PynnBackendOptions options) : m_options(std::move(options)) {}

PynnBackend::~PynnBackend() = default;

std::string PynnBackend::name() const
{
    return "pynn:" + std::string(toString(m_options.script.target));
}

void PynnBackend::log(const std::string& line) const
{
    if (m_options.log)
        m_options.log(line);
}

std::filesystem::path PynnBackend::makeRunFolder() const
{
    std::error_code ec;
    std::filesystem::path root = m_options.runRoot.empty() ? std::filesystem::temp_directory_path(ec) : m_options.runRoot;
    if (ec)
        throw model::Error("no temporary folder for the PyNN run: " + ec.message());
    std::filesystem::create_directories(root, ec);
    if (ec)
        throw model::Error("cannot create the folder for PyNN runs: " + ec.message(), root.string());
    std::string pattern = (root / "pynn-run-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw model::Error(std::string("cannot create a run folder: ") + std::strerror(errno), root.string());
    return pattern;
}

void PynnBackend::ensureUserSpynnakerCfg() const
{
    const char* home = std::getenv("HOME");
    if (!home || !*home)
        return;
    const std::filesystem::path user = std::filesystem::path(home) / ".spynnaker.cfg";
    std::error_code ec;
    if (std::filesystem::exists(user, ec))
        return;
    writeSpynnakerCfg(user, m_options.script.spinnaker);
    log("wrote " + user.string() + " from the SpiNNaker settings (sPyNNaker stops on its first run without one)");
}

PhaseResult PynnBackend::run(const PhaseDescription& phase, const RunControl& control)
{
    const auto started = std::chrono::steady_clock::now();
    const PynnTarget target = m_options.script.target;
    const PynnScriptGenerator generator(m_options.script);
    const PynnScript script = generator.generate(phase); // model::Error for what PyNN cannot express
    if (control.cancelled())
        throw model::Cancelled();

    const std::filesystem::path folder = makeRunFolder();
    m_lastRunFolder = folder;
    const std::filesystem::path scriptPath = script.writeTo(folder);
    const std::filesystem::path results = folder / "results";
    if (target == PynnTarget::Spinnaker && m_options.writeUserSpynnakerCfg)
        ensureUserSpynnakerCfg();
    log("running " + scriptPath.string() + " with " + m_options.python);

    pynn::PynnProcess::Spec spec;
    spec.program = m_options.python;
    spec.args = m_options.pythonArgs;
    spec.args.push_back(scriptPath.string());
    spec.args.push_back(results.string());
    spec.workingDir = folder;
    spec.env = m_options.environment;
    spec.env.emplace_back("PYTHONUNBUFFERED", "1");
    spec.env.emplace_back("PYTHONDONTWRITEBYTECODE", "1");
    spec.timeoutSeconds = m_options.timeoutSeconds;

    const std::string what = "simulating on " + std::string(simulatorName(target));
    auto lastProgress = std::chrono::steady_clock::time_point{};
    auto onLine = [&](const std::string& line, bool) {
        log(line);
        double done = 0, total = 0;
        if (control.progress && parseProgress(line, done, total)) {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastProgress >= std::chrono::milliseconds(33) || done >= total) {
                lastProgress = now;
                control.progress({std::int64_t(done), std::int64_t(total), what});
            }
        }
    };

    pynn::PynnProcess::Outcome outcome;
    try {
        if (m_options.reuseInterpreter && target != PynnTarget::Spinnaker) {
            if (!m_server) {
                pynn::PynnProcess::Spec server = spec;
                server.args = m_options.pythonArgs;
                m_server = std::make_unique<pynn::PynnServer>(server, "pyNN." + std::string(toString(target)));
            }
            outcome = m_server->run(scriptPath, {results.string()}, folder, spec.timeoutSeconds, onLine,
                                    [&] { return control.cancelled(); });
        } else {
            outcome = pynn::PynnProcess::run(spec, onLine, [&] { return control.cancelled(); });
        }
    } catch (const model::Error& e) {
        throw model::Error("the Python interpreter '" + m_options.python + "' " + e.message() +
                               "; set the interpreter that has PyNN in the backend settings",
                           folder.string());
    }
    if (outcome.stopped) {
        log("cancelled: the PyNN script was stopped");
        throw model::Cancelled();
    }

    const std::string where = scriptPath.string();
    if (outcome.timedOut)
        throw model::Error("the PyNN script did not finish within " + std::to_string(m_options.timeoutSeconds) +
                               " s and was stopped",
                           where);
    if (outcome.signal != 0)
        throw model::Error("the PyNN script was killed by signal " + std::to_string(outcome.signal) +
                               (outcome.signal == 9 ? " (out of memory?)" : "") + "\n" +
                               lastLines(outcome.stderrTail, 6),
                           where);
    switch (outcome.exitStatus) {
    case pynnexit::Ok:
        break;
    case pynnexit::NoPynn:
        throw model::Error(scriptMessage(outcome.stderrTail) +
                               "; install PyNN for that interpreter (Debian: apt install python3-pynn; "
                               "pip: pip install PyNN) or choose another interpreter",
                           where);
    case pynnexit::NoSimulator:
        throw model::Error(scriptMessage(outcome.stderrTail) + "; " + installHint(target), where);
    case pynnexit::BoardUnreachable:
        throw model::Error("SpiNNaker is unreachable (" + machineText(m_options.script.spinnaker) +
                               "): " + scriptMessage(outcome.stderrTail) +
                               "; check the board host or spalloc settings and the network",
                           where);
    case pynnexit::Usage:
        throw model::Error("the PyNN script rejected its command line: " + scriptMessage(outcome.stderrTail),
                           where);
    default:
        if (outcome.exitStatus == 127 || outcome.exitStatus == 126)
            throw model::Error("the interpreter '" + m_options.python + "' could not run the script (exit status " +
                                   std::to_string(outcome.exitStatus) + ")\n" + lastLines(outcome.stderrTail, 4),
                               where);
        throw model::Error("the PyNN script failed (exit status " + std::to_string(outcome.exitStatus) + "):\n" +
                               lastLines(outcome.stderrTail, 8),
                           where);
    }

    PhaseResult result = readPynnResults(results, phase);
    result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!m_options.keepRunFolder) {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    return result;
}

} // namespace scnn::hardware
