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

/// The engine the description asks for (Brian 2 semantics or SpiNNaker fidelity).
std::unique_ptr<SimEngine> makeEngine(const SimNetwork& net);

} // namespace scnn::hardware::sim
