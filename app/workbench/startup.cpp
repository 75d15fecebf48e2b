// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — language selection and screenshots at start-up.
#include "app/workbench/startup.h"

#include "app/workbench/mainwindow.h"
#include "app/workbench/runcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

#include <cstdio>

/// The translations are a resource of the static workbench library: make
/// sure the linker keeps them, whatever links the library (Q_INIT_RESOURCE
/// must be called outside any namespace).
static void initTranslationResource()
{
    Q_INIT_RESOURCE(scnn_workbench_translations);
}

namespace scnn::app {

QString chooseLanguage(const QString& override)
{
    QString code = override;
    if (code.isEmpty())
        code = QSettings().value(QStringLiteral("language")).toString();
    if (code.isEmpty()) {
        const QStringList ui = QLocale::system().uiLanguages();
        code = ui.isEmpty() ? QStringLiteral("en") : ui.first();
    }
    return QLocale(code).name().section(QLatin1Char('_'), 0, 0);
}

namespace {

/// The translators installed by switchLanguage(), removed by the next call.
QList<QTranslator*>& installed()
{
    static QList<QTranslator*> list;
    return list;
}

} // namespace

void switchLanguage(const QString& override)
{
    initTranslationResource();
    const QString code = chooseLanguage(override);
    const QLocale locale(code);
    QLocale::setDefault(override.isEmpty() ? QLocale::system() : locale);
    for (QTranslator* t : installed()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    if (code == QLatin1String("en") || code == QLatin1String("C")) {
        // Nothing to install: still tell the windows that the language changed
        // (the application posts the event to each of them, as installTranslator() does).
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return;
    }
    auto* ours = new QTranslator(qApp);
    if (ours->load(locale, QStringLiteral("scnn"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        installed() << ours;
    } else {
        delete ours;
    }
    auto* qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }
}

void installTranslations(QApplication& app, const QString& override)
{
    Q_UNUSED(app);
    switchLanguage(override);
}

bool saveScreenshot(MainWindow& window, const QString& path, int duringRunPercent)
{
    if (window.isPresenting())
        window.setGeometry(0, 0, 1400, 900); // the offscreen "screen" has no real size
    else
        window.resize(1400, 900);
    window.show();
    // Let layouts and the first paints finish, and the preview reader (at most 20 s).
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500 || (window.isLoading() && settle.elapsed() < 20000))
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    if (duringRunPercent >= 0) {
        // Run all, and shoot when the first phase is that far (or when the run ends).
        RunController* run = window.runController();
        bool due = false;
        bool firstPhase = true;
        QObject::connect(run, &RunController::phaseStarted, &window,
                         [&](const PhaseId&, int step, int) { firstPhase = step == 1; });
        QObject::connect(run, &RunController::progressChanged, &window,
                         [&](qint64 done, qint64 total, double, double, const QString&) {
                             if (firstPhase && total > 0 && done * 100 >= qint64(duringRunPercent) * total)
                                 due = true;
                         });
        if (!run->start({PhaseId::Kind::RunAll})) {
            std::fprintf(stderr, "scnn-workbench: the run cannot start: %s\n",
                         qPrintable(window.runBlockedReason()));
            return false;
        }
        QElapsedTimer running;
        running.start();
        while (!due && run->isRunning() && running.elapsed() < 600000)
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        // The snapshots that arrived are drawn before the grab.
        QElapsedTimer draw;
        draw.start();
        while (draw.elapsed() < 40)
            QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    QApplication::processEvents();
    const QPixmap shot = window.grab();
    if (duringRunPercent >= 0)
        window.runController()->abandon();
    if (!shot.save(path, "PNG")) {
        std::fprintf(stderr, "scnn-workbench: could not write the screenshot %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace scnn::app
