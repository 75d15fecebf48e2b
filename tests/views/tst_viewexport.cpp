// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — every plot view exports valid PNG, SVG and PDF files with its content.
#include "viewtestsupport.h"

#include "views/accuracychartview.h"
#include "views/activityview.h"
#include "views/confusionmatrixview.h"
#include "views/imagegridview.h"
#include "views/kernelgridview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <memory>

using namespace scnn::views;

namespace {

std::unique_ptr<PlotView> makeView(const QString& kind)
{
    if (kind == QLatin1String("kernels")) {
        auto v = std::make_unique<KernelGridView>();
        std::vector<float> w(4 * 16);
        for (std::size_t i = 0; i < w.size(); ++i)
            w[i] = float(i % 16) / 15.0f;
        v->setKernels({4, 4, 1}, w, 4);
        return v;
    }
    if (kind == QLatin1String("raster")) {
        auto v = std::make_unique<SpikeRasterView>();
        const std::vector<double> t{10, 20, 30, 40};
        const std::vector<std::int32_t> id{0, 1, 2, 3};
        v->setSpikes(t, id, SpikeRasterView::Group::Pre);
        v->setSpikes(t, id, SpikeRasterView::Group::Post);
        return v;
    }
    if (kind == QLatin1String("membrane")) {
        auto v = std::make_unique<MembraneTraceView>();
        const std::vector<double> t{0, 1, 2, 3};
        const std::vector<float> mv{-65, -60, -55, -70};
        const std::vector<std::int32_t> id{0};
        v->setThreshold(-50);
        v->setTraces(t, mv, id);
        return v;
    }
    if (kind == QLatin1String("activity")) {
        auto v = std::make_unique<ActivityView>();
        std::vector<float> c(2 * 2 * 3);
        for (std::size_t i = 0; i < c.size(); ++i)
            c[i] = float(i);
        v->setActivity({2, 2, 3}, c);
        return v;
    }
    if (kind == QLatin1String("confusion")) {
        auto v = std::make_unique<ConfusionMatrixView>();
        const std::vector<std::int32_t> c{5, 1, 2, 7};
        v->setMatrix(c, 2);
        return v;
    }
    if (kind == QLatin1String("accuracy")) {
        auto v = std::make_unique<AccuracyChartView>();
        const std::vector<AccuracyRecord> r{{1, {}, 60, {}}, {2, {}, 70, {}}};
        v->setRecords(r);
        return v;
    }
    auto v = std::make_unique<ImageGridView>();
    const std::vector<std::uint8_t> p{0, 255, 255, 0};
    v->setImages({2, 2, 1}, p, 1, {QStringLiteral("x")});
    return v;
}

} // namespace

class TestViewExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportsEveryFormat_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QByteArray>("magic");
        for (const char* kind : {"kernels", "raster", "membrane", "activity", "confusion", "accuracy", "images"}) {
            QTest::addRow("%s png", kind) << QString::fromLatin1(kind) << QStringLiteral("png") << QByteArray("\x89PNG\r\n\x1a\n");
            QTest::addRow("%s svg", kind) << QString::fromLatin1(kind) << QStringLiteral("svg") << QByteArray("<?xml");
            QTest::addRow("%s pdf", kind) << QString::fromLatin1(kind) << QStringLiteral("pdf") << QByteArray("%PDF-");
        }
    }
    void exportsEveryFormat()
    {
        QFETCH(QString, kind);
        QFETCH(QString, extension);
        QFETCH(QByteArray, magic);
        const auto view = makeView(kind);
        scnn::test::showAndSettle(view.get(), QSize(400, 300));
        QTemporaryDir dir;
        const QString path = dir.filePath(kind + QLatin1Char('.') + extension);
        QString error;
        QVERIFY2(view->exportTo(path, &error), qPrintable(error));
        QCOMPARE(scnn::test::fileHead(path, magic.size()), magic);
        QVERIFY(QFileInfo(path).size() > 1000);
        if (extension == QLatin1String("png")) {
            const QImage image(path);
            QCOMPARE(image.size(), QSize(800, 600)); // 2× the widget
            // Not blank: a good share of the pixels is not white.
            const int coloured = scnn::test::countPixels(image.convertToFormat(QImage::Format_RGB32), image.rect(),
                                                         scnn::test::isNotWhite);
            QVERIFY2(coloured > 2000, qPrintable(QString::number(coloured)));
        }
        if (extension == QLatin1String("svg")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            QVERIFY(svg.contains("<svg"));
            QVERIFY(svg.contains("</svg>"));
            // It is a drawing Qt can read back and render with content.
            QSvgRenderer renderer(path);
            QVERIFY(renderer.isValid());
            QImage back(400, 300, QImage::Format_RGB32);
            back.fill(Qt::white);
            QPainter painter(&back);
            renderer.render(&painter);
            painter.end();
            QVERIFY(scnn::test::countPixels(back, back.rect(), scnn::test::isNotWhite) > 1000);
        }
    }

    void unknownExtensionIsAnError()
    {
        const auto view = makeView(QStringLiteral("kernels"));
        QTemporaryDir dir;
        QString error;
        QVERIFY(!view->exportTo(dir.filePath(QStringLiteral("k.gif")), &error));
        QVERIFY(error.contains(QLatin1String("gif")));
    }
};

QTEST_MAIN(TestViewExport)
#include "tst_viewexport.moc"
