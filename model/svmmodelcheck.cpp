// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/svmmodelcheck.h"

#include "model/error.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>
#include <vector>

namespace scnn::model {

namespace {

constexpr long long maxClasses = 10000;
constexpr long long maxFeatures = 50000000;
constexpr long long maxValues = 200000000;

/// Whitespace-separated tokens with the line each starts on.
class Tokens
{
public:
    Tokens(const std::string& text, const std::string& path) : m_text(text), m_path(path) {}

    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }

    std::string next(const char* what)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            fail(std::string("file ends where ") + what + " should follow");
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && !isSpace(m_text[m_pos]))
            ++m_pos;
        return m_text.substr(start, m_pos - start);
    }

    long long integer(const char* what, long long min, long long max)
    {
        const std::string t = next(what);
        long long v = 0;
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || p != t.data() + t.size())
            fail(std::string(what) + " '" + t + "' is not a whole number");
        if (v < min || v > max)
            fail(std::string(what) + " " + t + " is outside " + std::to_string(min) + " … " + std::to_string(max));
        return v;
    }

    double number(const char* what)
    {
        const std::string t = next(what);
        return parseNumber(t, what);
    }

    double parseNumber(const std::string& t, const char* what) const
    {
        char* end = nullptr;
        const double v = std::strtod(t.c_str(), &end);
        if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v))
            fail(std::string(what) + " '" + t + "' is not a finite number");
        return v;
    }

    [[noreturn]] void fail(const std::string& message) const
    {
        throw Error("line " + std::to_string(line()) + ": " + message, m_path);
    }

    /// The rest of the current line (for line-structured parts), advancing past it.
    bool nextLine(std::string& out)
    {
        if (m_pos >= m_text.size())
            return false;
        const std::size_t eol = m_text.find('\n', m_pos);
        const std::size_t end = eol == std::string::npos ? m_text.size() : eol;
        out = m_text.substr(m_pos, end - m_pos);
        m_pos = eol == std::string::npos ? m_text.size() : eol + 1;
        return true;
    }

    /// Skips the rest of the current line (after a keyword that ends it).
    void endLine()
    {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
            if (!isSpace(m_text[m_pos]))
                fail("unexpected '" + std::string(1, m_text[m_pos]) + "' after the keyword");
            ++m_pos;
        }
        if (m_pos < m_text.size())
            ++m_pos;
    }

    int line() const
    {
        int n = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i)
            n += m_text[i] == '\n';
        return n;
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skipSpace()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }

    const std::string& m_text;
    const std::string& m_path;
    std::size_t m_pos = 0;
};

void checkNoNul(const std::string& text, const std::string& path)
{
    if (text.find('\0') != std::string::npos)
        throw Error("contains a NUL byte: not a text model file", path);
}

} // namespace

void checkLinearModelText(const std::string& text, const std::string& path)
{
    checkNoNul(text, path);
    static const std::set<std::string> solvers = {"L2R_LR", "L2R_L2LOSS_SVC_DUAL", "L2R_L2LOSS_SVC",
                                                  "L2R_L1LOSS_SVC_DUAL", "MCSVM_CS", "L1R_L2LOSS_SVC",
                                                  "L1R_LR", "L2R_LR_DUAL"};
    Tokens t(text, path);
    std::string solver;
    long long classes = -1, features = -1;
    bool haveLabels = false, haveBias = false;
    double bias = -1.0;
    std::set<std::string> keys;
    for (;;) {
        const std::string key = t.next("a header keyword or 'w'");
        if (key == "w")
            break;
        // liblinear and libsvm allocate per header line and leak the first of a repeated one.
        if (!keys.insert(key).second)
            t.fail("header keyword '" + key.substr(0, 40) + "' appears twice");
        if (key == "solver_type") {
            solver = t.next("the solver type");
            if (!solvers.count(solver))
                t.fail("solver_type '" + solver + "' is not a LIBLINEAR classifier");
        } else if (key == "nr_class") {
            classes = t.integer("nr_class", 2, maxClasses);
        } else if (key == "label") {
            if (classes < 0)
                t.fail("label comes before nr_class");
            std::set<long long> seen;
            for (long long i = 0; i < classes; ++i)
                if (!seen.insert(t.integer("a class label", -1000000, 1000000)).second)
                    t.fail("a class label appears twice");
            haveLabels = true;
        } else if (key == "nr_feature") {
            features = t.integer("nr_feature", 1, maxFeatures);
        } else if (key == "bias") {
            bias = t.number("bias");
            haveBias = true;
        } else if (key == "rho") {
            t.number("rho");
        } else {
            t.fail("unknown keyword '" + key.substr(0, 40) + "'");
        }
    }
    if (solver.empty())
        t.fail("no solver_type before the weights");
    if (classes < 0)
        t.fail("no nr_class before the weights");
    if (!haveLabels)
        t.fail("no label line before the weights");
    if (features < 0)
        t.fail("no nr_feature before the weights");
    if (!haveBias)
        t.fail("no bias before the weights");
    const long long rows = features + (bias >= 0 ? 1 : 0);
    const long long perRow = (classes == 2 && solver != "MCSVM_CS") ? 1 : classes;
    if (rows * perRow > maxValues)
        t.fail("announces " + std::to_string(rows * perRow) + " weights, more than a model file may hold");
    for (long long i = 0; i < rows * perRow; ++i)
        t.number("a weight");
    if (!t.atEnd())
        t.fail("more values than nr_feature × classes announce");
}

