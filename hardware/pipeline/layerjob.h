// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what a layer-training mode gets to learn one conv layer.
#pragma once

#include "hardware/backend.h"
#include "hardware/pipeline/networkbuilder.h"
#include "hardware/pipeline/phaserunner.h"
#include "model/network.h"
#include "model/training.h"

#include <cstdint>
#include <functional>

namespace scnn::hardware::pipeline {

/**
 * @brief One conv layer to train, independent of how: the layer, its input
 * geometry, and a source of its input spikes per training example (already
 * through the rebuilt layers below for layer ≥ 2).
 *
 * A training mode (LayerTrainingMode) is a function
 * `LayerTrainingResult (const LayerJob&, Backend&, const PhaseControl&)`;
 * runPhase() dispatches on TrainingSettings::mode(layer) and fills in the
 * phase-level fields (cache, timing) itself.
 */
struct LayerJob
{
    const model::Network* network = nullptr;
    const model::TrainingSettings* settings = nullptr;
    int layer = 0;                 ///< Index into Network::layers
    WindowGeometry geometry;       ///< The layer's input tensor and kernel/stride
    int examples = 0;              ///< Training examples to learn from
    int replicas = 1;
    std::uint64_t seed = 1;        ///< Derive every random stream of the phase from this
    /// Input spikes of example e (0 … examples−1), times in [0, presentation) ms,
    /// ids channel-major over geometry.in. Called in increasing e; not thread-safe.
    std::function<SpikeList(int example)> exampleSpikes;
};

/// The original scheme: every window of every example, one after another.
LayerTrainingResult trainLayerWindowed(const LayerJob& job, Backend& backend, const PhaseControl& control);

/// Index of the replica that goes into the model: the one whose kernel
/// neurons shared the windows most evenly (highest entropy of their spike
/// counts, so no dead or dominating kernels); ties go to the lowest index.
int chooseReplica(const std::vector<std::int64_t>& counts, int replicas, int kernels);

} // namespace scnn::hardware::pipeline
