// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn new`: a new experiment folder from a preset, data checked first.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"
#include "hardware/backendregistry.h"

#include "model/dataset.h"
#include "model/encoding.h"
#include "model/experiment.h"
#include "model/presets.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

namespace scnn::cli {

namespace {

std::string joinInts(const std::vector<int>& v)
{
    std::string s;
    for (int x : v)
        s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
}

} // namespace

int cmdNew(Args& args, Io& io)
{
    const std::string dir = args.positional("DIR");
    const std::string preset = args.valueOr("preset", "seed");
    const auto data = args.value("data");
    const auto dataset = args.value("dataset");
    const auto classes = args.intList("classes", 0, 9);
    const auto train = args.integer("train-per-class", 0, 1000000);
    const auto test = args.integer("test-per-class", 0, 1000000);
    const auto validation = args.integer("validation", 1, 1000000);
    const auto seed = args.integer("seed", 0, std::numeric_limits<long long>::max());
    const auto backend = args.value("backend");
    const bool json = args.flag("json");
    args.finish();
    if (backend)
        checkBackendName(*backend);
    if (test && validation)
        throw UsageError("give either --test-per-class or --validation, not both");

    if (model::isExperimentFolder(dir)) {
        io.err << "scnn new: " << dir << " already holds an experiment; choose another folder\n";
        return ExitFailure;
    }

    model::Experiment e = model::makePreset(preset);
    model::DatasetSelection& s = e.dataset;
    if (data)
        s.dataDir = std::filesystem::absolute(*data).lexically_normal().string();
    if (dataset)
        s.name = *dataset;
    if (!classes.empty())
        s.classes = classes;
    if (train)
        s.trainPerClass = int(*train);
    if (test)
        s.testPerClass = int(*test);
    if (validation) {
        s.validation = true;
        s.testPerClass = int(*validation);
    }
    if (seed) {
        s.seed = std::uint64_t(*seed);
        e.seed = std::uint64_t(*seed);
    }
    if (backend)
        e.backend = *backend;

    // Read and check the data now, so a bad file fails here and not hours into a run.
    const model::Dataset d = model::loadDataset(s);
    e.network.input = model::encodedShape(d.train.rows, d.train.cols, e.network.encoding);
    e.network.validate();

    const std::string testSource = d.testFromValidation
        ? "held out from the training files" : "from the t10k files";
    e.addLog("created from preset " + preset + "; " + s.name + " classes " + joinInts(s.classes) + " from "
             + d.files.directory + ": " + std::to_string(d.train.size()) + " training and "
             + std::to_string(d.test.size()) + " test examples (" + testSource + ")");
    model::saveExperiment(e, dir);

    if (json) {
        io.out << nlohmann::json{{"experiment", dir},
                                 {"preset", preset},
                                 {"data", d.files.directory},
                                 {"train", d.train.size()},
                                 {"test", d.test.size()},
                                 {"test_from_validation", d.testFromValidation}}
                      .dump()
               << "\n";
    } else {
        io.out << "created " << dir << " from preset " << preset << "\n"
               << "  data    " << s.name << " in " << d.files.directory << "\n"
               << "  classes " << joinInts(s.classes) << ": " << d.train.size() << " training, "
               << d.test.size() << " test examples (" << testSource << ")\n"
               << "  next    scnn info " << dir << "\n";
    }
    return ExitOk;
}

} // namespace scnn::cli
