// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the training pipeline as the window's phase functions.
#pragma once

#include "app/workbench/phase.h"
#include "hardware/backendregistry.h"

#include "hardware/backend.h"

#include <QString>

#include <functional>
#include <memory>

namespace scnn::app {

/**
 * @brief Phase functions that run the training pipeline
 * (hardware::pipeline::runPhase) on the experiment's backend and commit the
 * outcome into a copy of the snapshot (hardware::pipeline::commitPhase).
 * The loaded dataset is shared between phases while the selection stays the
 * same. `threads` bounds the simulator's threads (0: all cores but one, so
 * the window keeps a core).
 *
 * `config` (when set) is asked on the calling (GUI) thread each time a phase
 * is created, for the interpreter and SpiNNaker machine settings of PyNN
 * backends; the experiment's own SpiNNaker settings (neurons per core, time
 * scale factor) are then taken from the phase's snapshot, and the script's
 * output goes to the run log.
 */
using BackendConfigSource = std::function<hardware::BackendConfig()>;
PhaseProvider pipelinePhases(int threads = 0, BackendConfigSource config = {});

/// Makes the backend a phase runs on (called on the worker thread, once per phase).
/// `sink` takes the backend's log lines (a PyNN script's output).
using BackendFactory = std::function<std::unique_ptr<hardware::Backend>(const model::Experiment&, PhaseSink& sink)>;

/// As above, with the backends made by `backends` (e.g. a test's failing one).
PhaseProvider pipelinePhases(int threads, BackendFactory backends);

} // namespace scnn::app
