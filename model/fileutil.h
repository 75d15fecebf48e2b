// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — whole-file reads and atomic writes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scnn::model {

/// The whole file; throws Error naming it when it cannot be read or is larger than maxBytes.
std::string readTextFile(const std::string& path, std::size_t maxBytes = std::size_t(1) << 32);
std::vector<std::uint8_t> readBinaryFile(const std::string& path, std::size_t maxBytes = std::size_t(1) << 32);

/**
 * @brief Writes `content` to `path` atomically: into a temporary sibling
 * file that is flushed to disk and then renamed over `path`. Readers see the
 * old file or the new one, never a part. Throws Error naming the file.
 */
void writeFileAtomic(const std::string& path, const std::string& content);

/// The current time as ISO 8601 UTC, e.g. "2026-11-26T22:45:03Z".
std::string isoUtcNow();

} // namespace scnn::model
