// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/parameters.h"

#include "model/error.h"

#include <cmath>
#include <sstream>

namespace scnn::model {

LayerParams defaultLayerParams(int index)
{
    LayerParams p;
    switch (index) {
    case 0:
        // Layer 1 as in the original: training set is the struct default.
        p.rebuild = p.train;
        p.rebuild.vThresh = -10.0;
        p.rebuild.tauRefrac = 1.0;
        break;
    case 1:
        p.train.vThresh = -40.0;
        p.train.tauRefrac = 660.0;
        p.train.cm = 0.3;
        p.rebuild = p.train;
        p.rebuild.tauRefrac = 3.0;
        break;
    default:
        p.train.tauM = 5.0;
        p.train.vThresh = -35.0;
        p.train.tauRefrac = 200.0;
        p.train.cm = 0.3;
        p.rebuild = p.train;
        p.rebuild.vThresh = -50.0;
        p.rebuild.tauRefrac = 5.0;
        p.rebuild.cm = 0.5;
        break;
    }
    if (index > 0) {
        p.stdp.wInitMean = 0.5;
        p.stdp.wInitSigma = 0.05;
    }
    return p;
}

const std::vector<ParamInfo>& neuronParamInfo()
{
    static const std::vector<ParamInfo> info = {
        {"cm", "Membrane capacitance", "nF", 1e-3, 1e3},
        {"tau_m", "Membrane time constant", "ms", 1e-2, 1e5},
        {"tau_refrac", "Refractory period", "ms", 0.0, 1e6},
        {"v_rest", "Resting potential", "mV", -200.0, 100.0},
        {"v_reset", "Reset potential", "mV", -200.0, 100.0},
        {"v_thresh", "Threshold", "mV", -200.0, 100.0},
        {"tau_syn_E", "Excitatory synaptic time constant", "ms", 1e-2, 1e4},
        {"tau_syn_I", "Inhibitory synaptic time constant", "ms", 1e-2, 1e4},
        {"i_offset", "Offset current", "nA", -1e3, 1e3},
    };
    return info;
}

const std::vector<ParamInfo>& stdpParamInfo()
{
    static const std::vector<ParamInfo> info = {
        {"tau_plus", "Potentiation time constant", "ms", 1e-2, 1e4},
        {"tau_minus", "Depression time constant", "ms", 1e-2, 1e4},
        {"A_plus", "Potentiation amplitude", "", 0.0, 1.0},
        {"A_minus", "Depression amplitude", "", 0.0, 1.0},
        {"w_min", "Minimum weight", "nA", -1e3, 1e3},
        {"w_max", "Maximum weight", "nA", -1e3, 1e3},
        {"w_init_mean", "Initial weight mean", "nA", -1e3, 1e3},
        {"w_init_sigma", "Initial weight spread", "nA", 0.0, 1e3},
    };
    return info;
}

std::vector<double*> neuronParamFields(NeuronParams& p)
{
    return {&p.cm, &p.tauM, &p.tauRefrac, &p.vRest, &p.vReset,
            &p.vThresh, &p.tauSynE, &p.tauSynI, &p.iOffset};
}

std::vector<double*> stdpParamFields(StdpParams& p)
{
    return {&p.tauPlus, &p.tauMinus, &p.aPlus, &p.aMinus,
            &p.wMin, &p.wMax, &p.wInitMean, &p.wInitSigma};
}

namespace {

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

void checkRanges(const std::vector<ParamInfo>& info, const std::vector<double*>& fields,
                 const std::string& where)
{
    for (std::size_t i = 0; i < info.size(); ++i) {
        const double v = *fields[i];
        const ParamInfo& pi = info[i];
        if (!std::isfinite(v) || v < pi.min || v > pi.max) {
            std::string unit = pi.unit.empty() ? std::string() : " " + std::string(pi.unit);
            throw Error(std::string(pi.key) + " = " + number(v) + unit + " is outside "
                            + number(pi.min) + " … " + number(pi.max) + unit,
                        where);
        }
    }
}

} // namespace

void validate(const NeuronParams& p, const std::string& where)
{
    NeuronParams copy = p;
    checkRanges(neuronParamInfo(), neuronParamFields(copy), where);
    if (p.vReset >= p.vThresh)
        throw Error("v_reset = " + number(p.vReset) + " mV must be below v_thresh = "
                        + number(p.vThresh) + " mV",
                    where);
    if (p.tauM == p.tauSynE || p.tauM == p.tauSynI)
        throw Error("tau_m must differ from tau_syn_E and tau_syn_I (the exact solution "
                    "divides by their difference)",
                    where);
}

void validate(const StdpParams& p, const std::string& where)
{
    StdpParams copy = p;
    checkRanges(stdpParamInfo(), stdpParamFields(copy), where);
    if (p.wMin > p.wMax)
        throw Error("w_min = " + number(p.wMin) + " nA is above w_max = " + number(p.wMax) + " nA",
                    where);
}

void validate(const InhibitionParams& p, const std::string& where)
{
    if (!std::isfinite(p.weight) || p.weight < 0.0 || p.weight > 1e6)
        throw Error("inhibition weight = " + number(p.weight) + " nA is outside 0 … 1e6 nA", where);
    if (!std::isfinite(p.delay) || p.delay <= 0.0 || p.delay > 1e3)
        throw Error("inhibition delay = " + number(p.delay) + " ms is outside (0 … 1000] ms", where);
}

void validate(const TimingParams& p, const std::string& where)
{
    if (!std::isfinite(p.dt) || p.dt <= 0.0 || p.dt > 10.0)
        throw Error("dt = " + number(p.dt) + " ms is outside (0 … 10] ms", where);
    if (!std::isfinite(p.synapticDelay) || p.synapticDelay < p.dt || p.synapticDelay > 1e3)
        throw Error("synaptic delay = " + number(p.synapticDelay) + " ms must be at least dt = "
                        + number(p.dt) + " ms and at most 1000 ms",
                    where);
    if (!std::isfinite(p.presentationMs) || p.presentationMs < p.dt || p.presentationMs > 1e5)
        throw Error("presentation time = " + number(p.presentationMs) + " ms is outside [dt … 1e5] ms",
                    where);
    if (!std::isfinite(p.idleMs) || p.idleMs < 0.0 || p.idleMs >= p.presentationMs)
        throw Error("idle time = " + number(p.idleMs) + " ms must be ≥ 0 and below the presentation time "
                        + number(p.presentationMs) + " ms",
                    where);
}

void validate(const EncodingParams& p, const std::string& where)
{
    if (!std::isfinite(p.fireFactor) || p.fireFactor <= 0.0 || p.fireFactor > 1e3)
        throw Error("fire_factor = " + number(p.fireFactor) + " is outside (0 … 1000]", where);
    if (p.intensityThreshold < 0 || p.intensityThreshold > 255)
        throw Error("intensity threshold = " + std::to_string(p.intensityThreshold)
                        + " is outside 0 … 255",
                    where);
    if (!std::isfinite(p.maxRateHz) || p.maxRateHz <= 0.0 || p.maxRateHz > 1e4)
        throw Error("max_rate = " + number(p.maxRateHz) + " Hz is outside (0 … 10000] Hz", where);
    if (p.dogSigmaCenter <= 0.0 || p.dogSigmaSurround <= 0.0 || p.dogSigmaCenter > 20.0
        || p.dogSigmaSurround > 20.0 || p.dogSigmaCenter == p.dogSigmaSurround)
        throw Error("DoG sigmas must be in (0 … 20] px and differ (centre "
                        + number(p.dogSigmaCenter) + ", surround " + number(p.dogSigmaSurround) + ")",
                    where);
    if (p.latencyBins < 1 || p.latencyBins > 254)
        throw Error("latency bins = " + std::to_string(p.latencyBins) + " is outside 1 … 254", where);
    if (!std::isfinite(p.latencyThreshold) || p.latencyThreshold < 0.0 || p.latencyThreshold > 1.0)
        throw Error("latency threshold = " + number(p.latencyThreshold) + " is outside 0 … 1", where);
    if (p.dogWindow < 1 || p.dogWindow > 63 || p.dogWindow % 2 == 0)
        throw Error("DoG window = " + std::to_string(p.dogWindow) + " px must be odd, 1 … 63", where);
    if (p.dogScales < 1 || p.dogScales > 4)
        throw Error("DoG scales = " + std::to_string(p.dogScales) + " is outside 1 … 4", where);
}

void validate(const SharedWtaParams& p, const std::string& where)
{
    if (!std::isfinite(p.threshold) || p.threshold < 0.0)
        throw Error("threshold = " + number(p.threshold) + " must be ≥ 0", where);
    if (p.winners < 1)
        throw Error("winners = " + std::to_string(p.winners) + " must be ≥ 1", where);
    if (p.inhibitionRadius < 0)
        throw Error("inhibition radius = " + std::to_string(p.inhibitionRadius) + " must be ≥ 0", where);
    for (double a : {p.aPlus, p.aMinus, p.aPlusMax})
        if (!std::isfinite(a) || a < 0.0 || a > 1.0)
            throw Error("STDP rates (a+ " + number(p.aPlus) + ", a- " + number(p.aMinus) + ", a+ max "
                            + number(p.aPlusMax) + ") must be in 0 … 1",
                        where);
    if (p.rateDoublingImages < 0)
        throw Error("rate doubling interval = " + std::to_string(p.rateDoublingImages)
                        + " images must be ≥ 0",
                    where);
    if (!std::isfinite(p.wInitMean) || p.wInitMean < 0.0 || p.wInitMean > 1.0 || p.wInitSigma < 0.0)
        throw Error("initial weights mean " + number(p.wInitMean) + " must be in 0 … 1, sigma "
                        + number(p.wInitSigma) + " ≥ 0",
                    where);
    if (p.trainImages < 0)
        throw Error("train images = " + std::to_string(p.trainImages) + " must be ≥ 0", where);
}


std::string_view toString(StdpRule r)
{
    switch (r) {
    case StdpRule::PairAdditive: return "pair_additive";
    case StdpRule::Multiplicative: return "multiplicative";
    }
    return "pair_additive";
}

std::string_view toString(EncodingKind k)
{
    switch (k) {
    case EncodingKind::RateRegular: return "rate";
    case EncodingKind::TimeToFirst: return "time";
    case EncodingKind::Poisson: return "poisson";
    }
    return "rate";
}

StdpRule stdpRuleFromString(std::string_view s)
{
    if (s == "pair_additive") return StdpRule::PairAdditive;
    if (s == "multiplicative") return StdpRule::Multiplicative;
    throw Error("unknown STDP rule '" + std::string(s) + "' (pair_additive, multiplicative)");
}

EncodingKind encodingKindFromString(std::string_view s)
{
    if (s == "rate") return EncodingKind::RateRegular;
    if (s == "time") return EncodingKind::TimeToFirst;
    if (s == "poisson") return EncodingKind::Poisson;
    throw Error("unknown encoding '" + std::string(s) + "' (rate, time, poisson)");
}

} // namespace scnn::model
