using System.ComponentModel;
using System.Management.Automation;
using System.Reflection;
using HgsDsc.Common;
using HgsDsc.Tests.Conformance;
using Xunit;

namespace HgsDsc.Tests.Common;

/// <summary>Rules every C# resource definition follows, so the generated PowerShell twin and the MOF schema are right.</summary>
public sealed class ResourceDefinitionTests
{
    public static IEnumerable<object[]> Resources() => EngineScenarios.ResourceNames();

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_enum_property_lists_all_its_names_in_a_ValidateSet(string name)
    {
        foreach (var property in DscResourceDescriptor.FindByName(name)!.Properties.Where(p => p.ElementType.IsEnum))
        {
            var validateSet = property.Property.GetCustomAttribute<ValidateSetAttribute>();
            Assert.True(validateSet != null, $"{name}.{property.Name} needs [ValidateSet] with the names of {property.ElementType.Name}.");
            Assert.Equal(Enum.GetNames(property.ElementType), validateSet!.ValidValues);
        }
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void The_resource_and_every_property_say_what_they_are_for(string name)
    {
        var resource = DscResourceDescriptor.FindByName(name)!;

        Assert.False(string.IsNullOrWhiteSpace(resource.Description), $"{name} needs a [Description].");
        Assert.All(resource.Properties, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{name}.{p.Name} needs a [Description]."));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void The_resource_is_a_sealed_public_class_with_a_parameterless_constructor_and_its_own_Get(string name)
    {
        var type = DscResourceDescriptor.FindByName(name)!.Type;

        Assert.True(type.IsSealed && type.IsPublic);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.Equal(type, type.GetMethod("Get", Type.EmptyTypes)!.ReturnType);
        Assert.True(typeof(IHgsDscResource).IsAssignableFrom(type));
        Assert.Contains(resource(type).Properties, p => p.Kind == DscPropertyKind.Key);
        Assert.All(resource(type).Properties, p => Assert.NotNull(p.PowerShellType));

        static DscResourceDescriptor resource(Type t) => DscResourceDescriptor.For(t);
    }

    [Fact]
    public void Configurable_value_properties_are_nullable_so_unset_stays_distinguishable()
    {
        var offenders = DscResourceDescriptor.All
            .SelectMany(r => r.Properties.Where(p => p.IsConfigurable && p.Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(p.Property.PropertyType) == null)
                .Select(p => r.Name + "." + p.Name))
            .ToList();

        Assert.True(offenders.Count == 0, "Make these nullable: " + string.Join(", ", offenders));
    }
}
