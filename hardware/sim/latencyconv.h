// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — fast engine for latency-coded conv networks of non-leaky IF neurons.
#pragma once

#include "model/network.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace scnn::hardware {

/**
 * @brief First-spike times of a (height × width × channels) tensor of neurons.
 *
 * Each neuron fires at most once per image: `t[(y·w + x)·c + ch]` is its time
 * bin in [0, bins), or `bins` (= never). Layout is channel-fastest so that a
 * pixel's channels are contiguous.
 */
struct SpikeTimes
{
    int h = 0;
    int w = 0;
    int c = 0;
    int bins = 0;                 ///< Number of time bins of the presentation
    std::vector<std::uint8_t> t;  ///< First spike time bin per neuron, `bins` = silent

    std::size_t index(int y, int x, int ch) const { return (std::size_t(y) * w + x) * c + ch; }
    std::uint8_t at(int y, int x, int ch) const { return t[index(y, x, ch)]; }
    int spikeCount() const;
};

/**
 * @brief One difference-of-Gaussians filter of the input stage.
 *
 * DoG(x, y) = G(σc) − G(σs), both normalised to unit sum, over a size×size
 * window, then made zero-mean. Each filter gives two channels: ON (positive
 * response) and OFF (negative response, sign flipped).
 */
struct DogFilter
{
    int size = 7;            ///< Window [px], odd
    double sigmaCenter = 1.0;   ///< Centre sigma [px]
    double sigmaSurround = 2.0; ///< Surround sigma [px]
};

/**
 * @brief How pixels become a latency code: DoG on/off channels, then the
 * strongest contrasts fire first.
 *
 * Responses below `threshold` (on the 0..1 pixel scale) stay silent; the rest
 * are ranked by strength and cut into `bins` time bins of equal counts, so the
 * code does not depend on the image's overall contrast.
 */
struct LatencyEncoding
{
    std::vector<DogFilter> filters{DogFilter{}}; ///< Empty: the raw pixels are one channel
    double threshold = 0.05;  ///< Smallest DoG response that fires [1, pixel scale 0..1]
    int bins = 15;            ///< Time bins per image [1, at most 254]
    bool equalCountBins = true; ///< Rank-based bins; else bin = ⌊(1 − v/v_max)·bins⌋
    int channels() const { return filters.empty() ? 1 : 2 * int(filters.size()); }
};

/// What a layer of the latency network does.
enum class LatencyLayerKind {
    Conv, ///< Shared kernels of non-leaky IF neurons, one spike per neuron
    Pool, ///< Max pooling of spikes: the earliest spike of the window passes
};

/**
 * @brief Learning parameters of a conv layer in the shared-kernel WTA mode.
 *
 * Multiplicative STDP (Kheradpisheh et al. 2018): for each winner with spike
 * bin t_post and each synapse of its receptive field with first input spike
 * t_pre, Δw = +a⁺·w·(1−w) when t_pre ≤ t_post, else −a⁻·w·(1−w); w stays in
 * [0, 1]. The winner's update goes to the kernel shared by its whole map.
 */
struct SharedWtaStdp
{
    double aPlus = 0.004;        ///< Initial potentiation rate [1]
    double aMinus = 0.003;       ///< Initial depression rate [1]
    double aPlusMax = 0.15;      ///< Rate cap of the schedule [1]
    int rateDoublingImages = 500; ///< Both rates double every this many images (0: constant)
    int winners = 5;             ///< Winners per image (k-WTA), at most one per map
    int inhibitionRadius = 3;    ///< Positions within this Chebyshev distance of a winner cannot win [px]
    double wInitMean = 0.8;      ///< Initial weights ~ Normal(mean, sigma), clipped to [0, 1]
    double wInitSigma = 0.05;
};

/**
 * @brief One layer of a latency-coded network.
 *
 * Conv: `kernels` maps of k×k×(input channels) weights in [0, 1], stride,
 * zero padding `pad`; a neuron's potential is the sum of the weights of its
 * inputs that have spiked so far (non-leaky integrate-and-fire); it fires in
 * the first bin where the potential reaches `threshold`, once. With
 * `lateralInhibition`, at each position only the earliest map (ties: the
 * larger potential) keeps its spike.
 * Pool: size×size windows at `stride`, earliest spike per channel.
 */
