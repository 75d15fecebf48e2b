// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker-fidelity engine (sPyNNaker 7.x arithmetic).
#include "hardware/sim/spinnakersimulation.h"

#include "model/error.h"

#include <algorithm>
#include <cmath>

namespace scnn::hardware::sim {

namespace fp = fixedpoint;

namespace {

std::uint16_t quantise(double w, int shift)
{
    // rint(|w|·2^(15 − shift)) & 0xFFFF (synapse_io.py)
    return std::uint16_t(std::int64_t(std::nearbyint(std::abs(w) * std::ldexp(1.0, 15 - shift))) & 0xFFFF);
}

} // namespace

SpinnakerSimulation::SpinnakerSimulation(const SimNetwork& net)
    : EngineBase(net)
{
    const PhaseDescription& ph = net.phase();
    const auto& pops = net.populations();
    const auto& projs = net.projections();
    for (std::size_t p = 0; p < pops.size(); ++p)
        if (pops[p].type == CellType::NonLeakyIf)
            throw model::Error("the non-leaky IF cell has no sPyNNaker counterpart; "
                               "switch SpiNNaker fidelity off to run it",
                               "population " + std::to_string(p) + " '" + ph.populations[p].label + "'");
    // Largest possible ring-buffer slot sum per (population, receptor) → shift (§5.5).
    std::vector<double> maxE(pops.size(), 0.0), maxI(pops.size(), 0.0);
    std::vector<int> ringLength(pops.size(), 2);
    for (std::size_t j = 0; j < projs.size(); ++j) {
        const ProjectionPlan& pr = projs[j];
        double maxW = 0.0;
        double fanIn = 0.0;
        int maxDelay = 1;
        auto fanInOf = [&](const std::vector<std::uint32_t>& post, int n) {
            std::vector<int> c(std::size_t(n), 0);
            for (auto o : post)
                ++c[o];
            return double(*std::max_element(c.begin(), c.end()));
        };
        switch (pr.kind) {
        case PlanKind::StaticList:
            for (double w : pr.list.weight)
                maxW = std::max(maxW, w);
            fanIn = pr.list.post.empty() ? 0.0 : fanInOf(pr.list.post, pops[std::size_t(pr.post)].size);
            maxDelay = pr.list.uniformDelay;
            for (auto d : pr.list.delay)
                maxDelay = std::max(maxDelay, int(d));
            break;
        case PlanKind::StaticAllToAll:
            maxW = pr.all.weight;
            fanIn = pops[std::size_t(pr.pre)].size - (pr.all.skipSelf ? 1 : 0);
            maxDelay = pr.all.delay;
            break;
        case PlanKind::Conv:
            for (double w : pr.conv.kernT)
                maxW = std::max(maxW, w);
            fanIn = double(pr.conv.kArea) * (pr.conv.perChannel ? 1 : pr.conv.inC);
            maxDelay = pr.conv.delay;
            break;
        case PlanKind::Plastic: {
            if (pr.plastic.stdp.rule != model::StdpRule::PairAdditive)
                throw model::Error("sPyNNaker has no multiplicative w·(1−w) rule; switch SpiNNaker fidelity off "
                                   "to run it",
                                   "projection " + std::to_string(j) + " '" + pr.label + "'");
            maxW = pr.plastic.stdp.wMax;
            std::vector<std::uint32_t> post(pr.plastic.post.begin(), pr.plastic.post.end());
            fanIn = post.empty() ? 0.0 : fanInOf(post, pops[std::size_t(pr.post)].size);
            maxDelay = pr.plastic.ringLength - 1;
            break;
        }
        }
        (pr.inhibitory ? maxI : maxE)[std::size_t(pr.post)] += maxW * fanIn;
        ringLength[std::size_t(pr.post)] = std::max(ringLength[std::size_t(pr.post)], maxDelay + 1);
    }
    m_pops.resize(pops.size());
    m_ringLength = ringLength;
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type == CellType::SpikeSourceArray)
            continue;
        const model::NeuronParams& q = ph.populations[p].params;
        PopState& s = m_pops[p];
        s.k = fp::lifConstants7(ph.dt, q.tauM, q.cm, q.tauRefrac, q.tauSynE, q.tauSynI);
        s.vRest = fp::toAccum(q.vRest);
        s.vReset = fp::toAccum(q.vReset);
        s.vThresh = fp::toAccum(q.vThresh);
        s.iOffset = fp::toAccum(q.iOffset);
        s.v0 = fp::toAccum(ph.populations[p].initialV.value_or(-65.0));
        s.shiftE = fp::weightShift(maxE[p]);
        s.shiftI = fp::weightShift(maxI[p]);
        const std::size_t n = std::size_t(pops[p].size);
        s.v.resize(n);
        s.ie.resize(n);
        s.ii.resize(n);
        s.timer.resize(n);
        s.ringE.resize(n * std::size_t(ringLength[p]));
        s.ringI.resize(n * std::size_t(ringLength[p]));
    }
    m_projs.resize(projs.size());
    for (std::size_t j = 0; j < projs.size(); ++j) {
        const ProjectionPlan& pr = projs[j];
        ProjState& st = m_projs[j];
        const PopState& post = m_pops[std::size_t(pr.post)];
        st.shift = pr.inhibitory ? post.shiftI : post.shiftE;
        switch (pr.kind) {
        case PlanKind::StaticList:
            for (double w : pr.list.weight)
                st.w.push_back(quantise(w, st.shift));
            break;
        case PlanKind::StaticAllToAll:
            st.allWeight = quantise(pr.all.weight, st.shift);
            break;
        case PlanKind::Conv:
            for (double w : pr.conv.kernT)
                st.kernT.push_back(quantise(w, st.shift));
            break;
        case PlanKind::Plastic: {
            const model::StdpParams& q = pr.plastic.stdp;
            for (double w : pr.plastic.weight0)
                st.w0.push_back(quantise(w, st.shift));
            st.lutPlus = fp::stdpLut(q.tauPlus, ph.dt);
            st.lutMinus = fp::stdpLut(q.tauMinus, ph.dt);
            // 7.x: A± are absolute and, like w_min/w_max, written as s16.15.
            st.aPlus = fp::toAccum(q.aPlus);
            st.aMinus = fp::toAccum(q.aMinus);
            st.wMin = fp::toAccum(q.wMin);
            st.wMax = fp::toAccum(q.wMax);
            break;
        }
        }
    }
    reset(false);
}

