// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — running phases from the command line: progress bar, Ctrl-C, commit.
#pragma once

#include "app/cli/commands.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/spinnaker/pynnspinnakercfg.h"
#include "model/experiment.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scnn::cli {

/// `--board HOST | --spalloc SERVER --spalloc-user USER`, `--board-version`,
/// `--neurons-per-core`, `--time-scale-factor` (export-pynn, train, test, run).
struct SpinnakerCliOptions
{
    std::string boardHost;
    std::string spallocServer;
    std::string spallocUser;
    int boardVersion = 5;
    std::optional<int> neuronsPerCore;  ///< Unset: the experiment's (or the default)
    std::optional<int> timeScaleFactor; ///< Unset: the experiment's (or sPyNNaker's default)

    bool machineGiven() const { return !boardHost.empty() || !spallocServer.empty(); }
    /// Writes the given options into `s` (machine, version, and the mapping when given).
    void applyTo(hardware::SpinnakerSettings& s) const;
};

SpinnakerCliOptions readSpinnakerOptions(Args& args);

/// Options every phase command takes.
struct PhaseCliOptions
{
    bool json = false;
    int threads = 0;   ///< 0: all cores
    std::string backend; ///< --backend: this run's backend instead of the experiment's (not saved)
    std::string python;  ///< --python: interpreter of PyNN backends
    bool yes = false;    ///< --yes: start board training that takes more than an hour
    bool force = false;  ///< --force: run even when checkRunLimits() refuses
    SpinnakerCliOptions spinnaker;
};

/// Refuses (UsageError) a --backend name the registry does not know, listing the known ones.
void checkBackendName(const std::string& name);

/// Reads --json, --threads, --backend, --python, --yes, --force and the SpiNNaker options.
PhaseCliOptions readPhaseOptions(Args& args);

/**
 * @brief Checks, before anything runs, that the experiment fits the memory,
 * its data holds the examples asked for, and the run takes less than a day
 * (model/limits.h) on `backend` (the simulator's figures; other backends
 * are not checked). Warnings go to io.err; a refusal throws model::Error
 * with the numbers, unless `force` (then it is a warning too).
 */
void checkRunLimits(const model::Experiment& e, const std::string& backend, bool force, Io& io);

/**
 * @brief Runs `requests` one after another on the experiment in `dir`,
 * saving it after each phase that ends well. Progress goes to io.err (a
 * bar when stderr is a terminal, otherwise a plain line every few seconds);
 * Ctrl-C cancels the running phase and leaves the experiment as it was
 * before it (model::Cancelled propagates). Returns the outcomes.
 *
 * On the "pynn:spinnaker" backend the real time every windowed layer
 * training takes on the board is printed first (model::boardTime); when the
 * run's training takes more than one hour it is refused (UsageError) unless
 * `options.yes`. Live output is off: nothing listens (use `scnn listen`
 * with an exported script for that).
 */
std::vector<hardware::pipeline::PhaseOutcome> runPhases(const std::string& dir,
                                                        const std::vector<hardware::pipeline::PhaseRequest>& requests,
                                                        const PhaseCliOptions& options, Io& io);

/// `{"phase", "accuracy", "seconds", "examples"}` of one outcome (accuracy null for training).
nlohmann::json outcomeJson(const hardware::pipeline::PhaseOutcome& o);

/// "1:05" / "1:02:03" for the ETA.
std::string formatDuration(double seconds);

} // namespace scnn::cli
