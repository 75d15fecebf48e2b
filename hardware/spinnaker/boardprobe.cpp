// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — asks a SpiNNaker board who it is (SCP CMD_VER), without changing it.
#include "hardware/spinnaker/boardprobe.h"

#include "hardware/spinnaker/udpsupport.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace scnn::hardware {

namespace asio = boost::asio;
using asio::ip::udp;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

constexpr milliseconds kCancelSlice{50};

struct Received
{
    boost::system::error_code error;
    std::size_t bytes = 0;
    bool timedOut = true;
};

/// Waits up to `wait` for one datagram on the connected socket.
Received receiveFor(asio::io_context& io, udp::socket& socket, std::span<std::uint8_t> buffer,
                    Clock::time_point until, const std::atomic<bool>* cancel, bool& cancelled)
{
    Received r;
    bool done = false;
    socket.async_receive(asio::buffer(buffer.data(), buffer.size()),
                         [&](const boost::system::error_code& ec, std::size_t bytes) {
                             done = true;
                             if (ec == asio::error::operation_aborted)
                                 return;
                             r.error = ec;
                             r.bytes = bytes;
                             r.timedOut = false;
                         });
    io.restart();
    while (!done) {
        if (cancel && cancel->load()) {
            cancelled = true;
            break;
        }
        const auto now = Clock::now();
        if (now >= until)
            break;
        io.run_for(std::min<Clock::duration>(until - now, kCancelSlice));
    }
    if (!done) {
        boost::system::error_code ignored;
        socket.cancel(ignored);
        io.restart();
        io.run(); // completes the handler with operation_aborted
    }
    return r;
}

std::string versionNote(const VersionInfo& v)
{
    if (v.name != "SC&MP")
        return "answered by " + v.name + ", not SC&MP (BC&MP is a board management processor, not the board's "
               "monitor); sPyNNaker talks to SC&MP";
    if (v.major == 3)
        return "SCAMP 3.x: accepted by sPyNNaker 6.0 … 7.1 (3.0.1 or later), refused by 7.2 … 7.4";
    if (v.major == 4)
        return "SCAMP 4.x: accepted by sPyNNaker 7.2 … 7.4, refused by 6.0 … 7.1";
    return "SCAMP " + v.version + ": no known sPyNNaker release accepts this major version";
}

std::string describe(const VersionInfo& v, const std::string& from)
{
    return v.name + " " + v.version + (v.hardware.empty() ? "" : " on " + v.hardware) + " answered from " + from
           + ": chip (" + std::to_string(v.x) + "," + std::to_string(v.y) + "), core "
           + std::to_string(v.virtualCpu) + " (physical " + std::to_string(v.physicalCpu) + "), built "
           + v.buildDateText();
}

} // namespace

const char* probeStatusName(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Answered: return "answered";
    case ProbeStatus::Timeout: return "timeout";
    case ProbeStatus::Unreachable: return "unreachable";
    case ProbeStatus::Malformed: return "malformed";
    case ProbeStatus::ErrorCode: return "error-code";
    case ProbeStatus::Booting: return "booting";
    case ProbeStatus::BadAddress: return "bad-address";
    case ProbeStatus::Cancelled: return "cancelled";
    }
    return "unknown";
}

