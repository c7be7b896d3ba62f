using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common.Localization;

namespace HgsDsc.Common
{
    /// <summary>
    /// The template every HgsDsc resource follows. A resource says how to read the node
    /// (<see cref="GetCurrentState"/>) and how to change the properties that differ
    /// (<see cref="Modify"/>); the base does the rest the same way for all of them:
    /// validate and normalise the input before touching the node, compare desired with
    /// current, fill <see cref="Reasons"/>, say what it found and what it changes, and verify
    /// after Set. Get and Test never change anything.
    /// </summary>
    public abstract class HgsDscResource<TSelf> : IHgsDscResource
        where TSelf : HgsDscResource<TSelf>, new()
    {
        private IDscLog log = NullDscLog.Instance;

        [DscProperty(NotConfigurable = true)]
        [System.ComponentModel.Description("Why the node is not in the desired state; empty when it is. Filled by Get.")]
        public HgsDscReason[]? Reasons { get; set; }

        protected static LocalizedStrings CommonStrings => LocalizedStrings.Load("HgsDsc.Common");

        /// <summary>The resource's own messages.</summary>
        protected LocalizedStrings Strings => LocalizedStrings.Load(ResourceName);

        protected static string ResourceName => typeof(TSelf).Name;

        protected static DscResourceDescriptor Descriptor { get; } = DscResourceDescriptor.For(typeof(TSelf));

        protected IDscLog Log => log;

        /// <summary>
        /// Which method the engine called. Readings are the same for all three; a resource may
        /// skip work that only serves people (names for messages) when it is Test, which engines
        /// call every 15 minutes.
        /// </summary>
        protected DscOperation Operation { get; private set; }

        /// <summary>Routes Verbose and Warning messages; the delegating cmdlet attaches itself here.</summary>
        public void AttachLog(IDscLog target) => log = target ?? NullDscLog.Instance;

        public TSelf Get()
        {
            Operation = DscOperation.Get;
            var desired = Prepare();
            var current = ReadCurrent(desired);
            var differences = Compare(desired, current);
            current.Reasons = differences.Select(d => d.ToReason(ResourceName)).ToArray();
            return current;
        }

        public bool Test()
        {
            Operation = DscOperation.Test;
            var desired = Prepare();
            var current = ReadCurrent(desired);
            var differences = Compare(desired, current);
            foreach (var difference in differences)
            {
                log.Verbose(difference.Phrase);
            }

            var inState = differences.Count == 0;
            log.Verbose(CommonStrings.Format(inState ? "InDesiredState" : "NotInDesiredState", ResourceName));
            return inState;
        }

        public void Set()
        {
            Operation = DscOperation.Set;
            var desired = Prepare();
            var current = ReadCurrent(desired);
            var differences = Compare(desired, current);
            if (differences.Count == 0)
            {
                log.Verbose(CommonStrings.Format("NothingToChange", ResourceName));
                return;
            }

            foreach (var difference in differences)
            {
                log.Verbose(CommonStrings.Format("WillChange", difference.Phrase));
            }

            Modify(desired, current, differences);

            var after = ReadCurrent(desired);
            var remaining = Compare(desired, after);
            VerifyAfterSet(desired, after, remaining);
        }

        /// <summary>
        /// Reads the node. The returned object carries the current value of every property this
        /// resource reports; keys are copied from the desired state by the base.
        /// </summary>
        protected abstract TSelf GetCurrentState(TSelf desired);

        /// <summary>Changes the node so that the given differences disappear, and nothing else.</summary>
        protected abstract void Modify(TSelf desired, TSelf current, IReadOnlyList<StateDifference> differences);

        /// <summary>
        /// Checks the input before anything touches the node. The base requires every Key and
        /// Required property; overrides add their own rules and call the base.
        /// </summary>
        protected virtual void AssertProperties()
        {
            foreach (var property in Descriptor.Properties.Where(p => p.Kind == DscPropertyKind.Key || p.Kind == DscPropertyKind.Required))
            {
                var value = property.Property.GetValue(this);
                if (value == null || (value is string s && s.Trim().Length == 0))
                {
                    throw new InvalidPropertyValueException(
                        property.Name, value, CommonStrings.Format("PropertyRequired", property.Name, ResourceName));
                }
            }
        }

        /// <summary>Puts input into its canonical form (trimmed, upper-cased thumbprints, ...).</summary>
        protected virtual void NormalizeProperties()
        {
        }

        /// <summary>
        /// Compares desired with current. The base compares every configurable, non-key
        /// property the configuration set; overrides add resource rules and call the base.
        /// </summary>
        protected virtual IReadOnlyList<StateDifference> Compare(TSelf desired, TSelf current)
        {
            var differences = new List<StateDifference>();
            foreach (var property in Descriptor.Properties.Where(p => p.Kind == DscPropertyKind.Write || p.Kind == DscPropertyKind.Required))
            {
                if (!IsCompared(property.Name))
                {
                    continue;
                }

                var expected = property.Property.GetValue(desired);
                if (expected == null)
                {
                    continue;
                }

                var actual = property.Property.GetValue(current);
                if (!ValuesEqual(expected, actual))
                {
                    differences.Add(new StateDifference(
                        property.Name, expected, actual, DescribeDifference(property.Name, expected, actual)));
                }
            }

            return differences;
        }

        /// <summary>Properties that steer behaviour rather than describe state are not compared.</summary>
        protected virtual bool IsCompared(string propertyName) => true;

        /// <summary>The sentence for one differing property; overrides add the guide's remediation.</summary>
        protected virtual string DescribeDifference(string propertyName, object? expected, object? actual) =>
            CommonStrings.Format("PropertyNotInDesiredState", propertyName, ValueText.Of(expected), ValueText.Of(actual));

        /// <summary>
        /// Called after Modify with a fresh reading. The base fails when anything still differs,
        /// naming it; resources whose changes take effect later override this to warn instead.
        /// </summary>
        protected virtual void VerifyAfterSet(TSelf desired, TSelf after, IReadOnlyList<StateDifference> remaining)
        {
            if (remaining.Count > 0)
            {
                throw new NodeOperationException(
                    "SetDidNotConverge",
                    CommonStrings.Format("SetDidNotConverge", ResourceName, string.Join(" ", remaining.Select(r => r.Phrase))));
            }

            log.Verbose(CommonStrings.Format("SetCompleted", ResourceName));
        }

        object IHgsDscResource.Get() => Get();

        internal static bool ValuesEqual(object? expected, object? actual)
        {
            if (expected is string e && actual is string a)
            {
                return string.Equals(e.Trim(), a.Trim(), StringComparison.OrdinalIgnoreCase);
            }

            if (expected is IEnumerable expectedItems && !(expected is string) && actual is IEnumerable actualItems && !(actual is string))
            {
                var left = new HashSet<string>(expectedItems.Cast<object?>().Select(Canonical), StringComparer.OrdinalIgnoreCase);
                var right = new HashSet<string>(actualItems.Cast<object?>().Select(Canonical), StringComparer.OrdinalIgnoreCase);
                return left.SetEquals(right);
            }

            return Equals(expected, actual);
        }

        private static string Canonical(object? value) => value == null ? string.Empty : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Trim();

        private TSelf Prepare()
        {
            AssertProperties();
            NormalizeProperties();
            return (TSelf)this;
        }

        private TSelf ReadCurrent(TSelf desired)
        {
            log.Verbose(CommonStrings.Format("GettingCurrentState", ResourceName));
            var current = GetCurrentState(desired);
            foreach (var key in Descriptor.Properties.Where(p => p.Kind == DscPropertyKind.Key))
            {
                key.Property.SetValue(current, key.Property.GetValue(desired));
            }

            current.AttachLog(log);
            return current;
        }
    }
}
