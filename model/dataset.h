// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — dataset location, class selection and reproducible draws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scnn::model {

/**
 * @brief Which examples an experiment uses.
 *
 * Training examples: `trainPerClass` of each class in `classes`, drawn without
 * replacement from the training files. Test examples: `testPerClass` of each
 * class from the `t10k-*` files when they exist; otherwise (or when
 * `validation` is set) they are held out from the training files and never
 * overlap the training draw. 0 means "all there are" (for a held-out split:
 * a sixth of each class, the share MNIST's own test set has).
 */
struct DatasetSelection
{
    std::string name = "mnist";        ///< "mnist" or "fashion-mnist"
    std::string dataDir;               ///< Folder given by the user; empty: search
    std::vector<int> classes{0, 1, 7, 8};
    int trainPerClass = 100;           ///< 0: all
    int testPerClass = 50;             ///< 0: all (held-out split: a sixth)
    std::uint64_t seed = 1;
    bool validation = false;           ///< Hold test examples out of the training files even with t10k

    bool operator==(const DatasetSelection&) const = default;
};

/// The names we know.
const std::vector<std::string>& datasetNames();

/// Checks names, classes (0 … 9, no repeats) and counts; throws Error naming the field.
void validate(const DatasetSelection& s, const std::string& where = "dataset");

/**
 * @brief A set of examples: 8-bit grey images, row-major, one after another.
 */
struct Examples
{
    int rows = 28;
    int cols = 28;
    std::vector<std::uint8_t> pixels;  ///< size() · rows · cols
    std::vector<int> labels;           ///< Class of each example (0 … 9)
    std::vector<int> sourceIndex;      ///< Index of each example in the file it came from

    int size() const { return int(labels.size()); }
    const std::uint8_t* image(int i) const { return pixels.data() + std::size_t(i) * rows * cols; }
    /// Pixels of example i as floats in [0, 1].
    std::vector<float> imageFloat(int i) const;
};

/// The four IDX files of a dataset folder; test paths are empty when absent.
struct DataFiles
{
    std::string directory;
    std::string trainImages;
    std::string trainLabels;
    std::string testImages;
    std::string testLabels;

    bool hasTestFiles() const { return !testImages.empty() && !testLabels.empty(); }
};

/// Looks for `<base>-idx3-ubyte` / `.gz` etc. in `dir` (and `dir/<name>`);
/// nullopt when the training files are not there.
std::optional<DataFiles> findDataFiles(const std::string& dir, const std::string& name);

/**
 * @brief The folders searched for dataset `name`, in order: `dataDir`
 * (if given, the only one), `$SCNN_DATA`, the user's data folder
 * (`$XDG_DATA_HOME/scnn` or `~/.local/share/scnn`), then
 * `/usr/share/datasets/<name>`.
 */
std::vector<std::string> dataSearchPath(const DatasetSelection& s);

/// The first folder of dataSearchPath() that holds the training files; throws
/// Error listing the places searched.
DataFiles locateData(const DatasetSelection& s);

/**
 * @brief The examples an experiment trains and tests on.
 */
struct Dataset
{
    DatasetSelection selection;
    DataFiles files;
    Examples train;
    Examples test;
    bool testFromValidation = false;   ///< Test examples were held out of the training files
};

/**
 * @brief How many examples of one class a selection draws, and whether the
 * files hold that many. `problem` is empty when they do; otherwise it gives
 * the numbers ("class 7 has 40 examples, 60 short of the 100 training
 * examples asked for") and `inTestFile` says which file is short.
 */
struct ClassDraw
{
    int train = 0;    ///< Training examples drawn
    int heldOut = 0;  ///< Test examples held out of the training file (disjoint from `train`)
    int test = 0;     ///< Test examples drawn from the test file
    std::string problem;
    bool inTestFile = false;
};

/// The draw of class `cls` from `trainAvailable` training examples and
/// `testAvailable` test-file examples (ignored when `heldOut` is true).
ClassDraw classDraw(const DatasetSelection& s, int cls, int trainAvailable, int testAvailable, bool heldOut);

/**
 * @brief Locates, reads and checks the files, then draws the examples.
 *
 * Draws are without replacement, per class in file order shuffled by the
 * seed, then the whole set is shuffled; the same selection gives the same
 * examples on every platform. Throws Error naming the file for malformed
 * files, image/label count mismatches, labels outside 0 … 9, and a class
 * with too few examples ("class 7 has 40 training examples, 60 short of 100").
 */
Dataset loadDataset(const DatasetSelection& s);

} // namespace scnn::model
