// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the SpiNNaker settings panel.
#include "app/workbench/spinnakerpanel.h"

#include "app/workbench/experimentdocument.h"
#include "hardware/pipeline/experimentstore.h"
#include "model/boardsettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace scnn::app {

namespace {

const QString kGroup = QStringLiteral("spinnaker/");

/// Red frame and the reason as tool tip, like the layer editor's fields.
void markField(QWidget* field, const QString& problem, const QString& tip)
{
    field->setStyleSheet(problem.isEmpty() ? QString()
                                           : QStringLiteral("%1 { border: 2px solid #d32f2f; border-radius: 3px; }")
                                                 .arg(QLatin1String(field->metaObject()->className())));
    field->setToolTip(problem.isEmpty() ? tip : problem);
    field->setProperty("invalid", !problem.isEmpty());
}

QString machineKey(SpinnakerPanel::Machine m)
{
    switch (m) {
    case SpinnakerPanel::Machine::Spalloc:
        return QStringLiteral("spalloc");
    case SpinnakerPanel::Machine::Virtual:
        return QStringLiteral("virtual");
    case SpinnakerPanel::Machine::Board:
        break;
    }
    return QStringLiteral("board");
}

} // namespace

SpinnakerPanel::SpinnakerPanel(ExperimentDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("spinnaker"));
    auto* outer = new QVBoxLayout(this);

    auto* machineBox = new QGroupBox(tr("Machine (this computer)"), this);
    auto* ml = new QVBoxLayout(machineBox);
    m_machine = new QComboBox(machineBox);
    m_machine->addItem(tr("Board on the network"), int(Machine::Board));
    m_machine->addItem(tr("spalloc server"), int(Machine::Spalloc));
    m_machine->addItem(tr("Virtual board (no hardware)"), int(Machine::Virtual));
    m_machine->setToolTip(tr("How sPyNNaker finds its machine"));
    ml->addWidget(m_machine);
    // One form; only the rows of the chosen machine are visible.
    m_machineForm = new QFormLayout;
    m_host = new QLineEdit(machineBox);
    m_host->setPlaceholderText(tr("e.g. 192.168.240.253"));
    m_version = new QComboBox(machineBox);
    m_version->addItem(tr("5: SpiNN-5, 48 chips"), 5);
    m_version->addItem(tr("3: SpiNN-3, 4 chips"), 3);
    m_spallocServer = new QLineEdit(machineBox);
    m_spallocServer->setPlaceholderText(tr("e.g. spinnaker.cs.man.ac.uk"));
    m_spallocPort = new QSpinBox(machineBox);
    m_spallocPort->setRange(1, 65535);
    m_spallocPort->setValue(22244);
    m_spallocUser = new QLineEdit(machineBox);
    m_spallocMachine = new QLineEdit(machineBox);
    m_spallocMachine->setPlaceholderText(tr("any"));
    m_virtualNote = new QLabel(tr("The network is mapped without hardware; nothing runs. Useful to check "
                                  "that it fits."),
                               machineBox);
    m_virtualNote->setWordWrap(true);
    m_machineForm->addRow(tr("Board host:"), m_host);
    m_machineForm->addRow(tr("Board version:"), m_version);
    m_machineForm->addRow(tr("Server:"), m_spallocServer);
    m_machineForm->addRow(tr("Port:"), m_spallocPort);
    m_machineForm->addRow(tr("User:"), m_spallocUser);
    m_machineForm->addRow(tr("Machine:"), m_spallocMachine);
    m_machineForm->addRow(m_virtualNote);
    ml->addLayout(m_machineForm);

    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test connection"), machineBox);
    m_test->setToolTip(tr("Ask the board who it is (SCP version command; it never boots or changes the board)"));
    m_busy = new QProgressBar(machineBox);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy, 1);
    ml->addLayout(testRow);
    m_result = new QLabel(machineBox);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide(); // until a test says something
    ml->addWidget(m_result);
    outer->addWidget(machineBox);

    auto* mapBox = new QGroupBox(tr("Mapping (saved with the experiment)"), this);
    auto* mf = new QFormLayout(mapBox);
    m_neuronsPerCore = new QSpinBox(mapBox);
    m_neuronsPerCore->setRange(1, 256);
    m_neuronsPerCore->setToolTip(tr("Neurons of one population on one core (at most 256; the original used 100)"));
    m_timeScale = new QSpinBox(mapBox);
    m_timeScale->setRange(0, 10000);
    m_timeScale->setSpecialValueText(tr("Default"));
    m_timeScale->setToolTip(tr("How many times slower than real time the board runs (0: sPyNNaker's default)"));
    mf->addRow(tr("Neurons per core:"), m_neuronsPerCore);
    mf->addRow(tr("Time scale factor:"), m_timeScale);
    outer->addWidget(mapBox);

    auto* toolBox = new QGroupBox(tr("Toolchain (this computer)"), this);
    auto* tf = new QFormLayout(toolBox);
    m_python = new QLineEdit(toolBox);
    m_python->setPlaceholderText(QStringLiteral("/usr/bin/python3"));
    tf->addRow(tr("Python interpreter:"), m_python);
    outer->addWidget(toolBox);

    auto* estimateBox = new QGroupBox(tr("Real time on the board"), this);
    auto* el = new QVBoxLayout(estimateBox);
    m_estimate = new QLabel(estimateBox);
    m_estimate->setObjectName(QStringLiteral("estimate"));
    m_estimate->setWordWrap(true);
    el->addWidget(m_estimate);
    outer->addWidget(estimateBox);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    outer->addWidget(m_problem);
    outer->addStretch(1);

    readSettings();
    fromDocument();

    connect(m_machine, &QComboBox::currentIndexChanged, this, [this] {
        showMachineRows();
        writeSettings();
    });
    for (QLineEdit* e : {m_host, m_spallocServer, m_spallocUser, m_spallocMachine, m_python})
        connect(e, &QLineEdit::textChanged, this, &SpinnakerPanel::writeSettings);
    connect(m_version, &QComboBox::currentIndexChanged, this, &SpinnakerPanel::writeSettings);
    connect(m_spallocPort, &QSpinBox::valueChanged, this, &SpinnakerPanel::writeSettings);
    connect(m_neuronsPerCore, &QSpinBox::valueChanged, this, &SpinnakerPanel::toDocument);
    connect(m_timeScale, &QSpinBox::valueChanged, this, &SpinnakerPanel::toDocument);
    connect(m_test, &QPushButton::clicked, this, &SpinnakerPanel::testConnection);
    connect(&m_watcher, &QFutureWatcher<hardware::ProbeResult>::finished, this, &SpinnakerPanel::onTestDone);
    connect(m_document, &ExperimentDocument::changed, this, [this] { fromDocument(); });
}

