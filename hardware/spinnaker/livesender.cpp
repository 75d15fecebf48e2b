// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — injects live spikes into a running SpiNNaker network as EIEIO packets.
#include "hardware/spinnaker/livesender.h"

#include "hardware/spinnaker/eieio.h"
#include "hardware/spinnaker/udpsupport.h"
#include "model/error.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace scnn::hardware {

namespace asio = boost::asio;
using asio::ip::udp;

struct LiveSender::Impl
{
    const LiveSenderConfig& config;
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    udp::socket socket{io};
    udp::endpoint target;
    asio::steady_timer timer{io};
    std::thread thread;

    mutable std::mutex mutex;
    std::condition_variable drained;
    std::deque<std::uint32_t> queue;
    bool pumping = false;
    LiveSenderStats stats;
    int burst = 0;
    std::vector<std::uint8_t> datagram;
    std::vector<std::uint32_t> keys;

    explicit Impl(const LiveSenderConfig& c) : config(c) {}

    /// I/O thread: sends one packet, then schedules the next.
    void pump()
    {
        keys.clear();
        {
            std::lock_guard lock(mutex);
            const std::size_t n = std::min(queue.size(), config.keysPerPacket);
            keys.assign(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
            queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
            if (keys.empty()) {
                pumping = false;
                drained.notify_all();
                return;
            }
        }
        datagram.clear();
        EieioDataHeader header;
        header.type = EieioType::Key32;
        encodeEieioData(header, keys, {}, datagram);
        boost::system::error_code ec;
        socket.send_to(asio::buffer(datagram), target, 0, ec);
        {
            std::lock_guard lock(mutex);
            if (ec) {
                ++stats.errors;
            } else {
                ++stats.packets;
                stats.keys += keys.size();
            }
        }
        if (config.packetsPerBurst > 0 && ++burst >= config.packetsPerBurst) {
            burst = 0;
            timer.expires_after(config.burstPause);
            timer.async_wait([this](const boost::system::error_code& e) {
                if (e != asio::error::operation_aborted)
                    pump();
            });
        } else {
            asio::post(io, [this] { pump(); });
        }
    }
};

LiveSender::LiveSender(LiveSenderConfig config) : m_config(std::move(config)) {}

LiveSender::~LiveSender()
{
    stop(std::chrono::milliseconds(0));
}

void LiveSender::start()
{
    if (m_impl)
        throw model::Error("the live spike sender is already running");
    if (m_config.port == 0)
        throw model::Error("live spike sender: no destination port (the SpikeInjector's reverse IP tag port)");
    if (m_config.keysPerPacket == 0 || m_config.keysPerPacket > 63)
        throw model::Error("live spike sender: keys per packet = " + std::to_string(m_config.keysPerPacket)
                           + " is outside 1 … 63");
    auto impl = std::make_unique<Impl>(m_config);
    impl->target = udp::endpoint(parseAddress(m_config.host, "live spike sender host"), m_config.port);
    boost::system::error_code ec;
    impl->socket.open(impl->target.protocol(), ec);
    if (ec)
        throw model::Error("live spike sender: cannot open a UDP socket towards " + endpointText(impl->target) + ": "
                           + ec.message());
    Impl* p = impl.get();
    impl->thread = std::thread([p] { p->io.run(); });
    m_impl = std::move(impl);
}

void LiveSender::stop(std::chrono::milliseconds drainTimeout)
{
    if (!m_impl)
        return;
    flush(drainTimeout);
    m_impl->work.reset();
    m_impl->io.stop();
    if (m_impl->thread.joinable())
        m_impl->thread.join();
    m_lastStats = stats();
    m_impl.reset();
}

bool LiveSender::sendKeys(std::span<const std::uint32_t> keys)
{
    if (!m_impl)
        throw model::Error("live spike sender: send before start()");
    bool all = true;
    bool kick = false;
    {
        std::lock_guard lock(m_impl->mutex);
        const std::size_t room = m_config.maxQueuedKeys - std::min(m_config.maxQueuedKeys, m_impl->queue.size());
        const std::size_t n = std::min(room, keys.size());
        m_impl->queue.insert(m_impl->queue.end(), keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n));
        if (n < keys.size()) {
            m_impl->stats.dropped += keys.size() - n;
            all = false;
        }
        if (!m_impl->pumping && !m_impl->queue.empty()) {
            m_impl->pumping = true;
            kick = true;
        }
    }
    if (kick) {
        Impl* p = m_impl.get();
        asio::post(p->io, [p] { p->pump(); });
    }
    return all;
}

bool LiveSender::sendSpikes(const LiveDatabase& database, std::string_view label, std::span<const int> neurons)
{
    const auto pop = database.populationIndex(label);
    if (!pop)
        throw model::Error("live spike sender: population '" + std::string(label) + "' has no keys in the database",
                           database.path());
    std::vector<std::uint32_t> keys;
    keys.reserve(neurons.size());
    for (int n : neurons) {
        const auto key = database.keyOf(*pop, n);
        if (!key)
            throw model::Error("live spike sender: neuron " + std::to_string(n) + " of population '"
                                   + std::string(label) + "' has no key (population size "
                                   + std::to_string(database.populations()[static_cast<std::size_t>(*pop)].size)
                                   + ")",
                               database.path());
        keys.push_back(*key);
    }
    return sendKeys(keys);
}

bool LiveSender::flush(std::chrono::milliseconds timeout)
{
    if (!m_impl)
        return true;
    std::unique_lock lock(m_impl->mutex);
    return m_impl->drained.wait_for(lock, timeout, [&] { return m_impl->queue.empty() && !m_impl->pumping; });
}

LiveSenderStats LiveSender::stats() const
{
    if (!m_impl)
        return m_lastStats;
    std::lock_guard lock(m_impl->mutex);
    return m_impl->stats;
}

} // namespace scnn::hardware
