// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what a run phase is to the window: its id, the
// function that runs it, what it reports while running and what it returns.
#pragma once

#include "hardware/backend.h"
#include "model/experiment.h"

#include <QMetaType>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace scnn::app {

/// Which phase to run.
struct PhaseId
{
    enum class Kind { TrainLayer, TrainSvm, Test, RunAll };
    Kind kind = Kind::RunAll;
    int layer = 0; ///< TrainLayer: index into Network::layers (a conv layer)

    bool operator==(const PhaseId&) const = default;
};

/// Progress of the running phase.
struct PhaseProgress
{
    std::int64_t done = 0;   ///< Examples or windows presented so far
    std::int64_t total = 0;  ///< All of them; 0 when not known yet
    std::string stage;       ///< Short description, e.g. "layer 1: window 120 of 300"
};

/**
 * @brief A partial recording sent while a phase runs, for the live views.
 * Kernels are laid out as model kernels: kernels × channels × kh × kw.
 */
struct PhaseSnapshot
{
    int layer = -1;                 ///< Layer the kernels belong to (-1: none)
    int kernelCount = 0;
    int channels = 0;
    int kh = 0;
    int kw = 0;
    std::vector<float> kernels;     ///< Current weights [nA]
    std::vector<float> reference;   ///< Weights when the phase began (same layout), may be empty

    /// Live recording of the layer being trained: only the latest windows (a
    /// few hundred ms of phase time, bounded), so a snapshot stays small.
    /// Empty spike lists and traces mean "nothing new", not "clear".
    bool hasSpikes = false;         ///< The spike fields below are filled
    int inputNeurons = 0;           ///< Pre-synaptic (input) ids are 0 … inputNeurons−1
    int outputNeurons = 0;          ///< Post-synaptic (kernel) ids are 0 … outputNeurons−1
    double fromMs = 0.0;            ///< Span of the spikes and samples, phase time [ms]
    double toMs = 0.0;
    hardware::SpikeList inputSpikes;  ///< Drawn blue
    hardware::SpikeList outputSpikes; ///< Drawn red
    /// Membrane potentials: sample times [ms], neurons, values neuron-major [mV].
    std::vector<double> membraneTimes;
    std::vector<std::int32_t> membraneNeurons;
    std::vector<float> membraneValues;
    double thresholdMv = 0.0;       ///< Threshold of the traced neurons [mV]
    double resetMv = 0.0;           ///< Their reset potential [mV]
    /// Spike counts of the layer since the phase began, (y·W + x)·K + k; empty: none.
    std::vector<std::int32_t> activity;
    int activityH = 0, activityW = 0, activityK = 0;

    std::vector<std::uint8_t> image; ///< The input being presented (row-major grey), may be empty
    int imageWidth = 0;
    int imageHeight = 0;
    QString imageCaption;           ///< What the image is, e.g. "test example 12 (label 7)"
};

/**
 * @brief Where a running phase reports to. Calls come from the worker thread;
 * the implementation throttles them to about 30 per second, so a phase may
 * call as often as it likes.
 */
class PhaseSink
{
public:
    virtual ~PhaseSink() = default;
    virtual void progress(const PhaseProgress& p) = 0;
    virtual void snapshot(const PhaseSnapshot& s) = 0;
    virtual void log(const std::string& line) = 0;
};

/// What a phase that ended well hands back; the GUI thread commits it.
struct PhaseOutcome
{
    model::Experiment experiment; ///< The experiment after the phase (new weights, results)
    std::string summary;  ///< One line for the log, e.g. "accuracy 91.2 %"
};

/**
 * A phase: reads its own copy of the experiment, reports to the sink, checks
 * `cancel` between bounded chunks (throwing model::Cancelled or returning
 * early when it is set) and returns the outcome. It may throw model::Error.
 */
using PhaseFunction =
    std::function<PhaseOutcome(const model::Experiment& snapshot, PhaseSink& sink, const std::atomic<bool>& cancel)>;

/// Supplies the function of each phase (the training pipeline plugs in here).
using PhaseProvider = std::function<PhaseFunction(const PhaseId& id)>;

/// How a phase ended.
struct PhaseResult
{
    enum class Status { Succeeded, Cancelled, Failed };
    Status status = Status::Failed;
    PhaseId phase;
    QString message;              ///< Error text (Failed) or summary (Succeeded)
    std::optional<model::Experiment> experiment; ///< Only when Succeeded
    double seconds = 0.0;
};

} // namespace scnn::app

Q_DECLARE_METATYPE(scnn::app::PhaseProgress)
Q_DECLARE_METATYPE(scnn::app::PhaseSnapshot)
Q_DECLARE_METATYPE(scnn::app::PhaseResult)
