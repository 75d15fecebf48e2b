// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the small .npy subset the PyNN scripts exchange.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace scnn::hardware::pynn {

/**
 * @brief An array read from a NumPy `.npy` file, as doubles; N-D arrays are
 * seen as rows (first axis) × the product of the other axes.
 *
 * Only what the generated PyNN scripts write is accepted: format 1.0–3.0,
 * C order, dtype little-endian float64/float32/int64/int32. Integer arrays
 * are converted to double (exact for |x| < 2^53).
 */
struct NpyArray
{
    std::vector<std::size_t> shape; ///< At least one dimension
    std::vector<double> data;       ///< Row-major

    std::size_t rows() const { return shape.empty() ? 0 : shape[0]; }
    std::size_t cols() const
    {
        std::size_t c = 1;
        for (std::size_t i = 1; i < shape.size(); ++i)
            c *= shape[i];
        return c;
    }
    double at(std::size_t r, std::size_t c) const { return data[r * cols() + c]; }
};

/// Reads `path`; throws model::Error naming the file and what is wrong.
NpyArray readNpy(const std::filesystem::path& path);

/// `.npy` bytes (format 1.0, `<f8`, C order) of a rows × cols array
/// (cols = 0 writes a 1-D array of `rows` values).
std::string npyBytesF64(const std::vector<double>& data, std::size_t rows, std::size_t cols);

} // namespace scnn::hardware::pynn
