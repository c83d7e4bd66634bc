using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Ports 1–65535 after "port" ("port 554", "http port 8080", "TCP port: 37777", "port forwarded 8000"), in a
/// list ("ports 80, 443 and 554", "port 80 and 443"), or as "37777/tcp". The label ("http", "https", "tcp", "udp",
/// "rtsp"…) is kept when typed. "port forwarding" without a number is no port, and neither is a socket on the
/// hardware ("usb port 2", "poe port 12", "lan port 3"). "ip:port" is read by
/// <see cref="IpAddressRecognizer"/>.
/// </summary>
internal sealed partial class PortRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Labelled().Matches(text))
        {
            var label = match.Groups["label"] is { Success: true } l ? l.Value.ToLowerInvariant() : null;
            Add(match.Groups["n"], label, candidates);

            // "ports 80, 443 and 554"; after a singular "port" ("port 80 and 443") only numbers of 2+ digits.
            var plural = match.Groups["plural"].Success;
            for (var next = More().Match(text, match.Index + match.Length); next.Success; next = More().Match(text, next.Index + next.Length))
            {
                var number = next.Groups["n"];
                if (!plural && number.Length < 2)
                {
                    break;
                }

                Add(number, label, candidates);
            }
        }

        foreach (Match match in Slashed().Matches(text))
        {
            Add(match.Groups["n"], match.Groups["label"].Value.ToLowerInvariant(), candidates);
        }
    }

    /// <summary>Reads a port number, 1–65535, into its canonical text.</summary>
    public static bool TryParse(ReadOnlySpan<char> digits, out string port)
    {
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535)
        {
            port = n.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        port = "";
        return false;
    }

    private static void Add(Group number, string? label, List<Candidate> candidates)
    {
        if (TryParse(number.ValueSpan, out var port))
        {
            candidates.Add(Candidate.From(number, EntityKind.Port, port, Precedence.Labelled, label));
        }
    }

    [GeneratedRegex("""
        (?<!\b(?:usb|poe|ethernet|lan|wan|network|rj-?45|sfp|switch|hdmi|vga|alarm|audio|power|charging|sd|card)[\s-]*)
        \b(?:(?<label>https?|tcp|udp|rtsp|rtmp|ssh|ftp|onvif)\s*)?port(?<plural>s)?\b
        (?:\s*(?:forward(?:ing|ed)?|fwd)(?:\s+(?:for|on|to|of))?)?
        (?:\s*(?:number|num|no\.?))?
        (?:\s*(?:is|was|of|at|to|on|set\s+to))?
        \s*[:=\#]?\s*(?<n>\d{1,5})
        (?![\w]|\.\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Labelled();

    // The next number of a list, unless it counts something else ("port 8080 and 10 cameras", "and 3 days").
    [GeneratedRegex("""
        \G\s*(?:,|/|&|\band\b|\bor\b)\s*(?<n>\d{1,5})
        (?![\w]|\.\d|\s?/\s?[a-z]|\s*(?:%|sec|min|h(?:ou)?rs?|hours?|days?|w(?:ee)?ks?|weeks?|mo(?:nth)?s?|y(?:ea)?rs?|years?|cams?|cameras?|units?|devices?|times?|people|gb|mb|mbps|fps|ft|feet)\b)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex More();

    [GeneratedRegex(@"(?<![\w./:])(?<n>\d{1,5})\s?/\s?(?<label>tcp|udp)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Slashed();
}
