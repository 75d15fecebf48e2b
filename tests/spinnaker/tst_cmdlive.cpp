// SPDX-License-Identifier: GPL-3.0-or-later
// `scnn probe` and `scnn listen` in-process against the loopback SCAMP and toolchain stand-ins.
#include "app/cli/commands.h"
#include "loopbackpeer.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <sstream>
#include <thread>

using namespace scnn::test;
using namespace std::chrono_literals;

namespace {

struct CliRun
{
    int code = -1;
    std::string out;
    std::string err;
};

CliRun runScnn(const std::vector<std::string>& argv)
{
    std::ostringstream out, err;
    scnn::cli::Io io{out, err};
    CliRun r;
    r.code = scnn::cli::runCli(argv, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

class TestCmdLive : public QObject
{
    Q_OBJECT

private slots:
    void probeJson()
    {
        ScampPeer board(ScampMode::Good, 3, 4);
        const CliRun r = runScnn({"probe", "127.0.0.1:" + std::to_string(board.port()), "--json"});
        QCOMPARE(r.code, 0);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j.at("name").get<std::string>(), std::string("SC&MP"));
        QCOMPARE(j.at("version").get<std::string>(), std::string("4.0.0"));
        QCOMPARE(j.at("x").get<int>(), 3);
        QCOMPARE(j.at("y").get<int>(), 4);
        QCOMPARE(j.at("core").get<int>(), 0);
    }

    void probeText()
    {
        ScampPeer board(ScampMode::Good, 1, 2);
        const CliRun r = runScnn({"probe", "127.0.0.1:" + std::to_string(board.port())});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("SC&MP 4.0.0 on SpiNNaker answered from 127.0.0.1:") == 0, r.out.c_str());
        QVERIFY(r.out.find("chip (1,2), core 0 (physical 3), built 2023-11-14 22:13:20 UTC") != std::string::npos);
    }

    void probeFailures()
    {
        ScampPeer silent(ScampMode::Silent);
        CliRun r = runScnn({"probe", "127.0.0.1:" + std::to_string(silent.port()), "--timeout-ms", "200"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("no reply from 127.0.0.1:" + std::to_string(silent.port()) + " within 200 ms")
                     != std::string::npos,
                 r.err.c_str());
        ScampPeer bad(ScampMode::ErrorCode);
        r = runScnn({"probe", "127.0.0.1:" + std::to_string(bad.port()), "--json"});
        QCOMPARE(r.code, 1);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j.at("status").get<std::string>(), std::string("error-code"));
        QVERIFY(j.at("error").get<std::string>().find("RC_ARG") != std::string::npos);
        QCOMPARE(runScnn({"probe"}).code, 2);
        QCOMPARE(runScnn({"probe", "127.0.0.1:99999"}).code, 2);
        QCOMPARE(runScnn({"probe", "127.0.0.1", "--timeout-ms", "0"}).code, 2);
    }

    void listenCountsAHandshakeRun()
    {
        QTemporaryDir dir;
        const std::string db = (dir.path() + QStringLiteral("/input_output_database.sqlite3")).toStdString();
        const std::vector<TestPopulation> pops{{"input", 100, 0x10000, true}, {"conv1", 20, 0x20000, true},
                                               {"quiet", 5, 0x30000, true}};
        writeTestDatabase(db, pops, DbSchema::View7);
        const std::uint16_t notifyPort = unusedPort();
        const std::uint16_t spikePort = unusedPort();
        CliRun r;
        std::thread listener([&] {
            r = runScnn({"listen", "--notify-port", std::to_string(notifyPort), "--spike-port",
                         std::to_string(spikePort), "--seconds", "30", "--json"});
        });
        ToolchainPeer toolchain(notifyPort);
        bool ready = false;
        // The listener may still be binding: ICMP "port unreachable" then ends
        // the wait at once, so retry until a deadline.
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!ready && std::chrono::steady_clock::now() < deadline) {
            toolchain.announceDatabase(db);
            ready = toolchain.waitForReady(200ms).has_value();
            if (!ready)
                std::this_thread::sleep_for(20ms);
        }
        if (!ready) {
            toolchain.stop();
            listener.join();
            QVERIFY2(ready, r.err.c_str());
        }
        toolchain.start();
        UdpPeer lpg;
        // 30 packets: input neurons 0..9 and conv1 neurons 0..3, each once per packet.
        for (std::uint32_t t = 0; t < 30; ++t) {
            std::vector<std::uint32_t> keys;
            for (int a = 0; a < 10; ++a)
                keys.push_back(testKey(pops[0], a, DbSchema::View7));
            for (int a = 0; a < 4; ++a)
                keys.push_back(testKey(pops[1], a, DbSchema::View7));
            lpg.sendTo(lpgPacket(t, keys), loopback(spikePort));
        }
        lpg.sendTo(Bytes{0x05, 0x38, 0x00}, loopback(spikePort));
        lpg.sendTo(Bytes{0x0B, 0x40}, loopback(spikePort));
        toolchain.stop();
        listener.join();
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j.at("populations").at("input").at("spikes").get<int>(), 300);
        QCOMPARE(j.at("populations").at("input").at("neurons_seen").get<int>(), 10);
        QCOMPARE(j.at("populations").at("conv1").at("spikes").get<int>(), 120);
        QCOMPARE(j.at("populations").at("conv1").at("neurons_seen").get<int>(), 4);
        QCOMPARE(j.at("populations").at("quiet").at("spikes").get<int>(), 0);
        QCOMPARE(j.at("malformed").get<int>(), 2);
        QCOMPARE(j.at("stopped_by").get<std::string>(), std::string("stop notification"));
    }

    void listenTimeLimitAndBusyPort()
    {
        UdpPeer holder;
        CliRun r = runScnn({"listen", "--notify-port", std::to_string(holder.port()), "--seconds", "5"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("cannot listen for database notifications on 127.0.0.1:" + std::to_string(holder.port()))
                     != std::string::npos,
                 r.err.c_str());
        r = runScnn({"listen", "--notify-port", "0", "--spike-port", "0", "--seconds", "0.1"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("ended by the time limit") != std::string::npos, r.out.c_str());
        QCOMPARE(runScnn({"listen", "--seconds", "-1"}).code, 2);
        QCOMPARE(runScnn({"listen", "--allow", ","}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCmdLive)
#include "tst_cmdlive.moc"
