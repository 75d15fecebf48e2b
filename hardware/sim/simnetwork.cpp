// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — validation and compilation of a phase for the embedded simulator.
#include "hardware/sim/simnetwork.h"

#include "model/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace scnn::hardware::sim {

namespace {

constexpr int kMaxDelaySteps = 65535;

std::string num(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string popName(const PhaseDescription& ph, int i)
{
    if (i < 0 || i >= int(ph.populations.size()))
        return "population #" + std::to_string(i);
    const auto& l = ph.populations[std::size_t(i)].label;
    return "population " + std::to_string(i) + (l.empty() ? "" : " '" + l + "'");
}

std::string projName(const PhaseDescription& ph, int j)
{
    const auto& l = ph.projections[std::size_t(j)].label;
    return "projection " + std::to_string(j) + (l.empty() ? "" : " '" + l + "'");
}

bool isNeuron(CellType t)
{
    return t == CellType::IfCurrExp || t == CellType::NonLeakyIf;
}

void checkDelay(double d, double dt, const std::string& where, const std::string& what)
{
    if (!std::isfinite(d) || d < 0.0)
        throw model::Error(what + " delay = " + num(d) + " ms is not a finite non-negative number", where);
    const double steps = std::round(d / dt);
    if (steps < 1.0)
        throw model::Error(what + " delay = " + num(d) + " ms is shorter than one timestep (dt = "
                               + num(dt) + " ms); delays must be at least dt",
                           where);
    if (steps > kMaxDelaySteps)
        throw model::Error(what + " delay = " + num(d) + " ms is longer than " + std::to_string(kMaxDelaySteps)
                               + " timesteps",
                           where);
}

void checkWeight(double w, const std::string& where, const std::string& what)
{
    if (!std::isfinite(w) || w < 0.0)
        throw model::Error(what + " weight = " + num(w)
                               + " nA must be a finite non-negative magnitude (the receptor gives the sign)",
                           where);
}

void checkSpikes(const SpikeList& s, int size, const std::string& where)
{
    if (s.ids.size() != s.times.size())
        throw model::Error("spike list has " + std::to_string(s.ids.size()) + " ids but "
                               + std::to_string(s.times.size()) + " times",
                           where);
    for (std::size_t k = 0; k < s.ids.size(); ++k) {
        if (s.ids[k] < 0 || s.ids[k] >= size)
            throw model::Error("spike " + std::to_string(k) + " has source index " + std::to_string(s.ids[k])
                                   + ", outside 0 … " + std::to_string(size - 1),
                               where);
        if (!std::isfinite(s.times[k]) || s.times[k] < 0.0)
            throw model::Error("spike " + std::to_string(k) + " has time " + num(s.times[k])
                                   + " ms; times must be finite and ≥ 0",
                               where);
    }
}

} // namespace

int delaySteps(double delayMs, double dt)
{
    return int(std::lround(delayMs / dt));
}

SimNetwork::SimNetwork(const PhaseDescription& phase)
    : m_phase(phase)
{
    validate();
    m_steps = std::llround(phase.durationMs / phase.dt);
    m_presentationSteps = phase.presentationMs > 0.0 ? std::llround(phase.presentationMs / phase.dt) : 0;
    compilePopulations();
    compileProjections();
}

std::int64_t SimNetwork::sourceStep(double tMs) const
{
    return std::int64_t(std::floor(tMs / m_phase.dt + 0.001));
}

void SimNetwork::validate() const
{
    const PhaseDescription& ph = m_phase;
    if (!std::isfinite(ph.dt) || ph.dt <= 0.0 || ph.dt > 100.0)
        throw model::Error("dt = " + num(ph.dt) + " ms is outside (0 … 100] ms", "phase");
    if (!std::isfinite(ph.durationMs) || ph.durationMs < 0.0 || ph.durationMs / ph.dt > 1e10)
        throw model::Error("duration = " + num(ph.durationMs) + " ms is negative, not finite or too long",
                           "phase");
    if (!std::isfinite(ph.presentationMs) || ph.presentationMs < 0.0
        || (ph.presentationMs > 0.0 && std::llround(ph.presentationMs / ph.dt) < 1))
        throw model::Error("presentation = " + num(ph.presentationMs) + " ms must be 0 or at least dt", "phase");
    const int nPop = int(ph.populations.size());
    for (int i = 0; i < nPop; ++i) {
        const Population& p = ph.populations[std::size_t(i)];
        const std::string where = popName(ph, i);
        if (p.size <= 0 || p.size > (1 << 30))
            throw model::Error("size = " + std::to_string(p.size) + " must be at least 1", where);
        if (p.type == CellType::SpikeSourceArray) {
            checkSpikes(p.spikes, p.size, where);
            continue;
        }
        const model::NeuronParams& q = p.params;
        if (p.type == CellType::IfCurrExp) {
            model::validate(q, where);
        } else {
            for (auto [v, name] : {std::pair{q.cm, "cm"}, {q.tauSynE, "tau_syn_E"}, {q.tauSynI, "tau_syn_I"}})
                if (!std::isfinite(v) || v <= 0.0)
                    throw model::Error(std::string(name) + " = " + num(v) + " must be positive", where);
            if (!std::isfinite(q.vThresh) || !std::isfinite(q.vReset) || !std::isfinite(q.iOffset)
                || q.vReset >= q.vThresh)
                throw model::Error("v_reset = " + num(q.vReset) + " mV must be below v_thresh = "
                                       + num(q.vThresh) + " mV (both finite)",
                                   where);
        }
        if (p.initialV && !std::isfinite(*p.initialV))
            throw model::Error("initial v is not finite", where);
    }
    auto checkPop = [&](int idx, const std::string& where, const char* what) {
        if (idx < 0 || idx >= nPop)
            throw model::Error(std::string(what) + " population index " + std::to_string(idx) + " is outside 0 … "
                                   + std::to_string(nPop - 1),
                               where);
    };
    for (int j = 0; j < int(ph.projections.size()); ++j) {
        const Projection& pr = ph.projections[std::size_t(j)];
        const std::string where = projName(ph, j);
        checkPop(pr.pre, where, "pre");
        checkPop(pr.post, where, "post");
        const Population& pre = ph.populations[std::size_t(pr.pre)];
        const Population& post = ph.populations[std::size_t(pr.post)];
        if (!isNeuron(post.type))
            throw model::Error("post " + popName(ph, pr.post) + " is a spike source; it cannot receive synapses",
                               where);
        if (pr.stdp) {
            if (std::holds_alternative<Convolution>(pr.connector))
                throw model::Error("STDP is supported on from-list and all-to-all projections only, "
                                   "not on convolutions",
                                   where);
            model::validate(*pr.stdp, where);
        }
        if (const auto* fl = std::get_if<FromList>(&pr.connector)) {
            const std::size_t n = fl->pre.size();
            if (fl->post.size() != n || fl->weight.size() != n || fl->delay.size() != n)
                throw model::Error("from-list arrays differ in length: pre " + std::to_string(n) + ", post "
                                       + std::to_string(fl->post.size()) + ", weight "
                                       + std::to_string(fl->weight.size()) + ", delay "
                                       + std::to_string(fl->delay.size()),
                                   where);
            for (std::size_t k = 0; k < n; ++k) {
                const std::string what = "connection " + std::to_string(k);
                if (fl->pre[k] < 0 || fl->pre[k] >= pre.size)
                    throw model::Error(what + ": pre index " + std::to_string(fl->pre[k]) + " is outside 0 … "
                                           + std::to_string(pre.size - 1),
                                       where);
                if (fl->post[k] < 0 || fl->post[k] >= post.size)
                    throw model::Error(what + ": post index " + std::to_string(fl->post[k]) + " is outside 0 … "
                                           + std::to_string(post.size - 1),
                                       where);
                checkWeight(fl->weight[k], where, what);
                checkDelay(fl->delay[k], ph.dt, where, what);
            }
        } else if (const auto* a = std::get_if<AllToAll>(&pr.connector)) {
            checkWeight(a->weight, where, "all-to-all");
            checkDelay(a->delay, ph.dt, where, "all-to-all");
            if (pr.stdp && double(pre.size) * post.size > 1e8)
                throw model::Error("plastic all-to-all of " + std::to_string(pre.size) + "×"
                                       + std::to_string(post.size) + " synapses is too large",
                                   where);
        } else {
            const auto& c = std::get<Convolution>(pr.connector);
            checkDelay(c.delay, ph.dt, where, "convolution");
            if (c.kh <= 0 || c.kw <= 0 || c.stride <= 0)
                throw model::Error("kernel " + std::to_string(c.kh) + "×" + std::to_string(c.kw) + " stride "
                                       + std::to_string(c.stride) + " must be positive",
                                   where);
            if (c.in.h <= 0 || c.in.w <= 0 || c.in.c <= 0 || c.in.size() != pre.size)
                throw model::Error("input shape " + model::formatShape(c.in) + " does not match the "
                                       + std::to_string(pre.size) + " neurons of " + popName(ph, pr.pre),
                                   where);
            if (c.out.size() != post.size)
                throw model::Error("output shape " + model::formatShape(c.out) + " does not match the "
                                       + std::to_string(post.size) + " neurons of " + popName(ph, pr.post),
                                   where);
            if (c.kh > c.in.h || c.kw > c.in.w)
                throw model::Error("kernel " + std::to_string(c.kh) + "×" + std::to_string(c.kw)
                                       + " is larger than the input " + model::formatShape(c.in),
                                   where);
            const int oh = (c.in.h - c.kh) / c.stride + 1;
            const int ow = (c.in.w - c.kw) / c.stride + 1;
            if (c.out.h != oh || c.out.w != ow || c.out.c <= 0 || (c.perChannel && c.out.c % c.in.c != 0))
                throw model::Error("output shape " + model::formatShape(c.out) + " does not follow from input "
                                       + model::formatShape(c.in) + ", kernel " + std::to_string(c.kh) + "×"
                                       + std::to_string(c.kw) + ", stride " + std::to_string(c.stride)
                                       + " (expected " + std::to_string(oh) + "×" + std::to_string(ow) + ")",
                                   where);
            const int k = c.perChannel ? c.out.c / c.in.c : c.out.c;
            const std::size_t expect = std::size_t(k) * (c.perChannel ? 1 : c.in.c) * c.kh * c.kw;
            if (c.kernels.size() != expect)
                throw model::Error("kernels hold " + std::to_string(c.kernels.size()) + " values, expected "
                                       + std::to_string(expect),
                                   where);
            for (std::size_t q = 0; q < c.kernels.size(); ++q)
                checkWeight(c.kernels[q], where, "kernel value " + std::to_string(q));
        }
    }
    for (std::size_t r = 0; r < ph.recordSpikes.size(); ++r)
        checkPop(ph.recordSpikes[r].population, "spike recording " + std::to_string(r), "recorded");
    for (std::size_t r = 0; r < ph.recordMembrane.size(); ++r) {
        const RecordMembrane& m = ph.recordMembrane[r];
        const std::string where = "membrane recording " + std::to_string(r);
        checkPop(m.population, where, "recorded");
        const Population& p = ph.populations[std::size_t(m.population)];
        if (!isNeuron(p.type))
            throw model::Error(popName(ph, m.population) + " is a spike source; it has no membrane", where);
        for (auto n : m.neurons)
            if (n < 0 || n >= p.size)
                throw model::Error("neuron " + std::to_string(n) + " is outside 0 … " + std::to_string(p.size - 1),
                                   where);
        if (!std::isfinite(m.intervalMs) || std::llround(m.intervalMs / ph.dt) < 1)
            throw model::Error("interval = " + num(m.intervalMs) + " ms must be at least dt", where);
    }
    for (std::size_t r = 0; r < ph.recordWeights.size(); ++r) {
        const RecordWeights& w = ph.recordWeights[r];
        const std::string where = "weight recording " + std::to_string(r);
        if (w.projection < 0 || w.projection >= int(ph.projections.size()))
            throw model::Error("projection index " + std::to_string(w.projection) + " is out of range", where);
        if (!ph.projections[std::size_t(w.projection)].stdp)
            throw model::Error(projName(ph, w.projection) + " is static; only plastic weights are snapshot", where);
        if (!std::isfinite(w.everyMs) || std::llround(w.everyMs / ph.dt) < 1)
            throw model::Error("every = " + num(w.everyMs) + " ms must be at least dt", where);
    }
    if (ph.batch) {
        const TrialBatch& b = *ph.batch;
        checkPop(b.countPopulation, "batch", "counted");
        for (std::size_t k = 0; k < b.sources.size(); ++k) {
            checkPop(b.sources[k], "batch", "source");
            if (ph.populations[std::size_t(b.sources[k])].type != CellType::SpikeSourceArray)
                throw model::Error(popName(ph, b.sources[k]) + " is not a spike source; only sources are replaced per trial",
                                   "batch");
        }
        for (std::size_t t = 0; t < b.inputs.size(); ++t) {
            if (b.inputs[t].size() != b.sources.size())
                throw model::Error("trial " + std::to_string(t) + " has " + std::to_string(b.inputs[t].size())
                                       + " spike lists for " + std::to_string(b.sources.size()) + " sources",
                                   "batch");
            for (std::size_t k = 0; k < b.sources.size(); ++k)
                checkSpikes(b.inputs[t][k], ph.populations[std::size_t(b.sources[k])].size,
                            "batch trial " + std::to_string(t) + ", " + popName(ph, b.sources[k]));
        }
        if (b.recordFirstTrials < 0)
            throw model::Error("recordFirstTrials = " + std::to_string(b.recordFirstTrials) + " is negative", "batch");
    }
}

void SimNetwork::compilePopulations()
{
    const PhaseDescription& ph = m_phase;
    const double dt = ph.dt;
    m_pops.resize(ph.populations.size());
    for (std::size_t i = 0; i < ph.populations.size(); ++i) {
        const Population& p = ph.populations[i];
        PopulationPlan& plan = m_pops[i];
        plan.size = p.size;
        plan.type = p.type;
        if (!isNeuron(p.type))
            continue;
        const model::NeuronParams& q = p.params;
        NeuronConstants& c = plan.c;
        c.ee = std::exp(-dt / q.tauSynE);
        c.ei = std::exp(-dt / q.tauSynI);
        c.vThresh = q.vThresh;
        c.vReset = q.vReset;
        c.v0 = p.initialV.value_or(-65.0);
        c.refracSteps = std::floor(q.tauRefrac / dt + 0.001);
        if (p.type == CellType::IfCurrExp) {
            c.em = std::exp(-dt / q.tauM);
            c.vInf = q.vRest + q.iOffset * q.tauM / q.cm;
            c.ke = q.tauM * q.tauSynE / (q.cm * (q.tauM - q.tauSynE)) * (c.em - c.ee);
            c.ki = q.tauM * q.tauSynI / (q.cm * (q.tauM - q.tauSynI)) * (c.em - c.ei);
        } else {
            c.nonLeaky = true;
            c.em = 1.0;
            c.vInf = 0.0;
            c.ke = q.tauSynE / q.cm * (1.0 - c.ee);
            c.ki = q.tauSynI / q.cm * (1.0 - c.ei);
            c.drive = q.iOffset * dt / q.cm;
        }
    }
    // Internal layouts: a population fed by a convolution becomes position-major.
    for (const Projection& pr : ph.projections) {
        const auto* c = std::get_if<Convolution>(&pr.connector);
        PopulationPlan& post = m_pops[std::size_t(pr.post)];
        if (!c || !post.toInternal.empty())
            continue;
        const int hw = c->out.h * c->out.w;
        const int ch = c->out.c;
        post.toInternal.resize(std::size_t(post.size));
        post.toExternal.resize(std::size_t(post.size));
        for (int k = 0; k < ch; ++k)
            for (int pos = 0; pos < hw; ++pos) {
                const int ext = k * hw + pos;
                const int in = pos * ch + k;
                post.toInternal[std::size_t(ext)] = in;
                post.toExternal[std::size_t(in)] = ext;
            }
    }
}

void SimNetwork::compileProjections()
{
    const PhaseDescription& ph = m_phase;
    const double dt = ph.dt;
    m_projs.resize(ph.projections.size());
    for (std::size_t j = 0; j < ph.projections.size(); ++j) {
        const Projection& pr = ph.projections[j];
        ProjectionPlan& plan = m_projs[j];
        plan.label = pr.label;
        plan.pre = pr.pre;
        plan.post = pr.post;
        plan.inhibitory = pr.receptor == Receptor::Inhibitory;
        const PopulationPlan& pre = m_pops[std::size_t(pr.pre)];
        PopulationPlan& post = m_pops[std::size_t(pr.post)];
        (plan.inhibitory ? post.hasInhibitory : post.hasExcitatory) = true;
        int maxDelay = 1;

        if (pr.stdp) {
            m_hasPlastic = true;
            plan.kind = PlanKind::Plastic;
            PlasticPlan& pp = plan.plastic;
            pp.stdp = *pr.stdp;
            if (const auto* fl = std::get_if<FromList>(&pr.connector)) {
                for (std::size_t k = 0; k < fl->pre.size(); ++k) {
                    pp.pre.push_back(pre.internal(fl->pre[k]));
                    pp.post.push_back(post.internal(fl->post[k]));
                    pp.weight0.push_back(fl->weight[k]);
                    pp.delay.push_back(std::uint16_t(delaySteps(fl->delay[k], dt)));
                }
            } else {
                const auto& a = std::get<AllToAll>(pr.connector);
                const bool skipSelf = pr.pre == pr.post && !a.allowSelfConnections;
                for (int i = 0; i < pre.size; ++i)
                    for (int o = 0; o < post.size; ++o) {
                        if (skipSelf && i == o)
                            continue;
                        pp.pre.push_back(pre.internal(i));
                        pp.post.push_back(post.internal(o));
                        pp.weight0.push_back(a.weight);
                        pp.delay.push_back(std::uint16_t(delaySteps(a.delay, dt)));
                    }
            }
            auto csr = [](const std::vector<std::int32_t>& key, int n, std::vector<std::uint32_t>& off,
                          std::vector<std::uint32_t>& ids) {
                off.assign(std::size_t(n) + 1, 0);
                for (auto k : key)
                    ++off[std::size_t(k) + 1];
                for (int i = 0; i < n; ++i)
                    off[std::size_t(i) + 1] += off[std::size_t(i)];
                ids.resize(key.size());
                std::vector<std::uint32_t> fill(off.begin(), off.end() - 1);
                for (std::size_t s = 0; s < key.size(); ++s)
                    ids[fill[std::size_t(key[s])]++] = std::uint32_t(s);
            };
            csr(pp.pre, pre.size, pp.preOffsets, pp.preSynapses);
            csr(pp.post, post.size, pp.postOffsets, pp.postSynapses);
            for (auto d : pp.delay)
                maxDelay = std::max(maxDelay, int(d));
            pp.ringLength = maxDelay + 1;
            plan.synapseCount = std::int64_t(pp.pre.size());
        } else if (const auto* fl = std::get_if<FromList>(&pr.connector)) {
            plan.kind = PlanKind::StaticList;
            StaticListPlan& sl = plan.list;
            const std::size_t n = fl->pre.size();
            std::vector<std::uint32_t> order(n);
            for (std::size_t k = 0; k < n; ++k)
                order[k] = std::uint32_t(k);
            std::vector<std::int32_t> preIn(n);
            for (std::size_t k = 0; k < n; ++k)
                preIn[k] = pre.internal(fl->pre[k]);
            std::stable_sort(order.begin(), order.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return preIn[a] < preIn[b]; });
            sl.offsets.assign(std::size_t(pre.size) + 1, 0);
            for (std::size_t k = 0; k < n; ++k)
                ++sl.offsets[std::size_t(preIn[k]) + 1];
            for (int i = 0; i < pre.size; ++i)
                sl.offsets[std::size_t(i) + 1] += sl.offsets[std::size_t(i)];
            sl.post.resize(n);
            sl.weight.resize(n);
            bool uniform = true;
            const int d0 = n ? delaySteps(fl->delay[0], dt) : 1;
            for (std::size_t k = 0; k < n; ++k) {
                const int d = delaySteps(fl->delay[k], dt);
                uniform = uniform && d == d0;
                maxDelay = std::max(maxDelay, d);
            }
            sl.uniformDelay = d0;
            if (!uniform)
                sl.delay.resize(n);
            for (std::size_t r = 0; r < n; ++r) {
                const std::uint32_t k = order[r];
                sl.post[r] = std::uint32_t(post.internal(fl->post[k]));
                sl.weight[r] = fl->weight[k];
                if (!uniform)
                    sl.delay[r] = std::uint16_t(delaySteps(fl->delay[k], dt));
            }
            plan.synapseCount = std::int64_t(n);
        } else if (const auto* a = std::get_if<AllToAll>(&pr.connector)) {
            plan.kind = PlanKind::StaticAllToAll;
            plan.all.weight = a->weight;
            plan.all.delay = delaySteps(a->delay, dt);
            plan.all.skipSelf = pr.pre == pr.post && !a->allowSelfConnections;
            maxDelay = plan.all.delay;
            plan.synapseCount = std::int64_t(pre.size) * post.size - (plan.all.skipSelf ? pre.size : 0);
        } else {
            const auto& c = std::get<Convolution>(pr.connector);
            plan.kind = PlanKind::Conv;
            ConvPlan& cp = plan.conv;
            cp.delay = delaySteps(c.delay, dt);
            maxDelay = cp.delay;
            cp.outC = c.out.c;
            cp.inC = c.in.c;
            cp.perChannel = c.perChannel;
            cp.kCount = c.perChannel ? c.out.c / c.in.c : c.out.c;
            cp.kArea = c.kh * c.kw;
            cp.outHW = c.out.h * c.out.w;
            // The post layout is position-major with out.c channels when this
            // convolution (or one of the same output shape) defined it.
            cp.fastLayout = true;
            for (int ext = 0; ext < post.size && cp.fastLayout; ++ext) {
                const int k = ext / cp.outHW;
                const int pos = ext % cp.outHW;
                cp.fastLayout = post.internal(ext) == pos * cp.outC + k;
            }
            const int inHW = c.in.h * c.in.w;
            cp.preChannel.resize(std::size_t(pre.size));
            cp.prePosition.resize(std::size_t(pre.size));
            for (int in = 0; in < pre.size; ++in) {
                const int ext = pre.external(in);
                cp.preChannel[std::size_t(in)] = ext / inHW;
                cp.prePosition[std::size_t(in)] = ext % inHW;
            }
            std::vector<std::vector<std::pair<int, int>>> lists(static_cast<std::size_t>(inHW));
            for (int oy = 0; oy < c.out.h; ++oy)
                for (int ox = 0; ox < c.out.w; ++ox)
                    for (int ky = 0; ky < c.kh; ++ky)
                        for (int kx = 0; kx < c.kw; ++kx) {
                            const int y = oy * c.stride + ky;
                            const int x = ox * c.stride + kx;
                            lists[std::size_t(y * c.in.w + x)].push_back({oy * c.out.w + ox, ky * c.kw + kx});
                        }
            cp.entryOffsets.assign(std::size_t(inHW) + 1, 0);
            for (int p = 0; p < inHW; ++p) {
                cp.entryOffsets[std::size_t(p) + 1] = cp.entryOffsets[std::size_t(p)] + std::uint32_t(lists[std::size_t(p)].size());
                for (auto [pos, kofs] : lists[std::size_t(p)]) {
                    cp.entryOutPos.push_back(pos);
                    cp.entryKernelOffset.push_back(kofs);
                }
            }
            const int K = cp.kCount;
            const int chans = c.perChannel ? 1 : c.in.c;
            cp.kernT.assign(std::size_t(chans) * cp.kArea * K, 0.0);
            for (int k = 0; k < K; ++k)
                for (int ci = 0; ci < chans; ++ci)
                    for (int a = 0; a < cp.kArea; ++a)
                        cp.kernT[(std::size_t(ci) * cp.kArea + a) * K + k]
                            = c.kernels[(std::size_t(k) * chans + ci) * cp.kArea + a];
            plan.synapseCount = std::int64_t(cp.entryOutPos.size()) * (c.perChannel ? c.in.c : c.in.c) * K;
        }
        if (plan.kind != PlanKind::Plastic)
            post.ringLength = std::max(post.ringLength, maxDelay + 1);
    }
}

