// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker settings an experiment keeps: neurons per core, time scale factor.
#pragma once

#include "model/experiment.h"

#include <string>

namespace scnn::model {

/**
 * @brief How an experiment is mapped onto SpiNNaker; stored in
 * experiment.json under "spinnaker" (`{"neurons_per_core": 100,
 * "time_scale_factor": 0}`).
 *
 * These two belong to the experiment because they change what a board run
 * does (how populations are split over cores, how fast the board runs and so
 * whether spikes are dropped) and how long it takes. Where the board is
 * (host, spalloc account) and which Python runs the toolchain belong to the
 * machine the workbench runs on, not to the experiment, and are not here.
 */
struct BoardRunSettings
{
    int neuronsPerCore = 100; ///< IF_curr_exp neurons per core, 1 … 256 (the 2018 code used 100)
    int timeScaleFactor = 0;  ///< Wall-clock ms per simulated ms, 1 … 10000; 0: sPyNNaker's default

    /// Throws Error naming the field (`where`.neurons_per_core …) and the value.
    void validate(const std::string& where = "spinnaker") const;

    bool operator==(const BoardRunSettings&) const = default;
};

/// The settings kept in `e` (defaults when it has none). Throws Error naming
/// "experiment.json spinnaker.<field>" when a stored value is wrong.
BoardRunSettings boardRunSettings(const Experiment& e);
/// Validates and stores `s` in `e`.
void setBoardRunSettings(Experiment& e, const BoardRunSettings& s);

} // namespace scnn::model
