// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — small synthetic data sets and networks for the phase tests.
#pragma once

#include "hardware/pipeline/phaserunner.h"
#include "hardware/sim/simbackend.h"
#include "model/dataset.h"
#include "model/network.h"
#include "model/random.h"

#include <atomic>
#include <memory>

namespace scnn::test {

/// One image of `size`×`size` with a bar (vertical when `vertical`) at `pos`.
inline void drawBar(std::vector<std::uint8_t>& px, int size, bool vertical, int pos,
                    std::uint8_t on = 255, std::uint8_t off = 0)
{
    const std::size_t base = px.size();
    px.resize(base + std::size_t(size * size), off);
    for (int i = 0; i < size; ++i) {
        const int y = vertical ? i : pos;
        const int x = vertical ? pos : i;
        px[base + std::size_t(y * size + x)] = on;
    }
}

/// Class 0: vertical bars, class 1: horizontal bars, at positions drawn from `seed`.
inline std::shared_ptr<model::Dataset> barDataset(int size, int trainPerClass, int testPerClass,
                                                  std::uint64_t seed = 7)
{
    auto d = std::make_shared<model::Dataset>();
    model::Rng rng(seed);
    auto fill = [&](model::Examples& ex, int perClass) {
        ex.rows = size;
        ex.cols = size;
        for (int i = 0; i < 2 * perClass; ++i) {
            const int label = i % 2;
            drawBar(ex.pixels, size, label == 0, 1 + int(rng.below(std::uint64_t(size - 2))));
            ex.labels.push_back(label);
            ex.sourceIndex.push_back(i);
        }
    };
    fill(d->train, trainPerClass);
    fill(d->test, testPerClass);
    d->selection.classes = {0, 1};
    return d;
}

/// A small one- or two-layer network on size×size inputs with a fast time code.
inline model::Network smallNetwork(int size, int layers)
{
    model::Network net;
    net.input = {size, size, 1};
    net.layers.push_back(model::Layer::conv(4, 3, 1, 0));
    if (layers > 1)
        net.layers.push_back(model::Layer::conv(4, 3, 1, 1));
    // Small windows need lower thresholds than the original's 4×4 layer 1.
    for (model::Layer& l : net.layers) {
        l.params.train.vThresh = -50.0;
        l.params.train.tauRefrac = 200.0;
        l.params.rebuild.vThresh = -55.0;
    }
    net.encoding.kind = model::EncodingKind::RateRegular;
    return net;
}

inline hardware::pipeline::PhaseInputs inputsFor(model::Network net,
                                                 std::shared_ptr<const model::Dataset> data,
                                                 std::uint64_t seed = 3)
{
    hardware::pipeline::PhaseInputs in;
    in.network = std::move(net);
    in.data = std::move(data);
    in.seed = seed;
    in.kernels.resize(in.network.layers.size());
    in.training.snapshotEveryWindows = 40;
    in.training.recordWindows = 20;
    return in;
}

/// Runs one phase on the embedded simulator with `threads` threads.
inline hardware::pipeline::PhaseOutcome run(const hardware::pipeline::PhaseInputs& in, model::PhaseKind kind,
                                            int layer = 0, int threads = 1,
                                            const std::atomic<bool>* cancel = nullptr)
{
    hardware::SimBackend sim;
    hardware::pipeline::PhaseControl control;
    control.threads = threads;
    control.cancel = cancel;
    return hardware::pipeline::runPhase({kind, layer, 0}, in, sim, control);
}

} // namespace scnn::test

#include "model/idx.h"

namespace scnn::test {

/// Writes train-*-idx files of `perClass` vertical (class 0) and horizontal
/// (class 1) bars of size×size into `dir`.
inline void writeBarFiles(const std::string& dir, int size, int perClass, std::uint64_t seed = 5)
{
    model::IdxImages im;
    model::IdxLabels lb;
    im.rows = im.cols = size;
    model::Rng rng(seed);
    for (int i = 0; i < 2 * perClass; ++i) {
        drawBar(im.pixels, size, i % 2 == 0, 1 + int(rng.below(std::uint64_t(size - 2))));
        lb.labels.push_back(std::uint8_t(i % 2));
    }
    im.count = lb.count = 2 * perClass;
    model::writeBytes(dir + "/train-images-idx3-ubyte", model::idxBytes(im));
    model::writeBytes(dir + "/train-labels-idx1-ubyte", model::idxBytes(lb));
}

} // namespace scnn::test