SpinnakerPanel::~SpinnakerPanel()
{
    if (m_cancelProbe)
        m_cancelProbe->store(true); // the probe checks every 50 ms
    m_watcher.waitForFinished();
}

// --- settings ------------------------------------------------------------------

void SpinnakerPanel::showMachineRows()
{
    const auto machine = Machine(m_machine->currentData().toInt());
    const bool board = machine == Machine::Board;
    const bool spalloc = machine == Machine::Spalloc;
    m_machineForm->setRowVisible(m_host, board);
    m_machineForm->setRowVisible(m_version, machine != Machine::Spalloc);
    for (QWidget* w : {static_cast<QWidget*>(m_spallocServer), static_cast<QWidget*>(m_spallocPort),
                       static_cast<QWidget*>(m_spallocUser), static_cast<QWidget*>(m_spallocMachine)})
        m_machineForm->setRowVisible(w, spalloc);
    m_machineForm->setRowVisible(m_virtualNote, machine == Machine::Virtual);
}

void SpinnakerPanel::readSettings()
{
    m_loading = true;
    const QSettings s;
    const QString machine = s.value(kGroup + QStringLiteral("machine"), QStringLiteral("board")).toString();
    int index = 0;
    for (int i = 0; i < m_machine->count(); ++i)
        if (machineKey(Machine(m_machine->itemData(i).toInt())) == machine)
            index = i;
    m_machine->setCurrentIndex(index);
    showMachineRows();
    m_host->setText(s.value(kGroup + QStringLiteral("boardHost")).toString());
    const int version = m_version->findData(s.value(kGroup + QStringLiteral("boardVersion"), 5).toInt());
    m_version->setCurrentIndex(version >= 0 ? version : 0);
    m_spallocServer->setText(s.value(kGroup + QStringLiteral("spallocServer")).toString());
    m_spallocPort->setValue(s.value(kGroup + QStringLiteral("spallocPort"), 22244).toInt());
    m_spallocUser->setText(s.value(kGroup + QStringLiteral("spallocUser")).toString());
    m_spallocMachine->setText(s.value(kGroup + QStringLiteral("spallocMachine")).toString());
    m_python->setText(s.value(kGroup + QStringLiteral("python"), QStringLiteral("/usr/bin/python3")).toString());
    m_loading = false;
    validate();
}

