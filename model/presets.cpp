// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — named starting points for new experiments.
#include "model/presets.h"

#include "model/error.h"
#include "model/fileutil.h"
#include "model/training.h"

namespace scnn::model {

Experiment seedPreset()
{
    Experiment e;
    e.created = isoUtcNow();
    e.network = seedNetwork();
    e.network.encoding.kind = EncodingKind::RateRegular;
    e.dataset = DatasetSelection{};
    e.dataset.classes = {0, 1, 7, 8};
    e.seed = 1;
    e.backend = "sim";
    return e;
}

/// Tuned so that a whole run takes seconds on one core and the kernels
/// visibly become stroke detectors: the time code (one spike per pixel,
/// brighter is earlier) with the multiplicative STDP rule, which depresses
/// every synapse whose pixel did not spike before the winner, and a short
/// refractory period so the best-matching kernel wins each window.
Experiment classroomPreset()
{
    Experiment e = seedPreset();
    Layer conv = Layer::conv(8, 5, 3, 0);
    LayerParams& p = conv.params;
    p.train.vThresh = -55.0;
    p.train.tauRefrac = 5.0;
    p.rebuild.vThresh = -55.0;
    p.stdp.rule = StdpRule::Multiplicative;
    p.stdp.aPlus = 0.01;
    p.stdp.aMinus = 0.0075;
    e.network.layers = {conv};
    e.network.encoding.kind = EncodingKind::TimeToFirst;
    e.dataset.trainPerClass = 100;
    e.dataset.testPerClass = 50;
    TrainingSettings t;
    t.snapshotEveryWindows = 500;
    e.extra["training"] = t.toJson();
    return e;
}

/// The strongest network for all ten digits (see mnistNetwork()): every
/// layer learns in the shared-kernel WTA mode from 10,000 images, the SVM
/// reads 1,800 max-pooled potentials with a fixed C (cross-validating C on
/// 50,000 examples would cost more than the whole rest of the run).
Experiment mnistPreset()
{
    Experiment e = seedPreset();
    e.network = mnistNetwork();
    e.dataset.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    e.dataset.trainPerClass = 0;
    e.dataset.testPerClass = 0;
    TrainingSettings t;
    t.modes.assign(e.network.layers.size(), LayerTrainingMode::SharedWta);
    t.svm.c = e.network.classifier.c;
    t.snapshotEveryWindows = 500;
    e.extra["training"] = t.toJson();
    return e;
}

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> table = {
        {"seed", "the original 2018 network: 28x28x1, 4 kernels 4x4 stride 3, digits 0 1 7 8", &seedPreset},
        {"mnist", "all ten digits: DoG latency code, conv 30 5x5, pool, conv 200 5x5, shared-kernel WTA STDP, 1800 max-potential features", &mnistPreset},
        {"classroom", "a small, fast network for demonstrations: 8 kernels 5x5 stride 3 learn strokes of 0 1 7 8 in seconds", &classroomPreset},
    };
    return table;
}

std::vector<std::string> presetNames()
{
    std::vector<std::string> out;
    for (const Preset& p : presets())
        out.push_back(p.name);
    return out;
}

Experiment makePreset(const std::string& name)
{
    std::string known;
    for (const Preset& p : presets()) {
        if (p.name == name) {
            if (!p.make)
                throw Error("preset '" + name + "' is not yet available", "presets");
            return p.make();
        }
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw Error("unknown preset '" + name + "' (known: " + known + ")", "presets");
}

} // namespace scnn::model
