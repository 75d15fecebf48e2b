// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — creates backends by name ("sim", "pynn:brian2", …).
#pragma once

#include "hardware/backend.h"
#include "hardware/spinnaker/pynnbackend.h"

#include <memory>
#include <string>
#include <vector>

namespace scnn::hardware {

/// One backend a user can choose.
struct BackendInfo
{
    std::string name;        ///< What createBackend() accepts, e.g. "pynn:brian2"
    std::string description; ///< One line for menus and `scnn help`
};

/// What the backends need beyond their name (today only the PyNN ones use it).
struct BackendConfig
{
    /// Interpreter, run folder, log callback, SpiNNaker settings, Brian 2 code
    /// generation. The target is taken from the backend name.
    PynnBackendOptions pynn;
};

/// Every name createBackend() accepts, in menu order.
const std::vector<BackendInfo>& availableBackends();

/**
 * @brief The backend called `spec`:
 *  - "sim": the embedded simulator;
 *  - "sim:spinnaker": the embedded simulator reproducing sPyNNaker's
 *    fixed-point arithmetic (it sets PhaseDescription::spinnakerFidelity);
 *  - "pynn:brian2", "pynn:nest", "pynn:spinnaker": generated PyNN scripts
 *    run with `config.pynn`'s interpreter.
 * Throws model::Error listing the known names for anything else.
 */
std::unique_ptr<Backend> createBackend(const std::string& spec, const BackendConfig& config = {});

} // namespace scnn::hardware
