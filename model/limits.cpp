// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — what a run on the embedded simulator will need: memory, examples, time.
#include "model/limits.h"

#include "model/error.h"
#include "model/idx.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace scnn::model {

namespace {

// MNIST statistics used for the input activity (over the 70,000 images).
constexpr double litPixelFraction = 0.19; ///< Pixels with intensity ≥ 80
constexpr double litPixelMean = 220.0;    ///< Their mean intensity [0 … 255]
constexpr double meanPixel = 33.3;        ///< Mean intensity of all pixels [0 … 255]
constexpr double dogActiveFraction = 0.1; ///< DoG responses above the latency threshold
constexpr int defaultPerClass = 6000;     ///< Per class when the files are unknown (MNIST training)

std::vector<int> perClass(const IdxLabels& l)
{
    std::vector<int> n(10, 0);
    for (std::uint8_t v : l.labels)
        if (v < 10)
            ++n[v];
    return n;
}

/// Spikes a pixel (input source) fires per presentation under `net`'s encoding.
double inputSpikesPerPixel(const Network& net)
{
    const EncodingParams& enc = net.encoding;
    if (enc.differenceOfGaussians)
        return dogActiveFraction;
    const double activeMs = std::max(0.0, net.timing.presentationMs - net.timing.idleMs);
    switch (enc.kind) {
    case EncodingKind::RateRegular:
        return litPixelFraction * activeMs * litPixelMean / (255.0 * std::max(enc.fireFactor, 1e-3))
               + (1.0 - litPixelFraction);
    case EncodingKind::TimeToFirst:
        return litPixelFraction;
    case EncodingKind::Poisson:
        return meanPixel / 255.0 * enc.maxRateHz * activeMs / 1000.0;
    }
    return 1.0;
}

/// The draw of every selected class; files not counted (all zero) count as MNIST's.
std::vector<ClassDraw> classDraws(const DatasetSelection& s, ExampleCounts counts)
{
    if (std::all_of(counts.train.begin(), counts.train.end(), [](int n) { return n == 0; }))
        counts.train.assign(10, defaultPerClass);
    const bool heldOut = !counts.test.has_value();
    const auto at = [](const std::vector<int>& v, int c) { return c >= 0 && c < int(v.size()) ? v[std::size_t(c)] : 0; };
    std::vector<ClassDraw> out;
    for (int c : s.classes)
        out.push_back(classDraw(s, c, at(counts.train, c), heldOut ? 0 : at(*counts.test, c), heldOut));
    return out;
}

TrainingSettings settingsOf(const Experiment& e)
{
    const auto it = e.extra.find("training");
    return it == e.extra.end() ? TrainingSettings{} : TrainingSettings::fromJson(*it, "experiment.json training");
}

} // namespace

ExampleCounts countExamples(const DatasetSelection& s)
{
    const DataFiles f = locateData(s);
    ExampleCounts c;
    c.trainLabels = f.trainLabels;
    c.train = perClass(readIdxLabels(f.trainLabels));
    if (f.hasTestFiles() && !s.validation) {
        c.testLabels = f.testLabels;
        c.test = perClass(readIdxLabels(f.testLabels));
    }
    return c;
}

