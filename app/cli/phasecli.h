// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — running phases from the command line: progress bar, Ctrl-C, commit.
#pragma once

#include "app/cli/commands.h"
#include "hardware/pipeline/phaserunner.h"

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
};

/// Reads --json and --threads.
PhaseCliOptions readPhaseOptions(Args& args);

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