void checkLibsvmModelText(const std::string& text, const std::string& path)
{
    checkNoNul(text, path);
    static const std::set<std::string> kernels = {"linear", "polynomial", "rbf", "sigmoid"};
    Tokens t(text, path);
    std::string svmType, kernel;
    long long classes = -1, totalSv = -1;
    std::vector<long long> nrSv;
    bool haveRho = false, haveLabels = false;
    std::set<std::string> keys;
    for (;;) {
        const std::string key = t.next("a header keyword or 'SV'");
        if (key == "SV") {
            t.endLine();
            break;
        }
        if (!keys.insert(key).second)
            t.fail("header keyword '" + key.substr(0, 40) + "' appears twice");
        if (key == "svm_type") {
            svmType = t.next("the SVM type");
            if (svmType != "c_svc")
                t.fail("svm_type '" + svmType + "' is not c_svc");
        } else if (key == "kernel_type") {
            kernel = t.next("the kernel type");
            if (!kernels.count(kernel))
                t.fail("kernel_type '" + kernel + "' is unknown");
        } else if (key == "degree") {
            t.integer("degree", 0, 100);
        } else if (key == "gamma" || key == "coef0") {
            t.number(key.c_str());
        } else if (key == "nr_class") {
            classes = t.integer("nr_class", 2, 1000);
        } else if (key == "total_sv") {
            totalSv = t.integer("total_sv", 1, 10000000);
        } else if (key == "rho" || key == "probA" || key == "probB") {
            if (classes < 0)
                t.fail(key + " comes before nr_class");
            for (long long i = 0; i < classes * (classes - 1) / 2; ++i)
                t.number(key.c_str());
            haveRho = haveRho || key == "rho";
        } else if (key == "label") {
            if (classes < 0)
                t.fail("label comes before nr_class");
            for (long long i = 0; i < classes; ++i)
                t.integer("a class label", -1000000, 1000000);
            haveLabels = true;
        } else if (key == "nr_sv") {
            if (classes < 0)
                t.fail("nr_sv comes before nr_class");
            for (long long i = 0; i < classes; ++i)
                nrSv.push_back(t.integer("nr_sv", 0, 10000000));
        } else {
            t.fail("unknown keyword '" + key.substr(0, 40) + "'");
        }
    }
    if (svmType.empty() || kernel.empty() || classes < 0 || totalSv < 0 || !haveRho || !haveLabels
        || nrSv.empty())
        t.fail("the header lacks one of svm_type, kernel_type, nr_class, total_sv, rho, label, nr_sv");
    long long sum = 0;
    for (long long n : nrSv)
        sum += n;
    if (sum != totalSv)
        t.fail("nr_sv adds up to " + std::to_string(sum) + ", not total_sv " + std::to_string(totalSv));
    std::string line;
    for (long long sv = 0; sv < totalSv; ++sv) {
        if (!t.nextLine(line))
            t.fail("file ends after " + std::to_string(sv) + " of " + std::to_string(totalSv) + " support vectors");
        std::istringstream in(line);
        std::string item;
        for (long long i = 0; i < classes - 1; ++i) {
            if (!(in >> item))
                t.fail("a support vector line has fewer than nr_class − 1 coefficients");
            t.parseNumber(item, "a coefficient");
        }
        long long last = 0;
        while (in >> item) {
            const auto colon = item.find(':');
            if (colon == std::string::npos)
                t.fail("'" + item.substr(0, 40) + "' is not index:value");
            long long index = 0;
            auto [p, ec] = std::from_chars(item.data(), item.data() + colon, index);
            if (ec != std::errc() || p != item.data() + colon || index <= last || index > maxFeatures)
                t.fail("feature index '" + item.substr(0, colon) + "' is not increasing from 1");
            last = index;
            t.parseNumber(item.substr(colon + 1), "a feature value");
        }
    }
    if (!t.atEnd())
        t.fail("more lines than total_sv support vectors");
}

} // namespace scnn::model
