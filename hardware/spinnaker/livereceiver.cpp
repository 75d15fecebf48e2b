// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — live spikes from SpiNNaker: the database handshake and the EIEIO receiver.
#include "hardware/spinnaker/livereceiver.h"

#include "hardware/spinnaker/eieio.h"
#include "hardware/spinnaker/udpsupport.h"
#include "model/error.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <mutex>
#include <numeric>
#include <thread>

namespace scnn::hardware {

namespace asio = boost::asio;
using asio::ip::udp;

namespace {

/// SDP pad + header in front of EIEIO when the IP tag does not strip it.
constexpr std::size_t kSdpPrefixBytes = 10;
/// LPG datagrams are ≤ 274 bytes; anything filling this buffer is too long.
constexpr std::size_t kSpikeBufferBytes = 2048;
/// Datagrams read directly after each asynchronous wake-up.
constexpr int kReadsPerWakeup = 64;
/// The toolchain sends paths up to 50 000 bytes.
constexpr std::size_t kNotifyBufferBytes = 65536;

struct Counters
{
    std::atomic<std::uint64_t> packets{0}, spikes{0}, malformed{0}, unknownKeys{0}, rejectedSenders{0},
        notifications{0}, blocks{0}, delivered{0}, droppedPaused{0}, filtered{0}, callbackErrors{0};
};

void bump(std::atomic<std::uint64_t>& c, std::uint64_t n = 1)
{
    c.fetch_add(n, std::memory_order_relaxed);
}


} // namespace

struct LiveReceiver::Impl
{
    LiveReceiver& owner;
    const LiveReceiverConfig& config;
    asio::io_context io;
    udp::socket notifySocket{io};
    udp::socket spikeSocket{io};
    asio::steady_timer timer{io};
    asio::thread_pool worker{1};
    std::thread thread;
    SenderFilter allowed;       ///< Notifications (and spikes, plus the database's boards if asked)
    SenderFilter spikeAllowed;  ///< Spikes

    std::array<std::uint8_t, kSpikeBufferBytes> spikeBuffer{};
    std::array<std::uint8_t, kSpikeBufferBytes> drainBuffer{};
    udp::endpoint spikeFrom;
    std::vector<std::uint8_t> notifyBuffer = std::vector<std::uint8_t>(kNotifyBufferBytes);
    udp::endpoint notifyFrom;

    // I/O-thread state.
    std::shared_ptr<const LiveDatabase> db;
    std::vector<char> wanted;               ///< Per population of db: hand over?
    std::vector<SpikeList> pending;         ///< Per population of db
    std::size_t pendingCount = 0;
    EieioDataPacket packet;
    std::chrono::steady_clock::time_point runStart = std::chrono::steady_clock::now();
    std::uint32_t keyMask = 0xFFFFFFFFu;

    Counters counters;
    mutable std::mutex mutex;               ///< Guards dbShared, stops
    mutable std::condition_variable stopped;
    std::shared_ptr<const LiveDatabase> dbShared;
    int stops = 0;

    Impl(LiveReceiver& o, const LiveReceiverConfig& c) : owner(o), config(c) {}

    void notice(LiveNoticeKind kind, std::string message, std::shared_ptr<const LiveDatabase> database = {})
    {
        if (!owner.onNotice)
            return;
        try {
            owner.onNotice(LiveNotice{kind, std::move(message), std::move(database)});
        } catch (...) { // a failing view must not stop the receiver
            bump(counters.callbackErrors);
        }
    }

    void installDatabase(std::shared_ptr<const LiveDatabase> next)
    {
        flush();
        db = std::move(next);
        const std::size_t n = db ? db->populations().size() : 0;
        pending.assign(n, SpikeList{});
        wanted.assign(n, 1);
        if (db && !config.labels.empty())
            for (std::size_t i = 0; i < n; ++i)
                wanted[i] = std::find(config.labels.begin(), config.labels.end(), db->populations()[i].label)
                            != config.labels.end();
        spikeAllowed = allowed;
        if (db && config.allowDatabaseBoards)
            for (const LiveOutputTag& tag : db->outputTags()) {
                boost::system::error_code ec;
                const auto board = asio::ip::make_address(tag.boardAddress, ec);
                if (!ec)
                    spikeAllowed.add(board);
            }
        std::lock_guard lock(mutex);
        dbShared = db;
    }

