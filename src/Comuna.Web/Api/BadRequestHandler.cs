using Comuna.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Comuna.Web.Api;

/// <summary>
/// A body that is not JSON, or a field of the wrong type, is bad input like any other: it gets
/// problem details that say what the framework could not read (the JSON path names the field).
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
        var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request-too-large" : "malformed-request";
        var error = new Error(code, detail);
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = ApiResults.Problem(error);
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            problem = TypedResults.Problem(detail: detail, statusCode: bad.StatusCode, title: code,
                extensions: new Dictionary<string, object?> { ["code"] = code });
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
