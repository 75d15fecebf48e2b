// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — fills the views from what an experiment recorded.
#include "app/workbench/recordedviews.h"

#include "app/workbench/texts.h"
#include "views/accuracychartview.h"
#include "views/activityview.h"
#include "views/confusionmatrixview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"

#include <QCoreApplication>
#include <QDateTime>

namespace scnn::app {

namespace {

struct Recorded
{
    Q_DECLARE_TR_FUNCTIONS(Recorded)
};

const model::NpyArray* array(const model::Experiment& e, const std::string& key)
{
    const auto it = e.arrays.find(key);
    return it == e.arrays.end() ? nullptr : &it->second;
}

std::vector<std::int32_t> toInt32(const std::vector<std::int64_t>& v)
{
    return {v.begin(), v.end()};
}

bool showTraining(const RecordedViews& v, const model::Experiment& e, int layer, RecordedShown& shown)
{
    const std::string dir = "training/layer" + std::to_string(layer + 1) + "/";
    const model::Layer& l = e.network.layers[std::size_t(layer)];
    if (v.raster) {
        const auto* preIds = array(e, dir + "input_spike_ids.npy");
        const auto* preTimes = array(e, dir + "input_spike_times.npy");
        const auto* postIds = array(e, dir + "output_spike_ids.npy");
        const auto* postTimes = array(e, dir + "output_spike_times.npy");
        if (preIds && preTimes && postIds && postTimes && preIds->size() == preTimes->size()
            && postIds->size() == postTimes->size()) {
            const auto pi = toInt32(preIds->toInt64());
            const auto po = toInt32(postIds->toInt64());
            const auto pt = preTimes->toDouble();
            const auto ot = postTimes->toDouble();
            const model::Shape in = e.network.shapes()[std::size_t(layer)];
            int pre = l.kh * l.kw * (l.perChannel ? 1 : in.c);
            int post = l.kernels;
            for (std::int32_t id : pi)
                pre = std::max(pre, id + 1);
            for (std::int32_t id : po)
                post = std::max(post, id + 1);
            v.raster->clear();
            v.raster->setSlidingWindow(0); // a live run may have left one
            v.raster->setNeuronCounts(pre, post);
            v.raster->setSpikes(pt, pi, views::SpikeRasterView::Group::Pre);
            v.raster->setSpikes(ot, po, views::SpikeRasterView::Group::Post);
            v.raster->resetView();
            shown.raster = true;
        }
    }
    if (v.membrane) {
        const auto* times = array(e, dir + "membrane_times.npy");
        const auto* neurons = array(e, dir + "membrane_neurons.npy");
        const auto* values = array(e, dir + "membrane_values.npy");
        if (times && neurons && values && values->size() == times->size() * neurons->size()) {
            const auto t = times->toDouble();
            const auto ids = toInt32(neurons->toInt64());
            const auto vals = values->toDouble(); // time-major
            std::vector<float> byNeuron(vals.size());
            for (std::size_t s = 0; s < t.size(); ++s)
                for (std::size_t n = 0; n < ids.size(); ++n)
                    byNeuron[n * t.size() + s] = float(vals[s * ids.size() + n]);
            QStringList labels;
            for (std::int32_t id : ids)
                labels << Recorded::tr("kernel %1").arg(id + 1);
            v.membrane->setThreshold(l.params.train.vThresh);
            v.membrane->setResetPotential(l.params.train.vReset);
            v.membrane->setTraces(t, byNeuron, ids, labels);
            v.membrane->resetView();
            shown.membrane = true;
        }
    }
    return shown.raster || shown.membrane;
}

} // namespace

RecordedShown showRecordings(const RecordedViews& v, const model::Experiment& e, int layer, const QString& dataFolder)
{
    RecordedShown shown;
    const int layers = int(e.network.layers.size());
    if (layer >= 0 && layer < layers && e.network.layers[std::size_t(layer)].kind == model::LayerKind::Conv)
        showTraining(v, e, layer, shown);

    // Activity of the last layer: its spike counts summed over the examples.
    if (v.activity && layers > 0) {
        const model::Shape out = e.network.shapes().back();
        const model::NpyArray* f = array(e, "features/test.npy");
        if (!f)
            f = array(e, "features/train.npy");
        if (f && f->shape.size() == 2 && f->shape[1] == out.size() && out.size() > 0) {
            const auto values = f->toDouble();
            const std::int64_t n = f->shape[0];
            const std::int64_t m = f->shape[1];
            std::vector<float> counts(std::size_t(m), 0.0f);
            // Features are channel-major (c·H·W + y·W + x); the view wants the map fastest.
            for (std::int64_t ex = 0; ex < n; ++ex)
                for (int c = 0; c < out.c; ++c)
                    for (int y = 0; y < out.h; ++y)
                        for (int x = 0; x < out.w; ++x)
                            counts[std::size_t((y * out.w + x) * out.c + c)] +=
                                float(values[std::size_t(ex * m + (c * out.h + y) * out.w + x)]);
            v.activity->setActivity(out, counts);
            shown.activity = true;
        }
    }

    if (v.accuracy) {
        std::vector<views::AccuracyRecord> records;
        for (const model::PhaseRecord& r : e.history) {
            if (r.phase != "test" || !r.accuracy)
                continue;
            views::AccuracyRecord a;
            a.run = int(records.size()) + 1;
            a.finished = QDateTime::fromString(QString::fromStdString(r.started), Qt::ISODate)
                             .addMSecs(qint64(r.seconds * 1000.0));
            a.accuracy = *r.accuracy * 100.0;
            a.note = Recorded::tr("%1 examples, %2 s").arg(r.examples).arg(r.seconds, 0, 'f', 1);
            records.push_back(a);
        }
        if (!records.empty()) {
            v.accuracy->setRecords(records);
            shown.accuracy = true;
        }
    }

    if (v.confusion) {
        const model::NpyArray* conf = array(e, "test/confusion.npy");
        const model::NpyArray* classes = array(e, "test/classes.npy");
        if (conf && conf->shape.size() == 2 && conf->shape[0] == conf->shape[1]) {
            const int n = int(conf->shape[0]);
            QStringList labels;
            if (classes && classes->size() == std::size_t(n))
                for (std::int64_t c : classes->toInt64())
                    labels << texts::className(dataFolder, int(c));
            v.confusion->setMatrix(toInt32(conf->toInt64()), n, labels);
            shown.confusion = true;
        }
    }
    return shown;
}

} // namespace scnn::app