RunEstimate estimateRun(const Experiment& e, const ExampleCounts& counts, const SimulatorCosts& costs)
{
    RunEstimate r;
    const Network& net = e.network;
    const TrainingSettings ts = settingsOf(e);
    for (const ClassDraw& d : classDraws(e.dataset, counts)) {
        // A class short of examples is reported by checkRun(); estimate what was asked for.
        r.trainExamples += std::max(d.train, 0);
        r.testExamples += d.problem.empty() ? d.heldOut + d.test : std::max(d.heldOut + d.test, e.dataset.testPerClass);
    }

    const std::vector<LayerCounts> lc = net.counts();
    const std::vector<Shape> shapes = net.shapes();
    r.neurons = net.totalNeurons();
    r.staticSynapses = net.totalSynapses();
    // ρ of the tensor feeding layer i.
    const auto rho = [&](std::size_t i) { return i == 0 ? inputSpikesPerPixel(net) : costs.hiddenSpikesPerNeuron; };
    // Static events and bytes of rebuilding layers [0, upTo) for one presentation.
    const auto rebuildEvents = [&](std::size_t upTo) {
        double ev = 0.0;
        for (std::size_t i = 0; i < upTo && i < lc.size(); ++i)
            ev += rho(i) * double(lc[i].synapses);
        return ev;
    };
    const auto rebuildBytes = [&](std::size_t upTo) {
        double b = costs.sourceBytes * double(net.input.size());
        for (std::size_t i = 0; i < upTo && i < lc.size(); ++i)
            b += costs.neuronBytes * double(lc[i].neurons) + costs.staticSynapseBytes * double(lc[i].synapses);
        return b;
    };

    std::int64_t fileExamples = 0;
    for (int n : counts.train)
        fileExamples += n;
    if (counts.test)
        for (int n : *counts.test)
            fileExamples += n;
    const double dataBytes = double(fileExamples + r.trainExamples + r.testExamples) * double(net.input.h) * net.input.w;

    const auto consider = [&](const std::string& phase, double bytes) {
        bytes += dataBytes;
        if (bytes > double(r.peakBytes)) {
            r.peakBytes = std::int64_t(bytes);
            r.peakPhase = phase;
        }
    };

    const std::int64_t stdp = ts.stdpExamples > 0 ? std::min<std::int64_t>(ts.stdpExamples, r.trainExamples)
                                                  : r.trainExamples;
    const int replicas = std::max(1, ts.replicas);
    double seconds = 0.0;
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        if (net.layers[i].kind != LayerKind::Conv)
            continue;
        const std::string phase = "train layer " + std::to_string(i + 1);
        const double below = rebuildEvents(i) * double(stdp);
        const std::int64_t plastic = lc[i].weights * replicas;
        r.plasticSynapses = std::max(r.plasticSynapses, plastic);
        double plasticEvents = 0.0;
        double bytes = rebuildBytes(i) + costs.plasticSynapseBytes * double(plastic);
        if (ts.mode(int(i)) == LayerTrainingMode::SharedWta) {
            // The latency engine convolves with the shared kernels: static cost, whole layer.
            const double ev = rho(i) * double(lc[i].synapses) * double(stdp) * replicas;
            seconds += (below * replicas + ev) * costs.staticEventNs * 1e-9;
            r.events += below * replicas + ev;
            bytes += costs.neuronBytes * double(lc[i].neurons);
        } else {
            // Every output position is one window; each source spike reaches the K kernel neurons.
            const double windows = double(stdp) * double(lc[i].output.h) * lc[i].output.w * replicas;
            const double fanIn = double(lc[i].weights) / std::max(1, net.layers[i].kernels);
            plasticEvents = windows * rho(i) * fanIn * net.layers[i].kernels;
            seconds += below * costs.staticEventNs * 1e-9 + plasticEvents * costs.plasticEventNs * 1e-9;
            r.events += below + plasticEvents;
            if (i > 0) // the spikes of the layers below, kept for every example
                bytes += costs.spikeBytes * costs.hiddenSpikesPerNeuron * double(shapes[i].size()) * double(stdp);
        }
        consider(phase, bytes);
    }
    const double full = rebuildEvents(lc.size());
    const double lastNeurons = lc.empty() ? double(net.input.size()) : double(lc.back().neurons);
    for (const auto& [phase, examples] : {std::pair<const char*, std::int64_t>{"svm", r.trainExamples},
                                          std::pair<const char*, std::int64_t>{"test", r.testExamples}}) {
        r.events += full * double(examples);
        seconds += full * double(examples) * costs.staticEventNs * 1e-9;
        // The features of every example (float32) beside the rebuilt network.
        consider(phase, rebuildBytes(lc.size()) + 4.0 * lastNeurons * double(examples));
    }
    r.seconds = seconds;
    return r;
}

