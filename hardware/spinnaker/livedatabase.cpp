// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the key → (population, neuron) map from sPyNNaker's SQLite database.
#include "hardware/spinnaker/livedatabase.h"

#include "model/error.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>

namespace scnn::hardware {

namespace {

struct DbCloser
{
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer
{
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

/// Largest neuron index accepted (keeps a hostile file from sizing huge tables).
constexpr sqlite3_int64 kMaxAtom = (1 << 24) - 1;

Statement prepare(sqlite3* db, const std::string& sql, const std::string& path)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        throw model::Error(std::string("cannot query the database: ") + sqlite3_errmsg(db) + " (in: " + sql + ")",
                           "database " + path);
    return Statement(stmt);
}

bool hasObject(sqlite3* db, const char* name, const std::string& path)
{
    Statement s = prepare(db, "SELECT 1 FROM sqlite_master WHERE name = ?", path);
    sqlite3_bind_text(s.get(), 1, name, -1, SQLITE_STATIC);
    return sqlite3_step(s.get()) == SQLITE_ROW;
}

/// Longest value SQLite itself handles while reading (intermediate results of a view) [bytes].
constexpr int kSqliteMaxLength = 1 << 20;

std::string columnText(sqlite3_stmt* s, int column, const std::string& where)
{
    const unsigned char* text = sqlite3_column_text(s, column);
    const std::size_t bytes = static_cast<std::size_t>(sqlite3_column_bytes(s, column));
    if (bytes > LiveDatabase::kMaxTextBytes)
        throw model::Error("column '" + std::string(sqlite3_column_name(s, column)) + "' holds a text of "
                               + std::to_string(bytes) + " bytes, more than the "
                               + std::to_string(LiveDatabase::kMaxTextBytes) + " a label or address may have",
                           where);
    return text ? std::string(reinterpret_cast<const char*>(text), bytes) : std::string();
}

std::uint64_t atomIndex(std::int32_t population, std::int32_t atom)
{
    return (std::uint64_t(std::uint32_t(population)) << 32) | std::uint32_t(atom);
}

/// Stops a statement (SQLITE_INTERRUPT) once the deadline has passed.
int pastDeadline(void* deadline)
{
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline) ? 1 : 0;
}

std::string hexKey(std::uint32_t key)
{
    std::ostringstream out;
    out << "0x" << std::hex << key;
    return out.str();
}

} // namespace

LiveDatabase LiveDatabase::load(const std::string& path, std::chrono::milliseconds timeLimit)
{
    const std::string where = "database " + path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw model::Error("no such file (the path announced by the toolchain must be readable here)", where);

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    DbHandle db(raw);
    if (rc != SQLITE_OK)
        throw model::Error(std::string("cannot open as SQLite: ") + (raw ? sqlite3_errmsg(raw) : "out of memory"),
                           where);
    sqlite3_busy_timeout(db.get(), 2000);
    sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, kSqliteMaxLength);
    sqlite3_limit(db.get(), SQLITE_LIMIT_ATTACHED, 0);
    auto deadline = std::chrono::steady_clock::now() + timeLimit;
    sqlite3_progress_handler(db.get(), 10000, pastDeadline, &deadline);
    // Every failed step below names the reason; an interrupt means the time was up.
    const auto failure = [&](const std::string& what) {
        if (sqlite3_errcode(db.get()) == SQLITE_INTERRUPT)
            return model::Error(what + ": reading took longer than "
                                    + std::to_string(timeLimit.count()) + " ms (an endless view?)",
                                where);
        return model::Error(what + ": " + sqlite3_errmsg(db.get()), where);
    };

    LiveDatabase out;
    out.m_path = path;

    std::string sql;
    if (hasObject(db.get(), "label_event_atom_view", path)) {
        out.m_source = "label_event_atom_view";
        sql = "SELECT label, event, atom FROM label_event_atom_view";
    } else if (hasObject(db.get(), "event_to_atom_mapping", path)
               && hasObject(db.get(), "Application_vertices", path)) {
        if (hasObject(db.get(), "m_vertex_to_lpg_vertex", path)) {
            out.m_source = "7.x tables";
            sql = "SELECT a.vertex_label, e.event_id, e.atom_id FROM event_to_atom_mapping e "
                  "JOIN Machine_vertices m ON e.vertex_id = m.vertex_id "
                  "JOIN graph_mapper_vertex g ON g.machine_vertex_id = m.vertex_id "
                  "JOIN Application_vertices a ON a.vertex_id = g.application_vertex_id";
        } else {
            out.m_source = "6.x tables";
            sql = "SELECT a.vertex_label, e.event_id, e.atom_id FROM event_to_atom_mapping e "
                  "JOIN Application_vertices a ON a.vertex_id = e.vertex_id";
        }
    } else {
        throw model::Error("no key map: neither the view label_event_atom_view nor the tables "
                           "event_to_atom_mapping and Application_vertices exist",
                           where);
    }

