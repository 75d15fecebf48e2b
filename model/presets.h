// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — named starting points for new experiments.
#pragma once

#include "model/experiment.h"

#include <functional>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief A named experiment template ("seed", "mnist", "classroom").
 * `make` is empty for a preset that is listed but not available yet.
 */
struct Preset
{
    std::string name;
    std::string description;
    std::function<Experiment()> make;
};

/// Every preset, in the order menus show them. Add new rows in presets.cpp.
const std::vector<Preset>& presets();
std::vector<std::string> presetNames();

/// A fresh experiment from preset `name`; throws Error for an unknown or unavailable one.
Experiment makePreset(const std::string& name);

/// The original 2018 setup: input 28×28×1, one conv layer of 4 kernels 4×4
/// at stride 3, digits 0, 1, 7, 8, the original parameters, the rate code.
Experiment seedPreset();

/// A whole run in seconds on one core for demonstrations: 8 kernels 5×5 at
/// stride 3 on digits 0, 1, 7, 8 (time code, multiplicative STDP).
Experiment classroomPreset();

} // namespace scnn::model
