// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — turns a phase into a standalone PyNN script.
#pragma once

#include "hardware/backend.h"
#include "hardware/spinnaker/pynnspinnakercfg.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scnn::hardware {

/// The simulator a generated PyNN script runs on.
enum class PynnTarget {
    Spinnaker, ///< sPyNNaker: `import pyNN.spiNNaker` (7.x) or `spynnaker8` (6.x)
    Nest,      ///< `import pyNN.nest`
    Brian2,    ///< `import pyNN.brian2` (PyNN 0.10 quirks handled)
};

std::string_view toString(PynnTarget t); ///< "spinnaker", "nest", "brian2"
std::string_view simulatorName(PynnTarget t); ///< "sPyNNaker", "NEST", "Brian 2" (for messages)
/// Parses toString()'s names; throws model::Error listing the valid ones.
PynnTarget pynnTargetFromString(std::string_view s);

/// Exit statuses of a generated script (anything else non-zero: a Python error, traceback on stderr).
namespace pynnexit {
inline constexpr int Ok = 0;
inline constexpr int Usage = 2;            ///< Wrong command line
inline constexpr int NoPynn = 3;           ///< `import numpy` or `import pyNN` failed
inline constexpr int NoSimulator = 4;      ///< The target's simulator (brian2, nest, sPyNNaker) is missing
inline constexpr int BoardUnreachable = 5; ///< sPyNNaker could not reach the board or spalloc server
} // namespace pynnexit

/// How a script is generated.
struct PynnScriptOptions
{
    PynnTarget target = PynnTarget::Brian2;
    /// Brian 2 code generation target: "cython" (fast runs, compiles on first
    /// use), "numpy" (no compiler, slower per step) or "auto".
    std::string brian2Codegen = "cython";
    /// Batch mode: idle time inserted after every trial so that the network
    /// returns to its initial state [ms]; unset: settleTimeMs() of the phase.
    std::optional<double> trialGapMs;
    /// Brian 2 / NEST: the run is split into about this many pieces so the
    /// script can report progress (SpiNNaker: always one run).
    int progressChunks = 20;
    /// SpiNNaker target: neurons per core, time scale factor, live output.
    SpinnakerSettings spinnaker;
    /// SpiNNaker target: write `spynnaker.cfg` (board or spalloc) beside the
    /// script. Off: no machine needs to be set; the user's own
    /// `~/.spynnaker.cfg` chooses it.
    bool spinnakerConfigFile = true;
    /// First line of the script's description, e.g. "Train layer 1".
    std::string title = "Phase";
    /// The script's file name, as its description tells how to run it.
    std::string scriptName = "run_phase.py";
    /// Arrays with at most this many rows are written into the script itself;
    /// larger ones go to `inputs/*.npy` beside it.
    std::size_t embedRows = 16;
};

/// A file that belongs beside a generated script.
struct PynnFile
{
    std::string relativePath; ///< e.g. "inputs/spikes_0.npy"
    std::string bytes;
};

/// A generated script and the input files it reads.
struct PynnScript
{
    std::string source;           ///< The Python text
    std::vector<PynnFile> files;  ///< Inputs (and, for SpiNNaker, spynnaker.cfg)

    /// Writes `scriptName` and the files into `dir` (created if needed).
    /// Returns the script's path. Throws model::Error when a file cannot be written.
    std::filesystem::path writeTo(const std::filesystem::path& dir,
                                  const std::string& scriptName = "run_phase.py") const;
};

