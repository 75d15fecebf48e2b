// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the main window.
#pragma once

#include "model/network.h"

#include <QMainWindow>

class QListWidget;

namespace scnn::app {

/**
 * @brief The workbench's main window: for now the model's layer list.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    void setNetwork(const model::Network& network);

private:
    QListWidget* m_layers = nullptr;
};

} // namespace scnn::app
