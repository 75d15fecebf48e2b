// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the network model and dataset selection as JSON.
#include "model/networkjson.h"

#include "model/error.h"

namespace scnn::model {

using nlohmann::json;

namespace {

constexpr long long maxSize = 1 << 20;

json paramsJson(const std::vector<ParamInfo>& info, const std::vector<double*>& fields)
{
    json j = json::object();
    for (std::size_t i = 0; i < info.size(); ++i)
        j[std::string(info[i].key)] = *fields[i];
    return j;
}

void readParams(const JsonField& j, const std::vector<ParamInfo>& info,
                const std::vector<double*>& fields, std::initializer_list<const char*> extraKeys = {})
{
    j.object();
    for (const auto& item : j.value().items()) {
        const std::string& k = item.key();
        bool known = std::any_of(info.begin(), info.end(), [&](const ParamInfo& p) { return p.key == k; })
                     || std::any_of(extraKeys.begin(), extraKeys.end(), [&](const char* e) { return k == e; });
        if (!known)
            JsonField(item.value(), j.file(), j.path() + "." + k).fail("unknown parameter");
    }
    for (std::size_t i = 0; i < info.size(); ++i)
        *fields[i] = j[std::string(info[i].key)].number(info[i].min, info[i].max);
}

/// Runs a model validator and re-throws its message against the file and field.
template<typename F>
void check(const JsonField& j, F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        j.fail(e.what());
    }
}

Shape shapeFrom(const JsonField& j)
{
    j.array(3);
    return Shape{int(j[0].integer(1, maxSize)), int(j[1].integer(1, maxSize)),
                 int(j[2].integer(1, 4096))};
}

} // namespace

json toJson(const Shape& s)
{
    return json::array({s.h, s.w, s.c});
}

json toJson(const Network& net)
{
    json layers = json::array();
    for (const Layer& l : net.layers) {
        if (l.kind == LayerKind::Pool) {
            layers.push_back({{"type", "pool"}, {"size", {l.kh, l.kw}}, {"stride", l.stride}});
            continue;
        }
        LayerParams p = l.params;
        json stdp = paramsJson(stdpParamInfo(), stdpParamFields(p.stdp));
        stdp["rule"] = std::string(toString(p.stdp.rule));
        layers.push_back({
            {"type", "conv"},
            {"kernels", l.kernels},
            {"kernel", {l.kh, l.kw}},
            {"stride", l.stride},
            {"per_channel", l.perChannel},
            {"train", paramsJson(neuronParamInfo(), neuronParamFields(p.train))},
            {"rebuild", paramsJson(neuronParamInfo(), neuronParamFields(p.rebuild))},
            {"stdp", stdp},
            {"inhibition",
             {{"enabled", p.inhibition.enabled}, {"weight", p.inhibition.weight},
              {"delay", p.inhibition.delay}}},
            {"shared_wta",
             {{"threshold", p.wta.threshold},
              {"winners", p.wta.winners},
              {"inhibition_radius", p.wta.inhibitionRadius},
              {"a_plus", p.wta.aPlus},
              {"a_minus", p.wta.aMinus},
              {"a_plus_max", p.wta.aPlusMax},
              {"rate_doubling_images", p.wta.rateDoublingImages},
              {"w_init_mean", p.wta.wInitMean},
              {"w_init_sigma", p.wta.wInitSigma},
              {"train_images", p.wta.trainImages}}},
        });
    }
    const EncodingParams& e = net.encoding;
    return {
        {"input", toJson(net.input)},
        {"layers", layers},
        {"classifier",
         {{"kind", net.classifier.kind == ClassifierSpec::Kind::Linear ? "linear" : "rbf"},
          {"c", net.classifier.c},
          {"standardize", net.classifier.standardize},
          {"readout", std::string(toString(net.classifier.readout))},
          {"readout_grid", net.classifier.readoutGrid}}},
        {"timing",
         {{"dt", net.timing.dt},
          {"synaptic_delay", net.timing.synapticDelay},
          {"presentation", net.timing.presentationMs},
          {"idle", net.timing.idleMs}}},
        {"encoding",
         {{"kind", std::string(toString(e.kind))},
          {"fire_factor", e.fireFactor},
          {"intensity_threshold", e.intensityThreshold},
          {"max_rate", e.maxRateHz},
          {"difference_of_gaussians", e.differenceOfGaussians},
          {"dog_sigma_center", e.dogSigmaCenter},
          {"dog_sigma_surround", e.dogSigmaSurround},
          {"dog_window", e.dogWindow},
          {"dog_scales", e.dogScales},
          {"latency_bins", e.latencyBins},
          {"latency_threshold", e.latencyThreshold}}},
    };
}

