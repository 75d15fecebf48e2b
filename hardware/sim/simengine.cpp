// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — engine selection.
#include "hardware/sim/simengine.h"

#include "hardware/sim/simulation.h"
#include "hardware/sim/spinnakersimulation.h"

#include <algorithm>
#include <cmath>

namespace scnn::hardware::sim {

EngineBase::EngineBase(const SimNetwork& net)
    : m_net(net)
{
    const PhaseDescription& ph = net.phase();
    const auto& pops = net.populations();
    m_fired.resize(pops.size());
    m_sources.resize(pops.size());
    for (std::size_t p = 0; p < pops.size(); ++p) {
        m_fired[p].reserve(std::size_t(pops[p].size));
        if (pops[p].type == CellType::SpikeSourceArray)
            buildSource(int(p), ph.populations[p].spikes);
    }
    for (const auto& m : ph.recordMembrane)
        m_membraneEvery.push_back(std::max<std::int64_t>(1, std::llround(m.intervalMs / ph.dt)));
    for (const auto& w : ph.recordWeights)
        m_weightEvery.push_back(std::max<std::int64_t>(1, std::llround(w.everyMs / ph.dt)));
}

void EngineBase::buildSource(int population, const SpikeList& spikes)
{
    Source& s = m_sources[std::size_t(population)];
    const std::int64_t steps = m_net.steps();
    s.offsets.assign(std::size_t(steps) + 1, 0);
    std::vector<std::int64_t> at(spikes.size());
    std::size_t kept = 0;
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        at[k] = m_net.sourceStep(spikes.times[k]);
        if (at[k] >= 0 && at[k] < steps) {
            ++s.offsets[std::size_t(at[k]) + 1];
            ++kept;
        }
    }
    for (std::int64_t st = 0; st < steps; ++st)
        s.offsets[std::size_t(st) + 1] += s.offsets[std::size_t(st)];
    s.ids.resize(kept);
    std::vector<std::uint32_t> fill(s.offsets.begin(), s.offsets.end() - 1);
    for (std::size_t k = 0; k < spikes.size(); ++k)
        if (at[k] >= 0 && at[k] < steps)
            s.ids[fill[std::size_t(at[k])]++] = spikes.ids[k];
}

void EngineBase::setSource(int population, const SpikeList* spikes)
{
    buildSource(population, spikes ? *spikes : m_net.phase().populations[std::size_t(population)].spikes);
}

void EngineBase::updatePopulations()
{
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type != CellType::SpikeSourceArray) {
            updatePopulation(int(p));
            continue;
        }
        const Source& s = m_sources[p];
        m_fired[p].assign(s.ids.begin() + s.offsets[std::size_t(m_step)],
                          s.ids.begin() + s.offsets[std::size_t(m_step) + 1]);
    }
}

void EngineBase::configure(bool record, int countPopulation)
{
    m_record = record;
    m_countPopulation = countPopulation;
    reset(true);
}

bool EngineBase::run(std::int64_t steps, const std::atomic<bool>* stop, const std::atomic<bool>* stop2)
{
    for (std::int64_t k = 0; k < steps; ++k) {
        if ((k & 7) == 0 && ((stop && stop->load(std::memory_order_relaxed))
                             || (stop2 && stop2->load(std::memory_order_relaxed))))
            return false;
        doStep();
        ++m_step;
        recordStep();
    }
    return true;
}

void EngineBase::sampleInto(const RecordMembrane& m, MembraneTrace& tr) const
{
    const PopulationPlan& plan = m_net.populations()[std::size_t(m.population)];
    for (auto ext : m.neurons)
        tr.values.push_back(sampleValue(m, plan.internal(ext)));
}

void EngineBase::beginRecording()
{
    m_step = 0;
    const PhaseDescription& ph = m_net.phase();
    m_rec = TrialRecord{};
    for (auto& f : m_fired)
        f.clear();
    if (m_record) {
        m_rec.spikes.resize(ph.recordSpikes.size());
        m_rec.membranes.resize(ph.recordMembrane.size());
        for (std::size_t r = 0; r < ph.recordMembrane.size(); ++r) {
            MembraneTrace& tr = m_rec.membranes[r];
            tr.neurons = ph.recordMembrane[r].neurons;
            tr.times.push_back(0.0);
            sampleInto(ph.recordMembrane[r], tr);
        }
        m_rec.weights.resize(ph.recordWeights.size());
    }
    if (m_countPopulation >= 0)
        m_rec.counts.assign(std::size_t(m_net.populations()[std::size_t(m_countPopulation)].size), 0);
}

void EngineBase::recordStep()
{
    const auto& pops = m_net.populations();
    if (m_countPopulation >= 0) {
        const PopulationPlan& plan = pops[std::size_t(m_countPopulation)];
        for (auto i : m_fired[std::size_t(m_countPopulation)])
            ++m_rec.counts[std::size_t(plan.external(i))];
    }
    if (!m_record)
        return;
    const PhaseDescription& ph = m_net.phase();
    const double t = double(m_step - 1) * ph.dt; // label of the step just processed
    for (std::size_t r = 0; r < ph.recordSpikes.size(); ++r) {
        const int p = ph.recordSpikes[r].population;
        const auto& fired = m_fired[std::size_t(p)];
        if (fired.empty())
            continue;
        m_sortBuffer.clear();
        for (auto i : fired)
            m_sortBuffer.push_back(pops[std::size_t(p)].external(i));
        std::sort(m_sortBuffer.begin(), m_sortBuffer.end());
        for (auto id : m_sortBuffer)
            m_rec.spikes[r].add(id, t);
    }
    for (std::size_t r = 0; r < ph.recordMembrane.size(); ++r) {
        if (m_step % m_membraneEvery[r] != 0)
            continue;
        MembraneTrace& tr = m_rec.membranes[r];
        tr.times.push_back(double(m_step) * ph.dt);
        sampleInto(ph.recordMembrane[r], tr);
    }
    for (std::size_t r = 0; r < ph.recordWeights.size(); ++r) {
        if (m_step % m_weightEvery[r] != 0)
            continue;
        WeightSnapshot snap;
        snap.timeMs = double(m_step) * ph.dt;
        snap.weights = plasticWeights(ph.recordWeights[r].projection);
        m_rec.weights[r].push_back(std::move(snap));
    }
}

TrialRecord EngineBase::takeRecord()
{
    TrialRecord out = std::move(m_rec);
    m_rec = TrialRecord{};
    return out;
}

std::unique_ptr<SimEngine> makeEngine(const SimNetwork& net)
{
    if (net.phase().spinnakerFidelity)
        return std::make_unique<SpinnakerSimulation>(net);
    return std::make_unique<Simulation>(net);
}

} // namespace scnn::hardware::sim
