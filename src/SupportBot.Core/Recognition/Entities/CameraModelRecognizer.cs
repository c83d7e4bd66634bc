using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Camera, recorder and video-management models, tolerant of case and of missing or extra hyphens and spaces:
/// the named lines ("reveal xpro", "Reveal X Pro", "x-pro" → "Reveal X-Pro"; "defend360" → "Defend 360";
/// "gen1", "first gen" → "Gen 1"; "dss 7016 s2" → "DSS7016-S2") and recorder/camera codes such as
/// "IPC-HDW1234", "ipc hdw1234", "nvr4208-8p" (→ "NVR4208-8P"). A plural ("2 reveal ultras") is the model; its
/// text leaves out the "s".
/// </summary>
internal sealed partial class CameraModelRecognizer : IEntitySource
{
    // Keys are the typed name lower-cased without spaces, hyphens or dots.
    private static readonly FrozenDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["revealsk"] = "Reveal SK",
        ["revealxb"] = "Reveal XB",
        ["revealxpro"] = "Reveal X-Pro",
        ["xpro"] = "Reveal X-Pro",
        ["reveal3"] = "Reveal 3.0",
        ["reveal30"] = "Reveal 3.0",
        ["reveal3pro"] = "Reveal 3.0 Pro",
        ["reveal30pro"] = "Reveal 3.0 Pro",
        ["revealultra"] = "Reveal Ultra",
        ["defendguardian"] = "Defend Guardian",
        ["defend360"] = "Defend 360",
        ["gen1"] = "Gen 1",
        ["genone"] = "Gen 1",
        ["1stgen"] = "Gen 1",
        ["firstgen"] = "Gen 1",
        ["1stgeneration"] = "Gen 1",
        ["firstgeneration"] = "Gen 1",
        ["dss4004"] = "DSS4004",
        ["dss7016"] = "DSS7016",
        ["dss4004s2"] = "DSS4004S2",
        ["dss7016s2"] = "DSS7016-S2",
        ["dssexpress"] = "DSS Express",
        ["dsspro"] = "DSS Pro",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var name = match.Groups["name"];
            if (name.Success)
            {
                if (Named.TryGetValue(Key(name.ValueSpan), out var canonical))
                {
                    candidates.Add(Candidate.From(name, EntityKind.CameraModel, canonical, Precedence.Shaped));
                }

                continue;
            }

            var family = match.Groups["fam"].Value.ToUpperInvariant();
            var rest = match.Groups["rest"].Value.ToUpperInvariant();
            var value = char.IsAsciiLetter(rest[0]) ? family + "-" + rest : family + rest;
            candidates.Add(Candidate.From(match.Groups["code"], EntityKind.CameraModel, value, Precedence.Shaped));
        }
    }

    private static string Key(ReadOnlySpan<char> typed)
    {
        Span<char> key = stackalloc char[typed.Length];
        var length = 0;
        foreach (var c in typed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(key[..length]);
    }

    [GeneratedRegex("""
        (?:
          \b(?<name>
              reveal[\s-]*(?:sk|xb|x[\s-]*pro|3(?:\.0)?(?:[\s-]*pro)?|ultra)
            | x[\s-]?pro
            | defend[\s-]*(?:guardian|360)
            | gen[\s-]*(?:1|one)
            | (?:1st|first)[\s-]*gen(?:eration)?
            | dss[\s-]*(?:4004|7016)(?:[\s-]*s2)?
            | dss[\s-]+(?:express|pro)
          )s?(?![\w]|\.\d)
        | (?<![\w-])(?<code>(?:dhi?-)?(?<fam>ipc|nvr|xvr|dvr|hcvr)(?:-|\s?(?=[a-z]))?(?<rest>[a-z]{0,6}\d{3,5}[a-z0-9]*(?:-[a-z0-9]+)*))(?![\w-])
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
