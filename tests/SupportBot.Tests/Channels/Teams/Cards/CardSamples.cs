using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Playbooks;

namespace SupportBot.Tests.Channels.Teams.Cards;

/// <summary>Sample replies, outcomes and escalations shaped like the ones SupportBot produces.</summary>
internal static class CardSamples
{
    public static readonly DateTimeOffset Created = new(2025, 1, 10, 9, 30, 0, TimeSpan.Zero);

    public static Activity Incoming(string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000123",
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:1UserMri", Name = "Ada" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "SupportBot" },
        Conversation = new ConversationAccount { Id = "a:1personal", ConversationType = "personal" },
        Text = "hello",
    };

    public static Activity Prompt(string text, params (string Title, string Value)[] choices)
    {
        var reply = Incoming().CreateReply(text);
        reply.InputHint = "expectingInput";
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = choices.Select(c => new CardAction { Type = "imBack", Title = c.Title, Value = c.Value }).ToList(),
        };
        return reply;
    }

    public static OutcomeView Outcome(bool escalate, string urgency = "urgent") => new()
    {
        PlaybookId = "lost-camera",
        PlaybookTitle = "Camera stopped checking in",
        Title = "Replace the camera under warranty",
        Actions = ["Confirm the shipping address", "Create an RMA for serial **SN-1234**", "Tell the customer it ships in 2 days"],
        Note = new NoteView
        {
            Customer = "Account holder",
            Reason = "Camera not checking in since 2025-01-02",
            Resolution = ["Power-cycled the camera", "Checked the data plan"],
            AdditionalInfo = "Model X-100, firmware 4.2",
            FollowUp = "E-mail on Friday",
        },
        DispositionCategory = "Hardware",
        DispositionName = "Warranty replacement",
        EscalationRoute = escalate ? "escalation-lead" : null,
        EscalationUrgency = escalate ? urgency : null,
        EscalationReason = escalate ? "Second replacement in 90 days" : null,
    };

    public static Escalation Escalation(EscalationStatus status, string urgency = "urgent")
    {
        var e = new Escalation
        {
            Id = 42,
            PlaybookId = "chargeback-threat",
            Category = "Chargeback threat",
            Urgency = urgency,
            Route = "escalation-lead",
            OffHours = false,
            Reason = "Customer threatens a chargeback",
            Customer = "Account holder (Jane D.)",
            Summary = "Customer was billed twice for January and threatens a chargeback.",
            Tried = ["Checked billing history", "Offered a callback"],
            Asks = ["Approve a refund of $29.99"],
            Note = "Customer: Account holder\nReason: Double billing\nResolution:\n- Checked billing history\nFollow-up: None",
            Facts = new JsonObject { ["amount"] = "29.99" },
            Conversation = new ConversationReference("msteams", "a:1personal", "https://smba.trafficmanager.net/emea/", "29:agent", "Test Agent"),
            CreatedAt = Created,
            Status = status,
            Assignee = status is EscalationStatus.Expired ? null : "lead-anna",
            Version = 1,
        };
        e.Audit.Add(new AuditEntry(Created, "Test Agent", "created", "routed to escalation-lead, urgency " + urgency));
        switch (status)
        {
            case EscalationStatus.Acknowledged:
                e.Audit.Add(new AuditEntry(Created.AddMinutes(4), "lead-anna", "acknowledged"));
                break;
            case EscalationStatus.TakenOver:
                e.Audit.Add(new AuditEntry(Created.AddMinutes(6), "lead-anna", "took over"));
                break;
            case EscalationStatus.Resolved:
                e.Audit.Add(new AuditEntry(Created.AddMinutes(9), "lead-anna", "approved"));
                e.Decision = "approved";
                break;
            case EscalationStatus.ReturnedToAgent:
                e.Audit.Add(new AuditEntry(Created.AddMinutes(9), "lead-anna", "returned", "Missing the serial number"));
                break;
            case EscalationStatus.Expired:
                e.Audit.Add(new AuditEntry(Created.AddMinutes(30), "supportbot", "expired", "end of chain"));
                break;
        }

        return e;
    }
}
