// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn export-pynn DIR --phase … --target … -o FILE`: a PyNN script of one phase.
#include "app/cli/commands.h"
#include "app/cli/phasecli.h"

#include "hardware/pipeline/experimentstore.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/sim/simbackend.h"
#include "hardware/spinnaker/pynnphasecapture.h"
#include "hardware/spinnaker/pynnscriptgenerator.h"
#include "model/error.h"
#include "model/experiment.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

namespace scnn::cli {

namespace hp = hardware::pipeline;

namespace {

hp::PhaseRequest parsePhase(const std::string& text)
{
    hp::PhaseRequest req;
    if (text == "svm") {
        req.kind = model::PhaseKind::Svm;
    } else if (text == "test") {
        req.kind = model::PhaseKind::Test;
    } else if (text.rfind("layer:", 0) == 0) {
        Args one({"--layer", text.substr(6)}, {});
        req.kind = model::PhaseKind::TrainLayer;
        req.layer = int(*one.integer("layer", 1, 9999)) - 1;
    } else {
        throw UsageError("--phase must be layer:N, svm or test, not '" + text + "'");
    }
    return req;
}

} // namespace

/**
 * The pipeline runs the phase once on the embedded simulator while every
 * description it hands the backend is kept; the pieces are merged into one
 * phase (hardware::mergeCapturedPhases) and written as a script with its
 * inputs beside it. The experiment is not changed.
 */
int cmdExportPynn(Args& args, Io& io)
{
    const std::string dir = args.positional("experiment folder");
    const std::string phaseText = args.value("phase").value_or("");
    if (phaseText.empty())
        throw UsageError("--phase layer:N|svm|test is required");
    const std::string targetText = args.value("target").value_or("");
    if (targetText.empty())
        throw UsageError("--target spinnaker|nest|brian2 is required");
    const std::string file = args.value("o").value_or("");
    if (file.empty())
        throw UsageError("-o FILE (the script to write) is required");
    hardware::PynnScriptOptions options;
    try {
        options.target = hardware::pynnTargetFromString(targetText);
    } catch (const model::Error& e) {
        throw UsageError(e.what());
    }
    hardware::SpinnakerSettings& s = options.spinnaker;
    const SpinnakerCliOptions board = readSpinnakerOptions(args);
    board.applyTo(s);
    s.liveOutput = !args.flag("no-live-output");
    options.spinnakerConfigFile = board.machineGiven();
    const bool json = args.flag("json");
    const hp::PhaseRequest request = parsePhase(phaseText);
    args.finish();

    model::Experiment e = model::loadExperiment(dir);
    const auto data = std::make_shared<const model::Dataset>(model::loadDataset(e.dataset));
    const hp::PhaseInputs inputs = hp::phaseInputs(e, data);
    io.err << "export-pynn: running " << hp::phaseName(request.kind, request.layer)
           << " once on the embedded simulator to collect its inputs\n";
    hardware::PynnPhaseCapture capture(std::make_unique<hardware::SimBackend>());
    hp::PhaseControl control;
    hp::runPhase(request, inputs, capture, control);
    const hardware::PhaseDescription phase = hardware::mergeCapturedPhases(capture.captured());

    options.title = "Phase '" + hp::phaseName(request.kind, request.layer) + "' of the experiment " +
                    std::filesystem::path(dir).filename().string();
    const std::filesystem::path out(file);
    options.scriptName = out.filename().string();
    const hardware::PynnScript script = hardware::PynnScriptGenerator(options).generate(phase);
    const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    const std::filesystem::path written = script.writeTo(folder, out.filename().string());

    if (json) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : script.files)
            files.push_back((folder / f.relativePath).string());
        io.out << nlohmann::json{{"script", written.string()},
                                 {"target", std::string(hardware::toString(options.target))},
                                 {"files", files},
                                 {"duration_ms", phase.durationMs},
                                 {"trials", phase.batch ? phase.batch->inputs.size() : 0}}
                      .dump()
               << "\n";
    } else {
        io.out << "wrote " << written.string() << " and " << script.files.size() << " file(s) beside it; run it with\n"
               << "  python3 " << written.string() << " RESULTS_DIR\n";
        if (options.target == hardware::PynnTarget::Spinnaker && !options.spinnakerConfigFile)
            io.out << "(no --board or --spalloc given: the board comes from your ~/.spynnaker.cfg)\n";
    }
    return ExitOk;
}

} // namespace scnn::cli
