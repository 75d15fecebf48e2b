// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — collects the phase descriptions a pipeline phase runs, for export.
#include "hardware/spinnaker/pynnphasecapture.h"

#include "model/error.h"

#include <algorithm>

namespace scnn::hardware {

namespace {

bool isPlastic(const PhaseDescription& p)
{
    return std::any_of(p.projections.begin(), p.projections.end(), [](const Projection& x) { return x.stdp; });
}

void checkSameNetwork(const PhaseDescription& a, const PhaseDescription& b, std::size_t piece)
{
    bool same = a.populations.size() == b.populations.size() && a.projections.size() == b.projections.size() &&
                a.dt == b.dt;
    for (std::size_t i = 0; same && i < a.populations.size(); ++i)
        same = a.populations[i].size == b.populations[i].size && a.populations[i].type == b.populations[i].type;
    if (!same)
        throw model::Error("piece " + std::to_string(piece) + " of the phase describes another network", "export");
}

} // namespace

PynnPhaseCapture::PynnPhaseCapture(std::unique_ptr<Backend> inner) : m_inner(std::move(inner)) {}

std::string PynnPhaseCapture::name() const
{
    return m_inner->name();
}

PhaseResult PynnPhaseCapture::run(const PhaseDescription& phase, const RunControl& control)
{
    m_captured.push_back(phase);
    return m_inner->run(phase, control);
}

PhaseDescription mergeCapturedPhases(const std::vector<PhaseDescription>& pieces)
{
    std::vector<const PhaseDescription*> plastic, batches;
    for (const PhaseDescription& p : pieces)
        (isPlastic(p) ? plastic : batches).push_back(&p);
    if (!plastic.empty()) {
        PhaseDescription whole = *plastic.front();
        if (whole.batch)
            throw model::Error("plastic trial batches cannot be merged into one script", "export");
        double offset = whole.durationMs;
        for (std::size_t k = 1; k < plastic.size(); ++k) {
            const PhaseDescription& p = *plastic[k];
            checkSameNetwork(whole, p, k);
            for (std::size_t i = 0; i < p.populations.size(); ++i) {
                if (p.populations[i].type != CellType::SpikeSourceArray)
                    continue;
                const SpikeList& s = p.populations[i].spikes;
                for (std::size_t j = 0; j < s.size(); ++j)
                    whole.populations[i].spikes.add(s.ids[j], s.times[j] + offset);
            }
            offset += p.durationMs;
        }
        whole.durationMs = offset;
        if (plastic.size() > 1 && whole.recordWeights.empty()) {
            for (int j = 0; j < int(whole.projections.size()); ++j)
                if (whole.projections[std::size_t(j)].stdp)
                    whole.recordWeights.push_back({j, plastic[1]->durationMs});
        }
        return whole;
    }
    std::vector<const PhaseDescription*> trials;
    for (const PhaseDescription* p : batches)
        if (p->batch)
            trials.push_back(p);
    if (!trials.empty()) {
        PhaseDescription whole = *trials.front();
        for (std::size_t k = 1; k < trials.size(); ++k) {
            checkSameNetwork(whole, *trials[k], k);
            const auto& more = trials[k]->batch->inputs;
            whole.batch->inputs.insert(whole.batch->inputs.end(), more.begin(), more.end());
        }
        return whole;
    }
    if (batches.size() == 1)
        return *batches.front();
    throw model::Error(pieces.empty() ? "the phase ran nothing on a backend (its results may be cached, or its "
                                        "layer trains inside the embedded simulator only)"
                                      : "the phase's pieces cannot be merged into one script",
                       "export");
}

} // namespace scnn::hardware
