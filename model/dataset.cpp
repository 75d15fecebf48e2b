// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — dataset location, class selection and reproducible draws.
#include "model/dataset.h"

#include "model/error.h"
#include "model/idx.h"
#include "model/random.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace scnn::model {

namespace {

constexpr int maxPerClass = 1000000;

std::string firstExisting(const fs::path& dir, const std::string& base)
{
    for (const char* ext : {"", ".gz"}) {
        const fs::path p = dir / (base + ext);
        std::error_code ec;
        if (fs::is_regular_file(p, ec))
            return p.string();
    }
    return {};
}

std::string envOrEmpty(const char* name)
{
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

struct Split
{
    std::vector<int> train;
    std::vector<int> test;
};

std::vector<std::vector<int>> indicesByClass(const IdxLabels& labels, const std::string& file)
{
    std::vector<std::vector<int>> byClass(10);
    for (int i = 0; i < labels.count; ++i) {
        const int l = labels.labels[std::size_t(i)];
        if (l > 9)
            throw Error("label " + std::to_string(l) + " of example " + std::to_string(i)
                            + " is outside 0 … 9",
                        file);
        byClass[std::size_t(l)].push_back(i);
    }
    return byClass;
}

void checkPair(const IdxImages& im, const IdxLabels& lb, const std::string& imFile,
               const std::string& lbFile)
{
    if (im.count != lb.count)
        throw Error("holds " + std::to_string(im.count) + " images but " + lbFile + " holds "
                        + std::to_string(lb.count) + " labels",
                    imFile);
}

Examples gather(const IdxImages& im, const IdxLabels& lb, std::vector<int> indices, Rng rng)
{
    rng.shuffle(indices.begin(), indices.end());
    Examples ex;
    ex.rows = im.rows;
    ex.cols = im.cols;
    const std::size_t n = std::size_t(im.rows) * im.cols;
    ex.pixels.reserve(indices.size() * n);
    for (int i : indices) {
        ex.pixels.insert(ex.pixels.end(), im.image(i), im.image(i) + n);
        ex.labels.push_back(lb.labels[std::size_t(i)]);
        ex.sourceIndex.push_back(i);
    }
    return ex;
}

} // namespace

const std::vector<std::string>& datasetNames()
{
    static const std::vector<std::string> names{"mnist", "fashion-mnist"};
    return names;
}

void validate(const DatasetSelection& s, const std::string& where)
{
    const auto& names = datasetNames();
    if (std::find(names.begin(), names.end(), s.name) == names.end())
        throw Error("unknown dataset '" + s.name + "' (known: mnist, fashion-mnist)", where);
    if (s.classes.empty())
        throw Error("no classes selected", where);
    std::set<int> seen;
    for (int c : s.classes) {
        if (c < 0 || c > 9)
            throw Error("class " + std::to_string(c) + " is outside 0 … 9", where);
        if (!seen.insert(c).second)
            throw Error("class " + std::to_string(c) + " is selected twice", where);
    }
    if (s.classes.size() < 2)
        throw Error("a classifier needs at least 2 classes, " + std::to_string(s.classes.size())
                        + " selected",
                    where);
    if (s.trainPerClass < 0 || s.trainPerClass > maxPerClass)
        throw Error("train_per_class = " + std::to_string(s.trainPerClass) + " is outside 0 … "
                        + std::to_string(maxPerClass),
                    where);
    if (s.testPerClass < 0 || s.testPerClass > maxPerClass)
        throw Error("test_per_class = " + std::to_string(s.testPerClass) + " is outside 0 … "
                        + std::to_string(maxPerClass),
                    where);
}

std::vector<float> Examples::imageFloat(int i) const
{
    const std::size_t n = std::size_t(rows) * cols;
    std::vector<float> out(n);
    const std::uint8_t* p = image(i);
    for (std::size_t k = 0; k < n; ++k)
        out[k] = float(p[k]) / 255.0f;
    return out;
}

std::optional<DataFiles> findDataFiles(const std::string& dir, const std::string& name)
{
    if (dir.empty())
        return std::nullopt;
    for (const fs::path& d : {fs::path(dir), fs::path(dir) / name}) {
        DataFiles f;
        f.directory = d.string();
        f.trainImages = firstExisting(d, "train-images-idx3-ubyte");
        f.trainLabels = firstExisting(d, "train-labels-idx1-ubyte");
        if (f.trainImages.empty() || f.trainLabels.empty())
            continue;
        f.testImages = firstExisting(d, "t10k-images-idx3-ubyte");
        f.testLabels = firstExisting(d, "t10k-labels-idx1-ubyte");
        if (!f.hasTestFiles()) {
            f.testImages.clear();
            f.testLabels.clear();
        }
        return f;
    }
    return std::nullopt;
}

std::vector<std::string> dataSearchPath(const DatasetSelection& s)
{
    if (!s.dataDir.empty())
        return {s.dataDir};
    std::vector<std::string> out;
    if (auto env = envOrEmpty("SCNN_DATA"); !env.empty())
        out.push_back(env);
    if (auto xdg = envOrEmpty("XDG_DATA_HOME"); !xdg.empty())
        out.push_back((fs::path(xdg) / "scnn").string());
    else if (auto home = envOrEmpty("HOME"); !home.empty())
        out.push_back((fs::path(home) / ".local/share/scnn").string());
    out.push_back("/usr/share/datasets/" + s.name);
    return out;
}

DataFiles locateData(const DatasetSelection& s)
{
    const auto path = dataSearchPath(s);
    for (const auto& dir : path)
        if (auto f = findDataFiles(dir, s.name))
            return *f;
    std::string places;
    for (const auto& dir : path)
        places += (places.empty() ? "" : ", ") + dir;
    if (!s.dataDir.empty())
        throw Error("no train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] of " + s.name
                        + " in this folder (nor in its subfolder " + s.name + "/)",
                    s.dataDir);
    throw Error("cannot find " + s.name
                    + " (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]); searched "
                    + places + "; name a folder with --data DIR or set SCNN_DATA");
}

ClassDraw classDraw(const DatasetSelection& s, int cls, int trainAvailable, int testAvailable, bool heldOut)
{
    ClassDraw d;
    const std::string name = "class " + std::to_string(cls);
    if (heldOut)
        d.heldOut = s.testPerClass > 0 ? s.testPerClass : trainAvailable / 6;
    d.train = s.trainPerClass > 0 ? s.trainPerClass : trainAvailable - d.heldOut;
    if (d.heldOut + d.train > trainAvailable || d.train <= 0) {
        std::string want = std::to_string(d.train > 0 ? d.train : 1) + " training";
        if (d.heldOut > 0)
            want += " + " + std::to_string(d.heldOut) + " held-out test";
        const int need = std::max(d.train, 1) + d.heldOut;
        d.problem = name + " has " + std::to_string(trainAvailable) + " examples, "
                    + std::to_string(need - trainAvailable) + " short of the " + want + " examples asked for";
        return d;
    }
    if (!heldOut) {
        d.test = s.testPerClass > 0 ? s.testPerClass : testAvailable;
        if (d.test > testAvailable || d.test <= 0) {
            d.problem = name + " has " + std::to_string(testAvailable) + " test examples, "
                        + std::to_string(std::max(d.test, 1) - testAvailable) + " short of the "
                        + std::to_string(std::max(d.test, 1)) + " asked for";
            d.inTestFile = true;
        }
    }
    return d;
}

Dataset loadDataset(const DatasetSelection& s)
{
    validate(s);
    Dataset ds;
    ds.selection = s;
    ds.files = locateData(s);
    const DataFiles& f = ds.files;

    const IdxImages trainImages = readIdxImages(f.trainImages);
    const IdxLabels trainLabels = readIdxLabels(f.trainLabels);
    checkPair(trainImages, trainLabels, f.trainImages, f.trainLabels);
    const auto trainByClass = indicesByClass(trainLabels, f.trainLabels);

    ds.testFromValidation = s.validation || !f.hasTestFiles();
    IdxImages testImages;
    IdxLabels testLabels;
    std::vector<std::vector<int>> testByClass;
    if (!ds.testFromValidation) {
        testImages = readIdxImages(f.testImages);
        testLabels = readIdxLabels(f.testLabels);
        checkPair(testImages, testLabels, f.testImages, f.testLabels);
        if (testImages.rows != trainImages.rows || testImages.cols != trainImages.cols)
            throw Error("images are " + std::to_string(testImages.rows) + "x"
                            + std::to_string(testImages.cols) + " but the training images are "
                            + std::to_string(trainImages.rows) + "x"
                            + std::to_string(trainImages.cols),
                        f.testImages);
        testByClass = indicesByClass(testLabels, f.testLabels);
    }

    std::vector<int> trainPick;
    std::vector<int> testPick;
    for (int c : s.classes) {
        // One stream per class, so a class's draw does not depend on the others.
        Rng rng(Rng::derive(s.seed, 100 + std::uint64_t(c)));
        std::vector<int> pool = trainByClass[std::size_t(c)];
        rng.shuffle(pool.begin(), pool.end());
        const int tAvail = ds.testFromValidation ? 0 : int(testByClass[std::size_t(c)].size());
        const ClassDraw d = classDraw(s, c, int(pool.size()), tAvail, ds.testFromValidation);
        if (!d.problem.empty())
            throw Error(d.problem, d.inTestFile ? f.testLabels : f.trainLabels);
        const int held = d.heldOut, trainN = d.train;
        testPick.insert(testPick.end(), pool.begin(), pool.begin() + held);
        trainPick.insert(trainPick.end(), pool.begin() + held, pool.begin() + held + trainN);

        if (!ds.testFromValidation) {
            std::vector<int> tpool = testByClass[std::size_t(c)];
            Rng trng(Rng::derive(s.seed, 200 + std::uint64_t(c)));
            trng.shuffle(tpool.begin(), tpool.end());
            const int testN = d.test;
            testPick.insert(testPick.end(), tpool.begin(), tpool.begin() + testN);
        }
    }
    ds.train = gather(trainImages, trainLabels, std::move(trainPick), Rng(Rng::derive(s.seed, 1)));
    if (ds.testFromValidation)
        ds.test = gather(trainImages, trainLabels, std::move(testPick), Rng(Rng::derive(s.seed, 2)));
    else
        ds.test = gather(testImages, testLabels, std::move(testPick), Rng(Rng::derive(s.seed, 2)));
    return ds;
}

} // namespace scnn::model
