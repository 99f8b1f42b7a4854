using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>A request as it arrived, with the outcome of SigV4 verification.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? SignatureProblem)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>An answer of a <see cref="LocalAwsServer"/> handler.</summary>
public sealed record Reply(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that plays an AWS service: verifies every request's SigV4 header (a bad
/// signature gets 403 InvalidSignatureException, as from AWS), applies queued <see cref="Fault"/>s, and
/// otherwise answers through the handler (a fake service, or a forwarder to moto).
/// </summary>
public sealed class LocalAwsServer : IAsyncDisposable
{
    public const string AccessKey = "AKIDLOCALTEST0000001";
    public const string SecretKey = "local-test-secret-key/0123456789abcdefABCDEF";

    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, Task<Reply>> _handler;
    private readonly string _region;
    private readonly string _service;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public LocalAwsServer(string region, string service, Func<RecordedRequest, Task<Reply>> handler)
    {
        _region = region;
        _service = service;
        _handler = handler;
        (_listener, Endpoint) = Listen();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>
    /// When set, the server's clock runs this far from the local one and requests signed more than 15 minutes away
    /// from it are rejected like AWS does: "If the client time is different from server time by more than about 15
    /// minutes ... the server will reject them with an InvalidSignatureException or similar error"
    /// (https://aws.amazon.com/blogs/developer/clock-skew-correction/). Null: no time check.
    /// </summary>
    public TimeSpan? ServerClockOffset { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static Amazon.Runtime.ImmutableCredentials Credentials { get; } = new(AccessKey, SecretKey, null);

    // The probed port is free when probed, but a test running in parallel can probe the same port before this listener
    // takes it; HttpListener then refuses the prefix ("conflicts with an existing registration on the machine"). A new
    // port is probed and tried again, a bounded number of times; the last refusal is thrown.
    internal static (HttpListener Listener, Uri Endpoint) Listen(string path = "/")
    {
        for (var attempt = 1; ; attempt++)
        {
            var endpoint = new Uri($"http://127.0.0.1:{FreePort()}{path}");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.ToString());
            try
            {
                listener.Start();
                return (listener, endpoint);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            var body = buffer.ToArray();
            var headers = request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var rawUrl = request.RawUrl ?? "/";
            var q = rawUrl.IndexOf('?', StringComparison.Ordinal);
            var path = q >= 0 ? rawUrl[..q] : rawUrl;
            var query = q >= 0 ? rawUrl[(q + 1)..] : string.Empty;
            var problem = SigV4Verifier.Problem(request.HttpMethod, path, query, headers, body,
                new Dictionary<string, string> { [AccessKey] = SecretKey }, _region, _service);
            if (problem is null && ServerClockOffset is { } offset && headers.TryGetValue("X-Amz-Date", out var amzDate)
                && DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var signedAt))
            {
                var serverNow = DateTime.UtcNow + offset;
                if ((signedAt - serverNow).Duration() > TimeSpan.FromMinutes(15))
                {
                    problem = $"Signature expired: X-Amz-Date {amzDate} is more than 15 min away from the server time {serverNow:yyyyMMdd'T'HHmmss'Z'}.";
                }
            }

            var recorded = new RecordedRequest(request.HttpMethod, path, query, headers, body, problem);
            _requests.Enqueue(recorded);

            Reply reply;
            if (problem is not null)
            {
                reply = new Reply(403, $$"""{"__type":"InvalidSignatureException","message":"{{problem}}"}""");
            }
            else if (Faults.TryDequeue(out var fault))
            {
                if (fault.Hang)
                {
                    await Task.Delay(fault.Delay, _stop.Token).ConfigureAwait(false);
                    reply = new Reply(500, """{"__type":"ServiceUnavailableException","message":"late"}""");
                }
                else
                {
                    reply = new Reply(fault.Status, fault.Body, fault.ContentType);
                }
            }
            else
            {
                reply = await _handler(recorded).ConfigureAwait(false);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            if (bytes.Length > 0)
            {
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            }

            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (timeout test) or the server is stopping.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>A handler that forwards the request unchanged to another endpoint (moto).</summary>
    public static Func<RecordedRequest, Task<Reply>> ForwardTo(Uri target)
    {
        var http = new HttpClient();
        return async request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, request.Path + (request.Query.Length > 0 ? "?" + request.Query : string.Empty)));
            message.Content = new ByteArrayContent(request.Body);
            foreach (var (name, value) in request.Headers)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await http.SendAsync(message).ConfigureAwait(false);
            return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false),
                response.Content.Headers.ContentType?.ToString() ?? "application/json");
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }
}
