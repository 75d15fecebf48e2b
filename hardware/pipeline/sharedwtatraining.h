// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the shared-kernel winner-take-all training mode and its readout.
#pragma once

#include "hardware/pipeline/phaserunner.h"
#include "hardware/sim/latencyconv.h"

#include <string>

namespace scnn::hardware::pipeline {

/**
 * @brief True when the network runs in the latency engine: every conv layer's
 * training mode is LayerTrainingMode::SharedWta. Such a network is read out
 * with its ClassifierSpec::readout (max potentials per grid cell) instead of
 * spike counts of a rebuilt IF_curr_exp network.
 */
bool usesSharedWta(const PhaseInputs& in);

/// The latency network of `in` with the learned kernels of layers [0, upTo).
/// Throws model::Error naming the first conv layer below `upTo` not trained yet.
LatencyNetwork latencyNetwork(const PhaseInputs& in, int upTo);

/**
 * @brief `train layer n` in the shared-WTA mode: the whole layer's shared
 * kernels learn from `params.wta.trainImages` training images (0: the
 * TrainingSettings' stdpExamples, 0: all), seeded shuffled order, the layers
 * below rebuilt in the latency engine. Replicas train one after another from
 * different initial weights; the one whose kernels won most evenly is chosen.
 * Snapshots (and control.snapshot) about every TrainingSettings::snapshotEveryWindows
 * images, at most 20. Honours control.cancel within one batch of 64 images.
 */
LayerTrainingResult trainLayerSharedWta(const PhaseInputs& in, int layer, int replicas,
                                        std::uint64_t seed, const PhaseControl& control);

/**
 * @brief Features of `ex` for the SVM from the latency engine: each last
 * conv map's final potential (or first spike) max-pooled over a grid, as the
 * network's ClassifierSpec asks. Also records every layer's spikes of the
 * first TrainingSettings::recordExamples examples (bin b of example k at
 * k·presentation + (b + 0.5)·presentation/bins ms).
 */
ReadoutResult sharedWtaFeatures(const PhaseInputs& in, const model::Examples& ex,
                                const std::string& what, const PhaseControl& control);

} // namespace scnn::hardware::pipeline
