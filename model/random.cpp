// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a portable, seeded random number generator.
#include "model/random.h"

#include <cmath>
#include <numbers>

namespace scnn::model {

std::uint64_t Rng::below(std::uint64_t n)
{
    if (n <= 1)
        return 0;
    // Lemire-free rejection: accept draws below the largest multiple of n.
    const std::uint64_t limit = std::uint64_t(-1) - (std::uint64_t(-1) % n + 1) % n;
    std::uint64_t x = m_engine();
    while (x > limit)
        x = m_engine();
    return x % n;
}

double Rng::normal(double mean, double sigma)
{
    double u1 = uniform01();
    while (u1 <= 0.0)
        u1 = uniform01();
    const double u2 = uniform01();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    return mean + sigma * z;
}

double Rng::exponential(double mean)
{
    double u = uniform01();
    while (u <= 0.0)
        u = uniform01();
    return -mean * std::log(u);
}

std::uint64_t Rng::derive(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace scnn::model
