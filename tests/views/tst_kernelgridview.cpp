// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of KernelGridView: gradients, change scale, scaling, replicas, cheap updates.
#include "viewtestsupport.h"

#include "views/kernelgridview.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

using namespace scnn::views;
using scnn::test::countPixels;

namespace {

/// Colour at the centre of value column `col` of a 1-row kernel drawn in `rect`.
QColor cellColor(const QImage& image, const QRect& rect, int col, int cols)
{
    const double w = double(rect.width()) / cols;
    return image.pixelColor(int(rect.left() + (col + 0.5) * w), rect.center().y());
}

double luminance(QColor c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

} // namespace

class TestKernelGridView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradientKernelRendersAGradient()
    {
        KernelGridView view;
        const std::vector<float> w{0.0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f}; // one 1×8 kernel
        view.setKernels({1, 8, 1}, w, 1);
        scnn::test::showAndSettle(&view);
        const QRect rect = view.kernelRect(0, 0);
        QVERIFY(rect.width() > 80);
        const QImage image = scnn::test::grabImage(&view);
        double previous = -1;
        for (int col = 0; col < 8; ++col) {
            const double l = luminance(cellColor(image, rect, col, 8));
            QVERIFY2(l > previous + 0.02, qPrintable(QStringLiteral("column %1: luminance %2 after %3")
                                                          .arg(col).arg(l).arg(previous)));
            previous = l;
        }
        QCOMPARE(view.colorRange().first, 0.0);
        QCOMPARE(view.colorRange().second, double(0.7f));
    }

    void changeModeMapsZeroToWhite()
    {
        KernelGridView view;
        const std::vector<float> before{0.5f, 0.5f, 0.5f};
        const std::vector<float> after{0.2f, 0.5f, 0.8f}; // change −0.3, 0, +0.3
        view.setKernelChange({1, 3, 1}, before, after, 1);
        QCOMPARE(view.mode(), KernelGridView::Mode::Change);
        scnn::test::showAndSettle(&view);
        const QImage image = scnn::test::grabImage(&view);
        const QRect rect = view.kernelRect(0, 0);
        QVERIFY(!rect.isEmpty());
        QVERIFY(scnn::test::isBlue(cellColor(image, rect, 0, 3)));
        QVERIFY(scnn::test::isWhite(cellColor(image, rect, 1, 3)));
        QVERIFY(scnn::test::isRed(cellColor(image, rect, 2, 3)));
        // The scale is symmetric around 0.
        QCOMPARE(view.colorRange().first, -view.colorRange().second);
        QVERIFY(std::abs(view.colorRange().second - 0.3) < 1e-6);
    }

