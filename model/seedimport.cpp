// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — import of the 2018 package's model/w_layer_N weight files.
#include "model/seedimport.h"

#include "model/error.h"
#include "model/fileutil.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>

namespace fs = std::filesystem;

namespace scnn::model {

namespace {

std::string trim(const std::string& s, std::size_t& offset)
{
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
        ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        --b;
    offset = a;
    return s.substr(a, b - a);
}

} // namespace

std::vector<std::vector<double>> readWeightRows(const std::string& path)
{
    const std::string text = readTextFile(path, std::size_t(1) << 28);
    std::vector<std::vector<double>> rows;
    std::size_t lineStart = 0;
    int lineNo = 0;
    while (lineStart < text.size()) {
        std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos)
            lineEnd = text.size();
        const std::string line = text.substr(lineStart, lineEnd - lineStart);
        ++lineNo;
        lineStart = lineEnd + 1;
        std::size_t dummy = 0;
        if (trim(line, dummy).empty())
            continue;
        std::vector<double> row;
        std::size_t fieldStart = 0;
        for (;;) {
            const std::size_t comma = line.find(',', fieldStart);
            const std::size_t fieldEnd = comma == std::string::npos ? line.size() : comma;
            std::size_t lead = 0;
            const std::string field = trim(line.substr(fieldStart, fieldEnd - fieldStart), lead);
            const std::string where = "line " + std::to_string(lineNo) + ", column "
                                      + std::to_string(fieldStart + lead + 1);
            const bool last = comma == std::string::npos;
            if (field.empty()) {
                // Only a trailing comma may leave an empty field.
                if (!(last && !row.empty()))
                    throw Error(where + ": empty value", path);
                break;
            }
            double v = 0.0;
            const char* b = field.data();
            const char* e = b + field.size();
            if (*b == '+')
                ++b;
            auto [p, ec] = std::from_chars(b, e, v);
            if (ec != std::errc() || p != e || !std::isfinite(v))
                throw Error(where + ": '" + field + "' is not a number", path);
            row.push_back(v);
            if (last)
                break;
            fieldStart = comma + 1;
        }
        if (!rows.empty() && row.size() != rows.front().size())
            throw Error("line " + std::to_string(lineNo) + " has " + std::to_string(row.size())
                            + " values, the first row has " + std::to_string(rows.front().size()),
                        path);
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        throw Error("holds no weights", path);
    return rows;
}

std::vector<std::string> importSeedWeights(Experiment& e, const std::string& modelDir)
{
    std::error_code ec;
    if (!fs::is_directory(modelDir, ec))
        throw Error("is not a folder", modelDir);
    static const std::regex name(R"(w_layer_([1-9][0-9]{0,3}))");
    std::map<int, std::string> files;
    for (const auto& entry : fs::directory_iterator(modelDir, ec)) {
        std::smatch m;
        const std::string fn = entry.path().filename().string();
        if (entry.is_regular_file() && std::regex_match(fn, m, name))
            files[std::stoi(m[1].str())] = entry.path().string();
    }
    if (ec)
        throw Error("cannot list the folder: " + ec.message(), modelDir);
    if (files.empty())
        throw Error("holds no w_layer_N weight files", modelDir);

    std::vector<int> convLayers;
    for (int i = 0; i < int(e.network.layers.size()); ++i)
        if (e.network.layers[std::size_t(i)].kind == LayerKind::Conv)
            convLayers.push_back(i);
    const auto shapes = e.network.shapes();

    std::map<int, std::vector<float>> staged;
    std::vector<std::string> imported;
    for (const auto& [n, path] : files) {
        if (n > int(convLayers.size()))
            throw Error("the model has " + std::to_string(convLayers.size())
                            + " convolution layer(s), so there is no layer " + std::to_string(n)
                            + " for this file",
                        path);
        const int layer = convLayers[std::size_t(n - 1)];
        const Layer& l = e.network.layers[std::size_t(layer)];
        const auto rows = readWeightRows(path);
        const int depth = l.perChannel ? 1 : shapes[std::size_t(layer)].c;
        const std::size_t perKernel = std::size_t(l.kh) * l.kw * depth;
        if (int(rows.size()) != l.kernels)
            throw Error("has " + std::to_string(rows.size()) + " rows (kernels), but layer "
                            + std::to_string(layer + 1) + " has " + std::to_string(l.kernels)
                            + " kernels",
                        path);
        if (rows.front().size() != perKernel) {
            std::string why = "rows have " + std::to_string(rows.front().size())
                              + " values, but each kernel of layer " + std::to_string(layer + 1)
                              + " has " + std::to_string(l.kh) + "x" + std::to_string(l.kw);
            if (depth > 1)
                why += "x" + std::to_string(depth) + " = " + std::to_string(perKernel);
            why += " weights";
            if (depth > 1 && rows.front().size() == std::size_t(l.kh) * l.kw)
                why += " (the original's per-channel kernels would fit: set per_channel on this layer)";
            throw Error(why, path);
        }
        std::vector<float> w;
        w.reserve(rows.size() * perKernel);
        for (const auto& r : rows)
            for (double v : r)
                w.push_back(float(v));
        staged[layer] = std::move(w);
        imported.push_back(path);
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string started = isoUtcNow();
    for (const auto& [layer, w] : staged)
        e.setWeights(layer, w);
    std::string notes;
    for (const auto& f : imported)
        notes += (notes.empty() ? "" : ", ") + fs::path(f).filename().string();
    PhaseRecord r;
    r.phase = "import seed weights";
    r.started = started;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.notes = "from " + modelDir + ": " + notes;
    e.history.push_back(r);
    e.addLog("imported " + notes + " from " + modelDir);
    return imported;
}

} // namespace scnn::model
