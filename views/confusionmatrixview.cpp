// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — confusion matrix with counts, per-class rates, precision and recall.
#include "views/confusionmatrixview.h"

#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QLocale>
#include <QToolTip>

#include <cmath>
#include <limits>
#include <numeric>

namespace scnn::views {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDarkCell = 0.55; // rates above this get white text
constexpr int kMaxClassesWithNumbers = 30;

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QLocale().toString(100.0 * fraction, 'f', 1) + QStringLiteral(" %");
}

} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent)
    : CustomPlotView(parent)
{
    setObjectName(QStringLiteral("confusion"));
    QCustomPlot* p = plot();
    m_title = new QCPTextElement(p, QString());
    p->plotLayout()->insertRow(0);
    p->plotLayout()->addElement(0, 0, m_title);

    m_map = new QCPColorMap(p->xAxis, p->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_map->setGradient(PlotStyle::rateGradient());
    m_map->setDataRange(QCPRange(0.0, 1.0));
    m_map->setSelectable(QCP::stNone);

    p->yAxis->setRangeReversed(true);
    p->yAxis2->setRangeReversed(true);
    p->xAxis2->setVisible(true);
    p->yAxis2->setVisible(true);
    for (QCPAxis* axis : {p->xAxis, p->yAxis, p->xAxis2, p->yAxis2}) {
        axis->grid()->setVisible(false);
        axis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
        axis->setTickLength(0, 0);
        axis->setSubTicks(false);
    }
    retranslate();
    connect(p, &QCustomPlot::afterLayout, this, &ConfusionMatrixView::updateCellTexts);
    connect(p, &QCustomPlot::mouseMove, this, &ConfusionMatrixView::showToolTip);
    setMinimumSize(200, 160);
    clear();
}

ConfusionMatrixView::~ConfusionMatrixView() = default;

QString ConfusionMatrixView::label(int c) const
{
    return c < m_labels.size() && !m_labels[c].isEmpty() ? m_labels[c] : QString::number(c);
}

void ConfusionMatrixView::setMatrix(std::span<const std::int32_t> counts, int classes, const QStringList& classLabels)
{
    if (classes < 0 || classes > 1000 || counts.size() != std::size_t(classes) * std::size_t(std::max(classes, 0))) {
        qWarning("ConfusionMatrixView::setMatrix: %d classes need %d×%d counts, got %zu; ignored", classes, classes,
                 classes, counts.size());
        return;
    }
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] < 0) {
            qWarning("ConfusionMatrixView::setMatrix: count at true %zu, predicted %zu is negative (%d); ignored",
                     i / std::size_t(classes), i % std::size_t(classes), counts[i]);
            return;
        }
    QCustomPlot* p = plot();
    m_n = classes;
    m_counts.assign(counts.begin(), counts.end());
    m_labels = classLabels;

    m_map->data()->setSize(std::max(m_n, 1), std::max(m_n, 1));
    m_map->data()->setRange(m_n > 1 ? QCPRange(0, m_n - 1) : QCPRange(-0.5, 0.5),
                            m_n > 1 ? QCPRange(0, m_n - 1) : QCPRange(-0.5, 0.5));
    m_map->data()->fill(kNaN);
    for (int t = 0; t < m_n; ++t) {
        const auto row = rowSum(t);
        for (int q = 0; q < m_n; ++q)
            m_map->data()->setCell(q, t, row > 0 ? double(count(t, q)) / double(row) : 0.0);
    }

    auto tickers = [p](QCPAxis* axis) { return axis->ticker().dynamicCast<QCPAxisTickerText>(); };
    auto bottom = tickers(p->xAxis);
    auto left = tickers(p->yAxis);
    auto top = tickers(p->xAxis2);
    auto right = tickers(p->yAxis2);
    for (const auto& t : {bottom, left, top, right})
        t->clear();
    for (int c = 0; c < m_n; ++c) {
        bottom->addTick(c, label(c));
        left->addTick(c, label(c));
        top->addTick(c, percent(precision(c)));
        right->addTick(c, percent(recall(c)));
    }
    const QCPRange range(-0.5, std::max(m_n, 1) - 0.5);
    for (QCPAxis* axis : {p->xAxis, p->yAxis, p->xAxis2, p->yAxis2})
        axis->setRange(range);

    // Numbers in cells up to 30 classes; beyond that the cells are too small anyway (tooltips remain).
    const int texts = m_n <= kMaxClassesWithNumbers ? m_n * m_n : 0;
    while (int(m_texts.size()) > texts) {
        p->removeItem(m_texts.back());
        m_texts.pop_back();
    }
    while (int(m_texts.size()) < texts) {
        auto* text = new QCPItemText(p);
        text->setPositionAlignment(Qt::AlignCenter);
        text->setTextAlignment(Qt::AlignCenter);
        text->setSelectable(false);
        text->setClipToAxisRect(true);
        m_texts.push_back(text);
    }
    for (int t = 0; t < m_n && texts > 0; ++t)
        for (int q = 0; q < m_n; ++q)
            m_texts[std::size_t(t * m_n + q)]->position->setCoords(q, t);

    updateTitle();
    PlotStyle::applyFont(p, font());
    fontApplied();
}

void ConfusionMatrixView::updateTitle()
{
    const std::int64_t total = std::accumulate(m_counts.begin(), m_counts.end(), std::int64_t(0));
    std::int64_t correct = 0;
    for (int c = 0; c < m_n; ++c)
        correct += count(c, c);
    m_title->setText(total > 0 ? tr("Accuracy %1 (%2 of %3 examples)")
                                     .arg(percent(double(correct) / double(total)))
                                     .arg(correct)
                                     .arg(total)
                               : tr("No test results"));
}

