// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the benchmark networks of the embedded simulator, with synthetic inputs.
#pragma once

#include "hardware/backend.h"

#include <cstdint>
#include <random>
#include <vector>

namespace scnn::hardware::sim {

/**
 * @brief Synthetic digit-like 28×28 images and Poisson inputs, as the PyNN
 * peer benchmark makes them (`bench/pynn/_common.py`): anti-aliased thick
 * random polylines in the central 20×20 box until 10–30 % of the pixels are
 * lit; one spike at most per 1 ms bin with P = I/255 · maxRate · 1 ms.
 * Same statistics, not the same numbers (a different generator).
 */
class BenchInputs
{
public:
    explicit BenchInputs(std::uint64_t seed) : m_rng(seed) {}

    /// One 28×28 image, row-major, 0 … 255.
    std::vector<std::uint8_t> image();
    /// Poisson spikes of `pixels` over [0, durationMs) on a 1 ms grid.
    SpikeList poisson(const std::vector<std::uint8_t>& pixels, double durationMs, double maxRateHz);

private:
    std::mt19937_64 m_rng;
};

/// (a) 784 inputs → conv 4 kernels 4×4 stride 3 → 324 IF_curr_exp (layer-1
/// rebuild parameters), `images` trials of 100 ms in batch mode. With
/// `asList`, the convolution is expanded into a from-list projection.
PhaseDescription seedInferencePhase(int images, std::uint64_t seed, bool asList = false);

/// (b) 16 inputs → 4 neurons, pair STDP (A± 0.02, τ± 7, w ∈ [0, 1], init
/// N(0.3, 0.04)) + lateral inhibition 300 nA; `windows` windows of 100 ms
/// run back to back.
PhaseDescription seedTrainingPhase(int windows, std::uint64_t seed);

/// (c) 784 inputs → conv 30 kernels 5×5 stride 1 → 17,280 neurons, batch mode.
PhaseDescription largePhase(int images, std::uint64_t seed);

} // namespace scnn::hardware::sim
