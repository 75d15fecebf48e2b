// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — `scnn listen`: takes part in sPyNNaker's database handshake and counts live spikes.
#include "app/cli/commands.h"

#include "hardware/spinnaker/livereceiver.h"
#include "model/error.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>

namespace scnn::cli {

namespace {

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

struct PopulationCount
{
    std::uint64_t spikes = 0;
    std::set<std::int32_t> neurons;
};

} // namespace

int cmdListen(Args& args, Io& io)
{
    hardware::LiveReceiverConfig config;
    config.notifyPort = static_cast<std::uint16_t>(args.integer("notify-port", 0, 65535).value_or(19999));
    config.spikePort = static_cast<std::uint16_t>(args.integer("spike-port", 0, 65535).value_or(17895));
    config.bindAddress = args.valueOr("bind", "127.0.0.1");
    if (const auto allow = args.value("allow")) {
        config.allowedSenders = splitList(*allow);
        if (config.allowedSenders.empty())
            throw UsageError("--allow needs at least one address");
    }
    config.spikeBindAddress = args.valueOr("spike-bind", "");
    config.allowDatabaseBoards = args.flag("allow-database-boards");
    config.databaseOverride = args.valueOr("database", "");
    const auto seconds = args.number("seconds", 0.001, 1e7);
    const bool json = args.flag("json");
    args.finish();

    std::mutex mutex;
    std::map<std::string, PopulationCount> counts;
    hardware::LiveReceiver rx(config);
    rx.onSpikes = [&](std::vector<hardware::LiveSpikeBlock>&& blocks) {
        std::lock_guard lock(mutex);
        for (const auto& b : blocks) {
            PopulationCount& c = counts[b.label];
            c.spikes += b.spikes.size();
            c.neurons.insert(b.spikes.ids.begin(), b.spikes.ids.end());
        }
    };
    rx.onNotice = [&](const hardware::LiveNotice& n) {
        std::lock_guard lock(mutex);
        switch (n.kind) {
        case hardware::LiveNoticeKind::DatabaseReady:
        case hardware::LiveNoticeKind::DatabaseFailed: io.err << "scnn listen: " << n.message << "\n"; break;
        case hardware::LiveNoticeKind::Started: io.err << "scnn listen: run started\n"; break;
        case hardware::LiveNoticeKind::Stopped: io.err << "scnn listen: run stopped\n"; break;
        }
    };
    try {
        rx.start();
    } catch (const model::Error& e) {
        io.err << "scnn listen: " << e.what() << "\n";
        return ExitFailure;
    }
    std::ostringstream until;
    if (seconds)
        until << " or " << *seconds << " s";
    {
        std::lock_guard lock(mutex);
        io.err << "scnn listen: on " << config.bindAddress << ", notifications on port " << rx.notifyPort()
               << ", spikes on port " << rx.spikePort() << "; until the stop notification" << until.str() << "\n";
    }
    const auto limit = seconds ? std::chrono::milliseconds(static_cast<long long>(*seconds * 1000.0))
                               : std::chrono::milliseconds(std::chrono::hours(24 * 365));
    const bool stopped = rx.waitForStop(0, limit);
    rx.stop();

    const hardware::LiveReceiverStats s = rx.stats();
    // Every live-output population of the database is listed, even with no spikes.
    if (const auto db = rx.database())
        for (const auto& p : db->populations())
            if (p.liveOutput || db->outputTags().empty())
                counts.try_emplace(p.label);

    if (json) {
        nlohmann::json pops = nlohmann::json::object();
        for (const auto& [label, c] : counts)
            pops[label] = {{"spikes", c.spikes}, {"neurons_seen", c.neurons.size()}};
        nlohmann::json j = {{"populations", pops},
                            {"malformed", s.malformed},
                            {"unknown_keys", s.unknownKeys},
                            {"rejected_senders", s.rejectedSenders},
                            {"packets", s.packets},
                            {"stopped_by", stopped ? "stop notification" : "time limit"}};
        io.out << j.dump(2) << "\n";
    } else {
        std::size_t width = 10;
        for (const auto& [label, c] : counts)
            width = std::max(width, label.size());
        io.out << std::left << std::setw(static_cast<int>(width)) << "population" << "  " << std::right
               << std::setw(12) << "spikes" << "  " << std::setw(12) << "neurons seen" << "\n";
        for (const auto& [label, c] : counts)
            io.out << std::left << std::setw(static_cast<int>(width)) << label << "  " << std::right << std::setw(12)
                   << c.spikes << "  " << std::setw(12) << c.neurons.size() << "\n";
        io.out << "packets " << s.packets << ", malformed " << s.malformed << ", unknown keys " << s.unknownKeys
               << ", rejected senders " << s.rejectedSenders << "; ended by the "
               << (stopped ? "stop notification" : "time limit") << "\n";
    }
    return ExitOk;
}

} // namespace scnn::cli
