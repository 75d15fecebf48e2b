// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker settings an experiment keeps.
#include "model/boardsettings.h"

#include "model/error.h"

#include <nlohmann/json.hpp>

namespace scnn::model {

namespace {

constexpr const char* kKey = "spinnaker";

int readInt(const nlohmann::json& j, const char* field, int fallback, const std::string& where)
{
    if (!j.contains(field))
        return fallback;
    const nlohmann::json& v = j.at(field);
    if (!v.is_number_integer())
        throw Error(std::string("'") + field + "' must be an integer, not " + v.dump(), where + "." + field);
    const auto x = v.get<long long>();
    if (x < -1000000000LL || x > 1000000000LL)
        throw Error(std::string("'") + field + "' is out of range: " + v.dump(), where + "." + field);
    return int(x);
}

} // namespace

void BoardRunSettings::validate(const std::string& where) const
{
    if (neuronsPerCore < 1 || neuronsPerCore > 256)
        throw Error("neurons per core must be 1 … 256 (sPyNNaker's limit), not " + std::to_string(neuronsPerCore),
                    where + ".neurons_per_core");
    if (timeScaleFactor < 0 || timeScaleFactor > 10000)
        throw Error("time scale factor must be 1 … 10000, or 0 for sPyNNaker's default, not "
                        + std::to_string(timeScaleFactor),
                    where + ".time_scale_factor");
}

BoardRunSettings boardRunSettings(const Experiment& e)
{
    BoardRunSettings s;
    if (!e.extra.is_object() || !e.extra.contains(kKey))
        return s;
    const std::string where = "experiment.json spinnaker";
    const nlohmann::json& j = e.extra.at(kKey);
    if (!j.is_object())
        throw Error("must be an object with neurons_per_core and time_scale_factor, not " + j.dump(), where);
    s.neuronsPerCore = readInt(j, "neurons_per_core", s.neuronsPerCore, where);
    s.timeScaleFactor = readInt(j, "time_scale_factor", s.timeScaleFactor, where);
    s.validate(where);
    return s;
}

void setBoardRunSettings(Experiment& e, const BoardRunSettings& s)
{
    s.validate();
    if (!e.extra.is_object())
        e.extra = nlohmann::json::object();
    e.extra[kKey] = {{"neurons_per_core", s.neuronsPerCore}, {"time_scale_factor", s.timeScaleFactor}};
}

} // namespace scnn::model
