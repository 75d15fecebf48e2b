// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the step loop of the embedded simulator (Brian 2 semantics).
#include "hardware/sim/simulation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scnn::hardware::sim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define SCNN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SCNN_CLONES
#endif

/*
 * The membrane and current update of one population for one step, written
 * as one branch-free loop that the compiler vectorises (AVX2 where the CPU
 * has it; without FMA, so every variant rounds identically). `now` is the
 * step index; a neuron is free when now ≥ its refractory end.
 */
SCNN_CLONES void updateExcInh(int n, double* __restrict v, double* __restrict ie, double* __restrict ii,
                              const double* __restrict refrEnd, double* __restrict re, double* __restrict ri,
                              NeuronConstants c, double now)
{
    for (int i = 0; i < n; ++i) {
        const double vn = c.vInf + (v[i] - c.vInf) * c.em + ie[i] * c.ke - ii[i] * c.ki + c.drive;
        v[i] = now >= refrEnd[i] ? vn : v[i];
        ie[i] = ie[i] * c.ee + re[i];
        re[i] = 0.0;
        ii[i] = ii[i] * c.ei + ri[i];
        ri[i] = 0.0;
    }
}

SCNN_CLONES void updateExc(int n, double* __restrict v, double* __restrict ie, const double* __restrict refrEnd,
                           double* __restrict re, NeuronConstants c, double now)
{
    for (int i = 0; i < n; ++i) {
        const double vn = c.vInf + (v[i] - c.vInf) * c.em + ie[i] * c.ke + c.drive;
        v[i] = now >= refrEnd[i] ? vn : v[i];
        ie[i] = ie[i] * c.ee + re[i];
        re[i] = 0.0;
    }
}

SCNN_CLONES void addRow(double* __restrict target, const double* __restrict w, int n)
{
    for (int k = 0; k < n; ++k)
        target[k] += w[k];
}

SCNN_CLONES void addConstant(double* __restrict target, double w, int n)
{
    for (int k = 0; k < n; ++k)
        target[k] += w;
}

} // namespace

Simulation::Simulation(const SimNetwork& net)
    : m_net(net)
{
    const auto& pops = net.populations();
    m_pops.resize(pops.size());
    for (std::size_t p = 0; p < pops.size(); ++p) {
        const PopulationPlan& plan = pops[p];
        PopState& s = m_pops[p];
        const std::size_t n = std::size_t(plan.size);
        if (plan.type == CellType::SpikeSourceArray) {
            buildSource(int(p), net.phase().populations[p].spikes);
            continue;
        }
        s.v.resize(n);
        s.ie.resize(n);
        s.ii.resize(n);
        s.refrEnd.resize(n);
        s.ringE.resize(n * std::size_t(plan.ringLength));
        if (plan.hasInhibitory)
            s.ringI.resize(n * std::size_t(plan.ringLength));
        s.fired.reserve(n);
    }
    const auto& projs = net.projections();
    m_plastic.resize(projs.size());
    for (std::size_t j = 0; j < projs.size(); ++j)
        if (projs[j].kind == PlanKind::Plastic)
            m_plastic[j].queue.resize(std::size_t(projs[j].plastic.ringLength));
    const PhaseDescription& ph = net.phase();
    for (const auto& m : ph.recordMembrane)
        m_membraneEvery.push_back(std::max<std::int64_t>(1, std::llround(m.intervalMs / ph.dt)));
    for (const auto& w : ph.recordWeights)
        m_weightEvery.push_back(std::max<std::int64_t>(1, std::llround(w.everyMs / ph.dt)));
    reset(false);
}

void Simulation::buildSource(int population, const SpikeList& spikes)
{
    PopState& s = m_pops[std::size_t(population)];
    const std::int64_t steps = m_net.steps();
    s.srcOffsets.assign(std::size_t(steps) + 1, 0);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        const std::int64_t st = m_net.sourceStep(spikes.times[k]);
        if (st >= 0 && st < steps) {
            ++s.srcOffsets[std::size_t(st) + 1];
            ++kept;
        }
    }
    for (std::int64_t st = 0; st < steps; ++st)
        s.srcOffsets[std::size_t(st) + 1] += s.srcOffsets[std::size_t(st)];
    s.srcIds.resize(kept);
    std::vector<std::uint32_t> fill(s.srcOffsets.begin(), s.srcOffsets.end() - 1);
    for (std::size_t k = 0; k < spikes.size(); ++k) {
        const std::int64_t st = m_net.sourceStep(spikes.times[k]);
        if (st >= 0 && st < steps)
            s.srcIds[fill[std::size_t(st)]++] = spikes.ids[k];
    }
}

