// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiment: model, data selection, history, arrays, on disk.
#include "model/experiment.h"

#include "model/connectivity.h"
#include "model/error.h"
#include "model/fileutil.h"
#include "model/jsonfields.h"
#include "model/networkjson.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace scnn::model {

namespace {

const char* const jsonName = "experiment.json";
const char* const svmName = "svm.model";
const char* const logName = "log.txt";

bool isIsoTime(const std::string& s)
{
    static const std::regex r(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z)");
    return s.size() <= 32 && std::regex_match(s, r);
}

/// Layer index (0-based) and "initial" flag of a weights key, or nullopt.
std::optional<std::pair<int, bool>> parseWeightsKey(const std::string& key)
{
    static const std::regex r(R"(weights/layer([1-9][0-9]{0,3})(_initial)?\.npy)");
    std::smatch m;
    if (!std::regex_match(key, m, r))
        return std::nullopt;
    return std::pair{std::stoi(m[1].str()) - 1, m[2].matched};
}

void writePlain(const fs::path& p, const std::string& content)
{
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec)
        throw Error("cannot create the folder: " + ec.message(), p.parent_path().string());
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error(std::string("cannot create: ") + std::strerror(errno), p.string());
    const char* d = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, d, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            throw Error("write error: " + why, p.string());
        }
        d += n;
        left -= std::size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        throw Error(std::string("cannot flush to disk: ") + std::strerror(errno), p.string());
}

void syncDir(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Files of an existing experiment folder we manage (and so do not carry over).
std::set<std::string> managedFiles(const fs::path& dir)
{
    std::set<std::string> out{jsonName, svmName, logName};
    try {
        const json j = json::parse(readTextFile((dir / jsonName).string(), std::size_t(1) << 28));
        if (j.is_object() && j.contains("arrays") && j["arrays"].is_object())
            for (const auto& [k, v] : j["arrays"].items())
                out.insert(k);
    } catch (const std::exception&) {
        // A broken old manifest: carry over everything but the fixed names.
    }
    return out;
}

/// Hard-links (or copies) the files of `from` that are neither managed nor written anew.
void carryOver(const fs::path& from, const fs::path& to, const std::set<std::string>& skip)
{
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file())
            continue;
        const std::string rel = fs::relative(it->path(), from).generic_string();
        if (skip.count(rel))
            continue;
        const fs::path dest = to / rel;
        fs::create_directories(dest.parent_path());
        std::error_code linkEc;
        fs::create_hard_link(it->path(), dest, linkEc);
        if (linkEc)
            fs::copy_file(it->path(), dest, fs::copy_options::overwrite_existing);
    }
    if (ec)
        throw Error("cannot list the folder: " + ec.message(), from.string());
}

/// ".NAME.tmp-": the start of every temporary sibling a save of `dir` creates.
std::string tempPrefix(const fs::path& dir)
{
    return "." + dir.filename().string() + ".tmp-";
}

/// The process id in ".NAME.tmp-<pid>-XXXXXX[.old]", or 0 when the name has none.
long tempOwner(const std::string& name, const std::string& prefix)
{
    long pid = 0;
    std::size_t i = prefix.size();
    for (; i < name.size() && name[i] >= '0' && name[i] <= '9' && pid < (1L << 40); ++i)
        pid = pid * 10 + (name[i] - '0');
    return i < name.size() && name[i] == '-' ? pid : 0;
}

