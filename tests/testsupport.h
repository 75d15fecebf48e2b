// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — shared helpers for the Qt Test suites.
#pragma once

#include "model/network.h"

#include <QDir>
#include <QString>
#include <QTest>

#include <cmath>
#include <string>

namespace QTest {

/// Lets QCOMPARE print shapes.
template<>
inline char* toString(const scnn::model::Shape& s)
{
    return QTest::toString(QString::fromStdString(scnn::model::formatShape(s)));
}

} // namespace QTest

namespace scnn::test {

/// The shared data folder (mnist/, oracle/); tests QSKIP when it is absent.
inline std::string sharedDir(const char* sub)
{
    return std::string(SCNN_SHARED_DIR) + "/" + sub;
}

inline bool sharedExists(const char* sub)
{
    return QDir(QString::fromStdString(sharedDir(sub))).exists();
}

/// |a − b| ≤ abs + rel·|b|
inline bool near(double a, double b, double abs, double rel = 0.0)
{
    return std::abs(a - b) <= abs + rel * std::abs(b);
}

} // namespace scnn::test
