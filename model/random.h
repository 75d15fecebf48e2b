// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a portable, seeded random number generator.
#pragma once

#include <cstdint>
#include <random>

namespace scnn::model {

/**
 * @brief Seeded random numbers that are the same on every platform.
 *
 * std::mt19937_64 is specified bit for bit by the C++ standard; the
 * distributions of <random> are not, so the draws here are our own.
 *
 * @code
 * Rng rng(42);
 * double u = rng.uniform(0.0, 10.0);   // [0, 10)
 * std::uint64_t k = rng.below(6);      // 0 … 5
 * double w = rng.normal(0.30, 0.04);
 * @endcode
 */
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    /// 64 random bits.
    std::uint64_t bits() { return m_engine(); }
    /// Uniform in [0, 1) with 53 random bits.
    double uniform01() { return double(m_engine() >> 11) * 0x1.0p-53; }
    /// Uniform in [a, b).
    double uniform(double a, double b) { return a + (b - a) * uniform01(); }
    /// Uniform integer in [0, n), without modulo bias; n must be > 0.
    std::uint64_t below(std::uint64_t n);
    /// Normal(mean, sigma) by the Box–Muller transform (one value per call).
    double normal(double mean = 0.0, double sigma = 1.0);
    /// Exponential with the given mean (> 0).
    double exponential(double mean);

    /// Fisher–Yates shuffle of a random-access range.
    template<typename It>
    void shuffle(It first, It last)
    {
        const auto n = last - first;
        for (auto i = n - 1; i > 0; --i) {
            const auto j = decltype(i)(below(std::uint64_t(i) + 1));
            std::swap(first[i], first[j]);
        }
    }

    /// An independent seed derived from this one and a stream number (SplitMix64).
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t stream);

private:
    std::mt19937_64 m_engine;
};

} // namespace scnn::model
