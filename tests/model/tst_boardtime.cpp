// SPDX-License-Identifier: GPL-3.0-or-later
// Real-time estimate of a windowed training run on SpiNNaker, and the board settings an experiment keeps.
#include "model/boardsettings.h"
#include "model/boardtime.h"
#include "model/error.h"
#include "model/experiment.h"
#include "model/network.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace scnn::model;

class TestBoardTime : public QObject
{
    Q_OBJECT

private slots:
    void estimate_data()
    {
        QTest::addColumn<qlonglong>("images");
        QTest::addColumn<qlonglong>("windows");
        QTest::addColumn<double>("ms");
        QTest::addColumn<int>("scale");
        QTest::addColumn<bool>("overHour");
        // Real seconds are derived below from the formula, the rows pick the cases.
        QTest::newRow("seed 400 images") << 400LL << 81LL << 100.0 << 1 << false;
        QTest::newRow("slowed down ×10") << 400LL << 81LL << 100.0 << 10 << true;
        QTest::newRow("exactly one hour") << 360LL << 100LL << 100.0 << 1 << false;
        QTest::newRow("one more image") << 361LL << 100LL << 100.0 << 1 << true;
        QTest::newRow("nothing") << 0LL << 81LL << 100.0 << 1 << false;
    }

    void estimate()
    {
        QFETCH(qlonglong, images);
        QFETCH(qlonglong, windows);
        QFETCH(double, ms);
        QFETCH(int, scale);
        QFETCH(bool, overHour);
        const BoardTime t = boardTime(images, windows, ms, scale);
        QCOMPARE(t.simulatedMs, double(images) * double(windows) * ms);
        QCOMPARE(t.realSeconds, double(images) * double(windows) * ms * scale / 1000.0);
        QCOMPARE(t.realHours(), t.realSeconds / 3600.0);
        QCOMPARE(t.exceedsHour(), overHour);
        QCOMPARE(t.images, std::int64_t(images));
        QCOMPARE(t.windowsPerImage, std::int64_t(windows));
        QCOMPARE(t.timeScaleFactor, scale);
    }

    void badInput()
    {
        QVERIFY_THROWS_EXCEPTION(Error, boardTime(-1, 81, 100.0, 1));
        QVERIFY_THROWS_EXCEPTION(Error, boardTime(1, -81, 100.0, 1));
        QVERIFY_THROWS_EXCEPTION(Error, boardTime(1, 81, 0.0, 1));
        QVERIFY_THROWS_EXCEPTION(Error, boardTime(1, 81, 100.0, 0));
        try {
            boardTime(1, 81, 100.0, 0);
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("time scale factor") != std::string::npos);
        }
    }

    void describeNamesTheNumbers()
    {
        const std::string text = describe(boardTime(400, 81, 100.0, 10));
        for (const char* part : {"400 images", "81 windows", "100 ms", "time scale 10", "9.00 h"})
            QVERIFY2(text.find(part) != std::string::npos, text.c_str());
    }

    void timeScaleDefault()
    {
        QCOMPARE(effectiveTimeScaleFactor(7, 0.1), 7);
        QCOMPARE(effectiveTimeScaleFactor(0, 1.0), 1);
        QCOMPARE(effectiveTimeScaleFactor(0, 0.1), 10);  // sPyNNaker: ceil(1/dt)
        QCOMPARE(effectiveTimeScaleFactor(0, 0.25), 4);
        QCOMPARE(effectiveTimeScaleFactor(0, 2.0), 1);
    }

    void windowsOfLayers()
    {
        Network net = seedNetwork();
        const auto shapes = net.shapes();
        QCOMPARE(windowsPerImage(net, 0), std::int64_t(shapes[1].h) * shapes[1].w);
        net.layers.push_back(Layer::conv(8, 3, 1));
        const auto deeper = net.shapes();
        QCOMPARE(windowsPerImage(net, 1), std::int64_t(deeper[2].h) * deeper[2].w);
        QVERIFY_THROWS_EXCEPTION(Error, windowsPerImage(net, 2));
        QVERIFY_THROWS_EXCEPTION(Error, windowsPerImage(net, -1));
    }

    void imagesOfSelection()
    {
        DatasetSelection d;
        d.classes = {0, 1, 7, 8};
        d.trainPerClass = 25;
        bool exact = false;
        QCOMPARE(trainingImages(d, 0, &exact), std::int64_t(100));
        QVERIFY(exact);
        QCOMPARE(trainingImages(d, 30, &exact), std::int64_t(30));
        QCOMPARE(trainingImages(d, 500, &exact), std::int64_t(100));
        d.trainPerClass = 0;
        QCOMPARE(trainingImages(d, 0, &exact), std::int64_t(4 * 6000));
        QVERIFY(!exact);
        QCOMPARE(trainingImages(d, 50, &exact), std::int64_t(50));
        QVERIFY(exact);
    }

    void settingsInExperiment()
    {
        Experiment e;
        QCOMPARE(boardRunSettings(e), BoardRunSettings{});
        setBoardRunSettings(e, {64, 20});
        QCOMPARE(boardRunSettings(e), (BoardRunSettings{64, 20}));
        // Kept through experiment.json like any other key.
        const auto j = nlohmann::json::parse(experimentJson(e));
        QCOMPARE(j.at("spinnaker").at("neurons_per_core").get<int>(), 64);
        QCOMPARE(j.at("spinnaker").at("time_scale_factor").get<int>(), 20);
        QVERIFY_THROWS_EXCEPTION(Error, setBoardRunSettings(e, {0, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, setBoardRunSettings(e, {100, -1}));
        QCOMPARE(boardRunSettings(e), (BoardRunSettings{64, 20}));
    }

    void badStoredSettings()
    {
        Experiment e;
        e.extra["spinnaker"] = {{"neurons_per_core", 300}};
        try {
            boardRunSettings(e);
            QFAIL("300 neurons per core was accepted");
        } catch (const Error& err) {
            QVERIFY2(std::string(err.what()).find("neurons_per_core") != std::string::npos, err.what());
        }
        e.extra["spinnaker"] = {{"time_scale_factor", "fast"}};
        QVERIFY_THROWS_EXCEPTION(Error, boardRunSettings(e));
        e.extra["spinnaker"] = 5;
        QVERIFY_THROWS_EXCEPTION(Error, boardRunSettings(e));
    }
};

QTEST_APPLESS_MAIN(TestBoardTime)
#include "tst_boardtime.moc"
