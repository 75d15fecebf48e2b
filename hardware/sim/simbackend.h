// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the embedded simulator backend.
#pragma once

#include "hardware/backend.h"

namespace scnn::hardware {

/**
 * @brief The embedded simulator ("sim"): PyNN IF_curr_exp with Brian 2's
 * step semantics (exact integration, same spikes as the peer), a non-leaky
 * IF cell, pair STDP (additive) and the multiplicative rule, convolutions
 * run from their kernels, independent trials spread over all cores; and,
 * with PhaseDescription::spinnakerFidelity, sPyNNaker 7.x's per-tick
 * fixed-point arithmetic.
 *
 * Deterministic: the same description gives the same results whatever the
 * thread count (there is no randomness inside a run).
 *
 * @code
 * SimBackend sim;
 * PhaseResult r = sim.run(phase, RunControl{});
 * @endcode
 */
class SimBackend : public Backend
{
public:
    std::string name() const override { return "sim"; }
    PhaseResult run(const PhaseDescription& phase, const RunControl& control) override;
};

} // namespace scnn::hardware
