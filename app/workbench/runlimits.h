// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — asks before a run the simulator cannot hold or that would take days.
#pragma once

#include "model/experiment.h"
#include "model/limits.h"

#include <QString>

#include <vector>

class QWidget;

namespace scnn::app {

/**
 * @brief The limit findings (model::checkRun()) of running `e` on the
 * embedded simulator with this machine's available memory; empty for other
 * backends, and when the data files cannot be read (the run reports that).
 */
std::vector<model::LimitIssue> runLimitIssues(const model::Experiment& e);

/**
 * @brief Asks before a run that would fail or take days, with the numbers.
 *
 * Too few examples: a message, and the run does not start. Too large for the
 * memory or longer than a day: a warning with "Run Anyway" and "Cancel"
 * (the default). Returns whether to start; true at once when there is
 * nothing to say.
 */
bool confirmRunLimits(QWidget* parent, const model::Experiment& e);

} // namespace scnn::app
