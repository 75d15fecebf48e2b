// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the key → (population, neuron) map from sPyNNaker's SQLite database.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scnn::hardware {

/// One population (application vertex) that owns multicast keys.
struct LivePopulation
{
    std::string label;   ///< The PyNN Population label
    int size = 0;        ///< Highest atom in the map + 1 [neurons]
    bool liveOutput = false; ///< Named in app_output_tag_view (spikes are sent to a host)
};

/// A live-output IP tag (view app_output_tag_view): which board sends a population's spikes where.
struct LiveOutputTag
{
    std::string label;         ///< pre_vertex_label: the population
    std::string boardAddress;  ///< The board that sends
    std::string ipAddress;     ///< Destination as stored (often 0.0.0.0)
    int port = 0;              ///< Destination UDP port
    int tag = 0;
    bool stripSdp = true;
};

/// Where a key goes: population index into LiveDatabase::populations() and atom.
struct KeyTarget
{
    std::int32_t population = 0;
    std::int32_t atom = 0;
};

/**
 * @brief The key map and timing a live listener needs, read once from the
 * `input_output_database` sPyNNaker writes before every run (spinnaker.md §4.2–4.3).
 *
 * Reads the portable view `label_event_atom_view` (5.1 … 7.4); without it,
 * falls back to the raw tables (7.x when `m_vertex_to_lpg_vertex` exists,
 * 6.x otherwise). The file is opened read-only. Lookups are a flat hash map
 * built once, so `find()` is cheap enough for every received key. What a
 * malformed file can cost is bounded: at most kMaxRows key rows,
 * kMaxPopulations populations and kMaxTags output tags, labels and addresses
 * of at most kMaxTextBytes, and reading stops with an error after `timeLimit`
 * (a view can be an endless query); memory grows with the rows, never with
 * the atom numbers.
 *
 * @code
 * const LiveDatabase db = LiveDatabase::load(path);   // throws model::Error
 * if (const KeyTarget* t = db.find(key))
 *     raster.add(t->population, t->atom, timestep * db.timestepMs());
 * @endcode
 */
class LiveDatabase
{
public:
    LiveDatabase() = default;

    /// Most key-map rows read (4 194 304: far more neurons than a live view shows).
    static constexpr std::size_t kMaxRows = std::size_t(1) << 22;
    /// Most populations (labels) in the key map.
    static constexpr std::size_t kMaxPopulations = 65536;
    /// Most rows of app_output_tag_view.
    static constexpr std::size_t kMaxTags = 65536;
    /// Longest label or address [bytes].
    static constexpr std::size_t kMaxTextBytes = 1024;

    /// Reads `path`; throws model::Error naming the file and what is missing or
    /// wrong, also when reading takes longer than `timeLimit`.
    static LiveDatabase load(const std::string& path,
                             std::chrono::milliseconds timeLimit = std::chrono::seconds(30));

    const std::string& path() const { return m_path; }
    /// "label_event_atom_view", "7.x tables" or "6.x tables".
    const std::string& source() const { return m_source; }

    const std::vector<LivePopulation>& populations() const { return m_populations; }
    std::optional<int> populationIndex(std::string_view label) const;
    const std::vector<LiveOutputTag>& outputTags() const { return m_outputTags; }

    /// The target of a key, or nullptr for a key not in the database.
    const KeyTarget* find(std::uint32_t key) const
    {
        const auto it = m_keys.find(key);
        return it == m_keys.end() ? nullptr : &it->second;
    }
    /// The key neuron `atom` of a population sends (for injection), if any.
    std::optional<std::uint32_t> keyOf(int population, int atom) const;
    std::size_t keyCount() const { return m_keys.size(); }

    /// configuration_parameters.machine_time_step / 1000, or 1.0 when absent [ms].
    double timestepMs() const { return m_timestepMs; }
    /// configuration_parameters.time_scale_factor, or 1.0 when absent.
    double timeScaleFactor() const { return m_timeScaleFactor; }
    /// configuration_parameters.runtime when finite [ms].
    std::optional<double> runtimeMs() const { return m_runtimeMs; }

private:
    std::string m_path;
    std::string m_source;
    std::vector<LivePopulation> m_populations;
    std::vector<LiveOutputTag> m_outputTags;
    std::unordered_map<std::uint32_t, KeyTarget> m_keys;
    /// (population << 32 | atom) → key: as many entries as keys, whatever the atom numbers.
    std::unordered_map<std::uint64_t, std::uint32_t> m_keysByAtom;
    double m_timestepMs = 1.0;
    double m_timeScaleFactor = 1.0;
    std::optional<double> m_runtimeMs;
};

} // namespace scnn::hardware