struct LatencyLayer
{
    LatencyLayerKind kind = LatencyLayerKind::Conv;
    int kernels = 30;          ///< Conv: output maps
    int k = 5;                 ///< Conv kernel or pool window size [px]
    int stride = 1;            ///< [px]
    int pad = 0;               ///< Conv: zero padding on each side [px]
    double threshold = 15.0;   ///< Conv: firing threshold [weight units]
    bool lateralInhibition = true; ///< Conv: one map per position fires
    SharedWtaStdp stdp;        ///< Conv: learning parameters
    std::vector<float> weights; ///< Conv: [ky][kx][cin][kernel], filled by initWeights()

    static LatencyLayer conv(int kernels, int k, double threshold, int pad = 0);
    static LatencyLayer pool(int size, int stride);
};

/// Which readout of the last layer becomes the SVM features.
enum class LatencyFeature {
    Potential,  ///< Final potential (all inputs integrated, no threshold), max per grid cell
    Spike,      ///< 1 if the neuron fired (after inhibition), max per grid cell
    Earliness,  ///< (bins − t)/bins of the first spike, max per grid cell
};

/// Feature readout: the last layer's maps max-pooled over a grid×grid partition.
struct LatencyReadout
{
    LatencyFeature kind = LatencyFeature::Potential;
    int grid = 1;          ///< Cells per axis (1: global max per map)
    int layers = 0;        ///< Layers used, 0 = all; the readout is of layer (layers − 1)
};

/// Progress of a long call: images done, images total. Called from the calling thread.
using LatencyProgress = std::function<void(std::size_t done, std::size_t total)>;

/// A batch of 8-bit grey images stored one after another (row-major each).
struct ImageBatch
{
    const std::uint8_t* pixels = nullptr;
    std::size_t count = 0;
    int h = 28;
    int w = 28;
    std::span<const std::uint8_t> image(std::size_t i) const
    {
        return {pixels + i * std::size_t(h) * w, std::size_t(h) * w};
    }
};

/// What one layer's training did.
struct LatencyTrainStats
{
    std::size_t images = 0;     ///< Images presented
    std::size_t updates = 0;    ///< Winner updates applied
    double convergence = 0.0;   ///< Mean w·(1−w) at the end (→ 0 when the weights are binary)
    double aPlus = 0.0;         ///< Rates reached by the schedule
    double aMinus = 0.0;
    std::vector<std::size_t> wins; ///< Updates per kernel
};

/**
 * @brief A feed-forward latency-coded spiking conv network, trained layer by
 * layer with shared-kernel winner-take-all STDP.
 *
 * Time is cut into bins; every neuron fires at most once per image, so a
 * layer's activity is just a first-spike-time tensor and the potentials are
 * accumulated event by event (one weight vector over all kernels per input
 * spike and kernel offset). Feature extraction runs images in parallel; the
 * results do not depend on the thread count.
 *
 * @code
 * LatencyNetwork net;
 * net.encoding.filters = {DogFilter{7, 1.0, 2.0}};
 * net.layers = {LatencyLayer::conv(30, 5, 15.0), LatencyLayer::pool(2, 2),
 *               LatencyLayer::conv(100, 5, 10.0)};
 * net.initWeights(42);
 * net.trainLayer(0, batch, order, progress, &cancel);
 * net.trainLayer(2, batch, order, progress, &cancel);
 * std::vector<float> x = net.features(batch, readout, 0, progress, &cancel);
 * @endcode
 */
class LatencyNetwork
{
public:
    int inputH = 28;
    int inputW = 28;
    LatencyEncoding encoding;
    std::vector<LatencyLayer> layers;

    /// Throws model::Error naming the layer when a size or value is invalid.
    void validate() const;
    /// Shapes (h, w, c) of the encoded input and every layer's output.
    std::vector<SpikeTimes> shapes() const;
    /// Fresh random weights for every conv layer (deterministic for a seed).
    void initWeights(std::uint64_t seed);
    /// Fresh random weights of conv layer `layer` only.
    void initLayerWeights(int layer, std::uint64_t seed);

