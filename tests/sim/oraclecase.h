// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — loads an oracle case (network.json + inputs/*.npy) as a PhaseDescription.
#pragma once

#include "hardware/backend.h"
#include "npyread.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace scnn::test {

/// One oracle case as a phase plus what was recorded and where the expectations are.
struct OracleCase
{
    std::string dir;
    nlohmann::json net;
    hardware::PhaseDescription phase;
    std::map<std::string, int> popIndex;
    std::map<std::string, int> projIndex;

    struct Expect
    {
        std::string variable; ///< spikes | v | isyn_exc | isyn_inh | weight
        std::string file;
        int request = 0;      ///< Index of the matching record request in phase
    };
    std::vector<Expect> expects;
    std::vector<double> segmentEndsMs;

    NpyArray load(const std::string& rel) const { return readNpy(dir + "/" + rel); }
};

inline double jval(const nlohmann::json& j)
{
    return j.at("value").get<double>();
}

/// Reads `dir`. With `convolutions`, projections that carry kernels
/// (inputs_extra.kernels) are built as Convolution instead of from the list.
inline OracleCase loadOracleCase(const std::string& dir, bool convolutions = false)
{
    using namespace scnn::hardware;
    OracleCase c;
    c.dir = dir;
    std::ifstream f(dir + "/network.json");
    c.net = nlohmann::json::parse(f);
    PhaseDescription& ph = c.phase;
    ph.dt = c.net.at("timestep_ms").get<double>();
    ph.durationMs = c.net.at("n_steps").get<double>() * ph.dt;
    for (const auto& p : c.net.at("populations")) {
        Population pop;
        pop.label = p.at("name").get<std::string>();
        pop.size = p.at("size").get<int>();
        if (p.at("cell_type") == "spike_source_array") {
            pop.type = CellType::SpikeSourceArray;
            const NpyArray s = readNpy(dir + "/" + p.at("spikes_file").get<std::string>());
            for (std::int64_t r = 0; r < s.rows(); ++r)
                pop.spikes.add(std::int32_t(s.at(r, 0)), s.at(r, 1));
        } else {
            pop.type = CellType::IfCurrExp;
            const auto& q = p.at("parameters");
            pop.params.tauM = jval(q.at("tau_m"));
            pop.params.cm = jval(q.at("cm"));
            pop.params.vRest = jval(q.at("v_rest"));
            pop.params.vReset = jval(q.at("v_reset"));
            pop.params.vThresh = jval(q.at("v_thresh"));
            pop.params.tauRefrac = jval(q.at("tau_refrac"));
            pop.params.tauSynE = jval(q.at("tau_syn_E"));
            pop.params.tauSynI = jval(q.at("tau_syn_I"));
            pop.params.iOffset = jval(q.at("i_offset"));
            pop.initialV = jval(p.at("initial_values").at("v"));
        }
        c.popIndex[pop.label] = int(ph.populations.size());
        ph.populations.push_back(std::move(pop));
    }
    for (const auto& pr : c.net.at("projections")) {
        Projection proj;
        proj.label = pr.at("name").get<std::string>();
        proj.pre = c.popIndex.at(pr.at("pre").get<std::string>());
        proj.post = c.popIndex.at(pr.at("post").get<std::string>());
        proj.receptor = pr.at("receptor") == "inhibitory" ? Receptor::Inhibitory : Receptor::Excitatory;
        const auto& con = pr.at("connector");
        if (con.at("type") == "from_list") {
            FromList fl;
            const NpyArray rows = readNpy(dir + "/" + con.at("file").get<std::string>());
            for (std::int64_t r = 0; r < rows.rows(); ++r) {
                fl.pre.push_back(std::int32_t(rows.at(r, 0)));
                fl.post.push_back(std::int32_t(rows.at(r, 1)));
                fl.weight.push_back(rows.at(r, 2));
                fl.delay.push_back(rows.at(r, 3));
            }
            proj.connector = fl;
        } else {
            AllToAll a;
            a.weight = con.at("weight_nA").get<double>();
            a.delay = con.at("delay_ms").get<double>();
            a.allowSelfConnections = con.at("allow_self_connections").get<bool>();
            proj.connector = a;
        }
        const auto& syn = pr.at("synapse");
        if (syn.at("type") == "stdp") {
            model::StdpParams s;
            s.rule = model::StdpRule::PairAdditive;
            const auto& td = syn.at("timing_dependence");
            const auto& wd = syn.at("weight_dependence");
            s.tauPlus = jval(td.at("tau_plus"));
            s.tauMinus = jval(td.at("tau_minus"));
            s.aPlus = jval(td.at("A_plus"));
            s.aMinus = jval(td.at("A_minus"));
            s.wMin = jval(wd.at("w_min"));
            s.wMax = jval(wd.at("w_max"));
            proj.stdp = s;
        }
        c.projIndex[proj.label] = int(ph.projections.size());
        ph.projections.push_back(std::move(proj));
    }
    // Convolution form of the kernel cases (same index orders as the lists).
    if (convolutions && c.net.contains("inputs_extra") && c.net.at("inputs_extra").contains("kernels")) {
        const NpyArray k = readNpy(dir + "/" + c.net.at("inputs_extra").at("kernels").at("file").get<std::string>());
        Projection& proj = ph.projections.at(0);
        const int in = ph.populations[std::size_t(proj.pre)].size;
        const int side = int(std::lround(std::sqrt(double(in))));
        const int K = int(k.shape[0]);
        const int kh = int(k.shape[1]);
        const int outSize = ph.populations[std::size_t(proj.post)].size;
        const int outSide = int(std::lround(std::sqrt(double(outSize / K))));
        Convolution conv;
        conv.in = {side, side, 1};
        conv.out = {outSide, outSide, K};
        conv.kh = conv.kw = kh;
        conv.stride = outSide > 1 ? (side - kh) / (outSide - 1) : 1;
        conv.kernels = k.data;
        conv.delay = std::get<FromList>(proj.connector).delay.at(0);
        proj.connector = conv;
    }
    for (const auto& r : c.net.at("record")) {
        if (!r.contains("variable"))
            continue;
        OracleCase::Expect e;
        e.variable = r.at("variable").get<std::string>();
        e.file = r.at("file").get<std::string>();
        if (e.variable == "spikes") {
            e.request = int(ph.recordSpikes.size());
            ph.recordSpikes.push_back({c.popIndex.at(r.at("population").get<std::string>())});
        } else if (e.variable == "v" || e.variable == "isyn_exc" || e.variable == "isyn_inh") {
            RecordMembrane m;
            m.population = c.popIndex.at(r.at("population").get<std::string>());
            m.neurons = r.at("neurons").get<std::vector<std::int32_t>>();
            m.intervalMs = ph.dt;
            m.variable = e.variable == "v"          ? RecordMembrane::Variable::V
                         : e.variable == "isyn_exc" ? RecordMembrane::Variable::IsynExc
                                                    : RecordMembrane::Variable::IsynInh;
            e.request = int(ph.recordMembrane.size());
            ph.recordMembrane.push_back(m);
        } else if (e.variable == "weight") {
            e.request = c.projIndex.at(r.at("projection").get<std::string>());
            if (e.file.find("weights_after_pair") != std::string::npos) {
                const auto ends = c.net.at("run").at("segments_end_ms").get<std::vector<double>>();
                c.segmentEndsMs = ends;
                RecordWeights w;
                w.projection = e.request;
                w.everyMs = ends.at(0);
                e.request = int(ph.recordWeights.size());
                ph.recordWeights.push_back(w);
                e.variable = "weight_snapshots";
            }
        } else {
            continue;
        }
        c.expects.push_back(e);
    }
    return c;
}

} // namespace scnn::test
