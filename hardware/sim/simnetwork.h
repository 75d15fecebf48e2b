// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a phase description compiled for the embedded simulator.
#pragma once

#include "hardware/backend.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::hardware::sim {

/**
 * @brief Per-step constants of one neuron population, computed once.
 *
 * Exact integration of PyNN's IF_curr_exp over one step dt (Brian 2's
 * `exact` method; the oracle README §4.1):
 *
 *   v' = v_inf + (v − v_inf)·em + i_e·ke − i_i·ki + drive
 *   i_e' = i_e·ee,  i_i' = i_i·ei
 *
 * with em = e^(−dt/τm), ee = e^(−dt/τE), ei = e^(−dt/τI),
 * v_inf = v_rest + i_offset·τm/cm, ke = τm·τE/(cm·(τm−τE))·(em − ee) [mV/nA],
 * ki likewise, drive = 0. The non-leaky IF cell is the limit τm → ∞:
 * em = 1, v_inf = 0, ke = τE/cm·(1 − ee), drive = i_offset·dt/cm [mV].
 */
struct NeuronConstants
{
    double em = 1.0;
    double ee = 0.0;
    double ei = 0.0;
    double ke = 0.0;     ///< [mV/nA]
    double ki = 0.0;     ///< [mV/nA]
    double vInf = 0.0;   ///< [mV]
    double drive = 0.0;  ///< [mV per step]
    double vThresh = 0.0; ///< [mV], strict: spike when v > vThresh
    double vReset = 0.0;  ///< [mV]
    double v0 = -65.0;    ///< Initial membrane potential [mV]
    /// Brian 2's refractory count R = floor(tau_refrac/dt + 0.001) [steps]:
    /// after a spike in step n the updates of steps n+1 … n+R−1 are skipped.
    double refracSteps = 0.0;
    bool nonLeaky = false; ///< At most one spike per presentation
};

/// Compiled population: constants, layout and (for sources) the default spikes.
struct PopulationPlan
{
    int size = 0;
    CellType type = CellType::IfCurrExp;
    NeuronConstants c;
    /// Internal order of the neurons (empty: identity). A population fed by a
    /// convolution is stored position-major (channel innermost) so that one
    /// input spike adds a contiguous run of kernel weights.
    std::vector<std::int32_t> toInternal;
    std::vector<std::int32_t> toExternal;
    int ringLength = 1;        ///< Delay ring slots (largest incoming delay + 1)
    bool hasInhibitory = false; ///< Some projection targets i_i
    bool hasExcitatory = false;

    /// The initial state is a fixed point of the update (v0 = v_inf, no
    /// drive): untouched neurons need no update.
    bool quiescentStart() const
    {
        return c.drive == 0.0 && (c.v0 == c.vInf || (c.em == 1.0 && c.vInf == 0.0));
    }

    std::int32_t internal(std::int32_t ext) const { return toInternal.empty() ? ext : toInternal[ext]; }
    std::int32_t external(std::int32_t in) const { return toExternal.empty() ? in : toExternal[in]; }
};

/// Static list, CSR by (internal) pre neuron. 12 bytes per synapse (+2 with mixed delays).
struct StaticListPlan
{
    std::vector<std::uint32_t> offsets; ///< n_pre + 1
    std::vector<std::uint32_t> post;    ///< Internal post index
    std::vector<double> weight;         ///< [nA]
    std::vector<std::uint16_t> delay;   ///< Per synapse [steps]; empty: uniformDelay
    int uniformDelay = 1;
};

/// Static all-to-all: nothing is expanded.
struct StaticAllToAllPlan
{
    double weight = 0.0;
    int delay = 1;
    bool skipSelf = false;
};

