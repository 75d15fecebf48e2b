// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the one exception type of model/ and hardware/.
#pragma once

#include <stdexcept>
#include <string>

namespace scnn::model {

/**
 * @brief The error that validators, readers and writers throw.
 *
 * The message names the object and the field that is wrong, and the numbers
 * involved, e.g. "layer 2 (conv): kernel 7x7 is larger than its input 5x5".
 * `where` is the file or object the message is about (may be empty); the
 * command line prints it first, the GUI shows it in the dialog title.
 */
class Error : public std::runtime_error
{
public:
    explicit Error(const std::string& message, std::string where = {})
        : std::runtime_error(where.empty() ? message : where + ": " + message),
          m_where(std::move(where)), m_message(message)
    {
    }

    const std::string& where() const noexcept { return m_where; }
    const std::string& message() const noexcept { return m_message; }

private:
    std::string m_where;
    std::string m_message;
};

/// A request that the user cancelled; phases unwind with this and commit nothing.
class Cancelled : public std::runtime_error
{
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace scnn::model
