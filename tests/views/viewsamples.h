// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — deterministic sample data for the view gallery, benchmark and tests.
#pragma once

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <numbers>
#include <vector>

namespace scnn::views::samples {

/// `count` Gabor-like kernels of kh×kw×c with a little noise, weights in [0, 1].
inline std::vector<float> kernels(int count, int kh, int kw, int c, unsigned seed = 1)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.06f);
    std::vector<float> w;
    w.reserve(std::size_t(count * kh * kw * c));
    for (int k = 0; k < count; ++k) {
        const double angle = std::numbers::pi * k / std::max(1, count);
        for (int y = 0; y < kh; ++y)
            for (int x = 0; x < kw; ++x)
                for (int ch = 0; ch < c; ++ch) {
                    const double u = (x - (kw - 1) / 2.0) * std::cos(angle) + (y - (kh - 1) / 2.0) * std::sin(angle);
                    const double v = 0.5 + 0.45 * std::cos(2.0 * u + ch) * std::exp(-(u * u) / (kw * kw * 0.4));
                    w.push_back(std::clamp(float(v) + noise(rng), 0.0f, 1.0f));
                }
    }
    return w;
}

/// Poisson spikes of `neurons` neurons for `durationMs` at `rateHz`; times sorted.
inline void poissonSpikes(int neurons, double durationMs, double rateHz, unsigned seed, std::vector<double>& times,
                          std::vector<std::int32_t>& ids)
{
    std::mt19937 rng(seed);
    std::exponential_distribution<double> gap(rateHz / 1000.0);
    struct Spike { double t; std::int32_t id; };
    std::vector<Spike> spikes;
    for (int n = 0; n < neurons; ++n)
        for (double t = gap(rng); t < durationMs; t += gap(rng))
            spikes.push_back({std::round(t * 10) / 10, n});
    std::sort(spikes.begin(), spikes.end(), [](const Spike& a, const Spike& b) { return a.t < b.t; });
    times.clear();
    ids.clear();
    for (const Spike& s : spikes) {
        times.push_back(s.t);
        ids.push_back(s.id);
    }
}

/// Digit-like 28×28 greyscale images (the digit drawn with a font), `count` of them.
inline std::vector<std::uint8_t> digitImages(const std::vector<int>& digits)
{
    std::vector<std::uint8_t> pixels;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        QImage image(28, 28, QImage::Format_Grayscale8);
        image.fill(0);
        QPainter painter(&image);
        QFont font;
        font.setPixelSize(24 - int(i % 3) * 2);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.translate(14, 14);
        painter.rotate(double(int(i % 5) - 2) * 6);
        painter.drawText(QRect(-14, -14, 28, 28), Qt::AlignCenter, QString::number(digits[i]));
        painter.end();
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x)
                pixels.push_back(image.constScanLine(y)[x]);
    }
    return pixels;
}

} // namespace scnn::views::samples
