// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — image to spike encoders and the difference-of-Gaussians filter.
#pragma once

#include "model/network.h"
#include "model/parameters.h"

#include <cstdint>
#include <vector>

namespace scnn::model {

class Rng;
struct Examples;

/**
 * @brief Spikes of a group of `neurons` sources as two parallel arrays,
 * sorted by time then id (the layout of hardware::SpikeList). Times in ms.
 */
struct SpikeTrains
{
    int neurons = 0;
    std::vector<std::int32_t> ids;
    std::vector<double> times;

    std::size_t size() const { return ids.size(); }
    void add(std::int32_t id, double t) { ids.push_back(id); times.push_back(t); }
    /// Sorts by (time, id); stable for equal pairs.
    void sort();
    /// Appends `other` (ids unchanged) and keeps the order sorted.
    void append(const SpikeTrains& other);
    bool operator==(const SpikeTrains&) const = default;
};

/**
 * @brief The original rate code for one image, pixel by pixel in index order:
 *  - I ≥ threshold: a regular train with period 255/I · fire_factor ms and a
 *    random phase u ~ U(0, period): spikes at floor(t0 + u + k·period) for every
 *    k with u + k·period < active;
 *  - 0 < I < threshold: one spike at floor(t0 + v), v ~ U(0, active);
 *  - I = 0: silent.
 * active = presentation − idle [ms]. One draw per non-zero pixel, in order.
 */
SpikeTrains rateCode(const std::uint8_t* intensities, int n, const EncodingParams& p,
                     const TimingParams& timing, Rng& rng, double t0);

/// The original time code: one spike at t0 + (1 − I/255)·(active − dt) ms for
/// I ≥ threshold (49 ms at I = 0 for a 100/50 ms window), none below. Uses no randomness.
SpikeTrains timeCode(const std::uint8_t* intensities, int n, const EncodingParams& p,
                     const TimingParams& timing, double t0);

/// Poisson trains of rate I/255 · max_rate [Hz] inside the active window,
/// times on the dt grid (at most one spike per source and step).
SpikeTrains poissonCode(const std::uint8_t* intensities, int n, const EncodingParams& p,
                        const TimingParams& timing, Rng& rng, double t0);

/**
 * @brief Difference-of-Gaussians filter, centre minus surround (normalised
 * Gaussian kernels of radius ceil(3·σ), edges clamped).
 *
 * onOff: two channels (on = positive part, off = negative part), channel-major;
 * otherwise the on channel only. The result is scaled so the strongest
 * response of the image is 255; a flat image gives zeros.
 */
std::vector<std::uint8_t> differenceOfGaussians(const std::uint8_t* pixels, int rows, int cols,
                                                double sigmaCenter, double sigmaSurround, bool onOff);

/// Channels after pre-processing an image of `channels` channels (DoG: on/off, ×2).
int encodedChannels(const EncodingParams& p, int channels = 1);
/// The input tensor the encoder produces for rows×cols grey images.
Shape encodedShape(int rows, int cols, const EncodingParams& p);

/// The DoG (on/off) when enabled, otherwise a copy of the pixels.
std::vector<std::uint8_t> prepareImage(const std::uint8_t* pixels, int rows, int cols,
                                       const EncodingParams& p);

/// prepareImage + the coder chosen by p.kind. Neuron ids are the channel-major
/// flattened index c·H·W + y·W + x.
SpikeTrains encodeImage(const std::uint8_t* pixels, int rows, int cols, const EncodingParams& p,
                        const TimingParams& timing, Rng& rng, double t0);

/**
 * @brief Encodes examples[first … first+count) one after another, example i
 * in the window starting at (i − first)·presentation ms. Each example draws
 * from its own stream Rng::derive(seed, index), so results do not depend on
 * how a caller splits the work.
 */
SpikeTrains encodeExamples(const Examples& examples, int first, int count, const EncodingParams& p,
                           const TimingParams& timing, std::uint64_t seed);

} // namespace scnn::model
