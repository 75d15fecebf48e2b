// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn test DIR`: accuracy of the trained network on the test examples.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace scnn::cli {

void printOutcome(const hardware::pipeline::PhaseOutcome& o, Io& io);

int cmdTest(Args& args, Io& io)
{
    const std::string dir = args.positional("experiment folder");
    const PhaseCliOptions options = readPhaseOptions(args);
    args.finish();
    const auto outcomes = runPhases(dir, {{model::PhaseKind::Test, 0, 0}}, options, io);
    if (options.json)
        io.out << outcomeJson(outcomes.back()).dump() << "\n";
    else
        printOutcome(outcomes.back(), io);
    return ExitOk;
}

} // namespace scnn::cli
