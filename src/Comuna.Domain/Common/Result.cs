using System.Diagnostics.CodeAnalysis;

namespace Comuna.Domain.Common;

/// <summary>The outcome of a use case: a value, or the <see cref="Error"/> that stopped it.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The result failed with {Error.Code}; there is no value.");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public Result<TOther> Map<TOther>(Func<T, TOther> map) =>
        IsSuccess ? Result<TOther>.Success(map(Value)) : Result<TOther>.Failure(Error);
}
