// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — named starting points for new experiments.
#include "model/presets.h"

#include "model/error.h"
#include "model/fileutil.h"

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

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> table = {
        {"seed", "the original 2018 network: 28x28x1, 4 kernels 4x4 stride 3, digits 0 1 7 8", &seedPreset},
        {"mnist", "a deeper network for all ten MNIST digits (not yet available)", {}},
        {"classroom", "a small, fast network for demonstrations (not yet available)", {}},
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
