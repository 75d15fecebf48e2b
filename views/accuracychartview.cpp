// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — test accuracy of every run in an experiment's history (Qt Charts).
#include "views/accuracychartview.h"

#include "views/plotstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace scnn::views {

AccuracyChartView::AccuracyChartView(QWidget* parent)
    : PlotView(parent)
    , m_chart(new QChart)
{
    setObjectName(QStringLiteral("accuracy"));
    m_chart->setTitle(tr("Test accuracy per run"));
    m_defaultTitle = true;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(6, 6, 6, 6));
    m_chart->setBackgroundRoundness(0);

    m_line = new QLineSeries;
    m_line->setName(tr("test accuracy"));
    m_line->setPen(QPen(PlotStyle::seriesColor(0), 2));
    m_points = new QScatterSeries;
    m_points->setMarkerSize(9);
    m_points->setColor(PlotStyle::seriesColor(0));
    m_points->setBorderColor(Qt::white);
    m_points->setPointLabelsVisible(true);
    m_points->setPointLabelsFormat(QStringLiteral("@yPoint %"));
    m_points->setPointLabelsClipping(false);
    m_points->setPointLabelsColor(QColor(40, 40, 40));
    m_reference = new QLineSeries;
    m_reference->setPen(QPen(QColor(130, 130, 130), 1.2, Qt::DashLine));
    m_chart->addSeries(m_reference);
    m_chart->addSeries(m_line);
    m_chart->addSeries(m_points);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    for (QLegendMarker* marker : m_chart->legend()->markers(m_points))
        marker->setVisible(false); // the points belong to the line's entry

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    // Right clicks fall through to PlotView's menu.
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->viewport()->setContextMenuPolicy(Qt::NoContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_points, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const auto it = std::find_if(m_records.begin(), m_records.end(), [&](const AccuracyRecord& r) {
            return std::abs(xOf(r) - point.x()) < 1e-6 && std::abs(std::round(r.accuracy * 10) / 10 - point.y()) < 1e-6;
        });
        if (it == m_records.end())
            return;
        QString text = tr("Run %1: %2 %").arg(it->run).arg(it->accuracy, 0, 'f', 2);
        if (it->finished.isValid())
            text += QLatin1Char('\n') + QLocale().toString(it->finished, QLocale::ShortFormat);
        if (!it->note.isEmpty())
            text += QLatin1Char('\n') + it->note;
        QToolTip::showText(QCursor::pos(), text, this);
    });
    setMinimumSize(220, 160);
    rebuild();
    applyFont();
}

AccuracyChartView::~AccuracyChartView() = default;

void AccuracyChartView::setRecords(std::span<const AccuracyRecord> records)
{
    m_records.assign(records.begin(), records.end());
    rebuild();
}

void AccuracyChartView::appendRecord(const AccuracyRecord& record)
{
    m_records.push_back(record);
    rebuild();
}

void AccuracyChartView::clear()
{
    m_records.clear();
    rebuild();
}

void AccuracyChartView::setXAxis(XAxis axis)
{
    if (axis == m_xAxis)
        return;
    m_xAxis = axis;
    rebuild();
}

void AccuracyChartView::retranslate()
{
    if (m_defaultTitle)
        m_chart->setTitle(tr("Test accuracy per run"));
    m_line->setName(tr("test accuracy"));
    rebuild();
}

void AccuracyChartView::setTitle(const QString& title)
{
    m_defaultTitle = false;
    m_chart->setTitle(title);
}

void AccuracyChartView::setReferenceLevel(double percent, const QString& label)
{
    m_hasReference = std::isfinite(percent);
    m_referenceLevel = percent;
    m_reference->setName(label);
    m_chart->legend()->setVisible(m_hasReference);
    rebuild();
}

double AccuracyChartView::xOf(const AccuracyRecord& record) const
{
    if (m_xAxis == XAxis::Date)
        return record.finished.isValid() ? double(record.finished.toMSecsSinceEpoch()) : 0.0;
    return record.run;
}

