// SPDX-License-Identifier: GPL-3.0-or-later
// Shape inference, counts and validation of the sequential model.
#include "model/error.h"
#include "model/network.h"
#include "testsupport.h"

#include <QTest>

using namespace scnn::model;

class TestNetwork : public QObject
{
    Q_OBJECT

private slots:
    void seedShapes()
    {
        const Network net = seedNetwork();
        const auto s = net.shapes();
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s[1], (Shape{9, 9, 4}));
        const auto c = net.counts();
        QCOMPARE(c[0].neurons, std::int64_t(324));
        QCOMPARE(c[0].synapses, std::int64_t(324 * 16));
        QCOMPARE(net.totalNeurons(), std::int64_t(784 + 324));
        net.validate();
    }

    void outputSize_data()
    {
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("s");
        QTest::addColumn<int>("out");
        QTest::newRow("seed") << 28 << 4 << 3 << 9;
        QTest::newRow("floor") << 28 << 5 << 2 << 12;
        QTest::newRow("stride1") << 28 << 5 << 1 << 24;
        QTest::newRow("exact") << 5 << 5 << 1 << 1;
    }

    void outputSize()
    {
        QFETCH(int, in);
        QFETCH(int, k);
        QFETCH(int, s);
        QFETCH(int, out);
        Network net;
        net.input = {in, in, 1};
        net.layers = {Layer::conv(2, k, s)};
        QCOMPARE(net.shapes()[1].h, out);
    }

    void poolAndPerChannel()
    {
        Network net;
        net.input = {28, 28, 2};
        net.layers = {Layer::conv(3, 5, 1), Layer::pool(2, 2)};
        net.layers[0].perChannel = true;
        const auto s = net.shapes();
        QCOMPARE(s[1], (Shape{24, 24, 6}));
        QCOMPARE(s[2], (Shape{12, 12, 6}));
        net.validate();
    }

    void kernelTooLarge()
    {
        Network net;
        net.input = {5, 5, 1};
        net.layers = {Layer::conv(2, 7, 1)};
        try {
            net.validate();
            QFAIL("validate accepted a 7x7 kernel on a 5x5 input");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("layer 1") != std::string::npos, m.c_str());
            QVERIFY2(m.find("7x7") != std::string::npos, m.c_str());
            QVERIFY2(m.find("5x5") != std::string::npos, m.c_str());
        }
    }

    void refusesHugeNetwork()
    {
        Network net;
        net.input = {28, 28, 1};
        net.layers = {Layer::conv(30, 5, 1)};
        QVERIFY_THROWS_EXCEPTION(Error, net.validate(1 << 20));
        net.validate();
    }
};

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
