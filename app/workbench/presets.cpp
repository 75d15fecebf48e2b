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
    model::Experiment e = model::makePreset(id.toStdString());
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
