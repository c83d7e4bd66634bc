namespace SupportBot.Activities;

/// <summary>Buttons offered with a message; a click sends the button's value back as text.</summary>
public sealed class SuggestedActions
{
    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string Type { get; set; } = "imBack";

    public string Title { get; set; } = "";

    public string? Value { get; set; }
}
