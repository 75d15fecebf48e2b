// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — small helpers the editors share.
#pragma once

#include <QLabel>
#include <QSignalBlocker>

namespace scnn::app {

/// Shows a model value in a spin box without sending it back as an edit.
template<typename Box, typename T>
void setQuietly(Box* box, T value)
{
    if (box->value() == value)
        return;
    const QSignalBlocker block(box);
    box->setValue(value);
}

/// A red, word-wrapped label for the reason a setting is invalid.
inline QLabel* makeProblemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    label->hide();
    return label;
}

} // namespace scnn::app
