using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MobileSource.Server.Startup;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy: the client's address (for the audit and the sign-in rate
/// limit) is then taken from X-Forwarded-For, but only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>.
/// </summary>
public static class ProxySetup
{
    public static void UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0)
        {
            return;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(options);
    }

    /// <summary>The rate limit's key for an address: IPv6 by its /64 (one household or host has a whole /64).</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
