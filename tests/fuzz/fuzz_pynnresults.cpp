// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the .npy results a generated PyNN script leaves in its output
// folder (spikes, membranes, weight snapshots, final weights, trial counts),
// read back for a small fixed phase. The input is the files one after another,
// separated by "\n@@\n", in the order of kFiles. Results that are read must
// fit the phase: neuron ids inside their population, finite times, the stated
// numbers of samples, connections and trials.
#include "fuzzsupport.h"
#include "hardware/spinnaker/pynnscriptgenerator.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace {

using namespace scnn::hardware;

constexpr const char* kFiles[] = {"spikes_0.npy",  "v_0.npy",           "v_times_0.npy",
                                  "weights_0.npy", "weight_times_0.npy", "final_weights_0.npy",
                                  "counts.npy"};
constexpr int kSources = 4; // population 0: spike source
constexpr int kNeurons = 3; // population 1: the trained neurons
constexpr std::size_t kConnections = std::size_t(kSources) * kNeurons;
constexpr std::size_t kTrials = 2;

std::filesystem::path scratch()
{
    static const std::filesystem::path dir = scnn::fuzz::scratchDir("pynnresults");
    return dir;
}

PhaseDescription phase()
{
    PhaseDescription p;
    Population source;
    source.label = "input";
    source.size = kSources;
    source.type = CellType::SpikeSourceArray;
    Population neurons;
    neurons.label = "layer";
    neurons.size = kNeurons;
    p.populations = {source, neurons};
    Projection proj;
    proj.label = "input→layer";
    proj.pre = 0;
    proj.post = 1;
    proj.connector = AllToAll{0.3, 1.0, false};
    proj.stdp = scnn::model::StdpParams{};
    p.projections = {proj};
    p.recordSpikes = {RecordSpikes{1}};
    RecordMembrane m;
    m.population = 1;
    m.neurons = {0, 2};
    p.recordMembrane = {m};
    p.recordWeights = {RecordWeights{0, 100.0}};
    TrialBatch batch;
    batch.sources = {0};
    batch.inputs.assign(kTrials, std::vector<SpikeList>(1));
    batch.countPopulation = 1;
    p.batch = batch;
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    const std::filesystem::path dir = scratch();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    fuzz::writeFile((dir / "done.json").string(), reinterpret_cast<const std::uint8_t*>("{}"), 2);
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view separator = "\n@@\n";
    for (const char* name : kFiles) {
        if (rest.empty())
            break; // the later files are missing
        const std::size_t end = rest.find(separator);
        const std::string_view part = rest.substr(0, end);
        fuzz::writeFile((dir / name).string(), reinterpret_cast<const std::uint8_t*>(part.data()), part.size());
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + separator.size());
    }
    static const PhaseDescription p = phase();
    fuzz::expectCleanRejection([&] {
        const PhaseResult r = readPynnResults(dir, p);
        if (r.spikes.size() != 1 || r.membranes.size() != 1 || r.weightSnapshots.size() != 1
            || r.finalWeights.size() != 1)
            std::abort();
        const SpikeList& s = r.spikes[0];
        if (s.ids.size() != s.times.size())
            std::abort();
        for (std::size_t i = 0; i < s.ids.size(); ++i)
            if (s.ids[i] < 0 || s.ids[i] >= kNeurons || !std::isfinite(s.times[i]) || s.times[i] < 0)
                std::abort(); // a spike of a neuron that does not exist, or at no time
        const MembraneTrace& m = r.membranes[0];
        if (m.values.size() != m.times.size() * m.neurons.size())
            std::abort();
        for (const WeightSnapshot& w : r.weightSnapshots[0])
            if (w.weights.size() != kConnections)
                std::abort();
        if (r.finalWeights[0].size() != kConnections || r.counts.size() != kTrials)
            std::abort();
        for (const auto& row : r.counts) {
            if (row.size() != std::size_t(kNeurons))
                std::abort();
            for (std::int32_t c : row)
                if (c < 0)
                    std::abort(); // a negative spike count
        }
    });
    return 0;
}
