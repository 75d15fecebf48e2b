// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — language selection and screenshots at start-up.
#include "app/workbench/startup.h"

#include "app/workbench/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

#include <cstdio>

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

void installTranslations(QApplication& app, const QString& override)
{
    const QString code = chooseLanguage(override);
    const QLocale locale(code);
    if (!override.isEmpty())
        QLocale::setDefault(locale);
    if (code == QLatin1String("en") || code == QLatin1String("C"))
        return;
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("scnn"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

bool saveScreenshot(MainWindow& window, const QString& path)
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
    QApplication::processEvents();
    const QPixmap shot = window.grab();
    if (!shot.save(path, "PNG")) {
        std::fprintf(stderr, "scnn-workbench: could not write the screenshot %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace scnn::app