void SpinnakerSimulation::reset(bool keepWeights)
{
    const auto& pops = m_net.populations();
    for (std::size_t p = 0; p < pops.size(); ++p) {
        if (pops[p].type == CellType::SpikeSourceArray)
            continue;
        PopState& s = m_pops[p];
        std::fill(s.v.begin(), s.v.end(), s.v0);
        std::fill(s.ie.begin(), s.ie.end(), 0);
        std::fill(s.ii.begin(), s.ii.end(), 0);
        std::fill(s.timer.begin(), s.timer.end(), 0);
        std::fill(s.ringE.begin(), s.ringE.end(), 0u);
        std::fill(s.ringI.begin(), s.ringI.end(), 0u);
    }
    const auto& projs = m_net.projections();
    for (std::size_t j = 0; j < projs.size(); ++j) {
        if (projs[j].kind != PlanKind::Plastic)
            continue;
        ProjState& st = m_projs[j];
        if (!keepWeights || st.w.size() != st.w0.size())
            st.w = st.w0;
        st.preTrace.assign(std::size_t(pops[std::size_t(projs[j].pre)].size), 0);
        st.preTime.assign(std::size_t(pops[std::size_t(projs[j].pre)].size), 0);
        st.post.assign(std::size_t(pops[std::size_t(projs[j].post)].size), PostHistory{});
    }
    beginRecording();
}

double SpinnakerSimulation::weightStep(int population, bool inhibitory) const
{
    const PopState& s = m_pops[std::size_t(population)];
    return std::ldexp(1.0, (inhibitory ? s.shiftI : s.shiftE) - 15);
}

void SpinnakerSimulation::doStep()
{
    updatePopulations();
    const auto& projs = m_net.projections();
    // Post spikes enter the STDP history of every plastic projection onto them.
    for (std::size_t j = 0; j < projs.size(); ++j)
        if (projs[j].kind == PlanKind::Plastic)
            for (auto o : m_fired[std::size_t(projs[j].post)])
                addPost(m_projs[j], o);
    for (std::size_t j = 0; j < projs.size(); ++j)
        deliver(int(j));
}