    // ---- hand-over ------------------------------------------------------
    void flush()
    {
        if (pendingCount == 0)
            return;
        std::vector<LiveSpikeBlock> blocks;
        for (std::size_t p = 0; p < pending.size(); ++p) {
            if (pending[p].size() == 0)
                continue;
            LiveSpikeBlock b;
            b.population = static_cast<int>(p);
            b.label = db->populations()[p].label;
            b.spikes = std::move(pending[p]);
            pending[p] = SpikeList{};
            b.spikes.sortByTimeThenId();
            blocks.push_back(std::move(b));
        }
        const std::size_t n = pendingCount;
        pendingCount = 0;
        if (owner.paused()) {
            bump(counters.droppedPaused, n);
            return;
        }
        bump(counters.blocks);
        bump(counters.delivered, n);
        if (!owner.onSpikes)
            return;
        try {
            owner.onSpikes(std::move(blocks));
        } catch (...) { // a failing view must not stop the receiver
            bump(counters.callbackErrors);
        }
    }

    void armTimer()
    {
        timer.expires_after(config.updateInterval);
        timer.async_wait([this](const boost::system::error_code& ec) {
            if (ec == asio::error::operation_aborted)
                return;
            flush();
            armTimer();
        });
    }

    // ---- spikes -----------------------------------------------------------
    void handleSpikeDatagram(std::span<const std::uint8_t> data, const udp::endpoint& from)
    {
        if (!spikeAllowed.accepts(from.address())) {
            bump(counters.rejectedSenders);
            return;
        }
        if (data.size() >= kSpikeBufferBytes) { // possibly truncated by the kernel: never trust it
            bump(counters.malformed);
            return;
        }
        if (!config.strippedSdp) {
            if (data.size() < kSdpPrefixBytes) {
                bump(counters.malformed);
                return;
            }
            data = data.subspan(kSdpPrefixBytes);
        }
        if (decodeEieioData(data, packet) != EieioError::None) {
            bump(counters.malformed);
            return;
        }
        bump(counters.packets);
        const bool haveTimes = packet.header.payloadIsTime && !packet.payloads.empty();
        double wallTime = 0.0;
        if (!haveTimes) {
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - runStart)
                                  .count();
            wallTime = ms / (db ? db->timeScaleFactor() : 1.0);
        }
        const double dt = db ? db->timestepMs() : 1.0;
        std::uint64_t known = 0, unknown = 0, filtered = 0;
        for (std::size_t i = 0; i < packet.keys.size(); ++i) {
            const KeyTarget* t = db ? db->find(packet.keys[i] & keyMask) : nullptr;
            if (!t) {
                ++unknown;
                continue;
            }
            ++known;
            if (!wanted[static_cast<std::size_t>(t->population)]) {
                ++filtered;
                continue;
            }
            const double time = haveTimes ? double(packet.payloads[i]) * dt : wallTime;
            pending[static_cast<std::size_t>(t->population)].add(t->atom, time);
            ++pendingCount;
        }
        bump(counters.spikes, known);
        if (unknown)
            bump(counters.unknownKeys, unknown);
        if (filtered)
            bump(counters.filtered, filtered);
        if (pendingCount >= config.maxPendingSpikes)
            flush();
    }

    void armSpikeReceive()
    {
        spikeSocket.async_receive_from(asio::buffer(spikeBuffer), spikeFrom,
                                       [this](const boost::system::error_code& ec, std::size_t bytes) {
                                           if (ec == asio::error::operation_aborted)
                                               return;
                                           if (!ec) {
                                               handleSpikeDatagram({spikeBuffer.data(), bytes}, spikeFrom);
                                               drainSpikes(kReadsPerWakeup);
                                           }
                                           // Other errors (e.g. ICMP reports) are transient: re-arm.
                                           armSpikeReceive();
                                       });
    }

