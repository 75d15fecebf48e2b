// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workbench/mainwindow.h"

#include <QListWidget>

namespace scnn::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_layers(new QListWidget(this))
{
    setWindowTitle(tr("SpikingConvNet Workbench"));
    setCentralWidget(m_layers);
    setNetwork(model::seedNetwork());
    resize(900, 600);
}

void MainWindow::setNetwork(const model::Network& network)
{
    m_layers->clear();
    const auto shapes = network.shapes();
    const auto counts = network.counts();
    m_layers->addItem(tr("Input %1").arg(QString::fromStdString(model::formatShape(network.input))));
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const model::Layer& l = network.layers[i];
        const QString out = QString::fromStdString(model::formatShape(shapes[i + 1]));
        if (l.kind == model::LayerKind::Conv)
            m_layers->addItem(tr("Conv: %1 kernels %2×%3, stride %4 → %5, %6 neurons, %7 synapses")
                                  .arg(l.kernels).arg(l.kh).arg(l.kw).arg(l.stride).arg(out)
                                  .arg(counts[i].neurons).arg(counts[i].synapses));
        else
            m_layers->addItem(tr("Max pool %1×%2, stride %3 → %4")
                                  .arg(l.kh).arg(l.kw).arg(l.stride).arg(out));
    }
}

} // namespace scnn::app
