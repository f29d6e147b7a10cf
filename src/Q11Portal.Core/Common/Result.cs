namespace Q11Portal.Core.Common;

/// <summary>How a Core operation ended. The web layer maps it to a status code; the CLI to an exit code.</summary>
public enum Outcome
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>The one answer of every Core command: an outcome and, when it did not succeed, a Vietnamese message
/// meant for the person who asked (never parsed by a caller).</summary>
public record Result(Outcome Outcome, string? Message = null)
{
    public static readonly Result Ok = new(Outcome.Ok);

    public bool Succeeded => Outcome == Outcome.Ok;

    public static Result NotFound(string message) => new(Outcome.NotFound, message);

    public static Result Forbidden(string message) => new(Outcome.Forbidden, message);

    public static Result Conflict(string message) => new(Outcome.Conflict, message);

    public static Result Invalid(string message) => new(Outcome.Invalid, message);
}

/// <summary>A <see cref="Result"/> that carries what the operation made or found (the new id, the saved version).
/// <see cref="Value"/> may also be set on a failure that has something to show (a conflicting save).</summary>
public sealed record Result<T>(Outcome Outcome, T? Value = default, string? Message = null) : Result(Outcome, Message)
{
    public static Result<T> Success(T value) => new(Outcome.Ok, value);

    /// <summary>Carries a failure over from an operation of another type; <paramref name="failure"/> must not be Ok.</summary>
    public static Result<T> From(Result failure, T? value = default) =>
        failure.Succeeded
            ? throw new ArgumentException("A successful result needs a value: use Success.", nameof(failure))
            : new(failure.Outcome, value, failure.Message);

    public static implicit operator Result<T>(T value) => Success(value);
}
