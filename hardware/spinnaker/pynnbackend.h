// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — runs phases through generated PyNN scripts.
#pragma once

#include "hardware/backend.h"
#include "hardware/spinnaker/pynnscriptgenerator.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace scnn::hardware {

namespace pynn {
class PynnServer;
}

/// How a PynnBackend runs its scripts.
struct PynnBackendOptions
{
    PynnScriptOptions script;                 ///< Target and generation options
    std::string python = "/usr/bin/python3";  ///< Interpreter (path, or a name on PATH) that sees PyNN
    std::vector<std::string> pythonArgs;      ///< Interpreter options placed before the script
    /// Extra environment for the interpreter, e.g. {"PYTHONPATH", "..."} of a sPyNNaker installation.
    std::vector<std::pair<std::string, std::string>> environment;
    /// Run folders (script, inputs/, results/, spynnaker.cfg) are created here;
    /// empty: the system's temporary folder.
    std::filesystem::path runRoot;
    bool keepRunFolder = false;               ///< Keep it after success (always kept after a failure)
    /// SpiNNaker: create `~/.spynnaker.cfg` from the settings when the user has
    /// none, because sPyNNaker aborts its first run without one (spinnaker.md §6.2).
    bool writeUserSpynnakerCfg = true;
    double timeoutSeconds = 0.0;              ///< 0: no limit
    /// Brian 2 and NEST: run the scripts of this backend one after another in
    /// one interpreter (pynn::PynnServer) instead of one process each, so the
    /// interpreter start and simulator import are paid once per backend, not
    /// once per run; the scripts and their results are the same. sPyNNaker
    /// always gets a process of its own.
    bool reuseInterpreter = true;
    /// Receives every line the script prints (stdout and stderr), from the calling thread.
    std::function<void(const std::string& line)> log;
};

/**
 * @brief A Backend that writes a phase as a PyNN script, runs it with a Python
 * interpreter and reads the `.npy` results back ("pynn:brian2", "pynn:nest",
 * "pynn:spinnaker").
 *
 * Each run gets a folder with `run_phase.py`, its `inputs/` and (SpiNNaker)
 * `spynnaker.cfg`; the script writes into `results/`. The interpreter runs in
 * its own process group; a cancel request kills the group within ~20 ms and
 * run() throws model::Cancelled. Failures become model::Error messages that
 * say what to do: interpreter missing, PyNN missing, the target's simulator
 * missing, board unreachable, or the script's traceback (last lines), with
 * the run folder as `where`.
 */
class PynnBackend : public Backend
{
public:
    explicit PynnBackend(PynnBackendOptions options);
    ~PynnBackend() override;

    std::string name() const override; ///< "pynn:" + target
    PhaseResult run(const PhaseDescription& phase, const RunControl& control) override;

    const PynnBackendOptions& options() const { return m_options; }
    /// The folder of the last run (empty before the first; removed after a successful run unless kept).
    const std::filesystem::path& lastRunFolder() const { return m_lastRunFolder; }

private:
    std::filesystem::path makeRunFolder() const;
    void ensureUserSpynnakerCfg() const;
    void log(const std::string& line) const;

    PynnBackendOptions m_options;
    std::filesystem::path m_lastRunFolder;
    std::unique_ptr<pynn::PynnServer> m_server; ///< reuseInterpreter: the interpreter kept between runs
};

} // namespace scnn::hardware
