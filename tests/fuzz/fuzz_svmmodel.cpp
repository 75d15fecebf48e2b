// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: SVM model files (LIBLINEAR's and libsvm's own text formats).
#include "fuzzsupport.h"
#include "model/svm.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace scnn;
    fuzz::MemoryFile file(data, size);
    // A scaling for 4 features, as an experiment.json would hold it.
    const nlohmann::json scaling = {{"kind", "mean_std"},
                                    {"offset", {0.0, 0.0, 0.0, 0.0}},
                                    {"factor", {1.0, 1.0, 1.0, 1.0}}};
    for (auto kernel : {model::SvmOptions::Kernel::Linear, model::SvmOptions::Kernel::Rbf}) {
        fuzz::expectCleanRejection([&] {
            const model::Svm svm = model::Svm::load(
                file.path(), model::Standardizer::fromJson(scaling, "fuzz"), kernel);
            const float row[4] = {1.0f, -2.0f, 0.5f, 3.0f};
            (void)svm.predictOne(row);
        });
    }
    return 0;
}
