using HgsDsc.Common;

namespace HgsDsc.Tests.Infrastructure;

/// <summary>An <see cref="IDscLog"/> that keeps what it was told, for assertions.</summary>
public sealed class RecordingLog : IDscLog
{
    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    void IDscLog.Verbose(string message) => Verbose.Add(message);

    void IDscLog.Warning(string message) => Warnings.Add(message);
}
