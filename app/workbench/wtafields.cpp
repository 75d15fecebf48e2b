// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the shared-WTA training settings as editable fields.
#include "app/workbench/wtafields.h"

#include <QtGlobal>

#include <cmath>

namespace scnn::app {

namespace {

using P = model::SharedWtaParams;

int toInt(double v)
{
    return int(std::lround(v));
}

} // namespace

const std::vector<WtaField>& wtaFields()
{
    // Ranges follow model::validate(SharedWtaParams); the upper bounds of the
    // open ranges are what a spin box can usefully offer.
    static const std::vector<WtaField> fields = {
        {"threshold", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Firing threshold"),
         QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Σw"), 0.0, 10000.0, 2, 0.5,
         [](const P& p) { return p.threshold; }, [](P& p, double v) { p.threshold = v; }},
        {"winners", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Winners per image"), "", 1.0, 1000.0, 0, 1.0,
         [](const P& p) { return double(p.winners); }, [](P& p, double v) { p.winners = toInt(v); }},
        {"inhibition_radius", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Inhibition radius"),
         QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "positions"), 0.0, 100.0, 0, 1.0,
         [](const P& p) { return double(p.inhibitionRadius); }, [](P& p, double v) { p.inhibitionRadius = toInt(v); }},
        {"a_plus", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Initial a⁺"), "", 0.0, 1.0, 4, 0.001,
         [](const P& p) { return p.aPlus; }, [](P& p, double v) { p.aPlus = v; }},
        {"a_minus", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Initial a⁻"), "", 0.0, 1.0, 4, 0.001,
         [](const P& p) { return p.aMinus; }, [](P& p, double v) { p.aMinus = v; }},
        {"a_plus_max", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Largest a⁺"), "", 0.0, 1.0, 4, 0.01,
         [](const P& p) { return p.aPlusMax; }, [](P& p, double v) { p.aPlusMax = v; }},
        {"rate_doubling_images", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Rates double every"),
         QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "images"), 0.0, 1e7, 0, 100.0,
         [](const P& p) { return double(p.rateDoublingImages); },
         [](P& p, double v) { p.rateDoublingImages = toInt(v); }},
        {"w_init_mean", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Initial weight mean"), "", 0.0, 1.0, 3, 0.01,
         [](const P& p) { return p.wInitMean; }, [](P& p, double v) { p.wInitMean = v; }},
        {"w_init_sigma", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Initial weight spread"), "", 0.0, 1.0, 3,
         0.01, [](const P& p) { return p.wInitSigma; }, [](P& p, double v) { p.wInitSigma = v; }},
        {"train_images", QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "Training images"),
         QT_TRANSLATE_NOOP("scnn::app::ParameterEditor", "images"), 0.0, 1e7, 0, 100.0,
         [](const P& p) { return double(p.trainImages); }, [](P& p, double v) { p.trainImages = toInt(v); }},
    };
    return fields;
}

} // namespace scnn::app
