using System;
using System.Management.Automation;

namespace HgsDsc.Common
{
    /// <summary>
    /// An error an administrator reads. The message comes from a strings file; the error id and
    /// category travel to PowerShell's ErrorRecord, so scripts can tell errors apart.
    /// </summary>
    public class HgsDscException : Exception, IContainsErrorRecord
    {
        private ErrorRecord? errorRecord;

        public HgsDscException(string errorId, ErrorCategory category, string message, object? targetObject = null, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Category = category;
            TargetObject = targetObject;
        }

        public string ErrorId { get; }

        public ErrorCategory Category { get; }

        public object? TargetObject { get; }

        /// <summary>The record PowerShell shows, with this error's id and category, however the exception travels.</summary>
        public ErrorRecord ErrorRecord => errorRecord ?? (errorRecord = new ErrorRecord(this, ErrorId, Category, TargetObject));

        public ErrorRecord ToErrorRecord() => ErrorRecord;
    }

    /// <summary>A property was given a value that cannot work; nothing was changed.</summary>
    public sealed class InvalidPropertyValueException : HgsDscException
    {
        public InvalidPropertyValueException(string propertyName, object? value, string message)
            : base("InvalidPropertyValue", ErrorCategory.InvalidArgument, message, value)
        {
            PropertyName = propertyName;
            Value = value;
        }

        public string PropertyName { get; }

        public object? Value { get; }
    }

    /// <summary>Something this node needs (a role, a module, an update, Windows itself) is not there.</summary>
    public sealed class NodePrerequisiteException : HgsDscException
    {
        public NodePrerequisiteException(string errorId, string message, object? targetObject = null)
            : base(errorId, ErrorCategory.NotInstalled, message, targetObject)
        {
        }
    }

    /// <summary>A command or API on the node failed, or the node is in a state the resource must not change.</summary>
    public sealed class NodeOperationException : HgsDscException
    {
        public NodeOperationException(string errorId, string message, object? targetObject = null, Exception? innerException = null)
            : base(errorId, ErrorCategory.InvalidOperation, message, targetObject, innerException)
        {
        }
    }
}
