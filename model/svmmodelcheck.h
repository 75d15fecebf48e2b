// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — strict checks of SVM model files before the libraries read them.
#pragma once

#include <string>

namespace scnn::model {

/**
 * @brief Checks the text of a LIBLINEAR classifier model file completely:
 * known keys in order, a classification solver, 2 … 10,000 classes with as
 * many labels, 1 … 50,000,000 features, a finite bias, and exactly the
 * number of finite weights the header announces. Throws Error naming `path`,
 * the line and what is wrong.
 *
 * LIBLINEAR's and libsvm's own readers trust their input (a short or
 * garbled file leaks or reads past its arrays), so no file reaches them
 * unchecked.
 */
void checkLinearModelText(const std::string& text, const std::string& path);

/// The same for a libsvm C-SVC model file (header, nr_sv summing to total_sv,
/// one line per support vector with nr_class − 1 coefficients and index:value pairs).
void checkLibsvmModelText(const std::string& text, const std::string& path);

} // namespace scnn::model