/**
 * @brief Writes a standalone, readable PyNN script that runs one phase.
 *
 * The script takes the output folder as its only argument and writes there
 * (never printed text):
 *  - `spikes_R.npy`: (n, 2) float64 rows [neuron, time ms], RecordSpikes R;
 *  - `v_R.npy` (samples × neurons, mV) and `v_times_R.npy` (ms), RecordMembrane R;
 *  - `weights_R.npy` (snapshots × connections, nA) and `weight_times_R.npy`, RecordWeights R;
 *  - `final_weights_P.npy` (connections, nA) for every plastic projection P;
 *  - `counts.npy` (trials × neurons, int64) in batch mode;
 *  - `done.json` last, once everything else is written.
 *
 * Connection order: a FromList projection's list order; an AllToAll
 * projection's pre-major order (pre 0 → every post, then pre 1 …, the
 * excluded self-connections left out). Convolutions become explicit
 * FromListConnector lists (a `.npy` beside the script), in the order
 * output channel, y, x, input channel, ky, kx.
 *
 * Batch mode (TrialBatch) runs every trial in ONE simulation: trial k's
 * spikes are shifted by k·(duration + gap), where the idle gap lets
 * membrane, synaptic currents, refractoriness and STDP traces return to
 * rest (below 1e-6 of their value, settleTimeMs()) before the next trial;
 * plastic weights carry over, as TrialBatch asks. One run is the only
 * workable way on SpiNNaker, where every sim.reset() reloads the board, and
 * it costs Brian 2 one code generation instead of one per trial. The
 * recordings of the first `recordFirstTrials` trials come back as the
 * embedded simulator gives them: trial k's local time t at k·duration + t,
 * each trial's membrane samples from 0 to duration inclusive, weight
 * snapshots at local multiples of their interval.
 *
 * Initial state: v = Population::initialV when set, else PyNN's −65 mV.
 * Synaptic currents can be recorded on SpiNNaker only (`gsyn_exc`/`gsyn_inh`);
 * PyNN's IF_curr_exp on NEST and Brian 2 records spikes and v.
 *
 * @code
 * PynnScriptOptions o;
 * o.target = PynnTarget::Brian2;
 * PynnScript s = PynnScriptGenerator(o).generate(phase); // throws model::Error
 * s.writeTo(runDir);                                      // run_phase.py + inputs/
 * @endcode
 */
class PynnScriptGenerator
{
public:
    explicit PynnScriptGenerator(PynnScriptOptions options = {});

    const PynnScriptOptions& options() const { return m_options; }

    /// Validates the phase for PyNN and returns the script; throws model::Error
    /// naming the population/projection/record and field that cannot be expressed.
    PynnScript generate(const PhaseDescription& phase) const;

    /// Checks what generate() checks, without producing text.
    void validate(const PhaseDescription& phase) const;

    /// Idle time after each trial in batch mode [ms]: the largest delay plus
    /// max(tau_refrac, 14·max(tau_m, tau_syn_E, tau_syn_I, tau_plus, tau_minus))
    /// over neuron populations and plastic projections (state decays below
    /// 1e-6 of its value), rounded up to dt.
    static double settleTimeMs(const PhaseDescription& phase);

    /// The gap this generator uses for `phase` (option or settleTimeMs()).
    double trialGapMs(const PhaseDescription& phase) const;

    /// The (pre, post) pairs of a projection in connection order.
    static std::vector<std::pair<std::int32_t, std::int32_t>> connectionPairs(const Projection& p,
                                                                              int preSize,
                                                                              int postSize,
                                                                              bool samePopulation);

    /// A convolution as an explicit list (pre, post, weight, delay).
    static FromList expandConvolution(const Convolution& c);

private:
    PynnScriptOptions m_options;
};

/// A `.npy` array as rows (first axis) × the product of the other axes, in doubles.
struct PynnTable
{
    std::size_t rows = 0;
    std::size_t cols = 1;
    std::vector<double> data; ///< Row-major

    double at(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

/// Reads a `.npy` file (model::readNpy) as a table; throws model::Error naming the file.
PynnTable readPynnTable(const std::filesystem::path& path);

/**
 * @brief Reads what a generated script wrote into `outDir` back into a PhaseResult.
 *
 * Static lists' final weights are the weights the phase gave, static
 * all-to-all and convolutions' are empty (as the embedded simulator's);
 * plastic ones come from the script. Throws model::Error naming the missing or malformed file.
 */
PhaseResult readPynnResults(const std::filesystem::path& outDir, const PhaseDescription& phase);

} // namespace scnn::hardware
