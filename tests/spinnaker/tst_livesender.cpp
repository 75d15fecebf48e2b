// SPDX-License-Identifier: GPL-3.0-or-later
// The live spike sender: what a loopback stand-in for the board's reverse IP tag receives.
#include "hardware/spinnaker/livesender.h"
#include "loopbackpeer.h"
#include "model/error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scnn::hardware;
using namespace scnn::test;
using namespace std::chrono_literals;

namespace {

/// Receives datagrams until `keys` keys arrived; decodes them by hand (KEY_32_BIT: count, 0x08, u32 keys).
std::vector<std::uint32_t> receiveKeys(UdpPeer& board, std::size_t keys, int& packets, bool& wellFormed)
{
    std::vector<std::uint32_t> out;
    while (out.size() < keys) {
        const auto d = board.receive(2000ms);
        if (!d)
            break;
        ++packets;
        const Bytes& b = d->bytes;
        if (b.size() < 2 || b[1] != 0x08 || b.size() != 2 + 4 * std::size_t(b[0]) || b.size() > 256)
            wellFormed = false;
        for (std::size_t i = 2; i + 3 < b.size(); i += 4)
            out.push_back(std::uint32_t(b[i]) | std::uint32_t(b[i + 1]) << 8 | std::uint32_t(b[i + 2]) << 16
                          | std::uint32_t(b[i + 3]) << 24);
    }
    return out;
}

} // namespace

class TestLiveSender : public QObject
{
    Q_OBJECT

private slots:
    void unpacedStream()
    {
        UdpPeer board;
        LiveSenderConfig c;
        c.port = board.port();
        c.packetsPerBurst = 0;
        LiveSender tx(c);
        tx.start();
        std::vector<std::uint32_t> keys(1000);
        for (std::size_t i = 0; i < keys.size(); ++i)
            keys[i] = 0x80000000u + std::uint32_t(i * 7);
        QVERIFY(tx.sendKeys(keys));
        int packets = 0;
        bool wellFormed = true;
        const auto got = receiveKeys(board, keys.size(), packets, wellFormed);
        QVERIFY(tx.flush(2000ms));
        QVERIFY(wellFormed);
        QCOMPARE(got, keys);
        QCOMPARE(packets, 16); // ceil(1000 / 63)
        tx.stop();
        QCOMPARE(tx.stats().packets, std::uint64_t(16));
        QCOMPARE(tx.stats().keys, std::uint64_t(1000));
        QCOMPARE(tx.stats().dropped, std::uint64_t(0));
    }

    void pacedBursts()
    {
        UdpPeer board;
        LiveSenderConfig c;
        c.port = board.port();
        c.keysPerPacket = 50;
        c.packetsPerBurst = 2;
        c.burstPause = 20ms;
        LiveSender tx(c);
        tx.start();
        std::vector<std::uint32_t> keys(200);
        for (std::size_t i = 0; i < keys.size(); ++i)
            keys[i] = std::uint32_t(i);
        QVERIFY(tx.sendKeys(std::span(keys).first(120)));
        QVERIFY(tx.sendKeys(std::span(keys).subspan(120)));
        int packets = 0;
        bool wellFormed = true;
        QCOMPARE(receiveKeys(board, keys.size(), packets, wellFormed), keys);
        QVERIFY(wellFormed);
        QVERIFY(packets >= 4 && packets <= 5); // two queued batches may share or not share a packet
        tx.stop();
    }

    void spikesByLabel()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/db.sqlite3")).toStdString();
        const TestPopulation injector{"injector", 100, 0x70000, false};
        writeTestDatabase(path, {injector}, DbSchema::Tables6);
        const LiveDatabase db = LiveDatabase::load(path);
        UdpPeer board;
        LiveSenderConfig c;
        c.port = board.port();
        LiveSender tx(c);
        tx.start();
        const std::vector<int> neurons{3, 17, 99};
        QVERIFY(tx.sendSpikes(db, "injector", neurons));
        int packets = 0;
        bool wellFormed = true;
        const auto got = receiveKeys(board, 3, packets, wellFormed);
        QCOMPARE(got, (std::vector<std::uint32_t>{0x70003, 0x70011, 0x70063}));
        try {
            tx.sendSpikes(db, "injector", std::vector<int>{100});
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            QVERIFY2(std::string(e.what()).find("neuron 100 of population 'injector' has no key (population size 100)")
                         != std::string::npos,
                     e.what());
        }
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, tx.sendSpikes(db, "nobody", neurons));
        tx.stop();
    }

    void fullQueueDropsAndCounts()
    {
        UdpPeer board;
        LiveSenderConfig c;
        c.port = board.port();
        c.maxQueuedKeys = 10;
        LiveSender tx(c);
        tx.start();
        const std::vector<std::uint32_t> keys(25, 1u);
        QVERIFY(!tx.sendKeys(keys));
        QVERIFY(tx.flush(2000ms));
        tx.stop();
        QCOMPARE(tx.stats().dropped, std::uint64_t(15));
        QCOMPARE(tx.stats().keys, std::uint64_t(10));
    }

    void badConfiguration()
    {
        LiveSender noPort(LiveSenderConfig{});
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, noPort.start());
        LiveSenderConfig c;
        c.port = 17897;
        c.keysPerPacket = 64;
        LiveSender tooMany(c);
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, tooMany.start());
        c.keysPerPacket = 63;
        c.host = "not an address";
        LiveSender badHost(c);
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, badHost.start());
        const std::vector<std::uint32_t> keys{1};
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, badHost.sendKeys(keys));
    }
};

QTEST_GUILESS_MAIN(TestLiveSender)
#include "tst_livesender.moc"
