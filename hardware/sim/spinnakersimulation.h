// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker-fidelity engine: sPyNNaker 7.x per-tick fixed-point arithmetic.
#pragma once

#include "hardware/sim/fixedpoint.h"
#include "hardware/sim/simengine.h"

#include <array>

namespace scnn::hardware::sim {

/**
 * @brief What a SpiNNaker board running sPyNNaker 7.x computes for
 * IF_curr_exp, exponential synapses and pair STDP with additive weights
 * (docs: spinnaker.md §5). Where 6.x and 7.x differ, this follows 7.x.
 *
 * Per tick t, for every neuron (spinnaker.md §5.2):
 *  1. ring-buffer transfer: slot t (uint16 sum, saturating at 0xFFFF),
 *     `I_s += decay_s1615(r << shift_s, init_s)`;
 *  2. unless refractory: `I = I_exc − I_inh + I_offset`, `α = I ⊗ R + V_rest`,
 *     `V = α − exp_TC ⊗ (α − V)` (⊗: s16.15 multiply, floor); else the timer
 *     counts down and V is untouched;
 *  3. `V ≥ V_thresh` → spike at t, `V = V_reset`, timer = ceil(tau_refrac/dt);
 *  4. `I_s = decay_s1615(I_s, decay_s)`.
 * A spike sent at tick t with delay d lands in slot t + d: it first changes
 * the V computed at t + d (one tick earlier than Brian 2).
 *
 * Constants are computed as the 7.x chip does (kdivk, expk, expulr). Weights
 * are 16-bit with a ring-buffer left shift per post population and receptor
 * (§5.5): the largest possible slot sum is estimated as Σ over incoming
 * projections of (largest weight, w_max if plastic) × fan-in, the rule sPyNNaker
 * uses when all delays are equal (7.x uses a Poisson estimate otherwise; this
 * engine always uses the bound). Stored weight = rint(w·2^(15−shift)), i.e.
 * steps of 2^(shift−15) nA (1/2048 when the sum lies in [8, 16) nA).
 *
 * STDP (§5.7, 7.x): dendritic delays (post spikes seen d ticks late), trace
 * lookup tables floor(e^(−i·dt/τ)·2048) with their cut-off, s4.11 traces,
 * per-neuron history of the last 15 post spikes, and updates deferred to the
 * next pre spike of the synapse: potentiation for each post spike in the
 * window, depression with the latest one (also for Δ = 0), clamped after each
 * term; the updated weight is what that pre spike delivers.
 *
 * Not modelled: late or dropped packets, the 256-spike input buffer, the
 * multiplicative rule and the non-leaky cell (no sPyNNaker counterpart;
 * rejected with an error). Spike-source times map to ticks as in the float
 * engine, floor(t/dt + 0.001).
 */
class SpinnakerSimulation : public EngineBase
{
public:
    explicit SpinnakerSimulation(const SimNetwork& net);

    void reset(bool keepWeights) override;
    std::vector<std::vector<double>> finalWeights() const override;

    /// Weight step [nA] of the ring buffer of (population, inhibitory).
    double weightStep(int population, bool inhibitory) const;

protected:
    void doStep() override;
    double sampleValue(const RecordMembrane& m, std::int32_t internal) const override;
    std::vector<double> plasticWeights(int projection) const override;

private:
    using Accum = fixedpoint::Accum;

    struct PopState
    {
        fixedpoint::LifConstants7 k;
        Accum vRest = 0, vReset = 0, vThresh = 0, iOffset = 0, v0 = 0;
        int shiftE = 0, shiftI = 0;
        std::vector<Accum> v, ie, ii;
        std::vector<std::int32_t> timer;
        std::vector<std::uint32_t> ringE, ringI; ///< ringLength × size
    };
    /// The last 15 post spikes of one neuron (tick, s4.11 trace), oldest first.
    struct PostHistory
    {
        int count = 0;
        std::array<std::int64_t, 15> times{};
        std::array<std::int32_t, 15> traces{};
    };
    struct ProjState
    {
        int shift = 0;
        std::vector<std::uint16_t> w;     ///< Static list / plastic: per synapse
        std::vector<std::uint16_t> kernT; ///< Convolution: quantised kernels
        std::uint16_t allWeight = 0;      ///< All-to-all
        std::vector<std::uint16_t> w0;    ///< Plastic: initial weights
        // Plastic
        std::vector<std::int16_t> lutPlus, lutMinus;
        Accum aPlus = 0, aMinus = 0, wMin = 0, wMax = 0;
        std::vector<std::int32_t> preTrace;   ///< Per pre neuron (row)
        std::vector<std::int64_t> preTime;    ///< Per pre neuron: last pre spike tick
        std::vector<PostHistory> post;        ///< Per post neuron
    };

    void updatePopulation(int index) override;
    void deliver(int projIndex);
    void plasticRow(int projIndex, std::int32_t pre, std::uint32_t* ring, std::int64_t L, std::size_t n);
    void addPost(ProjState& ps, std::int32_t neuron);

    std::vector<PopState> m_pops;
    std::vector<ProjState> m_projs;
    std::vector<int> m_ringLength; ///< Per population: largest incoming delay + 1
};

} // namespace scnn::hardware::sim
