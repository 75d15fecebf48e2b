// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the step loop of the embedded simulator (Brian 2 semantics).
#include "hardware/sim/simulation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scnn::hardware::sim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kBlock = 64; ///< Neurons per activity block

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define SCNN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SCNN_CLONES
#endif

/*
 * The membrane and current update of neurons [0, n) for one step, written as
 * one branch-free loop that the compiler vectorises (AVX2 where the CPU has
 * it; without FMA, so every variant rounds identically). `now` is the step
 * index; a neuron is free when now ≥ its refractory end. Returns how many
 * free neurons are above threshold, so that quiet blocks skip the scan.
 */
SCNN_CLONES long updateExcInh(int n, double* __restrict v, double* __restrict ie, double* __restrict ii,
                              const double* __restrict refrEnd, double* __restrict re, double* __restrict ri,
                              NeuronConstants c, double now)
{
    long above = 0;
    for (int i = 0; i < n; ++i) {
        const double vOld = v[i];
        const double vn = c.vInf + (vOld - c.vInf) * c.em + ie[i] * c.ke - ii[i] * c.ki + c.drive;
        // Masks as integers (all ones when true) keep the loop branch-free.
        const long free = -long(now >= refrEnd[i]);
        const long up = -long(vn > c.vThresh);
        v[i] = free ? vn : vOld;
        above -= free & up;
        ie[i] = ie[i] * c.ee + re[i];
        re[i] = 0.0;
        ii[i] = ii[i] * c.ei + ri[i];
        ri[i] = 0.0;
    }
    return above;
}

SCNN_CLONES long updateExc(int n, double* __restrict v, double* __restrict ie, const double* __restrict refrEnd,
                           double* __restrict re, NeuronConstants c, double now)
{
    long above = 0;
    for (int i = 0; i < n; ++i) {
        const double vOld = v[i];
        const double vn = c.vInf + (vOld - c.vInf) * c.em + ie[i] * c.ke + c.drive;
        const long free = -long(now >= refrEnd[i]);
        const long up = -long(vn > c.vThresh);
        v[i] = free ? vn : vOld;
        above -= free & up;
        ie[i] = ie[i] * c.ee + re[i];
        re[i] = 0.0;
    }
    return above;
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
    : EngineBase(net)
{
    const auto& pops = net.populations();
    m_pops.resize(pops.size());
    for (std::size_t p = 0; p < pops.size(); ++p) {
        const PopulationPlan& plan = pops[p];
        PopState& s = m_pops[p];
        const std::size_t n = std::size_t(plan.size);
        if (plan.type == CellType::SpikeSourceArray)
            continue;
        s.v.resize(n);
        s.ie.resize(n);
        s.ii.resize(n);
        s.refrEnd.resize(n);
        s.ringE.resize(n * std::size_t(plan.ringLength));
        if (plan.hasInhibitory)
            s.ringI.resize(n * std::size_t(plan.ringLength));
        s.active.resize((n + kBlock - 1) / kBlock);
    }
    const auto& projs = net.projections();
    m_plastic.resize(projs.size());
    for (std::size_t j = 0; j < projs.size(); ++j)
        if (projs[j].kind == PlanKind::Plastic)
            m_plastic[j].queue.resize(std::size_t(projs[j].plastic.ringLength));
    reset(false);
}

void Simulation::resetNeurons(PopState& s, const PopulationPlan& plan)
{
    std::fill(s.v.begin(), s.v.end(), plan.c.v0);
    std::fill(s.ie.begin(), s.ie.end(), 0.0);
    std::fill(s.ii.begin(), s.ii.end(), 0.0);
    std::fill(s.refrEnd.begin(), s.refrEnd.end(), -kInf);
    std::fill(s.ringE.begin(), s.ringE.end(), 0.0);
    std::fill(s.ringI.begin(), s.ringI.end(), 0.0);
    std::fill(s.active.begin(), s.active.end(), plan.quiescentStart() ? 0 : 1);
}

void Simulation::reset(bool keepWeights)
{
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type == CellType::SpikeSourceArray)
            continue;
        resetNeurons(m_pops[p], pops[p]);
        m_fired[p].clear();
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
    m_presentationStart = 0;
    beginRecording();
}

void Simulation::doStep()
{
    const std::int64_t ps = m_net.presentationSteps();
    if (ps > 0 && m_step > 0 && m_step % ps == 0)
        startPresentation();
    updatePopulations();
    const auto& projs = m_net.projections();
    for (std::size_t j = 0; j < projs.size(); ++j) {
        deliver(int(j));
        if (projs[j].kind == PlanKind::Plastic)
            plasticArrivals(int(j));
    }
    for (std::size_t j = 0; j < projs.size(); ++j)
        if (projs[j].kind == PlanKind::Plastic)
            plasticPost(int(j));
}

void Simulation::updatePopulation(int index)
{
    const PopulationPlan& plan = m_net.populations()[std::size_t(index)];
    PopState& s = m_pops[std::size_t(index)];
    const NeuronConstants& c = plan.c;
    const int n = plan.size;
    const std::size_t slot = std::size_t(m_step % plan.ringLength) * std::size_t(n);
    const double now = double(m_step);
    const double end = c.nonLeaky ? kInf : now + c.refracSteps;
    std::vector<std::int32_t>& fired = m_fired[std::size_t(index)];
    fired.clear();
    // Blocks that never received input are still in their initial state, for
    // which the update is the identity: they are skipped (exactly).
    for (int b = 0; b * kBlock < n; ++b) {
        if (!s.active[std::size_t(b)])
            continue;
        const int lo = b * kBlock;
        const int len = std::min(kBlock, n - lo);
        double* v = s.v.data() + lo;
        double* refr = s.refrEnd.data() + lo;
        const long above = plan.hasInhibitory
                               ? updateExcInh(len, v, s.ie.data() + lo, s.ii.data() + lo, refr,
                                              s.ringE.data() + slot + lo, s.ringI.data() + slot + lo, c, now)
                               : updateExc(len, v, s.ie.data() + lo, refr, s.ringE.data() + slot + lo, c, now);
        if (above == 0)
            continue;
        // Threshold (strict) and reset; the refractory end is n + R
        // (non-leaky: the end of the presentation).
        for (int i = 0; i < len; ++i) {
            if (v[i] > c.vThresh && now >= refr[i]) {
                fired.push_back(lo + i);
                v[i] = c.vReset;
                refr[i] = end;
            }
        }
    }
}

