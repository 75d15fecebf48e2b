// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — read-only monospace log of the phase history.
#include "views/logview.h"


#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

namespace scnn::views {

namespace {

constexpr int kDefaultMaximumLines = 10000;

} // namespace

LogView::LogView(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("log"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setReadOnly(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setMaximumBlockCount(kDefaultMaximumLines);
    m_edit->setUndoRedoEnabled(false);
    applyFont();
}

LogView::~LogView() = default;

void LogView::setMaximumLines(int lines)
{
    m_edit->setMaximumBlockCount(std::max(1, lines));
}

int LogView::maximumLines() const
{
    return m_edit->maximumBlockCount();
}

QString LogView::text() const
{
    return m_edit->toPlainText();
}

int LogView::lineCount() const
{
    return m_edit->document()->isEmpty() ? 0 : m_edit->blockCount();
}

void LogView::appendLine(const QString& line)
{
    appendLines(QStringList{line});
}

void LogView::appendLines(const QStringList& lines)
{
    QScrollBar* bar = m_edit->verticalScrollBar();
    QScrollBar* sideways = m_edit->horizontalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    const int column = sideways->value(); // appending must not scroll sideways to a long line's end
    for (const QString& line : lines)
        m_edit->appendPlainText(line);
    if (atBottom) {
        // Follow the log; the cursor at the start of the last line keeps the view at column 0.
        QTextCursor cursor = m_edit->textCursor();
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::StartOfBlock);
        m_edit->setTextCursor(cursor);
        bar->setValue(bar->maximum());
    }
    sideways->setValue(column);
}

void LogView::setLines(const QStringList& lines)
{
    m_edit->clear();
    appendLines(lines);
}

void LogView::clear()
{
    m_edit->clear();
}

void LogView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        applyFont();
    QWidget::changeEvent(event);
}

void LogView::applyFont()
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFont base = font();
    if (base.pointSizeF() > 0)
        mono.setPointSizeF(base.pointSizeF());
    else if (base.pixelSize() > 0)
        mono.setPixelSize(base.pixelSize());
    m_edit->setFont(mono);
}

} // namespace scnn::views
