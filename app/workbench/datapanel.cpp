// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — data selection panel and preview grid.
#include "app/workbench/datapanel.h"

#include "model/limits.h"

#include "app/workbench/experimentdocument.h"
#include "app/workbench/texts.h"
#include "app/workbench/widgetutil.h"
#include "model/dataset.h"
#include "model/limits.h"
#include "views/imagegridview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace scnn::app {

namespace {

constexpr int kPreviewImages = 40;

/// Reads the first training examples of the selection with the model's dataset reader.
PreviewImages readPreview(const DataSelection& selection, int maxImages)
{
    PreviewImages out;
    if (selection.classes.empty())
        return out;
    model::DatasetSelection small = selection;
    const int k = int(selection.classes.size());
    small.trainPerClass = std::max(1, std::min(selection.trainPerClass, (maxImages + k - 1) / k));
    small.testPerClass = 1;
    const model::Dataset data = model::loadDataset(small);
    // The whole selection against the label counts: the status names a class that is short.
    const std::vector<std::string> problems = model::dataProblems(selection, model::countExamples(selection));
    if (!problems.empty())
        out.error = QString::fromStdString(problems.front());
    const model::Examples& ex = data.train;
    for (int i = 0; i < std::min(ex.size(), maxImages); ++i) {
        QImage img(ex.cols, ex.rows, QImage::Format_Grayscale8);
        for (int y = 0; y < ex.rows; ++y)
            std::copy_n(ex.image(i) + std::size_t(y) * ex.cols, ex.cols, img.scanLine(y));
        out.images.push_back(std::move(img));
        out.labels.push_back(ex.labels[std::size_t(i)]);
    }
    return out;
}

} // namespace

void showPreview(views::ImageGridView* grid, const PreviewImages& preview, const QString& dataName)
{
    const int n = int(preview.images.size());
    if (n == 0) {
        grid->clear();
        return;
    }
    const int w = preview.images.front().width();
    const int h = preview.images.front().height();
    std::vector<std::uint8_t> pixels;
    pixels.reserve(std::size_t(n) * w * h);
    QStringList labels;
    for (int i = 0; i < n; ++i) {
        const QImage& img = preview.images[std::size_t(i)];
        for (int y = 0; y < h; ++y)
            pixels.insert(pixels.end(), img.constScanLine(y), img.constScanLine(y) + w);
        labels << texts::className(dataName, preview.labels[std::size_t(i)]);
    }
    grid->setImages({h, w, 1}, pixels, n, labels);
}

// --- data panel ---------------------------------------------------------------

