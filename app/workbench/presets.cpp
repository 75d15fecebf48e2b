// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — presets.
#include "app/workbench/presets.h"

#include "model/dataset.h"
#include "model/error.h"
#include "model/fileutil.h"
#include "model/presets.h"

#include <QCoreApplication>
#include <QDir>

namespace scnn::app {

namespace {

struct Presets
{
    Q_DECLARE_TR_FUNCTIONS(Presets)
};

/// Two convolutions with pooling between them, on all ten digits.
model::Experiment deeperMnist()
{
    model::Experiment e = model::seedPreset();
    e.network.layers = {model::Layer::conv(8, 5, 1, 0), model::Layer::pool(2, 2), model::Layer::conv(16, 5, 1, 1)};
    e.dataset.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    return e;
}

} // namespace

std::vector<Preset> presets()
{
    return {
        {QStringLiteral("seed"), Presets::tr("Original 2018 network (MNIST 0, 1, 7, 8)"),
         Presets::tr("One convolution of 4 kernels 4×4 at stride 3, as in SpikingConvNet")},
        {QStringLiteral("mnist"), Presets::tr("Deeper network (MNIST, all digits)"),
         Presets::tr("Two convolutions with pooling between them, all ten digits")},
        {QStringLiteral("classroom"), Presets::tr("Classroom (fast)"),
         Presets::tr("A small network whose kernels visibly learn strokes within seconds")},
    };
}

model::Experiment makeExperiment(const QString& id, const QString& fashionFolder)
{
    model::Experiment e;
    try {
        e = model::makePreset(id.toStdString());
    } catch (const model::Error&) {
        e = id == QLatin1String("mnist") ? deeperMnist() : model::seedPreset();
    }
    e.created = model::isoUtcNow();
    if (e.dataset.name == "mnist" && QDir(fashionFolder).exists()) {
        try {
            model::locateData(e.dataset);
        } catch (const model::Error&) {
            e.dataset.name = "fashion-mnist";
            e.dataset.dataDir = fashionFolder.toStdString();
        }
    }
    return e;
}

} // namespace scnn::app
