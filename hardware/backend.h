// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the interface every backend implements.
#pragma once

#include "model/network.h"
#include "model/parameters.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace scnn::hardware {

/**
 * @brief Spikes as two parallel arrays, sorted by time then id.
 * Used for spike-source inputs and for recordings. Times in ms.
 */
struct SpikeList
{
    std::vector<std::int32_t> ids;
    std::vector<double> times;

    std::size_t size() const { return ids.size(); }
    void add(std::int32_t id, double t) { ids.push_back(id); times.push_back(t); }
    /// Sorts by time, then id (stable for equal pairs); cheap when already sorted.
    void sortByTimeThenId();
};

enum class CellType {
    IfCurrExp,        ///< PyNN IF_curr_exp (model::NeuronParams)
    NonLeakyIf,       ///< Non-leaky integrate-and-fire, at most one spike per presentation
    SpikeSourceArray, ///< Replays given spike times
};

/// A group of neurons of one type and parameter set.
struct Population
{
    std::string label;
    int size = 0;
    CellType type = CellType::IfCurrExp;
    model::NeuronParams params;   ///< Ignored for spike sources
    SpikeList spikes;             ///< Spike sources only: the spikes to replay
    /// Initial membrane potential [mV]; unset: PyNN's default −65 mV.
    /// Synaptic currents always start at 0 nA.
    std::optional<double> initialV;
};

enum class Receptor { Excitatory, Inhibitory };

/**
 * @brief Explicit connections; weights are positive magnitudes [nA], delays [ms].
 * Weights are double so that a run reproduces a float64 peer to rounding error.
 */
struct FromList
{
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
    std::vector<double> weight;
    std::vector<double> delay;
};

/**
 * @brief Every pre to every post with one weight and delay. Connection order
 * (for final weights and snapshots of a plastic projection): pre-major,
 * index = pre·n_post + post, skipping pre == post when self connections are
 * not allowed (pre and post are the same population).
 */
struct AllToAll
{
    double weight = 0.0;  ///< [nA]
    double delay = 1.0;   ///< [ms]
    bool allowSelfConnections = false;
};

/**
 * @brief A convolution-shaped projection between two flattened tensors.
 *
 * Flattening is channel-major: index = c·H·W + y·W + x (as the 2018 code and
 * the oracle cases). The output at (k, y, x) receives input (ci, y·s+ky, x·s+kx)
 * with weight kernels[((k·C_in + ci)·kh + ky)·kw + kx] (perChannel: input
 * channel ci only feeds output maps k·C_in + ci, with kernel k, and kernels
 * holds K·kh·kw values, kernels[(k·kh + ky)·kw + kx]).
 * Requires out.h = (in.h − kh)/stride + 1 (floor), the same for w, and
 * out.c = K (perChannel: K·C_in). Static only: the simulator runs it from
 * the kernels directly, without expanding it into a list.
 */
struct Convolution
{
    model::Shape in;
    model::Shape out;
    int kh = 0;
    int kw = 0;
    int stride = 1;
    bool perChannel = false;
    std::vector<double> kernels;  ///< [nA]
    double delay = 1.0;           ///< [ms]
};

struct Projection
{
    std::string label;
    int pre = 0;   ///< Index into PhaseDescription::populations
    int post = 0;
    Receptor receptor = Receptor::Excitatory;
    std::variant<FromList, AllToAll, Convolution> connector;
    std::optional<model::StdpParams> stdp; ///< Plastic when set
};

/// Record every spike of a population.
struct RecordSpikes
{
    int population = 0;
};

/**
 * @brief Record the membrane potential of chosen neurons every `intervalMs`.
 * Sample k is taken at k·intervalMs (k = 0 … duration/interval): row 0 is the
 * initial value, a later row the state after the step ending at that time
 * was fully processed (PyNN's convention).
 */
struct RecordMembrane
{
    /// What is sampled: v [mV] (default), or a synaptic current [nA, positive magnitude].
    enum class Variable { V, IsynExc, IsynInh };

