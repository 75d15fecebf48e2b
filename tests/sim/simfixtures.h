// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — small builders for the simulator tests' networks.
#pragma once

#include "hardware/backend.h"

#include <utility>
#include <vector>

namespace scnn::test {

/// A spike source of `size` channels replaying (index, time [ms]) pairs.
inline hardware::Population source(int size, std::vector<std::pair<int, double>> spikes = {})
{
    hardware::Population p;
    p.label = "src";
    p.type = hardware::CellType::SpikeSourceArray;
    p.size = size;
    for (auto [i, t] : spikes)
        p.spikes.add(i, t);
    return p;
}

/// `size` IF_curr_exp neurons with parameters `q`.
inline hardware::Population neuron(const model::NeuronParams& q = {}, int size = 1)
{
    hardware::Population p;
    p.label = "neuron";
    p.size = size;
    p.params = q;
    return p;
}

/// Static projection pre → post with one connection 0 → 0 (w [nA], d [ms]), or `list`.
inline hardware::Projection link(int pre, int post, double w, double d,
                                 hardware::Receptor r = hardware::Receptor::Excitatory)
{
    hardware::Projection pr;
    pr.pre = pre;
    pr.post = post;
    pr.receptor = r;
    pr.connector = hardware::FromList{{0}, {0}, {w}, {d}};
    return pr;
}

} // namespace scnn::test
