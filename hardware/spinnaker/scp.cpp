// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — SDP framing and SCP requests/replies (CMD_VER) over UDP.
#include "hardware/spinnaker/scp.h"

#include "hardware/spinnaker/wire.h"
#include "model/error.h"

#include <cstdio>
#include <ctime>

namespace scnn::hardware {

namespace {

constexpr std::size_t kPadBytes = 2;
constexpr std::size_t kSdpHeaderBytes = 8;
constexpr std::size_t kScpDataMax = 256;

void setWhy(std::string* why, std::string text)
{
    if (why)
        *why = std::move(text);
}

} // namespace

std::string scpResultText(std::uint16_t code)
{
    static const char* const names[] = {
        "RC_OK, ok",
        "RC_LEN, bad packet length",
        "RC_SUM, bad checksum",
        "RC_CMD, bad or invalid command",
        "RC_ARG, invalid arguments",
        "RC_PORT, bad port",
        "RC_TIMEOUT, timeout on the board",
        "RC_ROUTE, no P2P route",
        "RC_CPU, bad CPU number",
        "RC_DEAD, destination dead",
        "RC_BUF, no free shared buffers",
        "RC_P2P_NOREPLY, no reply to a P2P open",
        "RC_P2P_REJECT, P2P open rejected",
        "RC_P2P_BUSY, P2P destination busy",
        "RC_P2P_TIMEOUT, P2P transfer timed out",
        "RC_PKT_TX, packet transmission failed",
    };
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", code);
    if (code >= 0x80 && code <= 0x8F) {
        const std::string text = names[code - 0x80];
        const auto comma = text.find(',');
        return text.substr(0, comma) + " (" + hex + ":" + text.substr(comma + 1) + ")";
    }
    return std::string("unknown return code ") + hex;
}

bool scpResultIsRetryable(std::uint16_t code)
{
    switch (static_cast<ScpResult>(code)) {
    case ScpResult::Timeout:
    case ScpResult::P2pTimeout:
    case ScpResult::Len:
    case ScpResult::P2pNoReply:
    case ScpResult::P2pBusy: return true;
    default: return false;
    }
}

std::vector<std::uint8_t> encodeScpRequest(const ScpRequest& request)
{
    if (request.data.size() > kScpDataMax)
        throw model::Error("SCP request: " + std::to_string(request.data.size())
                           + " data bytes exceed the 256-byte SCP buffer");
    std::vector<std::uint8_t> out;
    out.reserve(kPadBytes + kSdpHeaderBytes + 16 + request.data.size());
    out.push_back(0);
    out.push_back(0);
    const SdpHeader& s = request.sdp;
    out.insert(out.end(), {s.flags, s.tag, s.destPortCpu, s.srcePortCpu, s.destY, s.destX, s.srceY, s.srceX});
    wire::putU16(out, request.command);
    wire::putU16(out, request.seq);
    wire::putU32(out, request.arg1);
    wire::putU32(out, request.arg2);
    wire::putU32(out, request.arg3);
    out.insert(out.end(), request.data.begin(), request.data.end());
    return out;
}

std::vector<std::uint8_t> encodeVersionRequest(std::uint16_t seq, std::uint8_t x, std::uint8_t y,
                                               std::uint8_t cpu)
{
    ScpRequest r;
    r.sdp.flags = kSdpReplyExpected;
    r.sdp.tag = kSdpTagNone;
    r.sdp.destPortCpu = static_cast<std::uint8_t>(cpu & 0x1F); // port 0: kernel command
    r.sdp.srcePortCpu = 0xFF;
    r.sdp.destX = x;
    r.sdp.destY = y;
    r.sdp.srceX = 0;
    r.sdp.srceY = 0;
    r.command = static_cast<std::uint16_t>(ScpCommand::Ver);
    r.seq = seq;
    return encodeScpRequest(r);
}

std::optional<ScpReply> decodeScpReply(std::span<const std::uint8_t> bytes, std::string* why)
{
    const std::size_t minimum = kPadBytes + kSdpHeaderBytes + 4;
    if (bytes.size() < minimum) {
        setWhy(why, std::to_string(bytes.size()) + " bytes, shorter than the " + std::to_string(minimum)
                        + " of pad + SDP header + cmd_rc + seq");
        return std::nullopt;
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
        setWhy(why, "the 2 pad bytes before the SDP header are not zero");
        return std::nullopt;
    }
    ScpReply r;
    const std::uint8_t* p = bytes.data() + kPadBytes;
    r.sdp = SdpHeader{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]};
    p += kSdpHeaderBytes;
    r.result = wire::u16(p);
    r.seq = wire::u16(p + 2);
    r.body.assign(bytes.begin() + static_cast<std::ptrdiff_t>(minimum), bytes.end());
    return r;
}

