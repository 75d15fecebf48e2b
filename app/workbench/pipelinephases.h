// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the training pipeline as the window's phase functions.
#pragma once

#include "app/workbench/phase.h"

#include <QString>

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

} // namespace scnn::app
