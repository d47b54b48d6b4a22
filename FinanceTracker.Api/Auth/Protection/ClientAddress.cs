using System.Net;
using System.Net.Sockets;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>The client a request is counted against: its IP as forwarded headers leave it, an IPv6 client by its /64.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } ip) return "unknown";
        if (ip.IsIPv4MappedToIPv6) return ip.MapToIPv4().ToString();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        // One household or one attacker gets a whole /64; counting each address would hand out 2^64 budgets.
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
