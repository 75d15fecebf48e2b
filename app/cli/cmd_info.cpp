// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn info`: the structure, counts and history of an experiment.
#include "app/cli/commands.h"

#include "model/experiment.h"
#include "model/networkjson.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace scnn::cli {

namespace {

using nlohmann::json;

std::string kernelText(const model::Layer& l)
{
    return std::to_string(l.kh) + "x" + std::to_string(l.kw);
}

json infoJson(const model::Experiment& e)
{
    const model::Network& net = e.network;
    const auto shapes = net.shapes();
    const auto counts = net.counts();
    json tensors = json::array();
    for (const auto& s : shapes)
        tensors.push_back(model::toJson(s));
    json layers = json::array();
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const model::Layer& l = net.layers[i];
        const bool conv = l.kind == model::LayerKind::Conv;
        json lj = {{"index", i + 1},
                   {"type", conv ? "conv" : "pool"},
                   {"kernel", {l.kh, l.kw}},
                   {"stride", l.stride},
                   {"input", model::toJson(shapes[i])},
                   {"output", model::toJson(shapes[i + 1])},
                   {"neurons", counts[i].neurons},
                   {"synapses", counts[i].synapses},
                   {"weights", counts[i].weights}};
        if (conv) {
            lj["kernels"] = l.kernels;
            lj["per_channel"] = l.perChannel;
            lj["trained"] = e.weights(int(i)) != nullptr;
        }
        layers.push_back(lj);
    }
    json arrays = json::array();
    for (const auto& [k, a] : e.arrays)
        arrays.push_back(k);
    return {{"tensors", tensors},
            {"neurons", net.totalNeurons()},
            {"synapses", net.totalSynapses()},
            {"layers", layers},
            {"history", model::historyJson(e.history)},
            {"dataset", model::toJson(e.dataset)},
            {"backend", e.backend},
            {"seed", e.seed},
            {"arrays", arrays},
            {"svm", !e.svmModel.empty()},
            {"estimated_bytes", net.estimatedBytes()}};
}

void printText(const model::Experiment& e, const std::string& dir, std::ostream& out)
{
    const model::Network& net = e.network;
    const auto shapes = net.shapes();
    const auto counts = net.counts();
    std::string classes;
    for (int c : e.dataset.classes)
        classes += (classes.empty() ? "" : ",") + std::to_string(c);
    out << "experiment " << dir << " (created " << e.created << ", backend " << e.backend << ", seed "
        << e.seed << ")\n";
    out << "dataset    " << e.dataset.name << ", classes " << classes << ", "
        << (e.dataset.trainPerClass ? std::to_string(e.dataset.trainPerClass) : std::string("all"))
        << " training and "
        << (e.dataset.testPerClass ? std::to_string(e.dataset.testPerClass) : std::string("all"))
        << " test examples per class" << (e.dataset.validation ? " (held out from training)" : "") << "\n";
    out << "encoding   " << model::toString(net.encoding.kind) << " code, "
        << net.timing.presentationMs << " ms per example (" << net.timing.idleMs << " ms idle), dt "
        << net.timing.dt << " ms\n\n";

    out << std::left << std::setw(7) << "layer" << std::setw(6) << "type" << std::right << std::setw(8)
        << "kernels" << std::setw(8) << "kernel" << std::setw(8) << "stride" << "  " << std::left
        << std::setw(14) << "output" << std::right << std::setw(10) << "neurons" << std::setw(12)
        << "synapses" << "\n";
    out << std::left << std::setw(7) << "input" << std::setw(6) << "" << std::right << std::setw(24) << ""
        << "  " << std::left << std::setw(14) << model::formatShape(shapes[0]) << std::right
        << std::setw(10) << shapes[0].size() << std::setw(12) << 0 << "\n";
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const model::Layer& l = net.layers[i];
        const bool conv = l.kind == model::LayerKind::Conv;
        out << std::left << std::setw(7) << (i + 1) << std::setw(6) << (conv ? "conv" : "pool") << std::right
            << std::setw(8) << (conv ? std::to_string(l.kernels) + (l.perChannel ? "/ch" : "") : "-")
            << std::setw(8) << kernelText(l) << std::setw(8) << l.stride << "  " << std::left
            << std::setw(14) << model::formatShape(shapes[i + 1]) << std::right << std::setw(10)
            << counts[i].neurons << std::setw(12) << counts[i].synapses << "\n";
    }
    out << std::left << std::setw(7) << "total" << std::right << std::setw(56) << net.totalNeurons()
        << std::setw(12) << net.totalSynapses() << "\n\n";

    out << "classifier " << (net.classifier.kind == model::ClassifierSpec::Kind::Linear ? "linear" : "RBF")
        << " SVM" << (e.svmModel.empty() ? " (not trained yet)" : " (trained)") << "\n";
    for (std::size_t i = 0; i < net.layers.size(); ++i)
        if (net.layers[i].kind == model::LayerKind::Conv) {
            const auto* w = e.weights(int(i));
            out << "weights    layer " << (i + 1) << ": "
                << (w ? "learned " + w->shapeText() : std::string("not trained yet")) << "\n";
        }
    out << "\nhistory" << (e.history.empty() ? "    (no phases run yet)" : "") << "\n";
    for (const auto& r : e.history) {
        std::ostringstream line;
        line << "  " << r.started << "  " << std::left << std::setw(22) << r.phase << std::right
             << std::fixed << std::setprecision(1) << std::setw(9) << r.seconds << " s"
             << std::setw(8) << r.examples << " examples";
        if (r.accuracy)
            line << "  accuracy " << std::setprecision(1) << (*r.accuracy * 100.0) << " %";
        if (!r.notes.empty())
            line << "  " << r.notes;
        out << line.str() << "\n";
    }
}

} // namespace

int cmdInfo(Args& args, Io& io)
{
    const std::string dir = args.positional("DIR");
    const bool asJson = args.flag("json");
    args.finish();
    const model::Experiment e = model::loadExperiment(dir);
    if (asJson)
        io.out << infoJson(e).dump() << "\n";
    else
        printText(e, dir, io.out);
    return ExitOk;
}

} // namespace scnn::cli
