using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Commands
{
    /// <summary>
    /// The bridge from a PowerShell resource class to its C# implementation: copies the
    /// configured properties onto a new C# resource, calls Get, Test or Set, and routes its
    /// messages to the Verbose and Warning streams and its errors to typed error records.
    /// Called by the classes of HgsDsc.psm1; not meant for people, so not exported.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "HgsDscResourceMethod")]
    [OutputType(typeof(bool), typeof(PSObject))]
    public sealed class InvokeHgsDscResourceMethodCommand : PSCmdlet, IDscLog
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public PSObject Resource { get; set; } = null!;

        [Parameter(Mandatory = true)]
        [ValidateSet("Get", "Test", "Set")]
        public string Method { get; set; } = null!;

        /// <summary>For Get: the new PowerShell resource object to fill with the current state.</summary>
        [Parameter]
        public PSObject? State { get; set; }

        private static LocalizedStrings Strings => LocalizedStrings.Load("HgsDsc.Common");

        void IDscLog.Verbose(string message) => WriteVerbose(message);

        void IDscLog.Warning(string message) => WriteWarning(message);

        protected override void ProcessRecord()
        {
            try
            {
                var descriptor = Describe(Resource);
                var resource = CreateResource(descriptor, Resource);
                resource.AttachLog(this);
                switch (Method)
                {
                    case "Get":
                        WriteObject(ToPowerShell(descriptor, resource.Get(), State));
                        break;
                    case "Test":
                        WriteObject(resource.Test());
                        break;
                    default:
                        resource.Set();
                        break;
                }
            }
            catch (HgsDscException e)
            {
                ThrowTerminatingError(e.ToErrorRecord());
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && !(e is OutOfMemoryException))
            {
                // A defect, not a node state: still one typed record that says where it happened.
                var name = Resource.BaseObject.GetType().Name;
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException(Strings.Format("UnexpectedError", name, Method, e.GetType().Name, e.Message), e),
                    "UnexpectedError",
                    ErrorCategory.NotSpecified,
                    name));
            }
        }

        internal static DscResourceDescriptor Describe(PSObject resource)
        {
            var name = resource.BaseObject.GetType().Name;
            return DscResourceDescriptor.FindByName(name)
                ?? throw new HgsDscException(
                    "UnknownResource",
                    ErrorCategory.InvalidArgument,
                    Strings.Format("UnknownResource", name, string.Join(", ", DscResourceDescriptor.All.Select(r => r.Name))),
                    name);
        }

        /// <summary>A new C# resource carrying every configurable property the PowerShell object has set.</summary>
        internal static IHgsDscResource CreateResource(DscResourceDescriptor descriptor, PSObject source)
        {
            var resource = (IHgsDscResource)Activator.CreateInstance(descriptor.Type)!;
            foreach (var property in descriptor.Properties.Where(p => p.IsConfigurable))
            {
                var value = source.Properties[property.Name]?.Value;
                if (value == null)
                {
                    continue;
                }

                object? converted;
                try
                {
                    converted = LanguagePrimitives.ConvertTo(value, property.Property.PropertyType, CultureInfo.InvariantCulture);
                }
                catch (PSInvalidCastException e)
                {
                    throw new InvalidPropertyValueException(
                        property.Name, value, Strings.Format("PropertyConversionFailed", property.Name, value, e.Message));
                }

                property.Property.SetValue(resource, converted);
            }

            return resource;
        }

        /// <summary>
        /// The C# state in PowerShell terms: enums as their names, reasons as hashtables that
        /// PowerShell converts to the module's HgsDscReason class. Fills <paramref name="target"/>
        /// when given (the PowerShell twin), else returns a hashtable.
        /// </summary>
        internal static object ToPowerShell(DscResourceDescriptor descriptor, object state, PSObject? target)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in descriptor.Properties)
            {
                var value = property.Property.GetValue(state);
                if (value == null)
                {
                    continue;
                }

                table[property.Name] = ToPowerShellValue(value);
            }

            if (target == null)
            {
                return table;
            }

            foreach (DictionaryEntry entry in table)
            {
                target.Properties[(string)entry.Key].Value = entry.Value;
            }

            return target;
        }

        private static object ToPowerShellValue(object value)
        {
            switch (value)
            {
                case Enum e:
                    return e.ToString();
                case HgsDscReason reason:
                    return new Hashtable { ["Code"] = reason.Code, ["Phrase"] = reason.Phrase };
                case Array items when items.GetType().GetElementType() is Type element
                                      && (element.IsEnum || element == typeof(HgsDscReason) || Nullable.GetUnderlyingType(element)?.IsEnum == true):
                    return items.Cast<object?>().Where(i => i != null).Select(i => ToPowerShellValue(i!)).ToArray();
                default:
                    return value;
            }
        }
    }
}
