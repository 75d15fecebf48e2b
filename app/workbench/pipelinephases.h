// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the training pipeline as the window's phase functions.
#pragma once

#include "app/workbench/phase.h"

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
 */
PhaseProvider pipelinePhases(int threads = 0);

/// Makes the backend a phase runs on (called on the worker thread, once per phase).
using BackendFactory = std::function<std::unique_ptr<hardware::Backend>(const model::Experiment&)>;

/// As above, with the backends made by `backends` (e.g. a test's failing one).
PhaseProvider pipelinePhases(int threads, BackendFactory backends);

} // namespace scnn::app
