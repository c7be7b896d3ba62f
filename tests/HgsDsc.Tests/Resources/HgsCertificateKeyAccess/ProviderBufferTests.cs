using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// The two-call size protocol of NCryptGetProperty and CryptGetProvParam, against simulated
/// providers that answer the way real ones do.
/// </summary>
public sealed class ProviderBufferTests
{
    private const int Success = 0;
    private const int NteBufferTooSmall = unchecked((int)0x80090028);
    private const int ErrorInsufficientBuffer = 122;
    private const int ErrorMoreData = 234;
    private const int TpmPcpBufferTooSmall = unchecked((int)0x80290406);

    private static readonly byte[] Value = Enumerable.Range(1, 36).Select(i => (byte)i).ToArray();

    /// <summary>A provider holding <paramref name="value"/> that answers the size query with <paramref name="sizeStatus"/>.</summary>
    private sealed class Provider
    {
        private readonly Func<int> sizeStatus;

        public Provider(byte[] value, int sizeStatus = Success)
            : this(value, () => sizeStatus)
        {
        }

        public Provider(byte[] value, Func<int> sizeStatus)
        {
            Value = value;
            this.sizeStatus = sizeStatus;
        }

        public byte[] Value { get; set; }

        public List<int?> Calls { get; } = new();

        public int Query(byte[]? buffer, ref int size)
        {
            Calls.Add(buffer?.Length);
            if (buffer == null)
            {
                size = Value.Length;
                return sizeStatus();
            }

            if (buffer.Length < Value.Length)
            {
                size = Value.Length;
                return NteBufferTooSmall;
            }

            Value.CopyTo(buffer, 0);
            size = Value.Length;
            return Success;
        }
    }

    [Theory]
    [InlineData(Success)] // as documented
    [InlineData(NteBufferTooSmall)]
    [InlineData(ErrorInsufficientBuffer)] // seen from NCryptGetProperty(Security Descr)
    [InlineData(ErrorMoreData)]
    [InlineData(TpmPcpBufferTooSmall)] // the TPM key storage provider
    public void The_size_query_may_answer_success_or_buffer_too_small_and_the_value_is_read(int sizeStatus)
    {
        var provider = new Provider(Value, sizeStatus);

        var read = ProviderBuffer.Read(provider.Query, KeyOperation.ReadSecurity, "NCryptGetProperty(Security Descr)");

        Assert.Equal(Value, read);
        Assert.Equal(new int?[] { null, Value.Length }, provider.Calls);
    }

    [Fact]
    public void A_value_that_grows_between_the_two_calls_is_asked_for_again()
    {
        var provider = new Provider(Value);
        var grown = Value.Concat(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD }).ToArray();
        ProviderBuffer.Query growOnce = (byte[]? buffer, ref int size) =>
        {
            if (buffer != null && provider.Value != grown)
            {
                provider.Value = grown;
            }

            return provider.Query(buffer, ref size);
        };

        var read = ProviderBuffer.Read(growOnce, KeyOperation.ReadSecurity, "CryptGetProvParam(PP_KEYSET_SEC_DESCR)");

        Assert.Equal(grown, read);
        Assert.Equal(new int?[] { null, Value.Length, null, grown.Length }, provider.Calls);
    }

    [Fact]
    public void A_value_shorter_than_the_size_first_given_is_cut_to_what_the_provider_wrote()
    {
        ProviderBuffer.Query query = (byte[]? buffer, ref int size) =>
        {
            if (buffer == null)
            {
                size = 64;
                return Success;
            }

            Value.CopyTo(buffer, 0);
            size = Value.Length;
            return Success;
        };

        Assert.Equal(Value, ProviderBuffer.Read(query, KeyOperation.ReadSecurity, "api"));
    }

    [Fact]
    public void Success_without_data_is_a_failure_not_an_empty_descriptor()
    {
        // CryptGetProvParam(PP_KEYSET_SEC_DESCR) reports success with no data when it cannot read the container's security.
        var provider = new Provider(Array.Empty<byte>());

        var error = Assert.Throws<PrivateKeyAccessException>(() => ProviderBuffer.Read(provider.Query, KeyOperation.ReadSecurity, "CryptGetProvParam(PP_KEYSET_SEC_DESCR)"));

        Assert.Equal(PrivateKeyProblem.Failed, error.Problem);
        Assert.Contains("CryptGetProvParam(PP_KEYSET_SEC_DESCR)", error.Message);
        Assert.Contains("no data", error.Message);
        Assert.Equal(new int?[] { null }, provider.Calls);
    }

    [Theory]
    [InlineData(0x80090029, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess, 0x80090029)] // NTE_NOT_SUPPORTED
    [InlineData(5, KeyOperation.ReadSecurity, PrivateKeyProblem.AccessDenied, 0x80070005)] // ERROR_ACCESS_DENIED from GetLastError
    [InlineData(0x8009000A, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess, 0x8009000A)] // NTE_BAD_TYPE: no such parameter
    [InlineData(0x80090026, KeyOperation.Open, PrivateKeyProblem.Failed, 0x80090026)] // NTE_INVALID_HANDLE
    public void A_failed_size_query_is_classified_and_keeps_its_HRESULT(long status, KeyOperation operation, PrivateKeyProblem problem, long hresult)
    {
        var provider = new Provider(Value, unchecked((int)status));

        var error = Assert.Throws<PrivateKeyAccessException>(() => ProviderBuffer.Read(provider.Query, operation, "api"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(unchecked((int)hresult), error.ErrorCode);
        Assert.Single(provider.Calls);
    }

    [Fact]
    public void A_failed_second_call_is_reported()
    {
        ProviderBuffer.Query query = (byte[]? buffer, ref int size) =>
        {
            size = Value.Length;
            return buffer == null ? Success : unchecked((int)0x80090010); // NTE_PERM
        };

        var error = Assert.Throws<PrivateKeyAccessException>(() => ProviderBuffer.Read(query, KeyOperation.ReadSecurity, "api"));

        Assert.Equal(PrivateKeyProblem.AccessDenied, error.Problem);
    }

    [Fact]
    public void A_provider_that_never_fills_the_buffer_is_given_up_on_after_a_few_rounds()
    {
        var calls = 0;
        ProviderBuffer.Query query = (byte[]? buffer, ref int size) =>
        {
            calls++;
            size = buffer == null ? Value.Length : (buffer.Length * 2);
            return buffer == null ? Success : NteBufferTooSmall;
        };

        var error = Assert.Throws<PrivateKeyAccessException>(() => ProviderBuffer.Read(query, KeyOperation.ReadSecurity, "api"));

        Assert.Equal(NteBufferTooSmall, error.ErrorCode);
        Assert.InRange(calls, 2, 10);
    }
}
