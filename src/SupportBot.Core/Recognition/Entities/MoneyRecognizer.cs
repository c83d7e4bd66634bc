using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Amounts of money: "$49.99", "US$20", "49.99 usd", "EUR 20", "€20", "20€", "20 bucks", "99 cents".
/// The value is the amount with two or more decimals and the ISO-4217 code: "49.99 USD". A bare "$",
/// "dollars" or "bucks" is the dollar of the context's region (USD unless the region is CA, AU or NZ).
/// </summary>
internal sealed partial class MoneyRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var number = match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                continue;
            }

            var word = match.Groups["word"].Value.ToLowerInvariant();
            if (word.StartsWith("cent", StringComparison.Ordinal))
            {
                amount /= 100;
            }

            var currency = Currency(match, word, context.DefaultRegion);
            var value = amount.ToString("0.00##", CultureInfo.InvariantCulture) + " " + currency;
            var entity = Candidate.From(match.Groups["all"], EntityKind.Money, value, Precedence.Shaped);
            candidates.Add(entity with { Entity = entity.Entity with { Amount = amount, Unit = currency } });
        }
    }

    private static string Currency(Match match, string word, string region)
    {
        var code = match.Groups["code"];
        if (code.Success)
        {
            return code.Value.ToUpperInvariant();
        }

        if (word.StartsWith("euro", StringComparison.Ordinal))
        {
            return "EUR";
        }

        return match.Groups["sym"].Value switch
        {
            "€" => "EUR",
            "£" => "GBP",
            _ => match.Groups["pre"].Value.ToUpperInvariant() switch
            {
                "US" => "USD",
                "C" or "CA" => "CAD",
                "A" or "AU" => "AUD",
                "NZ" => "NZD",
                _ => RegionDollar(region),
            },
        };
    }

    private static string RegionDollar(string region) => region.ToUpperInvariant() switch
    {
        "CA" => "CAD",
        "AU" => "AUD",
        "NZ" => "NZD",
        _ => "USD",
    };

    [GeneratedRegex("""
        (?<![\w.$€£])
        (?<all>
            (?<pre>us|ca|c|au|a|nz)?(?<sym>[$€£])\s?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)
          | (?<code>usd|eur|gbp|cad|aud|nzd)\s?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)
          | (?<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)
            (?:\s?(?<code>usd|eur|gbp|cad|aud|nzd)|\s?(?<word>dollars?|bucks|euros?|cents?)|\s?(?<sym>[$€£]))
        )
        (?![\w$€£]|[.,]\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