/// True while process `pid` exists (a save of it may still be going on).
bool processAlive(long pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

/**
 * Repairs what a save that was killed left beside `dir`. A two-rename save
 * stopped between its renames leaves no `dir` but the complete old folder as
 * ".NAME.tmp-<pid>-XXXXXX.old": it is moved back. With `removeStale`, the
 * temporary folders of saves whose process is gone are removed. Best effort:
 * a folder it cannot change is left alone (and loading ignores it).
 */
void recoverInterruptedSave(const fs::path& dir, bool removeStale)
{
    std::error_code ec;
    const fs::path parent = dir.parent_path();
    if (!fs::is_directory(parent, ec))
        return;
    const std::string prefix = tempPrefix(dir);
    std::vector<fs::path> stale;
    for (auto it = fs::directory_iterator(parent, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0 || processAlive(tempOwner(name, prefix)))
            continue;
        const bool old = name.size() > 4 && name.compare(name.size() - 4, 4, ".old") == 0;
        if (old && !fs::exists(dir, ec) && isExperimentFolder(it->path().string())
            && std::rename(it->path().c_str(), dir.c_str()) == 0)
            continue;
        stale.push_back(it->path());
    }
    if (removeStale)
        for (const fs::path& p : stale)
            fs::remove_all(p, ec);
}

fs::path normalFolder(const std::string& dirName)
{
    fs::path dir = fs::absolute(fs::path(dirName)).lexically_normal();
    if (!dir.has_filename())
        dir = dir.parent_path();
    return dir;
}

std::vector<PhaseRecord> historyFromJson(const JsonField& j)
{
    std::vector<PhaseRecord> out;
    for (std::size_t i = 0, n = j.array(); i < n; ++i) {
        const JsonField r = j[i];
        r.onlyKeys({"phase", "started", "seconds", "examples", "accuracy", "notes"});
        PhaseRecord p;
        p.phase = r["phase"].string();
        if (p.phase.empty())
            r["phase"].fail("is empty");
        p.started = r["started"].string();
        if (!isIsoTime(p.started))
            r["started"].fail("'" + p.started + "' is not an ISO 8601 UTC time like 2026-01-31T12:00:00Z");
        p.seconds = r["seconds"].number(0.0, 1e9);
        p.examples = r["examples"].integer(0, std::int64_t(1) << 40);
        if (auto a = r.optional("accuracy"))
            p.accuracy = a->number(0.0, 1.0);
        p.notes = r["notes"].string();
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

json historyJson(const std::vector<PhaseRecord>& history)
{
    json out = json::array();
    for (const PhaseRecord& r : history)
        out.push_back({{"phase", r.phase},
                       {"started", r.started},
                       {"seconds", r.seconds},
                       {"examples", r.examples},
                       {"accuracy", r.accuracy ? json(*r.accuracy) : json(nullptr)},
                       {"notes", r.notes}});
    return out;
}

void Experiment::addLog(const std::string& line)
{
    log += isoUtcNow() + " " + line + "\n";
}

std::string weightsKey(int layer, bool initial)
{
    return "weights/layer" + std::to_string(layer + 1) + (initial ? "_initial" : "") + ".npy";
}

std::vector<std::int64_t> weightsShape(const Network& net, int layer)
{
    const ConvGeometry g = ConvGeometry::ofLayer(net, layer);
    return {g.kernels, g.perChannel ? 1 : g.in.c, g.kh, g.kw};
}

const NpyArray* Experiment::weights(int layer) const
{
    auto it = arrays.find(weightsKey(layer));
    return it == arrays.end() ? nullptr : &it->second;
}

void Experiment::setWeights(int layer, const std::vector<float>& values, bool initial)
{
    auto shape = weightsShape(network, layer);
    NpyArray a;
    a.shape = shape;
    if (std::int64_t(values.size()) != a.elementCount())
        throw Error(std::to_string(values.size()) + " weights given, but " + a.shapeText() + " needs "
                        + std::to_string(a.elementCount()),
                    "layer " + std::to_string(layer + 1));
    arrays[weightsKey(layer, initial)] = NpyArray::fromFloat(std::move(shape), values);
}

void validateArrayKey(const std::string& key)
{
    static const std::regex part(R"([A-Za-z0-9_][A-Za-z0-9_.\-]*)");
    if (key.size() > 255)
        throw Error("array name '" + key.substr(0, 40) + "…' is longer than 255 characters", "arrays");
    if (key.size() < 5 || key.substr(key.size() - 4) != ".npy")
        throw Error("array name '" + key + "' must end in .npy", "arrays");
    std::size_t start = 0;
    int depth = 0;
    while (start <= key.size()) {
        const std::size_t slash = key.find('/', start);
        const std::string p = key.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!std::regex_match(p, part) || p == "." || p == "..")
            throw Error("array name '" + key
                            + "' must be a relative path of names made of letters, digits, _ . -",
                        "arrays");
        if (++depth > 8)
            throw Error("array name '" + key + "' is nested too deeply", "arrays");
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
}

std::string arrayProblem(const Network& net, const std::string& key, const NpyArray& a)
{
    if (a.elementCount() != std::int64_t(a.size()))
        return "shape " + a.shapeText() + " does not match its " + std::to_string(a.size()) + " values";
    const auto w = parseWeightsKey(key);
    if (!w)
        return {};
    const int layer = w->first;
    if (layer >= int(net.layers.size()))
        return "the model has no layer " + std::to_string(layer + 1) + " (it has "
               + std::to_string(net.layers.size()) + ")";
    if (net.layers[std::size_t(layer)].kind != LayerKind::Conv)
        return "layer " + std::to_string(layer + 1) + " is a pooling layer and has no weights";
    NpyArray expected;
    expected.shape = weightsShape(net, layer);
    if (a.shape != expected.shape)
        return "shape " + a.shapeText() + " does not fit layer " + std::to_string(layer + 1)
               + ", which needs (kernels, channels, kh, kw) = " + expected.shapeText();
    if (a.type() != NpyType::Float32 && a.type() != NpyType::Float64)
        return std::string("weights must be floating point, not ") + npyDescr(a.type());
    const std::vector<double> values = a.toDouble();
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            return "weight " + std::to_string(i) + " is " + (std::isnan(values[i]) ? "NaN" : "infinite")
                   + "; weights must be finite numbers";
    return {};
}

void validate(const Experiment& e, const std::string& where)
{
    e.network.validate();
    validate(e.dataset, where + " dataset");
    if (e.backend.empty())
        throw Error("backend name is empty", where);
    for (const auto& [key, a] : e.arrays) {
        validateArrayKey(key);
        if (auto p = arrayProblem(e.network, key, a); !p.empty())
            throw Error(p, key);
    }
    for (const PhaseRecord& r : e.history)
        if (r.phase.empty() || !isIsoTime(r.started))
            throw Error("history record '" + r.phase + "' needs a phase name and an ISO 8601 UTC start time",
                        where);
}

std::string experimentJson(const Experiment& e)
{
    json arrays = json::object();
    for (const auto& [key, a] : e.arrays)
        arrays[key] = {{"dtype", npyDescr(a.type())}, {"shape", a.shape}};
    json j = e.extra.is_object() ? e.extra : json::object();
    j["format_version"] = Experiment::formatVersion;
    j["created"] = e.created.empty() ? isoUtcNow() : e.created;
    j["model"] = toJson(e.network);
    j["dataset"] = toJson(e.dataset);
    j["seed"] = e.seed;
    j["backend"] = e.backend;
    j["history"] = historyJson(e.history);
    j["arrays"] = arrays;
    j["svm"] = e.svmModel.empty() ? json(nullptr) : json(svmName);
    j["log"] = logName;
    return j.dump(2) + "\n";
}

bool isExperimentFolder(const std::string& dir)
{
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / jsonName, ec);
}

void saveExperiment(const Experiment& e, const std::string& dirName)
{
    validate(e, dirName);
    const fs::path dir = normalFolder(dirName);
    recoverInterruptedSave(dir, true);
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (exists) {
        if (!fs::is_directory(dir, ec))
            throw Error("exists and is not a folder", dir.string());
        if (!fs::is_empty(dir, ec) && !isExperimentFolder(dir.string()))
            throw Error("is a folder with files but no experiment.json; refusing to replace it",
                        dir.string());
    }
    fs::create_directories(dir.parent_path(), ec);
    if (ec)
        throw Error("cannot create the folder: " + ec.message(), dir.parent_path().string());

    // The process id in the name tells a later save whether this folder is stale.
    std::string tmpl = (dir.parent_path() / (tempPrefix(dir) + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(tmpl.data()))
        throw Error(std::string("cannot create a temporary folder beside it: ") + std::strerror(errno),
                    dir.string());
    const fs::path tmp(tmpl);
    try {
        std::set<std::string> written{jsonName, logName};
        for (const auto& [key, a] : e.arrays) {
            writePlain(tmp / key, npyBytes(a));
            written.insert(key);
        }
        if (!e.svmModel.empty()) {
            writePlain(tmp / svmName, e.svmModel);
            written.insert(svmName);
        }
        writePlain(tmp / logName, e.log);
        writePlain(tmp / jsonName, experimentJson(e));
        if (exists) {
            std::set<std::string> skip = managedFiles(dir);
            skip.insert(written.begin(), written.end());
            carryOver(dir, tmp, skip);
        }
        syncDir(tmp);
        ::chmod(tmp.c_str(), 0755);
        if (!exists) {
            if (std::rename(tmp.c_str(), dir.c_str()) != 0)
                throw Error(std::string("cannot move the new folder into place: ") + std::strerror(errno),
                            dir.string());
        } else if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
            // No atomic exchange on this file system: two renames.
            const fs::path old = tmp.string() + ".old";
            if (std::rename(dir.c_str(), old.c_str()) != 0)
                throw Error(std::string("cannot move the old folder aside: ") + std::strerror(errno),
                            dir.string());
            if (std::rename(tmp.c_str(), dir.c_str()) != 0) {
                const std::string why = std::strerror(errno);
                std::rename(old.c_str(), dir.c_str());
                throw Error("cannot move the new folder into place: " + why, dir.string());
            }
            fs::remove_all(old, ec);
        }
        syncDir(dir.parent_path());
        fs::remove_all(tmp, ec); // after an exchange, tmp holds the old folder
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

Experiment loadExperiment(const std::string& dirName)
{
    const fs::path dir(dirName);
    std::error_code ec;
    if (!fs::exists(dir, ec))
        recoverInterruptedSave(normalFolder(dirName), false);
    if (!fs::exists(dir, ec))
        throw Error("does not exist", dirName);
    if (!fs::is_directory(dir, ec))
        throw Error("is not a folder", dirName);
    const std::string file = (dir / jsonName).string();
    if (!fs::exists(file, ec))
        throw Error("has no experiment.json; it is not an experiment folder", dirName);
    json j;
    try {
        j = json::parse(readTextFile(file, std::size_t(1) << 28));
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for numbers beyond double (1e400).
        throw Error(std::string("is not valid JSON: ") + e.what(), file);
    }
    const JsonField root(j, file);
    root.object();
    const long long version = root["format_version"].integer(0, 1 << 30);
    if (version > Experiment::formatVersion)
        root["format_version"].fail("format " + std::to_string(version)
                                    + " was written by a newer version of the workbench (this one reads "
                                    + std::to_string(Experiment::formatVersion) + ")");
    if (version < 1)
        root["format_version"].fail("format " + std::to_string(version) + " does not exist");

    Experiment e;
    e.created = root["created"].string();
    if (!isIsoTime(e.created))
        root["created"].fail("'" + e.created + "' is not an ISO 8601 UTC time");
    e.network = networkFromJson(root["model"]);
    e.dataset = datasetSelectionFromJson(root["dataset"]);
    e.seed = root["seed"].unsignedInteger();
    e.backend = root["backend"].string();
    if (e.backend.empty())
        root["backend"].fail("is empty");
    e.history = historyFromJson(root["history"]);

    const JsonField arrays = root["arrays"];
    arrays.object();
    for (const auto& [key, v] : j["arrays"].items()) {
        const JsonField entry = arrays[key];
        try {
            validateArrayKey(key);
        } catch (const Error& err) {
            entry.fail(err.message());
        }
        entry.onlyKeys({"dtype", "shape"});
        const std::string dtype = entry["dtype"].string();
        std::vector<std::int64_t> shape;
        for (std::size_t i = 0, n = entry["shape"].array(); i < n; ++i)
            shape.push_back(entry["shape"][i].integer(0, std::int64_t(1) << 40));
        const std::string path = (dir / key).string();
        if (!fs::exists(path, ec))
            entry.fail("the array file " + path + " is missing");
        NpyArray a = readNpy(path);
        if (dtype != npyDescr(a.type()) || shape != a.shape)
            throw Error(std::string("holds ") + npyDescr(a.type()) + " " + a.shapeText()
                            + " but experiment.json lists " + dtype + " " + NpyArray{shape, {}}.shapeText(),
                        path);
        if (auto p = arrayProblem(e.network, key, a); !p.empty())
            throw Error(p, path);
        e.arrays.emplace(key, std::move(a));
    }

    if (auto svm = root.optional("svm")) {
        if (svm->string() != svmName)
            svm->fail("expected \"" + std::string(svmName) + "\" or null");
        const std::string path = (dir / svmName).string();
        if (!fs::exists(path, ec))
            svm->fail("the SVM file " + path + " is missing");
        e.svmModel = readTextFile(path, std::size_t(1) << 30);
        if (e.svmModel.empty())
            throw Error("is empty", path);
    }
    if (auto lg = root.optional("log")) {
        if (lg->string() != logName)
            lg->fail("expected \"" + std::string(logName) + "\" or null");
        const std::string path = (dir / logName).string();
        if (fs::exists(path, ec))
            e.log = readTextFile(path, std::size_t(1) << 30);
    }

    static const std::set<std::string> known{"format_version", "created", "model", "dataset", "seed",
                                             "backend", "history", "arrays", "svm", "log"};
    for (const auto& [k, v] : j.items())
        if (!known.count(k))
            e.extra[k] = v;
    return e;
}

} // namespace scnn::model
