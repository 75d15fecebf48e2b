// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the shared-WTA training settings as editable fields.
#pragma once

#include "model/parameters.h"

#include <vector>

namespace scnn::app {

/**
 * @brief One field of model::SharedWtaParams for the editors: its key, label
 * and unit (untranslated; the editor translates them), valid range, and how
 * to read and write it. Integer fields have 0 decimals.
 */
struct WtaField
{
    const char* key;     ///< JSON-like key, also the spin box's object name
    const char* label;   ///< Human label (translated in context "scnn::app::ParameterEditor")
    const char* unit;    ///< Suffix without the leading space, e.g. "images"; "" for none
    double min;
    double max;
    int decimals;
    double step;
    double (*get)(const model::SharedWtaParams&);
    void (*set)(model::SharedWtaParams&, double);
};

/// The fields of model::SharedWtaParams in declaration order.
const std::vector<WtaField>& wtaFields();

} // namespace scnn::app
