using Comuna.Domain.Common;

namespace Comuna.Web.Api;

/// <summary>The one place where an <see cref="Error"/> becomes RFC 7807 problem details.</summary>
public static class ApiResults
{
    public static int StatusFor(Error error) => error.Kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Problem(Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null)
            extensions["field"] = error.Field;
        // Every error found in the input, the first included, so a client can show them all at once.
        if (error.Also.Count > 0)
            extensions["errors"] = error.All.Select(e => new { code = e.Code, field = e.Field, detail = e.Message }).ToList();
        return TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusFor(error),
            title: error.Code,
            extensions: extensions);
    }

    /// <summary>200 with the value, or the problem.</summary>
    public static IResult Ok<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error);
}
