using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>Email addresses; the value is lower-case.</summary>
internal sealed partial class EmailRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in Pattern().Matches(text))
        {
            var address = match.Groups["e"];
            candidates.Add(Candidate.From(address, EntityKind.Email, address.Value.ToLowerInvariant(), Precedence.Unmistakable));
        }
    }

    [GeneratedRegex(@"(?<![\w.%+-])(?<e>[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24})(?![\w-]|\.[a-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
