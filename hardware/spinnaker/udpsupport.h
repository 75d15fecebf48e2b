// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — small Boost.Asio UDP functions shared by the live link and the probe.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/udp.hpp>

#include <string>
#include <vector>

namespace scnn::hardware {

/// Parses a numeric IPv4/IPv6 address or "localhost"; throws model::Error naming `what`.
boost::asio::ip::address parseAddress(const std::string& text, const std::string& what);

/// Opens and binds `socket` to `at`; throws model::Error naming `purpose`,
/// the address and port and the system's reason (e.g. port in use).
void openUdp(boost::asio::ip::udp::socket& socket, const boost::asio::ip::udp::endpoint& at,
             const std::string& purpose);

/// "127.0.0.1:19999"
std::string endpointText(const boost::asio::ip::udp::endpoint& e);

/**
 * @brief The addresses a socket accepts datagrams from. "0.0.0.0" (or "::")
 * in the list accepts every sender; an empty list accepts none.
 */
class SenderFilter
{
public:
    SenderFilter() = default;
    /// Throws model::Error for an entry that is not an address.
    explicit SenderFilter(const std::vector<std::string>& addresses);

    /// Accepts `a` too (ignored when unspecified: that would open to all).
    void add(const boost::asio::ip::address& a)
    {
        if (!a.is_unspecified())
            m_addresses.push_back(a);
    }

    bool accepts(const boost::asio::ip::address& a) const
    {
        if (m_any)
            return true;
        for (const auto& allowed : m_addresses)
            if (allowed == a)
                return true;
        return false;
    }

private:
    std::vector<boost::asio::ip::address> m_addresses;
    bool m_any = false;
};

} // namespace scnn::hardware
