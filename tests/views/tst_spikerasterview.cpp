// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of SpikeRasterView: colours and positions, zoom, live blocks, a million spikes.
#include "viewtestsupport.h"

#include "viewsamples.h"

#include "views/spikerasterview.h"

#include <qcustomplot.h>

#include <QElapsedTimer>

using namespace scnn::views;
using scnn::test::countPixels;

namespace {

/// Pixel rectangle of a (time, neuron) region in the widget.
QRect regionRect(SpikeRasterView& view, double t0, double t1, double n0, double n1)
{
    auto* plot = view.findChild<QCustomPlot*>();
    const QPointF a(plot->xAxis->coordToPixel(t0), plot->yAxis->coordToPixel(n0));
    const QPointF b(plot->xAxis->coordToPixel(t1), plot->yAxis->coordToPixel(n1));
    return QRectF(a, b).normalized().toAlignedRect().translated(plot->pos());
}

} // namespace

class TestSpikeRasterView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spikesLandInTheRightPlaceAndColour()
    {
        SpikeRasterView view;
        view.setNeuronCounts(10, 10); // post neurons drawn at 10…19
        std::vector<double> t;
        std::vector<std::int32_t> id;
        for (int n = 0; n < 10; ++n)
            for (int k = 0; k < 5; ++k) {
                t.push_back(10.0 + 6.0 * k + 0.3 * n); // pre: 10…40 ms
                id.push_back(n);
            }
        view.setSpikes(t, id, SpikeRasterView::Group::Pre);
        for (double& time : t)
            time += 50.0; // post: 60…90 ms
        view.setSpikes(t, id, SpikeRasterView::Group::Post);
        QCOMPARE(view.spikeCount(SpikeRasterView::Group::Pre), std::size_t(50));
        scnn::test::showAndSettle(&view);
        const QImage image = scnn::test::grabImage(&view);

        const QRect preArea = regionRect(view, 5, 45, -0.5, 9.5);
        const QRect postArea = regionRect(view, 55, 95, 9.5, 19.5);
        const QRect preTimePostRows = regionRect(view, 5, 45, 9.5, 19.5);
        const QRect postTimePreRows = regionRect(view, 55, 95, -0.5, 9.5);
        QVERIFY(countPixels(image, preArea, scnn::test::isBlue) > 50);
        QCOMPARE(countPixels(image, preArea, scnn::test::isRed), 0);
        QVERIFY(countPixels(image, postArea, scnn::test::isRed) > 50);
        QCOMPARE(countPixels(image, postArea, scnn::test::isBlue), 0);
        QCOMPARE(countPixels(image, preTimePostRows, scnn::test::isRed) + countPixels(image, preTimePostRows, scnn::test::isBlue), 0);
        QCOMPARE(countPixels(image, postTimePreRows, scnn::test::isRed) + countPixels(image, postTimePreRows, scnn::test::isBlue), 0);
    }

    void zoomAndReset()
    {
        SpikeRasterView view;
        const std::vector<double> t{10, 500, 990};
        const std::vector<std::int32_t> id{0, 1, 2};
        view.setSpikes(t, id, SpikeRasterView::Group::Pre);
        scnn::test::showAndSettle(&view);
        auto [t0, t1] = view.timeRange();
        QVERIFY(t0 <= 10 && t1 >= 990);

        view.setTimeRange(400, 600);
        QCOMPARE(view.timeRange(), std::make_pair(400.0, 600.0));
        QImage image = scnn::test::grabImage(&view);
        auto* plot = view.findChild<QCustomPlot*>();
        const QRect axisRect = plot->axisRect()->rect().translated(plot->pos());
        QVERIFY(countPixels(image, axisRect, scnn::test::isBlue) > 0); // the spike at 500 ms
        view.setTimeRange(600, 800);
        image = scnn::test::grabImage(&view);
        QCOMPARE(countPixels(image, axisRect, scnn::test::isBlue), 0);

        // New data does not move a zoomed view; reset shows everything again.
        const std::vector<double> later{2000};
        const std::vector<std::int32_t> laterId{3};
        view.appendSpikes(later, laterId, SpikeRasterView::Group::Pre);
        QCOMPARE(view.timeRange(), std::make_pair(600.0, 800.0));
        view.resetView();
        std::tie(t0, t1) = view.timeRange();
        QVERIFY(t0 <= 10 && t1 >= 2000);
        const auto [n0, n1] = view.neuronRange();
        QVERIFY(n0 <= 0 && n1 >= 3);
    }

    void wheelZoomsTime()
    {
        SpikeRasterView view;
        const std::vector<double> t{0, 1000};
        const std::vector<std::int32_t> id{0, 5};
        view.setSpikes(t, id, SpikeRasterView::Group::Pre);
        scnn::test::showAndSettle(&view);
        auto* plot = view.findChild<QCustomPlot*>();
        const auto before = view.timeRange();
        const auto neuronsBefore = view.neuronRange();
        const QPoint centre = plot->axisRect()->rect().center();
        QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot, &wheel);
        const auto after = view.timeRange();
        QVERIFY(after.second - after.first < before.second - before.first);
        QCOMPARE(view.neuronRange(), neuronsBefore); // plain wheel zooms time only
    }

    void slidingWindowFollowsLiveBlocks()
    {
        SpikeRasterView view;
        view.setSlidingWindow(100);
        scnn::test::showAndSettle(&view);
        for (int block = 0; block < 10; ++block) {
            std::vector<double> t;
            std::vector<std::int32_t> id;
            for (int i = 0; i < 20; ++i) {
                t.push_back(block * 50.0 + i * 2.5);
                id.push_back(i % 4);
            }
            view.appendSpikes(t, id, SpikeRasterView::Group::Post);
        }
        QCOMPARE(view.spikeCount(SpikeRasterView::Group::Post), std::size_t(200));
        const auto [t0, t1] = view.timeRange();
        QVERIFY(std::abs(t1 - 497.5) < 5.0);
        QVERIFY(std::abs((t1 - t0) - 100.0) < 5.0);
    }

    void outOfOrderBlocksAreSorted()
    {
        SpikeRasterView view;
        const std::vector<double> late{300, 200};
        const std::vector<double> early{100};
        const std::vector<std::int32_t> ids{0, 1};
        const std::vector<std::int32_t> id0{2};
        view.appendSpikes(late, ids, SpikeRasterView::Group::Pre);
        view.appendSpikes(early, id0, SpikeRasterView::Group::Pre);
        scnn::test::showAndSettle(&view);
        view.setTimeRange(50, 150); // only the 100 ms spike
        const QImage image = scnn::test::grabImage(&view);
        const QRect r = regionRect(view, 50, 150, 1.5, 2.5);
        QVERIFY(countPixels(image, r, scnn::test::isBlue) > 0);
    }

    void rejectsMismatchedBlocks()
    {
        SpikeRasterView view;
        const std::vector<double> t{1, 2, 3};
        const std::vector<std::int32_t> id{0, 1};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("3 spike times but 2 neuron ids")));
        view.appendSpikes(t, id, SpikeRasterView::Group::Pre);
        QCOMPARE(view.spikeCount(SpikeRasterView::Group::Pre), std::size_t(0));
        const std::vector<double> bad{1, std::nan(""), 3};
        const std::vector<std::int32_t> id3{0, 1, 2};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not finite")));
        view.setSpikes(bad, id3, SpikeRasterView::Group::Pre);
        QCOMPARE(view.spikeCount(SpikeRasterView::Group::Pre), std::size_t(0));
    }

    void aMillionSpikes()
    {
        SpikeRasterView view;
        std::vector<double> t;
        std::vector<std::int32_t> id;
        scnn::views::samples::poissonSpikes(1000, 10000, 100, 5, t, id);
        QVERIFY(t.size() > 900000);
        scnn::test::showAndSettle(&view, QSize(1000, 600));
        QElapsedTimer timer;
        timer.start();
        view.setSpikes(t, id, SpikeRasterView::Group::Pre);
        const QImage image = view.toImage();
        const qint64 ms = timer.elapsed();
        qDebug("setSpikes + draw of %zu spikes: %lld ms", t.size(), static_cast<long long>(ms));
        QCOMPARE(view.spikeCount(SpikeRasterView::Group::Pre), t.size());
        QVERIFY(countPixels(image, QRect(QPoint(0, 0), image.size() / 2).translated(image.width() / 4, image.height() / 4),
                            scnn::test::isBlue) > 1000);
    }
};

QTEST_MAIN(TestSpikeRasterView)
#include "tst_spikerasterview.moc"
