namespace SupportBot.Browser.Tests;

/// <summary>A test that needs Chromium: skipped with the reason when there is none, unless a browser is required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.Required)
        {
            Skip = Chromium.MissingReason;
        }
    }
}
