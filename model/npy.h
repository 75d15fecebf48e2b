// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a small, strict NumPy .npy (format 1.0) reader and writer.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace scnn::model {

/// The element types we read and write (always little-endian).
enum class NpyType { Float32, Float64, Int32, Int64 };

/// "<f4", "<f8", "<i4", "<i8".
const char* npyDescr(NpyType t);

/**
 * @brief An n-dimensional array in C order, as stored in a .npy file.
 *
 * @code
 * NpyArray a = NpyArray::fromFloat({4, 1, 4, 4}, weights);   // 4 kernels 1×4×4
 * writeNpy("weights/layer1.npy", a);
 * NpyArray b = readNpy("weights/layer1.npy");
 * std::vector<float> w = b.toFloat();
 * @endcode
 */
struct NpyArray
{
    std::vector<std::int64_t> shape; ///< Empty: a scalar (one element)
    std::variant<std::vector<float>, std::vector<double>, std::vector<std::int32_t>,
                 std::vector<std::int64_t>>
        data;

    NpyType type() const { return NpyType(data.index()); }
    /// Number of elements the shape describes (1 for a scalar).
    std::int64_t elementCount() const;
    /// Number of elements actually held.
    std::size_t size() const;
    /// The shape as "(4, 1, 4, 4)".
    std::string shapeText() const;

    static NpyArray fromFloat(std::vector<std::int64_t> shape, std::vector<float> values);
    static NpyArray fromDouble(std::vector<std::int64_t> shape, std::vector<double> values);
    static NpyArray fromInt32(std::vector<std::int64_t> shape, std::vector<std::int32_t> values);
    static NpyArray fromInt64(std::vector<std::int64_t> shape, std::vector<std::int64_t> values);

    /// The values converted to the asked type.
    std::vector<float> toFloat() const;
    std::vector<double> toDouble() const;
    std::vector<std::int64_t> toInt64() const;

    bool operator==(const NpyArray&) const = default;
};

/// Serialises to the bytes of a .npy file (format 1.0, header padded to 64 bytes).
/// Throws Error when the shape does not match the number of values.
std::string npyBytes(const NpyArray& a);
/// Parses .npy bytes; `name` is used in messages. Every malformed header,
/// unsupported type, Fortran order, truncated or oversized data throws Error.
NpyArray parseNpy(const std::string& bytes, const std::string& name);

/// Reads a .npy file (at most `maxBytes`), throwing Error naming the file.
NpyArray readNpy(const std::string& path, std::size_t maxBytes = std::size_t(1) << 32);
/// Writes a .npy file atomically (temporary sibling, then rename).
void writeNpy(const std::string& path, const NpyArray& a);

} // namespace scnn::model