ProbeResult probeBoard(const ProbeOptions& options)
{
    const auto started = Clock::now();
    ProbeResult result;
    auto finish = [&](ProbeStatus status, std::string message) {
        result.status = status;
        result.message = std::move(message);
        result.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
        return result;
    };
    const std::string target = options.host + ":" + std::to_string(options.port);
    if (options.port == kBootPort)
        return finish(ProbeStatus::BadAddress, "refusing to send to " + target
                                                   + ": 54321 is the boot port and a packet there (re)boots the board");
    if (options.host.empty())
        return finish(ProbeStatus::BadAddress, "no board host given");

    asio::io_context io;
    udp::endpoint endpoint;
    {
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(options.host, ec);
        if (!ec) {
            endpoint = udp::endpoint(address, options.port);
        } else {
            udp::resolver resolver(io);
            const auto found = resolver.resolve(udp::v4(), options.host, std::to_string(options.port), ec);
            if (ec || found.empty())
                return finish(ProbeStatus::BadAddress, "cannot resolve board host '" + options.host
                                                           + "': " + (ec ? ec.message() : "no IPv4 address"));
            endpoint = *found.begin();
        }
    }
    result.responder = endpointText(endpoint);

    udp::socket socket(io);
    boost::system::error_code ec;
    socket.open(endpoint.protocol(), ec);
    if (!ec)
        socket.connect(endpoint, ec); // the kernel then drops datagrams from anyone else
    if (ec)
        return finish(ProbeStatus::Unreachable, "cannot open a UDP socket towards " + result.responder + ": "
                                                    + ec.message());

    const int attempts = std::max(1, options.attempts);
    const milliseconds perAttempt = std::max(milliseconds(1), options.timeout / attempts);
    const auto deadline = started + options.timeout;
    std::uint16_t seq = static_cast<std::uint16_t>(Clock::now().time_since_epoch().count() & 0xFFFF);
    std::set<std::uint16_t> sent;
    std::array<std::uint8_t, 1024> buffer{};
    std::optional<ProbeResult> lastRetryable;
    int sentVersionRequests = 0;

    while (Clock::now() < deadline) {
        ++seq;
        const auto request = encodeVersionRequest(seq);
        socket.send(asio::buffer(request), 0, ec);
        ++result.requests;
        ++sentVersionRequests;
        sent.insert(seq);
        if (ec && ec != asio::error::connection_refused)
            return finish(ProbeStatus::Unreachable, "cannot send to " + result.responder + ": " + ec.message());
        const auto attemptEnd = std::min(deadline, Clock::now() + perAttempt);
        bool resend = false;
        while (!resend) {
            bool cancelled = false;
            const Received got = receiveFor(io, socket, buffer, attemptEnd, options.cancel, cancelled);
            if (cancelled)
                return finish(ProbeStatus::Cancelled, "probe of " + result.responder + " cancelled");
            if (got.timedOut) {
                resend = true;
                break;
            }
            if (got.error == asio::error::connection_refused)
                return finish(ProbeStatus::Unreachable,
                              result.responder + " answered ICMP port unreachable: nothing listens on UDP port "
                                  + std::to_string(options.port) + " there (a board's SCAMP listens on 17893)");
            if (got.error == asio::error::host_unreachable || got.error == asio::error::network_unreachable)
                return finish(ProbeStatus::Unreachable, "no route to " + result.responder + ": " + got.error.message());
            if (got.error)
                continue; // transient socket error; keep waiting until the attempt ends
            std::string why;
            const auto reply = decodeScpReply(std::span<const std::uint8_t>(buffer.data(), got.bytes), &why);
            if (!reply)
                return finish(ProbeStatus::Malformed,
                              "malformed reply from " + result.responder + ": " + why);
            if (!sent.count(reply->seq))
                return finish(ProbeStatus::Malformed, "malformed reply from " + result.responder + ": sequence number "
                                                          + std::to_string(reply->seq)
                                                          + " matches none of the requests sent");
            if (reply->result != static_cast<std::uint16_t>(ScpResult::Ok)) {
                result.returnCode = reply->result;
                std::string text = "board at " + result.responder + " answered CMD_VER with "
                                   + scpResultText(reply->result);
                if (scpResultIsRetryable(reply->result) && sentVersionRequests < attempts) {
                    lastRetryable = finish(ProbeStatus::ErrorCode, text + " (after retrying)");
                    resend = true;
                    break;
                }
                return finish(ProbeStatus::ErrorCode, text);
            }
            auto version = parseVersionReply(reply->body, &why);
            if (!version)
                return finish(ProbeStatus::Malformed, "malformed reply from " + result.responder + ": " + why);
            result.version = version;
            if (version->booting) {
                const auto wake = Clock::now() + options.bootPoll;
                if (wake >= deadline)
                    return finish(ProbeStatus::Booting, version->name + " " + version->version + " at "
                                                            + result.responder
                                                            + " is still booting (its chip address is not yet "
                                                              "assigned); try again in a few seconds");
                // Ask again once SCAMP had a moment; a late reply to an old
                // request is still matched by its sequence number.
                bool cancelled = false;
                while (Clock::now() < wake && !cancelled) {
                    const Received late = receiveFor(io, socket, buffer, wake, options.cancel, cancelled);
                    if (late.timedOut)
                        break;
                }
                if (cancelled)
                    return finish(ProbeStatus::Cancelled, "probe of " + result.responder + " cancelled");
                sentVersionRequests = 0; // booting polls do not use up the retries
                resend = true;
                break;
            }
            result.notes.push_back(versionNote(*version));
            return finish(ProbeStatus::Answered, describe(*version, result.responder));
        }
        if (sentVersionRequests >= attempts && !(result.version && result.version->booting))
            break;
    }
    if (result.version && result.version->booting)
        return finish(ProbeStatus::Booting, result.version->name + " " + result.version->version + " at "
                                                + result.responder + " is still booting (its chip address is not yet "
                                                                     "assigned); try again in a few seconds");
    if (lastRetryable) {
        ProbeResult r = *lastRetryable;
        r.requests = result.requests;
        r.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
        return r;
    }
    return finish(ProbeStatus::Timeout,
                  "no reply from " + result.responder + " within " + std::to_string(options.timeout.count()) + " ms ("
                      + std::to_string(result.requests) + " CMD_VER requests, " + std::to_string(perAttempt.count())
                      + " ms apart): the board is off, unreachable or not booted (nothing was sent to the boot port)");
}

} // namespace scnn::hardware
