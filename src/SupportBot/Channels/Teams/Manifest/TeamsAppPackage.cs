using System.IO.Compression;
using System.Text;

namespace SupportBot.Host.Channels.Teams.Manifest;

/// <summary>
/// The zip uploaded to Teams: <c>manifest.json</c> (the template with the app id filled in) and the two
/// icons it names, all at the root of the archive.
/// </summary>
internal sealed class TeamsAppPackage
{
    public const string ManifestEntryName = "manifest.json";

    private TeamsAppPackage(string manifestJson, IReadOnlyList<string> problems, byte[]? zip)
    {
        ManifestJson = manifestJson;
        Problems = problems;
        Zip = zip;
    }

    /// <summary>The filled manifest, as written into the zip.</summary>
    public string ManifestJson { get; }

    /// <summary>Why no package was made; empty when <see cref="Zip"/> is set.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The archive, or null when the manifest has problems.</summary>
    public byte[]? Zip { get; }

    /// <summary>
    /// Fills <c>manifest.template.json</c> in <paramref name="manifestFolder"/> with <paramref name="appId"/>,
    /// checks the result and zips it with its icons.
    /// </summary>
    /// <exception cref="IOException">The template cannot be read.</exception>
    public static TeamsAppPackage Create(string manifestFolder, Guid appId)
    {
        var template = File.ReadAllText(Path.Combine(manifestFolder, TeamsAppManifest.TemplateFileName));
        var manifest = TeamsAppManifest.Fill(template, appId);
        var files = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        byte[]? Read(string name)
        {
            if (!files.TryGetValue(name, out var bytes))
            {
                var path = Path.Combine(manifestFolder, name);
                files[name] = bytes = File.Exists(path) ? File.ReadAllBytes(path) : null;
            }

            return bytes;
        }

        var problems = TeamsAppManifest.Validate(manifest, Read);
        if (problems.Count > 0)
        {
            return new TeamsAppPackage(manifest, problems, null);
        }

        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, ManifestEntryName, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(manifest));
            foreach (var icon in TeamsAppManifest.IconPaths(manifest).Distinct(StringComparer.Ordinal))
            {
                Add(archive, icon, Read(icon)!);
            }
        }

        return new TeamsAppPackage(manifest, [], buffer.ToArray());
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
