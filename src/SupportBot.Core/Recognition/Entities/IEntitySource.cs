namespace SupportBot.Recognition.Entities;

/// <summary>One recogniser of one or a few kinds.</summary>
internal interface IEntitySource
{
    void Collect(string text, EntityContext context, List<Candidate> candidates);
}
