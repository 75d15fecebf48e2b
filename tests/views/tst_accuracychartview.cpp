// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of AccuracyChartView: points drawn, axis kinds, fonts.
#include "viewtestsupport.h"

#include "views/accuracychartview.h"

#include <QChart>
#include <QChartView>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace scnn::views;

class TestAccuracyChartView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsRunsAsPoints()
    {
        AccuracyChartView view;
        std::vector<AccuracyRecord> runs{{1, QDateTime(QDate(2026, 1, 1), QTime(10, 0)), 50.0, {}},
                                         {2, QDateTime(QDate(2026, 1, 2), QTime(10, 0)), 75.0, {}},
                                         {3, QDateTime(QDate(2026, 1, 3), QTime(10, 0)), 90.0, {}}};
        view.setRecords(runs);
        scnn::test::showAndSettle(&view);
        const QImage image = scnn::test::grabImage(&view);
        auto* chart = view.findChild<QChartView*>()->chart();
        const QRectF area = chart->plotArea();
        const auto seriesBlue = [](QColor c) { return c.blue() > 150 && c.red() < 80; };
        // The line rises: blue pixels in the upper right, not in the lower right.
        const QRect upperRight = QRectF(area.center().x() + 20, area.top(), area.width() / 2 - 20, area.height() * 0.3).toRect();
        const QRect lowerRight = QRectF(area.center().x() + 20, area.top() + area.height() * 0.6, area.width() / 2 - 20,
                                        area.height() * 0.4).toRect();
        QVERIFY(scnn::test::countPixels(image, upperRight, seriesBlue) > 20);
        QCOMPARE(scnn::test::countPixels(image, lowerRight, seriesBlue), 0);

        view.setXAxis(AccuracyChartView::XAxis::Date);
        QCOMPARE(view.xAxis(), AccuracyChartView::XAxis::Date);
        view.appendRecord({4, QDateTime(QDate(2026, 1, 4), QTime(10, 0)), 95.0, QStringLiteral("more kernels")});
        QCOMPARE(view.records().size(), std::size_t(4));
    }

    void followsTheParentFont()
    {
        QWidget parent;
        auto* layout = new QVBoxLayout(&parent);
        auto* view = new AccuracyChartView;
        layout->addWidget(view);
        auto* chart = view->findChild<QChartView*>()->chart();
        const double before = chart->axes(Qt::Vertical).front()->labelsFont().pointSizeF();
        QFont big = parent.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        parent.setFont(big);
        QVERIFY(chart->axes(Qt::Vertical).front()->labelsFont().pointSizeF() > before * 1.5);
        QVERIFY(chart->titleFont().pointSizeF() > before * 1.5);
    }
};

QTEST_MAIN(TestAccuracyChartView)
#include "tst_accuracychartview.moc"
