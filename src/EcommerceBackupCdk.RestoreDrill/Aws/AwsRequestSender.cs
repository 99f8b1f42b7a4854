using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// Sends one AWS operation: signs each attempt with SigV4, retries throttling, 5xx, transport errors and
/// attempt timeouts with exponential backoff and full jitter, within an overall deadline. Everything else
/// becomes an <see cref="AwsServiceException"/> carrying the AWS error code and message.
/// </summary>
internal sealed class AwsRequestSender
{
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = DecompressionMethods.GZip,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly string _serviceName;
    private readonly string _signingService;
    private readonly AwsProtocol _protocol;
    private readonly AwsClientOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpClient _http;

    public AwsRequestSender(string serviceName, string signingService, string endpointPrefix, AwsProtocol protocol, AwsClientOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentException($"MaxAttempts must be at least 1 (got {options.MaxAttempts}).", nameof(options));
        }

        _serviceName = serviceName;
        _signingService = signingService;
        _protocol = protocol;
        _options = options;
        _endpoint = options.Endpoint ?? new Uri($"https://{endpointPrefix}.{options.Region}.amazonaws.com/");
        _http = http ?? SharedHttp;
    }

    public Uri Endpoint => _endpoint;

    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.OverallDeadline);
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            try
            {
                var outcome = await AttemptAsync(request, attempt, deadline.Token).ConfigureAwait(false);
                if (outcome.Response is not null)
                {
                    return outcome.Response;
                }

                last = outcome.RetryableError!;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                throw new AwsClientException(_serviceName, request.Operation, AwsClientException.DeadlineExceeded,
                    $"no answer within the overall deadline of {_options.OverallDeadline.TotalSeconds:0.###} s; last error: {last?.Message ?? "none"}",
                    attempt, last);
            }

            if (attempt == _options.MaxAttempts)
            {
                break;
            }

            var delay = BackoffDelay(attempt);
            try
            {
                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AwsClientException(_serviceName, request.Operation, AwsClientException.DeadlineExceeded,
                    $"overall deadline of {_options.OverallDeadline.TotalSeconds:0.###} s reached while backing off; last error: {last.Message}",
                    attempt, last);
            }
        }

        throw last!;
    }

    private TimeSpan BackoffDelay(int attempt)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }

    private async Task<(AwsHttpResponse? Response, Exception? RetryableError)> AttemptAsync(AwsHttpRequest request, int attempt, CancellationToken deadline)
    {
        var credentials = await ResolveCredentialsAsync(deadline).ConfigureAwait(false);
        // The signing time is the SDK's clock-skew-corrected "now", not DateTime.UtcNow: "If the client time is different
        // from server time by more than about 15 minutes, the requests your application makes will be signed with the
        // incorrect time, and the server will reject them with an InvalidSignatureException or similar error"
        // (https://aws.amazon.com/blogs/developer/clock-skew-correction/). AWSSDK.Core's
        // CorrectClockSkew.GetCorrectedUtcNowForEndpoint: "Get clock skew corrected UTC now value. If
        // ManualClockCorrection is set, use ManualClockCorrection instead of endpoint specific clock correction value."
        var signedAt = CorrectClockSkew.GetCorrectedUtcNowForEndpoint(_endpoint.GetLeftPart(UriPartial.Authority));
        var headers = SigV4RequestSigner.Sign(request, _endpoint, _signingService, _options.Region, credentials, signedAt);

        using var message = new HttpRequestMessage(request.Method, new Uri(_endpoint, request.Path));
        var content = new ByteArrayContent(request.Body);
        message.Content = content;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                continue; // HttpClient derives the same Host from the URI.
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        attemptCts.CancelAfter(_options.AttemptTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(attemptCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!deadline.IsCancellationRequested)
        {
            return (null, new AwsClientException(_serviceName, request.Operation, AwsClientException.RequestTimeout,
                $"no complete answer within {_options.AttemptTimeout.TotalSeconds:0.###} s", attempt, e));
        }
        catch (HttpRequestException e)
        {
            return (null, new AwsClientException(_serviceName, request.Operation, AwsClientException.TransportError, e.Message, attempt, e));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var requestId = HeaderValue(response, "x-amzn-RequestId") ?? HeaderValue(response, "x-amz-request-id");
            if (status is >= 200 and < 300)
            {
                return (new AwsHttpResponse(status, body, requestId, attempt), null);
            }

            var (code, text) = AwsErrorParser.Parse(_protocol, status, body, HeaderValue(response, "x-amzn-ErrorType"));
            var error = new AwsServiceException(_serviceName, request.Operation, status, code, text, requestId, attempt);
            var retryable = status == 429 || status >= 500 || AwsErrorParser.IsThrottling(code);
            if (!retryable)
            {
                throw error;
            }

            return (null, error);
        }
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_options.Credentials is not null)
        {
            return await _options.Credentials(cancellationToken).ConfigureAwait(false);
        }

        var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
        return await credentials.GetCredentialsAsync().ConfigureAwait(false);
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
