// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — shared pieces of the view tests: show a widget, grab it, count coloured pixels.
#pragma once

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTest>
#include <QWidget>

#include <functional>

namespace scnn::test {

/// Shows `widget` at `size`, waits until it is exposed and lets queued replots run.
inline void showAndSettle(QWidget* widget, QSize size = {640, 420})
{
    widget->resize(size);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

/// The widget as drawn on screen, in logical pixels.
inline QImage grabImage(QWidget* widget)
{
    QApplication::processEvents();
    QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    return image.scaled(widget->size()); // no-op at device pixel ratio 1
}

/// Pixels inside `rect` of `image` for which `test` holds.
inline int countPixels(const QImage& image, QRect rect, const std::function<bool(QColor)>& test)
{
    rect &= image.rect();
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += test(image.pixelColor(x, y)) ? 1 : 0;
    return n;
}

inline bool isBlue(QColor c)
{
    return c.blue() > c.red() + 50 && c.blue() > c.green() + 30;
}

inline bool isRed(QColor c)
{
    return c.red() > c.blue() + 50 && c.red() > c.green() + 50;
}

inline bool isWhite(QColor c)
{
    return c.red() > 245 && c.green() > 245 && c.blue() > 245;
}

inline bool isNotWhite(QColor c)
{
    return !isWhite(c);
}

/// The first bytes of a file.
inline QByteArray fileHead(const QString& path, int bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(bytes);
}

} // namespace scnn::test