void Simulation::setSource(int population, const SpikeList* spikes)
{
    buildSource(population, spikes ? *spikes : m_net.phase().populations[std::size_t(population)].spikes);
}

void Simulation::configure(bool record, int countPopulation)
{
    m_record = record;
    m_countPopulation = countPopulation;
    reset(true);
}

void Simulation::reset(bool keepWeights)
{
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type == CellType::SpikeSourceArray)
            continue;
        PopState& s = m_pops[p];
        std::fill(s.v.begin(), s.v.end(), pops[p].c.v0);
        std::fill(s.ie.begin(), s.ie.end(), 0.0);
        std::fill(s.ii.begin(), s.ii.end(), 0.0);
        std::fill(s.refrEnd.begin(), s.refrEnd.end(), -kInf);
        std::fill(s.ringE.begin(), s.ringE.end(), 0.0);
        std::fill(s.ringI.begin(), s.ringI.end(), 0.0);
        s.fired.clear();
    }
    const auto& projs = m_net.projections();
    for (std::size_t j = 0; j < projs.size(); ++j) {
        if (projs[j].kind != PlanKind::Plastic)
            continue;
        PlasticState& st = m_plastic[j];
        const std::size_t n = projs[j].plastic.weight0.size();
        if (!keepWeights || st.w.size() != n)
            st.w = projs[j].plastic.weight0;
        st.P.assign(n, 0.0);
        st.M.assign(n, 0.0);
        st.last.assign(n, 0.0);
        st.lastPre.assign(n, -kInf);
        for (auto& q : st.queue)
            q.clear();
    }
    m_step = 0;
    m_presentationStart = 0;

    const PhaseDescription& ph = m_net.phase();
    m_rec = TrialRecord{};
    if (m_record) {
        m_rec.spikes.resize(ph.recordSpikes.size());
        m_rec.membranes.resize(ph.recordMembrane.size());
        for (std::size_t r = 0; r < ph.recordMembrane.size(); ++r) {
            const RecordMembrane& m = ph.recordMembrane[r];
            MembraneTrace& tr = m_rec.membranes[r];
            tr.neurons = m.neurons;
            tr.times.push_back(0.0);
            sampleState(m, tr);
        }
        m_rec.weights.resize(ph.recordWeights.size());
    }
    if (m_countPopulation >= 0)
        m_rec.counts.assign(std::size_t(pops[std::size_t(m_countPopulation)].size), 0);
}

bool Simulation::run(std::int64_t steps, const std::atomic<bool>* stop, const std::atomic<bool>* stop2)
{
    for (std::int64_t k = 0; k < steps; ++k) {
        if ((k & 7) == 0 && ((stop && stop->load(std::memory_order_relaxed))
                             || (stop2 && stop2->load(std::memory_order_relaxed))))
            return false;
        doStep();
    }
    return true;
}

void Simulation::doStep()
{
    const std::int64_t ps = m_net.presentationSteps();
    if (ps > 0 && m_step > 0 && m_step % ps == 0)
        startPresentation();
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        PopState& s = m_pops[p];
        if (pops[p].type == CellType::SpikeSourceArray) {
            s.fired.assign(s.srcIds.begin() + s.srcOffsets[std::size_t(m_step)],
                           s.srcIds.begin() + s.srcOffsets[std::size_t(m_step) + 1]);
        } else {
            updatePopulation(int(p));
        }
    }
    const auto& projs = m_net.projections();
    for (std::size_t j = 0; j < projs.size(); ++j) {
        deliver(int(j));
        if (projs[j].kind == PlanKind::Plastic)
            plasticArrivals(int(j));
    }
    for (std::size_t j = 0; j < projs.size(); ++j)
        if (projs[j].kind == PlanKind::Plastic)
            plasticPost(int(j));
    ++m_step;
    recordStep();
}

