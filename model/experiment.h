// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the experiment: model, data selection, history, arrays, on disk.
#pragma once

#include "model/dataset.h"
#include "model/network.h"
#include "model/npy.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scnn::model {

/// One finished phase ("train layer 1", "svm", "test") in the history.
struct PhaseRecord
{
    std::string phase;
    std::string started;              ///< ISO 8601 UTC, e.g. "2026-11-26T22:45:03Z"
    double seconds = 0.0;             ///< Wall-clock duration [s]
    std::int64_t examples = 0;        ///< Examples the phase went through
    std::optional<double> accuracy;   ///< [0, 1], when the phase measures one
    std::string notes;

    bool operator==(const PhaseRecord&) const = default;
};

/**
 * @brief Everything an experiment folder holds, in memory.
 *
 * On disk (see saveExperiment()):
 * @code
 * DIR/experiment.json      format_version, created, model, dataset, seed, backend,
 *                          history, arrays (manifest: dtype and shape per file), svm, log
 * DIR/weights/layer1.npy   any number of arrays, keyed by relative path
 * DIR/svm.model            the classifier in libsvm's text format (when trained)
 * DIR/log.txt              a human-readable log
 * @endcode
 * Arrays are free-form by key, so new kinds (recordings, features, confusion
 * matrices) need no format change. Known keys are checked against the model:
 * `weights/layerN.npy` and `weights/layerN_initial.npy` (N: 1-based position
 * in network.layers, a conv layer) must be (kernels, C, kh, kw), C being the
 * layer's input depth (1 for per-channel kernels).
 */
struct Experiment
{
    static constexpr int formatVersion = 1;

    std::string created;                       ///< ISO 8601 UTC
    Network network;
    DatasetSelection dataset;
    std::uint64_t seed = 1;                    ///< Seed of weights, encodings, SVM
    std::string backend = "sim";               ///< Backend name ("sim", "spinnaker", …)
    std::vector<PhaseRecord> history;
    std::map<std::string, NpyArray> arrays;    ///< Relative path ("weights/layer1.npy") → array
    std::string svmModel;                      ///< libsvm model text; empty: none yet
    std::string log;                           ///< Contents of log.txt
    nlohmann::json extra = nlohmann::json::object(); ///< Top-level keys this version does not know, kept

    /// Appends "<ISO time> <line>\n" to the log.
    void addLog(const std::string& line);
    /// The learned kernels of layer `layer` (0-based), when present.
    const NpyArray* weights(int layer) const;
    /// Stores kernels of layer `layer` (0-based) as float32 (kernels, C, kh, kw); throws Error on a size mismatch.
    void setWeights(int layer, const std::vector<float>& values, bool initial = false);

    bool operator==(const Experiment&) const = default;
};

/// "weights/layer1.npy" for layer 0; with initial: "weights/layer1_initial.npy".
std::string weightsKey(int layer, bool initial = false);
/// The array shape the kernels of conv layer `layer` (0-based) have: {K, C, kh, kw}.
std::vector<std::int64_t> weightsShape(const Network& net, int layer);

/// Checks an array key: a relative path of [A-Za-z0-9_.-] parts ending in .npy.
void validateArrayKey(const std::string& key);
/// Checks a known array against the model; "" when fine, else the problem.
std::string arrayProblem(const Network& net, const std::string& key, const NpyArray& a);

/// Validates everything (model, dataset, keys, array shapes, history); throws Error.
void validate(const Experiment& e, const std::string& where = "experiment");

/**
 * @brief Saves the experiment as folder `dir`, all or nothing.
 *
 * Everything is written into a temporary sibling folder, flushed, and then
 * swapped with `dir` in one atomic rename (Linux renameat2 RENAME_EXCHANGE;
 * elsewhere two renames). Files in `dir` the experiment does not manage are
 * carried over. Refuses to replace a non-empty folder that is not an
 * experiment. Throws Error naming the file that could not be written.
 */
void saveExperiment(const Experiment& e, const std::string& dir);

/// Loads and validates a folder; throws Error naming the file and field that is wrong.
Experiment loadExperiment(const std::string& dir);

/// True when `dir` holds an experiment.json.
bool isExperimentFolder(const std::string& dir);

/// The "history" array of experiment.json.
nlohmann::json historyJson(const std::vector<PhaseRecord>& history);

/// experiment.json text of an experiment (without reading or writing arrays).
std::string experimentJson(const Experiment& e);

} // namespace scnn::model
