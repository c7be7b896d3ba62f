using System.Net;
using System.Net.Sockets;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// A local HTTP server that hands out one issuer certificate to whoever asks, standing in for the
/// address in an EKcert's authority information access extension, and counts who asked.
/// </summary>
public sealed class IssuerServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly byte[] certificate;
    private int requests;

    public IssuerServer(byte[] certificate)
    {
        this.certificate = certificate;
        var port = FreePort();
        Url = new Uri("http://127.0.0.1:" + port + "/vendor/intermediate.cer");
        listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
        listener.Start();
        _ = Serve();
    }

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref requests);

    public void Dispose() => listener.Close();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            context.Response.ContentType = "application/pkix-cert";
            context.Response.ContentLength64 = certificate.Length;
            await context.Response.OutputStream.WriteAsync(certificate);
            context.Response.Close();
        }
    }
}
