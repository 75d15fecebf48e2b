// SPDX-License-Identifier: GPL-3.0-or-later
// The rate, time and Poisson codes and the difference-of-Gaussians filter.
#include "model/dataset.h"
#include "model/encoding.h"
#include "model/random.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace scnn::model;

namespace {

std::map<int, std::vector<double>> byNeuron(const SpikeTrains& s)
{
    std::map<int, std::vector<double>> m;
    for (std::size_t i = 0; i < s.size(); ++i)
        m[s.ids[i]].push_back(s.times[i]);
    return m;
}

bool sorted(const SpikeTrains& s)
{
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s.times[i] < s.times[i - 1] || (s.times[i] == s.times[i - 1] && s.ids[i] <= s.ids[i - 1]))
            return false;
    return true;
}

} // namespace

class TestEncoding : public QObject
{
    Q_OBJECT

private slots:
    void rngIsPortable()
    {
        // std::mt19937_64 is fixed by the standard: its 10000th output from the
        // default seed is 9981545732273789042.
        std::mt19937_64 ref;
        ref.discard(9999);
        QCOMPARE(ref(), std::uint64_t(9981545732273789042ULL));
        Rng a(7), b(7);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(a.below(10), b.below(10));
        Rng r(3);
        double sum = 0, sq = 0;
        for (int i = 0; i < 20000; ++i) {
            const double x = r.normal(0.3, 0.04);
            sum += x;
            sq += x * x;
        }
        const double mean = sum / 20000, sd = std::sqrt(sq / 20000 - mean * mean);
        QVERIFY2(std::abs(mean - 0.3) < 0.002, qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(sd - 0.04) < 0.002, qPrintable(QString::number(sd)));
    }

    void rateCodeTrains()
    {
        const std::uint8_t px[] = {0, 255, 40, 80, 128};
        EncodingParams p;        // fire_factor 4, threshold 80
        TimingParams t;          // 100 ms window, 50 ms idle: 50 ms active
        Rng rng(11);
        const double t0 = 200.0;
        const SpikeTrains s = rateCode(px, 5, p, t, rng, t0);
        QCOMPARE(s.neurons, 5);
        QVERIFY(sorted(s));
        auto m = byNeuron(s);
        QVERIFY(!m.count(0));                           // black is silent
        QCOMPARE(m[2].size(), std::size_t(1));          // dim pixel: one random spike
        for (int n : {1, 3, 4}) {
            const double period = 255.0 / px[n] * 4.0;
            const auto& ts = m[n];
            // floor(50/period) or one more spikes, depending on the phase.
            QVERIFY2(ts.size() == std::size_t(std::floor(50.0 / period))
                         || ts.size() == std::size_t(std::floor(50.0 / period)) + 1,
                     qPrintable(QString::number(ts.size())));
            QVERIFY(ts.front() < t0 + period);
            for (std::size_t k = 1; k < ts.size(); ++k)
                QVERIFY(std::abs((ts[k] - ts[k - 1]) - period) <= 1.0); // floored to whole ms
        }
        for (double x : s.times) {
            QVERIFY(x >= t0 && x < t0 + 50.0);
            QCOMPARE(x, std::floor(x));
        }
        // Same seed, same spikes; another seed, other phases.
        Rng again(11), other(12);
        QVERIFY(rateCode(px, 5, p, t, again, t0) == s);
        QVERIFY(!(rateCode(px, 5, p, t, other, t0) == s));
    }

    void timeCodeLatencies()
    {
        const std::uint8_t px[] = {255, 80, 79, 0, 170};
        EncodingParams p;
        p.kind = EncodingKind::TimeToFirst;
        TimingParams t;
        const SpikeTrains s = timeCode(px, 5, p, t, 100.0);
        auto m = byNeuron(s);
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(m[0].front(), 100.0);
        QVERIFY(scnn::test::near(m[1].front(), 100.0 + (1.0 - 80.0 / 255.0) * 49.0, 1e-12));
        QVERIFY(scnn::test::near(m[4].front(), 100.0 + (1.0 - 170.0 / 255.0) * 49.0, 1e-12));
        QVERIFY(!m.count(2) && !m.count(3));
        QVERIFY(sorted(s)); // brightest first
        QCOMPARE(s.ids.front(), 0);
        // The latency span follows the window: 200 ms with 50 idle → 149 ms.
        t.presentationMs = 200.0;
        const SpikeTrains w = timeCode(px, 5, p, t, 0.0);
        QVERIFY(scnn::test::near(byNeuron(w)[1].front(), (1.0 - 80.0 / 255.0) * 149.0, 1e-12));
    }