Network networkFromJson(const JsonField& j)
{
    j.onlyKeys({"input", "layers", "classifier", "timing", "encoding"});
    Network net;
    net.input = shapeFrom(j["input"]);
    const JsonField layers = j["layers"];
    const std::size_t n = layers.array();
    net.layers.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const JsonField lj = layers[i];
        const std::string type = lj["type"].string();
        Layer l;
        if (type == "pool") {
            lj.onlyKeys({"type", "size", "stride"});
            lj["size"].array(2);
            l = Layer::pool(int(lj["size"][0].integer(1, maxSize)), int(lj["stride"].integer(1, maxSize)));
            l.kw = int(lj["size"][1].integer(1, maxSize));
        } else if (type == "conv") {
            lj.onlyKeys({"type", "kernels", "kernel", "stride", "per_channel", "train", "rebuild", "stdp",
                         "inhibition", "shared_wta"});
            l = Layer::conv(int(lj["kernels"].integer(1, 65536)), 1, int(lj["stride"].integer(1, maxSize)),
                            int(i));
            lj["kernel"].array(2);
            l.kh = int(lj["kernel"][0].integer(1, maxSize));
            l.kw = int(lj["kernel"][1].integer(1, maxSize));
            l.perChannel = lj["per_channel"].boolean();
            LayerParams& p = l.params;
            readParams(lj["train"], neuronParamInfo(), neuronParamFields(p.train));
            readParams(lj["rebuild"], neuronParamInfo(), neuronParamFields(p.rebuild));
            readParams(lj["stdp"], stdpParamInfo(), stdpParamFields(p.stdp), {"rule"});
            const JsonField rule = lj["stdp"]["rule"];
            check(rule, [&] { p.stdp.rule = stdpRuleFromString(rule.string()); });
            const JsonField inh = lj["inhibition"];
            inh.onlyKeys({"enabled", "weight", "delay"});
            p.inhibition.enabled = inh["enabled"].boolean();
            p.inhibition.weight = inh["weight"].number(0.0, 1e6);
            p.inhibition.delay = inh["delay"].number(0.0, 1e4);
            if (const std::optional<JsonField> w = lj.optional("shared_wta")) {
                // Optional: files written before the shared-WTA mode keep its defaults.
                w->onlyKeys({"threshold", "winners", "inhibition_radius", "a_plus", "a_minus", "a_plus_max",
                             "rate_doubling_images", "w_init_mean", "w_init_sigma", "train_images"});
                SharedWtaParams& t = p.wta;
                t.threshold = (*w)["threshold"].number(0.0, 1e9);
                t.winners = int((*w)["winners"].integer(1, 1 << 20));
                t.inhibitionRadius = int((*w)["inhibition_radius"].integer(0, maxSize));
                t.aPlus = (*w)["a_plus"].number(0.0, 1.0);
                t.aMinus = (*w)["a_minus"].number(0.0, 1.0);
                t.aPlusMax = (*w)["a_plus_max"].number(0.0, 1.0);
                t.rateDoublingImages = int((*w)["rate_doubling_images"].integer(0, 1 << 30));
                t.wInitMean = (*w)["w_init_mean"].number(0.0, 1.0);
                t.wInitSigma = (*w)["w_init_sigma"].number(0.0, 1.0);
                t.trainImages = int((*w)["train_images"].integer(0, 1 << 30));
            }
        } else {
            lj["type"].fail("unknown layer type '" + type + "' (expected conv or pool)");
        }
        net.layers.push_back(l);
    }

    const JsonField cj = j["classifier"];
    cj.onlyKeys({"kind", "c", "standardize", "readout", "readout_grid"});
    const std::string kind = cj["kind"].string();
    if (kind == "linear")
        net.classifier.kind = ClassifierSpec::Kind::Linear;
    else if (kind == "rbf")
        net.classifier.kind = ClassifierSpec::Kind::Rbf;
    else
        cj["kind"].fail("unknown classifier '" + kind + "' (expected linear or rbf)");
    net.classifier.c = cj["c"].number(0.0, 1e9);
    net.classifier.standardize = cj["standardize"].boolean();
    if (cj.has("readout")) {
        const JsonField ro = cj["readout"];
        check(ro, [&] { net.classifier.readout = readoutFromString(ro.string()); });
    }
    if (cj.has("readout_grid"))
        net.classifier.readoutGrid = int(cj["readout_grid"].integer(1, 64));

    const JsonField tj = j["timing"];
    tj.onlyKeys({"dt", "synaptic_delay", "presentation", "idle"});
    net.timing.dt = tj["dt"].number(1e-4, 100.0);
    net.timing.synapticDelay = tj["synaptic_delay"].number(0.0, 1e4);
    net.timing.presentationMs = tj["presentation"].number(1e-3, 1e7);
    net.timing.idleMs = tj["idle"].number(0.0, 1e7);
    check(tj, [&] { validate(net.timing, "timing"); });

    const JsonField ej = j["encoding"];
    ej.onlyKeys({"kind", "fire_factor", "intensity_threshold", "max_rate", "difference_of_gaussians",
                 "dog_sigma_center", "dog_sigma_surround", "dog_window", "dog_scales", "latency_bins",
                 "latency_threshold"});
    EncodingParams& e = net.encoding;
    const JsonField ek = ej["kind"];
    check(ek, [&] { e.kind = encodingKindFromString(ek.string()); });
    e.fireFactor = ej["fire_factor"].number(0.0, 1e3);
    e.intensityThreshold = int(ej["intensity_threshold"].integer(0, 255));
    e.maxRateHz = ej["max_rate"].number(0.0, 1e4);
    e.differenceOfGaussians = ej["difference_of_gaussians"].boolean();
    e.dogSigmaCenter = ej["dog_sigma_center"].number(0.0, 20.0);
    e.dogSigmaSurround = ej["dog_sigma_surround"].number(0.0, 20.0);
    // The latency-code keys are optional: older files keep the defaults.
    if (ej.has("dog_window"))
        e.dogWindow = int(ej["dog_window"].integer(1, 63));
    if (ej.has("dog_scales"))
        e.dogScales = int(ej["dog_scales"].integer(1, 4));
    if (ej.has("latency_bins"))
        e.latencyBins = int(ej["latency_bins"].integer(1, 254));
    if (ej.has("latency_threshold"))
        e.latencyThreshold = ej["latency_threshold"].number(0.0, 1.0);
    check(ej, [&] { validate(e, "encoding"); });

    check(j, [&] { net.validate(); });
    return net;
}

json toJson(const DatasetSelection& s)
{
    return {{"name", s.name},
            {"data_dir", s.dataDir},
            {"classes", s.classes},
            {"train_per_class", s.trainPerClass},
            {"test_per_class", s.testPerClass},
            {"seed", s.seed},
            {"validation", s.validation}};
}

DatasetSelection datasetSelectionFromJson(const JsonField& j)
{
    j.onlyKeys({"name", "data_dir", "classes", "train_per_class", "test_per_class", "seed", "validation"});
    DatasetSelection s;
    s.name = j["name"].string();
    s.dataDir = j["data_dir"].string();
    const JsonField cj = j["classes"];
    s.classes.clear();
    for (std::size_t i = 0, n = cj.array(); i < n; ++i)
        s.classes.push_back(int(cj[i].integer(0, 9)));
    s.trainPerClass = int(j["train_per_class"].integer(0, 1000000));
    s.testPerClass = int(j["test_per_class"].integer(0, 1000000));
    s.seed = j["seed"].unsignedInteger();
    s.validation = j["validation"].boolean();
    check(j, [&] { validate(s, "dataset"); });
    return s;
}

} // namespace scnn::model