    void perKernelScalingNormalisesEachKernel()
    {
        KernelGridView view;
        // Kernel 1 spans 0…0.1, kernel 2 spans 0…1, same pattern.
        const std::vector<float> w{0.0f, 0.05f, 0.1f, 0.0f, 0.5f, 1.0f};
        view.setKernels({1, 3, 1}, w, 2);
        view.setColumns(1);
        scnn::test::showAndSettle(&view);
        QImage image = scnn::test::grabImage(&view);
        const QRect a = view.kernelRect(0, 0);
        const QRect b = view.kernelRect(0, 1);
        QVERIFY(cellColor(image, a, 2, 3) != cellColor(image, b, 2, 3)); // shared: 0.1 ≠ 1.0

        view.setScaling(KernelGridView::Scaling::PerKernel);
        image = scnn::test::grabImage(&view);
        for (int col = 0; col < 3; ++col)
            QCOMPARE(cellColor(image, view.kernelRect(0, 0), col, 3), cellColor(image, view.kernelRect(0, 1), col, 3));
        auto* plot = view.findChild<QCustomPlot*>();
        auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->element(0, 1));
        QVERIFY(scale);
        QVERIFY(scale->axis()->tickVectorLabels().contains(QStringLiteral("max")));
    }

    void channelModes()
    {
        KernelGridView view;
        // One 1×2 kernel with 2 channels: channel 1 = {0, 1}, channel 2 = {1, 0}.
        const std::vector<float> w{0.0f, 1.0f, 1.0f, 0.0f};
        view.setKernels({1, 2, 2}, w, 1);
        scnn::test::showAndSettle(&view);
        QImage image = scnn::test::grabImage(&view);
        const QColor low = cellColor(image, view.kernelRect(0, 0), 0, 2);
        const QColor high = cellColor(image, view.kernelRect(0, 0), 1, 2);
        QVERIFY(luminance(low) < luminance(high));

        view.setChannel(1);
        image = scnn::test::grabImage(&view);
        QCOMPARE(cellColor(image, view.kernelRect(0, 0), 0, 2), high);
        QCOMPARE(cellColor(image, view.kernelRect(0, 0), 1, 2), low);

        view.setChannelMode(KernelGridView::ChannelMode::Average); // both 0.5: equal colours
        image = scnn::test::grabImage(&view);
        QCOMPARE(cellColor(image, view.kernelRect(0, 0), 0, 2), cellColor(image, view.kernelRect(0, 0), 1, 2));

        view.setChannelMode(KernelGridView::ChannelMode::Tiles); // 2 + gap + 2 columns
        image = scnn::test::grabImage(&view);
        const QRect tiles = view.kernelRect(0, 0);
        QCOMPARE(cellColor(image, tiles, 0, 5), low);
        QCOMPARE(cellColor(image, tiles, 1, 5), high);
        QVERIFY(scnn::test::isWhite(cellColor(image, tiles, 2, 5))); // the gap is transparent
        QCOMPARE(cellColor(image, tiles, 3, 5), high);
        QCOMPARE(cellColor(image, tiles, 4, 5), low);
    }

    void replicasSideBySide()
    {
        KernelGridView view;
        view.setReplicaCount(2);
        view.setReplicaLabels({QStringLiteral("A"), QStringLiteral("B")});
        const std::vector<float> w(4 * 16, 0.5f);
        view.setKernels({4, 4, 1}, w, 4, 0);
        view.setKernels({4, 4, 1}, w, 4, 1);
        scnn::test::showAndSettle(&view);
        const QRect a = view.kernelRect(0, 0);
        const QRect b = view.kernelRect(1, 0);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(b.left() > a.right());
        QVERIFY(std::abs(a.top() - b.top()) <= 1);
        QCOMPARE(view.replicaCount(), 2);
    }

    void updatesReuseTheColourMaps()
    {
        KernelGridView view;
        std::vector<float> w(8 * 25, 0.1f);
        view.setKernels({5, 5, 1}, w, 8);
        scnn::test::showAndSettle(&view);
        auto* plot = view.findChild<QCustomPlot*>();
        const int plottables = plot->plottableCount();
        QCPAbstractPlottable* first = plot->plottable(0);
        for (int i = 0; i < 50; ++i) {
            w[std::size_t(i)] = 0.9f;
            view.setKernels({5, 5, 1}, w, 8);
        }
        QApplication::processEvents();
        QCOMPARE(plot->plottableCount(), plottables);
        QCOMPARE(plot->plottable(0), first);
        QCOMPARE(view.colorRange().second, double(0.9f));
    }

    void rejectsWrongSizes()
    {
        KernelGridView view;
        const std::vector<float> w(10, 0.0f);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("need 32 weights, got 10")));
        view.setKernels({4, 4, 1}, w, 2);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid kernel shape")));
        view.setKernels({0, 4, 1}, w, 2);
        scnn::test::showAndSettle(&view); // still draws (empty)
        QVERIFY(view.kernelRect(0, 0).isEmpty());
    }

    void followsTheParentFont()
    {
        QWidget parent;
        auto* layout = new QVBoxLayout(&parent);
        auto* view = new KernelGridView;
        layout->addWidget(view);
        const std::vector<float> w(16, 0.5f);
        view->setKernels({4, 4, 1}, w, 1);
        auto* plot = view->findChild<QCustomPlot*>();
        auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->element(0, 1));
        const double before = scale->axis()->tickLabelFont().pointSizeF();
        QFont big = parent.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        parent.setFont(big);
        QVERIFY(scale->axis()->tickLabelFont().pointSizeF() > before * 1.5);
        QVERIFY(scale->axis()->labelFont().pointSizeF() > before * 1.5);
    }
};

QTEST_MAIN(TestKernelGridView)
#include "tst_kernelgridview.moc"
