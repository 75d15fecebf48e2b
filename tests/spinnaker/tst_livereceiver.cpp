// SPDX-License-Identifier: GPL-3.0-or-later
// The live receiver against a loopback toolchain + LPG stand-in: handshake, spike streams, malformed packets.
#include "hardware/spinnaker/livereceiver.h"
#include "loopbackpeer.h"
#include "model/error.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

using namespace scnn::hardware;
using namespace scnn::test;
using namespace std::chrono_literals;

namespace {

/// What the receiver handed over, gathered under a lock (callbacks run on its thread).
struct Collector
{
    std::mutex mutex;
    std::map<std::string, std::vector<std::pair<int, double>>> spikes;
    std::vector<LiveNotice> notices;
    int blocks = 0;
    bool sorted = true;
    bool labelsMatch = true;

    void attach(LiveReceiver& rx)
    {
        rx.onSpikes = [this](std::vector<LiveSpikeBlock>&& batch) {
            std::lock_guard lock(mutex);
            ++blocks;
            for (const LiveSpikeBlock& b : batch) {
                auto& list = spikes[b.label];
                for (std::size_t i = 0; i < b.spikes.size(); ++i) {
                    list.emplace_back(b.spikes.ids[i], b.spikes.times[i]);
                    if (i > 0 && (b.spikes.times[i] < b.spikes.times[i - 1]
                                  || (b.spikes.times[i] == b.spikes.times[i - 1]
                                      && b.spikes.ids[i] < b.spikes.ids[i - 1])))
                        sorted = false;
                }
            }
        };
        rx.onNotice = [this](const LiveNotice& n) {
            std::lock_guard lock(mutex);
            notices.push_back(n);
        };
    }

    std::size_t count(const std::string& label)
    {
        std::lock_guard lock(mutex);
        return spikes.count(label) ? spikes[label].size() : 0;
    }

    bool hasNotice(LiveNoticeKind kind, std::string* message = nullptr)
    {
        std::lock_guard lock(mutex);
        for (const LiveNotice& n : notices)
            if (n.kind == kind) {
                if (message)
                    *message = n.message;
                return true;
            }
        return false;
    }
};

template<class Pred>
bool waitUntil(Pred pred, std::chrono::milliseconds timeout = 5s)
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!pred()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

const Bytes kReady{0x01, 0x40};

} // namespace

