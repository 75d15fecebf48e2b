// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the phases of a run (train layer n, svm, test) on any backend.
#pragma once

#include "hardware/backend.h"
#include "hardware/pipeline/progressmeter.h"
#include "model/dataset.h"
#include "model/metrics.h"
#include "model/network.h"
#include "model/svm.h"
#include "model/training.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace scnn::hardware::pipeline {

/**
 * @brief Output spikes of rebuilt layers for a set of examples: the cache
 * that spares retraining layer n from simulating layers 1 … n−1 again.
 * Example k's spikes lie in [k·presentationMs, (k+1)·presentationMs).
 */
struct RebuiltSpikes
{
    std::string key;            ///< Hash of everything the spikes depend on (rebuildCacheKey)
    int layer = -1;             ///< Index of the layer whose output these are
    model::Shape shape;         ///< That layer's output tensor
    int examples = 0;
    double presentationMs = 100.0;
    SpikeList spikes;           ///< Ids channel-major c·H·W + y·W + x
};

/// Spikes of one population for the first examples of a readout (raster views).
struct SpikeRecord
{
    std::string label;          ///< "input", "layer 1", …
    model::Shape shape;
    SpikeList spikes;           ///< Example k shifted by k·presentationMs
};

/**
 * @brief What `train layer n` produced. Weight arrays are laid out
 * [replica][kernel][channel][ky][kx] (the Convolution connector's order).
 */
struct LayerTrainingResult
{
    int layer = 0;                 ///< Index into Network::layers
    model::LayerTrainingMode mode = model::LayerTrainingMode::Windowed;
    int replicas = 1;
    int chosenReplica = 0;         ///< The replica whose kernels go into the model
    std::string choice;            ///< Why that one (for the log)
    int kernels = 0, channels = 0, kh = 0, kw = 0;
    std::vector<double> kernelsBefore; ///< replicas × K × C × kh × kw [nA]
    std::vector<double> kernelsAfter;  ///< replicas × K × C × kh × kw [nA]
    std::vector<double> chosen;        ///< K × C × kh × kw [nA], the model's new kernels
    std::vector<std::int64_t> snapshotWindows;   ///< Windows presented at each snapshot
    std::vector<std::vector<double>> snapshots;  ///< Each replicas × K × C × kh × kw
    SpikeList inputSpikes;         ///< First recordWindows windows: window-local source ids
    SpikeList outputSpikes;        ///< Same span: neuron replica·K + k
    MembraneTrace membranes;       ///< Same span: the first few kernel neurons
    std::vector<std::int64_t> spikeCounts; ///< Whole run, per replica·K + k
    std::int64_t examples = 0;
    std::int64_t windowsPerExample = 0;
    std::int64_t windowsPresented = 0;
    double simulatedMs = 0.0;
    bool usedCache = false;        ///< Layers below came from the cache
    std::shared_ptr<const RebuiltSpikes> rebuilt; ///< Newly computed cache (n ≥ 2), to store
};

/// What `svm` and `test` produced.
struct ReadoutResult
{
    model::Features features;            ///< Spike counts of the last layer per example
    std::vector<int> labels;
    std::vector<int> predicted;
    std::shared_ptr<const model::Svm> svm; ///< svm phase: the trained readout
    model::ClassificationReport report;   ///< svm: on the training examples; test: on the test examples
    std::vector<SpikeRecord> firstExamples;
};

/// A finished phase, not yet part of the experiment (see commitPhase()).
struct PhaseOutcome
{
    model::PhaseKind kind = model::PhaseKind::TrainLayer;
    int layer = -1;                  ///< TrainLayer only
    std::variant<LayerTrainingResult, ReadoutResult> result;
    double seconds = 0.0;            ///< Wall time of the phase
    std::int64_t examples = 0;       ///< Examples the phase used
    int threads = 0;
    std::string backend;

    /// Test accuracy [fraction]; nullopt for training and svm (whose training
    /// accuracy is in its report).
    std::optional<double> accuracy() const;
    const LayerTrainingResult* training() const { return std::get_if<LayerTrainingResult>(&result); }
    const ReadoutResult* readout() const { return std::get_if<ReadoutResult>(&result); }
};

/**
 * @brief Everything a phase reads, as values: the worker owns its copy and
 * never points into a live document.
 */
