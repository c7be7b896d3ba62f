using System;
using System.Collections.Concurrent;

namespace HgsDsc.Common
{
    /// <summary>
    /// Where a resource built by a DSC engine (through its parameterless constructor) gets the
    /// implementations that reach the node. In production that is always the real Windows
    /// implementation; the engine-conformance tests, which must construct resources exactly as
    /// the engines do, replace the ones that need Windows APIs with fakes.
    /// </summary>
    public static class NodeServices
    {
        private static readonly ConcurrentDictionary<Type, Func<object>> Replacements = new ConcurrentDictionary<Type, Func<object>>();

        public static T Get<T>(Func<T> production)
            where T : class =>
            Replacements.TryGetValue(typeof(T), out var replacement) ? (T)replacement() : production();

        /// <summary>Replaces <typeparamref name="T"/> until the returned handle is disposed.</summary>
        internal static IDisposable Replace<T>(Func<T> factory)
            where T : class
        {
            Replacements[typeof(T)] = factory;
            return new Restore(typeof(T));
        }

        private sealed class Restore : IDisposable
        {
            private readonly Type type;

            public Restore(Type type) => this.type = type;

            public void Dispose() => Replacements.TryRemove(type, out _);
        }
    }
}
