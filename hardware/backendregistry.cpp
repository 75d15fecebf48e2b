// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — creates backends by name ("sim", "pynn:brian2", …).
#include "hardware/backendregistry.h"

#include "hardware/sim/simbackend.h"
#include "model/error.h"

namespace scnn::hardware {

namespace {

/**
 * @brief The embedded simulator with sPyNNaker's per-tick fixed-point
 * arithmetic: runs every phase with spinnakerFidelity set.
 */
class SpinnakerFidelitySim : public Backend
{
public:
    std::string name() const override { return "sim:spinnaker"; }
    PhaseResult run(const PhaseDescription& phase, const RunControl& control) override
    {
        if (phase.spinnakerFidelity)
            return m_sim.run(phase, control);
        PhaseDescription copy = phase;
        copy.spinnakerFidelity = true;
        return m_sim.run(copy, control);
    }

private:
    SimBackend m_sim;
};

std::unique_ptr<Backend> makePynn(PynnTarget target, const BackendConfig& config)
{
    PynnBackendOptions o = config.pynn;
    o.script.target = target;
    return std::make_unique<PynnBackend>(std::move(o));
}

} // namespace

const std::vector<BackendInfo>& availableBackends()
{
    static const std::vector<BackendInfo> list = {
        {"sim", "embedded simulator (PyNN IF_curr_exp semantics of Brian 2, all cores)"},
        {"sim:spinnaker", "embedded simulator with SpiNNaker's fixed-point arithmetic"},
        {"pynn:spinnaker", "SpiNNaker board through a generated sPyNNaker script"},
        {"pynn:nest", "NEST through a generated PyNN script"},
        {"pynn:brian2", "Brian 2 through a generated PyNN script"},
    };
    return list;
}

std::unique_ptr<Backend> createBackend(const std::string& spec, const BackendConfig& config)
{
    if (spec == "sim")
        return std::make_unique<SimBackend>();
    if (spec == "sim:spinnaker")
        return std::make_unique<SpinnakerFidelitySim>();
    if (spec == "pynn:brian2")
        return makePynn(PynnTarget::Brian2, config);
    if (spec == "pynn:nest")
        return makePynn(PynnTarget::Nest, config);
    if (spec == "pynn:spinnaker")
        return makePynn(PynnTarget::Spinnaker, config);
    std::string known;
    for (const BackendInfo& b : availableBackends())
        known += (known.empty() ? "" : ", ") + b.name;
    throw model::Error("unknown backend '" + spec + "' (known: " + known + ")");
}

} // namespace scnn::hardware
