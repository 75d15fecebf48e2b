// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the live spike rate the receiver sustains without loss on loopback.
//
// Usage: bench_live [SECONDS_PER_RATE] [KEYS_PER_PACKET]
// First the receiver's per-spike work alone (decode, key lookup, append; one
// thread, no sockets). Then a stand-in LPG sends default live-output packets
// (KEY_32_BIT, timestep as payload prefix) at rising offered rates; for each
// rate it prints what was sent, what the receiver decoded, and the loss.
#include "hardware/spinnaker/eieio.h"
#include "hardware/spinnaker/livereceiver.h"
#include "loopbackpeer.h"

#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

using namespace scnn::hardware;
using namespace scnn::test;
using Clock = std::chrono::steady_clock;

namespace {

/// Packets cycling over every neuron of `pops`.
std::vector<Bytes> makePackets(const std::vector<TestPopulation>& pops, int keysPerPacket)
{
    std::vector<Bytes> packets;
    std::size_t atom = 0, pop = 0;
    for (int p = 0; p < 64; ++p) {
        std::vector<std::uint32_t> keys;
        for (int k = 0; k < keysPerPacket; ++k) {
            keys.push_back(testKey(pops[pop], int(atom), DbSchema::View7));
            if (++atom == std::size_t(pops[pop].size)) {
                atom = 0;
                pop = (pop + 1) % pops.size();
            }
        }
        packets.push_back(lpgPacket(std::uint32_t(p), keys));
    }
    return packets;
}

/// Decode + lookup + append as the receiver does per datagram, without sockets [spikes/s].
double decodeRate(const std::string& path, const std::vector<Bytes>& packets, double seconds)
{
    const LiveDatabase db = LiveDatabase::load(path);
    EieioDataPacket packet;
    std::vector<SpikeList> pending(db.populations().size());
    std::uint64_t spikes = 0;
    std::size_t held = 0;
    const auto start = Clock::now();
    double elapsed = 0.0;
    for (std::size_t i = 0; elapsed < seconds; ++i) {
        decodeEieioData(packets[i % packets.size()], packet);
        for (std::size_t k = 0; k < packet.keys.size(); ++k)
            if (const KeyTarget* t = db.find(packet.keys[k])) {
                pending[std::size_t(t->population)].add(t->atom, double(packet.payloads[k]));
                ++spikes;
                ++held;
            }
        if (held > 16384) {
            for (auto& list : pending)
                list = SpikeList{};
            held = 0;
        }
        if (i % 1024 == 0)
            elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return double(spikes) / std::chrono::duration<double>(Clock::now() - start).count();
}

struct Outcome
{
    std::uint64_t sentPackets = 0;
    std::uint64_t receivedPackets = 0;
    std::uint64_t spikes = 0;
    std::uint64_t delivered = 0;
    double seconds = 0.0;
};

/// Sends at `rate` packets/s (0 = as fast as possible) for `seconds`.
Outcome runRate(const std::string& db, const std::vector<TestPopulation>& pops, double rate, double seconds, int keysPerPacket)
{
    LiveReceiverConfig c;
    c.notifyPort = 0;
    c.spikePort = 0;
    c.handshake = false;
    c.databaseOverride = db;
    std::atomic<std::uint64_t> handed{0};
    LiveReceiver rx(c);
    rx.onSpikes = [&](std::vector<LiveSpikeBlock>&& blocks) {
        for (const auto& b : blocks)
            handed += b.spikes.size();
    };
    rx.start();

    const std::vector<Bytes> packets = makePackets(pops, keysPerPacket);

    UdpPeer lpg;
    const auto target = loopback(rx.spikePort());
    Outcome o;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    const double perMs = rate / 1000.0;
    double owed = 0.0;
    auto tick = start;
    while (Clock::now() < end) {
        if (rate <= 0) {
            for (int i = 0; i < 64; ++i)
                lpg.sendTo(packets[o.sentPackets++ % packets.size()], target);
            continue;
        }
        owed += perMs;
        while (owed >= 1.0) {
            lpg.sendTo(packets[o.sentPackets++ % packets.size()], target);
            owed -= 1.0;
        }
        tick += std::chrono::milliseconds(1);
        std::this_thread::sleep_until(tick);
    }
    o.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    // Let the receiver finish what is queued.
    std::uint64_t last = ~0ull;
    while (rx.stats().packets != last) {
        last = rx.stats().packets;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    rx.stop();
    const LiveReceiverStats s = rx.stats();
    o.receivedPackets = s.packets;
    o.spikes = s.spikes;
    o.delivered = handed.load();
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    const int keysPerPacket = argc > 2 ? std::atoi(argv[2]) : 64;
    if (seconds <= 0 || keysPerPacket < 1 || keysPerPacket > 255) {
        std::fprintf(stderr, "usage: bench_live [SECONDS_PER_RATE > 0] [KEYS_PER_PACKET 1..255]\n");
        return 2;
    }
    QTemporaryDir dir;
    const std::string db = (dir.path() + QStringLiteral("/input_output_database.sqlite3")).toStdString();
    const std::vector<TestPopulation> pops{{"pop0", 256, 0x100000, true}, {"pop1", 256, 0x200000, true},
                                           {"pop2", 256, 0x300000, true}, {"pop3", 256, 0x400000, true}};
    writeTestDatabase(db, pops, DbSchema::View7, 1000, 1, 256);

    std::printf("decode + lookup + append alone: %.0f spikes/s (one thread, %d keys per packet)\n",
                decodeRate(db, makePackets(pops, keysPerPacket), seconds), keysPerPacket);
    std::printf("%d keys per packet, %.1f s per rate, loopback 127.0.0.1\n", keysPerPacket, seconds);
    std::printf("%14s %14s %14s %14s %12s %10s\n", "offered pkt/s", "sent pkt/s", "recv pkt/s", "spikes/s",
                "lost pkts", "loss %");
    double bestLossless = 0.0;
    for (double rate : {5000.0, 10000.0, 20000.0, 25000.0, 30000.0, 40000.0, 80000.0, 160000.0, 0.0}) {
        const Outcome o = runRate(db, pops, rate, seconds, keysPerPacket);
        const std::uint64_t lost = o.sentPackets - o.receivedPackets;
        const double lossPct = o.sentPackets ? 100.0 * double(lost) / double(o.sentPackets) : 0.0;
        char offered[32];
        if (rate > 0)
            std::snprintf(offered, sizeof offered, "%.0f", rate);
        else
            std::snprintf(offered, sizeof offered, "unpaced");
        std::printf("%14s %14.0f %14.0f %14.0f %12llu %10.3f\n", offered, double(o.sentPackets) / o.seconds,
                    double(o.receivedPackets) / o.seconds, double(o.spikes) / o.seconds,
                    static_cast<unsigned long long>(lost), lossPct);
        if (o.delivered != o.spikes)
            std::printf("  note: %llu spikes decoded but %llu handed over\n",
                        static_cast<unsigned long long>(o.spikes), static_cast<unsigned long long>(o.delivered));
        if (lost == 0)
            bestLossless = std::max(bestLossless, double(o.spikes) / o.seconds);
    }
    std::printf("highest lossless rate measured: %.0f spikes/s\n", bestLossless);
    return 0;
}
