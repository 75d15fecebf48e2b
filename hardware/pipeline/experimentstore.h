// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — between an experiment and the phase runner: inputs, commit, pending phases.
#pragma once

#include "hardware/pipeline/phaserunner.h"
#include "model/experiment.h"
#include "model/training.h"

#include <memory>
#include <string>
#include <vector>

namespace scnn::hardware::pipeline {

/// The training settings stored in experiment.json ("training"), or the defaults.
model::TrainingSettings trainingSettings(const model::Experiment& e);
void setTrainingSettings(model::Experiment& e, const model::TrainingSettings& s);

/**
 * @brief A value snapshot of what phases read from `e`: network, settings,
 * kernels, the rebuilt-spike cache, the SVM. Loads the dataset unless `data`
 * is given (pass it to share one loaded dataset between phases).
 */
PhaseInputs phaseInputs(const model::Experiment& e, std::shared_ptr<const model::Dataset> data = nullptr);

/**
 * @brief Applies a finished phase to `e` (in memory; the caller saves):
 * train layer n: the chosen kernels become weights/layerN.npy (before:
 * weights/layerN_initial.npy); every replica's kernels before/after, weight
 * snapshots, the recorded spikes and membranes and the spike counts go to
 * training/layerN/…; a newly rebuilt cache replaces cache/…; the SVM of an
 * older model is dropped. svm: the model text, its scaling and C, the
 * training features. test: features, predictions, confusion, precision and
 * recall. Every phase adds a history record (started, seconds, examples,
 * accuracy) and a log line.
 */
void commitPhase(const PhaseOutcome& outcome, model::Experiment& e, const std::string& startedIso);

/// The phases `scnn run` still has to do, in order: untrained conv layers,
/// then svm when there is no SVM, then test when no test followed the last svm.
std::vector<PhaseRequest> pendingPhases(const model::Experiment& e);

/// The last test record's confusion etc., when there is one.
std::optional<model::ClassificationReport> lastTestReport(const model::Experiment& e);

/// Current UTC time as ISO 8601 ("2026-11-26T22:45:03Z").
std::string isoNow();

} // namespace scnn::hardware::pipeline
