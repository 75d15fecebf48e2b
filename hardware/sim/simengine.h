// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what every step engine of the embedded simulator offers.
#pragma once

#include "hardware/sim/simnetwork.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace scnn::hardware::sim {

/**
 * @brief What one run (or one trial) recorded, in external neuron indices.
 */
struct TrialRecord
{
    std::vector<SpikeList> spikes;               ///< Per RecordSpikes request
    std::vector<MembraneTrace> membranes;        ///< Per RecordMembrane request
    std::vector<std::vector<WeightSnapshot>> weights; ///< Per RecordWeights request
    std::vector<std::int32_t> counts;            ///< Spikes per neuron of the counted population
};

/**
 * @brief The mutable state of one simulation over a SimNetwork and its step
 * loop. One object per thread; nothing in it is shared.
 */
class SimEngine
{
public:
    virtual ~SimEngine() = default;

    /// Back to the initial state. Plastic weights restart from the
    /// description unless `keepWeights`.
    virtual void reset(bool keepWeights) = 0;
    /// Replaces the spikes of a source population (batch trials); nullptr
    /// restores the description's.
    virtual void setSource(int population, const SpikeList* spikes) = 0;
    /// Whether spikes/membranes/weights are recorded, which population is
    /// counted (−1: none); restarts the state but keeps the weights.
    virtual void configure(bool record, int countPopulation) = 0;
    /// Runs `steps` steps. Returns false when a stop flag was seen (checked
    /// every 8 steps).
    virtual bool run(std::int64_t steps, const std::atomic<bool>* stop, const std::atomic<bool>* stop2) = 0;
    virtual TrialRecord takeRecord() = 0;
    /// Per projection: learned weights (plastic), the given ones (static
    /// list), else empty [nA].
    virtual std::vector<std::vector<double>> finalWeights() const = 0;
    virtual std::uint64_t synapticEvents() const = 0;
};

/**
 * @brief What both engines share: spike-source replay, the step loop with
 * its stop checks, recording (spikes, sampled state, weight snapshots,
 * counts) in external indices.
 */
class EngineBase : public SimEngine
{
public:
    explicit EngineBase(const SimNetwork& net);

    void setSource(int population, const SpikeList* spikes) override;
    void configure(bool record, int countPopulation) override;
    bool run(std::int64_t steps, const std::atomic<bool>* stop, const std::atomic<bool>* stop2) override;
    TrialRecord takeRecord() override;
    std::uint64_t synapticEvents() const override { return m_events; }

protected:
    /// One step of the engine's semantics; fills m_fired.
    virtual void doStep() = 0;
    /// The recorded variable of neuron `internal` (v [mV], currents [nA]).
    virtual double sampleValue(const RecordMembrane& m, std::int32_t internal) const = 0;
    /// Current weights of plastic projection `projection` [nA].
    virtual std::vector<double> plasticWeights(int projection) const = 0;

    /// Restarts the step counter and the recordings (call at the end of reset()).
    void beginRecording();
    /// After a step: counts, spikes, samples and snapshots due now.
    void recordStep();
    /// Neuron populations: membrane update, threshold, reset (fills m_fired).
    virtual void updatePopulation(int index) = 0;
    /// Every population in order: sources emit, neurons update.
    void updatePopulations();

    const SimNetwork& m_net;
    std::vector<std::vector<std::int32_t>> m_fired; ///< Per population: internal ids that spiked this step
    std::int64_t m_step = 0;
    std::uint64_t m_events = 0;

private:
    struct Source
    {
        std::vector<std::uint32_t> offsets; ///< Step-indexed CSR
        std::vector<std::int32_t> ids;
    };
    void buildSource(int population, const SpikeList& spikes);
    void sampleInto(const RecordMembrane& m, MembraneTrace& tr) const;

    std::vector<Source> m_sources;
    bool m_record = true;
    int m_countPopulation = -1;
    TrialRecord m_rec;
    std::vector<std::int64_t> m_membraneEvery;
    std::vector<std::int64_t> m_weightEvery;
    std::vector<std::int32_t> m_sortBuffer;
};

/// The engine the description asks for (Brian 2 semantics or SpiNNaker fidelity).
std::unique_ptr<SimEngine> makeEngine(const SimNetwork& net);

} // namespace scnn::hardware::sim