    /// Reads what is already queued on the spike socket (non-blocking): after
    /// each wake-up, to save a reactor round per datagram, and before a stop
    /// notification is reported, so that it comes after the spikes sent before
    /// it. Uses its own
    /// buffer: a completed asynchronous read may still wait in the queue with
    /// its data in spikeBuffer.
    void drainSpikes(int maxReads = 1'000'000)
    {
        boost::system::error_code ec;
        udp::endpoint from;
        for (int i = 0; i < maxReads; ++i) {
            const std::size_t bytes = spikeSocket.receive_from(asio::buffer(drainBuffer), from, 0, ec);
            if (ec == asio::error::would_block || ec == asio::error::try_again)
                break;
            if (!ec)
                handleSpikeDatagram({drainBuffer.data(), bytes}, from);
        }
    }

    // ---- notifications ----------------------------------------------------
    void handleNotification(std::size_t bytes)
    {
        if (!allowed.accepts(notifyFrom.address())) {
            bump(counters.rejectedSenders);
            return;
        }
        const std::span<const std::uint8_t> data(notifyBuffer.data(), bytes);
        EieioCommandPacket command;
        if (decodeEieioCommand(data, command) != EieioError::None) {
            bump(counters.malformed);
            return;
        }
        switch (static_cast<EieioCommand>(command.id)) {
        case EieioCommand::Database: {
            bump(counters.notifications);
            const std::string path(command.data.begin(), command.data.end());
            const udp::endpoint replyTo = notifyFrom;
            asio::post(worker, [this, path, replyTo] { loadDatabase(path, replyTo); });
            break;
        }
        case EieioCommand::StartResumeNotification:
            bump(counters.notifications);
            runStart = std::chrono::steady_clock::now();
            notice(LiveNoticeKind::Started, "run started");
            break;
        case EieioCommand::StopPauseNotification: {
            bump(counters.notifications);
            drainSpikes();
            // Posted, so that receive completions already queued run first.
            asio::post(io, [this] {
                flush();
                notice(LiveNoticeKind::Stopped, "run stopped or paused");
                {
                    std::lock_guard lock(mutex);
                    ++stops;
                }
                stopped.notify_all();
            });
            break;
        }
        default:
            bump(counters.malformed);
            break;
        }
    }

    /// Worker thread: read the database, then install it and answer on the I/O thread.
    void loadDatabase(const std::string& announced, const udp::endpoint& replyTo)
    {
        const std::string path = config.databaseOverride.empty() ? announced : config.databaseOverride;
        std::shared_ptr<const LiveDatabase> loaded;
        std::string error;
        if (path.empty()) {
            error = "the database notification carries no path";
        } else {
            try {
                loaded = std::make_shared<const LiveDatabase>(LiveDatabase::load(path));
            } catch (const std::exception& e) {
                error = e.what();
            }
        }
        asio::post(io, [this, loaded, error, replyTo] {
            if (loaded) {
                installDatabase(loaded);
                notice(LiveNoticeKind::DatabaseReady,
                       "read " + std::to_string(loaded->keyCount()) + " keys of "
                           + std::to_string(loaded->populations().size()) + " populations from " + loaded->path() + "; answering ready",
                       loaded);
            } else {
                notice(LiveNoticeKind::DatabaseFailed,
                       "cannot use the announced database: " + error + "; answering ready anyway");
            }
            // Answer even when reading failed: a toolchain waiting for the
            // answer would otherwise fail the run on the board.
            static const std::array<std::uint8_t, 2> ack{0x01, 0x40};
            boost::system::error_code ec;
            notifySocket.send_to(asio::buffer(ack), replyTo, 0, ec);
            if (ec)
                notice(LiveNoticeKind::DatabaseFailed,
                       "cannot answer ready to " + endpointText(replyTo) + ": " + ec.message());
        });
    }

