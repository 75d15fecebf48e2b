// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every datagram a live-link socket or the probe can receive goes through the decoders.
#include "hardware/spinnaker/eieio.h"
#include "hardware/spinnaker/scp.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn::hardware;
    const std::span<const std::uint8_t> bytes(data, size);

    EieioDataPacket packet;
    if (decodeEieioData(bytes, packet) == EieioError::None) {
        // A decoded packet never claims more than the datagram holds.
        if (packet.header.packetBytes() != size || packet.keys.size() != packet.header.count)
            std::abort();
        if (!packet.payloads.empty() && packet.payloads.size() != packet.keys.size())
            std::abort();
    }
    EieioCommandPacket command;
    if (decodeEieioCommand(bytes, command) == EieioError::None && command.data.size() + 2 != size)
        std::abort();

    if (const auto reply = decodeScpReply(bytes)) {
        std::string why;
        if (const auto version = parseVersionReply(reply->body, &why)) {
            if (version->name.empty())
                std::abort();
            (void)version->buildDateText();
        } else if (why.empty()) {
            std::abort(); // every rejection says why
        }
    }
    return 0;
}
