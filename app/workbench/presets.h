// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiments File ▸ New starts from.
#pragma once

#include "app/workbench/documentstate.h"

#include <QString>

#include <vector>

namespace scnn::app {

/// A starting point for a new experiment.
struct Preset
{
    QString id;          ///< "seed", "mnist", "classroom"
    QString title;       ///< Menu text (translated)
    QString description; ///< Tooltip (translated)
    DocumentState state;
};

/// The presets: the original 2018 network, a deeper MNIST network, and a
/// small fast classroom network on the installed Fashion-MNIST.
std::vector<Preset> presets();

/// The preset with `id`, or the seed preset when there is none.
Preset preset(const QString& id);

} // namespace scnn::app
