// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — fills the views from what an experiment recorded.
#pragma once

#include "model/experiment.h"

#include <QString>

namespace scnn::views {
class AccuracyChartView;
class ActivityView;
class ConfusionMatrixView;
class KernelGridView;
class MembraneTraceView;
class SpikeRasterView;
} // namespace scnn::views

namespace scnn::app {

/// The views that show an experiment's recordings (any may be null).
struct RecordedViews
{
    views::SpikeRasterView* raster = nullptr;
    views::MembraneTraceView* membrane = nullptr;
    views::ActivityView* activity = nullptr;
    views::AccuracyChartView* accuracy = nullptr;
    views::ConfusionMatrixView* confusion = nullptr;
};

/// Which views received data (so the window can swap their hints for them).
struct RecordedShown
{
    bool raster = false;
    bool membrane = false;
    bool activity = false;
    bool accuracy = false;
    bool confusion = false;
};

/**
 * @brief Shows what `e` recorded, without running anything: the spikes and
 * membrane traces of layer `layer`'s training (training/layerN/…), the
 * activity of the last layer summed over the test (or training) features,
 * the accuracy of every test in the history and the last confusion matrix.
 * Arrays that are missing or do not fit leave their view as it was.
 */
RecordedShown showRecordings(const RecordedViews& v, const model::Experiment& e, int layer, const QString& dataFolder);

} // namespace scnn::app
