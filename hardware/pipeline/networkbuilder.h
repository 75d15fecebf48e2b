// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — backend phase descriptions for rebuilding and training layers.
#pragma once

#include "hardware/backend.h"
#include "model/network.h"
#include "model/parameters.h"

#include <cstdint>
#include <vector>

namespace scnn::hardware::pipeline {

/**
 * @brief Pooling layers in a rebuild: a spiking max-pool approximation.
 *
 * Each pooled output is an IF_curr_exp neuron fed by every input of its
 * window (per channel) with a strong weight, so any single input spike makes
 * it fire: the output is the union ("OR") of the window's spike trains,
 * thinned by a 2 ms refractory period. For rate-coded inputs this passes the
 * most active input's rhythm, which is what max pooling of counts keeps.
 */
model::NeuronParams poolNeuronParams();
inline constexpr double poolWeight = 10.0; ///< [nA]; one spike lifts v well past threshold

/// The network rebuilt with fixed weights up to and including `lastLayer`.
struct RebuildNetwork
{
    PhaseDescription phase;          ///< Batch-ready: population 0 is the input source
    std::vector<int> layerPopulation; ///< Population of each layer's output (index = layer)
};

/**
 * @brief Layers 0 … lastLayer with their learned kernels (conv: rebuild
 * neuron parameters; pool: poolNeuronParams()) behind an input spike source
 * of the network's input tensor. Throws Error naming the layer when a conv
 * layer has no kernels or kernels of the wrong size.
 */
RebuildNetwork rebuildNetwork(const model::Network& net, const std::vector<std::vector<double>>& kernels,
                              int lastLayer, std::uint64_t seed);

/// Where the windows of a layer's input lie.
struct WindowGeometry
{
    model::Shape in;  ///< The layer's input tensor
    int kh = 0;
    int kw = 0;
    int stride = 1;

    int outH() const { return (in.h - kh) / stride + 1; }
    int outW() const { return (in.w - kw) / stride + 1; }
    int positions() const { return outH() * outW(); }
    /// Window-local sources: (c·kh + ky)·kw + kx.
    int sources() const { return in.c * kh * kw; }
};

/**
 * @brief Cuts one example's spikes (ids channel-major c·H·W + y·W + x) into
 * the windows of every output position, position-major (oy·outW + ox).
 * Each window keeps the spike times and gets window-local ids; a spike that
 * lies in several overlapping windows appears in each.
 */
std::vector<SpikeList> cutWindows(const SpikeList& example, const WindowGeometry& g);

/// Spikes of [from, to) shifted by `shift` (times must be sorted).
SpikeList sliceSpikes(const SpikeList& s, double from, double to, double shift);

/**
 * @brief The original training network of one conv layer: `sources` spike
 * sources (population 0) connected all-to-all to replicas × kernels neurons
 * (population 1, training parameters) by a plastic list (projection 0,
 * weights in [replica][kernel][source] order), with all-to-all inhibition
 * inside each replica (projection 1, when enabled). Records the kernel
 * neurons' spikes; with `membraneNeurons` > 0 also their membranes every dt.
 */
PhaseDescription windowTrainingPhase(const model::Layer& layer, const model::TimingParams& timing,
                                     int sources, int replicas, const std::vector<double>& weights,
                                     SpikeList input, double durationMs, std::uint64_t seed,
                                     int membraneNeurons);

/// Initial weights Normal(mean, sigma) clipped to [w_min, w_max], from `seed`.
std::vector<double> initialWeights(const model::StdpParams& p, std::size_t count, std::uint64_t seed);

} // namespace scnn::hardware::pipeline