    void armNotifyReceive()
    {
        notifySocket.async_receive_from(asio::buffer(notifyBuffer), notifyFrom,
                                        [this](const boost::system::error_code& ec, std::size_t bytes) {
                                            if (ec == asio::error::operation_aborted)
                                                return;
                                            if (!ec)
                                                handleNotification(bytes);
                                            armNotifyReceive();
                                        });
    }
};

LiveReceiver::LiveReceiver(LiveReceiverConfig config) : m_config(std::move(config)) {}

LiveReceiver::~LiveReceiver()
{
    stop();
}

void LiveReceiver::start()
{
    if (m_impl)
        throw model::Error("the live receiver is already running");
    auto impl = std::make_unique<Impl>(*this, m_config);
    impl->allowed = SenderFilter(m_config.allowedSenders);
    impl->spikeAllowed = impl->allowed;
    impl->keyMask = m_config.colourBits >= 32 ? 0u : ~((1u << m_config.colourBits) - 1u);
    const auto address = parseAddress(m_config.bindAddress, "live receiver bind address");
    if (m_config.handshake)
        openUdp(impl->notifySocket, udp::endpoint(address, m_config.notifyPort), "database notifications");
    const auto spikeAddress = m_config.spikeBindAddress.empty()
                                  ? address
                                  : parseAddress(m_config.spikeBindAddress, "live spike bind address");
    openUdp(impl->spikeSocket, udp::endpoint(spikeAddress, m_config.spikePort), "live spikes");
    boost::system::error_code ec;
    impl->spikeSocket.set_option(udp::socket::receive_buffer_size(m_config.receiveBufferBytes), ec);
    impl->spikeSocket.non_blocking(true, ec);
    if (!m_config.databaseOverride.empty())
        impl->installDatabase(std::make_shared<const LiveDatabase>(LiveDatabase::load(m_config.databaseOverride)));
    m_boundNotifyPort = m_config.handshake ? impl->notifySocket.local_endpoint().port() : 0;
    m_boundSpikePort = impl->spikeSocket.local_endpoint().port();

    if (m_config.handshake)
        impl->armNotifyReceive();
    impl->armSpikeReceive();
    impl->armTimer();
    Impl* p = impl.get();
    impl->thread = std::thread([p] { p->io.run(); });
    m_impl = std::move(impl);
}

void LiveReceiver::stop()
{
    if (!m_impl)
        return;
    Impl& impl = *m_impl;
    // Hand over what is pending, then stop the loop from inside it.
    asio::post(impl.io, [&impl] {
        impl.flush();
        impl.io.stop();
    });
    if (impl.thread.joinable())
        impl.thread.join();
    impl.worker.join();
    m_lastStats = stats();
    m_lastDatabase = database();
    m_impl.reset();
}

LiveReceiverStats LiveReceiver::stats() const
{
    LiveReceiverStats s;
    if (!m_impl)
        return m_lastStats;
    const Counters& c = m_impl->counters;
    s.packets = c.packets.load();
    s.spikes = c.spikes.load();
    s.malformed = c.malformed.load();
    s.unknownKeys = c.unknownKeys.load();
    s.rejectedSenders = c.rejectedSenders.load();
    s.notifications = c.notifications.load();
    s.blocks = c.blocks.load();
    s.delivered = c.delivered.load();
    s.droppedPaused = c.droppedPaused.load();
    s.filtered = c.filtered.load();
    s.callbackErrors = c.callbackErrors.load();
    return s;
}

int LiveReceiver::stopCount() const
{
    if (!m_impl)
        return 0;
    std::lock_guard lock(m_impl->mutex);
    return m_impl->stops;
}

bool LiveReceiver::waitForStop(int stopsSeen, std::chrono::milliseconds timeout) const
{
    if (!m_impl)
        return false;
    std::unique_lock lock(m_impl->mutex);
    return m_impl->stopped.wait_for(lock, timeout, [&] { return m_impl->stops > stopsSeen; });
}

std::shared_ptr<const LiveDatabase> LiveReceiver::database() const
{
    if (!m_impl)
        return m_lastDatabase;
    std::lock_guard lock(m_impl->mutex);
    return m_impl->dbShared;
}

} // namespace scnn::hardware