    /// The latency code of one image.
    SpikeTimes encode(std::span<const std::uint8_t> image) const;
    /// Runs layers [0, upTo) on an encoded image (with inhibition) and returns the spikes.
    SpikeTimes forward(const SpikeTimes& input, int upTo) const;
    /// Runs layer `layer` alone on its input spikes.
    SpikeTimes step(int layer, const SpikeTimes& input) const;

    /**
     * @brief Trains conv layer `layer` on the images in `order` (indices into
     * `images`, repeated entries allowed: epochs), one image at a time. The
     * layers below run with their fixed weights, in parallel batches on
     * `threads` threads (0: all cores); the learning itself is sequential, so
     * the result does not depend on the thread count.
     * Throws model::Cancelled when `cancel` becomes true (checked per image).
     */
    /// `progress` is called on the calling thread after every batch of 64
    /// images; the layer's weights may be read there (for snapshots).
    LatencyTrainStats trainLayer(int layer, const ImageBatch& images,
                                 const std::vector<std::size_t>& order,
                                 const LatencyProgress& progress = {},
                                 const std::atomic<bool>* cancel = nullptr, int threads = 0);

    /// Image indices for training: `images` examples in a fixed shuffled order
    /// (seeded), repeated until `count` entries (count 0: each image once).
    static std::vector<std::size_t> trainingOrder(std::size_t images, std::size_t count,
                                                  std::uint64_t seed);

    /// Features per image for the readout: count × featureSize(readout), row-major.
    std::vector<float> features(const ImageBatch& images, const LatencyReadout& readout,
                                int threads = 0, const LatencyProgress& progress = {},
                                const std::atomic<bool>* cancel = nullptr) const;
    int featureSize(const LatencyReadout& readout) const;

    /// Features of one encoded image into `out` (featureSize floats).
    void featuresOf(const SpikeTimes& encoded, const LatencyReadout& readout, float* out) const;

    /**
     * @brief Potentials and first spikes of conv layer `layer` for its input,
     * without lateral inhibition: the raw response STDP learns from.
     * `firePotential` holds each neuron's potential in its firing bin (or the
     * final potential when it never fires); `finalPotential` after all bins.
     */
    struct ConvResponse
    {
        SpikeTimes fire;                  ///< First threshold crossing per neuron
        std::vector<float> firePotential; ///< Potential at the firing bin
        std::vector<float> finalPotential; ///< Potential after the last bin
    };
    ConvResponse convolve(int layer, const SpikeTimes& input) const;

    /// One STDP step of conv layer `layer` on its input (k-WTA winners, shared kernels).
    /// Returns the winners' maps in the order they won.
    std::vector<int> learn(int layer, const SpikeTimes& input, double aPlus, double aMinus);

    /**
     * @brief The latency network of a model network whose conv layers use
     * TrainingMode::SharedWta: encoding from `encoding` (DoG on/off when
     * differenceOfGaussians, window dogWindow, dogScales scales; latencyBins,
     * latencyThreshold),
     * conv thresholds, padding and STDP from each layer's `params.wta`, pooling
     * layers as they are. Weights are left empty. Throws model::Error naming
     * the layer for non-square kernels or per-channel kernels.
     */
    static LatencyNetwork fromModel(const model::Network& net);
    /// The readout a model classifier asks for (MaxPotential or FirstSpike, grid).
    static LatencyReadout readoutFor(const model::ClassifierSpec& spec);

    /// Weights of conv layer `layer` in the project's kernel-major order
    /// ((k·C_in + ci)·kh + ky)·kw + kx, as model/connectivity numbers them.
    std::vector<float> kernelWeights(int layer) const;
    /// Sets conv layer `layer`'s weights from kernel-major order; throws model::Error on a size mismatch.
    void setKernelWeights(int layer, const std::vector<float>& kernelMajor);

private:
    SpikeTimes pool(const LatencyLayer& l, const SpikeTimes& in) const;
    void inhibit(const ConvResponse& r, SpikeTimes& out) const;
};

/// Runs `work(i)` for i in [0, n) on `threads` threads (0: hardware concurrency);
/// `progress` is called from the calling thread; throws model::Cancelled when cancelled.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& work,
                 const LatencyProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace scnn::hardware
