// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — neuron, plasticity, inhibition and timing parameters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scnn::model {

/**
 * @brief PyNN `IF_curr_exp`: leaky integrate-and-fire, current-based synapses
 * with exponentially decaying currents.
 *
 *   cm · dv/dt = cm·(v_rest − v)/tau_m + i_e + i_i + i_offset   (unless refractory)
 *   di_e/dt = −i_e / tau_syn_E,  di_i/dt = −i_i / tau_syn_I
 *   v > v_thresh → spike, v = v_reset, membrane frozen for tau_refrac.
 *
 * Defaults are the original package's layer-1 training set.
 */
struct NeuronParams
{
    double cm = 0.5;          ///< Membrane capacitance [nF]
    double tauM = 10.0;       ///< Membrane time constant [ms]
    double tauRefrac = 2060.0; ///< Refractory period [ms]
    double vRest = -65.0;     ///< Resting potential [mV]
    double vReset = -65.0;    ///< Potential after a spike [mV]
    double vThresh = -5.0;    ///< Spike threshold [mV]
    double tauSynE = 5.0;     ///< Excitatory synaptic current decay [ms]
    double tauSynI = 5.0;     ///< Inhibitory synaptic current decay [ms]
    double iOffset = 0.0;     ///< Constant injected current [nA]

    bool operator==(const NeuronParams&) const = default;
};

/// Which synaptic weight update a plastic projection uses.
enum class StdpRule {
    /// Spike-pair rule, additive weight dependence (PyNN SpikePairRule +
    /// AdditiveWeightDependence): Δw = ±w_max·A·exp(−|Δt|/τ).
    PairAdditive,
    /// Multiplicative rule of STDP-based spiking CNNs (Kheradpisheh et al. 2018):
    /// Δw = +A_plus·w·(1−w) if the pre spike came no later than the post spike,
    /// Δw = −A_minus·w·(1−w) otherwise.
    Multiplicative,
};

/**
 * @brief Spike-timing-dependent plasticity of one layer.
 * Defaults are the original layer-1 values.
 */
struct StdpParams
{
    StdpRule rule = StdpRule::PairAdditive;
    double tauPlus = 7.0;     ///< Potentiation window time constant [ms]
    double tauMinus = 7.0;    ///< Depression window time constant [ms]
    double aPlus = 0.02;      ///< Potentiation amplitude [1, fraction of w_max]
    double aMinus = 0.02;     ///< Depression amplitude [1, fraction of w_max]
    double wMin = 0.0;        ///< Lower weight bound [nA]
    double wMax = 1.0;        ///< Upper weight bound [nA]
    double wInitMean = 0.30;  ///< Mean of the initial weights, Normal(mean, sigma) [nA]
    double wInitSigma = 0.04; ///< Spread of the initial weights [nA]

    bool operator==(const StdpParams&) const = default;
};

/// All-to-all static inhibition among the kernel neurons being trained (winner-take-all).
struct InhibitionParams
{
    bool enabled = true;
    double weight = 300.0;    ///< Inhibitory weight magnitude [nA]
    double delay = 1.0;       ///< Synaptic delay [ms]

    bool operator==(const InhibitionParams&) const = default;
};

/**
 * @brief A conv layer in the shared-kernel winner-take-all mode
 * (TrainingSettings::modes, LayerTrainingMode::SharedWta).
 *
 * Neuron: non-leaky integrate-and-fire, potential = Σ w over the inputs that
 * have spiked so far in this image; it fires once, in the first time bin where
 * the potential reaches `threshold`. At each position only the earliest map
 * keeps its spike (lateral inhibition).
 * STDP (StdpRule::Multiplicative): Δw = +a⁺·w·(1−w) if the input fired no
 * later than the winner, else −a⁻·w·(1−w); w in [0, 1]. Both rates double every
 * `rateDoublingImages` images until a⁺ reaches `aPlusMax`.
 */
struct SharedWtaParams
{
    double threshold = 15.0;      ///< Firing threshold [1, sum of weights]; 0: never fires (readout layer)
    int winners = 5;              ///< Winners per image (k-WTA, at most one per map)
    int inhibitionRadius = 3;     ///< No second winner within this distance of one [positions]
    double aPlus = 0.004;         ///< Initial potentiation rate [1]
    double aMinus = 0.003;        ///< Initial depression rate [1]
    double aPlusMax = 0.15;       ///< Largest potentiation rate of the schedule [1]
    int rateDoublingImages = 500; ///< Rates double every this many images (0: constant) [images]
    double wInitMean = 0.8;       ///< Initial weights ~ Normal(mean, sigma) clipped to [0, 1] [1]
    double wInitSigma = 0.05;     ///< [1]
    int trainImages = 0;          ///< Images the layer learns from (0: all training examples) [images]