struct PhaseInputs
{
    model::Network network;
    model::TrainingSettings training;
    std::shared_ptr<const model::Dataset> data;
    /// Learned kernels per layer index (K × C × kh × kw); empty: not trained yet.
    std::vector<std::vector<double>> kernels;
    /// Rebuilt spikes stored in the experiment, used when their key matches.
    std::shared_ptr<const RebuiltSpikes> cache;
    /// The trained readout (test phase).
    std::shared_ptr<const model::Svm> svm;
    std::uint64_t seed = 1;
};

struct PhaseRequest
{
    model::PhaseKind kind = model::PhaseKind::TrainLayer;
    int layer = 0;     ///< TrainLayer: index into Network::layers (0-based)
    int replicas = 0;  ///< TrainLayer: 0 takes TrainingSettings::replicas
};

/**
 * @brief What a training layer did lately, for the live raster, membrane and
 * activity views: only the latest windows before the snapshot (at most
 * liveWindows windows and liveMaxSpikes spikes per group), so its size stays
 * bounded however long the phase runs. Times are phase time [ms]: window w
 * of the phase starts at w · presentation.
 */
struct LiveRecording
{
    static constexpr int liveWindows = 20;         ///< Windows (images) per snapshot, at most
    static constexpr std::size_t liveMaxSpikes = 10000; ///< Per group and snapshot, at most

    double fromMs = 0.0;           ///< Span the spikes and samples cover [ms]
    double toMs = 0.0;
    int inputNeurons = 0;          ///< Source ids are 0 … inputNeurons−1
    int outputNeurons = 0;         ///< Kernel neuron ids (replica·K + k) are 0 … outputNeurons−1
    SpikeList input;               ///< Source spikes in [fromMs, toMs)
    SpikeList output;              ///< Kernel neuron spikes in [fromMs, toMs)
    MembraneTrace membranes;       ///< Traced kernel neurons over the span [mV]; may be empty
    double thresholdMv = 0.0;      ///< Firing threshold of the traced neurons [mV]
    double resetMv = 0.0;          ///< Their reset potential [mV]
    /// Spike counts of replica 0 since the phase began, per output position and
    /// kernel, (y·W + x)·K + k over mapShape (H, W, K); empty when unknown.
    model::Shape mapShape;
    std::vector<std::int32_t> activity;
    int example = -1;              ///< Training example presented last (index into the train set); −1: unknown
};

/// Kernel weights while a layer trains, for live views (replicas × K × C × kh × kw).
struct TrainingSnapshot
{
    int layer = 0;
    std::int64_t windows = 0;      ///< Presented so far
    std::int64_t totalWindows = 0;
    int replicas = 1, kernels = 0, channels = 0, kh = 0, kw = 0;
    std::vector<double> weights;
    LiveRecording live;            ///< The latest spikes, traces and activity
};

/**
 * @brief How the caller watches and stops a phase. Callbacks are called on
 * the phase's thread; `cancel` is honoured within 100 ms (the phase then
 * throws model::Cancelled and nothing was changed).
 */
struct PhaseControl
{
    std::function<void(const PhaseProgress&)> progress;
    std::function<void(const TrainingSnapshot&)> snapshot;
    const std::atomic<bool>* cancel = nullptr;
    int threads = 0;               ///< 0: all cores

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

/**
 * @brief Runs one phase and returns its result; commits nothing.
 *
 * @code
 * PhaseInputs in = phaseInputs(experiment);         // a snapshot
 * PhaseOutcome out = runPhase({PhaseKind::TrainLayer, 0}, in, backend, control);
 * commitPhase(out, experiment);                      // only when it ended well
 * @endcode
 *
 * Throws model::Error for a phase that cannot run (layer not trained below,
 * pooling layer, no SVM yet …) and model::Cancelled when cancelled. The same
 * inputs give the same outcome on any number of threads.
 */
PhaseOutcome runPhase(const PhaseRequest& request, const PhaseInputs& inputs, Backend& backend,
                      const PhaseControl& control);

/// The key of the rebuilt-spike cache for training layer `layer` (≥ 1): a
/// hash of the model up to layer−1, its kernels, the examples, the encoding,
/// the timing and the seed.
std::string rebuildCacheKey(const PhaseInputs& inputs, int layer);

/// Human name of a phase: "train layer 2", "svm", "test".
std::string phaseName(model::PhaseKind kind, int layer);

} // namespace scnn::hardware::pipeline
