// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: loading an experiment folder whose experiment.json is the input.
#include "model/error.h"
#include "model/experiment.h"
#include "model/fileutil.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string dir = "/tmp/scnn-fuzz-experiment-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    scnn::model::writeFileAtomic(dir + "/experiment.json",
                                 std::string(reinterpret_cast<const char*>(data), size));
    try {
        scnn::model::loadExperiment(dir);
    } catch (const scnn::model::Error&) {
    }
    return 0;
}
