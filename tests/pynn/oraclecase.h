// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — reads an oracle case (network.json + .npy) into a PhaseDescription.
#pragma once

#include "hardware/backend.h"
#include "hardware/spinnaker/pynnscriptgenerator.h"
#include "model/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace scnn::test {

/**
 * @brief One case of the shared oracle folder as a phase: populations,
 * from-list / all-to-all projections (static or STDP), spike, membrane
 * (every dt) and weight recordings (at the case's segment ends).
 */
struct OracleCase
{
    std::filesystem::path dir;
    hardware::PhaseDescription phase;
    std::map<std::string, int> populationIndex;

    hardware::PynnTable expected(const std::string& name) const
    {
        return hardware::readPynnTable(dir / "expected" / name);
    }
    hardware::PynnTable input(const std::string& name) const
    {
        return hardware::readPynnTable(dir / "inputs" / name);
    }
};

inline OracleCase loadOracleCase(const std::filesystem::path& dir)
{
    using nlohmann::json;
    std::ifstream in(dir / "network.json");
    if (!in)
        throw model::Error("cannot open", (dir / "network.json").string());
    const json net = json::parse(in);
    OracleCase c;
    c.dir = dir;
    hardware::PhaseDescription& ph = c.phase;
    ph.dt = net.at("timestep_ms").get<double>();
    ph.durationMs = net.at("duration_ms").get<double>();
    auto val = [](const json& p, const char* key) { return p.at(key).at("value").get<double>(); };
    for (const json& p : net.at("populations")) {
        hardware::Population pop;
        pop.label = p.at("name").get<std::string>();
        pop.size = p.at("size").get<int>();
        if (p.at("cell_type") == "spike_source_array") {
            pop.type = hardware::CellType::SpikeSourceArray;
            const auto a = hardware::readPynnTable(dir / p.at("spikes_file").get<std::string>());
            for (std::size_t i = 0; i < a.rows; ++i)
                pop.spikes.add(std::int32_t(a.at(i, 0)), a.at(i, 1));
        } else {
            const json& q = p.at("parameters");
            model::NeuronParams& n = pop.params;
            n.tauM = val(q, "tau_m");
            n.cm = val(q, "cm");
            n.vRest = val(q, "v_rest");
            n.vReset = val(q, "v_reset");
            n.vThresh = val(q, "v_thresh");
            n.tauRefrac = val(q, "tau_refrac");
            n.tauSynE = val(q, "tau_syn_E");
            n.tauSynI = val(q, "tau_syn_I");
            n.iOffset = val(q, "i_offset");
        }
        c.populationIndex[pop.label] = int(ph.populations.size());
        ph.populations.push_back(std::move(pop));
    }
    std::map<std::string, int> projectionIndex;
    for (const json& p : net.at("projections")) {
        hardware::Projection pr;
        pr.label = p.at("name").get<std::string>();
        pr.pre = c.populationIndex.at(p.at("pre").get<std::string>());
        pr.post = c.populationIndex.at(p.at("post").get<std::string>());
        pr.receptor = p.at("receptor") == "inhibitory" ? hardware::Receptor::Inhibitory
                                                       : hardware::Receptor::Excitatory;
        const json& con = p.at("connector");
        if (con.at("type") == "from_list") {
            const auto a = hardware::readPynnTable(dir / con.at("file").get<std::string>());
            hardware::FromList l;
            for (std::size_t i = 0; i < a.rows; ++i) {
                l.pre.push_back(std::int32_t(a.at(i, 0)));
                l.post.push_back(std::int32_t(a.at(i, 1)));
                l.weight.push_back(a.at(i, 2));
                l.delay.push_back(a.at(i, 3));
            }
            pr.connector = l;
        } else {
            hardware::AllToAll a;
            a.weight = con.at("weight_nA").get<double>();
            a.delay = con.at("delay_ms").get<double>();
            a.allowSelfConnections = con.at("allow_self_connections").get<bool>();
            pr.connector = a;
        }
        const json& syn = p.at("synapse");
        if (syn.at("type") == "stdp") {
            model::StdpParams s;
            const json& td = syn.at("timing_dependence");
            const json& wd = syn.at("weight_dependence");
            s.tauPlus = val(td, "tau_plus");
            s.tauMinus = val(td, "tau_minus");
            s.aPlus = val(td, "A_plus");
            s.aMinus = val(td, "A_minus");
            s.wMin = val(wd, "w_min");
            s.wMax = val(wd, "w_max");
            pr.stdp = s;
        }
        projectionIndex[pr.label] = int(ph.projections.size());
        ph.projections.push_back(std::move(pr));
    }
    for (const json& r : net.at("record")) {
        const std::string var = r.value("variable", "");
        if (var == "spikes") {
            ph.recordSpikes.push_back({c.populationIndex.at(r.at("population").get<std::string>())});
        } else if (var == "v") {
            hardware::RecordMembrane m;
            m.population = c.populationIndex.at(r.at("population").get<std::string>());
            m.neurons = r.at("neurons").get<std::vector<std::int32_t>>();
            m.intervalMs = ph.dt;
            ph.recordMembrane.push_back(m);
        } else if (var == "weight" && net.contains("run")) {
            const auto ends = net.at("run").at("segments_end_ms").get<std::vector<double>>();
            ph.recordWeights.push_back({projectionIndex.at(r.at("projection").get<std::string>()), ends.front()});
        }
    }
    return c;
}

/// The convolution `conv_small` was built from: (6,6,1) → 2 kernels 3×3, stride 1 → (4,4,2).
inline hardware::Convolution convSmallConvolution(const OracleCase& c)
{
    const auto kernels = c.input("kernels.npy");
    hardware::Convolution conv;
    conv.in = {6, 6, 1};
    conv.out = {4, 4, 2};
    conv.kh = conv.kw = 3;
    conv.kernels.assign(kernels.data.begin(), kernels.data.end());
    conv.delay = 1.0;
    return conv;
}

} // namespace scnn::test
