// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — settings of the layer-wise training schedule and the readout.
#pragma once

#include "model/svm.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scnn::model {

/// How a conv layer learns its kernels.
enum class LayerTrainingMode {
    /// The original scheme: the input is cut into k×k×C windows presented one
    /// after another (presentation ms each) to `kernels` neurons with STDP and
    /// lateral inhibition.
    Windowed,
    /// Each kernel shared over all positions at once, winner-take-all across
    /// kernels and positions (Kheradpisheh et al. 2018).
    SharedWta,
};

std::string_view toString(LayerTrainingMode m);
LayerTrainingMode layerTrainingModeFromString(std::string_view s); ///< Throws Error

/// Phases of a run, in the order `run` executes them.
enum class PhaseKind { TrainLayer, Svm, Test };

std::string_view toString(PhaseKind k); ///< "train_layer", "svm", "test"

/**
 * @brief Everything about how an experiment trains and reads out, beyond the
 * network itself. Stored in experiment.json under "training".
 */
struct TrainingSettings
{
    /// Per layer (index into Network::layers); missing entries are Windowed.
    std::vector<LayerTrainingMode> modes;
    /// Training examples whose windows train a layer with STDP; 0: all of them.
    int stdpExamples = 0;
    /// Weight snapshot (and live update) every this many windows.
    int snapshotEveryWindows = 250;
    /// Spikes of the trained layer and membrane traces are kept for this many
    /// first windows.
    int recordWindows = 100;
    /// Membrane traces of this many kernel neurons (the first ones).
    int membraneNeurons = 4;
    /// Feature runs keep the spikes of every layer for this many first examples.
    int recordExamples = 8;
    /// Copies trained side by side from different initial weights (the original's multi mode).
    int replicas = 1;
    /// Readout.
    SvmOptions svm;

    LayerTrainingMode mode(int layer) const
    {
        return layer >= 0 && layer < int(modes.size()) ? modes[std::size_t(layer)]
                                                       : LayerTrainingMode::Windowed;
    }

    nlohmann::json toJson() const;
    /// Missing keys keep their defaults; wrong types or values throw Error naming `where`.
    static TrainingSettings fromJson(const nlohmann::json& j, const std::string& where);
    /// Throws Error naming the field.
    void validate(const std::string& where = "training") const;

    bool operator==(const TrainingSettings&) const;
};

} // namespace scnn::model
