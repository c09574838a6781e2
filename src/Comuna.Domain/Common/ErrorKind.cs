namespace Comuna.Domain.Common;

/// <summary>What kind of failure an <see cref="Error"/> is; decides the HTTP status in one place.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a rule (400 / 422).</summary>
    Validation,

    /// <summary>The thing does not exist, or the caller may not know that it exists (404).</summary>
    NotFound,

    /// <summary>The request collides with what is already recorded (409).</summary>
    Conflict,

    /// <summary>The caller may see the thing but may not do this to it (403).</summary>
    Forbidden,
}
