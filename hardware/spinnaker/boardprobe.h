// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — asks a SpiNNaker board who it is (SCP CMD_VER), without changing it.
#pragma once

#include "hardware/spinnaker/scp.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scnn::hardware {

struct ProbeOptions
{
    std::string host;                       ///< Board IP address or host name
    std::uint16_t port = kScampPort;        ///< 17893; the boot port 54321 is refused
    std::chrono::milliseconds timeout{3000}; ///< Whole probe, all requests included
    int attempts = 3;                       ///< CMD_VER requests spread evenly over `timeout`
    std::chrono::milliseconds bootPoll{100}; ///< Wait before asking again while SCAMP boots
    const std::atomic<bool>* cancel = nullptr; ///< Checked every 50 ms
};

enum class ProbeStatus {
    Answered,     ///< A valid CMD_VER reply (see notes for compatibility)
    Timeout,      ///< Nothing came back in time
    Unreachable,  ///< ICMP: nothing listens on that port, or no route
    Malformed,    ///< Something answered, but not a valid CMD_VER reply
    ErrorCode,    ///< SCAMP answered with a return code other than RC_OK
    Booting,      ///< SCAMP answered but has not finished booting
    BadAddress,   ///< The host could not be resolved, or the port is the boot port
    Cancelled,
};

/// "answered", "timeout", … (for JSON and logs).
const char* probeStatusName(ProbeStatus status);

struct ProbeResult
{
    ProbeStatus status = ProbeStatus::Timeout;
    std::string message;                ///< One line: what answered, or exactly why nothing did
    std::optional<VersionInfo> version; ///< Answered (and Booting: the partial reply)
    std::string responder;              ///< "address:port" the request went to
    int requests = 0;                   ///< CMD_VER requests sent
    std::uint16_t returnCode = 0;       ///< ErrorCode: the code
    std::vector<std::string> notes;     ///< Compatibility remarks (SCAMP major vs sPyNNaker)
    std::chrono::milliseconds elapsed{0};

    bool ok() const { return status == ProbeStatus::Answered; }
};

/**
 * @brief Identifies a board with the safe procedure of spinnaker.md §2.4.
 *
 * Sends CMD_VER (dest chip (255,255), core 0, tag 0xFF) from an ephemeral
 * port to host:17893 and waits; resends with a new sequence number until
 * `attempts` requests went out or `timeout` has passed; matches replies by
 * sequence number; polls again after `bootPoll` while the reply says SCAMP
 * is still booting, and retries the return codes SpiNNMan retries. It never
 * boots, never writes, and never sends to the boot port. Blocking: call it
 * off the GUI thread (e.g. with QtConcurrent::run).
 *
 * @code
 * ProbeResult r = probeBoard({.host = "192.168.240.253"});
 * if (r.ok()) show(r.version->name, r.version->version, r.version->x, r.version->y);
 * else showError(r.message);
 * @endcode
 */
ProbeResult probeBoard(const ProbeOptions& options);

} // namespace scnn::hardware
