// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of ActivityView: one heatmap per map, counts in the right cells.
#include "viewtestsupport.h"

#include "views/activityview.h"

using namespace scnn::views;
using scnn::test::countPixels;

class TestActivityView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAppearInTheirMap()
    {
        ActivityView view;
        // Layer (3, 3, 4): only map 3 (index 2) spikes, at row 0, column 2.
        std::vector<std::int32_t> counts(3 * 3 * 4, 0);
        counts[std::size_t((0 * 3 + 2) * 4 + 2)] = 7;
        view.setActivity({3, 3, 4}, counts);
        QCOMPARE(view.maximum(), 7.0);
        scnn::test::showAndSettle(&view);
        const QImage image = scnn::test::grabImage(&view);
        for (int map = 0; map < 4; ++map) {
            const QRect r = view.mapRect(map).adjusted(2, 2, -2, -2);
            QVERIFY(!r.isEmpty());
            const int coloured = countPixels(image, r, scnn::test::isNotWhite);
            if (map == 2) {
                // Exactly the top-right ninth is coloured (dark red for the maximum).
                QVERIFY(coloured > r.width() * r.height() / 12);
                QVERIFY(coloured < r.width() * r.height() / 6);
                const QColor c = image.pixelColor(r.right() - r.width() / 6, r.top() + r.height() / 6);
                QVERIFY(scnn::test::isRed(c));
            } else {
                QCOMPARE(coloured, 0);
            }
        }
    }

    void rejectsWrongSizes()
    {
        ActivityView view;
        const std::vector<float> counts(5, 1.0f);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("needs 36 counts, got 5")));
        view.setActivity({3, 3, 4}, counts);
        QVERIFY(view.mapRect(0).isEmpty());
    }
};

QTEST_MAIN(TestActivityView)
#include "tst_activityview.moc"
