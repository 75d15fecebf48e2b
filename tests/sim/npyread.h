// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — oracle arrays as doubles with row/column access (over model/npy.h).
#pragma once

#include "model/npy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::test {

/// A loaded array: values as double, shape as given.
struct NpyArray
{
    std::vector<std::int64_t> shape;
    std::vector<double> data;

    std::int64_t rows() const { return shape.empty() ? 1 : shape[0]; }
    std::int64_t cols() const { return shape.size() < 2 ? 1 : shape[1]; }
    double at(std::int64_t r, std::int64_t c) const { return data[std::size_t(r * cols() + c)]; }
};

/// Reads a .npy file (float or integer) as doubles; throws model::Error.
inline NpyArray readNpy(const std::string& path)
{
    const model::NpyArray a = model::readNpy(path);
    return {a.shape, a.toDouble()};
}

} // namespace scnn::test