std::optional<VersionInfo> parseVersionReply(std::span<const std::uint8_t> body, std::string* why)
{
    if (body.size() < 12) {
        setWhy(why, "CMD_VER reply has " + std::to_string(body.size())
                        + " bytes after cmd_rc/seq, fewer than the 12 of arg1..arg3");
        return std::nullopt;
    }
    VersionInfo v;
    const std::uint32_t arg1 = wire::u32(body.data());
    const std::uint32_t arg2 = wire::u32(body.data() + 4);
    v.buildDate = wire::u32(body.data() + 8);
    v.virtualCpu = static_cast<int>(arg1 & 0xFF);
    v.physicalCpu = static_cast<int>((arg1 >> 8) & 0xFF);
    const std::uint16_t p2p = static_cast<std::uint16_t>(arg1 >> 16);
    v.booting = p2p == 0xFFFF;
    v.x = p2p >> 8;
    v.y = p2p & 0xFF;
    v.bufferSize = static_cast<int>(arg2 & 0xFFFF);
    const std::uint16_t versionField = static_cast<std::uint16_t>(arg2 >> 16);

    // Data: NUL-terminated strings; SpiNNMan drops the final byte and splits on NUL.
    std::vector<std::string> parts;
    std::string current;
    bool terminated = false;
    for (std::size_t i = 12; i < body.size(); ++i) {
        if (body[i] == 0) {
            parts.push_back(current);
            current.clear();
            terminated = true;
        } else {
            current.push_back(static_cast<char>(body[i]));
            terminated = false;
        }
    }
    if (!terminated || parts.empty() || parts[0].empty()) {
        setWhy(why, body.size() == 12 ? "CMD_VER reply carries no ID string"
                                      : "CMD_VER reply ID string is empty or not NUL-terminated");
        return std::nullopt;
    }
    const std::string& id = parts[0];
    const auto slash = id.find('/');
    v.name = id.substr(0, slash);
    v.hardware = slash == std::string::npos ? std::string() : id.substr(slash + 1);
    if (v.name.empty()) {
        setWhy(why, "CMD_VER reply ID string '" + id + "' has no name before '/'");
        return std::nullopt;
    }
    if (versionField != 0xFFFF) {
        v.major = versionField / 100;
        v.minor = versionField % 100;
        v.version = std::to_string(v.major) + "." + std::to_string(v.minor);
    } else {
        if (parts.size() < 2 || parts[1].empty()) {
            setWhy(why, "CMD_VER reply says the version follows the ID string (0xFFFF) but no version "
                        "string follows '" + id + "'");
            return std::nullopt;
        }
        v.version = parts[1];
        int fields[3] = {0, 0, 0};
        int n = 0;
        std::size_t pos = 0;
        while (n < 3 && pos <= v.version.size()) {
            const auto dot = v.version.find('.', pos);
            const std::string piece = v.version.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
            if (piece.empty() || piece.size() > 5 || piece.find_first_not_of("0123456789") != std::string::npos) {
                setWhy(why, "CMD_VER version string '" + v.version + "' is not major.minor.patch");
                return std::nullopt;
            }
            fields[n++] = std::stoi(piece);
            if (dot == std::string::npos)
                break;
            pos = dot + 1;
        }
        if (n != 3) {
            setWhy(why, "CMD_VER version string '" + v.version + "' is not major.minor.patch");
            return std::nullopt;
        }
        v.major = fields[0];
        v.minor = fields[1];
        v.patch = fields[2];
    }
    return v;
}

std::string VersionInfo::buildDateText() const
{
    if (buildDate == 0)
        return "unset";
    const std::time_t t = static_cast<std::time_t>(buildDate);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

} // namespace scnn::hardware