void ConfusionMatrixView::retranslate()
{
    QCustomPlot* p = plot();
    p->xAxis->setLabel(tr("predicted class"));
    p->yAxis->setLabel(tr("true class"));
    p->xAxis2->setLabel(tr("precision"));
    p->yAxis2->setLabel(tr("recall"));
    if (m_n > 0)
        updateTitle();
    requestReplot();
}

void ConfusionMatrixView::clear()
{
    setMatrix({}, 0, {});
}

std::int64_t ConfusionMatrixView::rowSum(int t) const
{
    std::int64_t sum = 0;
    for (int q = 0; q < m_n; ++q)
        sum += count(t, q);
    return sum;
}

std::int64_t ConfusionMatrixView::columnSum(int q) const
{
    std::int64_t sum = 0;
    for (int t = 0; t < m_n; ++t)
        sum += count(t, q);
    return sum;
}

double ConfusionMatrixView::accuracyPercent() const
{
    std::int64_t total = 0;
    std::int64_t correct = 0;
    for (int t = 0; t < m_n; ++t) {
        total += rowSum(t);
        correct += count(t, t);
    }
    return total > 0 ? 100.0 * double(correct) / double(total) : kNaN;
}

double ConfusionMatrixView::recall(int trueClass) const
{
    if (trueClass < 0 || trueClass >= m_n)
        return kNaN;
    const auto row = rowSum(trueClass);
    return row > 0 ? double(count(trueClass, trueClass)) / double(row) : kNaN;
}

double ConfusionMatrixView::precision(int predictedClass) const
{
    if (predictedClass < 0 || predictedClass >= m_n)
        return kNaN;
    const auto column = columnSum(predictedClass);
    return column > 0 ? double(count(predictedClass, predictedClass)) / double(column) : kNaN;
}

void ConfusionMatrixView::fontApplied()
{
    // Cell numbers a little larger than tick labels; the layout pass decides what fits.
    for (QCPItemText* text : m_texts)
        PlotStyle::setItemFontScale(text, font(), 1.0);
    requestReplot();
}

void ConfusionMatrixView::updateCellTexts()
{
    if (m_n == 0)
        return;
    QCustomPlot* p = plot();
    const double cellW = std::abs(p->xAxis->coordToPixel(1) - p->xAxis->coordToPixel(0));
    const double cellH = std::abs(p->yAxis->coordToPixel(1) - p->yAxis->coordToPixel(0));
    // Precision labels turn upright when they would overlap (takes effect on the next pass).
    const QFontMetricsF tickMetrics(p->xAxis2->tickLabelFont());
    const double rotation = tickMetrics.horizontalAdvance(QStringLiteral("100.0 %")) > cellW * 0.95 ? -90.0 : 0.0;
    if (p->xAxis2->tickLabelRotation() != rotation) {
        p->xAxis2->setTickLabelRotation(rotation);
        requestReplot();
    }
    if (m_texts.empty())
        return;
    const QFontMetricsF metrics(m_texts.front()->font());
    const bool countsFit = metrics.horizontalAdvance(QStringLiteral("0000")) <= cellW && metrics.height() <= cellH;
    const bool ratesFit = countsFit && metrics.horizontalAdvance(QStringLiteral("100.0 %")) <= cellW * 0.95
            && 2 * metrics.height() <= cellH * 0.95;
    for (int t = 0; t < m_n; ++t) {
        const auto row = rowSum(t);
        for (int q = 0; q < m_n; ++q) {
            QCPItemText* text = m_texts[std::size_t(t * m_n + q)];
            const double rate = row > 0 ? double(count(t, q)) / double(row) : 0.0;
            QString s = QString::number(count(t, q));
            if (ratesFit)
                s += QLatin1Char('\n') + percent(row > 0 ? rate : kNaN);
            text->setText(s);
            text->setColor(rate > kDarkCell ? Qt::white : QColor(20, 20, 20));
            text->setVisible(countsFit);
        }
    }
}

QRect ConfusionMatrixView::cellRect(int trueClass, int predictedClass) const
{
    if (trueClass < 0 || trueClass >= m_n || predictedClass < 0 || predictedClass >= m_n)
        return {};
    QCustomPlot* p = plot();
    const QPointF a(p->xAxis->coordToPixel(predictedClass - 0.5), p->yAxis->coordToPixel(trueClass - 0.5));
    const QPointF b(p->xAxis->coordToPixel(predictedClass + 0.5), p->yAxis->coordToPixel(trueClass + 0.5));
    return QRectF(a, b).normalized().toAlignedRect().translated(p->pos());
}

void ConfusionMatrixView::showToolTip(QMouseEvent* event)
{
    QCustomPlot* p = plot();
    const int q = int(std::floor(p->xAxis->pixelToCoord(event->position().x()) + 0.5));
    const int t = int(std::floor(p->yAxis->pixelToCoord(event->position().y()) + 0.5));
    if (!p->axisRect()->rect().contains(event->position().toPoint()) || t < 0 || t >= m_n || q < 0 || q >= m_n) {
        QToolTip::hideText();
        return;
    }
    const auto row = rowSum(t);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("True class %1 predicted as %2: %3 of %4 examples (%5)\n"
                          "Recall of %1: %6 · precision of %2: %7")
                           .arg(label(t), label(q))
                           .arg(count(t, q))
                           .arg(row)
                           .arg(percent(row > 0 ? double(count(t, q)) / double(row) : kNaN))
                           .arg(percent(recall(t)), percent(precision(q))),
                       this);
}

} // namespace scnn::views
