// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — reading and writing experiment folders for the window.
#pragma once

#include "app/workbench/documentstate.h"

#include <QString>

namespace scnn::app {

/// Whether this build can read and write experiment folders.
bool experimentFilesSupported();

/// Reads the experiment folder `path`; throws model::Error naming the file and field.
DocumentState loadExperimentFolder(const QString& path);

/// Writes `state` to the experiment folder `path` (atomically); throws model::Error.
void saveExperimentFolder(const QString& path, const DocumentState& state);

/// Whether `path` looks like an experiment folder (has experiment.json).
bool isExperimentFolder(const QString& path);

} // namespace scnn::app
