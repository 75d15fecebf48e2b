// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the run state of one simulation and its step loop.
#pragma once

#include "hardware/sim/simengine.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace scnn::hardware::sim {

/**
 * @brief The mutable state of one simulation over a SimNetwork, with the
 * step semantics of PyNN's IF_curr_exp on Brian 2 (oracle README §4).
 *
 * Per step n (t = n·dt):
 *  1. every neuron: unless refractory ((n − n_last) < R), exact update of v
 *     with the currents at the start of the step; the currents decay, then the
 *     deliveries due in step n are added (they arrived after this update);
 *  2. threshold v > v_thresh (not refractory): spike labelled n·dt, v = v_reset;
 *     sources emit the spikes of step n;
 *  3. every projection in order pushes this step's spikes into its delay ring
 *     (delivered in step n + D); plastic projections then process the pre
 *     arrivals due now (weight update, then i_e += w), then the post spikes.
 *
 * Float64 throughout: the same spikes as the peer and v within rounding
 * error (the smallest threshold margin in the oracle cases is 6e-6 mV).
 */
class Simulation : public SimEngine
{
public:
    explicit Simulation(const SimNetwork& net);

    void reset(bool keepWeights) override;
    void setSource(int population, const SpikeList* spikes) override;
    void configure(bool record, int countPopulation) override;
    bool run(std::int64_t steps, const std::atomic<bool>* stop, const std::atomic<bool>* stop2) override;
    TrialRecord takeRecord() override;
    std::vector<std::vector<double>> finalWeights() const override;
    std::uint64_t synapticEvents() const override { return m_events; }

private:
    struct PopState
    {
        std::vector<double> v, ie, ii, refrEnd;
        std::vector<double> ringE, ringI; ///< ringLength × size
        std::vector<std::int32_t> fired;  ///< Internal ids that spiked this step
        // Spike sources: step-indexed CSR of internal ids.
        std::vector<std::uint32_t> srcOffsets;
        std::vector<std::int32_t> srcIds;
    };
    struct PlasticState
    {
        std::vector<double> w, P, M, last, lastPre;
        std::vector<std::vector<std::uint32_t>> queue; ///< ringLength slots of synapse ids
    };

    void doStep();
    void updatePopulation(int index);
    void deliver(int projIndex);
    void plasticArrivals(int projIndex);
    void plasticPost(int projIndex);
    void startPresentation();
    void recordStep();
    void sampleState(const RecordMembrane& m, MembraneTrace& tr) const;
    void buildSource(int population, const SpikeList& spikes);

    const SimNetwork& m_net;
    std::vector<PopState> m_pops;
    std::vector<PlasticState> m_plastic;
    std::int64_t m_step = 0;
    std::int64_t m_presentationStart = 0;
    std::uint64_t m_events = 0;

    bool m_record = true;
    int m_countPopulation = -1;
    TrialRecord m_rec;
    std::vector<std::int64_t> m_membraneEvery;
    std::vector<std::int64_t> m_weightEvery;
    std::vector<std::int32_t> m_sortBuffer;
};

} // namespace scnn::hardware::sim
