using System.Net;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>Picks, among the addresses the server listens on, the one a command on the same machine should call.</summary>
public static class HostAddresses
{
    /// <summary>
    /// Plain HTTP before HTTPS (a development certificate may not be trusted by the command), loopback
    /// before anything else; wildcard bindings become the matching loopback address. Null when there is
    /// no TCP address (a Unix socket, or a test server).
    /// </summary>
    public static string? ForLocalClient(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses
            .Select(Localise)
            .OfType<(Uri Uri, int Rank)>()
            .OrderBy(a => a.Rank)
            .Select(a => a.Uri.GetLeftPart(UriPartial.Authority))
            .FirstOrDefault();
    }

    private static (Uri Uri, int Rank)? Localise(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null;
        }

        if (binding.IsNamedPipe || binding.IsUnixPipe || binding.Port <= 0)
        {
            return null;
        }

        var (host, loopback) = binding.Host switch
        {
            "+" or "*" or "0.0.0.0" => ("127.0.0.1", true),
            "[::]" or "::" => ("[::1]", true),
            "localhost" => ("localhost", true),
            var other => (other, IPAddress.TryParse(other.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)),
        };
        var secure = string.Equals(binding.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate($"{binding.Scheme}://{host}:{binding.Port}", UriKind.Absolute, out var uri)
            ? (uri, (secure ? 2 : 0) + (loopback ? 0 : 1))
            : null;
    }
}
