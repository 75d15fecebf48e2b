// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — progress of a phase with rate and ETA, throttled for views.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace scnn::hardware::pipeline {

/// Where a phase is: `done` of `total` units (windows or examples).
struct PhaseProgress
{
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::string what;          ///< e.g. "train layer 1: windows", "svm: features"
    double elapsedSeconds = 0.0;
    double rate = 0.0;         ///< Units per second since the phase started
    double etaSeconds = -1.0;  ///< Remaining time; < 0 while unknown

    double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
};

/**
 * @brief Turns "done of total" into PhaseProgress with rate and ETA and calls
 * the callback at most `maxHz` times a second (always for the last unit).
 *
 * @code
 * ProgressMeter meter(callback, "svm: features", total);
 * for (...) meter.update(done);
 * meter.finish();
 * @endcode
 */
class ProgressMeter
{
public:
    using Callback = std::function<void(const PhaseProgress&)>;

    ProgressMeter(Callback callback, std::string what, std::int64_t total, double maxHz = 30.0);

    /// Starts a new stage (its own total and clock) on the same callback.
    void restart(std::string what, std::int64_t total);
    void update(std::int64_t done);
    void finish() { update(m_total); }
    double elapsedSeconds() const;

private:
    using Clock = std::chrono::steady_clock;
    Callback m_callback;
    std::string m_what;
    std::int64_t m_total = 0;
    double m_minInterval = 0.0;
    Clock::time_point m_start;
    Clock::time_point m_last;
    bool m_sentAny = false;
};

} // namespace scnn::hardware::pipeline
