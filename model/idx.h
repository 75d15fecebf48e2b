// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — strict reader and writer of IDX image and label files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief The images of an IDX3 file (magic 0x00000803): `count` images of
 * rows × cols unsigned bytes, image after image, row-major.
 */
struct IdxImages
{
    int count = 0;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels; ///< count · rows · cols intensities 0 … 255

    const std::uint8_t* image(int i) const { return pixels.data() + std::size_t(i) * rows * cols; }
};

/// The labels of an IDX1 file (magic 0x00000801).
struct IdxLabels
{
    int count = 0;
    std::vector<std::uint8_t> labels;
};

/// Largest file we accept after decompression [bytes]; anything bigger is refused.
inline constexpr std::size_t idxMaxBytes = std::size_t(1) << 31;

/**
 * @brief Reads a whole file, inflating it when it starts with the gzip magic
 * bytes 1f 8b (whatever its name). Throws Error naming the file for a
 * missing/unreadable file, a corrupt or truncated gzip stream, or more than
 * `maxBytes` of content.
 */
std::vector<std::uint8_t> readMaybeGzip(const std::string& path, std::size_t maxBytes = idxMaxBytes);

/// Parses IDX image/label bytes; `name` is used in messages. Strict: bad magic,
/// wrong element type or dimension count, zero or absurd sizes, truncated data
/// and trailing bytes all throw Error. Never returns a partial result.
IdxImages parseIdxImages(const std::vector<std::uint8_t>& bytes, const std::string& name);
IdxLabels parseIdxLabels(const std::vector<std::uint8_t>& bytes, const std::string& name);

/// readMaybeGzip + parse.
IdxImages readIdxImages(const std::string& path);
IdxLabels readIdxLabels(const std::string& path);

/// Serialises to IDX bytes (for tests and exports).
std::vector<std::uint8_t> idxBytes(const IdxImages& images);
std::vector<std::uint8_t> idxBytes(const IdxLabels& labels);
/// Gzip-compresses bytes (for tests and exports).
std::vector<std::uint8_t> gzipBytes(const std::vector<std::uint8_t>& bytes);
/// Writes bytes to a file; throws Error naming the file when it cannot.
void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes);

} // namespace scnn::model
