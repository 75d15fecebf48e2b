// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiments File ▸ New starts from.
#pragma once

#include "model/experiment.h"

#include <QString>

#include <vector>

namespace scnn::app {

/// A starting point for a new experiment, with translated menu texts.
struct Preset
{
    QString id;          ///< "seed", "mnist", "classroom"
    QString title;       ///< Menu text (translated)
    QString description; ///< Tooltip (translated)
};

/// The presets: the original 2018 network, a deeper MNIST network, and a
/// small fast classroom network.
std::vector<Preset> presets();

/**
 * @brief A new experiment from preset `id` (model::makePreset(), or the
 * workbench's own deeper MNIST network while the model has none). When the
 * preset's MNIST digits cannot be found and Fashion-MNIST is installed in
 * `fashionFolder`, the experiment uses Fashion-MNIST instead, so a
 * classroom can press Run on a fresh machine.
 */
model::Experiment makeExperiment(const QString& id, const QString& fashionFolder);

} // namespace scnn::app
