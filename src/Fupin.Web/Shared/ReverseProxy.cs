using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Fupin.Web.Shared;

/// <summary>
/// Behind nginx (docs/deploy.md) the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto.
/// They are believed only from the proxies named in Proxy:KnownProxies (addresses) or Proxy:KnownNetworks (CIDR),
/// comma-separated; with none named, no forwarded header is believed, so a client cannot pose as another address
/// in the audit trail or the sign-in limit.
/// </summary>
public static class ReverseProxy
{
    public static IHostApplicationBuilder AddFupinReverseProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var text in List(builder.Configuration["Proxy:KnownProxies"]))
            {
                o.KnownProxies.Add(IPAddress.TryParse(text, out var address)
                    ? address : throw new InvalidOperationException($"Proxy:KnownProxies 中的“{text}”不是IP地址"));
            }
            foreach (var text in List(builder.Configuration["Proxy:KnownNetworks"]))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                    ? network : throw new InvalidOperationException($"Proxy:KnownNetworks 中的“{text}”不是网段（如 10.0.0.0/24）"));
            }
        });
        return builder;
    }

    public static void UseFupinReverseProxy(this WebApplication app)
    {
        if (List(app.Configuration["Proxy:KnownProxies"]).Concat(List(app.Configuration["Proxy:KnownNetworks"])).Any())
        {
            app.UseForwardedHeaders();
        }
    }

    private static IEnumerable<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
