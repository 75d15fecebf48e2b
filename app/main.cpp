// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the GUI entry point.
#include "app/workbench/mainwindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SpikingConvNet Workbench"));
    QApplication::setOrganizationName(QStringLiteral("SpikingConvNet"));
    scnn::app::MainWindow window;
    window.show();
    return app.exec();
}
