// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — timings of the views under load (not a test; prints numbers).
//
// Usage: QT_QPA_PLATFORM=offscreen bench_views
#include "viewsamples.h"

#include "views/kernelgridview.h"
#include "views/spikerasterview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace scnn::views;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    {
        SpikeRasterView view;
        view.resize(1200, 700);
        view.show();
        QApplication::processEvents();
        std::vector<double> t;
        std::vector<std::int32_t> id;
        samples::poissonSpikes(1000, 10000, 100, 7, t, id);
        QElapsedTimer timer;
        timer.start();
        view.setSpikes(t, id, SpikeRasterView::Group::Pre);
        const qint64 setMs = timer.elapsed();
        timer.restart();
        (void)view.toImage(); // forces the replot and a full draw
        const qint64 firstMs = timer.elapsed();
        timer.restart();
        const int frames = 20;
        for (int i = 0; i < frames; ++i) {
            view.setTimeRange(i * 100.0, 5000.0 + i * 100.0); // a pan: every frame redraws the spikes
            QApplication::processEvents();
            (void)view.grab();
        }
        const double panMs = double(timer.elapsed()) / frames;
        out << "raster: " << t.size() << " spikes, setSpikes " << setMs << " ms, first draw " << firstMs
            << " ms, pan frame " << panMs << " ms (1200×700)\n";

        SpikeRasterView live;
        live.resize(1200, 700);
        live.setSlidingWindow(1000);
        live.show();
        timer.restart();
        const std::size_t block = t.size() / 300; // 300 blocks
        for (std::size_t b = 0; b + block <= t.size(); b += block) {
            live.appendSpikes(std::span<const double>(t).subspan(b, block), std::span<const std::int32_t>(id).subspan(b, block),
                              SpikeRasterView::Group::Pre);
            QApplication::processEvents();
        }
        out << "raster live: 300 blocks of " << block << " spikes appended and drawn in " << timer.elapsed()
            << " ms\n";
    }
    {
        KernelGridView view;
        view.resize(900, 600);
        view.show();
        QApplication::processEvents();
        QElapsedTimer timer;
        for (int kernels : {4, 64}) {
            const int frames = 60;
            const auto w = samples::kernels(kernels, 5, 5, 8, 3);
            timer.start();
            for (int i = 0; i < frames; ++i) {
                std::vector<float> v = w;
                v[std::size_t(i) % v.size()] += 0.01f * float(i);
                view.setKernels({5, 5, 8}, v, kernels);
                QApplication::processEvents(); // one queued replot
                (void)view.grab();
            }
            out << "kernels: " << kernels << " of 5×5×8, " << double(timer.elapsed()) / frames
                << " ms per setKernels + replot + grab\n";
        }
    }
    return 0;
}
