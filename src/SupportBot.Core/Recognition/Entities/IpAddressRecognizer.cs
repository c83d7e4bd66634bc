using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// IPv4 addresses, each part 0–255 ("192.168.001.108" as some recorder screens show it is 192.168.1.108), with
/// <see cref="Entity.Scope"/> from <see cref="IPAddress"/> and <see cref="IPNetwork"/>, and the label "wan", "lan"
/// or "gateway" when the words before say so ("wan ip 203.0.113.7", "local ip is 192.168.1.20"). An address
/// written "ip:port" also yields the <see cref="EntityKind.Port"/>, labelled with a URL scheme when there is one.
/// </summary>
internal sealed partial class IpAddressRecognizer : IEntitySource
{
    private static readonly (IPNetwork Network, IpScope Scope)[] Ranges =
    [
        (IPNetwork.Parse("10.0.0.0/8"), IpScope.Private),
        (IPNetwork.Parse("172.16.0.0/12"), IpScope.Private),
        (IPNetwork.Parse("192.168.0.0/16"), IpScope.Private),
        (IPNetwork.Parse("127.0.0.0/8"), IpScope.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), IpScope.LinkLocal),
        (IPNetwork.Parse("100.64.0.0/10"), IpScope.CarrierGradeNat),
        (IPNetwork.Parse("0.0.0.0/8"), IpScope.Reserved),
        (IPNetwork.Parse("224.0.0.0/4"), IpScope.Reserved),
        (IPNetwork.Parse("240.0.0.0/4"), IpScope.Reserved),
    ];

    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var ip = match.Groups["ip"];
            var address = Parse(ip.ValueSpan);
            if (address is null)
            {
                continue;
            }

            var candidate = Candidate.From(ip, EntityKind.IpAddress, address.ToString(), Precedence.Shaped, Label(match.Groups["kw"]));
            candidates.Add(candidate with { Entity = candidate.Entity with { Scope = ScopeOf(address) } });

            var port = match.Groups["port"];
            if (port.Success && PortRecognizer.TryParse(port.ValueSpan, out var number))
            {
                var scheme = match.Groups["scheme"];
                candidates.Add(Candidate.From(port, EntityKind.Port, number, Precedence.Labelled, scheme.Success ? scheme.Value.ToLowerInvariant() : null));
            }
        }
    }

    /// <summary>Whether an address is public, private, loopback and so on.</summary>
    public static IpScope ScopeOf(IPAddress address)
    {
        foreach (var (network, scope) in Ranges)
        {
            if (network.Contains(address))
            {
                return scope;
            }
        }

        return IpScope.Public;
    }

    private static IPAddress? Parse(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        foreach (var range in text.Split('.'))
        {
            if (part == 4 || !byte.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[part]))
            {
                return null;
            }

            part++;
        }

        return part == 4 ? new IPAddress(bytes) : null;
    }

    private static string? Label(Group keyword) => keyword.Success ? keyword.Value.ToLowerInvariant() switch
    {
        "wan" or "public" or "external" => "wan",
        "lan" or "local" or "internal" or "private" => "lan",
        _ => "gateway",
    } : null;

    [GeneratedRegex("""
        (?:\b(?<kw>wan|lan|public|external|internal|local|private|router|gateway)\s*(?:ip(?:v4)?\s*)?(?:address\s*|addr\s*)?(?:is\s+|[:=]\s*|of\s+|at\s+)?)?
        (?:(?<scheme>https?|rtsp)://)?
        (?<![\w.])(?<ip>\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?::(?<port>\d{1,5}))?
        (?![\w]|\.\d|:\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
