// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the GUI entry point.
#include "app/workbench/mainwindow.h"
#include "app/workbench/presets.h"
#include "app/workbench/startup.h"

#include "model/experiment.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace {

/// Whether a window system is there to open windows on (or a platform was chosen).
bool haveDisplay()
{
    for (const char* var : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        if (const char* v = std::getenv(var); v && *v)
            return true;
    return false;
}

/// A usage error: the message on stderr, exit code 2 (as `scnn`).
int usageError(const QString& message)
{
    std::fprintf(stderr, "scnn-workbench: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (!haveDisplay()) {
        std::fprintf(stderr, "scnn-workbench: no display (DISPLAY and WAYLAND_DISPLAY are not set). Run it in a "
                             "desktop session, or without a window: QT_QPA_PLATFORM=offscreen scnn-workbench "
                             "--screenshot FILE, or use the scnn command line.\n");
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SpikingConvNet Workbench"));
    QApplication::setOrganizationName(QStringLiteral("SpikingConvNet"));
    QApplication::setApplicationVersion(QStringLiteral(SCNN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("scnn-workbench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scnn-workbench.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Design, train and watch spiking convolutional neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the main window to the PNG file FILE and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QApplication::translate("main", "Use language LANG (en, de, fr) instead of the saved or system one."),
        QStringLiteral("LANG"));
    const QCommandLineOption preset(
        QStringLiteral("preset"),
        QApplication::translate("main", "Start a new experiment from preset ID (seed, mnist, classroom)."),
        QStringLiteral("ID"));
    const QCommandLineOption raise(
        QStringLiteral("raise"),
        QApplication::translate("main", "Bring the panels or views NAMES (comma-separated, e.g. data,kernels) to the front."),
        QStringLiteral("NAMES"));
    const QCommandLineOption presentation(
        QStringLiteral("presentation"),
        QApplication::translate("main", "Start in presentation mode (large fonts, full screen; Space starts and stops)."));
    const QCommandLineOption duringRun(
        QStringLiteral("during-run"),
        QApplication::translate("main", "With --screenshot: start Run all and take the screenshot when the first "
                                        "phase is PERCENT % done."),
        QStringLiteral("PERCENT"));
    parser.addOption(screenshot);
    parser.addOption(duringRun);
    parser.addOption(presentation);
    parser.addOption(preset);
    parser.addOption(raise);
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("experiment"),
                                 QApplication::translate("main", "Experiment folder to open."),
                                 QStringLiteral("[EXPERIMENT]"));
    parser.process(app);

    if (parser.isSet(language)) {
        QStringList known{QStringLiteral("en")};
        for (const QString& qm : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("scnn_*.qm")}))
            known << qm.mid(5, qm.size() - 8);
        if (!known.contains(parser.value(language)))
            return usageError(QApplication::translate("main", "unknown language '%1' (%2)")
                                  .arg(parser.value(language), known.join(QStringLiteral(", "))));
    }
    QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        return usageError(QApplication::translate("main", "one experiment folder at most, not %1").arg(args.size()));
    // experiment.json itself stands for its folder (as when dropped on the window).
    if (!args.isEmpty() && QFileInfo(args.first()).isFile()
        && QFileInfo(args.first()).fileName() == QLatin1String("experiment.json"))
        args.first() = QFileInfo(args.first()).absolutePath();

    scnn::app::installTranslations(app, parser.value(language));

    int duringRunPercent = -1;
    if (parser.isSet(duringRun)) {
        bool ok = false;
        duringRunPercent = parser.value(duringRun).toInt(&ok);
        if (!ok || duringRunPercent < 0 || duringRunPercent > 100 || !parser.isSet(screenshot)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate(
                                        "main", "scnn-workbench: --during-run needs --screenshot and a percentage "
                                                "from 0 to 100, not '%1'")
                                        .arg(parser.value(duringRun))));
            return 2;
        }
    }

    if (parser.isSet(preset)) {
        QStringList known;
        for (const scnn::app::Preset& p : scnn::app::presets())
            known << p.id;
        if (!known.contains(parser.value(preset))) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QApplication::translate("main", "scnn-workbench: unknown preset '%1' (%2)")
                                        .arg(parser.value(preset), known.join(QStringLiteral(", ")))));
            return 2;
        }
    }

    scnn::app::MainWindow window;
    if (parser.isSet(preset))
        window.newFromPreset(parser.value(preset));
    const bool shooting = parser.isSet(screenshot);
    if (!args.isEmpty() && shooting) {
        // Without a window to show it in, the reason goes to stderr.
        try {
            scnn::model::loadExperiment(QDir(args.first()).absolutePath().toStdString());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "scnn-workbench: %s\n", e.what());
            return 1;
        }
    }
    if (!args.isEmpty() && !window.openExperiment(args.first(), !shooting) && shooting)
        return 1;
    for (const QString& name : parser.value(raise).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!window.raisePanel(name.trimmed()))
            return usageError(QApplication::translate("main", "--raise: no panel or view called '%1' (known: %2)")
                                  .arg(name.trimmed(), window.panelNames().join(QStringLiteral(", "))));
    if (parser.isSet(presentation))
        window.setPresentationMode(true);
    if (shooting)
        return scnn::app::saveScreenshot(window, parser.value(screenshot), duringRunPercent) ? 0 : 1;
    window.show();
    return app.exec();
}
