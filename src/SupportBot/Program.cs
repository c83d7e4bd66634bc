namespace SupportBot.Host; public static class Program { public static int Main() => 0; }
