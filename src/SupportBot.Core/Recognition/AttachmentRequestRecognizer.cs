using System.Text.RegularExpressions;

namespace SupportBot.Recognition;

/// <summary>
/// Recognises an agent saying the customer has been asked for files or is sending them,
/// and not saying the opposite ("customer won't send photos").
/// </summary>
public static partial class AttachmentRequestRecognizer
{
    public static bool IsRequested(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Requested().IsMatch(text) && !Refused().IsMatch(text);

    [GeneratedRegex(@"\b(send(s|ing)?|sent|email(s|ed|ing)?|e-mail(ed|ing)?|text(s|ed|ing)?|upload(s|ed|ing)?|forward(s|ed|ing)?|request(s|ed)?|ask(s|ed)? (for|them|him|her|cx|customer)|attach(es|ed|ing)?|on (the|their|its) way|coming)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Requested();

    [GeneratedRegex(@"\b(won'?t|will not|refus\w*|can'?t|cannot|unable|doesn'?t have|does not have|no (photos?|pics?|pictures?|images?|proof))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Refused();
}
