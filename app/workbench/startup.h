// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — language selection and screenshots at start-up.
#pragma once

#include <QString>

class QApplication;

namespace scnn::app {

class MainWindow;

/// The language to use: `override` if given, else the one saved under View ▸
/// Language, else the system's; "en" for English (no translation).
QString chooseLanguage(const QString& override);

/// Loads and installs the workbench's and Qt's translations for chooseLanguage(`override`).
void installTranslations(QApplication& app, const QString& override);

/// Replaces the translations installed so far by those of chooseLanguage(`code`)
/// ("" follows the saved or system language); every widget receives a
/// QEvent::LanguageChange and retranslates itself.
void switchLanguage(const QString& code);

/// Shows `window` at a fixed size, waits until it has read what it shows, and saves it as PNG.
/// With `duringRunPercent` ≥ 0 it first starts Run all and shoots when the first
/// phase is that many percent done (or when the run ends), then abandons the run.
bool saveScreenshot(MainWindow& window, const QString& path, int duringRunPercent = -1);

} // namespace scnn::app
