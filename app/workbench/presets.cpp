// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — presets.
#include "app/workbench/presets.h"

#include <QCoreApplication>

namespace scnn::app {

namespace {

struct Presets
{
    Q_DECLARE_TR_FUNCTIONS(Presets)
};

} // namespace

std::vector<Preset> presets()
{
    std::vector<Preset> out;

    Preset seed;
    seed.id = QStringLiteral("seed");
    seed.title = Presets::tr("Original 2018 network (MNIST 0, 1, 7, 8)");
    seed.description = Presets::tr("One convolution of 4 kernels 4×4 at stride 3, as in SpikingConvNet");
    seed.state.network = model::seedNetwork();
    seed.state.data.classes = {0, 1, 7, 8};
    seed.state.data.trainPerClass = 50;
    seed.state.data.testPerClass = 20;
    out.push_back(seed);

    Preset mnist;
    mnist.id = QStringLiteral("mnist");
    mnist.title = Presets::tr("Deeper network (MNIST, all digits)");
    mnist.description = Presets::tr("Two convolutions with pooling between them, all ten digits");
    mnist.state.network.layers = {model::Layer::conv(8, 5, 1, 0), model::Layer::pool(2, 2),
                                  model::Layer::conv(16, 5, 1, 1)};
    mnist.state.data.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    mnist.state.data.trainPerClass = 100;
    mnist.state.data.testPerClass = 50;
    out.push_back(mnist);

    Preset classroom;
    classroom.id = QStringLiteral("classroom");
    classroom.title = Presets::tr("Classroom (Fashion-MNIST, fast)");
    classroom.description = Presets::tr("A small network on four kinds of clothing that trains in seconds");
    classroom.state.network.layers = {model::Layer::conv(6, 5, 2, 0)};
    classroom.state.data.name = "fashion-mnist";
    classroom.state.data.classes = {0, 1, 7, 8};
    classroom.state.data.trainPerClass = 10;
    classroom.state.data.testPerClass = 10;
    out.push_back(classroom);
    return out;
}

Preset preset(const QString& id)
{
    const std::vector<Preset> all = presets();
    for (const Preset& p : all)
        if (p.id == id)
            return p;
    return all.front();
}

} // namespace scnn::app