void SpinnakerPanel::writeSettings()
{
    if (m_loading)
        return;
    QSettings s;
    s.setValue(kGroup + QStringLiteral("machine"), machineKey(Machine(m_machine->currentData().toInt())));
    s.setValue(kGroup + QStringLiteral("boardHost"), m_host->text().trimmed());
    s.setValue(kGroup + QStringLiteral("boardVersion"), m_version->currentData().toInt());
    s.setValue(kGroup + QStringLiteral("spallocServer"), m_spallocServer->text().trimmed());
    s.setValue(kGroup + QStringLiteral("spallocPort"), m_spallocPort->value());
    s.setValue(kGroup + QStringLiteral("spallocUser"), m_spallocUser->text().trimmed());
    s.setValue(kGroup + QStringLiteral("spallocMachine"), m_spallocMachine->text().trimmed());
    s.setValue(kGroup + QStringLiteral("python"), m_python->text().trimmed());
    validate();
    emit settingsChanged();
}

void SpinnakerPanel::fromDocument()
{
    model::BoardRunSettings b;
    try {
        b = model::boardRunSettings(m_document->experiment());
    } catch (const std::exception&) {
        // Shown as the defaults; validate() names the stored problem.
    }
    {
        const QSignalBlocker b1(m_neuronsPerCore), b2(m_timeScale);
        m_neuronsPerCore->setValue(b.neuronsPerCore);
        m_timeScale->setValue(b.timeScaleFactor);
    }
    const double dt = m_document->network().timing.dt;
    m_timeScale->setSpecialValueText(
        tr("Default (%1)").arg(model::effectiveTimeScaleFactor(0, dt)));
    validate();
    updateEstimate();
}

void SpinnakerPanel::toDocument()
{
    const model::BoardRunSettings b{m_neuronsPerCore->value(), m_timeScale->value()};
    try {
        m_document->setBoardRunSettings(b, QStringLiteral("spinnaker"));
    } catch (const std::exception&) {
        // The spin boxes' ranges keep values valid; validate() explains anything else.
    }
    validate();
    updateEstimate();
}

hardware::SpinnakerSettings SpinnakerPanel::settings() const
{
    hardware::SpinnakerSettings s;
    const auto machine = Machine(m_machine->currentData().toInt());
    if (machine == Machine::Board) {
        s.boardHost = m_host->text().trimmed().toStdString();
        s.boardVersion = m_version->currentData().toInt();
    } else if (machine == Machine::Spalloc) {
        s.spallocServer = m_spallocServer->text().trimmed().toStdString();
        s.spallocPort = m_spallocPort->value();
        s.spallocUser = m_spallocUser->text().trimmed().toStdString();
        s.spallocMachine = m_spallocMachine->text().trimmed().toStdString();
    } else {
        s.virtualBoard = true;
        s.boardVersion = m_version->currentData().toInt();
    }
    s.neuronsPerCore = m_neuronsPerCore->value();
    s.timeScaleFactor = m_timeScale->value();
    return s;
}

QString SpinnakerPanel::python() const
{
    const QString p = m_python->text().trimmed();
    return p.isEmpty() ? QStringLiteral("/usr/bin/python3") : p;
}

hardware::BackendConfig SpinnakerPanel::backendConfig() const
{
    hardware::BackendConfig c;
    c.pynn.python = python().toStdString();
    c.pynn.script.spinnaker = settings();
    return c;
}

