// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — translated texts for model values: shapes,
// layer problems, parameter labels, class names.
#pragma once

#include "model/network.h"
#include "model/parameters.h"

#include <QCoreApplication>
#include <QString>

namespace scnn::app::texts {

/// "(9, 9, 4)" — height, width, channels.
QString shape(const model::Shape& s);

/// Which field of a layer row a problem belongs to.
enum class LayerField { None, Kernels, Size, Stride, Layer };

struct LayerProblem
{
    LayerField field = LayerField::None;
    QString text; ///< Translated reason; empty when the layer is fine
};

/// The problem of layer `index` (as Network::layerProblem(), translated, with its field).
LayerProblem layerProblem(const model::Network& net, int index);

/// Why the network cannot run (translated where known), or empty when it can.
QString networkProblem(const model::Network& net);

/// Translated label of a parameter from its JSON key ("tau_m" → "Membrane time constant").
QString paramLabel(std::string_view key, std::string_view fallback);

/// Unit suffix for a spin box (" ms"), empty for dimensionless values.
QString unitSuffix(std::string_view unit);

/// Name of class `label` in the dataset at `folder` (Fashion-MNIST names its classes).
QString className(const QString& folder, int label);

/// The pipeline's progress stage ("train layer 2: windows", "svm: features",
/// "loading data" …) in the user's language; unknown stages as given.
QString stage(const QString& pipelineStage);

} // namespace scnn::app::texts
