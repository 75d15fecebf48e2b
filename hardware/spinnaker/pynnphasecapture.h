// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — collects the phase descriptions a pipeline phase runs, for export.
#pragma once

#include "hardware/backend.h"

#include <memory>
#include <string>
#include <vector>

namespace scnn::hardware {

/**
 * @brief A Backend that runs every phase on another backend and keeps a copy
 * of each description: the pipeline runs a phase in pieces (training chunks
 * between weight snapshots, feature blocks of 1000 examples, the rebuild of
 * the layers below), and export needs them as one description.
 *
 * @code
 * PynnPhaseCapture capture(std::make_unique<SimBackend>());
 * pipeline::runPhase(request, inputs, capture, control);
 * PhaseDescription whole = mergeCapturedPhases(capture.captured());
 * @endcode
 */
class PynnPhaseCapture : public Backend
{
public:
    explicit PynnPhaseCapture(std::unique_ptr<Backend> inner);

    std::string name() const override;
    PhaseResult run(const PhaseDescription& phase, const RunControl& control) override;

    const std::vector<PhaseDescription>& captured() const { return m_captured; }

private:
    std::unique_ptr<Backend> m_inner;
    std::vector<PhaseDescription> m_captured;
};

/**
 * @brief The pieces of one phase as one description.
 *
 * With plastic pieces (layer training) those are the phase: their spike
 * sources are concatenated in time, the weights start from the first piece's
 * and a weight snapshot is taken at every piece boundary of the original run
 * (the pieces without plasticity, the rebuild of the layers below, only
 * produced the training input). Otherwise the batch pieces are the phase and
 * their trials are concatenated. Throws model::Error when nothing was
 * captured or the pieces do not describe the same network.
 */
PhaseDescription mergeCapturedPhases(const std::vector<PhaseDescription>& pieces);

} // namespace scnn::hardware
