// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: SCP replies (and CMD_VER bodies) as they arrive from a board.
#include "hardware/spinnaker/scp.h"

#include <cstdlib>
#include <span>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn::hardware;
    const std::span<const std::uint8_t> bytes(data, size);
    std::string why;
    if (auto reply = decodeScpReply(bytes, &why)) {
        std::string whyVersion;
        if (auto version = parseVersionReply(reply->body, &whyVersion)) {
            (void)version->buildDateText();
        } else if (whyVersion.empty()) {
            std::abort(); // a refusal must say why
        }
    } else if (why.empty()) {
        std::abort();
    }
    // The body parser also meets raw bytes.
    std::string whyRaw;
    if (!parseVersionReply(bytes, &whyRaw) && whyRaw.empty())
        std::abort();
    return 0;
}
