namespace HgsDsc.Common
{
    /// <summary>What the delegating cmdlet calls on any resource, whatever its type.</summary>
    public interface IHgsDscResource
    {
        void AttachLog(IDscLog target);

        object Get();

        bool Test();

        void Set();
    }
}
