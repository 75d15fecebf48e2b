// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: IDX image and label files, raw and gzip-compressed.
#include "fuzzsupport.h"
#include "model/idx.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    const std::vector<std::uint8_t> bytes(data, data + size);
    fuzz::expectCleanRejection([&] {
        const model::IdxImages images = model::parseIdxImages(bytes, "fuzz");
        if (images.pixels.size() != std::size_t(images.count) * images.rows * images.cols)
            std::abort();
    });
    fuzz::expectCleanRejection([&] {
        const model::IdxLabels labels = model::parseIdxLabels(bytes, "fuzz");
        if (labels.labels.size() != std::size_t(labels.count))
            std::abort();
    });
    // Through the file reader, which inflates gzip streams (bounded to 64 MiB here).
    fuzz::MemoryFile file(data, size);
    fuzz::expectCleanRejection([&] {
        const std::vector<std::uint8_t> inflated = model::readMaybeGzip(file.path(), std::size_t(64) << 20);
        fuzz::expectCleanRejection([&] { model::parseIdxImages(inflated, "fuzz"); });
        fuzz::expectCleanRejection([&] { model::parseIdxLabels(inflated, "fuzz"); });
    });
    return 0;
}