void Simulation::updatePopulation(int index)
{
    const PopulationPlan& plan = m_net.populations()[std::size_t(index)];
    PopState& s = m_pops[std::size_t(index)];
    const NeuronConstants& c = plan.c;
    const int n = plan.size;
    const std::size_t slot = std::size_t(m_step % plan.ringLength) * std::size_t(n);
    const double now = double(m_step);
    if (plan.hasInhibitory)
        updateExcInh(n, s.v.data(), s.ie.data(), s.ii.data(), s.refrEnd.data(), s.ringE.data() + slot,
                     s.ringI.data() + slot, c, now);
    else
        updateExc(n, s.v.data(), s.ie.data(), s.refrEnd.data(), s.ringE.data() + slot, c, now);
    // Threshold (strict) and reset; the refractory end is n + R (non-leaky:
    // the end of the presentation).
    s.fired.clear();
    const double vth = c.vThresh;
    const double* v = s.v.data();
    const double end = c.nonLeaky ? kInf : now + c.refracSteps;
    for (int i = 0; i < n; ++i) {
        if (v[i] > vth && now >= s.refrEnd[std::size_t(i)]) {
            s.fired.push_back(i);
            s.v[std::size_t(i)] = c.vReset;
            s.refrEnd[std::size_t(i)] = end;
        }
    }
}

void Simulation::deliver(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const PopState& pre = m_pops[std::size_t(pr.pre)];
    if (pre.fired.empty())
        return;
    const PopulationPlan& postPlan = m_net.populations()[std::size_t(pr.post)];
    PopState& post = m_pops[std::size_t(pr.post)];
    const std::size_t n = std::size_t(postPlan.size);
    const std::int64_t L = postPlan.ringLength;
    double* ring = pr.inhibitory ? post.ringI.data() : post.ringE.data();
    const std::int64_t cur = m_step % L;
    auto slotBase = [&](int d) {
        std::int64_t s = cur + d;
        if (s >= L)
            s -= L;
        return ring + std::size_t(s) * n;
    };

    switch (pr.kind) {
    case PlanKind::StaticList: {
        const StaticListPlan& sl = pr.list;
        for (auto i : pre.fired) {
            const std::uint32_t b = sl.offsets[std::size_t(i)];
            const std::uint32_t e = sl.offsets[std::size_t(i) + 1];
            m_events += e - b;
            if (sl.delay.empty()) {
                double* base = slotBase(sl.uniformDelay);
                for (std::uint32_t k = b; k < e; ++k)
                    base[sl.post[k]] += sl.weight[k];
            } else {
                for (std::uint32_t k = b; k < e; ++k)
                    slotBase(sl.delay[k])[sl.post[k]] += sl.weight[k];
            }
        }
        break;
    }
    case PlanKind::StaticAllToAll: {
        double* base = slotBase(pr.all.delay);
        for (auto i : pre.fired) {
            addConstant(base, pr.all.weight, int(n));
            if (pr.all.skipSelf)
                base[std::size_t(i)] -= pr.all.weight;
            m_events += n - (pr.all.skipSelf ? 1 : 0);
        }
        break;
    }
    case PlanKind::Conv: {
        const ConvPlan& cp = pr.conv;
        double* base = slotBase(cp.delay);
        const int K = cp.kCount;
        for (auto i : pre.fired) {
            const int ci = cp.preChannel[std::size_t(i)];
            const int pos = cp.prePosition[std::size_t(i)];
            const std::uint32_t b = cp.entryOffsets[std::size_t(pos)];
            const std::uint32_t e = cp.entryOffsets[std::size_t(pos) + 1];
            m_events += std::uint64_t(e - b) * std::uint64_t(K);
            for (std::uint32_t q = b; q < e; ++q) {
                const int outPos = cp.entryOutPos[q];
                const int kofs = cp.entryKernelOffset[q];
                if (cp.perChannel) {
                    const double* w = cp.kernT.data() + std::size_t(kofs) * K;
                    for (int k = 0; k < K; ++k) {
                        const int ch = k * cp.inC + ci;
                        const std::size_t target = cp.fastLayout
                                                       ? std::size_t(outPos) * cp.outC + ch
                                                       : std::size_t(postPlan.internal(ch * cp.outHW + outPos));
                        base[target] += w[k];
                    }
                } else {
                    const double* w = cp.kernT.data() + (std::size_t(ci) * cp.kArea + kofs) * K;
                    if (cp.fastLayout) {
                        addRow(base + std::size_t(outPos) * cp.outC, w, K);
                    } else {
                        for (int k = 0; k < K; ++k)
                            base[postPlan.internal(k * cp.outHW + outPos)] += w[k];
                    }
                }
            }
        }
        break;
    }
    case PlanKind::Plastic: {
        const PlasticPlan& pp = pr.plastic;
        PlasticState& st = m_plastic[std::size_t(projIndex)];
        const std::int64_t PL = pp.ringLength;
        const std::int64_t pcur = m_step % PL;
        for (auto i : pre.fired) {
            for (std::uint32_t k = pp.preOffsets[std::size_t(i)]; k < pp.preOffsets[std::size_t(i) + 1]; ++k) {
                const std::uint32_t s = pp.preSynapses[k];
                std::int64_t slot = pcur + pp.delay[s];
                if (slot >= PL)
                    slot -= PL;
                st.queue[std::size_t(slot)].push_back(s);
            }
        }
        break;
    }
    }
}