    Statement rows = prepare(db.get(), sql, path);
    std::unordered_map<std::string, int> index;
    int step = 0;
    std::size_t row = 0;
    while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
        if (++row > kMaxRows)
            throw model::Error("the key map has more than " + std::to_string(kMaxRows) + " rows", where);
        const std::string label = columnText(rows.get(), 0, where);
        const sqlite3_int64 event = sqlite3_column_int64(rows.get(), 1);
        const sqlite3_int64 atom = sqlite3_column_int64(rows.get(), 2);
        if (event < 0 || event > 0xFFFFFFFFLL)
            throw model::Error("row " + std::to_string(row) + " of " + out.m_source + ": key "
                                   + std::to_string(event) + " of population '" + label
                                   + "' is not a 32-bit multicast key",
                               where);
        if (atom < 0 || atom > kMaxAtom)
            throw model::Error("row " + std::to_string(row) + " of " + out.m_source + ": atom "
                                   + std::to_string(atom) + " of population '" + label
                                   + "' is outside 0 … " + std::to_string(kMaxAtom),
                               where);
        auto [it, added] = index.try_emplace(label, static_cast<int>(out.m_populations.size()));
        if (added) {
            if (out.m_populations.size() == kMaxPopulations)
                throw model::Error("the key map names more than " + std::to_string(kMaxPopulations) + " populations",
                                   where);
            out.m_populations.push_back({label, 0, false});
        }
        const int pop = it->second;
        const KeyTarget target{pop, static_cast<std::int32_t>(atom)};
        const auto [k, fresh] = out.m_keys.try_emplace(static_cast<std::uint32_t>(event), target);
        if (!fresh && (k->second.population != pop || k->second.atom != target.atom))
            throw model::Error("key " + hexKey(static_cast<std::uint32_t>(event)) + " maps to two neurons: '"
                                   + out.m_populations[k->second.population].label + "' atom "
                                   + std::to_string(k->second.atom) + " and '" + label + "' atom "
                                   + std::to_string(atom),
                               where);
        LivePopulation& p = out.m_populations[pop];
        p.size = std::max(p.size, static_cast<int>(atom) + 1);
    }
    if (step != SQLITE_DONE)
        throw failure("reading the key map failed");

    out.m_keysByAtom.reserve(out.m_keys.size());
    for (const auto& [key, target] : out.m_keys)
        out.m_keysByAtom.emplace(atomIndex(target.population, target.atom), key);

    if (hasObject(db.get(), "configuration_parameters", path)) {
        Statement s = prepare(db.get(), "SELECT parameter_id, value FROM configuration_parameters", path);
        while ((step = sqlite3_step(s.get())) == SQLITE_ROW) {
            const std::string id = columnText(s.get(), 0, where);
            const double value = sqlite3_column_double(s.get(), 1);
            if (id == "machine_time_step" && value > 0)
                out.m_timestepMs = value / 1000.0;
            else if (id == "time_scale_factor" && value > 0)
                out.m_timeScaleFactor = value;
            else if (id == "runtime" && value >= 0)
                out.m_runtimeMs = value;
        }
        if (step != SQLITE_DONE)
            throw failure("reading configuration_parameters failed");
    }

    if (hasObject(db.get(), "app_output_tag_view", path)) {
        Statement s = prepare(db.get(),
                              "SELECT pre_vertex_label, board_address, ip_address, port, tag, strip_sdp "
                              "FROM app_output_tag_view",
                              path);
        while ((step = sqlite3_step(s.get())) == SQLITE_ROW) {
            if (out.m_outputTags.size() == kMaxTags)
                throw model::Error("app_output_tag_view has more than " + std::to_string(kMaxTags) + " rows", where);
            LiveOutputTag t;
            t.label = columnText(s.get(), 0, where);
            t.boardAddress = columnText(s.get(), 1, where);
            t.ipAddress = columnText(s.get(), 2, where);
            t.port = sqlite3_column_int(s.get(), 3);
            t.tag = sqlite3_column_int(s.get(), 4);
            t.stripSdp = sqlite3_column_int(s.get(), 5) != 0;
            if (const auto pop = index.find(t.label); pop != index.end())
                out.m_populations[static_cast<std::size_t>(pop->second)].liveOutput = true;
            out.m_outputTags.push_back(std::move(t));
        }
        if (step != SQLITE_DONE)
            throw failure("reading app_output_tag_view failed");
    }
    return out;
}

std::optional<int> LiveDatabase::populationIndex(std::string_view label) const
{
    for (std::size_t i = 0; i < m_populations.size(); ++i)
        if (m_populations[i].label == label)
            return static_cast<int>(i);
    return std::nullopt;
}

std::optional<std::uint32_t> LiveDatabase::keyOf(int population, int atom) const
{
    if (population < 0 || atom < 0)
        return std::nullopt;
    const auto it = m_keysByAtom.find(atomIndex(population, atom));
    if (it == m_keysByAtom.end())
        return std::nullopt;
    return it->second;
}

} // namespace scnn::hardware
