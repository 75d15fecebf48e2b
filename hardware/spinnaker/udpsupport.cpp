// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — small Boost.Asio UDP functions shared by the live link and the probe.
#include "hardware/spinnaker/udpsupport.h"

#include "model/error.h"

namespace scnn::hardware {

namespace asio = boost::asio;
using asio::ip::udp;

asio::ip::address parseAddress(const std::string& text, const std::string& what)
{
    if (text == "localhost")
        return asio::ip::address_v4::loopback();
    boost::system::error_code ec;
    const auto a = asio::ip::make_address(text, ec);
    if (ec)
        throw model::Error(what + ": '" + text + "' is not a numeric IP address");
    return a;
}

void openUdp(udp::socket& socket, const udp::endpoint& at, const std::string& purpose)
{
    boost::system::error_code ec;
    socket.open(at.protocol(), ec);
    if (!ec)
        socket.bind(at, ec);
    if (ec) {
        boost::system::error_code ignored;
        socket.close(ignored);
        throw model::Error("cannot listen for " + purpose + " on " + endpointText(at) + ": " + ec.message()
                           + (ec == asio::error::address_in_use
                                  ? " (another listener, e.g. a Python live-spikes connection, may hold it)"
                                  : ""));
    }
}

std::string endpointText(const udp::endpoint& e)
{
    const std::string host = e.address().is_v6() ? "[" + e.address().to_string() + "]" : e.address().to_string();
    return host + ":" + std::to_string(e.port());
}

SenderFilter::SenderFilter(const std::vector<std::string>& addresses)
{
    for (const std::string& text : addresses) {
        const auto a = parseAddress(text, "allowed sender");
        if (a.is_unspecified())
            m_any = true;
        else
            m_addresses.push_back(a);
    }
}

} // namespace scnn::hardware
