using System.Globalization;
using System.Text.RegularExpressions;
using HgsDsc.Common.Localization;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Common;

public sealed class LocalizationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hgsdsc-strings-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private void Write(string culture, string name, string body)
    {
        Directory.CreateDirectory(Path.Combine(folder, culture));
        File.WriteAllText(Path.Combine(folder, culture, name + ".strings.psd1"), "# comment\nConvertFrom-StringData @'\n" + body + "\n'@\n");
    }

    [Fact]
    public void Parses_keys_values_comments_and_escapes_like_ConvertFrom_StringData()
    {
        var table = StringDataFile.Parse("ConvertFrom-StringData @'\n  # a comment\n\n  First = one = two (X0001)\n  Path = \\\\Microsoft\\\\Windows\\tTab\n'@", "test");

        Assert.Equal("one = two (X0001)", table["First"]);
        Assert.Equal("\\Microsoft\\Windows\tTab", table["Path"]);
        Assert.Equal(2, table.Count);
    }

    [Theory]
    [InlineData("ConvertFrom-StringData @'\nno equals sign\n'@", "line 2")]
    [InlineData("ConvertFrom-StringData @'\nA = 1\nA = 2\n'@", "defined twice")]
    [InlineData("A = 1", "here-string")]
    [InlineData("ConvertFrom-StringData @'\nA = 1\n", "here-string")]
    public void A_malformed_strings_file_is_rejected_with_where_and_why(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StringDataFile.Parse(text, "bad.strings.psd1"));

        Assert.Contains(expected, error.Message);
        Assert.Contains("bad.strings.psd1", error.Message);
    }

    [Fact]
    public void A_translation_wins_and_en_US_fills_what_it_lacks()
    {
        Write("en-US", "Sample", "Hello = Hello {0}\nBye = Goodbye");
        Write("de-DE", "Sample", "Hello = Hallo {0}");

        var strings = LocalizedStrings.Read("Sample", new CultureInfo("de-DE"), folder);

        Assert.Equal("Hallo Welt", strings.Format("Hello", "Welt"));
        Assert.Equal("Goodbye", strings["Bye"]);
    }

    [Fact]
    public void A_parent_culture_folder_serves_a_specific_culture()
    {
        Write("en-US", "Sample", "Hello = Hello");
        Write("fr", "Sample", "Hello = Bonjour");

        Assert.Equal("Bonjour", LocalizedStrings.Read("Sample", new CultureInfo("fr-CA"), folder)["Hello"]);
    }

    [Fact]
    public void A_missing_key_or_file_is_a_clear_error()
    {
        Write("en-US", "Sample", "Hello = Hello");

        var strings = LocalizedStrings.Read("Sample", CultureInfo.InvariantCulture, folder);

        Assert.Contains("Missing", Assert.Throws<KeyNotFoundException>(() => strings["Missing"]).Message);
        Assert.Contains("Other.strings.psd1", Assert.Throws<FileNotFoundException>(() => LocalizedStrings.Read("Other", CultureInfo.InvariantCulture, folder)).Message);
    }

    public static IEnumerable<object[]> StringsFiles() =>
        Directory.GetFiles(RepositoryPaths.Source, "*.strings.psd1", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(StringsFiles))]
    public void Every_shipped_message_has_a_unique_id_and_every_key_the_code_uses_exists(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        var table = StringDataFile.Load(path);
        var name = Path.GetFileName(path).Replace(".strings.psd1", string.Empty);

        var ids = table.Values.Select(v => Regex.Match(v, @"\(([A-Z]{3}\d{4})\)$")).ToList();
        Assert.All(ids, m => Assert.True(m.Success, "Every message ends with its id, e.g. (HAM0001)."));
        Assert.Equal(ids.Count, ids.Select(m => m.Value).Distinct().Count());

        // The code that reads this file: its resource folder, or the whole core for the shared strings.
        var codeFolder = name == "HgsDsc.Common" ? Path.Combine(RepositoryPaths.Source, "HgsDsc") : Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var code = string.Join("\n", Directory.GetFiles(codeFolder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var used = Regex.Matches(code, @"(?:Strings|strings)(?:\.Format\(|\[)\s*""(?<key>\w+)""").Select(m => m.Groups["key"].Value).ToHashSet();
        var unused = table.Keys.Where(k => !code.Contains('"' + k + '"', StringComparison.Ordinal)).ToList();

        Assert.True(unused.Count == 0, $"{name}: messages no code uses: {string.Join(", ", unused)}");
        if (name != "HgsDsc.Common")
        {
            var missing = used.Where(k => !table.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{name}: keys the code uses that the file lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_key_the_core_reads_from_the_shared_strings_exists()
    {
        var table = StringDataFile.Load(Path.Combine(RepositoryPaths.Source, "HgsDsc", "Common", "en-US", "HgsDsc.Common.strings.psd1"));
        var code = string.Join("\n", Directory.GetFiles(Path.Combine(RepositoryPaths.Source, "HgsDsc"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var used = Regex.Matches(code, @"CommonStrings\.Format\(\s*""(?<key>\w+)""|Load\(""HgsDsc\.Common""\)\.Format\(\s*""(?<key>\w+)""").Select(m => m.Groups["key"].Value).ToHashSet();

        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.True(table.ContainsKey(k), $"HgsDsc.Common.strings.psd1 lacks '{k}'."));
    }
}