void Simulation::plasticArrivals(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const PlasticPlan& pp = pr.plastic;
    PlasticState& st = m_plastic[std::size_t(projIndex)];
    auto& due = st.queue[std::size_t(m_step % pp.ringLength)];
    if (due.empty())
        return;
    PopState& post = m_pops[std::size_t(pr.post)];
    std::vector<double>& target = pr.inhibitory ? post.ii : post.ie;
    const model::StdpParams& q = pp.stdp;
    const double t = double(m_step) * m_net.dt();
    m_events += due.size();
    for (auto s : due) {
        if (q.rule == model::StdpRule::PairAdditive) {
            // Brian 2 / PyNN SpikePairRule + AdditiveWeightDependence, pre pathway:
            // decay both traces to t, P += A+, w += w_max·M, clip below at w_min.
            const double el = t - st.last[s];
            st.P[s] *= std::exp(-el / q.tauPlus);
            st.M[s] *= std::exp(-el / q.tauMinus);
            st.P[s] += q.aPlus;
            const double w = st.w[s] + q.wMax * st.M[s];
            st.w[s] = w >= q.wMin ? w : q.wMin;
            st.last[s] = t;
        } else {
            st.lastPre[s] = double(m_step);
        }
        target[std::size_t(pp.post[s])] += st.w[s];
    }
    due.clear();
}

void Simulation::plasticPost(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const PopState& post = m_pops[std::size_t(pr.post)];
    if (post.fired.empty())
        return;
    const PlasticPlan& pp = pr.plastic;
    PlasticState& st = m_plastic[std::size_t(projIndex)];
    const model::StdpParams& q = pp.stdp;
    const double t = double(m_step) * m_net.dt();
    const double now = double(m_step);
    const double presStart = double(m_presentationStart);
    for (auto j : post.fired) {
        for (std::uint32_t k = pp.postOffsets[std::size_t(j)]; k < pp.postOffsets[std::size_t(j) + 1]; ++k) {
            const std::uint32_t s = pp.postSynapses[k];
            if (q.rule == model::StdpRule::PairAdditive) {
                // Post pathway: decay, M −= A−, w += w_max·P, clip above at w_max.
                const double el = t - st.last[s];
                st.P[s] *= std::exp(-el / q.tauPlus);
                st.M[s] *= std::exp(-el / q.tauMinus);
                st.M[s] -= q.aMinus;
                const double w = st.w[s] + q.wMax * st.P[s];
                st.w[s] = w > q.wMax ? q.wMax : w;
                st.last[s] = t;
            } else {
                // Multiplicative: potentiate when the pre spike arrived in this
                // presentation no later than the post spike, else depress.
                const double w = st.w[s];
                const bool causal = st.lastPre[s] >= presStart && st.lastPre[s] <= now;
                const double dw = causal ? q.aPlus * w * (1.0 - w) : -q.aMinus * w * (1.0 - w);
                st.w[s] = std::clamp(w + dw, q.wMin, q.wMax);
            }
        }
    }
}