    void poissonRates()
    {
        const int n = 400;
        std::vector<std::uint8_t> px(n);
        for (int i = 0; i < n; ++i)
            px[std::size_t(i)] = i < 200 ? 255 : 51;
        EncodingParams p;
        p.kind = EncodingKind::Poisson;
        p.maxRateHz = 100.0;
        TimingParams t;
        Rng rng(5);
        const SpikeTrains s = poissonCode(px.data(), n, p, t, rng, 0.0);
        QVERIFY(sorted(s));
        double bright = 0, dim = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            QVERIFY(s.times[i] >= 0.0 && s.times[i] < 50.0);
            (s.ids[i] < 200 ? bright : dim) += 1;
        }
        // Expected counts: 200 sources × 50 ms × 100 Hz = 1000; × 0.2 = 200 (minus a
        // few same-step merges). Five sigma of a Poisson count.
        QVERIFY2(std::abs(bright - 1000) < 5 * std::sqrt(1000.0) + 30, qPrintable(QString::number(bright)));
        QVERIFY2(std::abs(dim - 200) < 5 * std::sqrt(200.0), qPrintable(QString::number(dim)));
    }

    void differenceOfGaussiansResponses()
    {
        const std::vector<std::uint8_t> flat(49, 90);
        for (auto v : differenceOfGaussians(flat.data(), 7, 7, 1.0, 1.1, true))
            QCOMPARE(int(v), 0);

        std::vector<std::uint8_t> dot(81, 0);
        dot[4 * 9 + 4] = 255;
        const auto onOff = differenceOfGaussians(dot.data(), 9, 9, 1.0, 1.1, true);
        QCOMPARE(onOff.size(), std::size_t(162));
        // A narrower centre: the dot is the strongest on response …
        QCOMPARE(int(onOff[4 * 9 + 4]), 255);
        QCOMPARE(int(onOff[81 + 4 * 9 + 4]), 0);
        // … and a ring around it is off; symmetric in x and y.
        QVERIFY(onOff[81 + 4 * 9 + 6] > 0);
        QCOMPARE(onOff[81 + 4 * 9 + 6], onOff[81 + 6 * 9 + 4]);
        QCOMPARE(onOff[81 + 4 * 9 + 6], onOff[81 + 4 * 9 + 2]);
        const auto onOnly = differenceOfGaussians(dot.data(), 9, 9, 1.0, 1.1, false);
        QCOMPARE(onOnly.size(), std::size_t(81));
        QCOMPARE(int(onOnly[4 * 9 + 4]), 255);

        EncodingParams p;
        p.differenceOfGaussians = true;
        QCOMPARE(encodedShape(28, 28, p), (Shape{28, 28, 2}));
        QCOMPARE(prepareImage(dot.data(), 9, 9, p), onOff);
    }

    void examplesInWindowsIndependentOfChunking()
    {
        Examples ex;
        ex.rows = 3;
        ex.cols = 3;
        for (int i = 0; i < 4; ++i) {
            for (int k = 0; k < 9; ++k)
                ex.pixels.push_back(std::uint8_t((k * 29 + i * 50) % 256));
            ex.labels.push_back(i % 2);
        }
        EncodingParams p;
        TimingParams t;
        const SpikeTrains all = encodeExamples(ex, 0, 4, p, t, 99);
        QCOMPARE(all.neurons, 9);
        QVERIFY(sorted(all));
        // Example 2 encoded on its own, shifted into the third window, is the same.
        const SpikeTrains two = encodeExamples(ex, 2, 1, p, t, 99);
        std::vector<std::pair<int, double>> fromAll, alone;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all.times[i] >= 200.0 && all.times[i] < 300.0)
                fromAll.emplace_back(all.ids[i], all.times[i]);
        for (std::size_t i = 0; i < two.size(); ++i)
            alone.emplace_back(two.ids[i], two.times[i] + 200.0);
        QVERIFY(!alone.empty());
        QVERIFY(fromAll == alone);
        for (double x : all.times)
            QVERIFY(std::fmod(x, 100.0) < 50.0); // the idle tail stays silent
    }
};

QTEST_GUILESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