void Simulation::deliver(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const std::vector<std::int32_t>& fired = m_fired[std::size_t(pr.pre)];
    if (fired.empty())
        return;
    const PopulationPlan& postPlan = m_net.populations()[std::size_t(pr.post)];
    PopState& post = m_pops[std::size_t(pr.post)];
    const std::size_t n = std::size_t(postPlan.size);
    const std::int64_t L = postPlan.ringLength;
    double* ring = pr.inhibitory ? post.ringI.data() : post.ringE.data();
    const std::int64_t cur = m_step % L;
    std::uint8_t* active = post.active.data();
    auto slotBase = [&](int d) {
        std::int64_t s = cur + d;
        if (s >= L)
            s -= L;
        return ring + std::size_t(s) * n;
    };

    switch (pr.kind) {
    case PlanKind::StaticList: {
        const StaticListPlan& sl = pr.list;
        for (auto i : fired) {
            const std::uint32_t b = sl.offsets[std::size_t(i)];
            const std::uint32_t e = sl.offsets[std::size_t(i) + 1];
            m_events += e - b;
            if (sl.delay.empty()) {
                double* base = slotBase(sl.uniformDelay);
                for (std::uint32_t k = b; k < e; ++k) {
                    base[sl.post[k]] += sl.weight[k];
                    active[sl.post[k] / kBlock] = 1;
                }
            } else {
                for (std::uint32_t k = b; k < e; ++k) {
                    slotBase(sl.delay[k])[sl.post[k]] += sl.weight[k];
                    active[sl.post[k] / kBlock] = 1;
                }
            }
        }
        break;
    }
    case PlanKind::StaticAllToAll: {
        double* base = slotBase(pr.all.delay);
        std::fill(post.active.begin(), post.active.end(), 1);
        for (auto i : fired) {
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
        for (auto i : fired) {
            const int ci = cp.preChannel[std::size_t(i)];
            const int pos = cp.prePosition[std::size_t(i)];
            const std::uint32_t b = cp.entryOffsets[std::size_t(pos)];
            const std::uint32_t e = cp.entryOffsets[std::size_t(pos) + 1];
            m_events += std::uint64_t(e - b) * std::uint64_t(K);
            for (std::uint32_t q = b; q < e; ++q) {
                const int outPos = cp.entryOutPos[q];
                const int kofs = cp.entryKernelOffset[q];
                if (cp.fastLayout) {
                    const std::size_t first = std::size_t(outPos) * cp.outC;
                    for (std::size_t blk = first / kBlock; blk <= (first + cp.outC - 1) / kBlock; ++blk)
                        active[blk] = 1;
                }
                if (cp.perChannel) {
                    const double* w = cp.kernT.data() + std::size_t(kofs) * K;
                    for (int k = 0; k < K; ++k) {
                        const int ch = k * cp.inC + ci;
                        const std::size_t target = cp.fastLayout
                                                       ? std::size_t(outPos) * cp.outC + ch
                                                       : std::size_t(postPlan.internal(ch * cp.outHW + outPos));
                        base[target] += w[k];
                        active[target / kBlock] = 1;
                    }
                } else {
                    const double* w = cp.kernT.data() + (std::size_t(ci) * cp.kArea + kofs) * K;
                    if (cp.fastLayout) {
                        addRow(base + std::size_t(outPos) * cp.outC, w, K);
                    } else {
                        for (int k = 0; k < K; ++k) {
                            const std::int32_t target = postPlan.internal(k * cp.outHW + outPos);
                            base[target] += w[k];
                            active[std::size_t(target) / kBlock] = 1;
                        }
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
        for (auto i : fired) {
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
        post.active[std::size_t(pp.post[s]) / kBlock] = 1;
    }
    due.clear();
}

void Simulation::plasticPost(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const std::vector<std::int32_t>& postFired = m_fired[std::size_t(pr.post)];
    if (postFired.empty())
        return;
    const PlasticPlan& pp = pr.plastic;
    PlasticState& st = m_plastic[std::size_t(projIndex)];
    const model::StdpParams& q = pp.stdp;
    const double t = double(m_step) * m_net.dt();
    const double now = double(m_step);
    const double presStart = double(m_presentationStart);
    for (auto j : postFired) {
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
        resetNeurons(s, pops[p]);
    }
}

double Simulation::sampleValue(const RecordMembrane& m, std::int32_t internal) const
{
    const PopState& s = m_pops[std::size_t(m.population)];
    switch (m.variable) {
    case RecordMembrane::Variable::V: return s.v[std::size_t(internal)];
    case RecordMembrane::Variable::IsynExc: return s.ie[std::size_t(internal)];
    case RecordMembrane::Variable::IsynInh: return s.ii[std::size_t(internal)];
    }
    return 0.0;
}

std::vector<double> Simulation::plasticWeights(int projection) const
{
    return m_plastic[std::size_t(projection)].w;
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
