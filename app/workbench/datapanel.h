// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the data selection panel with a preview.
#pragma once

#include "app/workbench/dataselection.h"

#include <QFutureWatcher>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace scnn::views {
class ImageGridView;
}

namespace scnn::app {

class ExperimentDocument;

/// Images to preview with their class labels, or the reason there are none.
struct PreviewImages
{
    std::vector<QImage> images;
    std::vector<int> labels;
    QString error;
};

/// Reads preview images for a selection (runs on a pool thread; may throw).
using PreviewLoader = std::function<PreviewImages(const DataSelection& selection, int maxImages)>;

/// Shows `preview` in `grid` with class names for the dataset `dataName` (folder or name).
void showPreview(views::ImageGridView* grid, const PreviewImages& preview, const QString& dataName);

/**
 * @brief Chooses the data: dataset and folder (or the installed
 * Fashion-MNIST), classes by check boxes 0–9, examples per class, seed,
 * and shows a preview grid of the selected images, read off the GUI thread.
 */
class DataPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DataPanel(ExperimentDocument* document, QWidget* parent = nullptr);
    ~DataPanel() override;

    /// Replaces how preview images are read.
    void setPreviewLoader(PreviewLoader loader);
    /// The folder the installed Fashion-MNIST lives in.
    static QString installedFashionMnist();

    /// Whether preview images are being read (or about to be).
    bool isLoading() const { return m_watcher.isRunning() || m_previewDelay->isActive() || m_previewPending; }

    QCheckBox* classBox(int label) const { return m_classes.at(std::size_t(label)); }
    views::ImageGridView* preview() const { return m_preview; }
    QLabel* previewStatus() const { return m_status; }

signals:
    /// The user asked to choose a folder (the window owns the dialog and last folders).
    void chooseFolderRequested();
    /// New preview images were read (also empty ones, when reading failed).
    void previewChanged(const scnn::app::PreviewImages& preview);

private:
    void refresh();
    void schedulePreview();
    void startPreview();

    ExperimentDocument* m_document;
    QComboBox* m_name = nullptr;
    QLineEdit* m_folder = nullptr;
    QPushButton* m_choose = nullptr;
    QPushButton* m_fashion = nullptr;
    QPushButton* m_search = nullptr;
    std::array<QCheckBox*, 10> m_classes{};
    QSpinBox* m_train = nullptr;
    QSpinBox* m_test = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    views::ImageGridView* m_preview = nullptr;
    QTimer* m_previewDelay = nullptr;
    PreviewLoader m_loader;
    QFutureWatcher<PreviewImages> m_watcher;
    DataSelection m_previewed;
    bool m_previewPending = false;
};

} // namespace scnn::app
