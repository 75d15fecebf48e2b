// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn baseline DIR`: a linear SVM on the raw pixels of the same examples.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"

#include "model/dataset.h"
#include "model/experiment.h"
#include "model/metrics.h"
#include "model/svm.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iomanip>
#include <ostream>

namespace scnn::cli {

namespace {

model::Features pixels(const model::Examples& ex)
{
    model::Features f(ex.size(), ex.rows * ex.cols);
    for (std::size_t i = 0; i < ex.pixels.size(); ++i)
        f.values[i] = float(ex.pixels[i]) / 255.0f;
    return f;
}

} // namespace

int cmdBaseline(Args& args, Io& io)
{
    const std::string dir = args.positional("experiment folder");
    const PhaseCliOptions options = readPhaseOptions(args);
    args.finish();
    const auto start = std::chrono::steady_clock::now();
    const model::Experiment e = model::loadExperiment(dir);
    const model::Dataset data = model::loadDataset(e.dataset);
    model::SvmOptions o;
    o.threads = options.threads;
    o.seed = e.seed;
    // Pixels are already on a common scale; standardising would blow up
    // near-constant border pixels.
    o.scaling = model::FeatureScaling::None;
    const model::Svm svm = model::Svm::train(pixels(data.train), data.train.labels, o);
    const model::ClassificationReport r = model::classificationReport(data.test.labels, svm.predict(pixels(data.test)));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.json) {
        io.out << nlohmann::json{{"phase", "baseline"}, {"accuracy", r.accuracy()}, {"seconds", seconds},
                                 {"examples", r.total}, {"C", svm.c()}}
                      .dump()
               << "\n";
    } else {
        io.out << "baseline (linear SVM on raw pixels, C " << svm.c() << ", " << data.train.size()
               << " training examples): " << std::fixed << std::setprecision(2) << seconds << " s\n"
               << model::formatReport(r);
    }
    return ExitOk;
}

} // namespace scnn::cli
