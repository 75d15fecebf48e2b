// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — little-endian byte readers and writers for SDP, SCP and EIEIO.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace scnn::hardware::wire {

/// Reads a little-endian u16 at p[0..1]; the caller has checked the length.
inline std::uint16_t u16(const std::uint8_t* p)
{
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

/// Reads a little-endian u32 at p[0..3]; the caller has checked the length.
inline std::uint32_t u32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16)
           | (std::uint32_t(p[3]) << 24);
}

inline void putU16(std::vector<std::uint8_t>& out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v & 0xFF));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}

inline void putU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 0; shift < 32; shift += 8)
        out.push_back(static_cast<std::uint8_t>((v >> shift) & 0xFF));
}

} // namespace scnn::hardware::wire
