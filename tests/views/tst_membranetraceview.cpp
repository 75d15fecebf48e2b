// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of MembraneTraceView: traces, threshold line, legend, live samples.
#include "viewtestsupport.h"

#include "views/membranetraceview.h"

#include <qcustomplot.h>

using namespace scnn::views;
using scnn::test::countPixels;

class TestMembraneTraceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsTracesThresholdAndLegend()
    {
        MembraneTraceView view;
        std::vector<double> t;
        for (int i = 0; i <= 100; ++i)
            t.push_back(i);
        std::vector<float> v(t.size() * 2);
        for (std::size_t i = 0; i < t.size(); ++i) {
            v[i] = -65.0f;                  // neuron 7: flat at −65 mV
            v[t.size() + i] = -60.0f;       // neuron 9: flat at −60 mV
        }
        const std::vector<std::int32_t> ids{7, 9};
        view.setThreshold(-50.0);
        view.setTraces(t, v, ids);
        QCOMPARE(view.traceCount(), 2);
        scnn::test::showAndSettle(&view);

        auto* plot = view.findChild<QCustomPlot*>();
        QCOMPARE(plot->legend->itemCount(), 2);
        auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(0));
        QVERIFY(item);
        QCOMPARE(item->plottable()->name(), QStringLiteral("neuron 7"));
        // The y range shows both traces and the threshold.
        QVERIFY(plot->yAxis->range().contains(-65) && plot->yAxis->range().contains(-50));

        const QImage image = scnn::test::grabImage(&view);
        const auto rowAt = [&](double mv) { return int(std::lround(plot->yAxis->coordToPixel(mv))) + plot->y(); };
        const QRect area = plot->axisRect()->rect().translated(plot->pos());
        const auto band = [&](double mv) { return QRect(area.left() + 40, rowAt(mv) - 1, area.width() - 80, 3); };
        const auto isDark = [](QColor c) { return c.red() < 120 && c.green() < 120 && c.blue() < 120; };
        // Dashed threshold: dark pixels along part (not all) of its row.
        const int dark = countPixels(image, band(-50), isDark);
        QVERIFY2(dark > area.width() / 5, qPrintable(QString::number(dark)));
        const QColor first = image.pixelColor(area.center().x(), rowAt(-65));
        const QColor second = image.pixelColor(area.center().x(), rowAt(-60));
        QVERIFY(!scnn::test::isWhite(first) && !scnn::test::isWhite(second));
        QVERIFY(first != second); // one colour per neuron
        // Nothing but light grid lines between the traces.
        QCOMPARE(countPixels(image, band(-62.7), [](QColor c) { return c.lightness() < 180; }), 0);
    }

    void appendSamplesExtendsTraces()
    {
        MembraneTraceView view;
        const std::vector<double> t{0, 1, 2};
        const std::vector<float> v{-65, -64, -63};
        const std::vector<std::int32_t> ids{3};
        view.setTraces(t, v, ids, {QStringLiteral("kernel 1")});
        const std::vector<double> t2{3, 4};
        const std::vector<float> v2{-62, -61};
        view.appendSamples(t2, v2);
        auto* plot = view.findChild<QCustomPlot*>();
        QCOMPARE(plot->graph(0)->dataCount(), 5);
        QCOMPARE(plot->graph(0)->name(), QStringLiteral("kernel 1"));
        QCOMPARE(plot->xAxis->range().upper, 4.0);

        view.setSlidingWindow(2);
        QCOMPARE(plot->xAxis->range().lower, 2.0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("need 2 values, got 3")));
        const std::vector<float> wrong{1, 2, 3};
        view.appendSamples(t2, wrong);
        QCOMPARE(plot->graph(0)->dataCount(), 5);
    }
};

QTEST_MAIN(TestMembraneTraceView)
#include "tst_membranetraceview.moc"
