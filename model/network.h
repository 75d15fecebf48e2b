// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the sequential network model and shape inference.
#pragma once

#include "model/parameters.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scnn::model {

/// A tensor shape (height, width, channels), as [H, W, C] in files and JSON.
struct Shape
{
    int h = 0;
    int w = 0;
    int c = 0;

    std::int64_t size() const { return std::int64_t(h) * w * c; }
    bool operator==(const Shape&) const = default;
};

std::string formatShape(const Shape& s); ///< "(28,28,1)"

enum class LayerKind { Conv, Pool };

/**
 * @brief One layer of the sequential model.
 *
 * Conv: `kernels` kernels of kh×kw (× input channels, unless perChannel) at `stride`.
 * With perChannel (the 2018 package's behaviour) each kh×kw kernel is applied
 * separately to every input channel and the depth becomes kernels × input depth.
 * Pool: max pooling over size×size windows at `stride`; it has nothing to learn.
 * Output size per spatial axis: floor((T − k)/s) + 1.
 */
struct Layer
{
    LayerKind kind = LayerKind::Conv;
    int kernels = 4;        ///< Conv: number of kernels (output maps)
    int kh = 4;             ///< Kernel (or pool window) height
    int kw = 4;             ///< Kernel (or pool window) width
    int stride = 3;
    bool perChannel = false; ///< Conv: the original per-channel kernels
    LayerParams params = defaultLayerParams(0); ///< Conv only

    static Layer conv(int kernels, int k, int stride, int index = 0);
    static Layer pool(int size, int stride);

    bool operator==(const Layer&) const = default;
};

/// The readout on top of the last layer's spike counts.
struct ClassifierSpec
{
    enum class Kind { Linear, Rbf };
    Kind kind = Kind::Linear;
    double c = 0.0;          ///< SVM C; 0 chooses C by cross-validation
    bool standardize = true; ///< Standardise features before the SVM

    /// What the SVM reads from the last layer.
    enum class Readout {
        SpikeCount,   ///< Spikes of each last-layer neuron in its window (the original)
        MaxPotential, ///< Shared-WTA networks: final potential of the last conv layer, max per grid cell
        FirstSpike,   ///< Shared-WTA networks: 1 if the neuron fired, max per grid cell
    };
    Readout readout = Readout::SpikeCount;
    int readoutGrid = 1;     ///< MaxPotential/FirstSpike: maps max-pooled over grid×grid cells

    bool operator==(const ClassifierSpec&) const = default;
};

std::string_view toString(ClassifierSpec::Readout r); ///< "spike_count", "max_potential", "first_spike"
ClassifierSpec::Readout readoutFromString(std::string_view s); ///< Throws Error for unknown names

/// Neuron and synapse counts of one layer (feed-forward synapses only).
struct LayerCounts
{
    Shape output;
    std::int64_t neurons = 0;
    std::int64_t synapses = 0;
    std::int64_t weights = 0; ///< Learnable parameters (shared kernel weights)
};

/**
 * @brief A sequential spiking CNN: input tensor, layers, classifier.
 *
 * @code
 * Network net;
 * net.input = {28, 28, 1};
 * net.layers.push_back(Layer::conv(4, 4, 3));
 * net.validate();                    // throws Error naming the layer
 * auto shapes = net.shapes();        // {(28,28,1), (9,9,4)}
 * @endcode
 */
struct Network
{
    Shape input{28, 28, 1};
    std::vector<Layer> layers;
    ClassifierSpec classifier;
    TimingParams timing;
    EncodingParams encoding;

    /// Input tensor followed by every layer's output tensor. Does not validate;
    /// an impossible layer gives a shape with a dimension ≤ 0.
    std::vector<Shape> shapes() const;
    std::vector<LayerCounts> counts() const;
    std::int64_t totalNeurons() const;   ///< Including the input sources
    std::int64_t totalSynapses() const;
    /// Rough memory a full rebuild needs in the simulator [bytes].
    std::int64_t estimatedBytes() const;
    /// Index among conv layers (0-based) of layer `layerIndex`, or -1 for pooling.
    int convIndex(int layerIndex) const;
    int convLayerCount() const;

    /// Throws Error naming the layer and numbers for any invalid setting,
    /// and when the network would need more than `maxBytes` of memory.
    void validate(std::int64_t maxBytes = defaultMaxBytes) const;
    /// The problem of layer `index` alone (empty when it is fine), for editors.
    std::string layerProblem(int index) const;

    static constexpr std::int64_t defaultMaxBytes = std::int64_t(8) << 30;

    bool operator==(const Network&) const = default;
};

/// The original 2018 network: 28×28×1 → conv 4 kernels 4×4 stride 3 → (9,9,4).
Network seedNetwork();

/**
 * @brief The strongest shared-WTA network for all ten digits: DoG on/off at
 * two scales → 15-bin latency code → conv 30 × 5×5 (threshold 15) → pool 2×2
 * → conv 200 × 5×5 (threshold 10); the SVM reads each map's final potential,
 * max-pooled over a 3×3 grid (1,800 features). After Kheradpisheh et al. 2018.
 */
Network mnistNetwork();

} // namespace scnn::model
