using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace HgsDsc.Common
{
    /// <summary>The MOF qualifier a <c>[DscProperty]</c> carries.</summary>
    public enum DscPropertyKind
    {
        Key,
        Required,
        Write,
        Read,
    }

    /// <summary>
    /// What the C# attributes say about one property of a resource: the single description
    /// from which the PowerShell twin, the resource listing and the comparisons are made.
    /// </summary>
    public sealed class DscPropertyDescriptor
    {
        internal DscPropertyDescriptor(PropertyInfo property, DscPropertyAttribute attribute)
        {
            Property = property;
            Name = property.Name;
            Kind = attribute.Key ? DscPropertyKind.Key
                : attribute.Mandatory ? DscPropertyKind.Required
                : attribute.NotConfigurable ? DscPropertyKind.Read
                : DscPropertyKind.Write;
            ElementType = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
            ElementType = Nullable.GetUnderlyingType(ElementType) ?? ElementType;
            IsArray = property.PropertyType.IsArray;
            var validateSet = property.GetCustomAttribute<ValidateSetAttribute>();
            AllowedValues = validateSet != null ? validateSet.ValidValues.ToArray()
                : ElementType.IsEnum ? Enum.GetNames(ElementType)
                : null;
        }

        public string Name { get; }

        public PropertyInfo Property { get; }

        public DscPropertyKind Kind { get; }

        /// <summary>The type of the value, or of each element of an array, without Nullable.</summary>
        public Type ElementType { get; }

        public bool IsArray { get; }

        /// <summary>The values the property accepts (its ValueMap), or null when any value of its type goes.</summary>
        public IReadOnlyList<string>? AllowedValues { get; }

        /// <summary>Whether a configuration may set this property (Key, Required, Write).</summary>
        public bool IsConfigurable => Kind != DscPropertyKind.Read;

        /// <summary>What the property is for, from its [Description].</summary>
        public string Description => Property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty;

        /// <summary>
        /// The type the PowerShell twin declares: a string (with a ValidateSet) for an enum, a
        /// Nullable for an optional value type, so that "not set" stays distinguishable.
        /// </summary>
        public string PowerShellType
        {
            get
            {
                string element;
                if (ElementType.IsEnum || ElementType == typeof(string))
                {
                    element = "System.String";
                }
                else if (ElementType == typeof(HgsDscReason))
                {
                    element = nameof(HgsDscReason);
                }
                else if (ElementType == typeof(PSCredential))
                {
                    element = "System.Management.Automation.PSCredential";
                }
                else if (ElementType == typeof(bool) || ElementType == typeof(int) || ElementType == typeof(uint) || ElementType == typeof(long))
                {
                    element = ElementType.FullName!;
                    if (!IsArray && Kind != DscPropertyKind.Key)
                    {
                        return "Nullable[" + element + "]";
                    }
                }
                else
                {
                    throw new NotSupportedException($"{Property.DeclaringType?.Name}.{Name}: HgsDsc has no PowerShell mapping for {Property.PropertyType}.");
                }

                return IsArray ? element + "[]" : element;
            }
        }
    }

    /// <summary>One class-based resource of this assembly and its properties, read from its attributes.</summary>
    public sealed class DscResourceDescriptor
    {
        private DscResourceDescriptor(Type type)
        {
            Type = type;
            Name = type.Name;
            Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new { Property = p, Attribute = p.GetCustomAttribute<DscPropertyAttribute>() })
                .Where(p => p.Attribute != null)
                .OrderBy(p => p.Property.DeclaringType == type ? 0 : 1)
                .ThenBy(p => p.Property.MetadataToken)
                .Select(p => new DscPropertyDescriptor(p.Property, p.Attribute!))
                .ToArray();
        }

        public string Name { get; }

        public Type Type { get; }

        public IReadOnlyList<DscPropertyDescriptor> Properties { get; }

        /// <summary>What the resource is for, from its [Description].</summary>
        public string Description => Type.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty;

        public DscPropertyDescriptor? Find(string name) =>
            Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        public static DscResourceDescriptor For(Type type)
        {
            if (type.GetCustomAttribute<DscResourceAttribute>() == null)
            {
                throw new ArgumentException($"{type.FullName} is not a DSC resource.", nameof(type));
            }

            return new DscResourceDescriptor(type);
        }

        /// <summary>Every resource of HgsDsc, by name.</summary>
        public static IReadOnlyList<DscResourceDescriptor> All { get; } = typeof(DscResourceDescriptor).Assembly
            .GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetCustomAttribute<DscResourceAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new DscResourceDescriptor(t))
            .ToArray();

        public static DscResourceDescriptor? FindByName(string name) =>
            All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
