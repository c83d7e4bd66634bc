using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Dotted versions after "fw", "f/w", "firmware", "version", "ver" or "v": "FW 2.800.0000000.13.R",
/// "firmware version is v4.10", "v1.2.3". The text keeps a typed "v"; the value drops it. Without one of
/// those cues a dotted number is no version (and four parts make an IP address).
/// </summary>
internal sealed partial class FirmwareVersionRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var typed = match.Groups["t"];
            candidates.Add(Candidate.From(typed, EntityKind.FirmwareVersion, match.Groups["v"].Value, Precedence.Labelled));
        }
    }

    [GeneratedRegex("""
        (?:
            \b(?:firmware|fw|f/w|version|ver)(?:\s*(?:version|ver\.?))?
            (?:\s*(?:is|was|now))?(?:\s*(?:on|at|of))?\s*[:=-]?\s*
            (?<t>v?\s?(?<v>\d+(?:\.[a-z0-9]+)+))
          | \b(?<t>v\s?(?<v>\d+(?:\.[a-z0-9]+)+))
        )
        (?![\w]|\.[a-z0-9])
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
