// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: experiment.json. The input becomes the experiment.json of a
// folder in memory-backed /dev/shm (or the temp folder) and is loaded; an
// experiment that loads must save and load again to the same experiment.json.
#include "fuzzsupport.h"
#include "model/experiment.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

std::filesystem::path scratch()
{
    static const std::filesystem::path dir = [] {
        const auto d = scnn::fuzz::scratchDir("experiment");
        std::filesystem::create_directories(d / "in");
        return d;
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    const auto in = scratch() / "in";
    {
        std::ofstream f(in / "experiment.json", std::ios::binary | std::ios::trunc);
        f.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    fuzz::expectCleanRejection([&] {
        const model::Experiment e = model::loadExperiment(in.string());
        const std::string text = model::experimentJson(e);
        const auto out = scratch() / "out";
        std::filesystem::remove_all(out);
        model::saveExperiment(e, out.string());
        if (model::experimentJson(model::loadExperiment(out.string())) != text)
            std::abort();
    });
    return 0;
}
