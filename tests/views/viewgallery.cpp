// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — renders every view with sample data to image files, for looking at them.
//
// Usage: QT_QPA_PLATFORM=offscreen viewgallery OUT_DIR [--font-scale F] [--size WxH]
// Writes <view>.png (the widget as on screen) and <view>-export.{png,svg,pdf}.
#include "viewsamples.h"

#include "views/accuracychartview.h"
#include "views/activityview.h"
#include "views/confusionmatrixview.h"
#include "views/imagegridview.h"
#include "views/kernelgridview.h"
#include "views/logview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"

#include <QApplication>
#include <QDir>
#include <QTextStream>
#include <QVBoxLayout>

using namespace scnn::views;

namespace {

struct Gallery
{
    QDir out;
    double fontScale = 1.0;
    QSize size{640, 420};
    int failures = 0;

    /// Puts `view` in its own window (so the window font reaches it), shows it and saves it.
    void shoot(const QString& name, QWidget* view, bool exportFiles = true)
    {
        QWidget host;
        auto* layout = new QVBoxLayout(&host);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(view);
        QFont font = host.font();
        font.setPointSizeF(font.pointSizeF() * fontScale);
        host.setFont(font);
        host.resize(size);
        host.show();
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
        view->grab().save(out.filePath(name + QLatin1String(".png")));
        if (auto* plot = qobject_cast<PlotView*>(view); plot && exportFiles)
            for (const char* ext : {"png", "svg", "pdf"}) {
                QString error;
                const QString path = out.filePath(name + QLatin1String("-export.") + QLatin1String(ext));
                if (!plot->exportTo(path, &error)) {
                    QTextStream(stderr) << error << '\n';
                    ++failures;
                }
            }
        QTextStream(stdout) << "wrote " << name << '\n';
    }
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: viewgallery OUT_DIR [--font-scale F] [--size WxH]\n";
        return 2;
    }
    Gallery g;
    g.out = QDir(args[1]);
    if (!g.out.mkpath(QStringLiteral("."))) {
        QTextStream(stderr) << "viewgallery: cannot create " << args[1] << '\n';
        return 1;
    }
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--font-scale"))
            g.fontScale = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--size")) {
            const QStringList wh = args[i + 1].split(QLatin1Char('x'));
            if (wh.size() == 2)
                g.size = QSize(wh[0].toInt(), wh[1].toInt());
        }
    }

    // Kernels: the original layer (4 kernels 4×4), a bigger layer, changes, replicas, channels.
    {
        auto* v = new KernelGridView;
        const auto w = samples::kernels(4, 4, 4, 1);
        v->setKernels({4, 4, 1}, w, 4);
        g.shoot(QStringLiteral("kernels-seed"), v);
    }
    {
        auto* v = new KernelGridView;
        const auto w = samples::kernels(32, 5, 5, 1);
        v->setKernels({5, 5, 1}, w, 32);
        g.shoot(QStringLiteral("kernels-32"), v);
    }
    {
        auto* v = new KernelGridView;
        const auto before = samples::kernels(16, 5, 5, 1, 1);
        const auto after = samples::kernels(16, 5, 5, 1, 2);
        v->setKernelChange({5, 5, 1}, before, after, 16);
        g.shoot(QStringLiteral("kernels-change"), v);
    }
    {
        auto* v = new KernelGridView;
        const auto w = samples::kernels(8, 5, 5, 1, 3);
        v->setScaling(KernelGridView::Scaling::PerKernel);
        v->setKernels({5, 5, 1}, w, 8);
        g.shoot(QStringLiteral("kernels-perkernel"), v);
    }
    {
        auto* v = new KernelGridView;
        v->setReplicaCount(3);
        v->setReplicaLabels({QStringLiteral("replica 1"), QStringLiteral("replica 2"), QStringLiteral("replica 3")});
        for (int r = 0; r < 3; ++r) {
            const auto w = samples::kernels(6, 4, 4, 1, unsigned(10 + r));
            v->setKernels({4, 4, 1}, w, 6, r);
        }
        g.shoot(QStringLiteral("kernels-replicas"), v);
    }
    {
        auto* v = new KernelGridView;
        const auto w = samples::kernels(8, 3, 3, 4, 5);
        v->setChannelMode(KernelGridView::ChannelMode::Tiles);
        v->setKernels({3, 3, 4}, w, 8);
        g.shoot(QStringLiteral("kernels-tiles"), v);
    }

    // Raster: 16 input neurons (blue) and 4 kernel neurons (red) over one second.
    {
        auto* v = new SpikeRasterView;
        std::vector<double> t;
        std::vector<std::int32_t> id;
        samples::poissonSpikes(16, 1000, 20, 1, t, id);
        v->setNeuronCounts(16, 4);
        v->setSpikes(t, id, SpikeRasterView::Group::Pre);
        samples::poissonSpikes(4, 1000, 8, 2, t, id);
        v->setSpikes(t, id, SpikeRasterView::Group::Post);
        g.shoot(QStringLiteral("raster"), v);
    }
    {
        auto* v = new SpikeRasterView;
        std::vector<double> t;
        std::vector<std::int32_t> id;
        samples::poissonSpikes(784, 10000, 130, 3, t, id); // ≈ 1 million spikes
        v->setNeuronCounts(784, 100);
        v->setSpikes(t, id, SpikeRasterView::Group::Pre);
        samples::poissonSpikes(100, 10000, 10, 4, t, id);
        v->setSpikes(t, id, SpikeRasterView::Group::Post);
        g.shoot(QStringLiteral("raster-million"), v);
    }

    // Membrane traces of three neurons (LIF-like, threshold −50 mV, reset −70 mV).
    {
        auto* v = new MembraneTraceView;
        std::vector<double> t;
        std::vector<float> values;
        const std::vector<std::int32_t> ids{0, 1, 2};
        for (int s = 0; s < 1000; ++s)
            t.push_back(s * 0.5);
        for (std::size_t n = 0; n < ids.size(); ++n) {
            double vm = -65;
            for (std::size_t s = 0; s < t.size(); ++s) {
                vm += 0.5 / 20.0 * (-65 - vm)
                    + (0.45 + 0.12 * double(n)) * (0.8 + 0.5 * std::sin(double(s) * 0.013 * double(n + 1)));
                if (vm >= -50)
                    vm = -70;
                values.push_back(float(vm));
            }
        }
        v->setThreshold(-50);
        v->setResetPotential(-70);
        v->setTraces(t, values, ids);
        g.shoot(QStringLiteral("membrane"), v);
    }

    // Activity of the original layer's output (9, 9, 4).
    {
        auto* v = new ActivityView;
        std::vector<float> counts;
        for (int y = 0; y < 9; ++y)
            for (int x = 0; x < 9; ++x)
                for (int k = 0; k < 4; ++k) {
                    const double cx = 2 + 1.5 * k;
                    const double cy = 6 - k;
                    counts.push_back(
                        float(std::round(12 * std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 6.0))));
                }
        v->setActivity({9, 9, 4}, counts);
        g.shoot(QStringLiteral("activity"), v);
    }

    // Accuracy history and the confusion matrix of the seed digits 0, 1, 7, 8.
    {
        auto* v = new AccuracyChartView;
        std::vector<AccuracyRecord> records;
        const double acc[] = {62.5, 71.0, 78.25, 83.0, 81.5, 88.75};
        for (int i = 0; i < 6; ++i)
            records.push_back({i + 1, QDateTime(QDate(2026, 11, 20 + i), QTime(14, 30)), acc[i], {}});
        v->setRecords(records);
        v->setReferenceLevel(25.0, QStringLiteral("chance"));
        g.shoot(QStringLiteral("accuracy"), v);
        auto* d = new AccuracyChartView;
        d->setRecords(records);
        d->setXAxis(AccuracyChartView::XAxis::Date);
        g.shoot(QStringLiteral("accuracy-dates"), d);
    }
    {
        auto* v = new ConfusionMatrixView;
        const std::vector<std::int32_t> counts{95, 0, 3, 2, 0, 98, 1, 1, 4, 3, 88, 5, 6, 2, 9, 83};
        v->setMatrix(counts, 4, {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("7"), QStringLiteral("8")});
        g.shoot(QStringLiteral("confusion"), v);
        auto* ten = new ConfusionMatrixView;
        std::vector<std::int32_t> c10(100);
        for (int t = 0; t < 10; ++t)
            for (int p = 0; p < 10; ++p)
                c10[std::size_t(t * 10 + p)] = t == p ? 80 + t : (t * 7 + p * 3) % 5;
        ten->setMatrix(c10, 10);
        g.shoot(QStringLiteral("confusion-10"), ten);
    }

    // Input images with labels, one highlighted.
    {
        auto* v = new ImageGridView;
        const std::vector<int> digits{0, 1, 7, 8, 0, 1, 7, 8, 8, 7, 1, 0, 1, 0, 8, 7};
        const auto pixels = samples::digitImages(digits);
        QStringList labels;
        for (int d : digits)
            labels << QString::number(d);
        v->setImages({28, 28, 1}, pixels, int(digits.size()), labels);
        v->setHighlighted(5);
        g.shoot(QStringLiteral("images"), v);
    }

    // Log.
    {
        auto* v = new LogView;
        v->appendLines({QStringLiteral("2026-11-26 14:30:02  load data: 4 classes × 100 training, 25 test examples"),
                        QStringLiteral("2026-11-26 14:30:05  train layer 1: 400 examples, 4 kernels 4×4 stride 3"),
                        QStringLiteral("2026-11-26 14:30:17  train layer 1 done in 12.3 s"),
                        QStringLiteral("2026-11-26 14:30:18  train SVM: C = 1 (cross-validated)"),
                        QStringLiteral("2026-11-26 14:30:20  test: accuracy 91.0 % (91 of 100)")});
        g.shoot(QStringLiteral("log"), v, false);
    }
    return g.failures == 0 ? 0 : 1;
}
