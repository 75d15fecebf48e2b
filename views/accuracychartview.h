// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — test accuracy of every run in an experiment's history (Qt Charts).
#pragma once

#include "views/plotview.h"

#include <QDateTime>
#include <QString>

#include <span>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QAbstractAxis;
QT_END_NAMESPACE

namespace scnn::views {

/// One finished test run.
struct AccuracyRecord
{
    int run = 0;             ///< Run number (1, 2, …)
    QDateTime finished;      ///< When the run ended (for the date axis)
    double accuracy = 0.0;   ///< Test accuracy [%], 0…100
    QString note;            ///< Shown in the tooltip (e.g. "4 kernels, 100 examples")
};

/**
 * @brief Accuracy per run over an experiment's history, as a line with labelled points.
 *
 * x is the run number or the date the run finished, y the test accuracy in
 * percent (0…100). Each point is labelled with its accuracy; hovering it
 * shows the run, date and note.
 *
 * @code
 * auto* chart = new AccuracyChartView(parent);
 * chart->setRecords(history);                       // std::vector<AccuracyRecord>
 * chart->setXAxis(AccuracyChartView::XAxis::Date);
 * @endcode
 */
class AccuracyChartView : public PlotView
{
    Q_OBJECT

public:
    enum class XAxis { RunNumber, Date };

    explicit AccuracyChartView(QWidget* parent = nullptr);
    ~AccuracyChartView() override;

    void setRecords(std::span<const AccuracyRecord> records);
    void appendRecord(const AccuracyRecord& record);
    void clear();
    const std::vector<AccuracyRecord>& records() const { return m_records; }

    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    /// Chart title (default "Test accuracy per run").
    void setTitle(const QString& title);
    /// Draws a dashed reference line, e.g. chance level 100/classes [%]; NaN hides it.
    void setReferenceLevel(double percent, const QString& label);

protected:
    void fillContextMenu(QMenu& menu) override;
    void applyFont() override;
    void retranslate() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void updateDateTicks();
    double xOf(const AccuracyRecord& record) const;

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_line = nullptr;
    QScatterSeries* m_points = nullptr;
    QLineSeries* m_reference = nullptr;
    QAbstractAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr;
    std::vector<AccuracyRecord> m_records;
    XAxis m_xAxis = XAxis::RunNumber;
    double m_referenceLevel = 0;
    bool m_hasReference = false;
    bool m_defaultTitle = true; ///< setTitle() was not called
};

} // namespace scnn::views
