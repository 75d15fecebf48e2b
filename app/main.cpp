// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the GUI entry point.
#include "app/workbench/mainwindow.h"
#include "app/workbench/presets.h"
#include "app/workbench/startup.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char** argv)
{
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
    const QStringList args = parser.positionalArguments();
    const bool shooting = parser.isSet(screenshot);
    if (!args.isEmpty() && !window.openExperiment(args.first(), !shooting) && shooting)
        return 1;
    for (const QString& name : parser.value(raise).split(QLatin1Char(','), Qt::SkipEmptyParts))
        window.raisePanel(name.trimmed());
    if (parser.isSet(presentation))
        window.setPresentationMode(true);
    if (shooting)
        return scnn::app::saveScreenshot(window, parser.value(screenshot), duringRunPercent) ? 0 : 1;
    window.show();
    return app.exec();
}
