using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

/// <summary>Runs the entity recogniser against a fixed moment: Wednesday 2026-11-25, 15:00 UTC.</summary>
internal static class Recognize
{
    public static readonly DateTimeOffset Reference = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public static EntityContext Context { get; } = EntityContext.Utc(Reference);

    public static IReadOnlyList<Entity> All(string text, EntityContext? context = null) =>
        EntityRecognizer.Default.Recognize(text, context ?? Context);

    public static List<Entity> Of(EntityKind kind, string text, EntityContext? context = null) =>
        All(text, context).Where(e => e.Kind == kind).ToList();

    /// <summary>The values of one kind, in message order.</summary>
    public static string[] Values(EntityKind kind, string text, EntityContext? context = null) =>
        Of(kind, text, context).Select(e => e.Value).ToArray();

    /// <summary>The only entity of that kind; fails the test when there is not exactly one.</summary>
    public static Entity One(EntityKind kind, string text, EntityContext? context = null) =>
        Assert.Single(Of(kind, text, context));
}
