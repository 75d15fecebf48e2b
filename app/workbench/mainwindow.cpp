// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the main window.
#include "app/workbench/mainwindow.h"

#include "app/workbench/datapanel.h"
#include "app/workbench/experimentdocument.h"
#include "app/workbench/layerstackeditor.h"
#include "app/workbench/livespikelink.h"
#include "app/workbench/liveviews.h"
#include "app/workbench/parametereditor.h"
#include "app/workbench/pipelinephases.h"
#include "app/workbench/recordedviews.h"
#include "app/workbench/presets.h"
#include "app/workbench/runcontroller.h"
#include "app/workbench/runlimits.h"
#include "app/workbench/spinnakerpanel.h"
#include "app/workbench/startup.h"
#include "app/workbench/texts.h"
#include "hardware/backendregistry.h"
#include "views/plotexport.h"
#include "views/accuracychartview.h"
#include "views/activityview.h"
#include "views/confusionmatrixview.h"
#include "views/imagegridview.h"
#include "views/kernelgridview.h"
#include "views/logview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"
#include "views/plotview.h"
#include "views/viewsversion.h"
#include "model/boardtime.h"
#include "model/experiment.h"
#include "model/seedimport.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabBar>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace scnn::app {

namespace {

constexpr int kMaxRecent = 8;

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QString formatDuration(double seconds)
{
    if (seconds < 0.0)
        return QStringLiteral("–");
    const int s = int(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// A view tab's place holder until its data arrives.
QLabel* placeholder(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new ExperimentDocument(this)), m_run(new RunController(m_document, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/scnn-workbench.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    // Short tab titles, so that every view is reachable without scrolling at
    // common widths; the tooltip gives the full name (retranslateUi()).
    m_views->tabBar()->setUsesScrollButtons(false);
    m_views->tabBar()->setElideMode(Qt::ElideRight);
    m_views->tabBar()->setExpanding(false);
    // Views show a hint until their data arrive.
    auto addView = [this](QWidget* view, const char* name) {
        auto* stack = new QStackedWidget(m_views);
        auto* hint = placeholder(QString(), stack);
        stack->addWidget(hint);
        stack->addWidget(view);
        stack->setObjectName(QLatin1String(name));
        m_views->addTab(stack, QString());
        m_viewHints.push_back(hint);
    };
    m_kernelView = new views::KernelGridView;
    m_changeView = new views::KernelGridView;
    m_changeView->setMode(views::KernelGridView::Mode::Change);
    addView(m_kernelView, "kernels");
    addView(m_changeView, "change");
    m_recorded.raster = new views::SpikeRasterView;
    m_recorded.membrane = new views::MembraneTraceView;
    m_recorded.activity = new views::ActivityView;
    m_recorded.accuracy = new views::AccuracyChartView;
    m_recorded.confusion = new views::ConfusionMatrixView;
    m_inputs = new views::ImageGridView;
    addView(m_recorded.raster, "raster");
    addView(m_recorded.membrane, "membrane");
    addView(m_recorded.activity, "activity");
    addView(m_recorded.accuracy, "accuracy");
    addView(m_recorded.confusion, "confusion");
    addView(m_inputs, "inputs");
    setCentralWidget(m_views);
    m_liveViews = std::make_unique<LiveViews>(m_recorded, m_inputs);

    createActions();
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_document, &ExperimentDocument::changed, this, [this](ExperimentDocument::Changes c) {
        if (c & ExperimentDocument::Change::Layers)
            rebuildPhaseActions();
        const int backend = m_backend->findData(QString::fromStdString(m_document->experiment().backend));
        if (backend >= 0 && backend != m_backend->currentIndex()) {
            m_backend->setCurrentIndex(backend);
            rebuildPhaseActions();
            if (onBoard()) {
                m_spinnakerDock->show();
                m_spinnakerDock->raise();
            }
        }
        if (c & (ExperimentDocument::Change::Layers | ExperimentDocument::Change::Weights
                 | ExperimentDocument::Change::Results))
            showLearnedKernels();
        updateRunActions();
    });
    connect(m_document, &ExperimentDocument::modifiedChanged, this, [this] { updateTitle(); });
    connect(m_document, &ExperimentDocument::filePathChanged, this, [this] { updateTitle(); });
    connect(m_run, &RunController::runningChanged, this, &MainWindow::onRunningChanged);
    connect(m_run, &RunController::progressChanged, this, &MainWindow::onProgress);
    connect(m_run, &RunController::phaseStarted, this, &MainWindow::onPhaseStarted);
    connect(m_run, &RunController::phaseStarted, this, [this] { m_liveViews->beginPhase(); });
    connect(m_run, &RunController::logLine, this, &MainWindow::appendLog);
    connect(m_run, &RunController::snapshotArrived, this, &MainWindow::onSnapshot);
    connect(m_run, &RunController::failed, this, [this](const QString& phase, const QString& message) {
        QMessageBox::warning(this, tr("%1 failed").arg(phase), message);
    });

    m_run->setPhaseProvider(pipelinePhases(0, [this] { return runBackendConfig(); }));
    m_document->reset(makeExperiment(QStringLiteral("seed"), DataPanel::installedFashionMnist()));
    retranslateUi(false);
    readSettings();
    appendLog(tr("Ready."));
}

MainWindow::~MainWindow()
{
    // The document (a child, deleted after this body) clears its undo stack
    // on the way out, which signals the undo texts; the window is gone by then.
    m_document->undoStack()->disconnect(this);
}

// --- construction -------------------------------------------------------------

void MainWindow::createActions()
{
    m_newAction = new QAction(icon("new"), QString(), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (maybeSave())
            newFromPreset(QStringLiteral("seed"));
    });
    m_openAction = new QAction(icon("open"), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    m_saveAction = new QAction(icon("save"), QString(), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction = new QAction(this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    m_importAction = new QAction(this);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importWeights);
    m_exportAction = new QAction(icon("export"), QString(), this);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportPlot);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Own undo and redo actions (not QUndoStack's), so their prefix follows the language.
    QUndoStack* stack = m_document->undoStack();
    m_undoAction = new QAction(icon("undo"), QString(), this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(stack->canUndo());
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    m_redoAction = new QAction(icon("redo"), QString(), this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setEnabled(stack->canRedo());
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);

    m_runAllAction = new QAction(icon("run"), QString(), this);
    m_runAllAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_runAllAction, &QAction::triggered, this, [this] { startRun({PhaseId::Kind::RunAll}); });
    m_svmAction = new QAction(icon("svm"), QString(), this);
    connect(m_svmAction, &QAction::triggered, this, [this] { startRun({PhaseId::Kind::TrainSvm}); });
    m_testAction = new QAction(icon("test"), QString(), this);
    connect(m_testAction, &QAction::triggered, this, [this] { startRun({PhaseId::Kind::Test}); });
    m_cancelAction = new QAction(icon("cancel"), QString(), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, m_run, &RunController::cancel);

    m_presentAction = new QAction(icon("present"), QString(), this);
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_presentAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    // In presentation mode one key starts and stops.
    m_spaceKey = new QShortcut(QKeySequence(Qt::Key_Space), this);
    m_spaceKey->setEnabled(false);
    connect(m_spaceKey, &QShortcut::activated, this, &MainWindow::toggleRun);

    m_spinnakerAction = new QAction(this);
    connect(m_spinnakerAction, &QAction::triggered, this, [this] { raisePanel(QStringLiteral("spinnaker")); });

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newAction);
    m_presetMenu = m_fileMenu->addMenu(QString()); // filled by retranslateUi()
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_docksMenu = m_viewMenu->addMenu(QString());
    for (QDockWidget* dock : m_docks)
        m_docksMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(m_presentAction);
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    const std::pair<QString, QString> languages[] = {
        {QString(), QString()}, // "System default", set by retranslateUi()
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
    };
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    for (const auto& [code, name] : languages) {
        QAction* a = m_languageMenu->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == current);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    m_runMenu = menuBar()->addMenu(QString());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_runAllAction);
    m_toolBar->addAction(m_cancelAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addAction(m_presentAction);
    // Icons only for the editing actions keeps the bar short.
    for (QAction* a : {m_newAction, m_openAction, m_saveAction, m_undoAction, m_redoAction, m_exportAction})
        if (auto* w = m_toolBar->widgetForAction(a))
            if (auto* button = qobject_cast<QToolButton*>(w))
                button->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::createDocks()
{
    auto addDock = [this](QWidget* w, const QString& title, const char* name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(w);
        addDockWidget(area, dock);
        m_docks.push_back(dock);
        return dock;
    };
    createEditors();
    m_log = new views::LogView(this);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setMaximumLines(5000);
    m_runPanel = new QWidget(this);
    createRunPanel(m_runPanel);

    QDockWidget* layers = addDock(m_layers, QString(), "layersDock", Qt::LeftDockWidgetArea);
    QDockWidget* params = addDock(m_parameters, QString(), "parametersDock", Qt::LeftDockWidgetArea);
    // Tall panels scroll rather than push the window taller.
    auto scrolled = [this](QWidget* w) {
        auto* scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(w);
        return scroll;
    };
    QDockWidget* encoding =
        addDock(scrolled(m_encoding), QString(), "encodingDock", Qt::LeftDockWidgetArea);
    QDockWidget* data = addDock(scrolled(m_data), QString(), "dataDock", Qt::LeftDockWidgetArea);
    QDockWidget* run = addDock(m_runPanel, QString(), "runDock", Qt::RightDockWidgetArea);
    QDockWidget* log = addDock(m_log, QString(), "logDock", Qt::BottomDockWidgetArea);
    m_spinnaker = new SpinnakerPanel(m_document, this);
    m_spinnakerDock = addDock(scrolled(m_spinnaker), QString(), "spinnakerDock", Qt::LeftDockWidgetArea);
    m_live = new LiveSpikeLink(m_recorded.raster, this);
    connect(m_live, &LiveSpikeLink::logLine, this, &MainWindow::appendLog);
    connect(m_live, &LiveSpikeLink::spikesDrawn, this, [this] { showView(m_recorded.raster, true); });
    tabifyDockWidget(params, encoding);
    tabifyDockWidget(encoding, data);
    tabifyDockWidget(data, m_spinnakerDock);
    params->raise();
    Q_UNUSED(layers);
    Q_UNUSED(log);
    resizeDocks({layers, params}, {250, 500}, Qt::Vertical);
    resizeDocks({layers, run}, {400, 210}, Qt::Horizontal);
    resizeDocks({log}, {110}, Qt::Vertical);

    connectEditors();
}

void MainWindow::createEditors()
{
    m_layers = new LayerStackEditor(m_document, this);
    m_parameters = new ParameterEditor(m_document, this);
    m_encoding = new EncodingEditor(m_document, this);
    m_data = new DataPanel(m_document, this);
}

void MainWindow::connectEditors()
{
    connect(m_layers, &LayerStackEditor::currentLayerChanged, m_parameters, &ParameterEditor::setLayer);
    connect(m_layers, &LayerStackEditor::currentLayerChanged, this, [this] {
        if (!m_run->isRunning())
            showLearnedKernels();
    });
    connect(m_parameters, &ParameterEditor::layerChosen, m_layers, &LayerStackEditor::setCurrentLayer);
    connect(m_data, &DataPanel::chooseFolderRequested, this, &MainWindow::chooseDataFolder);
    connect(m_data, &DataPanel::previewChanged, this, [this](const PreviewImages& p) {
        if (m_run->isRunning() && m_liveViews->showsPresented())
            return; // the inputs view shows what the phase presents
        const DataSelection& d = m_document->data();
        showPreview(m_inputs, p, QString::fromStdString(d.dataDir.empty() ? d.name : d.dataDir));
        showView(m_inputs, !p.images.empty());
    });
}

void MainWindow::createRunPanel(QWidget* panel)
{
    auto* outer = new QVBoxLayout(panel);
    auto* phases = new QGroupBox(panel);
    m_phasesBox = phases;
    auto* pl = new QVBoxLayout(phases);
    m_trainButtons = new QVBoxLayout;
    pl->addLayout(m_trainButtons);
    for (QAction* a : {m_svmAction, m_testAction, m_runAllAction}) {
        auto* b = new QPushButton(a->icon(), a->text().remove(QLatin1Char('&')), phases);
        b->setToolTip(a->toolTip());
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        connect(a, &QAction::changed, b, [a, b] {
            b->setEnabled(a->isEnabled());
            b->setToolTip(a->toolTip());
            b->setText(a->text().remove(QLatin1Char('&')));
        });
        pl->addWidget(b);
    }
    outer->addWidget(phases);

    auto* backendBox = new QGroupBox(panel);
    m_backendBox = backendBox;
    auto* bl = new QVBoxLayout(backendBox);
    m_backend = new QComboBox(backendBox);
    for (const hardware::BackendInfo& b : hardware::availableBackends()) {
        const QString name = QString::fromStdString(b.name);
        m_backend->addItem(backendLabel(name), name);
        m_backend->setItemData(m_backend->count() - 1, QString::fromStdString(b.description), Qt::ToolTipRole);
    }
    m_backend->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_backend->setMinimumContentsLength(14);
    connect(m_backend, &QComboBox::activated, this,
            [this](int i) { m_document->setBackend(m_backend->itemData(i).toString()); });
    bl->addWidget(m_backend);
    outer->addWidget(backendBox);

    auto* progressBox = new QGroupBox(panel);
    m_progressBox = progressBox;
    auto* prl = new QVBoxLayout(progressBox);
    m_phaseLabel = new QLabel(progressBox);
    m_phaseLabel->setWordWrap(true);
    m_progress = new QProgressBar(progressBox);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_rateLabel = new QLabel(progressBox);
    m_rateLabel->setWordWrap(true);
    m_cancelButton = new QPushButton(m_cancelAction->icon(), QString(), progressBox);
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, m_cancelAction, &QAction::trigger);
    prl->addWidget(m_phaseLabel);
    prl->addWidget(m_progress);
    prl->addWidget(m_rateLabel);
    prl->addWidget(m_cancelButton);
    outer->addWidget(progressBox);
    outer->addStretch(1);
}

void MainWindow::createStatusBar()
{
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("runProblem"));
    m_problemLabel->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    statusBar()->addWidget(m_problemLabel, 1);
    m_statusProgress = new QProgressBar(this);
    m_statusProgress->setMaximumWidth(160);
    m_statusProgress->setMaximumHeight(16);
    m_statusProgress->hide();
    statusBar()->addPermanentWidget(m_statusProgress);
    m_summaryLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_summaryLabel);
}

// --- state --------------------------------------------------------------------

void MainWindow::setPhaseProvider(PhaseProvider provider)
{
    m_run->setPhaseProvider(std::move(provider));
    updateRunActions();
}

QAction* MainWindow::runAction(const PhaseId& id) const
{
    switch (id.kind) {
    case PhaseId::Kind::TrainLayer:
        for (QAction* a : m_trainActions)
            if (a->data().toInt() == id.layer)
                return a;
        return nullptr;
    case PhaseId::Kind::TrainSvm:
        return m_svmAction;
    case PhaseId::Kind::Test:
        return m_testAction;
    case PhaseId::Kind::RunAll:
        break;
    }
    return m_runAllAction;
}

void MainWindow::rebuildPhaseActions()
{
    for (QAction* a : m_trainActions)
        a->deleteLater();
    m_trainActions.clear();
    while (QLayoutItem* item = m_trainButtons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const model::Network& net = m_document->network();
    for (int i = 0; i < int(net.layers.size()); ++i) {
        if (net.layers[i].kind != model::LayerKind::Conv)
            continue;
        const PhaseId id{PhaseId::Kind::TrainLayer, i};
        auto* a = new QAction(icon("train"), RunController::phaseName(id), this);
        a->setData(i);
        a->setToolTip(tr("Train layer %1 with STDP").arg(i + 1));
        connect(a, &QAction::triggered, this, [this, id] { startRun(id); });
        m_trainActions.push_back(a);
        auto* b = new QPushButton(a->icon(), a->text(), m_runPanel);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        connect(a, &QAction::changed, b, [a, b] {
            b->setEnabled(a->isEnabled());
            b->setToolTip(a->toolTip());
        });
        m_trainButtons->addWidget(b);
    }
    m_runMenu->clear();
    for (QAction* a : m_trainActions)
        m_runMenu->addAction(a);
    m_runMenu->addAction(m_svmAction);
    m_runMenu->addAction(m_testAction);
    m_runMenu->addSeparator();
    m_runMenu->addAction(m_runAllAction);
    m_runMenu->addAction(m_cancelAction);
    m_runMenu->addSeparator();
    QMenu* backend = m_runMenu->addMenu(tr("&Backend"));
    auto* group = new QActionGroup(backend);
    for (int i = 0; i < m_backend->count(); ++i) {
        QAction* a = backend->addAction(m_backend->itemText(i));
        a->setCheckable(true);
        a->setChecked(i == m_backend->currentIndex());
        group->addAction(a);
        connect(a, &QAction::triggered, m_backend,
                [this, i] { m_document->setBackend(m_backend->itemData(i).toString()); });
    }
    m_runMenu->addAction(m_spinnakerAction);
    updateRunActions();
}

void MainWindow::updateRunActions()
{
    const model::Network& net = m_document->network();
    QString reason = texts::networkProblem(net);
    if (reason.isEmpty() && m_document->data().classes.empty())
        reason = tr("Choose at least one class in the Data panel.");
    if (reason.isEmpty() && !m_run->hasPhaseProvider())
        reason = tr("This build has no training pipeline; phases cannot run.");
    m_runBlocked = reason;
    const bool running = m_run->isRunning();
    const bool can = reason.isEmpty() && !running;
    std::vector<QAction*> all = m_trainActions;
    all.insert(all.end(), {m_svmAction, m_testAction, m_runAllAction});
    for (QAction* a : all) {
        a->setEnabled(can);
        const QString base = a == m_runAllAction ? tr("Train every layer, the SVM, then test (F5)")
                                                 : a->toolTip().section(QLatin1Char('\n'), 0, 0);
        a->setToolTip(reason.isEmpty() ? base : base + QLatin1Char('\n') + tr("Disabled: %1").arg(reason));
    }
    m_cancelAction->setEnabled(running);
    m_cancelButton->setEnabled(running);
    m_problemLabel->setText(reason.isEmpty() ? QString() : tr("Cannot run: %1").arg(reason));

    const QLocale loc;
    m_summaryLabel->setText(tr("Layers: %1 · %2 neurons · %3 synapses")
                                .arg(net.layers.size())
                                .arg(loc.toString(qlonglong(net.totalNeurons())))
                                .arg(loc.toString(qlonglong(net.totalSynapses()))));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — SpikingConvNet Workbench").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::appendLog(const QString& line)
{
    m_log->appendLine(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

// --- run ----------------------------------------------------------------------

void MainWindow::toggleRun()
{
    if (m_run->isRunning())
        m_run->cancel();
    else if (m_runAllAction->isEnabled())
        m_runAllAction->trigger();
    else
        statusBar()->showMessage(m_runBlocked, 5000);
}

void MainWindow::onPhaseStarted(const PhaseId& id, int step, int steps)
{
    m_phaseLabel->setText(steps > 1 ? tr("%1 (step %2 of %3)").arg(RunController::phaseName(id)).arg(step).arg(steps)
                                    : RunController::phaseName(id));
    m_progress->setRange(0, 0); // busy until the first report
    m_statusProgress->setRange(0, 0);
    m_rateLabel->clear();
}

void MainWindow::onProgress(qint64 done, qint64 total, double rate, double eta, const QString& stage)
{
    const int max = total > 0 ? 1000 : 0;
    const int value = total > 0 ? int(1000.0 * double(done) / double(total)) : 0;
    m_progress->setRange(0, max);
    m_progress->setValue(value);
    m_statusProgress->setRange(0, max);
    m_statusProgress->setValue(value);
    QString text = tr("%1 of %2 · %3/s · ETA %4")
                       .arg(done)
                       .arg(total)
                       .arg(QLocale().toString(rate, 'f', 1))
                       .arg(formatDuration(eta));
    if (!stage.isEmpty())
        text = texts::stage(stage) + QLatin1Char('\n') + text;
    m_rateLabel->setText(text);
}

namespace {

/// Model kernels (K × C × kh × kw) in the views' order (K × kh × kw × C).
std::vector<float> toViewOrder(const std::vector<float>& kchw, int k, int c, int kh, int kw)
{
    std::vector<float> out(kchw.size());
    for (int n = 0; n < k; ++n)
        for (int ch = 0; ch < c; ++ch)
            for (int y = 0; y < kh; ++y)
                for (int x = 0; x < kw; ++x)
                    out[std::size_t(((n * kh + y) * kw + x) * c + ch)] =
                        kchw[std::size_t(((n * c + ch) * kh + y) * kw + x)];
    return out;
}

} // namespace

void MainWindow::showLearnedKernels()
{
    const model::Experiment& e = m_document->experiment();
    const model::Network& net = e.network;
    // The selected layer if it is a conv layer with weights, else the first such layer.
    int layer = -1;
    const int current = m_layers->currentLayer();
    if (current >= 0 && current < int(net.layers.size()) && e.weights(current))
        layer = current;
    for (int i = 0; layer < 0 && i < int(net.layers.size()); ++i)
        if (net.layers[i].kind == model::LayerKind::Conv && e.weights(i))
            layer = i;
    // Recordings follow the same layer (or the selected one when nothing is trained).
    const QString dataName = e.dataset.dataDir.empty() ? QString::fromStdString(e.dataset.name)
                                                       : QString::fromStdString(e.dataset.dataDir);
    const RecordedShown shown = showRecordings(m_recorded, e, layer >= 0 ? layer : current, dataName);
    const std::pair<QWidget*, bool> recorded[] = {
        {m_recorded.raster, shown.raster},     {m_recorded.membrane, shown.membrane},
        {m_recorded.activity, shown.activity}, {m_recorded.accuracy, shown.accuracy},
        {m_recorded.confusion, shown.confusion},
    };
    for (const auto& [view, has] : recorded)
        showView(view, has);
    if (layer < 0) {
        showView(m_kernelView, false);
        showView(m_changeView, false);
        return;
    }
    const std::vector<std::int64_t> shape = model::weightsShape(net, layer); // K, C, kh, kw
    PhaseSnapshot s;
    s.layer = layer;
    s.kernelCount = int(shape[0]);
    s.channels = int(shape[1]);
    s.kh = int(shape[2]);
    s.kw = int(shape[3]);
    s.kernels = e.weights(layer)->toFloat();
    const auto initial = e.arrays.find(model::weightsKey(layer, true));
    if (initial != e.arrays.end())
        s.reference = initial->second.toFloat();
    onSnapshot(s);
}

bool MainWindow::isViewShown(QWidget* view) const
{
    auto* stack = qobject_cast<QStackedWidget*>(view->parentWidget());
    return stack && stack->currentIndex() == 1;
}

void MainWindow::showView(QWidget* view, bool show)
{
    if (auto* stack = qobject_cast<QStackedWidget*>(view->parentWidget()))
        stack->setCurrentIndex(show ? 1 : 0);
}

void MainWindow::onSnapshot(const PhaseSnapshot& s)
{
    // A board run's live link draws the raster in real time; snapshots then keep out of it.
    m_liveViews->setRasterEnabled(!m_live->isRunning());
    const RecordedShown live = m_liveViews->show(s);
    showView(m_recorded.raster, live.raster || isViewShown(m_recorded.raster));
    showView(m_recorded.membrane, live.membrane || isViewShown(m_recorded.membrane));
    showView(m_recorded.activity, live.activity || isViewShown(m_recorded.activity));
    if (m_liveViews->showsPresented())
        showView(m_inputs, true);
    const std::size_t size = std::size_t(s.kernelCount) * s.channels * s.kh * s.kw;
    if (s.layer < 0 || size == 0 || s.kernels.size() != size)
        return;
    const model::Shape shape{s.kh, s.kw, s.channels};
    const std::vector<float> now = toViewOrder(s.kernels, s.kernelCount, s.channels, s.kh, s.kw);
    m_kernelView->setKernels(shape, now, s.kernelCount);
    showView(m_kernelView, true);
    if (s.reference.size() == size) {
        m_changeView->setKernelChange(shape, toViewOrder(s.reference, s.kernelCount, s.channels, s.kh, s.kw), now,
                                      s.kernelCount);
        showView(m_changeView, true);
    }
}

void MainWindow::onRunningChanged(bool running)
{
    if (running && onBoard())
        startLiveLink();
    else if (!running)
        m_live->stop();
    m_statusProgress->setVisible(running);
    if (!running) {
        m_phaseLabel->setText(tr("Idle"));
        if (m_progress->maximum() == 0)
            m_progress->setRange(0, 1);
    }
    // The phase commits into the experiment it started from, so the editors
    // wait until it is over.
    for (QWidget* editor : {static_cast<QWidget*>(m_layers), static_cast<QWidget*>(m_parameters),
                            static_cast<QWidget*>(m_encoding), static_cast<QWidget*>(m_data),
                            static_cast<QWidget*>(m_backend), static_cast<QWidget*>(m_spinnaker)})
        editor->setEnabled(!running);
    m_undoAction->setEnabled(!running && m_document->undoStack()->canUndo());
    m_redoAction->setEnabled(!running && m_document->undoStack()->canRedo());
    updateRunActions();
}

// --- files --------------------------------------------------------------------

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The experiment “%1” has changes that are not saved. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newFromPreset(const QString& id)
{
    m_run->abandon();
    m_document->reset(makeExperiment(id, DataPanel::installedFashionMnist()));
    m_layers->setCurrentLayer(0);
    QString title = id;
    for (const Preset& p : presets())
        if (p.id == id)
            title = p.title;
    appendLog(tr("New experiment: %1").arg(title));
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Experiment Folder"), settings.value(QStringLiteral("folders/experiments")).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/experiments"), QFileInfo(dir).absolutePath());
    openExperiment(dir);
}

bool MainWindow::openExperiment(const QString& path, bool interactive)
{
    m_run->abandon();
    try {
        const model::Experiment e = model::loadExperiment(QDir(path).absolutePath().toStdString());
        m_document->reset(e, QDir(path).absolutePath());
    } catch (const std::exception& e) {
        appendLog(tr("Could not open %1: %2").arg(path, QString::fromUtf8(e.what())));
        if (interactive)
            QMessageBox::warning(this, tr("Cannot open experiment"),
                                 tr("Could not open “%1”:\n%2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    addRecent(m_document->filePath());
    m_layers->setCurrentLayer(0);
    const QStringList history =
        QString::fromStdString(m_document->experiment().log).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    m_log->appendLines(history);
    appendLog(tr("Opened %1").arg(m_document->filePath()));
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QSettings settings;
    const QString start = settings.value(QStringLiteral("folders/experiments"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Experiment As Folder"), QDir(start).filePath(m_document->displayName()));
    if (path.isEmpty())
        return false;
    settings.setValue(QStringLiteral("folders/experiments"), QFileInfo(path).absolutePath());
    return saveTo(path);
}

bool MainWindow::saveTo(const QString& path)
{
    try {
        model::saveExperiment(m_document->experiment(), path.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot save experiment"),
                             tr("Could not save “%1”:\n%2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    m_document->setFilePath(QDir(path).absolutePath());
    m_document->markSaved();
    addRecent(m_document->filePath());
    appendLog(tr("Saved %1").arg(m_document->filePath()));
    return true;
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentExperiments")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentExperiments"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentExperiments")).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openExperiment(path);
        });
    }
    if (recent.isEmpty()) {
        QAction* none = m_recentMenu->addAction(tr("No recent experiments"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
            QSettings().remove(QStringLiteral("recentExperiments"));
            updateRecentMenu();
        });
    }
}

void MainWindow::chooseDataFolder()
{
    QSettings settings;
    const QString start = m_document->data().dataDir.empty()
                              ? settings.value(QStringLiteral("folders/data"), QDir::homePath()).toString()
                              : QString::fromStdString(m_document->data().dataDir);
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose Data Folder"), start);
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/data"), dir);
    m_document->setDataFolder(dir);
}

void MainWindow::importWeights()
{
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Import Original Weights: Choose the model Folder"),
        settings.value(QStringLiteral("folders/import"), QDir::homePath()).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/import"), dir);
    model::Experiment e = m_document->experiment();
    try {
        const std::vector<std::string> files = model::importSeedWeights(e, dir.toStdString());
        m_document->applyResult(e, ExperimentDocument::Change::Weights);
        appendLog(tr("Imported %1 weight file(s) from %2").arg(files.size()).arg(dir));
    } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Import Original Weights"),
                             tr("Could not import from “%1”:\n%2").arg(dir, QString::fromUtf8(ex.what())));
    }
}

void MainWindow::exportPlot()
{
    QWidget* view = m_views->currentWidget();
    if (!view)
        return;
    QSettings settings;
    const QString start = settings.value(QStringLiteral("folders/export"), QDir::homePath()).toString();
    QString selected;
    const QString name = m_views->tabText(m_views->currentIndex()).remove(QLatin1Char('&')).toLower().replace(
        QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Plot"), QDir(start).filePath(name + QStringLiteral(".png")),
                                                      views::PlotExport::fileDialogFilter(),
                                                      &selected);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/export"), QFileInfo(path).absolutePath());
    QString error;
    bool ok = false;
    if (auto* stack = qobject_cast<QStackedWidget*>(view))
        view = stack->currentWidget();
    if (auto* plot = qobject_cast<views::PlotView*>(view))
        ok = plot->exportTo(path, &error);
    else
        ok = views::PlotExport::write(
            path, view->size(), [view](QPaintDevice* device, views::PlotExport::Format) { view->render(device); },
            &error);
    if (!ok)
        QMessageBox::warning(this, tr("Cannot export plot"), error);
    else
        appendLog(tr("Exported %1").arg(path));
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About SpikingConvNet Workbench"),
        tr("<h3>SpikingConvNet Workbench %1</h3>"
           "<p>Design spiking convolutional networks, train them layer by layer with STDP on an embedded "
           "simulator or SpiNNaker, read them out with a linear SVM, and watch them learn.</p>"
           "<p>Views library %2. Licensed under the GNU GPL, version 3 or later.</p>")
            .arg(QApplication::applicationVersion(), QString::fromUtf8(views::viewsVersion())));
}

void MainWindow::setLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    // Installing the translators sends every widget a LanguageChange event (changeEvent()).
    switchLanguage(code);
    statusBar()->showMessage(
        tr("The window now uses the new language; the SpiNNaker panel follows when the workbench starts "
           "next."),
        15000);
}

QString MainWindow::backendLabel(const QString& name) const
{
    if (name == QLatin1String("sim"))
        return tr("Embedded simulator");
    if (name == QLatin1String("sim:spinnaker"))
        return tr("Embedded simulator, SpiNNaker arithmetic");
    if (name.startsWith(QLatin1String("pynn:")))
        return tr("PyNN script: %1").arg(name.mid(5));
    return name;
}

void MainWindow::updateUndoTexts()
{
    const QUndoStack* stack = m_document->undoStack();
    const QString undo = stack->undoText();
    const QString redo = stack->redoText();
    m_undoAction->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_redoAction->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_views && m_layers) {
        retranslateUi(true);
        // Legends and labels that come with recorded data (the views retranslate their own texts).
        if (!m_run->isRunning())
            showLearnedKernels();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi(bool rebuildEditors)
{
    m_newAction->setText(tr("&New"));
    m_newAction->setToolTip(tr("New experiment from the original network"));
    m_openAction->setText(tr("&Open…"));
    m_openAction->setToolTip(tr("Open an experiment folder"));
    m_saveAction->setText(tr("&Save"));
    m_saveAction->setToolTip(tr("Save the experiment"));
    m_saveAsAction->setText(tr("Save &As…"));
    m_importAction->setText(tr("&Import Original Weights…"));
    m_importAction->setToolTip(tr("Import the 2018 package's model/w_layer_N weight files"));
    m_exportAction->setText(tr("&Export Plot…"));
    m_exportAction->setToolTip(tr("Export the current view as PNG, SVG or PDF"));
    m_quitAction->setText(tr("&Quit"));
    m_runAllAction->setText(tr("Run &All"));
    m_runAllAction->setToolTip(tr("Train every layer, the SVM, then test (F5)"));
    m_svmAction->setText(tr("Train &SVM"));
    m_svmAction->setToolTip(tr("Train the linear SVM readout on the last layer's spike counts"));
    m_testAction->setText(tr("&Test"));
    m_testAction->setToolTip(tr("Classify the test examples and record the accuracy"));
    m_cancelAction->setText(tr("&Cancel"));
    m_cancelAction->setToolTip(tr("Stop the running phase; the experiment stays as it was (Esc)"));
    m_presentAction->setText(tr("&Presentation Mode"));
    m_presentAction->setToolTip(tr("Large fonts and full-screen views; Space starts and stops (F11)"));
    m_spinnakerAction->setText(tr("&SpiNNaker Settings…"));
    m_spinnakerAction->setToolTip(tr("Board or spalloc server, mapping, Python interpreter, connection test"));
    m_aboutAction->setText(tr("&About SpikingConvNet Workbench"));
    updateUndoTexts();

    m_fileMenu->setTitle(tr("&File"));
    m_presetMenu->setTitle(tr("New from &Preset"));
    m_presetMenu->clear();
    for (const Preset& p : presets()) {
        QAction* a = m_presetMenu->addAction(p.title);
        a->setToolTip(p.description);
        a->setStatusTip(p.description);
        connect(a, &QAction::triggered, this, [this, id = p.id] {
            if (maybeSave())
                newFromPreset(id);
        });
    }
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_docksMenu->setTitle(tr("&Panels"));
    m_languageMenu->setTitle(tr("&Language"));
    m_languageGroup->actions().first()->setText(tr("System default"));
    m_runMenu->setTitle(tr("&Run"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main"));

    const std::pair<const char*, QString> docks[] = {
        {"layersDock", tr("Layers")},   {"parametersDock", tr("Parameters")},
        {"encodingDock", tr("Encoding and Timing")}, {"dataDock", tr("Data")},
        {"runDock", tr("Run")},         {"logDock", tr("Log")},
        {"spinnakerDock", tr("SpiNNaker")},
    };
    for (QDockWidget* d : m_docks)
        for (const auto& [name, title] : docks)
            if (d->objectName() == QLatin1String(name))
                d->setWindowTitle(title);

    // View tabs: short title, full name as tooltip, and the hint shown until data arrive.
    const QString tabs[][3] = {
        {tr("Kernels"), tr("Kernel heatmaps"),
         tr("Kernel heatmaps appear here when a layer trains or an experiment with learned weights is opened.")},
        {tr("Change"), tr("Weight change (after − before)"),
         tr("Weight changes (after − before) appear here while a layer trains.")},
        {tr("Raster"), tr("Spike raster"),
         tr("Input (blue) and kernel (red) spikes of a layer appear here while and after it trains.")},
        {tr("Membrane"), tr("Membrane potentials"),
         tr("Membrane potentials of the first kernels appear here while and after a layer trains.")},
        {tr("Activity"), tr("Layer activity: spike counts per kernel map"),
         tr("Spike counts per kernel map appear here while a layer trains, and for the last layer after the "
            "SVM or a test.")},
        {tr("Accuracy"), tr("Accuracy of every test run"), tr("The accuracy of every test run appears here.")},
        {tr("Confusion"), tr("Confusion matrix"), tr("The confusion matrix appears here after a test.")},
        {tr("Inputs"), tr("Input images"),
         tr("The input images appear here once the data are found, and the images being presented while a "
            "phase runs.")},
    };
    for (int i = 0; i < m_views->count() && i < int(std::size(tabs)); ++i) {
        m_views->setTabText(i, tabs[i][0]);
        m_views->setTabToolTip(i, tabs[i][1]);
        m_viewHints[std::size_t(i)]->setText(tabs[i][2]);
    }

    m_phasesBox->setTitle(tr("Phases"));
    m_backendBox->setTitle(tr("Backend"));
    m_progressBox->setTitle(tr("Progress"));
    m_backend->setToolTip(tr("Where phases run"));
    for (int i = 0; i < m_backend->count(); ++i)
        m_backend->setItemText(i, backendLabel(m_backend->itemData(i).toString()));
    m_cancelButton->setText(tr("Cancel"));
    if (!m_run->isRunning())
        m_phaseLabel->setText(tr("Idle"));

    // Editors build their texts once: new ones replace them (they keep no state of their own).
    if (rebuildEditors) {
        const int layer = m_layers->currentLayer();
        const QList<QWidget*> old = {m_layers, m_parameters, m_encoding, m_data};
        createEditors();
        for (QDockWidget* d : m_docks) {
            if (d->widget() == old[0])
                d->setWidget(m_layers);
            else if (d->widget() == old[1])
                d->setWidget(m_parameters);
            else if (auto* scroll = qobject_cast<QScrollArea*>(d->widget()); scroll && scroll->widget() == old[2])
                scroll->setWidget(m_encoding);
            else if (scroll && scroll->widget() == old[3])
                scroll->setWidget(m_data);
        }
        for (QWidget* w : {old[0], old[1]})
            delete w; // the scroll areas deleted the others
        connectEditors();
        m_layers->setCurrentLayer(std::max(0, layer));
        m_parameters->setLayer(std::max(0, layer));
        onRunningChanged(m_run->isRunning());
    }

    rebuildPhaseActions();
    updateRecentMenu();
    updateTitle();
    updateRunActions();
}

bool MainWindow::isLoading() const
{
    return m_data->isLoading();
}

bool MainWindow::raisePanel(const QString& name)
{
    for (QDockWidget* d : m_docks)
        if (d->objectName() == name + QStringLiteral("Dock")) {
            d->show();
            d->raise();
            return true;
        }
    for (int i = 0; i < m_views->count(); ++i)
        if (m_views->widget(i)->objectName() == name) {
            m_views->setCurrentIndex(i);
            return true;
        }
    return false;
}

QStringList MainWindow::panelNames() const
{
    QStringList names;
    for (QDockWidget* d : m_docks)
        names << d->objectName().chopped(int(QStringLiteral("Dock").size()));
    for (int i = 0; i < m_views->count(); ++i)
        names << m_views->widget(i)->objectName();
    return names;
}

// --- presentation -------------------------------------------------------------

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    {
        const QSignalBlocker block(m_presentAction);
        m_presentAction->setChecked(on);
    }
    if (on) {
        m_stateBeforePresenting = saveState();
        m_fontBeforePresenting = font();
        // The views fill the screen; the tool bar and status bar keep Run, Cancel and the progress.
        for (QDockWidget* d : m_docks)
            d->hide();
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        setFont(big);
        m_toolBar->setIconSize(QSize(40, 40));
        showFullScreen();
    } else {
        setFont(m_fontBeforePresenting);
        m_toolBar->setIconSize(QSize(24, 24));
        showNormal();
        restoreState(m_stateBeforePresenting);
    }
    m_spaceKey->setEnabled(on);
}

// --- settings, close, drop ------------------------------------------------------

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
}

void MainWindow::writeSettings()
{
    QSettings settings;
    if (m_presenting)
        setPresentationMode(false);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_run->isRunning()) {
        QMessageBox box(QMessageBox::Question, tr("A phase is running"),
                        tr("Stop the running phase and close? The experiment stays as it was before the phase."),
                        QMessageBox::NoButton, this);
        QPushButton* stop = box.addButton(tr("Stop and Close"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(tr("Keep Running"), QMessageBox::RejectRole));
        box.exec();
        if (box.clickedButton() != stop) {
            event->ignore();
            return;
        }
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    // Nothing the phase still reports is committed; the worker stops at its next check.
    m_run->abandon();
    writeSettings();
    event->accept();
}

namespace {

/// The experiment folder a drop carries, or empty.
QString droppedFolder(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().first();
    if (!url.isLocalFile())
        return {};
    QFileInfo info(url.toLocalFile());
    if (info.isFile() && info.fileName() == QLatin1String("experiment.json"))
        info = QFileInfo(info.absolutePath());
    return info.isDir() ? info.absoluteFilePath() : QString();
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFolder(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString folder = droppedFolder(event->mimeData());
    if (folder.isEmpty())
        return;
    event->acceptProposedAction();
    if (maybeSave())
        openExperiment(folder);
}

} // namespace scnn::app
