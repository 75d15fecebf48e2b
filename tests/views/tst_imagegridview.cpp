// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of ImageGridView: pixels, channels, highlight, bad input.
#include "viewtestsupport.h"

#include "views/imagegridview.h"

using namespace scnn::views;

class TestImageGridView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsImagesWithLabels()
    {
        ImageGridView view;
        // Two 4×4 grey images: left half white / right half black, and its mirror.
        std::vector<std::uint8_t> pixels;
        for (int i = 0; i < 2; ++i)
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x)
                    pixels.push_back(((x < 2) != (i == 1)) ? 255 : 0);
        view.setImages({4, 4, 1}, pixels, 2, {QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(view.imageCount(), 2);
        scnn::test::showAndSettle(&view, QSize(300, 200));
        const QImage image = scnn::test::grabImage(&view);
        const QRect a = view.imageRect(0);
        const QRect b = view.imageRect(1);
        QVERIFY(a.width() >= 40 && b.left() > a.right());
        QCOMPARE(a.size(), b.size());
        const auto at = [&](const QRect& r, double fx) { return image.pixelColor(r.left() + int(fx * r.width()), r.center().y()); };
        QCOMPARE(at(a, 0.2), QColor(Qt::white));
        QCOMPARE(at(a, 0.8), QColor(Qt::black));
        QCOMPARE(at(b, 0.2), QColor(Qt::black));
        QCOMPARE(at(b, 0.8), QColor(Qt::white));
        // The label is drawn under the image.
        const QRect labelArea(a.left(), a.bottom() + 2, a.width(), 20);
        QVERIFY(scnn::test::countPixels(image, labelArea, [](QColor c) { return c.lightness() < 128; }) > 0);
    }

    void rgbAndFloatImages()
    {
        ImageGridView view;
        const std::vector<float> rgb{1.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f}; // 1×2×3: red, blue
        view.setImages({1, 2, 3}, rgb, 1);
        scnn::test::showAndSettle(&view, QSize(200, 120));
        const QImage image = scnn::test::grabImage(&view);
        const QRect r = view.imageRect(0);
        QCOMPARE(image.pixelColor(r.left() + r.width() / 4, r.center().y()), QColor(Qt::red));
        QCOMPARE(image.pixelColor(r.left() + 3 * r.width() / 4, r.center().y()), QColor(Qt::blue));
    }

    void highlightAndBadInput()
    {
        ImageGridView view;
        const std::vector<std::uint8_t> pixels(3 * 16, 0);
        view.setImages({4, 4, 1}, pixels, 3);
        view.setHighlighted(1);
        QCOMPARE(view.highlighted(), 1);
        scnn::test::showAndSettle(&view, QSize(300, 120));
        const QImage image = scnn::test::grabImage(&view);
        const QColor frame = view.palette().color(QPalette::Highlight);
        const QRect around = view.imageRect(1).adjusted(-4, -4, 4, 4);
        QVERIFY(scnn::test::countPixels(image, around, [&](QColor c) { return c == frame; }) > 20);
        QVERIFY(scnn::test::countPixels(image, view.imageRect(0).adjusted(-4, -4, 4, 4),
                                        [&](QColor c) { return c == frame; }) == 0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("need 32 values, got 48")));
        view.setImages({4, 4, 1}, pixels, 2);
        QCOMPARE(view.imageCount(), 3);
    }
};

QTEST_MAIN(TestImageGridView)
#include "tst_imagegridview.moc"
