// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of the shared PNG/SVG/PDF export.
#include "viewtestsupport.h"

#include "views/plotexport.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

using namespace scnn::views;

class TestPlotExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatFromExtension_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format");
        QTest::newRow("png") << QStringLiteral("a/b.png") << int(PlotExport::Format::Png);
        QTest::newRow("PNG upper") << QStringLiteral("B.PNG") << int(PlotExport::Format::Png);
        QTest::newRow("svg") << QStringLiteral("x.svg") << int(PlotExport::Format::Svg);
        QTest::newRow("pdf") << QStringLiteral("x.pdf") << int(PlotExport::Format::Pdf);
        QTest::newRow("jpg") << QStringLiteral("x.jpg") << int(PlotExport::Format::Unknown);
        QTest::newRow("none") << QStringLiteral("x") << int(PlotExport::Format::Unknown);
    }
    void formatFromExtension()
    {
        QFETCH(QString, path);
        QFETCH(int, format);
        QCOMPARE(int(PlotExport::formatForPath(path)), format);
    }

    void writesEveryFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << QStringLiteral("out.png") << QByteArray("\x89PNG\r\n\x1a\n");
        QTest::newRow("svg") << QStringLiteral("out.svg") << QByteArray("<?xml");
        QTest::newRow("pdf") << QStringLiteral("out.pdf") << QByteArray("%PDF-");
    }
    void writesEveryFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        int calls = 0;
        QString error;
        const bool ok = PlotExport::write(
            path, QSize(200, 100),
            [&calls](QPaintDevice* device, PlotExport::Format) {
                ++calls;
                QPainter painter(device);
                painter.fillRect(QRect(10, 10, 80, 40), Qt::red);
                painter.drawText(QPoint(20, 80), QStringLiteral("export"));
            },
            &error);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(calls, 1);
        QCOMPARE(scnn::test::fileHead(path, magic.size()), magic);
        QVERIFY(QFileInfo(path).size() > 200);
    }

    void pngHasTheRequestedScaleAndContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scaled.png"));
        QVERIFY(PlotExport::write(
            path, QSize(100, 50),
            [](QPaintDevice* device, PlotExport::Format) {
                QPainter painter(device);
                painter.fillRect(QRect(0, 0, 50, 50), Qt::blue); // logical pixels
            },
            nullptr, 2.0));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(200, 100));
        QCOMPARE(image.pixelColor(10, 10), QColor(Qt::blue));
        QCOMPARE(image.pixelColor(150, 50), QColor(Qt::white));
    }

    void rejectsBadTargets()
    {
        QTemporaryDir dir;
        const auto paint = [](QPaintDevice*, PlotExport::Format) {};
        QString error;
        QVERIFY(!PlotExport::write(dir.filePath(QStringLiteral("a.bmp")), QSize(10, 10), paint, &error));
        QVERIFY2(error.contains(QLatin1String(".bmp")) || error.contains(QLatin1String("bmp")), qPrintable(error));
        QVERIFY(!PlotExport::write(dir.filePath(QStringLiteral("missing/a.png")), QSize(10, 10), paint, &error));
        QVERIFY2(error.contains(QLatin1String("missing")), qPrintable(error));
        QVERIFY(!PlotExport::write(dir.filePath(QStringLiteral("empty.png")), QSize(0, 10), paint, &error));
        QVERIFY2(error.contains(QLatin1String("no size")), qPrintable(error));
    }
};

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