std::int64_t availableMemoryBytes()
{
    std::int64_t bytes = 0;
    std::ifstream f("/proc/meminfo");
    std::string key;
    std::int64_t kib = 0;
    std::string unit;
    while (f >> key >> kib) {
        std::getline(f, unit);
        if (key == "MemAvailable:") {
            bytes = kib * 1024;
            break;
        }
    }
    if (const char* cap = std::getenv("SCNN_MEMORY_LIMIT")) {
        char* end = nullptr;
        const long long v = std::strtoll(cap, &end, 10);
        if (end != cap && *end == '\0' && v > 0 && (bytes == 0 || v < bytes))
            bytes = v;
    }
    return bytes;
}

std::vector<std::string> dataProblems(const DatasetSelection& s, const ExampleCounts& counts)
{
    std::vector<std::string> out;
    for (const ClassDraw& d : classDraws(s, counts))
        if (!d.problem.empty())
            out.push_back((d.inTestFile ? counts.testLabels : counts.trainLabels) + ": " + d.problem);
    return out;
}

std::vector<LimitIssue> checkRun(const Experiment& e, const ExampleCounts& counts, const RunLimits& limits,
                                 const SimulatorCosts& costs)
{
    std::vector<LimitIssue> out;
    for (std::string& p : dataProblems(e.dataset, counts))
        out.push_back({LimitIssue::Level::Refuse, "data", std::move(p)});
    const RunEstimate r = estimateRun(e, counts, costs);
    if (limits.availableBytes > 0) {
        const std::string numbers = std::to_string(r.neurons) + " neurons, " + std::to_string(r.staticSynapses)
                                    + " static synapses and " + std::to_string(r.plasticSynapses)
                                    + " plastic synapses with " + std::to_string(r.trainExamples) + " + "
                                    + std::to_string(r.testExamples) + " examples need about "
                                    + formatBytes(double(r.peakBytes)) + " in " + r.peakPhase + ", ";
        if (double(r.peakBytes) > double(limits.availableBytes))
            out.push_back({LimitIssue::Level::Refuse, "memory",
                           numbers + "more than the " + formatBytes(double(limits.availableBytes))
                               + " of memory available"});
        else if (double(r.peakBytes) > limits.warnMemoryFraction * double(limits.availableBytes))
            out.push_back({LimitIssue::Level::Warning, "memory",
                           numbers + "close to the " + formatBytes(double(limits.availableBytes))
                               + " of memory available"});
    }
    if (r.seconds > limits.warnAboveSeconds) {
        char events[32];
        std::snprintf(events, sizeof events, "%.3g", r.events);
        out.push_back({LimitIssue::Level::Warning, "time",
                       "the run would take about " + formatDuration(r.seconds) + " on one core (" + events
                           + " synaptic events for " + std::to_string(r.trainExamples) + " training and "
                           + std::to_string(r.testExamples) + " test examples), more than "
                           + formatDuration(limits.warnAboveSeconds)});
    }
    return out;
}

std::string formatBytes(double bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int u = 0;
    while (std::abs(bytes) >= 1024.0 && u < 5) {
        bytes /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, bytes < 10.0 && u > 0 ? "%.1f %s" : "%.0f %s", bytes, units[u]);
    return buf;
}

std::string formatDuration(double seconds)
{
    const auto s = std::int64_t(std::llround(std::max(0.0, seconds)));
    std::ostringstream o;
    if (s >= 86400)
        o << s / 86400 << " d " << (s % 86400) / 3600 << " h";
    else if (s >= 3600)
        o << s / 3600 << " h " << (s % 3600) / 60 << " min";
    else if (s >= 60)
        o << s / 60 << " min " << s % 60 << " s";
    else
        o << s << " s";
    return o.str();
}

} // namespace scnn::model