/// Static convolution run from the kernels (event-driven, no expansion).
struct ConvPlan
{
    int delay = 1;
    int outC = 0;          ///< Output channels
    int kCount = 0;        ///< Kernels K
    int kArea = 0;         ///< kh·kw
    int inC = 0;
    bool perChannel = false;
    bool fastLayout = false; ///< Post population stored position-major with outC channels
    std::vector<std::int32_t> preChannel;  ///< Per internal pre index
    std::vector<std::int32_t> prePosition; ///< Per internal pre index: y·W + x
    /// Per input position: entries [entryOffsets[p], entryOffsets[p+1]) of
    /// (output position, ky·kw + kx).
    std::vector<std::uint32_t> entryOffsets;
    std::vector<std::int32_t> entryOutPos;
    std::vector<std::int32_t> entryKernelOffset;
    /// kernT[((ci·kArea) + kofs)·K + k] (perChannel: kernT[kofs·K + k]) [nA]
    std::vector<double> kernT;
    int outHW = 0;

    /// Calls f(internal post index, index into kernT) for every target of a
    /// spike of internal pre neuron `pre`.
    template<class F>
    void forEachTarget(std::int32_t pre, const PopulationPlan& post, F&& f) const;
};

template<class F>
void ConvPlan::forEachTarget(std::int32_t pre, const PopulationPlan& post, F&& f) const
{
    const int ci = preChannel[std::size_t(pre)];
    const int pos = prePosition[std::size_t(pre)];
    for (std::uint32_t q = entryOffsets[std::size_t(pos)]; q < entryOffsets[std::size_t(pos) + 1]; ++q) {
        const int outPos = entryOutPos[q];
        const int kofs = entryKernelOffset[q];
        for (int k = 0; k < kCount; ++k) {
            const int ch = perChannel ? k * inC + ci : k;
            const std::size_t w = perChannel ? std::size_t(kofs) * kCount + k
                                             : (std::size_t(ci) * kArea + kofs) * kCount + k;
            f(post.internal(ch * outHW + outPos), w);
        }
    }
}

/// Plastic projection: explicit synapses with their initial weights.
struct PlasticPlan
{
    model::StdpParams stdp;
    std::vector<std::int32_t> pre;   ///< Internal indices
    std::vector<std::int32_t> post;
    std::vector<double> weight0;     ///< [nA]
    std::vector<std::uint16_t> delay; ///< [steps]
    std::vector<std::uint32_t> preOffsets, preSynapses;   ///< CSR by pre
    std::vector<std::uint32_t> postOffsets, postSynapses; ///< CSR by post
    int ringLength = 2;
};

enum class PlanKind { StaticList, StaticAllToAll, Conv, Plastic };

struct ProjectionPlan
{
    std::string label;
    int pre = 0;
    int post = 0;
    bool inhibitory = false;
    PlanKind kind = PlanKind::StaticList;
    StaticListPlan list;
    StaticAllToAllPlan all;
    ConvPlan conv;
    PlasticPlan plastic;
    std::int64_t synapseCount = 0;
};

/**
 * @brief The immutable, compiled form of a PhaseDescription, shared by all
 * threads: constants, internal layouts and connectivity.
 */
class SimNetwork
{
public:
    /// Validates `phase` (throws model::Error naming the object) and compiles it.
    explicit SimNetwork(const PhaseDescription& phase);

    const PhaseDescription& phase() const { return m_phase; }
    double dt() const { return m_phase.dt; }
    std::int64_t steps() const { return m_steps; }
    std::int64_t presentationSteps() const { return m_presentationSteps; }
    const std::vector<PopulationPlan>& populations() const { return m_pops; }
    const std::vector<ProjectionPlan>& projections() const { return m_projs; }
    bool hasPlastic() const { return m_hasPlastic; }

    /// Bytes held by connectivity, constants and one set of per-run state.
    std::size_t connectivityBytes() const;
    std::int64_t synapseCount() const;

    /// Step of a spike-source time: floor(t/dt + 0.001) (Brian 2's SpikeGeneratorGroup).
    std::int64_t sourceStep(double tMs) const;

private:
    void validate() const;
    void compilePopulations();
    void compileProjections();

    const PhaseDescription& m_phase;
    std::int64_t m_steps = 0;
    std::int64_t m_presentationSteps = 0;
    std::vector<PopulationPlan> m_pops;
    std::vector<ProjectionPlan> m_projs;
    bool m_hasPlastic = false;
};

/// Steps of a delay: round(d/dt) (PyNN and Brian 2 both round).
int delaySteps(double delayMs, double dt);

} // namespace scnn::hardware::sim
