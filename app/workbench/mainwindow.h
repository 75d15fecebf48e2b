// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the main window.
#pragma once

#include "app/workbench/phase.h"
#include "app/workbench/recordedviews.h"
#include "hardware/backendregistry.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QGroupBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QShortcut;
class QTabWidget;
class QToolBar;
class QVBoxLayout;

namespace scnn::views {
class ImageGridView;
class KernelGridView;
class LogView;
} // namespace scnn::views

namespace scnn::app {

class DataPanel;
class EncodingEditor;
class ExperimentDocument;
class LayerStackEditor;
class LiveSpikeLink;
class LiveViews;
class ParameterEditor;
class RunController;
class SpinnakerPanel;

/**
 * @brief The workbench's main window.
 *
 * Editors (layers, parameters, encoding, data) and the run controls sit in
 * docks; the views fill the centre as tabs. The window owns one
 * ExperimentDocument and one RunController; the Run actions are enabled only
 * while the network is valid, and the status bar says why they are not.
 * Geometry, dock layout, recent experiments, last folders, backend and
 * language are remembered in QSettings.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ExperimentDocument* document() const { return m_document; }
    RunController* runController() const { return m_run; }
    LayerStackEditor* layerEditor() const { return m_layers; }
    ParameterEditor* parameterEditor() const { return m_parameters; }
    DataPanel* dataPanel() const { return m_data; }
    views::KernelGridView* kernelView() const { return m_kernelView; }
    SpinnakerPanel* spinnakerPanel() const { return m_spinnaker; }
    LiveSpikeLink* liveLink() const { return m_live; }
    const RecordedViews& recordedViews() const { return m_recorded; }
    /// Local UDP ports of the live-spike receiver of SpiNNaker runs (19999, 17895; 0: any free port).
    void setLivePorts(quint16 notifyPort, quint16 spikePort);

    /// Sets how phases run (the training pipeline, or a test's fake phase).
    void setPhaseProvider(PhaseProvider provider);

    /// The action running `id` (Train layer n, Train SVM, Test, Run all), or nullptr.
    QAction* runAction(const PhaseId& id) const;
    QAction* cancelAction() const { return m_cancelAction; }
    /// Why Run is disabled (empty when it is enabled), as shown in the status bar.
    QString runBlockedReason() const { return m_runBlocked; }
    QLabel* runProblemLabel() const { return m_problemLabel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* rateLabel() const { return m_rateLabel; }

    /// Opens the experiment folder `path`; shows a message box and returns false on failure.
    bool openExperiment(const QString& path, bool interactive = true);
    /// Starts a new experiment from preset `id` (no prompt).
    void newFromPreset(const QString& id);
    /// Brings the dock or view tab called `name` (one of panelNames()) to
    /// the front; false if unknown.
    bool raisePanel(const QString& name);
    /// The names raisePanel() knows: docks first ("layers", "parameters", …,
    /// "spinnaker"), then view tabs ("kernels", …, "inputs").
    QStringList panelNames() const;
    /// Whether something is still being read in the background (data preview).
    bool isLoading() const;
    /// Whether the presentation mode is on.
    bool isPresenting() const { return m_presenting; }
    void setPresentationMode(bool on);
    /// Starts Run all, or cancels the running phase (the presentation key).
    void toggleRun();
    /// Starts `id` after confirmRunLimits() (memory, examples, days) agrees
    /// and, on a board, after its checks (settings valid; a confirmation when
    /// windowed training takes more than an hour).
    bool startRun(const PhaseId& id);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createEditors();
    void connectEditors();
    /// Sets every text of the window (at start and when the language changes,
    /// then also replacing the editors).
    void retranslateUi(bool rebuildEditors);
    QString backendLabel(const QString& name) const;
    void updateUndoTexts();
    void createRunPanel(QWidget* panel);
    void createStatusBar();
    void readSettings();
    void writeSettings();

    void updateTitle();
    void updateRunActions();
    void rebuildPhaseActions();
    void updateRecentMenu();
    void addRecent(const QString& path);

    bool maybeSave();
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    void open();
    void chooseDataFolder();
    void importWeights();
    void exportPlot();
    void about();
    void setLanguage(const QString& code);
    void appendLog(const QString& line);

    void onProgress(qint64 done, qint64 total, double rate, double eta, const QString& stage);
    void onPhaseStarted(const PhaseId& id, int step, int steps);
    void onRunningChanged(bool running);
    void onSnapshot(const PhaseSnapshot& snapshot);
    /// Shows the learned kernels of the selected (or first trained) layer.
    void showLearnedKernels();
    /// Shows `view` (or its hint when `show` is false).
    void showView(QWidget* view, bool show);
    bool isViewShown(QWidget* view) const;
    /// SpiNNaker runs: the live-spike receiver while the run goes on.
    void startLiveLink();
    hardware::BackendConfig runBackendConfig() const;
    bool onBoard() const;

    ExperimentDocument* m_document = nullptr;
    RunController* m_run = nullptr;

    LayerStackEditor* m_layers = nullptr;
    ParameterEditor* m_parameters = nullptr;
    EncodingEditor* m_encoding = nullptr;
    DataPanel* m_data = nullptr;
    QTabWidget* m_views = nullptr;
    views::KernelGridView* m_kernelView = nullptr;
    views::KernelGridView* m_changeView = nullptr;
    views::ImageGridView* m_inputs = nullptr;
    RecordedViews m_recorded;
    std::unique_ptr<LiveViews> m_liveViews;
    views::LogView* m_log = nullptr;
    SpinnakerPanel* m_spinnaker = nullptr;
    QDockWidget* m_spinnakerDock = nullptr;
    LiveSpikeLink* m_live = nullptr;
    quint16 m_liveNotifyPort = 19999;
    quint16 m_liveSpikePort = 17895;
    std::vector<QDockWidget*> m_docks;

    std::vector<QLabel*> m_viewHints; ///< One per view tab
    QMenu* m_fileMenu = nullptr;
    QMenu* m_presetMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QMenu* m_docksMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_presentAction = nullptr;
    QAction* m_runAllAction = nullptr;
    QAction* m_svmAction = nullptr;
    QAction* m_testAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_spinnakerAction = nullptr;
    std::vector<QAction*> m_trainActions; ///< One per conv layer, data = layer index
    QActionGroup* m_languageGroup = nullptr;
    QShortcut* m_spaceKey = nullptr;

    QWidget* m_runPanel = nullptr;
    QVBoxLayout* m_trainButtons = nullptr;
    QComboBox* m_backend = nullptr;
    QGroupBox* m_phasesBox = nullptr;
    QGroupBox* m_backendBox = nullptr;
    QGroupBox* m_progressBox = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_phaseLabel = nullptr;
    QLabel* m_rateLabel = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_problemLabel = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QProgressBar* m_statusProgress = nullptr;

    QString m_runBlocked;
    bool m_presenting = false;
    QByteArray m_stateBeforePresenting;
    QFont m_fontBeforePresenting;
};

} // namespace scnn::app
