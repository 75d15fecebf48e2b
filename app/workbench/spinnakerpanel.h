// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker settings panel: machine, mapping, interpreter, connection test.
#pragma once

#include "hardware/backendregistry.h"
#include "hardware/spinnaker/boardprobe.h"
#include "model/boardtime.h"
#include "model/experiment.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace scnn::app {

class ExperimentDocument;

/**
 * @brief Where and how phases run on SpiNNaker, with a connection test.
 *
 * What is stored where:
 *  - with the experiment (undoable, saved in experiment.json): neurons per
 *    core and the time scale factor, because they change what a board run
 *    does and how long it takes;
 *  - in QSettings (this computer, this user): the machine (a board's host
 *    and version, or a spalloc server, port, user and machine name) and the
 *    Python interpreter, because they describe the lab the workbench runs
 *    in, not the experiment, and must not travel with a shared folder.
 *
 * Every field is checked as it is edited; an invalid one gets a red frame
 * and its reason as tool tip and below the form. "Test connection" asks the
 * board who it is (hardware::probeBoard) on a pool thread and shows what
 * answered or exactly why nothing did; the window never waits for it.
 *
 * @code
 * auto* panel = new SpinnakerPanel(&document);
 * hardware::BackendConfig c = panel->backendConfig();   // interpreter + machine
 * panel->testConnection();                              // asynchronous
 * @endcode
 */
class SpinnakerPanel : public QWidget
{
    Q_OBJECT

public:
    /// How the machine is chosen.
    enum class Machine { Board, Spalloc, Virtual };

    explicit SpinnakerPanel(ExperimentDocument* document, QWidget* parent = nullptr);
    ~SpinnakerPanel() override;

    /// The machine settings as the panel shows them (neurons per core and
    /// time scale factor from the experiment; live-output ports left at defaults).
    hardware::SpinnakerSettings settings() const;
    QString python() const;
    /// Interpreter and SpiNNaker settings for hardware::createBackend().
    hardware::BackendConfig backendConfig() const;
    /// The first problem of the settings (empty when they can be used for a run).
    QString problem() const;

    /// Real time of training conv layer `layer` on the board with the
    /// experiment's settings; nullopt when the layer is not trained with windows.
    static std::optional<model::BoardTime> trainingTime(const model::Experiment& e, int layer, bool* exactImages = nullptr);

    /// Port the connection test sends to (SCAMP's 17893; tests use a loopback peer).
    void setProbePort(std::uint16_t port) { m_probePort = port; }
    /// Whole duration of one connection test.
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_probeTimeout = timeout; }
    bool isTesting() const;

    // For tests and the window.
    QComboBox* machineBox() const { return m_machine; }
    QLineEdit* hostEdit() const { return m_host; }
    QComboBox* versionBox() const { return m_version; }
    QLineEdit* spallocServerEdit() const { return m_spallocServer; }
    QSpinBox* spallocPortBox() const { return m_spallocPort; }
    QLineEdit* spallocUserEdit() const { return m_spallocUser; }
    QLineEdit* spallocMachineEdit() const { return m_spallocMachine; }
    QSpinBox* neuronsPerCoreBox() const { return m_neuronsPerCore; }
    QSpinBox* timeScaleBox() const { return m_timeScale; }
    QLineEdit* pythonEdit() const { return m_python; }
    QPushButton* testButton() const { return m_test; }
    QLabel* testResultLabel() const { return m_result; }
    QLabel* estimateLabel() const { return m_estimate; }
    QLabel* problemLabel() const { return m_problem; }

public slots:
    /// Starts the connection test (does nothing while one runs).
    void testConnection();

signals:
    /// The connection test ended; `ok` when a board answered.
    void testFinished(bool ok, const QString& text);
    /// Machine or interpreter settings changed (stored in QSettings already).
    void settingsChanged();

private:
    void showMachineRows();
    void readSettings();
    void writeSettings();
    void fromDocument();
    void toDocument();
    void validate();
    void updateEstimate();
    void onTestDone();

    ExperimentDocument* m_document;
    QComboBox* m_machine = nullptr;
    QFormLayout* m_machineForm = nullptr;
    QLabel* m_virtualNote = nullptr;
    QLineEdit* m_host = nullptr;
    QComboBox* m_version = nullptr;
    QLineEdit* m_spallocServer = nullptr;
    QSpinBox* m_spallocPort = nullptr;
    QLineEdit* m_spallocUser = nullptr;
    QLineEdit* m_spallocMachine = nullptr;
    QSpinBox* m_neuronsPerCore = nullptr;
    QSpinBox* m_timeScale = nullptr;
    QLineEdit* m_python = nullptr;
    QPushButton* m_test = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_estimate = nullptr;
    QLabel* m_problem = nullptr;

    QFutureWatcher<hardware::ProbeResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelProbe;
    std::uint16_t m_probePort = hardware::kScampPort;
    std::chrono::milliseconds m_probeTimeout{3000};
    bool m_loading = false;
};

} // namespace scnn::app
