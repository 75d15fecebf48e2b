// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — sPyNNaker's fixed-point arithmetic, bit for bit as documented.
#include "hardware/sim/fixedpoint.h"

#include <cmath>
#include <limits>

namespace scnn::hardware::sim::fixedpoint {

namespace {

// spinn_common stdfix-exp.c tables: H[k] ≈ e^(k−13)·2^32, M[k] ≈ (1 − e^(−k/16))·2^32.
constexpr std::uint64_t kH[26] = {
    9708ULL,           26389ULL,           71733ULL,           194991ULL,          530041ULL,
    1440801ULL,        3916503ULL,         10646160ULL,        28939262ULL,        78665070ULL,
    213833830ULL,      581260615ULL,       1580030169ULL,      4294967296ULL,      11674931555ULL,
    31735754293ULL,    86266724208ULL,     234497268814ULL,    637429664642ULL,    1732713474316ULL,
    4710003551159ULL,  12803117065094ULL,  34802480465680ULL,  94602950235157ULL,  257157480542844ULL,
    699026506411923ULL,
};
constexpr std::uint32_t kM[16] = {
    0u,          260218914u,  504671961u,  734314346u,  950043403u,  1152702096u, 1343082321u, 1521927990u,
    1689937949u, 1847768698u, 1996036966u, 2135322113u, 2266168400u, 2389087112u, 2504558555u, 2613033936u,
};

std::uint32_t hi32(std::uint64_t v) { return std::uint32_t(v >> 32); }
std::uint32_t lo32(std::uint64_t v) { return std::uint32_t(v); }

std::uint64_t round64(std::uint64_t v)
{
    return std::uint64_t(hi32(v)) + (lo32(v) >= 0x7FFFFFFFu ? 1u : 0u);
}

/// x·y / 2^32 for a 64-bit x and a u0.32 y.
std::uint64_t scale64(std::uint64_t x, std::uint32_t y)
{
    return round64(std::uint64_t(lo32(x)) * y) + std::uint64_t(hi32(x)) * y;
}

/// 1 − e^(−x/2^32·…) polynomial for the low fraction bits.
std::uint32_t polyS(std::uint32_t x)
{
    constexpr std::uint32_t c0 = 5294u, c1 = 4293434720u, c2 = 2081624032u;
    std::uint32_t t = c1 - std::uint32_t((std::uint64_t(c2) * x) >> 32);
    t = std::uint32_t((std::uint64_t(t) * x) >> 32);
    return t + c0;
}

/// The common core of expk/expulr: e^(n/2^15)·2^32 as a 64-bit value.
std::uint64_t expCore(std::int32_t n)
{
    std::int32_t z = n >> 15;
    std::int32_t f = n - z * 32768;
    if (f == 0)
        return kH[13 + z];
    z += 1;
    f = 32768 - f;
    std::uint64_t r = kH[13 + z];
    r -= scale64(r, kM[f >> 11]);
    r -= scale64(r, polyS(std::uint32_t(f & 0x7FF) << 17));
    return r;
}

} // namespace

Accum toAccum(double x)
{
    const double r = std::nearbyint(x * 32768.0); // default rounding: to nearest, ties to even
    if (r >= 2147483647.0)
        return std::numeric_limits<Accum>::max();
    if (r <= -2147483648.0)
        return std::numeric_limits<Accum>::min();
    return Accum(r);
}

double fromAccum(Accum a)
{
    return double(a) / 32768.0;
}

Accum kdivk(Accum a, Accum b)
{
    if (b == 0)
        return std::numeric_limits<Accum>::max();
    return Accum((std::uint64_t(std::uint32_t(a)) << 15) / std::uint64_t(std::uint32_t(b)));
}

Accum expk(Accum x)
{
    if (x > 363408)
        return std::numeric_limits<Accum>::max();
    if (x < -340695)
        return 0;
    return Accum(expCore(x) >> 17);
}

Fract expulr(Accum x)
{
    if (x < -340695)
        return 0;
    return lo32(expCore(x));
}

void synapseConstants7(Accum dt, Accum tau, Fract& decayOut, Fract& initOut)
{
    const Accum q = kdivk(dt, tau);
    decayOut = expulr(-q);
    const std::uint32_t inv = 0xFFFFFFFFu - decayOut;
    initOut = Fract((std::uint64_t(std::uint32_t(kdivk(tau, dt))) * inv) >> 15);
}

LifConstants7 lifConstants7(double dt, double tauM, double cm, double tauRefrac, double tauSynE, double tauSynI)
{
    LifConstants7 c;
    const Accum dtA = toAccum(dt);
    c.r = kdivk(toAccum(tauM), toAccum(cm));
    c.expTc = expk(-kdivk(dtA, toAccum(tauM)));
    const Accum ratio = kdivk(toAccum(tauRefrac), dtA);
    c.refractTicks = int((std::int64_t(ratio) + 32767) >> 15); // any fraction rounds up
    synapseConstants7(dtA, toAccum(tauSynE), c.decayE, c.initE);
    synapseConstants7(dtA, toAccum(tauSynI), c.decayI, c.initI);
    return c;
}

std::vector<std::int16_t> stdpLut(double tau, double dt)
{
    const double lambda = dt / tau;
    int size = int(std::ceil(std::log(2048.0) / lambda));
    if (size % 2)
        ++size;
    std::vector<std::int16_t> lut(std::size_t(std::max(size, 0)));
    for (int i = 0; i < size; ++i)
        lut[std::size_t(i)] = std::int16_t(std::floor(std::exp(-i * lambda) * 2048.0));
    return lut;
}

int weightShift(double maxInput)
{
    if (!(maxInput > 0.0))
        return 0;
    int shift = std::max(0, int(std::ceil(std::log2(maxInput))));
    if (std::ldexp(1.0, shift) <= maxInput)
        ++shift;
    return shift;
}

} // namespace scnn::hardware::sim::fixedpoint