void SpinnakerSimulation::updatePopulation(int index)
{
    PopState& s = m_pops[std::size_t(index)];
    const fp::LifConstants7& k = s.k;
    const std::size_t n = s.v.size();
    const std::size_t slot = std::size_t(m_step % m_ringLength[std::size_t(index)]) * n;
    std::vector<std::int32_t>& fired = m_fired[std::size_t(index)];
    fired.clear();
    for (std::size_t i = 0; i < n; ++i) {
        // 1. ring-buffer transfer (slot values saturate at 0xFFFF)
        if (const std::uint32_t r = s.ringE[slot + i]) {
            const auto raw = Accum(std::int64_t(std::min<std::uint32_t>(r, 0xFFFF)) << s.shiftE);
            s.ie[i] += fp::decay(raw, k.initE);
            s.ringE[slot + i] = 0;
        }
        if (const std::uint32_t r = s.ringI[slot + i]) {
            const auto raw = Accum(std::int64_t(std::min<std::uint32_t>(r, 0xFFFF)) << s.shiftI);
            s.ii[i] += fp::decay(raw, k.initI);
            s.ringI[slot + i] = 0;
        }
        // 2. membrane (current held constant over the tick) or refractory count-down
        if (s.timer[i] <= 0) {
            const Accum current = s.ie[i] - s.ii[i] + s.iOffset;
            const Accum alpha = fp::mul(current, k.r) + s.vRest;
            s.v[i] = alpha - fp::mul(k.expTc, alpha - s.v[i]);
        } else {
            --s.timer[i];
        }
        // 3. threshold (≥) and reset
        if (s.v[i] >= s.vThresh) {
            s.v[i] = s.vReset;
            s.timer[i] = k.refractTicks;
            fired.push_back(std::int32_t(i));
        }
        // 4. synaptic decay
        s.ie[i] = fp::decay(s.ie[i], k.decayE);
        s.ii[i] = fp::decay(s.ii[i], k.decayI);
    }
}

void SpinnakerSimulation::addPost(ProjState& ps, std::int32_t neuron)
{
    PostHistory& h = ps.post[std::size_t(neuron)];
    const std::int32_t prevTrace = h.count ? h.traces[std::size_t(h.count - 1)] : 0;
    const std::int64_t prevTime = h.count ? h.times[std::size_t(h.count - 1)] : 0;
    const std::int32_t trace = fp::mul16(prevTrace, fp::lutAt(ps.lutMinus, m_step - prevTime)) + 2048;
    if (h.count == int(h.times.size())) {
        std::copy(h.times.begin() + 1, h.times.end(), h.times.begin());
        std::copy(h.traces.begin() + 1, h.traces.end(), h.traces.begin());
        --h.count;
    }
    h.times[std::size_t(h.count)] = m_step;
    h.traces[std::size_t(h.count)] = trace;
    ++h.count;
}

void SpinnakerSimulation::plasticRow(int projIndex, std::int32_t pre, std::uint32_t* ring, std::int64_t L,
                                     std::size_t n)
{
    const PlasticPlan& pp = m_net.projections()[std::size_t(projIndex)].plastic;
    ProjState& ps = m_projs[std::size_t(projIndex)];
    const std::int64_t t = m_step;
    const std::int32_t rLast = ps.preTrace[std::size_t(pre)];
    const std::int64_t tLast = ps.preTime[std::size_t(pre)];
    for (std::uint32_t k = pp.preOffsets[std::size_t(pre)]; k < pp.preOffsets[std::size_t(pre) + 1]; ++k) {
        const std::uint32_t s = pp.preSynapses[k];
        const std::int64_t d = pp.delay[s]; // dendritic: post spikes are seen d ticks late
        const std::int32_t post = pp.post[s];
        const PostHistory& h = ps.post[std::size_t(post)];
        Accum w = Accum(std::int32_t(ps.w[s]) << ps.shift);
        const std::int64_t windowBegin = tLast >= d ? tLast - d : 0;
        const std::int64_t windowEnd = t - d;
        int latest = -1;
        for (int q = 0; q < h.count; ++q) {
            const std::int64_t p = h.times[std::size_t(q)];
            if (p > windowEnd)
                break;
            latest = q;
            if (p <= windowBegin)
                continue;
            const std::int64_t delta = p + d - tLast;
            if (delta > 0) { // potentiation, clamped at once (7.x)
                const std::int32_t tr = fp::mul16(rLast, fp::lutAt(ps.lutPlus, delta));
                w = std::min(w + fp::mul(ps.aPlus, tr << 4), ps.wMax);
            }
        }
        if (latest >= 0) { // depression with the latest post spike, also for Δ = 0
            const std::int64_t delta = t - (h.times[std::size_t(latest)] + d);
            const std::int32_t tr = fp::mul16(h.traces[std::size_t(latest)], fp::lutAt(ps.lutMinus, delta));
            w = std::max(w - fp::mul(ps.aMinus, tr << 4), ps.wMin);
        }
        ps.w[s] = std::uint16_t(std::max<Accum>(w, 0) >> ps.shift);
        std::int64_t slot = (t + d) % L;
        ring[std::size_t(slot) * n + std::size_t(post)] += ps.w[s];
        ++m_events;
    }
    ps.preTrace[std::size_t(pre)] = fp::mul16(rLast, fp::lutAt(ps.lutPlus, t - tLast)) + 2048;
    ps.preTime[std::size_t(pre)] = t;
}

