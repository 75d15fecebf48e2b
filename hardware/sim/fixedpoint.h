// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — sPyNNaker's fixed-point arithmetic (spinnaker.md §5.1, §5.3, §5.4, §5.7).
#pragma once

#include <cstdint>
#include <vector>

namespace scnn::hardware::sim::fixedpoint {

/// s16.15 `accum` raw value (resolution 2^−15 ≈ 3.05e−5).
using Accum = std::int32_t;
/// u0.32 `unsigned long fract` raw value (decay_t).
using Fract = std::uint32_t;

constexpr int kAccumBits = 15;

/// Host → chip: round(x·2^15), ties to even (numpy.round), saturated to int32.
Accum toAccum(double x);
double fromAccum(Accum a);
/// accum × accum: floor(a·b / 2^15) on raw values (GCC's ARM pattern, no rounding).
inline Accum mul(Accum a, Accum b)
{
    return Accum((std::int64_t(a) * std::int64_t(b)) >> kAccumBits);
}
/// decay_s1615(x, d) = floor(x·d / 2^32).
inline Accum decay(Accum x, Fract d)
{
    return Accum((std::int64_t(x) * std::int64_t(d)) >> 32);
}
/// kdivk(a, b) (7.x): (a_raw << 15) / b_raw, unsigned 64-bit, truncating.
Accum kdivk(Accum a, Accum b);
/// spinn_common expk: e^x for s16.15 x, as s16.15 (truncated).
Accum expk(Accum x);
/// spinn_common expulr: e^x for s16.15 x ≤ 0, as u0.32.
Fract expulr(Accum x);

/// The 7.x neuron constants, computed as the chip computes them (§5.3, §5.4).
struct LifConstants7
{
    Accum r = 0;          ///< R = tau_m / cm [MΩ]
    Accum expTc = 0;      ///< e^(−dt/tau_m)
    int refractTicks = 0; ///< ceil(tau_refrac / dt)
    Fract decayE = 0, decayI = 0; ///< e^(−dt/tau_syn)
    Fract initE = 0, initI = 0;   ///< (tau_syn/dt)·(1 − e^(−dt/tau_syn))
};
LifConstants7 lifConstants7(double dt, double tauM, double cm, double tauRefrac, double tauSynE, double tauSynI);
/// (decay, init) of one exponential synapse type, 7.x on-chip algorithm.
void synapseConstants7(Accum dt, Accum tau, Fract& decayOut, Fract& initOut);

/// STDP trace lookup table (`get_exp_lut_array`): entry i = floor(e^(−i·dt/τ)·2048),
/// size = ln(2048)·τ/dt rounded up to an even integer; lookups past the end give 0.
std::vector<std::int16_t> stdpLut(double tau, double dt);
inline std::int32_t lutAt(const std::vector<std::int16_t>& lut, std::int64_t dt)
{
    return dt >= 0 && dt < std::int64_t(lut.size()) ? lut[std::size_t(dt)] : 0;
}
/// 16×16 signed multiply on the low 16 bits of each operand, >> 11 (floor): the s4.11 trace product.
inline std::int32_t mul16(std::int32_t a, std::int32_t b)
{
    return (std::int32_t(std::int16_t(a)) * std::int32_t(std::int16_t(b))) >> 11;
}

/// Ring-buffer left shift of one synapse type for an estimated largest slot
/// sum `maxInput` [nA] (§5.5): ceil(log2(max)) (≥ 0), plus one if 2^shift ≤ max.
int weightShift(double maxInput);

} // namespace scnn::hardware::sim::fixedpoint