    bool operator==(const SharedWtaParams&) const = default;
};

/// Everything one conv layer needs to train and to be rebuilt.
struct LayerParams
{
    NeuronParams train;       ///< Neurons while the layer learns
    NeuronParams rebuild;     ///< Neurons when the layer runs with fixed weights
    StdpParams stdp;
    InhibitionParams inhibition;
    SharedWtaParams wta;      ///< Used when the layer's training mode is SharedWta

    bool operator==(const LayerParams&) const = default;
};

/// Global simulation timing.
struct TimingParams
{
    double dt = 1.0;              ///< Timestep [ms]
    double synapticDelay = 1.0;   ///< Feed-forward synaptic delay [ms]
    double presentationMs = 100.0; ///< Time window of one example or training window [ms]
    double idleMs = 50.0;         ///< Silent tail of each window [ms]

    bool operator==(const TimingParams&) const = default;
};

/// How pixels become spikes.
enum class EncodingKind {
    RateRegular,  ///< Original rate code: regular trains with random phase, period 255/I·fire_factor ms
    TimeToFirst,  ///< Original time code: one spike at (1 − I/255)·(window − idle − 1) ms for I ≥ threshold
    Poisson,      ///< Poisson trains with rate I/255·max_rate
};

struct EncodingParams
{
    EncodingKind kind = EncodingKind::RateRegular;
    double fireFactor = 4.0;      ///< Rate code: period = 255/I · fire_factor [ms]
    int intensityThreshold = 80;  ///< Pixels below fire one random spike (rate) or none (time)
    double maxRateHz = 100.0;     ///< Poisson: rate at intensity 255 [Hz]
    bool differenceOfGaussians = false; ///< Pre-filter with a DoG (on/off channels)
    double dogSigmaCenter = 1.0;  ///< DoG centre sigma [px]
    double dogSigmaSurround = 1.1; ///< DoG surround sigma [px]
    /// Latency code of the shared-WTA mode: DoG responses above `latencyThreshold`
    /// (pixel scale 0..1) are ranked, strongest first, into `latencyBins` time bins.
    int latencyBins = 15;          ///< Time bins per image [1 … 254]
    double latencyThreshold = 0.05; ///< Weakest DoG response that fires [1]
    int dogWindow = 7;             ///< DoG window of the latency code [px], odd
    /// DoG scales of the latency code: scale s uses both sigmas × 2^s and a
    /// window of (dogWindow − 1)·2^s + 1 px; each adds an on and an off channel.
    int dogScales = 1;

    bool operator==(const EncodingParams&) const = default;
};

/// The original's defaults for conv layer `index` (0-based): layer 1, 2, 3 and deeper.
LayerParams defaultLayerParams(int index);

/**
 * @brief Description of one numeric parameter, for editors and validation.
 */
struct ParamInfo
{
    std::string_view key;      ///< JSON key, e.g. "tau_m"
    std::string_view label;    ///< Human label, e.g. "Membrane time constant"
    std::string_view unit;     ///< "ms", "mV", "nA", "nF" or "" for dimensionless
    double min;                ///< Smallest valid value (inclusive)
    double max;                ///< Largest valid value (inclusive)
};

/// The parameters of NeuronParams in declaration order with their ranges.
const std::vector<ParamInfo>& neuronParamInfo();
/// The numeric parameters of StdpParams (without the rule) in declaration order.
const std::vector<ParamInfo>& stdpParamInfo();

/// Pointers to the fields in the order of neuronParamInfo() / stdpParamInfo().
std::vector<double*> neuronParamFields(NeuronParams& p);
std::vector<double*> stdpParamFields(StdpParams& p);

/// Throws Error naming `where` and the field when a value is out of range or
/// the combination is invalid (v_reset ≥ v_thresh, tau_m = tau_syn, w_min > w_max …).
void validate(const NeuronParams& p, const std::string& where);
void validate(const StdpParams& p, const std::string& where);
void validate(const InhibitionParams& p, const std::string& where);
void validate(const TimingParams& p, const std::string& where);
void validate(const EncodingParams& p, const std::string& where);

std::string_view toString(StdpRule r);
/// Throws Error naming `where` and the field when a value is out of range.
void validate(const SharedWtaParams& p, const std::string& where);
std::string_view toString(EncodingKind k);
/// Parse names written by toString(); throws Error for unknown names.
StdpRule stdpRuleFromString(std::string_view s);
EncodingKind encodingKindFromString(std::string_view s);

} // namespace scnn::model
