using System.Globalization;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Phone numbers. A regex finds the shapes agents type ("555-0100", "(555) 010-0000", "+44 20 7946 0958",
/// "5550100000 x12"); libphonenumber, with the context's region, decides whether the digits can be a number
/// and formats it as E.164. A number without its area code keeps its local digits and the label "local".
/// </summary>
internal sealed partial class PhoneRecognizer : IEntitySource
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var digits = match.Groups["p"];
            if (digits.ValueSpan.TrimStart('(')[0] == '0' && Util.GetCountryCodeForRegion(context.DefaultRegion) == 1)
            {
                continue; // North America has no trunk "0": such digits are some other number.
            }

            PhoneNumber number;
            try
            {
                number = Util.Parse(digits.Value, context.DefaultRegion);
            }
            catch (NumberParseException)
            {
                continue;
            }

            var extension = match.Groups["ext"];
            var suffix = extension.Success ? ";ext=" + extension.Value : "";
            var span = extension.Success ? match.Groups["all"] : digits;
            switch (Util.IsPossibleNumberWithReason(number))
            {
                case PhoneNumberUtil.ValidationResult.IS_POSSIBLE:
                    candidates.Add(Candidate.From(span, EntityKind.Phone, Util.Format(number, PhoneNumberFormat.E164) + suffix, Precedence.Phone));
                    break;
                case PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
                    var local = number.NationalNumber.ToString(CultureInfo.InvariantCulture) + suffix;
                    candidates.Add(Candidate.From(span, EntityKind.Phone, local, Precedence.Phone, "local"));
                    break;
                default:
                    break;
            }
        }
    }

    // International with "+"; North American 10 or 11 digits, separators optional; national with a trunk "0"
    // (for regions other than the US); 7-digit local with "-" or " ".
    // Nothing glued to a word, "#", a currency sign, a dot or a hyphen on either side, so order numbers,
    // IPs, versions, dates and money are left alone.
    [GeneratedRegex("""
        (?<![\w+\#$€£.:/-])
        (?<all>
          (?<p>
              \+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}
            | (?:1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}
            | \(?0\d{1,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}
            | \d{3}[\ -]\d{4}
          )
          (?:\s*(?:x|ext\.?|extension)\s*(?<ext>\d{1,6}))?
        )
        (?![\w-]|[.:/]\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
