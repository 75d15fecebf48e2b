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
class Simulation : public EngineBase
{
public:
    explicit Simulation(const SimNetwork& net);

    void reset(bool keepWeights) override;
    std::vector<std::vector<double>> finalWeights() const override;

protected:
    void doStep() override;
    double sampleValue(const RecordMembrane& m, std::int32_t internal) const override;
    std::vector<double> plasticWeights(int projection) const override;

private:
    struct PopState
    {
        std::vector<double> v, ie, ii, refrEnd;
        std::vector<double> ringE, ringI; ///< ringLength × size
        std::vector<std::uint8_t> active; ///< Per block of 64: has left the initial state
    };
    struct PlasticState
    {
        std::vector<double> w, P, M, last, lastPre;
        std::vector<std::vector<std::uint32_t>> queue; ///< ringLength slots of synapse ids
    };

    static void resetNeurons(PopState& s, const PopulationPlan& plan);
    void updatePopulation(int index) override;
    void deliver(int projIndex);
    void plasticArrivals(int projIndex);
    void plasticPost(int projIndex);
    void startPresentation();

    std::vector<PopState> m_pops;
    std::vector<PlasticState> m_plastic;
    std::int64_t m_presentationStart = 0;
};

} // namespace scnn::hardware::sim
