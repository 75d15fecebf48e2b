// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the main window's SpiNNaker side: run checks, time estimate, live spikes.
#include "app/workbench/mainwindow.h"

#include "app/workbench/experimentdocument.h"
#include "app/workbench/livespikelink.h"
#include "app/workbench/runcontroller.h"
#include "app/workbench/runlimits.h"
#include "app/workbench/spinnakerpanel.h"
#include "model/boardtime.h"

#include <QDockWidget>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>

namespace scnn::app {

namespace {

constexpr const char* kBoardBackend = "pynn:spinnaker";

bool isIpv4Literal(const QString& host)
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    return re.match(host).hasMatch();
}

} // namespace

bool MainWindow::onBoard() const
{
    return m_document->experiment().backend == kBoardBackend;
}

void MainWindow::setLivePorts(quint16 notifyPort, quint16 spikePort)
{
    m_liveNotifyPort = notifyPort;
    m_liveSpikePort = spikePort;
}

hardware::BackendConfig MainWindow::runBackendConfig() const
{
    hardware::BackendConfig c = m_spinnaker->backendConfig();
    hardware::SpinnakerSettings& s = c.pynn.script.spinnaker;
    s.liveOutput = m_live->isRunning();
    if (s.liveOutput) {
        s.notifyHost = "localhost";
        s.notifyPort = m_live->notifyPort();
        s.liveSpikePort = m_live->spikePort();
    }
    return c;
}

void MainWindow::startLiveLink()
{
    hardware::LiveReceiverConfig c;
    c.bindAddress = "127.0.0.1"; // the toolchain runs on this computer
    c.notifyPort = m_liveNotifyPort;
    c.spikePort = m_liveSpikePort;
    c.allowDatabaseBoards = true; // the boards the toolchain names (also spalloc's)
    const hardware::SpinnakerSettings s = m_spinnaker->settings();
    const QString host = QString::fromStdString(s.boardHost);
    const bool local = host.isEmpty() || host == QLatin1String("localhost") || host.startsWith(QLatin1String("127."));
    if (!s.spallocServer.empty() || !local)
        c.spikeBindAddress = "0.0.0.0"; // spikes come from the board over the network
    if (isIpv4Literal(host) && !local)
        c.allowedSenders.push_back(s.boardHost);
    try {
        m_live->start(c);
        appendLog(tr("Live spikes: listening for the toolchain on port %1, for spikes on port %2")
                      .arg(m_live->notifyPort())
                      .arg(m_live->spikePort()));
    } catch (const std::exception& e) {
        appendLog(tr("Live spikes are off for this run: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool MainWindow::startRun(const PhaseId& id)
{
    if (m_run->isRunning() || !confirmRunLimits(this, m_document->experiment()))
        return false;
    if (!onBoard())
        return m_run->start(id);
    if (const QString problem = m_spinnaker->problem(); !problem.isEmpty()) {
        raisePanel(QStringLiteral("spinnaker"));
        QMessageBox::warning(this, tr("SpiNNaker settings"),
                             tr("The SpiNNaker settings are not complete:\n%1").arg(problem));
        return false;
    }
    // Real time of every windowed layer training the run contains.
    const model::Experiment& e = m_document->experiment();
    const QLocale loc;
    double totalSeconds = 0.0;
    bool overHour = false;
    QStringList lines;
    for (const PhaseId& step : RunController::expand(id, e.network)) {
        if (step.kind != PhaseId::Kind::TrainLayer)
            continue;
        const auto t = SpinnakerPanel::trainingTime(e, step.layer);
        if (!t)
            continue;
        totalSeconds += t->realSeconds;
        overHour = overHour || t->exceedsHour();
        lines << tr("Train layer %1: %2 images × %3 windows × %4 ms × time scale factor %5 = %6 h")
                     .arg(step.layer + 1)
                     .arg(loc.toString(qlonglong(t->images)))
                     .arg(loc.toString(qlonglong(t->windowsPerImage)))
                     .arg(loc.toString(t->presentationMs, 'g', 6))
                     .arg(t->timeScaleFactor)
                     .arg(loc.toString(t->realHours(), 'f', 2));
    }
    overHour = overHour || totalSeconds > 3600.0;
    for (const QString& line : lines)
        appendLog(tr("On the board: %1").arg(line));
    if (overHour) {
        QMessageBox box(QMessageBox::Question, tr("Long run on SpiNNaker"),
                        tr("Training on the board takes %1 h of real time (mapping and loading not included):")
                            .arg(loc.toString(totalSeconds / 3600.0, 'f', 2)),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("boardTimeConfirmation"));
        box.setInformativeText(lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + tr("Start it anyway?"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Yes) {
            appendLog(tr("The board run was not started."));
            return false;
        }
    }
    return m_run->start(id);
}

} // namespace scnn::app