class TestLiveReceiver : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_db;
    const std::vector<TestPopulation> m_pops{{"input", 100, 0x10000, true},
                                             {"conv1", 150, 0x20000, true},
                                             {"readout", 10, 0x30000, true}};

    static LiveReceiverConfig config()
    {
        LiveReceiverConfig c;
        c.notifyPort = 0;
        c.spikePort = 0;
        c.updateInterval = 10ms;
        return c;
    }

    /// Announces the database, checks the ready answer, sends start.
    void handshake(LiveReceiver& rx, ToolchainPeer& toolchain, Collector& got)
    {
        toolchain.announceDatabase(m_db);
        const auto ack = toolchain.waitForReady(5s);
        QVERIFY2(ack, "no ready answer to the database notification");
        QCOMPARE(*ack, kReady);
        // The notice comes before the answer, so it is there already.
        QVERIFY(got.hasNotice(LiveNoticeKind::DatabaseReady));
        QVERIFY(rx.database());
        toolchain.start();
        QVERIFY(waitUntil([&] { return got.hasNotice(LiveNoticeKind::Started); }));
    }

    /// Streams `packets` LPG packets of 64 keys cycling over all neurons, in
    /// bursts of `burst`, each burst waiting until the receiver has taken it.
    /// Returns the expected (atom, time) per label.
    std::map<std::string, std::vector<std::pair<int, double>>>
    stream(LiveReceiver& rx, UdpPeer& lpg, int packets, int burst, std::uint64_t packetsBefore)
    {
        std::map<std::string, std::vector<std::pair<int, double>>> expected;
        std::vector<std::pair<const TestPopulation*, int>> neurons;
        for (const TestPopulation& p : m_pops)
            for (int a = 0; a < p.size; ++a)
                neurons.emplace_back(&p, a);
        std::size_t next = 0;
        for (int i = 0; i < packets; ++i) {
            std::vector<std::uint32_t> keys;
            const std::uint32_t step = static_cast<std::uint32_t>(i / 4);
            for (int k = 0; k < 64; ++k) {
                const auto& [pop, atom] = neurons[next++ % neurons.size()];
                keys.push_back(testKey(*pop, atom, DbSchema::View7));
                expected[pop->label].emplace_back(atom, step * 0.1);
            }
            lpg.sendTo(lpgPacket(step, keys), loopback(rx.spikePort()));
            if ((i + 1) % burst == 0 || i + 1 == packets) {
                const std::uint64_t want = packetsBefore + std::uint64_t(i + 1);
                if (!waitUntil([&] { return rx.stats().packets >= want; }))
                    break;
            }
        }
        return expected;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = (m_dir.path() + QStringLiteral("/input_output_database.sqlite3")).toStdString();
        writeTestDatabase(m_db, m_pops, DbSchema::View7, 100, 10);
    }

    void handshakeStreamAndMalformed()
    {
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        QVERIFY(rx.notifyPort() != 0 && rx.spikePort() != 0);
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;

        UdpPeer lpg;
        auto expected = stream(rx, lpg, 2000, 100, 0);
        QCOMPARE(rx.stats().packets, std::uint64_t(2000));

        // Malformed and unexpected datagrams, each counted once and dropped.
        const std::vector<std::uint32_t> three{testKey(m_pops[0], 1, DbSchema::View7),
                                               testKey(m_pops[0], 2, DbSchema::View7),
                                               testKey(m_pops[0], 3, DbSchema::View7)};
        Bytes truncated = lpgPacket(5, three);
        truncated.resize(truncated.size() - 3);
        Bytes badCount = lpgPacket(5, three);
        badCount[0] = 64;
        const Bytes command = startMessage();
        const Bytes oneByte{0x38};
        const Bytes prefixOnly{0x00, 0x80}; // P set, the prefix itself missing
        for (const Bytes& b : {truncated, badCount, command, oneByte, prefixOnly})
            lpg.sendTo(b, loopback(rx.spikePort()));
        // Unknown keys among known ones: the known ones count, the others are counted apart.
        std::vector<std::uint32_t> mixed = three;
        for (std::uint32_t k : {0x1u, 0x10000u + (100u << 4), 0x2FFFFFu, 0xFFFFFFF0u, 0x40000u})
            mixed.push_back(k);
        lpg.sendTo(lpgPacket(600, mixed), loopback(rx.spikePort()));
        for (int a = 1; a <= 3; ++a)
            expected["input"].emplace_back(a, 60.0);

        toolchain.stop();
        QVERIFY(rx.waitForStop(0, 5s));
        QVERIFY(got.hasNotice(LiveNoticeKind::Stopped));
        rx.stop();

        const LiveReceiverStats s = rx.stats();
        QCOMPARE(s.malformed, std::uint64_t(5));
        QCOMPARE(s.unknownKeys, std::uint64_t(5));
        QCOMPARE(s.packets, std::uint64_t(2001));
        QCOMPARE(s.spikes, std::uint64_t(2000 * 64 + 3));
        QCOMPARE(s.delivered, s.spikes);
        QCOMPARE(s.rejectedSenders, std::uint64_t(0));
        QCOMPARE(s.notifications, std::uint64_t(3));
        QVERIFY(got.sorted);
        for (auto& [label, list] : expected) {
            auto received = got.spikes[label];
            std::sort(received.begin(), received.end());
            std::sort(list.begin(), list.end());
            QCOMPARE(received.size(), list.size());
            QVERIFY2(received == list, label.c_str());
        }
        QCOMPARE(got.spikes.size(), expected.size());
    }

    void stopRightAfterSpikesCountsThemAll()
    {
        // Spikes and a malformed packet sent just before the stop notification
        // are all accounted for when the stop is reported (no waiting between).
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;
        UdpPeer lpg;
        std::vector<std::uint32_t> keys;
        for (int a = 0; a < 30; ++a)
            keys.push_back(testKey(m_pops[0], a, DbSchema::View7));
        for (int run = 0; run < 20; ++run) {
            for (int i = 0; i < 20; ++i)
                lpg.sendTo(lpgPacket(std::uint32_t(i), keys), loopback(rx.spikePort()));
            lpg.sendTo(Bytes{0x02, 0x38, 0x00}, loopback(rx.spikePort()));
            toolchain.stop();
            QVERIFY(rx.waitForStop(run, 5s));
            QCOMPARE(got.count("input"), std::size_t(600 * (run + 1)));
            QCOMPARE(rx.stats().malformed, std::uint64_t(run + 1));
        }
        rx.stop();
    }

    void throwingCallbackDoesNotStopTheReceiver()
    {
        LiveReceiverConfig c = config();
        c.databaseOverride = m_db;
        c.maxPendingSpikes = 1;
        LiveReceiver rx(c);
        std::atomic<int> calls{0};
        rx.onSpikes = [&](std::vector<LiveSpikeBlock>&&) {
            if (++calls == 1)
                throw std::runtime_error("view went away");
        };
        rx.start();
        UdpPeer lpg;
        const std::vector<std::uint32_t> keys{testKey(m_pops[0], 0, DbSchema::View7)};
        lpg.sendTo(lpgPacket(1, keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return rx.stats().callbackErrors == 1; }));
        lpg.sendTo(lpgPacket(2, keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return calls == 2; }));
        rx.stop();
        QCOMPARE(rx.stats().spikes, std::uint64_t(2));
    }

    void rejectsOtherSenders()
    {
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        // 127.0.0.2 is loopback too, but not in the allowed list.
        ToolchainPeer stranger(rx.notifyPort(), "127.0.0.2");
        stranger.announceDatabase(m_db);
        QVERIFY(!stranger.waitForReady(200ms));
        UdpPeer lpg("127.0.0.2");
        const std::vector<std::uint32_t> keys{testKey(m_pops[0], 0, DbSchema::View7)};
        lpg.sendTo(lpgPacket(1, keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return rx.stats().rejectedSenders == 2; }));
        QCOMPARE(rx.stats().packets, std::uint64_t(0));
        QVERIFY(!rx.database());
        rx.stop();
        QCOMPARE(got.count("input"), std::size_t(0));
    }

    void boardsNamedInTheDatabase_data()
    {
        QTest::addColumn<bool>("allowDatabaseBoards");
        QTest::newRow("not allowed") << false;
        QTest::newRow("allowed") << true;
    }

    void boardsNamedInTheDatabase()
    {
        QFETCH(bool, allowDatabaseBoards);
        const std::string db = m_dir.path().toStdString() + "/board3.sqlite3";
        writeTestDatabase(db, m_pops, DbSchema::View7, 100, 10, 64, "127.0.0.3");
        LiveReceiverConfig c = config();
        c.spikeBindAddress = "127.0.0.2"; // spikes on another local address than the notifications
        c.allowDatabaseBoards = allowDatabaseBoards;
        LiveReceiver rx(c);
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        toolchain.announceDatabase(db);
        QVERIFY(toolchain.waitForReady(5s));
        UdpPeer board("127.0.0.3");
        const std::vector<std::uint32_t> keys{testKey(m_pops[1], 9, DbSchema::View7)};
        board.sendTo(lpgPacket(1, keys), udp::endpoint(boost::asio::ip::make_address("127.0.0.2"), rx.spikePort()));
        QVERIFY(waitUntil([&] { return rx.stats().packets + rx.stats().rejectedSenders == 1; }));
        rx.stop();
        QCOMPARE(rx.stats().spikes, std::uint64_t(allowDatabaseBoards ? 1 : 0));
        QCOMPARE(rx.stats().rejectedSenders, std::uint64_t(allowDatabaseBoards ? 0 : 1));
    }

    void pauseDropsResumeDelivers()
    {
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;
        UdpPeer lpg;
        const std::vector<std::uint32_t> keys{testKey(m_pops[1], 7, DbSchema::View7),
                                              testKey(m_pops[1], 8, DbSchema::View7)};
        rx.pause();
        QVERIFY(rx.paused());
        for (int i = 0; i < 10; ++i)
            lpg.sendTo(lpgPacket(std::uint32_t(i), keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return rx.stats().droppedPaused == 20; }));
        QCOMPARE(got.count("conv1"), std::size_t(0));
        rx.resume();
        for (int i = 0; i < 5; ++i)
            lpg.sendTo(lpgPacket(std::uint32_t(100 + i), keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return got.count("conv1") == 10; }));
        rx.stop();
        QCOMPARE(rx.stats().spikes, std::uint64_t(30));
        QCOMPARE(rx.stats().delivered, std::uint64_t(10));
    }

    void updatePolicyHandsOverInBlocks()
    {
        LiveReceiverConfig c = config();
        c.updateInterval = 10s;    // only the size limit can trigger a hand-over
        c.maxPendingSpikes = 128;
        LiveReceiver rx(c);
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;
        UdpPeer lpg;
        std::vector<std::uint32_t> keys;
        for (int a = 0; a < 64; ++a)
            keys.push_back(testKey(m_pops[1], a, DbSchema::View7));
        for (int i = 0; i < 6; ++i)
            lpg.sendTo(lpgPacket(std::uint32_t(i), keys), loopback(rx.spikePort()));
        // 6 × 64 = 384 spikes: three hand-overs of 128, nothing left pending.
        QVERIFY(waitUntil([&] { return got.count("conv1") == 384; }));
        {
            std::lock_guard lock(got.mutex);
            QCOMPARE(got.blocks, 3);
        }
        lpg.sendTo(lpgPacket(9, std::vector<std::uint32_t>(keys.begin(), keys.begin() + 5)), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return rx.stats().spikes == 389; }));
        QCOMPARE(got.count("conv1"), std::size_t(384)); // below the limit, before the interval
        rx.stop(); // hands over what is pending
        QCOMPARE(got.count("conv1"), std::size_t(389));
    }

    void labelFilter()
    {
        LiveReceiverConfig c = config();
        c.labels = {"conv1"};
        LiveReceiver rx(c);
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;
        UdpPeer lpg;
        const std::vector<std::uint32_t> keys{testKey(m_pops[0], 0, DbSchema::View7),
                                              testKey(m_pops[1], 0, DbSchema::View7),
                                              testKey(m_pops[2], 0, DbSchema::View7)};
        lpg.sendTo(lpgPacket(3, keys), loopback(rx.spikePort()));
        QVERIFY(waitUntil([&] { return got.count("conv1") == 1; }));
        rx.stop();
        QCOMPARE(rx.stats().filtered, std::uint64_t(2));
        QCOMPARE(got.spikes.size(), std::size_t(1));
    }

    void unstrippedSdpAndColourBits()
    {
        LiveReceiverConfig c = config();
        c.strippedSdp = false;
        c.colourBits = 4;
        c.databaseOverride = m_db; // no handshake needed for the map
        LiveReceiver rx(c);
        Collector got;
        got.attach(rx);
        rx.start();
        QVERIFY(rx.database());
        UdpPeer lpg;
        // Raw neuron keys with their colour (timestep & 0xF) still set.
        const std::vector<std::uint32_t> keys{testKey(m_pops[2], 4, DbSchema::View7) | 0x7,
                                              testKey(m_pops[2], 5, DbSchema::View7) | 0xF};
        const Bytes sdp{0x00, 0x00, 0x07, 0x07, 0xFF, 0x61, 0x00, 0x00, 0x00, 0x00};
        Bytes packet = sdp;
        const Bytes eieio = lpgPacket(20, keys);
        packet.insert(packet.end(), eieio.begin(), eieio.end());
        lpg.sendTo(packet, loopback(rx.spikePort()));
        lpg.sendTo(Bytes(sdp.begin(), sdp.begin() + 6), loopback(rx.spikePort())); // shorter than the SDP header
        QVERIFY(waitUntil([&] { return got.count("readout") == 2; }));
        rx.stop();
        QCOMPARE(rx.stats().malformed, std::uint64_t(1));
        std::lock_guard lock(got.mutex);
        QCOMPARE(got.spikes["readout"][0], (std::pair<int, double>(4, 2.0)));
        QCOMPARE(got.spikes["readout"][1], (std::pair<int, double>(5, 2.0)));
    }

    void unreadableDatabaseIsAnsweredAndReported()
    {
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        const std::string missing = m_dir.path().toStdString() + "/gone.sqlite3";
        toolchain.announceDatabase(missing);
        const auto ack = toolchain.waitForReady(5s);
        QVERIFY(ack);
        QCOMPARE(*ack, kReady);
        std::string message;
        QVERIFY(waitUntil([&] { return got.hasNotice(LiveNoticeKind::DatabaseFailed, &message); }));
        QVERIFY2(message.find("gone.sqlite3") != std::string::npos, message.c_str());
        toolchain.sendRaw({0x01, 0x40}); // no path at all
        QVERIFY(toolchain.waitForReady(5s));
        toolchain.sendRaw({0x07});       // not even a header
        toolchain.sendRaw({0x03, 0x38, 0, 0, 0, 0}); // data on the notification port
        toolchain.sendRaw({0x3F, 0x40}); // unknown command 63
        QVERIFY(waitUntil([&] { return rx.stats().malformed == 3; }));
        rx.stop();
        QVERIFY(!rx.database());
    }

    void newDatabasePerRunAndLongPath()
    {
        LiveReceiver rx(config());
        Collector got;
        got.attach(rx);
        rx.start();
        ToolchainPeer toolchain(rx.notifyPort());
        handshake(rx, toolchain, got);
        if (QTest::currentTestFailed())
            return;
        toolchain.stop();
        QVERIFY(rx.waitForStop(0, 5s));
        // Second run: a database whose path is longer than the 298 bytes FEC's own listener can read.
        QString deep = m_dir.path();
        while (deep.size() < 320)
            deep += QStringLiteral("/a_rather_long_report_directory_name");
        QVERIFY(QDir().mkpath(deep));
        const std::string second = (deep + QStringLiteral("/input_output_database.sqlite3")).toStdString();
        QVERIFY(second.size() > 298);
        writeTestDatabase(second, {{"other", 3, 0x500, true}}, DbSchema::View6);
        toolchain.announceDatabase(second);
        const auto ack = toolchain.waitForReady(5s);
        QVERIFY(ack);
        QCOMPARE(*ack, kReady);
        QVERIFY(waitUntil([&] { return rx.database() && rx.database()->path() == second; }));
        toolchain.start();
        UdpPeer lpg;
        const std::vector<std::uint32_t> keys{0x502};
        lpg.sendTo(lpgPacket(1, keys), loopback(rx.spikePort()));
        toolchain.stop();
        QVERIFY(rx.waitForStop(1, 5s));
        QCOMPARE(rx.stopCount(), 2);
        QCOMPARE(got.count("other"), std::size_t(1));
        rx.stop();
        QCOMPARE(rx.stats().notifications, std::uint64_t(6));
    }

    void busyPortIsAClearError()
    {
        UdpPeer holder;
        LiveReceiverConfig c = config();
        c.spikePort = holder.port();
        LiveReceiver rx(c);
        try {
            rx.start();
            QFAIL("no error");
        } catch (const scnn::model::Error& e) {
            const std::string expected = "cannot listen for live spikes on 127.0.0.1:" + std::to_string(holder.port());
            QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
        }
        LiveReceiverConfig bad = config();
        bad.allowedSenders = {"board.local"};
        LiveReceiver rx2(bad);
        QVERIFY_THROWS_EXCEPTION(scnn::model::Error, rx2.start());
    }
};

QTEST_GUILESS_MAIN(TestLiveReceiver)
#include "tst_livereceiver.moc"
