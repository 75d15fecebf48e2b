// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — saving a view as PNG, SVG or PDF.
#pragma once

#include <QString>

class QWidget;

namespace scnn::app {

/// Renders `widget` to `path`; the suffix (.png, .svg, .pdf) picks the format.
/// Returns false with a message in `error` when the file cannot be written.
bool exportWidget(QWidget* widget, const QString& path, QString* error);

} // namespace scnn::app