DataPanel::DataPanel(ExperimentDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_previewDelay(new QTimer(this)), m_loader(&readPreview)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    auto* source = new QGroupBox(tr("Dataset"), this);
    auto* sform = new QFormLayout(source);
    m_name = new QComboBox(source);
    m_name->addItem(tr("MNIST digits"), QStringLiteral("mnist"));
    m_name->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
    sform->addRow(tr("Images"), m_name);
    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(source);
    m_folder->setReadOnly(true);
    m_folder->setPlaceholderText(tr("Search the usual places"));
    m_choose = new QPushButton(tr("Choose…"), source);
    m_choose->setToolTip(tr("Choose a folder with *-idx3-ubyte[.gz] files"));
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);
    sform->addRow(tr("Folder"), folderRow);
    auto* quick = new QHBoxLayout;
    m_fashion = new QPushButton(tr("Installed Fashion-MNIST"), source);
    m_fashion->setEnabled(QDir(installedFashionMnist()).exists());
    m_fashion->setToolTip(installedFashionMnist());
    m_search = new QPushButton(tr("Search usual places"), source);
    quick->addWidget(m_fashion);
    quick->addWidget(m_search);
    quick->addStretch(1);
    sform->addRow(quick);
    outer->addWidget(source);

    auto* classes = new QGroupBox(tr("Classes"), this);
    auto* cgrid = new QGridLayout(classes);
    for (int c = 0; c < 10; ++c) {
        m_classes[std::size_t(c)] = new QCheckBox(classes);
        m_classes[std::size_t(c)]->setObjectName(QStringLiteral("class%1").arg(c));
        cgrid->addWidget(m_classes[std::size_t(c)], c / 5, c % 5);
        connect(m_classes[std::size_t(c)], &QCheckBox::toggled, this,
                [this, c](bool on) { m_document->setClassEnabled(c, on); });
    }
    outer->addWidget(classes);

    auto* counts = new QGroupBox(tr("Examples"), this);
    auto* cform = new QFormLayout(counts);
    m_train = new QSpinBox(counts);
    m_train->setRange(1, 6000);
    m_test = new QSpinBox(counts);
    m_test->setRange(1, 1000);
    m_seed = new QSpinBox(counts);
    m_seed->setRange(0, 2147483647);
    m_seed->setToolTip(tr("Seeds the draw of examples and the initial weights"));
    cform->addRow(tr("Training per class"), m_train);
    cform->addRow(tr("Test per class"), m_test);
    cform->addRow(tr("Seed"), m_seed);
    m_summary = new QLabel(counts);
    cform->addRow(m_summary);
    outer->addWidget(counts);

    auto* previewBox = new QGroupBox(tr("Preview"), this);
    auto* pl = new QVBoxLayout(previewBox);
    m_preview = new views::ImageGridView(previewBox);
    m_preview->setMinimumHeight(80);
    m_status = new QLabel(previewBox);
    m_status->setWordWrap(true);
    pl->addWidget(m_preview, 1);
    pl->addWidget(m_status);
    outer->addWidget(previewBox, 1);

    connect(m_name, &QComboBox::activated, this,
            [this](int i) { m_document->setDatasetName(m_name->itemData(i).toString()); });
    connect(m_choose, &QPushButton::clicked, this, &DataPanel::chooseFolderRequested);
    connect(m_fashion, &QPushButton::clicked, this, [this] { m_document->setDataFolder(installedFashionMnist()); });
    connect(m_search, &QPushButton::clicked, this, [this] { m_document->setDataFolder({}); });
    connect(m_train, &QSpinBox::valueChanged, m_document, &ExperimentDocument::setTrainPerClass);
    connect(m_test, &QSpinBox::valueChanged, m_document, &ExperimentDocument::setTestPerClass);
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) { m_document->setSeed(std::uint64_t(v)); });

    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(250);
    connect(m_previewDelay, &QTimer::timeout, this, &DataPanel::startPreview);
    connect(&m_watcher, &QFutureWatcher<PreviewImages>::finished, this, [this] {
        PreviewImages result = m_watcher.result();
        m_status->setText(result.error.isEmpty()
                              ? tr("First %1 images of the training draw").arg(result.images.size())
                              : result.error);
        const DataSelection& d = m_document->data();
        showPreview(m_preview, result,
                    QString::fromStdString(d.dataDir.empty() ? d.name : d.dataDir));
        emit previewChanged(result);
        if (m_previewPending)
            startPreview();
    });
    connect(m_document, &ExperimentDocument::changed, this, [this](ExperimentDocument::Changes c) {
        if (c & ExperimentDocument::Change::Data)
            refresh();
    });
    refresh();
}

DataPanel::~DataPanel()
{
    m_watcher.waitForFinished();
}

QString DataPanel::installedFashionMnist()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

void DataPanel::setPreviewLoader(PreviewLoader loader)
{
    m_loader = std::move(loader);
    m_previewed = {};
    schedulePreview();
}

void DataPanel::refresh()
{
    const DataSelection& d = m_document->data();
    const QString folder = QString::fromStdString(d.dataDir);
    m_name->setCurrentIndex(std::max(0, m_name->findData(QString::fromStdString(d.name))));
    m_folder->setText(folder);
    const QString namedAs = folder.isEmpty() ? QString::fromStdString(d.name) : folder;
    for (int c = 0; c < 10; ++c) {
        QCheckBox* box = m_classes[std::size_t(c)];
        const QSignalBlocker block(box);
        box->setText(texts::className(namedAs, c));
        box->setChecked(std::find(d.classes.begin(), d.classes.end(), c) != d.classes.end());
    }
    setQuietly(m_train, d.trainPerClass);
    setQuietly(m_test, d.testPerClass);
    setQuietly(m_seed, int(std::min<std::uint64_t>(d.seed, 2147483647u)));
    const int k = int(d.classes.size());
    m_summary->setText(d.classes.empty() ? tr("Choose at least one class.")
                                         : tr("%1 training and %2 test examples")
                                               .arg(k * d.trainPerClass)
                                               .arg(k * d.testPerClass));
    m_summary->setStyleSheet(d.classes.empty() ? QStringLiteral("color: #d32f2f;") : QString());
    schedulePreview();
}

void DataPanel::schedulePreview()
{
    m_previewDelay->start();
}

void DataPanel::startPreview()
{
    const DataSelection selection = m_document->data();
    if (m_watcher.isRunning()) {
        m_previewPending = true;
        return;
    }
    m_previewPending = false;
    if (!m_loader) {
        m_status->setText(tr("No dataset reader is available for the preview."));
        return;
    }
    // The images do not depend on the test count, but the check of the counts does.
    const DataSelection key = selection;
    if (key == m_previewed)
        return;
    m_previewed = key;
    m_status->setText(tr("Reading images…"));
    m_watcher.setFuture(QtConcurrent::run([loader = m_loader, selection]() {
        try {
            return loader(selection, kPreviewImages);
        } catch (const std::exception& e) {
            PreviewImages failed;
            failed.error = QString::fromUtf8(e.what());
            return failed;
        }
    }));
}

} // namespace scnn::app
