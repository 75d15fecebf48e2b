// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — asks before a run the simulator cannot hold or that would take days.
#include "app/workbench/runlimits.h"

#include "model/error.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace scnn::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("scnn::app::RunLimits", text);
}

} // namespace

std::vector<model::LimitIssue> runLimitIssues(const model::Experiment& e)
{
    if (e.backend.rfind("sim", 0) != 0)
        return {};
    model::ExampleCounts counts;
    try {
        counts = model::countExamples(e.dataset);
    } catch (const model::Error&) {
        return {}; // no data yet: the run itself says where it looked
    }
    model::RunLimits limits;
    limits.availableBytes = model::availableMemoryBytes();
    return model::checkRun(e, counts, limits);
}

bool confirmRunLimits(QWidget* parent, const model::Experiment& e)
{
    const std::vector<model::LimitIssue> issues = runLimitIssues(e);
    if (issues.empty())
        return true;
    QStringList data, other;
    for (const model::LimitIssue& i : issues)
        (i.what == "data" ? data : other) << QString::fromStdString(i.message);
    if (!data.isEmpty()) {
        QMessageBox::warning(parent, tr("Not enough examples"),
                             tr("The data does not hold the examples asked for:\n\n%1\n\nLower the examples per "
                                "class in the Data panel or choose other classes.")
                                 .arg(data.join(QLatin1Char('\n'))));
        return false;
    }
    QMessageBox box(QMessageBox::Warning, tr("Run anyway?"),
                    tr("This run may not work out on the embedded simulator:\n\n%1").arg(other.join(QLatin1Char('\n'))),
                    QMessageBox::NoButton, parent);
    QPushButton* run = box.addButton(tr("Run Anyway"), QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == run;
}

} // namespace scnn::app
