// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — connection lists for convolution, pooling, inhibition, and training windows.
#pragma once

#include "model/encoding.h"
#include "model/network.h"

#include <cstdint>
#include <vector>

namespace scnn::model {

/**
 * @brief Explicit connections (the layout of hardware::FromList): pre and
 * post neuron indices, weight magnitude [nA] and delay [ms].
 */
struct Connections
{
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
    std::vector<float> weight;
    std::vector<float> delay;

    std::size_t size() const { return pre.size(); }
    void add(std::int32_t from, std::int32_t to, float w, float d)
    {
        pre.push_back(from);
        post.push_back(to);
        weight.push_back(w);
        delay.push_back(d);
    }
};

/// Channel-major flattening of (c, y, x) in a tensor: c·H·W + y·W + x.
inline std::int32_t flatIndex(const Shape& s, int c, int y, int x)
{
    return std::int32_t((c * s.h + y) * s.w + x);
}

/**
 * @brief A convolution: kernel geometry and where it applies.
 *
 * Standard: `kernels` kernels of kh×kw×C_in; weight of kernel k, input channel
 * ci, offset (ky, kx) at ((k·C_in + ci)·kh + ky)·kw + kx. perChannel (the
 * original): `kernels` kernels of kh×kw, applied to every input channel
 * separately; output map k·C_in + ci sees channel ci through kernel k, weight
 * at (k·kh + ky)·kw + kx. Same conventions as hardware::Convolution.
 */
struct ConvGeometry
{
    Shape in;
    int kernels = 1;
    int kh = 1;
    int kw = 1;
    int stride = 1;
    bool perChannel = false;

    /// floor((H − kh)/s) + 1 × floor((W − kw)/s) + 1 × maps; throws Error when empty.
    Shape out() const;
    /// Weights one kernel holds: kh·kw·C_in (perChannel: kh·kw).
    int weightsPerKernel() const;
    /// kernels · weightsPerKernel().
    int weightCount() const;

    /// The geometry of conv layer `layer` of `net` (throws Error for a pooling layer).
    static ConvGeometry ofLayer(const Network& net, int layer);
};

/**
 * @brief The full convolution as explicit connections, every output position
 * at once (for rebuilding a trained layer and for tests). Post neurons in
 * flattened order, for each the inputs in (ci, ky, kx) order.
 * Throws Error when `weights` has not weightCount() entries.
 */
Connections convolutionConnections(const ConvGeometry& g, const std::vector<float>& weights,
                                   float delayMs);

/**
 * @brief Max pooling: output (c, y, x) receives every input of its
 * size×size window at `stride` in channel c, each with `weight`.
 */
Connections poolingConnections(const Shape& in, int size, int stride, float weight, float delayMs);

/// Output tensor of a pooling layer (throws Error when empty).
Shape poolingShape(const Shape& in, int size, int stride);

/// All-to-all among `n` neurons without self connections (winner-take-all).
Connections lateralInhibition(int n, float weight, float delayMs);

/// Inhibition among the neurons at the same position (y, x) of different
/// channels of `shape` (winner-take-all across kernels at each position).
Connections positionalInhibition(const Shape& shape, float weight, float delayMs);

/// One window presented during layer-wise training.
struct TrainingWindow
{
    int example = 0;   ///< Which input presentation it was cut from
    int channel = -1;  ///< Input channel (perChannel windows), −1: all channels
    int y = 0;         ///< Top-left corner in the input tensor
    int x = 0;
    double startMs = 0.0; ///< When its presentation starts
};

/**
 * @brief The inputs of layer-wise training: every example's spikes cut into
 * windows, presented one after another.
 *
 * Sources are numbered like one kernel's weights: c·kh·kw + ky·kw + kx
 * (perChannel: ky·kw + kx, one channel per window).
 */
struct WindowedSpikes
{
    int sources = 0;                     ///< kh·kw·C (perChannel: kh·kw)
    double windowMs = 100.0;             ///< Length of one window's presentation
    std::vector<TrainingWindow> windows; ///< In presentation order
    SpikeTrains spikes;                  ///< Re-timed spikes of the sources, sorted

    double durationMs() const { return windowMs * double(windows.size()); }
};

/**
 * @brief Cuts spikes of the flattened tensor `in` into kh×kw windows at
 * `stride`. The input holds `examples` presentations of `exampleMs` each
 * (example e in [e·exampleMs, (e+1)·exampleMs)); a spike at t of example e
 * lands in each window w containing its neuron at
 * window start + (t − e·exampleMs). Windows are ordered by example, then
 * channel (perChannel), then row, then column. Spikes later than windowMs
 * into their example are dropped. Throws Error for an impossible geometry.
 */
WindowedSpikes windowSpikes(const SpikeTrains& input, const Shape& in, int examples, double exampleMs,
                            int kh, int kw, int stride, bool perChannel, double windowMs);

} // namespace scnn::model