void AccuracyChartView::rebuild()
{
    std::vector<AccuracyRecord> sorted = m_records;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [this](const AccuracyRecord& a, const AccuracyRecord& b) { return xOf(a) < xOf(b); });
    QList<QPointF> points;
    for (const AccuracyRecord& r : sorted) {
        if (!std::isfinite(r.accuracy))
            continue;
        if (m_xAxis == XAxis::Date && !r.finished.isValid())
            continue;
        points.append(QPointF(xOf(r), std::round(std::clamp(r.accuracy, 0.0, 100.0) * 10) / 10));
    }
    m_line->replace(points);
    m_points->replace(points);

    double x0 = 0.5;
    double x1 = 1.5;
    if (!points.isEmpty()) {
        x0 = points.front().x();
        x1 = points.back().x();
    }
    if (m_xAxis == XAxis::Date) {
        if (!(x1 > x0)) {
            x0 -= 12 * 3600e3;
            x1 += 12 * 3600e3;
        }
        const double pad = (x1 - x0) * 0.06;
        x0 -= pad;
        x1 += pad;
    } else {
        x0 = std::floor(x0) - 0.5;
        x1 = std::ceil(x1) + 0.5;
    }
    QList<QPointF> reference;
    if (m_hasReference)
        reference = {QPointF(x0, m_referenceLevel), QPointF(x1, m_referenceLevel)};
    m_reference->replace(reference);

    // Axes are replaced when the x kind changes.
    const bool wantDate = m_xAxis == XAxis::Date;
    const bool haveDate = qobject_cast<QDateTimeAxis*>(m_x) != nullptr;
    if (!m_x || wantDate != haveDate) {
        if (m_x) {
            m_chart->removeAxis(m_x);
            delete m_x;
        }
        if (wantDate) {
            auto* axis = new QDateTimeAxis;
            axis->setTitleText(tr("date"));
            m_x = axis;
        } else {
            auto* axis = new QValueAxis;
            axis->setLabelFormat(QStringLiteral("%d"));
            axis->setTitleText(tr("run"));
            axis->setTickType(QValueAxis::TicksDynamic);
            m_x = axis;
        }
        m_chart->addAxis(m_x, Qt::AlignBottom);
        for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(m_reference), static_cast<QAbstractSeries*>(m_line),
                                   static_cast<QAbstractSeries*>(m_points)})
            s->attachAxis(m_x);
    }
    if (!m_y) {
        auto* axis = new QValueAxis;
        axis->setRange(0, 105);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(20);
        axis->setLabelFormat(QStringLiteral("%d"));
        axis->setTitleText(tr("accuracy (%)"));
        m_y = axis;
        m_chart->addAxis(m_y, Qt::AlignLeft);
        for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(m_reference), static_cast<QAbstractSeries*>(m_line),
                                   static_cast<QAbstractSeries*>(m_points)})
            s->attachAxis(m_y);
    }
    if (auto* axis = qobject_cast<QDateTimeAxis*>(m_x)) {
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(x0)), QDateTime::fromMSecsSinceEpoch(qint64(x1)));
        updateDateTicks();
    } else if (auto* axis = qobject_cast<QValueAxis*>(m_x)) {
        axis->setRange(x0, x1);
        const double span = x1 - x0;
        axis->setTickAnchor(1);
        axis->setTickInterval(std::max(1.0, std::ceil(span / 10)));
    }
    applyFont();
}

void AccuracyChartView::updateDateTicks()
{
    auto* axis = qobject_cast<QDateTimeAxis*>(m_x);
    if (!axis)
        return;
    // Day and month; the year only when the runs span more than one.
    const bool oneYear = axis->min().date().year() == axis->max().date().year();
    const QString format = oneYear ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    axis->setFormat(format);
    // As many ticks as fit side by side without eliding.
    const QFontMetrics metrics(axis->labelsFont());
    const int labelWidth = metrics.horizontalAdvance(QLocale().toString(axis->max(), format)) + metrics.height();
    const int available = std::max(1, int(m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : width() * 0.8));
    axis->setTickCount(std::clamp(available / std::max(1, labelWidth), 2, 7));
}

void AccuracyChartView::resizeEvent(QResizeEvent* event)
{
    PlotView::resizeEvent(event);
    updateDateTicks();
}

void AccuracyChartView::applyFont()
{
    const QFont base = font();
    m_chart->setTitleFont(PlotStyle::scaledFont(base, 1.15));
    m_chart->legend()->setFont(base);
    for (QAbstractAxis* axis : m_chart->axes()) {
        axis->setLabelsFont(base);
        axis->setTitleFont(base);
    }
    m_points->setPointLabelsFont(PlotStyle::scaledFont(base, 0.9));
    updateDateTicks();
}

void AccuracyChartView::fillContextMenu(QMenu& menu)
{
    QAction* byDate = menu.addAction(tr("Dates on the x axis"));
    byDate->setCheckable(true);
    byDate->setChecked(m_xAxis == XAxis::Date);
    connect(byDate, &QAction::toggled, this, [this](bool on) { setXAxis(on ? XAxis::Date : XAxis::RunNumber); });
}

} // namespace scnn::views
