// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: IDX image and label parsing, raw and through the gzip path.
#include "model/error.h"
#include "model/idx.h"

#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<std::uint8_t> bytes(data, data + size);
    try {
        scnn::model::parseIdxImages(bytes, "fuzz");
    } catch (const scnn::model::Error&) {
    }
    try {
        scnn::model::parseIdxLabels(bytes, "fuzz");
    } catch (const scnn::model::Error&) {
    }
    // The file path: gzip detection and inflation.
    static const std::string path = "/tmp/scnn-fuzz-idx-" + std::to_string(::getpid());
    try {
        scnn::model::writeBytes(path, bytes);
        scnn::model::readIdxImages(path);
    } catch (const scnn::model::Error&) {
    }
    return 0;
}
