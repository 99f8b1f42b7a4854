using System.Net;
using System.Text;
using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>
/// Hosts a Lambda handler for moto: moto_server (scripts/services/moto_server.py) POSTs the invocation's event to
/// <see cref="Url"/>; the answer is the function's payload. A handler exception becomes a function error the way
/// Lambda reports one: header <c>X-Amz-Function-Error: Unhandled</c> and a payload with <c>errorType</c> (the exception's
/// type name) and <c>errorMessage</c>, which Step Functions turns into the task's error name.
/// </summary>
public sealed class LambdaForwarder : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<string, Task<string>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _invocations;

    public LambdaForwarder(Func<string, Task<string>> handler)
    {
        _handler = handler;
        (_listener, Url) = LocalAwsServer.Listen("/invoke/");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>How many invocations arrived.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _invocations);
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        string payload;
        try
        {
            payload = await _handler(body);
        }
        catch (Exception e)
        {
            context.Response.AddHeader("X-Amz-Function-Error", "Unhandled");
            payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = e.GetType().Name, ["errorMessage"] = e.Message });
        }

        var bytes = Encoding.UTF8.GetBytes(payload);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