QString SpinnakerPanel::problem() const
{
    return m_problem->text();
}

// --- validation -----------------------------------------------------------------

void SpinnakerPanel::validate()
{
    const auto machine = Machine(m_machine->currentData().toInt());
    QString hostProblem, serverProblem, userProblem, pythonProblem, scaleProblem;
    const QString host = m_host->text().trimmed();
    if (machine == Machine::Board) {
        if (host.isEmpty())
            hostProblem = tr("Enter the board's IP address or host name.");
        else if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char(':')))
            hostProblem = tr("A board host has no spaces and no port: “%1”.").arg(host);
    }
    if (machine == Machine::Spalloc) {
        const QString server = m_spallocServer->text().trimmed();
        if (server.isEmpty())
            serverProblem = tr("Enter the spalloc server's host name.");
        else if (server.contains(QLatin1Char(' ')) || server.contains(QLatin1Char(':')))
            serverProblem = tr("A server name has no spaces and no port (the port has its own field): “%1”.")
                                .arg(server);
        if (m_spallocUser->text().trimmed().isEmpty())
            userProblem = tr("spalloc needs the user name of your account.");
    }
    const QString py = m_python->text().trimmed();
    if (!py.isEmpty()) {
        if (py.contains(QLatin1Char('/'))) {
            const QFileInfo info(py);
            if (!info.exists())
                pythonProblem = tr("There is no file “%1”.").arg(py);
            else if (!info.isFile() || !info.isExecutable())
                pythonProblem = tr("“%1” is not an executable program.").arg(py);
        } else if (QStandardPaths::findExecutable(py).isEmpty()) {
            pythonProblem = tr("No program “%1” on the PATH.").arg(py);
        }
    }
    const double dt = m_document->network().timing.dt;
    const int scale = m_timeScale->value();
    if (scale > 0 && dt > 0.0 && dt * scale < 1.0 - 1e-9)
        scaleProblem = tr("With a timestep of %1 ms the time scale factor must be at least %2: sPyNNaker refuses "
                          "to run faster than 1 ms of real time per step.")
                           .arg(dt)
                           .arg(int(std::ceil(1.0 / dt - 1e-9)));

    markField(m_host, hostProblem, tr("IP address or host name of the board (its Ethernet chip)"));
    markField(m_spallocServer, serverProblem, tr("Host name of the spalloc server"));
    markField(m_spallocUser, userProblem, tr("Your spalloc user name"));
    markField(m_python, pythonProblem, tr("The interpreter that has PyNN and sPyNNaker (or NEST, Brian 2)"));
    markField(m_timeScale, scaleProblem,
              tr("How many times slower than real time the board runs (0: sPyNNaker's default)"));

    QString problem;
    for (const QString& p : {hostProblem, serverProblem, userProblem, scaleProblem, pythonProblem})
        if (problem.isEmpty())
            problem = p;
    if (problem.isEmpty()) {
        try {
            model::boardRunSettings(m_document->experiment());
        } catch (const std::exception& e) {
            problem = tr("The experiment's SpiNNaker settings are wrong: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_test->setEnabled(machine == Machine::Board && hostProblem.isEmpty() && !isTesting());
}

// --- estimate -------------------------------------------------------------------

std::optional<model::BoardTime> SpinnakerPanel::trainingTime(const model::Experiment& e, int layer, bool* exactImages)
{
    try {
        const model::TrainingSettings training = hardware::pipeline::trainingSettings(e);
        if (layer < 0 || layer >= int(e.network.layers.size())
            || e.network.layers[std::size_t(layer)].kind != model::LayerKind::Conv
            || training.mode(layer) != model::LayerTrainingMode::Windowed)
            return std::nullopt;
        const model::BoardRunSettings board = model::boardRunSettings(e);
        const std::int64_t images = model::trainingImages(e.dataset, training.stdpExamples, exactImages);
        return model::boardTime(images, model::windowsPerImage(e.network, layer), e.network.timing.presentationMs,
                                model::effectiveTimeScaleFactor(board.timeScaleFactor, e.network.timing.dt));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void SpinnakerPanel::updateEstimate()
{
    const model::Experiment& e = m_document->experiment();
    QStringList lines;
    const QLocale loc;
    for (int i = 0; i < int(e.network.layers.size()); ++i) {
        bool exact = true;
        const auto t = trainingTime(e, i, &exact);
        if (!t)
            continue;
        const QString images = exact ? loc.toString(qlonglong(t->images))
                                     : tr("about %1").arg(loc.toString(qlonglong(t->images)));
        QString line = tr("Train layer %1: %2 images × %3 windows × %4 ms × time scale %5 = %6 h")
                           .arg(i + 1)
                           .arg(images)
                           .arg(loc.toString(qlonglong(t->windowsPerImage)))
                           .arg(loc.toString(t->presentationMs, 'g', 6))
                           .arg(t->timeScaleFactor)
                           .arg(loc.toString(t->realHours(), 'f', 2));
        if (t->exceedsHour())
            line = QStringLiteral("<b>%1</b>").arg(line.toHtmlEscaped());
        else
            line = line.toHtmlEscaped();
        lines << line;
    }
    m_estimate->setText(lines.isEmpty() ? tr("No layer trains with windows.")
                                        : lines.join(QStringLiteral("<br>"))
                                              + QStringLiteral("<br><small>%1</small>")
                                                    .arg(tr("Real time only: mapping, loading and reading back "
                                                            "come on top.")
                                                             .toHtmlEscaped()));
}

// --- connection test --------------------------------------------------------------

bool SpinnakerPanel::isTesting() const
{
    return m_watcher.isRunning();
}

void SpinnakerPanel::testConnection()
{
    if (isTesting())
        return;
    const QString host = m_host->text().trimmed();
    if (Machine(m_machine->currentData().toInt()) != Machine::Board || host.isEmpty()) {
        m_result->setText(tr("Enter a board host first; boards from spalloc are allocated for each run."));
        m_result->show();
        return;
    }
    hardware::ProbeOptions o;
    o.host = host.toStdString();
    o.port = m_probePort;
    o.timeout = m_probeTimeout;
    m_cancelProbe = std::make_shared<std::atomic<bool>>(false);
    o.cancel = m_cancelProbe.get();
    m_watcher.setFuture(QtConcurrent::run([o, keep = m_cancelProbe] { return hardware::probeBoard(o); }));
    m_test->setEnabled(false);
    m_busy->show();
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Asking %1 (port %2) …").arg(host).arg(m_probePort));
    m_result->show();
}

void SpinnakerPanel::onTestDone()
{
    m_busy->hide();
    const hardware::ProbeResult r = m_watcher.result();
    QString text;
    if (r.ok()) {
        const hardware::VersionInfo& v = *r.version;
        text = tr("%1 %2 (%3) answered from chip (%4, %5), core %6; built %7.")
                   .arg(QString::fromStdString(v.name), QString::fromStdString(v.version),
                        QString::fromStdString(v.hardware))
                   .arg(v.x)
                   .arg(v.y)
                   .arg(v.virtualCpu)
                   .arg(QString::fromStdString(v.buildDateText()));
        for (const std::string& note : r.notes)
            text += QLatin1Char('\n') + tr("Note: %1").arg(QString::fromStdString(note));
        m_result->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    } else {
        QString head;
        switch (r.status) {
        case hardware::ProbeStatus::Timeout:
            head = tr("No answer");
            break;
        case hardware::ProbeStatus::Unreachable:
            head = tr("Unreachable");
            break;
        case hardware::ProbeStatus::Malformed:
            head = tr("Not a SpiNNaker answer");
            break;
        case hardware::ProbeStatus::ErrorCode:
            head = tr("The board refused");
            break;
        case hardware::ProbeStatus::Booting:
            head = tr("Still booting");
            break;
        case hardware::ProbeStatus::BadAddress:
            head = tr("Bad address");
            break;
        case hardware::ProbeStatus::Cancelled:
            head = tr("Cancelled");
            break;
        case hardware::ProbeStatus::Answered:
            break;
        }
        text = tr("%1: %2").arg(head, QString::fromStdString(r.message));
        m_result->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    }
    m_result->setText(text);
    validate();
    emit testFinished(r.ok(), text);
}

} // namespace scnn::app
