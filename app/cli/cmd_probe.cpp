// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn probe`: asks a SpiNNaker board who it is, without changing it.
#include "app/cli/commands.h"

#include "hardware/spinnaker/boardprobe.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <ostream>

namespace scnn::cli {

namespace {

/// Splits HOST[:PORT] (IPv6 as [ADDR]:PORT); the port defaults to 17893.
std::pair<std::string, std::uint16_t> splitHostPort(const std::string& text)
{
    std::string host = text;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos)
            throw UsageError("board address '" + text + "' opens '[' but never closes it");
        host = text.substr(1, close - 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != ':')
                throw UsageError("board address '" + text + "': expected ':PORT' after ']'");
            port = text.substr(close + 2);
        }
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        const auto colon = text.find(':');
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (port.empty())
            throw UsageError("board address '" + text + "' has an empty port");
    }
    if (host.empty())
        throw UsageError("board address '" + text + "' has no host");
    std::uint16_t value = hardware::kScampPort;
    if (!port.empty()) {
        unsigned parsed = 0;
        const auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), parsed);
        if (ec != std::errc() || p != port.data() + port.size() || parsed == 0 || parsed > 65535)
            throw UsageError("board port '" + port + "' is not a UDP port (1 … 65535)");
        value = static_cast<std::uint16_t>(parsed);
    }
    return {host, value};
}

} // namespace

int cmdProbe(Args& args, Io& io)
{
    const std::string target = args.positional("board HOST[:PORT]");
    const auto timeout = args.integer("timeout-ms", 1, 600000);
    const auto attempts = args.integer("attempts", 1, 100);
    const bool json = args.flag("json");
    args.finish();

    hardware::ProbeOptions options;
    std::tie(options.host, options.port) = splitHostPort(target);
    if (timeout)
        options.timeout = std::chrono::milliseconds(*timeout);
    if (attempts)
        options.attempts = static_cast<int>(*attempts);

    const hardware::ProbeResult r = hardware::probeBoard(options);
    if (json) {
        nlohmann::json j;
        if (r.ok()) {
            const hardware::VersionInfo& v = *r.version;
            j = {{"name", v.name},
                 {"version", v.version},
                 {"x", v.x},
                 {"y", v.y},
                 {"core", v.virtualCpu},
                 {"physical_core", v.physicalCpu},
                 {"hardware", v.hardware},
                 {"build_date", v.buildDate},
                 {"address", r.responder},
                 {"notes", r.notes}};
        } else {
            j = {{"status", hardware::probeStatusName(r.status)}, {"error", r.message}, {"requests", r.requests}};
        }
        io.out << j.dump(2) << "\n";
    } else if (r.ok()) {
        io.out << r.message << "\n";
        for (const std::string& note : r.notes)
            io.out << "  note: " << note << "\n";
    }
    if (!r.ok()) {
        io.err << "scnn probe: " << r.message << "\n";
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace scnn::cli
