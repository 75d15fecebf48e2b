// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — read-only monospace log of the phase history.
#pragma once

#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QPlainTextEdit;
QT_END_NAMESPACE

namespace scnn::views {

/**
 * @brief Phase history and log lines: read-only, monospace, appending.
 *
 * Keeps the last maximumLines() lines. New lines scroll into view only when
 * the view was already at the bottom, so reading older lines is not
 * interrupted. The text size follows the widget font (presentation mode).
 *
 * @code
 * auto* log = new LogView(parent);
 * log->appendLine(tr("Training layer 1: 400 examples in 12.3 s"));
 * @endcode
 */
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(QWidget* parent = nullptr);
    ~LogView() override;

    void setMaximumLines(int lines);
    int maximumLines() const;
    /// The whole log as plain text, one line per entry.
    QString text() const;
    int lineCount() const;

public Q_SLOTS:
    void appendLine(const QString& line);
    void appendLines(const QStringList& lines);
    void setLines(const QStringList& lines);
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFont();

    QPlainTextEdit* m_edit = nullptr;
};

} // namespace scnn::views