    int population = 0;
    std::vector<std::int32_t> neurons;
    double intervalMs = 1.0;
    Variable variable = Variable::V;
};

/// Snapshot a plastic projection's weights every `everyMs` (at everyMs, 2·everyMs, …).
struct RecordWeights
{
    int projection = 0;
    double everyMs = 1000.0;
};

/**
 * @brief Independent presentations of the same network (rebuild and test):
 * each trial starts from the initial state, replaces the spikes of the
 * source populations listed in `sources`, runs `durationMs`, and counts the
 * spikes of every neuron of `countPopulation`. Trials are independent, so a
 * backend may spread them over cores; results come back in trial order.
 *
 * With a plastic projection the trials run one after another and only the
 * weights carry over from one trial to the next (neuron state, synaptic
 * currents and traces restart); a backend may not spread those over cores.
 * The recordings of the first `recordFirstTrials` trials are concatenated,
 * trial k shifted by k·durationMs.
 */
struct TrialBatch
{
    std::vector<int> sources;                     ///< Populations replaced per trial
    std::vector<std::vector<SpikeList>> inputs;   ///< inputs[trial][k] for sources[k]
    int countPopulation = 0;
    int recordFirstTrials = 0; ///< Also record spikes/membranes of this many first trials
};

/// What a backend is asked to run.
struct PhaseDescription
{
    double dt = 1.0;              ///< [ms]
    double durationMs = 0.0;      ///< Per trial in batch mode, total otherwise
    std::uint64_t seed = 1;
    std::vector<Population> populations;
    std::vector<Projection> projections;
    std::vector<RecordSpikes> recordSpikes;
    std::vector<RecordMembrane> recordMembrane;
    std::vector<RecordWeights> recordWeights;
    std::optional<TrialBatch> batch;
    /// NonLeakyIf populations (and the multiplicative STDP rule) restart every
    /// presentationMs [ms]: membrane and currents back to the initial state and
    /// a fresh one-spike budget. 0: the whole run (in batch mode: each trial).
    double presentationMs = 0.0;
    bool spinnakerFidelity = false; ///< Embedded simulator: reproduce the board's arithmetic
};

struct MembraneTrace
{
    std::vector<double> times;   ///< [ms]
    std::vector<double> values;  ///< times.size() × neurons.size(), row-major [mV] (or [nA] for currents)
    std::vector<std::int32_t> neurons;
};

struct WeightSnapshot
{
    double timeMs = 0.0;
    std::vector<double> weights; ///< In the projection's connection order [nA]
};

struct PhaseResult
{
    std::vector<SpikeList> spikes;            ///< One per RecordSpikes request
    std::vector<MembraneTrace> membranes;     ///< One per RecordMembrane request
    std::vector<std::vector<WeightSnapshot>> weightSnapshots; ///< One per RecordWeights request
    /// Final weights of every projection [nA] (connection order; the given
    /// weights for a static list; empty for static all-to-all and
    /// convolutions, whose weights are the ones given).
    std::vector<std::vector<double>> finalWeights;
    /// Batch mode: counts[trial] has one entry per neuron of countPopulation.
    std::vector<std::vector<std::int32_t>> counts;
    std::uint64_t synapticEvents = 0;
    double wallSeconds = 0.0;
};

/// Progress for the views: at most ~30 calls a second.
struct Progress
{
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::string what;
};

/**
 * @brief How a caller watches and stops a run. The cancel flag is honoured
 * within 100 ms: run() then throws model::Cancelled.
 */
struct RunControl
{
    std::function<void(const Progress&)> progress;
    const std::atomic<bool>* cancel = nullptr;
    int threads = 0; ///< 0: all cores

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

/**
 * @brief Where a phase runs: the embedded simulator or SpiNNaker/PyNN.
 */
class Backend
{
public:
    virtual ~Backend() = default;
    virtual std::string name() const = 0;
    /// Runs a phase; throws model::Error for an invalid description and
    /// model::Cancelled when cancelled.
    virtual PhaseResult run(const PhaseDescription& phase, const RunControl& control) = 0;
};

} // namespace scnn::hardware
