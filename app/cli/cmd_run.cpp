// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn run DIR`: every phase not done yet, in order.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"

#include "hardware/pipeline/experimentstore.h"
#include "model/experiment.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace scnn::cli {

void printOutcome(const hardware::pipeline::PhaseOutcome& o, Io& io);

int cmdRun(Args& args, Io& io)
{
    const std::string dir = args.positional("experiment folder");
    const PhaseCliOptions options = readPhaseOptions(args);
    args.finish();
    const auto pending = hardware::pipeline::pendingPhases(model::loadExperiment(dir));
    const auto outcomes = runPhases(dir, pending, options, io);
    double seconds = 0.0;
    nlohmann::json phases = nlohmann::json::array();
    for (const auto& o : outcomes) {
        seconds += o.seconds;
        phases.push_back(outcomeJson(o));
        if (!options.json)
            printOutcome(o, io);
    }
    if (options.json) {
        nlohmann::json j = {{"phase", "run"}, {"accuracy", nullptr}, {"seconds", seconds},
                            {"examples", 0}, {"phases", phases}};
        for (const auto& o : outcomes)
            if (o.kind == model::PhaseKind::Test) {
                j["accuracy"] = *o.accuracy();
                j["examples"] = o.examples;
            }
        if (outcomes.empty())
            if (const auto last = hardware::pipeline::lastTestReport(model::loadExperiment(dir))) {
                j["accuracy"] = last->accuracy();
                j["examples"] = last->total;
            }
        io.out << j.dump() << "\n";
    } else if (outcomes.empty()) {
        io.out << "nothing to do: every phase is done (retrain with scnn train)\n";
    }
    return ExitOk;
}

} // namespace scnn::cli
