// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — running phases from the command line: progress bar, Ctrl-C, commit.
#pragma once

#include "app/cli/commands.h"
#include "hardware/pipeline/phaserunner.h"
#include "model/experiment.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace scnn::cli {

/// Options every phase command takes.
struct PhaseCliOptions
{
    bool json = false;
    int threads = 0;   ///< 0: all cores
    bool force = false; ///< Run even when checkRunLimits() refuses
};

/// Reads --json, --threads and --force.
PhaseCliOptions readPhaseOptions(Args& args);

/**
 * @brief Checks, before anything runs, that the experiment fits the memory,
 * its data holds the examples asked for, and the run takes less than a day
 * (model/limits.h). Warnings go to io.err; a refusal throws model::Error
 * with the numbers, unless `force` (then it is a warning too).
 */
void checkRunLimits(const model::Experiment& e, bool force, Io& io);

/**
 * @brief Runs `requests` one after another on the experiment in `dir`,
 * saving it after each phase that ends well. Progress goes to io.err (a
 * bar when stderr is a terminal, otherwise a plain line every few seconds);
 * Ctrl-C cancels the running phase and leaves the experiment as it was
 * before it (model::Cancelled propagates). Returns the outcomes.
 */
std::vector<hardware::pipeline::PhaseOutcome> runPhases(const std::string& dir,
                                                        const std::vector<hardware::pipeline::PhaseRequest>& requests,
                                                        const PhaseCliOptions& options, Io& io);

/// `{"phase", "accuracy", "seconds", "examples"}` of one outcome (accuracy null for training).
nlohmann::json outcomeJson(const hardware::pipeline::PhaseOutcome& o);

/// "1:05" / "1:02:03" for the ETA.
std::string formatDuration(double seconds);

} // namespace scnn::cli
