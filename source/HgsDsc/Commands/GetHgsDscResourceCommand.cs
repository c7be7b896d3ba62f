using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;

namespace HgsDsc.Commands
{
    /// <summary>A property of an HgsDsc resource, as Get-HgsDscResource lists it.</summary>
    public sealed class HgsDscPropertyInfo
    {
        public string Name { get; internal set; } = string.Empty;

        public string Type { get; internal set; } = string.Empty;

        public string Qualifier { get; internal set; } = string.Empty;

        public string[] AllowedValues { get; internal set; } = new string[0];

        public string Description { get; internal set; } = string.Empty;

        public override string ToString() => Name;
    }

    /// <summary>An HgsDsc resource, as Get-HgsDscResource lists it.</summary>
    public sealed class HgsDscResourceInfo
    {
        public string Name { get; internal set; } = string.Empty;

        public string Description { get; internal set; } = string.Empty;

        public HgsDscPropertyInfo[] Properties { get; internal set; } = new HgsDscPropertyInfo[0];

        public override string ToString() => Name;
    }

    /// <summary>
    /// <para type="synopsis">Lists the DSC resources of HgsDsc and their properties.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HgsDscResource")]
    [OutputType(typeof(HgsDscResourceInfo))]
    public sealed class GetHgsDscResourceCommand : PSCmdlet
    {
        /// <summary>Resource names to list; wildcards allowed. All when omitted.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            foreach (var resource in DscResourceDescriptor.All.Where(r => patterns.Any(p => p.IsMatch(r.Name))))
            {
                WriteObject(new HgsDscResourceInfo
                {
                    Name = resource.Name,
                    Description = resource.Description,
                    Properties = resource.Properties.Select(p => new HgsDscPropertyInfo
                    {
                        Name = p.Name,
                        Type = p.PowerShellType,
                        Qualifier = p.Kind.ToString(),
                        AllowedValues = p.AllowedValues?.ToArray() ?? new string[0],
                        Description = p.Description,
                    }).ToArray(),
                });
            }
        }
    }
}
