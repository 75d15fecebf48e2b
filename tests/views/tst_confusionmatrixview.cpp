// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of ConfusionMatrixView: rates, precision, recall, colours.
#include "viewtestsupport.h"

#include "views/confusionmatrixview.h"

#include <qcustomplot.h>

using namespace scnn::views;

class TestConfusionMatrixView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ratesAndColours()
    {
        ConfusionMatrixView view;
        // true 0: 8 right, 2 as 1; true 1: 1 as 0, 4 right; true 2: none.
        const std::vector<std::int32_t> counts{8, 2, 0, 1, 4, 0, 0, 0, 0};
        view.setMatrix(counts, 3, {QStringLiteral("zero"), QStringLiteral("one"), QStringLiteral("two")});
        QCOMPARE(view.classCount(), 3);
        QVERIFY(std::abs(view.accuracyPercent() - 80.0) < 1e-9);
        QVERIFY(std::abs(view.recall(0) - 0.8) < 1e-9);
        QVERIFY(std::abs(view.recall(1) - 0.8) < 1e-9);
        QVERIFY(std::isnan(view.recall(2)));
        QVERIFY(std::abs(view.precision(0) - 8.0 / 9.0) < 1e-9);
        QVERIFY(std::abs(view.precision(1) - 4.0 / 6.0) < 1e-9);
        QVERIFY(std::isnan(view.precision(2)));

        scnn::test::showAndSettle(&view);
        const QImage image = scnn::test::grabImage(&view);
        const auto colourAt = [&](int t, int p) {
            const QRect r = view.cellRect(t, p);
            return image.pixelColor(r.left() + 3, r.top() + 3); // a corner, away from the numbers
        };
        // Row-normalised: the diagonal (0.8) is dark blue, 0.2 light, empty cells white.
        QVERIFY(scnn::test::isBlue(colourAt(0, 0)));
        QVERIFY(colourAt(0, 0).lightness() < colourAt(0, 1).lightness());
        QVERIFY(colourAt(0, 1).lightness() < colourAt(0, 2).lightness());
        QVERIFY(scnn::test::isWhite(colourAt(2, 2)));
        QCOMPARE(colourAt(0, 0), colourAt(1, 1)); // same rate, same colour

        auto* plot = view.findChild<QCustomPlot*>();
        QVERIFY(plot->yAxis->tickVectorLabels().contains(QStringLiteral("zero")));
        QVERIFY(plot->yAxis2->tickVectorLabels().contains(QStringLiteral("80.0 %")));
        QVERIFY(plot->xAxis2->tickVectorLabels().contains(QStringLiteral("88.9 %")));
    }

    void manyClassesStayLight()
    {
        ConfusionMatrixView view;
        const int n = 60;
        std::vector<std::int32_t> counts(std::size_t(n * n), 1);
        view.setMatrix(counts, n);
        auto* plot = view.findChild<QCustomPlot*>();
        QCOMPARE(plot->itemCount(), 0); // no per-cell numbers beyond 30 classes
        scnn::test::showAndSettle(&view);
        QVERIFY(std::abs(view.accuracyPercent() - 100.0 / n) < 1e-9);
        view.setMatrix(std::vector<std::int32_t>{3, 1, 0, 4}, 2);
        QCOMPARE(plot->itemCount(), 4);
    }

    void rejectsBadMatrices()
    {
        ConfusionMatrixView view;
        const std::vector<std::int32_t> five(5, 1);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("2 classes need 2×2 counts, got 5")));
        view.setMatrix(five, 2);
        QCOMPARE(view.classCount(), 0);
        const std::vector<std::int32_t> negative{1, -1, 0, 1};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("negative")));
        view.setMatrix(negative, 2);
        QCOMPARE(view.classCount(), 0);
        QVERIFY(std::isnan(view.accuracyPercent()));
    }
};

QTEST_MAIN(TestConfusionMatrixView)
#include "tst_confusionmatrixview.moc"