void Simulation::startPresentation()
{
    m_presentationStart = m_step;
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type != CellType::NonLeakyIf)
            continue;
        PopState& s = m_pops[p];
        std::fill(s.v.begin(), s.v.end(), pops[p].c.v0);
        std::fill(s.ie.begin(), s.ie.end(), 0.0);
        std::fill(s.ii.begin(), s.ii.end(), 0.0);
        std::fill(s.refrEnd.begin(), s.refrEnd.end(), -kInf);
        std::fill(s.ringE.begin(), s.ringE.end(), 0.0);
        std::fill(s.ringI.begin(), s.ringI.end(), 0.0);
    }
}

void Simulation::recordStep()
{
    const auto& pops = m_net.populations();
    if (m_countPopulation >= 0) {
        const PopulationPlan& plan = pops[std::size_t(m_countPopulation)];
        for (auto i : m_pops[std::size_t(m_countPopulation)].fired)
            ++m_rec.counts[std::size_t(plan.external(i))];
    }
    if (!m_record)
        return;
    const PhaseDescription& ph = m_net.phase();
    const std::int64_t n = m_step - 1; // the step just processed
    for (std::size_t r = 0; r < ph.recordSpikes.size(); ++r) {
        const int p = ph.recordSpikes[r].population;
        const auto& fired = m_pops[std::size_t(p)].fired;
        if (fired.empty())
            continue;
        m_sortBuffer.clear();
        for (auto i : fired)
            m_sortBuffer.push_back(pops[std::size_t(p)].external(i));
        std::sort(m_sortBuffer.begin(), m_sortBuffer.end());
        const double t = double(n) * ph.dt;
        for (auto id : m_sortBuffer)
            m_rec.spikes[r].add(id, t);
    }
    for (std::size_t r = 0; r < ph.recordMembrane.size(); ++r) {
        if (m_step % m_membraneEvery[r] != 0)
            continue;
        const RecordMembrane& m = ph.recordMembrane[r];
        MembraneTrace& tr = m_rec.membranes[r];
        tr.times.push_back(double(m_step) * ph.dt);
        sampleState(m, tr);
    }
    for (std::size_t r = 0; r < ph.recordWeights.size(); ++r) {
        if (m_step % m_weightEvery[r] != 0)
            continue;
        WeightSnapshot snap;
        snap.timeMs = double(m_step) * ph.dt;
        snap.weights = m_plastic[std::size_t(ph.recordWeights[r].projection)].w;
        m_rec.weights[r].push_back(std::move(snap));
    }
}

void Simulation::sampleState(const RecordMembrane& m, MembraneTrace& tr) const
{
    const PopState& s = m_pops[std::size_t(m.population)];
    const PopulationPlan& plan = m_net.populations()[std::size_t(m.population)];
    const std::vector<double>& x = m.variable == RecordMembrane::Variable::V         ? s.v
                                   : m.variable == RecordMembrane::Variable::IsynExc ? s.ie
                                                                                     : s.ii;
    for (auto ext : m.neurons)
        tr.values.push_back(x[std::size_t(plan.internal(ext))]);
}

TrialRecord Simulation::takeRecord()
{
    TrialRecord out = std::move(m_rec);
    m_rec = TrialRecord{};
    return out;
}

std::vector<std::vector<double>> Simulation::finalWeights() const
{
    const auto& projs = m_net.projections();
    const PhaseDescription& ph = m_net.phase();
    std::vector<std::vector<double>> out(projs.size());
    for (std::size_t j = 0; j < projs.size(); ++j) {
        if (projs[j].kind == PlanKind::Plastic)
            out[j] = m_plastic[j].w;
        else if (const auto* fl = std::get_if<FromList>(&ph.projections[j].connector))
            out[j] = fl->weight;
    }
    return out;
}

} // namespace scnn::hardware::sim
