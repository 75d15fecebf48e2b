// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — progress of a phase with rate and ETA.
#include "hardware/pipeline/progressmeter.h"

#include <algorithm>

namespace scnn::hardware::pipeline {

ProgressMeter::ProgressMeter(Callback callback, std::string what, std::int64_t total, double maxHz)
    : m_callback(std::move(callback)), m_minInterval(maxHz > 0.0 ? 1.0 / maxHz : 0.0)
{
    restart(std::move(what), total);
}

void ProgressMeter::restart(std::string what, std::int64_t total)
{
    m_what = std::move(what);
    m_total = std::max<std::int64_t>(total, 0);
    m_start = Clock::now();
    m_last = m_start;
    m_sentAny = false;
}

double ProgressMeter::elapsedSeconds() const
{
    return std::chrono::duration<double>(Clock::now() - m_start).count();
}

void ProgressMeter::update(std::int64_t done)
{
    if (!m_callback)
        return;
    const auto now = Clock::now();
    done = std::clamp<std::int64_t>(done, 0, m_total);
    const bool last = done >= m_total;
    if (m_sentAny && !last && std::chrono::duration<double>(now - m_last).count() < m_minInterval)
        return;
    m_last = now;
    m_sentAny = true;
    PhaseProgress p;
    p.done = done;
    p.total = m_total;
    p.what = m_what;
    p.elapsedSeconds = std::chrono::duration<double>(now - m_start).count();
    if (p.elapsedSeconds > 0.0 && done > 0) {
        p.rate = double(done) / p.elapsedSeconds;
        p.etaSeconds = double(m_total - done) / p.rate;
    }
    m_callback(p);
}

} // namespace scnn::hardware::pipeline
