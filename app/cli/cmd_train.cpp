// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn train DIR --layer N|svm`: one training phase.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"

#include "model/metrics.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>

namespace scnn::cli {

namespace hp = hardware::pipeline;

void printOutcome(const hp::PhaseOutcome& o, Io& io)
{
    io.out << hp::phaseName(o.kind, o.layer) << ": " << std::fixed << std::setprecision(2) << o.seconds
           << " s, " << o.examples << " examples";
    if (const hp::LayerTrainingResult* t = o.training()) {
        io.out << ", " << t->windowsPresented << " windows (" << t->windowsPerExample << " per example)";
        if (t->replicas > 1)
            io.out << ", " << t->replicas << " replicas, kept " << t->choice;
        if (t->usedCache)
            io.out << ", layers below from the cache";
        io.out << "\n";
    } else if (const hp::ReadoutResult* r = o.readout()) {
        if (o.kind == model::PhaseKind::Svm)
            io.out << ", C " << std::defaultfloat << r->svm->c() << ", training accuracy " << std::fixed
                   << std::setprecision(4)
                   << r->report.accuracy() << "\n";
        else
            io.out << "\n" << model::formatReport(r->report);
    }
}

int cmdTrain(Args& args, Io& io)
{
    const std::string dir = args.positional("experiment folder");
    const std::string layer = args.value("layer").value_or("");
    if (layer.empty())
        throw UsageError("--layer N or --layer svm is required");
    const auto replicas = args.integer("replicas", 1, 64);
    const PhaseCliOptions options = readPhaseOptions(args);
    hp::PhaseRequest req;
    if (layer == "svm") {
        if (replicas)
            throw UsageError("--replicas applies to conv layers, not to the svm");
        req.kind = model::PhaseKind::Svm;
    } else {
        Args one({"--layer", layer}, {});
        req.kind = model::PhaseKind::TrainLayer;
        req.layer = int(*one.integer("layer", 1, 9999)) - 1;
        req.replicas = int(replicas.value_or(0));
    }
    args.finish();
    const auto outcomes = runPhases(dir, {req}, options, io);
    if (options.json)
        io.out << outcomeJson(outcomes.back()).dump() << "\n";
    else
        printOutcome(outcomes.back(), io);
    return ExitOk;
}

} // namespace scnn::cli
