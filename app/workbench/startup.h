// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — language selection and screenshots at start-up.
#pragma once

#include <QString>

class QApplication;
class QWidget;

namespace scnn::app {

/// The language to use: `override` if given, else the one saved under View ▸
/// Language, else the system's; "en" for English (no translation).
QString chooseLanguage(const QString& override);

/// Loads and installs the workbench's and Qt's translations for chooseLanguage(`override`).
void installTranslations(QApplication& app, const QString& override);

/// Shows `window` offscreen at a fixed size, lets it settle and saves it as PNG.
bool saveScreenshot(QWidget& window, const QString& path);

} // namespace scnn::app
