using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Text.RegularExpressions;
using HgsDsc.Common;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Conformance;

/// <summary>
/// What every DSC engine needs from every resource, checked the way the engines themselves
/// look: the DSC v3 adapter's AST scan, PSDesiredStateConfiguration 2.0.7's call sequence,
/// DscClassCache's MOF schema, and the manifest. New resources are covered automatically.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EngineConformanceTests
{
    public static IEnumerable<object[]> Resources() => EngineScenarios.ResourceNames();

    [Fact]
    public void Every_resource_has_an_engine_scenario()
    {
        var missing = DscResourceDescriptor.All.Select(r => r.Name).Where(n => !EngineScenarios.All.ContainsKey(n)).ToList();

        Assert.True(missing.Count == 0, "Add an IEngineScenario for: " + string.Join(", ", missing));
        Assert.NotEmpty(DscResourceDescriptor.All);
    }

    // 1. The DSC v3 PowerShell adapter finds resources by parsing the .psm1.
    [Theory]
    [MemberData(nameof(Resources))]
    public void Root_module_AST_declares_the_resource_with_every_property(string name)
    {
        var ast = Parser.ParseFile(TestModule.RootModulePath, out _, out var errors);
        Assert.Empty(errors);

        var type = ast.FindAll(a => a is TypeDefinitionAst t && t.Name == name, true).Cast<TypeDefinitionAst>().SingleOrDefault();
        Assert.True(type != null, $"HgsDsc.psm1 has no class {name}.");
        Assert.Contains(type!.Attributes, a => a.TypeName.Name == "DscResource");

        var declared = type.Members.OfType<PropertyMemberAst>()
            .Select(p => (Property: p, Attribute: p.Attributes.FirstOrDefault(a => a.TypeName.Name == "DscProperty")))
            .Where(p => p.Attribute != null)
            .ToDictionary(p => p.Property.Name, p => Qualifier(p.Attribute!));
        var expected = DscResourceDescriptor.FindByName(name)!.Properties.ToDictionary(p => p.Name, p => p.Kind);

        Assert.Equal(expected.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
        Assert.Contains(expected, p => p.Value == DscPropertyKind.Key);

        var methods = type.Members.OfType<FunctionMemberAst>().ToDictionary(m => m.Name, m => m.ReturnType?.TypeName.Name);
        Assert.Equal(name, methods["Get"]);
        Assert.Equal("System.Boolean", methods["Test"]);
        Assert.Equal("void", methods["Set"]);
    }

    // 2. PSDesiredStateConfiguration 2.0.7: discovery (Get-Module -ListAvailable), a new runspace, 'using module', [Name]::new(), string properties, Get/Test/Set.
    [Theory]
    [MemberData(nameof(Resources))]
    public void The_PSDesiredStateConfiguration_call_sequence_gets_tests_and_sets(string name)
    {
        var scenario = EngineScenarios.All[name];

        // Get-DscResource (which Invoke-DscResource calls first) finds class resources through Get-Module -ListAvailable.
        using (var discovery = new PowerShellSession())
        {
            var listed = discovery.Run("(Get-Module -ListAvailable -Name $args[0]).ExportedDscResources", TestModule.ManifestPath).Select(o => o.ToString());
            Assert.Contains(name, listed);
        }

        using var engine = new PowerShellSession();
        scenario.Arrange(engine);
        using var replaced = scenario.ReplaceNodeServices();
        var instance = engine.Run($"using module \"{TestModule.ManifestPath}\"\nreturn [{name}]::new()").Single();

        using var caller = new PowerShellSession();
        var properties = new Hashtable();
        foreach (var property in scenario.Properties)
        {
            properties[property.Key] = property.Value;
        }

        caller.Run("foreach ($key in $args[1].Keys) { $args[0].$key = $args[1][$key] }", instance, properties);

        var state = caller.Run("$args[0].Get()", instance).Single();
        Assert.Equal(name, state.BaseObject.GetType().Name);
        var reasons = ((IEnumerable)state.Properties["Reasons"].Value).Cast<object>().Select(PSObject.AsPSObject).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r =>
        {
            Assert.Equal("HgsDscReason", r.BaseObject.GetType().Name);
            Assert.StartsWith($"{name}:{name}:", (string)r.Properties["Code"].Value);
            Assert.False(string.IsNullOrWhiteSpace((string)r.Properties["Phrase"].Value));
        });

        Assert.Equal(false, caller.Run("$args[0].Test()", instance).Single().BaseObject);
        caller.Run("$args[0].Set()", instance);
        Assert.Equal(true, caller.Run("$args[0].Test()", instance).Single().BaseObject);

        var after = caller.Run("$args[0].Get()", instance).Single();
        Assert.Empty((IEnumerable<object>)((IEnumerable)after.Properties["Reasons"].Value).Cast<object>());
    }

    // 3. DscClassCache.GenerateMofForType accepts the C# type and its PowerShell twin, and the schemas agree.
    [Theory]
    [MemberData(nameof(Resources))]
    public void The_MOF_schemas_of_the_CSharp_resource_and_its_PowerShell_twin_agree(string name)
    {
        using var engine = new PowerShellSession();
        var twin = (Type)engine.Run($"using module \"{TestModule.ManifestPath}\"\nreturn [{name}]").Single().BaseObject;
        var csharp = DscResourceDescriptor.FindByName(name)!.Type;

        var fromCSharp = MofSchema.Parse(GenerateMof(csharp), name);
        var fromTwin = MofSchema.Parse(GenerateMof(twin), name);

        Assert.NotEmpty(fromCSharp);
        Assert.Equal(fromCSharp.OrderBy(p => p.Key), fromTwin.OrderBy(p => p.Key));
    }

    // 4. The manifest: exact, explicit exports, both editions.
    [Fact]
    public void The_manifest_exports_exactly_the_resources_with_explicit_lists()
    {
        using var session = new PowerShellSession();
        var manifest = (Hashtable)session.Run("Import-PowerShellDataFile -Path $args[0]", TestModule.ManifestPath).Single().BaseObject;

        Assert.Equal(
            DscResourceDescriptor.All.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal),
            Strings(manifest["DscResourcesToExport"]).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var list in new[] { "CmdletsToExport", "FunctionsToExport", "VariablesToExport", "DscResourcesToExport" })
        {
            Assert.True(manifest.ContainsKey(list), $"The manifest must list {list} explicitly.");
            Assert.DoesNotContain(Strings(manifest[list]), n => n.Contains('*') || n.Contains('?'));
        }

        // With Cmdlets-, Functions- and AliasesToExport all explicit, PowerShell 7 lists no DSC resource
        // for the module (PowerShell/PowerShell#12054); the module defines no alias, so that list is left out.
        Assert.False(manifest.ContainsKey("AliasesToExport"), "AliasesToExport must stay out of the manifest: see the comment there.");

        Assert.Equal(new[] { "Core", "Desktop" }, Strings(manifest["CompatiblePSEditions"]).OrderBy(e => e));
        Assert.Equal("HgsDsc.psm1", manifest["RootModule"]);
        Assert.Contains("HgsDsc.dll", Strings(manifest["NestedModules"]));

        var cmdlets = typeof(DscResourceDescriptor).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a != null)
            .Select(a => a!.VerbName + "-" + a.NounName)
            .ToList();
        Assert.All(Strings(manifest["CmdletsToExport"]), c => Assert.Contains(c, cmdlets));
    }

    [Fact]
    public void The_root_module_uses_only_Windows_PowerShell_5_1_syntax()
    {
        Parser.ParseFile(TestModule.RootModulePath, out var tokens, out var errors);
        Assert.Empty(errors);

        var newer = new[] { "QuestionMark", "QuestionQuestion", "QuestionQuestionEquals", "QuestionDot", "QuestionLBracket", "AndAnd", "OrOr", "Clean" }
            .Select(n => Enum.TryParse<TokenKind>(n, out var kind) ? kind : (TokenKind?)null)
            .Where(k => k != null)
            .ToHashSet();
        var found = tokens.Where(t => newer.Contains(t.Kind)).Select(t => $"{t.Kind} at line {t.Extent.StartLineNumber}").ToList();

        Assert.True(found.Count == 0, "Syntax Windows PowerShell 5.1 lacks: " + string.Join(", ", found));
        Assert.DoesNotContain(File.ReadAllText(TestModule.RootModulePath), c => c > 127);
    }

    [Fact]
    public void The_root_module_names_no_CSharp_type_so_it_parses_before_the_dll_is_loaded()
    {
        var ast = Parser.ParseFile(TestModule.RootModulePath, out _, out _);
        var ownClasses = ast.FindAll(a => a is TypeDefinitionAst, true).Cast<TypeDefinitionAst>().Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var coreTypes = typeof(DscResourceDescriptor).Assembly.GetTypes().Where(t => t.IsPublic).SelectMany(t => new[] { t.Name, t.FullName! }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var named = ast.FindAll(a => a is TypeConstraintAst or TypeExpressionAst or AttributeAst, true)
            .Select(a => a switch
            {
                TypeConstraintAst c => c.TypeName,
                TypeExpressionAst e => e.TypeName,
                _ => ((AttributeAst)a).TypeName,
            })
            .SelectMany(Flatten)
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        Assert.DoesNotContain(named, n => !ownClasses.Contains(n) && (coreTypes.Contains(n) || n.StartsWith("HgsDsc.", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_committed_root_module_is_what_the_generator_writes_from_the_CSharp_resources()
    {
        var committed = File.ReadAllText(RepositoryPaths.RootModule).Replace("\r\n", "\n");

        Assert.True(
            committed == HgsDsc.Generation.PowerShellTwinWriter.Write(),
            "source/HgsDsc.psm1 differs from the C# resources: run './build.ps1 -Tasks generate' and commit it.");
    }

    private static IEnumerable<string> Flatten(ITypeName typeName) => typeName switch
    {
        GenericTypeName g => Flatten(g.TypeName).Concat(g.GenericArguments.SelectMany(Flatten)),
        ArrayTypeName a => Flatten(a.ElementType),
        _ => new[] { typeName.FullName },
    };

    private static DscPropertyKind Qualifier(AttributeAst attribute)
    {
        var named = attribute.NamedArguments.Select(a => a.ArgumentName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return named.Contains("Key") ? DscPropertyKind.Key
            : named.Contains("Mandatory") ? DscPropertyKind.Required
            : named.Contains("NotConfigurable") ? DscPropertyKind.Read
            : DscPropertyKind.Write;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        null => Array.Empty<string>(),
        string s => new[] { s },
        IEnumerable items => items.Cast<object>().Select(i => i.ToString()!),
        _ => new[] { value.ToString()! },
    };

    private static string GenerateMof(Type type)
    {
        var cache = typeof(PSObject).Assembly.GetType("Microsoft.PowerShell.DesiredStateConfiguration.Internal.DscClassCache", throwOnError: true)!;
        var generate = cache.GetMethod("GenerateMofForType", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, null, new[] { typeof(Type) }, null)!;
        return (string)generate.Invoke(null, new object[] { type })!;
    }
}

/// <summary>The engine tests load modules and replace NodeServices, which is process-wide: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "Engine";
}

/// <summary>The properties of one class in a MOF schema, as comparable text.</summary>
internal static class MofSchema
{
    private static readonly Regex PropertyLine = new(@"^\s*\[(?<qualifiers>[^\]]*)\]\s*(?<type>\w+)\s+(?<name>\w+)(?<array>\[\])?;", RegexOptions.Multiline);
    private static readonly Regex EmbeddedInstance = new(@"EmbeddedInstance\(""(?:[\w]*_)?(?<class>\w+)""\)");

    public static Dictionary<string, string> Parse(string mof, string className)
    {
        var start = mof.IndexOf("class " + className + " ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The MOF has no class {className}:\n{mof}");
        var body = mof.Substring(start, mof.IndexOf("};", start, StringComparison.Ordinal) - start);
        return PropertyLine.Matches(body).ToDictionary(
            m => m.Groups["name"].Value,
            m => EmbeddedInstance.Replace(m.Groups["qualifiers"].Value, e => $"EmbeddedInstance(\"{e.Groups["class"].Value}\")")
                 + " " + m.Groups["type"].Value + m.Groups["array"].Value);
    }
}