void SpinnakerSimulation::deliver(int projIndex)
{
    const ProjectionPlan& pr = m_net.projections()[std::size_t(projIndex)];
    const std::vector<std::int32_t>& fired = m_fired[std::size_t(pr.pre)];
    if (fired.empty())
        return;
    const PopulationPlan& postPlan = m_net.populations()[std::size_t(pr.post)];
    PopState& post = m_pops[std::size_t(pr.post)];
    ProjState& ps = m_projs[std::size_t(projIndex)];
    const std::size_t n = post.v.size();
    const std::int64_t L = m_ringLength[std::size_t(pr.post)];
    std::uint32_t* ring = pr.inhibitory ? post.ringI.data() : post.ringE.data();
    auto slot = [&](int d) { return ring + std::size_t((m_step + d) % L) * n; };
    for (auto i : fired) {
        switch (pr.kind) {
        case PlanKind::StaticList: {
            const StaticListPlan& sl = pr.list;
            for (std::uint32_t k = sl.offsets[std::size_t(i)]; k < sl.offsets[std::size_t(i) + 1]; ++k)
                slot(sl.delay.empty() ? sl.uniformDelay : sl.delay[k])[sl.post[k]] += ps.w[k];
            m_events += sl.offsets[std::size_t(i) + 1] - sl.offsets[std::size_t(i)];
            break;
        }
        case PlanKind::StaticAllToAll: {
            std::uint32_t* base = slot(pr.all.delay);
            for (std::size_t o = 0; o < n; ++o)
                if (!pr.all.skipSelf || o != std::size_t(i))
                    base[o] += ps.allWeight;
            m_events += n - (pr.all.skipSelf ? 1 : 0);
            break;
        }
        case PlanKind::Conv: {
            std::uint32_t* base = slot(pr.conv.delay);
            pr.conv.forEachTarget(i, postPlan, [&](std::int32_t target, std::size_t w) {
                base[target] += ps.kernT[w];
                ++m_events;
            });
            break;
        }
        case PlanKind::Plastic:
            plasticRow(projIndex, i, ring, L, n);
            break;
        }
    }
}

double SpinnakerSimulation::sampleValue(const RecordMembrane& m, std::int32_t internal) const
{
    const PopState& s = m_pops[std::size_t(m.population)];
    switch (m.variable) {
    case RecordMembrane::Variable::V: return fp::fromAccum(s.v[std::size_t(internal)]);
    case RecordMembrane::Variable::IsynExc: return fp::fromAccum(s.ie[std::size_t(internal)]);
    case RecordMembrane::Variable::IsynInh: return fp::fromAccum(s.ii[std::size_t(internal)]);
    }
    return 0.0;
}

std::vector<double> SpinnakerSimulation::plasticWeights(int projection) const
{
    const ProjState& ps = m_projs[std::size_t(projection)];
    const double step = std::ldexp(1.0, ps.shift - 15);
    std::vector<double> out;
    out.reserve(ps.w.size());
    for (auto w : ps.w)
        out.push_back(w * step);
    return out;
}

std::vector<std::vector<double>> SpinnakerSimulation::finalWeights() const
{
    const auto& projs = m_net.projections();
    std::vector<std::vector<double>> out(projs.size());
    for (std::size_t j = 0; j < projs.size(); ++j) {
        if (projs[j].kind == PlanKind::StaticList) {
            // The list order of the description, as the board holds them.
            const ProjState& ps = m_projs[j];
            const auto& fl = std::get<FromList>(m_net.phase().projections[j].connector);
            out[j].reserve(fl.weight.size());
            for (double w : fl.weight)
                out[j].push_back(quantise(w, ps.shift) * std::ldexp(1.0, ps.shift - 15));
        } else if (projs[j].kind == PlanKind::Plastic) {
            out[j] = plasticWeights(int(j));
        }
    }
    return out;
}

} // namespace scnn::hardware::sim
