// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what a run on the embedded simulator will need: memory, examples, time.
#pragma once

#include "model/experiment.h"
#include "model/training.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief Examples per class in the dataset files (from the label files only).
 * `test` is empty when the test examples are held out of the training file.
 */
struct ExampleCounts
{
    std::vector<int> train = std::vector<int>(10, 0); ///< Per class 0 … 9
    std::optional<std::vector<int>> test;            ///< Per class 0 … 9, from the test file
    std::string trainLabels;                         ///< File the counts came from
    std::string testLabels;
};

/// Counts the labels of the files the selection would use; throws Error naming the file.
ExampleCounts countExamples(const DatasetSelection& s);

/**
 * @brief The simulator's costs, measured by `scnn bench` (one core, dt 1 ms).
 *
 * Memory follows SimNetwork's layout (SimNetwork::connectivityBytes()):
 * a neuron keeps v, i_e, i_i, its refractory end and two delay rings of two
 * slots as doubles (64 B); a spike source only its index maps (8 B); a
 * convolution's static synapses share their kernels (7.4 B per synapse on
 * the seed network); a plastic synapse is explicit with w, P, M, its last
 * update and last arrival (60.1 B). A spike kept between phases is a time
 * (double) and an id (int32): 12 B.
 */
struct SimulatorCosts
{
    double neuronBytes = 64.0;            ///< [B per neuron]
    double sourceBytes = 8.0;             ///< [B per spike source]
    double staticSynapseBytes = 7.414;    ///< [B per synapse], `scnn bench` seed-inference
    double plasticSynapseBytes = 60.105;  ///< [B per synapse], `scnn bench` seed-training
    double spikeBytes = 12.0;             ///< [B per recorded spike]
    double staticEventNs = 6.28;          ///< [ns per synaptic event], seed-inference, one core
    double plasticEventNs = 60.30;        ///< [ns per synaptic event], seed-training, one core
    /// Spikes a hidden neuron fires per presentation (winner-take-all keeps it low).
    double hiddenSpikesPerNeuron = 0.2;
};

/**
 * @brief The estimate of a whole run (every train layer phase, svm, test).
 *
 * Events: a presentation costs Σ_layers ρ(previous tensor) · synapses(layer),
 * ρ being the spikes per neuron and presentation: from the encoding for the
 * input (MNIST statistics: 19 % of the pixels reach 80, at a mean of 220),
 * SimulatorCosts::hiddenSpikesPerNeuron for layers. An order-of-magnitude
 * figure, good for "minutes or days", not for a progress bar.
 */
struct RunEstimate
{
    std::int64_t trainExamples = 0;
    std::int64_t testExamples = 0;
    std::int64_t neurons = 0;          ///< Whole network, with the input sources
    std::int64_t staticSynapses = 0;   ///< Whole network rebuilt
    std::int64_t plasticSynapses = 0;  ///< Largest training phase (all replicas)
    std::int64_t peakBytes = 0;        ///< Largest phase, with the data it holds
    std::string peakPhase;             ///< Which phase that is ("train layer 2", "svm", …)
    double events = 0.0;               ///< Synaptic events of the whole run
    double seconds = 0.0;              ///< Estimated run time on one core [s]
};

/// Estimates a run of `e` on the simulator with `counts` examples in the files.
RunEstimate estimateRun(const Experiment& e, const ExampleCounts& counts, const SimulatorCosts& costs = {});

/// Physical memory a run may use [bytes]: MemAvailable of /proc/meminfo, or
/// $SCNN_MEMORY_LIMIT (bytes) when that is smaller; 0 if unknown.
std::int64_t availableMemoryBytes();

/// Each class the selection asks more examples of than the files hold: "FILE: class 7 has …".
std::vector<std::string> dataProblems(const DatasetSelection& s, const ExampleCounts& counts);

/// One finding of checkRun().
struct LimitIssue
{
    enum class Level { Warning, Refuse };
    Level level = Level::Warning;
    std::string what;      ///< "memory", "data", "time"
    std::string message;   ///< With the numbers
};

struct RunLimits
{
    std::int64_t availableBytes = 0;     ///< 0: not checked
    double warnAboveSeconds = 24 * 3600.0; ///< Warn when a run would take longer [s]
    double warnMemoryFraction = 0.8;     ///< Warn above this share of availableBytes
};

/**
 * @brief Everything that should stop or warn before a run starts: a network
 * too large for memory (Refuse), a class with fewer examples than asked for
 * (Refuse), a run longer than RunLimits::warnAboveSeconds (Warning).
 */
std::vector<LimitIssue> checkRun(const Experiment& e, const ExampleCounts& counts, const RunLimits& limits,
                                 const SimulatorCosts& costs = {});

/// "1.5 GiB", "320 MiB", "12 KiB".
std::string formatBytes(double bytes);
/// "3 d 4 h", "5 h 12 min", "42 s".
std::string formatDuration(double seconds);

} // namespace scnn::model
