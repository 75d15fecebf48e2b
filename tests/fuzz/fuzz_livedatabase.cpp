// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the SQLite database a live-link database notification points to.
// An input that starts with the SQLite file header is the database file itself;
// any other input is SQL that builds the database (tables, views, rows), so the
// fuzzer reaches the key-map reader's checks instead of SQLite's page checks.
// A database that loads must be consistent: every key leads to a neuron inside
// its population and back.
#include "fuzzsupport.h"
#include "hardware/spinnaker/livedatabase.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace {

std::filesystem::path scratch()
{
    static const std::filesystem::path dir = scnn::fuzz::scratchDir("livedatabase");
    return dir;
}

/// Only statements that build a database in this one file; no ATTACH, PRAGMA or VACUUM INTO.
int allowBuilding(void*, int action, const char*, const char*, const char*, const char*)
{
    switch (action) {
    case SQLITE_CREATE_TABLE: case SQLITE_CREATE_VIEW: case SQLITE_CREATE_INDEX:
    case SQLITE_INSERT: case SQLITE_UPDATE: case SQLITE_DELETE: case SQLITE_SELECT: case SQLITE_READ:
    case SQLITE_FUNCTION: case SQLITE_RECURSIVE: case SQLITE_DROP_TABLE: case SQLITE_DROP_VIEW:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

int stopAfterBudget(void* steps)
{
    return ++*static_cast<int*>(steps) > 1000 ? 1 : 0; // about 10⁶ virtual-machine steps
}

/// Builds the database from `sql`; false when the SQL is not used.
bool buildDatabase(const std::string& path, std::string sql)
{
    std::string lower(sql);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower.find("vacuum") != std::string::npos)
        return false;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
    sqlite3_set_authorizer(db, allowBuilding, nullptr);
    int steps = 0;
    sqlite3_progress_handler(db, 1000, stopAfterBudget, &steps);
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); // a partly built database is fine too
    sqlite3_close(db);
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    const std::string path = (scratch() / "db.sqlite3").string();
    std::filesystem::remove(path);
    static const char header[] = "SQLite format 3";
    const bool isFile = size >= sizeof(header) && std::memcmp(data, header, sizeof(header)) == 0;
    if (isFile) {
        fuzz::writeFile(path, data, size);
    } else if (!buildDatabase(path, std::string(reinterpret_cast<const char*>(data), size))) {
        return 0;
    }
    fuzz::expectCleanRejection([&] {
        const hardware::LiveDatabase db = hardware::LiveDatabase::load(path, std::chrono::seconds(2));
        const auto& pops = db.populations();
        std::size_t keys = 0;
        int checks = 0; // bounded, so a large map stays fast
        for (int p = 0; p < int(pops.size()) && checks < 100000; ++p) {
            if (pops[std::size_t(p)].size < 0 || (p < 256 && db.populationIndex(pops[std::size_t(p)].label) != p))
                std::abort();
            for (int a = 0; a < pops[std::size_t(p)].size && checks < 100000; ++a, ++checks) {
                if (const auto key = db.keyOf(p, a)) {
                    const hardware::KeyTarget* t = db.find(*key);
                    if (!t || t->population != p || t->atom != a)
                        std::abort(); // a key must lead back to its neuron
                    ++keys;
                }
            }
        }
        if (keys > db.keyCount())
            std::abort();
    });
    return 0;
}
