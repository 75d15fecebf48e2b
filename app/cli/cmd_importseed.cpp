// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn import-seed`: the original's w_layer_N weights into an experiment.
#include "app/cli/commands.h"

#include "model/experiment.h"
#include "model/seedimport.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

namespace scnn::cli {

int cmdImportSeed(Args& args, Io& io)
{
    const std::string modelDir = args.positional("MODEL_DIR");
    const std::string dir = args.positional("DIR");
    const bool json = args.flag("json");
    args.finish();
    model::Experiment e = model::loadExperiment(dir);
    const auto files = model::importSeedWeights(e, modelDir);
    model::saveExperiment(e, dir);
    if (json) {
        nlohmann::json names = nlohmann::json::array();
        for (const auto& f : files)
            names.push_back(std::filesystem::path(f).filename().string());
        io.out << nlohmann::json{{"experiment", dir}, {"imported", names}}.dump() << "\n";
        return ExitOk;
    }
    for (const auto& f : files)
        io.out << "imported " << std::filesystem::path(f).filename().string() << " into " << dir << "\n";
    return ExitOk;
}

} // namespace scnn::cli
