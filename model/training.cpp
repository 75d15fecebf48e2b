// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — training schedule settings and their JSON form.
#include "model/training.h"

#include "model/error.h"

#include <nlohmann/json.hpp>

namespace scnn::model {

std::string_view toString(LayerTrainingMode m)
{
    return m == LayerTrainingMode::SharedWta ? "shared_wta" : "windowed";
}

LayerTrainingMode layerTrainingModeFromString(std::string_view s)
{
    if (s == "windowed") return LayerTrainingMode::Windowed;
    if (s == "shared_wta") return LayerTrainingMode::SharedWta;
    throw Error("unknown layer training mode '" + std::string(s) + "' (windowed, shared_wta)");
}

std::string_view toString(PhaseKind k)
{
    switch (k) {
    case PhaseKind::TrainLayer: return "train_layer";
    case PhaseKind::Svm: return "svm";
    case PhaseKind::Test: return "test";
    }
    return "train_layer";
}

nlohmann::json TrainingSettings::toJson() const
{
    nlohmann::json modeNames = nlohmann::json::array();
    for (LayerTrainingMode m : modes)
        modeNames.push_back(std::string(toString(m)));
    nlohmann::json grid = svm.cGrid;
    return {
        {"modes", modeNames},
        {"stdp_examples", stdpExamples},
        {"snapshot_every_windows", snapshotEveryWindows},
        {"record_windows", recordWindows},
        {"membrane_neurons", membraneNeurons},
        {"record_examples", recordExamples},
        {"replicas", replicas},
        {"svm",
         {{"kernel", std::string(toString(svm.kernel))},
          {"C", svm.c},
          {"C_grid", grid},
          {"folds", svm.folds},
          {"gamma", svm.gamma},
          {"scaling", std::string(toString(svm.scaling))},
          {"seed", svm.seed},
          {"epsilon", svm.epsilon}}},
    };
}

TrainingSettings TrainingSettings::fromJson(const nlohmann::json& j, const std::string& where)
{
    TrainingSettings s;
    try {
        if (!j.is_object())
            throw Error("\"training\" must be an object", where);
        if (j.contains("modes")) {
            s.modes.clear();
            for (const auto& m : j.at("modes"))
                s.modes.push_back(layerTrainingModeFromString(m.get<std::string>()));
        }
        auto get = [&](const nlohmann::json& o, const char* key, auto& field) {
            if (o.contains(key))
                field = o.at(key).get<std::decay_t<decltype(field)>>();
        };
        get(j, "stdp_examples", s.stdpExamples);
        get(j, "snapshot_every_windows", s.snapshotEveryWindows);
        get(j, "record_windows", s.recordWindows);
        get(j, "membrane_neurons", s.membraneNeurons);
        get(j, "record_examples", s.recordExamples);
        get(j, "replicas", s.replicas);
        if (j.contains("svm")) {
            const auto& o = j.at("svm");
            if (o.contains("kernel"))
                s.svm.kernel = svmKernelFromString(o.at("kernel").get<std::string>());
            if (o.contains("scaling"))
                s.svm.scaling = featureScalingFromString(o.at("scaling").get<std::string>());
            get(o, "C", s.svm.c);
            get(o, "C_grid", s.svm.cGrid);
            get(o, "folds", s.svm.folds);
            get(o, "gamma", s.svm.gamma);
            get(o, "seed", s.svm.seed);
            get(o, "epsilon", s.svm.epsilon);
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("training settings: ") + e.what(), where);
    } catch (const Error& e) {
        if (!e.where().empty())
            throw;
        throw Error(e.message(), where);
    }
    s.validate(where);
    return s;
}

void TrainingSettings::validate(const std::string& where) const
{
    auto check = [&](const char* name, long long v, long long lo, long long hi) {
        if (v < lo || v > hi)
            throw Error(std::string(name) + " = " + std::to_string(v) + " is outside "
                            + std::to_string(lo) + " … " + std::to_string(hi),
                        where);
    };
    check("stdp_examples", stdpExamples, 0, 100000000);
    check("snapshot_every_windows", snapshotEveryWindows, 1, 100000000);
    check("record_windows", recordWindows, 0, 100000);
    check("membrane_neurons", membraneNeurons, 0, 64);
    check("record_examples", recordExamples, 0, 10000);
    check("replicas", replicas, 1, 64);
    check("svm.folds", svm.folds, 2, 100);
    if (!(svm.c >= 0.0) || !(svm.gamma >= 0.0) || !(svm.epsilon > 0.0))
        throw Error("svm: C and gamma must be ≥ 0 and epsilon > 0", where);
    for (double c : svm.cGrid)
        if (!(c > 0.0))
            throw Error("svm: every C in C_grid must be positive", where);
}

bool TrainingSettings::operator==(const TrainingSettings& o) const
{
    return toJson() == o.toJson();
}

} // namespace scnn::model