std::int64_t SimNetwork::synapseCount() const
{
    std::int64_t n = 0;
    for (const auto& p : m_projs)
        n += p.synapseCount;
    return n;
}

std::size_t SimNetwork::connectivityBytes() const
{
    std::size_t b = 0;
    auto vb = [](const auto& v) { return v.size() * sizeof(v[0]); };
    for (const auto& p : m_pops) {
        b += vb(p.toInternal) + vb(p.toExternal);
        if (p.type != CellType::SpikeSourceArray) {
            // v, i_e, i_i, refractory end, and the delay rings
            const std::size_t rings = std::size_t(p.hasExcitatory) + std::size_t(p.hasInhibitory);
            b += std::size_t(p.size) * sizeof(double) * (4 + rings * std::size_t(p.ringLength));
        }
    }
    for (const auto& p : m_projs) {
        b += vb(p.list.offsets) + vb(p.list.post) + vb(p.list.weight) + vb(p.list.delay);
        b += vb(p.conv.preChannel) + vb(p.conv.prePosition) + vb(p.conv.entryOffsets) + vb(p.conv.entryOutPos)
             + vb(p.conv.entryKernelOffset) + vb(p.conv.kernT);
        const PlasticPlan& q = p.plastic;
        b += vb(q.pre) + vb(q.post) + vb(q.weight0) + vb(q.delay) + vb(q.preOffsets) + vb(q.preSynapses)
             + vb(q.postOffsets) + vb(q.postSynapses);
        // Run state of a plastic synapse: w, P, M, last update, last pre arrival.
        b += q.pre.size() * 5 * sizeof(double);
    }
    return b;
}

} // namespace scnn::hardware::sim
