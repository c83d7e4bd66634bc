namespace SupportBot.Storage.LiteDb; internal static class Placeholder { }
