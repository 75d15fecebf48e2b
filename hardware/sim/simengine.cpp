// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — engine selection.
#include "hardware/sim/simengine.h"

#include "hardware/sim/simulation.h"
#include "model/error.h"

namespace scnn::hardware::sim {

std::unique_ptr<SimEngine> makeEngine(const SimNetwork& net)
{
    if (net.phase().spinnakerFidelity)
        throw model::Error("the SpiNNaker-fidelity mode is not available yet", "phase");
    return std::make_unique<Simulation>(net);
}

} // namespace scnn::hardware::sim
